"""Parsing files for an import, here or in a process pool, with outcomes in file order.

Parsing is a pure function of one file (``boardpapers.parse``), so it can run
in other processes while the importer writes in this one. Failures come back
as plain strings: exceptions do not always survive pickling (an
``IngestError`` rebuilt from its message would name the file twice).
"""

from __future__ import annotations

import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from ..api import parse
from ..errors import BoardpapersError
from ..records import ParseResult

__all__ = ["Job", "Outcome", "parse_for_archive", "parsed_in_order"]

# How many files may wait parsed, per worker, ahead of the one being written: bounds memory.
_AHEAD_PER_WORKER = 2


@dataclass(frozen=True)
class Outcome:
    """What parsing one file gave: a result, or the failure as plain strings (exceptions may not pickle)."""

    result: ParseResult | None = None
    error_type: str | None = None
    message: str | None = None
    traceback: str | None = None


def parse_for_archive(path: str) -> Outcome:
    """``boardpapers.parse`` for the archive, safe to run in a worker process.

    Paper blocks are dropped (the archive keeps text and records, not layout),
    which also keeps what travels back from a worker small.
    """
    try:
        result = parse(path)
    except BoardpapersError as error:
        return Outcome(error_type=type(error).__name__, message=str(error))
    except Exception as error:  # a bug in a reader or extractor must not stop an import of thousands of files
        return Outcome(error_type=type(error).__name__, message=f"{path}: {error}", traceback=traceback.format_exc())
    return Outcome(result=replace(result, papers=tuple(replace(p, blocks=()) for p in result.papers)))


@dataclass(frozen=True)
class Job:
    """One file to import: its hash, or why it could not be hashed; ``parse`` is False for content already due."""

    path: Path
    sha256: str | None
    size: int
    parse: bool
    failure: Outcome | None = None


def parsed_in_order(jobs: Iterable[Job], workers: int) -> Iterator[tuple[Job, Outcome | None]]:
    """Each job with its parse outcome (None for a job not to parse), in job order, parsed here or in a pool."""
    if workers <= 1:
        for job in jobs:
            yield job, parse_for_archive(str(job.path)) if job.parse else None
        return
    yield from _pooled(iter(jobs), workers)


def _pooled(jobs: Iterator[Job], workers: int) -> Iterator[tuple[Job, Outcome | None]]:
    def submit(pool: ProcessPoolExecutor, job: Job) -> Future[Outcome] | None:
        return pool.submit(parse_for_archive, str(job.path)) if job.parse else None

    window: deque[tuple[Job, Future[Outcome] | None]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        while True:
            while len(window) < workers * _AHEAD_PER_WORKER and (job := next(jobs, None)) is not None:
                window.append((job, submit(pool, job)))
            if not window:
                return
            job, future = window.popleft()
            if future is None:
                yield job, None
                continue
            try:
                outcome = future.result()
            except BrokenProcessPool:
                # A worker died (a crash in a PDF library, or the OOM killer). The head file is blamed so the
                # import always moves on; the files waiting behind it are parsed again in a fresh pool.
                outcome = Outcome(
                    error_type="BrokenProcessPool",
                    message=f"{job.path}: the parsing process died while reading this file or one beside it",
                )
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=workers)
                window = deque((waiting, submit(pool, waiting)) for waiting, _ in window)
            yield job, outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
