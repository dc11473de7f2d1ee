"""Page numbers printed on a page: furniture every reader removes.

The PDF reader drops them from headers and footers by position; the DOCX
reader meets them as body paragraphs typed by hand ("Page 2 of 3") where a
paper has no real footer. Both ask this module, so "what a page number looks
like" is said once.
"""

from __future__ import annotations

import regex

__all__ = ["is_labelled_page_number", "is_page_number"]

_PAGE_NUMBER = regex.compile(
    r"""^(?:
        (?:page|p\.|pg\.?)?\s*[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?
        |\d{1,4}\s*\|\s*p\s*a\s*g\s*e
        |page\s*\|\s*\d{1,4}
        |[ivxlc]{1,6}
    )$""",
    regex.X | regex.I,
)


def is_page_number(text: str) -> bool:
    """"3", "Page 3", "Page 3 of 12", "- 3 -", "3 | Page", "iv"."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def is_labelled_page_number(text: str) -> bool:
    """A page number that says so ("Page 3 of 12", "3 | Page"): safe to drop wherever it stands."""
    return is_page_number(text) and "page" in text.lower()
