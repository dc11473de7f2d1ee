"""Ordered, named schema migrations, and opening a connection that has them all.

The schema version is SQLite's own ``PRAGMA user_version`` (any SQLite tool
shows it); ``migrations`` lists what was applied and when. Each migration runs
in one transaction with its version bump, so a crash leaves the archive at the
old version or the new one, never between. A database whose version is newer
than the last migration here was written by a newer boardpapers: opening it is
:class:`~boardpapers.errors.SchemaTooNew`, because writing through an old
schema could lose what the new one keeps.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

from ..errors import NotAnArchive, SchemaTooNew
from .schema import V1_INITIAL, V2_MEETING_CANONICAL, V3_CHAIRS_AND_INITIALS_KEYS, V4_BOARDS

__all__ = ["MIGRATIONS", "Migration", "migrate", "schema_version"]


@dataclass(frozen=True)
class Migration:
    """One step of the schema: ``version`` is what ``user_version`` becomes once ``sql`` has run."""

    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", V1_INITIAL),
    Migration(2, "meeting_canonical", V2_MEETING_CANONICAL),
    Migration(3, "chairs_and_initials_keys", V3_CHAIRS_AND_INITIALS_KEYS),
    Migration(4, "boards", V4_BOARDS),
)

_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)"""


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _statements(script: str) -> Iterator[str]:
    """Split a script into statements; trigger bodies hold semicolons, so SQLite decides where one ends."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending.strip()
            pending = ""
    if pending.strip():
        yield pending.strip()


def _check_is_archive(connection: sqlite3.Connection, name: str) -> None:
    """A version-0 database must be empty: we add our tables to nobody else's database."""
    try:
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise NotAnArchive(f"{name}: not a SQLite database ({error})") from None
    if tables:
        raise NotAnArchive(f"{name}: a SQLite database without a boardpapers schema version; not an archive")


def migrate(connection: sqlite3.Connection, name: str) -> int:
    """Bring the database up to the last migration; returns the version it is at.

    ``connection`` must be in autocommit mode (``isolation_level=None``) so
    each migration's transaction is the one this function opens.
    """
    version = schema_version(connection)
    latest = MIGRATIONS[-1].version
    if version > latest:
        raise SchemaTooNew(
            f"{name}: the archive has schema version {version}, this boardpapers reads up to {latest}; "
            "upgrade boardpapers to open it"
        )
    if version == 0:
        _check_is_archive(connection, name)
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        connection.execute("BEGIN IMMEDIATE")
        if schema_version(connection) >= migration.version:
            # Another process migrated while we waited for the write lock.
            connection.execute("COMMIT")
            continue
        try:
            connection.execute(_MIGRATIONS_TABLE)
            for statement in _statements(migration.sql):
                connection.execute(statement)
            connection.execute(
                "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
            # PRAGMA takes no parameters; the version is an int from the table above, never user input.
            connection.execute(f"PRAGMA user_version = {int(migration.version)}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return schema_version(connection)
