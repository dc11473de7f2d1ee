"""The rule files under ``patterns/``: read once, shared by every extractor.

Rules are data (``{label, pattern, id}`` lines, the shape spaCy's SpanRuler
saves), so a reviewer can read and extend them without touching code: which
headings open an attendance list and with which status, which words end an
organisation's name or head a job title, which words are never a name.
This module does not import spaCy, so extractors that only need word lists
stay as light as the rest of ``parse()``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["PATTERN_FILES", "patterns", "phrases", "rows_by_pattern"]

PATTERN_FILES = (
    "attendance_codes",
    "attendance_labels",
    "attendance_phrases",
    "attendance_tables",
    "name_stopwords",
    "organisations",
    "roles",
    "titles",
)


@lru_cache(maxsize=None)
def patterns(name: str) -> tuple[dict[str, Any], ...]:
    """Every rule of ``patterns/<name>.jsonl`` in file order (blank lines skipped)."""
    if name not in PATTERN_FILES:
        raise ValueError(f"no pattern file named {name!r}; known: {', '.join(PATTERN_FILES)}")
    text = resources.files(__package__).joinpath("patterns").joinpath(f"{name}.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


@lru_cache(maxsize=None)
def phrases(name: str, label: str | None = None, *, lower: bool = True) -> frozenset[str]:
    """The string patterns of one file (optionally one label), lower-cased unless ``lower=False``."""
    return frozenset(
        (row["pattern"].lower() if lower else row["pattern"])
        for row in patterns(name)
        if isinstance(row["pattern"], str) and (label is None or row["label"] == label)
    )


@lru_cache(maxsize=None)
def rows_by_pattern(name: str) -> dict[str, dict[str, Any]]:
    """Rules of one file keyed by their lower-cased string pattern (the first rule wins)."""
    out: dict[str, dict[str, Any]] = {}
    for row in patterns(name):
        if isinstance(row["pattern"], str):
            out.setdefault(row["pattern"].lower(), row)
    return out
