"""Actors decided by their context (sentences written for newsgraph): capitals that act versus
capitals that only say where, names defined with an acronym, names a description types, and
roles whose state or organisation is written after the name or in a nearby ministry."""
from __future__ import annotations

import pytest

from newsgraph.model import Document


def run(pipeline, text: str):
    return pipeline.process(Document(id="t", text=text))


def aliases(batch) -> dict[str, set[str]]:
    return {a.id: set(a.aliases) for a in batch.actors}


def roles(batch, person: str) -> set[tuple[str, str | None]]:
    actor = next(a for a in batch.actors if a.id == person)
    return {(r.title.lower(), r.of) for r in actor.roles}


# -- capitals and cities: an actor where they act, nothing where they only say where --------
@pytest.mark.parametrize("text, city, state", [
    ("Ankara said on Monday that the talks would resume.", "Ankara", "country:tr"),
    ("Moscow's decision surprised the delegates.", "Moscow", "country:ru"),
    ("Talks between Ankara and Athens resumed on Tuesday.", "Athens", "country:gr"),
    ("Tokyo would share missile warning data with Seoul, the minister said.", "Seoul", "country:kr"),
    ("Turkish warplanes struck targets overnight, the defence ministry in Ankara said.", "Ankara", "country:tr"),
    ("The decision angered Brussels, diplomats said.", "Brussels", "org:european-commission"),
    ("Russian forces fired missiles at Kyiv overnight.", "Kyiv", "country:ua"),   # a target, not a place
])
def test_a_city_that_acts_is_its_government(pipeline, text, city, state):
    assert city in aliases(run(pipeline, text)).get(state, set())


@pytest.mark.parametrize("text, city", [
    ("Detentions must follow due process, EU spokesman Peter Stano said in Brussels.", "Brussels"),
    ("Greek Prime Minister Kyriakos Mitsotakis spoke after meeting the delegation in Athens.", "Athens"),
    ("The opposition spokesman told reporters in Ankara that the courts were being used.", "Ankara"),
    ("Analysts in Madrid said a supply cut was unlikely.", "Madrid"),
    ("The ministers will meet in Paris and Berlin next month.", "Berlin"),
    ("Somali officials in Mogadishu declined to comment.", "Mogadishu"),
    ("Protesters gathered outside Nairobi on Sunday.", "Nairobi"),
    ("The meeting at Minsk ended without a statement.", "Minsk"),
])
def test_a_city_that_only_says_where_is_no_actor(pipeline, text, city):
    batch = run(pipeline, text)
    assert not [a.id for a in batch.actors if city in a.aliases]


def test_a_counterpart_is_its_state_where_the_capital_is_only_a_place(pipeline):
    found = aliases(run(pipeline, "Kenyan President William Ruto met his Ugandan counterpart in Kampala on Monday."))
    assert found.get("country:ug") == {"Ugandan"}


def test_a_name_that_is_a_state_and_its_capital_stays_the_state(pipeline):
    # "Luxembourg", "Kuwait": the name of the state, not a city metonym
    assert "country:kw" in aliases(run(pipeline, "Oil prices rose in Kuwait on Monday."))


@pytest.mark.parametrize("text, absent", [
    ("Insurgents attacked Mocimboa da Praia on Tuesday.", "country:cv"),   # Praia, capital of Cabo Verde
    ("Professor Ana Ruiz of the University of Lima said the river was drying.", "country:pe"),
])
def test_a_capital_inside_a_longer_name_is_not_the_state(pipeline, text, absent):
    assert absent not in aliases(run(pipeline, text))


# -- a name and its acronym in parentheses are one actor ----------------------------------
@pytest.mark.parametrize("text, actor_id, names", [
    ("The main opposition Republican People's Party (CHP) said the raids were politically motivated. "
     "CHP spokesman Deniz Yucel said the courts were being used.",
     "org:republican-people-s-party", {"Republican People's Party", "CHP"}),
    ("The opposition Movement for Socialism (MAS) said the government had waited too long. "
     "MAS senator Eduardo Mamani agreed.", "org:movement-for-socialism", {"Movement for Socialism", "MAS"}),
    ("The main opposition Samagi Jana Balawegaya (SJB) said the programme had failed. The SJB will vote against it.",
     "org:samagi-jana-balawegaya", {"Samagi Jana Balawegaya", "SJB"}),
    ("Turkish jets killed 12 fighters of the Kurdistan Workers Party (PKK), the ministry said.",
     "org:pkk", {"Kurdistan Workers Party", "PKK"}),
    ("The United Nations Educational, Scientific and Cultural Organization (UNESCO) said it was concerned.",
     "org:unesco", {"UNESCO"}),
    ("The Organisation for Economic Co-operation and Development (OECD) cut its forecast. The OECD said so.",
     "org:organisation-for-economic-co-operation-and-development",
     {"Organisation for Economic Co-operation and Development", "OECD"}),
    ("The Bank of Korea (BOK) raised rates on Thursday.", "org:bank-of-korea", {"Bank of Korea", "BOK"}),
    # a known actor's possessive is not part of the name
    ("Turkey's Republican People's Party (CHP) objected. The CHP said so.",
     "org:republican-people-s-party", {"Republican People's Party", "CHP"}),
])
def test_a_name_defined_with_an_acronym_is_one_actor(pipeline, text, actor_id, names):
    batch = run(pipeline, text)
    found = aliases(batch)
    assert names <= found.get(actor_id, set())
    assert not any(a.type == "person" and a.name in names for a in batch.actors)
    short = min(names, key=len)
    assert [i for i, al in found.items() if short in al] == [actor_id]


def test_an_acronym_gives_the_role_its_organisation(pipeline):
    batch = run(pipeline, "The main opposition Democratic Alliance (DA) questioned the cost. "
                          "DA defence spokesman Pieter Joubert said the equipment was outdated.")
    assert roles(batch, "person:pieter-joubert") == {("defence spokesman", "org:democratic-alliance")}


@pytest.mark.parametrize("text", [
    "Prices rose 5 percent (GDP) last year.",        # no name before the bracket
    "The minister (AFP) said the talks had failed.",
])
def test_a_bracket_without_a_name_before_it_defines_nothing(pipeline, text):
    assert not [a for a in run(pipeline, text).actors if a.type in ("organization", "person")]


# -- a description gives the type ---------------------------------------------------------
@pytest.mark.parametrize("text, actor_id, actor_type", [
    ("Codelco, the Chilean state copper company, denied that it was using the water.", "org:codelco", "organization"),
    ("Sonatrach, Algeria's state energy company, declined to comment.", "org:sonatrach", "organization"),
    ("The group claimed the attacks through its Amaq news agency.", "org:amaq", "media"),
    ("Thousands protested, the Georgian news site Civil.ge reported.", "org:civil-ge", "media"),
    ("Mohammed Sallam, a senior figure of the Islah party, was not released.", "org:islah", "organization"),
    ("TotalEnergies said it had made no decision on a restart.", "org:totalenergies", "organization"),
])
def test_a_described_name_takes_the_type_of_its_description(pipeline, text, actor_id, actor_type):
    assert (actor_id, actor_type) in {(a.id, a.type) for a in run(pipeline, text).actors}


@pytest.mark.parametrize("text, actor_id", [
    ("Residents near the border in Thailand's Sisaket province heard artillery.", "place:sisaket"),
    ("Troops fired near the Preah Vihear temple on Friday.", "place:preah-vihear"),
])
def test_places_named_with_a_lower_case_noun(pipeline, text, actor_id):
    assert actor_id in aliases(run(pipeline, text))


# -- roles: the state or organisation written after the name, or in a nearby ministry ------
@pytest.mark.parametrize("text, person, expected", [
    ("President Tayyip Erdogan of Turkey said the talks would resume.",
     "person:tayyip-erdogan", {("president", "country:tr")}),
    ("Analyst Fatou Diallo of the International Crisis Group said the group was exploiting disputes.",
     "person:fatou-diallo", {("analyst", "org:crisis-group")}),
    ("Turkish President Tayyip Erdogan and Foreign Minister Hakan Fidan met the delegation.",
     "person:hakan-fidan", {("foreign minister", None)}),   # the title, but no guess at the state
    ("Chile's foreign ministry said the ruling had settled the question. "
     "Foreign Minister Paula Errazuriz said Chile would not take part.",
     "person:paula-errazuriz", {("foreign minister", "country:cl")}),
    ("The Algerian foreign ministry said Spain had erred. Foreign Minister Nadir Belkacem said Algiers would "
     "review its commitments with Madrid.", "person:nadir-belkacem", {("foreign minister", "country:dz")}),
    # a ministry of another portfolio, or of two states, says nothing about the minister
    ("Chile's foreign ministry said the ruling was final. Defence Minister Ana Vidal said the army was ready.",
     "person:ana-vidal", {("defence minister", None)}),
    ("Chile's foreign ministry and Peru's foreign ministry disagreed. "
     "Foreign Minister Luis Soto said talks would go on.", "person:luis-soto", {("foreign minister", None)}),
    # a rank after another title is not part of the role
    ("Thai army spokesman Colonel Anan Kittikhun said the troops had returned fire.",
     "person:anan-kittikhun", {("army spokesman", "country:th")}),
    ("Lieutenant Colonel Ivan Petrov said the convoy had left.", "person:ivan-petrov", {("lieutenant colonel", None)}),
    ("UN Secretary General Antonio Guterres said the talks were vital.",
     "person:antonio-guterres", {("secretary general", "org:un")}),
    # no dateline guess: an unqualified title keeps no state
    ("ANKARA, March 3 (Newswire) - Interior Minister Ali Yerlikaya said the suspects had fled.",
     "person:ali-yerlikaya", {("interior minister", None)}),
])
def test_roles_without_of_in_front_of_the_name(pipeline, text, person, expected):
    assert roles(run(pipeline, text), person) == expected


def test_the_same_title_with_its_state_replaces_the_one_without(pipeline):
    batch = run(pipeline, "President Tayyip Erdogan said the talks would resume. "
                          "Erdogan, the Turkish president, spoke in Ankara.")
    assert roles(batch, "person:tayyip-erdogan") == {("president", "country:tr")}


@pytest.mark.parametrize("text, person, expected", [
    ("Hezbollah fired rockets at two towns. The group's deputy leader, Hassan Mroueh, said more would follow.",
     "person:hassan-mroueh", {("deputy leader", "org:hezbollah")}),
    ("The Southern African Development Community (SADC) met on Saturday. The bloc's executive secretary, "
     "Elias Magombe, said member states would send troops.", "person:elias-magombe",
     {("executive secretary", "org:sadc")}),
    # "the group" prefers the armed group named in the last sentences over the United Nations
    ("Hezbollah fired rockets. Lebanon appealed to the United Nations. The group's spokesman, Ali Haidar, "
     "said the strikes would not go unanswered.", "person:ali-haidar", {("spokesman", "org:hezbollah")}),
    # no antecedent of a fitting type: the role keeps no owner
    ("Officials met on Monday. The group's spokesman, Ali Haidar, said nothing.", "person:ali-haidar",
     {("spokesman", None)}),
])
def test_a_role_owned_by_a_description_goes_to_its_antecedent(pipeline, text, person, expected):
    assert roles(run(pipeline, text), person) == expected
