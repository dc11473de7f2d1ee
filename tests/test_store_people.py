"""Owners and people in the archive resolve as link_people resolves them in memory: chairs, initials keys, short names.

Two meetings of one board: Ann Lee chairs both; Jolyon Neely is listed as
"Jolyon Neely (JN)" and the action log calls him "JN"; Councillor Bob Smith
attends the first, Councillor Carol Smith the second, and the minutes of each
say "Councillor Smith". The log names the board with its place.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import boardpapers
from boardpapers.cli import main
from boardpapers.link import link_people, outstanding, track_actions
from boardpapers.store import Archive

FEB = "community-safety-partnership-board/2016-02-04"
APR = "community-safety-partnership-board/2016-04-21"
APR_LOG = "eastbrook-community-safety-partnership-board/2016-04-21"


def _minutes(date: str, smith: str, actions: str) -> str:
    return f"""Community Safety Partnership Board

Minutes of the meeting held on Thursday {date} at 2.00 pm

Present:

Councillor Ann Lee (Chairman)

Councillor {smith}

Jolyon Neely (JN) – Head of Community Safety

1. Actions

{actions}
"""


PAPERS = {
    "feb_minutes": _minutes(
        "4 February 2016",
        "Bob Smith",
        "The Chairman agreed to write to the Home Office about the funding gap. (Action)\n\n"
        "Councillor Smith agreed to review the CCTV contract. (Action)\n\n"
        "Jolyon Neely agreed to circulate the burglary figures to members. (Action)",
    ),
    "apr_minutes": _minutes(
        "21 April 2016",
        "Carol Smith",
        "Councillor Smith agreed to visit the night-time economy scheme. (Action)\n\n"
        "Councillor Lee agreed to draft the annual report. (Action)",
    ),
    "apr_log": """Actions Log

Eastbrook Community Safety Partnership Board

Meeting held on 21 April 2016

Date raised\tAction\tOwner\tStatus
04.02.2016\tWrite to the Home Office about the funding gap\tAnn Lee\tOpen
04.02.2016\tReview the CCTV contract\tBob Smith\tOpen
04.02.2016\tCirculate burglary figures to members\tJN\tOpen
""",
}

# Each owner as a user types it, and the tasks that are that person's.
OWNERS = {
    "the Chairman": {"write to the Home Office about the funding gap", "draft the annual report"},
    "JN": {"circulate the burglary figures to members"},
    "Cllr Smith": {"review the CCTV contract", "visit the night-time economy scheme"},  # Bob in February, Carol in April
}


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("papers")
    for name, text in PAPERS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return sorted(folder.glob("*.txt"))


@pytest.fixture(scope="module")
def db(papers: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "archive.db"
    with Archive(path) as archive:
        archive.import_path(papers)
    return path


@pytest.fixture(scope="module")
def in_memory(papers: list[Path]):
    results = [boardpapers.parse(path) for path in papers]
    meetings = [m for r in results for m in r.meetings]
    attendance = [a for r in results for a in r.attendance]
    agenda = [g for r in results for g in r.agenda_items]
    paper_records = [p for r in results for p in r.papers]
    actions = [a for r in results for a in r.actions]
    people = link_people(meetings, attendance, agenda_items=agenda, papers=paper_records)
    return track_actions(actions, meetings, paper_records, people), meetings, people


@pytest.mark.parametrize("owner", sorted(OWNERS))
def test_store_people_outstanding_owner_as_in_memory(db, in_memory, owner):
    items, meetings, people = in_memory
    expected = outstanding(items, meetings, owner=owner, people=people)
    with Archive(db) as archive:
        found = archive.outstanding(owner=owner)
        tracked = archive.tracked_actions(owner=owner)
    assert {o.action.text for o in expected} == OWNERS[owner]
    assert [o.to_dict() for o in found] == [o.to_dict() for o in expected]
    assert {t.text for t in tracked} == OWNERS[owner]


@pytest.mark.parametrize(
    ("name", "meeting", "expected"),
    [
        ("the Chairman", FEB, "Ann Lee"),
        ("the Chairman", APR_LOG, "Ann Lee"),  # the log's id for the April meeting: the same meeting, the same chair
        ("the Chairman", None, None),  # which meeting's chair?
        ("JN", None, "Jolyon Neely"),  # the key a paper prints holds across the archive
        ("Cllr Smith", None, None),  # two Smiths
        ("Cllr Smith", FEB, "Bob Smith"),
        ("Cllr Smith", APR, "Carol Smith"),
    ],
)
def test_store_people_person_lookup(db, in_memory, name, meeting, expected):
    *_, people = in_memory
    with Archive(db) as archive:
        found = archive.person(name, meeting=meeting)
    assert (found.name if found else None) == expected
    assert found == people.resolve(name, meeting)


@pytest.mark.parametrize("owner", sorted(OWNERS))
@pytest.mark.parametrize("outstanding_only", [False, True], ids=["tracked", "outstanding"])
def test_store_people_cli_actions_owner(db, capsys, owner, outstanding_only):
    argv = ["actions", "--db", str(db), "--owner", owner, "--json"] + (["--outstanding"] if outstanding_only else [])
    capsys.readouterr()
    assert main(argv) == 0
    found = json.loads(capsys.readouterr().out)
    texts = {item["action"]["text"] if outstanding_only else item["text"] for item in found}
    assert texts == OWNERS[owner]
