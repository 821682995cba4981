"""Statements: who said what, about whom, asserting or denying, with the sentence's evidence."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select

from ..store.schema import documents, statement_about, statements as t_statements
from ..store.search import matching_ids
from .common import actor_ids, actor_names, span


def statements(store, speaker: str | None = None, about: str | None = None, polarity: str | None = None,
               since: str | None = None, until: str | None = None, match: str | None = None,
               document: str | None = None, kind: str | None = None, limit: int | None = 100,
               offset: int = 0) -> list[dict[str, Any]]:
    """Statements filtered by speaker / about (id, name or alias), polarity, date and full text.

    Dates compare the statement's date, or its document's publication date when it has none,
    as ISO strings ("2016", "2016-01", "2016-01-05").
    """
    t = t_statements
    when = func.coalesce(t.c.date, documents.c.published)
    query = (select(t, documents.c.title.label("document_title"), documents.c.published.label("published"))
             .join(documents, documents.c.id == t.c.document_id))
    with store.engine.connect() as conn:
        speakers, abouts = actor_ids(conn, speaker), actor_ids(conn, about)
        if speakers is not None:
            query = query.where(t.c.speaker.in_(speakers))
        if abouts is not None:
            query = query.where(t.c.id.in_(select(statement_about.c.statement_id)
                                           .where(statement_about.c.actor_id.in_(abouts))))
        if polarity:
            query = query.where(t.c.polarity == polarity)
        if kind:
            query = query.where(t.c.kind == kind)
        if document:
            query = query.where(t.c.document_id == document)
        if since:
            query = query.where(when >= since)
        if until:
            query = query.where(when <= until)
        if match:
            hits = matching_ids(conn, t, match)
            query = query.where(t.c.id.in_(select(hits.c.id)))
        order = (t.c.content_span_start,) if document else (when.desc().nulls_last(), t.c.document_id, t.c.content_span_start)
        query = query.order_by(*order).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        rows = conn.execute(query).mappings().all()
        ids = [r["id"] for r in rows]
        about_map: dict[str, list[str]] = defaultdict(list)
        if ids:
            for sid, aid in conn.execute(select(statement_about.c.statement_id, statement_about.c.actor_id)
                                         .where(statement_about.c.statement_id.in_(ids))
                                         .order_by(statement_about.c.actor_id)):
                if aid not in about_map[sid]:
                    about_map[sid].append(aid)
        names = actor_names(conn, {r["speaker"] for r in rows} | {r["medium"] for r in rows})
    return [_statement_dict(r, about_map.get(r["id"], []), names) for r in rows]


def _statement_dict(row, about: list[str], names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": row["id"], "document_id": row["document_id"], "document_title": row["document_title"],
        "published": row["published"],
        "speaker": row["speaker"], "speaker_name": names.get(row["speaker"]), "speaker_text": row["speaker_text"],
        "speaker_span": span(row, "speaker_span"), "cue": row["cue"], "cue_span": span(row, "cue_span"),
        "content": row["content"], "content_span": span(row, "content_span"), "kind": row["kind"],
        "polarity": row["polarity"], "medium": row["medium"], "medium_name": names.get(row["medium"]),
        "date": row["date"], "about": about,
    }
