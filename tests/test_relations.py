"""Relation series and shifts: pure functions on hand-built events, then the store query."""
from __future__ import annotations

import pytest

from newsgraph.link.relations import EventRef, period_of, series
from newsgraph.link.shifts import detect_shifts
from newsgraph.model import RelationPoint

A, B = "country:vl", "country:os"


@pytest.mark.parametrize("date, period, expected", [
    ("2016-01-05", "month", "2016-01"),
    ("2016-01-05", "week", "2016-W01"),
    ("2016-01-03", "week", "2015-W53"),
    ("2016-01-05", "day", "2016-01-05"),
    ("2016-01", "month", "2016-01"),
    ("2016-01", "week", None),  # coarser than the period
    ("2016", "month", None),
    (None, "month", None),
    ("not a date", "day", None),
])
def test_period_of(date, period, expected):
    assert period_of(date, period) == expected


def ev(i, kind, date, source=A, target=B, modality="asserted", statement=None):
    return EventRef(id=f"evt:{i}", type=kind, source=source, target=target, date=date, modality=modality,
                    statement_id=statement)


def test_series_counts_quad_classes_and_scores():
    events = [
        ev(1, "ASSAULT", "2016-01-03"), ev(2, "ACCUSE", "2016-01-20", source=B, target=A),
        ev(3, "AID", "2016-02-02", statement="stmt:1"), ev(4, "CONSULT", "2016-02-10"),
        ev(5, "ASSAULT", "2016-02-11", modality="negated"),  # did not happen: ignored
        ev(6, "ASSAULT", "2016-02-12", target="country:zz"),  # another pair: ignored
        ev(7, "THREATEN", None),  # no date: ignored
    ]
    points = series(events, A, B, "month")
    assert [p.period for p in points] == ["2016-01", "2016-02"]
    jan, feb = (dict(p.counts) for p in points)
    assert jan == {"verbal_cooperation": 0, "material_cooperation": 0, "verbal_conflict": 1, "material_conflict": 1}
    assert feb["material_cooperation"] == 1 and feb["verbal_cooperation"] == 1
    assert points[0].score == -1.0 and points[1].score == 1.0
    assert points[1].evidence == ("evt:3", "stmt:1", "evt:4")


def test_series_rejects_unknown_period():
    with pytest.raises(ValueError):
        series([], A, B, "year")


def points_of(scores, start_month=1):
    return [RelationPoint(A, B, f"2016-{start_month + i:02d}", (), s, (f"evt:{i}",)) for i, s in enumerate(scores)]


@pytest.mark.parametrize("scores, expected_periods", [
    ([-1.0, -0.8, -1.0, 1.0, 0.6, 1.0], ["2016-04"]),  # conflict turns to cooperation
    ([1.0, 1.0, 1.0, -1.0, -1.0, -0.6, -1.0], ["2016-04"]),  # and the other way round
    ([-1, -1, -1, 1, 1, 1, -1, -1, -1], ["2016-04", "2016-07"]),  # warms and cools again
    ([-1.0, 1.0, -1.0, 1.0, -1.0, 1.0], []),  # noisy pair: no shift
    ([-0.6, -0.4, -0.5, -0.3, -0.5], []),  # steady
    ([-1.0, 1.0], []),  # too short to tell
])
def test_detect_shifts(scores, expected_periods):
    shifts = detect_shifts(points_of(scores))
    assert [s.period for s in shifts] == expected_periods


def test_shift_carries_the_evidence_of_the_turn():
    (shift,) = detect_shifts(points_of([-1.0, -1.0, -1.0, 1.0, 1.0, 1.0]))
    assert shift.before == -1.0 and shift.after == 1.0
    assert shift.evidence == ("evt:3", "evt:4")


def test_pure_noise_rarely_gives_a_shift():
    import random

    rng = random.Random(20240416)
    series = [[rng.uniform(-1, 1) for _ in range(24)] for _ in range(200)]
    false_alarms = sum(bool(detect_shifts(points_of_long(scores))) for scores in series)
    assert false_alarms <= 0.08 * len(series)


def test_a_real_turn_stands_out_of_noise():
    import random

    rng = random.Random(7)
    found = 0
    for _ in range(200):
        scores = [-0.6 + rng.uniform(-0.4, 0.4) for _ in range(8)] + [0.6 + rng.uniform(-0.4, 0.4) for _ in range(8)]
        found += [s.period for s in detect_shifts(points_of_long(scores))] == ["2016-09"]
    assert found >= 0.8 * 200


def points_of_long(scores):
    return [RelationPoint(A, B, f"{2016 + i // 12}-{i % 12 + 1:02d}", (), s, (f"evt:{i}",))
            for i, s in enumerate(scores)]
