"""HTML article pages, through trafilatura (offline): body text, title, author, date.

Document.text is the extracted body (paragraphs separated by a blank line), so offsets index
that text, not the HTML.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator

import trafilatura

from ..errors import InputError
from ..model import Document
from ..model.ids import document_id
from .dates import iso_date
from .options import ReadOptions
from .source import Source

# trafilatura logs its own guesses at WARNING; they are noise next to newsgraph's notices.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

MIN_WORDS = 20  # fewer extracted words than this: not an article page


def read_html(source: Source, options: ReadOptions) -> Iterator[Document]:
    yield html_document(source.read_all(options.max_bytes), source.name)


def html_document(html: bytes | str, where: str, url: str | None = None) -> Document:
    """One Document from an HTML page; InputError when no article text can be found."""
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False,
            # Dates from the page's metadata only: a date found anywhere in the text may be
            # an event date, not the publication date.
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # a third-party parser on untrusted input: any failure is the input's
        raise InputError(f"cannot parse HTML ({type(exc).__name__}: {exc})", where=where) from None
    raw_text = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    # trafilatura puts one paragraph per line; a blank line between paragraphs, as in a .txt
    # article, keeps headings and paragraphs apart when sentences are split.
    text = "\n\n".join(line.strip() for line in raw_text.splitlines() if line.strip())
    words = len(text.split())
    if words < MIN_WORDS:  # what is left of a navigation or index page, not an article
        raise InputError(f"no article text found in the HTML page ({words} words extracted)",
                         where=where, hint="is it an article page? index and navigation pages have no body text")
    meta = extracted  # trafilatura's Document: title, author, date, url, sitename
    return Document(
        id=document_id(text), text=text,
        title=_clean(getattr(meta, "title", None)), author=_clean(getattr(meta, "author", None)),
        published=iso_date(getattr(meta, "date", None)),
        url=_clean(getattr(meta, "url", None)) or url,
        source=_clean(getattr(meta, "sitename", None)), origin=where)


def _clean(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None
