"""sitrep: sourced, structured, cross-checked conflict event records from news and statements.

    >>> import sitrep
    >>> records = sitrep.extract("Shelling killed four civilians in Ariha on Monday.", published="2024-03-12")
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING  # noqa: E402

# the subpackages named like the functions ``ingest`` and ``fuse`` below, imported before them (both
# are empty): imported first later, by the lazy imports, either would replace its function here
from sitrep import fuse as _fuse_package  # noqa: E402, F401
from sitrep import ingest as _ingest_package  # noqa: E402, F401
from sitrep.config import IngestOptions  # noqa: E402
from sitrep.errors import InputError, SitrepError, StageError  # noqa: E402
from sitrep.model import (  # noqa: E402
    Actor,
    Article,
    Casualty,
    Claim,
    Contradiction,
    Event,
    EventMention,
    Evidence,
    Failure,
    Place,
    When,
)

if TYPE_CHECKING:
    from sitrep.geo import Toponym, geoparse
    from sitrep.pipeline import Pipeline, extract
    from sitrep.store.base import open_store
    from sitrep.store.sqlite import Store

# imported at first use: the pipeline's modules take a quarter of a second to import, which a
# ``sitrep ingest`` with workers spends after its fork server has started loading, not before
_LAZY = {"Toponym": "sitrep.geo", "geoparse": "sitrep.geo", "Pipeline": "sitrep.pipeline", "extract": "sitrep.pipeline",
         "open_store": "sitrep.store.base", "Store": "sitrep.store.sqlite"}


def __getattr__(name: str):  # noqa: ANN202 - a class or a function of the public API, or a module
    import importlib
    import importlib.util

    if name not in _LAZY:
        # ``sitrep.pipeline`` after ``import sitrep`` alone, as when the package imported the pipeline
        if not name.startswith("_") and importlib.util.find_spec(f"sitrep.{name}") is not None:
            return importlib.import_module(f"sitrep.{name}")
        raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value

def ingest(inputs: list[str], db: str = "sitrep.db", options: IngestOptions | None = None,
           extract_events: bool = True, fuse_events: bool = True):  # noqa: ANN201 - IngestReport
    """Read ``inputs`` into ``db`` (a SQLite file or a ``postgresql://`` URL), extract their
    events and fuse the new mentions into events; returns a report."""
    from sitrep.fuse.events import fuse_store
    from sitrep.ingest.run import ingest as _ingest
    from sitrep.pipeline import default_pipeline
    from sitrep.store.base import open_store

    with open_store(db) as store:
        if not extract_events:
            return _ingest(inputs, store, options)
        pipeline = default_pipeline()
        report = _ingest(inputs, store, options, extractor=pipeline.extract_article, version=pipeline.version)
        if fuse_events:
            fuse_store(store)
        return report


def fuse(db: str = "sitrep.db"):  # noqa: ANN201 - FusionReport
    """Fuse the mentions in ``db`` not yet in an event (incremental); returns a report."""
    from sitrep.fuse.events import fuse_store
    from sitrep.store.base import open_store

    with open_store(db) as store:
        return fuse_store(store)


__all__ = [
    "Actor", "Article", "Casualty", "Claim", "Contradiction", "Event", "EventMention", "Evidence", "Failure",
    "IngestOptions", "InputError", "Pipeline", "Place", "SitrepError", "StageError", "Store", "Toponym",
    "When", "extract", "fuse", "geoparse", "ingest", "open_store", "__version__",
]
