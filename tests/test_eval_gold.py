"""The JSON Lines reader every evaluator uses for its gold file."""
from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate.gold import gold_records


def test_records_come_numbered_and_blank_lines_are_skipped(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": 1}\n\n   \n{"id": 2}\n', encoding="utf-8")
    assert list(gold_records(path)) == [(f"{path}:1", {"id": 1}), (f"{path}:4", {"id": 2})]


def test_a_line_that_is_not_json_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": 1}\n{"id": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2.*not JSON"):
        list(gold_records(path))


def test_with_on_error_bad_lines_are_reported_and_skipped(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('nonsense\n{"id": 2}\n[1,\n', encoding="utf-8")
    errors: list[InputError] = []
    assert [r for _, r in gold_records(path, on_error=errors.append)] == [{"id": 2}]
    assert [e.where for e in errors] == [f"{path}:1", f"{path}:3"]


@pytest.mark.parametrize("content, message", [
    (None, "cannot read gold file"),
    (b'{"id": "\xff\xfe"}\n', "not UTF-8"),
])
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "gold.jsonl"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        list(gold_records(path))
