"""Ingestion from every kind of input, with real files, a real SQLite file and a real HTTP server."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sitrep.config import IngestOptions
from sitrep.ingest.run import ingest
from sitrep.store.sqlite import Store

CSV_OPTIONS = IngestOptions(text_column="body", title_column="headline", outlet_column="site", url_column="link")


def run(inputs, db_path, options=None):
    with Store(db_path) as store:
        report = ingest([str(i) for i in inputs], store, options or IngestOptions(timeout=1.0, allow_private=True))
        rows = store.articles()
        failures = store.failures()
    return report, rows, failures


def test_plain_text_with_boilerplate(fixtures, db_path):
    report, rows, _ = run([fixtures / "blog_with_boilerplate.txt"], db_path)
    assert report.added == 1
    with Store(db_path) as store:
        article = store.article(rows[0]["id"])
    text = article["text"]
    assert "Gunmen opened fire on a checkpoint" in text
    assert "The checkpoint had been set up two weeks earlier" in text
    for junk in ("t-shirts", "donation", "newsletter", "Main Image", "Views 1430"):
        assert junk not in text
    assert len(article["removed"]) == 5
    assert article["outlet"] == "Harbour Voices"


def test_statement_dateline_and_signature(fixtures, db_path):
    _, rows, _ = run([fixtures / "statement.txt"], db_path)
    assert rows[0]["published"] == "2022-05-03"
    assert rows[0]["outlet"] == "NWL"


def test_html_main_text_and_date(fixtures, db_path):
    _, rows, _ = run([fixtures / "market_strike.html"], db_path)
    assert rows[0]["published"] == "2023-06-06"
    assert rows[0]["title"].startswith("Strike on market in Saraqib")
    with Store(db_path) as store:
        text = store.article(rows[0]["id"])["text"]
    assert "Nine civilians" in text and "Floods in the north" not in text and "Copyright" not in text


def test_csv_columns_dedup_and_empty_row(fixtures, db_path):
    report, rows, failures = run([fixtures / "reports.csv"], db_path, CSV_OPTIONS)
    assert report.added == 2 and report.duplicates == 1
    assert {r["outlet"] for r in rows} == {"Levant State News", "Meridian Wire"}
    assert len(failures) == 1 and "no text" in failures[0]["reason"]
    with Store(db_path) as store:
        sources = len(store.article_sources())
    assert sources == 3  # the duplicate row is remembered as a second source of the same article


def test_jsonl_with_bad_line(fixtures, db_path):
    options = IngestOptions(date_column="published", outlet_column="outlet")
    report, rows, failures = run([fixtures / "reports.jsonl"], db_path, options)
    assert report.added == 2
    assert {r["published"] for r in rows} == {"2022-11-13", "2022-11-16"}
    assert any("invalid JSON" in f["reason"] for f in failures)


def test_csv_missing_text_column(fixtures, db_path):
    report, _, failures = run([fixtures / "reports.csv"], db_path, IngestOptions(text_column="content"))
    assert report.added == 0
    assert "no text column 'content'" in failures[0]["reason"]


def test_directory_is_recursive(fixtures, tmp_path, db_path):
    sub = tmp_path / "in" / "deeper"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text((fixtures / "statement.txt").read_text(), encoding="utf-8")
    (tmp_path / "in" / "b.html").write_bytes((fixtures / "market_strike.html").read_bytes())
    report, _, _ = run([tmp_path / "in"], db_path)
    assert report.added == 2


def test_idempotent_and_interrupted(fixtures, db_path):
    first, _, _ = run([fixtures / "reports.csv"], db_path, CSV_OPTIONS)
    second, rows, _ = run([fixtures / "reports.csv"], db_path, CSV_OPTIONS)
    assert first.added == 2 and second.added == 0 and len(rows) == 2


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\x03" * 100, "binary file"),
        ("blank.html", b"<html><body>   </body></html>", "no main text"),
    ],
)
def test_bad_files_are_recorded_and_batch_goes_on(fixtures, tmp_path, db_path, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    report, rows, failures = run([bad, fixtures / "statement.txt"], db_path)
    assert report.added == 1 and len(rows) == 1
    assert len(failures) == 1 and reason in failures[0]["reason"]
    assert failures[0]["input"] == str(bad)


def test_html_without_body(fixtures, db_path):
    report, _, failures = run([fixtures / "no_body.html"], db_path)
    assert report.added == 0 and failures[0]["stage"] == "extract"


def test_large_file_is_refused(tmp_path, db_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"end")
    report, _, failures = run([big], db_path)
    assert report.added == 0 and "too large" in failures[0]["reason"]


def test_missing_path(db_path):
    report, _, failures = run(["/nonexistent/file.txt"], db_path)
    assert report.added == 0 and "no such file" in failures[0]["reason"]


def test_url_and_feed(http_server, db_path):
    report, rows, failures = run([f"{http_server}/feed.xml"], db_path)
    assert report.added == 2
    titles = {r["title"] for r in rows}
    assert "Clashes in Deir ez-Zor" in titles
    assert any("HTTP 404" in f["reason"] for f in failures)
    clashes = next(r for r in rows if r["title"] == "Clashes in Deir ez-Zor")
    assert clashes["published"] == "2023-06-07"  # from the feed entry
    assert clashes["outlet"] == "Valley Courier"


def test_url_errors(http_server, db_path):
    options = IngestOptions(timeout=1.0, max_bytes=1024 * 1024, allow_private=True)
    report, _, failures = run(
        [f"{http_server}/slow", f"{http_server}/missing", f"{http_server}/big",
         f"{http_server}/redirect-loop", f"{http_server}/empty", f"{http_server}/market"],
        db_path, options,
    )
    reasons = " | ".join(f["reason"] for f in failures)
    assert report.added == 1
    for expected in ("timed out", "HTTP 404", "too large", "too many redirects", "no main text"):
        assert expected in reasons


def test_warc(fixtures, tmp_path, db_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        body = (fixtures / "market_strike.html").read_bytes()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://valley.example/market", "response",
                                           payload=BytesIO(body), http_headers=headers)
        writer.write_record(record)
    report, rows, _ = run([path], db_path)
    assert report.added == 1 and rows[0]["title"].startswith("Strike on market")


def test_failure_cleared_when_input_later_succeeds(tmp_path, db_path):
    path = tmp_path / "later.txt"
    path.write_bytes(b"")
    run([path], db_path)
    path.write_text("Shelling hit the town of Ariha on Monday, killing three civilians, a monitor said.", encoding="utf-8")
    report, _, failures = run([path], db_path)
    assert report.added == 1 and failures == []


def test_store_schema_fts_and_plain_sqlite(fixtures, db_path):
    run([fixtures / "reports.csv"], db_path, CSV_OPTIONS)
    with Store(db_path) as store:
        assert store.migrations() == ["0001_initial", "0002_extraction_state", "0003_events", "0004_store_v2",
                                      "0005_term_dates", "0007_event_seq", "0008_walk_seq"]
        assert store.migrate() == []  # nothing pending: re-opening is safe
        hits = store.articles(query="mortar Homs")
        assert len(hits) == 1 and hits[0]["title"] == "Mortars hit Homs school"
        assert store.articles(query='"unbalanced quote') == []
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "outlets", "mentions", "failures", "articles_fts"} <= tables


def test_opens_in_datasette(fixtures, db_path):
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio

    run([fixtures / "reports.csv"], db_path, CSV_OPTIONS)

    async def fetch() -> dict:
        ds = datasette_app.Datasette([str(db_path)])
        response = await ds.client.get(f"/{Path(db_path).stem}/articles.json?_shape=array&_search=Homs")
        return {"status": response.status_code, "rows": response.json()}

    result = asyncio.run(fetch())
    assert result["status"] == 200 and len(result["rows"]) == 1


def test_fakes_ingest(shared, db_path):
    options = IngestOptions(text_column="article_content", title_column="article_title", outlet_column="source")
    report, _, failures = run([shared / "fakes_dev.csv"], db_path, options)
    assert report.added == 373 and report.duplicates == 8 and failures == []
    again, _, _ = run([shared / "fakes_dev.csv"], db_path, options)
    assert again.added == 0
    with Store(db_path) as store:
        dates = sum(1 for row in store.articles() if row["published"])
    assert dates > 350  # datelines found in the text, not the gold column


def test_seeds(shared, db_path):
    _, rows, _ = run(sorted((shared / "seeds").glob("*.txt")), db_path)
    by_outlet = {r["outlet"]: r for r in rows}
    assert by_outlet["RCIT"]["published"] == "2020-07-14"
    with Store(db_path) as store:
        full = store.article(by_outlet["RCIT"]["id"])["outlet_full_name"]
        text = store.article(by_outlet["Red Revolution Media"]["id"])["text"]
    assert full == "Revolutionary Communist International Tendency"
    assert "online store" not in text and "donation" not in text and "newsletter" not in text
    assert "Main Image" not in text and "monthly expenses" not in text and "people funded" not in text
    assert text.startswith("US and NATO Back Turkey")
    assert text.rstrip().endswith("outside their observation posts in Idlib.”")
    assert json.dumps(text).count("Mesut Hakki Casin") == 2
