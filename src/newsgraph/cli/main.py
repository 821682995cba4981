"""The `newsgraph` command. Subcommands are imported lazily so `--help` stays fast.

To add a command: write it in its own module under cli/ and add one line to COMMANDS.
"""
from __future__ import annotations

import importlib
import logging
import sys

import click

from .. import __version__

# command name -> "module:attribute" (module relative to newsgraph.cli)
COMMANDS: dict[str, str] = {
    "ingest": "ingest:ingest",
    "extract": "extract:extract",
    "stats": "listing:stats",
    "documents": "listing:documents",
    "actors": "actors:actors",
    "actor": "actors:actor",
    "statements": "statements:statements",
    "events": "events:events",
    "contradictions": "links:contradictions",
    "check": "links:check",
    "relations": "links:relations",
    "stance": "stance:stance",
    "export": "export:export",
    "serve": "serve:serve",
    "batch": "batch:batch",
    "load": "batch:load",
    "eval": "evaluate:eval_group",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(name for name in COMMANDS if self._available(name))

    @staticmethod
    def _available(name: str) -> bool:
        module = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(f"newsgraph.cli.{module}") is not None

    def get_command(self, ctx, name):
        if name not in COMMANDS or not self._available(name):
            return None
        module, attr = COMMANDS[name].split(":")
        return getattr(importlib.import_module(f"newsgraph.cli.{module}"), attr)

    def invoke(self, ctx):
        """Errors from the catalogue (newsgraph.errors) print as one line, not a traceback:
        exit 2 for bad usage, 1 otherwise."""
        from ..errors import NewsgraphError, UsageError

        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise click.UsageError(str(exc), ctx) from exc
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def cli():
    """newsgraph: read news and rebuild the system it describes.

    Actors, what they said (claims and denials), what they did to each other (PLOVER events),
    where sources contradict each other and how relations shift, each fact with its evidence.

    \b
    Quick start:
      newsgraph ingest examples/          # into ./newsgraph.db
      newsgraph stats
      newsgraph statements --polarity deny
      newsgraph extract article.txt --format jsonl
    """
    # Library notices (encoding fallbacks, feed warnings) become one stderr line each.
    logging.basicConfig(level=logging.WARNING, format="notice: %(message)s", stream=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    try:
        return cli.main(args=argv, prog_name="newsgraph", standalone_mode=True) or 0
    except BrokenPipeError:  # `newsgraph ... | head` ends quietly
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
