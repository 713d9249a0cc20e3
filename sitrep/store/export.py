"""Exports of fused events: csv, ACLED-like csv, GeoJSON, JSON Lines, Parquet."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any

from sitrep.errors import SitrepError
from sitrep.model import Event

FORMATS = ("csv", "acled", "geojson", "jsonl", "parquet")


def _acled_row(event: dict, mention_records: Mapping[str, dict]) -> dict[str, Any]:
    place = event.get("place") or {}
    records = [mention_records[m] for m in event["mentions"] if m in mention_records]
    acled = _most_common([r["acled"]["event_type"] for r in records]), _most_common([r["acled"]["sub_event_type"] for r in records])
    killed = event.get("killed") or {}
    notes = [r["evidence"]["text"] for r in records[:1]]
    if event.get("contradictions"):
        notes.append("Sources disagree: " + "; ".join(c["summary"] for c in event["contradictions"]))
    actor = lambda a: (a or {}).get("name") or (a or {}).get("label") or ""  # noqa: E731
    precision = {"point": 1, "city": 1, "road": 2, "water": 2, "region": 2, "admin1": 3, "country": 3}
    return {
        "event_id_cnty": event["id"], "event_date": event.get("date") or "",
        "event_type": acled[0], "sub_event_type": acled[1],
        "actor1": actor(event.get("actor1")), "actor2": actor(event.get("actor2")),
        "admin1": place.get("admin1") or "", "location": place.get("name") or "",
        "latitude": place.get("lat") if place.get("lat") is not None else "",
        "longitude": place.get("lon") if place.get("lon") is not None else "",
        "geo_precision": precision.get(place.get("precision", ""), ""),
        # ACLED codes the lowest credible figure when reports disagree
        "fatalities": killed.get("min", 0) if killed else 0,
        "source": "; ".join(event.get("outlets", [])), "notes": " ".join(notes)[:1000],
    }


def _most_common(values: list[str]) -> str:
    return Counter(values).most_common(1)[0][0] if values else ""


Records = Mapping[str, dict] | Callable[[list[str]], Mapping[str, dict]]


def _dicts(events: Iterable[dict | Event]) -> Iterator[dict]:
    for e in events:
        yield e.to_dict() if isinstance(e, Event) else e


def _with_records(events: Iterable[dict], records: Records, batch: int = 200) -> Iterator[tuple[dict, dict]]:
    """Each event with the mention records it needs, fetched a batch of events at a time."""
    if not callable(records):
        for e in events:
            yield e, records
        return
    pending: list[dict] = []
    for e in events:
        pending.append(e)
        if len(pending) == batch:
            found = records([m for x in pending for m in x["mentions"]])
            yield from ((x, found) for x in pending)
            pending = []
    if pending:
        found = records([m for x in pending for m in x["mentions"]])
        yield from ((x, found) for x in pending)


def write(events: Iterable[dict | Event], mention_records: Records, fmt: str, out: IO[str] | str) -> int:
    """Write ``events`` in ``fmt`` to a text stream (or, for parquet, a path); returns rows written.

    ``events`` is streamed (an iterator of any length keeps memory flat, parquet aside);
    ``mention_records`` maps mention ids to records, or is a callable that fetches them by id.
    """
    if fmt not in FORMATS:
        raise SitrepError(f"unknown export format '{fmt}' (use one of: {', '.join(FORMATS)})")
    n = 0
    if fmt == "jsonl":
        for e in _dicts(events):
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [')
        for e in _dicts(events):
            place = e.get("place") or {}
            if place.get("lat") is None:
                continue
            props = {k: v for k, v in e.items() if k not in ("place",)}
            props.update({"location": place.get("name"), "admin1": place.get("admin1"), "precision": place.get("precision")})
            feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                       "properties": props}
            out.write((", " if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
        out.write("]}")
        return n
    rows = (_table_row(e, found, fmt) for e, found in _with_records(_dicts(events), mention_records))
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise SitrepError("parquet export needs pyarrow: pip install 'sitrep[parquet]'") from None
        table = list(rows)
        pq.write_table(pa.Table.from_pylist(table), out)
        return len(table)
    writer = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


def _table_row(e: dict, records: Mapping[str, dict], fmt: str) -> dict[str, Any]:
    row = _acled_row(e, records)
    if fmt == "csv":
        row["type"] = e["type"]
        row["outlets"] = row.pop("source")
        row["killed_max"] = (e.get("killed") or {}).get("max", "")
        row["contradictions"] = len(e.get("contradictions", []))
    return row
