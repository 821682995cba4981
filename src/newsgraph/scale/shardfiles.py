"""Shard files: what `newsgraph batch` writes and `newsgraph load` merges into a store.

A cluster job then needs no database access: it writes JSON Lines shards, and one `load`
later writes them into a store, where records merge by id exactly as in a direct ingest.

Each line is the contract JSON of one document (model/contract.py, with the text) plus an
``extra`` object on each record holding the record fields the contract leaves out (the
reader's ``lang`` and ``origin``, role spans, every mention...), so that loading a shard
stores the very rows a direct ingest stores.
"""
from __future__ import annotations

import json
import os
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import InputError, UsageError
from ..model import Batch, Mention, batch_from_dict, batch_to_dict

SUFFIX = ".jsonl"
EXTRA = "extra"


# --- one Batch <-> one line -------------------------------------------------------------------
def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


def _add_extra(record: Any, restored: Any, data: dict[str, Any]) -> None:
    """Put under data["extra"] each field that the contract dict does not bring back as it was."""
    missing = {f.name: _jsonable(getattr(record, f.name)) for f in fields(record)
               if getattr(record, f.name) != getattr(restored, f.name)}
    if missing:
        data[EXTRA] = missing


def _with_extra(record: Any, data: dict[str, Any]) -> Any:
    extra = data.get(EXTRA)
    return replace(record, **{k: _tuples(v) for k, v in extra.items()}) if extra else record


def batch_to_shard_line(batch: Batch) -> str:
    """One JSON line: the contract dict with text, made lossless by the `extra` objects."""
    data = batch_to_dict(batch, with_text=True)
    restored = batch_from_dict(data)  # what the contract alone would bring back
    _add_extra(batch.document, restored.document, data["document"])
    for actor, back, actor_data in zip(batch.actors, restored.actors, data["actors"]):
        _add_extra(replace(actor, roles=back.roles), back, actor_data)
        for role, role_back, role_data in zip(actor.roles, back.roles, actor_data["roles"]):
            _add_extra(role, role_back, role_data)
    for name in ("statements", "events", "links"):
        for record, back, record_data in zip(getattr(batch, name), getattr(restored, name), data[name]):
            _add_extra(record, back, record_data)
    data[EXTRA] = {"mentions": [{f.name: _jsonable(getattr(m, f.name)) for f in fields(m)}
                                for m in batch.mentions]}
    return json.dumps(data, ensure_ascii=False)


def batch_from_shard_line(line: str) -> Batch:
    data = json.loads(line)
    batch = batch_from_dict(data)
    actors = []
    for actor, actor_data in zip(batch.actors, data.get("actors", ())):
        roles = tuple(_with_extra(r, rd) for r, rd in zip(actor.roles, actor_data.get("roles", ())))
        actors.append(_with_extra(replace(actor, roles=roles), actor_data))
    parts = {name: tuple(_with_extra(r, rd) for r, rd in zip(getattr(batch, name), data.get(name, ())))
             for name in ("statements", "events", "links")}
    mentions = tuple(Mention(**{k: _tuples(v) for k, v in m.items()})
                     for m in data.get(EXTRA, {}).get("mentions", ()))
    return replace(batch, document=_with_extra(batch.document, data["document"]), actors=tuple(actors),
                   mentions=mentions, **parts)


# --- writing shards ---------------------------------------------------------------------------
def write_shards(batches: Iterable[Batch], out_dir: str | os.PathLike, *, shard_size: int = 1000,
                 prefix: str = "part", overwrite: bool = False) -> list[Path]:
    """Write batches into OUT/PREFIX-00000.jsonl, PREFIX-00001.jsonl, ... (shard_size lines each).

    A shard appears under its name only once complete (written as a hidden temporary file,
    then renamed), so `load` never reads half a shard from a job that was killed.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if not overwrite and any(out.glob(f"{prefix}-*{SUFFIX}")):
        raise UsageError(f"{out} already holds {prefix}-*{SUFFIX} shards",
                         hint="use another directory or --prefix, or pass --overwrite")
    written: list[Path] = []
    handle = None
    count = 0
    try:
        for batch in batches:
            if handle is None:
                final = out / f"{prefix}-{len(written):05d}{SUFFIX}"
                temp = out / f".{final.name}.tmp"
                handle = temp.open("w", encoding="utf-8")
            handle.write(batch_to_shard_line(batch) + "\n")
            count += 1
            if count == shard_size:
                handle.close()
                os.replace(temp, final)
                written.append(final)
                handle, count = None, 0
        if handle is not None:
            handle.close()
            os.replace(temp, final)
            written.append(final)
            handle = None
    finally:
        if handle is not None:  # interrupted: drop the incomplete shard
            handle.close()
            temp.unlink(missing_ok=True)
    return written


# --- reading and loading ----------------------------------------------------------------------
def shard_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The shard files named or contained (recursively) in the given files and directories."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob(f"*{SUFFIX}") if not p.name.startswith("."))
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory")
    return found


def read_shards(paths: Iterable[str | os.PathLike],
                on_error: Callable[[InputError], None] | None = None) -> Iterator[Batch]:
    """Batches from shard files; a bad line is reported (file:line and why) and skipped."""
    for path in shard_paths(paths):
        with path.open(encoding="utf-8", errors="strict") as handle:
            try:
                for number, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    try:
                        yield batch_from_shard_line(line)
                    except (ValueError, KeyError, TypeError) as exc:
                        error = InputError(f"not a newsgraph shard line ({type(exc).__name__}: {exc})",
                                           where=f"{path}:{number}", hint="shards are written by `newsgraph batch`")
                        if on_error is None:
                            raise error from exc
                        on_error(error)
            except UnicodeDecodeError as exc:
                error = InputError(f"not UTF-8 text: {exc.reason}", where=str(path))
                if on_error is None:
                    raise error from exc
                on_error(error)


def load_shards(store: Any, paths: Iterable[str | os.PathLike], *, batch_size: int = 200,
                on_error: Callable[[InputError], None] | None = None) -> list[str]:
    """Write the shards' batches into `store`, one transaction per batch_size documents.

    Returns the ids of the documents written, in order (for linking them afterwards).
    """
    written: list[str] = []
    chunk: list[Batch] = []
    for batch in read_shards(paths, on_error=on_error):
        chunk.append(batch)
        if len(chunk) >= batch_size:
            store.write_batches(chunk)
            written += [b.document.id for b in chunk]
            chunk = []
    if chunk:
        store.write_batches(chunk)
        written += [b.document.id for b in chunk]
    return written
