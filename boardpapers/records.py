"""The records of the ``boardpapers/1`` contract (``SCHEMA.md``), as frozen dataclasses.

Records are values: frozen so that a record handed to a user, a store or
another process cannot change under anyone, and so they hash. ``to_dict()``
gives exactly the JSON of the contract; fields beyond the contract are added
at the end and none is renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .document import Block

__all__ = [
    "Action",
    "AgendaItem",
    "Attendance",
    "Meeting",
    "Paper",
    "ParseResult",
    "Resolution",
    "SCHEMA_VERSION",
    "Source",
    "Statistic",
    "Warning",
]

SCHEMA_VERSION = "boardpapers/1"


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


class _Record:
    """``to_dict()`` for dataclass records; fields named in ``_private`` stay out of the JSON."""

    _private: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name not in self._private}  # type: ignore[arg-type]


@dataclass(frozen=True)
class Source(_Record):
    """Where a record's evidence is: ``paper.text[start:end]`` on ``page``."""

    paper: str
    page: int | None
    start: int
    end: int


@dataclass(frozen=True)
class Paper(_Record):
    """One document, or one part of an agenda pack (then ``parent`` is the pack's id).

    ``blocks`` (not in the JSON) are the document-model blocks of this paper,
    with spans into this paper's own ``text``. ``part`` says what a pack part
    is ("summons", "agenda", "minutes", "action_log", "report", "appendix").
    ``agenda_item`` is the item a report is written for, from its cover sheet
    ("ITEM 5"): the ``AgendaItem.number`` of its meeting's agenda. ``date`` is
    the paper's own date: its meeting's date, else the first date on its cover
    ("January 2014 Version 1.0" is 2014-01-01), so a strategy or a snapshot
    that names no meeting still has a place in time.
    """

    _private = ("blocks",)

    id: str
    source: str
    format: str
    kind: str
    title: str | None
    body: str | None
    meeting_date: str | None
    author: str | None
    pages: int | None
    text: str
    parent: str | None = None
    page_start: int | None = None
    page_end: int | None = None
    part: str | None = None
    agenda_item: str | None = None
    date: str | None = None
    blocks: tuple[Block, ...] = field(default=(), repr=False, compare=False)

    def block_dicts(self) -> list[dict[str, Any]]:
        return [block.to_dict() for block in self.blocks]


@dataclass(frozen=True)
class Meeting(_Record):
    id: str
    body: str | None
    date: str | None
    start_time: str | None
    end_time: str | None
    venue: str | None
    chair: str | None
    papers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attendance(_Record):
    meeting: str
    name: str
    honorific: str | None
    role: str | None
    organisation: str | None
    status: str
    source: Source


@dataclass(frozen=True)
class AgendaItem(_Record):
    """One agenda item or minute heading (``SCHEMA.md``: AgendaItem).

    Fields beyond the contract: ``procedural`` (apologies, minutes, AOB ...:
    items about running the meeting, so users can filter them out),
    ``presenter_role`` (the job printed beside the presenter's name),
    ``duration`` (minutes, as a timed agenda prints them: "(15 minutes)"),
    ``layout`` (``numbered`` or ``timed``: an agenda printed both ways gives
    one item per layout) and ``agenda_number`` (for a minute, the agenda item
    it records, "84. Apologies (Item 1)" gives "1").
    """

    meeting: str
    kind: str
    number: str | None
    title: str
    presenter: str | None
    start_time: str | None
    end_time: str | None
    pages: str | None
    subitems: tuple[str, ...]
    source: Source
    procedural: bool = False
    presenter_role: str | None = None
    duration: int | None = None
    layout: str | None = None
    agenda_number: str | None = None


@dataclass(frozen=True)
class Resolution(_Record):
    """A decision (``SCHEMA.md``: Resolution).

    Field beyond the contract: ``votes``, what a vote block records about it
    ("MOTION BY", "SECOND", "AYES", "NAYS", "ABSTAIN", "ABSENT", "RESULT") as
    ``moved``, ``seconded``, ``for``, ``against``, ``abstain``, ``absent``,
    ``result``; None where the minutes record no vote.
    """

    meeting: str
    item: str | None
    kind: str
    number: str | None
    text: str
    source: Source
    votes: dict[str, Any] | None = None


@dataclass(frozen=True)
class Action(_Record):
    """A task (``SCHEMA.md``: Action).

    Field beyond the contract: ``update``, an action log's update or progress
    text for the row, as written.
    """

    meeting: str
    item: str | None
    text: str
    owners: tuple[str, ...]
    due: str | None
    due_text: str | None
    origin: str
    status: str | None
    raised_on: str | None
    source: Source
    update: str | None = None


@dataclass(frozen=True)
class Statistic(_Record):
    paper: str
    value: float
    unit: str
    per: dict[str, Any] | None
    surface: str
    metric: str | None
    period: str | None
    period_start: str | None
    period_end: str | None
    place: str | None
    direction: str | None
    comparison: str | None
    sentence: str
    table: bool
    source: Source
    value_high: float | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class Warning(_Record):
    paper: str
    message: str


@dataclass(frozen=True)
class ParseResult(_Record):
    """Everything read from one file: the JSON of ``boardpapers parse FILE --json``."""

    papers: tuple[Paper, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    agenda_items: tuple[AgendaItem, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    actions: tuple[Action, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    warnings: tuple[Warning, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA_VERSION, **super().to_dict()}
