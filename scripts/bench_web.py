"""Bench of the HTTP API and the map page over a large synthetic database.

    python scripts/bench_web.py --events 500000 --db /tmp/bench-web.db [--map-events 10000]

Events are written straight through the fusion session's ``write`` (the same rows fusion
writes: events, their terms and mention ids), two mention ids each, so 500,000 events stand for
1,000,000 event mentions; clustering itself is not timed here (``sitrep bench --store`` does).
Then a real uvicorn on 127.0.0.1 answers filtered ``/api/events`` pages of 50 (p50/p95 over
``--requests`` each), and, with ``--map-events``, Chromium times the map page's first render
(navigation to every marker placed) over a database of that many located events.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.model import Actor, Contradiction, Event, FigureRange, Place
from sitrep.store.base import open_store

ACTORS = ["Syrian Arab Army", "Islamic State (ISIS)", "Syrian Democratic Forces", "Hayat Tahrir al-Sham",
          "Russian Armed Forces", "Turkish Armed Forces", "Syrian National Army", "Civilians"]
TYPES = ["ASSAULT"] * 6 + ["PROTEST", "AGREE", "THREATEN", "MOBILIZE"]


def synthetic_events(n: int, seed: int = 11):
    rng = random.Random(seed)
    places = [Place(f"Town {i}", f"Area {i % 14}", "SY", round(33 + rng.random() * 4, 4),
                    round(36 + rng.random() * 5, 4)) for i in range(300)]
    start = date(2015, 1, 1)
    for i in range(n):
        day = (start + timedelta(days=rng.randrange(3 * 365))).isoformat()
        outlets = sorted({f"Outlet {rng.randrange(15)}" for _ in range(rng.choice([1, 1, 2, 3]))})
        killed = rng.randrange(1, 40)
        figures = {o: killed + (rng.randrange(5) if rng.random() < 0.1 else 0) for o in outlets}
        contradictions = []
        if len(set(figures.values())) > 1:
            sides: dict[str, list[str]] = {}
            for o, k in figures.items():
                sides.setdefault(str(k), []).append(o)
            contradictions.append(Contradiction("casualties", "killed: " + " vs ".join(sides), sides))
        yield Event(
            id=f"{i:012x}", type=rng.choice(TYPES), date=day, place=rng.choice(places),
            actor1=Actor(rng.choice(ACTORS)), actor2=Actor(rng.choice(ACTORS)) if rng.random() < 0.5 else None,
            outlets=outlets, earliest_report=day,
            killed=FigureRange(min(figures.values()), max(figures.values()), figures),
            mentions=[f"{i:016x}:0", f"{i:016x}:1"], contradictions=contradictions)


def build(db: str, n: int) -> float:
    t0 = time.perf_counter()
    with open_store(db) as store:
        if store.count("events") >= n:
            return 0.0
        batch: list[tuple[Event, set[str]]] = []
        for event in synthetic_events(n):
            batch.append((event, set()))
            if len(batch) == 20_000:
                with store.fusion() as session:
                    session.write(batch, [], [])
                batch = []
                print(f"  {event.id} written", file=sys.stderr)
        if batch:
            with store.fusion() as session:
                session.write(batch, [], [])
    return time.perf_counter() - t0


class Served:
    """``sitrep serve --db DB`` in a process of its own, as a user runs it (not a thread of this
    process, where the browser driver's Python side would share its interpreter lock)."""

    def __init__(self, db: str):
        import httpx

        with socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}
        self.proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", db, "--port", str(port)],
                                     env=env)
        for _ in range(600):
            try:
                if httpx.get(self.base + "/openapi.json", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("sitrep serve did not answer")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


FILTERS = {
    "no filter, by date": {},
    "type + dates": {"type": "ASSAULT", "since": "2016-01-01", "until": "2016-06-30"},
    "actor words": {"actor": "arab army"},
    "outlet": {"outlet": "Outlet 3"},
    "place": {"place": "town 12"},
    "contradicted": {"contradicted": "true"},
    "bbox": {"bbox": "36.5,34.0,37.5,35.0"},
    "multi, by -killed": {"multi": "true", "sort": "-killed"},
    "type + outlet, by -date": {"type": "PROTEST", "outlet": "Outlet 7", "sort": "-date"},
}


def time_api(base: str, requests: int) -> dict[str, dict[str, float]]:
    import httpx

    out = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, params in FILTERS.items():
            times = []
            cursor = None
            for i in range(requests):
                query = {**params, "limit": 50}
                if cursor and i % 2:  # every other request asks for the next page
                    query["cursor"] = cursor
                t0 = time.perf_counter()
                r = client.get("/api/events", params=query)
                times.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
                cursor = r.json()["next"]
            times.sort()
            out[name] = {"p50_ms": round(statistics.median(times), 1),
                         "p95_ms": round(times[int(len(times) * 0.95) - 1], 1), "n": len(times)}
            print(f"  {name}: {out[name]}", file=sys.stderr)
    return out


def time_map(base: str, events: int, runs: int = 3) -> list[dict[str, float]]:
    """Each run: seconds from ``page.goto`` to every event painted (``wall_s``), the page's own
    milliseconds from navigation start to the events painted and to the basemap drawn."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            t0 = time.perf_counter()
            page.goto(base + "/?limit=50")
            page.wait_for_selector("#map[data-ready]", timeout=120_000, state="attached")
            wall = round(time.perf_counter() - t0, 3)
            assert page.get_attribute("#map", "data-ready") == "true", page.inner_text("#map-status")
            assert page.get_attribute("#map", "data-markers") == str(events)
            assert page.get_attribute("#map", "data-drawn") == str(events)  # every event is in the view
            page.wait_for_selector("#map[data-basemap-drawn=true]", timeout=120_000, state="attached")
            times.append({"wall_s": wall, "events_painted_ms": int(page.get_attribute("#map", "data-ready-ms")),
                          "basemap_drawn_ms": int(page.get_attribute("#map", "data-basemap-ms"))})
            print(f"  map: {times[-1]}", file=sys.stderr)
            page.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=500_000)
    parser.add_argument("--db", default="/tmp/bench-web.db")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--map-events", type=int, default=0)
    parser.add_argument("--no-api", action="store_true", help="only the map page")
    args = parser.parse_args()
    result: dict = {"events": args.events, "mentions": 2 * args.events}
    if not args.no_api:
        result["build_s"] = round(build(args.db, args.events), 1)
        server = Served(args.db)
        try:
            result["api"] = time_api(server.base, args.requests)
        finally:
            server.stop()
    if args.map_events:
        small = str(Path(args.db).with_suffix(f".map{args.map_events}.db"))
        build(small, args.map_events)
        server = Served(small)
        try:
            result["map_first_render"] = time_map(server.base, args.map_events)
        finally:
            server.stop()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
