"""`newsgraph eval ...`: score an extractor against a gold file (metrics in docs/evaluation.md)."""
from __future__ import annotations

import importlib

import click

# subcommand -> "module:attribute" under newsgraph.cli
EVALS: dict[str, str] = {
    "quotes": "eval_quotes:quotes",
    "actors": "eval_actors:actors",
    "events": "eval_events:events",
    "stance": "eval_stance:stance",
}


class _LazyEvalGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(n for n in EVALS if importlib.util.find_spec(f"newsgraph.cli.{EVALS[n].split(':')[0]}"))

    def get_command(self, ctx, name):
        if name not in self.list_commands(ctx):
            return None
        module, attr = EVALS[name].split(":")
        return getattr(importlib.import_module(f"newsgraph.cli.{module}"), attr)


@click.group("eval", cls=_LazyEvalGroup)
def eval_group():
    """Score newsgraph's extractors against gold data.

    \b
    Examples:
      newsgraph eval quotes ../shared/eval/quotes/dev.jsonl
      newsgraph eval events ../shared/eval/events/dev.jsonl --json
    """
