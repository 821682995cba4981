"""Table columns derived from the model records, and records <-> rows.

The records in model/ are the contract; the store follows them instead of copying them by
hand. Each dataclass field becomes columns by its type:

- ``str`` / ``int`` / ``float`` / ``bool`` -> one column of that type (nullable when the
  annotation allows None or the field has a default of None);
- ``Span`` (``tuple[int, int]``) -> two integer columns ``<name>_start`` and ``<name>_end``;
- any other tuple (aliases, spans, about...) -> one JSON text column, unless the table keeps
  it in a side table (then it is listed in ``exclude``).

A field added to a record later (with a default) thus appears as a new nullable column; the
store adds missing columns when it opens an older database (see migrations).
"""
from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from typing import Any, Iterable

from sqlalchemy import Boolean, Column, Float, Integer, Text

from ..model.records import Span

_SCALARS = {str: Text, int: Integer, float: Float, bool: Boolean}
_SQL_TYPE = {py.__name__: sql for py, sql in _SCALARS.items()}


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    """(inner type, allows None) for `X | None` / Optional[X]."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return (args[0] if len(args) == 1 else Any), True
    return hint, False


def _kind(hint: Any) -> str:
    """'span', 'json' or the scalar python type name."""
    if hint == Span or hint == tuple[int, int]:
        return "span"
    if hint in _SCALARS:
        return hint.__name__
    return "json"


@functools.lru_cache(maxsize=None)
def field_kinds(record_type: type) -> dict[str, tuple[str, bool]]:
    """field name -> (kind, nullable) for a model dataclass."""
    hints = typing.get_type_hints(record_type)
    out: dict[str, tuple[str, bool]] = {}
    for f in dataclasses.fields(record_type):
        inner, optional = _unwrap_optional(hints[f.name])
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        nullable = optional or (has_default and f.default is None)
        out[f.name] = (_kind(inner), nullable)
    return out


def columns_for(record_type: type, *, exclude: Iterable[str] = (), primary_key: Iterable[str] = (),
                rename: dict[str, str] | None = None) -> list[Column]:
    """Columns for the fields of `record_type`; `rename` maps field name -> column name."""
    excluded, pk, rename = set(exclude), set(primary_key), rename or {}
    cols: list[Column] = []
    for name, (kind, nullable) in field_kinds(record_type).items():
        if name in excluded:
            continue
        col = rename.get(name, name)
        if kind == "span":
            cols.append(Column(f"{col}_start", Integer, nullable=nullable))
            cols.append(Column(f"{col}_end", Integer, nullable=nullable))
        elif kind == "json":
            cols.append(Column(col, Text, nullable=True))
        else:
            cols.append(Column(col, _SQL_TYPE[kind], primary_key=name in pk,
                               nullable=nullable and name not in pk))
    return cols


def record_to_row(record: Any, *, exclude: Iterable[str] = (), rename: dict[str, str] | None = None) -> dict[str, Any]:
    """The row for a record, flattened exactly as columns_for() lays it out."""
    excluded, rename = set(exclude), rename or {}
    row: dict[str, Any] = {}
    for name, (kind, _nullable) in field_kinds(type(record)).items():
        if name in excluded:
            continue
        col, value = rename.get(name, name), getattr(record, name)
        if kind == "span":
            row[f"{col}_start"], row[f"{col}_end"] = (None, None) if value is None else (value[0], value[1])
        elif kind == "json":
            row[col] = None if value is None else json.dumps(_plain(value), ensure_ascii=False)
        else:
            row[col] = value
    return row


def row_span(row: Any, name: str) -> list[int] | None:
    """[start, end] from a row's <name>_start/<name>_end columns, or None."""
    start, end = row[f"{name}_start"], row[f"{name}_end"]
    return None if start is None or end is None else [start, end]


def row_json(value: str | None, default: Any = None) -> Any:
    return default if value is None else json.loads(value)


def _plain(value: Any) -> Any:
    """Tuples of spans / strings / dataclasses -> JSON-friendly lists and dicts."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value
