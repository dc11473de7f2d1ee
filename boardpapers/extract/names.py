"""People's names as papers write them: honorifics split off and normalised.

"Cllr Longstaff", "Councillor David Longstaff", "Superintendent Paula Light",
"Dr Simon Harding": the honorific is kept apart from the name so the same
person is recognised under each form. The honorific list is data.
"""

from __future__ import annotations

import regex

__all__ = ["HONORIFICS", "split_honorific"]

# Written form (lower case, no dot) -> normalised honorific. Longer titles first.
HONORIFICS: dict[str, str] = {
    "chief superintendent": "Chief Superintendent",
    "detective chief inspector": "Detective Chief Inspector",
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
    "alderman": "Alderman",
    "professor": "Professor",
    "prof": "Professor",
    "reverend": "Reverend",
    "revd": "Reverend",
    "rev": "Reverend",
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
