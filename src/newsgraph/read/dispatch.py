"""Paths to Documents: pick a reader per file, walk directories, read stdin, route errors.

Every reader is a generator of Documents; a record-level problem is yielded as an InputError
(the reader goes on), a file-level problem is raised (the reader stops). Both end up at
``on_error``, and reading goes on with the next input.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError, SkippedDocument, UnsupportedInput
from ..model import Document
from .csv_table import read_csv
from .feed import read_feed
from .html_page import read_html
from .jsonl import read_jsonl
from .language import looks_english
from .options import ReadOptions
from .source import Source
from .txt import read_txt
from .warc import read_warc

log = logging.getLogger("newsgraph.read")

ErrorHandler = Callable[[InputError], None]
Reader = Callable[[Source, ReadOptions], Iterator["Document | InputError"]]

READERS: dict[str, Reader] = {
    "txt": read_txt, "html": read_html, "jsonl": read_jsonl, "csv": read_csv,
    "feed": read_feed, "warc": read_warc,
}
# File name endings and their format; directories read only these files.
SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}
STDIN = "-"


def read_paths(paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None,
               on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Documents from files, directories and ``-`` (stdin), in the order given.

    ``on_error`` receives one InputError per bad input or record and reading goes on; a
    SkippedDocument (a subclass: e.g. not English) is a notice, not a failure. Without
    ``on_error``, errors raise and skips are logged on the ``newsgraph.read`` logger.
    """
    options = options or ReadOptions()
    if isinstance(paths, (str, os.PathLike)):  # one path given where a list was expected
        paths = [paths]
    for path in paths:
        yield from read_path(path, options, on_error)


def read_path(path: str | os.PathLike[str], options: ReadOptions | None = None,
              on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Documents from one file, directory or ``-`` (stdin); see read_paths."""
    options = options or ReadOptions()
    report = _reporter(on_error)
    for source, fmt in _sources(path, report):
        yield from _read_source(source, fmt, options, report)


def format_of(path: Path) -> str | None:
    """The format a file name announces, or None."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(Path(name).suffix)


def sniff(head: bytes) -> str:
    """The format of an input from its first bytes (stdin, files with unknown endings)."""
    if head.startswith(b"\x1f\x8b"):
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            if inflater.decompress(head, 64).startswith(b"WARC/"):
                return "warc"
        except zlib.error:
            pass
        raise UnsupportedInput("gzip-compressed file that is not a WARC archive",
                               hint="decompress it first")
    if head.startswith(b"WARC/"):
        return "warc"
    start = head[:2048].decode("utf-8", "ignore").lstrip("\ufeff \t\r\n").lower()
    if start.startswith(("<?xml", "<rss", "<feed", "<rdf:rdf")):
        return "html" if "<html" in start and "<rss" not in start and "<feed" not in start else "feed"
    if start.startswith(("<!doctype html", "<html")):
        return "html"
    if start.startswith("{"):
        return "jsonl"
    if start.startswith("["):
        raise UnsupportedInput("a JSON array is not supported", hint="write one object per line (JSONL)")
    return "txt"


def _sources(path: str | os.PathLike[str], report: ErrorHandler) -> Iterator[tuple[Source, str | None]]:
    """(source, format or None to sniff) for every input under ``path``."""
    if str(path) == STDIN:
        yield Source.from_stream("<stdin>", sys.stdin.buffer), None
        return
    path = Path(path)
    if path.is_dir():
        yield from ((Source.from_path(p), format_of(p)) for p in _walk(path))
    elif path.exists():
        yield Source.from_path(path), format_of(path)
    else:
        report(InputError("no such file or directory", where=str(path)))


def _walk(root: Path) -> list[Path]:
    """Readable files under ``root``: recursive, sorted, hidden files and folders left out."""
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in files:
            path = Path(folder, name)
            if name.startswith("."):
                continue
            if format_of(path) is None:
                log.debug("%s: not a known input format; passed over", path)
                continue
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _read_source(source: Source, fmt: str | None, options: ReadOptions,
                 report: ErrorHandler) -> Iterator[Document]:
    try:
        reader = READERS[fmt or sniff(source.head())]
        for item in reader(source, options):
            if isinstance(item, InputError):
                report(item)
                continue
            try:
                yield _with_language(item, options)
            except SkippedDocument as skipped:
                report(skipped)
    except InputError as error:
        if error.where is None:
            error.where = source.name
        report(error)
    except OSError as exc:
        report(InputError(f"cannot read: {exc.strerror or exc}", where=source.name))


def _with_language(document: Document, options: ReadOptions) -> Document:
    """The document with ``lang`` set, or SkippedDocument when it is not English."""
    declared = (document.lang or "").strip().lower()
    if declared:
        english = declared.startswith("en") or declared == "english"
        reason = f"declared language {document.lang!r}"
    else:
        english, share = looks_english(document.text)
        reason = f"{share:.0%} of its words are common English words"
    if english:
        return dataclasses.replace(document, lang="en")
    if not options.skip_non_english:
        return document
    title = f" ({document.title!r})" if document.title else ""
    raise SkippedDocument(f"skipped: not in English{title}; {reason}",
                          where=document.origin or document.id,
                          hint="newsgraph extracts from English text only")


def _reporter(on_error: ErrorHandler | None) -> ErrorHandler:
    if on_error is not None:
        return on_error

    def raise_or_log(error: InputError) -> None:
        if isinstance(error, SkippedDocument):
            log.warning("%s", error)
            return
        raise error

    return raise_or_log
