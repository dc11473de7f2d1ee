"""Relinking: rebuild the tables that join records across files (people, tracked actions).

Who is who, and which action in one meeting's log is the same as one raised
three meetings earlier, depend on many files, so they cannot be written file
by file. After an import, :func:`relink` gives each meeting row its
canonical id (:mod:`.meetings`), loads the archive's meetings, attendance,
agenda items, actions and papers, hands them to the pure linking functions
of :mod:`boardpapers.link`, and rewrites what they return. The caller runs
it in one transaction, so readers see the old links or the new ones.

People are linked across the whole archive every time (a person may sit on
several boards, and linking them all takes a fraction of a second):
``people``, ``person_names``, ``meeting_chairs``, ``initials_keys`` and
``attendance.person_id`` are rewritten whole. Tracking actions is what costs,
and a board's tracked actions depend only on that board's records and papers
and on the people its papers can mean
(:func:`~boardpapers.link.actions.split_boards`,
:func:`~boardpapers.link.actions.board_people`). So ``boards`` keeps, per
board, a digest of exactly those inputs, and an incremental relink
(``full=False``, what an import runs) recomputes ``action_items``,
``action_sightings`` and ``action_status`` only for the boards whose digest
changed: those whose papers an import added, changed or removed, a board a
new paper names under a second name (its key changes), and a board whose
people changed meaning (a new "Mr Taylor" elsewhere makes its "Mr Taylor"
ambiguous; a shared member's new variant or role). The result is the full
relink's, row for row; ``Archive.relink()`` still runs the full one.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version

from ..link.actions import BoardRecords, TrackedAction, board_people, split_boards, track_board
from ..link.people import People, link_people
from ..records import Action, AgendaItem, Attendance, Meeting, Paper
from .meetings import write_canonical
from .rows import from_row, to_row
from .write import insert_rows

__all__ = ["ArchiveRecords", "Relinked", "TRACKED_ELSEWHERE", "load_records", "relink"]

# TrackedAction fields kept in tables of their own (action_sightings, action_status), not in action_items.
TRACKED_ELSEWHERE = ("sightings", "history")


@dataclass(frozen=True)
class ArchiveRecords:
    """Everything the linkers read, with the row id of each attendance and action record and each
    action's file (same order)."""

    meetings: tuple[Meeting, ...]
    attendance: tuple[Attendance, ...]
    attendance_ids: tuple[int, ...]
    agenda_items: tuple[AgendaItem, ...]
    actions: tuple[Action, ...]
    action_ids: tuple[int, ...]
    action_files: tuple[str, ...]
    papers: tuple[Paper, ...]


@dataclass(frozen=True)
class Relinked:
    """What one relink did: the boards whose tracked actions it recomputed, and the rows it wrote of each table."""

    boards: tuple[str, ...]
    counts: Counter[str]


def load_records(connection: sqlite3.Connection) -> ArchiveRecords:
    def rows(sql: str) -> list[sqlite3.Row]:
        return connection.execute(sql).fetchall()

    attendance = rows("SELECT * FROM attendance ORDER BY id")
    actions = rows("SELECT * FROM actions ORDER BY id")
    return ArchiveRecords(
        meetings=tuple(from_row(Meeting, r) for r in rows("SELECT * FROM meetings ORDER BY date, id")),
        attendance=tuple(from_row(Attendance, r) for r in attendance),
        attendance_ids=tuple(r["id"] for r in attendance),
        agenda_items=tuple(from_row(AgendaItem, r) for r in rows("SELECT * FROM agenda_items ORDER BY id")),
        actions=tuple(from_row(Action, r) for r in actions),
        action_ids=tuple(r["id"] for r in actions),
        action_files=tuple(r["file"] for r in actions),
        # A pack's parts are read, not the pack: its text is theirs again.
        papers=tuple(from_row(Paper, r) for r in rows("SELECT * FROM papers WHERE kind != 'pack' ORDER BY pk")),
    )


def _write_people(connection: sqlite3.Connection, records: ArchiveRecords, people: People) -> None:
    insert_rows(connection, "people", [to_row(person) for person in people])
    insert_rows(
        connection,
        "person_names",
        [{"person": p.id, "name": name} for p in people for name in dict.fromkeys((p.name, *p.variants))],
    )
    insert_rows(connection, "meeting_chairs", [{"meeting": m, "person": pid} for m, pid in people.chairs.items()])
    insert_rows(
        connection,
        "initials_keys",
        [{"meeting": m, "key": key, "person": pid} for m, keys in people.initials_keys.items() for key, pid in keys.items()],
    )
    connection.executemany(
        "UPDATE attendance SET person_id = ? WHERE id = ?",
        [
            (person_id, row_id)
            for record, row_id in zip(records.attendance, records.attendance_ids, strict=True)
            if (person_id := people.person_id(record.meeting, record.name)) is not None
        ],
    )


def _write_actions(
    connection: sqlite3.Connection, records: ArchiveRecords, board: str, tracked: Sequence[TrackedAction]
) -> None:
    insert_rows(connection, "action_items", [{**to_row(item, skip=TRACKED_ELSEWHERE), "board": board} for item in tracked])
    insert_rows(
        connection,
        "action_sightings",
        [
            # A sighting's action is an index into the actions linked; the table keeps that action's row id.
            {**to_row(sighting), "item": item.id, "action": _row_id(records.action_ids, sighting.action)}
            for item in tracked
            for sighting in item.sightings
        ],
    )
    insert_rows(
        connection,
        "action_status",
        [{**to_row(change), "item": item.id} for item in tracked for change in item.history],
    )


def _row_id(row_ids: Sequence[int], index: int | None) -> int | None:
    return None if index is None else row_ids[index]


def _linker_version() -> str:
    """Stored in each board's digest, so a new boardpapers (new linking rules) relinks every board once."""
    try:
        return version("boardpapers")
    except PackageNotFoundError:
        return "unknown"


def _inputs(board: BoardRecords, records: ArchiveRecords, people: People | None) -> str:
    """A digest of everything ``board``'s tracked actions are computed from.

    Action rows are named by row id (the sightings keep it) and file (their
    content); papers by id (a content hash); meetings by their merged fields
    (a later file can fill a gap); people by their view's digest.
    """
    data = {
        "linker": _linker_version(),
        "board": board.key,
        "actions": [(records.action_ids[i], records.action_files[i]) for i in board.actions],
        "spans": [(records.action_ids[i], records.action_files[i]) for i in board.spans],
        "papers": [paper.id for paper in board.papers],
        "meetings": [meeting.to_dict() for meeting in board.meetings],
        "people": people.digest() if people is not None else None,
    }
    return hashlib.sha1(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def relink(connection: sqlite3.Connection, *, full: bool = True) -> Relinked:
    """Rewrite the linking tables from the archive's records: people whole, tracked actions of every board
    (``full``) or of the boards whose inputs changed since they were last linked. Runs inside the caller's transaction.
    """
    write_canonical(connection)
    records = load_records(connection)
    # Clearing people nulls attendance.person_id (ON DELETE SET NULL) and clears the chairs and initials keys.
    connection.execute("DELETE FROM people")
    people = link_people(records.meetings, records.attendance, agenda_items=records.agenda_items, papers=records.papers)
    _write_people(connection, records, people)
    if full:
        connection.execute("DELETE FROM action_items")
        connection.execute("DELETE FROM boards")
    boards = split_boards(records.actions, records.meetings, records.papers)
    # First the boards gone (their papers removed, or their key now an alias of another board's) and items
    # written before boards were kept: a board taking over an alias writes the ids its items had.
    keys = json.dumps([board.key for board in boards])
    connection.execute(
        "DELETE FROM action_items WHERE board IS NULL OR board NOT IN (SELECT value FROM json_each(?))", (keys,)
    )
    connection.execute("DELETE FROM boards WHERE key NOT IN (SELECT value FROM json_each(?))", (keys,))
    stored = dict(connection.execute("SELECT key, inputs FROM boards").fetchall())
    counts: Counter[str] = Counter(people=len(people))
    relinked = []
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for board in boards:
        view = board_people(board, people)
        inputs = _inputs(board, records, view)
        if stored.get(board.key) == inputs:
            continue
        # Clearing a board's items clears their sightings and status history (ON DELETE CASCADE).
        connection.execute("DELETE FROM action_items WHERE board = ?", (board.key,))
        tracked = track_board(board, records.actions, view)
        _write_actions(connection, records, board.key, tracked)
        connection.execute(
            "INSERT INTO boards (key, inputs, action_items, linked_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET inputs = excluded.inputs, action_items = excluded.action_items, "
            "linked_at = excluded.linked_at",
            (board.key, inputs, len(tracked), now),
        )
        relinked.append(board.key)
        counts.update(
            action_items=len(tracked),
            action_sightings=sum(len(item.sightings) for item in tracked),
            action_status=sum(len(item.history) for item in tracked),
        )
    counts["boards"] = len(relinked)
    return Relinked(tuple(relinked), counts)
