"""Score sitrep's ingestion on the 181 Article Extraction Benchmark pages.

    python scripts/score_aeb.py [../shared/data/html] [--misses misses.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sitrep.evaluate.aeb import evaluate_aeb

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=str(ROOT))
    parser.add_argument("--misses", help="write the pages missed (outlet, date, text) as JSON here")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    score = evaluate_aeb(args.root, args.limit)
    print(json.dumps(score.as_dict()))
    if args.misses:
        Path(args.misses).write_text(json.dumps(score.misses, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
