"""One person per human across an archive of meetings, and each person's attendance history.

Each paper names people its own way: "Councillor David Longstaff" in a
summons, "Cllr Longstaff" beside an agenda item, "the Chairman" in the
minutes of a meeting he chaired, "DL" in an action column whose key the
attendance list gives ("David Longstaff (DL)"). :func:`link_people` reads
every attendance record (and, when given, the agenda's presenters and the
papers' initials keys) and makes one :class:`Person` per human, with every
written form and every role held over time ("Superintendent" in January
2016, "Acting Borough Commander" in April). :class:`People` then answers
"who is this name at this meeting?" for the action tracker and the store.

Linking is cautious: a short form ("Longstaff", "D Longstaff", "Chris
Smith") joins a fuller name only when exactly one person fits, preferring
the people listed at the same meeting; otherwise it stays a person of its
own rather than being merged with the wrong one.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Iterator, Sequence

import regex

from ..extract.meetings import meeting_id
from ..nlp.gazetteer import phrases
from ..records import AgendaItem, Attendance, Meeting, Paper, Source, _Record
from ..extract.initials_keys import find_initials_keys, spells
from .people_names import NameForm, compatible, name_form, name_key, slug

__all__ = [
    "AttendanceHistory",
    "MeetingAttendance",
    "People",
    "Person",
    "attendance_history",
    "body_aliases",
    "canonical_meeting",
    "link_people",
    "written_as_initials",
]

_CHAIR = regex.compile(r"^(?:the\s+)?(?:chair|chairman|chairperson|chairwoman)(?:\s+of\s+.*)?$", regex.I)
_THE_ROLE = regex.compile(r"^the\s+(?P<role>.+)$", regex.I)
_INITIALS = regex.compile(r"^(?:\p{Lu}\.?\s?){2,4}$|^\p{Lu}(?:\p{Lu}\p{Ll}{0,3}){1,3}$")


def written_as_initials(name: str) -> bool:
    """"JN", "D.L.", "AHop": initials, which name someone only through a key a paper prints ("Jolyon Neely
    (JN)") or, read in a paper, as the one attendee of its meeting whose name they spell."""
    return bool(_INITIALS.match(regex.sub(r"\s+", " ", name).strip(" ,.;:")))


@lru_cache(maxsize=None)
def _attendance_rules() -> dict[str, Any]:
    data = json.loads(resources.files(__package__).joinpath("people.json").read_text(encoding="utf-8"))
    return dict(data["attendance"])


@dataclass(frozen=True)
class Person(_Record):
    """One human across the archive.

    ``id`` is the slug of the canonical ``name`` (the fullest form written),
    so the same papers always give the same ids. ``variants`` are the forms
    written, with honorifics ("Cllr Longstaff", "Councillor David
    Longstaff"); ``roles`` are ``(meeting date, role)`` pairs in date order,
    ranks written as honorifics included ("Superintendent").
    ``meetings`` lists the meetings whose papers name the person and
    ``initials`` the keys papers give for them ("DL").
    """

    id: str
    name: str
    variants: tuple[str, ...]
    roles: tuple[tuple[str, str], ...]
    organisations: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()
    initials: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Mention:
    """One written name at one meeting, with what the paper says about its holder there."""

    meeting: str
    date: str | None
    form: NameForm
    role: str | None = None
    organisation: str | None = None


def _role_honorifics(honorific: str | None) -> list[str]:
    """The parts of an honorific that are an office or rank ("Superintendent"), not courtesy ("Mr", "Dr")."""
    courtesy = phrases("titles", "COURTESY_TITLE") | {"sir", "dame", "lord", "lady", "baroness", "mx", "rt hon"}
    return [part for part in ([honorific] if honorific else []) if part.lower() not in courtesy]


def _an_organisation(text: str) -> bool:
    return text.strip().lower() in phrases("organisations", "ORG")


def _mentions(
    meetings: Sequence[Meeting], attendance: Sequence[Attendance], agenda_items: Sequence[AgendaItem]
) -> list[_Mention]:
    dates = {meeting.id: meeting.date for meeting in meetings}
    out: list[_Mention] = []
    for record in attendance:
        written = f"{record.honorific} {record.name}" if record.honorific else record.name
        out.append(_Mention(record.meeting, dates.get(record.meeting), name_form(written), record.role, record.organisation))
    for meeting in meetings:
        if meeting.chair:
            out.append(_Mention(meeting.id, meeting.date, name_form(meeting.chair), "Chair"))
    for item in agenda_items:
        if item.presenter:
            # An agenda prints the presenter's job or their organisation in one slot ("Victim Support").
            role = item.presenter_role if item.presenter_role and not _an_organisation(item.presenter_role) else None
            out.append(_Mention(item.meeting, dates.get(item.meeting), name_form(item.presenter), role))
    return [mention for mention in out if mention.form.surname]


# ---------------------------------------------------------------- one meeting under one name


@lru_cache(maxsize=1)
def _same_boards() -> tuple[tuple[str, ...], ...]:
    text = resources.files(__package__).joinpath("body_names.jsonl").read_text(encoding="utf-8")
    return tuple(tuple(json.loads(line)["same_board"]) for line in text.splitlines() if line.strip())


def body_aliases(meeting_ids: Iterable[str]) -> dict[str, str]:
    """One key per board however its papers name it: "eastbrook-community-safety-partnership-board" is
    "community-safety-partnership-board" when both occur, because papers drop the place from the name
    inconsistently (the minutes say "Eastbrook Council", so the parser reads the place off; the log does
    not); and names that mean one board (``body_names.jsonl``: a school's "Board of Governors" is its "Full
    Governing Body") are one key, the first of their group that occurs."""
    bodies = {meeting.rsplit("/", 1)[0] for meeting in meeting_ids}
    synonyms: dict[str, str] = {}
    for group in _same_boards():
        present = [name for name in group if name in bodies]
        synonyms.update({name: present[0] for name in present[1:]})
    aliases = dict(synonyms)
    for body in bodies:
        shorter = [other for other in bodies if other != body and body.endswith("-" + other) and other.count("-") >= 2]
        if shorter:
            target = min(shorter, key=len)
            aliases[body] = synonyms.get(target, target)
    return aliases


def canonical_meeting(meeting: str, aliases: dict[str, str]) -> str:
    """``meeting`` under its board's one name (``aliases`` from :func:`body_aliases`): the meeting the
    "eastbrook-community-safety-partnership-board/2016-02-04" papers and the
    "community-safety-partnership-board/2016-02-04" papers both record is the latter."""
    body, slash, date = meeting.rpartition("/")
    return f"{aliases.get(body, body)}/{date}" if slash else meeting


# ---------------------------------------------------------------- clustering


def _fits(form: NameForm, cluster: list[NameForm]) -> bool:
    return all(compatible(form, other) for other in cluster)


def _cluster(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group mentions into humans: full names first (longest given name first), short forms after.

    A name joins a group only when it fits exactly one group, so "Chris
    Smith" beside both "Christopher Smith" and "Christine Smith" stays apart.
    """
    by_key: dict[str, list[_Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[mention.form.key].append(mention)

    def order(key: str) -> tuple[int, int, str]:
        form = by_key[key][0].form
        return (0 if form.full else 1, -len(form.given[0]) if form.given else 0, key)

    groups: list[list[_Mention]] = []
    for key in sorted(by_key, key=order):
        found = by_key[key]
        form = found[0].form
        forms = [[m.form for m in group] for group in groups]
        fitting = [i for i, group in enumerate(forms) if _fits(form, group)]
        if len(fitting) > 1 and not form.full:
            # A short form: the people listed at the same meetings decide.
            seen = {m.meeting for m in found}
            fitting = [i for i in fitting if any(m.meeting in seen for m in groups[i])]
        if len(fitting) == 1:
            groups[fitting[0]].extend(found)
        else:
            groups.append(list(found))
    return groups


def _canonical(group: list[_Mention]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for mention in group:
        counts[mention.form.bare] += 1
    return min(counts, key=lambda bare: (-len(name_key(bare).split()), -len(bare), -counts[bare], bare))


def _person(pid: str, group: list[_Mention], keys: Iterable[str]) -> Person:
    variants = sorted({m.form.written for m in group} | {m.form.bare for m in group})
    roles: set[tuple[str, str]] = set()
    for mention in group:
        for role in [*_role_honorifics(mention.form.honorific), *([mention.role] if mention.role else [])]:
            roles.add((mention.date or "", role))
    return Person(
        id=pid,
        name=_canonical(group),
        variants=tuple(variants),
        roles=tuple(sorted(roles)),
        organisations=tuple(sorted({m.organisation for m in group if m.organisation})),
        meetings=tuple(sorted({m.meeting for m in group})),
        initials=tuple(sorted(set(keys))),
    )


# ---------------------------------------------------------------- the linked people


class People:
    """Every person of an archive, and name resolution against them.

    ``person_id(meeting_id, name)`` and ``resolve(name, meeting_id)`` accept
    any form a paper writes: full or short names with or without
    honorifics, "the Chairman" (the meeting's chair), "the <role>" (the one
    attendee of that meeting with that role), and initials (from a key the
    papers give, else the one attendee of the meeting with those initials).

    ``chairs`` (``{meeting id: person id}``) and ``initials``
    (``{meeting id: {key: person id}}``) are what :func:`link_people` read in
    the papers. A meeting is known by any of its ids: with ``aliases`` (from
    :func:`body_aliases`) the action log's "eastbrook-...-board/2016-02-04" is
    the minutes' "...-board/2016-02-04", whose chair and attendees it shares.
    """

    def __init__(
        self,
        people: Sequence[Person],
        chairs: dict[str, str] | None = None,
        initials: dict[str, dict[str, str]] | None = None,
        aliases: dict[str, str] | None = None,
    ) -> None:
        self.people: tuple[Person, ...] = tuple(people)
        self._by_id = {person.id: person for person in self.people}
        self.aliases = dict(aliases or {})
        self._canonical: dict[str, str] = {}
        self._chairs: dict[str, str] = {}
        for meeting, pid in (chairs or {}).items():
            self._chairs.setdefault(self._meeting(meeting), pid)
        keyed: dict[str, dict[str, str]] = defaultdict(dict)
        for meeting, keys in (initials or {}).items():
            for key, pid in keys.items():
                keyed[self._meeting(meeting)].setdefault(key, pid)
        self._keys = dict(keyed)
        self._forms: dict[str, list[NameForm]] = {p.id: [name_form(v) for v in p.variants] for p in self.people}
        # Lookups by exact key, then by surname initial: resolving is called for every record on every relink.
        self._by_key: dict[str, set[str]] = defaultdict(set)
        self._by_initial: dict[str, list[tuple[str, NameForm]]] = defaultdict(list)
        for pid, forms in self._forms.items():
            for form in forms:
                self._by_key[form.key].add(pid)
                self._by_initial[form.surname[:1]].append((pid, form))
        self._at: dict[str, set[str]] = defaultdict(set)
        for person in self.people:
            for meeting in person.meetings:
                self._at[self._meeting(meeting)].add(person.id)

    def _meeting(self, meeting_id: str) -> str:
        if not self.aliases:
            return meeting_id
        # Every person lists their meetings: one archive names a few thousand meetings many times over.
        found = self._canonical.get(meeting_id)
        if found is None:
            found = self._canonical[meeting_id] = canonical_meeting(meeting_id, self.aliases)
        return found

    @property
    def chairs(self) -> dict[str, str]:
        """``{meeting id: person id}``: who "the Chairman" is at each meeting (canonical ids)."""
        return dict(self._chairs)

    @property
    def initials_keys(self) -> dict[str, dict[str, str]]:
        """``{meeting id: {key: person id}}``: the initials keys the papers of each meeting print (canonical ids)."""
        return {meeting: dict(keys) for meeting, keys in self._keys.items()}

    def view(self, meetings: Iterable[str], names: Iterable[str]) -> People:
        """The people that ``names`` written in the papers of ``meetings`` can mean, and no one else.

        Resolving one of ``names`` at one of ``meetings`` in the view gives
        what it gives here, with one exception: initials that no paper of that
        meeting keys resolve through keys printed at ``meetings`` only, not
        anywhere in the archive. In the view are the people listed at
        ``meetings``, their chairs, the holders of their initials keys, and
        everyone each name is compatible with; each person's ``meetings`` is
        cut to ``meetings``. A board's tracked actions read only its view, so
        an import into one board changes another board's only when it changes
        what that board's names can mean (:meth:`digest`).
        """
        wanted = {self._meeting(meeting) for meeting in meetings}
        ids: set[str] = set()
        for meeting in wanted:
            ids |= self._at.get(meeting, set())
            ids |= {self._chairs[meeting]} if meeting in self._chairs else set()
            ids |= set(self._keys.get(meeting, {}).values())
        for name in set(names):
            text = regex.sub(r"\s+", " ", name).strip(" ,.;:")
            if text and not _CHAIR.match(text) and not _INITIALS.match(text):
                ids.update(self._fitting(name_form(text)))
        people = [
            replace(person, meetings=tuple(m for m in person.meetings if self._meeting(m) in wanted))
            for person in self.people
            if person.id in ids
        ]
        bodies = {meeting.rpartition("/")[0] for meeting in wanted}
        return People(
            people,
            chairs={m: pid for m, pid in self._chairs.items() if m in wanted},
            initials={m: keys for m, keys in self._keys.items() if m in wanted},
            aliases={body: board for body, board in self.aliases.items() if board in bodies},
        )

    def digest(self) -> str:
        """A hash of everything resolution reads: two People with one digest resolve every name alike."""
        data = [[p.to_dict() for p in self.people], self._chairs, self._keys, self.aliases]
        return hashlib.sha1(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people)

    def __len__(self) -> int:
        return len(self.people)

    def get(self, person_id: str) -> Person | None:
        return self._by_id.get(person_id)

    def person_id(self, meeting_id: str | None, name: str) -> str | None:
        person = self.resolve(name, meeting_id)
        return person.id if person else None

    def resolve(self, name: str, meeting_id: str | None = None) -> Person | None:
        """The person ``name`` means (at ``meeting_id`` when given), or None when unknown or ambiguous."""
        text = regex.sub(r"\s+", " ", name).strip(" ,.;:")
        if not text:
            return None
        meeting_id = self._meeting(meeting_id) if meeting_id else None
        if _CHAIR.match(text):
            return self._by_id.get(self._chairs.get(meeting_id or "", ""))
        if _INITIALS.match(text):
            return self._initials(text.replace(".", "").replace(" ", ""), meeting_id)
        role = _THE_ROLE.match(text)
        if role and meeting_id:
            holder = self._role_holder(role.group("role"), meeting_id)
            if holder:
                return holder
        return self._by_name(name_form(text), meeting_id)

    def _unique(self, ids: Iterable[str]) -> Person | None:
        found = set(ids)
        return self._by_id[found.pop()] if len(found) == 1 else None

    def _initials(self, key: str, meeting_id: str | None) -> Person | None:
        if meeting_id and key in self._keys.get(meeting_id, {}):
            return self._by_id.get(self._keys[meeting_id][key])
        keyed = self._unique(keys[key] for keys in self._keys.values() if key in keys)
        if keyed or not meeting_id:
            return keyed
        # No key given: the one person at this meeting whose name these initials spell.
        return self._unique(pid for pid in self._at.get(meeting_id, ()) if spells(key, self._by_id[pid].name))

    def _role_holder(self, role: str, meeting_id: str) -> Person | None:
        wanted = role.lower().strip()
        return self._unique(
            pid
            for pid in self._at.get(meeting_id, ())
            for date_role in self._by_id[pid].roles
            if date_role[1].lower() == wanted
        )

    def _fitting(self, form: NameForm) -> list[str]:
        """Who a written name can be, wherever written: those written exactly so, else those it is compatible with."""
        if not form.surname:
            return []
        exact = list(self._by_key.get(form.key, ()))
        return exact or list(dict.fromkeys(pid for pid, f in self._by_initial.get(form.surname[:1], ()) if compatible(form, f)))

    def _by_name(self, form: NameForm, meeting_id: str | None) -> Person | None:
        fitting = self._fitting(form)
        if len(fitting) > 1 and meeting_id:
            here = [pid for pid in fitting if pid in self._at.get(meeting_id, set())]
            fitting = here or fitting
        return self._unique(fitting)


def _initials_keys(papers: Sequence[Paper], resolve: People) -> dict[str, dict[str, str]]:
    """``{meeting id: {key: person id}}`` from the "Name (KEY)" keys printed in each paper."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for paper in papers:
        if not paper.meeting_date:
            continue
        meeting = meeting_id(paper.body, paper.meeting_date)
        for key in find_initials_keys(paper.text):
            person = resolve.resolve(key.name, meeting)
            if person:
                out[meeting].setdefault(key.key, person.id)
    return dict(out)


def link_people(
    meetings: Sequence[Meeting],
    attendance: Sequence[Attendance],
    *,
    agenda_items: Sequence[AgendaItem] = (),
    papers: Sequence[Paper] = (),
) -> People:
    """One :class:`Person` per human named in ``attendance`` (and meetings' chairs, agenda presenters).

    ``papers`` are read only for initials keys ("Jolyon Neely (JN)"), so
    initials in action columns resolve where the papers give the key.
    """
    groups = _cluster(_mentions(meetings, attendance, agenda_items))
    ids: dict[int, str] = {}
    taken: dict[str, int] = defaultdict(int)
    for index, group in sorted(enumerate(groups), key=lambda pair: slug(_canonical(pair[1]))):
        base = slug(_canonical(group))
        taken[base] += 1
        ids[index] = base if taken[base] == 1 else f"{base}-{taken[base]}"
    people = [_person(ids[i], group, ()) for i, group in enumerate(groups)]
    aliases = body_aliases([*(m.id for m in meetings), *(a.meeting for a in attendance), *(i.meeting for i in agenda_items)])
    chairs: dict[str, str] = {}
    draft = People(people, aliases=aliases)
    for meeting in meetings:
        if meeting.chair:
            found = draft.resolve(meeting.chair, meeting.id)
            if found:
                chairs[meeting.id] = found.id
    keys = _initials_keys(papers, draft)
    by_person: dict[str, set[str]] = defaultdict(set)
    for found in keys.values():
        for key, pid in found.items():
            by_person[pid].add(key)
    people = [
        _person(ids[i], group, by_person.get(ids[i], ())) if ids[i] in by_person else people[i]
        for i, group in enumerate(groups)
    ]
    people.sort(key=lambda person: person.id)
    return People(people, chairs=chairs, initials=keys, aliases=aliases)


# ---------------------------------------------------------------- attendance history


@dataclass(frozen=True)
class MeetingAttendance(_Record):
    """A person's status at one meeting (the most telling one when papers disagree), with its evidence."""

    meeting: str
    date: str | None
    status: str
    source: Source | None


@dataclass(frozen=True)
class AttendanceHistory(_Record):
    """A person's record over the meetings that list them.

    ``rate`` is attended / (attended + apologies + absent); meetings where
    the person is only listed as a member (a summons says nothing of who
    came) are shown but not counted. None when no meeting counts.
    """

    person: str
    meetings: tuple[MeetingAttendance, ...]
    attended: int
    apologies: int
    absent: int
    rate: float | None


def attendance_history(
    person_id: str, people: People, meetings: Sequence[Meeting], attendance: Sequence[Attendance]
) -> AttendanceHistory:
    """Present / apologies / absent for ``person_id`` at each meeting that lists them, in date order."""
    rules = _attendance_rules()
    rank: dict[str, int] = rules["rank"]
    dates = {meeting.id: meeting.date for meeting in meetings}
    best: dict[str, Attendance] = {}
    for record in attendance:
        if people.person_id(record.meeting, record.name) != person_id:
            continue
        kept = best.get(record.meeting)
        if kept is None or rank.get(record.status, 0) > rank.get(kept.status, 0):
            best[record.meeting] = record
    rows = tuple(
        MeetingAttendance(meeting, dates.get(meeting), record.status, record.source)
        for meeting, record in sorted(best.items(), key=lambda pair: (dates.get(pair[0]) or "", pair[0]))
    )
    attended = sum(1 for row in rows if row.status in rules["attended"])
    apologies = sum(1 for row in rows if row.status == "apologies")
    absent = sum(1 for row in rows if row.status == "absent")
    counted = attended + apologies + absent
    return AttendanceHistory(person_id, rows, attended, apologies, absent, round(attended / counted, 4) if counted else None)
