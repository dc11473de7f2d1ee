"""Questions asked of many papers at once: one measure's figures across the years.

>>> import boardpapers
>>> for figure in boardpapers.figures(["2014.pdf", "2016.pdf"], "residential burglary", unit="count"):
...     print(figure.when, figure.statistic.surface, figure.paper_title)

The same call answers from parse results already in hand, from paths (each
parsed with :func:`boardpapers.parse`), or from an archive: anything with
``metric_keys()`` and ``figure_candidates(keys, *, unit, since, until)``,
which the store answers with SQL instead of re-reading files.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from datetime import date
from typing import Protocol, Union, runtime_checkable

from .api import parse
from .link.figures import Figure, candidate_figures, date_bound, select_figures
from .link.metrics import matching_keys
from .records import ParseResult

__all__ = ["FigureArchive", "FigureSource", "figures"]


@runtime_checkable
class FigureArchive(Protocol):
    """What ``figures`` needs of a store: its distinct metric keys, and the figures under some of them.

    ``since`` and ``until`` reach ``figure_candidates`` as ISO dates
    (inclusive) to compare with each figure's ``when``.
    """

    def metric_keys(self) -> Iterable[str]: ...

    def figure_candidates(
        self, keys: Collection[str], *, unit: str | None = None, since: str | None = None, until: str | None = None
    ) -> Iterable[Figure]: ...


PathLike = Union[str, "os.PathLike[str]"]
FigureSource = Union[ParseResult, PathLike, FigureArchive, Iterable[Union[ParseResult, PathLike]]]


def _result(item: ParseResult | PathLike) -> ParseResult:
    if isinstance(item, ParseResult):
        return item
    if isinstance(item, (str, os.PathLike)):
        return parse(item)
    raise TypeError(f"expected a ParseResult or a path, got {type(item).__name__}: {item!r}")


def _results(source: FigureSource) -> list[ParseResult]:
    if isinstance(source, (ParseResult, str, os.PathLike)):
        return [_result(source)]
    if isinstance(source, Iterable):
        return [_result(item) for item in source]
    raise TypeError(f"expected parse results, paths or an archive, got {type(source).__name__}")


def figures(
    source: FigureSource,
    query: str,
    *,
    since: str | int | date | None = None,
    until: str | int | date | None = None,
    unit: str | None = None,
) -> list[Figure]:
    """The figures of the measure ``query`` names, in time order, with conflicting figures flagged.

    ``query`` is matched on canonical metric keys (``boardpapers.link.metrics``):
    "burglary" finds residential and non-residential burglary too;
    "residential burglary" finds only residential burglary. ``since`` and
    ``until`` take a year (2013) or an ISO date, inclusive, and apply to each
    figure's ``when``: its paper's meeting date, else the end of its period.
    ``unit`` keeps one unit of the record contract ("count", "percent", ...).
    """
    start, end = date_bound(since, end=False), date_bound(until, end=True)
    if isinstance(source, FigureArchive):
        keys = matching_keys(query, source.metric_keys())
        candidates = list(source.figure_candidates(keys, unit=unit, since=start, until=end)) if keys else []
    else:
        candidates = [figure for result in _results(source) for figure in candidate_figures(result)]
    return select_figures(candidates, query, since=start, until=end, unit=unit)
