"""The archive commands of ``boardpapers``: import, actions, figures, people, meetings, show, search, export.

Each is a thin shell over :class:`~boardpapers.store.Archive` and
:func:`~boardpapers.query.figures`: it opens the archive (``--db``), asks one
question and prints the answer as a table or, with ``--json``, as JSON.
Exit codes: 0 done; 1 a library error (unreadable archive, bad query);
2 a usage error; 3 an import that finished with some files failed;
4 ``show`` found nothing of that id.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import click

from .cli_output import db_option, echo_json, echo_table, json_option, shorten
from .query import figures as find_figures
from .store import Archive

__all__ = ["EXIT_IMPORT_FAILURES", "EXIT_NOT_FOUND", "register"]

EXIT_IMPORT_FAILURES = 3
EXIT_NOT_FOUND = 4
PLOT_EXTRA = "plot"


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes that parse in parallel.")
@json_option
def import_command(paths: tuple[str, ...], db: str, workers: int, as_json: bool) -> None:
    """Import papers (files or folders, recursively) into the archive.

    Files already archived are skipped by content; a file that cannot be read
    is recorded and the import goes on. Exit code 3 when some files failed.
    """
    with Archive(db) as archive:
        with click.progressbar(length=1, label="Importing", show_pos=True, file=click.get_text_stream("stderr")) as bar:

            def progress(done: int, total: int, pages: int) -> None:
                bar.length = max(total, 1)
                bar.label = f"Importing ({pages} pages)"
                bar.update(done - bar.pos)

            report = archive.import_path(list(paths), workers=workers, progress=progress)
        counts = archive.counts()
    if as_json:
        echo_json([{**report.to_dict(), "archive": counts}])
    else:
        click.echo(
            f"{len(report.imported)} imported, {len(report.skipped)} unchanged, {len(report.failed)} failed; "
            f"{report.pages} pages"
        )
        click.echo("archive: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
        if report.relinked:
            click.echo("actions relinked for: " + ", ".join(report.relinked))
        for failure in report.failed:
            click.echo(f"failed: {failure.message}", err=True)
    if report.failed:
        raise click.exceptions.Exit(EXIT_IMPORT_FAILURES)


@click.command()
@db_option
@click.option("--outstanding", is_flag=True, help="Only actions with no completion evidence.")
@click.option(
    "--owner",
    default=None,
    help='Only actions of this owner: a name as the papers write it, initials a paper keys ("JN"), '
    'or "the Chairman" (the chair of the meeting that raised the action).',
)
@click.option("--as-of", "as_of", default=None, callback=_iso_date, help="Judge outstanding as of this date (YYYY-MM-DD).")
@click.option(
    "--unmentioned",
    is_flag=True,
    help="With --outstanding, also actions their board has not mentioned at its last two meetings (likely closed).",
)
@json_option
def actions(db: str, outstanding: bool, owner: str | None, as_of: str | None, unmentioned: bool, as_json: bool) -> None:
    """List actions followed across meetings, or with --outstanding those still open."""
    with Archive(db) as archive:
        if outstanding or as_of:
            everything = archive.outstanding(as_of=as_of, owner=owner, include_unmentioned=True)
            found = everything if unmentioned else [o for o in everything if not o.unmentioned]
            if as_json:
                echo_json(found)
                return
            rows = [
                (o.action.raised_on, o.age_days, ", ".join(o.action.owners), o.action.text, o.last_sighting.date, o.reason)
                for o in found
            ]
            echo_table(("raised", "age", "owners", "action", "last seen", "why open"), rows, wide=3)
            hidden = len(everything) - len(found)
            if hidden:
                click.echo(f"{hidden} more not mentioned at their board's last meetings (likely closed): --unmentioned lists them")
            return
        tracked = archive.tracked_actions(owner=owner)
        if as_json:
            echo_json(tracked)
            return
        rows = [(t.raised_on, t.status, ", ".join(t.owners), t.text, len(t.sightings)) for t in tracked]
        echo_table(("raised", "status", "owners", "action", "seen"), rows, wide=3)


@click.command()
@click.argument("query")
@db_option
@click.option("--since", default=None, help="From this year or date (YYYY or YYYY-MM-DD).")
@click.option("--until", default=None, help="Up to this year or date.")
@click.option("--unit", default=None, help="Only figures of this unit (count, percent, GBP, rate ...).")
@click.option("--plot", "plot", default=None, type=click.Path(dir_okay=False), help="Also draw the figures over time to this PNG (needs the 'plot' extra).")
@json_option
def figures(query: str, db: str, since: str | None, until: str | None, unit: str | None, plot: str | None, as_json: bool) -> None:
    """Search one measure across years: every figure quoted for QUERY, in time order."""
    with Archive(db) as archive:
        found = find_figures(archive, query, since=since, until=until, unit=unit)
    if plot:
        _plot(found, query, Path(plot))
    if as_json:
        echo_json(found)
        return
    rows = []
    for figure in found:
        stat = figure.statistic
        rows.append(
            (
                figure.when,
                stat.surface,
                stat.unit,
                stat.metric,
                stat.period,
                stat.direction,
                f"{stat.source.paper}:p{stat.source.page}" if stat.source.page else stat.source.paper,
                "conflict" if figure.conflicts else "",
            )
        )
    echo_table(("when", "figure", "unit", "measure", "period", "change", "source", ""), rows, wide=3)


def _plot(found: list, query: str, path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise click.ClickException(
            f"--plot needs matplotlib: pip install 'boardpapers[{PLOT_EXTRA}]' (or pip install matplotlib)"
        ) from None
    by_unit: dict[str, list[tuple[dt.date, float]]] = {}
    for figure in found:
        if figure.when:
            by_unit.setdefault(figure.statistic.unit, []).append((dt.date.fromisoformat(figure.when[:10]), figure.statistic.value))
    figure_, axes = plt.subplots(len(by_unit) or 1, 1, figsize=(8, 3 * max(len(by_unit), 1)), squeeze=False)
    for axis, (unit, points) in zip(axes[:, 0], sorted(by_unit.items())):
        axis.plot([p[0] for p in points], [p[1] for p in points], "o-")
        axis.set_title(f"{query} ({unit})")
    figure_.tight_layout()
    figure_.savefig(path)
    click.echo(f"plot written to {path}", err=True)


@click.command()
@db_option
@json_option
def people(db: str, as_json: bool) -> None:
    """List the people of the archive, one per human, with their attendance."""
    with Archive(db) as archive:
        found = archive.people()
        statuses = {person.id: Counter(a.status for a in archive.attendance(person=person.id)) for person in found}
    if as_json:
        echo_json([{**p.to_dict(), "attendance": dict(statuses[p.id])} for p in found])
        return
    rows = []
    for person in found:
        count = statuses[person.id]
        counted = count["present"] + count["apologies"] + count["absent"]
        rate = f"{count['present'] / counted:.0%}" if counted else ""
        roles = ", ".join(dict.fromkeys(role for _, role in person.roles))
        rows.append((person.name, roles, len(person.meetings), count["present"], count["apologies"], count["absent"], rate))
    echo_table(("name", "roles", "meetings", "present", "apologies", "absent", "rate"), rows, wide=1)


@click.command()
@db_option
@json_option
def meetings(db: str, as_json: bool) -> None:
    """List the meetings of the archive in date order, one per board and date however its papers name the board."""
    with Archive(db) as archive:
        found = archive.meetings()
    if as_json:
        echo_json(found)
        return
    rows = [(m.date, m.body, m.chair, m.venue, len(m.papers), m.id) for m in found]
    echo_table(("date", "body", "chair", "venue", "papers", "id"), rows, wide=1)


@click.command()
@click.argument("ident")
@db_option
@json_option
def show(ident: str, db: str, as_json: bool) -> None:
    """Show one paper (by id) or one meeting (by any of its ids, or by date when one board met that day).

    A meeting's records are those of every paper that records it, however they name the board.
    """
    with Archive(db) as archive:
        meeting_ = archive.meeting(ident)
        meetings_ = [meeting_] if meeting_ else [m for m in archive.meetings() if m.date == ident]
        papers = [p for p in archive.papers() if p.id == ident]
        if not meetings_ and not papers:
            click.echo(f"boardpapers: no paper or meeting {ident!r} in {db}", err=True)
            raise click.exceptions.Exit(EXIT_NOT_FOUND)
        if papers:
            paper = papers[0]
            data = {"paper": {k: v for k, v in paper.to_dict().items() if k != "text"}}
            data["statistics"] = [s.to_dict() for s in archive.statistics(paper.id)]
        else:
            meeting = meetings_[0]
            data = {
                "meeting": meeting.to_dict(),
                "attendance": archive.attendance(meeting.id).to_dicts(),
                "agenda_items": archive.agenda_items(meeting.id).to_dicts(),
                "resolutions": archive.resolutions(meeting.id).to_dicts(),
                "actions": archive.actions(meeting.id).to_dicts(),
            }
    if as_json:
        echo_json([data])
        return
    for section, value in data.items():
        if isinstance(value, dict):
            click.echo(section)
            for key, item in value.items():
                click.echo(f"  {key}: {shorten(str(item), 100)}")
        else:
            click.echo(f"{section} ({len(value)})")
            for record in value:
                click.echo("  " + shorten(record.get("text") or record.get("title") or record.get("name") or record.get("surface"), 110))


@click.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Hits of each kind.")
@json_option
def search(query: str, db: str, limit: int, as_json: bool) -> None:
    """Full-text search (FTS5 syntax) over paper text and record text."""
    with Archive(db) as archive:
        hits = archive.search(query, limit=limit)
    if as_json:
        echo_json(hits)
        return
    echo_table(("kind", "meeting", "title", "match"), [(h.kind, h.meeting, h.title, h.snippet) for h in hits], wide=3)


@click.command()
@db_option
@click.option("--format", "format_", type=click.Choice(["json", "csv"]), default="json", show_default=True, help="json: one file; csv: a folder with one file per record kind.")
@click.option("--output", "-o", default=None, type=click.Path(), help="Where to write (default boardpapers.json or boardpapers-csv/).")
def export(db: str, format_: str, output: str | None) -> None:
    """Export every record of the archive as JSON or CSV."""
    dest = Path(output or ("boardpapers.json" if format_ == "json" else "boardpapers-csv"))
    with Archive(db) as archive:
        written = archive.export(format_, dest)
    for path in written:
        click.echo(str(path))


def register(group: click.Group) -> None:
    """Add the archive commands to the ``boardpapers`` command group."""
    for command in (import_command, actions, figures, people, meetings, show, search, export):
        group.add_command(command)
