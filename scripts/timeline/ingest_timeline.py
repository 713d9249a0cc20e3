"""Run the steps of `sitrep ingest` with a per-process timeline (when each worker gets its first batch, idle gaps, the driver's serial seconds).

usage: PYTHONPATH=.:scripts/timeline python scripts/timeline/ingest_timeline.py WORKERS processes|dask CSV (fakes_dev columns)"""

import glob
import json
import os
import shutil
import sys
import tempfile
import time


def main():
    T0 = time.time()
    C0 = time.process_time()
    workers, engine, csv = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    os.makedirs(os.environ.setdefault("TL_DIR", "/tmp/scale2/tl"), exist_ok=True)
    for p in glob.glob(os.environ["TL_DIR"] + "/*.jsonl"):
        os.remove(p)
    import importlib

    import tlmod

    run = importlib.import_module("sitrep.ingest.run")
    from sitrep.batch import SerialExecutor, closing_meanwhile, make_executor
    from sitrep.config import IngestOptions
    from sitrep.fuse.events import fuse_store
    from sitrep.pipeline import get_pipeline
    from sitrep.store.base import open_store

    acc = {}

    def timed(name, fn):
        def f(*a, **k):
            t, c = time.time(), time.process_time()
            try:
                return fn(*a, **k)
            finally:
                x = acc.setdefault(name, [0.0, 0.0, 0])
                x[0] += time.time() - t
                x[1] += time.process_time() - c
                x[2] += 1

        return f

    orig_iter = run.iter_articles

    def iter_timed(*a, **k):
        g = orig_iter(*a, **k)
        while True:
            t, c = time.time(), time.process_time()
            try:
                item = next(g)
            except StopIteration:
                break
            finally:
                x = acc.setdefault("read", [0.0, 0.0, 0])
                x[0] += time.time() - t
                x[1] += time.process_time() - c
                x[2] += 1
                acc.setdefault("read_first_last", []).append(time.time() - T0)
            yield item

    run.iter_articles = iter_timed
    run.extract_batch = tlmod.extract_batch
    marks = {}
    pipe = get_pipeline("rules")
    tmp = tempfile.mkdtemp()
    store = open_store(f"{tmp}/x.db")
    for m in ("add_articles", "claim_articles", "set_mentions_many", "add_failures"):
        setattr(store, m, timed("store." + m, getattr(store, m)))
    marks["setup"] = time.time() - T0
    import sitrep.batch as B

    orig_rel = B._release_fork_server

    def rel():
        marks["pool_shut"] = time.time() - T0
        orig_rel()
        marks["server_stopped"] = time.time() - T0

    B._release_fork_server = rel
    ex = SerialExecutor() if workers == 1 else make_executor(workers, engine)
    marks["executor_made"] = time.time() - T0
    orig_map = run.map_ordered

    def map_timed(executor, fn, items, window=None):
        for r in orig_map(executor, fn, items, window):
            marks.setdefault("first_result", time.time() - T0)
            yield r

    run.map_ordered = map_timed
    opts = IngestOptions(text_column="article_content", title_column="article_title")
    with ex:
        rep = run.ingest([csv], store, opts, extractor=pipe.extract_article, version=pipe.version, executor=ex)
        marks["extract_done"] = time.time() - T0
        with closing_meanwhile(ex):  # as `sitrep ingest` does
            fuse_store(store)
        marks["fused"] = time.time() - T0
    marks["closed"] = time.time() - T0
    n_m = store.count("mentions")
    cpu_driver = time.process_time() - C0
    rf = acc.pop("read_first_last")
    out = {
        "marks": {k: round(v, 2) for k, v in marks.items()},
        "driver_cpu": round(cpu_driver, 2),
        "read_span": [round(rf[0], 2), round(rf[-1], 2)],
        "driver": {k: [round(v[0], 2), round(v[1], 2), v[2]] for k, v in acc.items()},
        "mentions": n_m,
        "extracted": rep.extracted,
    }
    batches = [json.loads(line) for p in glob.glob(os.environ["TL_DIR"] + "/*.jsonl") for line in open(p)]
    ws = {}
    for b in batches:
        ws.setdefault(b["pid"], []).append(b)
    for pid, bs in ws.items():
        bs.sort(key=lambda b: b["t0"])
        gaps = [b["t0"] - a["t1"] for a, b in zip(bs, bs[1:], strict=False)]
        out[f"worker_{pid}"] = {
            "batches": len(bs),
            "articles": sum(b["n"] for b in bs),
            "first": round(bs[0]["t0"] - T0, 2),
            "last_end": round(bs[-1]["t1"] - T0, 2),
            "busy_wall": round(sum(b["t1"] - b["t0"] for b in bs), 2),
            "cpu": round(sum(b["cpu"] for b in bs), 2),
            "idle_gaps_sum": round(sum(gaps), 2),
            "gaps_over_0.2s": [round(g, 2) for g in gaps if g > 0.2][:10],
            "first_batch_cpu": round(bs[0]["cpu"], 2),
        }
    print(json.dumps(out, indent=1))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
