"""Split one Document into Papers: the file, and for a pack, one Paper per part.

A part is a derived view of the file: its ``text`` is the file's text from
its first block to its last, and its blocks are the file's blocks with spans
re-based onto that text, so every offset a record carries indexes the paper
it names. Appendices are parts of their own whose ``parent`` is the report
they follow; every other part's parent is the pack.
"""

from __future__ import annotations

from dataclasses import replace

from ..document import Block, Cell, Document
from ..records import Paper
from .describe import PaperFacts, describe, find_places
from .parts import PartStart, find_part_starts, is_separator

__all__ = ["split_papers"]


def _rebase(blocks: tuple[Block, ...], offset: int) -> tuple[Block, ...]:
    def cells(row: tuple[Cell, ...]) -> tuple[Cell, ...]:
        return tuple(Cell(c.text, c.start - offset, c.end - offset) for c in row)

    return tuple(
        replace(b, start=b.start - offset, end=b.end - offset, rows=tuple(cells(r) for r in b.rows)) for b in blocks
    )


def _part_date(facts: PaperFacts, parent: Paper) -> str | None:
    """A part's own date: its meeting's, else the meeting it inherits, else a date on its own cover."""
    if facts.meeting_date is not None:
        return facts.meeting_date.isoformat()
    if parent.meeting_date is not None:
        return parent.meeting_date
    return facts.date.isoformat() if facts.date else parent.date


def _pages(blocks: tuple[Block, ...]) -> tuple[int | None, int | None]:
    pages = [b.page for b in blocks if b.page is not None]
    return (min(pages), max(pages)) if pages else (None, None)


def _part_ranges(document: Document, starts: list[PartStart]) -> list[tuple[PartStart, int, int]]:
    """(start, first block, last block) of each part, separator pages left out."""
    ranges = []
    for number, start in enumerate(starts):
        end = starts[number + 1].block if number + 1 < len(starts) else len(document.blocks)
        last = end - 1
        while last > start.block and is_separator(document.blocks[last]):
            last -= 1
        ranges.append((start, start.block, last))
    return ranges


def _file_id(document: Document) -> str:
    return document.sha256[:16]


def split_papers(document: Document) -> list[Paper]:
    """The Paper for the file, then one Paper per part when the file is a pack."""
    places = find_places(document.text[:20000])
    starts = find_part_starts(document.blocks)
    top_level = [s for s in starts if s.kind != "appendix"]
    file_id = _file_id(document)
    is_pack = len(top_level) >= 2
    whole = describe(document.blocks, "pack" if is_pack else (top_level[0].kind if top_level else None), places)
    file_paper = Paper(
        id=file_id,
        source=document.path,
        format=document.format,
        kind="pack" if is_pack else whole.kind,
        title=whole.title,
        body=whole.body,
        meeting_date=whole.meeting_date.isoformat() if whole.meeting_date else None,
        author=None if is_pack else whole.author,
        agenda_item=None if is_pack else whole.agenda_item,
        date=whole.date.isoformat() if whole.date else None,
        pages=document.pages,
        text=document.text,
        blocks=document.blocks,
    )
    if not starts or (not is_pack and not any(s.kind == "appendix" for s in starts)):
        return [file_paper]
    papers = [file_paper]
    last_main: Paper = file_paper
    for number, (start, first, last) in enumerate(_part_ranges(document, starts), start=1):
        if not is_pack and start.kind != "appendix":
            continue  # the file itself is this part
        blocks = document.blocks[first : last + 1]
        offset = blocks[0].start
        facts = describe(_rebase(blocks, offset), start.kind, places, inherited_body=file_paper.body)
        page_start, page_end = _pages(blocks)
        parent = last_main if start.kind == "appendix" else file_paper
        paper = Paper(
            id=f"{file_id}#{number}",
            source=document.path,
            format=document.format,
            kind=facts.kind,
            title=facts.title,
            body=facts.body,
            meeting_date=(facts.meeting_date.isoformat() if facts.meeting_date else parent.meeting_date),
            date=_part_date(facts, parent),
            author=facts.author,
            pages=(page_end - page_start + 1) if page_start is not None and page_end is not None else None,
            text=document.text[offset : blocks[-1].end],
            parent=parent.id,
            page_start=page_start,
            page_end=page_end,
            part=start.kind,
            agenda_item=facts.agenda_item,
            blocks=_rebase(blocks, offset),
        )
        papers.append(paper)
        if start.kind != "appendix":
            last_main = paper
    return papers
