"""Benchmark: `check` and `relations` on a synthetic store of 10,000 documents (no spaCy).

Generated records (documents, actors, statements with `about` actors, events) are written with
Store.write_batches; cross-document links are computed with link_store; then each query is
timed a few times (median and worst).

    python bench/links_bench.py                       # 10,000 documents in a temporary file
    python bench/links_bench.py --documents 2000 --db /tmp/bench.db   # reused when run again
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.model import Actor, Batch, Document, Event, Mention, Statement
from newsgraph.model.ids import event_id, statement_id

COUNTRIES = [("ru", "Russia"), ("us", "United States"), ("cn", "China"), ("fr", "France"), ("de", "Germany"),
             ("ir", "Iran"), ("tr", "Turkey"), ("in", "India"), ("pk", "Pakistan"), ("af", "Afghanistan"),
             ("ua", "Ukraine"), ("pl", "Poland"), ("no", "Norway"), ("is", "Iceland"), ("jp", "Japan"),
             ("kr", "South Korea"), ("br", "Brazil"), ("eg", "Egypt"), ("sa", "Saudi Arabia"), ("il", "Israel")]
GROUPS = [("org:taliban", "Taliban", "armed_group"), ("org:nato", "NATO", "organization"),
          ("org:un", "United Nations", "organization"), ("org:eu", "European Union", "organization")]
PREDICATES = ["has channels for information sharing with", "sent arms to", "held talks with", "attacked",
              "signed an agreement with", "imposed sanctions on", "threatened", "sent aid to",
              "accused", "met officials of", "closed its border with", "agreed to cooperate with"]
EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "ACCUSE", "THREATEN", "REJECT",
               "SANCTION", "ASSAULT", "COERCE", "MOBILIZE"]


def actors() -> list[Actor]:
    out = [Actor(f"country:{iso}", name, "state", iso.upper(), aliases=(name,)) for iso, name in COUNTRIES]
    out += [Actor(aid, name, kind, None, aliases=(name,)) for aid, name, kind in GROUPS]
    out += [Actor(f"person:speaker-{i}", f"Speaker {i}", "person", None, aliases=(f"Speaker {i}",))
            for i in range(200)]
    return out


def make_batch(i: int, rng: random.Random, pool: list[Actor]) -> Batch:
    parties = pool[:len(COUNTRIES) + len(GROUPS)]
    people = pool[len(parties):]
    day = 1 + (i * 7) % 700
    year, rest = 2015 + day // 365, day % 365
    published = f"{year}-{1 + rest // 31:02d}-{1 + rest % 28:02d}"
    sentences, statements, events, mentions = [], [], [], []
    offset = 0
    for k in range(4):
        a, b = rng.sample(parties, 2)
        speaker = rng.choice(people)
        deny = rng.random() < 0.2
        content = f"{a.name} {'never' if deny else ''} {rng.choice(PREDICATES)} {b.name}".replace("  ", " ")
        sentence = f"{speaker.name} said that {content}."
        start = offset + len(speaker.name) + len(" said that ")
        span = (start, start + len(content))
        doc_id = f"bench:{i}"
        statements.append(Statement(
            id=statement_id(doc_id, span), document_id=doc_id, content=content, content_span=span,
            speaker=speaker.id, speaker_text=speaker.name, cue="say", polarity="deny" if deny else "assert",
            date=published, about=(a.id, b.id)))
        mentions.append(Mention((offset, offset + len(speaker.name)), speaker.name, "person", speaker.id))
        etype = rng.choice(EVENT_TYPES)
        events.append(Event(id=event_id(doc_id, etype, a.id, b.id, span), document_id=doc_id, type=etype,
                            span=span, trigger="said", source=a.id, target=b.id, source_text=a.name,
                            target_text=b.name, date=published))
        sentences.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(sentences)
    used = {m.actor_id for m in mentions} | {e.source for e in events} | {e.target for e in events}
    return Batch(document=Document(id=f"bench:{i}", text=text, published=published, source="Bench Wire",
                                   title=f"Bench article {i}"),
                 actors=tuple(a for a in pool if a.id in used), statements=tuple(statements),
                 events=tuple(events), mentions=tuple(mentions))


def timed(label: str, fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    print(f"{label}: median {statistics.median(times):.3f} s, worst {max(times):.3f} s ({_size(result)})")
    return statistics.median(times)


def _size(result) -> str:
    if "series" in result:
        return f"{len(result['series'])} periods, {len(result['shifts'])} shifts"
    return f"{len(result['supporting'])} supporting, {len(result['denying'])} denying"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--db", default=None, help="SQLite file (default: a temporary one)")
    parser.add_argument("--skip-link", action="store_true", help="Do not time link_store (reused --db).")
    args = parser.parse_args(argv)

    from newsgraph.link.across import link_store
    from newsgraph.query.links import check
    from newsgraph.query.relations import relations
    from newsgraph.store import open_store

    db = args.db or str(Path(tempfile.mkdtemp()) / "links_bench.db")
    rng = random.Random(6)
    pool = actors()
    store = open_store(db)
    start = time.perf_counter()
    if store.stats()["documents"] >= args.documents:  # --db of an earlier run: reuse it
        print(f"reusing {db}: {store.stats()}")
    else:
        chunk = 500
        for first in range(0, args.documents, chunk):
            store.write_batches(make_batch(i, rng, pool) for i in range(first, min(first + chunk, args.documents)))
        print(f"wrote {args.documents} documents in {time.perf_counter() - start:.1f} s: {store.stats()}")
    if not args.skip_link:
        start = time.perf_counter()
        written = link_store(store)
        print(f"link_store: {written} links in {time.perf_counter() - start:.1f} s")

    worst = max(
        timed("check 'Russia has channels for information sharing with the Taliban'",
              lambda: check(store, "Russia has channels for information sharing with the Taliban")),
        timed("check 'Norway imposed sanctions on Iceland'",
              lambda: check(store, "Norway imposed sanctions on Iceland")),
        timed("relations Russia Taliban --period month", lambda: relations(store, "Russia", "Taliban", "month")),
        timed("relations country:us country:cn --period week",
              lambda: relations(store, "country:us", "country:cn", "week")),
    )
    store.close()
    print(f"slowest median: {worst:.3f} s (target < 1 s)")
    return 0 if worst < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
