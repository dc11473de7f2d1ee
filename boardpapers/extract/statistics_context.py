"""Where a figure in a sentence is, which way it moved and against what: its place, direction and
comparison (what it measures is :mod:`.statistics_metric`'s).

Each reader looks at the figure's own clause (the stretch of the sentence
between the punctuation or conjunctions around it), because a sentence often
quotes several figures about different things: "residential burglary is up
around 2% (from 2636 to 2697 offences) compared to a year ago, robbery is also
up around 11%". Words are data (``statistics_words.jsonl``).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..document import clean_line
from .dates import MONTHS
from .quantities import Quantity
from .quantities_vocab import alternation, phrase_ids

__all__ = ["clause_bounds", "comparison_of", "direction_of", "place_of", "relative_to"]

_CLAUSE_BREAK = regex.compile(r"[;:()\[\]–—]|,\s|\s-\s|\.\s|\bwhile\b|\bwhilst\b|\bbut\b|\bwhich\b|\s=\s")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    direction = alternation("DIRECTION")
    qualifier = alternation("QUALIFIER")
    return {
        # "a reduction in crime in Barnet of around", "an increase on the previous year of", "increasing by", "up"
        "before": regex.compile(
            rf"\b(?P<w>{direction})\b(?:\s+(?:in|of|on)\s+[^,;()0-9]{{0,45}}?)?(?:\s+(?:of|by|to))?\s*(?:(?:{qualifier})\s*)?(?:a\s+factor\s+of\s*)?$",
            regex.I,
        ),
        # "19% reduction", "2,059 crimes fewer", "1000 fewer burglaries", "21% London increase"
        "after": regex.compile(rf"^\s*(?:[A-Za-z&'-]+\s+){{0,2}}?(?P<w>{direction})\b(?!\s+than\b)", regex.I),
        "place": regex.compile(rf"(?<![\w])(?P<p>{alternation('PLACE')})(?![\w])(?:'s)?"),
        "comparison": regex.compile(
            r"\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|than(?:\s+in)?|vs\.?|versus|on|from|since|against|over)\s+"
            r"(?P<c>(?:the\s+)?(?:equivalent|same|previous|prior|last|a|one|two|three|[0-9]{1,2})?[^,;.():%]{0,50}?"
            r"(?:year ago|years ago|months ago|baseline|average|previous year|last year|year before|prior|"
            r"period(?!\s+(?:a\s+year\s+ago|last\s+year|(?:in\s+)?the\s+previous\s+year))|quarter|"
            r"London(?:'s)?|20[0-9]{2}(?:/[0-9]{2,4})?(?: baseline)?|results|estimates))\b",
            regex.I,
        ),
        "bare_date": regex.compile(rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{'|'.join(MONTHS)})\.?\s+(?:19|20)[0-9]{{2}}", regex.I),
        "since_baseline": regex.compile(r"\b(?:since|vs\.?|versus|compared to|against)\s+(?:the\s+)?(?P<c>(?:FY\s*)?20[0-9]{2}/[0-9]{2,4}\s+baseline|[0-9]{2}/[0-9]{2}\s+baseline)", regex.I),
        "place_not_after": regex.compile(rf"(?:{alternation('PLACE_NOT_AFTER')})\s*$", regex.I),
        "place_not_before": regex.compile(rf"^\s*(?:{alternation('PLACE_NOT_BEFORE')})\b"),
        # "(exceeding the London reduction by 10.7 percentage points)", "exceeds the London average 10% increase by"
        "relative": regex.compile(
            r"\b(?:exceed(?:s|ed|ing)?|outperform(?:s|ed|ing)?|(?:better|worse|higher|lower)\s+than|above|below)\s+"
            rf"(?:the\s+)?(?:overall\s+)?(?P<place>{alternation('PLACE')})(?:'s)?(?P<average>\s+average)?(?:\s+[0-9.,]+\s*%)?"
            rf"(?:\s+(?P<change>{direction}))?\s+by\s+(?:(?:{qualifier})\s+)?$",
            regex.I,
        ),
    }


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``sentence`` holding ``sentence[start:end]``."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = m.end()
    right_match = _CLAUSE_BREAK.search(sentence, end)
    return left, right_match.start() if right_match else len(sentence)


def direction_of(sentence: str, figure: Quantity, previous_end: int) -> str | None:
    """``increase``/``decrease`` from a printed sign or the words touching the figure, else None."""
    if figure.signed:
        return "decrease" if figure.value < 0 else None
    if figure.surface.startswith("+"):
        return "increase"
    if figure.endpoint or figure.unit in ("rank", "rate"):
        return None
    p = _patterns()
    if p["relative"].search(sentence[max(0, figure.start - 90) : figure.start]):
        return None  # "exceeding the London reduction by 10.7 percentage points": the reduction is London's
    ids = {w.lower(): d for w, d in phrase_ids("DIRECTION").items()}
    left = sentence[max(previous_end, figure.start - 70) : figure.start]
    left = left[left.rfind("(") + 1 :] if "(" in left else left
    before = p["before"].search(left)
    if before:
        return ids[before.group("w").lower()]
    after = p["after"].match(sentence[figure.end : figure.end + 40])
    if after and not regex.match(r"^\s*more\s+than\b", sentence[figure.end : figure.end + 40], regex.I):
        return ids[after.group("w").lower()]
    return None


def comparison_of(sentence: str, figure: Quantity) -> str | None:
    """What a change is measured against ("equivalent period a year ago", "2011/12 baseline"); the benchmark
    a difference is measured from ("London reduction" for "exceeding the London reduction by 10.7 percentage
    points"). A bare date after "from" or "since" starts a period; it is not a comparison."""
    p = _patterns()
    benchmark = p["relative"].search(sentence[max(0, figure.start - 90) : figure.start])
    if benchmark:
        return clean_line(f"{benchmark.group('place')} {(benchmark.group('change') or 'average').lower()}")
    for name in ("since_baseline", "comparison"):
        candidates = [m for m in p[name].finditer(sentence) if not p["bare_date"].fullmatch(m.group("c"))]
        if candidates:
            best = min(candidates, key=lambda m: abs(m.start() - figure.end) if m.start() >= figure.end else (figure.start - m.end()) * 2)
            return clean_line(regex.sub(r"^the\s+", "", best.group("c"), flags=regex.I))
    return None


def place_of(sentence: str, figure: Quantity) -> str | None:
    """The place named in the figure's clause (the nearest), skipping places it is compared with; a place
    right after the figure is its own ("32 London boroughs"); with none in the clause, the place a bracket
    follows ("Below London average (42.5%)") or the sentence opens with ("Across London, there has been ...")."""
    p = _patterns()
    ids = phrase_ids("PLACE")
    touching = p["place"].match(sentence, figure.end + 1) if sentence[figure.end : figure.end + 1] == " " else None
    if touching:
        return ids.get(touching.group("p"), touching.group("p"))
    nearest = _nearest_place(sentence, figure)
    if nearest:
        return nearest
    bracketed = regex.search(rf"(?P<p>{alternation('PLACE')})\s+average\s*\(\s*$", sentence[: figure.start])
    opening = regex.match(rf"^\W*(?:across|in|throughout|for)\s+(?P<p>{alternation('PLACE')}),", sentence, regex.I)
    found = bracketed or opening
    return ids.get(found.group("p"), found.group("p")) if found else None


def _nearest_place(sentence: str, figure: Quantity) -> str | None:
    """The place in the figure's clause nearest to it, leaving out places it is compared with."""
    p = _patterns()
    left, right = clause_bounds(sentence, figure.start, figure.end)
    ids = phrase_ids("PLACE")
    best: tuple[int, str] | None = None
    for m in p["place"].finditer(sentence, left, right):
        if p["place_not_after"].search(sentence[max(0, m.start() - 25) : m.start()]):
            continue
        if p["place_not_before"].match(sentence[m.end() : m.end() + 15]):
            continue
        distance = abs(m.start() - figure.start)
        if best is None or distance < best[0]:
            best = (distance, ids.get(m.group("p"), m.group("p")))
    return best[1] if best else None


def relative_to(sentence: str, figure: Quantity) -> str | None:
    """What a difference from a benchmark compares: "reduction relative to London" for "exceeding the London
    reduction by 10.7 percentage points". The thing compared is named elsewhere in the sentence, so the caller
    puts it in front. ("24% lower than the London average" is a level whose comparison is the London average,
    not a difference; :func:`comparison_of` reads that.)"""
    found = _patterns()["relative"].search(sentence[max(0, figure.start - 90) : figure.start])
    if not found:
        return None
    change = found.groupdict().get("change")
    place = phrase_ids("PLACE").get(found.group("place"), found.group("place"))
    return clean_line(f"{change.lower() if change else ''} relative to {place}{' average' if found.group('average') else ''}")
