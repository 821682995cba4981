"""Index statements by (polarity, date) (schema.COMPOSITE_INDEXES): the latest denials
about an actor come in index order rather than by sorting all of them. Fresh stores get it
from 0001. (An (source, target, date) index on events was tried and left out: it made the
events of a pair slower, reading them in date order rather than in the order stored.)"""
from sqlalchemy import Connection
from sqlalchemy.schema import CreateIndex

from ..schema import COMPOSITE_INDEXES

NAMES = ("ix_statements_polarity_date",)


def upgrade(conn: Connection) -> None:
    for name in NAMES:
        table = COMPOSITE_INDEXES[name][0]
        index = next(i for i in table.indexes if i.name == name)
        conn.execute(CreateIndex(index, if_not_exists=True))
