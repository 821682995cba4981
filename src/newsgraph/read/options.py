"""How inputs are read: field names for tabular records, size limit, encodings, language."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .. import settings
from ..errors import UsageError

# Document fields a JSONL/CSV record can fill. "text" is required; the rest are optional.
RECORD_FIELDS = ("id", "text", "title", "author", "published", "url", "source", "lang")


def _default_max_bytes() -> int:
    return int(settings.get("max_bytes"))


@dataclass(frozen=True)
class ReadOptions:
    """Options shared by every reader.

    ``fields`` maps a Document field to the name it has in JSONL/CSV input, e.g.
    ``{"text": "body", "published": "date"}``; unmapped fields keep their own name.
    ``max_bytes`` bounds a whole file for one-document formats (txt, html, feeds) and each
    record for streamed ones (JSONL lines, CSV rows, WARC records).
    """

    fields: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = field(default_factory=_default_max_bytes)
    encoding_fallback: str | None = "cp1252"  # tried for text that is not UTF-8, with a notice
    skip_non_english: bool = True

    def __post_init__(self) -> None:
        unknown = sorted(set(self.fields) - set(RECORD_FIELDS))
        if unknown:
            raise UsageError(f"unknown document field(s) in field map: {', '.join(unknown)}",
                             hint=f"known fields: {', '.join(RECORD_FIELDS)}")
        if self.max_bytes <= 0:
            raise UsageError(f"max_bytes must be positive, not {self.max_bytes}")
        # A private copy: a caller changing its dict later does not change these options.
        object.__setattr__(self, "fields", dict(self.fields))

    def field_name(self, document_field: str) -> str:
        """The input name of a Document field: mapped, or the field's own name."""
        return self.fields.get(document_field, document_field)


def parse_field_map(specs: Iterable[str]) -> dict[str, str]:
    """Turn ``["text=body", "id=uid"]`` (or one ``"text=body,id=uid"``) into a field map."""
    mapping: dict[str, str] = {}
    for spec in specs:
        for part in filter(None, (p.strip() for p in spec.split(","))):
            target, sep, name = (s.strip() for s in part.partition("="))
            if not sep or not target or not name:
                raise UsageError(f"bad field mapping {part!r}", hint="write FIELD=NAME, e.g. text=body")
            if target not in RECORD_FIELDS:
                raise UsageError(f"unknown document field {target!r} in {part!r}",
                                 hint=f"known fields: {', '.join(RECORD_FIELDS)}")
            mapping[target] = name
    return mapping
