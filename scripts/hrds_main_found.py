"""Does sitrep keep each HRDsAttack article's main event? An automatic check on articles no record gold holds.

    python scripts/hrds_main_found.py ../shared/data/hrds/hrds_dev.json --exclude ../shared/data/records/dev_docs.jsonl
        [--exclude-ids sets.json:gold2] [--show] [--candidates]

Each HRDsAttack article reports one attack on a human-rights defender, and its annotation names the
violation types. The article is "found" when sitrep emits a current (not historical) record of a type
one of those violations is made of (the families of ``sitrep/data/hrds_labels.yaml``: a detention is a
COERCE record, a killing, torture or abduction an ASSAULT record, any other harm one of the violent or
coercive types); "in the lead" when such a record is told in the headline or the first three sentences
of the body (where an article tells its main event). Whether that record is the main event is for a reader: ``--show`` prints the headline,
the lead and every record of each article; ``--candidates`` adds what salience dropped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from sitrep.evaluate.hrds import VIOLENT, read_articles
from sitrep.evaluate.records import _extract_one
from sitrep.model import Article
from sitrep.pipeline import get_pipeline

# violation -> the record types that tell it (derived from hrds_labels.yaml: its modes' triggers.yaml types)
FAMILIES = {
    "arbitrary detention": {"COERCE"},
    "kidnapping": {"ASSAULT", "COERCE"},  # an abduction (ASSAULT/abduct); by a state organ read as detention
    "torture": {"ASSAULT"},
    "killing": {"ASSAULT"},
    "enforced disappearance": {"ASSAULT", "COERCE"},
    "other": set(VIOLENT),
    "unknown": set(VIOLENT),
}


LEAD_SENTENCES = 3
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+")


def _lead_end(text: str) -> int:
    """Where the lead (the first LEAD_SENTENCES sentences of the body, split crudely) ends."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return ends[LEAD_SENTENCES - 1] if len(ends) >= LEAD_SENTENCES else len(text)


def _in_lead(record: dict, lead_end: int) -> bool:
    evidence = record.get("evidence") or {}
    return evidence.get("field") == "title" or int(evidence.get("start") or 0) < lead_end


def _excluded(specs: list[str], id_specs: list[str]) -> set[str]:
    out: set[str] = set()
    for path in specs:
        out |= {json.loads(line)["doc_id"] for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()}
    for spec in id_specs:
        path, _, key = spec.partition(":")
        out |= set(json.loads(Path(path).read_text(encoding="utf-8"))[key])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("hrds", type=Path)
    ap.add_argument("--exclude", action="append", default=[], help="a documents .jsonl whose doc_ids are left out")
    ap.add_argument("--exclude-ids", action="append", default=[], help="FILE.json:KEY, a list of doc_ids left out")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--candidates", action="store_true")
    a = ap.parse_args(argv)
    skip = _excluded(a.exclude, a.exclude_ids)
    articles = [d for d in read_articles(a.hrds) if d["doc_id"] not in skip]
    pipeline = get_pipeline("rules") if a.candidates else None
    found = lead = 0
    for d in articles:
        wanted = set().union(*(FAMILIES.get(v, set(VIOLENT)) for v in d["gold"]["violations"]))
        _id, records, _error = _extract_one(d)
        records = records or []
        hits = [r for r in records if not r.get("historical") and r.get("type") in wanted]
        found += bool(hits)
        in_lead = any(_in_lead(r, _lead_end(d["text"] or "")) for r in hits)
        lead += in_lead
        print(f"{d['doc_id']} {'FOUND' if hits else 'LOST '} {'LEAD' if in_lead else '    '} {sorted(d['gold']['violations'])} | {d['title']}")
        if a.show:
            print("   LEAD:", (d["text"] or "")[:300].replace("\n", " "))
            for r in records:
                ev = r.get("evidence") or {}
                print(f"   {'*' if r in hits else ' '} {r.get('type')}/{r.get('mode')} {'H ' if r.get('historical') else ''}"
                      f"s={r.get('salience')} [{r.get('trigger')}] {str(ev.get('text', ''))[:110]}")
        if a.candidates and pipeline is not None:
            art = Article(text=d["text"], title=d.get("title"), outlet=d.get("outlet"), published=d.get("published"))
            for m, _f in pipeline.run(art, keep_all=True).extra.get("candidates", []):
                if m.sentences[0] < 5 and m.type in wanted:
                    print(f"     cand {m.type}/{m.mode} {'H ' if m.historical else ''}sent {m.sentences[0]} "
                          f"[{m.trigger}] {m.evidence.text[:90]}")
    n = max(1, len(articles))
    print(json.dumps({"articles": len(articles), "found": found, "rate": round(found / n, 3),
                      "found_in_lead": lead, "lead_rate": round(lead / n, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
