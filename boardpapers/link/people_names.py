"""When two written names can be one human: the name tests the people linker is built on.

Across an archive a person is written "David Longstaff", "Councillor David
Longstaff", "Cllr Longstaff", "D. Longstaff" and, by a typist, "David
Longstaf". These tests compare bare names (honorifics already split off):
the surname must agree (a near-miss counts: one slip of the keyboard), and
the given names must agree as far as both are written (an initial agrees
with any name it starts, "Chris" with "Christopher"). Thresholds are data
(``people.json``), so a reviewer can tighten them without reading code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import regex
from rapidfuzz import fuzz

from ..extract.names import name_case, name_key, repair_name, split_honorifics

__all__ = ["NameForm", "NameRules", "compatible", "name_form", "name_key", "name_rules", "slug"]



@dataclass(frozen=True)
class NameRules:
    """How near two spellings must be to count as one name (rapidfuzz ``ratio``, 0-100)."""

    surname_typo: float
    given_typo: float
    nickname_min: int


@lru_cache(maxsize=None)
def name_rules() -> NameRules:
    data = json.loads(resources.files(__package__).joinpath("people.json").read_text(encoding="utf-8"))
    return NameRules(**data["names"])


def slug(name: str) -> str:
    """``"Bridget O'Dwyer"`` -> ``"bridget-odwyer"``: the stable id of a person."""
    return regex.sub(r"[^a-z0-9]+", "-", name_key(name).replace("'", "")).strip("-")


@dataclass(frozen=True)
class NameForm:
    """A written name taken apart: ``honorific`` ("Councillor"), ``given`` tokens and ``surname``."""

    written: str
    honorific: str | None
    bare: str
    given: tuple[str, ...]
    surname: str

    @property
    def full(self) -> bool:
        """A given name is written out ("David Longstaff"), not only an initial or nothing."""
        return bool(self.given) and len(self.given[0]) > 1

    @cached_property
    def key(self) -> str:
        return name_key(self.bare)


@lru_cache(maxsize=8192)
def name_form(written: str) -> NameForm:
    """``"Cllr D. Longstaff"`` -> honorific "Councillor", given ("d",), surname "longstaff"."""
    honorific, bare = split_honorifics(repair_name(written.strip()))
    bare = name_case(bare)
    tokens = name_key(bare).split()
    return NameForm(written.strip(), honorific, bare, tuple(tokens[:-1]), tokens[-1] if tokens else "")


def _same_surname(a: str, b: str, rules: NameRules) -> bool:
    return a == b or (a[:1] == b[:1] and min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= rules.surname_typo)


def _same_given(a: str, b: str, rules: NameRules) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long = sorted((a, b), key=len)
    if long.startswith(short):
        # "Chris" / "Christopher", but not "Paul" / "Paula" or "Louis" / "Louise": other people.
        return len(short) >= rules.nickname_min and len(long) - len(short) >= 2
    return a[0] == b[0] and fuzz.ratio(a, b) >= rules.given_typo  # "Mathew" / "Matthew"


def compatible(a: NameForm, b: NameForm, rules: NameRules | None = None) -> bool:
    """Whether the two names can be one person: same surname, given names agreeing as far as written.

    Only the first given name is compared, so a middle name or initial
    written once ("David J Longstaff") does not split a person.
    """
    rules = rules or name_rules()
    if not a.surname or not b.surname or not _same_surname(a.surname, b.surname, rules):
        return False
    if not a.given or not b.given:
        return True
    return _same_given(a.given[0], b.given[0], rules)
