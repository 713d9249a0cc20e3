"""``sitrep demo``: the bundled corpus into a fresh database, and a tour of what was found.

The corpus (``data/demo/corpus.jsonl``) was written for this project: 20 short reports on four
fictional incidents in 2024, each covered by several invented outlets with different slants.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from sitrep.config import IngestOptions
from sitrep.errors import SitrepError
from sitrep.fuse.events import fuse_store, range_text
from sitrep.ingest.run import ingest
from sitrep.queries import EventFilter, iter_events
from sitrep.resolve.datafiles import data_path
from sitrep.store.base import Store, display_url, is_postgres, open_store

DEMO_OPTIONS = IngestOptions(
    text_column="text", title_column="title", date_column="published",
    outlet_column="outlet", url_column="url",
)


def demo_corpus_path() -> Path:
    return Path(str(data_path("demo/corpus.jsonl")))


def run_demo(db: str | Path, console: Console) -> dict:
    """Build ``db`` from the demo corpus (a file is replaced; a PostgreSQL database must be
    empty) and print a summary; returns counts."""
    if not is_postgres(db):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    from sitrep.pipeline import default_pipeline

    pipeline = default_pipeline()
    with open_store(db) as store:
        if store.count("articles"):
            raise SitrepError(f"the demo needs an empty database; {display_url(db)} holds articles")
        report = ingest(
            [str(demo_corpus_path())], store, DEMO_OPTIONS,
            extractor=pipeline.extract_article, version=pipeline.version,
        )
        fuse_store(store)
        console.print(
            f"[bold]sitrep demo[/]: {report.added} reports from "
            f"{store.count('outlets')} outlets ingested into {display_url(db)}; "
            f"{report.mentions} event mentions extracted"
        )
        table = Table("outlet", "reports", "boilerplate paragraphs removed", title="Outlets")
        for row in store.outlet_summary():
            table.add_row(row["outlet"], str(row["articles"]), str(row["removed"]))
        console.print(table)
        _print_mentions(store, console)
        counts = {"articles": report.added, "mentions": report.mentions}
        counts.update(_print_fusion(store, console))
    shown = display_url(db)
    console.print(
        f"Explore further: sitrep events --multi --db {shown}; sitrep event ID --db {shown}; "
        f"sitrep compare --actor 'armed opposition' --db {shown}; sitrep export --format geojson --db {shown}",
        markup=False,
    )
    return counts


def _print_mentions(store: Store, console: Console) -> None:
    table = Table("outlet", "date", "type", "mode", "actor1 (label)", "actor2 (label)", "place",
                  "killed", "claim", title="Event mentions (violent events)")
    for outlet, mention in store.mentions_with_outlets():
        m = mention.to_dict()
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

    total = store.count("events")
    multi = list(iter_events(store, EventFilter(multi=True)))
    table = Table("event", "date", "type", "place", "outlets", "killed (range)", "contradictions",
                  title=f"Fused events ({total}; {len(multi)} reported by several outlets)")
    for e in multi:
        table.add_row(
            e.id[:8], e.date or "", e.type, e.place.name if e.place else "", ", ".join(sorted(e.outlets)),
            range_text(e.killed.to_dict() if e.killed else None), "; ".join(c.summary for c in e.contradictions)[:120],
        )
    console.print(table)
    framing = framing_table(store)
    ftable = Table("actor", "outlet", "labels used", title="Framing: how each outlet names each actor")
    for (actor, outlet), labels in sorted(framing.items()):
        if len({o for (a, o) in framing if a == actor}) < 2:
            continue
        ftable.add_row(actor, outlet, ", ".join(f"“{lab}” ×{n}" for lab, n in labels.most_common(4)))
    console.print(ftable)
    contradictions = sum(len(e.contradictions) for e in iter_events(store))
    return {"events": total, "multi_source_events": len(multi), "contradictions": contradictions}
