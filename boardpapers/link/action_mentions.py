"""Later papers talking about an open action: "Keith Moore has not yet completed his actions on this".

Minutes and reports follow actions up in prose as often as in a log:
"matters arising" paragraphs, "update provided", "the actions pending from
the previous action log", "officers would follow up ... on the action that
was assigned on 30 October 2015". :func:`find_mentions` reads one paper's
sentences against the actions still open when it was written and reports:

- a sentence that reads like one open action (most of the action's content
  words, at least one of them specific, fuzzily matched so "apointment"
  still counts) and states a status or reads almost word for word;
- a sentence that points at actions by the date they were raised;
- a sentence about every open action at once (``GROUP_STATUS`` rules).

The sentence is the evidence; its status comes from the status vocabulary
(:mod:`.action_status`), or "done" when it puts the action's own verb in
the past ("the figures had been circulated").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import regex
from rapidfuzz import fuzz, process

from ..extract.dates import find_dates
from .action_pairing import rules
from ..extract.action_status import group_status, status_words
from .action_text import content_words, is_generic, verb_of

__all__ = ["Mention", "Target", "find_mentions", "sentences"]

_SENTENCE_END = regex.compile(r"(?<=[.!?;])\s+(?=[\p{Lu}\"“‘(])|\n+|\t+")


@dataclass(frozen=True)
class Target:
    """An action open when the paper was written: its index, wordings and raising date."""

    item: int
    wordings: tuple[str, ...]
    raised_on: str | None


@dataclass(frozen=True)
class Mention:
    """Sentence ``start``-``end`` of a paper speaks of action ``item``, with the status it states (or None)."""

    item: int
    start: int
    end: int
    text: str
    status: str | None
    group: bool = False


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences (and table cells, lines) of ``text``, stripped of surrounding space."""
    out = []
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((start + lead, start + len(piece.rstrip())))
        if match:
            start = match.end()
    return out


def _matched(wanted: tuple[str, ...], have: set[str], cutoff: float) -> list[str]:
    """The wanted words found in ``have``, a long word also as a near spelling ("apointment")."""
    return [
        word
        for word in dict.fromkeys(wanted)
        if word in have or (len(word) >= 5 and process.extractOne(word, have, scorer=fuzz.ratio, score_cutoff=cutoff))
    ]


def _coverage(target: Target, sentence_words: set[str], names: frozenset[str]) -> float:
    """The best share of a wording's content words found in the sentence; 0 when the evidence is too thin.

    People's names are left out on both sides: "Kay Dicken" in a sentence
    says she is talked about, not that her action is.
    """
    limits = rules()["mentions"]
    best = 0.0
    for wording in target.wordings:
        wanted = tuple(word for word in dict.fromkeys(content_words(wording)) if word not in names)
        if not wanted:
            continue
        found = _matched(wanted, sentence_words, limits["word_match"])
        specific = [w for w in found if not is_generic(w)]
        needed = max(limits["words_min"], math.ceil(limits["coverage_min"] * min(len(wanted), limits["coverage_cap"])))
        share = len(found) / len(wanted)
        if len(found) >= needed and len(specific) >= limits["specific_min"] and share >= limits["coverage_min"]:
            best = max(best, share)
    return best


def _status(sentence: str, target: Target) -> str | None:
    found = status_words(sentence)
    if found:
        return found.status
    verb = verb_of(target.wordings[0])
    if verb and len(verb) >= 4:
        pattern = rules()["done_verb"].replace("{verb}", regex.escape(verb))
        if regex.search(pattern, sentence, regex.I):
            return "done"
    return None


def _by_date(sentence: str, targets: Sequence[Target]) -> list[Target]:
    """Targets raised on the date a sentence points at ("the action that was assigned on 30 October 2015")."""
    pointer = regex.search(rules()["date_reference"], sentence, regex.I)
    if not pointer:
        return []
    dates = find_dates(sentence[pointer.end() : pointer.end() + 40])
    if not dates or dates[0].start != 0 or dates[0].date is None:
        return []
    day = dates[0].date.isoformat()
    return [target for target in targets if target.raised_on == day]


def find_mentions(
    text: str, targets: Sequence[Target], skip: Sequence[tuple[int, int]] = (), names: frozenset[str] = frozenset()
) -> list[Mention]:
    """Every sentence of ``text`` that speaks of one of ``targets``, in text order.

    ``skip``: spans not to read for wording matches (the paper's own action
    records: a task being raised is not a follow-up of an older one);
    statements about all actions or about actions of a date are read there
    too, since one sentence often does both ("The Chairman confirmed the
    actions pending ... and it was agreed that officers would follow up").
    ``names``: content words of people's names, which do not count as
    evidence that a sentence is about a task.
    """
    if not targets:
        return []
    limits = rules()["mentions"]
    out: list[Mention] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        group = group_status(sentence)
        if group:
            out.extend(Mention(t.item, start, end, sentence, group.status, group=True) for t in targets)
            continue
        dated = _by_date(sentence, targets)
        if len(dated) == 1:
            out.append(Mention(dated[0].item, start, end, sentence, _status(sentence, dated[0])))
            continue
        if any(start < s_end and s_start < end for s_start, s_end in skip):
            continue  # a task being raised here, not a follow-up of an older one
        words = set(content_words(sentence)) - names
        if len(words) > limits["max_sentence_words"]:
            continue
        scored = sorted(((_coverage(t, words, names), t.item, t) for t in targets), key=lambda s: (-s[0], s[1]))
        if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue  # nothing, or two actions read equally well: no telling which one
        coverage, _, target = scored[0]
        status = _status(sentence, target)
        if status is not None or coverage >= limits["strong_coverage"]:
            out.append(Mention(target.item, start, end, sentence, status))
    return out
