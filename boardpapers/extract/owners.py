"""Who owns a task: the people and teams a phrase or an action-table cell names.

An owner is written many ways: "Mr Taylor", "She", "the Chairman" (people
of the meeting, resolved to their names from the attendance list by
:class:`~boardpapers.extract.mentions.MentionResolver`), "JN/AC" (initials,
mapped to names where the paper gives the key, "Jolyon Neely (JN)"),
"Metropolitan Police, Superintendent Paula Light" (a body and a person),
"Community safety team" (a team, written with its own name's capitals:
"Community Safety Team"). Generic owners ("officers", "partners",
"safeguarding leads") stay as written.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Iterable, Sequence

import regex

from ..records import Attendance
from .initials_keys import find_initials_keys
from .names import split_honorifics

if TYPE_CHECKING:
    from .mentions import Mention, MentionResolver

__all__ = ["OwnerResolver", "UNIT_NOUNS", "tidy_owner"]

# Last words of a team's or body's name ("Community Safety Team", "VAWG Delivery Board").
UNIT_NOUNS = frozenset(
    "team board group service services unit panel partnership committee network forum department directorate "
    "council police authority office secretariat".split()
)
# Owners that are groups of people, written in lower case ("officers", "Board members").
GROUP_NOUNS = frozenset(
    "officers officer partners members colleagues leads lead governors staff clerk secretariat chair chairman "
    "chairperson everyone all".split()
)
_SMALL_WORDS = frozenset({"and", "of", "for", "the", "&", "on", "in"})
_SPLIT = regex.compile(r"\s*(?:,|/|&|\+|;)\s*")
_AND = regex.compile(r"\s+and\s+")
_CHAIR = regex.compile(
    r"^(?:the\s+)?chair(?:man|person|woman)?(?:\s+of\s+(?:the\s+)?(?:\p{Lu}{2,}|board|committee|panel|partnership))?$", regex.I
)
_BODY_ONLY = regex.compile(r"^(?:the\s+)?(?P<body>board|committee|panel|partnership|group|forum|council)$", regex.I)


def tidy_owner(text: str) -> str:
    """An owner phrase as a clean name: article and honorific off, a team's name in its capitals."""
    text = regex.sub(r"\s+", " ", text).strip(" .,:;()-–")
    text = regex.sub(r"^(?:the|all\s+the)\s+", "", text, flags=regex.I) if not regex.match(r"(?i)^all\s+\w+\s+members$", text) else text
    honorific, bare = split_honorifics(text)
    if honorific and bare:
        text = bare
    words = text.split()
    if len(words) > 1 and words[-1].lower() in UNIT_NOUNS and words[0][:1].isupper():
        words = [w if (w.lower() in _SMALL_WORDS or not w[:1].islower()) else w[:1].upper() + w[1:] for w in words]
        words = [w.lower() if w.lower() in _SMALL_WORDS and i else w for i, w in enumerate(words)]
    return " ".join(words)


class OwnerResolver:
    """Names the owners of a meeting's tasks.

    ``attendance``: the meeting's attendance records; ``chair``: its chair;
    ``key_text``: text where the paper spells out initials ("Jane Archer
    (JA)"), usually the paper's own text.
    """

    def __init__(self, attendance: Iterable[Attendance], chair: str | None = None, key_text: str = "", nlp=None) -> None:
        self._attendance = tuple(attendance)
        self._chair = chair
        self._nlp = nlp
        self.initials = {key.key: key.name for key in find_initials_keys(key_text)}
        self._mentions_of: dict[str, tuple[Mention, ...]] = {}

    @cached_property
    def mentions(self) -> MentionResolver:
        """The spaCy mention resolver, built on first use: most papers assign no task and never need it
        (and then spaCy is never imported)."""
        from .mentions import MentionResolver

        return MentionResolver(self._attendance, chair=self._chair, nlp=self._nlp)

    def mentions_in(self, text: str) -> tuple[Mention, ...]:
        """Every resolved mention of a person in ``text`` (pronouns included).

        Kept per text: each sentence of a paragraph that assigns a task asks
        about the whole paragraph, and resolving it means running spaCy over it.
        """
        found = self._mentions_of.get(text)
        if found is None:
            found = self._mentions_of[text] = tuple(self.mentions.mentions(text)) if self.mentions.people else ()
        return found

    def owner_in(self, text: str, start: int, end: int, mentions: Sequence[Mention]) -> list[str]:
        """The owners named by the subject ``text[start:end]``, given the text's ``mentions``."""
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        phrase = text[start:end].strip()
        if inside and sum(m.end - m.start for m in inside) >= 0.5 * len(phrase.replace(" and ", " ")):
            return list(dict.fromkeys(m.name for m in inside))
        return self.read(phrase)

    def read(self, phrase: str) -> list[str]:
        """Owners written in a phrase or an "Owner" cell: "MOPAC, Bradley Few", "JN/AC", "Keith Moore/Clerk"."""
        owners: list[str] = []
        for part in _SPLIT.split(phrase):
            part = part.strip(" .()")
            if not part or regex.fullmatch(r"[\d\s?/().-]*", part):
                continue
            pieces = _AND.split(part)
            people = [self._person(piece) for piece in pieces]
            if len(pieces) > 1 and all(people):
                owners.extend(p for p in people if p)
            else:
                owners.append(self._one(part))
        return list(dict.fromkeys(o for o in owners if o))

    def _person(self, part: str) -> str | None:
        if part in self.initials:
            return self.initials[part]
        found = self.mentions.people_in(part) if self.mentions.people else []
        if len(found) == 1 and found[0][2] - found[0][1] >= 0.6 * len(part):
            return found[0][0]
        return None

    def _one(self, part: str) -> str:
        if _CHAIR.match(part) and self.mentions.chair:
            return self.mentions.chair
        return self._person(part) or tidy_owner(part)

    def body_members(self, phrase: str) -> str | None:
        """"the Board" as the subject of "were asked to": its members ("Board members")."""
        match = _BODY_ONLY.match(phrase.strip())
        return f"{match.group('body').capitalize()} members" if match else None
