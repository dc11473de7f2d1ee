"""One meeting per board and date, however the board's papers name it.

Papers of one board name it with and without its place ("Eastbrook Community
Safety Partnership Board" in the action log, "Community Safety Partnership
Board" in the minutes). A meeting's id is made from the name one file gives
(``parse`` reads one file and knows no other), so the archive can hold two
``meetings`` rows for one meeting. The rows stay as parsed (each record's
``meeting`` says which paper named it how); relink writes each row's
``canonical`` id (:func:`write_canonical`: the board under the name tracking
uses, :func:`~boardpapers.link.actions.canonical_meeting`), and reads merge
the rows of one canonical id into one :class:`~boardpapers.records.Meeting`
(:func:`read_meetings`) and take any of its ids (:data:`SAME_MEETING`).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import fields

from ..link.people import body_aliases, canonical_meeting
from ..records import Meeting
from .rows import from_row

__all__ = [
    "CANONICAL",
    "CANONICAL_MEETING",
    "SAME_MEETING",
    "canonical_ids",
    "meeting_dates",
    "merge_rows",
    "read_meetings",
    "write_canonical",
]

# The key exports add to each record of a meeting: the merged meeting's id.
CANONICAL_MEETING = "canonical_meeting"

# A row not relinked yet (written by an import still running) is its own meeting.
CANONICAL = "coalesce(canonical, id)"

# The canonical id of the meeting the parameter ``:meeting`` names by any of its ids.
_NAMED = "coalesce((SELECT canonical FROM meetings WHERE id = :meeting), :meeting)"

# SQL true for records whose ``meeting`` is any id of the meeting ``:meeting`` names.
SAME_MEETING = f"meeting IN (SELECT id FROM meetings WHERE {CANONICAL} = {_NAMED})"

_FILLED = tuple(f.name for f in fields(Meeting) if f.name not in ("id", "papers"))


def write_canonical(connection: sqlite3.Connection) -> None:
    """Give every ``meetings`` row its canonical id; runs at relink, as a later import can bring the other name."""
    ids = [row[0] for row in connection.execute("SELECT id FROM meetings")]
    aliases = body_aliases(ids)
    canonical = {meeting: canonical_meeting(meeting, aliases) for meeting in ids}
    connection.executemany(
        "UPDATE meetings SET canonical = :canonical WHERE id = :id AND canonical IS NOT :canonical",
        [{"id": meeting, "canonical": merged} for meeting, merged in canonical.items()],
    )


def canonical_ids(connection: sqlite3.Connection) -> dict[str, str]:
    """``{meeting id: canonical id}`` for every meeting row."""
    return {row[0]: row[1] for row in connection.execute(f"SELECT id, {CANONICAL} FROM meetings")}


def meeting_dates(connection: sqlite3.Connection) -> list[Meeting]:
    """Every meeting row known by its id and date only, in date order: all that "at the next meeting"
    deadlines read (:func:`~boardpapers.link.actions.outstanding`), at a tenth of the cost of merged meetings."""
    rows = connection.execute("SELECT id, date FROM meetings ORDER BY date, id")
    return [Meeting(id=row[0], body=None, date=row[1], start_time=None, end_time=None, venue=None, chair=None) for row in rows]


def merge_rows(canonical: str, rows: Sequence[Meeting]) -> Meeting:
    """One Meeting of the rows (Meetings as stored) sharing ``canonical``: its id is ``canonical``.

    On conflict the canonical id's own row wins (the name the board's papers
    share), then the other rows in id order; a field empty in the winner is
    filled from the next row that has it. ``papers`` lists every row's papers.
    """
    ordered = sorted(rows, key=lambda meeting: (meeting.id != canonical, meeting.id))
    filled = {name: next((getattr(m, name) for m in ordered if getattr(m, name) is not None), None) for name in _FILLED}
    papers = tuple(dict.fromkeys(paper for meeting in ordered for paper in meeting.papers))
    return Meeting(id=canonical, papers=papers, **filled)


def read_meetings(connection: sqlite3.Connection, *, body: str | None = None, meeting: str | None = None) -> list[Meeting]:
    """Merged meetings in date order: all, those with a row naming ``body``, or the one ``meeting`` (any of its ids)."""
    if meeting is not None:
        where, params = f"{CANONICAL} = {_NAMED}", {"meeting": meeting}
    elif body is not None:
        where, params = f"{CANONICAL} IN (SELECT {CANONICAL} FROM meetings WHERE body = :body)", {"body": body}
    else:
        where, params = "1", {}
    groups: dict[str, list[Meeting]] = defaultdict(list)
    for row in connection.execute(f"SELECT *, {CANONICAL} AS merged_id FROM meetings WHERE {where}", params):
        groups[row["merged_id"]].append(from_row(Meeting, row))
    merged = [merge_rows(canonical, rows) for canonical, rows in groups.items()]
    return sorted(merged, key=lambda m: (m.date or "", m.id))
