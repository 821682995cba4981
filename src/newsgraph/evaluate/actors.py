"""Actor extraction scores against a gold corpus (`newsgraph eval actors`).

Gold: a YAML file per article (or one file holding a list of articles, or JSON Lines)::

    id: actors-01
    title: optional headline (the text may start with it)
    text: |
      ...
    actors:                 # every actor the article names, locations included
      - {id: country:kg, type: state, aliases: [Kyrgyzstan, Bishkek]}
      - {id: person:aibek-saliev, name: Aibek Saliev, type: person, country: KG,
         roles: [{title: foreign minister, of: country:kg}]}
    not_actors: [Guest Contributor]   # surfaces that must not become an actor

Metrics, micro-averaged over all articles:
- actors: a predicted actor is correct when a gold actor has its type and its id (or the
  same name); precision = correct / predicted, recall = matched gold / gold;
- merges: each gold alias must be among the aliases of the actor that matched its gold
  actor (all names of one actor end in one actor);
- roles: (title, of) pairs of matched people, titles compared case-insensitively;
- countries: share of matched gold people with a country whose predicted country agrees;
- not_actors: predicted actors named by a surface listed as not an actor.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..errors import InputError
from ..gazetteer import clean_name
from ..model import Actor, Batch, Document
from ..model.ids import slugify


def _read_one(path: Path) -> list[dict]:
    if path.suffix not in (".yaml", ".yml", ".json", ".jsonl"):
        raise InputError(f"unsupported gold file type {path.suffix or '(none)'!r}", where=str(path),
                         hint="use .yaml, .json or .jsonl; see docs/actors.md")
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gold file: {exc}", where=str(path)) from None
    try:
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in raw.splitlines() if line.strip()]
        if path.suffix == ".json":
            data = json.loads(raw)
        else:
            data = yaml.safe_load(raw)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"gold file is not valid {path.suffix[1:].upper() or 'YAML'}: "
                         f"{str(exc).splitlines()[0]}", where=str(path)) from None
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, 1):
        if not isinstance(record, dict) or "text" not in record or "actors" not in record:
            raise InputError("a gold article needs 'text' and 'actors'", where=f"{path}: article {n}")
        record.setdefault("id", f"{path.stem}-{n}" if len(records) > 1 else path.stem)
    return records


def read_gold(path: str | Path) -> list[dict]:
    """Gold articles from a file, or from every .yaml/.yml/.json/.jsonl file in a directory."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml", ".json", ".jsonl"))
        if not files:
            raise InputError("no gold files (.yaml, .json, .jsonl) in directory", where=str(path))
        return [record for f in files for record in _read_one(f)]
    if not path.exists():
        raise InputError("gold file not found", where=str(path))
    return _read_one(path)


def _key(name: str | None) -> str:
    return slugify(clean_name(name)) if name else ""


def _match(gold: dict, actor: Actor) -> bool:
    if gold["type"] != actor.type:
        return False
    if gold.get("id") and gold["id"] == actor.id:
        return True
    return bool(gold.get("name")) and _key(gold["name"]) == _key(actor.name)


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def score_article(gold: dict, batch: Batch) -> dict[str, Any]:
    predicted = list(batch.actors)
    golds = list(gold["actors"])
    matched: dict[int, Actor] = {}
    correct_pred: set[str] = set()
    for gi, g in enumerate(golds):
        for actor in predicted:
            if _match(g, actor):
                matched[gi] = actor
                correct_pred.add(actor.id)
                break
    # Merges: every gold alias must be one of the matched actor's names.
    merges_ok = merges_all = 0
    merge_misses: list[str] = []
    for gi, g in enumerate(golds):
        for alias in g.get("aliases") or ():
            merges_all += 1
            found = matched.get(gi)
            names = {_key(a) for a in found.aliases} | {_key(found.name)} if found else set()
            if _key(alias) in names:
                merges_ok += 1
            else:
                merge_misses.append(f"{g.get('id') or g.get('name')} <- {alias}")
    # Roles of matched people.
    gold_roles = pred_roles = roles_ok = 0
    role_misses: list[str] = []
    countries_ok = countries_all = 0
    for gi, g in enumerate(golds):
        person = matched.get(gi)
        wanted = {(r["title"].lower(), r.get("of")) for r in g.get("roles") or ()}
        got = {(r.title.lower(), r.of) for r in person.roles} if person else set()
        gold_roles += len(wanted)
        if person is not None and g["type"] == "person":
            pred_roles += len(got)
        roles_ok += len(wanted & got)
        role_misses.extend(f"{g.get('id')}: missing {t!r} of {o}" for t, o in wanted - got)
        if person is not None and g["type"] == "person":
            role_misses.extend(f"{g.get('id')}: extra {t!r} of {o}" for t, o in got - wanted)
        if g.get("country"):
            countries_all += 1
            countries_ok += int(person is not None and person.country == g["country"])
    not_actors = {_key(s) for s in gold.get("not_actors") or ()}
    violations = [a.id for a in predicted if {_key(a.name), *map(_key, a.aliases)} & not_actors]
    return {
        "id": gold["id"],
        "gold": len(golds), "predicted": len(predicted),
        "correct": len(correct_pred), "found": len(matched),
        "missed": [g.get("id") or g.get("name") for gi, g in enumerate(golds) if gi not in matched],
        "spurious": [f"{a.id} ({a.type})" for a in predicted if a.id not in correct_pred],
        "merges_ok": merges_ok, "merges": merges_all, "merge_misses": merge_misses,
        "gold_roles": gold_roles, "predicted_roles": pred_roles, "roles_ok": roles_ok,
        "role_misses": role_misses,
        "countries_ok": countries_ok, "countries": countries_all,
        "not_actor_violations": violations,
    }


def evaluate_articles(articles: Iterable[dict], pipeline=None) -> dict[str, Any]:
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    articles = list(articles)
    documents = [Document(id=str(a["id"]), text=a["text"], title=a.get("title")) for a in articles]
    per_article = [score_article(gold, batch)
                   for gold, batch in zip(articles, pipeline.process_many(documents))]

    def total(key: str) -> int:
        return sum(r[key] for r in per_article)

    precision = _ratio(total("correct"), total("predicted"))
    recall = _ratio(total("found"), total("gold"))
    return {
        "articles": len(per_article),
        "gold_actors": total("gold"), "predicted_actors": total("predicted"),
        "precision": precision, "recall": recall,
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "merge_accuracy": _ratio(total("merges_ok"), total("merges")), "merges": total("merges"),
        "role_precision": _ratio(total("roles_ok"), total("predicted_roles")),
        "role_recall": _ratio(total("roles_ok"), total("gold_roles")), "gold_roles": total("gold_roles"),
        "country_accuracy": _ratio(total("countries_ok"), total("countries")),
        "not_actor_violations": sum(len(r["not_actor_violations"]) for r in per_article),
        "per_article": per_article,
    }


def evaluate(gold_path: str | Path, pipeline=None) -> dict[str, Any]:
    return evaluate_articles(read_gold(gold_path), pipeline)


def format_report(result: dict[str, Any], details: bool = False) -> str:
    lines = [
        f"articles {result['articles']}  gold actors {result['gold_actors']}  "
        f"predicted {result['predicted_actors']}",
        f"actors     P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}",
        f"merges     accuracy {result['merge_accuracy']:.3f} ({result['merges']} gold aliases)",
        f"roles      P {result['role_precision']:.3f}  R {result['role_recall']:.3f} "
        f"({result['gold_roles']} gold roles)",
        f"countries  accuracy {result['country_accuracy']:.3f} (people with a gold country)",
        f"not-actors {result['not_actor_violations']} violations",
    ]
    if details:
        for r in result["per_article"]:
            problems = [("missed", r["missed"]), ("spurious", r["spurious"]), ("merges", r["merge_misses"]),
                        ("roles", r["role_misses"]), ("not-actors", r["not_actor_violations"])]
            problems = [(k, v) for k, v in problems if v]
            if problems:
                lines.append(f"- {r['id']}")
                lines.extend(f"    {k}: {', '.join(map(str, v))}" for k, v in problems)
    return "\n".join(lines)
