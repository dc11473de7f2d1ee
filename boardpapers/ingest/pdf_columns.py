"""Lines cut into columns by white space: borderless tables and two-column pages.

A run of lines with wide gaps in them is split into columns where no word of
any line in the run reaches: a gutter. Looking at the whole run rather than
line by line is what tells a gutter from the wide word spaces of justified
text, which fall in different places on different lines. The run is then
either a borderless table (short cells; a row whose first cell is empty
continues the row above) or, when every column holds long runs of words, a
two-column page, read column by column.
"""

from __future__ import annotations

from statistics import median

from .pdf_lines import Line
from .pdf_tables import Table
from .pdf_words import Word
from .pdf_text import join_wrapped, numbered_marker, split_bullet

__all__ = ["find_columns"]

GUTTER = 1.0  # font sizes of white space, down the whole run, that part two columns
PROSE_CHARS = 25  # average characters of a column's line in running text
CLOSE = 1.5  # line heights: a wider vertical gap ends the run

Span = tuple[float, float]
Row = list[list[Word]]  # the words of each column on one line


def _segments(line: Line) -> list[Line]:
    """The line's segments, a list marker set off by a tab kept with the text it marks."""
    parts = line.segments()
    if len(parts) >= 2 and len(parts[0].words) == 1 and _is_marker(parts[0].words[0].text):
        parts[1].words.insert(0, parts[0].words[0])
        return parts[1:]
    return parts


def _is_marker(text: str) -> bool:
    """A list number or bullet: set off by a tab, it is not a table column."""
    return numbered_marker(text) or split_bullet([text, ""], True)[0]


def _spans(run: list[Line]) -> list[Span]:
    """The x ranges covered by the run's words, merged across gaps narrower than a gutter."""
    gutter = GUTTER * median(word.size for line in run for word in line.words)
    spans: list[list[float]] = []
    for x0, x1 in sorted((word.x0, word.x1) for line in run for word in line.words):
        if spans and x0 - spans[-1][1] < gutter:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    return [(x0, x1) for x0, x1 in spans]


def _column_of(spans: list[Span], x: float) -> int:
    """The column whose span holds ``x``, or the nearest one."""
    return min(range(len(spans)), key=lambda c: max(spans[c][0] - x, x - spans[c][1], 0.0))


def _joins(run: list[Line], line: Line, several: bool) -> bool:
    """The line continues the run: close below it and, if it is one segment, inside one of its
    columns other than the first (a cell's wrapped text) or long enough to be running text."""
    previous = run[-1]
    if line.top - previous.bottom > CLOSE * (previous.bottom - previous.top):
        return False
    if several:
        return True
    spans = _spans(run)
    inside = [c for c, (x0, x1) in enumerate(spans) if x0 - 2 <= line.x0 and line.x1 <= x1 + 2]
    return bool(inside) and (inside[0] > 0 or len(line.text) >= PROSE_CHARS)


def find_columns(lines: list[Line]) -> list[tuple[float, list[Table | Line]]]:
    """The page's lines as reading-order groups, each with the top it sorts by."""
    groups: list[tuple[float, list[Table | Line]]] = []
    run: list[Line] = []
    for line in lines:
        several = len(_segments(line)) >= 2
        if run and _joins(run, line, several):
            run.append(line)
            continue
        groups.extend(_close_run(run))
        run = [line] if several else []
        if not several:
            groups.append((line.top, [line]))
    groups.extend(_close_run(run))
    return groups


def _close_run(run: list[Line]) -> list[tuple[float, list[Table | Line]]]:
    """A finished run as a table or columns of text, or, without two columns, as plain lines."""
    if sum(len(_segments(line)) >= 2 for line in run) >= 2:
        spans = _spans(run)
        cells = [_row(line, spans) for line in run]
        if len(spans) >= 2 and not all(not row[0] or _is_marker(row[0][0].text) for row in cells):
            return [(run[0].top, _read(run, spans, cells))]
    return [(line.top, [line]) for line in run]


def _row(line: Line, spans: list[Span]) -> Row:
    """The line's words sorted into the run's columns."""
    row: Row = [[] for _ in spans]
    for word in line.words:
        row[_column_of(spans, (word.x0 + word.x1) / 2)].append(word)
    return row


def _read(run: list[Line], spans: list[Span], cells: list[Row]) -> list[Table | Line]:
    """The run read column by column if it is prose, else as a table."""
    texts = [[" ".join(word.text for word in cell) for cell in row] for row in cells]
    if _is_prose(texts, len(run)):
        ordered: list[Table | Line] = []
        for col, (_, right) in enumerate(spans):
            for line, words in zip(run, cells):
                if words[col]:
                    ordered.append(Line(words[col], line.top, line.bottom, column_right=right))
        return ordered
    rows: list[list[str]] = []
    for text_row in texts:
        if rows and not text_row[0]:
            rows[-1] = [join_wrapped(above, below) for above, below in zip(rows[-1], text_row)]
        else:
            rows.append(text_row)
    return [Table(run[0].top, run[-1].bottom, [x0 for x0, _ in spans] + [spans[-1][1]], rows)]


def _is_prose(texts: list[list[str]], count: int) -> bool:
    """Every column is filled with long runs of words: columns of text, not a table."""
    if count < 3:
        return False
    for col in range(len(texts[0])):
        column = [row[col] for row in texts if row[col]]
        if len(column) < 0.6 * count or sum(map(len, column)) < PROSE_CHARS * len(column):
            return False
    return True
