"""One record per real-world event: collapsing repeated mentions inside a document, and
re-deriving ids once the resolver has filled in actor ids."""
from __future__ import annotations

from dataclasses import replace

from ..model import Event
from ..model.ids import event_id
from .event_lexicon import load_lexicon

_REAL = {"asserted", "reported", "planned"}
_RANK = {"asserted": 0, "reported": 1, "planned": 2}


_LEADING = {"the", "a", "an", "some", "two", "three", "several", "many", "its", "their", "his", "her"}


def _text_key(text: str | None) -> str:
    """'the rebels' and 'Rebels' name the same unresolved actor."""
    words = (text or "").lower().split()
    while words and (words[0] in _LEADING or words[0].isdigit()):
        words.pop(0)
    return " ".join(words)


def collapse(events: list[Event], *, resolved: bool = False) -> list[Event]:
    """One record per real-world event in a document: repeated mentions add spans.

    Mentions merge when type, source, target and kind of modality agree and their dates do not
    differ ("clashed on Tuesday" and "clashed again on Thursday" stay two events). `resolved`:
    the resolver has filled in the actor ids, so a missing target id means an unknown target.
    """
    groups: dict[tuple, list[Event]] = {}
    for event in events:
        key = (event.type, event.source or _text_key(event.source_text), event.target or _text_key(event.target_text),
               event.modality if event.modality not in _REAL else "real")
        bucket = groups.setdefault(key, [])
        for i, first in enumerate(bucket):
            if first.date is None or event.date is None or first.date == event.date:
                bucket[i] = _merge(first, event)
                break
        else:
            bucket.append(event)
    return _absorb_targetless([e for bucket in groups.values() for e in bucket], resolved)


def _merge(first: Event, event: Event) -> Event:
    better = event if _RANK.get(event.modality, 9) < _RANK.get(first.modality, 9) else first
    merged = replace(first, spans=tuple(sorted(set(first.spans) | set(event.spans))), modality=better.modality,
                     date=first.date or event.date, attributed_to=first.attributed_to or event.attributed_to)
    if merged.date != first.date:  # the id is derived from the date
        merged = replace(merged, id=event_id(merged.document_id, merged.type, merged.source, merged.target,
                                             merged.span, date=merged.date, modality=merged.modality))
    return merged


def _less_targeted(event: Event, other: Event, resolved: bool) -> bool:
    """The other names the target this one leaves out: no target phrase against one, or (once
    actors are resolved) an unknown one ("Kurdish militant targets") against a known actor
    ("fighters of the PKK")."""
    if event.target is not None:
        return False
    return (event.target_text is None and other.target_text is not None) or (resolved and other.target is not None)


def _absorb_targetless(events: list[Event], resolved: bool) -> list[Event]:
    """'An exercise by the CSTO ... drilled against a Taliban invasion', 'jets struck militant
    targets, killing 12 fighters of the PKK': the same act told twice in one sentence, once
    without a known target, is one event."""
    out = []
    for event in events:
        if any(other is not event and other.type == event.type and other.source == event.source
               and other.source_text == event.source_text and _less_targeted(event, other, resolved)
               and other.modality == event.modality and set(other.spans) & set(event.spans)
               for other in events):
            continue
        out.append(event)
    return out


def _tells_nothing(event: Event) -> bool:
    """'The military denied bombing any camps', 'the government would not negotiate', 'the
    president will meet commanders': an act that did not happen, may happen or is only
    announced, with no known actor on either side, says nothing about any pair of actors (told
    as done, such an act is kept: "police detained 23 people")."""
    return event.modality in ("negated", "hypothetical", "planned") and event.source is None and event.target is None


_HIT_WHERE_IT_IS = {"ASSAULT", "COERCE"}  # "shelled the town of Sake": the place is what is hit


def _no_place_target(event: Event) -> Event:
    """'deployed troops in South Kivu', 'flew food to Pont-Sonde', 'travelled to Goma': a place
    is where an act happens, not a party to it; the target is left out."""
    if event.target and event.target.startswith("place:") and event.type not in _HIT_WHERE_IT_IS:
        return replace(event, target=None)
    return event


_UNNAMED_DOERS = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"}  # gunmen, police, crowds, troops


def _generic(phrase: str | None) -> bool:
    """'Officials', 'the spokesman', 'a senior official': a phrase of common words only (not
    'Rwandan rebels' or 'US Congress', which describe an actor the gazetteer does not hold)."""
    words = [w for w in (phrase or "").split() if w.lower() not in _LEADING]
    if not words:
        return True
    first = words[0].lower()
    first_is_common = words[0][:1].islower() or first in _COMMON_OPENERS or _actor_noun(first)
    return first_is_common and not any(w[:1].isupper() for w in words[1:])


# words that open a common phrase at the start of a sentence: "Senior officials said"
_COMMON_OPENERS = {"senior", "local", "top", "government", "military", "security", "state", "police", "army"}


def _actor_noun(word: str) -> bool:
    forms = {word, word[:-1], word[:-2]} if word.endswith("s") else {word}
    return bool(forms & load_lexicon().actor_nouns)


def _unnamed_stance(event: Event) -> bool:
    """'Officials accused ...', 'the spokesman urged ...': a stance or a diplomatic act whose
    maker is told by common words only tells nothing of who stands where (unlike the acts of
    unnamed gunmen, police, crowds or troops, which tell what happened to whom)."""
    return event.source is None and event.type not in _UNNAMED_DOERS and _generic(event.source_text)


def finish_events(events: tuple[Event, ...] | list[Event]) -> tuple[Event, ...]:
    """After the resolver has filled source and target ids: recompute the content-derived ids
    and collapse the events that turned out to be one ("Kabulov" and "Zamir Kabulov").

    Meant for resolve/: ``events = finish_events(replace(e, source=..., target=...) for ...)``.
    """
    # (an unnamed actor's act at a named place still tells something: judged before the place goes)
    placed = [_no_place_target(e) for e in events if not (_tells_nothing(e) or _unnamed_stance(e))]
    rekeyed = [replace(e, id=event_id(e.document_id, e.type, e.source, e.target, e.span, date=e.date,
                                      modality=e.modality)) for e in placed]
    return tuple(collapse(rekeyed, resolved=True))
