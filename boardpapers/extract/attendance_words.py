"""Word-level judgements for attendance lists: a name, an organisation, a job title, a list label?

Attendance lists join a person to what follows them in every possible way
("Roger Kemp-Barnet Safer Neighbourhood Board", "Dr Simon Harding, Middlesex
University", "Perryn Jasper - Prevent Coordinator, Barnet Council"), so the
extractor keeps asking the same three questions of a stretch of words. The
answers come from the gazetteers in ``boardpapers/nlp/patterns`` (organisation
names and the words that end them, the words that head a job title, words
that are never a name), not from lists in this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..nlp.gazetteer import patterns, phrases
from .names import HONORIFICS

__all__ = [
    "Label",
    "describe",
    "is_initials",
    "is_nil",
    "is_org",
    "is_postnominal",
    "is_role",
    "label_alternation",
    "labels",
    "looks_like_name",
]

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}'’&.\-]+")
_ACRONYM = regex.compile(r"^(?:\p{Lu}[\p{Lu}\p{N}&]{1,7}s?|\p{Lu}{1,3}&\p{Lu}{1,3})$")
_DOMAIN = regex.compile(r"\b[\w-]+\.(?:com|org|net|io|gov\.uk|org\.uk|co\.uk|ac\.uk|nhs\.uk|uk)\b", regex.I)
_NAME_TOKEN = regex.compile(r"^(?:(?:O|D|Mc|Mac)?['’]?\p{Lu}[\p{L}\p{M}'’\-]*\.?|\p{Lu}\.)$")
_PARTICLES = frozenset(
    "de da di du del della der den van von le la bin ibn al el ter ten y st st. dos das ap ab".split()
)
# Words that end organisation names but are also common surnames: not evidence against a name.
_SURNAME_HEADS = frozenset({"court", "courts", "bank", "church", "chambers", "chamber", "fund", "works", "partners", "parish"})


# One-word titles ("Cllr", "Mr"): never inside a name.
_TITLES = frozenset(k for k in HONORIFICS if " " not in k)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=None)
def _org_names() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(name.split()) for name in phrases("organisations", "ORG"))


def _named_org(text: str) -> bool:
    """Strong evidence: a known organisation, an acronym, a web domain, or "Society of ...", "University of ..."."""
    t = text.strip(" .,;:-–—()")
    lower = t.lower()
    if not t:
        return False
    if lower in phrases("organisations", "ORG") or _DOMAIN.search(t) or _ACRONYM.match(t):
        return True
    words = _words(lower)
    for name in _org_names():
        if len(name) <= len(words) and tuple(words[-len(name) :]) == name:
            return True
    return len(words) >= 2 and any(lower.startswith(start + " ") for start in phrases("organisations", "ORG_START"))


def is_org(text: str) -> bool:
    """Whether ``text`` names an organisation: a known one, an acronym, or words that end or start one."""
    if _named_org(text):
        return True
    words = _words(text.strip(" .,;:-–—()").lower())
    if not words:
        return False
    heads = phrases("organisations", "ORG_HEAD")
    return words[-1].strip(".") in heads or " ".join(words[-2:]) in heads


def _role_heads_in(words: list[str]) -> list[int]:
    """Indexes of words (or the last word of two-word heads) that head a job title."""
    heads = phrases("roles", "ROLE_HEAD")
    found = []
    for i, word in enumerate(words):
        w = word.strip(".,")
        if w in heads or (i and f"{words[i - 1]} {w}" in heads):
            found.append(i)
    return found


def is_role(text: str) -> bool:
    """Whether ``text`` is a job title or role ("Head of Housing", "Prevent Coordinator", "Chairman")."""
    words = _words(text.lower())
    if not words:
        return False
    heads = _role_heads_in(words)
    if not heads:
        return False
    last = words[-1].strip(".,")
    if heads[-1] == len(words) - 1:
        return True
    # "Head of Finance Operations", "Cabinet Member for ...", "Clerk to the Board".
    if any(i + 1 < len(words) and words[i + 1] in {"of", "for", "to", "at", "on", "in"} for i in heads):
        return True
    return last not in phrases("organisations", "ORG_HEAD")


def is_postnominal(text: str) -> bool:
    return text.strip(" .,") in phrases("roles", "POSTNOMINAL", lower=False)


def is_nil(text: str) -> bool:
    """ "None", "Nil", "N/A": a list that names nobody."""
    return text.strip(" .,;:").lower() in phrases("name_stopwords", "NIL")


def is_initials(token: str, name: str | None = None) -> bool:
    """Whether ``token`` is a person's initials ("HS", "GSo", "AHol"), checked against ``name`` when given."""
    token = token.strip(" .")
    if not regex.fullmatch(r"\p{Lu}\p{L}{0,4}", token):
        return False
    capitals = "".join(ch for ch in token if ch.isupper())
    mixed = token != token.upper()
    if mixed and len(capitals) < 2 or not mixed and len(token) > 4:
        return False  # "Atos", "Mind": a word, not initials
    if name is None:
        return mixed or len(token) <= 3
    # "GSo" for Giuseppe Sollazzo, "KB" for Karen Bartlett-Butt, "ST" for Suzanne Ter-Minassian;
    # "MoJ" after Belinda Lewis is a body.
    for pattern in (r"[\s\-]+", r"\s+"):
        parts = [p for p in regex.split(pattern, name) if p and p.lower() not in _PARTICLES]
        initials = "".join(p.lstrip("'’")[:1].upper() for p in parts)
        if initials and (capitals == initials or (capitals[0] == initials[0] and capitals[-1] == initials[-1])):
            return True
    return False


def looks_like_name(name: str, *, single: bool = False, caps: bool = False) -> bool:
    """Whether ``name`` (honorific already removed) is written like a person's name.

    ``single`` allows a surname alone ("McKay", "Councillor Moore" without the
    title); ``caps`` allows names printed in capitals ("HEATHER POUSTIE").
    """
    tokens = name.split()
    if not tokens or len(tokens) > 5:
        return False
    not_names = phrases("name_stopwords", "NOT_NAME")
    if any(t.lower().strip(".") in _TITLES for t in tokens):
        return False  # "Andrew Cllr Smith": a title inside is two entries run together
    for token in tokens:
        bare = token.strip(".,").lower()
        if len(bare) > 1 and bare in not_names:
            return False
        if any(ch.isdigit() for ch in token):
            return False
    if len(tokens) == 1:
        token = tokens[0]
        return (
            single and len(token) >= 3 and token != token.upper() and bool(_NAME_TOKEN.match(token)) and not is_org(token)
        )
    if not caps and any(len(t) > 1 and t == t.upper() and t.isalpha() for t in tokens):
        return False  # an acronym among the words: "BIS Observer", "SCC Member"
    if not _NAME_TOKEN.match(tokens[0]) or not _NAME_TOKEN.match(tokens[-1]):
        return False
    if any(not _NAME_TOKEN.match(t) and t.lower() not in _PARTICLES for t in tokens[1:-1]):
        return False
    if len(regex.sub(r"[^\p{L}]", "", tokens[-1])) < 2:
        return False
    last = tokens[-1].lower().strip(".")
    if last not in _SURNAME_HEADS and is_org(name):
        return False
    # "Community Safety Manager", "Project Manager" are titles; "Mrs C Head", "Mark Head" are people.
    words = [w.strip(".,") for w in _words(name.lower())]
    if not words or words[-1] not in phrases("roles", "ROLE_HEAD"):
        return True
    others = words[:-1]
    org_heads = phrases("organisations", "ORG_HEAD")
    return len(tokens) < 3 and not any(w in org_heads or w in phrases("roles", "ROLE_HEAD") for w in others)


def describe(text: str) -> tuple[str | None, str | None]:
    """Split what follows a name into ``(role, organisation)``.

    "Prevent Coordinator, Barnet Council" is a role and an organisation;
    "Assistant Director, Counter Fraud, Community Safety & Protection" is one
    role (its last part is a portfolio, not a body); "Victim Support" is an
    organisation. Without evidence either way a capitalised phrase is taken
    for an organisation, since lists name bodies far more often than titles.
    """
    t = text.strip(" ,;:.-–—")
    if not t:
        return None, None
    parts = _top_level_split(t, ",")
    if len(parts) >= 2:
        left, right = ", ".join(p.strip() for p in parts[:-1]), parts[-1].strip()
        if is_org(right) and not is_role(right) and is_role(left):
            return left, right
        if is_role(right) and is_org(left) and not is_role(left):
            return right, left
    if _named_org(t) and not is_role(t.split()[0]):
        return None, t
    if is_role(t):
        return t, None
    if is_org(t):
        return None, t
    capitalised = [w for w in _words(t) if w[:1].isupper()]
    if len(capitalised) * 2 >= len(_words(t)):
        return None, t
    return t, None


def _top_level_split(text: str, sep: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


@dataclass(frozen=True)
class Label:
    """What a list heading says about the people under it.

    ``status`` is a contract status or one of three list kinds resolved in
    context: ``chair`` (present at a meeting being minuted, else member),
    ``clerk`` (in attendance) and ``inherit`` (the enclosing list's status,
    as in "Membership:" / "Councillors:").
    """

    status: str
    role: str | None = None
    honorific: str | None = None
    written: str = ""


@lru_cache(maxsize=None)
def labels() -> dict[str, Label]:
    """Every list heading of ``attendance_labels.jsonl``, keyed by its lower-cased words."""
    out: dict[str, Label] = {}
    for row in patterns("attendance_labels"):
        key = " ".join(row["pattern"].lower().split())
        out.setdefault(key, Label(row["label"], row.get("role"), row.get("honorific"), row["pattern"]))
    return out


@lru_cache(maxsize=None)
def label_alternation() -> str:
    """A regex alternation of every label, longest first, with flexible spaces and hyphens."""
    keys = sorted(labels(), key=len, reverse=True)
    return "|".join(regex.escape(k).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?") for k in keys)
