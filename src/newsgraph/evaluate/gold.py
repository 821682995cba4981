"""Gold files in JSON Lines: one record per line, numbered for error messages.

Every evaluator reads its gold the same way; what a record must hold, and whether a bad record
ends the run or is counted and skipped, stays with the evaluator.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import InputError
from ..read.json_lines import json_lines


def gold_records(path: str | Path, on_error: Callable[[InputError], None] | None = None,
                 ) -> Iterator[tuple[str, Any]]:
    """Yield (where, record) for each non-blank line, `where` being "FILE:LINE".

    An unreadable file raises InputError. A line that is not JSON raises InputError naming the
    file and line, or is passed to `on_error` and skipped when one is given.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read gold file: {exc.strerror}", where=str(path)) from exc
    with handle:
        try:
            yield from json_lines(handle, str(path), on_error)
        except UnicodeDecodeError as exc:
            raise InputError("gold file is not UTF-8 text", where=str(path)) from exc
