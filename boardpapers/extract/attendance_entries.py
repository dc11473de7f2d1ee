"""One attendance entry read into a person: name, honorific, role and organisation.

Entries join a person to what follows them in every possible way, and
:func:`parse_person` undoes each: "Superintendent Paula Light- Metropolitan
Police", "Dr Simon Harding, Middlesex University", "Ola Dejo-Ojomo-London
Borough of Barnet" (the hyphen that matters is the one before a known
organisation), "Councillor David Longstaff (Chairman)", "Heather Savory
(Chair) (HS)" (initials dropped), "Tom Baker (for Dave Smith - Sunderland
City Council)" (a substitute's note dropped), "Clerk Mrs J Todd",
"Adrian Hepworth (Atos) via video conf".
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..nlp.gazetteer import phrases
from .attendance_text import unbracket
from .attendance_words import describe, is_initials, is_nil, is_org, is_postnominal, is_role, looks_like_name
from .names import HONORIFICS, name_case, repair_name, split_honorifics

__all__ = ["Entry", "Found", "Person", "SPACED_DASH", "parse_person"]


@dataclass(frozen=True)
class Person:
    """One entry read: the name without honorific, and what the list says about them."""

    name: str
    honorific: str | None = None
    role: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class Entry:
    """A person found in a list, with the ``paper.text`` span of their entry."""

    person: Person
    start: int
    end: int


@dataclass(frozen=True)
class Found:
    """A person found for the meeting: who, with which status, and the evidence span and page."""

    person: Person
    status: str
    start: int
    end: int
    page: int | None


_BULLET = regex.compile(r"^\s*(?:[-•●▪*·◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_NOTES = [
    regex.compile(p, regex.I)
    for p in (
        r"\s+(?:via|by|on)\s+(?:video|phone|telephone|tele|zoom|teams|skype|conference|dial|webex|web)\b.*$",
        r"\s+(?:left|arrived|joined|departed|from)\s+(?:at|after|before|during|item|minute|\d).*$",
        r"\s+\d{1,2}[:.]\d{2}\s*\w*$",
        r"\s*\((?:tbc|tba|virtual(?:ly)?|remote(?:ly)?|online|by phone|via [^)]*|part|observer|substitute)\)",
        r"\s+(?:virtually|remotely|online)$",
        r"\s+plus\s+.*$",
    )
]
ITEM_NOTE = regex.compile(
    r"(?:^|[\s,;–—-]+)(?:all\s+)?(?:for\s+)?(?:items?|minutes?|agenda\s+items?)\s*[\d\s,\-–&]+(?:and\s+\d+)?(?:\s+only)?\s*$"
    r"|^(?:part|all)\s+.*only$",
    regex.I,
)
_SUBSTITUTE = regex.compile(
    r"^(?:for|substitut\w*(?:\s+for)?|sub(?:\.|stitute)?\s+for|in place of|deputising for|representing)\s", regex.I
)
_CHAIR_WORDS = regex.compile(r"^(?:the\s+)?(?:(?:vice|deputy|acting|independent|co)[-\s]?)?chair(?:man|person|woman)?$", regex.I)
SPACED_DASH = regex.compile(r"\s+[-–—]+\s*|\s*[–—]+\s*|(?<=\p{Ll})-\s+")
_GLUED_HYPHEN = regex.compile(r"(?<=\p{L})-(?=\p{Lu})")
_LOCAL_COUNCILLOR = regex.compile(
    r"^(?P<role>(?:\p{Lu}[\p{L}'’-]+\s+){0,2}(?:District|County|Borough|City|Parish|Town|Unitary)\s+Councillor)\s+(?=\p{Lu})"
)
_HONORIFIC_WORDS = frozenset(HONORIFICS)
_ROLE_MODIFIERS = frozenset("acting interim deputy assistant vice senior joint co chief executive independent".split())


def _role_prefix(core: str) -> tuple[str | None, str]:
    """ "Clerk Mrs J Todd" -> ("Clerk", "Mrs J Todd"); "Eden District Councillor A Armstrong" likewise."""
    local = _LOCAL_COUNCILLOR.match(core)
    if local:
        return local.group("role"), "Councillor " + core[local.end() :]
    words = core.split()
    heads = phrases("roles", "ROLE_HEAD")
    taken = 0
    while taken < len(words) - 1:
        word = words[taken].lower().strip(".,")
        if word in _HONORIFIC_WORDS or len(word) < 2 or not words[taken][:1].isupper():
            break
        if word not in heads and word not in _ROLE_MODIFIERS:
            break
        taken += 1
    if taken and is_role(" ".join(words[:taken])):
        rest = " ".join(words[taken:])
        honorific, bare = split_honorifics(rest)
        if looks_like_name(bare, single=bool(honorific)):
            return " ".join(words[:taken]), rest
    return None, core


def _split_descriptor(core: str) -> tuple[str, str]:
    """Separate "Name <joiner> what follows" at a dash, a comma, or a hyphen glued to an organisation."""
    dash = SPACED_DASH.search(core)
    comma = core.find(",")
    if dash and (comma < 0 or dash.start() < comma):
        return core[: dash.start()], core[dash.end() :]
    if comma >= 0:
        return core[:comma], core[comma + 1 :]
    best: tuple[int, int] | None = None
    for match in _GLUED_HYPHEN.finditer(core):
        left, right = core[: match.start()], core[match.end() :]
        if len(left.split()) < 2 and not split_honorifics(left)[0]:
            continue
        score = _org_evidence(right)
        if score and (best is None or score > best[0]):
            best = (score, match.start())
    if best:
        return core[: best[1]], core[best[1] + 1 :]
    return core, ""


def _org_evidence(text: str) -> int:
    """How sure we are that ``text`` (after a glued hyphen) is an organisation or title: 0 to 3."""
    words = text.split()
    if not words or "-" in words[0]:
        return 0  # "Ojomo-London Borough of Barnet": that hyphen still belongs to the name
    if is_org(text):
        return 3 if len(words) > 1 else 2
    if is_role(text):
        return 2
    return 1 if len(words) >= 2 else 0


def _clean(text: str) -> str:
    text = _BULLET.sub("", repair_name(text)).strip(" \t.,;:")
    text = regex.sub(r"^(?:and|&)\s+|\s+(?:and|&)$", "", text, flags=regex.I)
    for note in _NOTES:
        text = note.sub("", text)
    return text


def parse_person(text: str, *, single: bool = False, caps: bool = False) -> Person | None:
    """Read one entry ("Superintendent Paula Light- Metropolitan Police"), or None when it names nobody.

    ``single`` accepts a surname alone ("McKay"); ``caps`` accepts names
    printed in capitals and gives them their ordinary case.
    """
    core, held = unbracket(_clean(text))
    core = core.strip(" ,;:-–—")
    if not core or is_nil(core) or is_postnominal(core):
        return None
    name_part, descriptor = _split_descriptor(core)
    role_before, name_part = _role_prefix(name_part.strip())
    honorific, name = split_honorifics(name_part.strip())
    words = name.split()
    while len(words) > 1 and is_postnominal(words[-1]):
        words.pop()
    name = " ".join(words).strip(" ,.")
    if caps:
        name = name_case(name)
    if name.lower().strip(".") in _HONORIFIC_WORDS:
        return None
    if not looks_like_name(name, single=single or bool(honorific), caps=caps):
        return None
    role, organisation = role_before, None
    descriptor = descriptor.strip(" ,.")
    if descriptor and not all(is_postnominal(w) for w in regex.split(r"[\s,]+", descriptor)):
        d_role, d_org = describe(descriptor)
        role, organisation = role or d_role, d_org
    for inner in held:
        inner = ITEM_NOTE.sub("", inner).strip(" ,;:-–—")
        if not inner or _SUBSTITUTE.match(inner) or is_initials(inner, name) or is_postnominal(inner):
            continue
        if _CHAIR_WORDS.match(inner):
            role = role or inner
            continue
        p_role, p_org = describe(inner)
        role, organisation = role or p_role, organisation or p_org
    return Person(name, honorific, role, organisation)
