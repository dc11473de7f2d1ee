"""The agenda extractor's vocabulary, read from ``agenda_rules.jsonl``.

The words that make an item procedural, the remarks an agenda prints after a
title ("Standard agenda item"), and the words that start a presenter's role
("Community Safety Manager") differ from one body to the next; they are data
so a new council's wording is one line to add and the review is a diff of
that file, not of code. Each line is ``{"label", "id", "pattern"}`` (the
shape of a spaCy span-ruler pattern file); patterns are case-insensitive
regular expressions.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import regex

__all__ = ["introduces_other_list", "is_procedural", "is_role_word", "rules", "strip_remark"]

RULES_PATH = Path(__file__).with_name("agenda_rules.jsonl")


@lru_cache(maxsize=1)
def rules() -> dict[str, list[tuple[str, regex.Pattern[str]]]]:
    """Compiled patterns by label, in file order: ``{"procedural": [(id, pattern), ...], ...}``."""
    out: dict[str, list[tuple[str, regex.Pattern[str]]]] = {}
    for line in RULES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rule = json.loads(line)
        out.setdefault(rule["label"], []).append((rule["id"], regex.compile(rule["pattern"], regex.I)))
    return out


_LEFTOVER = regex.compile(r"[\W\d_]+")


def is_procedural(title: str) -> bool:
    """Whether an item is about running the meeting rather than a subject.

    The gold's rule: introductions, apologies, declarations of interest,
    minutes of the previous meeting, matters arising and action logs, public
    questions, forward planning, any other business, date of next meeting
    (and the meeting's opening and closing). A combined heading is procedural
    when all its parts are, so the test is subtractive: remove every
    procedural phrase, then connecting words, dates and punctuation; the item
    is procedural when something was removed and no word is left.
    """
    text = title.lower().replace("&", " and ").replace("’", "'")
    found = False
    for _, pattern in rules().get("procedural", []):
        text, count = pattern.subn(" ", text)
        found = found or count > 0
    if not found:
        return False
    for _, pattern in rules().get("filler", []):
        text = pattern.sub(" ", text)
    return not _LEFTOVER.sub("", text)


def strip_remark(title: str) -> tuple[str, str | None]:
    """``("Update from Youth matters", "Standard agenda item")``: a trailing remark split off a title."""
    for _, pattern in rules().get("remark", []):
        match = pattern.search(title)
        if match and match.start() > 0:
            return title[: match.start()].rstrip(" -–—:,"), match.group(0).strip()
    return title, None


def is_role_word(token: str) -> bool:
    """Whether ``token`` starts a job title or organisation rather than continuing a name."""
    word = token.strip(",.;:()").lower()
    return any(pattern.match(word) for _, pattern in rules().get("role", []))


def introduces_other_list(text: str) -> bool:
    """Whether a heading announces a numbered list that is not items: "Actions", "Decisions", "Recommendations"."""
    return any(pattern.match(text.strip()) for _, pattern in rules().get("not_items", []))
