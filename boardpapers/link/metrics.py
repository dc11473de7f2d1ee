"""Canonical keys for measures, so one measure is found across papers and years.

Papers name the same measure in many ways: "Residential Burglary", "residential
burglaries", "Burglary - Residential", "Burglary Res", "residential burglary
offences", "rate of residential burglary (per 1,000 households)". A key is the
set of words that says *which* measure, written one way: lower-cased,
abbreviations and synonyms expanded ("ASB" is "anti-social behaviour"),
plurals reduced by rule (no trained lemmatiser is available), function words
and words that only say *how* the measure is expressed ("rate", "number",
"reduction": the Statistic's unit and direction say that) left out, the thing
counted ("offences", "crime", "incidents") left out when other words name the
measure, and the words sorted, so word order does not matter. All of those
word lists are data, in ``metric_rules.jsonl`` beside this module.

A query answers with every key that holds all its words, so a wider query
("burglary") includes the narrower measures ("residential burglary",
"non-residential burglary"), never the other way round. "non-residential" is
one word, so "residential" never matches it. A key whose extra words make it
a different measure about the thing ("sanction detection rate for residential
burglary", "victims of burglary", "cost of crime": the ``derived`` rules)
does not answer a query that lacks those words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
from rapidfuzz import fuzz, process

__all__ = ["RULES_PATH", "key_words", "lemma", "matching_keys", "metric_key"]

RULES_PATH = Path(__file__).with_name("metric_rules.jsonl")

# A query word missing from every stored key is read as a typo of the stored
# word it is closest to ("burglery"), at this rapidfuzz ratio or above.
FUZZY_CUTOFF = 85.0
# Words this short are abbreviations or numbers: no plural rule and no typo
# correction applies to them ("mps", "dv", "7").
SHORT_WORD = 3

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*")
_DASHES = regex.compile(r"[\u2010-\u2015\u2212]")
_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3}\b)")
_POSSESSIVE = regex.compile(r"(?<=\p{L})'s\b|(?<=s)'(?!\p{L})")


@dataclass(frozen=True)
class _Rules:
    """The word lists of ``metric_rules.jsonl``, by what they do to a metric."""

    rewrites: tuple[tuple[regex.Pattern[str], str], ...]
    dropped: frozenset[str]
    counted: tuple[str, ...]
    derived: frozenset[str]
    irregular: dict[str, str]
    invariant: frozenset[str]
    suffixes: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    rewrites: list[tuple[regex.Pattern[str], str]] = []
    dropped: set[str] = set()
    counted: list[str] = []
    derived: set[str] = set()
    irregular: dict[str, str] = {}
    invariant: set[str] = set()
    suffixes: list[tuple[str, str]] = []
    for line in RULES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rule = json.loads(line)
        label = rule["label"]
        if label == "rewrite":
            rewrites.append((regex.compile(rule["pattern"]), rule["replace"]))
        elif label in ("stopword", "unit_word"):
            dropped.update(rule["words"])
        elif label == "counted":
            counted.extend(rule["words"])
        elif label == "derived":
            derived.update(rule["words"])
        elif label == "irregular":
            irregular.update(rule["forms"])
        elif label == "invariant":
            invariant.update(rule["words"])
        elif label == "suffix":
            suffixes.append((rule["suffix"], rule["replace"]))
        else:
            raise ValueError(f"{RULES_PATH.name}: unknown rule label {label!r} in {line!r}")
    return _Rules(
        tuple(rewrites), frozenset(dropped), tuple(counted), frozenset(derived), irregular, frozenset(invariant), tuple(suffixes)
    )


def lemma(word: str) -> str:
    """The singular of a lower-case word by rule: "burglaries" → "burglary", "offences" → "offence".

    A hyphenated word takes the plural on its last part: "18-year-olds" → "18-year-old".
    """
    head, hyphen, last = word.rpartition("-")
    if hyphen:
        return head + hyphen + lemma(last)
    rules = _rules()
    if word in rules.irregular:
        return rules.irregular[word]
    if len(word) <= SHORT_WORD or word in rules.invariant or any(ch.isdigit() for ch in word):
        return word
    for suffix, replace in rules.suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + replace
    return word


def _normalised(metric: str) -> str:
    text = _DASHES.sub("-", metric.replace("\u2019", "'").replace("&", " and ").lower())
    text = _POSSESSIVE.sub("", _THOUSANDS.sub("", text))
    for pattern, replace in _rules().rewrites:
        text = pattern.sub(replace, text)
    return text


def key_words(metric: str | None) -> frozenset[str]:
    """The words of ``metric``'s key (empty when it names no measure).

    A counted word ("crime", "incident", "case") is left out when other words
    name the measure ("knife crime" is knife), and is the measure when
    nothing else does ("total crime" is crime).
    """
    if not metric:
        return frozenset()
    rules = _rules()
    words = {lemma(word) for word in _WORD.findall(_normalised(metric))} - rules.dropped
    named = words.difference(rules.counted)
    if named:
        return frozenset(named)
    return frozenset(next(([word] for word in rules.counted if word in words), []))


def metric_key(metric: str | None) -> str | None:
    """The canonical key of a measure: its key words, sorted, joined by spaces.

    ``metric_key("Burglary Res") == metric_key("residential burglaries") ==
    "burglary residential"``; ``None`` when the metric names no measure
    (``None``, "", "offences").
    """
    words = key_words(metric)
    return " ".join(sorted(words)) if words else None


def _nearest(word: str, vocabulary: Iterable[str]) -> str | None:
    """The stored word a query word is a typo of, or None.

    Only words with the same first letter compete: typos rarely hit the first
    letter, and it keeps "residential" from ever reading as "non-residential".
    """
    if len(word) <= SHORT_WORD:
        return None
    candidates = [known for known in vocabulary if known[:1] == word[:1] and len(known) > SHORT_WORD]
    found = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return found[0] if found else None


def matching_keys(query: str, keys: Iterable[str]) -> set[str]:
    """The stored keys that answer ``query``: every key holding all the query's words.

    A query word found in no key is matched to its nearest stored word
    (rapidfuzz, ``FUZZY_CUTOFF``); a query word with no near word answers
    nothing. A key whose extra words include a ``derived`` word (a detection
    rate, a share, victims, a cost ...) is a different measure and is left out
    unless the query names that word too.
    """
    wanted = key_words(query)
    stored = {key: frozenset(key.split()) for key in keys if key}
    if not wanted or not stored:
        return set()
    vocabulary = set().union(*stored.values())
    corrected: set[str] = set()
    for word in wanted:
        known = word if word in vocabulary else _nearest(word, vocabulary)
        if known is None:
            return set()
        corrected.add(known)
    derived = _rules().derived
    return {key for key, words in stored.items() if corrected <= words and not (words - corrected) & derived}
