"""Read-only queries: filters by id, name or alias; dates; full text; one document / actor."""
from __future__ import annotations

import pytest

from newsgraph import query
from newsgraph.errors import NotFound
from newsgraph.store import open_store

from store_helpers import RIFLES, border_batch, second_batch

CHANNELS = "Valdoria has opened channels to the Corvin Front"
DENIAL = "denied any contact with Valdoria"
PRISONERS = "the talks were about prisoners"
WEAKENING = "the Corvin Front was weakening"
TRAP = "the talks were a trap"


@pytest.fixture(scope="module")
def store(module_store_url):  # SQLite and PostgreSQL (tests/conftest_pg.py)
    with open_store(module_store_url) as s:
        s.write_batches([border_batch(), second_batch()])
        yield s


@pytest.mark.parametrize("filters, expected", [
    ({}, {CHANNELS, DENIAL, PRISONERS, WEAKENING, TRAP}),
    ({"speaker": "person:mira-talen"}, {CHANNELS, PRISONERS, WEAKENING}),  # "Talen" in doc 2 is linked
    ({"speaker": "MIRA TALEN"}, {CHANNELS, PRISONERS, WEAKENING}),
    ({"speaker": "person:talen"}, {CHANNELS, PRISONERS, WEAKENING}),  # the linked id finds the same
    ({"speaker": "the Corvin Front"}, {DENIAL}),
    ({"speaker": "Front"}, {TRAP}),  # "The Front" with "the" folded, not a substring match
    ({"speaker": "Nobody"}, set()),
    ({"about": "Valdoria"}, {CHANNELS, DENIAL}),
    ({"about": "corvin front"}, {CHANNELS, WEAKENING}),
    ({"polarity": "deny"}, {DENIAL}),
    ({"polarity": "deny", "speaker": "Mira Talen"}, set()),
    ({"since": "2016-01-06"}, {WEAKENING, TRAP}),
    ({"until": "2016-01-05"}, {CHANNELS, DENIAL, PRISONERS}),
    ({"match": "prisoners"}, {PRISONERS}),
    ({"match": "Corvin", "speaker": "Talen"}, {CHANNELS, WEAKENING}),
    ({"match": "talks"}, {PRISONERS, TRAP}),
    ({"match": "zeppelin"}, set()),
    ({"document": "doc:second"}, {WEAKENING, TRAP}),
])
def test_statement_filters(store, filters, expected):
    assert {s["content"] for s in query.statements(store, **filters)} == expected


def test_statement_record_has_evidence_and_names(store):
    (st,) = query.statements(store, polarity="deny")
    text = border_batch().document.text
    assert text[st["content_span"][0]:st["content_span"][1]] == st["content"]
    assert st["speaker_name"] == "Corvin Front" and st["about"] == ["country:vd"]
    assert st["document_title"].startswith("Valdorian envoy")


@pytest.mark.parametrize("filters, expected", [
    ({}, {"AID", "CONSULT"}),
    ({"source": "Valdoria"}, {"AID", "CONSULT"}),
    ({"target": "Ostrian government"}, {"AID"}),
    ({"target": "Corvin Front", "type": "consult"}, {"CONSULT"}),
    ({"actor": "Corvin Front"}, {"CONSULT"}),
    ({"source": "Ostria"}, set()),
    ({"type": "ASSAULT"}, set()),
    ({"since": "2016-02"}, {"AID"}),  # its own date
    ({"until": "2016-01-31"}, {"CONSULT"}),  # no date of its own: the report's publication date
    ({"modality": "planned"}, {"AID"}),
])
def test_event_filters(store, filters, expected):
    assert {e["type"] for e in query.events(store, **filters)} == expected


def test_event_lists_every_report(store):
    (aid,) = query.events(store, type="AID")
    assert aid["id"] == RIFLES and aid["source_name"] == "Valdoria"
    assert [r["document_id"] for r in aid["reports"]] == ["doc:border", "doc:second"]


@pytest.mark.parametrize("filters, expected", [
    ({"type": "person"}, {"person:mira-talen"}),
    ({"type": "armed_group"}, {"org:corvin-front", "org:front"}),
    ({"type": "state"}, {"country:vd", "country:os"}),
    ({"name": "ostrian"}, {"country:os"}),
    ({"name": "talen"}, {"person:mira-talen"}),
    ({"name": "front"}, {"org:corvin-front", "org:front"}),
    ({"name": "zeppelin"}, set()),
])
def test_actor_filters(store, filters, expected):
    assert {a["id"] for a in query.actors(store, **filters)} == expected


def test_actor_detail_and_merged_listing():
    with open_store(":memory:") as s:
        s.write_batches([border_batch(), second_batch()])
        (talen,) = query.actors(s, type="person")
        assert talen["mentions"] == 5 and talen["documents"] == 2
        detail = query.actor(s, "talen")
        assert detail["id"] == "person:mira-talen"
        assert detail["statements"] == 3 and detail["merged_ids"] == ["person:talen"]
        assert {d["id"] for d in detail["documents"]} == {"doc:border", "doc:second"}


def test_documents_and_document(store):
    listed = query.documents(store)
    assert [d["id"] for d in listed] == ["doc:second", "doc:border"]  # newest first
    assert listed[1]["statements"] == 3 and listed[1]["events"] == 2
    doc = query.document(store, "doc:border")
    assert doc["text"] == border_batch().document.text
    assert len(doc["statements"]) == 3 and len(doc["events"]) == 2 and len(doc["links"]) == 1
    talen = next(a for a in doc["actors"] if a["id"] == "person:mira-talen")
    assert all(doc["text"][s:e] in ("Mira Talen", "Talen") for s, e in talen["mentions"])


def test_unknown_ids_raise_not_found(store):
    with pytest.raises(NotFound):
        query.document(store, "doc:missing")
    with pytest.raises(NotFound):
        query.actor(store, "Nobody Known")


def test_stats_detail(store):
    out = query.stats(store, detail=True)
    assert out["events_by_type"] == {"AID": 1, "CONSULT": 1}
    assert out["statements_by_polarity"] == {"assert": 4, "deny": 1}
