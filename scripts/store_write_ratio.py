"""Store writes as ingest makes them (``sitrep.store.bench.load``), SQLite and PostgreSQL
interleaved, in one run: articles/s of each and their ratio per round.

    python scripts/store_write_ratio.py N_ARTICLES ROUNDS postgresql://user:pw@127.0.0.1/db

The PostgreSQL side writes into a schema ``w`` of that database, dropped and made again each
round; the SQLite side into /tmp/wt-store/w.db (made again each round).
"""
import json
import os
import sys
import tempfile
import time

import psycopg

from sitrep.store.base import open_store
from sitrep.store.bench import Synthetic, load

N, rounds, pg = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
out = []
for r in range(rounds):
    res = {}
    for kind in (("sqlite", "pg") if r % 2 == 0 else ("pg", "sqlite")):
        if kind == "sqlite":
            db = os.path.join(tempfile.gettempdir(), "sitrep-write-ratio.db")
            for ext in ("", "-wal", "-shm"):
                if os.path.exists(db + ext):
                    os.remove(db + ext)
        else:
            with psycopg.connect(pg, autocommit=True) as c:
                c.execute("DROP SCHEMA IF EXISTS w CASCADE")
                c.execute("CREATE SCHEMA w")
            db = pg + "?options=-csearch_path%3Dw"
        with open_store(db) as st:
            t0, c0 = time.perf_counter(), time.process_time()
            load(st, Synthetic(seed=r), 0, N)
            res[kind] = round(N / (time.perf_counter() - t0), 1)
            res[kind + "_cpu_s"] = round(time.process_time() - c0, 2)
    res["ratio"] = round(res["pg"] / res["sqlite"], 3)
    print(json.dumps(res), flush=True)
    out.append(res["ratio"])
print("median ratio", sorted(out)[len(out) // 2])
