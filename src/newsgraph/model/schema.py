"""JSON Schema of the `extract` output, derived from the records and enums.

The shipped file (model/extract.schema.json) is regenerated with
``python -m newsgraph.model.schema > src/newsgraph/model/extract.schema.json``;
tests/test_schema.py fails when the two drift apart.
"""
from __future__ import annotations

import json
from enum import StrEnum
from importlib import resources
from typing import Any

from .enums import ActorType, EventType, LinkType, Modality, Polarity, StatementKind

SPAN = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
NULLABLE_SPAN = {"anyOf": [SPAN, {"type": "null"}]}
STR = {"type": "string"}
NULLABLE_STR = {"type": ["string", "null"]}
DATE = {"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "null"}]}


def _enum(values: type[StrEnum], nullable: bool = False) -> dict[str, Any]:
    allowed: list[Any] = [v.value for v in values]
    return {"enum": allowed + [None] if nullable else allowed}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": sorted(properties), "properties": properties}


def extract_schema() -> dict[str, Any]:
    document = _object({
        "id": STR, "title": NULLABLE_STR, "author": NULLABLE_STR, "published": DATE,
        "url": NULLABLE_STR, "source": NULLABLE_STR,
        "text_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    })
    document["properties"]["text"] = STR  # only with --with-text
    actor = _object({
        "id": STR, "name": STR, "type": _enum(ActorType),
        "country": {"anyOf": [{"type": "string", "pattern": "^[A-Z]{2}$"}, {"type": "null"}]},
        "aliases": {"type": "array", "items": STR},
        "roles": {"type": "array", "items": _object({"title": STR, "of": NULLABLE_STR})},
        "mentions": {"type": "array", "items": SPAN},
    })
    statement = _object({
        "id": STR, "speaker": NULLABLE_STR, "speaker_text": NULLABLE_STR, "speaker_span": NULLABLE_SPAN,
        "cue": NULLABLE_STR, "cue_span": NULLABLE_SPAN, "content": STR, "content_span": SPAN,
        "kind": _enum(StatementKind), "polarity": _enum(Polarity), "medium": NULLABLE_STR,
        "date": DATE, "about": {"type": "array", "items": STR},
    })
    event = _object({
        "id": STR, "type": _enum(EventType), "mode": NULLABLE_STR, "source": NULLABLE_STR,
        "target": NULLABLE_STR, "source_text": NULLABLE_STR, "target_text": NULLABLE_STR,
        "date": DATE, "modality": _enum(Modality), "attributed_to": NULLABLE_STR, "span": SPAN,
        "trigger": STR,
    })
    event["properties"].update({"spans": {"type": "array", "items": SPAN},
                                "source_span": NULLABLE_SPAN, "target_span": NULLABLE_SPAN})
    link = _object({"id": STR, "type": _enum(LinkType), "a": STR, "b": STR,
                    "score": {"type": "number", "minimum": 0, "maximum": 1}, "reason": STR})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "newsgraph/extract.schema.json",
        "title": "newsgraph extract output (one object per article)",
        **_object({
            "document": document,
            "actors": {"type": "array", "items": actor},
            "statements": {"type": "array", "items": statement},
            "events": {"type": "array", "items": event},
            "links": {"type": "array", "items": link},
        }),
    }


def shipped_schema() -> dict[str, Any]:
    """The schema file that ships in the package."""
    return json.loads(resources.files(__package__).joinpath("extract.schema.json").read_text("utf-8"))


if __name__ == "__main__":
    print(json.dumps(extract_schema(), indent=2))
