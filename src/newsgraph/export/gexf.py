"""GEXF export of the actor network, dynamic: Gephi's timeline plays it by date."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from .network import actor_graph


def write_gexf(store: Any, output: Path) -> list[Path]:
    """One .gexf file (GEXF 1.2): nodes and edges carry start and end dates (timeformat=date)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    graph = actor_graph(store)
    graph.graph["mode"] = "dynamic"
    nx.write_gexf(graph, output, encoding="utf-8", version="1.2draft")
    return [output]
