"""What a status column or a sentence says about an action: done, dropped, carried forward ...

Action logs write statuses their own way ("Complete", "Closed", "On-going",
"C/F", "No longer required"), and later minutes say it in prose ("update
provided", "has not yet completed his actions", "the actions pending from
the previous action log"). The vocabulary is data (``action_status.jsonl``):
``STATUS`` rules read one action's status, in file order, so negations ("not
yet completed") come before the words they contain; ``GROUP_STATUS`` rules
speak of every open action at once. Rules scoped ``column`` ("Open", "New")
are read only in a status column, where such a short word is a status and
not part of a sentence.

Statuses: ``raised``, ``open``, ``ongoing``, ``carried_forward``,
``updated``, ``done``, ``dropped``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

__all__ = ["CLOSED", "STATUSES", "StatusWords", "group_status", "normalise_status", "read_status", "status_words"]

STATUSES = ("raised", "open", "ongoing", "carried_forward", "updated", "done", "dropped")
CLOSED = frozenset({"done", "dropped"})


@dataclass(frozen=True)
class StatusWords:
    """One status phrase found in a text: the status and where its words are."""

    status: str
    start: int
    end: int


@lru_cache(maxsize=None)
def _rules() -> tuple[tuple[str, str, regex.Pattern[str]], ...]:
    text = resources.files(__package__).joinpath("action_status.jsonl").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            status = row["id"].split(":", 1)[1]
            if status not in STATUSES:
                raise ValueError(f"action_status.jsonl: unknown status {status!r} in {row!r}")
            scope = row["label"] if row["label"] == "GROUP_STATUS" else row.get("scope", "any")
            out.append((scope, status, regex.compile(rf"(?<![\w/-])(?:{row['pattern']})(?![\w/-])", regex.I)))
    return tuple(out)


def _first(text: str, scopes: set[str]) -> StatusWords | None:
    folded = text.replace("_", " ")
    for scope, status, pattern in _rules():
        if scope in scopes:
            match = pattern.search(folded)
            if match:
                return StatusWords(status, match.start(), match.end())
    return None


def read_status(text: str | None, *, column: bool = True) -> str | None:
    """The status a status column (or, with ``column=False``, a sentence) states, or None.

    >>> read_status("Complete"), read_status("C/F"), read_status("carried_forward")
    ('done', 'carried_forward', 'carried_forward')
    """
    if not text or not text.strip():
        return None
    found = _first(text, {"any", "column"} if column else {"any"})
    return found.status if found else None


def status_words(text: str) -> StatusWords | None:
    """The status phrase of a sentence about one action ("update provided"), or None."""
    return _first(text, {"any"})


def group_status(text: str) -> StatusWords | None:
    """A phrase about every open action at once ("the actions pending from the previous action log")."""
    return _first(text, {"GROUP_STATUS"})


def normalise_status(text: str | None) -> str | None:
    """A status column's words in the vocabulary ("Green – complete" is ``done``); unknown words kept, lower-cased."""
    if text is None or not text.strip():
        return None
    return read_status(text) or regex.sub(r"\s+", " ", text.strip().lower())
