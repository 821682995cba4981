"""Stance of a body towards a claim: tables of short texts written for these tests."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsgraph.evaluate.stance import fnc_max, fnc_score, score
from newsgraph.link.stance import StanceModel

CLAIM = "Velmar troops crossed the border into Ostrava on Sunday"


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel()


@pytest.mark.parametrize("body, expected", [
    # agree: the body states the claim as fact
    ("Velmar troops crossed the border into Ostrava on Sunday morning, local officials confirmed. "
     "Columns of tanks were seen moving south of the border town.", "agree"),
    ("Officials in Ostrava confirmed that Velmar troops crossed the border on Sunday.", "agree"),
    # disagree: the body calls the claim false or reports a denial of it
    ("Reports that Velmar troops crossed the border into Ostrava are false, the defence ministry said. "
     "The ministry denied that any soldier had crossed the border and called the story a hoax.", "disagree"),
    ("Velmar troops did not cross the border into Ostrava on Sunday. The viral video was fake, "
     "shot years ago in another country.", "disagree"),
    # discuss: the body reports the claim without vouching for it
    ("Velmar troops reportedly crossed the border into Ostrava on Sunday, according to unconfirmed "
     "posts on social media. It is unclear how many soldiers were involved, and the claims could "
     "not be verified.", "discuss"),
    # unrelated: nothing of the claim in the body
    ("The central bank of Marland raised interest rates by half a point to fight inflation. "
     "Economists had expected a smaller rise.", "unrelated"),
    ("A new bridge over the river was opened by the mayor after three years of work.", "unrelated"),
])
def test_stance_table(model, body, expected):
    assert model.predict(CLAIM, body).stance == expected


def test_claim_that_calls_a_hoax_is_agreed_with_by_a_debunking_body(model):
    claim = "Photo of Velmar troops at the Ostrava border is a hoax"
    body = ("The photo of Velmar troops at the Ostrava border is a hoax: it was taken in 2009 "
            "during an exercise, fact checkers found. The image is fake.")
    assert model.predict(claim, body).stance == "agree"


def test_evidence_spans_index_into_body_and_mark_denials(model):
    body = ("The defence ministry denied that Velmar troops crossed the border into Ostrava. "
            "Markets were calm on Monday.")
    result = model.predict(CLAIM, body)
    assert result.stance == "disagree"
    assert result.evidence, "a related body has evidence sentences"
    start, end = result.evidence[0].span
    assert body[start:end].startswith("The defence ministry denied")
    assert result.evidence[0].polarity == "deny"
    assert 0.0 <= result.score <= 1.0


def test_empty_body_is_unrelated(model):
    assert model.predict(CLAIM, "").stance == "unrelated"


def test_scorer_figures():
    gold = ["agree", "disagree", "discuss", "unrelated"]
    assert score(gold, gold)["macro_f1"] == 1.0
    assert fnc_max(gold) == 3.25
    assert fnc_score(gold, gold) == 3.25
    # related but wrong label: 0.25 each; unrelated predicted related: 0
    assert fnc_score(gold, ["discuss", "agree", "agree", "agree"]) == 0.75
    s = score(gold, ["agree", "agree", "discuss", "unrelated"])
    assert s["per_class"]["disagree"]["f1"] == 0.0
    assert s["confusion"]["disagree"]["agree"] == 1


def _run(args, stdin=None):
    return subprocess.run([sys.executable, "-m", "newsgraph.cli.main", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_stance_command_keeps_order_and_reports_bad_lines(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    good_a = {"id": "a", "claim": CLAIM, "body": "Velmar troops crossed the border into Ostrava on Sunday, "
                                                   "officials confirmed."}
    good_b = {"id": 7, "claim": CLAIM, "body": "Interest rates rose in Marland."}
    pairs.write_text(json.dumps(good_a) + "\n{broken\n" + json.dumps({"id": "x", "claim": "c"}) + "\n"
                     + json.dumps(good_b) + "\n", encoding="utf-8")
    run = _run(["stance", "--pairs", str(pairs)])
    assert run.returncode == 1
    lines = [json.loads(x) for x in run.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", 7]
    assert lines[0]["stance"] == "agree" and lines[1]["stance"] == "unrelated"
    assert set(lines[0]) == {"id", "stance", "score", "evidence"}
    assert f"{pairs}:2" in run.stderr and f"{pairs}:3" in run.stderr


def test_eval_stance_on_dev_set_meets_floor():
    try:  # tests/ as a plain folder (rootdir conftest) or as a package
        from conftest import shared_file
    except ImportError:
        from tests.conftest import shared_file

    gold = shared_file("eval", "stance", "dev.jsonl")
    run = _run(["eval", "stance", str(gold), "--json"])
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["cases"] == 400
    # Development floors (the measured figures are in docs/links.md); lower them only on purpose.
    assert result["macro_f1"] >= 0.60
    assert result["disagree_f1"] >= 0.30
