"""Latency of the actor page and its JSON twin on a synthetic 10,000-document store.

A bounded load test on loopback: builds (once, then reuses) a store of generated articles
(newsgraph.serve.synthetic, no spaCy), starts the real server (`newsgraph serve`) on a free
127.0.0.1 port, and sends a fixed number of requests from a few concurrent clients, spread
over the most mentioned actors (the heaviest pages) and a sample of the rest. Prints p50, p95
and max per route as JSON; exits 1 when a p95 is above the target.

    python bench/web_latency.py                       # 10,000 documents, 200 requests per route
    python bench/web_latency.py --documents 2000 --requests 50
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

TARGET_P95_MS = 200.0


def build_store(path: Path, documents: int) -> None:
    from newsgraph.serve.synthetic import build
    from newsgraph.store import open_store

    if path.exists():
        with open_store(path) as store:
            if store.stats()["documents"] == documents:
                return
        path.unlink()
    started = time.perf_counter()
    with open_store(path) as store:
        build(store, documents)
    print(f"built {path} with {documents} documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli.main", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()}")
    proc.terminate()
    raise SystemExit("server did not start within 60 s")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux), to tell work from waiting on a busy machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(base: str, paths: list[str], concurrency: int) -> list[float]:
    def one(client: httpx.Client, path: str) -> float:
        started = time.perf_counter()
        response = client.get(base + path)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code} {response.text[:200]}")
        return elapsed

    with httpx.Client(timeout=30) as client, ThreadPoolExecutor(concurrency) as pool:
        for path in paths[:5]:  # warm-up: connections, caches
            one(client, path)
        return list(pool.map(lambda p: one(client, p), paths))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per route")
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--db", type=Path, default=None, help="store file (built if missing)")
    args = parser.parse_args()
    db = args.db or Path(os.environ.get("TMPDIR", "/tmp")) / f"newsgraph-bench-{args.documents}.db"
    build_store(db, args.documents)

    port = free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        actors = [a["id"] for a in httpx.get(f"{base}/api/actors?limit=200").json()]
        rng = random.Random(1)
        # Half the requests hit the five most mentioned actors (the heaviest pages).
        picks = [actors[i % 5] if i % 2 else rng.choice(actors) for i in range(args.requests)]
        results = {}
        routes = (("actor page", ""), ("actor JSON twin", ".json"),
                  ("actor chart data (drawn after the page)", "/relations.json"))
        for route, suffix in routes:
            cpu_before = cpu_seconds(server.pid)
            times = measure(base, [f"/actors/{a}{suffix}" for a in picks], args.concurrency)
            cpu_ms = (cpu_seconds(server.pid) - cpu_before) * 1000 / (len(times) + 5)
            results[route] = {"requests": len(times), "p50_ms": round(statistics.median(times), 1),
                              "p95_ms": round(percentile(times, 95), 1), "max_ms": round(max(times), 1),
                              "server_cpu_ms_per_request": round(cpu_ms, 1)}
    finally:
        server.terminate()
        server.wait(10)
    report = {"documents": args.documents, "concurrency": args.concurrency, "target_p95_ms": TARGET_P95_MS,
              "load_average_1min": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(), **results}
    print(json.dumps(report, indent=2))
    return 0 if all(results[r]["p95_ms"] < TARGET_P95_MS for r in ("actor page", "actor JSON twin")) else 1


if __name__ == "__main__":
    sys.exit(main())
