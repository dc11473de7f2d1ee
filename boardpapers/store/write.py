"""Writing one parsed file into the archive, and taking a file's records out again.

Records belong to the *content* they were read from (``files.sha256``), and
paths point at content (``file_paths``). So importing the same bytes twice, or
under two names, stores them once; and when the file at a path changes, the
path moves to the new content and the old content, if no other path still
holds it, is deleted with everything read from it (foreign keys cascade).

Meetings are shared: each file's view of a meeting is a ``meeting_sources``
row, and ``meetings`` is recomputed from them whenever a file comes or goes
(first file imported wins, later files fill gaps), so a meeting lives exactly
as long as some file still mentions it.

The callers own the transaction: everything here runs inside one.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import fields
from typing import Any

from ..link.metrics import metric_key
from ..records import Action, AgendaItem, Attendance, Meeting, Paper, ParseResult, Resolution, Statistic, Warning
from .rows import to_row

__all__ = ["RECORD_TABLES", "attach_path", "insert_rows", "merge_meetings", "quoted", "table_columns", "write_result"]

# Which table holds each record type, in the order a file's records are written.
RECORD_TABLES: dict[type, str] = {
    Attendance: "attendance",
    AgendaItem: "agenda_items",
    Resolution: "resolutions",
    Action: "actions",
    Statistic: "statistics",
    Warning: "warnings",
}

_MEETING_FIELDS = tuple(f.name for f in fields(Meeting) if f.name not in ("id", "papers"))


def table_columns(connection: sqlite3.Connection, table: str) -> frozenset[str]:
    return frozenset(row[1] for row in connection.execute("SELECT * FROM pragma_table_info(?)", (table,)))


def quoted(name: str) -> str:
    """An identifier quoted for SQL: some columns are keywords ("table", "update")."""
    return '"' + name.replace('"', '""') + '"'


def insert_rows(connection: sqlite3.Connection, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts keyed by column) into ``table``; keys the table has no column for are left out."""
    if not rows:
        return
    columns = table_columns(connection, table)
    names = [name for name in rows[0] if name in columns]
    # Table and column names come from our own schema, never from input; the values are parameters.
    sql = f"INSERT INTO {table} ({', '.join(map(quoted, names))}) VALUES ({', '.join('?' for _ in names)})"
    connection.executemany(sql, [[row[name] for name in names] for row in rows])


def _meeting_ids(result: ParseResult) -> list[str]:
    """Every meeting the file's records refer to, its own meetings first."""
    ids = dict.fromkeys(meeting.id for meeting in result.meetings)
    for records in (result.attendance, result.agenda_items, result.resolutions, result.actions):
        ids.update(dict.fromkeys(record.meeting for record in records))
    return list(ids)


def _bare_meeting(meeting_id: str) -> Meeting:
    """A meeting a record names but the file's meetings lack: known by its id ("<body-slug>/<date>") only."""
    date = meeting_id.rpartition("/")[2]
    return Meeting(meeting_id, None, date if len(date) == 10 and date[4] == "-" else None, None, None, None, None)


def merge_meetings(connection: sqlite3.Connection, meeting_ids: Iterable[str]) -> None:
    """Recompute ``meetings`` rows from their sources: first imported wins, later files fill gaps."""
    for meeting_id in meeting_ids:
        sources = connection.execute(
            "SELECT * FROM meeting_sources WHERE meeting = ? ORDER BY rowid", (meeting_id,)
        ).fetchall()
        if not sources:
            connection.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
            continue
        merged = {name: next((s[name] for s in sources if s[name] is not None), None) for name in _MEETING_FIELDS}
        papers = list(dict.fromkeys(paper for s in sources for paper in json.loads(s["papers"])))
        columns = ["id", *_MEETING_FIELDS, "papers"]
        values = [meeting_id, *merged.values(), json.dumps(papers)]
        updates = ", ".join(f"{name} = excluded.{name}" for name in columns[1:])
        connection.execute(
            f"INSERT INTO meetings ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}",
            values,
        )


def _write_meetings(connection: sqlite3.Connection, sha256: str, result: ParseResult) -> None:
    own = {meeting.id: meeting for meeting in result.meetings}
    ids = _meeting_ids(result)
    rows = []
    for meeting_id in ids:
        meeting = own.get(meeting_id) or _bare_meeting(meeting_id)
        row = to_row(meeting)
        row["meeting"] = row.pop("id")
        rows.append({**row, "file": sha256})
    insert_rows(connection, "meeting_sources", rows)
    merge_meetings(connection, ids)


def _statistic_row(statistic: Statistic) -> dict[str, Any]:
    return {**to_row(statistic), "metric_key": metric_key(statistic.metric)}


def write_result(
    connection: sqlite3.Connection, *, sha256: str, size: int, run: int, now: str, result: ParseResult
) -> Counter[str]:
    """Store everything read from one file; returns how many records of each kind were written."""
    root: Paper | None = result.papers[0] if result.papers else None
    connection.execute(
        "INSERT INTO files (sha256, format, size, pages, imported_at, run) VALUES (?, ?, ?, ?, ?, ?)",
        (sha256, root.format if root else None, size, root.pages if root else None, now, run),
    )
    papers = [{**to_row(paper), "file": sha256} for paper in result.papers]
    insert_rows(connection, "papers", papers)
    _write_meetings(connection, sha256, result)
    counts: Counter[str] = Counter(papers=len(result.papers), meetings=len(result.meetings))
    for record_type, table in RECORD_TABLES.items():
        records = getattr(result, table)  # each table is named after its ParseResult list
        make_row = _statistic_row if record_type is Statistic else to_row
        insert_rows(connection, table, [{**make_row(r), "file": sha256} for r in records])
        counts[table] = len(records)
    return counts


def attach_path(connection: sqlite3.Connection, path: str, sha256: str, now: str) -> bool:
    """Point ``path`` at the content ``sha256``; content that no path holds any more is deleted.

    Returns whether content was deleted (the path held other bytes before, and no other path holds them).
    """
    previous = connection.execute("SELECT sha256 FROM file_paths WHERE path = ?", (path,)).fetchone()
    connection.execute(
        "INSERT INTO file_paths (path, sha256, seen_at) VALUES (?, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, seen_at = excluded.seen_at",
        (path, sha256, now),
    )
    if previous is None or previous["sha256"] == sha256:
        return False
    if connection.execute("SELECT 1 FROM file_paths WHERE sha256 = ? LIMIT 1", (previous["sha256"],)).fetchone():
        return False
    _delete_content(connection, previous["sha256"])
    return True


def _forget_boards_citing(connection: sqlite3.Connection, sha256: str) -> None:
    """Make the next relink recompute every board whose tracked actions cite the file ``sha256``.

    Deleting the file deletes the sightings and status changes whose evidence
    is in it (foreign keys cascade); the same content could come back in the
    same import under the same row ids, and the board's inputs would then
    look unchanged (``relink.py``), so its stored digest is dropped here.
    """
    connection.execute(
        "DELETE FROM boards WHERE key IN (SELECT board FROM action_items WHERE id IN ("
        "SELECT item FROM action_sightings WHERE source_paper IN (SELECT id FROM papers WHERE file = :file) "
        "UNION SELECT item FROM action_status WHERE source_paper IN (SELECT id FROM papers WHERE file = :file)))",
        {"file": sha256},
    )


def _delete_content(connection: sqlite3.Connection, sha256: str) -> None:
    meeting_ids = [
        row[0] for row in connection.execute("SELECT meeting FROM meeting_sources WHERE file = ?", (sha256,))
    ]
    # The link tables point at meetings and actions of every file; relink rewrites them after the import.
    _forget_boards_citing(connection, sha256)
    connection.execute("DELETE FROM files WHERE sha256 = ?", (sha256,))
    merge_meetings(connection, meeting_ids)
