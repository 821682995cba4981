"""Relation of two actors over time: the series per period, the shifts and their evidence."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, func, or_, select

from ..errors import UsageError
from ..link.relations import PERIODS, EventRef, period_of, series
from ..link.shifts import detect_shifts
from ..store.judgements import only_actor_id
from ..store.schema import documents, event_reports, events, mentions, statement_about, statements
from .common import actor_names


def relations(store, a: str, b: str, period: str = "month") -> dict[str, Any]:
    """{"a", "b", "period", "series": [...], "shifts": [...]} for two actors (ids, names or aliases).

    Each series row has the period, counts per PLOVER quad class, the cooperation-conflict
    score and the ids of the events (and attributed statements) counted. Each shift has the
    first period of the new level, the mean score before and after, and its evidence: the
    events and the statements by or about both actors in the periods that carry the turn.
    """
    if period not in PERIODS:
        raise UsageError(f"unknown period {period!r}", hint=f"use one of {', '.join(PERIODS)}")
    with store.engine.connect() as conn:
        a_id, b_id = only_actor_id(conn, a), only_actor_id(conn, b)
        refs = _event_refs(conn, a_id, b_id)
        points = series(refs, a_id, b_id, period)
        shifts = detect_shifts(points)
        names = actor_names(conn, {a_id, b_id})
        shift_rows = []
        for shift in shifts:
            carried = [p.period for p in points if p.period >= shift.period][:2]
            shift_rows.append({
                "period": shift.period, "before": shift.before, "after": shift.after,
                "events": _events_by_id(conn, [e for e in shift.evidence if e.startswith("evt:")]),
                "statements": _pair_statements(conn, a_id, b_id, carried, period),
            })
    return {
        "a": {"id": a_id, "name": names.get(a_id, a_id)},
        "b": {"id": b_id, "name": names.get(b_id, b_id)},
        "period": period,
        "series": [{"period": p.period, **dict(p.counts), "total": sum(n for _, n in p.counts),
                    "score": p.score, "evidence": list(p.evidence)} for p in points],
        "shifts": shift_rows,
    }


def _event_refs(conn, a: str, b: str) -> list[EventRef]:
    """Events between a and b, dated by the event or else by its earliest report.

    One query: each event's earliest report is joined and aggregated by the database rather
    than fetched in chunks of ids.
    """
    pair = or_(and_(events.c.source == a, events.c.target == b), and_(events.c.source == b, events.c.target == a))
    reports = (select(event_reports.c.event_id, func.min(documents.c.published).label("published"),
                      func.min(event_reports.c.attributed_to).label("attributed"))
               .join(documents, documents.c.id == event_reports.c.document_id)
               .where(event_reports.c.event_id.in_(select(events.c.id).where(pair)))
               .group_by(event_reports.c.event_id).subquery())
    rows = conn.execute(
        select(events.c.id, events.c.type, events.c.source, events.c.target, events.c.date, events.c.modality,
               reports.c.published, reports.c.attributed)
        .outerjoin(reports, reports.c.event_id == events.c.id).where(pair))
    return [EventRef(id=r.id, type=r.type, source=r.source, target=r.target, date=_best_date(r.date, r.published),
                     modality=r.modality or "asserted", statement_id=r.attributed) for r in rows]


def _best_date(event_date: str | None, published: str | None) -> str | None:
    """The event's own date, unless the publication date is as precise and in the same month."""
    if event_date and published and published.startswith(event_date):
        return published
    return event_date or published


def _events_by_id(conn, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = conn.execute(
        select(events.c.id, events.c.type, events.c.source, events.c.target, events.c.date,
               event_reports.c.document_id, event_reports.c.trigger, event_reports.c.span_start,
               documents.c.title, documents.c.published,
               # the reporting sentence only, not every document's whole text
               func.substr(documents.c.text, event_reports.c.span_start + 1,
                           event_reports.c.span_end - event_reports.c.span_start).label("sentence"))
        .join(event_reports, event_reports.c.event_id == events.c.id)
        .join(documents, documents.c.id == event_reports.c.document_id)
        .where(events.c.id.in_(ids)).order_by(documents.c.published, events.c.id)).mappings()
    out, seen = [], set()
    for r in rows:
        if r["id"] in seen:
            continue
        seen.add(r["id"])
        sentence = " ".join(r["sentence"].split()) if r["span_start"] is not None else None
        out.append({"id": r["id"], "type": r["type"], "source": r["source"], "target": r["target"],
                    "date": r["date"], "document_id": r["document_id"], "title": r["title"],
                    "published": r["published"], "text": sentence})
    return out


# Documents examined per step of the walk through a shift's periods (see _pair_statements).
_WALK_DOCUMENTS = 400


def _pair_statements(conn, a: str, b: str, periods: list[str], period: str,
                     limit: int = 50) -> list[dict[str, Any]]:
    """Statements by or about both actors (their `about` actors, or the actors mentioned inside
    the content when `about` is empty), from documents published in the given periods, in
    publication order, at most `limit`.

    The periods' documents are walked in (published, id) order, a step of _WALK_DOCUMENTS at a
    time, and the walk stops once `limit` statements are found and no later document can come
    before them: a busy month costs a few steps rather than all of its statements.
    """
    if not periods:
        return []
    published_in = or_(*(and_(documents.c.published >= start, documents.c.published < end)
                         for start, end in (_period_range(p, period) for p in periods)))
    found: list[dict[str, Any]] = []
    after: tuple[str, str] | None = None  # (published, id) of the last document walked
    while True:
        query = select(documents.c.id, documents.c.published).where(published_in)
        if after is not None:
            query = query.where(or_(documents.c.published > after[0],
                                    and_(documents.c.published == after[0], documents.c.id > after[1])))
        step = conn.execute(query.order_by(documents.c.published, documents.c.id).limit(_WALK_DOCUMENTS)).all()
        if not step:
            break
        found.extend(_pair_statements_in(conn, a, b, [d.id for d in step], periods, period))
        after = (step[-1].published, step[-1].id)
        found.sort(key=lambda r: (r["published"], r["id"]))
        # Later documents are published on or after `after`: they can still tie with the last
        # kept statement, never come before it.
        if len(step) < _WALK_DOCUMENTS or (len(found) >= limit and found[limit - 1]["published"] < after[0]):
            break
    return found[:limit]


def _pair_statements_in(conn, a: str, b: str, docs: list[str], periods: list[str],
                        period: str) -> list[dict[str, Any]]:
    """_pair_statements for the statements of a few documents (all of them in the periods)."""
    light = conn.execute(select(statements.c.id, statements.c.document_id, statements.c.speaker,
                                statements.c.content_span_start, statements.c.content_span_end)
                         .where(statements.c.document_id.in_(docs))).all()
    if not light:
        return []
    # Filtered by document only: the few rows each has are checked here, which keeps the
    # database on that index rather than on the actor's (thousands of rows).
    about: dict[str, set[str]] = {}
    for sid, actor in conn.execute(select(statement_about.c.statement_id, statement_about.c.actor_id)
                                   .where(statement_about.c.statement_id.in_([r.id for r in light]))):
        if actor in (a, b):
            about.setdefault(sid, set()).add(actor)
    named: dict[str, list[tuple[int, int, str]]] = {}
    for doc, start, end, actor in conn.execute(
            select(mentions.c.document_id, mentions.c.span_start, mentions.c.span_end, mentions.c.actor_id)
            .where(mentions.c.document_id.in_(docs), mentions.c.actor_id.in_([a, b]))):
        named.setdefault(doc, []).append((start, end, actor))
    wanted = []
    for r in light:
        involved = about.get(r.id, set()) | ({r.speaker} & {a, b})
        if r.content_span_start is not None:
            involved = involved | {actor for s, e, actor in named.get(r.document_id, ())
                                   if r.content_span_start <= s and e <= r.content_span_end}
        if {a, b} <= involved:
            wanted.append(r.id)
    if not wanted:
        return []
    rows = conn.execute(
        select(statements.c.id, statements.c.content, statements.c.speaker, statements.c.speaker_text,
               statements.c.polarity, statements.c.date, statements.c.document_id, documents.c.title,
               documents.c.published)
        .join(documents, documents.c.id == statements.c.document_id)
        .where(statements.c.id.in_(wanted)).order_by(documents.c.published, statements.c.id)).mappings()
    return [dict(r) for r in rows if period_of(_best_date(r["date"], r["published"]), period) in periods]


def _period_range(key: str, period: str) -> tuple[str, str]:
    """[start, end) ISO dates of one period key; ISO strings compare in date order."""
    if period == "month":
        year, month = int(key[:4]), int(key[5:7])
        return key, f"{year + month // 12}-{month % 12 + 1:02d}"
    if period == "week":
        start = dt.date.fromisocalendar(int(key[:4]), int(key[6:8]), 1)
        return start.isoformat(), (start + dt.timedelta(days=7)).isoformat()
    day = dt.date.fromisoformat(key)
    return key, (day + dt.timedelta(days=1)).isoformat()
