"""What happens in a synthetic board series: meeting dates, who attends, and each action's life.

The plan is decided before any wording, so the ground truth does not depend
on how a sentence happens to be phrased. An action raised at meeting ``k``
lives ``L`` meetings (1–5) and then ends one of four ways; the proportions are
chosen to look like real action logs and are the ones the script's docstring
documents:

=====================  ======  ==========================================================
ending                 share   what the papers show at meeting ``k + L``
=====================  ======  ==========================================================
``done_log``           52 %    a log row marked complete, then the row disappears
``done_log_minutes``   13 %    the same, and the minutes say it was done
``done_minutes``       15 %    no log row: only the minutes say it was done
``dropped``            20 %    a log row marked dropped (a quarter also noted in minutes)
=====================  ======  ==========================================================

Lives: 1 meeting 35 %, 2: 28 %, 3: 18 %, 4: 11 %, 5: 8 %. An action whose end
falls after the last meeting is still open at the end. Between raising and
ending, each meeting's log carries the action as open, ongoing or carried
forward, and the minutes mention progress on 12 % of those occasions. The
first meeting's log also carries actions raised at the meeting before the
series, which the series has no minutes for: an archive never starts at the
beginning.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from _series_people import Owner, Person, Roster
from _series_vocab import BODY_FORMS, PARTNERS, PLACES, TASKS, TOPICS, VENUES

__all__ = ["Meeting", "PlannedAction", "Series", "plan_series"]

LIVES = ((1, 0.35), (2, 0.28), (3, 0.18), (4, 0.11), (5, 0.08))
ENDINGS = (("done_log", 0.52), ("done_log_minutes", 0.13), ("done_minutes", 0.15), ("dropped", 0.20))
DROPPED_NOTED = 0.25
PROGRESS_NOTED = 0.12
DUE_KINDS = (("date", 0.35), ("month_end", 0.10), ("year_end", 0.08), ("next_meeting", 0.15), ("asap", 0.10), ("none", 0.22))
OWNER_SHAPES = (("person", 0.65), ("team", 0.20), ("person_team", 0.08), ("two_people", 0.07))
PRESENT, APOLOGIES = 0.80, 0.15  # the rest of the members are absent without apologies
OFFICER_ATTENDS = 0.7
RAISED_PER_MEETING = (3, 7)
PRE_SERIES_ACTIONS = (3, 5)

# Dates the parser can read are 1900–2099; a series too long for 2–3-monthly meetings meets more often.
GAP_DAYS = (56, 91)
LAST_DAY = dt.date(2099, 12, 31)


def _weighted(rng: random.Random, choices: tuple[tuple[object, float], ...]) -> object:
    values, weights = zip(*choices)
    return rng.choices(values, weights=weights)[0]


@dataclass(eq=False)
class PlannedAction:
    """One action's facts and fate; meeting indexes are positions in the series (-1: before it)."""

    id: str
    raised: int
    raised_date: dt.date
    owners: list[Owner]
    task: dict
    topic: dict
    obj: tuple[str, str]  # (full, short)
    partner: tuple[str, str] | None
    due_kind: str
    due: dt.date | None
    life: int
    ending: str
    log_status: dict[int, str] = field(default_factory=dict)  # meeting index -> normalised status of its row
    minutes_status: dict[int, str] = field(default_factory=dict)  # meeting index -> status a minute states

    @property
    def ends_at(self) -> int:
        return self.raised + self.life


@dataclass(eq=False)
class Meeting:
    index: int
    date: dt.date
    chair: Person
    present: list[Person]
    apologies: list[Person]
    in_attendance: list[Person]
    topics: list[dict]
    raised: list[PlannedAction] = field(default_factory=list)


@dataclass(eq=False)
class Series:
    body: str
    venue: str
    previous_date: dt.date  # the meeting before the series (its minutes are "the previous meeting")
    meetings: list[Meeting]
    actions: list[PlannedAction]
    roster: Roster


def _schedule(rng: random.Random, count: int) -> tuple[dt.date, list[dt.date]]:
    """The meeting before the series and ``count`` meeting dates on one weekday."""
    low, high = GAP_DAYS
    start = dt.date(2012 + rng.randrange(4), 1 + rng.randrange(12), 1)
    # Moving each date on to the board's weekday adds three days to a gap on average.
    if start + dt.timedelta(days=count * ((low + high) // 2 + 3)) > LAST_DAY:
        start = dt.date(2000, 1, 1)
        mean_gap = (LAST_DAY - start).days / count - 3
        scale = mean_gap / ((low + high) / 2) * 0.97
        low, high = max(4, int(low * scale)), max(4, int(high * scale))
    weekday = rng.choice((1, 2, 3, 4))  # Tuesday to Friday
    start += dt.timedelta(days=(weekday - start.weekday()) % 7)
    dates = [start]
    while len(dates) < count + 1:
        step = rng.randint(low, high)
        nxt = dates[-1] + dt.timedelta(days=step)
        dates.append(nxt + dt.timedelta(days=(weekday - nxt.weekday()) % 7))
    return dates[0], dates[1:]


def _due(rng: random.Random, kind: str, raised: dt.date, next_date: dt.date) -> tuple[str, dt.date | None]:
    if kind == "year_end" and raised.month > 9:
        kind = "date"
    if kind == "date":
        span = max(7, (next_date - raised).days - 7)
        return kind, raised + dt.timedelta(days=rng.randint(7, span))
    if kind == "month_end":
        month = raised.month % 12 + 1
        year = raised.year + (raised.month == 12)
        return kind, dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    if kind == "year_end":
        return kind, dt.date(raised.year, 12, 31)
    return kind, None


class _Planner:
    def __init__(self, rng: random.Random, count: int) -> None:
        self.rng = rng
        self.place = rng.choice(PLACES)
        self.previous_date, self.dates = _schedule(rng, count)
        self.roster = Roster(rng, self.place, self.previous_date)
        self.actions: list[PlannedAction] = []
        self.count = count

    def _owners(self, candidates: list[Person]) -> list[Owner]:
        shape = _weighted(self.rng, OWNER_SHAPES)
        team = self.rng.choice(self.roster.teams)
        people = [p for p in candidates if not p.is_chair()] or candidates
        if shape == "team" or not people:
            return [team]
        first = self.rng.choice(candidates if self.rng.random() < 0.1 else people)
        if shape == "person_team":
            return [first, team]
        others = [p for p in people if p is not first]
        if shape == "two_people" and others:
            return [first, self.rng.choice(others)]
        return [first]

    def _action(
        self, raised: int, raised_date: dt.date, next_date: dt.date, topic: dict, candidates: list[Person]
    ) -> PlannedAction:
        rng = self.rng
        task = rng.choice(TASKS)
        obj = rng.choice(topic[task["kind"]])
        partner = rng.choice(PARTNERS) if task.get("needs_partner") else None
        if partner:
            partner = (partner[0].format(place=self.place), partner[1].format(place=self.place))
        due_kind, due = _due(rng, task.get("due") or str(_weighted(rng, DUE_KINDS)), raised_date, next_date)
        action = PlannedAction(
            id=f"A{len(self.actions) + 1:04d}",
            raised=raised,
            raised_date=raised_date,
            owners=self._owners(candidates),
            task=task,
            topic=topic,
            obj=obj,
            partner=partner,
            due_kind=due_kind,
            due=due,
            life=int(_weighted(rng, LIVES)),
            ending=str(_weighted(rng, ENDINGS)),
        )
        self._fate(action)
        self.actions.append(action)
        return action

    def _fate(self, action: PlannedAction) -> None:
        """The log rows and minutes notes of each meeting after the one that raised it."""
        rng = self.rng
        for index in range(action.raised + 1, min(action.ends_at, self.count)):
            first = index == action.raised + 1
            status = rng.choice(("open", "ongoing")) if first else rng.choice(("ongoing", "ongoing", "carried_forward"))
            action.log_status[index] = status
            if rng.random() < PROGRESS_NOTED:
                action.minutes_status[index] = status
        end = action.ends_at
        if end >= self.count:
            return
        if action.ending in {"done_log", "done_log_minutes"}:
            action.log_status[end] = "done"
        if action.ending in {"done_log_minutes", "done_minutes"}:
            action.minutes_status[end] = "done"
        if action.ending == "dropped":
            action.log_status[end] = "dropped"
            if rng.random() < DROPPED_NOTED:
                action.minutes_status[end] = "dropped"

    def _locked(self, index: int) -> set[str]:
        """People who own an action that a paper of meeting ``index`` or later still mentions."""
        return {
            owner.id
            for action in self.actions
            if action.ends_at >= index
            for owner in action.owners
            if isinstance(owner, Person)
        }

    def plan(self) -> Series:
        rng = self.rng
        pre_topics = rng.sample(TOPICS, 3)
        pre_people = self.roster.active()
        for _ in range(rng.randint(*PRE_SERIES_ACTIONS)):
            self._action(-1, self.previous_date, self.dates[0], rng.choice(pre_topics), pre_people)
        meetings: list[Meeting] = []
        last_topics: list[dict] = []
        for index, date in enumerate(self.dates):
            self.roster.step(date, self._locked(index))
            chair = self.roster.chair()
            assert chair is not None, "the chair's seat is never left vacant"
            present, apologies = [chair], []
            for person in self.roster.active():
                if person.status != "member" or person is chair:
                    continue
                draw = rng.random()
                if draw < PRESENT:
                    present.append(person)
                elif draw < PRESENT + APOLOGIES:
                    apologies.append(person)
            officers = [p for p in self.roster.active() if p.status == "officer" and rng.random() < OFFICER_ATTENDS]
            topics = rng.sample([t for t in TOPICS if t not in last_topics], rng.randint(2, 4))
            last_topics = topics
            meeting = Meeting(index, date, chair, present, apologies, officers, topics)
            next_date = self.dates[index + 1] if index + 1 < len(self.dates) else date + dt.timedelta(days=70)
            for _ in range(rng.randint(*RAISED_PER_MEETING)):
                topic = rng.choice(topics)
                meeting.raised.append(self._action(index, date, next_date, topic, present + officers))
            meetings.append(meeting)
        venue = rng.choice(VENUES).format(place=self.place)
        body = rng.choice(BODY_FORMS).format(place=self.place)
        return Series(body, venue, self.previous_date, meetings, self.actions, self.roster)


def plan_series(count: int, seed: int) -> Series:
    """The plan of a ``count``-meeting series, the same for the same ``seed``."""
    if count < 1:
        raise ValueError(f"a series needs at least one meeting, not {count}")
    return _Planner(random.Random(f"boardpapers-series-{seed}"), count).plan()
