"""Contacts and channels as events: "X has contacts/channels with Y" is a CONSULT, and a channel
kept for sharing information is intelligence cooperation (COOPERATE). Inside someone's statement
the event is `reported` and attributed to that statement; a denial negates it."""
from __future__ import annotations

import pytest

from newsgraph.model import Document


def batch_of(pipeline, text: str):
    return pipeline.process(Document(id="t", text=text, published="2017-04-03"))


# sentence, type, source, target, modality, attributed (inside a statement)
POSITIVE = [
    ("Moscow has channels for information sharing with the Taliban.",
     "COOPERATE", "country:ru", "org:taliban", "asserted", False),
    ("The envoy Olga Reznik said that Moscow has channels for information sharing with the Taliban.",
     "COOPERATE", "country:ru", "org:taliban", "reported", True),
    ("Turkey opened a channel with Iran last week.", "CONSULT", "country:tr", "country:ir", "asserted", False),
    ("Colombia has established contacts with the ELN, the minister said.",
     "CONSULT", "country:co", None, "reported", True),
    ("Kenya maintains regular contacts with Ethiopia, officials said.",
     "CONSULT", "country:ke", "country:et", "reported", True),
    ("Egypt said it shares intelligence with Israel.", "COOPERATE", "country:eg", "country:il", "reported", True),
]


@pytest.mark.parametrize("text, etype, source, target, modality, attributed", POSITIVE)
def test_contact_gives_event(pipeline, text, etype, source, target, modality, attributed):
    batch = batch_of(pipeline, text)
    hits = [e for e in batch.events if e.type == etype and e.source == source
            and (target is None or e.target == target)]
    assert len(hits) == 1, [(e.type, e.source, e.target, e.modality) for e in batch.events]
    assert hits[0].modality == modality
    assert (hits[0].attributed_to is not None) == attributed


# Denied or negated contacts: a negated event or nothing, never an asserted or reported one.
NEGATED = [
    "Kenya denied having any contacts with al-Shabaab.",
    "Kenya has no contacts with al-Shabaab, the minister said.",
    "Pakistan never had channels with the Taliban.",
    "The ministry rejected reports that Belarus had contacts with the rebels.",
]


@pytest.mark.parametrize("text", NEGATED)
def test_denied_contact_is_never_real(pipeline, text):
    batch = batch_of(pipeline, text)
    real = [e for e in batch.events if e.type in ("CONSULT", "COOPERATE")
            and e.modality in ("asserted", "reported", "planned")]
    assert real == [], [(e.type, e.source, e.target, e.modality) for e in real]


NOTHING = [
    "The channel broadcast the speech on Monday.",  # a television channel
    "Russia and Iran have close ties.",  # a relationship, not an act
    "He lost his contacts in the river.",
    "Contacts with the rebels would be a mistake.",  # no one did it
    "Diplomatic channels remain the best option.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_contact_event(pipeline, text):
    batch = batch_of(pipeline, text)
    assert [e for e in batch.events if e.type in ("CONSULT", "COOPERATE")] == []


def test_seed_kabulov_channels_are_reported_cooperation(seed_batch):
    statements = {s.id: s for s in seed_batch.statements}
    channels = [e for e in seed_batch.events if e.source == "country:ru" and e.target == "org:taliban"
                and e.type in ("CONSULT", "COOPERATE") and e.modality == "reported"]
    assert len(channels) == 1
    statement = statements[channels[0].attributed_to]
    assert statement.speaker == "person:zamir-kabulov" and "channels" in statement.content
