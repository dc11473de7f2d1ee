"""Actions that minutes mark in the text: "(Action)", "ACTION: ...", "Action: ... (Owner)", "..., action Mags".

Marks say "this is an action" without saying it the same way twice:

- a trailing "(Action)" or "**(Action)**", or an "(Action)" line of its
  own, marks the task sentences of its paragraph (:func:`action_marked`);
- an "Action:" label opens a task, often "X to do Y", with its owner in
  brackets at the end: "Action: Confirm whether G8 Action Plan is public
  (Olivia Burman)"; one paragraph may hold several (:func:`labelled_actions`);
  "Outstanding Action from 25th July meeting:" is a task carried forward;
- a trailing "action Mags" / "c/f action Jon" names the owner of the
  sentence's task (:func:`trailing_owner`).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = ["Labelled", "action_marked", "labelled_actions", "strip_mark", "trailing_owner"]

_MARK = regex.compile(r"\*{0,2}\(\s*actions?\s*\)\*{0,2}\s*\.?\s*$", regex.I)
_LABEL = regex.compile(
    r"(?:^|(?<=[.;!?)]\s{1,3}))\*{0,2}(?P<label>(?P<carried>outstanding\s+|carried[\s-]+forward\s+|previous\s+)?"
    r"actions?(?:\s+points?)?(?:\s+from\s+(?P<from>[^:]{1,40}?))?)\s*\*{0,2}\s*[:–]\s*\*{0,2}",
    regex.I,
)
_OWNER_BRACKET = regex.compile(r"\((?P<owner>[^()]{2,120})\)\s*\.?\s*$")
_TRAILING = regex.compile(
    r"[,;]?\s*(?P<cf>c/f\s+)?\baction(?:\s+by)?[:\s]+(?P<owner>\p{Lu}[\p{L}'’-]*(?:\s*(?:&|/|and)\s*\p{Lu}[\p{L}'’-]*)*)"
    r"(?:\s+to\s+(?P<task>[^.;]+?))?\s*[.;]?\s*$"
)


def action_marked(text: str) -> bool:
    """Whether a paragraph (or a line of its own) carries an "(Action)" mark at its end."""
    return bool(_MARK.search(text))


def strip_mark(text: str) -> str:
    return _MARK.sub("", text).rstrip()


@dataclass(frozen=True)
class Labelled:
    """The text after one "Action:" label: ``start``/``end`` in the paragraph; ``owner`` from its brackets."""

    start: int
    end: int
    owner: str | None
    carried: bool
    raised_text: str | None


def labelled_actions(paragraph: str) -> list[Labelled]:
    """Each "Action:" task in a paragraph, with the owner its closing brackets give."""
    labels = list(_LABEL.finditer(paragraph))
    out = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(paragraph)
        body = paragraph[label.end() : end].rstrip()
        owner = None
        bracket = _OWNER_BRACKET.search(body)
        if bracket and bracket.start() > 0:
            owner = bracket.group("owner").split(" - ")[0].strip()
            body = body[: bracket.start()].rstrip()
        if body.strip(" .*"):
            out.append(Labelled(label.end(), label.end() + len(body), owner, bool(label.group("carried")), label.group("from")))
    return out


def trailing_owner(sentence: str) -> tuple[int, str, str | None, bool] | None:
    """A sentence ending "..., action Mags [to check]": (where the mark starts, owner, own task, carried forward)."""
    match = _TRAILING.search(sentence)
    if match is None or match.start() == 0:
        return None
    return match.start(), match.group("owner"), match.group("task"), bool(match.group("cf"))
