"""The store under real processes: both backends give the same exports, and kill -9 loses nothing."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from functools import lru_cache
from pathlib import Path

import pytest

from sitrep.demo import DEMO_OPTIONS, demo_corpus_path
from sitrep.fuse.events import fuse_store
from sitrep.ingest.run import ingest
from sitrep.pipeline import default_pipeline
from sitrep.queries import iter_events
from sitrep.store.base import open_store
from sitrep.store.export import write

DEMO_ARGS = ["--date-column", "published", "--outlet-column", "outlet", "--url-column", "url"]


def export_jsonl(url: str) -> str:
    buf = io.StringIO()
    with open_store(url) as store:
        write(iter_events(store), store.mention_records, "jsonl", buf)
    return buf.getvalue()


def cli(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sitrep.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def test_demo_export_identical_on_both_backends(tmp_path, pg_url):
    outputs = []
    for url in (str(tmp_path / "demo.db"), pg_url):
        result = subprocess.run([sys.executable, "-m", "sitrep.cli", "demo", "--db", url], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        exported = subprocess.run([sys.executable, "-m", "sitrep.cli", "export", "--format", "jsonl", "--db", url],
                                  capture_output=True, text=True)
        assert exported.returncode == 0, exported.stderr
        outputs.append(exported.stdout)
    assert outputs[0] and outputs[0] == outputs[1]


def test_fakes_dev_export_identical_on_both_backends(tmp_path, pg_url, shared, fakes_fused_db):
    from collections import defaultdict

    from sitrep.evaluate.fusion import OPTIONS

    # SQLite: the session's FA-KES store (ingested on two workers, then fused); PostgreSQL: the
    # same file ingested with those stored records as its extractor, then fused there
    stored: dict[str, list] = defaultdict(list)
    with open_store(fakes_fused_db) as store:
        for _mention_id, article_id, mention in store.mentions_with_ids():
            stored[article_id].append(mention)
    with open_store(pg_url) as store:
        ingest([str(shared / "fakes_dev.csv")], store, OPTIONS, extractor=lambda a: stored[a.id],
               version=default_pipeline().version)
        fuse_store(store)
    outputs = [export_jsonl(fakes_fused_db), export_jsonl(pg_url)]
    assert len(outputs[0].splitlines()) > 500 and outputs[0] == outputs[1]


def _wait_for_pause(proc: subprocess.Popen, point: str) -> None:
    deadline = time.monotonic() + 120
    for line in proc.stderr:
        if f"paused at {point}" in line:
            return
        if time.monotonic() > deadline:
            break
    pytest.fail(f"the ingest never reached {point}: exit {proc.poll()}")


@lru_cache(maxsize=1)
def _clean_demo() -> tuple[str, dict[str, int]]:
    """A clean run over the demo (once per test session): its export, and mentions per article."""
    import tempfile

    pipeline = default_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        clean = str(Path(tmp) / "clean.db")
        with open_store(clean) as store:
            ingest([str(demo_corpus_path())], store, DEMO_OPTIONS, extractor=pipeline.extract_article,
                   version=pipeline.version)
            fuse_store(store)
            per_article = {a["id"]: len(store.article(a["id"])["mentions"]) for a in store.articles(limit=1000)}
        return export_jsonl(clean), per_article


def test_kill_9_during_ingest_and_fusion_loses_nothing(store_url, tmp_path):
    corpus = str(demo_corpus_path())
    expected, per_article = _clean_demo()
    total, mentions = len(per_article), sum(per_article.values())

    # killed after 7 articles are extracted, then killed while writing the fused events
    for pause in ("extract:7", "fusion"):
        proc = cli("ingest", corpus, "--db", store_url, *DEMO_ARGS, env={"SITREP_TEST_PAUSE": pause})
        _wait_for_pause(proc, pause.split(":")[0])
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with open_store(store_url) as store:
            assert store.count("articles") == total
            if pause == "extract:7":
                assert 7 <= store.extracted() < total
            else:
                assert store.extracted() == total
            assert store.count("events") == 0  # the killed fusion wrote nothing

    proc = cli("ingest", corpus, "--db", store_url, *DEMO_ARGS)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    with open_store(store_url) as store:
        assert store.count("articles") == total and store.count("mentions") == mentions  # none lost, none twice
        assert store.unfused_mentions() == 0
    assert export_jsonl(store_url) == expected  # the same events as a clean run


def test_two_ingests_at_once_share_the_work(store_url):
    import re

    corpus = str(demo_corpus_path())
    procs = [cli("ingest", corpus, "--db", store_url, *DEMO_ARGS) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [r[1] for r in results]
    extracted = [int(re.search(r"; (\d+) extracted", out).group(1)) for out, _ in results]
    with open_store(store_url) as store:
        total = store.count("articles")
        assert total == 20 and store.extracted() == total and store.unfused_mentions() == 0
        assert len(store.event_assignments()) == store.count("mentions")
    assert sum(extracted) == total  # each article extracted by one of the two, not by both


def _consistent(url: str, clean_mentions: dict[str, int]) -> tuple[int, int, int]:
    """What a killed ingest may leave: fewer rows, never wrong ones. Returns (articles,
    extracted, events) for the record."""
    with open_store(url) as store:
        ids = [a["id"] for a in store.articles(limit=1000)]
        assert len(ids) == len(set(ids)) and set(ids) <= set(clean_mentions)  # none twice, none foreign
        for ident in ids:
            article = store.article(ident)
            if article["extracted_with"]:  # extracted: all its mentions, exactly once
                assert len(article["mentions"]) == clean_mentions[ident]
            else:
                assert article["mentions"] == []
        assigned = store.event_assignments()
        members = [m for e in iter_events(store) for m in e.mentions]
        assert len(members) == len(set(members)) == len(assigned)  # a mention in one event at most
        assert sorted(members) == sorted(assigned)
        assert store.count("mentions") - store.unfused_mentions() == len(assigned)  # fused = in an event
        return len(ids), store.extracted(), store.count("events")


def _progress(url: str) -> tuple[int, int]:
    """(articles, extracted) read without opening a store: a store's migration check takes
    SQLite's write lock, and the poll must not hold up the ingest it watches."""
    sql = "SELECT count(*), count(extracted_with) FROM articles"
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            return conn.execute(sql).fetchone()
    import sqlite3

    conn = sqlite3.connect(f"file:{url}?mode=ro", uri=True, timeout=1)
    try:
        return conn.execute(sql).fetchone()
    finally:
        conn.close()


def _kill_when(proc: subprocess.Popen, url: str, reached, timeout: float = 300) -> None:  # noqa: ANN001
    """SIGKILL the ingest as soon as the database shows ``reached(articles, extracted)``
    (polled from outside), or when it has finished by itself."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if reached(*_progress(url)):
                break
        except Exception:  # noqa: BLE001 - no database or no table yet while the ingest starts
            pass
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_kill_9_at_any_point_then_rerun_gives_the_clean_events(store_url, tmp_path):
    """Killed from outside, wherever the ingest has got to (no pause points): while articles are
    stored, between extractions, once extraction is done (fusion running or about to), the
    database stays consistent after each kill, and the next run ends with a clean run's events."""
    corpus = str(demo_corpus_path())
    expected, clean_mentions = _clean_demo()
    total = len(clean_mentions)

    moments = [
        lambda articles, extracted: articles > 0,  # reading has stored something
        lambda articles, extracted: 0 < extracted < total,  # part way through extraction
        lambda articles, extracted: extracted == total,  # extraction done: fusion runs next
    ]
    seen = []
    for reached in moments:
        proc = cli("ingest", corpus, "--db", store_url, *DEMO_ARGS)
        _kill_when(proc, store_url, reached)
        seen.append(_consistent(store_url, clean_mentions))
    proc = cli("ingest", corpus, "--db", store_url, *DEMO_ARGS)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert _consistent(store_url, clean_mentions)[:2] == (total, total), seen
    with open_store(store_url) as store:
        assert store.count("mentions") == sum(clean_mentions.values()) and store.unfused_mentions() == 0
    assert export_jsonl(store_url) == expected  # the same events as a clean run
