"""Reading one agenda line: its item label, time slot, pages, bullets and clean title.

Boards number items in many ways, and the label says how the items relate:

- ``1.``, ``1)``, ``1 `` (arabic), ``84.`` (Kent minutes continue the
  council's running count), ``I.`` (Roman, Cuyahoga), ``Item 3:``,
  ``AGENDA ITEM 1``;
- ``FGB 98/2122``, ``FGB01/1920`` (a committee code, the item and the
  academic year, Decoy school governors);
- ``21.01.05``, ``19.09.01`` (year, month, item: parish minutes);
- ``A.``, ``(a)``, ``b)``, ``(ii)``, ``2.1``: sub-item labels, which go into
  their parent's ``subitems``.

A label's *scheme* groups labels that count together: items are a run of one
scheme counting up by one (see ``agenda_sequence``). Label patterns are the
``LABELS`` table, tried in order.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import clean_line
from .dates import to_hhmm

__all__ = [
    "SMALL_WORDS",
    "Label",
    "TimeSlot",
    "clean_title",
    "heading_prefix",
    "final_title",
    "find_pages",
    "is_item_reference",
    "parse_label",
    "parse_time_slot",
    "roman_value",
    "split_bullets",
    "split_lettered",
]


@dataclass(frozen=True)
class Label:
    """An item label at the start of a line.

    ``number`` is the label normalised for the record ("1", "I", "FGB 98/2122",
    "21.01.05", "2.1", "a"); ``value`` is its place in its count (98 for
    "FGB 98/2122", 5 for "V"); ``scheme`` names the count it belongs to;
    ``end`` is where the title starts in the line.
    """

    scheme: str
    number: str
    value: int
    end: int
    top: bool  # whether items of this scheme can be top-level items (sub-item labels cannot)


_ROMAN = {"I": 1, "V": 5, "X": 10}


def roman_value(text: str) -> int | None:
    """The value of an upper-case Roman numeral up to 39, or None when ``text`` is not one.

    Item numbers stop well short of L (50) and C (100); stopping there keeps
    "C. MANAGEMENT" a lettered sub-item rather than item 100.
    """
    if not text or not regex.fullmatch(r"X{0,3}(?:IX|IV|V?I{0,3})", text):
        return None
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN[char]
        following = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


# (scheme, pattern). The title starts at the end of the match. Sub-item schemes end in "sub".
LABELS: list[tuple[str, regex.Pattern[str]]] = [
    ("item", regex.compile(r"^(?:agenda\s+)?item\s*(?:no\.?\s*)?(?P<n>\d{1,3})(?P<x>[a-z]?)\b\s*[:.)\-–—]?\s*", regex.I)),
    (
        "code",
        regex.compile(r"^(?P<prefix>[A-Z]{2,5})\s?(?P<n>\d{1,3})(?P<x>[a-z]?)\s?/\s?(?P<year>\d{2,4})(?!\d)[\s:.\-–—]*"),
    ),
    ("dotted", regex.compile(r"^(?P<prefix>\d{2}\.\d{2})\.(?P<n>\d{2,3})\b[\s:.\-–—]*")),
    (
        "decimal_sub",  # "2.1 The SCPB noted ...", but not the times "11.00 - 11.10", "2.30 PM"
        regex.compile(r"^(?P<prefix>\d{1,3})\.(?P<n>\d{1,2})\.?(?=\s)(?!\s*(?:[-–—]\s*\d|[ap]\.?m\b|to\s+\d))\s*", regex.I),
    ),
    (
        "arabic",
        regex.compile(
            # "5. 24/00108 - ..." (a digit after "5. "), "7. TITLE", "1 TITLE", "1) 11.00 - 11.10 ...", or "3." alone
            r"^(?P<n>\d{1,3})(?:\s*[.)]\s+(?=\d)"
            r"|(?:\s*[.)]\s*|\s+)(?=[\p{L}(\"'‘“]|\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?\s*[-–—]))"
            r"|^(?P<n2>\d{1,3})[.)]?$"
        ),
    ),
    ("roman", regex.compile(r"^(?P<n>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))[.)]\s+(?=\S)")),
    ("letter_sub", regex.compile(r"^\(?(?P<n>[A-Za-z])[.)]\s*(?=\S)")),
    ("roman_sub", regex.compile(r"^\((?P<n>[ivx]{1,4}|\d{1,2})\)\s*(?=\S)")),
]


_DATE_START = regex.compile(
    r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b",
    regex.I,
)


def parse_label(text: str) -> Label | None:
    """The item label at the start of ``text``, or None ("22 April 2016" is a date, not item 22)."""
    if _DATE_START.match(text):
        return None
    for scheme, pattern in LABELS:
        match = pattern.match(text)
        if not match:
            continue
        n = match.group("n") or match.groupdict().get("n2")
        if scheme == "roman":
            value = roman_value(n)
            if value is None:
                continue
            return Label("roman", n, value, match.end(), True)
        if scheme == "code":
            return Label(
                f"code:{match.group('prefix')}/{match.group('year')}",
                f"{match.group('prefix')} {n}{match.group('x')}/{match.group('year')}",
                int(n),
                match.end(),
                not match.group("x"),
            )
        if scheme == "dotted":
            number = match.group(0).strip(" :.-–—")
            return Label(f"dotted:{match.group('prefix')}", number, int(n), match.end(), True)
        if scheme == "decimal_sub":
            return Label("decimal_sub", f"{match.group('prefix')}.{n}", int(n), match.end(), False)
        if scheme == "letter_sub":
            if len(text) <= match.end():
                continue
            return Label("letter_sub", n, ord(n.lower()) - 96, match.end(), False)
        if scheme == "roman_sub":
            return Label("roman_sub", n, 0, match.end(), False)
        suffix = match.group("x") if "x" in match.groupdict() else ""
        return Label(scheme, f"{int(n)}{suffix}", int(n), match.end(), not suffix)
    return None


_ITEM_REFERENCE = regex.compile(r"^\(?\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<n>\d{1,3}[a-z]?)\s*\)?\.?$", regex.I)
_TRAILING_REFERENCE = regex.compile(
    r"\s*\(\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<n>\d{1,3}[a-z]?)\s*\)\s*$", regex.I
)


def is_item_reference(text: str) -> str | None:
    """"5" for a line that is only "(Item 5)" or "(Agenda item 5)": a minute's agenda item."""
    match = _ITEM_REFERENCE.match(text.strip())
    return match.group("n") if match else None


@dataclass(frozen=True)
class TimeSlot:
    start: str | None
    end: str | None
    minutes: int | None
    span_end: int  # where the slot ends in the text it was read from


_CLOCK = r"(?P<{0}h>[01]?\d|2[0-3])(?:[.:](?P<{0}m>[0-5]\d))?\s*(?P<{0}p>[ap]\.?\s?m\.?)?"
_SLOT = regex.compile(
    r"^\s*" + _CLOCK.format("a") + r"\s*(?:-|–|—|to)\s*" + _CLOCK.format("b")
    + r"(?:\s*\(?\s*(?P<mins>\d{1,3})\s*(?:minutes|mins?)\.?\s*\)?)?\s*",
    regex.I,
)


def _hhmm(hour: str, minute: str | None, ampm: str | None, other_ampm: str | None) -> str:
    """A slot's time: "2 - 2.30pm" takes pm from its other end; bare 1 to 7 o'clock is afternoon."""
    value = int(hour)
    marker = ampm or other_ampm
    if not marker and 1 <= value <= 7:
        value += 12  # "1.30 - 2.00" on a day's agenda is the afternoon: boards do not meet at 2 am
    return to_hhmm(value, minute, marker)


def parse_time_slot(text: str) -> TimeSlot | None:
    """"14:35-14:50 (15minutes)" -> 14:35, 14:50, 15; None unless ``text`` starts with a slot.

    A slot needs minutes on at least one side ("11.00 - 11.10", "2pm - 2.30pm")
    so that page ranges ("9 - 30") and counts are not read as times.
    """
    match = _SLOT.match(text)
    if not match or not (match.group("am") or match.group("bm")):
        return None
    if not (match.group("am") and match.group("bm")) and not (match.group("ap") or match.group("bp")):
        return None
    start = _hhmm(match.group("ah"), match.group("am"), match.group("ap"), match.group("bp"))
    end = _hhmm(match.group("bh"), match.group("bm"), match.group("bp"), None)
    minutes = int(match.group("mins")) if match.group("mins") else None
    return TimeSlot(start, end, minutes, match.end())


_PAGES_CELL = regex.compile(r"^\(?\s*(?:pages?|pp?\.?)?\s*(?P<p>\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)\s*\)?$", regex.I)
_PAGES_INLINE = regex.compile(
    r"\s*\(\s*(?:pages?|pp?\.?)\s*(?P<p>\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)\s*\)\s*", regex.I
)


def find_pages(text: str, *, whole_cell: bool = False) -> tuple[str | None, str]:
    """(pages as printed, text without them): "(Pages 11 - 84)" inline, or a cell that is "9 - 30"."""
    if whole_cell:
        match = _PAGES_CELL.match(text.strip())
        return (match.group("p"), "") if match else (None, text)
    match = _PAGES_INLINE.search(text)
    if not match:
        return None, text
    rest = (text[: match.start()] + " " + text[match.end() :]).strip()
    return match.group("p"), rest


_BULLET = regex.compile(r"\s*[•●▪◦■□➢►‣·]\s*")


def split_bullets(text: str) -> tuple[str, list[str]]:
    """A table cell's "Title • first • second" as ("Title", ["first", "second"])."""
    parts = [part.strip() for part in _BULLET.split(text)]
    head = parts[0] if parts else ""
    return head, [part for part in parts[1:] if part]


_LETTER = regex.compile(r"(?<=\s)(?P<letter>[a-z])[.)]\s+")


def split_lettered(text: str) -> tuple[str, list[str]]:
    """"Progress on data requests a. ODUG b. Cabinet Office" as ("...requests", ["a. ODUG", "b. Cabinet Office"]).

    Only a run that starts at "a" and goes on in order (a, b, c ...) splits,
    so a stray "x." in a title is left alone.
    """
    marks = []
    for match in _LETTER.finditer(text):
        expected = chr(ord("a") + len(marks))
        if match.group("letter") == expected:
            marks.append(match)
        elif match.group("letter") == "a":
            marks = [match]
    if len(marks) < 2:
        return text, []
    bounds = [m.start() for m in marks] + [len(text)]
    parts = [text[bounds[i] : bounds[i + 1]].strip(" ,;") for i in range(len(marks))]
    return text[: marks[0].start()].rstrip(" :;,-–—"), [part for part in parts if part]


_EDGE_JUNK = regex.compile(r"^[\s*#_>|:–—-]+|[\s*#_|:–—-]+$")
# A full stop closing a heading ("Call to Order.") is dropped from the record's title, but only
# at the very end: until then it is evidence that a numbered line is a sentence, not a heading.
_CLOSING_STOP = regex.compile(r"(?<=\p{Ll}{2})\.$")


def final_title(title: str) -> str:
    """The title as recorded: "Call to Order." -> "Call to Order"."""
    return _CLOSING_STOP.sub("", title)


def clean_title(text: str) -> tuple[str, str | None]:
    """(title, agenda item it refers to): markup leftovers, trailing colon and "(Item 5)" removed."""
    reference = None
    match = _TRAILING_REFERENCE.search(text)
    if match and match.start() > 0:
        reference = match.group("n")
        text = text[: match.start()]
    return _EDGE_JUNK.sub("", clean_line(text)), reference


# Words a title keeps in lower case ("Declaration of Interest"), and words a sentence opens with.
SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "at", "by", "with", "or", "from", "&", "-", "–"}
_SENTENCE_STARTS = {"the", "this", "these", "that", "those", "there", "it", "he", "she", "they", "we", "a", "an", "all"}
_SENTENCE_STARTS |= {"no", "none"}


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def heading_prefix(text: str) -> str:
    """The heading at the front of a cell that runs on into the minute's text.

    "Welcome and Apologies Apologies were received from Marion Harvey." gives
    "Welcome and Apologies": the text turns into a sentence at its first
    lower-case word (not a small word) that follows a capitalised one; the
    sentence starts at "The/This/There ..." in that capitalised run, or at its
    last word (the subject, "Apologies"). Text with no such turn is returned whole.
    """
    words = text.split()
    for index, word in enumerate(words):
        if not word[:1].islower() or word.lower() in SMALL_WORDS or index < 3 or not _capitalised(words[index - 1]):
            continue
        if words[index - 1][-1:] in ",;:" or len(words) - index < 3:
            continue  # "those Present, accept ...": a list, not a new sentence; or too little after to be notes
        start = index - 1
        while start > 0 and _capitalised(words[start - 1]):
            start -= 1
        starts = [k for k in range(start, index) if words[k].lower() in _SENTENCE_STARTS]
        cut = starts[0] if starts else index - 1
        if cut >= 2:
            return " ".join(words[:cut]).rstrip(" .:;,-–—")
    return text
