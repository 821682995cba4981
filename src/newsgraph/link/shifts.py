"""Shifts: a change of a pair's relation score beyond the pair's own noise.

The pair's noise is read from its whole series: the typical change from one period to the
next (median absolute first difference, scaled to a standard deviation), which a steady
relation keeps small and an erratic one large, whatever its level changes. At each period
boundary the mean score of up to WINDOW periods before is compared with that of up to WINDOW
periods after; the boundary is a shift when the jump is large in itself (MIN_JUMP) and at
least MIN_T standard errors of that noise. The strongest boundaries are kept, at least
MIN_SIDE periods apart, so a relation that warms and later cools gives two shifts.
"""
from __future__ import annotations

import math
from typing import Sequence

from ..model import RelationPoint, Shift

MIN_JUMP = 0.5  # on the [-1, 1] score scale
MIN_T = 3.5
NOISE_FLOOR = 0.15  # the least noise assumed (a series of equal scores has none)
MIN_SIDE = 2  # periods on each side of a shift
WINDOW = 3  # periods compared on each side


def detect_shifts(points: Sequence[RelationPoint]) -> list[Shift]:
    """Shifts in period order; each carries the evidence of the first periods of its new level."""
    points = sorted(points, key=lambda p: p.period)
    found = _boundaries([p.score for p in points])
    shifts = []
    for k in sorted(found):
        lo = max([0] + [j for j in found if j < k])
        hi = min([len(points)] + [j for j in found if j > k])
        before = _mean([p.score for p in points[lo:k]])
        after = _mean([p.score for p in points[k:hi]])
        # The new level's first periods are what a reader checks: they carry the turn.
        evidence = tuple(dict.fromkeys(e for p in points[k:min(k + 2, hi)] for e in p.evidence))
        shifts.append(Shift(a=points[k].a, b=points[k].b, period=points[k].period,
                            before=round(before, 4), after=round(after, 4), evidence=evidence))
    return shifts


def noise(scores: Sequence[float]) -> float:
    """The pair's period-to-period noise as a standard deviation (robust to a few real jumps)."""
    diffs = sorted(abs(y - x) for x, y in zip(scores, scores[1:]))
    if not diffs:
        return NOISE_FLOOR
    mid = len(diffs) // 2
    median = diffs[mid] if len(diffs) % 2 else (diffs[mid - 1] + diffs[mid]) / 2
    # For Gaussian noise, |x_{t+1} - x_t| has median 0.954 sigma (sigma * sqrt(2) * 0.6745).
    return max(NOISE_FLOOR, median / 0.954)


def _boundaries(scores: Sequence[float]) -> list[int]:
    """Indexes k where scores[k] starts a new level.

    The strongest boundary is taken first; the windows of the next ones stop at the
    boundaries already taken, so one turn is not counted again from a window that straddles it.
    """
    sigma = noise(scores)
    chosen: list[int] = []
    while True:
        best: tuple[float, int] | None = None
        for k in range(MIN_SIDE, len(scores) - MIN_SIDE + 1):
            if any(abs(k - j) < MIN_SIDE for j in chosen):
                continue
            lo = max([0, k - WINDOW] + [j for j in chosen if j < k])
            hi = min([len(scores), k + WINDOW] + [j for j in chosen if j > k])
            left, right = scores[lo:k], scores[k:hi]
            jump = abs(_mean(right) - _mean(left))
            if jump < MIN_JUMP:
                continue
            t = jump / (sigma * math.sqrt(1 / len(left) + 1 / len(right)))
            if t >= MIN_T and (best is None or t > best[0]):
                best = (t, k)
        if best is None:
            return _persistent(scores, sorted(chosen))
        chosen.append(best[1])


def _persistent(scores: Sequence[float], chosen: list[int]) -> list[int]:
    """Drop boundaries whose whole segments (to the neighbouring boundaries) differ by less
    than MIN_JUMP: a local blip is not a new level."""
    while chosen:
        edges = [0] + chosen + [len(scores)]
        gaps = [abs(_mean(scores[edges[i + 1]:edges[i + 2]]) - _mean(scores[edges[i]:edges[i + 1]]))
                for i in range(len(chosen))]
        weakest = min(range(len(chosen)), key=lambda i: gaps[i])
        if gaps[weakest] >= MIN_JUMP:
            break
        chosen = chosen[:weakest] + chosen[weakest + 1:]
    return chosen


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0
