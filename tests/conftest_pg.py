"""Fixtures that run store tests against both backends (registered in conftest.py).

    def test_something(store_url):          # runs twice: SQLite file, then PostgreSQL
        store = open_store(store_url)

PostgreSQL comes from tests/pg.py: NEWSGRAPH_TEST_PG, or a throwaway local cluster; where
neither is available the PostgreSQL half skips (fails under NEWSGRAPH_REQUIRE_PG=1).
"""
from __future__ import annotations

import pytest

from pg import create_database, pg_database, pg_url  # noqa: F401 - re-exported fixtures

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    """A URL of an empty store, once per backend."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_database")


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_url(request, tmp_path_factory) -> str:
    """Like store_url, shared by the tests of one module (for module-scoped stores)."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("store") / "store.db")
    url, drop = create_database(request.getfixturevalue("pg_url"))
    request.addfinalizer(drop)
    return url
