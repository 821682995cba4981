"""Score statement extraction against a gold file of attributions (PolNeAR-style JSONL).

Gold lines: ``{"id", "text", "quotes": [{"speaker_span", "cue_span", "content_span",
"content_fragments"?}, ...]}``. The metrics (docs/statements.md):

- exact / begin match P/R/F1 per role (source, cue, content), micro over all articles. Span
  edges are compared after dropping edge whitespace, punctuation, quotation marks and a
  leading "that" on both sides, so that a convention (marks inside or out) is not an error.
  A discontinuous gold content is compared by its outer extent.
- overlap match for content at thresholds (0.3, 0.8), as in ../shared/eval/README.md: a
  predicted content matches a gold one when their shared characters are at least t of the
  gold content (only the gold fragments count); one-to-one, best overlap first.
  `overlap_strict` asks for t of the longer of the two, after the edge normalisation above,
  so that an over-long prediction cannot match.
- speaker accuracy on contents matched at 0.3: the predicted speaker span overlaps the gold
  source span (or both are absent); also exact speaker-span accuracy.
- attribution P/R/F1: content matched at 0.3 and speaker correct.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import InputError
from .gold import gold_records
from ..model import Span, Statement

THRESHOLDS = (0.3, 0.8)
_EDGE = re.compile(r"""^[\s"“”'‘’«».,;:!?()\[\]—–-]+|[\s"“”'‘’«».,;:!?()\[\]—–-]+$""")


@dataclass(frozen=True, slots=True)
class Attribution:
    content: Span
    fragments: tuple[Span, ...]
    speaker: Span | None
    cue: Span | None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    gold: tuple[Attribution, ...]


def read_gold(path: str | Path) -> Iterator[Article]:
    """Articles of a gold JSONL file; a bad line raises InputError naming file and line."""
    for where, record in gold_records(path):
        try:
            gold = tuple(_attribution(q) for q in record["quotes"])
            yield Article(id=str(record["id"]), text=record["text"], gold=gold)
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise InputError(f"not a gold attribution record ({exc!r})", where=where,
                             hint="expected {\"id\", \"text\", \"quotes\": [...]} per line") from exc


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _attribution(q: dict[str, Any]) -> Attribution:
    content = _span(q["content_span"])
    fragments = tuple(_span(f) for f in q.get("content_fragments") or ()) or (content,)
    return Attribution(content=content, fragments=fragments, speaker=_span(q.get("speaker_span")),
                       cue=_span(q.get("cue_span")))


def normalise(text: str, span: Span | None) -> Span | None:
    """The span without edge punctuation, quotation marks, whitespace and a leading "that"."""
    if span is None:
        return None
    start, end = span
    piece = text[start:end]
    for _ in range(3):
        lead = _EDGE.match(piece)
        if lead and lead.end() > 0 and lead.end() < len(piece):
            start += lead.end()
            piece = piece[lead.end():]
        if piece[:5].lower() == "that ":
            start += 5
            piece = piece[5:]
        trail = re.search(r"""[\s"“”'‘’«».,;:!?()\[\]—–-]+$""", piece)
        if trail and trail.start() > 0:
            end -= len(piece) - trail.start()
            piece = piece[:trail.start()]
    return start, end


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    correct: int = 0

    def as_dict(self) -> dict[str, float | int]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "correct": self.correct, "predicted": self.predicted, "gold": self.gold}


@dataclass
class Scores:
    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ("source", "cue", "content")})
    begin: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ("source", "cue", "content")})
    overlap: dict[float, Counts] = field(default_factory=lambda: {t: Counts() for t in THRESHOLDS})
    overlap_strict: dict[float, Counts] = field(default_factory=lambda: {t: Counts() for t in THRESHOLDS})
    speaker_matched: int = 0
    speaker_correct: int = 0
    speaker_exact: int = 0
    attribution: Counts = field(default_factory=Counts)
    articles: int = 0

    def as_dict(self) -> dict[str, Any]:
        matched = self.speaker_matched
        return {
            "articles": self.articles,
            "exact": {role: c.as_dict() for role, c in self.exact.items()},
            "begin": {role: c.as_dict() for role, c in self.begin.items()},
            "overlap": {str(t): c.as_dict() for t, c in self.overlap.items()},
            "overlap_strict": {str(t): c.as_dict() for t, c in self.overlap_strict.items()},
            "speaker": {"matched_contents": matched,
                        "accuracy": round(self.speaker_correct / matched, 4) if matched else 0.0,
                        "exact_accuracy": round(self.speaker_exact / matched, 4) if matched else 0.0},
            "attribution": self.attribution.as_dict(),
        }


@dataclass(frozen=True, slots=True)
class Predicted:
    content: Span
    speaker: Span | None
    cue: Span | None


def _chars(spans: Iterable[Span]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def _overlap_ratio(pred: Span, gold: Attribution, text: str | None = None) -> float:
    """Shared characters over the gold length; with text: over the longer of the two, both
    normalised at their edges (the strict variant)."""
    if text is None:
        gold_chars = _chars(gold.fragments)
        shared = len(gold_chars.intersection(range(*pred)))
        return shared / len(gold_chars) if gold_chars else 0.0
    gold_chars = _chars(normalise(text, f) for f in gold.fragments)
    pred = normalise(text, pred)
    shared = len(gold_chars.intersection(range(*pred)))
    longest = max(len(gold_chars), pred[1] - pred[0])
    return shared / longest if longest else 0.0


def _match(preds: list[Predicted], golds: tuple[Attribution, ...], threshold: float,
           text: str | None = None) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) with overlap >= threshold, best first."""
    candidates = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if p.content[0] < g.content[1] and g.content[0] < p.content[1]:
                ratio = _overlap_ratio(p.content, g, text)
                if ratio >= threshold:
                    candidates.append((ratio, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _speaker_ok(pred: Span | None, gold: Span | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    return pred[0] < gold[1] and gold[0] < pred[1]


def score_article(scores: Scores, article: Article, preds: list[Predicted]) -> None:
    text = article.text
    scores.articles += 1
    roles = {
        "source": ([normalise(text, p.speaker) for p in preds if p.speaker],
                   [normalise(text, g.speaker) for g in article.gold if g.speaker]),
        "cue": ([normalise(text, p.cue) for p in preds if p.cue],
                [normalise(text, g.cue) for g in article.gold if g.cue]),
        "content": ([normalise(text, p.content) for p in preds],
                    [normalise(text, (g.fragments[0][0], g.fragments[-1][1])) for g in article.gold]),
    }
    for role, (predicted, gold) in roles.items():
        for table, key in ((scores.exact[role], lambda s: s), (scores.begin[role], lambda s: s[0])):
            table.predicted += len(set(predicted))
            table.gold += len(set(gold))
            table.correct += len({key(s) for s in predicted} & {key(s) for s in gold})
    for threshold in THRESHOLDS:
        strict = scores.overlap_strict[threshold]
        strict.predicted += len(preds)
        strict.gold += len(article.gold)
        strict.correct += len(_match(preds, article.gold, threshold, text))
        pairs = _match(preds, article.gold, threshold)
        counts = scores.overlap[threshold]
        counts.predicted += len(preds)
        counts.gold += len(article.gold)
        counts.correct += len(pairs)
        if threshold == THRESHOLDS[0]:
            correct = 0
            for i, j in pairs:
                ok = _speaker_ok(preds[i].speaker, article.gold[j].speaker)
                correct += ok
                scores.speaker_exact += normalise(text, preds[i].speaker) == normalise(text, article.gold[j].speaker)
            scores.speaker_matched += len(pairs)
            scores.speaker_correct += correct
            scores.attribution.predicted += len(preds)
            scores.attribution.gold += len(article.gold)
            scores.attribution.correct += correct


Extractor = Callable[[Iterable[Article]], Iterator[list[Predicted]]]


def pipeline_extractor(batch_size: int = 8) -> Extractor:
    """Predictions from the full newsgraph pipeline (statements of each article)."""
    from ..model import Document
    from ..pipeline import Pipeline

    pipeline = Pipeline()

    def run(articles: Iterable[Article]) -> Iterator[list[Predicted]]:
        documents = (Document(id=a.id, text=a.text) for a in articles)
        for batch in pipeline.process_many(documents, batch_size=batch_size):
            yield attributions(batch.statements)

    return run


def attributions(statements: Iterable[Statement]) -> list[Predicted]:
    """Statements as PolNeAR attributions. One cue with one speaker is one attribution:
    direct statements that share both ('"A denial," he said. "A claim."', split by newsgraph
    only for their polarity) are one attribution over their outer extent."""
    out: list[Predicted] = []
    joined: dict[tuple[Span, Span], int] = {}
    for s in sorted(statements, key=lambda s: s.content_span):
        key = (s.cue_span, s.speaker_span)
        if s.kind == "direct" and s.cue_span and s.speaker_span and key in joined:
            index = joined[key]
            first = out[index]
            out[index] = Predicted((first.content[0], max(first.content[1], s.content_span[1])), first.speaker,
                                   first.cue)
            continue
        if s.kind == "direct" and s.cue_span and s.speaker_span:
            joined[key] = len(out)
        out.append(Predicted(s.content_span, s.speaker_span, s.cue_span))
    return out


def evaluate(path: str | Path, extractor: Extractor | None = None, limit: int | None = None) -> dict[str, Any]:
    """Scores of `extractor` (default: the newsgraph pipeline) on the gold file at path."""
    articles = list(read_gold(path))[:limit]
    extractor = extractor or pipeline_extractor()
    scores = Scores()
    for article, preds in zip(articles, extractor(iter(articles))):
        score_article(scores, article, preds)
    result = scores.as_dict()
    result["gold_file"] = str(path)
    return result


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of the scores."""
    lines = [f"gold: {result.get('gold_file')}  articles: {result['articles']}", ""]
    lines.append(f"{'match':<16}{'role':<9}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for kind in ("exact", "begin"):
        for role, c in result[kind].items():
            lines.append(f"{kind:<16}{role:<9}{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}"
                         f"{c['predicted']:>7}{c['gold']:>7}")
    for name, label in (("overlap", "overlap>="), ("overlap_strict", "strict>=")):
        for t, c in result[name].items():
            lines.append(f"{label + t:<16}{'content':<9}{c['precision']:>7.3f}{c['recall']:>7.3f}"
                         f"{c['f1']:>7.3f}{c['predicted']:>7}{c['gold']:>7}")
    a = result["attribution"]
    lines.append(f"{'attribution':<16}{'both':<9}{a['precision']:>7.3f}{a['recall']:>7.3f}{a['f1']:>7.3f}"
                 f"{a['predicted']:>7}{a['gold']:>7}")
    s = result["speaker"]
    lines += ["", f"speaker-span accuracy on {s['matched_contents']} matched contents (overlap 0.3): "
              f"{s['accuracy']:.3f} (exact span: {s['exact_accuracy']:.3f})"]
    return "\n".join(lines)
