"""`newsgraph export`: the store as files (formats registered in newsgraph.export.FORMATS)."""
from __future__ import annotations

import click

from ..export import DIRECTORY_FORMATS, FORMATS


@click.command()
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), required=True,
              help="jsonl/csv: a directory with one file per entity; graph formats: one file.")
@click.option("-o", "--output", required=True, type=click.Path(), help="Directory (jsonl, csv) or file to write.")
@click.option("--db", default=None, help="Store: SQLite file or postgresql:// URL. Default: NEWSGRAPH_DB or ./newsgraph.db.")
def export(fmt, output, db):
    """Export the store: documents, actors, statements, events, links and judgements.

    \b
    Examples:
      newsgraph export --format jsonl -o out/
      newsgraph export --format csv -o tables/ --db news.db
    """
    from .. import settings
    from ..errors import NewsgraphError
    from ..export import export as run_export
    from ..store import open_store

    try:
        with open_store(settings.get("db", db)) as store:
            paths = run_export(store, fmt, output)
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write ({exc.strerror})") from exc
    kind = "files" if fmt in DIRECTORY_FORMATS else "file"
    click.echo(f"wrote {len(paths)} {kind}: " + ", ".join(str(p) for p in paths), err=True)
