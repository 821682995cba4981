"""Index statements by speaker and date (schema.COMPOSITE_INDEXES): a speaker's latest
statements come in index order. Fresh stores get it from 0001."""
from sqlalchemy import Connection
from sqlalchemy.schema import CreateIndex

from ..schema import statements


def upgrade(conn: Connection) -> None:
    index = next(i for i in statements.indexes if i.name == "ix_statements_speaker_date")
    conn.execute(CreateIndex(index, if_not_exists=True))
