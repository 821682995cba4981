"""The reporting-cue lexicon and the small word lists the statement extractor reads.

Data lives in extract/data/ (written for the project): reporting_verbs.tsv (lemma, deny flag,
complement frames), denial_words.txt, media_words.txt.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str  # "say", "rule out", "call for"
    deny: bool
    frames: frozenset[str]  # subset of {"that", "quote", "obj", "to"}

    @property
    def verb(self) -> str:
        return self.lemma.split()[0]

    @property
    def particle(self) -> str | None:
        parts = self.lemma.split()
        return parts[1] if len(parts) > 1 else None


def _lines(name: str) -> list[str]:
    text = resources.files("newsgraph.extract").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, tuple[Cue, ...]]:
    """Verb lemma -> the cues built on it (a plain verb and its phrasal variants)."""
    out: dict[str, list[Cue]] = {}
    for line in _lines("reporting_verbs.tsv")[1:]:  # first line is the header
        lemma, deny, frames = line.split("\t")
        cue = Cue(lemma, deny == "1", frozenset(f.strip() for f in frames.split(",")))
        out.setdefault(cue.verb, []).append(cue)
    # Phrasal cues first, so "rule out" wins over a plain "rule" when the particle is there.
    return {verb: tuple(sorted(cues, key=lambda c: c.particle is None)) for verb, cues in out.items()}


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, Cue]:
    """Reporting nouns ("claim", "denial") with a "that" clause as content."""
    out = {}
    for line in _lines("reporting_nouns.tsv")[1:]:
        lemma, deny = line.split("\t")
        out[lemma] = Cue(lemma, deny == "1", frozenset({"that"}))
    return out


@lru_cache(maxsize=1)
def denial_words() -> frozenset[str]:
    return frozenset(_lines("denial_words.txt"))


@lru_cache(maxsize=1)
def media_words() -> dict[str, frozenset[str]]:
    """Sections of media_words.txt: outlet_nouns, channel_nouns, outlets."""
    sections: dict[str, set[str]] = {}
    current = None
    for line in _lines("media_words.txt"):
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = set()
        elif current:
            sections[current].add(line if current == "outlets" else line.lower())
    return {name: frozenset(words) for name, words in sections.items()}
