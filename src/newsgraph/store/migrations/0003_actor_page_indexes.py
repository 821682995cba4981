"""Composite indexes for the actor page (schema.COMPOSITE_INDEXES): mentions by actor and
document, statements about an actor, aliases of an actor. Fresh stores get them from 0001."""
from sqlalchemy import Connection
from sqlalchemy.schema import CreateIndex

from ..schema import COMPOSITE_INDEXES


def upgrade(conn: Connection) -> None:
    for name, (table, _cols) in COMPOSITE_INDEXES.items():
        index = next(i for i in table.indexes if i.name == name)
        conn.execute(CreateIndex(index, if_not_exists=True))
