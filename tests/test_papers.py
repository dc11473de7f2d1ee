"""Papers: packs split into their parts, each paper described (kind, title, body, date, author)."""

from __future__ import annotations

import pytest

import boardpapers

from conftest import CORPUS

PACK = CORPUS / "001_1852b031b81eb84e.txt"


@pytest.fixture(scope="module")
def pack():
    return boardpapers.parse(PACK)


def test_papers_pack_splits_into_its_parts(pack):
    file_paper, *parts = pack.papers
    assert file_paper.kind == "pack" and file_paper.parent is None
    assert [(p.part, p.kind) for p in parts] == [
        ("summons", "other"),
        ("agenda", "agenda"),
        ("minutes", "minutes"),
        ("action_log", "action_log"),
        ("report", "report"),
        ("appendix", "report"),
        ("report", "report"),
        ("appendix", "report"),
    ]
    titles = [p.title for p in parts]
    assert titles[4] == "Annual update on the 2016 Community Safety Strategic Assessment"
    assert titles[6] == "Annual update on the 2015/2016 MOPAC crime reduction projects"


def test_papers_appendix_belongs_to_its_report(pack):
    parts = pack.papers[1:]
    assert parts[5].parent == parts[4].id and parts[7].parent == parts[6].id
    assert all(p.parent == pack.papers[0].id for p in parts if p.part != "appendix")


def test_papers_parts_cover_their_own_text(pack):
    file_paper, *parts = pack.papers
    assert parts[1].text.startswith("ORDER OF BUSINESS")
    assert parts[2].text.startswith("Decisions of the Safer Communities Partnership Board")
    assert parts[2].text.endswith("The meeting finished at 4.35 pm")
    for part in parts:
        assert part.text in file_paper.text
        for block in part.blocks:
            assert part.text[block.start : block.end] == block.text


def test_papers_blank_page_separator_is_not_content(pack):
    for part in pack.papers[1:]:
        assert "intentionally left blank" not in part.text


def test_papers_pack_part_dates(pack):
    dates = {p.part: p.meeting_date for p in pack.papers[1:]}
    assert dates["minutes"] == "2016-01-29"
    assert dates["agenda"] == "2016-04-22"
    assert dates["report"] == "2016-04-22"


@pytest.mark.parametrize(
    ("paper", "kind", "title", "meeting_date", "author"),
    [
        ("000_1a348045f55062b7.txt", "report", "Community Safety update for the Safer Communities Partnership Board", "2020-10-23", "Peter Clifton"),
        ("002_d11246a3c42150a2.txt", "minutes", "Minutes of meeting held on 24 November 2023", "2023-11-24", None),
        ("003_cb9ef74a37603220.txt", "strategy", "Community Safety Strategy 2022-2027", None, None),
    ],
)
def test_papers_single_paper_description(paper, kind, title, meeting_date, author):
    (only,) = boardpapers.parse(CORPUS / paper).papers
    assert (only.kind, only.title, only.meeting_date, only.author) == (kind, title, meeting_date, author)
    assert only.body == "Safer Communities Partnership Board"


def test_papers_ids_are_content_hashes(tmp_path, pack):
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(PACK.read_bytes())
    again = boardpapers.parse(copy)
    assert [p.id for p in again.papers] == [p.id for p in pack.papers]
    assert pack.papers[3].id == pack.papers[0].id + "#3"


def test_papers_misnamed_agenda_is_an_agenda(realdocs):
    result = boardpapers.parse(realdocs / "milburn-newbiggin-parish" / "minutes_2019-11-12_.pdf")
    assert result.papers[0].kind == "agenda"


def test_papers_minutes_that_list_their_agenda_are_minutes(realdocs):
    """Attendance, then "Agenda", then the minutes: the agenda heading is no agenda paper."""
    result = boardpapers.parse(realdocs / "decoy-series" / "lw" / "lw-committee-minutes-17-january-2022-final.pdf")
    paper = result.papers[0]
    assert (paper.kind, paper.part, paper.meeting_date) == ("minutes", None, "2022-01-17")


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("fgb/fgb-minutes-200203-final.pdf", "Full Governing Body"),  # "COMMITTEE Full Governing Body DATE; 03/02/2020"
        ("fgb/fgb-minutes-191014.pdf", "Board of Governors"),  # not the committees its minutes mention
        ("lw/lw-committee-minutes-9-may-2022-final.pdf", "Learning & Wellbeing Committee"),  # a "COMMITTEE | ... | DATE" row
    ],
)
def test_papers_body_from_a_committee_label(realdocs, name, body):
    assert boardpapers.parse(realdocs / "decoy-series" / name).papers[0].body == body
