"""map_documents(): the one entry point the CLI uses to run the pipeline over documents."""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from .. import settings
from ..errors import ProcessingError, UsageError
from ..model import Batch, Document
from .shards import shards
from .worker import ShardResult, pipeline_token, process_shard

ENGINES = ("local", "dask")

# Documents per task sent to a worker. Small enough that the last tasks of a run keep every
# worker busy; large enough that shipping a task costs little next to parsing it.
DEFAULT_SHARD_SIZE = 8


def map_documents(documents: Iterable[Document], *, workers: int = 1, engine: str = "local",
                  scheduler: str | None = None, batch_size: int = 32,
                  model: str | None = None, aliases: Any = None,
                  on_error: Callable[[ProcessingError], None] | None = None,
                  shard_size: int | None = None) -> Iterator[Batch]:
    """Process documents and yield their Batches in input order.

    engine "local" with workers=1 runs in this process; more workers use a process pool
    (one model per process, one native thread each); engine "dask" maps shards over a Dask
    cluster: a LocalCluster of `workers` processes, or the cluster at `scheduler`. Every engine
    yields exactly what the single-process run yields, in the same order. A document that
    fails to process goes to on_error (raises when None) and the run goes on.
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}", hint=f"choose one of: {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise UsageError("a scheduler address needs engine 'dask'", hint="add --engine dask")
    workers = max(1, int(workers or 1))
    model = settings.get("model", model)
    if engine == "local" and workers == 1:
        # The same shard function as the workers run, in this process: same results, same errors.
        token = pipeline_token(model, aliases)
        for shard in shards(documents, batch_size):
            yield from _unpack(shard, _Done(process_shard(shard, model, aliases, token, batch_size)), on_error)
        return

    size = shard_size or min(batch_size, DEFAULT_SHARD_SIZE)
    if engine == "dask":
        from .dask_runner import map_dask

        results = map_dask(documents, workers=workers, scheduler=scheduler, shard_size=size,
                           batch_size=batch_size, model=model, aliases=aliases)
    else:
        from .pool import map_pool

        results = map_pool(documents, workers=workers, shard_size=size, batch_size=batch_size,
                           model=model, aliases=aliases)
    for shard, future in results:
        yield from _unpack(shard, future, on_error)


class _Done:
    """An already computed result, shaped like a future."""

    def __init__(self, value: ShardResult):
        self.value = value

    def result(self) -> ShardResult:
        return self.value


def _report(error: ProcessingError, on_error: Callable[[ProcessingError], None] | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


def _unpack(shard: list[Document], future: Any,
            on_error: Callable[[ProcessingError], None] | None) -> Iterator[Batch]:
    """The Batches of one finished shard; its failures go to on_error."""
    try:
        result = future.result()
    except Exception as exc:  # noqa: BLE001 - a worker died or the task could not run
        reason = f"worker failed on this shard: {type(exc).__name__}: {exc}"
        for document in shard:
            _report(ProcessingError(reason, where=document.origin or document.id), on_error)
        return
    for where, message in result.errors:
        _report(ProcessingError(message, where=where), on_error)
    yield from result.batches
