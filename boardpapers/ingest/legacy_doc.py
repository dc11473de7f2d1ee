"""Legacy Word 97-2003 (.doc) files, read by converting them to DOCX with LibreOffice.

The binary .doc format is not worth a reader of our own: LibreOffice converts
it faithfully, and the DOCX reader does the rest. LibreOffice is optional;
without it a .doc raises :class:`~boardpapers.errors.ConverterMissing`,
whose message says how to install it.

The converted file is an intermediate: the Document keeps the .doc's path and
the hash of the .doc's bytes, so ids do not depend on the converter.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from ..document import Document
from ..errors import ConverterMissing, CorruptFile, UnsupportedFormat
from .docx import read_docx

__all__ = ["find_converter", "read_doc"]

CONVERTERS = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 120
CONVERTED_WARNING = "converted from a legacy Word .doc with LibreOffice"
# A password-protected DOCX is an OLE container like a .doc, holding this stream.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def find_converter() -> str | None:
    """The path of LibreOffice's ``soffice`` on PATH, or None."""
    for name in CONVERTERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def read_doc(path: Path, data: bytes) -> Document:
    """Read the .doc whose bytes are ``data`` through a LibreOffice conversion to DOCX."""
    if _ENCRYPTED_PACKAGE in data:
        raise UnsupportedFormat(path, "a password-protected Word file")
    converter = find_converter()
    if converter is None:
        raise ConverterMissing(path)
    document = read_docx(path, _convert(converter, path, data))
    return replace(
        document,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=(*document.warnings, CONVERTED_WARNING),
    )


def _convert(converter: str, path: Path, data: bytes) -> bytes:
    """The DOCX bytes LibreOffice makes of ``data``.

    The input is written under a plain name in a private directory, because
    LibreOffice mishandles some characters in names; the private profile
    (``UserInstallation``) lets the conversion run while another LibreOffice
    is open, which would otherwise take the job and exit at once.
    """
    with tempfile.TemporaryDirectory(prefix="boardpapers-doc-") as work:
        folder = Path(work)
        source = folder / "input.doc"
        source.write_bytes(data)
        command = [
            converter,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        output = _run(command, path)
        converted = folder / "out" / "input.docx"
        if not converted.is_file():
            raise CorruptFile(path, f"LibreOffice could not convert it: {output.strip()[-300:] or 'no output'}")
        return converted.read_bytes()


def _run(command: list[str], path: Path) -> str:
    """Run LibreOffice in its own process group, killing the whole group on timeout.

    ``soffice`` is a launcher that starts ``soffice.bin``; killing only the
    launcher would leave the converter running.
    """
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise CorruptFile(path, f"LibreOffice did not convert it within {TIMEOUT_SECONDS} s") from None
    return output
