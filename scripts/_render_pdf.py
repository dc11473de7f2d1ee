"""Draw a text-read Document as a real A4 PDF, for the format-parity tests.

The PDF must look like a council paper, not like our own output format, so the
PDF reader is tested on real layout problems: headings are only bold and
larger, paragraphs are wrapped at the measure, list items are "•" with a
hanging indent, tables are ruled grids whose header row is repeated when the
table breaks across pages, and every page has a running header and a
"Page N of M" footer. Lines are wrapped here, at spaces only, rather than by
fpdf2, which also breaks after hyphens and inside long words: a break the
reader cannot tell from a real hyphen or space would make the parity test
measure the renderer, not the reader.

The font is DejaVu Sans from Debian's ``fonts-dejavu-core`` (part of the
project's machine image): it covers every character of the corpus (curly
quotes, en dashes, superscript digits, "•") and needs no download at test time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from fpdf import FPDF

from boardpapers.document import Block, Document

__all__ = ["render_pdf"]

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
)
FAMILY = "DejaVu"

# Lengths are millimetres, font sizes points.
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 20.0, 20.0, 28.0, 24.0  # margins; header and footer sit inside them
BODY_W = PAGE_W - LEFT - RIGHT
BODY_BOTTOM = PAGE_H - BOTTOM
PT = 25.4 / 72  # millimetres per point

BODY_SIZE = 10.5
LEADING = 1.4  # line pitch as a multiple of the font size
PARAGRAPH_GAP = 2.6
HEADING_SIZES = {1: 18.0, 2: 15.0, 3: 13.0}
LIST_INDENT = 7.0
BULLET_GAP = 5.0
TABLE_SIZE = 9.0
MIN_TABLE_SIZE = 6.0
CELL_PAD_X, CELL_PAD_Y = 1.5, 1.2


def _font_file(name: str) -> Path:
    """The DejaVu font file of this name, from the system font folders."""
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{name} not found in {', '.join(map(str, FONT_DIRS))}; install fonts-dejavu-core")


class _PaperPDF(FPDF):
    """FPDF with the running header and the "Page N of M" footer of a council paper."""

    def __init__(self, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.paper_title = title
        self.add_font(FAMILY, "", str(_font_file("DejaVuSans.ttf")))
        self.add_font(FAMILY, "B", str(_font_file("DejaVuSans-Bold.ttf")))
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(False)
        self.alias_nb_pages()
        self.set_line_width(0.2)

    def header(self) -> None:
        self.set_font(FAMILY, "", 8)
        self.text(LEFT, 13, self.paper_title)
        self.line(LEFT, 15.5, PAGE_W - RIGHT, 15.5)

    def footer(self) -> None:
        # cell(), not text(): fpdf2 only substitutes the {nb} alias in cells.
        self.set_font(FAMILY, "", 8)
        self.set_xy(LEFT, PAGE_H - 15)
        self.cell(BODY_W, 4, f"Page {self.page_no()} of {{nb}}", align="C")


def _wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, at spaces only."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and pdf.get_string_width(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class _Writer:
    """Flows blocks down the page, starting a new page when the next line does not fit."""

    def __init__(self, pdf: _PaperPDF) -> None:
        self.pdf = pdf
        self.y = TOP

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = TOP

    def ensure(self, height: float) -> None:
        if self.y + height > BODY_BOTTOM:
            self.new_page()

    def text_lines(self, lines: Sequence[str], x: float, size: float, bold: bool = False) -> None:
        pitch = size * LEADING * PT
        self.pdf.set_font(FAMILY, "B" if bold else "", size)
        for line in lines:
            self.ensure(pitch)
            self.pdf.text(x, self.y + size * PT * 1.05, line)
            self.y += pitch

    def heading(self, block: Block) -> None:
        size = HEADING_SIZES.get(block.level, 12.0)
        self.pdf.set_font(FAMILY, "B", size)
        lines = _wrap(self.pdf, block.text, BODY_W)
        self.y += 2.0
        # Keep a heading with the first lines that follow it, as word processors do.
        self.ensure(len(lines) * size * LEADING * PT + 2 * BODY_SIZE * LEADING * PT)
        self.text_lines(lines, LEFT, size, bold=True)
        self.y += 1.5

    def paragraph(self, block: Block) -> None:
        self.pdf.set_font(FAMILY, "", BODY_SIZE)
        self.text_lines(_wrap(self.pdf, block.text, BODY_W), LEFT, BODY_SIZE)
        self.y += PARAGRAPH_GAP

    def list_item(self, block: Block) -> None:
        bullet_x = LEFT + min(block.level, 4) * LIST_INDENT
        text_x = bullet_x + BULLET_GAP
        self.pdf.set_font(FAMILY, "", BODY_SIZE)
        lines = _wrap(self.pdf, block.text, PAGE_W - RIGHT - text_x)
        self.ensure(BODY_SIZE * LEADING * PT)
        self.pdf.text(bullet_x, self.y + BODY_SIZE * PT * 1.05, "•")
        self.text_lines(lines, text_x, BODY_SIZE)
        self.y += PARAGRAPH_GAP / 2

    def table(self, block: Block) -> None:
        _TableDrawer(self, block.cell_texts(), block.header_rows).draw()
        self.y += PARAGRAPH_GAP


@dataclass
class _Row:
    cells: list[list[str]]  # wrapped lines of each cell
    bold: bool

    def height(self, pitch: float) -> float:
        return max(len(lines) for lines in self.cells) * pitch + 2 * CELL_PAD_Y


class _TableDrawer:
    """A ruled table: column widths that fit every word, header row repeated after a page break."""

    def __init__(self, writer: _Writer, rows: list[list[str]], header_rows: int) -> None:
        self.writer = writer
        self.pdf = writer.pdf
        width = max(len(row) for row in rows)
        self.texts = [row + [""] * (width - len(row)) for row in rows]
        self.header_rows = header_rows
        self.size, self.widths = self._layout()
        self.pitch = self.size * 1.3 * PT

    def _measure(self, size: float, words_only: bool) -> list[float]:
        """Widest word (or whole cell text) of each column, padding included."""
        widths = [0.0] * len(self.texts[0])
        for row_index, row in enumerate(self.texts):
            self.pdf.set_font(FAMILY, "B" if row_index < self.header_rows else "", size)
            for col, text in enumerate(row):
                pieces = text.split() if words_only else [text]
                for piece in pieces:
                    widths[col] = max(widths[col], self.pdf.get_string_width(piece) + 2 * CELL_PAD_X + 0.5)
        return [max(width, 2 * CELL_PAD_X + 2) for width in widths]

    def _layout(self) -> tuple[float, list[float]]:
        """Largest font size at which no word must be broken, and the column widths at it."""
        size = TABLE_SIZE
        minimum = self._measure(size, words_only=True)
        while sum(minimum) > BODY_W and size > MIN_TABLE_SIZE:
            size -= 0.5
            minimum = self._measure(size, words_only=True)
        desired = self._measure(size, words_only=False)
        if sum(desired) <= BODY_W:
            scale = BODY_W / sum(desired)
            return size, [width * scale for width in desired]
        spare = BODY_W - sum(minimum)
        wants = [d - m for d, m in zip(desired, minimum)]
        total = sum(wants) or 1.0
        return size, [m + spare * want / total for m, want in zip(minimum, wants)]

    def _row(self, index: int) -> _Row:
        bold = index < self.header_rows
        self.pdf.set_font(FAMILY, "B" if bold else "", self.size)
        cells = [_wrap(self.pdf, text, width - 2 * CELL_PAD_X) for text, width in zip(self.texts[index], self.widths)]
        return _Row(cells, bold)

    def draw(self) -> None:
        """Draw the rows, starting a new page (with the header rows again) where one does not fit."""
        header = [self._row(i) for i in range(min(self.header_rows, len(self.texts)))]
        header_height = sum(row.height(self.pitch) for row in header)
        for index in range(len(self.texts)):
            row = header[index] if index < len(header) else self._row(index)
            height = row.height(self.pitch)
            # A row is never split; one taller than a whole page (none in the corpus) would overrun it.
            if self.writer.y + height > BODY_BOTTOM and self.writer.y > TOP:
                self.writer.new_page()
                if index >= len(header) and header_height + height <= BODY_BOTTOM - TOP:
                    for repeated in header:
                        self._draw_row(repeated)
            self._draw_row(row)

    def _draw_row(self, row: _Row) -> None:
        height = row.height(self.pitch)
        self.pdf.set_font(FAMILY, "B" if row.bold else "", self.size)
        x = LEFT
        top = self.writer.y
        for lines, width in zip(row.cells, self.widths):
            self.pdf.rect(x, top, width, height)
            for number, line in enumerate(lines):
                baseline = top + CELL_PAD_Y + number * self.pitch + self.size * PT * 1.0
                self.pdf.text(x + CELL_PAD_X, baseline, line)
            x += width
        self.writer.y = top + height


def render_pdf(document: Document, out_path: Path, title: str) -> Path:
    """Write ``document``'s blocks to ``out_path`` as an A4 PDF with running header and footer."""
    pdf = _PaperPDF(title)
    writer = _Writer(pdf)
    writer.new_page()
    draw = {
        "heading": writer.heading,
        "paragraph": writer.paragraph,
        "list_item": writer.list_item,
        "table": writer.table,
    }
    for block in document.blocks:
        draw[block.kind](block)
    pdf.output(str(out_path))
    return Path(out_path)
