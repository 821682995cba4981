"""Is the event a fact, a report, a plan, a scenario or a denial? And when did it happen?

Modality is read from the trigger's own clause (negation, modal verbs, "if") and from the words
that govern it on the way up the parse (say, plan, consider, deny, a "scenario of"), plus the
statement that contains it. Precedence: negated > hypothetical > planned > reported > asserted.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Modality, Statement
from .event_args import ADJUNCT_PREPS, speaker_conjunct, subject_of
from .event_lexicon import load_lexicon

_PLANNED_AUX = {"will", "would", "shall", "'ll", "wo"}
_HYPOTHETICAL_AUX = {"may", "might", "could", "should", "can", "ca", "must", "ought"}
_CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
_TIME_MARKS = {"until", "till", "before", "after", "when", "while", "since", "because", "as", "once"}
_NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
_FIRST_PERSON = {"we", "our", "us", "i", "my", "me", "ours"}
# Relations along which an embedded event inherits the modality of what governs it.
_EMBEDDING = {"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "conj", "acl", "relcl", "dobj",
              "attr", "acomp", "nsubj", "nsubjpass", "appos", "oprd"}
_RANK = {Modality.ASSERTED: 0, Modality.REPORTED: 1, Modality.PLANNED: 2,
         Modality.HYPOTHETICAL: 3, Modality.NEGATED: 4}


@dataclass
class Reading:
    modality: Modality = Modality.ASSERTED
    speaker: Token | None = None  # subject of the nearest report verb above the trigger
    report_verb: Token | None = None
    self_negated: bool = False  # "did not agree", "failed to reach": the actor's own refusal
    conditional: bool = False  # the act is the consequence of an "if/unless" clause ("will halt ... if")
    condition: bool = False  # the act is itself the "if/unless" clause ("... if the rebels withdrew")

    def raise_to(self, modality: Modality) -> None:
        if _RANK[modality] > _RANK[self.modality]:
            self.modality = modality


def reset_negation(reading: Reading) -> None:
    """Drop negation (the act is recoded as a refusal, which did happen)."""
    reading.modality = Modality.REPORTED if reading.report_verb is not None else Modality.ASSERTED


def _clause_marks(token: Token, reading: Reading, *, below_report: bool, negation: bool = True) -> None:
    """Negation, modal auxiliaries and conditional marks on one word of the chain."""
    for child in token.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and word in _NEGATORS):
            if negation and (below_report or token.pos_ != "VERB" or reading.report_verb is None):
                reading.raise_to(Modality.NEGATED)
                reading.self_negated = reading.self_negated or below_report
        elif child.dep_ in ("aux", "auxpass") and below_report:
            if word in _PLANNED_AUX:
                reading.raise_to(Modality.PLANNED)
            elif word in _HYPOTHETICAL_AUX:
                reading.raise_to(Modality.HYPOTHETICAL)
        elif child.dep_ == "mark" and word in _CONDITIONAL_MARKS and below_report:
            reading.raise_to(Modality.HYPOTHETICAL)
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in token.children):
        reading.raise_to(Modality.HYPOTHETICAL)


def read_modality(trigger: Token, start: Token | None = None) -> Reading:
    """Walk from the trigger (or `start`, the word the event is anchored on) up to the root.

    A nominal event ("the invasion") exists before the clause that names it, so the tense and
    modal verbs of that clause ("will bring an end to the invasion") do not make it planned.
    """
    governors = load_lexicon().governors
    reading = Reading()
    token = start or trigger
    nominal = token.pos_ in ("NOUN", "PROPN")
    below_report = not nominal
    _clause_marks(token, reading, below_report=not nominal)
    # "threatened to advance if the strikes continued": a threat names its condition and is made
    threat = (governors.get(token.lemma_.lower()) or governors.get(token.lower_)) == "threaten"
    if not threat and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                     for m in c.children) for c in token.children):
        reading.conditional = True
        reading.raise_to(Modality.HYPOTHETICAL)
    steps = 0
    while token.dep_ in _EMBEDDING and token.head is not token and steps < 12:
        steps += 1
        reading.condition = reading.condition or _is_condition(token)
        relation, below = token.dep_, token
        token = token.head
        word_class = governors.get(token.lemma_.lower()) or governors.get(token.lower_)
        if relation == "conj":
            token = speaker_conjunct(below) or token  # "said X had ... and accused Y": a conjunct of "said"
            _clause_marks(token, reading, below_report=below_report)
            continue
        if relation == "nsubj":
            # a verb governs its complement, not its subject: "the deal, mediated by Qatar,
            # commits the government to ..." leaves the mediation a fact, and so does a report
            # verb its speaker: "Angola, which has mediated since 2022, said ..."
            word_class = None
        # a time adjunct of the report verb is told by the article: "said after meeting X"
        if word_class == "report" and token.pos_ in ("VERB", "AUX") \
                and not (relation == "prep" and below.lower_ in ADJUNCT_PREPS):
            if reading.report_verb is None:
                reading.report_verb = token
                # "Sudan accused X ... and said it had summoned ...": a conjoined report verb shares
                # the subject of the verb it is joined to
                reading.speaker = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                    or (subject_of(token)[0] if token.dep_ == "conj" else None)
            reading.raise_to(Modality.REPORTED)
            below_report = False
        elif word_class == "fail":
            reading.raise_to(Modality.NEGATED)
            reading.self_negated = True
        elif word_class == "deny":
            reading.raise_to(Modality.NEGATED)
        elif word_class == "hypothesis":
            reading.raise_to(Modality.HYPOTHETICAL)
        elif word_class in ("plan", "commit", "prepare"):
            reading.raise_to(Modality.PLANNED)
        elif word_class in ("threaten", "request"):
            reading.raise_to(Modality.HYPOTHETICAL)
        elif word_class == "refuse":
            reading.raise_to(Modality.NEGATED)
        # "would not meet ministers until the police withdrew": the negation stays in its clause,
        # and the withdrawal is the condition of a meeting that is not, or not yet, there
        _clause_marks(token, reading, below_report=below_report, negation=not _subordinate(below))
        if _awaited(below, token):
            reading.raise_to(Modality.HYPOTHETICAL)
    return reading


def _is_condition(clause: Token) -> bool:
    """'(would halt operations) if the rebels withdrew': a clause that states a condition."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children)


def _awaited(clause: Token, head: Token) -> bool:
    """'will not X until Y', 'would X only after Y': Y is a condition, not a fact."""
    marked = clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("until", "till") for c in clause.children)
    unreal = any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _PLANNED_AUX | _HYPOTHETICAL_AUX)
                 for c in head.children)
    return marked and unreal


def _subordinate(clause: Token) -> bool:
    """An adverbial clause of time or cause ("until/after/because ..."), not one of purpose."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children)


def in_question(trigger: Token) -> bool:
    sentence = trigger.sent
    return sentence.text.rstrip().rstrip("\"'”’)").endswith("?")


def looks_like_headline(trigger: Token) -> bool:
    """A title line: no closing punctuation and most words capitalised."""
    sentence = trigger.sent
    text = sentence.text.strip()
    if not text or text[-1] in ".!?\"'”’:;)":
        return False
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words)


def first_person(trigger: Token) -> bool:
    """A news article speaks in the third person; 'we'/'our' marks someone else's voice."""
    return any(t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" for t in trigger.sent)


def containing_statement(statements: list[Statement] | None, offset: int) -> Statement | None:
    """The narrowest statement whose content holds the character offset."""
    best = None
    for statement in statements or ():
        start, end = statement.content_span
        if start <= offset < end and (best is None or end - start < best.content_span[1] - best.content_span[0]):
            best = statement
    return best


def inside_quotes(text: str, offset: int, paragraph_start: int) -> bool:
    """Whether an odd number of quotation marks open before the offset in its paragraph."""
    segment = text[paragraph_start:offset]
    opened = segment.count("“") - segment.count("”")
    if opened > 0:
        return True
    return segment.count('"') % 2 == 1
