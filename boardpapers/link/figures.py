"""One measure's figures across papers and years, in time order, with conflicts flagged.

A :class:`Figure` is a quoted :class:`~boardpapers.records.Statistic` with what
a reader needs to put it beside figures from other papers: the measure's key
(``metrics.metric_key``), the paper's title and kind, its meeting, and
``when``, the date it is placed at in time (the meeting the paper was written
for, else the end of the figure's period: a strategy has no meeting).

``select_figures`` is the "apply" half: given candidate figures (from parse
results, or from an archive's SQL), keep those whose key answers the query,
filter by unit and dates, order them, and flag conflicts. The conflict policy
is a function, so a caller that wants another notion of "the same number"
passes its own.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from ..extract.meetings import meeting_id
from ..records import Paper, ParseResult, Statistic, _Record
from .metrics import key_words, matching_keys, metric_key

__all__ = [
    "ConflictPolicy",
    "Figure",
    "UNCOMPARED_UNITS",
    "UNITS",
    "candidate_figures",
    "date_bound",
    "figure_identity",
    "figure_of",
    "flag_conflicts",
    "select_figures",
    "values_agree",
]

# The units of the record contract (SCHEMA.md, Statistic.unit).
UNITS = ("count", "percent", "percentage_points", "GBP", "USD", "EUR", "rate", "rank", "ratio", "other")

# A rank says nothing of which group it ranks in ("Similar group rank 12",
# "London rank 23"), and "other" says nothing of what is counted: figures in
# these units are never compared.
UNCOMPARED_UNITS = frozenset({"rank", "other"})

# "approximately 13" agrees with figures within this fraction of 13.
APPROXIMATE = 0.1


@dataclass(frozen=True)
class Figure(_Record):
    """A statistic placed in time beside the same measure's figures from other papers.

    ``conflicts`` holds ``(paper id, source start)`` of every other figure
    returned with it that claims a different value for the same measure,
    period, unit and place (``flag_conflicts``).
    """

    statistic: Statistic
    metric_key: str | None
    paper_title: str | None
    paper_kind: str | None
    meeting: str | None
    meeting_date: str | None
    when: str | None
    conflicts: tuple[tuple[str, int], ...] = ()

    @property
    def ref(self) -> tuple[str, int]:
        """How other figures point at this one: its paper id and source offset."""
        return (self.statistic.source.paper, self.statistic.source.start)


ConflictPolicy = Callable[[Sequence[Figure]], list[Figure]]


def figure_of(statistic: Statistic, paper: Paper | None, meeting: str | None = None) -> Figure:
    """The figure of ``statistic`` quoted in ``paper`` (written for the meeting with id ``meeting``)."""
    meeting_date = paper.meeting_date if paper else None
    return Figure(
        statistic=statistic,
        metric_key=metric_key(statistic.metric),
        paper_title=paper.title if paper else None,
        paper_kind=paper.kind if paper else None,
        meeting=meeting,
        meeting_date=meeting_date,
        when=meeting_date or (paper.date if paper else None) or statistic.period_end,
    )


def candidate_figures(result: ParseResult) -> list[Figure]:
    """Every statistic of one parse result as a figure, in the result's order."""
    papers = {paper.id: paper for paper in result.papers}
    meetings = {meeting.id for meeting in result.meetings}
    figures = []
    for statistic in result.statistics:
        paper = papers.get(statistic.paper)
        meeting = None
        if paper is not None and paper.meeting_date is not None:
            found = meeting_id(paper.body, paper.meeting_date)
            meeting = found if found in meetings else None
        figures.append(figure_of(statistic, paper, meeting))
    return figures


def date_bound(value: str | int | date | None, *, end: bool) -> str | None:
    """An ISO date from a year or a date: 2013 is 2013-01-01 as a start, 2013-12-31 as an end."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if text.isdigit() and len(text) == 4:
        return f"{text}-12-31" if end else f"{text}-01-01"
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"not a year or an ISO date: {value!r}") from None


def _period(figure: Figure) -> Hashable | None:
    """What makes two figures' periods the same: resolved dates, else the words anchored to the paper's date."""
    statistic = figure.statistic
    if statistic.period_start or statistic.period_end:
        return ("dates", statistic.period_start, statistic.period_end)
    if statistic.period:
        # "the last 24 months" in a 2016 paper and in a 2023 paper are different periods.
        anchor = figure.meeting_date or statistic.paper
        return ("words", " ".join(statistic.period.lower().split()), anchor)
    return None


def figure_identity(figure: Figure) -> Hashable | None:
    """What two figures must share to be claims about one number; None when it cannot be told.

    Same measure key, unit, rate base, period, place, direction and
    comparison: a fall against last year and a fall against a 2011 baseline
    are two numbers, and so are Barnet's rate and London's. A figure with no
    period, or in one of ``UNCOMPARED_UNITS``, is never compared.
    """
    statistic = figure.statistic
    period = _period(figure)
    if figure.metric_key is None or period is None or statistic.unit in UNCOMPARED_UNITS:
        return None
    per = statistic.per or {}
    return (
        figure.metric_key,
        statistic.unit,
        (per.get("n"), key_words(per.get("of"))),
        period,
        (statistic.place or "").casefold(),
        statistic.direction,
        key_words(statistic.comparison),
    )


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") or "e" in text else len(text.partition(".")[2])


def _fits(claim: Statistic, value: float) -> bool:
    """Whether ``value`` is consistent with what ``claim`` says (its range, qualifier and rounding)."""
    low = abs(claim.value) if claim.direction else claim.value
    if claim.value_high is not None:
        return min(low, claim.value_high) <= value <= max(low, claim.value_high)
    if claim.qualifier in ("over", "at_least"):
        return value >= low
    if claim.qualifier in ("under", "up_to"):
        return value <= low
    if claim.qualifier == "approximately":
        return math.isclose(value, low, rel_tol=APPROXIMATE)
    return round(value, _decimals(low)) == low


def values_agree(first: Statistic, second: Statistic) -> bool:
    """Whether two statistics can be the same number: "over 20%" agrees with "21.1%", "19%" with "18.6%".

    A change is compared by size (its direction is stated apart), so "-21.1%"
    in a table agrees with "down over 20%" in the text.
    """
    first_value = abs(first.value) if first.direction else first.value
    second_value = abs(second.value) if second.direction else second.value
    return _fits(first, second_value) or _fits(second, first_value)


def flag_conflicts(figures: Sequence[Figure]) -> list[Figure]:
    """The figures, each carrying the refs of the others that share its identity but not its value."""
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for index, figure in enumerate(figures):
        identity = figure_identity(figure)
        if identity is not None:
            groups[identity].append(index)
    flagged = list(figures)
    for members in groups.values():
        for index in members:
            figure = figures[index]
            others = sorted(
                {figures[other].ref for other in members if not values_agree(figure.statistic, figures[other].statistic)}
            )
            if others:
                flagged[index] = replace(figure, conflicts=tuple(others))
    return flagged


def _in_range(when: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if when is None:
        return False
    return (since is None or when >= since) and (until is None or when <= until)


def _order(figure: Figure) -> tuple[bool, str, str, int]:
    return (figure.when is None, figure.when or "", figure.statistic.source.paper, figure.statistic.source.start)


def select_figures(
    candidates: Iterable[Figure],
    query: str,
    *,
    since: str | int | date | None = None,
    until: str | int | date | None = None,
    unit: str | None = None,
    conflicts: ConflictPolicy = flag_conflicts,
) -> list[Figure]:
    """The candidates that answer ``query``, in time order, with conflicts flagged.

    ``since`` and ``until`` (a year or an ISO date, inclusive) apply to each
    figure's ``when``; a figure with no ``when`` is left out when either is
    given. Order: by ``when`` (undated last), then paper, then position in
    the paper. Conflicts are looked for among the figures returned.
    """
    if unit is not None and unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; units are {', '.join(UNITS)}")
    start, end = date_bound(since, end=False), date_bound(until, end=True)
    pool = list(candidates)
    keys = matching_keys(query, {figure.metric_key for figure in pool if figure.metric_key})
    chosen = [
        figure
        for figure in pool
        if figure.metric_key in keys
        and (unit is None or figure.statistic.unit == unit)
        and _in_range(figure.when, start, end)
    ]
    return conflicts(sorted(chosen, key=_order))
