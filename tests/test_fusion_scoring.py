"""Fusion's pair evidence and the judged-pair scorer, on hand-built mentions."""

from __future__ import annotations

import json

from sitrep.evaluate.fusion import judged_pairs, score_judged
from sitrep.fuse.events import Fuser, distinctive_words, follows_up, pair_score, view


def _record(place: str, day: str, killed: int | None, evidence: str, mode: str = "aerial", title: str = "",
            admin1: str = "Idlib", lat: float = 35.4, lon: float = 36.6, precision: str = "city") -> dict:
    return {
        "article": {"title": title}, "type": "ASSAULT", "mode": mode,
        "date": {"value": day, "precision": "day", "basis": "text"},
        "location": {"name": place, "admin1": admin1, "country": "SY", "lat": lat, "lon": lon, "precision": precision},
        "actor1": None, "actor2": None,
        "casualties": [{"kind": "killed", "count": killed, "subset": False, "category": "civilians"}] if killed else [],
        "claim": {"modality": "asserted", "source": None, "by": None}, "denials": [],
        "acled": {"event_type": "Explosions/Remote violence"}, "evidence": {"text": evidence},
    }


def test_distinctive_words_leave_out_what_every_report_says():
    words = distinctive_words("Syrian regime air strikes killed 12 civilians in Aleppo, the monitor said")
    assert words == frozenset()
    assert {"sarin", "khan", "shaykhun"} <= distinctive_words("Sarin gas attack on Khan Shaykhun")


def test_toll_update_days_later_in_the_same_words_is_one_incident():
    first = view("m1", "a1", "Outlet A", "2017-04-15", _record(
        "Rashidin", "2017-04-15", 43, "suicide car bomb hit buses carrying evacuees from Fuaa and Kafraya at Rashidin"))
    later = view("m2", "a2", "Outlet B", "2017-04-18", _record(
        "Rashidin", "2017-04-18", 126, "death toll rises to 126 from car bomb on buses of evacuees from Fuaa Kafraya",
        title="Toll rises"))
    assert later.update and follows_up(first, later, len(first.words & later.words))
    assert pair_score(first, later) > 0.55
    other = view("m3", "a3", "Outlet C", "2017-04-18", _record(
        "Rashidin", "2017-04-18", 3, "shelling hit a school in the town"))
    assert pair_score(first, other) == 0.0  # three days apart and nothing in common: another incident


def test_different_tolls_and_kinds_of_attack_in_one_city_are_two_incidents():
    air = view("m1", "a1", "A", "2016-10-03", _record(
        "Aleppo", "2016-10-03", 45, "warplanes pounded eastern districts", admin1="Aleppo", lat=36.2, lon=37.15))
    rockets = view("m2", "a2", "B", "2016-10-03", _record(
        "Aleppo", "2016-10-03", 4, "rockets fired on western neighbourhood", mode="heavy-weapons", admin1="Aleppo",
        lat=36.2, lon=37.15))
    assert pair_score(air, rockets) < 0.55
    fuser = Fuser()
    assert fuser.add(air) != fuser.add(rockets)


def test_same_incident_across_outlets_joins_and_an_undated_copy_joins_by_words():
    text = "chemical attack with sarin on Khan Shaykhun killed dozens including children"
    a = view("m1", "a1", "A", "2017-04-04", _record("Khan Shaykhun", "2017-04-04", 58, text, mode="unconventional"))
    b = view("m2", "a2", "B", "2017-04-04", _record("Idlib", "2017-04-04", 72, text, mode="aerial",
                                                  precision="admin1", lat=35.8, lon=36.6))
    undated = _record("Syria", "2017-04-04", 86, "toll rises to 86 after " + text + " in the rebel-held town",
                      mode="unconventional", precision="country", admin1=None, lat=35.0, lon=38.5)
    undated["date"] = None
    c = view("m3", "a3", "C", None, undated)
    fuser = Fuser()
    first = fuser.add(a)
    assert fuser.add(b) == first
    assert fuser.add(c) == first


def test_judged_scorer_leaves_out_unclear_and_reports_unjudged(tmp_path):
    path = tmp_path / "pairs.json"
    path.write_text(json.dumps({"pairs": [
        {"a": "1", "b": "2", "label": "same"}, {"a": "3", "b": "2", "label": "same"},
        {"a": "1", "b": "4", "label": "different"}, {"a": "1", "b": "5", "label": "unclear"}]}))
    judged = judged_pairs(str(path))
    result = score_judged({("1", "2"), ("1", "4"), ("1", "5"), ("6", "7")}, judged)
    assert result["precision"] == 0.5 and result["recall"] == 0.5
    assert result["unjudged"] == [("6", "7")] and result["missed"] == [("2", "3")]
    assert result["wrong_merges"] == [("1", "4")]


def test_contradiction_scorer_needs_two_gold_positions_set_against_each_other():
    from sitrep.evaluate.contradictions import score
    from sitrep.model import Contradiction, Event

    incidents = [{"incident": "x", "articles": ["u1", "u2", "u3"],
                  "disagreements": [{"kind": "casualties", "positions": [
                      {"value": "58", "articles": ["u1"]}, {"value": "100", "articles": ["u2"]}]}],
                  "not_disagreements": [{"kind": "update", "articles": ["u1", "u3"]}]}]
    record = {"type": "ASSAULT", "historical": False, "confidence": 0.9, "sentences": [0],
              "casualties": [{"kind": "killed", "count": 5, "subset": False}]}
    records = {a: [(f"{a}:0", record)] for a in ("a1", "a2", "a3")}
    event_of = {f"{a}:0": "e1" for a in ("a1", "a2", "a3")}
    event = Event.from_dict({"id": "e1", "type": "ASSAULT", "date": None, "place": None, "actor1": None,
                             "actor2": None, "outlets": ["A", "B", "C"], "earliest_report": None, "killed": None,
                             "injured": None, "mentions": ["a1:0", "a2:0", "a3:0"], "contradictions": []})
    event.contradictions = [Contradiction("casualties", "58 vs 100", {"58": ["A"], "100": ["B"]}),
                            Contradiction("casualties", "58 vs 86", {"58": ["A"], "86": ["C"]}),
                            Contradiction("toll_update", "rose", {"58": ["A"], "86": ["C"]})]
    result = score(incidents, {"u1": {"a1"}, "u2": {"a2"}, "u3": {"a3"}}, records, event_of, {"e1": event},
                   {"a1": "A", "a2": "B", "a3": "C"})
    assert (result["reported"], result["right"], result["surfaced"]) == (2, 1, 1)
    assert result["precision"] == 0.5 and result["recall"] == 1.0
    assert result["wrong_as"] == {"update": 1}


def test_framing_counts_the_outlets_own_voice_not_quoted_speech():
    from sitrep.frame.labels import actor_labels, loaded_language
    from sitrep.model import Article

    text = ('Rebels shelled the town on Monday. "The terrorists of Jabhat al-Nusra attacked us," '
            'a resident said. The terrorists withdrew.')
    spans = loaded_language(text)
    quoted = [s.quoted for s in spans if s.text.lower() == "terrorists"]
    assert quoted == [True, False]
    labels = [label for _name, label, _quote in actor_labels(Article(text, outlet="X"))]
    assert "jabhat al-nusra" not in " ".join(labels)
