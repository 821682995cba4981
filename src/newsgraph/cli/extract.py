"""`newsgraph extract`: print the contract JSON for each article, no store involved."""
from __future__ import annotations

import json
import sys

import click

from .common import ErrorTally, input_options, load_aliases, parse_fields


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="jsonl: one object per article and line (the contract); json: indented, for reading.")
@click.option("--with-text", is_flag=True, help="Include document.text, the text every span indexes.")
@input_options
def extract(paths, fmt, with_text, workers, batch_size, aliases, model, max_bytes, fields):
    """Extract actors, statements, events and links from articles and print them as JSON.

    PATHS are .txt, .html, .jsonl, .csv, RSS/Atom, WARC files or directories; '-' (or
    nothing) reads standard input. One JSON object per article goes to stdout, in input order;
    errors and progress go to stderr. The output follows docs/contract.md.

    \b
    Examples:
      newsgraph extract article.txt --format jsonl
      newsgraph extract articles.jsonl --field text=body --with-text > out.jsonl
      cat article.txt | newsgraph extract -
    """
    from .. import settings
    from ..model import batch_to_dict
    from ..read import ReadOptions, read_paths
    from ..scale import map_documents

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .output import stderr_console

    tally = ErrorTally()
    options = ReadOptions(fields=parse_fields(fields), max_bytes=settings.get("max_bytes", max_bytes))
    documents = read_paths(list(paths) or ["-"], options=options, on_error=tally)
    batches = map_documents(documents, workers=settings.get("workers", workers),
                            batch_size=settings.get("batch_size", batch_size), model=model,
                            aliases=load_aliases(aliases or settings.get("aliases")), on_error=tally)
    # The progress line goes to stderr and disappears at the end; stdout carries only JSON.
    progress = Progress(SpinnerColumn(), TextColumn("extracting: {task.completed} articles"),
                        TimeElapsedColumn(), console=stderr_console(), transient=True)
    with progress:
        task = progress.add_task("extract", total=None)
        for batch in batches:
            data = batch_to_dict(batch, with_text=with_text)
            text = json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None)
            sys.stdout.write(text + "\n")
            sys.stdout.flush()
            progress.advance(task)
    sys.exit(tally.exit_code)
