"""Parts of an article text that are not reporting: headline, byline, credits, boilerplate.

spaCy's NER reads a title-cased headline or a byline as names ("Russian Outreach" as a
person, "Guest Contributor"); newsgraph keeps only gazetteer matches there (a headline that
says "Taliban" does name the Taliban) and drops bylines entirely (the author is metadata).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Span

HEADLINE, BYLINE, CREDIT, DATELINE = "headline", "byline", "credit", "dateline"

_BYLINE = re.compile(r"^\s*(by|By|BY)\s+\S")
_CREDIT = re.compile(
    r"^\s*(Photo|Image|Picture|Credit|Copyright|©|Reprinted|Republished|Articles by|Editing by|"
    r"Reporting by|Additional reporting|Follow us|Subscribe|Read more|Related:|Guest Contributor)\b")
# "BAMAKO, Jan. 14, 2016 —", "LONDON (Reuters) -": where the story was filed, not an actor.
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(?:,| \()")
# The same lead with its place, date and dash (paragraphs.py starts a sentence after it).
FULL_DATELINE = re.compile(r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}(?: \([A-Za-z ]{1,20}\))?"
                           r"(?:,[^\n—–]{1,60}?)?\s*(?:—|–|--| - )\s*")
_SENTENCE_END = re.compile(r"[.!?\"”’:;]\s*$")


@dataclass(frozen=True, slots=True)
class Region:
    span: Span
    kind: str  # headline | byline | credit


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 25 and not _SENTENCE_END.search(line)


def find_regions(text: str, document: Document | None = None) -> list[Region]:
    """Headline, byline and credit lines of the text, as character spans."""
    regions: list[Region] = []
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    if not lines:
        return regions
    title = (document.title or "").strip() if document else ""
    author = (document.author or "").strip() if document else ""
    first_s, first_e = lines[0]
    first = text[first_s:first_e].strip()
    if (title and first == title) or (len(lines) > 1 and _looks_like_headline(first)):
        regions.append(Region((first_s, first_e), HEADLINE))
    for s, e in lines[:5]:
        line = text[s:e].strip()
        if _BYLINE.match(line) and len(line.split()) <= 8 or (author and line in (author, f"by {author}")):
            regions.append(Region((s, e), BYLINE))
    for s, e in lines:
        line = text[s:e]
        if _CREDIT.match(line):
            regions.append(Region((s, e), CREDIT))
        dateline = _DATELINE.match(line)
        if dateline and len(dateline.group(1)) > 2:
            # the whole lead up to its dash ("KUNMING, China, March 8, 2017 -") when it has one
            full = FULL_DATELINE.match(line, dateline.start(1))
            end = full.end() if full else dateline.end(1)
            regions.append(Region((s + dateline.start(1), s + end), DATELINE))
    # A trailing block of short lines without sentence punctuation is boilerplate
    # ("Guest Contributor", "Articles by guest writers").
    for s, e in reversed(lines[1:]):
        line = text[s:e].strip()
        if len(line.split()) <= 6 and (not _SENTENCE_END.search(line) or _CREDIT.match(line)):
            regions.append(Region((s, e), CREDIT))
        else:
            break
    return regions
