"""Bad input: each bad file gives one InputError naming it (and the line), good ones are read."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsgraph.errors import InputError, SkippedDocument
from newsgraph.read import ReadOptions, read_paths

from test_read import ARTICLE, WARC_RECORDS, article_html, make_warc, write

MAX_BYTES = 6000


def other(n: int) -> str:
    """A distinct good article (distinct text, so distinct content-hash ids)."""
    return ARTICLE.replace("on Monday", f"on day {n}")


def build_mixed_directory(root: Path) -> dict[str, str]:
    """Write good and bad inputs; return {bad file name: words its error must contain}."""
    write(root / "good" / "article.txt", other(1))
    write(root / "good" / "page.html", article_html("Herders Cross", other(2)))
    table = io.StringIO()
    csv.writer(table).writerows([["id", "text"], ["csv-1", other(3)]])
    write(root / "good" / "wire.csv", table.getvalue())
    lines = [json.dumps({"id": "jl-1", "text": other(4)}), '{"id": "jl-2", "text": "unterminated',
             json.dumps({"id": "jl-3", "text": other(5)})]
    write(root / "lines.jsonl", "\n".join(lines) + "\n")
    write(root / "empty.txt", b"")
    write(root / "blank.html", b"  \n\t\n")
    write(root / "binary.txt", b"GIF89a\x01\x00\x01\x00\x00\x00\x00\xff\xff\xff!\xf9\x04")
    write(root / "broken.xml", b'<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n'
                               b"<title>Broken</title>\n<description>x</descr>\n</channel></rss>")
    write(root / "undecodable.txt", ARTICLE.replace("—", "-").encode("ascii") + b" \x81\x8d\x90\x9d")
    write(root / "oversized.txt", (ARTICLE + "\n") * 20)
    archive = make_warc(root / "crawl.warc.gz", WARC_RECORDS)
    (root / "crawl.warc.gz").write_bytes(archive[:-40])  # cut inside the last record
    return {
        "lines.jsonl:2": "malformed JSON",
        "empty.txt": "empty file",
        "blank.html": "only whitespace",
        "binary.txt": "binary file",
        "broken.xml": "broken feed",
        "undecodable.txt": "not valid UTF-8",
        "oversized.txt": "over the limit",
        "crawl.warc.gz": "truncated",
    }


def test_mixed_directory(tmp_path):
    expected = build_mixed_directory(tmp_path)
    errors: list[InputError] = []
    docs = list(read_paths([tmp_path], ReadOptions(max_bytes=MAX_BYTES), on_error=errors.append))

    assert not any(isinstance(e, SkippedDocument) for e in errors)
    by_file = {Path(e.where).name: e for e in errors}
    assert len(errors) == len(by_file) == len(expected), [str(e) for e in errors]
    for name, reason in expected.items():
        error = by_file[name]
        assert reason in error.message, str(error)
        assert str(tmp_path) in str(error)  # the message names the file, with its path

    origins = sorted(str(Path(d.origin).relative_to(tmp_path)) for d in docs)
    assert origins == sorted([
        "crawl.warc.gz#https:/news.example/a",  # the record before the damage is kept
        "good/article.txt", "good/page.html", "good/wire.csv:2",
        "lines.jsonl:1", "lines.jsonl:3",
    ])


def test_errors_do_not_stop_other_inputs(tmp_path):
    """Explicit paths: bad ones in between good ones; the order of documents is kept."""
    good_a = write(tmp_path / "a.txt", other(1))
    bad = write(tmp_path / "bad.txt", b"\x00\x01\x02")
    missing = tmp_path / "missing.txt"
    good_b = write(tmp_path / "b.txt", other(2))
    errors: list[InputError] = []
    docs = list(read_paths([good_a, bad, missing, good_b], on_error=errors.append))
    assert [d.origin for d in docs] == [str(good_a), str(good_b)]
    assert [e.where for e in errors] == [str(bad), str(missing)]


@pytest.mark.parametrize("cut", [60, 400, 900])
def test_truncated_warc_keeps_complete_records(tmp_path, cut):
    path = tmp_path / "crawl.warc.gz"
    archive = make_warc(path, WARC_RECORDS)
    path.write_bytes(archive[:-cut])
    errors: list[InputError] = []
    docs = list(read_paths([path], on_error=errors.append))
    assert [d.url for d in docs] == ["https://news.example/a"]
    assert len(errors) == 1 and errors[0].where == str(path) and "truncated" in errors[0].message


def test_truncated_uncompressed_warc(tmp_path):
    path = tmp_path / "crawl.warc"
    archive = make_warc(path, WARC_RECORDS, gzip=False)
    path.write_bytes(archive[:-100])
    errors: list[InputError] = []
    docs = list(read_paths([path], on_error=errors.append))
    assert [d.url for d in docs] == ["https://news.example/a"]
    assert len(errors) == 1 and "truncated" in errors[0].message


@pytest.mark.parametrize("name, content, reason", [
    ("notes.warc", b"hello, this is not an archive", "not a WARC file"),
    ("feed.xml", b'<?xml version="1.0"?><note><to>Tove</to></note>', "not an RSS or Atom feed"),
    ("feed.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut', "broken feed"),
    ("data.csv", b"", "empty file"),
    ("data.jsonl", b"\x00\x00\x00\x00", "binary file"),
    ("page.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ("array.dat", b'[{"id": 1}]', "JSON array"),
    ("blob.dat", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
])
def test_each_bad_kind(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    errors: list[InputError] = []
    assert list(read_paths([path], on_error=errors.append)) == []
    assert len(errors) == 1, [str(e) for e in errors]
    assert errors[0].where == str(path) and reason in str(errors[0])


def test_feed_broken_after_an_entry_keeps_it(tmp_path):
    entry = ("<item><title>Port Strike Ends</title><guid>p1</guid>"
             f"<description>{ARTICLE.replace('&', 'and').replace('<', ' ')}</description></item>")
    path = write(tmp_path / "cut.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                 f"{entry}<item><title>Half an ite")
    errors: list[InputError] = []
    docs = list(read_paths([path], on_error=errors.append))
    assert [d.id for d in docs] == ["p1"]
    assert len(errors) == 1 and errors[0].where == str(path) and "broken feed" in errors[0].message
