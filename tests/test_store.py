"""The store on its own: opening, idempotent re-ingest, shared actors and events, FTS, atomicity.

Batches are built by hand (tests/store_helpers.py), so these tests need no spaCy model.
"""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from newsgraph.errors import StoreError
from newsgraph.model import Statement
from newsgraph.store import open_store, store_url

from store_helpers import BORDER_TEXT, RIFLES, border_batch, make_batch, second_batch

ROW_TABLES = ["documents", "actors", "actor_aliases", "roles", "mentions", "statements", "statement_about",
              "events", "event_reports", "links"]


def row_counts(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(store.tables[name])).scalar_one()
                for name in ROW_TABLES}


@pytest.fixture
def store(store_url):  # SQLite and PostgreSQL (tests/conftest_pg.py)
    with open_store(store_url) as s:
        yield s


@pytest.mark.parametrize("given, expected", [
    (":memory:", "sqlite://"),
    ("news.db", "sqlite:///news.db"),
    ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ("postgresql://me@db.example:5432/news", "postgresql+psycopg://me@db.example:5432/news"),
])
def test_store_url(given, expected):
    assert store_url(given) == expected


def test_file_store_uses_wal_foreign_keys_and_records_migrations(tmp_path):
    path = tmp_path / "news.db"
    with open_store(path) as store:
        store.write_batches([border_batch()])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    versions = [v for (v,) in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions[:2] == [1, 2]
    conn.close()
    with open_store(f"sqlite:///{path}") as store:  # reopening applies nothing twice
        assert store.stats()["documents"] == 1
        with store.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c.exec_driver_sql("SELECT count(*) FROM schema_migrations").scalar() == len(versions)


def test_open_store_in_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "news.db")


def test_missing_columns_are_added_when_an_old_database_is_opened(tmp_path):
    path = tmp_path / "old.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE documents DROP COLUMN lang")  # as if made before Document.lang existed
    conn.commit()
    conn.close()
    with open_store(path) as store:
        store.write_batches([border_batch()])
        assert store.stats()["documents"] == 1


def test_reingest_is_idempotent(store):
    store.write_batches([border_batch(), second_batch()])
    before_stats, before_rows = store.stats(), row_counts(store)
    store.write_batches([border_batch(), second_batch()])
    store.write_batches([second_batch()])
    assert store.stats() == before_stats
    assert row_counts(store) == before_rows
    assert before_stats == {"documents": 2, "actors": 5, "statements": 5, "events": 2, "links": 1}


def test_a_document_given_twice_in_one_call_is_written_once_as_its_last_version(store):
    smaller = make_batch("doc:border", BORDER_TEXT, {}, statements=[{"content": "the talks were about prisoners"}])
    assert store.write_batches([border_batch(), smaller]) == 1
    assert store.stats() == {"documents": 1, "actors": 0, "statements": 1, "events": 0, "links": 0}


def test_reingest_of_a_changed_document_replaces_its_rows(store):
    store.write_batches([border_batch()])
    smaller = make_batch("doc:border", BORDER_TEXT, {"country:vd": ("Valdoria", "state", ["Valdoria"])},
                         statements=[{"content": "the talks were about prisoners"}])
    store.write_batches([smaller])
    assert store.stats() == {"documents": 1, "actors": 1, "statements": 1, "events": 0, "links": 0}
    counts = row_counts(store)
    assert counts["statement_about"] == 0 and counts["event_reports"] == 0 and counts["roles"] == 0


def test_same_actor_id_in_two_documents_is_one_actor(store):
    store.write_batches([border_batch()])
    store.write_batches([second_batch()])
    with store.engine.connect() as conn:
        actors = store.tables.actors
        rows = conn.execute(select(actors.c.id).where(actors.c.id == "country:os")).all()
        aliases = set(conn.execute(select(store.tables.actor_aliases.c.alias)
                                   .where(store.tables.actor_aliases.c.actor_id == "country:os")).scalars())
        docs = set(conn.execute(select(store.tables.mentions.c.document_id)
                                .where(store.tables.mentions.c.actor_id == "country:os")).scalars())
    assert len(rows) == 1
    assert {"Ostrian government", "Ostrian officials", "Ostria"} <= aliases
    assert docs == {"doc:border", "doc:second"}


def test_same_event_in_two_documents_is_one_event_with_two_reports(store):
    store.write_batches([border_batch(), second_batch()])
    t = store.tables
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.events).where(t.events.c.id == RIFLES)).scalar() == 1
        reports = set(conn.execute(select(t.event_reports.c.document_id)
                                   .where(t.event_reports.c.event_id == RIFLES)).scalars())
    assert reports == {"doc:border", "doc:second"}
    # The second document stops reporting it: the event stays, with one report.
    store.write_batches([replace(second_batch(), events=())])
    with store.engine.connect() as conn:
        reports = set(conn.execute(select(t.event_reports.c.document_id)
                                   .where(t.event_reports.c.event_id == RIFLES)).scalars())
    assert reports == {"doc:border"}
    assert store.stats()["events"] == 2
    # Neither does: it is gone.
    store.write_batches([replace(border_batch(), events=())])
    assert store.stats()["events"] == 0


def test_repeated_event_in_one_document_is_one_report_with_both_spans(store):
    batch = border_batch()
    rifles = next(e for e in batch.events if e.id == RIFLES)
    again = replace(rifles, span=(0, 10), spans=((0, 10),))
    store.write_batches([replace(batch, events=batch.events + (again,))])
    with store.engine.connect() as conn:
        spans = conn.execute(select(store.tables.event_reports.c.spans)
                             .where(store.tables.event_reports.c.event_id == RIFLES)).scalars().all()
    assert len(spans) == 1 and "[0, 10]" in spans[0]


@pytest.mark.parametrize("query, expected", [
    ("prisoners", {("statement", "doc:border"), ("document", "doc:border")}),
    ("weakening", {("statement", "doc:second"), ("document", "doc:second")}),
    ("rifles Ostrian", {("document", "doc:border"), ("document", "doc:second")}),
    ("Corvin-Front", {("document", "doc:border"), ("document", "doc:second"), ("statement", "doc:border"),
                      ("statement", "doc:second")}),
    ('"unbalanced quote AND OR (', set()),  # FTS5 syntax characters are words, not a crash
    ("zeppelin", set()),
    ("", set()),
])
def test_full_text_search(store, query, expected):
    store.write_batches([border_batch(), second_batch()])
    found = {(hit["kind"], hit["document_id"]) for hit in store.search(query)}
    assert found == expected


def test_full_text_index_follows_reingest(store):
    store.write_batches([border_batch()])
    assert store.search("prisoners")
    changed = make_batch("doc:border", BORDER_TEXT.replace("prisoners", "hostages"), {})
    store.write_batches([changed])
    assert store.search("prisoners") == []
    assert {h["kind"] for h in store.search("hostages")} == {"document"}


def test_a_failing_batch_writes_nothing(store):
    good = border_batch()
    broken = replace(second_batch(), statements=(Statement(id="stmt:x", document_id="doc:second", content=None,
                                                           content_span=(0, 1)),))
    with pytest.raises(Exception):
        store.write_batches([good, broken])
    assert store.stats() == {"documents": 0, "actors": 0, "statements": 0, "events": 0, "links": 0}


def test_has_document_compares_the_text_hash(store):
    batch = border_batch()
    store.write_batches([batch])
    assert store.has_document("doc:border", batch.document.text_sha256)
    assert store.has_document("doc:border")
    assert not store.has_document("doc:border", "0" * 64)
    assert not store.has_document("doc:other")


def test_write_links_across_documents(store):
    from newsgraph.model import Link

    store.write_batches([border_batch(), second_batch()])
    a = border_batch().statements[0].id
    b = second_batch().statements[0].id
    link = Link(id="link:x", type="supports", a=a, b=b, score=0.5, reason="same claim")
    assert store.write_links([link, link]) == 1
    store.write_links([link])
    assert store.stats()["links"] == 2


def test_delete_documents_keeps_what_other_documents_share(store):
    store.write_batches([border_batch(), second_batch()])
    assert store.delete_documents(["doc:second", "doc:missing"]) == 1
    assert store.stats() == {"documents": 1, "actors": 4, "statements": 3, "events": 2, "links": 1}
    with store.engine.connect() as conn:
        t = store.tables
        reports = conn.execute(select(t.event_reports.c.document_id).where(t.event_reports.c.event_id == RIFLES)).all()
    assert reports == [("doc:border",)]
    store.delete_documents(["doc:border"])
    assert store.stats() == {"documents": 0, "actors": 0, "statements": 0, "events": 0, "links": 0}
    assert all(n == 0 for n in row_counts(store).values())


def test_documents_wait_for_cross_document_linking_until_marked(store):
    store.write_batches([border_batch(), second_batch()])
    assert store.pending_link_ids() == ["doc:border", "doc:second"]
    store.mark_linked(["doc:border", "doc:second"])
    assert store.pending_link_ids() == []
    store.write_batches([second_batch()])  # a rewritten document needs linking again
    assert store.pending_link_ids() == ["doc:second"]
