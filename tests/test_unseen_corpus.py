"""Quality gate on held-out articles: tests/corpus/unseen/ holds 29 wire-style articles written
for the project (regions and topics used nowhere else in the tests), whose gold was written
before the extractor was first run on them (01-06 first, the others on 2026-11-25; a few gold lines
added after a first run say so). The floors sit a little under the measured figures and are
lowered only on purpose (habit 9). Scoring: tests/unseen_eval.py (run it to see every
error)."""
from __future__ import annotations

import pytest

from unseen_eval import documents, load_corpus, score

# Measured 2026-11-25 on all 29 articles, after three rounds of fixes: actors P 0.978
# R 0.992; statements recall 1.000, speaker accuracy 0.987, polarity accuracy 0.997, denial
# precision 1.000; events precision 0.800 (0.882 when a left-out target is not counted as an
# error), recall 0.802, modality accuracy 0.973. First runs on new articles that day: actors
# P 0.854-0.909, events P 0.47-0.82 R 0.55-0.60. These are development figures: rules were
# fixed while reading these errors. tests/corpus/heldout is the blind measure.
FLOORS = {
    "actor_precision": 0.95,
    "actor_recall": 0.96,
    "statement_recall": 0.97,
    "speaker_accuracy": 0.95,
    "polarity_accuracy": 0.97,
    "denial_precision": 0.95,
    "event_precision": 0.76,
    "event_precision_target_optional": 0.85,
    "event_recall": 0.76,
    "modality_accuracy": 0.94,
}

CORPUS = load_corpus()


@pytest.fixture(scope="module")
def result(pipeline):
    return score(CORPUS, pipeline.process_many(documents(CORPUS)))


def test_corpus_shape():
    assert len(CORPUS) >= 6
    for article in CORPUS:
        words = len(article["text"].split())
        assert 350 <= words <= 600, (article["id"], words)
        assert article["text"].splitlines()[2].startswith("by "), article["id"]
        assert article["statements"] and article["events"] and article["actors"]


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(result, metric):
    assert result[metric] >= FLOORS[metric], "\n".join([f"{metric} = {result[metric]}", *result["errors"]])


def test_no_denial_without_a_gold_denial(result):
    assert not [e for e in result["errors"] if "denial wrong" in e]
