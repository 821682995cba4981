"""Links across the store and the query functions over it, with hand-built batches in SQLite."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsgraph.link.across import link_store
from newsgraph.model import Actor, Batch, Document, Statement
from newsgraph.query.links import check, contradictions
from newsgraph.store import open_store

RU, TB = "country:ru", "org:taliban"


def doc_batch(doc_id, published, statements, actors=()):
    text = " ".join(s[1] for s in statements)
    stmts = tuple(Statement(id=f"{doc_id}:{i}", document_id=doc_id, content=content, content_span=(0, len(content)),
                            speaker=speaker, speaker_text=speaker_text, polarity=polarity, about=about)
                  for i, (speaker, content, polarity, about, speaker_text) in enumerate(statements))
    return Batch(document=Document(id=doc_id, text=text, published=published, source="Test Wire"),
                 actors=tuple(actors), statements=stmts)


ACTORS = (Actor(RU, "Russia", "state", "RU", aliases=("Russia", "Moscow")),
          Actor(TB, "Taliban", "armed_group", aliases=("Taliban",)),
          Actor("person:zamir-kabulov", "Zamir Kabulov", "person", "RU", aliases=("Kabulov",)))


@pytest.fixture()
def store(tmp_path):
    s = open_store(tmp_path / "links.db")
    s.write_batches([
        doc_batch("doc:1", "2016-01-05", [("person:zamir-kabulov", "Moscow has channels for information "
                                           "sharing with the Taliban", "assert", (RU, TB), "Kabulov")], ACTORS),
        doc_batch("doc:2", "2016-01-07", [(TB, "any contacts with Russia had taken place", "deny", (RU,),
                                           "The Taliban")], ACTORS),
        doc_batch("doc:3", "2016-01-09", [("person:x", "the harvest in Kansas was the best in years", "assert",
                                           (), "a farmer")]),
    ])
    yield s
    s.close()


def test_link_store_writes_cross_document_contradiction(store):
    assert link_store(store) == 1
    rows = contradictions(store)
    assert len(rows) == 1
    row = rows[0]
    assert row["a"]["speaker"] == "person:zamir-kabulov" and row["b"]["speaker"] == TB
    assert row["b"]["source"] == "Test Wire" and row["within_document"] is None
    assert link_store(store) == 1 and store.stats()["links"] == 1  # again: updated, not duplicated
    assert contradictions(store, about="Taliban") and contradictions(store, about="Kansas") == []


def test_link_store_only_new_documents(store):
    assert link_store(store, document_ids=["doc:3"]) == 0
    assert link_store(store, document_ids=["doc:2"]) == 1


def test_check_finds_support_and_denial(store):
    result = check(store, "Russia has contacts with the Taliban")
    assert {a["id"] for a in result["actors"]} == {RU, TB}
    assert [s["speaker"] for s in result["supporting"]] == ["person:zamir-kabulov"]
    assert [s["speaker"] for s in result["denying"]] == [TB]
    assert result["denying"][0]["published"] == "2016-01-07"
    nothing = check(store, "Wheat prices in Kansas fell")
    assert nothing["supporting"] == [] and nothing["denying"] == []


def test_cli_contradictions_and_check(store, tmp_path):
    link_store(store)
    db = str(tmp_path / "links.db")
    run = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "contradictions", "--db", db, "--json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)[0]["type"] == "contradicts"
    run = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "check", "Russia has contacts with the Taliban",
                          "--db", db, "--jsonl"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    verdicts = sorted(json.loads(x)["verdict"] for x in run.stdout.splitlines())
    assert verdicts == ["denies", "supports"]
