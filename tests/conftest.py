"""Shared fixtures: temp SQLite files, PostgreSQL schemas, a real HTTP server on 127.0.0.1, paths to fixtures.

In CI (``CI=true``) nothing a gate needs may be missing: no ``../shared`` data or no PostgreSQL
fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# SITREP_SHARED_DATA points elsewhere (the test of the CI rule below uses it to point nowhere).
SHARED = Path(os.environ.get("SITREP_SHARED_DATA") or Path(__file__).resolve().parents[1].parent / "shared" / "data")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


IN_CI = os.environ.get("CI", "").lower() == "true"
PG_ENV = "SITREP_TEST_PG"  # e.g. postgresql://sitrep:secret@127.0.0.1:5432/sitrep_test (.ci/run sets it)


def missing(reason: str) -> None:
    """Skip a test whose resource is absent; in CI, fail it."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing resource fails the run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        missing("../shared/data is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def pg_dsn() -> str:
    dsn = os.environ.get(PG_ENV)
    if not dsn:
        missing(f"no PostgreSQL: set {PG_ENV} to a database URL")
    try:
        import psycopg

        psycopg.connect(dsn, connect_timeout=5).close()
    except Exception as exc:  # noqa: BLE001 - any failure to connect means no PostgreSQL here
        missing(f"PostgreSQL at ${PG_ENV} does not answer: {type(exc).__name__}")
    return dsn


def _pg_schema_url(dsn: str):  # noqa: ANN202 - yields a URL
    """A fresh schema in the test database, dropped afterwards; the URL selects it."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in dsn else "?"
    try:
        yield f"{dsn}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def pg_url(pg_dsn):
    yield from _pg_schema_url(pg_dsn)


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """An empty database on each backend: the store contract runs on both."""
    if request.param == "sqlite":
        yield str(tmp_path / "contract.db")
    else:
        yield from _pg_schema_url(request.getfixturevalue("pg_dsn"))


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/redirect-loop":
            self.send_response(302)
            self.send_header("Location", "/redirect-loop")
            self.end_headers()
            return
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def http_server():
    """A real HTTP server on 127.0.0.1 serving fixture pages, a feed, a 404 and a slow page."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    html = (FIXTURES / "market_strike.html").read_bytes()
    second = (
        b"<html><head><title>Clashes in Deir ez-Zor</title></head><body><article><h1>Clashes in Deir ez-Zor</h1>"
        b"<p>Fighters of the Syrian Democratic Forces clashed with Islamic State cells near al-Busayrah "
        b"in Deir ez-Zor province on Tuesday, and three fighters were killed, a local council said.</p>"
        b"<p>The council said the fighting lasted for two hours before the attackers withdrew.</p>"
        b"</article></body></html>"
    )
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Courier</title><link>{base}/</link>
<description>News</description>
<item><title>Strike on market in Saraqib kills nine</title><link>{base}/market</link>
<pubDate>Tue, 06 Jun 2023 09:15:00 GMT</pubDate></item>
<item><title>Clashes in Deir ez-Zor</title><link>{base}/clashes</link>
<pubDate>Wed, 07 Jun 2023 11:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing</link></item>
</channel></rss>""".encode()
    _Handler.routes = {
        "/market": (200, "text/html; charset=utf-8", html),
        "/clashes": (200, "text/html; charset=utf-8", second),
        "/feed.xml": (200, "application/rss+xml", feed),
        "/empty": (200, "text/html", (FIXTURES / "no_body.html").read_bytes()),
        "/big": (200, "text/plain", b"x" * (3 * 1024 * 1024)),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


# The web app's tests share one database: the demo corpus, one hostile article, fused.
HOSTILE_WEB = {
    "title": "Strike </title><script>window.__pwned = 'title'</script> on market",
    "outlet": "<b onmouseover=\"window.__pwned='outlet'\">Evil Wire</b>",
    "published": "2024-03-21",
    "url": "javascript:window.__pwned='url'",
    "text": ("Shelling killed four civilians in Saraqib on Wednesday, a local monitor said "
             "<script>window.__pwned = 'text'</script>. The monitor said <img src=x onerror=\"window.__pwned='img'\"> "
             "the shells came from \"><svg onload=\"window.__pwned='svg'\"> government positions.\n\n"
             "Witnesses said {{ 7*7 }} and {% raw %} [/b] \x1b[2J were posted online."),
}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """The demo database plus a hostile article (markup in its title, outlet, URL and text), fused."""
    import io
    import json

    from sitrep.demo import DEMO_OPTIONS, run_demo
    from sitrep.fuse.events import fuse_store
    from sitrep.ingest.run import ingest
    from sitrep.pipeline import default_pipeline
    from sitrep.render import console

    folder = tmp_path_factory.mktemp("web")
    db = str(folder / "web.db")
    run_demo(db, console(file=io.StringIO()))
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_WEB) + "\n", encoding="utf-8")
    pipeline = default_pipeline()
    from sitrep.store.base import open_store

    with open_store(db) as store:
        ingest([str(hostile)], store, DEMO_OPTIONS, extractor=pipeline.extract_article, version=pipeline.version)
        fuse_store(store)
    return db


# FA-KES development articles extracted once for the whole run: the fusion, contradiction, blocked
# fusion and two-backend tests all start from the same mentions (extracting the 373 articles took
# ~45 s of CPU each time, four times per run). Tests copy the file (``copy_db``), never write to it.
@pytest.fixture(scope="session")
def fakes_extracted_db(shared, tmp_path_factory) -> str:
    """FA-KES dev ingested as ``sitrep eval fusion`` ingests it, on two worker processes; not fused."""
    from sitrep.batch import ProcessExecutor
    from sitrep.evaluate.fusion import OPTIONS
    from sitrep.ingest.run import ingest
    from sitrep.pipeline import default_pipeline
    from sitrep.store.base import open_store

    db = str(tmp_path_factory.mktemp("fakes") / "extracted.db")
    pipeline = default_pipeline()
    executor = ProcessExecutor(2)
    try:
        with open_store(db) as store:
            ingest([str(shared / "fakes_dev.csv")], store, OPTIONS, extractor=pipeline.extract_article,
                   version=pipeline.version, executor=executor)
    finally:
        executor.close()
    return db


@pytest.fixture(scope="session")
def fakes_fused_db(fakes_extracted_db, tmp_path_factory) -> str:
    """The same articles fused by the incremental ``fuse_store`` (what ``sitrep ingest`` does)."""
    from sitrep.fuse.events import fuse_store
    from sitrep.store.base import open_store

    db = copy_db(fakes_extracted_db, tmp_path_factory.mktemp("fakes") / "fused.db")
    with open_store(db) as store:
        fuse_store(store)
    return db


def copy_db(source: str, target: Path | str) -> str:
    """A copy of a closed SQLite database file (its WAL was checkpointed when the store closed)."""
    import shutil

    shutil.copy(source, target)
    return str(target)


# Stages tested alone: a hand-written text run through the default stages up to the one a function
# needs (spaCy's tests build a Doc from words the same way), no further.
def _staged(text: str, *, upto: str = "parse", published: str | None = "2024-03-15",
            title: str | None = None, outlet: str | None = "Example News"):  # noqa: ANN202 - a Doc
    from sitrep.model import Article
    from sitrep.pipeline import DEFAULT_STAGES
    from sitrep.stages.doc import Doc

    names = [name for name, _ in DEFAULT_STAGES]
    if upto not in names or upto == "events":
        raise ValueError(f"no stage {upto!r} before the events stage: {names}")
    doc = Doc(article=Article(text=text, title=title, published=published, outlet=outlet), text=text)
    for name, stage in DEFAULT_STAGES:
        doc = stage(doc)
        if name == upto:
            return doc
    return doc


@pytest.fixture(scope="session")
def staged():
    """``staged(text, upto="parse", published=..., title=...)``: a Doc of ``text`` through the
    default stages up to ``upto`` (segment, actors, places, dates, triggers, parse, casualties, claims)."""
    return _staged


def _mention(doc, word: str, etype: str | None = None, *, mode: str | None = None, killed: int | None = None,
             location=None, date=None, actor1=None, actor2=None, anchors: dict | None = None,  # noqa: ANN001
             historical: bool = False, category: str = "unknown"):  # noqa: ANN202 - an EventMention
    """An EventMention built by hand on the sentence of ``doc`` that holds ``word`` (its first
    occurrence as a whole word); its offset goes into ``anchors`` when given, as the events stage
    records its trigger's."""
    import re

    from sitrep.model import Casualty, Claim, EventMention, Evidence

    found = re.search(rf"\b{re.escape(word)}\b", doc.text)
    if found is None:
        raise ValueError(f"{word!r} is not a word of the text")
    at = found.start()
    sentence = next(s for s in doc.sentences if s.start <= at < s.end)
    trigger = next((t for t in doc.triggers if t.start <= at < t.end), None)
    etype = etype or (trigger.type if trigger else "ASSAULT")
    casualties = [Casualty("killed", killed, category=category)] if killed is not None else []
    m = EventMention(article=doc.article.summary(), type=etype, mode=mode, acled={}, cameo=None, actor1=actor1,
                     actor2=actor2, location=location, date=date, casualties=casualties,
                     claim=Claim(by=doc.article.outlet, source=doc.article.outlet),
                     evidence=Evidence(sentence.text, sentence.start, sentence.end), confidence=0.8,
                     trigger=word, sentences=[sentence.index], historical=historical)
    if anchors is not None:
        anchors[id(m)] = at
    return m


@pytest.fixture(scope="session")
def mention():
    """``mention(doc, word, etype, mode=..., killed=..., location=..., date=..., anchors=...)``: a
    hand-built EventMention on the sentence of ``doc`` holding ``word``."""
    return _mention
