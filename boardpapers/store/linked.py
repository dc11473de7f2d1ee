"""Reading the linking tables back as the records of :mod:`boardpapers.link`.

A sighting's ``action`` is stored as the ``actions`` row it saw; it reads back
as the index of that row in ``Archive.actions()`` (all actions, in row
order), which is what it means in :func:`~boardpapers.link.actions.track_actions`'
output: an index into the actions it was given.

Rebuilding records row by row is what costs here (half a second for the
5,000 tracked actions of a 1,000-meeting series), so questions about some
tracked actions pick their ids with SQL first (:func:`open_item_ids`) and
read only those.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection

from ..extract.action_status import CLOSED
from ..link.actions import Sighting, StatusChange, TrackedAction
from ..link.people import People, Person, body_aliases
from .rows import from_row

__all__ = ["latest_date", "open_item_ids", "read_people", "read_tracked_actions"]


def read_people(connection: sqlite3.Connection) -> People:
    """The archive's people as relink linked them, to resolve names against as relink did:
    with each meeting's chair ("the Chairman"), the initials keys its papers print ("JN") and the board aliases."""
    people = [from_row(Person, row) for row in connection.execute("SELECT * FROM people ORDER BY id")]
    chairs = {row["meeting"]: row["person"] for row in connection.execute("SELECT meeting, person FROM meeting_chairs")}
    keys: dict[str, dict[str, str]] = defaultdict(dict)
    for row in connection.execute("SELECT meeting, key, person FROM initials_keys ORDER BY meeting, key"):
        keys[row["meeting"]][row["key"]] = row["person"]
    aliases = body_aliases(row[0] for row in connection.execute("SELECT id FROM meetings"))
    return People(people, chairs=chairs, initials=dict(keys), aliases=aliases)


def latest_date(connection: sqlite3.Connection) -> str | None:
    """The latest date any meeting or action sighting knows: what ``outstanding`` takes as "now"."""
    row = connection.execute(
        "SELECT max(latest) FROM (SELECT max(NULLIF(date, '')) AS latest FROM meetings "
        "UNION ALL SELECT max(NULLIF(date, '')) FROM action_sightings)"
    ).fetchone()
    return row[0]


def open_item_ids(connection: sqlite3.Connection, as_of: str) -> list[str]:
    """Ids of the tracked actions that may be open on ``as_of``: raised by then, and not closed for good by then.

    An item's ``status`` is the last of its history, so one closed with no
    dated status change after ``as_of`` is closed on ``as_of`` too; any other
    may be open and is left for :func:`~boardpapers.link.actions.outstanding` to judge.
    """
    rows = connection.execute(
        "SELECT id FROM action_items WHERE NOT coalesce(raised_on, '') > :as_of "
        "AND (status IS NULL OR status NOT IN (SELECT value FROM json_each(:closed)) "
        "OR EXISTS (SELECT 1 FROM action_status WHERE item = action_items.id AND date > :as_of)) ORDER BY rowid",
        {"as_of": as_of, "closed": json.dumps(sorted(CLOSED))},
    )
    return [row[0] for row in rows]


def read_tracked_actions(connection: sqlite3.Connection, ids: Collection[str] | None = None) -> list[TrackedAction]:
    """Every tracked action, or those of ``ids``, oldest first then by id (``link.actions.tracked_order``)."""
    index = {row[0]: position for position, row in enumerate(connection.execute("SELECT id FROM actions ORDER BY id"))}
    if ids is None:
        chosen, params = "", ()
    else:
        chosen, params = " WHERE {} IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),)
    sightings: dict[str, list[Sighting]] = defaultdict(list)
    for row in connection.execute(f"SELECT * FROM action_sightings{chosen.format('item')} ORDER BY id", params):
        action = None if row["action"] is None else index[row["action"]]
        sightings[row["item"]].append(from_row(Sighting, row, action=action))
    history: dict[str, list[StatusChange]] = defaultdict(list)
    for row in connection.execute(f"SELECT * FROM action_status{chosen.format('item')} ORDER BY id", params):
        history[row["item"]].append(from_row(StatusChange, row))
    return [
        from_row(TrackedAction, row, sightings=tuple(sightings[row["id"]]), history=tuple(history[row["id"]]))
        for row in connection.execute(f"SELECT * FROM action_items{chosen.format('id')} ORDER BY coalesce(raised_on, ''), id", params)
    ]
