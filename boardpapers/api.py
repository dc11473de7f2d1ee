"""The one obvious door: ``parse(path)`` reads a file and returns every record in it.

Parsing is a pure function of one file (and its password): it reads nothing
else and writes nothing, which is what lets an archive import map it over a
process pool, or a distributed engine map it over a cluster.
"""

from __future__ import annotations

from pathlib import Path

from .extract.actions import extract_actions
from .extract.agenda import extract_agenda_items
from .extract.attendance import extract_attendance
from .extract.meetings import extract_meetings, meeting_id
from .extract.resolutions import extract_resolutions
from .extract.statistics import extract_statistics
from .ingest import load
from .records import Action, AgendaItem, Attendance, Meeting, Paper, ParseResult, Resolution, Warning
from .segment.papers import split_papers

__all__ = ["parse"]


def _record_papers(papers: list[Paper]) -> list[Paper]:
    """The papers records are read from: every paper but a pack (its parts are read instead)."""
    return [paper for paper in papers if paper.kind != "pack"]


def _meeting_of(paper: Paper, meetings: dict[str, Meeting]) -> Meeting | None:
    if paper.meeting_date is None:
        return None
    return meetings.get(meeting_id(paper.body, paper.meeting_date))


def parse(path: str | Path, *, password: str | None = None) -> ParseResult:
    """Read one board paper (PDF, DOCX, DOC, HTML, Markdown or text) into records.

    Raises a :class:`~boardpapers.errors.IngestError` subclass naming the file
    and the problem when the file cannot be read.
    """
    document = load(path, password=password)
    papers = split_papers(document)
    meetings = extract_meetings(papers)
    by_id = {meeting.id: meeting for meeting in meetings}
    attendance: list[Attendance] = []
    agenda_items: list[AgendaItem] = []
    with_meeting = [(paper, meeting) for paper in _record_papers(papers) if (meeting := _meeting_of(paper, by_id))]
    for paper, meeting in with_meeting:
        attendance.extend(extract_attendance(paper, meeting))
        agenda_items.extend(extract_agenda_items(paper, meeting))
    resolutions: list[Resolution] = []
    actions: list[Action] = []
    warnings = [Warning(papers[0].id, message) for message in document.warnings]
    for paper, meeting in with_meeting:
        # Owners and items are looked up across the file: a pack's action log names the people its minutes list.
        people = [record for record in attendance if record.meeting == meeting.id]
        decided = extract_resolutions(paper, meeting, agenda_items)
        clauses = [(r.source.start, r.source.end) for r in decided if r.kind == "resolved"]
        found, problems = extract_actions(paper, meeting, attendance=people, items=agenda_items, clauses=clauses)
        resolutions.extend(decided)
        actions.extend(found)
        warnings.extend(Warning(paper.id, message) for message in problems)
    return ParseResult(
        papers=tuple(papers),
        meetings=tuple(meetings),
        attendance=tuple(attendance),
        agenda_items=tuple(agenda_items),
        resolutions=tuple(resolutions),
        actions=tuple(actions),
        # Statistics need no meeting: every paper's figures count, a strategy's as much as a report's.
        statistics=tuple(stat for paper in _record_papers(papers) for stat in extract_statistics(paper)),
        warnings=tuple(warnings),
    )
