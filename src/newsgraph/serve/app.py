"""The FastAPI application: pages with .json twins (pages.py), the JSON API (api.py).

`create_app(store)` builds an app over an open Store; `run_server(db)` opens the store
read-only and runs it with uvicorn. No Swagger/ReDoc pages: they load their scripts from a
CDN. The schema is at /openapi.json and listed as a plain page at /api.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..errors import StoreError
from . import api, pages
from .assets import STATIC_DIR, TEMPLATE_DIR, resolve_vendor_assets
from .errors import install_error_handlers
from .limits import GuardMiddleware, Limits


def _templates(limits: Limits, store_name: str) -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined)
    # Ids may hold ':' and '/'; keep ':' readable, escape the rest (the routes accept both).
    env.filters["q"] = lambda value: quote(str(value), safe=":@")
    env.globals.update(limits=limits, store_name=store_name, search_query=None)
    return Jinja2Templates(env=env)


def create_app(store: Any, *, limits: Limits | None = None, store_name: str | None = None) -> FastAPI:
    """The web app over an open store. The store is only read."""
    limits = limits or Limits.from_settings()
    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only JSON API over a newsgraph store: actors, statements, events, "
                              "contradictions, relations. Every error is {\"error\": {\"code\", \"message\"}}.")
    app.state.store = store
    app.state.limits = limits
    app.state.vendor = resolve_vendor_assets()
    app.state.templates = _templates(limits, store_name or _store_name(store))
    install_error_handlers(app)
    app.add_middleware(GuardMiddleware, limits=limits)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    return app


def _store_name(store: Any) -> str:
    url = getattr(store, "url", "")
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///"):]).name
    return str(getattr(getattr(store, "engine", None), "url", "store")).split("@")[-1]


def open_readonly(db: str) -> Any:
    """Open a store for serving: it must exist already, and SQLite connections refuse writes."""
    from sqlalchemy import event

    from ..store import open_store, store_url

    url = store_url(db)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
        raise StoreError("no store here", where=db, hint="run `newsgraph ingest PATH` first, or pass --db")
    store = open_store(db)
    statement = {"sqlite": "PRAGMA query_only=ON",
                 "postgresql": "SET default_transaction_read_only = on"}.get(store.engine.dialect.name)
    if statement:
        store.engine.dispose()  # drop connections opened by migrations; new ones are read-only

        @event.listens_for(store.engine, "connect")
        def _read_only(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute(statement)
            cur.close()
            dbapi_conn.commit()  # PostgreSQL: keep the SET past the pool's rollback-on-return
    return store


def run_server(db: str, host: str = "127.0.0.1", port: int = 8765, log_level: str = "warning") -> None:
    import uvicorn

    store = open_readonly(db)
    app = create_app(store, store_name=Path(db).name if "://" not in db else None)
    print(f"newsgraph: serving {db} on http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr, flush=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                    limit_concurrency=64, timeout_keep_alive=5)
    finally:
        store.close()
