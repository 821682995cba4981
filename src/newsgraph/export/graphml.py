"""GraphML export of the actor network (yEd, Cytoscape, Gephi, networkx)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from .network import actor_graph


def write_graphml(store: Any, output: Path) -> list[Path]:
    """One .graphml file: actors as nodes, event pairs as edges, first/last dates as start/end."""
    output.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(actor_graph(store), output, encoding="utf-8", named_key_ids=True)
    return [output]
