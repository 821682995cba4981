#!/usr/bin/env bash
# README command 2: set up (Python packages; Debian chromium and postgresql when run as root)
# and run the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --system
if [ "${CI:-}" = true ]; then
  # In CI the PostgreSQL and browser tests must run, not skip.
  scripts/ci-postgres.sh
  export NEWSGRAPH_REQUIRE_PG=1 NEWSGRAPH_REQUIRE_BROWSER=1
fi
. .venv/bin/activate
exec python -m pytest "$@"
