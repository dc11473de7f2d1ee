"""One paper read from its text, PDF and DOCX versions gives the same blocks.

The PDF and DOCX are rendered from the text version (``scripts/render_corpus.py``)
with real drawn tables, heading styles, running headers, footers and page
numbers, so these tests check that each reader recovers the structure of a
real layout, not that it round-trips its own output.
"""

from __future__ import annotations

import pytest

from boardpapers.document import Block, clean_line
from boardpapers.ingest import load

from conftest import corpus_papers


def comparable(blocks: tuple[Block, ...]) -> list[tuple[str, object]]:
    """Kind and whitespace-normalised text of each block; cell texts for tables."""
    out: list[tuple[str, object]] = []
    for block in blocks:
        if block.kind == "table":
            out.append(("table", [[clean_line(cell) for cell in row] for row in block.cell_texts()]))
        else:
            out.append((block.kind, clean_line(block.text)))
    return out


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("paper", corpus_papers(), ids=lambda p: p.stem[:3])
def test_format_parity_blocks(paper, fmt, rendered_corpus):
    text_blocks = comparable(load(paper).blocks)
    pdf_path, docx_path = rendered_corpus[paper.stem]
    other = load(pdf_path if fmt == "pdf" else docx_path)
    assert other.format == fmt
    assert comparable(other.blocks) == text_blocks


def described(path):
    """What parse() says of a file, without ids, paths, page numbers or text layout."""
    import boardpapers

    result = boardpapers.parse(path)
    papers = [(p.kind, p.part, p.title, p.body, p.meeting_date, p.author) for p in result.papers]
    meetings = [(m.id, m.start_time, m.end_time, m.venue, m.chair) for m in result.meetings]
    return papers, meetings


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("paper", corpus_papers(), ids=lambda p: p.stem[:3])
def test_format_parity_papers_and_meetings(paper, fmt, rendered_corpus):
    pdf_path, docx_path = rendered_corpus[paper.stem]
    assert described(pdf_path if fmt == "pdf" else docx_path) == described(paper)
