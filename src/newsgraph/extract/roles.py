"""People's roles and affiliations, read from the parse around each person mention.

Three shapes, all inside one noun phrase:
- pre-modifier titles: "CSTO General Secretary Nikolay Bordyuzha", "Russian analyst
  Alexander Knyazev", "American Central Asia analyst Noah Tucker";
- an appositive after the name: "Zamir Kabulov, the Kremlin's special envoy to Afghanistan";
- the name as an appositive of the title: "the Kremlin's special envoy to Afghanistan, Zamir
  Kabulov", "the head of the CSTO, Nikolay Bordyuzha".
The role's ``of`` is the organisation or state: a possessor ("the Kremlin's"), the object
of "of/at/for" ("head of the CSTO", "President Tayyip Erdogan of Turkey"), or a name or
demonym in front of the title ("CSTO", "Russian"). A phrase without a title noun gives no
role: abstaining beats inventing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..model import Role, Span

if TYPE_CHECKING:
    from .actors import ActorWords

_OF_PREPS = {"of", "at", "for", "with"}
_MAX_ROLE_TOKENS = 14
_RANKS = {"colonel", "lieutenant", "captain", "major", "brigadier", "sergeant", "admiral"}


def _is_title_noun(token: Token, words: "ActorWords") -> bool:
    return token.lower_ in words.role_nouns or token.lemma_.lower() in words.role_nouns


def _clean(tokens: list[Token], words: "ActorWords") -> str:
    """Title text from the kept tokens, without honorifics or edge punctuation."""
    tokens = [t for t in tokens if t.lower_ not in words.honorifics]
    while tokens and (tokens[0].is_punct or tokens[0].pos_ in ("DET", "CCONJ", "ADP")):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("CCONJ", "ADP", "DET")):
        tokens.pop()
    parts = []
    for t, nxt in zip(tokens, tokens[1:] + [None]):
        # Keep the text's own spacing between neighbours; a gap left by a dropped token is one space.
        parts.append(t.text + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else " "))
    return "".join(parts).strip()


def _pre_modifier(doc: Doc, person: SpacySpan, affiliation: dict[int, str],
                  words: "ActorWords") -> tuple[Role | None, int]:
    """A title written in front of the name; returns (role, first token of the title)."""
    # The parser may cut a coordinated title off its name ("Turkish President Tayyip Erdogan
    # and Foreign Minister Hakan Fidan"): capitalised words right before the name belong to it.
    left_edge = min(person.root.left_edge.i, _capitalised_run_start(doc, person.start))
    i = person.start - 1
    title: list[Token] = []
    of = None
    while i >= left_edge:
        token = doc[i]
        if token.i in affiliation:
            of = affiliation[i]
            break
        if token.tag_ == "POS" and i - 1 >= left_edge and (i - 1) in affiliation:
            of = affiliation[i - 1]  # "Russia's foreign minister Sergei Lavrov"
            break
        if token.is_punct and token.text != "-" or token.pos_ in ("DET", "VERB", "AUX", "PRON", "ADP", "CCONJ"):
            break
        if token.text == "-":  # "Kremlin-friendly": a hyphenated attribute ends the title
            break
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            break
        title.insert(0, token)
        i -= 1
    # Only the contiguous run ending in a title noun is the title ("normally friendly analyst").
    while title and not _is_title_noun(title[-1], words):
        title.pop()
    if not any(_is_title_noun(t, words) for t in title):
        return None, person.start
    # "army spokesman Colonel Anan Kittikhun": a rank after another title is part of the name's
    # honorifics, not of the role ("Lieutenant Colonel" stays a rank; "General" is also a title)
    while len(title) > 1 and title[-1].lower_ in _RANKS and any(
            _is_title_noun(t, words) and t.lower_ not in _RANKS for t in title[:-1]):
        title.pop()
    if of is None and title[0].i - 1 in affiliation:
        of = affiliation[title[0].i - 1]  # the parser left "CSTO" outside the name's phrase
    # Adjectives in front of the title that are not part of it ("skeptical") are rare here.
    text = _clean(title, words)
    if not text:
        return None, person.start
    span = (title[0].idx, title[-1].idx + len(title[-1]))
    return Role(title=text, of=of, span=span), title[0].i


def _capitalised_run_start(doc: Doc, start: int) -> int:
    i = start
    while i > 0 and doc[i - 1].is_title and doc[i - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
        i -= 1
    return i


def _of_after(doc: Doc, person: SpacySpan, affiliation: dict[int, str]) -> str | None:
    """'President Tayyip Erdogan of Turkey': the state or organisation named right after."""
    if person.end >= len(doc) or doc[person.end].lower_ not in ("of", "at") \
            or doc[person.end].head.i not in range(person.start, person.end):
        return None
    objects = [t for t in doc[person.end].subtree if t.i in affiliation]
    return affiliation[objects[0].i] if objects else None


def _role_from_phrase(head: Token, exclude: set[int], affiliation: dict[int, str],
                      words: "ActorWords") -> Role | None:
    """Role from a title noun phrase ("the Kremlin's special envoy to Afghanistan")."""
    if not _is_title_noun(head, words):
        return None
    tokens = [t for t in head.subtree if t.i not in exclude]
    cut: set[int] = set()
    for t in tokens:
        if t.dep_ in ("relcl", "acl", "appos", "punct") and t.i > head.i and t.head.i == head.i:
            cut.update(x.i for x in t.subtree)
            if t.dep_ == "punct":  # a comma after the title closes the phrase
                cut.update(x.i for x in tokens if x.i > t.i)
    tokens = [t for t in tokens if t.i not in cut]
    if not tokens or len(tokens) > _MAX_ROLE_TOKENS:
        return None
    of = None
    drop: set[int] = set()
    for child in head.children:
        if child.i in cut or child.i in exclude:
            continue
        if child.dep_ == "poss":  # "the Kremlin's envoy"; "the group's leader" keeps no `of`
            ids = [affiliation[t.i] for t in child.subtree if t.i in affiliation]
            drop.update(t.i for t in child.subtree)
            if ids:
                of = ids[0]
                break
    if of is None:
        for t in tokens:  # a name or demonym in front of the title: "the Russian envoy", "a WFP director"
            if t.i < head.i and t.i in affiliation and t.i not in drop:
                of = affiliation[t.i]
                last = t.i
                while last + 1 < head.i and affiliation.get(last + 1) == of:
                    last += 1  # the whole name: "State Department", "International Crisis Group"
                drop.update(x.i for x in tokens if x.i <= last)
                break
    if of is None:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _OF_PREPS and child.i not in cut:
                objects = [t for t in child.subtree if t.i in affiliation]
                if objects:
                    of = affiliation[objects[0].i]  # "the head of the CSTO"
                    drop.update(t.i for t in child.subtree)
                    break
    kept = [t for t in tokens if t.i not in drop and not (t.tag_ == "POS" and t.head.i in drop)]
    text = _clean(kept, words)
    if not text or not any(_is_title_noun(t, words) for t in kept):
        return None
    return Role(title=text, of=of, span=(kept[0].idx, kept[-1].idx + len(kept[-1])))


def find_roles(doc: Doc, person_spans: list[SpacySpan], affiliation: dict[int, str],
               words: "ActorWords") -> list[tuple[Span, Role]]:
    """(person mention span, Role) pairs for the people named in the document."""
    out: list[tuple[Span, Role]] = []
    for person in person_spans:
        where = (person.start_char, person.end_char)
        inside = set(range(person.start, person.end))
        role, _ = _pre_modifier(doc, person, affiliation, words)
        if role is not None:
            of = role.of or _of_after(doc, person, affiliation)
            out.append((where, Role(title=role.title, of=of, span=role.span)))
        # "Zamir Kabulov, the Kremlin's special envoy to Afghanistan," (the parser may hang the
        # appositive on any word of the name, so look at each)
        for token in person:
            for child in token.rights:
                if child.dep_ == "appos" and child.i not in inside:
                    role = _role_from_phrase(child, inside, affiliation, words)
                    if role is not None:
                        out.append((where, role))
        # "the Kremlin's special envoy to Afghanistan, Zamir Kabulov"
        root = next((t for t in person if t.dep_ == "appos" and t.head.i < person.start), None)
        if root is not None:
            head = root.head
            # The parser often hangs the name on the title's last noun ("envoy to Afghanistan,
            # Zamir Kabulov"): climb from there to the title noun.
            while not _is_title_noun(head, words) and head.dep_ in ("pobj", "prep", "compound") \
                    and head.head.i < head.i:
                head = head.head
            exclude = {t.i for t in root.subtree}
            role = _role_from_phrase(head, exclude, affiliation, words)
            if role is not None:
                out.append((where, role))
    return out
