"""Actors after identity judgements: listing, one actor in full, the actors of a document."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, distinct, func, or_, select

from ..errors import NotFound
from ..store.judgements import norm
from ..store.schema import actor_alias_counts, actor_counts, actor_role_counts
from ..store.schema import actors as t_actors
from ..store.schema import documents, events, mentions, roles, statement_about, statements
from .common import actor_ids, span


def _aliases(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
    """The distinct aliases of each actor, from the per-actor totals (store/summary.py)."""
    out: dict[str, set[str]] = defaultdict(set)
    if ids:
        rows = conn.execute(select(actor_alias_counts.c.actor_id, actor_alias_counts.c.alias)
                            .where(actor_alias_counts.c.actor_id.in_(ids)))
        for aid, alias in rows:
            out[aid].add(alias)
    return {k: sorted(v) for k, v in out.items()}


def _role_titles(conn: Connection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Distinct (title, of) per actor, most often stated first (from the per-actor totals)."""
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    if ids:
        t = actor_role_counts.c
        for aid, title, of, n in conn.execute(select(t.actor_id, t.title, t.of_id, t.documents)
                                              .where(t.actor_id.in_(ids))):
            found[aid].append((-n, title, of))
    return {aid: [{"title": title, "of": of or None} for _n, title, of in sorted(rows)]
            for aid, rows in found.items()}


def _roles(conn: Connection, ids: list[str], document_id: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Distinct (title, of) per actor, with the documents that state each."""
    found: dict[str, dict[tuple[str, str | None], set[str]]] = defaultdict(lambda: defaultdict(set))
    if ids:
        query = select(roles.c.actor_id, roles.c.title, roles.c.of_id, roles.c.document_id).where(
            roles.c.actor_id.in_(ids))
        if document_id:
            query = query.where(roles.c.document_id == document_id)
        for aid, title, of, doc in conn.execute(query):
            found[aid][(title, of)].add(doc)
    return {aid: [{"title": title, "of": of, "documents": sorted(docs)}
                  for (title, of), docs in sorted(by_role.items(), key=lambda kv: (-len(kv[1]), kv[0][0]))]
            for aid, by_role in found.items()}


def actors(store, type: str | None = None, name: str | None = None, country: str | None = None,
           limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Actors (merged ones folded in), most mentioned first.

    `name` matches a substring of the name or of any alias, case-insensitively.
    """
    mention_count = func.coalesce(actor_counts.c.mentions, 0)
    query = (select(t_actors.c.id, t_actors.c.name, t_actors.c.type, t_actors.c.country,
                    mention_count.label("mentions"), func.coalesce(actor_counts.c.documents, 0).label("documents"))
             .outerjoin(actor_counts, actor_counts.c.actor_id == t_actors.c.id)
             .where(t_actors.c.id == t_actors.c.canonical_id))
    if type:
        query = query.where(t_actors.c.type == type)
    if country:
        query = query.where(func.upper(t_actors.c.country) == country.upper())
    if name:
        # The distinct aliases (a few per actor), not every document's alias rows.
        pattern = f"%{norm(name)}%"
        by_alias = select(actor_alias_counts.c.actor_id).where(actor_alias_counts.c.alias_norm.like(pattern))
        query = query.where(or_(func.lower(t_actors.c.name).like(f"%{name.lower()}%"), t_actors.c.id.in_(by_alias),
                                t_actors.c.id == name))
    query = query.order_by(mention_count.desc(), t_actors.c.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
        ids = [r["id"] for r in rows]
        aliases, role_map = _aliases(conn, ids), _role_titles(conn, ids)
    for row in rows:
        row["aliases"] = aliases.get(row["id"], [])
        row["roles"] = role_map.get(row["id"], [])
    return rows


# From how many documents on the latest few are found by walking the publication-date index
# (a few steps per document shown) rather than by sorting all of the actor's documents.
_WALK_DATES_FROM = 1000


def _latest_documents(conn: Connection, aid: str, limit: int | None, document_count: int) -> list[dict[str, Any]]:
    """The actor's documents, latest first, each with the actor's mention count there."""
    if limit == 0:
        return []
    mentioned = select(mentions.c.document_id).where(mentions.c.actor_id == aid)
    if limit is not None and document_count >= _WALK_DATES_FROM:
        # EXISTS per document in date order: SQLite walks ix_documents_published and stops early.
        here = mentioned.where(mentions.c.document_id == documents.c.id).exists()
    else:
        here = documents.c.id.in_(mentioned)
    query = (select(documents.c.id, documents.c.title, documents.c.published).where(here)
             .order_by(documents.c.published.desc().nulls_last(), documents.c.id))
    if limit is not None:  # the web page lists the latest few (an actor may be in thousands)
        query = query.limit(limit)
    rows = [dict(d) for d in conn.execute(query).mappings()]
    counts: dict[str, int] = {}
    ids = [r["id"] for r in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        counts.update(conn.execute(select(mentions.c.document_id, func.count())
                                   .where(mentions.c.actor_id == aid, mentions.c.document_id.in_(chunk))
                                   .group_by(mentions.c.document_id)).all())
    return [r | {"mentions": counts[r["id"]]} for r in rows]


def actor(store, name_or_id: str, max_documents: int | None = None) -> dict[str, Any]:
    """One actor: aliases, roles, merged ids, documents with mention counts, statement/event counts.

    A name that fits several actors gives the most mentioned one; `other_matches` lists the rest.
    `max_documents` keeps the latest documents only; `document_count` counts them all.
    """
    with store.engine.connect() as conn:
        ids = actor_ids(conn, name_or_id) or []
        if not ids:
            raise NotFound(f"no actor named {name_or_id!r}", hint="see `newsgraph actors --name ...`")
        totals = {aid: (n, docs) for aid, n, docs in conn.execute(
            select(actor_counts.c.actor_id, actor_counts.c.mentions, actor_counts.c.documents)
            .where(actor_counts.c.actor_id.in_(ids)))}
        ids.sort(key=lambda i: (-totals.get(i, (0, 0))[0], i))
        aid = ids[0]
        row = dict(conn.execute(select(t_actors.c.id, t_actors.c.name, t_actors.c.type, t_actors.c.country)
                                .where(t_actors.c.id == aid)).mappings().one())
        mention_count, document_count = totals.get(aid, (0, 0))
        row["documents"] = _latest_documents(conn, aid, max_documents, document_count)
        row["mentions"] = mention_count
        row["document_count"] = document_count
        row["aliases"] = _aliases(conn, [aid]).get(aid, [])
        row["roles"] = _roles(conn, [aid]).get(aid, [])
        row["merged_ids"] = sorted(conn.execute(select(t_actors.c.id).where(
            t_actors.c.canonical_id == aid, t_actors.c.id != aid)).scalars())
        row["statements"] = conn.execute(select(func.count()).select_from(statements)
                                         .where(statements.c.speaker == aid)).scalar_one()
        row["statements_about"] = conn.execute(select(func.count(distinct(statement_about.c.statement_id)))
                                               .where(statement_about.c.actor_id == aid)).scalar_one()
        row["events"] = conn.execute(select(func.count()).select_from(events)
                                     .where(or_(events.c.source == aid, events.c.target == aid))).scalar_one()
        row["other_matches"] = ids[1:]
    return row


def _document_actors(conn: Connection, document_id: str) -> list[dict[str, Any]]:
    """The actors mentioned in one document, with their mentions there (contract-like)."""
    rows = conn.execute(select(mentions.c.actor_id, mentions.c.span_start, mentions.c.span_end, mentions.c.text)
                        .where(mentions.c.document_id == document_id)
                        .order_by(mentions.c.span_start)).mappings().all()
    by_actor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_actor[r["actor_id"]].append({"span": span(r, "span"), "text": r["text"]})
    ids = sorted(by_actor)
    info = {r["id"]: dict(r) for r in conn.execute(
        select(t_actors.c.id, t_actors.c.name, t_actors.c.type, t_actors.c.country).where(t_actors.c.id.in_(ids)))
        .mappings()}
    role_map = _roles(conn, ids, document_id)
    out = []
    for aid in ids:
        base = info.get(aid, {"id": aid, "name": by_actor[aid][0]["text"], "type": None, "country": None})
        out.append(base | {"aliases": sorted({m["text"] for m in by_actor[aid]}),
                           "roles": [{"title": r["title"], "of": r["of"]} for r in role_map.get(aid, [])],
                           "mentions": [m["span"] for m in by_actor[aid]]})
    return out


__all__ = ["actor", "actors"]
