"""Real-world input read without surprises: charsets, compression, dates, options, boilerplate."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import subprocess
import sys

import pytest

import sitrep
from sitrep.config import IngestOptions
from sitrep.errors import DateError, InputError, SitrepError
from sitrep.ingest.boilerplate import strip_boilerplate
from sitrep.ingest.charset import decode
from sitrep.ingest.metadata import outlet_from_metadata, site_name_from_html
from sitrep.ingest.run import ingest
from sitrep.ingest.validate import parse_published
from sitrep.store.export import acled_date, write
from sitrep.store.sqlite import Store

STORY = ("Shelling killed four civilians in Ariha on Monday, a local monitor said. The monitor said two "
         "children were among the dead and that the shells came from the south.")


def run(inputs, db_path, **options):
    with Store(db_path) as store:
        report = ingest([str(i) for i in inputs], store, IngestOptions(**options))
        return report, store.articles(limit=100), store.failures()


# --- charsets ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data,declared,expected", [
    ("Caf\u00e9 \u2013 \u201cquoted\u201d".encode("cp1252"), "iso-8859-1", "Caf\u00e9 \u2013 \u201cquoted\u201d"),
    ("Le caf\u00e9 a \u00e9t\u00e9 d\u00e9truit \u00e0 l'aube, selon les t\u00e9moins sur place. ".encode("latin-1") * 3,
     None, "Le caf\u00e9 a \u00e9t\u00e9 d\u00e9truit \u00e0 l'aube, selon les t\u00e9moins sur place. " * 3),
    ("\u041c\u0438\u0440 \u0434\u043e\u043c".encode("utf-8"), "iso-8859-1", "\u041c\u0438\u0440 \u0434\u043e\u043c"),
    (b"\xef\xbb\xbfBOM text", "cp1252", "BOM text"),
    ("UTF-16 text \u00e9".encode("utf-16"), None, "UTF-16 text \u00e9"),
    ("UTF-16 text without a mark".encode("utf-16-le"), None, "UTF-16 text without a mark"),
    ("UTF-16 big end".encode("utf-16-be"), None, "UTF-16 big end"),
])
def test_decode_order(data, declared, expected):
    assert decode(data, "x", declared=declared) == expected


def test_meta_charset_and_detection():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
            '<body><p>\u0412 \u0410\u043b\u0435\u043f\u043f\u043e \u0443\u0431\u0438\u0442\u044b</p></body></html>')
    assert "\u0410\u043b\u0435\u043f\u043f\u043e" in decode(page.encode("cp1251"), "x")
    sentence = "Les forces gouvernementales ont bombard\u00e9 la ville \u00e0 l'aube, selon un t\u00e9moin. " * 5
    assert decode(sentence.encode("cp1252"), "x").startswith("Les forces gouvernementales ont bombard\u00e9")


def test_forced_encoding_is_strict():
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        decode("Caf\u00e9 bombed".encode("latin-1") * 3, "x", forced="utf-8")
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02\x03" * 100, "x")


@pytest.mark.parametrize("compress,name", [(gzip.compress, "page.html.gz"), (bz2.compress, "page.bin"),
                                           (lzma.compress, "page.xz"), (gzip.compress, "page.warc.gz")])
def test_compressed_inputs_read_by_content(tmp_path, db_path, compress, name):
    page = f"<html><head><title>Compressed</title></head><body><article><p>{STORY}</p></article></body></html>"
    (tmp_path / name).write_bytes(compress(page.encode("utf-8")))
    report, rows, failures = run([tmp_path / name], db_path)
    assert report.added == 1 and not failures and rows[0]["title"] == "Compressed"


def test_compressed_table_and_bomb(tmp_path, db_path):
    (tmp_path / "rows.csv.gz").write_bytes(gzip.compress(f'text,title\n"{STORY}",Zipped row\n'.encode()))
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (3 * 1024 * 1024)))
    (tmp_path / "broken.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    report, rows, failures = run(sorted(tmp_path.iterdir()), db_path, max_bytes=1024 * 1024)
    assert [r["title"] for r in rows] == ["Zipped row"]
    reasons = " | ".join(f["reason"] for f in failures)
    assert "too large once decompressed" in reasons and "corrupt gzip" in reasons


def test_database_beside_inputs_is_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    db = folder / "sitrep.db"
    for _ in range(2):  # the second run sees the database (and its journal files) in the folder
        report, rows, failures = run([folder], db)
    assert len(rows) == 1 and failures == []
    report, _, failures = run([db], tmp_path / "other.db")
    assert "SQLite database" in failures[0]["reason"]


# --- boilerplate never takes the whole body ---------------------------------------------------

def test_lines_without_full_stops_are_kept(tmp_path, db_path):
    japanese = "\n\n".join(["\u30b7\u30ea\u30a2\u5317\u90e8\u3067\u7832\u6483\u304c\u3042\u308a\u3001\u5e02\u6c11\u56db\u4eba\u304c\u6b7b\u4ea1\u3057\u305f\u3002"
                            "\u76e3\u8996\u56e3\u4f53\u304c\u767a\u8868\u3057\u305f\u3002"] * 4)
    english = "\n\n".join(["Shelling killed four civilians in Ariha on Monday",
                           "The monitor said two children were among the dead",
                           "Residents said the shells came from the south before dawn",
                           "Rescue workers searched the rubble through the afternoon"])
    for name, text in (("ja.txt", japanese), ("en.txt", english)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report, rows, failures = run([tmp_path / "ja.txt", tmp_path / "en.txt"], db_path)
    assert report.added == 2 and failures == []
    clean, removed = strip_boilerplate(english)
    assert clean == english and removed == []


def test_rules_matching_everything_keep_the_page_with_a_warning(tmp_path, db_path, caplog):
    text = ("Follow us on Telegram for updates as shelling killed four civilians in Ariha on Monday.\n\n"
            "Subscribe to our newsletter: the monitor said two children were among the dead.")
    (tmp_path / "all.txt").write_text(text, encoding="utf-8")
    with caplog.at_level("WARNING", logger="sitrep"):
        report, rows, _ = run([tmp_path / "all.txt"], db_path)
    assert report.added == 1 and "kept it all" in caplog.text


# --- published dates ----------------------------------------------------------------------------

@pytest.mark.parametrize("value,day", [
    ("2024-03-14", "2024-03-14"), ("2024-03-14T10:00:00", "2024-03-14"), ("2024-03-14T23:30:00+05:00", "2024-03-14"),
    ("2024-03-14 10:00", "2024-03-14"), ("20240314", "2024-03-14"), ("2024/03/14", "2024-03-14"),
    ("14/03/2024", "2024-03-14"), ("14.03.2024", "2024-03-14"), ("03/14/2024", "2024-03-14"),
    ("Thu, 14 Mar 2024 10:00:00 GMT", "2024-03-14"), ("14 March 2024", "2024-03-14"),
    ("March 14, 2024", "2024-03-14"), ("", None), (None, None),
])
def test_published_forms(value, day):
    assert parse_published(value) == day


@pytest.mark.parametrize("value,message", [("2017-02-31", "does not exist"), ("31/02/2017", "does not exist"),
                                           ("10^400", "not a date"), ("9999-12-31", "outside"),
                                           ("tomorrow-ish", "not a date"), ("1" * 500, "not a date")])
def test_impossible_published(value, message):
    with pytest.raises(DateError, match=message):
        parse_published(value)
    with pytest.raises(DateError, match=message):
        sitrep.extract(STORY, published=value)


def test_extract_raises_only_sitrep_errors():
    records = sitrep.extract(STORY, published="14/03/2024")
    assert records and records[0].date.value == "2024-03-11"  # the Monday before Thursday 14 March
    assert sitrep.extract("\ud800 " + STORY) is not None  # a lone surrogate is no crash
    with pytest.raises(SitrepError):
        sitrep.extract(b"bytes are not text")  # type: ignore[arg-type]


def test_impossible_date_is_a_failure_row_and_batch_goes_on(tmp_path, db_path):
    rows = [{"text": STORY, "date": "2017-02-31"}, {"text": STORY + " More.", "date": "14/03/2024"}]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report, stored, failures = run([tmp_path / "rows.jsonl"], db_path, date_column="date")
    assert report.added == 1 and stored[0]["published"] == "2024-03-14"
    assert failures[0]["stage"] == "published" and "2017-02-31" in failures[0]["reason"]


# --- outlet from metadata -----------------------------------------------------------------------

def test_outlet_from_page_metadata():
    head = '<html><head><title>Strike - Valley Courier</title><meta property="og:site_name" content="{}"></head>'
    assert site_name_from_html(head.format("Valley Courier")) == "Valley Courier"
    # a section in og:site_name loses to a title naming the page's own host
    assert site_name_from_html(head.format("World"), "https://www.valleycourier.example/x") == "Valley Courier"
    assert site_name_from_html("<title>Strike - \u201cquoted\u201d</title>") is None
    assert outlet_from_metadata("LinkNaija | Nigeria's popular news platform") == "LinkNaija"
    assert outlet_from_metadata("Copyright 2014") is None
    assert outlet_from_metadata("sana") == "SANA"  # known outlets keep their short name


# --- exports and options -----------------------------------------------------------------------

def test_acled_dates():
    assert acled_date("2024-03-14") == ("2024-03-14", 2024, 1)
    assert acled_date("2024-01") == ("2024-01-15", 2024, 3)
    assert acled_date("2024") == ("2024-07-01", 2024, 3)
    assert acled_date(None) == ("", "", "")


def test_acled_export_columns():
    import io

    event = {"id": "e1", "type": "ASSAULT", "date": "2024-01", "mentions": ["m1"], "outlets": ["A"],
             "place": {"name": "Ariha", "admin1": "Idlib", "lat": 35.8, "lon": 36.6, "precision": "city"}}
    record = {"acled": {"event_type": "Violence against civilians", "sub_event_type": "Attack"},
              "evidence": {"text": "Shelling killed four."}}
    out = io.StringIO()
    assert write([event], {"m1": record}, "acled", out) == 1
    header, row = out.getvalue().splitlines()
    fields = dict(zip(header.split(","), row.split(","), strict=False))
    assert fields["event_date"] == "2024-01-15" and fields["time_precision"] == "3" and fields["year"] == "2024"


def sitrep_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True)


@pytest.mark.parametrize("args,message", [
    (["events", "--since", "garbage"], "--since 'garbage' is not a date"),
    (["events", "--until", "2024-02-31"], "--until '2024-02-31' does not exist"),
    (["events", "--since", "2024-03-01", "--until", "2024-02-01"], "is before --since"),
    (["export", "--output", "/missing/dir/e.csv"], "no folder /missing/dir"),
    (["articles", "--limit", "0"], "--limit must be a whole number greater than 0"),
    (["ingest", "x", "--timeout", "-1"], "--timeout must be a finite number greater than 0"),
    (["ingest", "x", "--max-mb", "nan"], "--max-mb must be a finite number"),
    (["extract", "x", "--encoding", "klingon"], "--encoding 'klingon' is not a known encoding"),
])
def test_options_checked_up_front(tmp_path, args, message):
    result = sitrep_cli(*args, "--db", str(tmp_path / "none.db")) if args[0] not in ("extract",) else sitrep_cli(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_figure_the_store_cannot_hold_fails_one_article(tmp_path, db_path):
    (tmp_path / "huge.txt").write_text("Shelling killed " + "9" * 30 + " civilians in Ariha on Monday, a monitor "
                                       "said. The monitor said the shells came from the south.", encoding="utf-8")
    (tmp_path / "fine.txt").write_text(STORY, encoding="utf-8")
    pipeline = sitrep.pipeline.default_pipeline()
    with Store(db_path) as store:
        report = ingest([str(tmp_path / "huge.txt"), str(tmp_path / "fine.txt")], store, IngestOptions(),
                        extractor=pipeline.extract_article, version=pipeline.version)
    assert report.extracted == 1 and [f.stage for f in report.failures] == ["store"]
