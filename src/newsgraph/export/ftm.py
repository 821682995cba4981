"""FollowTheMoney export: the store as FtM entities, one JSON object per line (Aleph, ftm tools).

Each entity is ``{"id", "schema", "properties": {name: [values]}}`` using the published FtM
schema and property names:

- a document becomes an ``Article`` (title, bodyText, publishedAt, author, sourceUrl, publisher);
- an actor a ``Person``, ``Organization``, ``PublicBody`` (states), ``LegalEntity`` (social
  groups) or ``Territory`` (places), with its aliases, roles (``position``) and country;
- each actor's presence in an article a ``Mention`` (document, resolved, name, detectedSchema);
- an event an ``Event`` (organizer = source, involved = source and target, date, proof = articles);
- a statement a ``Note`` on its speaker (summary = what was said, proof = its article);
- a contradiction or support between statements, and each pair's relation, an ``UnknownLink``.

FtM ids allow only letters, digits, '.' and '-', so newsgraph ids are rewritten to
``ng-<readable part>-<hash>``: stable across runs and unique.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

from .. import query
from ..model.ids import digest
from ..query.network import network
from .tables import all_links, paged

SCHEMA_FOR_TYPE = {
    "person": "Person",
    "state": "PublicBody",
    "organization": "Organization",
    "armed_group": "Organization",
    "media": "Organization",
    "group": "LegalEntity",
    "location": "Territory",
}

_NOT_ID = re.compile(r"[^0-9a-zA-Z.-]+")


def ftm_id(newsgraph_id: str) -> str:
    readable = _NOT_ID.sub("-", newsgraph_id).strip("-.")[:60]
    return f"ng-{readable}-{digest(newsgraph_id, length=10)}"


def _entity(entity_id: str, schema: str, **properties: Any) -> dict[str, Any]:
    """An entity with empty values dropped and every value a list of strings."""
    props: dict[str, list[str]] = {}
    for name, value in properties.items():
        values = value if isinstance(value, (list, tuple, set)) else [value]
        cleaned = [str(v) for v in values if v not in (None, "")]
        if cleaned:
            props[name] = list(dict.fromkeys(cleaned))
    return {"id": entity_id, "schema": schema, "properties": props}


def _country(code: str | None) -> str | None:
    return code.lower() if code and len(code) == 2 else None


def entities(store: Any) -> Iterator[dict[str, Any]]:
    """Every FtM entity for the store, documents first (others refer to them)."""
    actor_schema: dict[str, str] = {}
    for actor in paged(lambda limit, offset: query.actors(store, limit=limit, offset=offset)):
        schema = SCHEMA_FOR_TYPE.get(actor["type"] or "", "LegalEntity")
        actor_schema[actor["id"]] = schema
    for row in paged(lambda limit, offset: query.documents(store, limit=limit, offset=offset)):
        doc = query.document(store, row["id"])
        yield _entity(ftm_id(doc["id"]), "Article", title=doc.get("title"), bodyText=doc.get("text"),
                      publishedAt=doc.get("published"), author=doc.get("author"), sourceUrl=doc.get("url"),
                      publisher=doc.get("source"), contentHash=doc.get("text_sha256"))
        for actor in doc["actors"]:
            if actor["id"] not in actor_schema:
                continue
            yield _entity(ftm_id(f"mention:{doc['id']}:{actor['id']}"), "Mention",
                          document=ftm_id(doc["id"]), resolved=ftm_id(actor["id"]),
                          name=actor.get("aliases") or actor.get("name"), detectedSchema=actor_schema[actor["id"]])
    for actor in paged(lambda limit, offset: query.actors(store, limit=limit, offset=offset)):
        schema = actor_schema[actor["id"]]
        props: dict[str, Any] = {"name": actor["name"], "alias": [a for a in actor["aliases"] if a != actor["name"]],
                                 "description": f"newsgraph actor {actor['id']} ({actor['type']})",
                                 "country": _country(actor.get("country"))}
        if schema == "Person":
            props["position"] = [r["title"] for r in actor["roles"]]
        yield _entity(ftm_id(actor["id"]), schema, **props)
    for event in paged(lambda limit, offset: query.events(store, limit=limit, offset=offset)):
        ends = [e for e in (event["source"], event["target"]) if e in actor_schema]
        who = f"{event.get('source_name') or event['source'] or '?'} → {event.get('target_name') or event['target'] or '?'}"
        yield _entity(ftm_id(event["id"]), "Event", name=f"{event['type']}: {who}",
                      date=event.get("date") or event.get("when"),
                      organizer=ftm_id(event["source"]) if event["source"] in actor_schema else None,
                      involved=[ftm_id(e) for e in ends],
                      summary=[r["trigger"] for r in event["reports"] if r.get("trigger")][:1],
                      description=f"PLOVER {event['type']}, {event.get('modality') or 'asserted'}",
                      proof=[ftm_id(r["document_id"]) for r in event["reports"]])
    for stmt in paged(lambda limit, offset: query.statements(store, limit=limit, offset=offset)):
        speaker = stmt["speaker"] if stmt["speaker"] in actor_schema else None
        yield _entity(ftm_id(stmt["id"]), "Note", name=stmt["content"][:200], summary=stmt["content"],
                      description=f"{stmt['polarity']} ({stmt['kind']}) by "
                                  f"{stmt.get('speaker_name') or stmt.get('speaker_text') or 'unknown'}",
                      entity=ftm_id(speaker) if speaker else None, proof=ftm_id(stmt["document_id"]))
    for link in all_links(store):
        yield _entity(ftm_id(link["id"]), "UnknownLink", subject=ftm_id(link["a"]), object=ftm_id(link["b"]),
                      role=link["type"], summary=link.get("reason"), description=f"score {link['score']:.2f}")
    for edge in network(store, max_nodes=1_000_000, min_mentions=0)["edges"]:
        yield _entity(ftm_id(f"relation:{edge['source']}:{edge['target']}"), "UnknownLink",
                      subject=ftm_id(edge["source"]), object=ftm_id(edge["target"]), role=edge["kind"],
                      startDate=edge["first"], endDate=edge["last"],
                      description=f"{edge['events']} events: {edge['cooperation']} cooperation, "
                                  f"{edge['conflict']} conflict")


def write_ftm(store: Any, output: Path) -> list[Path]:
    """One JSON-lines file of FtM entities."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as fh:
        for entity in entities(store):
            fh.write(json.dumps(entity, ensure_ascii=False) + "\n")
    return [output]
