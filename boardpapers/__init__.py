"""boardpapers: the papers of public boards and committees as structured data.

>>> import boardpapers
>>> result = boardpapers.parse("minutes.pdf")
>>> [m.date for m in result.meetings]
>>> with boardpapers.Archive("board.db") as archive:
...     archive.import_path("papers/")
...     still_open = archive.outstanding(as_of="2016-06-30")
...     burglary = boardpapers.figures(archive, "residential burglary", since=2013)
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
    NotAnArchive,
    ScannedDocument,
    SchemaTooNew,
    SearchQueryError,
    StoreError,
    UndecodableText,
    UnsupportedFormat,
)
from .ingest import load
from .link import AttendanceHistory, Outstanding, Person, Sighting, StatusChange, TrackedAction
from .link.figures import Figure
from .query import figures
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
from .store import Archive, ImportFailure, ImportReport, Records, SearchHit

__all__ = [
    "Action",
    "AgendaItem",
    "Archive",
    "Attendance",
    "AttendanceHistory",
    "Block",
    "BoardpapersError",
    "Cell",
    "ConverterMissing",
    "CorruptFile",
    "Document",
    "EmptyFile",
    "EncodingError",
    "EncryptedFile",
    "Figure",
    "FileMissing",
    "ImportFailure",
    "ImportReport",
    "IngestError",
    "Meeting",
    "NotAnArchive",
    "Outstanding",
    "Paper",
    "ParseResult",
    "Person",
    "Records",
    "Resolution",
    "ScannedDocument",
    "SchemaTooNew",
    "SearchHit",
    "SearchQueryError",
    "Sighting",
    "Source",
    "Statistic",
    "StatusChange",
    "StoreError",
    "TrackedAction",
    "UndecodableText",
    "UnsupportedFormat",
    "figures",
    "load",
    "parse",
]

__version__ = "0.1.0"
