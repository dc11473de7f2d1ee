"""Every real paper in ../shared/realdocs parses, or fails with a documented error."""

from __future__ import annotations

import shutil

import pytest

import boardpapers
from boardpapers.document import clean_line

from conftest import REALDOCS, realdocs_files

# Files that must fail, and how: their failure is the documented behaviour.
EXPECTED_ERRORS = {
    "horsley-parish/363.pdf": boardpapers.UndecodableText,
}
if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
    EXPECTED_ERRORS["datagovuk-panels/2012-01-24  TB(13)1.ii Action Log.doc"] = boardpapers.ConverterMissing


@pytest.mark.parametrize("path", realdocs_files(), ids=lambda p: str(p.relative_to(REALDOCS)))
def test_realdocs_parse_without_undocumented_errors(path, realdocs):
    expected = EXPECTED_ERRORS.get(str(path.relative_to(realdocs)))
    if expected is not None:
        with pytest.raises(expected, match=path.name.replace("(", r"\(").replace(")", r"\)")):
            boardpapers.parse(path)
        return
    result = boardpapers.parse(path)
    paper = result.papers[0]
    assert paper.text.strip()
    for record in result.papers:
        for block in record.blocks:
            assert record.text[block.start : block.end] == block.text


def test_realdocs_newbiggin_pdf_and_docx_give_the_same_text(realdocs):
    folder = realdocs / "milburn-newbiggin-parish"
    pdf = boardpapers.load(folder / "minutes_2019-09-03_.pdf")
    docx = boardpapers.load(folder / "Minutes_03.09.19.docx")
    assert clean_line(pdf.text) == clean_line(docx.text)
