"""Store statistics: the five headline counts, and optional breakdowns."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..store.schema import actors, events, statements


def stats(store, detail: bool = False) -> dict[str, Any]:
    """{"documents", "actors", "statements", "events", "links"}; with detail, counts by type too."""
    out: dict[str, Any] = store.stats()
    if detail:
        with store.engine.connect() as conn:
            def by(column, *where):
                q = select(column, func.count()).group_by(column).order_by(column)
                return dict(conn.execute(q.where(*where) if where else q).all())

            out["actors_by_type"] = by(actors.c.type, actors.c.id == actors.c.canonical_id)
            out["statements_by_polarity"] = by(statements.c.polarity)
            out["events_by_type"] = by(events.c.type)
    return out
