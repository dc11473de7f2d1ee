"""Mentions resolve to attendees: on the corpus 001 minutes, on real papers, and on small hand-made texts."""

from __future__ import annotations

from functools import lru_cache

import pytest
import spacy

import boardpapers
from boardpapers.extract.attendance import extract_attendance
from boardpapers.extract.mentions import Mention, MentionResolver
from boardpapers.nlp.pipeline import blank_pipeline
from boardpapers.records import Attendance, Meeting, Source

from conftest import CORPUS


@lru_cache(maxsize=None)
def _january() -> tuple[MentionResolver, str]:
    """The resolver for the 29 January 2016 minutes inside the corpus 001 pack, and those minutes' text."""
    result = boardpapers.parse(CORPUS / "001_1852b031b81eb84e.txt")
    meeting = next(m for m in result.meetings if m.date == "2016-01-29")
    minutes = next(p for p in result.papers if p.id in meeting.papers)
    people = [a for a in result.attendance if a.meeting == meeting.id]
    return MentionResolver(people, chair=meeting.chair), minutes.text


def _person(name: str, honorific: str | None = None, role: str | None = None) -> Attendance:
    return Attendance("m", name, honorific, role, None, "present", Source("p", None, 0, 0))


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("Mr Taylor", "Ben Taylor"),
        ("Mr Clifton", "Peter Clifton"),
        ("Ms Malleson", "Kate Malleson"),
        ("Superintendent Light", "Paula Light"),
        ("the Chairman", "David Longstaff"),
        ("The Chairman", "David Longstaff"),
    ],
)
def test_mentions_corpus_names_and_titles(needle, expected):
    resolver, text = _january()
    assert resolver.resolve(text, *_at(text, needle)) == expected


def test_mentions_she_after_superintendent_light():
    # "... Superintendent Light indicated that the aim is to reach the Smart Water target ... She agreed to provide an update"
    resolver, text = _january()
    light = text.index("Superintendent Light")
    start = text.index("She agreed", light)
    assert resolver.resolve(text, start, start + 3) == "Paula Light"


def test_mentions_she_in_the_same_sentence():
    resolver, text = _january()
    start = text.index("she would also get involved")
    assert resolver.resolve(text, start, start + 3) == "Paula Light"


def test_mentions_people_in_lists_names_with_offsets():
    resolver, _ = _january()
    text = "Mr Taylor agreed to contact the Chairman to discuss Communities Together Network."
    assert resolver.people_in(text) == [("Ben Taylor", 0, 9), ("David Longstaff", 28, 40)]


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("Mr Clifton and Ms Malleson met. She left.", "She", None),  # two people named before: ambiguous
        ("Mr Clifton presented the paper. She left.", "She", None),  # "Mr" says he, not she
        ("Mr Clifton presented the paper. He left.", "He", "Peter Clifton"),
        ("The report was noted. The Board agreed. She left.", "She", None),  # nobody named in the sentence before
        ("Clifton agreed.", "Clifton", "Peter Clifton"),  # surname alone, unique in the meeting
    ],
)
def test_mentions_pronouns_and_short_forms(text, needle, expected):
    resolver = MentionResolver([_person("Peter Clifton"), _person("Kate Malleson")])
    assert resolver.resolve(text, *_at(text, needle)) == expected


def test_mentions_shared_surname_alone_is_not_resolved():
    resolver = MentionResolver([_person("Ali Heywood"), _person("Pip Heywood")])
    text = "Mr Heywood agreed, and Pip Heywood seconded."
    assert resolver.resolve(text, *_at(text, "Mr Heywood")) is None
    assert resolver.resolve(text, *_at(text, "Pip Heywood")) == "Pip Heywood"


def test_mentions_chair_from_role_when_not_given():
    resolver = MentionResolver([_person("Jon Stride", role="Chairperson"), _person("Mick Ratford", role="Treasurer")])
    text = "The Chair thanked the Treasurer. The Treasurer reported a surplus."
    assert resolver.people_in(text) == [("Jon Stride", 0, 9), ("Mick Ratford", 18, 31), ("Mick Ratford", 33, 46)]


def test_mentions_initials_and_given_names(realdocs):
    path = realdocs / "decoy-series/lw/lw-committee-minutes-18-january-2021.pdf"
    paper = boardpapers.parse(path).papers[0]
    people = extract_attendance(paper, Meeting("lw/2021-01-18", None, "2021-01-18", None, None, None, None))
    resolver = MentionResolver(people)
    text = "HP to give verbal feedback. Sandra asked about the visits."
    assert resolver.people_in(text) == [("Heather Poustie", 0, 2), ("Sandra Cartwright", 28, 34)]


def test_mentions_role_held_by_one_attendee(realdocs):
    path = realdocs / "kent-county-council/Printed minutes 13th-Mar-2025 10.00 County Council.pdf"
    paper = boardpapers.parse(path).papers[0]
    people = extract_attendance(paper, Meeting("kcc/2025-03-13", None, "2025-03-13", None, None, None, None))
    resolver = MentionResolver(people, chair="Mr B J Sweetland")
    text = "The Democratic Services Manager reported apologies. The Chairman thanked Members."
    assert [m.name for m in resolver.mentions(text)] == ["J Cook", "B J Sweetland"]


def test_mentions_kinds():
    resolver = MentionResolver([_person("Paula Light", "Superintendent")], chair="Paula Light")
    found = resolver.mentions("Superintendent Light reported. She agreed. The Chair thanked her.")
    assert [(m.kind, m.text, m.name) for m in found] == [
        ("name", "Superintendent Light", "Paula Light"),
        ("pronoun", "She", "Paula Light"),
        ("title", "The Chair", "Paula Light"),
        ("pronoun", "her", "Paula Light"),
    ]
    assert isinstance(found[0], Mention)


def test_mentions_accept_a_users_pipeline_and_a_doc():
    nlp = spacy.blank("en")  # no sentencizer: the resolver adds sentence boundaries itself
    resolver = MentionResolver([_person("Peter Clifton")], nlp=nlp)
    doc = nlp("Mr Clifton presented. He answered questions.")
    assert resolver.resolve(doc, 22, 24) == "Peter Clifton"
    assert resolver.nlp is nlp


def test_mentions_blank_pipeline_is_built_once():
    assert blank_pipeline() is blank_pipeline()
    assert MentionResolver([]).nlp is blank_pipeline()
