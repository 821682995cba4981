"""Writing Batches: delete-then-insert per document, shared rows (actors, events) upserted by id.

A document's own rows (mentions, aliases, roles, statements, event reports, in-document links)
are replaced as a whole when it is written again, so re-ingest updates instead of
duplicating. Actors and events are shared across documents: one row per id, merged.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator

from sqlalchemy import Connection, Table, case, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from ..model import Actor, Batch, Event, Link, Mention
from . import summary
from .columns import record_to_row
from .postgres import lock_document
from .identity import last_word, link_people_across_documents
from .judgements import IdentityMap, norm
from .schema import (actor_aliases, actors, documents, event_reports, events, links, mentions, roles,
                     statement_about, statements)
from .schema import EVENT_REPORT_FIELDS


def dialect_insert(conn: Connection, table: Table):
    """INSERT that supports on_conflict_do_update/nothing for the connection's dialect."""
    name = conn.dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"upsert is not implemented for {name}")


def upsert(conn: Connection, table: Table, rows: list[dict[str, Any]], set_: dict[str, Any] | None = None) -> None:
    """Insert rows; on a primary-key clash update the other columns (or `set_`)."""
    if not rows:
        return
    stmt = dialect_insert(conn, table)
    keys = [c.name for c in table.primary_key.columns]
    excluded = stmt.excluded  # built anew on each access
    if set_ is None:
        set_ = {c: excluded[c] for c in rows[0] if c not in keys}
    else:
        set_ = {c: value(excluded) if callable(value) else value for c, value in set_.items()}
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=set_), rows)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _batch_mentions(batch: Batch) -> list[Mention]:
    """The batch's mentions; batches built without them get one per actor mention span."""
    found = [m for m in batch.mentions if m.actor_id]
    if found:
        return found
    text = batch.document.text
    return [Mention(span=span, text=text[span[0]:span[1]], type=actor.type, actor_id=actor.id)
            for actor in batch.actors for span in actor.mentions]


def _unique(records: Iterable[Any]) -> list[Any]:
    """Records with distinct ids, the last one winning (a batch should not repeat ids)."""
    return list({r.id: r for r in records}.values())


def _merge_events(evs: Iterable[Event]) -> list[Event]:
    """One record per event id within a document; repeated mentions add their spans."""
    merged: dict[str, Event] = {}
    for ev in evs:
        if ev.id in merged:
            old = merged[ev.id]
            spans = tuple(sorted(set(old.spans or (old.span,)) | set(ev.spans or (ev.span,))))
            merged[ev.id] = replace(old, spans=spans)
        else:
            merged[ev.id] = ev
    return list(merged.values())


def write_documents(conn: Connection, batches: Iterable[Batch], identity: IdentityMap) -> int:
    """Replace everything these documents contributed to the store by what their batches hold.

    Set-wise: each table gets one DELETE and one INSERT for the whole call rather than one
    per document (SQLAlchemy's per-statement cost dominates otherwise). A document given twice
    is written as its last batch. Returns the number of documents written.
    """
    batches = list({b.document.id: b for b in batches}.values())
    if not batches:
        return 0
    old = _clear_documents(conn, [b.document.id for b in batches])

    now = _now()
    upsert(conn, documents, [record_to_row(b.document) | {
        "text_sha256": b.document.text_sha256, "ingested_at": now, "linked_at": None} for b in batches])
    # Actors first, all of them: the surname links then see every full name of this call.
    call_actors = _merge_actors(a for b in batches for a in b.actors)
    _upsert_actors(conn, call_actors, identity)
    link_people_across_documents(conn, call_actors, identity)
    canon = identity.canonical

    alias_rows = [
        {"document_id": b.document.id, "actor_id_auto": a.id, "actor_id": canon(a.id, n), "alias": n,
         "alias_norm": norm(n)}
        for b in batches for a in _unique(b.actors) for n in sorted({a.name, *a.aliases}) if n and n.strip()]
    role_rows = [
        record_to_row(r, rename={"of": "of_id"}) | {
            "document_id": b.document.id, "actor_id_auto": a.id, "actor_id": identity.root(a.id),
            "of_id_auto": r.of, "of_id": canon(r.of)}
        for b in batches for a in _unique(b.actors) for r in dict.fromkeys(a.roles)]
    mention_rows = [
        record_to_row(m, exclude=["actor_id"]) | {
            "document_id": b.document.id, "actor_id_auto": m.actor_id, "actor_id": canon(m.actor_id, m.text)}
        for b in batches for m in _batch_mentions(b)]
    _insert(conn, actor_aliases, alias_rows)
    _insert(conn, roles, role_rows)
    _insert(conn, mentions, mention_rows)
    summary.add_rows(conn, mention_rows, alias_rows, role_rows)

    stmts = [(b.document.id, s) for b in batches for s in _unique(b.statements)]
    _insert(conn, statements, [
        record_to_row(s, exclude=["about", "document_id"]) | {
            "document_id": doc_id, "speaker": canon(s.speaker, s.speaker_text), "speaker_auto": s.speaker,
            "medium": canon(s.medium), "medium_auto": s.medium}
        for doc_id, s in stmts])
    _insert(conn, statement_about, list({(s.id, a): {"statement_id": s.id, "actor_id_auto": a, "actor_id": canon(a)}
                                         for _doc, s in stmts for a in s.about if a}.values()))

    _write_events(conn, [(b.document.id, e) for b in batches for e in _merge_events(b.events)], identity)
    upsert(conn, links, list({k.id: record_to_row(k) | {"document_id": b.document.id}
                              for b in batches for k in b.links}.values()))

    # What the previous versions of these documents left behind and nothing else uses.
    _forget_leftovers(conn, old.statements - {s.id for _doc, s in stmts}, old.events,
                      old.actors - {a.id for a in call_actors})
    return len(batches)


def write_document(conn: Connection, batch: Batch, identity: IdentityMap) -> None:
    """write_documents() for one batch."""
    write_documents(conn, [batch], identity)


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def delete_document(conn: Connection, document_id: str) -> bool:
    """Remove a document and everything only it contributed. False when it is not stored."""
    old = _clear_documents(conn, [document_id])
    gone = conn.execute(delete(documents).where(documents.c.id == document_id)).rowcount
    _forget_leftovers(conn, old.statements, old.events, old.actors)
    return bool(gone)


@dataclass
class _Previous:
    """What stored versions of some documents contributed (ids), before they are cleared."""

    statements: set[str]
    events: set[str]
    actors: set[str]  # extracted actor ids


def _chunked(values: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    """IN lists of bounded length (databases limit bound parameters per statement)."""
    values = sorted(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _clear_documents(conn: Connection, ids: list[str]) -> _Previous:
    """Lock the documents and delete their own rows (the documents rows stay)."""
    for document_id in sorted(ids):  # a fixed order: concurrent writers cannot deadlock on these
        lock_document(conn, document_id)  # PostgreSQL only; SQLite has one writer at a time
    old = _Previous(set(), set(), set())
    for chunk in _chunked(ids):
        old.statements |= set(conn.execute(select(statements.c.id).where(statements.c.document_id.in_(chunk))).scalars())
        old.events |= set(conn.execute(select(event_reports.c.event_id)
                                       .where(event_reports.c.document_id.in_(chunk))).scalars())
        old.actors |= set(conn.execute(select(mentions.c.actor_id_auto)
                                       .where(mentions.c.document_id.in_(chunk))).scalars())
    for chunk in _chunked(old.statements):
        conn.execute(delete(statement_about).where(statement_about.c.statement_id.in_(chunk)))
    for chunk in _chunked(ids):
        summary.subtract_documents(conn, chunk)  # the per-actor totals lose what goes now
        for table in (statements, mentions, actor_aliases, roles, event_reports, links):
            conn.execute(delete(table).where(table.c.document_id.in_(chunk)))
    return old


def _forget_leftovers(conn: Connection, removed_statements: set[str], old_events: set[str],
                      old_actors: set[str]) -> None:
    """Links to statements that are gone; events no document reports and actors no document
    mentions any more (actors made by a judgement stay)."""
    for chunk in _chunked(removed_statements):
        conn.execute(delete(links).where(links.c.a.in_(chunk) | links.c.b.in_(chunk)))
    for chunk in _chunked(old_events):
        reported = select(event_reports.c.event_id).where(event_reports.c.event_id.in_(chunk))
        conn.execute(delete(events).where(events.c.id.in_(chunk), events.c.id.not_in(reported)))
    for chunk in _chunked(old_actors):
        still = select(mentions.c.actor_id_auto).where(mentions.c.actor_id_auto.in_(chunk))
        aliased = select(actor_aliases.c.actor_id_auto).where(actor_aliases.c.actor_id_auto.in_(chunk))
        conn.execute(delete(actors).where(actors.c.id.in_(chunk), actors.c.origin == "extracted",
                                          actors.c.id.not_in(still), actors.c.id.not_in(aliased)))


def _merge_actors(records: Iterable[Actor]) -> list[Actor]:
    """One record per actor id: the longest name, the first country given."""
    merged: dict[str, Actor] = {}
    for actor in records:
        old = merged.get(actor.id)
        if old is None:
            merged[actor.id] = actor
        else:
            name = actor.name if len(actor.name) > len(old.name) else old.name
            merged[actor.id] = replace(actor, name=name, country=old.country or actor.country)
    return list(merged.values())


def _upsert_actors(conn: Connection, records: list[Actor], identity: IdentityMap) -> None:
    """Upsert actor rows (ids unique within `records`, see _merge_actors)."""
    def if_longer(ex, column: str):  # keep the longest name seen, and its last word with it
        return case((func.length(ex.name) > func.length(actors.c.name), ex[column]), else_=actors.c[column])

    upsert(conn, actors, [
        record_to_row(a, exclude=["aliases", "roles", "mentions"]) | {
            "canonical_id": identity.root(a.id), "origin": "extracted", "name_last_word": last_word(a.name)}
        for a in records],
        set_={"name": lambda ex: if_longer(ex, "name"), "name_last_word": lambda ex: if_longer(ex, "name_last_word"),
              "type": lambda ex: ex.type,
              "country": lambda ex: func.coalesce(ex.country, actors.c.country),
              "canonical_id": lambda ex: ex.canonical_id, "origin": "extracted"})


def _write_events(conn: Connection, reported: list[tuple[str, Event]], identity: IdentityMap) -> None:
    """Upsert the shared event rows and insert one report per (event, document)."""
    if not reported:
        return
    event_level = [f for f in EVENT_REPORT_FIELDS if f not in ("trigger", "modality")]
    rows: dict[str, dict[str, Any]] = {}
    for _doc, e in reported:
        row = record_to_row(e, exclude=event_level) | {
            "source": identity.canonical(e.source, e.source_text), "source_auto": e.source,
            "target": identity.canonical(e.target, e.target_text), "target_auto": e.target}
        if e.id in rows:  # reported by two documents of this call: keep what either knew
            row = row | {k: row[k] if row[k] is not None else rows[e.id][k] for k in ("date", "mode")}
        rows[e.id] = row
    upsert(conn, events, list(rows.values()),
           set_={"date": lambda ex: func.coalesce(ex.date, events.c.date),
                 "mode": lambda ex: func.coalesce(ex.mode, events.c.mode),
                 "modality": lambda ex: ex.modality, "trigger": lambda ex: ex.trigger})
    report_cols = set(event_reports.c.keys())
    _insert(conn, event_reports, [
        {k: v for k, v in record_to_row(e).items() if k in report_cols} | {"event_id": e.id, "document_id": doc_id}
        for doc_id, e in reported])


def write_links(conn: Connection, cross_links: Iterable[Link]) -> int:
    """Links across documents (document_id stays null); upserted by id."""
    rows = [record_to_row(k) | {"document_id": None} for k in _unique(cross_links)]
    upsert(conn, links, rows)
    return len(rows)
