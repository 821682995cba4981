"""The actor network: actors as nodes, event pairs as edges, with dates for timelines.

Shared by the web network page and the GraphML/GEXF exports. Nodes are canonical actors
with their mention counts; an edge joins two actors that took part in at least one event
(either direction), with its counts per quad class, a cooperation-minus-conflict score, and
the first and last dates seen. An event's date is its own date when the extractor found one,
else the publication date of the earliest article that reports it.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from sqlalchemy import and_, case, func, or_, select

from ..model.enums import QUAD_CLASS, EventType

COOPERATION = {"verbal_cooperation", "material_cooperation"}

DEFAULT_MAX_NODES = 150


def _quad(event_type: str) -> str | None:
    try:
        return str(QUAD_CLASS[EventType(event_type)])
    except ValueError:
        return None


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """ISO prefix comparison: '2016-01' is inside since='2016' and until='2016-01-31'."""
    if since is None and until is None:
        return True
    if not date:
        return False
    if since and date[: len(since)] < since:
        return False
    if until and date[: len(until)] > until:
        return False
    return True


def event_rows(store: Any, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Events between two different actors: id, type, source, target, date (see module doc)."""
    t = store.tables
    first_published = (
        select(t.event_reports.c.event_id, func.min(t.documents.c.published).label("published"))
        .join(t.documents, t.documents.c.id == t.event_reports.c.document_id)
        .group_by(t.event_reports.c.event_id)
        .subquery()
    )
    e = t.events
    query = (
        select(e.c.id, e.c.type, e.c.source, e.c.target,
               func.coalesce(e.c.date, first_published.c.published).label("date"))
        .select_from(e.outerjoin(first_published, first_published.c.event_id == e.c.id))
        .where(and_(e.c.source.is_not(None), e.c.target.is_not(None), e.c.source != e.c.target))
    )
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    return [r for r in rows if _in_range(r["date"], since, until)]


def _mention_rows(store: Any, since: str | None, until: str | None) -> list[dict[str, Any]]:
    """Per actor and publication date: mention and document counts."""
    t = store.tables
    m, d = t.mentions, t.documents
    query = (
        select(m.c.actor_id, d.c.published, func.count().label("mentions"),
               func.count(func.distinct(m.c.document_id)).label("documents"))
        .join(d, d.c.id == m.c.document_id)
        .group_by(m.c.actor_id, d.c.published)
    )
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    return [r for r in rows if _in_range(r["published"], since, until)]


def _actor_rows(store: Any, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    a = store.tables.actors
    wanted = list(ids)
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for chunk_start in range(0, len(wanted), 500):
            chunk = wanted[chunk_start:chunk_start + 500]
            query = select(a.c.id, a.c.name, a.c.type, a.c.country).where(a.c.id.in_(chunk))
            out.update({r.id: dict(r._mapping) for r in conn.execute(query)})
    return out


def network(store: Any, *, since: str | None = None, until: str | None = None,
            types: Iterable[str] | None = None, max_nodes: int = DEFAULT_MAX_NODES,
            min_mentions: int = 1) -> dict[str, Any]:
    """{"nodes": [...], "edges": [...], "filters": {...}, "truncated": bool}.

    `types` keeps actors of those types; `max_nodes` keeps the most mentioned actors; an actor
    with fewer than `min_mentions` mentions in range stays when an event links it.
    """
    wanted_types = {str(x) for x in types} if types else None
    nodes: dict[str, dict[str, Any]] = defaultdict(lambda: {"mentions": 0, "documents": 0,
                                                             "first": None, "last": None})
    for row in _mention_rows(store, since, until):
        node = nodes[row["actor_id"]]
        node["mentions"] += row["mentions"]
        node["documents"] += row["documents"]
        _extend(node, row["published"])

    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for ev in event_rows(store, since, until):
        a, b = sorted((ev["source"], ev["target"]))
        edge = pairs.setdefault((a, b), {"source": a, "target": b, "events": 0, "counts": defaultdict(int),
                                         "types": defaultdict(int), "first": None, "last": None})
        edge["events"] += 1
        edge["types"][ev["type"]] += 1
        quad = _quad(ev["type"])
        if quad:
            edge["counts"][quad] += 1
        _extend(edge, ev["date"])
        for end in (a, b):
            nodes[end]  # make sure both ends exist as nodes

    info = _actor_rows(store, nodes)
    kept = []
    for actor_id, node in nodes.items():
        actor = info.get(actor_id)
        if actor is None:
            continue  # an id with no actor row (e.g. merged away): nothing to show
        if wanted_types and actor["type"] not in wanted_types:
            continue
        kept.append({**actor, **node})
    linked = {actor for pair in pairs for actor in pair}
    kept = [n for n in kept if n["mentions"] >= min_mentions or n["id"] in linked]
    kept.sort(key=lambda n: (-n["mentions"], n["name"] or ""))
    truncated = len(kept) > max_nodes
    kept = kept[:max_nodes]
    kept_ids = {n["id"] for n in kept}

    edges = []
    for (a, b), edge in pairs.items():
        if a not in kept_ids or b not in kept_ids:
            continue
        coop = sum(n for q, n in edge["counts"].items() if q in COOPERATION)
        conflict = edge["events"] - coop
        edges.append({**edge, "counts": dict(edge["counts"]), "types": dict(edge["types"]),
                      "cooperation": coop, "conflict": conflict,
                      "score": round((coop - conflict) / edge["events"], 3),
                      "kind": "cooperation" if coop > conflict else "conflict" if conflict > coop else "mixed"})
    edges.sort(key=lambda e: (-e["events"], e["source"], e["target"]))
    return {"nodes": kept, "edges": edges, "truncated": truncated,
            "filters": {"since": since, "until": until, "types": sorted(wanted_types) if wanted_types else None,
                        "max_nodes": max_nodes}}


def _extend(item: dict[str, Any], date: str | None) -> None:
    if not date:
        return
    if item["first"] is None or date < item["first"]:
        item["first"] = date
    if item["last"] is None or date > item["last"]:
        item["last"] = date


def top_pairs(store: Any, limit: int = 10) -> list[dict[str, Any]]:
    """The pairs with the most events, for the home page."""
    graph = network(store, max_nodes=10_000, min_mentions=0)
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    return [{**e, "source_name": names.get(e["source"]), "target_name": names.get(e["target"])}
            for e in graph["edges"][:limit]]


def partners(store: Any, actor_id: str, limit: int = 8) -> list[dict[str, Any]]:
    """The actors that share the most events with `actor_id`: [{"partner", "events"}]."""
    e = store.tables.events
    other = case((e.c.source == actor_id, e.c.target), else_=e.c.source).label("partner")
    query = (select(other, func.count().label("events"))
             .where(or_(e.c.source == actor_id, e.c.target == actor_id),
                    e.c.source.is_not(None), e.c.target.is_not(None), e.c.source != e.c.target)
             .group_by(other).order_by(func.count().desc(), other).limit(limit))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def actor_relations(store: Any, actor_id: str, partner_ids: list[str], period: str = "month") -> list[dict[str, Any]]:
    """The relation series and shifts of one actor with each partner, from one query.

    Same series and shift detection as query.relations (link.relations.series and
    link.shifts.detect_shifts over the same event dating), without the per-shift evidence
    statements: the actor page draws several partners at once and links to /api/relations
    for the full evidence of a pair.
    """
    from ..link.relations import EventRef, series
    from ..link.shifts import detect_shifts
    from .relations import _best_date

    if not partner_ids:
        return []
    t = store.tables
    e, r, d = t.events, t.event_reports, t.documents
    query = (select(e.c.id, e.c.type, e.c.source, e.c.target, e.c.date, e.c.modality,
                    func.min(r.c.attributed_to).label("attributed_to"))
             .join(r, r.c.event_id == e.c.id)
             .where(or_(and_(e.c.source == actor_id, e.c.target.in_(partner_ids)),
                        and_(e.c.target == actor_id, e.c.source.in_(partner_ids))))
             .group_by(e.c.id, e.c.type, e.c.source, e.c.target, e.c.date, e.c.modality))
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        # The publication date only matters for events without a full date of their own.
        vague = [row.id for row in rows if not row.date or len(row.date) < 10]
        published: dict[str, str] = {}
        for start in range(0, len(vague), 500):
            chunk = vague[start:start + 500]
            published.update(conn.execute(
                select(r.c.event_id, func.min(d.c.published)).join(d, d.c.id == r.c.document_id)
                .where(r.c.event_id.in_(chunk)).group_by(r.c.event_id)).tuples().all())
    by_partner: dict[str, list[EventRef]] = defaultdict(list)
    for row in rows:
        partner = row.target if row.source == actor_id else row.source
        by_partner[partner].append(EventRef(
            id=row.id, type=row.type, source=row.source, target=row.target,
            date=_best_date(row.date, published.get(row.id)), modality=row.modality or "asserted",
            statement_id=row.attributed_to))
    out = []
    for partner in partner_ids:
        points = series(by_partner.get(partner, []), actor_id, partner, period)
        out.append({"partner": partner, "series": points, "shifts": detect_shifts(points)})
    return out
