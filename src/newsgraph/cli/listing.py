"""`newsgraph stats` and `newsgraph documents`: what the store holds."""
from __future__ import annotations

import json

import click

from .output import emit, output_options

_DB_HELP = "Store: SQLite file or postgresql:// URL. Default: NEWSGRAPH_DB or ./newsgraph.db."


def _open(db):
    from .. import settings
    from ..errors import NewsgraphError
    from ..store import open_store

    try:
        return open_store(settings.get("db", db))
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--detail", is_flag=True, help="Also count actors by type, statements by polarity, events by type.")
def stats(db, as_json, detail):
    """Count the documents, actors, statements, events and links in the store.

    \b
    Examples:
      newsgraph stats
      newsgraph stats --json --db news.db
    """
    from ..query import stats as query_stats

    with _open(db) as store:
        counts = query_stats(store, detail=detail)
    if as_json:
        click.echo(json.dumps(counts))
        return
    for key, value in counts.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for name, n in value.items():
                click.echo(f"  {name:<22}{n:>8}")
        else:
            click.echo(f"{key:<24}{value:>8}")


@click.command()
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--source", default=None, help="Only documents from this outlet or feed.")
@click.option("--since", default=None, metavar="DATE", help="Only documents published on or after DATE (ISO).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_options
def documents(db, source, since, limit, offset, fmt):
    """List stored documents, newest first, with how much was extracted from each.

    \b
    Examples:
      newsgraph documents
      newsgraph documents --since 2016-01 --jsonl
      newsgraph documents --source Interfax --csv > docs.csv
    """
    from ..query import documents as query_documents

    with _open(db) as store:
        rows = query_documents(store, limit=limit, offset=offset, source=source, since=since)
    columns = ["id", "published", "title", "source", "statements", "events", "mentions"]
    emit(rows, fmt, columns=None if fmt in ("json", "jsonl") else columns, title="documents")
