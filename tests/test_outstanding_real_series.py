"""Outstanding actions on a real series: the Decoy governors' full governing body and committee minutes
(2019-2022), whose action tables carry open actions from meeting to meeting."""

from __future__ import annotations

import json

import pytest

import boardpapers
from boardpapers.cli import main


@pytest.fixture(scope="module")
def decoy(realdocs, tmp_path_factory: pytest.TempPathFactory) -> boardpapers.Archive:
    archive = boardpapers.Archive(tmp_path_factory.mktemp("decoy") / "decoy.db")
    report = archive.import_path(realdocs / "decoy-series")
    assert not report.failed
    return archive


def test_outstanding_leaves_out_actions_the_board_stopped_mentioning(decoy):
    default = list(decoy.outstanding())
    everything = list(decoy.outstanding(include_unmentioned=True))
    assert default and len(default) < len(everything)
    assert all(o.meetings_since < 2 for o in default)
    assert not any(o.unmentioned for o in default)
    dropped = [o for o in everything if o.meetings_since >= 2]
    assert dropped and all("not mentioned at the" in o.reason for o in dropped)
    # Carried from December 2019 to March 2020, then never listed again by a board that met on.
    gdpr = next(o for o in everything if "training on GDPR" in o.action.text)
    assert gdpr.last_sighting.date == "2020-03-23" and gdpr.meetings_since >= 2
    assert gdpr not in default


def test_outstanding_one_board_under_two_names(decoy):
    """Its 2019 minutes call it "Board of Governors", later ones "Full Governing Body": one board."""
    gdpr = next(t for t in decoy.tracked_actions() if "training on GDPR" in t.text)
    assert {s.date for s in gdpr.sightings} >= {"2019-12-09", "2020-02-03", "2020-03-23"}


def test_cli_outstanding_unmentioned_flag(decoy, capsys):
    argv = ["actions", "--outstanding", "--db", str(decoy.path), "--json"]
    capsys.readouterr()
    assert main(argv) == 0
    default = json.loads(capsys.readouterr().out)
    assert main([*argv, "--unmentioned"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert len(default) < len(everything)
