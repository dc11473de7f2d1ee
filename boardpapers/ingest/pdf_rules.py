"""The ruling lines of a page: the strokes and thin bars that draw table borders.

Tables are found from these (see :mod:`.pdf_tables`) rather than with
pdfplumber, which would parse the page a second time at a fraction of
pdfium's speed. A border reaches us in several shapes, depending on the
producer: a stroked line, a stroked rectangle per cell (fpdf2, LibreOffice),
or a filled bar a fraction of a point thick (Word). Each becomes one or more
horizontal or vertical :class:`Rule` segments. Filled areas thicker than a
bar are cell shading, not borders, and curves belong to charts; both are
ignored. Form XObjects are searched too, since some producers wrap a whole
page in one.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any, Callable

import pypdfium2.raw as pdfium_c

from .pdf_words import Transform

__all__ = ["Rule", "read_rules"]

BAR = 3.0  # a filled shape thinner than this (points) is a drawn line
MIN_LENGTH = 2.0
MAX_SEGMENTS = 400  # longer paths are drawings (charts, logos), not borders
STRAIGHT = 0.5

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
Point = tuple[int, bool, float, float]  # segment type, closes its subpath, x, y on the displayed page


@dataclass(frozen=True)
class Rule:
    """A horizontal (``at`` is y) or vertical (``at`` is x) line from ``start`` to ``end``."""

    horizontal: bool
    at: float
    start: float
    end: float


def _multiply(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix that applies ``inner`` and then ``outer``."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


class _RuleReader:
    """Walks a page's objects (and those inside form XObjects) collecting rules."""
    def __init__(self, transform: Transform) -> None:
        self.transform = transform
        self.rules: list[Rule] = []
        self.matrix = pdfium_c.FS_MATRIX()
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.fill, self.stroke = ctypes.c_int(), pdfium_c.FPDF_BOOL()

    def objects(self, count: int, get: Callable[[Any, int], Any], parent: Any, outer: Matrix) -> None:
        """Read the ``count`` objects that ``get(parent, index)`` yields, under the matrix ``outer``."""
        for index in range(count):
            obj = get(parent, index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self.path(obj, outer)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                inner = _multiply(self._matrix(obj), outer)
                self.objects(pdfium_c.FPDFFormObj_CountObjects(obj), pdfium_c.FPDFFormObj_GetObject, obj, inner)

    def _matrix(self, obj: pdfium_c.FPDF_PAGEOBJECT) -> Matrix:
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, self.matrix):
            return IDENTITY
        m = self.matrix
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def path(self, obj: pdfium_c.FPDF_PAGEOBJECT, outer: Matrix) -> None:
        """The rules a path draws: its straight strokes, or itself if it is a filled bar."""
        count = pdfium_c.FPDFPath_CountSegments(obj)
        if count < 2 or count > MAX_SEGMENTS:
            return
        if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(self.fill), ctypes.byref(self.stroke)):
            return
        points = self._points(obj, count, _multiply(self._matrix(obj), outer))
        if self.stroke.value:
            self._strokes(points)
        elif self.fill.value:
            self._bar(points)

    def _points(self, obj: pdfium_c.FPDF_PAGEOBJECT, count: int, matrix: Matrix) -> list[Point]:
        """(segment type, closes subpath, x0, top) of each segment, on the displayed page."""
        a, b, c, d, e, f = matrix
        # Bound once: a page of table borders has thousands of segments, each four pdfium calls.
        get_segment, get_point = pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint
        get_type, get_close = pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetClose
        x_ref, y_ref, box = ctypes.byref(self.x), ctypes.byref(self.y), self.transform.box
        out = []
        for index in range(count):
            segment = get_segment(obj, index)
            get_point(segment, x_ref, y_ref)
            px, py = self.x.value, self.y.value
            x, y = a * px + c * py + e, b * px + d * py + f
            x0, top, _, _ = box(x, y, x, y)
            out.append((get_type(segment), bool(get_close(segment)), x0, top))
        return out

    def _strokes(self, points: list[Point]) -> None:
        """Each straight stroked segment, closing subpaths included."""
        start = previous = None
        for kind, closes, x, y in points:
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = previous = (x, y)
                continue
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
                self._line(previous, (x, y))
            previous = (x, y)
            if closes and start is not None:
                self._line(previous, start)
                previous = start

    def _line(self, p: tuple[float, float], q: tuple[float, float]) -> None:
        (x0, y0), (x1, y1) = p, q
        if abs(y0 - y1) <= STRAIGHT and abs(x1 - x0) >= MIN_LENGTH:
            self.rules.append(Rule(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) <= STRAIGHT and abs(y1 - y0) >= MIN_LENGTH:
            self.rules.append(Rule(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    def _bar(self, points: list[Point]) -> None:
        """Each filled subpath thin enough to be a line."""
        if any(kind == pdfium_c.FPDF_SEGMENT_BEZIERTO for kind, _, _, _ in points):
            return
        shape: list[tuple[float, float]] = []
        for kind, _, x, y in points:
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO and shape:
                self._bar_shape(shape)
                shape = []
            shape.append((x, y))
        self._bar_shape(shape)

    def _bar_shape(self, shape: list[tuple[float, float]]) -> None:
        """A filled subpath that is thin enough to be a line."""
        xs = [x for x, _ in shape]
        ys = [y for _, y in shape]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        if y1 - y0 <= BAR and x1 - x0 >= MIN_LENGTH:
            self.rules.append(Rule(True, (y0 + y1) / 2, x0, x1))
        elif x1 - x0 <= BAR and y1 - y0 >= MIN_LENGTH:
            self.rules.append(Rule(False, (x0 + x1) / 2, y0, y1))


def read_rules(page: pdfium_c.FPDF_PAGE, transform: Transform) -> list[Rule]:
    """Every horizontal and vertical ruling segment drawn on ``page``."""
    reader = _RuleReader(transform)
    reader.objects(pdfium_c.FPDFPage_CountObjects(page), pdfium_c.FPDFPage_GetObject, page, IDENTITY)
    return reader.rules
