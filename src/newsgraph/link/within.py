"""Links between statements inside one document (called by the pipeline for every article)."""
from __future__ import annotations

from dataclasses import replace

from ..model import Batch
from .claims import with_about
from .contradictions import link_statements


def link_document(batch: Batch) -> Batch:
    """The batch with its `contradicts` / `supports` links between its own statements."""
    statements = with_about(batch.statements, batch.mentions)
    countries = {actor.id: actor.country for actor in batch.actors}
    return replace(batch, links=tuple(link_statements(statements, countries)))
