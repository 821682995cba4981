"""The store: SQLite (default, WAL, FTS5) or PostgreSQL through SQLAlchemy 2 Core.

    store = open_store("newsgraph.db")      # or ":memory:", "postgresql://..."
    store.write_batches(batches)            # one transaction; re-ingest replaces
    store.stats()                           # {"documents", "actors", ...}

Identity judgements: merge, split, list_judgements (judgements.py); automatic surname links
across documents: identity.py. Documents -> pipeline -> store in committed batches:
newsgraph.store.ingest.ingest().
"""
from .judgements import find_actor_ids, list_judgements, merge, norm, split
from .schema import TABLES, Tables, metadata
from .store import Store, open_store, store_url

__all__ = ["Store", "TABLES", "Tables", "find_actor_ids", "list_judgements", "merge", "metadata", "norm",
           "open_store", "split", "store_url"]
