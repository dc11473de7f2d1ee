"""Relinking board by board: an import recomputes the boards it changed, and the archive ends as a full relink leaves it.

Three boards: a generated series (its minutes name the board without its
place, its action logs with it), a tiny police and crime panel whose minutes
list one of the series' members (Priya Lindqvist), and the corpus's Barnet
board (no one in common).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from boardpapers.store import Archive
from conftest import CORPUS

from make_series import write_series  # noqa: E402  (tests/conftest.py puts scripts/ on the path)

SERIES = "community-safety-partnership-board"
SERIES_LOGS_ONLY = "ashcombe-community-safety-partnership-board"
PANEL = "police-and-crime-panel"
BARNET = "safer-communities-partnership-board"

PANEL_MINUTES = """Police and Crime Panel

Minutes of the meeting held on Wednesday 5 December 2012 at 10.00 am

Present:

Councillor Ruth Abernethy (Chairman)

Priya Lindqvist – Head of Probation, Probation Service

Tomasz Adeyemi – Panel Officer

1. Actions

Tomasz Adeyemi agreed to publish the panel's annual report on the website. (Action)

Priya Lindqvist agreed to report on reoffending rates at the next meeting. (Action)
"""


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("papers")
    write_series(folder / "series", 4, 1, ["txt"])
    series = sorted((folder / "series").glob("*.txt"))
    panel = folder / "panel" / "2012-12-05_panel_minutes.txt"
    panel.parent.mkdir()
    panel.write_text(PANEL_MINUTES, encoding="utf-8")
    return {"series": series, "panel": [panel], "barnet": [next(CORPUS.glob("002_*.txt"))]}


def _snapshot(archive: Archive) -> dict[str, Any]:
    """Everything relink writes, as the archive answers it (sighting actions as indexes into actions())."""
    tables = ("meeting_chairs", "initials_keys")
    return {
        "tracked": [item.to_dict() for item in archive.tracked_actions()],
        "outstanding": [item.to_dict() for item in archive.outstanding()],
        "people": [person.to_dict() for person in archive.people()],
        "person_ids": [tuple(row) for row in archive.connection.execute("SELECT id, person_id FROM attendance ORDER BY id")],
        "meetings": [meeting.to_dict() for meeting in archive.meetings()],
        "boards": [tuple(row) for row in archive.connection.execute("SELECT key, inputs, action_items FROM boards ORDER BY key")],
        **{table: sorted(tuple(row) for row in archive.connection.execute(f"SELECT * FROM {table}")) for table in tables},
    }


def _as_full_relink_leaves_it(archive: Archive) -> dict[str, Any]:
    """The archive's snapshot, after checking that a full relink changes nothing in it."""
    incremental = _snapshot(archive)
    archive.relink()
    assert _snapshot(archive) == incremental
    return incremental


def test_store_relink_two_batches_equal_one_import(papers, tmp_path):
    series = papers["series"]
    first, second = [*series[:4], *papers["barnet"]], series[4:]
    with Archive(tmp_path / "batches.db") as archive:
        assert set(archive.import_path(first).relinked) == {SERIES, BARNET}
        report = archive.import_path(second)
        assert report.relinked == (SERIES,)  # Barnet's papers, and the people they can mean, did not change
        batches = _as_full_relink_leaves_it(archive)
    with Archive(tmp_path / "once.db") as archive:
        archive.import_path([*first, *second])
        assert _snapshot(archive) == batches
    assert batches["tracked"] and batches["outstanding"]


def test_store_relink_a_new_board_leaves_the_others(papers, tmp_path):
    with Archive(tmp_path / "archive.db") as archive:
        archive.import_path([*papers["series"], *papers["panel"]])
        linked_at = dict(archive.connection.execute("SELECT key, linked_at FROM boards").fetchall())
        before = _snapshot(archive)
        assert archive.import_path(papers["barnet"]).relinked == (BARNET,)
        after = _as_full_relink_leaves_it(archive)
    kept = [item for item in after["tracked"] if not item["meeting"].startswith(BARNET)]
    assert kept == before["tracked"] and len(after["tracked"]) > len(kept)
    assert set(linked_at) == {SERIES, PANEL}


def test_store_relink_a_shared_member_relinks_both_boards(papers, tmp_path):
    # The panel lists Priya Lindqvist with a new role, which "the Head of Probation" at a series meeting
    # would now mean: the series board is relinked with the panel, as the full relink would link it.
    with Archive(tmp_path / "archive.db") as archive:
        archive.import_path(papers["series"])
        report = archive.import_path(papers["panel"])
        assert set(report.relinked) == {SERIES, PANEL}
        _as_full_relink_leaves_it(archive)
        lindqvist = next(person for person in archive.people() if person.name == "Priya Lindqvist")
        assert any(meeting.startswith(PANEL) for meeting in lindqvist.meetings)
        assert any(meeting.startswith(SERIES) for meeting in lindqvist.meetings)


def test_store_relink_second_name_arrives_later(papers, tmp_path):
    # The logs alone name the board with its place; the minutes, imported later, make that name an alias.
    logs = [path for path in papers["series"] if "action_log" in path.name]
    minutes = [path for path in papers["series"] if "minutes" in path.name]
    with Archive(tmp_path / "archive.db") as archive:
        assert archive.import_path(logs).relinked == (SERIES_LOGS_ONLY,)
        assert archive.import_path(minutes).relinked == (SERIES,)
        boards = [row[0] for row in archive.connection.execute("SELECT DISTINCT board FROM action_items")]
        assert boards == [SERIES]
        _as_full_relink_leaves_it(archive)


def test_store_relink_a_changed_file_relinks_its_board(papers, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    for path in [*papers["series"], *papers["panel"]]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        archive.import_path(folder)
        log = next(path for path in sorted(folder.glob("*action_log.txt")) if "\tOpen\t" in path.read_text(encoding="utf-8"))
        log.write_text(log.read_text(encoding="utf-8").replace("\tOpen\t", "\tCompleted\t", 1), encoding="utf-8")
        report = archive.import_path(folder)
        assert report.imported == (str(log),) and report.relinked == (SERIES,)
        _as_full_relink_leaves_it(archive)
        assert archive.counts()["files"] == len(papers["series"]) + 1


def test_store_relink_content_moving_within_one_import(papers, tmp_path):
    # The last log moves to a new name while its old name gets other bytes: its content is deleted, then
    # imported again under the same row ids; the board must still be relinked (deleting cascaded into its sightings).
    folder = tmp_path / "papers"
    folder.mkdir()
    for path in papers["series"]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with Archive(tmp_path / "archive.db") as archive:
        archive.import_path(folder)
        last = sorted(folder.glob("*.txt"))[-1]
        (folder / f"{last.stem}_moved.txt").write_text(last.read_text(encoding="utf-8"), encoding="utf-8")
        last.write_text("Shopping list: milk, eggs and bread.\n", encoding="utf-8")
        archive.import_path(folder)
        _as_full_relink_leaves_it(archive)


def test_store_relink_links_written_before_the_upgrade_are_redone(papers, tmp_path):
    # An archive linked by a boardpapers without canonical meetings, chairs and boards: the next import relinks it.
    with Archive(tmp_path / "archive.db") as archive:
        archive.import_path(papers["series"])
        linked = _snapshot(archive)
        for sql in ("UPDATE meetings SET canonical = NULL", "UPDATE action_items SET board = NULL", "DELETE FROM boards", "DELETE FROM meeting_chairs"):
            archive.connection.execute(sql)
        report = archive.import_path(papers["series"])
        assert report.imported == () and report.relinked == (SERIES,)
        assert _snapshot(archive) == linked
