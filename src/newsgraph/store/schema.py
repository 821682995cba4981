"""The store's tables, derived from the model records (see columns.py).

Identity: every column that holds an actor id comes in two forms, the canonical id (what
readers use: ``mentions.actor_id``, ``statements.speaker``, ``events.source``...) and the id
as extracted (``<column>_auto``). Merge/split judgements map the second to the first, so
they can be re-applied, undone, and survive re-ingest (see judgements.py).

Events are shared across documents: one ``events`` row per event id, one ``event_reports``
row per document that reports it (with that document's span, wording and attribution).
"""
from __future__ import annotations

from dataclasses import fields

from sqlalchemy import (Column, ForeignKey, ForeignKeyConstraint, Index, Integer, MetaData,
                        PrimaryKeyConstraint, Table, Text)

from ..model.records import Actor, Document, Event, Link, Mention, Role, Statement
from .columns import columns_for

metadata = MetaData()


def _doc_fk(nullable: bool = False) -> Column:
    return Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=nullable)


documents = Table(
    "documents", metadata,
    *columns_for(Document, primary_key=["id"]),
    Column("text_sha256", Text, nullable=False),
    Column("ingested_at", Text, nullable=False),
    # When cross-document links were last computed for this version of the document; null
    # until then, so a run killed between writing and linking is linked by the next run.
    Column("linked_at", Text),
)

# One row per actor id as extracted; canonical_id says which actor it is after judgements.
# Listings show the rows whose id == canonical_id.
actors = Table(
    "actors", metadata,
    *columns_for(Actor, primary_key=["id"], exclude=["aliases", "roles", "mentions"]),
    Column("canonical_id", Text, nullable=False),
    Column("origin", Text, nullable=False, default="extracted"),  # extracted | judgement
    Column("name_last_word", Text),  # judgements.norm() of the name's last word: surname lookups
)

actor_aliases = Table(
    "actor_aliases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(nullable=True),  # null for aliases added by a judgement
    Column("actor_id", Text, nullable=False),
    Column("actor_id_auto", Text, nullable=False),
    Column("alias", Text, nullable=False),
    Column("alias_norm", Text, nullable=False),  # judgements.norm(alias): case and "the " folded
)

roles = Table(
    "roles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("actor_id", Text, nullable=False),
    Column("actor_id_auto", Text, nullable=False),
    *columns_for(Role, rename={"of": "of_id"}),
    Column("of_id_auto", Text),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    *columns_for(Mention, exclude=["actor_id"]),
    Column("actor_id", Text, nullable=False),
    Column("actor_id_auto", Text, nullable=False),
)

statements = Table(
    "statements", metadata,
    *columns_for(Statement, primary_key=["id"], exclude=["document_id", "about"]),
    _doc_fk(),
    Column("speaker_auto", Text),
    Column("medium_auto", Text),
)

statement_about = Table(
    "statement_about", metadata,
    Column("statement_id", Text, ForeignKey("statements.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", Text, nullable=False),
    Column("actor_id_auto", Text, nullable=False),
    PrimaryKeyConstraint("statement_id", "actor_id_auto"),
)

# Fields that belong to one document's report of an event rather than to the event itself.
EVENT_REPORT_FIELDS = ("document_id", "span", "spans", "source_text", "target_text", "source_span",
                       "target_span", "attributed_to", "trigger", "modality")

events = Table(
    "events", metadata,
    *columns_for(Event, primary_key=["id"],
                 exclude=[f for f in EVENT_REPORT_FIELDS if f not in ("trigger", "modality")]),
    Column("source_auto", Text),
    Column("target_auto", Text),
)

_EVENT_FIELDS = tuple(f.name for f in fields(Event))

event_reports = Table(
    "event_reports", metadata,
    Column("event_id", Text, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    *columns_for(Event, exclude=[f for f in _EVENT_FIELDS if f not in EVENT_REPORT_FIELDS]),
    PrimaryKeyConstraint("event_id", "document_id"),
    ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
)

links = Table(
    "links", metadata,
    *columns_for(Link, primary_key=["id"]),
    _doc_fk(nullable=True),  # set for links found inside one document; null across documents
)

judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),  # merge | split
    Column("a", Text, nullable=False),  # the actor that stays
    Column("b", Text, nullable=False),  # merge: the id merged into a; split: the id or alias taken out
    Column("alias", Text),  # split of an alias (mention text) rather than of a merged id
    Column("new_id", Text),  # split of an alias: the actor id its mentions get
    Column("note", Text),
    Column("created_at", Text, nullable=False),
)

# Per-actor totals of mentions, aliases and roles, kept by the writer (summary.py, migration 0005),
# so listing actors by mentions or by a part of a name reads a few rows per actor.
actor_counts = Table(
    "actor_counts", metadata,
    Column("actor_id", Text, primary_key=True),
    Column("mentions", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
)

actor_alias_counts = Table(
    "actor_alias_counts", metadata,
    Column("actor_id", Text, nullable=False),
    Column("alias", Text, nullable=False),
    Column("alias_norm", Text, nullable=False),
    Column("rows", Integer, nullable=False),  # actor_aliases rows with this (actor_id, alias)
    PrimaryKeyConstraint("actor_id", "alias"),
)

actor_role_counts = Table(
    "actor_role_counts", metadata,
    Column("actor_id", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("of_id", Text, nullable=False),  # "" for a role of no one
    Column("documents", Integer, nullable=False),
    PrimaryKeyConstraint("actor_id", "title", "of_id"),
)

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

# Indexes on every column the query functions filter or join on.
for table, cols in {
    documents: ["published", "source"],
    actors: ["canonical_id", "type", "name_last_word"],
    actor_aliases: ["alias_norm", "actor_id", "actor_id_auto", "document_id"],
    roles: ["actor_id", "actor_id_auto", "document_id"],
    mentions: ["actor_id", "actor_id_auto", "document_id"],
    statements: ["document_id", "speaker", "speaker_auto", "polarity", "date", "medium"],
    statement_about: ["actor_id", "actor_id_auto"],
    events: ["type", "source", "target", "date", "source_auto", "target_auto"],
    event_reports: ["document_id"],
    links: ["a", "b", "type", "document_id"],
    actor_alias_counts: ["alias_norm"],
}.items():
    for col in cols:
        Index(f"ix_{table.name}_{col}", table.c[col])

# Composite indexes for the actor page (migrations 0003 and 0004 add them to older stores): each
# answers its query from the index alone, without a temporary B-tree for DISTINCT or GROUP BY.
COMPOSITE_INDEXES: dict[str, tuple[Table, tuple[str, ...]]] = {
    "ix_mentions_actor_document": (mentions, ("actor_id", "document_id")),
    "ix_statement_about_actor_statement": (statement_about, ("actor_id", "statement_id")),
    "ix_actor_aliases_actor_alias": (actor_aliases, ("actor_id", "alias")),
    # A speaker's latest statements in date order without sorting them all (migration 0004).
    "ix_statements_speaker_date": (statements, ("speaker", "date")),
    # Statements of one polarity in date order (denials about an actor, migration 0006).
    "ix_statements_polarity_date": (statements, ("polarity", "date")),
}
for index_name, (table, cols) in COMPOSITE_INDEXES.items():
    Index(index_name, *(table.c[col] for col in cols))

# (table, canonical column, column holding the mention text or None) for judgements.py.
ACTOR_REFERENCES: tuple[tuple[Table, str, str | None], ...] = (
    (mentions, "actor_id", "text"),
    (actor_aliases, "actor_id", "alias"),
    (roles, "actor_id", None),
    (roles, "of_id", None),
    (statements, "speaker", "speaker_text"),
    (statements, "medium", None),
    (statement_about, "actor_id", None),
    (events, "source", None),
    (events, "target", None),
)


def auto_column(name: str) -> str:
    """The column that keeps the extracted id behind a canonical actor-id column."""
    return f"{name}_auto"


class Tables:
    """`store.tables.statements` or `store.tables["statements"]`."""

    documents = documents
    actors = actors
    actor_aliases = actor_aliases
    roles = roles
    mentions = mentions
    statements = statements
    statement_about = statement_about
    events = events
    event_reports = event_reports
    links = links
    judgements = judgements
    actor_counts = actor_counts
    actor_alias_counts = actor_alias_counts
    actor_role_counts = actor_role_counts
    schema_migrations = schema_migrations

    def __getitem__(self, name: str) -> Table:
        return metadata.tables[name]

    def __iter__(self):
        return iter(metadata.sorted_tables)


TABLES = Tables()
