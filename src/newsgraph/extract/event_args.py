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
from ..gazetteer import load_gazetteer
from .event_lexicon import load_lexicon

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "obj"}
_MODIFIERS = {"compound", "amod", "nmod", "poss", "npadvmod", "nummod"}
_RELATIVE = {"who", "which", "that"}
# Prepositions of time whose gerund shares the clause's subject: "said after meeting Erdogan".
ADJUNCT_PREPS = {"after", "before", "during", "following", "since", "upon", "while", "until", "when"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they", "them"}
# Mentions of these types can be the source of an event; places only its target.
_ENTITY_TYPES = {"GPE": "state", "NORP": "group", "ORG": "organization", "PERSON": "person"}
_BODY_TYPES = {"state", "organization", "armed_group"}
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
        named = self.named_ids()
        for ent in doc.ents:
            entity_type = _ENTITY_TYPES.get(ent.label_)
            if entity_type is None or any(t.i in self.by_token for t in ent):
                continue
            state = _state_named_elsewhere(ent.text, (ent.start_char, ent.end_char), named) \
                if _stands_for_state(ent.root) else None
            fallback = state or Mention(span=(ent.start_char, ent.end_char), text=ent.text, type=entity_type,
                                        kind="entity")
            for token in ent:
                self.by_token[token.i] = fallback

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def named_ids(self) -> set[str]:
        """Ids of the actors the document names."""
        return {m.actor_id for m in self.by_token.values() if m.actor_id and m.kind != "pronoun"}


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


def _noun_forms(token: Token) -> set[str]:
    """Lemma, surface form and singulars ('Protesters' keeps its plural as lemma when capitalised)."""
    word = token.lower_
    forms = {token.lemma_.lower(), word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    elif word.endswith("s"):
        forms |= {word[:-1], word[:-2] if word.endswith("es") else word[:-1]}
    return forms


def is_actor_noun(token: Token) -> bool:
    """'police', 'Protesters', 'officers': a noun that names an actor."""
    return bool(_noun_forms(token) & load_lexicon().actor_nouns)


def _appositive_mention(token: Token, mentions: MentionIndex) -> Mention | None:
    for child in token.children:
        if child.dep_ == "appos":
            mention = mentions.at(child)
            if mention is not None:
                return mention
    return None


def _named_owner(token: Token, own: Mention | None, mentions: MentionIndex) -> Mention | None:
    """The named state or body whose unnamed agency a phrase is: "China's coast guard",
    "Japan's foreign ministry" (when the agency itself is no known actor)."""
    if own is None or own.kind != "entity" or own.actor_id:
        return None
    for child in token.lefts:
        if child.dep_ == "poss":
            mention = mentions.at(child)
            if mention is not None and mention.actor_id and mention.type in ("state", "organization"):
                return mention
    return None


def _actors_of_token(token: Token, mentions: MentionIndex, *, as_source: bool) -> list[ActorRef]:
    start, end, text = _phrase(token)
    own = mentions.at(token)
    owner = _named_owner(token, own, mentions)
    if owner is not None:  # "China's coast guard": an unnamed body of a named state
        return [ActorRef(owner.span, text, owner, token.i)] if _usable(owner, as_source) else []
    if own is not None:  # the phrase keeps a title: "British Defence Secretary Tom King"
        return [ActorRef(own.span, text if len(text) > len(own.text) else own.text, own, token.i)] \
            if _usable(own, as_source) else []
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    named = _appositive_mention(token, mentions)
    if named is not None and named.type == "person" and is_actor_noun(token) and _usable(named, as_source) \
            and not any(m.type in _BODY_TYPES for m in _modifier_mentions(token, mentions)):
        # "Armenian Prime Minister's spokesman Aram Petrosian": the named person, when no state
        # or body owns the title ("Iran's leader, Ruhollah Khomeini," stays Iran)
        return [ActorRef(named.span, named.text, named, token.i)]
    modifier = [m for m in _modifier_mentions(token, mentions) if _usable(m, as_source)]
    if len(modifier) > 1:  # "US and British forces": one actor each
        return [ActorRef(m.span, f"{m.text} {token.text}", m, token.i) for m in modifier]
    if modifier:
        return [ActorRef(modifier[0].span, text, modifier[0], token.i)]
    named = _appositive_mention(token, mentions)  # "the main rebel group, the FACT,"
    if named is not None and _usable(named, as_source):
        return [ActorRef(named.span, named.text, named, token.i)]
    if is_actor_noun(token):
        # "rebels in the Ivory Coast", "members of the Association": the place or body names them.
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    mention = mentions.at(obj)
                    if mention is None and prep.lower_ == "of":  # "the deputy chief of Israel's militia ally"
                        # (not "groups in the Qatari capital": a place named by a demonym is no party)
                        mention = next((m for m in _modifier_mentions(obj, mentions)), None)
                    if mention is not None and _usable(mention, as_source):
                        return _owners_of(obj, mention, f"{text} {prep.lower_}", mentions, token, as_source)
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


def _owners_of(obj: Token, first: Mention, phrase: str, mentions: MentionIndex, head: Token,
               as_source: bool) -> list[ActorRef]:
    """'the foreign ministers of Armenia and Azerbaijan': one actor per conjoined owner."""
    refs = [ActorRef(first.span, f"{phrase} {first.text}", first, head.i)]
    for conjunct in obj.conjuncts:
        mention = mentions.at(conjunct)
        if conjunct.i > obj.i and mention is not None and mention is not first and _usable(mention, as_source):
            refs.append(ActorRef(mention.span, f"{phrase} {mention.text}", mention, head.i))
    return refs


_COUNTS = {"hundreds", "thousands", "dozens", "scores", "tens", "millions", "number", "group", "crowd", "crowds"}
_CROWDS = {"people", "crowd", "crowds", "hundreds", "thousands", "dozens", "tens"}


def counted(subject: Token) -> Token:
    """'Hundreds of protesters', 'a group of gunmen', '300 of them': the counted noun is the actor."""
    if subject.lower_ not in _COUNTS and subject.pos_ != "NUM":
        return subject
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return subject


def crowd_source(subject: Token | None) -> list[ActorRef]:
    """'Hundreds of people marched', 'a crowd rallied': a crowd with no name is the unnamed
    party of a protest (only of a protest: it says who took to the streets, nothing more)."""
    if subject is None:
        return []
    head = counted(subject)
    if head.lower_ not in _CROWDS:
        return []
    if head.lower_ == "people" and head is subject and not any(c.dep_ == "nummod" for c in head.children):
        return []  # "people marched to the stadium": a crowd is counted ("300 people", "hundreds of people")
    start, end, text = _phrase(head)
    return [ActorRef((start, end), text, None, head.i)]


def _reported_clause(verb: Token) -> Token:
    """A parenthetical report verb hands a participle on to what it reports: in "Jets struck
    the camp, the ministry said, killing 12", the jets kill, not the ministry."""
    if load_lexicon().governors.get(verb.lemma_.lower()) != "report":
        return verb
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    return content if content is not None else verb


def _stands_for_state(modifier: Token) -> bool:
    """A demonym before a state's agent or asset ("South Korean vessel", "Estonian officials")
    stands for the state; before a firm or a place ("the Russian company", "the Qatari
    capital") it does not."""
    if modifier.dep_ not in ("amod", "compound", "nmod") or modifier.head.pos_ != "NOUN":
        return False
    head = modifier.head
    return is_actor_noun(head) or _is_state_asset(head)


def _is_state_asset(noun: Token) -> bool:
    sets = load_lexicon().word_sets
    # "Kyrgyz positions", "an Indian border post": what a state's forces hold is the state's
    return bool((_noun_forms(noun) | {noun.lower_ + "s"}) & (sets["troops"] | sets["envoys"] | sets["state_assets"]))


def _state_named_elsewhere(text: str, span: tuple[int, int], named: set[str]) -> Mention | None:
    """A demonym the actor component left out ("any South Korean vessel") as its state, when
    the article names that state elsewhere (so the event's party is one of its actors)."""
    hit = load_gazetteer().lookup(text)
    if hit is None or hit.entry.type != "state" or hit.entry.id not in named:
        return None
    return Mention(span=span, text=text, type="state", actor_id=hit.entry.id, kind=hit.kind)


def envoy_state(envoy: Token, mentions: MentionIndex) -> ActorRef | None:
    """The state an envoy stands for, read from its modifier ("the Turkish ambassador" is one
    title mention with no actor of its own), when the article names that state elsewhere."""
    named = mentions.named_ids()
    for child in envoy.lefts:
        if child.dep_ not in ("amod", "compound", "poss", "nmod"):
            continue
        span = (child.idx, child.idx + len(child.text))
        mention = _state_named_elsewhere(child.text, span, named)
        if mention is not None:
            return ActorRef(span, child.text, mention, envoy.i)
    return None


# Verbal acts a speaker does alongside a report: "said X had ... and accused/urged/rejected Y".
_SPEECH_ACT_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST", "SUPPORT"}


def speaker_conjunct(verb: Token) -> Token | None:
    """The report verb a speech act is coordinated with when the parse hangs it on the reported
    clause: in "the minister said the forces had acted within the law and accused rebels of ...",
    the past perfect of the report ("had acted") and the simple past of "accused" tell that the
    minister accuses, not the forces. None when the tenses agree or the verb is no speech act."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ccomp":
        return None
    if any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children):
        return None
    lexicon = load_lexicon()
    reporter = head.head
    if lexicon.governors.get(reporter.lemma_.lower()) != "report" or reporter.tag_ != "VBD":
        return None
    return reporter if _speech_act(verb) and not _speech_act(head, _SPEECH_ACT_TYPES | {"CONSULT", "AGREE"}) \
        else None  # "said the president had called both leaders and urged them": one speaker


def _speech_act(verb: Token, types: set[str] = _SPEECH_ACT_TYPES) -> bool:
    lexicon = load_lexicon()
    rules = lexicon.verbs.get(verb.lemma_.lower()) or lexicon.verbs.get(verb.lower_) or []
    return any(r.type in types for r in rules) \
        or lexicon.governors.get(verb.lemma_.lower()) in ("request", "threaten", "refuse")


def _controlled_adjunct(clause: Token) -> bool:
    """A subjectless participle: "..., killing 12 fighters". (Not a purpose infinitive: "fired
    tear gas to disperse the crowd" tells an aim, not an act.)"""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG"


def _asked_party(verb: Token, clause: Token) -> Token | None:
    """'called on X to', 'appealed to X to': the one asked does what is asked."""
    if load_lexicon().governors.get(verb.lemma_.lower()) != "request":
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "upon", "to") and prep.i < clause.i:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, following infinitive control, verb conjunction and
    the controller of a participle ("..., killing 12 fighters"; "said after meeting X")."""
    seen = 0
    token = verb
    while token is not None and seen < 6:
        seen += 1
        for child in token.children:
            if child.dep_ in SUBJECTS:
                return child, child.dep_ == "nsubjpass" and token is verb
        if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
            token = speaker_conjunct(token) or token.head
            continue
        if _controlled_adjunct(token) and token.head.pos_ in ("VERB", "AUX"):
            if _speech_act(token.head, {"ACCUSE", "REJECT"}):
                return None, False  # "accused X of shelling farms, killing four": not the accuser's act
            token = _reported_clause(token.head)
            continue
        if token.dep_ == "pcomp" and token.head.lower_ in ADJUNCT_PREPS and token.head.head.pos_ in ("VERB", "AUX"):
            token = token.head.head
            continue
        if token.dep_ == "xcomp" or (token.dep_ == "acomp" and token.head.pos_ in ("AUX", "VERB")):
            head = token.head
            # object control: "urged the Community to support" -> the Community
            if token.dep_ == "xcomp":
                for child in head.children:
                    if child.dep_ in OBJECTS and child.i < token.i:
                        return child, False
                asked = _asked_party(head, token)  # "called on the authorities to stop"
                if asked is not None:
                    return asked, False
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
