"""Figures in tables: each numeric cell is one statistic.

The metric comes from the cell's row label; the period, comparison and unit
from its column header ("Volume during 12 months to January 2016", "2011/12
Baseline volume", "Percentage Change", "Funding for 2015/16", "£m"). Headers
may be printed on two rows, a group heading over several columns ("Rolling
12 months performance") above each column's own; the group heading is read
into every column under it. A row whose label cell holds only a mark (a RAG
"●") takes its label from the table's top-left cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from ..document import Block, Cell
from .quantities import Quantity, find_quantities
from .statistics_periods import Period, find_periods

__all__ = ["TableFigure", "table_figures"]

_RANK = regex.compile(r"^(?P<n>[0-9]{1,3})\s*/\s*(?P<of>[0-9]{1,3})$")
_CHANGE_HEADER = regex.compile(r"\bchange\b|\bdifference\b|\bvariance\b|\+/-|\bvs\.?\b", regex.I)
_COMPARISON = regex.compile(r"(?:vs\.?|versus|compared\s+(?:to|with)|against)\s+(?P<c>[^()]+?)\s*(?:\(|$)", regex.I)
_BASELINE = regex.compile(r"(?P<fy>(?:19|20)?[0-9]{2}/[0-9]{2,4})\s+baseline|baseline\s*\(?(?P<fy2>(?:19|20)[0-9]{2}/[0-9]{2,4})", regex.I)
_LABEL_HEADER = regex.compile(r"^(?:ref|ref\.|no\.?|id|code|#|rag|item)$", regex.I)
_NOT_FIGURE_HEADER = regex.compile(r"^(?:item(?:\s+no\.?)?|no\.?|pages?|page\s+no\.?|ref\.?|time|date|minute|agenda\s+item)$", regex.I)
_MILLIONS = regex.compile(r"£\s?m\b|\(£m\)|£ millions|£000s?|\(£000\)", regex.I)


@dataclass(frozen=True)
class TableFigure:
    """One figure read from a table cell, with what its row and column say about it."""

    quantity: Quantity
    cell: Cell
    label: str
    header: str
    period: Period | None
    comparison: str | None
    direction: str | None
    row_text: str


_ITEM_NUMBER = regex.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,2}){0,2}\.?$")


def _has_letters(text: str) -> bool:
    return regex.search(r"[A-Za-z]{2}", text) is not None


def _figure(text: str) -> Quantity | None:
    """The one figure a cell holds, or None when the cell is words, a date or several numbers."""
    stripped = text.strip()
    if not stripped:
        return None
    found = [q for q in find_quantities(stripped) if not q.age]
    if len(found) != 1 or len(found[0].surface) < len(stripped) - 2:
        return None
    return found[0]


def _header_rows(block: Block) -> int:
    """Leading rows with no figure in them (at least the header rows the reader marked)."""
    count = 0
    for row in block.rows:
        if any(_figure(cell.text) or _RANK.match(cell.text.strip()) for cell in row[1:]):
            break
        count += 1
    return max(count, block.header_rows) if count < len(block.rows) else block.header_rows


def _column_headers(block: Block, header_rows: int) -> list[str]:
    """Each column's header text, group headings (carried right over empty cells) first."""
    width = max(len(row) for row in block.rows)
    columns = [""] * width
    for row in block.rows[:header_rows]:
        carried = ""
        for index in range(width):
            text = row[index].text.strip() if index < len(row) else ""
            if text:
                carried = text
            elif index == 0:
                carried = ""
            piece = text or (carried if index and header_rows > 1 else "")
            if piece and piece not in columns[index]:
                columns[index] = f"{columns[index]} {piece}".strip()
    return columns


def _label_column(block: Block, header_rows: int, headers: list[str]) -> int:
    """The column naming each row: the first with words in most rows and no code-like header."""
    body = block.rows[header_rows:]
    width = max(len(row) for row in block.rows)
    for index in range(width):
        cells = [row[index].text for row in body if index < len(row)]
        worded = sum(1 for text in cells if _has_letters(text) and len(text) < 80)
        if _LABEL_HEADER.match(headers[index].strip()) or not cells:
            continue
        if worded * 2 >= len(cells):
            return index
    return 0


def _row_label(row: tuple[Cell, ...], column: int, block: Block) -> str:
    text = row[column].text.strip() if column < len(row) else ""
    if _has_letters(text):
        return text
    corner = block.rows[0][0].text.strip() if block.rows and block.rows[0] else ""
    return corner if _has_letters(corner) else text


def _comparison(header: str, headers: list[str]) -> str | None:
    """What a change column compares with: its own words ("vs. previous year"), else the table's baseline column."""
    baseline = _BASELINE.search(header) or next((m for h in headers if (m := _BASELINE.search(h))), None)
    explicit = _COMPARISON.search(header)
    if baseline and (regex.search(r"baseline", header, regex.I) or not explicit):
        year = baseline.group("fy") or baseline.group("fy2")
        return f"{year} baseline" if "/" in year and len(year) > 5 else f"20{year} baseline" if len(year) == 5 else f"{year} baseline"
    return explicit.group("c").strip() if explicit else None


_COMPARED_WITH = regex.compile(r"\b(?:vs\.?|versus|compared\s+(?:to|with)|on|than|against|from)\s*$", regex.I)


def _is_baseline(header: str) -> bool:
    """A column of what the others are compared with ("2011/12 Baseline volume", "FY 2011/12" beside a change)."""
    return bool(_BASELINE.search(header) or regex.search(r"\bbaseline\b", header, regex.I))


def _header_periods(header: str, anchor: dt.date | None) -> list[Period]:
    """The periods a column header reports for, leaving out the one it compares with ("Change vs.
    previous year" reports no period of its own)."""
    return [p for p in find_periods(header, anchor) if p.text and not _COMPARED_WITH.search(header[: p.start])]


def _current_period(headers: list[str], anchor: dt.date | None, header_rows: int) -> Period | None:
    """The one period the table's non-baseline columns report ("Volume during 12 months to January 2016"),
    or None when the columns give none or several (a funding table's years), or when group headings over
    the columns ("Recent Quarter", "Recent 12 months performance") give each group its own."""
    if header_rows > 1:
        return None
    found = {(p.text, p.first, p.last): p for header in headers if not _is_baseline(header) for p in _header_periods(header, anchor)}
    return next(iter(found.values())) if len(found) == 1 else None


def _is_contents(block: Block, header_rows: int, label_column: int) -> bool:
    """A table of contents or an agenda's page column: one column of small whole numbers that only grow."""
    values: list[float] = []
    columns: set[int] = set()
    for row in block.rows[header_rows:]:
        for index, cell in enumerate(row):
            figure = _figure(cell.text) if index != label_column else None
            if figure is not None:
                values.append(figure.value)
                columns.add(index)
    return (
        len(values) >= 3
        and len(columns) == 1
        and all(float(v).is_integer() and 0 < v < 1000 for v in values)
        and all(a < b for a, b in zip(values, values[1:]))
    )


def table_figures(block: Block, anchor: dt.date | None = None) -> list[TableFigure]:
    """Every numeric cell of a table block, with its row label and column header; ``anchor`` (the
    paper's date) dates headers that print no year ("Volume (to Sep 30th)")."""
    if not block.rows:
        return []
    header_rows = _header_rows(block)
    headers = _column_headers(block, header_rows)
    label_column = _label_column(block, header_rows, headers)
    if _is_contents(block, header_rows, label_column):
        return []
    out: list[TableFigure] = []
    for row in block.rows[header_rows:]:
        label = _row_label(row, label_column, block)
        cells: list[tuple[Cell, Quantity, str]] = []
        for index, cell in enumerate(row):
            if index == label_column or index >= len(headers):
                continue
            if index < label_column and _ITEM_NUMBER.match(cell.text.strip()):
                continue  # "6 | Feedback from the Forum": a minutes table numbers its items before their words
            header = headers[index]
            if _NOT_FIGURE_HEADER.match(header.strip().rstrip(":")):
                continue
            rank = _RANK.match(cell.text.strip())
            if rank and regex.search(r"\brank", header, regex.I):
                quantity = Quantity(float(rank.group("n")), "rank", cell.text.strip(), 0, len(cell.text.strip()))
            else:
                quantity = _figure(cell.text)
            if quantity is None or quantity.spelled:
                continue
            if quantity.unit == "count" and _MILLIONS.search(header):
                factor = 1e3 if "000" in header else 1e6
                quantity = Quantity(quantity.value * factor, "GBP", quantity.surface, quantity.start, quantity.end, signed=quantity.signed)
            elif quantity.unit == "count" and regex.search(r"%|\bper\s?cent|\bpercentage\b", header, regex.I):
                quantity = Quantity(quantity.value, "percent", quantity.surface, quantity.start, quantity.end, signed=quantity.signed)
            elif quantity.unit == "count" and "£" in header:
                quantity = Quantity(quantity.value, "GBP", quantity.surface, quantity.start, quantity.end, signed=quantity.signed)
            offset = len(cell.text) - len(cell.text.lstrip())
            quantity = Quantity(
                quantity.value, quantity.unit, quantity.surface, quantity.start + offset, quantity.end + offset,
                quantity.value_high, quantity.per, quantity.qualifier, quantity.unit_name, signed=quantity.signed,
            )
            cells.append((cell, quantity, header))
        if not cells:
            continue
        row_text = " | ".join([label] + [f"{header}: {cell.text.strip()}" if header else cell.text.strip() for cell, _, header in cells])
        current = _current_period(headers, anchor, header_rows)
        for cell, quantity, header in cells:
            periods = _header_periods(header, anchor)
            change = bool(_CHANGE_HEADER.search(header))
            if change and not periods:
                # "Volume (Jul - Sep) | Change vs. previous year": the change is over the period of the volume
                # beside it; "Percentage Change" alone, over the table's current period.
                index = headers.index(header)
                beside = headers[index - 1] if index > 0 else ""
                left = [] if _is_baseline(beside) else _header_periods(beside, anchor)
                periods = left or ([current] if current else [])
            direction = None
            if change and quantity.value < 0:
                direction = "decrease"
            elif change and quantity.value > 0:
                direction = "increase"
            out.append(
                TableFigure(
                    quantity=quantity,
                    cell=cell,
                    label=label,
                    header=header,
                    period=periods[0] if periods else None,
                    comparison=_comparison(header, headers) if change else None,
                    direction=direction,
                    row_text=row_text,
                )
            )
    return out
