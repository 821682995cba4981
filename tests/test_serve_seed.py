"""The web UI over the seed article run through the real pipeline: every page answers."""
from __future__ import annotations

import pytest

from newsgraph.serve import create_app
from newsgraph.store import open_store

fastapi_testclient = pytest.importorskip("fastapi.testclient")


@pytest.fixture(scope="module")
def client(seed_batch, tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("seed") / "seed.db")
    store.write_batches([seed_batch])
    with fastapi_testclient.TestClient(create_app(store)) as test_client:
        yield test_client
    store.close()


def test_every_page_of_the_seed_answers(client, seed_batch):
    html = {"accept": "text/html"}
    paths = ["/", "/network", "/actors", "/documents", "/contradictions", "/search?q=Taliban",
             f"/documents/{seed_batch.document.id}"]
    paths += [f"/actors/{a.id}" for a in seed_batch.actors[:15]]
    paths += [f"/statements/{s.id}" for s in seed_batch.statements]
    for path in paths:
        assert client.get(path, headers=html).status_code == 200, path
        base, _, query = path.partition("?")
        twin = ("/index.json" if base == "/" else base + ".json") + (f"?{query}" if query else "")
        assert client.get(twin).status_code == 200, twin


def test_the_seed_article_is_highlighted(client, seed_batch):
    page = client.get(f"/documents/{seed_batch.document.id}", headers={"accept": "text/html"}).text
    assert page.count('class="hl-actor') >= 5
    if seed_batch.statements:
        assert "hl-statement" in page
    taliban = client.get("/api/actors/Taliban")
    assert taliban.status_code == 200 and taliban.json()["mentions"] > 0
