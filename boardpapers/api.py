"""The one obvious door: ``parse(path)`` reads a file and returns every record in it.

Parsing is a pure function of one file (and its password): it reads nothing
else and writes nothing, which is what lets an archive import map it over a
process pool, or a distributed engine map it over a cluster.
"""

from __future__ import annotations

from pathlib import Path

from .extract.meetings import extract_meetings
from .ingest import load
from .records import ParseResult, Warning
from .segment.papers import split_papers

__all__ = ["parse"]


def parse(path: str | Path, *, password: str | None = None) -> ParseResult:
    """Read one board paper (PDF, DOCX, DOC, HTML, Markdown or text) into records.

    Raises a :class:`~boardpapers.errors.IngestError` subclass naming the file
    and the problem when the file cannot be read.
    """
    document = load(path, password=password)
    papers = split_papers(document)
    meetings = extract_meetings(papers)
    warnings = tuple(Warning(papers[0].id, message) for message in document.warnings)
    return ParseResult(papers=tuple(papers), meetings=tuple(meetings), warnings=warnings)
