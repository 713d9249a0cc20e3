"""Open every page of a database's web app in Chromium and report console errors and the map.

    python scripts/check_pages.py --db fakes.db [--max-events 0] [--max-articles 0]

Serves ``--db`` with a real uvicorn on 127.0.0.1, then visits the events page (and checks that
the map placed every located event), every event page (each must list all its outlets and
contradictions), every article page, the framing table and a search, recording console errors,
page errors, failed or off-site requests and HTTP errors. Prints one JSON line; exit status 1
if any page had a problem. ``--max-events``/``--max-articles`` cap the pages visited (0: all).
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time

from sitrep.queries import iter_events
from sitrep.store.base import open_store


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--max-events", type=int, default=0)
    parser.add_argument("--max-articles", type=int, default=0)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from sitrep.web import create_app

    with open_store(args.db) as store:
        events = [e.to_dict() for e in iter_events(store)]
        articles = [a["id"] for a in store.articles()]
    if args.max_events:
        events = events[:args.max_events]
    if args.max_articles:
        articles = articles[:args.max_articles]

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)

    problems: list[str] = []
    pages = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        current = {"url": ""}
        page.on("console", lambda m: m.type == "error" and problems.append(f"{current['url']}: console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"{current['url']}: page error: {e}"))
        page.on("requestfailed", lambda r: problems.append(f"{current['url']}: failed: {r.url}"))
        page.on("response", lambda r: r.status >= 400 and problems.append(f"{current['url']}: {r.status} {r.url}"))
        page.on("request", lambda r: r.url.startswith((base, "data:")) or problems.append(f"off-site: {r.url}"))
        page.on("dialog", lambda d: (problems.append(f"{current['url']}: dialog"), d.dismiss()))

        def visit(path: str) -> None:
            nonlocal pages
            current["url"] = path
            response = page.goto(base + path, wait_until="networkidle")
            pages += 1
            if response is None or response.status != 200:
                problems.append(f"{path}: HTTP {response.status if response else '?'}")

        visit("/?limit=500")
        page.wait_for_selector("#map[data-ready]", state="attached", timeout=60_000)
        located = sum(1 for e in events if e.get("place") and e["place"].get("lat") is not None)
        on_map = int(page.get_attribute("#map", "data-markers") or -1)
        if not args.max_events and on_map != located:
            problems.append(f"map: {on_map} markers for {located} located events")
        for e in events:
            visit(f"/events/{e['id']}")
            shown = set(page.locator("table.sources thead th a").all_inner_texts())
            if shown != {o or "(unknown outlet)" for o in e["outlets"]}:
                problems.append(f"/events/{e['id']}: outlets {sorted(shown)} for {sorted(e['outlets'])}")
            if page.locator("li.contradiction").count() != len(e["contradictions"]):
                problems.append(f"/events/{e['id']}: contradictions not all listed")
        for ident in articles:
            visit(f"/articles/{ident}")
        for path in ("/framing", "/articles?q=killed", "/articles", "/api"):
            visit(path)
        browser.close()
    server.should_exit = True
    print(json.dumps({"db": args.db, "pages": pages, "events": len(events), "articles": len(articles),
                      "located": located, "on_map": on_map, "problems": len(problems),
                      "first_problems": problems[:10]}))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
