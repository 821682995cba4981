"""Links between statements of different documents, computed over the whole store.

Comparing every pair of statements is quadratic, so candidates are blocked: two statements
are compared only when they share a party (actor, speaker or speaker's country) and a
predicate concept, or, lacking concepts, a party and a content term; statements with fewer
than two known actors also meet on their longer content terms. Links go to the store with Store.write_links
(upsert by id, so running it again after each ingest updates instead of duplicating).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

from sqlalchemy import select

from ..model import Link, Statement
from .claims import Proposition, parties, proposition
from .contradictions import compare

# A blocking key shared by more statements than this is too generic to pair them all (e.g.
# "the United States" + "attack"): such a block is split by a second party (see _bounded).
MAX_BLOCK = 400
# The strongest links kept per statement and link type.
MAX_LINKS_PER_STATEMENT = 10


def load_statements(store, document_ids: Iterable[str] | None = None) -> list[Statement]:
    """Statements with their `about` actors (canonical ids), as model records."""
    t = store.tables
    st, about, docs = t.statements, t.statement_about, t.documents
    query = (select(st.c.id, st.c.document_id, st.c.content, st.c.content_span_start, st.c.content_span_end,
                    st.c.speaker, st.c.speaker_text, st.c.polarity, st.c.date, st.c.cue, docs.c.published)
             .join(docs, docs.c.id == st.c.document_id))
    if document_ids is not None:
        query = query.where(st.c.document_id.in_(list(document_ids)))
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
        abouts: dict[str, list[str]] = defaultdict(list)
        about_query = select(about.c.statement_id, about.c.actor_id)
        if document_ids is not None:
            about_query = about_query.where(about.c.statement_id.in_([r["id"] for r in rows]))
        for sid, actor in conn.execute(about_query):
            abouts[sid].append(actor)
        mentions_by_doc = _mentions_of(conn, store.tables.mentions,
                                       {r["document_id"] for r in rows if not abouts.get(r["id"])})
    out = []
    for r in rows:
        span = (r["content_span_start"] or 0, r["content_span_end"] or 0)
        about_ids = abouts.get(r["id"]) or [a for s, e, a in mentions_by_doc.get(r["document_id"], ())
                                             if span[0] <= s and e <= span[1]]
        out.append(Statement(id=r["id"], document_id=r["document_id"], content=r["content"] or "",
                             content_span=span, speaker=r["speaker"], speaker_text=r["speaker_text"],
                             cue=r["cue"], polarity=r["polarity"] or "assert", date=r["date"] or r["published"],
                             about=tuple(dict.fromkeys(about_ids))))
    return out


def speaker_countries(store, speakers: set[str | None]) -> dict[str, str | None]:
    """speaker actor id -> ISO country code of that actor (None when unknown)."""
    actors = store.tables.actors
    wanted = sorted(s for s in speakers if s)
    out: dict[str, str | None] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            query = select(actors.c.id, actors.c.country).where(actors.c.id.in_(wanted[start:start + 500]))
            out.update({actor_id: country for actor_id, country in conn.execute(query)})
    return out


def _mentions_of(conn, mentions, document_ids: set[str]) -> dict[str, list[tuple[int, int, str]]]:
    """document id -> [(start, end, actor id)] of its resolved mentions (not plain locations).

    Used for statements stored without `about` actors: the actors named inside the content.
    """
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    ids = sorted(document_ids)
    for start in range(0, len(ids), 500):
        query = (select(mentions.c.document_id, mentions.c.span_start, mentions.c.span_end, mentions.c.actor_id)
                 .where(mentions.c.document_id.in_(ids[start:start + 500]), mentions.c.type != "location"))
        for doc, s, e, actor in conn.execute(query):
            if actor:
                out[doc].append((s, e, actor))
    return out


def blocking_keys(p: Proposition) -> set[tuple[str, str]]:
    """(actor, concept) keys, or (actor, term) when there is no concept; and, for statements
    with fewer than two known actors, ("", term) for the longer content terms, so that they
    still meet their look-alikes (blocks of common words grow past MAX_BLOCK and are left out)."""
    keys = {(actor, f) for actor in parties(p) for f in (p.concepts or p.terms)}
    if len(p.actors) < 2:
        keys |= {("", t) for t in p.terms if len(t) >= 5 and not t.isdigit()}
    return keys


def candidate_pairs(props: list[Proposition], fresh: set[str] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) from different documents that share a blocking key.

    A block larger than MAX_BLOCK ("the United States" + attack) is split by a second party
    of its members; what is still too large is left out. With `fresh` (statement ids just
    ingested), only pairs with at least one fresh statement are given.
    """
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, p in enumerate(props):
        for key in blocking_keys(p):
            blocks[key].append(i)
    is_fresh = [fresh is None or p.statement_id in fresh for p in props]
    seen: set[tuple[int, int]] = set()
    for members in _bounded(blocks, props):
        # Each pair once, started from a fresh end (all statements are fresh without `fresh`).
        for x, i in enumerate(members):
            if not is_fresh[i]:
                continue
            for j in members[x + 1:] if fresh is None else members:
                if i == j or (fresh is not None and is_fresh[j] and j < i):
                    continue  # a pair of two fresh statements is taken from its lower index
                pair = (min(i, j), max(i, j))
                if pair in seen or props[i].document_id == props[j].document_id:
                    continue
                seen.add(pair)
                yield pair


def _bounded(blocks: dict[tuple[str, ...], list[int]], props: list[Proposition]) -> Iterator[list[int]]:
    for key, members in blocks.items():
        if len(members) <= MAX_BLOCK:
            yield members
            continue
        sub: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for party in parties(props[i]) - {key[0]}:
                sub[party].append(i)
        yield from (m for m in sub.values() if len(m) <= MAX_BLOCK)


def find_links(statements: Iterable[Statement], fresh: set[str] | None = None,
               countries: dict[str, str | None] | None = None) -> list[Link]:
    """Links among statements of different documents (see candidate_pairs for `fresh`).

    `countries`: actor id -> ISO country code, for the speakers' countries.
    """
    countries = countries or {}
    props = [proposition(s, countries.get(s.speaker or "")) for s in statements]
    links: dict[str, Link] = {}
    for i, j in candidate_pairs(props, fresh):
        link = compare(props[i], props[j])
        if link and (link.id not in links or links[link.id].score < link.score):
            links[link.id] = link
    return _strongest_per_statement(sorted(links.values(), key=lambda k: (-k.score, k.id)))


def _strongest_per_statement(links: list[Link]) -> list[Link]:
    """Keep each statement's MAX_LINKS_PER_STATEMENT strongest links of each type.

    A claim repeated by a hundred outlets would otherwise give thousands of pairwise links
    that say nothing the strongest ones do not.
    """
    count: dict[tuple[str, str], int] = defaultdict(int)
    kept = []
    for link in links:  # strongest first
        ends = ((link.a, link.type), (link.b, link.type))
        if any(count[end] >= MAX_LINKS_PER_STATEMENT for end in ends):
            continue
        for end in ends:
            count[end] += 1
        kept.append(link)
    return kept


def link_store(store, document_ids: Iterable[str] | None = None) -> int:
    """Compute cross-document links and write them; returns how many were written.

    With `document_ids` (the documents just ingested), only pairs that involve one of their
    statements are compared; without, the whole store is linked again.
    """
    statements = load_statements(store)
    fresh = None
    if document_ids is not None:
        wanted = set(document_ids)
        fresh = {s.id for s in statements if s.document_id in wanted}
        if not fresh:
            return 0
    links = find_links(statements, fresh, speaker_countries(store, {s.speaker for s in statements}))
    if not links:
        return 0
    return store.write_links(links)
