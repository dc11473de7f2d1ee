"""What the archive answers with: lists of records, import reports and runs, search hits.

All are frozen values with ``to_dict()``, like the records of
``boardpapers/1``; :class:`Records` adds ``to_pandas()`` for people who work
in dataframes, without making pandas a dependency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..records import _Record

if TYPE_CHECKING:
    import pandas

__all__ = ["ImportFailure", "ImportReport", "ImportRun", "Records", "SearchHit", "flat_dict"]

T = TypeVar("T")

PANDAS_EXTRA = "pandas"


def flat_dict(record: Any) -> dict[str, Any]:
    """``record.to_dict()`` (or that dict itself) with its ``source`` spread into ``source_paper`` ... columns, for tables."""
    flat: dict[str, Any] = {}
    for key, value in (record if isinstance(record, dict) else record.to_dict()).items():
        if key == "source" and isinstance(value, dict):
            flat.update({f"source_{part}": part_value for part, part_value in value.items()})
        else:
            flat[key] = value
    return flat


class Records(list[T], Generic[T]):
    """A list of records that also turns into a pandas DataFrame (one column per field)."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [record.to_dict() for record in self]  # type: ignore[attr-defined]

    def to_pandas(self) -> pandas.DataFrame:
        try:
            import pandas
        except ImportError:
            raise ImportError(
                f"to_pandas() needs pandas, which boardpapers does not install by itself: "
                f"pip install 'boardpapers[{PANDAS_EXTRA}]' (or pip install pandas)"
            ) from None
        return pandas.DataFrame([flat_dict(record) for record in self])


@dataclass(frozen=True)
class ImportFailure(_Record):
    """A file an import could not read: ``error_type`` is the exception's class, ``message`` names the file."""

    run: int
    path: str
    sha256: str | None
    error_type: str
    message: str
    traceback: str | None
    at: str


@dataclass(frozen=True)
class ImportRun(_Record):
    """One call of ``Archive.import_path``; ``status`` is ``running``, ``completed`` or ``interrupted``."""

    id: int
    started_at: str
    finished_at: str | None
    status: str
    paths: tuple[str, ...]
    workers: int
    boardpapers_version: str
    files_total: int | None
    files_imported: int | None
    files_skipped: int | None
    files_failed: int | None
    pages: int | None


@dataclass(frozen=True)
class ImportReport(_Record):
    """What one import did: files imported, skipped as already archived, failed; pages and records written;
    the boards whose tracked actions it relinked (body keys: "community-safety-partnership-board")."""

    run: int
    imported: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    failed: tuple[ImportFailure, ...] = ()
    pages: int = 0
    records: dict[str, int] = field(default_factory=dict)
    relinked: tuple[str, ...] = ()

    @property
    def files_total(self) -> int:
        return len(self.imported) + len(self.skipped) + len(self.failed)


@dataclass(frozen=True)
class SearchHit(_Record):
    """One full-text match: a paper, or one record of ``kind`` (its table) with row ``id``.

    ``snippet`` is the matching text with the match in ``[...]``; ``rank`` is
    FTS5's bm25 (lower is better), comparable between hits of one kind only.
    """

    kind: str
    id: str
    paper: str | None
    meeting: str | None
    title: str | None
    snippet: str
    rank: float
