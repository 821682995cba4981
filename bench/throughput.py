"""Extraction throughput against raw spaCy parsing, and how it scales with workers.

1. extract vs raw parse: `newsgraph extract`'s work (map_documents in this process, then the
   contract JSON of each article) against `nlp.pipe` of the bare spaCy pipeline over the
   same texts, for examples/ and for the seed article (skipped where ../shared is absent).
   The texts are repeated (--docs, --seed-docs) for a stable measurement.
2. Process pool: 1 worker (this process) against --workers N processes.
3. Dask: a LocalCluster of 1 worker against one of N workers (--no-dask to skip).

Throughput is measured in steady state: each parallel run first processes warm-up documents
(enough for every worker to load its model and finish a shard) and the clock starts when they
are back, so start-up costs (process spawn, model load: a few seconds, paid once per worker)
are reported apart. Peak memory is the resident set of each worker process.

    python bench/throughput.py                   # about two minutes on 2 cores
    python bench/throughput.py --docs 100 --no-dask --json out.json
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
SEED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "seed" / "000_340357e2fa8eab47.txt"

from newsgraph import settings  # noqa: E402
from newsgraph.model import Document, batch_to_dict  # noqa: E402
from newsgraph.read import read_paths  # noqa: E402
from newsgraph.scale import map_documents  # noqa: E402
from newsgraph.scale.worker import peak_rss_bytes  # noqa: E402

MiB = 2**20


def corpus(paths: list[Path], count: int) -> list[Document]:
    """`count` documents cycling through the articles read from `paths`, each with its own id."""
    originals = list(read_paths(paths, on_error=lambda e: print(f"skipped: {e}", file=sys.stderr)))
    if not originals:
        raise SystemExit(f"no articles read from {paths}")
    return [replace(originals[i % len(originals)], id=f"{originals[i % len(originals)].id}#{i}")
            for i in range(count)]


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


class Clock:
    """Wall and CPU time of this process between start() and stop()."""

    def start(self) -> "Clock":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def stop(self, count: int) -> dict[str, float]:
        wall, cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu
        return {"docs_per_s": rate(count, wall), "docs_per_cpu_s": rate(count, cpu)}


def time_raw(documents: list[Document], batch_size: int) -> dict[str, float]:
    """Documents per second (wall and CPU) of the bare spaCy pipeline (no newsgraph components)."""
    import spacy

    nlp = spacy.load(settings.get("model"))
    texts = [d.text for d in documents]
    for _ in nlp.pipe(texts[:8], batch_size=batch_size):  # warm-up
        pass
    clock = Clock().start()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return clock.stop(len(texts))


def time_extract(documents: list[Document], batch_size: int) -> dict[str, float]:
    """Documents per second (wall and CPU) of what `newsgraph extract --format jsonl` does."""
    for batch in map_documents(documents[:8], batch_size=batch_size):  # warm-up: model load
        json.dumps(batch_to_dict(batch))
    clock = Clock().start()
    for batch in map_documents(documents, batch_size=batch_size):
        json.dumps(batch_to_dict(batch), ensure_ascii=False)
    return clock.stop(len(documents))


def time_parallel(results: Iterator[tuple[list[Document], Any]], warmup: int, total: int) -> dict[str, Any]:
    """Steady-state rate from (shard, future) pairs; the clock starts after `warmup` documents."""
    begin = time.perf_counter()
    seen, start, memory, cpu = 0, None, {}, 0.0
    for shard, future in results:
        result = future.result()
        memory[result.pid] = max(memory.get(result.pid, 0), result.peak_rss_bytes)
        seen += len(shard)
        if start is not None:
            cpu += result.cpu_seconds
        elif seen >= warmup:
            start, counted_from = time.perf_counter(), seen
            startup = start - begin
    end = time.perf_counter()
    assert seen == total and start is not None
    # docs_per_cpu_s: documents per CPU-second spent in the workers (shards finished after
    # the clock started), the per-core efficiency whatever else runs on the machine.
    return {"docs_per_s": rate(seen - counted_from, end - start), "startup_s": startup,
            "docs_per_cpu_s": rate(seen - counted_from, cpu),
            "peak_rss_mib_per_worker": sorted(round(v / MiB) for v in memory.values())}


def pool_run(documents: list[Document], workers: int, shard_size: int, batch_size: int) -> dict[str, Any]:
    from newsgraph.scale.pool import map_pool

    warmup = 2 * workers * shard_size
    docs = documents[:warmup] + documents
    results = map_pool(iter(docs), workers=workers, shard_size=shard_size, batch_size=batch_size,
                       model=settings.get("model"), aliases=None)
    return time_parallel(results, warmup, len(docs))


def dask_run(documents: list[Document], workers: int, shard_size: int, batch_size: int) -> dict[str, Any]:
    from newsgraph.scale.dask_runner import map_dask

    warmup = 2 * workers * shard_size
    docs = documents[:warmup] + documents
    results = map_dask(iter(docs), workers=workers, scheduler=None, shard_size=shard_size,
                       batch_size=batch_size, model=settings.get("model"), aliases=None)
    return time_parallel(results, warmup, len(docs))


def single_run(documents: list[Document], batch_size: int) -> dict[str, Any]:
    """One worker: this process, the same shard function (the default `--workers 1` path)."""
    figures = time_extract(documents, batch_size)
    return figures | {"startup_s": None, "peak_rss_mib_per_worker": [round(peak_rss_bytes() / MiB)]}


def line(label: str, value: str) -> None:
    print(f"  {label:46} {value}")


def measure(name: str, fn: Callable[[], Any]) -> Any:
    print(f"... {name}", file=sys.stderr, flush=True)
    return fn()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200, help="documents built from examples/ (repeated)")
    parser.add_argument("--seed-docs", type=int, default=40, help="copies of the seed article")
    parser.add_argument("--workers", type=int, default=2, help="workers to compare with one")
    parser.add_argument("--shard-size", type=int, default=8)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--parts", default="extract,pool,dask", help="optional parts to run: extract, dask (the pool comparison always runs)")
    parser.add_argument("--json", dest="json_out", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    parts = set(args.parts.split(",")) - ({"dask"} if args.no_dask else set())
    figures: dict[str, Any] = {"cpus": os.cpu_count(), "load_before": os.getloadavg()}
    print(f"newsgraph throughput on {os.cpu_count()} CPUs; load average before: "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}")

    sets = {"examples": corpus([ROOT / "examples"], args.docs)}
    if SEED.exists():
        sets["seed"] = corpus([SEED], args.seed_docs)
    else:
        print(f"  (seed article not found at {SEED}: skipped)")

    if "extract" in parts:
        print("\n1. extract vs raw spaCy parse (one process)")
    for name, documents in sets.items() if "extract" in parts else ():
        chars = sum(len(d.text) for d in documents)
        raw = measure(f"raw nlp.pipe on {name}", lambda: time_raw(documents, args.batch_size))
        extract = measure(f"extract on {name}", lambda: time_extract(documents, args.batch_size))
        ratio = extract["docs_per_s"] / raw["docs_per_s"]
        cpu_ratio = extract["docs_per_cpu_s"] / raw["docs_per_cpu_s"]
        figures[name] = {"documents": len(documents), "chars": chars, "raw": raw, "extract": extract,
                         "ratio": ratio, "cpu_ratio": cpu_ratio}
        line(f"{name}: {len(documents)} docs, {chars / len(documents):,.0f} chars avg",
             f"raw {raw['docs_per_s']:6.1f} docs/s   extract {extract['docs_per_s']:6.1f} docs/s   "
             f"ratio {ratio:.2f}x (per CPU-second: {cpu_ratio:.2f}x)")

    documents = sets["examples"]
    print(f"\n2. process pool on examples ({len(documents)} docs, steady state)")
    one = measure("1 worker", lambda: single_run(documents, args.batch_size))
    many = measure(f"{args.workers} workers", lambda: pool_run(documents, args.workers, args.shard_size,
                                                               args.batch_size))
    figures["pool"] = {"1": one, str(args.workers): many, "speedup": many["docs_per_s"] / one["docs_per_s"],
                       "cpu_efficiency": many["docs_per_cpu_s"] / one["docs_per_cpu_s"]}
    line("1 worker (in process)", f"{one['docs_per_s']:6.1f} docs/s   {one['docs_per_cpu_s']:5.1f} docs/CPU-s")
    line(f"{args.workers} workers", f"{many['docs_per_s']:6.1f} docs/s   {many['docs_per_cpu_s']:5.1f} docs/CPU-s   "
         f"speedup {figures['pool']['speedup']:.2f}x   start-up {many['startup_s']:.1f} s   "
         f"peak RSS per worker {many['peak_rss_mib_per_worker']} MiB")
    line("  per-core efficiency of a worker vs 1 process", f"{figures['pool']['cpu_efficiency']:.2f}")

    if "dask" in parts:
        print(f"\n3. Dask LocalCluster on examples ({len(documents)} docs, steady state)")
        d1 = measure("dask 1 worker", lambda: dask_run(documents, 1, args.shard_size, args.batch_size))
        dn = measure(f"dask {args.workers} workers",
                     lambda: dask_run(documents, args.workers, args.shard_size, args.batch_size))
        figures["dask"] = {"1": d1, str(args.workers): dn, "speedup": dn["docs_per_s"] / d1["docs_per_s"],
                           "vs_single_process": dn["docs_per_s"] / one["docs_per_s"],
                           "cpu_efficiency": dn["docs_per_cpu_s"] / one["docs_per_cpu_s"]}
        line("1 worker", f"{d1['docs_per_s']:6.1f} docs/s   {d1['docs_per_cpu_s']:5.1f} docs/CPU-s   "
             f"peak RSS {d1['peak_rss_mib_per_worker']} MiB")
        line(f"{args.workers} workers", f"{dn['docs_per_s']:6.1f} docs/s   speedup {figures['dask']['speedup']:.2f}x "
             f"(vs single process {figures['dask']['vs_single_process']:.2f}x)   "
             f"peak RSS per worker {dn['peak_rss_mib_per_worker']} MiB")
        line("  per-core efficiency of a worker vs 1 process", f"{figures['dask']['cpu_efficiency']:.2f}")

    figures["load_after"] = os.getloadavg()
    print(f"\nload average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())} "
          "(above ~0.5 before the run, other processes shared the CPUs: speed-ups read low)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
