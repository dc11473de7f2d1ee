"""HTML (whole pages or the raw-HTML body of a Markdown post) into block drafts.

Built on the standard library's ``html.parser`` so no extra dependency is
needed: headings, paragraphs, list items (nesting kept as level) and tables
(``<th>``/``<thead>`` rows as header, nested tables flattened into their cell).
A paragraph whose whole text is bold and short is a heading, as in the
papers Word exports to HTML.
"""

from __future__ import annotations

from html.parser import HTMLParser

import regex

from ..document import BlockDraft, clean_line

__all__ = ["html_drafts", "looks_like_html"]

_BLOCK_TAG = regex.compile(r"<(?:p|table|h[1-6]|div|ul|ol|li|html|body|br)\b", regex.I)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document rather than text with stray tags."""
    if regex.search(r"<(?:html|body)\b", text[:2000], regex.I):
        return True
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines or len(_BLOCK_TAG.findall(text)) < 3:
        return False
    tag_lines = sum(1 for line in lines if line.lstrip().startswith("<"))
    return tag_lines >= 0.3 * len(lines)


_SKIP = {"script", "style", "head", "title"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd"}
_BOLD = {"b", "strong"}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.drafts: list[BlockDraft] = []
        self.skip = 0
        self.text: list[str] = []
        self.bold_text: list[str] = []
        self.bold = 0
        self.block_tag = "p"
        self.list_depth = 0
        # A stack of tables being read: each is [rows, current row, current cell parts, header rows].
        self.tables: list[dict] = []

    # text collection -------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.tables and self.tables[-1]["cell"] is not None:
            self.tables[-1]["cell"].append(data)
            return
        self.text.append(data)
        if self.bold:
            self.bold_text.append(data)

    def flush(self) -> None:
        text = clean_line("".join(self.text))
        bold = clean_line("".join(self.bold_text))
        self.text, self.bold_text = [], []
        if not text:
            return
        tag = self.block_tag
        if tag.startswith("h") and len(tag) == 2:
            self.drafts.append(BlockDraft("heading", text, level=int(tag[1])))
        elif tag == "li":
            self.drafts.append(BlockDraft("list_item", text, level=max(0, self.list_depth - 1)))
        elif bold == text and len(text) <= 120:
            self.drafts.append(BlockDraft("heading", text, level=3))
        else:
            self.drafts.append(BlockDraft("paragraph", text))

    # structure -------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.tables and self.tables[-1]["cell"] is not None:
            if tag == "table":  # a table inside a cell: its text joins the cell
                self.tables[-1]["nested"] += 1
            elif tag in _BLOCKS or tag in {"br", "tr"}:
                self.tables[-1]["cell"].append(" ")
            return
        if tag == "table":
            self.flush()
            self.tables.append({"rows": [], "row": None, "cell": None, "header": 0, "nested": 0, "in_head": False})
        elif tag in {"ul", "ol"}:
            self.flush()
            self.list_depth += 1
        elif tag in _BLOCKS:
            self.flush()
            self.block_tag = tag
        elif tag == "br":
            self.text.append(" ")
        elif tag in _BOLD:
            self.bold += 1
        if self.tables:
            self._table_start(tag)

    def _table_start(self, tag: str) -> None:
        table = self.tables[-1]
        if tag == "thead":
            table["in_head"] = True
        elif tag == "tr":
            table["row"] = []
            table["row_is_header"] = table["in_head"]
        elif tag in {"td", "th"} and table["row"] is not None:
            table["cell"] = []
            if tag == "th":
                table["row_is_header"] = table.get("row_is_header", False) or not table["rows"]

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.tables:
            table = self.tables[-1]
            if table["nested"]:
                if tag == "table":
                    table["nested"] -= 1
                return
            if tag in {"td", "th"} and table["cell"] is not None:
                table["row"].append(clean_line("".join(table["cell"])))
                table["cell"] = None
                return
            if tag == "tr" and table["row"] is not None:
                if table["row"]:
                    table["rows"].append(table["row"])
                    if table.get("row_is_header") and len(table["rows"]) == table["header"] + 1:
                        table["header"] += 1
                table["row"] = None
                return
            if tag == "thead":
                table["in_head"] = False
                return
            if tag == "table":
                self.tables.pop()
                self.drafts.append(BlockDraft("table", rows=table["rows"], header_rows=table["header"]))
                return
            if table["cell"] is not None:
                return
        if tag in {"ul", "ol"}:
            self.flush()
            self.list_depth = max(0, self.list_depth - 1)
        elif tag in _BLOCKS:
            self.flush()
            self.block_tag = "li" if self.list_depth else "p"
        elif tag in _BOLD:
            self.bold = max(0, self.bold - 1)


def html_drafts(text: str) -> list[BlockDraft]:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.drafts
