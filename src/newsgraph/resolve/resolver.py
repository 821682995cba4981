"""Turn an Extraction (mentions, roles, statements, events) into a Batch with actor ids.

1. Names: a user alias wins, then the gazetteer (ids like ``country:ru``, ``org:taliban``);
   other names get an id from their type and name (``person:zamir-kabulov``), surnames join
   the full name (see coreference.py).
2. References: title phrases and subject pronouns are attached to an antecedent, or dropped.
3. Actors: one per id, with the gazetteer's canonical name, the aliases seen, the roles read
   around any of its mentions and, for people, the country of the state or organisation
   they serve. A minister's role without a state ("Foreign Minister Paula Errazuriz") takes
   the state whose ministry of that portfolio the same or the previous sentence names
   ("Chile's foreign ministry said ..."), and only when exactly one state fits.
4. Statement speakers and event parties: the actor at their span (names, pronouns, titles).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import replace

from .. import settings
from ..extract.actors import actor_words
from ..extract.collect import Extraction
from ..extract.events import finish_events
from ..extract.statement_about import about_ids
from ..gazetteer import DEMONYM, Gazetteer, clean_name, load_gazetteer
from ..model import Actor, ActorType, Batch, Mention, Role, Span
from ..model.ids import actor_id
from .aliases import AliasMatcher, AliasSource, load_aliases
from .coreference import PRONOUN_TYPES, ActorFacts, ActorIndex

PERSON = ActorType.PERSON.value
_REFERENCE_KINDS = ("pronoun", "title")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)\s+")
# "Its spokeswoman", "Their leader" opening a sentence (or a paragraph)
_ITS_OPENS = re.compile(r"(?:^|[.\n\"”]\s*)(?:Its|Their)\s+$")
_OWNER_TYPES = (ActorType.STATE.value, ActorType.ORGANIZATION.value, ActorType.MEDIA.value,
                ActorType.ARMED_GROUP.value)


def _subject_of_previous_sentence(mentions: list[Mention], facts: dict[str, ActorFacts], index: ActorIndex,
                                  pos: int) -> str | None:
    """The actor of the first mention in the sentence before pos, when it can own a role."""
    sentence = index._sentence_index(pos)
    if sentence == 0:
        return None
    start, end = index.sentence_starts[sentence - 1], index.sentence_starts[sentence]
    first = next((m for m in sorted(mentions, key=lambda m: m.span) if start <= m.span[0] < end and m.actor_id), None)
    if first is None or first.actor_id not in facts or facts[first.actor_id].type not in _OWNER_TYPES:
        return None
    return first.actor_id
# When spaCy labels the same name differently in one document, the first listed type wins ties.
_TYPE_PREFERENCE = (ActorType.ORGANIZATION.value, PERSON, ActorType.LOCATION.value, ActorType.GROUP.value)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_title(a: Role, b: Role) -> bool:
    return a.title.lower() == b.title.lower()


def _add_role(roles: list[Role], role: Role) -> None:
    """Add a role once; a title known with its state or organisation replaces the same title
    without one ("President" of None, then "president" of country:tr from an appositive)."""
    for k, old in enumerate(roles):
        if _same_title(old, role) and old.of == role.of:
            return
        if _same_title(old, role) and old.of is None and role.of is not None:
            roles[k] = role
            return
        if _same_title(old, role) and role.of is None and old.of is not None:
            return
    roles.append(role)


class Resolver:
    """Resolves the mentions of one document at a time; holds the gazetteer and user aliases."""

    def __init__(self, aliases: AliasSource = None):
        source = aliases if aliases is not None else settings.get("aliases")
        self.user_entries = load_aliases(source)
        base = load_gazetteer()
        self.gazetteer: Gazetteer = base.extended(self.user_entries) if self.user_entries else base
        self.user = AliasMatcher.build(self.user_entries)
        self.group_nouns = actor_words().group_nouns
        self.department_words = actor_words().department_words
        self.demonym_country: dict[str, str] = {
            surface.lower(): str(self.gazetteer.entries[eid].country)
            for surface, (eid, kind) in self.gazetteer.surfaces.items()
            if kind == DEMONYM and self.gazetteer.entries[eid].country}

    # -- 1. names -------------------------------------------------------------------------
    def name_ids(self, text: str, mentions: tuple[Mention, ...] | list[Mention]) -> list[Mention]:
        """Every name mention with an actor id; references (pronouns, titles) left as they are."""
        user_hits = self.user.find(text)
        out: list[Mention] = []
        for m in mentions:
            if m.kind in _REFERENCE_KINDS:
                out.append(m)
                continue
            if any(_overlaps(m.span, span) for span, _, _ in user_hits):
                continue  # the user's name for this stretch of text wins
            if not m.actor_id:
                hit = self.gazetteer.lookup(m.text)
                if hit is not None and hit.kind != DEMONYM:
                    m = replace(m, actor_id=hit.entry.id, type=hit.entry.type, kind=hit.kind)
            out.append(m)
        for span, surface, entry in user_hits:
            out.append(Mention(span=span, text=surface, type=entry.type, actor_id=entry.id, kind="alias"))
        out.sort(key=lambda m: m.span)
        return self._surnames_in_text(text, self._name_ids_from_text(out))

    @staticmethod
    def _surnames_in_text(text: str, mentions: list[Mention]) -> list[Mention]:
        """Surnames spaCy did not tag ("Ruiz said"): each occurrence of the unique surname of a
        full name already found becomes a mention of that person."""
        people: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if m.type == PERSON and m.actor_id and m.kind not in _REFERENCE_KINDS and " " in clean_name(m.text):
                people[clean_name(m.text).split()[-1]].add(m.actor_id)
        surnames = {name: ids.pop() for name, ids in people.items() if len(ids) == 1 and len(name) > 2}
        if not surnames:
            return mentions
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, surnames)) + r")(?![\w-])")
        starts = sorted(m.span for m in mentions)
        added = []
        for found in pattern.finditer(text):
            span = (found.start(), found.end())
            i = bisect.bisect_right(starts, (span[1], span[1])) - 1
            if i >= 0 and _overlaps(starts[i], span) or i >= 1 and _overlaps(starts[i - 1], span):
                continue
            added.append(Mention(span=span, text=found.group(1), type=PERSON,
                                 actor_id=surnames[found.group(1)], kind="surname"))
        return sorted(mentions + added, key=lambda m: m.span) if added else mentions

    def _name_ids_from_text(self, mentions: list[Mention]) -> list[Mention]:
        names = [m for m in mentions if not m.actor_id and m.kind not in _REFERENCE_KINDS]
        # Full names by their last and first word: "Kabulov" -> Zamir Kabulov; "Liu" -> Liu
        # Meiling (family name first); "Andina" -> Andina Copper.
        by_last: dict[str, set[str]] = defaultdict(set)
        by_first: dict[str, set[str]] = defaultdict(set)
        # Spanish and Portuguese names carry two surnames and the first one is used alone
        # ("Raul Quispe Torres" ... "Quispe"): a fallback when no full name ends with the word.
        by_middle: dict[str, set[str]] = defaultdict(set)
        for m in names:
            name = clean_name(m.text)
            if " " in name:
                words = name.split()
                if m.type == PERSON:
                    by_last[words[-1]].add(name)
                    if len(words) >= 3 and words[-2][:1].isupper():
                        by_middle[words[-2]].add(name)  # "Quispe" of "Raul Quispe Torres"
                by_first[words[0]].add(name)
        # An organisation's short name by its last word: "the Post" -> New York Post.
        org_types = (ActorType.ORGANIZATION.value, ActorType.MEDIA.value)
        org_by_last: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        for m in mentions:
            name = clean_name(m.text)
            if m.type in org_types and " " in name and m.kind not in _REFERENCE_KINDS:
                org_by_last[name.split()[-1]].add(
                    (m.actor_id or actor_id(m.type, name), m.type, name))
        # Acronyms: "PLO" -> Palestine Liberation Organization, when the initials fit one name.
        acronyms: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        for m in mentions:
            name = clean_name(m.text)
            if m.type in org_types + (ActorType.ARMED_GROUP.value,) and " " in name \
                    and m.kind not in _REFERENCE_KINDS:
                initials = "".join(w[0] for w in name.split() if w[:1].isupper())
                if len(initials) >= 2:
                    acronyms[initials].add((m.actor_id or actor_id(m.type, name), m.type, name))
        # One type per name: spaCy may label "Horizon Relief" ORG once and PERSON once.
        types: dict[str, Counter] = defaultdict(Counter)
        for m in names:
            types[clean_name(m.text)][m.type] += 1

        def type_of(name: str) -> str:
            counts = types[name]
            return max(counts, key=lambda t: (counts[t], -_TYPE_PREFERENCE.index(t)
                                              if t in _TYPE_PREFERENCE else -len(_TYPE_PREFERENCE)))

        out = []
        for m in mentions:
            if m.actor_id or m.kind in _REFERENCE_KINDS:
                out.append(m)
                continue
            name = clean_name(m.text)
            if " " not in name:
                # By the first word only within one type: "Andina" -> Andina Copper, but a place
                # ("Arizona") is not the organisation named after it ("Arizona Republic").
                holders = by_last.get(name) or {full for full in by_first.get(name, ())
                                                 if type_of(full) == m.type} or by_middle.get(name)
                if holders and len(holders) > 1:
                    continue  # two people share this name: which one is meant is unknown
                if holders:
                    full = next(iter(holders))
                    full_type = type_of(full)
                    kind = "surname" if full_type == PERSON else "alias"
                    out.append(replace(m, actor_id=actor_id(full_type, full), type=full_type, kind=kind))
                    continue
                owners = org_by_last.get(name) if m.type in org_types else None
                if name.isupper() and len(acronyms.get(name, ())) == 1:
                    owners = acronyms[name]
                if owners and len(owners) == 1:
                    owner_id, owner_type, _ = next(iter(owners))
                    out.append(replace(m, actor_id=owner_id, type=owner_type, kind="alias"))
                    continue
            actor_type = type_of(name)
            out.append(replace(m, actor_id=actor_id(actor_type, name), type=actor_type))
        return out

    # -- 2. facts and references ----------------------------------------------------------
    def _country_of(self, role: Role) -> str | None:
        if not role.of:
            return None
        entry = self.gazetteer.get(role.of)
        return entry.country if entry else None

    @staticmethod
    def _renamed(mentions: list[Mention]) -> dict[str, str]:
        """Id a name would have on its own -> the id it resolved to ("org:mas" -> the party
        the acronym stands for), so that a role's `of` follows its organisation."""
        out: dict[str, str] = {}
        for m in mentions:
            if m.actor_id and m.kind not in _REFERENCE_KINDS:
                for kind in (ActorType.ORGANIZATION.value, ActorType.MEDIA.value, ActorType.ARMED_GROUP.value):
                    own = actor_id(kind, clean_name(m.text))
                    if own != m.actor_id:
                        out.setdefault(own, m.actor_id)
        return out

    def _ministry_state(self, role: Role, text: str, mentions: list[Mention],
                        sentences: tuple[Span, ...]) -> str | None:
        """The one state whose ministry of the role's portfolio ("foreign" of "Foreign
        Minister") the role's sentence or the one before names."""
        title = role.title.lower().split()
        if "minister" not in title or role.span is None:
            return None
        portfolios = [w for w in title[: title.index("minister")] if w in self.department_words]
        if not portfolios:
            return None
        i = max(0, bisect.bisect_right([s for s, _ in sentences], role.span[0]) - 1)
        window = (sentences[max(0, i - 1)][0], sentences[i][1]) if sentences else (0, len(text))
        after = re.compile(r"(?:'s|’s)?\s+(?:" + "|".join(portfolios) + r")\s+ministry\b", re.I)
        before = re.compile(r"\b(?:" + "|".join(portfolios) + r")\s+ministry\s+in\s+$", re.I)
        states = {m.actor_id for m in mentions
                  if m.actor_id and m.type == ActorType.STATE.value and m.kind not in _REFERENCE_KINDS
                  and window[0] <= m.span[0] < window[1]
                  and (after.match(text, m.span[1]) or before.search(text, max(0, m.span[0] - 40), m.span[0]))}
        return states.pop() if len(states) == 1 else None

    def _facts(self, mentions: list[Mention], roles: tuple[tuple[Span, Role], ...],
               text: str = "", sentences: tuple[Span, ...] = ()) -> dict[str, ActorFacts]:
        facts: dict[str, ActorFacts] = {}
        renamed = self._renamed(mentions)
        for m in mentions:
            if m.actor_id and m.actor_id not in facts:
                entry = self.gazetteer.get(m.actor_id)
                facts[m.actor_id] = ActorFacts(m.actor_id, entry.type if entry else m.type,
                                               entry.country if entry else None,
                                               names=(entry.name, *entry.aliases) if entry else ())
        for span, role in roles:
            holder = next((m for m in mentions if m.actor_id and m.kind not in _REFERENCE_KINDS
                           and _overlaps(m.span, span)), None)
            if holder is None or holder.actor_id is None:
                continue
            fact = facts[holder.actor_id]
            if role.of in renamed:
                role = replace(role, of=renamed[role.of])
            if role.of is None:
                role = replace(role, of=self._ministry_state(role, text, mentions, sentences))
            _add_role(fact.roles, role)
        for fact in facts.values():
            if fact.country is None:
                fact.country = next((c for c in map(self._country_of, fact.roles) if c), None)
        return facts

    def index(self, extraction: Extraction) -> tuple[list[Mention], dict[str, ActorFacts], ActorIndex]:
        """Resolved mentions, per-actor facts and the span lookup of one document."""
        named = self.name_ids(extraction.document.text, extraction.mentions)
        facts = self._facts(named, extraction.roles, extraction.document.text, extraction.sentences)
        index = ActorIndex(extraction.document.text, named, facts, extraction.sentences,
                           self.group_nouns, self.demonym_country)
        mentions = []
        for m in named:
            if m.kind in _REFERENCE_KINDS:
                target = index.resolve_pronoun(m.span, m.text) if m.kind == "pronoun" \
                    else index.resolve_title(m.span, m.text)
                if target is None:
                    continue
                m = replace(m, actor_id=target, type=facts[target].type)
                index.add(m)
            mentions.append(m)
        self._roles_of_possessors(extraction.document.text, mentions, facts)
        self._roles_after_its(extraction.document.text, mentions, facts, index)
        return mentions, facts, index

    @staticmethod
    def _roles_after_its(text: str, mentions: list[Mention], facts: dict[str, ActorFacts],
                         index: ActorIndex) -> None:
        """"The Armenian foreign ministry said ... Its spokeswoman, Ani Badalyan, said": a role
        owned by a sentence-opening "Its"/"Their" belongs to the actor that opens the previous
        sentence (wire copy names the subject first); nothing when a person or place opens it."""
        for fact in facts.values():
            for k, role in enumerate(fact.roles):
                if role.of is not None or role.span is None or not _ITS_OPENS.search(text[max(0, role.span[0] - 8): role.span[0]]):
                    continue
                owner = _subject_of_previous_sentence(mentions, facts, index, role.span[0])
                if owner is not None:
                    fact.roles[k] = replace(role, of=owner)
                    if fact.country is None:
                        fact.country = facts[owner].country

    @staticmethod
    def _roles_of_possessors(text: str, mentions: list[Mention], facts: dict[str, ActorFacts]) -> None:
        """"The group's deputy leader, Hassan Mroueh": a role owned by a description that
        coreference resolved ("the group" -> Hezbollah) is a role of that actor."""
        owners = {m.span[1]: m.actor_id for m in mentions
                  if m.kind == "title" and m.actor_id and facts[m.actor_id].type != PERSON}
        if not owners:
            return
        for fact in facts.values():
            for k, role in enumerate(fact.roles):
                if role.of is not None or role.span is None:
                    continue
                owner = next((owners[end] for end in owners
                              if 0 < role.span[0] - end <= 4 and _POSSESSIVE.fullmatch(text[end: role.span[0]])), None)
                if owner is not None:
                    fact.roles[k] = replace(role, of=owner)
                    if fact.country is None:
                        fact.country = facts[owner].country

    # -- 3. actors ------------------------------------------------------------------------
    def _actor(self, actor: str, ms: list[Mention], fact: ActorFacts) -> Actor:
        entry = self.gazetteer.get(actor)
        names = [m for m in ms if m.kind not in _REFERENCE_KINDS]
        if entry is not None:
            name = entry.name
        elif fact.type == PERSON:
            name = max((clean_name(m.text) for m in names), key=len)
        else:
            # the name the id was made from ("Front for Change and Concord in Chad", not the
            # acronym "FACT" used more often), else the most frequent one
            counts = Counter(clean_name(m.text) for m in names)
            defining = [n for n in counts if actor_id(fact.type, n) == actor]
            name = max(defining, key=counts.__getitem__) if defining else counts.most_common(1)[0][0]
        aliases = tuple(sorted({clean_name(m.text) for m in names}))
        return Actor(id=actor, name=name, type=fact.type, country=fact.country, aliases=aliases,
                     roles=tuple(fact.roles), mentions=tuple(sorted(m.span for m in ms)))

    def __call__(self, extraction: Extraction) -> Batch:
        mentions, facts, index = self.index(extraction)
        by_id: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_id[str(m.actor_id)].append(m)
        actors = [self._actor(aid, ms, facts[aid]) for aid, ms in by_id.items()
                  if any(m.kind not in _REFERENCE_KINDS for m in ms)]
        statements = tuple(replace(s, speaker=s.speaker or index.actor_at(s.speaker_span),
                                   medium=s.medium or index.actor_at(s.medium_span),
                                   about=s.about or about_ids(mentions, s.content_fragments or (s.content_span,)))
                           for s in extraction.statements)
        # Ids of events depend on their resolved parties: re-key them and collapse the ones
        # that turn out to be the same event ("Kabulov" and "Zamir Kabulov").
        resolved = [replace(e, source=e.source or index.actor_at(e.source_span),
                            target=e.target or index.actor_at(e.target_span)) for e in extraction.events]
        # A pronoun source that coreference could not resolve leaves no actor: abstain.
        events = finish_events([e for e in resolved
                                if e.source or (e.source_text or "").lower() not in PRONOUN_TYPES])
        return Batch(document=extraction.document, actors=tuple(sorted(actors, key=lambda a: a.id)),
                     statements=statements, events=events, mentions=tuple(mentions))


def resolve(extraction: Extraction) -> Batch:
    return Resolver()(extraction)


def actor_at(extraction: Extraction, span: Span | None, resolver: Resolver | None = None) -> str | None:
    """The actor id a character span refers to (a name, surname, title phrase or pronoun)."""
    return (resolver or Resolver()).index(extraction)[2].actor_at(span)
