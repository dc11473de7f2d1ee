"""The synthetic board series (scripts/make_series.py): deterministic, and its truth matches its files.

A short series (four meetings, every format) is written once per session;
every test reads it back through the library, so a truth that drifts from
what the files say, or a file the readers cannot take, fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fpdf", reason="fpdf2 (the test extra) renders the series PDFs")

import boardpapers  # noqa: E402
from boardpapers.ingest import load  # noqa: E402

from make_series import main, write_series  # noqa: E402  (tests/conftest.py puts scripts/ on the path)
from _series_plan import plan_series  # noqa: E402

SEED = 11
MEETINGS = 4
FORMATS = ["pdf", "docx", "txt"]
STATUSES = {"raised", "open", "ongoing", "carried_forward", "done", "dropped"}


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("series")
    return out, write_series(out, MEETINGS, SEED, FORMATS)


@pytest.fixture(scope="module")
def parsed(series: tuple[Path, dict]) -> dict[str, boardpapers.ParseResult]:
    out, truth = series
    return {name: boardpapers.parse(out / name) for meeting in truth["meetings"] for name in meeting["files"].values() if name}


def _sightings(truth: dict) -> list[dict]:
    return [sighting for action in truth["actions"] for sighting in action["sightings"]]


def test_make_series_same_seed_same_truth_bytes(series: tuple[Path, dict], tmp_path: Path) -> None:
    out, _ = series
    write_series(tmp_path / "again", MEETINGS, SEED, FORMATS)
    write_series(tmp_path / "other", MEETINGS, SEED + 1, FORMATS)
    first = (out / "truth.json").read_bytes()
    assert (tmp_path / "again" / "truth.json").read_bytes() == first
    assert (tmp_path / "other" / "truth.json").read_bytes() != first


def test_make_series_writes_every_file_truth_names(series: tuple[Path, dict]) -> None:
    out, truth = series
    named = {name for meeting in truth["meetings"] for name in meeting["files"].values() if name}
    written = {path.name for path in out.iterdir()} - {"truth.json"}
    assert named == written
    assert {Path(name).suffix for name in named} == {".pdf", ".docx", ".txt"}
    assert json.loads((out / "truth.json").read_text(encoding="utf-8")) == truth


@pytest.mark.parametrize("field", ["text", "status_text", "owner_text", "due_text", "update"])
def test_make_series_sighting_text_is_in_the_parsed_paper(
    series: tuple[Path, dict], parsed: dict[str, boardpapers.ParseResult], field: str
) -> None:
    _, truth = series
    missing = [
        (sighting["file"], sighting[field])
        for sighting in _sightings(truth)
        if sighting.get(field) and sighting[field] not in parsed[sighting["file"]].papers[0].text
    ]
    assert not missing


def test_make_series_papers_give_their_meeting_date_and_kind(
    series: tuple[Path, dict], parsed: dict[str, boardpapers.ParseResult]
) -> None:
    _, truth = series
    for meeting in truth["meetings"]:
        for kind, name in meeting["files"].items():
            if name:
                paper = parsed[name].papers[0]
                assert (name, paper.kind, str(paper.meeting_date)) == (name, kind, meeting["date"])


def test_make_series_action_log_reaches_the_reader_as_one_table(series: tuple[Path, dict]) -> None:
    out, truth = series
    rows_per_file: dict[str, int] = {}
    for sighting in _sightings(truth):
        if sighting["kind"] == "action_log":
            rows_per_file[sighting["file"]] = rows_per_file.get(sighting["file"], 0) + 1
    assert len(rows_per_file) >= MEETINGS - 1
    for name, rows in rows_per_file.items():
        tables = [block for block in load(out / name).blocks if block.kind == "table"]
        assert len(tables) == 1, name
        assert (tables[0].header_rows, len(tables[0].rows)) == (1, rows + 1), name


def test_make_series_action_lives_follow_the_documented_rules(series: tuple[Path, dict]) -> None:
    _, truth = series
    dates = [meeting["date"] for meeting in truth["meetings"]]
    names = {person["name"] for person in truth["people"]} | {team["name"] for team in truth["teams"]}
    for action in truth["actions"]:
        sightings = action["sightings"]
        assert sightings and all(s["status"] in STATUSES for s in sightings)
        assert set(action["owners"]) <= names
        assert [s["meeting"] for s in sightings] == sorted(s["meeting"] for s in sightings)
        assert (sightings[0]["kind"] == "raised") == action["raised_in_series"]
        closing = [s for s in sightings if s["status"] in {"done", "dropped"}]
        if closing:
            # A completed or dropped action is not seen at any later meeting, and lived 1-5 meetings.
            assert all(s["meeting"] == closing[0]["meeting"] for s in sightings[sightings.index(closing[0]):])
            assert action["closed"] == closing[0]["meeting"]
            raised_at = dates.index(action["raised"]) if action["raised_in_series"] else -1
            assert 1 <= dates.index(action["closed"]) - raised_at <= 5
        expected = sightings[-1]["status"] if sightings[-1]["status"] != "raised" else "open"
        assert action["final_status"] == expected


def test_make_series_log_owners_are_recorded_variants(series: tuple[Path, dict]) -> None:
    _, truth = series
    variants = {v for entry in truth["people"] + truth["teams"] for v in entry["variants"]}
    owners = [s["owner_text"] for s in _sightings(truth) if s["kind"] == "action_log"]
    assert owners
    assert all(part in variants for owner in owners for part in owner.split(" / "))


@pytest.mark.parametrize("meetings", [1000])
def test_make_series_long_series_keeps_dates_the_parser_reads(meetings: int) -> None:
    dates = [meeting.date for meeting in plan_series(meetings, SEED).meetings]
    assert len(dates) == meetings
    assert all(earlier < later for earlier, later in zip(dates, dates[1:]))
    assert dates[-1].year <= 2099


@pytest.mark.parametrize("argv", [["--formats", "xls"], ["--meetings", "0"]])
def test_make_series_cli_rejects_bad_arguments(tmp_path: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main([str(tmp_path / "out"), *argv])
    assert raised.value.code == 2
    assert not (tmp_path / "out" / "truth.json").exists()
