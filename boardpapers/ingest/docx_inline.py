"""The text inside one Word paragraph, the page it starts on, and whether it is all bold.

A paragraph's words sit in ``w:t`` elements under runs, which may be nested
in hyperlinks, fields, content controls, tracked insertions and smart tags;
all of them are read. Deleted text, field codes and the fallback copy Word
keeps of every text box are not. Text boxes are handed back so the reader can
read them as blocks of their own.

Page breaks are counted as they are met: explicit ones (``w:br w:type="page"``,
page-break-before, section breaks) and the ones Word records where its own
layout broke the page (``w:lastRenderedPageBreak``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .docx_styles import StyleSheet
from .docx_xml import W, Element, is_on, w_val

__all__ = ["InlineText", "PageCounter", "read_inline"]

# Subtrees that hold no visible text of this paragraph.
_SKIP = frozenset({W.pPr, W.rPr, W.sdtPr, W.deleted, W.move_from, W.fallback})
_CHARACTERS = {W.tab: "\t", W.ptab: "\t", W.cr: "\n", W.no_break_hyphen: "-"}
_NON_PAGE_SECTIONS = ("continuous", "nextColumn")


@dataclass
class PageCounter:
    """The current page number, counting from 1.

    Word writes a ``w:lastRenderedPageBreak`` at the top of the page that an
    explicit break starts too, so a rendered break met before any text after
    an explicit one is the same break and is not counted again. A page number
    the author typed at the foot of a page ("Page 1 of 3") ends the page: the
    next text starts a new one, unless a break comes first and does it.
    """

    page: int = 1
    saw_rendered_break: bool = False
    _just_broke: bool = False
    _page_ended: bool = False

    def explicit_break(self) -> None:
        self.page += 1
        self._just_broke = True
        self._page_ended = False

    def rendered_break(self) -> None:
        self.saw_rendered_break = True
        if not self._just_broke:
            self.page += 1
            self._just_broke = True
        self._page_ended = False

    def end_of_page(self) -> None:
        self._page_ended = True

    def text(self) -> None:
        if self._page_ended:
            self.page += 1
            self._page_ended = False
        self._just_broke = False

    def state(self) -> PageCounter:
        """A copy to :meth:`resume` from later."""
        return replace(self)

    def resume(self, state: PageCounter) -> None:
        self.page, self._just_broke, self._page_ended = state.page, state._just_broke, state._page_ended


@dataclass
class InlineText:
    """What one paragraph holds.

    ``page`` is the page of its first visible character (None when it has
    none); ``bold`` is True when every run with visible text is bold;
    ``boxes`` are the ``w:txbxContent`` elements of text boxes anchored in it.
    """

    text: str = ""
    page: int | None = None
    bold: bool = True
    boxes: list[Element] = field(default_factory=list)


def read_inline(p: Element, styles: StyleSheet, pages: PageCounter) -> InlineText:
    """Read paragraph ``p``, counting the page breaks in it on ``pages``."""
    p_pr = p.find(W.pPr)
    if p_pr is not None:
        before = p_pr.find(W.page_break_before)
        if before is not None and is_on(before):
            pages.explicit_break()
    style = styles.paragraph_style(w_val(None if p_pr is None else p_pr.find(W.p_style)))
    paragraph_bold = style.bold if style.bold is not None else styles.default_bold
    reader = _InlineReader(styles, pages, paragraph_bold)
    reader.walk(p, paragraph_bold)
    if p_pr is not None and _breaks_page(p_pr.find(W.sect_pr)):
        pages.explicit_break()
    out = reader.out
    out.text = "".join(reader.parts)
    out.bold = out.bold and out.page is not None
    return out


def _breaks_page(sect_pr: Element | None) -> bool:
    """A section break in a paragraph starts a new page unless it is continuous."""
    if sect_pr is None:
        return False
    return w_val(sect_pr.find(W.type)) not in _NON_PAGE_SECTIONS


class _InlineReader:
    """One walk over a paragraph's descendants, in document order."""

    def __init__(self, styles: StyleSheet, pages: PageCounter, paragraph_bold: bool) -> None:
        self.styles = styles
        self.pages = pages
        self.paragraph_bold = paragraph_bold
        self.parts: list[str] = []
        self.out = InlineText()

    def walk(self, element: Element, bold: bool) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == W.t:
                self._text(child.text or "", bold)
            elif tag in _CHARACTERS:
                self.parts.append(_CHARACTERS[tag])
            elif tag == W.br:
                self._break(child)
            elif tag == W.last_rendered_page_break:
                self.pages.rendered_break()
            elif tag == W.txbx_content:
                self.out.boxes.append(child)
            elif tag == W.r:
                self.walk(child, self._run_bold(child))
            else:
                self.walk(child, bold)

    def _text(self, text: str, bold: bool) -> None:
        self.parts.append(text)
        if not text.strip():
            return
        self.pages.text()
        if self.out.page is None:
            self.out.page = self.pages.page
        self.out.bold = self.out.bold and bold

    def _break(self, br: Element) -> None:
        kind = br.get(W.type)
        if kind == "page":
            self.pages.explicit_break()
        self.parts.append(" " if kind == "column" else "\n")

    def _run_bold(self, run: Element) -> bool:
        """Direct formatting first, then the run's character style, then the paragraph's."""
        r_pr = run.find(W.rPr)
        if r_pr is not None:
            direct = r_pr.find(W.bold)
            if direct is not None:
                return is_on(direct)
            from_style = self.styles.character_bold(w_val(r_pr.find(W.r_style)))
            if from_style is not None:
                return from_style
        return self.paragraph_bold
