"""The centre of newsgraph: typed records, enums and content-derived ids.

This package imports nothing else from newsgraph; every other stage imports it.
"""
from .contract import batch_from_dict, batch_to_dict
from .enums import (QUAD_CLASS, ActorType, EventType, LinkType, Modality, Polarity, QuadClass,
                    StatementKind)
from .records import (Actor, Batch, Document, Event, Link, Mention, RelationPoint, Role, Shift, Span,
                      Statement)

__all__ = [
    "Actor", "ActorType", "Batch", "Document", "Event", "EventType", "Link", "LinkType", "Mention",
    "Modality", "Polarity", "QUAD_CLASS", "QuadClass", "RelationPoint", "Role", "Shift", "Span",
    "Statement", "StatementKind", "batch_from_dict", "batch_to_dict",
]
