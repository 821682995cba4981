"""Closed vocabularies shared by every stage, the store, the JSON contract and the API."""
from __future__ import annotations

from enum import StrEnum


class ActorType(StrEnum):
    STATE = "state"
    ORGANIZATION = "organization"
    ARMED_GROUP = "armed_group"
    PERSON = "person"
    MEDIA = "media"
    GROUP = "group"  # ethnic or social groups ("Tajiks")
    LOCATION = "location"  # regions that are not actors ("Central Asia")


class StatementKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Polarity(StrEnum):
    ASSERT = "assert"
    DENY = "deny"


class EventType(StrEnum):
    """The 16 PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class QuadClass(StrEnum):
    """PLOVER/CAMEO quad classes used for relation time series."""

    VERBAL_COOPERATION = "verbal_cooperation"
    MATERIAL_COOPERATION = "material_cooperation"
    VERBAL_CONFLICT = "verbal_conflict"
    MATERIAL_CONFLICT = "material_conflict"


QUAD_CLASS: dict[EventType, QuadClass] = {
    EventType.AGREE: QuadClass.VERBAL_COOPERATION,
    EventType.CONSULT: QuadClass.VERBAL_COOPERATION,
    EventType.SUPPORT: QuadClass.VERBAL_COOPERATION,
    EventType.CONCEDE: QuadClass.MATERIAL_COOPERATION,
    EventType.COOPERATE: QuadClass.MATERIAL_COOPERATION,
    EventType.AID: QuadClass.MATERIAL_COOPERATION,
    EventType.RETREAT: QuadClass.MATERIAL_COOPERATION,
    EventType.REQUEST: QuadClass.VERBAL_CONFLICT,
    EventType.ACCUSE: QuadClass.VERBAL_CONFLICT,
    EventType.REJECT: QuadClass.VERBAL_CONFLICT,
    EventType.THREATEN: QuadClass.VERBAL_CONFLICT,
    EventType.PROTEST: QuadClass.MATERIAL_CONFLICT,
    EventType.SANCTION: QuadClass.MATERIAL_CONFLICT,
    EventType.MOBILIZE: QuadClass.MATERIAL_CONFLICT,
    EventType.COERCE: QuadClass.MATERIAL_CONFLICT,
    EventType.ASSAULT: QuadClass.MATERIAL_CONFLICT,
}


class Modality(StrEnum):
    ASSERTED = "asserted"  # reported as fact by the article
    REPORTED = "reported"  # someone says it happened
    PLANNED = "planned"  # announced or future
    HYPOTHETICAL = "hypothetical"  # scenario, conditional
    NEGATED = "negated"


class LinkType(StrEnum):
    CONTRADICTS = "contradicts"
    SUPPORTS = "supports"
