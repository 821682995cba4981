"""PostgreSQL only: full-text search with PostgreSQL's own tsvector and GIN indexes.

The counterpart of fts_sqlite.py. The GIN indexes (migration 0002) are expression indexes
over exactly the tsvector expressions below; the planner uses an index only when a query
repeats its expression verbatim, so the configuration and the separators are SQL literals
here rather than bound parameters, and index and queries share one definition (INDEXES).
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, Table, func, literal, literal_column, select, union_all

from .schema import documents, statements

CONFIG = "english"
_CONFIG = literal_column(f"'{CONFIG}'::regconfig")
_WORD = re.compile(r"\w+", re.UNICODE)

# index name -> (table, the SQL of the indexed tsvector expression)
INDEXES: dict[str, tuple[str, str]] = {
    "ix_documents_fts": ("documents", f"to_tsvector('{CONFIG}'::regconfig, coalesce(title, '') || ' ' || text)"),
    "ix_statements_fts": ("statements", f"to_tsvector('{CONFIG}'::regconfig, content)"),
}


def create(conn: Connection) -> None:
    """Create the GIN indexes (idempotent)."""
    for name, (table, expression) in INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}))")


def words(query: str) -> str | None:
    """User words -> plain words for plainto_tsquery (every word required), None when none.

    "Corvin-Front" -> "Corvin Front": PostgreSQL's parser would otherwise also require the
    hyphenated compound, which text written "Corvin Front" does not contain (same rule as
    fts_sqlite.match_expression).
    """
    found = _WORD.findall(query)
    return " ".join(found) if found else None


def _vector(table: Table):
    if table is statements:
        return func.to_tsvector(_CONFIG, table.c.content)
    blank, space = literal_column("''"), literal_column("' '")
    return func.to_tsvector(_CONFIG, func.coalesce(table.c.title, blank).op("||")(space).op("||")(table.c.text))


def _tsquery(text: str):
    return func.plainto_tsquery(_CONFIG, text)


def matching_ids(table: Table, query: str):
    """A subquery of the ids of `table` (documents or statements) whose text matches `query`."""
    text = words(query)
    condition = _vector(table).op("@@")(_tsquery(text)) if text else literal(False)
    return select(table.c.id).where(condition).subquery()


def search(conn: Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Best matches among documents and statements (ts_rank), with a highlighted snippet each."""
    text = words(query)
    if text is None:
        return []
    q = _tsquery(text)
    headline = lambda column: func.ts_headline(  # noqa: E731 - same markers as the SQLite snippets
        _CONFIG, column, q, "StartSel=[, StopSel=], MaxWords=24, MinWords=8")
    docs = select(literal("document").label("kind"), documents.c.id, documents.c.id.label("document_id"),
                  headline(documents.c.text).label("snippet"),
                  func.ts_rank(_vector(documents), q).label("rank")).where(_vector(documents).op("@@")(q))
    stmts = select(literal("statement"), statements.c.id, statements.c.document_id, headline(statements.c.content),
                   func.ts_rank(_vector(statements), q)).where(_vector(statements).op("@@")(q))
    both = union_all(docs, stmts).subquery()
    rows = conn.execute(select(both.c.kind, both.c.id, both.c.document_id, both.c.snippet)
                        .order_by(both.c.rank.desc(), both.c.id).limit(limit)).mappings()
    return [dict(r) for r in rows]
