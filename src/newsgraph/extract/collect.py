"""collect(): a processed Doc -> the unresolved records of one document."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import Document, Event, Mention, Role, Statement, Span


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extract/ found in one document, before actors are resolved."""

    document: Document
    mentions: tuple[Mention, ...]
    roles: tuple[tuple[Span, Role], ...]
    statements: tuple[Statement, ...]
    events: tuple[Event, ...]
    sentences: tuple[Span, ...]


def collect(doc: Doc, document: Document) -> Extraction:
    return Extraction(
        document=document,
        mentions=tuple(doc._.ng_mentions or ()),
        roles=tuple(doc._.ng_roles or ()),
        statements=tuple(doc._.ng_statements or ()),
        events=tuple(doc._.ng_events or ()),
        sentences=tuple((s.start_char, s.end_char) for s in doc.sents),
    )
