"""Benchmarks of boardpapers: speed and memory, one subcommand per area.

Usage: python scripts/bench.py pdf

Each measurement runs in a child process (``bench.py measure ...``) and
reports its own time and peak resident memory, so one measurement's imports
and caches never pollute another's numbers. A new area
is a new subcommand: a function that prints its tables, added to ``BENCHES``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
REALDOCS = ROOT.parent / "shared" / "realdocs"
sys.path.insert(0, str(ROOT / "scripts"))

SMALL_PAGES = 50
LARGE_PAGES = 1500
UNREADABLE = {"363.pdf"}  # the undecodable realdoc: it fails fast and would flatter the reader


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


def measure(reader: str, paths: list[Path]) -> Measurement:
    """Run one reader over ``paths`` in a fresh child process."""
    result = subprocess.run(
        [sys.executable, __file__, "measure", reader, *map(str, paths)],
        check=True,
        capture_output=True,
        text=True,
    )
    return Measurement(**json.loads(result.stdout.strip().splitlines()[-1]))


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


def bench_pdf() -> None:
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


BENCHES: dict[str, Callable[[], None]] = {"pdf": bench_pdf}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, bench in BENCHES.items():
        commands.add_parser(name, help=(bench.__doc__ or "").strip())
    child = commands.add_parser("measure", help="(internal) one measurement, run in a child process")
    child.add_argument("reader", choices=sorted(READERS))
    child.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "measure":
        _measure_here(args.reader, args.paths)
    else:
        BENCHES[args.command]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
