"""Attendance in every layout boards use, each family checked on a real paper.

Expectations were written by reading the papers (the corpus, and the shared
real documents in ../shared/realdocs), not copied from the parser. Real
documents are read against a meeting built here with the paper's own date,
so a test is about attendance, not about which meeting the paper was
matched to.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import boardpapers
from boardpapers.document import BlockDraft, assemble
from boardpapers.extract.attendance import extract_attendance, merge_first, same_person
from boardpapers.extract.attendance_lists import split_list
from boardpapers.extract.attendance_text import Stretch, prose_end
from boardpapers.records import Attendance, Meeting, Paper

from conftest import CORPUS


def _meeting(date: str) -> Meeting:
    return Meeting(id=f"test/{date}", body=None, date=date, start_time=None, end_time=None, venue=None, chair=None)


@lru_cache(maxsize=None)
def _parse(path: Path) -> boardpapers.ParseResult:
    return boardpapers.parse(path)


def attendance(path: Path, date: str, part: int | None = None) -> dict[str, Attendance]:
    """Everyone a real paper lists for the meeting on ``date``, by name (papers of a pack: ``part``)."""
    result = _parse(path)
    papers = [p for p in result.papers if p.kind != "pack"] if part is None else [result.papers[part]]
    return {a.name: a for paper in papers for a in extract_attendance(paper, _meeting(date))}


def corpus_attendance(stem: str, date: str) -> dict[str, Attendance]:
    result = _parse(CORPUS / f"{stem}.txt")
    return {a.name: a for a in result.attendance if a.meeting.endswith(date)}


def _hand_paper(drafts: list[BlockDraft], kind: str = "minutes") -> Paper:
    text, blocks = assemble(drafts)
    return Paper(
        id="hand", source="hand", format="text", kind=kind, title=None, body=None, meeting_date=None,
        author=None, pages=None, text=text, blocks=blocks,
    )


def _fields(record: Attendance) -> tuple:
    return record.name, record.honorific, record.role, record.organisation, record.status


# ---------------------------------------------------------------- corpus: headed lists in three formats


@pytest.mark.parametrize("fmt", ["text", "pdf", "docx"])
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # "Board Members Present:-" / "Councillor David Longstaff (Chairman)"
        ("David Longstaff", ("David Longstaff", "Councillor", "Chairman", None, "present")),
        # a hyphen with no spaces before the organisation
        ("Roger Kemp", ("Roger Kemp", None, None, "Barnet Safer Neighbourhood Board", "present")),
        # one entry wrapped over two lines: "Superintendent Paula Light- Metropolitan" / "Police"
        ("Paula Light", ("Paula Light", "Superintendent", None, "Metropolitan Police", "present")),
        # a hyphenated name before a hyphen-joined organisation, under "Also in attendance"
        ("Ola Dejo-Ojomo", ("Ola Dejo-Ojomo", None, None, "London Borough of Barnet", "in_attendance")),
        # a comma instead of a hyphen, under "Apologies for Absence"
        ("Simon Harding", ("Simon Harding", "Dr", None, "Middlesex University", "apologies")),
        ("Laura Featley", ("Laura Featley", None, None, "DWP", "in_attendance")),
    ],
)
def test_attendance_headed_lists_in_every_format(fmt, name, expected, rendered_corpus):
    stem = "001_1852b031b81eb84e"
    path = CORPUS / f"{stem}.txt" if fmt == "text" else rendered_corpus[stem][0 if fmt == "pdf" else 1]
    result = _parse(path)
    found = {a.name: a for a in result.attendance if a.meeting.endswith("2016-01-29")}
    assert _fields(found[name]) == expected
    assert len(found) == 28  # 10 board members present, 10 in attendance, 8 apologies


def test_attendance_wrapped_entry_keeps_both_lines_as_evidence():
    result = _parse(CORPUS / "001_1852b031b81eb84e.txt")
    record = next(a for a in result.attendance if a.name == "Paula Light")
    paper = next(p for p in result.papers if p.id == record.source.paper)
    evidence = paper.text[record.source.start : record.source.end]
    assert evidence.startswith("Superintendent Paula Light- Metropolitan") and evidence.endswith("Police")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("David Longstaff", ("David Longstaff", "Councillor", "Chairman", None, "member")),  # "Chairman: Councillor ..."
        ("Bridget O'Dwyer", ("Bridget O'Dwyer", None, None, "Barnet Clinical Commissioning Group", "member")),  # "Bridget.O'Dwyer"
        ("Simon Harding", ("Simon Harding", "Dr", None, "Middlesex University", "member")),
    ],
)
def test_attendance_summons_membership_table_is_member(name, expected):
    found = corpus_attendance("001_1852b031b81eb84e", "2016-04-22")
    assert _fields(found[name]) == expected
    assert len(found) == 17  # the chairman and the 16 rows of "Member | Representing"; nobody from the agenda


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sara Conway", ("Sara Conway", "Councillor", "Chair", None, "present")),
        ("Declan Khan", ("Declan Khan", None, "Assistant Director, Counter Fraud, Community Safety & Protection", None, "present")),
        ("Perryn Jasper", ("Perryn Jasper", None, "Prevent Coordinator", "Barnet Council", "present")),
        ("Latoya Ridge", ("Latoya Ridge", None, None, "Victim Support", "present")),
    ],
)
def test_attendance_name_dash_role_lines_after_the_heading(name, expected):
    found = corpus_attendance("002_d11246a3c42150a2", "2023-11-24")
    assert _fields(found[name]) == expected
    assert len(found) == 19


@pytest.mark.parametrize("stem", ["000_1a348045f55062b7", "003_cb9ef74a37603220", "004_16a43554b3008f2a"])
def test_attendance_reports_and_strategies_list_nobody(stem):
    assert _parse(CORPUS / f"{stem}.txt").attendance == ()


def test_attendance_action_log_and_agenda_presenters_are_not_attendance():
    result = _parse(CORPUS / "001_1852b031b81eb84e.txt")
    assert not [a for a in result.attendance if a.meeting.endswith("2015-10-30")]  # the action log's meeting
    assert "Andrew Charlwood" not in {a.name for a in result.attendance}  # signs the summons


# ---------------------------------------------------------------- real documents, one layout family each


@pytest.mark.parametrize(
    ("name", "status", "role"),
    [("Uriel Hernandez", "absent", "Commissioner"), ("Andrei Garcia", "present", "Commissioner"), ("Juan Mendez", "present", "Alternate")],
)
def test_attendance_roll_call_table(realdocs, name, status, role):
    found = attendance(realdocs / "east-palo-alto/eastpaloalto_ca_minutes_2020-01-27.pdf", "2020-01-27")
    assert (found[name].status, found[name].role) == (status, role)
    assert len(found) == 8  # the vote blocks' "ABSENT: Hernandez" add nobody


@pytest.mark.parametrize(
    ("file", "date", "name", "status"),
    [
        # same-table date header; S in this meeting's column: sanctioned apologies
        ("decoy-series/fgb/fgb-minutes-191014.pdf", "2019-10-14", "Alex Kirkbride", "apologies"),
        ("decoy-series/fgb/fgb-minutes-191014.pdf", "2019-10-14", "Keith Moore", "present"),
        # P in the first column, S in this meeting's (second) column
        ("decoy-series/fgb/fgb-minutes-191209-final-.pdf", "2019-12-09", "Keith Moore", "apologies"),
        # dates printed rotated, in a table of their own above the grid; L (late) counts as present
        ("decoy-primary-school/bm-committee-minutes-21-march-2022-final.pdf", "2022-03-21", "Heather Poustie", "present"),
        ("decoy-primary-school/bm-committee-minutes-21-march-2022-final.pdf", "2022-03-21", "Andrew McKenzie", "apologies"),
    ],
)
def test_attendance_grid_reads_only_this_meetings_column(realdocs, file, date, name, status):
    found = attendance(realdocs / file, date)
    assert found[name].status == status
    assert not [n for n in found if n.upper() == "VACANT"]


def test_attendance_grid_names_in_capitals_get_ordinary_case(realdocs):
    found = attendance(realdocs / "decoy-primary-school/fgb-minutes-23-may-2022-final.pdf", "2022-05-23")
    assert {"Andrew McKenzie", "Heather Poustie", "Sandra Cartwright"} <= set(found)
    assert found["Sandra Cartwright"].status == "apologies"
    assert "Keith Moore" not in found  # resigned in 2021: no code in this meeting's column


@pytest.mark.parametrize(("code", "status"), [("P", "present"), ("A", "absent"), ("S", "apologies"), ("L", "present")])
def test_attendance_grid_codes(code, status):
    # No real grid in the shared documents marks anyone A, so this one is built by hand.
    paper = _hand_paper(
        [
            BlockDraft("heading", "GOVERNOR ATTENDANCE"),
            BlockDraft(
                "table",
                rows=[["", "Type", "01/10/2021", "06/12/2021"], ["JANE DOE", "Parent", "P", code], ["JOHN ROE", "LA", code, "P"]],
            ),
        ]
    )
    found = {a.name: a.status for a in extract_attendance(paper, _meeting("2021-12-06"))}
    assert found == {"Jane Doe": status, "John Roe": "present"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nigel Shadbolt", ("Nigel Shadbolt", "Professor Sir", "Chairman", None, "present")),
        ("Tim Allen", ("Tim Allen", None, "Visiting Professor", "Birkbeck University", "present")),
        # "Other Attendees: Shehla Husain, ... and Anthony Karabinas (DCLG) Apologies: Dominic Campbell (FutureGov), ..."
        ("Shehla Husain", ("Shehla Husain", None, None, "DCLG", "in_attendance")),
        ("Dominic Campbell", ("Dominic Campbell", None, None, "FutureGov", "apologies")),
        ("Tim Cheetham", ("Tim Cheetham", "Councillor", "Cabinet Spokesperson for Children, Young People and Families",
                          "Barnsley Metropolitan Borough Council", "apologies")),
        ("Padma Juggapah", ("Padma Juggapah", None, None, "DCLG", "in_attendance")),  # "Secretariat:"
    ],
)
def test_attendance_run_on_paragraphs(realdocs, name, expected):
    path = realdocs / "datagovuk-panels/Local Public Data Panel_Twenty-Second Meeting_17 October 2013_Minutes.pdf"
    assert _fields(attendance(path, "2013-10-17")[name]) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("R W Gough", ("R W Gough", "Mr", "Chairman", None, "present")),
        ("B Watts", ("B Watts", "Mr", "General Counsel", None, "in_attendance")),  # second line of a wrapped list
        ("McKay", ("McKay", None, "Acting Chief Accountant", None, "in_attendance")),  # "... and McKay (...)"
        ("M Albiston", ("M Albiston", "Mr", "Director of Adult Social Care", None, "in_attendance")),  # "IN ATTENDANCE VIRTUALLY:"
        ("C Bell", ("C Bell", "Mrs", None, None, "apologies")),  # "Apologies were received from Mrs C Bell."
    ],
)
def test_attendance_kent_present_in_attendance_virtually(realdocs, name, expected):
    path = realdocs / "kent-county-council/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf"
    found = attendance(path, "2025-01-30")
    assert _fields(found[name]) == expected
    assert "British" not in found  # "The British and French ambassadors were also in attendance."


def test_attendance_apologies_in_prose(realdocs):
    found = attendance(realdocs / "kent-county-council/CPP Minutes 10.12.24.pdf", "2024-12-10")
    assert found["Nancy Sayer"].status == "apologies"  # "... and Nancy Sayer who was substituted by Roxanne Hills."
    assert found["Roxanne Hills"].status == "in_attendance"
    assert found["Sue Chandler"].role == "Cabinet Member for Integrated Children’s Services"  # "ALSO PRESENT:"


def test_attendance_list_wrapped_mid_name(realdocs):
    found = attendance(realdocs / "merton-council/test_minutes.pdf", "2009-09-24")
    assert found["Margaret Brierly"].status == "in_attendance"  # "..., Margaret" / "Brierly, ..."
    assert found["Sandra Lofthouse"].organisation == "Audit Commission"
    assert found["Rod Scott"].status == "apologies"  # a member on the front sheet, then "Apologies ... from Councillors Rod Scott"


def test_attendance_plus_guests_is_not_a_person(realdocs):
    found = attendance(realdocs / "milburn-newbiggin-parish/minutes_2021-01-26_.pdf", "2021-01-26")
    assert set(found) == {"D Richardson", "R. Healey", "M Armstrong", "N Cresswell", "P Moran", "J Todd", "A Armstrong", "A Connell"}
    assert (found["J Todd"].honorific, found["J Todd"].role) == ("Mrs", "Clerk")  # "P Moran Clerk Mrs J Todd ..."
    assert found["D Richardson"].honorific == "Councillor"  # "Councillors D Richardson (Chair), ..."


def test_attendance_semicolon_labels_and_initials(realdocs):
    found = attendance(realdocs / "suffolk-libraries/2015-10-27-fohcl-minutes.pdf", "2015-10-27")
    assert _fields(found["David Thomas"]) == ("David Thomas", None, "Chair", None, "present")  # "Present; David Thomas, Chair (DT)"
    assert found["Alison Hopkins"].organisation is None  # "(AHop)" are initials, not a body
    assert found["David Olds"].status == "apologies"  # "Apologies; David Olds"


@pytest.mark.parametrize(
    ("text", "names"),
    [("JA, AC, RG and KH", ["JA", "AC", "RG", "KH"]), ("AHop, MS, GSo", ["AHop", "MS", "GSo"])],
)
def test_attendance_initials_only_lists(text, names):
    assert [e.person.name for e in split_list(Stretch.at(text, 0)).entries] == names


@pytest.mark.parametrize(
    ("file", "date", "name", "expected"),
    [
        # "Attendees:" over a two-column name | organisation table
        ("datagovuk-panels/Crime and Justice Sector Panel - minutes - 14 February 2014 meeting_0.pdf", "2014-02-14",
         "Francis Davey", ("Francis Davey", None, "practising barrister", None, "present")),
        # "Present: | Also present:" heading two columns
        ("datagovuk-panels/2017-01-01-transparency-board-minutes-19th-november-2010.md", "2010-11-19",
         "Katie Davis", ("Katie Davis", None, None, "Cabinet Office", "in_attendance")),
        ("datagovuk-panels/2017-01-01-transparency-board-minutes-19th-november-2010.md", "2010-11-19",
         "Tim Berners-Lee", ("Tim Berners-Lee", "Sir", None, None, "present")),
        # labels inside a column: "Observers", "Apologies"
        ("datagovuk-panels/20140513 ODUG Meeting minutes.docx", "2014-05-13",
         "Joel Gurin", ("Joel Gurin", None, None, None, "in_attendance")),
        ("datagovuk-panels/20140513 ODUG Meeting minutes.docx", "2014-05-13",
         "Paul Fenton", ("Paul Fenton", None, None, None, "apologies")),
        # "Name – ORG (Chair)" cells in two columns
        ("kent-county-council/Appendix 3 - TMG meeting note 14 November 2024.pdf", "2024-11-14",
         "Harry Rayner", ("Harry Rayner", None, "Chair", "MEM", "present")),
        # tab-aligned "Name (INIT) - Organisation"
        ("nhs-wales-wtsb/minutes.md", "2019-03-28",
         "Mark Wardle", ("Mark Wardle", None, "Chair", "Cardiff and Vale UHB", "present")),
        ("nhs-wales-wtsb/minutes.md", "2019-03-28",
         "Tom Crick", ("Tom Crick", None, None, "Swansea University", "apologies")),
    ],
)
def test_attendance_two_column_tables(realdocs, file, date, name, expected):
    assert _fields(attendance(realdocs / file, date)[name]) == expected


def test_attendance_row_labels_in_a_grid_of_names(realdocs):
    found = attendance(realdocs / "horsley-parish/484.pdf", "2014-10-19")
    assert found["Jolyon Neely"].status == "present"  # under "Present:"
    assert found["Karen Bartlett-Butt"].status == "apologies"  # soft hyphens repaired
    assert found["Christina McDough"].status == "apologies"  # "(CM" never closed


@pytest.mark.parametrize(
    ("name", "status", "organisation"),
    [("Shelley Young", "absent", None), ("Ryan Warsing", "in_attendance", "LSRCC"), ("Todd Feinberg", "present", None)],
)
def test_attendance_commissioners_present_absent_others(realdocs, name, status, organisation):
    found = attendance(realdocs / "chicago-illinois/SSA21_MeetingMinutes_1.29.18.pdf", "2018-01-29")
    assert (found[name].status, found[name].organisation) == (status, organisation)


def test_attendance_names_one_per_line_without_separators(realdocs):
    found = attendance(realdocs / "apache-board/board_minutes_2015_01_21.txt", "2015-01-21")
    assert found["Ross Gardler"].status == "present"  # "Ross Gardler left at 11:04"
    assert found["Craig L Russell"].status == "in_attendance"  # "Executive Officers Present:"
    assert found["Kevin A. McGrail"].status == "in_attendance"  # "Guests:"
    assert not [a for a in found.values() if a.status == "absent"]  # "Directors Absent: none"


def test_attendance_inline_labels_in_minutes_cells(realdocs):
    found = attendance(realdocs / "decoy-primary-school/lw-committee-minutes-9-may-2022-final.pdf", "2022-05-09")
    assert found["Simon Barnes"].status == "in_attendance"  # "In attendance: Simon Barnes Quorum for this meeting ..."
    assert found["Alexa Gainsbury"].status == "apologies"  # grid S, and "Apologies: Lex Gainsbury and sanctioned"
    assert "Lex Gainsbury" not in found


def test_attendance_bare_apologies_heading_in_a_cell(realdocs):
    found = attendance(realdocs / "suffolk-libraries/suffolk-libraries-agm-minutes-2015.pdf", "2015-09-10")
    assert _fields(found["Lynne Walker"]) == ("Lynne Walker", None, "ex-board member", None, "apologies")
    assert found["Daniel Poultor"].role == "MP for Central Suffolk and North Ipswich"
    assert "North Ipswich" not in found


def test_attendance_later_apologies_outrank_an_attendees_line(realdocs):
    found = attendance(realdocs / "suffolk-libraries/board-meeting-minutes-2016-10-27.pdf", "2016-10-27")
    assert found["Richard Hunt"].status == "apologies"  # "Stephen Taylor stated that Richard Hunt had also given his apologies."
    assert found["Richard Smith"].status == "present"  # "Cllr Smith has offered his apologies" for the next meeting


def test_attendance_list_at_the_end_with_a_note_between(realdocs):
    found = attendance(realdocs / "uk-open-standards-board/2014-3-25-open-standards-board-meeting.md", "2014-03-25")
    assert found["Alex Brown"].organisation == "Griffin Brown Digital Publishing"
    assert found["Liam Maxwell"].status == "apologies"  # "## Board member apologies:"
    assert found["Nicholas Oughtibridge"].status == "in_attendance"  # after "Peter is chair of ..."


def test_attendance_honorific_dots(realdocs):
    found = attendance(realdocs / "appna-oklahoma/April2018MeetingMinutes.docx", "2018-04-05")
    assert {(a.name, a.honorific) for a in found.values()} == {
        ("Tauqeer Ali", "Dr"), ("Yasmin Sarfraz", "Dr"), ("Tariq Khan", "Dr"), ("Faisal Latif", "Dr")
    }


# ---------------------------------------------------------------- evidence and policies


def test_attendance_every_record_points_at_its_own_entry(realdocs):
    for path in [CORPUS / "001_1852b031b81eb84e.txt", realdocs / "kent-county-council/CPP Minutes 10.12.24.pdf"]:
        result = _parse(path)
        papers = {p.id: p for p in result.papers}
        for record in result.attendance:
            evidence = papers[record.source.paper].text[record.source.start : record.source.end]
            assert record.name.split()[-1].lower() in evidence.lower().replace(".", " ")
            if path.suffix == ".pdf":
                assert isinstance(record.source.page, int)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("J Betts", "John Betts", True), ("Betts", "John Betts", True), ("Lex Gainsbury", "Alexa Gainsbury", True),
     ("A Armstrong", "M Armstrong", False), ("Ali Heywood", "Pip Heywood", False)],
)
def test_attendance_same_person(a, b, same):
    assert same_person(a, b) is same


def test_attendance_merge_policy_is_injectable():
    paper = _hand_paper([BlockDraft("paragraph", "Present: Jane Doe, John Roe"), BlockDraft("paragraph", "Apologies: Jane Doe")])
    merged = extract_attendance(paper, _meeting("2020-01-01"))
    assert {a.name: a.status for a in merged} == {"Jane Doe": "apologies", "John Roe": "present"}
    everything = extract_attendance(paper, _meeting("2020-01-01"), merge=lambda found: found)
    assert [a.name for a in everything] == ["Jane Doe", "John Roe", "Jane Doe"]
    assert merge_first([]) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Simon Barnes Quorum for this meeting is 3", "Simon Barnes"),
        ("Oliver Laity and Keith Moore and sanctioned Appointment of", "Oliver Laity and Keith Moore"),
        ("Councillor A Connell plus ten guests", "Councillor A Connell"),
        ("Lynne Walker – ex-board member, Peter Aldous", "Lynne Walker – ex-board member, Peter Aldous"),
    ],
)
def test_attendance_inline_list_ends_where_prose_resumes(text, kept):
    assert text[: prose_end(text)] == kept


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab ,()-Cd", min_size=1, max_size=12), min_size=1, max_size=4), st.data())
def test_attendance_stretch_maps_every_character_back(pieces, data):
    # The oracle: blocks laid out as assemble() does, joined back with spaces as wrapped lines are.
    paper_text = "\n\n".join(pieces)
    offsets, at = [], 0
    for piece in pieces:
        offsets.append(at)
        at += len(piece) + 2
    stretch = Stretch.at(pieces[0], 0)
    for piece, offset in zip(pieces[1:], offsets[1:]):
        stretch = stretch.join(Stretch.at(piece, offset))
    assert stretch.text == " ".join(pieces)
    joins, position = set(), 0
    for piece in pieces[:-1]:
        position += len(piece)
        joins.add(position)  # the space that joins two lines is in no block
        position += 1
    for index, char in enumerate(stretch.text):
        if index not in joins:
            assert paper_text[stretch.source(index)] == char
    start = data.draw(st.integers(0, len(stretch.text)))
    end = data.draw(st.integers(start, len(stretch.text)))
    cut = stretch.cut(start, end)
    assert cut.text == stretch.text[start:end]
    for index, char in enumerate(cut.text):
        if start + index not in joins:
            assert paper_text[cut.source(index)] == char
