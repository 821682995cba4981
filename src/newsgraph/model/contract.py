"""Batch <-> the JSON of ../design/contract.md (what `newsgraph extract` prints).

One place turns records into contract dicts and back, so the CLI, the shard files of a
cluster run and the store loader all speak the same JSON.
"""
from __future__ import annotations

from typing import Any

from .records import Actor, Batch, Document, Event, Link, Role, Statement


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def _tuple_span(value: Any) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


def document_to_dict(doc: Document, with_text: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "author": doc.author,
        "published": doc.published,
        "url": doc.url,
        "source": doc.source,
        "text_sha256": doc.text_sha256,
    }
    if with_text:
        out["text"] = doc.text
    return out


def actor_to_dict(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "aliases": list(actor.aliases),
        "roles": [{"title": r.title, "of": r.of} for r in actor.roles],
        "mentions": [_span(m) for m in actor.mentions],
    }


def statement_to_dict(st: Statement) -> dict[str, Any]:
    return {
        "id": st.id,
        "speaker": st.speaker,
        "speaker_text": st.speaker_text,
        "speaker_span": _span(st.speaker_span),
        "cue": st.cue,
        "cue_span": _span(st.cue_span),
        "content": st.content,
        "content_span": _span(st.content_span),
        "kind": st.kind,
        "polarity": st.polarity,
        "medium": st.medium,
        "date": st.date,
        "about": list(st.about),
    }


def event_to_dict(ev: Event) -> dict[str, Any]:
    return {
        "id": ev.id,
        "type": ev.type,
        "mode": ev.mode,
        "source": ev.source,
        "target": ev.target,
        "source_text": ev.source_text,
        "target_text": ev.target_text,
        "date": ev.date,
        "modality": ev.modality,
        "attributed_to": ev.attributed_to,
        "span": _span(ev.span),
        "trigger": ev.trigger,
        "spans": [_span(s) for s in (ev.spans or (ev.span,))],
        "source_span": _span(ev.source_span),
        "target_span": _span(ev.target_span),
    }


def link_to_dict(link: Link) -> dict[str, Any]:
    return {"id": link.id, "type": link.type, "a": link.a, "b": link.b,
            "score": round(float(link.score), 4), "reason": link.reason}


def batch_to_dict(batch: Batch, with_text: bool = False) -> dict[str, Any]:
    return {
        "document": document_to_dict(batch.document, with_text=with_text),
        "actors": [actor_to_dict(a) for a in batch.actors],
        "statements": [statement_to_dict(s) for s in batch.statements],
        "events": [event_to_dict(e) for e in batch.events],
        "links": [link_to_dict(k) for k in batch.links],
    }


def batch_from_dict(data: dict[str, Any]) -> Batch:
    """Inverse of batch_to_dict(with_text=True): used to load shard files into a store."""
    d = data["document"]
    doc = Document(id=d["id"], text=d.get("text", ""), title=d.get("title"), author=d.get("author"),
                   published=d.get("published"), url=d.get("url"), source=d.get("source"))
    actors = tuple(
        Actor(id=a["id"], name=a["name"], type=a["type"], country=a.get("country"),
              aliases=tuple(a.get("aliases", ())),
              roles=tuple(Role(title=r["title"], of=r.get("of")) for r in a.get("roles", ())),
              mentions=tuple(_tuple_span(m) for m in a.get("mentions", ())))
        for a in data.get("actors", ())
    )
    statements = tuple(
        Statement(id=s["id"], document_id=doc.id, content=s["content"],
                  content_span=_tuple_span(s["content_span"]), speaker=s.get("speaker"),
                  speaker_text=s.get("speaker_text"), speaker_span=_tuple_span(s.get("speaker_span")),
                  cue=s.get("cue"), cue_span=_tuple_span(s.get("cue_span")), kind=s.get("kind", "indirect"),
                  polarity=s.get("polarity", "assert"), medium=s.get("medium"), date=s.get("date"),
                  about=tuple(s.get("about", ())))
        for s in data.get("statements", ())
    )
    events = tuple(
        Event(id=e["id"], document_id=doc.id, type=e["type"], span=_tuple_span(e["span"]),
              trigger=e.get("trigger", ""), source=e.get("source"), target=e.get("target"),
              source_text=e.get("source_text"), target_text=e.get("target_text"), mode=e.get("mode"),
              date=e.get("date"), modality=e.get("modality", "asserted"),
              attributed_to=e.get("attributed_to"),
              spans=tuple(_tuple_span(s) for s in e.get("spans", ())),
              source_span=_tuple_span(e.get("source_span")), target_span=_tuple_span(e.get("target_span")))
        for e in data.get("events", ())
    )
    links = tuple(Link(id=k["id"], type=k["type"], a=k["a"], b=k["b"], score=float(k["score"]),
                       reason=k.get("reason", "")) for k in data.get("links", ()))
    return Batch(document=doc, actors=actors, statements=statements, events=events, links=links)
