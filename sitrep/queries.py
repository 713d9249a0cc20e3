"""The read side: fused events filtered, sorted and paged, for the CLI (and the HTTP API).

Filters run in the database on indexed columns (``EventFilter``); pages are keyset-paginated,
so page 1,000 costs what page 1 costs, and a cursor stays valid while events are added.
Nothing here writes: fusion is its own step (``sitrep.fuse.events.fuse_store``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitrep.model import Event
from sitrep.store.base import SORTS, EventFilter, Store
from sitrep.store.common import decode_cursor, encode_cursor

__all__ = ["EventFilter", "EventPage", "SORTS", "compact_points", "event_detail", "event_points", "events_page", "find_event",
           "iter_events", "timeline"]

MAX_PAGE = 1000


@dataclass
class EventPage:
    events: list[Event]
    next: str | None  # pass back as ``cursor`` for the next page; None on the last page


def _sort_key(event: Event, sort: str) -> tuple:
    if sort in ("date", "-date"):
        return (event.date or "", event.id)
    if sort == "-killed":
        return (event.killed.max if event.killed else -1, event.id)
    return (len(event.outlets), event.id)


def events_page(store: Store, where: EventFilter | None = None, sort: str = "date", limit: int = 50,
                cursor: str | None = None) -> EventPage:
    """One page of events; ``cursor`` is the previous page's ``next``."""
    if sort not in SORTS:
        from sitrep.store.base import StoreError

        raise StoreError(f"unknown sort '{sort}' (use one of: {', '.join(SORTS)})")
    limit = max(1, min(limit, MAX_PAGE))
    after = decode_cursor(cursor) if cursor else None
    rows = store.query_events(where or EventFilter(), sort, after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return EventPage(rows, encode_cursor(_sort_key(rows[-1], sort)) if more and rows else None)


def iter_events(store: Store, where: EventFilter | None = None, sort: str = "date",
                page: int = 500) -> Iterator[Event]:
    """Every matching event, streamed page by page (memory stays flat on any size)."""
    cursor = None
    while True:
        result = events_page(store, where, sort, page, cursor)
        yield from result.events
        if result.next is None:
            return
        cursor = result.next


def find_event(store: Store, prefix: str) -> Event | None:
    """The one event whose id starts with ``prefix``; None if none or several."""
    found = store.find_events(prefix, limit=2)
    return found[0] if len(found) == 1 else None


def event_detail(store: Store, event: Event) -> dict[str, Any]:
    """The event record with each source's own version (outlet, date, title, mention record)."""
    out = event.to_dict()
    out["sources"] = store.event_sources(event.id)
    return out


MAX_POINTS = 100_000


def event_points(store: Store, where: EventFilter | None = None, limit: int = MAX_POINTS) -> list[dict[str, Any]]:
    """Located events as small rows (id, type, date, place, coordinates, figures) for a map."""
    return store.event_points(where, max(1, min(limit, MAX_POINTS)))


def compact_points(store: Store, where: EventFilter | None = None, limit: int = MAX_POINTS) -> list[tuple]:
    """Located events as ``(id, latitude, longitude, disputed)``, in ``event_points``' order."""
    return store.compact_points(where, max(1, min(limit, MAX_POINTS)))


def timeline(store: Store, where: EventFilter | None = None) -> list[dict[str, Any]]:
    """Matching events counted by day and type: ``[{"date", "type", "n"}]``, undated last."""
    rows = [dict(r) for r in store.event_counts(where)]
    return [r for r in rows if r["date"]] + [r for r in rows if not r["date"]]
