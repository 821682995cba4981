"""Issue 2, acceptance 4: a directory mixing good files with each kind of bad input ingests the
good ones, names each bad one on stderr, and exits 1."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys

GOOD_ARTICLE = (
    "Ministers Meet In Lisbon\n\nby Ana Reis\n\n"
    "Portugal's foreign minister met his Spanish counterpart in Lisbon on Monday. "
    "\"We agreed to work together on border controls,\" the minister said after the talks.\n"
)


def make_inputs(root):
    good = root / "good"
    good.mkdir()
    (good / "one.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (good / "two.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD_ARTICLE.replace("Lisbon", "Porto")}) + "\n"
        + "{this is not json\n"
        + json.dumps({"id": "j2", "text": GOOD_ARTICLE.replace("Monday", "Tuesday")}) + "\n",
        encoding="utf-8")
    bad = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02\x89PNG\x00\x00garbage" * 20,
        "undecodable.txt": "Café in Lisbon said nothing. ".encode("utf-16")[2:] + b"\xff\xfe\x00\xd8",
        "broken.xml": b"<?xml version='1.0'?><rss><channel><item><title>Half",
        "oversized.txt": b"Word " * 5000,
    }
    for name, data in bad.items():
        (root / name).write_bytes(data)
    payload = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + b"x" * 4000)
    (root / "truncated.warc.gz").write_bytes(payload[: len(payload) // 2])
    return ["empty.txt", "binary.txt", "undecodable.txt", "broken.xml", "oversized.txt",
            "truncated.warc.gz", "two.jsonl:2"]


def test_mixed_directory(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected_bad = make_inputs(inputs)
    db = tmp_path / "store.db"
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli.main", "ingest", str(inputs), "--db", str(db),
         "--max-bytes", "20000"],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr
    for name in expected_bad:
        assert name in result.stderr, f"{name} not named on stderr:\n{result.stderr}"
    stats = subprocess.run([sys.executable, "-m", "newsgraph.cli.main", "stats", "--db", str(db), "--json"],
                           capture_output=True, text=True, timeout=300)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["documents"] == 3  # one.txt, j1, j2
