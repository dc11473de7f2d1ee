"""Initials keys: where a paper says who "AHop" or "JN" is.

Minutes that record owners by initials usually give the key once, in the
attendance list: "Alison Hopkins (AHop)", "Jolyon Neely (JN)". A key is
read only when its letters spell the name (each capital-led chunk starts
the matching part of the name), so "Stephen Taylor (SCC)" (an
organisation) and "Tony Brown (Chair)" (a role) are not keys.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .names import name_key

__all__ = ["InitialsKey", "find_initials_keys", "spells"]

_NAME = r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]*){1,3}"
_KEYED = regex.compile(rf"(?P<name>{_NAME})\s*\((?P<key>\p{{Lu}}[\p{{L}}]{{1,5}})\)")
_CHUNKS = regex.compile(r"\p{Lu}\p{Ll}*")


@dataclass(frozen=True)
class InitialsKey:
    """``key`` ("AHop") stands for ``name`` ("Alison Hopkins"), as written at ``start``-``end`` of a text."""

    key: str
    name: str
    start: int
    end: int


def spells(key: str, name: str) -> bool:
    """Whether ``key`` is made of the name's parts' openings: "JN" / "Jolyon Neely", "AHop" / "Alison Hopkins"."""
    chunks = [chunk.lower() for chunk in _CHUNKS.findall(key)]
    if "".join(chunks) != key.lower() or len(chunks) < 2:
        return False
    parts = name_key(name).replace("-", " ").split()
    if len(chunks) == len(parts):
        return all(part.startswith(chunk) for chunk, part in zip(chunks, parts))
    # A middle name left out of the key: first and last parts only.
    return len(chunks) == 2 and len(parts) > 2 and parts[0].startswith(chunks[0]) and parts[-1].startswith(chunks[1])


def find_initials_keys(text: str) -> list[InitialsKey]:
    """Every "Full Name (KEY)" in ``text`` whose key spells the name, in order."""
    out = []
    for match in _KEYED.finditer(text):
        name = regex.sub(r"\s+", " ", match.group("name")).strip()
        # A run of capitalised words before the name ("Attendees Tony Brown"): keep the last words that spell.
        words = name.split()
        for first in range(len(words) - 1):
            candidate = " ".join(words[first:])
            if spells(match.group("key"), candidate):
                out.append(InitialsKey(match.group("key"), candidate, match.start("name"), match.end()))
                break
    return out
