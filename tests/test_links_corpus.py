"""Acceptance 2: the links corpus (tests/corpus/links, fiction written for these tests).

The real pipeline ingests 16 short articles into a SQLite store; cross-document links are
computed; contradictions are scored against the gold list, and the Norway-Iceland relation
must shift from conflict to cooperation in April 2024, with the events and statements of the
turn as evidence.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus" / "links"
GOLD = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, pipeline):
    from newsgraph.link.across import link_store
    from newsgraph.read import read_paths
    from newsgraph.store import open_store

    store = open_store(tmp_path_factory.mktemp("links") / "corpus.db")
    documents = list(read_paths([str(CORPUS)]))
    assert len(documents) >= 15
    store.write_batches(pipeline.process_many(documents))
    link_store(store)
    yield store
    store.close()


def _matches(statement: dict, side: list[str]) -> bool:
    file_name, fragment = side
    return statement["origin"].endswith(file_name) and fragment in statement["content"]


def _pairs(store, link_type: str) -> list[tuple[dict, dict]]:
    from sqlalchemy import select

    t = store.tables
    with store.engine.connect() as conn:
        rows = {r.id: dict(r._mapping) for r in conn.execute(
            select(t.statements.c.id, t.statements.c.content, t.documents.c.origin)
            .join(t.documents, t.documents.c.id == t.statements.c.document_id))}
        links = conn.execute(select(t.links.c.a, t.links.c.b).where(t.links.c.type == link_type)).all()
    return [(rows[a], rows[b]) for a, b in links]


def _is_gold(pair: tuple[dict, dict], gold: list) -> bool:
    x, y = pair
    return any((_matches(x, g[0]) and _matches(y, g[1])) or (_matches(x, g[1]) and _matches(y, g[0]))
               for g in gold)


def test_contradictions_precision_and_recall(corpus_store):
    found = _pairs(corpus_store, "contradicts")
    gold = GOLD["contradictions"]
    correct = [p for p in found if _is_gold(p, gold)]
    precision = len(correct) / len(found) if found else 0.0
    recalled = [g for g in gold if any(_is_gold(p, [g]) for p in found)]
    recall = len(recalled) / len(gold)
    wrong = [(x["content"], y["content"]) for x, y in found if not _is_gold((x, y), gold)]
    assert precision >= 0.9, f"precision {precision:.2f}; wrong links: {wrong}"
    assert recall >= 0.8, f"recall {recall:.2f}; missed: {[g for g in gold if g not in recalled]}"


def test_confirmation_is_a_support_not_a_contradiction(corpus_store):
    supports = _pairs(corpus_store, "supports")
    assert any(_is_gold(p, GOLD["supports"]) for p in supports)


def test_relation_turns_from_conflict_to_cooperation(corpus_store):
    from newsgraph.model.enums import QUAD_CLASS, EventType
    from newsgraph.query.relations import relations

    spec = GOLD["relation"]
    result = relations(corpus_store, spec["a"], spec["b"], period=spec["period"])
    assert len(result["series"]) >= 5
    (shift,) = result["shifts"]
    assert shift["period"] == spec["shift"]
    assert shift["before"] < 0 < shift["after"]
    # The turn is carried by cooperation events reported from the shift's month on.
    assert shift["events"]
    assert {QUAD_CLASS[EventType(e["type"])].value for e in shift["events"]} <= set(spec["evidence_event_classes"])
    assert any(e["published"].startswith(spec["shift"]) for e in shift["events"])
    assert all(e["published"] >= spec["shift"] for e in shift["events"])
    assert any(spec["evidence_statement"] in s["content"] for s in shift["statements"])


def test_check_lists_supporting_and_denying_sources(corpus_store):
    from newsgraph.query.links import check

    result = check(corpus_store, "The Norwegian coast guard fired warning shots at Icelandic trawlers")
    supporters = {s["speaker"] for s in result["supporting"]}
    deniers = {s["speaker"] for s in result["denying"]}
    assert "person:erik-lund" in deniers
    assert {"person:katrin-olafsdottir", "person:jon-sigurdsson"} <= supporters
    assert all(s["published"] for s in result["supporting"] + result["denying"])


def test_relations_command_prints_series_and_shift(corpus_store):
    import subprocess
    import sys

    db = str(corpus_store.url).split("sqlite:///", 1)[1]
    run = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "relations", "Norway", "Iceland",
                          "--db", db, "--json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert [s["period"] for s in result["shifts"]] == [GOLD["relation"]["shift"]]
    run = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "relations", "Norway", "Atlantis",
                          "--db", db], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "no actor named 'Atlantis'" in run.stderr


def test_check_counts_other_figures_as_denial(corpus_store):
    from newsgraph.query.links import check

    result = check(corpus_store, "Iceland caught 300,000 tonnes of mackerel in Norwegian waters")
    assert [s["speaker"] for s in result["supporting"]] == ["person:ola-berg"]
    (other,) = result["denying"]
    assert "150,000 tonnes" in other["content"] and "300000 vs 150000" in other["conflict"]
