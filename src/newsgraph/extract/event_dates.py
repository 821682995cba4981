"""When an event happened: a date expression in the trigger's clause, resolved against the
publication date (extract/dates.py), else one attached to the verbs that govern it
("..., officials said Thursday")."""
from __future__ import annotations

import re

from spacy.tokens import Token

from .dates import resolve_date

_DATE_LABELS = {"DATE"}
_CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "conj", "parataxis"}
_EXPLICIT_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _date_entity(word: Token):
    """A DATE entity among the word's own modifiers, not inside an embedded clause."""
    for child in word.children:
        if child.dep_ in _CLAUSES:
            continue
        stack = [child]
        while stack:
            token = stack.pop()
            if token.ent_type_ in _DATE_LABELS:
                for ent in token.doc.ents:
                    if ent.start <= token.i < ent.end:
                        return ent
            stack.extend(c for c in token.children if c.dep_ not in _CLAUSES)
    return None


def _later_year(iso: str) -> str:
    return str(int(iso[:4]) + 1) + iso[4:]


def event_date(trigger: Token, anchor: Token, published: str | None, *, planned: bool = False) -> str | None:
    """ISO date of the event, or None. A planned event's bare month lies ahead ('in February')."""
    chain = [trigger] if trigger is anchor else [trigger, anchor]
    token = anchor
    for _ in range(6):
        if token.head is token or token.dep_ not in _CLAUSES | {"xcomp", "ccomp", "conj", "prep", "pobj"}:
            break
        token = token.head
        chain.append(token)
    for word in chain:
        entity = _date_entity(word)
        if entity is None:
            continue
        resolved = resolve_date(entity.text, published)
        if resolved is None:
            continue
        if planned and published and not _EXPLICIT_YEAR.search(entity.text) and resolved[:len(published)] < published[:len(resolved)]:
            resolved = _later_year(resolved)
        return resolved
    return None
