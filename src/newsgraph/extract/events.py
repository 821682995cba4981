"""newsgraph_events_v1: who did what to whom, coded in PLOVER, with modality and date.

For each sentence: find trigger words from the lexicon (event_triggers.tsv) on the parse,
read source and target from the trigger's own clause (event_args), recode an act governed by
"agree/threaten/demand/refuse to" as that speech act, read modality and date
(event_modality), and abstain when no actor is the source. Repeated mentions of the same
event in a document collapse into one record with several spans.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..model import EventType, Event, Modality, QuadClass, Statement
from ..model.enums import QUAD_CLASS
from ..model.ids import event_id
from . import doc_attrs  # noqa: F401
from .actor_regions import BYLINE, CREDIT, DATELINE, HEADLINE, find_regions
from .event_args import (SUBJECTS, ActorRef, MentionIndex, actors_at, agent_of, counted, crowd_source, dative_of,
                         envoy_state, is_actor_noun, is_passive, is_relative, prep_objects, resolve_pronoun,
                         speaker_conjunct, subject_of)
from .event_dates import event_date
from .event_lexicon import Lexicon, TriggerRule, aid_mode, load_lexicon
from .event_match import candidates as find_candidates, lower_forms, noun_rule, object_of, rules_for
from .event_records import collapse, finish_events  # noqa: F401  (finish_events: public, for resolve/)
from .event_modality import (Reading, containing_statement, first_person, in_question, inside_quotes,
                             looks_like_headline, read_modality, reset_negation)

__all__ = ["collapse", "events_component", "find_events", "finish_events"]

# Governor classes that turn an embedded act into a speech act of their own.
RECODING = {"commit", "prepare", "threaten", "request", "refuse"}
RECIPROCAL_TYPES = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT"}
_MAX_DYADS = 6
_STATIVE = {"be", "have", "know", "understand", "think", "realize", "realise", "remember", "remain", "feel",
            "see", "believe", "learn", "consider", "look", "seem"}


@dataclass
class Found:
    """One coded event before it becomes a record."""

    type: str
    mode: str | None
    trigger: Token
    anchor: Token  # the word whose clause holds the arguments and the modality
    sources: list[ActorRef]
    targets: list[ActorRef]
    reading: Reading
    recoded: bool = False  # read from a governor: "threatened to cut off" -> THREATEN
    negation_used: bool = False  # "would not sign" is already coded as REJECT
    needs_pair: bool = False  # its target is "both sides", to be read from the events before


# --- arguments ----------------------------------------------------------------------------------

def _nominal_sources(anchor: Token, mentions: MentionIndex) -> list[ActorRef]:
    """The agent of a nominal event: 'an exercise by the CSTO', 'Israel's invasion', 'a Taliban raid'."""
    agent = agent_of(anchor)
    if agent is not None:
        return actors_at(agent, mentions, as_source=True)
    for child in anchor.children:
        if child.dep_ in ("poss", "compound", "amod"):
            refs = actors_at(child, mentions, as_source=True)
            if refs:
                return refs
    return []


def _sources(anchor: Token, mentions: MentionIndex, reading: Reading) -> list[ActorRef]:
    if anchor.pos_ in ("NOUN", "PROPN"):
        return _nominal_sources(anchor, mentions)
    if is_passive(anchor) or (anchor.dep_ == "acl" and anchor.tag_ == "VBN"):  # "the deal, mediated by Qatar,"
        agent = agent_of(anchor)
        return actors_at(agent, mentions, as_source=True) if agent is not None else []
    subject, _ = subject_of(anchor)
    if subject is None and anchor.dep_ == "acl" and anchor.tag_ == "VBG":
        subject = anchor.head  # "militants attacking the convoy"
    if subject is None:
        return []
    if is_relative(subject) and subject.head.dep_ == "relcl":
        subject = subject.head.head
    subject = counted(subject)
    if subject.pos_ == "PRON":
        return resolve_pronoun(subject, mentions, reading.speaker)
    owner = _speaker_as_owner(subject, mentions, reading)
    if owner:
        return owner
    if rules_for(subject, load_lexicon().nouns) and mentions.at(subject) is None:
        return _nominal_sources(subject, mentions)  # "an exercise by the CSTO drilled against ..."
    return actors_at(subject, mentions, as_source=True)


def _speaker_as_owner(subject: Token, mentions: MentionIndex, reading: Reading) -> list[ActorRef]:
    """'The SADC said its leaders would meet', 'Russia said its troops would leave': the body
    or state that speaks owns the unnamed group ("its"/"their" only; "his government" is a
    person's state, which the parse does not tell)."""
    if reading.speaker is None or mentions.at(subject) is not None or not is_actor_noun(subject):
        return []
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subject.children):
        return []
    if any(c.dep_ in ("compound", "amod", "appos") and mentions.at(c) for c in subject.children):
        return []
    lo, hi = sorted((reading.speaker.i, subject.i))
    inside_speaker = {t.i for t in reading.speaker.subtree}  # "the SADC, whose mission in Mozambique ends, said"
    between = [t for t in subject.doc[lo + 1:hi] if t.i not in inside_speaker]
    if any(mentions.at(t) is not None or (t.pos_ == "NOUN" and is_actor_noun(t)) for t in between):
        return []  # another party stands nearer: "the UN said the army and its allies ..."
    speakers = actors_at(reading.speaker, mentions, as_source=True)
    if len(speakers) == 1 and speakers[0].mention is not None and speakers[0].mention.type != "person":
        return speakers
    return []


def _role_targets(role: str, trigger: Token, anchor: Token, mentions: MentionIndex) -> list[ActorRef]:
    words: list[Token] = []
    if role == "obj":
        if trigger.pos_ == "VERB":
            obj = object_of(trigger)
            words = [obj] if obj is not None else []
            named = actors_at(obj, mentions, as_source=False) if obj is not None else []
            if obj is not None and not named:
                # "an offer from Kabul", "calls by Belarus's rulers", "scores of refugees"
                words = [w for p in ("from", "by", "of", "for") for w in prep_objects(obj, p)]
            elif obj is not None and _is_envoy(obj) and not any(r.mention and r.mention.actor_id for r in named):
                state = envoy_state(obj, mentions)  # "summoned the Turkish ambassador"
                if state is not None:
                    return [state]
                words = prep_objects(obj, "to") or words  # "recalled its ambassador to Lithuania"
    elif role == "dative":
        words = dative_of(anchor)
    elif role == "ccomp_subj":
        for child in anchor.children:
            if child.dep_ == "ccomp":
                subject, _ = subject_of(child)
                words = [subject] if subject is not None else []
    else:
        words = prep_objects(trigger, role)
        if not words and trigger.pos_ in ("NOUN", "PROPN"):
            # "channels for information sharing with the Taliban": the purpose names the partner
            words = [w for purpose in prep_objects(trigger, "for") for w in prep_objects(purpose, role)]
        if not words and anchor is not trigger:
            words = prep_objects(anchor, role)
        if not words and trigger.pos_ == "VERB":
            obj = object_of(trigger)  # "threatened further action against Russia"
            if obj is not None:
                words = prep_objects(obj, role)
    refs: list[ActorRef] = []
    for word in words:
        if word.pos_ == "PRON":
            continue
        refs.extend(actors_at(word, mentions, as_source=False))
    return refs


def _is_envoy(word: Token) -> bool:
    return word.lemma_.lower() in load_lexicon().word_sets["envoys"]


def _targets(rule: TriggerRule, trigger: Token, anchor: Token, mentions: MentionIndex,
             sources: list[ActorRef]) -> list[ActorRef]:
    """The first role that names an actor other than the source ('expelled ... from Nairobi' is
    Kenya's own capital, so the diplomats are the target)."""
    own = {s.key for s in sources}
    for role in rule.targets:
        refs = [r for r in _role_targets(role, trigger, anchor, mentions) if r.key not in own]
        if refs:
            return refs
    if "obj" not in rule.targets and rule.type not in ("AID", "MOBILIZE"):
        # the object as the one acted on, when it is named: "expelled inspectors of the IAEA"
        return [r for r in _role_targets("obj", trigger, anchor, mentions)
                if r.mention is not None and r.key not in own]
    return []


# --- finding events in a sentence -------------------------------------------------------------

def _recode(governor_class: str, embedded_type: str) -> str:
    cooperative = QUAD_CLASS[EventType(embedded_type)] in (QuadClass.VERBAL_COOPERATION,
                                                          QuadClass.MATERIAL_COOPERATION)
    if governor_class == "commit":
        return "AGREE" if cooperative else "THREATEN"
    if governor_class == "prepare":
        return "AGREE" if cooperative else "MOBILIZE"
    return {"threaten": "THREATEN", "request": "REQUEST", "refuse": "REJECT"}[governor_class]


def _governor(anchor: Token, lexicon: Lexicon) -> tuple[Token, str] | None:
    """The word that an embedded act depends on: 'threatened [to cut off]', 'willing [to send]'."""
    if anchor.dep_ not in ("xcomp", "ccomp"):
        return None
    head = anchor.head
    word_class = lexicon.governors.get(head.lemma_.lower()) or lexicon.governors.get(head.lower_)
    while word_class == "aspect" and head.dep_ == "xcomp":  # "prepared to [resume [shelling]]"
        anchor, head = head, head.head
        word_class = lexicon.governors.get(head.lemma_.lower()) or lexicon.governors.get(head.lower_)
    if word_class not in RECODING:
        return None
    if anchor.dep_ == "ccomp" and word_class != "request":
        # "Egypt could impose sanctions, diplomats warned": the diplomats report Egypt's act;
        # "Iran warned that it would ...": Iran threatens.
        subject = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ != "PRON":
            return None
    return head, word_class


def _offered_act(governed: tuple[Token, str], rule: TriggerRule) -> bool:
    """'Russian engineers were ready to meet', 'willing to send aid': a cooperative act someone
    is ready to do is kept as that act, planned (PLOVER reads it as AGREE: plover_code); a
    verb of agreeing ("agreed/offered to meet") is an act of its own."""
    governor, word_class = governed
    if word_class not in ("commit", "prepare") or governor.pos_ != "ADJ" or rule.needs_target:
        return False  # ("ready to host a meeting" has no party to host: the offer is what is told)
    return QUAD_CLASS[EventType(rule.type)] in (QuadClass.VERBAL_COOPERATION, QuadClass.MATERIAL_COOPERATION)


def _purpose_rule(trigger: Token, rule: TriggerRule, lexicon: Lexicon) -> TriggerRule:
    """A contact kept for a purpose is that purpose: 'channels for information sharing with X'
    is intelligence cooperation (COOPERATE), not a bare meeting (CONSULT)."""
    if rule.type != "CONSULT" or trigger.pos_ not in ("NOUN", "PROPN"):
        return rule
    for purpose in prep_objects(trigger, "for"):
        purpose_rule = noun_rule(purpose, lexicon)
        if purpose_rule is not None and purpose_rule.type != "CONSULT":
            return purpose_rule
    return rule


def _mode(rule: TriggerRule, trigger: Token) -> str | None:
    if rule.mode != "@aid":
        return rule.mode
    words: set[str] = set()
    for token in trigger.subtree:
        words |= lower_forms(token)
    return aid_mode(words)


def _lone_meeting(rule: TriggerRule, trigger: Token, anchor: Token, sources: list[ActorRef],
                  targets: list[ActorRef]) -> bool:
    """'at the agency's board meeting': a meeting named in passing, with one party and no
    counterpart, tells no contact between actors (a meeting that is held is told by its verb)."""
    return rule.type == "CONSULT" and trigger is anchor and trigger.pos_ in ("NOUN", "PROPN") \
        and not targets and len(sources) < 2


def _part_of_protest(anchor: Token, protests: set[int]) -> bool:
    """'Supporters blocked roads, demanding that he be reinstated', 'prisoners rioted, setting fire
    to mattresses': what protesters do and demand while protesting is the protest itself."""
    return anchor.dep_ == "advcl" and anchor.tag_ == "VBG" and anchor.head.i in protests \
        and not any(c.dep_ in SUBJECTS for c in anchor.children)


def _find_in_sentence(sentence: SpacySpan, mentions: MentionIndex, lexicon: Lexicon,
                      acts: list[Act] | None = None) -> list[Found]:
    """The events of one sentence; `acts` collects every act told, coded or not (for _refer_back)."""
    if in_question(sentence[0]) or looks_like_headline(sentence[0]):
        return []
    candidates = find_candidates(sentence, lexicon)
    protests = {t.i for t, _, r in candidates if r.type == "PROTEST"}
    consumed: set[int] = set()  # governors recoded from an embedded act
    found: list[Found] = []
    for trigger, anchor, rule in candidates:
        if _part_of_protest(anchor, protests):
            continue
        governed = _governor(anchor, lexicon)
        if governed is not None and _offered_act(governed, rule):
            consumed.add(governed[0].i)  # "ready to hold talks": the talks, planned
            governed = None
        if governed is not None:
            governor, word_class = governed
            reading = read_modality(governor)
            sources = _sources(governor, mentions, reading)
            if not sources:
                continue
            targets: list[ActorRef] = []
            asked_unnamed = False
            if word_class == "request":  # the one asked: "urged the EC to ...", "demanded that X ..."
                targets = _role_targets("obj", governor, governor, mentions)
                embedded_subject, _ = subject_of(anchor)
                if not targets and embedded_subject is not None and embedded_subject.pos_ != "PRON":
                    targets = actors_at(embedded_subject, mentions, as_source=False)
                    # "demanding that the government cut ties with Kigali": the one asked is
                    # unnamed, and the embedded act's target (Kigali) is not the one asked
                    asked_unnamed = not targets
            if not asked_unnamed:
                targets = targets or _targets(rule, trigger, anchor, mentions, sources)
            consumed.add(governor.i)
            found.append(Found(_recode(word_class, rule.type), None, governor, governor, sources, targets,
                               reading, recoded=True))
            continue
        reading = read_modality(trigger, anchor)
        sources = _sources(anchor, mentions, reading)
        if not sources and rule.type == "PROTEST" and anchor.pos_ == "VERB":
            subject = subject_of(anchor)[0]
            if subject is None and anchor.dep_ == "acl" and anchor.tag_ in ("VBD", "VBN") \
                    and anchor.head.dep_ == "ROOT" and anchor.head.pos_ == "NOUN":
                subject = anchor.head  # "About 300 people protested ...", parsed as a noun phrase
            sources = crowd_source(subject)
        if acts is not None:
            acts.append(Act(trigger, rule.type, sources, reading.modality))
        if not sources:
            continue  # abstain: no actor did it
        rule = _purpose_rule(trigger, rule, lexicon)
        targets = _targets(rule, trigger, anchor, mentions, sources)
        needs_pair = rule.needs_target and not targets
        if needs_pair and _pair_phrase(trigger) is None:
            continue
        if _lone_meeting(rule, trigger, anchor, sources, targets):
            continue
        if reading.condition and not targets:
            continue  # "ready to talk if Chile agreed": a one-sided condition, not an act told
        etype = rule.type
        negation_used = False
        if etype in ("AGREE", "CONCEDE") and reading.self_negated and reading.modality == Modality.NEGATED:
            etype = "REJECT"  # "did not agree", "would not meet the demands", "failed to reach a deal"
            reset_negation(reading)
            negation_used = True
        elif _refused_recognition(rule, trigger, reading, lexicon):
            etype = "REJECT"  # "does not recognise the ruling": a decision refused, not support withheld
            reset_negation(reading)
            negation_used = True
        elif reading.conditional and QUAD_CLASS[EventType(etype)] == QuadClass.MATERIAL_CONFLICT:
            etype = "THREATEN"  # "will halt aid unless ...": a conditional act of force is a threat
            reset_negation(reading)
        found.append(Found(etype, _mode(rule, trigger) if etype == rule.type else None, trigger, anchor,
                           sources, targets, reading, negation_used=negation_used, needs_pair=needs_pair))
    found.extend(_willingness(sentence, mentions, lexicon, {f.trigger.i for f in found} | consumed))
    # A recoded governor replaces its own lexicon reading ("threatened" as a bare THREATEN).
    found = [f for f in found if f.recoded or f.trigger.i not in consumed]
    found.extend(_must_requests(sentence, mentions, lexicon))
    return found


def _refused_recognition(rule: TriggerRule, trigger: Token, reading: Reading, lexicon: Lexicon) -> bool:
    """'will not recognise the ruling / the election' refuses a decision (REJECT); 'has not
    recognised Taiwan' only withholds support (SUPPORT, negated)."""
    if rule.mode != "recognize" or not reading.self_negated or reading.modality != Modality.NEGATED:
        return False
    obj = object_of(trigger)
    return obj is not None and obj.lemma_.lower() in lexicon.word_sets["decisions"]


def _willingness(sentence: SpacySpan, mentions: MentionIndex, lexicon: Lexicon, taken: set[int]) -> list[Found]:
    """'Norway is willing to send material', 'ready to contribute troops': an offer (AGREE)."""
    out = []
    for token in sentence:
        if token.pos_ != "ADJ" or token.i in taken or lexicon.governors.get(token.lower_) not in ("commit", "prepare"):
            continue
        if not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to" and _offers_an_act(c, lexicon))
                   for c in token.children):
            continue
        reading = read_modality(token)
        sources = _sources(token, mentions, reading)
        if not sources:
            continue
        targets = [r for role in ("to", "with") for r in _role_targets(role, token, token, mentions)]
        if reading.modality == Modality.NEGATED and reading.self_negated:
            reset_negation(reading)
            out.append(Found("REJECT", None, token, token, sources, targets, reading, negation_used=True))
        else:
            out.append(Found("AGREE", None, token, token, sources, targets, reading))
    return out


def _offers_an_act(prep: Token, lexicon: Lexicon) -> bool:
    """'ready to talks', 'committed to sending troops' offer an act; 'committed to peace' or
    'to the people' states a stance or a loyalty."""
    for word in prep.children:
        if word.pos_ == "VERB" or rules_for(word, lexicon.nouns) \
                or word.lemma_.lower() in lexicon.word_sets["agreements"]:
            return True
    return False


def _must_requests(sentence: SpacySpan, mentions: MentionIndex, lexicon: Lexicon) -> list[Found]:
    """'The ministry said Libya must hand over the suspects': a demand on Libya ("should" too,
    when a named actor says it)."""
    out = []
    for token in sentence:
        if token.dep_ != "ccomp":
            continue
        if lexicon.governors.get(token.head.lemma_.lower()) != "report":
            continue
        modal = next((c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in ("must", "should")), None)
        if modal is None:
            continue
        if token.lemma_.lower() in _STATIVE and not any(c.dep_ == "acomp" for c in token.children):
            continue  # "X must have its own interests" is an opinion, not a demand
        if any(c.dep_ == "neg" for c in token.children):
            continue
        subject, _ = subject_of(token)
        if subject is None or subject.pos_ == "PRON":
            continue
        reading = read_modality(token.head)
        sources = _sources(token.head, mentions, reading)
        if modal == "should":  # advice from a named actor is a demand; from "analysts" an opinion
            sources = [r for r in sources if r.mention is not None]
        # the one asked must be named: "the cabinet should take the dispute to ASEAN" is advice
        # at home, not a demand on an actor
        targets = [r for r in actors_at(subject, mentions, as_source=False) if r.mention is not None]
        if sources and targets:
            out.append(Found("REQUEST", None, token, token.head, sources, targets, reading))
    return out


# --- an act named again: "Iraq condemned the strikes" ------------------------------------------

# Reactions whose object may be an act the article told earlier; its doer is the target.
REACTION_TYPES = {"ACCUSE", "REJECT", "SUPPORT"}
_DEFINITE = {"the", "these", "those", "this", "that"}
_REAL = {Modality.ASSERTED, Modality.REPORTED}


def _named_act(found: Found, lexicon: Lexicon) -> Token | None:
    """The definite event noun a reaction is about ("condemned the strikes", "complained over
    the raids"), when it names no party of its own."""
    trigger = found.trigger
    if found.type not in REACTION_TYPES or found.recoded or found.targets or trigger.pos_ != "VERB":
        return None
    words = [w for w in [object_of(trigger)] if w is not None]
    words += [w for p in ("over", "about", "against", "for") for w in prep_objects(trigger, p)]
    for word in words:
        if word.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in word.children):
            continue
        claim = found.type == "REJECT" and _claim_type(word, lexicon) is not None
        if any(c.dep_ in ("poss", "compound", "amod") or (c.dep_ == "prep" and not _time_prep(c, claim))
               for c in word.children):
            continue  # "the Israeli strikes", "the strikes on Gaza": the phrase says whose or where
        if claim or rules_for(word, lexicon.nouns) or rules_for(word, lexicon.verbs):
            return word
    return None


def _time_prep(prep: Token, claim: bool) -> bool:
    """'rejected the request within hours': a time phrase the parse hangs on the claim noun."""
    return claim and prep.lower_ in ("within", "after", "on", "in") \
        and any(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in ("hour", "day", "minute")
                for o in prep.children)


# Nouns that name a speech act told before: "rejected the accusation" answers an accusation.
_CLAIM_SETS = {"accusations": "ACCUSE", "requests": "REQUEST"}


def _claim_type(noun: Token, lexicon: Lexicon) -> str | None:
    """The event type a claim noun names ('the accusation' -> ACCUSE, 'the demand' -> REQUEST)."""
    lemma = noun.lemma_.lower()
    return next((etype for name, etype in _CLAIM_SETS.items() if lemma in lexicon.word_sets[name]), None)


@dataclass
class Act:
    """An act the article tells, whether or not it became an event (no actor, no target)."""

    trigger: Token
    type: str
    sources: list[ActorRef]
    modality: Modality


def _same_act(noun: Token, earlier: Act, lexicon: Lexicon) -> bool:
    """'the strikes' after 'jets struck', 'the arrests' after 'police detained'."""
    if earlier.trigger.lemma_.lower() == noun.lemma_.lower():
        return True
    return earlier.type in {r.type for r in rules_for(noun, lexicon.nouns)} | {_claim_type(noun, lexicon)}


def _refer_back(found: list[Found], acts: list[Act], lexicon: Lexicon) -> None:
    """A reaction to an act told earlier in the article targets the act's doer, when every
    earlier telling of such an act names the same one actor: "Turkish jets struck ... . Iraq
    condemned the strikes" is ACCUSE Iraq -> Turkey. Anything less certain is left untargeted."""
    for item in found:
        noun = _named_act(item, lexicon)
        if noun is None:
            continue
        if _claim_type(noun, lexicon) is not None:
            _answer_claim(item, noun, acts, lexicon)
            continue
        doers: dict[str, ActorRef | None] = {}
        for earlier in acts:
            if earlier.trigger.i >= item.trigger.i or earlier.modality not in _REAL:
                continue
            if _same_act(noun, earlier, lexicon):
                for source in earlier.sources:
                    doers[source.key if source.mention and source.mention.actor_id else f"?{source.text}"] = source
                if not earlier.sources:
                    doers["?"] = None  # an act by no one named: the doer is unknown
        own = {s.key for s in item.sources}
        if len(doers) == 1:
            (key, doer), = doers.items()
            if not key.startswith("?") and key not in own and doer.mention.kind != "pronoun":
                item.targets = [doer]


_CLAIM_REACH = 2  # sentences: a rejection answers a claim just told


def _answer_claim(item: Found, noun: Token, acts: list[Act], lexicon: Lexicon) -> None:
    """'He accused the coalition of ... . The spokesman rejected the accusation': a rejection of
    a claim answers the one who made it, when that claim was told in the sentence just before
    (a pronoun is kept: the resolver names it as it names the claim's source)."""
    earlier = [a for a in acts if a.trigger.i < item.trigger.i and _same_act(noun, a, lexicon)]
    if not earlier:
        return
    claim = earlier[-1]
    doc = item.trigger.doc
    between = len(list(doc[claim.trigger.sent.start:item.trigger.sent.start].sents))
    if between > _CLAIM_REACH - 1 or len(claim.sources) != 1 or claim.modality not in _REAL:
        return
    doer = claim.sources[0]
    if doer.mention is not None and doer.key not in {s.key for s in item.sources}:
        item.targets = [doer]


# --- "both sides": the two parties the article has just told of ----------------------------------

_PAIR_NOUNS = {"side": False, "party": False, "country": True, "nation": True, "government": True,
               "neighbour": True, "neighbor": True, "state": True}  # noun -> must both be states


def _pair_phrase(trigger: Token) -> Token | None:
    """'urged both sides to ...', 'called on the two countries to ...': the phrase asked."""
    for word in trigger.subtree:
        lemma = word.lemma_.lower()
        if word.pos_ != "NOUN" or lemma not in _PAIR_NOUNS or word.head.i not in _near(trigger):
            continue
        if any(c.lower_ == "both" or (c.dep_ == "nummod" and c.lower_ == "two") for c in word.children):
            return word
    return None


def _near(trigger: Token) -> set[int]:
    """The trigger and its prepositions: where the party asked stands ("urged X", "called on X")."""
    return {trigger.i} | {c.i for c in trigger.children if c.dep_ in ("prep", "dative")}


# Events between two sides: talks and deals, fighting and disputes (not a request to a third party).
_SIDES_TYPES = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT", "ACCUSE", "THREATEN", "REJECT", "SANCTION", "COERCE"}


def _parties(found: Found) -> list[ActorRef]:
    """The named states and bodies an event between two sides involves (no persons: a side is
    what a person acts for)."""
    if found.type not in _SIDES_TYPES:
        return []
    refs = [r for r in [*found.sources, *found.targets]  # named ones: the resolver gives them ids
            if r.mention is not None and r.mention.kind not in ("pronoun", "entity") and r.mention.type != "person"]
    return list({r.key: r for r in refs}.values())


def _refer_to_pair(found: list[Found]) -> None:
    """'China urged both sides to stop the fighting' after 'Myanmar and the KIA began talks': the
    two sides are the two parties of the latest event between two sides told before that names
    exactly two (states, for "both countries"), neither of them the one who asks."""
    for index, item in enumerate(found):
        # "both governments" is read as an unnamed actor phrase: it names no one yet
        named_target = any(t.mention is not None for t in item.targets)
        if named_target or item.type not in ("REQUEST", "SUPPORT", "CONSULT", "AID"):
            continue
        phrase = _pair_phrase(item.trigger)
        if phrase is None:
            continue
        earlier = [f for f in found[:index] if f.trigger.i < item.trigger.i and len(_parties(f)) == 2]
        if not earlier:
            continue
        pair = _parties(earlier[-1])
        own = {s.key for s in item.sources}
        states_only = _PAIR_NOUNS[phrase.lemma_.lower()]
        if any(r.key in own for r in pair) or (states_only and any(r.mention.type != "state" for r in pair)):
            continue
        item.targets = pair


# --- records --------------------------------------------------------------------------------

def _paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _modality(found: Found, doc: Doc, statement: Statement | None) -> Modality:
    reading = found.reading
    if statement is not None:
        # A denial negates what it denies, not every sentence of a long denying statement.
        sentence = found.trigger.sent
        denied = statement.polarity == "deny" and statement.content_span[1] <= sentence.end_char \
            and not found.negation_used  # "he said X would not sign": the refusal is what he reports
        reading.raise_to(Modality.NEGATED if denied else Modality.REPORTED)
    elif inside_quotes(doc.text, found.trigger.idx, _paragraph_start(doc.text, found.trigger.idx)) \
            or first_person(found.trigger):
        reading.raise_to(Modality.REPORTED)
    return reading.modality


def _said_is_done(found: Found, statement: Statement) -> bool:
    """'The EU announced 15 million euros in aid', 'declared a ceasefire': the verb of saying
    carries the act itself, which the speaker does by saying it; it is not a report of it."""
    cue = statement.cue_span
    carried = found.trigger.pos_ in ("NOUN", "PROPN") and found.anchor is not found.trigger
    return carried and cue is not None and cue[0] <= found.anchor.idx < cue[1]


def _dyads(found: Found) -> list[tuple[ActorRef, ActorRef | None]]:
    pairs: list[tuple[ActorRef, ActorRef | None]] = []
    if not found.targets and len(found.sources) > 1 and found.type in RECIPROCAL_TYPES:
        for a in found.sources:  # "Israel and Lebanon renewed negotiations": each with the other
            pairs.extend((a, b) for b in found.sources if b is not a)
    else:
        for a in found.sources:
            targets = [t for t in found.targets if t.key != a.key]
            if found.targets and not targets:
                continue  # the only target is the source itself
            pairs.extend((a, t) for t in targets) if targets else pairs.append((a, None))
    return pairs[:_MAX_DYADS]


def _records(doc: Doc, found: list[Found]) -> list[Event]:
    document = doc._.ng_document
    document_id = document.id if document is not None else "doc:unknown"
    published = document.published if document is not None else None
    statements = doc._.ng_statements
    events: list[Event] = []
    for item in found:
        statement = containing_statement(statements, item.trigger.idx)
        if statement is not None and (_said_is_done(item, statement) or speaker_conjunct(item.anchor)):
            statement = None  # the speaker's own act, not one the speaker reports
        modality = _modality(item, doc, statement)
        date = event_date(item.trigger, item.anchor, published, planned=modality == Modality.PLANNED)
        if date is None and statement is not None:
            date = statement.date
        sentence = item.trigger.sent
        span = (sentence.start_char, sentence.end_char)
        for source, target in _dyads(item):
            source_id = source.mention.actor_id if source.mention else None
            target_id = target.mention.actor_id if target and target.mention else None
            events.append(Event(
                id=event_id(document_id, item.type, source_id, target_id, span, date=date,
                            modality=modality.value),
                document_id=document_id, type=item.type, span=span, trigger=item.trigger.text,
                source=source_id, target=target_id, source_text=_party_text(doc.text, source),
                target_text=_party_text(doc.text, target) if target else None, mode=item.mode, date=date,
                modality=modality.value, attributed_to=statement.id if statement else None,
                spans=(span,), source_span=source.span, target_span=target.span if target else None))
    return events


def find_events(doc: Doc) -> list[Event]:
    lexicon = load_lexicon()
    mentions = MentionIndex(doc, doc._.ng_mentions)
    # Title, byline and credit lines tell no event of their own (the story repeats the real one).
    skipped = [r.span for r in find_regions(doc.text, doc._.ng_document)
               if r.kind in (HEADLINE, BYLINE, CREDIT, DATELINE)]
    found: list[Found] = []
    acts: list[Act] = []
    for sentence in doc.sents:
        if any(start <= sentence.start_char < end for start, end in skipped):
            continue
        found.extend(_find_in_sentence(sentence, mentions, lexicon, acts))
    _refer_back(found, acts, lexicon)
    _refer_to_pair(found)
    found = [f for f in found if not (f.needs_pair and not f.targets)]
    return collapse(_records(doc, found))


@Language.component("newsgraph_events_v1", assigns=["doc._.ng_events"],
                    requires=["doc._.ng_mentions", "doc._.ng_statements", "token.dep"])
def events_component(doc: Doc) -> Doc:
    doc._.ng_events = find_events(doc)
    return doc


def _party_text(text: str, ref) -> str:
    """The phrase naming a party ("Tajikistan border guards") when it stands verbatim around
    the mention; otherwise the mention's own text, so the span always lies inside the value."""
    start, end = ref.span
    mention = text[start:end]
    window = text[max(0, start - 100):end + 100]
    return ref.text if mention in ref.text and ref.text in window else mention
