"""Metric keys: one key for one measure however a paper words it; queries find narrower measures, never wider."""

from __future__ import annotations

import json

import pytest

from boardpapers.link.metrics import key_words, lemma, matching_keys, metric_key
from conftest import GOLD


def _gold_metrics() -> list[str]:
    metrics = set()
    for path in sorted(GOLD.glob("*.statistics.json")):
        metrics.update(s["metric"] for s in json.loads(path.read_text(encoding="utf-8"))["statistics"] if s["metric"])
    return sorted(metrics)


@pytest.mark.parametrize(
    "variants",
    [
        # As the corpus papers print residential burglary, 2014 to 2023.
        (
            "Residential Burglary",
            "residential burglary",
            "residential burglaries",
            "Burglary Res",
            "Burglary - Residential",
            "residential burglary offences",
            "rate of residential burglary (per 1,000 households)",
            "residential burglary rate",
            "burglary in a dwelling",
        ),
        ("non-residential burglary", "Non - Residential burglary", "Non res burglary", "Burglary (business and community)", "burglary other than a dwelling"),
        ("burglary", "Burglary", "burglaries", "burglary offences", "Burglary overall", "burglary rate per 1000 population"),
        ("ASB calls", "anti-social behaviour calls", "Antisocial behavior calls", "anti social behaviour call"),
        ("violence with injury (VWI)", "VWI", "Violence with Injury"),
        ("DV incidents", "domestic violence", "Domestic Violence incidents"),
        ("VAWG", "violence against women and girls"),
        ("TNO", "total notifiable offences", "total crime", "crimes", "total offences", "crime incidents"),
        ("knife crime", "knife offences", "Knife Crime incidents"),
        ("re-offending rate", "reoffending"),
    ],
)
def test_metrics_variants_share_one_key(variants):
    keys = {metric_key(variant) for variant in variants}
    assert len(keys) == 1 and None not in keys, keys


@pytest.mark.parametrize(
    "first, second",
    [
        ("burglary", "residential burglary"),
        ("residential burglary", "non-residential burglary"),
        ("burglary", "non-residential burglary"),
        ("domestic violence", "domestic abuse"),
        ("residential burglary", "sanction detection rate for residential burglary"),
    ],
)
def test_metrics_different_measures_have_different_keys(first, second):
    assert metric_key(first) != metric_key(second)


@pytest.mark.parametrize("metric", [None, "", "the number of", "  ", "of the"])
def test_metrics_key_is_none_when_no_measure_is_named(metric):
    assert metric_key(metric) is None


@pytest.mark.parametrize("metric", ["Burglary Res", "rate of residential burglary (per 1,000 households)"])
def test_metrics_key_is_sorted_words(metric):
    key = metric_key(metric)
    assert key is not None and key.split() == sorted(key.split())


@pytest.mark.parametrize(
    "word, expected",
    [
        ("burglaries", "burglary"),
        ("offences", "offence"),
        ("crimes", "crime"),
        ("businesses", "business"),
        ("searches", "search"),
        ("children", "child"),
        ("knives", "knife"),
        ("status", "status"),
        ("premises", "premises"),
        ("18-year-olds", "18-year-old"),
        ("mps", "mps"),
        ("ties", "tie"),
    ],
)
def test_metrics_lemma_reduces_plurals_by_rule(word, expected):
    assert lemma(word) == expected


def test_metrics_key_of_a_key_is_itself():
    """Keys are stored and read back as queries: keying a key must not change it (every gold metric)."""
    changed = {metric: key for metric in _gold_metrics() if (key := metric_key(metric)) and metric_key(key) != key}
    assert not changed


STORED = [
    metric_key(m)
    for m in (
        "burglary",
        "Residential Burglary",
        "Non - Residential burglary",
        "sanction detection rate for residential burglary",
        "households and businesses becoming victims of burglary",
        "share of cost of crime: burglary",
        "robbery",
    )
]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("burglary", {"burglary", "burglary residential", "burglary non-residential"}),
        ("Burglaries", {"burglary", "burglary residential", "burglary non-residential"}),
        ("residential burglary", {"burglary residential"}),
        ("Burglary Res", {"burglary residential"}),
        ("non-residential burglary", {"burglary non-residential"}),
        ("burglery residental", {"burglary residential"}),
        ("sanction detection rate", {"burglary detection residential sanction"}),
        ("victims of burglary", {"becoming burglary business household victim"}),
        ("arson", set()),
        ("the number of", set()),
    ],
)
def test_metrics_matching_keys_wider_query_includes_narrower(query, expected):
    assert matching_keys(query, STORED) == expected


def test_metrics_typo_never_reads_residential_as_non_residential():
    assert matching_keys("residentail burglary", [metric_key("non-residential burglary")]) == set()


def test_metrics_key_words_match_key():
    assert key_words("Burglary - Residential") == frozenset(metric_key("Burglary - Residential").split())
