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
from ..link.actions import Outstanding, TrackedAction, outstanding, owner_filter
from ..link.figures import Figure
from ..link.people import Person
from ..records import Action, AgendaItem, Attendance, Meeting, Paper, Resolution, Statistic, Warning
from .connection import MEMORY, connect, transaction
from .export import FORMATS, Section, export_csv, export_json
from .figures import figure_candidates
from .importer import ProgressCallback, run_import
from .linked import latest_date, open_item_ids, read_people, read_tracked_actions
from .meetings import CANONICAL_MEETING, SAME_MEETING, canonical_ids, meeting_dates, read_meetings
from .migrations import migrate
from .relink import relink
from .results import ImportFailure, ImportReport, ImportRun, Records, SearchHit
from .rows import column_names, from_row
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
        """Rebuild people and the tracked actions of every board from every record in the archive, in one
        transaction; returns how many rows of each table were written.

        An import relinks only the boards it changed and leaves the same
        tables (``boardpapers.store.relink``); a full relink is for linking
        rules changed without a new version number, as in a development copy.
        """
        with transaction(self._connection):
            done = relink(self._connection, full=True)
        return dict(done.counts)

    # ---------------------------------------------------------------- reading records

    def _select(self, record_type: type[R], sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> Iterator[R]:
        for row in self._connection.execute(sql, params if isinstance(params, dict) else tuple(params)):
            yield from_row(record_type, row)

    def _by_meeting(self, record_type: type[R], table: str, meeting: str | None) -> Records[R]:
        if meeting is None:
            return Records(self._select(record_type, f"SELECT * FROM {table} ORDER BY id"))
        sql = f"SELECT * FROM {table} WHERE {SAME_MEETING} ORDER BY id"
        return Records(self._select(record_type, sql, {"meeting": meeting}))

    def papers(self, *, kind: str | None = None) -> Records[Paper]:
        """Every archived paper (packs and their parts), optionally of one ``kind``; without layout blocks."""
        if kind is None:
            return Records(self._select(Paper, "SELECT * FROM papers ORDER BY pk"))
        return Records(self._select(Paper, "SELECT * FROM papers WHERE kind = ? ORDER BY pk", (kind,)))

    def meetings(self, *, body: str | None = None) -> Records[Meeting]:
        """Every meeting (of the board named ``body`` in any of its papers), in date order.

        One Meeting per board and date: the files that mention a meeting are
        merged, also when some name the board with its place and some without
        (the merged id is the canonical one; ``boardpapers.store.meetings.merge_rows``
        says which row wins a conflict).
        """
        return Records(read_meetings(self._connection, body=body))

    def meeting(self, meeting_id: str) -> Meeting | None:
        """The meeting of ``meeting_id`` (its canonical id or any id its papers give it), merged; None if unknown."""
        found = read_meetings(self._connection, meeting=meeting_id)
        return found[0] if found else None

    def attendance(self, meeting: str | None = None, *, person: str | None = None) -> Records[Attendance]:
        """Attendance records, of one meeting (any of its ids) and/or one person (a ``people()`` id).

        Records of a meeting include those whose papers gave it its other id; each keeps the ``meeting`` its paper gave.
        """
        if person is None:
            return self._by_meeting(Attendance, "attendance", meeting)
        same = SAME_MEETING if meeting is not None else "1"
        sql = f"SELECT * FROM attendance WHERE person_id = :person AND {same} ORDER BY id"
        return Records(self._select(Attendance, sql, {"person": person, "meeting": meeting}))

    def agenda_items(self, meeting: str | None = None) -> Records[AgendaItem]:
        """Agenda items and minute headings, of one meeting (any of its ids) or all."""
        return self._by_meeting(AgendaItem, "agenda_items", meeting)

    def resolutions(self, meeting: str | None = None) -> Records[Resolution]:
        """Decisions, of one meeting (any of its ids) or all."""
        return self._by_meeting(Resolution, "resolutions", meeting)

    def actions(self, meeting: str | None = None) -> Records[Action]:
        """Actions as each paper records them, of one meeting (any of its ids) or all;
        :meth:`tracked_actions` follows them across meetings."""
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

    def person(self, name: str, *, meeting: str | None = None) -> Person | None:
        """The person ``name`` means (at ``meeting``, any of its ids, when given), as the papers write names:
        "Cllr Longstaff", "the Chairman" (at a meeting), "JN" (where a paper prints the key). None when
        unknown or ambiguous."""
        return read_people(self._connection).resolve(name, meeting)

    def tracked_actions(self, *, owner: str | None = None) -> Records[TrackedAction]:
        """Every action followed across meetings (of ``owner``, written any way :meth:`outstanding` takes),
        with its sightings and status history.

        A sighting's ``action`` is an index into :meth:`actions` (all of them).
        """
        items = read_tracked_actions(self._connection)
        if owner is None:
            return Records(items)
        owns = owner_filter(owner, read_people(self._connection))
        return Records(item for item in items if owns(item))

    def outstanding(
        self, *, as_of: str | None = None, owner: str | None = None, include_unmentioned: bool = False
    ) -> Records[Outstanding]:
        """Tracked actions with no completion evidence on ``as_of`` (default: the latest date known), oldest first.

        ``owner`` keeps one person's: a name as the papers write it, initials
        a paper keys ("JN" for "Jolyon Neely (JN)"), or a form that needs a
        meeting ("the Chairman", "Cllr Smith" among two Smiths), read at the
        meeting that raised each action
        (:func:`~boardpapers.link.actions.owned_by`).

        Actions their board has stopped mentioning are left out unless
        ``include_unmentioned`` (:func:`~boardpapers.link.actions.outstanding`).

        Only the tracked actions that may be open on ``as_of`` are read back
        (most of a long archive's are long closed), and the people only to
        resolve ``owner``.
        """
        as_of = as_of or latest_date(self._connection)
        if as_of is None:
            return Records()
        items = read_tracked_actions(self._connection, open_item_ids(self._connection, as_of))
        people = read_people(self._connection) if owner else None
        return Records(
            outstanding(
                items, meeting_dates(self._connection), as_of=as_of, owner=owner, people=people,
                include_unmentioned=include_unmentioned,
            )
        )

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
        """How many rows each table holds, a summary for the CLI and for checks; ``meetings`` counts one per
        board and date, as :meth:`meetings` lists them (a board named two ways has two rows per meeting)."""
        tables = (
            "files", "papers", "meetings", "attendance", "agenda_items", "resolutions", "actions", "statistics",
            "people", "action_items",
        )  # fmt: skip
        counts = {table: self._connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
        counts["meetings"] = self._connection.execute("SELECT count(DISTINCT coalesce(canonical, id)) FROM meetings").fetchone()[0]
        return counts

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

    def _sections(self) -> dict[str, Section]:
        canonical = canonical_ids(self._connection)

        def rows(record_type: type[R], sql: str) -> Section:
            return column_names(record_type), (record.to_dict() for record in self._select(record_type, sql))  # type: ignore[attr-defined]

        def in_meetings(record_type: type[R], table: str) -> Section:
            # Records keep the meeting their paper named; canonical_meeting is the one meetings are exported under.
            def dicts() -> Iterator[dict[str, Any]]:
                for record in self._select(record_type, f"SELECT * FROM {table} ORDER BY id"):
                    data = record.to_dict()  # type: ignore[attr-defined]
                    yield {**data, CANONICAL_MEETING: canonical.get(data["meeting"], data["meeting"])}

            return (*column_names(record_type), CANONICAL_MEETING), dicts()

        return {
            "papers": rows(Paper, "SELECT * FROM papers ORDER BY pk"),
            "meetings": (column_names(Meeting), (m.to_dict() for m in read_meetings(self._connection))),
            "attendance": in_meetings(Attendance, "attendance"),
            "agenda_items": in_meetings(AgendaItem, "agenda_items"),
            "resolutions": in_meetings(Resolution, "resolutions"),
            "actions": in_meetings(Action, "actions"),
            "statistics": rows(Statistic, "SELECT * FROM statistics ORDER BY id"),
            "warnings": rows(Warning, "SELECT * FROM warnings ORDER BY id"),
            "people": rows(Person, "SELECT * FROM people ORDER BY id"),
            "tracked_actions": (column_names(TrackedAction), (t.to_dict() for t in read_tracked_actions(self._connection))),
        }

    def export(self, format: str, dest: str | Path) -> list[Path]:
        """Write the archive's records out: ``json`` is one file at ``dest`` in the shape of
        ``boardpapers parse --json`` (plus ``people`` and ``tracked_actions``); ``csv`` is a folder ``dest``
        with one CSV per kind. Meetings are merged as :meth:`meetings` merges them, and each record of a
        meeting adds ``canonical_meeting``: the merged meeting's id, beside the ``meeting`` its paper gave.

        Returns the files written.
        """
        if format not in FORMATS:
            raise StoreError(f"unknown export format {format!r}; formats are {', '.join(FORMATS)}")
        writer = export_json if format == "json" else export_csv
        return writer(self._sections(), Path(dest))
