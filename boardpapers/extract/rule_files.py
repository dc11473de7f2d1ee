"""The rule files beside the extractors (``extract/*.jsonl``), read once and grouped by label.

Each line is ``{"label": ..., "pattern": ..., "id": ...}``, the shape spaCy's
rulers save, so the rules can be reviewed and extended without code changes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["rules_by_label"]


@lru_cache(maxsize=None)
def rules_by_label(filename: str) -> dict[str, list[dict[str, str]]]:
    """The rows of ``extract/<filename>`` grouped by their ``label``, in file order."""
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    rules: dict[str, list[dict[str, str]]] = {}
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            rules.setdefault(row["label"], []).append(row)
    return rules
