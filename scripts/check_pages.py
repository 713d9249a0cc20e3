"""Open every page of a database's web app in Chromium and report console errors and the map.

    python scripts/check_pages.py --db fakes.db [--max-events 0] [--max-articles 0]
    python scripts/check_pages.py --fakes ../shared/data/fakes_dev.csv --db /tmp/fakes.db

With ``--fakes``, the FA-KES CSV is first ingested and fused into ``--db`` (which must not exist
yet), as ``sitrep ingest FILE --text-column article_content --title-column article_title
--outlet-column source`` does. Then ``sitrep.web.check.check_site`` serves the database with a
real uvicorn on 127.0.0.1 and visits the events page (every located event loaded and painted on
the map, the basemap drawn), every event page (all its outlets and contradictions listed), every
article page, the article list, a search, the framing table, the API reference and a filtered
events page, recording console errors, page errors, failed, erroring or off-site requests and
dialogs. Prints one JSON line; exit status 1 if any page had a problem.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sitrep.web.check import CHROMIUM, check_site


def ingest_fakes(csv_path: str, db: str) -> dict:
    from sitrep.evaluate.fusion import OPTIONS
    from sitrep.fuse.events import fuse_store
    from sitrep.ingest.run import ingest
    from sitrep.pipeline import default_pipeline
    from sitrep.store.base import open_store

    if Path(db).exists():
        raise SystemExit(f"{db} exists: give --db a new file to ingest FA-KES into")
    t0 = time.perf_counter()
    pipeline = default_pipeline()
    with open_store(db) as store:
        report = ingest([csv_path], store, OPTIONS, extractor=pipeline.extract_article, version=pipeline.version)
        fused = fuse_store(store)
    return {"articles": report.added, "mentions": report.mentions, "failures": len(report.failures),
            "events_written": fused.events_written, "seconds": round(time.perf_counter() - t0, 1)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--fakes", help="a FA-KES CSV to ingest into --db first")
    parser.add_argument("--max-events", type=int, default=0)
    parser.add_argument("--max-articles", type=int, default=0)
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args()
    ingested = ingest_fakes(args.fakes, args.db) if args.fakes else None
    t0 = time.perf_counter()
    result = check_site(args.db, args.chromium, args.max_events, args.max_articles)
    out = result.to_dict()
    out["check_seconds"] = round(time.perf_counter() - t0, 1)
    if ingested:
        out["ingest"] = ingested
    print(json.dumps(out))
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
