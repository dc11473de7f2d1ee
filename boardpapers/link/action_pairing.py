"""Which action records are the same task: candidate pairs scored, then a pairing policy.

The find half, :func:`score_pair`, scores one record (an action as one
paper writes it) against one tracked item (every wording seen of a task so
far): rapidfuzz over the wordings (:mod:`.action_text`), plus or minus the
owners (one human, a team and its acronym), and date order. A record raised
on the item's own date (the minutes of 29 January and the log row dated
29.01.2016) pairs on a moderate score; a record dated later must read
much the same to be a carry-forward of an open item and not a new task
(and the item must have been seen within a year, and not be a routine task
such as "Minutes to website"); a record dated earlier, or an item already
closed, never pairs.

The apply half, :func:`pair_one_to_one`, is the policy, injectable in
:func:`~boardpapers.link.actions.track_actions`: the best-scoring pairs
first, each record and each item used once within one batch. Then
:func:`attach_splits` lets a leftover log row join an item paired in the
same batch when its wording sits inside the item's: one minutes sentence
that became two log rows. Thresholds are data (``action_rules.json``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Sequence

import regex
from rapidfuzz import fuzz

from ..records import Action
from ..extract.action_status import CLOSED
from .action_text import is_routine, text_containment, text_similarity
from .people import People
from .people_names import compatible, name_form

__all__ = [
    "Candidate",
    "Pairing",
    "Record",
    "Thread",
    "attach_splits",
    "find_candidates",
    "owner_agreement",
    "pair_one_to_one",
    "rules",
    "score_pair",
    "stale",
]


@lru_cache(maxsize=None)
def rules() -> dict[str, Any]:
    """The thresholds and words of ``action_rules.json``."""
    return dict(json.loads(resources.files(__package__).joinpath("action_rules.json").read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Record:
    """One action record placed in time: where and when it was seen, with its column status read."""

    index: int
    action: Action
    body: str
    meeting: str | None
    date: str | None
    raised_on: str | None
    status: str | None


@dataclass
class Thread:
    """A task being followed while pairing: its records so far, in the order they joined."""

    body: str
    raised_on: str | None
    records: list[Record] = field(default_factory=list)
    _routine: bool = field(default=False, repr=False, compare=False)
    _routine_of: int = field(default=-1, repr=False, compare=False)

    def seen(self, origin: str, date: str | None) -> bool:
        return any(r.action.origin == origin and r.date == date for r in self.records)

    @property
    def routine(self) -> bool:
        # Asked millions of times while pairing a large archive; worked out again only when a record joins.
        if self._routine_of != len(self.records):
            self._routine = any(is_routine(r.action.text) for r in self.records)
            self._routine_of = len(self.records)
        return self._routine

    def closed_before(self, date: str | None) -> bool:
        return any(r.status in CLOSED and (date is None or (r.date or "") < date) for r in self.records)


@dataclass(frozen=True)
class Candidate:
    """Record ``record`` (index into the batch) may be item ``item`` (index into the threads), with ``score``.

    ``contained``: how far the record's wording sits inside one of the
    item's (a log row cut from a longer minutes sentence scores 100).
    """

    record: int
    item: int
    score: float
    same_date: bool
    contained: float = 0.0


Pairing = Callable[[Sequence[Candidate]], dict[int, int]]

_ACRONYM = regex.compile(r"^\p{Lu}{2,6}$")


def _acronym_of(short: str, long: str) -> bool:
    words = [w for w in regex.findall(r"\p{L}+", long) if w.lower() not in {"of", "and", "the", "for"}]
    return bool(_ACRONYM.match(short)) and "".join(w[0] for w in words).upper() == short


def _personal(name: str) -> bool:
    form = name_form(name)
    return form.full and len(name.split()) <= 4 and all(w[:1].isupper() for w in form.bare.split())


def _same_owner(a: str, b: str, meetings: tuple[str | None, str | None], people: People | None) -> bool | None:
    """True: one owner; False: two different people; None: cannot tell (teams, unknown names)."""
    if people is not None:
        pa, pb = people.resolve(a, meetings[0]), people.resolve(b, meetings[1])
        if pa is not None and pb is not None:
            return pa.id == pb.id
    if _personal(a) and _personal(b):
        return compatible(name_form(a), name_form(b))
    if fuzz.token_set_ratio(a.lower(), b.lower()) >= rules()["pairing"]["team_match"]:
        return True
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    return None


def owner_agreement(
    a: Sequence[str], b: Sequence[str], meetings: tuple[str | None, str | None] = (None, None), people: People | None = None
) -> int:
    """+1 when the two owner lists share an owner, -1 when both name people and none is shared, else 0."""
    verdicts = [_same_owner(x, y, meetings, people) for x in a for y in b]
    if any(v is True for v in verdicts):
        return 1
    if verdicts and any(v is False for v in verdicts):
        return -1
    return 0


def score_pair(item: Thread, record: Record, people: People | None = None) -> tuple[float, bool, float] | None:
    """``(score, same raised date, containment)`` for ``record`` being a sighting of ``item``.

    None when it cannot be: another body, dated before the item was
    raised, the item closed earlier, already seen in the same kind of
    paper at the same meeting, or a score under the threshold for its date
    order.
    """
    limits = rules()["pairing"]
    if item.body != record.body or item.seen(record.action.origin, record.date) or item.closed_before(record.date):
        return None
    if item.raised_on and record.raised_on and record.raised_on < item.raised_on:
        return None
    if item.raised_on and record.raised_on:
        same_date = item.raised_on == record.raised_on
        threshold = limits["same_date_min"] if same_date else limits["carry_forward_min"]
        if not same_date and item.routine:
            return None  # "Minutes to website" again is this meeting's own task, not last meeting's carried
    else:
        same_date, threshold = False, limits["unknown_date_min"]
    if not same_date and stale(item, record.date, limits["stale_days"]):
        return None
    text = max(text_similarity(r.action.text, record.action.text) for r in item.records)
    if text + limits["owner_bonus"] < min(threshold, limits["same_date_owner_min"] if same_date else threshold):
        return None  # no owner can lift it over the line
    owners = [owner for r in item.records for owner in r.action.owners]
    agreement = owner_agreement(owners, record.action.owners, (item.records[0].meeting, record.meeting), people)
    if same_date and agreement > 0:
        # Raised at one meeting by one owner: a log row rewords its minute ("Provide update re Channel
        # referrals" for "report back on the number of Channel referrals"), so a little shared wording is enough.
        threshold = limits["same_date_owner_min"]
    # A shared owner confirms a pair from one meeting; across meetings it proves little ("Clerk" owns half the log).
    bonus = limits["owner_bonus"] if agreement > 0 and same_date else 0
    score = text + bonus - (limits["owner_conflict"] if agreement < 0 else 0)
    if score < threshold:
        return None
    return score, same_date, max(text_containment(r.action.text, record.action.text) for r in item.records)


def stale(item: Thread, date: str | None, days: int) -> bool:
    """Not seen for ``days`` before ``date``: a task still carried would have been seen in between."""
    last = max((r.date for r in item.records if r.date), default=None)
    if last is None or date is None:
        return False
    return (dt.date.fromisoformat(date) - dt.date.fromisoformat(last)).days > days


def find_candidates(threads: Sequence[Thread], batch: Sequence[Record], people: People | None = None) -> list[Candidate]:
    """Every (record of ``batch``, thread) pair that :func:`score_pair` allows, with its score."""
    out = []
    for r, record in enumerate(batch):
        for t, thread in enumerate(threads):
            scored = score_pair(thread, record, people)
            if scored is not None:
                out.append(Candidate(r, t, *scored))
    return out


def pair_one_to_one(candidates: Sequence[Candidate]) -> dict[int, int]:
    """The default policy: best score first; each record and each item at most once. ``{record: item}``."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.record, c.item)):
        if candidate.record in out or candidate.item in used:
            continue
        out[candidate.record] = candidate.item
        used.add(candidate.item)
    return out


def attach_splits(candidates: Sequence[Candidate], paired: dict[int, int]) -> dict[int, int]:
    """Leftover records that belong with an item paired in this batch: one task written as two rows.

    Only same-date candidates whose wording lies inside the item's (at
    least ``split_min``) qualify, so two different tasks of one meeting are
    not folded together.
    """
    limit = rules()["pairing"]["split_min"]
    out = dict(paired)
    taken = set(paired.values())
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.record, c.item)):
        if candidate.record in out or candidate.item not in taken:
            continue
        if candidate.same_date and candidate.contained >= limit:
            out[candidate.record] = candidate.item
    return out
