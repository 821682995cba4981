"""Full-text indexes: FTS5 tables and triggers on SQLite, GIN expression indexes on PostgreSQL."""
from sqlalchemy import Connection


def upgrade(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        from .. import fts_sqlite

        fts_sqlite.create(conn)
    elif conn.dialect.name == "postgresql":
        from .. import fts_postgres  # GIN indexes over the very expressions its queries use

        fts_postgres.create(conn)
