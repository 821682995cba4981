"""The shipped gazetteer: surface forms -> canonical entries (no spaCy needed)."""
from __future__ import annotations

import pytest

from newsgraph.gazetteer import load_gazetteer


@pytest.mark.parametrize("surface, entry_id, kind", [
    ("Russia", "country:ru", "name"),
    ("the Russian Federation", "country:ru", "alias"),
    ("Moscow", "country:ru", "metonym"),
    ("Kremlin", "country:ru", "metonym"),
    ("White House", "country:us", "metonym"),
    ("Downing Street", "country:gb", "metonym"),
    ("Zhongnanhai", "country:cn", "metonym"),
    ("Elysee", "country:fr", "metonym"),
    ("US", "country:us", "alias"),
    ("Americans", "country:us", "demonym"),
    ("Afghan", "country:af", "demonym"),
    ("Tajik", "country:tj", "demonym"),
    ("Bogota", "country:co", "metonym"),       # accent-folded capital
    ("Kosovo", "country:xk", "name"),          # a state pycountry does not list
    ("Tajiks", "group:tajiks", "name"),        # an ethnic group, not Tajikistan
    ("Central Asia", "place:central-asia", "name"),
    ("CSTO", "org:csto", "alias"),
    ("Collective Security Treaty Organization", "org:csto", "name"),
    ("Islamic Emirate", "org:taliban", "alias"),
    ("Daesh", "org:isis", "alias"),
    ("ISIL", "org:isis", "alias"),
    ("Al-Qaeda", "org:al-qaeda", "alias"),
    ("Asia Plus", "org:asia-plus", "alias"),
    ("Interfax", "org:interfax", "name"),
    ("Daesh’s", "org:isis", "alias"),          # possessive
])
def test_lookup(surface, entry_id, kind):
    hit = load_gazetteer().lookup(surface)
    assert hit is not None and (hit.entry.id, hit.kind) == (entry_id, kind)


@pytest.mark.parametrize("surface", [
    "Victoria", "Kingston", "Male", "Jerusalem",  # ambiguous capitals
    "Island",                                     # Iceland's native name folded: an English word
    "us", "States", "Asia-Pacific",               # case and partial names
])
def test_no_entry(surface):
    assert load_gazetteer().lookup(surface) is None


def test_every_state_has_an_iso_id_and_country():
    gaz = load_gazetteer()
    states = [e for e in gaz.entries.values() if e.type == "state"]
    assert len(states) >= 249
    assert all(e.id == f"country:{e.country.lower()}" for e in states)


def test_curated_types_are_contract_types():
    from newsgraph.model import ActorType

    assert {e.type for e in load_gazetteer().entries.values()} <= {t.value for t in ActorType}


@pytest.mark.parametrize("surface, is_city", [
    ("Ankara", True), ("Bogota", True), ("Bogotá", True), ("La Paz", True),
    ("Brussels", True),                       # the European Commission's city
    ("Kremlin", False), ("White House", False),  # seats of power are not cities
    ("Luxembourg", False), ("Kuwait", False),    # the state's own name wins over its capital
    ("Turkey", False), ("Russian", False),
])
def test_cities_among_metonyms(surface, is_city):
    assert load_gazetteer().is_city(surface) is is_city
