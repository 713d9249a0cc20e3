"""Train the violation-type classifier (sitrep.violations) on HRDsAttack's train split.

    python -m sitrep.evaluate.train_hrds /work/shared/data/hrds/hrds_train.json [--out FILE] [--report]

Each article goes through ``sitrep.extract``; its records, headline and lead give binary features
(sitrep.violations.features). One logistic regression per violation type, L2-regularised (the bias
is not), fitted by Newton's method in plain numpy. The regularisation strength is chosen by 5-fold
cross-validation on the train split with a fixed seed, and each type's threshold is the one that
gives that type its best F1 over the out-of-fold probabilities. ``--report`` also gives a nested
cross-validated micro-F1 (strength and thresholds chosen inside each outer fold's training part),
the figure to compare with the rules' on the same split. Only the train split is read: the
development split is for the final check (``sitrep eval hrds``).

Feature groups (``--parts``) and their micro-F1 on train, 5-fold, thresholds tuned on the same folds
(seed 13): rules (the reviewed mapping's answer and evidence per type, stacked) .718, rules+records
.698, records .616, text .583; the rules alone score .704. Nested (strength and thresholds chosen
inside each training part) the rules group scores .697: below the rules, so ``sitrep eval hrds``
keeps the rules' answer and reports this model's beside it. The shipped weights are the rules group's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.evaluate.hrds import micro_f1
from sitrep.violations import UNKNOWN, WEIGHTS, features

CLASSES = ("arbitrary detention", "kidnapping", "torture", "killing", "enforced disappearance", "other")
STRENGTHS = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 17))  # 0.10 .. 0.80
MIN_ARTICLES = 3  # a feature seen in fewer training articles is not read
SEED = 13
FOLDS = 5


def vocabulary(rows: list[set[str]], least: int = MIN_ARTICLES) -> list[str]:
    counts = Counter(f for row in rows for f in row)
    return sorted(f for f, n in counts.items() if n >= least)


def design(rows: list[set[str]], vocab: list[str]) -> np.ndarray:
    index = {f: i for i, f in enumerate(vocab)}
    matrix = np.zeros((len(rows), len(vocab)))
    for r, row in enumerate(rows):
        for f in row:
            if f in index:
                matrix[r, index[f]] = 1.0
    return matrix


def fit_logistic(x: np.ndarray, y: np.ndarray, strength: float, steps: int = 15) -> tuple[float, np.ndarray]:
    """Bias and weights minimising the log loss + strength/2 * |w|^2, by Newton's method.

    The Newton system is solved in the articles' space (Woodbury), as there are more features than
    articles; the bias has a tiny penalty of its own so that the system is always solvable.
    """
    n, d = x.shape
    xb = np.hstack([np.ones((n, 1)), x])
    penalty = np.full(d + 1, float(strength))
    penalty[0] = 1e-6
    theta = np.zeros(d + 1)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ theta, -35, 35)))
        gradient = xb.T @ (p - y) + penalty * theta
        s = np.sqrt(p * (1 - p))
        # (D + Xᵀ S² X)^-1 g = D^-1 g - D^-1 Xᵀ S (I + S X D^-1 Xᵀ S)^-1 S X D^-1 g
        dg = gradient / penalty
        xs = xb * s[:, None]
        inner = np.eye(n) + (xs / penalty) @ xs.T
        step = dg - (xs.T @ np.linalg.solve(inner, xs @ dg)) / penalty
        theta -= step
        if np.max(np.abs(step)) < 1e-5:
            break
    return float(theta[0]), theta[1:]


def fit(rows: list[set[str]], labels: np.ndarray, strength: float) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Vocabulary, biases (one per class) and weights (classes x vocabulary)."""
    vocab = vocabulary(rows)
    x = design(rows, vocab)
    fitted = [fit_logistic(x, labels[:, c], strength) for c in range(labels.shape[1])]
    return vocab, np.array([b for b, _ in fitted]), np.array([w for _, w in fitted]).reshape(len(fitted), len(vocab))


def predict_proba(model: tuple[list[str], np.ndarray, np.ndarray], rows: list[set[str]]) -> np.ndarray:
    vocab, bias, weights = model
    z = design(rows, vocab) @ weights.T + bias
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))


def folds(n: int, k: int = FOLDS, seed: int = SEED) -> list[np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def out_of_fold(rows: list[set[str]], labels: np.ndarray, strength: float, seed: int = SEED) -> np.ndarray:
    """Each article's probabilities from the model fitted on the other folds."""
    found = np.zeros(labels.shape)
    for held in folds(len(rows), seed=seed):
        keep = np.setdiff1d(np.arange(len(rows)), held)
        model = fit([rows[i] for i in keep], labels[keep], strength)
        found[held] = predict_proba(model, [rows[i] for i in held])
    return found


def label_sets(probs: np.ndarray, thresholds: np.ndarray) -> list[set[str]]:
    return [{CLASSES[c] for c in range(len(CLASSES)) if p[c] >= thresholds[c]} or {UNKNOWN} for p in probs]


def best_thresholds(probs: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Per class, the threshold giving that class its best F1 (the lowest of equals)."""
    chosen = []
    for c in range(labels.shape[1]):
        def f1(t: float, c: int = c) -> float:
            said = probs[:, c] >= t
            hits = float(np.sum(said & (labels[:, c] == 1)))
            return 2 * hits / (said.sum() + labels[:, c].sum()) if hits else 0.0
        chosen.append(max(THRESHOLDS, key=lambda t: (f1(t), -t)))
    return np.array(chosen)


def choose(rows: list[set[str]], labels: np.ndarray, golds: list[set[str]], seed: int = SEED,
           ) -> tuple[float, np.ndarray, dict[str, dict[str, float]]]:
    """The strength whose cross-validated micro-F1 (thresholds tuned on the same folds) is best."""
    tried: dict[str, dict[str, float]] = {}
    best: tuple[float, float, np.ndarray] | None = None
    for strength in STRENGTHS:
        probs = out_of_fold(rows, labels, strength, seed)
        thresholds = best_thresholds(probs, labels)
        scored = micro_f1(golds, label_sets(probs, thresholds))
        tried[str(strength)] = scored
        if best is None or scored["f1"] > best[0]:
            best = (scored["f1"], strength, thresholds)
    assert best is not None
    return best[1], best[2], tried


def nested(rows: list[set[str]], labels: np.ndarray, golds: list[set[str]], seed: int = SEED) -> dict[str, float]:
    """Micro-F1 of held-out folds, with strength and thresholds chosen inside each training part."""
    predicted: list[set[str]] = [set()] * len(rows)
    for held in folds(len(rows), seed=seed):
        keep = np.setdiff1d(np.arange(len(rows)), held)
        part = [rows[i] for i in keep]
        strength, thresholds, _ = choose(part, labels[keep], [golds[i] for i in keep], seed)
        found = label_sets(predict_proba(fit(part, labels[keep], strength), [rows[i] for i in held]), thresholds)
        for i, labelled in zip(held, found, strict=True):
            predicted[i] = labelled
    return micro_f1(golds, predicted)


def article_rows(articles: list[dict[str, Any]], records: dict[str, list[dict[str, Any]]],
                 parts: tuple[str, ...]) -> list[set[str]]:
    return [features(records.get(a["doc_id"], []), a["title"], a["text"], parts, a.get("sentences"))
            for a in articles]


def train(articles: list[dict[str, Any]], records: dict[str, list[dict[str, Any]]],
          parts: tuple[str, ...] = ("records", "text"), seed: int = SEED, report: bool = False) -> dict[str, Any]:
    """The model (as sitrep.violations reads it) trained on ``articles`` with their ``records``."""
    rows = article_rows(articles, records, parts)
    golds = [set(a["gold"]["violations"]) for a in articles]
    labels = np.array([[float(c in g) for c in CLASSES] for g in golds])
    strength, thresholds, tried = choose(rows, labels, golds, seed)
    vocab, bias, weights = fit(rows, labels, strength)
    model: dict[str, Any] = {
        "about": "sitrep.violations: one logistic regression per HRDsAttack violation type "
                 "(python -m sitrep.evaluate.train_hrds)",
        "parts": list(parts), "strength": strength, "seed": seed, "folds": FOLDS, "min_articles": MIN_ARTICLES,
        "trained_on": len(articles), "cross_validated": tried,
        "vocabulary": vocab,
        "classes": {name: {"bias": round(float(bias[c]), 5), "threshold": float(thresholds[c]),
                           "weights": [round(float(w), 5) for w in weights[c]]}
                    for c, name in enumerate(CLASSES)},
    }
    if report:
        model["nested_cross_validated"] = nested(rows, labels, golds, seed)
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.evaluate.train_hrds", description=__doc__.split("\n")[0])
    parser.add_argument("train", type=Path, help="HRDsAttack train split (hrds_train.json)")
    parser.add_argument("--out", type=Path, default=WEIGHTS, help=f"weights file to write (default {WEIGHTS})")
    parser.add_argument("--parts", default="rules", help="feature groups: rules, records, text (comma-separated)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--report", action="store_true", help="also the nested cross-validated micro-F1")
    args = parser.parse_args(argv)
    from sitrep.evaluate.hrds import HrdsInputError, read_articles
    from sitrep.evaluate.records import extract_all

    try:
        articles = read_articles(args.train)
    except HrdsInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    records, _failures = extract_all(articles)
    model = train(articles, records, tuple(p.strip() for p in args.parts.split(",") if p.strip()), args.seed,
                  args.report)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps({k: model[k] for k in ("strength", "cross_validated") + (("nested_cross_validated",)
                                                                              if args.report else ())}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
