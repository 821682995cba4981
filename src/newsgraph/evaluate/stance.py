"""Scores for claim/body stance: macro-F1, per-class F1, confusion matrix, FNC-1 score.

The FNC-1 weighted score follows the challenge's published rule: +0.25 when gold and
prediction are both `unrelated`; +0.25 when gold is related and the prediction is any related
label; a further +0.75 when that related label is exactly right. The relative score divides by
the best achievable score on the same gold labels.
"""
from __future__ import annotations

from typing import Any, Sequence

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset(LABELS[:3])


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    score = 0.0
    for g, p in zip(gold, predicted):
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.50
        if g in RELATED and p in RELATED:
            score += 0.25
    return score


def fnc_max(gold: Sequence[str]) -> float:
    return sum(1.0 if g in RELATED else 0.25 for g in gold)


def confusion(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, int]]:
    """confusion[gold][predicted] = count."""
    table = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, predicted):
        table[g][p] += 1
    return table


def per_class(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    out = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"precision": precision, "recall": recall, "f1": f1, "support": n_gold}
    return out


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Every figure the report needs, as plain numbers (rounded to 4 places)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    classes = per_class(gold, predicted)
    macro = sum(c["f1"] for c in classes.values()) / len(LABELS)
    raw = fnc_score(gold, predicted)
    best = fnc_max(gold)
    return {
        "cases": len(gold),
        "macro_f1": round(macro, 4),
        "disagree_f1": round(classes["disagree"]["f1"], 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / len(gold), 4) if gold else 0.0,
        "fnc_score": raw,
        "fnc_max": best,
        "fnc_relative": round(raw / best, 4) if best else 0.0,
        "per_class": {k: {m: (round(v, 4) if isinstance(v, float) else v) for m, v in c.items()}
                      for k, c in classes.items()},
        "confusion": confusion(gold, predicted),
    }
