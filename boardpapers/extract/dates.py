"""Dates and times as board papers write them.

Forms met in real papers: "29 January 2016", "23rd October 2020", "FRIDAY
22ND APRIL, 2016", "22 nd April 2016" (a superscript that lost its markup),
"Thursday, 30 January 2025", "January 27, 2020", "29.01.2016", "2019-10-14",
"19 November" (year from context); times "2.30 PM", "2.30pm", "14:00",
"11.50 am", "2.30pm to 4.30pm", "14:00-17:00". Each finder returns the value
with its span so callers can keep provenance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

__all__ = ["FoundDate", "find_dates", "find_time_range", "find_times", "parse_date", "to_hhmm"]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_ORDINAL = r"(?:\s?(?:st|nd|rd|th|an))?"
_DAY_MONTH_YEAR = rf"\b{_WEEKDAY}(?P<day>[0-3]?\d){_ORDINAL}(?:\s+of)?\s+{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
_MONTH_DAY_YEAR = rf"\b{_WEEKDAY}{_MONTH}\s+(?P<day>[0-3]?\d){_ORDINAL},?\s+(?P<year>(?:19|20)\d\d)\b"
_NUMERIC = r"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)?\d\d)\b"
_ISO = r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"
_PATTERNS = [regex.compile(p, regex.I) for p in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO, _NUMERIC)]


@dataclass(frozen=True)
class FoundDate:
    """A date found in text; ``date`` is None when it is written but impossible ("30.15.2015")."""

    date: dt.date | None
    start: int
    end: int
    text: str
    has_year: bool = True


def _month_number(value: str) -> int:
    return MONTHS[value.lower().rstrip(".")] if not value.isdigit() else int(value)


def _build(match: regex.Match[str], default_year: int | None) -> FoundDate:
    groups = match.groupdict()
    year_text = groups.get("year")
    year = int(year_text) if year_text else default_year
    if year is not None and year < 100:
        year += 2000
    try:
        month = _month_number(groups["month"])
        value = dt.date(year, month, int(groups["day"])) if year else None
    except (ValueError, KeyError):
        value = None
    return FoundDate(value, match.start(), match.end(), match.group(0), bool(year_text))


def find_dates(text: str, default_year: int | None = None) -> list[FoundDate]:
    """Every date written in ``text``, in order, without overlaps (the longest form wins)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            found.append(_build(match, default_year))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item.start)


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first valid date in ``text``, or None."""
    for item in find_dates(text, default_year):
        if item.date is not None:
            return item.date
    return None


_TIME = regex.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\.?)(?![a-z])"
    r"|\b(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)\b",
    regex.I,
)
_RANGE_JOIN = regex.compile(r"^\s*(?:-|–|—|to|until|till)\s*$", regex.I)


def to_hhmm(hour: int, minute: str | None, ampm: str | None) -> str:
    """"2", "30", "pm" -> "14:30"; without am/pm the hour is taken as written (24-hour)."""
    marker = (ampm or "").lower()
    if marker.startswith("p") and hour < 12:
        hour += 12
    elif marker.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute or '00'}"


def _as_hhmm(match: regex.Match[str]) -> str:
    if match.group("hour24") is not None:
        return to_hhmm(int(match.group("hour24")), match.group("minute24"), None)
    return to_hhmm(int(match.group("hour")), match.group("minute"), match.group("ampm"))


def find_times(text: str) -> list[tuple[str, int, int]]:
    """Times of day written in ``text`` as ``(HH:MM, start, end)``."""
    return [(_as_hhmm(m), m.start(), m.end()) for m in _TIME.finditer(text)]


def find_time_range(text: str) -> tuple[str | None, str | None]:
    """A start and end time such as "2.30pm to 4.30pm" or "14:00-17:00", else the first time alone."""
    times = find_times(text)
    for (first, _, first_end), (second, second_start, _) in zip(times, times[1:]):
        if _RANGE_JOIN.match(text[first_end:second_start]):
            return first, second
    if times:
        return times[0][0], None
    return None, None
