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


# "the claims are without foundation", "the charges were without merit"
_GROUNDS = {"foundation", "basis", "merit", "substance", "evidence", "proof", "truth"}


def _denying_predicate(child: Token) -> bool:
    """"the report is false", "called the charges baseless", "described it as a fabrication",
    "the claims were without foundation"."""
    if child.dep_ in ("acomp", "attr", "oprd"):
        return child.lemma_.lower() in denial_words()
    if child.dep_ == "prep" and child.lower_ == "as":
        return any(g.dep_ == "pobj" and g.lemma_.lower() in denial_words() for g in child.children)
    if child.dep_ == "prep" and child.lower_ == "without":
        return any(g.dep_ == "pobj" and g.lemma_.lower() in _GROUNDS for g in child.children)
    return False


# "we deny these accusations", "I reject the allegations": the speaker's own denial, in the
# first person; "the army denied it" inside someone's words is a report of another's denial.
_FIRST_PERSON = {"i", "we"}
_DENYING_VERBS = {"deny", "refute", "reject", "dismiss", "dispute", "rebut", "repudiate"}
# what "reject" or "dismiss" denies; "we reject this offer" turns a proposal down
_CLAIM_OBJECTS = {"claim", "allegation", "accusation", "charge", "report", "assertion", "suggestion",
                  "insinuation", "rumour", "rumor", "story", "account", "version"}


def _first_person_denial(root: Token) -> bool:
    """The words themselves deny in the first person: "deny"/"refute" with an object, "reject",
    "dismiss" and the like with a claim as object."""
    if root.lemma_.lower() not in _DENYING_VERBS or any(c.dep_ == "neg" for c in root.children):
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in root.children):
        return False
    objects = [c for c in root.children if c.dep_ in ("dobj", "ccomp")]
    if root.lemma_.lower() in ("deny", "refute"):
        return bool(objects)
    return any(o.lemma_.lower() in _CLAIM_OBJECTS for o in objects)


# "nothing" as an object denies only in idioms that reject a link or a wrongdoing ("had nothing
# to do with the attack", "has nothing to hide"); "we have nothing to add" says nothing false.
_NOTHING_IDIOMS = ({"do", "with"}, {"hide"})

# A negated copula with an adjective denies only when the adjective states a fact or a link
# ("the report is not true", "the army was not involved"); with an adjective of judgement or
# attitude it is a claim of its own ("the leadership was not serious", "we are not afraid",
# "the vote was not fair").
_FACTUAL_ADJECTIVES = {"true", "accurate", "correct", "right", "real", "genuine", "authentic", "involved",
                       "responsible", "guilty", "present", "aware", "linked", "connected", "related",
                       "affiliated", "complicit", "party"}


# "not a single ...", "not one ...", "not any ...": with "not", a quantifier that leaves nothing
_NONE_QUANTIFIERS = {"single", "one", "any"}


def _nothing_idiom(obj: Token) -> bool:
    """"had nothing to do with the attack", "has nothing to hide"."""
    words = {t.lower_ for t in obj.subtree}
    return obj.lower_ == "nothing" and any(idiom <= words for idiom in _NOTHING_IDIOMS)


def _judgement(token: Token) -> bool:
    """A predicate adjective of judgement or attitude: the adjective itself ("not serious")
    or the copula whose complement it is ("are not afraid")."""
    if token.pos_ == "ADJ":
        adjective = token
    else:
        adjective = next((c for c in token.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    if adjective is None:
        return _in_a_position(token)
    return adjective.lemma_.lower() not in _FACTUAL_ADJECTIVES


def _in_a_position(token: Token) -> bool:
    """"was not in a position to comment": an inability, like "could not"."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() == "position" for g in c.children)
               for c in token.children)


def _negated_noun(noun: Token) -> bool:
    """"no contacts", "not a single soldier", "not one shell" (the parser hangs "not" on the noun
    or on its number); "not only the army but also ..." and "not the army but ..." are no
    negation of the noun."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    single = [c for c in noun.children if c.lower_ in _NONE_QUANTIFIERS and c.dep_ in ("amod", "nummod", "det")]
    return any(any(g.dep_ == "neg" for g in t.children) for t in [noun, *single]) and bool(single)


def _negated(token: Token) -> bool:
    """Whether a clause rejects what it is about: a negated realis clause, a negative subject
    or object, or a predicate such as "false" or "baseless"."""
    if any(_denying_predicate(c) for c in token.children):
        return True
    if _irrealis(token) or token.lemma_.lower() in _INTENTION_VERBS:
        return False
    if token.lemma_.lower() in _DENYING_VERBS:
        return False  # "we do not deny that mistakes were made" admits
    # the parser hangs "not" on the copula or on its adjective ("was 'not serious'")
    negation_on_adjective = any(c.dep_ == "acomp" and any(g.dep_ == "neg" for g in c.children)
                                for c in token.children)
    if negation_on_adjective:
        return not _judgement(token)
    for child in token.children:
        if child.dep_ in ("neg", "preconj") and child.lower_ in _NEGATORS:
            return not _judgement(token)
        # "no contacts took place", "nobody was detained", "there is no build-up"
        if child.dep_ in ("nsubj", "nsubjpass", "attr", "dobj"):
            if child.lower_ in _NEGATIVE_PRONOUNS and (child.dep_ != "dobj" or _nothing_idiom(child)):
                return True
            if child.lemma_.lower() in _INTENTION_NOUNS:
                continue
            if _negated_noun(child):
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
    if _negated(root) or _first_person_denial(root):
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
