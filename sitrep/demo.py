"""``sitrep demo``: the bundled corpus into a fresh database, and a tour of what was found.

The corpus (``data/demo/corpus.jsonl``) was written for this project: 20 short reports on four
fictional incidents in 2024, each covered by several invented outlets with different slants.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from sitrep import render
from sitrep.config import IngestOptions
from sitrep.ingest.run import ingest
from sitrep.resolve.datafiles import data_path
from sitrep.store.sqlite import Store

DEMO_OPTIONS = IngestOptions(
    text_column="text", title_column="title", date_column="published",
    outlet_column="outlet", url_column="url",
)


def demo_corpus_path() -> Path:
    return Path(str(data_path("demo/corpus.jsonl")))


def run_demo(db: Path, console: Console) -> dict:
    """Build ``db`` from the demo corpus (replacing it) and print a summary; returns counts."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    from sitrep.pipeline import default_pipeline

    pipeline = default_pipeline()
    with Store(db) as store:
        report = ingest(
            [str(demo_corpus_path())], store, DEMO_OPTIONS,
            extractor=pipeline.extract_article, version=pipeline.version,
        )
        console.print(
            render.join(render.styled("sitrep demo", "bold"), f": {report.added} reports from "
            f"{store.count('outlets')} outlets ingested into {db}; "
            f"{report.mentions} event mentions extracted")
        )
        table = Table("outlet", "reports", "boilerplate paragraphs removed", title="Outlets")
        for row in store.conn.execute(
            "SELECT o.name, count(*), sum(json_array_length(a.removed)) FROM articles a "
            "JOIN outlets o ON o.id = a.outlet_id GROUP BY o.name ORDER BY o.name"
        ):
            table.add_row(row[0], str(row[1]), str(row[2] or 0))
        console.print(table)
        _print_mentions(store, console)
        counts = {"articles": report.added, "mentions": report.mentions}
        counts.update(_print_fusion(store, console))
    console.print(
        f"Explore further: sitrep events --multi --db {db}; sitrep event ID --db {db}; "
        f"sitrep compare --actor 'armed opposition' --db {db}; sitrep export --format geojson --db {db}",
        markup=False,
    )
    return counts


def _print_mentions(store: Store, console: Console) -> None:
    table = Table("outlet", "date", "type", "mode", "actor1 (label)", "actor2 (label)", "place",
                  "killed", "claim", title="Event mentions (violent events)")
    rows = store.conn.execute(
        "SELECT o.name, m.record FROM mentions m JOIN articles a ON a.id = m.article_id "
        "JOIN outlets o ON o.id = a.outlet_id ORDER BY m.event_date, o.name"
    ).fetchall()
    import json

    for outlet, raw in rows:
        m = json.loads(raw)
        if m["type"] not in {"ASSAULT", "PROTEST", "AGREE"} or m.get("historical"):
            continue
        killed = [c for c in m["casualties"] if c["kind"] == "killed"]
        table.add_row(
            outlet, (m.get("date") or {}).get("value") or "", m["type"], m.get("mode") or "",
            _actor(m.get("actor1")), _actor(m.get("actor2")),
            (m.get("location") or {}).get("name") or "",
            ", ".join(f"{c['count']} {c['category']}" for c in killed),
            f"{m['claim'].get('source') or m['claim'].get('by') or ''} ({m['claim']['modality']})",
        )
    console.print(table)


def _actor(actor: dict | None) -> str:
    if not actor:
        return ""
    name, label = actor.get("name"), actor.get("label")
    if name and label and label.lower() not in name.lower():
        return f"{name} ({label})"
    return name or f"({label})"


def _print_fusion(store: Store, console: Console) -> dict:
    """Fused events, contradictions and framing."""
    from sitrep.frame.labels import framing_table
    from sitrep.fuse.events import fuse_store

    events = fuse_store(store)
    multi = [e for e in events if len(e.outlets) > 1]
    table = Table("event", "date", "type", "place", "outlets", "killed (range)", "contradictions",
                  title=f"Fused events ({len(events)}; {len(multi)} reported by several outlets)")
    for e in sorted(multi, key=lambda e: e.date or ""):
        table.add_row(
            e.id[:8], e.date or "", e.type, e.place or "", ", ".join(sorted(e.outlets)),
            e.killed_range_text(), "; ".join(c.summary for c in e.contradictions)[:120],
        )
    console.print(table)
    framing = framing_table(store)
    ftable = Table("actor", "outlet", "labels used", title="Framing: how each outlet names each actor")
    for (actor, outlet), labels in sorted(framing.items()):
        if len({o for (a, o) in framing if a == actor}) < 2:
            continue
        ftable.add_row(actor, outlet, ", ".join(f"“{lab}” ×{n}" for lab, n in labels.most_common(4)))
    console.print(ftable)
    return {"events": len(events), "multi_source_events": len(multi),
            "contradictions": sum(len(e.contradictions) for e in events)}
