"""Agenda items in every layout boards use (issue 3), checked against what the papers print.

Every expected value here was read off the document itself (the corpus text,
or the real paper in ../shared/realdocs), not copied from the parser.
"""

from __future__ import annotations

import pytest

import boardpapers
from boardpapers.extract.agenda import item_kind
from boardpapers.extract.agenda_lines import heading_prefix, parse_label, parse_time_slot, split_lettered
from boardpapers.extract.agenda_people import split_presenter
from boardpapers.extract.agenda_vocab import is_procedural

from conftest import CORPUS

PACK = CORPUS / "001_1852b031b81eb84e.txt"
MINUTES_2023 = CORPUS / "002_d11246a3c42150a2.txt"
REPORT = CORPUS / "000_1a348045f55062b7.txt"


def items(path, **where):
    found = boardpapers.parse(path).agenda_items
    return [item for item in found if all(getattr(item, key) == value for key, value in where.items())]


def by_number(path, **where):
    return {item.number: item for item in items(path, **where)}


# --- order-of-business tables and numbered agenda lists -------------------------------------


@pytest.mark.parametrize(
    ("number", "title", "pages"),
    [
        ("1", "Introductions, Apologies for absence and Minutes of Previous Meeting", "1 - 8"),
        ("2", "Community Safety Strategic Assessment", "9 - 30"),
        ("3", "MOPAC projects update", "31 - 38"),
        ("4", "Barnet ASB and Restorative Justice Project (Victim Support)", None),
        ("9", "Any Other Items (if any)", None),
    ],
)
def test_agenda_order_of_business_table(number, title, pages):
    found = by_number(PACK, layout="numbered", kind="agenda")
    assert sorted(found, key=int) == [str(n) for n in range(1, 10)]
    assert (found[number].title, found[number].pages) == (title, pages)
    assert found[number].meeting.endswith("/2016-04-22")


@pytest.mark.parametrize(
    ("number", "title", "pages"),
    [
        ("1", "Apologies", None),
        ("3", "Minutes of the Meeting held on 9th January 2025", "1 - 10"),
        ("5", "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25", "11 - 84"),
        ("9", "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29", "461 - 610"),
    ],
)
def test_agenda_numbered_list_with_inline_pages(realdocs, number, title, pages):
    found = by_number(realdocs / "kent-county-council" / "Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf")
    assert sorted(found, key=int) == [str(n) for n in range(1, 10)]
    assert (found[number].title, found[number].pages, found[number].kind) == (title, pages, "agenda")


# --- timed agendas ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "title", "start", "end", "duration", "presenter", "role", "subitems"),
    [
        (
            "1",
            "Introductions, Apologies and Minutes of previous meeting",
            "14:30",
            "14:35",
            5,
            "David Longstaff",  # printed "Cllr Longstaff Chairman of SCPB"; the summons names the chair
            "Chairman of SCPB",
            (),
        ),
        (
            "2",
            "Community Safety Strategic Assessment",
            "14:35",
            "14:50",
            15,
            "Peter Clifton",
            "Community Safety Manager",
            ("Safer Communities Partnership Strategic Assessment Update",),
        ),
        (
            "5",
            "Crime Trends and performance",
            "15:15",
            "15:30",
            15,
            "Paula Light",
            "Acting Borough Commander Barnet Police",
            ("Review of 2015/16", "Plans for 2016/17", "Partnership Roles", "Neighbourhood Policing"),
        ),
        ("7", "Update from Youth matters", "15:40", "15:45", 5, "Duncan Tessier", None, ()),
        (None, "AOB", "15:50", "15:55", 5, "David Longstaff", "Chairman of SCPB", ()),
    ],
)
def test_agenda_timed_table(number, title, start, end, duration, presenter, role, subitems):
    found = by_number(PACK, layout="timed")
    item = found[number]
    assert (item.title, item.start_time, item.end_time, item.duration) == (title, start, end, duration)
    assert item.presenter == presenter
    if role is not None:
        assert item.presenter_role == role
    assert item.subitems == subitems


def test_agenda_proposed_items_for_next_meeting_keep_their_bullets():
    item = by_number(PACK, layout="timed")["8"]
    assert item.title == "Proposed items for next SCPB: 22 July 2016"
    assert item.procedural is True
    assert item.subitems == (
        "Understanding and responding to the trends and performance of community confidence",
        "Neighbourhood Policing – performance, roles and actions",
        "Crime reduction – Burglary performance and partnership action",
        "Community Safety Strategy Update",
        "CRC evaluation of performance post transition to cohort model",
    )


@pytest.mark.parametrize(
    ("number", "title", "start", "end", "presenter", "subitems"),
    [
        ("1", "Minutes and action points", "11:00", "11:10", "Nigel Shadbolt", ()),
        (
            "4",
            "DCLG Update",
            "11:45",
            "12:00",
            "Nick Bagshaw, Steve Peters",
            ("Refreshing DCLG’s Open Data Strategy", "DCLG’s role on NII, National Action Plan and OGP Summit"),
        ),
        ("7", "AOB and Close", "12:50", "13:00", None, ()),
    ],
)
def test_agenda_timed_lines_with_bracketed_presenters(realdocs, number, title, start, end, presenter, subitems):
    path = realdocs / "datagovuk-panels" / "Local Public Data Panel_Twenty-Second Meeting_17 October 2013_Agenda.pdf"
    item = by_number(path)[number]
    assert (item.title, item.start_time, item.end_time, item.presenter) == (title, start, end, presenter)
    assert item.subitems == subitems


# --- numbered minute headings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "title", "procedural"),
    [
        ("1", "INTRODUCTIONS AND APOLOGIES", True),
        ("5", "PUBLIC QUESTIONS AND COMMENTS (IF ANY)", True),
        ("7", "QUARTERLY PERFORMANCE UPDATES", False),
        ("12", "SERIOUS VIOLENCE DUTY - STRATEGIC NEEDS ASSESSMENT", False),
        ("15", "DATE OF NEXT MEETING", True),
    ],
)
def test_agenda_minute_headings_not_numbered_paragraphs(number, title, procedural):
    # Item 12 holds eleven numbered recommendations ("1. Strengthen partnership working ..."):
    # they are its text, so the minutes have exactly the fifteen headings.
    found = by_number(MINUTES_2023)
    assert list(found) == [str(n) for n in range(1, 16)]
    assert (found[number].title, found[number].kind, found[number].procedural) == (title, "minutes", procedural)
    assert found[number].subitems == ()


KENT_CABINET = ("kent-county-council", "Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf")
DECOY_FGB = ("decoy-primary-school", "fgb-minutes-23-may-2022-final.pdf")
LPDP_MINUTES = ("datagovuk-panels", "Local Public Data Panel_Twenty-Second Meeting_17 October 2013_Minutes.pdf")


@pytest.mark.parametrize(
    ("path", "number", "title", "agenda_number"),
    [
        pytest.param(KENT_CABINET, "84", "Apologies", "1", id="kent-84"),
        pytest.param(
            KENT_CABINET,
            "88",
            "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25",
            "5",
            id="kent-88-item-5",
        ),
        pytest.param(
            ("kent-county-council", "CPP Minutes 10.12.24.pdf"), "4", "Participation Team Update", "4", id="kent-cpp-ref"
        ),
        pytest.param(DECOY_FGB, "FGB 98/2122", "Attendance and associated matters", None, id="decoy-98"),
        pytest.param(DECOY_FGB, "FGB 115/2122", "Date of next meeting", None, id="decoy-115"),
        pytest.param(
            ("decoy-series", "fgb", "fgb-minutes-191014.pdf"),
            "FGB 01/1920",
            "To record those Present, accept any apologies and welcome any visitors",
            None,
            id="decoy-01",
        ),
        pytest.param(
            ("milburn-newbiggin-parish", "minutes_2021-01-26_.pdf"),
            "21.01.05",
            "Discussion regarding the procurement of the Village Green",
            None,
            id="milburn",
        ),
        pytest.param(
            ("milburn-newbiggin-parish", "minutes_2019-09-03_.pdf"), "19.09.01", "Apologies", None, id="newbiggin"
        ),
        pytest.param(LPDP_MINUTES, "3", "Update from the Cabinet Office", None, id="lpdp-item-3"),
    ],
)
def test_agenda_minute_heading_forms(realdocs, path, number, title, agenda_number):
    found = by_number(realdocs.joinpath(*path), kind="minutes")
    assert found[number].title == title
    assert found[number].agenda_number == agenda_number


@pytest.mark.parametrize(
    ("path", "count", "first", "last"),
    [
        (("kent-county-council", "Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf"), 9, "84", "92"),
        (("decoy-primary-school", "fgb-minutes-23-may-2022-final.pdf"), 18, "FGB 98/2122", "FGB 115/2122"),
        (("milburn-newbiggin-parish", "minutes_2021-01-26_.pdf"), 12, "21.01.01", "21.01.12"),
        (("datagovuk-panels", "Minutes of Open Data User Group 11 June_10.pdf"), 9, "1", "9"),
    ],
    ids=["kent", "decoy", "milburn", "odug-numbered-paragraphs"],
)
def test_agenda_minutes_count_items_not_paragraphs(realdocs, path, count, first, last):
    # Kent numbers paragraphs "1." "2." under each minute, ODUG numbers every paragraph 1-25:
    # only the item run counts.
    found = items(realdocs.joinpath(*path))
    assert len(found) == count
    assert (found[0].number, found[-1].number) == (first, last)


def test_agenda_minutes_unnumbered_headings_numbered_by_item_reference(realdocs):
    # The Corporate Parenting Panel prints "Apologies and Substitutes" then "(Item 1)", and so on.
    # Only the first nine are asserted: "(Item 10)" sits at the foot of page 5, where the PDF
    # reader may take it for page furniture.
    found = items(realdocs / "kent-county-council" / "CPP Minutes 10.12.24.pdf")
    assert [(i.number, i.agenda_number) for i in found[:9]] == [(str(n), str(n)) for n in range(1, 10)]
    assert [i.title for i in found[:3]] == [
        "Apologies and Substitutes",
        "Chairman’s Announcements",
        "Minutes of the meeting held on 29 October 2024",
    ]
    assert [i.procedural for i in found[:4]] == [True, True, True, False]


def test_agenda_numbered_actions_and_decisions_are_not_items(realdocs):
    # The Welsh Technical Standards Board minutes end with "Actions" 1-2 and "Decisions" tables.
    assert items(realdocs / "nhs-wales-wtsb" / "minutes.md") == []


def test_agenda_minutes_pdf_and_docx_agree(realdocs):
    folder = realdocs / "milburn-newbiggin-parish"
    pdf = [(i.number, i.title) for i in items(folder / "minutes_2019-09-03_.pdf")]
    docx = [(i.number, i.title) for i in items(folder / "Minutes_03.09.19.docx")]
    assert pdf == docx
    assert pdf[-1] == ("19.09.12", "Any Other Business")


# --- Roman sections and lettered sub-items ---------------------------------------------------


@pytest.mark.parametrize(
    ("number", "title", "subitems_start"),
    [
        ("I", "ROLL CALL", ()),
        ("III", "APPROVAL OF THE MINUTES", ("June 25, 2019",)),
        ("IV", "EXECUTIVE OFFICER REPORTS", ("President’s Report", "Treasurer’s Report")),
        ("V", "COMMITTEE REPORTS", ("A. COMMUNITY AFFAIRS/WORKFORCE", "1. Approval of Educational Grants and Gifts")),
        ("VI", "ADJOURNMENT", ()),
    ],
)
def test_agenda_roman_sections_with_lettered_subitems(realdocs, number, title, subitems_start):
    found = by_number(realdocs / "cuyahoga-county" / "cuya_community_college_agenda.pdf")
    assert list(found) == ["I", "II", "III", "IV", "V", "VI"]
    assert found[number].title == title
    assert found[number].subitems[: len(subitems_start)] == subitems_start


def test_agenda_lettered_subitems_inside_a_table_cell(realdocs):
    found = by_number(realdocs / "datagovuk-panels" / "Minutes of Open Data User Group 11 June_10.pdf")
    assert found["7"].title == "Progress on data requests"
    assert found["7"].subitems == ("a. ODUG", "b. Cabinet Office")


# --- report cover sheets ---------------------------------------------------------------------


def test_agenda_report_cover_sheet_links_to_its_item():
    result = boardpapers.parse(REPORT)
    (paper,) = result.papers
    assert paper.kind == "report"
    assert paper.agenda_item == "5"  # "ITEM 5" above the "Report Name:" table
    assert result.agenda_items == ()  # a report lists no items of its own


def test_agenda_reports_and_strategies_have_no_items():
    for name in ("003_cb9ef74a37603220.txt", "004_16a43554b3008f2a.txt"):
        result = boardpapers.parse(CORPUS / name)
        assert result.agenda_items == ()
        assert all(item_kind(paper) is None for paper in result.papers)


# --- provenance and format parity ------------------------------------------------------------


@pytest.mark.parametrize("path", [PACK, MINUTES_2023], ids=["pack", "minutes"])
def test_agenda_source_span_holds_the_item(path):
    result = boardpapers.parse(path)
    texts = {paper.id: paper.text for paper in result.papers}
    for item in result.agenda_items:
        evidence = texts[item.source.paper][item.source.start : item.source.end]
        assert item.title.split()[0] in evidence
        if item.number is not None:
            assert item.number in evidence


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("stem", ["001_1852b031b81eb84e", "002_d11246a3c42150a2"])
def test_agenda_same_items_in_every_format(stem, fmt, rendered_corpus):
    def key(path):
        return [
            (i.kind, i.layout, i.number, i.title, i.presenter, i.start_time, i.end_time, i.pages)
            + (i.subitems, i.procedural)
            for i in boardpapers.parse(path).agenda_items
        ]

    rendered = rendered_corpus[stem][0 if fmt == "pdf" else 1]
    assert key(rendered) == key(CORPUS / f"{stem}.txt")


# --- the pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "scheme", "number"),
    [
        ("7. QUARTERLY PERFORMANCE UPDATES", "arabic", "7"),
        ("84. Apologies", "arabic", "84"),
        ("1 DECLARATIONS OF INTEREST", "arabic", "1"),
        ("5. 24/00108 - Revenue and Capital Budget Monitoring Report", "arabic", "5"),
        ("I. ROLL CALL", "roman", "I"),
        ("Item 3: Update from the Cabinet Office", "item", "3"),
        ("AGENDA ITEM 1", "item", "1"),
        ("FGB 98/2122 Attendance and associated matters", "code:FGB/2122", "FGB 98/2122"),
        ("FGB39/2021Declaration of interests", "code:FGB/2021", "FGB 39/2021"),
        ("21.01.05 Discussion regarding the procurement of the Village Green", "dotted:21.01", "21.01.05"),
        ("2.1 The SCPB noted the approach taken to complete the DHR.", "decimal_sub", "2.1"),
        ("C. MANAGEMENT", "letter_sub", "C"),
    ],
)
def test_agenda_labels(text, scheme, number):
    label = parse_label(text)
    assert label is not None
    assert (label.scheme, label.number) == (scheme, number)


@pytest.mark.parametrize(
    "text",
    [
        "22 April 2016",
        "11.00 - 11.10 Minutes and action points",
        "1:30 p.m.",
        "3rd Floor, 65 Clifton Street",
        "1 - 8",
        "2.30 PM",
    ],
)
def test_agenda_labels_not_taken_from_dates_times_and_ranges(text):
    assert parse_label(text) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "minutes"),
    [
        ("14:35-14:50 (15minutes)", "14:35", "14:50", 15),
        ("15:50- 15:55 (5 minutes)", "15:50", "15:55", 5),
        ("12.50 – 13.00 AOB and Close", "12:50", "13:00", None),
        ("2.30pm to 4.30pm", "14:30", "16:30", None),
    ],
)
def test_agenda_time_slots(text, start, end, minutes):
    slot = parse_time_slot(text)
    assert slot is not None
    assert (slot.start, slot.end, slot.minutes) == (start, end, minutes)


@pytest.mark.parametrize("text", ["9 - 30", "31 - 38", "2016/17 MOPAC funding"])
def test_agenda_time_slots_not_page_ranges(text):
    assert parse_time_slot(text) is None


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Peter Clifton Community Safety Manager", "Peter Clifton", "Community Safety Manager"),
        (
            "Kiran Vagarwal Strategic Lead Safer Communities Barnet Council",
            "Kiran Vagarwal",
            "Strategic Lead Safer Communities Barnet Council",
        ),
        ("Caroline Birkett Victim Support", "Caroline Birkett", "Victim Support"),
        ("Cllr Longstaff Chairman of SCPB", "Cllr Longstaff", "Chairman of SCPB"),
        ("Lorraine Busby McVey - Metropolitan Police", "Lorraine Busby McVey", "Metropolitan Police"),
        ("Nick Bagshaw, Steve Peters", "Nick Bagshaw, Steve Peters", None),
        ("HS", "HS", None),
    ],
)
def test_agenda_presenter_name_and_role(text, name, role):
    presenter = split_presenter(text)
    assert (presenter.name, presenter.role) == (name, role)


@pytest.mark.parametrize(
    ("title", "procedural"),
    [
        ("Introductions, Apologies for absence and Minutes of Previous Meeting", True),
        ("PROPOSED ITEMS FOR NEXT SCPB 22 APRIL 2016 AND ANY OTHER BUSINESS", True),
        ("DECLARATION OF MEMBERS' DISCLOSABLE PECUNIARY INTERESTS AND OTHER INTERESTS", True),
        ("To register an interest in any item on the Agenda", True),
        ("To discuss matters arising from the minutes of the last meeting", True),
        ("Urgent business brought forward at the discretion of the Chair", True),
        ("Matters for the next agenda", True),
        ("FORWARD WORK PROGRAMME", True),
        ("A.O.B", True),
        ("Update from Youth matters", False),
        ("DOMESTIC HOMICIDE REVIEW UPDATE (EXEMPT)", False),
        ("Chair’s welcome and update", False),
        ("Corporate Parenting Panel - October 2024 and December 2024", False),
    ],
)
def test_agenda_procedural_vocabulary(title, procedural):
    assert is_procedural(title) is procedural


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Welcome and Apologies Apologies were received from Marion Harvey.", "Welcome and Apologies"),
        (
            "Contract Sum Negotiations The Chair discussed the contract sum negotiations with the Board.",
            "Contract Sum Negotiations",
        ),
        (
            "Set dates/times for 2016/17 The Board reviewed and accepted the suggested meeting dates for 2016/17.",
            "Set dates/times for 2016/17",
        ),
        ("To record those Present, accept any apologies and welcome any visitors",) * 2,  # a list, not a sentence
    ],
)
def test_agenda_heading_cut_from_a_minute_cell(text, heading):
    assert heading_prefix(text) == heading


def test_agenda_inline_lettered_run():
    assert split_lettered("Progress on data requests a. ODUG b. Cabinet Office") == (
        "Progress on data requests",
        ["a. ODUG", "b. Cabinet Office"],
    )
    assert split_lettered("Plan a. only") == ("Plan a. only", [])
