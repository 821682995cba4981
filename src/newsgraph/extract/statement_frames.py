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
from .cues import Cue, cue_lexicon
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
# Nouns that sum up a clause as something said, in a comment appended to it:
# "..., an accusation the ruling party rejected", "..., a claim denied by Ankara".
_COMMENT_NOUNS = {"accusation", "allegation", "claim", "charge", "assertion", "suggestion", "version",
                  "account", "argument", "interpretation", "assessment", "characterization",
                  "characterisation", "view", "statement", "report", "reports"}
_RELATIVES = {"which", "that"}
# Subordinators of a clause that tells when someone spoke ("..., after Quispe said ...").
_NARRATION_MARKS = {"after", "before", "when", "as"}
# Sentence connectives of the reporter's narration, dropped at the start of a content.
_CONNECTIVES = [phrase.split() for phrase in (
    "separately", "meanwhile", "however", "also", "moreover", "furthermore", "additionally",
    "nonetheless", "nevertheless", "likewise", "similarly", "elsewhere", "besides", "in addition",
    "on the other hand", "at the same time", "in a separate development", "in a separate statement")]


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
    first = _after_connective(doc, first, last)
    while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"
                             or doc[last].idx + len(doc[last].text) > clip[1]):
        last -= 1
    if last < first:
        return None
    return token_span(doc, first, last)


def _after_connective(doc: Doc, first: int, last: int) -> int:
    """"Separately, Turkish warplanes struck ..., the ministry said": the connective links the
    reporter's paragraphs; it is not part of what was said."""
    for phrase in _CONNECTIVES:
        end = first + len(phrase)
        if end <= last and [t.lower_ for t in doc[first:end]] == phrase and doc[end].text == ",":
            return end + 1
    return first


def _bare_clause(verb: Token, clause: Token) -> bool:
    """"said after the convention he would not accept": a finite clause with its own subject
    and no subordinator, which the parser took for an adverbial clause."""
    return (clause.dep_ == "advcl" and clause.i > verb.i and clause.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            and not any(c.dep_ == "mark" for c in clause.children))


def _participle_cues(clause: Token) -> list[int]:
    """Where a trailing ", arguing that ..." / ", adding ..." starts inside a reported clause:
    the participle is a cue of its own, not part of what was said."""
    return [c.left_edge.i for c in clause.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > clause.i and c.lemma_ in cue_lexicon()]


def _adverbial_cues(clause: Token) -> list[int]:
    """"denied that it had sent weapons, after Quispe said agitators had crossed": a trailing
    adverbial clause around another speaker's cue is narration, not the first content."""
    lexicon = cue_lexicon()
    return [c.left_edge.i for c in clause.children
            if c.dep_ == "advcl" and c.i > clause.i and any("that" in cue.frames for cue in lexicon.get(c.lemma_, ()))
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            and any(g.dep_ == "mark" and g.lower_ in _NARRATION_MARKS for g in c.children)]


def _conjoined_cues(clause: Token) -> list[int]:
    """"May said the country would leave the union and suggested that ...": a reporting verb
    coordinated with the reported clause's verb, with a clause of its own, is a second
    statement of the outer speaker when its tense says so. When it is the reported subject's
    ("says Machado promised ... and said she would ..."), it stays in the content: hearsay."""
    return [c.left_edge.i for c in clause.children
            if c.dep_ == "conj" and c.i > clause.i and c.pos_ == "VERB" and c.lemma_ in cue_lexicon()
            and any(g.dep_ in ("ccomp", "xcomp") for g in c.children) and _is_outer(c, clause)]


def _is_outer(conjunct: Token, clause: Token) -> bool:
    governor = conjunct_governor(conjunct)
    return governor is not None and governor.i == clause.head.i


def conjunct_governor(verb: Token) -> Token | None:
    """A cue coordinated with the verb of a reported clause: "Merrill says Machado promised ...
    and said ..." (Machado said: the tense of the reported verb, not of the outer cue) or "May
    said the country would leave ... and suggested ..." (May suggested). The parser hangs both
    on the reported verb; the tenses decide, and where they cannot ("had called ... and urged",
    the same tense throughout) the cue abstains (None)."""
    inner, outer = verb.head, verb.head.head
    mine, theirs, outside = _tense(verb), _tense(inner), _tense(outer)
    if mine == theirs != outside:
        return inner
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in inner.children)
    if mine == outside != theirs and not perfect:
        return outer
    return None


def _tense(verb: Token) -> str:
    if any(c.tag_ == "MD" for c in verb.children):
        return "modal"
    return "past" if verb.tag_ in ("VBD", "VBN") else "present"


def _split_coordinated(comp: Token) -> list[Token]:
    """"said that A, and that B": two contents. Conjuncts with their own "that" split off."""
    parts = [comp]
    for child in comp.children:
        if child.dep_ == "conj" and any(g.dep_ == "mark" for g in child.children):
            parts.append(child)
    return parts


def _joined_clauses(comps: list[Token]) -> list[tuple[Token, int]]:
    """Complement clauses with the index of their last token. "said artillery fired from the
    Ethiopian side had hit two villages": the parser splits one clause in two, the second
    without a subject and right after the first; join them."""
    out: list[tuple[Token, int]] = []
    for comp in comps:
        if out and comp.left_edge.i == out[-1][1] + 1 and not comp.left_edge.is_punct \
                and comp.left_edge.dep_ not in ("cc", "mark") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in comp.children):
            out[-1] = (out[-1][0], comp.right_edge.i)
        else:
            out.append((comp, comp.right_edge.i))
    return out


def complement_spans(verb: Token, cue: Cue, clip: Span) -> list[tuple[Span, Token]]:
    """Content spans from the verb's complements allowed by the cue's frames, with the root
    token of each (for polarity)."""
    doc = verb.doc
    out: list[tuple[Span, Token]] = []
    children = list(verb.children)
    if "that" in cue.frames or "quote" in cue.frames:
        clauses = _joined_clauses([c for c in children if c.dep_ == "ccomp" or _bare_clause(verb, c)])
        for comp, comp_end in clauses:
            parts = _split_coordinated(comp)
            cut = [p.left_edge.i for p in parts[1:]] + _participle_cues(comp) + _conjoined_cues(comp) \
                + _adverbial_cues(comp)
            for index, part in enumerate(parts):
                first = part.left_edge.i
                last = part.right_edge.i if index else (min(cut) - 1 if cut else comp_end)
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
        if token.i <= verb.i or token.lower_ != "that" or not (token.pos_ == "SCONJ" or _time_relative(token, verb)):
            continue
        head = token.head
        if head.pos_ not in ("VERB", "AUX") or head.i < token.i or head.i == verb.i:
            return None
        if head.head.dep_ == "dobj" and head.head.head.i == verb.i:
            return None  # "denied reports that ...": the object with its clause is the content
        if _verb_between(head, verb):
            return None  # "rejects the ruling, which found that ...": another verb's clause
        first = token.i if token.pos_ == "SCONJ" else token.i + 1  # trimmed drops only a complementizer
        span = trimmed(verb.doc, first, head.right_edge.i, clip)
        return (span, head) if span else None
    return None


def _time_relative(that: Token, verb: Token) -> bool:
    """"reported at the time that X had ...": the parser reads a relative clause on "time";
    a "that" that is no argument of it, on a noun of the cue's own phrase, opens the content."""
    clause = that.head
    if that.dep_ not in ("advmod", "mark") or clause.dep_ != "relcl":
        return False
    noun = clause.head
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == verb.i


def _verb_between(clause: Token, verb: Token) -> bool:
    """Whether a relative clause, a coordinated verb or another cue lies between `clause` and
    `verb`: "rejects the ruling, which found that ..." (the ruling's finding), "urged X to stop
    and warned that ..." (the warning's content, not the urging's)."""
    node = clause.head
    while node.i != verb.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and (node.dep_ in ("relcl", "acl", "conj") or node.lemma_ in cue_lexicon()):
            return True
        node = node.head
    return False


def paratactic_span(verb: Token, clip: Span) -> tuple[Span, Token] | None:
    """"The economy, he said, is growing" / "Russia will win, the minister said": the cue is a
    side clause of the reported one. Content: the governing clause without the cue's subtree."""
    head = verb.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "The difference now, he told me, is that ...": hung on the subject
    if head.i == verb.i or verb.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX"):
        return None
    objects = ("ccomp", "xcomp") if verb.lemma_ == "tell" else ("ccomp", "dobj", "xcomp")  # "he told me"
    if any(c.dep_ in objects for c in verb.children):
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


def comment_comma(verb: Token) -> Token | None:
    """The comma before a comment that a cue verb makes on the clause before it:
    "X was using the courts, an accusation the ruling party rejected" (relative clause on a
    summarising noun), "..., a claim denied by Ankara", "..., which the ministry denied"."""
    if verb.dep_ not in ("relcl", "acl"):
        return None
    head = verb.head
    doc = verb.doc
    if head.lemma_.lower() in _COMMENT_NOUNS and head.pos_ == "NOUN" and head.dep_ != "nsubj":
        start = head.left_edge.i
    elif head.pos_ in ("VERB", "AUX"):  # "..., which the ministry denied" hung on the clause
        # (on a noun, "which" is that thing: "an offer, which the union rejected")
        relative = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _RELATIVES]
        if not relative or relative[0].i != verb.left_edge.i:
            return None
        start = relative[0].i
    else:
        return None
    if start == 0 or doc[start - 1].text != "," or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    return doc[start - 1]


def commented_clause(comma: Token, clip: Span) -> tuple[Span, Token] | None:
    """The clause a comment after `comma` is about: from the start of the nearest clause that
    holds the comma's left neighbour, up to the comma."""
    doc = comma.doc
    node = doc[comma.i - 1]
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.dep_ in ("ROOT", "ccomp", "conj", "parataxis", "advcl"):
            break
        if node.head.i == node.i:
            return None
        node = node.head
    else:
        return None
    if node.lemma_.lower() in cue_lexicon():
        return None  # "He accused X, a charge he repeated": a speech act, not a claim
    span = trimmed(doc, node.left_edge.i, comma.i - 1, clip)
    return (span, node) if span else None
