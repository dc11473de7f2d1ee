"""The whole document's decisions: furniture, page-break joins, headings, list levels.

Each page is read on its own (see :mod:`.pdf_blocks`), but four things can
only be settled once every page has been seen:

* which margin lines are running headers and footers (:mod:`.pdf_furniture`);
* a paragraph cut by a page break continues on the next page when its last
  line was full and the next page starts level with it, in the same font, on
  something other than a new sentence; a table cut by a page break continues
  when the next page starts with a table on the same column borders, whose
  repeated header row is dropped;
* a heading is a short block larger than the body text, or bold at body size,
  and the body size is the size of most of the running text's characters;
* a list item's level is the rank of its bullet's indent among the document's.

Only the small per-page blocks are kept between pages (and the lines of
the few pages :mod:`.pdf_furniture` holds back), never a pdfium page.
"""

from __future__ import annotations

from collections import Counter, deque
from typing import Iterator, NamedTuple

import regex

from ..document import BlockDraft
from .pdf_blocks import ALIGN, SPACE, PageBlock, page_blocks
from .pdf_furniture import Furniture, PendingPage
from .pdf_lines import Line
from .pdf_tables import Table
from .pdf_text import join_wrapped

__all__ = ["Layout"]

_SENTENCE_END = regex.compile(r"[.!?:][\"'”’)\]]*$")
LARGER = 0.9  # points above the body size that make a heading
MAX_HEADING_CHARS = 300
MAX_BOLD_HEADING_CHARS = 150
INDENT_SNAP = 4.0


class _Finished(NamedTuple):
    """A block no later page can extend, cut down to what classifying it needs: a few of
    these per page are all that is kept until the end."""

    text: str
    page: int
    size: float
    bold: bool
    lines: int
    bullet: bool
    numbered: bool
    marker_x: float
    rows: list[list[str]] | None
    header_rows: int


class Layout:
    """Takes the pages one by one and turns them into the document's drafts at the end."""

    def __init__(self) -> None:
        self.furniture = Furniture()
        self.finished: deque[_Finished] = deque()
        self.last: PageBlock | None = None  # may still continue on the next page
        self.right_limits: dict[int, float] = {}
        self.size_weights: Counter[float] = Counter()  # characters of running text by font size
        self.numbers: dict[float, float] = {}  # one float object per distinct size or indent

    def add_page(self, number: int, size: tuple[float, float], lines: list[Line], tables: list[Table]) -> None:
        """Take one page's lines and tables; it is laid out once its furniture is known."""
        self.furniture.add(number, size, lines, tables)
        self._lay_out(final=False)

    def _lay_out(self, final: bool) -> None:
        """Turn the pages the furniture check has released into blocks."""
        for page, body in self.furniture.ready(final):
            for line in body:
                for word in line.words:
                    self.size_weights[word.size] += len(word.text)
            for block in page_blocks(page.number, body, page.tables, self._right_limit(page)):
                self._take(block)

    def _take(self, block: PageBlock) -> None:
        """Join a page's first block to the previous page's last one when it continues it."""
        last = self.last
        if last is not None and last.page + 1 == block.page:
            if _continues_text(last, block):
                _merge_text(last, block)
                return
            if _continues_table(last, block):
                _merge_table(last, block)
                return
        if last is not None:
            self.finished.append(self._finish(last))
        self.last = block

    def _finish(self, block: PageBlock) -> _Finished:
        """The block cut down to a :class:`_Finished`, its floats shared with earlier blocks."""
        size = self.numbers.setdefault(block.size, block.size)
        indent = round(block.marker_x, 1)
        indent = self.numbers.setdefault(indent, indent)
        table = block.table
        rows, header = (table.rows, table.header_rows) if table is not None else (None, 0)
        return _Finished(block.text, block.page, size, block.bold, block.lines, block.bullet, block.numbered,
                         indent, rows, header)

    def _right_limit(self, page: PendingPage) -> float:
        """The text column's right edge, remembered across pages of the same width."""
        key = round(page.width)
        limit = max(self.right_limits.get(key, 0.0), page.body_right())
        self.right_limits[key] = limit
        return limit

    def drafts(self) -> Iterator[BlockDraft]:
        """The document's drafts, in order; each block is let go as soon as its draft is made,
        so the blocks and the assembled Document never both hold all the text."""
        self._lay_out(final=True)
        if self.last is not None:
            self.finished.append(self._finish(self.last))
            self.last = None
        blocks = self.finished
        body = self.size_weights.most_common(1)[0][0] if self.size_weights else 0.0
        heading_sizes = sorted(
            {round(b.size * 2) / 2 for b in blocks if _is_heading(b, body) and b.size > body + LARGER}, reverse=True
        )
        indents = _cluster([b.marker_x for b in blocks if b.rows is None and (b.bullet or b.numbered)])
        while blocks:
            yield _draft(blocks.popleft(), body, heading_sizes, indents)


def _continues_text(a: PageBlock, b: PageBlock) -> bool:
    """The first block of a page carries on the paragraph (or item) that ended the page before."""
    if a.kind != "text" or b.kind != "text" or b.bullet or b.numbered:
        return False
    if abs(a.size - b.size) > 0.6 or a.bold != b.bold:
        return False
    edge = a.continue_x if a.continue_x is not None else a.text_x
    if abs(b.marker_x - edge) > ALIGN:
        return False
    if a.last_x1 + SPACE * a.size + b.first_word_width < a.right_limit - 0.8 * a.size:
        return False  # the last line stopped short: the paragraph ended
    return not (_SENTENCE_END.search(a.text) and b.text[:1].isupper())


def _merge_text(a: PageBlock, b: PageBlock) -> None:
    """Append a continuation to the block it continues."""
    a.text = join_wrapped(a.text, b.text)
    a.lines += b.lines
    a.last_x1 = b.last_x1
    a.continue_x = a.continue_x if a.continue_x is not None else b.marker_x


def _continues_table(a: PageBlock, b: PageBlock) -> bool:
    """The first block of a page is the rest of the table that ended the page before."""
    if a.table is None or b.table is None:
        return False
    left, right = a.table.columns, b.table.columns
    return len(left) == len(right) and all(abs(x - y) <= ALIGN for x, y in zip(left, right))


def _merge_table(a: PageBlock, b: PageBlock) -> None:
    """Append the continued rows, dropping the header the producer repeated at the top of the page."""
    assert a.table is not None and b.table is not None
    rows = b.table.rows
    header = a.table.rows[: max(a.table.header_rows, 1)]
    if rows[: len(header)] == header:
        rows = rows[len(header) :]
    a.table.rows.extend(rows)


def _is_heading(block: _Finished, body: float) -> bool:
    """Short and set larger than the body text, or bold at body size and not a sentence."""
    if block.rows is not None or block.bullet:
        return False
    if block.size > body + LARGER:
        return len(block.text) <= MAX_HEADING_CHARS and block.lines <= 4
    return (
        block.bold
        and block.size >= body - 1
        and len(block.text) <= MAX_BOLD_HEADING_CHARS
        and block.lines <= 2
        and not block.text.endswith((".", ",", ";"))  # a bold sentence is emphasis, not a heading
    )


def _cluster(values: list[float]) -> list[float]:
    """Distinct indents, nearer ones merged, left to right: the list levels."""
    starts: list[float] = []
    for value in sorted(values):
        if not starts or value - starts[-1] > INDENT_SNAP:
            starts.append(value)
    return starts


def _draft(block: _Finished, body: float, heading_sizes: list[float], indents: list[float]) -> BlockDraft:
    """The block as a draft of its final kind, with its heading or list level."""
    if block.rows is not None:
        return BlockDraft("table", page=block.page, rows=block.rows, header_rows=block.header_rows)
    if _is_heading(block, body):
        size = round(block.size * 2) / 2
        level = heading_sizes.index(size) + 1 if size in heading_sizes else len(heading_sizes) + 1
        return BlockDraft("heading", block.text, block.page, level=min(level, 6))
    if block.bullet or block.numbered:
        level = sum(1 for start in indents[1:] if block.marker_x >= start - INDENT_SNAP / 2)
        return BlockDraft("list_item", block.text, block.page, level=min(level, 4))
    return BlockDraft("paragraph", block.text, block.page)
