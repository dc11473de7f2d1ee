"""Task phrases in a sentence: "Mr Taylor agreed to contact the Chairman", "officers would follow up ...".

A task is a subject (who will do it) and the phrase after its trigger
(what they will do). Triggers are data (``action_phrases.jsonl``) in three
strengths, because how much a sentence must show before it counts as a task
depends on where it stands:

- ``commit`` ("agreed to", "was asked to", "offered to") assigns a task
  whoever the subject is;
- ``modal`` ("would", "will", "was going to") only when the subject is a
  person or a team (:func:`find_tasks` leaves that check to its caller,
  which knows the meeting's people), because "the SNA will inform the
  strategy" is a forecast, not a task;
- ``bare`` ("Board members to notify ...") only where the context already
  says it is an action: an "Action:" line, an action table, a resolution.

The subject is read backwards from the trigger: capitalised words ("Superintendent
Paula Light"), a pronoun, or a group noun with its modifiers ("Community
safety team", "officers"), stopping at the first word that cannot be part of
a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .owners import GROUP_NOUNS, UNIT_NOUNS
from .rule_files import rules_by_label

__all__ = ["Task", "find_tasks", "task_phrase"]


@dataclass(frozen=True)
class Task:
    """One task in a text: who (``subject`` span), what (``start``/``end`` span, ``text`` clean), and the
    ``trigger`` words between them ("agreed to", "were urged to": a plural verb says "the Board" means its members)."""

    subject_start: int
    subject_end: int
    start: int
    end: int
    text: str
    strength: str
    trigger: str = ""


def _rules() -> dict[str, list[dict[str, str]]]:
    return rules_by_label("action_phrases.jsonl")


@lru_cache(maxsize=3)
def _triggers(bare: bool) -> regex.Pattern[str]:
    rows = [r for r in _rules()["TRIGGER"] if bare or r["id"] != "bare"]
    alternatives = "|".join(f"(?P<{row['id']}{i}>{row['pattern']})" for i, row in enumerate(rows))
    return regex.compile(rf"(?<=\s)(?:{alternatives})(?=\s+\p{{L}})", regex.I)


@lru_cache(maxsize=None)
def _words(label: str) -> frozenset[str]:
    return frozenset(word for row in _rules()[label] for word in row["pattern"].split())


_TOKEN = regex.compile(r"[\p{L}\p{N}'’&.\-/]+|[^\s\p{L}\p{N}]")
_SMALL = frozenset({"and", "of", "for", "&"})
_ARTICLES = frozenset({"the", "The", "all", "All"})
_TRAILING = regex.compile(r"(?:[\s,;:]+|\s+(?:and|but|as\s+well\s+as)(?:\s+that)?|\s*\*{0,2}\(actions?\)\*{0,2})+$", regex.I)
_OPENING_SUBJECT = regex.compile(r"\s*(?P<subject>(?:[Tt]he\s+)?\p{Lu}[\p{L}&-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}&-]*)*)")
_LEADING = regex.compile(r"^(?:[^\p{L}\p{N}(\"'£$]+|(?:also|then|now|jointly|both|further|kindly|please|to)\s+)+", regex.I)


def _subject(text: str, end: int, bare: bool) -> tuple[int, int] | None:
    """The subject written just before ``end``: its span, or None when the words there cannot be one."""
    tokens = list(_TOKEN.finditer(text, 0, end))
    taken: list[regex.Match[str]] = []
    head_is_group = False
    for token in reversed(tokens):
        word = token.group(0)
        if not word[:1].isalnum():
            break
        if not taken and word == "and" and not bare:
            # "The Board discussed the plan and were urged to ...": the subject is the sentence's own.
            opening = _OPENING_SUBJECT.match(text)
            return (opening.start("subject"), opening.end("subject")) if opening else None
        if not taken:
            if word in _words("PRONOUN"):
                return token.start(), token.end()
            head_is_group = word.lower() in GROUP_NOUNS or word.lower() in UNIT_NOUNS
            if not (word[:1].isupper() or head_is_group) or word in _words("SUBJECT_STOP"):
                return None
            taken.append(token)
            continue
        if word in _ARTICLES:
            taken.append(token)
            break
        if word[:1].isupper() and word not in _words("SUBJECT_STOP"):
            taken.append(token)
        elif word in _SMALL and taken[-1].group(0)[:1].isupper():
            taken.append(token)
        elif word.islower() and head_is_group and len(taken) <= 2 and word not in _words("NOT_TASK_START") and word not in {"that", "and"}:
            if not regex.fullmatch(r"\p{Ll}+", word) or word.endswith(("ed", "ly")):
                break
            taken.append(token)
        else:
            break
    while taken and taken[-1].group(0) in _SMALL:
        taken.pop()
    if not taken:
        return None
    start, stop = taken[-1].start(), taken[0].end()
    if bare and text[:start].strip(" \t*-–:") and not regex.search(r"(?:[.;:!?]|\bthat)\s*$", text[:start]):
        return None
    return start, stop


def task_phrase(text: str) -> str:
    """A task as a short clean phrase: no leading "also", no trailing "and that" or "(Action)" mark."""
    text = _LEADING.sub("", regex.sub(r"\s+", " ", text).strip())
    text = _TRAILING.sub("", text)
    return text.strip(" .,;:")


def find_tasks(sentence: str, *, bare: bool = False) -> list[Task]:
    """Every task phrase in ``sentence``, in order; ``bare`` admits "X to do Y" (see the module docstring)."""
    found: list[tuple[tuple[int, int], regex.Match[str], str]] = []
    for match in _triggers(bare).finditer(sentence):
        strength = next(name for name, value in match.groupdict().items() if value)[:-1].rstrip("0123456789")
        subject = _subject(sentence, match.start(), strength == "bare")
        if subject is None:
            continue
        first = regex.match(r"\s*(?:(?:also|then|now|jointly|both|further)\s+)*(\p{L}+)", sentence[match.end() :], regex.I)
        if first is None or first.group(1).lower() in _words("NOT_TASK_START") or first.group(1)[:1].isupper():
            continue
        found.append((subject, match, strength))
    tasks = []
    for index, (subject, match, strength) in enumerate(found):
        stop = found[index + 1][0][0] if index + 1 < len(found) else len(sentence)
        text = task_phrase(sentence[match.end() : stop])
        if len(text.split()) < 1:
            continue
        begin = match.end() + (len(sentence[match.end() : stop]) - len(sentence[match.end() : stop].lstrip()))
        tasks.append(Task(subject[0], subject[1], begin, begin + len(text), text, strength, match.group(0)))
    return tasks
