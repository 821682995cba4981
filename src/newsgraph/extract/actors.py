"""newsgraph_actors_v1: actor mentions from spaCy's NER (first level; the gazetteer refines it)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import ActorType, Mention
from . import doc_attrs  # noqa: F401

_LABEL_TYPE = {
    "PERSON": ActorType.PERSON,
    "ORG": ActorType.ORGANIZATION,
    "GPE": ActorType.STATE,
    "NORP": ActorType.GROUP,
    "LOC": ActorType.LOCATION,
}


def find_mentions(doc: Doc) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        actor_type = _LABEL_TYPE.get(ent.label_)
        if actor_type is None:
            continue
        mentions.append(Mention(span=(ent.start_char, ent.end_char), text=ent.text, type=actor_type.value))
    return mentions


@Language.component("newsgraph_actors_v1", assigns=["doc._.ng_mentions", "doc._.ng_roles"],
                    requires=["doc.ents"])
def actors_component(doc: Doc) -> Doc:
    doc._.ng_mentions = find_mentions(doc)
    doc._.ng_roles = []
    return doc
