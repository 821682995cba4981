#!/usr/bin/env bash
# README command 1: set up, ingest the example articles into ./newsgraph.db, print a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. .venv/bin/activate
newsgraph ingest examples/ --db newsgraph.db
echo
newsgraph stats --db newsgraph.db
echo
newsgraph actors --db newsgraph.db --limit 15
echo
newsgraph statements --db newsgraph.db --polarity deny --limit 10
