"""Ingest: one file in, one :class:`~boardpapers.document.Document` out.

The entry point is :func:`load`. It checks the file exists and is not empty,
decides the type from the bytes, and hands the bytes to the reader for that
type. Readers raise the :mod:`boardpapers.errors` subclasses, never a library's
own exception, so callers catch one thing.
"""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import EmptyFile, FileMissing, UnsupportedFormat
from .detect import detect_type

__all__ = ["load", "detect_type"]

_HEAD_BYTES = 8192


def load(path: str | Path, *, password: str | None = None) -> Document:
    """Read the file at ``path`` into a Document (PDF, DOCX, legacy DOC, HTML, Markdown, text)."""
    file_path = Path(path)
    if not file_path.is_file():
        raise FileMissing(file_path)
    with open(file_path, "rb") as handle:
        head = handle.read(_HEAD_BYTES)
    if b"%PDF-" in head[:1024]:
        # A PDF is read from disk page by page; holding its bytes would make memory grow with its size.
        from .pdf import read_pdf

        return read_pdf(file_path, password=password)
    data = file_path.read_bytes()
    if not data or data.isspace():
        raise EmptyFile(file_path)
    file_type = detect_type(data)
    if file_type == "docx":
        from .docx import read_docx

        return read_docx(file_path, data)
    if file_type == "doc":
        from .legacy_doc import read_doc

        return read_doc(file_path, data)
    if file_type == "text":
        from .text import read_text

        return read_text(file_path, data)
    raise UnsupportedFormat(file_path, f"content starts with {data[:8]!r}")
