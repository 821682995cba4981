"""Who did it and to whom: source and target actors of an event trigger, read from the parse.

Only the trigger's own clause is searched (its subject, object, prepositional arguments,
passive "by" agent), plus the controller of an infinitive ("agreed to send": the subject of
"agreed") and the speaker for a pronoun ("Japan said it had halted aid"). A phrase counts as
an actor when an actor mention covers its head or its modifiers ("Taliban forces",
"Tajikistan border guards") or its head noun names an actor ("police", "rebels").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Mention
from .event_lexicon import load_lexicon

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "obj"}
_MODIFIERS = {"compound", "amod", "nmod", "poss", "npadvmod", "nummod"}
_RELATIVE = {"who", "which", "that"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they", "them"}
# Mentions of these types can be the source of an event; places only its target.
_ENTITY_TYPES = {"GPE": "state", "NORP": "group", "ORG": "organization", "PERSON": "person"}
_AGENT_TYPES = {"state", "organization", "armed_group", "person", "media", "group"}


@dataclass(frozen=True, slots=True)
class ActorRef:
    """One actor read from the parse: where it is and what the text calls it."""

    span: tuple[int, int]  # the mention span (or the phrase, when no mention covers it)
    text: str  # the actor phrase as written: "Taliban forces"
    mention: Mention | None  # the mention it rests on, if any
    head: int  # token index of the phrase head

    @property
    def key(self) -> str:
        if self.mention is not None and self.mention.actor_id:
            return self.mention.actor_id
        return (self.mention.text if self.mention else self.text).lower()


class MentionIndex:
    """Token index -> actor mention, built once per Doc."""

    def __init__(self, doc: Doc, mentions: list[Mention] | None):
        self.by_token: dict[int, Mention] = {}
        for mention in mentions or ():
            span = doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)
        # Named entities the actor component left out still name an actor ("an Australian
        # ultimatum"); they carry no actor id, only their text.
        for ent in doc.ents:
            entity_type = _ENTITY_TYPES.get(ent.label_)
            if entity_type is None or any(t.i in self.by_token for t in ent):
                continue
            fallback = Mention(span=(ent.start_char, ent.end_char), text=ent.text, type=entity_type, kind="entity")
            for token in ent:
                self.by_token[token.i] = fallback

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


def _phrase(head: Token) -> tuple[int, int, str]:
    """The head with its left modifiers, without determiners: 'Israeli riot police'."""
    start = head
    for child in head.lefts:
        if child.dep_ in _MODIFIERS or child.dep_ == "compound":
            start = min(start, child.left_edge, key=lambda t: t.i)
    tokens = [t for t in head.doc[start.i:head.i + 1] if t.dep_ not in ("det", "punct", "predet")]
    if not tokens:
        tokens = [head]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1]), " ".join(t.text for t in tokens)


def _modifier_mentions(head: Token, mentions: MentionIndex) -> list[Mention]:
    found: list[Mention] = []
    for child in head.lefts:
        if child.dep_ not in _MODIFIERS:
            continue
        for token in child.subtree:
            mention = mentions.at(token)
            if mention is not None and mention not in found:
                found.append(mention)
    return found


def actors_at(head: Token, mentions: MentionIndex, *, as_source: bool) -> list[ActorRef]:
    """The actors a noun phrase names; one per conjunct ('Israel and the Palestinians')."""
    refs: list[ActorRef] = []
    for token in [head, *head.conjuncts]:
        if token.i < head.i:
            continue
        refs.extend(_actors_of_token(token, mentions, as_source=as_source))
    seen: set[str] = set()
    unique = []
    for ref in refs:
        if ref.key not in seen:
            seen.add(ref.key)
            unique.append(ref)
    return unique


def _usable(mention: Mention, as_source: bool) -> bool:
    return not as_source or mention.type in _AGENT_TYPES


def _actors_of_token(token: Token, mentions: MentionIndex, *, as_source: bool) -> list[ActorRef]:
    lexicon = load_lexicon()
    start, end, text = _phrase(token)
    own = mentions.at(token)
    if own is not None:  # the phrase keeps a title: "British Defence Secretary Tom King"
        return [ActorRef(own.span, text if len(text) > len(own.text) else own.text, own, token.i)] \
            if _usable(own, as_source) else []
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    modifier = [m for m in _modifier_mentions(token, mentions) if _usable(m, as_source)]
    if len(modifier) > 1:  # "US and British forces": one actor each
        return [ActorRef(m.span, f"{m.text} {token.text}", m, token.i) for m in modifier]
    if modifier:
        return [ActorRef(modifier[0].span, text, modifier[0], token.i)]
    is_actor_noun = token.lemma_.lower() in lexicon.actor_nouns
    if is_actor_noun:
        # "rebels in the Ivory Coast", "members of the Association": the place or body names them.
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    mention = mentions.at(obj)
                    if mention is None:  # "the deputy chief of Israel's militia ally"
                        mention = next((m for m in _modifier_mentions(obj, mentions)), None)
                    if mention is not None and _usable(mention, as_source):
                        return [ActorRef(mention.span, f"{text} {prep.lower_} {mention.text}", mention, token.i)]
        return [ActorRef((start, end), text, None, token.i)]
    if not as_source:
        # What is hit stands for where it is or whom it belongs to: "the town of Cizre",
        # "targets in Jericho", "scores of Liberian refugees".
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        found = _actors_of_token(obj, mentions, as_source=False)
                        if found and found[0].mention is not None:
                            return found
    return []


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, following infinitive control and verb conjunction."""
    seen = 0
    token = verb
    while token is not None and seen < 6:
        seen += 1
        for child in token.children:
            if child.dep_ in SUBJECTS:
                return child, child.dep_ == "nsubjpass" and token is verb
        if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            token = token.head
            continue
        if token.dep_ == "xcomp" or (token.dep_ == "acomp" and token.head.pos_ in ("AUX", "VERB")):
            head = token.head
            # object control: "urged the Community to support" -> the Community
            if token.dep_ == "xcomp":
                for child in head.children:
                    if child.dep_ in OBJECTS and child.i < token.i:
                        return child, False
            token = head
            continue
        if token.dep_ == "relcl":
            return token.head, False
        return None, False
    return None, False


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def agent_of(verb: Token) -> Token | None:
    """The 'by' phrase of a passive verb or of a nominal event ('an exercise by the CSTO')."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def objects_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in OBJECTS]


def prep_objects(word: Token, prep_word: str) -> list[Token]:
    """Objects of a preposition attached to the word ('with the Taliban' -> Taliban)."""
    out = []
    for child in word.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep_word:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def dative_of(verb: Token) -> list[Token]:
    """'give Tanzania a grant' -> Tanzania; 'send arms to Kabul' is read as the 'to' phrase."""
    return [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")]


def resolve_pronoun(pronoun: Token, mentions: MentionIndex, speaker: Token | None) -> list[ActorRef]:
    """A pronoun subject taken as the speaker of the clause that embeds it, when they agree;
    else the pronoun's own mention, which in-document coreference resolves later (the resolver
    drops the event when it cannot: "He accused the coalition ..." after a named person)."""
    own = mentions.at(pronoun)
    fallback = [ActorRef(own.span, pronoun.text, own, pronoun.i)] if own is not None and own.kind == "pronoun" else []
    if speaker is None:
        return fallback
    word = pronoun.lower_
    refs = actors_at(speaker, mentions, as_source=True)
    if not refs:
        return fallback
    is_person = refs[0].mention is not None and refs[0].mention.type == "person"
    if word in _PERSON_PRONOUNS and is_person:
        return refs[:1]
    if word in _GROUP_PRONOUNS and not is_person and len(refs) == 1:
        return refs
    return []


def is_relative(token: Token) -> bool:
    return token.lower_ in _RELATIVE
