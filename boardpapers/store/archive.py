"""The archive: years of papers imported into one SQLite file, and the questions asked of it.

>>> from boardpapers import Archive
>>> with Archive("barnet.db") as archive:
...     report = archive.import_path("papers/", workers=4)
...     hits = archive.search("burglary")
...     still_open = archive.outstanding(owner="Paula Light")

The file is plain SQLite (WAL mode, foreign keys on): Datasette and
sqlite-utils open it as it is, and ``schema.py`` says how it is laid out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreError
from ..link.actions import Outstanding, TrackedAction, outstanding
from ..link.figures import Figure
from ..link.people import Person
from ..records import Action, AgendaItem, Attendance, Meeting, Paper, Resolution, Statistic, Warning
from .connection import MEMORY, connect, transaction
from .export import FORMATS, export_csv, export_json
from .figures import figure_candidates
from .importer import ProgressCallback, run_import
from .linked import latest_date, open_item_ids, read_people, read_tracked_actions
from .migrations import migrate
from .relink import relink
from .results import ImportFailure, ImportReport, ImportRun, Records, SearchHit
from .rows import from_row
from .search import search

__all__ = ["Archive", "DEFAULT_PATH"]

DEFAULT_PATH = "boardpapers.db"

R = TypeVar("R")


class Archive:
    """An archive of board papers in the SQLite file at ``path`` (created with its tables when new).

    Opening a file written by a newer boardpapers is
    :class:`~boardpapers.errors.SchemaTooNew`; a SQLite file of something else is
    :class:`~boardpapers.errors.NotAnArchive`. One Archive is one connection:
    use it from one thread, and close it (or use ``with``) when done.
    """

    def __init__(self, path: str | Path = DEFAULT_PATH) -> None:
        self.path = str(path)
        self._connection = connect(self.path)
        try:
            self.schema_version = migrate(self._connection, self.path)
        except BaseException:
            self._connection.close()
            raise

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Archive({self.path!r})"

    def close(self) -> None:
        self._connection.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection, for SQL of your own (read-only use keeps the archive consistent)."""
        return self._connection

    # ---------------------------------------------------------------- writing

    def _own_files(self) -> list[Path]:
        if self.path == MEMORY:
            return []
        return [Path(self.path + suffix) for suffix in ("", "-wal", "-shm", "-journal")]

    def import_path(
        self,
        folder_or_files: str | Path | Iterable[str | Path],
        *,
        workers: int = 1,
        progress: ProgressCallback | None = None,
    ) -> ImportReport:
        """Import every paper in a folder (recursively) or a list of files and folders.

        Each file is one transaction; content already archived is skipped by
        its hash; a file that cannot be read is recorded in
        :meth:`import_errors` and the import goes on. ``workers`` > 1 parses
        in that many processes. ``progress(files_done, files_total,
        pages_done)`` is called after each file. The linking tables are
        rebuilt at the end (:meth:`relink`).
        """
        if workers < 1:
            raise ValueError(f"workers must be 1 or more, not {workers}")
        paths = [folder_or_files] if isinstance(folder_or_files, (str, Path)) else list(folder_or_files)
        return run_import(self._connection, paths, workers=workers, progress=progress, exclude=self._own_files())

    def relink(self) -> dict[str, int]:
        """Rebuild people and tracked actions from every record in the archive, in one transaction."""
        with transaction(self._connection):
            counts = relink(self._connection)
        return dict(counts)

    # ---------------------------------------------------------------- reading records

    def _select(self, record_type: type[R], sql: str, params: Iterable[Any] = ()) -> Iterator[R]:
        for row in self._connection.execute(sql, tuple(params)):
            yield from_row(record_type, row)

    def _by_meeting(self, record_type: type[R], table: str, meeting: str | None) -> Records[R]:
        if meeting is None:
            return Records(self._select(record_type, f"SELECT * FROM {table} ORDER BY id"))
        return Records(self._select(record_type, f"SELECT * FROM {table} WHERE meeting = ? ORDER BY id", (meeting,)))

    def papers(self, *, kind: str | None = None) -> Records[Paper]:
        """Every archived paper (packs and their parts), optionally of one ``kind``; without layout blocks."""
        if kind is None:
            return Records(self._select(Paper, "SELECT * FROM papers ORDER BY pk"))
        return Records(self._select(Paper, "SELECT * FROM papers WHERE kind = ? ORDER BY pk", (kind,)))

    def meetings(self, *, body: str | None = None) -> Records[Meeting]:
        """Every meeting, merged across the files that mention it, in date order."""
        if body is None:
            return Records(self._select(Meeting, "SELECT * FROM meetings ORDER BY date, id"))
        return Records(self._select(Meeting, "SELECT * FROM meetings WHERE body = ? ORDER BY date, id", (body,)))

    def attendance(self, meeting: str | None = None, *, person: str | None = None) -> Records[Attendance]:
        """Attendance records, of one meeting (its id) and/or one person (a ``people()`` id)."""
        if person is None:
            return self._by_meeting(Attendance, "attendance", meeting)
        return Records(
            self._select(
                Attendance,
                "SELECT * FROM attendance WHERE person_id = ? AND (? IS NULL OR meeting = ?) ORDER BY id",
                (person, meeting, meeting),
            )
        )

    def agenda_items(self, meeting: str | None = None) -> Records[AgendaItem]:
        return self._by_meeting(AgendaItem, "agenda_items", meeting)

    def resolutions(self, meeting: str | None = None) -> Records[Resolution]:
        return self._by_meeting(Resolution, "resolutions", meeting)

    def actions(self, meeting: str | None = None) -> Records[Action]:
        """Actions as each paper records them; :meth:`tracked_actions` follows them across meetings."""
        return self._by_meeting(Action, "actions", meeting)

    def statistics(self, paper: str | None = None, *, metric_key: str | None = None) -> Records[Statistic]:
        """Statistics, of one paper and/or one measure (a key from :meth:`metric_keys`)."""
        return Records(
            self._select(
                Statistic,
                "SELECT * FROM statistics WHERE (? IS NULL OR paper = ?) AND (? IS NULL OR metric_key = ?) ORDER BY id",
                (paper, paper, metric_key, metric_key),
            )
        )

    def warnings(self) -> Records[Warning]:
        return Records(self._select(Warning, "SELECT * FROM warnings ORDER BY id"))

    def people(self) -> Records[Person]:
        """Every person named in the archive, as the last relink linked them."""
        return Records(self._select(Person, "SELECT * FROM people ORDER BY id"))

    def tracked_actions(self) -> Records[TrackedAction]:
        """Every action followed across meetings, with its sightings and status history.

        A sighting's ``action`` is an index into :meth:`actions` (all of them).
        """
        return Records(read_tracked_actions(self._connection))

    def outstanding(self, *, as_of: str | None = None, owner: str | None = None) -> Records[Outstanding]:
        """Tracked actions with no completion evidence on ``as_of`` (default: the latest date known), oldest first.

        Only the tracked actions that may be open on ``as_of`` are read back
        (most of a long archive's are long closed), and the people only to
        resolve ``owner``.
        """
        as_of = as_of or latest_date(self._connection)
        if as_of is None:
            return Records()
        items = read_tracked_actions(self._connection, open_item_ids(self._connection, as_of))
        people = read_people(self._connection) if owner else None
        return Records(outstanding(items, self.meetings(), as_of=as_of, owner=owner, people=people))

    # ---------------------------------------------------------------- imports

    def import_runs(self) -> Records[ImportRun]:
        return Records(self._select(ImportRun, "SELECT * FROM import_runs ORDER BY id"))

    def import_errors(self, run: int | None = None) -> Records[ImportFailure]:
        """Files that could not be imported, of one run or of all runs."""
        return Records(
            self._select(
                ImportFailure, "SELECT * FROM import_errors WHERE ? IS NULL OR run = ? ORDER BY id", (run, run)
            )
        )

    def counts(self) -> dict[str, int]:
        """How many rows each table holds: a summary for the CLI and for checks."""
        tables = (
            "files", "papers", "meetings", "attendance", "agenda_items", "resolutions", "actions", "statistics",
            "people", "action_items",
        )  # fmt: skip
        return {table: self._connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}

    # ---------------------------------------------------------------- search, figures, export

    def search(self, query: str, *, kinds: Iterable[str] | None = None, limit: int = 20) -> Records[SearchHit]:
        """Full-text search (FTS5 syntax) over paper text and record text: up to ``limit`` hits of each kind,
        papers first, each kind best first (``boardpapers.store.search.SEARCH_KINDS``)."""
        return Records(search(self._connection, query, kinds=kinds, limit=limit))

    def metric_keys(self) -> list[str]:
        """Every distinct measure key of the archive's statistics (``boardpapers.link.metrics.metric_key``)."""
        rows = self._connection.execute(
            "SELECT DISTINCT metric_key FROM statistics WHERE metric_key IS NOT NULL ORDER BY 1"
        )
        return [row[0] for row in rows]

    def figure_candidates(
        self, keys: Collection[str], *, unit: str | None = None, since: str | None = None, until: str | None = None
    ) -> list[Figure]:
        """Statistics whose measure key is in ``keys`` as figures placed in time (``boardpapers.figures`` asks this).

        ``since`` and ``until`` (ISO dates, inclusive) bound each figure's ``when``.
        """
        return figure_candidates(self._connection, keys, unit=unit, since=since, until=until)

    def _sections(self) -> dict[str, tuple[type, Iterable[Any]]]:
        def rows(record_type: type[R], sql: str) -> tuple[type, Iterable[R]]:
            return record_type, self._select(record_type, sql)

        return {
            "papers": rows(Paper, "SELECT * FROM papers ORDER BY pk"),
            "meetings": rows(Meeting, "SELECT * FROM meetings ORDER BY date, id"),
            "attendance": rows(Attendance, "SELECT * FROM attendance ORDER BY id"),
            "agenda_items": rows(AgendaItem, "SELECT * FROM agenda_items ORDER BY id"),
            "resolutions": rows(Resolution, "SELECT * FROM resolutions ORDER BY id"),
            "actions": rows(Action, "SELECT * FROM actions ORDER BY id"),
            "statistics": rows(Statistic, "SELECT * FROM statistics ORDER BY id"),
            "warnings": rows(Warning, "SELECT * FROM warnings ORDER BY id"),
            "people": rows(Person, "SELECT * FROM people ORDER BY id"),
            "tracked_actions": (TrackedAction, read_tracked_actions(self._connection)),
        }

    def export(self, format: str, dest: str | Path) -> list[Path]:
        """Write the archive's records out: ``json`` is one file at ``dest`` in the shape of
        ``boardpapers parse --json`` (plus ``people``); ``csv`` is a folder ``dest`` with one CSV per kind.

        Returns the files written.
        """
        if format not in FORMATS:
            raise StoreError(f"unknown export format {format!r}; formats are {', '.join(FORMATS)}")
        writer = export_json if format == "json" else export_csv
        return writer(self._sections(), Path(dest))
