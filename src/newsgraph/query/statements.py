"""Statements: who said what, about whom, asserting or denying, with the sentence's evidence."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, Select, and_, bindparam, func, select, union_all

from ..store.schema import documents, statement_about, statements as t_statements
from ..store.search import matching_ids
from .common import actor_ids, actor_names, span


def statements(store, speaker: str | None = None, about: str | None = None, polarity: str | None = None,
               since: str | None = None, until: str | None = None, match: str | None = None,
               document: str | None = None, kind: str | None = None, limit: int | None = 100,
               offset: int = 0) -> list[dict[str, Any]]:
    """Statements filtered by speaker / about (id, name or alias), polarity, date and full text.

    Dates compare the statement's date, or its document's publication date when it has none,
    as ISO strings ("2016", "2016-01", "2016-01-05").
    """
    t = t_statements
    when = func.coalesce(t.c.date, documents.c.published)
    query = (select(t, documents.c.title.label("document_title"), documents.c.published.label("published"))
             .join(documents, documents.c.id == t.c.document_id))
    with store.engine.connect() as conn:
        speakers, abouts = actor_ids(conn, speaker), actor_ids(conn, about)
        # The actor page's lists (one filter, a page of rows) have bounded plans: see _latest.
        page = {"top": offset + limit, "limit": limit, "offset": offset} if limit is not None else None
        if page and not any((kind, document, since, until, match)):
            # About an actor, a polarity filter walks ix_statements_polarity_date instead of the
            # date index. (A speaker's statements of one polarity go the general way: SQLite,
            # without statistics, would walk that index rather than the speaker's.)
            page |= {"polarity": polarity} if polarity else {}
            if speakers and abouts is None and not polarity:
                return _finish(conn, conn.execute(_latest("speaker"), page | {"ids": speakers}).mappings().all())
            walk = _walk_plan(conn, abouts, offset + limit) if abouts and speakers is None else None
            if walk is not None:
                plan = _latest("about_walk" if walk else "about", bool(polarity))
                return _finish(conn, conn.execute(plan, page | {"ids": abouts}).mappings().all())
        if speakers is not None:
            query = query.where(t.c.speaker.in_(speakers))
        if abouts is not None:
            query = query.where(t.c.id.in_(select(statement_about.c.statement_id)
                                           .where(statement_about.c.actor_id.in_(abouts))))
        if polarity:
            query = query.where(t.c.polarity == polarity)
        if kind:
            query = query.where(t.c.kind == kind)
        if document:
            query = query.where(t.c.document_id == document)
        if since:
            query = query.where(when >= since)
        if until:
            query = query.where(when <= until)
        if match:
            hits = matching_ids(conn, t, match)
            query = query.where(t.c.id.in_(select(hits.c.id)))
        order = (t.c.content_span_start,) if document else (when.desc().nulls_last(), t.c.document_id, t.c.content_span_start)
        query = query.order_by(*order).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        rows = conn.execute(query).mappings().all()
        return _finish(conn, rows)


def _finish(conn, rows) -> list[dict[str, Any]]:
    """Statement rows as dicts, with the actors each is about and the speakers' names."""
    ids = [r["id"] for r in rows]
    about_map: dict[str, list[str]] = defaultdict(list)
    if ids:
        for sid, aid in conn.execute(select(statement_about.c.statement_id, statement_about.c.actor_id)
                                     .where(statement_about.c.statement_id.in_(ids))
                                     .order_by(statement_about.c.actor_id)):
            if aid not in about_map[sid]:
                about_map[sid].append(aid)
    names = actor_names(conn, {r["speaker"] for r in rows} | {r["medium"] for r in rows})
    return [_statement_dict(r, about_map.get(r["id"], []), names) for r in rows]


# The latest statements about an actor found in many of them are found by walking the date
# index and checking each statement (a few steps per statement shown) rather than sorting
# all of them: when the walk is expected to take at most this many steps...
_WALK_STEPS = 2000
# ...and the actor has at least this many statements about it (below, sorting them is cheap).
_WALK_FROM = 500


def _walk_plan(conn, abouts: list[str], top: int) -> bool | None:
    """None: sort all statements about `abouts`. Otherwise walk the date index for the dated
    statements; True: walk the undated ones too, False: take those from the actor's list."""
    about_count = conn.execute(select(func.count()).select_from(statement_about)
                               .where(statement_about.c.actor_id.in_(abouts))).scalar_one()
    if about_count < _WALK_FROM:
        return None
    total = conn.execute(select(func.count()).select_from(t_statements)).scalar_one()
    if top * total > _WALK_STEPS * about_count:
        return None
    undated = conn.execute(select(func.count()).select_from(t_statements)
                           .where(t_statements.c.date.is_(None))).scalar_one()
    return undated <= about_count


@lru_cache(maxsize=6)
def _latest(by: str, with_polarity: bool = False) -> Select:
    """The rows and order of the general query filtered by speaker or about only, in two bounded parts.

    A statement's date is its own or its document's: the dated ones come in date-index order
    (ix_statements_speaker_date for a speaker; ix_statements_date, checking each, for an actor
    in many statements), the undated ones in publication order; the first `top` (offset +
    limit) of each part hold the first `top` of all. `by`: "speaker", "about" (undated ones
    from the actor's list) or "about_walk" (undated ones by walking the index). Parameters:
    ids, top, limit, offset. Built once: its construction costs more Python time than running it.
    """
    t = t_statements
    ids, top = bindparam("ids", expanding=True), bindparam("top", type_=Integer)
    # With a polarity the statements checked are those of that polarity: the share of them
    # about the actor is much that of all statements, so _walk_plan's estimate holds.
    base = (select(t, documents.c.title.label("document_title"), documents.c.published.label("published"),
                   func.coalesce(t.c.date, documents.c.published).label("when_"))
            .join(documents, documents.c.id == t.c.document_id))
    if by == "speaker":
        dated_filter = undated_filter = t.c.speaker.in_(ids)
    else:
        about_ids = select(statement_about.c.statement_id).where(statement_about.c.actor_id.in_(ids))
        dated_filter = about_ids.where(statement_about.c.statement_id == t.c.id).exists()
        undated_filter = dated_filter if by == "about_walk" else t.c.id.in_(about_ids)
    if with_polarity:
        same_polarity = t.c.polarity == bindparam("polarity")
        dated_filter, undated_filter = and_(dated_filter, same_polarity), and_(undated_filter, same_polarity)
    dated = (base.where(t.c.date.is_not(None), dated_filter)
             .order_by(t.c.date.desc(), t.c.document_id, t.c.content_span_start).limit(top))
    undated = (base.where(t.c.date.is_(None), undated_filter)
               .order_by(documents.c.published.desc().nulls_last(), t.c.document_id, t.c.content_span_start)
               .limit(top))
    both = union_all(select(dated.subquery()), select(undated.subquery())).subquery()
    return (select(both).order_by(both.c.when_.desc().nulls_last(), both.c.document_id, both.c.content_span_start)
            .limit(bindparam("limit", type_=Integer)).offset(bindparam("offset", type_=Integer)))


def _statement_dict(row, about: list[str], names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": row["id"], "document_id": row["document_id"], "document_title": row["document_title"],
        "published": row["published"],
        "speaker": row["speaker"], "speaker_name": names.get(row["speaker"]), "speaker_text": row["speaker_text"],
        "speaker_span": span(row, "speaker_span"), "cue": row["cue"], "cue_span": span(row, "cue_span"),
        "content": row["content"], "content_span": span(row, "content_span"), "kind": row["kind"],
        "polarity": row["polarity"], "medium": row["medium"], "medium_name": names.get(row["medium"]),
        "date": row["date"], "about": about,
    }
