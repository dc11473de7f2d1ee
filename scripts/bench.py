"""Benchmarks of boardpapers: speed and memory, one subcommand per area.

Usage::

    python scripts/bench.py pdf
    python scripts/bench.py archive [--meetings 1000] [--series DIR]

Each measurement runs in a child process (``bench.py measure ...``,
``bench.py measure-import ...``) and reports its own time and peak resident
memory, so one measurement's imports and caches never pollute another's
numbers. A new area is a new subcommand: a function that takes the parsed
arguments and prints its tables, added to ``BENCHES`` (with its options in
``_add_options``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
REALDOCS = ROOT.parent / "shared" / "realdocs"
sys.path.insert(0, str(ROOT / "scripts"))

SMALL_PAGES = 50
LARGE_PAGES = 1500
UNREADABLE = {"363.pdf"}  # the undecodable realdoc: it fails fast and would flatter the reader

CORPUS_PAPERS = ROOT / "corpus" / "papers"
CORPUS_MINUTES = "002"  # minutes with actions, to import alone into an archive of another board
SERIES_SEED = 0
SERIES_FORMATS = ["pdf", "docx"]
QUERY_RUNS = 10
QUERY_TARGET_MS = 100.0
# Measures the corpus reports (the synthetic series has none): one with many figures, two with a few.
FIGURE_QUERIES = ("burglary", "violence with injury", "anti-social behaviour")


@dataclass
class Measurement:
    pages: int
    seconds: float
    peak_mb: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def _parse_with_boardpapers(paths: list[Path]) -> int:
    """The full parse a user runs: read, split into papers, extract every record."""
    from boardpapers import parse

    pages = 0
    for path in paths:
        pages += parse(path).papers[0].pages or 0
    return pages


def _parse_with_pdfplumber(paths: list[Path]) -> int:
    import pdfplumber

    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    return pages


READERS: dict[str, Callable[[list[Path]], int]] = {
    "boardpapers": _parse_with_boardpapers,
    "pdfplumber": _parse_with_pdfplumber,
}


def _measure_here(reader: str, paths: list[Path]) -> None:
    """The child's side: parse, then print pages, seconds and peak memory as JSON."""
    parse = READERS[reader]
    start = time.perf_counter()
    pages = parse(paths)
    seconds = time.perf_counter() - start
    print(json.dumps({"pages": pages, "seconds": seconds, "peak_mb": _peak_kb() / 1024}))


def _peak_kb() -> int:
    """This process's peak resident memory, in KiB.

    Linux's ``ru_maxrss`` carries over the parent's peak through fork and exec,
    so every child would report at least the parent's size; the high-water
    mark of the process's own address space (``VmHWM``) starts afresh at exec.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _in_child(*args: str) -> dict:
    """Run ``bench.py *args`` in a fresh process; its last line of output is its measurement, as JSON."""
    result = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(reader: str, paths: list[Path]) -> Measurement:
    """Run one reader over ``paths`` in a fresh child process."""
    return Measurement(**_in_child("measure", reader, *map(str, paths)))


def _render_corpus(out: Path) -> list[Path]:
    from render_corpus import CORPUS, render_paper

    return [render_paper(paper, out)[0] for paper in sorted(CORPUS.glob("*.txt"))]


def _realdocs_pdfs() -> list[Path]:
    return sorted(p for p in REALDOCS.rglob("*.pdf") if p.name not in UNREADABLE)


def _concatenate(sources: list[Path], out: Path) -> Path:
    """One PDF holding every page of ``sources``, in order."""
    import pypdfium2 as pdfium

    target = pdfium.PdfDocument.new()
    for source in sources:
        with pdfium.PdfDocument(source) as document:
            target.import_pages(document)
    target.save(out)
    target.close()
    return out


def _repeat(source: Path, pages: int, out: Path) -> Path:
    """A PDF of ``pages`` pages cycling through ``source``'s pages.

    One import call for all of them, so the copies share their fonts and
    images as the pages of one long pack do; importing the sources over and
    over would copy every font once per copy and measure the file's size
    rather than the reader's memory.
    """
    import pypdfium2 as pdfium

    target = pdfium.PdfDocument.new()
    with pdfium.PdfDocument(source) as document:
        count = len(document)
        target.import_pages(document, [index % count for index in range(pages)])
    target.save(out)
    target.close()
    return out


def _speed_table(files: list[Path], label: str) -> None:
    """Pages per second of our reader and of pdfplumber over the same files."""
    ours = measure("boardpapers", files)
    theirs = measure("pdfplumber", files)
    print(f"\n### Speed: {label} ({len(files)} files, {ours.pages} pages)\n")
    print("| reader | pages | seconds | pages/s | peak MB |")
    print("|---|---:|---:|---:|---:|")
    for name, m in (("boardpapers `parse()` (full parse)", ours), ("pdfplumber `page.extract_text()`", theirs)):
        print(f"| {name} | {m.pages} | {m.seconds:.2f} | {m.pages_per_second:.1f} | {m.peak_mb:.0f} |")
    print(f"\nboardpapers is **{ours.pages_per_second / theirs.pages_per_second:.1f}x** pdfplumber's extract_text.")


def _memory_table(sources: list[Path], label: str, tmp: Path) -> None:
    """Peak memory of a full parse of a short and of a long PDF made from ``sources``."""
    combined = _concatenate(sources, tmp / "combined.pdf")
    files = {name: _repeat(combined, pages, tmp / f"{name}.pdf") for name, pages in
             (("small", SMALL_PAGES), ("large", LARGE_PAGES))}
    small, large = (measure("boardpapers", [files[name]]) for name in ("small", "large"))
    print(f"\n### Memory: full parse of {label} concatenated\n")
    print("| PDF | pages | file MB | seconds | pages/s | peak MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, m in (("small", small), ("large", large)):
        size = files[name].stat().st_size / 2**20
        print(f"| {name} | {m.pages} | {size:.1f} | {m.seconds:.2f} | {m.pages_per_second:.1f} | {m.peak_mb:.0f} |")
    print(f"\nPeak memory of the {large.pages}-page parse is **{large.peak_mb / small.peak_mb:.2f}x** "
          f"the {small.pages}-page one.")


def bench_pdf(args: argparse.Namespace) -> None:
    """PDF reader: speed against pdfplumber and memory against page count."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        rendered = _render_corpus(tmp / "rendered")
        _speed_table(rendered, "rendered corpus")
        if not REALDOCS.is_dir():
            print(f"\n{REALDOCS} is absent: realdocs speed skipped; memory measured on the rendered corpus.")
            _memory_table(rendered, "rendered corpus", tmp)
            return
        realdocs = _realdocs_pdfs()
        _speed_table(realdocs, "realdocs")
        _speed_table(rendered + realdocs, "both")
        _memory_table(realdocs, "realdocs", tmp)


# ---------------------------------------------------------------- archive


def _series_papers(folder: Path) -> list[Path]:
    """The papers of a generated series, without its ``truth.json`` (which a folder import would read as text)."""
    return sorted(path for path in folder.iterdir() if path.suffix.lstrip(".") in SERIES_FORMATS)


def _series(folder: Path | None, meetings: int) -> Path:
    """A folder holding the ``meetings``-meeting series, generated on first use and reused after.

    ``make_series`` writes ``truth.json`` last, so a folder with a matching
    one is complete; generating 1,000 meetings takes minutes, timing the
    archive on them takes less.
    """
    folder = folder or Path(tempfile.gettempdir()) / "boardpapers-bench" / f"series-{meetings}"
    truth = folder / "truth.json"
    if truth.is_file():
        made = json.loads(truth.read_text(encoding="utf-8"))
        wanted = {"meetings_requested": meetings, "seed": SERIES_SEED, "formats": SERIES_FORMATS}
        if {key: made.get(key) for key in wanted} == wanted:
            return folder
        raise SystemExit(f"{folder} holds another series ({truth}); pass an empty or new --series folder")
    from make_series import write_series

    jobs = os.cpu_count() or 1
    print(f"Writing a {meetings}-meeting series into {folder} ({jobs} jobs) ...", file=sys.stderr, flush=True)
    write_series(folder, meetings, SERIES_SEED, SERIES_FORMATS, jobs=jobs)
    return folder


def _files_mb(database: Path) -> float:
    """The archive's size on disk: the database and whatever WAL and shared-memory files it left."""
    paths = [database, *(Path(f"{database}{suffix}") for suffix in ("-wal", "-shm"))]
    return sum(path.stat().st_size for path in paths if path.is_file()) / 2**20


def _import_here(database: Path, paths: list[Path], workers: int) -> None:
    """The child's side of an import: time ``import_path`` into ``database``, print what it did as JSON.

    The WAL is checkpointed into the database (outside the timing) so that
    the parent measures the file a user is left with.
    """
    from boardpapers import Archive

    with Archive(database) as archive:
        start = time.perf_counter()
        report = archive.import_path(paths, workers=workers)
        seconds = time.perf_counter() - start
        archive.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # RUSAGE_CHILDREN: the largest of the parsing processes, which start as forks of this one.
    workers_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if workers > 1 else 0
    print(json.dumps({
        "imported": len(report.imported), "skipped": len(report.skipped), "failed": len(report.failed),
        "pages": report.pages, "seconds": seconds, "peak_mb": _peak_kb() / 1024, "worker_peak_mb": workers_kb / 1024,
        "relinked": len(report.relinked),
    }))  # fmt: skip


def _median_ms(question: Callable[[], object]) -> tuple[float, object]:
    """The median wall time of ``QUERY_RUNS`` asks of ``question`` after one warm-up, and its answer."""
    answer = question()
    times = []
    for _ in range(QUERY_RUNS):
        start = time.perf_counter()
        question()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), answer


def _queries_here(database: Path) -> None:
    """The child's side of the query timings: every question asked of one archive, as JSON rows."""
    import boardpapers
    from boardpapers import Archive

    rows = []
    with Archive(database) as archive:
        ms, still_open = _median_ms(archive.outstanding)
        rows.append({"question": "outstanding()", "results": len(still_open), "ms": ms})
        # The owner filter resolves names through the archive's people: ask it of the person owning most.
        people = {person.name for person in archive.people()}
        owners = Counter(owner for item in still_open for owner in item.action.owners if owner in people)
        if owners:
            owner = owners.most_common(1)[0][0]
            ms, answer = _median_ms(lambda: archive.outstanding(owner=owner))
            rows.append({"question": f'outstanding(owner="{owner}")', "results": len(answer), "ms": ms})
        for query in FIGURE_QUERIES:
            ms, answer = _median_ms(lambda: boardpapers.figures(archive, query))
            rows.append({"question": f'figures(archive, "{query}")', "results": len(answer), "ms": ms})
        counts = archive.counts()
    print(json.dumps({"counts": counts, "rows": rows}))


def _import_row(label: str, workers: int, m: dict, database: Path) -> str:
    files = m["imported"] + m["skipped"]
    seconds = m["seconds"]
    worker_peak = f"{m['worker_peak_mb']:.0f}" if workers > 1 else "–"
    pages_per_second = f"{m['pages'] / seconds:.1f}" if m["pages"] else "–"  # text papers have no pages
    return (f"| {label} | {workers} | {m['imported']} | {m['skipped']} | {m['failed']} | {m['pages']} | "
            f"{seconds:.1f} | {files / seconds:.1f} | {pages_per_second} | {m['relinked']} | {m['peak_mb']:.0f} | "
            f"{worker_peak} | {_files_mb(database):.1f} |")  # fmt: skip


def bench_archive(args: argparse.Namespace) -> None:
    """Archive: import a synthetic series with 1 and 2 workers, re-import it, and time the questions asked of it."""
    folder = _series(args.series, args.meetings)
    papers = _series_papers(folder)
    with tempfile.TemporaryDirectory() as tmp:
        one, two = Path(tmp) / "one-worker.db", Path(tmp) / "two-workers.db"
        source = str(folder)
        corpus = sorted(CORPUS_PAPERS.glob("*.txt"))
        minutes = next(CORPUS_PAPERS.glob(f"{CORPUS_MINUTES}_*.txt"))
        # An import relinks only the boards it changed: the corpus's board is not the series' board.
        runs = [
            (f"{args.meetings} meetings, fresh archive", one, source, 1),
            (f"{args.meetings} meetings, fresh archive", two, source, 2),
            ("the same files again (nothing new)", two, source, 1),
            ("+ 1 corpus paper (minutes of another board: relinks that board alone)", two, str(minutes), 1),
            (f"+ the other {len(corpus) - 1} corpus papers (relinks their board)", two, str(CORPUS_PAPERS), 1),
        ]
        print(f"\n### Import: {len(papers)} papers of a {args.meetings}-meeting series ({folder})\n")
        print("| import | workers | imported | skipped | failed | pages | seconds | files/s | pages/s "
              "| boards relinked | peak MB (main) | peak MB (largest worker) | archive MB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for label, database, paths, workers in runs:
            measured = _in_child("measure-import", str(database), str(workers), paths)
            print(_import_row(label, workers, measured, database), flush=True)
        answers = _in_child("measure-queries", str(two))
    counts = answers["counts"]
    print(f"\n### Questions asked of it ({counts['meetings']} meetings, {counts['papers']} papers, "
          f"{counts['actions']} actions, {counts['action_items']} tracked actions, {counts['people']} people, "
          f"{counts['statistics']} statistics)\n")
    print(f"Median of {QUERY_RUNS} runs after one warm-up; target under {QUERY_TARGET_MS:.0f} ms.\n")
    print("| question | results | median ms | under target |")
    print("|---|---:|---:|---|")
    for row in answers["rows"]:
        verdict = "yes" if row["ms"] < QUERY_TARGET_MS else "**no**"
        print(f"| `{row['question']}` | {row['results']} | {row['ms']:.1f} | {verdict} |")


BENCHES: dict[str, Callable[[argparse.Namespace], None]] = {"pdf": bench_pdf, "archive": bench_archive}


def _add_options(name: str, command: argparse.ArgumentParser) -> None:
    if name == "archive":
        command.add_argument("--meetings", type=int, default=1000, help="meetings in the series (default 1000)")
        command.add_argument("--series", type=Path, help="where the series is kept and reused "
                             "(default: boardpapers-bench/series-N in the temp folder)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, bench in BENCHES.items():
        _add_options(name, commands.add_parser(name, help=(bench.__doc__ or "").strip()))
    child = commands.add_parser("measure", help="(internal) one measurement, run in a child process")
    child.add_argument("reader", choices=sorted(READERS))
    child.add_argument("paths", nargs="+", type=Path)
    importing = commands.add_parser("measure-import", help="(internal) one archive import, in a child process")
    importing.add_argument("database", type=Path)
    importing.add_argument("workers", type=int)
    importing.add_argument("folder", type=Path)
    asking = commands.add_parser("measure-queries", help="(internal) the archive's questions, in a child process")
    asking.add_argument("database", type=Path)
    args = parser.parse_args(argv)
    if args.command == "measure":
        _measure_here(args.reader, args.paths)
    elif args.command == "measure-import":
        papers = _series_papers(args.folder) if (args.folder / "truth.json").is_file() else [args.folder]
        _import_here(args.database, papers, args.workers)
    elif args.command == "measure-queries":
        _queries_here(args.database)
    else:
        BENCHES[args.command](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
