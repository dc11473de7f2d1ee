"""The document model every reader produces and every later stage reads.

A reader (PDF, DOCX, text) only decides *what the blocks are*: it emits
:class:`BlockDraft` objects in reading order. :func:`assemble` then lays them
out into one clean text and gives each block its character span, the same way
for every format. That single layout step is what makes a paper read from its
PDF, its DOCX and its text give the same ``text`` and the same blocks.

Layout of ``Document.text``: blocks are separated by a blank line; a table is
its rows separated by newlines and its cells by tabs; every block's text and
every cell's text is on one line with whitespace collapsed. Tables are only
tables: their text is never repeated as prose.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Literal

import regex

__all__ = ["Block", "BlockDraft", "BlockKind", "Cell", "Document", "assemble", "build_document", "clean_line", "file_sha256"]

BlockKind = Literal["heading", "paragraph", "list_item", "table"]
BLOCK_SEPARATOR = "\n\n"

_SPACES = regex.compile(r"[\s\u00a0\u200b\ufeff]+")


def clean_line(text: str) -> str:
    """Collapse every run of whitespace (newlines, tabs, no-break spaces) to one space."""
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its clean text and its span in ``Document.text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """One heading, paragraph, list item or table, with where it sits.

    ``page`` is 1-based (None for text files without page breaks). ``level``
    is the heading level (1 is the largest) or the list nesting depth (0 for
    a top-level item). A table's ``rows`` hold its cells; the first
    ``header_rows`` rows are the header.
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    page: int | None
    level: int = 0
    rows: tuple[tuple[Cell, ...], ...] = ()
    header_rows: int = 0

    def cell_texts(self) -> list[list[str]]:
        return [[cell.text for cell in row] for row in self.rows]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "page": self.page,
            "start": self.start,
            "end": self.end,
        }
        if self.kind == "heading" or self.kind == "list_item":
            out["level"] = self.level
        if self.kind == "table":
            out["rows"] = self.cell_texts()
            out["header_rows"] = self.header_rows
        return out


@dataclass
class BlockDraft:
    """A block as a reader found it, before layout gives it offsets.

    For a table, ``rows`` holds the cell strings and ``text`` is ignored.
    """

    kind: BlockKind
    text: str = ""
    page: int | None = None
    level: int = 0
    rows: list[list[str]] | None = None
    header_rows: int = 0


@dataclass(frozen=True)
class Document:
    """One file as read: its clean text, its blocks and where it came from.

    ``sha256`` is the hash of the file's bytes, the root of every stable id.
    ``warnings`` are problems worth telling the user that did not stop the read.
    """

    path: str
    format: Literal["pdf", "docx", "text"]
    text: str
    blocks: tuple[Block, ...]
    pages: int | None
    sha256: str
    warnings: tuple[str, ...] = field(default=())


def _clean_rows(rows: Iterable[Iterable[str]]) -> list[list[str]]:
    cleaned = [[clean_line(cell or "").replace("\t", " ") for cell in row] for row in rows]
    cleaned = [row for row in cleaned if any(row)]
    if not cleaned:
        return []
    # Trailing empty columns are layout, not content.
    width = max(len(row) for row in cleaned)
    while width > 1 and all(len(row) < width or not row[width - 1] for row in cleaned):
        width -= 1
    return [row[:width] + [""] * (width - len(row[:width])) for row in cleaned]


def assemble(drafts: Iterable[BlockDraft]) -> tuple[str, tuple[Block, ...]]:
    """Lay drafts out into one text and blocks with spans; empty drafts are dropped."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for draft in drafts:
        if draft.kind == "table":
            rows = _clean_rows(draft.rows or [])
            if not rows:
                continue
            if offset:
                parts.append(BLOCK_SEPARATOR)
                offset += len(BLOCK_SEPARATOR)
            start = offset
            cell_rows: list[tuple[Cell, ...]] = []
            row_texts: list[str] = []
            for row_index, row in enumerate(rows):
                if row_index:
                    offset += 1  # the newline between rows
                cells = []
                for cell_index, cell_text in enumerate(row):
                    if cell_index:
                        offset += 1  # the tab between cells
                    cells.append(Cell(cell_text, offset, offset + len(cell_text)))
                    offset += len(cell_text)
                cell_rows.append(tuple(cells))
                row_texts.append("\t".join(row))
            table_text = "\n".join(row_texts)
            parts.append(table_text)
            header_rows = max(0, min(draft.header_rows, len(rows)))
            blocks.append(
                Block("table", table_text, start, offset, draft.page, draft.level, tuple(cell_rows), header_rows)
            )
            continue
        text = clean_line(draft.text)
        if not text:
            continue
        if offset:
            parts.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        parts.append(text)
        blocks.append(Block(draft.kind, text, offset, offset + len(text), draft.page, draft.level))
        offset += len(text)
    return "".join(parts), tuple(blocks)


def build_document(
    path: str,
    fmt: Literal["pdf", "docx", "text"],
    sha256: str,
    drafts: Iterable[BlockDraft],
    pages: int | None,
    warnings: Iterable[str] = (),
) -> Document:
    """Assemble drafts into a :class:`Document` for the file whose content hash is ``sha256``."""
    text, blocks = assemble(drafts)
    return Document(
        path=path,
        format=fmt,
        text=text,
        blocks=blocks,
        pages=pages,
        sha256=sha256,
        warnings=tuple(warnings),
    )


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file, read in chunks so a large PDF is never held whole."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
