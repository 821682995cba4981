"""Statements reduced to propositions: who, predicate, whom, polarity, time.

Two statements make the same claim when they are about the same actors (their ``about``
actors, plus the speaker when the speaker is a party to what is said: "we never talked to
Russia") and their predicates match, by shared content terms or by a shared predicate concept
("channels" / "contacts" / "talked" are all ``contact``; see data/predicates.yaml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

import yaml

from ..model import Mention, Statement
from .text import DATA, load_cues, stem, terms, words

# Words that mark the speaker as a party to the claim ("we", "our", "us").
_FIRST_PERSON = re.compile(r"\b(?:we|us|our|ours|ourselves|i|me|my)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                 "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")
_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class Proposition:
    statement_id: str
    document_id: str
    speaker: str | None
    speaker_text: str | None
    actors: frozenset[str]  # about + the speaker when it is a party
    side: str | None  # the speaker's country (country:is for Iceland's foreign minister)
    concepts: frozenset[str]  # predicate concepts
    terms: frozenset[str]  # content terms, names included
    predicate: frozenset[str]  # content terms that are not names (lower-case words, numbers)
    polarity: str  # "assert" or "deny", after negation inside the content
    quantities: tuple[tuple[int, str], ...]  # (value, the noun it counts)
    months: frozenset[str]
    date: str | None
    text: str


@lru_cache(maxsize=1)
def predicate_concepts() -> dict[str, tuple[str, ...]]:
    raw = yaml.safe_load((DATA / "predicates.yaml").read_text(encoding="utf-8"))
    return {concept: tuple(stem(str(w)) for w in words) for concept, words in raw.items()}


def concepts_of(term_list: Iterable[str]) -> frozenset[str]:
    """Predicate concepts named by the terms (prefix match for stems of five letters or more)."""
    found: set[str] = set()
    for t in term_list:
        found |= _term_concepts(t)
    return frozenset(found)


@lru_cache(maxsize=65536)
def _term_concepts(term: str) -> frozenset[str]:
    return frozenset(concept for concept, stems in predicate_concepts().items()
                     if any(term == s or (len(s) >= 5 and term.startswith(s)) for s in stems))


def content_negated(text: str) -> bool:
    """Does the content itself deny ("neither have we contacted ...", "no talks took place")?"""
    return load_cues()["negation"].count(text) > 0


def quantities(text: str) -> tuple[tuple[int, str], ...]:
    """Numbers with the word they count: '12 soldiers' -> (12, 'soldier')."""
    out = []
    tokens = re.findall(r"[A-Za-z]+|\d[\d,]*", text)
    for i, tok in enumerate(tokens[:-1]):
        value = None
        if tok[0].isdigit():
            digits = tok.replace(",", "")
            if digits.isdigit() and not (len(digits) == 4 and digits[:2] in ("19", "20")):
                value = int(digits)
        elif tok.lower() in _NUMBER_WORDS:
            value = _NUMBER_WORDS[tok.lower()]
        if value is not None and tokens[i + 1].isalpha():
            out.append((value, stem(tokens[i + 1])))
    return tuple(out)


def proposition(st: Statement, speaker_country: str | None = None) -> Proposition:
    """The proposition of a statement; `speaker_country` is the ISO code of the speaker's
    country when known (an Actor's `country`), which makes that country a party too."""
    content_terms = terms(st.content)
    actors = set(st.about)
    # The speaker is a party to its own denial ("the Taliban deny contacts with Russia") and
    # to what it says in the first person.
    if st.speaker and (st.polarity == "deny" or _FIRST_PERSON.search(st.content)):
        actors.add(st.speaker)
    negated = content_negated(st.content)
    polarity = "deny" if st.polarity == "deny" or negated else "assert"
    return Proposition(
        statement_id=st.id,
        document_id=st.document_id,
        speaker=st.speaker,
        speaker_text=st.speaker_text,
        actors=frozenset(actors),
        side=f"country:{speaker_country.lower()}" if speaker_country else None,
        concepts=concepts_of(content_terms),
        terms=frozenset(content_terms),
        predicate=predicate_terms(st.content),
        polarity=polarity,
        quantities=quantities(st.content),
        months=frozenset(m.lower() for m in _MONTH.findall(st.content)),
        date=st.date,
        text=st.content,
    )


def with_about(statements: Iterable[Statement], mentions: Iterable[Mention]) -> list[Statement]:
    """Statements whose `about` is empty get the actors mentioned inside their content span.

    The extractor may leave `about` empty; the resolved mentions of the same document say
    which actors the content names ("Moscow" -> country:ru).
    """
    located = [(m.span, m.actor_id) for m in mentions if m.actor_id and m.type != "location"]
    out = []
    for st in statements:
        if not st.about and st.content_span:
            start, end = st.content_span
            found = tuple(dict.fromkeys(a for (s, e), a in located if start <= s and e <= end))
            if found:
                st = replace(st, about=found)
        out.append(st)
    return out


def predicate_terms(text: str) -> frozenset[str]:
    """Terms of the words that are not names: what is said, not who it is said about."""
    return frozenset(terms(" ".join(w for w in words(text) if not w[0].isupper())))


def term_similarity(a: Proposition, b: Proposition, names: bool = True) -> float:
    """Dice overlap of the content terms, with each shared concept counted as a shared term.

    names=False compares the predicates only: for statements already matched on their
    actors, shared names ("Norway", "Iceland") say nothing more.
    """
    left, right = (a.terms, b.terms) if names else (a.predicate, b.predicate)
    if not left or not right:
        return 0.0
    shared = len(left & right) + len(a.concepts & b.concepts)
    return min(1.0, 2 * shared / (len(left) + len(right)))


def parties(p: Proposition) -> set[str]:
    """The actors, the speaker and the speaker's country."""
    return set(p.actors) | {x for x in (p.speaker, p.side) if x}


def actor_overlap(a: Proposition, b: Proposition) -> int:
    """Actors the two share, the speakers counted as parties ("talks with Norway", said by
    Iceland, is about Iceland too), except a speaker both have in common."""
    left, right = parties(a), parties(b)
    if a.speaker and a.speaker == b.speaker and a.speaker not in (a.actors & b.actors):
        left, right = left - {a.speaker}, right - {a.speaker}
    return len(left & right)
