"""What a paper is: its kind, title, body, author and the meeting it was written for.

Everything here reads the first blocks of one paper (a whole file, or one
part of a pack): cover-sheet fields ("Report Name:", "Meeting Date:",
"Report Author:"), title lines ("Minutes of meeting held on ...") and the
board's name. Each function is small and separately testable; the rules are
the wording real councils use, kept as patterns at the top of the module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..document import Block
from ..extract.dates import MONTHS, find_dates, find_times

__all__ = ["PaperFacts", "cover_fields", "describe", "find_body", "find_places"]

HEAD_BLOCKS = 40  # how far into a paper its title and cover fields are looked for

_BODY = regex.compile(
    r"\b((?:the\s+)?(?:[A-Z][\w'&-]*\s+|of\s+|and\s+|for\s+|&\s+){0,7}?"
    r"(?:Board of (?:Governors|Trustees|Directors)|Board|Committee|Sub-Committee|Panel|Commission|Cabinet|Council|Governing Body|Forum|Working Group|"
    r"Partnership Board|Trustees|User Group|Group))\b"
)
_BODY_NOISE = regex.compile(r"^(?:the|decisions of|minutes of|members of|meeting of|to|of|and|for)\s+", regex.I)
_ACRONYM = regex.compile(r"\s*\([A-Z]{2,}\)\s*$")
_PLACE = regex.compile(r"\b(?:London Borough of|Royal Borough of|Borough of|County of|City of)\s+([A-Z][\w-]+)|\b([A-Z][\w-]+)\s+(?:Borough |County |City |Parish )?Council\b")
_WORDY_BODY = regex.compile(
    r"^(?:this|that|a|an|our|each|every|all|any|both|whole|these|those|next|future|previous|last|same)\b|^full\b", regex.I
)
_NAMED_FULL = regex.compile(r"^Full\s+(?:Governing\s+Body|Board|Council|Committee)\b")  # "the full board" is wordy; "Full Governing Body" a name

_LABEL = r"\s*:?\s*$"
_COVER_LABELS = {
    "title": regex.compile(r"^(?:report name|report title|title of report|subject)" + _LABEL, regex.I),
    "meeting": regex.compile(r"^(?:meeting|committee|board)" + _LABEL, regex.I),
    "meeting_date": regex.compile(r"^(?:meeting date|date of meeting|date)" + _LABEL, regex.I),
    "author": regex.compile(r"^(?:report author|author|lead officer|contact officer|officer contact)" + _LABEL, regex.I),
}
_INLINE_COVER = regex.compile(r"^(?P<label>report name|report author|meeting date|meeting|author)\s*:\s*(?P<value>.+)$", regex.I)
# "COMMITTEE Full Governing Body DATE; 03/02/2020": a heading of capitalised labels without colons
_CAPITAL_COVER = regex.compile(r"^(?P<label>COMMITTEE|MEETING|BOARD)\s*[:;]?\s+(?P<value>.+?)(?:\s+DATE\s*[:;]?\s+.*)?$")

_TITLE_LINES = {
    "minutes": regex.compile(r"^(?:draft\s+)?minutes of\b.{0,100}(?<![.;])$", regex.I),
    "action_log": regex.compile(r"^actions? log\b.*", regex.I),
    "appendix": regex.compile(r"^appendix\b.*", regex.I),
}
_NOT_A_TITLE = regex.compile(
    r"^(?:contents|foreword|forward|summary|introduction|london borough of\b|.*\bcouncil$|item\s+\d+|agenda item|"
    r"version\b|page\s+\d+|date\b|time\b|venue\b|[‘'\"].*[’'\"]$)",
    regex.I,
)


@dataclass(frozen=True)
class PaperFacts:
    kind: str
    part: str | None
    title: str | None
    body: str | None
    meeting_date: dt.date | None
    author: str | None
    agenda_item: str | None = None
    date: dt.date | None = None


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    """The head of a paper as lines: a table contributes one line per row (cells tab-joined)."""
    lines: list[str] = []
    for block in blocks[:HEAD_BLOCKS]:
        if block.kind == "table":
            lines.extend("\t".join(cell.text for cell in row) for row in block.rows)
        else:
            lines.append(block.text)
    return lines


def cover_fields(blocks: tuple[Block, ...]) -> dict[str, str]:
    """Label/value pairs of a report cover sheet, from a table or from "Label: value" lines."""
    fields: dict[str, str] = {}
    for line in _texts(blocks):
        cells = [cell.strip() for cell in line.split("\t")]
        label, value = (cells[0], " ".join(c for c in cells[1:] if c)) if len(cells) > 1 else ("", "")
        if not value:
            inline = _INLINE_COVER.match(line.strip()) or _CAPITAL_COVER.match(line.strip())
            if inline:
                label, value = inline.group("label") + ":", inline.group("value")
        for name, pattern in _COVER_LABELS.items():
            if value and name not in fields and pattern.match(label):
                fields[name] = value.strip()
    return fields


def find_places(text: str) -> set[str]:
    """Places named as councils or boroughs ("London Borough of Barnet" gives "Barnet")."""
    return {m.group(1) or m.group(2) for m in _PLACE.finditer(text)}


def _clean_body(raw: str, places: set[str]) -> str | None:
    body = raw.strip()
    while True:
        stripped = _BODY_NOISE.sub("", body)
        if stripped == body:
            break
        body = stripped
    body = _ACRONYM.sub("", body)
    first, _, rest = body.partition(" ")
    if first in places and rest:
        body = rest
    if body.isupper():
        body = body.title().replace("'S ", "'s ")
    if len(body.split()) < 2 or (_WORDY_BODY.match(body) and not _NAMED_FULL.match(body)):
        return None
    return body


def find_body(lines: list[str], places: set[str]) -> str | None:
    """The committee or board the paper belongs to: the most named such phrase in its head."""
    seen: dict[str, tuple[int, int, str]] = {}  # lower-cased name -> (count, -first line, display form)
    for index, line in enumerate(lines):
        # Table cells one at a time: "DC<tab>Next Board" in an action log is an owner and a deadline, not a body.
        for match in (m for cell in line.split("\t") for m in _BODY.finditer(cell)):
            body = _clean_body(match.group(1), places)
            if body is None:
                continue
            count, first, display = seen.get(body.lower(), (0, -index, body))
            seen[body.lower()] = (count + 1, first, display)
    if not seen:
        return None
    return max(seen.values())[2]


def _first_date(lines: list[str], pattern: regex.Pattern[str] | None = None) -> dt.date | None:
    for line in lines:
        if pattern is not None and not pattern.search(line):
            continue
        for found in find_dates(line):
            if found.date is not None and found.has_year:
                return found.date
    return None


_COVER_LINES = 40
_MONTH_YEAR = regex.compile(
    r"\b(?P<month>" + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True)) + r")\s+(?P<year>(?:19|20)\d\d)\b",
    regex.I,
)


def _own_date(lines: list[str], meeting: dt.date | None) -> dt.date | None:
    """The paper's date: its meeting's, else the first full date or "Month YYYY" on its cover."""
    if meeting is not None:
        return meeting
    for line in lines[:_COVER_LINES]:
        full = [found.date for found in find_dates(line) if found.date is not None and found.has_year]
        if full:
            return full[0]
        month = _MONTH_YEAR.search(line)
        if month:
            return dt.date(int(month.group("year")), MONTHS[month.group("month").lower()], 1)
    return None


_HELD_ON = regex.compile(r"\b(?:held|meeting)\b.{0,80}\b(?:on|of)\b", regex.I)
_MEETING_DATE_HINT = regex.compile(r"^(?:date(?: and time)?|meeting date|date of meeting)\b|\bday\b", regex.I)


def _meeting_date(kind: str, lines: list[str], cover: dict[str, str]) -> dt.date | None:
    if "meeting_date" in cover:
        found = _first_date([cover["meeting_date"]])
        if found:
            return found
    if kind in {"minutes", "action_log"}:
        # The heading's own date comes first: "held on" further down may name the previous meeting.
        return _first_date([" ".join(lines[:3])]) or _first_date(lines, _HELD_ON) or _first_date(lines[:12])
    if kind in {"agenda", "other", "pack"}:
        return _first_date(lines, _MEETING_DATE_HINT) or _first_date(lines[:25])
    return None


def _title(
    kind: str, part: str | None, lines: list[str], blocks: tuple[Block, ...], cover: dict[str, str], body: str | None
) -> str | None:
    if "title" in cover:
        return cover["title"]
    if kind == "pack" or part == "summons":
        return body  # a summons and its pack are headed by the board's name, then date and venue
    pattern = _TITLE_LINES.get(part or kind)
    if pattern is not None:
        for line in lines:
            if pattern.match(line):
                return line.split("\t")[0].strip()
    for block in blocks[:HEAD_BLOCKS]:
        if block.kind in {"table", "list_item"} or len(block.text) > 120 or len(block.text) < 4:
            continue
        if _NOT_A_TITLE.match(block.text) or block.text.endswith(":") or " " not in block.text.strip():
            continue  # labels ("MEETING", "Contents:") and letterhead are not titles
        if body and block.text.lower() in body.lower():
            continue  # the board's own name is where the paper belongs, not what it is called
        if _mostly_date_or_time(block.text):
            continue
        if kind == "strategy" and "strategy" not in block.text.lower():
            continue
        return block.text
    return None


def _mostly_date_or_time(text: str) -> bool:
    covered = sum(d.end - d.start for d in find_dates(text)) + sum(e - s for _, s, e in find_times(text))
    return covered * 2 >= len(text.strip())


# "ITEM 5" / "AGENDA ITEM 1" above a report's cover sheet: the agenda item the report is for.
_COVER_ITEM = regex.compile(r"^(?:agenda\s+)?item\s*(?:no\.?\s*)?:?\s*(?P<n>\d{1,3}[a-z]?(?:\.\d{1,2})?)\.?$", regex.I)


def _agenda_item(lines: list[str]) -> str | None:
    for line in lines[:6]:
        for cell in line.split("\t")[:2]:
            match = _COVER_ITEM.match(cell.strip())
            if match:
                return match.group("n")
    return None


_AUTHOR_ROLE = regex.compile(r"\s*[,–-]\s+.*$")


def _author(cover: dict[str, str]) -> str | None:
    author = cover.get("author")
    return _AUTHOR_ROLE.sub("", author).strip() or None if author else None


_KIND_HINTS = [
    ("minutes", regex.compile(r"^(?:draft\s+)?minutes\b|\bminutes of (?:the |a )?(?:\w+\s+){0,6}?meeting\b|\bmeeting minutes\b|\bminutes$", regex.I)),
    ("action_log", regex.compile(r"^actions? log\b", regex.I)),
    ("agenda", regex.compile(r"^(?:agenda|order of business|notice of (?:the )?meeting)\b", regex.I)),
    ("strategy", regex.compile(r"\bstrategy\s+(?:19|20)\d\d\b", regex.I)),
    ("report", regex.compile(r"^(?:report (?:name|title|author)\b|report of\b|report to\b|executive summary$)", regex.I)),
]
_AGENDA_HINT = dict(_KIND_HINTS)["agenda"]
_MINUTES_SIGNS = regex.compile(
    r"^\s*(?:present|apologies|attendees|attendance|in attendance|governor attendance|roll call|resolved)\b", regex.I
)


def _kind(lines: list[str], marked: str | None) -> str:
    """The paper's kind: what its pack marker says, else its head's first hint. Minutes that list the
    business before the notes ("Governor attendance", then "Agenda") are minutes, marked or not."""
    head = lines[:15]
    signs = next((i for i, line in enumerate(head) if _MINUTES_SIGNS.match(line)), None)
    if marked == "agenda" and signs is not None:
        agenda = next((i for i, line in enumerate(head) if _AGENDA_HINT.search(line)), None)
        return "minutes" if agenda is not None and signs < agenda else marked
    if marked:
        return marked
    for kind, pattern in _KIND_HINTS:
        first = next((i for i, line in enumerate(head) if pattern.search(line)), None)
        if first is None:
            continue
        if kind == "agenda" and signs is not None and signs < first:
            return "minutes"  # "Governor attendance" then "Agenda": minutes that list the business first
        return kind
    if sum(1 for line in lines if _MINUTES_SIGNS.match(line)) >= 1:
        return "minutes"
    return "report" if len(lines) >= 10 else "other"


_PART_KINDS = {"summons": "other", "appendix": "report"}


def describe(
    blocks: tuple[Block, ...], marked: str | None, places: set[str], inherited_body: str | None = None
) -> PaperFacts:
    """Facts of one paper; ``marked`` is the part kind its pack marker gave (or None).

    A part of a pack belongs to the pack's board (``inherited_body``) unless its
    own cover sheet names a meeting: the names of partner bodies in a
    membership list are not the paper's body.
    """
    lines = _texts(blocks)
    kind = _kind(lines, _PART_KINDS.get(marked, marked) if marked else None)
    part = None if marked == "agenda" and kind == "minutes" else marked  # minutes that list their agenda first
    cover = cover_fields(blocks)
    body = find_body([cover["meeting"]], places) if "meeting" in cover else None
    body = body or (find_body(lines, places) if inherited_body is None else inherited_body)
    meeting_date = _meeting_date(part or kind, lines, cover)
    return PaperFacts(
        kind=kind,
        part=part,
        title=_title(kind, part, lines, blocks, cover, body) or body,
        body=body,
        meeting_date=meeting_date,
        author=_author(cover),
        agenda_item=_agenda_item(lines) if kind == "report" else None,
        date=_own_date(lines, meeting_date),
    )
