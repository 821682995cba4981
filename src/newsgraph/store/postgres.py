"""PostgreSQL only: what several processes writing to one database at once need.

SQLite serialises writers with its database lock; PostgreSQL lets transactions run side by
side, so newsgraph takes explicit locks where two writers could otherwise collide:

- schema migrations: one process at a time (CREATE TABLE IF NOT EXISTS is not safe when two
  sessions run it together);
- one document: its row is locked before its old rows are read and replaced, so two ingests
  of the same article cannot both insert its mentions;
- a transaction that still loses a deadlock is retried (see retryable()).

Every function here is a no-op on other databases, so callers need no dialect checks.
Full-text search on PostgreSQL (tsvector, GIN indexes) lives in fts_postgres.py.
"""
from __future__ import annotations

import random
import time
from typing import Callable, TypeVar

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from .transactions import write_transaction

T = TypeVar("T")

# Arbitrary constant naming newsgraph's schema lock among the server's advisory locks.
_SCHEMA_LOCK = 0x6E657773  # "news"


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def lock_schema(conn: Connection) -> None:
    """Hold the schema lock until this transaction ends (waits for another migrating process)."""
    if is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})


def lock_document(conn: Connection, document_id: str) -> None:
    """Serialise writers of one document until this transaction ends."""
    if is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:id))"), {"id": document_id})


# SQLSTATEs after which the whole transaction can simply run again.
_RETRYABLE = {"40001", "40P01"}  # serialization_failure, deadlock_detected


def retryable(exc: BaseException) -> bool:
    """Did the database abort the transaction because of a concurrent one (safe to redo)?"""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) in _RETRYABLE


def run_transaction(engine: Engine, work: Callable[[Connection], T], attempts: int = 5) -> T:
    """work(conn) in one transaction; on PostgreSQL, redone when a concurrent writer aborts it."""
    for attempt in range(1, attempts + 1):
        try:
            with write_transaction(engine) as conn:
                return work(conn)
        except DBAPIError as exc:
            if attempt == attempts or not retryable(exc):
                raise
            time.sleep(random.uniform(0.05, 0.2) * attempt)  # let the other writer finish
    raise AssertionError("unreachable")
