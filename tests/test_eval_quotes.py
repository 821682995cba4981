"""`newsgraph eval quotes`: the metrics on hand-made cases, the command, and the dev-set floors."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.errors import InputError
from newsgraph.evaluate.quotes import (Article, Attribution, Predicted, Scores, attributions, evaluate,
                                       normalise, read_gold, score_article)
from newsgraph.model import Statement

# The development gold lives outside the repository (../shared); without it the test skips.
DEV = Path(os.environ.get("NEWSGRAPH_SHARED", Path(__file__).resolve().parents[1].parent / "shared")) \
    / "eval" / "quotes" / "dev.jsonl"

TEXT = 'The mayor said that the bridge would close. "It is unsafe," she added.'
#       0123456789012345678901234567890123456789012345678901234567890123456789
GOLD = (
    Attribution(content=(15, 43), fragments=((15, 43),), speaker=(0, 9), cue=(10, 14)),
    Attribution(content=(44, 59), fragments=((44, 59),), speaker=(60, 63), cue=(64, 69)),
)


def _score(preds):
    scores = Scores()
    score_article(scores, Article("a", TEXT, GOLD), preds)
    return scores.as_dict()


def test_normalise_drops_marks_and_that():
    assert TEXT[slice(*normalise(TEXT, (15, 43)))] == "the bridge would close"
    assert TEXT[slice(*normalise(TEXT, (44, 59)))] == "It is unsafe"


def _statement(content, speaker, cue, kind="direct"):
    return Statement(id=str(content), document_id="d", content="", content_span=content, speaker_span=speaker,
                     cue_span=cue, kind=kind)


# statements -> PolNeAR attributions: direct statements with one cue and one speaker (a quote
# split from the one before it for its polarity) are one attribution; nothing else is joined.
ATTRIBUTIONS = [
    ([_statement((1, 20), (22, 24), (25, 29)), _statement((32, 60), (22, 24), (25, 29))],
     [Predicted((1, 60), (22, 24), (25, 29))]),
    ([_statement((1, 20), (22, 24), (25, 29)), _statement((32, 60), (22, 24), None)],  # no cue of its own
     [Predicted((1, 20), (22, 24), (25, 29)), Predicted((32, 60), (22, 24), None)]),
    ([_statement((1, 20), (22, 24), (25, 29), "indirect"), _statement((32, 60), (22, 24), (25, 29), "indirect")],
     [Predicted((1, 20), (22, 24), (25, 29)), Predicted((32, 60), (22, 24), (25, 29))]),
    ([_statement((1, 20), (22, 24), (25, 29)), _statement((32, 60), (61, 63), (25, 29))],  # another speaker
     [Predicted((1, 20), (22, 24), (25, 29)), Predicted((32, 60), (61, 63), (25, 29))]),
]


@pytest.mark.parametrize("statements, expected", ATTRIBUTIONS)
def test_statements_as_attributions(statements, expected):
    assert attributions(statements) == expected


def test_perfect_prediction():
    result = _score([Predicted((20, 42), (4, 9), (10, 14)), Predicted((45, 57), (60, 63), (64, 69))])
    assert result["exact"]["content"]["f1"] == 1.0
    assert result["overlap"]["0.3"]["f1"] == 1.0 and result["overlap"]["0.8"]["f1"] == 0.5  # "that " counts
    assert result["overlap_strict"]["0.8"]["f1"] == 1.0  # not when edges are normalised
    assert result["speaker"]["accuracy"] == 1.0 and result["attribution"]["f1"] == 1.0
    assert result["exact"]["source"]["correct"] == 1  # "mayor" is not "The mayor"; it overlaps


def test_partial_and_wrong_speaker():
    # half of the first content, the second content with the wrong speaker, one invented
    result = _score([Predicted((20, 31), (4, 9), (10, 14)), Predicted((45, 57), (0, 3), None),
                     Predicted((0, 9), None, None)])
    assert result["overlap"]["0.3"]["correct"] == 2 and result["overlap"]["0.8"]["correct"] == 1
    assert result["overlap_strict"]["0.8"]["correct"] == 1
    assert result["overlap"]["0.3"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["speaker"]["accuracy"] == 0.5
    assert result["attribution"]["correct"] == 1


def test_nothing_predicted():
    result = _score([])
    assert result["overlap"]["0.3"]["recall"] == 0.0 and result["speaker"]["matched_contents"] == 0


def test_fragments_count_only_gold_characters():
    gold = (Attribution(content=(0, 40), fragments=((0, 10), (30, 40)), speaker=None, cue=None),)
    scores = Scores()
    score_article(scores, Article("b", "x" * 50, gold), [Predicted((0, 10), None, None)])
    assert scores.overlap[0.3].correct == 1 and scores.overlap[0.8].correct == 0


def test_bad_gold_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "quotes": []}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="gold.jsonl:2"):
        list(read_gold(path))


def _write_gold(tmp_path):
    path = tmp_path / "mine.jsonl"
    record = {"id": "m1", "text": TEXT, "quotes": [
        {"speaker_span": list(g.speaker), "cue_span": list(g.cue), "content_span": list(g.content)} for g in GOLD]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_evaluate_runs_the_pipeline(tmp_path):
    result = evaluate(_write_gold(tmp_path))
    assert result["articles"] == 1
    assert result["overlap"]["0.3"]["correct"] == 2 and result["speaker"]["accuracy"] == 1.0


def test_command_prints_table_and_json(tmp_path):
    path = _write_gold(tmp_path)
    table = CliRunner().invoke(cli, ["eval", "quotes", str(path)])
    assert table.exit_code == 0 and "overlap>=0.3" in table.output and "speaker-span accuracy" in table.output
    as_json = CliRunner().invoke(cli, ["eval", "quotes", str(path), "--json"])
    assert json.loads(as_json.output)["overlap"]["0.8"]["gold"] == 2


def test_command_bad_file(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "quotes", str(path)])
    assert result.exit_code == 1 and "broken.jsonl:1" in result.output


@pytest.mark.slow
def test_dev_set_floors():
    """Development gold (PolNeAR dev, 42 articles): the floors of the statements issue."""
    if not DEV.exists():
        pytest.skip(f"{DEV} not available")
    floors = json.loads((Path(__file__).parent / "statements_eval_floor.json").read_text())
    result = evaluate(DEV)
    assert result["overlap"]["0.3"]["f1"] >= floors["dev_content_f1_overlap_0.3"], result["overlap"]
    assert result["speaker"]["accuracy"] >= floors["dev_speaker_accuracy"], result["speaker"]
