"""Options in one object, so entry points do not grow long keyword lists."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class IngestOptions:
    text_column: str = "text"
    title_column: str = "title"
    date_column: str | None = None
    outlet_column: str | None = None
    url_column: str | None = None
    outlet: str | None = None  # force an outlet for every article
    encoding: str = "auto"  # "auto": BOM, declared charset, <meta charset>, then detection
    max_bytes: int = 20 * 1024 * 1024
    timeout: float = 10.0  # total seconds per URL, redirects included
    allow_private: bool = False  # fetch from private, loopback and link-local addresses
    allow_hosts: tuple[str, ...] = ()  # host names or IPs fetched even when private (an intranet feed)
    max_redirects: int = 5
    user_agent: str = "sitrep/0.1 (+offline conflict-event extraction; contact: maintainers)"
    min_chars: int = 40  # shorter clean text is not an article


DEFAULT_DB = "sitrep.db"
