"""Ingest inputs into a store: read, clean, deduplicate, record failures, optionally extract."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from sitrep.batch import Extracted, SerialExecutor, extract_batch, map_ordered
from sitrep.config import IngestOptions
from sitrep.ingest.sources import iter_articles
from sitrep.model import Article, Failure
from sitrep.store.base import Store


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    extracted: int = 0
    mentions: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def ingested(self) -> int:
        return self.added + self.duplicates


WRITE_BATCH = 200  # articles per transaction, at most
WORK_BATCH = 4  # articles per task sent to a worker: small, so that the workers stay evenly busy
READ_AHEAD = 2 * WRITE_BATCH  # articles read ahead by a thread when workers extract (see _read_ahead)
FLUSH_S = 1.0  # at most this long between commits, so that a slow extraction still shows progress


def ingest(
    inputs: Iterable[str],
    store: Store,
    options: IngestOptions | None = None,
    extractor: Callable[[Article], list] | None = None,
    version: str | None = None,
    on_item: Callable[[Article | Failure], None] | None = None,
    on_extracted: Callable[[Article, Failure | None], None] | None = None,
    executor: SerialExecutor | None = None,
    batch_size: int = WRITE_BATCH,
) -> IngestReport:
    """Read every input into ``store``; a bad input becomes a failure row, the batch goes on.

    Inputs are read as a stream and stored in transactions of up to ``batch_size`` articles.
    With ``extractor``, each new article (and each stored article not yet extracted with
    ``version``) gets its event mentions stored; a stage error is recorded as a failure. The
    extraction runs on ``executor`` (default: in this process; see ``sitrep.batch``) while the
    input is still being read; the extractor must then be picklable (``Pipeline.extract_article``
    is). ``on_item`` is called with each article or failure read, ``on_extracted`` after each
    extraction is stored (with the failure when it failed): for progress bars and failure lines.
    """
    options = options or IngestOptions()
    report = IngestReport()
    task = _task_articles(executor)
    extracting = extractor is not None and version is not None

    def read() -> Iterator[list[Article]]:
        """Store the input batch by batch; yield the articles claimed for extraction."""
        # the first chunks are small, so that the workers get their first batches after a few
        # articles are read, not after batch_size of them (reading is serial: about 5 ms an article)
        source = iter_articles(inputs, options)
        if extracting and executor is not None and executor.workers > 1 and executor.read_ahead:
            source = _read_ahead(source, READ_AHEAD)
        for chunk in _chunks(source, batch_size, first=task):
            articles = [a for a in chunk if isinstance(a, Article)]
            failures = [f for f in chunk if isinstance(f, Failure)]
            store.add_failures(failures)
            report.failures.extend(failures)
            for added in store.add_articles(articles):
                if added:
                    report.added += 1
                else:
                    report.duplicates += 1
            if on_item:
                for item in chunk:
                    on_item(item)
            if extracting:
                yield from _chunks(store.claim_articles([a.id for a in articles], version), task)

    if not extracting:
        for _ in read():
            pass
        return report
    try:
        _extract(store, extractor, version, report, on_extracted, executor, batch_size, read())
    finally:
        store.release_claims()  # articles that failed are retried by the next run
    return report


def extract_pending(
    store: Store, extractor: Callable[[Article], list], version: str, report: IngestReport,
    on_extracted: Callable[[Article, Failure | None], None] | None = None,
    executor: SerialExecutor | None = None, batch_size: int = WRITE_BATCH,
) -> None:
    """Extract mentions for every stored article not yet done with this pipeline version."""
    try:
        _extract(store, extractor, version, report, on_extracted, executor, batch_size, iter(()))
    finally:
        store.release_claims()


def _extract(
    store: Store, extractor: Callable[[Article], list], version: str, report: IngestReport,
    on_extracted: Callable[[Article, Failure | None], None] | None, executor: SerialExecutor | None,
    batch_size: int, fresh: Iterator[list[Article]],
) -> None:
    """Extract the batches of ``fresh``, then every article still pending (claimed in batches, so
    that concurrent ingests share them); store the results in order, a transaction at a time."""

    def work() -> Iterator[list[Article]]:
        yield from fresh
        while claimed := store.claim_pending(version, batch_size):
            yield from _chunks(claimed, _task_articles(executor))

    executor = executor or SerialExecutor()
    buffer: list[Extracted] = []
    last, stored = time.monotonic(), 0
    for results in map_ordered(executor, partial(extract_batch, extractor), work()):
        buffer.extend(results)
        # the first batch_size articles are committed as they come (records show at once, and
        # an early kill loses little); then a transaction per batch_size articles or per second
        if stored < batch_size or len(buffer) >= batch_size or time.monotonic() - last >= FLUSH_S:
            _store(store, buffer, version, report, on_extracted)
            stored += len(buffer)
            buffer, last = [], time.monotonic()
    _store(store, buffer, version, report, on_extracted)


def _store(store: Store, results: list[Extracted], version: str, report: IngestReport,
           on_extracted: Callable[[Article, Failure | None], None] | None) -> None:
    """Write one batch of results: the mentions in one transaction, then the failures."""
    from sitrep.errors import SitrepError

    done = [r for r in results if r.failure is None]
    try:
        store.set_mentions_many([(r.article.id, r.mentions) for r in done], version)
    except (OverflowError, ValueError):
        # a record the store cannot hold (a figure of 10^400 people) fails its article only
        for r in done:
            try:
                store.set_mentions(r.article.id, r.mentions, version)
            except (OverflowError, ValueError) as exc:
                error = SitrepError(f"{r.article.source or r.article.id}: records could not be stored "
                                    f"({type(exc).__name__}: {exc})")
                r.failure = Failure(r.article.source or r.article.id, "store", str(error))
    store.add_failures([r.failure for r in results if r.failure is not None])
    for r in results:
        if r.failure is not None:
            report.failures.append(r.failure)
        else:
            report.extracted += 1
            report.mentions += len(r.mentions or [])
        if on_extracted:
            on_extracted(r.article, r.failure)


def _task_articles(executor: SerialExecutor | None) -> int:
    """Articles per task sent to ``executor``'s workers (``WORK_BATCH`` unless it asks for more)."""
    return getattr(executor, "task_articles", None) or WORK_BATCH


def _chunks(items: Iterable, size: int, first: int | None = None) -> Iterator[list]:
    """Lists of ``size`` items; with ``first``, the first list has ``first`` items and each next
    one twice as many as the one before, up to ``size``."""
    chunk: list = []
    limit = min(first or size, size)
    for item in items:
        chunk.append(item)
        if len(chunk) >= limit:
            yield chunk
            chunk = []
            limit = min(2 * limit, size)
    if chunk:
        yield chunk


def _read_ahead(items: Iterator, size: int) -> Iterator:
    """``items``, read by a thread up to ``size`` ahead of the consumer.

    Reading (decoding, boilerplate removal, language identification: about 3 ms an article,
    and 0.6 s to load the language model) is this process's own serial work. When workers
    extract, this process mostly waits for their results, and at the start it waits for the
    workers' fork server to load the models (about 3 s): a thread reads meanwhile, so that less
    of the reading is left for when the workers use both cores. An exception in the reader is
    raised here, at the item where it occurred."""
    import queue
    import threading

    q: queue.Queue = queue.Queue(maxsize=size)
    stop = threading.Event()

    def put(entry: tuple) -> bool:
        while not stop.is_set():
            try:
                q.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def fill() -> None:
        try:
            for item in items:
                if not put((True, item)):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, raised there
            put((False, exc))
            return
        finally:
            close = getattr(items, "close", None)
            if close is not None and stop.is_set():
                close()
        put((False, None))

    threading.Thread(target=fill, name="sitrep-read-ahead", daemon=True).start()
    try:
        while True:
            ok, item = q.get()
            if ok:
                yield item
            elif item is None:
                return
            else:
                raise item
    finally:
        stop.set()
