"""The one runner: stages in order over a Doc, each result checked, the failing stage named."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep.errors import StageError
from sitrep.model import Article, EventMention
from sitrep.stages.actors import find_actors
from sitrep.stages.casualties import find_casualties
from sitrep.stages.claims import find_claims
from sitrep.stages.dates import find_doc_dates
from sitrep.stages.doc import Doc
from sitrep.stages.events import build_mentions
from sitrep.stages.places import find_places
from sitrep.stages.segment import segment
from sitrep.stages.triggers import find_triggers

# Bump when extraction output changes, so stored articles are re-extracted on the next ingest.
PIPELINE_VERSION = "rules-7"

Stage = Callable[[Doc], Doc]

DEFAULT_STAGES: list[tuple[str, Stage]] = [
    ("segment", segment),
    ("actors", find_actors),
    ("places", find_places),
    ("dates", find_doc_dates),
    ("triggers", find_triggers),
    ("casualties", find_casualties),
    ("claims", find_claims),
    ("events", build_mentions),
]


@dataclass
class Pipeline:
    stages: list[tuple[str, Stage]] = field(default_factory=lambda: list(DEFAULT_STAGES))

    def run(self, article: Article) -> Doc:
        doc = Doc(article=article, text=article.text)
        if article.title:
            try:
                doc.extra["title"] = self._title_doc(article)
            except Exception as exc:  # noqa: BLE001 - re-raised with the stage named
                raise StageError("title", article.id, exc) from exc
        for name, stage in self.stages:
            try:
                result = stage(doc)
            except Exception as exc:  # noqa: BLE001 - re-raised with the stage named
                raise StageError(name, article.id, exc) from exc
            if not isinstance(result, Doc):
                raise StageError(name, article.id, TypeError(f"returned {type(result).__name__}, not Doc"))
            doc = result
        return doc

    def _title_doc(self, article: Article) -> Doc:
        title = Doc(article=Article(text=article.title or "", published=article.published,
                                    outlet=article.outlet, id=article.id), text=article.title or "")
        for _name, stage in self.stages[:5]:  # segment, actors, places, dates, triggers
            title = stage(title)
        return title

    def extract_article(self, article: Article) -> list[EventMention]:
        return self.run(article).mentions


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract(text: str, published: str | None = None, title: str | None = None,
            outlet: str | None = None) -> list[EventMention]:
    """Event mentions in ``text``; ``published`` (ISO date) anchors "today", "on Tuesday"."""
    article = Article(text=text, title=title, outlet=outlet, published=published)
    return default_pipeline().extract_article(article)
