"""Reading the linking tables back as the records of :mod:`boardpapers.link`.

A sighting's ``action`` is stored as the ``actions`` row it saw; it reads back
as the index of that row in ``Archive.actions()`` (all actions, in row
order), which is what it means in :func:`~boardpapers.link.actions.track_actions`'
output: an index into the actions it was given.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..link.actions import Sighting, StatusChange, TrackedAction
from ..link.people import People, Person
from .rows import from_row

__all__ = ["read_people", "read_tracked_actions"]


def read_people(connection: sqlite3.Connection) -> People:
    """The archive's people, to resolve names against (without the per-meeting chairs and initials keys relink used)."""
    return People([from_row(Person, row) for row in connection.execute("SELECT * FROM people ORDER BY id")])


def read_tracked_actions(connection: sqlite3.Connection) -> list[TrackedAction]:
    index = {row[0]: position for position, row in enumerate(connection.execute("SELECT id FROM actions ORDER BY id"))}
    sightings: dict[str, list[Sighting]] = defaultdict(list)
    for row in connection.execute("SELECT * FROM action_sightings ORDER BY id"):
        action = None if row["action"] is None else index[row["action"]]
        sightings[row["item"]].append(from_row(Sighting, row, action=action))
    history: dict[str, list[StatusChange]] = defaultdict(list)
    for row in connection.execute("SELECT * FROM action_status ORDER BY id"):
        history[row["item"]].append(from_row(StatusChange, row))
    return [
        from_row(TrackedAction, row, sightings=tuple(sightings[row["id"]]), history=tuple(history[row["id"]]))
        for row in connection.execute("SELECT * FROM action_items ORDER BY rowid")
    ]
