"""Actions: every task a meeting gave out or took on, with owners, deadline, status and evidence.

Where actions are found (``SCHEMA.md``: Action; the annotation rules there):

- minutes prose: task phrases ("Mr Taylor agreed to contact the Chairman",
  "officers would follow up with ...", :mod:`.action_phrases`), with or without
  an "(Action)" mark; a marked paragraph with no task phrase gives its last
  sentence. "Action:" lines and "..., action Mags" marks (:mod:`.action_marks`);
- the clauses of resolutions that assign work ("The SCPB members to confirm
  ...", "That the Chair write to ...");
- tables (:mod:`.action_tables`): action logs (origin ``action_log``, raised
  on the row's date), action summaries and action columns of minutes grids;
- reports' "Actions still to be delivered" lists (origin ``report``, status
  ``open``).

Owners are resolved to the meeting's attendees by :class:`.owners.OwnerResolver`;
deadlines by :mod:`.deadlines` against the meeting's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

import regex

from ..document import Block
from ..records import Action, AgendaItem, Attendance, Meeting, Paper, Source
from .action_marks import action_marked, labelled_actions, strip_mark, trailing_owner
from .action_phrases import Task, find_tasks, task_phrase
from .action_tables import TableAction, read_action_tables
from .dates import parse_date
from .deadlines import find_deadline
from .meetings import meeting_id
from .owners import GROUP_NOUNS, UNIT_NOUNS, OwnerResolver
from .positions import ItemIndex, page_at
from .sentences import sentence_spans

__all__ = ["extract_actions"]

_REPORT_LIST = regex.compile(r"\bactions?\s+(?:still\s+)?(?:to\s+be\s+(?:delivered|completed|taken)|outstanding|remaining)\b", regex.I)
_REPORT_LEAD = regex.compile(
    r"^(?:(?:more|further)(?:\s+joint)?\s+work(?:\s+is)?\s+(?:required|needed)\s+(?:to|on)\s+|(?:there\s+is\s+)?a\s+need\s+to\s+)", regex.I
)
_THAT_CLAUSE = regex.compile(
    r"^\s*That\s+(?P<subject>(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+the\s+|of\s+|and\s+)?\p{Lu}[\p{L}'’-]*)*)\s+(?P<task>(?!is\b|are\b|was\b|were\b|has\b|have\b|be\b)\p{Ll}+\b.*)$",
    regex.S,
)
_BODY_AND_VERB = regex.compile(
    r"^\s*(?P<subject>(?:The\s+)?(?:\p{Lu}{2,8}|Board|Committee|Panel|Partnership))(?:\s+members)?\s+(?:noted|agreed|note|agree)\b"
    r"[^.]*?\band\s+(?P<task>(?:consider|ensure|agree|write|request|review|develop|establish|undertake|commission|explore|seek)\b.*)",
    regex.S,
)
_PRONOUNS = frozenset({"he", "she", "they"})
_PERSONAL_NAME = regex.compile(r"^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}$")


@dataclass(frozen=True)
class _Found:
    """An action before it becomes a record: what, who, and where in the paper."""

    text: str
    owners: tuple[str, ...]
    start: int
    end: int
    origin: str
    due: str | None = None
    due_text: str | None = None
    status: str | None = None
    raised: str | None = None
    item: str | None = None
    update: str | None = None


def _shift(task: Task, offset: int) -> Task:
    """A task found in a sentence, placed in its paragraph."""
    return replace(
        task,
        subject_start=task.subject_start + offset,
        subject_end=task.subject_end + offset,
        start=task.start + offset,
        end=task.end + offset,
    )


class _Reader:
    """Reads one paper's actions; holds what every form needs (owners, dates, items)."""

    def __init__(self, paper: Paper, meeting: Meeting, attendance: Sequence[Attendance], items: Sequence[AgendaItem], nlp=None) -> None:
        self.paper = paper
        self.meeting = meeting
        self.date = dt.date.fromisoformat(meeting.date) if meeting.date else None
        self.owners = OwnerResolver(attendance, chair=meeting.chair, key_text=paper.text, nlp=nlp)
        self.items = ItemIndex(paper, items)
        self.warnings: list[str] = []

    # ------------------------------------------------------------ owners

    def _accept(self, task: Task, text: str, owners: list[str], person: bool) -> bool:
        """Whether a task phrase is a task: ``modal`` ones need a person or a team as subject."""
        if task.strength != "modal":
            return True
        subject = text[task.subject_start : task.subject_end]
        head = subject.split()[-1].lower()
        return person or head in _PRONOUNS or head in GROUP_NOUNS or head in UNIT_NOUNS or bool(_PERSONAL_NAME.match(subject))

    def _task_owners(self, text: str, task: Task, mentions) -> tuple[list[str], bool]:
        """The owners a task's subject names, and whether the subject is one of the meeting's people."""
        subject = text[task.subject_start : task.subject_end]
        if any(task.subject_start <= m.start and m.end <= task.subject_end for m in mentions):
            return self.owners.owner_in(text, task.subject_start, task.subject_end, mentions), True
        if subject.lower() in _PRONOUNS:
            return [], False
        members = self.owners.body_members(subject)
        if members and regex.match(r"(?:were|are|have)\b", task.trigger, regex.I):
            return [members], False
        return self.owners.read(subject), False

    # ------------------------------------------------------------ prose

    def _from_tasks(self, text: str, offset: int, tasks: Sequence[Task], origin: str, status: str | None = None) -> list[_Found]:
        if not tasks:
            return []  # most sentences assign nothing: no need to look for the people in them
        mentions = self.owners.mentions_in(text)
        out: list[_Found] = []
        for task in tasks:
            owners, person = self._task_owners(text, task, mentions)
            if not self._accept(task, text, owners, person):
                continue
            if not owners and out and text[task.subject_start : task.subject_end].lower() in _PRONOUNS:
                # "Peter Clifton would check ... and that he was going to organise ...": "he" is the last owner.
                owners = list(out[-1].owners)
            out.append(self._found(task.text, owners, offset + task.start, offset + task.end, origin, status=status))
        return out

    def _found(self, text: str, owners: Iterable[str], start: int, end: int, origin: str, **extra) -> _Found:
        deadline = find_deadline(text, self.date)
        if deadline and deadline.due and self.date and deadline.due < self.date.isoformat():
            deadline = None  # "the action assigned on 30 October 2015": a past date is no deadline
        return _Found(
            text=task_phrase(text),
            owners=tuple(dict.fromkeys(o for o in owners if o)),
            start=start,
            end=end,
            origin=origin,
            due=deadline.due if deadline else None,
            due_text=deadline.text if deadline else None,
            item=self.items.at(start),
            **extra,
        )

    def paragraph(self, block: Block, marked: bool) -> list[_Found]:
        text = block.text
        labelled = labelled_actions(text)
        if labelled:
            return [f for item in labelled for f in self._labelled(text, block.start, item)]
        found: list[_Found] = []
        marked = marked or action_marked(text)
        body = strip_mark(text)
        spans = sentence_spans(body)
        for start, end in spans:
            sentence = body[start:end]
            trailing = trailing_owner(sentence)
            tasks = [_shift(t, start) for t in find_tasks(sentence[: trailing[0]] if trailing else sentence)]
            from_tasks = self._from_tasks(body, block.start, tasks, "minutes")
            if trailing is not None:
                found.extend(self._trailing(body, block.start, start, sentence, trailing, from_tasks))
            else:
                found.extend(from_tasks)
        if marked and not found and spans:
            start, end = spans[-1]
            mentions = [m for m in self.owners.mentions_in(body) if start <= m.start < end]
            owners = [mentions[0].name] if mentions else []
            found.append(self._found(body[start:end], owners, block.start + start, block.start + end, "minutes"))
        return found

    def _trailing(self, body: str, offset: int, start: int, sentence: str, trailing, from_tasks: list[_Found]) -> list[_Found]:
        mark_at, owner_text, own_task, carried = trailing
        owners = self.owners.read(owner_text)
        status = "carried_forward" if carried else None
        if own_task:
            at = start + sentence.rfind(own_task)
            return [self._found(own_task, owners, offset + at, offset + at + len(own_task), "minutes", status=status)]
        if from_tasks:
            return [
                _Found(**{**f.__dict__, "owners": tuple(dict.fromkeys([*f.owners, *owners])), "status": status or f.status})
                for f in from_tasks
            ]
        clause = sentence[:mark_at]
        lead = len(clause) - len(clause.lstrip())
        return [self._found(clause, owners, offset + start + lead, offset + start + mark_at, "minutes", status=status)]

    def _labelled(self, text: str, offset: int, labelled) -> list[_Found]:
        body = text[labelled.start : labelled.end]
        lead = len(body) - len(body.lstrip(" *"))
        tasks = [t for t in find_tasks(body, bare=True) if t.subject_start <= lead + 1]
        bracket = self.owners.read(labelled.owner) if labelled.owner else []
        status = "carried_forward" if labelled.carried else None
        raised = None
        if labelled.raised_text:
            when = parse_date(labelled.raised_text, default_year=self.date.year if self.date else None)
            raised = when.isoformat() if when else None
        if tasks:
            task = tasks[0]
            mentions = self.owners.mentions_in(body)
            owners, _ = self._task_owners(body, task, mentions)
            return [
                self._found(
                    task_phrase(body[task.start :]), [*owners, *bracket], offset + labelled.start + task.start,
                    offset + labelled.end, "minutes", status=status, raised=raised,
                )
            ]
        return [self._found(body, bracket, offset + labelled.start + lead, offset + labelled.end, "minutes", status=status, raised=raised)]

    def clause(self, text: str, offset: int) -> list[_Found]:
        """Tasks a resolution clause assigns: "The SCPB members to confirm ...", "That the Chair write to ..."."""
        that = _THAT_CLAUSE.match(text)
        if that:
            first_sentence = sentence_spans(text[that.start("task") :])[0]
            task_text = text[that.start("task") : that.start("task") + first_sentence[1]]
            owners = self.owners.read(that.group("subject"))
            return [self._found(task_text, owners, offset + that.start("task"), offset + that.start("task") + len(task_text), "minutes")]
        found = []
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            tasks = [_shift(t, start) for t in find_tasks(sentence, bare=True)]
            found.extend(self._from_tasks(text, offset, tasks, "minutes"))
        body_task = _BODY_AND_VERB.match(text)
        if body_task and not found:
            # "The SCPB noted that ... and consider writing to the Home Office ...": the body's own task.
            task = text[body_task.start("task") : body_task.start("task") + sentence_spans(text[body_task.start("task") :])[0][1]]
            owners = self.owners.read(body_task.group("subject"))
            found.append(self._found(task, owners, offset + body_task.start("task"), offset + body_task.start("task") + len(task), "minutes"))
        return found

    # ------------------------------------------------------------ tables and reports

    def table_row(self, row: TableAction) -> _Found:
        owners = self.owners.read(row.owner_text) if row.owner_text else (self.owners.read(row.subject) if row.subject else [])
        raised = None
        if row.layout == "action_log":
            if row.raised is None and row.raised_text:
                self.warnings.append(
                    f"action log row dated {row.raised_text!r} (page {row.page}): not a valid date; "
                    f"the log's own date {self.meeting.date} is used"
                )
            raised = (row.raised or self.date).isoformat() if (row.raised or self.date) else None
        found = self._found(row.text, owners, row.cell.start, row.cell.end, row.layout if row.layout == "action_log" else "minutes")
        deadline = row.deadline
        return _Found(
            **{
                **found.__dict__,
                "due": deadline.due if deadline else found.due,
                "due_text": deadline.text if deadline else found.due_text,
                "status": row.status,
                "raised": raised,
                "item": row.ref if row.layout != "action_log" else None,
                "update": row.update,
            }
        )

    def report_list(self, blocks: Sequence[Block]) -> list[_Found]:
        found = []
        for block in blocks:
            text = block.text
            if len(text.split()) < 5 or text.rstrip().endswith(":"):
                continue
            tasks = find_tasks(text)
            if tasks:
                found.extend(self._from_tasks(text, block.start, tasks[:1], "report", status="open"))
                continue
            lead = _REPORT_LEAD.match(text.lstrip(" -•"))
            body = text.lstrip(" -•")[lead.end() :] if lead else text.lstrip(" -•")
            start = block.start + (len(text) - len(body))
            found.append(self._found(body, [], start, block.end, "report", status="open"))
        return found

    # ------------------------------------------------------------ record

    def record(self, found: _Found) -> Action:
        raised = found.raised or self.meeting.date
        meeting = meeting_id(self.meeting.body, raised) if found.origin == "action_log" and raised else self.meeting.id
        return Action(
            meeting=meeting,
            item=found.item,
            text=found.text,
            owners=found.owners,
            due=found.due,
            due_text=found.due_text,
            origin=found.origin,
            status=found.status,
            raised_on=raised,
            source=Source(self.paper.id, page_at(self.paper, found.start), found.start, found.end),
            update=found.update,
        )


def _report_lists(paper: Paper) -> list[list[Block]]:
    """The blocks of each "Actions still to be delivered:" list of a report."""
    lists: list[list[Block]] = []
    current: list[Block] | None = None
    for block in paper.blocks:
        if _REPORT_LIST.search(block.text) and block.text.rstrip().endswith(":") and len(block.text) < 120:
            current = []
            lists.append(current)
        elif current is not None:
            if block.kind == "heading" or block.kind == "table" or regex.match(r"^(?:outcome|priority|objective)\s+\d", block.text, regex.I):
                current = None
            else:
                current.append(block)
    return lists


def extract_actions(
    paper: Paper,
    meeting: Meeting,
    *,
    attendance: Sequence[Attendance] = (),
    items: Sequence[AgendaItem] = (),
    clauses: Sequence[tuple[int, int]] = (),
    nlp=None,
) -> tuple[list[Action], list[str]]:
    """The actions of one paper of ``meeting``, and warnings about what could not be read.

    ``attendance``: the meeting's attendance (owners resolve to these names);
    ``items``: agenda items/minute headings (each action's ``item``);
    ``clauses``: spans of resolution clauses in ``paper.text``, read for the tasks they assign.
    """
    reader = _Reader(paper, meeting, attendance, items, nlp=nlp)
    found: list[_Found] = [reader.table_row(row) for row in read_action_tables(paper, reader.date)]
    if paper.kind == "minutes":
        blocks = [b for b in paper.blocks if b.kind in {"paragraph", "list_item"}]
        for index, block in enumerate(blocks):
            if any(start <= block.start < end for start, end in clauses) or regex.fullmatch(r"\s*\**\(actions?\)\**\s*", block.text, regex.I):
                continue
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            marked = bool(following and regex.fullmatch(r"\s*\**\(actions?\)\**\s*", following.text, regex.I))
            found.extend(reader.paragraph(block, marked))
        for start, end in clauses:
            found.extend(reader.clause(paper.text[start:end], start))
    else:
        for blocks in _report_lists(paper):
            found.extend(reader.report_list(blocks))
    unique: dict[tuple[int, int], _Found] = {}
    for item in found:
        unique.setdefault((item.start, item.end), item)
    return [reader.record(item) for item in sorted(unique.values(), key=lambda f: f.start)], reader.warnings
