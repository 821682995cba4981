"""Events that are only talked about, conditions, stances and word senses that tell no act
between actors; and the speaker's own acts told alongside a report. Sentences written for
newsgraph; each table holds sentences that must give nothing."""
from __future__ import annotations

import pytest

from newsgraph.model import Document


def events_of(pipeline, text: str):
    return pipeline.process(Document(id="t", text=text, published="2024-03-06")).events


def of_type(pipeline, text: str, etype: str):
    return [e for e in events_of(pipeline, text) if e.type == etype]


# --- the speaker's own act, coordinated with "said" but hung on the reported clause -----------

# text, type, source, target, modality
SPEAKER_ACTS = [
    ("Chile said its navy had followed the rules and accused Peru of provoking the incident.",
     "ACCUSE", "country:cl", "country:pe", "asserted"),
    ("Kenya said gunmen had attacked a border post overnight and demanded that Somalia arrest them.",
     "REQUEST", "country:ke", "country:so", "asserted"),
]


@pytest.mark.parametrize("text,etype,source,target,modality", SPEAKER_ACTS)
def test_speech_act_after_a_report_is_the_speakers(pipeline, text, etype, source, target, modality):
    events = of_type(pipeline, text, etype)
    assert [(e.source, e.target, e.modality) for e in events] == [(source, target, modality)]


def test_one_speaker_when_both_verbs_are_speech_acts(pipeline):
    # "had called ... and urged": the same reported speaker does both
    text = "Peru said the Bolivian president had called both leaders and urged them to talk."
    assert not [e for e in of_type(pipeline, text, "REQUEST") if e.source == "country:pe"]


# --- sentences that must give no event of the type (or none at all) ---------------------------

# text, type that must not appear (None: no event at all)
NOTHING = [
    # a condition is not an act told
    ("Bolivia said it was ready to resume talks if Chile withdrew its troops.", "RETREAT"),
    ("Colombia would lift the curfew if the ELN agreed to a truce.", "AGREE"),
    # a participle under an accusation is the accused act, not the accuser's
    ("Sudan accused Ethiopian troops of raiding border villages, killing six farmers.", "ASSAULT"),
    # meeting conditions or targets is no meeting and no concession
    ("Egypt has met most of the conditions of its loan programme, the IMF said.", None),
    ("Ghana met its deficit target for the third quarter.", None),
    # a stance is no offer
    ("The government remained committed to peace.", "AGREE"),
    # a withheld recognition of a state is no rejection
    ("Lithuania has not recognised Taiwan as a state.", "REJECT"),
    # an act that did not happen, with no known actor on either side
    ("The military denied bombing any villages.", None),
    ("Officials said the army would not negotiate under pressure.", None),
    ("An aide said the governor would meet district chiefs next week.", None),
    # advice at home is no demand on an actor
    ("The opposition leader said the cabinet should take the dispute to the United Nations.", "REQUEST"),
]


@pytest.mark.parametrize("text,etype", NOTHING)
def test_no_event(pipeline, text, etype):
    events = events_of(pipeline, text)
    if etype is None:
        assert not events
    else:
        assert not [e for e in events if e.type == etype]


# --- what is still coded -----------------------------------------------------------------------

# text, type, source, target, modality
KEPT = [
    ("If Iran attacks Israel, the United States will respond.", "ASSAULT", "country:ir", "country:il",
     "hypothetical"),
    ("Russia does not recognise the decision of the International Criminal Court.", "REJECT", "country:ru",
     "org:icc", "asserted"),
    ("Russia will not recognise the result of the election in Moldova.", "REJECT", "country:ru", "country:md",
     "asserted"),
    ("Egypt's foreign minister met Jordan's foreign minister in Cairo on Monday.", "CONSULT", "country:eg",
     "country:jo", "asserted"),
    ("Russia did not send troops to Ukraine.", "MOBILIZE", "country:ru", "country:ua", "negated"),
    # an unnamed agency of a named state acts for that state
    ("Japan's coast guard seized a fishing boat on Monday.", "COERCE", "country:jp", None, "asserted"),
    ("China's commerce ministry said it would investigate Australian wine imports.", "ACCUSE", "country:cn", None,
     "planned"),
    ("Chile's foreign ministry rejected the proposal.", "REJECT", "country:cl", None, "asserted"),
    # what a state's forces hold stands for the state
    ("Pakistan and India traded accusations. Indian troops fired on Pakistani positions near the border "
     "on Monday, the army said.", "ASSAULT", "country:in", "country:pk", "reported"),
    # told as done, an act with no known actor is kept
    ("Police detained 23 people after the march.", "COERCE", None, None, "asserted"),
]


@pytest.mark.parametrize("text,etype,source,target,modality", KEPT)
def test_still_coded(pipeline, text, etype, source, target, modality):
    events = of_type(pipeline, text, etype)
    assert (source, target, modality) in [(e.source, e.target, e.modality) for e in events]


# --- a rejected claim answers the one who just made it ----------------------------------------

# text, source, target of the REJECT
REJECTED_CLAIMS = [
    ("Kenya accused Somalia of harbouring militants. Somalia rejected the accusation.",
     "country:so", "country:ke"),
    ("Serbia demanded that Kosovo withdraw its police. Kosovo rejected the demand.",
     "country:xk", "country:rs"),
    # no claim just before: the target is left out
    ("Somalia rejected the accusation.", "country:so", None),
    ("Kenya accused Somalia of harbouring militants. Trade between the two grew by a tenth last year. "
     "Exports of tea rose. Somalia rejected the accusation.", "country:so", None),
]


@pytest.mark.parametrize("text,source,target", REJECTED_CLAIMS)
def test_rejected_claim_targets_its_maker(pipeline, text, source, target):
    events = of_type(pipeline, text, "REJECT")
    assert [(e.source, e.target) for e in events] == [(source, target)]


# --- "both governments": the unnamed pair phrase is read from the event before ---------------

def test_both_governments_are_the_two_sides(pipeline):
    text = ("Kenya accused Somalia of harbouring militants on Monday. "
            "The African Union urged both governments to show restraint.")
    events = of_type(pipeline, text, "REQUEST")
    assert sorted(e.target for e in events) == ["country:ke", "country:so"]
    assert {e.source for e in events} == {"org:african-union"}


def test_both_governments_without_two_sides_named_before(pipeline):
    text = "The African Union urged both governments to show restraint."
    assert not [e for e in of_type(pipeline, text, "REQUEST") if e.target is not None]
