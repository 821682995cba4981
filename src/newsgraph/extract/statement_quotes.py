"""Quotation spans in a text: curly, straight and guillemet double quotes, paragraph-aware.

A quotation never crosses a paragraph break, except by the news convention for quotes that
run over several paragraphs: a paragraph opens with a quotation mark that is not closed, and
the next paragraph opens with a quotation mark again. Single quotes are left alone: they are
nested quotes or apostrophes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .paragraphs import trim_span, paragraph_spans

# '' and `` stand for double quotes in texts typed on ASCII keyboards (and in some archives).
_MARK = re.compile(r"''|``|[“”\"«»„]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[“\"«„])|\n")
_OPENERS = "“«„"
_CLOSERS = "”»"


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span  # from the opening mark to just after the closing mark
    inner: Span  # the quoted words, without the marks and edge whitespace
    paragraphs: int = 1  # how many paragraphs it runs over

    def contains(self, pos: int) -> bool:
        return self.inner[0] <= pos < self.inner[1]


def _opens_straight(text: str, pos: int, para_start: int) -> bool:
    return pos == para_start or text[pos - 1].isspace() or text[pos - 1] in "([—–-/"


def _quotes_in_paragraph(text: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """Closed quotes of one paragraph, and the position of a quote left open at its end."""
    closed: list[Span] = []
    open_at: int | None = None
    for m in _MARK.finditer(text, start, end):
        pos, mark = m.start(), m.group()
        width = len(mark)
        if mark == "''" and pos > start and text[pos - 1].isalpha() and pos + 2 < end and text[pos + 2].isalpha():
            continue  # inside a word
        if mark in _OPENERS or mark == "``":
            open_at = pos  # an opener inside an open quote: the earlier one was never closed
        elif mark in _CLOSERS:
            if open_at is not None:
                closed.append((open_at, pos + width))
                open_at = None
        elif open_at is None:  # straight quote
            if _opens_straight(text, pos, start):
                open_at = pos
        else:
            closed.append((open_at, pos + width))
            open_at = None
    return closed, open_at


def _family(text: str, pos: int) -> str | None:
    """Which kind of quotation mark opens at pos: curly, straight or guillemet (None: no mark).
    A multi-paragraph quote re-opens each paragraph with the same kind of mark."""
    if text[pos] in "“„":
        return "curly"
    if text[pos] == '"' or text[pos:pos + 2] in ("''", "``"):
        return "straight"
    return "guillemet" if text[pos] == "«" else None


def _mark_width(text: str, pos: int) -> int:
    return 2 if text[pos:pos + 2] in ("''", "``") else 1


def _make(text: str, start: int, end: int, paragraphs: int = 1) -> Quote:
    inner_end = end
    if text[end - 2:end] == "''":
        inner_end = end - 2
    elif text[end - 1] in _CLOSERS or text[end - 1] == '"':
        inner_end = end - 1
    inner_start = start + _mark_width(text, start)
    inner_start, inner_end = trim_span(text, inner_start, max(inner_start, inner_end))
    # "..., he said": the comma before the closing mark belongs to the frame, not the words.
    while inner_end > inner_start and text[inner_end - 1] in ",;:":
        inner_end -= 1
    return Quote((start, end), (inner_start, inner_end), paragraphs)


def find_quotes(text: str, paragraphs: list[Span] | None = None) -> list[Quote]:
    """Every double-quoted span of the text, in order, with multi-paragraph quotes joined."""
    paragraphs = paragraph_spans(text) if paragraphs is None else paragraphs
    quotes: list[Quote] = []
    running: tuple[int, int] | None = None  # (start, paragraphs so far) of a multi-paragraph quote
    for index, (p_start, p_end) in enumerate(paragraphs):
        closed, open_at = _quotes_in_paragraph(text, p_start, p_end)
        if running is not None:
            # This paragraph opened with a mark (checked below); its first quote ends the run.
            if closed and closed[0][0] == p_start:
                first = closed.pop(0)
                quotes.append(_make(text, running[0], first[1], running[1] + 1))
                running = None
            elif open_at == p_start and not closed:
                running = (running[0], running[1] + 1)
                continue
            else:
                quotes.append(_make(text, running[0], paragraphs[index - 1][1], running[1]))
                running = None
        quotes.extend(_make(text, s, e) for s, e in closed if e - s > 2)
        if open_at is not None:
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if following is not None and _family(text, following) == _family(text, open_at):
                running = (open_at, 1)
            elif p_end - open_at > 2:  # unclosed: the quote ends with its paragraph
                quotes.append(_make(text, open_at, p_end))
    if running is not None:
        quotes.append(_make(text, running[0], paragraphs[-1][1], running[1]))
    return sorted((q for q in quotes if q.inner[1] > q.inner[0]), key=lambda q: q.span)
