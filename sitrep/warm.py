"""Imported by the worker processes' fork server: loads what every extraction needs once.

The rules pipeline's first article costs about 2 s of CPU (the conflict gazetteer unpickled,
the world index mapped, spaCy imported for its stop words, the sentence model loaded); the rest take
milliseconds each. Worker processes forked from a server that did this share those pages
(copy-on-write) instead of each paying the 2 s again. A failure here is not an error: a worker
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


def _in_fork_server() -> bool:
    """True when imported by ``multiprocessing.forkserver.main`` (the preload), not by a user."""
    import sys

    forkserver = sys.modules.get("multiprocessing.forkserver")
    if forkserver is None:
        return False
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is forkserver.main.__code__:
            return True
        frame = frame.f_back
    return False


def _exit_now() -> None:
    """The fork server's last act: end without the interpreter's teardown, which frees the
    gazetteer and the models object by object (about 1 s of the ingest's wall time at its end,
    waited for by ``sitrep.batch._release_fork_server``). The server holds no buffered output
    and no files; its workers, forked from it, end by ``os._exit`` already and never run this."""
    import os

    os._exit(0)


warm()
if _in_fork_server():
    import atexit
    import gc

    # what was loaded stays alive in every worker: kept out of the cycle collector's passes, which
    # would walk it (about a million objects) and write to its pages, each worker then copying them
    gc.freeze()
    atexit.register(_exit_now)  # run first (last registered): before multiprocessing's own, which has nothing to do here
