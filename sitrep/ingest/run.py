"""Ingest inputs into a store: read, clean, deduplicate, record failures, optionally extract."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sitrep.config import IngestOptions
from sitrep.ingest.sources import iter_articles
from sitrep.model import Article, Failure
from sitrep.store.sqlite import Store


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


def ingest(
    inputs: Iterable[str],
    store: Store,
    options: IngestOptions | None = None,
    extractor: Callable[[Article], list] | None = None,
    version: str | None = None,
    on_item: Callable[[Article | Failure], None] | None = None,
    on_extracted: Callable[[Article, Failure | None], None] | None = None,
) -> IngestReport:
    """Read every input into ``store``; a bad input becomes a failure row, the batch goes on.

    With ``extractor``, each new article (and each stored article not yet extracted with
    ``version``) gets its event mentions stored; a stage error is recorded as a failure.
    ``on_item`` is called with each article or failure read, ``on_extracted`` after each
    extraction (with the failure when it failed): for progress bars and per-failure lines.
    """
    options = options or IngestOptions()
    report = IngestReport()
    for item in iter_articles(inputs, options):
        if isinstance(item, Failure):
            store.add_failure(item)
            report.failures.append(item)
        elif store.add_article(item):
            report.added += 1
        else:
            report.duplicates += 1
        if on_item:
            on_item(item)
    if extractor is not None and version is not None:
        extract_pending(store, extractor, version, report, on_extracted)
    return report


def extract_pending(
    store: Store, extractor: Callable[[Article], list], version: str, report: IngestReport,
    on_extracted: Callable[[Article, Failure | None], None] | None = None,
) -> None:
    """Extract mentions for every stored article not yet done with this pipeline version."""
    from sitrep.errors import SitrepError

    for article in store.iter_articles(pending_for=version):
        source = article.source or article.id
        try:
            mentions = extractor(article)
            # a record the store cannot hold (a figure of 10^400 people) fails this article only
            try:
                store.set_mentions(article.id, mentions, version)
            except (OverflowError, ValueError) as exc:
                raise SitrepError(f"{source}: records could not be stored ({type(exc).__name__}: {exc})") from exc
        except SitrepError as exc:
            stage = getattr(exc, "stage", "extract")
            failure = Failure(source, "store" if stage == "sitrep" else stage, str(exc))
            store.add_failure(failure)
            report.failures.append(failure)
            if on_extracted:
                on_extracted(article, failure)
            continue
        report.extracted += 1
        report.mentions += len(mentions)
        if on_extracted:
            on_extracted(article, None)
