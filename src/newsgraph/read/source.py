"""An input to read (a file or stdin), with the checks every format shares.

Each check raises one ``InputError`` naming the input and the reason: missing, empty,
binary, over the size limit, undecodable.
"""
from __future__ import annotations

import codecs
import io
import logging
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

log = logging.getLogger("newsgraph.read")

HEAD_BYTES = 65536  # how much is looked at to sniff a format or spot a binary file
_LIMIT_HINT = "raise the limit with NEWSGRAPH_MAX_BYTES or ReadOptions(max_bytes=...)"


class _Prepended(io.RawIOBase):
    """A one-pass stream that replays bytes already taken from it (stdin after sniffing)."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


class Source:
    """A named input. ``name`` is what messages and Document.origin show."""

    def __init__(self, name: str, path: Path | None = None, stream: BinaryIO | None = None):
        if (path is None) == (stream is None):
            raise ValueError("a Source has either a path or a stream")
        self.name = name
        self.path = path
        self._stream = stream
        self._head: bytes | None = None

    @classmethod
    def from_path(cls, path: Path) -> Source:
        return cls(str(path), path=path)

    @classmethod
    def from_stream(cls, name: str, stream: BinaryIO) -> Source:
        return cls(name, stream=stream)

    def head(self) -> bytes:
        """The first bytes, for sniffing; the input can still be read in full afterwards."""
        if self._head is None:
            if self.path is not None:
                with self._open_path() as handle:
                    self._head = handle.read(HEAD_BYTES)
            else:
                assert self._stream is not None
                self._head = self._stream.read(HEAD_BYTES)
                self._stream = io.BufferedReader(_Prepended(self._head, self._stream))
        return self._head

    def open(self) -> BinaryIO:
        """A binary stream over the whole input (a stream source can be opened once)."""
        if self.path is not None:
            return self._open_path()
        stream, self._stream = self._stream, None
        if stream is None:
            raise InputError("stream was already read", where=self.name)
        return stream

    def _open_path(self) -> BinaryIO:
        assert self.path is not None
        try:
            return self.path.open("rb")
        except FileNotFoundError:
            raise InputError("no such file or directory", where=self.name) from None
        except OSError as exc:
            raise InputError(f"cannot open: {exc.strerror or exc}", where=self.name) from None

    def read_all(self, max_bytes: int) -> bytes:
        """The whole input, refused when it is over ``max_bytes``, empty or binary."""
        if self.path is not None:
            size = self.path.stat().st_size
            if size > max_bytes:
                raise InputError(f"file is {size:,} bytes, over the limit of {max_bytes:,}",
                                 where=self.name, hint=_LIMIT_HINT)
        with self.open() as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"input is over the limit of {max_bytes:,} bytes", where=self.name,
                             hint=_LIMIT_HINT)
        check_content(data, self.name)
        return data


def check_content(data: bytes, where: str) -> None:
    """Refuse empty input and binary input (NUL bytes that are not UTF-16 text)."""
    if not data.strip():
        raise InputError("empty file" if not data else "file holds only whitespace", where=where)
    if b"\x00" in data[:HEAD_BYTES] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("binary file (contains NUL bytes), not text", where=where,
                         hint="newsgraph reads text, HTML, JSONL, CSV, RSS/Atom and WARC files")


def decode_text(data: bytes, where: str, fallback: str | None = "cp1252") -> str:
    """Decode a text file: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else ``fallback``.

    Falling back is announced on the log, since the guess may be wrong for some characters.
    """
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as utf8_error:
        reason = (f"not valid {encoding.upper().replace('-SIG', '')} "
                  f"(byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})")
        if fallback is None or encoding != "utf-8":
            raise InputError(reason, where=where, hint="save the file as UTF-8") from None
        try:
            text = data.decode(fallback)
        except (UnicodeDecodeError, LookupError):
            raise InputError(f"{reason}, and not {fallback} either", where=where,
                             hint="save the file as UTF-8") from None
        log.warning("%s: %s; decoded as %s", where, reason, fallback)
        return text
