"""Word (DOCX) files into a Document.

python-docx opens the package; the body is then walked in document order,
paragraph by paragraph and table by table, and each becomes a block draft:

* a heading when its style is a heading ("Heading N", "Title", an outline
  level), or when it is short (at most 120 characters) and every run is bold,
  which is how most council minutes mark their headings;
* a list item when it is numbered or bulleted (its own ``w:numPr`` or its
  style's), at the nesting depth of ``w:ilvl``. Numbers Word generates are not
  in the XML and are not added: the text is what the author typed;
* a table for a table of data, one string per grid column, a merged cell's
  text given once. A table that is really page layout (see
  :func:`~boardpapers.ingest.docx_tables.is_layout_table`) is read as the
  paragraphs, headings and lists inside it. A table nested in a data cell is
  flattened into that cell's text.

Pages are counted from explicit breaks and the breaks Word recorded when it
last laid the file out. Headers, footers, footnotes and comments are not body
text and are not read; nor is a page number typed in the body as a home-made
footer ("Page 2 of 3"), which ends its page instead.
"""

from __future__ import annotations

import hashlib

import io
import zipfile
import zlib
from pathlib import Path
from typing import Iterator

from docx.exceptions import PythonDocxError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.package import Package
from lxml import etree

from ..document import BlockDraft, BlockKind, Document, build_document, clean_line
from ..errors import CorruptFile, EmptyFile
from .docx_inline import InlineText, PageCounter, read_inline
from .docx_styles import ParagraphStyle, StyleSheet, heading_level, numbering_level
from .docx_tables import Slot, header_row_count, is_layout_table, table_rows, table_slots
from .docx_xml import W, Element, content_children, w_val
from .page_numbers import is_labelled_page_number

__all__ = ["read_docx"]

HEADING_MAX_CHARS = 120
# Bold-only paragraphs are minor headings, the level the text reader gives emphasised lines.
BOLD_HEADING_LEVEL = 3
NO_RENDERED_BREAKS = (
    "page numbers are approximate: the file records no page layout (it was not last saved "
    "by Word), so only explicit page breaks and typed page numbers mark new pages"
)
_BLOCKS = frozenset({W.p, W.tbl})
# What a damaged package makes python-docx, zipfile, zlib or lxml raise. zipfile
# raises NotImplementedError for an unknown compression method and RuntimeError
# for an encrypted member.
_BROKEN = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    etree.LxmlError,
    PythonDocxError,
    OpcError,
)


def read_docx(path: Path, data: bytes) -> Document:
    """Read the DOCX whose bytes are ``data`` into a Document."""
    body, styles = _open(path, data)
    reader = _BodyReader(StyleSheet(styles))
    reader.read(body)
    warnings = () if reader.pages.saw_rendered_break else (NO_RENDERED_BREAKS,)
    document = build_document(str(path), "docx", hashlib.sha256(data).hexdigest(), reader.drafts, reader.pages.page, warnings)
    if not document.blocks:
        raise EmptyFile(path, "no text in it")
    return document


def _open(path: Path, data: bytes) -> tuple[Element, Element | None]:
    """The ``w:body`` and ``w:styles`` elements, or CorruptFile when the package is damaged.

    The main part is taken whatever its content type, so macro-enabled
    documents and templates (.docm, .dotx) read like documents.
    """
    try:
        main = Package.open(io.BytesIO(data)).main_document_part
        root = main.element if isinstance(main, XmlPart) else parse_xml(main.blob)
        styles = _styles_element(main)
    except _BROKEN as error:
        raise CorruptFile(path, str(error).strip("'\"") or type(error).__name__) from None
    body = root.find(W.body)
    if body is None:
        raise CorruptFile(path, "the main document part has no w:body")
    return body, styles


def _styles_element(main: Part) -> Element | None:
    try:
        styles = main.part_related_by(RT.STYLES)
    except KeyError:
        return None
    return styles.element if isinstance(styles, XmlPart) else parse_xml(styles.blob)


class _BodyReader:
    """Turns a body (or a layout table's cells, or a text box) into block drafts in order."""

    def __init__(self, styles: StyleSheet) -> None:
        self.styles = styles
        self.pages = PageCounter()
        self.drafts: list[BlockDraft] = []

    def read(self, container: Element) -> None:
        """Read the paragraphs and tables directly inside ``container`` as blocks."""
        for child in content_children(container, _BLOCKS):
            if child.tag == W.p:
                self._paragraph(child)
            else:
                self._table(child)

    def _paragraph(self, p: Element) -> None:
        inline = read_inline(p, self.styles, self.pages)
        text = clean_line(inline.text)
        if is_labelled_page_number(text):
            # "Page 2 of 3" typed as a body paragraph is a home-made footer: page furniture,
            # as the PDF reader treats the same line, and the end of a page.
            self.pages.end_of_page()
        elif text:
            kind, level = _classify(p, text, inline.bold, self.styles)
            self.drafts.append(BlockDraft(kind, text, inline.page, level))
        for box in inline.boxes:
            self.read(box)

    def _table(self, tbl: Element) -> None:
        rows = table_rows(tbl)
        grid = [table_slots(tr) for tr in rows]
        if is_layout_table(grid):
            for row in grid:
                for slot in self._row(row):
                    self.read(slot.tc)
            return
        width = max((slot.column + slot.span for row in grid for slot in row), default=0)
        cells = [[self._cell(slot) for slot in self._row(row)] for row in grid]
        texts = [_place(row, row_cells, width) for row, row_cells in zip(grid, cells)]
        pages = [cell.page for row_cells in cells for cell in row_cells if cell.page is not None]
        header_rows = header_row_count(rows) or _bold_first_row(cells)
        self.drafts.append(BlockDraft("table", page=pages[0] if pages else None, rows=texts, header_rows=header_rows))

    def _cell(self, slot: Slot) -> InlineText:
        """A data cell's text: its paragraphs, text boxes and nested tables on one line each."""
        if slot.continued:  # the cell above holds the merged cell's text
            return InlineText(bold=False)
        out = InlineText()
        lines: list[str] = []
        for piece in self._pieces(slot.tc):
            if not piece.text.strip():
                continue
            lines.append(piece.text)
            out.page = piece.page if out.page is None else out.page
            out.bold = out.bold and piece.bold
        out.text = "\n".join(lines)
        out.bold = out.bold and bool(lines)
        return out

    def _pieces(self, container: Element) -> Iterator[InlineText]:
        """Every paragraph inside ``container``, looking into text boxes and nested tables."""
        for child in content_children(container, _BLOCKS):
            if child.tag == W.p:
                inline = read_inline(child, self.styles, self.pages)
                yield inline
                for box in inline.boxes:
                    yield from self._pieces(box)
                continue
            for tr in table_rows(child):
                for slot in self._row(table_slots(tr)):
                    yield from self._pieces(slot.tc)

    def _row(self, row: list[Slot]) -> Iterator[Slot]:
        """The cells of a row, each to be read from the page the row starts on.

        When a row runs over a page end, Word records the break in every cell
        that crosses it; those are one break. The caller reads each cell
        before asking for the next; the row ends on its latest page.
        """
        start = end = self.pages.state()
        for slot in row:
            self.pages.resume(start)
            yield slot
            if self.pages.page > end.page:
                end = self.pages.state()
        self.pages.resume(end)


def _place(slots: list[Slot], cells: list[InlineText], width: int) -> list[str]:
    """One row's strings by grid column: a merged cell's text once, then empty strings."""
    row = [""] * width
    for slot, cell in zip(slots, cells):
        row[slot.column] = cell.text
    return row


def _bold_first_row(cells: list[list[InlineText]]) -> int:
    """1 when the first row's text is all bold and more rows follow: a header typed as bold."""
    if len(cells) < 2:
        return 0
    filled = [cell for cell in cells[0] if cell.text.strip()]
    return int(bool(filled) and all(cell.bold for cell in filled))


def _classify(p: Element, text: str, bold: bool, styles: StyleSheet) -> tuple[BlockKind, int]:
    """The block kind and level of a paragraph with visible ``text``."""
    p_pr = p.find(W.pPr)
    style = styles.paragraph_style(w_val(None if p_pr is None else p_pr.find(W.p_style)))
    level = heading_level(p_pr) or style.heading_level
    if level:
        return "heading", level
    list_level = _list_level(None if p_pr is None else p_pr.find(W.num_pr), style)
    if list_level is not None:
        return "list_item", list_level
    if bold and len(text) <= HEADING_MAX_CHARS:
        return "heading", BOLD_HEADING_LEVEL
    return "paragraph", 0


def _list_level(num_pr: Element | None, style: ParagraphStyle) -> int | None:
    """A paragraph's own numbering overrides its style's; a bare ``w:ilvl`` only sets the depth."""
    if num_pr is None:
        return style.list_level
    if num_pr.find(W.num_id) is None and style.list_level is None:
        return None
    return numbering_level(num_pr)
