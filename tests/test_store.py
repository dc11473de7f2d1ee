"""The archive database: schema and versions, records in and out unchanged, search, export, figures, hostile input."""

from __future__ import annotations

import csv
import dataclasses
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import CORPUS

import boardpapers
from boardpapers import errors
from boardpapers.link.actions import Sighting, StatusChange, TrackedAction
from boardpapers.link.people import Person
from boardpapers.query import figures
from boardpapers.records import Meeting, Paper
from boardpapers.store import Archive
from boardpapers.store.migrations import MIGRATIONS
from boardpapers.store.relink import TRACKED_ELSEWHERE
from boardpapers.store.rows import column_names
from boardpapers.store.write import RECORD_TABLES, table_columns

HOSTILE = "x'); DROP TABLE papers;--"

# Each record type and the table its rows live in (fields stored elsewhere left out).
STORED = [
    *RECORD_TABLES.items(),
    (Paper, "papers"),
    (Meeting, "meetings"),
    (Person, "people"),
    (Sighting, "action_sightings"),
    (StatusChange, "action_status"),
]


def corpus(number: str) -> Path:
    [path] = CORPUS.glob(f"{number}_*.txt")
    return path


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "archive.db") as opened:
        yield opened


@pytest.fixture(scope="module")
def corpus_archive(tmp_path_factory):
    """The corpus papers but the agenda pack (slow to link, and not needed here), imported once."""
    folder = tmp_path_factory.mktemp("store")
    papers = [corpus(n) for n in ("000", "002", "003", "004")]
    with Archive(folder / "archive.db") as opened:
        opened.import_path(papers)
        yield opened


@pytest.mark.parametrize(("record_type", "table"), STORED, ids=[table for _, table in STORED])
def test_store_every_record_field_has_a_column(archive, record_type, table):
    # A field added to a record needs a migration adding its column; until then its values would be dropped.
    missing = set(column_names(record_type)) - table_columns(archive.connection, table)
    assert not missing, f"add a migration giving {table} the columns {sorted(missing)}"


def test_store_records_stored_in_parts_have_their_columns(archive):
    # A tracked action's sightings and history have tables of their own; each file's view of a meeting is keyed
    # by ``meeting`` in meeting_sources.
    tracked = {f.name for f in dataclasses.fields(TrackedAction)} - set(TRACKED_ELSEWHERE)
    assert tracked <= table_columns(archive.connection, "action_items")
    assert set(column_names(Meeting)) - {"id"} <= table_columns(archive.connection, "meeting_sources")


def test_store_new_archive_is_plain_sqlite_at_the_latest_version(archive):
    connection = sqlite3.connect(archive.path)  # a plain connection: no functions or adapters of ours
    assert connection.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].version
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [row[1] for row in connection.execute("SELECT * FROM migrations")] == [m.name for m in MIGRATIONS]
    # Datasette's and sqlite-utils' test for a table's full-text index: content="<table>".
    for table in ("papers", "attendance", "agenda_items", "resolutions", "actions", "statistics"):
        found = connection.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?",
            (f'%VIRTUAL TABLE%USING FTS%content="{table}"%',),
        ).fetchall()
        assert found == [(f"{table}_fts",)]


def test_store_foreign_keys_are_enforced(archive):
    with pytest.raises(sqlite3.IntegrityError):
        archive.connection.execute("INSERT INTO person_names (person, name) VALUES (?, ?)", ("nobody", "No One"))


def test_store_newer_schema_is_a_clear_error(tmp_path):
    path = tmp_path / "future.db"
    Archive(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {MIGRATIONS[-1].version + 1}")
    connection.close()
    with pytest.raises(errors.SchemaTooNew, match="future.db.*upgrade boardpapers") as raised:
        Archive(path)
    assert isinstance(raised.value, errors.StoreError)
    assert isinstance(raised.value, errors.BoardpapersError)


def test_store_reopening_keeps_the_data_and_runs_no_migration_twice(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        archive.import_path(corpus("002"))
        before = archive.counts()
    with Archive(path) as archive:
        assert archive.counts() == before
        assert archive.connection.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


@pytest.mark.parametrize("content", ["other", "text"])
def test_store_refuses_a_file_that_is_not_an_archive(tmp_path, content):
    path = tmp_path / "other.db"
    if content == "other":
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE customers (name TEXT)")
        connection.close()
    else:
        path.write_text("Minutes of the meeting held on 29 January 2016\n" * 200)
    with pytest.raises(errors.NotAnArchive, match="other.db"):
        Archive(path)
    if content == "other":
        connection = sqlite3.connect(path)
        assert [r[0] for r in connection.execute("SELECT name FROM sqlite_master")] == ["customers"]


def test_store_records_read_back_as_parsed(archive):
    path = corpus("002")
    parsed = boardpapers.parse(path)
    archive.import_path(path)
    assert archive.papers() == list(parsed.papers)  # blocks are layout, not stored (and not compared)
    assert archive.meetings() == list(parsed.meetings)
    assert archive.attendance() == list(parsed.attendance)
    assert archive.agenda_items() == list(parsed.agenda_items)
    assert archive.resolutions() == list(parsed.resolutions)
    assert archive.actions() == list(parsed.actions)
    assert archive.statistics() == list(parsed.statistics)
    meeting = parsed.meetings[0].id
    assert archive.attendance(meeting) == [a for a in parsed.attendance if a.meeting == meeting]
    assert archive.attendance("no-such-meeting/2020-01-01") == []


def test_store_people_link_attendance(corpus_archive):
    people = {person.id: person for person in corpus_archive.people()}
    linked = [row for row in corpus_archive.connection.execute("SELECT person_id, name FROM attendance")]
    assert linked and all(person_id in people for person_id, _ in linked if person_id)
    person_id, name = next(row for row in linked if row[0])
    assert name in people[person_id].variants or name == people[person_id].name
    assert all(a.name for a in corpus_archive.attendance(person=person_id))


def test_store_tracked_action_sightings_point_at_their_actions(tmp_path):
    with Archive(tmp_path / "pack.db") as archive:
        archive.import_path(corpus("001"))
        actions = archive.actions()
        tracked = archive.tracked_actions()
        assert tracked
        for item in tracked:
            assert [change.status for change in item.history][-1] == item.status
            for sighting in item.sightings:
                if sighting.action is not None:
                    assert actions[sighting.action].source == sighting.source
        oldest = archive.outstanding()
        assert [o.action.raised_on for o in oldest] == sorted(o.action.raised_on or "" for o in oldest)


def test_store_hostile_strings_are_only_data(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(corpus("002"), folder / f"{HOSTILE}.txt")
    with Archive(tmp_path / "archive.db") as archive:
        report = archive.import_path(folder)
        assert report.imported == (str(folder / f"{HOSTILE}.txt"),)
        assert archive.attendance(HOSTILE) == []
        assert archive.statistics(HOSTILE, metric_key=HOSTILE) == []
        assert archive.meetings(body=HOSTILE) == []
        assert archive.papers(kind=HOSTILE) == []
        assert archive.figure_candidates([HOSTILE], unit=HOSTILE, since=HOSTILE) == []
        with pytest.raises(errors.SearchQueryError):
            archive.search(HOSTILE)
        assert archive.search(f'"{HOSTILE}"') == []
        assert len(archive.papers()) == 1
        assert archive.papers()[0].source.endswith(f"{HOSTILE}.txt")


def test_store_search_finds_paper_and_record_text(corpus_archive):
    hits = corpus_archive.search("burglary")
    kinds = [hit.kind for hit in hits]
    assert kinds[0] == "papers" and "statistics" in kinds
    assert all("[" in hit.snippet and "]" in hit.snippet for hit in hits)
    papers = [hit for hit in hits if hit.kind == "papers"]
    assert [hit.rank for hit in papers] == sorted(hit.rank for hit in papers)
    assert {hit.id for hit in papers} <= {paper.id for paper in corpus_archive.papers()}
    phrase = corpus_archive.search('"residential burglary"', kinds=["statistics"], limit=5)
    assert 0 < len(phrase) <= 5
    assert all(hit.kind == "statistics" and "burglary" in hit.snippet.lower() for hit in phrase)


@pytest.mark.parametrize("query", ['"unbalanced', "burglary AND", "(", "nosuchcolumn:burglary"])
def test_store_malformed_search_is_a_store_error_naming_the_query(corpus_archive, query):
    with pytest.raises(errors.SearchQueryError) as raised:
        corpus_archive.search(query)
    assert repr(query) in str(raised.value)
    assert isinstance(raised.value, errors.StoreError)


def test_store_export_json_has_the_contract_shape(corpus_archive, tmp_path):
    [written] = corpus_archive.export("json", tmp_path / "out" / "archive.json")
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["schema"] == "boardpapers/1"
    counts = corpus_archive.counts()
    for kind in ("papers", "meetings", "attendance", "agenda_items", "resolutions", "actions", "statistics", "people"):
        assert len(data[kind]) == counts[kind]
    assert data["statistics"][0] == corpus_archive.statistics()[0].to_dict()


def test_store_export_csv_one_file_per_kind(corpus_archive, tmp_path):
    written = corpus_archive.export("csv", tmp_path / "csv")
    by_name = {path.stem: path for path in written}
    with open(by_name["attendance"], encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == corpus_archive.counts()["attendance"]
    first = corpus_archive.attendance()[0]
    assert rows[0]["name"] == first.name and int(rows[0]["source_start"]) == first.source.start
    with open(by_name["resolutions"], encoding="utf-8", newline="") as handle:
        assert "source_paper" in next(csv.reader(handle))  # a header even for kinds with few records


def test_store_export_unknown_format(corpus_archive, tmp_path):
    with pytest.raises(errors.StoreError, match="'xml'"):
        corpus_archive.export("xml", tmp_path / "out.xml")


def test_store_to_pandas_names_the_missing_extra(corpus_archive, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(ImportError, match=r"boardpapers\[pandas\]"):
        corpus_archive.attendance().to_pandas()


def test_store_to_pandas_one_column_per_field(corpus_archive):
    pytest.importorskip("pandas")
    frame = corpus_archive.statistics().to_pandas()
    assert len(frame) == len(corpus_archive.statistics())
    assert {"value", "unit", "metric", "source_paper", "source_start"} <= set(frame.columns)


def test_store_figures_from_the_archive_match_figures_from_files(corpus_archive):
    assert corpus_archive.metric_keys() == sorted(set(corpus_archive.metric_keys()))
    papers = [corpus(n) for n in ("000", "002", "003", "004")]
    from_files = figures(papers, "burglary")
    from_archive = figures(corpus_archive, "burglary")
    assert from_archive and from_archive == from_files
    counts = figures(corpus_archive, "burglary", unit="count", since=2020)
    assert counts and all(f.statistic.unit == "count" and f.when >= "2020-01-01" for f in counts)


@pytest.mark.parametrize("as_of", [None, "2016-03-01", "2016-06-30", "2030-01-01"])
def test_store_outstanding_reads_only_what_can_be_open_and_agrees_with_the_full_read(tmp_path, as_of):
    # Archive.outstanding skips items closed before as_of; it must answer as the pure function over every item does.
    from boardpapers.link.actions import outstanding
    from boardpapers.store.linked import read_people

    with Archive(tmp_path / "pack.db") as archive:
        archive.import_path([corpus("001"), corpus("002")])
        full = outstanding(
            archive.tracked_actions(), archive.meetings(), as_of=as_of or "2023-11-24", people=read_people(archive.connection)
        )
        assert [o.to_dict() for o in archive.outstanding(as_of=as_of)] == [o.to_dict() for o in full]
        assert full
