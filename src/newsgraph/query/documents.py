"""Documents: listing and one document with everything extracted from it."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

from ..errors import NotFound
from ..store.schema import documents as t_documents
from ..store.schema import event_reports, links, mentions
from ..store.schema import statements as t_statements
from .actors import _document_actors
from .events import events as _events
from .statements import statements as _statements

_LIST_COLUMNS = ("id", "title", "author", "published", "source", "url", "origin", "ingested_at")


def documents(store, limit: int = 50, offset: int = 0, source: str | None = None,
              since: str | None = None) -> list[dict[str, Any]]:
    """Stored documents, newest publication first, with counts of what was extracted."""
    n_statements = (select(func.count()).where(t_statements.c.document_id == t_documents.c.id)
                    .scalar_subquery().label("statements"))
    n_events = (select(func.count()).where(event_reports.c.document_id == t_documents.c.id)
                .scalar_subquery().label("events"))
    n_mentions = (select(func.count()).where(mentions.c.document_id == t_documents.c.id)
                  .scalar_subquery().label("mentions"))
    query = select(*(t_documents.c[c] for c in _LIST_COLUMNS), n_statements, n_events, n_mentions)
    if source:
        query = query.where(func.lower(t_documents.c.source) == source.lower())
    if since:
        query = query.where(t_documents.c.published >= since)
    query = query.order_by(t_documents.c.published.desc().nulls_last(), t_documents.c.id).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def document(store, document_id: str, with_text: bool = True) -> dict[str, Any]:
    """One document with its actors, statements, events and links."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t_documents).where(t_documents.c.id == document_id)).mappings().first()
        if row is None:
            raise NotFound(f"no document with id {document_id!r}", hint="see `newsgraph documents`")
        out = dict(row)
        if not with_text:
            out.pop("text")
        out["actors"] = _document_actors(conn, document_id)
        out["links"] = _document_links(conn, document_id)
    out["statements"] = _statements(store, document=document_id, limit=None)
    out["events"] = _events(store, document=document_id, limit=None)
    return out


def _document_links(conn, document_id: str) -> list[dict[str, Any]]:
    """Links found in this document and links from its statements to other documents'."""
    own = select(t_statements.c.id).where(t_statements.c.document_id == document_id)
    query = (select(links.c.id, links.c.type, links.c.a, links.c.b, links.c.score, links.c.reason,
                    links.c.document_id)
             .where(or_(links.c.document_id == document_id, links.c.a.in_(own), links.c.b.in_(own)))
             .order_by(links.c.score.desc(), links.c.id))
    return [dict(r) for r in conn.execute(query).mappings()]
