"""`newsgraph eval stance GOLD.jsonl`: macro-F1, disagree F1, per-class F1, confusion, FNC-1 score."""
from __future__ import annotations

import json
import sys

import click

from ..errors import InputError


@click.command("stance")
@click.argument("gold_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def stance(gold_path: str, as_json: bool) -> None:
    """Score `newsgraph stance` against gold pairs {"id", "claim", "body", "label"}.

    Reports macro-F1 over the four classes, F1 of `disagree`, per-class precision/recall/F1,
    the confusion matrix (rows gold, columns predicted) and the FNC-1 weighted score with its
    share of the best possible score on the same file.

    \b
    Example:
      newsgraph eval stance ../shared/eval/stance/dev.jsonl
    """
    from ..evaluate.gold import gold_records
    from ..evaluate.stance import LABELS, score
    from ..link.stance import StanceModel

    model = StanceModel()
    gold, predicted, failures = [], [], 0

    def report(error: InputError) -> None:
        nonlocal failures
        failures += 1
        click.echo(f"error: {error}", err=True)

    for where, record in gold_records(gold_path, on_error=report):
        try:
            label = record["label"]
            claim, body = record["claim"], record["body"]
            if label not in LABELS:
                raise ValueError(f"unknown label {label!r}")
        except (KeyError, TypeError, ValueError) as exc:
            report(InputError(f"bad gold record ({exc})", where=where))
            continue
        gold.append(label)
        predicted.append(model.predict(claim, body).stance)
    result = score(gold, predicted)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        _print_report(result, LABELS)
    if failures:
        sys.exit(1)


def _print_report(result: dict, labels: tuple[str, ...]) -> None:
    echo = click.echo
    echo(f"cases: {result['cases']}")
    echo(f"macro-F1: {result['macro_f1']:.4f}   disagree F1: {result['disagree_f1']:.4f}   "
         f"accuracy: {result['accuracy']:.4f}")
    echo(f"FNC-1 score: {result['fnc_score']:.2f} / {result['fnc_max']:.2f} "
         f"= {result['fnc_relative']:.4f} (relative)")
    echo("")
    echo(f"{'class':<10} {'P':>7} {'R':>7} {'F1':>7} {'n':>5}")
    for label in labels:
        c = result["per_class"][label]
        echo(f"{label:<10} {c['precision']:>7.4f} {c['recall']:>7.4f} {c['f1']:>7.4f} {c['support']:>5}")
    echo("")
    echo("confusion (rows gold, columns predicted)")
    echo(" " * 10 + "".join(f"{p:>11}" for p in labels))
    for g in labels:
        echo(f"{g:<10}" + "".join(f"{result['confusion'][g][p]:>11}" for p in labels))
