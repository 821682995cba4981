"""The gazetteer: states, organisations, armed groups, media, ethnic groups and regions.

A base layer that imports only ``newsgraph.model``, so that both extract/ (NER correction)
and resolve/ (canonical ids) can use it. The data are files written for the project under
``data/``: ``states.json`` (generated once from pycountry and countryinfo by
``build_states.py``), ``states_extra.yaml`` (seats of power, short names, demonyms),
``organizations.yaml`` and ``groups.yaml``.

Every surface form maps to one entry and a *kind* saying how it names the entry:
``name``, ``alias``, ``metonym`` (a capital or seat of power: "Moscow", "the Kremlin") or
``demonym`` ("Russian", "Americans"). When two entries claim the same surface, the curated
files win over generated state data, and among states the more populous one wins.
``Gazetteer.cities`` keeps the metonyms that are also cities (capitals, "Brussels" for the
European Commission): where such a name is only a location ("told reporters in Ankara") it
names a place, not the actor (extract/actors.py decides).
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from ..model import ActorType
from ..model.ids import actor_id, country_actor_id

DATA = Path(__file__).with_name("data")

NAME, ALIAS, METONYM, DEMONYM = "name", "alias", "metonym", "demonym"

try:  # the C loader reads the curated files several times faster
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass(frozen=True, slots=True)
class Entry:
    """One known actor: canonical id, display name, type, country and other names."""

    id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    kind: str  # name | alias | metonym | demonym


def fold_accents(text: str) -> str:
    """'Bogota' for 'Bogotá'; text with letters that do not fold to ASCII stays as it is."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return folded if len(folded) == len(unicodedata.normalize("NFC", text)) else text


def surface_variants(text: str, kind: str = NAME) -> list[str]:
    """The spellings one listed name is matched under (matching is case-sensitive)."""
    text = " ".join(text.split())
    out = [text]
    if kind == METONYM:
        # Capitals: "Bogota" for "Bogotá" (native state names are not folded: "Ísland" is
        # not "Island").
        folded = fold_accents(text)
        if folded != text:
            out.append(folded)
    if text[:1].islower():
        out.append(text[0].upper() + text[1:])  # "al-Qaeda" at a sentence start
    if text.startswith("The "):
        out.append("the " + text[4:])
    return out


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    surfaces: dict[str, tuple[str, str]] = field(default_factory=dict)  # surface -> (id, kind)
    cities: set[str] = field(default_factory=set)  # metonym surfaces that are cities ("Ankara")
    # Capitals too ambiguous to match everywhere ("Georgetown", "Kingston") -> their state's id:
    # the extractor uses one only in an article that names that state.
    shared_capitals: dict[str, str] = field(default_factory=dict)

    def add(self, entry: Entry, names: Iterable[tuple[str, str]], override: bool = False) -> None:
        """Register an entry under (surface, kind) pairs; earlier claims win unless override."""
        if override or entry.id not in self.entries:
            self.entries[entry.id] = entry
        for surface, kind in names:
            for variant in surface_variants(surface, kind):
                if override or variant not in self.surfaces:
                    self.surfaces[variant] = (entry.id, kind)

    def add_cities(self, entry: Entry, cities: Iterable[str]) -> None:
        """Register city metonyms of an entry; a city whose name another entry owns, or that
        is the entry's own name ("Luxembourg", "Kuwait"), stays what that name is."""
        for city in cities:
            for variant in surface_variants(city, METONYM):
                if self.surfaces.get(variant) == (entry.id, METONYM):
                    self.cities.add(variant)

    def is_city(self, surface: str) -> bool:
        return " ".join(surface.split()) in self.cities

    def lookup(self, text: str) -> Hit | None:
        """The entry a surface form names: exact, then without a leading article or a possessive."""
        text = " ".join(text.split())
        for candidate in _candidates(text):
            found = self.surfaces.get(candidate)
            if found:
                return Hit(self.entries[found[0]], found[1])
        return None

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def patterns(self) -> dict[str, list[str]]:
        """Matcher keys ("<id>|<kind>") -> surface forms, for building a PhraseMatcher."""
        by_key: dict[str, list[str]] = {}
        for surface, (entry_id, kind) in self.surfaces.items():
            by_key.setdefault(f"{entry_id}|{kind}", []).append(surface)
        return by_key

    def extended(self, entries: Iterable[Entry]) -> "Gazetteer":
        """A copy with user entries added; their names override the shipped ones."""
        out = Gazetteer(dict(self.entries), dict(self.surfaces), set(self.cities), dict(self.shared_capitals))
        for entry in entries:
            out.add(entry, [(entry.name, NAME)] + [(a, ALIAS) for a in entry.aliases], override=True)
        return out


def _candidates(text: str) -> list[str]:
    out = [text]
    for article in ("the ", "The "):
        if text.startswith(article):
            out.append(text[len(article):])
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            out.extend(c[: -len(suffix)] for c in list(out))
            break
    return out


def clean_name(text: str) -> str:
    """A name as an id is made from it: one space between words, no article, no possessive."""
    text = " ".join(text.split())
    for article in ("the ", "The "):
        if text.startswith(article) and len(text) > len(article):
            text = text[len(article):]
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.rstrip("'’")


def _read_yaml(name: str):
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)


def _strip_article(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


def _regular_plural(demonym: str) -> str | None:
    """'Cypriots', 'Kenyans', 'Pakistanis': the plural of a one-word demonym whose plural only adds
    an s; None for the ones that do not ("Swiss", "Chinese", "French") or are several words."""
    if " " in demonym or not demonym.endswith(("an", "i", "ot", "er")) or demonym.endswith("ese"):
        return None
    return demonym + "s"


def _add_states(gaz: Gazetteer) -> None:
    states = json.loads((DATA / "states.json").read_text(encoding="utf-8"))
    extra = _read_yaml("states_extra.yaml")
    drop_capitals = set(extra.get("drop_capitals") or ())
    drop_demonyms = set(extra.get("drop_demonyms") or ())
    drop_names = set(extra.get("drop_names") or ())
    contested = set(extra.get("contested_capitals") or ())
    curated = extra.get("states") or {}
    known = {s["iso2"] for s in states}
    for iso2, more in curated.items():
        if iso2 not in known and more.get("name"):  # a state pycountry does not list (Kosovo)
            states.append({"iso2": iso2, "name": more["name"], "names": [], "capitals": [],
                           "demonyms": [], "population": 0})
    # Populous states first, so that a shared surface ("Congolese") goes to the larger one.
    states.sort(key=lambda s: -int(s.get("population") or 0))
    # Curated names, seats and demonyms first: they are more specific than generated ones.
    for state in states:
        more = curated.get(state["iso2"]) or {}
        entry = _state_entry(state, more)
        gaz.add(entry, [(n, ALIAS) for n in more.get("names", [])]
                + [(m, METONYM) for m in more.get("metonyms", []) + more.get("capitals", [])]
                + [(d, DEMONYM) for d in more.get("demonyms", []) + more.get("plurals", [])])
        gaz.add_cities(entry, more.get("capitals", []))
    for state in states:
        entry = gaz.entries[country_actor_id(state["iso2"])]
        names = [(entry.name, NAME)] + [(_strip_article(n), ALIAS) for n in state["names"] if n not in drop_names]
        capitals = [(c, METONYM) for c in state["capitals"]
                    if c not in drop_capitals and fold_accents(c) not in drop_capitals]
        for capital in state["capitals"]:
            if capital in drop_capitals and capital not in contested:
                gaz.shared_capitals.setdefault(capital, country_actor_id(state["iso2"]))
        demonyms = [(d, DEMONYM) for d in state["demonyms"] if d not in drop_demonyms]
        demonyms += [(plural, DEMONYM) for d, _ in demonyms if (plural := _regular_plural(d))]
        gaz.add(entry, names + capitals + demonyms)
        gaz.add_cities(entry, [c for c, _ in capitals])


def _state_entry(state: dict, more: dict) -> Entry:
    aliases = [n for n in state["names"]] + list(more.get("names", ()))
    return Entry(id=country_actor_id(state["iso2"]), name=state["name"], type=ActorType.STATE.value,
                 country=state["iso2"], aliases=tuple(dict.fromkeys(aliases)))


def entry_from_record(record: dict, where: str = "") -> Entry:
    """An Entry from a {id?, name, type, country?, aliases?} mapping (curated or user file)."""
    name = str(record["name"]).strip()
    kind = str(record.get("type") or ActorType.ORGANIZATION.value)
    ActorType(kind)  # raises ValueError naming the bad type
    country = record.get("country")
    return Entry(id=str(record.get("id") or actor_id(kind, name)), name=name, type=kind,
                 country=str(country).upper() if country else None,
                 aliases=tuple(str(a) for a in record.get("aliases") or ()))


def _add_curated(gaz: Gazetteer) -> None:
    for record in _read_yaml("organizations.yaml"):
        entry = entry_from_record(record)
        cities = [str(c) for c in record.get("cities") or ()]  # "Brussels" for the Commission
        gaz.add(entry, [(entry.name, NAME)] + [(a, ALIAS) for a in entry.aliases]
                + [(c, METONYM) for c in cities], override=True)
        gaz.add_cities(entry, cities)
    groups = _read_yaml("groups.yaml")
    for kind, records in ((ActorType.GROUP, groups["groups"]), (ActorType.LOCATION, groups["locations"])):
        for record in records:
            entry = entry_from_record({**record, "type": kind.value})
            gaz.add(entry, [(entry.name, NAME)] + [(a, ALIAS) for a in entry.aliases], override=True)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, built once per process."""
    gaz = Gazetteer()
    _add_states(gaz)
    _add_curated(gaz)  # curated organisations and groups override generated state surfaces
    return gaz


__all__ = ["ALIAS", "DEMONYM", "Entry", "clean_name", "Gazetteer", "Hit", "METONYM", "NAME", "entry_from_record",
           "load_gazetteer", "surface_variants"]
