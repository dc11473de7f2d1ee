"""The archive's connection, and transactions on it (the connection is in autocommit mode: each is explicit)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import NotAnArchive

__all__ = ["MEMORY", "connect", "transaction"]

MEMORY = ":memory:"

# Milliseconds a writer waits for another connection's write to finish before "database is locked".
_BUSY_TIMEOUT_MS = 30_000


def connect(path: str) -> sqlite3.Connection:
    """A connection to the archive file at ``path``: foreign keys on, WAL, rows by column name, autocommit.

    Autocommit, so that every transaction is an explicit :func:`transaction` of ours (one per imported file).
    """
    connection = sqlite3.connect(path, isolation_level=None)
    connection.row_factory = sqlite3.Row
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        if path != MEMORY:
            # WAL lets readers (Datasette, a second process) read while an import writes.
            connection.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as error:
        connection.close()
        raise NotAnArchive(f"{path}: not a SQLite database ({error})") from None
    return connection


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed whole, or rolled back whole (also on KeyboardInterrupt)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
