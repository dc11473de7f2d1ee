"""Periods a figure is reported for, as written and resolved to dates where the words allow.

"12 months to August 2020" is 2019-09-01 to 2020-08-31; "12 months to 20
January 2016" ends on the 20th; "June 2023 to September 2023 (incl.)" and
"January – December 2015" are whole months, "1 April 2015 to 5th Jan 2016"
runs between those days; "2015/16" (and "FY 2011/12", "2015-16", "Quarter 4
of 2015/16") is a financial year from 1 April; "in 2023", "2011 Census" and
"the 2013 Residents Perception Survey" a calendar year; "autumn 2015" the
meteorological season (September to November); "since May 2020" has a start only and "as at January 2016" or
"by March 2016" an end only. Relative periods ("the last 12 months", "past
year", "current rolling 12 months") are kept as written with no dates: they depend on a report date the
sentence does not give.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from .dates import MONTHS

__all__ = ["Period", "find_periods"]


@dataclass(frozen=True)
class Period:
    """A period as written (``text``) at ``start``/``end`` of the searched string, with ISO dates or None."""

    text: str
    start: int
    end: int
    first: str | None
    last: str | None


_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20)[0-9]{2}"
_DAY = r"[0-3]?[0-9](?:\s?(?:st|nd|rd|th))?"
_COUNT = r"(?:[0-9]{1,2}|one|two|three|four|six|nine|twelve|eighteen|twenty-four)"
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12, "eighteen": 18, "twenty-four": 24}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    """Named period forms, most specific first."""
    forms = [
        (
            "months_to",
            rf"(?:the\s+)?(?:rolling\s+)?(?P<n>{_COUNT})[-\s]months?(?:\s+period)?\s+(?:\(?\s*)?(?:up\s+)?(?:to|preceding|ending)\s+"
            rf"(?:(?P<day>{_DAY})\s+)?(?P<month>{_MONTH})\s*(?P<day2>{_DAY})?,?\s+(?P<year>{_YEAR})",
        ),
        (
            "month_range",
            rf"(?:between\s+|from\s+)?(?:(?P<d1>{_DAY})\s+)?(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR})?\s*(?:to|–|-|until)\s*"
            rf"(?:(?P<d2>{_DAY})\s+)?(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})"
            r"(?:\s*\(incl\.?\)|\s+inclusive)?",
        ),
        # "July to September 2015", "October/November 2013"
        ("month_range", rf"(?P<m1>{_MONTH})\s*(?:to|–|-|/)\s*(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})"),
        # Yearless forms of table headers, dated from the paper's own date: "Rolling 12 months performance
        # Volume (to Sep 30th)", "Volume (Jul - Sep)".
        (
            "months_to_undated",
            rf"(?P<lead>(?:rolling\s+)?(?P<n>{_COUNT})[-\s]months?)\b[^()0-9]{{0,40}}?\(\s*(?P<to>to\s+(?:(?P<day>{_DAY})\s+)?(?P<month>{_MONTH})\s*(?P<day2>{_DAY})?)\s*\)",
        ),
        ("month_range_undated", rf"(?P<m1>{_MONTH})\s*(?:to|–|-)\s*(?P<m2>{_MONTH})(?!\s*[0-9])"),
        (
            "financial_year",
            rf"(?:(?:by\s+)?(?:Quarter|Q)\s*(?P<q>[1-4])\s+(?:of\s+)?)?(?:FY\s*)?(?P<y1>{_YEAR})\s?/\s?(?P<y2>[0-9]{{2}}|{_YEAR})(?![0-9])",
        ),
        # "2013-14", "2019-20": a financial year written with a hyphen (only two consecutive years; not a date)
        ("financial_year", rf"(?:FY\s*)?(?P<y1>{_YEAR})-(?P<y2>[0-9]{{2}})(?![-/0-9])"),
        # "autumn 2015", "the spring 2015 survey": a survey's season, meteorological months
        ("season", rf"(?P<season>spring|summer|autumn|winter)\s+(?P<year>{_YEAR})"),
        # "2011 Census", "2013 RPS", "the 2013 Residents Perception Survey": a survey or census of that year
        (
            "survey_year",
            rf"(?P<year>{_YEAR})\s+(?:(?:residents'?|adult|young\s+people'?s?|public\s+attitudes?|perception|crime)\s+)*"
            r"(?:census|survey|RPS|PAS|YPS|APS)",
        ),
        ("since", rf"since\s+(?:(?P<day>{_DAY})\s+)?(?P<month>{_MONTH})\s+(?P<year>{_YEAR})"),
        ("as_at", rf"(?:as\s+at|by(?:\s+the\s+end\s+of)?|up\s+to)\s+(?P<month>{_MONTH})\s+(?P<year>{_YEAR})"),
        ("month", rf"(?P<month>{_MONTH})\s+(?P<year>{_YEAR})"),
        ("year", rf"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bof\s))(?P<year>{_YEAR})(?![/0-9-])"),
        (
            "relative",
            r"(?:the\s+)?(?:last|past|previous|preceding)\s+(?:(?:[0-9]{1,2}|one|two|three|six|twelve)\s+)?(?:months?|years?|weeks?|quarters?)"
            r"|(?:this|last)\s+(?:year|quarter|month)"
            r"|(?:current\s+)?rolling\s+(?:[0-9]{1,2}|twelve)\s+months?",
        ),
    ]
    return [(name, regex.compile(rf"(?<![\w/]){pattern}(?![\w])", regex.I)) for name, pattern in forms]


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(text: str | None) -> int | None:
    return int(regex.match(r"[0-9]+", text).group(0)) if text else None  # type: ignore[union-attr]


def _four_digits(first: int, second: str) -> int:
    return int(second) if len(second) == 4 else first // 100 * 100 + int(second)


def _latest_before(anchor: dt.date, month: int, day: int | None) -> dt.date:
    """The last date falling on ``month``/``day`` (the month's end when no day) that is not after ``anchor``."""
    for year in (anchor.year, anchor.year - 1):
        candidate = dt.date(year, month, day) if day else _last_day(year, month)
        if candidate <= anchor:
            return candidate
    return _last_day(anchor.year - 2, month)


def _resolve(name: str, m: regex.Match[str], anchor: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a matched period covers (either may be None)."""
    try:
        if name in ("months_to_undated", "month_range_undated"):
            if anchor is None:
                return None, None
            if name == "month_range_undated":
                last = _latest_before(anchor, _month(m.group("m2")), None)
                m1 = _month(m.group("m1"))
                return dt.date(last.year if m1 <= last.month else last.year - 1, m1, 1), last
            count = int(m.group("n")) if m.group("n").isdigit() else _COUNTS[m.group("n").lower()]
            day = _day(m.group("day") or m.group("day2"))
            last = _latest_before(anchor, _month(m.group("month")), day)
            if day and day != _last_day(last.year, last.month).day:
                return _months_back(last, count) + dt.timedelta(days=1), last
            return _months_back(last, count - 1).replace(day=1), last
        if name == "months_to":
            count = int(m.group("n")) if m.group("n").isdigit() else _COUNTS[m.group("n").lower()]
            year, month = int(m.group("year")), _month(m.group("month"))
            day = _day(m.group("day") or m.group("day2"))
            last = dt.date(year, month, day) if day else _last_day(year, month)
            start_month = month - count + (0 if day else 1)
            start_year = year + (start_month - 1) // 12
            start_month = (start_month - 1) % 12 + 1
            first = dt.date(start_year, start_month, 1) if not day else dt.date(start_year, start_month, day) + dt.timedelta(days=1)
            return first, last
        if name == "month_range":
            y2 = int(m.group("y2"))
            y1 = int(m.group("y1")) if m.groupdict().get("y1") else y2
            m1, m2 = _month(m.group("m1")), _month(m.group("m2"))
            if y1 == y2 and m1 > m2:
                y1 -= 1  # "November 2022 to February" without a first year runs over the new year
            d1, d2 = _day(m.groupdict().get("d1")), _day(m.groupdict().get("d2"))
            return dt.date(y1, m1, d1 or 1), dt.date(y2, m2, d2) if d2 else _last_day(y2, m2)
        if name == "season":
            year = int(m.group("year"))
            first_month = _SEASON_START[m.group("season").lower()]
            first = dt.date(year, first_month, 1)
            return first, _last_day(year + (first_month + 2 - 1) // 12, (first_month + 2 - 1) % 12 + 1)
        if name == "survey_year":
            year = int(m.group("year"))
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if name == "financial_year":
            y1 = int(m.group("y1"))
            y2 = _four_digits(y1, m.group("y2"))
            if y2 != y1 + 1:
                return None, None
            if m.groupdict().get("q"):
                quarter = int(m.group("q"))
                start_month = 4 + 3 * (quarter - 1)
                year = y1 + (start_month - 1) // 12
                start_month = (start_month - 1) % 12 + 1
                if m.group(0).lower().startswith("by"):
                    return dt.date(y1, 4, 1), _last_day(year, start_month + 2)
                return dt.date(year, start_month, 1), _last_day(year, start_month + 2)
            return dt.date(y1, 4, 1), dt.date(y2, 3, 31)
        if name == "since":
            return dt.date(int(m.group("year")), _month(m.group("month")), _day(m.group("day")) or 1), None
        if name == "as_at":
            return None, _last_day(int(m.group("year")), _month(m.group("month")))
        if name == "month":
            year, month = int(m.group("year")), _month(m.group("month"))
            return dt.date(year, month, 1), _last_day(year, month)
        if name == "year":
            year = int(m.group("year"))
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except (ValueError, KeyError):
        return None, None
    return None, None


def _months_back(date: dt.date, count: int) -> dt.date:
    """``date`` moved back ``count`` whole months (the day kept where the month has it)."""
    month = date.month - count
    year = date.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def find_periods(text: str, anchor: dt.date | None = None) -> list[Period]:
    """Every period written in ``text``, in order, without overlaps (the more specific form wins).

    ``anchor`` (the paper's own date) dates the yearless forms of table headers ("to Sep 30th" is the
    last 30 September on or before it); without one they are kept as written, undated."""
    found: list[Period] = []
    for name, pattern in _patterns():
        for m in pattern.finditer(text):
            if any(m.start() < p.end and p.start < m.end() for p in found):
                continue
            first, last = _resolve(name, m, anchor)
            if name == "financial_year" and "-" in m.group(0) and first is None:
                continue  # "2019-22" is a span of years, not a financial year
            if name == "months_to_undated":
                found.append(Period(f"{m.group('lead')} ({m.group('to')})", m.start(), m.end(), _iso(first), _iso(last)))
                continue
            written = regex.sub(r"^(?:the|between|from|since|in|as at|by|up to)\s+", "", m.group(0), flags=regex.I)
            if name in ("since", "as_at"):
                written = m.group(0)
            found.append(
                Period(written, m.start(), m.end(), first.isoformat() if first else None, last.isoformat() if last else None)
            )
    return sorted(found, key=lambda p: p.start)
