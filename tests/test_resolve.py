"""Coreference, cross-mention merges and user aliases (tables of sentences, negatives included)."""
from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.resolve import Resolver, load_aliases


def run(pipeline, text: str):
    return pipeline.process(Document(id="t", text=text))


def actor_of(batch, text: str, needle: str, occurrence: int = 0) -> str | None:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return next((m.actor_id for m in batch.mentions if m.span[0] <= start < m.span[1]), None)


@pytest.mark.parametrize("text, needle, occurrence, expected", [
    # surname -> full name
    ("Zamir Kabulov arrived on Monday. Kabulov said the talks went well.", "Kabulov", 1, "person:zamir-kabulov"),
    # a surname spaCy did not tag still joins the full name
    ("President Elena Ruiz spoke first. Ruiz said Bogota would wait.", "Ruiz", 1, "person:elena-ruiz"),
    # subject pronoun -> nearest person outside the quotation it follows
    ("Alexander Knyazev disagreed. “Nobody asked Zamir Kabulov,” he said.", "he", 0,
     "person:alexander-knyazev"),
    # subject pronoun -> nearest person
    ("Alexander Knyazev was skeptical. He said the threat was exaggerated.", "He", 0, "person:alexander-knyazev"),
    # title phrase -> the holder of that role
    ("Zamir Kabulov, the Kremlin's special envoy to Afghanistan, arrived. The envoy said talks were possible.",
     "The envoy", 0, "person:zamir-kabulov"),
    # an acronym -> the one long name with those initials
    ("The Northern Farmers Union (NFU) called a strike. The NFU said talks had failed.", "NFU", 1,
     "org:northern-farmers-union"),
    # "the group" -> the nearest armed group
    ("Al-Shabaab fighters attacked a police post. The group said it would strike again.", "The group", 0,
     "org:al-shabaab"),
])
def test_coreference(pipeline, text, needle, occurrence, expected):
    assert actor_of(run(pipeline, text), text, needle, occurrence) == expected


@pytest.mark.parametrize("text, needle", [
    # "they" after a list of ethnic groups: no compatible antecedent, abstain
    ("Tajiks, Uzbeks and Turkmens live there. They should think about it.", "They"),
    # a person named inside the quote is not the "he" who says it
    ("“We never met Zamir Kabulov,” he said.", "he"),
    # a pronoun with no person before it
    ("The weather was cold. He left early.", "He"),
    # "it" as a dummy subject
    ("NATO met on Monday. It is unclear what was decided.", "It"),
])
def test_no_coreference(pipeline, text, needle):
    assert actor_of(run(pipeline, text), text, needle) is None


@pytest.mark.parametrize("text, must_differ", [
    # two people sharing a surname: the bare surname joins neither
    ("Ali Rahmani and Karim Rahmani met. Rahmani spoke first.", ("person:ali-rahmani", "person:karim-rahmani")),
    # different organisations are not merged
    ("Hamas and Hezbollah issued statements.", ("org:hamas", "org:hezbollah")),
])
def test_no_merge(pipeline, text, must_differ):
    batch = run(pipeline, text)
    found = {a.id for a in batch.actors}
    assert set(must_differ) <= found
    if "Rahmani spoke" in text:
        assert actor_of(batch, text, "Rahmani spoke") is None


def test_actor_at_maps_pronoun_span_for_statements(pipeline):
    from newsgraph.extract import collect

    text = "Nikolay Bordyuzha visited the base. He said the threat persists."
    document = Document(id="t", text=text)
    doc = pipeline.nlp(pipeline._make_doc(document))
    start = text.index("He said")
    index = pipeline.resolver.index(collect(doc, document))[2]
    assert index.actor_at((start, start + 2)) == "person:nikolay-bordyuzha"
    assert index.actor_at((0, 17)) == "person:nikolay-bordyuzha"
    assert index.actor_at((text.index("the base"), text.index("the base") + 8)) is None


def test_user_alias_file(pipeline, tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("- {id: 'person:ali-rahmani', name: Ali Rahmani, type: person, country: TJ,\n"
                    "   aliases: [the minister from Khujand]}\n"
                    "- {name: Pamir Monitor, type: media, aliases: [PM-Watch]}\n")
    resolver = Resolver(str(path))
    from newsgraph.extract import collect

    text = "The minister from Khujand met reporters. PM-Watch published the interview."
    text = "Yesterday the minister from Khujand met reporters. PM-Watch published the interview."
    document = Document(id="t", text=text)
    batch = resolver(collect(pipeline.nlp(pipeline._make_doc(document)), document))
    actors = {a.id: a for a in batch.actors}
    assert actors["person:ali-rahmani"].country == "TJ"
    assert actors["person:ali-rahmani"].name == "Ali Rahmani"
    assert actors["org:pamir-monitor"].type == "media"


@pytest.mark.parametrize("content, message", [
    ("- {type: person}\n", "needs at least a 'name'"),
    ("- {name: X, type: planet}\n", "bad actor type"),
    ("just a string\n", "must hold a list"),
    ("- [unclosed\n", "not valid YAML"),
])
def test_bad_alias_file_names_file_and_reason(tmp_path, content, message):
    path = tmp_path / "aliases.yaml"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as info:
        load_aliases(path)
    assert "aliases.yaml" in str(info.value)
