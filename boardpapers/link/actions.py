"""Every action followed across meetings: where it was raised, each later sighting, its status over time.

An action is written many times: raised in the minutes ("Caroline Birkett
agreed to circulate information ... (Action)"), copied into the next
action log ("To circulate information around the mobile application ...",
dated 29.01.2016, owner "Victim Support, Caroline Birkett"), given a
status there ("Ongoing", "Complete"), and talked about in later minutes
("update provided", "the actions pending from the previous action log").
:func:`track_actions` makes one :class:`TrackedAction` per task with all its
:class:`Sighting` records in date order and a :class:`StatusChange` history
that keeps each change's evidence span. :func:`outstanding` answers "what is
still open on this date, for this owner, and why?".

How records are placed in time: an action-log row is seen at the meeting
whose papers carry the log (an agenda pack's date), not only on the date in
its date column, which is when it was raised. Records are then paired in
date order, batch by batch (one kind of paper at one date), by the scoring
and policy of :mod:`.action_pairing`; prose follow-ups come last, from
:mod:`.action_mentions`. Everything is a pure function of its arguments.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Sequence

import regex

from ..extract.meetings import meeting_id
from ..records import Action, Meeting, Paper, Source, _Record
from .action_mentions import Target, find_mentions
from .action_pairing import Pairing, Record, Thread, attach_splits, find_candidates, pair_one_to_one, rules, stale
from ..extract.action_status import CLOSED, read_status
from .action_text import content_words
from .people import People, body_aliases, written_as_initials
from .people_names import compatible, name_form, name_key

__all__ = [
    "BoardRecords",
    "Outstanding",
    "Sighting",
    "StatusChange",
    "TrackedAction",
    "board_people",
    "body_aliases",
    "next_meeting_date",
    "outstanding",
    "owned_by",
    "owner_filter",
    "split_boards",
    "track_actions",
    "track_board",
    "tracked_order",
]

_KIND_ORDER = {"minutes": 0, "report": 1, "action_log": 2}
_ISO_DATE = regex.compile(r"^\d{4}-\d\d-\d\d$")


@dataclass(frozen=True)
class Sighting(_Record):
    """One place an action is seen.

    ``kind``: ``raised`` (the minutes that raised it), ``action_log`` (a log
    row), ``minutes`` (restated or followed up in later minutes),
    ``report``. ``action`` is the index into the ``actions`` given to
    :func:`track_actions`, or None for a follow-up read in a paper's text.
    ``status`` is what this sighting says (normalised), or None.
    """

    meeting: str | None
    date: str | None
    kind: str
    action: int | None
    status: str | None
    evidence: str
    source: Source


@dataclass(frozen=True)
class StatusChange(_Record):
    """The action's status became ``status`` on ``date``, as ``evidence`` (at ``source``) says."""

    date: str | None
    status: str
    evidence: str
    source: Source


@dataclass(frozen=True)
class TrackedAction(_Record):
    """One task across the archive.

    ``id`` is stable: the raising meeting's id and a hash of the first
    wording. ``text`` is that first wording; ``owners`` every owner named in
    any sighting (people under their canonical name when ``people`` was
    given; ``owner_ids`` their person ids). ``due`` is resolved where the
    papers allow ("at the next meeting" -> that meeting's date). ``status``
    is the last of ``history``.
    """

    id: str
    text: str
    owners: tuple[str, ...]
    meeting: str
    raised_on: str | None
    due: str | None
    due_text: str | None
    status: str
    sightings: tuple[Sighting, ...]
    history: tuple[StatusChange, ...]
    body: str | None = None
    owner_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outstanding(_Record):
    """An action with no completion evidence on a date: how old, whose, last seen where, and why still open.

    ``meetings_since`` counts its board's meetings after the last sighting (up to the date) whose papers
    did not mention it: boards that carry open actions forward stop listing the ones they consider done.
    """

    action: TrackedAction
    age_days: int | None
    last_sighting: Sighting
    reason: str
    due: str | None
    meetings_since: int = 0

    @property
    def unmentioned(self) -> bool:
        """Whether its board has stopped mentioning it (so :func:`outstanding` leaves it out by default)."""
        return stopped_mentioning(self.meetings_since)


def stopped_mentioning(meetings_since: int) -> bool:
    """Whether that many meetings without a mention make an action likely closed (``unmentioned_meetings``
    in ``action_rules.json``)."""
    return meetings_since >= rules()["outstanding"]["unmentioned_meetings"]


# ---------------------------------------------------------------- placing records in time


def _body_key(meeting: str, aliases: dict[str, str] | None = None) -> str:
    body = meeting.rsplit("/", 1)[0]
    return aliases.get(body, body) if aliases else body


def _meeting_date(meeting: str, meetings: dict[str, Meeting]) -> str | None:
    known = meetings.get(meeting)
    if known and known.date:
        return known.date
    tail = meeting.rsplit("/", 1)[-1]
    return tail if _ISO_DATE.match(tail) else None


def _presented(paper: Paper, papers: dict[str, Paper]) -> tuple[str | None, str | None]:
    """(body, date) of the meeting whose papers include ``paper``: a pack part is presented at the pack's meeting."""
    parent = papers.get(paper.parent) if paper.parent else None
    while parent is not None and parent.parent:
        parent = papers.get(parent.parent)
    if parent is not None and parent.meeting_date:
        return parent.body or paper.body, parent.meeting_date
    return paper.body, paper.meeting_date


def _place(index: int, action: Action, meetings: dict[str, Meeting], papers: dict[str, Paper], aliases: dict[str, str]) -> Record:
    date = _meeting_date(action.meeting, meetings)
    raised_on = action.raised_on or date
    seen_meeting, seen_date = action.meeting, date
    paper = papers.get(action.source.paper)
    if action.origin == "action_log" and paper is not None:
        body, presented = _presented(paper, papers)
        if presented and (raised_on is None or presented >= raised_on):
            seen_meeting, seen_date = meeting_id(body, presented), presented
    if seen_date is None:
        seen_date = raised_on
    return Record(index, action, _body_key(action.meeting, aliases), seen_meeting, seen_date, raised_on, read_status(action.status))


def _batches(records: list[Record]) -> list[list[Record]]:
    """Records in date order, one batch per (date, kind of paper): the minutes of a day before its log."""
    ordered = sorted(records, key=lambda r: (r.date or "", _KIND_ORDER.get(r.action.origin, 3), r.index))
    return [list(group) for _, group in groupby(ordered, key=lambda r: (r.date, r.action.origin))]


def _pair(records: list[Record], people: People | None, pairing: Pairing) -> list[Thread]:
    threads: list[Thread] = []
    by_body: dict[str, list[int]] = defaultdict(list)
    for batch in _batches(records):
        bodies = {record.body for record in batch}
        date = batch[0].date
        for body in sorted(bodies):
            members = [record for record in batch if record.body == body]
            if date is not None:
                # Batches come in date order: a task closed before this date is closed for every later batch
                # too, and score_pair would turn it down each time; leaving it out keeps relinking linear.
                by_body[body] = [i for i in by_body[body] if not threads[i].closed_before(date)]
            # A task not seen for a long while can only be a row raised on its own date (score_pair's rule).
            raised = {record.raised_on for record in members}
            days = rules()["pairing"]["stale_days"]
            indexes = [i for i in by_body[body] if threads[i].raised_on in raised or not stale(threads[i], date, days)]
            candidates = find_candidates([threads[i] for i in indexes], members, people)
            paired = attach_splits(candidates, pairing(candidates))
            for r, record in enumerate(members):
                if r in paired:
                    threads[indexes[paired[r]]].records.append(record)
                else:
                    by_body[body].append(len(threads))
                    threads.append(Thread(record.body, record.raised_on, [record]))
    return threads


# ---------------------------------------------------------------- sightings and history


def _evidence(record: Record, papers: dict[str, Paper]) -> str:
    paper = papers.get(record.action.source.paper)
    if paper is not None:
        span = paper.text[record.action.source.start : record.action.source.end].strip()
        if span:
            return span
    return record.action.text


def _record_sightings(thread: Thread, papers: dict[str, Paper]) -> list[Sighting]:
    out = []
    for n, record in enumerate(sorted(thread.records, key=lambda r: (r.date or "", _KIND_ORDER.get(r.action.origin, 3)))):
        origin = record.action.origin
        first = n == 0
        kind = "raised" if first and origin == "minutes" else origin
        later = (record.date or "") > (thread.raised_on or "")
        default = "raised" if kind == "raised" else "carried_forward" if later else "open"
        status = record.status or default
        out.append(Sighting(record.meeting, record.date, kind, record.index, status, _evidence(record, papers), record.action.source))
    return out


def _history(raising: Record, raised_on: str | None, sightings: list[Sighting], papers: dict[str, Paper]) -> list[StatusChange]:
    history = [StatusChange(raised_on, "raised", _evidence(raising, papers), raising.action.source)]
    for sighting in sightings:
        # "Open" on the day it was raised says nothing new; on a later date it says the action is still open.
        same_day_open = sighting.status == "open" and history[-1].status == "raised" and sighting.date == raised_on
        if sighting.status and sighting.status not in {"raised", history[-1].status} and not same_day_open:
            history.append(StatusChange(sighting.date, sighting.status, sighting.evidence, sighting.source))
    return history


def _paper_kind(paper: Paper) -> str:
    kind = paper.part or paper.kind
    return kind if kind in {"minutes", "action_log"} else "report"


def _paper_date(paper: Paper, papers: dict[str, Paper]) -> tuple[str | None, str | None]:
    """(body, date) a paper speaks from: minutes from the meeting they record, other papers from where presented."""
    if _paper_kind(paper) == "minutes":
        return paper.body, paper.meeting_date
    return _presented(paper, papers)


def _open_on(sightings: list[Sighting], date: str) -> bool:
    closed = [s for s in sightings if s.date is not None and s.date < date and s.status]
    return not closed or max(closed, key=lambda s: s.date or "").status not in CLOSED


def _name_words(actions: Sequence[Action], people: People | None) -> frozenset[str]:
    """Content words of every person's name: the people a sentence names are not what it is about."""
    names = [variant for person in people for variant in person.variants] if people is not None else []
    names += [owner for action in actions for owner in action.owners if name_form(owner).full]
    return frozenset(word for name in names for word in content_words(name_form(name).bare))


def _follow_ups(
    threads: list[Thread],
    sightings: list[list[Sighting]],
    papers: dict[str, Paper],
    spans: dict[str, list[tuple[int, int]]],
    names: frozenset[str],
    aliases: dict[str, str],
) -> None:
    """Add, in date order, the sightings read in papers' prose (minutes, reports) to ``sightings``."""
    dated = []
    for paper in papers.values():
        body_name, date = _paper_date(paper, papers)
        if paper.kind != "pack" and date and paper.text:
            dated.append((date, paper.id, meeting_id(body_name, date), paper))
    for date, _, seen_at, paper in sorted(dated, key=lambda d: (d[0], d[1])):
        body = _body_key(seen_at, aliases)
        targets = [
            Target(i, tuple(dict.fromkeys(r.action.text for r in thread.records)), thread.raised_on)
            for i, thread in enumerate(threads)
            if thread.body == body
            and thread.raised_on
            and thread.raised_on < date
            and not thread.routine
            and not stale(thread, date, rules()["pairing"]["stale_days"])
            and _open_on(sightings[i], date)
        ]
        kind = _paper_kind(paper)
        for mention in find_mentions(paper.text, targets, spans.get(paper.id, ()), names):
            source = Source(paper.id, None, mention.start, mention.end)
            sightings[mention.item].append(Sighting(seen_at, date, kind, None, mention.status, mention.text, source))


# ---------------------------------------------------------------- the tracked action


def next_meeting_date(body: str, after: str | None, meetings: Sequence[Meeting]) -> str | None:
    """The date of ``body``'s first meeting after ``after`` (body as a meeting-id prefix), or None if not known yet.

    ``body`` may be either name of a board named two ways, and ``meetings`` may be merged under the other name.
    """
    if after is None:
        return None
    aliases = body_aliases([*(m.id for m in meetings), f"{body}/"])
    body = aliases.get(body, body)
    later = sorted(m.date for m in meetings if m.date and m.date > after and _body_key(m.id, aliases) == body)
    return later[0] if later else None


def _owners(thread: Thread, people: People | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names: dict[str, str] = {}
    ids: list[str] = []
    for record in thread.records:
        for owner in record.action.owners:
            person = people.resolve(owner, record.meeting) if people is not None else None
            if person is not None:
                ids.append(person.id)
                names.setdefault(person.id, person.name)
            elif not any(compatible(name_form(owner), name_form(kept)) for kept in names.values()):
                names.setdefault(name_key(owner), owner)
    return tuple(names.values()), tuple(dict.fromkeys(ids))


def _due(thread: Thread, meetings: Sequence[Meeting]) -> tuple[str | None, str | None]:
    due_text = next((r.action.due_text for r in thread.records if r.action.due_text), None)
    due = next((r.action.due for r in thread.records if r.action.due), None)
    if due is None and due_text and regex.search(rules()["next_meeting"], due_text, regex.I):
        due = next_meeting_date(thread.body, thread.raised_on, meetings)
    return due, due_text


def _item_id(meeting: str, text: str, taken: dict[str, int]) -> str:
    digest = hashlib.sha1(name_key(text).encode("utf-8")).hexdigest()[:10]
    base = f"{meeting}#{digest}"
    taken[base] += 1
    return base if taken[base] == 1 else f"{base}-{taken[base]}"


@dataclass(frozen=True)
class BoardRecords:
    """One board's share of the records given to :func:`track_actions`.

    A board's tracked actions are a pure function of its share and of the
    people its papers can mean (:func:`board_people`), never of another
    board's papers, so a store can relink one board alone
    (:func:`track_board`). ``key`` is the board's body key after aliasing
    (:func:`~boardpapers.link.people.body_aliases`). ``actions`` index the
    board's own actions in the list given; ``spans`` index every action
    read in one of the board's papers (whose words are no follow-up
    mention). ``meetings`` are the board's; ``papers`` those its records
    are read in, those that speak from its meetings, and their packs.
    ``meeting_ids`` are the meetings its records are placed at, where owner
    names are resolved; ``owners`` every owner its actions name.
    """

    key: str
    actions: tuple[int, ...]
    spans: tuple[int, ...]
    meetings: tuple[Meeting, ...]
    papers: tuple[Paper, ...]
    meeting_ids: tuple[str, ...]
    owners: tuple[str, ...]


def _with_packs(paper_ids: set[str], papers: dict[str, Paper]) -> set[str]:
    """``paper_ids`` and every pack or part they sit in: where a part was presented is read off its pack."""
    out = set(paper_ids)
    for paper_id in paper_ids:
        paper = papers.get(paper_id)
        while paper is not None and paper.parent and paper.parent not in out:
            out.add(paper.parent)
            paper = papers.get(paper.parent)
    return out


def split_boards(actions: Sequence[Action], meetings: Sequence[Meeting], papers: Sequence[Paper] = ()) -> list[BoardRecords]:
    """``actions``, ``meetings`` and ``papers`` shared out by board, boards with actions only, in key order."""
    by_meeting = {meeting.id: meeting for meeting in meetings}
    by_paper = {paper.id: paper for paper in papers}
    aliases = body_aliases([*by_meeting, *(action.meeting for action in actions)])
    own: dict[str, list[int]] = defaultdict(list)
    placed_at: dict[str, set[str]] = defaultdict(set)
    read_in: dict[str, set[str]] = defaultdict(set)
    for index, action in enumerate(actions):
        record = _place(index, action, by_meeting, by_paper, aliases)
        own[record.body].append(index)
        placed_at[record.body].update((action.meeting, record.meeting))
        read_in[record.body].add(action.source.paper)
    for paper in papers:
        body, date = _paper_date(paper, by_paper)
        if date:
            read_in[_body_key(meeting_id(body, date), aliases)].add(paper.id)
    boards_of: dict[str, list[str]] = defaultdict(list)
    for key in sorted(own):
        for paper_id in _with_packs(read_in[key], by_paper):
            boards_of[paper_id].append(key)
    board_papers: dict[str, list[Paper]] = defaultdict(list)
    for paper in papers:
        for key in boards_of.get(paper.id, ()):
            board_papers[key].append(paper)
    spans: dict[str, list[int]] = defaultdict(list)
    for index, action in enumerate(actions):
        for key in boards_of.get(action.source.paper, ()):
            spans[key].append(index)
    board_meetings: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        board_meetings[_body_key(meeting.id, aliases)].append(meeting)
    return [
        BoardRecords(
            key=key,
            actions=tuple(own[key]),
            spans=tuple(spans[key]),
            meetings=tuple(board_meetings[key]),
            papers=tuple(board_papers[key]),
            meeting_ids=tuple(sorted(placed_at[key] | {meeting.id for meeting in board_meetings[key]})),
            owners=tuple(sorted({owner for index in own[key] for owner in actions[index].owners})),
        )
        for key in sorted(own)
    ]


def board_people(board: BoardRecords, people: People | None) -> People | None:
    """The people ``board``'s papers can mean (:meth:`People.view`): all its tracked actions read of people."""
    return people.view(board.meeting_ids, board.owners) if people is not None else None


def track_board(
    board: BoardRecords,
    actions: Sequence[Action],
    people: People | None = None,
    *,
    pairing: Pairing = pair_one_to_one,
) -> list[TrackedAction]:
    """The tracked actions of one board (``actions`` is the list ``board`` indexes; ``people`` its
    :func:`board_people`), in the order :func:`track_actions` gives them."""
    by_meeting = {meeting.id: meeting for meeting in board.meetings}
    by_paper = {paper.id: paper for paper in board.papers}
    aliases = body_aliases([*by_meeting, *(actions[i].meeting for i in board.actions)])
    records = [_place(i, actions[i], by_meeting, by_paper, aliases) for i in board.actions]
    threads = _pair(records, people, pairing)
    sightings = [_record_sightings(thread, by_paper) for thread in threads]
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index in board.spans:
        source = actions[index].source
        spans[source.paper].append((source.start, source.end))
    names = _name_words([actions[i] for i in board.actions], people)
    _follow_ups(threads, sightings, by_paper, spans, names, aliases)
    taken: dict[str, int] = defaultdict(int)
    out = []
    for thread, seen in sorted(zip(threads, sightings), key=lambda pair: (pair[0].raised_on or "", pair[0].records[0].index)):
        raising = min(thread.records, key=lambda r: (r.date or "", _KIND_ORDER.get(r.action.origin, 3)))
        seen.sort(key=lambda s: (s.date or "", 0 if s.kind == "raised" else 1))
        history = _history(raising, thread.raised_on, seen, by_paper)
        owners, owner_ids = _owners(thread, people)
        due, due_text = _due(thread, board.meetings)
        body = by_meeting[raising.action.meeting].body if raising.action.meeting in by_meeting else None
        out.append(
            TrackedAction(
                id=_item_id(raising.action.meeting, raising.action.text, taken),
                text=raising.action.text,
                owners=owners,
                meeting=raising.action.meeting,
                raised_on=thread.raised_on,
                due=due,
                due_text=due_text,
                status=history[-1].status,
                sightings=tuple(seen),
                history=tuple(history),
                body=body,
                owner_ids=owner_ids,
            )
        )
    return sorted(out, key=tracked_order)


def tracked_order(item: TrackedAction) -> tuple[str, str]:
    """Oldest first, then by id: an order that does not depend on the order records were given in."""
    return (item.raised_on or "", item.id)


def track_actions(
    actions: Sequence[Action],
    meetings: Sequence[Meeting],
    papers: Sequence[Paper] = (),
    people: People | None = None,
    *,
    pairing: Pairing = pair_one_to_one,
) -> tuple[TrackedAction, ...]:
    """One :class:`TrackedAction` per task in ``actions`` (records from any number of papers), oldest first.

    ``papers`` place action-log rows at the meeting that received the log
    and are read for prose follow-ups; ``people`` lets owners written
    differently ("Cllr Longstaff", "DL") count as one. ``pairing`` is the
    policy that turns scored candidate pairs into pairs. Each board is
    tracked on its own (:func:`split_boards`, :func:`track_board`): an
    action is never paired across boards, and a board's owners are
    resolved among the people its papers can mean (:func:`board_people`).
    """
    out = [
        item
        for board in split_boards(actions, meetings, papers)
        for item in track_board(board, actions, board_people(board, people), pairing=pairing)
    ]
    return tuple(sorted(out, key=tracked_order))


# ---------------------------------------------------------------- what is still open


def owned_by(item: TrackedAction, owner: str, people: People | None = None) -> bool:
    """Whether ``owner``, written as the papers write names, is one of ``item``'s owners.

    A form that means one person anywhere ("Paula Light"; "Cllr Longstaff"
    when one Longstaff is known; "JN" where a paper prints the key) is that
    person. A form that means someone only at a meeting ("the Chairman",
    "the Director of Public Health", "Cllr Smith" among two Smiths) is read
    at the meeting that raised the action, as that meeting's papers mean it.
    Initials no paper keys are not guessed from a meeting's attendees: the
    user can type the name. Without ``people``, written names are compared.
    """
    return owner_filter(owner, people)(item)


def owner_filter(owner: str, people: People | None = None) -> Callable[[TrackedAction], bool]:
    """:func:`owned_by` for one ``owner`` over many items: what the name means anywhere is resolved once."""
    anywhere = people.resolve(owner) if people is not None else None
    by_meeting = people is not None and anywhere is None and not written_as_initials(owner)
    wanted = name_form(owner)

    def owns(item: TrackedAction) -> bool:
        person = people.resolve(owner, item.meeting) if people is not None and by_meeting else anywhere
        if people is not None and person is not None:
            return person.id in item.owner_ids or any(people.person_id(item.meeting, o) == person.id for o in item.owners)
        return any(name_key(o) == name_key(owner) or (wanted.full and compatible(wanted, name_form(o))) for o in item.owners)

    return owns


def _days(start: str | None, end: str) -> int | None:
    if not start:
        return None
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days


def _later_meetings(meetings: Sequence[Meeting]) -> Callable[[str, str | None, str], int]:
    """``count(meeting, after, as_of)``: how many meetings of ``meeting``'s board (either of its names)
    fall after ``after`` and on or before ``as_of``."""
    aliases = body_aliases(m.id for m in meetings)
    dates: dict[str, list[str]] = defaultdict(list)
    for meeting in meetings:
        if meeting.date:
            dates[_body_key(meeting.id, aliases)].append(meeting.date)
    board_dates = {board: sorted(set(found)) for board, found in dates.items()}

    def count(meeting: str, after: str | None, as_of: str) -> int:
        held = board_dates.get(_body_key(meeting, aliases), [])
        return sum(1 for date in held if (after is None or date > after) and date <= as_of)

    return count


def _reason(status: StatusChange, last: Sighting, due: str | None, as_of: str, since: int = 0) -> str:
    said = {
        "raised": "raised",
        "open": "listed as open",
        "ongoing": "reported ongoing",
        "carried_forward": "carried forward",
        "updated": "an update was given but no completion recorded",
    }.get(status.status, status.status)
    text = f"no completion or drop recorded by {as_of}; {said} on {status.date or 'an unknown date'}"
    text += f"; last seen on {last.date or 'an unknown date'} ({last.kind.replace('_', ' ')})"
    if due and due < as_of:
        text += f"; overdue since {due}"
    elif due:
        text += f"; due {due}"
    if since:
        text += f"; not mentioned at the {since} meeting{'s' if since > 1 else ''} since"
    return text


def outstanding(
    items: Sequence[TrackedAction],
    meetings: Sequence[Meeting],
    *,
    as_of: str | None = None,
    owner: str | None = None,
    people: People | None = None,
    include_unmentioned: bool = False,
) -> list[Outstanding]:
    """Actions with no completion (or drop) evidence on ``as_of``, oldest first.

    ``as_of`` defaults to the latest date the meetings and sightings know
    (never the clock: the answer depends on the papers only). ``owner``
    keeps one owner's actions, written any way ``people`` can resolve (:func:`owned_by`).
    "At the next meeting" deadlines resolve to the next meeting's date once
    ``meetings`` has it.

    An action its board has not mentioned at the last few meetings it held
    (``unmentioned_meetings`` in ``action_rules.json``, 2) is left out:
    minutes and logs carry open actions forward and stop listing the ones
    the board considers done, so such an action is more likely closed than
    open. ``include_unmentioned`` keeps them, each with its
    ``meetings_since`` and a reason that says so.
    """
    if as_of is None:
        dates = [m.date for m in meetings if m.date] + [s.date for i in items for s in i.sightings if s.date]
        if not dates:
            return []
        as_of = max(dates)
    owns = owner_filter(owner, people) if owner else None
    later = _later_meetings(meetings)
    out = []
    for item in items:
        seen = [s for s in item.sightings if s.date is None or s.date <= as_of]
        if not seen or (item.raised_on and item.raised_on > as_of):
            continue
        history = [h for h in item.history if h.date is None or h.date <= as_of]
        if history[-1].status in CLOSED or (owns is not None and not owns(item)):
            continue
        due = item.due
        if due is None and item.due_text and regex.search(rules()["next_meeting"], item.due_text, regex.I):
            due = next_meeting_date(_body_key(item.meeting), item.raised_on, meetings)
        since = later(seen[-1].meeting, seen[-1].date, as_of)
        if stopped_mentioning(since) and not include_unmentioned:
            continue
        reason = _reason(history[-1], seen[-1], due, as_of, since)
        out.append(Outstanding(item, _days(item.raised_on, as_of), seen[-1], reason, due, since))
    return sorted(out, key=lambda o: (o.action.raised_on or "", o.action.id))
