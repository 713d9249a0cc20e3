"""``sitrep bench --store N``: a synthetic database of N mentions, then read and fusion timings.

Articles and mentions go in through the same calls ingest makes (``add_article``,
``set_mentions``), fusion through ``fuse_store``; reads go through ``sitrep.queries`` as the CLI
and the API call it. Figures: store write rate, first fusion, +1,000 articles fused into the
full database and into an empty one, and the p50/p95 of filtered event pages and of one event.
"""

from __future__ import annotations

import hashlib
import random
import resource
import time
from dataclasses import dataclass
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
    # ids from pages spread over the stored days (the first page alone holds the oldest events)
    ids = [e.id for day in range(0, 3 * 365, 73)
           for e in events_page(store, EventFilter(since=(date(2015, 1, 1) + timedelta(days=day)).isoformat()),
                                limit=20).events]
    filters = {
        "type+dates": lambda: EventFilter(type="ASSAULT", since=f"{rng.choice([2015, 2016, 2017])}-0{rng.randrange(1, 9)}-01",
                                          until="2017-12-31"),
        "admin1": lambda: EventFilter(admin1=f"Area {rng.randrange(14)}"),
        "actor": lambda: EventFilter(actor=rng.choice(ACTORS)[0].split()[0]),
        "outlet+type": lambda: EventFilter(outlet=f"Outlet {rng.randrange(15)}", type="PROTEST"),
        "multi+sort killed": lambda: EventFilter(multi=True),
        "place": lambda: EventFilter(place=f"Town {rng.randrange(300)}"),
        "type+admin1+actor+since": lambda: EventFilter(type="ASSAULT", admin1=f"Area {rng.randrange(14)}",
                                                       actor=rng.choice(ACTORS)[0].split()[-1],
                                                       since=f"{rng.choice([2015, 2016, 2017])}-06-01"),
    }
    out: dict[str, float] = {}
    for name, make in filters.items():
        times = []
        for _ in range(repeats):
            where = make()
            t0 = time.perf_counter()
            events_page(store, where, "-killed" if "killed" in name else "date", 50)
            times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            events_page(store, where, "-date", 50)  # the newest first, as a reader usually wants
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



# -- the read benchmark at scale: a fused database bulk-loaded directly ---------------------------

TELLINGS = [1, 1, 1, 2, 2, 3, 4]  # reports per incident: half the events have one source
OUTLETS = 15


@dataclass
class _Incident:
    type: str
    day: date
    place: Place
    actor1: tuple[str, str]
    actor2: tuple[str, str] | None
    mode: str | None
    killed: int
    tellings: int
    base: EventMention | None = None
    base_dict: dict | None = None


class _Mention(EventMention):
    """A mention whose dict is made once: the row, the JSON record and fusion's view all need it,
    and ``to_dict`` is most of the cost of a bulk load."""

    def to_dict(self) -> dict:
        if "_dict" not in self.__dict__:
            self.__dict__["_dict"] = super().to_dict()
        return self.__dict__["_dict"]


class BulkSynthetic(Synthetic):
    """Incidents told by one to four outlets, each report an article of two mentions, grouped
    into events as fusion groups them (``Cluster``: the same summary, contradictions and
    blocking keys), so a database of millions of mentions is written without fusing it."""

    def __init__(self, seed: int = 5):
        super().__init__(seed)
        self.dicts: dict[tuple[str, str], dict] = {}

    def _dict(self, record) -> dict:  # noqa: ANN001 - a Place or an Actor
        key = (type(record).__name__, record.name)
        if key not in self.dicts:
            self.dicts[key] = record.to_dict()
        return self.dicts[key]

    def incident(self) -> _Incident:
        rng = self.rng
        a1 = rng.choice(ACTORS)
        a2 = rng.choice([a for a in ACTORS if a != a1]) if rng.random() < 0.4 else None
        return _Incident(rng.choice(TYPES), self.start + timedelta(days=rng.randrange(self.days)),
                         rng.choice(self.places), a1, a2, rng.choice(["aerial", "explosives", None]),
                         rng.randrange(0, 40), rng.choice(TELLINGS))

    def mention(self, inc: _Incident, article: dict, telling: int) -> EventMention:
        killed = inc.killed + (self.rng.randrange(0, 4) if telling else 0)  # later tellings may differ
        if inc.base is None:  # the incident's record, made into a dict once for all its tellings
            words = f"{inc.mode or 'attack'} hit {inc.place.name.lower()} killing people near the market"
            inc.base = EventMention(
                article=article, type=inc.type, mode=inc.mode,
                acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}, cameo=None,
                actor1=Actor(inc.actor1[0], id=inc.actor1[1], label=inc.actor1[0]),
                actor2=Actor(inc.actor2[0], id=inc.actor2[1], label=inc.actor2[0]) if inc.actor2 else None,
                location=None, date=When(inc.day.isoformat(), "day", inc.day.isoformat()),
                evidence=Evidence(words, 0, len(words)), claim=Claim(None), confidence=0.7,
                casualties=[Casualty("killed", 0, category="civilians")])
            inc.base_dict = inc.base.to_dict()
            # places and actors repeat: their dicts are made once and shared
            inc.base.location = inc.place
            inc.base_dict["location"] = self._dict(inc.place)
            inc.base_dict["actor1"] = self._dict(inc.base.actor1)
            inc.base_dict["actor2"] = self._dict(inc.base.actor2) if inc.actor2 else None
        casualty = Casualty("killed", killed, category="civilians")
        m = _Mention(**{**inc.base.__dict__, "article": article, "casualties": [casualty]})
        m.__dict__["_dict"] = {**inc.base_dict, "article": article, "casualties": [casualty.to_dict()]}
        return m

    def chunk(self, first_article: int, n_mentions: int) -> tuple[list[Article], dict[str, list[EventMention]],
                                                                   list[list[tuple[str, str]]]]:
        """Articles, their mentions, and the events as lists of (article id, mention id)."""
        incidents: list[_Incident] = []
        slots: list[tuple[int, int]] = []  # (incident, telling)
        while len(slots) < n_mentions:
            inc = self.incident()
            inc.tellings = min(inc.tellings, n_mentions - len(slots))
            slots += [(len(incidents), t) for t in range(inc.tellings)]
            incidents.append(inc)
        self.rng.shuffle(slots)
        # two mentions per article, never two of one incident (fusion keeps those apart)
        half = (len(slots) + 1) // 2
        pairs = [[slots[i]] + ([slots[i + half]] if i + half < len(slots) else []) for i in range(half)]
        pairs = [p for pair in pairs for p in ([pair] if len(pair) < 2 or pair[0][0] != pair[1][0]
                                                 else [[pair[0]], [pair[1]]])]
        articles: list[Article] = []
        mentions: dict[str, list[EventMention]] = {}
        members: list[list[tuple[str, str]]] = [[] for _ in incidents]
        for n, pair in enumerate(pairs, start=first_article):
            published = max(incidents[i].day for i, _ in pair) + timedelta(days=self.rng.randrange(3))
            a = Article(f"Synthetic report {n}: " + "; ".join(
                f"{incidents[i].mode or 'attack'} in {incidents[i].place.name}" for i, _ in pair) + ".",
                title=f"Report {n}", outlet=f"Outlet {self.rng.randrange(OUTLETS)}",
                published=published.isoformat(), source=f"bench#{n}")
            articles.append(a)
            mentions[a.id] = [self.mention(incidents[i], a.summary(), t) for i, t in pair]
            for ordinal, (i, _) in enumerate(pair):
                members[i].append((a.id, f"{a.id}:{ordinal}"))
        return articles, mentions, members


def _copy_rows(store, table: str, columns: str, rows: list[tuple]) -> None:  # noqa: ANN001
    """Append rows as fast as the backend allows: COPY on PostgreSQL, one executemany on SQLite."""
    if not rows:
        return
    if hasattr(store.conn, "pgconn"):
        with store.conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        store._many(f"INSERT INTO {table} ({columns}) VALUES ({','.join('?' * len(rows[0]))})", rows)


BULK_TABLES = ("articles", "article_sources", "mentions", "events", "event_mentions", "event_terms", "event_blocks")


def _secondary_indexes(store) -> list[tuple[str, str]]:  # noqa: ANN001
    """(name, definition) of the indexes a bulk load drops and rebuilds: building an index once
    over sorted rows is many times faster than keeping it up to date row by row. Keys and
    unique constraints stay (they are the tables' own)."""
    marks = ",".join("?" * len(BULK_TABLES))
    if hasattr(store.conn, "pgconn"):
        rows = store._all(
            f"SELECT indexname AS name, indexdef AS sql FROM pg_indexes i WHERE schemaname = current_schema() "
            f"AND tablename IN ({marks}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            BULK_TABLES)
    else:
        rows = store._all(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                          f"AND tbl_name IN ({marks})", BULK_TABLES)
    return sorted((r["name"], r["sql"]) for r in rows)


def _base_rows(synthetic: BulkSynthetic, n_mentions: int, outlet_ids: dict[str, int]) -> dict[str, list[tuple]]:
    """The rows of ``n_mentions`` synthetic mentions as ingest and fusion would write them."""
    from sitrep.fuse.events import Cluster, event_id, find_contradictions, view
    from sitrep.store.common import event_row, event_terms, mention_row, now

    articles, by_article, members = synthetic.chunk(0, n_mentions)
    outlet_of = {a.id: a.outlet for a in articles}
    published_of = {a.id: a.published for a in articles}
    stamp = now()
    rows: dict[str, list[tuple]] = {
        "articles": [(a.id, a.title, outlet_ids[a.outlet], a.published, "en", a.text, a.source, None, "[]", stamp,
                      "bench") for a in articles],
        "article_sources": [(a.id, a.source) for a in articles],
        "mentions": [mention_row(a.id, i, m) + (1,) for a in articles for i, m in enumerate(by_article[a.id])],
        "events": [], "event_mentions": [], "event_terms": [], "event_blocks": []}
    for group in members:
        views = sorted((view(mid, aid, outlet_of[aid], published_of[aid], by_article[aid][int(mid.rsplit(":", 1)[1])]
                             .to_dict()) for aid, mid in group), key=lambda v: (v.published or "", v.id))
        cluster = Cluster(event_id(views[0]), views)
        cluster.contradictions = find_contradictions(cluster)
        event = cluster.to_event()
        seq = len(rows["events"]) + 1  # numbered as fusion numbers the events it writes
        rows["events"].append(event_row(event) + (seq, 0))
        rows["event_mentions"] += [(m.id, event.id, i, seq) for i, m in enumerate(views)]
        rows["event_terms"] += [(f, t, event.date or "", event.id, seq) for f, t in sorted(event_terms(event))]
        rows["event_blocks"] += [(k, event.id, seq) for k in sorted(cluster.block_keys())]
    return rows


def _replica(base: dict[str, list[tuple]], r: int) -> dict[str, list[tuple]]:
    """The base rows under new ids (hashes of the old id and ``r``, as random as real ones, so
    that an id prefix picks one event), ids inside the JSON records rewritten to match: the
    same days, places and actors told again as other incidents, at the cost of string
    replacement instead of generation."""
    aids = {a[0]: hashlib.sha1(f"{a[0]}:{r}".encode()).hexdigest()[:16] for a in base["articles"]}
    eids = {e[0]: hashlib.sha1(f"{e[0]}:{r}".encode()).hexdigest()[:12] for e in base["events"]}
    aid, eid = aids.__getitem__, eids.__getitem__
    offset = r * len(base["events"])  # copy r's events numbered after the copies before it

    def mid(m: str) -> str:
        a, _, n = m.partition(":")
        return f"{aids[a]}:{n}"

    members: dict[str, list[str]] = {}
    for m, e, _, _ in base["event_mentions"]:
        members.setdefault(e, []).append(m.partition(":")[0])
    out: dict[str, list[tuple]] = {
        "articles": [(aid(a[0]), f"{a[1]} [{r}]", *a[2:5], f"[{r}] {a[5]}", f"{a[6]}:{r}", *a[7:])
                     for a in base["articles"]],
        "article_sources": [(aid(a), f"{s}:{r}") for a, s in base["article_sources"]],
        "mentions": [(mid(m[0]), aid(m[1]), *m[2:-2], m[-2].replace(m[1], aid(m[1]), 1), m[-1])
                     for m in base["mentions"]],
        "event_mentions": [(mid(m), eid(e), p, q + offset) for m, e, p, q in base["event_mentions"]],
        "event_terms": [(f, t, d, eid(e), q + offset) for f, t, d, e, q in base["event_terms"]],
        "event_blocks": [(k, eid(e), q + offset) for k, e, q in base["event_blocks"]],
    }
    events = []
    for row in base["events"]:
        summary = row[16].replace(f'"{row[0]}"', f'"{eid(row[0])}"', 1)
        for a in members[row[0]]:
            summary = summary.replace(f'"{a}:', f'"{aid(a)}:')
        events.append((eid(row[0]), *row[1:16], summary, *row[17:-2], row[-2] + offset, row[-1]))
    out["events"] = events
    return out


def bulk_load(store, mentions: int, base_mentions: int = 20_000, progress=None) -> dict:  # noqa: ANN001
    """Write a fused synthetic database of about ``mentions`` mentions straight into ``store`` (empty).

    Rows go in as ingest and fusion would leave them (articles, mentions, events, their
    mention lists, filter terms and blocking keys), without extraction or fusion: a base set
    of ``base_mentions`` is generated and grouped into events as fusion groups them, then
    written again under new ids until the size is reached (one transaction per copy), so that
    1M mentions take minutes, not hours. Secondary indexes are built once at the end.
    """
    from sitrep.store.common import EVENT_COLUMNS, MENTION_COLUMNS

    columns = {
        "articles": "id, title, outlet_id, published, language, text, source, url, removed, ingested_at, "
                    "extracted_with",
        "article_sources": "article_id, source", "mentions": MENTION_COLUMNS + ", fused",
        "events": EVENT_COLUMNS + ", seq, dirty", "event_mentions": "mention_id, event_id, position, event_seq",
        "event_terms": "field, term, sort_date, event_id, event_seq", "event_blocks": "key, event_id, event_seq"}
    started = time.perf_counter()
    if not hasattr(store.conn, "pgconn"):
        store._exec("PRAGMA cache_size = -400000")  # 400 MB: the indexes of a large load stay in memory
    else:
        store._exec("SET maintenance_work_mem = '256MB'")
    indexes = _secondary_indexes(store)
    outlet_ids = {}
    with store._tx():
        for i in range(OUTLETS):
            outlet_ids[f"Outlet {i}"] = store._outlet_id(f"Outlet {i}")
        for name, _ in indexes:
            store._exec(f'DROP INDEX "{name}"')
    base_mentions = max(1, min(base_mentions, mentions))
    base = _base_rows(BulkSynthetic(seed=5), base_mentions, outlet_ids)
    copies = max(1, mentions // base_mentions)
    for r in range(copies):
        rows = _replica(base, r)
        with store._tx():
            for table in BULK_TABLES:
                _copy_rows(store, table, columns[table], rows[table])
        if progress:
            progress((r + 1) * base_mentions, copies * base_mentions)
    with store._tx():
        for _, definition in indexes:
            store._exec(definition)
    store.analyze()
    return {"mentions": copies * base_mentions, "articles": copies * len(base["articles"]),
            "events": copies * len(base["events"]), "build_s": round(time.perf_counter() - started, 1)}


def read_bench(db: str, mentions: int, repeats: int = 40, progress=None) -> dict:  # noqa: ANN001
    """Reads over a database of ``mentions`` synthetic mentions: built by ``bulk_load`` when
    ``db`` is empty, reused when it holds exactly such a database (a rebuild takes minutes)."""
    from sitrep.errors import SitrepError
    from sitrep.store.base import open_store

    result: dict = {"db": _shown(db)}
    with open_store(db) as store:
        held = store.count("mentions")
        if held == 0 and not store.count("articles"):
            result.update(bulk_load(store, mentions, progress=progress))
        elif held and held == (mentions // min(mentions, 20_000)) * min(mentions, 20_000) and store.count("failures") == 0 and store.unfused_mentions() == 0:
            result.update({"mentions": held, "articles": store.count("articles"), "events": store.count("events"),
                           "build_s": "reused"})
        else:
            raise SitrepError(f"the read bench needs an empty database or one it built with {mentions} mentions; "
                              f"{_shown(db)} holds {held}")
        result.update(read_timings(store, repeats))
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result
