"""The read benchmark's synthetic database (``sitrep bench --store N --bulk``) is a real fused
database: the store reads it, and fusion carries on from it, on both backends."""

from __future__ import annotations

import json

from sitrep.fuse.events import fuse_store
from sitrep.model import Article, EventMention
from sitrep.queries import EventFilter, event_detail, events_page, find_event
from sitrep.store.base import open_store
from sitrep.store.bench import bulk_load, read_timings


def test_bulk_database_reads_and_fuses_on(store_url):
    with open_store(store_url) as store:
        built = bulk_load(store, 3000, base_mentions=1000)
        assert built["mentions"] == store.count("mentions") == 3000
        assert built["events"] == store.count("events") and store.unfused_mentions() == 0
        assigned = store.event_assignments()
        assert len(assigned) == 3000 and len(set(assigned.values())) == built["events"]
        # each event's sources are its own mentions, found through the id prefix
        for event in events_page(store, EventFilter(multi=True), limit=20).events:
            assert find_event(store, event.id[:8]).id == event.id
            sources = event_detail(store, event)["sources"]
            assert [s["record"]["article"]["id"] for s in sources] == [m.split(":")[0] for m in event.mentions]
            assert len({s["outlet"] for s in sources}) == len(event.outlets) >= 2
        # a new report of a stored incident joins its event through the stored blocking keys
        single = next(e for e in events_page(store, EventFilter(type="ASSAULT"), limit=200).events
                      if len(e.mentions) == 1)
        record = json.loads(store._one("SELECT record FROM mentions WHERE id = ?", (single.mentions[0],))["record"])
        article = Article("Another outlet's report of the same strike.", title="Again", outlet="Outlet 99",
                          published=record["article"]["published"], source="test#again")
        store.add_article(article)
        store.set_mentions(article.id, [EventMention.from_dict({**record, "article": article.summary()})], "test")
        report = fuse_store(store)
        assert report.mentions == 1 and report.events_loaded >= 1
        assert store.event_assignments()[f"{article.id}:0"] == single.id
        assert find_event(store, single.id).outlets == sorted([*single.outlets, "Outlet 99"])
        timings = read_timings(store, repeats=2)
        assert timings["events_p95_worst_ms"] > 0 and timings["event_id_p95_ms"] >= 0
