"""FA-KES fusion score: do two articles' main incidents land in the same fused event?

Gold: two distinct articles (distinct ``unit_id``) report the same incident when any of their rows
share ``date``, ``location`` and ``cause_of_death``. The gold columns are read only here, after
the pipeline has run on title, text and source alone.
"""

from __future__ import annotations

import itertools
import tempfile
from collections import defaultdict
from pathlib import Path

from sitrep.config import IngestOptions
from sitrep.evaluate.fakes import gold_date, incident_score, predict_row, read_rows
from sitrep.fuse.events import fuse_store
from sitrep.ingest.run import ingest
from sitrep.pipeline import default_pipeline
from sitrep.store.base import open_store

OPTIONS = IngestOptions(text_column="article_content", title_column="article_title", outlet_column="source")


def gold_pairs(rows: list[dict]) -> set[tuple[str, str]]:
    by_key: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in rows:
        by_key[(r["date"].strip(), r["location"].strip().lower(), r["cause_of_death"].strip().lower())].add(r["unit_id"])
    pairs: set[tuple[str, str]] = set()
    for units in by_key.values():
        for a, b in itertools.combinations(sorted(units), 2):
            pairs.add((a, b))
    return pairs


def relaxed_gold_pairs(rows: list[dict], days: int = 3) -> set[tuple[str, str]]:
    """Diagnostic only: same location and cause, gold dates at most ``days`` apart.

    FA-KES dates follow the report more than the incident, so one event reported on two days
    becomes two gold incidents; this view shows how much of the strict score that explains.
    """
    from datetime import date

    def day(value: str) -> date:
        return date.fromisoformat(gold_date(value))

    pairs: set[tuple[str, str]] = set()
    for x, y in itertools.combinations(rows, 2):
        if x["unit_id"] == y["unit_id"]:
            continue
        if x["location"].strip().lower() == y["location"].strip().lower() and \
                x["cause_of_death"].strip().lower() == y["cause_of_death"].strip().lower() and \
                abs((day(x["date"]) - day(y["date"])).days) <= days:
            pairs.add(tuple(sorted((x["unit_id"], y["unit_id"]))))
    return pairs


def _scores(predicted: set, gold: set) -> tuple[float, float, float]:
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0


def _main_mention(records: list[tuple[str, dict]]) -> str | None:
    """The same choice as the FA-KES scorer: an early, well-supported violent event with a toll."""
    best, best_score = None, -1.0
    for mention_id, r in records:
        if r["type"] != "ASSAULT" or r.get("historical"):
            continue
        killed = any(c["kind"] == "killed" and c["count"] for c in r["casualties"])
        score = incident_score(r["confidence"], killed, r["sentences"])
        if score > best_score:
            best, best_score = mention_id, score
    return best


def evaluate_fusion(path: str, db: str | None = None) -> dict:
    """Score fusion on ``path``; ``db`` is an empty database to use (default: a temporary file)."""
    rows = read_rows(path)
    gold = gold_pairs(rows)
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(db or str(Path(tmp) / "fusion.db")) as store:
            pipeline = default_pipeline()
            ingest([path], store, OPTIONS, extractor=pipeline.extract_article, version=pipeline.version)
            fuse_store(store)
            unit_of: dict[str, str] = {}
            for article_id, source in store.article_sources():
                row = int(source.rsplit("#", 1)[1])
                unit_of.setdefault(article_id, rows[row - 1]["unit_id"])
            mentions: dict[str, list[tuple[str, dict]]] = defaultdict(list)
            for mention_id, article_id, mention in store.mentions_with_ids():
                mentions[article_id].append((mention_id, mention.to_dict()))
            event_of = store.event_assignments()
    by_event: dict[str, set[str]] = defaultdict(set)
    for article_id, records in mentions.items():
        main = _main_mention(records)
        if main and main in event_of and article_id in unit_of:
            by_event[event_of[main]].add(unit_of[article_id])
    predicted: set[tuple[str, str]] = set()
    for units in by_event.values():
        for a, b in itertools.combinations(sorted(units), 2):
            predicted.add((a, b))
    tp = len(predicted & gold)
    precision, recall, f1 = _scores(predicted, gold)
    relaxed = relaxed_gold_pairs(rows)
    rp, rr, rf = _scores(predicted, relaxed)
    return {"gold_pairs": len(gold), "predicted_pairs": len(predicted), "true_positives": tp,
            "precision": precision, "recall": recall, "f1": f1,
            "relaxed_gold_pairs": len(relaxed), "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
            "missed": sorted(gold - predicted), "extra": sorted(predicted - gold)}


def key_pairing_ceilings(path: str) -> dict:
    """Diagnostic: F1 of pairing articles by (date, governorate, cause) keys instead of fusing,
    mixing our extracted values with the gold's, to show which field limits the pairwise score.

    ``ours``: all three extracted; ``gold_place_cause``: our report date with the gold governorate
    and cause; ``gold_date``: the gold date with our governorate and cause.
    """
    rows = read_rows(path)
    gold = gold_pairs(rows)
    pipeline = default_pipeline()
    first: dict[str, dict] = {}
    predicted: dict[str, tuple] = {}
    for row in rows:
        unit = row["unit_id"]
        if unit in predicted:
            continue
        first[unit] = row
        p = predict_row(row, pipeline)
        predicted[unit] = (p.date, p.location, p.cause)

    def pairs(key) -> set[tuple[str, str]]:  # noqa: ANN001
        groups: dict[tuple, list[str]] = defaultdict(list)
        for unit, values in predicted.items():
            groups[key(unit, values)].append(unit)
        return {pair for units in groups.values() for pair in itertools.combinations(sorted(units), 2)}

    def g(unit: str, column: str) -> str:
        return first[unit][column].strip().lower()

    variants = {
        "ours": lambda u, v: v,
        "gold_place_cause": lambda u, v: (v[0], g(u, "location"), g(u, "cause_of_death")),
        "gold_date": lambda u, v: (gold_date(first[u]["date"]), v[1], v[2]),
    }
    return {name: _scores(pairs(key), gold)[2] for name, key in variants.items()}
