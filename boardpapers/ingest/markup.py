"""Inline markup left by converters and authors, and how to remove it.

Board papers reach us as text with leftovers of whatever made them: HTML
inline tags (``<b>``, ``<sup>rd</sup>``, ``<input type="checkbox"/>``),
Markdown emphasis (``**94%**``, ``***Trends***``), LaTeX-like superscripts
(``22 ^{nd}``), links and escapes. :func:`strip_inline` turns a line into
clean text; :func:`is_emphasised` tells whether the whole line was bold or
italic, which is how such text marks a heading.
"""

from __future__ import annotations

import html

import regex

__all__ = ["is_emphasised", "strip_inline"]

# Ordinal suffixes written as superscripts belong to their number: "23 <sup>rd</sup>" is "23rd".
_SUPERSCRIPT_ORDINAL = regex.compile(r"(?<=\d)\s*(?:<sup>\s*(\w{1,3})\s*</sup>|\^\{(\w{1,3})\})")
_SUPERSCRIPT = regex.compile(r"<sup>(.*?)</sup>|\^\{(.*?)\}", regex.S)
_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_IMAGE = regex.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = regex.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_EMPHASIS_RUN = regex.compile(r"(?<![\w*])(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_STRAY_EMPHASIS = regex.compile(r"\*{2,}")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_CODE = regex.compile(r"`([^`]*)`")


def strip_inline(text: str) -> str:
    """Remove inline HTML, Markdown and superscript markup, keeping the words."""
    text = _SUPERSCRIPT_ORDINAL.sub(lambda m: m.group(1) or m.group(2), text)
    text = _SUPERSCRIPT.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _TAG.sub(" ", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    previous = None
    while previous != text:  # nested runs such as ***x*** or **a *b* c**
        previous = text
        text = _EMPHASIS_RUN.sub(lambda m: m.group(2), text)
    text = _STRAY_EMPHASIS.sub(" ", text)
    text = _ESCAPE.sub(lambda m: m.group(1), text)
    return html.unescape(text)


_EMPHASIS_OPEN = regex.compile(r"^\s*(?:(?:<(?:b|strong|i|em|u)>|\*{1,3}|_{2,3})\s*)+")
_EMPHASIS_CLOSE = regex.compile(r"(?:\s*(?:</(?:b|strong|i|em|u)>|\*{1,3}|_{2,3}))+\s*$")


def is_emphasised(text: str) -> bool:
    """True when the whole line is wrapped in bold/italic/underline markup."""
    opened = _EMPHASIS_OPEN.match(text)
    closed = _EMPHASIS_CLOSE.search(text)
    if not opened or not closed or closed.start() <= opened.end():
        return False
    inner = text[opened.end() : closed.start()]
    # "**a** and **b**" is emphasis on two words, not on the line.
    return "**" not in inner and "</b>" not in inner and "</strong>" not in inner
