"""The PDF reader on real layouts: the rendered corpus, the shared real papers, and PDFs made here.

The PDFs made in these tests are drawn word by word or line by line with
fpdf2, as a producer would, never through the reader's own renderer, so each
test checks one layout problem the reader must solve.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from PIL import Image

from boardpapers import errors
from boardpapers.document import Block, Document
from boardpapers.ingest import load

from conftest import REALDOCS, corpus_papers

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PAGE_NUMBER = r"Page \d+ of \d+"


def blocks_of(document: Document, kind: str) -> list[Block]:
    return [block for block in document.blocks if block.kind == kind]


def page_texts(path: Path) -> list[str]:
    """Each page's raw text, straight from pdfium."""
    with pdfium.PdfDocument(path) as pdf:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def new_pdf() -> FPDF:
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", "", 11)
    pdf.add_page()
    return pdf


def justified(pdf: FPDF, lines: list[str], x: float, y: float, width: float) -> None:
    """Draw lines as a justified paragraph: every line but the last stretched to ``width``, word by word."""
    for number, line in enumerate(lines):
        words = line.split()
        last = number == len(lines) - 1
        gap = pdf.get_string_width(" ") if last else (width - sum(map(pdf.get_string_width, words))) / (len(words) - 1)
        left = x
        for word in words:
            pdf.text(left, y, word)
            left += pdf.get_string_width(word) + gap
        y += 14


def save(pdf: FPDF, path: Path) -> Path:
    pdf.output(str(path))
    return path


# --- the rendered corpus -------------------------------------------------------------------------


@pytest.mark.parametrize("paper", corpus_papers(), ids=lambda p: p.stem[:3])
def test_pdf_running_header_and_page_footer_removed(paper, rendered_corpus):
    pdf_path = rendered_corpus[paper.stem][0]
    raw = page_texts(pdf_path)
    assert len(raw) > 1 and all(paper.stem in text and f"of {len(raw)}" in text for text in raw)
    document = load(pdf_path)
    assert document.pages == len(raw)
    assert paper.stem not in document.text
    assert not any(block.text.startswith("Page ") and " of " in block.text for block in document.blocks)


@pytest.mark.parametrize(
    "stem, text",
    [
        ("000_1a348045f55062b7", "Trends in levels of crime and ASB"),
        ("002_d11246a3c42150a2", "7. QUARTERLY PERFORMANCE UPDATES"),
        ("001_1852b031b81eb84e", "FACILITIES FOR PEOPLE WITH DISABILITIES"),
    ],
)
def test_pdf_heading_found_from_font(stem, text, rendered_corpus):
    document = load(rendered_corpus[stem][0])
    assert text in [block.text for block in blocks_of(document, "heading")]


@pytest.mark.parametrize(
    "stem, text",
    [
        ("000_1a348045f55062b7", "Domestic Abuse and Violence Against Women and Girls (VAWG)"),
        ("002_d11246a3c42150a2", "1. Strengthen partnership working for a coordinated whole system approach to "
         "preventing and tackling violent offending in the borough."),
    ],
)
def test_pdf_bullet_stripped_from_list_item(stem, text, rendered_corpus):
    pdf_path = rendered_corpus[stem][0]
    assert "• " + text.split()[0] in "".join(page_texts(pdf_path))
    assert text in [block.text for block in blocks_of(load(pdf_path), "list_item")]


@pytest.mark.parametrize(
    "stem, start, end",
    [
        ("000_1a348045f55062b7", "Unlike some crime types", "neighbour disputes."),
        ("002_d11246a3c42150a2", "Councillor Moore suggested", "the service also."),
    ],
)
def test_pdf_paragraph_joined_across_page_break(stem, start, end, rendered_corpus):
    pdf_path = rendered_corpus[stem][0]
    raw = page_texts(pdf_path)
    first = next(i for i, text in enumerate(raw) if start in text)
    assert end not in raw[first] and end in raw[first + 1]
    paragraph = next(block for block in load(pdf_path).blocks if block.text.startswith(start))
    assert paragraph.kind == "paragraph" and paragraph.text.endswith(end) and paragraph.page == first + 1


def test_pdf_table_joined_across_page_break_without_repeated_header(rendered_corpus):
    stem = "001_1852b031b81eb84e"
    pdf_path = rendered_corpus[stem][0]
    header = ["Date of Meeting", "Action", "Team"]
    drawn_header = "Date of\r\nMeeting\r\nAction Team"
    pages_with_header = [i for i, text in enumerate(page_texts(pdf_path)) if drawn_header in text]
    assert len(pages_with_header) == 2  # drawn again on the page the table continues on
    expected = next(b.cell_texts() for b in blocks_of(load(corpus_file(stem)), "table") if b.cell_texts()[0] == header)
    tables = [b.cell_texts() for b in blocks_of(load(pdf_path), "table") if b.cell_texts()[0] == header]
    assert tables == [expected]


def corpus_file(stem: str) -> Path:
    return next(paper for paper in corpus_papers() if paper.stem == stem)


# --- the shared real papers ----------------------------------------------------------------------


def realdoc_pdfs() -> list[Path]:
    return sorted(REALDOCS.rglob("*.pdf")) if REALDOCS.is_dir() else []


@pytest.mark.parametrize("path", realdoc_pdfs(), ids=lambda p: str(p.relative_to(REALDOCS)))
def test_pdf_realdocs_parse_or_raise_documented_error(path, realdocs):
    if path.name == "363.pdf":
        with pytest.raises(errors.UndecodableText, match="363.pdf"):
            load(path)
        return
    document = load(path)
    assert document.format == "pdf" and document.pages and document.blocks
    assert not any(block.text.startswith("Page ") and " of " in block.text[:14] for block in document.blocks[:-1])


@pytest.mark.parametrize(
    "relative, row",
    [
        ("decoy-series/fgb/fgb-minutes-191014.pdf", ["02/1920", "Minutes to website", "Clerk", "asap"]),
        ("chicago-illinois/il_finance_authority.pdf",
         ["2", "Petros PACE Finance Titling Trust", "Statewide", "$100,000,000", "-", "-", "BF"]),
        ("datagovuk-panels/Minutes of Open Data User Group 11 June_10.pdf", None),
    ],
)
def test_pdf_ruled_table_read_with_its_cells(relative, row, realdocs):
    tables = [block.cell_texts() for block in blocks_of(load(realdocs / relative), "table")]
    assert tables
    if row is not None:
        assert any(row in table for table in tables)


@pytest.mark.parametrize(
    "relative", ["decoy-series/fgb/fgb-minutes-191014.pdf", "decoy-series/fgb/fgb-minutes-7-december-2020.pdf"]
)
def test_pdf_landscape_pages_read(relative, realdocs):
    path = realdocs / relative
    with pdfium.PdfDocument(path) as pdf:
        width, height = pdf[0].get_size()
    assert width > height
    document = load(path)
    drawn = sum(len(text.split()) for text in page_texts(path))
    assert 0.9 * drawn < len(document.text.split()) <= drawn  # only the furniture is gone
    assert "ACTIONS TO BE TAKEN" in [block.text for block in blocks_of(document, "heading")]
    assert not any(block.text.startswith("Page ") for block in document.blocks)


@pytest.mark.parametrize(
    "relative, heading",
    [
        ("kent-county-council/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf", "84. Apologies"),
        ("datagovuk-panels/Crime and Justice Sector Panel - minutes - 14 February 2014 meeting_0.pdf", "Attendees:"),
    ],
)
def test_pdf_realdocs_heading_found(relative, heading, realdocs):
    assert heading in [block.text for block in blocks_of(load(realdocs / relative), "heading")]


def test_pdf_numbered_item_keeps_its_number(realdocs):
    document = load(realdocs / "kent-county-council/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf")
    items = [block.text for block in blocks_of(document, "list_item")]
    assert any(item.startswith("1. Mr R Gough, Leader of the Council provided an update") for item in items)
    lettered = "(a) At the Scrutiny Committee held on 29th January 2025, Members considered"
    assert any(item.startswith(lettered) for item in items)


# --- PDFs made here ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines, expected",
    [
        (
            ["The meeting of the committee was held in the hall and the minutes were con-",
             "tinued after a short break for the report of the working group on anti-",
             "social behaviour in the parish, which was presented to the board by Ola Dejo-",
             "Ojomo, who thanked the members."],
            "The meeting of the committee was held in the hall and the minutes were continued after a short "
            "break for the report of the working group on anti-social behaviour in the parish, which was "
            "presented to the board by Ola Dejo-Ojomo, who thanked the members.",
        ),
    ],
)
def test_pdf_hyphenation_undone_real_hyphens_kept(tmp_path, lines, expected):
    pdf = new_pdf()
    justified(pdf, lines, 60, 100, 470)
    document = load(save(pdf, tmp_path / "hyphens.pdf"))
    assert [block.text for block in document.blocks] == [expected]


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    lines = [""]
    for word in text.split():
        candidate = f"{lines[-1]} {word}".strip()
        if lines[-1] and pdf.get_string_width(candidate) > width:
            lines.append(word)
        else:
            lines[-1] = candidate
    return lines


LEFT_TEXT = ("The Board considered the quarterly performance report, which showed that overall crime had "
             "fallen by seven per cent compared with the same period last year, and asked officers to report "
             "back on the rise in robbery.")
RIGHT_TEXT = ("Members noted the progress made on the community safety hubs and the ward walk programme, and "
              "agreed that the next meeting would look again at hate crime reporting across the borough.")


@pytest.mark.parametrize("turns", [1, 3])
def test_pdf_page_with_rotate_read_upright(tmp_path, turns):
    """Text drawn sideways on a portrait page that /Rotate turns upright, as landscape scans and
    reports are stored."""
    lines = ["Minutes of the landscape meeting", "The committee met in the hall."]
    pdf = new_pdf()
    with pdf.rotation(90 * turns, x=297, y=421):
        for n, line in enumerate(lines):
            pdf.text(-250 if turns == 1 else 250, 400 + 30 * n, line)
    source = save(pdf, tmp_path / "sideways.pdf")
    with pdfium.PdfDocument(source) as document:
        document[0].set_rotation(90 * turns)
        document.save(tmp_path / "turned.pdf")
    assert [block.text for block in load(tmp_path / "turned.pdf").blocks] == lines


@pytest.mark.parametrize("gutter", [30.0, 45.0])
def test_pdf_two_column_page_read_column_by_column(tmp_path, gutter):
    pdf = new_pdf()
    width = (470 - gutter) / 2
    justified(pdf, wrap(pdf, LEFT_TEXT, width), 60, 100, width)
    justified(pdf, wrap(pdf, RIGHT_TEXT, width), 60 + width + gutter, 100, width)
    document = load(save(pdf, tmp_path / "columns.pdf"))
    assert [block.text for block in document.blocks] == [LEFT_TEXT, RIGHT_TEXT]


def test_pdf_borderless_table_read_as_table(tmp_path):
    pdf = new_pdf()
    people = [("Kieron O’Hara", "Southampton University"), ("Matthew Brown", "Cabinet Office"),
              ("Jo May", "HMCTS"), ("Will Perrin", "Talk About Local")]
    pdf.text(60, 80, "Attendees:")
    for n, (name, body) in enumerate(people):
        pdf.text(60, 100 + 14 * n, name)
        pdf.text(260, 100 + 14 * n, body)
    document = load(save(pdf, tmp_path / "borderless.pdf"))
    assert [block.kind for block in document.blocks] == ["paragraph", "table"]
    assert document.blocks[1].cell_texts() == [list(person) for person in people]


@pytest.mark.parametrize("method", ["RC4", "AES_256"])
def test_pdf_encrypted_needs_password(tmp_path, method):
    pdf = new_pdf()
    pdf.text(60, 100, "Minutes of the confidential session.")
    pdf.set_encryption(owner_password="owner", user_password="secret", encryption_method=method)
    path = save(pdf, tmp_path / "locked.pdf")
    with pytest.raises(errors.EncryptedFile, match="locked.pdf.*pass password="):
        load(path)
    with pytest.raises(errors.EncryptedFile, match="wrong password"):
        load(path, password="guess")
    assert load(path, password="secret").text == "Minutes of the confidential session."


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.8, 0.99])
def test_pdf_truncated_raises_corrupt_file(tmp_path, keep, rendered_corpus):
    data = rendered_corpus["000_1a348045f55062b7"][0].read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(errors.CorruptFile, match="cut.pdf"):
        load(path)


def draw_image(pdf: FPDF) -> None:
    image = Image.new("RGB", (300, 120), "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf.image(buffer, x=60, y=60, w=300)


def draw_vectors(pdf: FPDF) -> None:
    pdf.rect(60, 60, 300, 120)
    pdf.line(60, 60, 360, 180)


@pytest.mark.parametrize("draw", [draw_image, draw_vectors], ids=["image", "vector"])
def test_pdf_without_text_layer_raises_scanned_document(tmp_path, draw):
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    draw(pdf)
    with pytest.raises(errors.ScannedDocument, match="scan.pdf.*OCR is not supported"):
        load(save(pdf, tmp_path / "scan.pdf"))
