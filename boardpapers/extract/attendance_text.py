"""Text plumbing for attendance lists: stretches that remember their offsets, brackets, prose edges.

A list arrives as a :class:`Stretch`: text gathered from one block, one cell,
or several wrapped blocks joined, that remembers where every character sits
in ``paper.text`` so each entry keeps its own evidence span. Brackets are
found once (:func:`bracket_regions`), forgiving the unclosed bracket papers
do print ("Jonathan Bamford (Information Commissioner's Office (item 2- 4)
Julie Carney"), and :func:`prose_end` finds where an inline list gives way to
the sentence around it.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = ["Stretch", "bracket_depths", "bracket_regions", "prose_end", "unbracket"]


@dataclass(frozen=True)
class Stretch:
    """Text taken from ``paper.text``, possibly from several places, with the way back.

    ``pieces`` holds ``(offset in text, offset in paper.text, length)`` for each
    run copied verbatim; characters between pieces are joining separators.
    """

    text: str
    pieces: tuple[tuple[int, int, int], ...]

    @classmethod
    def at(cls, text: str, start: int) -> "Stretch":
        return cls(text, ((0, start, len(text)),))

    def join(self, other: "Stretch", sep: str = " ") -> "Stretch":
        shift = len(self.text) + len(sep)
        return Stretch(self.text + sep + other.text, self.pieces + tuple((a + shift, b, n) for a, b, n in other.pieces))

    def source(self, index: int, *, end: bool = False) -> int:
        """The ``paper.text`` offset of ``text[index]`` (``end``: of the character before ``index``, plus one)."""
        if end:
            return self.source(max(index - 1, 0)) + 1
        for text_at, paper_at, length in self.pieces:
            if index < text_at + length:
                return paper_at + max(0, index - text_at)
        text_at, paper_at, length = self.pieces[-1]
        return paper_at + length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The ``paper.text`` span of ``text[start:end]``, trailing list punctuation left out."""
        while end > start and self.text[end - 1] in " ,;:":
            end -= 1
        return self.source(start), self.source(end, end=True)

    def cut(self, start: int, end: int) -> "Stretch":
        pieces = []
        for text_at, paper_at, length in self.pieces:
            lo, hi = max(start, text_at), min(end, text_at + length)
            if lo < hi:
                pieces.append((lo - start, paper_at + lo - text_at, hi - lo))
        if not pieces:
            pieces = [(0, self.source(start), 0)]
        return Stretch(self.text[start:end], tuple(pieces))


def bracket_regions(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` index pairs of the brackets in ``text``, inclusive.

    An unclosed "(" is taken to end where the next bracketed group inside it
    ends (the commonest typo), or at the end of the text.
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), i))
    for open_at in stack:
        inner = [close for o, close in pairs if o > open_at]
        pairs.append((open_at, min(inner) if inner else len(text) - 1))
    return sorted(pairs)


def bracket_depths(text: str) -> list[int]:
    """How many bracketed regions each character of ``text`` sits in."""
    depths = [0] * len(text)
    for open_at, close_at in bracket_regions(text):
        for i in range(open_at, close_at + 1):
            depths[i] += 1
    return depths


def unbracket(text: str) -> tuple[str, list[str]]:
    """``text`` with its outermost bracketed parts removed, and what each held (brackets inside removed too)."""
    regions = bracket_regions(text)
    outer = [(o, c) for o, c in regions if not any(o2 < o and c <= c2 for o2, c2 in regions if (o2, c2) != (o, c))]
    held, out, last = [], [], 0
    for open_at, close_at in outer:
        if open_at < last:
            continue
        out.append(text[last:open_at])
        out.append(" ")
        inner = text[open_at + 1 : close_at if text[close_at : close_at + 1] == ")" else close_at + 1]
        held.append(unbracket(inner)[0] if "(" in inner else inner.strip())
        last = close_at + 1
    out.append(text[last:])
    return " ".join("".join(out).split()), [h for h in held if h]


# ---------------------------------------------------------------- where an inline list stops

_CONNECTORS = frozenset("and of for to the & de da di du del van von der den la le y - – — ap ab".split())
_LIST_JOINERS = frozenset({"and", "&"})
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "prof", "rev", "revd", "st", "cllr", "supt", "no", "hon"})
_STOP_TAIL = regex.compile(r"(?:[\s,;:]+(?:and|the|this|that|there|it|a|an|&|plus))+\s*$|[\s,;:&–—-]+$", regex.I)


def prose_end(text: str) -> int:
    """Where a list written inline stops and the sentence around it resumes.

    "Simon Barnes Quorum for this meeting is 3" ends after "Barnes";
    "Ruth Dennis and Sandra Cartwright sanctioned (...)" ends before
    "sanctioned"; "... plus ten guests" ends before "plus". Words inside
    brackets never end a list.
    """
    depths = bracket_depths(text)
    tokens = [(m.start(), m.end(), m.group()) for m in regex.finditer(r"\S+", text)]
    inside = [bool(depths[start]) for start, _, _ in tokens]
    described = False  # after "Name – ", up to the next comma, words describe the name ("ex-board member")
    for k, (start, end, token) in enumerate(tokens):
        if inside[k]:
            continue
        if token in {"-", "–", "—"}:
            described = True
            continue
        if described:
            described = not token.endswith((",", ";"))
            if not _sentence_ends(token):
                continue
        if k and _sentence_ends(tokens[k - 1][2]) and token[:1].isupper() and not inside[k - 1]:
            return _trim(text, tokens[k - 1][1])
        bare = token.strip(".,;:()\"'“”‘’")
        if any(ch.isdigit() for ch in bare):
            return _trim(text, start)
        if bare[:1].islower() and bare.lower() not in _CONNECTORS:
            back = k
            while back and tokens[back - 1][2].lower().strip(",") in _CONNECTORS and not inside[back - 1]:
                back -= 1
            skipped = {tokens[i][2].lower().strip(",") for i in range(back, k)}
            # "Simon Barnes Quorum for this": the capitalised word before "for" starts the sentence;
            # "Keith Moore and sanctioned": "and" joined the list, so "Moore" stays.
            if skipped and not skipped & _LIST_JOINERS and back and tokens[back - 1][2][:1].isupper():
                if not tokens[back - 1][2].endswith((",", ")", ";")):
                    back -= 1
            return _trim(text, tokens[back][0])
    return _trim(text, len(text))


def _sentence_ends(token: str) -> bool:
    if not token.endswith("."):
        return False
    bare = token.rstrip(".").lstrip("(")
    return len(bare) > 1 and bare.lower() not in _ABBREVIATIONS and not regex.fullmatch(r"\p{Lu}", bare)


def _trim(text: str, end: int) -> int:
    head = text[:end]
    while True:
        match = _STOP_TAIL.search(head)
        if not match or match.start() == len(head):
            return len(head.rstrip())
        head = head[: match.start()]
