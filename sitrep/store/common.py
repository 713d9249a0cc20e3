"""The SQL both backends share; each backend supplies its connection, schema and a few hooks.

Queries are written once with ``?`` placeholders (the PostgreSQL backend rewrites them), and
only what truly differs is a hook: full-text search, claiming work, the fusion lock.

Derived tables, rewritten by fusion only:
  events         one row per fused event: indexed columns for filters and sort keys, the
                 full record as JSON (``summary``), and ``seq``, a number that grows with each
                 event written;
  event_mentions mention -> event, with the mention's position in its event;
  event_terms    (field, word) -> event with its date, for the actor, place and outlet filters;
  event_blocks   blocking key -> event, so that a new mention finds its candidate events
                 without loading the others.
The last three name their event twice: by its public id, and by ``event_seq``, the key of
their by-event indexes. Fusion writes new events with new numbers, so those rows go in at the
end of the indexes (a hashed id would put each on a random page of a large database).
"""

from __future__ import annotations

import base64
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any

from sitrep.ingest.metadata import outlet_full_name
from sitrep.model import Article, Event, EventMention, Failure
from sitrep.store.base import SORTS, EventFilter, FusionBatch

CHUNK = 500  # ids per IN (...) list
_WORD = re.compile(r"\w+")
TOP = "\uffff"  # sorts after any word character: the upper bound of a prefix range


PAUSE_ENV = "SITREP_TEST_PAUSE"
_calls: dict[str, int] = {}


def crash_point(point: str) -> None:
    """Fault injection for the crash tests: with ``SITREP_TEST_PAUSE=<point>[:<n>]`` the process
    stops at the n-th pass here (default the first), says so on stderr and waits to be killed."""
    wanted = os.environ.get(PAUSE_ENV)
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name != point:
        return
    _calls[point] = _calls.get(point, 0) + 1
    if _calls[point] == int(nth or 1):
        sys.stderr.write(f"sitrep: paused at {point}\n")
        sys.stderr.flush()
        time.sleep(120)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def mention_row(article_id: str, ordinal: int, m: EventMention) -> tuple:
    loc = m.location
    return (
        f"{article_id}:{ordinal}", article_id, ordinal, m.type, m.mode,
        m.acled.get("event_type"), m.acled.get("sub_event_type"), m.cameo,
        m.actor1.name or m.actor1.label if m.actor1 else None,
        m.actor2.name or m.actor2.label if m.actor2 else None,
        loc.name if loc else None, loc.admin1 if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        m.date.value if m.date else None, m.date.precision if m.date else None,
        m.killed, m.total("injured"),
        m.claim.source or m.claim.by, m.claim.modality, m.confidence, m.evidence.text,
        json.dumps(m.to_dict(), ensure_ascii=False),
    )


MENTION_COLUMNS = (
    "id, article_id, ordinal, type, mode, acled_event_type, acled_sub_event_type, cameo, actor1, actor2, "
    "location, admin1, country, latitude, longitude, event_date, date_precision, killed, injured, claimant, "
    "modality, confidence, evidence, record"
)


def event_row(event: Event) -> tuple:
    place, a1, a2 = event.place, event.actor1, event.actor2
    killed = event.killed
    return (
        event.id, event.type, event.date, place.name if place else None, place.admin1 if place else None,
        place.country if place else None, place.lat if place else None, place.lon if place else None,
        (a1.name or a1.label) if a1 else None, (a2.name or a2.label) if a2 else None,
        killed.min if killed else None, killed.max if killed else None,
        json.dumps(event.outlets, ensure_ascii=False), len(event.mentions), len(event.contradictions),
        event.earliest_report, json.dumps(event.to_dict(), ensure_ascii=False),
        event.date or "", killed.max if killed else -1, len(event.outlets),
        (place.admin1 or "").lower() if place else "",
    )


EVENT_COLUMNS = (
    "id, type, event_date, location, admin1, country, latitude, longitude, actor1, actor2, killed_min, killed_max, "
    "outlets, n_mentions, n_contradictions, earliest_report, summary, sort_date, sort_killed, n_outlets, admin1_key"
)


def event_terms(event: Event) -> set[tuple[str, str]]:
    """(field, word) pairs the actor, place and outlet filters look up."""
    terms: set[tuple[str, str]] = set()
    for actor in (event.actor1, event.actor2):
        if actor:
            terms.update(("actor", w) for w in words(actor.name) + words(actor.label))
    if event.place:
        terms.update(("place", w) for w in words(event.place.name) + words(event.place.admin1))
    terms.update(("outlet", o.lower()) for o in event.outlets)
    return terms


def encode_cursor(values: tuple) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode()


def decode_cursor(cursor: str) -> tuple:
    try:
        return tuple(json.loads(base64.urlsafe_b64decode(cursor.encode())))
    except ValueError:
        from sitrep.store.base import StoreError

        raise StoreError(f"not a cursor from this query: {cursor[:40]}") from None


class SQLStore:
    """Shared implementation; subclasses set ``conn`` and the hooks below."""

    url: str
    MIGRATIONS: list[tuple[str, str]] = []
    placeholder = "?"

    # -- hooks ------------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql

    def _tx(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _write_lock(self, name: str) -> None:
        """Serialise writers of one kind (migrations, fusion) inside the current transaction."""

    def _search(self, query: str) -> tuple[str, str, list[Any], str, list[Any]]:
        """(join, condition, its parameters, order by, its parameters) of a full-text search."""
        raise NotImplementedError

    def _split(self, sql: str) -> Iterable[str]:
        return [s for s in sql.split(";\n") if s.strip()]

    def _claim(self, version: str, limit: int) -> list[str]:
        raise NotImplementedError

    def release_claims(self) -> None:
        raise NotImplementedError

    # -- plumbing ---------------------------------------------------------------------------
    def _exec(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def _many(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            self.conn.cursor().executemany(self._sql(sql), rows)

    def _insert_many(self, table: str, columns: str, rows: list[tuple]) -> None:
        """Plain inserts of many rows (no conflict possible); PostgreSQL streams them with COPY."""
        marks = ",".join("?" * len(columns.split(",")))
        self._many(f"INSERT INTO {table}({columns}) VALUES ({marks})", rows)

    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return list(self._exec(sql, params).fetchall())

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        return self._exec(sql, params).fetchone()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.release_claims()
        finally:
            self.conn.close()

    # -- schema -----------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations, each in its own transaction; returns the names applied."""
        with self._tx():
            self._write_lock("migrate")
            self._exec("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        applied = []
        for name, sql in self.MIGRATIONS:
            with self._tx():
                self._write_lock("migrate")
                if self._one("SELECT 1 AS done FROM _migrations WHERE name = ?", (name,)):
                    continue
                for statement in self._split(sql):
                    self._exec(statement)
                self._exec("INSERT INTO _migrations VALUES (?, ?)", (name, now()))
            applied.append(name)
        return applied

    def analyze(self) -> None:
        """Refresh the planner's statistics (after a bulk load: the read plans depend on them)."""
        self._exec("ANALYZE")

    def migrations(self) -> list[str]:
        return [r["name"] for r in self._all("SELECT name FROM _migrations ORDER BY name")]

    # -- ingest -----------------------------------------------------------------------------
    def _outlet_id(self, name: str | None) -> int | None:
        if not name:
            return None
        cache = self.__dict__.setdefault("_outlet_ids", {})
        if name in cache:
            return cache[name]
        row = self._one("SELECT id FROM outlets WHERE name = ?", (name,))
        if not row:
            self._exec("INSERT INTO outlets(name, full_name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                       (name, outlet_full_name(name)))
            row = self._one("SELECT id FROM outlets WHERE name = ?", (name,))
        cache[name] = row["id"]
        return row["id"]

    def add_article(self, article: Article) -> bool:
        """Store an article; False if it was already there (same clean text)."""
        return self.add_articles([article])[0]

    def add_articles(self, articles: list[Article]) -> list[bool]:
        """Store a batch of articles in one transaction; for each, False if it was already there.

        One commit per batch, not per article: the write of a large ingest costs a fraction.
        A second source of a stored article is remembered, and a past failure of it forgotten.
        """
        if not articles:
            return []
        try:
            with self._tx():
                stored: set[str] = set()
                for part in chunks(sorted({a.id for a in articles})):
                    marks = ",".join("?" * len(part))
                    stored.update(r["id"] for r in self._all(f"SELECT id FROM articles WHERE id IN ({marks})", part))
                added, rows = [], []
                for a in articles:
                    new = a.id not in stored
                    stored.add(a.id)  # the same text twice in one batch is stored once
                    added.append(new)
                    if new:
                        rows.append((a.id, a.title, self._outlet_id(a.outlet), a.published, a.language, a.text,
                                     a.source, a.url, json.dumps(a.removed, ensure_ascii=False), now()))
                self._many("INSERT INTO articles(id, title, outlet_id, published, language, text, source, url, "
                           "removed, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                           rows)
                sourced = [(a.id, a.source) for a in articles if a.source]
                self._many("INSERT INTO article_sources VALUES (?, ?) ON CONFLICT DO NOTHING", sourced)
                for part in chunks(sorted({s for _, s in sourced})):
                    self._exec(f"DELETE FROM failures WHERE input IN ({','.join('?' * len(part))})", part)
        except BaseException:
            self.__dict__.pop("_outlet_ids", None)  # ids of outlets inserted by the rolled-back batch
            raise
        return added

    def add_failure(self, failure: Failure) -> None:
        self.add_failures([failure])

    def add_failures(self, failures: list[Failure]) -> None:
        """Record failures (one row per input and stage: the latest reason wins), in one transaction."""
        if not failures:
            return
        with self._tx():
            self._many(
                "INSERT INTO failures(input, stage, reason, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (input, stage) DO UPDATE SET reason = excluded.reason, at = excluded.at",
                [(f.input, f.stage, f.reason, now()) for f in failures],
            )

    def clear_failure(self, source: str | None) -> None:
        if source:
            with self._tx():
                self._exec("DELETE FROM failures WHERE input = ?", (source,))

    def claim_pending(self, version: str, limit: int = 20) -> list[Article]:
        """Claim up to ``limit`` articles not yet extracted with ``version`` for this process.

        Another process ingesting into the same database claims others, so the work is shared;
        a claim ends when the mentions are stored, when this store closes, or when its process
        is found dead.
        """
        ids = self._claim(version, limit)
        return self._articles_by_id(ids)

    def _articles_by_id(self, ids: list[str]) -> list[Article]:
        found: dict[str, Article] = {}
        for part in chunks(ids):
            marks = ",".join("?" * len(part))
            for r in self._all(
                "SELECT a.id, a.title, o.name AS outlet, a.published, a.language, a.text, a.source, a.url, "
                f"a.removed FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id IN ({marks})",
                part,
            ):
                found[r["id"]] = _article(r)
        return [found[i] for i in ids if i in found]

    def iter_articles(self, pending_for: str | None = None, batch: int = 8) -> Iterator[Article]:
        """Every stored article; with ``pending_for``, those not yet extracted with that pipeline
        version, claimed in batches (so that concurrent ingests share them)."""
        if pending_for is None:
            after = ""
            while True:
                ids = [r["id"] for r in self._all(
                    "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", (after, 200))]
                if not ids:
                    return
                yield from self._articles_by_id(ids)
                after = ids[-1]
        try:
            while True:
                claimed = self.claim_pending(pending_for, batch)
                if not claimed:
                    return
                yield from claimed
        finally:
            self.release_claims()

    def claim_articles(self, ids: list[str], version: str) -> list[Article]:
        """Claim, of the articles ``ids``, those not yet extracted with ``version`` and not claimed
        by anyone; returns them as stored, in the order of ``ids``.

        What ingest calls right after storing a batch, so that the articles it just read are
        extracted at once (a claim held by a dead process is freed by ``claim_pending``).
        """
        claimed: set[str] = set()
        with self._tx():
            for part in chunks(sorted(set(ids))):
                marks = ",".join("?" * len(part))
                claimed.update(r["id"] for r in self._all(
                    f"SELECT id FROM articles WHERE id IN ({marks}) AND claimed_by IS NULL AND "
                    f"(extracted_with IS NULL OR extracted_with != ?){self._skip_locked}", [*part, version]))
            self._many("UPDATE articles SET claimed_by = ?, claimed_at = ? WHERE id = ?",
                       [(self.owner, time.time(), i) for i in sorted(claimed)])
        order = list(dict.fromkeys(i for i in ids if i in claimed))
        return self._articles_by_id(order)

    _skip_locked = ""  # PostgreSQL: rows another claim holds are passed over, not waited for

    def set_mentions(self, article_id: str, mentions: list[EventMention], version: str) -> None:
        """Replace an article's mentions (re-extraction is idempotent) and end its claim."""
        self.set_mentions_many([(article_id, mentions)], version)

    def set_mentions_many(self, extracted: list[tuple[str, list[EventMention]]], version: str) -> None:
        """``set_mentions`` for a batch of articles, in one transaction: all of them or none."""
        if not extracted:
            return
        rows = [mention_row(aid, i, m) for aid, mentions in extracted for i, m in enumerate(mentions)]
        with self._tx():
            # a few statements per batch, not per article: a round trip each on PostgreSQL
            for part in chunks(list(dict.fromkeys(aid for aid, _ in extracted))):
                marks = ",".join("?" * len(part))
                old = f"SELECT id FROM mentions WHERE article_id IN ({marks})"
                # events that held the old mentions are told again by the next fusion
                self._exec("UPDATE events SET dirty = 1 WHERE seq IN (SELECT event_seq FROM event_mentions "
                           f"WHERE mention_id IN ({old}))", part)
                self._exec(f"DELETE FROM event_mentions WHERE mention_id IN ({old})", part)
                self._exec(f"DELETE FROM mentions WHERE article_id IN ({marks})", part)
                self._exec("UPDATE articles SET extracted_with = ?, claimed_by = NULL, claimed_at = NULL "
                           f"WHERE id IN ({marks})", [version, *part])
            self._insert_many("mentions", MENTION_COLUMNS, rows)
        for _ in extracted:  # after a commit: a kill here leaves some articles extracted
            crash_point("extract")

    # -- fusion -----------------------------------------------------------------------------
    @contextmanager
    def fusion(self) -> Iterator[_Fusion]:
        """One fusion step: a transaction holding the fusion lock (one fuser at a time)."""
        with self._tx():
            self._write_lock("fusion")
            yield _Fusion(self)

    def extracted(self) -> int:
        """Articles whose mentions are stored (with any pipeline version)."""
        return self._one("SELECT count(*) AS n FROM articles WHERE extracted_with IS NOT NULL")["n"]

    def unfused_mentions(self) -> int:
        """Mentions not yet assigned to a fused event (new, or re-extracted)."""
        return self._one("SELECT count(*) AS n FROM mentions WHERE fused = 0")["n"]

    # -- reads ------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {"articles", "outlets", "mentions", "failures", "events"}:
            raise ValueError(table)
        return self._one(f"SELECT count(*) AS n FROM {table}")["n"]

    def articles(self, query: str | None = None, outlet: str | None = None,
                 limit: int | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT a.id, a.title, o.name AS outlet, a.published, a.language, a.source, "
               "length(a.text) AS chars FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id")
        params: list[Any] = []
        where: list[str] = []
        order, order_params = " ORDER BY a.published, a.id", []
        if query:
            join, cond, cond_params, order, order_params = self._search(query)
            sql += join
            where.append(cond)
            params += cond_params
        if outlet:
            where.append("lower(o.name) = lower(?)")
            params.append(outlet)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += order
        params += order_params
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return self._all(sql, params)

    def article(self, ident: str) -> dict[str, Any] | None:
        rows = self._all(
            "SELECT a.id, a.title, a.outlet_id, a.published, a.language, a.text, a.source, a.url, a.removed, "
            "a.ingested_at, a.extracted_with, o.name AS outlet, o.full_name AS outlet_full_name FROM articles a "
            "LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id >= ? AND a.id < ? LIMIT 2",
            (ident, ident + TOP),
        )
        if len(rows) != 1:
            return None
        out = dict(rows[0])
        out["removed"] = json.loads(out["removed"] or "[]")
        out["mentions"] = [json.loads(r["record"]) for r in self._all(
            "SELECT record FROM mentions WHERE article_id = ? ORDER BY ordinal", (out["id"],))]
        return out

    def failures(self) -> list[dict[str, Any]]:
        return self._all("SELECT id, input, stage, reason, at FROM failures ORDER BY id")

    def mentions(self) -> Iterator[EventMention]:
        for r in self._all("SELECT record FROM mentions ORDER BY article_id, ordinal"):
            yield EventMention.from_dict(json.loads(r["record"]))

    def mentions_with_ids(self) -> Iterator[tuple[str, str, EventMention]]:
        """(mention id, article id, mention) for every mention, by article then position."""
        for r in self._all("SELECT id, article_id, record FROM mentions ORDER BY article_id, ordinal"):
            yield r["id"], r["article_id"], EventMention.from_dict(json.loads(r["record"]))

    def mention_records(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for part in chunks(list(ids)):
            marks = ",".join("?" * len(part))
            for r in self._all(f"SELECT id, record FROM mentions WHERE id IN ({marks})", part):
                out[r["id"]] = json.loads(r["record"])
        return out

    def mentions_with_outlets(self) -> list[tuple[str | None, EventMention]]:
        """Every mention with its outlet, by event date then outlet (the demo's tour)."""
        return [(r["outlet"], EventMention.from_dict(json.loads(r["record"]))) for r in self._all(
            "SELECT o.name AS outlet, m.record FROM mentions m JOIN articles a ON a.id = m.article_id "
            "LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY m.event_date, o.name, m.id")]

    def outlet_summary(self) -> list[dict[str, Any]]:
        """Per outlet: articles stored and boilerplate paragraphs removed."""
        out: dict[str, dict[str, Any]] = {}
        for r in self._all("SELECT o.name AS outlet, a.removed FROM articles a JOIN outlets o ON o.id = a.outlet_id"):
            row = out.setdefault(r["outlet"], {"outlet": r["outlet"], "articles": 0, "removed": 0})
            row["articles"] += 1
            row["removed"] += len(json.loads(r["removed"] or "[]"))
        return [out[k] for k in sorted(out)]

    def outlet_names(self) -> list[str]:
        """Every outlet's name, sorted (an index read: for pick lists)."""
        return [r["name"] for r in self._all("SELECT name FROM outlets ORDER BY name")]

    def article_sources(self) -> list[tuple[str, str]]:
        return [(r["article_id"], r["source"]) for r in self._all(
            "SELECT article_id, source FROM article_sources ORDER BY article_id, source")]

    def event_assignments(self) -> dict[str, str]:
        return {r["mention_id"]: r["event_id"] for r in self._all("SELECT mention_id, event_id FROM event_mentions")}

    # -- events -----------------------------------------------------------------------------
    @staticmethod
    def _term_ranges(where: EventFilter) -> list[tuple[str, str, str]]:
        """(field, low, high) of each word the actor, place and outlet filters look up."""
        terms = [(f, w, w + TOP) for f, text in (("actor", where.actor), ("place", where.place)) for w in words(text)]
        if where.outlet:
            terms.append(("outlet", where.outlet.lower(), where.outlet.lower() + "\x01"))  # the whole name only
        return terms

    def _event_where(self, where: EventFilter, skip: tuple[str, str, str] | None = None,
                     probe: bool = False) -> tuple[list[str], list[Any]]:
        """SQL conditions on ``events e``; the term ``skip`` is left out (the caller reads the
        events through it), and with ``probe`` every term is checked event by event."""
        conds: list[str] = []
        params: list[Any] = []
        if where.type:
            conds.append("e.type = ?")
            params.append(where.type.upper())
        self._dates(where, conds, params, "e.")
        if where.admin1:
            conds.append("e.admin1_key = ?")
            params.append(where.admin1.lower())
        if where.multi:
            conds.append("e.n_outlets >= 2")
        if where.contradicted:
            conds.append("e.n_contradictions > 0")
        if where.bbox is not None:
            west, south, east, north = where.bbox
            conds.append("e.latitude BETWEEN ? AND ?")
            params += [south, north]
            if west <= east:
                conds.append("e.longitude BETWEEN ? AND ?")
                params += [west, east]
            else:
                conds.append("(e.longitude >= ? OR e.longitude <= ?)")
                params += [west, east]
        if where.acled_type:
            conds.append("EXISTS (SELECT 1 FROM event_mentions em JOIN mentions m ON m.id = em.mention_id "
                         "WHERE em.event_seq = e.seq AND lower(m.acled_event_type) = ?)")
            params.append(where.acled_type.lower())
        terms = [t for t in self._term_ranges(where) if t != skip]
        for field_, lo, hi in terms:
            # a rare word: fetch its events through the term index; a common one: walk the events
            # in sort order and probe each (the first page is then found early, with no sort)
            if probe or self._common_term(field_, lo, hi):
                conds.append("EXISTS (SELECT 1 FROM event_terms t WHERE t.event_seq = e.seq AND t.field = ? "
                             "AND t.term >= ? AND t.term < ?)")
            else:
                conds.append("e.id IN (SELECT event_id FROM event_terms WHERE field = ? AND term >= ? AND term < ?)")
            params += [field_, lo, hi]
        if where.ids is not None:
            conds.append(f"e.id IN ({','.join('?' * len(where.ids)) or 'NULL'})")
            params += where.ids
        return conds, params

    COMMON_TERM = 2000

    def _common_term(self, field_: str, lo: str, hi: str) -> bool:
        row = self._one("SELECT count(*) AS n FROM (SELECT 1 FROM event_terms WHERE field = ? AND term >= ? "
                        "AND term < ? LIMIT ?) AS hits", (field_, lo, hi, self.COMMON_TERM))
        return row["n"] >= self.COMMON_TERM

    # A word whose prefix spans several terms is read in date order only if it has fewer events
    # than this (in the dates asked): its entries are sorted per slice
    DRIVING_TERM = 10_000
    # ... unless a type or governorate filter holds at most this many times the word's events
    WALK_RATIO = 5

    @staticmethod
    def _dates(where: EventFilter, conds: list[str], params: list[Any], table: str = "") -> None:
        """The date filter's conditions, on ``sort_date`` of ``table`` ("e." or none)."""
        if where.since:
            conds.append(f"{table}sort_date >= ?")
            params.append(where.since)
        if where.until:
            conds.append(f"{table}sort_date > '' AND {table}sort_date <= ?")
            params.append(where.until + TOP)

    def _streams(self, where: EventFilter) -> list[tuple[str, str, list[str], list[Any], tuple[str, str, str] | None]]:
        """The ordered ways into a date-sorted page: (table, id column, conditions, parameters,
        the word it stands for), each listing (sort_date, id) in date order from an index alone.
        Today at most one: the rarest filter word's entries in ``event_terms`` (keyed by word,
        then date), when it is rare enough; none means walking the date index as the planner
        chooses. (Intersecting the word with the governorate's or type's index was measured at
        1M mentions and read more than the walk: the two rarely meet.)"""
        if where.ids is not None:
            return []
        best: tuple[int, tuple[str, str, str], list[str], list[Any]] | None = None
        for term in self._term_ranges(where):
            field_, lo, hi = term
            # a prefix that names one word is that word: its entries are then in date order in
            # the key (a range of several words has to be sorted, which only a rare one affords)
            # (the first and the last word of the range: one index seek each; min() and max() in
            # one query would make SQLite scan the range)
            ends = [self._one(f"SELECT term FROM event_terms WHERE field = ? AND term >= ? AND term < ? "
                              f"ORDER BY field{d}, term{d} LIMIT 1", (field_, lo, hi)) for d in ("", " DESC")]
            one = ends[0] is not None and ends[0]["term"] == ends[1]["term"]
            conds, params = (["field = ?", "term = ?"], [field_, ends[0]["term"]]) if one else \
                (["field = ?", "term >= ?", "term < ?"], [field_, lo, hi])
            self._dates(where, conds, params)
            row = self._one(f"SELECT count(*) AS n FROM (SELECT 1 FROM event_terms WHERE {' AND '.join(conds)} "
                            "LIMIT ?) AS hits", [*params, self.DRIVING_TERM])
            n = row["n"]
            if n >= self.DRIVING_TERM and not one:
                continue
            if best is None or n < best[0]:
                best = (n, term, conds, params)
        if best is None or best[0] >= self.DRIVING_TERM:
            return []  # a common word: walking the date index and probing it reads no more rows
        # a governorate or type in the dates asked may be the better way in: walking its
        # (column, sort_date, id) index reads about S/T events per page event, the word's way
        # T/S of T; the walk also probes the word at each, so it wins unless the column holds
        # many times the word's events
        for column, value in (("admin1_key", where.admin1 and where.admin1.lower()),
                              ("type", where.type and where.type.upper())):
            if value:
                conds, params = [f"{column} = ?"], [value]
                self._dates(where, conds, params)
                most = best[0] * self.WALK_RATIO
                row = self._one(f"SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE {' AND '.join(conds)} "
                                "LIMIT ?) AS hits", [*params, most + 1])
                if row["n"] <= most:
                    return []
        return [("event_terms", "event_id", best[2], best[3], best[1])]

    def _events_through(self, where: EventFilter, streams: list, desc: bool, after: tuple | None,
                        limit: int) -> list[Event]:
        """A date-sorted page read through ordered index streams (see ``_streams``): a growing
        slice of (date, id) entries from each, intersected up to the nearest slice end, the
        events in all of them fetched by id and checked against the other filters, until the
        page is full or the streams run out. Index entries are read in order, a few hundred to
        a page; rows only for the events the streams list, and no more than the page needs."""
        direction = " DESC" if desc else ""
        word = streams[0][4]
        conds, params = self._event_where(where, skip=word, probe=True)
        out: list[Event] = []
        step = limit + 1

        def beyond(key: tuple, edge: tuple) -> bool:
            return key < edge if desc else key > edge

        while len(out) < limit:
            slices, edge, ended = [], None, True
            for table, ident, base_conds, base_params, _ in streams:
                keyset, keyset_params = list(base_conds), list(base_params)
                if after is not None:
                    keyset.append(f"(sort_date, {ident}) {'<' if desc else '>'} (?, ?)")
                    keyset_params += list(after)
                rows = self._tuples(
                    f"SELECT sort_date, {ident} FROM {table} WHERE {' AND '.join(keyset)} "
                    f"ORDER BY sort_date{direction}, {ident}{direction} LIMIT ?", [*keyset_params, step])
                slices.append(rows)
                if len(rows) == step:  # more beyond this slice: entries past its end are not known yet
                    ended = False
                    last = tuple(rows[-1])
                    edge = last if edge is None or beyond(edge, last) else edge
            # the entries every stream has listed up to the nearest slice end (all, if each ran out)
            known = [{r[1] for r in rows if edge is None or not beyond(tuple(r), edge)} for rows in slices[1:]]
            ids = list(dict.fromkeys(r[1] for r in slices[0] if (edge is None or not beyond(tuple(r), edge))
                                     and all(r[1] in k for k in known)))
            at = 0
            while at < len(ids) and len(out) < limit:
                part = ids[at:at + min(CHUNK, limit - len(out))]  # no more rows than the page still needs
                at += len(part)
                marks = ",".join("?" * len(part))
                # no ORDER BY: the ids come in page order already, and a sort in SQL may lead the
                # planner to walk a whole (type, date) index instead of looking the ids up
                rows = {r["id"]: r["summary"] for r in self._all(
                    f"SELECT e.id, e.summary FROM events e WHERE e.id IN ({marks})"
                    + "".join(f" AND {c}" for c in conds), [*part, *params])}
                out.extend(Event.from_dict(json.loads(rows[i])) for i in part if i in rows)
            if ended or edge is None:
                break
            after = edge
            step = min(step * 4, 4000)
        return out[:limit]

    def query_events(self, where: EventFilter, sort: str = "date", after: tuple | None = None,
                     limit: int = 50) -> list[Event]:
        """One page of events matching ``where`` in ``sort`` order, after the key ``after``."""
        column, desc = SORTS[sort]
        if column == "sort_date":
            streams = self._streams(where)
            if streams:
                return self._events_through(where, streams, desc, after, limit)
        conds, params = self._event_where(where)
        if after is not None:
            conds.append(f"({column}, e.id) {'<' if desc else '>'} (?, ?)")
            params += list(after)
        sql = "SELECT e.summary FROM events e"
        if conds:
            sql += " WHERE " + " AND ".join(conds)
        direction = " DESC" if desc else ""
        sql += f" ORDER BY e.{column}{direction}, e.id{direction} LIMIT ?"
        params.append(limit)
        return [Event.from_dict(json.loads(r["summary"])) for r in self._all(sql, params)]

    def count_events(self, where: EventFilter | None = None) -> int:
        conds, params = self._event_where(where or EventFilter())
        sql = "SELECT count(*) AS n FROM events e" + (" WHERE " + " AND ".join(conds) if conds else "")
        return self._one(sql, params)["n"]

    def find_events(self, prefix: str, limit: int = 2) -> list[Event]:
        """Events whose id starts with ``prefix`` (an index range, not a scan)."""
        return [Event.from_dict(json.loads(r["summary"])) for r in self._all(
            "SELECT summary FROM events WHERE id >= ? AND id < ? ORDER BY id LIMIT ?", (prefix, prefix + TOP, limit))]

    def event_sources(self, event_id: str) -> list[dict[str, Any]]:
        """Each mention of an event with its outlet, publication date and title, in fusion order."""
        return [{"outlet": r["outlet"], "published": r["published"], "title": r["title"],
                 "record": json.loads(r["record"])} for r in self._all(
            "SELECT m.record, o.name AS outlet, a.published, a.title FROM events e "
            "JOIN event_mentions em ON em.event_seq = e.seq "
            "JOIN mentions m ON m.id = em.mention_id JOIN articles a ON a.id = m.article_id "
            "LEFT JOIN outlets o ON o.id = a.outlet_id WHERE e.id = ? ORDER BY em.position",
            (event_id,))]


    def event_points(self, where: EventFilter | None = None, limit: int = 100_000) -> list[dict[str, Any]]:
        """The located events matching ``where`` as small rows for a map (indexed columns only)."""
        conds, params = self._event_where(where or EventFilter())
        conds.append("e.latitude IS NOT NULL AND e.longitude IS NOT NULL")
        return self._all(
            "SELECT e.id, e.type, e.event_date AS date, e.location, e.admin1, e.latitude, e.longitude, "
            "e.killed_min, e.killed_max, e.n_outlets, e.n_contradictions FROM events e WHERE "
            + " AND ".join(conds) + " ORDER BY e.sort_date, e.id LIMIT ?", [*params, limit])

    def _tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        """Rows as plain tuples: for long answers, where a dict per row costs more than the query."""
        return [tuple(r.values()) for r in self._all(sql, params)]

    def compact_points(self, where: EventFilter | None = None, limit: int = 100_000) -> list[tuple]:
        """``(id, latitude, longitude, disputed)`` of the located events matching ``where``, in
        the order of ``event_points``: what a map draws before anyone clicks, and no more."""
        conds, params = self._event_where(where or EventFilter())
        conds.append("e.latitude IS NOT NULL AND e.longitude IS NOT NULL")
        return self._tuples(
            "SELECT e.id, e.latitude, e.longitude, e.n_contradictions FROM events e WHERE "
            + " AND ".join(conds) + " ORDER BY e.sort_date, e.id LIMIT ?", [*params, limit])

    def event_counts(self, where: EventFilter | None = None) -> list[dict[str, Any]]:
        """Matching events counted by date (as fused, '' when unknown) and type."""
        conds, params = self._event_where(where or EventFilter())
        sql = "SELECT e.sort_date AS date, e.type, count(*) AS n FROM events e"
        if conds:
            sql += " WHERE " + " AND ".join(conds)
        # grouped in the order of the (type, sort_date, id) index, so that no sort is needed
        rows = self._all(sql + " GROUP BY e.type, e.sort_date", params)
        return sorted(rows, key=lambda r: (r["date"], r["type"]))


def _article(r: dict[str, Any]) -> Article:
    return Article(id=r["id"], title=r["title"], outlet=r["outlet"], published=r["published"],
                   language=r["language"], text=r["text"], source=r["source"], url=r["url"],
                   removed=json.loads(r.get("removed") or "[]"))


LEAD_CHARS = 600  # fusion compares the opening of each report (see sitrep.fuse.events.view)


class _Fusion:
    """The store's side of one fusion step (see ``sitrep.fuse.events.fuse_store``)."""

    def __init__(self, store: SQLStore):
        self.store = store

    def batch(self) -> FusionBatch:
        s = self.store
        mentions = s._all(
            "SELECT m.id, m.article_id, o.name AS outlet, a.published, m.record, "
            f"substr(a.text, 1, {LEAD_CHARS}) AS lead FROM mentions m "
            "JOIN articles a ON a.id = m.article_id LEFT JOIN outlets o ON o.id = a.outlet_id "
            "WHERE m.fused = 0 ORDER BY m.article_id, m.ordinal")
        dirty = [r["id"] for r in s._all("SELECT id FROM events WHERE dirty = 1 ORDER BY id")]
        return FusionBatch([dict(r) for r in mentions], dirty)

    def events_for_keys(self, keys: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for part in chunks(sorted(set(keys))):
            marks = ",".join("?" * len(part))
            found.update(r["event_id"] for r in self.store._all(
                f"SELECT DISTINCT event_id FROM event_blocks WHERE key IN ({marks})", part))
        return found

    def members(self, event_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for part in chunks(sorted(set(event_ids))):
            marks = ",".join("?" * len(part))
            for r in self.store._all(
                "SELECT e.id AS event_id, m.id, m.article_id, o.name AS outlet, a.published, m.record, "
                f"substr(a.text, 1, {LEAD_CHARS}) AS lead "
                "FROM events e JOIN event_mentions em ON em.event_seq = e.seq JOIN mentions m ON m.id = em.mention_id "
                "JOIN articles a ON a.id = m.article_id LEFT JOIN outlets o ON o.id = a.outlet_id "
                f"WHERE e.id IN ({marks}) ORDER BY e.id, em.position", part,
            ):
                out.setdefault(r["event_id"], []).append(dict(r))
        return out

    def article_mentions(self, article_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Every mention of the given articles (fusion looks there for denials told apart)."""
        out: list[dict[str, Any]] = []
        for part in chunks(sorted(set(article_ids))):
            marks = ",".join("?" * len(part))
            out.extend(dict(r) for r in self.store._all(
                "SELECT m.id, m.article_id, o.name AS outlet, a.published, m.record, '' AS lead FROM mentions m "
                "JOIN articles a ON a.id = m.article_id LEFT JOIN outlets o ON o.id = a.outlet_id "
                f"WHERE m.article_id IN ({marks}) ORDER BY m.article_id, m.ordinal", part))
        return out

    def write(self, events: list[tuple[Event, set[str]]], deleted: Iterable[str], fused: Iterable[str]) -> None:
        """Rewrite the touched events (and drop the merged-away ones); mark mentions fused."""
        s = self.store
        gone = sorted(set(deleted) | {e.id for e, _ in events})
        seqs: list[tuple[int]] = []
        for part in chunks(gone):
            seqs += s._tuples(f"SELECT seq FROM events WHERE id IN ({','.join('?' * len(part))})", part)
        for table in ("event_blocks", "event_terms", "event_mentions"):
            s._many(f"DELETE FROM {table} WHERE event_seq = ?", seqs)
        s._many("DELETE FROM events WHERE id = ?", [(eid,) for eid in gone])
        # a rewritten event is numbered anew, after every event there is (one fuser at a time)
        first = s._one("SELECT coalesce(max(seq), 0) AS n FROM events")["n"] + 1
        numbered = [(e, keys, first + i) for i, (e, keys) in enumerate(events)]
        marks = ",".join("?" * 22)
        s._many(f"INSERT INTO events({EVENT_COLUMNS}, seq, dirty) VALUES ({marks}, 0)",
                [(*event_row(e), seq) for e, _, seq in numbered])
        s._many("INSERT INTO event_mentions(mention_id, event_id, position, event_seq) VALUES (?, ?, ?, ?)",
                [(m, e.id, i, seq) for e, _, seq in numbered for i, m in enumerate(e.mentions)])
        s._many("INSERT INTO event_terms(field, term, sort_date, event_id, event_seq) VALUES (?, ?, ?, ?, ?)",
                [(f, t, e.date or "", e.id, seq) for e, _, seq in numbered for f, t in sorted(event_terms(e))])
        s._many("INSERT INTO event_blocks(key, event_id, event_seq) VALUES (?, ?, ?)",
                [(k, e.id, seq) for e, keys, seq in numbered for k in sorted(keys)])
        s._many("UPDATE mentions SET fused = 1 WHERE id = ?", [(m,) for m in fused])
        crash_point("fusion")  # before the commit: a kill here must leave no half-written events
