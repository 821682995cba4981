"""Small JSON Lines files of records (gold sets, stance pairs): each value with its FILE:LINE.

Article corpora in JSON Lines go through read/jsonl.py instead, which streams bytes and bounds
the length of a line.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterable, Iterator

from ..errors import InputError


def json_lines(lines: Iterable[str], name: str, on_error: Callable[[InputError], None] | None = None,
               ) -> Iterator[tuple[str, Any]]:
    """Yield (where, value) for each non-blank line, `where` being "NAME:LINE".

    A line that is not JSON raises InputError naming it, or is passed to `on_error` and skipped
    when one is given. What a value must hold is the caller's to check.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            error = InputError(f"not JSON ({exc.msg})", where=where)
            if on_error is None:
                raise error from exc
            on_error(error)
            continue
        yield where, value
