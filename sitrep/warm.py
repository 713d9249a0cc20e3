"""Imported by the worker processes' fork server: loads what every extraction needs once.

The rules pipeline's first article costs about 3 s of CPU (the gazetteer and its index
unpickled, spaCy imported for its stop words, the sentence model loaded); the rest take
milliseconds each. Worker processes forked from a server that did this share those pages
(copy-on-write) instead of each paying the 3 s again. A failure here is not an error: a worker
then loads what it needs on its first article, as it would without this module.
"""

from __future__ import annotations


def warm() -> bool:
    """Run the rules pipeline over one short article; False if that failed."""
    try:
        from sitrep.model import Article
        from sitrep.pipeline import get_pipeline

        get_pipeline("rules").extract_article(Article(
            "Shelling hit the town of Ariha in Idlib on Monday, killing three civilians, residents said.",
            published="2024-03-12"))
    except Exception:  # noqa: BLE001 - only a head start; the worker loads on its own otherwise
        return False
    return True


warm()
