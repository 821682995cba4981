"""The event trigger lexicon: data files under extract/data, loaded once per process.

`event_triggers.tsv` lists verbs and nouns with their PLOVER type, mode, where the target is
read from and what the parse must show ("obj:@agreements": the object names an agreement).
`event_governors.tsv` lists words that change an embedded event ("threatened to cut off",
"denied that ... had taken place"). `event_actor_nouns.txt` lists head nouns that name actors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..model import EventType, QuadClass
from ..model.enums import QUAD_CLASS


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lemma: str  # verb or noun lemma
    pos: str  # VERB or NOUN
    type: str  # EventType value
    mode: str | None  # None, a fixed mode, or "@aid" (read from the object)
    targets: tuple[str, ...]  # where to read the target, in order of preference
    particle: str | None = None  # "out" in "reach out"
    obj_words: frozenset[str] | None = None  # the object's lemma must be one of these
    obj_excluded: frozenset[str] | None = None  # the object must not be one of these ("met the conditions")
    needs_obj: bool = False
    intransitive: bool = False
    needs_xcomp: bool = False  # "declined to comment" needs the infinitive
    ccomp_words: frozenset[str] | None = None  # the clausal complement's verb must be one of these
    needs_target: bool = False  # the target must be an actor
    preps: tuple[frozenset[str], ...] = ()  # each: the verb must have one of these prepositions
    mods: frozenset[str] | None = None  # (nouns) a modifier among these is required
    line: int = 0  # where the rule is written, for debugging


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[TriggerRule]] = field(default_factory=dict)
    nouns: dict[str, list[TriggerRule]] = field(default_factory=dict)
    governors: dict[str, str] = field(default_factory=dict)  # word -> class
    actor_nouns: frozenset[str] = frozenset()
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict)


def _data(name: str) -> str:
    return resources.files("newsgraph.extract").joinpath("data", name).read_text(encoding="utf-8")


def _rows(text: str):
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield number, line.split("\t")


def _words(spec: str, sets: dict[str, frozenset[str]]) -> frozenset[str]:
    out: set[str] = set()
    for part in spec.split("|"):
        if part.startswith("@"):
            if part[1:] not in sets:
                raise ValueError(f"event_triggers.tsv: unknown word set {part}")
            out |= sets[part[1:]]
        elif part:
            out.add(part.lower())
    return frozenset(out)


def parse_triggers(text: str) -> tuple[dict[str, list[TriggerRule]], dict[str, list[TriggerRule]], dict]:
    """Parse the trigger table; raises ValueError naming the line on a malformed row."""
    sets: dict[str, frozenset[str]] = {}
    verbs: dict[str, list[TriggerRule]] = {}
    nouns: dict[str, list[TriggerRule]] = {}
    valid_types = {t.value for t in EventType}
    for number, cols in _rows(text):
        if cols[0].startswith("@"):
            sets[cols[0][1:]] = frozenset(w.lower() for w in cols[1].split())
            continue
        if len(cols) != 6:
            raise ValueError(f"event_triggers.tsv line {number}: expected 6 columns, got {len(cols)}")
        trigger, pos, etype, mode, target, needs = cols
        if etype not in valid_types or pos not in ("VERB", "NOUN"):
            raise ValueError(f"event_triggers.tsv line {number}: bad type or pos ({etype}, {pos})")
        lemma, _, particle = trigger.partition(" ")
        kwargs: dict = {}
        preps = []
        for need in ([] if needs == "-" else needs.split(",")):
            key, _, value = need.partition(":")
            if key == "obj" and value:
                kwargs["obj_words"] = _words(value, sets)
                kwargs["needs_obj"] = True
            elif key == "obj":
                kwargs["needs_obj"] = True
            elif key == "notobj" and value:
                kwargs["obj_excluded"] = _words(value, sets)
            elif key == "prt":
                particle = value
            elif key == "prep":
                preps.append(frozenset(value.split("|")))
            elif key == "mod":
                kwargs["mods"] = _words(value, sets)
            elif key == "target":
                kwargs["needs_target"] = True
            elif key == "intrans":
                kwargs["intransitive"] = True
            elif key == "xcomp":
                kwargs["needs_xcomp"] = True
            elif key == "ccomp" and value:
                kwargs["ccomp_words"] = _words(value, sets)
            else:
                raise ValueError(f"event_triggers.tsv line {number}: unknown condition {need!r}")
        rule = TriggerRule(lemma=lemma.lower(), pos=pos, type=etype, mode=None if mode == "-" else mode,
                           targets=tuple(t for t in target.split(",") if t and t != "-"),
                           particle=particle or None, preps=tuple(preps), line=number, **kwargs)
        (verbs if pos == "VERB" else nouns).setdefault(rule.lemma, []).append(rule)
    return verbs, nouns, sets


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    verbs, nouns, sets = parse_triggers(_data("event_triggers.tsv"))
    governors = {cols[0].lower(): cols[1] for _, cols in _rows(_data("event_governors.tsv"))}
    actor_nouns = frozenset(cols[0].lower() for _, cols in _rows(_data("event_actor_nouns.txt")))
    return Lexicon(verbs=verbs, nouns=nouns, governors=governors, actor_nouns=actor_nouns, word_sets=sets)


# Mode of an AID event read from what is given ("a shipment of small arms" -> military).
def aid_mode(words: set[str]) -> str | None:
    sets = load_lexicon().word_sets
    for mode, name in (("military", "military_goods"), ("humanitarian", "humanitarian_goods"),
                       ("economic", "economic_goods")):
        if words & sets[name]:
            return mode
    return None


_COOPERATION = {QuadClass.VERBAL_COOPERATION, QuadClass.MATERIAL_COOPERATION}


def plover_code(event_type: str, modality: str) -> str:
    """The category PLOVER gives a record: an announced future act is coded as its intent.

    PLOVER codes "will send aid" / "will visit" as AGREE (intent to cooperate) and "would
    blockade" as THREATEN; newsgraph keeps the act's own type with modality `planned` (so
    "Russia would be sending arms" stays AID), and this function gives the PLOVER reading.
    """
    if modality != "planned":
        return event_type
    quad = QUAD_CLASS[EventType(event_type)]
    if quad in _COOPERATION and event_type != "AGREE":
        return "AGREE"
    if quad == QuadClass.MATERIAL_CONFLICT and event_type != "MOBILIZE":
        return "THREATEN"
    return event_type
