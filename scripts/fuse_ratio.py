"""+1,000 articles of the next month fused into a bulk-built database of N mentions and into an
empty one, alternating, each fusion in a fresh process of its own: wall and CPU seconds, the
bytes the fusion wrote, and its memory.

    python scripts/fuse_ratio.py N_MENTIONS ROUNDS [profile|trace]

Time: wall and CPU seconds of ``fuse_store``, and the bytes it wrote (``wchar`` of
/proc/self/io: the WAL frames and the checkpoint's copy of them into the database file), which
do not depend on other jobs as the wall time does.

Memory, per fusion (the child process does nothing else): its resident set just before
``fuse_store`` (Python, the imports and fusion's data files, loaded by a warm-up fusion of a
small database), and the peak resident set during ``fuse_store`` alone (``VmHWM`` after the
peak was reset through /proc/self/clear_refs; Linux), so "memory flat" is the peak's growth
over the resident set before, full database against empty. SQLite's page cache is part of it
(at most ``cache_size``, 64 MB per connection); SQLite's own allocations are also read from its
C library (``sqlite3_memory_highwater``, reset before the fusion). With ``trace``, a second fusion of each kind
runs on a fresh copy under ``tracemalloc`` (the peak of Python's own allocations, which leaves
out SQLite's page cache); its times are not reported. With ``profile``, a cProfile of each.

The base database is built once by ``sitrep.store.bench.bulk_load`` under the temporary
directory (``TMPDIR``) and copied for each fusion; the OS cache is flushed (``sync``) before
each. The two kinds alternate which goes first.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date


def written() -> int:
    """Bytes this process has passed to write() so far (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/io") as io:
            return next(int(line.split()[1]) for line in io if line.startswith("wchar:"))
    except OSError:
        return 0


def status_kb(field: str) -> int:
    """A ``kB`` field of /proc/self/status (VmRSS, VmHWM); 0 where there is none."""
    try:
        with open("/proc/self/status") as st:
            return next(int(line.split()[1]) for line in st if line.startswith(field + ":"))
    except (OSError, StopIteration):
        return 0


def reset_peak() -> bool:
    """Reset this process's peak resident set (VmHWM) to its current size (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def sqlite_memory() -> tuple:
    """SQLite's own allocator, through its C library: (in use now, high-water mark) in bytes,
    with a function that resets the mark; None where the library does not say."""
    import ctypes
    import sqlite3  # noqa: F401 - loads the library

    try:
        lib = ctypes.CDLL("libsqlite3.so.0")
        lib.sqlite3_memory_used.restype = lib.sqlite3_memory_highwater.restype = ctypes.c_int64
        lib.sqlite3_memory_highwater.argtypes = [ctypes.c_int]
    except (OSError, AttributeError):
        return None
    return lib


def child(db: str, mode: str) -> None:
    """Fuse ``db`` (its new mentions) after a warm-up fusion; print one JSON line of figures."""
    from sitrep.fuse.events import fuse_store
    from sitrep.store.base import open_store
    from sitrep.store.bench import Synthetic, load

    # fusion's data files (fusion.yaml, the actor classes) load once per process, at the first
    # fusion: a warm-up fusion keeps that one-time cost out of the measured one
    with tempfile.TemporaryDirectory() as tmp, open_store(os.path.join(tmp, "warm.db")) as st:
        load(st, Synthetic(seed=9, start=date(2018, 1, 1), days=30), 0, 50)
        fuse_store(st)
    out: dict = {}
    with open_store(db) as st:
        if mode == "trace":
            import tracemalloc

            tracemalloc.start(8)
        pr = None
        if mode == "profile":
            import cProfile

            pr = cProfile.Profile()
            pr.enable()
        out["rss_before_mb"] = round(status_kb("VmRSS") / 1024, 1)
        lib = sqlite_memory()
        if lib:
            out["sqlite_before_mb"] = round(lib.sqlite3_memory_used() / 2**20, 1)
            lib.sqlite3_memory_highwater(1)  # the mark restarts from what is in use now
        peak_reset = reset_peak()
        t0, w0 = time.process_time(), written()
        rep = fuse_store(st)
        out.update(cpu_s=round(time.process_time() - t0, 2), wrote_mb=round((written() - w0) / 1e6, 1),
                   wall_s=rep.seconds, loaded=rep.events_loaded, mentions=rep.mentions,
                   written=rep.events_written)
        out["peak_rss_mb"] = round(status_kb("VmHWM") / 1024, 1) if peak_reset else None
        if lib:  # SQLite's page cache (at most cache_size per connection) and its statements
            out["sqlite_peak_mb"] = round(lib.sqlite3_memory_highwater(0) / 2**20, 1)
        if mode == "trace":
            import tracemalloc

            out["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
            tracemalloc.stop()
        if pr:
            import pstats

            pr.disable()
            pstats.Stats(pr, stream=sys.stderr).sort_stats("tottime").print_stats(12)
    if out["peak_rss_mb"] is not None:
        out["growth_mb"] = round(out["peak_rss_mb"] - out["rss_before_mb"], 1)
    print(json.dumps(out), flush=True)


def prepare(base: str, kind: str, tag: str) -> str:
    """A copy of the base (``full``) or an empty database, with +1,000 articles of the next month."""
    from sitrep.store.base import open_store
    from sitrep.store.bench import Synthetic, load

    db = os.path.join(tempfile.gettempdir(), f"sitrep-fuse-{kind}-{tag}.db")
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.remove(db + ext)
    if kind == "full":
        shutil.copy(base, db)
    with open_store(db) as st:
        first = st.count("articles")
        load(st, Synthetic(seed=8, start=date(2018, 1, 1), days=30), first, 1000)
        st._exec("PRAGMA wal_checkpoint(TRUNCATE)")
    os.sync()
    return db


def main() -> None:
    from sitrep.store.base import open_store
    from sitrep.store.bench import bulk_load

    n, rounds = int(sys.argv[1]), int(sys.argv[2])
    mode = sys.argv[3] if len(sys.argv) > 3 else ""
    base = os.path.join(tempfile.gettempdir(), f"sitrep-fuse-base-{n}.db")
    if not os.path.exists(base):
        with open_store(base) as st:
            print("built", bulk_load(st, n), file=sys.stderr)
    with open_store(base) as st:
        print(f"base {n} mentions: {st.count('articles')} articles, {st.count('events')} events", flush=True)
    figures: dict[str, list[dict]] = {"full": [], "empty": []}
    for r in range(rounds):
        for kind in (("full", "empty") if r % 2 == 0 else ("empty", "full")):  # neither kind always first
            runs = [("time", mode if mode == "profile" else "")] + ([("trace", "trace")] if mode == "trace" else [])
            for tag, child_mode in runs:
                db = prepare(base, kind, tag)
                done = subprocess.run([sys.executable, __file__, "--fuse", db, child_mode], check=True,
                                      stdout=subprocess.PIPE, text=True)
                got = json.loads(done.stdout.strip().splitlines()[-1])
                for ext in ("", "-wal", "-shm"):
                    if os.path.exists(db + ext):
                        os.remove(db + ext)
                if tag == "time":
                    figures[kind].append(got)
                    print(f"round {r} {kind}: wall {got['wall_s']} s cpu {got['cpu_s']} s wrote {got['wrote_mb']} MB "
                          f"loaded {got['loaded']} rss before {got['rss_before_mb']} MB peak {got['peak_rss_mb']} MB "
                          f"growth {got.get('growth_mb')} MB, of which SQLite's {got.get('sqlite_before_mb')} -> "
                          f"{got.get('sqlite_peak_mb')} MB (load {os.getloadavg()[0]:.1f})", flush=True)
                else:
                    figures[kind][-1]["traced_peak_mb"] = got["traced_peak_mb"]
                    print(f"round {r} {kind} traced: peak {got['traced_peak_mb']} MB of Python allocations, "
                          f"growth {got.get('growth_mb')} MB", flush=True)
    for what in ("cpu_s", "wall_s", "growth_mb", "peak_rss_mb", "traced_peak_mb", "sqlite_peak_mb"):
        pairs = [(f[what], e[what]) for f, e in zip(figures["full"], figures["empty"], strict=True) if f.get(what) and e.get(what)]
        if pairs:
            print(f"{what} full/empty: " + ", ".join(f"{f}/{e} = {f / e:.2f}" for f, e in pairs), flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--fuse":
        child(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
    else:
        main()
