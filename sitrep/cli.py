"""Command line: parses options, calls the library, prints. No logic of its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep import __version__
from sitrep.config import DEFAULT_DB, IngestOptions
from sitrep.errors import SitrepError
from sitrep.model import Article, Failure

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="sitrep: sourced, structured, cross-checked conflict event records from news and statements.",
)
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def _version(value: bool) -> None:
    if value:
        out.print(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    pass


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"sitrep: error: {message}", markup=False, highlight=False)
    return typer.Exit(code)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _ingest_options(
    text_column: str, title_column: str, date_column: str | None, outlet_column: str | None,
    url_column: str | None, outlet: str | None, encoding: str, max_mb: float, timeout: float,
) -> IngestOptions:
    return IngestOptions(
        text_column=text_column, title_column=title_column, date_column=date_column,
        outlet_column=outlet_column, url_column=url_column, outlet=outlet, encoding=encoding,
        max_bytes=int(max_mb * 1024 * 1024), timeout=timeout,
    )


TextCol = Annotated[str, typer.Option("--text-column", help="CSV/JSONL column with the article text.")]
TitleCol = Annotated[str, typer.Option("--title-column", help="CSV/JSONL column with the title.")]
DateCol = Annotated[str | None, typer.Option("--date-column", help="Column with the publication date.")]
OutletCol = Annotated[str | None, typer.Option("--outlet-column", help="Column with the outlet name.")]
UrlCol = Annotated[str | None, typer.Option("--url-column", help="Column with the article URL.")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet for every article read.")]
EncodingOpt = Annotated[str, typer.Option("--encoding", help="Text encoding of input files.")]
MaxMbOpt = Annotated[float, typer.Option("--max-mb", help="Skip inputs larger than this (MB).")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="HTTP timeout in seconds.")]
NlpOpt = Annotated[str, typer.Option("--nlp", help="rules (fast, default) or spacy (adds spaCy's entity recogniser: unknown organisations as actors, people's names kept out of places).")]


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs or feeds; - for stdin.")],
    db: DbOption = Path(DEFAULT_DB),
    text_column: TextCol = "text",
    title_column: TitleCol = "title",
    date_column: DateCol = None,
    outlet_column: OutletCol = None,
    url_column: UrlCol = None,
    outlet: OutletOpt = None,
    encoding: EncodingOpt = "utf-8",
    max_mb: MaxMbOpt = 20.0,
    timeout: TimeoutOpt = 10.0,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Extract events too.")] = True,
    nlp: NlpOpt = "rules",
) -> None:
    """Read articles into the database (stored once each; re-running is safe)."""
    from sitrep.ingest.run import ingest as run_ingest
    from sitrep.store.sqlite import Store

    options = _ingest_options(text_column, title_column, date_column, outlet_column, url_column,
                              outlet, encoding, max_mb, timeout)
    extractor, version = _extractor(nlp) if extract else (None, None)
    with Store(db) as store, _progress() as progress:
        task = progress.add_task("ingest", total=None, status="")

        def on_item(item: Article | Failure) -> None:
            if isinstance(item, Failure):
                err.print(f"sitrep: skipped {item.reason}", markup=False, highlight=False)
            progress.update(task, advance=1, status=(item.title or "")[:40] if isinstance(item, Article) else "")

        report = run_ingest(inputs, store, options, extractor=extractor, version=version, on_item=on_item)
        total = store.count("articles")
    line = (f"{report.added} articles added, {report.duplicates} already stored, "
            f"{len(report.failures)} failed; {total} in {db}")
    if extractor is not None:
        line += f"; {report.extracted} extracted ({report.mentions} event mentions)"
    out.print(line, markup=False, highlight=False)
    if report.ingested == 0:
        raise typer.Exit(1)


def _extractor(nlp: str = "rules"):  # noqa: ANN202
    """The chosen pipeline as an Article -> mentions callable and its version."""
    pipeline = _pipeline(nlp)
    return pipeline.extract_article, pipeline.version


def _pipeline(nlp: str):  # noqa: ANN202
    from sitrep.pipeline import get_pipeline

    try:
        return get_pipeline(nlp)
    except ValueError as exc:
        raise _fail(str(exc)) from exc


@app.command()
def articles(
    query: Annotated[str | None, typer.Argument(help="Full-text search (FTS5).")] = None,
    db: DbOption = Path(DEFAULT_DB),
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """List or search stored articles."""
    from sitrep.store.sqlite import Store

    _require_db(db)
    with Store(db) as store:
        rows = store.articles(query=query, outlet=outlet, limit=limit)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("id", "published", "outlet", "title", "chars")
    for row in rows:
        table.add_row(row["id"], row["published"] or "", row["outlet"] or "",
                      (row["title"] or "")[:70], str(row["chars"]))
    out.print(table)


def _require_db(db: Path) -> None:
    if not db.exists():
        raise _fail(f"no database at {db} (run 'sitrep ingest' or 'sitrep demo' first, or pass --db)")


@app.command()
def show(
    ident: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """Show one article: metadata, clean text, removed boilerplate, event mentions."""
    from sitrep.store.sqlite import Store

    _require_db(db)
    with Store(db) as store:
        row = store.article(ident)
    if row is None:
        raise _fail(f"no single article with id starting '{ident}'")
    if as_json:
        print(json.dumps(row, ensure_ascii=False))
        return
    out.rule(row["title"] or row["id"])
    out.print(f"id {row['id']}  outlet {row['outlet']}  published {row['published']}  "
              f"language {row['language']}  source {row['source']}", markup=False)
    out.print(row["text"], markup=False, highlight=False)
    if row["removed"]:
        out.rule("removed as boilerplate")
        for para in row["removed"]:
            out.print(para[:160], markup=False, style="dim")
    if row["mentions"]:
        out.rule("event mentions")
        _print_mentions(row["mentions"])


@app.command()
def failures(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """List inputs that could not be ingested or extracted, and why."""
    from sitrep.store.sqlite import Store

    _require_db(db)
    with Store(db) as store:
        rows = store.failures()
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("stage", "input", "reason", "at")
    for row in rows:
        table.add_row(row["stage"], row["input"][:50], row["reason"][:90], row["at"])
    out.print(table)


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Database to create (replaced if present).")] = Path(
        "sitrep-demo.db"
    ),
) -> None:
    """Ingest the bundled demo corpus into a fresh database and show what sitrep found."""
    from sitrep.demo import run_demo

    try:
        run_demo(db, out)
    except SitrepError as exc:
        raise _fail(str(exc)) from None


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs or feeds; - for stdin.")],
    text_column: TextCol = "text",
    title_column: TitleCol = "title",
    date_column: DateCol = None,
    outlet_column: OutletCol = None,
    url_column: UrlCol = None,
    outlet: OutletOpt = None,
    encoding: EncodingOpt = "utf-8",
    max_mb: MaxMbOpt = 20.0,
    timeout: TimeoutOpt = 10.0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON record per line.")] = False,
    nlp: NlpOpt = "rules",
) -> None:
    """Print event mentions found in the inputs (nothing is stored)."""
    from sitrep.ingest.sources import iter_articles

    options = _ingest_options(text_column, title_column, date_column, outlet_column, url_column,
                              outlet, encoding, max_mb, timeout)
    pipeline = _pipeline(nlp)
    found = 0
    rows: list[dict] = []
    for item in iter_articles(inputs, options):
        if isinstance(item, Failure):
            err.print(f"sitrep: skipped {item.reason}", markup=False, highlight=False)
            continue
        try:
            mentions = pipeline.extract_article(item)
        except SitrepError as exc:
            err.print(f"sitrep: skipped {item.source}: {exc}", markup=False, highlight=False)
            continue
        found += 1
        for m in mentions:
            record = m.to_dict()
            if as_json:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                rows.append(record)
    if not as_json:
        _print_mentions(rows)
    if found == 0:
        raise typer.Exit(1)


eval_app = typer.Typer(no_args_is_help=True, help="Score the pipeline on gold data.")
app.add_typer(eval_app, name="eval")


@eval_app.command("fakes")
def eval_fakes(
    path: Annotated[Path, typer.Argument(help="FA-KES CSV (article_title, article_content, source + gold).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line of accuracies.")] = False,
    errors: Annotated[Path | None, typer.Option("--errors", help="Write every miss as JSON here.")] = None,
    nlp: NlpOpt = "rules",
) -> None:
    """Main incident per article vs FA-KES gold: location, cause, perpetrator, counts, date."""
    from sitrep.evaluate.fakes import FIELDS, evaluate

    if not path.exists():
        raise _fail(f"no such file: {path}")
    with _progress() as progress:
        task = progress.add_task("extract", total=None, status="")
        scores = evaluate(str(path), pipeline=_pipeline(nlp), progress=lambda: progress.advance(task))
    result = scores.as_dict()
    if errors:
        errors.write_text(json.dumps(scores.errors, ensure_ascii=False, indent=1), encoding="utf-8")
    if as_json:
        print(json.dumps(result))
        return
    table = Table("field", "accuracy", title=f"FA-KES: {scores.n} rows")
    for field in FIELDS + ["event_date"]:
        table.add_row(field, f"{result[field]:.3f}")
    out.print(table)
    for field in ("location", "cause", "perpetrator"):
        confusion = Table("gold", "predicted", "rows", title=f"{field}: most frequent confusions")
        for (gold, got), n in scores.confusion[field].most_common():
            if gold != got:
                confusion.add_row(gold, got, str(n))
            if confusion.row_count >= 8:
                break
        out.print(confusion)


@eval_app.command("plover")
def eval_plover(
    path: Annotated[Path, typer.Argument(help="PLOVER_GSR_CAMEO.json (gold-coded sentences).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line.")] = False,
    nlp: NlpOpt = "rules",
) -> None:
    """Event type (and source actor) per PLOVER gold sentence."""
    from sitrep.evaluate.plover import evaluate_plover

    if not path.exists():
        raise _fail(f"no such file: {path}")
    result = evaluate_plover(str(path), pipeline=_pipeline(nlp))
    if as_json:
        print(json.dumps({k: v for k, v in result.items() if k != "per_type"}))
        return
    out.print(f"PLOVER gold sentences: {result['n']}; type accuracy {result['type_accuracy']}; "
              f"an event found in {result['coverage']}; source actor right in "
              f"{result['source_accuracy_when_type_right']} of those typed right", markup=False)
    table = Table("type", "sentences", "correct", "most often confused with")
    for name, row in result["per_type"].items():
        table.add_row(name, str(row["n"]), str(row["correct"]), ", ".join(row["top_wrong"]))
    out.print(table)


@eval_app.command("geo")
def eval_geo(
    path: Annotated[Path, typer.Argument(help="Geoparsing corpus XML (TR-News, GeoVirus, LGL, GeoWebNews).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line.")] = False,
    gold_spans: Annotated[bool, typer.Option("--gold-spans", help="Resolve the gold spans only.")] = False,
    ner: Annotated[bool, typer.Option("--ner/--no-ner", help="Add spaCy's entity recogniser (slower).")] = False,
) -> None:
    """Toponyms found and placed within 161 km, error km, AUC, and geoparsing speed (articles/s)."""
    from sitrep.evaluate.geo import score_corpus, sitrep_geoparser

    if not path.exists():
        raise _fail(f"no such file: {path}")
    result = score_corpus(str(path), sitrep_geoparser(ner=ner), gold_spans=gold_spans)
    if as_json:
        print(json.dumps(result))
        return
    table = Table("measure", "value", title=f"geoparsing: {path.name}")
    for key, value in result.items():
        table.add_row(key, str(value))
    out.print(table)


@app.command()
def bench(
    path: Annotated[Path, typer.Argument(help="CSV/JSONL of articles (e.g. the FA-KES file).")],
    text_column: TextCol = "article_content",
    title_column: TitleCol = "article_title",
    outlet_column: OutletCol = "source",
    spacy_sample: Annotated[int, typer.Option("--spacy-sample", help="Texts for the spaCy comparison.")] = 120,
    fusion: Annotated[int, typer.Option("--fusion", help="Also fuse this many synthetic mentions (0: skip).")] = 0,
    nlp: NlpOpt = "rules",
    as_json: JsonOption = False,
) -> None:
    """Articles/s of 'sitrep extract' in a fresh process, peak memory, and spaCy's own rate."""
    from sitrep.bench import fusion_bench, run_bench

    if not path.exists():
        raise _fail(f"no such file: {path}")
    _pipeline(nlp)  # a clear error for an unknown choice, before timing anything
    result = run_bench(str(path), text_column, title_column, outlet_column, spacy_sample, nlp)
    if fusion:
        result.update({f"fusion_{k}": v for k, v in fusion_bench(fusion).items()})
    if as_json:
        print(json.dumps(result))
        return
    table = Table("measure", "value", title=f"sitrep bench: {path.name}")
    for key, value in result.items():
        table.add_row(key, str(value))
    out.print(table)


def _fused(db: Path):  # noqa: ANN202
    """The store with every mention fused; fusion runs only when some mention is new."""
    from sitrep.fuse.events import fuse_store
    from sitrep.store.sqlite import Store

    _require_db(db)
    store = Store(db)
    if store.unfused_mentions():
        fuse_store(store)
    return store


@app.command()
def events(
    db: DbOption = Path(DEFAULT_DB),
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Place or admin1 name contains this.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor name or label contains this.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")] = None,
    multi: Annotated[bool, typer.Option("--multi", help="Only events reported by several outlets.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Fused events: one row per real-world event, with every source's figures."""
    from sitrep.fuse.events import range_text
    from sitrep.fuse.query import filter_events

    with _fused(db) as store:
        rows = filter_events(store.events(), type_, place, actor, since, until, multi)
    if as_json:
        for e in rows:
            print(json.dumps(e, ensure_ascii=False))
        return
    table = Table("event", "date", "type", "place", "actor1", "actor2", "killed", "outlets", "contradictions")
    for e in rows:
        table.add_row(
            e["id"], e.get("date") or "", e["type"], (e.get("place") or {}).get("name") or "",
            _actor_cell(e.get("actor1")), _actor_cell(e.get("actor2")), range_text(e.get("killed")),
            ", ".join(e["outlets"]), str(len(e.get("contradictions", []))),
        )
    out.print(table)


@app.command()
def event(
    ident: Annotated[str, typer.Argument(help="Event id (a unique prefix is enough).")],
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """One fused event: each source's version side by side, contradictions highlighted."""
    with _fused(db) as store:
        matches = [e for e in store.events() if e["id"].startswith(ident)]
        if len(matches) != 1:
            raise _fail(f"no single event with id starting '{ident}'")
        e = matches[0]
        records = {}
        for mention_id in e["mentions"]:
            row = store.conn.execute(
                "SELECT m.record, o.name, a.published, a.title FROM mentions m JOIN articles a ON a.id = m.article_id "
                "LEFT JOIN outlets o ON o.id = a.outlet_id WHERE m.id = ?", (mention_id,)).fetchone()
            if row:
                records[mention_id] = (json.loads(row[0]), row[1], row[2], row[3])
    if as_json:
        e["sources"] = [{"outlet": o, "published": p, "title": t, "record": r} for r, o, p, t in records.values()]
        print(json.dumps(e, ensure_ascii=False))
        return
    out.rule(f"{e['type']} {e.get('date') or ''} {(e.get('place') or {}).get('name') or ''} [{e['id']}]")
    table = Table("outlet", "published", "actor1 (words)", "actor2 (words)", "killed", "injured", "says", "quote")
    for r, outlet, published, _title in records.values():
        claim = r["claim"]
        table.add_row(outlet or "", published or "", _actor_cell(r.get("actor1")), _actor_cell(r.get("actor2")),
                      _figures(r, "killed"), _figures(r, "injured"),
                      f"{claim.get('source') or claim.get('by') or ''} [{claim['modality']}]", r["evidence"]["text"][:120])
    out.print(table)
    for c in e.get("contradictions", []):
        if c["kind"] == "toll_update":
            out.print(f"[bold yellow]update[/]: {c['summary']}")
        else:
            out.print(f"[bold red]contradiction[/] ({c['kind']}): {c['summary']}")


@app.command()
def compare(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[str | None, typer.Option("--actor", help="Canonical actor (name contains this).")] = None,
    outlets: Annotated[str | None, typer.Option("--outlets", help="Comma-separated outlets to compare.")] = None,
    as_json: JsonOption = False,
) -> None:
    """How outlets label actors (framing), and their loaded language per 1,000 words."""
    from sitrep.frame.labels import read_framing
    from sitrep.store.sqlite import Store

    _require_db(db)
    wanted = {o.strip().lower() for o in outlets.split(",")} if outlets else None
    with Store(db) as store:
        framing = read_framing(store)
    examples, language = framing.examples, framing.language
    rows = []
    for (name, outlet), labels in sorted(framing.labels.items()):
        if actor and actor.lower() not in name.lower():
            continue
        if wanted and outlet.lower() not in wanted:
            continue
        rows.append({"actor": name, "outlet": outlet, "labels": [
            {"label": lab, "count": n, "example": examples.get((name, outlet, lab))} for lab, n in labels.most_common()]})
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    frame = Table("actor", "outlet", "labels (count)", "example", title="Framing: labels by outlet and actor")
    for row in rows:
        top = row["labels"][:4]
        frame.add_row(row["actor"], row["outlet"], ", ".join(f"“{x['label']}” {x['count']}" for x in top),
                      (top[0]["example"] or "")[:90] if top else "")
    out.print(frame)
    cats = ["name_calling", "loaded_language", "slogans", "appeal_to_fear", "flag_waving", "doubt"]
    lang = Table("outlet", "articles", *cats, title="Loaded language per 1,000 words")
    for outlet, counts in sorted(language.items()):
        if wanted and outlet.lower() not in wanted:
            continue
        per = 1000 / max(1, counts["_words"])
        lang.add_row(outlet, str(counts["_articles"]), *(f"{counts[c] * per:.1f}" for c in cats))
    out.print(lang)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="csv, acled, geojson, jsonl or parquet.")] = "csv",
    db: DbOption = Path(DEFAULT_DB),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Export fused events (ACLED-like columns, GeoJSON points, JSON Lines, Parquet)."""
    from sitrep.store.export import FORMATS, write

    if fmt not in FORMATS:
        raise _fail(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})")
    if fmt == "parquet" and output is None:
        raise _fail("parquet needs --output FILE")
    with _fused(db) as store:
        events_ = store.events()
        records = {r[0]: json.loads(r[1]) for r in store.conn.execute("SELECT id, record FROM mentions")}
    if fmt == "parquet":
        n = write(events_, records, fmt, str(output))
    elif output:
        with output.open("w", encoding="utf-8", newline="") as fh:
            n = write(events_, records, fmt, fh)
    else:
        n = write(events_, records, fmt, sys.stdout)
    err.print(f"sitrep: exported {n} events as {fmt}", markup=False)


@eval_app.command("fusion")
def eval_fusion(
    path: Annotated[Path, typer.Argument(help="FA-KES CSV.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line.")] = False,
    ceilings: Annotated[bool, typer.Option(
        "--ceilings", help="Also pair articles by (date, governorate, cause) keys mixing ours with the gold's.")] = False,
) -> None:
    """Ingest into a fresh temporary DB, fuse, score same-incident article pairs against gold."""
    from sitrep.evaluate.fusion import evaluate_fusion, key_pairing_ceilings

    if not path.exists():
        raise _fail(f"no such file: {path}")
    result = evaluate_fusion(str(path))
    keys = ("gold_pairs", "precision", "recall", "f1")
    if ceilings:
        result["key_pairing_f1"] = key_pairing_ceilings(str(path))
        keys += ("key_pairing_f1",)
    if as_json:
        print(json.dumps({k: result[k] for k in keys}))
        return
    if ceilings:
        out.print(f"Pairing by keys instead of fusing, F1: {result['key_pairing_f1']}", markup=False)
    table = Table("measure", "value", title="FA-KES same-incident article pairs")
    for key in ("gold_pairs", "predicted_pairs", "true_positives", "precision", "recall", "f1"):
        table.add_row(key, str(result[key]))
    out.print(table)
    out.print(
        f"Diagnostic (not the gate): against pairs whose gold dates are at most 3 days apart "
        f"({result['relaxed_gold_pairs']} pairs), precision {result['relaxed_precision']}, "
        f"recall {result['relaxed_recall']}, F1 {result['relaxed_f1']}. FA-KES dates follow the "
        f"report, so one event reported on two days is two gold incidents.", markup=False)


def _figures(record: dict, kind: str) -> str:
    return ", ".join(f"{c['count'] if c['count'] is not None else '?'} {c['category']}"
                     for c in record["casualties"] if c["kind"] == kind and not c["subset"])


def _print_mentions(mentions: list[dict]) -> None:
    table = Table("type", "mode", "actor1", "actor2", "where", "when", "casualties", "says", "evidence")
    for m in mentions:
        a1, a2, loc, when = m.get("actor1"), m.get("actor2"), m.get("location"), m.get("date")
        cas = ", ".join(
            f"{'of which ' if c.get('subset') else ''}"
            f"{c['count'] if c['count'] is not None else 'some'}{'+' if c['approx'] in ('at_least', 'more_than') else ''}"
            f" {c['kind']} ({c['category']})"
            for c in m.get("casualties", [])
        )
        claim = m.get("claim") or {}
        table.add_row(
            m["type"], m.get("mode") or "",
            _actor_cell(a1), _actor_cell(a2),
            f"{loc['name']} ({loc.get('admin1') or loc.get('country') or ''})" if loc else "",
            when["value"] if when else "", cas,
            f"{claim.get('source') or claim.get('by') or ''} [{claim.get('modality')}]",
            (m["evidence"]["text"] or "")[:80],
        )
    out.print(table)


def _actor_cell(actor: dict | None) -> str:
    if not actor:
        return ""
    name, label = actor.get("name"), actor.get("label")
    if name and label and label.lower() != name.lower():
        return f"{name} “{label}”"
    return name or f"“{label}”"


def main() -> None:
    try:
        app()
    except SitrepError as exc:
        err.print(f"sitrep: error: {exc}", markup=False, highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("sitrep: interrupted; run the same command again to finish", markup=False)
        sys.exit(130)


if __name__ == "__main__":
    main()
