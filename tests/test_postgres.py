"""PostgreSQL backend: the same records as SQLite, its own full-text index, and concurrent
ingests that lose nothing and duplicate nothing."""
from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

from newsgraph.model import Document
from newsgraph.store import open_store, store_url as to_sqlalchemy_url
from scale_helpers import snapshot

# Fictional articles written for these tests.
ARTICLES = {
    "pg-1": "Veldorian Foreign Minister Anna Kessler said on Monday that her government had opened "
            "talks with the Northern Coalition. The Northern Coalition denied any contact with Veldoria.",
    "pg-2": "\"We will send medical supplies to the refugees,\" said Tomas Brandt, a spokesman for the Red "
            "Harbour Alliance. Ostrava said it would close its border with Marlen.",
    "pg-3": "Analysts at the Lindqvist Institute warned that sanctions against Pelagia would hurt farmers, "
            "and Kessler told reporters that Veldoria would not recognise the election result.",
    "pg-4": "The government of Marlen accused Ostrava of shelling two villages near the border, "
            "a claim that officials in Ostrava rejected on Thursday.",
}


@pytest.fixture(scope="module")
def batches(pipeline):
    documents = [Document(id=key, text=value, origin=f"{key}.txt") for key, value in ARTICLES.items()]
    out = [pipeline.process(d) for d in documents]
    assert sum(len(b.actors) for b in out) > 4, "fixture articles must produce records"
    return out


def test_postgres_url_uses_psycopg3():
    assert to_sqlalchemy_url("postgresql://u@h:5432/db") == "postgresql+psycopg://u@h:5432/db"


def test_same_records_on_both_backends(batches, tmp_path, pg_database):
    with open_store(tmp_path / "s.db") as lite, open_store(pg_database) as pg:
        for store in (lite, pg):
            store.write_batches(batches)
            store.write_batches(batches[:2])  # re-ingest replaces, never duplicates
        assert pg.stats() == lite.stats()
        assert pg.stats()["documents"] == len(ARTICLES)
        assert snapshot(pg) == snapshot(lite)


@pytest.mark.parametrize("query, expected", [
    ("medical supplies", {"pg-2"}),
    ("sanctions farmers", {"pg-3"}),
    ("shelling villages", {"pg-4"}),
    ("Red-Harbour", {"pg-2"}),  # a hyphen in the query is a word break, as on SQLite
    ("zeppelin", set()),
    ("", set()),
])
def test_full_text_search_matches_sqlite(batches, tmp_path, pg_database, query, expected):
    with open_store(tmp_path / "s.db") as lite, open_store(pg_database) as pg:
        lite.write_batches(batches)
        pg.write_batches(batches)
        found_pg = {row["document_id"] for row in pg.search(query)}
        found_lite = {row["document_id"] for row in lite.search(query)}
    assert found_pg == expected
    assert found_pg == found_lite


@pytest.mark.parametrize("table", ["documents", "statements"])
def test_full_text_queries_use_the_gin_indexes(batches, pg_database, table):
    from newsgraph.store import fts_postgres

    with open_store(pg_database) as pg:
        pg.write_batches(batches)
        with pg.engine.connect() as conn:
            definitions = dict(conn.execute(text("SELECT indexname, indexdef FROM pg_indexes")).all())
            assert "gin" in definitions[f"ix_{table}_fts"] and "to_tsvector" in definitions[f"ix_{table}_fts"]
            # With sequential scans ruled out, the planner must be able to answer the very
            # query search() sends from the index (index and query share one expression).
            conn.execute(text("SET enable_seqscan = off"))
            subquery = fts_postgres.matching_ids(pg.tables[table], "medical supplies")
            compiled = subquery.element.compile(conn, compile_kwargs={"literal_binds": True})
            plan = "\n".join(conn.execute(text(f"EXPLAIN {compiled}")).scalars())
            assert f"Bitmap Index Scan on ix_{table}_fts" in plan, plan


WRITER = textwrap.dedent("""
    import os, pickle, sys, time
    from newsgraph.store import open_store

    url, path, order, rounds, go = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    batches = pickle.load(open(path, "rb"))
    if order == "reversed":
        batches = batches[::-1]
    with open_store(url) as store:
        print("ready", flush=True)
        while not os.path.exists(go):  # start writing together with the other process
            time.sleep(0.01)
        for _ in range(rounds):
            # transactions of two documents, overlapping the other writer's
            for i in range(0, len(batches), 2):
                store.write_batches(batches[i:i + 2])
    print("ok")
""")


@pytest.mark.slow
def test_concurrent_ingests_lose_and_duplicate_nothing(batches, tmp_path, pg_database):
    """Two processes open a fresh database and ingest the same documents at once, in
    opposite orders."""
    with open_store(tmp_path / "ref.db") as reference:
        reference.write_batches(batches)
        expected = snapshot(reference)
        expected_stats = reference.stats()

    path, go = tmp_path / "batches.pkl", tmp_path / "go"
    path.write_bytes(pickle.dumps(batches))
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, pg_database, str(path), order, "20", str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for order in ("forward", "reversed")]
    for proc in procs:  # both opened (and migrated) the same fresh database
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.communicate(timeout=60)[1][-3000:]
    go.touch()
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err[-3000:]
        assert out.strip() == "ok"

    with open_store(pg_database) as pg:
        assert pg.stats() == expected_stats
        assert snapshot(pg) == expected
        with pg.engine.connect() as conn:
            recorded = conn.execute(text("SELECT version FROM schema_migrations")).scalars().all()
        assert sorted(recorded) == sorted(set(recorded))  # each migration applied once
