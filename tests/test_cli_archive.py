"""The archive commands: import the corpus, then ask it questions, as a script would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boardpapers.cli import cli, main
from conftest import CORPUS


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "corpus.db"
    assert main(["import", str(CORPUS), "--db", str(db)]) == 0
    return db


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_import_twice_adds_nothing(archive_db, capsys):
    report = _json(capsys, ["import", str(CORPUS), "--db", str(archive_db), "--json"])[0]
    assert report["imported"] == [] and len(report["skipped"]) == 5
    assert report["archive"]["meetings"] == 5


def test_cli_import_bad_file_goes_on_and_exits_3(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "good.txt").write_text((next(CORPUS.glob("002_*.txt"))).read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["import", str(tmp_path), "--db", str(tmp_path / "a.db")]) == 3
    out = capsys.readouterr()
    assert "1 imported" in out.out and "empty.txt" in out.err


def test_cli_outstanding_actions_as_of_a_date(archive_db, capsys):
    found = _json(capsys, ["actions", "--outstanding", "--as-of", "2016-03-01", "--db", str(archive_db), "--json"])
    assert found and all(item["action"]["raised_on"] <= "2016-03-01" for item in found)
    owners = {owner for item in found for owner in item["action"]["owners"]}
    assert "Ben Taylor" in owners


def test_cli_actions_owner_filter(archive_db, capsys):
    found = _json(capsys, ["actions", "--owner", "Paula Light", "--db", str(archive_db), "--json"])
    assert found and all(any("Paula Light" in o for o in item["owners"]) for item in found)


def test_cli_figures_across_years(archive_db, capsys):
    found = _json(capsys, ["figures", "residential burglary", "--db", str(archive_db), "--json"])
    assert found and all("burglar" in (f["statistic"]["metric"] or "").lower() for f in found)
    whens = [f["when"] for f in found if f["when"]]
    assert whens == sorted(whens)


def test_cli_people_meetings_and_show(archive_db, capsys):
    people = _json(capsys, ["people", "--db", str(archive_db), "--json"])
    assert any(p["name"] == "Paula Light" for p in people)
    meetings = _json(capsys, ["meetings", "--db", str(archive_db), "--json"])
    assert "2016-01-29" in [m["date"] for m in meetings]
    shown = _json(capsys, ["show", "2016-01-29", "--db", str(archive_db), "--json"])[0]
    assert shown["meeting"]["date"] == "2016-01-29" and shown["attendance"] and shown["actions"]


def test_cli_show_unknown_exits_4(archive_db, capsys):
    assert main(["show", "no-such-thing", "--db", str(archive_db)]) == 4


def test_cli_search_malformed_query_is_one_line_error(archive_db, capsys):
    assert main(["search", '"unbalanced', "--db", str(archive_db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("boardpapers: ") and "Traceback" not in err


def test_cli_export_json_and_csv(archive_db, tmp_path, capsys):
    assert main(["export", "--db", str(archive_db), "--format", "json", "-o", str(tmp_path / "all.json")]) == 0
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert len(data["meetings"]) == 5
    assert main(["export", "--db", str(archive_db), "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "actions.csv").exists()


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_cli_every_command_has_help(name):
    command = cli.commands[name]
    assert command.help and len(command.help.split()) >= 5
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{name} --{param.name} has no help"
