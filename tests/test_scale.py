"""Runners: every engine yields what the single-process run yields, in input order, and a
failing document is reported without ending the run."""
from __future__ import annotations

import pytest

from newsgraph.errors import ProcessingError, UsageError
from newsgraph.model import Document
from newsgraph.scale import map_documents
from newsgraph.scale.shards import ordered_results, shards

# Fictional wire copy written for these tests.
ARTICLES = [
    "Veldorian Foreign Minister Anna Kessler said on Monday that her government had opened talks "
    "with the Northern Coalition. The coalition denied any contact with Veldoria.",
    "Soldiers from Ostrava crossed the border into Marlen on Tuesday, officials in Marlen said.",
    "The weather in the capital stayed mild all week.",
    "\"We will send medical supplies to the refugees,\" said Tomas Brandt, a spokesman for the Red "
    "Harbour Alliance.",
    "Analysts at the Lindqvist Institute warned that sanctions against Pelagia would hurt farmers.",
    "Kessler told reporters that Veldoria would not recognise the election result in Marlen.",
]

# spaCy refuses texts above nlp.max_length (1,000,000 characters) before parsing them.
TOO_LONG = Document(id="too-long", text="word " * 200_001, origin="big.txt")


def _documents(copies: int = 2) -> list[Document]:
    return [Document(id=f"doc-{i}", text=text, origin=f"art{i}.txt")
            for i, text in enumerate(ARTICLES * copies)]


@pytest.fixture(scope="module")
def single_process():
    errors: list[ProcessingError] = []
    documents = _documents()
    documents.insert(3, TOO_LONG)
    batches = list(map_documents(documents, workers=1, on_error=errors.append))
    return documents, batches, errors


def test_single_process_reports_failure_and_keeps_order(single_process):
    documents, batches, errors = single_process
    assert [b.document.id for b in batches] == [d.id for d in documents if d is not TOO_LONG]
    assert [e.where for e in errors] == ["big.txt"]
    assert "processing failed" in str(errors[0])
    assert any(b.actors for b in batches), "the fixture articles must produce some records"


@pytest.mark.slow
@pytest.mark.parametrize("engine, workers", [("local", 2), ("dask", 2)])
def test_engines_match_single_process(single_process, engine, workers):
    documents, expected, expected_errors = single_process
    errors: list[ProcessingError] = []
    batches = list(map_documents(documents, workers=workers, engine=engine, shard_size=3,
                                 on_error=errors.append))
    assert batches == expected  # records and order
    assert [str(e) for e in errors] == [str(e) for e in expected_errors]


def test_failure_raises_without_on_error():
    with pytest.raises(ProcessingError, match="big.txt"):
        list(map_documents([TOO_LONG], workers=1))


@pytest.mark.parametrize("kwargs, message", [
    ({"engine": "spark"}, "unknown engine"),
    ({"engine": "local", "scheduler": "tcp://127.0.0.1:8786"}, "needs engine 'dask'"),
])
def test_bad_engine_arguments(kwargs, message):
    with pytest.raises(UsageError, match=message):
        list(map_documents(_documents(1), **kwargs))


def test_unreachable_scheduler_is_a_clear_error(monkeypatch):
    from newsgraph.scale import dask_runner

    monkeypatch.setattr(dask_runner, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        list(map_documents(_documents(1), engine="dask", scheduler="tcp://127.0.0.1:9"))


@pytest.mark.parametrize("count, size, lengths", [
    (0, 3, []),
    (1, 3, [1]),
    (6, 3, [3, 3]),
    (7, 3, [3, 3, 1]),
])
def test_shards(count, size, lengths):
    documents = [Document(id=str(i), text="x") for i in range(count)]
    cut = list(shards(iter(documents), size))
    assert [len(c) for c in cut] == lengths
    assert [d for c in cut for d in c] == documents


class _SlowFuture:
    """A future whose result is only available after later ones were submitted."""

    def __init__(self, value, log):
        self.value, self.log = value, log

    def result(self):
        self.log.append(("result", self.value))
        return self.value


def test_ordered_results_bounds_in_flight_and_keeps_order():
    log: list[tuple[str, int]] = []
    chunks = [[Document(id=str(i), text="x")] for i in range(5)]

    def submit(chunk):
        log.append(("submit", int(chunk[0].id)))
        return _SlowFuture(int(chunk[0].id), log)

    out = [future.result() for _, future in ordered_results(chunks, submit, max_in_flight=2)]
    assert out == [0, 1, 2, 3, 4]
    # never more than two submitted and not yet collected
    outstanding = peak = 0
    for kind, _ in log:
        outstanding += 1 if kind == "submit" else -1
        peak = max(peak, outstanding)
    assert peak <= 2


@pytest.mark.slow
def test_a_worker_that_dies_costs_only_its_own_shard():
    """The pool replaces itself; shards that were merely in flight are run again."""
    from newsgraph.scale.pool import map_pool
    from newsgraph.scale.runner import _unpack
    from scale_helpers import crashing_shard_function

    documents = _documents(2)
    documents.insert(5, Document(id="crash", text="A text whose worker dies.", origin="crash.txt"))
    errors: list[ProcessingError] = []
    results = map_pool(iter(documents), workers=2, shard_size=2, batch_size=8, model=None, aliases=None,
                       function=crashing_shard_function)
    batches = [b for shard, future in results for b in _unpack(shard, future, errors.append)]
    crashed_shard = {"doc-4", "crash"}  # shard_size 2: the crash shares its shard with doc-4
    assert [b.document.id for b in batches] == [d.id for d in documents if d.id not in crashed_shard]
    assert sorted(e.where for e in errors) == ["art4.txt", "crash.txt"]
    assert all("worker failed" in str(e) for e in errors)


def _worker_settings():
    import os

    import dask
    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"), \
        dask.config.get("distributed.worker.profile.enabled")


@pytest.mark.slow
def test_local_dask_workers_keep_glibc_defaults_and_no_profiler():
    """Dask's nanny sets a glibc trim threshold that costs spaCy 15% of its speed: not here."""
    from newsgraph.scale.dask_runner import dask_client

    with dask_client(1, None) as client:
        settings = list(client.run(_worker_settings).values())
    assert settings == [(None, "1", False)]
