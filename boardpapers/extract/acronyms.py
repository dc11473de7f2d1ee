"""Acronyms a paper defines ("violence with injury (VWI)"), so a figure about "VWI" names its measure in
words a reader searching "violence with injury" finds.

An acronym counts as defined when its letters are the initials of the words
just before its bracket, in order (small words such as "with", "of", "and"
may be left out of the acronym): "Integrated Offender Management (IOM)",
"violence with injury (VWI)", "Anti-Social Behaviour (ASB)".
"""

from __future__ import annotations

import regex

__all__ = ["defined_acronyms"]

_BRACKETED = regex.compile(r"\(\s*(?P<acronym>[A-Z][A-Z0-9&]{1,6})\s*\)")
# Up to seven words right before a bracket; matched against a short window, not the whole paper, because
# trying a seven-word run at every letter of a long paper costs more than the rest of its statistics.
_WORDS_BEFORE = regex.compile(r"(?:[A-Za-z][\w'’-]*\s+){1,7}$")
_WINDOW = 120
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "with", "in", "on", "to", "a", "&"})


def _initials(word: str) -> str:
    """"Anti-Social" -> "AS", "injury" -> "I": each hyphenated part gives its initial."""
    return "".join(part[:1].upper() for part in word.split("-") if part)


def _long_form(words: list[str], acronym: str) -> str | None:
    """The shortest run of ``words`` ending at the bracket whose initials spell ``acronym``."""
    for start in range(len(words) - 1, -1, -1):
        run = words[start:]
        if run[0].lower() in _SMALL_WORDS:
            continue
        letters = "".join(_initials(w) for w in run)
        content = "".join(_initials(w) for w in run if w.lower() not in _SMALL_WORDS)
        if acronym in (letters, content):
            return " ".join(run)
    return None


def defined_acronyms(text: str) -> dict[str, str]:
    """``{acronym: long form}`` for every acronym ``text`` defines (the first definition wins)."""
    found: dict[str, str] = {}
    for m in _BRACKETED.finditer(text):
        acronym = m.group("acronym")
        words = _WORDS_BEFORE.search(text, max(0, m.start() - _WINDOW), m.start())
        if acronym in found or not words:
            continue
        long_form = _long_form(words.group(0).split(), regex.sub(r"[0-9&]", "", acronym))
        if long_form:
            found[acronym] = long_form
    return found
