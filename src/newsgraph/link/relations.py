"""Relation time series of an actor pair: events per period by PLOVER quad class, and a score.

score = (cooperation - conflict) / (cooperation + conflict), where material events weigh
twice as much as verbal ones (a shipment of arms says more than a friendly word). It lies in
[-1, 1]: -1 all conflict, +1 all cooperation.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..model import RelationPoint
from ..model.enums import QUAD_CLASS, EventType, QuadClass

PERIODS = ("day", "week", "month")
# Events that did not (yet) happen say nothing about the relation.
IGNORED_MODALITIES = frozenset({"negated", "hypothetical"})
WEIGHT = {QuadClass.VERBAL_COOPERATION: 1.0, QuadClass.MATERIAL_COOPERATION: 2.0,
          QuadClass.VERBAL_CONFLICT: -1.0, QuadClass.MATERIAL_CONFLICT: -2.0}


@dataclass(frozen=True, slots=True)
class EventRef:
    """What the series needs of one event (a store row or an Event record)."""

    id: str
    type: str
    source: str | None
    target: str | None
    date: str | None  # the event's date, else the reporting document's publication date
    modality: str = "asserted"
    statement_id: str | None = None  # the statement it is attributed to, if any


def period_of(date: str | None, period: str) -> str | None:
    """'2016-01-05' -> '2016-01-05' (day), '2016-W01' (week), '2016-01' (month).

    A date coarser than the period (a month for a weekly series) gives None.
    """
    if not date:
        return None
    if period == "month":
        return date[:7] if len(date) >= 7 else None
    if len(date) < 10:
        return None
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    if period == "day":
        return day.isoformat()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def is_pair(ref: EventRef, a: str, b: str) -> bool:
    return {ref.source, ref.target} == {a, b} and a != b


def quad_class(event_type: str) -> QuadClass | None:
    try:
        return QUAD_CLASS[EventType(event_type)]
    except ValueError:
        return None


def series(events: Iterable[EventRef], a: str, b: str, period: str = "month") -> list[RelationPoint]:
    """One RelationPoint per period that has events between a and b (either direction), in order."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    counts: dict[str, dict[QuadClass, int]] = defaultdict(lambda: defaultdict(int))
    evidence: dict[str, list[str]] = defaultdict(list)
    for ref in events:
        if not is_pair(ref, a, b) or ref.modality in IGNORED_MODALITIES:
            continue
        quad, key = quad_class(ref.type), period_of(ref.date, period)
        if quad is None or key is None:
            continue
        counts[key][quad] += 1
        evidence[key].append(ref.id)
        if ref.statement_id:
            evidence[key].append(ref.statement_id)
    points = []
    for key in sorted(counts):
        c = counts[key]
        points.append(RelationPoint(
            a=a, b=b, period=key,
            counts=tuple((q.value, c.get(q, 0)) for q in QuadClass),
            score=round(relation_score(c), 4),
            evidence=tuple(dict.fromkeys(evidence[key])),
        ))
    return points


def relation_score(counts: dict[QuadClass, int]) -> float:
    positive = sum(WEIGHT[q] * n for q, n in counts.items() if WEIGHT[q] > 0)
    negative = -sum(WEIGHT[q] * n for q, n in counts.items() if WEIGHT[q] < 0)
    total = positive + negative
    return (positive - negative) / total if total else 0.0
