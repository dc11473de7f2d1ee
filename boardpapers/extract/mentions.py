"""Who a mention in the minutes means: "Mr Clifton", "Superintendent Light", "the Chairman", "She".

Minutes name a person once in full in the attendance list and then in short
forms. :class:`MentionResolver` turns each short form back into the
attendee's name, so later extractors (actions' owners, who moved what) can
say "Peter Clifton" where the paper says "Mr Clifton"::

    resolver = MentionResolver(result.attendance, chair=meeting.chair)
    resolver.people_in("Mr Taylor agreed to contact the Chairman.")
    # [('Ben Taylor', 0, 9), ('David Longstaff', 28, 40)]
    text = "In response, Superintendent Light indicated the aim. She agreed to report."
    resolver.resolve(text, 53, 56)  # 'Paula Light'

It runs on spaCy: a blank English pipeline with a sentencizer (built once per
process, never downloaded) and a SpanRuler fed with patterns made from the
meeting's own attendance list and the title gazetteer in
``boardpapers/nlp/patterns/titles.jsonl``. Pass ``nlp=`` to use a trained
pipeline of your own instead; the resolver only reads its tokens and
sentences.

What is recognised, for each attendee:

- the full name, with or without their honorific ("Paula Light",
  "Superintendent Paula Light");
- surname after their own honorific or any courtesy title ("Superintendent
  Light", "Mr Clifton", "Ms Malleson", "Cllr Longstaff"), and the surname
  alone, when no other attendee shares it;
- the given name alone ("Heather introduced...") and initials ("HP to give
  feedback"), when unique in the meeting and not an ordinary word;
- "the Chair" / "the Chairman" (the ``chair`` given, or the attendee whose
  role is chair), and "the <role>" for any role only one attendee holds
  ("the Democratic Services Manager");
- "he", "she", "him", "her", "his": the one attendee named before the
  pronoun in its own sentence, else in the sentence before; nobody when
  that is ambiguous or the honorific says otherwise (no "she" for a "Mr").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp.gazetteer import patterns, phrases
from ..nlp.pipeline import blank_pipeline, span_ruler, with_sentences
from ..records import Attendance
from .attendance import same_person
from .names import split_honorifics

__all__ = ["Mention", "MentionResolver"]

SPANS_KEY = "attendee_mentions"
_CHAIR_ROLE = regex.compile(r"^(?:the\s+)?chair(?:man|person|woman)?$", regex.I)


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an attendee.

    ``kind`` is ``name`` ("Mr Clifton"), ``title`` ("the Chairman") or
    ``pronoun`` ("She"); ``start``/``end`` are character offsets in the text.
    """

    name: str
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class _Attendee:
    name: str
    honorific: str | None
    role: str | None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def given(self) -> str | None:
        first = self.name.split()[0]
        return first if len(self.name.split()) > 1 and len(first.strip(".")) > 1 else None

    @property
    def initials(self) -> str:
        return "".join(part[0].upper() for part in regex.split(r"[\s-]+", self.name) if part[:1].isalpha())


@lru_cache(maxsize=None)
def _genders() -> dict[str, str]:
    return {row["pattern"]: row["id"].split(":")[1] for row in patterns("titles") if row["label"] == "HONORIFIC_GENDER"}


@lru_cache(maxsize=None)
def _courtesy_titles() -> tuple[str, ...]:
    return tuple(row["pattern"] for row in patterns("titles") if row["label"] == "COURTESY_TITLE")


def _gender(person: _Attendee) -> str | None:
    return _genders().get((person.honorific or "").split(" ")[-1])


class MentionResolver:
    """Resolve mentions of a meeting's attendees in that meeting's papers.

    ``attendance``: the meeting's :class:`~boardpapers.records.Attendance`
    records (any statuses; one per person is enough, duplicates are fine).
    ``chair``: the meeting's chair as a name (``Meeting.chair``), which "the
    Chair" resolves to; without it the attendee whose role is chair is used.
    ``nlp``: a spaCy pipeline to tokenise and split sentences; by default the
    shared blank English pipeline.
    """

    def __init__(self, attendance: Iterable[Attendance], chair: str | None = None, nlp: Language | None = None) -> None:
        people: dict[str, _Attendee] = {}
        for record in attendance:
            known = people.get(record.name)
            people[record.name] = _Attendee(
                record.name,
                (known.honorific if known else None) or record.honorific,
                (known.role if known else None) or record.role,
            )
        self.people: tuple[_Attendee, ...] = tuple(people.values())
        self.nlp = nlp if nlp is not None else blank_pipeline()
        self.chair = self._find_chair(chair)
        self._ruler = span_ruler(self.nlp, self._patterns(), spans_key=SPANS_KEY)

    # ------------------------------------------------------------ patterns

    def _find_chair(self, chair: str | None) -> str | None:
        if chair:
            bare = split_honorifics(chair)[1]
            return next((p.name for p in self.people if same_person(p.name, bare)), bare)
        chairs = [p.name for p in self.people if p.role and _CHAIR_ROLE.match(p.role)]
        return chairs[0] if len(chairs) == 1 else None

    def _patterns(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        # How many attendees share each surname, given name, initials and role: counted once, not per attendee.
        counts = {key: Counter(getattr(p, key) for p in self.people) for key in ("surname", "given", "initials", "role")}

        def unique(key: str, value: str) -> bool:
            return counts[key][value] == 1

        def add(label: str, pattern: Any, ident: str) -> None:
            out.append({"label": label, "pattern": pattern, "id": ident})

        ordinary = phrases("name_stopwords", "AMBIGUOUS_GIVEN_NAME") | phrases("name_stopwords", "NOT_NAME")
        for person in self.people:
            add("PERSON", person.name, person.name)
            titles = {*_courtesy_titles(), *([person.honorific] if person.honorific else [])}
            if person.honorific == "Councillor":
                titles.add("Cllr")
            for title in titles:
                add("PERSON", f"{title} {person.name}", person.name)
            if unique("surname", person.surname):
                for title in titles:
                    add("PERSON", f"{title} {person.surname}", person.name)
                if len(person.surname) > 2 and person.surname.lower() not in ordinary:
                    add("PERSON", [{"ORTH": person.surname}], person.name)
            given = person.given
            if given and unique("given", given) and given.lower() not in ordinary and len(given) > 2:
                add("PERSON", [{"ORTH": given}], person.name)
            initials = person.initials
            if 2 <= len(initials) <= 3 and unique("initials", initials):
                add("PERSON", [{"ORTH": initials}], person.name)
            if person.role and unique("role", person.role) and not _CHAIR_ROLE.match(person.role):
                add("ROLE_TITLE", [{"LOWER": "the"}, *({"LOWER": w.lower()} for w in person.role.split())], "role:" + person.name)
        for row in patterns("titles"):
            if row["label"] in {"ROLE_TITLE", "PRONOUN"}:
                out.append({"label": row["label"], "pattern": row["pattern"], "id": row["id"]})
        return out

    # ------------------------------------------------------------ documents

    def doc(self, text: str | Doc) -> Doc:
        """``text`` tokenised, split into sentences and marked with every candidate mention."""
        doc = text if isinstance(text, Doc) else self.nlp(text)
        return self._ruler(with_sentences(doc))

    def _who(self, span: Span) -> str | None:
        ident = span.id_
        if span.label_ == "PERSON":
            return ident
        if span.label_ == "ROLE_TITLE":
            if ident == "chair":
                return self.chair
            if ident.startswith("role:"):
                return ident[len("role:") :]
            holders = [p.name for p in self.people if p.role and p.role.lower().replace("-", " ") == ident.replace("-", " ")]
            return holders[0] if len(holders) == 1 else None
        return None

    def _antecedent(self, doc: Doc, pronoun: Span) -> str | None:
        spans = [s for s in doc.spans[SPANS_KEY] if s.label_ != "PRONOUN"]
        sentence = pronoun.sent
        gender = pronoun.id_.split(":")[1]
        windows = [[s for s in spans if s.start >= sentence.start and s.end <= pronoun.start]]
        if sentence.start > 0:
            before = doc[sentence.start - 1].sent
            windows.append([s for s in spans if s.start >= before.start and s.end <= before.end])
        by_name = {p.name: p for p in self.people}
        for window in windows:
            found = {name: span for span in window if (name := self._who(span))}
            if len(found) > 1:
                return None
            if found:
                name, span = next(iter(found.items()))
                person = by_name.get(name)
                # The mention's own title ("Mr Clifton") or the list's honorific says who "she" can be.
                known = _genders().get(span.text.split()[0]) or (_gender(person) if person else None)
                return None if known and known != gender else name
        return None

    # ------------------------------------------------------------ API

    def mentions(self, text: str | Doc, *, pronouns: bool = True) -> list[Mention]:
        """Every resolved mention of an attendee in ``text``, in order."""
        doc = self.doc(text)
        out = []
        for span in sorted(doc.spans[SPANS_KEY], key=lambda s: s.start):
            if span.label_ == "PRONOUN":
                if not pronouns:
                    continue
                name, kind = self._antecedent(doc, span), "pronoun"
            else:
                name, kind = self._who(span), ("name" if span.label_ == "PERSON" else "title")
            if name:
                out.append(Mention(name, span.start_char, span.end_char, span.text, kind))
        return out

    def people_in(self, text: str | Doc) -> list[tuple[str, int, int]]:
        """``(attendee name, start, end)`` for every name or title in ``text`` (pronouns left out)."""
        return [(m.name, m.start, m.end) for m in self.mentions(text, pronouns=False)]

    def resolve(self, text: str | Doc, start: int, end: int) -> str | None:
        """The attendee that ``text[start:end]`` refers to, or None.

        The span may be exactly a mention ("Mr Taylor"), lie inside one, or
        be a pronoun; anything else resolves to None.
        """
        doc = self.doc(text)
        for span in doc.spans[SPANS_KEY]:
            if span.start_char <= start and end <= span.end_char and span.label_ != "PRONOUN":
                return self._who(span)
        for span in doc.spans[SPANS_KEY]:
            if span.label_ == "PRONOUN" and span.start_char == start and span.end_char == end:
                return self._antecedent(doc, span)
        return None
