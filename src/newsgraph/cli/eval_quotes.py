"""`newsgraph eval quotes GOLD.jsonl`: attribution extraction scores (metrics in docs/statements.md)."""
from __future__ import annotations

import json
import sys
import time

import click

from ..errors import InputError


@click.command("quotes")
@click.argument("gold_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
def quotes(gold_path: str, as_json: bool, limit: int | None) -> None:
    """Score statement extraction against gold attributions (PolNeAR-style JSONL).

    Each line: {"id", "text", "quotes": [{"speaker_span", "cue_span", "content_span",
    "content_fragments"?}]}. Prints exact and begin match P/R/F1 per role (source, cue,
    content), content P/R/F1 at character overlap 0.3 and 0.8, speaker-span accuracy on
    matched contents and attribution-level P/R/F1.

    \b
    Example:
      newsgraph eval quotes ../shared/eval/quotes/dev.jsonl
      newsgraph eval quotes ../shared/eval/quotes/dev.jsonl --json
    """
    from ..evaluate.quotes import evaluate, format_report

    started = time.perf_counter()
    try:
        result = evaluate(gold_path, limit=limit)
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    result["seconds"] = round(time.perf_counter() - started, 2)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(format_report(result))
        click.echo(f"({result['seconds']} s)", err=True)
