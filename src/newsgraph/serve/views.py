"""What each page shows, as plain JSON-ready dicts built from newsgraph.query.

A page renders its dict with a template; its .json twin returns the same dict, minus the
pre-rendered article HTML. No SQL here: everything comes from the query functions the CLI
uses, so the web UI and the CLI cannot disagree.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from .. import query
from ..errors import NotFound
from ..model.enums import ActorType
from ..query import links as q_links
from ..query import lookup as q_lookup
from ..query import network as q_network
from ..query.common import actor_ids, actor_names
from .highlight import Annotation, render, sentence_around

ACTOR_TYPES = [str(t) for t in ActorType]

# How much one page shows; the API pages through the rest.
PAGE_STATEMENTS = 50
PAGE_EVENTS = 50
PAGE_DOCUMENTS = 50
CHART_PARTNERS = 6


def actor_href(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe=":@")


def _names(store: Any, *groups: Any) -> dict[str, str]:
    """id -> name for every actor id found in the given dicts/lists (speaker, about, source...)."""
    ids: set[str | None] = set()

    def walk(item: Any) -> None:
        if isinstance(item, dict):
            for key in ("speaker", "medium", "source", "target", "of", "partner", "id"):
                value = item.get(key)
                if isinstance(value, str) and ":" in value and not value.startswith(("stmt:", "evt:", "link:", "doc:")):
                    ids.add(value)
            for value in item.get("about") or ():
                ids.add(value)
            for value in item.values():
                if isinstance(value, (dict, list)):
                    walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    for group in groups:
        walk(group)
    with store.engine.connect() as conn:
        return actor_names(conn, ids)


def _with_document_id(events: list[dict[str, Any]], document_id: str | None = None) -> list[dict[str, Any]]:
    """Give each event the document of its first report (or of this page) for evidence links."""
    for event in events:
        reports = event.get("reports") or []
        event["document_id"] = document_id or (reports[0]["document_id"] if reports else None)
        event.setdefault("date", None)
        event["date"] = event.get("date") or event.get("when")
    return events


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the page: a javascript: URL in an article's metadata does not."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


# --- pages -------------------------------------------------------------------------------------
def home(store: Any) -> dict[str, Any]:
    counts = query.stats(store)
    contradictions = q_links.contradictions(store, limit=4)
    top_actors = query.actors(store, limit=10)
    top_pairs = q_network.top_pairs(store, limit=10)
    figures = {"articles": counts["documents"], "actors": counts["actors"],
               "statements": counts["statements"], "events": counts["events"],
               "contradictions": q_lookup.link_count(store, "contradicts")}
    return {"title": "Overview", "figures": figures, "contradictions": _complete_links(contradictions),
            "top_actors": top_actors, "top_pairs": top_pairs,
            "names": _names(store, contradictions)}


def _complete_links(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Links whose two statements are both still stored (a re-ingest may have dropped one)."""
    return [r for r in rows if r.get("a") and r.get("b")]


def network(store: Any, since: str | None, until: str | None, types: list[str] | None,
            max_nodes: int, data_url: str) -> dict[str, Any]:
    graph = q_network.network(store, since=since, until=until, types=types, max_nodes=max_nodes)
    return {"title": "Network", "actor_types": ACTOR_TYPES, "data_url": data_url, **graph}


def actors(store: Any, type: str | None, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows = query.actors(store, type=type or None, name=q or None, limit=limit + 1, offset=offset)
    return {"title": "Actors", "actor_types": ACTOR_TYPES, "filters": {"type": type, "q": q},
            "actors": rows[:limit], "has_more": len(rows) > limit}


def documents(store: Any, limit: int, offset: int) -> dict[str, Any]:
    rows = query.documents(store, limit=limit + 1, offset=offset)
    return {"title": "Documents", "documents": rows[:limit], "has_more": len(rows) > limit}


def actor(store: Any, actor_id: str) -> dict[str, Any]:
    aid = _resolve_actor(store, actor_id)
    # One part after the other: run side by side in threads they took as long and a third more
    # CPU (the GIL), and concurrent requests already keep the cores busy.
    info = query.actor(store, aid, max_documents=PAGE_DOCUMENTS)
    by = query.statements(store, speaker=aid, limit=PAGE_STATEMENTS)
    about = query.statements(store, about=aid, limit=PAGE_STATEMENTS)
    events = _with_document_id(query.events(store, actor=aid, limit=PAGE_EVENTS))
    relations: list[dict[str, Any]] = [{"partner": p["partner"], "events": p["events"],
                  "evidence_url": "/api/relations?" + urlencode({"a": aid, "b": p["partner"]})}
                 for p in q_network.partners(store, aid, limit=CHART_PARTNERS)]
    documents_seen = info.pop("documents")
    info["documents"] = info.pop("document_count")
    names = _names(store, by, about, events, info.get("roles"), relations)
    for rel in relations:
        rel["partner_name"] = names.get(rel["partner"], rel["partner"])
    return {"title": info["name"], "actor": info, "statements_by": by, "statements_about": about,
            "events": events, "relations": relations, "documents": documents_seen[:PAGE_DOCUMENTS],
            "chart_url": actor_href(aid) + "/relations.json", "names": names}


def _resolve_actor(store: Any, actor_id: str) -> str:
    """The canonical id for an id, name or alias; ambiguous names go to the most mentioned actor."""
    with store.engine.connect() as conn:
        resolved = actor_ids(conn, actor_id) or []
    if len(resolved) == 1:
        return resolved[0]
    return query.actor(store, actor_id, max_documents=0)["id"]  # raises NotFound, or picks the most mentioned


def actor_relations(store: Any, actor_id: str) -> dict[str, Any]:
    """The actor page's chart: score per period with its main partners, and the shifts.

    Served as its own request (the chart draws after the page), since an actor in thousands
    of articles has thousands of events to count.
    """
    aid = _resolve_actor(store, actor_id)
    partners = q_network.partners(store, aid, limit=CHART_PARTNERS)
    rels = q_network.actor_relations(store, aid, [p["partner"] for p in partners])
    with store.engine.connect() as conn:
        names = actor_names(conn, {aid, *(p["partner"] for p in partners)})
    return {"actor": aid, "name": names.get(aid, aid), "period": "month", "relations": [{
        "partner": partner["partner"], "partner_name": names.get(partner["partner"], partner["partner"]),
        "events": partner["events"],
        "series": [{"period": p.period, "score": p.score, "events": sum(n for _, n in p.counts)} for p in rel["series"]],
        "shifts": [{"period": s.period, "before": s.before, "after": s.after, "evidence": list(s.evidence)}
                   for s in rel["shifts"]],
        "evidence_url": "/api/relations?" + urlencode({"a": aid, "b": partner["partner"]}),
    } for partner, rel in zip(partners, rels)]}


def statement(store: Any, statement_id: str) -> dict[str, Any]:
    document_id = q_lookup.statement_document(store, statement_id)
    doc = query.document(store, document_id)
    found = [s for s in doc["statements"] if s["id"] == statement_id]
    if not found:
        raise NotFound(f"no statement with id {statement_id!r}")
    stmt = found[0]
    linked = q_links.links_of(store, statement_id)
    supporting = [{"score": l["score"], "reason": l["reason"], "statement": l["other"]}
                  for l in linked if l["type"] == "supports" and l["other"]]
    contradicting = [{"score": l["score"], "reason": l["reason"], "statement": l["other"]}
                     for l in linked if l["type"] == "contradicts" and l["other"]]
    text = doc.pop("text")
    names = _names(store, [stmt], [l["other"] for l in linked if l["other"]])
    start, end = stmt["content_span"]
    around = [start, end] + (stmt["speaker_span"] or []) + (stmt["cue_span"] or [])
    sent = sentence_around(text, min(around), max(around))
    notes = [Annotation(sent[0], sent[1], "sentence"),
             Annotation(start, end, "focus", title=f"{stmt['polarity']}", anchor="focus")]
    if stmt["speaker_span"]:
        speaker_start, speaker_end = stmt["speaker_span"]
        notes.append(Annotation(speaker_start, speaker_end, "speaker", title=names.get(stmt["speaker"], ""),
                                href=actor_href(stmt["speaker"]) if stmt["speaker"] else None))
    if stmt["cue_span"]:
        notes.append(Annotation(stmt["cue_span"][0], stmt["cue_span"][1], "cue"))
    document = {k: doc[k] for k in ("id", "title", "author", "published", "source", "url")}
    return {"title": f"Statement by {names.get(stmt['speaker']) or stmt['speaker_text'] or 'unknown'}",
            "statement": stmt, "supporting": supporting, "contradicting": contradicting,
            "document": document, "sentence": list(sent), "names": names,
            "article_html": render(text, notes)}


def document(store: Any, document_id: str) -> dict[str, Any]:
    doc = query.document(store, document_id)
    text = doc.get("text") or ""
    events = _with_document_id(doc.pop("events"), document_id)
    statements = doc.pop("statements")
    actors_here = doc.pop("actors")
    names = {a["id"]: a["name"] for a in actors_here if a.get("name")}
    names |= _names(store, statements, events)
    notes: list[Annotation] = []
    for a in actors_here:
        for span in a.get("mentions") or ():
            notes.append(Annotation(span[0], span[1], "actor", title=a.get("name") or a["id"], href=actor_href(a["id"])))
    for s in statements:
        who = names.get(s["speaker"]) or s["speaker_text"] or "unknown speaker"
        notes.append(Annotation(s["content_span"][0], s["content_span"][1], "statement",
                                title=f"{who}: {s['polarity']}",
                                href="/statements/" + quote(s["id"], safe=":@"), anchor=s["id"]))
    for e in events:
        report = next((r for r in e["reports"] if r["document_id"] == document_id), None)
        if report and report["span"]:
            who = f"{names.get(e['source']) or e['source'] or '?'} → {names.get(e['target']) or e['target'] or '?'}"
            notes.append(Annotation(report["span"][0], report["span"][1], "event", title=f"{e['type']}: {who}",
                                    anchor=e["id"]))
    for a in actors_here:
        a["mentions"] = len(a.get("mentions") or ())
    actors_here.sort(key=lambda a: (-a["mentions"], a.get("name") or ""))
    doc["safe_url"] = safe_url(doc.get("url"))
    return {"title": doc.get("title") or doc["id"], "document": doc, "actors": actors_here,
            "statements": statements, "events": events, "names": names,
            "article_html": render(text, notes)}


def contradictions(store: Any, limit: int, offset: int) -> dict[str, Any]:
    rows = q_links.contradictions(store, limit=offset + limit + 1)[offset:]
    rows = _complete_links(rows)
    page = rows[:limit]
    return {"title": "Contradictions", "contradictions": page, "has_more": len(rows) > limit,
            "names": _names(store, page)}


def search(store: Any, q: str, limit: int) -> dict[str, Any]:
    if not q.strip():
        return {"title": "Search", "search_query": q, "statements": [], "documents": [], "actors": []}
    statements = query.statements(store, match=q, limit=limit)
    hits = store.search(q, limit=limit * 2)
    doc_ids = [h["id"] for h in hits if h["kind"] == "document"][:limit]
    snippets = {h["id"]: h.get("snippet") for h in hits if h["kind"] == "document"}
    titles = q_lookup.document_titles(store, doc_ids)
    documents = [{"id": i, "title": titles.get(i, {}).get("title"), "published": titles.get(i, {}).get("published"),
                  "snippet": snippets.get(i)} for i in doc_ids]
    actors = query.actors(store, name=q, limit=20)
    return {"title": f"Search: {q}", "search_query": q, "statements": statements, "documents": documents,
            "actors": actors, "names": _names(store, statements)}

