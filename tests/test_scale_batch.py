"""batch/load and Dask ingest give exactly what a direct, single-process ingest gives."""
from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.errors import InputError, UsageError
from newsgraph.read import read_paths
from newsgraph.scale.shardfiles import batch_from_shard_line, batch_to_shard_line, read_shards, write_shards
from newsgraph.store import open_store
from scale_helpers import snapshot, write_corpus


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "articles")


@pytest.fixture(scope="module")
def direct(corpus, tmp_path_factory):
    """A direct, single-process ingest of the corpus: the reference."""
    db = tmp_path_factory.mktemp("direct") / "direct.db"
    code, _, err = run("ingest", str(corpus), "--db", str(db))
    assert code == 0, err
    with open_store(db) as store:
        return store.stats(), snapshot(store)


def test_shard_lines_are_lossless(pipeline, corpus):
    batches = [pipeline.process(d) for d in read_paths([corpus])]
    assert any(b.mentions for b in batches) and any(a.roles for b in batches for a in b.actors)
    for batch in batches:
        line = batch_to_shard_line(batch)
        assert "\n" not in line
        # astuple covers fields that equality skips (mentions, medium_span)
        assert dataclasses.astuple(batch_from_shard_line(line)) == dataclasses.astuple(batch)
        data = json.loads(line)  # still the contract, with the text
        assert data["document"]["text"] == batch.document.text
        assert {"document", "actors", "statements", "events", "links"} <= set(data)


def test_batch_then_load_equals_direct_ingest(corpus, direct, tmp_path, store_url):
    code, _, err = run("batch", str(corpus), "-o", str(tmp_path / "shards"), "--shard-size", "2")
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "shards").iterdir()) == [
        "part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    for _ in range(2):  # loading twice changes nothing: records merge by id
        code, out, err = run("load", str(tmp_path / "shards"), "--db", store_url, "--json")
        assert code == 0, err
    assert json.loads(out)["written"] == 5
    stats, rows = direct
    with open_store(store_url) as store:
        assert store.stats() == stats
        assert snapshot(store) == rows


@pytest.mark.slow
def test_dask_ingest_with_two_workers_equals_single_process(corpus, direct, tmp_path):
    db = tmp_path / "dask.db"
    code, out, err = run("ingest", str(corpus), "--db", str(db), "--engine", "dask", "--workers", "2", "--json")
    assert code == 0, err
    stats, rows = direct
    assert json.loads(out)["store"] == stats
    with open_store(db) as store:
        assert snapshot(store) == rows


@pytest.mark.slow
def test_pool_ingest_equals_single_process(corpus, direct, tmp_path):
    db = tmp_path / "pool.db"
    code, _, err = run("ingest", str(corpus), "--db", str(db), "--workers", "2")
    assert code == 0, err
    with open_store(db) as store:
        assert (store.stats(), snapshot(store)) == direct


def test_incomplete_shard_is_never_visible(pipeline, corpus, tmp_path):
    batches = [pipeline.process(d) for d in read_paths([corpus])]

    def interrupted():
        yield from batches[:3]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_shards(interrupted(), tmp_path, shard_size=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["part-00000.jsonl"]  # no half shard, no temp file
    assert len(list(read_shards([tmp_path]))) == 2


def test_existing_shards_are_not_overwritten(pipeline, corpus, tmp_path):
    batches = [pipeline.process(d) for d in read_paths([corpus])][:1]
    write_shards(batches, tmp_path)
    with pytest.raises(UsageError, match="already holds"):
        write_shards(batches, tmp_path)
    assert write_shards(batches, tmp_path, prefix="job2") == [tmp_path / "job2-00000.jsonl"]
    assert write_shards(batches, tmp_path, overwrite=True) == [tmp_path / "part-00000.jsonl"]


@pytest.mark.parametrize("bad_line, reason", [
    ("{not json", "JSONDecodeError"),
    ('{"actors": []}', "KeyError"),
    ('{"document": {"id": "x", "text": "t"}, "actors": [{"id": "a"}]}', "KeyError"),
])
def test_bad_shard_lines_are_named_and_skipped(pipeline, corpus, tmp_path, bad_line, reason):
    good = [pipeline.process(d) for d in read_paths([corpus])][:2]
    shard = tmp_path / "part-00000.jsonl"
    lines = [batch_to_shard_line(good[0]), bad_line, batch_to_shard_line(good[1])]
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    loaded = list(read_shards([tmp_path], on_error=errors.append))
    assert [b.document.id for b in loaded] == [b.document.id for b in good]
    assert len(errors) == 1 and errors[0].where == f"{shard}:2" and reason in str(errors[0])

    code, _, err = run("load", str(tmp_path), "--db", str(tmp_path / "s.db"))
    assert code == 1
    assert f"{shard}:2" in err
    with open_store(tmp_path / "s.db") as store:
        assert store.stats()["documents"] == 2
