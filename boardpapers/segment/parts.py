"""Find where the parts of an agenda pack begin.

A pack is one file holding a summons, an agenda, the previous meeting's
minutes, an action log and reports with appendices. Each part announces
itself in its first lines: a report cover sheet ("Report Name:"), "Minutes of
meeting held on ...", "Action Log ...", "ORDER OF BUSINESS", "Appendix 1".
:func:`find_part_starts` names the block where each part starts;
"This page is intentionally left blank" pages separate parts and belong to
none. The markers are data (``PART_MARKERS``) so a new council's wording is
one line to add.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Block

__all__ = ["PartStart", "find_part_starts", "is_separator"]

_SEPARATOR = regex.compile(r"^\W*this page (?:is )?(?:has been )?(?:intentionally|deliberately) (?:left )?blank\W*$", regex.I)

# (part kind, pattern on a block's text). Order matters only for ties on one block.
PART_MARKERS: list[tuple[str, regex.Pattern[str]]] = [
    ("report", regex.compile(r"^(?:report (?:name|title)\s*:|report of the\b|report to\b)", regex.I)),
    ("minutes", regex.compile(r"^(?:draft\s+)?minutes of (?:the |a )?(?:\w+\s+){0,6}?meeting\b", regex.I)),
    ("minutes", regex.compile(r"^(?:decisions|minutes) of the\b.{0,80}(?:board|committee|panel|council|group)$", regex.I)),
    ("action_log", regex.compile(r"^actions? log\b", regex.I)),
    ("agenda", regex.compile(r"^(?:order of business|agenda)$", regex.I)),
    ("appendix", regex.compile(r"^appendix\s+(?:\d+|[A-Z]|[ivx]+)\b", regex.I)),
    ("summons", regex.compile(r"^(?:summons|notice of (?:the )?meeting|to:?\s+(?:all )?members of\b)", regex.I)),
]


@dataclass(frozen=True)
class PartStart:
    kind: str
    block: int  # index of the first block of the part


def is_separator(block: Block) -> bool:
    return block.kind != "table" and bool(_SEPARATOR.match(block.text))


def _first_cell(block: Block) -> str:
    return block.rows[0][0].text if block.kind == "table" and block.rows else block.text


def _cover_sheet_row(block: Block) -> bool:
    """A report cover sheet table: some row's first cell is "Report Name:"."""
    return block.kind == "table" and any(
        row and regex.match(r"^report (?:name|title)\s*:?$", row[0].text, regex.I) for row in block.rows[:3]
    )


def _marker(block: Block) -> str | None:
    if _cover_sheet_row(block):
        return "report"
    text = _first_cell(block).strip()
    if len(text) > 160:
        return None
    for kind, pattern in PART_MARKERS:
        if pattern.search(text):
            return kind
    return None


def find_part_starts(blocks: tuple[Block, ...]) -> list[PartStart]:
    """Where each part of a pack starts, in order; empty when the file is one paper.

    A marker only starts a part where a part can start: at the top of the
    file, after a separator page, or where its kind differs from the running
    part (an agenda followed by minutes). Minutes quoting "Appendix 1" in
    running text do not split, because markers must be the block's own text.
    """
    starts: list[PartStart] = []
    after_separator = True
    current: str | None = None
    for index, block in enumerate(blocks):
        if is_separator(block):
            after_separator = True
            continue
        kind = _marker(block)
        if kind is None:
            after_separator = False
            continue
        # A report cover sheet often sits under an "ITEM 5" / "AGENDA ITEM 5" line: start there.
        first = index
        while first > 0 and regex.match(r"^(?:agenda\s+)?item\s+\d+\w?$", _first_cell(blocks[first - 1]).strip(), regex.I):
            first -= 1
        if kind == "summons" and current is not None:
            continue
        if kind == "appendix" and not after_separator and current is not None:
            after_separator = False
            continue
        # A second heading of the running part ("Decisions of ..." then "Minutes of meeting held
        # on ...", "Action Log of ..." then "Actions Log") continues it; only a new report cover
        # sheet or a separator page opens another part of the same kind.
        if kind == current and kind != "report" and not after_separator:
            continue
        starts.append(PartStart(kind, first))
        current = kind
        after_separator = False
    return _cover_the_top(starts)


# How many blocks of letterhead may stand above the first marker and still belong to its part.
_LETTERHEAD_BLOCKS = 15


def _cover_the_top(starts: list[PartStart]) -> list[PartStart]:
    """The first part starts at the first block: letterhead above a marker belongs to it."""
    if not starts or starts[0].block == 0:
        return starts
    if starts[0].block <= _LETTERHEAD_BLOCKS:
        return [PartStart(starts[0].kind, 0), *starts[1:]]
    return [PartStart("other", 0), *starts]
