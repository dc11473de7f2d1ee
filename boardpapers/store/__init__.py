"""The archive store: years of board papers in one SQLite file.

:class:`Archive` is the door; the modules behind it each do one thing:
``schema`` (the tables), ``migrations`` (versions), ``importer`` (finding,
parsing and writing files), ``write`` (one file's records in and out),
``relink`` (people and tracked actions across files, board by board),
``meetings`` (one meeting however its papers name the board), ``rows``
(records to rows and back), ``search``, ``export`` and ``results`` (what
reads return).
"""

from __future__ import annotations

from .archive import DEFAULT_PATH, Archive
from .results import ImportFailure, ImportReport, ImportRun, Records, SearchHit

__all__ = ["Archive", "DEFAULT_PATH", "ImportFailure", "ImportReport", "ImportRun", "Records", "SearchHit"]
