"""Agenda items: every item of an agenda, every minute heading of minutes.

``extract_agenda_items(paper, meeting)`` reads the layouts boards print:

- order-of-business tables ("1. | Title of Report | 1 - 8") and numbered
  agenda lists, pages as printed ("(Pages 11 - 84)" gives "11 - 84");
- timed agendas: "14:35-14:50 (15minutes) | Item 2: ... • bullet • bullet |
  Peter Clifton Community Safety Manager", or "4) 11.45 - 12.00 DCLG
  Update:" with bullets and "(Nick Bagshaw, Steve Peters)" on the lines
  below;
- numbered minute headings: "7. QUARTERLY PERFORMANCE UPDATES", "84.
  Apologies" + "(Item 1)", "FGB 98/2122", "21.01.05", "I. ROLL CALL",
  "Item 3: ...", and unnumbered headings followed by "(Item 5)".

The work is split the house way: ``agenda_layout`` *finds* candidates line
by line (labels, time slots and pages are read by ``agenda_lines``),
``agenda_sequence`` *decides* which are items (numbered paragraphs inside
minutes are not), ``agenda_body`` reads each item's sub-items,
``agenda_people`` its presenter, and this module builds the records. The
vocabulary (procedural items, remarks, role words) is data:
``agenda_rules.jsonl``.

Judgement calls, documented here because the gold alone does not fix them:

- ``kind`` follows the paper: items of a minutes paper are ``minutes``,
  of an agenda ``agenda``; a paper described as ``other`` counts when one of
  its first lines is an "Agenda" / "Order of business" / "Minutes" heading;
  reports, strategies and action logs give no items (a report's cover sheet
  "ITEM 5" links it to an item instead: :attr:`Paper.agenda_item`).
- Titles keep the capitals they were printed with ("QUARTERLY PERFORMANCE
  UPDATES"): lower-casing would damage acronyms (ASB, DVA, MOPAC), and the
  printed form is the evidence ``source`` points at.
- An agenda printed twice for one meeting (an order-of-business table and a
  timed agenda) gives one item per layout, told apart by ``layout``; the same
  label listed twice in one layout (a minutes' own agenda list, then the
  minute) is one item.
- Sub-items: in an agenda, the bullets, lettered or decimal lines and short
  lines under an item; in minutes only lettered, decimal or heading lines
  that read as headings, since bullets and numbered paragraphs under a
  minute are its content (recommendations, figures), not sub-items. Labels
  stay on sub-items ("A. COMMUNITY AFFAIRS/WORKFORCE"); bullets do not.
- ``number`` is the label as printed, normalised: "7", "IV", "21.01.05",
  "FGB 98/2122" (the committee code kept, spacing made regular, so the
  same minute written "FGB98/2122" and "FGB 98/2122" is one number);
  ``None`` for an unnumbered timed row ("AOB").
- Presenter: the name only ("Peter Clifton"), the printed job in
  ``presenter_role``; "Cllr Longstaff" becomes the meeting's chair when the
  surnames agree (``agenda_people``).
- Procedural (``procedural``): the gold's rule, applied to the whole title
  (a combined heading is procedural when every part is); "Chairman's
  announcements", roll call, election of the chair and adjournment count
  as running the meeting too.
"""

from __future__ import annotations

from collections import Counter

import regex

from ..records import AgendaItem, Meeting, Paper, Source
from .agenda_body import read_body
from .agenda_layout import find_entries, paper_lines
from .agenda_lines import final_title
from .agenda_people import Presenter, resolve_chair, split_presenter
from .agenda_sequence import select_items
from .agenda_vocab import is_procedural

__all__ = ["extract_agenda_items", "item_kind"]

_KIND_HEADINGS = [
    ("agenda", regex.compile(r"^(?:agenda|order of business|summons to and agenda\b.*)$", regex.I)),
    ("minutes", regex.compile(r"^(?:draft\s+)?minutes\b", regex.I)),
]
_HEAD_BLOCKS = 40


def _unspaced(text: str) -> str:
    """"A G E N D A" -> "AGENDA": letter-spaced headings."""
    return regex.sub(r"(?<=\b\p{L}) (?=\p{L}\b)", "", text.strip())


def item_kind(paper: Paper) -> str | None:
    """``agenda`` or ``minutes``: the kind of item ``paper`` holds, or None when it holds none."""
    if paper.kind in ("agenda", "minutes"):
        return paper.kind
    if paper.kind != "other":
        return None
    for block in paper.blocks[:_HEAD_BLOCKS]:
        if block.kind == "table":
            continue
        text = _unspaced(block.text)
        for kind, pattern in _KIND_HEADINGS:
            if pattern.match(text):
                return kind
    return None


def _presenter(text: str | None, meeting: Meeting) -> Presenter:
    if not text:
        return Presenter(None, None)
    return resolve_chair(split_presenter(text), meeting.chair)


def extract_agenda_items(paper: Paper, meeting: Meeting) -> list[AgendaItem]:
    """The agenda items (or minute headings) ``paper`` gives for ``meeting``, in reading order."""
    kind = item_kind(paper)
    if kind is None:
        return []
    lines = paper_lines(paper)
    items = select_items(find_entries(lines), {line.index: line.text for line in lines if line.kind != "row"})
    repeated = Counter(line.text.strip() for line in lines if line.kind != "row")
    records = []
    for index, entry in enumerate(items):
        stop = items[index + 1].line if index + 1 < len(items) else len(lines)
        title, subitems, presenter_text = read_body(entry, lines, stop, kind, repeated, last=index + 1 == len(items))
        presenter = _presenter(presenter_text, meeting)
        title = final_title(title)
        line = lines[entry.line]
        records.append(
            AgendaItem(
                meeting=meeting.id,
                kind=kind,
                number=entry.label.number if entry.label else None,
                title=title,
                presenter=presenter.name,
                start_time=entry.start_time,
                end_time=entry.end_time,
                pages=entry.pages,
                subitems=tuple(subitems),
                source=Source(paper.id, line.page, line.start, line.end),
                procedural=is_procedural(title),
                presenter_role=presenter.role,
                duration=entry.minutes,
                layout=entry.layout,
                agenda_number=entry.agenda_number,
            )
        )
    return records
