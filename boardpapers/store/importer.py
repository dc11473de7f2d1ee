"""Importing folders of papers: find the files, parse them (in a process pool if asked), write each in one transaction.

Writing stays in this process, in file order, so an import with four workers
leaves the same database as one with one. Each file is hashed first: content
already in the archive is skipped without parsing, which is also how an
import that was killed part-way resumes. The links across files (people,
tracked actions) are rebuilt at the end, in the transaction that marks the
run completed; only the boards whose papers (or whose people) changed are
relinked (:mod:`.relink`). A file that cannot be read, for an
expected reason (an ``IngestError``) or a bug (any other exception), is
recorded in ``import_errors`` with its exception's class, and the import goes
on; failed files are tried again by the next import, as the parser may have
improved since.
"""

from __future__ import annotations

import json
import sqlite3
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..document import file_sha256
from ..errors import FileMissing
from .connection import transaction
from .discover import discover
from .parsing import Job, Outcome, parse_for_archive, parsed_in_order
from .relink import relink
from .results import ImportFailure, ImportReport
from .rows import to_row
from .write import attach_path, insert_rows, write_result

__all__ = ["ProgressCallback", "run_import"]

ProgressCallback = Callable[[int, int, int], None]
"""Called after each file with (files done, files total, pages parsed so far)."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _boardpapers_version() -> str:
    try:
        return version("boardpapers")
    except PackageNotFoundError:
        return "unknown"


def _jobs(connection: sqlite3.Connection, files: Sequence[Path]) -> Iterator[Job]:
    """Hash each file; only content neither archived nor already due in this import is parsed."""
    due: set[str] = set()
    for path in files:
        if not path.is_file():
            error = FileMissing(path)
            yield Job(path, None, 0, False, Outcome(error_type=type(error).__name__, message=str(error)))
            continue
        try:
            sha256, size = file_sha256(path), path.stat().st_size
        except OSError as error:
            yield Job(path, None, 0, False, Outcome(error_type=type(error).__name__, message=f"{path}: {error}"))
            continue
        known = connection.execute("SELECT 1 FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        yield Job(path, sha256, size, parse=not known and sha256 not in due)
        due.add(sha256)


def _linked_before_upgrade(connection: sqlite3.Connection) -> bool:
    """Whether the links were written by a boardpapers older than the tables: meetings without their
    canonical id (schema 2), tracked actions without their board (schema 4)."""
    return bool(
        connection.execute(
            "SELECT EXISTS (SELECT 1 FROM meetings WHERE canonical IS NULL) "
            "OR EXISTS (SELECT 1 FROM action_items WHERE board IS NULL)"
        ).fetchone()[0]
    )


class _Run:
    """The bookkeeping of one import run: its ``import_runs`` row, its errors, its report."""

    def __init__(self, connection: sqlite3.Connection, paths: Sequence[str], workers: int) -> None:
        self.connection = connection
        with transaction(connection):
            # One importer at a time: a run still marked running was killed before it could finish,
            # so the links it would have rebuilt at its end may be stale.
            running = connection.execute("SELECT 1 FROM import_runs WHERE status = 'running'").fetchone()
            self.links_stale = running is not None or _linked_before_upgrade(connection)
            connection.execute("UPDATE import_runs SET status = 'interrupted' WHERE status = 'running'")
            cursor = connection.execute(
                "INSERT INTO import_runs (started_at, status, paths, workers, boardpapers_version) "
                "VALUES (?, 'running', ?, ?, ?)",
                (_now(), json.dumps(list(paths)), workers, _boardpapers_version()),
            )
        self.id = int(cursor.lastrowid or 0)
        self.imported: list[str] = []
        self.skipped: list[str] = []
        self.failed: list[ImportFailure] = []
        self.pages = 0
        self.records: Counter[str] = Counter()

    def fail(self, job: Job, outcome: Outcome) -> None:
        failure = ImportFailure(
            run=self.id,
            path=str(job.path),
            sha256=job.sha256,
            error_type=outcome.error_type or "Exception",
            message=outcome.message or "",
            traceback=outcome.traceback,
            at=_now(),
        )
        with transaction(self.connection):
            insert_rows(self.connection, "import_errors", [to_row(failure)])
        self.failed.append(failure)

    def finish(self, *, relink_archive: bool) -> ImportReport:
        """Mark the run completed, relinking what changed first in the same transaction: a run is completed
        only with its links."""
        relinked: tuple[str, ...] = ()
        with transaction(self.connection):
            if relink_archive:
                relinked = relink(self.connection, full=False).boards
            self.connection.execute(
                "UPDATE import_runs SET finished_at = ?, status = 'completed', files_total = ?, files_imported = ?, "
                "files_skipped = ?, files_failed = ?, pages = ? WHERE id = ?",
                (
                    _now(),
                    len(self.imported) + len(self.skipped) + len(self.failed),
                    len(self.imported),
                    len(self.skipped),
                    len(self.failed),
                    self.pages,
                    self.id,
                ),
            )
        return ImportReport(
            run=self.id,
            imported=tuple(self.imported),
            skipped=tuple(self.skipped),
            failed=tuple(self.failed),
            pages=self.pages,
            records=dict(sorted(self.records.items())),
            relinked=relinked,
        )


def _store(run: _Run, job: Job, outcome: Outcome | None) -> bool:
    """Write one file's outcome: its records and its path in one transaction, or its failure.

    Returns whether content left the archive (the path held other bytes before).
    """
    connection = run.connection
    assert job.sha256 is not None
    archived = connection.execute("SELECT 1 FROM files WHERE sha256 = ?", (job.sha256,)).fetchone() is not None
    if outcome is None and not archived:
        earlier = next((f for f in run.failed if f.sha256 == job.sha256), None)
        if earlier is not None:
            message = f"{job.path}: same content as {earlier.path}, which failed"
            run.fail(job, Outcome(error_type=earlier.error_type, message=message))
            return False
        # Its content was archived when planned, but left with a path that changed since (a file moved).
        outcome = parse_for_archive(str(job.path))
    result = outcome.result if outcome is not None else None
    if outcome is not None and result is None:
        run.fail(job, outcome)
        return False
    now = _now()
    counts: Counter[str] = Counter()
    try:
        with transaction(connection):
            if result is not None and not archived:
                counts = write_result(connection, sha256=job.sha256, size=job.size, run=run.id, now=now, result=result)
            dropped = attach_path(connection, str(job.path.resolve()), job.sha256, now)
    except sqlite3.OperationalError:
        raise  # the database itself is in trouble (disk full, locked): every file would fail the same way
    except Exception as error:  # records the schema refuses (a parser bug) fail this file only
        run.fail(
            job,
            Outcome(error_type=type(error).__name__, message=f"{job.path}: {error}", traceback=traceback.format_exc()),
        )
        return False
    if result is not None and not archived:
        run.imported.append(str(job.path))
        run.records.update(counts)
        run.pages += (result.papers[0].pages or 0) if result.papers else 0
    else:
        run.skipped.append(str(job.path))
    return dropped


def run_import(
    connection: sqlite3.Connection,
    paths: Sequence[str | Path],
    *,
    workers: int = 1,
    progress: ProgressCallback | None = None,
    exclude: Iterable[Path] = (),
) -> ImportReport:
    """Import every paper under ``paths`` (see ``Archive.import_path``), relinking at the end if anything changed."""
    files = discover(paths, exclude=exclude)
    run = _Run(connection, [str(p) for p in paths], workers)
    dropped = False
    for done, (job, outcome) in enumerate(parsed_in_order(_jobs(connection, files), workers), start=1):
        if job.failure is not None:
            run.fail(job, job.failure)
        else:
            dropped = _store(run, job, outcome) or dropped
        if progress is not None:
            progress(done, len(files), run.pages)
    return run.finish(relink_archive=bool(run.imported) or dropped or run.links_stale)
