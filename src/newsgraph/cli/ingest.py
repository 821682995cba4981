"""`newsgraph ingest`: read articles, extract, and write everything into the store."""
from __future__ import annotations

import json
import sys

import click

from .common import ErrorTally, input_options, load_aliases, parse_fields

# Beyond this many, notices about unchanged documents are summed up instead of listed.
_MAX_NOTICES = 20


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--db", default=None, help="Store: SQLite file or postgresql:// URL. Default: NEWSGRAPH_DB or ./newsgraph.db.")
@click.option("--force", is_flag=True, help="Process documents again even when their text is unchanged.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run workers in a local process pool or on a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler to use with --engine dask (tcp://HOST:8786); implies --engine dask. Default: a local cluster of --workers processes.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@input_options
def ingest(paths, db, force, engine, scheduler, as_json, workers, batch_size, aliases, model, max_bytes, fields):
    """Read articles, extract actors, statements and events, and store them.

    PATHS are .txt, .html, .jsonl, .csv, RSS/Atom, WARC files, directories or '-' (stdin).
    Documents are committed in batches: a run that is stopped keeps what it committed, and
    running it again skips documents already stored with the same text and finishes the rest.
    Bad inputs are named on stderr and skipped; the exit code is 1 if any input failed.

    \b
    Examples:
      newsgraph ingest examples/
      newsgraph ingest feed.xml crawl.warc.gz --db news.db --workers 2
      newsgraph ingest articles.jsonl --field text=body --aliases my_actors.yaml
      newsgraph ingest crawl/ --engine dask --workers 4
      newsgraph ingest crawl/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .. import settings
    from ..errors import NewsgraphError
    from ..read import ReadOptions, read_paths
    from ..store import open_store
    from ..store.ingest import ingest as run_ingest

    engine = "dask" if scheduler else engine  # a scheduler address means Dask
    tally = ErrorTally()
    options = ReadOptions(fields=parse_fields(fields), max_bytes=settings.get("max_bytes", max_bytes))
    batch_size = settings.get("batch_size", batch_size)
    db = settings.get("db", db)
    try:
        store = open_store(db)
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    unchanged_notices = 0

    def on_unchanged(document) -> None:
        nonlocal unchanged_notices
        unchanged_notices += 1
        if unchanged_notices <= _MAX_NOTICES:
            click.echo(f"notice: {document.origin or document.id}: unchanged since the last ingest, skipped "
                       "(use --force to process it again)", err=True)

    progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(bar_width=None),
                        TextColumn("{task.completed} documents stored"), TimeElapsedColumn(),
                        console=_stderr_console(), transient=True)
    with store, progress:
        task = progress.add_task("ingest", total=None)
        documents = read_paths(list(paths), options=options, on_error=tally)
        summary = run_ingest(
            store, documents, workers=settings.get("workers", workers), batch_size=batch_size, engine=engine, scheduler=scheduler,
            model=model, aliases=load_aliases(aliases or settings.get("aliases")), force=force,
            on_error=tally, on_unchanged=on_unchanged,
            on_committed=lambda chunk: progress.advance(task, len(chunk)))
        # Links between the new statements and those already stored; pending also covers
        # documents a killed run committed but never linked.
        pending = store.pending_link_ids()
        if pending:
            from ..link.across import link_store

            link_store(store, document_ids=pending)
            store.mark_linked(pending)
            summary.stats = store.stats()
    if unchanged_notices > _MAX_NOTICES:
        click.echo(f"notice: {unchanged_notices - _MAX_NOTICES} more unchanged documents skipped", err=True)
    failed = tally.failed
    report = summary.as_dict() | {"failed": failed, "skipped": tally.skipped, "db": str(db)}
    if as_json:
        click.echo(json.dumps(report))
    else:
        counts = ", ".join(f"{v} {k}" for k, v in summary.stats.items())
        click.echo(f"ingested {summary.written} documents ({summary.unchanged} unchanged, {failed} failed, "
                   f"{tally.skipped} skipped) into {db}: {counts}", err=True)
    sys.exit(tally.exit_code)


def _stderr_console():
    from .output import stderr_console

    return stderr_console()
