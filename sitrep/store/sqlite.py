"""SQLite store: one file, schema built by numbered migrations, each in a transaction.

Plain tables with JSON in TEXT columns so that the file opens in Datasette as it is. Articles
are keyed by the hash of their clean text, so ingesting the same article twice stores it once;
an interrupted ingest is finished by running it again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.ingest.metadata import outlet_full_name
from sitrep.model import Article, EventMention, Failure

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
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A sitrep database file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path = "sitrep.db"):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations, each in its own transaction; returns the names applied."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            try:
                self.conn.execute("BEGIN")
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO _migrations VALUES (?, ?)", (name, _now()))
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM _migrations ORDER BY name")]

    # -- writing --------------------------------------------------------------------------
    def _outlet_id(self, name: str | None) -> int | None:
        if not name:
            return None
        row = self.conn.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        cur = self.conn.execute(
            "INSERT INTO outlets(name, full_name) VALUES (?, ?)", (name, outlet_full_name(name))
        )
        return cur.lastrowid

    def add_article(self, article: Article) -> bool:
        """Store an article; False if it was already there (same clean text)."""
        with self.conn:
            exists = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
            if not exists:
                self.conn.execute(
                    "INSERT INTO articles(id, title, outlet_id, published, language, text, source, url,"
                    " removed, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id, article.title, self._outlet_id(article.outlet), article.published,
                        article.language, article.text, article.source, article.url,
                        json.dumps(article.removed, ensure_ascii=False), _now(),
                    ),
                )
            # a second source of a stored article is remembered, and a past failure forgotten
            if article.source:
                self.conn.execute(
                    "INSERT OR IGNORE INTO article_sources VALUES (?, ?)", (article.id, article.source)
                )
            self.clear_failure(article.source)
        return not exists

    def add_failure(self, failure: Failure) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO failures(input, stage, reason, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(input, stage) DO UPDATE SET reason = excluded.reason, at = excluded.at",
                (failure.input, failure.stage, failure.reason, _now()),
            )

    def clear_failure(self, source: str | None) -> None:
        if source:
            self.conn.execute("DELETE FROM failures WHERE input = ?", (source,))

    def set_mentions(self, article_id: str, mentions: list[EventMention], version: str) -> None:
        """Replace an article's mentions (re-extraction is idempotent)."""
        with self.conn:
            # re-extracted mentions are fused afresh
            self.conn.execute(
                "DELETE FROM event_mentions WHERE mention_id IN (SELECT id FROM mentions WHERE article_id = ?)",
                (article_id,),
            )
            self.conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
            for i, m in enumerate(mentions):
                self.conn.execute(
                    "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    mention_row(article_id, i, m),
                )
            self.conn.execute(
                "UPDATE articles SET extracted_with = ? WHERE id = ?", (version, article_id)
            )

    def save_events(self, events) -> None:  # noqa: ANN001 - iterable of fuse.events.Event
        """Store fused events and their mentions, replacing what was there."""
        with self.conn:
            self.conn.execute("DELETE FROM event_mentions")
            self.conn.execute("DELETE FROM events")
            for event in events:
                summary = event.summary()
                place = summary["place"] or {}
                a1, a2 = summary["actor1"] or {}, summary["actor2"] or {}
                killed = summary["killed"] or {}
                self.conn.execute(
                    "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (event.id, summary["type"], summary["date"], place.get("name"), place.get("admin1"),
                     place.get("country"), place.get("lat"), place.get("lon"),
                     a1.get("name") or a1.get("label"), a2.get("name") or a2.get("label"),
                     killed.get("min"), killed.get("max"), json.dumps(summary["outlets"], ensure_ascii=False),
                     len(event.mentions), len(event.contradictions), summary["earliest_report"],
                     json.dumps(summary, ensure_ascii=False)),
                )
                self.conn.executemany(
                    "INSERT INTO event_mentions VALUES (?, ?)", [(m.id, event.id) for m in event.mentions]
                )

    def unfused_mentions(self) -> int:
        """Mentions not yet assigned to a fused event (new, or re-extracted)."""
        return self.conn.execute(
            "SELECT count(*) FROM mentions m LEFT JOIN event_mentions e ON e.mention_id = m.id "
            "WHERE e.mention_id IS NULL"
        ).fetchone()[0]

    def events(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.conn.execute(
            "SELECT summary FROM events ORDER BY event_date, id")]

    # -- reading --------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {"articles", "outlets", "mentions", "failures"}:
            raise ValueError(table)
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def articles(
        self, query: str | None = None, outlet: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        sql = (
            "SELECT a.id, a.title, o.name AS outlet, a.published, a.language, a.source, "
            "length(a.text) AS chars FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
        )
        params: list[Any] = []
        where = []
        if query:
            sql += " JOIN articles_fts f ON f.rowid = a.rowid"
            where.append("articles_fts MATCH ?")
            params.append(_fts_query(query))
        if outlet:
            where.append("lower(o.name) = lower(?)")
            params.append(outlet)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY rank" if query else " ORDER BY a.published, a.rowid"
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return [dict(r) for r in self.conn.execute(sql, params)]

    def article(self, ident: str) -> dict[str, Any] | None:
        rows = self.conn.execute(
            "SELECT a.*, o.name AS outlet, o.full_name AS outlet_full_name FROM articles a "
            "LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id LIKE ? || '%'",
            (ident,),
        ).fetchall()
        if len(rows) != 1:
            return None
        out = dict(rows[0])
        out["removed"] = json.loads(out["removed"] or "[]")
        out["mentions"] = [json.loads(r[0]) for r in self.conn.execute(
            "SELECT record FROM mentions WHERE article_id = ? ORDER BY ordinal", (out["id"],))]
        return out

    def iter_articles(self, pending_for: str | None = None) -> Iterator[Article]:
        sql = (
            "SELECT a.id, a.title, o.name AS outlet, a.published, a.language, a.text, a.source, a.url "
            "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
        )
        params: tuple = ()
        if pending_for:
            sql += " WHERE a.extracted_with IS NULL OR a.extracted_with != ?"
            params = (pending_for,)
        for r in self.conn.execute(sql + " ORDER BY a.rowid", params).fetchall():
            yield Article(
                id=r["id"], title=r["title"], outlet=r["outlet"], published=r["published"],
                language=r["language"], text=r["text"], source=r["source"], url=r["url"],
            )

    def mentions(self) -> Iterator[dict[str, Any]]:
        for r in self.conn.execute("SELECT record FROM mentions ORDER BY article_id, ordinal"):
            yield json.loads(r[0])

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM failures ORDER BY id")]


def mention_row(article_id: str, ordinal: int, m: EventMention) -> tuple:
    loc = m.location
    injured = m.total("injured")
    return (
        f"{article_id}:{ordinal}", article_id, ordinal, m.type, m.mode,
        m.acled.get("event_type"), m.acled.get("sub_event_type"), m.cameo,
        m.actor1.name or m.actor1.label if m.actor1 else None,
        m.actor2.name or m.actor2.label if m.actor2 else None,
        loc.name if loc else None, loc.admin1 if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        m.date.value if m.date else None, m.date.precision if m.date else None,
        m.killed, injured,
        m.claim.source or m.claim.by, m.claim.modality, m.confidence, m.evidence.text,
        json.dumps(m.to_dict(), ensure_ascii=False),
    )


def _fts_query(query: str) -> str:
    """Quote each word so user text never breaks FTS5 syntax."""
    words = [w.replace('"', '""') for w in query.split() if w.strip()]
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
