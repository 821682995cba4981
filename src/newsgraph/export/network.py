"""The actor network as a networkx graph, and as node and edge tables (CSV).

Built from newsgraph.query.network, the same data the web network page draws. Nodes and
edges carry `start`/`end` dates (first and last time seen) so Gephi's timeline can play the
network; partial dates are widened to the whole month or year they name.
"""
from __future__ import annotations

import calendar
from typing import Any, Iterator

import networkx as nx

from ..query.network import network

# Every actor, however rarely mentioned: an export is not a screen.
ALL = 1_000_000

NODE_FIELDS = ("id", "name", "type", "country", "mentions", "documents", "first", "last")
EDGE_FIELDS = ("source", "target", "events", "cooperation", "conflict", "score", "kind", "first", "last")


def date_start(date: str | None) -> str | None:
    """'2016' -> '2016-01-01', '2016-02' -> '2016-02-01', full dates unchanged."""
    if not date:
        return None
    return date + {4: "-01-01", 7: "-01"}.get(len(date), "")


def date_end(date: str | None) -> str | None:
    """'2016' -> '2016-12-31', '2016-02' -> '2016-02-29' (last day of that month)."""
    if not date:
        return None
    if len(date) == 4:
        return date + "-12-31"
    if len(date) == 7:
        year, month = int(date[:4]), int(date[5:7])
        return f"{date}-{calendar.monthrange(year, month)[1]:02d}"
    return date


def actor_graph(store: Any) -> nx.Graph:
    """Undirected graph: actor nodes and event-pair edges, attributes without None values."""
    data = network(store, max_nodes=ALL, min_mentions=0)
    graph = nx.Graph(name="newsgraph actor network")
    for node in data["nodes"]:
        attrs = {"label": node["name"], "type": node["type"], "country": node["country"],
                 "mentions": node["mentions"], "documents": node["documents"],
                 "start": date_start(node["first"]), "end": date_end(node["last"])}
        graph.add_node(node["id"], **{k: v for k, v in attrs.items() if v is not None})
    for edge in data["edges"]:
        attrs = {"weight": edge["events"], "events": edge["events"], "cooperation": edge["cooperation"],
                 "conflict": edge["conflict"], "score": float(edge["score"]), "kind": edge["kind"],
                 "start": date_start(edge["first"]), "end": date_end(edge["last"]),
                 **{f"n_{quad}": n for quad, n in sorted(edge["counts"].items())},
                 **{f"n_{etype}": n for etype, n in sorted(edge["types"].items())}}
        graph.add_edge(edge["source"], edge["target"], **{k: v for k, v in attrs.items() if v is not None})
    return graph


def node_rows(store: Any) -> Iterator[dict[str, Any]]:
    for node in network(store, max_nodes=ALL, min_mentions=0)["nodes"]:
        yield {k: node.get(k) for k in NODE_FIELDS}


def edge_rows(store: Any) -> Iterator[dict[str, Any]]:
    for edge in network(store, max_nodes=ALL, min_mentions=0)["edges"]:
        yield {k: edge.get(k) for k in EDGE_FIELDS} | {"types": edge["types"]}
