"""Readers: each format to Documents, with metadata, field maps and offsets into Document.text."""
from __future__ import annotations

import io
import json
import logging
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from newsgraph.errors import InputError, SkippedDocument, UsageError
from newsgraph.model.ids import document_id
from newsgraph.read import ReadOptions, iso_date, parse_field_map, read_path, read_paths
from newsgraph.read.txt import parse_header

from conftest import SEED

ARTICLE = """Drought Pushes Herders Across the Border

by Samuel Achieng

KAMPALA, Aug. 2, 2016 — Herders from the dry north crossed into a neighbouring district on Monday with their cattle, officials said, as the rains failed for a second year. "There is no grass left for the animals," said a local leader, who asked that his name be withheld. The district governor said that the police would escort the herders to a watering point and that the government had sent water trucks to the area.
"""


def collect(paths, options=None):
    errors: list[InputError] = []
    documents = list(read_paths(paths, options, on_error=errors.append))
    return documents, errors


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- plain text: header metadata, offsets into the whole file -------------------------------

@pytest.mark.parametrize("text, title, author, published", [
    (ARTICLE, "Drought Pushes Herders Across the Border", "Samuel Achieng", "2016-08-02"),
    # Title directly followed by the byline.
    ("Talks Resume in Geneva\nBy Ana Ruiz\n\nGENEVA, 3 March 2016 - Talks resumed.\n",
     "Talks Resume in Geneva", "Ana Ruiz", "2016-03-03"),
    # Byline with an agency after a comma; ISO dateline with a double hyphen.
    ("Ceasefire Holds\n\nBY Omar al-Rashid, Meridian Wire\n\nKYIV, 2016-05-01 -- Quiet night.\n",
     "Ceasefire Holds", "Omar al-Rashid", "2016-05-01"),
    # A "Published:" line.
    ("Port Reopens\n\nPublished: June 7, 2016\n\nThe port reopened on Tuesday after a strike.\n",
     "Port Reopens", None, "2016-06-07"),
    # Dateline with a region and a parenthesised agency.
    ("ABANCAY, Peru, Nov. 17, 2016 (Meridian) — A deal was signed.\n", None, None, "2016-11-17"),
    # No header at all: the first line is a sentence that ends with a period.
    ("The minister said on Monday that talks would resume.\n\nMore text follows here.\n", None, None, None),
    # "By the end ..." is not a byline; a first line not followed by a blank line is not a title.
    ("By the end of the week the border was closed.\nTraders waited.\n", None, None, None),
    ("Border Closed\nTraders waited at the crossing all day.\n", None, None, None),
    # A single line is not a title (there is no body after it).
    ("Border Closed\n", None, None, None),
    # A dateline without a year gives no date rather than a guessed one.
    ("Border Closed\n\nNAIROBI, March 3 — Traders waited.\n", "Border Closed", None, None),
])
def test_txt_header(text, title, author, published):
    header = parse_header(text)
    assert (header.title, header.author, header.published) == (title, author, published)


def test_txt_document_keeps_whole_text(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    (doc,) = read_path(path)
    assert doc.text == ARTICLE  # title and byline stay in the text: offsets index the file
    assert doc.id == document_id(ARTICLE)
    assert doc.origin == str(path)
    assert doc.lang == "en"
    start = doc.text.index("Samuel Achieng")
    assert doc.text[start:start + len(doc.author)] == doc.author


def test_seed_article_header(seed_text):
    (doc,) = read_path(SEED)
    assert doc.text == seed_text
    assert doc.title == "Russian Outreach To Taliban Raises Concerns In Central Asia"
    assert doc.author == "Joshua Kucera"
    assert doc.published is None  # the seed has no dateline: no date is invented


@pytest.mark.parametrize("data, expected", [
    ("\ufeff" + ARTICLE, ARTICLE),  # UTF-8 with a BOM
    (ARTICLE.replace("\n", "\r\n"), ARTICLE.replace("\n", "\r\n")),  # Windows newlines kept
])
def test_txt_decoding_utf8(tmp_path, data, expected):
    (doc,) = read_path(write(tmp_path / "a.txt", data.encode("utf-8")))
    assert doc.text == expected


def test_txt_utf16_with_bom(tmp_path):
    (doc,) = read_path(write(tmp_path / "a.txt", ARTICLE.encode("utf-16")))
    assert doc.text == ARTICLE


def test_txt_cp1252_fallback_with_notice(tmp_path, caplog):
    text = ARTICLE.replace("said a local leader", "said a local leader \u2014 Mr O\u2019Neill \u2014")
    path = write(tmp_path / "a.txt", text.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="newsgraph.read"):
        (doc,) = read_path(path)
    assert doc.text == text
    assert "decoded as cp1252" in caplog.text and str(path) in caplog.text


def test_txt_without_fallback_is_an_error(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE.replace("—", "-").encode("cp1252") + b"\xe9")
    docs, errors = collect([path], ReadOptions(encoding_fallback=None))
    assert docs == [] and len(errors) == 1
    assert str(path) in str(errors[0]) and "not valid UTF-8" in str(errors[0])


# --- HTML -------------------------------------------------------------------------------------

def test_html_page_body_and_metadata():
    from conftest import EXAMPLES

    (doc,) = read_path(EXAMPLES / "2016-07-12-sahel-un-panel-report.html")
    assert doc.title == "UN Experts Say Liptako Brigade Runs Camps Inside Mali; Bamako Rejects Report"
    assert doc.author == "Aminata Keita"
    assert doc.published == "2016-07-12"
    assert doc.source == "Meridian Wire"
    assert doc.url == "https://meridian.example/2016/07/12/un-panel-liptako-brigade-mali"
    assert "BAMAKO, July 12, 2016 — A panel of United Nations experts" in doc.text
    assert "The report of the crusaders changes nothing." in doc.text
    for boilerplate in ("About us", "Related stories", "Privacy"):
        assert boilerplate not in doc.text
    assert "\n\n" in doc.text  # paragraphs kept apart


def test_html_without_article_text_is_an_error(tmp_path):
    path = write(tmp_path / "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    docs, errors = collect([path])
    assert docs == [] and len(errors) == 1 and str(path) in str(errors[0])


# --- JSONL and CSV: field maps, line numbers ------------------------------------------------

@pytest.mark.parametrize("fields, record", [
    ({}, {"id": "a1", "text": ARTICLE, "title": "T", "author": "A. Writer", "published": "Aug. 2, 2016",
          "url": "https://x.example/a1", "source": "Wire"}),
    ({"id": "uid", "text": "body", "title": "headline", "author": "byline", "published": "date",
      "url": "link", "source": "outlet"},
     {"uid": "a1", "body": ARTICLE, "headline": "T", "byline": "A. Writer", "date": "2016-08-02T10:00:00Z",
      "link": "https://x.example/a1", "outlet": "Wire", "text": "not this one"}),
])
def test_jsonl_field_map(tmp_path, fields, record):
    path = write(tmp_path / "in.jsonl", json.dumps(record) + "\n")
    (doc,) = read_path(path, ReadOptions(fields=fields))
    assert (doc.id, doc.text, doc.title, doc.author, doc.published, doc.url, doc.source) == (
        "a1", ARTICLE, "T", "A. Writer", "2016-08-02", "https://x.example/a1", "Wire")
    assert doc.origin == f"{path}:1"


def test_jsonl_without_id_gets_content_hash_and_numbers(tmp_path):
    lines = [json.dumps({"text": ARTICLE}), "", json.dumps({"id": 7, "text": ARTICLE + " More."})]
    path = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    first, second = read_path(path)
    assert first.id == document_id(ARTICLE)
    assert second.id == "7" and second.origin == f"{path}:3"


@pytest.mark.parametrize("line, reason", [
    ('{"id": "x", "text": ', "malformed JSON"),
    ('["a", "b"]', "expected a JSON object"),
    ('{"id": "x"}', "no 'text' field"),
    ('{"id": "x", "text": 12}', "not a string"),
    ('{"id": "x", "text": "   "}', "is empty"),
])
def test_jsonl_bad_line_is_reported_and_reading_goes_on(tmp_path, line, reason):
    good = json.dumps({"id": "good", "text": ARTICLE})
    path = write(tmp_path / "in.jsonl", f"{good}\n{line}\n{good}\n")
    docs, errors = collect([path])
    assert [d.id for d in docs] == ["good", "good"]
    assert len(errors) == 1
    assert errors[0].where == f"{path}:2" and reason in errors[0].message


def test_jsonl_line_over_limit(tmp_path):
    small = json.dumps({"id": "s", "text": ARTICLE})
    big = json.dumps({"id": "b", "text": ARTICLE * 10})
    path = write(tmp_path / "in.jsonl", f"{big}\n{small}\n")
    docs, errors = collect([path], ReadOptions(max_bytes=len(small) + 10))
    assert [d.id for d in docs] == ["s"]
    assert errors[0].where == f"{path}:1" and "over the limit" in errors[0].message


def test_csv_field_map_multiline_rows_and_line_numbers(tmp_path):
    body = ARTICLE.strip()  # several lines, and quotation marks: the quoted field spans lines
    quoted = '"' + body.replace('"', '""') + '"'
    rows = ["doc,content,headline,when",
            f"n1,{quoted},First,2016-08-02",
            "n2,too,many,columns,here",
            f'n3,{quoted[:-1]} Again.",Third,"Aug. 3, 2016"']
    path = write(tmp_path / "in.csv", "\n".join(rows) + "\n")
    options = ReadOptions(fields=parse_field_map(["id=doc,text=content", "title=headline", "published=when"]))
    docs, errors = collect([path], options)
    assert [(d.id, d.title, d.published) for d in docs] == [("n1", "First", "2016-08-02"),
                                                            ("n3", "Third", "2016-08-03")]
    assert docs[0].text == body
    body_lines = body.count("\n") + 1
    assert docs[0].origin == f"{path}:2"
    assert docs[1].origin == f"{path}:{2 + body_lines + 1}"
    assert len(errors) == 1 and errors[0].where == f"{path}:{2 + body_lines}"
    assert "expected 4 columns, found 5" in errors[0].message


def test_csv_without_text_column(tmp_path):
    path = write(tmp_path / "in.csv", "id,body\n1,hello\n")
    docs, errors = collect([path])
    assert docs == [] and len(errors) == 1
    assert "no 'text' column (columns: id, body)" in str(errors[0])


def test_tsv(tmp_path):
    path = write(tmp_path / "in.tsv", "id\ttext\nt1\t" + ARTICLE.replace("\n", " ") + "\n")
    (doc,) = read_path(path)
    assert doc.id == "t1"


# --- feeds ----------------------------------------------------------------------------------

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Notes</title>
  <id>urn:harbour-notes</id>
  <updated>2016-04-02T08:00:00Z</updated>
  <entry>
    <title>Port Strike Ends</title>
    <id>urn:harbour-notes:1</id>
    <author><name>Ines Moreau</name></author>
    <published>2016-04-01T23:30:00-05:00</published>
    <updated>2016-04-02T08:00:00Z</updated>
    <summary type="html">&lt;p&gt;Dock workers said on Friday that they had ended a strike &amp;amp; would return to work.&lt;/p&gt;&lt;p&gt;The union said that the port authority had agreed to their demands for safer cranes, and that the ships waiting outside the harbour would be unloaded by the end of the week.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>No text here</title>
    <id>urn:harbour-notes:2</id>
    <updated>2016-04-02T08:00:00Z</updated>
  </entry>
</feed>
"""


def test_atom_entries(tmp_path):
    path = write(tmp_path / "harbour.atom", ATOM)
    docs, errors = collect([path])
    (doc,) = docs
    assert doc.id == "urn:harbour-notes:1" and doc.title == "Port Strike Ends"
    assert doc.author == "Ines Moreau" and doc.source == "Harbour Notes"
    assert doc.published == "2016-04-01"  # the date as written, not moved to UTC
    assert doc.text.startswith("Dock workers said on Friday that they had ended a strike & would")
    assert "\n\nThe union said" in doc.text and "<p>" not in doc.text
    assert doc.origin == f"{path}#1"
    assert len(errors) == 1 and errors[0].where == f"{path}#2" and "no text" in errors[0].message


def test_rss_example_feed():
    from conftest import EXAMPLES

    docs = list(read_path(EXAMPLES / "2016-q4-feed.xml"))
    assert [(d.id, d.published, d.author) for d in docs] == [
        ("meridian-2016-10-28-aid-workers-freed", "2016-10-28", "Peter Otieno"),
        ("meridian-2016-11-17-apurimac-water-deal", "2016-11-17", "Lucía Fernández")]
    assert docs[0].text.startswith("NAIROBI, Oct. 28, 2016 — The four Horizon Relief aid workers")


# --- WARC -----------------------------------------------------------------------------------

def make_warc(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool = True) -> bytes:
    """Write (rec_type, uri, status + content type, body) records; return the bytes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for rec_type, uri, status_type, body in records:
        status, content_type = status_type.split(" ", 1)
        headers = StatusAndHeaders(f"{status} X", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, rec_type, payload=io.BytesIO(body),
            http_headers=headers if rec_type == "response" else None))
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def article_html(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>").encode("utf-8")


WARC_RECORDS = [
    ("request", "https://news.example/a", "200 text/html", b"GET /a HTTP/1.1\r\n\r\n"),
    ("response", "https://news.example/a", "200 text/html; charset=utf-8", article_html("Herders Cross", ARTICLE)),
    ("response", "https://news.example/logo.png", "200 image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ("response", "https://news.example/old", "301 text/html", b"<html><body>Moved</body></html>"),
    ("response", "https://news.example/b", "200 text/html", article_html("Second Story", ARTICLE + " Later.")),
]


@pytest.mark.parametrize("gzip, name", [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_warc_html_responses(tmp_path, gzip, name):
    path = tmp_path / name
    make_warc(path, WARC_RECORDS, gzip=gzip)
    docs, errors = collect([path])
    assert errors == []
    assert [d.url for d in docs] == ["https://news.example/a", "https://news.example/b"]
    assert docs[0].origin == f"{path}#https://news.example/a"
    assert "Herders from the dry north crossed" in docs[0].text


# --- directories, stdin, sniffing ---------------------------------------------------------

def test_directory_recursive_sorted_hidden_skipped(tmp_path):
    write(tmp_path / "b.txt", ARTICLE + "B.")
    write(tmp_path / "a" / "z.txt", ARTICLE + "AZ.")
    write(tmp_path / "a.txt", ARTICLE + "A.")
    write(tmp_path / ".hidden.txt", ARTICLE + "hidden")
    write(tmp_path / ".git" / "c.txt", ARTICLE + "git")
    write(tmp_path / "notes.md", "# not an input")
    write(tmp_path / "picture.png", b"\x89PNG\x00\x00")
    docs, errors = collect([tmp_path])
    assert errors == []
    assert [Path(d.origin).relative_to(tmp_path).as_posix() for d in docs] == ["a/z.txt", "a.txt", "b.txt"]


def test_unknown_suffix_is_sniffed_when_named(tmp_path):
    path = write(tmp_path / "feed.download", ATOM)
    (doc,) = read_path(path, on_error=lambda e: None)
    assert doc.title == "Port Strike Ends"


@pytest.mark.parametrize("data, expected_ids", [
    (ARTICLE, [document_id(ARTICLE)]),
    (json.dumps({"id": "s1", "text": ARTICLE}) + "\n" + json.dumps({"id": "s2", "text": ARTICLE}) + "\n",
     ["s1", "s2"]),
])
def test_stdin(monkeypatch, data, expected_ids):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    docs = list(read_path("-"))
    assert [d.id for d in docs] == expected_ids
    assert docs[0].origin.startswith("<stdin>")


def test_missing_path(tmp_path):
    docs, errors = collect([tmp_path / "nope.txt"])
    assert docs == [] and "no such file" in str(errors[0]) and "nope.txt" in str(errors[0])


def test_errors_raise_without_handler(tmp_path):
    path = write(tmp_path / "empty.txt", "")
    with pytest.raises(InputError, match="empty file"):
        list(read_path(path))


# --- language -------------------------------------------------------------------------------

FRENCH = ("Le ministre des Affaires étrangères a déclaré mardi que le gouvernement ne négocierait pas "
          "avec les ravisseurs. Selon un porte-parole de l'armée, les soldats ont repoussé une attaque "
          "près de la frontière, et plusieurs villageois ont été blessés lors des combats de la nuit.")


def test_non_english_is_skipped_with_notice(tmp_path):
    write(tmp_path / "fr.txt", FRENCH)
    write(tmp_path / "en.txt", ARTICLE)
    docs, errors = collect([tmp_path])
    assert [Path(d.origin).name for d in docs] == ["en.txt"]
    (skipped,) = errors
    assert isinstance(skipped, SkippedDocument) and skipped.code == "skipped"
    assert "fr.txt" in str(skipped) and "not in English" in str(skipped)


def test_non_english_without_handler_is_logged_not_raised(tmp_path, caplog):
    path = write(tmp_path / "fr.txt", FRENCH)
    with caplog.at_level(logging.WARNING, logger="newsgraph.read"):
        assert list(read_path(path)) == []
    assert "fr.txt" in caplog.text and "not in English" in caplog.text


def test_non_english_kept_when_asked(tmp_path):
    (doc,) = read_path(write(tmp_path / "fr.txt", FRENCH), ReadOptions(skip_non_english=False))
    assert doc.lang is None


@pytest.mark.parametrize("declared, kept", [("en", True), ("en-GB", True), ("fr", False), (None, True)])
def test_declared_language_in_records(tmp_path, declared, kept):
    record = {"id": "r", "text": ARTICLE, "lang": declared}
    docs, errors = collect([write(tmp_path / "r.jsonl", json.dumps(record) + "\n")])
    assert bool(docs) is kept and bool(errors) is not kept


# --- dates and options --------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2016-03-03", "2016-03-03"),
    ("2016-03-03T23:30:00-05:00", "2016-03-03"),
    ("Thu, 03 Mar 2016 23:30:00 -0500", "2016-03-03"),
    ("March 3, 2016", "2016-03-03"),
    ("3 March 2016", "2016-03-03"),
    ("Sept. 15, 2016", "2016-09-15"),
    ("March 2016", "2016-03"),
    ("2016-03", "2016-03"),
    ("2016", "2016"),
    ("yesterday", None),
    ("March 3", None),
    ("2016-02-30", None),
    ("no date here", None),
    ("", None),
    (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_options_validate_fields():
    with pytest.raises(UsageError):
        ReadOptions(fields={"body": "text"})
    with pytest.raises(UsageError):
        parse_field_map(["text"])
    assert parse_field_map(["text=body, id=uid"]) == {"text": "body", "id": "uid"}
    assert ReadOptions(fields={"text": "body"}).field_name("text") == "body"


def test_options_pickle_for_worker_processes():
    import pickle

    options = ReadOptions(fields={"text": "body"}, max_bytes=99)
    assert pickle.loads(pickle.dumps(options)) == options


def test_a_single_path_string_is_one_path(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    assert [d.origin for d in read_paths(str(path))] == [str(path)]


def test_max_bytes_default_from_settings(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", "1234")
    assert ReadOptions().max_bytes == 1234


# --- properties -----------------------------------------------------------------------------

_LINES = st.lists(st.sampled_from([
    "", "Border Closed", "by Ana Ruiz", "By the end of the week.", "GENEVA, March 3, 2016 — Talks.",
    "Published: 2016-03-03", "The minister said that talks would resume.", "   ", "BY X, Agency",
]) | st.text(max_size=40), max_size=8)


@settings(max_examples=100, deadline=None)
@given(_LINES)
def test_header_values_come_from_the_text(lines):
    text = "\n".join(lines)
    header = parse_header(text)
    if header.title is not None:
        assert header.title in text.splitlines()[0]
    if header.author is not None:
        assert header.author in text
    assert header.published is None or len(header.published) in (4, 7, 10)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_iso_date_never_raises(value):
    result = iso_date(value)
    assert result is None or (result[:4].isdigit() and len(result) in (4, 7, 10))
