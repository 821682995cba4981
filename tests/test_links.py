"""Links between statements: propositions, contradicts/supports, within a document, across the store."""
from __future__ import annotations

import pytest

from newsgraph.link.across import find_links
from newsgraph.link.claims import proposition
from newsgraph.link.contradictions import compare
from newsgraph.link.within import link_document
from newsgraph.model import Batch, Document, Statement
from newsgraph.model.ids import link_id

RU, TB, AF, US = "country:ru", "org:taliban", "country:af", "country:us"


def st(sid, content, speaker=None, polarity="assert", about=(), doc="doc:a", speaker_text=None, date=None):
    return Statement(id=sid, document_id=doc, content=content, content_span=(0, len(content)),
                     speaker=speaker, speaker_text=speaker_text or speaker, polarity=polarity,
                     about=tuple(about), date=date)


KABULOV = st("s:kab", "Moscow has channels for information sharing with the Taliban",
             "person:zamir-kabulov", about=(RU, TB), speaker_text="Kabulov")
TALIBAN_DENIES = st("s:tal", "any contacts with Russia had taken place", TB, "deny", (RU,),
                    speaker_text="The Taliban")


@pytest.mark.parametrize("a, b, expected", [
    # one asserts what the other denies
    (KABULOV, TALIBAN_DENIES, "contradicts"),
    (KABULOV, st("s2", "we have never talked with Russia about this issue", TB, about=(RU,)), "contradicts"),
    (st("s3", "Velmar sent tanks to Ostrava", "person:a", about=("country:vl", "country:os")),
     st("s4", "Velmar did not send any tanks to Ostrava", "country:vl", about=("country:vl", "country:os")),
     "contradicts"),
    # incompatible numbers for the same thing
    (st("s5", "Ostrava shelling killed 12 soldiers of Velmar", "person:a", about=("country:os", "country:vl")),
     st("s6", "the Ostrava shelling killed 40 soldiers of Velmar", "person:b", about=("country:os", "country:vl")),
     "contradicts"),
    # two speakers say the same thing
    (KABULOV, st("s7", "Russia keeps channels of communication open with the Taliban", "person:c",
                 about=(RU, TB)), "supports"),
    # the same actors, another predicate: nothing
    (KABULOV, st("s8", "Russia would be sending small arms to the Taliban", "person:c", about=(RU, TB)), None),
    (TALIBAN_DENIES, st("s9", "Russia will ship arms to Kabul in February", "person:zamir-kabulov",
                        about=(RU, AF)), None),
    # the same predicate, other actors: nothing
    (KABULOV, st("s10", "Washington has channels for information sharing with Kabul", "person:d",
                 about=(US, AF)), None),
    # the same speaker repeating itself is no support
    (KABULOV, st("s11", "Moscow has channels to the Taliban", "person:zamir-kabulov", about=(RU, TB)), None),
    # a denial and a claim years apart are not about the same moment
    (st("s12", "Velmar has talks with Ostrava", "person:a", about=("country:vl", "country:os"), date="2010-01"),
     st("s13", "Velmar has no talks with Ostrava", "country:vl", "deny", ("country:os",), date="2016-01"), None),
])
def test_compare_table(a, b, expected):
    link = compare(proposition(a), proposition(b))
    assert (link.type if link else None) == expected
    if link:
        assert link.id == link_id(link.type, a.id, b.id)
        assert 0 < link.score <= 1 and link.reason


def test_denial_reason_names_both_sides():
    link = compare(proposition(KABULOV), proposition(TALIBAN_DENIES))
    assert link.a == KABULOV.id and link.b == TALIBAN_DENIES.id
    assert link.reason == "The Taliban denies the contact that Kabulov asserts"


def test_link_document_adds_links_between_own_statements():
    batch = Batch(document=Document(id="doc:a", text="..."), statements=(KABULOV, TALIBAN_DENIES))
    linked = link_document(batch)
    assert [k.type for k in linked.links] == ["contradicts"]
    assert link_document(Batch(document=Document(id="doc:b", text="x"))).links == ()


def test_across_links_skip_pairs_inside_one_document():
    other = st("s:other", "Moscow keeps channels of information sharing with the Taliban", "person:x",
               about=(RU, TB), doc="doc:b")
    links = find_links([KABULOV, TALIBAN_DENIES, other])
    pairs = {(k.type, frozenset((k.a, k.b))) for k in links}
    assert ("contradicts", frozenset(("s:tal", "s:other"))) in pairs
    assert ("supports", frozenset(("s:kab", "s:other"))) in pairs
    assert not any(frozenset(("s:kab", "s:tal")) == p for _, p in pairs)  # same document


def test_seed_contradiction(seed_batch):
    """Acceptance 1: Kabulov's claim of channels and the Taliban's denial are linked."""
    by_id = {s.id: s for s in seed_batch.statements}
    kabulov = [s for s in seed_batch.statements if s.speaker and "kabulov" in s.speaker
               and "channel" in s.content.lower()]
    denials = [s for s in seed_batch.statements if s.speaker == TB and s.polarity == "deny"]
    if not kabulov or not denials:
        pytest.skip("the statement extractor does not yet find both seed statements")
    contradicts = [k for k in seed_batch.links if k.type == "contradicts"]
    assert any({by_id[k.a].speaker, by_id[k.b].speaker} == {kabulov[0].speaker, TB} for k in contradicts)


def test_with_about_takes_actors_named_inside_the_content():
    from newsgraph.link.claims import with_about
    from newsgraph.model import Mention

    text = "Kabulov said Moscow has channels to the Taliban. Rain fell in Kabul."
    s = st("s:x", "Moscow has channels to the Taliban", "person:zamir-kabulov")
    s = Statement(**{**{f: getattr(s, f) for f in s.__slots__}, "content_span": (13, 47)})
    mentions = [Mention((0, 7), "Kabulov", "person", "person:zamir-kabulov"),
                Mention((13, 19), "Moscow", "state", RU, kind="metonym"),
                Mention((40, 47), "Taliban", "armed_group", TB),
                Mention((62, 67), "Kabul", "state", AF)]  # outside the content
    assert text[13:47] == s.content
    (filled,) = with_about([s], mentions)
    assert filled.about == (RU, TB)
    (kept,) = with_about([KABULOV], mentions)  # an extracted `about` is kept as it is
    assert kept.about == KABULOV.about


def test_across_meets_statements_without_actors_on_rare_terms():
    a = st("n:1", "Iceland had caught 300,000 tonnes of mackerel in Norwegian waters", "person:berg",
           about=("country:is",), doc="doc:1")
    b = st("n:2", "Icelandic boats had caught 150,000 tonnes of mackerel in Norwegian waters",
           "org:directorate", doc="doc:2")
    (link,) = find_links([a, b])
    assert link.type == "contradicts" and "300000 vs 150000 tonne" in link.reason
