"""Content-derived identifiers.

Re-ingesting the same article must update rows, never duplicate them, and a distributed run
must be able to merge partial results by id alone. So every id is a function of what defines
the record: the text for a document, the kind and name for an actor, the document and the
spans for statements and events.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def digest(*parts: object, length: int = 16) -> str:
    """A short, stable hex digest of the parts (order matters)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def slugify(name: str) -> str:
    """'Zamir Kabulov' -> 'zamir-kabulov'; accents are folded, punctuation dropped."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", folded.lower()).strip("-") or digest(name, length=8)


# Prefix of an actor id for each actor type; states use ISO codes (country:ru).
_ACTOR_PREFIX = {
    "state": "country",
    "organization": "org",
    "armed_group": "org",
    "media": "org",
    "person": "person",
    "group": "group",
    "location": "place",
}


def actor_id(actor_type: str, name: str) -> str:
    """Readable actor id: person:zamir-kabulov, org:nato, group:tajiks."""
    return f"{_ACTOR_PREFIX.get(str(actor_type), 'actor')}:{slugify(name)}"


def country_actor_id(iso2: str) -> str:
    return f"country:{iso2.lower()}"


def document_id(text: str) -> str:
    """Id of a document that came without one: a hash of its text."""
    return "doc:" + text_sha256(text)[:16]


def statement_id(document_id: str, content_span: tuple[int, int]) -> str:
    return "stmt:" + digest(document_id, *content_span)


def event_id(document_id: str, event_type: str, source: str | None, target: str | None, span: tuple[int, int],
             date: str | None = None, modality: str | None = None) -> str:
    """Content-derived when source, target and date are known, so reports of the same event in
    several documents share one id; otherwise tied to the document and span. A negated or
    hypothetical event is not the event itself, so its modality joins the id."""
    if source and target and date:
        kind = modality if modality in ("negated", "hypothetical") else None
        return "evt:" + digest(event_type, source, target, date, kind)
    return "evt:" + digest(document_id, event_type, source, target, *span)


def link_id(link_type: str, a: str, b: str) -> str:
    # Links are symmetric: order the ends so that (a, b) and (b, a) share an id.
    lo, hi = sorted((a, b))
    return "link:" + digest(link_type, lo, hi)
