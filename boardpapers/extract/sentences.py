"""Sentence spans of a paragraph, for extractors that read one sentence at a time.

A full stop ends a sentence when a capital, a quote, a bracket or the end
follows, except after the abbreviations minutes use before names and
examples ("Mr", "Cllr", "Supt", "e.g."). A regular expression rather than
spaCy's sentencizer: it is called on every paragraph of every paper, and
these rules are all the decisions and actions extractors need.
"""

from __future__ import annotations

import regex

__all__ = ["sentence_spans"]

_SENTENCE_END = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|Cllr|St|No|Prof|Supt|Insp|Rev|e\.g|i\.e|etc|vs))[.!?](?=\s+[\p{Lu}\"'(*]|\s*$)"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, leading spaces left out."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
