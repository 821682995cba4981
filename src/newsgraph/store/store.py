"""Store: one handle on a database (SQLite file, in-memory SQLite, or PostgreSQL)."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import Engine, create_engine, event, func, select, update
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from ..model import Batch, Link
from . import search as _search
from .judgements import load_identity
from .migrations import migrate
from .postgres import run_transaction
from .transactions import write_transaction
from .schema import TABLES, Tables, actors, documents, events, links, statements
from .writer import delete_document, write_documents
from .writer import write_links as _write_links


def store_url(url_or_path: str | os.PathLike) -> str:
    """A SQLAlchemy URL for a path, ':memory:', 'sqlite:///...' or 'postgresql://...'."""
    value = str(url_or_path)
    if value == ":memory:":
        return "sqlite://"
    if "://" in value:
        if value.startswith("postgresql://"):  # psycopg 3 is the driver we ship
            return "postgresql+psycopg://" + value[len("postgresql://"):]
        return value
    return "sqlite:///" + str(Path(value).expanduser())


def _sqlite_engine(url: str) -> Engine:
    memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = create_engine(url, poolclass=StaticPool if memory else None,
                           connect_args={"check_same_thread": False} if memory else {"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below define transactions
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the write lock up front: two deferred transactions that both try to
        # upgrade to writing would fail at once instead of waiting for each other.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


class Store:
    """Batches in, plain dicts out (see newsgraph.query). Use as a context manager or close()."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url
        self.tables: Tables = TABLES
        self.dialect = engine.dialect.name

    # --- writing -------------------------------------------------------------------------
    def write_batches(self, batches: Iterable[Batch]) -> int:
        """Write the batches in one transaction; a document written again replaces its old rows.

        Returns the number of documents written. Nothing is written if any batch fails.
        """
        batches = list(batches)  # kept: on PostgreSQL a transaction that loses a deadlock runs again

        def write(conn) -> int:
            return write_documents(conn, batches, load_identity(conn))

        return run_transaction(self.engine, write)

    def delete_documents(self, ids: Iterable[str]) -> int:
        """Remove documents and what only they contributed (shared actors and events stay
        while another document still mentions them). Returns how many were stored."""
        with write_transaction(self.engine) as conn:
            return sum(delete_document(conn, document_id) for document_id in ids)

    def pending_link_ids(self) -> list[str]:
        """Documents written since cross-document links were last computed for them."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(documents.c.id).where(documents.c.linked_at.is_(None))
                                     .order_by(documents.c.id)).scalars())

    def mark_linked(self, ids: Iterable[str]) -> None:
        """Record that cross-document links are computed for these documents."""
        ids = list(ids)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with write_transaction(self.engine) as conn:
            for start in range(0, len(ids), 500):
                conn.execute(update(documents).where(documents.c.id.in_(ids[start:start + 500])).values(linked_at=now))

    def write_links(self, new_links: Iterable[Link]) -> int:
        """Links across documents, upserted by id in one transaction."""
        with write_transaction(self.engine) as conn:
            return _write_links(conn, new_links)

    # --- reading -------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """Counts of documents, actors (after merges), statements, events and links."""
        with self.engine.connect() as conn:
            count = lambda q: conn.execute(q).scalar_one()  # noqa: E731
            return {
                "documents": count(select(func.count()).select_from(documents)),
                "actors": count(select(func.count()).select_from(actors).where(actors.c.id == actors.c.canonical_id)),
                "statements": count(select(func.count()).select_from(statements)),
                "events": count(select(func.count()).select_from(events)),
                "links": count(select(func.count()).select_from(links)),
            }

    def document_hashes(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """document id -> sha256 of its text, for all stored documents or the given ids."""
        query = select(documents.c.id, documents.c.text_sha256)
        if ids is not None:
            query = query.where(documents.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            return dict(conn.execute(query).all())

    def has_document(self, document_id: str, sha256: str | None = None) -> bool:
        """Is the document stored (with this exact text, when sha256 is given)?"""
        stored = self.document_hashes([document_id]).get(document_id)
        return stored is not None and (sha256 is None or stored == sha256)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over document text and statement content, best first."""
        with self.engine.connect() as conn:
            return _search.search(conn, query, limit)

    # --- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"


def open_store(url_or_path: str | os.PathLike | None = None) -> Store:
    """Open (creating and migrating as needed) the store at a path or URL.

    A path or ``sqlite:///path`` is a SQLite file; ``:memory:`` an in-memory SQLite store
    (tests); ``postgresql://user@host/db`` a PostgreSQL database. Default: the `db` setting.
    """
    from .. import settings

    url = store_url(url_or_path if url_or_path is not None else settings.get("db"))
    try:
        if url.startswith("sqlite"):
            path = url.split("sqlite:///", 1)[1] if url.startswith("sqlite:///") else ""
            if path and path != ":memory:" and not Path(path).parent.exists():
                raise StoreError(f"folder {Path(path).parent} does not exist", where=path,
                                 hint="create it or pass another --db")
            engine = _sqlite_engine(url)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        migrate(engine)
    except StoreError:
        raise
    except Exception as exc:  # driver errors: unreachable server, not a database file, ...
        raise StoreError(f"cannot open the store: {exc.__class__.__name__}: {exc}".splitlines()[0],
                         where=str(url_or_path), hint="check --db / NEWSGRAPH_DB") from exc
    return Store(engine, url)
