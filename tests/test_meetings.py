"""Meetings from every form in the corpus: dates, times, venue and chair."""

from __future__ import annotations

import datetime as dt

import pytest

import boardpapers
from boardpapers.extract.dates import find_dates, find_time_range, parse_date

from conftest import CORPUS


def meetings(paper):
    return {m.date: m for m in boardpapers.parse(CORPUS / paper).meetings}


def test_meetings_pack_has_its_own_and_the_minutes_meeting():
    found = meetings("001_1852b031b81eb84e.txt")
    april = found["2016-04-22"]
    assert (april.start_time, april.end_time, april.chair) == ("14:30", "16:30", "David Longstaff")
    assert april.venue.lower().startswith("hendon town hall")
    january = found["2016-01-29"]
    assert (january.end_time, january.chair, january.venue) == ("16:35", "David Longstaff", None)
    assert january.id == "safer-communities-partnership-board/2016-01-29"


def test_meetings_2023_minutes_style():
    (meeting,) = meetings("002_d11246a3c42150a2.txt").values()
    assert meeting.date == "2023-11-24"
    assert meeting.chair == "Sara Conway"
    assert meeting.end_time == "11:50"
    assert meeting.venue == "Hendon Town Hall, The Burroughs, London NW4 4BQ"


def test_meetings_report_cover_sheet_date():
    assert list(meetings("000_1a348045f55062b7.txt")) == ["2020-10-23"]


def test_meetings_strategy_prepares_no_meeting():
    assert meetings("003_cb9ef74a37603220.txt") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FRIDAY 22ND APRIL, 2016", dt.date(2016, 4, 22)),
        ("Meeting Date: 23rd October 2020", dt.date(2020, 10, 23)),
        ("22 nd April 2016", dt.date(2016, 4, 22)),
        ("Friday 22an April 2016", dt.date(2016, 4, 22)),
        ("Thursday, 30 January 2025", dt.date(2025, 1, 30)),
        ("January 27, 2020", dt.date(2020, 1, 27)),
        ("29.01.2016", dt.date(2016, 1, 29)),
        ("2019-10-14", dt.date(2019, 10, 14)),
    ],
)
def test_meetings_date_forms(text, expected):
    assert parse_date(text) == expected


def test_meetings_malformed_date_is_found_but_invalid():
    (found,) = find_dates("30.15.2015")
    assert found.date is None and found.text == "30.15.2015"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Time: 2.30pm to 4.30pm", ("14:30", "16:30")),
        ("Thursday 28 March 2019 – 14:00-17:00", ("14:00", "17:00")),
        ("AT 2.30 PM", ("14:30", None)),
        ("The meeting finished at 11.50 am", ("11:50", None)),
        ("12.00 noon", (None, None)),
    ],
)
def test_meetings_time_forms(text, expected):
    assert find_time_range(text) == expected


def test_meetings_tab_aligned_chair(realdocs):
    result = boardpapers.parse(realdocs / "nhs-wales-wtsb" / "minutes.md")
    (meeting,) = result.meetings
    assert (meeting.date, meeting.start_time, meeting.end_time, meeting.chair) == ("2019-03-28", "14:00", "17:00", "Mark Wardle")


@pytest.mark.parametrize(
    ("relative", "kind", "date", "chair"),
    [
        ("kent-county-council/CPP Minutes 10.12.24.pdf", "minutes", "2024-12-10", "Shellina Prendergast"),
        ("milburn-newbiggin-parish/minutes_2019-09-03_.pdf", "minutes", "2019-09-03", "D Thompson"),
        ("east-palo-alto/eastpaloalto_ca_minutes_2020-01-27.pdf", "minutes", "2020-01-27", None),
        ("decoy-series/fgb/fgb-minutes-191014.pdf", "minutes", "2019-10-14", "Keith Moore"),
    ],
)
def test_meetings_real_heading_forms(realdocs, relative, kind, date, chair):
    """The heading's own date beats a "held on" naming the previous meeting; chair found in run-on lists."""
    result = boardpapers.parse(realdocs / relative)
    assert result.papers[0].kind == kind
    assert result.meetings[0].date == date
    assert result.meetings[0].chair == chair
