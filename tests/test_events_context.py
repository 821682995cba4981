"""Events read with their context: which date is the event's, who does a participle, whose
envoy is summoned, which earlier act a reaction refers to, and which parties a phrase does
not name. Sentences written for newsgraph; tables include sentences that must give nothing."""
from __future__ import annotations

import pytest

from newsgraph.extract.dates import dated_noun
from newsgraph.model import Document

REAL = {"asserted", "reported", "planned"}


def batch_of(pipeline, text: str, published: str | None = "2023-06-21"):
    return pipeline.process(Document(id="t", text=text, published=published))


def of_type(pipeline, text: str, etype: str, published: str | None = "2023-06-21"):
    return [e for e in batch_of(pipeline, text, published).events if e.type == etype]


# --- dates: the one attached to the trigger, not one that dates another noun ---------------------

# text, type, expected date (published Wednesday 2023-06-21)
EVENT_DATES = [
    ("Turkish police detained 42 people on Tuesday suspected of links to the network that Ankara blames "
     "for a 2016 coup attempt.", "COERCE", "2023-06-20"),
    ("Police in Istanbul arrested two monitors of the 2019 election on Monday.", "COERCE", "2023-06-19"),
    ("The 2015 agreement was signed on Monday by Iran and Oman.", "AGREE", "2023-06-19"),
    ("Israel's 2006 invasion of Lebanon killed 1,200 people.", "ASSAULT", "2006"),  # the year dates the act
    ("Egypt arrested members of the group that carried out the 2013 bombing.", "COERCE", None),
    ("Ankara blames the network for a 2016 coup attempt.", "ACCUSE", None),
]


@pytest.mark.parametrize("text,etype,date", EVENT_DATES)
def test_event_date_is_the_triggers_own(pipeline, text, etype, date):
    events = of_type(pipeline, text, etype)
    assert events, f"no {etype}"
    assert {e.date for e in events} == {date}


@pytest.mark.parametrize("text,word,noun", [
    ("Ankara blames the network for a 2016 coup attempt.", "2016", "attempt"),
    ("The opposition lost the 2019 election.", "2019", "election"),
    ("Voters rejected last year's referendum.", "year", "referendum"),
    ("Police detained 42 people on Tuesday.", "Tuesday", None),
    ("The army withdrew in 2016.", "2016", None),
    ("The talks resumed on Monday morning.", "Monday", None),  # a time noun is no event
])
def test_dated_noun(pipeline, text, word, noun):
    doc = pipeline.nlp(text)
    token = next(t for t in doc if t.text == word)
    owner = dated_noun(token)
    assert (owner.text if owner is not None else None) == noun


def test_statement_is_not_dated_by_a_year_that_modifies_a_noun(pipeline):
    text = "Turkish police detained 42 people suspected of links to a 2016 coup attempt, state media said."
    statements = batch_of(pipeline, text).statements
    assert statements and all(s.date != "2016" for s in statements)


def test_statement_is_not_dated_by_a_relative_clause_of_its_speaker(pipeline):
    text = ("The Southern African Development Community, whose mission ends in July, said its leaders "
            "would meet in Luanda.")
    statements = batch_of(pipeline, text).statements
    assert statements and all(s.date is None for s in statements)


# --- who does it: participles, appositives, "its", "by" agents ---------------------------------

# text, type, source, target (None: any), modality
POSITIVE = [
    # a participle shares the subject of its clause, through a parenthetical "the ministry said"
    ("Turkish warplanes struck militant targets in northern Iraq on Monday, the defence ministry said, "
     "killing 12 fighters of the Kurdistan Workers Party (PKK).", "ASSAULT", "country:tr", "org:pkk", "reported"),
    ("Greek Prime Minister Kyriakos Mitsotakis said after meeting President Tayyip Erdogan in Athens that "
     "the two countries would keep talking.", "CONSULT", "person:kyriakos-mitsotakis", "person:tayyip-erdogan",
     "asserted"),
    ("Police in Lagos fired tear gas at the crowd, arresting 30 protesters.", "COERCE", None, None, "asserted"),
    # an actor noun named by its appositive
    ("The main rebel group, the Kachin Independence Army, refused to sign.", "REJECT",
     "org:kachin-independence-army", None, "asserted"),
    # "its leaders" of the body that speaks
    ("The Southern African Development Community said its leaders would meet in Luanda next month.",
     "CONSULT", "org:sadc", None, "planned"),
    ("The African Union said its troops would withdraw from Mogadishu next year.", "RETREAT",
     "org:african-union", None, "planned"),
    # a participle with a "by" agent: the mediation is told, not planned by "commits"
    ("The agreement, mediated by Qatar over five months, commits the government to release prisoners.",
     "CONSULT", "country:qa", None, "asserted"),
    # a sum "in aid"; announcing it is the act, not a report of it
    ("The European Union announced 15 million euros in humanitarian aid for Mozambique on Wednesday.",
     "AID", "org:eu", "country:mz", "asserted"),
    ("Ethiopia announced sanctions against Eritrea.", "SANCTION", "country:et", "country:er", "asserted"),
    # negation stays in its clause: the awaited act is a condition, not a denied act
    ("Mamani said the union would not meet ministers until the police withdrew from Juliaca.", "RETREAT", None,
     None, "hypothetical"),
    ("The rebels fought until the army withdrew from the town.", "RETREAT", None, None, "asserted"),
    ("Japan will provide 10 million euros to Chad.", "AID", "country:jp", "country:td", "planned"),
    # an act someone is ready to do is that act, planned (PLOVER reads it as AGREE)
    ("Norway is willing to send aid to Sudan.", "AID", "country:no", "country:sd", "planned"),
    ("Iran said it was ready to hold talks with Oman.", "CONSULT", "country:ir", "country:om", "planned"),
    ("The UN envoy is due to visit Rabat next month.", "CONSULT", "org:un", "country:ma", "planned"),
    # a consequence promised to a party
    ("Iran warned that Israel would pay a heavy price.", "THREATEN", "country:ir", "country:il", "asserted"),
    # whose envoy: the diplomatic complaint and the recall
    ("Peru's foreign ministry summoned Bolivia's charge d'affaires on Monday.", "ACCUSE", "country:pe",
     "country:bo", "asserted"),
    ("Turkey struck targets in Iraq. Iraq summoned the Turkish ambassador.", "ACCUSE", "country:iq",
     "country:tr", "asserted"),
    ("China recalled its ambassador to Lithuania on Tuesday.", "SANCTION", "country:cn", "country:lt", "asserted"),
    # a demonym before a state's agent or asset, the state named elsewhere
    ("South Korea said so. North Korea did not attack any South Korean vessel.", "ASSAULT", "country:kp",
     "country:kr", "negated"),
]


@pytest.mark.parametrize("text,etype,source,target,modality", POSITIVE)
def test_sentence_gives_event(pipeline, text, etype, source, target, modality):
    events = of_type(pipeline, text, etype)
    found = [e for e in events if (source is None or e.source == source) and (target is None or e.target == target)]
    assert found, f"no {etype} {source}->{target} in {[(e.source, e.target) for e in events]}"
    assert found[0].modality == modality


# text, type, a source or target that must not be read (None: no event of the type at all)
NOT_READ = [
    ("Protesters blocked roads in the capital, demanding that the president resign.", "REQUEST", None),
    ("Prisoners rioted at the jail, setting fire to their mattresses.", "ASSAULT", None),
    ("Police summoned the opposition leader for questioning.", "ACCUSE", None),
    ("Iraq summoned the Turkish ambassador.", "ACCUSE", "country:tr"),  # Turkey not named as a party
    ("A German diplomat said Berlin would raise the issue at the agency's board meeting next week.", "CONSULT",
     None),
    ("Officials warned that the economy would suffer.", "THREATEN", None),
    ("Chad signed a peace agreement with rebel groups in the Qatari capital. Qatar hosted the talks.", "AGREE",
     "country:qa"),
    ("Russia cut gas supplies. Estonia would not sign a deal with the Russian company.", "REJECT", "country:ru"),
    ("Amnesty said the army had attacked villages and its soldiers had burned homes.", "ASSAULT",
     "org:amnesty-international"),
]


@pytest.mark.parametrize("text,etype,party", NOT_READ)
def test_party_or_event_not_read(pipeline, text, etype, party):
    events = [e for e in of_type(pipeline, text, etype) if e.modality in REAL]
    if party is None:
        assert events == []
    else:
        assert all(party not in (e.source, e.target) for e in events)


def test_participle_and_its_clause_give_one_event(pipeline):
    text = ("Turkish warplanes struck Kurdish militant targets in northern Iraq on Monday, killing 12 fighters "
            "of the Kurdistan Workers Party (PKK).")
    assert [(e.source, e.target) for e in of_type(pipeline, text, "ASSAULT")] == [("country:tr", "org:pkk")]


# --- a reaction to an act told earlier targets its doer, when there is only one -----------------

REFER_BACK = [
    ("Turkish warplanes struck Kurdish militant targets in northern Iraq on Monday. "
     "Iraq's foreign ministry condemned the strikes as a violation of its sovereignty.", "country:tr"),
    ("Egyptian police detained 12 activists in Cairo. Amnesty International condemned the arrests.",
     "country:eg"),
    # two doers: no target is guessed
    ("Turkish jets struck camps in northern Iraq and Iranian drones struck villages near the border. "
     "Iraq condemned the strikes.", None),
    # not definite, or the phrase names its own party: not a reference to the earlier act
    ("Turkish warplanes struck targets in northern Iraq. Iraq condemned strikes on civilians everywhere.", None),
    # the earlier act was only threatened
    ("Turkey threatened to strike targets in Iraq. Iraq condemned the strikes.", None),
]


@pytest.mark.parametrize("text,target", REFER_BACK)
def test_reaction_targets_the_doer_of_the_act_told_before(pipeline, text, target):
    events = of_type(pipeline, text, "ACCUSE")
    assert events
    assert {e.target for e in events} == {target}


# --- "both sides": the two parties of the latest event that names two ---------------------------

BOTH_SIDES = [
    ("Sudan and South Sudan began border talks in Addis Ababa on Monday. "
     "Ethiopia urged both sides to stop the fighting.", {"country:sd", "country:ss"}),
    ("Sudan and South Sudan began border talks in Addis Ababa on Monday. "
     "The African Union asked both countries to withdraw their troops.", {"country:sd", "country:ss"}),
    # no two parties told before: the request keeps no target, or is not coded at all
    ("Ethiopia urged both sides to stop the fighting.", {None}),
    # a request to a third party is no pair of sides
    ("Serbia put its army on alert. Serbian President Dragan Petrovic said he had asked NATO to protect "
     "ethnic Serbs. The European Union called on both sides to de-escalate.", {None}),
    # the one who asks is one of the two: no guess
    ("Sudan and South Sudan began border talks on Monday. Sudan urged both sides to stop the fighting.", {None}),
]


@pytest.mark.parametrize("text,targets", BOTH_SIDES)
def test_both_sides_are_the_two_parties_told_before(pipeline, text, targets):
    last = text.rfind(". ") + 2  # the request is told in the last sentence
    events = [e for e in of_type(pipeline, text, "REQUEST") if e.span[0] >= last]
    assert {e.target for e in events} <= targets
    if targets != {None}:
        assert {e.target for e in events} == targets
