"""Score the parser against the hand-checked gold records in corpus/gold/.

For each record type: precision, recall and F1 of matching parsed records to
gold records (one-to-one, greedy on the best match), then, among matched
records, the share whose other fields are right. Gold records marked
``optional`` neither count as misses nor make a match a false positive.
A record type with gold but no extractor yet shows its gold count and zero
recall: the table reports what the parser does, not what it will do.

Usage: python scripts/evaluate.py [--json] [--formats text,pdf,docx]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from rapidfuzz import fuzz

import boardpapers
from boardpapers.document import clean_line

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "papers"
GOLD = ROOT / "corpus" / "gold"

Record = dict[str, Any]


def load_gold(stem: str) -> dict[str, list[Record]]:
    """Merge every ``<stem>*.json`` gold file of one paper into one dict of lists."""
    gold: dict[str, list[Record]] = {}
    for path in sorted(GOLD.glob(f"{stem}*.json")):
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            if isinstance(value, list):
                gold.setdefault(key, []).extend(value)
    return gold


def _same_text(a: str | None, b: str | None, threshold: float = 85) -> bool:
    if not a or not b:
        return a == b or (not a and not b)
    return fuzz.token_set_ratio(clean_line(a).lower(), clean_line(b).lower()) >= threshold


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return _same_text(a, b, 90)
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) < 1e-6
    return bool(a == b)


@dataclass
class Spec:
    """How records of one type are matched (``matches``) and which fields are then checked."""

    matches: Callable[[Record, Record], bool]
    fields: tuple[str, ...]


def _meeting_of(record: Record, meetings: dict[str, str]) -> str | None:
    return meetings.get(record.get("meeting", ""), record.get("meeting"))


SPECS: dict[str, Spec] = {
    "papers": Spec(
        lambda g, p: g["kind"] == p["kind"] and _same_text(g.get("title"), p.get("title"), 80),
        ("body", "meeting_date", "author", "first_words"),
    ),
    "meetings": Spec(lambda g, p: g["date"] == p["date"], ("start_time", "end_time", "venue", "chair", "body")),
    "attendance": Spec(
        lambda g, p: g["meeting"] == p["meeting"] and _same_text(g["name"], p["name"], 90),
        ("status", "honorific", "role", "organisation"),
    ),
    "agenda_items": Spec(
        lambda g, p: g["meeting"] == p["meeting"] and g["kind"] == p["kind"] and (g.get("number") == p.get("number"))
        and _same_text(g["title"], p["title"], 80),
        ("presenter", "start_time", "end_time", "pages", "procedural"),
    ),
    "resolutions": Spec(
        lambda g, p: g["meeting"] == p["meeting"] and _same_text(g["text"], p["text"], 75),
        ("kind", "number", "item"),
    ),
    "actions": Spec(
        lambda g, p: g["meeting"] == p["meeting"] and _same_text(g["text"], p["text"], 75),
        ("owners", "due", "origin", "status"),
    ),
    "statistics": Spec(
        lambda g, p: _same(float(g["value"]), float(p["value"])) and g["unit"] == p["unit"]
        and _same_text(g.get("quote"), p.get("sentence"), 60),
        ("metric", "period", "period_start", "period_end", "direction", "comparison", "place", "qualifier"),
    ),
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, other: "Score") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        for name, count in other.field_right.items():
            self.field_right[name] += count

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _field_value(record: Record, name: str, text: str | None = None) -> Any:
    if name == "first_words":
        return " ".join((text or "").split()[:6]) if text is not None else record.get("first_words")
    value = record.get(name)
    return sorted(value) if isinstance(value, list) else value


def score_type(spec: Spec, gold: list[Record], parsed: list[Record], texts: dict[int, str] | None = None) -> Score:
    score = Score()
    unmatched = list(range(len(parsed)))
    # Required gold claims its match before optional gold can take it.
    for record in sorted(gold, key=lambda g: bool(g.get("optional"))):
        hit = next((i for i in unmatched if spec.matches(record, parsed[i])), None)
        if hit is None:
            if not record.get("optional"):
                score.fn += 1
            continue
        unmatched.remove(hit)
        if record.get("optional"):
            continue
        score.tp += 1
        for name in spec.fields:
            parsed_value = _field_value(parsed[hit], name, (texts or {}).get(hit) if name == "first_words" else None)
            gold_value = _field_value(record, name)
            if name == "first_words":
                right = _same_text(gold_value, parsed_value, 80)
            else:
                right = _same(gold_value, parsed_value)
            score.field_right[name] += int(right)
    score.fp += len(unmatched)
    return score


def parsed_records(result: boardpapers.ParseResult) -> dict[str, list[Record]]:
    """Parsed records in the gold's shape: records point at their meeting by date."""
    data = result.to_dict()
    dates = {m["id"]: m["date"] for m in data["meetings"]}
    out: dict[str, list[Record]] = {"papers": data["papers"], "meetings": data["meetings"]}
    for name in ("attendance", "agenda_items", "resolutions", "actions"):
        out[name] = [{**r, "meeting": _meeting_of(r, dates)} for r in data[name]]
    out["statistics"] = data["statistics"]
    return out


def evaluate(paths: list[Path]) -> dict[str, Score]:
    totals: dict[str, Score] = {name: Score() for name in SPECS}
    for path in paths:
        gold = load_gold(path.name.split(".")[0])
        parsed = parsed_records(boardpapers.parse(path))
        for name, spec in SPECS.items():
            if name not in gold:
                continue
            texts = {i: p["text"] for i, p in enumerate(parsed["papers"])} if name == "papers" else None
            totals[name].add(score_type(spec, gold[name], parsed[name], texts))
    return totals


def render_table(totals: dict[str, Score], label: str) -> str:
    lines = [
        f"| records ({label}) | gold | parsed | P | R | F1 | fields right among matched |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, score in totals.items():
        gold_count = score.tp + score.fn
        if not gold_count and not score.fp:
            continue
        fields = ", ".join(
            f"{key} {count / score.tp:.2f}" for key, count in sorted(score.field_right.items())
        ) if score.tp else "-"
        lines.append(
            f"| {name} | {gold_count} | {score.tp + score.fp} | {score.precision:.2f} | {score.recall:.2f} | {score.f1:.2f} | {fields} |"
        )
    return "\n".join(lines)


def _format_paths(fmt: str, work: Path) -> list[Path]:
    papers = sorted(CORPUS.glob("*.txt"))
    if fmt == "text":
        return papers
    sys.path.insert(0, str(ROOT / "scripts"))
    from render_corpus import render_paper

    return [render_paper(p, work)[0 if fmt == "pdf" else 1] for p in papers]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="text", help="comma-separated: text,pdf,docx")
    parser.add_argument("--json", action="store_true", help="print scores as JSON")
    parser.add_argument("--series", type=Path, default=None, help="score action tracking on a make_series.py folder instead")
    args = parser.parse_args(argv)
    if args.series is not None:
        from _evaluate_series import evaluate_series, render_series

        series = evaluate_series(args.series)
        print(json.dumps(series, indent=2) if args.json else render_series(series, args.series))
        return 0
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as work:
        for fmt in args.formats.split(","):
            totals = evaluate(_format_paths(fmt, Path(work)))
            report[fmt] = {
                name: {
                    "precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                    "fields_right": {key: count / s.tp for key, count in sorted(s.field_right.items())} if s.tp else {},
                }
                for name, s in totals.items()
            }
            if not args.json:
                print(render_table(totals, fmt))
                print()
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
