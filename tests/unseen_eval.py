"""Scores for the held-out corpus in tests/corpus/unseen/ (articles written for the project,
gold written before the extractor was run on them). Used by tests/test_unseen_corpus.py;
`python tests/unseen_eval.py [DIR]` prints the figures and every error (DIR defaults to
tests/corpus/unseen; tests/corpus/heldout is scored the same way).

Gold per article (YAML): `actors` as in tests/corpus/actors (plus `optional: true`),
`statements` ({speaker, says, polarity: assert|deny|any, optional_speaker}) and `events`
({types, source, target, modality: [...], optional}); an id may be a list of acceptable ids
and `null` means "no actor". Gold ids are mapped to the predicted ids of the actors they
matched, so a statement is judged on its speaker, not on id spelling.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from newsgraph.evaluate.actors import _key
from newsgraph.model import Actor, Batch, Document

CORPUS = Path(__file__).parent / "corpus" / "unseen"


def load_corpus(directory: Path = CORPUS) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.yaml"))]


def documents(articles: list[dict]) -> list[Document]:
    return [Document(id=a["id"], text=a["text"], published=a["published"]) for a in articles]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _actor_match(gold: dict, actor: Actor) -> bool:
    if gold["type"] != actor.type:
        return False
    return gold["id"] == actor.id or (bool(gold.get("name")) and _key(gold["name"]) == _key(actor.name))


def _score_article(gold: dict, batch: Batch, errors: list[str]) -> dict[str, int]:
    c: dict[str, int] = dict.fromkeys(
        ["actors_pred", "actors_right", "actors_gold", "actors_found", "st_gold", "st_found",
         "speakers", "speakers_right", "polarities", "polarities_right", "deny_pred", "deny_right",
         "ev_pred", "ev_right", "ev_right_or_no_target", "ev_gold", "ev_found", "modalities", "modalities_right"], 0)
    where = gold["id"]
    # -- actors; gold id -> predicted id
    idmap: dict[str, str] = {}
    right_pred: set[str] = set()
    for g in gold["actors"]:
        hit = next((a for a in batch.actors if _actor_match(g, a)), None)
        if hit:
            idmap[g["id"]] = hit.id
            right_pred.add(hit.id)
        if not g.get("optional"):
            c["actors_gold"] += 1
            c["actors_found"] += hit is not None
            if hit is None:
                errors.append(f"{where} actor missed: {g['id']}")
    c["actors_pred"] = len(batch.actors)
    c["actors_right"] = len(right_pred)
    errors += [f"{where} actor spurious: {a.id} ({a.type}) {a.name!r}"
               for a in batch.actors if a.id not in right_pred]

    def ids(value) -> set:
        return {idmap.get(v, v) for v in _as_list(value)}

    # -- statements
    statements = sorted(batch.statements, key=lambda s: len(s.content))
    for g in gold["statements"]:
        c["st_gold"] += 1
        hit = next((s for s in statements if _norm(g["says"]) in _norm(s.content)), None)
        if hit is None:
            errors.append(f"{where} statement missed: {g['says']!r}")
            continue
        c["st_found"] += 1
        if not g.get("optional_speaker"):
            c["speakers"] += 1
            if hit.speaker in ids(g["speaker"]):
                c["speakers_right"] += 1
            else:
                errors.append(f"{where} speaker wrong: {g['says']!r} -> {hit.speaker} "
                              f"({hit.speaker_text!r}), gold {g['speaker']}")
        if g["polarity"] != "any":
            c["polarities"] += 1
            if hit.polarity == g["polarity"]:
                c["polarities_right"] += 1
            else:
                errors.append(f"{where} polarity wrong: {g['says']!r} -> {hit.polarity}")
    for s in batch.statements:
        if not any(_norm(g["says"]) in _norm(s.content) for g in gold["statements"]):
            errors.append(f"{where} statement spurious: {s.speaker} {s.cue} {s.content[:70]!r}")
        if s.polarity == "deny":
            c["deny_pred"] += 1
            ok = any(_norm(g["says"]) in _norm(s.content) and g["polarity"] in ("deny", "any")
                     for g in gold["statements"])
            c["deny_right"] += ok
            if not ok:
                errors.append(f"{where} denial wrong: {s.content[:70]!r}")

    # -- events
    def event_match(g: dict, e, target_may_be_missing: bool = False) -> bool:
        if e.type not in g["types"]:
            return False
        src_ok = e.source is None if g["source"] is None else e.source in ids(g["source"])
        tgt_ok = e.target is None if g["target"] is None else e.target in ids(g["target"])
        return src_ok and (tgt_ok or (target_may_be_missing and e.target is None))

    for e in batch.events:
        c["ev_pred"] += 1
        # a right event whose target was left out is incomplete, not invented
        c["ev_right_or_no_target"] += any(event_match(g, e, True) for g in gold["events"])
        matches = [g for g in gold["events"] if event_match(g, e)]
        # the same act may be told twice with different modalities: judge the closest telling
        g = next((g for g in matches if e.modality in g["modality"]), matches[0] if matches else None)
        if g is None:
            errors.append(f"{where} event spurious: {e.type} {e.source}->{e.target} {e.modality} "
                          f"trigger {e.trigger!r}")
            continue
        c["ev_right"] += 1
        c["modalities"] += 1
        if e.modality in g["modality"]:
            c["modalities_right"] += 1
        else:
            errors.append(f"{where} modality wrong: {e.type} {e.source}->{e.target} {e.modality}, "
                          f"gold {g['modality']}")
    for g in gold["events"]:
        if g.get("optional"):
            continue
        c["ev_gold"] += 1
        if any(event_match(g, e) for e in batch.events):
            c["ev_found"] += 1
        else:
            errors.append(f"{where} event missed: {g['types']} {g['source']}->{g['target']}")
    return c


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def score(articles: list[dict], batches: list[Batch]) -> dict[str, Any]:
    errors: list[str] = []
    totals: dict[str, int] = {}
    for gold, batch in zip(articles, batches):
        for k, v in _score_article(gold, batch, errors).items():
            totals[k] = totals.get(k, 0) + v
    t = totals
    return {
        "actor_precision": _ratio(t["actors_right"], t["actors_pred"]),
        "actor_recall": _ratio(t["actors_found"], t["actors_gold"]),
        "statement_recall": _ratio(t["st_found"], t["st_gold"]),
        "speaker_accuracy": _ratio(t["speakers_right"], t["speakers"]),
        "polarity_accuracy": _ratio(t["polarities_right"], t["polarities"]),
        "denial_precision": _ratio(t["deny_right"], t["deny_pred"]),
        "event_precision": _ratio(t["ev_right"], t["ev_pred"]),
        "event_precision_target_optional": _ratio(t["ev_right_or_no_target"], t["ev_pred"]),
        "event_recall": _ratio(t["ev_found"], t["ev_gold"]),
        "modality_accuracy": _ratio(t["modalities_right"], t["modalities"]),
        "counts": t,
        "errors": errors,
    }


if __name__ == "__main__":
    from newsgraph.pipeline import Pipeline

    import sys

    corpus = load_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
    result = score(corpus, Pipeline().process_many(documents(corpus)))
    print("\n".join(result.pop("errors")))
    for name, value in result.items():
        print(f"{name}: {value}")
