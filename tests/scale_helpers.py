"""Helpers for the scale and PostgreSQL tests: a small corpus and a comparable store snapshot."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Integer, select

# Fictional wire copy written for these tests (title line, byline, body).
CORPUS = {
    "veldoria-talks.txt": "Veldoria Opens Talks With Rebels\nby Mara Holm\n\n"
        "Veldorian Foreign Minister Anna Kessler said on Monday that her government had opened talks "
        "with the Northern Coalition. The Northern Coalition denied any contact with Veldoria. "
        "\"There have been no meetings of any kind,\" said Piet Olsen, a spokesman for the coalition.",
    "marlen-border.txt": "Ostrava Troops Cross Into Marlen\nby Jon Reyes\n\n"
        "Soldiers from Ostrava crossed the border into Marlen on Tuesday, officials in Marlen said. "
        "The government of Marlen accused Ostrava of shelling two villages, a claim that Ostrava rejected.",
    "harbour-aid.txt": "Alliance Pledges Medical Aid\nby Lena Park\n\n"
        "\"We will send medical supplies to the refugees,\" said Tomas Brandt, a spokesman for the Red "
        "Harbour Alliance. Ostrava said it would close its border with Marlen next week.",
    "pelagia-sanctions.txt": "Analysts Warn Over Pelagia Sanctions\nby Omar Said\n\n"
        "Analysts at the Lindqvist Institute warned that sanctions against Pelagia would hurt farmers. "
        "Kessler told reporters that Veldoria would not recognise the election result in Marlen.",
    "weather.txt": "Mild Week Ahead\n\nThe weather in the capital stayed mild all week.",
}

# Tables compared row by row; autoincrement ids and timestamps are left out.
TIMESTAMPS = {"ingested_at", "linked_at"}
CONTENT_TABLES = ["documents", "actors", "actor_aliases", "roles", "mentions", "statements",
                  "statement_about", "events", "event_reports", "links"]


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def snapshot(store) -> dict[str, list[tuple]]:
    """Every stored row without surrogate ids and timestamps, sorted: comparable across runs and backends."""
    out = {}
    with store.engine.connect() as conn:
        for name in CONTENT_TABLES:
            table = store.tables[name]
            surrogate = {c.name for c in table.primary_key.columns if isinstance(c.type, Integer)}
            cols = [c for c in table.columns if c.name not in surrogate and c.name not in TIMESTAMPS]
            out[name] = sorted(tuple(repr(v) for v in row) for row in conn.execute(select(*cols)))
    return out


def crashing_shard_function(documents, model, aliases, token=None, batch_size=32):
    """process_shard, except that a document with id "crash" kills its worker process (as a
    segfault or the out-of-memory killer would)."""
    import os

    from newsgraph.scale.worker import process_shard

    if any(d.id == "crash" for d in documents):
        os._exit(3)
    return process_shard(documents, model, aliases, token, batch_size)
