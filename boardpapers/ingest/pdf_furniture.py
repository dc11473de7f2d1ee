"""Running headers, footers and page numbers: which margin lines are page furniture.

A candidate is a line near the top or bottom edge of the page that stands
off the body by a clear gap (body text may start inside the margin zone of a
page with narrow margins; it follows on at its line spacing). A candidate is
furniture when it is a page number ("3", "Page 3 of 12", "- 3 -") or when the
same line, digits aside, is a candidate on another page too. A line in the
margin zone that does not stand off the body (a footer set tight under a
table) is furniture only when the same line sits at the same height on
another page: the mark of something drawn by the page template.

Repetition can only be seen across pages, and pages are read one at a time,
so :class:`Furniture` holds each page back until the next
:data:`LOOKAHEAD` pages have been seen (two, for headers that alternate
between odd and even pages), and remembers the candidates of every page
before. Only a few pages' lines are ever held.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from .pdf_lines import Line
from .pdf_tables import Table
from .page_numbers import is_labelled_page_number, is_page_number
from .pdf_text import furniture_key

__all__ = ["Furniture", "PendingPage"]

MARGIN_ZONE = 0.15  # share of the page height, at top and at bottom, where furniture lives
FURNITURE_GAP = 1.5  # line heights of white space that part furniture from the body
SAME_HEIGHT = 1.5  # points: a template's line sits this close to where it sat on other pages
LOOKAHEAD = 2
KEPT_PLACES = 8  # places remembered per line text; enough to see a repeat


@dataclass
class PendingPage:
    """A page read but not yet laid out, waiting to learn which of its margin lines repeat."""

    number: int
    width: float
    lines: list[Line]
    tables: list[Table]
    candidates: dict[int, str | None]  # line index -> furniture key, None for a bare page number
    pinned: dict[int, str]  # other margin-zone lines: line index -> furniture key

    def body_right(self) -> float:
        """The right edge of the widest line that is not a margin line."""
        return max((line.x1 for i, line in enumerate(self.lines) if i not in self.candidates), default=0.0)


def _apart(upper_bottom: float, lower_top: float, line: Line) -> bool:
    return lower_top - upper_bottom > FURNITURE_GAP * (line.bottom - line.top)


def _in_zone(line: Line, height: float) -> bool:
    return line.top < MARGIN_ZONE * height or line.bottom > (1 - MARGIN_ZONE) * height


def _margin_lines(lines: list[Line], tables: list[Table], height: float) -> list[int]:
    """Indexes of the lines in the top and bottom margin zones that stand off the body.

    Going inwards from the page edge, the first line followed by a clear gap
    ends the header (or, from below, starts the footer).
    """
    edges = [(line.top, line.bottom) for line in lines] + [(table.top, table.bottom) for table in tables]
    chosen: list[int] = []
    head = [i for i, line in enumerate(lines) if line.top < MARGIN_ZONE * height]
    for i in reversed(head):
        below = [top for top, _ in edges if top > lines[i].bottom]
        if not below or _apart(lines[i].bottom, min(below), lines[i]):
            chosen.extend(j for j in head if j <= i)
            break
    foot = [i for i, line in enumerate(lines) if line.bottom > (1 - MARGIN_ZONE) * height]
    for i in foot:
        above = [bottom for _, bottom in edges if bottom < lines[i].top]
        if not above or _apart(max(above), lines[i].top, lines[i]):
            chosen.extend(j for j in foot if j >= i)
            break
    # "Page 3 of 4" is furniture even when a document puts it higher up, as the page's last (or first) line.
    for index in (0, len(lines) - 1):
        if lines and is_labelled_page_number(lines[index].text):
            chosen.append(index)
    return chosen


def _key(line: Line) -> str | None:
    """The line's furniture key once page numbers are cut out of it; None when nothing else is left."""
    kept = [segment.text for segment in line.segments() if not is_page_number(segment.text)]
    return furniture_key(" ".join(kept)) if kept else None


class Furniture:
    """Holds pages back until their margin lines can be judged, then hands out their body lines."""

    def __init__(self) -> None:
        self.pending: deque[PendingPage] = deque()
        self.places: dict[str, list[tuple[int, float]]] = {}  # key -> (page, top) of margin-zone lines

    def add(self, number: int, size: tuple[float, float], lines: list[Line], tables: list[Table]) -> None:
        """Hold a page back, noting which margin lines it has."""
        width, height = size
        candidates = {index: _key(lines[index]) for index in _margin_lines(lines, tables, height)}
        pinned = {
            index: _key(line) or furniture_key(line.text)
            for index, line in enumerate(lines)
            if index not in candidates and _in_zone(line, height)
        }
        for index, key in [*candidates.items(), *pinned.items()]:
            if key is not None:
                places = self.places.setdefault(key, [])
                if len(places) < KEPT_PLACES:
                    places.append((number, lines[index].top))
        self.pending.append(PendingPage(number, width, lines, tables, candidates, pinned))

    def ready(self, final: bool = False) -> list[tuple[PendingPage, list[Line]]]:
        """The pages whose furniture is now known, each with its body lines."""
        out = []
        while self.pending and (final or len(self.pending) > LOOKAHEAD):
            page = self.pending.popleft()
            out.append((page, [line for index, line in enumerate(page.lines) if not self._is_furniture(page, index)]))
        return out

    def _is_furniture(self, page: PendingPage, index: int) -> bool:
        """A margin line that is a page number, or that another page has in its margin too."""
        if index in page.pinned:
            top = page.lines[index].top
            places = self.places[page.pinned[index]]
            return any(number != page.number and abs(top - other) <= SAME_HEIGHT for number, other in places)
        if index not in page.candidates:
            return False
        key = page.candidates[index]
        return key is None or any(number != page.number for number, _ in self.places[key])
