"""Turn an Extraction (mentions, roles, statements, events) into a Batch with actor ids.

First level: a mention keeps the id the extractor gave it, or gets one from its type and
name; people named by surname alone join the full name seen in the same document.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..extract.collect import Extraction
from ..model import Actor, Batch, Mention, Span
from ..model.ids import actor_id


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Resolver:
    """Resolves mentions within a document. Holds user aliases (added by the actors issue)."""

    def __init__(self, aliases: dict | None = None):
        self.aliases = aliases or {}

    def mention_ids(self, mentions: tuple[Mention, ...]) -> list[Mention]:
        full_names: dict[str, str] = {}
        for m in mentions:
            if m.type == "person" and " " in m.text:
                full_names.setdefault(m.text.split()[-1], m.text)
        out = []
        for m in mentions:
            if m.actor_id:
                out.append(m)
                continue
            name = m.text
            if m.type == "person" and " " not in name and name in full_names:
                name = full_names[name]
            out.append(replace(m, actor_id=actor_id(m.type, name)))
        return out

    def __call__(self, extraction: Extraction) -> Batch:
        mentions = self.mention_ids(extraction.mentions)
        by_id: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_id[m.actor_id].append(m)
        actors = []
        for aid, ms in by_id.items():
            name = max((m.text for m in ms), key=len)
            aliases = tuple(sorted({m.text for m in ms}))
            roles = tuple(role for span, role in extraction.roles
                          if any(_overlaps(span, m.span) for m in ms))
            actors.append(Actor(id=aid, name=name, type=ms[0].type, aliases=aliases, roles=roles,
                                mentions=tuple(sorted(m.span for m in ms))))

        def actor_at(span: Span | None) -> str | None:
            if span is None:
                return None
            for m in mentions:
                if _overlaps(m.span, span):
                    return m.actor_id
            return None

        statements = tuple(
            replace(s, speaker=s.speaker or actor_at(s.speaker_span)) for s in extraction.statements)
        events = tuple(
            replace(e, source=e.source or actor_at(e.source_span), target=e.target or actor_at(e.target_span))
            for e in extraction.events)
        return Batch(document=extraction.document, actors=tuple(sorted(actors, key=lambda a: a.id)),
                     statements=statements, events=events, mentions=tuple(mentions))


def resolve(extraction: Extraction) -> Batch:
    return Resolver()(extraction)
