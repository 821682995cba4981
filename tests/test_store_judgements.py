"""Identity across documents: automatic surname links, and merge/split judgements that override
automatic identity and survive re-ingest."""
from __future__ import annotations

import pytest

from newsgraph import query
from newsgraph.errors import NotFound, UsageError
from newsgraph.store import list_judgements, merge, open_store, split

from store_helpers import border_batch, make_batch, second_batch


@pytest.fixture
def store(store_url):  # SQLite and PostgreSQL (tests/conftest_pg.py)
    with open_store(store_url) as s:
        s.write_batches([border_batch(), second_batch()])
        yield s


def speakers(store) -> set[str]:
    return {s["speaker"] for s in query.statements(store)}


@pytest.mark.parametrize("calls", [[["border"], ["second"]], [["second"], ["border"]], [["second", "border"]]])
def test_a_surname_in_one_article_is_the_full_name_of_another(calls):
    batches = {"border": border_batch(), "second": second_batch()}
    with open_store(":memory:") as s:
        for names in calls:  # separately, in either order, or in one transaction
            s.write_batches([batches[name] for name in names])
        assert speakers(s) == {"person:mira-talen", "org:corvin-front", "org:front"}
        assert [(j["kind"], j["a"], j["b"]) for j in list_judgements(s)] == [
            ("link", "person:mira-talen", "person:talen")]
        s.write_batches([batches["second"], batches["border"]])  # re-ingest links nothing twice
        assert len(list_judgements(s)) == 1


@pytest.mark.parametrize("people, linked", [
    ({"person:oskar-talen": ("Oskar Talen", "person", ["Oskar Talen"])}, False),  # two full names: abstain
    ({"person:oskar-vell": ("Oskar Vell", "person", ["Oskar Vell"])}, True),
    ({"org:talen": ("Talen", "organization", ["Talen"])}, True),  # only people are linked
])
def test_surname_link_abstains_when_two_people_share_the_surname(people, linked):
    other_text = "Oskar Talen and Oskar Vell met Talen officials on Friday."
    with open_store(":memory:") as s:
        s.write_batches([border_batch(), make_batch("doc:other", other_text, people)])
        s.write_batches([second_batch()])
        assert ("person:talen" not in speakers(s)) is linked


def test_split_undoes_an_automatic_link_for_good(store):
    split(store, "Mira Talen", "Talen")  # by names: the surname-only actor is the one linked
    assert {"person:mira-talen", "person:talen"} <= speakers(store)
    store.write_batches([second_batch(), border_batch()])
    assert {"person:mira-talen", "person:talen"} <= speakers(store)
    assert [j["kind"] for j in list_judgements(store)] == ["link", "split"]


def test_merge_folds_one_actor_into_another_and_survives_reingest(store):
    assert {"org:corvin-front", "org:front"} <= speakers(store)
    result = merge(store, "Corvin Front", "the front")  # names, case and "the" do not matter
    assert result == {"kind": "merge", "a": "org:corvin-front", "b": "org:front", "note": None}
    assert store.stats()["actors"] == 4
    assert "org:front" not in speakers(store)
    assert len(query.statements(store, speaker="org:front")) == 2  # the old id still finds it
    for _ in range(2):
        store.write_batches([second_batch(), border_batch()])
        assert "org:front" not in speakers(store)
        assert store.stats()["actors"] == 4
    front = query.actor(store, "Corvin Front")
    assert front["merged_ids"] == ["org:front"] and "The Front" in front["aliases"]


def test_split_undoes_a_merge_and_survives_reingest(store):
    merge(store, "org:corvin-front", "org:front")
    split(store, "org:corvin-front", "org:front")
    assert {"org:corvin-front", "org:front"} <= speakers(store)
    store.write_batches([border_batch(), second_batch()])
    assert {"org:corvin-front", "org:front"} <= speakers(store)


def test_split_of_an_alias_moves_its_mentions_to_a_new_actor(store):
    result = split(store, "Ostria", "Ostrian officials", new_id="group:ostrian-officials")
    assert result["new_id"] == "group:ostrian-officials"
    assert "Ostrian officials" not in query.actor(store, "country:os")["aliases"]
    officials = query.actor(store, "group:ostrian-officials")
    assert officials["mentions"] == 1 and officials["type"] == "state"
    store.write_batches([second_batch()])  # re-ingest keeps the split
    assert query.actor(store, "group:ostrian-officials")["mentions"] == 1
    assert "Ostrian officials" not in query.actor(store, "country:os")["aliases"]
    assert query.actor(store, "Ostrian officials")["id"] == "group:ostrian-officials"


def test_a_later_merge_in_the_opposite_direction_wins(store):
    merge(store, "org:corvin-front", "org:front")
    merge(store, "org:front", "org:corvin-front")
    ids = {a["id"] for a in query.actors(store, type="armed_group")}
    assert ids == {"org:front"}


@pytest.mark.parametrize("call, error", [
    (lambda s: merge(s, "Nobody Known", "org:front"), NotFound),
    (lambda s: merge(s, "org:front", "The Front"), UsageError),  # the same actor
    (lambda s: split(s, "country:os", "Valdoria"), NotFound),  # not an alias of Ostria
    (lambda s: split(s, "Nobody Known", "x"), NotFound),
])
def test_bad_judgements_are_refused_and_change_nothing(store, call, error):
    before, judged = store.stats(), list_judgements(store)
    with pytest.raises(error):
        call(store)
    assert store.stats() == before
    assert list_judgements(store) == judged
