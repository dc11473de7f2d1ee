"""Meetings: which meeting each paper records or prepares, with its time, venue and chair.

A meeting is identified by its body and date, so the 29 January 2016 minutes
found inside the 22 April 2016 pack, and the report written for 23 October
2020, each name their own meeting. Facts come from the forms papers use:
"FRIDAY 22ND APRIL, 2016 AT 2.30 PM", "Time: 2.30pm to 4.30pm",
"Venue: ...", the address line under "Minutes of meeting held on ...",
"The meeting finished at 11.50 am", "Chairman: Councillor David Longstaff",
"Councillor Sara Conway - Chair".
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import regex

from ..records import Meeting, Paper
from .dates import find_dates, find_time_range
from .names import split_honorific

__all__ = ["extract_meetings", "meeting_id"]

HEAD_LINES = 60

_LABELLED = regex.compile(
    r"^(?P<label>venue|location|place|time|date and time|chair(?:man|person)?|chaired by)\b"
    r"(?:\s*[:;–-]\s*(?P<value>.*)|(?<=by)\s+(?P<value>.*)|\s*$)",
    regex.I,
)
_ENDED = regex.compile(r"\b(?:meeting|session)\s+(?:finished|ended|closed|concluded|was closed)\s+at\s+(.{0,20})", regex.I)
_STARTED = regex.compile(r"\b(?:meeting|session)\s+(?:started|commenced|began|opened)\s+at\s+(.{0,20})", regex.I)
_DATE_AT_TIME = regex.compile(r"^\s*(?:at|from)\s+(.{0,25})$", regex.I)
_VENUE_WORDS = regex.compile(
    r"\b(?:hall|room|house|centre|center|chamber|library|offices?|school|teams|zoom|online|virtual(?:ly)?|"
    r"building|court|street|road|town hall|civic)\b",
    regex.I,
)
_HELD_IN = regex.compile(r"\bheld\s+(?:in|at)\s+(?:the\s+)?(?P<venue>[^.;]{4,120}?)\s+on\s+\w", regex.I)
# "Shellina Prendergast (Chair), Paul Bartlett (Vice-Chair), ..." inside a run-on attendance line.
_CHAIR_IN_LIST = regex.compile(
    r"(?P<name>(?:\p{Lu}[\w'’.-]*\s+){0,3}\p{Lu}[\w'’-]+)\s*(?:\([A-Za-z]{1,4}\)\s*)?\((?i:(?:the\s+)?chair(?:man|person|woman)?)\)"
)
_CHAIR_SUFFIX = regex.compile(r"^(?P<name>[^()\t]{3,80}?)\s*(?:\([A-Za-z]{1,4}\)\s*)?(?:[-–—,]\s*|\()(?:the\s+)?(?:chair|chairman|chairperson|chairwoman)\)?\s*$", regex.I)


@dataclass(frozen=True)
class _Facts:
    start_time: str | None = None
    end_time: str | None = None
    venue: str | None = None
    chair: str | None = None

    def merged(self, other: "_Facts") -> "_Facts":
        return _Facts(*(getattr(self, f.name) or getattr(other, f.name) for f in fields(self)))


def meeting_id(body: str | None, date: str) -> str:
    slug = regex.sub(r"[^a-z0-9]+", "-", (body or "meeting").lower()).strip("-")
    return f"{slug}/{date}"


def _lines(paper: Paper) -> list[str]:
    lines: list[str] = []
    for block in paper.blocks[:HEAD_LINES]:
        if block.kind == "table":
            lines.extend("\t".join(c.text for c in row) for row in block.rows)
        else:
            lines.append(block.text)
    return lines


def _chair(line: str) -> str | None:
    labelled = _LABELLED.match(line)
    if labelled and labelled.group("label").lower().startswith("chair") and labelled.group("value"):
        return split_honorific(labelled.group("value").split("\t")[0])[1]
    suffixed = _CHAIR_SUFFIX.match(line.split("\t")[0]) or _CHAIR_IN_LIST.search(line)
    if suffixed:
        return split_honorific(suffixed.group("name").strip(" -–"))[1]
    return None


def _facts(paper: Paper) -> _Facts:
    lines = _lines(paper)
    facts = _Facts()
    for index, line in enumerate(lines):
        label = _LABELLED.match(line.replace("\t", " ").strip())
        value = (label.group("value") or "").strip() if label else ""
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if label and label.group("label").lower() in {"venue", "location", "place"}:
            facts = facts.merged(_Facts(venue=value or following))
        elif label and label.group("label").lower().startswith(("time", "date and time")):
            start, end = find_time_range(value)
            facts = facts.merged(_Facts(start_time=start, end_time=end))
        if find_dates(line) and not facts.start_time:
            start, end = find_time_range(line)
            if start is None and _DATE_AT_TIME.match(following):
                start, end = find_time_range(following)
            facts = facts.merged(_Facts(start_time=start, end_time=end))
        if regex.match(r"^(?:(?:draft\s+)?minutes|actions? log) of\b", line, regex.I):
            held = _HELD_IN.search(line)
            if held:
                facts = facts.merged(_Facts(venue=held.group("venue")))
            elif _VENUE_WORDS.search(following) and len(following) <= 120 and not find_dates(following):
                facts = facts.merged(_Facts(venue=following))
        chair = _chair(line)
        if chair and not facts.chair:
            facts = facts.merged(_Facts(chair=chair))
    ended = list(_ENDED.finditer(paper.text))
    if ended:
        facts = replace(facts, end_time=find_time_range(ended[-1].group(1))[0] or facts.end_time)
    started = _STARTED.search(paper.text)
    if started and not facts.start_time:
        facts = replace(facts, start_time=find_time_range(started.group(1))[0])
    return facts


def extract_meetings(papers: list[Paper]) -> list[Meeting]:
    """One Meeting per (body, date) that the papers record or prepare, in order of first mention."""
    found: dict[str, tuple[_Facts, list[str], str | None, str]] = {}
    for paper in papers:
        if paper.meeting_date is None or paper.kind == "strategy":
            continue
        key = meeting_id(paper.body, paper.meeting_date)
        facts = _facts(paper) if paper.kind != "pack" or len(papers) == 1 else _Facts()
        previous, ids, body, date = found.get(key, (_Facts(), [], paper.body, paper.meeting_date))
        found[key] = (previous.merged(facts), [*ids, paper.id], body, date)
    return [
        Meeting(id=key, body=body, date=date, papers=tuple(ids), **{f.name: getattr(facts, f.name) for f in fields(facts)})
        for key, (facts, ids, body, date) in found.items()
    ]
