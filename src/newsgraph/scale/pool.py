"""The local engine with several workers: a process pool, one spaCy model per process."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from ..model import Document
from .shards import ordered_results, shards
from .worker import SINGLE_THREAD_ENV, ShardResult, init_worker, pipeline_token, process_shard


@contextmanager
def single_thread_env() -> Iterator[None]:
    """Set OMP_NUM_THREADS=1 (and friends) while worker processes are spawned.

    A spawned child imports numpy before any initializer could run, so the variables must be
    in its environment from the start; the user's own values are kept.
    """
    saved = {name: os.environ.get(name) for name in SINGLE_THREAD_ENV}
    for name, value in SINGLE_THREAD_ENV.items():
        os.environ.setdefault(name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _Pool:
    """A process pool that replaces itself when a worker process dies.

    When a worker dies (killed for memory, a crash in native code), the executor fails every
    shard it holds. Each such shard is run once more on a fresh pool; only a shard that fails
    again is reported (its documents go to on_error), so one poisonous document costs its own
    shard and not the neighbours that happened to be in flight.
    """

    def __init__(self, workers: int, model: str | None, aliases: Any, token: str, batch_size: int,
                 function: Callable[..., ShardResult]):
        self.workers, self.model, self.aliases, self.token = workers, model, aliases, token
        self.batch_size, self.function = batch_size, function
        # "spawn": a fresh interpreter per worker; forking a parent that may hold threads
        # (a web server, a progress bar) is unsafe.
        self.context = multiprocessing.get_context("spawn")
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context, initializer=init_worker,
                                   initargs=(self.model, self.aliases, self.token))

    def _submit_once(self, chunk: list[Document]) -> Future[ShardResult]:
        return self.executor.submit(self.function, chunk, self.model, self.aliases, self.token, self.batch_size)

    def restart_if_broken(self, executor: ProcessPoolExecutor) -> None:
        """Replace `executor` by a fresh pool, unless that happened already."""
        if executor is self.executor:
            executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._new_executor()

    def submit_fresh(self, chunk: list[Document]) -> tuple[ProcessPoolExecutor, Future[ShardResult]]:
        """Submit to the current pool, replacing it first if it turns out to be broken."""
        executor = self.executor
        try:
            return executor, self._submit_once(chunk)
        except BrokenProcessPool:
            self.restart_if_broken(executor)
            return self.executor, self._submit_once(chunk)

    def submit(self, chunk: list[Document]) -> "_RetriedFuture":
        executor, future = self.submit_fresh(chunk)
        return _RetriedFuture(self, chunk, executor, future)

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class _RetriedFuture:
    def __init__(self, pool: _Pool, chunk: list[Document], executor: ProcessPoolExecutor,
                 future: Future[ShardResult]):
        self.pool, self.chunk, self.executor, self.future = pool, chunk, executor, future

    def result(self) -> ShardResult:
        try:
            return self.future.result()
        except BrokenProcessPool:
            self.pool.restart_if_broken(self.executor)
        executor, future = self.pool.submit_fresh(self.chunk)  # the one retry
        try:
            return future.result()
        except BrokenProcessPool:  # the shard itself kills workers: the runner reports it
            self.pool.restart_if_broken(executor)
            raise


def map_pool(documents: Iterable[Document], *, workers: int, shard_size: int, batch_size: int,
             model: str | None, aliases: Any,
             function: Callable[..., ShardResult] = process_shard) -> Iterator[tuple[list[Document], Any]]:
    """Yield (shard, future of ShardResult) in input order from a pool of `workers` processes.

    `function` is the shard function (process_shard; tests pass one that crashes).
    """
    token = pipeline_token(model, aliases)
    with single_thread_env():
        pool = _Pool(workers, model, aliases, token, batch_size, function)
        try:
            yield from ordered_results(shards(documents, shard_size), pool.submit, max_in_flight=2 * workers)
        finally:
            # A consumer that stops early (broken pipe, Ctrl-C) leaves no work running.
            pool.shutdown()
