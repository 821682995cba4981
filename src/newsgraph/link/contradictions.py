"""Two propositions -> a `contradicts` or `supports` link, or nothing.

- contradicts: one asserts what the other denies (same actors, matching predicate), or both
  assert the same thing with incompatible numbers ("12 soldiers" / "30 soldiers") or months.
- supports: both assert (or both deny) the same thing, said by different speakers.

A pair is "about the same thing" when it shares actors and its predicates match; the score
mixes actor agreement and term similarity, so a reader can sort by it.
"""
from __future__ import annotations

from typing import Iterable

from ..model import Link, Statement
from ..model.enums import LinkType
from ..model.ids import link_id
from .claims import Proposition, actor_overlap, proposition, term_similarity

# Similarity a pair needs, depending on how many actors it shares.
MIN_SIMILARITY_TWO_ACTORS = 0.12  # with a shared predicate concept
MIN_SIMILARITY_ONE_ACTOR = 0.4
MIN_SIMILARITY_NO_ACTOR = 0.6
# Supports needs more than contradiction: agreement is common and cheap.
MIN_SUPPORT_SIMILARITY = 0.3
# Statements dated this many years apart are not taken to be about the same moment.
MAX_YEARS_APART = 1


def relevance(a: Proposition, b: Proposition) -> float | None:
    """How surely two propositions are about the same thing (None: they are not)."""
    shared = actor_overlap(a, b)
    sim = term_similarity(a, b, names=shared == 0)
    same_predicate = bool(a.concepts & b.concepts)
    if shared >= 2 and (same_predicate or sim >= 0.3) and sim >= MIN_SIMILARITY_TWO_ACTORS:
        pass
    elif shared == 1 and sim >= MIN_SIMILARITY_ONE_ACTOR and (same_predicate or not (a.concepts and b.concepts)):
        pass
    elif shared == 0 and sim >= MIN_SIMILARITY_NO_ACTOR and not (a.actors and b.actors):
        pass
    else:
        return None
    if _years_apart(a.date, b.date) > MAX_YEARS_APART:
        return None
    return min(1.0, 0.45 * min(shared, 2) / 2 + 0.45 * sim + 0.1 * same_predicate + 0.1)


def compare(a: Proposition, b: Proposition) -> Link | None:
    if a.statement_id == b.statement_id:
        return None
    score = relevance(a, b)
    if score is None:
        return None
    if a.polarity != b.polarity:
        asserter, denier = (a, b) if a.polarity == "assert" else (b, a)
        what = _predicate_words(asserter, denier)
        reason = f"{_who(denier)} denies {what} that {_who(asserter)} asserts"
        return _link(LinkType.CONTRADICTS, asserter, denier, score, reason)
    clash = incompatible_details(a, b)
    if clash:
        return _link(LinkType.CONTRADICTS, a, b, score * 0.9,
                     f"{_who(a)} and {_who(b)} give {clash}")
    if (a.speaker is None or a.speaker != b.speaker) and \
            term_similarity(a, b, names=actor_overlap(a, b) == 0) >= MIN_SUPPORT_SIMILARITY:
        verb = "deny" if a.polarity == "deny" else "assert"
        return _link(LinkType.SUPPORTS, a, b, score,
                     f"{_who(a)} and {_who(b)} both {verb} {_predicate_words(a, b)}")
    return None


def link_statements(statements: Iterable[Statement], countries: dict[str, str | None] | None = None) -> list[Link]:
    """All links among a small set of statements (one article): every pair is compared.

    `countries`: actor id -> ISO country code, for the speakers' countries.
    """
    countries = countries or {}
    props = [proposition(s, countries.get(s.speaker or "")) for s in statements]
    links: dict[str, Link] = {}
    for i, a in enumerate(props):
        for b in props[i + 1:]:
            link = compare(a, b)
            if link and (link.id not in links or links[link.id].score < link.score):
                links[link.id] = link
    return sorted(links.values(), key=lambda k: (-k.score, k.id))


# -- details ------------------------------------------------------------------------------------
def _link(kind: LinkType, a: Proposition, b: Proposition, score: float, reason: str) -> Link:
    return Link(id=link_id(kind.value, a.statement_id, b.statement_id), type=kind.value,
                a=a.statement_id, b=b.statement_id, score=round(min(1.0, score), 4), reason=reason)


def _who(p: Proposition) -> str:
    if p.speaker_text and p.speaker_text.strip():
        # The last line only: a speaker span may run over a dateline or heading.
        return " ".join(p.speaker_text.strip().splitlines()[-1].split())
    return p.speaker or "an unnamed source"


def _predicate_words(a: Proposition, b: Proposition) -> str:
    shared = sorted(a.concepts & b.concepts)
    if shared:
        return "the " + " and ".join(shared)
    return "the claim"


def incompatible_details(a: Proposition, b: Proposition) -> str | None:
    """'different numbers (12 vs 30 soldier)' when both give a figure for the same thing."""
    counted_a = dict((noun, value) for value, noun in a.quantities)
    for value, noun in b.quantities:
        if noun in counted_a and counted_a[noun] != value:
            return f"different numbers ({counted_a[noun]} vs {value} {noun})"
    if a.months and b.months and not (a.months & b.months):
        return f"different dates ({', '.join(sorted(a.months))} vs {', '.join(sorted(b.months))})"
    places_a = {x for x in a.actors if x.startswith("place:")}
    places_b = {x for x in b.actors if x.startswith("place:")}
    if places_a and places_b and not (places_a & places_b):
        return f"different places ({', '.join(sorted(places_a))} vs {', '.join(sorted(places_b))})"
    return None


def _years_apart(x: str | None, y: str | None) -> int:
    if not x or not y:
        return 0
    try:
        return abs(int(x[:4]) - int(y[:4]))
    except ValueError:
        return 0
