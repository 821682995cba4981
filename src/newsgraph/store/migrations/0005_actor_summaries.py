"""Per-actor totals (schema.actor_counts, actor_alias_counts, actor_role_counts; see
store/summary.py), counted from the rows already stored. Fresh stores get empty tables from 0001."""
from sqlalchemy import Connection

from ..schema import actor_alias_counts, actor_counts, actor_role_counts
from ..summary import rebuild


def upgrade(conn: Connection) -> None:
    for table in (actor_counts, actor_alias_counts, actor_role_counts):
        table.create(conn, checkfirst=True)  # with its indexes
    rebuild(conn)
