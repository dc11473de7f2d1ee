"""Attendance records (issue 3: being built)."""

from __future__ import annotations

from ..records import Attendance, Meeting, Paper


def extract_attendance(paper: Paper, meeting: Meeting) -> list[Attendance]:
    """Who was at ``meeting`` according to ``paper``; not extracted yet, so none."""
    return []
