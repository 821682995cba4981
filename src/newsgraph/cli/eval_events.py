"""`newsgraph eval events GOLD.jsonl`: event type P/R/F1, dyad accuracy, negatives."""
from __future__ import annotations

import json
import sys

import click

from ..errors import InputError


@click.command("events")
@click.argument("gold_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--cases", "show_cases", is_flag=True,
              help="Also print one JSON line per case (gold and predicted types, events) on stderr.")
def events(gold_path: str, as_json: bool, show_cases: bool) -> None:
    """Score the event extractor against sentence-level PLOVER gold (JSONL).

    Each line: {"id", "tier", "text", "events": [{"plover", "plover_alternatives", "source",
    "target", "reciprocal"}]}; tiers gold-negative / statement-negative expect no event.
    Reports type precision/recall/F1 (micro and macro, strict and lenient), dyad accuracy on
    matched events and the share of negative sentences that give no event.

    \b
    Example:
      newsgraph eval events ../shared/eval/events/dev.jsonl
      newsgraph eval events ../shared/eval/events/dev.jsonl --json
    """
    from ..evaluate.events import case_rows, load_cases, predict, score

    try:
        cases = load_cases(gold_path)
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    predictions = predict(cases)
    result = score(cases, predictions)
    if show_cases:
        for row in case_rows(cases, predictions):
            click.echo(json.dumps(row, ensure_ascii=False), err=True)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        _print_report(result)


def _print_report(result: dict) -> None:
    echo = click.echo
    echo(f"cases: {result['cases']} ({result['gold_cases']} with gold events, "
         f"{result['gold_events']} events; {result['negatives']['cases']} negative)")
    for name in ("strict", "lenient"):
        micro, macro = result[name]["micro"], result[name]["macro"]
        echo(f"type {name:8s} micro P {micro['precision']:.3f} R {micro['recall']:.3f} F1 {micro['f1']:.3f}"
             f"   macro P {macro['precision']:.3f} R {macro['recall']:.3f} F1 {macro['f1']:.3f}"
             f"   (tp {micro['tp']}, fp {micro['fp']}, fn {micro['fn']})")
    dyad = result["dyad"]
    echo(f"dyad accuracy: {dyad['accuracy']:.3f} ({dyad['correct']}/{dyad['matched_events']} matched events)")
    negatives = result["negatives"]
    echo(f"negatives with no event: {negatives['no_event_share']:.3f} "
         f"(false-positive rate {negatives['false_positive_rate']:.3f} over {negatives['cases']})")
    echo("per category (strict): P / R / F1 / support")
    for category, figures in result["strict"]["per_category"].items():
        echo(f"  {category:10s} {figures['precision']:.2f} / {figures['recall']:.2f} / {figures['f1']:.2f}"
             f" / {figures['support']}")
