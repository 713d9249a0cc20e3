"""Filters over fused events (used by the CLI and, later, the API)."""

from __future__ import annotations


def _actor_text(actor: dict | None) -> str:
    if not actor:
        return ""
    return f"{actor.get('name') or ''} {actor.get('label') or ''}".lower()


def filter_events(events: list[dict], type_: str | None = None, place: str | None = None,
                  actor: str | None = None, since: str | None = None, until: str | None = None,
                  multi: bool = False) -> list[dict]:
    out = []
    for e in events:
        if type_ and e["type"].upper() != type_.upper():
            continue
        loc = e.get("place") or {}
        if place and place.lower() not in f"{loc.get('name') or ''} {loc.get('admin1') or ''}".lower():
            continue
        if actor and actor.lower() not in _actor_text(e.get("actor1")) + " " + _actor_text(e.get("actor2")):
            continue
        day = e.get("date") or ""
        if since and (not day or day < since):
            continue
        if until and (not day or day[:len(until)] > until):
            continue
        if multi and len(e["outlets"]) < 2:
            continue
        out.append(e)
    return out
