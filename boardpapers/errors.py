"""The one exception tree of boardpapers.

Every error a user can meet names the file and the problem, so a batch
import can record it and go on::

    BoardpapersError
     ├── IngestError                 a file could not be read into a document
     │    ├── FileMissing            no file at that path
     │    ├── EmptyFile              zero bytes, or no text at all
     │    ├── UnsupportedFormat      not a PDF, DOCX, DOC, HTML or text file
     │    ├── CorruptFile            damaged or truncated PDF/DOCX
     │    ├── EncryptedFile          a PDF that needs a password (pass ``password=``)
     │    ├── UndecodableText        a text layer of ``(cid:NN)`` glyphs or garbage
     │    ├── ScannedDocument        pages with no text layer; OCR is not supported
     │    ├── EncodingError          a text file in no encoding we can read
     │    └── ConverterMissing       a legacy .doc and no LibreOffice to convert it
     └── StoreError                  the archive database cannot do what was asked
          ├── NotAnArchive           a SQLite file that is not a boardpapers archive
          ├── SchemaTooNew           an archive written by a newer boardpapers
          └── SearchQueryError       a full-text query that SQLite cannot parse
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "BoardpapersError",
    "ConverterMissing",
    "CorruptFile",
    "EmptyFile",
    "EncodingError",
    "EncryptedFile",
    "FileMissing",
    "IngestError",
    "NotAnArchive",
    "ScannedDocument",
    "SchemaTooNew",
    "SearchQueryError",
    "StoreError",
    "UndecodableText",
    "UnsupportedFormat",
]


class BoardpapersError(Exception):
    """Base of every error boardpapers raises on purpose."""


class IngestError(BoardpapersError):
    """A file could not be read into a document.

    ``str(error)`` is one line: ``"<path>: <problem>"``.
    """

    problem = "could not be read"

    def __init__(self, path: str | Path, detail: str | None = None) -> None:
        self.path = str(path)
        self.detail = detail
        message = f"{self.path}: {self.problem}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class FileMissing(IngestError):
    problem = "no such file"


class EmptyFile(IngestError):
    problem = "the file is empty"


class UnsupportedFormat(IngestError):
    problem = "unsupported file type (expected PDF, DOCX, DOC, HTML, Markdown or text)"


class CorruptFile(IngestError):
    problem = "the file is corrupt or truncated"


class EncryptedFile(IngestError):
    problem = "the PDF is encrypted; pass password= (CLI: --password) to open it"


class UndecodableText(IngestError):
    problem = "the PDF's text layer cannot be decoded (fonts without a Unicode map)"


class ScannedDocument(IngestError):
    problem = "the PDF has no text layer (a scan?); OCR is not supported"


class EncodingError(IngestError):
    problem = "the text is in an encoding that cannot be read (tried UTF-8 and cp1252)"


class ConverterMissing(IngestError):
    problem = (
        "legacy Word .doc files need LibreOffice to convert them: install it "
        "(Debian: apt-get install libreoffice-writer) so that 'soffice' is on PATH"
    )


class StoreError(BoardpapersError):
    """The archive database cannot do what was asked; the message names the database or the query."""


class NotAnArchive(StoreError):
    """The file is a SQLite database (or not even that) holding tables of something else.

    Refusing it keeps an import from adding our tables to somebody else's database.
    """


class SchemaTooNew(StoreError):
    """The archive was written by a newer boardpapers, whose tables this version cannot read safely."""


class SearchQueryError(StoreError):
    """A full-text search query that SQLite's FTS5 cannot parse (unbalanced quotes, a stray operator)."""
