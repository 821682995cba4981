"""Acceptance point 1 of the actors issue, on the seed article (skips without ../shared)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def actors(seed_batch):
    return {a.id: a for a in seed_batch.actors}


@pytest.mark.parametrize("actor_id, actor_type", [
    ("country:ru", "state"), ("org:taliban", "armed_group"), ("org:isis", "armed_group"),
    ("person:zamir-kabulov", "person"), ("country:af", "state"), ("country:us", "state"),
    ("org:nato", "organization"), ("org:csto", "organization"), ("person:nikolay-bordyuzha", "person"),
    ("person:alexander-knyazev", "person"), ("person:noah-tucker", "person"), ("org:asia-plus", "media"),
    ("org:interfax", "media"), ("country:tj", "state"), ("country:tm", "state"), ("country:uz", "state"),
    ("country:sy", "state"),
])
def test_seed_actor_found_with_type(actors, actor_id, actor_type):
    assert actor_id in actors and actors[actor_id].type == actor_type


@pytest.mark.parametrize("actor_id, alias", [
    ("country:ru", "Moscow"), ("country:ru", "Kremlin"), ("country:ru", "Russian Federation"),
    ("org:taliban", "Islamic Emirate"), ("org:isis", "Daesh"), ("org:csto", "CSTO"),
    ("org:csto", "Collective Security Treaty Organization"), ("person:zamir-kabulov", "Kabulov"),
    ("person:nikolay-bordyuzha", "Bordyuzha"),
])
def test_seed_names_merged(actors, actor_id, alias):
    assert alias in actors[actor_id].aliases


@pytest.mark.parametrize("actor_id, title, of, country", [
    ("person:zamir-kabulov", "special envoy to Afghanistan", "country:ru", "RU"),
    ("person:nikolay-bordyuzha", "General Secretary", "org:csto", None),
    ("person:alexander-knyazev", "analyst", "country:ru", "RU"),
    ("person:noah-tucker", "Central Asia analyst", "country:us", "US"),
])
def test_seed_roles(actors, actor_id, title, of, country):
    actor = actors[actor_id]
    assert any(r.title == title and r.of == of for r in actor.roles)
    assert actor.country == country


@pytest.mark.parametrize("fragment", ["Russian Outreach", "Guest Contributor", "Joshua Kucera", "Outreach"])
def test_seed_headline_and_byline_fragments_are_not_actors(seed_batch, fragment):
    assert all(fragment not in a.aliases and a.name != fragment for a in seed_batch.actors)


def test_seed_pronoun_he_resolves_to_knyazev(seed_batch, seed_text):
    start = seed_text.index("he said in an interview")
    # Through the Batch: the pronoun mention carries Knyazev's id.
    mention = next(m for m in seed_batch.mentions if m.span == (start, start + 2))
    assert mention.actor_id == "person:alexander-knyazev"
