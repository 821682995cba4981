"""WARC and .warc.gz web archives (warcio): HTML responses go through the HTML reader.

Records that are not successful HTML responses (requests, metadata, images, redirects) are
passed over; pages without article text are passed over with a debug notice, since a crawl is
mostly such pages. A truncated or corrupt archive is one InputError naming the file, raised
after the complete records before the damage have been read; a record cut short is dropped.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..errors import InputError
from ..model import Document
from .html_page import html_document
from .options import ReadOptions
from .source import Source, log

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(source: Source, options: ReadOptions) -> Iterator[Document | InputError]:
    head = source.head()
    gzipped = head.startswith(b"\x1f\x8b")
    if not head.strip():
        raise InputError("empty file", where=source.name)
    if not gzipped and not head.startswith(b"WARC/"):  # payloads may be binary: no NUL test
        raise InputError("not a WARC file (it does not start with a WARC/1.x header)", where=source.name)
    records = 0
    truncated: str | None = None
    with source.open() as raw:
        checked = _GzipCheck(raw) if gzipped else None
        try:
            for record in ArchiveIterator(checked or raw):
                records += 1
                item = _record_item(record, source.name, options)
                if item is not None:
                    yield item
        except _RecordCutShort:
            truncated = f"the file ends inside record {records}; the records before it were read"
        except Exception as exc:  # warcio raises many kinds of errors on a damaged archive
            if checked is not None and not checked.read_to_end().complete:
                raise InputError(f"truncated archive: the compressed data ends inside record "
                                 f"{records + 1}; the records before it were read",
                                 where=source.name) from None
            reason = " ".join(str(exc).split())[:200]
            raise InputError(f"corrupt WARC in or after record {records + 1} "
                             f"({type(exc).__name__}: {reason})", where=source.name) from None
        if truncated is None and checked is not None and not checked.complete:
            truncated = f"the compressed data ends early, after record {records}"
    if truncated is None and not gzipped and source.path is not None and not _ends_a_record(source.path):
        truncated = f"the file does not end with a complete record (record {records} or later is cut)"
    if truncated:
        raise InputError(f"truncated archive: {truncated}", where=source.name)
    if records == 0:
        raise InputError("not a WARC file (no records found)", where=source.name)


class _RecordCutShort(Exception):
    """The archive ends inside the current record."""


def _record_item(record, archive: str, options: ReadOptions) -> Document | InputError | None:
    """A Document for an HTML page, an InputError, or None for records passed over."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{archive}#{uri}" if uri else archive
    payload = None
    if _is_html_page(record):
        payload = record.content_stream().read(options.max_bytes + 1)
    _drain(record)
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than Content-Length
        raise _RecordCutShort()
    if payload is None:
        return None
    if len(payload) > options.max_bytes:
        return InputError(f"record is over the limit of {options.max_bytes:,} bytes", where=where)
    try:
        return html_document(payload, where, url=uri or None)
    except InputError as error:
        log.debug("%s", error)
        return None


def _is_html_page(record) -> bool:
    """A successful HTML response, or an HTML resource record."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        content_type = record.http_headers.get_header("Content-Type", "")
    elif record.rec_type == "resource":
        status, content_type = "200", record.rec_headers.get_header("Content-Type", "")
    else:
        return False
    return status == "200" and content_type.lower().startswith(_HTML_TYPES)


def _ends_a_record(path) -> bool:
    """Every WARC record ends with two CRLFs, so an uncut uncompressed file ends with them."""
    with open(path, "rb") as handle:
        handle.seek(max(0, path.stat().st_size - 4))
        return handle.read() == b"\r\n\r\n"


def _drain(record) -> None:
    while record.raw_stream.read(1 << 16):
        pass


class _GzipCheck:
    """Passes a gzip stream through to warcio while checking that its last member is complete.

    warcio stops quietly at the end of a truncated .warc.gz; zlib tells whether the final
    member reached its end marker.
    """

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._offset = 0
        self._corrupt = False
        self._member_done = True

    @property
    def complete(self) -> bool:
        return self._member_done and not self._corrupt

    def read_to_end(self) -> _GzipCheck:
        while self.read(1 << 16):
            pass
        return self

    def tell(self) -> int:
        return self._offset

    def read(self, size: int = -1) -> bytes:
        chunk = self._raw.read(size)
        self._offset += len(chunk)
        data = chunk
        while data and not self._corrupt:
            if self._inflater.eof:
                self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
            try:
                self._inflater.decompress(data, 1 << 20)  # output is not needed, only the state
            except zlib.error:
                self._corrupt = True
                break
            data = self._inflater.unused_data if self._inflater.eof else self._inflater.unconsumed_tail
            self._member_done = self._inflater.eof
        return chunk
