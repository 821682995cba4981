"""Acceptance on the seed article (issue 5, point 1) and event deduplication in the store."""
from __future__ import annotations

import pytest

from newsgraph.model import Document

REAL = {"asserted", "reported", "planned"}


@pytest.fixture(scope="module")
def seed_events(pipeline, seed_text):
    # The seed carries no machine-readable publication date; the article appeared on 2016-01-05.
    batch = pipeline.process(Document(id="seed", text=seed_text, published="2016-01-05"))
    return batch, list(batch.events)


def _find(events, etype, source, target=None):
    return [e for e in events if e.type == etype and e.source == source and (target is None or e.target == target)]


def test_russia_reaches_out_to_the_taliban(seed_events):
    _, events = seed_events
    found = [e for e in events if e.type in ("CONSULT", "COOPERATE") and e.source == "country:ru"
             and e.target == "org:taliban"]
    assert found and all(e.modality in REAL for e in found)


def test_small_arms_for_kabul_are_planned_aid_in_february(seed_events):
    batch, events = seed_events
    (aid,) = _find(events, "AID", "country:ru", "country:af")
    assert (aid.mode, aid.modality, aid.date) == ("military", "planned", "2016-02")
    speakers = {s.id: s.speaker for s in batch.statements}
    if aid.attributed_to is not None:  # the statements component found Kabulov's statement
        assert "kabulov" in (speakers.get(aid.attributed_to) or "")


def test_csto_exercise_is_mobilization_and_the_invasion_only_a_scenario(seed_events):
    _, events = seed_events
    assert _find(events, "MOBILIZE", "org:csto")
    invasions = _find(events, "ASSAULT", "org:taliban")
    invasions = [e for e in invasions if e.trigger.lower().startswith("invasion")]
    assert invasions and all(e.modality == "hypothetical" for e in invasions)


def test_taliban_kidnap_tajik_and_clash_with_turkmen_border_guards(seed_events):
    _, events = seed_events
    (kidnap,) = [e for e in events if e.type in ("ASSAULT", "COERCE") and e.source == "org:taliban"
                 and e.target == "country:tj"]
    assert kidnap.modality == "asserted" and kidnap.mode == "abduct"
    assert "border guards" in kidnap.target_text
    (clash,) = _find(events, "ASSAULT", "org:taliban", "country:tm")
    assert clash.modality == "asserted"


def test_american_invasion_is_at_most_reported(seed_events):
    _, events = seed_events
    american = [e for e in events if e.source == "country:us"]
    assert all(e.modality != "asserted" for e in american)


def test_no_asserted_event_from_opinions_and_scenarios(seed_events):
    _, events = seed_events
    asserted = {(e.type, e.source, e.target) for e in events if e.modality == "asserted"}
    # Only the outreach, the kidnapping, the clash and the exercise are told as facts by the article.
    allowed = {("ASSAULT", "org:taliban", "country:tj"), ("ASSAULT", "org:taliban", "country:tm"),
               ("MOBILIZE", "org:csto", None), ("MOBILIZE", "org:csto", "org:taliban"),
               ("CONSULT", "country:ru", "org:taliban")}
    assert asserted <= allowed


# --- deduplication across documents in the store -------------------------------------------------

REPORT_A = "On 3 March 2016, Kenya expelled two Somali diplomats from Nairobi, officials said."
REPORT_B = "Kenya expelled two Somali diplomats on 3 March 2016. The move angered Mogadishu."


def test_same_event_in_two_documents_is_one_event_with_two_reports(pipeline):
    from newsgraph.query.events import events as query_events
    from newsgraph.store import open_store

    batches = [pipeline.process(Document(id=f"doc-{i}", text=text, published="2016-03-04"))
               for i, text in enumerate((REPORT_A, REPORT_B))]
    ids = [{e.id for e in b.events if e.type == "SANCTION"} for b in batches]
    assert ids[0] and ids[0] == ids[1], "the same expulsion must get the same content-derived id"
    store = open_store(":memory:")
    try:
        store.write_batches(batches)
        store.write_batches(batches)  # re-ingest: no duplicates
        rows = [r for r in query_events(store, type="SANCTION") if r["id"] in ids[0]]
        assert len(rows) == 1
        assert {r["document_id"] for r in rows[0]["reports"]} == {"doc-0", "doc-1"}
    finally:
        store.close()
