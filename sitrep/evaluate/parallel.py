"""One evaluation corpus over forked worker processes (the evaluators' shared pool)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def fork_map(fn: Callable[[T], Any], items: list[T], workers: int, size: Callable[[T], int],
             warm_up: Callable[[], Any] | None = None) -> Iterator[tuple[T, Any]]:
    """``(item, fn(item))`` for each item: in order on this process when ``workers`` <= 1 or the
    items are few; else on ``workers`` forked processes, largest first (by ``size``) so that they
    finish together. ``warm_up`` runs here before forking: the workers inherit what it loaded (the
    pipeline's gazetteer and dictionaries) instead of each loading it again."""
    if workers <= 1 or len(items) < 4:
        for item in items:
            yield item, fn(item)
        return
    if warm_up is not None:
        warm_up()
    ordered = sorted(items, key=size, reverse=True)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from zip(ordered, pool.map(fn, ordered, chunksize=1), strict=True)
