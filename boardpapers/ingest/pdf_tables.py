"""Ruled tables: grids drawn with lines, read from the page's rules.

A ruled table is a connected set of horizontal and vertical rules. The
distinct positions of its rules cut it into a grid; a word goes into the grid
cell under its middle, moved left (or up) across any cell border that is not
drawn at that point, so a merged cell's text lands in the first cell it
spans, as pdfplumber does. A grid of one column is a box round prose, not a
table, and is left to flow as text. Borderless tables are found from white
space instead (:mod:`.pdf_columns`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .pdf_lines import group_lines
from .pdf_rules import Rule
from .pdf_text import join_wrapped
from .pdf_words import Word

__all__ = ["Table", "find_ruled"]

SNAP = 2.0  # rules closer than this (points) are the same rule


@dataclass
class Table:
    """A table found on a page, with the cell texts of each row."""

    top: float
    bottom: float
    columns: list[float]  # x of each column border (ruled) or start (borderless)
    rows: list[list[str]]
    header_rows: int = 0


def _cluster(values: list[float], snap: float) -> list[float]:
    """Sorted values with runs closer than ``snap`` replaced by their mean."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= snap:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(group) / len(group) for group in groups]


class _Component:
    """Rules that touch one another: one candidate table."""

    def __init__(self, rules: list[Rule]) -> None:
        self.horizontal = [rule for rule in rules if rule.horizontal]
        self.vertical = [rule for rule in rules if not rule.horizontal]
        self.xs = _cluster([rule.at for rule in self.vertical], SNAP)
        # The ends of the column borders close the grid where a row runs on from the page before.
        ends = [min(r.start for r in self.vertical), max(r.end for r in self.vertical)] if self.vertical else []
        self.ys = _cluster([rule.at for rule in self.horizontal] + ends, SNAP)
        # The rules along each column and row border, sorted out once rather than for every word.
        self.column_rules = [_near(self.vertical, x) for x in self.xs]
        self.row_rules = [_near(self.horizontal, y) for y in self.ys]

    def is_grid(self) -> bool:
        """At least two columns and one row."""
        return len(self.xs) >= 3 and len(self.ys) >= 2

    @staticmethod
    def drawn(border: list[Rule], along: float) -> bool:
        """Whether one of a border's rules crosses the point ``along`` (so the two cells it parts are separate)."""
        return any(rule.start - SNAP <= along <= rule.end + SNAP for rule in border)

    def cell_of(self, word: Word) -> tuple[int, int] | None:
        """(row, column) of the cell holding the word's middle, merged cells resolved; None outside."""
        x = (word.x0 + word.x1) / 2
        y = word.middle
        if not (self.xs[0] < x < self.xs[-1] and self.ys[0] < y < self.ys[-1]):
            return None
        col = bisect_right(self.xs, x) - 1
        row = bisect_right(self.ys, y) - 1
        while col > 0 and not self.drawn(self.column_rules[col], y):
            col -= 1
        while row > 0 and not self.drawn(self.row_rules[row], x):
            row -= 1
        return row, col


def _near(rules: list[Rule], at: float) -> list[Rule]:
    """The rules within ``SNAP`` of the border at ``at``."""
    return [rule for rule in rules if abs(rule.at - at) <= SNAP]


def _merge_collinear(rules: list[Rule]) -> list[Rule]:
    """Join pieces of one line: producers often draw a border one cell, or one row, at a time."""
    merged: list[Rule] = []
    for horizontal in (True, False):
        pieces = sorted((rule for rule in rules if rule.horizontal == horizontal), key=lambda r: r.at)
        bands: list[list[Rule]] = []
        for rule in pieces:
            if bands and rule.at - bands[-1][-1].at <= SNAP / 2:
                bands[-1].append(rule)
            else:
                bands.append([rule])
        for band in bands:
            at = sum(rule.at for rule in band) / len(band)
            start, end = None, 0.0
            for rule in sorted(band, key=lambda r: r.start):
                if start is not None and rule.start <= end + SNAP:
                    end = max(end, rule.end)
                    continue
                if start is not None:
                    merged.append(Rule(horizontal, at, start, end))
                start, end = rule.start, rule.end
            if start is not None:
                merged.append(Rule(horizontal, at, start, end))
    return merged


def _components(rules: list[Rule]) -> list[list[Rule]]:
    """Rules grouped by touching (a horizontal and a vertical rule that cross or meet)."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    horizontal = [i for i, rule in enumerate(rules) if rule.horizontal]
    vertical = [i for i, rule in enumerate(rules) if not rule.horizontal]
    for h in horizontal:
        hr = rules[h]
        for v in vertical:
            vr = rules[v]
            if hr.start - SNAP <= vr.at <= hr.end + SNAP and vr.start - SNAP <= hr.at <= vr.end + SNAP:
                parent[find(h)] = find(v)
    groups: dict[int, list[Rule]] = {}
    for index, rule in enumerate(rules):
        groups.setdefault(find(index), []).append(rule)
    return _join_bare_columns(list(groups.values()))


def _join_bare_columns(groups: list[list[Rule]]) -> list[list[Rule]]:
    """Lone vertical rules of one height side by side: a table row that fills the page, with no
    horizontal border on it, is drawn only by its column borders."""
    bare = [group[0] for group in groups if len(group) == 1 and not group[0].horizontal]
    out = [group for group in groups if not (len(group) == 1 and not group[0].horizontal)]
    spans: list[list[Rule]] = []
    for rule in sorted(bare, key=lambda r: (round(r.start), r.at)):
        for span in spans:
            if abs(span[0].start - rule.start) <= 2 * SNAP and abs(span[0].end - rule.end) <= 2 * SNAP:
                span.append(rule)
                break
        else:
            spans.append([rule])
    out.extend(spans)
    return out


def _cell_text(words: list[Word]) -> str:
    """The words of one cell as one line of text, wrapped lines rejoined."""
    text = ""
    for line in group_lines(words):
        text = join_wrapped(text, line.text)
    return text


def _table(component: _Component, cells: dict[tuple[int, int], list[Word]]) -> Table:
    """The grid's cell texts, without empty rows or columns; leading all-bold rows are the header."""
    rows_count, cols_count = len(component.ys) - 1, len(component.xs) - 1
    rows = [[_cell_text(cells.get((r, c), [])) for c in range(cols_count)] for r in range(rows_count)]
    bold = [
        all(word.bold == len(word.text) for c in range(cols_count) for word in cells.get((r, c), []))
        and any((r, c) in cells for c in range(cols_count))
        for r in range(rows_count)
    ]
    keep_rows = [r for r in range(rows_count) if any(rows[r])]
    keep_cols = [c for c in range(cols_count) if any(rows[r][c] for r in keep_rows)]
    table_rows = [[rows[r][c] for c in keep_cols] for r in keep_rows]
    bold_rows = [bold[r] for r in keep_rows]
    header = 0
    while header < len(bold_rows) - 1 and bold_rows[header]:
        header += 1
    columns = [component.xs[c] for c in keep_cols] + [component.xs[-1]]
    return Table(component.ys[0], component.ys[-1], columns, table_rows, header)


def find_ruled(rules: list[Rule], words: list[Word]) -> tuple[list[Table], list[Word]]:
    """Ruled tables on the page, and the words that are not in any of them."""
    tables: list[Table] = []
    remaining = words
    for group in _components(_merge_collinear(rules)):
        component = _Component(group)
        if not component.is_grid():
            continue
        cells: dict[tuple[int, int], list[Word]] = {}
        outside: list[Word] = []
        for word in remaining:
            cell = component.cell_of(word)
            if cell is None:
                outside.append(word)
            else:
                cells.setdefault(cell, []).append(word)
        if not cells:
            continue
        table = _table(component, cells)
        if table.rows and len(table.columns) > 2:
            tables.append(table)
            remaining = outside
    return tables, remaining
