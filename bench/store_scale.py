"""How store writes and queries scale with corpus size (no spaCy: generated records).

One store grows through the sizes (default 1k, 10k, 100k documents): the generated articles
(newsgraph.serve.synthetic: fictional states, groups and people, with mentions, statements,
events and links, offsets exact) are written with Store.write_batches, and after each size
the actor, statement, event and relation queries are timed (median of --repeat runs after
one warm-up). The last column block is the growth factor of each query from one size to the
next: below the growth of the corpus means sub-linear.

    python bench/store_scale.py                       # SQLite file in a temporary folder
    python bench/store_scale.py --sizes 1000,10000    # quicker
    python bench/store_scale.py --db postgresql://user@host/empty_db
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from newsgraph import query
from newsgraph.query.relations import relations
from newsgraph.serve.synthetic import cross_links, generate
from newsgraph.store import open_store


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time in milliseconds of fn() after one warm-up run, and its last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def pick_subjects(batches) -> dict[str, str]:
    """The busiest state pair, the busiest speaker and a mid-ranked speaker of the corpus."""
    pairs = Counter(tuple(sorted((e.source, e.target))) for b in batches for e in b.events)
    speakers = Counter(s.speaker for b in batches for s in b.statements if s.speaker.startswith("person:"))
    (a, b), _ = pairs.most_common(1)[0]
    ranked = [s for s, _ in speakers.most_common()]
    return {"a": a, "b": b, "top_speaker": ranked[0], "mid_speaker": ranked[len(ranked) // 2]}


def queries(store, subjects: dict[str, str]) -> dict[str, Callable[[], Any]]:
    a, b = subjects["a"], subjects["b"]
    return {
        "actor detail (latest 50 documents)": lambda: query.actor(store, a, max_documents=50),
        "actors by name": lambda: query.actors(store, name="an", limit=20),
        "statements by speaker": lambda: query.statements(store, speaker=subjects["mid_speaker"], limit=50),
        "statements by busiest speaker": lambda: query.statements(store, speaker=subjects["top_speaker"], limit=50),
        "statements about pair, denials": lambda: query.statements(store, about=b, polarity="deny", limit=50),
        "events between pair": lambda: query.events(store, source=a, target=b, limit=50),
        "relations of pair (monthly)": lambda: relations(store, a, b),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes, increasing")
    parser.add_argument("--db", default=None, help="an EMPTY store URL (default: a temporary SQLite file)")
    parser.add_argument("--people", type=int, default=100, help="people in the generated cast (at most 120)")
    parser.add_argument("--chunk", type=int, default=500, help="documents per write transaction")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", dest="json_out", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))

    batches = list(generate(sizes[-1], seed=11, n_people=args.people))
    subjects = pick_subjects(batches[: sizes[0]])  # present from the smallest size on
    tmp = tempfile.TemporaryDirectory(prefix="newsgraph-bench-")
    db = args.db or str(Path(tmp.name) / "scale.db")
    print(f"store: {db}; subjects: {subjects}", file=sys.stderr)

    results: list[dict[str, Any]] = []
    written = 0
    with open_store(db) as store:
        for size in sizes:
            start = time.perf_counter()
            for i in range(written, size, args.chunk):
                store.write_batches(batches[i:min(i + args.chunk, size)])
            store.write_links(cross_links(batches[:size]))
            write_s = time.perf_counter() - start
            docs_per_s = (size - written) / write_s
            written = size
            row: dict[str, Any] = {"documents": size, "write_docs_per_s": round(docs_per_s, 1),
                                   "stats": store.stats(), "query_ms": {}, "rows": {}}
            for name, fn in queries(store, subjects).items():
                ms, result = timed(fn, args.repeat)
                row["query_ms"][name] = round(ms, 2)
                row["rows"][name] = len(result) if isinstance(result, list) else len(result.get("series", [1]))
            results.append(row)
            print(f"{size} documents written at {docs_per_s:.0f} docs/s; {row['stats']}", file=sys.stderr)
    if db.endswith(".db") and os.path.exists(db):
        print(f"store file: {os.path.getsize(db) / 2**20:.0f} MiB", file=sys.stderr)

    names = list(results[0]["query_ms"])
    header = f"{'query':38}" + "".join(f"{r['documents']:>10,} docs" for r in results)
    header += "".join(f"  x{b['documents'] // a['documents']} growth" for a, b in zip(results, results[1:]))
    print(header)
    for name in names:
        line = f"{name:38}" + "".join(f"{r['query_ms'][name]:>12.1f} ms" for r in results)
        line += "".join(f"{b['query_ms'][name] / a['query_ms'][name]:>11.1f}x   " for a, b in zip(results, results[1:]))
        print(line)
    print(f"{'write throughput':38}" + "".join(f"{r['write_docs_per_s']:>9,.0f} d/s" for r in results))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"subjects": subjects, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
