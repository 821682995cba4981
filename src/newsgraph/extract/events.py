"""newsgraph_events_v1: who did what to whom, coded in PLOVER."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import doc_attrs  # noqa: F401


@Language.component("newsgraph_events_v1", assigns=["doc._.ng_events"],
                    requires=["doc._.ng_mentions", "doc._.ng_statements", "token.dep"])
def events_component(doc: Doc) -> Doc:
    doc._.ng_events = []
    return doc
