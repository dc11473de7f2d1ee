"""The archive's tables, as the SQL of each schema version.

The database is meant to be read by anyone with SQLite: Datasette and
sqlite-utils open it as it is. So columns are named after the record fields
of ``SCHEMA.md`` (``Source`` becomes ``source_paper``, ``source_page``,
``source_start``, ``source_end``; ``Statistic.table`` and ``Action.update``
keep their names, so SQL written by hand quotes them: ``"table"``), lists and
dicts are JSON in TEXT columns,
and full-text search uses sqlite-utils' layout (``<table>_fts`` over the
table's own columns, kept current by triggers), so Datasette offers a search
box on each table and no custom function is needed to read anything.

Every record row carries ``file``: the content hash of the file it was read
from. Deleting a ``files`` row cascades to everything read from it, which is
how a changed file replaces exactly its own records. Meetings are the one
thing shared between files: each file's view of a meeting is a
``meeting_sources`` row, and ``meetings`` holds their merge; from version 2
relink gives each ``meetings`` row the ``canonical`` id of the meeting it is
(papers name one board with and without its place: ``store/meetings.py``).

A released version's SQL is never edited: a change is a new migration in
:mod:`boardpapers.store.migrations`.
"""

from __future__ import annotations

__all__ = ["V1_INITIAL", "V2_MEETING_CANONICAL", "V3_CHAIRS_AND_INITIALS_KEYS", "V4_BOARDS"]


def _fts(table: str, key: str, columns: tuple[str, ...]) -> str:
    """sqlite-utils' external-content FTS5 layout for ``table``: the index and the triggers that keep it current.

    Frozen with version 1: later versions write their own SQL rather than call this.
    """
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return f"""
CREATE VIRTUAL TABLE {table}_fts USING fts5 ({cols}, content="{table}", content_rowid="{key}");
CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
  INSERT INTO {table}_fts (rowid, {cols}) VALUES (new.{key}, {new});
END;
CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
  INSERT INTO {table}_fts ({table}_fts, rowid, {cols}) VALUES ('delete', old.{key}, {old});
END;
CREATE TRIGGER {table}_au AFTER UPDATE OF {cols} ON {table} BEGIN
  INSERT INTO {table}_fts ({table}_fts, rowid, {cols}) VALUES ('delete', old.{key}, {old});
  INSERT INTO {table}_fts (rowid, {cols}) VALUES (new.{key}, {new});
END;
"""


_SOURCE = """
  source_paper TEXT REFERENCES papers(id) ON DELETE CASCADE,
  source_page INTEGER,
  source_start INTEGER,
  source_end INTEGER"""

V1_INITIAL = f"""
CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,             -- running | completed | interrupted
  paths TEXT NOT NULL,              -- JSON list of the folders and files asked for
  workers INTEGER NOT NULL,
  boardpapers_version TEXT NOT NULL,
  files_total INTEGER,
  files_imported INTEGER,
  files_skipped INTEGER,
  files_failed INTEGER,
  pages INTEGER
);

CREATE TABLE import_errors (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  sha256 TEXT,
  error_type TEXT NOT NULL,         -- the exception class: CorruptFile, EmptyFile ... or ValueError for a bug
  message TEXT NOT NULL,
  traceback TEXT,                   -- only for unexpected exceptions, to report them
  at TEXT NOT NULL
);
CREATE INDEX import_errors_run ON import_errors(run);

CREATE TABLE files (
  sha256 TEXT PRIMARY KEY,
  format TEXT,
  size INTEGER NOT NULL,
  pages INTEGER,
  imported_at TEXT NOT NULL,
  run INTEGER REFERENCES import_runs(id) ON DELETE SET NULL
);

CREATE TABLE file_paths (
  path TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  seen_at TEXT NOT NULL
);
CREATE INDEX file_paths_sha256 ON file_paths(sha256);

CREATE TABLE papers (
  pk INTEGER PRIMARY KEY,           -- stable rowid for the full-text index; records refer to id
  id TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  source TEXT,
  format TEXT,
  kind TEXT,
  title TEXT,
  body TEXT,
  meeting_date TEXT,
  author TEXT,
  pages INTEGER,
  text TEXT NOT NULL,
  parent TEXT REFERENCES papers(id) ON DELETE CASCADE,
  page_start INTEGER,
  page_end INTEGER,
  part TEXT,
  agenda_item TEXT,
  date TEXT                         -- the paper's own date: its meeting's, else its cover's
);
CREATE INDEX papers_file ON papers(file);
CREATE INDEX papers_parent ON papers(parent);
CREATE INDEX papers_meeting_date ON papers(meeting_date);

CREATE TABLE meeting_sources (
  meeting TEXT NOT NULL,
  file TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  body TEXT,
  date TEXT,
  start_time TEXT,
  end_time TEXT,
  venue TEXT,
  chair TEXT,
  papers TEXT NOT NULL,             -- JSON list of paper ids
  PRIMARY KEY (meeting, file)
);
CREATE INDEX meeting_sources_file ON meeting_sources(file);

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,              -- "<body-slug>/<date>"
  body TEXT,
  date TEXT,
  start_time TEXT,
  end_time TEXT,
  venue TEXT,
  chair TEXT,
  papers TEXT NOT NULL
);
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  variants TEXT NOT NULL,           -- JSON list of the forms written
  roles TEXT NOT NULL,              -- JSON list of [meeting date, role]
  organisations TEXT NOT NULL,      -- JSON list
  meetings TEXT NOT NULL,           -- JSON list of meeting ids
  initials TEXT NOT NULL            -- JSON list of the keys papers give ("DL")
);

CREATE TABLE person_names (
  person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  PRIMARY KEY (person, name)
);
CREATE INDEX person_names_name ON person_names(name);

CREATE TABLE attendance (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  meeting TEXT NOT NULL REFERENCES meetings(id),
  name TEXT NOT NULL,
  honorific TEXT,
  role TEXT,
  organisation TEXT,
  status TEXT NOT NULL,{_SOURCE},
  person_id TEXT REFERENCES people(id) ON DELETE SET NULL
);
CREATE INDEX attendance_file ON attendance(file);
CREATE INDEX attendance_meeting ON attendance(meeting);
CREATE INDEX attendance_source_paper ON attendance(source_paper);
CREATE INDEX attendance_person_id ON attendance(person_id);

CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  meeting TEXT NOT NULL REFERENCES meetings(id),
  kind TEXT,
  number TEXT,
  title TEXT NOT NULL,
  presenter TEXT,
  start_time TEXT,
  end_time TEXT,
  pages TEXT,
  subitems TEXT NOT NULL,           -- JSON list
  {_SOURCE.strip()},
  procedural INTEGER NOT NULL DEFAULT 0,
  presenter_role TEXT,
  duration INTEGER,
  layout TEXT,
  agenda_number TEXT
);
CREATE INDEX agenda_items_file ON agenda_items(file);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting);
CREATE INDEX agenda_items_source_paper ON agenda_items(source_paper);

CREATE TABLE resolutions (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  meeting TEXT NOT NULL REFERENCES meetings(id),
  item TEXT,
  kind TEXT,
  number TEXT,
  text TEXT NOT NULL,{_SOURCE},
  votes TEXT                        -- JSON object of a recorded vote, or null
);
CREATE INDEX resolutions_file ON resolutions(file);
CREATE INDEX resolutions_meeting ON resolutions(meeting);
CREATE INDEX resolutions_source_paper ON resolutions(source_paper);

CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  meeting TEXT NOT NULL REFERENCES meetings(id),
  item TEXT,
  text TEXT NOT NULL,
  owners TEXT NOT NULL,             -- JSON list
  due TEXT,
  due_text TEXT,
  origin TEXT,
  status TEXT,
  raised_on TEXT,{_SOURCE},
  "update" TEXT                     -- the progress note an action log gives
);
CREATE INDEX actions_file ON actions(file);
CREATE INDEX actions_meeting ON actions(meeting);
CREATE INDEX actions_source_paper ON actions(source_paper);

CREATE TABLE statistics (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  paper TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  value REAL NOT NULL,
  unit TEXT,
  per TEXT,                         -- JSON object or null
  surface TEXT,
  metric TEXT,
  metric_key TEXT,                  -- boardpapers.link.metrics.metric_key(metric): one key for one measure
  period TEXT,
  period_start TEXT,
  period_end TEXT,
  place TEXT,
  direction TEXT,
  comparison TEXT,
  sentence TEXT,
  "table" INTEGER NOT NULL DEFAULT 0,{_SOURCE},
  value_high REAL,
  qualifier TEXT
);
CREATE INDEX statistics_file ON statistics(file);
CREATE INDEX statistics_paper ON statistics(paper);
CREATE INDEX statistics_source_paper ON statistics(source_paper);
CREATE INDEX statistics_metric_key ON statistics(metric_key);

CREATE TABLE warnings (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  paper TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX warnings_file ON warnings(file);

CREATE TABLE action_items (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  owners TEXT NOT NULL,             -- JSON list
  meeting TEXT,                     -- where it was raised (no foreign key: relink rewrites this table after files go)
  raised_on TEXT,
  due TEXT,
  due_text TEXT,
  status TEXT,
  body TEXT,
  owner_ids TEXT NOT NULL           -- JSON list of people ids
);

CREATE TABLE action_sightings (
  id INTEGER PRIMARY KEY,
  item TEXT NOT NULL REFERENCES action_items(id) ON DELETE CASCADE,
  action INTEGER REFERENCES actions(id) ON DELETE CASCADE,   -- the action row seen, or null for a mention in paper text
  meeting TEXT,
  date TEXT,
  kind TEXT NOT NULL,               -- raised | action_log | minutes | report
  status TEXT,
  evidence TEXT,{_SOURCE}
);
CREATE INDEX action_sightings_item ON action_sightings(item);
CREATE INDEX action_sightings_action ON action_sightings(action);
CREATE INDEX action_sightings_source_paper ON action_sightings(source_paper);

CREATE TABLE action_status (
  id INTEGER PRIMARY KEY,
  item TEXT NOT NULL REFERENCES action_items(id) ON DELETE CASCADE,
  date TEXT,
  status TEXT NOT NULL,
  evidence TEXT,{_SOURCE}
);
CREATE INDEX action_status_item ON action_status(item);
CREATE INDEX action_status_source_paper ON action_status(source_paper);
{_fts("papers", "pk", ("title", "text"))}
{_fts("attendance", "id", ("name", "role", "organisation"))}
{_fts("agenda_items", "id", ("title", "subitems"))}
{_fts("resolutions", "id", ("text",))}
{_fts("actions", "id", ("text", "owners"))}
{_fts("statistics", "id", ("metric", "sentence"))}
"""

# Papers of one board name it with and without its place, so one meeting can have two rows (two ids);
# relink writes each row's canonical id (boardpapers.store.meetings), reads merge the rows of one canonical id.
V2_MEETING_CANONICAL = """
ALTER TABLE meetings ADD COLUMN canonical TEXT;  -- "<board-slug>/<date>", the board under its one name; null until relinked
CREATE INDEX meetings_canonical ON meetings(canonical);
"""

# What link_people reads in the papers besides names, so the archive resolves "the Chairman" and "JN" as it did:
# who chaired each meeting, and the initials keys each meeting's papers print ("Jolyon Neely (JN)").
# Meetings by canonical id, without a foreign key: relink rewrites these with people.
V3_CHAIRS_AND_INITIALS_KEYS = """
CREATE TABLE meeting_chairs (
  meeting TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE
);
CREATE INDEX meeting_chairs_person ON meeting_chairs(person);

CREATE TABLE initials_keys (
  meeting TEXT NOT NULL,
  key TEXT NOT NULL,                -- as printed: "JN"
  person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  PRIMARY KEY (meeting, key)
);
CREATE INDEX initials_keys_person ON initials_keys(person);
"""

# Relinking board by board: which board each tracked action belongs to, and a digest of what each board's
# tracked actions were computed from, so an import relinks only the boards whose digest changed (store/relink.py).
V4_BOARDS = """
ALTER TABLE action_items ADD COLUMN board TEXT;  -- the board's body key after aliasing; null: written before version 4
CREATE INDEX action_items_board ON action_items(board);

CREATE TABLE boards (
  key TEXT PRIMARY KEY,             -- "community-safety-partnership-board"
  inputs TEXT NOT NULL,             -- digest of the records, papers, meetings and people its tracked actions read
  action_items INTEGER NOT NULL,
  linked_at TEXT NOT NULL
);
"""
