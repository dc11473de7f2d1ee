"""Actions written in tables: action logs, "ACTIONS TO BE TAKEN" lists and action columns beside the minutes.

Three layouts carry actions in rows, told apart by their header cells (the
header vocabulary is data, ``action_columns.jsonl``):

- an **action log** (the paper is an action log, or the table has a "Date
  of meeting" column): every row is an action raised at the meeting its date
  column names, with owner, status and update as the columns give them;
- an **actions summary** ("ITEM | action | BY WHOM | BY WHEN"): every row is
  an action of this meeting;
- a **minutes grid** (minute text with an "Action" or "Action Who/When"
  column): a row whose action cell is filled is an action; when that cell
  names only who ("Clerk", "JN/AC Nov"), the task is the row's minute text.

A table that continues over a page break arrives as a second table without
a header; it inherits the columns of the action table before it when it has
as many columns.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..document import Block, Cell, clean_line
from ..records import Paper
from .action_phrases import find_tasks, task_phrase
from .action_status import normalise_status
from .dates import find_dates
from .deadlines import Deadline, read_deadline

__all__ = ["TableAction", "read_action_tables"]


@dataclass(frozen=True)
class TableAction:
    """One action read from a table row, with what its cells say (owners still as written)."""

    text: str
    owner_text: str
    subject: str | None
    deadline: Deadline | None
    status: str | None
    update: str | None
    raised: dt.date | None
    raised_text: str | None
    ref: str | None
    layout: str
    cell: Cell
    page: int | None


@lru_cache(maxsize=1)
def _column_rules() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    text = resources.files(__package__).joinpath("action_columns.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return tuple((row["label"], regex.compile(row["pattern"], regex.I)) for row in rows)


_SUMMARY_HEADING = regex.compile(r"\bactions?\b.{0,30}\b(?:to\s+be\s+taken|agreed|arising|summary|list|log|register|tracker)\b", regex.I)
_OWNER_ONLY = regex.compile(r"^[\p{Lu}][\p{L}'’.-]*(?:[\s/&,+]+(?:and\s+)?[\p{Lu}][\p{L}'’.-]*){0,5}$")
_WHEN_WORDS = regex.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s*\(.*?\)|\s+\d{2,4})?|\(.*?\)|asap|on-?going|\d[\d/.]*", regex.I
)


_OWNER_IN_HEADER = regex.compile(r"[/&]\s*(?:team|owner|lead|who|responsible)\b|\b(?:team|owner|lead|who)\s*[/&]", regex.I)
_OWNER_AFTER_DASH = regex.compile(r"^(?P<task>.+?)\s+[–—-]\s+(?P<owner>[^–—-]{2,80})$")


def _combined_owner(header: tuple[Cell, ...], roles: dict[int, str]) -> bool:
    """Whether the action column's header also names its owner ("Action/Team"): then "task – owner" cells."""
    return any(role == "action" and index < len(header) and _OWNER_IN_HEADER.search(header[index].text) for index, role in roles.items())


_HEADER_CELL_LENGTH = 40  # "Action/Team", "Date of meeting raised": a header names its column in a few words


def _roles(header: tuple[Cell, ...]) -> dict[int, str]:
    """Column roles named by a header row; a long cell is text, not a header ("by explaining its actions ...")."""
    roles: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = clean_line(cell.text).strip(" :?")
        if len(name) > _HEADER_CELL_LENGTH:
            continue
        for role, pattern in _column_rules():
            if name and pattern.search(name) and role not in roles.values():
                roles[index] = role
                break
    return roles


def _unlabelled_action_column(table: Block, roles: dict[int, str]) -> int | None:
    """In "ITEM | (blank) | BY WHOM | BY WHEN" the blank-headed column with the longest text is the action."""
    width = max(len(row) for row in table.rows)
    candidates = [i for i in range(width) if i not in roles]
    if not candidates:
        return None
    lengths = {i: sum(len(row[i].text) for row in table.rows[1:] if i < len(row)) for i in candidates}
    return max(lengths, key=lambda i: lengths[i])


_LETTERED = regex.compile(r"(?:^|(?<=\s))[a-h]\.\s+")  # "a. Paul Evemy/ Sandra Cartwright b. ..."
_REF_CELL = regex.compile(r"^[A-Z]{0,4}\s?\d{1,3}[a-z]?(?:/\d{2,4})?\.?$")


def _header_line_before(paper: Paper, table: Block) -> bool:
    """Whether the header of a headerless table stands as a line above it, under an actions heading:
    "ACTIONS TO BE TAKEN" / "ITEM BY WHOM BY WHEN" / a table of rows."""
    before = [b for b in paper.blocks if b.end <= table.start][-2:]
    if len(before) < 2 or before[-1].kind == "table" or len(before[-1].text) > 80:
        return False
    labels = sum(1 for role, pattern in _column_rules() if role in ("owner", "due", "ref") and pattern.search(before[-1].text))
    return labels >= 2 and bool(_SUMMARY_HEADING.search(before[0].text) or _SUMMARY_HEADING.search(before[-1].text))


def _roles_by_content(table: Block) -> dict[int, str]:
    """Column roles read from what the cells hold, for a table whose header is a line above it: refs
    ("35/2122"), owners ("Heather Poustie/Clerk"), deadlines ("asap", "01/03/2020"), each for most of the
    column's cells (lettered parts read apart); the longest other column is the action. Empty unless an
    action and an owner column are both found."""
    width = max(len(row) for row in table.rows)
    roles: dict[int, str] = {}
    for index in range(width):
        cells = [clean_line(row[index].text) for row in table.rows if index < len(row) and row[index].text.strip()]
        if not cells:
            continue
        for role, test in (
            ("ref", lambda text: bool(_REF_CELL.match(text))),
            ("due", lambda text: not _WHEN_WORDS.sub("", text).strip(" ,/-")),
            ("owner", lambda text: bool(_OWNER_ONLY.match(text))),
        ):
            if role not in roles.values() and sum(1 for text in cells if test(_LETTERED.sub("", text))) >= 0.6 * len(cells):
                roles[index] = role
                break
    rest = [i for i in range(width) if i not in roles]
    if "owner" not in roles.values() or not rest:
        return {}
    roles[max(rest, key=lambda i: sum(len(row[i].text) for row in table.rows if i < len(row)))] = "action"
    return roles


def _unlettered(owners: str) -> str:
    """"a. Paul Evemy/ Sandra Cartwright b. Paul Evemy/ Sandra Cartwright c. Gill Quantrell": the owners of a
    lettered task's parts, once each ("Paul Evemy/ Sandra Cartwright/Gill Quantrell")."""
    parts = [part.strip() for part in _LETTERED.split(owners) if part.strip()]
    return "/".join(dict.fromkeys(parts)) if len(parts) > 1 or _LETTERED.match(owners) else owners


def _cell(row: tuple[Cell, ...], roles: dict[int, str], role: str) -> Cell | None:
    for index, name in roles.items():
        if name == role and index < len(row) and row[index].text.strip():
            return row[index]
    return None


def _layout(paper: Paper, roles: dict[int, str]) -> str:
    if paper.kind == "action_log" or "raised" in roles.values():
        return "action_log"
    return "grid" if "notes" in roles.values() else "summary"


def _raised(cell: Cell | None) -> tuple[dt.date | None, str | None]:
    if cell is None:
        return None, None
    found = find_dates(cell.text)
    return (found[0].date if found else None), clean_line(cell.text)


def _row_action(
    row: tuple[Cell, ...], roles: dict[int, str], layout: str, meeting: dt.date | None, page: int | None, combined: bool = False
) -> TableAction | None:
    action = _cell(row, roles, "action")
    if action is None:
        return None
    written = clean_line(action.text)
    owner_cell = _cell(row, roles, "owner")
    owner_text = _unlettered(clean_line(owner_cell.text)) if owner_cell else ""
    split = _OWNER_AFTER_DASH.match(written) if combined and not owner_text else None
    if split:
        written, owner_text = split.group("task"), split.group("owner")
    raised, raised_text = _raised(_cell(row, roles, "raised"))
    due_cell = _cell(row, roles, "due")
    # A log's deadline is reckoned from the meeting that set it ("End of February" of that year), not the log's date.
    deadline = read_deadline(clean_line(due_cell.text), raised or meeting) if due_cell else None
    subject = None
    text = written
    # With an owner column, "Minutes to website" is a task as written; without one, "JN to send Pdfs" names its owner.
    tasks = [t for t in find_tasks(written, bare=owner_cell is None) if t.subject_start <= 2]
    if tasks:
        subject = written[tasks[0].subject_start : tasks[0].subject_end]
        text = tasks[0].text
    elif layout == "grid" and _OWNER_ONLY.match(_WHEN_WORDS.sub("", written).strip(" ,/")):
        # "Clerk", "JN/AC Nov (3/4?)": the cell says who (and when); the minute says what.
        notes = _cell(row, roles, "notes")
        if notes is None:
            return None
        owner_text = owner_text or _WHEN_WORDS.sub("", written).strip(" ,/")
        when = _WHEN_WORDS.search(written)
        deadline = deadline or (read_deadline(when.group(0), meeting) if when and not when.group(0).startswith("(") else None)
        text = clean_line(notes.text)
        if len(text) > 240:
            text = text[: text.rfind(" ", 0, 240)] + " ..."
    text = task_phrase(regex.sub(r"^\s*(?:to|To)\s+(?=\p{Ll})", "", text))
    if not text:
        return None
    status_cell = _cell(row, roles, "status")
    update_cell = _cell(row, roles, "update")
    ref_cell = _cell(row, roles, "ref")
    return TableAction(
        text=text,
        owner_text=owner_text,
        subject=subject,
        deadline=deadline,
        status=normalise_status(clean_line(status_cell.text)) if status_cell else None,
        update=clean_line(update_cell.text) if update_cell else None,
        raised=raised,
        raised_text=raised_text,
        ref=clean_line(ref_cell.text) if ref_cell else None,
        layout=layout,
        cell=action,
        page=page,
    )


def _heading_before(paper: Paper, table: Block) -> str:
    """The text just before a table ("ACTIONS TO BE TAKEN"), or "" when another table is there."""
    before = [b for b in paper.blocks if b.end <= table.start]
    return before[-1].text if before and before[-1].kind != "table" else ""


def _continues(paper: Paper, previous: Block, table: Block) -> bool:
    """Whether ``table`` is the rest of ``previous`` carried over a page break: next page, nothing but text between."""
    if previous.page is None or table.page != previous.page + 1:
        return False
    between = [b for b in paper.blocks if previous.end <= b.start < table.start]
    return all(b.kind == "paragraph" and len(b.text) < 80 for b in between)


def read_action_tables(paper: Paper, meeting: dt.date | None) -> list[TableAction]:
    """Every action in the paper's tables, in order.

    Where the paper has an actions summary, action columns of its minutes
    grid are left out: they list the same tasks again, less completely.
    """
    found: list[TableAction] = []
    previous: tuple[int, dict[int, str], str, Block, bool] | None = None
    for table in (b for b in paper.blocks if b.kind == "table" and b.rows):
        width = max(len(row) for row in table.rows)
        roles = _roles(table.rows[0])
        body = table.rows[1:]
        if "action" not in roles.values() and _header_line_before(paper, table):
            # Its first row is data ("Minutes to website" is no "Minutes" column); the header is the line above.
            roles, body = (_roles_by_content(table) or roles), table.rows
        if "action" not in roles.values() and "owner" in roles.values() and _SUMMARY_HEADING.search(_heading_before(paper, table)):
            column = _unlabelled_action_column(table, roles)
            if column is not None:
                roles[column] = "action"
        if "action" not in roles.values():
            if previous is None or previous[0] != width or len(roles) >= 2 or not _continues(paper, previous[3], table):
                previous = None
                continue
            roles, body = previous[1], table.rows
            layout, combined = previous[2], previous[4]
        else:
            layout, combined = _layout(paper, roles), _combined_owner(table.rows[0], roles)
        previous = (width, roles, layout, table, combined)
        for row in body:
            action = _row_action(row, roles, layout, meeting, table.page, combined)
            if action is not None:
                found.append(action)
    if any(action.layout == "summary" for action in found):
        found = [action for action in found if action.layout != "grid"]
    return found
