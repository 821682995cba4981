"""Statements on short wire-style articles written for the project (fictional events; gold
written before the extractor was first run on them). Each gold line: a piece of the speaker
text, a piece of the content, the polarity; `none` lists contents that must not be
statements (refusals of proposals, misread phrasal cues). Scoring: `score_articles`."""
from __future__ import annotations

import pytest

from newsgraph.model import Document

ARTICLES = [
    {
        "id": "wire-01",
        "text": (
            "Paraguay and Brazil trade blame over border clashes\n\n"
            "ASUNCION, May 12 (Newswire) - Paraguay's Interior Ministry said on Monday that police had "
            "detained 14 people after clashes at a border crossing with Brazil.\n\n"
            "\"No one was injured during the operation,\" Interior Minister Carla Benitez told reporters. "
            "\"The crossing will reopen on Wednesday morning.\"\n\n"
            "The truckers' union called a 48-hour strike for Thursday and rejected an offer of talks from "
            "the government. Its leader, Ramon Ayala, accused the police of using excessive force.\n\n"
            "Brazil's Foreign Ministry said it had asked for an explanation. The Senate rejected a motion "
            "on Tuesday to summon the minister.\n\n"
            "\"We have not received any formal complaint,\" Benitez said. \"Our officers acted within the "
            "law.\"\n\n"
            "Ayala dismissed that claim. He said several drivers had been beaten.\n"
        ),
        "statements": [
            ("Paraguay", "police had detained 14 people", "assert"),
            ("Carla Benitez", "No one was injured during the operation", "deny"),
            ("Carla Benitez", "The crossing will reopen on Wednesday morning", "assert"),
            ("Ramon Ayala", "the police of using excessive force", "assert"),
            ("Brazil", "it had asked for an explanation", "assert"),
            ("Benitez", "We have not received any formal complaint", "deny"),
            ("Benitez", "Our officers acted within the law", "assert"),
            ("Ayala", "that claim", "deny"),
            ("He", "several drivers had been beaten", "assert"),
        ],
        "none": ["Thursday", "an offer of talks", "a motion"],
    },
    {
        "id": "wire-02",
        "text": (
            "Cyprus denies patrol boat entered Turkish Cypriot waters\n\n"
            "NICOSIA, Feb 3 (Newswire) - Turkey's Defence Ministry said a Greek Cypriot patrol boat had "
            "entered Turkish Cypriot waters on Saturday, a claim the government in Nicosia denied.\n\n"
            "\"Our vessel never left our territorial waters,\" government spokesman Andreas Petrou said. "
            "\"We have informed the European Union of the incident.\"\n\n"
            "The Turkish Cypriot administration called the patrol \"a deliberate provocation\" and urged "
            "the United Nations to intervene. The U.N. mission on the island called for restraint.\n\n"
            "The European Commission said it was following the situation closely. Ankara has rejected every "
            "proposal for a joint maritime commission since 2021.\n\n"
            "Fishermen in the port of Kyrenia said they had seen two boats near the coast, according to a "
            "local newspaper.\n"
        ),
        "statements": [
            ("Turkey", "a Greek Cypriot patrol boat had entered Turkish Cypriot waters", "assert"),
            ("Andreas Petrou", "Our vessel never left our territorial waters", "deny"),
            ("Andreas Petrou", "We have informed the European Union of the incident", "assert"),
            ("Turkish Cypriot administration", "a deliberate provocation", "assert"),
            ("Turkish Cypriot administration", "the United Nations to intervene", "assert"),
            ("mission", "restraint", "assert"),
            ("European Commission", "it was following the situation closely", "assert"),
            ("Fishermen", "they had seen two boats near the coast", "assert"),
        ],
        "none": ["every proposal"],
    },
]


def score_articles(batches) -> dict:
    """Recall of the gold contents, speaker-text and polarity accuracy on the found ones, and
    the statements that match no gold line or hit a `none` trap."""
    found = speakers = polarities = 0
    total = sum(len(a["statements"]) for a in ARTICLES)
    spurious: list[str] = []
    errors: list[str] = []
    for article, batch in zip(ARTICLES, batches):
        for speaker, piece, polarity in article["statements"]:
            hits = sorted((s for s in batch.statements if piece in s.content), key=lambda s: len(s.content))
            if not hits:
                errors.append(f"missed: {piece}")
                continue
            found += 1
            speakers += speaker in (hits[0].speaker_text or "")
            polarities += hits[0].polarity == polarity
            if speaker not in (hits[0].speaker_text or "") or hits[0].polarity != polarity:
                errors.append(f"wrong: {piece} -> {hits[0].speaker_text} {hits[0].polarity}")
        for s in batch.statements:
            if any(s.content.startswith(t) for t in article["none"]) or \
                    not any(piece in s.content for _, piece, _ in article["statements"]):
                spurious.append(s.content)
    return {"recall": found / total, "speaker_text_accuracy": speakers / max(found, 1),
            "polarity_accuracy": polarities / max(found, 1), "spurious": spurious, "errors": errors}


@pytest.fixture(scope="module")
def scores(pipeline):
    docs = [Document(id=a["id"], text=a["text"], published="2024-05-12") for a in ARTICLES]
    return score_articles([pipeline.process(d) for d in docs])


# First run (statements code of commit 7560181): recall 1.0, speaker text 0.765, polarity 0.824,
# three trap hits (refusals). After the 2026-11-25 changes: 1.0, 0.765, 1.0, none. The speaker
# text misses are "Paraguay's Interior Ministry" spans that leave out the state (the resolved
# actor is the state) and a relayed statement ("X said ..., according to a newspaper").
FLOORS = {"recall": 0.95, "speaker_text_accuracy": 0.7, "polarity_accuracy": 0.95}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_wire_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], scores


def test_wire_no_trap_hit(scores):
    traps = [t for a in ARTICLES for t in a["none"]]
    assert not [s for s in scores["spurious"] if any(s.startswith(t) for t in traps)], scores["spurious"]
