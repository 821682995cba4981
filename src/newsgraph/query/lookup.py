"""Small lookups the web pages need that the listing queries do not offer."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..errors import NotFound
from ..store.schema import documents, links, statements


def statement_document(store: Any, statement_id: str) -> str:
    """The id of the document a statement comes from."""
    with store.engine.connect() as conn:
        document_id = conn.execute(select(statements.c.document_id)
                                   .where(statements.c.id == statement_id)).scalar()
    if document_id is None:
        raise NotFound(f"no statement with id {statement_id!r}", hint="statement ids start with stmt:")
    return document_id


def document_titles(store: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    """id -> {"id", "title", "published"} for the given document ids."""
    if not ids:
        return {}
    with store.engine.connect() as conn:
        rows = conn.execute(select(documents.c.id, documents.c.title, documents.c.published)
                            .where(documents.c.id.in_(ids))).mappings()
        return {r["id"]: dict(r) for r in rows}


def link_count(store: Any, link_type: str = "contradicts") -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(links).where(links.c.type == link_type)).scalar_one()
