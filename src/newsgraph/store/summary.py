"""Per-actor totals kept next to the rows they count, so listings read a small table.

`mentions`, `actor_aliases` and `roles` hold one row per document; listing actors "most
mentioned first", or by a substring of their aliases, would otherwise count or scan all of
them (linear in the corpus). Three tables keyed by canonical actor id hold the totals:

- `actor_counts`: mentions and distinct documents per actor;
- `actor_alias_counts`: the distinct aliases of each actor (with their norm()) and how many
  alias rows carry each;
- `actor_role_counts`: the distinct (title, of) of each actor and in how many documents.

The writer adds what a document inserts and subtracts what its old version had, in the same
transaction (`subtract_documents` before the delete, `add_rows` after the insert); rows that
reach zero go. Changes of canonical ids (judgements, automatic surname links) recount the
actors concerned (`recount`), or everything (`rebuild`).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable

from sqlalchemy import Connection, delete, distinct, func, insert, select

from .schema import actor_alias_counts, actor_aliases, actor_counts, actor_role_counts, mentions, roles

# roles.of_id may be null; a primary key column may not, so the tables keep "" for none.
NO_OF = ""


def _mention_totals(conn: Connection, where) -> dict[str, tuple[int, int]]:
    rows = conn.execute(select(mentions.c.actor_id, func.count(), func.count(distinct(mentions.c.document_id)))
                        .where(where).group_by(mentions.c.actor_id))
    return {aid: (n, docs) for aid, n, docs in rows}


def _alias_totals(conn: Connection, where) -> dict[tuple[str, str], tuple[str, int]]:
    rows = conn.execute(select(actor_aliases.c.actor_id, actor_aliases.c.alias, actor_aliases.c.alias_norm,
                               func.count())
                        .where(where).group_by(actor_aliases.c.actor_id, actor_aliases.c.alias,
                                               actor_aliases.c.alias_norm))
    out: dict[tuple[str, str], tuple[str, int]] = {}
    for aid, alias, alias_norm, n in rows:
        old = out.get((aid, alias))
        out[(aid, alias)] = (alias_norm, n + (old[1] if old else 0))
    return out


def _role_totals(conn: Connection, where) -> dict[tuple[str, str, str], int]:
    rows = conn.execute(select(roles.c.actor_id, roles.c.title, roles.c.of_id, func.count(distinct(roles.c.document_id)))
                        .where(where).group_by(roles.c.actor_id, roles.c.title, roles.c.of_id))
    return {(aid, title, of or NO_OF): n for aid, title, of, n in rows}


def _apply(conn: Connection, sign: int, counts: dict[str, tuple[int, int]],
           aliases: dict[tuple[str, str], tuple[str, int]], role_docs: dict[tuple[str, str, str], int]) -> None:
    """Add (sign 1) or subtract (sign -1) totals; rows that reach zero are deleted."""
    from .writer import upsert  # writer imports this module

    c, a, r = actor_counts.c, actor_alias_counts.c, actor_role_counts.c
    upsert(conn, actor_counts, [{"actor_id": k, "mentions": sign * n, "documents": sign * d}
                                for k, (n, d) in sorted(counts.items())],
           set_={"mentions": lambda ex: c.mentions + ex.mentions, "documents": lambda ex: c.documents + ex.documents})
    upsert(conn, actor_alias_counts, [{"actor_id": aid, "alias": alias, "alias_norm": alias_norm, "rows": sign * n}
                                      for (aid, alias), (alias_norm, n) in sorted(aliases.items())],
           set_={"rows": lambda ex: a.rows + ex.rows})
    upsert(conn, actor_role_counts, [{"actor_id": aid, "title": title, "of_id": of, "documents": sign * n}
                                     for (aid, title, of), n in sorted(role_docs.items())],
           set_={"documents": lambda ex: r.documents + ex.documents})
    if sign < 0:
        conn.execute(delete(actor_counts).where(c.mentions <= 0))
        conn.execute(delete(actor_alias_counts).where(a.rows <= 0))
        conn.execute(delete(actor_role_counts).where(r.documents <= 0))


def subtract_documents(conn: Connection, document_ids: list[str]) -> None:
    """Take out what these documents' stored rows count (call before deleting them)."""
    if document_ids:
        _apply(conn, -1, _mention_totals(conn, mentions.c.document_id.in_(document_ids)),
               _alias_totals(conn, actor_aliases.c.document_id.in_(document_ids)),
               _role_totals(conn, roles.c.document_id.in_(document_ids)))


def add_rows(conn: Connection, mention_rows: Iterable[dict[str, Any]], alias_rows: Iterable[dict[str, Any]],
             role_rows: Iterable[dict[str, Any]]) -> None:
    """Count rows just inserted into mentions, actor_aliases and roles."""
    n: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    for m in mention_rows:
        n[m["actor_id"]] += 1
        docs[m["actor_id"]].add(m["document_id"])
    aliases: dict[tuple[str, str], tuple[str, int]] = {}
    for row in alias_rows:
        key = (row["actor_id"], row["alias"])
        old = aliases.get(key)
        aliases[key] = (row["alias_norm"], 1 + (old[1] if old else 0))
    role_docs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in role_rows:
        role_docs[(row["actor_id"], row["title"], row["of_id"] or NO_OF)].add(row["document_id"])
    _apply(conn, 1, {k: (n[k], len(docs[k])) for k in n}, aliases, {k: len(v) for k, v in role_docs.items()})


def recount(conn: Connection, actor_ids: Iterable[str]) -> None:
    """Count these actors afresh from the rows (their canonical ids changed)."""
    ids = sorted(set(actor_ids))
    if not ids:
        return
    conn.execute(delete(actor_counts).where(actor_counts.c.actor_id.in_(ids)))
    conn.execute(delete(actor_alias_counts).where(actor_alias_counts.c.actor_id.in_(ids)))
    conn.execute(delete(actor_role_counts).where(actor_role_counts.c.actor_id.in_(ids)))
    _apply(conn, 1, _mention_totals(conn, mentions.c.actor_id.in_(ids)),
           _alias_totals(conn, actor_aliases.c.actor_id.in_(ids)), _role_totals(conn, roles.c.actor_id.in_(ids)))


def rebuild(conn: Connection) -> None:
    """Count every actor afresh (after judgements, and when the tables first appear)."""
    for table in (actor_counts, actor_alias_counts, actor_role_counts):
        conn.execute(delete(table))
    everything = mentions.c.actor_id.is_not(None)
    totals = _mention_totals(conn, everything)
    if totals:
        conn.execute(insert(actor_counts), [{"actor_id": k, "mentions": n, "documents": d}
                                            for k, (n, d) in totals.items()])
    aliases = _alias_totals(conn, actor_aliases.c.actor_id.is_not(None))
    if aliases:
        conn.execute(insert(actor_alias_counts), [{"actor_id": aid, "alias": alias, "alias_norm": an, "rows": n}
                                                  for (aid, alias), (an, n) in aliases.items()])
    role_docs = _role_totals(conn, roles.c.actor_id.is_not(None))
    if role_docs:
        conn.execute(insert(actor_role_counts), [{"actor_id": aid, "title": t, "of_id": of, "documents": n}
                                                 for (aid, t, of), n in role_docs.items()])
