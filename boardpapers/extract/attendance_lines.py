"""Attendance read from one line of text: "Label: list" runs and sentences that name people.

Used for paragraphs and for table cells alike, so "Apologies: Alex Kirkbride
and sanctioned" is read the same way in a Notes column as in a paragraph.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .attendance_entries import Found, Person
from .attendance_labels import Context, Label, label_role, labelled_runs, prose_lists, resolve_status
from .attendance_lists import split_list
from .attendance_text import Stretch, bracket_depths, prose_end
from .names import HONORIFICS

__all__ = ["list_tail", "read_prose", "read_runs", "with_label"]

_TITLE_WORDS = frozenset(k for k in HONORIFICS if " " not in k)
_TAIL_CONNECTORS = frozenset({"and", "&", "of", "for", "to", "the", "de", "van", "von", "der", "la", "le", "da", "di"})


def with_label(person: Person, label: Label) -> Person:
    """Give a person the role and honorific their list heading implies, unless the entry has its own."""
    role = label_role(label)
    if role and not person.role:
        person = replace(person, role=role)
    if label.honorific and not person.honorific:
        person = replace(person, honorific=label.honorific)
    return person


def read_runs(stretch: Stretch, page: int | None, context: Context, current: str | None = None) -> tuple[list[Found], Label | None]:
    """People in every "Label: list" run of ``stretch``, and the last label seen (None without one)."""
    found: list[Found] = []
    last: Label | None = None
    status_now = current
    for run in labelled_runs(stretch.text):
        last = run.label
        status = resolve_status(run.label, context, status_now)
        if status is None:
            continue
        status_now = status
        part = stretch.cut(run.start, run.end)
        part = part.cut(0, prose_end(part.text))
        read = split_list(part, honorific=run.label.honorific)
        if run.bare and (read.rejected or len(read.entries) < 2 or run.label.status in {"chair", "clerk", "inherit"}):
            continue  # without a colon only a clean list of several people is believed
        found.extend(Found(with_label(e.person, run.label), status, e.start, e.end, page) for e in read.entries)
    return found, last


_BETWEEN = frozenset({"also", "both", "all", "had", "have", "has", "duly", "then", "each", "kindly", "jointly"})


def list_tail(text: str) -> int:
    """Where the names end a sentence begins: "Stephen Taylor stated that Richard Hunt had" -> "Richard Hunt".

    Returns ``len(text)`` when the words before the phrase are not names
    ("The British and French ambassadors were also in attendance").
    """
    tokens = [(m.start(), m.group()) for m in regex.finditer(r"\S+", text)]
    depths = bracket_depths(text)
    inside = [bool(depths[start]) for start, _ in tokens]
    k = len(tokens)
    while k and tokens[k - 1][1].lower() in _BETWEEN:
        k -= 1
    if k and tokens[k - 1][1][:1].islower() and not inside[k - 1] and not tokens[k - 1][1].endswith(")"):
        return len(text)
    start = k
    while start:
        token = tokens[start - 1][1]
        bare = token.strip(",;:.")
        if inside[start - 1] or token.endswith(")"):
            start -= 1
            continue
        if not (bare[:1].isupper() or bare.lower() in _TAIL_CONNECTORS) or not bare:
            break
        if start < k and _is_title(tokens[start][1]) and bare[:1].isupper() and not token.endswith(","):
            break  # "... Stratford St. Andrew Cllr Smith has offered": the list starts at the title
        start -= 1
    while start < k and tokens[start][1].lower().strip(",") in _TAIL_CONNECTORS:
        start += 1
    return tokens[start][0] if start < k else len(text)


def _is_title(token: str) -> bool:
    return token.lower().strip(".,") in _TITLE_WORDS


def read_prose(stretch: Stretch, page: int | None) -> list[Found]:
    """People a sentence names as sending apologies or attending ("Apologies were received from ...")."""
    found: list[Found] = []
    for prose in prose_lists(stretch.text):
        part = stretch.cut(prose.start, prose.end)
        if prose.before:
            part = part.cut(list_tail(part.text), len(part.text))
        part = part.cut(0, prose_end(part.text))
        read = split_list(part, strict=True)
        found.extend(Found(e.person, prose.status, e.start, e.end, page) for e in read.entries)
    return found
