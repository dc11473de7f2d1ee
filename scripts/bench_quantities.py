"""Score the library's quantity finder on public quantity-extraction sets, beside quantulum3.

Runs :func:`boardpapers.extract.quantities.find_quantities` (the finder the
paper extractor itself calls, so this measures the library's own code path)
over the sets in ``../shared/bench/quantities/`` (NewsQuant is the main one,
plus msrt_en and quantulum3_tests), scores it with that directory's
``score.py``, and prints our scores beside quantulum3's stored predictions
(``baselines/``) and the published CQE figures, with sentences per second.
quantulum3 is timed only when it is installed (``pip install quantulum3``; it
is not a dependency of the library). The benchmark data stays where it is:
nothing is copied into the repository.

Usage: python scripts/bench_quantities.py [--bench DIR] [--sets newsquant,msrt_en,quantulum3_tests]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from boardpapers.extract.quantities import Quantity, find_quantities

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "quantities"
SETS = ("newsquant", "msrt_en", "quantulum3_tests")
CQE_NEWSQUANT = {"value": 92.0, "value+unit": 85.6}
# Our contract units in the benchmark's unit vocabulary; counts, ranks and ratios carry no unit there.
UNIT_NAMES = {"percent": "percentage", "percentage_points": "percentage point", "GBP": "pound sterling", "USD": "dollar", "EUR": "euro"}


def _load_scorer(bench: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_score", bench / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {bench / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _as_prediction(quantity: Quantity) -> dict[str, Any]:
    unit = UNIT_NAMES.get(quantity.unit) or (quantity.unit_name if quantity.unit == "other" else None)
    out: dict[str, Any] = {
        "value": quantity.value,
        "unit": unit,
        "start": quantity.start,
        "end": quantity.end,
        "surface": quantity.surface,
    }
    if quantity.value_high is not None:
        out["value_range"] = [quantity.value, quantity.value_high]
        out["value"] = (quantity.value + quantity.value_high) / 2
    return out


def _predictions(text: str) -> list[dict[str, Any]]:
    """The finder's figures in the benchmark's terms. NewsQuant writes a "from X to Y" change as one
    range, where the finder returns its two ends (both marked ``endpoint``), so such a pair is written
    as a range here."""
    # NewsQuant counts "15-year-old" (unit "year of age") but not an age that defines a group ("aged 18
    # to 34", "Senard, 65,"), which the finder marks ``age`` and the paper extractor drops as well.
    quantities = [q for q in find_quantities(text) if not (q.age and q.unit == "count")]
    out: list[dict[str, Any]] = []
    index = 0
    while index < len(quantities):
        quantity = quantities[index]
        following = quantities[index + 1] if index + 1 < len(quantities) else None
        if quantity.endpoint and following is not None and following.endpoint and quantity.value_high is None and following.value_high is None:
            pair = _as_prediction(following)
            pair.update(value=(quantity.value + following.value) / 2, value_range=[quantity.value, following.value])
            pair.update(start=quantity.start, surface=text[quantity.start : following.end])
            out.append(pair)
            index += 2
            continue
        out.append(_as_prediction(quantity))
        index += 1
    return out


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _ours(sentences: list[dict[str, Any]]) -> tuple[dict[str, Any], float]:
    started = time.perf_counter()
    predictions = {s["id"]: {"id": s["id"], "quantities": _predictions(s["text"])} for s in sentences}
    return predictions, len(sentences) / (time.perf_counter() - started)


def _quantulum_speed(sentences: list[dict[str, Any]]) -> float | None:
    try:
        from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        return None
    parser.parse("warm up 3 metres")
    started = time.perf_counter()
    for sentence in sentences:
        parser.parse(sentence["text"])
    return len(sentences) / (time.perf_counter() - started)


def _score(scorer: ModuleType, gold_path: Path, predictions: dict[str, Any]) -> dict[str, tuple[float, float, float]]:
    gold, order = scorer.load_jsonl(str(gold_path))
    acc, metrics, _, _ = scorer.score(gold, order, predictions, scorer.UnitCanon(), 1e-5, 1e-8)
    out = {}
    for metric in metrics:
        tp, n_pred, n_gold = acc["ALL"][metric]
        p, r, f = scorer.prf(tp, n_pred, n_gold)
        out[metric] = (100 * p, 100 * r, 100 * f)
    return out


def _line(name: str, scores: dict[str, tuple[float, float, float]] | None, speed: float | None) -> str:
    def cell(metric: str) -> str:
        if not scores or metric not in scores:
            return "-"
        return "{:.1f} / {:.1f} / {:.1f}".format(*scores[metric])

    rate = f"{speed:,.0f}" if speed else "-"
    return f"| {name} | {cell('value')} | {cell('value+unit')} | {cell('span_overlap')} | {rate} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH, help="the quantities benchmark directory")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    args = parser.parse_args(argv)
    if not (args.bench / "score.py").is_file():
        print(f"benchmark data not found at {args.bench}: nothing to score")
        return 0
    scorer = _load_scorer(args.bench)
    find_quantities("warm up: 3 metres")  # build the patterns before timing
    for name in args.sets.split(","):
        gold_path = args.bench / f"{name}.jsonl"
        if not gold_path.is_file():
            print(f"{name}: {gold_path} not found, skipped\n")
            continue
        sentences = _read(gold_path)
        predictions, speed = _ours(sentences)
        print(f"### {name} ({len(sentences)} sentences) - P / R / F1")
        print("| system | value | value+unit | span_overlap | sentences/s |")
        print("|---|---|---|---|---|")
        print(_line("boardpapers find_quantities", _score(scorer, gold_path, predictions), speed))
        for baseline in sorted((args.bench / "baselines").glob(f"*.{name}.jsonl")):
            stored = {row["id"]: row for row in _read(baseline)}
            system = baseline.name.split(f".{name}")[0]
            quantulum_speed = _quantulum_speed(sentences) if system.startswith("quantulum3") else None
            print(_line(f"{system} (stored predictions)", _score(scorer, gold_path, stored), quantulum_speed))
        if name == "newsquant":
            print(f"| CQE (published) | {CQE_NEWSQUANT['value']:.1f} F1 | {CQE_NEWSQUANT['value+unit']:.1f} F1 | - | - |")
        if _quantulum_speed([]) is None:
            print("(quantulum3 is not installed: only our speed is measured)")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
