"""SQLite store (the default): one file, schema built by numbered migrations, each in a transaction.

Plain tables with JSON in TEXT columns so that the file opens in Datasette as it is. Articles
are keyed by the hash of their clean text, so ingesting the same article twice stores it once;
an interrupted ingest is finished by running it again. WAL mode lets readers run while one
writer writes; concurrent ingests share the extraction by claiming batches of articles.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitrep.store.common import SQLStore, mention_row  # noqa: F401 - mention_row kept importable here

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE outlets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            full_name TEXT
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT,
            outlet_id INTEGER REFERENCES outlets(id),
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            source TEXT,
            url TEXT,
            removed TEXT,          -- JSON list of boilerplate paragraphs, for audit
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_outlet ON articles(outlet_id);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE article_sources (
            article_id TEXT NOT NULL REFERENCES articles(id),
            source TEXT NOT NULL,
            PRIMARY KEY (article_id, source)
        );
        CREATE TABLE mentions (
            id TEXT PRIMARY KEY,   -- article id + ordinal
            article_id TEXT NOT NULL REFERENCES articles(id),
            ordinal INTEGER NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            acled_event_type TEXT,
            acled_sub_event_type TEXT,
            cameo TEXT,
            actor1 TEXT,
            actor2 TEXT,
            location TEXT,
            admin1 TEXT,
            country TEXT,
            latitude REAL,
            longitude REAL,
            event_date TEXT,
            date_precision TEXT,
            killed INTEGER,
            injured INTEGER,
            claimant TEXT,
            modality TEXT,
            confidence REAL,
            evidence TEXT,
            record TEXT NOT NULL   -- the full JSON record
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_type ON mentions(type);
        CREATE INDEX mentions_date ON mentions(event_date);
        CREATE TABLE failures (
            id INTEGER PRIMARY KEY,
            input TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (input, stage)
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content="articles", content_rowid="rowid"
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        """,
    ),
    (
        "0002_extraction_state",
        """
        -- pipeline version that produced the article's mentions; NULL = not extracted yet
        ALTER TABLE articles ADD COLUMN extracted_with TEXT;
        """,
    ),
    (
        "0003_events",
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            event_date TEXT,
            location TEXT,
            admin1 TEXT,
            country TEXT,
            latitude REAL,
            longitude REAL,
            actor1 TEXT,
            actor2 TEXT,
            killed_min INTEGER,
            killed_max INTEGER,
            outlets TEXT,          -- JSON list
            n_mentions INTEGER NOT NULL,
            n_contradictions INTEGER NOT NULL,
            earliest_report TEXT,
            summary TEXT NOT NULL  -- JSON: the fused record, figures by outlet, contradictions
        );
        CREATE INDEX events_date ON events(event_date);
        CREATE INDEX events_type ON events(type);
        CREATE TABLE event_mentions (
            mention_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(id)
        );
        CREATE INDEX event_mentions_event ON event_mentions(event_id);
        """,
    ),
    (
        "0004_store_v2",
        """
        -- claims: which process is extracting an article (concurrent ingests share the work)
        ALTER TABLE articles ADD COLUMN claimed_by TEXT;
        ALTER TABLE articles ADD COLUMN claimed_at REAL;
        -- fusion is incremental: a mention is fused once, into one event
        ALTER TABLE mentions ADD COLUMN fused INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX mentions_unfused ON mentions(fused) WHERE fused = 0;
        -- events are derived: rebuilt from the mentions by the next 'sitrep fuse'
        DROP TABLE event_mentions;
        DROP TABLE events;
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            event_date TEXT,
            location TEXT,
            admin1 TEXT,
            country TEXT,
            latitude REAL,
            longitude REAL,
            actor1 TEXT,
            actor2 TEXT,
            killed_min INTEGER,
            killed_max INTEGER,
            outlets TEXT,          -- JSON list
            n_mentions INTEGER NOT NULL,
            n_contradictions INTEGER NOT NULL,
            earliest_report TEXT,
            summary TEXT NOT NULL, -- JSON: the fused record (model.Event)
            sort_date TEXT NOT NULL,       -- event_date, '' when unknown
            sort_killed INTEGER NOT NULL,  -- killed_max, -1 when unknown
            n_outlets INTEGER NOT NULL,
            admin1_key TEXT NOT NULL,      -- lower(admin1), '' when unknown
            dirty INTEGER NOT NULL DEFAULT 0  -- a member was re-extracted: fuse again
        );
        CREATE INDEX events_date ON events(sort_date, id);
        CREATE INDEX events_type_date ON events(type, sort_date, id);
        CREATE INDEX events_admin1_date ON events(admin1_key, sort_date, id);
        CREATE INDEX events_killed ON events(sort_killed, id);
        CREATE INDEX events_outlets ON events(n_outlets, sort_date, id);
        CREATE INDEX events_dirty ON events(dirty) WHERE dirty = 1;
        CREATE TABLE event_mentions (
            mention_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE INDEX event_mentions_event ON event_mentions(event_id, position);
        CREATE TABLE event_terms (
            field TEXT NOT NULL,   -- actor | place | outlet
            term TEXT NOT NULL,
            event_id TEXT NOT NULL,
            PRIMARY KEY (field, term, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_terms_event ON event_terms(event_id, field, term);
        CREATE TABLE event_blocks (
            key TEXT NOT NULL,     -- fusion's blocking key: type, day and area
            event_id TEXT NOT NULL,
            PRIMARY KEY (key, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_blocks_event ON event_blocks(event_id);
        UPDATE mentions SET fused = 0;
        """,
    ),
    (
        "0005_term_dates",
        """
        -- a term's events in date order straight from its key: a filter on a rare word (one
        -- town of 300) reads its first page without fetching and sorting every event it names,
        -- and fusion's new events (the latest days) go in at the end of each term's range
        CREATE TABLE event_terms_dated (
            field TEXT NOT NULL,
            term TEXT NOT NULL,
            sort_date TEXT NOT NULL,  -- the event's sort_date
            event_id TEXT NOT NULL,
            PRIMARY KEY (field, term, sort_date, event_id)
        ) WITHOUT ROWID;
        INSERT INTO event_terms_dated SELECT t.field, t.term, coalesce(e.sort_date, ''), t.event_id
            FROM event_terms t LEFT JOIN events e ON e.id = t.event_id;
        DROP TABLE event_terms;
        ALTER TABLE event_terms_dated RENAME TO event_terms;
        CREATE INDEX event_terms_event ON event_terms(event_id, field, term);
        """,
    ),
    (
        # (0006 is PostgreSQL's own: its full-text column becomes a trigger)
        "0007_event_seq",
        """
        -- each event gets an increasing number, given when fusion writes it; its mention list,
        -- words and blocking keys are found by that number, not by the hashed public id, so
        -- that the events fusion writes go in at the end of those indexes instead of dirtying a
        -- random page each (at 100k mentions, +1,000 articles dirtied 12,400 pages, 8,000 of
        -- them in the by-event indexes)
        ALTER TABLE events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
        UPDATE events SET seq = rowid;
        CREATE UNIQUE INDEX events_seq ON events(seq);
        ALTER TABLE event_mentions ADD COLUMN event_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE event_mentions SET event_seq = coalesce((SELECT e.seq FROM events e WHERE e.id = event_mentions.event_id), 0);
        DROP INDEX event_mentions_event;
        CREATE INDEX event_mentions_event ON event_mentions(event_seq, position);
        ALTER TABLE event_terms ADD COLUMN event_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE event_terms SET event_seq = coalesce((SELECT e.seq FROM events e WHERE e.id = event_terms.event_id), 0);
        DROP INDEX event_terms_event;
        CREATE INDEX event_terms_event ON event_terms(event_seq, field, term);
        ALTER TABLE event_blocks ADD COLUMN event_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE event_blocks SET event_seq = coalesce((SELECT e.seq FROM events e WHERE e.id = event_blocks.event_id), 0);
        DROP INDEX event_blocks_event;
        CREATE INDEX event_blocks_event ON event_blocks(event_seq);
        """,
    ),
    (
        # the walks in date (or toll) order probe each event's words by its number: with the
        # number in the walked index, an event that fails the probe is never read from the
        # table (since 0007, each walked event's row was read for its seq: at 1M mentions an
        # outlet + type page walked ~400 rows for 50, p50 27 ms, 15 ms with this)
        "0008_walk_seq",
        """
        DROP INDEX events_date;
        CREATE INDEX events_date ON events(sort_date, id, seq);
        DROP INDEX events_type_date;
        CREATE INDEX events_type_date ON events(type, sort_date, id, seq);
        DROP INDEX events_admin1_date;
        CREATE INDEX events_admin1_date ON events(admin1_key, sort_date, id, seq);
        DROP INDEX events_killed;
        CREATE INDEX events_killed ON events(sort_killed, id, seq);
        DROP INDEX events_outlets;
        CREATE INDEX events_outlets ON events(n_outlets, sort_date, id, seq);
        """,
    ),
]


# SQLite's page cache per connection, in KB: the default, and during a fusion step. Fusion's
# cache was 64 MB too (before 0007_event_seq, its inserts dirtied pages all over the by-event
# indexes, and at 100k mentions a 2 MB cache spent 1.8 s in SQL against 0.5 s). Since 0007 they
# go in at the indexes' ends, and the 64 MB only grew with the database: +1,000 articles fused
# held 10.6 MB of SQLite pages in an empty database, 25.4 MB at 100k mentions, 34.2 MB at 200k,
# up to the full 64 MB at 1M (peak RSS 1.2x, 1.3x, up to 2x the empty database's). With 8 MB:
# at 1M, the same CPU time (0.76-0.79 s against 0.84-1.01 s) and peak RSS 1.02-1.03x; the first
# fusion of 10,000 articles the same CPU time too (it spills some pages: 240 MB written, not 198).
CACHE_KB = 65536
FUSION_CACHE_KB = 8192

# A claim whose process is gone (killed) is taken over; one older than this is taken over too.
CLAIM_LEASE_S = 3600.0


def _dict_row(cursor: sqlite3.Cursor, row: tuple) -> dict[str, Any]:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


def _use_wal(conn: sqlite3.Connection, seconds: float) -> None:
    """Switch a database to WAL. Two processes opening a new database at once both switch it, and
    SQLite answers the loser "database is locked" at once, without its busy wait (two ingests
    started together failed so about once in 150): the switch is tried again until ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SQLiteStore(SQLStore):
    """A sitrep database file. Use as a context manager or call ``close()``."""

    MIGRATIONS = MIGRATIONS

    def __init__(self, path: str | Path = "sitrep.db"):
        self.path = str(path)
        self.url = self.path
        # autocommit: transactions are explicit (BEGIN IMMEDIATE), so a writer never has to
        # upgrade a read lock; the long timeout lets a second ingest wait for a fusion step
        self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=600, check_same_thread=False)
        self.conn.row_factory = _dict_row
        _use_wal(self.conn, 600)
        self.conn.execute("PRAGMA synchronous = NORMAL")  # WAL: a killed process loses nothing committed
        self.conn.execute("PRAGMA foreign_keys = ON")
        # 64 MB of pages (SQLite's default is 2 MB) for reads and ingest; fusion sets its own
        self.conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")
        self._depth = 0
        # one owner per open store (two stores in one process claim apart), dead with its process
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.migrate()

    @contextmanager
    def _tx(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def _split(self, sql: str) -> Iterable[str]:
        return _split_sql(sql)

    @contextmanager
    def fusion(self) -> Iterator[Any]:
        """A fusion step (see ``SQLStore.fusion``) with a page cache that does not grow with the
        database: what a fusion holds depends on its new mentions, not on the stored size."""
        self.conn.execute(f"PRAGMA cache_size = -{FUSION_CACHE_KB}")
        try:
            with super().fusion() as session:
                yield session
        finally:
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")

    def migrate(self) -> list[str]:
        applied = super().migrate()
        # rebuilt indexes lose their statistics: where the planner had some (an analysed
        # database, e.g. a bulk-built one), it gets them back rather than guessing
        if "0008_walk_seq" in applied and self._one("SELECT 1 AS x FROM sqlite_master WHERE name = 'sqlite_stat1'"):
            self._exec("ANALYZE events")
        return applied

    def _tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return cursor.execute(self._sql(sql), tuple(params)).fetchall()

    def _search(self, query: str) -> tuple[str, str, list[Any], str, list[Any]]:
        return (" JOIN articles_fts f ON f.rowid = a.rowid", "articles_fts MATCH ?", [_fts_query(query)],
                " ORDER BY rank", [])

    def _claim(self, version: str, limit: int) -> list[str]:
        with self._tx():
            self._release_dead()
            ids = [r["id"] for r in self._all(
                "SELECT id FROM articles WHERE (extracted_with IS NULL OR extracted_with != ?) "
                "AND claimed_by IS NULL ORDER BY rowid LIMIT ?", (version, limit))]
            self._many("UPDATE articles SET claimed_by = ?, claimed_at = ? WHERE id = ?",
                       [(self.owner, time.time(), i) for i in ids])
        return ids

    def _release_dead(self) -> None:
        """Free the claims of processes that died (kill -9) or overran the lease."""
        host = socket.gethostname()
        for r in self._all("SELECT DISTINCT claimed_by FROM articles WHERE claimed_by IS NOT NULL"):
            owner = r["claimed_by"]
            if owner == self.owner:
                continue
            parts = owner.rsplit(":", 2)  # host:pid:nonce
            owner_host, pid = (parts[0], parts[1]) if len(parts) == 3 else ("", "")
            if owner_host == host and pid.isdigit() and not _alive(int(pid)):
                self._exec("UPDATE articles SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ?", (owner,))
        self._exec("UPDATE articles SET claimed_by = NULL, claimed_at = NULL WHERE claimed_at < ?",
                   (time.time() - CLAIM_LEASE_S,))

    def release_claims(self) -> None:
        with self._tx():
            self._exec("UPDATE articles SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ?",
                       (self.owner,))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# The name earlier versions exported.
Store = SQLiteStore


def _fts_query(query: str) -> str:
    """Quote each word so user text never breaks FTS5 syntax."""
    # NUL ends an FTS5 string early ("unterminated string"): it can match nothing, so it goes
    words = [w.replace("\x00", "").replace('"', '""') for w in query.split() if w.strip("\x00 ")]
    return " ".join(f'"{w}"' for w in words) or '""'


def _split_sql(sql: str) -> Iterable[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statement: list[str] = []
    depth = 0
    for line in sql.strip().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        statement.append(line)
        upper = stripped.upper()
        if upper.endswith("BEGIN"):
            depth += 1
        if upper.startswith("END;"):
            depth -= 1
        if depth == 0 and stripped.endswith(";"):
            yield "\n".join(statement)
            statement = []
    if statement:
        yield "\n".join(statement)
