"""Checks at the door: what an Article is built from is made safe before any stage sees it.

``parse_published`` reads a publication date in the forms people and feeds write it and gives
an ISO day, or raises ``DateError`` (one line a user can act on) for a date that cannot be:
"2017-02-31", "10^400", a year outside 1800-2200 (stages do date arithmetic around it).
``clean_text`` makes any Python string storable and hashable (lone surrogates cannot be
encoded as UTF-8) without changing a well-formed text.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate

from sitrep.errors import DateError, InputError

MIN_YEAR, MAX_YEAR = 1800, 2200
MAX_DATE_CHARS = 64

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?")
_ISO_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{2}:?\d{2}(?::?\d{2})?Z?)?")
_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[T ,]+\d{1,2}:\d{2}(?::\d{2})?)?")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _day(source: str, value: str, y: int, m: int, d: int) -> str:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise DateError(f"{source}published date '{value}' is outside {MIN_YEAR}-{MAX_YEAR}")
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        raise DateError(f"{source}published date '{value}' does not exist") from None


def parse_published(value: object, source: str | None = None) -> str | None:
    """ISO day (YYYY-MM-DD) of a publication date, None when empty; DateError when impossible.

    Reads ISO dates and timestamps ("2024-03-14T10:00:00+02:00": the day as written), compact
    ISO ("20240314"), "2024/03/14", day first "14/03/2024" or "14.03.2024" (month first only
    when the day first cannot be: "03/14/2024"), RFC 2822 ("Thu, 14 Mar 2024 10:00:00 GMT") and
    dates with month names ("14 March 2024", "March 14, 2024").
    """
    prefix = f"{source}: " if source else ""
    if value is None:
        return None
    if isinstance(value, date):
        return _day(prefix, str(value), value.year, value.month, value.day)
    if not isinstance(value, str):
        raise DateError(f"{prefix}published date must be a string, not {type(value).__name__}")
    text = clean_text(value).strip()
    if not text:
        return None
    shown = text if len(text) <= MAX_DATE_CHARS else text[:MAX_DATE_CHARS] + "..."
    if len(text) > MAX_DATE_CHARS:
        raise DateError(f"{prefix}published date '{shown}' is not a date")
    for pattern in (_ISO, _ISO_COMPACT, _YMD):
        if m := pattern.fullmatch(text):
            return _day(prefix, shown, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _DMY.fullmatch(text):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if first <= 12 < second:  # "03/14/2024" can only be month first
            first, second = second, first
        return _day(prefix, shown, year, second, first)
    rfc = parsedate(text)
    if rfc is not None and re.search(r"\d{1,2}:\d{2}", text):
        return _day(prefix, shown, rfc[0], rfc[1], rfc[2])
    named = _named_month_date(text, prefix, shown)
    if named:
        return named
    raise DateError(f"{prefix}published date '{shown}' is not a date (use YYYY-MM-DD)")


def _named_month_date(text: str, prefix: str, shown: str) -> str | None:
    from sitrep.ingest.metadata import _DATELINES, _MONTHS

    for kind, pattern in _DATELINES:
        if kind not in ("dmy", "mdy"):
            continue
        m = pattern.search(text)
        if m and len(text) - (m.end() - m.start()) <= 24:  # the date is (nearly) all there is
            if kind == "dmy":
                return _day(prefix, shown, int(m.group(3)), _MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)))
            return _day(prefix, shown, int(m.group(3)), _MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2)))
    return None


def clean_text(text: str) -> str:
    """``text`` with lone surrogates replaced (U+FFFD): they cannot be stored, hashed or printed."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def check_text(value: object, what: str = "text") -> str:
    """A str to build an Article from; InputError for anything else."""
    if not isinstance(value, str):
        raise InputError(f"{what} must be a string, not {type(value).__name__}")
    return clean_text(value)
