"""`newsgraph events`: who did what to whom, from the store (PLOVER types)."""
from __future__ import annotations

import click

from ..model import EventType, Modality
from .output import emit, output_options

_DB_HELP = "Store: SQLite file or postgresql:// URL. Default: NEWSGRAPH_DB or ./newsgraph.db."
_TYPES = click.Choice([t.value for t in EventType], case_sensitive=False)
_MODALITIES = click.Choice([m.value for m in Modality])
COLUMNS = ["date", "type", "mode", "source_name", "target_name", "modality", "trigger", "reported_by", "id"]


def _open(db):
    from .. import settings
    from ..errors import NewsgraphError
    from ..store import open_store

    try:
        return open_store(settings.get("db", db))
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc


def _table_row(row: dict) -> dict:
    """The compact view for --table and --csv: names where known, else the words of the text."""
    first = (row.get("reports") or [{}])[0]
    return {**row, "date": row.get("date") or row.get("when"),
            "source_name": row.get("source_name") or row.get("source") or first.get("source_text"),
            "target_name": row.get("target_name") or row.get("target") or first.get("target_text"),
            "reported_by": len(row.get("reports") or [])}


@click.command()
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--source", default=None, metavar="ACTOR", help="Only events done by this actor (id, name or alias).")
@click.option("--target", default=None, metavar="ACTOR", help="Only events done to this actor.")
@click.option("--actor", default=None, metavar="ACTOR", help="Only events with this actor on either side.")
@click.option("--type", "event_type", type=_TYPES, default=None, help="Only this PLOVER type.")
@click.option("--modality", type=_MODALITIES, default=None,
              help="Only this modality (asserted, reported, planned, hypothetical, negated).")
@click.option("--since", default=None, metavar="DATE", help="Only events on or after DATE (ISO: 2016, 2016-01, 2016-01-05).")
@click.option("--until", default=None, metavar="DATE", help="Only events on or before DATE.")
@click.option("--document", default=None, metavar="ID", help="Only events reported by this document.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_options
def events(db, source, target, actor, event_type, modality, since, until, document, limit, offset, fmt):
    """List events (who did what to whom), newest first, one row per event however many
    documents report it. An event's date is its own, else its first report's publication date.

    \b
    Examples:
      newsgraph events --source Taliban --type ASSAULT
      newsgraph events --source Russia --target Afghanistan --since 2016-01 --json
      newsgraph events --actor "Zamir Kabulov" --modality reported --csv > events.csv
    """
    from ..query.events import events as query_events

    with _open(db) as store:
        rows = query_events(store, source=source, target=target, type=event_type, since=since, until=until,
                            modality=modality, actor=actor, document=document, limit=limit, offset=offset)
    if fmt in ("json", "jsonl"):
        emit(rows, fmt)
    else:
        emit([_table_row(r) for r in rows], fmt, columns=COLUMNS, title="events")
