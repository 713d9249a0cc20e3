"""``sitrep bench --store N``: a synthetic database of N mentions, then read and fusion timings.

Articles and mentions go in through the same calls ingest makes (``add_article``,
``set_mentions``), fusion through ``fuse_store``; reads go through ``sitrep.queries`` as the CLI
and the API call it. Figures: store write rate, first fusion, +1,000 articles fused into the
full database and into an empty one, and the p50/p95 of filtered event pages and of one event.
"""

from __future__ import annotations

import random
import resource
import time
from datetime import date, timedelta

from sitrep.model import Actor, Article, Casualty, Claim, EventMention, Evidence, Place, When

TYPES = ["ASSAULT"] * 6 + ["PROTEST", "AGREE", "THREATEN", "MOBILIZE"]
ACTORS = [("Syrian Arab Army", "SYR_MIL"), ("Islamic State (ISIS)", "ISIS"), ("Syrian Democratic Forces", "SDF"),
          ("Hayat Tahrir al-Sham", "HTS"), ("Russian Armed Forces", "RUS_MIL"), ("Turkish Armed Forces", "TUR_MIL")]


class Synthetic:
    """Reproducible synthetic articles: random days over three years, 300 places in 14 areas."""

    def __init__(self, seed: int = 7, start: date = date(2015, 1, 1), days: int = 3 * 365):
        self.rng = random.Random(seed)
        rng = random.Random(7)  # the same places in every set
        self.places = [Place(f"Town {i}", f"Area {i % 14}", "SY", round(33 + rng.random() * 4, 4),
                             round(36 + rng.random() * 5, 4), precision="city") for i in range(300)]
        self.start, self.days = start, days

    def article(self, i: int, per_article: int = 2) -> tuple[Article, list[EventMention]]:
        rng = self.rng
        day = self.start + timedelta(days=rng.randrange(self.days))
        a = Article(f"Synthetic report {i}: strike hit town {rng.randrange(300)} killing people near the market.",
                    title=f"Report {i}", outlet=f"Outlet {i % 15}", published=day.isoformat(), source=f"bench#{i}")
        mentions = []
        for _ in range(per_article):
            words = f"strike hit town {rng.randrange(300)} killing people market"
            ev = Evidence(words, 0, len(words))
            name, ident = rng.choice(ACTORS)
            mentions.append(EventMention(
                article=a.summary(), type=rng.choice(TYPES), mode=rng.choice(["aerial", "explosives", None]),
                acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}, cameo=None,
                actor1=Actor(name, id=ident, label=name), actor2=None, location=rng.choice(self.places),
                date=When(day.isoformat(), "day", day.isoformat()), evidence=ev, claim=Claim(None), confidence=0.7,
                casualties=[Casualty("killed", rng.randrange(1, 40), category="civilians")]))
        return a, mentions


def load(store, synthetic: Synthetic, first: int, n_articles: int, version: str = "bench",  # noqa: ANN001
         batch: int = 200) -> float:
    """Write ``n_articles`` synthetic articles with their mentions as ingest writes them (a
    transaction per ``batch`` articles, then one per batch of mentions); returns seconds."""
    t0 = time.perf_counter()
    for lo in range(first, first + n_articles, batch):
        made = [synthetic.article(i) for i in range(lo, min(lo + batch, first + n_articles))]
        store.add_articles([a for a, _ in made])
        store.set_mentions_many([(a.id, mentions) for a, mentions in made], version)
    return time.perf_counter() - t0


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)


def read_timings(store, repeats: int = 40, seed: int = 11) -> dict:  # noqa: ANN001
    """p50/p95 (ms) of one page of events under several filters, and of one event by id prefix."""
    from sitrep.queries import EventFilter, event_detail, events_page, find_event

    rng = random.Random(seed)
    ids = [e.id for e in events_page(store, limit=1000).events]
    filters = {
        "type+dates": lambda: EventFilter(type="ASSAULT", since=f"{rng.choice([2015, 2016, 2017])}-0{rng.randrange(1, 9)}-01",
                                          until="2017-12-31"),
        "admin1": lambda: EventFilter(admin1=f"Area {rng.randrange(14)}"),
        "actor": lambda: EventFilter(actor=rng.choice(ACTORS)[0].split()[0]),
        "outlet+type": lambda: EventFilter(outlet=f"Outlet {rng.randrange(15)}", type="PROTEST"),
        "multi+sort killed": lambda: EventFilter(multi=True),
    }
    out: dict[str, float] = {}
    for name, make in filters.items():
        times = []
        for _ in range(repeats):
            where = make()
            t0 = time.perf_counter()
            events_page(store, where, "-killed" if "killed" in name else "date", 50)
            times.append(time.perf_counter() - t0)
        out[f"events[{name}]_p50_ms"], out[f"events[{name}]_p95_ms"] = _p(times, 0.5), _p(times, 0.95)
    times = []
    for _ in range(repeats):
        prefix = rng.choice(ids)[:8]
        t0 = time.perf_counter()
        event = find_event(store, prefix)
        if event is not None:
            event_detail(store, event)
        times.append(time.perf_counter() - t0)
    out["event_id_p50_ms"], out["event_id_p95_ms"] = _p(times, 0.5), _p(times, 0.95)
    out["events_p95_worst_ms"] = max(v for k, v in out.items() if k.startswith("events[") and k.endswith("p95_ms"))
    return out


def store_bench(db: str, mentions: int, empty_db: str | None = None, increment: int = 1000) -> dict:
    """Build ``db`` (empty) with about ``mentions`` synthetic mentions (two per article), fuse,
    time reads, then fuse +``increment`` articles into it and (with ``empty_db``) into an empty
    database."""
    from sitrep.fuse.events import fuse_store
    from sitrep.store.base import open_store

    synthetic = Synthetic()
    n_articles = max(1, mentions // 2)
    result: dict = {"db": _shown(db), "mentions": n_articles * 2}
    with open_store(db) as store:
        if store.count("articles"):
            from sitrep.errors import SitrepError

            raise SitrepError(f"the store bench needs an empty database; {_shown(db)} holds articles")
        seconds = load(store, synthetic, 0, n_articles)
        result["write_s"] = round(seconds, 1)
        result["write_articles_per_s"] = round(n_articles / seconds)
        t0 = time.perf_counter()
        fuse_store(store)
        result["first_fusion_s"] = round(time.perf_counter() - t0, 1)
        result["events"] = store.count("events")
        result.update(read_timings(store))
        # the usual case: news of the next month, after what is stored
        load(store, Synthetic(seed=8, start=date(2018, 1, 1), days=30), n_articles, increment)
        report = fuse_store(store)
        result[f"fuse_plus_{increment}_next_month_s"] = report.seconds
        result["fuse_plus_next_month_events_loaded"] = report.events_loaded
        # the worst case: the new articles spread over every stored day
        load(store, Synthetic(seed=9), n_articles + increment, increment)
        report = fuse_store(store)
        result[f"fuse_plus_{increment}_spread_s"] = report.seconds
        result["fuse_plus_spread_events_loaded"] = report.events_loaded
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if empty_db:
        with open_store(empty_db) as store:
            load(store, Synthetic(seed=8, start=date(2018, 1, 1), days=30), 0, increment)
            report = fuse_store(store)
            result[f"fuse_plus_{increment}_next_month_into_empty_s"] = report.seconds
        full = result.get(f"fuse_plus_{increment}_next_month_s")
        if full is not None and report.seconds:
            # issue 10's fusion target: into the full database at most 1.2 times into the empty one
            result["fuse_plus_next_month_full_to_empty_ratio"] = round(full / report.seconds, 2)
    return result


def _shown(db: str) -> str:
    from sitrep.store.base import display_url

    return display_url(db)

