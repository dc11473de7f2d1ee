"""Relinking: rebuild the tables that join records across files (people, tracked actions).

Who is who, and which action in one meeting's log is the same as one raised
three meetings earlier, depend on every file in the archive, so they cannot be
written file by file. After an import, :func:`relink` loads the archive's
meetings, attendance, agenda items, actions and papers, hands them to the pure
linking functions of :mod:`boardpapers.link`, and rewrites ``people``,
``person_names``, ``attendance.person_id``, ``action_items``,
``action_sightings`` and ``action_status`` from what they return. The caller
runs it in one transaction, so readers see the old links or the new ones.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..link.actions import TrackedAction, track_actions
from ..link.people import People, link_people
from ..records import Action, AgendaItem, Attendance, Meeting, Paper
from .rows import from_row, to_row
from .write import insert_rows

__all__ = ["ArchiveRecords", "TRACKED_ELSEWHERE", "load_records", "relink"]

# TrackedAction fields kept in tables of their own (action_sightings, action_status), not in action_items.
TRACKED_ELSEWHERE = ("sightings", "history")


@dataclass(frozen=True)
class ArchiveRecords:
    """Everything the linkers read, with the row id of each attendance and action record (same order)."""

    meetings: tuple[Meeting, ...]
    attendance: tuple[Attendance, ...]
    attendance_ids: tuple[int, ...]
    agenda_items: tuple[AgendaItem, ...]
    actions: tuple[Action, ...]
    action_ids: tuple[int, ...]
    papers: tuple[Paper, ...]


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
    connection.executemany(
        "UPDATE attendance SET person_id = ? WHERE id = ?",
        [
            (person_id, row_id)
            for record, row_id in zip(records.attendance, records.attendance_ids, strict=True)
            if (person_id := people.person_id(record.meeting, record.name)) is not None
        ],
    )


def _write_actions(connection: sqlite3.Connection, records: ArchiveRecords, tracked: Sequence[TrackedAction]) -> None:
    insert_rows(connection, "action_items", [to_row(item, skip=TRACKED_ELSEWHERE) for item in tracked])
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


def relink(connection: sqlite3.Connection) -> Counter[str]:
    """Rewrite the linking tables from the archive's records; returns how many rows of each were written.

    Runs inside the caller's transaction.
    """
    records = load_records(connection)
    # Clearing people nulls attendance.person_id (ON DELETE SET NULL); clearing items clears their sightings.
    connection.execute("DELETE FROM action_items")
    connection.execute("DELETE FROM people")
    people = link_people(records.meetings, records.attendance, agenda_items=records.agenda_items, papers=records.papers)
    _write_people(connection, records, people)
    tracked = track_actions(records.actions, records.meetings, records.papers, people)
    _write_actions(connection, records, tracked)
    return Counter(
        people=len(people),
        action_items=len(tracked),
        action_sightings=sum(len(item.sightings) for item in tracked),
        action_status=sum(len(item.history) for item in tracked),
    )
