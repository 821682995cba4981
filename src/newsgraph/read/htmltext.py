"""HTML fragments (feed summaries and content) to plain text, keeping paragraph breaks."""
from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset("""address article aside blockquote dd div dl dt figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul""".split())
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag == "br":
            self._current.append("\n")
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:  # newlines in HTML source are just spaces; <br> makes a line
            self._current.append(data.replace("\n", " "))

    def _break(self) -> None:
        lines = "".join(self._current).split("\n")
        paragraph = "\n".join(line for line in (_SPACES.sub(" ", l).strip() for l in lines) if line)
        if paragraph:
            self.paragraphs.append(paragraph)
        self._current = []

    def text(self) -> str:
        self._break()
        return "\n\n".join(self.paragraphs)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment: one paragraph per block element, entities decoded.

    Text without any tag is kept as it is, apart from blank lines between paragraphs.
    """
    if "<" not in fragment:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", fragment) if p.strip())
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return collector.text()
