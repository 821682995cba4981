"""Polarity and date of a statement."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Span
from .cues import denial_words
from .dates import dated_noun, resolve_date

_NEGATORS = {"not", "n't", "n’t", "never", "neither", "nor", "no"}
_NEGATIVE_PRONOUNS = {"nothing", "nobody", "none", "noone", "neither"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


# A negated clause with one of these modals is an intention, refusal, threat, prediction or
# inability ("we will not allow ...", "Manila would not withdraw ...", "you cannot ..."), not
# the rejection of a claim; "could not have done it" (modal + perfect) still denies.
_IRREALIS_MODALS = {"will", "would", "shall", "should", "can", "could", "must", "may", "might", "wo",
                    "ca", "'ll", "’ll", "ought"}
# Negated wants and plans are intentions too: "we do not want a war", "it has no plans to ...";
# withheld recognition is a refusal: "France does not recognise the junta's authority".
_INTENTION_VERBS = {"want", "intend", "plan", "wish", "seek", "aim", "mean", "hesitate", "allow", "permit",
                    "tolerate", "let", "recognise", "recognize"}
_INTENTION_NOUNS = {"plan", "intention", "intent", "desire", "wish", "interest", "ambition", "appetite"}


def _irrealis(token: Token) -> bool:
    aux = [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]
    return any(a in _IRREALIS_MODALS for a in aux) and "have" not in aux


def _denying_predicate(child: Token) -> bool:
    """"the report is false", "called the charges baseless", "described it as a fabrication"."""
    if child.dep_ in ("acomp", "attr", "oprd"):
        return child.lemma_.lower() in denial_words()
    if child.dep_ == "prep" and child.lower_ == "as":
        return any(g.dep_ == "pobj" and g.lemma_.lower() in denial_words() for g in child.children)
    return False


def _nothing_to_do_with(obj: Token) -> bool:
    """"had nothing to do with the attack": the idiom that denies a link."""
    words = {t.lower_ for t in obj.subtree}
    return obj.lower_ == "nothing" and "do" in words and "with" in words


def _negated(token: Token) -> bool:
    """Whether a clause rejects what it is about: a negated realis clause, a negative subject
    or object, or a predicate such as "false" or "baseless"."""
    if any(_denying_predicate(c) for c in token.children):
        return True
    if _irrealis(token) or token.lemma_.lower() in _INTENTION_VERBS:
        return False
    for child in token.children:
        if child.dep_ in ("neg", "preconj") and child.lower_ in _NEGATORS:
            return True
        # "no contacts took place", "nobody was detained", "there is no build-up"
        if child.dep_ in ("nsubj", "nsubjpass", "attr", "dobj"):
            if child.lower_ in _NEGATIVE_PRONOUNS and (child.dep_ != "dobj" or _nothing_to_do_with(child)):
                return True
            if child.lemma_.lower() in _INTENTION_NOUNS:
                continue
            if any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return True
    return False


def polarity_of(root: Token | None, deny_cue: bool) -> str:
    """`deny` when the cue denies (deny, reject, rule out; not "did not deny") or when the
    main clause of the content is a negated claim ("we have never contacted anyone", "the report
    is false"; not a negated intention such as "we will not allow it"), including a clause
    coordinated by "neither/nor" ("... and neither have we
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
                while node.i != verb.i and node.head.i != node.i and hops < 4 and node.dep_ not in ("relcl", "acl"):
                    node, hops = node.head, hops + 1
                if node.i == verb.i and dated_noun(ent) is None:
                    found = resolve_date(ent.text, self.published)
                    if found:
                        return found
        for ent in self.dates:
            if inside(ent, contents) and _YEAR.search(ent.text) and dated_noun(ent) is None:  # not "a 2016 coup"
                found = resolve_date(ent.text, self.published)
                if found:
                    return found[:7]
        return None
