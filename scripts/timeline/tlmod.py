"""Timeline probes for sitrep ingest (scale2 measurement; not project code)."""

import json
import os
import time

from sitrep.batch import extract_batch as _eb

LOG = os.environ.get("TL_DIR", "/tmp/scale2/tl")


def extract_batch(extractor, articles):
    t0, c0 = time.time(), time.process_time()
    out = _eb(extractor, articles)
    t1, c1 = time.time(), time.process_time()
    with open(f"{LOG}/w{os.getpid()}.jsonl", "a") as f:
        f.write(json.dumps({"pid": os.getpid(), "t0": t0, "t1": t1, "cpu": c1 - c0, "n": len(articles)}) + "\n")
    return out
