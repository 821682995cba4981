#!/usr/bin/env bash
# CI: make sure a PostgreSQL server can run here for the PostgreSQL store tests.
#
# Installs the Debian package `postgresql` when initdb is missing (needs root and apt-get),
# then starts a throwaway cluster on 127.0.0.1 the way the tests do (tests/pg.py: initdb in a
# temporary directory, pg_ctl start on a free port, as the `postgres` user when run as root),
# runs one query and removes it again. Exit 0 when PostgreSQL works, 1 otherwise.
#
# Afterwards run the tests with NEWSGRAPH_REQUIRE_PG=1 so that PostgreSQL tests fail instead
# of skipping if the server cannot start; or set NEWSGRAPH_TEST_PG=postgresql://... to use an
# existing server instead of throwaway clusters.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "ci-postgres: installing the Debian package postgresql" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "ci-postgres: initdb not found and cannot install it (needs root and apt-get)" >&2
    exit 1
  fi
fi

PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
"$PY" - <<'PYCODE'
import sys

sys.path.insert(0, "tests")
from pg import TempPostgres  # noqa: E402

import psycopg  # noqa: E402

server = TempPostgres()
try:
    url = server.start()
    with psycopg.connect(url, connect_timeout=10) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
    print(f"ci-postgres: PostgreSQL {version} runs on 127.0.0.1:{server.port} (throwaway cluster, removed)")
except Exception as exc:  # noqa: BLE001 - any failure means the tests cannot use PostgreSQL
    print(f"ci-postgres: PostgreSQL does not work here: {exc}", file=sys.stderr)
    sys.exit(1)
finally:
    server.stop()
PYCODE
