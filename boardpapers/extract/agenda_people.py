"""Who leads an item: a "Led by" cell or a bracketed name, split into name and role.

Timed agendas print the presenter and their job in one cell with nothing
between them: "Peter Clifton Community Safety Manager", "Kiran Vagarwal
Strategic Lead Safer Communities Barnet Council", "Cllr Longstaff Chairman of
SCPB". The name is the leading run of capitalised words (two, or three with a
particle such as "van"), cut short where a role word starts ("Chairman",
"Manager", "Council": ``role`` rules in ``agenda_rules.jsonl``); the rest is
the role. "Name - Role" and "Name, Role" split at the separator.

Judgement call: a presenter written as honorific and surname only ("Cllr
Longstaff") is resolved to the meeting's chair ("David Longstaff") when the
surnames agree, because the paper itself names the chair in full (its summons
or heading, read into ``Meeting.chair``); any other short form stays as
written, honorific included, since a bare surname would lose the only hint
of who it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import clean_line
from .agenda_vocab import is_role_word
from .names import split_honorific

__all__ = ["Presenter", "bracketed_presenter", "presenter_line", "resolve_chair", "split_presenter"]


@dataclass(frozen=True)
class Presenter:
    name: str | None
    role: str | None


_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.)$")
_PARTICLES = {"van", "von", "de", "del", "der", "da", "di", "du", "la", "le", "bin", "al"}
_INITIALS = regex.compile(r"^\p{Lu}{2,4}(?:\s*[/,&]\s*\p{Lu}{2,4})*$")
_DASH = regex.compile(r"\s+[-–—]\s+")


def _looks_like_names(text: str) -> bool:
    """"Nick Bagshaw, Steve Peters": every comma part one to three name words, none a role word."""
    parts = [part.strip() for part in regex.split(r",|\band\b|&", text) if part.strip()]
    if not parts:
        return False
    for part in parts:
        words = split_honorific(part)[1].split()
        if not 1 <= len(words) <= 3 or not all(_NAME_WORD.match(w) and not is_role_word(w) for w in words):
            return False
    return True


def split_presenter(text: str) -> Presenter:
    """"Peter Clifton Community Safety Manager" -> ("Peter Clifton", "Community Safety Manager")."""
    text = clean_line(text).strip("()").strip()
    if not text:
        return Presenter(None, None)
    if _INITIALS.match(text) or _looks_like_names(text):
        return Presenter(text, None)
    dash = _DASH.search(text)
    if dash and _looks_like_names(text[: dash.start()]):
        return Presenter(text[: dash.start()].strip(), text[dash.end() :].strip() or None)
    honorific, rest = split_honorific(text)
    offset = len(text) - len(rest)
    words = rest.split(" ")
    taken = 0
    limit = 2
    for index, word in enumerate(words):
        bare = word.rstrip(",")
        if taken >= limit or not _NAME_WORD.match(bare) or (taken and is_role_word(bare)):
            if word.lower() in _PARTICLES and taken < limit + 1:
                limit += 1
                taken += 1
                continue
            break
        taken += 1
        if word.endswith(","):
            break
    if not taken or (taken == 1 and not honorific and len(words) > 1 and is_role_word(words[1])):
        return Presenter(None, text)
    name_words = words[:taken]
    name = " ".join(name_words).rstrip(",")
    if honorific and taken == 1:
        name = text[: offset + len(name)]  # "Cllr Longstaff": a surname alone keeps its honorific
    role = " ".join(words[taken:]).strip(" ,-–—") or None
    return Presenter(name, role)


_BRACKETED = regex.compile(r"\s*\((?P<who>[^()]{3,80})\)\s*$")


def bracketed_presenter(title: str) -> tuple[str, str | None]:
    """"Minutes and action points (Nigel Shadbolt)" -> (title, "Nigel Shadbolt") when the brackets hold names."""
    match = _BRACKETED.search(title)
    if not match or match.start() == 0 or not _looks_like_names(match.group("who")):
        return title, None
    return title[: match.start()].rstrip(), match.group("who").strip()


def presenter_line(text: str) -> str | None:
    """"(Nick Bagshaw, Steve Peters)" on a line of its own under a timed item: the names, else None."""
    text = text.strip()
    if not (text.startswith("(") and text.endswith(")")):
        return None
    names = text[1:-1].strip()
    return names if _looks_like_names(names) else None


def resolve_chair(presenter: Presenter, chair: str | None) -> Presenter:
    """"Cllr Longstaff" -> "David Longstaff" when the meeting's chair has that surname."""
    if not presenter.name or not chair:
        return presenter
    honorific, rest = split_honorific(presenter.name)
    if honorific is None or " " in rest:
        return presenter
    if chair.split()[-1].lower() == rest.lower():
        return Presenter(chair, presenter.role)
    return presenter
