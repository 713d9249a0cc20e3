"""The pages in a real headless browser: Debian's Chromium driven by Playwright, against a real
uvicorn server on 127.0.0.1. Screenshots of the map, an event page and the framing table are
written to ``$SITREP_SCREENSHOTS`` (default: a temporary folder)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from sitrep.queries import iter_events
from sitrep.store.base import open_store
from sitrep.web.check import painted

CHROMIUM = os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium")


def start_server(db: str):
    """A real uvicorn serving ``db`` on a free port of 127.0.0.1, in a thread: (server, thread, base URL)."""
    import uvicorn

    from sitrep.web import create_app

    # IPPROTO_TCP as uvicorn's own sockets have it: asyncio turns Nagle's algorithm off only then
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(400):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    return srv, thread, sock, f"http://127.0.0.1:{port}"


def stop_server(srv, thread, sock) -> None:
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def server(web_db):
    srv, thread, sock, base = start_server(web_db)
    yield base
    stop_server(srv, thread, sock)


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        from conftest import missing

        missing(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("SITREP_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def events(web_db):
    with open_store(web_db) as store:
        return [e.to_dict() for e in iter_events(store)]


def _icon_cancelled(request) -> bool:  # noqa: ANN001 - a Playwright request
    return request.url.endswith("/favicon.svg") and request.failure == "net::ERR_ABORTED"


class Watched:
    """A page whose console errors, failed requests, dialogs and off-site requests are recorded."""

    def __init__(self, browser, base: str, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.offsite: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        # (the browser fetches the tab's icon on its own after the page has loaded; going on to the next
        # page cancels that fetch, which is no failure of the page)
        self.page.on("requestfailed", lambda r: _icon_cancelled(r) or self.errors.append(f"failed: {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status}: {r.url}"))
        self.page.on("request", lambda r: r.url.startswith(self.base) or r.url.startswith("data:")
                     or self.offsite.append(r.url))

    def open(self, path: str) -> None:
        response = self.page.goto(self.base + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path

    def clean(self) -> None:
        assert self.errors == [] and self.dialogs == [] and self.offsite == []
        assert self.page.evaluate("typeof window.__pwned") == "undefined"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser, server):
    made = []

    def make(**context) -> Watched:
        w = Watched(browser, server, **context)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


def _drawn_markers(page, expected: int) -> int:  # noqa: ANN001
    """Events stood for by the symbols painted on the map's canvas (see ``sitrep.web.check``)."""
    return painted(page, expected)


def _symbols(page) -> list[dict]:  # noqa: ANN001
    return page.evaluate("document.getElementById('map').sitrepDrawn")


def _click_symbol(page, symbol: dict) -> None:  # noqa: ANN001
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + symbol["x"], box["y"] + symbol["y"])


def test_map_shows_every_located_event_clustered(watched, events, shots):
    w = watched(viewport={"width": 1280, "height": 900})
    w.open("/")
    w.page.wait_for_selector("#map[data-ready=true]", timeout=15000)
    located = [e for e in events if e["place"] and e["place"].get("lat") is not None]
    assert int(w.page.get_attribute("#map", "data-markers")) == len(located)
    # what is drawn: single markers plus the counts on the cluster icons add up to every located event
    assert _drawn_markers(w.page, len(located)) == len(located)
    assert any(s["n"] > 1 for s in _symbols(w.page))  # the demo's events share towns: some are grouped
    w.page.wait_for_selector("#map[data-basemap-drawn=true]", timeout=15000)
    # the Natural Earth basemap is drawn, on a canvas of its own pane
    assert int(w.page.get_attribute("#map", "data-basemap-countries")) > 100
    assert w.page.locator(".leaflet-basemap-pane canvas").count() == 1
    assert w.page.locator("svg.timeline rect").count() >= 5
    assert w.page.locator("table.events tbody tr").count() == len(events)
    w.page.screenshot(path=str(shots / "map.png"), full_page=True)
    w.clean()


def test_map_fetches_details_only_on_click(watched, events):
    w = watched(viewport={"width": 1280, "height": 900})
    asked: list[str] = []
    w.page.on("request", lambda r: asked.append(r.url))
    w.open("/")
    w.page.wait_for_selector("#map[data-ready=true]", timeout=15000)
    assert any("/api/points" in u for u in asked) and not any("/api/map" in u for u in asked)
    ids = {e["id"] for e in events}
    popup = w.page.locator(".leaflet-popup .event-popup")
    for _ in range(14):  # a group spread over several places zooms in; one place opens its list
        symbols = _symbols(w.page)
        symbol = next((s for s in symbols if s["n"] == 1), symbols[0])
        _click_symbol(w.page, symbol)
        try:
            popup.locator("a.popup-title").first.wait_for(timeout=3000)
            break
        except Exception:  # noqa: BLE001 - no popup: the click zoomed in; try again at the new zoom
            w.page.wait_for_selector("#map canvas.event-dots:not([style*=hidden])", timeout=5000)
    links = popup.locator("a.popup-title").all()
    assert links and len(links) == min(symbol["n"], 100)
    assert any("/api/map?" in u and "bbox=" in u for u in asked)  # the details, asked for on click
    hrefs = [a.get_attribute("href") for a in links]
    assert all(h.startswith("/events/") and h.split("/")[-1] in ids for h in hrefs)
    # a popup whose details arrive may auto-pan the map to fit them: a click while the map slides lands
    # where the link was, on the map, and closes the popup. Wait for the map to stand still, then the
    # click must start a navigation: wait for its page, not for a network that may still be idle
    w.page.wait_for_selector("#map:not([data-moving])", timeout=5000)
    popup.locator(f'a.popup-title[href="{hrefs[0]}"]').first.click()
    w.page.wait_for_url("**" + hrefs[0], timeout=15000)
    w.page.wait_for_load_state("networkidle")
    assert w.page.url.endswith(hrefs[0]) and w.page.locator("table.sources").count() == 1
    w.clean()


def test_filters_drive_map_timeline_and_list(watched, events):
    w = watched()
    w.open("/")
    w.page.check("#f-contra")
    w.page.click("form.filters button[type=submit]")
    w.page.wait_for_selector("#map[data-ready=true]", timeout=15000)
    wanted = [e for e in events if e["contradictions"]]
    assert w.page.locator("table.events tbody tr").count() == len(wanted)
    located = [e for e in wanted if e["place"] and e["place"].get("lat") is not None]
    assert int(w.page.get_attribute("#map", "data-markers")) == len(located)
    titles = w.page.locator("svg.timeline rect title").all_text_contents()
    assert sum(int(t.split(": ")[1].split()[0]) for t in titles) == len([e for e in wanted if e["date"]])
    w.clean()


def test_event_page_lists_all_outlets_and_contradictions(watched, events, shots):
    biggest = max(events, key=lambda e: len(e["outlets"]))
    w = watched(viewport={"width": 1400, "height": 900})
    w.open(f"/events/{biggest['id']}")
    headers = w.page.locator("table.sources thead th a").all_inner_texts()
    assert set(headers) == set(biggest["outlets"])
    assert w.page.locator("li.contradiction").count() == len(biggest["contradictions"])
    assert w.page.locator("td.disputed").count() >= 2
    assert w.page.locator("table.sources q").count() >= len(biggest["mentions"])  # each source's words
    w.page.screenshot(path=str(shots / "event.png"), full_page=True)
    w.clean()


def test_framing_table(watched, shots):
    w = watched(viewport={"width": 1600, "height": 900})
    w.open("/framing")
    rows = w.page.request.get(w.base + "/api/framing").json()["labels"]
    outlets = w.page.locator("#framing-table thead th").all_inner_texts()[1:]
    assert set(outlets) == {r["outlet"] for r in rows}
    assert w.page.locator("#framing-table tbody th").count() == len({r["actor"] for r in rows})
    assert w.page.locator("#framing-table td ul.labels").count() == len(rows)  # one filled cell per outlet x actor
    assert w.page.locator("#framing-table li").count() == sum(len(r["labels"]) for r in rows)
    assert w.page.locator("#framing-table q").count() >= len(rows)
    w.page.locator("#framing-table").screenshot(path=str(shots / "framing.png"))
    w.clean()


def test_every_page_renders_without_console_errors(watched, events):
    w = watched()
    paths = ["/", "/articles", "/articles?q=shelling", "/framing", "/api", f"/events/{events[0]['id']}"]
    w.open("/articles")
    first = w.page.locator("table.articles tbody a").first.get_attribute("href")
    paths.append(first)
    for path in paths:
        w.open(path)
        assert w.page.title().endswith("sitrep")
    w.open(first)
    assert w.page.locator(".article-text mark.field").count() >= 1
    w.clean()


def test_hostile_article_is_inert(watched, events):
    w = watched()
    w.open("/articles?q=Saraqib+Wednesday")
    link = w.page.locator("table.articles a", has_text="Strike").first
    with w.page.expect_navigation(timeout=10000):  # the article's page, not the list still showing
        link.click()
    w.page.wait_for_load_state("networkidle")
    text = w.page.locator(".article-text").inner_text()
    assert "<script>window.__pwned = 'text'</script>" in text and "onerror" in text  # shown as words
    assert w.page.locator("h1").inner_text().startswith("Strike </title><script>")
    assert w.page.locator("script").count() == 0  # the article page loads no script at all
    assert w.page.locator("img, svg[onload], b[onmouseover]").count() == 0
    hostile = [e for e in events if any("Evil Wire" in o for o in e["outlets"])]
    assert hostile
    for e in hostile:
        w.open(f"/events/{e['id']}")
    w.open("/framing")
    w.open("/?outlet=" + hostile[0]["outlets"][0].replace(" ", "+"))
    w.page.wait_for_selector("#map[data-ready=true]", timeout=15000)
    for symbol in _symbols(w.page)[:5]:
        _click_symbol(w.page, symbol)  # popups are built from text nodes
        w.page.wait_for_timeout(300)
    w.clean()


def test_keyboard_and_phone_width(watched):
    w = watched(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    w.open("/")
    w.page.wait_for_selector("#map[data-ready=true]", timeout=15000)
    # nothing wider than the phone except inside the scrollable table boxes
    assert w.page.evaluate("document.documentElement.scrollWidth") <= 391
    w.page.keyboard.press("Tab")
    assert w.page.evaluate("document.activeElement.className") == "skip"
    w.page.keyboard.press("Enter")
    assert w.page.url.endswith("#main")
    w.clean()


def _many_events(n: int):
    """``n`` located events over 30 towns, written as fusion writes them."""
    import random

    from sitrep.model import Event, FigureRange, Place

    rng = random.Random(3)
    towns = [Place(f"Town {i}", f"Area {i % 5}", "SY", 33 + rng.random() * 4, 36 + rng.random() * 5) for i in range(30)]
    for i in range(n):
        k = rng.randrange(1, 30)
        yield Event(id=f"{i:012x}", type=rng.choice(["ASSAULT", "PROTEST"]), date=f"2024-{rng.randrange(1, 13):02d}-10",
                    place=towns[i % 30], outlets=["Outlet A"], killed=FigureRange(k, k, {"Outlet A": k}),
                    mentions=[f"{i:016x}:0"])


def test_map_with_thousands_of_events(watched, tmp_path):
    db = str(tmp_path / "many.db")
    with open_store(db) as store, store.fusion() as session:
        session.write([(e, set()) for e in _many_events(3000)], [], [])
    srv, thread, sock, base = start_server(db)
    try:
        w = watched(viewport={"width": 1280, "height": 900})
        w.base = base
        w.open("/?limit=20")
        w.page.wait_for_selector("#map[data-ready]", state="attached", timeout=60_000)
        assert w.page.get_attribute("#map", "data-ready") == "true", w.page.inner_text("#map-status")
        assert w.page.get_attribute("#map", "data-markers") == "3000"
        assert _drawn_markers(w.page, 3000) == 3000
        assert w.page.locator("svg.timeline rect").count() == 24  # 12 months x 2 types, by day (<= 180 days)
    finally:
        stop_server(srv, thread, sock)
    w.clean()
