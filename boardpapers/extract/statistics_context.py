"""What a figure in a sentence is about: its metric, direction, comparison and place.

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
from .quantities import Quantity
from .quantities_vocab import alternation, phrase_ids, phrases

__all__ = ["clause_bounds", "comparison_of", "direction_of", "metric_of", "place_of"]

_CLAUSE_BREAK = regex.compile(r"[;:()\[\]–—]|,\s|\s-\s|\.\s|\bwhile\b|\bwhilst\b|\bbut\b|\bwhich\b|\s=\s")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    direction = alternation("DIRECTION")
    qualifier = alternation("QUALIFIER")
    return {
        # "a reduction in crime in Barnet of around", "increasing by", "up", "decreased by"
        "before": regex.compile(
            rf"\b(?P<w>{direction})\b(?:\s+(?:in|of)\s+[^,;()0-9]{{0,45}}?)?(?:\s+(?:of|by|to))?\s*(?:(?:{qualifier})\s*)?(?:a\s+factor\s+of\s*)?$",
            regex.I,
        ),
        # "19% reduction", "2,059 crimes fewer", "1000 fewer burglaries", "21% London increase"
        "after": regex.compile(rf"^\s*(?:[A-Za-z&'-]+\s+){{0,2}}?(?P<w>{direction})\b(?!\s+than\b)", regex.I),
        "place": regex.compile(rf"(?<![\w])(?P<p>{alternation('PLACE')})(?![\w])(?:'s)?"),
        "comparison": regex.compile(
            r"\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|than|vs\.?|versus|on|from|since|against|over)\s+"
            r"(?P<c>(?:the\s+)?(?:equivalent|same|previous|prior|last|a|one|two|three|[0-9]{1,2})?[^,;.()]{0,50}?"
            r"(?:year ago|years ago|months ago|baseline|average|previous year|last year|year before|prior|period|quarter|"
            r"London(?:'s)?|20[0-9]{2}(?:/[0-9]{2,4})?(?: baseline)?|results|estimates))\b",
            regex.I,
        ),
        "since_baseline": regex.compile(r"\b(?:since|vs\.?|versus|compared to|against)\s+(?:the\s+)?(?P<c>(?:FY\s*)?20[0-9]{2}/[0-9]{2,4}\s+baseline|[0-9]{2}/[0-9]{2}\s+baseline)", regex.I),
        "leading": regex.compile(rf"^(?:(?:{alternation('LEADING_WORD')})\b\s*)+", regex.I),
        "subject_verb": regex.compile(rf"\s(?:{alternation('SUBJECT_VERB')})\b", regex.I),
        "phrase_end": regex.compile(rf"^(?:{alternation('PHRASE_END')})$", regex.I),
        "place_not_after": regex.compile(rf"(?:{alternation('PLACE_NOT_AFTER')})\s*$", regex.I),
        "place_not_before": regex.compile(rf"^\s*(?:{alternation('PLACE_NOT_BEFORE')})\b"),
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
    ids = {w.lower(): d for w, d in phrase_ids("DIRECTION").items()}
    p = _patterns()
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
    """What a change is measured against ("equivalent period a year ago", "2011/12 baseline")."""
    p = _patterns()
    for name in ("since_baseline", "comparison"):
        candidates = list(p[name].finditer(sentence))
        if candidates:
            best = min(candidates, key=lambda m: abs(m.start() - figure.end) if m.start() >= figure.end else (figure.start - m.end()) * 2)
            return clean_line(regex.sub(r"^the\s+", "", best.group("c"), flags=regex.I))
    return None


def place_of(sentence: str, figure: Quantity) -> str | None:
    """The place named in the figure's clause (the nearest), skipping places it is compared with."""
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


def _noun_phrase(words: list[str], *, max_words: int = 6) -> str | None:
    """Leading words of ``words`` up to a word that ends a noun phrase ("in", "were", ...)."""
    p = _patterns()
    kept: list[str] = []
    for word in words:
        bare = word.strip(".,;:!?\"'“”‘’*")
        if not bare or p["phrase_end"].match(bare) and bare.lower() != "of":
            break
        if bare.lower() == "of" and (not kept or kept[-1].lower() not in _generic()):
            if not kept:
                break
            if len(kept) >= 2:
                break
        if bare[:1].isdigit():
            break
        kept.append(bare)
        if word[-1:] in ",;:" or len(kept) >= max_words:
            break
    while kept and p["phrase_end"].match(kept[-1]):
        kept.pop()
    return " ".join(kept) or None


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(p.lower() for p in phrases("GENERIC_HEAD"))


def _strip_generic(phrase: str) -> str:
    """"cases of Residential Burglary" -> "Residential Burglary"."""
    words = phrase.split()
    if len(words) > 2 and words[0].lower() in _generic() and words[1].lower() == "of":
        return " ".join(words[2:])
    return phrase


_NOT_A_METRIC = regex.compile(
    r"^(?:compared|comparison|in comparison|increase|decrease|reduction|rise|fall|drop|significant(?:ly)?|placed|equivalent|"
    r"although|when|just|above|below|lower|higher|decreased|increased|over|under|result|note|data|remaining|majority)\b"
    r"|\b(?:compared to|of|and|to|from)$|[0-9]",
    regex.I,
)


def _tidy(phrase: str | None) -> str | None:
    """A clean metric, or None when what is left is a connective, a place or a number, not a thing measured."""
    if not phrase:
        return None
    phrase = clean_line(regex.sub(r"[*_`]+|\s*\(\s*$|^\W+|[\s,;:–—-]+$", "", phrase))
    phrase = _patterns()["leading"].sub("", phrase)
    phrase = regex.sub(r"\s+(?:in|of|for|at|to|by)\s+(?:Barnet|London|the borough)\b.*$", "", phrase)
    phrase = regex.sub(r"\s+(?:in|over|during)\s+the\s+(?:last|past)\b.*$", "", phrase, flags=regex.I)
    phrase = regex.sub(r"[\s,;:–—\"'”’)-]+$|^[\"'“‘(]+", "", phrase)
    if _NOT_A_METRIC.search(phrase) or phrase in phrase_ids("PLACE") or not regex.search(r"[A-Za-z]{2}", phrase):
        return None
    return phrase


def metric_of(sentence: str, figure: Quantity, previous_end: int) -> str | None:
    """The thing measured, short: the counted noun ("28,637 crimes"), what a share or change is of
    ("a 19% reduction in Burglary", "88% of residents"), else the clause's subject."""
    after_text = sentence[figure.end : figure.end + 120]
    if figure.unit == "rank":
        ranked = regex.match(rf"^\s*(?:{alternation('RANK_AFTER')})\s+(?P<np>.+)", after_text, regex.I)
        if ranked:
            words = ranked.group("np").split()
            kept = []
            for word in words[:8]:
                if regex.match(r"^(?:out|among|in|amongst|across|from|for|this|compared|and|;)$", word, regex.I) or word[:1].isdigit():
                    break
                kept.append(word)
            return _tidy(" ".join(kept))
    if figure.unit in ("count", "GBP", "USD", "EUR", "other") or (figure.unit == "rate" and figure.per and figure.surface.split()[1:2] != ["per"]):
        words = after_text.split()
        while words and words[0].lower().strip(",") in ("fewer", "more", "additional", "extra", "new", "further", "reported", "recorded", "of"):
            if words[0].lower() == "of" and len(words) > 1 and words[1].lower() in ("these", "which", "the", "them"):
                break
            words = words[1:]
        if figure.unit == "rate":
            words = figure.surface.split()[1:2]  # "80.6 crimes per 1,000 people": the noun inside the rate
        noun = _noun_phrase(words) if words and words[0][:1].isalpha() and words[0][:1].islower() or (words and figure.unit == "count" and words[0][:1].isupper()) else None
        if noun:
            return _tidy(_strip_generic(noun))
    if figure.unit in ("percent", "percentage_points", "ratio"):
        tail = regex.match(
            r"^\s*(?:(?:of|reduction|decrease|increase|rise|fall|drop|cut|reductions|increases)\s+(?:in|of)\s+|of\s+)(?:the\s+)?(?:number\s+of\s+)?(?P<np>.+)",
            after_text,
            regex.I,
        )
        if tail and not regex.match(r"(?:around|about|over|the\s+London)\b", tail.group("np"), regex.I):
            noun = _noun_phrase(tail.group("np").split())
            if noun:
                return _tidy(_strip_generic(noun))
        before = regex.search(
            r"(?:reduction|decrease|increase|rise|fall|drop)\s+(?:in|of)\s+(?P<np>[^,;()0-9]{2,60}?)\s+(?:in\s+\w+\s+)?(?:of|by)\s+(?:[a-z]+\s+)?$",
            sentence[max(previous_end, figure.start - 90) : figure.start],
            regex.I,
        )
        if before:
            return _tidy(before.group("np"))
    left, right = clause_bounds(sentence, figure.start, figure.end)
    head = sentence[max(left, previous_end) : figure.start]
    verb = _patterns()["subject_verb"].search(head)
    subject = head[: verb.start()] if verb else ""
    if not subject and left > 0 and sentence[left - 1 : left] in ("(",) and figure.unit in ("percent",):
        outer_left, _ = clause_bounds(sentence, left - 1, left - 1)
        subject = sentence[outer_left : left - 1]
    if not subject.strip() and not verb:
        subject = head
    subject = regex.sub(r"\b(?:there|it|this|that)\b\s*$", "", subject, flags=regex.I)
    return _tidy(subject)
