"""Render each corpus paper into a PDF and a DOCX, so every reader is tested on one content.

The text reader's blocks are the source of truth: each heading, paragraph,
list item and table is drawn as a real one (a drawn table in the PDF, a Word
table in the DOCX), with a running header, footer and page numbers in the PDF,
so the PDF and DOCX readers must recover the same blocks from real layouts.

Usage: python scripts/render_corpus.py [--out corpus/rendered] [PAPER.txt ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _render_docx import render_docx  # noqa: E402
from _render_pdf import render_pdf  # noqa: E402

from boardpapers.ingest import load  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "papers"


def render_paper(paper: Path, out_dir: Path) -> tuple[Path, Path]:
    """Write ``<stem>.pdf`` and ``<stem>.docx`` for one text paper; return their paths."""
    document = load(paper)
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf_path = out_dir / f"{paper.stem}.pdf"
    docx_path = out_dir / f"{paper.stem}.docx"
    render_pdf(document, pdf_path, title=paper.stem)
    render_docx(document, docx_path)
    return pdf_path, docx_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("papers", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "corpus" / "rendered")
    args = parser.parse_args(argv)
    for paper in args.papers or sorted(CORPUS.glob("*.txt")):
        for path in render_paper(paper, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
