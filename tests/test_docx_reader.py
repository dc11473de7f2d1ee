"""The DOCX reader on real Word files: realdocs minutes, the rendered corpus, and tiny built cases.

The tiny cases are built with python-docx in the test, so each one shows the
Word construct it is about (a merged cell, a numbered paragraph, a page break)
next to what the reader must make of it.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls

from boardpapers.document import Block, Document, clean_line
from boardpapers.errors import ConverterMissing, CorruptFile, UnsupportedFormat
from boardpapers.ingest import load
from boardpapers.ingest import legacy_doc

from conftest import corpus_papers

ODUG_MAY = "datagovuk-panels/20140513 ODUG Meeting minutes.docx"
ODUG_JUNE = "datagovuk-panels/20140619 ODUG Meeting minutes.docx"
NEWBIGGIN = "milburn-newbiggin-parish/Minutes_03.09.19.docx"
ACTION_LOG = "datagovuk-panels/2012-01-24  TB(13)1.ii Action Log.doc"
HAS_SOFFICE = legacy_doc.find_converter() is not None


def kinds_and_texts(document: Document) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in document.blocks]


def tables(document: Document) -> list[Block]:
    return [block for block in document.blocks if block.kind == "table"]


def save(word: docx.document.Document, tmp_path: Path, name: str = "built.docx") -> Path:
    path = tmp_path / name
    word.save(str(path))
    return path


def assert_in_order(document: Document, expected: list[tuple[str, str]]) -> None:
    """Each (kind, text prefix) is found, in this order, among the document's blocks."""
    found = iter(kinds_and_texts(document))
    for kind, prefix in expected:
        assert any(k == kind and t.startswith(prefix) for k, t in found), (kind, prefix)


# --- real documents -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "appna-oklahoma/April2018MeetingMinutes.docx",
        "appna-oklahoma/December2018MeetingMinutes.docx",
        ODUG_MAY,
        ODUG_JUNE,
        NEWBIGGIN,
    ],
)
def test_docx_realdocs_parse(realdocs, name):
    document = load(realdocs / name)
    assert document.format == "docx"
    assert document.blocks
    assert document.pages is not None and document.pages >= max(block.page or 1 for block in document.blocks)
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            NEWBIGGIN,
            [
                ("heading", "Newbiggin Parish Council - 3rd September 2019"),
                ("heading", "Present"),
                ("paragraph", "Councillors D Thompson (Chair) , N Armstrong"),
                ("heading", "19.09.01 Apologies"),
                ("paragraph", "None"),
                ("heading", "19.09.03 Minutes"),
                ("paragraph", "The minutes of the meeting held on the 2nd July 2019"),
                ("heading", "19.09.09 Finance"),
                ("paragraph", "Eden District Council Uncontested Election Costs £ 105.00"),
                ("heading", "19.09.12 Any Other Business"),
                ("paragraph", "The Chairman brought the meeting to a close at 8.35pm"),
            ],
        ),
        (
            "appna-oklahoma/April2018MeetingMinutes.docx",
            [
                ("heading", "APPNA (Oklahoma Chapter) Executive Committee Conference Call Minutes (04/05/2018)"),
                ("paragraph", "The meeting started at 7:00 PM."),
                ("paragraph", "Attendees: Dr. Tauqeer Ali"),
                ("list_item", "The minutes of March meeting were approved"),
                ("list_item", "Tulsa: $4200.89"),
                ("list_item", "Annual Banquet planned for November 10, 2018"),
                ("paragraph", "The meeting was concluded at 7:50 pm."),
            ],
        ),
        (
            ODUG_JUNE,
            [
                ("heading", "Open Data User Group - Agenda"),
                ("table", "ODUG Attendees\tOfficials"),
                ("heading", "Chair’s welcome"),
                ("paragraph", "Tranche 2 of the Release of Data Fund totals at £637,800."),
                ("heading", "Traveline Data – presentation by Julie Williams, CEO"),
                ("list_item", "Why should organisations give their data away for free?"),
                ("heading", "AOB"),
            ],
        ),
    ],
    ids=["newbiggin", "appna-april", "odug-june"],
)
def test_docx_minutes_blocks_in_reading_order(realdocs, name, expected):
    assert_in_order(load(realdocs / name), expected)


@pytest.mark.parametrize(
    ("name", "nested"),
    [
        ("appna-oklahoma/April2018MeetingMinutes.docx", "Tulsa: $4200.89"),
        ("appna-oklahoma/December2018MeetingMinutes.docx", "Tulsa: $3,900.39"),
    ],
)
def test_docx_list_levels_come_from_ilvl(realdocs, name, nested):
    levels = {block.text: block.level for block in load(realdocs / name).blocks if block.kind == "list_item"}
    assert levels[nested] > 0
    assert min(levels.values()) == 0


@pytest.mark.parametrize(
    ("heading", "items"),
    [
        (
            "Chair’s welcome and update",
            [
                "The Release of Data Fund process is progressing well, deadline for May bidding is the 14th.",
                "The Chair is meeting with the MRS Census and Geodemographics Group and engaging with their work.",
            ],
        ),
        ("AOB", ["The Chair will draft a response to the questionnaire"]),
    ],
)
def test_docx_one_column_table_read_as_blocks(realdocs, heading, items):
    """The ODUG May minutes are typed one item a cell of a one-column table."""
    document = load(realdocs / ODUG_MAY)
    assert_in_order(document, [("heading", heading)] + [("list_item", item) for item in items])
    assert [len(block.rows[0]) for block in tables(document)] == [2, 3]  # attendees, agenda


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            ODUG_MAY,
            [
                ["Attendees", "Officials"],
                ["Heather Savory (Chair) (HS)", "Claudia Arney (CA)"],
                ["Bob Barr (BB) 2:30o", "Sam Roberts (SR)"],
                ["Alex Kafetz (AK)", ""],
                ["Dominique Lazanski (DL)", "Observers"],
            ],
        ),
        (
            ODUG_JUNE,
            [
                ["ODUG Attendees", "Officials"],
                ["Heather Savory (Chair) (HS)", "Sam Roberts (SR)"],
            ],
        ),
    ],
)
def test_docx_attendee_table_stays_a_table(realdocs, name, rows):
    attendees = tables(load(realdocs / name))[0]
    cells = attendees.cell_texts()
    assert all(len(row) == 2 for row in cells)
    assert attendees.header_rows == 1
    for row in rows:
        assert row in cells
    assert cells.index(rows[0]) < cells.index(rows[1])


@pytest.mark.parametrize("name", [ODUG_MAY])
def test_docx_agenda_table_keeps_its_columns(realdocs, name):
    agenda = tables(load(realdocs / name))[1]
    assert agenda.cell_texts()[0] == ["Item", "Description", "Lead"]
    assert agenda.cell_texts()[7] == ["7", "AOB", "HS"]


@pytest.mark.parametrize(("docx_name", "pdf_name"), [(NEWBIGGIN, "milburn-newbiggin-parish/minutes_2019-09-03_.pdf")])
def test_docx_newbiggin_matches_its_pdf(realdocs, docx_name, pdf_name):
    """The PDF was made from the DOCX; its typed "Page n of 3" lines mark the same pages."""
    docx_document = load(realdocs / docx_name)
    pdf_document = load(realdocs / pdf_name)
    assert clean_line(docx_document.text) == clean_line(pdf_document.text)
    assert docx_document.pages == pdf_document.pages == 3
    first_on_page = {block.page: block.text for block in reversed(docx_document.blocks)}
    assert first_on_page[2].startswith("19.09.07") and first_on_page[3].startswith("19.09.12")


# --- the rendered corpus ----------------------------------------------------------------


@pytest.mark.parametrize("paper", corpus_papers(), ids=lambda p: p.stem[:3])
def test_docx_rendered_page_breaks_give_pages(paper, rendered_corpus):
    from _render_docx import BLOCKS_PER_PAGE

    document = load(rendered_corpus[paper.stem][1])
    assert [block.page for block in document.blocks] == [
        1 + index // BLOCKS_PER_PAGE for index in range(len(document.blocks))
    ]
    assert document.pages == document.blocks[-1].page


@pytest.mark.parametrize("paper", corpus_papers(), ids=lambda p: p.stem[:3])
def test_docx_repeated_header_rows_are_header_rows(paper, rendered_corpus):
    text_tables = tables(load(paper))
    docx_tables = tables(load(rendered_corpus[paper.stem][1]))
    assert [table.header_rows for table in docx_tables] == [table.header_rows for table in text_tables]


@pytest.mark.parametrize("paper", corpus_papers(), ids=lambda p: p.stem[:3])
def test_docx_running_header_is_not_body_text(paper, rendered_corpus):
    document = load(rendered_corpus[paper.stem][1])
    assert paper.stem not in document.text


# --- tiny built documents -------------------------------------------------------------


@pytest.mark.parametrize(
    ("merges", "expected"),
    [
        (
            [((0, 0), (0, 1), "Wide"), ((1, 2), (2, 2), "Tall")],
            [["Wide", "", "c"], ["d", "e", "Tall"], ["g", "h", ""]],
        ),
        ([((0, 0), (1, 1), "Block")], [["Block", "", "c"], ["", "", "f"], ["g", "h", "i"]]),
    ],
    ids=["row-and-column-spans", "two-by-two"],
)
def test_docx_merged_cells_not_duplicated(tmp_path, merges, expected):
    word = docx.Document()
    table = word.add_table(rows=3, cols=3)
    for row, letters in zip(table.rows, ("abc", "def", "ghi")):
        for cell, letter in zip(row.cells, letters):
            cell.text = letter
    for (top, left), (bottom, right), text in merges:
        merged = table.cell(top, left).merge(table.cell(bottom, right))
        merged.text = text
    document = load(save(word, tmp_path))
    assert [block.cell_texts() for block in document.blocks] == [expected]


@pytest.mark.parametrize("case", ["mixed"])
def test_docx_tables_and_paragraphs_in_document_order(tmp_path, case):
    word = docx.Document()
    word.add_heading("1. Apologies", level=1)
    word.add_paragraph("Apologies were received from Cllr Smith.")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Action", "Owner"
    table.cell(1, 0).text, table.cell(1, 1).text = "Write to the council", "Clerk"
    word.add_paragraph("Next item follows the table.")
    word.add_paragraph("Bullet after", style="List Bullet")
    document = load(save(word, tmp_path))
    assert [(block.kind, block.text) for block in document.blocks] == [
        ("heading", "1. Apologies"),
        ("paragraph", "Apologies were received from Cllr Smith."),
        ("table", "Action\tOwner\nWrite to the council\tClerk"),
        ("paragraph", "Next item follows the table."),
        ("list_item", "Bullet after"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Matters arising", "heading"), ("Matters arising " * 10, "paragraph")],
    ids=["short", "long"],
)
def test_docx_bold_only_short_paragraph_is_a_heading(tmp_path, text, kind):
    word = docx.Document()
    paragraph = word.add_paragraph()
    paragraph.add_run(text).bold = True
    word.add_paragraph("Body text.")
    assert load(save(word, tmp_path)).blocks[0].kind == kind


@pytest.mark.parametrize(("ilvl", "level"), [(0, 0), (2, 2)])
def test_docx_numbered_paragraph_is_a_list_item_at_its_ilvl(tmp_path, ilvl, level):
    word = docx.Document()
    paragraph = word.add_paragraph("Minutes approved", style="List Number")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>')
    )
    block = load(save(word, tmp_path)).blocks[0]
    assert (block.kind, block.level, block.text) == ("list_item", level, "Minutes approved")


@pytest.mark.parametrize("case", ["nested"])
def test_docx_nested_table_flattened_into_its_cell(tmp_path, case):
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Item", "Notes"
    table.cell(1, 0).text = "4"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Income", "£45,032.78"
    [block] = load(save(word, tmp_path)).blocks
    assert block.cell_texts() == [["Item", "Notes"], ["4", "Income £45,032.78"]]


@pytest.mark.parametrize("case", ["content-control", "hyperlink-and-field"])
def test_docx_text_in_wrappers_is_kept(tmp_path, case):
    word = docx.Document()
    body = word.element.body
    if case == "content-control":
        body.insert(0, parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Chair: Cllr Jones</w:t></w:r></w:p>'
            "</w:sdtContent></w:sdt>"
        ))
        expected = "Chair: Cllr Jones"
    else:
        body.insert(0, parse_xml(
            f'<w:p {nsdecls("w", "r")}><w:r><w:t xml:space="preserve">See </w:t></w:r>'
            '<w:hyperlink r:id="rId99"><w:r><w:t>the report</w:t></w:r></w:hyperlink>'
            '<w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple>'
            '<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>'
        ))
        expected = "See the report3"
    assert load(save(word, tmp_path)).blocks[0].text == expected


@pytest.mark.parametrize(("rendered_break_too", "pages"), [(False, 2), (True, 2)])
def test_docx_page_break_counted_once(tmp_path, rendered_break_too, pages):
    """Word marks the top of the page an explicit break starts; that is not a second page."""
    word = docx.Document()
    word.add_paragraph("Page one")
    word.add_page_break()
    second = word.add_paragraph()
    if rendered_break_too:
        second.add_run()._r.append(OxmlElement("w:lastRenderedPageBreak"))
    second.add_run("Page two")
    document = load(save(word, tmp_path))
    assert [block.page for block in document.blocks] == [1, 2]
    assert document.pages == pages


@pytest.mark.parametrize("footer", ["Page 1 of 2", "PAGE 1"])
def test_docx_typed_page_number_ends_its_page(tmp_path, footer):
    word = docx.Document()
    word.add_paragraph("Item 1 text")
    word.add_paragraph(footer)
    word.add_paragraph("Item 2 text")
    document = load(save(word, tmp_path))
    assert [(block.text, block.page) for block in document.blocks] == [("Item 1 text", 1), ("Item 2 text", 2)]
    assert document.pages == 2


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95])
def test_docx_truncated_file_is_corrupt(tmp_path, fraction):
    word = docx.Document()
    word.add_paragraph("Minutes of the meeting " * 200)
    data = save(word, tmp_path).read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(CorruptFile, match="truncated.docx"):
        load(path)


@pytest.mark.parametrize(
    ("member", "content"),
    [("word/document.xml", "<w:document"), ("word/document.xml", "not xml at all")],
    ids=["unclosed-xml", "text"],
)
def test_docx_broken_document_xml_is_corrupt(tmp_path, member, content):
    good = save(docx.Document(), tmp_path)
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            target.writestr(item, content if item.filename == member else source.read(item))
    with pytest.raises(CorruptFile, match="broken.docx"):
        load(path)


@pytest.mark.parametrize("member", ["xl/workbook.xml", "content.xml"])
def test_docx_zip_that_is_not_word_is_unsupported(tmp_path, member):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<x/>")
    path = tmp_path / "report.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnsupportedFormat, match="report.docx"):
        load(path)


# --- legacy .doc --------------------------------------------------------------------------


@pytest.fixture
def no_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)


@pytest.mark.parametrize("name", ["minutes (final) 2012.doc"])
def test_docx_doc_without_converter_says_how_to_enable(tmp_path, no_soffice, name):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(ConverterMissing) as raised:
        load(path)
    message = str(raised.value)
    assert name in message
    assert "LibreOffice" in message and "apt-get install libreoffice" in message


@pytest.mark.parametrize("name", [ACTION_LOG])
def test_docx_realdocs_doc_without_converter(realdocs, no_soffice, name):
    with pytest.raises(ConverterMissing, match=r"TB\(13\)1\.ii Action Log\.doc"):
        load(realdocs / name)


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("name", [ACTION_LOG])
def test_docx_doc_converted_keeps_its_path_and_hash(realdocs, name):
    path = realdocs / name
    document = load(path)
    assert document.path == str(path)
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert legacy_doc.CONVERTED_WARNING in document.warnings
    log = tables(document)[0].cell_texts()
    assert ["Meeting date & action number", "Team owner", "Action", "Deadline", "Progress", "Status progress"] in log
