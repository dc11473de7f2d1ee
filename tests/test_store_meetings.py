"""One meeting per board and date in the archive, however the board's papers name it.

The minutes below name the board without its place, the action log with it
("Eastbrook ..."): ``parse`` gives them two meeting ids, the archive one meeting.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boardpapers.cli import main
from boardpapers.store import Archive

from make_series import write_series  # noqa: E402  (tests/conftest.py puts scripts/ on the path)

SHORT = "community-safety-partnership-board/2016-02-04"
LONG = "eastbrook-community-safety-partnership-board/2016-02-04"

MINUTES = """Community Safety Partnership Board

Minutes of the meeting held on Thursday 4 February 2016 at 2.00 pm

Present:

Councillor Ann Lee (Chairman)

Jolyon Neely (JN) – Head of Community Safety

1. Actions

Jolyon Neely agreed to circulate the burglary figures to members. (Action)
"""

LOG = """Actions Log

Eastbrook Community Safety Partnership Board

Meeting held on 4 February 2016

Date raised\tAction\tOwner\tStatus
04.02.2016\tCirculate burglary figures to members\tJN\tOpen
"""


def _write(folder: Path, **texts: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts.items():
        paths.append(folder / f"{name}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.parametrize("batches", [["minutes", "log"], ["log", "minutes"], ["minutes log"]], ids=["minutes-first", "log-first", "together"])
def test_store_meetings_one_meeting_under_both_names(tmp_path, batches):
    # A later import can bring the other name: the canonical ids are recomputed at each relink.
    paths = dict(zip(("minutes", "log"), _write(tmp_path / "papers", minutes=MINUTES, log=LOG)))
    with Archive(tmp_path / "archive.db") as archive:
        for batch in batches:
            archive.import_path([paths[name] for name in batch.split()])
        [meeting] = archive.meetings()
        assert meeting.id == SHORT
        assert meeting.chair == "Ann Lee" and meeting.body == "Community Safety Partnership Board"
        assert len(meeting.papers) == 2
        assert archive.meeting(LONG) == archive.meeting(SHORT) == meeting
        assert archive.meetings(body="Eastbrook Community Safety Partnership Board") == [meeting]
        # Records of either paper answer for the meeting, and keep the id their paper gave.
        for asked in (SHORT, LONG):
            assert sorted(a.meeting for a in archive.actions(asked)) == [SHORT, LONG]
            assert [a.name for a in archive.attendance(asked)] == ["Ann Lee", "Jolyon Neely"]
        neely = next(p.id for p in archive.people() if p.name == "Jolyon Neely")
        assert len(archive.attendance(LONG, person=neely)) == 1
        assert archive.counts()["meetings"] == 1  # one per board and date, as meetings() lists them
        assert archive._connection.execute("SELECT count(*) FROM meetings").fetchone()[0] == 2  # the rows stay as parsed


def test_store_meetings_export_merges_and_keeps_provenance(tmp_path):
    with Archive(tmp_path / "archive.db") as archive:
        archive.import_path(_write(tmp_path / "papers", minutes=MINUTES, log=LOG))
        [written] = archive.export("json", tmp_path / "out.json")
        csv_files = {path.stem: path for path in archive.export("csv", tmp_path / "csv")}
    data = json.loads(written.read_text(encoding="utf-8"))
    assert [m["id"] for m in data["meetings"]] == [SHORT]
    assert sorted((a["meeting"], a["canonical_meeting"]) for a in data["actions"]) == [(SHORT, SHORT), (LONG, SHORT)]
    header = csv_files["actions"].read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[-1] == "canonical_meeting" and "meeting" in header


@pytest.fixture(scope="module")
def series_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A generated series whose action logs name the board with its place and whose minutes do not."""
    folder = tmp_path_factory.mktemp("series")
    truth = write_series(folder / "papers", 3, 1, ["txt"])
    db = folder / "series.db"
    assert main(["import", str(folder / "papers"), "--db", str(db)]) == 0
    return db, truth


def test_store_meetings_generated_series_one_meeting_a_date(series_db, capsys):
    db, truth = series_db
    with Archive(db) as archive:
        rows = [row[0] for row in archive.connection.execute("SELECT id FROM meetings")]
        meetings = archive.meetings()
    assert len({row.rsplit("/", 1)[0] for row in rows}) == 2  # the series really names its board two ways
    dates = [m.date for m in meetings]
    assert len(dates) == len(set(dates))
    assert {m["date"] for m in truth["meetings"]} <= set(dates)
    capsys.readouterr()
    assert main(["meetings", "--db", str(db), "--json"]) == 0
    assert [m["id"] for m in json.loads(capsys.readouterr().out)] == [m.id for m in meetings]


def test_store_meetings_show_by_either_id(series_db, capsys):
    db, truth = series_db
    date = truth["meetings"][1]["date"]
    with Archive(db) as archive:
        ids = [row[0] for row in archive.connection.execute("SELECT id FROM meetings WHERE date = ?", (date,))]
    assert len(ids) == 2
    shown = []
    for ident in (*ids, date):
        capsys.readouterr()
        assert main(["show", ident, "--db", str(db), "--json"]) == 0
        shown.append(json.loads(capsys.readouterr().out)[0])
    assert shown[0] == shown[1] == shown[2]
    # The minutes' attendance and the log's rows, under one meeting.
    assert shown[0]["attendance"] and {a["meeting"] for a in shown[0]["actions"]} == set(ids)
