"""Action tracking measured on a generated series (``scripts/make_series.py``) against its ``truth.json``.

The series is imported into a fresh archive and its tracked actions are
compared with the truth:

- **sighting match**: each action record the parser read (minutes task, log
  row) is matched to the truth sighting in the same file whose text it
  resembles most (rapidfuzz token-set ratio >= 70);
- **pairing**: every two sightings the truth puts in one action are a true
  pair; every two matched sightings the archive puts in one tracked item
  are a predicted pair. Precision, recall and F1 over pairs; ``linking``
  restricts the truth to sightings the parser read, so it scores the
  linking alone, ``end to end`` scores reading and linking together;
- **status**: for each truth action whose raising sighting was read, whether
  the tracked item holding it ends open, done or dropped as the truth does;
- **outstanding**: the archive's ``outstanding()`` on the series' last date
  against the truth actions still open or ongoing then. A listed item counts
  as right when one of its sightings is a sighting of such an action.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

import boardpapers

_MATCH = 70
_CLOSED = {"done": "done", "dropped": "dropped"}


def _truth_sightings(truth: dict[str, Any]) -> dict[tuple[str, int], tuple[str, str]]:
    """(action id, sighting number) -> (file name, text as written), for sightings that are records."""
    out = {}
    for action in truth["actions"]:
        for number, sighting in enumerate(action["sightings"]):
            if sighting["kind"] in {"raised", "action_log"}:
                out[(action["id"], number)] = (sighting["file"], sighting["text"])
    return out


def _match_records(archive: boardpapers.Archive, truth: dict[str, Any]) -> dict[int, tuple[str, int]]:
    """Index of each parsed action -> the truth sighting it is."""
    files = {paper.id: Path(paper.source).name for paper in archive.papers()}
    by_file: dict[str, list[tuple[tuple[str, int], str]]] = {}
    for key, (file, text) in _truth_sightings(truth).items():
        by_file.setdefault(file, []).append((key, text))
    matched: dict[int, tuple[str, int]] = {}
    taken: set[tuple[str, int]] = set()
    for index, action in enumerate(archive.actions()):
        candidates = by_file.get(files.get(action.source.paper, ""), [])
        scored = [(fuzz.token_set_ratio(action.text.lower(), text.lower()), key) for key, text in candidates if key not in taken]
        if scored:
            score, key = max(scored)
            if score >= _MATCH:
                matched[index] = key
                taken.add(key)
    return matched


def _pairs(groups: list[set[tuple[str, int]]]) -> set[frozenset[tuple[str, int]]]:
    return {frozenset(pair) for group in groups for pair in itertools.combinations(sorted(group), 2)}


def _prf(predicted: set, true: set) -> dict[str, float]:
    hit = len(predicted & true)
    precision = hit / len(predicted) if predicted else 0.0
    recall = hit / len(true) if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pairs_true": len(true), "pairs_predicted": len(predicted)}


def evaluate_series(folder: Path) -> dict[str, Any]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work, boardpapers.Archive(Path(work) / "series.db") as archive:
        archive.import_path(folder)
        matched = _match_records(archive, truth)
        tracked = archive.tracked_actions()
        listed = archive.outstanding()
    predicted_groups = [{matched[s.action] for s in item.sightings if s.action is not None and s.action in matched} for item in tracked]
    truth_groups = [
        {(a["id"], n) for n, s in enumerate(a["sightings"]) if s["kind"] in {"raised", "action_log"}} for a in truth["actions"]
    ]
    read = set(matched.values())
    item_of = {key: item for item, group in zip(tracked, predicted_groups) for key in group}
    status_right = status_total = 0
    for action in truth["actions"]:
        first = next(((action["id"], n) for n, s in enumerate(action["sightings"]) if (action["id"], n) in read), None)
        if first is None or first not in item_of:
            continue
        status_total += 1
        expected = _CLOSED.get(action["final_status"], "open")
        status_right += int(_CLOSED.get(item_of[first].status, "open") == expected)
    still_open = {a["id"] for a in truth["actions"] if a["final_status"] not in _CLOSED}
    listed_ids = [{matched[s.action][0] for s in o.action.sightings if s.action in matched} for o in listed]
    right = sum(1 for ids in listed_ids if ids & still_open)
    found = {action for ids in listed_ids for action in ids} & still_open
    return {
        "outstanding": {
            "listed": len(listed), "right": right, "truth_open": len(still_open),
            "precision": right / len(listed) if listed else 0.0,
            "recall": len(found) / len(still_open) if still_open else 0.0,
        },
        "actions": len(truth["actions"]),
        "sightings_true": sum(len(g) for g in truth_groups),
        "sightings_read": len(read),
        "pairing_end_to_end": _prf(_pairs(predicted_groups), _pairs(truth_groups)),
        "pairing_linking": _prf(_pairs(predicted_groups), _pairs([g & read for g in truth_groups])),
        "status_accuracy": status_right / status_total if status_total else 0.0,
        "status_judged": status_total,
    }


def render_series(report: dict[str, Any], folder: Path) -> str:
    lines = [
        f"Action tracking on {folder} ({report['actions']} actions; {report['sightings_read']} of "
        f"{report['sightings_true']} record sightings read)",
        "",
        "| measure | P | R | F1 | pairs (true / predicted) |",
        "|---|---|---|---|---|",
    ]
    for name in ("pairing_linking", "pairing_end_to_end"):
        s = report[name]
        lines.append(
            f"| {name.replace('_', ' ')} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | "
            f"{s['pairs_true']} / {s['pairs_predicted']} |"
        )
    lines.append(f"| final status right | | | {report['status_accuracy']:.2f} | of {report['status_judged']} actions |")
    o = report["outstanding"]
    lines.append(
        f"| outstanding at the end | {o['precision']:.2f} | {o['recall']:.2f} | | {o['right']} of {o['listed']} listed are "
        f"among the {o['truth_open']} the truth leaves open |"
    )
    return "\n".join(lines)
