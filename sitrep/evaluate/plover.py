"""PLOVER gold sentences: does the record's type (and source actor) match the coder's?

The gold file uses PLOVER 0.5 names; FIGHT is today's ASSAULT, DEMAND is REQUEST, and
DISAPPROVE and INVESTIGATE are modes of ACCUSE. Each sentence is extracted on its own and the
record with the highest confidence is taken as the sentence's event.
"""

from __future__ import annotations

import json
from collections import Counter

from sitrep.model import Article
from sitrep.pipeline import Pipeline, default_pipeline

OLD_NAMES = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def evaluate_plover(path: str, pipeline: Pipeline | None = None) -> dict:
    pipeline = pipeline or default_pipeline()
    with open(path, encoding="utf-8") as fh:
        gold = [g for g in json.load(fh) if g.get("event") and g["event"] != "DOCUMENT" and g.get("text")]
    correct = with_event = source_hits = source_total = 0
    per_type: dict[str, Counter] = {}
    for g in gold:
        expected = OLD_NAMES.get(g["event"], g["event"])
        records = pipeline.extract_article(Article(text=g["text"]))
        best = max(records, key=lambda r: r.confidence) if records else None
        got = best.type if best else "NONE"
        with_event += best is not None
        correct += got == expected
        per_type.setdefault(expected, Counter())[got] += 1
        sources = [s.get("actorText", "") for s in g.get("source", []) if s.get("actorText")]
        if best is not None and best.type == expected and sources:
            source_total += 1
            label = ((best.actor1.label or "") + " " + (best.actor1.name or "")) if best.actor1 else ""
            source_hits += any(s.lower() in label.lower() or (label.strip() and label.strip().lower() in s.lower())
                               for s in sources)
    n = len(gold)
    return {
        "n": n,
        "type_accuracy": round(correct / n, 4),
        "coverage": round(with_event / n, 4),
        "source_accuracy_when_type_right": round(source_hits / source_total, 4) if source_total else 0.0,
        "per_type": {t: {"n": sum(c.values()), "correct": c[t], "top_wrong": [k for k, _ in c.most_common(3) if k != t][:2]}
                     for t, c in sorted(per_type.items())},
    }
