"""The JSON API under /api/: thin wrappers over the newsgraph.query functions the CLI uses.

Parameters mirror the CLI's filters. Lists take `limit` (at most the web_max_rows setting)
and `offset`. Errors come back as {"error": {"code", "message"}} (see errors.py).
"""
from __future__ import annotations

from enum import Enum
from typing import Any

from fastapi import APIRouter, Query, Request

from .. import query
from ..model.enums import ActorType, EventType, Modality, Polarity, StatementKind
from ..query import links as q_links
from ..query import network as q_network
from ..query import relations as q_relations
from .pages import _date, _limit, _text

router = APIRouter(prefix="/api", tags=["api"])



def DateParam() -> Any:  # a fresh Query per parameter: FastAPI must not share one between two
    return Query(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD")


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"


def _store(request: Request) -> Any:
    return request.app.state.store


def _value(item: Enum | None) -> str | None:
    return None if item is None else str(item.value)


def _check_texts(request: Request, **values: str | None) -> None:
    for name, value in values.items():
        _text(request, value, name)


@router.get("/stats", summary="Counts of documents, actors, statements, events and links")
def stats(request: Request, detail: bool = False) -> dict[str, Any]:
    return query.stats(_store(request), detail=detail)


@router.get("/documents", summary="Stored articles, newest first")
def documents(request: Request, source: str | None = None, since: str | None = DateParam(),
              limit: int = Query(50, ge=1), offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
    _check_texts(request, source=source)
    return query.documents(_store(request), limit=_limit(request, limit), offset=offset, source=source, since=since)


@router.get("/documents/{document_id:path}", summary="One article with its actors, statements, events and links")
def document(request: Request, document_id: str, text: bool = True) -> dict[str, Any]:
    return query.document(_store(request), document_id, with_text=text)


@router.get("/actors", summary="Actors, most mentioned first")
def actors(request: Request, type: ActorType | None = None, name: str | None = None, country: str | None = None,
           limit: int = Query(50, ge=1), offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
    _check_texts(request, name=name, country=country)
    return query.actors(_store(request), type=_value(type), name=name, country=country,
                        limit=_limit(request, limit), offset=offset)


@router.get("/actors/{actor}", summary="One actor (id, name or alias): aliases, roles, documents, counts")
def actor(request: Request, actor: str) -> dict[str, Any]:
    _check_texts(request, actor=actor)
    return query.actor(_store(request), actor)


@router.get("/statements", summary="Statements filtered as in `newsgraph statements`")
def statements(request: Request, speaker: str | None = None, about: str | None = None,
               polarity: Polarity | None = None, kind: StatementKind | None = None,
               since: str | None = DateParam(), until: str | None = DateParam(),
               match: str | None = Query(None, description="full-text search in the content"),
               document: str | None = None, limit: int = Query(50, ge=1),
               offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
    _check_texts(request, speaker=speaker, about=about, match=match, document=document)
    return query.statements(_store(request), speaker=speaker, about=about, polarity=_value(polarity),
                            kind=_value(kind), since=since, until=until, match=match, document=document,
                            limit=_limit(request, limit), offset=offset)


@router.get("/events", summary="Events filtered as in `newsgraph events`")
def events(request: Request, source: str | None = None, target: str | None = None,
           actor: str | None = Query(None, description="source or target"),
           type: EventType | None = None, modality: Modality | None = None,
           since: str | None = DateParam(), until: str | None = DateParam(), document: str | None = None,
           limit: int = Query(50, ge=1), offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
    _check_texts(request, source=source, target=target, actor=actor, document=document)
    return query.events(_store(request), source=source, target=target, actor=actor, type=_value(type),
                        modality=_value(modality), since=since, until=until, document=document,
                        limit=_limit(request, limit), offset=offset)


@router.get("/contradictions", summary="Statements that contradict each other, strongest first")
def contradictions(request: Request, about: str | None = None, limit: int = Query(50, ge=1)) -> list[dict[str, Any]]:
    _check_texts(request, about=about)
    return q_links.contradictions(_store(request), about=about, limit=_limit(request, limit))


@router.get("/relations", summary="Relation of two actors over time: series per period and shifts")
def relations(request: Request, a: str, b: str, period: Period = Period.month) -> dict[str, Any]:
    _check_texts(request, a=a, b=b)
    return q_relations.relations(_store(request), a, b, period=period.value)


@router.get("/check", summary="Stored statements that support or deny a claim")
def check(request: Request, claim: str = Query(..., min_length=3), limit: int = Query(20, ge=1)) -> dict[str, Any]:
    _check_texts(request, claim=claim)
    return q_links.check(_store(request), claim, limit=_limit(request, limit))


@router.get("/search", summary="Full-text search over articles and statements")
def search(request: Request, q: str = Query(..., min_length=1), limit: int = Query(20, ge=1)) -> list[dict[str, Any]]:
    _check_texts(request, q=q)
    return _store(request).search(q, limit=_limit(request, limit))


@router.get("/network", summary="Actor network: nodes, edges with counts and first/last dates")
def network(request: Request, since: str | None = DateParam(), until: str | None = DateParam(),
            type: list[ActorType] | None = Query(None), max_nodes: int = Query(150, ge=1, le=1000)) -> dict[str, Any]:
    return q_network.network(_store(request), since=_date(since, "since"), until=_date(until, "until"),
                             types=[t.value for t in type] if type else None, max_nodes=max_nodes)

