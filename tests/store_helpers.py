"""Hand-built Batches for the store tests: no spaCy, so they run in milliseconds."""
from __future__ import annotations

from newsgraph.model import Actor, Batch, Document, Event, Link, Mention, Statement
from newsgraph.model.ids import event_id, link_id, statement_id


def span_of(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return (i, i + len(part))


def make_batch(doc_id: str, text: str, actors: dict[str, tuple[str, str, list[str]]],
               statements: list[dict] = (), events: list[dict] = (), links: list[tuple[int, int]] = (),
               published: str | None = "2016-01-05") -> Batch:
    """actors: id -> (name, type, [mention texts as they occur in text]).

    statements: dicts with content, speaker (id), speaker_text, polarity, about.
    events: dicts with type, source, target, trigger, sentence; optional id (shared across docs).
    links: pairs of statement indexes that contradict each other.
    """
    document = Document(id=doc_id, text=text, title=text.split("\n")[0], published=published)
    mentions, actor_records = [], []
    for aid, (name, atype, texts) in actors.items():
        spans = []
        for t in texts:
            start = 0
            while (i := text.find(t, start)) >= 0:
                spans.append((i, i + len(t)))
                mentions.append(Mention(span=(i, i + len(t)), text=t, type=atype, actor_id=aid))
                start = i + len(t)
        actor_records.append(Actor(id=aid, name=name, type=atype, aliases=tuple(sorted(set(texts))),
                                   mentions=tuple(sorted(spans))))
    stmts = []
    for s in statements:
        content_span = span_of(text, s["content"])
        speaker_text = s.get("speaker_text")
        stmts.append(Statement(
            id=statement_id(doc_id, content_span), document_id=doc_id, content=s["content"],
            content_span=content_span, speaker=s.get("speaker"), speaker_text=speaker_text,
            speaker_span=span_of(text, speaker_text) if speaker_text else None, cue="say",
            polarity=s.get("polarity", "assert"), about=tuple(s.get("about", ()))))
    evs = []
    for e in events:
        span = span_of(text, e["sentence"])
        eid = e.get("id") or event_id(doc_id, e["type"], e.get("source"), e.get("target"), span)
        evs.append(Event(id=eid, document_id=doc_id, type=e["type"], span=span, trigger=e.get("trigger", ""),
                         source=e.get("source"), target=e.get("target"), source_text=e.get("source_text"),
                         target_text=e.get("target_text"), date=e.get("date"),
                         modality=e.get("modality", "asserted")))
    link_records = tuple(Link(id=link_id("contradicts", stmts[i].id, stmts[j].id), type="contradicts",
                              a=stmts[i].id, b=stmts[j].id, score=0.9, reason="test")
                         for i, j in links)
    return Batch(document=document, actors=tuple(actor_records), statements=tuple(stmts), events=tuple(evs),
                 links=link_records, mentions=tuple(mentions))


BORDER_TEXT = (
    "Valdorian envoy says Corvin talks are open\n"
    "Valdoria has opened channels to the Corvin Front, envoy Mira Talen said on Tuesday. "
    "Talen said the talks were about prisoners. "
    "The Corvin Front denied any contact with Valdoria. "
    "Valdoria will send rifles to the Ostrian government, Talen said."
)

SECOND_TEXT = (
    "Ostria thanks Valdoria\n"
    "Ostrian officials welcomed the rifles that Valdoria will send. "
    "Minister Talen said that the Corvin Front was weakening. "
    "Valdoria will send rifles to the Ostrian government. "
    "The Front said the talks were a trap."
)

ACTORS_1 = {
    "country:vd": ("Valdoria", "state", ["Valdoria"]),
    "org:corvin-front": ("Corvin Front", "armed_group", ["Corvin Front"]),
    "person:mira-talen": ("Mira Talen", "person", ["Mira Talen", "Talen"]),
    "country:os": ("Ostria", "state", ["Ostrian government"]),
}
ACTORS_2 = {
    "country:vd": ("Valdoria", "state", ["Valdoria"]),
    "org:corvin-front": ("Corvin Front", "armed_group", ["Corvin Front"]),
    "person:talen": ("Talen", "person", ["Talen"]),
    "country:os": ("Ostria", "state", ["Ostria", "Ostrian officials"]),
    "org:front": ("The Front", "armed_group", ["The Front"]),
}
RIFLES = "evt:rifles-vd-os"


def border_batch(doc_id: str = "doc:border") -> Batch:
    return make_batch(
        doc_id, BORDER_TEXT, ACTORS_1,
        statements=[
            {"content": "Valdoria has opened channels to the Corvin Front", "speaker": "person:mira-talen",
             "speaker_text": "Mira Talen", "about": ["country:vd", "org:corvin-front"]},
            {"content": "denied any contact with Valdoria", "speaker": "org:corvin-front",
             "speaker_text": "Corvin Front", "polarity": "deny", "about": ["country:vd"]},
            {"content": "the talks were about prisoners", "speaker": "person:mira-talen", "speaker_text": "Talen"},
        ],
        events=[{"id": RIFLES, "type": "AID", "source": "country:vd", "target": "country:os",
                 "source_text": "Valdoria", "target_text": "Ostrian government", "trigger": "send",
                 "sentence": "Valdoria will send rifles to the Ostrian government", "modality": "planned",
                 "date": "2016-02"},
                {"type": "CONSULT", "source": "country:vd", "target": "org:corvin-front", "trigger": "opened",
                 "sentence": "Valdoria has opened channels to the Corvin Front", "modality": "reported"}],
        links=[(0, 1)])


def second_batch(doc_id: str = "doc:second") -> Batch:
    return make_batch(
        doc_id, SECOND_TEXT, ACTORS_2, published="2016-01-07",
        statements=[{"content": "the Corvin Front was weakening", "speaker": "person:talen",
                     "speaker_text": "Talen", "about": ["org:corvin-front"]},
                    {"content": "the talks were a trap", "speaker": "org:front", "speaker_text": "The Front"}],
        events=[{"id": RIFLES, "type": "AID", "source": "country:vd", "target": "country:os",
                 "source_text": "Valdoria", "target_text": "Ostrian government", "trigger": "send",
                 "sentence": "Valdoria will send rifles to the Ostrian government", "modality": "planned"}])
