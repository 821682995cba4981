"""Where the reported content of a cue lies: complements, adjacent quotes, colon blocks.

Each function takes a cue verb (a spaCy Token) and returns character spans; the caller
(statements.py) decides speaker, polarity, medium and date. Token loops here only walk the
cue's own children and subtree, never the whole document.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..model import Span
from .cues import Cue
from .paragraphs import paragraph_spans
from .statement_quotes import Quote

GAP = re.compile(r"[\s,;:—–-]*")
# Tokens allowed between a cue verb and the quote it introduces ("said in a statement on Monday:").
FRAME_DEPS = {"nsubj", "prep", "pobj", "det", "amod", "compound", "npadvmod", "advmod", "punct",
              "dative", "poss", "case", "appos", "nummod", "prt", "agent", "nmod", "quantmod", "dobj",
              "pcomp"}
_EMPTY_OBJECTS = {"it", "this", "that", "nothing", "anything", "something", "everything", "so",
                  "much", "little", "more", "which", "what", "them", "him", "her"}
_LEAD_DROP = {"that"}


class TextLayout:
    """Paragraphs and quotes of a document, with fast position lookups."""

    def __init__(self, doc: Doc, quotes: list[Quote] | None = None):
        from .statement_quotes import find_quotes

        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraph_spans(self.text)
        self._para_starts = [p[0] for p in self.paragraphs]
        self.quotes = find_quotes(self.text, self.paragraphs) if quotes is None else quotes
        self._quote_starts = [q.span[0] for q in self.quotes]

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect_right(self._para_starts, pos) - 1)

    def paragraph(self, pos: int) -> Span:
        return self.paragraphs[self.paragraph_index(pos)] if self.paragraphs else (0, len(self.text))

    def quote_index_at(self, pos: int) -> int | None:
        """Index of the quote whose marks enclose pos, if any."""
        i = bisect_right(self._quote_starts, pos) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.span[0] <= pos < q.span[1]:
                return i
            if q.paragraphs == 1 and q.span[1] < pos - 2000:
                break
            i -= 1
        return None

    def quotes_overlapping(self, span: Span) -> list[int]:
        i = max(0, bisect_right(self._quote_starts, span[0]) - 1)
        out = []
        while i < len(self.quotes) and self.quotes[i].span[0] < span[1]:
            if self.quotes[i].span[1] > span[0]:
                out.append(i)
            i += 1
        return out

    def first_quote_after(self, pos: int) -> int | None:
        i = bisect_right(self._quote_starts, pos - 1)
        return i if i < len(self.quotes) else None

    def last_quote_before(self, pos: int) -> int | None:
        """The last quote that closes at or before pos."""
        i = bisect_right(self._quote_starts, pos) - 1
        while i >= 0 and self.quotes[i].span[1] > pos:
            i -= 1
        return i if i >= 0 else None

    def is_gap(self, start: int, end: int) -> bool:
        """Only spaces and frame punctuation between start and end (and not across paragraphs,
        unless a colon introduces what follows)."""
        if end < start:
            return False
        between = self.text[start:end]
        if GAP.fullmatch(between) is None:
            return False
        return "\n" not in between or ":" in between


def token_span(doc: Doc, first: int, last: int) -> Span:
    """Character span of tokens first..last inclusive."""
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def trimmed(doc: Doc, first: int, last: int, clip: Span) -> Span | None:
    """Tokens first..last without edge punctuation, a leading "that", or anything outside clip."""
    while first <= last and (doc[first].is_punct or doc[first].is_space or doc[first].idx < clip[0]
                             or (doc[first].lower_ in _LEAD_DROP and (doc[first].dep_ == "mark"
                                                                       or doc[first].pos_ == "SCONJ"))
                             or doc[first].dep_ == "cc"):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"
                             or doc[last].idx + len(doc[last].text) > clip[1]):
        last -= 1
    if last < first:
        return None
    return token_span(doc, first, last)


def _bare_clause(verb: Token, clause: Token) -> bool:
    """"said after the convention he would not accept": a finite clause with its own subject
    and no subordinator, which the parser took for an adverbial clause."""
    return (clause.dep_ == "advcl" and clause.i > verb.i and clause.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            and not any(c.dep_ == "mark" for c in clause.children))


def _participle_cues(clause: Token) -> list[int]:
    """Where a trailing ", arguing that ..." / ", adding ..." starts inside a reported clause:
    the participle is a cue of its own, not part of what was said."""
    from .cues import cue_lexicon

    return [c.left_edge.i for c in clause.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > clause.i and c.lemma_ in cue_lexicon()]


def _split_coordinated(comp: Token) -> list[Token]:
    """"said that A, and that B": two contents. Conjuncts with their own "that" split off."""
    parts = [comp]
    for child in comp.children:
        if child.dep_ == "conj" and any(g.dep_ == "mark" for g in child.children):
            parts.append(child)
    return parts


def complement_spans(verb: Token, cue: Cue, clip: Span) -> list[tuple[Span, Token]]:
    """Content spans from the verb's complements allowed by the cue's frames, with the root
    token of each (for polarity)."""
    doc = verb.doc
    out: list[tuple[Span, Token]] = []
    children = list(verb.children)
    if "that" in cue.frames or "quote" in cue.frames:
        for comp in children:
            if comp.dep_ != "ccomp" and not _bare_clause(verb, comp):
                continue
            parts = _split_coordinated(comp)
            cut = [p.left_edge.i for p in parts[1:]] + _participle_cues(comp)
            for index, part in enumerate(parts):
                first = part.left_edge.i
                last = part.right_edge.i if index else (min(cut) - 1 if cut else part.right_edge.i)
                span = trimmed(doc, first, last, clip)
                if span:
                    out.append((span, part))
    if not out and "that" in cue.frames:
        late = _late_that_clause(verb, clip)
        if late:
            out.append(late)
    if out:
        return out
    if "prep" in cue.frames and cue.particle:
        for prep in children:
            if prep.dep_ == "prep" and prep.lower_ == cue.particle:
                objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    tail = [c for c in children if c.dep_ == "xcomp" and c.i > prep.i]
                    last = tail[-1].right_edge.i if tail else objects[0].right_edge.i
                    span = trimmed(doc, objects[0].left_edge.i, last, clip)
                    if span:
                        out.append((span, objects[0]))
    if out:
        return out
    if "to" in cue.frames:
        for comp in children:
            if comp.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
                objects = [c for c in children if c.dep_ == "dobj" and c.i < comp.i]
                first = objects[0].left_edge.i if objects else comp.left_edge.i
                span = trimmed(doc, first, comp.right_edge.i, clip)
                if span:
                    out.append((span, comp))
    if out:
        return out
    if "name" in cue.frames:
        objects = [c for c in children if c.dep_ in ("dobj", "nmod")]
        names = [c for c in children if c.dep_ in ("oprd", "xcomp", "ccomp")
                 or (c.dep_ == "prep" and c.lower_ in ("as", "of"))]
        if names and not objects:  # "called half of them 'deplorables'": the parse hangs it on the name
            objects = [c for c in names[0].children if c.dep_ in ("nmod", "nsubj", "dobj") and c.i < names[0].i]
        if objects and not names:  # "accused the coalition [of holding ...]": "of" hangs on the object
            names = [c for c in objects[0].children if c.dep_ == "prep" and c.lower_ == "of"
                     and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)]
        if objects and objects[0].lower_.endswith(("self", "selves")):
            objects = []  # "described himself as a spokesman": no statement about anything
        if objects and names and names[-1].i > objects[0].i:
            span = trimmed(doc, objects[0].left_edge.i, names[-1].right_edge.i, clip)
            if span:
                out.append((span, verb))
    if out:
        return out
    if "obj" in cue.frames:
        for obj in children:
            gerund = obj.dep_ in ("xcomp", "pcomp") and obj.tag_ == "VBG"  # "denied making a promise"
            if gerund or (obj.dep_ == "dobj" and obj.lower_ not in _EMPTY_OBJECTS and obj.pos_ != "PRON"):
                span = trimmed(doc, obj.left_edge.i, obj.right_edge.i, clip)
                if span:
                    out.append((span, obj))
    return out


def _late_that_clause(verb: Token, clip: Span) -> tuple[Span, Token] | None:
    """"said in an interview last month that ...": the parser often hangs the clause on the
    noun before it. A complementizer "that" (SCONJ, not the relative pronoun) after the cue
    still opens the reported clause."""
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "that" or token.pos_ != "SCONJ":
            continue
        head = token.head
        if head.pos_ not in ("VERB", "AUX") or head.i < token.i or head.i == verb.i:
            return None
        if head.head.dep_ == "dobj" and head.head.head.i == verb.i:
            return None  # "denied reports that ...": the object with its clause is the content
        span = trimmed(verb.doc, token.i, head.right_edge.i, clip)
        return (span, head) if span else None
    return None


def paratactic_span(verb: Token, clip: Span) -> tuple[Span, Token] | None:
    """"The economy, he said, is growing" / "Russia will win, the minister said": the cue is a
    side clause of the reported one. Content: the governing clause without the cue's subtree."""
    head = verb.head
    if head.i == verb.i or verb.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    doc = verb.doc
    span = trimmed(doc, head.left_edge.i, head.right_edge.i, clip)
    if span is None:
        return None
    cue_start = verb.left_edge.idx
    cue_end = verb.right_edge.idx + len(verb.right_edge.text)
    if cue_start <= span[0] and span[1] <= cue_end:
        return None
    # The cue clause at the end: cut it off; in the middle, keep the outer extent.
    if cue_end >= span[1]:
        inner = trimmed(doc, head.left_edge.i, verb.left_edge.i - 1, clip)
        return (inner, head) if inner else None
    return span, head


def block_paragraphs(layout: TextLayout, colon_pos: int, max_paragraphs: int = 6) -> Span | None:
    """Paragraphs introduced by a sentence that ends in a colon. The block runs while the
    paragraphs speak in the first person (the statement's own voice) after the first one."""
    index = layout.paragraph_index(colon_pos) + 1
    if index >= len(layout.paragraphs):
        return None
    doc_text = layout.text
    first = layout.paragraphs[index]
    if doc_text[first[0]] in "“\"«„":
        return None  # a quotation: handled as a direct quote
    end = first[1]
    for following in layout.paragraphs[index + 1:index + max_paragraphs]:
        if not _FIRST_PERSON.search(doc_text[following[0]:following[1]]):
            break
        end = following[1]
    return first[0], end


_FIRST_PERSON = re.compile(r"\b(we|our|us|I|my|me|ours)\b")
