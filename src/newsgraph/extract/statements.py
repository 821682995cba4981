"""newsgraph_statements_v1: who said what (first level: direct quotes with a speaker)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import doc_attrs  # noqa: F401


@Language.component("newsgraph_statements_v1", assigns=["doc._.ng_statements"],
                    requires=["doc._.ng_mentions", "token.dep"])
def statements_component(doc: Doc) -> Doc:
    doc._.ng_statements = []
    return doc
