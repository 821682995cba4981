"""Polarity and date of a statement."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Span
from .cues import denial_words
from .dates import resolve_date

_NEGATORS = {"not", "n't", "n’t", "never", "neither", "nor", "no"}
_NEGATIVE_PRONOUNS = {"nothing", "nobody", "none", "noone", "neither"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in ("neg", "preconj") and child.lower_ in _NEGATORS:
            return True
        if child.dep_ in ("acomp", "attr", "oprd") and child.lemma_.lower() in denial_words():
            return True
        # "no contacts took place", "nothing will change", "there is no build-up"
        if child.dep_ in ("nsubj", "nsubjpass", "attr", "dobj"):
            if child.lower_ in _NEGATIVE_PRONOUNS and child.dep_ != "dobj":
                return True
            if any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return True
    return False


def polarity_of(root: Token | None, deny_cue: bool) -> str:
    """`deny` when the cue denies (deny, reject, rule out; not "did not deny") or when the
    main clause of the content is negated ("we have never contacted anyone", "the report
    is false"), including a clause coordinated by "neither/nor" ("... and neither have we
    contacted ..."); a negated clause after "and/but" alone does not make the content a denial."""
    if deny_cue:
        return "deny"
    if root is None:
        return "assert"
    if _negated(root):
        return "deny"
    # A negated clause joined to an affirmative one denies only as "neither ... nor": "the grid
    # remains stable and households will see no change", "they engaged the gunmen but could not
    # stop them" assert.
    clauses = [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return "deny" if any(_negated(c) and _negative_coordination(c) for c in clauses) else "assert"


def _negative_coordination(clause: Token) -> bool:
    return any(c.lower_ in ("neither", "nor") for c in clause.children) or any(
        c.dep_ == "cc" and c.lower_ == "nor" for c in clause.head.children)


class DateFinder:
    """Dates of statements: a date phrase on the cue ("said last month", "on Wednesday"),
    else an explicit date in what was said, at month precision (a statement is made on or
    after the events it reports, usually soon after)."""

    def __init__(self, doc: Doc, published: str | None):
        self.published = published
        self.text = doc.text
        self.dates = [ent for ent in doc.ents if ent.label_ == "DATE"]

    def for_statement(self, verb: Token | None, contents: list[Span], reported: list[Span]) -> str | None:
        """`contents`: the pieces of this statement; `reported`: those of every statement in
        the document (a date inside any reported content is not the date of a speech act)."""
        def inside(ent, spans: list[Span]) -> bool:
            return any(s <= ent.start_char < e for s, e in spans)

        if verb is not None:
            sent = verb.sent
            for ent in self.dates:
                if ent.start_char < sent.start_char or ent.start_char >= sent.end_char or inside(ent, reported):
                    continue
                node, hops = ent.root, 0
                while node.i != verb.i and node.head.i != node.i and hops < 4:
                    node, hops = node.head, hops + 1
                if node.i == verb.i:
                    found = resolve_date(ent.text, self.published)
                    if found:
                        return found
        for ent in self.dates:
            if inside(ent, contents) and _YEAR.search(ent.text):
                found = resolve_date(ent.text, self.published)
                if found:
                    return found[:7]
        return None
