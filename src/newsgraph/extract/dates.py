"""Resolve a date expression against the publication date.

Kept small on purpose (the statements and events extractors both use it):
``resolve_date("last month", "2016-01-05") -> "2015-12"``. The precision of the answer
follows the expression: a day ("on Wednesday"), a month ("last month"), a year ("in 2015").
Relative expressions without a publication date give None rather than a guess.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from spacy.tokens import Span, Token

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Words that say nothing about when ("at the time", "recently"), or a span of days that
# has no single date.
_VAGUE = re.compile(r"\b(time|recent(ly)?|now|currently|years|months|weeks|days|decades?|ago)\b", re.I)
_MONTH_ONLY = re.compile(
    r"^(in |during |of |last |next |this |early |late |mid-?)*(january|february|march|april|may|june|"
    r"july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"\.?( (of )?\d{4})?$", re.I)
_YEAR_ONLY = re.compile(r"^(in |during |of |the year |last |this |next )*(\d{4}|year)$", re.I)
_WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_WEEK = re.compile(r"\bweek(end)?\b", re.I)
# A date that modifies a noun dates that noun ("a 2016 coup attempt", "last year's election"),
# unless the noun is itself a stretch of time ("the 2016 season", "Monday morning").
_MODIFIER_DEPS = {"nummod", "compound", "amod", "poss", "nmod"}
_TIME_NOUNS = {"year", "month", "week", "day", "night", "morning", "afternoon", "evening", "weekend", "season",
               "period", "quarter", "decade", "century", "time", "hour", "date"}


def dated_noun(date: Span | Token) -> Token | None:
    """The noun a date expression modifies ("a 2016 coup attempt" -> attempt, "the 2019
    election" -> election), or None when the date stands on its own ("on Tuesday", "in 2016").
    Such a date tells when that noun happened, not when the clause around it did."""
    root = date.root if isinstance(date, Span) else date
    head = root.head
    if root.dep_ not in _MODIFIER_DEPS or head is root or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.lemma_.lower() in _TIME_NOUNS or head.ent_type_ == "DATE":
        return None
    return head


def _base(published: str | None) -> datetime | None:
    if not published or not _ISO.match(published[:10]):
        return None
    parts = [int(p) for p in published[:10].split("-")]
    while len(parts) < 3:
        parts.append(1)
    return datetime(*parts)


def _precision(text: str) -> str:
    lowered = text.lower().strip()
    if "month" in lowered or _MONTH_ONLY.match(lowered):
        return "month"
    if _YEAR_ONLY.match(lowered):
        return "year"
    return "day"


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: str | None = None) -> str | None:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) for the expression, or None.

    `published` is the ISO publication date used as the base of relative expressions.
    """
    import dateparser  # imported late: it costs about half a second

    text = " ".join(text.split())
    if not text or (_VAGUE.search(text) and not _YEAR.search(text)):
        return None
    base = _base(published)
    has_year = bool(_YEAR.search(text))
    if base is None and not has_year:
        return None  # "last month" or "Wednesday" with nothing to count from
    # "Wednesday 23rd December 2015": dateparser wants no ordinal suffixes.
    cleaned = re.sub(r"\b(\d{1,2})(st|nd|rd|th)\b", r"\1", text)
    cleaned = re.sub(r"^(on|in|during|since|by|from|at) ", "", cleaned, flags=re.I)
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; no date is the answer
        return None
    weekday = _WEEKDAYS.get(cleaned.lower().rstrip("."))
    if weekday is not None and base is not None and base.weekday() == weekday:
        parsed = base  # "said Friday" in a Friday paper is the same day, not a week earlier
    if parsed is None and _WEEK.search(cleaned) and base is not None and "last" not in cleaned.lower():
        parsed = base  # "this week": the week of publication
    if parsed is None:
        return None
    precision = _precision(cleaned)
    if precision == "year":
        return f"{parsed.year:04d}"
    if precision == "month":
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return parsed.strftime("%Y-%m-%d")
