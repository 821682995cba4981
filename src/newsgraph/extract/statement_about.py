"""The actors a statement is about: the named actors mentioned in its content."""
from __future__ import annotations

from typing import Iterable

from ..model import Mention, Span


def about_ids(mentions: Iterable[Mention], content: Iterable[Span]) -> tuple[str, ...]:
    """Distinct actor ids of resolved mentions inside the content pieces, in order of
    appearance. Pronouns are left out: inside a quote "we" is the speaker, not a topic."""
    pieces = list(content)
    seen: dict[str, None] = {}
    for m in sorted(mentions, key=lambda m: m.span):
        if m.actor_id and m.kind != "pronoun" and any(s <= m.span[0] and m.span[1] <= e for s, e in pieces):
            seen.setdefault(m.actor_id, None)
    return tuple(seen)
