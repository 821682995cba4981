"""Merge and split judgements: a user's word on actor identity, which beats the extractor's.

- ``merge(store, a, b)``: actor b is the same as actor a; b's mentions, statements, events,
  roles and aliases count for a, and b disappears from listings.
- ``split(store, a, b)``: undo a merge (or an automatic link, see identity.py) of b into a; or, when b is not an actor merged into a,
  b is an alias (mention text) that the extractor wrongly attached to a: mentions written b
  become their own actor (``new_id``, by default derived from a's type and b).

Judgements are rows of the ``judgements`` table, replayed in order into an IdentityMap. The
store keeps the extracted id of every actor reference (``<column>_auto``) next to the
canonical one, so the map is applied when batches are written (re-ingest keeps judgements)
and re-applied over the whole store whenever a judgement is added.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from ..errors import NotFound, UsageError
from ..model.ids import actor_id as make_actor_id
from .transactions import write_transaction
from .schema import ACTOR_REFERENCES, actor_alias_counts, actor_aliases, actors, auto_column, judgements
from .summary import rebuild as rebuild_summaries

_THE = re.compile(r"^the\s+")


def norm(name: str) -> str:
    """How names are compared: case-folded, spaces collapsed, a leading "the" dropped."""
    return _THE.sub("", " ".join(name.casefold().split()))


@dataclass
class IdentityMap:
    """The effect of all judgements: extracted id (+ mention text) -> canonical id."""

    merges: dict[str, str] = field(default_factory=dict)  # merged id -> the id it joined
    splits: dict[tuple[str, str], str] = field(default_factory=dict)  # (actor id, norm alias) -> new id
    split_pairs: set[frozenset[str]] = field(default_factory=set)  # merges a user undid

    def was_split(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.split_pairs

    def root(self, actor_id: str) -> str:
        seen = {actor_id}
        while actor_id in self.merges:
            actor_id = self.merges[actor_id]
            if actor_id in seen:  # a cycle of merges: stop where it closes
                break
            seen.add(actor_id)
        return actor_id

    def canonical(self, actor_id: str | None, text: str | None = None) -> str | None:
        if actor_id is None:
            return None
        cid = self.root(actor_id)
        if text is not None and self.splits:
            new_id = self.splits.get((cid, norm(text)))
            if new_id is not None:
                return self.root(new_id)
        return cid

    def __bool__(self) -> bool:
        return bool(self.merges or self.splits)


def load_identity(conn: Connection) -> IdentityMap:
    """Replay the judgements table, oldest first."""
    identity = IdentityMap()
    for row in conn.execute(select(judgements).order_by(judgements.c.id)).mappings():
        if row["kind"] in ("merge", "link"):  # link: automatic, see identity.py
            if identity.merges.get(row["a"]) == row["b"]:  # the reverse of an earlier merge wins
                del identity.merges[row["a"]]
            identity.merges[row["b"]] = row["a"]
        elif row["alias"] is not None:
            identity.splits[(row["a"], norm(row["alias"]))] = row["new_id"]
        else:
            identity.split_pairs.add(frozenset((row["a"], row["b"])))
            if identity.merges.get(row["b"]) == row["a"]:
                del identity.merges[row["b"]]
    return identity


def reapply(conn: Connection, identity: IdentityMap | None = None) -> None:
    """Recompute every canonical actor reference from the extracted ids and the judgements."""
    identity = identity if identity is not None else load_identity(conn)
    conn.execute(update(actors).where(actors.c.canonical_id != actors.c.id).values(canonical_id=actors.c.id))
    for merged, _ in identity.merges.items():
        conn.execute(update(actors).where(actors.c.id == merged).values(canonical_id=identity.root(merged)))
    _ensure_split_actors(conn, identity)
    for table, col, text_col in ACTOR_REFERENCES:
        canon, auto = table.c[col], table.c[auto_column(col)]
        conn.execute(update(table).where(or_(canon != auto, and_(canon.is_(None), auto.is_not(None))))
                     .values({col: auto}))
        for merged in identity.merges:
            conn.execute(update(table).where(auto == merged).values({col: identity.root(merged)}))
        if text_col is None or not identity.splits:
            continue
        # Alias splits compare normalised text, done in Python so SQLite and PostgreSQL agree.
        keys = list(table.primary_key.columns)
        for (owner, alias), new_id in identity.splits.items():
            rows = conn.execute(select(*keys, table.c[text_col]).where(canon == owner)).all()
            for row in rows:
                if row[-1] is not None and norm(row[-1]) == alias:
                    cond = and_(*(k == v for k, v in zip(keys, row[:-1])))
                    conn.execute(update(table).where(cond).values({col: identity.root(new_id)}))
    rebuild_summaries(conn)  # per-actor totals follow the new canonical ids


def _ensure_split_actors(conn: Connection, identity: IdentityMap) -> None:
    for (owner, alias), new_id in identity.splits.items():
        if conn.execute(select(actors.c.id).where(actors.c.id == new_id)).first():
            continue
        owner_row = conn.execute(select(actors).where(actors.c.id == owner)).mappings().first()
        name = _display_alias(conn, owner, alias)
        conn.execute(insert(actors).values(id=new_id, name=name, type=owner_row["type"] if owner_row else "group",
                                           country=None, canonical_id=new_id, origin="judgement"))


def _display_alias(conn: Connection, owner: str, alias_norm: str) -> str:
    row = conn.execute(select(actor_aliases.c.alias).where(actor_aliases.c.actor_id_auto == owner,
                                                           actor_aliases.c.alias_norm == alias_norm)).first()
    return row[0] if row else alias_norm


def find_actor_ids(conn: Connection, name_or_id: str) -> list[str]:
    """Canonical ids of the actors that `name_or_id` names: an id, a name or an alias."""
    row = conn.execute(select(actors.c.canonical_id).where(actors.c.id == name_or_id)).first()
    if row:
        return [row[0]]
    key = norm(name_or_id)
    # The distinct aliases (summary.py), not one row per document that uses the alias.
    ids = conn.execute(select(actor_alias_counts.c.actor_id).where(actor_alias_counts.c.alias_norm == key)
                       .distinct()).scalars().all()
    if not ids:
        ids = conn.execute(select(actors.c.canonical_id).where(func.lower(actors.c.name) == name_or_id.lower())
                           .distinct()).scalars().all()
    return sorted(set(ids))


def only_actor_id(conn: Connection, name_or_id: str) -> str:
    """The one canonical actor that `name_or_id` names; NotFound or UsageError otherwise."""
    ids = find_actor_ids(conn, name_or_id)
    if not ids:
        raise NotFound(f"no actor named {name_or_id!r}", hint="see `newsgraph actors` for ids and names")
    if len(ids) > 1:
        raise UsageError(f"{name_or_id!r} names several actors: {', '.join(ids)}", hint="give an actor id")
    return ids[0]


def _one_actor(conn: Connection, name_or_id: str) -> str:
    """The actor a judgement names: an actor id as given (even if merged away), else by name."""
    if conn.execute(select(actors.c.id).where(actors.c.id == name_or_id)).first():
        return name_or_id
    return only_actor_id(conn, name_or_id)


def _record(conn: Connection, **values: Any) -> None:
    conn.execute(insert(judgements).values(created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                           **values))


def merge(store, a: str, b: str, note: str | None = None) -> dict[str, Any]:
    """Judge that actor b is actor a (ids or names). Returns the judgement as a dict."""
    with write_transaction(store.engine) as conn:
        keep, gone = _one_actor(conn, a), _one_actor(conn, b)
        if keep == gone:
            raise UsageError(f"{a!r} and {b!r} are already the same actor ({keep})")
        _record(conn, kind="merge", a=keep, b=gone, note=note)
        reapply(conn)
    return {"kind": "merge", "a": keep, "b": gone, "note": note}


def split(store, a: str, b: str, new_id: str | None = None, note: str | None = None) -> dict[str, Any]:
    """Undo a merge of b into a, or take the alias b (mention text) away from actor a."""
    with write_transaction(store.engine) as conn:
        owner = _one_actor(conn, a)
        identity = load_identity(conn)
        merged = [m for m in identity.merges if identity.root(m) == owner and (m == b or _names(conn, m, b))]
        if merged and not new_id:
            target = merged[0]
            _record(conn, kind="split", a=identity.merges[target], b=target, note=note)
            reapply(conn)
            return {"kind": "split", "a": identity.merges[target], "b": target, "alias": None, "new_id": target,
                    "note": note}
        if not _has_alias(conn, owner, b):
            raise NotFound(f"{b!r} is neither an actor merged into {owner} nor one of its aliases",
                           hint=f"see `newsgraph actor {owner}`")
        owner_type = conn.execute(select(actors.c.type).where(actors.c.id == owner)).scalar() or "group"
        new_id = new_id or make_actor_id(owner_type, b)
        if new_id == owner:
            raise UsageError(f"splitting {b!r} from {owner} needs a different id", hint="pass new_id")
        _record(conn, kind="split", a=owner, b=b, alias=b, new_id=new_id, note=note)
        reapply(conn)
    return {"kind": "split", "a": owner, "b": b, "alias": b, "new_id": new_id, "note": note}


def _names(conn: Connection, actor_id: str, name: str) -> bool:
    """Does `name` name the extracted actor `actor_id` (by its name or one of its aliases)?"""
    key = norm(name)
    row = conn.execute(select(actors.c.name).where(actors.c.id == actor_id)).first()
    if row and norm(row[0]) == key:
        return True
    return conn.execute(select(actor_aliases.c.id).where(actor_aliases.c.actor_id_auto == actor_id,
                                                         actor_aliases.c.alias_norm == key)).first() is not None


def _has_alias(conn: Connection, owner: str, alias: str) -> bool:
    return conn.execute(select(actor_aliases.c.id).where(actor_aliases.c.actor_id == owner,
                                                         actor_aliases.c.alias_norm == norm(alias))).first() is not None


def list_judgements(store) -> list[dict[str, Any]]:
    """Every judgement, oldest first."""
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(judgements).order_by(judgements.c.id)).mappings()]
