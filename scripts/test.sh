#!/usr/bin/env bash
# README command 2: set up (Python packages; Debian chromium and postgresql when run as root)
# and run the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --system
. .venv/bin/activate
exec python -m pytest "$@"
