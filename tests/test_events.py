"""Event extraction: tables of sentences written for newsgraph, with the events they must give
and many that must give none (opinions, denials, scenarios, conditionals, questions, headlines)."""
from __future__ import annotations

import pytest

from newsgraph.extract.event_lexicon import load_lexicon, parse_triggers, plover_code
from newsgraph.model import Document, EventType

REAL = {"asserted", "reported", "planned"}


def events_of(pipeline, text: str, published: str | None = "2016-01-05"):
    return pipeline.process(Document(id="t", text=text, published=published)).events


def _matches(event, etype, source, target) -> bool:
    if event.type != etype:
        return False
    if source and source.lower() not in f"{event.source} {event.source_text}".lower():
        return False
    return not target or target.lower() in f"{event.target} {event.target_text}".lower()


# sentence, type, source (id or words), target (id or words, None: any), modality
POSITIVE = [
    ("Norway sent 200 tonnes of food to Sudan on Monday.", "AID", "Norway", "Sudan", "asserted"),
    ("Chinese troops attacked an Indian border post on Sunday.", "ASSAULT", "Chinese", "Indian", "asserted"),
    ("Gunmen kidnapped three French aid workers in northern Mali.", "ASSAULT", "Gunmen", "French", "asserted"),
    ("Kenya expelled two Somali diplomats on Friday.", "SANCTION", "Kenya", "Somali", "asserted"),
    ("Police arrested forty protesters in Istanbul.", "COERCE", "Police", "protesters", "asserted"),
    ("Pakistan accused India of violating the ceasefire.", "ACCUSE", "Pakistan", "India", "asserted"),
    ("Germany praised Greece's economic reforms.", "SUPPORT", "Germany", "Greece", "asserted"),
    ("Iran rejected the European proposal on Tuesday.", "REJECT", "Iran", "European", "asserted"),
    ("Ukraine withdrew its troops from the town.", "RETREAT", "Ukraine", None, "asserted"),
    ("The United Nations urged Myanmar to release political prisoners.", "REQUEST", "United Nations", "Myanmar",
     "asserted"),
    ("Turkey threatened to cut off water supplies to Iraq.", "THREATEN", "Turkey", "Iraq", "asserted"),
    ("Workers protested against the new labour law in Lagos.", "PROTEST", "Workers", None, "asserted"),
    ("The government imposed a curfew in Kandahar.", "COERCE", "government", None, "asserted"),
    ("A convoy was ambushed by Taliban fighters near Kandahar.", "ASSAULT", "Taliban", None, "asserted"),
    ("Egypt and Jordan signed a trade agreement on Tuesday.", "AGREE", "Egypt", "Jordan", "asserted"),
    ("Hungarian and Romanian officials held talks in Budapest.", "CONSULT", "Hungar", "Romania", "asserted"),
    ("Vietnam will open talks with Cambodia next month.", "CONSULT", "Vietnam", "Cambodia", "planned"),
    ("Japan will give Vietnam a loan of 500 million dollars.", "AID", "Japan", "Vietnam", "planned"),
    ("Russia plans to deploy troops to the border with Georgia.", "MOBILIZE", "Russia", None, "planned"),
    ("The ministry said that Egyptian police arrested twelve activists.", "COERCE", "Egyptian", None, "reported"),
    ("Brazil has established diplomatic relations with Bhutan.", "SUPPORT", "Brazil", "Bhutan", "asserted"),
    ("Israeli aircraft bombed targets in Gaza overnight.", "ASSAULT", "Israel", None, "asserted"),
    # the everyday news of meetings, calls and complaints
    ("Obama spoke by phone with Merkel about the crisis in Ukraine.", "CONSULT", "Obama", "Merkel", "asserted"),
    ("Kenya hosted Ethiopian Prime Minister Abiy Ahmed on Tuesday.", "CONSULT", "Kenya", "Abiy", "asserted"),
    ("The Philippines filed a complaint against China over the islands.", "ACCUSE", "Philippines", "China",
     "asserted"),
    ("France and Germany called for an immediate ceasefire in Gaza.", "REQUEST", "France", None, "asserted"),
    ("The European Union extended sanctions against Russia for six months.", "SANCTION", "European Union",
     "Russia", "asserted"),
    ("India and Pakistan exchanged fire across the border overnight.", "ASSAULT", "India", "Pakistan", "asserted"),
    ("The government should release all political prisoners, Amnesty International said.", "REQUEST",
     "Amnesty", "government", "reported"),
]


@pytest.mark.parametrize("text,etype,source,target,modality", POSITIVE)
def test_sentence_gives_event(pipeline, text, etype, source, target, modality):
    events = events_of(pipeline, text)
    found = [e for e in events if _matches(e, etype, source, target)]
    assert found, f"no {etype} {source}->{target} in {[(e.type, e.source_text, e.target_text) for e in events]}"
    assert found[0].modality == modality
    assert found[0].trigger and found[0].span[0] <= text.index(found[0].trigger) < found[0].span[1]


# Sentences that state no event as a fact: nothing, or only negated / hypothetical records.
NO_EVENT = [
    "Analysts believe that a war between the two countries would be a disaster.",
    "Experts agree that the reforms will take years.",
    "The French president said he was optimistic about the economy.",
    "Relations between Cuba and the United States remain tense.",
    "The weather in Kabul was cold on Monday.",
    "A cyclist died after colliding with a truck on a country road.",
    "Nobody has claimed responsibility for the attack.",
    "The Taliban denied that they had attacked the convoy.",
    "Russia did not send troops to Ukraine.",
    "Neither side has agreed to a ceasefire.",
    "The drill simulated a scenario of a Chinese invasion of Taiwan.",
    "If Iran attacks Israel, the United States will respond.",
    "Officials are considering sending aid to the region.",
    "Will Russia invade Ukraine?",
    "Why did Serbia expel the diplomats?",
    "Russia Invades Ukraine As Talks Collapse",
    "Kenya Expels Somali Diplomats",
    "The prime minister may visit Ankara if the talks go well.",
    "Egypt could impose sanctions on Sudan, diplomats warned.",
    "The violence could spread to neighbouring countries.",
    "The fight against terrorism is a priority for the region.",
    "Russia has been portrayed as a threat by its neighbours.",
    "The spokesman declined to comment on the report.",
    "The foreign minister said on Tuesday that relations with Beijing were improving.",
    "The two leaders discussed trade, security and climate change.",
    "Prices rose sharply in March, the statistics office said.",
    "The bank raised interest rates by half a point.",
    "The team won the match after a late goal.",
    "The actor attacked the critics in an interview.",
    "Critics say the government should resign.",
    "The talks between the two sides collapsed on Monday.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_sentence_gives_no_event(pipeline, text):
    real = [(e.type, e.modality, e.source_text) for e in events_of(pipeline, text) if e.modality in REAL]
    assert real == []


@pytest.mark.parametrize("text,etype,modality", [
    ("Russia did not send troops to Ukraine.", "MOBILIZE", "negated"),
    ("The drill simulated a scenario of a Chinese invasion of Taiwan.", "ASSAULT", "hypothetical"),
    ("If Iran attacks Israel, the United States will respond.", "ASSAULT", "hypothetical"),
    ("Officials said Iraq might expel the British ambassador.", "SANCTION", "hypothetical"),
])
def test_modality_of_unreal_events(pipeline, text, etype, modality):
    events = [e for e in events_of(pipeline, text) if e.type == etype]
    assert events and {e.modality for e in events} == {modality}


def test_planned_event_date_lies_ahead_of_publication(pipeline):
    text = "Kabulov said this month that Russia would be sending a shipment of small arms to Kabul in February."
    (event,) = [e for e in events_of(pipeline, text) if e.type == "AID"]
    assert (event.source, event.target, event.mode, event.modality) == ("country:ru", "country:af", "military",
                                                                      "planned")
    assert event.date == "2016-02"
    assert plover_code(event.type, event.modality) == "AGREE"


def test_reported_event_takes_the_reporting_date(pipeline):
    text = "Serbian police arrested two journalists, the ministry said on Wednesday."
    (event,) = [e for e in events_of(pipeline, text, published="2016-01-08") if e.type == "COERCE"]
    assert event.modality == "reported" and event.date == "2016-01-06"


def test_compound_subject_gives_one_event_per_actor(pipeline):
    text = "Kenyan and Ugandan troops attacked al-Shabaab positions in Somalia."
    sources = {e.source_text for e in events_of(pipeline, text) if e.type == "ASSAULT"}
    assert len(sources) == 2


def test_no_actor_taken_from_another_clause(pipeline):
    # Tajikistan is in the first clause; the attack has no named doer and must not borrow it.
    text = "Tajikistan closed its schools on Monday, and unknown assailants attacked a bus near the border."
    for event in events_of(pipeline, text):
        if event.type == "ASSAULT":
            assert "tajik" not in (event.source_text or "").lower()


def test_repeated_mentions_collapse_into_one_event(pipeline):
    text = ("Rebels kidnapped two Malian soldiers near Gao on 3 March 2016. "
            "The army said the rebels kidnapped the Malian soldiers while they were on patrol.")
    kidnaps = [e for e in events_of(pipeline, text) if e.type == "ASSAULT"]
    assert len(kidnaps) == 1
    assert len(kidnaps[0].spans) == 2


def test_lexicon_covers_the_sixteen_types():
    lexicon = load_lexicon()
    types = {r.type for rules in (*lexicon.verbs.values(), *lexicon.nouns.values()) for r in rules}
    assert types == {t.value for t in EventType}


def test_bad_lexicon_row_names_its_line():
    with pytest.raises(ValueError, match="line 2"):
        parse_triggers("# header\nattack\tVERB\tASSAULT\n")


def test_finish_events_rekeys_and_collapses_after_resolution():
    from dataclasses import replace

    from newsgraph.extract.events import finish_events
    from newsgraph.model import Event

    def event(span, source_text):
        return Event(id=f"tmp-{span[0]}", document_id="d", type="AID", span=span, trigger="sent",
                     source_text=source_text, target_text="Kabul", date="2016-02", modality="planned",
                     spans=(span,))

    resolved = [replace(event((0, 10), "Zamir Kabulov"), source="person:zamir-kabulov", target="country:af"),
                replace(event((50, 60), "Kabulov"), source="person:zamir-kabulov", target="country:af")]
    (merged,) = finish_events(resolved)
    assert merged.spans == ((0, 10), (50, 60))
    other_doc = replace(resolved[0], document_id="e", span=(5, 9))
    assert finish_events([other_doc])[0].id == merged.id  # content-derived: same in every document


def test_same_dyad_on_different_days_stays_two_events(pipeline):
    text = ("Armenian troops clashed with Azerbaijani forces on 2 April 2016. "
            "Armenian troops clashed with Azerbaijani forces again on 5 April 2016.")
    clashes = [e for e in events_of(pipeline, text) if e.type == "ASSAULT" and e.source == "country:am"]
    assert sorted(e.date for e in clashes) == ["2016-04-02", "2016-04-05"]
