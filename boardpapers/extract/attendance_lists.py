"""A whole attendance list: where each person's entry starts and ends.

:func:`split_list` first asks whether the text is one person's entry ("Declan
Khan - Assistant Director, Counter Fraud, ...") or a run-on list ("Mr N Baker,
Mr M Baldock and Mrs C Bell"), then cuts a list at commas, semicolons, "and",
titles that start a new person ("P Moran Clerk Mrs J Todd"), a job title that
ends one entry and a name that starts the next ("Mick Ratford, Treasurer Mags
Ratford, Secretary"), and names printed one per line and run together by the
reader ("Rich Bowen Doug Cutting"). Pieces that are not people ("Middlesex
University", "OBE") attach to the entry before them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from .attendance_entries import SPACED_DASH, Entry, ITEM_NOTE, Person, parse_person
from .attendance_text import Stretch, bracket_depths, unbracket
from .attendance_words import describe, is_initials, is_nil, is_org, is_postnominal, is_role, looks_like_name
from ..nlp.gazetteer import phrases
from .names import split_honorifics

__all__ = ["ListRead", "split_list"]

_SEPARATORS = regex.compile(
    r"\s*[;,]\s*|\s+(?:and|plus)\s+(?=\S)|(?<=[\p{L})])\.\s+(?=\p{Lu})|(?<=\))\s+(?=\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll})",
    regex.I,
)
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "prof", "rev", "revd", "st", "cllr", "supt", "no", "hon"})
_NOT_PEOPLE = regex.compile(
    r"^(?:plus|and)?\s*(?:\w+\s+)?(?:other|others|guests?|visitors?|members of the public|observers)\b", regex.I
)
_CONNECTORS = frozenset("and of for to the & de van von der la le da di".split())


def _chunks(text: str) -> list[tuple[int, int, str]]:
    """Top-level pieces of a list: ``(start, end, joiner before)`` split at , ; "and" and full stops."""
    depth_at = bracket_depths(text)
    out, last, joiner = [], 0, ""
    for match in _SEPARATORS.finditer(text):
        if depth_at[match.start()] or (match.end() < len(text) and depth_at[match.end() - 1] and match.group().strip()):
            continue
        if match.group().strip().lower() in {"and", "plus"} and SPACED_DASH.search(text[last : match.start()]):
            continue  # "Daniel Poultor – MP for Central Suffolk and North Ipswich": inside the description
        if match.group().strip() == ".":
            word = regex.search(r"(\S+)$", text[: match.start()])
            if word and (word.group(1).lower().strip("(") in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        out.append((last, match.start(), joiner))
        joiner = "and" if match.group().strip().lower() == "and" else match.group().strip()
        last = match.end()
    out.append((last, len(text), joiner))
    return [(a, b, j) for a, b, j in out if text[a:b].strip()]


def _names_someone(piece: str) -> bool:
    head = SPACED_DASH.split(unbracket(piece)[0])[0].strip(" .,;:")
    honorific, bare = split_honorifics(head)
    if not (honorific or len(bare.split()) >= 2) or not looks_like_name(bare, single=bool(honorific)):
        return False
    return not is_org(bare) and not is_role(bare)


def _single_entry(text: str) -> bool:
    """Whether ``text`` is one person's entry rather than a run-on list of people.

    "Declan Khan - Assistant Director, Counter Fraud, ..." and "Dr Simon
    Harding, Middlesex University" are one entry; "Mr N Baker, Mr M Baldock"
    and "Deborah Cadman – SCC, Marion Harvey – Ipswich County Library" are lists.
    """
    depth_at = bracket_depths(text)
    top = "".join(ch if not depth_at[i] else " " for i, ch in enumerate(text))
    dash = SPACED_DASH.search(top)
    other = regex.search(r"[;,]|\s(?:and|plus)\s", top, regex.I)
    if other is None:
        return True
    if dash and dash.start() < other.start():
        return not any(_names_someone(m.group(1)) for m in regex.finditer(r"[,;]\s*([^,;]+?)\s[-–—]\s", top[dash.end() :]))
    if other.group() != ",":
        return False
    rest = regex.split(r"[,;]|\s(?:and|plus)\s", top[other.end() :], flags=regex.I)
    return not any(_names_someone(piece) or _role_then_name(piece.strip()) for piece in rest if piece.strip())


_TITLE_START = regex.compile(
    r"(?<=\s)(?:(?:\p{Lu}[\p{L}'’-]+\s+){0,2}(?:District|County|Borough|City|Parish|Town)\s+Councillor"
    r"|Clerk|Councillors?|Cllrs?\.?|Mrs|Mr|Ms|Miss|Dr|Sir|Dame|Lady|Lord|Professor|Prof\.?|Reverend|Revd|Rev)\s+(?=\p{Lu})"
)


def _title_splits(text: str) -> list[tuple[int, int]]:
    """Cut "P Moran Clerk Mrs J Todd Eden District Councillor A Armstrong" before each title after a name."""
    cuts = [0]
    for match in _TITLE_START.finditer(text):
        starts = [match.start()]
        if match.group().rstrip().endswith("Councillor") and " " in match.group().strip():
            # The place before "District Councillor" may have swallowed the end of the name before it.
            starts += [match.start() + m.end() for m in regex.finditer(r"\S+\s+", match.group())][:2]
        for start in starts:
            before = text[cuts[-1] : start].strip()
            if start > cuts[-1] and before and parse_person(before) is not None:
                cuts.append(start)
                break
    bounds = cuts + [len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(cuts))]


def _role_then_name(piece: str) -> int | None:
    """Where a name starts after a job title: "Treasurer Mags Ratford" -> 10 ("Mags Ratford")."""
    words = list(regex.finditer(r"\S+", piece))
    for k in range(1, len(words) - 1):
        left, right = piece[: words[k].start()].strip(), piece[words[k].start() :]
        if is_role(left) and not looks_like_name(left, single=True) and parse_person(right) is not None:
            if len(right.split()) >= 2:
                return words[k].start()
    return None


_INITIAL = regex.compile(r"^\p{Lu}\.?$")
_INITIALS = regex.compile(r"\p{Lu}(?:\p{Lu}|\p{Ll}(?=\p{Lu})|\p{Lu}\p{Ll}{1,2}){1,3}")


def _initials_list(text: str) -> list[tuple[int, int]] | None:
    """ "Present: JA, AC, RG and KH": people the paper names only by their initials (kept as written)."""
    spans = []
    for a, b, _ in _chunks(text):
        raw = text[a:b]
        lead = len(raw) - len(raw.lstrip())
        token = raw.strip().rstrip(".")
        if not _INITIALS.fullmatch(token) or token.lower() in phrases("organisations", "ORG"):
            return None
        spans.append((a + lead, a + lead + len(token)))
    return spans if len(spans) >= 2 else None


def _unseparated(text: str) -> list[tuple[int, int]] | None:
    """Names printed one per line and joined by the reader: "Rich Bowen Doug Cutting Craig L Russell".

    Each name is a given name, any initials, and a surname; lower-case words
    ("left at 11:04") are notes on the name before them.
    """
    tokens = [(m.start(), m.end(), m.group()) for m in regex.finditer(r"\S+", text)]
    if len([t for t in tokens if t[2][:1].isupper()]) < 4 or "(" in text:
        return None
    spans, k = [], 0
    while k < len(tokens):
        start, _, token = tokens[k]
        if not token[:1].isupper():
            k += 1
            continue
        j = k + 1
        while j < len(tokens) and _INITIAL.match(tokens[j][2]):
            j += 1
        if j >= len(tokens) or not tokens[j][2][:1].isupper():
            return None
        end = tokens[j][1]
        j += 1
        while j < len(tokens) and not tokens[j][2][:1].isupper():
            end = tokens[j][1]
            j += 1
        spans.append((start, end))
        k = j
    return spans


@dataclass(frozen=True)
class ListRead:
    """What :func:`split_list` made of a stretch: the people, and how much did not read as a list."""

    entries: tuple[Entry, ...]
    rejected: int
    chunks: int
    trailing: str | None = None  # a descriptor with no person before it ("Police" on its own line)


def split_list(
    stretch: Stretch,
    *,
    single: bool = False,
    caps: bool = False,
    honorific: str | None = None,
    runs: bool = False,
    strict: bool = False,
) -> ListRead:
    """The people in a list, each with the span of their entry.

    ``single`` accepts surnames alone even in a one-entry list (lists of two
    or more accept them unless ``strict``); ``honorific`` is given to every
    entry without one (a list under "Councillors:"); ``runs`` lets names
    printed without separators be split apart.
    """
    text = stretch.text
    initials = _initials_list(text)
    if initials:
        return ListRead(tuple(Entry(Person(text[a:b]), *stretch.span(a, b)) for a, b in initials), 0, len(initials))
    if _single_entry(text):
        person = parse_person(text, single=single, caps=caps)
        if person is not None:
            if person.honorific is None and honorific:
                person = replace(person, honorific=honorific)
            lead = len(text) - len(text.lstrip())
            start, end = stretch.span(lead, len(text.rstrip()))
            return ListRead((Entry(person, start, end),), 0, 1)
    entries: list[Entry] = []
    rejected = chunks = 0
    trailing: str | None = None
    carry = honorific
    pieces = _chunks(text)
    surnames = single or (len(pieces) > 1 and not strict)
    # "Mick Ratford, Treasurer Mags Ratford, Secretary": titles follow names when the list ends on one.
    last_piece = text[pieces[-1][0] : pieces[-1][1]].strip(" .") if pieces else ""
    titles_follow = len(pieces) > 1 and is_role(last_piece) and parse_person(last_piece) is None
    for a, b, joiner in pieces:
        raw = text[a:b]
        a += len(raw) - len(raw.lstrip())
        raw = raw.strip()
        chunks += 1
        if not raw or is_nil(raw) or _NOT_PEOPLE.match(raw):
            continue
        subs = [(a + x, a + y) for x, y in _title_splits(raw)]
        if len(subs) == 1 and runs and parse_person(raw) is None:
            split = _unseparated(raw)
            if split:
                subs = [(a + x, a + y) for x, y in split]
        for sa, sb in subs:
            piece = text[sa:sb].strip()
            cut = _role_then_name(piece) if entries and not entries[-1].person.role else None
            if cut is not None:
                rest = parse_person(piece[cut:], caps=caps)
                if titles_follow or (rest is not None and rest.role):
                    entries[-1] = _attach(entries[-1], piece[:cut], stretch.span(sa, sa + cut)[1])
                    sa, piece = sa + cut, piece[cut:]
            person = parse_person(piece, single=surnames, caps=caps)
            if person is None:
                if entries and (is_org(piece) or is_role(piece) or is_postnominal(piece) or _is_descriptor(piece)):
                    entries[-1] = _attach(entries[-1], piece, stretch.span(sa, sb)[1])
                elif joiner == "and" and entries and not looks_like_name(piece, single=True):
                    entries[-1] = _attach(entries[-1], piece, stretch.span(sa, sb)[1])
                elif not entries and (is_org(piece) or is_role(piece)) and len(piece.split()) <= 4:
                    trailing = piece
                else:
                    rejected += 1
                continue
            if regex.match(r"^(?:councillors|cllrs)\b", piece, regex.I):
                carry = "Councillor"
            elif person.honorific and person.honorific != carry:
                carry = None
            elif person.role and piece.lower().startswith(person.role.lower()):
                carry = None  # "Clerk J Brampton" after "Councillors ...": the clerk is not one of them
            if person.honorific is None and carry:
                person = replace(person, honorific=carry)
                if joiner == "and":
                    carry = None  # "Councillors A and B, C": the title covers the names it joins
            entries.append(Entry(person, *stretch.span(sa, sb)))
    return ListRead(_share_organisation(entries, text), rejected, chunks, trailing)


def _share_organisation(entries: list[Entry], text: str) -> tuple[Entry, ...]:
    """ "Shehla Husain, Steve Peters and Anthony Karabinas (DCLG)": a body named once, after the
    last name of a list where nobody else has one, is everyone's (a title never is: "(Chair)")."""
    if len(entries) < 2:
        return tuple(entries)
    last = entries[-1].person
    if not last.organisation or last.role or any(e.person.organisation or e.person.role for e in entries[:-1]):
        return tuple(entries)
    if not text.rstrip(" .;,").endswith(f"({last.organisation})"):
        return tuple(entries)
    return tuple(replace(e, person=replace(e.person, organisation=last.organisation)) for e in entries)


def _is_descriptor(text: str) -> bool:
    words = text.split()
    capitalised = all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)
    return bool(words) and capitalised and len(words) <= 6 and not looks_like_name(text)


def _attach(entry: Entry, text: str, end: int) -> Entry:
    """Add a descriptor that followed an entry ("Dr Simon Harding, Middlesex University")."""
    person = entry.person
    core, held = unbracket(text)
    core = core.strip(" ,;:")
    if core and not is_postnominal(core):
        role, org = describe(core)
        person = replace(person, role=person.role or role, organisation=person.organisation or org)
    for inner in held:
        if inner and not is_initials(inner, person.name) and not ITEM_NOTE.search(inner):
            role, org = describe(inner)
            person = replace(person, role=person.role or role, organisation=person.organisation or org)
    return Entry(person, entry.start, max(entry.end, end))
