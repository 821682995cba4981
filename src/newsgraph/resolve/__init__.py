"""Mentions -> canonical actors; statement speakers and event parties -> actor ids.

``Resolver(aliases)`` resolves one document's Extraction into a Batch; ``ActorIndex.actor_at``
(also ``actor_at(extraction, span)``) maps any character span, pronouns and title phrases
included, to an actor id.
"""
from .aliases import AliasMatcher, load_aliases
from .coreference import ActorIndex
from .resolver import Resolver, actor_at, resolve

__all__ = ["ActorIndex", "AliasMatcher", "Resolver", "actor_at", "load_aliases", "resolve"]
