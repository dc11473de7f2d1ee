"""Attendance in tables: membership tables, roll calls, attendance grids, label/value layouts.

Each reader recognises its own layout from the table's header words and
returns None when the table is not its kind; :func:`read_table` tries them in
turn and falls back to walking the cells, where headings such as "Present:"
or "Apologies" may label a whole row, a column, or the cells to their right.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from ..document import Block, Cell
from ..nlp.gazetteer import patterns, phrases
from .attendance_entries import Found, Person, parse_person
from .attendance_labels import Context, Label, resolve_status, whole_label
from .attendance_lines import read_prose, read_runs, with_label
from .attendance_lists import split_list
from .attendance_text import Stretch, prose_end
from .attendance_words import describe

__all__ = ["grid_date", "read_table"]

# What a column heading says the column holds: names, bodies, titles, attendance.
_NAME_HEADERS = phrases("attendance_tables", "NAME_HEADER")
_ORG_HEADERS = phrases("attendance_tables", "ORG_HEADER")
_ROLE_HEADERS = phrases("attendance_tables", "ROLE_HEADER")
_STATUS_HEADERS = phrases("attendance_tables", "STATUS_HEADER")


@lru_cache(maxsize=None)
def _codes() -> dict[str, str]:
    return {row["pattern"].upper(): row["label"] for row in patterns("attendance_codes") if row.get("kind") == "code"}


@lru_cache(maxsize=None)
def _status_words() -> dict[str, str]:
    return {row["pattern"].lower(): row["label"] for row in patterns("attendance_codes") if row.get("kind") == "word"}


def _header(cell: Cell) -> str:
    return " ".join(cell.text.lower().replace(":", " ").split())


def _person_cell(cell: Cell) -> Person | None:
    return parse_person(cell.text, single=True, caps=True)


def _found(person: Person, status: str, cell: Cell, page: int | None, end: int | None = None) -> Found:
    return Found(person, status, cell.start, end if end is not None else cell.end, page)


# ---------------------------------------------------------------- roll calls and membership tables


def _columns(header: tuple[Cell, ...], names: frozenset[str]) -> list[int]:
    return [i for i, cell in enumerate(header) if _header(cell) in names]


def _roll_call(block: Block) -> list[Found] | None:
    """Attendee Name | Title | Status | Arrived: the status column says who was there."""
    header = block.rows[0]
    status_cols, name_cols = _columns(header, _STATUS_HEADERS), _columns(header, _NAME_HEADERS)
    if not status_cols or not name_cols:
        return None
    role_cols = _columns(header, _ROLE_HEADERS)
    out = []
    for row in block.rows[1:]:
        if max(status_cols[0], name_cols[0]) >= len(row):
            continue
        status_text = row[status_cols[0]].text.strip()
        status = _status_words().get(status_text.lower()) or _codes().get(status_text.upper())
        person = _person_cell(row[name_cols[0]])
        if status is None or person is None:
            continue
        if role_cols and role_cols[0] < len(row) and row[role_cols[0]].text and not person.role:
            person = replace(person, role=row[role_cols[0]].text)
        out.append(_found(person, status, row[name_cols[0]], block.page, row[-1].end))
    return out


def _membership(block: Block, hint: str | None) -> list[Found] | None:
    """Member | Representing: a membership or summons table (``member`` unless a heading says otherwise)."""
    header = block.rows[0]
    name_cols = _columns(header, _NAME_HEADERS)
    org_cols, role_cols = _columns(header, _ORG_HEADERS), _columns(header, _ROLE_HEADERS)
    if not name_cols or not (org_cols or role_cols):
        return None
    status = hint or "member"
    out = []
    for row in block.rows[1:]:
        if name_cols[0] >= len(row):
            continue
        person = _person_cell(row[name_cols[0]])
        if person is None:
            continue
        for cols, field in ((org_cols, "organisation"), (role_cols, "role")):
            if cols and cols[0] < len(row) and row[cols[0]].text and not getattr(person, field):
                person = replace(person, **{field: row[cols[0]].text})
        out.append(_found(person, status, row[name_cols[0]], block.page, max(c.end for c in row if c.text)))
    return out


# ---------------------------------------------------------------- attendance grids

_GRID_DATE = regex.compile(r"(?P<d>\d{1,2})?/(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})(?P<tail>\d{1,2})?")


def grid_date(text: str) -> tuple[int | None, int, int] | None:
    """A date column heading, even as printed rotated ("14/1 0/20 19", "/11/2021 2 2"): (day, month, year)."""
    match = _GRID_DATE.fullmatch(regex.sub(r"\s+", "", text))
    if not match:
        return None
    day = match.group("d") or match.group("tail")
    year = int(match.group("y"))
    month = int(match.group("m"))
    if not 1 <= month <= 12:
        return None
    return (int(day) if day else None), month, (year + 2000 if year < 100 else year)


def _code(cell: Cell) -> str | None:
    return _codes().get(cell.text.strip().upper()) if cell.text.strip() else None


def _meeting_column(dates: dict[int, tuple[int | None, int, int]], date: str | None, coded: list[tuple[Cell, ...]]) -> int | None:
    """This meeting's column: the exact date, else day and month, else month and year, else the last one filled."""
    if date:
        year, month, day = (int(part) for part in date.split("-"))
        for same in (
            lambda d: d == (day, month, year),
            lambda d: d[:2] == (day, month),
            lambda d: d[1:] == (month, year),
        ):
            hits = [col for col, value in dates.items() if same(value)]
            if len(hits) == 1:
                return hits[0]
    filled = [col for col in dates if any(col < len(row) and _code(row[col]) for row in coded)]
    return max(filled) if filled else None


def _grid(block: Block, context: Context, previous: list[Block]) -> list[Found] | None:
    """One row per person, one column per meeting, P/A/S/L codes: only this meeting's column counts."""
    rows = block.rows
    coded = [row for row in rows if len(row) > 1 and any(_code(cell) for cell in row[1:])]
    if len(coded) < 2 or len(coded) * 2 < len([r for r in rows if any(c.text for c in r)]) - 3:
        return None
    dates: dict[int, tuple[int | None, int, int]] = {}
    header_row = -1
    for index, row in enumerate(rows[:4]):
        found = {col: value for col, cell in enumerate(row) if (value := grid_date(cell.text))}
        if len(found) >= 2:
            dates, header_row = found, index
            break
    if not dates:
        for candidate in previous:
            if candidate.kind != "table" or len(candidate.rows) != 1:
                continue
            parsed = [grid_date(cell.text) for cell in candidate.rows[0]]
            if sum(1 for value in parsed if value) >= 2:
                first = min(next(i for i in range(1, len(row)) if _code(row[i])) for row in coded)
                dates = {first + i: value for i, value in enumerate(parsed) if value}
                break
    if not dates:
        return []  # a grid whose dates are elsewhere (a second page of resigned governors): no column to read
    column = _meeting_column(dates, context.date, coded)
    if column is None:
        return []
    out = []
    for row in rows[header_row + 1 :]:
        if column >= len(row):
            continue
        status = _code(row[column])
        name_cell = next((cell for cell in row if cell.text.strip()), None)
        if status is None or name_cell is None:
            continue
        person = _person_cell(name_cell)
        if person is not None:
            out.append(_found(person, status, name_cell, block.page, row[column].end))
    return out


# ---------------------------------------------------------------- labelled cells


def _is_name_cell(text: str) -> bool:
    read = split_list(Stretch.at(text, 0), caps=True)
    return bool(read.entries) and not read.rejected


def _descriptor_columns(rows: tuple[tuple[Cell, ...], ...], labels: dict[tuple[int, int], Label]) -> set[int]:
    """Columns that hold what follows a name ("Southampton University"), not names."""
    width = max(len(row) for row in rows)
    out = set()
    for col in range(1, width):
        texts = [
            row[col].text.strip()
            for r, row in enumerate(rows)
            if col < len(row) and row[col].text.strip() not in {"", "-", "–", "—"} and (r, col) not in labels
        ]
        if texts and sum(1 for t in texts if not _is_name_cell(t)) * 2 > len(texts):
            out.add(col)
    return out


def _cell_walk(block: Block, hint: Label | None, context: Context) -> list[Found]:
    """Cells under labels: a label-only row labels the rows below, a label cell the cells to its right
    (and, in the first column, the following rows), a label heading a column the cells below it."""
    rows = block.rows
    labels = {
        (r, c): label
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
        if cell.text.strip() and (label := whole_label(cell.text))
    }
    if hint is None and not any(r == 0 or c == 0 or rows[r][c].text.rstrip().endswith(":") for r, c in labels):
        labels = {}  # "1. | Apologies | Jane Smith" in an agenda: a label word inside a table of other things
    # Only needed once a name has been read; most tables (figures, agendas) never get there.
    descriptors: set[int] | None = None
    column_label: dict[int, Label] = {}
    row_label: Label | None = None
    row_label_all = False
    out: list[Found] = []
    for r, row in enumerate(rows):
        here = {c: labels[(r, c)] for c in range(len(row)) if (r, c) in labels}
        content = [c for c in range(len(row)) if row[c].text.strip() and c not in here]
        if here and not content:
            if list(here) == [0] and len(row) > 1:
                row_label, row_label_all, column_label = here[0], True, {}
            else:
                column_label.update(here)
            continue
        if 0 in here:
            row_label, row_label_all = here[0], False
        elif row and row[0].text.strip() and row_label is not None and not row_label_all:
            row_label = None
        local: Label | None = None
        last: int | None = None
        for c, cell in enumerate(row):
            if c in here:
                local = here[c]
                if c and not any(k > c and k not in here and row[k].text.strip() for k in range(c + 1, len(row))):
                    column_label[c] = here[c]
                continue
            text = cell.text.strip()
            if not text or text in {"-", "–", "—"}:
                continue
            if last is not None:
                if descriptors is None:
                    descriptors = _descriptor_columns(rows, labels)
                if c in descriptors:
                    out[last] = _attach_cell(out[last], cell)
                    continue
            label = local or column_label.get(c) or row_label or hint
            if label is None:
                out.extend(_loose(cell, block.page, context))
                continue
            status = resolve_status(label, context, None)
            if status is None:
                continue
            stretch = Stretch.at(cell.text, cell.start)
            read = split_list(stretch.cut(0, prose_end(cell.text)), caps=True, honorific=label.honorific)
            for entry in read.entries:
                out.append(Found(with_label(entry.person, label), status, entry.start, entry.end, block.page))
                last = len(out) - 1
    return out


def _attach_cell(found: Found, cell: Cell) -> Found:
    role, org = describe(cell.text)
    person = found.person
    person = replace(person, role=person.role or role, organisation=person.organisation or org)
    return replace(found, person=person, end=max(found.end, cell.end))


def _loose(cell: Cell, page: int | None, context: Context) -> list[Found]:
    """A cell with no heading over it: only "Label: list" runs and sentences inside it count."""
    stretch = Stretch.at(cell.text, cell.start)
    found, _ = read_runs(stretch, page, context)
    return found + read_prose(stretch, page)


def read_table(
    block: Block, hint: Label | None, context: Context, previous: list[Block]
) -> tuple[list[Found], bool]:
    """Attendance in one table, and whether it read as a plain list (which may go on after the table).

    ``hint``: the label of a heading just above the table ("Attendees:").
    """
    if not block.rows:
        return [], False
    hint_status = resolve_status(hint, context) if hint else None
    for reader in (lambda: _roll_call(block), lambda: _membership(block, hint_status), lambda: _grid(block, context, previous)):
        found = reader()
        if found is not None:
            return found, False
    return _cell_walk(block, hint, context), True
