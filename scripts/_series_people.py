"""The people and teams of a synthetic board, how their names are written, and how membership drifts.

A board is a set of seats (``_series_vocab.SEATS``); each is held by one
invented person at a time. Between meetings holders leave (their seat is
filled by a newcomer, sometimes a meeting later) and are promoted a rung up
their seat's ladder ("Superintendent, Deputy Borough Commander" → "Acting
Borough Commander"), so name and role matching across a series is tested on
real drift. A person who still owns an action that later papers mention is
never made to leave: the ground truth stays unambiguous about who owns what.

Every way a paper writes a name goes through :meth:`Person.write` or
:meth:`Team.write`, which also records the variant, so the ground truth lists
exactly the variants that were used.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from _series_vocab import FEMALE_FIRST, HONORIFIC_SHORT, MALE_FIRST, SEATS, SURNAMES, TEAMS

__all__ = ["Owner", "Person", "Roster", "RoleSpell", "Team"]

LEAVE_CHANCE = 0.04  # per holder per meeting
PROMOTION_CHANCE = 0.03  # per holder per meeting, where the ladder has a rung left
VACANCY_CHANCE = 0.3  # a seat left empty until the next meeting


@dataclass(frozen=True)
class RoleSpell:
    """One post held from ``start`` (a meeting date) until the next spell or leaving."""

    start: dt.date
    honorific: str | None
    role: str
    organisation: str


@dataclass(eq=False)
class Person:
    """One invented person; ``variants`` keeps every written form of the name, in first-use order."""

    id: str
    first: str
    last: str
    female: bool
    seat: str
    status: str  # "member" or "officer"
    joined: dt.date
    spells: list[RoleSpell]
    rung: int
    left: dt.date | None = None
    variants: dict[str, None] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def spell(self) -> RoleSpell:
        return self.spells[-1]

    @property
    def initials(self) -> str:
        return self.first[0] + "".join(part[0] for part in self.last.replace("'", "").split("-"))

    def is_chair(self) -> bool:
        return self.seat == "chair"

    def write(self, form: str) -> str:
        """The name written in ``form``; see :data:`PERSON_FORMS`."""
        text = PERSON_FORMS[form](self)
        self.variants.setdefault(text, None)
        return text


def _with_honorific(person: Person) -> str:
    honorific = person.spell.honorific
    return f"{honorific} {person.name}" if honorific else person.name


def _title_and_surname(person: Person) -> str:
    honorific = person.spell.honorific
    title = HONORIFIC_SHORT.get(honorific, honorific) if honorific else ("Ms" if person.female else "Mr")
    return f"{title} {person.last}"


def _long_title_and_surname(person: Person) -> str:
    honorific = person.spell.honorific
    return f"{honorific or ('Ms' if person.female else 'Mr')} {person.last}"


def _initial_and_surname(person: Person) -> str:
    honorific = person.spell.honorific
    short = f"{person.first[0]}. {person.last}"
    return f"{HONORIFIC_SHORT.get(honorific, honorific)} {short}" if honorific else short


PERSON_FORMS = {
    "full": lambda p: p.name,  # "Paula Light"
    "honorific": _with_honorific,  # "Superintendent Paula Light"
    "title": _title_and_surname,  # "Supt Light", "Cllr Longstaff", "Ms Light"
    "long_title": _long_title_and_surname,  # "Superintendent Light", "Councillor Longstaff"
    "initial": _initial_and_surname,  # "Cllr D. Longstaff", "P. Light"
    "initials": lambda p: p.initials,  # "PL", explained by a key in the paper
    "org": lambda p: f"{p.spell.organisation}, {p.name}",  # "Riverside Police, Paula Light"
    "chair": lambda p: "the Chairman",
}


@dataclass(eq=False)
class Team:
    """A team or group that owns actions ("Community Safety Team", "CST", "Community Safety")."""

    id: str
    name: str
    spellings: list[str]
    prose: str
    initials: str
    variants: dict[str, None] = field(default_factory=dict)

    def write(self, form: str, rng: random.Random | None = None) -> str:
        """``prose`` ("the Community Safety Team"), ``initials``, ``name``, or ``any`` spelling (needs ``rng``)."""
        if form == "prose":
            text = self.prose
        elif form == "initials":
            text = self.initials
        elif form == "any" and rng is not None:
            text = rng.choice(self.spellings)
        else:
            text = self.name
        self.variants.setdefault(text, None)
        return text


Owner = Person | Team


class Roster:
    """The seat holders over time: ``step`` moves membership on to the next meeting."""

    def __init__(self, rng: random.Random, place: str, start: dt.date) -> None:
        self.rng = rng
        self.place = place
        self.people: list[Person] = []
        self.holders: dict[str, Person | None] = {}
        self.used_names: set[str] = set()
        self.teams = [
            Team(f"t{index + 1:02d}", team["name"], list(team["variants"]), team["prose"], team["initials"])
            for index, team in enumerate(TEAMS)
        ]
        for seat in SEATS:
            self.holders[seat["id"]] = self._newcomer(seat, start)

    def active(self) -> list[Person]:
        return [person for person in self.holders.values() if person is not None]

    def chair(self) -> Person | None:
        return self.holders["chair"]

    def step(self, when: dt.date, locked: set[str]) -> None:
        """Leavers, newcomers and promotions before the meeting on ``when``; ``locked`` ids never leave."""
        for seat in SEATS:
            holder = self.holders[seat["id"]]
            if holder is None:
                self.holders[seat["id"]] = self._newcomer(seat, when)
            elif holder.id not in locked and self.rng.random() < LEAVE_CHANCE:
                holder.left = when
                vacant = self.rng.random() < VACANCY_CHANCE and seat["id"] != "chair"
                self.holders[seat["id"]] = None if vacant else self._newcomer(seat, when)
            elif holder.rung + 1 < len(seat["ladder"]) and self.rng.random() < PROMOTION_CHANCE:
                holder.rung += 1
                honorific, role = seat["ladder"][holder.rung]
                holder.spells.append(RoleSpell(when, honorific, role, holder.spell.organisation))

    def _newcomer(self, seat: dict, when: dt.date) -> Person:
        # Initials and surnames are unique among those serving, so "DL" and "Ms Light" name one person.
        taken = {person.initials for person in self.active()} | {team.initials for team in self.teams}
        surnames = {person.last for person in self.active()}
        while True:
            female = self.rng.random() < 0.5
            first = self.rng.choice(FEMALE_FIRST if female else MALE_FIRST)
            last = self.rng.choice(SURNAMES)
            name = f"{first} {last}"
            initials = first[0] + "".join(part[0] for part in last.replace("'", "").split("-"))
            if name not in self.used_names and initials not in taken and last not in surnames:
                break
        self.used_names.add(name)
        rung = self.rng.randrange(min(2, len(seat["ladder"])))
        honorific, role = seat["ladder"][rung]
        organisation = seat["org"].format(place=self.place)
        person = Person(
            id=f"p{len(self.people) + 1:03d}",
            first=first,
            last=last,
            female=female,
            seat=seat["id"],
            status=seat["status"],
            joined=when,
            spells=[RoleSpell(when, honorific, role, organisation)],
            rung=rung,
        )
        self.people.append(person)
        return person
