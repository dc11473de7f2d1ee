"""Full-text search over papers and records, with FTS5's own query language.

Each searchable table has its own ``<table>_fts`` index (see ``schema.py``).
bm25 scores are not comparable between tables (a three-word attendance entry
outscores a twenty-page report that says "burglary" forty times), so hits
come kind by kind, papers first, each kind best first. A pack whose parts are
archived is left out: its text is its parts' text again, and the part is the
more precise answer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..errors import SearchQueryError
from .results import SearchHit

__all__ = ["SEARCH_KINDS", "search"]

_SNIPPET = "snippet({fts}, -1, '[', ']', '…', 16)"

_PAPERS = f"""
SELECT 'papers' AS kind, p.id AS id, p.id AS paper, NULL AS meeting, p.title AS title,
       {_SNIPPET.format(fts="papers_fts")} AS snippet, bm25(papers_fts) AS rank
FROM papers_fts JOIN papers p ON p.pk = papers_fts.rowid
WHERE papers_fts MATCH :query AND NOT EXISTS (SELECT 1 FROM papers part WHERE part.parent = p.id)
ORDER BY rank, p.pk LIMIT :limit"""

_RECORDS = """
SELECT '{table}' AS kind, CAST(r.id AS TEXT) AS id, r.{paper} AS paper, {meeting} AS meeting, p.title AS title,
       {snippet} AS snippet, bm25({table}_fts) AS rank
FROM {table}_fts JOIN {table} r ON r.id = {table}_fts.rowid LEFT JOIN papers p ON p.id = r.{paper}
WHERE {table}_fts MATCH :query
ORDER BY rank, r.id LIMIT :limit"""


def _records_sql(table: str, paper: str, meeting: str | None) -> str:
    return _RECORDS.format(
        table=table,
        paper=paper,
        meeting=f"r.{meeting}" if meeting else "NULL",
        snippet=_SNIPPET.format(fts=f"{table}_fts"),
    )


# Each kind of hit (its table) and its query, in the order hits are returned.
SEARCH_KINDS: dict[str, str] = {
    "papers": _PAPERS,
    "agenda_items": _records_sql("agenda_items", "source_paper", "meeting"),
    "resolutions": _records_sql("resolutions", "source_paper", "meeting"),
    "actions": _records_sql("actions", "source_paper", "meeting"),
    "statistics": _records_sql("statistics", "paper", None),
    "attendance": _records_sql("attendance", "source_paper", "meeting"),
}


def search(
    connection: sqlite3.Connection, query: str, *, kinds: Iterable[str] | None = None, limit: int = 20
) -> list[SearchHit]:
    """Up to ``limit`` hits of each kind for an FTS5 ``query`` ("burglary", '"hate crime"', "asb NEAR/5 park").

    ``kinds`` picks among ``SEARCH_KINDS`` (default: all). A query FTS5 cannot
    parse is a :class:`~boardpapers.errors.SearchQueryError` naming it, never a
    raw sqlite3 error.
    """
    chosen = list(SEARCH_KINDS) if kinds is None else list(kinds)
    unknown = [kind for kind in chosen if kind not in SEARCH_KINDS]
    if unknown:
        raise ValueError(f"unknown search kinds {unknown}; kinds are {', '.join(SEARCH_KINDS)}")
    hits: list[SearchHit] = []
    for kind in chosen:
        try:
            rows = connection.execute(SEARCH_KINDS[kind], {"query": query, "limit": limit}).fetchall()
        except sqlite3.OperationalError as error:
            raise SearchQueryError(
                f"search query {query!r} is not valid full-text syntax ({error}); "
                "to search for text as written, put it in double quotes"
            ) from None
        hits.extend(SearchHit(**dict(row)) for row in rows)
    return hits
