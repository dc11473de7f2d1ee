"""YAML front matter of Markdown posts (Jekyll, Eleventy), without a YAML library.

Static-site posts open with ``---`` metadata. Usually the document follows
it; sometimes the minutes themselves live inside a block scalar of the front
matter (``minutes: >-`` followed by indented Markdown). We keep those block
scalars as body text, in the order written, and drop the rest of the
metadata (titles, permalinks, resource lists), which is not the paper.
"""

from __future__ import annotations

import regex

__all__ = ["split_front_matter"]

_FRONT = regex.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", regex.S)
_BLOCK_KEY = regex.compile(r"^([A-Za-z_][\w-]*):\s*[|>][+-]?\s*$")


_TITLE = regex.compile(r"^title:\s*(.+?)\s*$", regex.M)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return ``(title, text)``: the front matter's title, and its block-scalar values then the body.

    Block scalars ("minutes: >-", "agenda: |-") are kept as text because the
    page showed them; the other metadata (permalinks, resource lists) is not
    the paper.
    """
    match = _FRONT.match(text)
    if not match:
        return None, text
    body = text[match.end() :]
    title = _TITLE.search(match.group(1))
    scalars = _block_scalars(match.group(1).split("\n"))
    return (title.group(1).strip("'\"") if title else None), "\n\n".join([*scalars, body])


def _block_scalars(lines: list[str]) -> list[str]:
    values: list[str] = []
    index = 0
    while index < len(lines):
        if not _BLOCK_KEY.match(lines[index]):
            index += 1
            continue
        index += 1
        block: list[str] = []
        while index < len(lines) and (not lines[index].strip() or lines[index].startswith((" ", "\t"))):
            block.append(lines[index])
            index += 1
        indents = [len(line) - len(line.lstrip()) for line in block if line.strip()]
        cut = min(indents) if indents else 0
        value = "\n".join(line[cut:] for line in block).strip("\n")
        if value.strip():
            values.append(value)
    return values
