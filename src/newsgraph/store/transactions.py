"""Write transactions: writers wait for each other instead of failing."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Connection, Engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction meant for writing.

    SQLite: BEGIN IMMEDIATE (the "begin" listener in store.py reads the `write` option), so
    two writers queue on the database lock rather than one failing when both upgrade from
    reading. PostgreSQL: row and advisory locks are taken where needed (postgres.py).
    """
    with engine.connect() as conn:
        conn = conn.execution_options(write=True)
        with conn.begin():
            yield conn
