"""The web app and the graph exports on both store backends (SQLite file and PostgreSQL)."""
from __future__ import annotations

import networkx as nx
import pytest

from newsgraph.export import export
from newsgraph.serve import create_app, open_readonly
from newsgraph.serve.synthetic import build, generate
from newsgraph.store import open_store

fastapi_testclient = pytest.importorskip("fastapi.testclient")


def test_pages_exports_and_read_only_serving(store_url, tmp_path):
    with open_store(store_url) as store:
        build(store, 30)
    store = open_readonly(store_url)
    try:
        with fastapi_testclient.TestClient(create_app(store)) as client:
            html = {"accept": "text/html"}
            statement = client.get("/api/statements", params={"limit": 1}).json()[0]
            for path in ["/", "/network", "/actors", "/actors/country:ruritania", "/documents/syn-000001",
                         f"/statements/{statement['id']}", "/contradictions", "/search?q=weapons"]:
                assert client.get(path, headers=html).status_code == 200, path
            assert client.get("/actors/country:ruritania/relations.json").json()["relations"]
            assert client.get("/api/search", params={"q": "weapons"}).json()
        (graphml,) = export(store, "graphml", tmp_path / "net.graphml")
        assert nx.read_graphml(graphml).number_of_edges() > 0
        with pytest.raises(Exception, match="(?i)read-only|readonly|query_only|attempt to write"):
            store.write_batches(list(generate(1, seed=99)))
    finally:
        store.close()
