"""Decide a file's type from its bytes, not its name.

Council archives are full of misnamed files (``minutes.pdf`` that is a Word
file, ``.md`` posts that are HTML), so the extension is only a tie-breaker.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

FileType = Literal["pdf", "docx", "doc", "text", "unknown"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_type(data: bytes) -> FileType:
    """Return the file type of ``data`` judged by its content."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if _is_word_zip(data) else "unknown"
    if data.startswith(_OLE_MAGIC):
        return "doc"
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "unknown"
    return "text"


def _is_word_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        # A truncated DOCX still starts like a zip; let the DOCX reader say it is corrupt.
        return True
