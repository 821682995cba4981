"""When an event happened: a date expression in the trigger's clause, resolved against the
publication date (extract/dates.py), else one attached to the verbs that govern it
("..., officials said Thursday"). The nearest date wins ("detained 42 people on Tuesday
suspected of links to ... a 2016 coup attempt" is Tuesday), and a date that modifies another
noun dates that noun, not the event ("a 2016 coup attempt", "the 2019 election"). A relative
clause keeps its own time: "the network that Ankara blames" is not dated by the main clause.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .dates import dated_noun, resolve_date

_DATE_LABELS = {"DATE"}
_CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "conj", "parataxis"}
# Relations climbed from the trigger to the words that govern it (not out of a relative clause).
_GOVERNED_BY = {"ccomp", "xcomp", "advcl", "csubj", "conj", "parataxis", "prep", "pobj", "pcomp"}
_EXPLICIT_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _entity_at(token: Token):
    return next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)


def _date_entity(word: Token):
    """The nearest DATE entity among the word's own modifiers (breadth first), not inside an
    embedded clause and not one that dates some other noun."""
    queue = [c for c in word.children if c.dep_ not in _CLAUSES]
    while queue:
        token = queue.pop(0)
        if token.ent_type_ in _DATE_LABELS:
            entity = _entity_at(token)
            owner = dated_noun(entity) if entity is not None else None
            if entity is not None and (owner is None or owner.i == word.i):
                return entity
        queue.extend(c for c in token.children if c.dep_ not in _CLAUSES)
    return None


def _later_year(iso: str) -> str:
    return str(int(iso[:4]) + 1) + iso[4:]


def event_date(trigger: Token, anchor: Token, published: str | None, *, planned: bool = False) -> str | None:
    """ISO date of the event, or None. A planned event's bare month lies ahead ('in February')."""
    # the light verb's clause first: "the 2015 agreement was signed on Monday" is Monday
    chain = [trigger] if trigger is anchor else [anchor, trigger]
    token = anchor
    for _ in range(6):
        if token.head is token or token.dep_ not in _GOVERNED_BY:
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
