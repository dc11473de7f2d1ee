"""Words with their boxes and font style, read from one pdfium text page.

Speed decides the shape of this module: a page holds thousands of characters
and every pdfium call costs a ctypes round trip, so each character costs two
calls (its text object and its loose box) and everything that is the same for
a whole text object (font size, weight, name, rotation) is asked once per
object and cached. The text object is asked for as a bare address, an int
that keys that cache directly: a ctypes pointer would have to be cast to one
for every character, which cost more than the call itself. Characters are
folded into words straight away, so later stages handle a few hundred words a
page instead of thousands of characters.

Coordinates are turned top-down (``top`` < ``bottom``) and into the page as
displayed, so a page with ``/Rotate`` reads like any other.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field
from typing import Any, Callable

import pypdfium2.raw as pdfium_c

__all__ = ["PageText", "Transform", "Word", "page_transform", "read_words"]

_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_FORCE_BOLD_FLAG = 1 << 18
_FILL_STROKE = 2  # text render mode "fill then stroke": a common fake bold
_SPACES = frozenset(" \t\r\n\u00a0\u2002\u2003\u2009")
_LINE_END_HYPHEN = 0xFFFE  # pdfium's code for a hyphen that ends a line
_CONTROL_LIMIT = 0x20
_SAMPLE_EVERY = 8  # asking pdfium about each character's Unicode map would cost a call per character


@dataclass
class Word:
    """A run of characters with no gap in it, on one line, as drawn on the page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: int  # how many of the characters are bold
    rotated: bool = False

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class PageText:
    """The words of a page and the counts that tell garbage or missing text apart."""

    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    chars: int = 0
    unmapped: int = 0  # characters with no usable Unicode value, among ``sampled``
    sampled: int = 0


@dataclass(frozen=True)
class _Style:
    size: float
    bold: bool
    rotated: bool


def _returning_address(function: Any) -> Callable[..., int | None]:
    """The same pdfium function, returning its pointer as a bare ``int`` address (``None`` for NULL)."""
    twin = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    twin.argtypes = function.argtypes
    twin.restype = ctypes.c_void_p
    return twin


_text_object_address = _returning_address(pdfium_c.FPDFText_GetTextObject)


class _Styles:
    """Font style of each text object, asked of pdfium once per object."""

    def __init__(self, textpage: pdfium_c.FPDF_TEXTPAGE, page_turns: int) -> None:
        self.textpage = textpage
        self.page_turns = page_turns  # quarter turns clockwise the page is displayed at
        self.cache: dict[int, _Style] = {}
        self.name = ctypes.create_string_buffer(128)
        self.matrix = pdfium_c.FS_MATRIX()

    def of(self, handle: int, index: int) -> _Style:
        """The style of the text object at address ``handle``, which holds the character at ``index``."""
        style = self.cache.get(handle)
        if style is None:
            obj = ctypes.cast(ctypes.c_void_p(handle), pdfium_c.FPDF_PAGEOBJECT)
            style = self.cache[handle] = self._read(obj, index)
        return style

    def _read(self, obj: pdfium_c.FPDF_PAGEOBJECT, index: int) -> _Style:
        # pdfium reports the size set by Tf; many producers set Tf 1 and scale with the text matrix.
        size = pdfium_c.FPDFText_GetFontSize(self.textpage, index)
        rotated = False
        if pdfium_c.FPDFPageObj_GetMatrix(obj, self.matrix):
            m = self.matrix
            # Upright as displayed: the text's own angle undoes the page's /Rotate.
            angle = (math.degrees(math.atan2(m.b, m.a)) - 90 * self.page_turns) % 360
            rotated = min(angle, 360 - angle) > 1
            scale = math.sqrt(abs(m.a * m.d - m.b * m.c))
            size *= scale if scale > 1e-6 else 1.0
        return _Style(round(size, 1), self._bold(obj), rotated)

    def _bold(self, obj: pdfium_c.FPDF_PAGEOBJECT) -> bool:
        if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == _FILL_STROKE:
            return True
        font = pdfium_c.FPDFTextObj_GetFont(obj)
        if not font:
            return False
        length = pdfium_c.FPDFFont_GetBaseFontName(font, self.name, len(self.name))
        name = self.name.value[: max(length - 1, 0)].decode("latin-1").lower()
        return (
            pdfium_c.FPDFFont_GetWeight(font) >= 600
            or bool(pdfium_c.FPDFFont_GetFlags(font) & _FORCE_BOLD_FLAG)
            or any(part in name for part in _BOLD_NAMES)
        )


class Transform:
    """PDF user space (y up) to the displayed page, top-down."""

    def __init__(self, width: float, height: float, rotation: int) -> None:
        self.width, self.height, self.rotation = width, height, rotation % 4

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page."""
        w, h = self.width, self.height
        if self.rotation == 0:
            return left, h - top, right, h - bottom
        if self.rotation == 1:  # 90 degrees clockwise
            return bottom, left, top, right
        if self.rotation == 2:
            return w - right, bottom, w - left, top
        return h - top, w - right, h - bottom, w - left

    @property
    def size(self) -> tuple[float, float]:
        return (self.height, self.width) if self.rotation % 2 else (self.width, self.height)


class _WordBuilder:
    """Folds characters, in content order, into words."""

    __slots__ = ("page", "chars", "x0", "x1", "top", "bottom", "size", "bold", "rotated", "rotated_handle")

    def __init__(self, page: PageText) -> None:
        self.page = page
        self.chars: list[str] = []
        self.x0 = self.x1 = self.top = self.bottom = 0.0
        self.size = 0.0
        self.bold = 0
        self.rotated = False
        self.rotated_handle = 0

    def flush(self) -> None:
        if self.chars:
            self.page.words.append(
                Word("".join(self.chars), self.x0, self.x1, self.top, self.bottom, self.size, self.bold, self.rotated)
            )
            self.chars = []

    def add(self, char: str, box: tuple[float, float, float, float], style: _Style, handle: int) -> None:
        """Add the next character (in content order) to the current word or start a new one.

        Most characters continue the word before them; that test is written out
        here rather than in helper methods because it runs for every character
        of every page, where each extra call shows in the reading time.
        """
        if style.rotated:
            self._add_rotated(char, box, style, handle)
            return
        if self.chars and not self.rotated:
            x0, top, x1, bottom = box
            size = max(style.size, self.size)
            gap = x0 - self.x1
            # It follows the word on its line with no more than a sliver of space.
            if not (gap > 0.12 * size or gap < -0.5 * size) and (
                min(bottom, self.bottom) - max(top, self.top) > 0.5 * min(bottom - top, self.bottom - self.top)
            ):
                self.chars.append(char)
                self.x0, self.x1 = min(self.x0, x0), max(self.x1, x1)
                self.bold += style.bold
                return
        self.flush()
        self._start(char, box, style)

    def _add_rotated(self, char: str, box: tuple[float, float, float, float], style: _Style, handle: int) -> None:
        """Rotated labels (vertical table headers) are read whole, one text object at a time."""
        if self.chars and self.rotated and self.rotated_handle == handle:
            self.chars.append(char)
            self.x0, self.x1 = min(self.x0, box[0]), max(self.x1, box[2])
            self.top, self.bottom = min(self.top, box[1]), max(self.bottom, box[3])
            self.bold += style.bold
            return
        self.flush()
        self._start(char, box, style)
        self.rotated, self.rotated_handle = True, handle

    def _start(self, char: str, box: tuple[float, float, float, float], style: _Style) -> None:
        self.chars = [char]
        self.x0, self.top, self.x1, self.bottom = box
        self.size = style.size
        self.bold = int(style.bold)
        self.rotated = False


def page_transform(page: pdfium_c.FPDF_PAGE) -> Transform:
    """The mapping from ``page``'s user space to how it is displayed."""
    # pdfium gives the displayed (rotated) size, but character boxes in unrotated user space.
    rotation = pdfium_c.FPDFPage_GetRotation(page)
    width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
    if rotation % 2:
        width, height = height, width
    return Transform(width, height, rotation)


def read_words(textpage: pdfium_c.FPDF_TEXTPAGE, transform: Transform) -> PageText:
    """The words of one page, in content order, with the character counts."""
    width, height = transform.size
    result = PageText(width, height)
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return result
    codes = _unicode(textpage, count)
    styles = _Styles(textpage, transform.rotation)
    builder = _WordBuilder(result)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    get_object = _text_object_address
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    unmapped_error = pdfium_c.FPDFText_HasUnicodeMapError
    chars = unmapped = sampled = 0
    for index, code in enumerate(codes):
        char = "-" if code == _LINE_END_HYPHEN else chr(code)
        if char in _SPACES:
            builder.flush()
            continue
        handle = get_object(textpage, index)
        if not handle:
            continue  # a character pdfium made up (line break), not one on the page
        chars += 1
        if chars % _SAMPLE_EVERY == 0:
            sampled += 1
            if code < _CONTROL_LIMIT or code == 0xFFFD or unmapped_error(textpage, index):
                unmapped += 1
        style = styles.of(handle, index)
        get_box(textpage, index, rect_ref)
        builder.add(char, transform.box(rect.left, rect.bottom, rect.right, rect.top), style, handle)
    builder.flush()
    result.chars, result.unmapped, result.sampled = chars, unmapped, sampled
    return result


def _unicode(textpage: pdfium_c.FPDF_TEXTPAGE, count: int) -> list[int]:
    """Every character's code point, in one call when no character is outside the BMP."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    if written - 1 == count:
        codes = list(buffer[:count])
        if not any(0xD800 <= code <= 0xDFFF for code in codes):
            return codes
    return [pdfium_c.FPDFText_GetUnicode(textpage, index) for index in range(count)]
