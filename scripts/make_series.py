"""Write a synthetic board series (minutes and action logs) with its ground truth, to measure action tracking.

The corpus holds one real chain of meetings, too few to measure how well
actions are followed from the minutes that raise them through the action logs
that carry them forward. This script writes a realistic series for one
invented board: meetings every 2–3 months, a membership that drifts (people
leave and join, are promoted), actions raised in the minutes in the forms
minute-takers use ("X agreed to ... by Friday 5 February. (Action)", bold
**(Action)** marks, "ACTION: CST to ...", "X would provide an update at the
next meeting", "She agreed to ..."), carried in action logs whose rows
paraphrase the minutes, write owners as variants ("Cllr Longstaff", "D.
Longstaff", "DL" with a key, "CST") and change column names and status words
between periods, and which end as completed, completed only in the minutes,
dropped, or still open. ``_series_plan`` documents the proportions.

Usage::

    python scripts/make_series.py OUT_DIR [--meetings 12] [--seed 0] [--formats pdf,docx[,txt]] [--jobs 1]

Files: ``YYYY-MM-DD_minutes.<ext>`` and ``YYYY-MM-DD_action_log.<ext>`` per
meeting (no log where nothing is tracked), so a folder import sees one paper
per file. Each paper is written in one format, the requested formats taking
turns (meeting ``i``'s minutes in format ``i``, its log in format ``i + 1``),
so every kind of paper appears in every format. The same ``--seed`` gives the
same ``truth.json``, byte for byte (PDF files carry a creation time).

``OUT_DIR/truth.json`` (``"format": "boardpapers-series/1"``)::

    seed, meetings_requested, formats, body, venue,
    previous_meeting       date of the meeting before the series (actions raised there have no minutes here)
    proportions            the planned shares and what this series actually contains
    meetings   [{date, files: {minutes, action_log|null}, chair, present, apologies, in_attendance}]
               (people by canonical name)
    people     [{id, name, status: member|officer, joined, left|null,
                 roles: [{from, honorific|null, role, organisation}],   a new entry per role change
                 variants: [every form the papers write the name in, in first-use order]}]
    teams      [{id, name, variants}]
    actions    [{id, raised (date), raised_in_series (false: raised before the series),
                 owners [canonical names], text (canonical wording),
                 due (ISO or null), due_text (as the raising minute wrote it, else the first log row, or null),
                 sightings [{meeting, file, kind: raised|action_log|minutes,
                             text       the sentence or log cell exactly as it is in the paper's parsed text
                                        (boardpapers.parse(file).papers[0].text), without any markup,
                             status_text  status as written ("Carried forward", "Green – complete",
                                          "action completed") or null for a raising minute,
                             status     raised|open|ongoing|carried_forward|done|dropped,
                             owner_text owner as written there (for a "minutes" sighting: who spoke, or null),
                             due_text   deadline as written there, or null,
                             update     (action_log only) the row's update cell,
                             mark       (raised only) "(Action)", "**(Action)**" (bold), "ACTION:" or null}],
                 final_status (status at the last meeting: that of the last sighting, "open" if only raised),
                 closed (date of the meeting it was completed or dropped at, or null)}]

A "raised" sighting's text is the sentence that assigns the task; where the
owner is a pronoun ("She agreed to ...") the previous sentence names her.
A separate "(Action)" paragraph after the sentence is not part of the text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _series_people import Person  # noqa: E402
from _series_plan import ENDINGS, LIVES, PlannedAction, Series, plan_series  # noqa: E402
from _series_render import FORMATS, PaperBlock, render  # noqa: E402
from _series_text import Sighting, Writer, long_date  # noqa: E402

TRUTH_FORMAT = "boardpapers-series/1"

RenderJob = tuple[list[PaperBlock], Path, str, str]


def _final(action: PlannedAction, sightings: list[Sighting]) -> tuple[str, str | None]:
    status = sightings[-1].status if sightings else "open"
    closed = sightings[-1].meeting.isoformat() if status in {"done", "dropped"} else None
    return ("open" if status == "raised" else status), closed


def _action_truth(action: PlannedAction, sightings: list[Sighting], due_text: str | None) -> dict:
    words = {"full": action.obj[0], "org": action.partner[0] if action.partner else ""}
    final, closed = _final(action, sightings)
    if due_text is None and action.raised < 0:
        due_text = next((s.due_text for s in sightings if s.kind == "action_log"), None)
    return {
        "id": action.id,
        "raised": action.raised_date.isoformat(),
        "raised_in_series": action.raised >= 0,
        "owners": [owner.name for owner in action.owners],
        "text": action.task["canonical"].format(**words),
        "due": action.due.isoformat() if action.due else None,
        "due_text": due_text,
        "sightings": [s.to_dict() for s in sightings],
        "final_status": final,
        "closed": closed,
    }


def _person_truth(person: Person) -> dict:
    return {
        "id": person.id,
        "name": person.name,
        "status": person.status,
        "joined": person.joined.isoformat(),
        "left": person.left.isoformat() if person.left else None,
        "roles": [
            {"from": s.start.isoformat(), "honorific": s.honorific, "role": s.role, "organisation": s.organisation}
            for s in person.spells
        ],
        "variants": list(person.variants),
    }


def _proportions(series: Series, truths: list[dict]) -> dict:
    in_series = [a for a, t in zip(series.actions, truths) if t["raised_in_series"]]
    closing = Counter(a.ending for a in series.actions if a.ends_at < len(series.meetings))
    return {
        "planned": {"lives": {str(life): share for life, share in LIVES}, "endings": dict(ENDINGS)},
        "actions": len(truths),
        "raised_before_series": len(truths) - len(in_series),
        "endings_reached": dict(sorted(closing.items())),
        "open_at_end": sum(1 for t in truths if t["final_status"] not in {"done", "dropped"}),
        "sightings": dict(sorted(Counter(s["kind"] for t in truths for s in t["sightings"]).items())),
    }


def _render_job(job: RenderJob) -> str:
    blocks, path, fmt, title = job
    render(blocks, path, fmt, title)
    return path.name


def write_series(out_dir: Path, meetings: int, seed: int, formats: list[str], jobs: int = 1) -> dict:
    """Write the papers and ``truth.json`` of one series into ``out_dir``; return the truth."""
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if not formats or unknown:
        raise ValueError(f"formats must be some of {', '.join(FORMATS)}, not {','.join(formats)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    series = plan_series(meetings, seed)
    writer = Writer(series, seed)
    render_jobs: list[RenderJob] = []
    meeting_truth = []
    for meeting in series.meetings:
        day = meeting.date.isoformat()
        minutes_fmt = formats[meeting.index % len(formats)]
        log_fmt = formats[(meeting.index + 1) % len(formats)]
        minutes_name = f"{day}_minutes.{minutes_fmt}"
        log_name = f"{day}_action_log.{log_fmt}"
        when = long_date(meeting.date)
        render_jobs.append((writer.minutes(meeting, minutes_name), out_dir / minutes_name, minutes_fmt,
                            f"{series.body} – minutes – {when}"))
        log_blocks = writer.action_log(meeting, log_name)
        if log_blocks is not None:
            render_jobs.append((log_blocks, out_dir / log_name, log_fmt, f"{series.body} – action log – {when}"))
        meeting_truth.append({
            "date": day,
            "files": {"minutes": minutes_name, "action_log": log_name if log_blocks is not None else None},
            "chair": meeting.chair.name,
            "present": [p.name for p in meeting.present],
            "apologies": [p.name for p in meeting.apologies],
            "in_attendance": [p.name for p in meeting.in_attendance],
        })
    by_action: dict[str, list[Sighting]] = {action.id: [] for action in series.actions}
    for sighting in writer.sightings:
        by_action[sighting.action].append(sighting)
    actions = [_action_truth(a, by_action[a.id], writer.due_texts.get(a.id)) for a in series.actions]
    truth = {
        "format": TRUTH_FORMAT,
        "seed": seed,
        "meetings_requested": meetings,
        "formats": formats,
        "body": series.body,
        "venue": series.venue,
        "previous_meeting": series.previous_date.isoformat(),
        "proportions": _proportions(series, actions),
        "meetings": meeting_truth,
        "people": [_person_truth(person) for person in series.roster.people],
        "teams": [{"id": t.id, "name": t.name, "variants": list(t.variants)} for t in series.roster.teams],
        "actions": actions,
    }
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(_render_job, render_jobs, chunksize=8))
    else:
        for job in render_jobs:
            _render_job(job)
    (out_dir / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--meetings", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", default="pdf,docx", help="comma-separated: pdf, docx, txt")
    parser.add_argument("--jobs", type=int, default=1, help="processes rendering files in parallel")
    args = parser.parse_args(argv)
    formats = [fmt.strip() for fmt in args.formats.split(",") if fmt.strip()]
    try:
        truth = write_series(args.out_dir, args.meetings, args.seed, formats, args.jobs)
    except ValueError as error:
        parser.error(str(error))
    files = sum(1 for m in truth["meetings"] for name in m["files"].values() if name)
    print(f"{args.out_dir}: {len(truth['meetings'])} meetings, {files} files, {len(truth['actions'])} actions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
