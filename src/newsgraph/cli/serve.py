"""`newsgraph serve`: the web UI and JSON API over a store, read-only, on 127.0.0.1 by default."""
from __future__ import annotations

import ipaddress
import sys

import click

from .. import settings
from ..errors import NewsgraphError


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--db", default=None, help="Store: SQLite file or postgresql:// URL (default: the `db` setting).")
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1; other hosts can then reach it).")
@click.option("--port", default=None, type=int, help="Port to listen on (default 8765).")
@click.option("--log-level", default="warning", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="Server log level.")
def serve(db: str | None, host: str | None, port: int | None, log_level: str) -> None:
    """Serve the web UI and the JSON API over a store (read-only).

    Pages: overview, network, actors, actor, statement, document, contradictions, search;
    every page has a .json twin (/actors and /actors.json). The API is described at
    /openapi.json and listed at /api. Scripts are served from the installed pyvis and plotly
    wheels: nothing is fetched from outside.

    \b
    Example:
      newsgraph ingest examples/
      newsgraph serve --db newsgraph.db --port 8765
      # then open http://127.0.0.1:8765/
    """
    from ..serve import run_server

    host = settings.get("host", host)
    port = settings.get("port", port)
    db = settings.get("db", db)
    if not _is_loopback(host):
        click.echo(f"warning: binding {host}: the UI will be reachable from other machines "
                   "(it is read-only, but shows every stored article)", err=True)
    try:
        run_server(db, host=host, port=port, log_level=log_level)
    except NewsgraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
