"""Automatic cross-document identity: a person named by surname alone in one article is the
person with that surname named in full in another ("Kabulov" -> "Zamir Kabulov").

Within one document the resolver already joins surnames to full names; across documents only
the store sees both. The rule abstains when it is not sure: it links only when exactly one
person in the store (and the batch) has a full name ending in that surname, and never a pair
that a user split. Each link is recorded in the judgements table (kind "link"), so it is
listed with the user's judgements, survives re-ingest, and `split` undoes it.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable

from sqlalchemy import Connection, insert, select, update

from ..model import Actor
from .judgements import IdentityMap, norm
from .schema import ACTOR_REFERENCES, actors, judgements
from .summary import recount


def last_word(name: str | None) -> str | None:
    """norm() of a name's last word, stored as actors.name_last_word for surname lookups."""
    words = (name or "").split()
    return norm(words[-1]) if words else None


def _full_names_with_surname(conn: Connection, surname: str, batch_people: list[Actor],
                             identity: IdentityMap) -> set[str]:
    """Canonical ids of people whose full name (two words or more) ends in `surname`."""
    key = norm(surname)
    found = set()
    stored = conn.execute(select(actors.c.id, actors.c.name).where(
        actors.c.type == "person", actors.c.name_last_word == key))
    for actor_id, name in [*stored, *((a.id, a.name) for a in batch_people)]:
        words = name.split()
        if len(words) >= 2 and norm(words[-1]) == key:
            found.add(identity.root(actor_id))
    return found


def _surname_only_people(conn: Connection, surname: str, exclude: str) -> list[str]:
    rows = conn.execute(select(actors.c.id, actors.c.name).where(
        actors.c.type == "person", actors.c.id == actors.c.canonical_id, actors.c.id != exclude,
        actors.c.name_last_word == norm(surname)))
    return [actor_id for actor_id, name in rows if len(name.split()) == 1 and norm(name) == norm(surname)]


def link_people_across_documents(conn: Connection, batch_actors: Iterable[Actor], identity: IdentityMap) -> list[tuple[str, str]]:
    """Link surname-only people to the one full name they can be; returns (full id, surname id) pairs.

    Updates `identity` in place and the rows already stored for a surname-only actor.
    """
    people = [a for a in batch_actors if a.type == "person" and a.name and a.name.split()]
    made: list[tuple[str, str]] = []
    for person in people:
        words = person.name.split()
        if len(words) == 1:
            if person.id in identity.merges:
                continue
            targets = _full_names_with_surname(conn, words[0], people, identity)
            if len(targets) == 1:
                pairs = [(targets.pop(), person.id)]
            else:
                continue
        else:
            if identity.root(person.id) != person.id:
                continue
            if _full_names_with_surname(conn, words[-1], people, identity) != {person.id}:
                continue
            pairs = [(person.id, other) for other in _surname_only_people(conn, words[-1], person.id)
                     if other not in identity.merges]
        for full_id, surname_id in pairs:
            if full_id == surname_id or identity.was_split(full_id, surname_id):
                continue
            _record_link(conn, full_id, surname_id)
            identity.merges[surname_id] = full_id
            made.append((full_id, surname_id))
    return made


def _record_link(conn: Connection, full_id: str, surname_id: str) -> None:
    conn.execute(insert(judgements).values(kind="link", a=full_id, b=surname_id,
                                           note="same surname, one full name in the store",
                                           created_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))
    # Rows already stored under the surname-only actor now belong to the full name.
    conn.execute(update(actors).where(actors.c.canonical_id == surname_id).values(canonical_id=full_id))
    for table, col, _text in ACTOR_REFERENCES:
        conn.execute(update(table).where(table.c[col] == surname_id).values({col: full_id}))
    recount(conn, [full_id, surname_id])
