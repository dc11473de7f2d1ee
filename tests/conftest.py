"""Shared fixtures: where the corpus and the shared real documents are."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "papers"
GOLD = ROOT / "corpus" / "gold"
SHARED = ROOT.parent / "shared"
REALDOCS = SHARED / "realdocs"

sys.path.insert(0, str(ROOT / "scripts"))


def corpus_papers() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def realdocs_files() -> list[Path]:
    if not REALDOCS.is_dir():
        return []
    return sorted(p for p in REALDOCS.rglob("*") if p.is_file() and p.name != "SOURCES.md")


@pytest.fixture(scope="session")
def realdocs() -> Path:
    if not REALDOCS.is_dir():
        pytest.skip("../shared/realdocs is not present")
    return REALDOCS


@pytest.fixture(scope="session")
def rendered_corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each corpus paper rendered to (pdf, docx), once per test session."""
    from render_corpus import render_paper

    out = tmp_path_factory.mktemp("rendered")
    return {paper.stem: render_paper(paper, out) for paper in corpus_papers()}
