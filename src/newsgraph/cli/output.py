"""Output formats defined once: every listing command gets --json/--jsonl/--csv/--table."""
from __future__ import annotations

import csv
import functools
import json
import sys
from typing import Any, Callable, Iterable

import click

FORMATS = ("table", "json", "jsonl", "csv")


def output_options(func: Callable) -> Callable:
    """Add --json/--jsonl/--csv/--table; the command receives `fmt`."""

    @click.option("--table", "fmt", flag_value="table", default=True, help="Rich table on stdout (default).")
    @click.option("--json", "fmt", flag_value="json", help="One JSON array.")
    @click.option("--jsonl", "fmt", flag_value="jsonl", help="One JSON object per line.")
    @click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(rows: Iterable[dict[str, Any]], fmt: str, columns: list[str] | None = None,
         title: str | None = None) -> None:
    """Print rows (dicts) in the chosen format. `columns` limits the table and CSV columns."""
    rows = list(rows)
    cols = columns or (list(rows[0].keys()) if rows else [])
    out = sys.stdout
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _cell(row.get(c)) for c in cols})
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for c in cols:
            table.add_column(c, overflow="fold", max_width=60)
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in cols))
        # A pipe or file gets a wide table rather than rich's 80-column default.
        Console(soft_wrap=False, width=None if out.isatty() else 200).print(table)
        if not rows:
            click.echo("(no rows)", err=True)


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)
