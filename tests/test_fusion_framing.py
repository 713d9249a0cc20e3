"""Fusion, contradictions, framing and exports on the demo corpus and the seeds."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from sitrep.demo import DEMO_OPTIONS, demo_corpus_path
from sitrep.frame.labels import actor_labels, framing_table, loaded_language
from sitrep.fuse.events import fuse_store
from sitrep.ingest.run import ingest
from sitrep.pipeline import default_pipeline
from sitrep.queries import iter_events
from sitrep.store.export import write
from sitrep.store.sqlite import Store


def build(db_path, lines=None, tmp_path=None):
    source = str(demo_corpus_path())
    if lines is not None:
        part = tmp_path / f"part{len(lines)}.jsonl"
        part.write_text("".join(lines), encoding="utf-8")
        source = str(part)
    store = Store(db_path)
    pipeline = default_pipeline()
    ingest([source], store, DEMO_OPTIONS, extractor=pipeline.extract_article, version=pipeline.version)
    return store


@pytest.fixture(scope="module")
def demo_events(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    store = build(db)
    fuse_store(store)
    yield store, {e.id: e.to_dict() for e in iter_events(store)}
    store.close()


def _event_at(events, place):
    return max((e for e in events.values() if e["type"] == "ASSAULT" and (e["place"] or {}).get("name") == place),
               key=lambda e: len(e["outlets"]))


def test_one_event_from_many_outlets(demo_events):
    _store, events = demo_events
    ariha = _event_at(events, "Ariha")
    assert len(ariha["outlets"]) >= 5
    assert ariha["date"] == "2024-03-12"
    by_outlet = ariha["killed"]["by_outlet"]
    assert by_outlet["Civilian Toll Monitor"] == 11 and by_outlet["Free Idlib Voice"] == 14
    assert ariha["earliest_report"] == "2024-03-12"


def test_contradictions(demo_events):
    _store, events = demo_events
    ariha = _event_at(events, "Ariha")
    kinds = {c["kind"] for c in ariha["contradictions"]}
    assert "casualties" in kinds
    azaz = _event_at(events, "Azaz")
    summaries = " ".join(c["summary"] for c in azaz["contradictions"])
    # 6 killed by most is within rounding of both; 5 (state news) and 7 (the Turkish outlet) are not
    assert "5 (Levant State News) vs 7 (Anatolian Courier)" in summaries
    assert any(c["kind"] == "denial" and "Syrian Democratic Forces" in c["summary"] for c in azaz["contradictions"])
    # each perpetrator is named by one report only: not yet a disagreement (see the unit test below)
    assert not any(c["kind"] == "perpetrator" for c in azaz["contradictions"])


def test_fusion_is_incremental_and_idempotent(tmp_path):
    lines = demo_corpus_path().read_text(encoding="utf-8").splitlines(keepends=True)
    store = build(tmp_path / "inc.db", lines[:10], tmp_path)
    fuse_store(store)
    first = {e.id: set(e.mentions) for e in iter_events(store)}
    store.close()
    store = build(tmp_path / "inc.db", lines, tmp_path)
    report = fuse_store(store)
    assert 0 < report.events_written < len(first) + report.mentions  # only touched events rewritten
    after = {e.id: set(e.mentions) for e in iter_events(store)}
    for eid, members in first.items():  # earlier events keep their ids and mentions
        assert members <= after[eid]
    assert fuse_store(store).mentions == 0  # nothing new: nothing to do
    assert {e.id: set(e.mentions) for e in iter_events(store)} == after
    assert len(store.event_assignments()) == store.count("mentions")  # every mention in exactly one event
    store.close()


def test_framing_table(demo_events):
    store, _events = demo_events
    table = framing_table(store)
    opposition = {outlet: set(labels) for (actor, outlet), labels in table.items() if actor == "Syrian armed opposition"}
    # ("dozens of terrorists" at a Nusra headquarters may be Nusra's own men: a common word beside
    # a named group is not counted; "terrorist groups" alone is the state outlet's word)
    assert "terrorist groups" in opposition["Levant State News"]
    assert "heroic revolutionaries" in opposition["Free Idlib Voice"]  # the qualifier is part of the frame
    # "Rebels of Hayat Tahrir al-Sham": the wire's neutral word, for the group it names
    hts = {outlet: set(labels) for (actor, outlet), labels in table.items() if actor == "Hayat Tahrir al-Sham"}
    assert any(label.startswith("rebels") for label in hts["Meridian Wire"])
    sdf = {outlet: set(labels) for (actor, outlet), labels in table.items() if actor == "Syrian Democratic Forces"}
    assert "us-backed separatist sdf militia" in sdf["Levant State News"]


def test_seed_framing_and_loaded_language(shared):
    from sitrep.config import IngestOptions
    from sitrep.ingest.sources import iter_articles

    articles = {a.outlet: a for a in iter_articles([str(p) for p in sorted((shared / "seeds").glob("*.txt"))], IngestOptions())}
    rcit = {(n, lab) for n, lab, _q in actor_labels(articles["RCIT"])}
    red = {(n, lab) for n, lab, _q in actor_labels(articles["Red Revolution Media"])}
    assert ("Syrian armed opposition", "liberation forces") in rcit
    # “terrorist forces” is quoted as Moscow's word: it labels the actor for Moscow, not the outlet
    assert ("Syrian armed opposition", "terrorist forces") not in red
    # "militants in Syria including various al-Qaeda affiliates and Islamic State": the common word
    # beside named groups may mean them; it is not counted for the opposition
    assert ("Syrian armed opposition", "militants") not in red
    spans = loaded_language(articles["RCIT"].text)
    slogans = {s.text for s in spans if s.category == "slogans"}
    assert "Don’t Let Idlib Die!" in slogans
    assert any(s.text == "Russian-Iranian-Assadist occupiers" or s.text == "occupiers" for s in spans)
    red_spans = loaded_language(articles["Red Revolution Media"].text)
    assert any(s.category == "loaded_language" and s.text.lower() == "illegal" for s in red_spans)
    for s in spans:
        assert articles["RCIT"].text[s.start:s.end] == s.text


def test_exports(demo_events):
    store, events = demo_events
    records = store.mention_records(m for e in events.values() for m in e["mentions"])
    buf = io.StringIO()
    n = write(events.values(), records, "acled", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert n == len(rows) == len(events)
    assert {"event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location",
            "latitude", "longitude", "fatalities", "source", "notes"} <= set(rows[0])
    ariha = next(r for r in rows if r["location"] == "Ariha" and len(r["source"].split(";")) >= 5)
    assert ariha["fatalities"] == "11" and "Sources disagree" in ariha["notes"]
    buf = io.StringIO()
    write(events.values(), records, "geojson", buf)
    geo = json.loads(buf.getvalue())
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 35 < lon < 43 and 32 < lat < 38  # Syria
    buf = io.StringIO()
    write(events.values(), records, "jsonl", buf)
    assert len(buf.getvalue().splitlines()) == len(events)


def test_cli_events_event_compare_export(tmp_path):
    def sitrep(*args):
        return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True, cwd=tmp_path)

    assert sitrep("demo", "--db", "d.db").returncode == 0
    rows = [json.loads(x) for x in sitrep("events", "--db", "d.db", "--json", "--multi", "--type", "ASSAULT").stdout.splitlines()]
    assert rows and all(len(r["outlets"]) > 1 for r in rows)
    near = [json.loads(x) for x in sitrep("events", "--db", "d.db", "--json", "--place", "azaz", "--since", "2024-03-14").stdout.splitlines()]
    assert near and all("Azaz" in (r["place"] or {}).get("name", "") for r in near)
    one = json.loads(sitrep("event", rows[0]["id"][:8], "--db", "d.db", "--json").stdout)
    assert len(one["sources"]) == len(one["mentions"])
    shown = sitrep("compare", "--db", "d.db", "--actor", "armed opposition", "--json").stdout.splitlines()
    assert {json.loads(x)["outlet"] for x in shown} >= {"Levant State News", "Free Idlib Voice"}
    result = sitrep("export", "--db", "d.db", "--format", "geojson", "-o", "e.geojson")
    assert result.returncode == 0 and json.loads((tmp_path / "e.geojson").read_text())["features"]
    bad = sitrep("export", "--db", "d.db", "--format", "xml")
    assert bad.returncode == 2 and "unknown format" in bad.stderr


def test_rising_toll_is_an_update_not_a_contradiction():
    from sitrep.fuse.events import Cluster, find_contradictions, view

    def record(killed):
        return {"type": "ASSAULT", "mode": "aerial", "casualties": [{"kind": "killed", "count": killed, "subset": False}],
                "claim": {"modality": "asserted"}, "denials": [], "acled": {"event_type": "Explosions/Remote violence"},
                "date": {"value": "2024-03-12", "precision": "day", "basis": "text"}, "evidence": {"text": "x"}}

    event = Cluster("e1", [view("m1", "a1", "Wire A", "2024-03-12", record(20)),
                         view("m2", "a2", "Wire B", "2024-03-13", record(35)),
                         view("m3", "a3", "Wire C", "2024-03-14", record(58))])
    kinds = {c.kind for c in find_contradictions(event)}
    assert kinds == {"toll_update"}
    event.mentions.append(view("m4", "a4", "Wire D", "2024-03-14", record(12)))
    assert "casualties" in {c.kind for c in find_contradictions(event)}


def test_parquet_export(demo_events, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")  # optional extra: pip install ".[parquet]"
    store, events = demo_events
    records = store.mention_records(m for e in events.values() for m in e["mentions"])
    path = tmp_path / "events.parquet"
    assert write(events.values(), records, "parquet", str(path)) == len(events)
    table = pq.read_table(path)
    assert table.num_rows == len(events) and "fatalities" in table.column_names


def test_ingest_fuses_new_articles_and_reads_show_them(tmp_path, fixtures):
    def sitrep(*args):
        return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True, cwd=tmp_path)

    assert sitrep("demo", "--db", "d.db").returncode == 0
    before = len(sitrep("events", "--db", "d.db", "--json").stdout.splitlines())
    assert sitrep("ingest", str(fixtures / "market_strike.html"), "--db", "d.db").returncode == 0
    after = [json.loads(x) for x in sitrep("events", "--db", "d.db", "--json").stdout.splitlines()]
    assert len(after) > before and any((e["place"] or {}).get("name") == "Saraqib" for e in after)
    with Store(tmp_path / "d.db") as store:
        assert store.unfused_mentions() == 0


def _record(day, place, basis="text", mode="aerial", killed=10):
    return {"type": "ASSAULT", "mode": mode, "casualties": [{"kind": "killed", "count": killed, "subset": False}],
            "claim": {"modality": "asserted"}, "denials": [], "acled": {"event_type": "Explosions/Remote violence"},
            "date": {"value": day, "precision": "day", "basis": basis}, "evidence": {"text": "air strikes hit the town"},
            "location": place, "confidence": 0.8}


KHAN = {"name": "Khan Shaykhun", "admin1": "Idlib", "country": "SY", "precision": "city", "lat": 35.44, "lon": 36.65}
IDLIB = {"name": "Idlib", "admin1": "Idlib", "country": "SY", "precision": "admin1", "lat": 35.9, "lon": 36.6}
ALEPPO = {"name": "Aleppo", "admin1": "Aleppo", "country": "SY", "precision": "city", "lat": 36.2, "lon": 37.16}


def test_one_report_telling_an_incident_twice_lands_in_one_event():
    from sitrep.fuse.events import fuse, view

    mentions = [view("a1", "A", "Wire A", "2024-03-12", _record("2024-03-12", KHAN)),
                view("a2", "A", "Wire A", "2024-03-12", _record("2024-03-12", IDLIB, killed=12)),
                view("b1", "B", "Wire B", "2024-03-12", _record("2024-03-12", KHAN, killed=12)),
                view("a3", "A", "Wire A", "2024-03-12", _record("2024-03-12", ALEPPO))]
    fuser = fuse(mentions)
    assert fuser.assignment["a1"] == fuser.assignment["a2"] == fuser.assignment["b1"]
    assert fuser.assignment["a3"] != fuser.assignment["a1"]  # another incident of the same report
    assert fuser.events[fuser.assignment["a1"]].figures() == {"Wire A": 12, "Wire B": 12}


def test_report_date_bounds_the_event_from_above():
    from sitrep.fuse.events import days_compatible, view

    reported = view("a", "A", "Wire A", "2024-03-14", _record("2024-03-14", ALEPPO, basis="published"))
    earlier = view("b", "B", "Wire B", "2024-03-16", _record("2024-03-13", ALEPPO))
    later = view("c", "C", "Wire C", "2024-03-16", _record("2024-03-16", ALEPPO))
    assert days_compatible(reported, earlier) and days_compatible(earlier, reported)
    assert not days_compatible(reported, later) and not days_compatible(later, reported)


def test_speakers_of_a_statement_are_not_disputed_perpetrators():
    from sitrep.fuse.events import Cluster, find_contradictions, view

    def record(etype, actor_id, name):
        return {"type": etype, "mode": None, "casualties": [], "claim": {"modality": "asserted"}, "denials": [],
                "acled": {"event_type": "Strategic developments"}, "evidence": {"text": "x"},
                "date": {"value": "2024-03-12", "precision": "day", "basis": "text"},
                "actor1": {"id": actor_id, "name": name, "label": name}}

    accuse = Cluster("e1", [view("m1", "a1", "Wire A", "2024-03-12", record("ACCUSE", "FRA_GOV", "French government")),
                          view("m2", "a2", "Wire B", "2024-03-12", record("ACCUSE", "GBR_GOV", "British government"))])
    assert not any(c.kind == "perpetrator" for c in find_contradictions(accuse))
    assault = Cluster("e2", [view("m3", "a1", "Wire A", "2024-03-12", record("ASSAULT", "SYR_MIL", "Syrian Arab Army")),
                           view("m4", "a2", "Wire B", "2024-03-12", record("ASSAULT", "ISIS", "Islamic State (ISIS)"))])
    assert not any(c.kind == "perpetrator" for c in find_contradictions(assault))  # one report a side
    assault.mentions += [view("m5", "a3", "Wire C", "2024-03-12", record("ASSAULT", "SYR_MIL", "Syrian army")),
                         view("m6", "a4", "Wire D", "2024-03-12", record("ASSAULT", "ISIS", "Islamic State (ISIS)"))]
    assert any(c.kind == "perpetrator" for c in find_contradictions(assault))


def test_a_gas_attack_told_as_an_air_strike_is_one_event():
    from sitrep.fuse.events import fuse, view

    gas = _record("2024-03-12", KHAN, mode="unconventional", killed=58)
    air = _record("2024-03-12", KHAN, mode="aerial", killed=58)
    fuser = fuse([view("a", "A", "Wire A", "2024-03-12", gas), view("b", "B", "Wire B", "2024-03-12", air)])
    assert fuser.assignment["a"] == fuser.assignment["b"]
    kinds = {c.kind for c in fuser.events[fuser.assignment["a"]].contradictions}
    # gas delivered from the air: compatible descriptions of one act (data/fusion.yaml), no disagreement
    assert "type" not in kinds


def test_events_found_apart_merge_once_they_match():
    from sitrep.fuse.events import Fuser, view

    fuser = Fuser()
    mentions = [view(f"m{i}", f"A{i}", f"Wire {i}", "2024-03-12", _record("2024-03-12", KHAN, killed=58)) for i in range(4)]
    fuser.place(mentions[0], "e1")  # assignments stored by an earlier run
    fuser.place(mentions[1], "e1")
    fuser.place(mentions[2], "e2")
    fuser.place(mentions[3], "e2")
    assert fuser.merge_similar() == 1 and len(fuser.events) == 1
    assert fuser.merge_similar() == 0  # nothing more: re-running changes nothing
    far = view("m9", "A9", "Wire 9", "2024-03-12", _record("2024-03-12", ALEPPO, killed=3))
    fuser.place(far, "e3")
    assert fuser.merge_similar() == 0 and len(fuser.events) == 2


def test_one_report_naming_nearby_places_and_a_country_level_place():
    from sitrep.fuse.events import fuse, view

    zamalka = {"name": "Zamalka", "admin1": "Rif Dimashq", "country": "SY", "precision": "city", "lat": 33.53, "lon": 36.36}
    damascus = {"name": "Damascus", "admin1": "Damascus", "country": "SY", "precision": "city", "lat": 33.51, "lon": 36.29}
    syria = {"name": "Syria", "admin1": None, "country": "SY", "precision": "country", "lat": None, "lon": None}
    gas = "unconventional"
    fuser = fuse([view("a1", "A", "Wire A", "2013-08-21", _record("2013-08-21", zamalka, mode=gas, killed=1300)),
                  view("a2", "A", "Wire A", "2013-08-21", _record("2013-08-21", damascus, mode=gas, killed=1300)),
                  view("b1", "B", "Wire B", "2013-08-21", _record("2013-08-21", syria, mode=gas, killed=1400))])
    assert len({fuser.assignment[m] for m in ("a1", "a2", "b1")}) == 1
    assert fuser.events[fuser.assignment["a1"]].place != "Syria"


def test_civilian_dead_and_soldier_dead_count_against_one_event():
    from sitrep.fuse.events import pair_score, view

    def record(category):
        r = _record("2024-03-12", ALEPPO, mode="heavy-weapons", killed=6)
        r["casualties"][0]["category"] = category
        return r

    a = view("a", "A", "Wire A", "2024-03-12", record("civilians"))
    b = view("b", "B", "Wire B", "2024-03-12", record("military"))
    c = view("c", "C", "Wire C", "2024-03-12", record("civilians"))  # (children's dead are part of a toll)
    assert pair_score(a, b) < pair_score(a, c)


RAQQA = {"name": "Raqqa", "admin1": "Ar-Raqqah", "country": "SY", "precision": "city", "lat": 35.95, "lon": 39.01}


def test_the_two_sides_of_a_battle_told_each_way_are_one_event():
    from sitrep.fuse.events import pair_score, view

    army = {"id": "SYR_MIL", "name": "Syrian Arab Army", "kind": "state military", "basis": "text"}
    rebels = {"id": "SYR_OPP", "name": "Syrian armed opposition", "kind": "armed group", "basis": "text"}
    isis = {"id": "ISIS", "name": "Islamic State (ISIS)", "kind": "armed group", "basis": "text"}

    def told(attacker, target, mode="firearms"):
        return dict(_record("2024-03-12", ALEPPO, mode=mode), actor1=attacker, actor2=target)

    a = view("a", "A", "Wire A", "2024-03-12", told(army, rebels))
    swapped = view("b", "B", "Wire B", "2024-03-12", told(rebels, army))
    other = view("c", "C", "Wire C", "2024-03-12", told(isis, army))
    assert pair_score(a, swapped) > pair_score(a, other)  # the same two sides, roles told apart
    shelled = view("d", "D", "Wire D", "2024-03-12", told(rebels, army, mode="heavy-weapons"))
    aerial = view("e", "E", "Wire E", "2024-03-12", told(rebels, army, mode="aerial"))
    assert pair_score(swapped, shelled) > pair_score(swapped, aerial)  # gunfire and shelling: one assault


def test_a_report_misplaced_by_one_of_its_words_joins_the_reports_in_its_words():
    """One report places a convoy bombing in Raqqa (from "Daesh's Raqqa stronghold" in its lead);
    told in the same distinctive words on the same day, it still meets the event in Aleppo."""
    from sitrep.fuse.events import fuse, view

    def told(place, evidence, mode="explosives", killed=43):
        r = _record("2024-03-12", place, mode=mode, killed=killed)
        r["evidence"] = {"text": evidence}
        return r

    words = "a suicide car bomb hit buses carrying evacuees from Fuaa and Kafraya at the Rashidin transit point"
    mentions = [view("a", "A", "Wire A", "2024-03-12", told(ALEPPO, words)),
                view("b", "B", "Wire B", "2024-03-12", told(RAQQA, words + " as fighters pushed towards Raqqa")),
                view("c", "C", "Wire C", "2024-03-12", told(RAQQA, "air strikes on a market in the city", "aerial", 5))]
    fuser = fuse(mentions)
    assert fuser.assignment["a"] == fuser.assignment["b"]
    assert fuser.assignment["c"] != fuser.assignment["a"]
