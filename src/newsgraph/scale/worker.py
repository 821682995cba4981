"""What runs inside a worker process: the pure per-document function applied to one shard.

The same function serves the local process pool and Dask workers. A worker builds its spaCy
pipeline once (cached per process by model name and aliases) and reuses it for every shard it
is given. Errors cannot be passed to a callback in another process, so a shard returns them as
plain (where, message) pairs next to its Batches.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import resource
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

from ..errors import ProcessingError
from ..model import Batch, Document

# Native thread pools (OpenMP, BLAS) read these when they initialise: one thread per worker
# process, so that N workers use N cores instead of fighting over them.
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}

_PIPELINES: dict[str, Any] = {}


@dataclass
class ShardResult:
    """The outcome of one shard: Batches in input order and the documents that failed."""

    batches: list[Batch] = field(default_factory=list)
    errors: list[tuple[str | None, str]] = field(default_factory=list)  # (where, message)
    pid: int = 0
    peak_rss_bytes: int = 0
    cpu_seconds: float = 0.0  # CPU time this process spent on the shard (for benchmarks)


def pipeline_token(model: str | None, aliases: Any) -> str:
    """A key naming one pipeline configuration, so a worker builds each one only once."""
    return hashlib.sha1(pickle.dumps((model, aliases))).hexdigest()


def pipeline_for(model: str | None, aliases: Any, token: str | None = None):
    """This process's Pipeline for (model, aliases), built on first use."""
    key = token or pipeline_token(model, aliases)
    if key not in _PIPELINES:
        from ..pipeline import Pipeline

        _PIPELINES[key] = Pipeline(model=model, aliases=aliases)
    return _PIPELINES[key]


def peak_rss_bytes() -> int:
    """Peak resident memory of this process so far.

    Linux: VmHWM of /proc/self/status, the peak of this process's own address space;
    getrusage's ru_maxrss would also count the parent's memory at fork, which survives the
    exec of a spawned worker.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def limit_native_threads() -> None:
    """Hold native thread pools that are already initialised to one thread."""
    os.environ.update(SINGLE_THREAD_ENV)
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # optional: the environment variables cover fresh processes
        return
    threadpool_limits(1)


def init_worker(model: str | None, aliases: Any, token: str) -> None:
    """Process-pool initializer: one thread, and the model loaded before the first shard."""
    limit_native_threads()
    pipeline_for(model, aliases, token)


def process_shard(documents: Sequence[Document], model: str | None, aliases: Any,
                  token: str | None = None, batch_size: int = 32) -> ShardResult:
    """Run the pipeline over one shard; a failing document is recorded, the shard goes on."""
    result = ShardResult(pid=os.getpid())
    pipeline = pipeline_for(model, aliases, token)
    cpu_start = time.process_time()

    def record(error: ProcessingError) -> None:
        result.errors.append((error.where, error.message))

    try:
        result.batches = list(pipeline.process_many(documents, batch_size=batch_size, on_error=record))
    except Exception:  # noqa: BLE001 - an error escaped batch parsing (e.g. a text over
        # spaCy's max_length); redo the shard one document at a time to isolate it.
        result.batches, result.errors = [], []
        for document in documents:
            try:
                result.batches.append(pipeline.process(document))
            except Exception as exc:  # noqa: BLE001 - reported, the shard goes on
                record(ProcessingError(f"processing failed: {type(exc).__name__}: {exc}",
                                       where=document.origin or document.id))
    result.peak_rss_bytes = peak_rss_bytes()
    result.cpu_seconds = time.process_time() - cpu_start
    return result
