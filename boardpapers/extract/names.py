"""People's names as papers write them: honorifics split off and normalised.

"Cllr Longstaff", "Councillor David Longstaff", "Superintendent Paula Light",
"Dr Simon Harding": the honorific is kept apart from the name so the same
person is recognised under each form. The honorific list is data.
"""

from __future__ import annotations

import regex

__all__ = ["HONORIFICS", "name_case", "name_key", "repair_name", "split_honorific", "split_honorifics"]

# Written form (lower case, no dot) -> normalised honorific. Longer titles first.
HONORIFICS: dict[str, str] = {
    "chief superintendent": "Chief Superintendent",
    "detective chief superintendent": "Detective Chief Superintendent",
    "detective superintendent": "Detective Superintendent",
    "detective chief inspector": "Detective Chief Inspector",
    "detective inspector": "Detective Inspector",
    "detective sergeant": "Detective Sergeant",
    "chief constable": "Chief Constable",
    "deputy chief constable": "Deputy Chief Constable",
    "assistant chief constable": "Assistant Chief Constable",
    "commissioner": "Commissioner",
    "chief inspector": "Chief Inspector",
    "superintendent": "Superintendent",
    "supt": "Superintendent",
    "inspector": "Inspector",
    "sergeant": "Sergeant",
    "councillors": "Councillor",
    "councillor": "Councillor",
    "cllrs": "Councillor",
    "cllr": "Councillor",
    "county councillor": "County Councillor",
    "district councillor": "District Councillor",
    "borough councillor": "Borough Councillor",
    "city councillor": "City Councillor",
    "parish councillor": "Parish Councillor",
    "town councillor": "Town Councillor",
    "the rt hon": "Rt Hon",
    "rt hon": "Rt Hon",
    "the right honourable": "Rt Hon",
    "right honourable": "Rt Hon",
    "alderman": "Alderman",
    "professor": "Professor",
    "prof": "Professor",
    "reverend": "Reverend",
    "revd": "Reverend",
    "rev": "Reverend",
    "the reverend": "Reverend",
    "canon": "Canon",
    "bishop": "Bishop",
    "rabbi": "Rabbi",
    "baroness": "Baroness",
    "dame": "Dame",
    "lord": "Lord",
    "lady": "Lady",
    "sir": "Sir",
    "mrs": "Mrs",
    "miss": "Miss",
    "mr": "Mr",
    "ms": "Ms",
    "mx": "Mx",
    "dr": "Dr",
}
_HONORIFIC = regex.compile(
    r"^\s*(" + "|".join(regex.escape(k) for k in sorted(HONORIFICS, key=len, reverse=True)) + r")\.?\s+(?=\p{Lu})",
    regex.I,
)


def split_honorific(name: str) -> tuple[str | None, str]:
    """``("Councillor", "David Longstaff")`` for "Cllr David Longstaff"; ``(None, name)`` without one."""
    match = _HONORIFIC.match(name)
    if not match:
        return None, name.strip()
    return HONORIFICS[match.group(1).lower()], name[match.end() :].strip()


def split_honorifics(name: str) -> tuple[str | None, str]:
    """Like :func:`split_honorific`, but stacked titles stay together.

    "Professor Sir Nigel Shadbolt" gives ``("Professor Sir", "Nigel Shadbolt")``:
    the contract has one honorific field, and dropping "Sir" would lose what
    the paper says.
    """
    found: list[str] = []
    rest = name.strip()
    while True:
        honorific, remainder = split_honorific(rest)
        if honorific is None or not remainder or remainder == rest:
            break
        found.append(honorific)
        rest = remainder
    return (" ".join(found) or None), rest


# "Bridget.O'Dwyer": a full stop typed for a space between two capitalised words.
_DOT_FOR_SPACE = regex.compile(r"(?<=\b\p{Lu}\p{Ll}+)\.(?=\p{Lu})")
# Soft hyphens and Unicode hyphens that PDF text layers leave inside names ("Bartlett-\u00ad\u2010Butt").
_HYPHENS = regex.compile(r"[\u00ad]|(?<=\p{L})[\u2010\u2011](?=\p{L})")


def repair_name(name: str) -> str:
    """Undo the typing and extraction slips that break a name without changing its spelling."""
    name = _DOT_FOR_SPACE.sub(" ", name)
    name = regex.sub(r"[\u00ad]", "", name)
    name = regex.sub(r"[\u2010\u2011]", "-", name)
    return regex.sub(r"-{2,}", "-", name)


_CAPS_PREFIX = regex.compile(r"^(Mc|O'|O’|D'|D’)(\p{L})(.*)$")


def name_case(name: str) -> str:
    """Title-case a name printed in capitals ("ANDREW MCKENZIE" -> "Andrew McKenzie"); others as written."""
    if not name or name != name.upper() or not regex.search(r"\p{Lu}{2}", name):
        return name

    def word(part: str) -> str:
        titled = part[:1].upper() + part[1:].lower()
        prefix = _CAPS_PREFIX.match(titled)
        if prefix and len(titled) > len(prefix.group(1)) + 2:
            return prefix.group(1) + prefix.group(2).upper() + prefix.group(3)
        return titled

    return regex.sub(r"[\p{L}'’]+", lambda m: "-".join(word(p) for p in m.group(0).split("-")), name)


_SEPARATORS = regex.compile(r"[\s.]+")


def name_key(name: str) -> str:
    """The comparable form of a bare name: lower case, no full stops, one space, straight apostrophes."""
    text = repair_name(name).replace("’", "'").lower()
    return " ".join(part for part in _SEPARATORS.split(text) if part)
