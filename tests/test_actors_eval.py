"""Quality gate: actor extraction on the project's own gold corpus must stay above the floors.

The floors in tests/actors_eval_floor.json are lowered only on purpose (habit 9).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.actors import evaluate, read_gold

HERE = Path(__file__).parent
CORPUS = HERE / "corpus" / "actors"
FLOOR = json.loads((HERE / "actors_eval_floor.json").read_text())


@pytest.fixture(scope="module")
def result(pipeline):
    return evaluate(CORPUS, pipeline)


def test_corpus_is_large_enough():
    assert len(read_gold(CORPUS)) >= 20


@pytest.mark.parametrize("metric", ["precision", "recall", "merge_accuracy", "role_recall"])
def test_score_above_floor(result, metric):
    assert result[metric] >= FLOOR[metric], f"{metric} {result[metric]} fell below {FLOOR[metric]}"


def test_no_not_actor_becomes_an_actor(result):
    assert result["not_actor_violations"] <= FLOOR["not_actor_violations"]


def test_bad_gold_file_names_the_file(tmp_path):
    from newsgraph.errors import InputError

    bad = tmp_path / "bad.yaml"
    bad.write_text("text: only text, no actors\n")
    with pytest.raises(InputError, match="bad.yaml"):
        read_gold(bad)
