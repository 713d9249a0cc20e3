"""Ingest at scale: streamed inputs, bulk writes, worker processes and a Dask cluster give the
same records as one process."""

from __future__ import annotations

import csv
import gzip
import json
import tracemalloc

import pytest

from sitrep.batch import ProcessExecutor, SerialExecutor, make_executor
from sitrep.config import IngestOptions
from sitrep.evaluate.fusion import OPTIONS as FAKES_OPTIONS
from sitrep.ingest.run import ingest
from sitrep.ingest.sources import RawDoc, iter_inputs
from sitrep.model import Article, Failure
from sitrep.pipeline import default_pipeline
from sitrep.store.base import open_store
from sitrep.store.bench import Synthetic

N_FAKES = 16


@pytest.fixture(scope="module")
def fakes_sample(shared, tmp_path_factory):
    """The first FA-KES development rows, as a CSV of their own."""
    path = tmp_path_factory.mktemp("scale") / "fakes_sample.csv"
    with open(shared / "fakes_dev.csv", encoding="utf-8", newline="") as src, \
            open(path, "w", encoding="utf-8", newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames)
        writer.writeheader()
        for _, row in zip(range(N_FAKES), reader, strict=False):
            writer.writerow(row)
    return path


def _records(db: str) -> tuple[list, list]:
    with open_store(db) as store:
        mentions = [(mid, aid, json.dumps(m.to_dict(), sort_keys=True)) for mid, aid, m in store.mentions_with_ids()]
        failures = [(f["input"], f["stage"], f["reason"]) for f in store.failures()]
        assert store.extracted() == store.count("articles")
    return mentions, failures


def _ingest(path, db: str, executor) -> None:  # noqa: ANN001
    pipeline = default_pipeline()
    with open_store(db) as store:
        report = ingest([str(path)], store, FAKES_OPTIONS, extractor=pipeline.extract_article,
                        version=pipeline.version, executor=executor, batch_size=10)
    assert report.extracted == report.added > 0


@pytest.fixture(scope="module")
def one_process(fakes_sample, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("serial") / "serial.db")
    _ingest(fakes_sample, db, SerialExecutor())
    return _records(db)


def test_two_worker_processes_give_the_records_of_one_process(fakes_sample, one_process, tmp_path):
    executor = ProcessExecutor(2)
    try:
        _ingest(fakes_sample, str(tmp_path / "workers.db"), executor)
    finally:
        executor.close()
    mentions, failures = _records(str(tmp_path / "workers.db"))
    assert len(mentions) > N_FAKES  # several records per article: the comparison means something
    assert (mentions, failures) == one_process


def test_workers_import_the_code_this_process_imported(tmp_path, monkeypatch):
    """Started from a directory holding another ``sitrep`` (a source checkout), the fork server
    still preloads this process's, which its workers inherit: Python 3.11's fork server
    imports with its own ``sys.path`` (the working directory first), not this process's."""
    import sitrep

    (tmp_path / "sitrep").mkdir()  # another version: its modules import, they are not ours
    (tmp_path / "sitrep" / "__init__.py").write_text("")
    (tmp_path / "sitrep" / "warm.py").write_text("")
    monkeypatch.chdir(tmp_path)
    executor = ProcessExecutor(2)
    try:
        assert executor.submit(eval, "__import__('sitrep').__file__").result() == sitrep.__file__
    finally:
        executor.close()


def _worker_timers() -> tuple:
    import dask

    return dask.config.get("distributed.admin.tick.interval"), dask.config.get("distributed.worker.profile.enabled")


def test_dask_local_cluster_gives_the_records_of_one_process(fakes_sample, one_process, tmp_path):
    pytest.importorskip("dask.distributed")
    executor = make_executor(2, "dask")
    try:
        assert executor.workers == 2
        addresses = list(executor.client.scheduler_info()["workers"])
        assert addresses and all(a.startswith("tcp://127.0.0.1:") for a in addresses)
        # the workers run with their event loop's timers slowed (they took the GIL from the task)
        ticks = executor.client.run(_worker_timers)
        assert len(ticks) == 2 and all(t == ("1s", False) for t in ticks.values()), ticks
        _ingest(fakes_sample, str(tmp_path / "dask.db"), executor)
    finally:
        executor.close()
    assert _records(str(tmp_path / "dask.db")) == one_process


def test_a_dask_cluster_that_fails_to_start_fails_at_first_use_and_frees_the_fork_server(monkeypatch):
    """The LocalCluster starts in a thread (the caller reads meanwhile): its error is raised in
    the caller's thread, at the first submit, and closing still stops the fork server."""
    pytest.importorskip("dask.distributed")
    import dask.distributed

    from sitrep import batch

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("no cluster today")

    monkeypatch.setattr(dask.distributed, "LocalCluster", refuse)
    users = batch._FORK_SERVER_USERS[0]
    executor = batch.DaskExecutor(2)
    assert executor.workers == 2 and executor.read_ahead  # the input is read while the cluster starts
    with pytest.raises(RuntimeError, match="no cluster today"):
        executor.submit(len, [1])
    executor.close()
    executor.close()  # safe twice
    assert batch._FORK_SERVER_USERS[0] == users


class _Recording(SerialExecutor):
    workers = 2
    task_articles = 8

    def __init__(self):
        self.tasks: list[int] = []

    def submit(self, fn, *args):  # noqa: ANN001, ANN002, ANN201
        self.tasks.append(len(args[-1]))
        return super().submit(fn, *args)


def test_an_executor_asking_for_larger_tasks_gets_them(tmp_path):
    """Dask's executor asks for 8 articles a task (each task costs its scheduler and event loops)."""
    path = tmp_path / "rows.csv"
    path.write_text("title,text\n" + "".join(f"T{i},Shelling hit the town number {i} on Monday.\n" for i in range(30)))
    executor = _Recording()
    with open_store(str(tmp_path / "x.db")) as store:
        report = ingest([str(path)], store, IngestOptions(), extractor=lambda article: [], version="t",
                        executor=executor)
    assert report.extracted == 30 and sum(executor.tasks) == 30
    assert max(executor.tasks) == 8 and executor.tasks.count(8) >= 3, executor.tasks


class _SlowToClose(SerialExecutor):
    def __init__(self, error: Exception | None = None):
        self.closed, self.error = 0, error

    def close(self) -> None:
        import time

        time.sleep(0.2)
        self.closed += 1
        if self.error:
            raise self.error


def test_closing_meanwhile_closes_during_the_block_and_raises_its_error():
    from sitrep.batch import closing_meanwhile

    executor = _SlowToClose()
    with closing_meanwhile(executor):
        assert executor.closed == 0  # the block runs while the executor closes
    assert executor.closed == 1  # waited for at the block's end
    with pytest.raises(OSError, match="stuck"), closing_meanwhile(_SlowToClose(OSError("stuck"))):
        pass


def test_a_table_bigger_than_the_old_cap_is_read_as_a_stream(tmp_path):
    """25 MB of CSV (the old limit refused files over 20 MB) read with a small bounded memory."""
    path = tmp_path / "big.csv"
    body = "Shelling hit the town and killed several people, residents said. " * 40
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "text"])
        while fh.tell() < 25 * 1024 * 1024:
            writer.writerow([f"Report {rows}", f"{body} ({rows})"])
            rows += 1
    options = IngestOptions()
    assert path.stat().st_size > options.max_bytes
    tracemalloc.start()
    try:
        seen = 0
        for item in iter_inputs([str(path)], options):
            assert isinstance(item, RawDoc), item
            seen += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == rows
    assert peak < 8 * 1024 * 1024  # a whole-file read would hold the 25 MB (and its decoded copy)


def test_rows_over_the_limit_fail_alone_in_streamed_jsonl_and_gzip_csv(tmp_path):
    text = "Government forces shelled the town of Douma on Monday, killing 12 civilians, activists said."
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("\n".join([json.dumps({"text": text}), json.dumps({"text": "x" * 5000}),
                                "not json", json.dumps({"text": text + " Again."})]) + "\n", encoding="utf-8")
    items = list(iter_inputs([str(jsonl)], IngestOptions(max_bytes=1000)))
    assert [type(i).__name__ for i in items] == ["RawDoc", "Failure", "Failure", "RawDoc"]
    assert "line too long" in items[1].reason and "invalid JSON" in items[2].reason
    assert items[3].source.endswith("#4")

    gz = tmp_path / "rows.csv.gz"
    with gzip.open(gz, "wt", encoding="cp1252", newline="") as fh:
        fh.write("title,text\r\nCaf\u00e9,\"" + text + " Caf\u00e9 d\u00e9truit.\"\r\n")
    (item,) = list(iter_inputs([str(gz)], IngestOptions()))
    assert isinstance(item, RawDoc) and item.content.endswith("Caf\u00e9 d\u00e9truit.")


def test_utf8_stream_with_a_stray_legacy_byte_later_on(tmp_path):
    """The codec is judged from the start of a stream; a windows-1252 byte found later is read as such."""
    path = tmp_path / "mixed.csv"
    head = "title,text\n" + "".join(f"T{i},Plain ascii report number {i} about the shelling.\n" for i in range(30000))
    path.write_bytes(head.encode() + b"Last,Caf\xe9 in the town was hit.\n")
    items = list(iter_inputs([str(path)], IngestOptions()))
    assert len(items) == 30001 and items[-1].content == "Caf\u00e9 in the town was hit."


def _article(i: int) -> Article:
    return Article(f"Report {i}: shelling hit the town of Douma and killed {i} people, residents said.",
                   title=f"Report {i}", outlet="SANA", published="2016-03-01", source=f"bulk#{i}")


def test_bulk_writes_on_both_backends(store_url):
    with open_store(store_url) as store:
        store.add_failure(Failure("bulk#1", "read", "earlier failure"))
        batch = [_article(1), _article(2), _article(1)]
        assert store.add_articles(batch) == [True, True, False]
        assert store.add_articles([_article(2), _article(3)]) == [False, True]
        assert store.failures() == []  # the article read later replaces its failure
        store.add_failures([Failure("x", "read", "a"), Failure("x", "read", "b"), Failure("y", "parse", "c")])
        assert [(f["input"], f["reason"]) for f in store.failures()] == [("x", "b"), ("y", "c")]

        ids = [_article(i).id for i in (3, 1, 2)]
        claimed = store.claim_articles(ids, "v1")
        assert [a.id for a in claimed] == ids and claimed[1].title == "Report 1"
        with open_store(store_url) as other:  # another ingest: nothing left to claim
            assert other.claim_articles(ids, "v1") == []
        assert store.claim_articles(ids, "v1") == []  # not twice to the same ingest either

        _, (mention, bad) = Synthetic().article(0)
        bad.casualties[0].count = 10 ** 400
        with pytest.raises(Exception):  # noqa: B017 - one record the store cannot hold: the batch writes nothing
            store.set_mentions_many([(ids[0], [mention]), (ids[1], [bad])], "v1")
        assert store.count("mentions") == 0 and store.extracted() == 0
        store.set_mentions_many([(ids[0], [mention, mention]), (ids[1], [])], "v1")
        assert store.count("mentions") == 2 and store.extracted() == 2
        assert store.claim_pending("v1", 10) == []  # ids[2] is still claimed, by this store
        store.release_claims()
        assert [a.id for a in store.claim_pending("v1", 10)] == [ids[2]]


def test_cli_rejects_a_scheduler_without_dask(tmp_path):
    import subprocess
    import sys

    def sitrep(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "sitrep.cli", "ingest", str(tmp_path), "--db",
                               str(tmp_path / "x.db"), *args], capture_output=True, text=True)

    result = sitrep("--scheduler", "tcp://127.0.0.1:1")
    assert result.returncode == 2 and "--scheduler needs --engine dask" in result.stderr
    result = sitrep("--engine", "spark")
    assert result.returncode == 2 and "unknown engine" in result.stderr
    assert "Traceback" not in result.stderr


def test_fusion_in_a_process_that_extracted_nothing_groups_sides_the_same():
    """The driver of worker processes never runs the actors stage: a generic class actor
    ("Lebanese military") must still count as its state's side in the fused contradictions."""
    from sitrep.fuse.events import _side
    from sitrep.resolve.actors import actor_dictionary

    actor_dictionary.cache_clear()  # as in a fresh driver process
    assert "MILITARY_LB" not in actor_dictionary().actors
    assert _side({"id": "MILITARY_LB", "name": "Lebanese military"}) == "Government of Lebanon"
    assert _side({"id": "NOT_A_CLASS_ZZ", "name": "Someone"}) == "Someone"
    actor_dictionary.cache_clear()  # a class met before the dictionary was loaded again
    assert actor_dictionary().root("GOVERNMENT").kind == "government"


def test_chunks_grow_from_first_to_size():
    from sitrep.ingest.run import _chunks

    sizes = [len(c) for c in _chunks(range(100), 30, first=4)]
    assert sizes == [4, 8, 16, 30, 30, 12]
    assert [len(c) for c in _chunks(range(7), 3)] == [3, 3, 1]


def test_read_ahead_keeps_order_and_raises_where_the_reader_failed():
    from sitrep.ingest.run import _read_ahead

    assert list(_read_ahead(iter(range(50)), 5)) == list(range(50))

    def failing():
        yield 1
        yield 2
        raise ValueError("unreadable input")

    got = []
    with pytest.raises(ValueError, match="unreadable"):
        for item in _read_ahead(failing(), 10):
            got.append(item)
    assert got == [1, 2]


def test_read_ahead_stops_its_reader_when_the_consumer_stops():
    import threading
    import time

    from sitrep.ingest.run import _read_ahead

    closed = threading.Event()

    def endless():
        try:
            n = 0
            while True:
                n += 1
                yield n
        finally:
            closed.set()

    reader = _read_ahead(endless(), 3)
    assert [next(reader) for _ in range(4)] == [1, 2, 3, 4]
    reader.close()
    deadline = time.monotonic() + 5
    while not closed.is_set() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert closed.is_set()


def test_scaling_bench_says_what_it_timed_and_under_what_load(fakes_sample):
    from sitrep.bench import scaling_bench

    figures = scaling_bench(str(fakes_sample), "article_content", "article_title", "source", dask=False)
    assert figures["same_mentions"] and figures["1_worker_mentions"] > 0
    for leg in ("1_worker", "2_workers"):
        assert figures[f"{leg}_s"] > 0 and figures[f"{leg}_cpu_s"] > 0
        started, ended = figures[f"{leg}_load_average"]  # each wall time comes with the machine's load
        assert started >= 0 and ended >= 0
    assert "end to end" in figures["timed"] and figures["load_average_1min"] >= 0
