"""The store contract, run on every backend (SQLite file, PostgreSQL schema), and the query layer."""

from __future__ import annotations

import random
import re

import pytest

from sitrep.fuse.events import fuse_store
from sitrep.model import Actor, Article, Casualty, Claim, EventMention, Evidence, Failure, Place, When
from sitrep.queries import EventFilter, event_detail, events_page, find_event, iter_events
from sitrep.store.base import open_store

PLACES = [
    Place("Ariha", "Idlib", "SY", 35.81, 36.61, precision="city"),
    Place("Saraqib", "Idlib", "SY", 35.86, 36.80, precision="city"),
    Place("Azaz", "Aleppo", "SY", 36.59, 37.05, precision="city"),
    Place("Douma", "Rif Dimashq", "SY", 33.57, 36.40, precision="city"),
    Place("Syria", None, "SY", None, None, precision="country"),
]
ACTORS = [Actor("Syrian Arab Army", id="SYR_MIL", label="regime forces"), Actor("Islamic State (ISIS)", id="ISIS"),
          Actor(None, label="gunmen"), None]
OUTLETS = ["Wire A", "Wire B", "Civilian Toll Monitor", "Levant State News"]


def article(i: int, outlet: str | None = None, published: str = "2024-03-12") -> Article:
    return Article(f"Report number {i}: shelling and clashes reported in the north of the country.",
                   title=f"Report {i}", outlet=outlet or OUTLETS[i % len(OUTLETS)], published=published,
                   source=f"synthetic#{i}")


def mention(a: Article, etype: str, day: str, place: Place | None, killed: int | None, actor: Actor | None,
            words: str = "air strikes hit the market") -> EventMention:
    ev = Evidence(words, 0, len(words))
    return EventMention(
        article=a.summary(), type=etype, mode="aerial" if etype == "ASSAULT" else None,
        acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}, cameo=None,
        actor1=actor, actor2=None, location=place, date=When(day, "day", day, None, "text"),
        casualties=[Casualty("killed", killed, category="civilians")] if killed else [],
        claim=Claim(None), evidence=ev, confidence=0.7)


def populate(store, n: int = 60, seed: int = 3) -> None:
    """``n`` synthetic articles, most with one or two mentions, several outlets per incident."""
    rng = random.Random(seed)
    version = "test-1"
    for i in range(n):
        a = article(i, published=f"2024-03-{10 + i % 6:02d}")
        store.add_article(a)
        mentions = []
        for _ in range(rng.choice([0, 1, 1, 2])):
            day = f"2024-03-{10 + rng.randrange(12):02d}"
            mentions.append(mention(a, rng.choice(["ASSAULT", "ASSAULT", "PROTEST"]), day, rng.choice(PLACES),
                                    rng.choice([None, 3, 4, 10]), rng.choice(ACTORS)))
        store.set_mentions(a.id, mentions, version)


def test_articles_sources_failures_and_search(store_url):
    with open_store(store_url) as store:
        assert store.migrate() == []  # opening applied every migration; again is a no-op
        a = Article("Mortar shells hit a school in Homs on Monday, killing four pupils.", title="Mortars hit Homs school",
                    outlet="Levant State News", published="2024-03-11", source="x.csv#1")
        assert store.add_article(a) is True
        store.add_failure(Failure("x.csv#2", "read", "no text"))
        again = Article(a.text, title=a.title, outlet=a.outlet, source="y.csv#1")
        assert store.add_article(again) is False  # same clean text: stored once, second source kept
        assert sorted(s for _, s in store.article_sources()) == ["x.csv#1", "y.csv#1"]
        store.add_failure(Failure("x.csv#2", "read", "still no text"))
        assert [f["reason"] for f in store.failures()] == ["still no text"]
        hits = store.articles(query="mortar Homs")
        assert [h["id"] for h in hits] == [a.id]
        assert store.articles(query='"unbalanced quote') == []  # user text is never search syntax
        assert store.articles(outlet="levant state news")[0]["id"] == a.id
        shown = store.article(a.id[:6])
        assert shown["outlet"] == "Levant State News" and shown["mentions"] == [] and shown["text"] == a.text
        # extracting and claiming rewrite the row's state, not its words: it is still found
        store.claim_articles([a.id], "test-1")
        store.set_mentions(a.id, [], "test-1")
        assert [h["id"] for h in store.articles(query="pupils")] == [a.id]
        assert store.articles(query="mortar Homs school")[0]["id"] == a.id


def test_mentions_round_trip_and_incremental_fusion(store_url):
    with open_store(store_url) as store:
        populate(store, 40)
        stored = list(store.mentions())
        assert stored and all(isinstance(m, EventMention) for m in stored)
        assert store.unfused_mentions() == len(stored)
        first = fuse_store(store)
        assert first.mentions == len(stored) and store.unfused_mentions() == 0
        events = {e.id: e for e in iter_events(store)}
        assigned = store.event_assignments()
        assert sorted(assigned) == sorted(m for e in events.values() for m in e.mentions)  # each mention once
        assert fuse_store(store).events_written == 0  # nothing new, nothing rewritten
        # more articles: only the events they touch are rewritten, the others kept as they were
        rng = random.Random(9)
        for i in range(100, 110):
            a = article(i)
            store.add_article(a)
            store.set_mentions(a.id, [mention(a, "ASSAULT", "2024-03-12", PLACES[0], rng.choice([3, 4]), ACTORS[0])],
                               "test-1")
        second = fuse_store(store)
        assert second.mentions == 10 and 0 < second.events_written <= 10
        after = {e.id: e for e in iter_events(store)}
        changed = [eid for eid in events if after.get(eid) != events[eid]]
        assert len(changed) <= second.events_written + second.events_deleted
        # re-extracting an article takes its old mentions out of their events
        target = next(e for e in after.values() if len(e.mentions) > 1)
        article_id = target.mentions[0].split(":")[0]
        store.set_mentions(article_id, [], "test-2")
        third = fuse_store(store)
        assert third.events_written + third.events_deleted >= 1
        remaining = {m for e in iter_events(store) for m in e.mentions}
        assert not any(m.startswith(article_id + ":") for m in remaining)
        assert len(store.event_assignments()) == store.count("mentions")


def test_query_filters_sort_and_pages(store_url):
    with open_store(store_url) as store:
        populate(store, 80)
        fuse_store(store)
        everything = list(iter_events(store, page=7))  # small pages: many cursors
        assert len(everything) == store.count("events") == store.count_events()
        assert [e.id for e in everything] == [e.id for e in sorted(everything, key=lambda e: (e.date or "", e.id))]

        def actor_words(e):
            return [w for a in (e.actor1, e.actor2) if a for w in re.findall(r"\w+", f"{a.name or ''} {a.label or ''}".lower())]

        checks = [
            (EventFilter(type="assault"), lambda e: e.type == "ASSAULT"),
            (EventFilter(since="2024-03-12", until="2024-03-13"), lambda e: "2024-03-12" <= (e.date or "") <= "2024-03-13"),
            (EventFilter(until="2024-03-11"), lambda e: bool(e.date) and e.date <= "2024-03-11"),
            (EventFilter(admin1="IDLIB"), lambda e: e.place is not None and e.place.admin1 == "Idlib"),
            (EventFilter(actor="arab arm"), lambda e: all(any(w.startswith(q) for w in actor_words(e)) for q in ("arab", "arm"))),
            (EventFilter(actor="gunmen", type="ASSAULT"), lambda e: "gunmen" in actor_words(e) and e.type == "ASSAULT"),
            (EventFilter(place="saraq"), lambda e: e.place is not None and "saraqib" in e.place.name.lower()),
            (EventFilter(outlet="wire a"), lambda e: "Wire A" in e.outlets),
            (EventFilter(multi=True, type="ASSAULT"), lambda e: len(e.outlets) > 1 and e.type == "ASSAULT"),
        ]
        for where, keep in checks:
            got = [e.id for e in iter_events(store, where, page=5)]
            want = [e.id for e in everything if keep(e)]
            assert got == want, where
            assert 0 < len(want) < len(everything), where  # every filter keeps some events and drops others
        for sort, key in (("-date", lambda e: (e.date or "", e.id)),
                          ("-killed", lambda e: (e.killed.max if e.killed else -1, e.id)),
                          ("-outlets", lambda e: (len(e.outlets), e.id))):
            got = [e.id for e in iter_events(store, sort=sort, page=6)]
            assert got == [e.id for e in sorted(everything, key=key, reverse=True)], sort
        page = events_page(store, limit=10)
        assert len(page.events) == 10 and page.next
        rest = events_page(store, limit=1000, cursor=page.next)
        assert [e.id for e in page.events + rest.events] == [e.id for e in everything] and rest.next is None
        one = everything[0]
        assert find_event(store, one.id[:6]) == one and find_event(store, "zzz") is None
        detail = event_detail(store, one)
        assert [s["record"]["type"] for s in detail["sources"]] == [one.type] * len(one.mentions)


def test_reads_never_write(store_url):
    with open_store(store_url) as store:
        populate(store, 20)
        before = store.unfused_mentions()
        assert list(iter_events(store)) == [] and events_page(store).events == []
        assert find_event(store, "") is None
        assert store.unfused_mentions() == before > 0  # reading fused nothing


def test_concurrent_claims_share_the_work(store_url):
    with open_store(store_url) as first, open_store(store_url) as second:
        for i in range(12):
            first.add_article(article(i))
        a = first.claim_pending("v1", 5)
        b = second.claim_pending("v1", 5)
        c = second.claim_pending("v1", 5)
        ids = [x.id for x in a + b + c]
        assert len(ids) == len(set(ids)) == 12  # every article claimed once
        for x in a[:2]:
            first.set_mentions(x.id, [], "v1")
        first.release_claims()  # the 3 it did not finish are free again
        again = second.claim_pending("v1", 10)
        assert sorted(x.id for x in again) == sorted(x.id for x in a[2:])
        assert second.claim_pending("v1", 10) == []


@pytest.mark.parametrize("bad", ["", "!!!"])
def test_bad_cursor_is_a_clear_error(tmp_path, bad):
    from sitrep.errors import SitrepError

    with open_store(str(tmp_path / "c.db")) as store:
        if bad:
            with pytest.raises(SitrepError, match="not a cursor"):
                events_page(store, cursor=bad)
        else:
            assert events_page(store, cursor=None).events == []


def test_reads_through_a_filter_word_match_the_walk(store_url, monkeypatch):
    """A date-sorted page read through its rarest filter word (``event_terms``, keyed by word
    then date) lists the same events, in the same order and pages, as walking every event in
    date order."""
    with open_store(store_url) as store:
        populate(store, 80, seed=5)
        fuse_store(store)
        dates = store._one("SELECT count(*) AS n, sum(CASE WHEN t.sort_date = e.sort_date THEN 1 ELSE 0 END) AS same "
                           "FROM event_terms t JOIN events e ON e.id = t.event_id")
        assert dates["n"] > 0 and dates["same"] == dates["n"]  # each word's entry carries its event's date
        filters = [EventFilter(place="saraq"), EventFilter(place="a"), EventFilter(actor="arab", type="assault"),
                   EventFilter(outlet="wire b", since="2024-03-12"), EventFilter(actor="s", until="2024-03-14"),
                   EventFilter(outlet="wire a", place="idlib", actor="army"), EventFilter(place="nowhere"),
                   EventFilter(place="saraq", admin1="idlib", since="2024-03-11"),
                   EventFilter(outlet="levant state news", type="protest", admin1="aleppo")]
        assert store._streams(EventFilter(place="saraq"))
        assert store._streams(EventFilter(place="saraq", admin1="idlib")) == []  # the governorate's walk is cheaper
        store.DRIVING_TERM = 2  # every word common: walk the date index
        assert store._streams(EventFilter(place="a")) == store._streams(EventFilter(place="saraq")) == []
        del store.DRIVING_TERM

        def pages() -> dict:
            return {(sort, repr(where)): [e.id for e in iter_events(store, where, sort, page=3)]
                    for sort in ("date", "-date") for where in filters}

        chosen = pages()
        monkeypatch.setattr(type(store), "WALK_RATIO", 0)  # through the word whenever it is rare enough
        monkeypatch.setattr(type(store), "DRIVING_TERM", 10**9)
        assert all(store._streams(w) for w in filters)
        streamed = pages()
        monkeypatch.setattr(type(store), "_streams", lambda self, where: [])  # walk every event in date order
        walked = pages()
        assert chosen == streamed == walked
        assert sum(1 for ids in walked.values() if ids) >= 12  # most filters keep something


def test_term_dates_migration_fills_a_database_written_before_it(store_url):
    """A database fused before ``0005_term_dates`` (event_terms without dates) is migrated in
    place: every word's entry gets its event's date, and reads through words give what the
    walk gives."""
    from sitrep.store.base import is_postgres
    from sitrep.store.common import EVENT_COLUMNS, event_row, event_terms

    with open_store(store_url) as store:
        populate(store, 40, seed=9)
        fuse_store(store)
        events = list(iter_events(store))
        cls = type(store)
    older = [m for m in cls.MIGRATIONS if m[0] < "0005"]

    def undo(store) -> None:  # the database as the migrations before 0005 left it
        derived = re.compile(r"\b(events|event_mentions|event_terms|event_blocks)\b")
        for table in ("events", "event_mentions", "event_terms", "event_blocks"):
            store._exec(f"DROP TABLE {table}")
        store._exec("DELETE FROM _migrations WHERE name >= '0005'")
        for _, sql in older:  # the derived tables' history, replayed (created, dropped, created again)
            for statement in store._split(sql):
                if derived.search(statement) and statement.lstrip().upper().startswith(
                        ("CREATE TABLE", "CREATE INDEX", "DROP TABLE")):
                    store._exec(statement)
        store._many(f"INSERT INTO events({EVENT_COLUMNS}, dirty) VALUES ({','.join('?' * 21)}, 0)",
                    [event_row(e) for e in events])
        store._many("INSERT INTO event_terms(field, term, event_id) VALUES (?, ?, ?)",
                    [(f, t, e.id) for e in events for f, t in sorted(event_terms(e))])

    with open_store(store_url) as store:
        with store._tx():
            undo(store)
        if is_postgres(store_url):
            store._exec("DROP FUNCTION IF EXISTS sitrep_article_search() CASCADE")
            store._exec("ALTER TABLE articles DROP COLUMN search")
            store._exec("ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
                        "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED")
    with open_store(store_url) as store:  # opening applies 0005 (and what follows) again
        assert [m for m in store.migrations() if m >= "0005"] == [m[0] for m in cls.MIGRATIONS if m[0] >= "0005"]
        dates = store._one("SELECT count(*) AS n, sum(CASE WHEN t.sort_date = e.sort_date THEN 1 ELSE 0 END) AS same "
                           "FROM event_terms t JOIN events e ON e.id = t.event_id")
        assert dates["n"] == sum(len(event_terms(e)) for e in events) and dates["same"] == dates["n"]
        where = EventFilter(place="saraq")
        assert store._streams(where)
        got = [e.id for e in iter_events(store, where, "-date", page=2)]
        assert got == [e.id for e in sorted(events, key=lambda e: (e.date or "", e.id), reverse=True)
                       if e.place and "saraqib" in e.place.name.lower()] and got
        assert [h["id"] for h in store.articles(query="shelling")]  # full-text search still answers


def _more_articles(store, start: int) -> None:
    """Ten more reports of the days already told, so that fusion joins them to stored events."""
    rng = random.Random(start)
    for i in range(start, start + 10):
        a = article(i, published="2024-03-13")
        store.add_article(a)
        store.set_mentions(a.id, [mention(a, "ASSAULT", f"2024-03-{10 + rng.randrange(4):02d}", rng.choice(PLACES[:2]),
                                          rng.choice([3, 4]), ACTORS[0])], "test-1")


def _seq_consistent(store) -> None:
    """Every row naming an event by id names it by its number too; the numbers are distinct."""
    numbers = store._one("SELECT count(*) AS n, count(DISTINCT seq) AS distinct_n, min(seq) AS low FROM events")
    assert numbers["n"] == numbers["distinct_n"] and numbers["low"] >= 1
    for table in ("event_mentions", "event_terms", "event_blocks"):
        row = store._one(f"SELECT count(*) AS n, sum(CASE WHEN t.event_seq = e.seq THEN 1 ELSE 0 END) AS same "
                         f"FROM {table} t JOIN events e ON e.id = t.event_id")
        orphans = store._one(f"SELECT count(*) AS n FROM {table} t WHERE NOT EXISTS "
                             "(SELECT 1 FROM events e WHERE e.id = t.event_id)")
        assert row["n"] > 0 and row["same"] == row["n"] and orphans["n"] == 0, table


def test_events_are_numbered_in_the_order_fusion_writes_them(store_url):
    """Each event written gets a number above every stored one (a rewritten event too), and its
    mention list, words and blocking keys carry that number: the by-event indexes grow at their
    end. Reads through the numbers give each event its own sources."""
    with open_store(store_url) as store:
        populate(store, 40, seed=9)
        fuse_store(store)
        _seq_consistent(store)
        before = {r["id"]: r["seq"] for r in store._all("SELECT id, seq FROM events")}
        _more_articles(store, 200)
        report = fuse_store(store)
        _seq_consistent(store)
        after = {r["id"]: r["seq"] for r in store._all("SELECT id, seq FROM events")}
        written = [i for i in after if before.get(i) != after[i]]
        assert len(written) == report.events_written > 0
        assert min(after[i] for i in written) > max(s for i, s in after.items() if i not in written)
        for event in iter_events(store):
            sources = store.event_sources(event.id)
            assert len(sources) == len(event.mentions) and {s["outlet"] for s in sources} == set(event.outlets)


def test_event_seq_migration_numbers_a_database_written_before_it(store_url, tmp_path):
    """A database fused before ``0007_event_seq`` (rows found by the hashed event id only) is
    numbered in place, and fusing more reports into it gives the events of a clean run."""
    with open_store(store_url) as store:
        populate(store, 40, seed=9)
        fuse_store(store)
    with open_store(store_url) as store, store._tx():  # the schema as the migrations before 0007 left it
        for name, columns in (("events_date", "sort_date, id"), ("events_type_date", "type, sort_date, id"),
                              ("events_admin1_date", "admin1_key, sort_date, id"), ("events_killed", "sort_killed, id"),
                              ("events_outlets", "n_outlets, sort_date, id")):  # as before 0008_walk_seq
            store._exec(f"DROP INDEX {name}")
            store._exec(f"CREATE INDEX {name} ON events({columns})")
        store._exec("DELETE FROM _migrations WHERE name = '0008_walk_seq'")
        for table, columns in (("event_mentions", "event_id, position"), ("event_terms", "event_id, field, term"),
                               ("event_blocks", "event_id")):
            store._exec(f"DROP INDEX {table}_event")
            store._exec(f"ALTER TABLE {table} DROP COLUMN event_seq")
            store._exec(f"CREATE INDEX {table}_event ON {table}({columns})")
        store._exec("DROP INDEX events_seq")
        store._exec("ALTER TABLE events DROP COLUMN seq")
        store._exec("DELETE FROM _migrations WHERE name = '0007_event_seq'")
    with open_store(store_url) as store:  # opening applies 0007 (and 0008)
        assert "0007_event_seq" in store.migrations()
        _seq_consistent(store)
        _more_articles(store, 200)
        fuse_store(store)
        _seq_consistent(store)
        migrated = [e.to_dict() for e in iter_events(store)]
    with open_store(tmp_path / "clean.db") as clean:
        populate(clean, 40, seed=9)
        fuse_store(clean)
        _more_articles(clean, 200)
        fuse_store(clean)
        assert migrated == [e.to_dict() for e in iter_events(clean)]


def test_fusing_new_reports_leaves_distant_stored_events_unread(tmp_path):
    """+60 articles of the last weeks fused into a database of the last three months' events,
    with and without three times as many events of years before: the same stored events are loaded,
    the same events written, and Python's peak allocation during the fusion is the same, so
    what fusion holds depends on the stored events near the new reports, not on how many are
    stored (issue 10's "memory flat")."""
    import tracemalloc
    from datetime import date

    from sitrep.store.bench import Synthetic, load

    runs = []
    for older in (0, 900):
        with open_store(tmp_path / f"older-{older}.db") as store:
            load(store, Synthetic(seed=4, start=date(2017, 10, 1), days=90), 0, 300)
            if older:
                load(store, Synthetic(seed=5, start=date(2013, 1, 1), days=3 * 365), 1000, older)
            fuse_store(store)
            stored = store.count("events")
            load(store, Synthetic(seed=8, start=date(2017, 12, 10), days=30), 5000, 60)
            tracemalloc.start()
            report = fuse_store(store)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            recent = [e.to_dict() for e in iter_events(store, EventFilter(since="2017-09-01"))]
            runs.append((stored, report, peak, recent))
    (small, few, few_peak, few_events), (large, many, many_peak, many_events) = runs
    assert large > 3 * small and few.events_loaded > 0
    assert (many.mentions, many.events_loaded, many.events_written) == (few.mentions, few.events_loaded,
                                                                       few.events_written)
    assert many_events == few_events
    assert many_peak <= 1.1 * few_peak


def test_sqlite_fusion_step_has_its_own_page_cache(tmp_path):
    """A SQLite fusion step runs with a small page cache (what it holds must not grow with the
    database), and the connection gets its read cache back afterwards, after a failure too."""
    from sitrep.store.sqlite import CACHE_KB, FUSION_CACHE_KB

    with open_store(tmp_path / "cache.db") as store:
        def cache() -> int:
            return store._one("PRAGMA cache_size")["cache_size"]

        assert cache() == -CACHE_KB and FUSION_CACHE_KB < CACHE_KB
        with store.fusion():
            assert cache() == -FUSION_CACHE_KB
        assert cache() == -CACHE_KB
        with pytest.raises(RuntimeError), store.fusion():
            raise RuntimeError("killed midway")
        assert cache() == -CACHE_KB
        populate(store, 20)
        fuse_store(store)
        assert cache() == -CACHE_KB
