"""Highlighting article text: escaping, overlapping spans, sentence bounds."""
from __future__ import annotations

import pytest

from newsgraph.serve.highlight import Annotation, render, sentence_around


@pytest.mark.parametrize("text, notes, expected", [
    ("plain text", [], "plain text"),
    ("a <b> c", [], "a &lt;b&gt; c"),
    ("Kabulov said so.", [Annotation(0, 7, "actor", href="/actors/person:kabulov")],
     '<mark class="hl-actor"><a href="/actors/person:kabulov">Kabulov</a></mark> said so.'),
    # overlapping: a mention inside a statement gets both classes; the rest only the statement's
    ("Russia helps Kabul", [Annotation(0, 18, "statement"), Annotation(13, 18, "actor")],
     '<mark class="hl-statement">Russia helps </mark><mark class="hl-actor hl-statement">Kabul</mark>'),
    # markup inside a span and in a title stays text
    ("<script>x()</script>", [Annotation(0, 8, "event", title='"><script>')],
     '<mark class="hl-event" title="&#34;&gt;&lt;script&gt;">&lt;script&gt;</mark>x()&lt;/script&gt;'),
    # spans outside the text or empty are ignored, not an error
    ("short", [Annotation(3, 99, "actor"), Annotation(2, 2, "actor"), Annotation(-1, 2, "actor")], "short"),
])
def test_render(text, notes, expected):
    assert str(render(text, notes)) == expected


def test_anchor_is_placed_once_where_the_span_starts():
    html = str(render("one two three", [Annotation(4, 7, "statement", anchor="stmt:1"),
                                        Annotation(4, 13, "event", anchor="stmt:1")]))
    assert html.count('id="stmt:1"') == 1
    assert html.index('id="stmt:1"') < html.index("two")


@pytest.mark.parametrize("text, span, sentence", [
    ("First one. Kabulov said it was so. Last one.", (11, 18), "Kabulov said it was so."),
    ("No end here", (3, 6), "No end here"),
    ("Title\n\n“It is,” he said. Next.", (8, 13), "“It is,” he said."),
])
def test_sentence_around(text, span, sentence):
    lo, hi = sentence_around(text, *span)
    assert text[lo:hi] == sentence
