"""Figure search: one measure's figures across papers and years, in time order, conflicts flagged.

Most tests search the hand-written gold statistics of the five corpus papers
(2014 to 2023), so they test the search and not the extractor; the last ones
parse the corpus end to end.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from datetime import date

import pytest

from boardpapers import parse
from boardpapers.link.figures import Figure, candidate_figures, figure_of, select_figures, values_agree
from boardpapers.link.metrics import key_words
from boardpapers.query import FigureArchive, figures
from boardpapers.records import Paper, ParseResult, Source, Statistic
from conftest import CORPUS, GOLD, corpus_papers

STATISTIC_FIELDS = ("value", "unit", "per", "surface", "metric", "period", "period_start", "period_end", "place",
                    "direction", "comparison", "table", "value_high", "qualifier")


def _gold_result(stem: str) -> ParseResult:
    """One corpus paper as a parse result holding its gold statistics, each pointed at its quote."""
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    described = json.loads((GOLD / f"{stem}.structure.json").read_text(encoding="utf-8"))["papers"][0]
    paper = Paper(id=stem, source=f"{stem}.txt", format="text", kind=described["kind"], title=described["title"],
                  body=described["body"], meeting_date=described["meeting_date"], author=None, pages=None, text=text)
    statistics = []
    for record in json.loads((GOLD / f"{stem}.statistics.json").read_text(encoding="utf-8"))["statistics"]:
        start = max(text.find(record["quote"].split(" | ")[0]), 0)
        source = Source(stem, None, start, start + len(record["quote"]))
        fields = {name: record[name] for name in STATISTIC_FIELDS}
        statistics.append(Statistic(paper=stem, sentence=record["quote"], source=source, **fields))
    return ParseResult(papers=(paper,), statistics=tuple(statistics))


@pytest.fixture(scope="module")
def gold_results() -> list[ParseResult]:
    return [_gold_result(path.stem) for path in corpus_papers()]


def _years(found: Iterable[Figure]) -> set[int]:
    return {int(figure.when[:4]) for figure in found if figure.when}


def test_figures_residential_burglary_across_the_years(gold_results):
    found = figures(gold_results, "residential burglary")
    assert {2014, 2016, 2022, 2023} <= _years(found)
    for figure in found:
        words = key_words(figure.statistic.metric)
        assert {"residential", "burglary"} <= words and "non-residential" not in words, figure.statistic.metric


def test_figures_wider_query_includes_the_narrower_measure(gold_results):
    def found(query: str) -> set[int]:
        return {id(figure.statistic) for figure in figures(gold_results, query)}

    wide, narrow, other = found("burglary"), found("residential burglary"), found("non-residential burglary")
    assert narrow and other and narrow | other < wide
    assert not narrow & other


@pytest.mark.parametrize("query", ["residential burglary", "burglary", "robbery"])
def test_figures_come_in_time_order_undated_last(gold_results, query):
    found = figures(gold_results, query)
    dated = [figure.when for figure in found if figure.when]
    assert dated == sorted(dated)
    assert [figure.when is None for figure in found] == sorted(figure.when is None for figure in found)


@pytest.mark.parametrize("since, until", [(2016, 2022), ("2016-04-01", "2022-03-31"), (date(2014, 1, 1), None), (None, 2016)])
def test_figures_since_until_bound_when(gold_results, since, until):
    found = figures(gold_results, "burglary", since=since, until=until)
    assert found
    low = str(since)[:4] if since is not None else "0000"
    high = str(until)[:4] if until is not None else "9999"
    assert all(low <= figure.when[:4] <= high for figure in found)


@pytest.mark.parametrize("unit", ["count", "percent", "rank"])
def test_figures_unit_keeps_one_unit(gold_results, unit):
    found = figures(gold_results, "residential burglary", unit=unit)
    assert found and {figure.statistic.unit for figure in found} == {unit}


@pytest.mark.parametrize("bad", [{"unit": "percentage"}, {"since": "last year"}, {"until": 13}])
def test_figures_bad_arguments_name_the_value(gold_results, bad):
    with pytest.raises(ValueError, match=repr(next(iter(bad.values())))):
        figures(gold_results, "burglary", **bad)


def test_figures_carry_paper_and_meeting(gold_results):
    found = figures(gold_results, "residential burglary", until=2016)
    minutes_2023 = figures(gold_results, "residential burglary", since=2023)
    assert {figure.paper_kind for figure in found} >= {"pack"}
    assert all(figure.meeting_date == figure.when == "2023-11-24" for figure in minutes_2023)
    assert all(figure.paper_title == "Minutes of meeting held on 24 November 2023" for figure in minutes_2023)


def test_figures_to_dict_is_json(gold_results):
    figure = figures(gold_results, "residential burglary")[0]
    data = json.loads(json.dumps(figure.to_dict()))
    assert data["statistic"]["surface"] == figure.statistic.surface
    assert data["metric_key"] == "burglary residential" and data["conflicts"] == []


# Conflicts, on tiny self-describing statistics.


def _statistic(metric: str, value: float, *, start: int = 0, paper: str = "p", **fields: object) -> Statistic:
    base = dict(unit="count", per=None, surface=str(value), period="12 months to January 2016",
                period_start="2015-02-01", period_end="2016-01-31", place="Barnet", direction=None, comparison=None)
    base.update(fields)
    return Statistic(paper=paper, value=value, metric=metric, sentence="", table=False,
                     source=Source(paper, None, start, start + 4), **base)  # type: ignore[arg-type]


def _paper(paper_id: str, meeting_date: str | None) -> Paper:
    return Paper(id=paper_id, source="", format="text", kind="report", title=None, body=None,
                 meeting_date=meeting_date, author=None, pages=None, text="")


def _conflicts(first: Statistic, second: Statistic, dates: tuple[str | None, str | None] = ("2016-04-22", "2016-04-22")):
    candidates = [figure_of(first, _paper(first.paper, dates[0])), figure_of(second, _paper(second.paper, dates[1]))]
    return [figure.conflicts for figure in select_figures(candidates, "residential burglary")]


def test_figures_conflicting_values_point_at_each_other():
    first = _statistic("Residential Burglary", 2697, paper="a", start=10)
    second = _statistic("Burglary Res", 2700, paper="b", start=20)
    assert _conflicts(first, second) == [(("b", 20),), (("a", 10),)]


@pytest.mark.parametrize(
    "second",
    [
        _statistic("residential burglaries", 2697.0, start=9),
        _statistic("residential burglary", 2697, start=9, place="London"),
        _statistic("residential burglary", 2900, start=9, period="2014/15", period_start="2014-04-01", period_end="2015-03-31"),
        _statistic("residential burglary", 2900, start=9, unit="rate"),
        _statistic("residential burglary", 2900, start=9, period=None, period_start=None, period_end=None),
        _statistic("residential burglary", 2600, start=9, qualifier="over"),
        _statistic("residential burglary", 2650, start=9, qualifier="approximately"),
    ],
    ids=["same value", "other place", "other period", "other unit", "no period", "over", "approximately"],
)
def test_figures_no_conflict_when_the_figures_can_agree(second):
    first = _statistic("residential burglary", 2697)
    assert _conflicts(first, second) == [(), ()]


@pytest.mark.parametrize(
    "first, second, expected",
    [
        (_statistic("b", 21.1, unit="percent", direction="decrease", comparison="2011/12 baseline"),
         _statistic("b", -21.1, unit="percent", direction="decrease", comparison="2011/12 baseline"), True),
        (_statistic("b", 20, unit="percent", direction="decrease", qualifier="over"),
         _statistic("b", -21.1, unit="percent", direction="decrease"), True),
        (_statistic("b", 19, unit="percent"), _statistic("b", 18.6, unit="percent"), True),
        (_statistic("b", 19, unit="percent"), _statistic("b", 17.9, unit="percent"), False),
        (_statistic("b", 6, value_high=10), _statistic("b", 8), True),
        (_statistic("b", 2406), _statistic("b", 2400), False),
    ],
)
def test_figures_values_agree_by_size_qualifier_and_rounding(first, second, expected):
    assert values_agree(first, second) is expected


def test_figures_ranks_are_never_compared():
    """"Similar group rank 12" and "London rank 23": the group ranked in is not recorded."""
    first = _statistic("residential burglary", 12, unit="rank")
    second = _statistic("residential burglary", 23, unit="rank", start=9)
    assert _conflicts(first, second) == [(), ()]


def test_figures_relative_period_words_compare_only_at_one_date():
    words = dict(period="the last 24 months", period_start=None, period_end=None)
    first = _statistic("residential burglary", 240, paper="a", **words)
    second = _statistic("residential burglary", 250, paper="b", **words)
    assert _conflicts(first, second, ("2016-04-22", "2023-11-24")) == [(), ()]
    assert _conflicts(first, second, ("2016-04-22", "2016-04-22")) == [(("b", 0),), (("a", 0),)]


# Sources: an archive answers the same as parse results.


class _ListArchive:
    """The archive protocol over figures in memory, recording what it was asked."""

    def __init__(self, figures: list[Figure]) -> None:
        self.figures = figures
        self.asked: list[tuple[frozenset[str], str | None, str | None, str | None]] = []

    def metric_keys(self) -> Iterable[str]:
        return {figure.metric_key for figure in self.figures if figure.metric_key}

    def figure_candidates(self, keys: Collection[str], *, unit=None, since=None, until=None) -> Iterable[Figure]:
        self.asked.append((frozenset(keys), unit, since, until))
        return [figure for figure in self.figures if figure.metric_key in keys]


def test_figures_from_an_archive_match_figures_from_results(gold_results):
    archive = _ListArchive([figure for result in gold_results for figure in candidate_figures(result)])
    assert isinstance(archive, FigureArchive)
    from_archive = figures(archive, "residential burglary", since=2014, until=2023)
    assert from_archive == figures(gold_results, "residential burglary", since=2014, until=2023)
    assert archive.asked == [(frozenset({"burglary residential"}), None, "2014-01-01", "2023-12-31")]


def test_figures_from_one_result_and_from_a_list(gold_results):
    one = gold_results[1]
    assert figures(one, "burglary") == figures([one], "burglary") != []


def test_figures_rejects_what_is_not_a_source():
    with pytest.raises(TypeError, match="int"):
        figures(42, "burglary")  # type: ignore[arg-type]


# End to end: the parser's own statistics.


@pytest.fixture(scope="module")
def parsed_corpus() -> list[ParseResult]:
    return [parse(path) for path in corpus_papers()]


def test_figures_parsed_corpus_answers_residential_burglary_side_by_side(parsed_corpus):
    found = figures(parsed_corpus, "residential burglary")
    assert {2014, 2016, 2022, 2023} <= _years(found)
    texts = {paper.id: paper.text for result in parsed_corpus for paper in result.papers}
    for figure in found:
        source = figure.statistic.source
        assert figure.statistic.surface in texts[source.paper][source.start : source.end]
        assert "non-residential" not in key_words(figure.statistic.metric)


def test_figures_from_paths_parse_each_file(parsed_corpus):
    pack = corpus_papers()[1]
    assert figures(pack, "burglary") == figures([str(pack)], "burglary") == figures(parsed_corpus[1], "burglary") != []
