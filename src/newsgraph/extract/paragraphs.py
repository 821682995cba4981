"""Paragraph breaks, and a component that makes them sentence boundaries before parsing.

spaCy's small English parser happily runs one sentence across a blank line ("... place:\n\n
On Wednesday ..."), which breaks every dependency rule downstream. `newsgraph_paragraphs_v1`
runs before the parser and starts a sentence at each paragraph; the parser keeps preset
boundaries.

A paragraph starts after a blank line, or after a line break that follows sentence-final
punctuation (hard-wrapped lines inside a sentence stay together). A text without any blank
line is taken to have one paragraph per line. A wire dateline ends at its dash.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Span
from .actor_regions import FULL_DATELINE

_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_LINE = re.compile(r"\n")
_FINAL = set(".!?:\"”’')»…")
# A wire dateline opening a paragraph ("KUNMING, China, March 8, 2017 - ", "LONDON (Reuters) — "):
# the story's first sentence starts after its dash, so the place is not parsed as its subject.
_DATELINE = FULL_DATELINE


def paragraph_spans(text: str) -> list[Span]:
    """Spans of the paragraphs (edge whitespace trimmed, empty ones dropped)."""
    every_line = _BLANK.search(text) is None
    spans: list[Span] = []
    start = 0
    for m in _LINE.finditer(text):
        before = text[start:m.start()].rstrip()
        if not before:
            start = m.end()
            continue
        blank_follows = _BLANK.match(text, m.start()) is not None
        if every_line or blank_follows or before[-1] in _FINAL:
            spans.append(trim_span(text, start, m.start()))
            start = m.end()
    if text[start:].strip():
        spans.append(trim_span(text, start, len(text)))
    return spans


def trim_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@Language.component("newsgraph_paragraphs_v1", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    if doc.has_annotation("DEP"):
        return doc  # already parsed: boundaries can no longer be set
    starts = []
    for i, (start, end) in enumerate(paragraph_spans(doc.text)):
        if i:
            starts.append(start)
        dateline = _DATELINE.match(doc.text, start, end)
        if dateline and dateline.end() < end:
            starts.append(dateline.end())
    for start in starts:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc
