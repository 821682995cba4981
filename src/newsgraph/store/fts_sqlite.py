"""SQLite only: FTS5 full-text indexes over document text and statement content.

This is the one module with SQLite-specific SQL. The indexes are external-content FTS5
tables (the text is not stored twice), kept in sync by triggers on the base tables, so every
insert, upsert and delete (re-ingest included) updates them inside the same transaction.
"""
from __future__ import annotations

import re

from sqlalchemy import Connection, TextClause, text

# index name -> (base table, indexed columns)
INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "documents_fts": ("documents", ("title", "text")),
    "statements_fts": ("statements", ("content",)),
}

_WORD = re.compile(r"\w+", re.UNICODE)


def create(conn: Connection) -> None:
    """Create the FTS5 tables and their triggers, and index what is already stored."""
    for fts, (base, cols) in INDEXES.items():
        col_list = ", ".join(cols)
        new_vals = ", ".join(f"new.{c}" for c in cols)
        old_vals = ", ".join(f"old.{c}" for c in cols)
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({col_list}, content='{base}', "
            f"content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')")
        conn.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {base} BEGIN "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals}); END")
        conn.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {base} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.rowid, {old_vals}); END")
        conn.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE ON {base} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.rowid, {old_vals}); "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals}); END")
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def match_expression(query: str) -> str | None:
    """User words -> an FTS5 query that cannot be a syntax error: every word required.

    "al-Qaeda Syria" -> '"al" "Qaeda" "Syria"' (FTS5 treats the hyphen as a separator too,
    and adjacent quoted words are matched as separate terms). None when there is no word.
    """
    words = _WORD.findall(query)
    return " ".join(f'"{w}"' for w in words) or None


def matching_ids(base: str) -> TextClause:
    """SELECT id FROM <base> whose FTS row matches :q (bind q to match_expression(...))."""
    fts = f"{base}_fts"
    return text(f"SELECT b.id FROM {base} AS b JOIN {fts} ON {fts}.rowid = b.rowid WHERE {fts} MATCH :q")


def search(conn: Connection, query: str, limit: int = 20) -> list[dict]:
    """Best matches among documents and statements, with a highlighted snippet each."""
    q = match_expression(query)
    if q is None:
        return []
    sql = (
        "SELECT 'document' AS kind, d.id AS id, d.id AS document_id, "
        "snippet(documents_fts, -1, '[', ']', '…', 12) AS snippet, bm25(documents_fts) AS rank "
        "FROM documents_fts JOIN documents AS d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH :q "
        "UNION ALL "
        "SELECT 'statement', s.id, s.document_id, snippet(statements_fts, 0, '[', ']', '…', 12), "
        "bm25(statements_fts) FROM statements_fts JOIN statements AS s ON s.rowid = statements_fts.rowid "
        "WHERE statements_fts MATCH :q "
        "ORDER BY rank LIMIT :limit")
    return [dict(r) for r in conn.execute(text(sql), {"q": q, "limit": limit}).mappings()]
