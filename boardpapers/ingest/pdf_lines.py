"""Words into lines, and lines into the runs of text that share them.

A line is the words whose boxes overlap vertically. It is split into
segments wherever the gap between two words is wider than a few spaces:
one segment is ordinary prose, several side by side are the cells of a
borderless table or the halves of a two-column page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .pdf_words import Word

__all__ = ["Line", "group_lines"]

SEGMENT_GAP = 1.2  # a gap wider than this many font sizes separates segments


@dataclass
class Line:
    """Words on one baseline, left to right."""

    words: list[Word] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0
    column_right: float | None = None  # right edge of its text column, when not the page's

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def chars(self) -> int:
        return sum(len(word.text) for word in self.words)

    @property
    def bold(self) -> bool:
        """Most of the characters are bold."""
        return sum(word.bold for word in self.words) >= 0.6 * self.chars

    @property
    def size(self) -> float:
        """The font size of most of the characters."""
        weights: dict[float, int] = {}
        for word in self.words:
            weights[word.size] = weights.get(word.size, 0) + len(word.text)
        return max(weights, key=lambda size: weights[size])

    def segments(self) -> list[Line]:
        """The line cut at gaps wider than :data:`SEGMENT_GAP` font sizes."""
        parts = [Line([self.words[0]], self.top, self.bottom)]
        for previous, word in zip(self.words, self.words[1:]):
            if word.x0 - previous.x1 > SEGMENT_GAP * max(word.size, previous.size):
                parts.append(Line([word], self.top, self.bottom))
            else:
                parts[-1].words.append(word)
        return parts


def group_lines(words: list[Word]) -> list[Line]:
    """Lines, top to bottom, of words that overlap vertically by at least half a height."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.middle, w.x0)):
        if lines:
            line = lines[-1]
            overlap = min(line.bottom, word.bottom) - max(line.top, word.top)
            if overlap >= 0.5 * min(line.bottom - line.top, word.bottom - word.top):
                line.words.append(word)
                continue
        lines.append(Line([word], word.top, word.bottom))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines
