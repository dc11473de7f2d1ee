"""PDF files into a Document, read with pdfium one page at a time.

Text, positions and fonts come from pdfium's text page (about twenty times
faster than pdfplumber's own parser), ruling lines from its page objects, so
each page is parsed once, by pdfium only. Each page is loaded, turned into a
handful of small blocks and closed before the next is opened, so memory
does not grow with the page count; what needs the whole document (running
headers, joins across page breaks, the body font size) is settled on those
blocks at the end (:mod:`.pdf_assemble`).

The stages, one module each: :mod:`.pdf_words` (characters into words),
:mod:`.pdf_rules` (ruling lines), :mod:`.pdf_tables` (ruled and borderless
tables), :mod:`.pdf_lines` (words into lines), :mod:`.pdf_furniture` (headers and
footers), :mod:`.pdf_blocks` (lines into a page's blocks) and
:mod:`.pdf_assemble` (the document's blocks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..document import Document, build_document, file_sha256
from ..errors import CorruptFile, EmptyFile, EncryptedFile, ScannedDocument, UndecodableText
from .pdf_assemble import Layout
from .pdf_lines import group_lines
from .pdf_rules import read_rules
from .pdf_tables import find_ruled
from .pdf_words import page_transform, read_words

__all__ = ["read_pdf"]

UNDECODABLE_SHARE = 0.3  # above this share of unmapped characters the text layer is garbage
MIN_SAMPLES = 20
EOF_WINDOW = 1024
REOPEN_EVERY = 20  # pages read between two openings of the document


@dataclass
class _Census:
    """What the pages held, to tell a garbage or missing text layer from a thin one."""

    chars: int = 0
    sampled: int = 0
    unmapped: int = 0
    images: int = 0
    textless_pages: list[int] = field(default_factory=list)


def read_pdf(path: Path, *, password: str | None = None) -> Document:
    """Read the PDF at ``path`` into a Document, one page at a time."""
    if b"%%EOF" not in _tail(path).rstrip(b"\x00\r\n\t ")[-EOF_WINDOW:]:
        raise CorruptFile(path, "no %%EOF marker at the end: the file is truncated")
    document = _open(path, password)
    try:
        layout = Layout()
        census = _Census()
        page_count = len(document)
        for index in range(page_count):
            if index and index % REOPEN_EVERY == 0:
                # pdfium caches every font and resource a page used until the document is
                # closed; reopening (cheap: pdfium reads the file lazily) keeps memory flat.
                document.close()
                document = _open(path, password)
            _read_page(path, document, index, layout, census)
    finally:
        document.close()
    _check_text_layer(path, census, page_count)
    warnings = [f"page {n} has no text layer (a scanned image?); it was skipped" for n in census.textless_pages]
    result = build_document(str(path), "pdf", file_sha256(path), layout.drafts(), page_count, warnings)
    if not result.blocks:
        raise EmptyFile(path, "its only text is page furniture or sideways labels")
    return result


def _tail(path: Path) -> bytes:
    """The last bytes of the file, where a complete PDF has its %%EOF marker."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        handle.seek(max(0, handle.tell() - 4 * EOF_WINDOW))
        return handle.read()


def _open(path: Path, password: str | None) -> pdfium.PdfDocument:
    """Open the document from disk, turning pdfium's load errors into ours."""
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedFile(path, "wrong password" if password else None) from None
        if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedFile(path, "unsupported security handler") from None
        raise CorruptFile(path, str(error)) from None


def _read_page(path: Path, document: pdfium.PdfDocument, index: int, layout: Layout, census: _Census) -> None:
    """Read one page into the layout, closing pdfium's page and text page before returning."""
    page = pdfium_c.FPDF_LoadPage(document.raw, index)
    if not page:
        raise CorruptFile(path, f"page {index + 1} cannot be loaded")
    textpage = pdfium_c.FPDFText_LoadPage(page)
    try:
        if not textpage:
            raise CorruptFile(path, f"the text of page {index + 1} cannot be read")
        transform = page_transform(page)
        text = read_words(textpage, transform)
        census.chars += text.chars
        census.sampled += text.sampled
        census.unmapped += text.unmapped
        if not text.chars:
            census.images += _count_images(page)
            census.textless_pages.append(index + 1)
            return
        tables, flow_words = find_ruled(read_rules(page, transform), text.words)
        lines = group_lines([word for word in flow_words if not word.rotated])
        layout.add_page(index + 1, (text.width, text.height), lines, tables)
    finally:
        if textpage:
            pdfium_c.FPDFText_ClosePage(textpage)
        pdfium_c.FPDF_ClosePage(page)


def _count_images(page: pdfium_c.FPDF_PAGE) -> int:
    """Images on a page without text: what a scan looks like, for the error message."""
    count = pdfium_c.FPDFPage_CountObjects(page)
    return sum(
        pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page, i)) == pdfium_c.FPDF_PAGEOBJ_IMAGE
        for i in range(count)
    )


def _check_text_layer(path: Path, census: _Census, page_count: int) -> None:
    """Refuse a document with no text at all, or whose text is mostly unmapped glyphs."""
    if census.chars == 0:
        images = f"; {census.images} image(s)" if census.images else ""
        raise ScannedDocument(path, f"no text on any of its {page_count} page(s){images}")
    if census.sampled >= MIN_SAMPLES and census.unmapped > UNDECODABLE_SHARE * census.sampled:
        share = round(100 * census.unmapped / census.sampled)
        raise UndecodableText(path, f"{share}% of characters have no Unicode value")
