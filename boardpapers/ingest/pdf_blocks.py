"""One page's lines and tables into provisional blocks, in reading order.

Blocks are cut where a reader would see a new paragraph: a vertical gap
wider than the paragraph's own line spacing, a change of font size or
weight, a line starting left or right of the paragraph's edge, a bullet,
or a previous line that stopped short although the next word would have fit.
Whether a block is a heading is decided later, once the whole document's
body font size is known (:mod:`.pdf_assemble`). Running headers and footers
have been taken out before (:mod:`.pdf_furniture`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .pdf_columns import find_columns
from .pdf_lines import Line
from .pdf_tables import Table
from .pdf_text import join_wrapped, numbered_marker, split_bullet

__all__ = ["ALIGN", "SPACE", "PageBlock", "page_blocks"]

ALIGN = 3.0  # points of slack when comparing left edges
FIRST_LINE_INDENT = 40.0  # points a paragraph's first line may be indented by
SPACE = 0.28  # a space is about this many font sizes wide


@dataclass(slots=True)
class PageBlock:
    """A block as one page shows it; joined across pages and classified later."""

    kind: str  # "text" or "table"
    page: int
    bottom: float
    text: str = ""
    size: float = 0.0
    bold: bool = False
    lines: int = 0
    bullet: bool = False
    numbered: bool = False
    marker_x: float = 0.0  # left edge of the first line, bullet included
    text_x: float = 0.0  # left edge of the first line's text
    continue_x: float | None = None  # left edge of the wrapped lines, once there are some
    last_x1: float = 0.0
    first_word_width: float = 0.0
    right_limit: float = 0.0
    line_gap: float | None = None
    table: Table | None = None


class _PageFlow:
    """Cuts the page's lines into blocks."""

    def __init__(self, page: int, right_limit: float) -> None:
        self.page = page
        self.right_limit = right_limit
        self.blocks: list[PageBlock] = []

    @property
    def current(self) -> PageBlock | None:
        block = self.blocks[-1] if self.blocks else None
        return block if block is not None and block.kind == "text" else None

    def add_table(self, table: Table) -> None:
        self.blocks.append(PageBlock("table", self.page, table.bottom, table=table))

    def add_line(self, line: Line) -> None:
        """Continue the current block with the line, or start a new block with it."""
        current = self.current
        new_block = current is None or self._breaks(current, line)
        bullet, words = split_bullet([word.text for word in line.words], new_block)
        numbered = not bullet and numbered_marker(words[0])
        if current is not None and not new_block and not bullet and not self._next_number(current, line, numbered):
            current.text = join_wrapped(current.text, line.text)
            current.lines += 1
            gap = line.top - current.bottom
            current.line_gap = gap if current.line_gap is None else current.line_gap
            current.continue_x = line.x0 if current.continue_x is None else current.continue_x
            current.last_x1 = line.x1
            current.bottom = line.bottom
            return
        skipped = len(line.words) - len(words) + int(numbered)
        text_word = line.words[skipped] if skipped < len(line.words) else line.words[0]
        block = PageBlock(
            "text", self.page, line.bottom, text=" ".join(words), size=line.size, bold=line.bold,
            lines=1, bullet=bullet, numbered=numbered, marker_x=line.x0, text_x=text_word.x0,
            last_x1=line.x1, first_word_width=line.words[0].x1 - line.words[0].x0,
            right_limit=line.column_right or self.right_limit,
        )
        self.blocks.append(block)

    def _breaks(self, block: PageBlock, line: Line) -> bool:
        """Whether the line starts a new block rather than wrapping on from ``block``."""
        size = line.size
        if abs(size - block.size) > 0.6 or line.bold != block.bold:
            return True
        gap = line.top - block.bottom
        allowed = 0.5 * size if block.line_gap is None else block.line_gap + 0.35 * size
        if gap > allowed:
            return True
        if not self._aligned(block, line.x0):
            return True
        first_word = line.words[0].x1 - line.words[0].x0
        return block.last_x1 + SPACE * size + first_word < block.right_limit - 0.8 * size

    @staticmethod
    def _aligned(block: PageBlock, x0: float) -> bool:
        """A wrapped line starts level with the block's text (or, under a first-line indent, left of it)."""
        if block.continue_x is not None:
            return abs(x0 - block.continue_x) <= ALIGN
        if abs(x0 - block.text_x) <= ALIGN or abs(x0 - block.marker_x) <= ALIGN:
            return True
        return not block.bullet and not block.numbered and 0 < block.marker_x - x0 <= FIRST_LINE_INDENT

    @staticmethod
    def _next_number(block: PageBlock, line: Line, numbered: bool) -> bool:
        """A numbered line level with the current numbered item starts the next item."""
        return numbered and block.numbered and abs(line.x0 - block.marker_x) <= ALIGN


def page_blocks(page: int, lines: list[Line], tables: list[Table], right_limit: float) -> list[PageBlock]:
    """The page's body blocks, top to bottom (a two-column run column by column)."""
    groups: list[tuple[float, list[Table | Line]]] = [(table.top, [table]) for table in tables]
    groups.extend(find_columns(lines))
    groups.sort(key=lambda group: group[0])
    flow = _PageFlow(page, right_limit)
    for _, items in groups:
        for item in items:
            if isinstance(item, Table):
                flow.add_table(item)
            else:
                flow.add_line(item)
    return flow.blocks
