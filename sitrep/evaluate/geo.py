"""Score the geoparser on corpora with gold toponym spans and coordinates (TR-News, GeoVirus, LGL,
GeoWebNews in the XML of Gritta et al. 2019).

Two XML shapes are read: ``<toponym><phrase/><start/><end/><gaztag><lat/><lon/>`` (TR-News, LGL) and
``<location><name/><start/><end/><lat/><lon/>`` (GeoVirus). Gold offsets are not always exact (some
are one character off, some articles were re-spaced), so each gold span is re-anchored on the
nearest occurrence of its phrase. A found toponym matches a gold one when their spans overlap.

Figures: span recall and precision; Acc@161km over the gold toponyms found (and resolved) and over
all gold toponyms (a missed or unresolved one counts as wrong); mean and median error in km over
the resolved matches; AUC of the error curve as in Gritta et al. (2019): the area under
log(1 + error km) / log(1 + 20039) over the matches, 0 best, 1 worst (unresolved = 1).
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep.resolve.gazetteer import km

MAX_KM = 20039.0  # half the Earth's circumference: the largest possible error


@dataclass
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float


@dataclass
class GoldArticle:
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _anchor(text: str, phrase: str, start: int) -> tuple[int, int] | None:
    """The occurrence of ``phrase`` nearest ``start`` (gold offsets drift in some articles)."""
    if text[start:start + len(phrase)] == phrase:
        return start, start + len(phrase)
    best = None
    i = text.find(phrase)
    while i != -1:
        if best is None or abs(i - start) < abs(best - start):
            best = i
        i = text.find(phrase, i + 1)
    return (best, best + len(phrase)) if best is not None else None


def read_corpus(path: str) -> list[GoldArticle]:
    root = ET.parse(path).getroot()
    articles = []
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        article = GoldArticle(text)
        for tag in [*node.iter("toponym"), *node.iter("location")]:
            phrase = tag.findtext("phrase") or tag.findtext("name") or ""
            lat = tag.findtext("gaztag/lat") if tag.find("gaztag") is not None else tag.findtext("lat")
            lon = tag.findtext("gaztag/lon") if tag.find("gaztag") is not None else tag.findtext("lon")
            if lat is None or lon is None or not phrase:
                continue
            start = int(tag.findtext("start") or 0)
            span = _anchor(text, phrase, start) or (start, min(len(text), start + len(phrase)))
            article.toponyms.append(GoldToponym(span[0], span[1], phrase, float(lat), float(lon)))
        articles.append(article)
    return articles


def score_corpus(path: str, geoparser: Callable, gold_spans: bool = False) -> dict:
    """Run ``geoparser(text)`` (or, with ``gold_spans``, ``geoparser(text, spans)``) over the corpus."""
    articles = read_corpus(path)
    geoparser(" ", []) if gold_spans else geoparser(" ")  # load the index (and model) before timing
    n_gold = found = predicted = 0
    errors: list[float | None] = []  # per matched gold toponym: km, or None when unresolved
    started = time.perf_counter()
    for article in articles:
        spans = [(g.start, g.end) for g in article.toponyms]
        toponyms = geoparser(article.text, spans) if gold_spans else geoparser(article.text)
        toponyms = [t for t in toponyms if getattr(t, "text", None) is not None]
        predicted += len(toponyms)
        n_gold += len(article.toponyms)
        used: set[int] = set()
        for g in article.toponyms:
            hit = next((i for i, t in enumerate(toponyms)
                        if i not in used and t.start < g.end and g.start < t.end), None)
            if hit is None:
                continue
            used.add(hit)
            found += 1
            t = toponyms[hit]
            errors.append(km((g.lat, g.lon), (t.lat, t.lon)) if t.lat is not None else None)
    elapsed = time.perf_counter() - started
    resolved = [e for e in errors if e is not None]
    within = sum(1 for e in resolved if e <= 161)
    curve = [math.log1p(e) / math.log1p(MAX_KM) if e is not None else 1.0 for e in errors]
    return {
        "corpus": path.rsplit("/", 1)[-1],
        "articles": len(articles),
        "gold": n_gold,
        "found": found,
        "predicted": predicted,
        "span_recall": _r(found / n_gold if n_gold else 0.0),
        "span_precision": _r(found / predicted if predicted else 0.0),
        "resolved": len(resolved),
        "acc161_found": _r(within / found if found else 0.0),
        "acc161_all": _r(within / n_gold if n_gold else 0.0),
        "mean_km": round(statistics.fmean(resolved)) if resolved else None,
        "median_km": round(statistics.median(resolved)) if resolved else None,
        "auc": _r(statistics.fmean(curve) if curve else 1.0),
        "seconds": round(elapsed, 2),
        "articles_per_s": round(len(articles) / elapsed, 1) if elapsed else None,
    }


def _r(x: float) -> float:
    return round(x, 3)


def sitrep_geoparser(ner: bool = False) -> Callable:
    """The library's geoparser as the scorer calls it (end to end, or on given spans)."""
    from sitrep.geo import geoparse, resolve_spans

    def run(text: str, spans: list[tuple[int, int]] | None = None):  # noqa: ANN202
        if spans is not None:
            return resolve_spans(text, spans)
        return geoparse(text, ner=ner)

    return run


_INDEX_MEMORY = """
import gc


def rss_kb():
    # the resident set now: a fork's peak RSS would start at its parent's
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))


import sitrep.geo.gazetteer as gazetteer
before = rss_kb()
gazetteer.geo_index()
gc.collect()
print(rss_kb() - before, gazetteer.index_path().stat().st_size)
"""


def geo_bench(path: str, text_column: str = "article_content", repeat: int = 3) -> dict:
    """Geoparsing alone: articles/s in one process once the index is loaded (best of ``repeat``
    passes, so other jobs on the machine count less), the index's memory (how much a fresh
    process's resident set grows when it loads the index; Linux) and its size on disk."""
    import subprocess
    import sys

    from sitrep.geo import geoparse

    if path.lower().endswith(".xml"):
        texts = [a.text for a in read_corpus(path)]
    else:
        from sitrep.bench import _texts

        texts = _texts(path, text_column)
    geoparse(" ")  # load the index before timing
    best = None
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        for text in texts:
            geoparse(text)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    proc = subprocess.run([sys.executable, "-c", _INDEX_MEMORY], capture_output=True, text=True, check=True)
    rss_kb, disk_bytes = (int(x) for x in proc.stdout.split())
    words = sum(len(t.split()) for t in texts)
    return {
        "articles": len(texts),
        "seconds": round(best, 2),
        "articles_per_s": round(len(texts) / best, 1) if best else None,
        "words_per_s": round(words / best) if best else None,
        "index_memory_mb": round(rss_kb / 1024),
        "index_disk_mb": round(disk_bytes / 2**20, 1),
    }
