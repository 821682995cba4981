"""RSS and Atom feeds through feedparser: one Document per entry.

The entry's full content is preferred over its summary; HTML is reduced to text with
paragraph breaks. A feed that is not RSS/Atom, or whose XML is broken, is one InputError
(after the entries that could be read); an entry without text is an InputError for that entry.
"""
from __future__ import annotations

from collections.abc import Iterator
from xml.sax import SAXException

import feedparser

from ..errors import InputError
from ..model import Document
from ..model.ids import document_id
from .dates import iso_date
from .htmltext import html_to_text
from .options import ReadOptions
from .source import Source, log


def read_feed(source: Source, options: ReadOptions) -> Iterator[Document | InputError]:
    data = source.read_all(options.max_bytes)
    # Bytes, never str: feedparser fetches a string that looks like a URL.
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception") if parsed.bozo else None
    # Broken XML (not a mere encoding or content-type quibble) means entries may be missing.
    broken = isinstance(problem, SAXException)
    reason = str(problem).replace("<unknown>:", "line ") if problem is not None else ""
    if not parsed.entries:
        if broken:
            raise InputError(f"broken feed: {reason}", where=source.name)
        if not parsed.version:
            raise InputError("not an RSS or Atom feed", where=source.name)
        log.warning("%s: the feed has no entries", source.name)
        return
    if problem is not None and not broken:
        log.warning("%s: %s; the feed is read anyway", source.name, reason)
    feed_title = (parsed.feed.get("title") or "").strip() or None
    read = 0
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source.name}#{number}"
        text = entry_text(entry)
        if not text:
            if not broken:  # in a broken feed, the error below covers the damaged entry
                yield InputError("feed entry has no text (no content and no summary)", where=where)
            continue
        read += 1
        yield entry_document(entry, text, feed_title, where)
    if broken:
        raise InputError(f"broken feed: {reason}; the {read} entries before the damage were read",
                         where=source.name)


def entry_document(entry, text: str, feed_title: str | None, where: str) -> Document:
    # The date as written first: feedparser's *_parsed is moved to UTC, which can change the day.
    written = entry.get("published") or entry.get("updated")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return Document(
        id=(entry.get("id") or "").strip() or document_id(text), text=text,
        title=(entry.get("title") or "").strip() or None,
        author=(entry.get("author") or "").strip() or None,
        published=iso_date(written) or iso_date(parsed),
        url=(entry.get("link") or "").strip() or None, source=feed_title, origin=where)


def entry_text(entry) -> str:
    """The longest of the entry's content blocks, else its summary, as plain text."""
    candidates = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if candidates:
        block = max(candidates, key=lambda c: len(c["value"]))
        value, kind = block["value"], block.get("type", "text/html")
    elif (entry.get("summary") or "").strip():
        detail = entry.get("summary_detail") or {}
        value, kind = entry["summary"], detail.get("type", "text/html")
    else:
        return ""
    return html_to_text(value) if "html" in kind else value.strip()
