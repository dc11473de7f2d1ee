"""Action tracking scored end to end on a small generated series: reading, linking, final status and
the outstanding list against the series' truth (the measures ``scripts/evaluate.py --series`` prints)."""

from __future__ import annotations

from pathlib import Path

import pytest

from _evaluate_series import evaluate_series  # noqa: E402  (tests/conftest.py puts scripts/ on the path)
from make_series import write_series  # noqa: E402


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out: Path = tmp_path_factory.mktemp("series")
    write_series(out, 10, 1, ["txt"])
    return evaluate_series(out)


def test_evaluate_series_tracks_and_lists_what_is_still_open(report):
    assert report["sightings_read"] >= 0.9 * report["sightings_true"]
    assert report["pairing_end_to_end"]["f1"] >= 0.85
    assert report["status_accuracy"] >= 0.85
    outstanding = report["outstanding"]
    assert outstanding["truth_open"] and outstanding["precision"] >= 0.8 and outstanding["recall"] >= 0.8
