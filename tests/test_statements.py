"""newsgraph_statements_v1 on tables of sentences written for the project, negatives included."""
from __future__ import annotations

import pytest

from newsgraph.extract.cues import cue_lexicon
from newsgraph.extract.dates import resolve_date
from newsgraph.extract.paragraphs import paragraph_spans
from newsgraph.extract.statement_quotes import find_quotes
from newsgraph.model import Document


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text: str, published: str | None = "2016-03-09"):
        return pipeline.process(Document(id="t", text=text, published=published)).statements
    return run


# text, speaker_text, cue, kind, polarity, a piece of the content
CASES = [
    ('Minister Anna Berg said the talks would resume in May.',
     "Anna Berg", "say", "indirect", "assert", "the talks would resume in May"),
    ('Anna Berg said that the talks would resume in May.',
     "Anna Berg", "say", "indirect", "assert", "the talks would resume"),
    ('"The talks will resume in May," Anna Berg said.',
     "Anna Berg", "say", "direct", "assert", "The talks will resume in May"),
    ('“The talks will resume in May,” said Anna Berg.',
     "Anna Berg", "say", "direct", "assert", "The talks will resume in May"),
    ('Anna Berg said: "The talks will resume in May."',
     "Anna Berg", "say", "direct", "assert", "The talks will resume in May"),
    ('"We are ready," he said, "but we will not wait forever."',
     "he", "say", "direct", "assert", "but we will not wait forever"),
    ('The talks, the minister said, would resume in May.',
     "minister", "say", "indirect", "assert", "would resume in May"),
    ('According to the ministry, the convoy left the capital on Tuesday.',
     "the ministry", "according to", "indirect", "assert", "the convoy left the capital"),
    ('She claimed the election had been "stolen in broad daylight".',
     "She", "claim", "mixed", "assert", "stolen in broad daylight"),
    ('The ministry denied that any troops had crossed the border.',
     "The ministry", "deny", "indirect", "deny", "any troops had crossed the border"),
    ('The general rejected the report as propaganda.',
     "The general", "reject", "indirect", "deny", "the report"),
    ('The government ruled out any talks with the rebels.',
     "The government", "rule out", "indirect", "deny", "any talks with the rebels"),
    ('Pavel Orlov dismissed the claims.',
     "Pavel Orlov", "dismiss", "indirect", "deny", "the claims"),
    ('The spokesman said the soldiers had never crossed the river.',
     "spokesman", "say", "indirect", "deny", "the soldiers had never crossed the river"),
    ('"Neither have we met them nor talked to them," the commander said.',
     "commander", "say", "direct", "deny", "Neither have we met them"),
    ('Maria Lopez told Reuters that the mine would reopen.',
     "Maria Lopez", "tell", "indirect", "assert", "the mine would reopen"),
    ('The envoy has called on both sides to stop the shelling.',
     "envoy", "call on", "indirect", "assert", "both sides to stop the shelling"),
    ('The senator promised to vote against the bill.',
     "The senator", "promise", "indirect", "assert", "to vote against the bill"),
    ("The agency's claim that the dam was safe surprised engineers.",
     "The agency", "claim", "indirect", "assert", "the dam was safe"),
    ("Kenya's foreign minister, Ruth Wanjiru, said in an interview with Reuters last month that Uganda had closed the border.",
     "Ruth Wanjiru", "say", "indirect", "assert", "Uganda had closed the border"),
    ("Trump said after the rally he would not accept the endorsement.",  # an intention, not a denial
     "Trump", "say", "indirect", "assert", "he would not accept the endorsement"),
    ("Senator Ada Quinn said the plan was flawed, arguing that it ignored rural voters.",
     "Ada Quinn", "argue", "indirect", "assert", "it ignored rural voters"),
    ("NAIROBI, March 3, 2016 — The Kenyan army said two soldiers were wounded.",
     "The Kenyan army", "say", "indirect", "assert", "two soldiers were wounded"),
    ("The union called the offer an insult.",
     "The union", "call", "indirect", "assert", "the offer an insult"),
    ("The government closed the border, citing security concerns.",  # a reason given is said
     "The government", "cite", "indirect", "assert", "security concerns"),
    # rejecting a judgement reported before ("inhumane") turns it down; it denies no fact
    ("Haiti called the deportations inhumane. The Dominican Republic rejected the criticism.",
     "Dominican Republic", "reject", "indirect", "assert", "the criticism"),
]


@pytest.mark.parametrize("text, speaker, cue, kind, polarity, content", CASES)
def test_statement_table(extract, text, speaker, cue, kind, polarity, content):
    found = [s for s in extract(text) if content in s.content]
    assert len(found) == 1, [s.content for s in extract(text)]
    s = found[0]
    assert s.speaker_text is not None and speaker in s.speaker_text
    assert text[s.speaker_span[0]:s.speaker_span[1]] == s.speaker_text
    assert text[s.content_span[0]:s.content_span[1]] == s.content
    assert (s.cue, s.kind, s.polarity) == (cue, kind, polarity)
    assert not s.content.startswith(("that ", "NAIROBI"))
    if s.cue_span:
        assert s.cue_span[0] < s.cue_span[1]


# A negated clause denies when it rejects a claim; a negated intention, refusal, threat or
# inability (a modal, "want", "no plans") asserts. Lead text, polarity.
POLARITY = [
    ('"We will not allow any group to nest inside our forces," he wrote.', "assert"),
    ("The minister said Manila would not withdraw the garrison.", "assert"),
    ('"You cannot sit at a table and plant bombs," she told the radio.', "assert"),
    ("The spokesman said the government had no plans to raise taxes.", "assert"),
    ("The president said his country did not want a war.", "assert"),
    ("The ministry said the army could not have carried out the attack.", "deny"),
    ("The spokesman said the soldiers had never crossed the river.", "deny"),
    ('"Nobody was detained," the ambassador said.', "deny"),
    ('She called the claims "an invention for domestic audiences".', "deny"),
    ("The minister described the report as a fabrication.", "deny"),
    ("The minister described the plan as a good start.", "assert"),
    ("The group said its fighters had nothing to do with the attack.", "deny"),
    ("The army ruled out a ceasefire before the elections.", "assert"),  # declares a refusal: still speech
    ("The union proposed a pay freeze. The company rejected that offer.", "assert"),  # answers a reported proposal
    ("France said it did not recognise the junta's authority.", "assert"),
    ("The ministry rejected claims that it had sent troops.", "deny"),
    # a negated noun is as good as "no": "not a single", "not one"
    ('"Not a single dollar has come from abroad," the party treasurer said.', "deny"),
    ('"Not one soldier crossed the line," the colonel said.', "deny"),
    ('"Not only the army but also the police took part," the minister said.', "assert"),
    ('"Not the army but the militias attacked the village," the minister said.', "assert"),
    ('"The commission has nothing to hide," its chairman said.', "deny"),
    ('"We have nothing to add," the spokesman said.', "assert"),
    # a negated copula denies with an adjective of fact or link, not of judgement or attitude
    ("The ministry said the report was not true.", "deny"),
    ("The army said its soldiers were not involved in the shooting.", "deny"),
    ('"We are not afraid," the student leader said.', "assert"),
    ('He told the newspaper the government was "not serious about a settlement".', "assert"),
    ("The observers said the vote was not fair.", "assert"),
    # a first-person denial inside the quote denies; a denial not made ("do not deny") admits
    ('"We deny these accusations," the spokeswoman said.', "deny"),
    ('"We reject these allegations," the spokesman said.', "deny"),
    ('"We reject this offer," the union leader said.', "assert"),
    ("She said the army denied the report.", "assert"),  # another's denial, reported
    ('"We do not deny that mistakes were made," the minister said.', "assert"),
    # grounds withheld, degree disputed; an inability asserts
    ('Officials said the claims were "completely without foundation".', "deny"),
    ("The army said reports of civilian deaths were exaggerated.", "deny"),
    ("The company said it was not in a position to comment.", "assert"),
    ("The minister said the plan was without precedent.", "assert"),
    # a claim in a content clause on a proposal noun denies; an outcome referred back is refused
    ("She rejected suggestions that the party was financed from abroad.", "deny"),
    ("The ministry rejected the idea that troops had crossed the border.", "deny"),
    ("The opposition rejected the provisional results of the election.", "assert"),
    ("The defence rejected the verdict of the military court.", "assert"),
]


@pytest.mark.parametrize("text,polarity", POLARITY)
def test_polarity(extract, text, polarity):
    found = extract(text)
    assert len(found) == 1, [s.content for s in found]
    assert found[0].polarity == polarity


# Speaker spans: text, the speaker span, a piece of the content.
SPEAKERS = [
    ("The main opposition Republican People's Party (CHP) said the raids were politically motivated.",
     "Republican People's Party", "the raids were politically motivated"),
    ("The rebel group, the Kachin Independence Army, said it would attend the talks.",
     "the Kachin Independence Army", "it would attend the talks"),
    ("Ethiopia's foreign ministry said that its army had not fired into Sudan.",
     "Ethiopia's foreign ministry", "its army had not fired"),
    ("Tajikistan disputed the account. Its border service said Kyrgyz guards had fired first.",
     "Its", "Kyrgyz guards had fired first"),
    ("State-run Anadolu news agency reported that 42 people were detained.",
     "Anadolu", "42 people were detained"),
    ("A report by Human Rights Watch found that the police had beaten detainees.",
     "Human Rights Watch", "the police had beaten detainees"),
    ("China ignored the 2016 ruling by the tribunal in The Hague, which found that its claims had no basis.",
     "ruling", "its claims had no basis"),
    ("After saying the talks had failed, the envoy left Geneva.", "envoy", "the talks had failed"),
    ("He refused to name a successor, aside from saying he wanted a woman in the post.",
     "He", "he wanted a woman in the post"),
    ("Norway's Petroleum Directorate said the field would close.",  # not an institution noun
     "Petroleum Directorate", "the field would close"),
    ("The decision was welcomed by fishermen in Mombasa, who said the ban had emptied the sea.",
     "fishermen", "the ban had emptied the sea"),  # "who" is hung on the place: a place does not speak
    ("The minister spoke at a briefing announcing that the border would reopen.",  # an occasion does not speak
     "minister", "the border would reopen"),
    ("India's Ministry of External Affairs said the talks had ended.",  # a named institution of a state
     "India", "the talks had ended"),
    ('The ELN said in a statement that its fighters were not involved.\n\n'
     '"The group has respected every commitment it signed," the statement said.',
     "ELN", "The group has respected every commitment"),
]


# A person's office speaks for the person; a person's spokesman is someone else and stays
# unresolved without a name. Text, a piece of the content, the speaker's actor id.
SPEAKER_IDS = [
    ("President Ana Ruiz of Peru arrived on Monday. President Ana Ruiz's office said the visit "
     "had been postponed.", "the visit had been postponed", "person:ana-ruiz"),
    ("Senator Ada Quinn spoke on Monday. Quinn's campaign said the poll was wrong.",
     "the poll was wrong", "person:ada-quinn"),
    ("Senator Ada Quinn spoke on Monday. Quinn's spokesman said the poll was wrong.",
     "the poll was wrong", None),
    # "quoted X as saying": X speaks, not the outlet that quoted
    ("The Interfax news agency quoted Deputy Foreign Minister Pavel Orlov as saying the talks had failed.",
     "the talks had failed", "person:pavel-orlov"),
    ("State television cited a senior official as saying that 12 soldiers were killed.",
     "12 soldiers were killed", None),
]


@pytest.mark.parametrize("text,content,speaker", SPEAKER_IDS)
def test_speaker_actor(extract, text, content, speaker):
    found = [s for s in extract(text) if content in s.content]
    assert len(found) == 1, [s.content for s in extract(text)]
    assert found[0].speaker == speaker


@pytest.mark.parametrize("text,speaker,content", SPEAKERS)
def test_speaker_span(extract, text, speaker, content):
    found = [s for s in extract(text) if content in s.content]
    assert len(found) == 1, [s.content for s in extract(text)]
    assert speaker in (found[0].speaker_text or ""), found[0].speaker_text


# Content boundaries: text, [(speaker piece, exact content, polarity)].
CONTENTS = [
    ("CHP spokesman Deniz Yucel told reporters that the government was using the courts to silence "
     "its critics, an accusation the ruling AK Party rejected.",
     [("Deniz Yucel", "the government was using the courts to silence its critics", "assert"),
      ("AK Party", "the government was using the courts to silence its critics", "deny")]),
    ("Turkish jets struck villages in Iraq, a claim denied by Ankara.",
     [("Ankara", "Turkish jets struck villages in Iraq", "deny")]),
    ("Russian troops entered the town, according to Ukraine, a claim Moscow rejected.",
     [("Ukraine", "Russian troops entered the town", "assert"),
      ("Moscow", "Russian troops entered the town", "deny")]),
    ("The union said the company made an offer, which the workers rejected.",  # "which" = the offer
     [("union", "the company made an offer, which the workers rejected", "assert")]),
    ("Separately, Turkish warplanes struck targets in northern Iraq on Monday, the Defence Ministry said.",
     [("Defence Ministry", "Turkish warplanes struck targets in northern Iraq on Monday", "assert")]),
    ("The spokesman said artillery fired from the Ethiopian side had hit two villages.",
     [("spokesman", "artillery fired from the Ethiopian side had hit two villages", "assert")]),
    ("The army launched an offensive in January that displaced about 10,000 civilians, according to the "
     "United Nations.",
     [("United Nations", "The army launched an offensive in January that displaced about 10,000 civilians",
       "assert")]),
    ("Gunmen attacked two towns on Tuesday, killing at least 11 civilians, according to local officials.",
     [("local officials", "Gunmen attacked two towns on Tuesday, killing at least 11 civilians", "assert")]),
    ("The government denied that it had sent weapons to the rebels, after the mayor said fighters had crossed "
     "the border.",
     [("government", "it had sent weapons to the rebels", "deny"),
      ("mayor", "fighters had crossed the border", "assert")]),
    ("According to Greenpeace, palm oil companies with licences from both governments were responsible.",
     [("Greenpeace", "palm oil companies with licences from both governments were responsible", "assert")]),
    ("According to the ministry, which monitors the area, the convoy left.",
     [("ministry", "the convoy left", "assert")]),
    ("The spokesman urged Lithuania to correct its mistake and warned that Beijing would take further measures.",
     [("spokesman", "Lithuania to correct its mistake", "assert"),
      ("spokesman", "Beijing would take further measures", "assert")]),
    ("Beijing suspended freight trains to Vilnius, according to Lithuanian Railways, and state media called on "
     "companies to stop buying timber.",
     [("Lithuanian Railways", "Beijing suspended freight trains to Vilnius", "assert"),
      ("state media", "companies to stop buying timber", "assert")]),
    ("The Times reported at the time that the editor had told the presenter her remarks were out of line.",
     [("Times", "the editor had told the presenter her remarks were out of line", "assert")]),
    ('Her remarks were "not in line with our editorial policy." The network said it would send her abroad.',
     [("network", "it would send her abroad", "assert")]),
    ("The difference now, he told me on Friday, is that he runs a news programme.",
     [("he", "The difference now, he told me on Friday, is that he runs a news programme", "assert")]),
    ("Merrill says Machado promised to keep supporting Clinton and said she would stand up to the attacks.",
     [("Merrill", "Machado promised to keep supporting Clinton and said she would stand up to the attacks",
       "assert")]),
    ("The minister said the country would leave the union in March and suggested that it would quit "
     "the single market.",
     [("minister", "the country would leave the union in March", "assert"),
      ("minister", "it would quit the single market", "assert")]),
]


@pytest.mark.parametrize("text,expected", CONTENTS)
def test_content_boundaries(extract, text, expected):
    found = sorted((s.speaker_text or "", s.content, s.polarity) for s in extract(text))
    assert len(found) == len(expected), found
    for speaker, content, polarity in expected:
        assert any(speaker in f[0] and f[1] == content and f[2] == polarity for f in found), found


NOTHING = [
    "The report said nothing new.",  # no content: "nothing" is not a reported clause
    "Government denies talks with rebels",  # a headline: no final punctuation
    "Did the minister say that the talks had failed?",  # a question
    "The so-called “reform” was postponed again.",  # scare quotes
    "The minister did not say whether the talks had failed.",  # negated cue
    "The talks failed after three days.",  # no cue at all
    "He said it.",  # no content
    "The company reported a loss of ten million dollars.",  # "report" without a clause
    "“Tomorrow”",  # a quoted word alone
    "The rebel leader described himself as a patriot.",  # reflexive: no statement about anything
    "He called the police.",  # "call" without a predicate
    "NAIROBI, March 3 — Heavy rain closed the main road.",  # a dateline is no speaker
    "The offer, which the company made on Monday, was rejected.",  # passive cue without an agent
    "The minister left without saying where he was going.",  # "without saying": no statement
    # refusals of a proposal are REJECT events, not speech
    "The union rejected an offer of talks from the government.",
    "Parliament rejected a motion on Tuesday to dissolve the cabinet.",
    "Pyongyang has rejected all offers of dialogue since 2019.",
    "Reporters waited outside a briefing announcing that the border would reopen.",  # who announced?
    # the parser hangs "who" on the verb: no antecedent, no speaker (never the verb itself)
    "The reform was opposed by farmers in Kenya, who said it would ruin them.",
    "The rebels have dismissed every offer of mediation since 2019.",
    # a verb with its own object is not the phrasal cue: "called a strike for Friday" is no "call for"
    "The dockworkers' union called a general strike for Friday.",
    "The farmers pointed their tractors to the capital.",
    # an outcome or a proposal not referred back is turned down, not declared false
    "The opposition has rejected every ruling of the electoral court since 2019.",
    "The union rejected a suggestion to extend the strike.",
    "The government rejected European criticism of its crackdown on protesters.",
    # "citing" a source names who said it, and says nothing itself
    "The agency reported the clash, citing diplomatic sources.",
    "Reuters reported the arrests, citing Amnesty International.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_statement(extract, text):
    assert extract(text) == ()


# '"A," he said. "B."' in one paragraph: the content pieces and polarities of the statements.
# A denial followed by a plain claim is two statements with the same speaker and cue; other
# pairs stay one statement (a claim followed by a denial keeps the claim's polarity).
FOLLOWING_QUOTES = [
    ('"No shells fell on our side," the colonel said. "We have opened the road to aid convoys."',
     [("No shells fell on our side", "deny"), ("We have opened the road to aid convoys", "assert")]),
    ('"Nobody was arrested," Ines Duarte said. "The protest ended peacefully and the square reopened."',
     [("Nobody was arrested", "deny"), ("The protest ended peacefully", "assert")]),
    ('"The dam is safe," the engineer said. "Its walls were inspected in March."',
     [("The dam is safe", "assert")]),
    ('"We did not fire first," the captain said. "We have never fired at civilians."',
     [("We did not fire first", "deny")]),
    ('"The harbour is open," the mayor said. "No ship has been turned away."',
     [("The harbour is open", "assert")]),
    ('"We never signed that paper," she said. "Ask them."',  # a short second quote joins the first
     [("We never signed that paper", "deny")]),
]


@pytest.mark.parametrize("text, expected", FOLLOWING_QUOTES)
def test_following_quote_polarity(extract, text, expected):
    found = sorted(extract(text), key=lambda s: s.content_span)
    assert len(found) == len(expected), [(s.content, s.polarity) for s in found]
    for statement, (piece, polarity) in zip(found, expected):
        assert statement.content.startswith(piece) and statement.polarity == polarity, statement
    assert len({(s.speaker_span, s.cue_span) for s in found}) == 1


def test_quote_without_cue_attaches_to_previous_speaker(extract):
    text = ('“We will rebuild the bridge,” the mayor, Ilse Brandt, said on Monday.\n\n'
            '“It will take two years, and the money is already there.”\n')
    statements = extract(text)
    assert len(statements) == 2
    second = statements[1]
    assert second.content.startswith("It will take two years")
    assert second.speaker_span == statements[0].speaker_span and second.cue is None


def test_quote_without_clear_speaker_is_left_alone(extract):
    text = ('The mayor spoke first.\n\n“It will take two years, and the money is already there.”\n')
    assert extract(text) == ()


def test_block_statement_after_colon(extract):
    text = ("The Northern Front, for its part, rejected the accusation:\n\n"
            "Yesterday some newspapers claimed that our units shelled the village.\n\n"
            "We have never targeted civilians and we never will.\n\n"
            "Meanwhile the river kept rising.\n")
    statements = extract(text)
    block = [s for s in statements if s.content.startswith("Yesterday")]
    assert len(block) == 1
    assert "never targeted civilians" in block[0].content and "river" not in block[0].content
    assert block[0].polarity == "deny" and block[0].speaker_text == "The Northern Front"
    # the claim reported inside the block is not given to the newspapers as a second statement
    assert not [s for s in statements if s.content.startswith("our units shelled")]


def test_multi_paragraph_quote(extract):
    text = ('The commander said:\n\n“We held the line for three days.\n\n'
            '“Then the order came to withdraw, and we obeyed.”\n\nThe ministry gave no comment.\n')
    (statement,) = extract(text)
    assert statement.kind == "direct"
    assert statement.content.startswith("We held the line") and statement.content.endswith("we obeyed.")


def test_medium_date_and_about(extract):
    text = ("Kenya's foreign minister, Ruth Wanjiru, said in an interview with Reuters last month "
            "that Uganda had closed the border.")
    (s,) = extract(text, published="2016-03-09")
    assert s.medium == "org:reuters"
    assert s.date == "2016-02"
    assert "country:ug" in s.about


# The medium is where the words went out, never a name inside what was said. Text, medium id.
MEDIA = [
    ('The European Commission said in a statement that it was "deeply concerned" by the arrests.', None),
    ("The ministry said in a statement carried by the Tass news agency that it regretted the move.",
     "org:tass"),
    ("The minister told parliament that the Reuters report was false.", None),
    ("The Interfax news agency quoted Deputy Foreign Minister Pavel Orlov as saying the talks had failed.",
     "org:interfax"),
]


@pytest.mark.parametrize("text,medium", MEDIA)
def test_medium(extract, text, medium):
    (s,) = extract(text)
    assert s.medium == medium


def test_wrote_outlet_is_its_own_medium(extract):
    text = ('The daily newspaper Novaya Liniya covered the vote.\n\n'
            '“The count was fair,” wrote Novaya Liniya in an editorial.\n')
    (s,) = extract(text)
    assert s.speaker_text == "Novaya Liniya" and s.medium is not None and s.medium == s.speaker


def test_ids_are_content_derived(extract):
    text = "Anna Berg said the talks would resume in May."
    assert [s.id for s in extract(text)] == [s.id for s in extract(text)]


# -- parts ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, quoted", [
    ('He said "yes" and left.', ["yes"]),
    ("He said “yes, we will,” and left.", ["yes, we will"]),
    ("''We will,'' he said.", ["We will"]),
    ("It's the rock 'n' roll of politics.", []),
    ("«Nous viendrons», a-t-il dit.", ["Nous viendrons"]),
    ("“Unclosed quote runs to the end of the paragraph\n\nNext paragraph.", ["Unclosed quote runs to the end of the paragraph"]),
    ("“One.\n\n“Two.”", ["One.\n\n“Two."]),
    ('"Straight one.\n\n“Curly two.”', ["Straight one.", "Curly two."]),
])
def test_find_quotes(text, quoted):
    assert [text[q.inner[0]:q.inner[1]] for q in find_quotes(text)] == quoted


@pytest.mark.parametrize("text, count", [
    ("One.\n\nTwo.\n\nThree.", 3),
    ("A title\n\nFirst line wraps\nin the middle. Next sentence.\nNew paragraph.", 3),
    ("Line one\nLine two\nLine three", 3),  # no blank lines: one paragraph per line
])
def test_paragraphs(text, count):
    assert len(paragraph_spans(text)) == count


@pytest.mark.parametrize("expression, published, expected", [
    ("last month", "2016-01-05", "2015-12"),
    ("this month", "2016-01-05", "2016-01"),
    ("on Wednesday", "2016-01-08", "2016-01-06"),
    ("Friday", "2016-09-30", "2016-09-30"),
    ("Wednesday 23rd December 2015", None, "2015-12-23"),
    ("in 2015", None, "2015"),
    ("last month", None, None),
    ("at the time", "2016-01-05", None),
    ("several years", "2016-01-05", None),
    ("", "2016-01-05", None),
])
def test_resolve_date(expression, published, expected):
    assert resolve_date(expression, published) == expected


def test_lexicon_shape():
    lexicon = cue_lexicon()
    assert lexicon["say"][0].frames >= {"that", "quote"}
    assert lexicon["deny"][0].deny and not lexicon["say"][0].deny
    assert any(c.lemma == "rule out" and c.deny for c in lexicon["rule"])
    assert all(c.frames <= {"that", "quote", "obj", "to", "name", "prep"} for cues in lexicon.values() for c in cues)


# -- robustness -------------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(['He said ', '"', '“', '”', "''", "``", "«", "»", ",", ":", ".", "?",
                           "\n", "\n\n", "the talks failed", "Anna Berg", " denied that ", "According to ",
                           " we never met", " ", "'", "(", ")"])


@given(st.lists(_PIECES, max_size=30).map("".join))
@settings(max_examples=200, deadline=None)
def test_quotes_are_inside_the_text(text):
    for q in find_quotes(text):
        assert 0 <= q.span[0] <= q.inner[0] <= q.inner[1] <= q.span[1] <= len(text)


@given(st.lists(_PIECES, max_size=25).map("".join))
@settings(max_examples=40, deadline=None)
def test_statement_spans_slice_the_text(pipeline, text):
    from newsgraph.extract.statements import find_statements

    doc = pipeline.nlp.make_doc(text)
    doc._.ng_document = Document(id="h", text=text)
    # called directly: the component itself logs and skips on an error, this must not raise
    for s in find_statements(pipeline.nlp(doc)):
        assert text[s.content_span[0]:s.content_span[1]] == s.content and s.content.strip()
        if s.speaker_span:
            assert text[s.speaker_span[0]:s.speaker_span[1]] == s.speaker_text
