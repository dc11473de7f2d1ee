"""The CLI: JSON contract, readable output, one-line errors and reliable exit codes."""

from __future__ import annotations

import json

import pytest

from boardpapers.cli import cli, main

from conftest import CORPUS

LISTS = ["papers", "meetings", "attendance", "agenda_items", "resolutions", "actions", "statistics", "warnings"]


def test_cli_parse_json_follows_the_contract(capsys):
    assert main(["parse", str(CORPUS / "002_d11246a3c42150a2.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "boardpapers/1"
    assert all(isinstance(data[name], list) for name in LISTS)
    paper = data["papers"][0]
    for key in ["id", "source", "format", "kind", "title", "body", "meeting_date", "author", "pages", "text", "parent", "page_start", "page_end"]:
        assert key in paper
    assert "blocks" not in paper
    meeting = data["meetings"][0]
    assert set(meeting) >= {"id", "body", "date", "start_time", "end_time", "venue", "chair", "papers"}
    assert meeting["papers"] == [paper["id"]]


def test_cli_parse_blocks_option(capsys):
    assert main(["parse", str(CORPUS / "000_1a348045f55062b7.txt"), "--json", "--blocks"]) == 0
    paper = json.loads(capsys.readouterr().out)["papers"][0]
    block = paper["blocks"][0]
    assert paper["text"][block["start"] : block["end"]] == block["text"]


def test_cli_parse_readable_summary(capsys):
    assert main(["parse", str(CORPUS / "001_1852b031b81eb84e.txt")]) == 0
    out = capsys.readouterr().out
    assert "minutes    Minutes of meeting held on 29 January 2016 [2016-01-29]" in out
    assert "chair: David Longstaff" in out


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.pdf", None, "no such file"),
        ("empty.txt", b"", "the file is empty"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "corrupt"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "unsupported file type"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_1(tmp_path, capsys, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert name in err and problem in err


def test_cli_usage_error_exit_2(capsys):
    assert main(["parse"]) == 2
    assert "Missing argument" in capsys.readouterr().err


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_cli_every_command_has_help(command):
    assert cli.commands[command].help


def test_cli_parse_summary_shows_attendance_and_items(capsys):
    assert main(["parse", str(CORPUS / "001_1852b031b81eb84e.txt")]) == 0
    out = capsys.readouterr().out
    assert "attendance apologies 8, in_attendance 10, present 10" in out  # the 29 January 2016 minutes
    assert "item 2     Community Safety Strategic Assessment" in out
