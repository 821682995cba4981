"""Registration of the newsgraph spaCy components, in pipeline order."""
from __future__ import annotations

from . import actors, events, paragraphs, statements  # noqa: F401  (registers the factories)

# Factory names in the order they run; each reads what the earlier ones wrote.
COMPONENTS = ("newsgraph_actors_v1", "newsgraph_statements_v1", "newsgraph_events_v1")


def add_components(nlp):
    """Append the newsgraph components to a loaded pipeline (idempotent)."""
    # Paragraph breaks become sentence boundaries before the parser runs (see paragraphs.py).
    if "newsgraph_paragraphs_v1" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs_v1", before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, name=name, last=True)
    return nlp
