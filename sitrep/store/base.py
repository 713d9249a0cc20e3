"""The Store protocol: everything sitrep keeps, behind one small interface.

Two implementations, SQLite (``sitrep.store.sqlite``, the default: one file, embedded) and
PostgreSQL (``sitrep.store.postgres``, for teams sharing one database). All SQL lives in this
package; callers see model records (``Article``, ``EventMention``, ``Event``) and plain rows.
``open_store`` picks the backend from a path or a ``postgresql://`` URL.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from sitrep.errors import SitrepError
from sitrep.model import Article, Event, EventMention, Failure

DB_ENV = "SITREP_DB"


@dataclass
class EventFilter:
    """Which fused events a read wants; every field is optional and they combine with AND.

    ``actor`` and ``place`` match whole words of an actor's name or label (of a place's name or
    governorate) by prefix, so ``--actor army`` finds "Syrian Arab Army"; ``outlet`` is a whole
    outlet name; dates compare as ISO strings (``until`` includes every day of a month given
    as YYYY-MM).
    """

    type: str | None = None
    since: str | None = None
    until: str | None = None
    admin1: str | None = None
    place: str | None = None
    actor: str | None = None
    outlet: str | None = None
    multi: bool = False
    ids: list[str] | None = None
    # any of the event's mentions has this ACLED event type ("Battles", "Explosions/Remote violence", ...)
    acled_type: str | None = None
    # located inside (west, south, east, north), degrees; west > east crosses the antimeridian
    bbox: tuple[float, float, float, float] | None = None
    contradicted: bool = False  # only events whose sources disagree


# Sort orders a read may ask for: the name -> (column, descending).
SORTS = {
    "date": ("sort_date", False),
    "-date": ("sort_date", True),
    "-killed": ("sort_killed", True),
    "-outlets": ("n_outlets", True),
}


@dataclass
class FusionBatch:
    """What one fusion step reads: the mentions not yet in an event, and events whose members
    changed (an article re-extracted) and must be told again."""

    mentions: list[dict[str, Any]] = field(default_factory=list)
    dirty_events: list[str] = field(default_factory=list)


@runtime_checkable
class Store(Protocol):
    """What sitrep needs of a database. Use as a context manager or call ``close()``."""

    url: str

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

    # schema
    def migrate(self) -> list[str]: ...
    def migrations(self) -> list[str]: ...

    # ingest
    def add_article(self, article: Article) -> bool: ...
    def add_failure(self, failure: Failure) -> None: ...
    def claim_pending(self, version: str, limit: int = 20) -> list[Article]: ...
    def release_claims(self) -> None: ...
    def set_mentions(self, article_id: str, mentions: list[EventMention], version: str) -> None: ...
    # bulk writes: one transaction per batch of a few hundred articles (ingest at scale)
    def add_articles(self, articles: list[Article]) -> list[bool]: ...
    def add_failures(self, failures: list[Failure]) -> None: ...
    def claim_articles(self, ids: list[str], version: str) -> list[Article]: ...
    def set_mentions_many(self, extracted: list[tuple[str, list[EventMention]]], version: str) -> None: ...

    # fusion (a write step of its own: reads never fuse)
    def fusion(self) -> AbstractContextManager[FusionSession]: ...
    def unfused_mentions(self) -> int: ...

    # reads
    def count(self, table: str) -> int: ...
    def extracted(self) -> int: ...
    def articles(self, query: str | None = None, outlet: str | None = None,
                 limit: int | None = None) -> list[dict[str, Any]]: ...
    def article(self, ident: str) -> dict[str, Any] | None: ...
    def iter_articles(self) -> Iterator[Article]: ...
    def failures(self) -> list[dict[str, Any]]: ...
    def mentions(self) -> Iterator[EventMention]: ...
    def mentions_with_ids(self) -> Iterator[tuple[str, str, EventMention]]: ...
    def mention_records(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]: ...
    def query_events(self, where: EventFilter, sort: str = "date", after: tuple | None = None,
                     limit: int = 50) -> list[Event]: ...
    def count_events(self, where: EventFilter | None = None) -> int: ...
    def find_events(self, prefix: str, limit: int = 2) -> list[Event]: ...
    def event_sources(self, event_id: str) -> list[dict[str, Any]]: ...
    def event_points(self, where: EventFilter | None = None, limit: int = 100_000) -> list[dict[str, Any]]: ...
    def compact_points(self, where: EventFilter | None = None, limit: int = 100_000) -> list[tuple]: ...
    def event_counts(self, where: EventFilter | None = None) -> list[dict[str, Any]]: ...
    def outlet_summary(self) -> list[dict[str, Any]]: ...
    def outlet_names(self) -> list[str]: ...
    def mentions_with_outlets(self) -> list[tuple[str | None, EventMention]]: ...
    def article_sources(self) -> list[tuple[str, str]]: ...
    def event_assignments(self) -> dict[str, str]: ...


class FusionSession(Protocol):
    """One fusion step, inside one transaction that holds the database's fusion lock."""

    def batch(self) -> FusionBatch: ...
    def events_for_keys(self, keys: Iterable[str]) -> set[str]: ...
    def members(self, event_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]: ...
    def write(self, events: list[tuple[Event, set[str]]], deleted: Iterable[str], fused: Iterable[str]) -> None: ...


def is_postgres(url: str | os.PathLike) -> bool:
    return str(url).startswith(("postgresql://", "postgres://"))


def display_url(url: str | os.PathLike) -> str:
    """``url`` fit to print: a PostgreSQL URL without its password."""
    import re

    return re.sub(r"(postgres(?:ql)?://[^:/@]+):[^@]*@", r"\1:***@", str(url))


def resolve_db(db: str | os.PathLike | None) -> str:
    """The database a command uses: ``--db`` if given, else ``$SITREP_DB``, else ``sitrep.db``."""
    from sitrep.config import DEFAULT_DB

    return str(db) if db else os.environ.get(DB_ENV) or DEFAULT_DB


def exists(db: str | os.PathLike) -> bool:
    """Whether there is a database to read (a PostgreSQL URL is taken to exist; opening tells)."""
    return is_postgres(db) or Path(db).exists()


def open_store(db: str | os.PathLike | None = None) -> Store:
    """The store at ``db``: a SQLite file path, or a ``postgresql://`` URL."""
    url = resolve_db(db)
    if is_postgres(url):
        from sitrep.store.postgres import PostgresStore

        return PostgresStore(url)
    from sitrep.store.sqlite import SQLiteStore

    return SQLiteStore(url)


class StoreError(SitrepError):
    """The database could not be opened or used (a user can act on the message)."""

    stage = "store"
