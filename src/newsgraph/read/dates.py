"""Publication dates to ISO: ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when that is all given.

dateparser works offline. A date without a four-digit year ("March 3", "yesterday") is
dropped rather than completed with today's year: a wrong date is worse than none.
"""
from __future__ import annotations

import re
import time
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
_ISO_YEAR = re.compile(r"^\s*(\d{4})\s*$")


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})


def iso_date(value: object) -> str | None:
    """An ISO date for a date-like value (string, date, datetime, struct_time), else None.

    The date is the one written (a time zone does not move it to another day).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _checked(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    if not text:
        return None
    if m := _ISO_DAY.match(text):
        return _checked(int(m[1]), int(m[2]), int(m[3]))
    if m := _ISO_MONTH.match(text):
        return f"{m[1]}-{m[2]}" if 1 <= int(m[2]) <= 12 else None
    if m := _ISO_YEAR.match(text):
        return m[1]
    if not _YEAR.search(text) or len(text) > 100:
        return None
    try:
        data = _parser().get_date_data(text)
    except (ValueError, OverflowError, TypeError):  # dateparser on odd strings; no date then
        return None
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return f"{day.year:04d}"
    if data.period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
