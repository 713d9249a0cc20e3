"""Command line: parses options, calls the library, prints. No logic of its own."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep import __version__, checks, render
from sitrep.config import IngestOptions
from sitrep.errors import SitrepError
from sitrep.model import Article, Failure

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="sitrep: sourced, structured, cross-checked conflict event records from news and statements.",
)
# Every line printed goes through these consoles: untrusted text is cleaned and never read as markup.
out = render.console(width=None if sys.stdout.isatty() else 200)
err = render.console(stderr=True, soft_wrap=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", help="SQLite file or postgresql:// URL (default: $SITREP_DB, else sitrep.db).")]
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
        TextColumn("{task.description}", style="bold", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}", markup=False),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _ingest_options(
    text_column: str, title_column: str, date_column: str | None, outlet_column: str | None,
    url_column: str | None, outlet: str | None, encoding: str, max_mb: float, timeout: float,
    allow_private: bool = False,
) -> IngestOptions:
    return IngestOptions(
        text_column=text_column, title_column=title_column, date_column=date_column,
        outlet_column=outlet_column, url_column=url_column, outlet=outlet, encoding=encoding,
        max_bytes=int(max_mb * 1024 * 1024), timeout=timeout, allow_private=allow_private,
    )


TextCol = Annotated[str, typer.Option("--text-column", help="CSV/JSONL column with the article text.")]
TitleCol = Annotated[str, typer.Option("--title-column", help="CSV/JSONL column with the title.")]
DateCol = Annotated[str | None, typer.Option("--date-column", help="Column with the publication date.")]
OutletCol = Annotated[str | None, typer.Option("--outlet-column", help="Column with the outlet name.")]
UrlCol = Annotated[str | None, typer.Option("--url-column", help="Column with the article URL.")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet for every article read.")]
EncodingOpt = Annotated[str, typer.Option(
    "--encoding", callback=checks.encoding_option,
    help="Text encoding of input files; auto (default): BOM, declared charset, <meta charset>, then detection.")]
MaxMbOpt = Annotated[float, typer.Option("--max-mb", callback=checks.positive_option("--max-mb"),
                                         help="Skip inputs larger than this (MB).")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", callback=checks.positive_option("--timeout"),
                                           help="Seconds in all for each URL, redirects included.")]
AllowPrivateOpt = Annotated[bool, typer.Option(
    "--allow-private", help="Fetch from private, loopback and link-local addresses (refused by default).")]
WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", min=1, help="Extraction processes (default: one per core; 1: in this process).")]
EngineOpt = Annotated[str, typer.Option(
    "--engine", help="processes (default: worker processes on this machine) or dask (a Dask cluster).")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", help="With --engine dask: the scheduler's tcp://HOST:PORT (default: a local cluster on 127.0.0.1).")]
NlpOpt = Annotated[str, typer.Option("--nlp", help="rules (fast, default) or spacy (adds spaCy's entity recogniser: unknown organisations as actors, people's names kept out of places).")]


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, URLs or feeds; - for stdin.")],
    db: DbOption = None,
    text_column: TextCol = "text",
    title_column: TitleCol = "title",
    date_column: DateCol = None,
    outlet_column: OutletCol = None,
    url_column: UrlCol = None,
    outlet: OutletOpt = None,
    encoding: EncodingOpt = "auto",
    max_mb: MaxMbOpt = 20.0,
    timeout: TimeoutOpt = 10.0,
    allow_private: AllowPrivateOpt = False,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Extract events too.")] = True,
    nlp: NlpOpt = "rules",
    fuse_events: Annotated[bool, typer.Option("--fuse/--no-fuse", help="Fuse new mentions into events at the end.")] = True,
    workers: WorkersOpt = None,
    engine: EngineOpt = "processes",
    scheduler: SchedulerOpt = None,
) -> None:
    """Read articles into the database (stored once each; re-running is safe)."""
    from sitrep.batch import closing_meanwhile

    db = _db(db)
    options = _ingest_options(text_column, title_column, date_column, outlet_column, url_column,
                              outlet, encoding, max_mb, timeout, allow_private)
    # the executor first: its fork server starts loading the pipeline's data (the workers' first
    # 3 s) while this process opens the store and builds the pipeline
    with _executor(workers, engine, scheduler, extract) as executor, _open(db) as store, _progress() as progress:
        from sitrep.fuse.events import fuse_store
        from sitrep.ingest.run import ingest as run_ingest

        extractor, version = _extractor(nlp) if extract else (None, None)
        task = progress.add_task("read", total=None, status="")
        extracting = progress.add_task("extract", total=None, status="", visible=extract)

        def on_item(item: Article | Failure) -> None:
            if isinstance(item, Failure):
                progress.console.print(f"sitrep: skipped {item.reason}")
            progress.update(task, advance=1, status=(item.title or "")[:40] if isinstance(item, Article) else "")

        def on_extracted(article: Article, failure: Failure | None) -> None:
            if failure is not None:  # one line per failure, as for a file that cannot be read
                progress.console.print(f"sitrep: extraction failed: {failure.reason}")
            progress.update(extracting, advance=1, status=(article.title or "")[:40])

        try:
            report = run_ingest(inputs, store, options, extractor=extractor, version=version, on_item=on_item,
                                on_extracted=on_extracted, executor=executor)
        except SitrepError as exc:
            raise _fail(str(exc)) from None
        fused = None
        if extractor is not None and fuse_events:
            fusing = progress.add_task("fuse", total=None, status="new mentions into events")
            with closing_meanwhile(executor):  # the workers end while this process fuses
                fused = fuse_store(store)
            progress.update(fusing, visible=False)
        total = store.count("articles")
    from sitrep.store.base import display_url

    line = (f"{report.added} articles added, {report.duplicates} already stored, "
            f"{len(report.failures)} failed; {total} in {display_url(db)}")
    if extractor is not None:
        line += f"; {report.extracted} extracted ({report.mentions} event mentions)"
    if fused is not None:
        line += f"; {fused.mentions} mentions fused ({fused.events_written} events written)"
    out.print(line, markup=False, highlight=False)
    if report.ingested == 0:
        raise typer.Exit(1)


def _executor(workers: int | None, engine: str, scheduler: str | None, extract: bool = True):  # noqa: ANN202
    """Where extraction runs (``sitrep.batch``); in this process when nothing is extracted."""
    from sitrep.batch import SerialExecutor, make_executor

    if not extract:
        return SerialExecutor()
    if scheduler and engine != "dask":
        raise _fail("--scheduler needs --engine dask")
    try:
        return make_executor(workers, engine, scheduler)
    except (ValueError, OSError) as exc:
        raise _fail(str(exc)) from None
    except SitrepError as exc:
        raise _fail(str(exc)) from None


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
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    limit: Annotated[int, typer.Option("--limit", callback=checks.positive_option("--limit", integer=True),
                                       help="At most this many rows.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """List or search stored articles."""
    with _open(_require_db(db)) as store:
        rows = store.articles(query=query, outlet=outlet, limit=limit)
    if as_json:
        for row in rows:
            render.write_json_line(row)
        return
    table = Table("id", "published", "outlet", "title", "chars")
    for row in rows:
        table.add_row(row["id"], row["published"] or "", row["outlet"] or "",
                      (row["title"] or "")[:70], str(row["chars"]))
    out.print(table)


def _db(db: str | None) -> str:
    from sitrep.store.base import resolve_db

    return resolve_db(db)


def _require_db(db: str | None) -> str:
    from sitrep.store.base import exists

    db = _db(db)
    if not exists(db):
        raise _fail(f"no database at {db} (run 'sitrep ingest' or 'sitrep demo' first, or pass --db)")
    return db


def _open(db: str):  # noqa: ANN202 - a sitrep.store.base.Store
    from sitrep.store.base import open_store

    try:
        return open_store(db)
    except SitrepError as exc:
        raise _fail(str(exc)) from None


@app.command()
def show(
    ident: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one article: metadata, clean text, removed boilerplate, event mentions."""
    with _open(_require_db(db)) as store:
        row = store.article(ident)
    if row is None:
        raise _fail(f"no single article with id starting '{ident}'")
    if as_json:
        render.write_json_line(row)
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
def failures(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List inputs that could not be ingested or extracted, and why."""
    with _open(_require_db(db)) as store:
        rows = store.failures()
    if as_json:
        for row in rows:
            render.write_json_line(row)
        return
    if not rows:
        out.print(f"no failures in {db}")
        return
    table = Table("stage", "input", "reason", "at")
    for row in rows:
        table.add_row(row["stage"], row["input"][:50], row["reason"][:90], row["at"])
    out.print(table)


@app.command()
def demo(
    db: Annotated[str, typer.Option(
        "--db", help="Database file to create (replaced if present), or an empty postgresql:// database.")
    ] = "sitrep-demo.db",
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
    encoding: EncodingOpt = "auto",
    max_mb: MaxMbOpt = 20.0,
    timeout: TimeoutOpt = 10.0,
    allow_private: AllowPrivateOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON record per line.")] = False,
    nlp: NlpOpt = "rules",
) -> None:
    """Print event mentions found in the inputs (nothing is stored)."""
    from sitrep.ingest.sources import iter_articles

    options = _ingest_options(text_column, title_column, date_column, outlet_column, url_column,
                              outlet, encoding, max_mb, timeout, allow_private)
    pipeline = _pipeline(nlp)
    found = 0
    rows: list[dict] = []
    with _progress() as progress:
        task = progress.add_task("extract", total=None, status="")
        for item in iter_articles(inputs, options):
            progress.advance(task)
            if isinstance(item, Failure):
                progress.console.print(f"sitrep: skipped {item.reason}")
                continue
            try:
                mentions = pipeline.extract_article(item)
            except SitrepError as exc:
                progress.console.print(f"sitrep: skipped {item.source}: {exc}")
                continue
            found += 1
            for m in mentions:
                record = m.to_dict()
                if as_json:
                    render.write_json_line(record)
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
    _print_measures(f"geoparsing: {path.name}", result)


@eval_app.command("records")
def eval_records(
    path: Annotated[Path, typer.Argument(help="The records gold folder (../shared/data/records) or a <split>_docs.jsonl with gold beside it.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object of every figure.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", help="List every false record, missed event and wrong field.")] = False,
    split: Annotated[str, typer.Option("--split", help="Which <split>_docs.jsonl in a folder.")] = "dev",
) -> None:
    """Every record against hand-coded gold events (PROTOCOL.md): precision, recall, fields."""
    from sitrep.evaluate.records import FIELDS, RecordsInputError, evaluate_records

    if not path.exists():
        raise _fail(f"no such file or folder: {path}")
    try:
        with _progress() as progress:
            task = progress.add_task("extract", total=None, status="")
            scores = evaluate_records(path, split=split, progress=lambda: progress.advance(task))
    except RecordsInputError as exc:
        raise _fail(str(exc)) from None
    result = scores.as_dict()
    for failure in scores.failures:
        err.print(f"sitrep: {failure['input']}: extraction failed: {_plain(failure['reason'])}",
                  markup=False, highlight=False)
    if verbose:
        for row in scores.errors():
            detail = row.get("detail") or row.get("evidence") or ""
            event = f" {row['event']}" if row.get("event") else ""
            out.print(_plain(f"{row['what']:>19}  {row['doc_id']}{event} {row['type']}: {detail[:160]}"),
                      markup=False, highlight=False, soft_wrap=True)
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return
    table = Table("corpus", "docs", "gold", "records", "matched", "P", "R", "F1", "dup", "bg", "fully right",
                  title=f"Records vs gold: {result['docs']} documents, {result['gold_events']} gold events")
    rows = [("all", result), *result["per_corpus"].items()]
    for name, r in rows:
        table.add_row(name, str(r["docs"]), str(r["gold_events"]), str(r["records"]), str(r["matched"]),
                      f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}", str(r["duplicates"]),
                      str(r["background_reported"]), f"{r['fully_right']:.3f}")
    out.print(table)
    fields = Table("field", "accuracy", "right / matched", title="Fields over matched pairs")
    for name in FIELDS:
        cell = result["fields"].get(name)
        if cell:
            fields.add_row(name, f"{cell['accuracy']:.3f}", f"{cell['right']}/{cell['n']}")
    out.print(fields)
    out.print(f"False records: {result['duplicates']} duplicates, {result['background_reported']} background "
              f"reported, {result['wrong_type']} wrong type, {result['spurious']} spurious; "
              f"{result['historical']} marked historical (not scored). Records per document "
              f"{result['records_per_doc']:.2f}; fully right {result['fully_right_n']} of "
              f"{result['gold_events']} gold events.", markup=False, highlight=False)


@eval_app.command("hrds")
def eval_hrds(
    path: Annotated[Path, typer.Argument(help="HRDsAttack split (hrds_dev.json or hrds_train.json).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object of every figure.")] = False,
) -> None:
    """Main event per article vs HRDsAttack: country, perpetrator type, violations, date."""
    from sitrep.evaluate.hrds import PAPER_T5, HrdsInputError, evaluate_hrds

    if not path.exists():
        raise _fail(f"no such file: {path}")
    try:
        with _progress() as progress:
            task = progress.add_task("extract", total=None, status="")
            result = evaluate_hrds(path, progress=lambda: progress.advance(task))
    except HrdsInputError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return
    table = Table("measure", "sitrep", "majority baseline", "sitrep, paper's counting", "baseline, paper's counting",
                  "HRDsAttack T5 (paper, test)", title=f"HRDsAttack {path.name}: {result['n']} articles")
    for key, label in (("country", "country accuracy"), ("perpetrator_type", "perpetrator type accuracy"),
                       ("violations_f1", "violation types micro-F1"), ("year", "year accuracy"),
                       ("month", "month accuracy"), ("day", "day accuracy")):
        paper, counted = PAPER_T5.get(key), result.get(f"{key}_paper_counting", result[key])
        base_counted = result["baseline"].get(f"{key}_paper_counting", result["baseline"][key])
        table.add_row(label, f"{result[key]:.3f}", f"{result['baseline'][key]:.3f}", f"{counted:.3f}",
                      f"{base_counted:.3f}", "" if paper is None else f"{paper:.3f}")
    out.print(table)
    types = Table("violation type", "gold", "predicted", "right", "precision", "recall", title="Violation types")
    for name, cell in result["violations_by_type"].items():
        types.add_row(name, str(cell["gold"]), str(cell["predicted"]), str(cell["right"]), f"{cell['precision']:.3f}",
                      f"{cell['recall']:.3f}")
    out.print(types)
    out.print(f"Majority labels from {result['baseline_from']}. Paper's counting: an article whose gold "
              "is None is never right (the paper's scorer).", markup=False, highlight=False)
    for failure in result["failures"]:
        err.print(f"sitrep: {failure['input']}: {_plain(failure['reason'])}", markup=False, highlight=False)


def _plain(text: str) -> str:
    """Untrusted text for a terminal: control characters (escape codes) become spaces."""
    return "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in text)


@app.command()
def bench(
    path: Annotated[Path | None, typer.Argument(help="CSV/JSONL of articles (e.g. the FA-KES file).")] = None,
    text_column: TextCol = "article_content",
    title_column: TitleCol = "article_title",
    outlet_column: OutletCol = "source",
    spacy_sample: Annotated[int, typer.Option("--spacy-sample", help="Texts for the spaCy comparison.")] = 120,
    fusion: Annotated[int, typer.Option("--fusion", help="Also fuse this many synthetic mentions (0: skip).")] = 0,
    fusion_blocked: Annotated[bool, typer.Option(
        "--fusion-blocked", help="With --fusion: also the blocked fusion in this process, on --workers processes "
                                 "and on a Dask LocalCluster (same events checked).")] = False,
    nlp: NlpOpt = "rules",
    store_mentions: Annotated[int, typer.Option(
        "--store", help="Build a synthetic database of this many mentions; time event reads and fusion (0: skip).")] = 0,
    store_db: Annotated[str | None, typer.Option(
        "--store-db", help="Empty database for --store (default: a temporary SQLite file).")] = None,
    store_empty_db: Annotated[str | None, typer.Option(
        "--store-empty-db", help="A second empty database, for +1,000 articles into empty (default: temporary).")] = None,
    bulk: Annotated[bool, typer.Option(
        "--bulk", help="With --store: load the fused database directly (fast, for 1M mentions) and time reads "
                       "only; a --store-db it built before is reused.")] = False,
    geo: Annotated[bool, typer.Option(
        "--geo", help="Time geoparsing alone over the file's texts (CSV/JSONL or a geoparsing XML corpus).")] = False,
    scaling: Annotated[bool, typer.Option(
        "--scaling", help="Also time 'sitrep ingest' of PATH with 1 worker, --workers, and Dask (speed-ups).")] = False,
    workers: Annotated[int, typer.Option("--workers", min=2, help="Workers for --scaling and --stream.")] = 2,
    stream: Annotated[int, typer.Option(
        "--stream", help="Ingest a synthetic stream of this many articles with a cheap stand-in extractor: "
                         "peak memory per process, first vs last 10,000 (0: skip).")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Articles/s of 'sitrep extract' in a fresh process, peak memory, and spaCy's own rate;
    with --store, event reads (p95) and incremental fusion over a synthetic database;
    with --geo, geoparsing alone (articles/s in one process) and the geoparser index's memory."""
    import tempfile

    from sitrep.bench import fusion_bench, run_bench, scaling_bench, stream_bench

    if path is None and not store_mentions and not stream and not fusion:
        raise _fail("give a CSV/JSONL of articles, --store N or --stream N")
    result: dict = {}
    if geo and path is not None:
        if not path.exists():
            raise _fail(f"no such file: {path}")
        from sitrep.evaluate.geo import geo_bench

        result.update({f"geo_{k}": v for k, v in geo_bench(str(path), text_column).items()})
    elif path is not None:
        if not path.exists():
            raise _fail(f"no such file: {path}")
        _pipeline(nlp)  # a clear error for an unknown choice, before timing anything
        if scaling:  # the ingest runs alone: the single-process extract figures are the plain bench's
            figures = scaling_bench(str(path), text_column, title_column, outlet_column, nlp, workers)
            result.update({f"scale_{k}": v for k, v in figures.items()})
        else:
            result = run_bench(str(path), text_column, title_column, outlet_column, spacy_sample, nlp)
    if stream:
        result.update({f"stream_{k}": v for k, v in stream_bench(stream, workers).items()})
    if fusion:
        result.update({f"fusion_{k}": v for k, v in fusion_bench(fusion, blocked=fusion_blocked, workers=workers).items()})
    if store_mentions and bulk:
        from sitrep.store.bench import read_bench

        with tempfile.TemporaryDirectory() as tmp:
            try:
                figures = read_bench(store_db or f"{tmp}/bench.db", store_mentions, progress=lambda done, total: err.print(
                    f"sitrep: {done:,} of {total:,} mentions loaded", markup=False, highlight=False))
            except SitrepError as exc:
                raise _fail(str(exc)) from None
        result.update({f"store_{k}": v for k, v in figures.items()})
    elif store_mentions:
        from sitrep.store.bench import store_bench

        with tempfile.TemporaryDirectory() as tmp:
            try:
                figures = store_bench(store_db or f"{tmp}/bench.db", store_mentions,
                                      store_empty_db or f"{tmp}/empty.db")
            except SitrepError as exc:
                raise _fail(str(exc)) from None
        result.update({f"store_{k}": v for k, v in figures.items()})
    if as_json:
        print(json.dumps(result))
        return
    _print_measures(f"sitrep bench: {path.name if path else 'synthetic store'}", result)


@app.command()
def fuse(db: DbOption = None, as_json: JsonOption = False, workers: WorkersOpt = None,
         engine: Annotated[str | None, typer.Option(
             "--engine", help="processes or dask: a first fusion of a bulk load as a blocked reduce by month "
                              "(default: incremental, in this process).")] = None,
         scheduler: SchedulerOpt = None) -> None:
    """Fuse the mentions not yet in an event (incremental: only the events they touch are rewritten)."""
    from sitrep.fuse.blocked import fuse_store_blocked
    from sitrep.fuse.events import fuse_store

    if engine is None and (workers or scheduler):
        raise _fail("--workers and --scheduler need --engine processes or --engine dask")
    with _open(_require_db(db)) as store:
        if engine is None:
            report = fuse_store(store)
        else:
            with _executor(workers, engine, scheduler) as executor:
                report = fuse_store_blocked(store, executor)
    if as_json:
        print(json.dumps(report.__dict__))
        return
    out.print(f"{report.mentions} mentions fused; {report.events_written} events written, "
              f"{report.events_deleted} merged away; {report.events_loaded} stored events read "
              f"({report.seconds} s)", markup=False, highlight=False)


def _event_filter(type_: str | None, place: str | None, actor: str | None, since: str | None,
                  until: str | None, multi: bool, admin1: str | None = None, outlet: str | None = None):  # noqa: ANN202
    from sitrep.queries import EventFilter

    return EventFilter(type=type_, place=place, actor=actor, since=since, until=until, multi=multi,
                       admin1=admin1, outlet=outlet)


@app.command()
def events(
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Place or admin1 name contains this.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor name or label contains this.")] = None,
    since: Annotated[str | None, typer.Option("--since", callback=checks.date_option("--since"),
                                              help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", callback=checks.date_option("--until", after="since"),
                                              help="Up to this date (YYYY-MM-DD).")] = None,
    multi: Annotated[bool, typer.Option("--multi", help="Only events reported by several outlets.")] = False,
    admin1: Annotated[str | None, typer.Option("--admin1", help="Governorate / province (whole name).")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Reported by this outlet (whole name).")] = None,
    sort: Annotated[str, typer.Option("--sort", help="date, -date, -killed or -outlets.")] = "date",
    limit: Annotated[int | None, typer.Option("--limit", help="One page of at most this many events.")] = None,
    cursor: Annotated[str | None, typer.Option("--cursor", help="Continue after the page that printed it.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Fused events: one row per real-world event, with every source's figures (reads only)."""
    from sitrep.fuse.events import range_text
    from sitrep.queries import events_page, iter_events

    where = _event_filter(type_, place, actor, since, until, multi, admin1, outlet)
    next_cursor = None
    with _open(_require_db(db)) as store:
        try:
            if limit is None and cursor is None:
                rows = [e.to_dict() for e in iter_events(store, where, sort)]
            else:
                page = events_page(store, where, sort, limit or 50, cursor)
                rows, next_cursor = [e.to_dict() for e in page.events], page.next
        except SitrepError as exc:
            raise _fail(str(exc)) from None
    if next_cursor:
        err.print(f"sitrep: more events: --cursor {next_cursor}", markup=False, highlight=False)
    if as_json:
        for e in rows:
            render.write_json_line(e)
        return
    table = Table("event", "date", "type", "place", "actor1", "actor2", "killed", "outlets", "contradictions")
    for e in rows:
        table.add_row(
            e["id"], e.get("date") or "", e["type"], (e.get("place") or {}).get("name") or "",
            render.actor_text(e.get("actor1")), render.actor_text(e.get("actor2")), range_text(e.get("killed")),
            ", ".join(e["outlets"]), str(len(e.get("contradictions", []))),
        )
    out.print(table)


@app.command()
def event(
    ident: Annotated[str, typer.Argument(help="Event id (a unique prefix is enough).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One fused event: each source's version side by side, contradictions highlighted."""
    from sitrep.queries import event_detail, find_event

    with _open(_require_db(db)) as store:
        found = find_event(store, ident)
        if found is None:
            raise _fail(f"no single event with id starting '{ident}'")
        e = event_detail(store, found)
    records = {i: (s["record"], s["outlet"], s["published"], s["title"]) for i, s in enumerate(e["sources"])}
    if as_json:
        render.write_json_line(e)
        return
    out.rule(f"{e['type']} {e.get('date') or ''} {(e.get('place') or {}).get('name') or ''} [{e['id']}]")
    table = Table("outlet", "published", "actor1 (words)", "actor2 (words)", "killed", "injured", "says", "quote")
    for r, outlet, published, _title in records.values():
        claim = r["claim"]
        table.add_row(outlet or "", published or "", render.actor_text(r.get("actor1")), render.actor_text(r.get("actor2")),
                      _figures(r, "killed"), _figures(r, "injured"),
                      f"{claim.get('source') or claim.get('by') or ''} [{claim['modality']}]", r["evidence"]["text"][:120])
    out.print(table)
    for c in e.get("contradictions", []):
        if c["kind"] == "toll_update":
            out.print(render.join(render.styled("update", "bold yellow"), f": {c['summary']}"))
        else:
            out.print(render.join(render.styled("contradiction", "bold red"), f" ({c['kind']}): {c['summary']}"))


@app.command()
def compare(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Canonical actor (name contains this).")] = None,
    outlets: Annotated[str | None, typer.Option("--outlets", help="Comma-separated outlets to compare.")] = None,
    as_json: JsonOption = False,
) -> None:
    """How outlets label actors (framing), and their loaded language per 1,000 words."""
    from sitrep.frame.labels import read_framing

    db = _require_db(db)
    wanted = {o.strip().lower() for o in outlets.split(",")} if outlets else None
    with _open(db) as store:
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
            render.write_json_line(row)
        return
    frame = Table("actor", "outlet", "labels (count)", "example", title="Framing: labels by outlet and actor")
    for row in rows:
        top = row["labels"][:4]
        frame.add_row(row["actor"], row["outlet"], ", ".join(f"“{x['label']}” {x['count']}" for x in top),
                      (top[0]["example"] or "")[:90] if top else "")
    out.print(frame)
    cats = ["name_calling", "loaded_language", "slogans", "appeal_to_fear", "flag_waving", "doubt"]
    lang = Table("outlet", "articles", *cats, "top terms (own voice)", title="Loaded language per 1,000 words")
    for outlet, counts in sorted(language.items()):
        if wanted and outlet.lower() not in wanted:
            continue
        per = 1000 / max(1, counts["_words"])
        terms = framing.terms.get(outlet)
        top = ", ".join(f"“{term}” {n}" for (_, term), n in terms.most_common(3)) if terms else ""
        lang.add_row(outlet, str(counts["_articles"]), *(f"{counts[c] * per:.1f}" for c in cats), top)
    out.print(lang)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="csv, acled, geojson, jsonl or parquet.")] = "csv",
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", callback=checks.output_option,
                                                help="File to write (default: stdout).")] = None,
) -> None:
    """Export fused events (ACLED-like columns, GeoJSON points, JSON Lines, Parquet)."""
    from sitrep.store.export import FORMATS, write

    if fmt not in FORMATS:
        raise _fail(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})")
    if fmt == "parquet" and output is None:
        raise _fail("parquet needs --output FILE")
    from sitrep.queries import iter_events

    with _open(_require_db(db)) as store:
        # streamed: events page by page, each page's mention records fetched with it
        events_ = iter_events(store)
        if fmt == "parquet":
            n = write(events_, store.mention_records, fmt, str(output))
        elif output:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = write(events_, store.mention_records, fmt, fh)
        else:
            n = write(events_, store.mention_records, fmt, render.TerminalWriter(sys.stdout))
    err.print(f"sitrep: exported {n} events as {fmt}", markup=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (another than 127.0.0.1 exposes the server).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="SITREP_TOKEN", show_envvar=True,
        help="Allow writes (POST /api/ingest, /api/fuse) to requests bearing this token; read-only without it.")] = None,
) -> None:
    """Serve the web pages (map, timeline, events, articles, framing) and the JSON API."""
    import uvicorn

    from sitrep.store.base import display_url
    from sitrep.web import create_app

    db = _require_db(db)
    try:
        web_app = create_app(db, token=token, warm=True)
    except SitrepError as exc:
        raise _fail(str(exc)) from None
    mode = "writes allowed with the token" if token else "read-only"
    err.print(f"sitrep: serving {display_url(db)} ({mode}) on http://{host}:{port}/", markup=False, highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning", server_header=False)


@eval_app.command("fusion")
def eval_fusion(
    path: Annotated[Path, typer.Argument(help="FA-KES CSV.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line.")] = False,
    ceilings: Annotated[bool, typer.Option(
        "--ceilings", help="Also pair articles by (date, governorate, cause) keys mixing ours with the gold's.")] = False,
    pairs: Annotated[Path | None, typer.Option(
        "--pairs", help="Judged same-incident pairs (default: fusion_dev_pairs.json beside the CSV, if present).")] = None,
) -> None:
    """Ingest into a fresh temporary DB, fuse, score same-incident article pairs against the
    judged pairs (unclear ones left out) and against FA-KES's own keys."""
    from sitrep.evaluate.fusion import evaluate_fusion, key_pairing_ceilings

    if not path.exists():
        raise _fail(f"no such file: {path}")
    if pairs is not None and not pairs.exists():
        raise _fail(f"no such file: {pairs}")
    result = evaluate_fusion(str(path), pairs=str(pairs) if pairs else None)
    keys = ("gold_pairs", "precision", "recall", "f1")
    if ceilings:
        result["key_pairing_f1"] = key_pairing_ceilings(str(path))
        keys += ("key_pairing_f1",)
    judged = result.get("judged")
    if as_json:
        line = {k: result[k] for k in keys}
        if judged:
            line["judged"] = {k: v for k, v in judged.items() if not isinstance(v, list)}
        print(json.dumps(line))
        return
    if ceilings:
        out.print(f"Pairing by keys instead of fusing, F1: {result['key_pairing_f1']}", markup=False)
    if judged:
        _print_measures("Judged same-incident article pairs (unclear left out)", judged,
                        ("judged_same", "judged_different", "unclear", "predicted_judged", "true_positives",
                         "precision", "recall", "f1", "unjudged_predicted"))
    _print_measures("FA-KES same-incident article pairs (its own keys)", result,
                    ("gold_pairs", "predicted_pairs", "true_positives", "precision", "recall", "f1"))
    out.print(
        f"Diagnostic (not the gate): against pairs whose gold dates are at most 3 days apart "
        f"({result['relaxed_gold_pairs']} pairs), precision {result['relaxed_precision']}, "
        f"recall {result['relaxed_recall']}, F1 {result['relaxed_f1']}. FA-KES dates follow the "
        f"report, so one event reported on two days is two gold incidents.", markup=False)


@eval_app.command("contradictions")
def eval_contradictions(
    path: Annotated[Path, typer.Argument(help="Contradiction gold (contradictions/dev.json).")],
    fakes: Annotated[Path | None, typer.Option(
        "--fakes", help="The FA-KES CSV the gold was read from (default: fakes_dev.csv beside the gold's folder).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line.")] = False,
) -> None:
    """Ingest FA-KES into a fresh temporary DB, fuse, and score the fused events' contradictions
    against the gold disagreements (see the gold's PROTOCOL.md)."""
    from sitrep.evaluate.contradictions import default_fakes, evaluate_contradictions

    if not path.is_file():
        raise _fail(f"no such file: {path}" if not path.exists() else f"not a file: {path} (give the gold's dev.json)")
    csv_path = fakes or Path(default_fakes(str(path)))
    if not csv_path.exists():
        raise _fail(f"no such file: {csv_path} (give --fakes)")
    result = evaluate_contradictions(str(path), str(csv_path))
    if as_json:
        print(json.dumps({k: v for k, v in result.items() if k not in ("contradictions", "missed")}))
        return
    _print_measures("Contradictions against the gold disagreements", result,
                    ("incidents", "gold_disagreements", "reported", "right", "surfaced", "precision", "recall"))
    listed = Table("right", "incident", "kind", "summary", title="Reported contradictions")
    for c in result["contradictions"]:
        listed.add_row("yes" if c["right"] else "no", c["incident"], c["kind"], _plain(c["summary"])[:160])
    out.print(listed)


def _print_measures(title: str, figures: dict, keys: tuple[str, ...] | None = None) -> None:
    """A two-column table of named figures (``keys`` in that order, else every one)."""
    table = Table("measure", "value", title=title)
    for key in keys if keys is not None else figures:
        table.add_row(key, str(figures[key]))
    out.print(table)


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
            render.actor_text(a1), render.actor_text(a2),
            f"{loc['name']} ({loc.get('admin1') or loc.get('country') or ''})" if loc else "",
            when["value"] if when else "", cas,
            f"{claim.get('source') or claim.get('by') or ''} [{claim.get('modality')}]",
            (m["evidence"]["text"] or "")[:80],
        )
    out.print(table)


def main() -> None:
    library_log = logging.getLogger("sitrep")
    library_log.addHandler(render.ConsoleLogHandler(err))
    library_log.propagate = False
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
