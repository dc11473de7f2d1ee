"""The statistics vocabulary, read from ``quantities_words.jsonl`` and ``statistics_words.jsonl``.

Number words, scale words ("m", "bn", "million"), currency marks, percent and
percentage-point marks, measurement units, qualifiers ("around", "over"), the
words that make a number a label ("Item 5", "Section 9"), ages, superlatives
that make an ordinal a rank and comparatives that make "N times" a
multiplier, currency names, vague plurals ("thousands"), change verbs
("rose 6.5% to ...") and the words before a number that make it a name or
"one" a pronoun (the finder's file); words of change, places, and the words that
end a metric's phrase (the statistics file). They are data so that a new paper's wording is one line to add
and a review reads a diff of that file. Each line is ``{"label", "pattern",
"id"?, "value"?}``; patterns are literal phrases, matched case-insensitively
on word boundaries.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import regex

__all__ = ["WORD_FILES", "alternation", "phrase_ids", "phrase_values", "phrases"]

WORD_FILES = (
    Path(__file__).with_name("quantities_words.jsonl"),
    Path(__file__).with_name("statistics_words.jsonl"),
)


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, object], ...]:
    lines = [line for path in WORD_FILES for line in path.read_text(encoding="utf-8").splitlines()]
    return tuple(json.loads(line) for line in lines if line.strip())


@lru_cache(maxsize=None)
def phrases(label: str) -> tuple[str, ...]:
    """The phrases of one label, longest first (so an alternation prefers "per cent" to "per")."""
    found = {str(row["pattern"]) for row in _rows() if row["label"] == label}
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=None)
def phrase_values(label: str) -> dict[str, float]:
    """``{phrase (lower case): value}`` for labels that carry one (number words, scales, fractions)."""
    return {str(row["pattern"]).lower(): float(row["value"]) for row in _rows() if row["label"] == label}  # type: ignore[arg-type]


@lru_cache(maxsize=None)
def phrase_ids(label: str) -> dict[str, str]:
    """``{phrase: id}`` for labels that carry one (currency code, qualifier, unit name); keys as written."""
    return {str(row["pattern"]): str(row["id"]) for row in _rows() if row["label"] == label}


@lru_cache(maxsize=None)
def alternation(label: str) -> str:
    """A regex alternation of one label's phrases, escaped, longest first, spaces matching any whitespace."""
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in phrases(label))
