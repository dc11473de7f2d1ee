"""Figures in a bare string: each number with its unit, scale, qualifier, range end and rate base.

:func:`find_quantities` is the one finder that both the paper extractor
(:mod:`.statistics`) and the quantities benchmark (``scripts/bench_quantities.py``)
call, so the benchmark measures the library's own code path. It knows only
the string: which figure a paper reports, and about what, is decided later.

Forms: "28,637", "£301,162", "£82.2M", "£187 million", "£37.7k", "$-50.8bn",
"19%", "ten per cent", "1.4 percentage points", "1.6% points", "13.6 per
1,000 population", "1.7 offences per year", "8th lowest", "600 times
higher", "four-fold", "6 to 10", "10% – 13%", "c130", "around 7%", "over
500", "30 yards", "4 hundred million", "2.998×10−8", "one in four", "1/16 of
a pint", "half of", "tens of thousands" (a range of its order of magnitude),
"minus 5". The two ends of a "from X to Y" change are two figures marked
``endpoint`` (the end that prints the unit or scale lends it to the other);
an amount of change followed by a new level ("rose 6.5% to 164p") is two
figures, not a range. Not figures: dates, years and financial years
("2015/16", "A.D. 1000"), times and timestamps, "Jun 12", phone numbers,
postcodes, reference codes ("24/00108"), labels ("Item 5", "Section 9",
"Quorum 3"), names with a number ("S&P 500", "iPhone 11", "BBC One"), scores
and tallies ("2-1"), enumerators ("2.1 The SCPB ...", "(1)"), section
references ("4.3 of this report"), rate bases ("per 1,000") and "one" standing
for a thing ("each one"). Ages ("aged 14 to 17", "18+", "0-19 year olds",
"Senard, 65,") are returned with ``age=True`` because some readers count
them; the paper extractor drops them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .dates import MONTHS, find_dates, find_times
from .quantities_vocab import alternation, phrase_ids, phrase_values, phrases

__all__ = ["Quantity", "find_quantities"]


@dataclass(frozen=True)
class Quantity:
    """One figure found in a string; ``start``/``end`` index that string.

    ``unit`` is the contract's unit (``count``, ``percent``, ``GBP`` ...);
    ``unit_name`` names a measurement unit or currency more finely ("yard",
    "GBP") for comparison with other tools. ``per`` is the rate base
    ``(n, of)``. ``spelled`` marks a figure written in words; ``age`` an age
    that defines a group; ``endpoint`` one end of a "from X to Y" change.
    ``signed`` says the value carries a printed sign ("-21.1%").
    """

    value: float
    unit: str
    surface: str
    start: int
    end: int
    value_high: float | None = None
    per: tuple[float, str] | None = None
    qualifier: str | None = None
    unit_name: str | None = None
    spelled: bool = False
    age: bool = False
    endpoint: bool = False
    signed: bool = False


# ---------------------------------------------------------------- patterns built once from the vocabulary

_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+"
_PEOPLE = {"people", "persons", "residents", "inhabitants", "head", "capita", "population", "population aged"}
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}
_TIME_BASES = {"year", "annum", "month", "week", "day", "hour", "quarter", "minute"}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    words = alternation("NUMBER_WORD")
    scale_words = alternation("SCALE")
    fraction = alternation("FRACTION_WORD")
    word_number = rf"(?:{words})(?:(?:-|\s+|\s+and\s+)(?:{words}|hundred|thousand|million|billion))*"
    return {
        "digits": regex.compile(rf"(?<![0-9_.,/:])(?:{_DIGITS})(?![0-9])"),
        "words": regex.compile(
            rf"(?<![\w-])(?:(?:one|two|three|four|a)[-\s](?:{fraction})(?![\w-])|(?:{word_number}|a\s+(?:hundred|thousand|million|billion))"
            rf"(?:(?=fold\b)|(?![\w])(?!-(?!fold\b))))",
            regex.I,
        ),
        "vague": regex.compile(
            rf"(?<![\w-])(?:(?P<times>tens|hundreds)\s+of\s+)?(?P<scale>{alternation('VAGUE_SCALE')})(?=\s+of\b)", regex.I
        ),
        "fraction": regex.compile(
            rf"(?|(?<![\w-])(?P<n>{words}|[0-9]{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d>{words}|[0-9]{{1,3}})(?![\w.,%/-])"
            rf"|(?<![\w-])(?P<n>{words})\s+(?:out\s+)?of\s+(?P<d>{words})(?![\w-]))",
            regex.I,
        ),
        "half": regex.compile(r"(?<![\w-])(?<!(?:first|second|other|the|a|and|an|one|two|three)\s)half(?=\s+(?:of|the)\b)", regex.I),
        "slash_fraction": regex.compile(
            rf"(?<![\w/.,])(?P<n>[0-9]{{1,2}})(?:⁄(?P<d>[0-9]{{1,3}})|/(?P<d>[0-9]{{1,3}})(?=\s+(?:of\s+an?\b|(?:{alternation('MEASURE_UNIT')}|{alternation('CURRENCY_WORD')})\b)))(?![\w/.,])"
        ),
        "apposed_age": regex.compile(r"(?<![\w])[A-Z][a-z]+,\s(?P<age>[0-9]{1,2}),\s"),
        "exponent": regex.compile(r"\s?[×x]\s?10\^?(?P<e>[-−]?[0-9]{1,3})(?![0-9])"),
        "sentence_start": regex.compile(r"(?:^|[.!?;(\"“•●*-])\s*$"),
        "name_before": regex.compile(r"(?<![\w&'’.-])(?P<word>[A-Za-z][\w&'’.-]*) $"),
        "name_counted": regex.compile(r"\s+[a-z]{3,}s\b(?<!\b(?:was|has|does|is|gains|rises|falls))"),
        "one_before": regex.compile(rf"(?<![\w])(?:{alternation('ONE_PRONOUN_BEFORE')})\s+$", regex.I),
        "one_after": regex.compile(r"\s+(?:[0-9$£€]|another\b)"),
        "change_before": regex.compile(
            rf"(?<![\w])(?:{alternation('CHANGE_BY')})\s+(?:(?:{alternation('QUALIFIER')})\s+)?$", regex.I
        ),
        "change_to": regex.compile(r"[^;:()]{0,40}?\sto\s*|\s*[-–]\s*", regex.I),
        "past_year_before": regex.compile(
            r"(?:(?<![\w])(?:A\.?D\.?|B\.?C\.?|in|by|since|until|till|circa|between|year)\s+|(?<![\w])[0-9]{4}\s*(?:and|to|-|–)\s*)$",
            regex.I,
        ),
        "past_year_after": regex.compile(r"\s+(?!(?:and|to|or|when|the|a|as|after|before|onwards|through|until|with|by|in|at|on|of|for|from|were|was)\b)[a-z]"),
        "code_before": regex.compile(r"(?<![\w])[A-Z]{2,3}$"),
        "scale": regex.compile(rf"(?P<space>\s?)(?P<scale>{scale_words})(?![\w])", regex.I),
        "percent": regex.compile(
            rf"\s?(?:(?P<pp>{alternation('PERCENTAGE_POINTS')})|(?P<pc>{alternation('PERCENT')}))(?![\w])", regex.I
        ),
        "points": regex.compile(r"\s?points?\b", regex.I),
        "ordinal": regex.compile(r"(?:st|nd|rd|th)\b", regex.I),
        "rank_after": regex.compile(rf"^(?:[\s,]+\w+){{0,2}}?[\s,]+(?:{alternation('RANK_AFTER')})\b", regex.I),
        "fold": regex.compile(r"[-\s]?fold\b", regex.I),
        "times": regex.compile(rf"\s+times\s+(?:{alternation('TIMES_AFTER')})\b", regex.I),
        "measure": regex.compile(rf"(?P<space>[\s-]?)(?P<unit>{alternation('MEASURE_UNIT')})(?![\w/])"),
        "measure_i": regex.compile(rf"(?P<space>[\s-]?)(?P<unit>{alternation('MEASURE_UNIT')})(?![\w/])", regex.I),
        "currency_after": regex.compile(rf"\s(?P<cur>{alternation('CURRENCY_WORD')})\b", regex.I),
        "currency_before": regex.compile(rf"(?P<cur>{alternation('CURRENCY_PREFIX')})\s?$"),
        "qualifier": regex.compile(rf"(?<![\w])(?P<q>{alternation('QUALIFIER')})\s*$", regex.I),
        "label": regex.compile(rf"(?<![\w])(?:{alternation('LABEL_BEFORE')})\.?\s*(?:no\.?\s*)?$", regex.I),
        "age_before": regex.compile(rf"(?<![\w])(?:{alternation('AGE_BEFORE')})\s*$", regex.I),
        "age_after": regex.compile(rf"\s?(?:{alternation('AGE_AFTER')})\b|\+(?![\d])|s\b", regex.I),
        "range": regex.compile(r"\s?(?:-|–|—|to)\s?(?!-)"),
        "rate": regex.compile(
            r"(?P<noun>(?:\s+(?!per\b)[A-Za-z&'-]+){0,3}?)\s+per\s+(?:(?P<n>[0-9][0-9,]*)\s+)?"
            r"(?P<of>[A-Za-z]+(?:\s+(?!in\b|of\b|is\b|and\b|this\b|for\b|the\b|was\b|which\b|compared\b|than\b)[a-z]+)?)",
        ),
        "from_before": regex.compile(rf"(?<![\w])from\s*(?:(?:{alternation('QUALIFIER')})\s+)?$", regex.I),
        "between_before": regex.compile(r"(?<![\w])between\s*$", regex.I),
        "month_number": regex.compile(
            r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?[\s-]+(?P<n>[0-3]?[0-9](?:st|nd|rd|th)?(?:\s?[-–]\s?[0-3]?[0-9](?:st|nd|rd|th)?)?)\b(?![,.]?[0-9])",
            regex.I,
        ),
        "fiscal": regex.compile(r"(?<![0-9])(?P<a>(?:19|20)[0-9]{2})\s?[/–—-]\s?(?P<b>(?:19|20)?[0-9]{2})(?![0-9])"),
        "phone": regex.compile(r"(?<![\w])(?:\+44\s?\(?0?\)?|0)[0-9]{2,4}[\s-]?[0-9]{3,4}[\s-]?[0-9]{3,4}(?![0-9])"),
        "score": regex.compile(r"(?<![\w.,/-])(?P<a>[0-9]{1,3})-(?P<b>[0-9]{1,3})(?![\w/%-]|[.,][0-9])"),
        "timestamp": regex.compile(
            r"(?<![\w])(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9](?:T[0-9:.]+Z?)?(?![\w])"
            r"|(?<![\w.:])[0-2][0-9][0-5][0-9]\s?(?:GMT|UTC|BST|CET|EDT|EST|PDT|PST|Zulu)\b"
        ),
        "postcode": regex.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b"),
        # "CRC 2019-56", "HB 2021-7": a reference numbered within its year
        "year_code": regex.compile(r"(?<![\w])[A-Z]{2,6}[\s-]?(?:19|20)[0-9]{2}[-/][0-9]{1,4}(?![\w])"),
        "slash": regex.compile(r"(?<![\w])[0-9]+(?:/[0-9]+)+(?![\w])"),
        "enumerator": regex.compile(
            r"(?:^|\n)\s*\(?[0-9]{1,2}[.)](?=\s|$)|(?:^|\n)\s*[0-9]{1,2}(?:\.[0-9]{1,2})+(?=\s+[A-Z])"
            r"|\([0-9]{1,2}\)|(?<![\w])[0-9]{1,2}\)(?=\s)"
        ),
        "address": regex.compile(
            r"(?<![\w])[0-9]{1,4}[a-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Avenue|Road|Street|Lane|Way|Close|Drive|Place|Court|Gardens|Crescent|Square|Terrace|Grove|Hill|Parade|Row|Mews)\b"
        ),
        "service_number": regex.compile(r"(?<![\w])(?:999|101|111|112|911)(?=\s+(?:for|online|or|and)\b)"),
        "second": regex.compile(rf"(?P<cur>{alternation('CURRENCY_PREFIX')})?\s?(?P<num>{_DIGITS})(?![0-9/])"),
        "minus": regex.compile(r"(?<![\w])minus[\s-]?$", regex.I),
        "prefix": regex.compile(r"(?<![\w])(?:sub|near|over|under)[-‐]$", regex.I),
        "per_time": regex.compile(r"\s+(?:a|an|per)\s+(?P<base>day|week|month|year|hour|second|minute)\b", regex.I),
        "of_currency": regex.compile(rf"\s+of\s+(?P<cur>{alternation('CURRENCY_WORD')})\b", regex.I),
        "glued_c": regex.compile(r"(?<![\w])c\.?$", regex.I),
        "per_before": regex.compile(r"(?<![\w])per\s*$", regex.I),
        "and": regex.compile(r"\s+and\s+"),
        "label_list": regex.compile(r"(?:\s*(?:,|and|&|-|–|to)\s*[0-9]+(?:\.[0-9]+)*)*"),
        "section_ref": regex.compile(r"\s+of\s+(?:this|the)\s+(?:report|document|paper|agenda|strategy|plan|act|guidance)\b", regex.I),
    }


def _number_word_value(text: str) -> float | None:
    """"twenty-five" -> 25, "two hundred" -> 200, "a million" -> 1e6, "two-thirds" -> 0.667, "12" -> 12."""
    if text.isdigit():
        return float(text)
    words = regex.split(r"[-\s]+", text.lower().replace(" and ", " "))
    fractions = phrase_values("FRACTION_WORD")
    if len(words) == 2 and words[1] in fractions:
        count = 1.0 if words[0] == "a" else phrase_values("NUMBER_WORD").get(words[0])
        return None if count is None else count * fractions[words[1]]
    numbers = phrase_values("NUMBER_WORD")
    total, current = 0.0, 0.0
    for word in words:
        if word == "a":
            current = 1.0
        elif word in numbers:
            current += numbers[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in ("thousand", "million", "billion"):
            total += (current or 1.0) * {"thousand": 1e3, "million": 1e6, "billion": 1e9}[word]
            current = 0.0
        else:
            return None
    return total + current


# ---------------------------------------------------------------- spans that are never figures


def _blocked(text: str) -> list[tuple[int, int]]:
    """Dates, times, "Sep 30th", financial years, phone numbers, postcodes, codes and enumerators."""
    p = _patterns()
    spans = [(d.start, d.end) for d in find_dates(text)]
    spans += [(start, end) for _, start, end in find_times(text)]
    spans += [m.span("n") for m in p["month_number"].finditer(text)]
    for m in p["fiscal"].finditer(text):
        first, second = int(m.group("a")), m.group("b")
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if 0 < last - first <= 30 or (len(second) == 2 and last == first + 1 - 100):
            spans.append(m.span())
    # "won 2-1", "tied at 89-89", "a 5-3 vote": a score or tally, not a range (a range rises)
    spans += [m.span() for m in p["score"].finditer(text) if int(m.group("b")) <= int(m.group("a"))]
    for name in ("phone", "postcode", "year_code", "slash", "enumerator", "address", "service_number", "timestamp"):
        spans += [m.span() for m in p[name].finditer(text)]
    return spans


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _is_year(value_text: str, value: float) -> bool:
    return regex.fullmatch(r"(?:19|20)[0-9]{2}", value_text) is not None and 1900 <= value <= 2039


# ---------------------------------------------------------------- reading around one number


@dataclass
class _Reading:
    """A number being read outwards: where its surface runs and what has been learned."""

    value: float
    start: int
    end: int
    unit: str = "count"
    unit_name: str | None = None
    scaled: bool = False
    qualifier: str | None = None
    signed: bool = False


def _read_left(text: str, reading: _Reading, floor: int) -> str | None:
    """Currency, sign and qualifier before the number; returns "label", "age" or "base" when the
    words before make the number something other than a figure, else None."""
    p = _patterns()
    left = text[max(floor, reading.start - 40) : reading.start]
    minus = p["minus"].search(left)
    if minus:
        reading.value, reading.signed = -reading.value, True
        reading.start -= len(minus.group(0))
        left = left[: minus.start()]
    elif left.endswith(("-", "−")) and not text[max(0, reading.start - 2) : reading.start - 1].isalnum():
        reading.value, reading.signed = -reading.value, True
        reading.start -= 1
        left = left[:-1]
    elif left.endswith("+") and (len(left) < 2 or not left[-2].isalnum()):
        reading.start -= 1
        left = left[:-1]
    currency = p["currency_before"].search(left)
    if currency and (currency.start() == 0 or not left[currency.start() - 1].isalpha() or currency.group("cur")[0] in "$£€¥₹"):
        reading.unit = phrase_ids("CURRENCY_PREFIX")[currency.group("cur").strip()] if currency.group("cur").strip() in phrase_ids("CURRENCY_PREFIX") else "other"
        reading.unit_name = currency.group("cur").strip()
        if reading.unit == "other":
            reading.unit_name = _currency_name(reading.unit_name)
        reading.start -= len(left) - currency.start()
        left = left[: currency.start()]
        if left.endswith(("-", "−")):
            reading.value, reading.signed = -reading.value, True
            reading.start -= 1
            left = left[:-1]
    elif left and (left[-1].isalpha() or (left[-1] in "-‐" and len(left) > 1 and left[-2].isalpha() and not p["prefix"].search(left))):
        if p["glued_c"].search(left):
            reading.qualifier = "approximately"
            reading.start -= 1
            return None
        return "label"  # letters glued to the number: "NW4", "Q4", "S6", "B1"
    if p["label"].search(left):
        return "label"
    if p["per_before"].search(left):
        return "base"
    if p["age_before"].search(left):
        return "age"
    qualifier = p["qualifier"].search(left)
    if qualifier and reading.qualifier is None:
        reading.qualifier = phrase_ids("QUALIFIER").get(qualifier.group("q").lower(), None) or _qualifier_id(qualifier.group("q"))
    return None


def _qualifier_id(written: str) -> str | None:
    folded = " ".join(written.lower().split())
    return next((q for phrase, q in phrase_ids("QUALIFIER").items() if phrase.lower() == folded), None)


def _read_scale(text: str, reading: _Reading) -> None:
    """ "£82.2M", "$4.2b", "187 million", "4 hundred million" (a hundred may be followed by a larger scale)."""
    previous = None
    while match := _patterns()["scale"].match(text, reading.end):
        scale = match.group("scale")
        glued = not match.group("space")
        if previous not in (None, "hundred") or (scale.lower() in ("m", "k", "b") and not glued):
            return
        if scale.lower() == "b" and reading.unit == "count":
            return  # "5b" is a label unless it is money
        if scale == "m" and reading.unit == "count" and float(reading.value).is_integer() and not regex.match(r"\s+of\b", text[match.end() :]):
            return  # "400m" without a currency is metres; "35m of its devices" is millions
        reading.value *= phrase_values("SCALE")[scale.lower()]
        reading.scaled = True
        reading.end = match.end()
        previous = scale.lower()


def _read_exponent(text: str, reading: _Reading) -> None:
    """ "2.998×10−8": scientific notation."""
    match = _patterns()["exponent"].match(text, reading.end)
    if match:
        reading.value *= 10.0 ** int(match.group("e").replace("−", "-"))
        reading.end = match.end()


def _borrow_from_other_end(text: str, reading: _Reading) -> None:
    """ "from 5 to 7 per cent", "from $10 to $15 billion": the unit or scale printed only at the "to" end."""
    connector = _patterns()["range"].match(text, reading.end)
    second = _second_number(text, connector.end()) if connector else None
    if second is None:
        return
    other, other_raw = second
    if other.unit != "count" and reading.unit == "count":
        reading.unit, reading.unit_name = other.unit, other.unit_name
    factor = _borrowed_scale(reading, other, other_raw)
    if factor != 1.0:
        reading.value *= factor
        reading.scaled = True


def _read_unit(text: str, reading: _Reading) -> str | None:
    """Percent, points, ordinal, multiplier, measurement unit or currency word after the number.
    Returns "rank", "ordinal" (an ordinal that is not a rank), "age" or None."""
    p = _patterns()
    if reading.unit == "count":
        percent = p["percent"].match(text, reading.end)
        if percent:
            reading.end = percent.end()
            reading.unit = "percentage_points" if percent.group("pp") else "percent"
            points = p["points"].match(text, reading.end) if reading.unit == "percent" else None
            if points and not text[reading.end : points.end()].lower().startswith(" point of"):
                reading.unit, reading.end = "percentage_points", points.end()
            return None
        ordinal = p["ordinal"].match(text, reading.end)
        if ordinal:
            reading.end = ordinal.end()
            if p["rank_after"].match(text[reading.end : reading.end + 40]):
                reading.unit = "rank"
                return "rank"
            return "ordinal"
        fold = p["fold"].match(text, reading.end)
        if fold:
            reading.unit, reading.end = "ratio", fold.end()
            return None
        times = p["times"].match(text, reading.end)
        if times:
            reading.unit, reading.end = "ratio", reading.end + len(regex.match(r"\s+times", text[reading.end :]).group(0))  # type: ignore[union-attr]
            return None
        age = p["age_after"].match(text, reading.end)
        if age:
            return "age"
        currency = p["currency_after"].match(text, reading.end)
        if currency:
            code = next((c for w, c in phrase_ids("CURRENCY_WORD").items() if w.lower() == currency.group("cur").lower()), "other")
            name = _currency_name(currency.group("cur")) if code == "other" else code
            reading.unit, reading.unit_name, reading.end = code, name, currency.end()
            return None
        measure = p["measure"].match(text, reading.end) or p["measure_i"].match(text, reading.end)
        if measure and len(measure.group("unit")) == 1 and measure.group("unit") not in phrase_ids("MEASURE_UNIT"):
            measure = None  # one letter is a unit only in its own case: "5G" is no gram
        if measure and (measure.group("space") or len(measure.group("unit")) > 1 or not text[measure.end() : measure.end() + 1].isalpha()):
            unit = measure.group("unit")
            if len(unit) <= 2 and measure.group("space") and unit.lower() in ("m", "g", "p", "c", "f"):
                return None
            names = phrase_ids("MEASURE_UNIT")
            reading.unit = "other"
            reading.unit_name = names.get(unit) or next((n for w, n in names.items() if w.lower() == unit.lower()), unit)
            reading.end = measure.end()
            per_time = p["per_time"].match(text, reading.end)
            if per_time and not reading.unit_name.endswith("per hour") and reading.unit_name not in _TIME_UNITS:
                reading.unit_name = f"{reading.unit_name} per {per_time.group('base').lower()}"  # "800,000 barrels a day"
                reading.end = per_time.end()
    return None


def _currency_name(written: str) -> str:
    """The English name of a currency written as a symbol, code or word ("HK$", "yuan"), else as written."""
    folded = " ".join(written.split()).lower()
    return next((name for w, name in phrase_ids("CURRENCY_NAME").items() if w.lower() == folded), written.strip())


def _read_rate(text: str, reading: _Reading) -> tuple[float, str] | None:
    """"13.6 per 1,000 population", "80.6 crimes per 1,000 people", "1.7 offences per year"."""
    if reading.unit not in ("count", "rate"):
        return None
    match = _patterns()["rate"].match(text, reading.end)
    if not match:
        return None
    of = match.group("of").lower()
    if match.group("n"):
        base = float(match.group("n").replace(",", ""))
        of = "population" if of in _PEOPLE or of.split()[0] in _PEOPLE else of
    elif of.split()[0] in _TIME_BASES or of.split()[0] in ("annum",):
        if float(reading.value).is_integer():
            return None  # "2192 fewer offences per year" is a count; an average ("1.7 per year") is a rate
        base, of = 1.0, of.split()[0]
    elif of.split()[0] in _PEOPLE | {"person", "head", "capita"} and not float(reading.value).is_integer():
        base, of = 1.0, "population"
    else:
        return None
    reading.end = match.end()
    reading.unit = "rate"
    return base, of


def _second_number(text: str, pos: int) -> tuple[_Reading, float] | None:
    """The upper end of a range starting at ``pos``, in digits or words, with its raw (unscaled) value."""
    match = _patterns()["second"].match(text, pos)
    if match:
        raw: float | None = float(match.group("num").replace(",", ""))
        end = match.end()
    else:
        words = _patterns()["words"].match(text, pos)
        raw = _number_word_value(words.group(0)) if words else None
        end = words.end() if words else pos
    if raw is None:
        return None
    reading = _Reading(raw, pos, end)
    if not match and words:
        last = regex.split(r"[-\s]+", words.group(0).lower())[-1]
        if last in ("thousand", "million", "billion") and raw:
            reading.scaled = True  # "four to five thousand": the scale printed once, at the end
            raw /= phrase_values("SCALE")[last]
    if match and match.group("cur"):
        reading.unit = phrase_ids("CURRENCY_PREFIX").get(match.group("cur"), "other")
    _read_scale(text, reading)
    if _read_unit(text, reading) in ("rank", "ordinal"):
        return None
    return reading, raw


def _read_range(text: str, reading: _Reading, between: bool) -> float | None:
    """"6 to 10", "10% – 13%", "$1.5 million to $2 million", "between 5 and 7": the upper end, or None."""
    connector = _patterns()["range"].match(text, reading.end)
    if connector and "to" in connector.group(0) and (reading.unit != "count" or reading.scaled) and _changes_to(text, reading):
        return None  # "rose 6.5% to 164p"; but "dropped by 1 to 1.5 degrees" is a range
    if between:
        connector = _patterns()["and"].match(text, reading.end) or connector
    if not connector:
        return None
    second = _second_number(text, connector.end())
    if second is None:
        return None
    high, high_raw = second
    if high.unit != "count" and high.unit != reading.unit and reading.unit != "count":
        return None
    low = reading.value * _borrowed_scale(reading, high, high_raw)
    if high.value <= low:
        return None
    if high.unit != "count" and reading.unit == "count":
        reading.unit, reading.unit_name = high.unit, high.unit_name  # "6 to 10%": the unit printed once
    reading.scaled = reading.scaled or low != reading.value
    reading.value = low
    reading.end = high.end
    return high.value


def _borrowed_scale(reading: _Reading, other: _Reading, other_raw: float) -> float:
    """The scale a bare number takes from the other end of its range: "1.5 to 2 million", "$10 to $15
    billion"; but not "$200 to $4 million", whose first end is already the larger written number."""
    if other.scaled and not reading.scaled and other_raw and reading.value < 10 * other_raw:
        return other.value / other_raw
    return 1.0


_KINDS = ("digits", "words", "vague", "fraction", "slash_fraction", "half")
_FRACTIONS = ("fraction", "slash_fraction", "half")


def _candidates(text: str) -> list[tuple[regex.Match[str], str]]:
    """Every number-like stretch in order: digits, number words, vague plurals and "one in four" fractions."""
    p = _patterns()
    found = [(m, kind) for kind in _KINDS for m in p[kind].finditer(text)]
    # at one position the longest reading wins ("one in four" over "one", "tens of thousands" over "thousands")
    found.sort(key=lambda item: (item[0].start(), -item[0].end()))
    return found


def _value_of(text: str, match: regex.Match[str], kind: str) -> tuple[float, float | None] | None:
    """The value (and the upper end, for vague plurals) a candidate writes, or None when it is not a figure."""
    written = match.group(0)
    if kind == "digits":
        if text[match.end() : match.end() + 1] == "/" or text[max(0, match.start() - 1) : match.start()] == "/":
            return None
        return float(written.replace(",", "")), None
    if kind == "vague":
        low = phrase_values("VAGUE_SCALE")[match.group("scale").lower()]
        if match.group("times"):
            low *= 10 if match.group("times").lower() == "tens" else 100
        return low, low * 10  # "thousands" is 1,000 to 10,000
    if kind == "half":
        return 0.5, None
    if kind in ("fraction", "slash_fraction"):
        numerator, denominator = (_number_word_value(match.group(g)) for g in ("n", "d"))
        if numerator is None or not denominator or numerator >= denominator:
            return None
        return numerator / denominator, None
    value = _number_word_value(written)
    return None if value is None else (value, None)


def _is_name(text: str, reading: _Reading, written: str, spelled: bool) -> bool:
    """A bare number that is part of a name: "S&P 500", "iPhone 11", "Game 7", "BBC One", "Planet 9".

    The word before it is capitalised and is not the sentence's first word (or is an acronym or
    camel-case), and the number carries no unit, scale, qualifier or separators."""
    if reading.unit != "count" or reading.scaled or reading.qualifier or reading.signed:
        return False
    if not spelled and not regex.fullmatch(r"[0-9]{1,4}", written):
        return False
    if spelled and written[0].islower():
        return False
    before = _patterns()["name_before"].search(text, max(0, reading.start - 60), reading.start)
    if not before:
        return False
    word = before.group("word")
    if word.islower() or word.lower() in phrases("NOT_NAME") or word.lower() in MONTHS or _patterns()["name_counted"].match(text, reading.end):
        return False
    marked = regex.search(r"[A-Z&].*[A-Z&]|^[a-z]+[A-Z]", word) is not None  # "S&P", "FTSE", "iPhone"
    word_start = before.start("word")
    initial = _patterns()["sentence_start"].search(text, max(0, word_start - 12), word_start) is not None
    return marked or not initial


def _is_pronoun_one(text: str, match: regex.Match[str], kind: str) -> bool:
    """ "each one", "the same one", "one 52,000 barrel refinery": "one" standing for a thing, not counting."""
    if kind != "words" or match.group(0).lower() != "one":
        return False
    p = _patterns()
    return bool(p["one_before"].search(text, max(0, match.start() - 60), match.start()) or p["one_after"].match(text, match.end()))


def _changes_to(text: str, reading: _Reading) -> bool:
    """ "rose 6.5% to 164p", "increased by $43.6 billion to $419.2 billion": an amount of change, then the new level."""
    return bool(_patterns()["change_before"].search(text, max(0, reading.start - 60), reading.start))


def find_quantities(text: str) -> list["Quantity"]:
    """Every figure written in ``text``, in order, with its span in ``text``."""
    return list(_read_quantities(text))


@lru_cache(maxsize=4096)
def _read_quantities(text: str) -> tuple[Quantity, ...]:
    """The figures of ``text``, remembered per text: reading is a pure function of the
    string, and the paper extractor asks about the same string several times over (a
    table's cells are read to find its header rows, to tell a contents list, and for
    their figures)."""
    p = _patterns()
    candidates = _candidates(text)
    if not candidates:
        return ()
    blocked = _blocked(text)
    found: list[Quantity] = []
    taken_until = 0
    open_change = False  # the last figure was the "from" end of a "from X to Y" change
    for match, kind in candidates:
        if match.start() < taken_until or (kind != "slash_fraction" and _inside(match.start(), match.end(), blocked)):
            continue
        spelled = kind != "digits"
        values = _value_of(text, match, kind)
        if values is None or _is_pronoun_one(text, match, kind):
            continue
        raw_value, vague_high = values
        written = match.group(0)
        reading = _Reading(raw_value, match.start(), match.end())
        # "four thousand to five thousand": a number written with its scale word takes no other
        reading.scaled = spelled and regex.search(r"(?:thousand|million|billion)$", written, regex.I) is not None
        floor = found[-1].end if found else 0
        left_verdict = _read_left(text, reading, floor)
        if left_verdict == "label" and not spelled and _p_written_amount(text, match):
            left_verdict = None  # "PS2.7m", "INR1,000": an unknown currency code glued to an amount
            reading.unit, reading.unit_name = "other", text[match.start() - 3 : match.start()].lstrip(" -0123456789")
        if left_verdict in ("label", "base"):
            taken_until = _skip_label_list(text, match.end())
            continue
        if not spelled and _p_section_ref(text, match.end()):
            continue
        _read_scale(text, reading)
        _read_exponent(text, reading)
        verdict = _read_unit(text, reading)
        if verdict == "ordinal":
            continue
        between = text[floor : reading.start]
        change_end = open_change and bool(p["change_to"].fullmatch(between))
        if (
            not spelled
            and not change_end
            and reading.unit == "count"
            and not reading.scaled
            and reading.qualifier is None
            and (_is_year(written, raw_value) or _is_past_year(text, reading, written, found))
        ):
            continue
        if kind in ("digits", "words") and _is_name(text, reading, written, spelled):
            continue
        left = text[max(floor, reading.start - 60) : reading.start]
        change_start = bool(p["from_before"].search(left))
        age = left_verdict == "age" or verdict == "age" or _is_apposed_age(text, reading)
        high = vague_high
        if change_start:
            _borrow_from_other_end(text, reading)
        elif verdict != "rank" and not change_end and high is None and kind not in _FRACTIONS:
            high = _read_range(text, reading, bool(p["between_before"].search(left)))
            if high is not None and not age:
                age = bool(p["age_after"].match(text, reading.end)) and reading.unit == "count"
        per = _read_rate(text, reading) if not age else None
        if age and verdict == "age":
            age_match = p["age_after"].match(text, reading.end)
            if age_match:
                reading.end = age_match.end()
                if "old" in age_match.group(0).lower():
                    unit = regex.search(r"year|month|week|day", age_match.group(0).lower())
                    reading.unit, reading.unit_name = "other", f"{unit.group(0) if unit else 'year'} of age"  # "15-year-old"
        if kind in _FRACTIONS:
            reading.unit = "ratio"
        elif kind == "vague":
            reading.qualifier = reading.qualifier or "approximately"
            money = p["of_currency"].match(text, reading.end)
            if money:
                code = next((c for w, c in phrase_ids("CURRENCY_WORD").items() if w.lower() == money.group("cur").lower()), "other")
                reading.unit, reading.unit_name = code, _currency_name(money.group("cur")) if code == "other" else code
        found.append(
            Quantity(
                value=reading.value,
                unit=reading.unit,
                surface=text[reading.start : reading.end],
                start=reading.start,
                end=reading.end,
                value_high=high,
                per=per,
                qualifier=reading.qualifier,
                unit_name=reading.unit_name,
                spelled=spelled,
                age=age,
                endpoint=change_start or change_end,
                signed=reading.signed,
            )
        )
        open_change = change_start
        taken_until = reading.end
    return tuple(found)


def _is_apposed_age(text: str, reading: _Reading) -> bool:
    """ "Senard, 65, now faces": an age set off by commas after a name."""
    match = _patterns()["apposed_age"].search(text, max(0, reading.start - 30), reading.end + 2)
    return bool(match and match.span("age") == (reading.start, reading.end))


def _p_written_amount(text: str, match: regex.Match[str]) -> bool:
    """Digits glued to a two- or three-letter code that still read as money: "INR1,000", "PS2.7m"."""
    p = _patterns()
    glued_scale = p["scale"].match(text, match.end())
    amount = "," in match.group(0) or bool(glued_scale and not glued_scale.group("space"))
    return amount and bool(p["code_before"].search(text, max(0, match.start() - 60), match.start()))


def _is_past_year(text: str, reading: _Reading, written: str, found: list[Quantity]) -> bool:
    """A year outside 1900-2039 named as one: "in 1600", "A.D. 1000 and 1260", "by 2120"."""
    p = _patterns()
    if not regex.fullmatch(r"[12][0-9]{3}", written) or not 1000 <= reading.value <= 2199:
        return False
    return bool(p["past_year_before"].search(text, max(0, reading.start - 60), reading.start)) and not p["past_year_after"].match(text, reading.end)


def _p_section_ref(text: str, end: int) -> bool:
    return bool(_patterns()["section_ref"].match(text, end))


def _skip_label_list(text: str, end: int) -> int:
    """The end of a list of labels: "Sections 5, 6 and 7", "Section 5-7"."""
    match = _patterns()["label_list"].match(text, end)
    return match.end() if match else end
