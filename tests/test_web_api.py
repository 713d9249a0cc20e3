"""The HTTP API in-process (httpx over the ASGI app): reads, filters, pages, exports, writes and headers."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import shutil

import httpx
import pytest

from sitrep.queries import EventFilter, iter_events
from sitrep.store.base import open_store
from sitrep.web import create_app
from sitrep.web.app import CSP


def _client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


def get(app, url: str, **kwargs) -> httpx.Response:
    async def go():
        async with _client(app) as c:
            return await c.get(url, **kwargs)
    return asyncio.run(go())


def post(app, url: str, **kwargs) -> httpx.Response:
    async def go():
        async with _client(app) as c:
            return await c.post(url, **kwargs)
    return asyncio.run(go())


@pytest.fixture(scope="module")
def app(web_db):
    return create_app(web_db)


@pytest.fixture(scope="module")
def all_events(web_db):
    with open_store(web_db) as store:
        return [e.to_dict() for e in iter_events(store)]


def test_events_paged_by_cursor_are_every_event_once(app, all_events):
    seen, cursor = [], None
    for _ in range(100):
        r = get(app, "/api/events", params={"limit": 3, "sort": "-date", **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200
        body = r.json()
        assert len(body["events"]) <= 3
        seen += [e["id"] for e in body["events"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(e["id"] for e in all_events)
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize("params, holds", [
    ({"type": "assault"}, lambda e, d: e["type"] == "ASSAULT"),
    ({"multi": "true"}, lambda e, d: len(e["outlets"]) >= 2),
    ({"contradicted": "true"}, lambda e, d: len(e["contradictions"]) > 0),
    ({"bbox": "36.0,35.5,37.0,36.5"}, lambda e, d: e["place"] and 36 <= e["place"]["lon"] <= 37 and 35.5 <= e["place"]["lat"] <= 36.5),
    ({"since": "2024-03-15", "until": "2024-03-18"}, lambda e, d: "2024-03-15" <= e["date"] <= "2024-03-18"),
    ({"outlet": "Meridian Wire"}, lambda e, d: "Meridian Wire" in e["outlets"]),
    ({"acled_type": "battles"}, lambda e, d: any(s["record"]["acled"]["event_type"] == "Battles" for s in d["sources"])),
])
def test_each_filter_keeps_only_what_it_says(app, all_events, params, holds):
    found = get(app, "/api/events", params={**params, "limit": 1000}).json()["events"]
    assert found, params  # the demo has events of each kind
    for e in found:
        detail = get(app, f"/api/events/{e['id']}").json()
        assert holds(e, detail), (params, e["id"])
    # and it drops some: none of these filters matches every event
    assert len(found) < len(all_events)


def test_event_detail_lists_every_outlet_and_contradiction(app, all_events):
    biggest = max(all_events, key=lambda e: len(e["outlets"]))
    r = get(app, f"/api/events/{biggest['id'][:8]}")  # a unique prefix is enough
    assert r.status_code == 200
    body = r.json()
    assert {s["outlet"] for s in body["sources"]} == set(biggest["outlets"])
    assert len(body["sources"]) == len(biggest["mentions"])
    assert body["contradictions"] == biggest["contradictions"] and body["contradictions"]
    assert get(app, "/api/events/ffffffffffff").status_code == 404


def test_article_records_carry_evidence_offsets_into_its_text(app):
    articles = get(app, "/api/articles", params={"limit": 100}).json()["articles"]
    assert len(articles) == 21
    checked = 0
    for a in articles:
        body = get(app, f"/api/articles/{a['id']}").json()
        for m in body["mentions"]:
            ev = m["evidence"]
            if ev.get("field", "text") == "text":
                assert body["text"][ev["start"]:ev["end"]] == ev["text"]
                checked += 1
    assert checked >= 20


def test_full_text_search(app):
    hits = get(app, "/api/articles", params={"q": "Azaz"}).json()["articles"]
    assert hits and all("azaz" in (get(app, f"/api/articles/{h['id']}").json()["text"].lower()) for h in hits)
    assert get(app, "/api/articles", params={"q": '"unbalanced AND ( OR'}).status_code == 200


def test_map_timeline_outlets_framing(app, all_events):
    located = [e for e in all_events if e["place"] and e["place"].get("lat") is not None]
    points = get(app, "/api/map").json()["features"]
    assert {p["properties"]["id"] for p in points} == {e["id"] for e in located}
    compact = get(app, "/api/points").json()
    assert compact["fields"] == ["id", "lat", "lon", "disputed"] and compact["truncated"] is False
    by_id = {e["id"]: e for e in located}
    assert {row[0] for row in compact["points"]} == set(by_id)
    for ident, lat, lon, disputed in compact["points"]:
        place = by_id[ident]["place"]
        assert abs(lat - place["lat"]) < 1e-5 and abs(lon - place["lon"]) < 1e-5
        assert disputed == (1 if by_id[ident]["contradictions"] else 0)
    contested = get(app, "/api/points", params={"contradicted": "true", "limit": 2}).json()
    assert len(contested["points"]) == min(2, sum(1 for e in located if e["contradictions"]))
    assert all(row[3] == 1 for row in contested["points"])
    counts = get(app, "/api/timeline").json()["counts"]
    assert sum(c["n"] for c in counts) == len(all_events)
    assert len(get(app, "/api/outlets").json()["outlets"]) == 8
    framing = get(app, "/api/framing", params={"outlet": "Levant State News"}).json()
    assert framing["labels"] and {r["outlet"] for r in framing["labels"]} == {"Levant State News"}
    assert all(label["quote"] for r in framing["labels"] for label in r["labels"])


def test_map_points_follow_every_database_change(tmp_path):
    """The compact points are kept per filter, and made again as soon as the database changes."""
    from sitrep.model import Event, Place

    def write(store, i: int) -> None:
        event = Event(id=f"{i:012x}", type="ASSAULT", date=f"2024-01-0{i}", place=Place(f"Town {i}", None, "SY", 35.0 + i, 36.0),
                      outlets=["Outlet A"], mentions=[f"{i:016x}:0"])
        with store.fusion() as session:
            session.write([(event, set())], [], [])

    db = str(tmp_path / "points.db")
    with open_store(db) as store:
        write(store, 1)
    app = create_app(db)
    first = get(app, "/api/points").json()["points"]
    assert [p[0] for p in first] == ["000000000001"]
    assert get(app, "/api/points").json()["points"] == first
    assert len(app.state.sitrep.points_cache) == 1  # kept: the second answer came from the cache
    with open_store(db) as other:  # another connection, as a running `sitrep ingest` would be
        write(other, 2)
    assert [p[0] for p in get(app, "/api/points").json()["points"]] == ["000000000001", "000000000002"]
    assert [p[0] for p in get(app, "/api/points", params={"since": "2024-01-02"}).json()["points"]] == ["000000000002"]


def test_exports_stream_every_event(app, all_events, web_db):
    located = sum(1 for e in all_events if e["place"] and e["place"].get("lat") is not None)
    r = get(app, "/api/export", params={"format": "acled"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == len(all_events)
    assert len(json.loads(get(app, "/api/export", params={"format": "geojson"}).text)["features"]) == located
    lines = get(app, "/api/export", params={"format": "jsonl", "contradicted": "true"}).text.splitlines()
    with open_store(web_db) as store:
        assert len(lines) == store.count_events(EventFilter(contradicted=True))
    assert get(app, "/api/export", params={"format": "parquet"}).status_code == 422


def test_bad_requests_are_4xx_with_one_clear_message(app):
    for url, status in [("/api/events?since=yesterday", 422), ("/api/events?cursor=not-a-cursor", 400),
                        ("/api/events?bbox=10,50,20,40", 422), ("/api/events?limit=0", 422),
                        ("/api/events?sort=sideways", 422), ("/api/articles/zz", 422), ("/events/zzzz", 404)]:
        r = get(app, url)
        assert r.status_code == status, url


def test_read_only_by_default_and_token_checked(web_db, tmp_path):
    read_only = create_app(web_db)
    r = post(read_only, "/api/fuse")
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    copy = tmp_path / "copy.db"
    shutil.copy(web_db, copy)
    app = create_app(str(copy), token="correct horse")
    assert post(app, "/api/fuse").status_code == 401
    assert post(app, "/api/fuse", headers={"authorization": "Bearer correct hors"}).status_code == 401
    assert post(app, "/api/fuse", headers={"authorization": "Basic correct horse"}).status_code == 401
    assert post(app, "/api/fuse", headers={"authorization": "Bearer correct horse"}).status_code == 200
    before = get(app, "/api/health").json()["articles"]
    r = post(app, "/api/ingest", headers={"authorization": "Bearer correct horse"}, json={"texts": [{
        "text": "Airstrikes killed seven civilians in Maarat al-Numan on Sunday, a monitor said.",
        "outlet": "Test Wire", "published": "2024-04-07"}]})
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 1 and r.json()["mentions"] >= 1
    assert get(app, "/api/health").json()["articles"] == before + 1
    assert get(app, "/api/events", params={"outlet": "Test Wire"}).json()["events"]


def test_token_compared_in_constant_time(monkeypatch, web_db):
    import hmac

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    app = create_app(web_db, token="t0ken")
    post(app, "/api/fuse", headers={"authorization": "Bearer nope"})
    assert calls == [(b"nope", b"t0ken")]


def test_security_headers_and_no_cors(app):
    for url in ("/", "/api/events", "/static/map.js"):
        r = get(app, url, headers={"origin": "https://elsewhere.example"})
        assert r.headers["content-security-policy"] == CSP
        assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in r.headers
    async def preflight():
        async with _client(app) as c:
            return await c.options("/api/events", headers={"origin": "https://elsewhere.example",
                                                           "access-control-request-method": "GET"})
    assert "access-control-allow-origin" not in asyncio.run(preflight()).headers


def test_hostile_article_is_escaped_in_every_page(app):
    hostile = get(app, "/api/articles", params={"q": "Saraqib Wednesday"}).json()["articles"]
    (article,) = [a for a in hostile if "Evil Wire" in (a["outlet"] or "")]
    pages = [f"/articles/{article['id']}", "/articles?q=Saraqib", "/framing", "/"]
    events = get(app, "/api/events", params={"outlet": article["outlet"]}).json()["events"]
    pages += [f"/events/{e['id']}" for e in events]
    assert events
    for url in pages:
        html = get(app, url).text
        assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html, url
        assert "<b onmouseover" not in html and 'href="javascript:' not in html, url
    html = get(app, f"/articles/{article['id']}").text
    assert "&lt;script&gt;window.__pwned" in html and "{{ 7*7 }}" in html


def test_openapi_describes_every_endpoint(app):
    paths = get(app, "/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/outlets", "/api/framing", "/api/export", "/api/map", "/api/points", "/api/timeline", "/api/ingest", "/api/fuse"):
        assert path in paths
    assert get(app, "/api").status_code == 200
    assert get(app, "/docs").status_code == 404  # FastAPI's CDN-loading docs are off


def test_same_answers_from_postgresql(web_db, pg_url):
    """The API over the demo in PostgreSQL answers as over SQLite (filters, map, timeline, search)."""
    import io as _io

    from sitrep.demo import run_demo
    from sitrep.render import console

    run_demo(pg_url, console(file=_io.StringIO()))
    lite, pg = create_app(web_db), create_app(pg_url)
    hostile = {e["id"] for e in get(lite, "/api/events", params={"limit": 1000}).json()["events"]
               if any("Evil Wire" in o for o in e["outlets"])}
    for url in ("/api/events?limit=1000", "/api/events?contradicted=true&limit=1000",
                "/api/events?bbox=36,35,37.5,37&sort=-killed&limit=1000", "/api/events?acled_type=battles&limit=1000",
                "/api/events?actor=army&multi=true&limit=1000"):
        want = [e["id"] for e in get(lite, url).json()["events"] if e["id"] not in hostile]
        assert [e["id"] for e in get(pg, url).json()["events"]] == want, url
    points = {f["properties"]["id"] for f in get(pg, "/api/map").json()["features"]}
    assert points == {f["properties"]["id"] for f in get(lite, "/api/map").json()["features"]} - hostile
    assert sum(c["n"] for c in get(pg, "/api/timeline").json()["counts"]) == get(pg, "/api/health").json()["events"]
    assert {a["id"] for a in get(pg, "/api/articles", params={"q": "Azaz"}).json()["articles"]} == \
        {a["id"] for a in get(lite, "/api/articles", params={"q": "Azaz"}).json()["articles"]}
    assert get(pg, "/").status_code == 200 and get(pg, "/framing").status_code == 200


def test_sitrep_serve_command(web_db, tmp_path):
    """``sitrep serve`` as a user runs it: a process listening on 127.0.0.1, read-only without a token."""
    import os
    import socket
    import subprocess
    import sys
    import time

    missing_db = subprocess.run([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(tmp_path / "none.db")],
                                capture_output=True, text=True, timeout=60)
    assert missing_db.returncode == 2 and missing_db.stderr.count("\n") == 1 and "no database" in missing_db.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", web_db, "--port", str(port)],
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        for _ in range(200):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["writable"] is False and r.json()["events"] > 10
        assert "server" not in r.headers  # uvicorn's banner is off
        assert httpx.post(f"http://127.0.0.1:{port}/api/fuse").status_code == 403
    finally:
        proc.terminate()
        proc.wait(10)
    assert "read-only" in proc.stderr.read()


def test_warm_start_answers_the_first_visit_before_it_listens(web_db):
    """``sitrep serve`` starts warm: its start-up has already made the unfiltered map points (the
    first visitor gets them from the cache, identical to a cold app's) and rendered the front page."""
    cold, warm = create_app(web_db), create_app(web_db, warm=True)
    assert len(warm.state.sitrep.points_cache) == 0

    async def visit():
        async with warm.router.lifespan_context(warm):  # what uvicorn runs before it opens its socket
            assert len(warm.state.sitrep.points_cache) == 1
            async with _client(warm) as c:
                return (await c.get("/api/points")).content

    first = asyncio.run(visit())
    assert first == get(cold, "/api/points").content and len(cold.state.sitrep.points_cache) == 1
    assert len(warm.state.sitrep.points_cache) == 1  # the visit was served from what start-up made
