"""newsgraph_actors_v1: actor mentions, corrected by the gazetteer, and people's roles.

On top of spaCy's NER:
- gazetteer matches win over spaCy's labels (a token-based PhraseMatcher built once per
  pipeline, so the per-document cost is one C-level pass plus a few checks per match);
- headline and credit lines keep only gazetteer matches, bylines and datelines nothing;
- a state's name in front of a unit ("Tajikistan border guards", "the French Foreign
  Ministry") is the state with the unit as ``Mention.sector``; a demonym is the state only in
  front of a unit or of a word like "interests" or "invasion" ("Russian analyst" is the
  analyst's affiliation, read by roles.py);
- a capital or city standing for a government is that government only where it acts
  ("Ankara said", "Moscow's decision", "talks between Ankara and Athens"); as the object of a
  locative preposition ("told reporters in Ankara") it is no actor at all;
- the parse overrides NER where it is clear: a name after "in/near/into" or in "the town of
  X" is a place, a name with a person's title ("X, the envoy") is a person, even one the NER
  did not tag;
- a name followed by an acronym in parentheses ("the main opposition Republican People's
  Party (CHP)") is one actor, and every later use of the acronym is a mention of it;
- a description gives the type ("Codelco, the Chilean state copper company", "the Amaq news
  agency", "the grid operator Elering"), also to names the NER missed;
- subject pronouns and definite descriptions ("the envoy", "the group") become mentions
  without an actor id, for resolve/coreference.py to attach to their antecedent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span as SpacySpan
from spacy.util import filter_spans

from ..gazetteer import DEMONYM, METONYM, Gazetteer, clean_name, load_gazetteer
from ..model import ActorType, Mention
from ..model.ids import actor_id
from . import doc_attrs  # noqa: F401
from .actor_regions import BYLINE, DATELINE, find_regions
from .roles import find_roles

_WORDS_FILE = Path(__file__).with_name("actor_words.yaml")

# spaCy label -> actor type for names the gazetteer does not know.
_LABEL_TYPE = {
    "PERSON": ActorType.PERSON.value,
    "ORG": ActorType.ORGANIZATION.value,
    "GPE": ActorType.LOCATION.value,  # a known state is a gazetteer match; the rest are places
    "LOC": ActorType.LOCATION.value,
    "NORP": ActorType.GROUP.value,
}
# Types whose name before a person's title is that person's affiliation.
AFFILIATION_TYPES = {ActorType.STATE.value, ActorType.ORGANIZATION.value, ActorType.ARMED_GROUP.value,
                     ActorType.MEDIA.value, ActorType.GROUP.value}
_ORG_TYPES = {ActorType.ORGANIZATION.value, ActorType.MEDIA.value, ActorType.ARMED_GROUP.value}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NP_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}
_PERSON_PRONOUNS = {"he", "she"}
_PLACE_NOUNS = {"town", "city", "village", "region", "province", "district", "county", "municipality",
                "port", "island", "capital", "area", "state", "valley"}
# Nouns a place name modifies: "the Natanz plant", "the Essequibo coast", "the Laiza camp".
_SITE_NOUNS = {"coast", "plant", "site", "facility", "reactor", "river", "airport", "border", "valley",
               "region", "province", "district", "oilfield", "field", "mine", "dam", "port", "camp", "base",
               "temple", "shrine", "mosque", "monastery", "cathedral", "springs", "crossing", "strait",
               "forest", "desert", "lake", "mountains", "hills", "plateau", "peninsula", "delta", "basin",
               "area", "zone", "pass", "gorge", "glacier", "gulf", "bay", "island", "islands", "corridor"}
# Capitalised words that make a name a sub-national unit: "Niger State", "Kachin State".
_ADMIN_UNITS = {"State", "Province", "Region", "District", "County", "Governorate", "Oblast", "Prefecture"}
# Prepositions after which a city is where something happens, not who acts ("in Ankara").
_LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "within", "throughout", "across"}
# "the defence ministry in Ankara": a government unit located in a capital is that state's.
_GOVERNMENT_UNITS = {"ministry", "government", "authorities", "officials", "leadership", "regime", "junta",
                     "administration", "cabinet", "presidency", "parliament", "prosecutors"}
# "(CHP)", "(UNESCO)", "(M23)": an acronym defined in parentheses after a name.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{0,7}[A-Z0-9]")
# Lower-case words inside a name written out in full ("Movement for Socialism").
_NAME_CONNECTORS = {"of", "for", "and", "the", "de", "del", "la", "al", "el", "'s", "’s", "in"}
# Particles inside a place name: "Mocimboa da Praia", "Santiago de Cuba".
_NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "di", "du", "la", "el"}
# "the University of Chile", "the Bank of England": an institution named after its state.
# Last words of the subjects such institutions are named after ("... and Asian Studies").
_FIELD_WORDS = {"studies", "research", "development", "affairs", "sciences", "science", "policy", "policies",
                "strategy", "security", "peace", "cooperation", "relations", "law", "rights", "democracy",
                "reconciliation", "justice", "analysis", "economics", "history"}
# Heads of research and policy institutions named "<head> for/of <subject>".
_STUDY_HEADS = {"centre", "center", "council", "foundation", "society", "fund", "commission"}
_INSTITUTION_HEADS = {"university", "bank", "college", "institute", "academy", "museum", "school", "library",
                      "polytechnic", "conservatory", "observatory", "chamber"}
# "the railway to Machu Picchu", "flights from Goma": a name reached by a route is a place.
_ROUTE_NOUNS = {"road", "roads", "highway", "railway", "railroad", "rail", "route", "routes", "flight", "flights",
                "train", "trains", "ferry", "bridge", "pipeline", "corridor", "convoy", "trip", "journey"}
# Movements whose destination is a place: "fighting spread to El Obeid".
_MOTION_LEMMAS = {"spread", "advance", "move", "flee", "travel", "return", "march", "retreat", "withdraw",
                  "relocate", "evacuate", "drive", "sail", "fly", "extend", "expand", "tow", "airlift",
                  "deport", "transfer", "escort"}
# "advance on X", "march on X": X is where the movement goes.
_ADVANCE_ON_LEMMAS = {"advance", "march", "converge", "close"}
# Verbs whose untitled one-word named object is a place: "could not reach Walikale".
_REACH_LEMMAS = {"reach", "enter", "approach", "encircle", "surround", "evacuate"}
# Attacks whose untitled named object is a place: "insurgents attacked Macomia", "an attack on Palma".
_ASSAULT_LEMMAS = {"attack", "raid", "storm", "overrun", "shell", "bomb", "besiege", "seize", "capture",
                   "recapture", "retake", "occupy", "assault", "siege", "bombardment", "offensive"}
# Government units a state's possessive owns: "South Korea's Unification Ministry".
_MINISTRY_HEADS = {"ministry", "department"}
# "the Amhara region": a group's name before one of these is a place.
_REGION_NOUNS = {"region", "state", "province", "district", "zone", "territory", "homeland"}
# "the Baltic states", "Lithuania's Baltic neighbours": a regional adjective, no place
# (a singular head names one: "Borno state").
_CLASS_OF_STATES = {"state", "country", "nation", "republic", "neighbour", "neighbor", "government", "capital"}
# "the North" for North Korea, "the West": a direction, no actor of its own (abstain).
_COMPASS_NAMES = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
# "60 percent of Lithuanians", "thousands of Serbs": a counted population, no actor.
_QUANTITY_HEADS = {"percent", "per", "%", "majority", "minority", "most", "half", "third", "quarter", "share",
                   "proportion", "number", "thousands", "millions", "hundreds", "dozens", "tens", "many"}
_NON_REFERRING_VERBS = {"be", "seem", "appear", "remain", "take", "make", "become", "matter", "rain", "have",
                         "do", "happen", "follow", "mean"}


@dataclass(frozen=True)
class ActorWords:
    sector_nouns: frozenset[str]
    state_interest_nouns: frozenset[str]
    role_nouns: frozenset[str]
    honorifics: frozenset[str]
    department_words: frozenset[str]
    place_prepositions: frozenset[str]
    group_nouns: dict[str, tuple[str, ...]]
    media_name_heads: frozenset[str] = frozenset()
    armed_group_name_heads: frozenset[str] = frozenset()
    organization_nouns: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    armed_group_modifiers: frozenset[str] = frozenset()
    vessel_nouns: frozenset[str] = frozenset()
    ship_prefixes: frozenset[str] = frozenset()

    def type_by_description(self, head) -> str | None:
        """The actor type a describing noun gives ("company", "news agency", "rebel group")."""
        lemma = head.lemma_.lower()
        compounds = [c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod")]
        if lemma in self.media_nouns or any(f"{c} {lemma}" in self.media_nouns for c in compounds):
            return ActorType.MEDIA.value
        if lemma in self.organization_nouns or head.lower_ in self.organization_nouns:
            if any(c in self.armed_group_modifiers for c in compounds) or self._of_armed_groups(head):
                return ActorType.ARMED_GROUP.value
            return ActorType.ORGANIZATION.value
        return None

    def _of_armed_groups(self, head) -> bool:
        """"an alliance of armed groups", "a coalition of rebel militias": made of armed groups."""
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for member in prep.children:
                    if member.dep_ == "pobj" and any(c.lower_ in self.armed_group_modifiers for c in member.lefts):
                        return True
        return False

    def type_by_name(self, name: SpacySpan) -> str | None:
        """'Stabroek News' -> media, 'Kachin Independence Army' -> armed group, else None."""
        if len(name) < 2:
            return None
        last = name[-1].lower_
        last_two = f"{name[-2].lower_} {last}"
        if last in self.media_name_heads or last_two in self.media_name_heads:
            return ActorType.MEDIA.value
        if last in self.armed_group_name_heads:
            return ActorType.ARMED_GROUP.value
        return None


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    with open(_WORDS_FILE, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return ActorWords(
        sector_nouns=words("sector_nouns"), state_interest_nouns=words("state_interest_nouns"),
        role_nouns=words("role_nouns"), honorifics=words("honorifics"),
        department_words=words("department_words"), place_prepositions=words("place_prepositions"),
        group_nouns={k: tuple(v) for k, v in data["group_nouns"].items()},
        media_name_heads=words("media_name_heads"), armed_group_name_heads=words("armed_group_name_heads"),
        organization_nouns=words("organization_nouns"), media_nouns=words("media_nouns"),
        armed_group_modifiers=words("armed_group_modifiers"), vessel_nouns=words("vessel_nouns"),
        ship_prefixes=frozenset(str(w) for w in data["ship_prefixes"]))


def build_matcher(nlp: Language, gazetteer: Gazetteer) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for key, surfaces in gazetteer.patterns().items():
        matcher.add(key, [nlp.make_doc(surface) for surface in surfaces])
    return matcher


def _unit_head(token, words: ActorWords):
    """The unit noun a state name or demonym modifies ("guards" in "Tajikistan border guards")."""
    if token.dep_ not in _MODIFIER_DEPS or token.head.i <= token.i:
        return None
    head = token.head
    while True:
        if head.lower_ in words.sector_nouns or head.lemma_.lower() in words.sector_nouns:
            return head
        if head.dep_ != "compound" or head.head.i <= head.i:
            return None
        head = head.head


def _sector(token, words: ActorWords) -> str | None:
    """'border guards' for the state token in 'Tajikistan border guards', else None."""
    head = _unit_head(token, words)
    return None if head is None else token.doc[token.i + 1: head.i + 1].text


def _demonym_use(token, words: ActorWords) -> str | None:
    """How a demonym is used: 'unit', 'interest', 'actor' (a plural noun) or None (attribute)."""
    if token.dep_ in _MODIFIER_DEPS and token.head.i > token.i:
        if _unit_head(token, words) is not None:
            return "unit"
        head = token.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if head.lower_ in words.state_interest_nouns:
            return "interest"
        return None
    if token.tag_ in ("NNS", "NNPS") and token.dep_ in _NP_DEPS | {"conj", "appos"}:
        return "actor"
    return None


def _institution_continues(ent: SpacySpan) -> int:
    """The end of an institution's name the NER cut at "and": "the Centre for Nepal" + "and Asian
    Studies". Only a name headed by an institution word and "for/of" ("Institute for Iran and
    Eurasia Studies"), continued by capitalised words; else ent.end."""
    doc = ent.doc
    words = [t for t in ent if t.pos_ != "DET"]
    if len(words) < 3 or words[0].lower_ not in _INSTITUTION_HEADS | _STUDY_HEADS or words[1].lower_ not in ("for", "of"):
        return ent.end
    end = ent.end
    if end + 1 >= len(doc) or doc[end].lower_ != "and":
        return ent.end
    end += 1
    while end < len(doc) and doc[end].is_title and doc[end].pos_ in ("PROPN", "ADJ"):
        end += 1
    # "... and Asian Studies", not "... and Human Rights Watch" (another name)
    return end if end > ent.end + 1 and doc[end - 1].lower_ in _FIELD_WORDS else ent.end


def _join_institution_names(ents: list[SpacySpan]) -> list[SpacySpan]:
    """Ents with cut institution names joined; the ents inside a joined name are dropped."""
    joined: list[SpacySpan] = []
    for ent in ents:
        if joined and ent.start < joined[-1].end:
            continue  # "Asian" inside "Centre for Nepal and Asian Studies"
        end = _institution_continues(ent) if ent.label_ in ("ORG", "FAC") else ent.end
        joined.append(ent if end == ent.end else SpacySpan(ent.doc, ent.start, end, label="ORG"))
    return joined


def _counted_population(token) -> bool:
    """'60 percent of Lithuanians', 'thousands of Serbs': a people counted, no actor."""
    head = token.head
    return token.tag_ == "NNPS" and token.dep_ == "pobj" and head.lower_ == "of" \
        and (head.head.lower_ in _QUANTITY_HEADS or head.head.like_num)


def _admin_unit_follows(span: SpacySpan, match_starts: set[int]) -> bool:
    """"Niger State": a unit word after the name, unless it begins another known name ("U.S.
    State Department") or an institution named with it ("State Council")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text not in _ADMIN_UNITS or span.end in match_starts:
        return False
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return after is None or after.lower_ not in _MINISTRY_HEADS | {"council", "duma", "media", "secretary"}


def _region_noun_follows(span: SpacySpan) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _REGION_NOUNS


def _plural_people(ent: SpacySpan) -> bool:
    """"Local Serbs", "Lithuanians" read as a person: a plural name with no first name."""
    return ent.label_ == "PERSON" and ent.root.tag_ == "NNPS" and ent.root.text.endswith("s") \
        and not any(t.pos_ == "PROPN" for t in ent if t.i != ent.root.i)


def _name_like(token) -> bool:
    """A proper noun, or a capitalised word inside a sentence that the tagger took for a verb or
    a noun ("the grid operator Elering", tagged as a verb)."""
    if token.pos_ == "PROPN":
        return token.text[:1].isupper()
    return token.is_title and not token.is_sent_start and token.pos_ in ("VERB", "NOUN", "ADJ")


def _shares_a_name(ent: SpacySpan, ents: list[SpacySpan]) -> bool:
    """Another person's name in the text shares a word with this one ("Irene Castells" for
    "Castells"): the name is a person's."""
    words = {t.text for t in ent if t.is_title}
    return any(other.start != ent.start and other.label_ == "PERSON" and other.text != ent.text
               and words & {t.text for t in other} for other in ents)


def _assault_target(token) -> bool:
    """The object of an attack: "(insurgents) attacked X", "an attack on X"."""
    head = token.head
    if token.dep_ == "dobj" and head.pos_ == "VERB":
        return head.lemma_.lower() in _ASSAULT_LEMMAS
    return token.dep_ == "pobj" and head.lower_ in ("on", "against") and head.head.lemma_.lower() in _ASSAULT_LEMMAS


def _reached_place(token) -> bool:
    """The object of a verb of reaching a place: "aid could not reach Walikale", "rebels entered Goma"."""
    verb = token.head
    return token.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in _REACH_LEMMAS \
        and not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)  # "reach X for comment"


def _before_paren(ent: SpacySpan) -> SpacySpan | None:
    """'Democratic Alliance' of an entity 'Democratic Alliance (DA': a name stops at a bracket."""
    for k, token in enumerate(ent):
        if token.text == "(":
            return SpacySpan(ent.doc, ent.start, ent.start + k, label=ent.label_) if k else None
    return ent


def _without_trailing_lower(span: SpacySpan) -> SpacySpan:
    end = span.end
    while end - 1 > span.start and span.doc[end - 1].is_lower:
        end -= 1
    return span.doc[span.start:end]


def _inside_hyphenated(doc: Doc, i: int) -> bool:
    """The hyphen or the lower-case part of a capitalised compound: "Co-operation"."""
    if doc[i].text == "-":
        return i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_
    return i > 1 and doc[i].is_alpha and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
        and not doc[i - 2].whitespace_ and doc[i - 2].is_title


def _is_acronym(text: str) -> bool:
    return _ACRONYM.fullmatch(text) is not None and sum(c.isupper() for c in text) >= 2


def _trim_person(ent: SpacySpan, words: ActorWords, gaz_tokens: set[int]) -> SpacySpan | None:
    """Drop titles, honorifics, articles and demonyms that spaCy put inside a PERSON span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in words.role_nouns or doc[start].lower_ in words.honorifics
                           or doc[start].is_punct or doc[start].pos_ == "DET" or start in gaz_tokens):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    if start >= end or not any(t.is_title or t.is_upper for t in doc[start:end]):
        return None
    return doc[start:end]


# Role nouns that may stand before a state or an organisation as well as before a person.
_TITLES_OF_BODIES = {"member", "members", "observer", "owner", "founder", "executive", "representative",
                     "candidate", "mediator", "negotiator"}


def _common_nouns(nlp: Language) -> frozenset[str]:
    """English common nouns known to the pipeline's lemmatizer ("fisherman", "hydrologist").

    A capitalised word opening a sentence may be such a noun ("Fisherman Dante Reyes said")
    rather than a first name the NER left out. Empty where the pipeline has no lookup table.
    """
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(table["noun"])
    except (KeyError, AttributeError, ValueError):
        return frozenset()


class ActorRecognizer:
    """The newsgraph_actors_v1 component (one per pipeline; holds the compiled matcher)."""

    def __init__(self, nlp: Language, name: str = "newsgraph_actors_v1"):
        self.name = name
        self.gazetteer = load_gazetteer()
        self.words = actor_words()
        self.matcher = build_matcher(nlp, self.gazetteer)
        self.common_nouns = _common_nouns(nlp)

    def __call__(self, doc: Doc) -> Doc:
        mentions, person_spans, affiliation = self.find_mentions(doc)
        doc._.ng_mentions = mentions
        doc._.ng_roles = find_roles(doc, person_spans, affiliation, self.words)
        return doc

    def find_mentions(self, doc: Doc) -> tuple[list[Mention], list[SpacySpan], dict[int, str]]:
        words, gaz = self.words, self.gazetteer
        region_at = self._regions(doc)
        strings = doc.vocab.strings
        matches = filter_spans([SpacySpan(doc, s, e, label=strings[m]) for m, s, e in self.matcher(doc)])
        match_starts = {m.start for m in matches}
        named_ids = {m.label_.rsplit("|", 1)[0] for m in matches}
        ents = [e for e in (_before_paren(e) for e in _join_institution_names(list(doc.ents)))
                if e is not None and e.label_ in _LABEL_TYPE]

        mentions: list[Mention] = []
        affiliation: dict[int, str] = {}  # token index -> actor id, for roles ("CSTO", "Russian")
        gaz_tokens: set[int] = set()
        for span in matches:
            entry_id, kind = span.label_.rsplit("|", 1)
            entry = gaz.entries[entry_id]
            if entry.type in (ActorType.STATE.value, ActorType.LOCATION.value) and \
                    _admin_unit_follows(span, match_starts):
                # "Niger State" is a Nigerian state, not Niger: a place named with its unit
                place = doc[span.start: span.end + 1]
                gaz_tokens.update(range(place.start, place.end))
                if region_at.get(span.start) not in (BYLINE, DATELINE):
                    mentions.append(Mention(span=(place.start_char, place.end_char), text=place.text,
                                            type=ActorType.LOCATION.value))
                continue
            if entry.type == ActorType.GROUP.value and _region_noun_follows(span):
                # "farmers from the Amhara region": the people's homeland, named as a place
                gaz_tokens.update(range(span.start, span.end))
                if region_at.get(span.start) not in (BYLINE, DATELINE):
                    place_id = actor_id(ActorType.LOCATION.value, clean_name(span.text))
                    mentions.append(Mention(span=(span.start_char, span.end_char), text=span.text,
                                            type=ActorType.LOCATION.value, actor_id=place_id))
                continue
            unit = self._state_unit(span, entry.type, ents, kind)
            if unit is None and self._inside_longer_name(span, entry.type, ents, kind):
                continue
            gaz_tokens.update(range(span.start, span.end))
            region = region_at.get(span.start)
            if region in (BYLINE, DATELINE):
                continue
            if kind == METONYM and gaz.is_city(span.text) and self._only_a_location(span):
                continue  # "told reporters in Ankara": where, not who; no actor (abstain)
            placed = self._unit_placed_in(span) if kind == METONYM else None
            if placed is not None:
                # "The foreign ministry in Vilnius said": the unit is the capital's state
                mentions.append(Mention(span=(placed.start_char, placed.end_char), text=placed.text,
                                        type=entry.type, actor_id=entry.id, sector=placed[-1].text, kind="title"))
            if entry.type in AFFILIATION_TYPES:
                for i in range(span.start, span.end):
                    affiliation[i] = entry.id
            root = span[-1]
            sector = None
            if kind == DEMONYM:
                use = _demonym_use(root, words)
                if use is None or (use == "actor" and _counted_population(root)):
                    continue
                if use == "unit":
                    sector = _sector(root, words)
            elif entry.type == ActorType.STATE.value:
                sector = unit or _sector(root, words)
            mentions.append(Mention(span=(span.start_char, span.end_char), text=span.text, type=entry.type,
                                    actor_id=entry.id, sector=sector, kind=kind))

        person_spans: list[SpacySpan] = []
        titled: set[str] = set()  # names the parse showed to be people
        for ent in ents:
            if any(i in gaz_tokens for i in range(ent.start, ent.end)) or region_at.get(ent.start):
                continue
            actor_type = _LABEL_TYPE[ent.label_]
            span = ent
            if not any(t.text[:1].isupper() for t in ent):
                continue  # "ministry of finance": a description, not a name
            if self._names_no_actor(ent):
                continue
            state = self._shared_capital(ent, named_ids)
            if state is not None:
                if not self._only_a_location(ent):  # "He accused Georgetown of ...", in a Guyana story
                    mentions.append(Mention(span=(ent.start_char, ent.end_char), text=ent.text,
                                            type=ActorType.STATE.value, actor_id=state, kind=METONYM))
                continue
            owner = self._possessive_state(ent, affiliation)
            if owner is not None:
                # "South Korea's Unification Ministry": the state, with the ministry as its unit
                span = ent[1:] if ent[0].pos_ == "DET" else ent
                mentions.append(Mention(span=(span.start_char, span.end_char), text=span.text,
                                        type=ActorType.STATE.value, actor_id=owner, sector=span.text, kind="name"))
                continue
            described = self._described_as(ent)
            if len(ent) == 1 and ent[0].tag_ == "NNS" and ent.label_ != "NORP" and not ent[0].is_upper:
                continue  # "Gunmen attacked ...": a plural common noun read as a name
            if described is not None and ent.label_ != "NORP":
                actor_type = described  # "Codelco, the Chilean state copper company": not a place
                span = self._with_first_names(ent, gaz_tokens)  # "the coalition Wakit Tama"
            elif _plural_people(ent) and not _shares_a_name(ent, ents):
                # "Local Serbs said": a people, not a person
                actor_type = ActorType.GROUP.value
                span = ent.doc[ent.root.i: ent.root.i + 1]
            elif self._named_place(ent, ents) or (len(ent) > 1 and ent[-1].text in _ADMIN_UNITS):
                actor_type = ActorType.LOCATION.value  # "near the town of Menaka", "fuel from Gao"
            elif actor_type != ActorType.PERSON.value and self._titled_as_person(ent):
                actor_type = ActorType.PERSON.value  # "Kabulov, the Russian envoy, said"
                span = self._with_first_names(ent, gaz_tokens)
                person_spans.append(span)
                titled.add(span.text)
                titled.add(ent.text)
            elif actor_type == ActorType.PERSON.value:
                trimmed = _trim_person(ent, words, gaz_tokens)
                if trimmed is None:
                    continue
                # "Celso Mabunda", "Raul Quispe Torres": names the NER left out of the span
                span = self._with_last_names(self._with_first_names(trimmed, gaz_tokens), gaz_tokens)
                span = self._with_verb_read_first_name(span)
                person_spans.append(span)
            elif ent.label_ == "NORP" and ent[-1].tag_ not in ("NNS", "NNPS"):
                continue  # "ex-Soviet", "Central Asian": attributes, not groups
            elif all(self._unit_word(t) or t.lower_ in words.role_nouns or t.lower_ in words.honorifics
                     or t.is_punct or t.pos_ == "DET" for t in ent):
                continue  # "General Secretary", "Defence" (of "Defence Secretary"), "the Interior Ministry"
            if ent.label_ == "ORG" and actor_type == ActorType.ORGANIZATION.value and described is None:
                actor_type = words.type_by_name(ent) or actor_type
            if actor_type != ActorType.PERSON.value:
                span = _without_trailing_lower(span)  # "Sisaket province", "the Islah party"
            if actor_type in _ORG_TYPES:
                for i in range(ent.start, ent.end):
                    affiliation[i] = actor_id(actor_type, clean_name(span.text))
            mentions.append(Mention(span=(span.start_char, span.end_char), text=span.text, type=actor_type))

        taken = {i for m in matches for i in range(m.start, m.end)} | {i for e in ents for i in range(e.start, e.end)}
        described_names = self._untagged_organisations(doc, taken, region_at)
        described_names += self._other_uses(doc, described_names, taken, region_at)
        for span, actor_type in described_names:
            taken.update(range(span.start, span.end))
            affiliation.update((i, actor_id(actor_type, clean_name(span.text))) for i in range(span.start, span.end))
            mentions.append(Mention(span=(span.start_char, span.end_char), text=span.text, type=actor_type))
        for span in self._untagged_people(doc, taken, region_at):
            person_spans.append(span)
            titled.add(span.text)
            taken.update(range(span.start, span.end))
            mentions.append(Mention(span=(span.start_char, span.end_char), text=span.text,
                                    type=ActorType.PERSON.value))
        # A name the parse showed to be a person is a person wherever else it occurs.
        mentions = [replace(m, type=ActorType.PERSON.value) if m.actor_id is None and m.text in titled else m
                    for m in mentions]
        mentions = self._acronym_definitions(doc, mentions, person_spans, affiliation, region_at)
        mentions.extend(self._references(doc, taken, region_at))
        mentions.sort(key=lambda m: m.span)
        return mentions, person_spans, affiliation

    def _acronym_definitions(self, doc: Doc, mentions: list[Mention], person_spans: list[SpacySpan],
                             affiliation: dict[int, str], region_at: dict[int, str]) -> list[Mention]:
        """"The main opposition Republican People's Party (CHP)": the name and its acronym are one
        actor (the gazetteer's when it knows either), and so is every other "CHP" in the text."""
        names = {m.span[1]: m for m in mentions if m.kind not in ("pronoun", "title")}
        for i in range(2, len(doc) - 1):
            if doc[i - 1].text != "(" or doc[i + 1].text != ")" or not _is_acronym(doc[i].text) \
                    or i in region_at:
                continue
            before = doc[i - 2]
            named = names.get(before.idx + len(before.text))
            span = doc.char_span(*named.span) if named is not None else None
            written = self._name_before(doc, i - 1, affiliation)
            if written is not None and (span is None or written.start < span.start):
                # the whole name when NER cut it ("Organisation for Economic Co-operation and
                # Development", "Bank of Korea"): what it found inside is part of it
                span, named = written, None
                mentions = [m for m in mentions if m.kind in ("pronoun", "title")
                            or not (m.span[0] < span.end_char and span.start_char < m.span[1])]
            if span is None:
                continue
            acronym = next((m for m in mentions if m.span == (doc[i].idx, doc[i].idx + len(doc[i]))), None)
            if named is not None and named.type in (ActorType.STATE.value, ActorType.LOCATION.value) \
                    and acronym is None:
                continue  # "rebels in Chad (FACT)": a known state is not renamed by an unknown acronym
            known = {m.actor_id for m in (named, acronym) if m is not None and m.actor_id}
            if len(known) > 1:
                continue  # the gazetteer knows both as different actors: trust it
            if known:
                target = known.pop()
                entry = self.gazetteer.get(target)
                kind = entry.type if entry else ActorType.ORGANIZATION.value
            else:
                kind = self._defined_type(span, named, person_spans)
                target = actor_id(kind, clean_name(span.text))
            person_spans[:] = [p for p in person_spans if p.start_char != span.start_char]
            mentions = [m for m in mentions if m is not named]
            mentions.append(Mention(span=(span.start_char, span.end_char), text=span.text, type=kind,
                                    actor_id=target, kind=named.kind if named is not None else "name"))
            mentions = self._acronym_uses(doc, doc[i].text, target, kind, mentions, affiliation, region_at)
            if kind in AFFILIATION_TYPES:
                affiliation.update((t.i, target) for t in span)
        return sorted(mentions, key=lambda m: m.span)

    def _defined_type(self, span: SpacySpan, named: Mention | None, person_spans: list[SpacySpan]) -> str:
        """A name defined with an acronym is an organisation unless spaCy and a title before it
        say person ("Crown Prince Mohammed bin Salman (MBS)"), or it is a place."""
        kind = named.type if named is not None else None
        if kind == ActorType.PERSON.value:
            words = span.doc[max(0, span.start - 1): span.end]
            titled = any(self._is_role(t) or t.lower_ in self.words.honorifics for t in words)
            return kind if titled else ActorType.ORGANIZATION.value
        if kind in (None, ActorType.GROUP.value):
            # "the main insurgent group, the Front for ... (FACT)": the description, then the name
            return self._described_as(span) or self.words.type_by_name(span) or ActorType.ORGANIZATION.value
        return kind

    @staticmethod
    def _acronym_uses(doc: Doc, acronym: str, target: str, kind: str, mentions: list[Mention],
                      affiliation: dict[int, str], region_at: dict[int, str]) -> list[Mention]:
        """Every stand-alone use of a defined acronym becomes a mention of its actor."""
        by_span = {m.span: m for m in mentions}
        for token in doc:
            if token.text != acronym or token.i in region_at:
                continue
            where = (token.idx, token.idx + len(token))
            if any(m.span != where and m.span[0] < where[1] and where[0] < m.span[1] for m in mentions):
                continue  # inside a longer name
            old = by_span.get(where)
            if old is not None:
                mentions.remove(old)
            mentions.append(Mention(span=where, text=token.text, type=kind, actor_id=target, kind="alias"))
            if kind in AFFILIATION_TYPES:
                affiliation[token.i] = target
        return mentions

    def _name_before(self, doc: Doc, paren: int, affiliation: dict[int, str]) -> SpacySpan | None:
        """The capitalised name written out before "(" ("Movement for Socialism"), which NER may
        have missed or cut; a known actor's possessive ends it ("Turkey's Republican ...")."""
        start = paren
        while start > 0 and paren - start < 10:
            token = doc[start - 1]
            if token.tag_ == "POS" and start - 2 >= 0 and self.gazetteer.get(affiliation.get(start - 2, "")):
                break
            if not ((token.is_title or token.is_upper) and token.is_alpha or token.lower_ in _NAME_CONNECTORS
                    or _inside_hyphenated(doc, start - 1)):
                break
            start -= 1
        while start < paren and (doc[start].lower_ in _NAME_CONNECTORS or doc[start].pos_ == "DET"
                                 or doc[start].text == "-"):
            start += 1  # "The Movement for ..." starts at "Movement"
        if start >= paren or doc[paren - 1].lower_ in _NAME_CONNECTORS:
            return None
        if paren - start == 1 and (doc[start].pos_ != "PROPN" or doc[start].is_sent_start):
            return None
        if any(t.lower_ == "in" for t in doc[start:paren]) and doc[start].pos_ != "PROPN":
            return None  # "Protests in Chad (...)": a sentence, not a name with its country in it
        return doc[start:paren]

    def _only_a_location(self, span: SpacySpan) -> bool:
        """A city named as where something happens: the object of a locative preposition
        ("told reporters in Ankara", "in Paris and Berlin"), unless it places a government unit
        that names no other owner ("the defence ministry in Ankara" is Turkey's)."""
        token = span.root
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head
        if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE_PREPS:
            return False
        owner = token.head.head
        if token.head.lower_ == "at" and owner.pos_ in ("VERB", "AUX"):
            return False  # "fired missiles at Kyiv", "lashed out at Washington": a target
        if owner.lemma_.lower() in _GOVERNMENT_UNITS or owner.lower_ in _GOVERNMENT_UNITS:
            named_owner = any((c.pos_ == "PROPN" or c.is_title) and c.lower_ not in self.words.department_words
                              and c.dep_ in _MODIFIER_DEPS | {"poss"} for c in owner.lefts)
            return named_owner
        return True

    @staticmethod
    def _unit_placed_in(span: SpacySpan) -> SpacySpan | None:
        """"the defence ministry" of "the defence ministry in Ankara", else None."""
        token = span.root
        if token.dep_ != "pobj" or token.head.lower_ not in ("in", "at"):
            return None
        unit = token.head.head
        if unit.pos_ != "NOUN" or unit.lemma_.lower() not in _GOVERNMENT_UNITS or unit.i > token.i:
            return None
        det = next((c for c in unit.lefts if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the" or any(c.pos_ == "PROPN" or c.dep_ == "poss" for c in unit.lefts):
            return None
        return span.doc[det.i: unit.i + 1]

    def _is_role(self, token) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and (token.lower_ in self.words.role_nouns
                                                    or token.lemma_.lower() in self.words.role_nouns)

    def _titled_as_person(self, span: SpacySpan) -> bool:
        """A name given a person's title by the parse: "X, the envoy", "the envoy, X", "Minister X"."""
        for token in span:
            if any(c.dep_ == "appos" and c.i >= span.end and self._is_role(c) for c in token.rights):
                return True
            if token.dep_ == "appos" and token.head.i < span.start and self._is_role(token.head):
                return True
            if token.dep_ == "appos" and token.head.i < span.start and token.head.dep_ == "pobj" \
                    and self._is_role(token.head.head.head):
                return True  # "the envoy for Yemen, Anders Lindqvist": the name hangs on "Yemen"
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is None or not self._is_role(before) or before.head.i not in range(span.start, span.end):
            return False
        if before.is_title:
            return True  # "Minister X"
        # "human rights lawyer Elena Vidal" that the NER calls an organisation: a lower-case title
        # counts before a name of two or more capitalised words, unless the title also fits a
        # body ("NATO member Turkey", "observer Palestine").
        return len(span) >= 2 and all(t.pos_ == "PROPN" and t.is_title for t in span) \
            and before.lower_ not in _TITLES_OF_BODIES

    def _name_word(self, token, gaz_tokens: set[int]) -> bool:
        """A capitalised word the NER left untagged that may belong to a name next to it."""
        return token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and token.i not in gaz_tokens \
            and token.lower_ not in self.words.role_nouns and token.lower_ not in self.words.honorifics \
            and not (token.is_sent_start and token.lower_ in self.common_nouns)  # "Hydrologist Ingrid Solberg"

    def _with_first_names(self, span: SpacySpan, gaz_tokens: set[int]) -> SpacySpan:
        """'Pablo Montoya' when spaCy tagged only 'Montoya': take the capitalised names before it."""
        doc, start = span.doc, span.start
        while start > 0 and self._name_word(doc[start - 1], gaz_tokens) and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i in range(start, span.end):
            start -= 1
        return doc[start: span.end]

    def _with_verb_read_first_name(self, span: SpacySpan) -> SpacySpan:
        """'Tsering Dolma Lama, a researcher, said': a first name opening the sentence that the
        tagger read as a verb ("Tsering" as a gerund) belongs to the name when the person is
        described by a title right after it; "Quoting Ana Ruiz, the ministry said" keeps its verb."""
        doc = span.doc
        if span.start == 0 or span.end + 1 >= len(doc):
            return span
        first = doc[span.start - 1]
        if not (first.is_sent_start and first.is_title and first.pos_ == "VERB" and not first.ent_type_):
            return span
        described = doc[span.end].text == "," and any(
            t.dep_ == "appos" and self._is_role(t) for t in doc[span.end + 1: span.end + 4])
        return doc[first.i: span.end] if described else span

    def _with_last_names(self, span: SpacySpan, gaz_tokens: set[int]) -> SpacySpan:
        """'Raul Quispe Torres' when spaCy tagged 'Raul Quispe': the untagged name word the span
        is a compound of is the surname that ends it."""
        doc, end = span.doc, span.end
        while end < len(doc) and self._name_word(doc[end], gaz_tokens) and doc[end - 1].dep_ == "compound" \
                and doc[end - 1].head.i == end and doc[end - 1].whitespace_:
            end += 1
        return doc[span.start: end]

    def _untagged_people(self, doc: Doc, taken: set[int], region_at: dict[int, str]) -> list[SpacySpan]:
        """Names spaCy's NER missed but the parse shows to be people (see _titled_as_person)."""
        found = []
        i, n = 0, len(doc)
        while i < n:
            j = i
            while j < n and doc[j].pos_ == "PROPN" and doc[j].is_title and j not in taken \
                    and j not in region_at and doc[j].lower_ not in self.words.role_nouns:
                j += 1
            if 1 <= j - i <= 4 and self._titled_as_person(doc[i:j]):
                found.append(doc[i:j])
            i = max(j, i + 1)
        return found

    def _described_as(self, span: SpacySpan) -> str | None:
        """The type a description next to a name gives: an appositive ("Codelco, the Chilean state
        copper company") or the noun the name modifies ("the Amaq news agency")."""
        for token in span:
            for child in token.rights:
                if child.dep_ == "appos" and child.i >= span.end and child.pos_ == "NOUN":
                    found = self.words.type_by_description(child)
                    if found is not None:
                        return found
        root = span.root
        described = []
        if root.dep_ == "compound" and root.head.i >= span.end:
            described.append(root.head)  # "the Amaq news agency", "the Islah party"
        if root.dep_ == "appos" and root.head.i < span.start and not self._owner_of_role(root.head):
            described.append(root.head)  # "the grid operator Elering"
        described += [c for c in root.lefts if c.dep_ == "compound" and c.i < span.start]  # "news site Civil.ge"
        # "the daily L'Express de Madagascar": a medium named by an adjective spaCy tags
        described += [c for c in root.lefts if c.dep_ == "amod" and c.i < span.start
                      and c.lower_ in self.words.media_nouns]
        for noun in described:
            found = self.words.type_by_description(noun) if noun.pos_ in ("NOUN", "ADJ") else None
            if found is not None:
                return found
        return None

    def _owner_of_role(self, noun) -> bool:
        """'the ruling party' in "a spokeswoman for the ruling party, Fanja Rasoanaivo": the name
        after it is the spokeswoman (the parse hangs it on the nearer noun), not the party."""
        prep = noun.head
        return noun.dep_ == "pobj" and prep.dep_ == "prep" and self._is_role(prep.head)

    @staticmethod
    def _other_uses(doc: Doc, found: list[tuple[SpacySpan, str]], taken: set[int],
                    region_at: dict[int, str]) -> list[tuple[SpacySpan, str]]:
        """Later uses of a name a description typed once ("the grid operator Elering ...
        Elering said"), where the NER tagged nothing."""
        more = []
        for span, actor_type in found:
            words = [t.text for t in span]
            for k in range(len(doc) - len(words) + 1):
                if k == span.start or any(i in taken or i in region_at for i in range(k, k + len(words))):
                    continue
                if [t.text for t in doc[k: k + len(words)]] == words and (k == 0 or not doc[k - 1].is_title):
                    end = k + len(words)
                    if end == len(doc) or not doc[end].is_title:
                        more.append((doc[k:end], actor_type))
        return more

    def _untagged_organisations(self, doc: Doc, taken: set[int],
                                region_at: dict[int, str]) -> list[tuple[SpacySpan, str]]:
        """Names spaCy's NER missed that a description shows to be organisations or media."""
        found = []
        i, n = 0, len(doc)
        while i < n:
            j = i
            while j < n and _name_like(doc[j]) and j not in taken \
                    and j not in region_at and doc[j].lower_ not in self.words.role_nouns:
                j += 1
            next_to_name = (i > 0 and i - 1 in taken) or j in taken  # "Media" of "Al-Nour Media"
            if 1 <= j - i <= 4 and not next_to_name:
                described = self._described_as(doc[i:j])
                if described is not None:
                    found.append((doc[i:j], described))
            i = max(j, i + 1)
        return found

    def _unit_word(self, token) -> bool:
        lower = token.lower_
        return lower in self.words.department_words or lower in self.words.sector_nouns \
            or lower in ("ministry", "department", "office", "coast", "guard", "navy", "army")

    def _named_place(self, ent: SpacySpan, ents: list[SpacySpan]) -> bool:
        """A name spaCy calls an organisation or person that the context shows to be a place."""
        if ent.label_ not in ("ORG", "PERSON") or any(self._unit_word(t) for t in ent):
            return False
        anchor = ent.root
        while anchor.dep_ == "conj" and anchor.head.i < anchor.i:
            anchor = anchor.head  # "attacked Mocimboa da Praia and Macomia": the first conjunct decides
        head = anchor.head
        if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PLACE_NOUNS:
            return True  # "the town of Menaka"
        if anchor.dep_ == "compound" and head.lower_ in _SITE_NOUNS:
            return True  # "the Natanz enrichment plant", "off the Essequibo coast"
        if anchor.dep_ == "pobj" and head.lower_ in ("to", "from") and head.i > 0 \
                and head.doc[head.i - 1].lemma_.lower() in _ROUTE_NOUNS:
            return True  # "the railway to Machu Picchu"
        if anchor.dep_ == "pobj" and head.lower_ in ("to", "toward", "towards") \
                and head.head.lemma_.lower() in _MOTION_LEMMAS:
            return True  # "fighting spread to El Obeid"
        if anchor.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in _ADVANCE_ON_LEMMAS:
            return True  # "threatened to advance on Bukavu"
        # A two-word person name ("John Smith") keeps its label in weaker contexts; a name with
        # a particle ("Mocimboa da Praia") or one word does not.
        if ent.label_ == "PERSON" and len(ent) > 1 and not any(t.lower_ in _NAME_PARTICLES for t in ent):
            return False
        # a person is reached too ("could not reach Smith for comment"): only a name spaCy
        # called an organisation is taken for a place there
        reached = _reached_place(anchor) and ent.label_ != "PERSON"
        if (_assault_target(anchor) or reached) and not self._known_actor(ent, ents):
            return True  # "insurgents attacked Macomia", "an attack on Palma", "could not reach Walikale"
        preps = self.words.place_prepositions | ({"from", "to"} if ent.label_ == "PERSON" else set())
        return anchor.dep_ == "pobj" and head.lower_ in preps

    def _known_actor(self, ent: SpacySpan, ents: list[SpacySpan]) -> bool:
        """Signs elsewhere in the text that a name is a person or an organisation: a title, a
        full name sharing its words, a description, or the name acting as a subject."""
        if _shares_a_name(ent, ents) or self._titled_as_person(ent) or self._described_as(ent) is not None \
                or self.words.type_by_name(ent) is not None:
            return True
        return any(t.text == ent.root.text and t.dep_ in _SUBJECT_DEPS for t in ent.doc)

    def _names_no_actor(self, ent: SpacySpan) -> bool:
        """Names that are no actor: a direction ("aid to the North"), a place adjective ("the
        Baltic states"), a counted population ("60 percent of Lithuanians"), a ship ("the
        warship BRP Sierra Madre") or a class of sites or people ("a World Heritage site", "no Kachin
        leader")."""
        root, head = ent.root, ent.root.head
        words = [t for t in ent if t.pos_ != "DET"]
        if len(words) == 1 and words[0].lower_ in _COMPASS_NAMES:
            return True
        if ent.label_ in ("LOC", "GPE", "NORP") and len(words) == 1 and head.pos_ == "NOUN" and (
                root.pos_ == "ADJ" and root.dep_ == "amod"
                or root.dep_ == "compound" and head.tag_ == "NNS" and head.lemma_.lower() in _CLASS_OF_STATES):
            return True
        if ent.label_ in ("NORP", "PERSON") and _counted_population(root):
            return True
        if ent[0].text in self.words.ship_prefixes or (
                root.dep_ in ("appos", "compound") and head.lemma_.lower() in self.words.vessel_nouns) or any(
                c.dep_ == "compound" and c.lemma_.lower() in self.words.vessel_nouns for c in root.lefts):
            return True
        if root.dep_ not in ("compound", "amod") or head.i < ent.end:
            return False
        det = next((c.lower_ for c in head.lefts if c.dep_ == "det"), None)
        if head.lower_ in _SITE_NOUNS | {"site", "sites"}:
            return det in ("a", "an", "no", "any", "every", "each")  # "a World Heritage site"
        # "No Kachin leader could sign": a kind of person, no one actor
        return det in ("no", "any", "every", "each") and self._is_role(head)

    def _shared_capital(self, ent: SpacySpan, named_ids: set[str]) -> str | None:
        """The state of an ambiguous capital ("Georgetown", "Kingston") in an article that names
        that state; None anywhere else (Georgetown may be in Malaysia or Washington)."""
        if ent.label_ not in ("GPE", "ORG", "LOC"):
            return None
        state = self.gazetteer.shared_capitals.get(ent.text)
        return state if state in named_ids else None

    def _possessive_state(self, ent: SpacySpan, affiliation: dict[int, str]) -> str | None:
        """The state owning a ministry named after its possessive: "South Korea's Unification
        Ministry" -> country:kr; None for any other name."""
        if ent.label_ != "ORG" or ent[-1].lower_ not in _MINISTRY_HEADS or ent.start < 2:
            return None
        if ent.doc[ent.start - 1].tag_ != "POS":
            return None
        owner = self.gazetteer.get(affiliation.get(ent.start - 2, ""))
        return owner.id if owner is not None and owner.type == ActorType.STATE.value else None

    def _state_unit(self, span: SpacySpan, entry_type: str, ents: list[SpacySpan], kind: str = "") -> str | None:
        """'Foreign Ministry' when spaCy's ORG is '<state or demonym> Foreign Ministry'."""
        if entry_type != ActorType.STATE.value:
            return None
        # "the Nepali Congress" is a party: a legislature goes by its state's name ("the US
        # Congress"), a party by the people's adjective
        party_like = kind == DEMONYM and span.end < len(span.doc) and span.doc[span.end].text == "Congress"
        for ent in ents:
            lead = ent.start + 1 if ent[0].pos_ == "DET" else ent.start
            if ent.label_ == "ORG" and lead == span.start and ent.end > span.end:
                rest = [t for t in ent.doc[span.end: ent.end] if t.tag_ != "POS"]
                if rest and all(self._unit_word(t) for t in rest) and not party_like:
                    return " ".join(t.text for t in rest)
        return None

    def _demonym_opens(self, span: SpacySpan, ent: SpacySpan) -> bool:
        """A demonym at the start of a 'name' that is no name of its own: no person's name starts
        with one ("Lithuanian Railways" read as a person), and one before a title is the title's
        state ("Philippine National Security Adviser X")."""
        lead = ent.start + 1 if ent[0].pos_ == "DET" else ent.start
        if lead != span.start:
            return False
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        return ent.label_ == "PERSON" or (after is not None and self._is_role(after))

    def _named_after_state(self, ent: SpacySpan, state: SpacySpan) -> bool:
        """An institution whose name ends with "of <state>": one of the usual heads ("Bank of
        Korea"), or a longer name headed by no state unit or title ("General Confederation of
        Workers of Peru", but "the Government of Peru" and "President of Peru" are the state's)."""
        if ent.doc[state.start - 2].lower_ in _INSTITUTION_HEADS:
            return True
        words = [t for t in ent.doc[ent.start: state.start - 1] if t.is_title]
        return len(words) >= 2 and not self._unit_word(ent.root) and not self._is_role(ent.root)

    def _inside_longer_name(self, span: SpacySpan, entry_type: str, ents: list[SpacySpan], kind: str) -> bool:
        """'Moscow' in 'Moscow State University', 'Jordan' in 'Michael Jordan': the longer name wins."""
        if entry_type not in (ActorType.STATE.value, ActorType.LOCATION.value):
            return False
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].lower_ in _NAME_PARTICLES and doc[span.start - 2].is_title:
            return True  # "Praia" in "Mocimboa da Praia"
        for ent in ents:
            if kind == DEMONYM and ent.label_ in ("ORG", "PERSON") and self._demonym_opens(span, ent):
                continue
            if ent.label_ == "ORG":
                # "the Press Trust of India news (agency)": the name without the description
                ent = SpacySpan(ent.doc, ent.start, _without_trailing_lower(ent).end, label=ent.label_)
            if ent.label_ in ("ORG", "PERSON", "FAC") and ent.start <= span.start and span.end <= ent.end \
                    and (ent.end - ent.start) > (span.end - span.start) and span.end < ent.end \
                    and (ent[-1].is_title or ent[-1].is_upper):
                return True
            if ent.label_ == "PERSON" and ent.start < span.start and span.end == ent.end \
                    and all(t.pos_ == "PROPN" for t in ent):
                return True
            if ent.label_ == "ORG" and ent.start < span.start - 1 and span.end == ent.end \
                    and span.doc[span.start - 1].lower_ == "of" and self._named_after_state(ent, span):
                return True  # "the University of Chile", "the General Confederation of Workers of Peru"
            if ent.label_ in ("ORG", "FAC") and ent.start < span.start - 1 and span.end < ent.end \
                    and span.doc[span.start - 1].lower_ in ("of", "for") and ent[-1].is_title:
                return True  # "the Centre for Nepal and Asian Studies" (joined after the NER cut it)
        return False

    @staticmethod
    def _regions(doc: Doc) -> dict[int, str]:
        """token index -> headline | byline | credit, for tokens in those lines."""
        regions = find_regions(doc.text, doc._.ng_document)
        if not regions:
            return {}
        out: dict[int, str] = {}
        for region in regions:
            span = doc.char_span(*region.span, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    out[i] = region.kind
        return out

    def _references(self, doc: Doc, taken: set[int], region_at: dict[int, str]) -> list[Mention]:
        """Subject pronouns and definite descriptions, left for coreference to resolve."""
        words = self.words
        out = []
        for token in doc:
            lower = token.lower_
            if token.i in taken or token.i in region_at:
                continue
            if token.pos_ == "PRON":
                if token.dep_ not in _SUBJECT_DEPS or lower not in ("he", "she", "it", "they"):
                    continue
                if lower == "it" and token.head.lemma_ in _NON_REFERRING_VERBS:
                    continue
                actor_type = ActorType.PERSON.value if lower in _PERSON_PRONOUNS else ActorType.ORGANIZATION.value
                out.append(Mention(span=(token.idx, token.idx + len(token)), text=token.text, type=actor_type,
                                   kind="pronoun"))
                continue
            if token.pos_ != "NOUN" or token.dep_ not in _NP_DEPS:
                continue
            is_role = lower in words.role_nouns
            group_types = words.group_nouns.get(lower)
            if not is_role and not group_types:
                continue
            det = next((c for c in token.lefts if c.dep_ == "det"), None)
            if det is None or det.lower_ not in ("the", "that", "this"):
                continue
            if any(c.dep_ in ("appos", "prep", "relcl", "acl") for c in token.rights) or \
                    any(c.pos_ == "PROPN" or c.i in taken and c.dep_ == "compound"
                        or c.is_title and not c.is_sent_start for c in token.lefts):
                continue  # "the envoy, Zamir Kabulov", "the head of X": not a back-reference
            actor_type = group_types[0] if group_types and not is_role else ActorType.PERSON.value
            out.append(Mention(span=(det.idx, token.idx + len(token)), text=doc[det.i: token.i + 1].text,
                               type=actor_type, kind="title"))
        return out


@Language.factory("newsgraph_actors_v1", assigns=["doc._.ng_mentions", "doc._.ng_roles"],
                  requires=["doc.ents", "token.dep"])
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, name)

