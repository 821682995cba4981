"""`newsgraph statements`: who said what, filtered by speaker, topic, polarity, date and text."""
from __future__ import annotations

import click

from .output import emit, output_options

_DB_HELP = "Store: SQLite file or postgresql:// URL. Default: NEWSGRAPH_DB or ./newsgraph.db."
_TABLE_COLUMNS = ["date", "speaker_name", "cue", "polarity", "kind", "content", "medium_name", "document_id"]


@click.command()
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--speaker", default=None, metavar="ACTOR", help="Actor id, name or alias of the speaker.")
@click.option("--about", default=None, metavar="ACTOR", help="Only statements that mention this actor.")
@click.option("--polarity", type=click.Choice(["assert", "deny"]), default=None,
              help="Only claims (assert) or denials (deny).")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]), default=None,
              help="Direct quotes, reported speech, or both mixed.")
@click.option("--since", default=None, metavar="DATE", help="On or after DATE (ISO: 2016, 2016-01, 2016-01-05).")
@click.option("--until", default=None, metavar="DATE", help="On or before DATE (ISO).")
@click.option("--match", default=None, metavar="TEXT", help="Full-text search over the content.")
@click.option("--document", default=None, metavar="ID", help="Only statements from this document.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_options
def statements(db, speaker, about, polarity, kind, since, until, match, document, limit, offset, fmt):
    """List statements: speaker, cue, polarity, content, medium and date, newest first.

    A statement's date is the date of the speech when the article gives one, else the
    publication date of its article. Every row keeps its evidence (document id and spans).

    \b
    Examples:
      newsgraph statements --speaker "Zamir Kabulov"
      newsgraph statements --about Taliban --polarity deny
      newsgraph statements --since 2015-12 --match "channels" --jsonl
    """
    from .. import settings
    from ..errors import NewsgraphError
    from ..query import statements as query_statements
    from ..store import open_store

    try:
        with open_store(settings.get("db", db)) as store:
            rows = query_statements(store, speaker=speaker, about=about, polarity=polarity, kind=kind,
                                    since=since, until=until, match=match, document=document,
                                    limit=limit, offset=offset)
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "table":  # long quotes would swamp a terminal table; the other formats keep all of it
        rows = [dict(row, content=_shorten(row.get("content") or "")) for row in rows]
    emit(rows, fmt, columns=None if fmt in ("json", "jsonl") else _TABLE_COLUMNS, title="statements")


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
