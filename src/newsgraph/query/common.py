"""Helpers shared by the query modules (no public API of their own)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from ..store.judgements import find_actor_ids
from ..store.schema import actors


def actor_ids(conn: Connection, name_or_id: str | None) -> list[str] | None:
    """Canonical ids that a filter value names (id, name or alias, case-insensitive).

    None when there is no filter; an empty list when the value names no actor (the query
    then returns nothing rather than everything).
    """
    if name_or_id is None or name_or_id == "":
        return None
    return find_actor_ids(conn, name_or_id)


def actor_names(conn: Connection, ids: set[str | None]) -> dict[str, str]:
    """id -> display name for the given actor ids."""
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return dict(conn.execute(select(actors.c.id, actors.c.name).where(actors.c.id.in_(wanted))).all())


def span(row: Any, name: str) -> list[int] | None:
    start, end = row[f"{name}_start"], row[f"{name}_end"]
    return None if start is None or end is None else [start, end]
