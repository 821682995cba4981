"""The actor page's bounded query plans return exactly what the general queries return.

For an actor in thousands of articles, query.actor walks the publication-date index for its
latest documents and query.statements walks the statement-date index for the latest
statements about it (see bench/web_latency.py). Here the thresholds are lowered so that a
small synthetic store, with undated statements, month-only dates and articles without a
publication date mixed in, takes those plans; the rows must equal those of the sorting plans,
on SQLite and on PostgreSQL.
"""
from __future__ import annotations

import importlib
from collections import Counter

import pytest
from sqlalchemy import func, select, update

from newsgraph import query
from newsgraph.serve.synthetic import build
from newsgraph.store import open_store

# The modules (newsgraph.query exports functions of the same names).
q_actors = importlib.import_module("newsgraph.query.actors")
q_statements = importlib.import_module("newsgraph.query.statements")

BUSY = "country:ruritania"


@pytest.fixture
def mixed_store(store_url):
    with open_store(store_url) as store:
        build(store, 120)
        t = store.tables
        with store.engine.begin() as conn:
            ids = sorted(conn.execute(select(t.statements.c.id)).scalars())
            undated, month_only = ids[::3], ids[1::7]
            conn.execute(update(t.statements).where(t.statements.c.id.in_(undated)).values(date=None))
            conn.execute(update(t.statements).where(t.statements.c.id.in_(month_only))
                         .values(date=func.substr(t.statements.c.date, 1, 7)))
            docs = sorted(conn.execute(select(t.documents.c.id)).scalars())
            conn.execute(update(t.documents).where(t.documents.c.id.in_(docs[::11])).values(published=None))
        yield store


PAGES = [(50, 0), (7, 3), (20, 40), (1, 0)]


@pytest.mark.parametrize("limit, offset", PAGES)
@pytest.mark.parametrize("undated_walk", [True, False])
def test_latest_statements_about_walk_equals_sort(mixed_store, monkeypatch, limit, offset, undated_walk):
    everything = query.statements(mixed_store, about=BUSY, limit=None)  # limit=None: the general query
    assert {s["date"] is None for s in everything} == {True, False}
    monkeypatch.setattr(q_statements, "_walk_plan", lambda conn, abouts, top: undated_walk)
    assert query.statements(mixed_store, about=BUSY, limit=limit, offset=offset) == everything[offset:offset + limit]


@pytest.mark.parametrize("limit, offset", PAGES)
@pytest.mark.parametrize("polarity", ["deny", "assert"])
@pytest.mark.parametrize("undated_walk", [True, False])
def test_latest_statements_about_of_one_polarity_walk_equals_sort(mixed_store, monkeypatch, limit, offset,
                                                                   polarity, undated_walk):
    everything = query.statements(mixed_store, about=BUSY, polarity=polarity, limit=None)
    assert everything and {s["polarity"] for s in everything} == {polarity}
    monkeypatch.setattr(q_statements, "_walk_plan", lambda conn, abouts, top: undated_walk)
    page = query.statements(mixed_store, about=BUSY, polarity=polarity, limit=limit, offset=offset)
    assert page == everything[offset:offset + limit]


@pytest.mark.parametrize("limit, offset", PAGES)
def test_latest_statements_by_speaker_equals_sort(mixed_store, limit, offset):
    speakers = Counter(s["speaker"] for s in query.statements(mixed_store, limit=None) if s["speaker"])
    busiest = speakers.most_common(1)[0][0]
    everything = query.statements(mixed_store, speaker=busiest, limit=None)
    assert len(everything) > 20 and {s["date"] is None for s in everything} == {True, False}
    page = query.statements(mixed_store, speaker=busiest, limit=limit, offset=offset)
    assert page == everything[offset:offset + limit]


def test_walk_plan_only_for_actors_in_many_statements(mixed_store, monkeypatch):
    with mixed_store.engine.connect() as conn:
        assert q_statements._walk_plan(conn, [BUSY], 50) is None  # a small store: sorting is cheap
        monkeypatch.setattr(q_statements, "_WALK_FROM", 1)
        assert q_statements._walk_plan(conn, [BUSY], 50) in (True, False)
        assert q_statements._walk_plan(conn, ["country:nowhere"], 50) is None


@pytest.mark.parametrize("max_documents", [0, 1, 5, 50, None])
def test_latest_documents_walk_equals_sort(mixed_store, monkeypatch, max_documents):
    expected = query.actor(mixed_store, BUSY, max_documents=max_documents)
    assert expected["document_count"] > 50
    monkeypatch.setattr(q_actors, "_WALK_DATES_FROM", 0)
    assert query.actor(mixed_store, BUSY, max_documents=max_documents) == expected
