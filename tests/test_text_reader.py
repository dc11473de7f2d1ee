"""The text reader on the seed corpus's converter output and on real Markdown/HTML/plain text."""

from __future__ import annotations

import pytest

from boardpapers.errors import EmptyFile, EncodingError
from boardpapers.ingest import load

from conftest import CORPUS


def blocks_of(path):
    return load(path).blocks


def test_text_reader_blocks_have_exact_spans():
    document = load(CORPUS / "001_1852b031b81eb84e.txt")
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text
        for row in block.rows:
            for cell in row:
                assert document.text[cell.start : cell.end] == cell.text


@pytest.mark.parametrize("leftover", ["<b>", "<sup>", "<u>", "<p>", "<ul", "<input", "**", "^{"])
def test_text_reader_removes_converter_markup(leftover):
    for path in sorted(CORPUS.glob("*.txt")):
        assert leftover not in load(path).text, path.name


def test_text_reader_reads_tab_rows_as_tables_with_header():
    blocks = blocks_of(CORPUS / "001_1852b031b81eb84e.txt")
    tables = [b for b in blocks if b.kind == "table"]
    membership = next(t for t in tables if t.rows[0][0].text == "Member")
    assert membership.header_rows == 1
    assert ["Julie Pal", "Community Barnet"] in membership.cell_texts()
    mopac7 = next(t for t in tables if t.rows[0][1].text.startswith("Volume during 12 months"))
    assert mopac7.cell_texts()[1] == ["Burglary", "3874", "4912", "-1038", "-21.1%"]


def test_text_reader_keeps_table_text_out_of_prose():
    document = load(CORPUS / "001_1852b031b81eb84e.txt")
    prose = " ".join(b.text for b in document.blocks if b.kind != "table")
    assert "3602" in document.text and "3602" not in prose


@pytest.mark.parametrize(
    ("paper", "heading"),
    [
        ("000_1a348045f55062b7.txt", "Trends in levels of crime and ASB"),
        ("002_d11246a3c42150a2.txt", "7. QUARTERLY PERFORMANCE UPDATES"),
        ("001_1852b031b81eb84e.txt", "ORDER OF BUSINESS"),
    ],
)
def test_text_reader_finds_headings(paper, heading):
    assert heading in [b.text for b in blocks_of(CORPUS / paper) if b.kind == "heading"]


def test_text_reader_superscript_ordinal_joins_its_number():
    assert "23rd October 2020" in load(CORPUS / "000_1a348045f55062b7.txt").text


def test_text_reader_glued_bold_runs_become_separate_blocks():
    texts = [b.text for b in blocks_of(CORPUS / "001_1852b031b81eb84e.txt")[:8]]
    assert texts[:4] == ["MEETING", "SAFER COMMUNITIES PARTNERSHIP BOARD", "DATE AND TIME", "FRIDAY 22ND APRIL, 2016"]


def test_text_reader_bullets_are_list_items():
    items = [b.text for b in blocks_of(CORPUS / "000_1a348045f55062b7.txt") if b.kind == "list_item"]
    assert "Trends in levels of crime and ASB" in items


@pytest.mark.parametrize(
    ("encoding", "data"),
    [("utf-8-sig", "Minutes – £301,162 café"), ("cp1252", "Minutes – £301,162 café"), ("utf-16", "Minutes – £301,162 café")],
)
def test_text_reader_encodings(tmp_path, encoding, data):
    path = tmp_path / "paper.txt"
    path.write_bytes(data.encode(encoding))
    assert load(path).text == data


def test_text_reader_undecodable_bytes_name_the_file(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Minutes of the meeting \x81\x8d\x8f")
    with pytest.raises(EncodingError, match="bad.txt"):
        load(path)


def test_text_reader_markup_only_file_is_empty(tmp_path):
    path = tmp_path / "blank.md"
    path.write_text("<p></p>\n<b> </b>\n", encoding="utf-8")
    with pytest.raises(EmptyFile, match="blank.md"):
        load(path)


def test_text_reader_form_feeds_are_pages(tmp_path):
    path = tmp_path / "paged.txt"
    path.write_text("First page text.\fSecond page text.", encoding="utf-8")
    document = load(path)
    assert document.pages == 2
    assert [b.page for b in document.blocks] == [1, 2]


def test_text_reader_yaml_front_matter_minutes(realdocs):
    document = load(realdocs / "yorkshire-imaging" / "autumn-paediatric-group-meeting.md")
    assert document.blocks[0].kind == "heading" and document.blocks[0].text == "Autumn Paediatric Group Meeting"
    assert "permalink" not in document.text and "eleventyNavigation" not in document.text
    assert any(b.kind == "list_item" and b.text.startswith("1. Circulate review LTHT Fluoro Protocols [closed]") for b in document.blocks)


def test_text_reader_html_post_table(realdocs):
    document = load(realdocs / "datagovuk-panels" / "2017-01-01-transparency-board-minutes-19th-november-2010.md")
    assert "<p>" not in document.text and "<strong>" not in document.text
    table = next(b for b in document.blocks if b.kind == "table")
    assert table.rows[0][0].text.startswith("Present:")


def test_text_reader_markdown_lists_and_headings(realdocs):
    blocks = load(realdocs / "uk-open-standards-board" / "2018-05-03-open-standards-board.md").blocks
    assert ("heading", "Apologies") in [(b.kind, b.text) for b in blocks]
    assert ("list_item", "Jeni Tennison (ODI)") in [(b.kind, b.text) for b in blocks]


def test_text_reader_hard_wrapped_text_joins_lines(realdocs):
    document = load(realdocs / "apache-board" / "board_minutes_2015_01_21.txt")
    paragraphs = [b.text for b in document.blocks if b.kind == "paragraph"]
    assert max(len(p) for p in paragraphs) > 300  # wrapped lines rejoined into paragraphs
