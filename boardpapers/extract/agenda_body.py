"""An item's body: the lines between its heading and the next item.

What the body adds depends on the paper:

- in an agenda, the item's bullets, lettered or decimal lines ("A.
  COMMUNITY AFFAIRS/WORKFORCE", "2.1 ...") and short plain lines between two
  items ("EDC Parish Uncontested Election Costs £105.00") are its
  ``subitems``; a bracketed name on its own line under a timed item
  ("(Olivia Burman)") is its presenter; a paragraph that carries on a title
  cut short at "and" / "of" / "-" is joined to it. A heading, a table or a
  long paragraph ends the body: after the last item come facilities notes,
  evacuation procedures and signatures, not sub-items.
- in minutes, bullets and numbered paragraphs are the minute's content
  (figures, recommendations, "RESOLVED that ... : (a) ... (b) ..."), so only
  labelled lines that read as headings count ("1. Election of Chair and Vice
  Chair", "A. Chairman [Brett]"). This follows the gold, whose minute items
  have no sub-items.
"""

from __future__ import annotations

from collections import Counter

import regex

from .agenda_layout import Entry, Line, is_furniture, sentence_like
from .agenda_lines import SMALL_WORDS, is_item_reference, parse_label, split_bullets
from .agenda_people import presenter_line

__all__ = ["read_body", "reads_as_heading"]

_CONTINUES = regex.compile(r"(?:\b(?:and|or|of|the|to|in|for|with|on|at|by|from|a|an)|[-–—,&/])$", regex.I)
_SHORT_LINE = 150


def reads_as_heading(text: str) -> bool:
    """"Election of Chair and Vice Chair", not "In February, Mr Murphy was scheduled to meet ..."."""
    text = text.strip()
    words = [w for w in text.split() if w.lower() not in SMALL_WORDS and any(c.isalpha() for c in w)]
    if not words or len(text) > 100 or text[-1:] in ".:;,":
        return False
    capitalised = sum(1 for w in words if w.lstrip("(\"'‘“[")[:1].isupper())
    return capitalised / len(words) >= 0.7


def _without_label(text: str) -> str:
    """"a. ODUG" -> "ODUG": a sub-item's label is no word of its heading."""
    label = parse_label(text)
    return text[label.end :] if label is not None else text


def _sub_text(line: Line) -> list[str]:
    head, bullets = split_bullets(line.text)
    return [part for part in [head, *bullets] if part]


def read_body(
    entry: Entry, lines: list[Line], stop: int, kind: str, repeated: Counter[str], *, last: bool
) -> tuple[str, list[str], str | None]:
    """(title, sub-items, presenter) of ``entry`` read from the lines up to ``stop`` (the next item)."""
    title = entry.title
    subitems = list(entry.subitems)
    if kind == "minutes" and entry.layout != "timed":
        # Bullets run into a minute's title cell are its text, not sub-item headings.
        subitems = [text for text in subitems if reads_as_heading(_without_label(text))]
    presenter = entry.presenter
    pending: list[str] = []
    clauses = False  # after "RESOLVED that Cabinet agree to:", lettered lines are its clauses
    for position in range(entry.line + 1, stop):
        line = lines[position]
        if is_furniture(line, repeated) or is_item_reference(line.text):
            continue
        if line.kind == "row":
            break
        text = line.text.strip()
        label = parse_label(text)
        if label is not None and entry.label is not None and label.scheme == entry.label.scheme:
            if label.value >= entry.label.value or (kind == "minutes" and line.kind != "heading"):
                continue  # another listing of the items themselves, or a numbered paragraph of the minute
        if kind == "minutes":
            if label is None:
                if last and line.kind == "heading":
                    break  # after the last minute: an appendix or attachment, not this item
                clauses = text.endswith(":")
            elif line.kind == "heading" or (not clauses and reads_as_heading(text[label.end :])):
                subitems.append(text)
            continue
        if entry.layout == "timed" and presenter is None and presenter_line(text):
            presenter = presenter_line(text)
            continue
        wrapped = _CONTINUES.search(title) or text[:1].islower()
        if position == entry.line + 1 and line.kind == "paragraph" and wrapped:
            title = f"{title} {text}"  # a title wrapped onto a second line
            continue
        if label is not None or line.kind == "list_item":
            subitems.extend(pending + _sub_text(line))
            pending = []
            continue
        if line.kind == "heading" or len(text) > _SHORT_LINE or sentence_like(text):
            pending = []
            break
        pending.append(text)
    if not last:
        subitems.extend(pending)
    return title, subitems, presenter
