"""In-document coreference for actors, and the span -> actor id lookup other stages use.

Rules, in the order the resolver applies them:
- a surname (or a one-word name spaCy labelled as something else) joins the one full name
  in the document that ends with it ("Kabulov" -> Zamir Kabulov); two full names sharing the
  surname make it ambiguous, and it stays unresolved;
- a title phrase ("the envoy", "the Russian envoy", "the general secretary") goes to the
  person whose role has that title word (and that country, when the phrase names one),
  preferring the nearest one mentioned before it;
- "the agency", "the ministry", "the court" first go to the nearest actor named with that
  head word ("the International Atomic Energy Agency", "the Chinese foreign ministry");
  "the army", "the government", "the police" without such an antecedent go to the document's
  only state, else to the only state named before them (none when several were); "the company"
  goes only to an actor described with that word ("the company Hanbit Resources");
- "the group", "the militants", "the movement", "the agency" go to the nearest preceding
  actor of a compatible type, the first listed type first within three sentences ("the group"
  is the armed group named before the United Nations);
- a subject pronoun goes to the nearest preceding compatible actor within two sentences:
  he/she -> a person; it -> an organisation, medium, armed group or state; they -> an armed
  group, organisation or group, or a state unit ("Russian officials").
Anything without a compatible antecedent stays unresolved: a wrong speaker costs more than a
missing one.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import ActorType, Mention, Role, Span

PERSON = ActorType.PERSON.value
_SINGULAR_ORGS = (ActorType.ORGANIZATION.value, ActorType.MEDIA.value, ActorType.ARMED_GROUP.value,
                  ActorType.STATE.value)
_PLURAL_ORGS = (ActorType.ARMED_GROUP.value, ActorType.ORGANIZATION.value)
PRONOUN_TYPES: dict[str, tuple[str, ...]] = {
    "he": (PERSON,), "she": (PERSON,), "him": (PERSON,), "her": (PERSON,), "his": (PERSON,),
    "it": _SINGULAR_ORGS, "its": _SINGULAR_ORGS,
    "they": _PLURAL_ORGS, "them": _PLURAL_ORGS, "their": _PLURAL_ORGS,
}
_PRONOUN_WINDOW = 2  # sentences back from the pronoun's own
_PREFERRED_WINDOW = 3  # sentences back in which "the group" prefers the type listed first
_NAMED_UNIT_WINDOW = 4  # sentences back in which "the army" looks for a state's named army
# Heads of definite descriptions that first look for the actor named with that head word:
# "the agency" after "the International Atomic Energy Agency", "the ministry" after "the
# Chinese foreign ministry" (a sector), rather than the nearest actor of a compatible type.
_NAMED_HEADS = {"agency", "court", "commission", "council", "ministry", "army", "military", "navy",
                "government", "police", "gendarmerie", "alliance", "company", "firm"}
# A state's institutions: without a named antecedent they refer to the document's only state.
_INSTITUTIONS = {"army": {"army", "military"}, "military": {"army", "military"}, "navy": {"navy"},
                 "government": {"government"}, "ministry": {"ministry"}, "police": {"police"},
                 "gendarmerie": {"gendarmerie", "police"}}
# "the South Korean company Hanbit Resources": the describing noun written right before a name
_DESCRIBED_BEFORE = re.compile(r"([a-z]+)\s+$")
# "Nepal's army chief", "the Chilean army's": a unit word written right after a state's name
_UNIT_AFTER = re.compile(r"^(?:['’]s)?\s+([a-z]+)")
_REFERENCES = ("pronoun", "title")
_WORD = re.compile(r"[\w'-]+")
# Quoted passages: a person named inside a quote is rarely the "he" who says it after.
_QUOTE = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"")


@dataclass
class ActorFacts:
    """What coreference needs to know about an actor found by name."""

    id: str
    type: str
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    names: tuple[str, ...] = ()  # the gazetteer's names ("North Atlantic Alliance" for NATO)


def _role_words(role: Role) -> set[str]:
    return {w.lower() for w in _WORD.findall(role.title)}


class ActorIndex:
    """Resolved mentions of one document, for span -> actor id lookups.

    ``actor_at(span)`` answers for a name, a surname, a title phrase or a pronoun: the
    statements and events stages pass whatever span their cue attaches to.
    """

    def __init__(self, text: str, mentions: list[Mention], facts: dict[str, ActorFacts],
                 sentences: tuple[Span, ...] = (), group_nouns: dict[str, tuple[str, ...]] | None = None,
                 demonym_country: dict[str, str] | None = None):
        self.text = text
        self.facts = facts
        self.group_nouns = group_nouns or {}
        self.demonym_country = demonym_country or {}
        self.sentence_starts = [s for s, _ in sentences] or [0]
        self.quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
        self._resolved: list[Mention] = []
        self._starts: list[int] = []
        for m in sorted(mentions, key=lambda m: m.span):
            if m.actor_id:
                self.add(m)

    def add(self, mention: Mention) -> None:
        i = bisect.bisect_left(self._starts, mention.span[0])
        self._starts.insert(i, mention.span[0])
        self._resolved.insert(i, mention)

    def _sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def _window_start(self, pos: int, back: int) -> int:
        return self.sentence_starts[max(0, self._sentence_index(pos) - back)]

    def _quote_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.quotes, (pos, float("inf"))) - 1
        if i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def nearest_before(self, pos: int, types: tuple[str, ...], since: int = 0,
                       plural_units: bool = False, strict: bool = False) -> str | None:
        """The actor of the closest resolved mention before pos whose type is allowed.

        strict: the closest non-person actor must itself be compatible, else nothing ("it"
        and "they" after "Tajiks, Uzbeks and Turkmens" or after a bare state name abstain).
        """
        i = bisect.bisect_left(self._starts, pos) - 1
        own_quote = self._quote_at(pos)
        while i >= 0:
            m = self._resolved[i]
            if m.span[0] < since:
                return None
            quote = self._quote_at(m.span[0])
            if quote is not None and quote != own_quote:
                i -= 1  # named inside a quotation the reference is outside of
                continue
            if m.span[1] <= pos:
                actor_type = self.facts[m.actor_id].type if m.actor_id in self.facts else m.type
                if plural_units and actor_type == ActorType.STATE.value:
                    if m.sector:
                        return m.actor_id  # "Russian officials ... they"
                    if strict:
                        return None
                elif actor_type in types:
                    return m.actor_id
                elif strict and actor_type not in (PERSON, ActorType.LOCATION.value):
                    return None
            i -= 1
        return None

    def resolve_pronoun(self, span: Span, word: str) -> str | None:
        types = PRONOUN_TYPES.get(word.lower())
        if types is None:
            return None
        since = self._window_start(span[0], _PRONOUN_WINDOW)
        plural = word.lower() in ("they", "them", "their")
        return self.nearest_before(span[0], types, since, plural_units=plural, strict=PERSON not in types)

    def resolve_title(self, span: Span, phrase: str) -> str | None:
        """'the envoy' -> the person holding an envoy role; 'the group' -> the nearest organisation."""
        words = [w.lower() for w in _WORD.findall(phrase)]
        if not words:
            return None
        head = words[-1]
        if head in _NAMED_HEADS:
            # a state's army is "the army"; the "Kachin Independence Army" is not
            only = (ActorType.STATE.value,) if head in _INSTITUTIONS else None
            # a state's unit named long before is not reliably the one meant ("Rwandan army
            # spokesman" six paragraphs before "The army denied" in a story about Mozambique)
            since = self._window_start(span[0], _NAMED_UNIT_WINDOW) if only else 0
            named = self.nearest_named(span[0], _INSTITUTIONS.get(head, {head}), only, since)
            if named is not None:
                return named
        if head in _INSTITUTIONS:
            states = {f.id for f in self.facts.values() if f.type == ActorType.STATE.value}
            if len(states) == 1:
                return states.pop()
            # several states in the article, but one named so far: "the army" refers back to it
            before = self.states_named_before(span[0])
            return before.pop() if len(before) == 1 else None
        if head in self.group_nouns:
            types = self.group_nouns[head]
            # "the group" after "Hezbollah ... the United Nations": the armed group, when one
            # was named in the last few sentences, before any other organisation
            preferred = self.nearest_before(span[0], types[:1], self._window_start(span[0], _PREFERRED_WINDOW)) \
                if len(types) > 1 else None
            return preferred or self.nearest_before(span[0], types)
        countries = {self.demonym_country[w] for w in words if w in self.demonym_country}
        holders = []
        for fact in self.facts.values():
            if fact.type != PERSON:
                continue
            for role in fact.roles:
                if head in _role_words(role) or (head.endswith("s") and head[:-1] in _role_words(role)):
                    role_country = (role.of or "").removeprefix("country:").upper() or fact.country
                    if not countries or role_country in countries or fact.country in countries:
                        holders.append(fact.id)
                        break
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0]
        # Several holders: the one mentioned most recently before the phrase.
        before = self.nearest_among(span[0], set(holders))
        return before

    def nearest_named(self, pos: int, heads: set[str], types: tuple[str, ...] | None = None,
                      since: int = 0) -> str | None:
        """The closest actor before pos (and from since on) named with one of these head words, in
        its name ("International Atomic Energy Agency") or its unit ("Chinese foreign ministry")."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            m = self._resolved[i]
            if m.span[0] < since:
                return None
            fact = self.facts.get(m.actor_id or "")
            if m.kind not in _REFERENCES and m.span[1] <= pos and (
                    types is None or (fact is not None and fact.type in types)):
                # the name written, its unit, or another name the gazetteer knows it by ("the
                # alliance" is NATO, the North Atlantic Alliance, not KFOR named after it)
                for phrase in (m.text, m.sector or "", *(fact.names if fact is not None else ())):
                    words = _WORD.findall(phrase.lower())
                    if words and words[-1] in heads:
                        return m.actor_id
                # a unit in a title ("Nepal's army chief") or a description before the name
                # ("the company Hanbit Resources")
                sector_words = _WORD.findall((m.sector or "").lower())
                described = _DESCRIBED_BEFORE.search(self.text[max(0, m.span[0] - 30): m.span[0]])
                unit = _UNIT_AFTER.match(self.text[m.span[1]: m.span[1] + 30]) \
                    if fact is not None and fact.type == ActorType.STATE.value else None
                if heads & set(sector_words) or any(x is not None and x.group(1) in heads for x in (described, unit)):
                    return m.actor_id
            i -= 1
        return None

    def states_named_before(self, pos: int) -> set[str]:
        """The states named (not referred to) in the text before pos."""
        i = bisect.bisect_left(self._starts, pos)
        return {m.actor_id for m in self._resolved[:i] if m.kind not in _REFERENCES and m.span[1] <= pos
                and m.actor_id in self.facts and self.facts[m.actor_id].type == ActorType.STATE.value}

    def nearest_among(self, pos: int, ids: set[str]) -> str | None:
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            if self._resolved[i].actor_id in ids:
                return self._resolved[i].actor_id
            i -= 1
        return None

    def actor_at(self, span: Span | None) -> str | None:
        """The actor a span refers to: an overlapping resolved mention, else a pronoun or title."""
        if span is None:
            return None
        start, end = span
        i = bisect.bisect_right(self._starts, end) - 1
        best = None
        while i >= 0:
            m = self._resolved[i]
            if m.span[0] < end and start < m.span[1]:
                overlap = min(end, m.span[1]) - max(start, m.span[0])
                if best is None or overlap > best[0]:
                    best = (overlap, m.actor_id)
            if m.span[1] < start - 200:  # mentions are short; nothing further left can overlap
                break
            i -= 1
        if best is not None:
            return best[1]
        surface = self.text[start:end].strip()
        if surface.lower() in PRONOUN_TYPES:
            return self.resolve_pronoun(span, surface)
        if surface.lower().startswith(("the ", "that ", "this ")):
            return self.resolve_title(span, surface)
        return None
