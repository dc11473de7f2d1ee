"""Figures in a bare string: each number with its unit, scale, qualifier, range end and rate base.

:func:`find_quantities` is the one finder that both the paper extractor
(:mod:`.statistics`) and the quantities benchmark (``scripts/bench_quantities.py``)
call, so the benchmark measures the library's own code path. It knows only
the string: which figure a paper reports, and about what, is decided later.

Forms: "28,637", "£301,162", "£82.2M", "£187 million", "£37.7k", "$-50.8bn",
"19%", "ten per cent", "1.4 percentage points", "1.6% points", "13.6 per
1,000 population", "1.7 offences per year", "8th lowest", "600 times
higher", "four-fold", "6 to 10", "10% – 13%", "c130", "around 7%", "over
500", "30 yards". Not figures: dates, years and financial years ("2015/16"),
times, "Jun 12", phone numbers, postcodes, reference codes ("24/00108"),
labels ("Item 5", "Section 9", "Quorum 3"), enumerators ("2.1 The SCPB ...",
"(1)"), section references ("4.3 of this report") and rate bases ("per
1,000"). Ages ("aged 14 to 17", "18+", "0-19 year olds") are returned with
``age=True`` because some readers count them; the paper extractor drops them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .dates import MONTHS, find_dates, find_times
from .quantities_vocab import alternation, phrase_ids, phrase_values

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
            rf"(?<![\w-])(?:(?:one|two|three|four|a)[-\s](?:{fraction})\b|{word_number}|a\s+(?:hundred|thousand|million|billion))(?![\w])(?!-(?!fold\b))",
            regex.I,
        ),
        "scale": regex.compile(rf"(?P<space>\s?)(?P<scale>{scale_words})(?![\w])", regex.I),
        "percent": regex.compile(
            rf"\s?(?:(?P<pp>{alternation('PERCENTAGE_POINTS')})|(?P<pc>{alternation('PERCENT')}))(?![\w])", regex.I
        ),
        "points": regex.compile(r"\s?points?\b", regex.I),
        "ordinal": regex.compile(r"(?:st|nd|rd|th)\b", regex.I),
        "rank_after": regex.compile(rf"^(?:[\s,]+\w+){{0,2}}?[\s,]+(?:{alternation('RANK_AFTER')})\b", regex.I),
        "fold": regex.compile(r"[-\s]?fold\b", regex.I),
        "times": regex.compile(rf"\s+times\s+(?:{alternation('TIMES_AFTER')})\b", regex.I),
        "measure": regex.compile(rf"(?P<space>\s?)(?P<unit>{alternation('MEASURE_UNIT')})(?![\w/])"),
        "measure_i": regex.compile(rf"(?P<space>\s?)(?P<unit>{alternation('MEASURE_UNIT')})(?![\w/])", regex.I),
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
        "from_before": regex.compile(r"(?<![\w])from\s*$|(?<![\w])from\s[^.;:()]{0,40}?\sto\s*$", regex.I),
        "between_before": regex.compile(r"(?<![\w])between\s*$", regex.I),
        "month_number": regex.compile(
            r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?[\s-]+(?P<n>[0-3]?[0-9](?:st|nd|rd|th)?(?:\s?[-–]\s?[0-3]?[0-9](?:st|nd|rd|th)?)?)\b(?![,.]?[0-9])",
            regex.I,
        ),
        "fiscal": regex.compile(r"(?<![0-9])(?P<a>(?:19|20)[0-9]{2})\s?[/–—-]\s?(?P<b>(?:19|20)?[0-9]{2})(?![0-9])"),
        "phone": regex.compile(r"(?<![\w])(?:\+44\s?\(?0?\)?|0)[0-9]{2,4}[\s-]?[0-9]{3,4}[\s-]?[0-9]{3,4}(?![0-9])"),
        "score": regex.compile(r"(?<![\w.,/-])(?P<a>[0-9]{1,3})-(?P<b>[0-9]{1,3})(?![\w.,/%-])"),
        "timestamp": regex.compile(
            r"(?<![\w])(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9](?:T[0-9:.]+Z?)?(?![\w])"
            r"|(?<![\w.:])[0-2][0-9][0-5][0-9]\s?(?:GMT|UTC|BST|CET|EDT|EST|PDT|PST|Zulu)\b"
        ),
        "postcode": regex.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b"),
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
        "glued_c": regex.compile(r"(?<![\w])c\.?$", regex.I),
        "per_before": regex.compile(r"(?<![\w])per\s*$", regex.I),
        "and": regex.compile(r"\s+and\s+"),
        "label_list": regex.compile(r"(?:\s*(?:,|and|&|-|–|to)\s*[0-9]+(?:\.[0-9]+)*)*"),
        "section_ref": regex.compile(r"\s+of\s+(?:this|the)\s+(?:report|document|paper|agenda|strategy|plan|act|guidance)\b", regex.I),
    }


def _number_word_value(text: str) -> float | None:
    """"twenty-five" -> 25, "two hundred" -> 200, "a million" -> 1e6, "two-thirds" -> 0.667."""
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
    for name in ("phone", "postcode", "slash", "enumerator", "address", "service_number", "timestamp"):
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
        reading.start -= len(left) - currency.start()
        left = left[: currency.start()]
        if left.endswith(("-", "−")):
            reading.value, reading.signed = -reading.value, True
            reading.start -= 1
            left = left[:-1]
    elif left and (left[-1].isalpha() or (left[-1] in "-‐" and len(left) > 1 and left[-2].isalpha())):
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
    match = _patterns()["scale"].match(text, reading.end)
    if not match:
        return
    scale = match.group("scale")
    glued = not match.group("space")
    if scale.lower() in ("m", "k") and not glued:
        return
    if scale == "m" and reading.unit == "count" and float(reading.value).is_integer():
        return  # "400m" without a currency is metres
    reading.value *= phrase_values("SCALE")[scale.lower()]
    reading.scaled = True
    reading.end = match.end()


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
            reading.unit, reading.unit_name, reading.end = code, code, currency.end()
            return None
        measure = p["measure"].match(text, reading.end) or p["measure_i"].match(text, reading.end)
        if measure and (measure.group("space") or len(measure.group("unit")) > 1 or not text[measure.end() : measure.end() + 1].isalpha()):
            unit = measure.group("unit")
            if len(unit) <= 2 and measure.group("space") and unit.lower() in ("m", "g", "p", "c", "f"):
                return None
            names = phrase_ids("MEASURE_UNIT")
            reading.unit = "other"
            reading.unit_name = names.get(unit) or next((n for w, n in names.items() if w.lower() == unit.lower()), unit)
            reading.end = measure.end()
    return None


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
    if match and match.group("cur"):
        reading.unit = phrase_ids("CURRENCY_PREFIX").get(match.group("cur"), "other")
    _read_scale(text, reading)
    if _read_unit(text, reading) in ("rank", "ordinal"):
        return None
    return reading, raw


def _read_range(text: str, reading: _Reading, between: bool) -> float | None:
    """"6 to 10", "10% – 13%", "$1.5 million to $2 million", "between 5 and 7": the upper end, or None."""
    connector = _patterns()["range"].match(text, reading.end)
    if between:
        connector = _patterns()["and"].match(text, reading.end) or connector
    if not connector:
        return None
    second = _second_number(text, connector.end())
    if second is None:
        return None
    high, high_raw = second
    if high.unit != "count" and high.unit != reading.unit:
        if reading.unit != "count":
            return None
        reading.unit, reading.unit_name = high.unit, high.unit_name  # "6 to 10%": the unit printed once
    if high.scaled and not reading.scaled:
        reading.value *= high.value / high_raw  # "1.5 to 2 million": the scale printed once
        reading.scaled = True
    if high.value <= reading.value:
        return None
    reading.end = high.end
    return high.value


def find_quantities(text: str) -> list["Quantity"]:
    """Every figure written in ``text``, in order, with its span in ``text``."""
    p = _patterns()
    candidates = [(m, False) for m in p["digits"].finditer(text)] + [(m, True) for m in p["words"].finditer(text)]
    if not candidates:
        return []
    candidates.sort(key=lambda item: item[0].start())
    blocked = _blocked(text)
    found: list[Quantity] = []
    taken_until = 0
    for match, spelled in candidates:
        if match.start() < taken_until or _inside(match.start(), match.end(), blocked):
            continue
        written = match.group(0)
        if spelled:
            raw_value = _number_word_value(written)
            if raw_value is None:
                continue
        else:
            if text[match.end() : match.end() + 1] == "/" or text[max(0, match.start() - 1) : match.start()] == "/":
                continue
            raw_value = float(written.replace(",", ""))
        reading = _Reading(raw_value, match.start(), match.end())
        floor = found[-1].end if found else 0
        left_verdict = _read_left(text, reading, floor)
        if left_verdict in ("label", "base"):
            taken_until = _skip_label_list(text, match.end())
            continue
        if not spelled and _p_section_ref(text, match.end()):
            continue
        _read_scale(text, reading)
        verdict = _read_unit(text, reading)
        if verdict == "ordinal":
            continue
        if (
            not spelled
            and reading.unit == "count"
            and not reading.scaled
            and reading.qualifier is None
            and _is_year(written, raw_value)
        ):
            continue
        left = text[max(floor, reading.start - 60) : reading.start]
        endpoint = bool(p["from_before"].search(left))
        age = left_verdict == "age" or verdict == "age"
        high = None
        if verdict != "rank" and not endpoint:
            high = _read_range(text, reading, bool(p["between_before"].search(left)))
            if high is not None and not age:
                age = bool(p["age_after"].match(text, reading.end)) and reading.unit == "count"
        per = _read_rate(text, reading) if not age else None
        if age and verdict == "age":
            age_match = p["age_after"].match(text, reading.end)
            if age_match:
                reading.end = age_match.end()
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
                endpoint=endpoint,
                signed=reading.signed,
            )
        )
        taken_until = reading.end
    return found


def _p_section_ref(text: str, end: int) -> bool:
    return bool(_patterns()["section_ref"].match(text, end))


def _skip_label_list(text: str, end: int) -> int:
    """The end of a list of labels: "Sections 5, 6 and 7", "Section 5-7"."""
    match = _patterns()["label_list"].match(text, end)
    return match.end() if match else end
