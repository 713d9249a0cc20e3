"""Fusion as a blocked reduce (``sitrep.fuse.blocked``): block by block, in this process, on
worker processes and on a Dask LocalCluster, it gives the events of the single-process fusion."""

from __future__ import annotations

import json

import pytest
from conftest import copy_db
from typer.testing import CliRunner

from sitrep.batch import ProcessExecutor, make_executor
from sitrep.bench import synthetic_views
from sitrep.cli import app
from sitrep.fuse.blocked import _month, fuse_blocked, fuse_store_blocked, plan
from sitrep.fuse.events import _views, fuse
from sitrep.store.base import open_store


def _events(fuser) -> list[str]:  # noqa: ANN001 - a Fuser
    """Every event's full record (mentions in order, figures, contradictions), comparable."""
    return sorted(json.dumps(e.to_event().to_dict(), sort_keys=True) for e in fuser.events.values())


def _spanning(fuser) -> int:  # noqa: ANN001 - a Fuser
    """Events whose reports' dates fall in two months or more (they cross a block boundary)."""
    return sum(1 for e in fuser.events.values() if len({_month(m.day) for m in e.mentions if m.day}) > 1)


@pytest.fixture(scope="module")
def fakes_db(fakes_extracted_db, tmp_path_factory) -> str:
    """FA-KES development articles extracted (the session's store, on two worker processes), not fused."""
    return copy_db(fakes_extracted_db, tmp_path_factory.mktemp("blocked") / "fakes.db")


@pytest.fixture(scope="module")
def fakes_views(fakes_db):
    with open_store(fakes_db) as store, store.fusion() as session:
        return _views(session.batch().mentions)


@pytest.fixture(scope="module")
def fakes_single(fakes_views):
    return fuse(fakes_views)


def test_blocked_fusion_gives_the_single_process_events_on_fakes(fakes_views, fakes_single):
    blocks, undated = plan(fakes_views)
    assert len(blocks) > 20 and undated  # many blocks, and undated reports joining on the driver
    assert _spanning(fakes_single) > 0  # some incidents are told across a month boundary
    timings: dict = {}
    blocked = fuse_blocked(fakes_views, timings=timings)
    assert timings["converged"]
    assert _events(blocked) == _events(fakes_single)
    assert blocked.assignment == fakes_single.assignment


def test_blocked_fusion_on_a_dask_local_cluster(fakes_views, fakes_single):
    pytest.importorskip("dask.distributed")
    executor = make_executor(2, "dask")
    try:
        assert all(a.startswith("tcp://127.0.0.1:") for a in executor.client.scheduler_info()["workers"])
        blocked = fuse_blocked(fakes_views, executor)
    finally:
        executor.close()
    assert _events(blocked) == _events(fakes_single)


def test_blocked_fusion_on_worker_processes_with_synthetic_mentions():
    # month- and publication-dated, undated, unplaced and other-country reports, two per article
    mentions = synthetic_views(4000, seed=3, days=120, loose=True)
    single = fuse(mentions)
    assert _spanning(single) >= 5 and sum(len(e.mentions) > 1 for e in single.events.values()) > 200
    executor = ProcessExecutor(2)
    try:
        blocked = fuse_blocked(synthetic_views(4000, seed=3, days=120, loose=True), executor)
    finally:
        executor.close()
    assert _events(blocked) == _events(single)


def test_blocked_store_fusion_from_the_cli_writes_the_events_of_incremental_fusion(fakes_db, fakes_fused_db,
                                                                                   tmp_path):
    other = copy_db(fakes_db, tmp_path / "blocked.db")
    with open_store(fakes_fused_db) as store:  # the same articles fused by the incremental fuse_store
        expected = _stored(store)
    runner = CliRunner()
    refused = runner.invoke(app, ["fuse", "--db", other, "--workers", "2"])
    assert refused.exit_code != 0 and "--engine" in refused.output
    result = runner.invoke(app, ["fuse", "--db", other, "--engine", "processes", "--workers", "2", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["mentions"] > 1000 and report["events_written"] == len(expected)
    with open_store(other) as store:
        assert _stored(store) == expected
        assert store.unfused_mentions() == 0
        again = fuse_store_blocked(store)  # nothing left: nothing written
        assert again.mentions == 0 and again.events_written == 0


def _stored(store) -> list[str]:  # noqa: ANN001 - a Store
    from sitrep.store.base import EventFilter

    return sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.query_events(EventFilter(), limit=100_000))


# -- the merge pass counts reports, not sentences; a toll's formulas set no incident apart --------

def _attack(day: str, killed: int, text: str = "shells hit the market") -> dict:
    place = {"name": "Binnish", "admin1": "Idlib", "country": "SY", "precision": "city", "lat": 35.95, "lon": 36.71}
    return {"type": "ASSAULT", "mode": "heavy-weapons", "casualties": [{"kind": "killed", "count": killed, "subset": False}],
            "claim": {"modality": "asserted"}, "denials": [], "acled": {"event_type": "Explosions/Remote violence"},
            "date": {"value": day, "precision": "day", "basis": "text"}, "evidence": {"text": text},
            "location": place, "confidence": 0.8}


def test_one_report_told_in_three_sentences_is_one_report_to_the_merge_pass():
    from sitrep.fuse.events import Fuser, view

    fuser = Fuser()
    for i in range(3):  # one report telling its incident three times
        fuser.place(view(f"x{i}", "X", "Wire X", "2021-05-02", _attack("2021-05-02", 7)), "e1")
    fuser.place(view("y", "Y", "Wire Y", "2021-05-02", _attack("2021-05-02", 7)), "e2")
    # two reports only: as few as a single join, not three agreeing pairs
    assert fuser.merge_similar() == 0 and len(fuser.events) == 2
    fuser.place(view("z", "Z", "Wire Z", "2021-05-02", _attack("2021-05-02", 7)), "e2")
    # now two reports of one event match the other's report: two pairs of reports agree
    assert fuser.merge_similar() == 1 and len(fuser.events) == 1


def test_a_tolls_formulas_are_no_distinctive_words():
    from sitrep.fuse.events import distinctive_words, pair_features, view

    formula = "causing material damage to houses and property, claiming the lives of citizens, two in critical condition"
    assert distinctive_words(formula) == frozenset()
    a = view("a", "A", "Wire A", "2021-05-02", _attack("2021-05-02", 7, formula))
    b = view("b", "B", "Wire B", "2021-05-02", _attack("2021-05-02", 7, "mortars fell, " + formula))
    assert pair_features(a, b)["words"] == 0.0


def test_two_stated_days_a_day_apart_weigh_less_than_a_publication_day_a_day_off():
    from sitrep.fuse.events import pair_features, view

    monday = view("a", "A", "Wire A", "2021-05-03", _attack("2021-05-03", 7))
    tuesday = view("b", "B", "Wire B", "2021-05-04", _attack("2021-05-04", 7))
    published = _attack("2021-05-04", 7)
    published["date"]["basis"] = "published"  # no day in the text: the report's date, which may lag
    assumed = view("c", "C", "Wire C", "2021-05-04", published)
    stated, lagging = pair_features(monday, tuesday)["date"], pair_features(monday, assumed)["date"]
    assert stated < lagging < pair_features(monday, view("d", "D", "Wire D", "2021-05-03", _attack("2021-05-03", 7)))["date"]


def test_weapon_class_and_reporter_words_are_common_words():
    from sitrep.fuse.events import distinctive_words

    # the weapon's class is the mention's mode, compared apart; "our correspondent" is any outlet's
    assert distinctive_words("rockets and mortar shells struck, our correspondent said") == frozenset()
    assert distinctive_words("rocket shells hit the Ferdaws bakery") == frozenset({"ferdaw", "bakery"})
