"""+1,000 articles of the next month fused into a bulk-built database of N mentions and into an
empty one, alternating, in one run (wall and CPU seconds of each fusion; with a third argument,
a cProfile of each). Also the bytes the fusion wrote (``wchar`` of /proc/self/io: the WAL frames
and the checkpoint's copy of them into the database file), which do not depend on other jobs
as the wall time does: what a busy machine hides of the commit's I/O.

    python scripts/fuse_ratio.py N_MENTIONS ROUNDS [profile]

The base database is built once by ``sitrep.store.bench.bulk_load`` under the temporary
directory and copied for each round; the OS cache is flushed (``sync``) before each fusion. A
warm-up fusion loads fusion's data files first, and the two kinds alternate which goes first.
"""
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from datetime import date

from sitrep.fuse.events import fuse_store
from sitrep.store.base import open_store
from sitrep.store.bench import Synthetic, bulk_load, load


def written() -> int:
    """Bytes this process has passed to write() so far (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/io") as io:
            return next(int(line.split()[1]) for line in io if line.startswith("wchar:"))
    except OSError:
        return 0


n = int(sys.argv[1]); rounds = int(sys.argv[2]); prof = len(sys.argv) > 3
base = os.path.join(tempfile.gettempdir(), f"sitrep-fuse-base-{n}.db")
if not os.path.exists(base):
    with open_store(base) as st:
        print("built", bulk_load(st, n), file=sys.stderr)
# fusion's data files (fusion.yaml, the actor classes) load once per process, at the first
# fusion: a warm-up fusion keeps that one-time cost out of whichever kind would run first
with tempfile.TemporaryDirectory() as tmp, open_store(os.path.join(tmp, "warm.db")) as st:
    load(st, Synthetic(seed=9, start=date(2018, 1, 1), days=30), 0, 50)
    fuse_store(st)
for r in range(rounds):
    for kind in (("full", "empty") if r % 2 == 0 else ("empty", "full")):  # neither kind always first
        db = os.path.join(tempfile.gettempdir(), f"sitrep-fuse-{kind}.db")
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(db + ext): os.remove(db + ext)
        if kind == "full":
            shutil.copy(base, db); os.sync()
        with open_store(db) as st:
            first = st.count("articles")
            load(st, Synthetic(seed=8, start=date(2018, 1, 1), days=30), first, 1000); st._exec("PRAGMA wal_checkpoint(TRUNCATE)"); os.sync()
            pr = cProfile.Profile() if prof else None
            if pr: pr.enable()
            t0, w0 = time.process_time(), written()
            rep = fuse_store(st)
            cpu, wrote = time.process_time() - t0, (written() - w0) / 1e6
            if pr:
                pr.disable(); pstats.Stats(pr).sort_stats("tottime").print_stats(12)
        print(f"round {r} {kind}: wall {rep.seconds} s cpu {cpu:.2f} s wrote {wrote:.1f} MB loaded {rep.events_loaded} report {rep}", flush=True)
