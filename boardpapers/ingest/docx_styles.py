"""Word styles resolved along their ``w:basedOn`` chains.

Whether a paragraph is a heading, a list item or bold is rarely written on the
paragraph itself: it comes from its style, or from the style that style is
based on. :class:`StyleSheet` answers those questions for a style id, once per
style, from ``word/styles.xml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, TypeVar

import regex

from .docx_xml import W, Element, is_on, w_val

__all__ = ["ParagraphStyle", "StyleSheet", "heading_level", "numbering_level"]

T = TypeVar("T")

_HEADING_NAME = regex.compile(r"heading ([1-9])")
# "List Bullet 2" is the second nesting level. These built-in styles bullet or
# number their paragraphs, so they are lists even when the definition is lost.
_LIST_NAME = regex.compile(r"list (?:bullet|number)(?: ([2-9]))?")
_MAX_CHAIN = 20  # basedOn chains are short; this only stops a cycle
_BODY_TEXT_OUTLINE = 9  # outline level 9 is Word's "body text"


@dataclass(frozen=True)
class ParagraphStyle:
    """What a paragraph style says about its paragraphs.

    ``heading_level`` is 1-9 for heading styles ("Heading N", "Title", or any
    style with an outline level), else None. ``list_level`` is the nesting
    depth for styles that bullet or number their paragraphs, else None.
    ``bold`` is the style's run formatting (None when it does not say).
    """

    heading_level: int | None = None
    list_level: int | None = None
    bold: bool | None = None


def numbering_level(num_pr: Element) -> int | None:
    """The list level a ``w:numPr`` gives, or None when it switches numbering off.

    ``w:numId`` 0 is how Word removes the numbering a style would add.
    """
    if w_val(num_pr.find(W.num_id)) == "0":
        return None
    ilvl = w_val(num_pr.find(W.ilvl))
    return int(ilvl) if ilvl and ilvl.isdigit() else 0


def heading_level(p_pr: Element | None) -> int | None:
    """The heading level an outline level (``w:outlineLvl``) in ``p_pr`` gives, if any."""
    if p_pr is None:
        return None
    outline = w_val(p_pr.find(W.outline_lvl))
    if outline is None or not outline.isdigit() or int(outline) >= _BODY_TEXT_OUTLINE:
        return None
    return int(outline) + 1


class StyleSheet:
    """Style lookups for one document; an unknown paragraph style id means the default style."""

    def __init__(self, styles: Element | None) -> None:
        self._styles: dict[str, Element] = {}
        self._default_paragraph: str | None = None
        self._paragraph_cache: dict[str | None, ParagraphStyle] = {}
        self._character_cache: dict[str | None, bool | None] = {}
        self.default_bold = False
        if styles is None:
            return
        for style in styles.iter(W.style):
            style_id = style.get(W.style_id)
            if style_id is None:
                continue
            self._styles.setdefault(style_id, style)
            if style.get(W.type) == "paragraph" and style.get(W.default) in ("1", "true", "on"):
                self._default_paragraph = style_id
        defaults = styles.find(f"{W.doc_defaults}/{W.rpr_default}/{W.rPr}")
        self.default_bold = bool(_bold_of(defaults))

    def paragraph_style(self, style_id: str | None) -> ParagraphStyle:
        """The resolved :class:`ParagraphStyle` for a ``w:pStyle`` value."""
        if style_id not in self._paragraph_cache:
            chain = self._chain(style_id if style_id in self._styles else self._default_paragraph)
            self._paragraph_cache[style_id] = ParagraphStyle(
                heading_level=_first(_style_heading_level(style) for style in chain),
                list_level=_list_level(chain),
                bold=_first(_bold_of(style.find(W.rPr)) for style in chain),
            )
        return self._paragraph_cache[style_id]

    def character_bold(self, style_id: str | None) -> bool | None:
        """Whether a character style (``w:rStyle``) makes its runs bold; None if it does not say."""
        if style_id not in self._character_cache:
            chain = self._chain(style_id)
            self._character_cache[style_id] = _first(_bold_of(style.find(W.rPr)) for style in chain)
        return self._character_cache[style_id]

    def _chain(self, style_id: str | None) -> list[Element]:
        """The style and the styles it is based on, nearest first."""
        chain: list[Element] = []
        while style_id is not None and style_id in self._styles and len(chain) < _MAX_CHAIN:
            style = self._styles[style_id]
            if any(style is seen for seen in chain):
                break
            chain.append(style)
            style_id = w_val(style.find(W.based_on))
        return chain


def _first(values: Iterable[T | None]) -> T | None:
    """The first value that is not None: the nearest style in a chain that says something."""
    for value in values:
        if value is not None:
            return value
    return None


def _style_name(style: Element) -> str:
    return (w_val(style.find(W.name)) or "").strip().lower()


def _style_heading_level(style: Element) -> int | None:
    name = _style_name(style)
    match = _HEADING_NAME.fullmatch(name)
    if match:
        return int(match.group(1))
    if name == "title":
        return 1
    return heading_level(style.find(W.pPr))


def _list_level(chain: list[Element]) -> int | None:
    """The list level the nearest style that speaks about numbering gives (None: not a list).

    A style's ``w:numPr`` decides, even when it switches numbering off; a
    "List Bullet 2" style usually points at level 0 of its own numbering, so
    its name gives the depth.
    """
    for style in chain:
        p_pr = style.find(W.pPr)
        num_pr = None if p_pr is None else p_pr.find(W.num_pr)
        match = _LIST_NAME.fullmatch(_style_name(style))
        named = None if match is None else int(match.group(1) or 1) - 1
        if num_pr is not None:
            level = numbering_level(num_pr)
            return level if level is None or named is None else max(level, named)
        if named is not None:
            return named
    return None


def _bold_of(r_pr: Element | None) -> bool | None:
    """Bold as ``r_pr`` sets it: True, False, or None when it does not say."""
    if r_pr is None:
        return None
    bold = r_pr.find(W.bold)
    return None if bold is None else is_on(bold)
