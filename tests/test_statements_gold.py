"""Quality gates for statements: the project's own gold corpus (pinned floors in
tests/statements_eval_floor.json) and acceptance point 1 of the statements issue on the seed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from newsgraph.model import Document

HERE = Path(__file__).parent
FLOORS = json.loads((HERE / "statements_eval_floor.json").read_text())
CORPUS = yaml.safe_load((HERE / "corpus" / "statements" / "gold.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus_scores(pipeline):
    """Content recall, speaker-actor accuracy and denial precision/recall over the corpus."""
    found = speakers = speakers_right = 0
    gold_total = len([g for a in CORPUS for g in a["statements"]])
    deny_predicted = deny_right = deny_gold = deny_found = 0
    trap_hits = []
    for article in CORPUS:
        batch = pipeline.process(Document(id=article["id"], text=article["text"], published=article["published"]))
        matched: dict[str, dict] = {}
        for gold in article["statements"]:
            hits = [s for s in batch.statements if gold["says"] in s.content and s.id not in matched]
            deny_gold += gold["polarity"] == "deny"
            if not hits:
                continue
            statement = hits[0]
            matched[statement.id] = gold
            found += 1
            if not gold.get("optional_speaker"):
                speakers += 1
                speakers_right += statement.speaker == gold["speaker"]
            if gold["polarity"] == "deny" and statement.polarity == "deny":
                deny_found += 1
        for statement in batch.statements:
            if statement.polarity == "deny":
                deny_predicted += 1
                deny_right += matched.get(statement.id, {}).get("polarity") in ("deny", "any")
            trap_hits += [t for t in article.get("none", ()) if statement.content.startswith(t)]
    return {
        "articles": len(CORPUS),
        "corpus_content_recall": found / gold_total,
        "corpus_speaker_actor_accuracy": speakers_right / speakers,
        "corpus_denial_precision": deny_right / deny_predicted if deny_predicted else 0.0,
        "corpus_denial_recall": deny_found / deny_gold,
        "traps": trap_hits,
    }


def test_corpus_size():
    assert len(CORPUS) >= 20
    speakers = [g["speaker"] for a in CORPUS for g in a["statements"]]
    assert len(speakers) >= 60 and sum(g["polarity"] == "deny" for a in CORPUS for g in a["statements"]) >= 15
    # pronoun and title speakers are part of the test
    texts = " ".join(a["text"] for a in CORPUS)
    assert " he said" in texts and " she said" in texts and "He said" in texts


@pytest.mark.parametrize("metric", [m for m in FLOORS if m.startswith("corpus_")])
def test_corpus_floor(corpus_scores, metric):
    assert corpus_scores[metric] >= FLOORS[metric], corpus_scores


def test_corpus_traps(corpus_scores):
    assert corpus_scores["traps"] == []


# -- acceptance point 1 on the seed article ------------------------------------------------

SEED_STATEMENTS = [
    # (speaker actor, a piece of the content)
    ("person:zamir-kabulov", "objectively coincide"),
    ("person:zamir-kabulov", "Moscow has channels for information sharing with the Taliban"),
    ("person:zamir-kabulov", "national liberation movement"),
    ("org:taliban", "any contacts with Russia had taken place"),
    ("person:zamir-kabulov", "shipment of small arms"),
    ("person:nikolay-bordyuzha", "The threat from Afghanstan persists"),
    ("person:nikolay-bordyuzha", "some members of ISIS alongside the Taliban"),
    ("person:alexander-knyazev", "dealing with the Daesh threat"),
    ("person:noah-tucker", "Russian government is doing exactly the thing"),
    ("org:asia-plus", "must have their own interests"),
]


@pytest.mark.parametrize("speaker, piece", SEED_STATEMENTS)
def test_seed_statement(seed_batch, speaker, piece):
    hits = [s for s in seed_batch.statements if piece in s.content]
    assert len(hits) == 1, [s.content for s in seed_batch.statements]
    assert hits[0].speaker == speaker


def test_seed_taliban_denial(seed_batch):
    denials = [s for s in seed_batch.statements if s.speaker == "org:taliban"]
    assert denials and all(s.polarity == "deny" for s in denials)
    assert all((s.date or "").startswith("2015-12") for s in denials)
    block = [s for s in denials if "neither have we contacted nor talked with anyone" in s.content]
    assert len(block) == 1


def test_seed_media(seed_batch):
    media = {s.medium for s in seed_batch.statements if s.medium}
    assert media == {"org:interfax", "org:asia-plus"}
    kabulov_channels = next(s for s in seed_batch.statements if "Moscow has channels" in s.content)
    assert kabulov_channels.medium == "org:interfax"
    assert {"country:ru", "org:taliban"} <= set(kabulov_channels.about)
    tucker = next(s for s in seed_batch.statements if s.speaker == "person:noah-tucker")
    assert tucker.medium == "org:asia-plus"


def test_seed_spans_slice_the_text(seed_batch, seed_text):
    for s in seed_batch.statements:
        assert seed_text[s.content_span[0]:s.content_span[1]] == s.content
        if s.speaker_span:
            assert seed_text[s.speaker_span[0]:s.speaker_span[1]] == s.speaker_text
