"""The archive's answer to ``boardpapers.figures``: the statistics of some measures, as figures placed in time.

SQL picks the statistics by measure key and unit (the indexed columns); each
becomes a figure through :func:`boardpapers.link.figures.figure_of`, the same
constructor the file-based path uses, so a figure from the archive is the
figure the files give and ``when`` is decided in one place.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection

from ..extract.meetings import meeting_id
from ..link.figures import Figure, figure_of
from ..records import Paper, Statistic
from .rows import from_row

__all__ = ["figure_candidates"]


def _paper_without_text(connection: sqlite3.Connection, paper_id: str) -> Paper | None:
    row = connection.execute("SELECT * FROM papers WHERE id = ?", (paper_id,)).fetchone()
    # A figure needs the paper's title, kind and dates; its text is dropped so that thousands of
    # figures do not keep thousands of papers' text alive.
    return None if row is None else from_row(Paper, row, text="")


def figure_candidates(
    connection: sqlite3.Connection,
    keys: Collection[str],
    *,
    unit: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[Figure]:
    """Figures of the statistics whose ``metric_key`` is in ``keys`` (and of ``unit``), ``when`` in [since, until]."""
    rows = connection.execute(
        "SELECT * FROM statistics WHERE metric_key IN (SELECT value FROM json_each(?)) AND (? IS NULL OR unit = ?) "
        "ORDER BY id",
        (json.dumps(sorted(keys)), unit, unit),
    ).fetchall()
    meetings = {row[0] for row in connection.execute("SELECT id FROM meetings")}
    papers: dict[str, Paper | None] = {}
    figures = []
    for row in rows:
        statistic = from_row(Statistic, row)
        if statistic.paper not in papers:
            papers[statistic.paper] = _paper_without_text(connection, statistic.paper)
        paper = papers[statistic.paper]
        meeting = meeting_id(paper.body, paper.meeting_date) if paper and paper.meeting_date else None
        figure = figure_of(statistic, paper, meeting if meeting in meetings else None)
        if since is not None or until is not None:
            if figure.when is None or (since and figure.when < since) or (until and figure.when > until):
                continue
        figures.append(figure)
    return figures
