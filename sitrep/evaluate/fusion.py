"""Fusion scores: do two articles' main incidents land in the same fused event?

Two golds. The judged pairs (``fusion_dev_pairs.json`` beside the FA-KES file): candidate article
pairs read and labelled same / different / unclear; unclear pairs are left out, and predicted
pairs nobody judged are counted and listed, not scored. FA-KES's own keys: two distinct articles
(distinct ``unit_id``) report the same incident when any of their rows share ``date``,
``location`` and ``cause_of_death`` (those dates follow the report, so the keys both split and
join wrongly). The gold columns are read only here, after the pipeline has run on title, text
and source alone.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitrep.config import IngestOptions
from sitrep.evaluate.fakes import gold_date, incident_score, predict_row, read_rows
from sitrep.fuse.events import fuse_store
from sitrep.ingest.run import ingest
from sitrep.pipeline import default_pipeline
from sitrep.store.base import Store, open_store

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


JUDGED_NAME = "fusion_dev_pairs.json"


def judged_pairs(path: str) -> dict[tuple[str, str], str]:
    """The judged pairs of a pairs file: (unit a, unit b) sorted -> "same" | "different" | "unclear"."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return {tuple(sorted((str(p["a"]), str(p["b"])))): p["label"] for p in data["pairs"]}  # type: ignore[misc]


def score_judged(predicted: set[tuple[str, str]], judged: dict[tuple[str, str], str]) -> dict:
    """Precision and recall of ``predicted`` same-incident pairs on the judged ones.

    Precision counts only predicted pairs that were judged (same or different); recall is over
    the pairs judged same. ``unjudged`` predicted pairs are reported, not scored."""
    same = {p for p, label in judged.items() if label == "same"}
    different = {p for p, label in judged.items() if label == "different"}
    tp, fp = predicted & same, predicted & different
    p = len(tp) / (len(tp) + len(fp)) if tp or fp else 0.0
    r = len(tp) / len(same) if same else 0.0
    unjudged = sorted(q for q in predicted if q not in judged)
    return {"judged_same": len(same), "judged_different": len(different),
            "unclear": sum(1 for label in judged.values() if label == "unclear"),
            "predicted_judged": len(tp) + len(fp), "true_positives": len(tp),
            "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "unjudged_predicted": len(unjudged), "unjudged": unjudged,
            "wrong_merges": sorted(fp), "missed": sorted(same - predicted)}


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


def predicted_pairs(store, rows: list[dict]) -> set[tuple[str, str]]:  # noqa: ANN001 - a Store
    """Pairs of FA-KES units whose articles' main mentions are in one fused event of ``store``."""
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
    return {pair for units in by_event.values() for pair in itertools.combinations(sorted(units), 2)}


def default_judged(path: str) -> str | None:
    """The judged pairs file beside a FA-KES file, if there is one."""
    candidate = Path(path).with_name(JUDGED_NAME)
    return str(candidate) if candidate.exists() else None


@contextmanager
def fused_fakes(path: str, db: str | None = None) -> Iterator[Store]:
    """A store holding the FA-KES file ``path`` ingested and fused (``db``: an empty database to
    use; default a temporary file that is removed afterwards)."""
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(db or str(Path(tmp) / "fused.db")) as store:
            pipeline = default_pipeline()
            ingest([path], store, OPTIONS, extractor=pipeline.extract_article, version=pipeline.version)
            fuse_store(store)
            yield store


def evaluate_fusion(path: str, db: str | None = None, pairs: str | None = None) -> dict:
    """Score fusion on ``path``; ``db`` is an empty database to use (default: a temporary file);
    ``pairs`` the judged pairs (default: ``fusion_dev_pairs.json`` beside ``path``, if present)."""
    rows = read_rows(path)
    with fused_fakes(path, db) as store:
        predicted = predicted_pairs(store, rows)
    result = score_keys(predicted, rows)
    pairs = pairs or default_judged(path)
    if pairs:
        result["judged"] = score_judged(predicted, judged_pairs(pairs))
    return result


def score_keys(predicted: set[tuple[str, str]], rows: list[dict]) -> dict:
    """Scores of ``predicted`` pairs on FA-KES's keys (and the relaxed 3-day diagnostic)."""
    gold = gold_pairs(rows)
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
