"""Decide which numbered candidates are the items: the "apply" half of the extractor.

Minutes number their paragraphs as well as their items ("1. The Chair
reminded the Panel ...", recommendations "1. Strengthen partnership ..."),
so a label alone does not make an item. Items are a *run*: labels of one
scheme counting up by one through the paper (84, 85, 86 ...; I, II, III;
FGB 98/2122, FGB 99/2122), whose lines look like headings (short, capitals,
a heading block or a table row) rather than prose. :func:`select_items`
finds, for each scheme, the run with the best heading score (dynamic
programming over the candidates in reading order), then keeps:

- the outermost good run: a run that brackets another (Roman sections around
  arabic sub-items, minute 87 around its paragraphs 1-7) wins over it;
- further good runs outside the kept runs' spans, when they hold at least
  one procedural item (a real agenda always has apologies, minutes or AOB;
  a list of partner schools does not);
- within a kept span, nothing else: what is inside belongs to its items.

When the same label is listed twice (a minutes' own agenda list, then the
minute itself), both are one item: it sits at the later place (the minute),
with the cleaner title of the two (the list's "Declaration of interests"
rather than the minute table's first sentence).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from rapidfuzz import fuzz

from .agenda_layout import Entry, sentence_like
from .agenda_vocab import introduces_other_list, is_procedural

__all__ = ["select_items"]

# A run is kept when its average heading score reaches this.
MIN_MEAN_SCORE = 1.2
# Numbers a run may skip (an exempt item left out), each at this cost.
MAX_SKIP = 2
SKIP_COST = 1.5


@dataclass(frozen=True)
class Run:
    """Entries of one scheme counting up, in reading order."""

    entries: tuple[Entry, ...]

    @property
    def first(self) -> int:
        return self.entries[0].line

    @property
    def last(self) -> int:
        return self.entries[-1].line

    @property
    def score(self) -> float:
        return sum(entry.score for entry in self.entries)

    @property
    def procedural(self) -> bool:
        return any(is_procedural(entry.title) for entry in self.entries)

    def good(self) -> bool:
        """Long enough, heading-like enough; two items only when one is procedural ("1. Apologies")."""
        if len(self.entries) < 2 or (len(self.entries) == 2 and not self.procedural):
            return False
        return self.score / len(self.entries) >= MIN_MEAN_SCORE

    def brackets(self, other: "Run") -> bool:
        return self.first < other.first <= self.last


def _best_run(entries: list[Entry]) -> Run | None:
    """The best-scoring run of ``entries`` (one scheme, reading order), or None."""
    if not entries:
        return None
    best: list[float] = []
    previous: list[int | None] = []
    for i, entry in enumerate(entries):
        value = entry.label.value if entry.label else 0
        best_here, from_here = entry.score, None
        for j in range(i):
            before = entries[j]
            step = value - (before.label.value if before.label else 0)
            if 1 <= step <= MAX_SKIP + 1 and before.line < entry.line:
                candidate = best[j] + entry.score - SKIP_COST * (step - 1)
                if candidate >= best_here:  # on a tie, the longer run: an item with a wordy title is still an item
                    best_here, from_here = candidate, j
        best.append(best_here)
        previous.append(from_here)
    end = max(range(len(entries)), key=lambda k: (best[k], -k))
    chain = []
    cursor: int | None = end
    while cursor is not None:
        chain.append(entries[cursor])
        cursor = previous[cursor]
    return Run(tuple(reversed(chain)))


def _scheme(entry: Entry) -> str:
    assert entry.label is not None
    return entry.label.scheme


def _runs(candidates: list[Entry], spans: list[tuple[int, int]], announced: set[int]) -> list[Run]:
    free = [
        e for e in candidates if e.line not in announced and not any(first <= e.line <= last for first, last in spans)
    ]
    schemes: dict[str, list[Entry]] = {}
    for entry in free:
        schemes.setdefault(_scheme(entry), []).append(entry)
    runs = [_best_run(group) for group in schemes.values()]
    return [run for run in runs if run is not None and run.good()]


def _pick(runs: list[Run], need_procedural: bool) -> Run | None:
    runs = [run for run in runs if run.procedural or not need_procedural]
    if not runs:
        return None
    chosen = max(runs, key=lambda run: run.score)
    while True:
        outer = [run for run in runs if run is not chosen and run.brackets(chosen)]
        if not outer:
            return chosen
        chosen = max(outer, key=lambda run: run.score)


def _cleaner(a: Entry, b: Entry) -> Entry:
    """The entry whose title reads more like a heading (``b`` on a tie, the longer when one is cut short)."""
    if a.title.lower().startswith(b.title.lower()) and not _dirty(a):
        return a
    return a if _dirty(b) and not _dirty(a) else b


def _same_title(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(a.lower(), b.lower()) >= 80


def _merge_listings(entries: Iterable[Entry]) -> list[Entry]:
    by_label: dict[tuple[str, str], Entry] = {}
    for entry in sorted(entries, key=lambda e: e.line):
        assert entry.label is not None
        key = (entry.label.scheme, entry.label.number)
        earlier = by_label.get(key)
        if earlier is None:
            by_label[key] = entry
            continue
        title_from = _cleaner(earlier, entry)
        if not _same_title(earlier.title, entry.title):
            # Not the same item listed twice (a pack's agenda for one meeting, then minutes of
            # another): only a clean title crosses over, never pages or presenters.
            by_label[key] = replace(entry, title=title_from.title)
            continue
        by_label[key] = replace(
            entry,
            title=title_from.title,
            pages=entry.pages or earlier.pages,
            presenter=entry.presenter or earlier.presenter,
            agenda_number=entry.agenda_number or earlier.agenda_number,
            subitems=entry.subitems or earlier.subitems,
        )
    return sorted(by_label.values(), key=lambda e: e.line)


def _dirty(entry: Entry) -> bool:
    return len(entry.title) > 100 or sentence_like(entry.title)


def _parallel_titles(kept: list[Entry], others: list[Entry]) -> dict[int, Entry]:
    """Clean titles for kept entries from another listing of the same labels (three or more in a row)."""
    labels = {(e.label.scheme, e.label.number) for e in kept if e.label}
    matching = [e for e in others if e.label and (e.label.scheme, e.label.number) in labels]
    listing: list[Entry] = []
    groups: list[list[Entry]] = []
    for entry in matching:
        assert entry.label is not None
        if listing and listing[-1].label and listing[-1].label.scheme == entry.label.scheme and (
            entry.label.value == listing[-1].label.value + 1
        ):
            listing.append(entry)
            continue
        groups.append(listing)
        listing = [entry]
    groups.append(listing)
    found: dict[tuple[str, str], Entry] = {}
    for group in groups:
        if len(group) >= 3:
            for entry in group:
                assert entry.label is not None
                found.setdefault((entry.label.scheme, entry.label.number), entry)
    out = {}
    for entry in kept:
        assert entry.label is not None
        twin = found.get((entry.label.scheme, entry.label.number))
        if twin is not None and _dirty(entry) and not _dirty(twin):
            out[entry.line] = twin
    return out


def _announced(candidates: list[Entry], headings: dict[int, str]) -> set[int]:
    """Lines of a numbered list that a heading announces as something else ("Actions", "Decisions").

    The list is the run of candidates on consecutive lines straight after that heading.
    """
    out: set[int] = set()
    for entry in sorted(candidates, key=lambda e: e.line):
        if introduces_other_list(headings.get(entry.line - 1, "")) or entry.line - 1 in out:
            out.add(entry.line)
    return out


def select_items(entries: list[Entry], headings: dict[int, str] | None = None) -> list[Entry]:
    """The entries that are items: every timed entry, and the numbered entries of the kept runs.

    ``headings`` maps a line index to its text for the lines that could announce
    a list (headings and short paragraphs); the extractor passes every line.
    """
    timed = [e for e in entries if e.layout == "timed"]
    candidates = [e for e in entries if e.layout == "numbered" and e.label is not None and e.label.top]
    announced = _announced(candidates, headings or {})
    kept: list[Run] = []
    spans: list[tuple[int, int]] = []
    while True:
        run = _pick(_runs(candidates, spans, announced), need_procedural=bool(kept))
        if run is None:
            break
        kept.append(run)
        spans.append((run.first, run.last))
    chosen = [entry for run in kept for entry in run.entries]
    used = {entry.line for entry in chosen}
    twins = _parallel_titles(chosen, [e for e in candidates if e.line not in used])
    chosen = [replace(e, title=twins[e.line].title) if e.line in twins else e for e in chosen]
    numbered = _merge_listings(chosen)
    return sorted(timed + numbered, key=lambda e: e.line)
