"""The records that flow between stages.

These frozen dataclasses are the single contract between the pipeline, the store, the JSON
output and the API: tables, the JSON Schema test and the docs are derived from them.
Spans are ``(start, end)`` character offsets (Python ``str`` indices) into ``Document.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .ids import text_sha256

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date: YYYY-MM-DD, YYYY-MM or YYYY
    url: str | None = None
    source: str | None = None  # outlet or feed name
    lang: str | None = None
    origin: str | None = None  # where it was read from: path, path:line, URL in a WARC

    @property
    def text_sha256(self) -> str:
        return text_sha256(self.text)


@dataclass(frozen=True, slots=True)
class Role:
    title: str  # "special envoy to Afghanistan"
    of: str | None = None  # actor id of the organisation or state
    span: Span | None = None  # where the role is stated


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text that refers to an actor."""

    span: Span
    text: str
    type: str  # an ActorType value
    actor_id: str | None = None  # filled by resolve/
    sector: str | None = None  # "border guards" in "Tajikistan border guards"
    kind: str = "name"  # name | alias | metonym | demonym | title | pronoun | surname


@dataclass(frozen=True, slots=True)
class Actor:
    id: str  # country:ru, org:taliban, person:zamir-kabulov
    name: str
    type: str  # an ActorType value
    country: str | None = None  # ISO 3166-1 alpha-2, upper case
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    document_id: str
    content: str
    content_span: Span
    speaker: str | None = None  # resolved actor id
    speaker_text: str | None = None
    speaker_span: Span | None = None  # the mention the cue attaches to
    cue: str | None = None  # lemma of the reporting verb or phrase
    cue_span: Span | None = None
    kind: str = "indirect"  # a StatementKind value
    polarity: str = "assert"  # a Polarity value
    medium: str | None = None  # actor id of the outlet or channel
    date: str | None = None
    about: tuple[str, ...] = ()  # actor ids mentioned in the content
    # Where the outlet named as medium is mentioned; the resolver turns it into `medium`.
    medium_span: Span | None = field(default=None, compare=False)
    # The quoted pieces when the content is interrupted ('"A," he said. "B."'); content_span
    # is then their outer extent. Empty when the content is one piece.
    content_fragments: tuple[Span, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    document_id: str
    type: str  # an EventType value
    span: Span  # the clause or sentence that states it
    trigger: str
    source: str | None = None
    target: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    mode: str | None = None
    date: str | None = None
    modality: str = "asserted"  # a Modality value
    attributed_to: str | None = None  # statement id
    spans: tuple[Span, ...] = ()  # every mention of this event in the document
    source_span: Span | None = None  # the mention the source was read from
    target_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Link:
    id: str
    type: str  # a LinkType value
    a: str  # statement id
    b: str  # statement id
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class RelationPoint:
    """Interaction between two actors in one period."""

    a: str
    b: str
    period: str  # "2016-01", "2016-W03", "2016-01-05"
    counts: tuple[tuple[str, int], ...]  # (QuadClass value, count)
    score: float  # cooperation minus conflict, in [-1, 1]
    evidence: tuple[str, ...] = ()  # event and statement ids


@dataclass(frozen=True, slots=True)
class Shift:
    """A change of a pair's relation beyond its own noise."""

    a: str
    b: str
    period: str  # the first period of the new level
    before: float
    after: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Batch:
    """Everything extracted from one document."""

    document: Document
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    links: tuple[Link, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), compare=False)
