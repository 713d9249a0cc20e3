"""Why each gold event of the record-level gold is missed: the candidates that tell it, before salience.

    python scripts/record_misses.py ../shared/data/records [--all] [doc_id ...]

For every gold event the pipeline is run with every candidate kept (``keep_all``, as the salience
fit does), and the candidates whose evidence overlaps one of the event's quotes are listed with
their type, salience probability and trigger. The cause of a miss is then:

* ``no candidate``: no trigger read, a filter dropped it, or another record of the sentence or the
  article absorbed it (in-article merging keeps only the first sentence as the record's evidence);
* ``salience``: a candidate of the event's family exists but scores under the cut;
* ``other family``: only candidates of another family (violent / protest / verbal) tell it;
* ``historical``: only candidates marked historical tell it;
* ``kept``: a kept candidate tells it, so the final record went to another event or was merged.

Without ``--all`` only the events the final records miss are printed, with a count by cause.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from sitrep.evaluate.records import _extract_one, family, score
from sitrep.evaluate.train_salience import _occurrences, load_gold
from sitrep.model import Article
from sitrep.pipeline import get_pipeline
from sitrep.stages import salience


def _cause(found: list[tuple[str, float, bool, str]], gold_type: str, cut: float) -> str:
    same = [(p, h) for t, p, h, _ in found if family(t) == family(gold_type)]
    if not found:
        return "no candidate"
    if not same:
        return "other family"
    if all(h for _p, h in same):
        return "historical"
    return "kept" if any(p >= cut for p, h in same if not h) else "salience"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("doc_ids", nargs="*")
    ap.add_argument("--all", action="store_true", help="every gold event, matched or not")
    a = ap.parse_args(argv)
    docs, gold = load_gold(a.folder)
    if a.doc_ids:
        docs = [d for d in docs if d["doc_id"] in set(a.doc_ids)]
    pipeline = get_pipeline("rules")
    cut = salience.threshold()
    causes: Counter[str] = Counter()
    for d in docs:
        article = Article(text=d["text"], title=d.get("title"), outlet=d.get("outlet"), published=d.get("published"))
        _doc_id, final, _error = _extract_one(d)  # the records exactly as `sitrep eval records` scores them
        missed = {e.get("id") for e in score([d], {d["doc_id"]: gold[d["doc_id"]]}, {d["doc_id"]: final or []}).docs[0].missed}
        candidates = pipeline.run(article, keep_all=True).extra.get("candidates", [])
        sources = {"text": d.get("text") or "", "title": d.get("title") or ""}
        for e in gold[d["doc_id"]].get("events", []):
            if not a.all and e.get("id") not in missed:
                continue
            spans = [(f, s, t) for q in e.get("evidence") or [] for f in sources for s, t in _occurrences(sources[f], q)]
            found = []
            for m, feats in candidates:
                mine = [(m.evidence.field, m.evidence.start, m.evidence.end)]
                mine += [(c.evidence.field, c.evidence.start, c.evidence.end) for c in m.casualties if c.evidence]
                if any(f1 == f2 and min(b, t) > max(s0, s) for f1, s0, b in mine for f2, s, t in spans):
                    found.append((m.type, salience.score(feats), m.historical, m.trigger or ""))
            cause = _cause(found, str(e.get("type")), cut)
            causes[cause] += 1
            told = " ".join(f"{t}/{p:.2f}{'/H' if h else ''}/{w}" for t, p, h, w in found) or "-"
            quote = (e.get("evidence") or [""])[0][:100]
            print(f"{d['doc_id']} {e.get('id')} {e.get('type')} [{cause}] {told} | {quote}")
    print(json.dumps(dict(causes.most_common())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
