"""The rows every tabular export writes: one stream of plain dicts per entity, read in pages."""
from __future__ import annotations

from typing import Any, Callable, Iterator

from sqlalchemy import select

from .. import query
from ..store.schema import documents as t_documents
from ..store.schema import judgements, links

PAGE = 1000


def paged(fetch: Callable[[int, int], list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        rows = fetch(PAGE, offset)
        yield from rows
        if len(rows) < PAGE:
            return
        offset += PAGE


def documents(store) -> Iterator[dict[str, Any]]:
    """Every document with its text, by id (read directly: the listing query has no text)."""
    columns = [c for c in t_documents.c if c.name != "linked_at"]
    last = ""
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(select(*columns).where(t_documents.c.id > last)
                                .order_by(t_documents.c.id).limit(PAGE)).mappings().all()
        yield from (dict(r) for r in rows)
        if len(rows) < PAGE:
            return
        last = rows[-1]["id"]


def actors(store) -> Iterator[dict[str, Any]]:
    return paged(lambda limit, offset: query.actors(store, limit=limit, offset=offset))


def statements(store) -> Iterator[dict[str, Any]]:
    return paged(lambda limit, offset: query.statements(store, limit=limit, offset=offset))


def events(store) -> Iterator[dict[str, Any]]:
    return paged(lambda limit, offset: query.events(store, limit=limit, offset=offset))


def _table(store, table) -> Iterator[dict[str, Any]]:
    with store.engine.connect() as conn:
        for row in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings():
            yield dict(row)


def all_links(store) -> Iterator[dict[str, Any]]:
    return _table(store, links)


def all_judgements(store) -> Iterator[dict[str, Any]]:
    return _table(store, judgements)


# file stem -> rows; the order files are written in
ENTITIES: dict[str, Callable[[Any], Iterator[dict[str, Any]]]] = {
    "documents": documents,
    "actors": actors,
    "statements": statements,
    "events": events,
    "links": all_links,
    "judgements": all_judgements,
}
