"""A sample of the FA-KES dev set ingested, fused and served: every page type opened in Chromium.

The whole dev set is checked the same way by ``scripts/check_pages.py --fakes`` (too slow for
every CI run: about 1,500 pages); this sample keeps the gate: real articles from many outlets,
real extraction and fusion, no console error on any page, every located event painted on the map,
each event page listing all its outlets and contradictions.
"""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from sitrep.web.check import CHROMIUM, check_site

EVERY = 32  # one row in 32 of the 381: 12 articles from across the file


@pytest.fixture(scope="module")
def fakes_sample_db(shared, tmp_path_factory) -> str:
    from sitrep.evaluate.fusion import OPTIONS
    from sitrep.fuse.events import fuse_store
    from sitrep.ingest.run import ingest
    from sitrep.pipeline import default_pipeline
    from sitrep.store.base import open_store

    folder = tmp_path_factory.mktemp("fakes")
    with (shared / "fakes_dev.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = [r for i, r in enumerate(reader) if i % EVERY == 0]
        fields = reader.fieldnames
    sample = folder / "fakes_sample.csv"
    with sample.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    db = str(folder / "fakes.db")
    pipeline = default_pipeline()
    with open_store(db) as store:
        ingest([str(sample)], store, OPTIONS, extractor=pipeline.extract_article, version=pipeline.version)
        fuse_store(store)
    return db


def test_fakes_sample_every_page_in_chromium(fakes_sample_db):
    chromium = os.environ.get("SITREP_CHROMIUM", CHROMIUM)
    if not shutil.which(chromium) and not Path(chromium).exists():
        from conftest import missing

        missing(f"no Chromium at {chromium} (apt-get install chromium)")
    result = check_site(fakes_sample_db, chromium)
    assert result.problems == []
    assert result.articles >= 10 and result.events >= result.articles  # FA-KES articles tell of several events
    assert result.located >= result.events // 2  # most FA-KES events are placed in Syria
    assert result.on_map == result.located and result.painted == result.located
    assert result.page_types["event"] == result.events and result.page_types["article"] == result.articles
    assert {"events", "events (filtered)", "article list", "search", "framing", "API reference"} <= set(result.page_types)
