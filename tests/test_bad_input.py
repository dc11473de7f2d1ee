"""Bad input raises its own error subclass naming the file and the problem."""

from __future__ import annotations

import io
import zipfile

import pytest

import boardpapers
from boardpapers import errors


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_bad_input_missing_file(tmp_path):
    with pytest.raises(errors.FileMissing, match="nowhere.docx: no such file"):
        boardpapers.parse(tmp_path / "nowhere.docx")


@pytest.mark.parametrize("data", [b"", b"   \n\n  "])
def test_bad_input_empty_file(tmp_path, data):
    with pytest.raises(errors.EmptyFile, match="empty.pdf"):
        boardpapers.parse(write(tmp_path, "empty.pdf", data))


def test_bad_input_type_is_decided_by_content_not_extension(tmp_path):
    path = write(tmp_path, "minutes.pdf", "Minutes of meeting held on 29 January 2016\n\nPresent: A".encode())
    result = boardpapers.parse(path)
    assert result.papers[0].format == "text"
    assert result.meetings[0].date == "2016-01-29"


def test_bad_input_zip_that_is_not_word(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(errors.UnsupportedFormat, match="sheet.docx"):
        boardpapers.parse(write(tmp_path, "sheet.docx", buffer.getvalue()))


def test_bad_input_binary_is_unsupported(tmp_path):
    with pytest.raises(errors.UnsupportedFormat, match="blob.txt"):
        boardpapers.parse(write(tmp_path, "blob.txt", b"\x00\x01\x02\x03" * 100))


def test_bad_input_every_error_is_a_boardpapers_error():
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.BoardpapersError)
