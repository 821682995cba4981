"""Full-text search, by dialect: SQLite FTS5 (fts_sqlite.py) or PostgreSQL tsvector + GIN (fts_postgres.py)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table

from . import fts_postgres, fts_sqlite


def matching_ids(conn: Connection, table: Table, query: str):
    """A subquery of the ids of `table` (documents or statements) that match `query`."""
    if conn.dialect.name == "sqlite":
        q = fts_sqlite.match_expression(query) or '""'
        return fts_sqlite.matching_ids(table.name).bindparams(q=q).columns(id=table.c.id.type).subquery()
    return fts_postgres.matching_ids(table, query)


def search(conn: Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Documents and statements matching `query`: [{"kind", "id", "document_id", "snippet"}]."""
    if conn.dialect.name == "sqlite":
        rows = fts_sqlite.search(conn, query, limit)
        for row in rows:
            row.pop("rank", None)
        return rows
    return fts_postgres.search(conn, query, limit)
