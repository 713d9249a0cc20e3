"""Records scored with salience weights that never saw the document being scored (cross-fitting).

    python scripts/salience_crossfit.py ../shared/data/records [--folds 5] [--l2 20] [--seed 13 | --seeds 13,7,21]

``sitrep/data/salience.json`` is fitted on the record-level development gold, so ``sitrep eval records``
on that gold measures the model on its own training documents. Here the documents are split into
folds; each fold's documents are extracted with weights fitted on the other folds only (same
features, penalty and threshold as ``sitrep.evaluate.train_salience``), and all records are scored
together: the development figure the shipped model would get on documents it was not fitted on.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

from sitrep.evaluate import records as rec
from sitrep.evaluate.train_salience import choose_threshold, collect, fit
from sitrep.stages import salience
from sitrep.stages.salience import FEATURES


def _inner_threshold(x: np.ndarray, y: np.ndarray, groups: np.ndarray, a: argparse.Namespace, n_events: float,
                     seed: int) -> float:
    """The cut train_salience would choose from the training documents alone (never the held-out fold)."""
    return choose_threshold(x, y, groups, n_events, a.folds, a.repeats, a.l2, seed + 1)[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--repeats", type=int, default=5, help="fold assignments the inner threshold is averaged over")
    ap.add_argument("--threshold", type=float, default=None,
                    help="default: chosen on each fold's training documents, as train_salience chooses it")
    ap.add_argument("--seeds", default=None,
                    help="comma-separated seeds (e.g. 13,7,21,3,5,11): one line each, then their mean; one change "
                         "can move a single seed's figure by 0.01-0.02 as each fold's refitted cut shifts")
    a = ap.parse_args(argv)
    x, y, groups, n_events = collect(a.folder)
    docs_path, gold_paths = rec.find_files(a.folder)
    gold = rec.load_gold(gold_paths)
    docs = [d for d in rec.read_jsonl(docs_path) if d["doc_id"] in gold]  # the order collect() numbered them in
    seeds = [int(v) for v in a.seeds.split(",")] if a.seeds else [a.seed]
    keys = ("records", "matched", "precision", "recall", "f1", "duplicates", "background_reported", "spurious",
            "wrong_type", "fully_right")
    results = []
    for seed in seeds:
        out = _crossfit(a, seed, x, y, groups, n_events, docs, gold)
        results.append(out)
        print(json.dumps({**({"seed": seed} if a.seeds else {}), **{k: out[k] for k in keys}}))
    if len(results) > 1:
        print(json.dumps({"seeds": seeds, **{f"mean_{k}": round(float(np.mean([r[k] for r in results])), 4)
                                             for k in ("precision", "recall", "f1", "fully_right")}}))
    return 0


def _crossfit(a: argparse.Namespace, seed: int, x: np.ndarray, y: np.ndarray, groups: np.ndarray,
              n_events: float, docs: list[dict], gold: dict) -> dict:
    """Every document extracted with weights fitted on the folds it is not in (folds drawn by ``seed``)."""
    shipped = salience._model()
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    fold_of = {d: i % a.folds for i, d in enumerate(order)}
    records: dict[str, list] = {}
    failures: list = []
    try:
        for k in range(a.folds):
            train = np.array([a.folds == 1 or fold_of[g] != k for g in groups])  # one fold: in-sample
            w = fit(x[train], y[train], a.l2)
            cut = a.threshold if a.threshold is not None else _inner_threshold(
                x[train], y[train], groups[train], a, n_events * y[train].sum() / y.sum(), seed)
            model = {"weights": dict(zip(FEATURES, w.tolist(), strict=True)), "threshold": cut}
            print(f"seed {seed} fold {k}: threshold {cut:.2f}", file=sys.stderr)
            salience._model = lambda model=model: model  # type: ignore[assignment]
            for i, d in enumerate(docs):
                if fold_of[i] == k:
                    doc_id, found, error = rec._extract_one(d)
                    records[doc_id] = found or []
                    if error:
                        failures.append({"input": doc_id, "stage": "extract", "reason": error})
    finally:
        salience._model = lambda: shipped  # type: ignore[assignment]
    return rec.score(docs, gold, records, failures).as_dict()


if __name__ == "__main__":
    sys.exit(main())
