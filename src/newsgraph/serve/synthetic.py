"""Synthetic stores for web tests, export tests and the latency benchmark (no spaCy).

Generated articles about fictional states, groups and people, with the records an extractor
would produce for them (mentions, statements, events, links), offsets exact into the text.
Pairs of actors turn from cooperation to conflict at a pair-specific month, so relation
charts show shifts. Deterministic for a given seed.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Iterator

from ..model import Actor, Batch, Document, Event, Link, Mention, Role, Statement
from ..model.ids import actor_id, event_id, link_id, statement_id

STATES = ["Ruritania", "Freedonia", "Sylvania", "Latveria", "Genovia", "Elbonia", "Zubrowka", "Markovia",
          "Borduria", "Syldavia", "Carpania", "Osterlich"]
GROUPS = [("Coastal Defence League", "armed_group"), ("Northern Assembly", "organization"),
          ("Red Ridge Front", "armed_group"), ("Union of Harbour Towns", "organization"),
          ("Daily Meridian", "media"), ("Valley Farmers Council", "organization")]
_FIRST = ["Anna", "Tomas", "Ilse", "Marek", "Sofia", "Pavel", "Lena", "Oskar", "Vera", "Jonas", "Nadia", "Emil"]
_LAST = ["Petrova", "Vell", "Karsk", "Dunmore", "Halvik", "Orlen", "Mirsky", "Tannen", "Brolin", "Sayer"]
_ROLES = ["foreign minister", "spokesperson", "defence minister", "envoy", "prime minister"]

COOPERATION = [("AGREE", "signed an agreement with", "on border trade"),
               ("CONSULT", "held talks with", "in the capital"),
               ("AID", "sent aid to", "after the floods"),
               ("COOPERATE", "opened a joint patrol with", "along the river")]
CONFLICT = [("ACCUSE", "accused", "of violating the ceasefire"),
            ("THREATEN", "threatened", "with sanctions"),
            ("SANCTION", "imposed sanctions on", "over the dispute"),
            ("ASSAULT", "shelled positions held by", "near the border")]
# What a speaker claims one actor does with another: "<a> CLAIM <b>".
CLAIMS = ["has open channels to", "is supplying weapons to", "will withdraw troops from the border with",
          "has reached a deal with"]


@dataclass
class _Text:
    """Builds a text piece by piece and records where each piece lands."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class _Cast:
    states: list[tuple[str, str, str]]  # (id, name, type)
    people: list[tuple[str, str, str, str]]  # (id, name, role, id of their state)


def _cast(rng: random.Random, n_people: int) -> _Cast:
    states = [(actor_id("state", n), n, "state") for n in STATES]
    states += [(actor_id(t, n), n, t) for n, t in GROUPS if t != "media"]
    people: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    while len(people) < n_people:
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        if name in seen:
            continue
        seen.add(name)
        home = rng.choice(states[: len(STATES)])
        people.append((actor_id("person", name), name, rng.choice(_ROLES), home[0]))
    return _Cast(states, people)


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2015, 2017)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _pivot(a: str, b: str) -> str:
    """The month a pair turns from cooperation to conflict (stable per pair)."""
    h = sum(map(ord, a + b))
    return f"{2015 + h % 3}-{1 + h % 12:02d}"


def generate(n_documents: int, seed: int = 7, n_people: int = 40) -> Iterator[Batch]:
    """`n_documents` batches, each one generated article with its records."""
    rng = random.Random(seed)
    cast = _cast(rng, n_people)
    weights = [1 / (i + 1) for i in range(len(cast.states))]  # a few actors dominate, like real news
    media_id = actor_id("media", "Daily Meridian")
    for number in range(n_documents):
        a, b = rng.choices(cast.states, weights=weights, k=2)
        if a == b:
            b = cast.states[(cast.states.index(a) + 1) % len(cast.states)]
        speakers = [p for p in cast.people if p[3] == a[0]] or cast.people
        person = rng.choice(speakers)
        published = _date(rng)
        doc_id = f"syn-{number:06d}"
        coop = published[:7] < _pivot(*sorted((a[0], b[0])))
        etype, verb, tail = rng.choice(COOPERATION if coop else CONFLICT)
        claim = rng.choice(CLAIMS)

        text, mentions = _Text(), []

        def name(actor: tuple) -> tuple[int, int]:
            span = text.add(actor[1])
            mentions.append(Mention(span=span, text=actor[1], type=actor[2], actor_id=actor[0]))
            return span

        title = f"{a[1]} and {b[1]}: {verb.split()[0]} {tail}"
        s1 = text.length
        src_span = name(a)
        text.add(f" {verb} ")
        tgt_span = name(b)
        text.add(f" {tail} on {published}.")
        event = Event(id=event_id(doc_id, etype, a[0], b[0], (s1, text.length)), document_id=doc_id, type=etype,
                      span=(s1, text.length), trigger=verb.split()[0], source=a[0], target=b[0],
                      source_text=a[1], target_text=b[1], date=published, source_span=src_span, target_span=tgt_span)
        text.add("\n\n“")
        c1 = text.length
        name(a)
        text.add(f" {claim} ")
        name(b)
        content_1 = (c1, text.length)
        text.add(",” said ")
        sp_span = name((person[0], person[1], "person"))
        text.add(f", {person[2]} of ")
        name(next(s for s in cast.states if s[0] == person[3]))
        text.add(", in an interview with ")
        name((media_id, "Daily Meridian", "media"))
        text.add(".\n\n")
        deny_speaker = name(b)
        text.add(" denied that ")
        c2 = text.length
        text.add("its leadership had any such arrangement with ")
        name(a)
        content_2 = (c2, text.length)
        text.add(".\n")
        full = text.text()
        assert_stmt = Statement(
            id=statement_id(doc_id, content_1), document_id=doc_id, content=full[content_1[0]:content_1[1]],
            content_span=content_1, speaker=person[0], speaker_text=person[1], speaker_span=sp_span, cue="say",
            kind="direct", polarity="assert", medium=media_id, date=published, about=(a[0], b[0]))
        deny_stmt = Statement(
            id=statement_id(doc_id, content_2), document_id=doc_id, content=full[content_2[0]:content_2[1]],
            content_span=content_2, speaker=b[0], speaker_text=b[1], speaker_span=deny_speaker, cue="deny",
            kind="indirect", polarity="deny", date=published, about=(a[0], b[0]))
        links: tuple[Link, ...] = ()
        if number % 3 == 0:
            links = (Link(id=link_id("contradicts", assert_stmt.id, deny_stmt.id), type="contradicts",
                          a=assert_stmt.id, b=deny_stmt.id, score=0.8,
                          reason=f"{b[1]} denies what {person[1]} asserts"),)
        actors = _actors(mentions, person, cast)
        document = Document(id=doc_id, text=full, title=title, published=published, source="Daily Meridian",
                            url=f"https://news.example.org/{doc_id}", origin=f"synthetic:{number}")
        yield Batch(document=document, actors=actors, statements=(assert_stmt, deny_stmt), events=(event,),
                    links=links, mentions=tuple(mentions))


def _actors(mentions: list[Mention], person: tuple, cast: _Cast) -> tuple[Actor, ...]:
    spans: dict[str, list[tuple[int, int]]] = {}
    info: dict[str, tuple[str, str]] = {}
    for m in mentions:
        assert m.actor_id is not None  # every generated mention is resolved
        spans.setdefault(m.actor_id, []).append(m.span)
        info[m.actor_id] = (m.text, m.type)
    out = []
    for aid, (name, kind) in info.items():
        roles = (Role(title=person[2], of=person[3]),) if aid == person[0] else ()
        out.append(Actor(id=aid, name=name, type=kind, aliases=(name,), roles=roles, mentions=tuple(spans[aid])))
    return tuple(out)


def cross_links(batches: list[Batch], every: int = 5) -> list[Link]:
    """Support links between the assertions of consecutive articles on the same pair."""
    last: dict[frozenset, Statement] = {}
    out = []
    for i, batch in enumerate(batches):
        stmt = batch.statements[0]
        key = frozenset(stmt.about)
        if key in last and i % every == 0:
            other = last[key]
            out.append(Link(id=link_id("supports", other.id, stmt.id), type="supports", a=other.id, b=stmt.id,
                            score=0.7, reason="same claim in another article"))
        last[key] = stmt
    return out


def build(store, n_documents: int, seed: int = 7, chunk: int = 500) -> int:
    """Write a synthetic corpus into an open store; returns the number of documents."""
    batches = list(generate(n_documents, seed))
    for start in range(0, len(batches), chunk):
        store.write_batches(batches[start:start + chunk])
    store.write_links(cross_links(batches))
    return len(batches)
