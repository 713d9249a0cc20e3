"""Checks of command-line options, made before any work starts: one line a user can act on.

Each ``*_option`` returns a click callback. A callback raises ``OptionError`` (a SitrepError),
which the CLI's ``main`` prints as ``sitrep: error: ...`` with exit status 2, no traceback.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.errors import OptionError

_DATE_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_date_bound(value: str | None, flag: str) -> str | None:
    """A --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD that exists."""
    if value is None:
        return None
    text = value.strip()
    m = _DATE_BOUND.fullmatch(text)
    if not m:
        raise OptionError(f"{flag} '{value}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(year, month, day)
    except ValueError:
        raise OptionError(f"{flag} '{value}' does not exist") from None
    return text


def date_option(flag: str, after: str | None = None) -> Callable[..., str | None]:
    """Callback for a date bound; with ``after``, also checks it is not before that option."""

    def callback(ctx: Any, _param: Any, value: str | None) -> str | None:
        value = check_date_bound(value, flag)
        earlier = ctx.params.get(after) if after and ctx is not None else None
        if value and earlier and value < earlier[: len(value)]:
            raise OptionError(f"{flag} {value} is before --{after} {earlier}")
        return value

    return callback


def positive_option(flag: str, integer: bool = False) -> Callable[..., Any]:
    def callback(_ctx: Any, _param: Any, value: float | None) -> Any:
        if value is not None and not 0 < value < float("inf"):  # NaN and inf fail too
            raise OptionError(f"{flag} must be {'a whole number' if integer else 'a finite number'} greater than 0, not {value}")
        return value

    return callback


def encoding_option(_ctx: Any, _param: Any, value: str | None) -> str | None:
    if value is None or value.strip().lower() == "auto":
        return value
    try:
        codecs.lookup(value.strip())
    except LookupError:
        raise OptionError(f"--encoding '{value}' is not a known encoding (use auto, utf-8, cp1252, ...)") from None
    return value


def output_option(_ctx: Any, _param: Any, value: Path | None) -> Path | None:
    """An output file whose folder exists and can be written to."""
    if value is None or str(value) == "-":
        return value
    folder = value.parent if str(value.parent) else Path(".")
    if value.is_dir():
        raise OptionError(f"--output {value} is a directory; give a file name")
    if not folder.is_dir():
        raise OptionError(f"--output {value}: no folder {folder}")
    if not os.access(folder, os.W_OK):
        raise OptionError(f"--output {value}: cannot write to {folder}")
    return value
