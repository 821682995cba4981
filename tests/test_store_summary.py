"""The per-actor totals (store/summary.py) always equal a fresh count of the rows they sum:
after writes, re-ingest, deletes, automatic surname links and merge/split judgements, on
SQLite and PostgreSQL."""
from __future__ import annotations

from typing import Callable

from sqlalchemy import select

from newsgraph import query
from newsgraph.serve.synthetic import generate
from newsgraph.store import merge, open_store, split
from newsgraph.store.schema import actor_alias_counts, actor_counts, actor_role_counts
from newsgraph.store.summary import rebuild

from store_helpers import border_batch, second_batch

SUMMARIES = (actor_counts, actor_alias_counts, actor_role_counts)


def totals(store) -> dict[str, list[tuple]]:
    with store.engine.connect() as conn:
        return {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in SUMMARIES}


def recounted(store) -> dict[str, list[tuple]]:
    """The totals counted afresh, in a transaction that is rolled back."""
    with store.engine.connect() as conn:
        trans = conn.begin()
        rebuild(conn)
        fresh = {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in SUMMARIES}
        trans.rollback()
    return fresh


SYNTHETIC = list(generate(60, seed=5, n_people=20))

STEPS: list[tuple[str, Callable]] = [
    ("write", lambda s: s.write_batches(SYNTHETIC[:40])),
    ("overlapping re-ingest", lambda s: s.write_batches(SYNTHETIC[20:60])),
    ("delete", lambda s: s.delete_documents([b.document.id for b in SYNTHETIC[10:30]])),
    ("surname link", lambda s: s.write_batches([border_batch(), second_batch()])),
    ("merge", lambda s: merge(s, "org:corvin-front", "org:front")),
    ("alias split", lambda s: split(s, "Mira Talen", "Talen")),
    ("re-ingest after judgements", lambda s: s.write_batches([second_batch(), border_batch()])),
]


def test_totals_follow_every_kind_of_change(store_url):
    with open_store(store_url) as store:
        for name, step in STEPS:
            step(store)
            assert totals(store) == recounted(store), name
        assert any(totals(store).values())


def test_listing_reads_the_totals(store_url):
    with open_store(store_url) as store:
        store.write_batches(SYNTHETIC[:30])
        listed = query.actors(store, limit=None)
        assert [r["mentions"] for r in listed] == sorted((r["mentions"] for r in listed), reverse=True)
        top = listed[0]
        detail = query.actor(store, top["id"])
        assert (detail["mentions"], detail["document_count"]) == (top["mentions"], top["documents"])
        assert detail["document_count"] == len(detail["documents"])
        assert sum(d["mentions"] for d in detail["documents"]) == detail["mentions"]
        assert query.actors(store, name="zzz-no-such-name") == []
