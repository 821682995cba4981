"""`newsgraph ingest` end to end with the real spaCy pipeline: idempotence, bad inputs, stats,
documents, export, and a run killed with SIGKILL that a second run completes."""
from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.store import open_store

from ingest_corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, count=6)
    return folder


def stats(db: Path) -> dict:
    result = run("stats", "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_ingest_twice_leaves_stats_unchanged(corpus, tmp_path):
    db = tmp_path / "news.db"
    first = run("ingest", str(corpus), "--db", str(db), "--batch-size", "4")
    assert first.exit_code == 0, first.output
    after_first = stats(db)
    assert after_first["documents"] == 6 and after_first["statements"] > 0 and after_first["actors"] > 0
    second = run("ingest", str(corpus), "--db", str(db))
    assert second.exit_code == 0
    assert "unchanged since the last ingest" in second.stderr
    assert stats(db) == after_first
    forced = run("ingest", str(corpus), "--db", str(db), "--force", "--json")
    assert json.loads(forced.stdout)["written"] == 6
    assert stats(db) == after_first


def test_bad_inputs_are_named_and_the_rest_is_ingested(corpus, tmp_path):
    inputs = tmp_path / "mixed"
    inputs.mkdir()
    (inputs / "good.txt").write_text((corpus / "article_000.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "broken.jsonl").write_text('{"id": "x", "text": "Valdoria said so."}\n{not json\n', encoding="utf-8")
    db = tmp_path / "news.db"
    result = run("ingest", str(inputs), "--db", str(db))
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "broken.jsonl" in result.stderr
    assert stats(db)["documents"] == 2  # good.txt and the good line of broken.jsonl


def test_documents_listing_and_export(corpus, tmp_path):
    db = tmp_path / "news.db"
    assert run("ingest", str(corpus), "--db", str(db)).exit_code == 0
    listed = [json.loads(line) for line in run("documents", "--db", str(db), "--jsonl").stdout.splitlines()]
    assert len(listed) == 6 and all(d["statements"] > 0 for d in listed)
    assert run("export", "--format", "jsonl", "-o", str(tmp_path / "j"), "--db", str(db)).exit_code == 0
    assert run("export", "--format", "csv", "-o", str(tmp_path / "c"), "--db", str(db)).exit_code == 0
    counts = stats(db)
    for name in ("documents", "statements", "events", "links"):
        lines = (tmp_path / "j" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == counts[name]
        with (tmp_path / "c" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            assert sum(1 for _ in csv.DictReader(fh)) == counts[name]
    statement = json.loads((tmp_path / "j" / "statements.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert {"id", "speaker", "content", "content_span", "polarity", "about", "document_id"} <= set(statement)


def _stored_documents(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or the schema is being written
        return 0


def _check_committed_documents_are_whole(db: Path, corpus: Path) -> int:
    texts = {p.name: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}
    with open_store(db) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        t = store.tables
        docs = conn.execute(t.documents.select()).mappings().all()
        for doc in docs:
            assert doc["text"] == texts[Path(doc["origin"]).name]
            statements = conn.execute(t.statements.select().where(t.statements.c.document_id == doc["id"])).mappings().all()
            mentions = conn.execute(t.mentions.select().where(t.mentions.c.document_id == doc["id"])).mappings().all()
            assert statements and mentions, f"{doc['id']} committed without its extraction"
            for s in statements:
                assert doc["text"][s["content_span_start"]:s["content_span_end"]] == s["content"]
            for m in mentions:
                assert doc["text"][m["span_start"]:m["span_end"]] == m["text"]
        orphans = conn.exec_driver_sql(
            "SELECT count(*) FROM statements WHERE document_id NOT IN (SELECT id FROM documents)").scalar()
        assert orphans == 0
        return len(docs)


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_valid_store_that_a_rerun_completes(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, count=40)
    db = tmp_path / "news.db"
    def command(store: Path) -> list[str]:
        return [sys.executable, "-m", "newsgraph.cli.main", "ingest", str(corpus), "--db", str(store),
                "--batch-size", "1"]

    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(command(db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    while _stored_documents(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    committed = _check_committed_documents_are_whole(db, corpus)
    assert 2 <= committed < 40, f"the kill should land mid-run, found {committed} documents"

    rerun = subprocess.run(command(db), capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert rerun.stderr.count("unchanged since the last ingest") == min(committed, 20)
    assert _check_committed_documents_are_whole(db, corpus) == 40

    with open_store(db) as store:
        assert store.pending_link_ids() == []  # documents committed before the kill got linked too

    # The completed store holds what one uninterrupted run produces. (The number of links
    # across documents may differ slightly: each statement keeps its strongest few links,
    # and which are strongest at the time depends on the order documents arrived.)
    reference = tmp_path / "reference.db"
    subprocess.run(command(reference), check=True, capture_output=True, env=env, timeout=300)
    resumed, uninterrupted = stats(db), stats(reference)
    for key in ("documents", "actors", "statements", "events"):
        assert resumed[key] == uninterrupted[key], key
    assert resumed["links"] > 0
