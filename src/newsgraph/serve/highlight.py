"""Article text with spans highlighted, safe to put into a page.

Articles are untrusted input: every character of article text passes through
``markupsafe.escape``; the only markup added is ours (``<mark>`` and ``<a>`` with escaped
attribute values). Annotations may overlap (a mention inside a statement), so the text is cut
at every span boundary and each piece carries the classes of all spans that cover it.
Paragraphs are kept by the page's ``white-space: pre-wrap``, not by rewriting the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

# Link priority when several annotations cover the same piece of text.
_LINK_ORDER = {"actor": 0, "speaker": 0, "statement": 1, "event": 2, "focus": 3, "sentence": 4, "cue": 5}


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    kind: str  # actor | speaker | cue | statement | event | focus | sentence
    title: str = ""
    href: str | None = None
    anchor: str | None = None  # element id placed where the span starts, for #links


def render(text: str, annotations: list[Annotation]) -> Markup:
    """The text as HTML with each annotation's characters wrapped in a <mark>."""
    usable = [a for a in annotations if 0 <= a.start < a.end <= len(text)]
    cuts = sorted({0, len(text), *(a.start for a in usable), *(a.end for a in usable)})
    anchors: dict[int, list[str]] = {}
    for a in usable:
        if a.anchor:
            anchors.setdefault(a.start, []).append(a.anchor)
    out: list[str] = []
    seen_ids: set[str] = set()
    for lo, hi in zip(cuts, cuts[1:]):
        for anchor in anchors.get(lo, ()):
            if anchor not in seen_ids:
                seen_ids.add(anchor)
                out.append(Markup(f'<span id="{escape(anchor)}" class="anchor"></span>'))
        piece = escape(text[lo:hi])
        covering = [a for a in usable if a.start <= lo and hi <= a.end]
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({a.kind for a in covering})
        titles = [a.title for a in covering if a.title]
        attrs = f' class="{" ".join("hl-" + k for k in kinds)}"'
        if titles:
            attrs += f' title="{escape(" · ".join(dict.fromkeys(titles)))}"'
        linked = sorted((a for a in covering if a.href), key=lambda a: _LINK_ORDER.get(a.kind, 9))
        if linked:
            piece = Markup(f'<a href="{escape(linked[0].href)}">{piece}</a>')
        out.append(Markup(f"<mark{attrs}>{piece}</mark>"))
    return Markup("").join(out)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that holds [start, end): from after the previous sentence end to the next.

    A plain punctuation heuristic, enough to give a highlighted statement its context; the
    span itself is always inside the result.
    """
    start, end = max(0, start), min(len(text), end)
    lo = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        lo = match.end()
    nxt = _SENTENCE_END.search(text, end)
    hi = nxt.end() if nxt else len(text)
    # Trim surrounding whitespace so the highlight hugs the words.
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def excerpt(text: str, start: int, end: int, context: int = 80) -> tuple[str, str, str]:
    """(before, span, after) around a span, cut at word boundaries, for result lists."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    before, after = text[lo:start], text[end:hi]
    if lo > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if hi < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return before, text[start:end], after
