"""Draw a synthetic paper (a list of blocks) as PDF, DOCX or plain text.

The corpus renderers (``_render_pdf``, ``_render_docx``) already draw council
papers well: ruled tables with repeated header rows, running headers, page
numbers, Word heading styles and "Table Grid" tables. This module reuses
their pieces and adds the one thing a series needs and the corpus does not:
a paragraph whose last words are bold, the "**(Action)**" mark minute-takers
put after an action. Rendering stays cheap (no layout passes; ``--jobs`` renders
in parallel) so a thousand-meeting series is written in minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_document
from docx.enum.text import WD_BREAK

from _render_docx import BLOCKS_PER_PAGE, _add_block, _running_header_and_footer
from _render_pdf import BODY_SIZE, BODY_W, FAMILY, LEADING, LEFT, PARAGRAPH_GAP, PT, _PaperPDF, _Writer
from boardpapers.document import Block, BlockDraft, BlockKind, assemble

__all__ = ["FORMATS", "PaperBlock", "render"]

FORMATS = ("pdf", "docx", "txt")  # each is also the file suffix


@dataclass(frozen=True)
class PaperBlock:
    """A heading, paragraph, list item or table; ``bold_tail`` is drawn in bold after ``text``."""

    kind: BlockKind
    text: str = ""
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()
    bold_tail: str = ""

    @property
    def full_text(self) -> str:
        return f"{self.text} {self.bold_tail}".strip() if self.bold_tail else self.text


def _as_blocks(blocks: list[PaperBlock]) -> tuple[Block, ...]:
    """The corpus renderers draw :class:`boardpapers.document.Block` objects; lay ours out as those."""
    drafts = [
        BlockDraft(b.kind, b.full_text, level=b.level, rows=[list(r) for r in b.rows] or None, header_rows=1 if b.rows else 0)
        for b in blocks
    ]
    _, laid_out = assemble(drafts)
    if len(laid_out) != len(blocks):
        raise ValueError("a paper block has no text")
    return laid_out


def _pdf_bold_tail(writer: _Writer, text: str, tail: str) -> None:
    """A paragraph wrapped at the measure whose last words are bold, as Word would draw it."""
    pdf = writer.pdf
    words = [(word, "") for word in text.split()] + [(word, "B") for word in tail.split()]
    lines: list[list[tuple[str, str]]] = [[]]
    width = 0.0
    for word, style in words:
        pdf.set_font(FAMILY, style, BODY_SIZE)
        word_width = pdf.get_string_width(word + " ")
        if lines[-1] and width + pdf.get_string_width(word) > BODY_W:
            lines.append([])
            width = 0.0
        lines[-1].append((word, style))
        width += word_width
    pitch = BODY_SIZE * LEADING * PT
    for line in lines:
        writer.ensure(pitch)
        x = LEFT
        baseline = writer.y + BODY_SIZE * PT * 1.05
        for style in ("", "B"):
            run = " ".join(word for word, word_style in line if word_style == style)
            if not run:
                continue
            pdf.set_font(FAMILY, style, BODY_SIZE)
            pdf.text(x, baseline, run)
            x += pdf.get_string_width(run + " ")
        writer.y += pitch
    writer.y += PARAGRAPH_GAP


def _write_pdf(blocks: list[PaperBlock], path: Path, title: str) -> None:
    pdf = _PaperPDF(title)
    writer = _Writer(pdf)
    writer.new_page()
    draw = {"heading": writer.heading, "paragraph": writer.paragraph, "list_item": writer.list_item, "table": writer.table}
    for ours, block in zip(blocks, _as_blocks(blocks)):
        if ours.bold_tail and ours.kind == "paragraph":
            _pdf_bold_tail(writer, ours.text, ours.bold_tail)
        else:
            draw[block.kind](block)
    pdf.output(str(path))


def _write_docx(blocks: list[PaperBlock], path: Path, title: str) -> None:
    word = new_document()
    _running_header_and_footer(word, title)
    for index, (ours, block) in enumerate(zip(blocks, _as_blocks(blocks))):
        if index and index % BLOCKS_PER_PAGE == 0:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if ours.bold_tail and ours.kind == "paragraph":
            paragraph = word.add_paragraph(ours.text + " ")
            paragraph.add_run(ours.bold_tail).bold = True
        else:
            _add_block(word, block)
    word.save(str(path))


def _write_text(blocks: list[PaperBlock], path: Path, title: str) -> None:
    """Markdown-flavoured text, as converters leave it: "#" headings, "-" items, tab-separated tables."""
    parts: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            parts.append("#" * max(1, block.level) + " " + block.text)
        elif block.kind == "list_item":
            parts.append("- " + block.text)
        elif block.kind == "table":
            parts.append("\n".join("\t".join(row) for row in block.rows))
        else:
            parts.append(f"{block.text} **{block.bold_tail}**" if block.bold_tail else block.text)
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


_WRITERS = {"pdf": _write_pdf, "docx": _write_docx, "txt": _write_text}


def render(blocks: list[PaperBlock], path: Path, fmt: str, title: str) -> Path:
    """Write ``blocks`` to ``path`` in ``fmt`` (``pdf``, ``docx`` or ``txt``) with ``title`` as running header."""
    _WRITERS[fmt](blocks, path, title)
    return path
