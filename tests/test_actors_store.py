"""Acceptance 3 of the actors issue, end to end with real spaCy parses and a real SQLite store:
two articles naming one person differently end as one actor; merge and split judgements
survive re-ingest. The CLI listing and detail commands read the same store."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph import query
from newsgraph.model import Document
from newsgraph.store import merge, open_store, split

FIRST = ("Moscow, the envoy and the militants\n\n"
         "Zamir Kabulov, the Kremlin's special envoy to Afghanistan, said on Monday that Moscow had "
         "channels to the Taliban. The envoy added that the contacts were about security.")
SECOND = ("Kabulov said on Friday that Russia would send small arms to Kabul. "
          "Kabulov, the Russian envoy, said the shipment would arrive in February.")
OTHER = "Dilnoza Karimova, the head of the OSCE office, said the mission would stay in Dushanbe."


@pytest.fixture()
def batches(pipeline):
    return [pipeline.process(Document(id=f"doc:{n}", text=t)) for n, t in
            (("first", FIRST), ("second", SECOND), ("other", OTHER))]


def _ids(store, kind="person"):
    return {a["id"] for a in query.actors(store, type=kind)}


def test_two_articles_name_one_person_one_actor(batches, tmp_path):
    with open_store(str(tmp_path / "news.db")) as store:
        store.write_batches(batches)
        people = _ids(store)
        assert "person:zamir-kabulov" in people and "person:kabulov" not in people
        detail = query.actor(store, "Kabulov")
        assert detail["id"] == "person:zamir-kabulov"
        assert {d["id"] for d in detail["documents"]} == {"doc:first", "doc:second"}
        assert any(r["of"] == "country:ru" for r in detail["roles"])


def test_merge_and_split_survive_reingest(batches, tmp_path):
    with open_store(str(tmp_path / "news.db")) as store:
        store.write_batches(batches)
        merge(store, "person:zamir-kabulov", "person:dilnoza-karimova")
        store.write_batches(batches)  # re-ingest
        assert "person:dilnoza-karimova" not in _ids(store)
        split(store, "person:zamir-kabulov", "person:dilnoza-karimova")
        store.write_batches(batches)
        assert {"person:zamir-kabulov", "person:dilnoza-karimova"} <= _ids(store)


def test_cli_lists_and_shows_actors(batches, tmp_path):
    from newsgraph.cli.main import cli

    db = str(tmp_path / "news.db")
    with open_store(db) as store:
        store.write_batches(batches)
    runner = CliRunner()
    listed = runner.invoke(cli, ["actors", "--db", db, "--type", "person", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = {r["id"]: r for r in json.loads(listed.output)}
    assert rows["person:zamir-kabulov"]["country"] == "RU"
    assert rows["person:zamir-kabulov"]["mentions"] >= 4
    shown = runner.invoke(cli, ["actor", "Zamir Kabulov", "--db", db])
    assert shown.exit_code == 0 and "special envoy to Afghanistan" in shown.output
    merged = runner.invoke(cli, ["actors", "--db", db, "merge", "person:zamir-kabulov", "person:dilnoza-karimova"])
    assert merged.exit_code == 0 and json.loads(merged.output)["kind"] == "merge"
    missing = runner.invoke(cli, ["actor", "Nobody Atall", "--db", db])
    assert missing.exit_code != 0 and "no actor" in missing.output
