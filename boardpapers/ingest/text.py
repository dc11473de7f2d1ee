"""Plain text, Markdown and HTML files into a Document.

Three shapes of text reach us: converter output (one paragraph a line,
tab-separated table rows, inline HTML and Markdown leftovers), hard-wrapped
plain text (fixed-width minutes), and HTML (with or without YAML front
matter). Each is turned into the same block drafts the PDF and DOCX readers
produce. Form feeds, where present, are page breaks.
"""

from __future__ import annotations

import hashlib

from pathlib import Path

import regex

from ..document import BlockDraft, Document, build_document, clean_line
from ..errors import EmptyFile, EncodingError
from .front_matter import split_front_matter
from .html_blocks import html_drafts, looks_like_html
from .markup import is_emphasised, strip_inline

__all__ = ["decode", "read_text", "text_drafts"]


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise EncodingError(path, str(error)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise EncodingError(path, f"byte {data[error.start]:#04x} at offset {error.start}") from None


def read_text(path: Path, data: bytes) -> Document:
    text = decode(path, data).replace("\r\n", "\n").replace("\r", "\n")
    title, body = split_front_matter(text)
    pages = body.split("\f")
    drafts: list[BlockDraft] = [BlockDraft("heading", title, level=1)] if title else []
    for number, page_text in enumerate(pages, start=1):
        page = number if len(pages) > 1 else None
        page_drafts = html_drafts(page_text) if looks_like_html(page_text) else text_drafts(page_text)
        for draft in page_drafts:
            draft.page = page
            drafts.append(draft)
    document = build_document(str(path), "text", hashlib.sha256(data).hexdigest(), drafts, len(pages) if len(pages) > 1 else None)
    if not document.blocks:
        raise EmptyFile(path, "no text in it")
    return document


_MD_HEADING = regex.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = regex.compile(r"^\s{0,3}(=+|-+)\s*$")
_BULLET = regex.compile(r"^(\s*)(?:[-*+•·▪‣◦●■□✓➢►]|\uf0b7|\uf0a7)\s+(.*)$")
_NUMBERED = regex.compile(r"^(\s*)((?:\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}\.\d{1,3}|\(?[a-z]\)|\(?[ivxlc]{1,5}\)|[a-z]\.)\s+.*)$")
_PIPE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_GLUED_BOLD = regex.compile(r"\*{4,}|(?<=[\w.)])\*\*(?=\w)")
_CONTINUES = regex.compile(r"(?:\b(?:the|of|and|to|a|an|in|for|on|with|by|at|from|or)|[-,–])\s*$", regex.I)
_SEPARATOR_LINE = regex.compile(r"^\s*(?:[-_*=]\s*){3,}$")


def _is_caps_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (
        len(letters) >= 3
        and len(line) <= 120
        and not any(c.islower() for c in letters)
        and not line.rstrip().endswith((",", ";"))
    )


def _is_wrapped(lines: list[str]) -> bool:
    """True for hard-wrapped text: many lines end near one fixed width."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 10:
        return False
    width = lengths[int(len(lengths) * 0.9)]
    if width > 110:
        return False
    near = sum(1 for n in lengths if n >= width * 0.8)
    return near >= len(lengths) * 0.25


def _split_glued_emphasis(lines: list[str]) -> list[str]:
    """Split "MEETING**BOARD****DATE AND TIME****" runs into separate lines."""
    out: list[str] = []
    for line in lines:
        if "****" in line:
            out.extend(part for part in _GLUED_BOLD.split(line))
        else:
            out.append(line)
    return out


def _join_open_emphasis(lines: list[str]) -> list[str]:
    """Join a line that opens ``**`` with the lines up to the one that closes it."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.count("**") % 2 == 1 and line.lstrip().startswith("**"):
            end = index + 1
            while end < len(lines) and end - index < 8 and lines[end].strip() and lines[end].count("**") % 2 == 0:
                end += 1
            if end < len(lines) and end - index < 8 and lines[end].count("**") % 2 == 1:
                out.append(" ".join(part.strip() for part in lines[index : end + 1]))
                index = end + 1
                continue
        out.append(line)
        index += 1
    return out


class _Builder:
    """Collects drafts, joining wrapped lines into the paragraph or item they belong to."""

    def __init__(self, wrapped: bool) -> None:
        self.wrapped = wrapped
        self.drafts: list[BlockDraft] = []
        self.open: BlockDraft | None = None  # a paragraph or list item that may continue
        self.open_raw = ""
        self.table: list[list[str]] | None = None
        self.table_header = 0

    def close(self) -> None:
        self.open = None
        if self.table is not None:
            self.drafts.append(BlockDraft("table", rows=self.table, header_rows=self.table_header))
            self.table = None
            self.table_header = 0

    def add(self, draft: BlockDraft, raw: str, may_continue: bool) -> None:
        self.close()
        self.drafts.append(draft)
        if may_continue:
            self.open, self.open_raw = draft, raw

    def continue_open(self, line: str) -> bool:
        if self.open is None:
            return False
        if self.wrapped or _CONTINUES.search(self.open_raw):
            self.open.text += " " + strip_inline(line.strip())
            self.open_raw = line
            return True
        return False

    def add_row(self, cells: list[str], header: bool = False) -> None:
        if self.table is None:
            self.close()
            self.table = []
        self.table.append([strip_inline(cell) for cell in cells])
        if header:
            self.table_header = len(self.table)


def _table_header_rows(rows: list[list[str]]) -> int:
    """One header row when the first row looks like column names rather than data."""
    if len(rows) < 2:
        return 0
    first = [cell for cell in rows[0] if cell.strip()]
    if len(first) < 2:
        return 0
    for cell in first:
        if len(cell) > 60 or cell.rstrip().endswith(":") or regex.fullmatch(r"[£$€]?[\d.,%\s-]+", cell):
            return 0
    return 1


def text_drafts(text: str) -> list[BlockDraft]:
    """Block drafts for converter output, Markdown or plain (possibly hard-wrapped) text."""
    lines = _join_open_emphasis(_split_glued_emphasis(text.split("\n")))
    builder = _Builder(_is_wrapped(lines))
    previous_text_line: str | None = None
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            builder.close()
            previous_text_line = None
            continue
        if "\t" in line and line.strip("\t ").strip():
            cells = line.split("\t")
            builder.add_row(cells)
            previous_text_line = None
            continue
        if _PIPE_ROW.match(line):
            if _PIPE_RULE.match(line):
                if builder.table is not None:
                    builder.table_header = len(builder.table)
                continue
            builder.add_row([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        if _PIPE_RULE.match(line) and builder.table is not None:
            continue
        setext = _SETEXT.match(line)
        if setext and previous_text_line is not None and builder.drafts and builder.drafts[-1].kind == "paragraph":
            builder.drafts[-1].kind = "heading"
            builder.drafts[-1].level = 1 if setext.group(1).startswith("=") else 2
            builder.close()
            previous_text_line = None
            continue
        if _SEPARATOR_LINE.match(line):
            builder.close()
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            builder.add(BlockDraft("heading", strip_inline(heading.group(2)), level=len(heading.group(1))), line, False)
            previous_text_line = None
            continue
        bullet = _BULLET.match(line)
        numbered = None if bullet else _NUMBERED.match(line)
        if bullet or numbered:
            match = bullet or numbered
            assert match is not None
            indent = len(match.group(1).expandtabs(4))
            content = strip_inline(match.group(2))
            if numbered and _is_caps_heading(content):
                builder.add(BlockDraft("heading", content, level=3), line, False)
            else:
                builder.add(BlockDraft("list_item", content, level=min(indent // 2, 4)), line, True)
            previous_text_line = None
            continue
        if builder.table is not None:
            builder.close()
        if builder.open is not None and builder.open.kind == "list_item" and raw.startswith((" ", "\t")):
            if builder.continue_open(line):
                continue
        if builder.continue_open(line):
            continue
        clean = strip_inline(line)
        if not clean_line(clean):
            continue
        short = len(clean_line(clean)) <= 120
        if short and (is_emphasised(line) or _is_caps_heading(clean)):
            builder.add(BlockDraft("heading", clean, level=3 if is_emphasised(line) else 2), line, False)
        else:
            builder.add(BlockDraft("paragraph", clean), line, True)
        previous_text_line = line
    builder.close()
    for draft in builder.drafts:
        if draft.kind == "table" and draft.rows is not None and not draft.header_rows:
            draft.header_rows = _table_header_rows(draft.rows)
    return builder.drafts
