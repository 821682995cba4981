"""The web app over a real SQLite store: pages, .json twins, the API, limits and the error shape."""
from __future__ import annotations

import re

import pytest

from newsgraph.model import Actor, Batch, Document, Mention, Statement
from newsgraph.model.ids import statement_id
from newsgraph.serve import Limits, create_app, open_readonly
from newsgraph.serve.synthetic import build
from newsgraph.store import open_store

fastapi_testclient = pytest.importorskip("fastapi.testclient")

HOSTILE_TEXT = ('Officials in Ruritania said <script>alert("owned")</script> was found on the ministry site. '
                'Anna Petrova said the <img src=x onerror=alert(1)> tag was harmless.')


def hostile_batch() -> Batch:
    """An article whose text and title carry markup, with a statement inside the markup."""
    doc_id = "hostile-1"
    start = HOSTILE_TEXT.index("the <img")
    end = HOSTILE_TEXT.index(" was harmless") + len(" was harmless")
    speaker = HOSTILE_TEXT.index("Anna Petrova")
    stmt = Statement(id=statement_id(doc_id, (start, end)), document_id=doc_id, content=HOSTILE_TEXT[start:end],
                     content_span=(start, end), speaker="person:anna-petrova-h", speaker_text="Anna Petrova",
                     speaker_span=(speaker, speaker + 12), cue="say", polarity="assert")
    ru = HOSTILE_TEXT.index("Ruritania")
    return Batch(
        document=Document(id=doc_id, text=HOSTILE_TEXT, title="<b>Bold</b> <script>x()</script> title",
                          published="2016-03-01", url="javascript:alert(1)"),
        actors=(Actor(id="person:anna-petrova-h", name="Anna Petrova", type="person", mentions=((speaker, speaker + 12),)),
                Actor(id="country:ruritania", name="Ruritania", type="state", mentions=((ru, ru + 9),))),
        statements=(stmt,),
        mentions=(Mention(span=(speaker, speaker + 12), text="Anna Petrova", type="person", actor_id="person:anna-petrova-h"),
                  Mention(span=(ru, ru + 9), text="Ruritania", type="state", actor_id="country:ruritania")))


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    with open_store(path) as store:
        build(store, 150)
        store.write_batches([hostile_batch()])
    return path


@pytest.fixture(scope="module")
def client(db_path):
    store = open_readonly(str(db_path))
    app = create_app(store, limits=Limits(max_rows=100, max_query_chars=200, max_request_bytes=4096))
    with fastapi_testclient.TestClient(app) as test_client:
        yield test_client
    store.close()


@pytest.fixture(scope="module")
def ids(client):
    statements = client.get("/api/statements", params={"speaker": "Ruritania", "limit": 1}).json()
    linked = client.get("/api/contradictions", params={"limit": 1}).json()
    return {"statement": linked[0]["a"]["id"], "document": "syn-000003", "actor": "country:ruritania",
            "plain_statement": statements[0]["id"] if statements else linked[0]["a"]["id"]}


HTML = {"accept": "text/html"}

PAGES = ["/", "/network", "/network?since=2016&until=2016-12&type=state", "/actors", "/actors?type=person&q=a",
         "/actors/{actor}", "/statements/{statement}", "/documents", "/documents/{document}", "/contradictions",
         "/search?q=weapons"]


def _fill(path: str, ids: dict[str, str]) -> str:
    return path.format(**ids)


def _twin(path: str) -> str:
    base, _, query = path.partition("?")
    twin = "/index.json" if base == "/" else base + ".json"
    return twin + (f"?{query}" if query else "")


@pytest.mark.parametrize("path", PAGES)
def test_page_and_its_json_twin(client, ids, path):
    page = client.get(_fill(path, ids), headers=HTML)
    assert page.status_code == 200, page.text[:300]
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>" in page.text
    twin = client.get(_fill(_twin(path), ids))
    assert twin.status_code == 200, twin.text[:300]
    data = twin.json()
    assert isinstance(data, dict) and data["title"]
    assert "article_html" not in data


def test_pages_load_scripts_only_from_the_server(client, ids):
    for path in PAGES:
        html = client.get(_fill(path, ids), headers=HTML).text
        for url in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert url.startswith("/"), f"{path} loads {url}"
    network = client.get("/network", headers=HTML).text
    assert '<script src="/static/vendor/vis-network.min.js">' in network
    actor = client.get(f"/actors/{ids['actor']}", headers=HTML).text
    assert '<script src="/static/vendor/plotly.min.js">' in actor


@pytest.mark.parametrize("name, marker", [("vis-network.min.js", b"vis-network"), ("vis-network.css", b"vis-"),
                                          ("plotly.min.js", b"plotly.js")])
def test_vendor_assets_come_from_the_installed_wheels(client, name, marker):
    response = client.get(f"/static/vendor/{name}")
    assert response.status_code == 200
    assert marker in response.content[:2000]


def test_openapi_lists_the_api_and_the_twins(client):
    schema = client.get("/openapi.json").json()
    for path in ["/api/documents", "/api/actors", "/api/actors/{actor}", "/api/statements", "/api/events",
                 "/api/contradictions", "/api/relations", "/api/check", "/api/search", "/api/network",
                 "/actors.json", "/actors/{actor_id}.json", "/network.json"]:
        assert path in schema["paths"], path
    assert client.get("/api", headers=HTML).status_code == 200


@pytest.mark.parametrize("path, params, check", [
    ("/api/documents", {"limit": 5}, lambda r: len(r) == 5 and {"id", "title", "published"} <= set(r[0])),
    ("/api/actors", {"type": "state", "limit": 3}, lambda r: len(r) == 3 and all(a["type"] == "state" for a in r)),
    ("/api/actors/Ruritania", {}, lambda r: r["id"] == "country:ruritania" and r["mentions"] > 0),
    ("/api/statements", {"polarity": "deny", "about": "Ruritania", "limit": 10},
     lambda r: r and all(s["polarity"] == "deny" and "country:ruritania" in s["about"] for s in r)),
    ("/api/statements", {"since": "2017", "limit": 10}, lambda r: r and all((s["date"] or "") >= "2017" for s in r)),
    ("/api/events", {"actor": "Ruritania", "limit": 10},
     lambda r: r and all("country:ruritania" in (e["source"], e["target"]) for e in r)),
    ("/api/events", {"type": "ASSAULT", "limit": 10}, lambda r: all(e["type"] == "ASSAULT" for e in r)),
    ("/api/contradictions", {"limit": 3}, lambda r: len(r) == 3 and r[0]["a"]["polarity"] != r[0]["b"]["polarity"]),
    ("/api/relations", {"a": "Ruritania", "b": "Freedonia"}, lambda r: r["series"] and "shifts" in r),
    ("/api/check", {"claim": "Ruritania is supplying weapons to Freedonia"},
     lambda r: r["supporting"] or r["denying"]),
    ("/api/search", {"q": "weapons"}, lambda r: r and {"kind", "id"} <= set(r[0])),
    ("/api/network", {"type": "state"}, lambda r: r["nodes"] and all(n["type"] == "state" for n in r["nodes"])),
    ("/api/stats", {}, lambda r: r["documents"] == 151),
])
def test_api_answers_like_the_query_functions(client, path, params, check):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text[:300]
    assert check(response.json())


@pytest.mark.parametrize("method, path, kwargs, status, code", [
    ("GET", "/api/nothing-here", {}, 404, "not_found"),
    ("GET", "/actors/person:nobody-at-all.json", {}, 404, "not_found"),
    ("GET", "/api/actors/nobody-at-all", {}, 404, "not_found"),
    ("GET", "/statements/stmt:0000.json", {}, 404, "not_found"),
    ("GET", "/documents/no-such-doc.json", {}, 404, "not_found"),
    ("GET", "/api/actors?limit=101", {}, 422, "invalid_request"),
    ("GET", "/api/actors?limit=0", {}, 422, "invalid_request"),
    ("GET", "/api/statements?polarity=maybe", {}, 422, "invalid_request"),
    ("GET", "/api/events?since=last-week", {}, 422, "invalid_request"),
    ("GET", "/network.json?since=yesterday", {}, 422, "invalid_request"),
    ("GET", "/actors.json?type=alien", {}, 422, "invalid_request"),
    ("GET", "/api/relations?a=Ruritania", {}, 422, "invalid_request"),
    ("GET", "/api/relations?a=Ruritania&b=Freedonia&period=decade", {}, 422, "invalid_request"),
    ("GET", "/api/search?q=" + "x" * 201, {}, 422, "invalid_request"),
    ("GET", "/search.json?q=" + "x" * 5000, {}, 414, "uri_too_long"),
    ("POST", "/api/actors", {}, 405, "method_not_allowed"),
    ("DELETE", "/documents/syn-000001", {}, 405, "method_not_allowed"),
    ("GET", "/api/actors", {"content": b"x" * 10}, 413, "request_too_large"),
])
def test_every_error_has_one_shape(client, method, path, kwargs, status, code):
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text[:300]
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_a_browser_gets_errors_as_a_page(client):
    response = client.get("/actors/person:nobody-at-all", headers=HTML)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "not_found" in response.text and "person:nobody-at-all" in response.text


def test_security_headers(client):
    response = client.get("/", headers=HTML)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_article_markup_is_shown_as_text(client):
    statement = client.get("/api/statements", params={"document": "hostile-1"}).json()[0]
    for path in ["/documents/hostile-1", f"/statements/{statement['id']}", "/search?q=harmless"]:
        html = client.get(path, headers=HTML).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;" in html or "&lt;img" in html, path
    document = client.get("/documents/hostile-1", headers=HTML).text
    assert "&lt;b&gt;Bold&lt;/b&gt;" in document
    assert "javascript:" not in document  # the unsafe URL is not linked


def test_statement_page_shows_its_sentence_and_contradictions(client, ids):
    data = client.get(f"/statements/{ids['statement']}.json").json()
    assert data["contradicting"], "the fixture statement has a contradiction"
    html = client.get(f"/statements/{ids['statement']}", headers=HTML).text
    assert 'class="hl-focus' in html and 'id="focus"' in html
    assert data["statement"]["content"].split()[0] in html


def test_document_page_highlights_actors_statements_and_events(client, ids):
    html = client.get(f"/documents/{ids['document']}", headers=HTML).text
    for kind in ("hl-actor", "hl-statement", "hl-event"):
        assert kind in html, kind
    assert 'href="/actors/country:' in html


def test_actor_page_has_relations_with_shifts(client, ids):
    data = client.get(f"/actors/{ids['actor']}.json").json()
    assert data["actor"]["id"] == ids["actor"]
    assert data["statements_about"] and data["events"] and data["relations"]
    chart = client.get(data["chart_url"]).json()
    assert [r["partner"] for r in chart["relations"]] == [r["partner"] for r in data["relations"]]
    assert any(r["shifts"] for r in chart["relations"]), "synthetic pairs turn from cooperation to conflict"
    for rel in chart["relations"]:
        assert rel["series"] and all(-1 <= p["score"] <= 1 for p in rel["series"])
        assert sum(p["events"] for p in rel["series"]) == rel["events"]


def test_the_chart_agrees_with_the_relations_query(client, ids):
    chart = client.get(f"/actors/{ids['actor']}/relations.json").json()
    for rel in chart["relations"][:3]:
        reference = client.get("/api/relations", params={"a": ids["actor"], "b": rel["partner"]}).json()
        assert [(p["period"], p["score"]) for p in rel["series"]] == \
            [(p["period"], p["score"]) for p in reference["series"]]
        assert [s["period"] for s in rel["shifts"]] == [s["period"] for s in reference["shifts"]]


def test_network_filters(client):
    everything = client.get("/network.json").json()
    states = client.get("/network.json", params={"type": "state"}).json()
    one_year = client.get("/network.json", params={"since": "2016", "until": "2016"}).json()
    assert {n["type"] for n in states["nodes"]} == {"state"}
    assert len(states["nodes"]) < len(everything["nodes"])
    assert all(e["first"][:4] == "2016" and e["last"][:4] == "2016" for e in one_year["edges"])
    node_ids = {n["id"] for n in everything["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in everything["edges"])
    assert {e["kind"] for e in everything["edges"]} <= {"cooperation", "conflict", "mixed"}


def test_pagination_links(client):
    data = client.get("/actors.json", params={"limit": 5}).json()
    assert len(data["actors"]) == 5 and data["page"]["next"] and not data["page"]["prev"]
    second = client.get(data["page"]["next"].replace("/actors?", "/actors.json?")).json()
    assert second["actors"][0]["id"] not in {a["id"] for a in data["actors"]}


def test_the_served_store_refuses_writes(db_path):
    store = open_readonly(str(db_path))
    try:
        with pytest.raises(Exception, match="readonly|read-only|query_only|attempt to write"):
            store.write_batches([hostile_batch()])
    finally:
        store.close()


def test_serving_a_missing_store_is_a_clear_error(tmp_path):
    from newsgraph.errors import StoreError

    with pytest.raises(StoreError, match="ingest"):
        open_readonly(str(tmp_path / "nothing.db"))


def test_home_shows_the_corpus_figures(client):
    data = client.get("/index.json").json()
    assert data["figures"]["articles"] == 151 and data["figures"]["contradictions"] > 0
    assert data["top_actors"][0]["mentions"] >= data["top_actors"][-1]["mentions"]
    assert "The store is empty" not in client.get("/", headers=HTML).text


def test_an_empty_store_says_how_to_fill_it():
    with open_store(":memory:") as empty:
        with fastapi_testclient.TestClient(create_app(empty)) as test_client:
            assert "newsgraph ingest" in test_client.get("/", headers=HTML).text
            assert test_client.get("/network.json").json()["nodes"] == []


def test_head_is_answered_like_get(client):
    assert client.head("/actors").status_code == 200
    assert client.head("/api/stats").status_code == 200
