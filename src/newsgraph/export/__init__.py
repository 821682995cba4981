"""Exports of the whole store. One registry maps a format name to its writer.

A writer is ``write(store, output: Path) -> list[Path]``: it writes the store's content to
`output` (a directory for multi-file formats such as jsonl and csv, a file for graph formats)
and returns the paths it wrote. To add a format, write export/<format>.py and add one line
to FORMATS; `newsgraph export --format NAME` picks it up.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

# format name -> "module:function" (module relative to newsgraph.export), imported on use
FORMATS: dict[str, str] = {
    "jsonl": "jsonl:write_jsonl",
    "csv": "csv:write_csv",
    "graphml": "graphml:write_graphml",
    "gexf": "gexf:write_gexf",
    "ftm": "ftm:write_ftm",
}

# Formats whose output is a directory of files (the others write one file).
DIRECTORY_FORMATS = {"jsonl", "csv"}


def writer(fmt: str) -> Callable[..., list[Path]]:
    """The writer function registered for `fmt`."""
    module, attr = FORMATS[fmt].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), attr)


def export(store, fmt: str, output: str | Path) -> list[Path]:
    """Write the store in format `fmt` to `output`; returns the paths written."""
    return writer(fmt)(store, Path(output))


__all__ = ["DIRECTORY_FORMATS", "FORMATS", "export", "writer"]
