"""Events: who did what to whom (PLOVER), one row per event however many documents report it."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, or_, select

from ..store.columns import row_json
from ..store.schema import documents, event_reports, events as t_events
from .common import actor_ids, actor_names, span


def events(store, source: str | None = None, target: str | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None, modality: str | None = None,
           actor: str | None = None, document: str | None = None, limit: int | None = 100,
           offset: int = 0) -> list[dict[str, Any]]:
    """Events filtered by source / target / either (`actor`), type, modality and date.

    The date of an event is its own date, or else the earliest publication date among the
    documents that report it. Each event lists its `reports` (document, span, wording).
    """
    t = t_events
    first_published = (select(func.min(documents.c.published))
                       .join(event_reports, event_reports.c.document_id == documents.c.id)
                       .where(event_reports.c.event_id == t.c.id).scalar_subquery())
    when = func.coalesce(t.c.date, first_published)
    query = select(t, when.label("when"))
    with store.engine.connect() as conn:
        for column, value in ((t.c.source, source), (t.c.target, target)):
            ids = actor_ids(conn, value)
            if ids is not None:
                query = query.where(column.in_(ids))
        either = actor_ids(conn, actor)
        if either is not None:
            query = query.where(or_(t.c.source.in_(either), t.c.target.in_(either)))
        if type:
            query = query.where(t.c.type == type.upper())
        if modality:
            query = query.where(t.c.modality == modality)
        if document:
            query = query.where(t.c.id.in_(select(event_reports.c.event_id)
                                           .where(event_reports.c.document_id == document)))
        if since:
            query = query.where(when >= since)
        if until:
            query = query.where(when <= until)
        query = query.order_by(when.desc().nulls_last(), t.c.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        rows = conn.execute(query).mappings().all()
        reports = _reports(conn, [r["id"] for r in rows])
        names = actor_names(conn, {r["source"] for r in rows} | {r["target"] for r in rows})
    out = []
    for r in rows:
        item = {k: r[k] for k in r.keys() if not k.endswith("_auto") and k != "when"}
        item |= {"source_name": names.get(r["source"]), "target_name": names.get(r["target"]),
                 "when": r["when"], "reports": reports.get(r["id"], [])}
        if document:  # the view from one document: its own span first
            item["reports"].sort(key=lambda rep: rep["document_id"] != document)
        out.append(item)
    return out


def _reports(conn, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not ids:
        return out
    query = (select(event_reports, documents.c.title, documents.c.published)
             .join(documents, documents.c.id == event_reports.c.document_id)
             .where(event_reports.c.event_id.in_(ids))
             .order_by(documents.c.published.nulls_last(), event_reports.c.document_id))
    for r in conn.execute(query).mappings():
        out[r["event_id"]].append({
            "document_id": r["document_id"], "document_title": r["title"], "published": r["published"],
            "span": span(r, "span"), "spans": row_json(r["spans"], []), "trigger": r["trigger"],
            "source_text": r["source_text"], "target_text": r["target_text"],
            "source_span": span(r, "source_span"), "target_span": span(r, "target_span"),
            "modality": r["modality"], "attributed_to": r["attributed_to"]})
    return out
