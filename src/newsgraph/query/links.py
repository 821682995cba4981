"""Contradictions and claim checks over the store, as plain dicts (CLI, API and exports)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, or_, select, text, union

from ..link.claims import Proposition, proposition
from ..link.contradictions import incompatible_details, relevance
from ..model import Statement
from ..link.text import STOPWORDS, words
from ..store.judgements import norm
from ..store.schema import actor_aliases, actors, documents, links, mentions, statement_about, statements
from .common import actor_ids, actor_names

# Most statements read for one `check` (best full-text matches first, then actor matches).
CANDIDATES = 400
_STATEMENT_COLUMNS = (statements.c.id, statements.c.document_id, statements.c.content,
                      statements.c.content_span_start, statements.c.content_span_end, statements.c.speaker,
                      statements.c.speaker_text, statements.c.polarity, statements.c.date, statements.c.cue,
                      documents.c.title, documents.c.source, documents.c.published, documents.c.url)


def contradictions(store, about: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    """`contradicts` links, strongest first, each with both statements and their sources.

    `about`: an actor id, name or alias; keeps links where either statement is by or about it.
    """
    with store.engine.connect() as conn:
        query = select(links).where(links.c.type == "contradicts")
        wanted = actor_ids(conn, about)
        if wanted is not None:
            if not wanted:
                return []
            involved = _statements_involving(wanted)
            query = query.where(or_(links.c.a.in_(involved), links.c.b.in_(involved)))
        query = query.order_by(links.c.score.desc(), links.c.id)
        if limit:
            query = query.limit(limit)
        rows = [dict(r) for r in conn.execute(query).mappings()]
        found = _statements_by_id(conn, {r["a"] for r in rows} | {r["b"] for r in rows})
    return [{"id": r["id"], "type": r["type"], "score": r["score"], "reason": r["reason"],
             "within_document": r["document_id"], "a": found.get(r["a"]), "b": found.get(r["b"])}
            for r in rows]


def links_of(store, statement_id: str) -> list[dict[str, Any]]:
    """Every link that has the statement at one end, with the statement at the other end."""
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(
            select(links).where(or_(links.c.a == statement_id, links.c.b == statement_id))
            .order_by(links.c.score.desc())).mappings()]
        others = _statements_by_id(conn, {r["b"] if r["a"] == statement_id else r["a"] for r in rows})
    return [{"id": r["id"], "type": r["type"], "score": r["score"], "reason": r["reason"],
             "other": others.get(r["b"] if r["a"] == statement_id else r["a"])} for r in rows]


def check(store, claim: str, limit: int = 20) -> dict[str, Any]:
    """Stored statements that support or deny a claim, best matches first, with sources.

    The claim is reduced to a proposition like any statement (actors named in it, predicate
    concepts, polarity); candidates come from full-text search and from the actors it names.
    A statement that gives other numbers, months or places for the same thing counts as
    denying it (its `conflict` says how).
    """
    with store.engine.connect() as conn:
        claim_actors = _actors_named(conn, claim)
        candidate_ids = _fulltext_candidates(conn, claim) | _actor_candidates(conn, claim_actors)
        found = _statements_by_id(conn, candidate_ids)
        names = actor_names(conn, set(claim_actors))
    # The claim is read like an unattributed statement about the actors it names.
    target = proposition(Statement(id="claim", document_id="", content=claim, content_span=(0, len(claim)),
                                   about=tuple(claim_actors)))
    supporting, denying = [], []
    for row in found.values():
        prop = _proposition(row)
        score = relevance(target, prop)
        if score is None:
            continue
        clash = incompatible_details(target, prop)
        entry = dict(row, score=round(score, 4), conflict=clash)
        (supporting if prop.polarity == target.polarity and not clash else denying).append(entry)
    order = lambda e: (-e["score"], e.get("published") or "", e["id"])  # noqa: E731
    return {"claim": claim, "polarity": target.polarity,
            "actors": [{"id": a, "name": names.get(a, a)} for a in claim_actors],
            "supporting": sorted(supporting, key=order)[:limit],
            "denying": sorted(denying, key=order)[:limit]}


# -- helpers -----------------------------------------------------------------------------------
def _statements_involving(actor_list: list[str]):
    """Ids of statements by the actors, about them, or naming them inside their content."""
    named_inside = (select(statements.c.id).join(mentions, mentions.c.document_id == statements.c.document_id)
                    .where(mentions.c.actor_id.in_(actor_list),
                           mentions.c.span_start >= statements.c.content_span_start,
                           mentions.c.span_end <= statements.c.content_span_end))
    return union(select(statements.c.id).where(statements.c.speaker.in_(actor_list)),
                 select(statement_about.c.statement_id).where(statement_about.c.actor_id.in_(actor_list)),
                 named_inside)


def _statements_by_id(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    out: dict[str, dict[str, Any]] = {}
    id_list = list(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start:start + 500]
        query = (select(*_STATEMENT_COLUMNS).join(documents, documents.c.id == statements.c.document_id)
                 .where(statements.c.id.in_(chunk)))
        for r in conn.execute(query).mappings():
            row = dict(r)
            row["content_span"] = [row.pop("content_span_start"), row.pop("content_span_end")]
            row["about"] = []
            out[row["id"]] = row
        for sid, actor in conn.execute(select(statement_about.c.statement_id, statement_about.c.actor_id)
                                       .where(statement_about.c.statement_id.in_(chunk))):
            out[sid]["about"].append(actor)
    _about_from_mentions(conn, [r for r in out.values() if not r["about"]])
    speakers = actor_names(conn, {r["speaker"] for r in out.values()})
    countries = dict(conn.execute(select(actors.c.id, actors.c.country)
                                  .where(actors.c.id.in_([r["speaker"] for r in out.values() if r["speaker"]]))).all())
    for row in out.values():
        row["speaker_name"] = speakers.get(row["speaker"]) or row["speaker_text"]
        row["speaker_country"] = countries.get(row["speaker"])
    return out


def _about_from_mentions(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Statements stored without `about` get the actors mentioned inside their content."""
    docs = sorted({r["document_id"] for r in rows})
    if not docs:
        return
    found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    query = (select(mentions.c.document_id, mentions.c.span_start, mentions.c.span_end, mentions.c.actor_id)
             .where(mentions.c.document_id.in_(docs), mentions.c.type != "location"))
    for doc, s, e, actor in conn.execute(query):
        found[doc].append((s, e, actor))
    for row in rows:
        start, end = row["content_span"]
        row["about"] = list(dict.fromkeys(a for s, e, a in found[row["document_id"]]
                                          if a and start <= s and e <= end))


def _proposition(row: dict[str, Any]) -> Proposition:
    return proposition(Statement(
        id=row["id"], document_id=row["document_id"], content=row["content"] or "",
        content_span=tuple(row["content_span"]), speaker=row["speaker"], speaker_text=row["speaker_text"],
        polarity=row["polarity"] or "assert", date=row["date"] or row["published"], about=tuple(row["about"])),
        row.get("speaker_country"))


def _actors_named(conn: Connection, claim: str) -> list[str]:
    """Canonical ids of actors whose name or alias appears in the claim (1- to 4-word spans)."""
    tokens = re.findall(r"[\w'’.-]+", claim)
    grams = {norm(" ".join(tokens[i:i + n])) for n in range(1, 5) for i in range(len(tokens) - n + 1)}
    grams = {g for g in grams if g and g not in STOPWORDS}
    if not grams:
        return []
    ids = set(conn.execute(select(actor_aliases.c.actor_id).where(actor_aliases.c.alias_norm.in_(grams))).scalars())
    ids |= set(conn.execute(select(actors.c.canonical_id).where(actors.c.id.in_(grams))).scalars())
    return sorted(ids)


def _fulltext_candidates(conn: Connection, claim: str) -> set[str]:
    content_words = [w for w in words(claim) if w.lower() not in STOPWORDS and len(w) > 2]
    if not content_words:
        return set()
    if conn.dialect.name == "sqlite":
        expression = " OR ".join(f'"{w}"' for w in content_words)
        sql = text("SELECT s.id FROM statements_fts JOIN statements AS s ON s.rowid = statements_fts.rowid "
                   "WHERE statements_fts MATCH :q ORDER BY bm25(statements_fts) LIMIT :n")
        return set(conn.execute(sql, {"q": expression, "n": CANDIDATES}).scalars())
    expression = " | ".join(re.sub(r"\W", "", w) for w in content_words)
    sql = text("SELECT id FROM statements WHERE to_tsvector('english', content) @@ to_tsquery('english', :q) "
               "ORDER BY ts_rank(to_tsvector('english', content), to_tsquery('english', :q)) DESC LIMIT :n")
    return set(conn.execute(sql, {"q": expression, "n": CANDIDATES}).scalars())


def _actor_candidates(conn: Connection, actor_list: list[str]) -> set[str]:
    """Statements by or about at least two of the claim's actors (or the one, if only one)."""
    if not actor_list:
        return set()
    hits: dict[str, int] = defaultdict(int)
    about = select(statement_about.c.statement_id, statement_about.c.actor_id).where(
        statement_about.c.actor_id.in_(actor_list))
    for sid, _ in conn.execute(about.limit(20 * CANDIDATES)):
        hits[sid] += 1
    speaking = select(statements.c.id).where(statements.c.speaker.in_(actor_list)).limit(20 * CANDIDATES)
    for sid in conn.execute(speaking).scalars():
        hits[sid] += 1
    need = min(2, len(actor_list))
    ranked = sorted((sid for sid, n in hits.items() if n >= need), key=lambda s: -hits[s])
    return set(ranked[:CANDIDATES])
