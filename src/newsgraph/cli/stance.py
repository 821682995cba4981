"""`newsgraph stance --pairs FILE.jsonl`: stance of each body towards its claim (contract.md)."""
from __future__ import annotations

import json
import sys
from typing import IO, Iterator

import click

from ..errors import InputError
from ..read.json_lines import json_lines


def read_pairs(stream: IO[str], name: str, on_error) -> Iterator[tuple[str | int, str, str]]:
    """(id, claim, body) per good line; on_error(InputError) for each bad one."""
    for where, record in json_lines(stream, name, on_error):
        if not isinstance(record, dict):
            on_error(InputError("expected a JSON object with id, claim and body", where=where))
            continue
        missing = [k for k in ("id", "claim", "body") if not isinstance(record.get(k), (str, int))]
        if missing or not isinstance(record.get("claim"), str) or not isinstance(record.get("body"), str):
            on_error(InputError(f"missing or non-text field(s): {', '.join(missing) or 'claim/body'}",
                                where=where, hint='each line needs {"id", "claim", "body"}'))
            continue
        yield record["id"], record["claim"], record["body"]


@click.command("stance")
@click.option("--pairs", "pairs_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help='JSON Lines file of {"id", "claim", "body"}; "-" reads stdin.')
def stance(pairs_path: str) -> None:
    """Stance of each body towards its claim: agree, disagree, discuss or unrelated.

    Prints one JSON line per input pair, in order:
    {"id", "stance", "score", "evidence": [{"span": [s, e], "polarity"}]}, where spans index
    into the body. Bad lines are reported on stderr (FILE:LINE: reason) and skipped; the exit
    code is then 1.

    \b
    Example:
      newsgraph stance --pairs pairs.jsonl > stances.jsonl
    """
    from ..link.stance import StanceModel

    model = StanceModel()  # cue lexicons loaded once for the whole file
    failures = 0

    def report(error: InputError) -> None:
        nonlocal failures
        failures += 1
        click.echo(f"error: {error}", err=True)

    try:
        stream = sys.stdin if pairs_path == "-" else open(pairs_path, encoding="utf-8")
    except OSError as exc:
        click.echo(f"error: {pairs_path}: cannot read ({exc.strerror})", err=True)
        sys.exit(1)
    name = "<stdin>" if pairs_path == "-" else pairs_path
    with stream:
        try:
            for pair_id, claim, body in read_pairs(stream, name, report):
                result = model.predict(claim, body)
                sys.stdout.write(json.dumps(result.to_dict(pair_id), ensure_ascii=False) + "\n")
        except UnicodeDecodeError:
            report(InputError("not UTF-8 text", where=name))
    sys.stdout.flush()
    if failures:
        sys.exit(1)
