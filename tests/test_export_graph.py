"""GraphML, GEXF and FollowTheMoney exports, read back with networkx and checked against FtM."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.export import FORMATS, export
from newsgraph.export.network import date_end, date_start
from newsgraph.serve.synthetic import build
from newsgraph.store import open_store

# The FtM schema names this export uses; checked against the followthemoney package when installed.
FTM_SCHEMATA = {"Article", "Mention", "Person", "Organization", "PublicBody", "LegalEntity", "Territory",
                "Event", "Note", "UnknownLink"}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "graph.db"
    with open_store(path) as store:
        build(store, 60)
    return path


@pytest.fixture(scope="module")
def store(db_path):
    with open_store(db_path) as opened:
        yield opened


def test_graph_formats_are_registered():
    assert {"graphml", "gexf", "ftm"} <= set(FORMATS)


@pytest.mark.parametrize("date, start, end", [
    ("2016", "2016-01-01", "2016-12-31"),
    ("2016-02", "2016-02-01", "2016-02-29"),
    ("2015-02", "2015-02-01", "2015-02-28"),
    ("2016-03-05", "2016-03-05", "2016-03-05"),
    (None, None, None),
])
def test_partial_dates_widen_to_their_period(date, start, end):
    assert date_start(date) == start
    assert date_end(date) == end


def _check_graph(graph: nx.Graph, store) -> None:
    stats = store.stats()
    assert 0 < graph.number_of_nodes() <= stats["actors"]
    assert graph.number_of_edges() > 0
    node = graph.nodes["country:ruritania"]
    assert node["type"] == "state" and node["label"] == "Ruritania" and int(node["mentions"]) > 0
    assert node["start"] <= node["end"]
    for a, b, data in graph.edges(data=True):
        assert int(data["events"]) == int(data["cooperation"]) + int(data["conflict"])
        assert data["kind"] in {"cooperation", "conflict", "mixed"}
        assert len(data["start"]) == 10 and data["start"] <= data["end"]
    assert sum(int(d["events"]) for _, _, d in graph.edges(data=True)) == stats["events"]


def test_graphml_loads_with_networkx_and_carries_dates(store, tmp_path):
    (path,) = export(store, "graphml", tmp_path / "net.graphml")
    _check_graph(nx.read_graphml(path), store)


def test_gexf_is_dynamic_with_dates_on_nodes_and_edges(store, tmp_path):
    (path,) = export(store, "gexf", tmp_path / "net.gexf")
    _check_graph(nx.read_gexf(path), store)
    root = ET.parse(path).getroot()
    ns = {"g": root.tag.split("}")[0].strip("{")}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert all(n.get("start") and n.get("end") for n in graph.iterfind("g:nodes/g:node", ns))
    assert all(e.get("start") and e.get("end") for e in graph.iterfind("g:edges/g:edge", ns))


def _ftm_lines(store, tmp_path) -> list[dict]:
    (path,) = export(store, "ftm", tmp_path / "entities.ftm.json")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_ftm_entities_are_well_formed_and_refer_to_each_other(store, tmp_path):
    entities = _ftm_lines(store, tmp_path)
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities), "entity ids are unique"
    by_schema: dict[str, int] = {}
    for entity in entities:
        assert set(entity) == {"id", "schema", "properties"}
        assert entity["schema"] in FTM_SCHEMATA
        assert all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in entity["properties"].values())
        by_schema[entity["schema"]] = by_schema.get(entity["schema"], 0) + 1
    stats = store.stats()
    assert by_schema["Article"] == stats["documents"]
    assert by_schema["Event"] == stats["events"]
    assert by_schema["Note"] == stats["statements"]
    assert by_schema["Person"] > 0 and by_schema["PublicBody"] > 0 and by_schema["Mention"] > 0
    refs = ("document", "resolved", "organizer", "involved", "proof", "entity", "subject", "object")
    for entity in entities:
        for prop in refs:
            for target in entity["properties"].get(prop, []):
                assert target in ids, f"{entity['schema']}.{prop} points to a missing entity"


def test_ftm_entities_validate_against_the_followthemoney_schema(store, tmp_path):
    followthemoney = pytest.importorskip("followthemoney")
    model = followthemoney.model
    for entity in _ftm_lines(store, tmp_path):
        schema = model.get(entity["schema"])
        assert schema is not None and not schema.abstract, entity["schema"]
        for name, values in entity["properties"].items():
            prop = schema.get(name)
            assert prop is not None, f"{entity['schema']} has no property {name}"
            for value in values:
                cleaned = prop.type.clean(value)
                assert cleaned is not None, f"{entity['schema']}.{name}: {value!r} is not a valid {prop.type.name}"
        proxy = model.get_proxy(entity)
        assert proxy.id == entity["id"]


def test_csv_export_has_node_and_edge_tables(store, tmp_path):
    paths = {p.name for p in export(store, "csv", tmp_path / "tables")}
    assert {"network_nodes.csv", "network_edges.csv"} <= paths
    edges = (tmp_path / "tables" / "network_edges.csv").read_text(encoding="utf-8").splitlines()
    assert edges[0].startswith("source,target,events,cooperation,conflict")
    assert len(edges) > 1


@pytest.mark.parametrize("fmt, name", [("graphml", "n.graphml"), ("gexf", "n.gexf"), ("ftm", "n.ftm.json")])
def test_export_command_writes_graph_formats(db_path, tmp_path, fmt, name):
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert out.exists() and out.stat().st_size > 0
