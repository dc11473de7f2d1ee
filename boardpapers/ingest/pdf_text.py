"""Text rules of the PDF reader: joining wrapped lines, list markers, page furniture.

These are the decisions made on the strings alone, kept apart from geometry
so each can be read and tested on its own.
"""

from __future__ import annotations

import regex

__all__ = [
    "furniture_key",
    "join_wrapped",
    "numbered_marker",
    "split_bullet",
]

# A glyph that is a bullet wherever it starts a line.
_SURE_BULLETS = frozenset("•●▪■◦‣○◆◇►▶➢➤✓✔∙·□")
# A glyph that is a bullet only where a new block starts (a wrapped line may begin with a dash).
_MAYBE_BULLETS = frozenset("-–—*o")
_PRIVATE_USE = regex.compile(r"^[\ue000-\uf8ff]$")  # Symbol/Wingdings bullets: \uf0b7, \uf0a7, \uf076 ...

_NUMBERED = regex.compile(
    r"""^(?:
        \(?\d{1,3}[.)]                  # 1.  1)  (1)
        |\d{1,2}(?:\.\d{1,2}){1,3}\.?   # 2.1  2.1.  21.01.01
        |\(?[a-z][.)]                   # a.  a)  (a)
        |\(?[ivxlc]{1,5}[.)]            # iv.  (iv)
        |\([a-z0-9]{1,4}\)              # (b)  (12)
    )$""",
    regex.X | regex.I,
)
_DECIMAL = regex.compile(r"^\d+\.\d+$")

_DIGITS = regex.compile(r"\d+")
_SPACE = regex.compile(r"\s+")

_HYPHENS = ("-", "\u00ad", "\u2010")
# Prefixes that keep their hyphen when a compound is broken after them ("anti-/social").
_HYPHEN_PREFIXES = frozenset(
    "anti co counter cross ex full half inter long multi non part post pre pro re self semi short "
    "sub super well wide year day week month".split()
)
_WORD_BEFORE_HYPHEN = regex.compile(r"(\p{L}+)[-\u00ad\u2010]$")


def split_bullet(words: list[str], new_block: bool) -> tuple[bool, list[str]]:
    """(is a bulleted line, the words without the bullet).

    "•" and its kin always mark an item; "-", "*", "o" only at the start of
    a block, since a wrapped line of prose can begin with a dash. A bullet
    glued to its text ("•Item") is split off.
    """
    if not words:
        return False, words
    first = words[0]
    if len(words) > 1 and (first in _SURE_BULLETS or _PRIVATE_USE.match(first)):
        return True, words[1:]
    if len(words) > 1 and new_block and first in _MAYBE_BULLETS:
        return True, words[1:]
    if len(first) > 1 and (first[0] in _SURE_BULLETS or _PRIVATE_USE.match(first[0])) and first[1].isalnum():
        return True, [first[1:], *words[1:]]
    return False, words


def numbered_marker(first_word: str) -> bool:
    """True when a line's first word is an item number such as "1.", "2.1", "(b)" or "iv)"."""
    if _DECIMAL.match(first_word) and int(first_word.split(".")[0]) > 30:
        return False  # "85.8 Female" is a figure, not item 85.8
    return bool(_NUMBERED.match(first_word))


def furniture_key(text: str) -> str:
    """The form of a header or footer line that stays the same from page to page."""
    return str(_SPACE.sub(" ", _DIGITS.sub("#", text.strip().lower())))


def join_wrapped(left: str, right: str) -> str:
    """Join two wrapped lines, undoing a hyphenation break but keeping a real hyphen.

    "con-" + "tinued" gives "continued"; "Dejo-" + "Ojomo" and "anti-" +
    "social" keep their hyphen, as does any break before a capital or a digit.
    """
    if not left:
        return right
    if not right:
        return left
    if left.endswith(_HYPHENS) and len(left) > 1 and left[-2].isalpha():
        match = _WORD_BEFORE_HYPHEN.search(left)
        prefix = match.group(1) if match else ""
        if right[0].islower() and prefix.islower() and prefix not in _HYPHEN_PREFIXES:
            return left[:-1] + right
        return left[:-1] + "-" + right
    return f"{left} {right}"
