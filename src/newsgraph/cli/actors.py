"""`newsgraph actors` (list, merge, split, judgements) and `newsgraph actor NAME`."""
from __future__ import annotations

import json

import click

from .output import emit, output_options

_DB_HELP = "Store: SQLite file or postgresql:// URL. Default: NEWSGRAPH_DB or ./newsgraph.db."
_TYPES = ["state", "organization", "armed_group", "person", "media", "group", "location"]


def _open(db):
    from .. import settings
    from ..errors import NewsgraphError
    from ..store import open_store

    try:
        return open_store(settings.get("db", db))
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc


def _roles_text(roles: list[dict]) -> str:
    return "; ".join(f"{r['title']} ({r['of']})" if r.get("of") else r["title"] for r in roles)


@click.group(invoke_without_command=True)
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--type", "actor_type", type=click.Choice(_TYPES), default=None, help="Only actors of this type.")
@click.option("--name", default=None, help="Only actors whose name or an alias contains this text.")
@click.option("--country", default=None, metavar="ISO2", help="Only actors of this country (e.g. RU).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_options
@click.pass_context
def actors(ctx, db, actor_type, name, country, limit, offset, fmt):
    """List actors, most mentioned first, with type, country, mention counts and roles.

    Merged actors are folded into one row. Subcommands record identity judgements that
    override the automatic ones and survive re-ingest.

    \b
    Examples:
      newsgraph actors --type person
      newsgraph actors --name Taliban --json
      newsgraph actors merge "Zamir Kabulov" Kabulov
      newsgraph actors split person:zamir-kabulov person:kabulov
      newsgraph actors judgements
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"db": db}
        return
    from ..query import actors as query_actors

    with _open(db) as store:
        rows = query_actors(store, type=actor_type, name=name, country=country, limit=limit, offset=offset)
    if fmt == "table":
        rows = [{**r, "aliases": ", ".join(r["aliases"][:6]), "roles": _roles_text(r["roles"])} for r in rows]
    emit(rows, fmt, columns=["id", "name", "type", "country", "mentions", "documents", "roles", "aliases"],
         title="actors")


def _judge(ctx, action, *args):
    from ..errors import NewsgraphError
    from ..store import judgements

    with _open(ctx.obj["db"]) as store:
        try:
            result = getattr(judgements, action)(store, *args)
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, ensure_ascii=False))


@actors.command("merge")
@click.argument("a")
@click.argument("b")
@click.option("--note", default=None, help="Why: kept with the judgement.")
@click.pass_context
def merge(ctx, a, b, note):
    """Judge that actor B is actor A (ids or names); B's mentions, roles and aliases go to A.

    \b
    Example:
      newsgraph actors merge person:zamir-kabulov person:kabulov --note "same envoy"
    """
    _judge(ctx, "merge", a, b, note)


@actors.command("split")
@click.argument("a")
@click.argument("b")
@click.option("--new-id", default=None, help="Id for the actor split off (default: from its type and name).")
@click.option("--note", default=None, help="Why: kept with the judgement.")
@click.pass_context
def split(ctx, a, b, new_id, note):
    """Undo a merge of B into A, or take the alias B away from actor A into its own actor.

    \b
    Example:
      newsgraph actors split country:ge "Georgia" --new-id place:georgia-us-state
    """
    _judge(ctx, "split", a, b, new_id, note)


@actors.command("judgements")
@output_options
@click.pass_context
def list_judgements(ctx, fmt):
    """List the merge and split judgements recorded in the store.

    \b
    Example:
      newsgraph actors judgements --json
    """
    from ..store import judgements

    with _open(ctx.obj["db"]) as store:
        emit(judgements.list_judgements(store), fmt, title="judgements")


@click.command()
@click.argument("name")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def actor(name, db, as_json):
    """Show one actor (id or name): aliases, roles, documents, statement and event counts.

    \b
    Examples:
      newsgraph actor "Zamir Kabulov"
      newsgraph actor org:taliban --json
    """
    from ..errors import NewsgraphError
    from ..query import actor as query_actor

    with _open(db) as store:
        try:
            row = query_actor(store, name)
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False, indent=2, default=str))
        return
    click.echo(f"{row['name']}  [{row['id']}]  {row['type']}" + (f"  {row['country']}" if row.get("country") else ""))
    click.echo(f"  mentions {row['mentions']} in {len(row['documents'])} documents; "
               f"statements {row['statements']} (about it: {row['statements_about']}); events {row['events']}")
    if row["aliases"]:
        click.echo("  aliases: " + ", ".join(row["aliases"]))
    for r in row["roles"]:
        click.echo(f"  role: {r['title']}" + (f" of {r['of']}" if r.get("of") else ""))
    if row["merged_ids"]:
        click.echo("  merged: " + ", ".join(row["merged_ids"]))
    for d in row["documents"][:20]:
        click.echo(f"  - {d['id']}  {d.get('published') or ''}  {d.get('title') or ''}  ({d['mentions']} mentions)")
    if row.get("other_matches"):
        click.echo("  other actors matching: " + ", ".join(row["other_matches"]), err=True)
