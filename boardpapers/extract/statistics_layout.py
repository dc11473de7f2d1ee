"""What a block's neighbours say about the figures in it, when the layout split a statement apart.

Infographics and PDF converters leave a figure on its own line, away from its
words: "1,075" / "charities"; "Over 190" / "languages" / "spoken" / "in
primary school"; "Current caseload" / "72". Lists finish a lead-in
sentence: "most residents are:" / "a) very or fairly satisfied that ... (70%
RPS)". :func:`block_context` gives the text to read before and after a block
so the sentence readers see the whole statement, and a label a lone figure
stands under.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Block, clean_line
from .quantities import find_quantities
from .statistics_metric import label_metric

__all__ = ["BlockContext", "block_context", "without_list_mark"]

_FRAGMENT_WORDS = 6
_LABEL_WORDS = 14
_LIST_MARK = regex.compile(r"^\s*(?:[a-z0-9]{1,3}[).]|[•·▪-])\s+", regex.I)
# "most residents are:", "Young people said:": the group a list's items complete
_LEAD_IN = regex.compile(
    r"(?:\b(?:most|many|some|all|the\s+majority\s+of|a\s+majority\s+of)\s+)(?P<group>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
    r"\s+(?P<verb>are|were|feel|felt|said|say|think|thought|believe|believed)\s*:\s*$"
)


@dataclass(frozen=True)
class BlockContext:
    """Text to read before and after a block's own, and a label its lone figure stands under."""

    before: str = ""
    after: str = ""
    label: str | None = None


def _is_fragment(block: Block) -> bool:
    """A short line with no sentence of its own: an infographic's "Over 190" / "languages" / "spoken"."""
    return block.kind in ("paragraph", "list_item") and len(block.text.split()) <= _FRAGMENT_WORDS and not block.text.rstrip().endswith(".")


def _following_words(blocks: list[Block], index: int) -> str:
    """The lower-case fragments after a fragment holding a figure ("1,075" / "charities")."""
    if not _is_fragment(blocks[index]):
        return ""
    words = []
    for after in blocks[index + 1 : index + 4]:
        if not _is_fragment(after) or not after.text[:1].islower() or regex.search(r"[0-9]", after.text):
            break
        words.append(clean_line(after.text))
    return " ".join(words)


def _stands_alone(block: Block) -> bool:
    """A block that is one figure and at most one word beside it ("72", "c130", "Over 190", "36%")."""
    figures = find_quantities(block.text)
    if len(figures) != 1:
        return False
    rest = block.text[: figures[0].start] + block.text[figures[0].end :]
    return len(regex.findall(r"[A-Za-z]{2,}", rest)) <= 1


def _label_above(blocks: list[Block], index: int) -> str | None:
    """The label printed on the line before a figure standing alone: "Current caseload" / "72"."""
    if index == 0:
        return None
    label = blocks[index - 1]
    if label.kind not in ("paragraph", "list_item") or label.text.rstrip().endswith(".") or len(label.text.split()) > _LABEL_WORDS:
        return None
    if not _stands_alone(blocks[index]):
        return None
    return label_metric(label.text)


def _lead_in(blocks: list[Block], index: int) -> str:
    """For a list item, the group its list's lead-in names ("most residents are:" gives "residents are ")."""
    if blocks[index].kind != "list_item":
        return ""
    earlier = index - 1
    while earlier >= 0 and blocks[earlier].kind == "list_item":
        earlier -= 1
    found = _LEAD_IN.search(blocks[earlier].text) if earlier >= 0 and blocks[earlier].kind == "paragraph" else None
    return f"{found.group('group')} {found.group('verb')} " if found else ""


def without_list_mark(text: str) -> str:
    """``text`` with its item mark ("a) ", "ii. ") blanked, same length, so a lead-in reads on into it."""
    return _LIST_MARK.sub(lambda m: " " * len(m.group(0)), text, count=1)


def block_context(blocks: list[Block], index: int) -> BlockContext:
    """What to read around ``blocks[index]``'s own text (see the module's docstring)."""
    after = _following_words(blocks, index)
    return BlockContext(
        before=_lead_in(blocks, index),
        after=f" {after}" if after else "",
        label=None if after else _label_above(blocks, index),
    )
