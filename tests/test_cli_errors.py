"""Errors from the catalogue reach the user as one line with the place and the reason."""
from __future__ import annotations

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli.main", *args],
                          capture_output=True, text=True, timeout=120)


def test_a_file_that_is_not_a_store(tmp_path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("just some notes, not SQLite\n" * 50, encoding="utf-8")
    result = run("stats", "--db", str(not_a_db))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "notes.db" in result.stderr


def test_unknown_actor_is_a_clear_error(tmp_path):
    db = tmp_path / "empty.db"
    assert run("stats", "--db", str(db)).returncode == 0
    result = run("actor", "Nobody At All", "--db", str(db))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Nobody At All" in result.stderr


def test_unknown_command_is_bad_usage():
    assert run("frobnicate").returncode == 2
