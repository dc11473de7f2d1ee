"""How alike two wordings of one task are.

An action is written once in the minutes ("Peter Clifton ... was going to
organise the first meeting") and again, paraphrased, in every action log
that carries it ("To make arrangements of the first meeting of the
Communication Sub Group."). Comparing the raw strings would reward the
shared "to", "the", "of"; so both sides are reduced to their content
words first: stop words dropped, synonyms folded ("make arrangements" ->
"organise"), words cut to a crude stem ("meetings", "meeting" -> "meet").
The stop words, synonyms, generic words and routine tasks are data
(``action_words.jsonl``). rapidfuzz
then scores the two word lists: a paraphrase that keeps most content words
scores high in any order, and one side's words inside the other's (a log
row that shortens the minutes) still scores well.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import regex
from rapidfuzz import fuzz

__all__ = ["content_words", "is_generic", "is_routine", "text_containment", "text_similarity", "verb_of"]

_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
_SUFFIXES = ("ing", "ies", "ied", "ed", "es", "s", "e")


@lru_cache(maxsize=None)
def _rows(label: str) -> tuple[dict[str, str], ...]:
    text = resources.files(__package__).joinpath("action_words.jsonl").read_text(encoding="utf-8")
    return tuple(row for row in map(json.loads, filter(str.strip, text.splitlines())) if row["label"] == label)


@lru_cache(maxsize=None)
def _words() -> tuple[frozenset[str], tuple[tuple[regex.Pattern[str], str], ...]]:
    stop = frozenset(row["pattern"] for row in _rows("STOPWORD"))
    synonyms = sorted(((row["pattern"], row["id"]) for row in _rows("SYNONYM")), key=lambda p: -len(p[0]))
    return stop, tuple((regex.compile(rf"\b{regex.escape(a)}\b"), b) for a, b in synonyms)


@lru_cache(maxsize=None)
def _generic() -> frozenset[str]:
    return frozenset(_stem(row["pattern"]) for row in _rows("GENERIC"))


@lru_cache(maxsize=None)
def _routine() -> tuple[regex.Pattern[str], ...]:
    return tuple(regex.compile(row["pattern"], regex.I) for row in _rows("ROUTINE"))


@lru_cache(maxsize=8192)
def is_routine(text: str) -> bool:
    """Whether a task recurs at every meeting ("Minutes to website"): each meeting's is a new task, never a carry-forward."""
    return any(pattern.search(text) for pattern in _routine())


def is_generic(word: str) -> bool:
    """Whether a content word (stemmed) is one most tasks share ("updat", "provid", "meet"): weak evidence alone."""
    return word in _generic()


def _stem(word: str) -> str:
    """A crude stem, the same for a word's usual inflections ("circulate", "circulated", "circulating")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith(("ss", "us", "is")):
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@lru_cache(maxsize=4096)
def content_words(text: str) -> tuple[str, ...]:
    """The stemmed content words of ``text``, in order ("To circulate the ASB figures" -> circulat, antisocial, ...)."""
    stop, synonyms = _words()
    lowered = text.lower().replace("’", "'")
    for pattern, replacement in synonyms:
        lowered = pattern.sub(replacement, lowered)
    return tuple(_stem(word) for word in _TOKEN.findall(lowered) if word not in stop and not word.isdigit())


def verb_of(text: str) -> str | None:
    """The stem of the task's first content word, usually its verb ("circulate the figures" -> "circulat")."""
    words = content_words(text)
    return words[0] if words else None


def text_similarity(a: str, b: str) -> float:
    """0-100: how alike two task wordings are, on their content words.

    The mean of rapidfuzz's ``token_sort_ratio`` (whole wording, any order)
    and ``token_set_ratio`` (one wording's words inside the other's): a
    shortened log row keeps a high score, while two tasks that share only
    "provide an update" do not.
    """
    left, right = " ".join(content_words(a)), " ".join(content_words(b))
    if not left or not right:
        return 0.0
    return (fuzz.token_sort_ratio(left, right) + fuzz.token_set_ratio(left, right)) / 2


def text_containment(a: str, b: str) -> float:
    """0-100: how far the shorter wording's content words sit inside the longer's (rapidfuzz ``token_set_ratio``)."""
    left, right = " ".join(content_words(a)), " ".join(content_words(b))
    return fuzz.token_set_ratio(left, right) if left and right else 0.0
