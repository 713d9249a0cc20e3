"""Error types and the one-line messages a user sees for them."""

from __future__ import annotations


class SitrepError(Exception):
    """Base class: a problem a user can act on; printed as one line, no traceback."""

    stage = "sitrep"


class InputError(SitrepError):
    """An input could not be read or holds no article (empty, binary, too large, ...)."""

    stage = "read"


class FetchError(InputError):
    """A URL could not be fetched (timeout, HTTP error, too large)."""

    stage = "fetch"


class ExtractError(InputError):
    """Text could not be extracted from a document (e.g. HTML with no body)."""

    stage = "extract"


class DateError(InputError):
    """A publication date that cannot be read or cannot exist ("2017-02-31")."""

    stage = "published"


class ColumnError(InputError):
    """A CSV/JSONL file lacks a column the user asked for."""

    stage = "columns"


class OptionError(SitrepError):
    """A command-line option with a value that cannot be used (a date that does not exist, ...)."""

    stage = "options"


class StageError(SitrepError):
    """A pipeline stage failed on an article; the message names the stage."""

    def __init__(self, stage: str, article: str, cause: BaseException):
        self.stage = stage
        super().__init__(f"stage '{stage}' failed on article {article}: {type(cause).__name__}: {cause}")
