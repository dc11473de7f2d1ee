"""Where attendance lists start: headings, labels inside a line, and sentences that name people.

Three shapes, all read from the rule files rather than written here:

- a block that is only a label ("Board Members Present:-", "PRESENT",
  "2. APOLOGIES FOR ABSENCE") opens a list that the following blocks fill;
- a label followed by its list in the same line ("PRESENT: Mr B J Sweetland
  (Chairman), ...", "Panel: A (Chair), B; Apologies: D, E", "The meeting
  commenced at 1906 Visitors: None Apologies: Alex Kirkbride and sanctioned");
- a sentence ("Apologies were received from Mrs C Bell.", "John Betts ... was
  in attendance for this item").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..nlp.gazetteer import patterns
from .attendance_words import Label, label_alternation, labels

__all__ = [
    "Context",
    "LabelledRun",
    "ProseList",
    "label_role",
    "labelled_runs",
    "prose_lists",
    "resolve_status",
    "whole_label",
]

_NUMBER = r"(?:(?:item\s+)?(?:\d+(?:\.\d+)*|[ivxlc]{1,5}|[a-z])[.):]?\s+)?"
# "Board member apologies", "Committee Members Absent": who the list is about, before the label itself.
_QUALIFIER = (
    r"(?:(?:board|committee|panel|council|group|commission|trust|governing\s+body)\s+)?"
    r"(?:(?:members?|governors?|directors?|councillors?|trustees?|commissioners?|officers?)\s+)?"
)


@lru_cache(maxsize=None)
def _whole() -> regex.Pattern[str]:
    return regex.compile(
        rf"^\s*{_NUMBER}{_QUALIFIER}(?P<label>{label_alternation()})\s*(?:\((?!expected)[^)]{{0,40}}\))?\s*[:;.,\-–—]*\s*$",
        regex.I,
    )


@lru_cache(maxsize=None)
def _anywhere() -> regex.Pattern[str]:
    # A label then ":" / ";" / ":-" (or " - " at the start of a line), preceded by a line start or a break.
    return regex.compile(
        rf"(?:^\s*{_NUMBER}{_QUALIFIER}|(?<=[\s.;,)\]]))(?P<label>{label_alternation()})"
        rf"(?:\s*\((?:virtual|remote|online|in person|by phone)[^)]*\))?\s*(?P<colon>:-|:|;|\s[-–—]\s)\s*",
        regex.I,
    )


_LIST_STATUSES = frozenset({"present", "in_attendance", "apologies", "absent", "member"})


@lru_cache(maxsize=None)
def _bare() -> regex.Pattern[str]:
    return regex.compile(rf"^\s*{_NUMBER}{_QUALIFIER}(?P<label>{label_alternation()})\s+(?=\p{{Lu}})", regex.I)


def _label(written: str) -> Label:
    key = " ".join(regex.sub(r"[-\s]+", " ", written.lower()).split())
    table = labels()
    found = table.get(key) or next((v for k, v in table.items() if regex.sub(r"[-\s]+", " ", k) == key), None)
    if found is None:
        raise KeyError(written)
    return Label(found.status, found.role, found.honorific, written)


def whole_label(text: str) -> Label | None:
    """The label a block consists of ("Also in attendance", "19.09.01 Apologies"), or None.

    A one-person heading ("Chair", "Clerk") counts only with its colon or as
    "Chaired by": alone it is more often a name in an owner column.
    """
    if len(text) > 90:
        return None
    match = _whole().match(text)
    if not match:
        return None
    label = _label(match.group("label"))
    if label.status in {"chair", "clerk"} and not regex.search(r"(?:\bby|[:;])\s*-?\s*$", text.strip(), regex.I):
        return None
    return label


@dataclass(frozen=True)
class LabelledRun:
    """A label and the text after it, up to the next label: ``text[start:end]`` is the list."""

    label: Label
    start: int
    end: int
    bare: bool = False  # "Apologies for Absence Deborah Cadman – SCC, ...": no colon, so only a clean list counts


def labelled_runs(text: str) -> list[LabelledRun]:
    """Every "Label: list" run in one line of text, in order."""
    found = []
    for match in _anywhere().finditer(text):
        written = match.group("label")
        at_start = bool(regex.fullmatch(rf"\s*{_NUMBER}{_QUALIFIER}", text[: match.start("label")], regex.I))
        if not at_start and not written[:1].isupper():
            continue  # mid-sentence labels are capitalised ("... Apologies: Alex Kirkbride")
        if not at_start and match.group("colon").strip() not in {":", ":-", ";"}:
            continue
        if found and match.start() < found[-1][1]:
            continue
        found.append((match, match.end(), at_start))
    if not found:
        bare = _bare().match(text)
        if bare and _label(bare.group("label")).status in _LIST_STATUSES:
            return [LabelledRun(_label(bare.group("label")), bare.end(), len(text), bare=True)]
    runs = []
    for i, (match, start, _) in enumerate(found):
        end = found[i + 1][0].start("label") if i + 1 < len(found) else len(text)
        runs.append(LabelledRun(_label(match.group("label")), start, end))
    return runs


@dataclass(frozen=True)
class ProseList:
    """A list named by a sentence: ``text[start:end]`` holds the names."""

    status: str
    start: int
    end: int
    before: bool = False  # the names come before the phrase ("X and Y were in attendance")


@lru_cache(maxsize=None)
def _phrases() -> tuple[tuple[regex.Pattern[str], str, str], ...]:
    return tuple(
        (regex.compile(row["pattern"], regex.I), row["label"], row["list"]) for row in patterns("attendance_phrases")
    )


_SENTENCE_START = regex.compile(r"(?:^|(?<=[.;:!?])\s+|\(Item\s+\d+\)\s*)(?=\S)")


def prose_lists(text: str) -> list[ProseList]:
    """Lists that a sentence names: after "apologies were received from", before "were in attendance"."""
    out = []
    for pattern, status, side in _phrases():
        for match in pattern.finditer(text):
            if side == "after":
                out.append(ProseList(status, match.end(), len(text)))
                continue
            starts = [m.end() for m in _SENTENCE_START.finditer(text, 0, match.start())]
            start = max((s for s in starts if s <= match.start()), default=0)
            out.append(ProseList(status, start, match.start(), before=True))
    return out


@dataclass(frozen=True)
class Context:
    """What the paper is, as far as a list's status depends on it.

    ``minutes``: the paper records the meeting (a "Chair:" line then means the
    chair was there; in a summons it only names a member). ``date``: the
    meeting's ISO date, which picks this meeting's column in a grid.
    """

    minutes: bool
    date: str | None


def resolve_status(label: Label, context: Context, current: str | None = None) -> str | None:
    """The contract status for people under ``label``, or None when the list is not attendance."""
    if label.status == "chair":
        return "present" if context.minutes else "member"
    if label.status == "clerk":
        return "in_attendance" if context.minutes else None
    if label.status == "inherit":
        return current or "member"
    return label.status


def label_role(label: Label) -> str | None:
    """The role a single-person label gives ("Chairman: X" -> "Chairman", "Chaired by X" -> "Chair")."""
    if label.status == "chair" and regex.fullmatch(r"chair(?:man|person|woman)?", label.written.strip(), regex.I):
        return label.written.strip().capitalize()
    return label.role
