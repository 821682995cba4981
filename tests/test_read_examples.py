"""The example articles: every reader is exercised and every article has what the demo needs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.read import format_of, read_paths

from conftest import EXAMPLES

DOCUMENTS = list(read_paths([EXAMPLES]))  # raises on any bad input: the demo must read cleanly


def test_enough_articles_in_every_format():
    assert len(DOCUMENTS) >= 8
    # origin is the file, file:line (JSONL) or file#entry (feeds)
    formats = {format_of(Path(re.sub(r"(#.*|:\d+)$", "", d.origin))) for d in DOCUMENTS}
    assert formats == {"txt", "html", "jsonl", "feed"}
    assert len({d.id for d in DOCUMENTS}) == len(DOCUMENTS)


def test_dates_spread_over_2016():
    months = {d.published[:7] for d in DOCUMENTS}
    assert all(d.published and d.published.startswith("2016-") and len(d.published) == 10 for d in DOCUMENTS)
    assert len(months) >= 6


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: Path(d.origin).name)
def test_article_shape(doc):
    words = len(doc.text.split())
    assert 250 <= words <= 600, words
    assert doc.lang == "en" and doc.title and doc.author
    assert re.search(r"[\"“].{10,}?[\"”]", doc.text), "a direct quote"
    assert re.search(r"\bsaid that\b", doc.text), "reported speech"
    assert re.search(r"\baccording to\b", doc.text, re.IGNORECASE)
    assert re.search(r"\b(denied|rejected)\b", doc.text), "a denial"
    assert re.search(r":\n\n[A-Z]", doc.text), "a statement introduced by a colon"
    assert re.search(r"^[A-Z][A-Z ]+,[A-Za-z ,]*\b\w+\.? \d{1,2}, 2016 —", doc.text, re.MULTILINE), "a dateline"
