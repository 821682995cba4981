"""One JSONL object or CSV row to a Document, through the field map of ReadOptions."""
from __future__ import annotations

from collections.abc import Mapping

from ..errors import InputError
from ..model import Document
from ..model.ids import document_id
from .dates import iso_date
from .options import ReadOptions

_OPTIONAL_TEXT_FIELDS = ("title", "author", "url", "source", "lang")


def record_document(record: Mapping[str, object], options: ReadOptions, where: str) -> Document:
    """A Document from one record; InputError naming ``where`` when it has no usable text."""
    text_field = options.field_name("text")
    text = record.get(text_field)
    if text is None:
        present = ", ".join(sorted(map(str, record))) or "none"
        raise InputError(f"no {text_field!r} field (fields present: {present})", where=where,
                         hint="map the text field, e.g. ReadOptions(fields={'text': 'body'})")
    if not isinstance(text, str):
        raise InputError(f"field {text_field!r} is a {type(text).__name__}, not a string", where=where)
    if not text.strip():
        raise InputError(f"field {text_field!r} is empty", where=where)
    given_id = _scalar(record.get(options.field_name("id")))
    values = {name: _scalar(record.get(options.field_name(name))) for name in _OPTIONAL_TEXT_FIELDS}
    return Document(
        id=given_id or document_id(text), text=text,
        published=iso_date(_scalar(record.get(options.field_name("published")))),
        origin=where, **values)


def _scalar(value: object) -> str | None:
    """A string for a record value; containers and empty strings count as absent."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None
