"""Small text helpers shared by claim matching and stance: terms, sentences, cue lookup.

Everything here is plain Python over strings (no spaCy), so stance scoring of a few hundred
pairs and claim matching over a large store stay fast on one core.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace, or at
# a blank line / line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")

# Function words that say nothing about what a claim is about. Negations are deliberately
# absent: they are cues, handled separately.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just let me more most my myself of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves said says say
saying told tell tells according report reports reported new one two year years via
""".split())

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'deny/denied/denies', 'talks/talking'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3:
        return w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ying"):
        return w[:-4] + "y"
    if w.endswith(("sses", "xes", "zes", "ches", "shes")):
        return w[:-2]
    if w.endswith("ing") and len(w) >= 6:
        return w[:-3]
    if w.endswith("ed") and len(w) >= 5:
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def terms(text: str) -> list[str]:
    """Content terms of a text: lower-cased, stemmed, stopwords and one-letter words dropped."""
    out = []
    for w in words(text):
        low = w.lower().replace("’", "'")
        if low in STOPWORDS or len(low) < 2:
            continue
        out.append(stem(low))
    return out


def weighted_terms(text: str) -> dict[str, float]:
    """Content terms with weights: names and numbers (capitalised or digits) weigh double."""
    out: dict[str, float] = {}
    for i, w in enumerate(words(text)):
        low = w.lower().replace("’", "'")
        if low in STOPWORDS or len(low) < 2:
            continue
        weight = 2.0 if (w[0].isupper() and i > 0) or w[0].isdigit() else 1.0
        key = stem(low)
        out[key] = max(out.get(key, 0.0), weight)
    return out


def sentences(text: str) -> list[Sentence]:
    """Sentence spans (start, end) into text; good enough for news prose."""
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        _append_sentence(out, text, start, match.start())
        start = match.end()
    _append_sentence(out, text, start, len(text))
    return out


def _append_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


@dataclass(frozen=True)
class CueList:
    """A list of cue phrases matched on whole words, case-insensitively."""

    name: str
    phrases: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compile(self.phrases)

    def find(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.pattern.finditer(text)]

    def count(self, text: str) -> int:
        return sum(1 for _ in self.pattern.finditer(text))


@lru_cache(maxsize=None)
def _compile(phrases: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first so that "not true" wins over "not"; apostrophes match both ' and ’.
    alts = sorted(phrases, key=len, reverse=True)
    body = "|".join(re.escape(p).replace("'", "['’]").replace(r"\ ", r"\s+") for p in alts)
    return re.compile(rf"(?<![A-Za-z])(?:{body})(?![A-Za-z])", re.IGNORECASE)


@lru_cache(maxsize=None)
def load_cues(name: str = "stance_cues.yaml") -> dict[str, CueList]:
    """The cue lexicons shipped in link/data (written for this project)."""
    raw = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return {key: CueList(key, tuple(str(p) for p in value)) for key, value in raw.items()}


def overlap(claim: dict[str, float], other: Iterable[str]) -> float:
    """Weighted share of the claim's terms found among the other text's terms."""
    total = sum(claim.values())
    if not total:
        return 0.0
    present = set(other)
    return sum(w for t, w in claim.items() if t in present) / total
