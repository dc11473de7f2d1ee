"""Every figure a paper quotes, in prose and in tables, as :class:`~boardpapers.records.Statistic` records.

Prose is read a sentence at a time (:func:`.sentences.sentence_spans`), and
each figure from :func:`.quantities.find_quantities`, the same finder the
quantities benchmark measures. What the figure measures comes from its own
clause (:mod:`.statistics_metric`), where, which way and against what from
:mod:`.statistics_context`; what a sentence leaves unsaid is carried from the
sentences before it, the way a reader carries it: "that reduction" keeps the
metric, period and comparison of the sentence that stated it; a period and a
comparison carry to the end of the paragraph and into its list items, a
metric until a heading starts a new topic. A layout that set a figure apart
from its words is read with its neighbours (:mod:`.statistics_layout`).
Tables are read cell by cell (:mod:`.statistics_tables`).

Not every figure the finder returns is a statistic of the paper: ages that
define a group, durations ("12 months"), and small numbers written in words
("five county lines") are left out, as the annotation rules say.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

import regex

from ..document import Block, clean_line
from ..records import Paper, Source, Statistic
from .acronyms import defined_acronyms
from .quantities import Quantity, find_quantities
from .quantities_vocab import alternation, phrase_ids
from .sentences import sentence_spans
from .statistics_context import comparison_of, direction_of, place_of, relative_to
from .statistics_layout import BlockContext, block_context, without_list_mark
from .statistics_metric import metric_of, sentence_subject
from .statistics_periods import Period, find_periods
from .statistics_tables import table_figures

__all__ = ["extract_statistics"]

_DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second"}
_WORDED_UNITS = {"percent", "percentage_points", "ratio"}
_MAY_HOLD_FIGURES = regex.compile(r"[0-9]|\b(?:per ?cent|fold|times)\b")
_MARKUP = regex.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")


@dataclass
class _Carried:
    """What earlier sentences of the same passage said and a later one leaves implicit."""

    period: Period | None = None
    comparison: str | None = None
    place: str | None = None
    metric: str | None = None


def _keep(figure: Quantity) -> bool:
    if figure.age:
        return False
    if figure.unit == "other" and figure.unit_name in _DURATIONS:
        return False
    return not figure.spelled or figure.unit in _WORDED_UNITS


def _default_place(text: str) -> str | None:
    """The place a paper is about: the one it names most (at least three times)."""
    ids = phrase_ids("PLACE")
    counts = Counter(ids.get(m.group(0), m.group(0)) for m in regex.finditer(rf"(?<![\w])(?:{alternation('PLACE')})(?![\w])", text))
    if not counts:
        return None
    place, count = counts.most_common(1)[0]
    return place if count >= 3 else None


# "compared to the previous year", "than in 2019", "on the previous 12 months", "(56% 2019)": the period of
# what a figure is compared with, not its own.
_COMPARED_BEFORE = regex.compile(
    r"(?:\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|than|vs\.?|versus|against|on|from|prior\s+to)"
    r"(?:\s+(?:the|that\s+of|in|of))*|[0-9]%)\s*$",
    regex.I,
)
_COMPARED_ITSELF = regex.compile(r"^(?:the\s+)?(?:previous|preceding|prior)\b", regex.I)


_FOOTNOTE_MARK = regex.compile(r"(?<=\w)[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def _footnote_periods(text: str) -> dict[str, Period]:
    """``{marker: period}`` for each footnote of a paper that defines a period ("² Rolling 12 months up to
    31 Dec 2013"): a sentence marked ² reports its figures for that period."""
    out: dict[str, Period] = {}
    for m in regex.finditer(r"(?m)^[ \t]*(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)[ \t]*(?P<note>\S.*)$", text):
        dated = [p for p in find_periods(m.group("note")) if p.first or p.last]
        if dated and m.group("mark") not in out:
            out[m.group("mark")] = dated[0]
    return out


def _own_periods(sentence: str, periods: list[Period]) -> list[Period]:
    """The periods a sentence reports figures for, leaving out those of its comparisons."""
    return [
        p for p in periods
        if not _COMPARED_BEFORE.search(sentence[max(0, p.start - 40) : p.start]) and not _COMPARED_ITSELF.match(p.text)
    ]


def _nearest_period(periods: list[Period], figure: Quantity, figures: list[Quantity]) -> Period | None:
    """The period nearest the figure (after it first) with no other figure between them: in "89%, an
    increase from 84% in 2019" the year belongs to 84%."""
    def between(p: Period) -> bool:
        lo, hi = (figure.end, p.start) if p.start >= figure.end else (p.end, figure.start)
        return any(lo <= other.start and other.end <= hi for other in figures if other is not figure)

    near = [p for p in periods if not between(p)]
    if not near:
        return None
    return min(near, key=lambda p: p.start - figure.end if p.start >= figure.end else (figure.start - p.end) + 0.5)


_REFERS_BACK = regex.compile(r"^\W*(?:this|that|the|these)\s+(?:overall\s+)?(?:reductions?|increases?|decreases?|rises?|falls?|drops?|changes?|improvements?)\b", regex.I)


def _metric(
    sentence: str, figure: Quantity, previous_end: int, carried: _Carried, before_sentence: str | None, relative: str | None
) -> str | None:
    """What the figure measures: named in its own clause, else what the sentence is about (its subject, or the
    figure before it in the same sentence), else what the sentences before were about. A figure compared with
    a benchmark ("exceeding the London reduction by 10.7 percentage points") measures the earlier figure's
    thing relative to it: "robbery reduction relative to London"; in a sentence opening "This reduction ...",
    the thing of the sentence before (``before_sentence``). ``relative`` is :func:`relative_to`'s reading."""
    if relative:
        if _REFERS_BACK.match(sentence):
            thing = before_sentence
        else:
            thing = (carried.metric if previous_end else None) or sentence_subject(sentence) or carried.metric
        return f"{thing} {relative}" if thing else relative
    return metric_of(sentence, figure, previous_end) or (None if previous_end else sentence_subject(sentence)) or carried.metric


def _record(paper: Paper, page: int | None, start: int, figure: Quantity, **fields: object) -> Statistic:
    return Statistic(
        paper=paper.id,
        value=figure.value,
        unit=figure.unit,
        per={"n": figure.per[0], "of": figure.per[1]} if figure.per else None,
        surface=_MARKUP.sub("", figure.surface),
        value_high=figure.value_high,
        qualifier=figure.qualifier,
        source=Source(paper.id, page, start + figure.start, start + figure.end),
        **fields,  # type: ignore[arg-type]
    )


def _sentence_statistics(
    paper: Paper,
    block: Block,
    start: int,
    sentence: str,
    carried: _Carried,
    default_place: str | None,
    notes: dict[str, Period],
    own_span: tuple[int, int],
) -> list[Statistic]:
    """The figures of ``sentence[own_span[0]:own_span[1]]``; the rest of ``sentence`` is context the layout set apart
    (:mod:`.statistics_layout`), read for what the figures measure but holding none of them. ``start`` is
    where ``sentence`` would begin in the paper's text, so figure offsets map back to it."""
    periods = find_periods(sentence)
    own = _own_periods(sentence, periods)
    noted = next((notes[m.group(0)] for m in _FOOTNOTE_MARK.finditer(sentence) if m.group(0) in notes), None)
    if noted is not None:
        own = [noted]  # "over the last 12 months¹¹" with "¹¹ The 12 month period up to 8th March 2016"
    figures = [figure for figure in find_quantities(sentence) if _keep(figure)]
    figures = [f for f in figures if own_span[0] <= f.start and f.end <= own_span[1] and not any(p.start <= f.start and f.end <= p.end for p in periods)]
    if not figures:
        # "In the 4 months of June 2023 to September 2023 (incl.)" ends a sentence at "incl." and opens the next.
        if own:
            carried.period = max(own, key=lambda p: (p.first is not None or p.last is not None, p.start))
        return []
    clean = clean_line(_MARKUP.sub("", sentence[own_span[0] :]))
    out = []
    previous_end = 0
    before_sentence = carried.metric
    for figure in figures:
        direction = direction_of(sentence, figure, previous_end)
        # A change is reported for the sentence's own period ("down 20% compared to 2011/12"); a level
        # takes the period printed next to it, a compared one's included ("compared to 415 in the previous year").
        period = _nearest_period(own if direction else periods, figure, figures) or carried.period
        if noted is not None and (direction or period is None or not (period.first or period.last)):
            period = noted
        relative = relative_to(sentence, figure)
        comparison = comparison_of(sentence, figure) if direction or relative or figure.unit == "percentage_points" else None
        if direction and comparison is None:
            comparison = carried.comparison
        place = place_of(sentence, figure) or carried.place or default_place
        # "(8,379 compared to 9,944 a year ago)", "This is a decrease of 32%": the thing measured was named before.
        metric = _metric(sentence, figure, previous_end, carried, before_sentence, relative)
        carried.metric = metric
        out.append(
            _record(
                paper,
                block.page,
                start,
                figure,
                metric=metric,
                period=period.text if period else None,
                period_start=period.first if period else None,
                period_end=period.last if period else None,
                place=place,
                direction=direction,
                comparison=comparison,
                sentence=clean,
                table=False,
            )
        )
        previous_end = figure.end
        if comparison:
            carried.comparison = comparison
    if own:
        carried.period = max(own, key=lambda p: (p.first is not None or p.last is not None, p.start))
    return out


def _prose_statistics(
    paper: Paper, block: Block, carried: _Carried, default_place: str | None, notes: dict[str, Period], context: BlockContext
) -> list[Statistic]:
    out: list[Statistic] = []
    spans = sentence_spans(block.text)
    for number, (start, end) in enumerate(spans):
        before = context.before if number == 0 else ""
        after = context.after if number == len(spans) - 1 else ""
        own = without_list_mark(block.text[start:end]) if before else block.text[start:end]
        sentence = f"{before}{own}{after}"
        own_span = (len(before), len(before) + end - start)
        out.extend(_sentence_statistics(paper, block, block.start + start - len(before), sentence, carried, default_place, notes, own_span))
    return out


def _paper_date(paper: Paper) -> dt.date | None:
    """The paper's own date (its meeting's or its cover's), which dates a table header that prints no year."""
    try:
        return dt.date.fromisoformat(paper.date) if paper.date else None
    except ValueError:
        return None


def _table_statistics(paper: Paper, block: Block, carried: _Carried, default_place: str | None) -> list[Statistic]:
    out = []
    for found in table_figures(block, _paper_date(paper)):
        period = found.period
        out.append(
            _record(
                paper,
                block.page,
                found.cell.start,
                found.quantity,
                metric=found.label or None,
                period=period.text if period else None,
                period_start=period.first if period else None,
                period_end=period.last if period else None,
                place=carried.place or default_place,
                direction=found.direction,
                comparison=found.comparison,
                sentence=clean_line(_MARKUP.sub("", found.row_text)),
                table=True,
            )
        )
    return out


def extract_statistics(paper: Paper) -> list[Statistic]:
    """Every figure quoted in ``paper`` (prose and tables), in reading order."""
    default_place = _default_place(paper.text)
    notes = _footnote_periods(paper.text)
    acronyms = defined_acronyms(paper.text)
    carried = _Carried()
    out: list[Statistic] = []
    for index, block in enumerate(paper.blocks):
        if block.kind == "heading":
            carried = _Carried()
            continue
        if block.kind == "table":
            out.extend(_table_statistics(paper, block, carried, default_place))
        else:
            if block.kind != "list_item":
                # a new paragraph states its own period and comparison; a list item goes on with its lead-in's
                carried.period = carried.comparison = None
            if not _MAY_HOLD_FIGURES.search(block.text):
                continue  # nothing to read, so no neighbours to read it with
            context = block_context(paper.blocks, index)
            carried.metric = context.label or carried.metric
            out.extend(_prose_statistics(paper, block, carried, default_place, notes, context))
    return [_spelled_out(statistic, acronyms) for statistic in out]


def _spelled_out(statistic: Statistic, acronyms: dict[str, str]) -> Statistic:
    """A metric that is only an acronym the paper defines, with its words: "VWI" -> "violence with injury (VWI)"."""
    if statistic.metric not in acronyms:
        return statistic
    return replace(statistic, metric=f"{acronyms[statistic.metric]} ({statistic.metric})")
