"""Exporting an archive: one JSON document in the record contract's shape, or one CSV file per kind of record.

Records are written as they are read from the database, one at a time, so an
export of a large archive never holds it whole. Each section is its columns
(the CSV header) and its rows as ``to_dict()`` gives them, so the caller may
add keys beyond a record's fields (``canonical_meeting``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..records import SCHEMA_VERSION
from .results import flat_dict

__all__ = ["FORMATS", "Section", "export_csv", "export_json"]

FORMATS = ("json", "csv")

Section = tuple[tuple[str, ...], Iterable[dict[str, Any]]]
"""A kind of record to export: its CSV columns, and its rows as ``to_dict()`` dicts."""


def export_json(sections: Mapping[str, Section], dest: Path) -> list[Path]:
    """``{"schema": "boardpapers/1", "<kind>": [record, ...], ...}`` in one file at ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "w", encoding="utf-8") as out:
        out.write("{\n" + f'  "schema": {json.dumps(SCHEMA_VERSION)}')
        for name, (_, records) in sections.items():
            out.write(f",\n  {json.dumps(name)}: [")
            for index, record in enumerate(records):
                out.write(("," if index else "") + "\n    " + json.dumps(record, ensure_ascii=False))
            out.write("\n  ]")
        out.write("\n}\n")
    return [dest]


def _cell(value: Any) -> Any:
    """A CSV cell: lists and dicts as JSON, everything else as it is."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def export_csv(sections: Mapping[str, Section], dest: Path) -> list[Path]:
    """``<dest>/<kind>.csv`` per kind of record, one row per record, a header even when there are none."""
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (columns, records) in sections.items():
        path = dest / f"{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as out:
            # Record fields with source spread as flat_dict spreads it: the database's columns.
            writer = csv.DictWriter(out, fieldnames=columns)
            writer.writeheader()
            writer.writerows({key: _cell(value) for key, value in flat_dict(record).items()} for record in records)
        written.append(path)
    return written
