"""Where an offset of a paper lies: on which page, and under which agenda item.

Records that come out of running text (resolutions, actions, statistics)
carry the page of their evidence and the number of the minute or agenda item
they sit under; both are looked up from the paper's blocks and the items
the agenda extractor found, so every extractor answers them the same way.
"""

from __future__ import annotations

import bisect
from typing import Sequence

from ..records import AgendaItem, Paper

__all__ = ["ItemIndex", "page_at"]


def page_at(paper: Paper, offset: int) -> int | None:
    """The page of the block holding ``offset`` in ``paper.text`` (None for pageless text)."""
    starts = [block.start for block in paper.blocks]
    index = bisect.bisect_right(starts, offset) - 1
    return paper.blocks[index].page if index >= 0 else paper.page_start


class ItemIndex:
    """The item number in force at each offset of one paper: the last item heading before it."""

    def __init__(self, paper: Paper, items: Sequence[AgendaItem]) -> None:
        own = sorted((item.source.start, item.number) for item in items if item.source.paper == paper.id and item.number)
        self._starts = [start for start, _ in own]
        self._numbers = [number for _, number in own]
        self._default = paper.agenda_item

    def at(self, offset: int) -> str | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._numbers[index] if index >= 0 else self._default

    def start_at(self, offset: int) -> int:
        """Where the item in force at ``offset`` begins (0 before the first item)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._starts[index] if index >= 0 else 0
