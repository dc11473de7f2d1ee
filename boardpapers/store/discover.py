"""Finding the files to import: every candidate file under the folders given, in a stable order.

Type is decided by content when a file is parsed (``boardpapers.ingest``), so
the walk only leaves out what is obviously not a paper: hidden files and
folders, Office lock files, desktop litter and kinds of file that are never
papers (images, archives, databases), and the archive's own database.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["discover"]

# Never papers, whatever their content: skipped when walking a folder (a file named explicitly is always tried).
_NOT_PAPERS = frozenset(
    ".png .jpg .jpeg .gif .bmp .tif .tiff .svg .ico .webp .mp3 .mp4 .wav .avi .mov "
    ".zip .gz .tgz .bz2 .xz .7z .rar .tar .exe .dll .so .dylib .pyc .db .sqlite .sqlite3 "
    ".db-wal .db-shm .db-journal .css .js .woff .woff2 .ttf .otf".split()
)
# Office's lock files ("~$minutes.docx") and desktop litter.
_LITTER_PREFIXES = ("~$", ".")
_LITTER_NAMES = frozenset({"Thumbs.db", "desktop.ini"})


def _is_paper_candidate(path: Path) -> bool:
    name = path.name
    return not (name.startswith(_LITTER_PREFIXES) or name in _LITTER_NAMES or path.suffix.lower() in _NOT_PAPERS)


def discover(paths: Iterable[str | Path], *, exclude: Iterable[Path] = ()) -> list[Path]:
    """The files to import, in a stable order: each named file, and every candidate file under each folder.

    Walking a folder skips hidden files and folders, Office lock files and
    names that are never papers (images, archives, databases), and the files
    in ``exclude`` (the archive's own database). A named file is always
    included, even one that does not exist, so that it is reported.
    """
    excluded = {p.resolve() for p in exclude}
    found: dict[Path, Path] = {}
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            found.setdefault(root.resolve(), root)
            continue
        for folder, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for filename in sorted(filenames):
                path = Path(folder, filename)
                if _is_paper_candidate(path) and path.resolve() not in excluded:
                    found.setdefault(path.resolve(), path)
    return list(found.values())
