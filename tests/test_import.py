"""Archive.import_path: folders of papers in, one transaction per file, idempotent by content, bad files recorded."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, corpus_papers

from boardpapers.store import Archive, parsing

# Tables whose rows are the archive's content; run ids and timestamps are bookkeeping, not content.
CONTENT_TABLES = {
    "files": "sha256, format, size, pages",
    "file_paths": "path, sha256",
    "papers": "*",
    "meeting_sources": "*",
    "meetings": "*",
    "attendance": "*",
    "agenda_items": "*",
    "resolutions": "*",
    "actions": "*",
    "statistics": "*",
    "warnings": "*",
    "people": "*",
    "person_names": "*",
    "action_items": "*",
    "action_sightings": "*",
    "action_status": "*",
}

MINUTES = """\
Safer Communities Partnership Board

Minutes of the meeting held on {date}

Present:
Councillor David Longstaff (Chairman)

Apologies:
Superintendent Adrian Usher, Metropolitan Police

1. Minutes of the last meeting
The minutes were agreed as a correct record.
"""


def content(db: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(db)
    try:
        return {
            table: sorted(connection.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
            for table, columns in CONTENT_TABLES.items()
        }
    finally:
        connection.close()


def copy_corpus(folder: Path, numbers: tuple[str, ...] = ("000", "001", "002", "003", "004")) -> list[Path]:
    """Copies of the corpus papers whose names start with ``numbers``, in that order.

    Tests that need no agenda pack leave out 001: linking its action log is the slow part of an import.
    """
    folder.mkdir(parents=True, exist_ok=True)
    papers = {paper.name[:3]: paper for paper in corpus_papers()}
    return [Path(shutil.copy(papers[number], folder / papers[number].name)) for number in numbers]


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "archive.db") as opened:
        yield opened


def test_import_corpus_folder(archive, tmp_path):
    files = copy_corpus(tmp_path / "papers")
    report = archive.import_path(tmp_path / "papers")
    assert report.imported == tuple(str(f) for f in files)
    assert report.skipped == () and report.failed == ()
    counts = archive.counts()
    assert counts["files"] == 5
    assert counts["papers"] == report.records["papers"] == len(archive.papers())
    assert counts["attendance"] == report.records["attendance"] > 0
    assert counts["people"] > 0  # relinked at the end of the import
    # The pack's minutes of 29 January 2016 make a meeting of their own.
    assert "safer-communities-partnership-board/2016-01-29" in {m.id for m in archive.meetings()}


def test_import_twice_adds_nothing(archive, tmp_path):
    copy_corpus(tmp_path / "papers", ("000", "002", "003"))
    archive.import_path(tmp_path / "papers")
    before = content(Path(archive.path))
    again = archive.import_path(tmp_path / "papers")
    assert again.imported == () and len(again.skipped) == 3
    assert content(Path(archive.path)) == before
    assert [run.status for run in archive.import_runs()] == ["completed", "completed"]


def test_import_same_content_under_two_names_is_stored_once(archive, tmp_path):
    papers = tmp_path / "papers"
    original = copy_corpus(papers, ("002",))[0]
    shutil.copy(original, papers / "copy.txt")
    report = archive.import_path(papers)
    assert len(report.imported) == 1 and len(report.skipped) == 1
    assert archive.counts()["files"] == 1
    paths = {row[0] for row in archive.connection.execute("SELECT path FROM file_paths")}
    assert paths == {str(original.resolve()), str((papers / "copy.txt").resolve())}


def test_import_changed_file_replaces_its_own_records(archive, tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    kept = papers / "a.txt"
    changed = papers / "b.txt"
    kept.write_text(MINUTES.format(date="29 January 2016"))
    changed.write_text(MINUTES.format(date="22 April 2016"))
    archive.import_path(papers)
    old_papers = {p.id for p in archive.papers() if p.source.endswith("b.txt")}

    changed.write_text(MINUTES.format(date="30 October 2015"))
    report = archive.import_path(papers)

    assert report.imported == (str(changed),) and report.skipped == (str(kept),)
    dates = sorted(m.date for m in archive.meetings())
    assert dates == ["2015-10-30", "2016-01-29"]  # April's meeting left with the file that made it
    assert not old_papers & {p.id for p in archive.papers()}
    assert {a.meeting.rpartition("/")[2] for a in archive.attendance()} == {"2015-10-30", "2016-01-29"}
    assert archive.counts()["files"] == 2


@pytest.mark.parametrize("workers", [1, 2])  # with a pool, b.txt is planned before a.txt is written
def test_import_file_moved_to_a_later_name_keeps_its_records(archive, tmp_path, workers):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "a.txt").write_text(MINUTES.format(date="29 January 2016"))
    archive.import_path(papers)
    # January's minutes move to b.txt and a.txt gets April's: a.txt is written first, dropping January's
    # content, which b.txt still holds.
    (papers / "a.txt").rename(papers / "b.txt")
    (papers / "a.txt").write_text(MINUTES.format(date="22 April 2016"))
    report = archive.import_path(papers, workers=workers)
    assert report.failed == ()
    assert sorted(m.date for m in archive.meetings()) == ["2016-01-29", "2016-04-22"]
    rows = archive.connection.execute("SELECT path FROM file_paths ORDER BY path").fetchall()
    assert [Path(row[0]).name for row in rows] == ["a.txt", "b.txt"]


def test_import_meeting_in_two_files_is_merged_and_survives_either(archive, tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "minutes.txt").write_text(MINUTES.format(date="29 January 2016"))
    (papers / "notes.txt").write_text(MINUTES.format(date="29 January 2016") + "\nThe meeting finished at 4.30 pm.\n")
    archive.import_path(papers)
    [meeting] = archive.meetings()
    assert len(meeting.papers) == 2
    assert meeting.end_time == "16:30"  # a gap the first file left, filled by the second
    attendance = archive.attendance(meeting.id)
    assert len({a.source.paper for a in attendance}) == 2  # each file keeps its own records

    (papers / "notes.txt").unlink()
    (papers / "notes.txt").write_text("Nothing to see here.\n")
    archive.import_path(papers)
    [meeting] = archive.meetings()
    assert len(meeting.papers) == 1 and meeting.end_time is None


def test_import_bad_files_are_recorded_and_the_import_goes_on(archive, tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "empty.txt").write_bytes(b"")
    (papers / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not a PDF body")
    (papers / "blob.dat").write_bytes(b"\x00\x01\x02\x03" * 64)
    (papers / "minutes.txt").write_text(MINUTES.format(date="29 January 2016"))
    report = archive.import_path(papers)

    assert report.imported == (str(papers / "minutes.txt"),)
    types = {Path(f.path).name: f.error_type for f in report.failed}
    assert types == {"empty.txt": "EmptyFile", "broken.pdf": "CorruptFile", "blob.dat": "UnsupportedFormat"}
    recorded = archive.import_errors()
    assert [(e.path, e.error_type) for e in recorded] == [(f.path, f.error_type) for f in report.failed]
    assert all(Path(e.path).name in e.message for e in recorded)
    assert archive.import_runs()[-1].files_failed == 3


def test_import_unexpected_exception_is_recorded_with_its_type(archive, tmp_path, monkeypatch):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "a.txt").write_text(MINUTES.format(date="29 January 2016"))
    (papers / "b.txt").write_text(MINUTES.format(date="22 April 2016"))
    real_parse = parsing.parse

    def parse_failing_on_a(path):
        if Path(path).name == "a.txt":
            raise KeyError("a bug in an extractor")
        return real_parse(path)

    monkeypatch.setattr(parsing, "parse", parse_failing_on_a)
    report = archive.import_path(papers)
    assert report.imported == (str(papers / "b.txt"),)
    [failure] = archive.import_errors()
    assert failure.error_type == "KeyError"
    assert "a bug in an extractor" in failure.message and "Traceback" in (failure.traceback or "")

    monkeypatch.setattr(parsing, "parse", real_parse)
    retried = archive.import_path(papers)  # failed files are tried again
    assert retried.imported == (str(papers / "a.txt"),)


def test_import_missing_path_is_recorded(archive, tmp_path):
    report = archive.import_path([tmp_path / "nowhere.pdf"])
    assert [(f.error_type, Path(f.path).name) for f in report.failed] == [("FileMissing", "nowhere.pdf")]


def test_import_walk_skips_hidden_litter_and_the_archive_itself(tmp_path):
    papers = tmp_path / "papers"
    (papers / ".git").mkdir(parents=True)
    (papers / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (papers / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (papers / "~$minutes.docx").write_bytes(b"lock")
    (papers / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (papers / "sub").mkdir()
    (papers / "sub" / "minutes.txt").write_text(MINUTES.format(date="29 January 2016"))
    with Archive(papers / "archive.db") as archive:
        report = archive.import_path(papers)
    assert report.imported == (str(papers / "sub" / "minutes.txt"),)
    assert report.failed == () and report.skipped == ()


def test_import_progress_reports_every_file(archive, tmp_path):
    copy_corpus(tmp_path / "papers", ("000", "002", "003"))
    (tmp_path / "papers" / "empty.txt").write_bytes(b"")
    calls = []
    archive.import_path(tmp_path / "papers", progress=lambda done, total, pages: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_import_two_workers_give_the_same_database_as_one(tmp_path):
    files = copy_corpus(tmp_path / "papers", ("002", "003", "004", "000"))
    (tmp_path / "papers" / "empty.txt").write_bytes(b"")
    for workers in (1, 2):
        with Archive(tmp_path / f"workers{workers}.db") as archive:
            report = archive.import_path(files + [tmp_path / "papers" / "empty.txt"], workers=workers)
            assert len(report.imported) == 4 and len(report.failed) == 1
    assert content(tmp_path / "workers1.db") == content(tmp_path / "workers2.db")


def test_import_realdocs_pdf_and_docx(archive, realdocs):
    picked = [
        realdocs / "appna-oklahoma" / "April2018MeetingMinutes.docx",
        realdocs / "east-palo-alto" / "eastpaloalto_ca_minutes_2020-01-27.pdf",
        realdocs / "horsley-parish" / "363.pdf",  # a text layer that cannot be decoded
    ]
    report = archive.import_path(picked)
    assert len(report.imported) == 2
    assert [f.error_type for f in report.failed] == ["UndecodableText"]
    formats = {p.format for p in archive.papers()}
    assert formats == {"docx", "pdf"}
    assert report.pages == sum(p.pages or 0 for p in archive.papers() if p.parent is None)
    assert archive.search("minutes")


# A child process imports the files; a trace callback kills it when it first
# writes attendance: inside the second file's transaction (the first file has none).
KILL_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from boardpapers.store import Archive

    archive = Archive(sys.argv[1])

    def kill_when_writing_attendance(sql):
        if sql.startswith("INSERT INTO attendance"):
            os.kill(os.getpid(), signal.SIGKILL)

    archive.connection.set_trace_callback(kill_when_writing_attendance)
    archive.import_path(sys.argv[2:])
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_import_killed_mid_file_leaves_a_consistent_archive_and_resumes(tmp_path):
    files = copy_corpus(tmp_path / "papers", ("003", "002", "000"))
    db = tmp_path / "archive.db"
    killed = subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT, str(db), *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr

    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    [committed] = connection.execute("SELECT path FROM file_paths").fetchall()
    assert committed == (str(files[0].resolve()),)
    # No half-written file: every record belongs to the one file committed.
    files_with_records = connection.execute(
        "SELECT DISTINCT file FROM attendance UNION SELECT DISTINCT file FROM papers"
    )
    assert len(files_with_records.fetchall()) == 1
    connection.close()

    with Archive(db) as archive:
        report = archive.import_path(files)
        assert report.skipped == (str(files[0]),)
        assert report.imported == tuple(map(str, files[1:]))
        assert [run.status for run in archive.import_runs()] == ["interrupted", "completed"]
        assert archive.counts()["people"] > 0
    with Archive(tmp_path / "uninterrupted.db") as archive:
        archive.import_path(files)
    assert content(db) == content(tmp_path / "uninterrupted.db")
