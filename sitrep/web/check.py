"""Every page of a database's web app opened in a real Chromium, with what a reader would see checked.

Used by ``scripts/check_pages.py`` (a whole database, e.g. the FA-KES dev set) and by the tests (a
sample). Needs Playwright and a Chromium binary (Debian's ``/usr/bin/chromium``; no browser is
ever downloaded); both are test-time dependencies, imported only here.

For each page: the HTTP status, console errors, uncaught page errors, failed requests, HTTP
errors of any sub-request, requests to another origin and dialogs are problems. The events page:
the map loaded every located event and *painted* them (the canvas holds paint at the centre of
each symbol the map says it drew, and those symbols stand for every located event), and the
basemap was drawn. Each event page: its source columns name exactly the event's outlets, and it
lists exactly its contradictions.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sitrep.queries import iter_events
from sitrep.store.base import open_store

CHROMIUM = "/usr/bin/chromium"

# The events stood for by the symbols the map's script says it drew (``sitrepDrawn``: centre,
# radius and event count of each), counted only where the canvas really holds paint at the
# symbol's centre; -1 while the canvas is missing or hidden (a zoom in progress).
PAINTED_JS = """() => {
  const el = document.getElementById('map');
  const canvas = el && el.querySelector('canvas.event-dots');
  if (!canvas || !el.sitrepDrawn || canvas.style.visibility === 'hidden') { return -1; }
  const ctx = canvas.getContext('2d');
  const ratio = canvas.width / canvas.clientWidth;
  return el.sitrepDrawn.filter(d => {
    const x = Math.round(d.x * ratio), y = Math.round(d.y * ratio);
    return x >= 0 && y >= 0 && x < canvas.width && y < canvas.height && ctx.getImageData(x, y, 1, 1).data[3] > 0;
  }).reduce((n, d) => n + d.n, 0);
}"""


def painted(page: Any, expected: int, timeout_ms: int = 15_000) -> int:
    """Events painted on the map of ``page``, once it has settled on ``expected`` (or after the
    timeout: the caller compares and reports)."""
    try:
        page.wait_for_function(f"({PAINTED_JS})() === {expected}", timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - the caller's comparison reports what was painted
        pass
    return page.evaluate(PAINTED_JS)


def _aborted_icon(request: Any) -> bool:
    """The browser asks for the favicon after a page has loaded; going to the next page cancels
    that request. Not a fault of the page (an icon that fails to load shows as an HTTP error)."""
    return request.url.endswith("/favicon.svg") and "ERR_ABORTED" in (request.failure or "")


@contextmanager
def serving(db: str) -> Iterator[str]:
    """A real uvicorn serving ``db`` on a free port of 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    from sitrep.web import create_app

    # IPPROTO_TCP as uvicorn's own sockets have it: asyncio turns Nagle's algorithm off only then
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(600):
            if server.started:
                break
            time.sleep(0.05)
        if not server.started:
            raise RuntimeError("uvicorn did not start")
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@dataclass
class SiteCheck:
    db: str
    pages: int = 0
    events: int = 0
    articles: int = 0
    located: int = 0
    on_map: int = -1
    painted: int = -1
    page_types: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # loading time per page type, in all
    problems: list[str] = field(default_factory=list)

    def to_dict(self, most_problems: int = 20) -> dict[str, Any]:
        return {"db": self.db, "pages": self.pages, "page_types": self.page_types,
                "seconds": {k: round(v, 1) for k, v in self.seconds.items()}, "events": self.events,
                "articles": self.articles, "located": self.located, "on_map": self.on_map,
                "painted": self.painted, "problems": len(self.problems),
                "first_problems": self.problems[:most_problems]}


def check_site(db: str, chromium: str = CHROMIUM, max_events: int = 0, max_articles: int = 0) -> SiteCheck:
    """Serve ``db`` and open every page type in Chromium: the events page with its map, every event
    page and every article page (``max_*``: at most that many, 0 for all), the article list, a
    search, the framing table, the API reference and a filtered events page."""
    from playwright.sync_api import sync_playwright

    with open_store(db) as store:
        events = [e.to_dict() for e in iter_events(store)]
        articles = [a["id"] for a in store.articles()]
    result = SiteCheck(db, events=len(events), articles=len(articles))
    result.located = sum(1 for e in events if e.get("place") and e["place"].get("lat") is not None)
    if max_events:
        events = events[:max_events]
    if max_articles:
        articles = articles[:max_articles]
    problems = result.problems

    with serving(db) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        current = {"url": ""}
        page.on("console", lambda m: m.type == "error" and problems.append(f"{current['url']}: console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"{current['url']}: page error: {e}"))
        page.on("requestfailed", lambda r: _aborted_icon(r) or problems.append(f"{current['url']}: failed: {r.url}"))
        page.on("response", lambda r: r.status >= 400 and problems.append(f"{current['url']}: HTTP {r.status} {r.url}"))
        page.on("request", lambda r: r.url.startswith((base, "data:")) or problems.append(f"off-site: {r.url}"))
        page.on("dialog", lambda d: (problems.append(f"{current['url']}: dialog {d.message!r}"), d.dismiss()))

        def visit(path: str, kind: str) -> None:
            current["url"] = path
            t0 = time.perf_counter()
            # "load": every sub-resource is in; only the events page fetches more (its map), and
            # that page is waited for until the map says it is ready
            response = page.goto(base + path, wait_until="load")
            result.pages += 1
            result.page_types[kind] = result.page_types.get(kind, 0) + 1
            result.seconds[kind] = result.seconds.get(kind, 0.0) + time.perf_counter() - t0
            if response is None or response.status != 200:
                problems.append(f"{path}: HTTP {response.status if response else '?'}")
            elif not page.title().endswith("sitrep"):
                problems.append(f"{path}: title {page.title()!r}")

        visit("/?limit=500", "events")
        page.wait_for_selector("#map[data-ready]", state="attached", timeout=60_000)
        if page.get_attribute("#map", "data-ready") != "true":
            problems.append(f"map: {page.inner_text('#map-status')}")
        else:
            result.on_map = int(page.get_attribute("#map", "data-markers") or -1)
            result.painted = painted(page, result.located)
            if result.on_map != result.located:
                problems.append(f"map: {result.on_map} points loaded for {result.located} located events")
            if result.painted != result.located:
                problems.append(f"map: {result.painted} events painted for {result.located} located events")
        try:
            page.wait_for_selector("#map[data-basemap-drawn=true]", state="attached", timeout=60_000)
        except Exception:  # noqa: BLE001 - reported as a problem
            problems.append("map: the basemap was not drawn")
        rows = page.locator("table.events tbody tr").count()
        if rows != min(500, result.events) and result.events:
            problems.append(f"events list: {rows} rows for {result.events} events")

        for e in events:
            path = f"/events/{e['id']}"
            visit(path, "event")
            shown = set(page.locator("table.sources thead th a").all_inner_texts())
            wanted = {o or "(unknown outlet)" for o in e["outlets"]}
            if shown != wanted:
                problems.append(f"{path}: outlets {sorted(shown)} for {sorted(wanted)}")
            listed = page.locator("li.contradiction").count()
            if listed != len(e["contradictions"]):
                problems.append(f"{path}: {listed} contradictions listed of {len(e['contradictions'])}")
        for ident in articles:
            visit(f"/articles/{ident}", "article")
        visit("/?contradicted=true&multi=true", "events (filtered)")
        page.wait_for_selector("#map[data-ready]", state="attached", timeout=60_000)
        for path, kind in (("/articles", "article list"), ("/articles?q=killed", "search"),
                           ("/framing", "framing"), ("/api", "API reference")):
            visit(path, kind)
        browser.close()
    return result
