"""Records to table rows and back, decided by each record field's type.

One rule per kind of field, so a field added to a record needs no code here,
only a column (a migration): ``Source`` is four ``source_*`` columns, tuples
and dicts are JSON text, bools are 0/1, every other field is the column of
its own name, and private fields (``Paper.blocks``) are not stored.
A column the table lacks is left out of the row by the writer, and a field
whose column is missing reads back as its default, so an old archive still
reads; ``tests/test_store.py`` fails until every field has its column.
"""

from __future__ import annotations

import json
import sqlite3
import typing
from collections.abc import Collection, Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Any, TypeVar

from ..records import Source

__all__ = ["SOURCE_COLUMNS", "column_names", "from_row", "source_columns", "to_row"]

R = TypeVar("R")

SOURCE_COLUMNS = ("source_paper", "source_page", "source_start", "source_end")


@dataclass(frozen=True)
class _Field:
    name: str
    kind: str  # plain | source | tuple | json | bool

    @property
    def columns(self) -> tuple[str, ...]:
        return SOURCE_COLUMNS if self.kind == "source" else (self.name,)


def _kind(hint: Any) -> str:
    if hint is Source:
        return "source"
    if hint is bool:
        return "bool"
    origin = typing.get_origin(hint)
    if origin is tuple:
        return "tuple"
    if origin is dict or any(typing.get_origin(arg) is dict for arg in typing.get_args(hint)):
        return "json"
    return "plain"


_FIELDS: dict[type, tuple[_Field, ...]] = {}


def _fields(record_type: type) -> tuple[_Field, ...]:
    """The stored fields of ``record_type`` and how each is stored (worked out once per type)."""
    if record_type not in _FIELDS:
        hints = typing.get_type_hints(record_type)
        private = set(getattr(record_type, "_private", ()))
        _FIELDS[record_type] = tuple(
            _Field(f.name, _kind(hints[f.name])) for f in fields(record_type) if f.name not in private
        )
    return _FIELDS[record_type]


def column_names(record_type: type) -> tuple[str, ...]:
    """The columns ``record_type`` needs, in field order."""
    return tuple(column for field in _fields(record_type) for column in field.columns)


def source_columns(source: Source | None) -> dict[str, Any]:
    if source is None:
        return dict.fromkeys(SOURCE_COLUMNS)
    return dict(zip(SOURCE_COLUMNS, (source.paper, source.page, source.start, source.end), strict=True))


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def to_row(record: Any, *, skip: Collection[str] = ()) -> dict[str, Any]:
    """The column values of ``record``, keyed by column name; fields in ``skip`` are stored elsewhere."""
    row: dict[str, Any] = {}
    for field in _fields(type(record)):
        if field.name in skip:
            continue
        value = getattr(record, field.name)
        if field.kind == "source":
            row.update(source_columns(value))
        elif field.kind in ("tuple", "json"):
            row[field.columns[0]] = _dumps(list(value) if field.kind == "tuple" else value)
        elif field.kind == "bool":
            row[field.columns[0]] = None if value is None else int(value)
        else:
            row[field.columns[0]] = value
    return row


def _tuple(value: Any) -> Any:
    return tuple(_tuple(item) for item in value) if isinstance(value, list) else value


def from_row(record_type: type[R], row: Mapping[str, Any] | sqlite3.Row, **given: Any) -> R:
    """The record a row holds; ``given`` fields are read elsewhere, others without a column take their defaults."""
    available = set(row.keys())
    values: dict[str, Any] = dict(given)
    for field in _fields(record_type):
        if field.name in given or not set(field.columns) <= available:
            continue
        if field.kind == "source":
            paper, page, start, end = (row[c] for c in SOURCE_COLUMNS)
            values[field.name] = Source(paper, page, start, end)
            continue
        value = row[field.columns[0]]
        if field.kind == "tuple":
            value = () if value is None else _tuple(json.loads(value))
        elif field.kind == "json":
            value = None if value is None else json.loads(value)
        elif field.kind == "bool":
            value = None if value is None else bool(value)
        values[field.name] = value
    missing = [
        f.name
        for f in fields(record_type)  # type: ignore[arg-type]
        if f.name not in values and f.default is MISSING and f.default_factory is MISSING
    ]
    if missing:
        raise KeyError(f"row for {record_type.__name__} has no column for {', '.join(missing)}")
    return record_type(**values)
