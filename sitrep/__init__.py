"""sitrep: sourced, structured, cross-checked conflict event records from news and statements.

    >>> import sitrep
    >>> records = sitrep.extract("Shelling killed four civilians in Ariha on Monday.", published="2024-03-12")
"""

from __future__ import annotations

__version__ = "0.1.0"

from sitrep.config import IngestOptions  # noqa: E402
from sitrep.errors import InputError, SitrepError, StageError  # noqa: E402
from sitrep.geo import Toponym, geoparse  # noqa: E402
from sitrep.model import (  # noqa: E402
    Actor,
    Article,
    Casualty,
    Claim,
    EventMention,
    Evidence,
    Failure,
    Place,
    When,
)
from sitrep.pipeline import Pipeline, extract  # noqa: E402
from sitrep.store.sqlite import Store  # noqa: E402


def ingest(inputs: list[str], db: str = "sitrep.db", options: IngestOptions | None = None,
           extract_events: bool = True):  # noqa: ANN201 - IngestReport
    """Read ``inputs`` into the SQLite file ``db`` (and extract their events); returns a report."""
    from sitrep.ingest.run import ingest as _ingest
    from sitrep.pipeline import default_pipeline

    with Store(db) as store:
        if extract_events:
            pipeline = default_pipeline()
            return _ingest(inputs, store, options, extractor=pipeline.extract_article, version=pipeline.version)
        return _ingest(inputs, store, options)


__all__ = [
    "Actor", "Article", "Casualty", "Claim", "EventMention", "Evidence", "Failure", "IngestOptions",
    "InputError", "Pipeline", "Place", "SitrepError", "StageError", "Store", "Toponym", "When", "__version__",
    "extract", "geoparse", "ingest",
]
