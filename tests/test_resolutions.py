"""Resolutions: every decision, one record per clause, from the corpus and real minutes of other bodies."""

from __future__ import annotations

from functools import lru_cache

import pytest

import boardpapers
from conftest import CORPUS


@lru_cache(maxsize=None)
def _parse(path: str) -> boardpapers.ParseResult:
    return boardpapers.parse(path)


def _pack() -> boardpapers.ParseResult:
    return _parse(str(next(CORPUS.glob("001_*.txt"))))


def test_resolutions_numbered_clauses_are_one_record_each_with_their_number():
    resolved = [r for r in _pack().resolutions if r.kind == "resolved"]
    assert [r.number for r in resolved] == [f"2.{n}" for n in range(1, 10)]
    assert resolved[0].text == "The SCPB noted the approach taken to complete the DHR."
    assert {r.item for r in resolved} == {"7"}


def test_resolutions_minutes_agreed_and_list_noted_by_the_committee():
    by_text = {r.text: r for r in _pack().resolutions}
    minutes = next(r for t, r in by_text.items() if "agreed as a correct record" in t)
    assert (minutes.kind, minutes.item) == ("agreed", "1")
    noted = [r for r in _pack().resolutions if r.item == "3" and r.kind == "noted"]
    assert [r.text.split()[0] for r in noted] == ["Note", "Agree"]


def test_resolutions_carry_provenance_into_the_paper_text():
    result = _pack()
    papers = {p.id: p for p in result.papers}
    for record in result.resolutions:
        evidence = papers[record.source.paper].text[record.source.start : record.source.end]
        assert record.text[:20].lower() in " ".join(evidence.split()).lower()


def test_resolutions_resolved_that_and_board_noted_in_2023_minutes():
    result = _parse(str(next(CORPUS.glob("002_*.txt"))))
    kinds = [(r.item, r.kind) for r in result.resolutions]
    assert ("3", "resolved") in kinds
    assert [k for k in kinds if k[1] == "noted"][:1] == [("7", "noted")]
    # "The Chair thanked ..." is not a decision; the Board's noting in the same sentence is.
    assert not any(r.text.startswith("The Chair thanked") for r in result.resolutions)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("RESOLVED that the report be noted.", "resolved"),
        ("Resolved: that the budget for 2024/25 be approved.", "resolved"),
        ("The Committee agreed to defer the item to its next meeting.", "agreed"),
        ("The Panel approved the minutes from the meeting on 25 July.", "approved"),
        ("Members thanked the officers for the presentation.", None),
        ("The issue was resolved by the contractor last week.", None),
    ],
)
def test_resolutions_recording_forms(tmp_path, text, kind):
    paper = tmp_path / "minutes.txt"
    paper.write_text(f"Minutes of the Finance Committee held on 3 March 2021\n\n1. BUDGET\n\n{text}\n", encoding="utf-8")
    found = [r.kind for r in boardpapers.parse(paper).resolutions]
    assert found == ([kind] if kind else [])


def test_resolutions_apache_be_it_resolved_without_whereas(realdocs):
    result = _parse(str(realdocs / "apache-board" / "board_minutes_2015_01_21.txt"))
    resolved = [r for r in result.resolutions if r.kind == "resolved"]
    assert len(resolved) >= 10
    assert not any("WHEREAS" in r.text.upper() for r in resolved)
    assert any(r.text.startswith("That Jan Iversen be and hereby is appointed") for r in resolved)


def test_resolutions_east_palo_alto_vote_blocks(realdocs):
    result = _parse(str(realdocs / "east-palo-alto" / "eastpaloalto_ca_minutes_2020-01-27.pdf"))
    voted = [r for r in result.resolutions if r.votes]
    agenda = next(r for r in voted if r.item == "2")
    assert agenda.votes["moved"] == "Mashack" and agenda.votes["absent"] == ["Hernandez"]
    assert "APPROVED" in agenda.votes["result"]
    # The failed motion to postpone the election is not a decision taken.
    assert not any("postpone" in r.text for r in result.resolutions)
    assert any(r.text.startswith("Continue this item") for r in result.resolutions)
