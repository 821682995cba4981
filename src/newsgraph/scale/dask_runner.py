"""The Dask engine: the same shard function mapped over a Dask cluster.

By default a LocalCluster of `workers` processes (one thread each) is started for the run and
stopped after it; with a scheduler address the run uses that cluster as it is, and its workers
need newsgraph and the spaCy model installed. Documents travel to the workers inside the
tasks, so workers need no access to the input files or to the store.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from ..errors import UsageError
from ..model import Document
from .shards import ordered_results, shards
from .worker import SINGLE_THREAD_ENV, pipeline_token, process_shard

# How long to wait for a remote scheduler before giving up with a clear error.
CONNECT_TIMEOUT = "20s"

# glibc's trim threshold that Dask's nanny sets in every worker's environment by default. Setting
# it also freezes glibc's mmap threshold at 128 KiB, so each of spaCy's larger numpy buffers is
# mmap'ed, page-faulted and unmapped again: measured, a worker parsed 15-17% fewer documents
# per CPU-second than a plain process. Local workers start without it.
_TRIM_VARIABLE = "MALLOC_TRIM_THRESHOLD_"


def local_worker_config() -> dict[str, Any]:
    """Dask settings for the workers of a LocalCluster started for one run.

    The nanny's usual environment without the trim threshold, plus one thread per native pool;
    and no statistical profiler, which samples the task thread's stack every few milliseconds.
    Given as configuration (not environment variables): the nanny hands its own configuration
    to the worker processes it spawns.
    """
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    environ.pop(_TRIM_VARIABLE, None)
    environ.update(SINGLE_THREAD_ENV)
    return {"distributed.nanny.pre-spawn-environ": environ,
            "distributed.worker.profile.enabled": False}


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A distributed.Client: on a new LocalCluster, or connected to `scheduler`."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise UsageError("engine 'dask' needs the distributed package",
                         hint="pip install 'dask[distributed]'") from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                             hint="check the address (tcp://HOST:8786) and that the scheduler runs") from exc
        try:
            yield client
        finally:
            client.close()
        return
    import dask

    with dask.config.set(local_worker_config()):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()


def map_dask(documents: Iterable[Document], *, workers: int, scheduler: str | None, shard_size: int,
             batch_size: int, model: str | None, aliases: Any) -> Iterator[tuple[list[Document], Any]]:
    """Yield (shard, future of ShardResult) in input order from a Dask cluster."""
    token = pipeline_token(model, aliases)
    with dask_client(workers, scheduler) as client:
        slots = max(1, sum(client.nthreads().values()))

        def submit(chunk: list[Document]):
            # pure=False: two identical shards are still two tasks (the input may repeat).
            return client.submit(process_shard, chunk, model, aliases, token, batch_size, pure=False)

        # A deeper queue than the process pool's: the scheduler places a task on a worker when
        # it is submitted, and with only a couple queued per worker one worker can sit idle
        # while another still holds work (measured: 1.4x instead of 1.7x on 2 workers).
        yield from ordered_results(shards(documents, shard_size), submit, max_in_flight=8 * slots)
