"""One person per human across meetings: name variants, the chair, roles over time, initials keys, attendance."""

from __future__ import annotations

from functools import lru_cache

import pytest

import boardpapers
from boardpapers.link import attendance_history, link_people
from boardpapers.extract.initials_keys import find_initials_keys, spells
from boardpapers.records import Attendance, Meeting, Paper, Source

from conftest import CORPUS

JAN = "safer-communities-partnership-board/2016-01-29"
APR = "safer-communities-partnership-board/2016-04-22"


@lru_cache(maxsize=None)
def _corpus():
    results = [boardpapers.parse(path) for path in sorted(CORPUS.glob("*.txt"))]
    meetings = [m for r in results for m in r.meetings]
    attendance = [a for r in results for a in r.attendance]
    agenda = [g for r in results for g in r.agenda_items]
    papers = [p for r in results for p in r.papers]
    return meetings, attendance, agenda, papers, link_people(meetings, attendance, agenda_items=agenda, papers=papers)


def _meeting(mid: str, chair: str | None = None) -> Meeting:
    return Meeting(mid, "Board", mid.rsplit("/", 1)[1], None, None, None, chair)


def _att(meeting: str, name: str, status: str = "present", honorific: str | None = None, role: str | None = None) -> Attendance:
    return Attendance(meeting, name, honorific, role, None, status, Source("p", None, 0, 1))


@pytest.mark.parametrize("written", ["Cllr Longstaff", "Councillor David Longstaff", "David Longstaff", "the Chairman", "The Chairman"])
def test_link_people_longstaff_forms_are_one_person(written):
    *_, people = _corpus()
    assert people.person_id(JAN, written) == "david-longstaff"


def test_link_people_chairman_needs_the_meeting():
    *_, people = _corpus()
    assert people.resolve("the Chairman") is None  # which meeting's chair?


def test_link_people_paula_light_keeps_her_roles_over_time():
    *_, people = _corpus()
    light = people.resolve("Superintendent Light", JAN)
    assert light is not None and light.id == "paula-light"
    roles = dict(light.roles)
    assert roles["2016-01-29"] == "Superintendent"
    assert "Acting Borough Commander" in roles["2016-04-22"]
    assert "Superintendent Paula Light" in light.variants


def test_link_people_ids_are_stable_and_order_free():
    meetings, attendance, agenda, papers, people = _corpus()
    again = link_people(list(reversed(meetings)), list(reversed(attendance)), agenda_items=agenda, papers=papers)
    assert [p.to_dict() for p in again.people] == [p.to_dict() for p in people.people]
    assert len({p.id for p in people.people}) == len(people.people)


@pytest.mark.parametrize(
    ("names", "groups"),
    [
        (["Matthew Kendall", "Mathew Kendall"], 1),  # a typist's slip
        (["Chris Smith", "Christopher Smith"], 1),  # a short form of the given name
        (["Paul Reynolds", "Paula Reynolds"], 2),  # two people, not a nickname
        (["Christopher Smith", "Christine Smith", "Chris Smith"], 3),  # "Chris" could be either: kept apart
        (["David Longstaff", "D. Longstaff", "Longstaff"], 1),
        (["Jane Archer", "John Archer", "J Archer"], 3),
    ],
)
def test_link_people_names_merge_only_when_one_person_fits(names, groups):
    meetings = [_meeting(f"board/2020-0{i + 1}-01") for i in range(len(names))]
    attendance = [_att(m.id, name) for m, name in zip(meetings, names)]
    assert len(link_people(meetings, attendance).people) == groups


def test_link_people_short_form_prefers_who_was_at_the_meeting():
    one, two = _meeting("board/2020-01-01"), _meeting("board/2020-02-01")
    attendance = [_att(one.id, "Jane Archer"), _att(two.id, "John Archer"), _att(two.id, "J Archer", "apologies")]
    people = link_people([one, two], attendance)
    assert people.person_id(two.id, "J Archer") == "john-archer"
    assert people.person_id(one.id, "Mrs Archer") == "jane-archer"
    assert people.person_id(None, "Archer") is None  # two Archers and no meeting to say which


def test_link_people_the_role_resolves_to_its_one_holder():
    meeting = _meeting("board/2020-01-01")
    people = link_people([meeting], [_att(meeting.id, "Dawn Wakeling", role="Director of Adult Services"), _att(meeting.id, "Ben Taylor")])
    assert people.person_id(meeting.id, "the Director of Adult Services") == "dawn-wakeling"


@pytest.mark.parametrize(
    ("key", "name", "expected"),
    [("JN", "Jolyon Neely", True), ("AHop", "Alison Hopkins", True), ("SCC", "Stephen Taylor", False), ("Chair", "Tony Brown", False)],
)
def test_link_people_initials_key_must_spell_the_name(key, name, expected):
    assert spells(key, name) is expected


def test_link_people_initials_resolve_where_a_paper_gives_the_key():
    meeting = _meeting("board/2014-10-19")
    text = "Present: Jolyon Neely (JN), Jane Archer (JA), Alan Caudwell (AC)\nSurvey to be drafted. JN/AC Nov"
    paper = Paper("p1", "x.txt", "text", "minutes", None, "Board", "2014-10-19", None, None, text)
    attendance = [_att(meeting.id, n) for n in ("Jolyon Neely", "Jane Archer", "Alan Caudwell")]
    people = link_people([meeting], attendance, papers=[paper])
    assert [k.key for k in find_initials_keys(text)] == ["JN", "JA", "AC"]
    assert people.person_id(meeting.id, "JN") == "jolyon-neely"
    assert people.person_id(None, "AC") == "alan-caudwell"  # one key in the archive: it holds anywhere
    assert people.resolve("JN", meeting.id).initials == ("JN",)


def test_link_people_initials_key_in_real_minutes(realdocs):
    path = realdocs / "horsley-parish" / "484.pdf"
    if not path.exists():
        pytest.skip("horsley-parish/484.pdf is not present")
    result = boardpapers.parse(path)
    people = link_people(result.meetings, result.attendance, papers=result.papers)
    meeting = result.meetings[0].id
    assert people.resolve("JN", meeting).name == "Jolyon Neely"
    assert people.resolve("PG", meeting).name == "Polly Gegg"


def test_attendance_history_counts_each_meeting_once_with_a_rate():
    meetings = [_meeting(f"board/2020-0{i}-01", chair="Councillor Ann Lee") for i in (1, 2, 3, 4)]
    attendance = [
        _att(meetings[0].id, "Ann Lee", honorific="Councillor"),
        _att(meetings[1].id, "Ann Lee", "member"),  # a summons and the minutes of one meeting
        _att(meetings[1].id, "Ann Lee", "apologies"),
        _att(meetings[2].id, "Ann Lee", "absent"),
        _att(meetings[3].id, "Ann Lee", "member"),  # summons only: who came is not known
        _att(meetings[0].id, "Bob Stone"),
    ]
    people = link_people(meetings, attendance)
    history = attendance_history("ann-lee", people, meetings, attendance)
    assert [row.status for row in history.meetings] == ["present", "apologies", "absent", "member"]
    assert (history.attended, history.apologies, history.absent, history.rate) == (1, 1, 1, pytest.approx(1 / 3, abs=1e-3))
    assert history.to_dict()["meetings"][0]["meeting"] == "board/2020-01-01"


def test_attendance_history_on_the_corpus():
    meetings, attendance, _, _, people = _corpus()
    history = attendance_history("bradley-few", people, meetings, attendance)
    statuses = {row.date: row.status for row in history.meetings}
    assert statuses["2016-01-29"] == "apologies"
    assert history.rate == 0.0


def test_link_people_a_meeting_under_either_board_name():
    # The minutes name the board without its place, the action log with it: one meeting, one chair, one attendance.
    short, long = "community-safety-partnership-board/2016-02-04", "eastbrook-community-safety-partnership-board/2016-02-04"
    meetings = [Meeting(short, "Community Safety Partnership Board", "2016-02-04", None, None, None, "Ann Lee"), Meeting(long, None, "2016-02-04", None, None, None, None)]
    other = _meeting("community-safety-partnership-board/2016-04-21")
    attendance = [_att(short, "Ann Lee"), _att(short, "Jane Archer"), _att(other.id, "John Archer")]
    people = link_people([*meetings, other], attendance)
    assert people.person_id(long, "the Chairman") == "ann-lee"
    assert people.person_id(long, "J Archer") == "jane-archer"
    assert people.chairs == {short: "ann-lee"}


def test_body_aliases_names_of_one_board():
    from boardpapers.link.people import body_aliases

    ids = ["board-of-governors/2019-12-09", "full-governing-body/2020-02-03", "decoy-full-governing-body/2020-03-23"]
    assert body_aliases(ids) == {"board-of-governors": "full-governing-body", "decoy-full-governing-body": "full-governing-body"}
    # One name alone is no alias of anything.
    assert body_aliases(["board-of-governors/2019-12-09"]) == {}
