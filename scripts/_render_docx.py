"""Write a text-read Document as a real Word file, for the format-parity tests.

Every block becomes the Word construct an author would have used, so the
DOCX reader is tested on Word's own markup and not on a format of ours:
headings are "Heading N" paragraphs, list items are "List Bullet" paragraphs
(Word draws the bullets; they are not in the text), tables are "Table Grid"
tables whose header rows are bold and repeat on each page (``w:tblHeader``),
and a page break every :data:`BLOCKS_PER_PAGE` blocks makes pages. A running
header and a page-number footer sit outside the body, where the reader must
not look.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.table import _Row

from boardpapers.document import Block, Document

__all__ = ["render_docx"]

BLOCKS_PER_PAGE = 40
MAX_HEADING_LEVEL = 4
# The default template's bullet styles: level 0 is "List Bullet", level 1 "List Bullet 2"...
LIST_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")


def render_docx(document: Document, out_path: Path) -> None:
    """Write ``document``'s blocks to ``out_path`` as a DOCX."""
    word = new_document()
    _running_header_and_footer(word, Path(document.path).stem)
    for index, block in enumerate(document.blocks):
        if index and index % BLOCKS_PER_PAGE == 0:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _add_block(word, block)
    word.save(str(out_path))


def _add_block(word: WordDocument, block: Block) -> None:
    if block.kind == "heading":
        word.add_heading(block.text, level=min(max(block.level, 1), MAX_HEADING_LEVEL))
    elif block.kind == "list_item":
        word.add_paragraph(block.text, style=LIST_STYLES[min(block.level, len(LIST_STYLES) - 1)])
    elif block.kind == "table":
        _add_table(word, block)
    else:
        word.add_paragraph(block.text)


def _add_table(word: WordDocument, block: Block) -> None:
    rows = block.cell_texts()
    table = word.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    table.style = "Table Grid"
    for row_index, (row, texts) in enumerate(zip(table.rows, rows)):
        header = row_index < block.header_rows
        if header:
            _repeat_as_header(row)
        for cell, text in zip(row.cells, texts):
            run = cell.paragraphs[0].add_run(text)
            run.bold = header or None


def _repeat_as_header(row: _Row) -> None:
    """Mark a row as a header row Word repeats at the top of each page."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _running_header_and_footer(word: WordDocument, title: str) -> None:
    section = word.sections[0]
    section.header.paragraphs[0].text = title
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    field = OxmlElement("w:fldSimple")
    field.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instr", "PAGE")
    footer._p.append(field)
