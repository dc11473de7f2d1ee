"""The spaCy side of ``boardpapers``: one blank English pipeline, built once, and rulers fed with data.

Nothing here downloads a model. The default pipeline is ``spacy.blank("en")``
plus a sentencizer: tokens and sentences are all the mention resolver needs,
and a blank pipeline builds in a fraction of a second, once per process
(:func:`blank_pipeline` is cached). A user who has a trained pipeline may
pass it instead; :func:`with_sentences` then adds sentence boundaries only if
that pipeline did not set any, without changing the user's pipeline.

Rulers are built per use (:func:`span_ruler`) and applied to a document
directly rather than added to the shared pipeline, so two meetings' rulers
never see each other's patterns.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer, SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

__all__ = ["blank_pipeline", "longest_spans", "span_ruler", "with_sentences"]


@lru_cache(maxsize=1)
def blank_pipeline() -> Language:
    """``spacy.blank("en")`` with a sentencizer; built on first use, then shared."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def _sentencizer() -> Sentencizer:
    return Sentencizer()


def with_sentences(doc: Doc) -> Doc:
    """``doc`` with sentence boundaries: its own if its pipeline set them, else the sentencizer's."""
    if not doc.has_annotation("SENT_START"):
        doc = _sentencizer()(doc)
    return doc


def longest_spans(existing: Iterable[Span], new: Iterable[Span]) -> list[Span]:
    """Overlap policy for rulers: of overlapping matches keep the longest ("Superintendent Paula Light",
    not "Paula Light" inside it); spaCy's ``filter_spans`` breaks ties by the earliest start."""
    return filter_spans([*existing, *new])


def span_ruler(
    nlp: Language,
    patterns: Iterable[dict[str, Any]],
    *,
    spans_key: str,
    spans_filter: Callable[[Iterable[Span], Iterable[Span]], Iterable[Span]] = longest_spans,
) -> SpanRuler:
    """A SpanRuler over ``nlp``'s vocabulary holding ``patterns`` (``{label, pattern, id}`` dicts)."""
    ruler = SpanRuler(nlp, name=f"{spans_key}_ruler", spans_key=spans_key, spans_filter=spans_filter, overwrite=True)
    ruler.add_patterns(list(patterns))
    return ruler
