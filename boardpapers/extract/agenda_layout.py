"""Find every line that could be an agenda item: the "find" half of the extractor.

A paper is read as *lines*: each heading, paragraph and list item is one
line, and so is each table row (with its cells). A line is an item
candidate (:class:`Entry`) when it starts with an item label ("7.",
"FGB 98/2122", "Item 3:") or with a time slot ("14:35-14:50"); which
candidates really are items is decided later (``agenda_sequence``), because
numbered paragraphs inside minutes look exactly like numbered items.

Two layouts:

- ``numbered``: a list, headings or a table of numbered items (an order of
  business "1. | Title | 1 - 8", Kent's "(Pages 11 - 84)", minute headings);
- ``timed``: a timed agenda, each item with its time slot, a title that may
  carry "• bullet" sub-items, and a presenter ("Led by" column, or a name in
  brackets).

An unlabelled heading followed by "(Item 5)" (Kent panel minutes) is a
numbered candidate too, numbered by that reference.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import regex

from ..document import Cell
from ..records import Paper
from .agenda_lines import (
    Label,
    TimeSlot,
    clean_title,
    find_pages,
    heading_prefix,
    is_item_reference,
    parse_label,
    parse_time_slot,
    split_bullets,
    split_lettered,
)
from .agenda_people import bracketed_presenter
from .agenda_vocab import is_procedural, strip_remark
from .dates import find_dates

__all__ = ["Entry", "Line", "find_entries", "is_furniture", "paper_lines", "sentence_like"]


@dataclass(frozen=True)
class Line:
    """One heading, paragraph or list item, or one table row, with where it is."""

    index: int
    kind: str  # heading | paragraph | list_item | row
    level: int
    text: str
    page: int | None
    start: int
    end: int
    cells: tuple[Cell, ...] = ()
    roles: tuple[str, ...] = ()  # for a row: what each column holds, from the table's header


@dataclass(frozen=True)
class Entry:
    """A candidate item: its line, label, clean title and what its own line says."""

    line: int
    layout: str  # numbered | timed
    label: Label | None
    title: str
    score: float
    subitems: tuple[str, ...] = ()
    pages: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    minutes: int | None = None
    presenter: str | None = None
    agenda_number: str | None = None


# Header words that say what a column holds.
_COLUMN_ROLES: list[tuple[str, regex.Pattern[str]]] = [
    (
        "presenter",
        regex.compile(r"^(?:led by|lead(?:\s+officer)?|presenter|presented by|speaker|who|responsible|owner)$", regex.I),
    ),
    ("pages", regex.compile(r"^(?:pages?|page no\.?|pp)$", regex.I)),
    ("time", regex.compile(r"^(?:time|timings?|slot)$", regex.I)),
    ("number", regex.compile(r"^(?:item(?:\s+no\.?)?|no\.?|number|ref(?:erence)?|minute(?:\s+no\.?)?|#)$", regex.I)),
    (
        "title",
        regex.compile(r"^(?:title(?: of report)?|item|subject|description|business|report|agenda item|topic)$", regex.I),
    ),
]


def _header_roles(row: tuple[Cell, ...]) -> tuple[str, ...] | None:
    roles = []
    for cell in row:
        text = cell.text.strip().rstrip(":")
        role = next((name for name, pattern in _COLUMN_ROLES if pattern.match(text)), "" if not text else "other")
        roles.append(role)
    known = [role for role in roles if role not in ("", "other")]
    return tuple(roles) if len(known) >= 2 else None


def paper_lines(paper: Paper) -> list[Line]:
    """The paper's lines in reading order; a table's header row is read for column roles, not kept."""
    lines: list[Line] = []
    last_roles: tuple[str, ...] = ()
    for block in paper.blocks:
        if block.kind != "table":
            lines.append(Line(len(lines), block.kind, block.level, block.text, block.page, block.start, block.end))
            continue
        rows = list(block.rows)
        roles = _header_roles(rows[0]) if rows else None
        if roles is not None:
            rows = rows[1:]
            last_roles = roles
        elif rows and len(rows[0]) != len(last_roles):
            last_roles = ()
        for row in rows:
            filled = [cell for cell in row if cell.text]
            if not filled:
                continue
            text = " ".join(cell.text for cell in filled)
            start, end = filled[0].start, filled[-1].end
            lines.append(Line(len(lines), "row", 0, text, block.page, start, end, row, roles or last_roles))
    return lines


_PAGE_FURNITURE = regex.compile(
    r"^(?:page\s+\d+(?:\s+of\s+\d+)?|[-–]?\s*\d{1,3}\s*[-–]?|\d+\s*/\s*\d+)$", regex.I
)


def is_furniture(line: Line, repeated: Counter[str]) -> bool:
    """A page number or a running header (a short line the paper prints more than once)."""
    text = line.text.strip()
    if _PAGE_FURNITURE.match(text):
        return True
    return line.kind in ("heading", "paragraph") and len(text) <= 100 and repeated[text] > 1


_SENTENCE_BREAK = regex.compile(r"\p{Ll}{2}[.!?]\s+\p{Lu}")


def sentence_like(title: str) -> bool:
    """Prose rather than a heading: a full stop after seven words or more, or two sentences."""
    words = title.split()
    return bool(_SENTENCE_BREAK.search(title)) or (title.rstrip().endswith(".") and len(words) >= 7)


# A label alone in its own column is the surest sign of an item table: the title cell beside it
# may run on into the minute's text ("Welcome and Apologies Apologies were received ...").
NUMBER_COLUMN_BONUS = 1.5


def _score(kind: str, title: str, label: Label | None) -> float:
    """How much a candidate looks like an item heading rather than a numbered paragraph."""
    score = 1.0
    score += {"heading": 1.5, "row": 1.0}.get(kind, 0.0)
    length = len(title)
    score += 1.0 if length <= 60 else 0.5 if length <= 100 else -1.5 if length > 160 else 0.0
    if length > 250:
        score -= 2.0
    if sentence_like(title):
        score -= 2.0
    letters = [char for char in title if char.isalpha()]
    if len(letters) >= 4 and all(char.isupper() for char in letters):
        score += 1.0
    if title[:1].islower():
        score -= 2.0
    if label is not None and label.scheme in ("item", "ref"):
        score += 1.0
    if is_procedural(title):
        score += 0.5
    return score


def _is_title(title: str) -> bool:
    """Words that can title an item: not empty, not punctuation first, not only a date.

    "10:00-11:30, 14 February 2014" under a heading is when the meeting is, not an item.
    """
    if not title or not (title[0].isalnum() or title[0] in "(\"'‘“"):
        return False
    words = title
    for found in reversed(find_dates(title)):
        words = words[: found.start] + words[found.end :]
    return any(char.isalpha() for char in words)


def _finish_title(
    text: str, timed: bool, has_presenter: bool
) -> tuple[str, list[str], str | None, str | None, str | None]:
    """(title, bullets, pages, presenter in brackets, agenda item referred to) from a title's raw text."""
    head, bullets = split_bullets(text)
    head, lettered = split_lettered(head)
    bullets = lettered + bullets
    pages, head = find_pages(head)
    head, reference = clean_title(head)
    head, _ = strip_remark(head)
    presenter = None
    if timed and not has_presenter:
        head, presenter = bracketed_presenter(head)
    return head, bullets, pages, presenter, reference


def _opening(text: str) -> tuple[Label | None, TimeSlot | None, str] | None:
    """The item number and/or time slot an entry opens with, and the text after them.

    None when the text opens with neither, or with a sub-item label ("a.").
    """
    label = parse_label(text)
    if label is not None and not label.top:
        return None
    rest = text[label.end :] if label else text
    slot = parse_time_slot(rest)
    if slot is not None:
        rest = rest[slot.span_end :]
    if label is None and slot is None:
        return None
    return label, slot, rest


def _row_entry(line: Line) -> Entry | None:
    cells = [cell for cell in line.cells]
    filled = [i for i, cell in enumerate(cells) if cell.text.strip()]
    if not filled:
        return None
    first = filled[0]
    opening = _opening(cells[first].text.strip())
    if opening is None:
        return None
    label, slot, rest = opening
    others = [i for i in filled if i > first]
    own_cell = label is not None and not rest.strip()  # "1." alone in a number column
    if rest.strip():
        title_text, remaining = rest, others
    elif others:
        title_text, remaining = cells[others[0]].text, others[1:]
    else:
        return None
    if label is None:
        label = parse_label(title_text.strip())
        if label is not None:
            title_text = title_text.strip()[label.end :]
    roles = line.roles
    presenter_cell = next((i for i in remaining if i < len(roles) and roles[i] == "presenter"), None)
    if presenter_cell is None and slot is not None:
        presenter_cell = next((i for i in remaining if not find_pages(cells[i].text, whole_cell=True)[0]), None)
    pages_cell = next((cells[i].text for i in remaining if find_pages(cells[i].text, whole_cell=True)[0]), None)
    timed = slot is not None
    title, bullets, pages, bracketed, reference = _finish_title(title_text, timed, presenter_cell is not None)
    if not _is_title(title):
        return None
    if len(title) > 100 or sentence_like(title):
        title = heading_prefix(title)
    if pages_cell is not None and pages is None:
        pages = find_pages(pages_cell, whole_cell=True)[0]
    presenter = cells[presenter_cell].text.strip() if presenter_cell is not None else bracketed
    return Entry(
        line=line.index,
        layout="timed" if slot is not None else "numbered",
        label=label,
        title=title,
        score=_score("row", title, label) + (NUMBER_COLUMN_BONUS if own_cell else 0.0),
        subitems=tuple(bullets),
        pages=pages,
        start_time=slot.start if slot else None,
        end_time=slot.end if slot else None,
        minutes=slot.minutes if slot else None,
        presenter=presenter or None,
        agenda_number=reference,
    )


def _block_entry(line: Line) -> Entry | None:
    opening = _opening(line.text.strip())
    if opening is None:
        return None
    label, slot, rest = opening
    title, bullets, pages, presenter, reference = _finish_title(rest, slot is not None, False)
    if not _is_title(title):
        return None
    return Entry(
        line=line.index,
        layout="timed" if slot is not None else "numbered",
        label=label,
        title=title,
        score=_score(line.kind, title, label),
        subitems=tuple(bullets),
        pages=pages,
        start_time=slot.start if slot else None,
        end_time=slot.end if slot else None,
        minutes=slot.minutes if slot else None,
        presenter=presenter,
        agenda_number=reference,
    )


def _referenced(line: Line, number: str) -> Entry | None:
    """An unlabelled heading followed by "(Item 5)": item 5, titled by the heading."""
    if line.kind == "row" or parse_label(line.text) is not None or len(line.text) > 200:
        return None
    title, reference = clean_title(line.text)
    if not title or sentence_like(title):
        return None
    value = int(regex.match(r"\d+", number).group(0))  # type: ignore[union-attr]
    label = Label("ref", number, value, 0, True)
    return Entry(line.index, "numbered", label, title, _score(line.kind, title, label) + 1.0, agenda_number=number)


def find_entries(lines: list[Line]) -> list[Entry]:
    """Every item candidate in ``lines``, in order."""
    entries: dict[int, Entry] = {}
    for line in lines:
        entry = _row_entry(line) if line.kind == "row" else _block_entry(line)
        if entry is not None:
            entries[line.index] = entry
    for line in lines:
        number = is_item_reference(line.text) if line.kind != "row" else None
        if number is None or line.index == 0:
            continue
        previous = lines[line.index - 1]
        if previous.index in entries:
            entry = entries[previous.index]
            if entry.agenda_number is None and (entry.label is None or entry.label.number != number):
                entries[previous.index] = replace(entry, agenda_number=number, score=entry.score + 1.0)
            continue
        made = _referenced(previous, number)
        if made is not None:
            entries[previous.index] = made
    return [entries[index] for index in sorted(entries)]
