"""Scores for sentence-level event coding (../shared/eval/README.md, section 1).

- Event type: per case, the set of predicted PLOVER categories against the gold set; micro and
  macro precision/recall/F1, strict (`plover`) and lenient (`plover_alternatives` also count).
- Dyad accuracy: among gold events whose type was found, the share where a predicted event of
  that type has a matching source and target (token overlap >= 0.5 with a gold actor, or the same
  country code; direction ignored for reciprocal events; target ignored when the gold has none).
- Negatives: the share of negative-tier cases (`gold-negative`, `statement-negative`) with any
  predicted event, and the share with none.

A prediction is an event with modality asserted, reported or planned (negated and hypothetical
events do not claim that anything happened), coded with `plover_code` (a planned act is its
PLOVER intent: AGREE or THREATEN).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError
from .gold import gold_records
from ..extract.event_lexicon import plover_code
from ..model import Event, EventType

CATEGORIES = tuple(t.value for t in EventType)
REAL_MODALITIES = frozenset({"asserted", "reported", "planned"})
NEGATIVE_TIERS = frozenset({"gold-negative", "statement-negative"})
_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Case:
    id: str
    tier: str
    text: str
    events: tuple[dict, ...]


@dataclass
class _Counts:
    tp: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CATEGORIES})
    fp: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CATEGORIES})
    fn: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CATEGORIES})


def load_cases(path: str | Path) -> list[Case]:
    """Gold cases; a malformed line raises InputError naming the file and line."""
    cases = []
    for where, record in gold_records(path):
        try:
            cases.append(Case(id=str(record["id"]), tier=str(record.get("tier", "gold")),
                              text=str(record["text"]), events=tuple(record.get("events") or ())))
        except (KeyError, TypeError) as exc:
            raise InputError(f"bad gold record ({exc})", where=where,
                             hint='each line needs {"id", "text", "events"}') from exc
    return cases


def predicted_types(events: Iterable[Event]) -> set[str]:
    return {plover_code(e.type, e.modality) for e in events if e.modality in REAL_MODALITIES}


def _match_types(gold_events: tuple[dict, ...], predicted: set[str], lenient: bool) -> tuple[set, set, set]:
    """(true positives, false positives, false negatives) as sets of categories for one case."""
    gold = {e["plover"] for e in gold_events}
    allowed = {g: {g} for g in gold}
    if lenient:
        for event in gold_events:
            allowed[event["plover"]] |= set(event.get("plover_alternatives") or ())
    tp, unmatched_gold = set(), set(gold)
    remaining = set(predicted)
    for p in sorted(remaining & unmatched_gold):  # exact matches first
        tp.add(p)
        unmatched_gold.discard(p)
        remaining.discard(p)
    for p in sorted(remaining):
        owner = next((g for g in sorted(unmatched_gold) if p in allowed[g]), None)
        if owner is not None:
            tp.add(owner)  # credited to the gold category it stands for
            unmatched_gold.discard(owner)
            remaining.discard(p)
    return tp, remaining, unmatched_gold


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _summary(counts: _Counts) -> dict[str, Any]:
    tp, fp, fn = (sum(d.values()) for d in (counts.tp, counts.fp, counts.fn))
    per_category = {c: {**_prf(counts.tp[c], counts.fp[c], counts.fn[c]),
                        "support": counts.tp[c] + counts.fn[c], "predicted": counts.tp[c] + counts.fp[c]}
                    for c in CATEGORIES}
    present = [c for c in CATEGORIES if per_category[c]["support"] or per_category[c]["predicted"]]
    macro = {k: round(sum(per_category[c][k] for c in present) / len(present), 4) if present else 0.0
             for k in ("precision", "recall", "f1")}
    return {"micro": {**_prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn}, "macro": macro,
            "per_category": per_category}


_STOP = frozenset({"the", "of", "a", "an", "in", "and", "s", "on", "at", "for", "to"})


def _tokens(text: str | None) -> set[str]:
    return set(_TOKEN.findall((text or "").lower())) - _STOP


@lru_cache(maxsize=512)
def _alpha3(actor_id: str | None) -> str | None:
    if not actor_id or not actor_id.startswith("country:"):
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=actor_id.split(":", 1)[1].upper())
    return country.alpha_3 if country else None


def actor_matches(text: str | None, actor_id: str | None, gold_actors: list[dict]) -> bool:
    """Token overlap >= 0.5 with any gold actor (share of the shorter name), or its country code."""
    predicted = _tokens(text)
    code = _alpha3(actor_id)
    for actor in gold_actors:
        gold = _tokens(actor.get("text"))
        if gold and predicted and len(predicted & gold) / min(len(gold), len(predicted)) >= 0.5:
            return True
        if code and str(actor.get("code", ""))[:3].upper() == code:
            return True
    return False


def _dyad_ok(gold: dict, event: Event) -> bool:
    sources, targets = gold.get("source") or [], gold.get("target") or []

    def ok(src_text, src_id, tgt_text, tgt_id) -> bool:
        if not actor_matches(src_text, src_id, sources):
            return False
        return not targets or actor_matches(tgt_text, tgt_id, targets)

    if ok(event.source_text, event.source, event.target_text, event.target):
        return True
    if gold.get("reciprocal"):
        members = sources + targets
        return actor_matches(event.source_text, event.source, members) and (
            event.target_text is None or actor_matches(event.target_text, event.target, members))
    return False


def score(cases: list[Case], predictions: dict[str, list[Event]]) -> dict[str, Any]:
    """Every figure of the report for the cases and their predicted events (by case id)."""
    strict, lenient = _Counts(), _Counts()
    matched = dyad_correct = 0
    negatives = negatives_with_event = 0
    gold_cases = 0
    for case in cases:
        events = predictions.get(case.id, [])
        types = predicted_types(events)
        if case.tier in NEGATIVE_TIERS:
            negatives += 1
            negatives_with_event += bool(types)
            for t in types:
                strict.fp[t] += 1
                lenient.fp[t] += 1
            continue
        gold_cases += 1
        for counts, is_lenient in ((strict, False), (lenient, True)):
            tp, fp, fn = _match_types(case.events, types, is_lenient)
            for t in tp:
                counts.tp[t] += 1
            for t in fp:
                counts.fp[t] += 1
            for t in fn:
                counts.fn[t] += 1
        for gold in case.events:
            candidates = [e for e in events if e.modality in REAL_MODALITIES
                          and plover_code(e.type, e.modality) == gold["plover"]]
            if candidates:
                matched += 1
                dyad_correct += any(_dyad_ok(gold, e) for e in candidates)
    return {
        "cases": len(cases), "gold_cases": gold_cases,
        "gold_events": sum(len(c.events) for c in cases),
        "strict": _summary(strict), "lenient": _summary(lenient),
        "dyad": {"matched_events": matched, "correct": dyad_correct,
                 "accuracy": round(dyad_correct / matched, 4) if matched else 0.0},
        "negatives": {"cases": negatives, "with_event": negatives_with_event,
                      "false_positive_rate": round(negatives_with_event / negatives, 4) if negatives else 0.0,
                      "no_event_share": round(1 - negatives_with_event / negatives, 4) if negatives else 0.0},
    }


def predict(cases: list[Case], pipeline=None, batch_size: int = 32) -> dict[str, list[Event]]:
    """Run the full pipeline (actors, statements, events) over each case's sentence."""
    from ..model import Document
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    documents = [Document(id=c.id, text=c.text) for c in cases]
    return {batch.document.id: list(batch.events)
            for batch in pipeline.process_many(documents, batch_size=batch_size)}


def case_rows(cases: list[Case], predictions: dict[str, list[Event]]) -> list[dict[str, Any]]:
    """One row per case, gold next to predicted, for reading the errors."""
    rows = []
    for case in cases:
        events = predictions.get(case.id, [])
        gold = sorted({e["plover"] for e in case.events})
        rows.append({
            "id": case.id, "tier": case.tier, "gold": gold,
            "predicted": sorted(predicted_types(events)),
            "events": [{"type": e.type, "modality": e.modality, "source": e.source_text, "target": e.target_text,
                        "trigger": e.trigger} for e in events],
        })
    return rows
