"""When a task is due: the deadline as written, and as a date where the meeting's date pins it down.

Minutes write deadlines relative to the meeting: "by Friday 5 February" (no
year: the first 5 February on or after the meeting), "by the end of the
year", "by end of March", "01/03/2020" in a "By when" column. Others name
no date at all ("at the next meeting", "asap", "ongoing"): those keep their
``due_text`` and no ``due``, because only the archive knows when the next
meeting was (``boardpapers.link`` resolves them once it does).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import regex

from .dates import MONTHS, find_dates

__all__ = ["Deadline", "find_deadline", "read_deadline"]


@dataclass(frozen=True)
class Deadline:
    """A deadline found in a task: ``text`` as written, ``due`` as an ISO date or None,
    and where ``text`` sits in the searched string."""

    text: str
    due: str | None
    start: int
    end: int


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# Deadlines that name no date: kept as text.
_OPEN_ENDED = regex.compile(
    r"\b(?:(?:at|to|for|by|before|until)\s+(?:the\s+)?next\s+(?:board\s+|committee\s+|panel\s+|full\s+)?meeting"
    r"|as\s+soon\s+as\s+possible|asap|a\.s\.a\.p\.?|on-?going|ongoing"
    r"|(?:over|within|in)\s+the\s+next\s+\d+\s+(?:weeks|months|years)"
    r"|through(?:out)?\s+the\s+year|in\s+(?:19|20)\d\d/\d\d(?:\d\d)?)\b",
    regex.I,
)
_END_OF = regex.compile(
    r"\b(?:by\s+|before\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?"
    r"(?P<what>year|calendar\s+year|month|financial\s+year|(?P<month>" + _MONTH_NAMES + r")(?:\s+(?P<year>(?:19|20)\d\d))?)\b",
    regex.I,
)
_LEAD_IN = regex.compile(
    r"\b(?:by|before|on|no\s+later\s+than|for|due|until|deadline:?)\s+"
    r"(?:(?:noon|midday|close\s+of\s+(?:play|business)|cob|\d{1,2}(?:[.:]\d\d)?\s*[ap]m)\s+(?:on\s+)?)?$",
    regex.I,
)
_MONTH_ONLY = regex.compile(r"^\s*(?:by\s+|end\s+)?(?P<month>" + _MONTH_NAMES + r")\.?(?:\s+(?P<year>(?:19|20)\d\d))?\s*$", regex.I)


def _after(meeting: dt.date | None, month: int, day: int, year: int | None) -> dt.date | None:
    """The date with that month and day: in ``year`` if written, else the first on or after the meeting."""
    base = year or (meeting.year if meeting else None)
    if base is None:
        return None
    try:
        value = dt.date(base, month, day)
    except ValueError:
        if not (month == 2 and day == 29):
            return None
        value = dt.date(base, 2, 28)  # 29 February of a year without one: its last day
    if year is None and meeting is not None and value < meeting:
        value = dt.date(base + 1, month, min(day, calendar.monthrange(base + 1, month)[1]))
    return value


def _month_end(meeting: dt.date | None, month: int, year: int | None) -> dt.date | None:
    last = calendar.monthrange(year or (meeting.year if meeting else 2000), month)[1]
    return _after(meeting, month, last, year)


def _end_of(match: regex.Match[str], meeting: dt.date | None) -> dt.date | None:
    what = match.group("what").lower()
    if match.group("month"):
        year = int(match.group("year")) if match.group("year") else None
        return _month_end(meeting, MONTHS[match.group("month").lower().rstrip(".")], year)
    if meeting is None:
        return None
    if what.startswith("month"):
        return _month_end(meeting, meeting.month, meeting.year)
    if what.startswith("financial"):
        return dt.date(meeting.year + (meeting.month > 3), 3, 31)
    return dt.date(meeting.year, 12, 31)


def find_deadline(text: str, meeting: dt.date | None) -> Deadline | None:
    """The deadline a task sentence sets, if it sets one."""
    match = _END_OF.search(text)
    if match:
        due = _end_of(match, meeting)
        return Deadline(match.group(0), due.isoformat() if due else None, match.start(), match.end())
    for found in find_dates(text):
        lead = _LEAD_IN.search(text[: found.start])
        if lead is None:
            continue
        month_day = found.date or None
        due = None
        if month_day is not None:
            due = month_day if found.has_year else _after(meeting, month_day.month, month_day.day, None)
        elif not found.has_year:
            retry = find_dates(found.text, default_year=meeting.year if meeting else None)
            due = _after(meeting, retry[0].date.month, retry[0].date.day, None) if retry and retry[0].date else None
        return Deadline(text[lead.start() : found.end], due.isoformat() if due else None, lead.start(), found.end)
    match = _OPEN_ENDED.search(text)
    if match:
        return Deadline(match.group(0), None, match.start(), match.end())
    return None


def read_deadline(cell: str, meeting: dt.date | None) -> Deadline | None:
    """A "Due" / "By when" cell: the whole cell is the deadline ("01/03/2020", "asap", "Nov", "End of March")."""
    text = cell.strip()
    if not text or text in {"-", "–", "n/a", "N/A", "tbc", "TBC"}:
        return None
    found = find_deadline(text, meeting)
    if found is not None and found.due is not None:
        return Deadline(text, found.due, 0, len(text))
    dates = find_dates(text, default_year=meeting.year if meeting else None)
    valid = [d for d in dates if d.date is not None]
    if valid:
        first = valid[0]
        assert first.date is not None
        due = first.date if first.has_year else _after(meeting, first.date.month, first.date.day, None)
        return Deadline(text, due.isoformat() if due else None, 0, len(text))
    month = _MONTH_ONLY.match(regex.sub(r"\([^)]*\)", "", text))
    if month:
        year = int(month.group("year")) if month.group("year") else None
        due = _month_end(meeting, MONTHS[month.group("month").lower().rstrip(".")], year)
        return Deadline(text, due.isoformat() if due else None, 0, len(text))
    return Deadline(text, None, 0, len(text))
