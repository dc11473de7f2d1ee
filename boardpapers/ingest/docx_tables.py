"""Where each cell of a Word table sits on the table's grid, and what kind of table it is.

Word stores a merged cell once: a horizontal merge is one ``w:tc`` with a
``w:gridSpan``, and a vertical merge is a ``w:tc`` per row where the rows
below the first say ``w:vMerge`` (continue). Rows may also start late
(``w:gridBefore``) or end early. :func:`table_slots` places every cell on the
grid, so that rows keep their column count and a merged cell's text is given
once.

Not every Word table is a table of data: minutes are often typed into a
one-column table (one item a cell), and a one-row table is often a page
layout of side-by-side text. :func:`is_layout_table` says which tables to
read as the blocks they contain.
"""

from __future__ import annotations

from dataclasses import dataclass

from .docx_xml import W, Element, content_children, is_on, w_val

__all__ = ["Slot", "header_row_count", "is_layout_table", "table_rows", "table_slots"]

_BLOCKS = frozenset({W.p, W.tbl})


@dataclass(frozen=True)
class Slot:
    """One ``w:tc`` on the grid: its first grid column, how many it spans, and
    whether it continues the vertically merged cell above (and so is empty)."""

    tc: Element
    column: int
    span: int
    continued: bool


def table_rows(tbl: Element) -> list[Element]:
    """The ``w:tr`` rows of a table, including rows inside content controls."""
    return list(content_children(tbl, frozenset({W.tr})))


def table_slots(tr: Element) -> list[Slot]:
    """The cells of one row placed on the table grid."""
    tr_pr = tr.find(W.trPr)
    column = _int_val(tr_pr, W.grid_before)
    slots: list[Slot] = []
    for tc in content_children(tr, frozenset({W.tc})):
        tc_pr = tc.find(W.tcPr)
        span = max(1, _int_val(tc_pr, W.grid_span))
        v_merge = None if tc_pr is None else tc_pr.find(W.v_merge)
        continued = v_merge is not None and w_val(v_merge) != "restart"
        slots.append(Slot(tc, column, span, continued))
        column += span
    return slots


def header_row_count(rows: list[Element]) -> int:
    """How many rows from the top Word repeats as the header (``w:tblHeader``)."""
    count = 0
    for tr in rows:
        tr_pr = tr.find(W.trPr)
        marker = None if tr_pr is None else tr_pr.find(W.tbl_header)
        if marker is None or not is_on(marker):
            break
        count += 1
    return count


def is_layout_table(rows: list[list[Slot]]) -> bool:
    """True when a table holds prose to be read as blocks rather than a grid of data.

    That is a table whose text all sits in one grid column (minutes typed one
    item a cell, a boxed note), or a single row whose cells hold more than one
    paragraph or a nested table (side-by-side page layout).
    """
    filled = [slot for row in rows for slot in row if not slot.continued and _has_text(slot.tc)]
    if len({slot.column for slot in filled}) <= 1:
        return True
    return len(rows) == 1 and any(_holds_blocks(slot.tc) for slot in filled)


def _holds_blocks(tc: Element) -> bool:
    blocks = [child for child in content_children(tc, _BLOCKS) if child.tag == W.tbl or _has_text(child)]
    return len(blocks) > 1 or any(child.tag == W.tbl for child in blocks)


def _has_text(element: Element) -> bool:
    return any((t.text or "").strip() for t in element.iter(W.t))


def _int_val(properties: Element | None, tag: str) -> int:
    value = w_val(None if properties is None else properties.find(tag))
    return int(value) if value is not None and value.isdigit() else 0
