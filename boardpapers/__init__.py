"""boardpapers: the papers of public boards and committees as structured data.

>>> import boardpapers
>>> result = boardpapers.parse("minutes.pdf")
>>> [m.date for m in result.meetings]
"""

from __future__ import annotations

from .api import parse
from .document import Block, Cell, Document
from .errors import (
    BoardpapersError,
    ConverterMissing,
    CorruptFile,
    EmptyFile,
    EncodingError,
    EncryptedFile,
    FileMissing,
    IngestError,
    ScannedDocument,
    UndecodableText,
    UnsupportedFormat,
)
from .ingest import load
from .records import (
    Action,
    AgendaItem,
    Attendance,
    Meeting,
    Paper,
    ParseResult,
    Resolution,
    Source,
    Statistic,
)

__all__ = [
    "Action",
    "AgendaItem",
    "Attendance",
    "Block",
    "BoardpapersError",
    "Cell",
    "ConverterMissing",
    "CorruptFile",
    "Document",
    "EmptyFile",
    "EncodingError",
    "EncryptedFile",
    "FileMissing",
    "IngestError",
    "Meeting",
    "Paper",
    "ParseResult",
    "Resolution",
    "ScannedDocument",
    "Source",
    "Statistic",
    "UndecodableText",
    "UnsupportedFormat",
    "load",
    "parse",
]

__version__ = "0.1.0"
