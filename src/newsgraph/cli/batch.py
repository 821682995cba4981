"""`newsgraph batch` (articles -> shard files, no database) and `newsgraph load` (shards -> store)."""
from __future__ import annotations

import json
import sys

import click

from .common import ErrorTally, input_options, load_aliases, parse_fields


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory for the shard files (created if missing).")
@click.option("--shard-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Documents per shard file.")
@click.option("--prefix", default="part", show_default=True,
              help="Shard file name prefix; give each job of a cluster run its own.")
@click.option("--overwrite", is_flag=True, help="Replace shards with the same prefix already in OUT.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run workers in a local process pool or on a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler to use with --engine dask (tcp://HOST:8786); implies --engine dask. Default: a local cluster.")
@input_options
def batch(paths, out_dir, shard_size, prefix, overwrite, engine, scheduler, workers, batch_size, aliases,
          model, max_bytes, fields):
    """Extract articles into JSON Lines shard files, without touching a database.

    Each line of OUT/PREFIX-NNNNN.jsonl is the `extract` contract JSON of one article, with
    its text and the few fields a store needs besides. `newsgraph load OUT/` then writes the
    shards into a store, with the same result as `newsgraph ingest` of the same inputs. A
    shard file appears only once complete. Bad inputs are named on stderr; exit code 1.

    \b
    Examples:
      newsgraph batch crawl/ -o shards/ --workers 2
      newsgraph batch feeds/*.xml -o shards/ --engine dask --scheduler tcp://10.0.0.5:8786 --prefix job7
      newsgraph load shards/ --db news.db
    """
    from .. import settings
    from ..errors import UsageError
    from ..read import ReadOptions, read_paths
    from ..scale import map_documents
    from ..scale.shardfiles import write_shards

    engine = "dask" if scheduler else engine  # a scheduler address means Dask
    tally = ErrorTally()
    options = ReadOptions(fields=parse_fields(fields), max_bytes=settings.get("max_bytes", max_bytes))
    documents = read_paths(list(paths), options=options, on_error=tally)
    batches = map_documents(documents, workers=settings.get("workers", workers), engine=engine,
                            scheduler=scheduler, batch_size=settings.get("batch_size", batch_size),
                            model=model, aliases=load_aliases(aliases or settings.get("aliases")),
                            on_error=tally)
    try:
        shards = write_shards(batches, out_dir, shard_size=shard_size, prefix=prefix, overwrite=overwrite)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"wrote {len(shards)} shard files to {out_dir} ({tally.failed} inputs failed)", err=True)
    sys.exit(tally.exit_code)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", default=None, help="Store: SQLite file or postgresql:// URL. Default: NEWSGRAPH_DB or ./newsgraph.db.")
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Documents written per transaction.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def load(paths, db, batch_size, as_json):
    """Merge shard files written by `newsgraph batch` into a store.

    PATHS are shard files or directories holding them (*.jsonl, recursively). Records merge
    by id: loading a shard twice, or shards that overlap, changes nothing the second time.
    A malformed line is named on stderr (file:line) and skipped; exit code 1.

    \b
    Examples:
      newsgraph load shards/
      newsgraph load shards/ --db postgresql://newsgraph@db.example/news
    """
    from .. import settings
    from ..errors import UsageError
    from ..scale.shardfiles import load_shards
    from ..store import open_store

    tally = ErrorTally()
    db = settings.get("db", db)
    with open_store(db) as store:
        try:
            written_ids = load_shards(store, paths, batch_size=batch_size, on_error=tally)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from exc
        if written_ids:  # as `ingest` does: links between the new statements and those stored
            from ..link.across import link_store

            link_store(store, document_ids=written_ids)
        written = len(written_ids)
        stats = store.stats()
    if as_json:
        click.echo(json.dumps({"written": written, "failed": tally.failed, "store": stats, "db": str(db)}))
    else:
        counts = ", ".join(f"{v} {k}" for k, v in stats.items())
        click.echo(f"loaded {written} documents ({tally.failed} failed) into {db}: {counts}", err=True)
    sys.exit(tally.exit_code)
