"""Server-rendered pages, each with a .json twin that returns the same data.

Every page is one function registered twice: at its path (HTML, left out of the OpenAPI
schema) and at the path plus ".json" (JSON, in the schema). Twins are registered first so
that `/actors/country:ru.json` is the twin of `/actors/country:ru`.
"""
from __future__ import annotations

import re
from typing import Any, Callable
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response

from . import views
from .errors import WebError

router = APIRouter()

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# --- parameter checks (forms send empty strings, so these are checked here, not by pydantic) ---
def _date(value: str | None, name: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not _DATE.match(value):
        raise WebError("invalid_request", f"{name}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def _actor_type(value: str | None) -> str | None:
    value = (value or "").strip()
    if value and value not in views.ACTOR_TYPES:
        raise WebError("invalid_request", f"type: unknown actor type {value!r}; one of {', '.join(views.ACTOR_TYPES)}")
    return value or None


def _limit(request: Request, limit: int) -> int:
    most = request.app.state.limits.max_rows
    if limit > most:
        raise WebError("invalid_request", f"limit: at most {most} rows per request (the web_max_rows setting)")
    return limit


def _text(request: Request, value: str | None, name: str) -> str:
    value = value or ""
    most = request.app.state.limits.max_query_chars
    if len(value) > most:
        raise WebError("invalid_request", f"{name}: longer than {most} characters")
    return value


# --- rendering ---------------------------------------------------------------------------------
def _is_twin(request: Request) -> bool:
    return request.url.path.endswith(".json")


def _twin_url(request: Request) -> str:
    path = request.url.path
    twin = "/index.json" if path == "/" else path + ".json"
    return twin + (f"?{request.url.query}" if request.url.query else "")


def _pager(request: Request, offset: int, limit: int, has_more: bool) -> dict[str, str | None]:
    def at(new_offset: int) -> str:
        params = dict(request.query_params) | {"offset": str(new_offset), "limit": str(limit)}
        return request.url.path + "?" + urlencode(params)

    return {"prev": at(max(0, offset - limit)) if offset > 0 else None, "next": at(offset + limit) if has_more else None}


def _respond(request: Request, template: str, context: dict[str, Any]) -> Response:
    if _is_twin(request):
        return JSONResponse({k: v for k, v in context.items() if k not in ("article_html",)})
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context | {"json_twin": _twin_url(request)})


def _page(path: str, name: str, summary: str) -> Callable:
    """Register the decorated function at `path` (HTML) and at its .json twin."""
    twin = "/index.json" if path == "/" else path + ".json"

    def register(func: Callable) -> Callable:
        router.add_api_route(twin, func, methods=["GET"], name=f"{name}_json", summary=summary,
                             tags=["pages (.json twins)"], response_class=JSONResponse)
        router.add_api_route(path, func, methods=["GET"], name=name, include_in_schema=False,
                             response_class=HTMLResponse)
        return func

    return register


# --- pages -------------------------------------------------------------------------------------
@_page("/", "home", "Overview: corpus figures, latest contradictions, most active actors and pairs")
def home(request: Request) -> Response:
    return _respond(request, "home.html", views.home(request.app.state.store))


@_page("/network", "network", "The actor network: nodes (actors) and edges (event pairs) with dates")
def network(request: Request, since: str | None = None, until: str | None = None,
            type: list[str] | None = Query(None, description="actor types to keep (repeatable)"),
            max_nodes: int = Query(150, ge=1, le=1000)) -> Response:
    types = [t for t in (_actor_type(x) for x in (type or [])) if t] or None
    params = {"since": _date(since, "since"), "until": _date(until, "until")}
    query = urlencode([(k, v) for k, v in params.items() if v] + [("type", t) for t in types or []]
                      + [("max_nodes", str(max_nodes))])
    context = views.network(request.app.state.store, params["since"], params["until"], types, max_nodes,
                            data_url="/network.json?" + query)
    return _respond(request, "network.html", context)


@_page("/actors", "actors", "Actors, most mentioned first; filter by type and name")
def actors(request: Request, type: str | None = None, q: str | None = None,
           limit: int = Query(50, ge=1), offset: int = Query(0, ge=0, le=1_000_000)) -> Response:
    limit = _limit(request, limit)
    context = views.actors(request.app.state.store, _actor_type(type), _text(request, q, "q").strip() or None,
                           limit, offset)
    context["page"] = _pager(request, offset, limit, context["has_more"])
    return _respond(request, "actors.html", context)


# Before the actor page: its .json twin route would otherwise take ".../relations.json".
@router.get("/actors/{actor_id:path}/relations.json", tags=["pages (.json twins)"],
            summary="The actor page's chart: relation score per month with its main partners, and shifts")
def actor_relations(request: Request, actor_id: str) -> dict[str, Any]:
    return views.actor_relations(request.app.state.store, _text(request, actor_id, "actor"))


@_page("/actors/{actor_id:path}", "actor", "One actor: aliases, roles, statements, events, relations over time")
def actor(request: Request, actor_id: str) -> Response:
    return _respond(request, "actor.html", views.actor(request.app.state.store, _text(request, actor_id, "actor")))


@_page("/statements/{statement_id:path}", "statement",
       "One statement in its article, with the statements that support or contradict it")
def statement(request: Request, statement_id: str) -> Response:
    return _respond(request, "statement.html", views.statement(request.app.state.store, statement_id))


@_page("/documents", "documents", "Stored articles, newest first")
def documents(request: Request, limit: int = Query(50, ge=1), offset: int = Query(0, ge=0, le=1_000_000)) -> Response:
    limit = _limit(request, limit)
    context = views.documents(request.app.state.store, limit, offset)
    context["page"] = _pager(request, offset, limit, context["has_more"])
    return _respond(request, "documents.html", context)


@_page("/documents/{document_id:path}", "document", "One article with its actors, statements and events highlighted")
def document(request: Request, document_id: str) -> Response:
    return _respond(request, "document.html", views.document(request.app.state.store, document_id))


@_page("/contradictions", "contradictions", "Pairs of statements that contradict each other, strongest first")
def contradictions(request: Request, limit: int = Query(20, ge=1), offset: int = Query(0, ge=0, le=100_000)) -> Response:
    limit = _limit(request, limit)
    context = views.contradictions(request.app.state.store, limit, offset)
    context["page"] = _pager(request, offset, limit, context["has_more"])
    return _respond(request, "contradictions.html", context)


@_page("/search", "search", "Full-text search over statements and articles, and actor names")
def search(request: Request, q: str = "", limit: int = Query(20, ge=1)) -> Response:
    limit = _limit(request, limit)
    return _respond(request, "search.html", views.search(request.app.state.store, _text(request, q, "q"), limit))


# --- the API index and the vendor scripts --------------------------------------------------------
@router.get("/api", include_in_schema=False, response_class=HTMLResponse)
def api_index(request: Request) -> Response:
    schema = request.app.openapi()
    endpoints = [{"path": path, "summary": op.get("summary", ""),
                  "params": [p["name"] for p in op.get("parameters", [])]}
                 for path, methods in schema["paths"].items() for op in methods.values()]
    return request.app.state.templates.TemplateResponse(
        request, "api.html", {"title": "API", "endpoints": endpoints, "json_twin": "/openapi.json"})


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/static/vendor/{name}", include_in_schema=False)
def vendor(request: Request, name: str) -> Response:
    path = request.app.state.vendor.get(name)
    if path is None:
        raise WebError("not_found", f"no vendor asset {name!r}")
    return FileResponse(path, headers={"cache-control": "public, max-age=86400"})
