"""`newsgraph contradictions`, `newsgraph check "CLAIM"`, `newsgraph relations A B`."""
from __future__ import annotations

import json
import sys

import click

from ..errors import NewsgraphError
from .output import emit, output_options

_db_option = click.option("--db", default=None,
                          help="Store: SQLite file or postgresql:// URL (default: the `db` setting).")


def _open(db: str | None):
    from ..store import open_store

    try:
        return open_store(db)
    except NewsgraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def _short(statement: dict | None, prefix: str) -> dict:
    if statement is None:
        return {f"{prefix}_speaker": None, f"{prefix}_content": None, f"{prefix}_source": None}
    source = " ".join(x for x in (statement.get("source"), statement.get("published")) if x) or statement["document_id"]
    return {f"{prefix}_speaker": statement.get("speaker_name") or statement.get("speaker"),
            f"{prefix}_polarity": statement.get("polarity"),
            f"{prefix}_content": statement.get("content"),
            f"{prefix}_source": source,
            f"{prefix}_id": statement.get("id")}


@click.command("contradictions")
@click.option("--about", default=None, help="Only contradictions by or about this actor (id, name or alias).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True, help="Most links shown.")
@_db_option
@output_options
def contradictions(about: str | None, limit: int, db: str | None, fmt: str) -> None:
    """Statements that contradict each other, strongest first, with their sources.

    \b
    Examples:
      newsgraph contradictions
      newsgraph contradictions --about Taliban --json
    """
    from ..query.links import contradictions as query

    with _open(db) as store:
        rows = query(store, about=about, limit=limit)
    if fmt in ("json", "jsonl"):
        emit(rows, fmt)
        return
    flat = [{"score": r["score"], "reason": r["reason"], **_short(r["a"], "a"), **_short(r["b"], "b")} for r in rows]
    emit(flat, fmt, columns=["score", "reason", "a_speaker", "a_content", "a_source",
                             "b_speaker", "b_content", "b_source"], title="contradictions")


@click.command("check")
@click.argument("claim")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="Most statements shown on each side.")
@_db_option
@output_options
def check(claim: str, limit: int, db: str | None, fmt: str) -> None:
    """Who supports a claim and who denies it: matching statements with their sources.

    \b
    Example:
      newsgraph check "Russia has contacts with the Taliban"
    """
    from ..query.links import check as query

    with _open(db) as store:
        result = query(store, claim, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    rows = [{"verdict": verdict, "score": s["score"], "speaker": s.get("speaker_name") or s.get("speaker"),
             "polarity": s["polarity"], "content": s["content"], "source": s.get("source"),
             "published": s.get("published"), "title": s.get("title"), "document_id": s["document_id"],
             "statement_id": s["id"]}
            for verdict, key in (("supports", "supporting"), ("denies", "denying")) for s in result[key]]
    emit(rows, fmt, columns=["verdict", "score", "speaker", "content", "source", "published"],
         title=f"check: {claim}")


@click.command("relations")
@click.argument("a")
@click.argument("b")
@click.option("--period", type=click.Choice(["day", "week", "month"]), default="month", show_default=True,
              help="Length of one step of the series.")
@_db_option
@output_options
def relations(a: str, b: str, period: str, db: str | None, fmt: str) -> None:
    """Relation of two actors over time: events per period by PLOVER quad class, the
    cooperation-conflict score (-1 conflict .. +1 cooperation), and the shifts with evidence.

    \b
    Examples:
      newsgraph relations Russia Taliban
      newsgraph relations country:ru org:taliban --period week --json
    """
    from ..query.relations import relations as query

    with _open(db) as store:
        try:
            result = query(store, a, b, period=period)
        except NewsgraphError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2 if exc.code == "bad_usage" else 1)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    columns = ["period", "verbal_cooperation", "material_cooperation", "verbal_conflict",
               "material_conflict", "score"]
    emit(result["series"], fmt, columns=columns,
         title=f"{result['a']['name']} - {result['b']['name']} by {period}")
    if fmt == "table":
        for shift in result["shifts"]:
            click.echo(f"shift in {shift['period']}: {shift['before']:+.2f} -> {shift['after']:+.2f}")
            for ev in shift["events"]:
                click.echo(f"  event {ev['type']} {ev['source']} -> {ev['target']} ({ev['published']}): {ev['text']}")
            for st in shift["statements"]:
                click.echo(f"  statement {st['speaker_text'] or st['speaker']} ({st['published']}): {st['content']}")
        if not result["shifts"]:
            click.echo("no shift beyond the pair's own noise", err=True)
