"""The long fuzz run: many random inputs to extract(), ingest and the display layer.

    python scripts/fuzz.py --target extract --n 100000 [--seed 1]
    python scripts/fuzz.py --target ingest --n 100000
    python scripts/fuzz.py --target display --n 100000

Counts every exception that is not sitrep's own (with the first few inputs that raised one,
written to --failures), and the slowest input in seconds per 10 KB (inputs under 10 KB count
as 10 KB), both in wall-clock time and in this process's CPU time: on a shared machine the
wall clock counts the time other jobs held the cores, the CPU time only sitrep's own work (the
target, none over 2 s per 10 KB, is judged on the CPU time; both are printed). Target: 0
foreign exceptions. ``--seconds`` ends a run early with the figures reached. Inputs are made by a seeded
generator (not hypothesis) from news-like pieces, hostile pieces and random code points, so a
run can be repeated exactly.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

PIECES = [
    "Shelling killed four civilians in Ariha on Monday", "an air strike on Idlib", "Hezbollah said",
    "the army denied", "at least 12 people were killed", "on 14/03/2024", "last Tuesday", "in March 9999",
    "10^400", "1e308", "9" * 400, "-0", "NaN", "year 0", "1,000,000,000,000,000 dead", "2017-02-31",
    "[/b]", "[link=file:///etc/passwd]x[/link]", "\x1b]0;t\x07", "\x1b[2J", "\u202e", "\ud800", "\udfff",
    "<script>alert(1)</script>", "<div>" * 40, "javascript:alert(1)", "\n\n", ". ", "\u3002", "\r", "\x00",
    "Aleppo", "Homs", "Deir ez-Zor", "Kyiv", "Gaza", "the Syrian Observatory for Human Rights said",
    "\u0642\u062a\u0644 \u0623\u0631\u0628\u0639\u0629", "\u5e02\u6c11\u56db\u4eba\u304c\u6b7b\u4ea1", "\U0001f4a3",
]
DATES = [None, "", "2024-03-14", "2024-03-14T10:00:00", "14/03/2024", "Thu, 14 Mar 2024 10:00:00 GMT",
         "2017-02-31", "10^400", "9999-12-31", "0000-00-00", "March 14, 2024", "\ud800", "31/31/2031"]


def random_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:  # random code points, surrogates and controls included
        return "".join(chr(rng.randrange(0, 0x110000) if rng.random() < 0.3 else rng.randrange(0, 0x3000))
                       for _ in range(rng.randrange(0, 400)))
    if kind < 0.97:  # pieces and words
        words = [rng.choice(PIECES) if rng.random() < 0.5 else "".join(chr(rng.randrange(32, 0x250))
                                                                       for _ in range(rng.randrange(1, 10)))
                 for _ in range(rng.randrange(0, 120))]
        return " ".join(words)
    # long inputs: up to 60 KB of pieces, sometimes one line with no full stop
    size = rng.randrange(10_000, 60_000)
    text = []
    while sum(map(len, text)) < size:
        text.append(rng.choice(PIECES).replace(". ", " ") if rng.random() < 0.5 else rng.choice(PIECES))
    return " ".join(text)[:size]


def random_file(rng: random.Random) -> tuple[str, bytes]:
    text = random_text(rng)
    raw = text.encode("utf-8", "surrogatepass")
    choice = rng.randrange(10)
    suffix = rng.choice(["", ".txt", ".html", ".csv", ".jsonl", ".gz", ".html.gz", ".warc", ".md", ".xml"])
    if choice == 0:
        return suffix, bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
    if choice == 1:
        return suffix, text.encode("utf-16", "surrogatepass")
    if choice == 2:
        return ".html", (f"<html><head><meta charset='{rng.choice(['latin-1', 'utf-8', 'x-bogus', 'utf-16'])}'>"
                         f"<title>{text[:40]}</title></head><body>{'<div>' * rng.randrange(0, 400)}<p>{text}</p>"
                         f"</body></html>").encode("utf-8", "surrogatepass")
    if choice == 3:
        return ".csv", b"text,title\n\"" + raw.replace(b'"', b'""') + b"\",t\n"
    if choice == 4:
        return ".jsonl", json.dumps({"text": text, "date": rng.choice(DATES[1:])}).encode() + b"\n{bad json\n"
    if choice == 5:
        return rng.choice([".gz", ".html.gz", ".txt"]), gzip.compress(raw)
    if choice == 6:
        return suffix, rng.choice([b"\x1f\x8b\x08\x00broken", b"WARC/1.0\r\nbroken", b"SQLite format 3\x00x",
                                   b"\xef\xbb\xbf", b"BZh9broken", b"\xfd7zXZ\x00broken"])
    if choice == 7:
        return suffix, text.encode(rng.choice(["cp1252", "latin-1", "cp1251", "shift_jis", "gbk"]), "replace")
    return suffix, raw


def per_10kb(seconds: float, size: int) -> float:
    return seconds / max(1.0, size / 10_000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=["extract", "ingest", "display"], required=True)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--failures", help="write the inputs that raised a foreign exception here (JSON)")
    parser.add_argument("--every", type=int, default=10_000, help="print progress every this many inputs")
    parser.add_argument("--seconds", type=float, help="stop after this many seconds (the figures reached are printed)")
    args = parser.parse_args()

    import sitrep
    from sitrep import render
    from sitrep.config import IngestOptions
    from sitrep.errors import SitrepError
    from sitrep.ingest.run import ingest
    from sitrep.store.sqlite import Store

    rng = random.Random(args.seed)
    pipeline = sitrep.pipeline.default_pipeline()
    sitrep.extract("Shelling killed four civilians in Ariha on Monday.")  # load once, outside the timings
    stats = {"target": args.target, "seed": args.seed, "inputs": 0, "sitrep_errors": 0, "foreign_exceptions": 0,
             "max_s_per_10kb": 0.0, "over_2s_per_10kb": 0, "max_cpu_s_per_10kb": 0.0, "over_2s_cpu_per_10kb": 0,
             "largest_input": 0, "by_error": {}}
    slowest: list[tuple[float, str]] = []  # (CPU s per 10 KB, input) of the slowest few
    failures: list[dict] = []
    stage_errors: list[dict] = []  # sitrep's own, but a stage that crashed is a bug to report
    started = time.perf_counter()
    batch = 50 if args.target == "ingest" else 1
    while stats["inputs"] < args.n:
        if args.target == "extract":
            text, published = random_text(rng), rng.choice(DATES)
            items, size = [(text, published)], len(text)
        elif args.target == "display":
            text = random_text(rng)
            items, size = [text], len(text)
        else:
            items = [random_file(rng) for _ in range(min(batch, args.n - stats["inputs"]))]
            size = sum(len(c) for _, c in items)
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            if args.target == "extract":
                try:
                    sitrep.extract(text, published=published)
                except SitrepError as exc:
                    stats["sitrep_errors"] += 1
                    kind = type(exc).__name__ + (f":{exc.stage}" if type(exc).__name__ == "StageError" else "")
                    stats["by_error"][kind] = stats["by_error"].get(kind, 0) + 1
                    if kind.startswith("StageError") and len(stage_errors) < 20:
                        stage_errors.append({"error": str(exc)[:300], "input": repr(text)[:1000]})
            elif args.target == "display":
                render.safe_text(text)
                render.json_line({"t": text})
                console = render.console(file=open("/dev/null", "w"), force_terminal=True)  # noqa: SIM115
                console.print(text)
                console.file.close()
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    paths = []
                    for n, (suffix, content) in enumerate(items):
                        path = Path(tmp) / f"f{n}{suffix}"
                        path.write_bytes(content)
                        paths.append(str(path))
                    with Store(Path(tmp) / "fuzz.sqlite") as store:
                        report = ingest(paths, store, IngestOptions(max_bytes=2 * 1024 * 1024),
                                        extractor=pipeline.extract_article, version=pipeline.version)
                    stats["sitrep_errors"] += len(report.failures)
                    for failure in report.failures:
                        stats["by_error"][failure.stage] = stats["by_error"].get(failure.stage, 0) + 1
                        if failure.stage == "internal":  # caught so the batch goes on, but a bug
                            stats["foreign_exceptions"] += 1
                            if len(failures) < 20:
                                failures.append({"exception": failure.reason})
        except Exception as exc:  # noqa: BLE001 - the point: count what is not sitrep's own
            stats["foreign_exceptions"] += len(items)
            if len(failures) < 20:
                failures.append({"exception": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc(limit=4),
                                 "input": repr(items)[:2000]})
        elapsed, cpu = time.perf_counter() - t0, time.thread_time() - c0
        each = len(items) if args.target == "ingest" else 1  # a batch's time is shared by its files
        rate, cpu_rate = per_10kb(elapsed / each, size // each), per_10kb(cpu / each, size // each)
        stats["max_s_per_10kb"] = max(stats["max_s_per_10kb"], round(rate, 3))
        stats["over_2s_per_10kb"] += rate > 2.0
        stats["max_cpu_s_per_10kb"] = max(stats["max_cpu_s_per_10kb"], round(cpu_rate, 3))
        stats["over_2s_cpu_per_10kb"] += cpu_rate > 2.0
        if len(slowest) < 5 or cpu_rate > slowest[-1][0]:
            slowest = sorted([*slowest, (round(cpu_rate, 3), repr(items)[:3000])], reverse=True)[:5]
        stats["largest_input"] = max(stats["largest_input"], size // len(items))
        before = stats["inputs"]
        stats["inputs"] += len(items)
        if stats["inputs"] // args.every != before // args.every:
            print(json.dumps({**stats, "seconds": round(time.perf_counter() - started)}), file=sys.stderr, flush=True)
        if args.seconds and time.perf_counter() - started > args.seconds:
            break
    stats["seconds"] = round(time.perf_counter() - started)
    print(json.dumps(stats))
    if args.failures:
        Path(args.failures).write_text(json.dumps({"foreign": failures, "stage_errors": stage_errors,
                                                   "slowest_cpu": slowest}, indent=1,
                                                  ensure_ascii=True), encoding="utf-8")
    return 1 if stats["foreign_exceptions"] else 0


if __name__ == "__main__":
    sys.exit(main())
