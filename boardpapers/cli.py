"""The ``boardpapers`` command: a thin shell over the Python API.

Library errors become one line on stderr and a non-zero exit code, never a
traceback: 0 success, 1 a file or archive could not be read, 2 a usage error
(the archive commands of :mod:`.cli_archive` add 3 and 4).
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import click

from .api import parse as parse_file
from .cli_archive import register as register_archive_commands
from .errors import BoardpapersError

__all__ = ["main"]

EXIT_BAD_INPUT = 1


class _OneLineErrors(click.Group):
    """Turn any BoardpapersError raised by a command into one line and exit code 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BoardpapersError as error:
            click.echo(f"boardpapers: {error}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


@click.group(cls=_OneLineErrors)
@click.version_option(package_name="boardpapers")
def cli() -> None:
    """Turn the papers of public boards and committees into structured data."""


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the boardpapers/1 JSON record contract.")
@click.option("--blocks", is_flag=True, help="With --json, include each paper's document blocks.")
@click.option("--password", default=None, help="Password of an encrypted PDF.")
def parse(file: str, as_json: bool, blocks: bool, password: str | None) -> None:
    """Parse FILE (PDF, DOCX, DOC, HTML, Markdown or text) and print its records."""
    result = parse_file(file, password=password)
    if as_json:
        data = result.to_dict()
        if blocks:
            for paper_dict, paper in zip(data["papers"], result.papers):
                paper_dict["blocks"] = paper.block_dicts()
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for paper in result.papers:
        indent = "  " if paper.parent else ""
        pages = f" pp.{paper.page_start}-{paper.page_end}" if paper.page_start else ""
        click.echo(f"{indent}{paper.kind:<10} {paper.title or '(untitled)'} [{paper.meeting_date or 'no date'}]{pages}")
    for meeting in result.meetings:
        times = "-".join(t for t in (meeting.start_time, meeting.end_time) if t)
        click.echo(f"meeting    {meeting.body} {meeting.date} {times} {meeting.venue or ''} chair: {meeting.chair or '?'}")
        statuses = Counter(a.status for a in result.attendance if a.meeting == meeting.id)
        if statuses:
            click.echo("  attendance " + ", ".join(f"{status} {count}" for status, count in sorted(statuses.items())))
        for item in (i for i in result.agenda_items if i.meeting == meeting.id):
            flag = " (procedural)" if item.procedural else ""
            click.echo(f"  {item.kind:<7} item {item.number or '-':<5} {item.title}{flag}")
    for warning in result.warnings:
        click.echo(f"warning    {warning.message}", err=True)


register_archive_commands(cli)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of exiting, so tests can call it."""
    try:
        # Outside standalone mode click returns a command's ctx.exit() code instead of raising it.
        code = cli.main(args=argv, prog_name="boardpapers", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
