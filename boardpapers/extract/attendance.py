"""Attendance: who was at a meeting, in which capacity, according to one paper.

Papers say it in many layouts (see ``SCHEMA.md``, "What counts"): headed
lists one name a line ("Board Members Present:-", "Also in attendance",
"Apologies for Absence"), run-on paragraphs ("PRESENT: Mr B J Sweetland
(Chairman), ..."), "Name - Role" lines straight under the meeting heading,
membership tables, roll calls, attendance grids with a column per meeting,
and sentences ("Apologies were received from ..."). Finding is split from
deciding: :func:`find_attendance` walks the blocks and reports every person
it reads with the status of the list they are in; a merge policy (injectable,
:func:`merge_first`) then makes one record per person, since the same person
is often named twice (the grid and the minutes' apologies line).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

import regex

from ..document import Block
from ..records import Attendance, Meeting, Paper, Source
from .attendance_entries import Found
from .attendance_labels import Context, Label, labelled_runs, resolve_status, whole_label
from .attendance_lines import read_prose, read_runs, with_label
from .attendance_lists import split_list
from .attendance_tables import read_table
from .attendance_text import Stretch
from .attendance_words import is_nil, is_org

__all__ = ["extract_attendance", "find_attendance", "merge_first", "same_person"]

Merge = Callable[[list[Found]], list[Found]]

HEAD_BLOCKS = 40  # "Name - Role" lines are read only near the top of a paper
_DANGLING = regex.compile(r"(?:,|;|\band|&|[-–—])\s*$", regex.I)
_NUMBERED_HEADING = regex.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.|item\s+\d+)\s+\S", regex.I)
_SPACED_DASH_LINE = regex.compile(r"\S\s+[-–—]\s+\S")


@dataclass
class _Section:
    """An open list: the heading over it and how the blocks after it are going."""

    label: Label
    status: str
    misses: int = 0
    last: int | None = None  # index in the found list of the last person read under this heading
    through: int = -1  # the last block already read (wrapped lines are read with the block before them)
    headings: bool = False  # the list's lines are styled as headings (Markdown "### A, B, C")


def _minutes(paper: Paper) -> bool:
    return paper.kind == "minutes" or paper.part == "minutes"


def _dangles(text: str) -> bool:
    """A run-on list that continues on the next line: it ends with ",", "and", or half a name."""
    if _DANGLING.search(text):
        return True
    tail = regex.split(r"[,;]|\band\b|\.\s", text)[-1].strip()
    if not tail or len(tail.split()) != 1 or not tail[:1].isupper() or tail.endswith((".", ")")):
        return False
    return tail != tail.upper() and not is_org(tail)  # "Chris Ulliott, CESG" is complete


def _joinable(block: Block) -> bool:
    return block.kind in {"paragraph", "list_item"} and not labelled_runs(block.text) and whole_label(block.text) is None


def _head_run(paper: Paper, context: Context) -> tuple[list[Found], set[int]]:
    """The 2023 style: "Councillor Sara Conway - Chair" / "Rob Gibbs - Metropolitan Police" lines
    straight after the meeting heading, with no list heading. Three or more in a row are attendees."""
    if not context.minutes:
        return [], set()
    runs: list[list[tuple[int, Found]]] = [[]]
    for index, block in enumerate(paper.blocks[:HEAD_BLOCKS]):
        if block.kind == "table" or (block.kind == "heading" and _NUMBERED_HEADING.match(block.text)):
            break
        person = None
        if block.kind in {"paragraph", "list_item"} and _SPACED_DASH_LINE.search(block.text) and not labelled_runs(block.text):
            read = split_list(Stretch.at(block.text, block.start))
            if len(read.entries) == 1 and not read.rejected:
                person = read.entries[0]
        if person is None:
            runs.append([])
            continue
        runs[-1].append((index, Found(person.person, "present", person.start, person.end, block.page)))
    best = max(runs, key=len)
    if len(best) < 3:
        return [], set()
    return [found for _, found in best], {index for index, _ in best}


def _gather(blocks: tuple[Block, ...], index: int) -> tuple[Stretch, int]:
    """The block at ``index`` joined with the lines it runs on into ("..., Margaret" / "Brierly, ...")."""
    stretch = Stretch.at(blocks[index].text, blocks[index].start)
    while _dangles(stretch.text) and index + 1 < len(blocks) and _joinable(blocks[index + 1]):
        index += 1
        stretch = stretch.join(Stretch.at(blocks[index].text, blocks[index].start))
    return stretch, index


def find_attendance(paper: Paper, meeting: Meeting) -> list[Found]:
    """Every person the paper lists for the meeting, in reading order, duplicates included."""
    context = Context(minutes=_minutes(paper), date=meeting.date)
    blocks = paper.blocks
    out, skip = _head_run(paper, context)
    section: _Section | None = None
    index = -1
    while index + 1 < len(blocks):
        index += 1
        block = blocks[index]
        if index in skip:
            continue
        if block.kind == "table":
            hint = section.label if section is not None and section.misses == 0 else None
            previous = [blocks[k] for k in range(max(0, index - 3), index)][::-1]
            found, plain = read_table(block, hint, context, previous)
            out.extend(found)
            # A list the reader laid out as a table part-way through continues after it.
            section = section if hint is not None and found and plain else None
            continue
        label = whole_label(block.text)
        if label is not None:
            status = resolve_status(label, context, section.status if section else None)
            section = _Section(label, status) if status else None
            continue
        runs = labelled_runs(block.text)
        if runs and not all(run.bare for run in runs):
            stretch, index = _gather(blocks, index)
            found, last = read_runs(stretch, block.page, context, section.status if section else None)
            out.extend(found)
            status = resolve_status(last, context) if last is not None else None
            section = _Section(last, status, last=len(out) - 1 if found else None) if last and status else None
            continue
        if runs:  # "Apologies for Absence Deborah Cadman – SCC, ...": believed only as a clean list
            found, last = read_runs(Stretch.at(block.text, block.start), block.page, context)
            if found:
                out.extend(found)
                section = None
                continue
        prose = read_prose(Stretch.at(block.text, block.start), block.page)
        if prose:
            out.extend(prose)
            section = None
            continue
        if section is not None:
            section = _continue(section, blocks, index, out)
            if section is not None and section.through > index:
                index = section.through
    return out


_WRAPPED_WORDS = regex.compile(r"^(?:\p{Lu}[\p{L}&'’.-]*\s*){1,3}$")


def _continue(section: _Section, blocks: tuple[Block, ...], index: int, out: list[Found]) -> _Section | None:
    """One more block under an open heading: more people, a wrapped word, or the end of the list."""
    block = blocks[index]
    if is_nil(block.text):
        return section
    stretch, through = _gather(blocks, index) if block.kind != "heading" else (Stretch.at(block.text, block.start), index)
    read = split_list(stretch, honorific=section.label.honorific, runs=True)
    heading_ok = block.kind != "heading" or section.headings or len(read.entries) > 1
    if read.entries and not read.rejected and heading_ok:
        for entry in read.entries:
            out.append(Found(with_label(entry.person, section.label), section.status, entry.start, entry.end, block.page))
        section.misses, section.last, section.through = 0, len(out) - 1, through
        section.headings = section.headings or block.kind == "heading"
        return section
    previous = out[section.last] if section.last is not None else None
    if (
        read.trailing
        and previous is not None
        and section.misses == 0
        and (previous.person.organisation or previous.person.role)
        and _WRAPPED_WORDS.match(block.text)
    ):
        # "Superintendent Paula Light- Metropolitan" / "Police": one entry wrapped over two lines.
        person = previous.person
        if person.organisation:
            person = replace(person, organisation=f"{person.organisation} {read.trailing}")
        else:
            person = replace(person, role=f"{person.role} {read.trailing}")
        out[section.last] = replace(previous, person=person, end=block.end)
        return section
    if block.kind == "heading" or section.misses:
        return None
    section.misses += 1
    return section


# ---------------------------------------------------------------- one record per person

_TITLE_DOTS = regex.compile(r"[.\s]+")


def _name_key(name: str) -> tuple[list[str], str]:
    tokens = [t for t in _TITLE_DOTS.split(name.lower().replace("’", "'")) if t]
    return tokens[:-1], tokens[-1] if tokens else ""


def same_person(a: str, b: str) -> bool:
    """Whether two names written in one paper are the same person ("J Betts", "John Betts", "Betts")."""
    first_a, last_a = _name_key(a)
    first_b, last_b = _name_key(b)
    if not last_a or last_a != last_b:
        return False
    if not first_a or not first_b:
        return True
    x, y = first_a[0], first_b[0]
    if x == y or (x[0] == y[0] and (len(x) == 1 or len(y) == 1)):
        return True
    # A short form inside the long one: "Lex" / "Alexa", "Chris" / "Christopher".
    short, long = sorted((x, y), key=len)
    return len(short) >= 3 and short in long


_RANK = {"member": 0, "present": 1, "in_attendance": 1, "apologies": 2, "absent": 2}


def merge_first(found: list[Found]) -> list[Found]:
    """One record per person: the first listing wins, later ones fill in what it lacks.

    A later status wins only when it says more: ``member`` gives way to any
    attendance (a summons lists a member, the minutes say they came), and
    ``present`` gives way to apologies or absence, because header blocks
    such as "Attendees: ..." often list the whole board and a later
    "Apologies were received from ..." is the specific statement.
    """
    out: list[Found] = []
    for item in found:
        match = next((k for k, kept in enumerate(out) if same_person(kept.person.name, item.person.name)), None)
        if match is None:
            out.append(item)
            continue
        kept = out[match]
        person = kept.person
        person = replace(
            person,
            honorific=person.honorific or item.person.honorific,
            role=person.role or item.person.role,
            organisation=person.organisation or item.person.organisation,
        )
        status = item.status if _RANK[item.status] > _RANK[kept.status] else kept.status
        out[match] = replace(kept, person=person, status=status)
    return out


def extract_attendance(paper: Paper, meeting: Meeting, *, merge: Merge = merge_first) -> list[Attendance]:
    """Who was at ``meeting`` according to ``paper``: one record per person, with the span of their entry."""
    people = merge(find_attendance(paper, meeting))
    return [
        Attendance(
            meeting=meeting.id,
            name=found.person.name,
            honorific=found.person.honorific,
            role=found.person.role,
            organisation=found.person.organisation,
            status=found.status,
            source=Source(paper.id, found.page, found.start, found.end),
        )
        for found in people
    ]
