"""WordprocessingML tag names and the small XML helpers every DOCX module shares.

The DOCX reader walks ``word/document.xml`` itself instead of using
python-docx's proxies, because the proxies skip content Word files really
hold: paragraphs inside content controls (``w:sdt``), runs inside simple
fields and tracked insertions, and text boxes.
"""

from __future__ import annotations

from typing import Iterator, TypeAlias

from docx.oxml.ns import qn
from lxml import etree

__all__ = ["Element", "W", "content_children", "is_on", "w_val"]

Element: TypeAlias = etree._Element


class W:
    """Qualified tag and attribute names used by the DOCX helpers."""

    body = qn("w:body")
    p = qn("w:p")
    tbl = qn("w:tbl")
    tr = qn("w:tr")
    tc = qn("w:tc")
    r = qn("w:r")
    t = qn("w:t")
    tab = qn("w:tab")
    ptab = qn("w:ptab")
    br = qn("w:br")
    cr = qn("w:cr")
    no_break_hyphen = qn("w:noBreakHyphen")
    last_rendered_page_break = qn("w:lastRenderedPageBreak")
    txbx_content = qn("w:txbxContent")
    pPr = qn("w:pPr")
    rPr = qn("w:rPr")
    trPr = qn("w:trPr")
    tcPr = qn("w:tcPr")
    sdt = qn("w:sdt")
    sdtPr = qn("w:sdtPr")
    sdt_content = qn("w:sdtContent")
    custom_xml = qn("w:customXml")
    deleted = qn("w:del")
    move_from = qn("w:moveFrom")
    p_style = qn("w:pStyle")
    r_style = qn("w:rStyle")
    num_pr = qn("w:numPr")
    num_id = qn("w:numId")
    ilvl = qn("w:ilvl")
    outline_lvl = qn("w:outlineLvl")
    bold = qn("w:b")
    page_break_before = qn("w:pageBreakBefore")
    sect_pr = qn("w:sectPr")
    grid_span = qn("w:gridSpan")
    v_merge = qn("w:vMerge")
    grid_before = qn("w:gridBefore")
    tbl_header = qn("w:tblHeader")
    style = qn("w:style")
    name = qn("w:name")
    based_on = qn("w:basedOn")
    doc_defaults = qn("w:docDefaults")
    rpr_default = qn("w:rPrDefault")
    val = qn("w:val")
    type = qn("w:type")
    style_id = qn("w:styleId")
    default = qn("w:default")
    # python-docx has no "mc" prefix: markup compatibility wraps a choice and its fallback copy.
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


# Elements that only wrap content (content controls, custom XML): their children
# belong to the parent, so a paragraph inside a ``w:sdt`` is still a body paragraph.
_WRAPPERS = {W.sdt, W.sdt_content, W.custom_xml}


def content_children(parent: Element, wanted: frozenset[str]) -> Iterator[Element]:
    """The children of ``parent`` whose tag is in ``wanted``, looking through wrappers."""
    for child in parent:
        if child.tag in wanted:
            yield child
        elif child.tag in _WRAPPERS:
            yield from content_children(child, wanted)


def w_val(element: Element | None) -> str | None:
    """The ``w:val`` attribute of ``element`` (None when there is no element)."""
    return None if element is None else element.get(W.val)


def is_on(element: Element) -> bool:
    """Read an OOXML on/off property: present means on unless ``w:val`` says off."""
    return w_val(element) not in ("0", "false", "off")
