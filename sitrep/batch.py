"""Extraction over batches of articles, on an executor: in this process, worker processes, or Dask.

Every executor has the same two calls, ``submit(fn, *args)`` (a handle with ``.result()``) and
``close()``, and ``workers`` (how many batches run at once). ``map_ordered`` keeps a bounded
window of batches in flight and yields the results in submission order, so the output does not
depend on which worker finished first and the input is never read further ahead than the
window (a stream of millions of articles stays a stream).

Workers keep what the pipeline loads (spaCy's parser, the gazetteer) in their module caches. Worker
processes are forked from a fork server that loaded it once (``sitrep.warm``), so they start with
it in shared memory; Dask workers load it on their first batch and reuse it for every later one.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sitrep.model import Article, EventMention, Failure

ENGINES = ("processes", "dask")
_END = object()
_FORK_SERVER_USERS = [0]  # open executors whose workers come from this process's fork server


def _use_fork_server(preload: list[str]) -> None:
    """Start this process's fork server (if it is not running) with ``preload`` imported."""
    import multiprocessing
    from multiprocessing import forkserver

    # read when the server starts; a later call changes nothing for a running server
    multiprocessing.get_context("forkserver").set_forkserver_preload(preload)
    with _this_sys_path():
        forkserver.ensure_running()
    _FORK_SERVER_USERS[0] += 1


@contextmanager
def _this_sys_path() -> Iterator[None]:
    """While the fork server starts: its interpreter finds modules where this process does.

    Python 3.11's fork server ignores the ``sys_path`` it is handed and runs with ``-c``, whose
    first path entry is the working directory: run from a source checkout other than the code
    this process imported, the workers imported the checkout's. The environment is read once,
    when the server's interpreter starts (``PYTHONSAFEPATH`` drops the working directory)."""
    import sys

    saved = {name: os.environ.get(name) for name in ("PYTHONPATH", "PYTHONSAFEPATH")}
    os.environ["PYTHONPATH"] = os.pathsep.join(entry or os.getcwd() for entry in sys.path)
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _release_fork_server() -> None:
    """Stop the fork server when the last executor using it closes, after its workers ended.

    It frees what the server loaded, and the server is then waited for, so that its CPU and
    its workers' count in this process's ``RUSAGE_CHILDREN`` as a spawned worker's did (the
    scaling bench reads them there). ``_stop`` is the standard library's own way to stop it."""
    from multiprocessing import forkserver

    _FORK_SERVER_USERS[0] -= 1
    stop = getattr(forkserver._forkserver, "_stop", None)
    if _FORK_SERVER_USERS[0] == 0 and stop is not None:
        stop()


@dataclass
class Extracted:
    """One article's result: its mentions, or the failure that stopped it."""

    article: Article
    mentions: list[EventMention] | None
    failure: Failure | None = None


def _exit_with_parent(parent: int) -> None:
    """In a worker: end when the process that started the pool is gone (a kill -9 of ``sitrep
    ingest`` must not leave workers computing for no one). A worker's own parent is the fork
    server, which ends with the pool's process: either going away ends the worker."""
    import threading
    import time

    server = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass
            if os.getppid() != server:
                os._exit(0)

    threading.Thread(target=watch, name="sitrep-parent-watch", daemon=True).start()


def extract_batch(extractor: Callable[[Article], list[EventMention]], articles: list[Article]) -> list[Extracted]:
    """Run ``extractor`` over ``articles``; a stage error fails that article only (the worker's job)."""
    from sitrep.errors import SitrepError

    many = _many(extractor)
    if many is not None:  # the pipeline's own: the articles' sentences parsed together
        results = many(articles)
        return [Extracted(article, None, _failure(article, result)) if isinstance(result, SitrepError)
                else Extracted(article, result) for article, result in zip(articles, results, strict=True)]
    out = []
    for article in articles:
        try:
            out.append(Extracted(article, extractor(article)))
        except SitrepError as exc:
            out.append(Extracted(article, None, _failure(article, exc)))
    return out


def _many(extractor: Callable) -> Callable | None:
    """The batch form of ``extractor`` when it is a pipeline's ``extract_article``."""
    import sys

    pipeline = sys.modules.get("sitrep.pipeline")  # not imported: not a pipeline's (and not imported for it)
    owner = getattr(extractor, "__self__", None)
    if pipeline is not None and isinstance(owner, pipeline.Pipeline) \
            and getattr(extractor, "__func__", None) is pipeline.Pipeline.extract_article:
        return owner.extract_articles
    return None


def _failure(article: Article, exc: Exception) -> Failure:
    stage = getattr(exc, "stage", "extract")
    return Failure(article.source or article.id, "store" if stage == "sitrep" else stage, str(exc))


class _Done:
    """A result computed at once (the serial executor's handle)."""

    def __init__(self, value: Any):
        self.value = value

    def result(self) -> Any:
        return self.value


class SerialExecutor:
    """Everything in this process, one batch at a time (``--workers 1``; library default)."""

    workers = 1
    # whether the caller should read its input ahead in a thread while the workers start
    # (``sitrep.ingest.run._read_ahead``)
    read_ahead = True
    # articles per task (None: ``sitrep.ingest.run.WORK_BATCH``)
    task_articles: int | None = None

    def submit(self, fn: Callable, *args: Any) -> _Done:
        return _Done(fn(*args))

    def close(self) -> None:
        pass

    def __enter__(self) -> SerialExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProcessExecutor(SerialExecutor):
    """``workers`` processes on this machine, forked from a fork server: a fork of this process,
    which holds database connections and a progress-bar thread, is not safe, but the server is a
    fresh interpreter that only imported ``sitrep.warm`` (the pipeline's data, loaded once, then
    shared by every worker instead of loaded by each: 2 s of CPU a worker)."""

    def __init__(self, workers: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        # started now, not at the first task: the server loads while this process reads its input
        _use_fork_server(["sitrep.warm"])
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"),
                                        initializer=_exit_with_parent, initargs=(os.getpid(),))

    def submit(self, fn: Callable, *args: Any) -> Any:
        return self.pool.submit(fn, *args)

    def close(self) -> None:
        if self.pool is None:
            return
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None
        _release_fork_server()


# A Dask worker's event loop wakes about 150 times a second by default: a loop-latency tick every
# 20 ms, a sample of the running task's stack every 10 ms, the memory monitor every 100 ms, the
# system monitor every 500 ms. A worker running one CPU-bound task in its thread loses the GIL to
# each wake-up: measured on 80 articles (2 workers), the workers' main threads took 5-7 s of CPU
# and the task threads 13 s, against 11 s for the same batches in plain worker processes. With
# these timers slowed (the tick only reports loop latency, the profile only feeds the dashboard,
# the memory monitor still acts, once a second) the main threads took 2 s and the task threads 11.4 s.
QUIET_WORKERS = {
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
}


class DaskExecutor(SerialExecutor):
    """Batches as Dask futures: on the cluster at ``scheduler`` (``tcp://host:port``), or on a
    LocalCluster of ``workers`` single-threaded worker processes on 127.0.0.1.

    A LocalCluster starts in a thread: its workers wait for the fork server to load the
    pipeline's data (about 2 s of CPU), and the cluster's own start (Dask imported, the
    scheduler, the nannies) takes about 1 s of this process's CPU; meanwhile the caller reads
    ahead in another thread, as for worker processes (its first ``submit``, or ``client``,
    waits for the cluster to be up). Both fit in this process's core while the fork server,
    started before Dask is imported here, loads on the other: read later, the input took 1.1-1.3
    s of CPU from the workers (FA-KES, 381 articles: 1.0 s of this process's CPU during the
    load and 3.0 s while the workers ran, 2.1 s and 2.0 s with the read-ahead thread).

    Tasks are twice as large as for worker processes (``task_articles``): each task costs the
    scheduler, the nannies and the workers' event loops CPU. On FA-KES, 8 articles a task took
    1.1 s of this process's event-loop CPU and 0.95 s of the workers' (4 a task: 1.5 s and 1.3 s).
    """

    task_articles = 8

    def __init__(self, workers: int | None = None, scheduler: str | None = None):
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            from sitrep.errors import SitrepError

            raise SitrepError("--engine dask needs Dask: pip install 'sitrep[dask]'")
        self.cluster = None
        self._client = None
        self._starting = None
        self._failed: BaseException | None = None
        self._holds_server = False
        if scheduler:
            from dask.distributed import Client

            self._client = Client(scheduler, timeout="30s")
            threads = self._client.nthreads()
            self.workers = max(1, sum(threads.values()))
            return
        import threading

        self.workers = workers or os.cpu_count() or 1
        # the workers are forked from a fork server that loads the pipeline's data, as
        # ProcessExecutor's are (one server per process: the same preload for both); started
        # first, so that it loads while Dask starts and the caller reads
        _use_fork_server(["distributed", "sitrep.warm"])
        self._holds_server = True
        self._starting = threading.Thread(target=self._start_local, name="sitrep-dask-start", daemon=True)
        self._starting.start()

    def _start_local(self) -> None:
        """Start the LocalCluster and its client (in the thread started by ``__init__``)."""
        try:
            import dask
            from dask.distributed import Client, LocalCluster

            # no dashboard; the scheduler's own small HTTP server (health, metrics) on a free
            # loopback port, not 8787 (a second cluster on the machine would move it, with a
            # warning); silence the cluster's own logs; the workers' timers slowed down (see
            # QUIET_WORKERS): the nannies hand them this config. The fork server already runs:
            # Dask's own preload, set as the nannies start, changes nothing.
            with dask.config.set({**QUIET_WORKERS, "distributed.worker.multiprocessing-method": "forkserver"}):
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address=None, silence_logs=40,
                                            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
            self._client = Client(self.cluster)
        except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread, at first use
            self._failed = exc

    def _started(self) -> None:
        """Wait for the cluster's start (if any is under way) to end, well or not."""
        if self._starting is not None:
            self._starting.join()
            self._starting = None

    @property
    def client(self) -> Any:
        """The Dask client, once the cluster is up (a failed start is raised here)."""
        self._started()
        if self._failed is not None:
            raise self._failed
        return self._client

    def submit(self, fn: Callable, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self._started()
        if self._client is not None:
            self._client.close()
            self._client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
        if self._holds_server:
            self._holds_server = False
            _release_fork_server()


@contextmanager
def closing_meanwhile(executor: SerialExecutor) -> Iterator[None]:
    """Close ``executor`` in a thread while the block runs: its workers (and the fork server or
    the Dask cluster) end on the other cores while this process goes on, e.g. with fusion, which
    needs no worker; the closing is waited for, and its error raised, at the block's end.
    ``close`` is safe to call again afterwards."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="sitrep-close") as pool:
        closed = pool.submit(executor.close)
        try:
            yield
        finally:
            closed.result()


def make_executor(workers: int | None = None, engine: str = "processes",
                  scheduler: str | None = None) -> SerialExecutor:
    """The executor for ``--workers``/``--engine``/``--scheduler``: one worker in this process
    needs no pool; ``workers=None`` means one per core."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "dask":
        return DaskExecutor(workers, scheduler)
    workers = workers or os.cpu_count() or 1
    return SerialExecutor() if workers == 1 else ProcessExecutor(workers)


def map_ordered(executor: SerialExecutor, fn: Callable, items: Iterable[Any], window: int | None = None) -> Iterator[Any]:
    """``fn(item)`` for each item, run on ``executor``, yielded in the order of ``items``.

    At most ``window`` items are in flight (default: four per worker); ``items`` is read lazily,
    so a generator that reads a file as it goes is read only as fast as the workers need. A
    single item is run here: a worker process would spend longer loading the models.
    """
    window = window or 4 * executor.workers
    items = iter(items)
    first = next(items, _END)
    second = next(items, _END) if first is not _END else _END
    if second is _END:  # one batch (a few articles): not worth starting a worker
        if first is not _END:
            yield fn(first)
        return
    pending: deque = deque()
    for item in itertools.chain([first, second], items):
        pending.append(executor.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
