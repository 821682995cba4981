"""Actors on fresh wire text (sentences written for newsgraph): names the tagger cuts or
mistypes (a first name read as a verb, a person in apposition to a role's owner, "the daily X",
"the X news agency" with a state inside), plural demonyms, and state units or companies named
by a definite description ("the army", "the gendarmerie", "the company")."""
from __future__ import annotations

import pytest

from newsgraph.model import Document


def run(pipeline, text: str):
    return pipeline.process(Document(id="t", text=text))


def types(batch) -> dict[str, str]:
    return {a.id: a.type for a in batch.actors}


def speaker_of(batch, content: str) -> str | None:
    found = [s for s in batch.statements if content in s.content]
    assert found, [s.content for s in batch.statements]
    return found[0].speaker


# -- names the tagger cut or mistyped ---------------------------------------------------------
@pytest.mark.parametrize("text, actor, actor_type", [
    ("A spokeswoman for the ruling party, Fanja Rasoanaivo, said the opposition was lying.",
     "person:fanja-rasoanaivo", "person"),
    ("The daily L'Express de Madagascar reported that the dead were young.",
     "org:l-express-de-madagascar", "media"),
    ("Tsering Dolma Lama, a researcher at the Centre for Asian Studies, said the talks had failed.",
     "person:tsering-dolma-lama", "person"),
    ("Codelco, the Chilean state copper company, said output fell.", "org:codelco", "organization"),
    ("The Press Trust of India news agency quoted an official as saying the road would close.",
     "org:press-trust-of-india", "media"),
    ("She teaches at the Centre for Nepal and Asian Studies.", "org:centre-for-nepal-and-asian-studies",
     "organization"),
    ("The ruling Nepali Congress urged calm on Monday.", "org:nepali-congress", "organization"),
    ("Nepali officials said the road had been built without their consent.", "country:np", "state"),
    ("The Cypriots approved the plan in a referendum, the president said.", "country:cy", "state"),
])
def test_fresh_names_get_their_type(pipeline, text, actor, actor_type):
    assert types(run(pipeline, text)).get(actor) == actor_type


@pytest.mark.parametrize("text, not_an_actor", [
    ("About 60 percent of Kenyans support the plan, according to a poll.", "country:ke"),
    ("The ruling Nepali Congress urged calm on Monday.", "country:np"),      # a party, not Nepal's congress
    ("Indian engineers built the road through the Lipulekh pass.", "org:lipulekh"),
    # a state inside an institution's name is not the state
    ("The Press Trust of India news agency quoted an official as saying the road would close.", "country:in"),
    ("She teaches at the Centre for Nepal and Asian Studies.", "country:np"),
    # "and" followed by another name does not extend the institution's name
    ("The Council of Europe and Russia disagreed on Monday.", "org:council-of-europe-and-russia"),
    ("The Centre for Peace and Human Rights Watch both criticised the law.",
     "org:centre-for-peace-and-human-rights-watch"),
    ("A spokeswoman for the ruling party, Fanja Rasoanaivo, said the opposition was lying.",
     "org:fanja-rasoanaivo"),
])
def test_fresh_names_that_are_not_this_actor(pipeline, text, not_an_actor):
    assert not_an_actor not in types(run(pipeline, text))


@pytest.mark.parametrize("text", [
    "Citing Ana Ruiz, the ministry said the talks had failed.",
    "Speaking on Monday, the minister said the talks had failed.",
])
def test_a_verb_opening_the_sentence_joins_no_name(pipeline, text):
    batch = run(pipeline, text)
    assert not [a for a in batch.actors if a.name.split()[0] in ("Citing", "Speaking")]


# -- definite descriptions of state units and companies --------------------------------------
@pytest.mark.parametrize("text, content, speaker", [
    # one state named before "the army", another only after it
    ("Madagascar's government suspended the project on Monday. The army said it had sent two units "
     "to the town. South Korea's foreign ministry said it was following the situation.",
     "it had sent two units", "country:mg"),
    # the state whose army a title names ("Nepal's army chief"), though India was named too
    ("India rejected the protest on Monday. Nepal's army chief, General Prabhu Sharma, flew to the "
     "district. The army said it had set up a new post.", "it had set up a new post", "country:np"),
    ("Madagascar's government suspended the project. The gendarmerie said its officers had fired "
     "in self-defence. France urged restraint.", "its officers had fired", "country:mg"),
    # the company described as one, not the environmental group named after it
    ("The project is run by the South Korean company Hanbit Resources. The environmental group "
     "Alliance Voahary Gasy said it had found cobalt in the rivers. The company said the tests "
     "were wrong.", "the tests were wrong", "org:hanbit-resources"),
])
def test_a_unit_or_company_goes_to_the_actor_named_with_it(pipeline, text, content, speaker):
    assert speaker_of(run(pipeline, text), content) == speaker


@pytest.mark.parametrize("text, content", [
    # two states named before "the army": no way to tell which one's
    ("Kenya and Uganda signed a border deal on Monday. The army said it had sent troops to the "
     "border.", "it had sent troops"),
    # no company described as one: "the company" has no antecedent
    ("The environmental group Alliance Voahary Gasy said it had found cobalt. The company said "
     "the tests were wrong.", "the tests were wrong"),
])
def test_a_unit_or_company_without_antecedent_has_no_speaker(pipeline, text, content):
    assert speaker_of(run(pipeline, text), content) is None



# -- a role owned by "Its" opening a sentence --------------------------------------------------
def roles_of(batch, person: str) -> set[tuple[str, str | None]]:
    actor = next(a for a in batch.actors if a.id == person)
    return {(r.title.lower(), r.of) for r in actor.roles}


@pytest.mark.parametrize("text, person, owner", [
    # the actor opening the previous sentence, not the nearest one (Baku)
    ("The Armenian foreign ministry said Baku had violated the ceasefire. Its spokeswoman, Ani "
     "Badalyan, said two soldiers were wounded.", "person:ani-badalyan", "country:am"),
    ("Turkey's foreign ministry said Ankara supported the plan and urged the European Union to end "
     "its criticism. Its spokeswoman, Elif Demirtas, said the troops would stay.",
     "person:elif-demirtas", "country:tr"),
    # a person opens the previous sentence: "Its" has no owner we can tell
    ("Foreign Minister Ana Ruiz said the talks had failed. Its spokeswoman, Elif Demirtas, said the "
     "troops would stay.", "person:elif-demirtas", None),
])
def test_a_role_after_its_belongs_to_the_previous_subject(pipeline, text, person, owner):
    assert roles_of(run(pipeline, text), person) == {("spokeswoman", owner)}


# -- places reached or advanced on ------------------------------------------------------------
@pytest.mark.parametrize("text, place", [
    ("Rebel spokesman Pascal Rugira threatened to advance on Bukavu if the strikes continued.", "place:bukavu"),
    ("The agency said aid convoys could not reach Walikale.", "place:walikale"),
])
def test_a_place_reached_or_advanced_on_is_a_place(pipeline, text, place):
    assert types(run(pipeline, text)).get(place) == "location"


@pytest.mark.parametrize("text, actor", [
    ("Reporters could not reach Unilever for comment.", "place:unilever"),   # reached for comment
    ("Police said they could not reach Smith on Monday.", "place:smith"),    # a person is reached too
])
def test_an_actor_reached_is_no_place(pipeline, text, actor):
    assert actor not in types(run(pipeline, text))
