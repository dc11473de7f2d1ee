"""Actions: marked and phrased tasks, action logs and tables, report lists; owners and deadlines."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

import boardpapers
from boardpapers.extract.action_phrases import find_tasks
from boardpapers.extract.action_status import normalise_status
from boardpapers.extract.deadlines import find_deadline, read_deadline
from conftest import CORPUS


@lru_cache(maxsize=None)
def _parse(path: str) -> boardpapers.ParseResult:
    return boardpapers.parse(path)


def _pack() -> boardpapers.ParseResult:
    return _parse(str(next(CORPUS.glob("001_*.txt"))))


def _minutes_actions() -> list[boardpapers.Action]:
    return [a for a in _pack().actions if a.origin == "minutes"]


def _action(needle: str, origin: str = "minutes") -> boardpapers.Action:
    return next(a for a in _pack().actions if a.origin == origin and needle in a.text)


@pytest.mark.parametrize(
    "needle, owners",
    [
        ("contact the Chairman", ("Ben Taylor",)),  # "Mr Taylor agreed to ..."
        ("Smart Water specifically", ("Paula Light",)),  # "She agreed to ..." after "Superintendent Light"
        ("circulate information", ("Caroline Birkett",)),  # "... **(Action)**"
        ("organise the first meeting", ("Peter Clifton",)),  # "... and that he was going to ...", a second task
        ("substance misuse strategy", ("Community Safety Team",)),  # "Community safety team will also work with ..."
        ("follow up with Bradley Few", ("officers",)),  # "it was agreed that officers would follow up ..."
        ("write to the Solicitors Regulation Authority", ("David Longstaff",)),  # "That the Chair of the SCPB write ..."
    ],
)
def test_actions_minutes_owners_resolved_to_attendees(needle, owners):
    assert _action(needle).owners == owners


def test_actions_minutes_paragraph_with_two_tasks_gives_two_records():
    texts = [a.text for a in _minutes_actions() if a.item == "2" and "Peter Clifton" in a.owners]
    assert len(texts) == 2 and texts[0].startswith("check and provide an update")


def test_actions_deadline_text_kept_when_no_date_is_named():
    action = _action("gang-exit pilot programme")
    assert (action.due, action.due_text) == (None, "at the next meeting")


def test_actions_action_log_rows_with_their_own_dates_and_a_warning_for_a_bad_one():
    rows = [a for a in _pack().actions if a.origin == "action_log"]
    assert len(rows) == 8
    assert [a.raised_on for a in rows].count("2016-01-29") == 7
    assert rows[0].raised_on == "2015-10-30"  # "30.15.2015": the log's own date
    assert any("30.15.2015" in w.message for w in _pack().warnings)
    assert rows[-2].owners == ("Metropolitan Police", "Paula Light")


def test_actions_report_lists_still_to_be_delivered_are_open():
    report = [a for a in _pack().actions if a.origin == "report"]
    assert report and all(a.status == "open" for a in report)
    assert any(a.owners == ("Multiagency Burglary Reduction Group",) for a in report)


def test_actions_sources_point_at_their_evidence():
    result = _pack()
    papers = {p.id: p for p in result.papers}
    for action in result.actions:
        evidence = " ".join(papers[action.source.paper].text[action.source.start : action.source.end].split())
        assert action.text.split()[0] in evidence


def test_actions_board_urged_to_notify_is_a_task_for_its_members():
    result = _parse(str(next(CORPUS.glob("002_*.txt"))))
    action = next(a for a in result.actions if a.text.startswith("notify the relevant officer"))
    assert (action.owners, action.item) == (("Board members",), "13")


@pytest.mark.parametrize(
    "text, due, due_text",
    [
        ("comments by Friday 5 February", "2016-02-05", "by Friday 5 February"),
        ("reach the target by the end of the year", "2016-12-31", "by the end of the year"),
        ("report back by 12 January", "2017-01-12", "by 12 January"),
        ("an update at the next meeting", None, "at the next meeting"),
        ("circulate the figures asap", None, "asap"),
        ("the action assigned on 30 October 2015", "2015-10-30", "on 30 October 2015"),
    ],
)
def test_deadlines_resolved_against_the_meeting_date(text, due, due_text):
    found = find_deadline(text, dt.date(2016, 1, 29))
    assert (found.due, found.text) == (due, due_text)


@pytest.mark.parametrize("cell, due", [("01/03/2020", "2020-03-01"), ("asap", None), ("Nov (3/4?)", "2016-11-30"), ("End of March", "2016-03-31")])
def test_deadlines_read_from_a_by_when_cell(cell, due):
    assert read_deadline(cell, dt.date(2016, 1, 29)).due == due


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Roger Kemp suggested that there would be value in a Member joining.", []),
        ("The report would be published on Monday 8 February.", []),
        ("Ms Malleson agreed to circulate the figures.", [("Ms Malleson", "circulate the figures")]),
        ("The Chair was asked to write to the Minister.", [("The Chair", "write to the Minister")]),
    ],
)
def test_actions_task_phrases(sentence, expected):
    found = [(sentence[t.subject_start : t.subject_end], t.text) for t in find_tasks(sentence)]
    assert found == expected


@pytest.mark.parametrize(
    "written, status",
    [("Complete", "done"), ("Closed", "done"), ("Carried forward", "carried_forward"), ("On-going", "ongoing"),
     ("No longer required", "dropped"), ("Open", "open"), ("With legal team", "with legal team")],
)
def test_actions_status_vocabulary(written, status):
    assert normalise_status(written) == status


def test_actions_decoy_actions_to_be_taken_table(realdocs):
    result = _parse(str(realdocs / "decoy-series" / "fgb" / "fgb-minutes-200203-final.pdf"))
    rows = {a.item: a for a in result.actions if a.item}
    assert rows["40/1920"].owners == ("Clerk",) and rows["40/1920"].due == "2020-03-01"
    assert rows["49d/1920"].owners == ("Keith Moore", "Clerk")
    assert rows["38/1920"].due_text == "asap"
    # The minutes grid's action column repeats the summary: not counted twice.
    assert len(result.actions) == 6


def test_actions_table_whose_header_is_a_line_above_it(realdocs):
    """"ACTIONS TO BE TAKEN" / "ITEM BY WHOM BY WHEN" / a table of rows: columns read from what they hold."""
    result = _parse(str(realdocs / "decoy-series" / "lw" / "lw-committee-minutes-17-january-2022-final.pdf"))
    rows = {a.item: a for a in result.actions if a.item}
    assert rows["35/2122"].text == "Minutes to website" and rows["35/2122"].owners == ("Heather Poustie", "Clerk")
    assert rows["41/2122"].owners == ("Paul Evemy", "Simon Barnes") and rows["41/2122"].due_text == "asap"
    assert "44/2122" in rows


def test_actions_minutes_text_mentioning_actions_is_no_action_column(realdocs):
    """A grid cell that says "... by explaining its actions ..." heads no column: only the summary's rows count."""
    result = _parse(str(realdocs / "decoy-series" / "fgb" / "fgb-minutes-5-october-2020.pdf"))
    assert result.actions and all(a.item for a in result.actions)


def test_actions_lettered_owner_cells_name_each_owner_once(realdocs):
    result = _parse(str(realdocs / "decoy-series" / "lw" / "lw-committee-minutes-16-november-2020.pdf"))
    rows = {a.item: a for a in result.actions if a.item}
    assert rows["23/2021"].owners == ("Paul Evemy", "Sandra Cartwright", "Gill Quantrell")
    assert rows["22f/2021"].due_text in ("On-going", "01/01/2021")
    assert rows["26/2021"].owners == ("Clerk",)


def test_actions_horsley_action_who_when_column_with_initials(realdocs):
    result = _parse(str(realdocs / "horsley-parish" / "484.pdf"))
    owners = {a.text: a.owners for a in result.actions}
    assert owners["send Pdfs of each plan"] == ("Jolyon Neely",)
    assert owners["liaise with Paul Hoffman"] == ("Alan Caudwell",)
    first = result.actions[0]
    assert first.owners == ("Jolyon Neely", "Alan Caudwell") and first.due_text == "Nov (3/4?)"


def test_actions_horsley_trailing_action_marks(realdocs):
    result = _parse(str(realdocs / "horsley-parish" / "237.pdf"))
    owners = {a.text: a.owners for a in result.actions}
    assert owners["Look at the insurance"] == ("Mick Ratford",)
    assert any(a.status == "carried_forward" for a in result.actions)


def test_actions_local_public_data_panel_action_lines(realdocs):
    path = realdocs / "datagovuk-panels" / "Local Public Data Panel_Twenty-Second Meeting_17 October 2013_Minutes.pdf"
    result = _parse(str(path))
    by_text = {a.text: a for a in result.actions}
    assert by_text["Confirm whether G8 Action Plan is public"].owners == ("Olivia Burman",)
    scrutinise = next(a for t, a in by_text.items() if t.startswith("scrutinise DCLG"))
    assert scrutinise.owners == ("Panel members",) and scrutinise.due == "2013-10-21"
    carried = [a for a in result.actions if a.status == "carried_forward"]
    assert carried and all(a.raised_on == "2013-07-25" for a in carried)


def test_actions_log_with_owner_inside_the_action_column(tmp_path):
    log = tmp_path / "log.txt"
    log.write_text(
        "Ashcombe Community Safety Partnership Board\n\nAction log for the meeting on 13 May 2014\n\n"
        "Date raised\tAction/Team\tStatus\n"
        "10.09.2013\tForward plan: include CCTV upgrade costs – Community Safety Team\tIn progress\n"
        "03.12.2013\tReview drugs partnership plan – All Board members\tComplete\n",
        encoding="utf-8",
    )
    result = boardpapers.parse(log)
    assert result.papers[0].body == "Ashcombe Community Safety Partnership Board"
    rows = [(a.text, a.owners, a.status, a.raised_on) for a in result.actions]
    assert rows == [
        ("Forward plan: include CCTV upgrade costs", ("Community Safety Team",), "ongoing", "2013-09-10"),
        ("Review drugs partnership plan", ("All Board members",), "done", "2013-12-03"),
    ]
