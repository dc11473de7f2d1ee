"""Agenda items (issue 3: being built)."""

from __future__ import annotations

from ..records import AgendaItem, Meeting, Paper


def extract_agenda_items(paper: Paper, meeting: Meeting) -> list[AgendaItem]:
    """The agenda items ``paper`` gives for ``meeting``; not extracted yet, so none."""
    return []
