"""Fit the salience model (sitrep/stages/salience.py) on record-level gold, by document folds.

    python -m sitrep.evaluate.train_salience ../shared/data/records [--folds 5] [--write]

Every candidate record the events stage proposes (nothing filtered) is labelled 1 when it is the
record that matches a gold event under the protocol's rule (its evidence overlaps one of the
event's quotes and the type family agrees; one record per event), else 0. A logistic model with
an L2 penalty is fitted in folds of whole documents; the threshold that maximises the F1 of
the records over the out-of-fold probabilities is kept, and that cross-validated figure is
printed. ``--write`` refits on every document and writes ``sitrep/data/salience.json``; the records
figure of ``sitrep eval records`` on this gold is then in-sample (``scripts/salience_crossfit.py``
scores each document with weights fitted without it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

from sitrep.evaluate.records import family
from sitrep.model import Article
from sitrep.pipeline import get_pipeline
from sitrep.stages.salience import FEATURES


def load_gold(folder: Path) -> tuple[list[dict], dict[str, dict]]:
    docs = [json.loads(line) for line in (folder / "dev_docs.jsonl").open(encoding="utf-8") if line.strip()]
    gold: dict[str, dict] = {}
    for path in sorted(folder.glob("gold_dev_*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                g = json.loads(line)
                gold[g["doc_id"]] = g
    return [d for d in docs if d["doc_id"] in gold], gold


def _occurrences(source: str, quote: str) -> list[tuple[int, int]]:
    out, low, q = [], source.lower(), quote.strip().lower()
    if not q:
        return out
    at = low.find(q)
    while at >= 0:
        out.append((at, at + len(q)))
        at = low.find(q, at + 1)
    return out


def label(doc: dict, gold: dict, records: list) -> list[int]:
    """1 for the record that matches each gold event (greedy by overlap), 0 for the rest."""
    sources = {"text": doc.get("text") or "", "title": doc.get("title") or ""}
    events = []
    for e in gold.get("events", []):
        spans = [(fld, s, t) for q in (e.get("evidence") or []) for fld in sources
                 for s, t in _occurrences(sources[fld], q)]
        events.append((e, spans))
    pairs = []
    for ri, m in enumerate(records):
        if m.historical:
            continue
        mine = [(m.evidence.field, m.evidence.start, m.evidence.end)]
        mine += [(c.evidence.field, c.evidence.start, c.evidence.end) for c in m.casualties if c.evidence]
        for ei, (e, spans) in enumerate(events):
            if family(e.get("type", "")) != family(m.type):
                continue
            size = sum(max(0, min(b, t) - max(a, s)) for f1, a, b in mine for f2, s, t in spans if f1 == f2)
            if size > 0:
                pairs.append((size, ri, ei))
    labels = [0] * len(records)
    used_r, used_e = set(), set()
    for _size, ri, ei in sorted(pairs, reverse=True):
        if ri in used_r or ei in used_e:
            continue
        used_r.add(ri)
        used_e.add(ei)
        labels[ri] = 1
    return labels


def collect(folder: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    docs, gold = load_gold(folder)
    pipeline = get_pipeline("rules")
    rows, ys, groups = [], [], []
    n_events = 0
    for di, d in enumerate(docs):
        article = Article(text=d["text"], title=d.get("title"), outlet=d.get("outlet"), published=d.get("published"))
        out = pipeline.run(article, keep_all=True)
        candidates = out.extra.get("candidates", [])
        records = [m for m, _f in candidates]
        labels = label(d, gold[d["doc_id"]], records)
        n_events += len(gold[d["doc_id"]].get("events", []))
        for (m, feats), y in zip(candidates, labels, strict=True):
            if m.historical:
                continue
            rows.append([feats[name] for name in FEATURES])
            ys.append(y)
            groups.append(di)
    return np.array(rows, dtype=float), np.array(ys, dtype=float), np.array(groups), n_events


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + l2 * np.r_[0.0, w[1:]] / len(y)
        w -= lr * grad
    return w


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int, seed: int, l2: float) -> np.ndarray:
    """Each candidate's likelihood from weights fitted without its document's fold (documents dealt
    into ``folds`` folds in an order shuffled by ``seed``)."""
    documents = sorted(set(groups.tolist()))
    random.Random(seed).shuffle(documents)
    fold_of = {d: i % folds for i, d in enumerate(documents)}
    oof = np.zeros(len(y))
    for k in range(folds):
        test = np.array([fold_of[g] == k for g in groups])
        w = fit(x[~test], y[~test], l2)
        oof[test] = 1.0 / (1.0 + np.exp(-(x[test] @ w)))
    return oof


def _curve(p: np.ndarray, y: np.ndarray, n_events: int) -> list[tuple[float, float, float, float]]:
    """(threshold, precision, recall, F1) of the records kept at each threshold."""
    out = []
    for cut in np.arange(0.05, 0.9, 0.01):
        kept = p >= cut
        tp = float((y[kept] == 1).sum())
        precision = tp / max(1, int(kept.sum()))
        recall = tp / n_events
        out.append((float(cut), precision, recall, 2 * precision * recall / max(1e-9, precision + recall)))
    return out


def choose_threshold(x: np.ndarray, y: np.ndarray, groups: np.ndarray, n_events: float, folds: int = 5,
                     repeats: int = 5, l2: float = 20.0, seed: int = 13) -> tuple[float, float, float, float]:
    """(threshold, precision, recall, F1): the cut whose out-of-fold F1, averaged over ``repeats`` fold
    assignments (one alone is noisy: the curve is flat near its top), is highest."""
    curves = [_curve(out_of_fold(x, y, groups, folds, seed + r, l2), y, n_events) for r in range(repeats)]
    mean = [tuple(float(np.mean([c[i][j] for c in curves])) for j in range(4)) for i in range(len(curves[0]))]
    cut, precision, recall, f1 = max(mean, key=lambda row: row[3])
    return cut, precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=5, help="fold assignments averaged (the threshold is noisy)")
    ap.add_argument("--l2", type=float, default=20.0, help="chosen by the cross-validated F1 (1, 5, 20, 50, 100 tried)")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args(argv)
    x, y, groups, n_events = collect(a.folder)
    cut, precision, recall, f1 = choose_threshold(x, y, groups, n_events, a.folds, a.repeats, a.l2)
    before_p = float(y.sum()) / len(y)
    print(f"candidates {len(y)}, matched {int(y.sum())}, gold events {n_events}; unfiltered P {before_p:.3f} "
          f"R {y.sum() / n_events:.3f}")
    print(f"{a.folds}-fold by document, mean of {a.repeats} fold assignments: threshold {cut:.2f}: "
          f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    if a.write:
        w = fit(x, y, a.l2)
        model = {"features": FEATURES, "weights": dict(zip(FEATURES, [round(float(v), 4) for v in w], strict=True)),
                 "threshold": round(cut, 2), "trained_on": str(a.folder.name), "candidates": int(len(y)),
                 "cv": {"folds": a.folds, "repeats": a.repeats, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}}
        out = Path(__file__).resolve().parent.parent / "data" / "salience.json"
        out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
