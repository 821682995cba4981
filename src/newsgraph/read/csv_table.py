"""CSV (and TSV) files: a header row, then one article per row, columns named by the field map.

Rows stream one at a time; a malformed row is reported with its line number and the rest are
read. The encoding is chosen on the first 64 KiB (UTF-8, else the fallback, with a notice).
"""
from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from ..errors import InputError
from ..model import Document
from .options import ReadOptions
from .records import record_document
from .source import Source, check_content, log


def read_csv(source: Source, options: ReadOptions) -> Iterator[Document | InputError]:
    head = source.head()
    check_content(head, source.name)
    encoding = _encoding(head, source.name, options.encoding_fallback)
    delimiter = "\t" if source.name.lower().endswith(".tsv") else ","
    # Article bodies are long; the csv module refuses fields over 128 KiB by default.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    with source.open() as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            columns = next(reader, None)
        except csv.Error as exc:
            raise InputError(f"malformed CSV header: {exc}", where=f"{source.name}:1") from None
        if not columns:
            raise InputError("empty file", where=source.name)
        text_column = options.field_name("text")
        if text_column not in columns:
            raise InputError(f"no {text_column!r} column (columns: {', '.join(columns)})",
                             where=f"{source.name}:1",
                             hint="map the text column, e.g. ReadOptions(fields={'text': 'body'})")
        previous_end = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield InputError(f"malformed CSV row: {exc}", where=f"{source.name}:{previous_end + 1}")
                previous_end = reader.line_num
                continue
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding} after line {previous_end} ({exc.reason})",
                                 where=source.name, hint="save the file as UTF-8") from None
            where = f"{source.name}:{previous_end + 1}"  # the line the row starts on
            previous_end = reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                yield InputError(f"expected {len(columns)} columns, found {len(row)}", where=where)
                continue
            if sum(len(cell.encode("utf-8")) for cell in row) > options.max_bytes:
                yield InputError(f"row is over the limit of {options.max_bytes:,} bytes", where=where)
                continue
            try:
                yield record_document(dict(zip(columns, row)), options, where)
            except InputError as error:
                yield error


def _encoding(head: bytes, where: str, fallback: str | None) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError as exc:
        if fallback is None:
            raise InputError(f"not valid UTF-8 (byte 0x{head[exc.start]:02x} at offset {exc.start})",
                             where=where, hint="save the file as UTF-8") from None
        log.warning("%s: not valid UTF-8; decoded as %s", where, fallback)
        return fallback
