"""CSV export: one file per entity with a header row; list and dict cells hold JSON.

Events are also flattened into event_reports.csv (one row per document reporting an event).
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from .network import edge_rows, node_rows
from .tables import ENTITIES, events


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: _cell(v) for k, v in row.items()})


def _event_reports(store) -> Iterator[dict[str, Any]]:
    for event in events(store):
        for report in event["reports"]:
            yield {"event_id": event["id"], "type": event["type"], "source": event["source"],
                   "target": event["target"]} | report


def write_csv(store, output: Path) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in [*ENTITIES.items(), ("event_reports", _event_reports),
                       ("network_nodes", node_rows), ("network_edges", edge_rows)]:  # Gephi-style node/edge tables
        path = output / f"{name}.csv"
        _write(path, rows(store))
        written.append(path)
    return written
