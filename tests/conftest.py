"""Shared fixtures. Tests that read ../shared skip cleanly where it is absent (a user's clone)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# store_url (SQLite and PostgreSQL), pg_url, pg_database: see conftest_pg.py and pg.py
pytest_plugins = ["conftest_pg"]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_340357e2fa8eab47.txt"
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def pipeline():
    """One spaCy-backed Pipeline for the whole test session (loading costs ~1 s)."""
    from newsgraph import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not available at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_batch(pipeline, seed_text):
    from newsgraph.read import read_path

    (document,) = list(read_path(SEED))
    return pipeline.process(document)


def shared_file(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
