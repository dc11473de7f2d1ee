"""What a figure measures, short and clean: its metric.

Read from the figure's own clause first (the counted noun of "28,637 crimes",
what a share or change is of in "a 19% reduction in Burglary", a label
printed before it, the phrase a bracketed figure follows, the clause's
subject), then from the sentence as a whole (:func:`sentence_subject`) and,
for a layout's lone figure, from the label above it (:func:`label_metric`).
Words are data (``statistics_words.jsonl``); the clause reading is shared
with :mod:`.statistics_context`.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..document import clean_line
from .quantities import Quantity
from .quantities_vocab import alternation, phrase_ids, phrases
from .statistics_context import clause_bounds
from .statistics_periods import find_periods

__all__ = ["label_metric", "metric_of", "sentence_subject"]

_QUOTES = "\"'‘’“”"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    return {
        "place": regex.compile(rf"(?<![\w])(?P<p>{alternation('PLACE')})(?![\w])(?:'s)?"),
        "leading": regex.compile(rf"^(?:(?:{alternation('LEADING_WORD')})(?:\s+|$))+", regex.I),
        "subject_verb": regex.compile(rf"\s(?:{alternation('SUBJECT_VERB')})\b", regex.I),
        "verb": regex.compile(alternation("SUBJECT_VERB"), regex.I),
        "phrase_end": regex.compile(rf"^(?:{alternation('PHRASE_END')})$", regex.I),
        # "Barnet's most prolific offenders": a place owning the thing is not part of its name
        "place_owner": regex.compile(rf"^(?:{alternation('PLACE')})(?:'s|’s|s')\s+"),
        # "Barnet young people": a place before a noun phrase says where, not what
        "place_before": regex.compile(rf"^(?:{alternation('PLACE')})\s+(?=[a-z])"),
        # "residents are satisfied with ...", "residents agree that ...": a group and the view it holds
        "view": regex.compile(
            r"^(?P<who>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)\s+(?:(?:that|who)\s+)?(?:(?:are|were|is|was|feel|felt)\s+)?"
            rf"(?P<view>(?:(?:very|fairly)\s+(?:or\s+fairly\s+)?)?(?:{alternation('VIEW')}))\b(?:\s+that\b)?(?P<what>[^,;()–—.]*)",
            regex.I,
        ),
        # "crimes were classified as Sanction Detections", "residents have signed up to become Champions"
        "recounted": regex.compile(
            r"^(?:[\w'’-]+\s+){1,4}?(?:(?:were|was|have\s+been|had\s+been)\s+(?:classified|recorded|counted|categori[sz]ed)\s+as"
            r"|(?:have|has|had)\s+(?:signed\s+up\s+to\s+)?become|became)\s+(?:an?\s+|the\s+)?(?P<np>[A-Za-z].*)",
            regex.I,
        ),
        "determiner": regex.compile(r"^(?:a|an|the|this|that|its|their|our)$", regex.I),
    }


_AGE_GROUP = regex.compile(r"^[0-9]{1,2}\s*(?:-|–|to)\s*[0-9]{1,2}[- ]year[- ]olds?\b", regex.I)


def _noun_phrase(words: list[str], *, max_words: int = 6) -> str | None:
    """Leading words of ``words`` up to a word that ends a noun phrase ("in", "were", "(", a verb, a dash).
    An age group may open it: "10 to 18-year-olds found", "0-19 year olds"."""
    p = _patterns()
    kept: list[str] = []
    age = _AGE_GROUP.match(" ".join(words[:5]))
    if age:
        kept.append(age.group(0))
        words = words[len(age.group(0).split()) :]
    for word in words:
        if word[:1] in "([" or word in ("–", "—", "-"):
            break
        bare = word.strip(".,;:!?\"'“”‘’*)")
        if not bare or p["phrase_end"].match(bare) and bare.lower() != "of" or kept and p["verb"].fullmatch(bare):
            break
        if bare.lower() == "of" and (not kept or kept[-1].lower() not in _generic()):
            if not kept:
                break
            if len(kept) >= 2:
                break
        if bare[:1].isdigit():
            break
        kept.append(_SUPERSCRIPTS.sub("", bare))
        if word[-1:] in ",;:(" or len(kept) >= max_words or _SUPERSCRIPTS.search(bare):
            break  # a footnote mark ends a phrase: "Sanction Detections¹² out of"
    while kept and p["phrase_end"].match(kept[-1]):
        kept.pop()
    return " ".join(kept) or None


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(p.lower() for p in phrases("GENERIC_HEAD"))


@lru_cache(maxsize=1)
def _source_heads() -> frozenset[str]:
    """Nouns naming where a figure comes from ("Youth Justice Service data shows", "The census shows"),
    which head the subject of a sentence without being the thing it measures."""
    return frozenset(p.lower() for p in phrases("SOURCE_HEAD"))


def _strip_generic(phrase: str) -> str:
    """"cases of Residential Burglary" -> "Residential Burglary", "figure for economic activity" -> "economic activity",
    "the level of concern over gangs" -> "concern over gangs"."""
    words = phrase.split()
    if len(words) > 3 and _patterns()["determiner"].match(words[0]) and words[1].lower() in _generic():
        words = words[1:]  # "the level of concern over gangs"
    if len(words) > 2 and words[0].lower() in _generic() and words[1].lower() in ("of", "for"):
        return " ".join(words[2:])
    return phrase


_NOT_A_METRIC = regex.compile(
    r"^(?:compared|comparison|in comparison|increase|decrease|reduction|rise|fall|drop|significant(?:ly)?|placed|equivalent|"
    r"although|when|just|above|below|lower|higher|decreased|increased|over|under|result|note|data|remaining|majority|"
    r"comparative figure|approximately|around|about|average(?:\s+(?:for|of|in)\b|$))\b"
    r"|\b(?:compared to|of|and|to|from|average)$|(?<!\bper\s)(?<![\w-])[0-9][0-9,.]*(?![\w-])",
    regex.I,
)
_SUPERSCRIPTS = regex.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def _without_place_tail(phrase: str) -> str:
    """"residential burglary in Barnet" -> "residential burglary": where is the place field's."""
    return regex.sub(r"\s+(?:in|of|for|at|to|by)\s+(?:the\s+)?(?:" + alternation("PLACE") + r"|the borough|their (?:local )?area)\b.*$", "", phrase)


def _tidy(phrase: str | None, max_words: int = 12) -> str | None:
    """A clean metric, or None when what is left is a connective, a place or a number, not a thing measured."""
    if not phrase:
        return None
    phrase = clean_line(regex.sub(r"[*_`]+|\s*\(\s*$|^\W+|[\s,;:–—-]+$", "", _SUPERSCRIPTS.sub("", phrase)))
    p = _patterns()
    phrase = regex.sub(r"^compared\s+(?:to|with)\s+[^,]*?\b(?:ago|year|period|baseline)\s+", "", phrase, flags=regex.I)
    for _ in range(3):
        phrase = p["leading"].sub("", phrase)
        phrase = p["place_owner"].sub("", phrase)
        phrase = p["place_before"].sub("", phrase)
    phrase = _without_place_tail(phrase)
    phrase = regex.sub(r"\s+(?:in|over|during)\s+the\s+(?:last|past)\b.*$", "", phrase, flags=regex.I)
    phrase = regex.sub(r"[\s,;:–—\"'”’)-]+$|^[\"'“‘(]+|\s*\([^)]*$", "", phrase)
    if _NOT_A_METRIC.search(_AGE_GROUP.sub("", phrase)) or phrase in phrase_ids("PLACE") or not regex.search(r"[A-Za-z]{2}", phrase):
        return None
    words = phrase.split()
    if len(words) > max_words or p["phrase_end"].match(words[-1]) or regex.fullmatch(alternation("QUALIFIER"), words[-1], regex.I):
        return None  # a run of a sentence ("... demonstrated a", "prior to having IOM to around"), not a name
    if words[-1].lower() in _source_heads():
        return None
    if len(words) == 1 and (p["phrase_end"].match(phrase) or regex.fullmatch(alternation("DIRECTION"), phrase, regex.I)):
        return None
    return phrase


def _masked(sentence: str, figure: Quantity) -> str:
    """``sentence`` with each bracketed aside that does not hold the figure blanked out (same length),
    so "Burglary (business and community) increased by 7.1%" reads as its subject and verb."""
    def blank(m: regex.Match[str]) -> str:
        if m.start() <= figure.start < m.end():
            return m.group(0)
        return " " * len(m.group(0))

    return regex.sub(r"\([^()]*\)", blank, sentence)


def _without_periods(phrase: str) -> str:
    """A subject with the period it opens or closes with removed: "Over the last 12 months total ASB calls"
    -> "total ASB calls"; the words after a period are the subject when there are any."""
    periods = [p for p in find_periods(phrase)]
    if not periods:
        return phrase
    after = regex.sub(r"^[\s,]+", "", phrase[periods[-1].end :])
    if regex.search(r"[A-Za-z]{3}", after) and not _CONNECTIVE.match(after):
        return after
    return regex.sub(r"(?:\s+(?:in|over|during|for|from|since|between|of|to))+\s*$", "", phrase[: periods[0].start])


_CONNECTIVE = regex.compile(r"(?:compared|than|vs\.?|versus|against|and|or|to|from|in|for|of|on)\b", regex.I)


_OPENING_ADVERBIAL = regex.compile(
    r"^\s*(?:after|following|despite|given|before|with|without)\b[^,]*?\s(?=(?:our|the|their|its|this|these)\s)", regex.I
)


def _subject(sentence: str, figure: Quantity, previous_end: int) -> str | None:
    """The noun phrase the figure's clause is about: the words before its verb ("residential burglary is up
    around 2%"), else the clause's opening words up to a word of change ("Burglary overall reduction of 8.6%")."""
    p = _patterns()
    masked = _masked(sentence, figure)
    left, _right = clause_bounds(masked, figure.start, figure.end)
    begin = max(left, previous_end)
    head = masked[begin : figure.start]
    if begin == previous_end and previous_end > left:
        # After another figure of the same clause: "... compared to 2011/12 and robbery more than 30% down".
        joined = list(regex.finditer(r"\b(?:and|or)\s", head))
        head = head[joined[-1].end() :] if joined else head
    verbs = list(p["subject_verb"].finditer(head))
    if verbs:
        group = verbs[-1]
        start = group.start()
        for earlier in reversed(verbs[:-1]):
            if regex.fullmatch(r"\s*(?:(?:also|still|now|not|all|both)\s*)*", head[earlier.end() : start]):
                start = earlier.start()
            else:
                break
        # "It was noted that Hate Crime incidents were 600 times higher": the subject is the verb's own.
        previous = [v.end() for v in verbs if v.end() <= start]
        cuts = [m for m in regex.finditer(r"\b(?:that|which|who|whom|whose)\s", head[:start])]
        subject = head[max(previous + [m.end() for m in cuts] + [0]) : start]
        share = regex.search(r"\b(?:proportion|percentage|share)\s+of\s+(?P<group>(?:[\w'’-]+\s+){0,2}[\w'’-]+)\s+$", head[: cuts[-1].start()]) if cuts else None
        if share and subject.strip():
            # "the proportion of residents who rated policing as 'excellent' or 'good' was up 4%"
            subject = f"{share.group('group')} {regex.sub(r'[' + _QUOTES + r']', '', subject)}"
        elif not subject.strip() and cuts:
            # "a rate of violent crime per 1000 population that is 29% below": the relative clause's noun
            subject = head[max(previous + [0]) : cuts[-1].start()]
    else:
        change = regex.search(rf"\b(?:overall\s+)?(?:{alternation('DIRECTION')})\b", head, regex.I)
        subject = head[: change.start()] if change and change.start() > 0 else head
    subject = regex.sub(r"\b(?:there|it|this|that)\b\s*$", "", subject, flags=regex.I)
    # "after current spending plans our balance remains at £11,000": an opening adverbial is no part of the subject
    subject = regex.sub(_OPENING_ADVERBIAL, "", subject)
    return _tidy(_strip_generic(_tidy(_without_periods(subject)) or ""))


def sentence_subject(sentence: str) -> str | None:
    """What the sentence as a whole is about, for a figure whose own clause names nothing: in "Theft from
    person is the one MOPAC7 crime type to go up; the increase in Barnet exceeds the London average 10%
    increase", the 10% is about theft from person."""
    masked = regex.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), sentence)
    verb = _patterns()["subject_verb"].search(masked[:160])
    if not verb:
        return None
    head = masked[: verb.start()]
    head = head[clause_bounds(head, len(head), len(head))[0] :]
    subject = _without_periods(head)
    return _with_view(_strip_generic(_patterns()["leading"].sub("", subject.strip()))) or _tidy(_strip_generic(_tidy(subject) or ""))


def _parenthesised_after(sentence: str, figure: Quantity) -> str | None:
    """A figure opening a bracket names no thing of its own: "Majority of young people (94%)",
    "'Cigarette litter' (82%)", "improving town centres (increased by 3 percentage points)" are about
    the noun phrase the bracket follows."""
    opened = regex.search(
        rf"\(\s*(?:(?:{alternation('DIRECTION')}|{alternation('QUALIFIER')}|by|of|at|to|from|a|an|the)\s+)*$",
        sentence[: figure.start],
        regex.I,
    )
    if not opened or figure.start - opened.start() > 30:
        return None
    before = sentence[: opened.start()]
    if regex.search(r"[0-9%]\s*$", before):
        return None  # "... down 16% (8,379 compared to 9,944)": the figure before says what it counts
    left, _ = clause_bounds(_masked(before, figure), len(before), len(before))
    phrase = before[left:]
    closed = phrase.rfind(")")
    if closed >= 0:
        phrase = regex.sub(r"^[\s,]*(?:and|or)?\s+", "", phrase[closed + 1 :])  # "harm (38% ...) and supporting ..."
    viewed = _with_view(_strip_majority(phrase))
    if viewed:
        return viewed  # "[most residents are] very or fairly satisfied that ... (70% RPS)"
    verbs = list(_patterns()["subject_verb"].finditer(phrase))
    if verbs and len(phrase[verbs[-1].end() :].split()) >= 2:
        phrase = phrase[verbs[-1].end() :]  # "The most common reason ... was 'Cigarette litter' (82%)"
    elif verbs:
        phrase = phrase[: verbs[-1].start()]  # "Overall user satisfaction ... was strong (100%)"
    phrase = regex.sub(r"^\s*(?:followed\s+by|for\s+example|such\s+as|including|e\.g\.)\s+", "", phrase, flags=regex.I)
    # "Increased engagement of ... offenders in treatment (up 8% ...)": the change is the bracket's
    phrase = regex.sub(r"^\s*(?:increased|reduced|decreased|improved|higher|lower|greater|fewer|more)\s+(?=[a-z])", "", phrase, flags=regex.I)
    return _tidy(_strip_generic(_strip_majority(phrase)))


def _strip_majority(phrase: str) -> str:
    return regex.sub(r"^\s*(?:the\s+)?(?:(?:vast\s+)?majority|minority|most|many|some|all)\s+of\s+(?:the\s+)?", "", phrase, flags=regex.I)


def _labelled(sentence: str, figure: Quantity) -> str | None:
    """A label printed before the figure: "Total Hate Crime allegations of all types in NWBCU = 531",
    "Job Seekers Allowance Claimants: 7.1% of population", and a dash before a figure ending its line
    ("CRC 2019-71: Green Home Solutions - $4,650.00")."""
    before = sentence[max(0, figure.start - 120) : figure.start]
    ends_line = not sentence[figure.end :].strip(" .;")
    mark = (_LABEL_MARK if not ends_line else _LINE_LABEL_MARK).search(before[-30:])
    if not mark:
        return None
    label = before[: len(before) - 30 + mark.start() if len(before) > 30 else mark.start()]
    label = regex.split(r"[=:;()\n]", label)[-1][-90:]
    if len(label.strip()) < 2 or regex.search(r"[0-9]\s*$", label):
        return None
    return _tidy(regex.sub(r"^\s*(?:total|overall)\s+", "", label, flags=regex.I))


def label_metric(label: str) -> str | None:
    """A label line as a metric: "Total cases Jun 12 – Aug 13" -> "Total cases" (the dates after a label say
    when, not what), "... after entering IOM programme:" without its colon."""
    dated = regex.search(r"[0-9]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b", _without_periods(label))
    return _tidy(label[: dated.start()] if dated else label)


_LABEL_MARK = regex.compile(r"\s*[=:]\s*(?:[A-Za-z]+\s+)?$")
_LINE_LABEL_MARK = regex.compile(rf"{_LABEL_MARK.pattern}|\s[-–—]\s+$")  # a dash labels a figure ending its line


_VIEW_WORDS = 12


def _with_view(text: str) -> str | None:
    """A share of people holding a view names the view too: "88% of residents are satisfied with their local
    area" is about "residents satisfied with their local area", "84% of residents agree that 'people ... get
    on well together'" about "residents agree people ... get on well together", not about "residents"."""
    found = _patterns()["view"].match(regex.sub(rf"[{_QUOTES}]", "", text))
    if not found:
        return None
    what = _without_place_tail(found.group("what")).split()[:_VIEW_WORDS]
    return _tidy(" ".join([found.group("who"), found.group("view"), *what]), max_words=_VIEW_WORDS + 6)


def _named_of(sentence: str, figure: Quantity) -> str | None:
    """The noun phrase a figure is "of": "a Sanction Detection Rate of 13.6%", "an audience of over 200",
    "a 2011 population of 356,400" (not a change: "a reduction of 20%")."""
    m = regex.search(
        rf"(?P<np>(?:[\w'’-]+\s+){{0,4}}?[A-Za-z'’-]+)\s+of\s+(?:(?:{alternation('QUALIFIER')})\s+)?$",
        sentence[max(0, figure.start - 80) : figure.start],
        regex.I,
    )
    if not m:
        return None
    words = m.group("np").split()
    p = _patterns()
    while words and not p["determiner"].match(words[0]):
        words = words[1:]
    if not words:
        return None
    words = [w for w in words[1:] if not w[:1].isdigit()]  # "a 2011 population of 356,400"
    head = words[-1].lower() if words else ""
    if (
        not words
        or regex.fullmatch(alternation("DIRECTION"), head, regex.I)
        or (len(words) == 1 and head in _generic())
        or head in ("factor", "average", "figure")
        or _PERIOD_WORD.search(" ".join(words))
    ):
        return None
    return _tidy(" ".join(words))


def _named_after_share(sentence: str, figure: Quantity) -> str | None:
    """A share printed before its noun: "40.3% BAME population", "76.8% employed", "the 85% sign up rate"."""
    after = sentence[figure.end : figure.end + 80]
    words = after.split()
    if not words or not regex.match(r"^\s[\"'‘“]?[A-Za-z]", after):
        return None
    words = [w.strip("\"'‘’“”") for w in words]
    p = _patterns()
    if p["place"].fullmatch(words[0].strip(".,;:)")) and len(words) > 1:
        words = words[1:]  # "the 21% London increase"
    first = words[0].strip(".,;:!?)").lower()
    if regex.fullmatch(alternation("DIRECTION"), first, regex.I) or p["phrase_end"].match(first) or first in _NOT_AFTER_SHARE:
        return None
    if regex.match(r"^\w+(?:ed|ing)$", first) and len(words) > 1 and p["phrase_end"].match(words[1].strip(".,;:")):
        return None  # "51% resulted in no further action": a verb, not a noun
    noun = _noun_phrase(words)
    if noun is None or _PERIOD_WORD.search(noun) or regex.fullmatch(r"[A-Z]{2,6}", noun):
        return None  # "44% two years previously", "(72% PAS)"
    return _tidy(noun)


_PERIOD_WORD = regex.compile(r"\b(?:years?|months?|weeks?|quarters?|period|baseline)\b", regex.I)
_NOT_AFTER_SHARE = frozenset({"of", "points", "point", "per", "approximately", "around", "about", "respectively", "overall", "said", "saying", "excellent"})


def _ranked(after_text: str) -> str | None:
    """What a rank ranks: "8th lowest rate of crime per 1,000 population out of all 32 London boroughs",
    "4th largest in London by size"."""
    ranked = regex.match(rf"^\s*(?:{alternation('RANK_AFTER')})\s+(?P<np>.+)", after_text, regex.I)
    if not ranked:
        return None
    by = regex.match(r"^(?:in|among|of)\s+[^,;()]{1,30}?\s+by\s+(?!far\b|much\b|some\b|a\b)(?P<what>[a-z]+(?:\s+[a-z]+)?)\b", ranked.group("np"))
    if by:
        return _tidy(by.group("what"))  # "4th largest in London by size"
    kept: list[str] = []
    for word in ranked.group("np").split()[:8]:
        if regex.match(r"^(?:out|among|in|amongst|across|from|for|this|compared|and|;)$", word, regex.I):
            break
        if word[:1].isdigit() and not (kept and kept[-1].lower() == "per"):
            break
        kept.append(word)
    return _tidy(" ".join(kept))


def _rate_of(sentence: str, figure: Quantity, previous_end: int) -> str | None:
    """"The rate of residential burglary ... equates to 13 offences per 1,000 households" is about residential
    burglary; "", when a later rate's clause has no subject ("falling from 16 offences per 1,000"), so that
    the caller keeps the earlier figure's."""
    subject = _subject(sentence, figure, previous_end)
    if subject:
        return _tidy(regex.sub(r"^(?:the\s+)?rate\s+of\s+", "", subject, flags=regex.I))
    return "" if previous_end else None


_COUNT_LEAD = ("fewer", "more", "additional", "extra", "new", "further", "reported", "recorded", "of", "such")


def _counted(sentence: str, figure: Quantity, previous_end: int) -> str | None:
    """The noun a count or amount counts: "28,637 crimes", "1000 fewer burglaries", "around 60 of the 336
    reductions in Barnet's residential burglary". Things counted as something else count as that: "3,369 crimes
    were classified as Sanction Detections", "500 residents have signed up to become Champions". A bare
    generic noun a subject moved by takes the subject in front: "crime in Barnet rose by 1,685 incidents"
    counts "crime incidents"."""
    words = [w.strip("\"'‘’“”") for w in sentence[figure.end : figure.end + 120].split()]
    if len(words) > 3 and words[0].lower() == "of" and words[1].lower() in ("the", "these") and words[2][:1].isdigit():
        words = words[3:]  # "60 of the 336 reductions in ...": a part of a whole counts what the whole counts
    while words and words[0].lower().strip(",") in _COUNT_LEAD:
        if words[0].lower() == "of" and len(words) > 1 and words[1].lower() in ("these", "which", "the", "them"):
            break
        words = words[1:]
    if len(words) > 2 and regex.fullmatch(alternation("DIRECTION"), words[0], regex.I) and words[1].lower() in ("in", "of"):
        words = words[2:]  # "the 336 reductions in Barnet's residential burglary"
    if words and _patterns()["place_owner"].match(words[0] + " "):
        words = words[1:]
    while words and words[0].lower() in ("most", "the"):
        words = words[1:]
    if figure.unit == "rate":
        words = figure.surface.split()[1:2]  # "80.6 crimes per 1,000 people": the noun inside the rate
    if not words or not (words[0][:1].islower() or words[0][:1].isdigit() or figure.unit == "count" and words[0][:1].isupper()):
        return None
    noun = _noun_phrase(words)
    recounted = _patterns()["recounted"].match(" ".join(words))
    if recounted:
        return _tidy(_noun_phrase(recounted.group("np").split())) or _tidy(noun)
    moved = regex.search(rf"\b(?:rose|fell|increased|decreased|dropped|grew|reduced|totalled|reached)\s+(?:by|to)\s+(?:(?:{alternation('QUALIFIER')})\s+)?$", sentence[: figure.start], regex.I)
    if noun and noun.lower() in _generic() and moved:
        subject = _subject(sentence, figure, previous_end)
        if subject and subject.lower() != noun.lower():
            return _tidy(f"{subject} {noun}")
    return _tidy(_strip_generic(noun)) if noun else None


def _share_or_change(sentence: str, figure: Quantity, previous_end: int) -> str | None:
    """What a share or a change is of: "7.1% of population" after a label, "a 19% reduction in Burglary",
    "88% of residents are satisfied with ...", "reduction in robbery of 33%", "10.8% for business", "40.3%
    BAME population", "the second highest detection rate for residential burglary in the MPS at over 20%"."""
    after_text = sentence[figure.end : figure.end + 120]
    label = _labelled(sentence, figure) if regex.search(r"[=:]\s*$", sentence[: figure.start]) else None
    if label:
        return label  # "Job Seekers Allowance Claimants: 7.1% of population"
    tail = regex.match(
        r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]*\)?\s*(?:(?:of|reduction|decrease|increase|rise|fall|drop|cut|reductions|increases)[¹²³⁴⁵⁶⁷⁸⁹⁰]*\s+(?:in|of|across|for)\s+|of\s+)"
        r"(?:(?:the|our|their|its|all)\s+)?(?:number\s+of\s+)?(?P<np>.+)",
        after_text,
        regex.I,
    )
    if tail and not regex.match(r"(?:around|about|over|the\s+London)\b", tail.group("np"), regex.I):
        noun = _with_view(tail.group("np")) or _noun_phrase(tail.group("np").split())
        if noun:
            return _tidy(_strip_generic(noun))
    before = sentence[max(previous_end, figure.start - 90) : figure.start]
    changed = regex.search(
        r"(?:reduction|decrease|increase|rise|fall|drop)\s+(?:in|of)\s+(?P<np>[^,;()0-9]{2,60}?)\s+(?:in\s+\w+\s+)?(?:of|by)\s+(?:[a-z]+\s+)?$",
        before,
        regex.I,
    ) or regex.search(
        rf"\b(?P<np>[\w-]+\s+rate\s+(?:for|of)\s+[^,;()0-9]{{3,50}}?)(?:\s+in\s+[^,;()0-9]{{1,30}})?\s+at\s+(?:(?:{alternation('QUALIFIER')})\s+)?$",
        before,
        regex.I,
    )
    if changed:
        return _tidy(changed.group("np"))
    scoped = regex.match(
        r"^(?:\s*(?:vs\.?|versus|compared\s+to|to)\s+[0-9.,]+%)?\s+(?:for|in)\s+(?:the\s+)?(?P<np>[A-Za-z].*)", after_text, regex.I
    )
    if scoped and not find_periods(scoped.group("np")[:40]) and not regex.search(r"\b(?:19|20)[0-9]{2}\b", scoped.group("np")[:30]):
        words = scoped.group("np").split()
        if words and _patterns()["place_owner"].match(words[0] + " "):
            words = words[1:]
        noun = _noun_phrase(words)
        if noun and not _patterns()["place"].fullmatch(noun) and not _PERIOD_WORD.search(noun):
            return _tidy(noun)
    return _named_after_share(sentence, figure) if figure.unit == "percent" else None


def metric_of(sentence: str, figure: Quantity, previous_end: int) -> str | None:
    """The thing measured, short: the counted noun ("28,637 crimes"), what a share or change is of
    ("a 19% reduction in Burglary", "88% of residents"), the noun a figure is "of" ("a Sanction Detection
    Rate of 13.6%"), a printed label ("Islamophobic = 45"), the phrase a bracketed figure follows, else
    the clause's subject. None when the clause names nothing (the caller looks wider)."""
    found: str | None = None
    if figure.unit == "rank":
        found = _ranked(sentence[figure.end : figure.end + 120])
    if found is None and figure.unit == "rate" and regex.search(r"\brate\s+of\b", sentence[: figure.start], regex.I):
        found = _rate_of(sentence, figure, previous_end)
    if found is None and (
        figure.unit in ("count", "GBP", "USD", "EUR", "other")
        or (figure.unit == "rate" and figure.per and figure.surface.split()[1:2] != ["per"])
    ):
        found = _counted(sentence, figure, previous_end)
    if found is None and figure.unit in ("percent", "percentage_points", "ratio"):
        found = _share_or_change(sentence, figure, previous_end)
    if found is not None:
        return found or None
    return (
        _parenthesised_after(sentence, figure)
        or _named_of(sentence, figure)
        or _labelled(sentence, figure)
        or _subject(sentence, figure, previous_end)
        or phrase_ids("UNIT_MEASURE").get(figure.unit_name or "")  # "8,675 hectares" is an area
    )
