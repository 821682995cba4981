"""Matching the trigger lexicon on a parsed sentence: which words name an event, and with
which rule ("sign" + an agreement, "strike" with or without an object, "held talks")."""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from .event_args import is_passive, objects_of
from .event_lexicon import Lexicon, TriggerRule, load_lexicon

# Verbs that carry an event noun: "held talks", "staged a protest", "went on strike".
LIGHT_VERBS = {"hold", "have", "stage", "launch", "begin", "start", "conduct", "carry", "mount", "open",
               "resume", "continue", "complete", "make", "pay", "organize", "organise", "go", "announce",
               "declare", "order", "call", "renew", "undertake", "wage", "step", "impose", "sign", "reach",
               "join", "lead", "end", "finish", "plan", "prepare", "threaten", "propose", "file", "lodge",
               "extend", "tighten", "expand", "approve", "adopt", "broaden", "establish", "maintain"}
# "went on strike", "remained on alert", "put troops on alert"
ON_VERBS = {"go", "remain", "stay", "put", "place", "be", "keep"}
# Nominal events that stand on their own with an agent ("a Taliban invasion", "an exercise by").
STANDALONE_TYPES = {"ASSAULT", "MOBILIZE", "COERCE", "RETREAT", "SANCTION", "CONSULT"}
def lower_forms(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def object_of(verb: Token) -> Token | None:
    objs = objects_of(verb)
    if objs:
        return objs[0]
    if is_passive(verb):
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return None


def _object_words(obj: Token) -> set[str]:
    """Words naming what the object is: 'a shipment of small arms' -> shipment, arm(s)."""
    words = lower_forms(obj)
    for child in obj.children:
        if child.dep_ in ("compound", "amod"):
            words |= lower_forms(child)
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                words |= lower_forms(pobj)
                words |= {w for c in pobj.children if c.dep_ in ("compound", "amod") for w in lower_forms(c)}
    return words


def _verb_rule(token: Token, rules: list[TriggerRule]) -> TriggerRule | None:
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    claimed = {r.particle for r in rules if r.particle}
    preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "dative", "agent")}
    obj = object_of(token)
    for rule in rules:
        if rule.particle:
            if rule.particle not in particles:
                continue
        elif particles & claimed:
            continue
        if rule.needs_obj and obj is None:
            continue
        if rule.intransitive and objects_of(token):
            continue
        if rule.needs_xcomp and not any(c.dep_ == "xcomp" and not _speech(c) for c in token.children):
            continue  # "declined to comment" is no refusal
        if rule.obj_words is not None and (obj is None or not (_object_words(obj) & rule.obj_words)):
            continue
        if rule.obj_excluded is not None and obj is not None and _object_words(obj) & rule.obj_excluded:
            continue
        if rule.ccomp_words is not None and not any(
                c.dep_ == "ccomp" and c.lemma_.lower() in rule.ccomp_words and _ahead(c) for c in token.children):
            continue
        if any(not (preps & options) for options in rule.preps):
            continue
        return rule
    return None


_AHEAD = {"will", "would", "could", "may", "might", "shall", "'ll", "wo"}


def _ahead(verb: Token) -> bool:
    """'warned that the allies would pay a price' promises a consequence; 'warned that half the
    population faced hunger' describes a state of things and threatens no one."""
    return any(c.dep_ == "aux" and c.lower_ in _AHEAD for c in verb.children) \
        or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_NO_COMMENT = {"comment", "elaborate", "speculate", "specify", "answer", "discuss", "identify", "name", "give"}


def _speech(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in _NO_COMMENT or load_lexicon().governors.get(lemma) == "report"


def _noun_rule(token: Token, rules: list[TriggerRule]) -> TriggerRule | None:
    mods = {w for c in token.children if c.dep_ in ("compound", "amod") for w in lower_forms(c)}
    for rule in rules:
        if rule.mods is not None and not (mods & rule.mods):
            continue
        return rule
    return None


def noun_rule(token: Token, lexicon: Lexicon) -> TriggerRule | None:
    """The noun reading of a word, gerunds included ('information sharing'), or None."""
    rules = rules_for(token, lexicon.nouns) or lexicon.nouns.get(token.lower_) or []
    return _noun_rule(token, rules) if rules else None


def rules_for(token: Token, table: dict[str, list[TriggerRule]]) -> list[TriggerRule]:
    return table.get(token.lemma_.lower()) or table.get(token.lower_) or []


def _verb_forms(token: Token) -> set[str]:
    """Lemma and surface forms, with plain suffixes cut (the lemmatizer gives 'staged' -> 'stag')."""
    word = token.lower_
    forms = {token.lemma_.lower(), word}
    for suffix, repl in (("ied", "y"), ("ed", ""), ("d", ""), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)] + repl)
    return forms


def is_light_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and bool(_verb_forms(token) & LIGHT_VERBS)


def _light_verb(noun: Token) -> Token | None:
    """The verb that carries an event noun ('held talks', 'went on strike', 'remained on alert')."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass") and is_light_verb(head):
        return head
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in ("VERB", "AUX") \
            and _verb_forms(head.head) & ON_VERBS:
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and _is_amount(head.head):
        return _light_verb(head.head)  # "announced 15 million euros in aid"
    return None


def _is_amount(word: Token) -> bool:
    """A sum of money: '$40 million', '15 million euros'."""
    return word.ent_type_ == "MONEY" or word.lemma_.lower() in load_lexicon().word_sets["economic_goods"]


def _argument_of_trigger(noun: Token, triggers: set[int]) -> bool:
    """'condemned the attack', 'complained over the raids': the noun is a topic, not an event."""
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return False  # the event noun is the subject: "an exercise by the CSTO drilled ..."
    token = noun
    for _ in range(3):
        if token.head is token:
            return False
        token = token.head
        if token.i in triggers:
            return True
        if token.pos_ == "VERB":
            return False
    return False


def candidates(sentence: SpacySpan, lexicon: Lexicon) -> list[tuple[Token, Token, TriggerRule]]:
    """(trigger, anchor, rule) for every lexicon match in the sentence."""
    verbs: list[tuple[Token, Token, TriggerRule]] = []
    nouns: list[Token] = []
    for token in sentence:
        if token.pos_ == "VERB":
            rules = rules_for(token, lexicon.verbs)
            rule = _verb_rule(token, rules) if rules else None
            if rule is not None:
                verbs.append((token, token, rule))
        elif token.pos_ in ("NOUN", "PROPN") and rules_for(token, lexicon.nouns):
            nouns.append(token)
    noun_rules = {n.i: _noun_rule(n, rules_for(n, lexicon.nouns)) for n in nouns}
    # A light verb's event noun says what happened: "ordered patrols" is MOBILIZE, not an order.
    carried = {c.i for n in nouns if noun_rules[n.i] is not None for c in [_light_verb(n)] if c is not None}
    verbs = [v for v in verbs if v[0].i not in carried]
    verb_at = {t.i for t, _, _ in verbs}
    found = list(verbs)
    for noun in nouns:
        rule = noun_rules[noun.i]
        if rule is None:
            continue
        carrier = _light_verb(noun)
        if carrier is not None and carrier.i not in verb_at:
            found.append((noun, carrier, rule))
        elif carrier is None and rule.type in STANDALONE_TYPES and not _argument_of_trigger(noun, verb_at):
            found.append((noun, noun, rule))
    return found
