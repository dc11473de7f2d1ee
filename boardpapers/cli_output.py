"""How the CLI prints listings: a readable table in the terminal, or JSON with ``--json``.

Every listing command takes the same ``--db`` and ``--json`` options
(:func:`db_option`, :func:`json_option`), so scripts can rely on one shape:
``--json`` prints a JSON array of the records' ``to_dict()``.
"""

from __future__ import annotations

import json
import shutil
from typing import Any, Callable, Iterable, Sequence, TypeVar

import click

__all__ = ["db_option", "echo_json", "echo_table", "json_option", "shorten"]

F = TypeVar("F", bound=Callable[..., Any])
_NARROW = 28  # columns other than the wide one are cut to this width


def db_option(function: F) -> F:
    return click.option(
        "--db",
        "db",
        default="boardpapers.db",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The SQLite archive to use.",
    )(function)


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print the records as JSON instead of a table.")(function)


def echo_json(records: Iterable[Any]) -> None:
    items = [record.to_dict() if hasattr(record, "to_dict") else record for record in records]
    click.echo(json.dumps(items, ensure_ascii=False, indent=2))


def shorten(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def echo_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, wide: int | None = None) -> None:
    """Columns padded to their widest cell; column ``wide`` takes whatever width the terminal has left."""
    cells = [[("" if value is None else str(value)) for value in row] for row in rows]
    widths = [min(max([len(header), *(len(row[i]) for row in cells)]), _NARROW) for i, header in enumerate(headers)]
    if wide is not None:
        widths[wide] = max([len(headers[wide]), *(len(row[wide]) for row in cells)])
    if wide is not None:
        room = shutil.get_terminal_size((120, 24)).columns - sum(w + 2 for i, w in enumerate(widths) if i != wide)
        widths[wide] = max(min(widths[wide], room), 20)
    line = "  ".join(header.ljust(widths[i]) for i, header in enumerate(headers))
    click.echo(line.rstrip())
    click.echo("  ".join("-" * width for width in widths))
    for row in cells:
        click.echo("  ".join(shorten(value, widths[i]).ljust(widths[i]) for i, value in enumerate(row)).rstrip())
    click.echo(f"({len(rows)} {'row' if len(rows) == 1 else 'rows'})")
