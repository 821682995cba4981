"""newsgraph_statements_v1: who said what, with cue, kind, polarity, medium and date.

Rules over spaCy's dependency parse and the quotation marks of the text:

1. Cues: tokens whose lemma is in the reporting-verb lexicon (extract/data/reporting_verbs.tsv),
   and "according to". One pass over the tokens finds them.
2. Content, in order of preference: direct quotes next to the cue clause ('"...," he said',
   'He said: "..."', interrupted quotes), the cue's complement clause ("said [that] ..."),
   an infinitive or object where the cue takes one ("promised to ...", "denied the report"),
   the governing clause for side cues ("The talks, he said, failed"). A quoted fragment that
   continues the reported clause makes it `mixed`. A cue sentence ending in a colon
   introduces the following paragraphs as a block statement.
3. Speaker: the subject the cue attaches to, as a mention (pronouns included; the resolver
   maps it to an actor).
4. Quotes with no cue attach to the speaker of the quote just before them in the same
   paragraph, or of the paragraph before when the quote fills its own paragraph.

Abstentions: cues inside quotes, negated cues ("did not say"), questions, headline-like
paragraphs (no final punctuation), scare quotes (short quotes with no cue).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..model import Document, Mention, Span, Statement
from ..model.ids import document_id as text_document_id
from ..model.ids import statement_id
from . import doc_attrs  # noqa: F401
from .cues import Cue, cue_lexicon, noun_cues
from .statement_attrs import DateFinder, polarity_of
from .statement_frames import (FRAME_DEPS, TextLayout, block_paragraphs, comment_comma, commented_clause,
                               complement_spans, paratactic_span, trimmed)
from .statement_speaker import MentionIndex, medium_span, outlet_names, quotes_someone, speaker_span, subject_of

log = logging.getLogger(__name__)
_SENTENCE_END = ".!?:\"”’')…"
_MIN_ORPHAN_WORDS = 5
_NOMINAL = {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART"}


@dataclass
class Draft:
    """A statement before ids and attributes are fixed."""

    content: Span
    kind: str
    root: Token | None = None  # main token of the content (polarity)
    verb: Token | None = None
    cue: Cue | None = None
    cue_text: str | None = None
    cue_span: Span | None = None
    speaker: Span | None = None
    speaker_mention: Mention | None = None
    quotes: set[int] = field(default_factory=set)
    deny_cue: bool = False
    fragments: list[Span] = field(default_factory=list)  # set when the content is interrupted
    comment_at: int | None = None  # token index of the comma before "..., a claim X denied"
    echo: bool = False  # a comment on another statement's content: same content, own speaker

    @property
    def pieces(self) -> list[Span]:
        return self.fragments or [self.content]


class StatementFinder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.layout = TextLayout(doc)
        self.mentions = MentionIndex(list(doc._.ng_mentions or ()))
        self.claimed: set[int] = set()  # quotes already used as content
        self.found: list[Draft] = []  # drafts so far, in text order of their cues
        self._outlets: set[str] | None = None

    # -- helpers ---------------------------------------------------------------------------
    def outlets(self) -> set[str]:
        if self._outlets is None:
            self._outlets = outlet_names(self.doc, self.mentions)
        return self._outlets

    def _headline_like(self, pos: int) -> bool:
        start, end = self.layout.paragraph(pos)
        last = self.text[start:end].rstrip()[-1:]
        return last not in _SENTENCE_END

    def _question(self, verb: Token, clip: Span) -> bool:
        sent = verb.sent
        end = min(sent.end_char, clip[1])
        tail = self.text[verb.idx:end].rstrip()
        return tail.endswith("?") and self.layout.quote_index_at(end - 1) is None

    def _match_cue(self, token: Token) -> Cue | None:
        cues = cue_lexicon().get(token.lemma_.lower())
        if not cues or token.pos_ not in ("VERB", "AUX"):
            return None
        particles = {c.lower_ for c in token.children
                     if c.dep_ == "prt" or (c.dep_ == "prep" and not _object_before(token, c))}
        for cue in cues:
            if cue.particle is None or cue.particle in particles:
                return cue
        return None

    def _cue_text_span(self, verb: Token, cue: Cue) -> tuple[str, Span]:
        end = verb.idx + len(verb.text)
        if cue.particle:
            for child in verb.children:
                if child.lower_ == cue.particle and child.i > verb.i:
                    end = child.idx + len(child.text)
        return cue.lemma, (verb.idx, end)

    # -- content -----------------------------------------------------------------------------
    def _snap_to_quotes(self, span: Span) -> tuple[Span, str, set[int]]:
        """Widen a content span to whole quotes it touches; say whether it is direct or mixed."""
        hits = self.layout.quotes_overlapping(span)
        if not hits:
            return span, "indirect", set()
        quotes = [self.layout.quotes[i] for i in hits]
        if len(quotes) == 1 and quotes[0].span[0] <= span[0] and span[1] <= quotes[0].span[1]:
            return quotes[0].inner, "direct", set(hits)
        start = min(span[0], *(q.span[0] for q in quotes))
        end = max(span[1], *(q.span[1] for q in quotes))
        outside = self.text[start:end]
        for q in quotes:
            outside = outside.replace(self.text[q.span[0]:q.span[1]], "")
        if not outside.strip(" ,;:—–-\n"):
            return (quotes[0].inner[0], quotes[-1].inner[1]), "direct", set(hits)
        return (start, end), "mixed", set(hits)

    def _extend_with_following_quote(self, span: Span, clip: Span) -> tuple[Span, set[int]]:
        """'claimed that A, "which B."': a quote that continues the reported clause."""
        index = self.layout.first_quote_after(span[1])
        if index is None or index in self.claimed:
            return span, set()
        q = self.layout.quotes[index]
        if q.span[1] > clip[1] + 1 or not self.layout.is_gap(span[1], q.span[0]) or "\n" in self.text[span[1]:q.span[0]]:
            return span, set()
        if not q.inner[1] > q.inner[0] or self.text[q.inner[0]].isupper():
            return span, set()  # a new sentence in quotes is its own statement
        return (span[0], q.span[1]), {index}

    def _adjacent_quotes(self, verb: Token, subject: Token | None) -> tuple[list[int], bool]:
        """Quotes right before the cue clause and/or right after it. Returns their indices
        and whether the following one is introduced by a colon."""
        layout = self.layout
        starts = [verb.idx]
        if subject is not None and subject.i < verb.i:
            starts.append(subject.left_edge.idx)
        first = min(starts)
        # The cue clause starts at the run of words before the verb ("Tulsa police Chief ... said").
        index = self.doc.char_span(first, first + 1, alignment_mode="expand")
        i = index.start if index is not None else verb.i
        steps = 0
        while i > 0 and steps < 8 and not self.doc[i - 1].is_punct and (self.doc[i - 1].pos_ in _NOMINAL or self.doc[i - 1].is_title):
            i, steps = i - 1, steps + 1
        clause_start = min(first, self.doc[i].idx)
        found: list[int] = []
        before = layout.last_quote_before(clause_start)
        if before is not None and before not in self.claimed:
            q = layout.quotes[before]
            # '"... policy." The network said it would ...': a quote that ends its sentence
            # belongs to a cue with no clause of its own
            closed = self.text[q.inner[1] - 1] in ".!?" and any(c.dep_ == "ccomp" for c in verb.children)
            if layout.is_gap(q.span[1], clause_start) and "\n" not in self.text[q.span[1]:clause_start] \
                    and not closed:
                found.append(before)
        after = layout.first_quote_after(verb.idx + len(verb.text))
        colon = False
        if after is not None and after not in self.claimed:
            q = layout.quotes[after]
            last, i = verb.i, verb.i + 1
            while i < len(self.doc) and self.doc[i].idx < q.span[0]:
                nxt = self.doc[i]
                if nxt.dep_ not in FRAME_DEPS or nxt.pos_ in ("VERB", "AUX"):
                    break
                if not nxt.is_punct:
                    last = i  # the clause ends at its last word; the punctuation is the gap
                i += 1
            clause_end = self.doc[last].idx + len(self.doc[last].text)
            gap = self.text[clause_end:q.span[0]]
            introduced = gap.strip()[-1:] in (",", ":") or (not gap.strip() and last == verb.i and "\n" not in gap)
            if layout.is_gap(clause_end, q.span[0]) and introduced:
                found.append(after)
                colon = gap.strip()[-1:] == ":"
        if len(found) == 2 and not colon and self.layout.quotes[found[1]].span[0] - self.layout.quotes[found[0]].span[1] > 300:
            found = found[:1]
        return found, colon

    # -- main --------------------------------------------------------------------------------
    def from_verb(self, verb: Token, cue: Cue) -> list[Draft]:
        if self.layout.quote_index_at(verb.idx) is not None:
            return []  # speech reported inside a quotation belongs to that quotation
        clip = self.layout.paragraph(verb.idx)
        if self._headline_like(verb.idx) or self._question(verb, clip) or quotes_someone(verb):
            return []
        negated = any(c.dep_ == "neg" for c in verb.children)
        if negated and not cue.deny:
            return []  # "did not say that ...": no statement
        subject = subject_of(verb)
        if subject is not None and self.layout.quote_index_at(subject.idx) is not None:
            subject = None  # a misparse reached into the quoted words
        if subject is None:
            subject = self._subject_after_quote(verb)
        if subject is None or self._dateline(subject):
            return []
        cue_text, cue_span = self._cue_text_span(verb, cue)
        base = Draft(content=(0, 0), kind="indirect", verb=verb, cue=cue, cue_text=cue_text,
                     cue_span=cue_span, deny_cue=cue.deny != negated)
        issuer = self._issuer_of(subject)
        if issuer is not None:
            base.speaker, base.speaker_mention = issuer.speaker, issuer.speaker_mention
        else:
            base.speaker, base.speaker_mention = self._speaker_of(subject)
        comma = comment_comma(verb)
        if comma is not None:  # its content is the clause before the comma, settled later
            return [replace(base, content=(comma.idx, comma.idx), comment_at=comma.i)]
        drafts: list[Draft] = []
        found, colon = self._adjacent_quotes(verb, subject)
        if "quote" not in cue.frames and not colon:
            found = []  # "expressed confusion: '...'" introduces a quote only with a colon
        if found:
            quotes = [self.layout.quotes[i] for i in found]
            content = (quotes[0].inner[0], quotes[-1].inner[1])
            root = self._root_in(quotes[0].inner)
            fragments = [q.inner for q in quotes] if len(quotes) > 1 else []
            drafts.append(replace(base, content=content, kind="direct", root=root, quotes=set(found),
                                  fragments=fragments))
        if not drafts:
            parts = complement_spans(verb, cue, clip)
            if not parts and "that" in cue.frames:
                side = paratactic_span(verb, clip)
                parts = [side] if side else []
            for span, root in parts:
                if span[0] <= subject.idx < span[1] and not span[0] <= verb.idx < span[1]:
                    continue  # the "content" holds the speaker: a misparse
                span, kind, used = self._snap_to_quotes(span)
                if used & self.claimed:
                    continue
                if kind == "indirect" or kind == "mixed":
                    span, more = self._extend_with_following_quote(span, clip)
                    if more:
                        kind, used = "mixed", used | more
                if root is not None and _proposal(root):
                    if cue.verb in _REFUSAL_CUES and not _refers_back(root):
                        continue  # "rejected an offer of talks": a refusal (a REJECT event), nothing said
                    refusal = base.deny_cue
                else:
                    refusal = False
                drafts.append(replace(base, content=span, kind=kind, root=root, quotes=used,
                                      deny_cue=base.deny_cue and not refusal))
        colon_at = self._introduces_block(verb, clip)
        if colon_at is not None:
            block = block_paragraphs(self.layout, colon_at)
            if block:
                drafts.append(replace(base, content=block, kind="direct", root=self._root_in(block)))
        for d in drafts:
            self.claimed |= d.quotes
        return drafts

    def _speaker_of(self, subject: Token) -> tuple[Span, Mention | None]:
        """The speaker span of a subject; "a report by Human Rights Watch" spans the document
        and its author, so that the author is the actor that speaks."""
        author = _author_of(subject)
        if author is not subject:
            span, mention = speaker_span(author, self.mentions)
            if mention is not None:
                return (min(subject.left_edge.idx, span[0]), span[1]), mention
        return speaker_span(subject, self.mentions)

    def _issuer_of(self, subject: Token) -> Draft | None:
        """'The ELN said in a statement that ... "...," the statement said': a bare definite
        document noun stands for the document an earlier cue was made in ("said in a
        statement", "issued a statement"), and so for that cue's speaker."""
        noun = subject.lemma_.lower()
        modifiers = [c.lower_ for c in subject.children if not c.is_punct]
        if noun not in _DOCUMENT_NOUNS or modifiers not in (["the"], ["this"]):
            return None
        here = self.layout.paragraph_index(subject.idx)
        for d in reversed(self.found):
            if d.verb is None or d.speaker is None or d.verb.i >= subject.i \
                    or here - self.layout.paragraph_index(d.verb.idx) > 2:
                continue
            if any(t.lemma_.lower() == noun and _on_cue(t, d.verb) for t in d.verb.subtree):
                return d
        return None

    def _dateline(self, token: Token) -> bool:
        """"GENEVA, Feb. 9 — ...": the place line of a wire story is no speaker."""
        if not (token.text.isupper() and len(token.text) > 2):
            return False
        start = self.layout.paragraph(token.idx)[0]
        head = self.text[start:start + 80]
        return token.idx - start < 30 and any(mark in head for mark in (" — ", " – ", " -- ", "(AP)", "(Reuters)"))

    def _subject_after_quote(self, verb: Token) -> Token | None:
        """'"...," Tulsa police Chief Chuck Jordan said': when the parse misses the subject,
        a short noun phrase between a closing quote and the cue is the speaker."""
        index = self.layout.last_quote_before(verb.idx)
        if index is None:
            return None
        quote_end = self.layout.quotes[index].span[1]
        if verb.idx - quote_end > 80 or "\n" in self.text[quote_end:verb.idx]:
            return None
        words = [t for t in verb.sent if quote_end <= t.idx < verb.idx and not t.is_punct]
        if not 1 <= len(words) <= 8:
            return None
        if not all(t.pos_ in _NOMINAL or t.is_title for t in words):
            return None
        return words[-1]

    def _introduces_block(self, verb: Token, clip: Span) -> int | None:
        """Position of the colon ending the cue's paragraph, if the cue's sentence ends there."""
        tail = self.text[verb.idx:clip[1]].rstrip()
        if not tail.endswith(":") or any(ch in tail for ch in ".!?"):
            return None
        return verb.idx + len(tail) - 1

    def _root_in(self, span: Span) -> Token | None:
        piece = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if piece is None or not len(piece):
            return None
        first = piece[0].sent
        for token in first:
            if span[0] <= token.idx < span[1] and (token.head.i == token.i or not span[0] <= token.head.idx < span[1]):
                if token.pos_ in ("VERB", "AUX"):
                    return token
        return None

    def from_according(self, token: Token) -> list[Draft]:
        """'According to X, Y': speaker X, content Y."""
        to = token.nbor(1)
        sources = [c for c in to.children if c.dep_ == "pobj"]
        if not sources:
            return []
        clip = self.layout.paragraph(token.idx)
        if self._headline_like(token.idx) or self.layout.quote_index_at(token.idx) is not None:
            return []
        head = token.head
        steps = 0
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and steps < 3:
            head, steps = head.head, steps + 1
        head = _clause_of_trailing(token, head)
        if sources[0].lemma_.lower() in _RECORD_NOUNS and self._match_cue(head) is not None \
                and any(c.dep_ == "nsubj" for c in head.children):
            return []  # '..., he said, according to a copy of his remarks': a record, "he" speaks
        doc = self.doc
        phrase_first, phrase_last = token.i, token.right_edge.i
        follow = doc[phrase_last + 1] if phrase_last + 1 < len(doc) else None
        if follow is not None and follow.lower_ in ("from", "by") and follow.dep_ == "prep" \
                and sources[0].lemma_.lower() in _DOCUMENT_NOUNS:
            phrase_last = max(phrase_last, follow.right_edge.i)  # "a statement | from the ministry"
        source = _author_of(sources[0])
        comma = _swallowed_subject(token, to, head)
        if comma is not None:
            phrase_last, source = comma.i - 1, doc[comma.i - 1]
        first, last = head.left_edge.i, head.right_edge.i
        while last > first and doc[last].is_punct:
            last -= 1  # "..., according to X." ends the clause with its own full stop
        if token.i < head.i:
            if phrase_first == first:
                first = phrase_last + 1
        elif phrase_last >= last or _clause_follows(head, phrase_last):
            last = phrase_first - 1  # "X, according to Y, and Z called ...": Z's clause is not Y's
        span = trimmed(doc, first, last, clip)
        if span is None or span[1] - span[0] < 10:
            return []
        span, kind, used = self._snap_to_quotes(span)
        speaker, mention = speaker_span(source, self.mentions)
        draft = Draft(content=span, kind=kind, root=head, cue=None, cue_text="according to",
                      cue_span=(token.idx, to.idx + len(to.text)), speaker=speaker,
                      speaker_mention=mention, quotes=used)
        self.claimed |= used
        return [draft]

    def from_noun(self, noun: Token, cue: Cue) -> list[Draft]:
        """"the ministry's claim that ...": content the clause, speaker the possessor."""
        owners = [c for c in noun.children if c.dep_ == "poss"]
        clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > noun.i
                   and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)]
        if not owners or not clauses or self.layout.quote_index_at(noun.idx) is not None:
            return []
        clip = self.layout.paragraph(noun.idx)
        if self._headline_like(noun.idx):
            return []
        span = trimmed(self.doc, clauses[0].left_edge.i, clauses[0].right_edge.i, clip)
        if span is None:
            return []
        span, kind, used = self._snap_to_quotes(span)
        if used & self.claimed:
            return []
        speaker, mention = speaker_span(owners[0], self.mentions)
        self.claimed |= used
        return [Draft(content=span, kind=kind, root=clauses[0], cue=cue, cue_text=cue.lemma,
                      cue_span=(noun.idx, noun.idx + len(noun.text)), speaker=speaker,
                      speaker_mention=mention, quotes=used, deny_cue=cue.deny)]

    def orphan_quotes(self, drafts: list[Draft]) -> list[Draft]:
        """Quotes with no cue, attached to the speaker of the quote just before them."""
        out = []
        quoted = sorted((d for d in drafts if d.kind in ("direct", "mixed")), key=lambda d: d.content)
        all_starts = sorted(d.content[0] for d in drafts)
        for index, q in enumerate(self.layout.quotes):
            if index in self.claimed:
                continue
            short = len(self.text[q.inner[0]:q.inner[1]].split()) < _MIN_ORPHAN_WORDS
            if self._headline_like(q.span[0]) or any(d.content[0] <= q.span[0] < d.content[1] for d in drafts):
                continue
            previous = [d for d in quoted if d.content[1] <= q.span[0]]
            if not previous or not previous[-1].speaker:
                continue
            prev = previous[-1]
            if any(prev.content[1] <= s < q.span[0] for s in all_starts):
                continue  # another statement between them: not clear whose words these are
            here = self.layout.paragraph_index(q.span[0])
            there = self.layout.paragraph_index(prev.content[1])
            para = self.layout.paragraphs[here]
            fills_paragraph = q.span[0] == para[0] and q.span[1] >= para[1] - 1
            root = self._root_in(q.inner)
            # '"A denial," he said. "A plain claim."': the claim must not take the denial's polarity
            # (the reverse merges: a missed denial costs less than an invented one)
            denial_then_claim = (polarity_of(prev.root, prev.deny_cue) == "deny"
                                 and polarity_of(root, False) == "assert")
            same_voice = short or not denial_then_claim
            continues = here == there and prev.kind == "direct" and q.span[0] - prev.content[1] < 200
            if continues and same_voice:
                # '"A," he said. "B."': one stretch of speech, one statement (outer extent)
                prev.fragments = prev.pieces + [q.inner]
                prev.content = (prev.content[0], q.inner[1])
                prev.quotes.add(index)
                self.claimed.add(index)
            elif not short and (here == there or (here == there + 1 and fills_paragraph)):
                # a quote of its own, or the claim after a denial
                orphan = Draft(content=q.inner, kind="direct", root=root, speaker=prev.speaker,
                               speaker_mention=prev.speaker_mention, quotes={index}, verb=prev.verb)
                if continues:  # the claim after a denial: same cue as the quote before
                    orphan.cue, orphan.cue_text, orphan.cue_span = prev.cue, prev.cue_text, prev.cue_span
                out.append(orphan)
                quoted = sorted(quoted + [orphan], key=lambda d: d.content)
                self.claimed.add(index)
        return out

    def settle_comments(self, drafts: list[Draft]) -> list[Draft]:
        """"A said X, an accusation B rejected": A's content stops at the comma, and B's
        statement has the same content (B denies what A asserts)."""
        out = []
        for d in drafts:
            if d.comment_at is None:
                out.append(d)
                continue
            comma = self.doc[d.comment_at]
            hosts = [h for h in drafts if h.comment_at is None and h.content[0] < comma.idx < h.content[1]]
            if hosts:
                host = min(hosts, key=lambda h: h.content[1] - h.content[0])
                self._cut_before(host, comma.idx)
                d.content, d.kind, d.root = host.content, host.kind, host.root
                d.fragments = list(host.fragments)
            else:
                clause = commented_clause(comma, self.layout.paragraph(comma.idx))
                if clause is None:
                    continue
                d.content, d.kind, used = self._snap_to_quotes(clause[0])
                d.root = clause[1]
            d.echo = True
            out.append(d)
        return out

    def _cut_before(self, host: Draft, pos: int) -> None:
        """End a content at pos, and before its own cue when that now closes it ("X, according
        to Y, | a claim Z denied")."""
        end = pos
        if host.cue_span and host.content[0] < host.cue_span[0] < end:
            end = host.cue_span[0]
        while end > host.content[0] and self.text[end - 1] in " ,;—–-\n":
            end -= 1
        host.content = (host.content[0], end)
        if host.fragments:
            host.fragments = [(s, min(e, end)) for s, e in host.fragments if s < end]

    def drafts(self) -> list[Draft]:
        drafts: list[Draft] = self.found
        doc = self.doc
        n = len(doc)
        nouns = noun_cues()
        for token in doc:
            cue = self._match_cue(token)
            if cue is not None:
                drafts.extend(self.from_verb(token, cue))
            elif token.lower_ == "according" and token.i + 1 < n and doc[token.i + 1].lower_ == "to":
                drafts.extend(self.from_according(token))
            elif token.pos_ == "NOUN" and token.lemma_ in nouns:
                drafts.extend(self.from_noun(token, nouns[token.lemma_]))
        drafts = self.settle_comments(drafts)
        drafts.extend(self.orphan_quotes(drafts))
        return _without_overlaps(drafts)


# Documents that speak for their author: "according to a statement from the ministry".
_DOCUMENT_NOUNS = {"statement", "report", "communique", "communiqué", "letter", "transcript", "copy",
                   "document", "release", "note", "filing", "memo", "announcement", "post", "tweet",
                   "ruling", "verdict", "judgment", "judgement", "study", "survey", "poll", "audit",
                   "investigation", "inquiry", "review", "analysis", "assessment"}


# Records of what someone said: they do not speak themselves.
_RECORD_NOUNS = {"copy", "transcript", "recording", "text", "video", "footage", "record", "minutes"}


def _clause_follows(head: Token, after: int) -> bool:
    """A clause with a subject of its own is coordinated right after a mid-sentence "according
    to" phrase ("..., according to Y, and Chinese media called ..."). A shared subject ("...,
    according to their lawyers, and said ...") keeps the whole sentence as Y's."""
    doc = head.doc
    i = after + 1
    while i < len(doc) and doc[i].is_punct:
        i += 1
    if i >= len(doc) or doc[i].dep_ != "cc":
        return False
    return any(c.dep_ == "conj" and c.i > i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
               for c in head.children)


def _swallowed_subject(according: Token, to: Token, head: Token) -> Token | None:
    """"According to Greenpeace, palm oil companies were responsible": the parser reads the
    clause's subject into the source ("Greenpeace, palm oil ... companies"), leaving the clause
    without one. The source then ends at the first comma (returned)."""
    if according.i > head.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return None
    doc = according.doc
    return next((t for t in doc[to.i + 2:head.i] if t.text == ","), None)


def _clause_of_trailing(according: Token, head: Token) -> Token:
    """"The army launched an offensive that displaced 10,000 people, according to the UN",
    "Gunmen attacked two towns, killing 11 civilians, according to officials": a trailing
    "according to" after a comma, hung on a relative clause or a participle, is about the
    whole clause that holds it."""
    doc = according.doc
    if according.i == 0 or doc[according.i - 1].text != ",":
        return head
    node, steps = head, 0
    while (node.dep_ in ("relcl", "acl") or (node.dep_ == "advcl" and node.tag_ == "VBG")) and steps < 3:
        node = node.head  # the noun the relative clause describes
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        steps += 1
    return node


# What one turns down rather than declares false: "rejected the offer" refuses, it does not
# deny that an offer was made (a denial would contradict the report of the offer).
_PROPOSALS = {"offer", "request", "demand", "proposal", "plan", "call", "invitation", "appeal", "ultimatum",
              "bid", "plea", "deal", "terms", "condition", "compromise", "initiative", "idea", "resolution",
              "motion", "amendment", "bill", "nomination", "application", "budget", "agreement", "suggestion",
              "recommendation", "mediation", "ceasefire", "truce", "settlement", "package",
              # outcomes one refuses to accept rather than declares false
              "result", "outcome", "verdict", "ruling", "decision", "election", "appointment", "sentence",
              # judgements: rejecting an opinion ("called the deportations inhumane") is no denial of a fact
              "criticism", "condemnation", "censure", "rebuke"}


def _object_before(verb: Token, prep: Token) -> bool:
    """"called a national strike for Thursday": with a direct object between them, the verb and
    its preposition are not the phrasal cue ("call for")."""
    return any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children)


# Cues that, with a proposal as object, report an act of turning it down rather than speech
# ("rejected an offer of talks", "has rejected all offers since 2019", "rejected a motion");
# "ruled out a ceasefire" declares what will not happen and stays a statement.
_REFUSAL_CUES = {"reject", "dismiss"}
_BACK_REFERENCE = {"the", "that", "this", "these", "those"}


def _refers_back(noun: Token) -> bool:
    """"rejected the demand", "dismissed that offer": a proposal the article has just reported
    (usually as someone's statement); the rejection answers it and stays a statement."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _BACK_REFERENCE for c in noun.children)


def _proposal(root: Token) -> bool:
    """A proposal or an outcome as object; "suggestions that the group was financed from abroad"
    (the noun with a "that" clause of its content) is a claim instead."""
    return (root.pos_ == "NOUN" and root.dep_ == "dobj" and root.lemma_.lower() in _PROPOSALS
            and not _content_clause(root))


def _content_clause(noun: Token) -> bool:
    return any(c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in noun.children)


def _on_cue(noun: Token, verb: Token) -> bool:
    """"said in a statement", "issued a statement": the noun is the cue's object or sits in a
    prepositional phrase on the cue itself."""
    head = noun.head
    return head.i == verb.i and noun.dep_ == "dobj" or head.dep_ == "prep" and head.head.i == verb.i


def _author_of(source: Token) -> Token:
    """'a statement from the Chinese foreign ministry' -> the ministry (by, from)."""
    if source.lemma_.lower() not in _DOCUMENT_NOUNS:
        return source
    for prep in source.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            author = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if author is not None:
                return _author_of(author)
    return source


_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{0,40})?(?:\s*\((?:AP|AFP|Reuters)\))?\s*(?:—|–|--)\s*")


def _after_dateline(text: str, span: Span) -> Span:
    """Content that starts with a wire dateline ("BAMAKO, Jan. 14, 2016 — ...") starts after it."""
    found = _DATELINE.match(text, span[0], span[1])
    return (found.end(), span[1]) if found and found.end() < span[1] else span


def _without_overlaps(drafts: list[Draft]) -> list[Draft]:
    """One statement per stretch of text, and none reported inside another's content
    ('the mayor said the government had promised to pay': the promise is the mayor's claim)."""
    kept: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.content[0], -d.content[1])):
        if any(k.content == d.content and k.echo == d.echo for k in kept):
            continue
        if d.cue_span and any(o is not d and o.content[0] <= d.cue_span[0] < o.content[1]
                              and any(s <= d.cue_span[0] < e for s, e in o.pieces) for o in drafts):
            continue
        kept.append(d)
    return kept


def find_statements(doc: Doc) -> list[Statement]:
    document: Document | None = doc._.ng_document
    doc_id = document.id if document is not None else text_document_id(doc.text)
    published = document.published if document is not None else None
    finder = StatementFinder(doc)
    drafts = finder.drafts()
    for d in drafts:
        d.content = _after_dateline(doc.text, d.content)
    dates = DateFinder(doc, published)
    text = doc.text
    reported = [p for d in drafts for p in d.pieces]
    statements = []
    for d in drafts:
        medium = None
        if d.verb is not None:
            medium = medium_span(d.verb, d.pieces, finder.mentions, finder.outlets())
            if medium is None and d.speaker_mention is not None and d.cue is not None \
                    and d.cue.verb in ("write", "report", "publish") \
                    and d.speaker_mention.text in finder.outlets():
                medium = d.speaker_mention.span  # "wrote Asia Plus": the outlet speaks for itself
        contents = [p for x in drafts if x.verb is d.verb and d.verb is not None for p in x.pieces] or d.pieces
        statements.append(Statement(
            id=statement_id(doc_id, (d.content[0], d.cue_span[1]) if d.echo and d.cue_span else d.content),
            document_id=doc_id,
            content=text[d.content[0]:d.content[1]],
            content_span=d.content,
            speaker_text=text[d.speaker[0]:d.speaker[1]] if d.speaker else None,
            speaker_span=d.speaker,
            cue=d.cue_text,
            cue_span=d.cue_span,
            kind=d.kind,
            polarity=polarity_of(d.root, d.deny_cue),
            medium_span=medium,
            date=dates.for_statement(d.verb, contents, reported),
            content_fragments=tuple(d.fragments),
        ))
    return statements


@Language.component("newsgraph_statements_v1", assigns=["doc._.ng_statements"],
                    requires=["doc._.ng_mentions", "token.dep", "token.lemma", "doc.ents"])
def statements_component(doc: Doc) -> Doc:
    try:
        doc._.ng_statements = find_statements(doc)
    except Exception:  # a rule tripping over an odd parse must not cost the whole article
        document = doc._.ng_document
        log.exception("statements skipped for %s", document.id if document is not None else "a document")
        doc._.ng_statements = []
    return doc
