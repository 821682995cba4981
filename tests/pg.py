"""A throwaway PostgreSQL server for tests, and fixtures that give each test a fresh database.

Where NEWSGRAPH_TEST_PG is set (a URL such as postgresql://user@host:5432/postgres) that
server is used. Otherwise a private cluster is created with the Debian package's initdb in a
temporary directory, listening on 127.0.0.1 on a free port, and removed at the end of the
session. Without either, PostgreSQL tests skip, unless NEWSGRAPH_REQUIRE_PG=1 (CI), where
they fail instead so that a broken installation cannot pass unnoticed.

Use it from a test module with ``from pg import pg_url, pg_database  # noqa: F401`` or
through the ``store_url`` fixture in conftest_pg.py.
"""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Callable, Iterator

import pytest

_counter = itertools.count()


def _find_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TempPostgres:
    """initdb + pg_ctl start in a temporary directory; stop() removes everything."""

    def __init__(self) -> None:
        self.initdb = _find_binary("initdb")
        self.pg_ctl = _find_binary("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise RuntimeError("initdb/pg_ctl not found (apt-get install postgresql)")
        self.root = Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.started = False
        # PostgreSQL refuses to run as root; as root, run the server as the Debian
        # package's "postgres" system user.
        self.run_as: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("running as root and no 'postgres' user to run the server") from exc
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self.run_as = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        completed = subprocess.run([*self.run_as, *args], capture_output=True, text=True, timeout=120)
        if completed.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed: {completed.stderr.strip()} {tail}")

    def start(self) -> str:
        self._run(self.initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
        self._run(self.pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.root / "server.log"),
                  "-w", "-t", "60", "start")
        self.started = True
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            if self.started:
                self._run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _unavailable(reason: str):
    if os.environ.get("NEWSGRAPH_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL required (NEWSGRAPH_REQUIRE_PG=1) but unavailable: {reason}")
    pytest.skip(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of a PostgreSQL server's maintenance database, for the whole test session."""
    given = os.environ.get("NEWSGRAPH_TEST_PG")
    if given:
        yield given
        return
    try:
        server = TempPostgres()
    except (RuntimeError, OSError) as exc:
        _unavailable(str(exc))
        return
    try:
        url = server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        _unavailable(str(exc))
        return
    try:
        yield url
    finally:
        server.stop()


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _admin_execute(url: str, sql: str) -> None:
    import psycopg

    from sqlalchemy.engine import make_url

    parts = make_url(url)
    with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, password=parts.password,
                         dbname=parts.database or "postgres", autocommit=True) as conn:
        conn.execute(sql)


def create_database(url: str) -> tuple[str, Callable[[], None]]:
    """A fresh, empty database on the server at `url`: its URL and a function that drops it."""
    name = f"newsgraph_test_{os.getpid()}_{next(_counter)}"
    _admin_execute(url, f'CREATE DATABASE "{name}"')
    return _with_database(url, name), lambda: _admin_execute(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture()
def pg_database(pg_url: str) -> Iterator[str]:
    """A fresh, empty database on the test server (dropped afterwards); yields its URL."""
    url, drop = create_database(pg_url)
    try:
        yield url
    finally:
        drop()
