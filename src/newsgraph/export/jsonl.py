"""JSON Lines export: one file per entity (documents.jsonl, actors.jsonl, ...), one object per line."""
from __future__ import annotations

import json
from pathlib import Path

from .tables import ENTITIES


def write_jsonl(store, output: Path) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in ENTITIES.items():
        path = output / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for row in rows(store):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        written.append(path)
    return written
