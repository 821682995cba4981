"""Custom attributes the newsgraph components write on a spaCy Doc (model records only)."""
from __future__ import annotations

from spacy.tokens import Doc

# name -> what it holds
ATTRS = {
    "ng_document": "the model.Document being processed (set by the pipeline before parsing)",
    "ng_mentions": "list[model.Mention]: actor mentions, actor_id filled where the gazetteer knows it",
    "ng_roles": "list[tuple[Span, model.Role]]: role phrases attached to a person mention span",
    "ng_statements": "list[model.Statement]: statements, speaker not yet resolved to an actor",
    "ng_events": "list[model.Event]: events, source/target not yet resolved to actors",
}

for _name in ATTRS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
