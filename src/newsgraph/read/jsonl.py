"""JSON Lines: one article object per line; a bad line is reported and the others are read.

Lines are read as bytes, one at a time, so a large corpus streams and one bad line (invalid
UTF-8, invalid JSON, no text, too long) costs only itself.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator

from ..errors import InputError
from ..model import Document
from .options import ReadOptions
from .records import record_document
from .source import Source, check_content


def read_jsonl(source: Source, options: ReadOptions) -> Iterator[Document | InputError]:
    check_content(source.head(), source.name)
    with source.open() as stream:
        number = 0
        while line := stream.readline(options.max_bytes + 1):
            number += 1
            where = f"{source.name}:{number}"
            if len(line) > options.max_bytes and not line.endswith(b"\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the overlong line
                yield InputError(f"line is over the limit of {options.max_bytes:,} bytes", where=where)
                continue
            if not line.strip():
                continue
            try:
                yield record_document(parse_line(line, where), options, where)
            except InputError as error:
                yield error


def parse_line(line: bytes, where: str) -> dict:
    """The JSON object on one line, or InputError saying what is wrong with it."""
    if line.startswith(codecs.BOM_UTF8):  # some tools write a BOM before the first line
        line = line[len(codecs.BOM_UTF8):]
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1})",
                         where=where) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", where=where) from None
    if not isinstance(value, dict):
        raise InputError(f"expected a JSON object, found {type(value).__name__}", where=where,
                         hint="write one object per line: {\"id\": ..., \"text\": ...}")
    return value
