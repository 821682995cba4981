"""`newsgraph eval actors GOLD`: actor extraction scores (metrics in docs/actors.md)."""
from __future__ import annotations

import json
import sys
import time

import click

from ..errors import InputError


@click.command("actors")
@click.argument("gold_path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--details", is_flag=True, help="List missed, spurious and mis-merged actors per article.")
def actors(gold_path: str, as_json: bool, details: bool) -> None:
    """Score actor extraction against a gold corpus (a directory of YAML articles or one file).

    Prints actor precision/recall (an actor counts when its type and canonical id or name
    are right), merge accuracy (every gold alias ends in the right actor), role P/R
    (title and organisation/state), people's country accuracy, and not-actor violations.

    \b
    Example:
      newsgraph eval actors tests/corpus/actors/
      newsgraph eval actors tests/corpus/actors/ --details
      newsgraph eval actors tests/corpus/actors/07_kenya.yaml --json
    """
    from ..evaluate.actors import evaluate, format_report

    started = time.perf_counter()
    try:
        result = evaluate(gold_path)
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    result["seconds"] = round(time.perf_counter() - started, 2)
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(result, details=details))
        click.echo(f"({result['seconds']} s)", err=True)
