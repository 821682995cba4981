"""Plain-text articles.

Document.text is the whole decoded file; what the header gives (title, byline, date) is
metadata only, so offsets index the file as it is. A header is recognised when it looks like
one, and left alone otherwise:

- title: the first line, short (at most 200 characters and 30 words), not ending with a period,
  colon or comma, followed by a blank line or by a byline;
- byline: a line "by NAME" (any case of "by"), NAME being one to six capitalised words; a
  trailing ", Agency" part is dropped;
- date: a line "Published: ..." or "Date: ..." among the first lines, or a dateline opening
  the first paragraph: "GENEVA, March 3, 2016 —", "Bamako, 14 Jan. 2016 -", "KYIV, 2016-03-03 --".
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Document
from ..model.ids import document_id
from .dates import iso_date
from .options import ReadOptions
from .source import Source, decode_text

HEADER_LINES = 8  # title, byline and date lines are looked for among the first lines

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
_PLACE = r"[A-Z][A-Za-z.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?)?"
_DATELINE = re.compile(rf"^\s*{_PLACE},\s+(?P<date>{_DATE})\s*(?:\([^)]{{1,30}}\)\s*)?(?:—|–|--|-)")
_DATE_LINE = re.compile(r"^\s*(?:published|date|posted|updated)\s*:\s*(?P<date>.{4,60}?)\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*by\s+(?P<name>\S.{0,100}?)\s*$", re.IGNORECASE)
_NAME_PARTICLES = frozenset("and de da del della van von der den du di la le al el bin ibn ben".split())


@dataclass(frozen=True)
class Header:
    title: str | None = None
    author: str | None = None
    published: str | None = None


def read_txt(source: Source, options: ReadOptions) -> Iterator[Document]:
    data = source.read_all(options.max_bytes)
    text = decode_text(data, source.name, options.encoding_fallback)
    header = parse_header(text)
    yield Document(id=document_id(text), text=text, title=header.title, author=header.author,
                   published=header.published, origin=source.name)


def parse_header(text: str) -> Header:
    """Title, author and publication date from the top of a plain-text article."""
    lines = text.splitlines()[:HEADER_LINES + 4]
    body_start = _next_nonblank(lines, 0)
    if body_start is None:
        return Header()
    title = author = published = None

    second = lines[1] if len(lines) > 1 else ""
    after_title = _next_nonblank(lines, 1)
    if (body_start == 0 and after_title is not None and _is_title(lines[0])
            and (not second.strip() or byline_name(second))):
        title = lines[0].strip()
        body_start = after_title

    if body_start is not None and (name := byline_name(lines[body_start])):
        author = name
        body_start = _next_nonblank(lines, body_start + 1)

    for line in lines[:HEADER_LINES]:
        if m := _DATE_LINE.match(line):
            published = iso_date(m["date"])
            break
    if published is None and body_start is not None:
        if m := _DATELINE.match(lines[body_start]):
            published = iso_date(m["date"])
    return Header(title, author, published)


def byline_name(line: str) -> str | None:
    """NAME in a "by NAME" line, when NAME looks like a person's name; else None."""
    m = _BYLINE.match(line)
    if not m:
        return None
    name = re.split(r"\s*(?:,|\||;|\s-\s|\s—\s)\s*", m["name"])[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return None
    for word in words:
        if not (word[:1].isupper() or word.lower() in _NAME_PARTICLES
                or word.lower().startswith(("al-", "el-"))):
            return None
    return name


def _is_title(line: str) -> bool:
    stripped = line.strip()
    return (0 < len(stripped) <= 200 and len(stripped.split()) <= 30
            and not stripped.endswith((".", ":", ",", ";"))
            and byline_name(stripped) is None and _DATE_LINE.match(stripped) is None
            and _DATELINE.match(stripped) is None)


def _next_nonblank(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)
