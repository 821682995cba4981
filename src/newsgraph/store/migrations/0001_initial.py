"""The tables and indexes of schema.py."""
from sqlalchemy import Connection

from ..schema import metadata, schema_migrations


def upgrade(conn: Connection) -> None:
    tables = [t for t in metadata.sorted_tables if t is not schema_migrations]
    metadata.create_all(conn, tables=tables, checkfirst=True)
