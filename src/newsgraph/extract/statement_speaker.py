"""Who a reporting cue attaches to (the speaker mention) and through what outlet (the medium)."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..model import Mention, Span
from .cues import cue_lexicon, media_words
from .statement_frames import conjunct_governor

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = {"who", "which", "that", "whom"}
# Modifiers kept in a speaker phrase that no mention covers ("a senior Afghan official").
_NP_KEEP = {"det", "amod", "compound", "nummod", "nmod"}
_NAMED_SPEAKER_TYPES = {"organization", "armed_group", "state", "media", "group"}
# Common nouns for bodies that a name in apposition can name ("the main opposition, the CHP").
_BODY_NOUNS = {"opposition", "party", "group", "movement", "alliance", "organisation", "organization",
               "agency", "company", "firm", "union", "coalition", "bloc", "militia", "rebels", "body",
               "watchdog", "council", "court", "network", "broadcaster", "newspaper", "outlet", "ministry",
               "government", "association", "federation", "committee", "commission", "institute", "charity",
               "faction", "authority", "regulator", "operator", "lender", "bank", "insurgents", "guerrillas"}
# Bodies of a state that speak for it ("Turkey's Defence Ministry said").
_INSTITUTION_NOUNS = {"ministry", "government", "army", "military", "navy", "police", "guard", "forces",
                      "embassy", "presidency", "cabinet", "service", "administration", "authorities",
                      "office", "mission", "delegation", "parliament", "force"}
# A person's own staff speaks for the person ("President X's office said"); a person's
# spokesman, lawyer or party is someone else, named or not.
_PERSONAL_OFFICES = {"office", "campaign", "team"}


class MentionIndex:
    """Mentions by character offset: which mention covers a token, which lie inside a span."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.span)
        self._starts = [m.span[0] for m in self.mentions]

    def covering(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end) that starts last before `end` (smallest first)."""
        i = bisect_right(self._starts, end - 1) - 1
        best = None
        while i >= 0 and self.mentions[i].span[0] > start - 200:  # mentions are short
            m = self.mentions[i]
            if m.span[0] < end and start < m.span[1]:
                if best is None or (m.span[1] - m.span[0]) < (best.span[1] - best.span[0]):
                    best = m
            i -= 1
        return best

    def inside(self, span: Span) -> list[Mention]:
        i = bisect_right(self._starts, span[0] - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].span[0] < span[1]:
            if self.mentions[i].span[1] <= span[1]:
                out.append(self.mentions[i])
            i += 1
        return out


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject a cue verb attaches to, following coordination and participles."""
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:  # the nearest one: a dateline ("NAIROBI, March 3 —") can be parsed as a second
            child = min(subjects, key=lambda c: abs(c.i - verb.i))
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                if verb.head.pos_ in ("VERB", "AUX"):
                    return None  # "who" hung on a verb by the parser: its antecedent is unknown
                return _person_above(verb.head) if child.lower_ == "who" else _document_above(verb.head)
            return child
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
            return _adjunct_controller(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _OCCASION_NOUNS:
            return _speaker_at(verb.head)  # "she said at a news conference announcing that ..."
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head  # "a statement saying that ...": the noun is the source
        for child in verb.children:
            if child.dep_ == "agent":  # "was told by the minister"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if verb.dep_ == "conj" and verb.head.dep_ in ("ccomp", "advcl") and verb.head.head.lemma_ in cue_lexicon():
            # "X said Y would go and added ...": X's or Y's words? Undecided: as any conjunct.
            verb = conjunct_governor(verb) or verb.head
            continue
        # "..., saying that ...", "smiled and said ...": the subject of the governing verb.
        if verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG"):
            head = verb.head
            # "X said the talks failed, adding that ...": when the participle hangs on the
            # reported clause, its subject is the reporter's, not the clause's.
            if verb.tag_ == "VBG" and head.dep_ in ("ccomp", "advcl") and head.head.lemma_ in cue_lexicon():
                head = head.head
            verb = head
            continue
        return None
    return None


# Occasions of speech, which do not speak themselves: the one who spoke at them does.
_OCCASION_NOUNS = {"conference", "briefing", "meeting", "speech", "address", "interview", "rally", "event",
                   "ceremony", "session", "hearing", "summit", "forum", "debate", "appearance", "visit"}
_PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
_SPEAK_VERBS = {"speak", "talk", "appear", "testify"}


def _speaker_at(occasion: Token) -> Token | None:
    """"She said at a news conference announcing that ...": the subject of the verb that the
    occasion hangs on (through its preposition); none when there is no such verb."""
    prep = occasion.head
    if occasion.dep_ != "pobj" or prep.dep_ != "prep" or not _speaks(prep.head):
        return None  # "reporters gathered for a briefing announcing ...": who announced is unknown
    subjects = [c for c in prep.head.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects and subjects[0].lower_ not in _RELATIVE else None


def _speaks(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in cue_lexicon() or verb.lemma_.lower() in _SPEAK_VERBS)


def _person_above(antecedent: Token) -> Token:
    """"Democrats on Capitol Hill, who have argued ...": the parser hangs "who" on the nearest
    noun; a place does not argue, the noun that the place phrase describes does."""
    node = antecedent
    while node.dep_ == "pobj" and node.ent_type_ in _PLACE_ENTITIES and node.head.dep_ == "prep" \
            and node.head.head.pos_ in ("NOUN", "PROPN"):
        node = node.head.head
    return node


_DOCUMENT_HEADS = {"ruling", "verdict", "judgment", "judgement", "report", "study", "survey", "poll", "audit",
                   "investigation", "inquiry", "review", "statement", "letter", "decision"}


def _document_above(antecedent: Token) -> Token:
    """"the ruling by the court in The Hague, which found ...": the parser hangs "which" on the
    nearest noun; a document a few prepositions up is what found it."""
    node = antecedent
    for _ in range(7):
        if node.lemma_.lower() in _DOCUMENT_HEADS:
            return node
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            break
        node = node.head
    return antecedent


_ADJUNCT_PREPS = {"after", "before", "since", "while", "besides"}
_QUOTING_VERBS = {"quote", "cite"}


def quoting_verb(verb: Token) -> Token | None:
    """"quoted X as saying", "cited X as saying": the verb that quotes, seen from "saying"."""
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.lower_ == "as" and prep.head.lemma_.lower() in _QUOTING_VERBS:
        return prep.head
    return None


# Who is cited as a source: "citing two officials", "citing diplomatic sources".
_SOURCE_NOUNS = {"official", "source", "diplomat", "witness", "resident", "person", "people", "officer",
                 "analyst", "expert", "spokesman", "spokeswoman", "spokesperson", "aide", "insider", "informant"}


def quotes_someone(verb: Token) -> bool:
    """"cited a senior official as saying ...", "reported ..., citing two officials": the
    quoting verb names a source and reports nothing of its own ("citing security concerns"
    gives a reason, and stays a statement)."""
    if verb.lemma_.lower() not in _QUOTING_VERBS:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
           for c in verb.children):
        return True
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in _SOURCE_NOUNS or c.ent_type_ in ("PERSON", "ORG"))
               for c in verb.children)


def _adjunct_controller(gerund: Token) -> Token | None:
    """"After saying her foot was swollen, she was taken to hospital", "aside from saying he
    wants ...": the subject of the clause the adjunct hangs on says it; "quoted X as saying":
    X says it. Other prepositions
    ("praised X for saying", "left without saying where") are left alone."""
    prep = gerund.head
    quoting = quoting_verb(gerund)
    if quoting is not None:
        # "the newspaper quoted an aide as saying that ...": the one quoted says it
        return next((c for c in quoting.children if c.dep_ == "dobj"), None)
    if not (prep.lower_ in _ADJUNCT_PREPS or (prep.lower_ == "from" and prep.head.lower_ == "aside")):
        return None
    governor = prep.head if prep.head.pos_ in ("VERB", "AUX") else prep.head.head
    while governor.dep_ == "xcomp" and governor.head.i != governor.i:  # "refuses to discuss ..., aside from"
        governor = governor.head
    subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects and subjects[0].lower_ not in _RELATIVE else None


def speaker_span(subject: Token, mentions: MentionIndex) -> tuple[Span, Mention | None]:
    """The mention the cue attaches to: the subject's own mention, an appositive name, a
    pronoun, or the head noun phrase (without prepositional phrases; possessors only on a
    state's institutions: "Ethiopia's foreign ministry", "its border service")."""
    own = mentions.covering(subject.idx, subject.idx + len(subject.text))
    if own is not None and own.type == "organization" and not _possessor_inside(own, subject):
        # "South Korea's Unification Ministry": a state's institution speaks for the state even
        # when the actors stage named the institution; the span is the state's name alone, so
        # that the institution's longer name does not take it over
        owner = _institution_owner(subject, mentions)
        if owner is not None and owner[1] is not None:
            return owner[1].span, owner[1]
    if own is not None:
        return own.span, own
    if subject.pos_ == "PRON":
        return (subject.idx, subject.idx + len(subject.text)), None
    name = _appositive_name(subject, mentions)
    if name is not None:
        return name.span, name
    owner = _institution_owner(subject, mentions)
    if owner is not None:
        return owner
    left = subject
    for child in subject.lefts:
        if child.dep_ in _NP_KEEP and child.i < left.i:
            left = child
    start = left.left_edge.idx if left.dep_ in ("compound", "amod") else left.idx  # "state-run ..."
    return (start, subject.idx + len(subject.text)), None


def _appositive_name(subject: Token, mentions: MentionIndex) -> Mention | None:
    """"The head of the delegation, General X," -> the person; "The main opposition
    Republican People's Party (CHP)", "the rebel group, the Kachin Independence Army" -> the
    organisation named in apposition to the subject itself."""
    fallback = None
    for token in subject.subtree:
        if token.dep_ != "appos" or token.head.i < subject.i - 1:
            continue
        name = mentions.covering(token.idx, token.idx + len(token.text))
        if name is None:
            continue
        if name.type == "person":
            return name
        if fallback is None and token.head.i == subject.i and name.type in _NAMED_SPEAKER_TYPES \
                and subject.lemma_.lower() in _BODY_NOUNS:
            fallback = name
    return fallback


def _possessor_inside(own: Mention, subject: Token) -> bool:
    """The mention already takes in the possessor ("the Ministry of Defence's press office")."""
    return any(c.dep_ == "poss" and own.span[0] <= c.idx < own.span[1] for c in subject.children)


def _institution_owner(subject: Token, mentions: MentionIndex) -> tuple[Span, Mention | None] | None:
    """"Ethiopia's foreign ministry", "its border service": a state's institution speaks for
    the state, and "President X's office" for the person. The span takes in the possessor (a pronoun possessor is the span itself, so the
    resolver follows it back to its antecedent)."""
    noun = subject.lemma_.lower()
    if noun not in _INSTITUTION_NOUNS and noun not in _PERSONAL_OFFICES:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.pos_ == "PRON":
        return (owner.idx, owner.idx + len(owner.text)), None
    end = subject.idx + len(subject.text)
    mention = mentions.covering(owner.idx, owner.idx + len(owner.text))
    if mention is not None and mention.type == "state" and noun in _INSTITUTION_NOUNS:
        return (mention.span[0], end), mention
    if noun in _PERSONAL_OFFICES and owner.pos_ == "PROPN" and (mention is None or mention.type != "state"):
        # a bare surname may not be typed yet ("Quinn's campaign"): the span lets the resolver
        # follow it to the person (or the organisation whose office it is)
        start = mention.span[0] if mention else owner.left_edge.idx
        return (start, end), mention if mention is not None and mention.type == "person" else None
    return None


def outlet_names(doc: Doc, mentions: MentionIndex) -> set[str]:
    """Names the document itself marks as outlets ("the newspaper Asia Plus", "Tass agency")."""
    words = media_words()
    nouns = words.get("outlet_nouns", frozenset())
    names = set(words.get("outlets", frozenset()))
    for m in mentions.mentions:
        if m.type == "media":
            names.add(m.text)
            continue
        span = doc.char_span(*m.span, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        neighbours = [root.head] if root.head.i != root.i else []
        neighbours += [t for t in root.children if t.dep_ in ("compound", "appos")]
        if span.start > 0:
            neighbours.append(doc[span.start - 1])
        if span.end < len(doc):
            neighbours.append(doc[span.end])
        if any(t.lower_ in nouns for t in neighbours):
            names.add(m.text)
    return names


def medium_span(verb: Token, content: list[Span], mentions: MentionIndex,
                outlets: set[str]) -> Span | None:
    """The outlet the statement was made through: "told Reuters", "in an interview with
    Interfax", "said on Tolo TV". Audiences that are not outlets ("told parliament") are not."""
    channel_nouns = media_words().get("channel_nouns", frozenset())
    quoting = quoting_verb(verb)
    if quoting is not None:  # "the newspaper X quoted Y as saying": the one that quoted is the outlet
        for subject in (c for c in quoting.children if c.dep_ == "nsubj"):
            for token in subject.subtree:
                m = mentions.covering(token.idx, token.idx + len(token.text))
                if m is not None and m.text in outlets:
                    return m.span
    fallback: Span | None = None
    for child in verb.children:
        if child.dep_ not in ("prep", "dative", "dobj", "npadvmod"):
            continue
        if any(s <= child.idx < e for s, e in content):
            continue
        after_channel = False
        for token in child.subtree:
            if any(s <= token.idx < e for s, e in content):
                continue  # "said in a statement that it was ...": the parser hangs what was said on the channel
            if token.lower_ in channel_nouns:
                after_channel = True
            m = mentions.covering(token.idx, token.idx + len(token.text))
            if m is None or m.type in ("person", "state", "group"):
                continue
            if m.text in outlets:
                return m.span
            # "in an interview with X": X is the outlet, unless X only modifies another noun.
            if after_channel and fallback is None and token.dep_ not in ("compound", "amod", "poss"):
                fallback = m.span
    return fallback
