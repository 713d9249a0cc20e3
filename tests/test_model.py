"""Records round-trip through plain dicts (and JSON), and old dicts still load."""

from __future__ import annotations

import json

from sitrep.model import (
    Actor,
    Article,
    Casualty,
    Claim,
    Contradiction,
    Event,
    EventMention,
    Evidence,
    FigureRange,
    Place,
    When,
)


def _mention() -> EventMention:
    ev = Evidence("air strike on Ariha", 10, 29)
    return EventMention(
        article={"id": "a1", "title": "T", "outlet": "Wire", "published": "2024-03-12"},
        type="ASSAULT", mode="aerial", acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
        cameo="195", actor1=Actor("Syrian Arab Army", "military", "SY", "regime warplanes", "SYR_MIL", ev),
        actor2=None, location=Place("Ariha", "Idlib", "SY", 35.81, 36.61, 170000, "city", "Ariha", ev),
        date=When("2024-03-12", "day", "on Tuesday", ev, "text"),
        casualties=[Casualty("killed", 11, "at_least", "civilians", "civilians", None, False,
                             Claim("the monitor", "SOHR", "claimed", ev), ev),
                    Casualty("killed", 4, subset=True, category="children")],
        claim=Claim("activists", None, "reported", ev), evidence=ev, confidence=0.8, trigger="strike",
        sentences=[0, 1], denials=[Claim("the ministry", "SYR_GOV", "denied", ev)],
    )


def test_every_record_round_trips():
    m = _mention()
    again = EventMention.from_dict(json.loads(json.dumps(m.to_dict())))
    assert again == m
    assert isinstance(again.casualties[0].claim, Claim) and isinstance(again.location.evidence, Evidence)
    article = Article("Shelling hit Ariha.", title="T", outlet="Wire", removed=["Subscribe"])
    assert Article.from_dict(article.to_dict()) == article
    event = Event("e1", "ASSAULT", "2024-03-12", m.location, m.actor1, None, ["Wire A", "Wire B"], "2024-03-12",
                  FigureRange(11, 14, {"Wire A": 11, "Wire B": 14}), None, ["a1:0", "a2:0"],
                  [Contradiction("casualties", "killed: 11 vs 14", {"11": ["Wire A"], "14": ["Wire B"]})])
    back = Event.from_dict(json.loads(json.dumps(event.to_dict())))
    assert back == event and isinstance(back.killed, FigureRange) and isinstance(back.contradictions[0], Contradiction)


def test_old_dicts_missing_new_keys_still_load():
    stored = _mention().to_dict()
    del stored["denials"], stored["historical"], stored["location"]["geonameid"], stored["date"]["basis"]
    stored["casualties"][0].pop("claim")
    stored["a_key_from_the_future"] = 1  # unknown keys are ignored
    m = EventMention.from_dict(stored)
    assert m.denials == [] and m.historical is False and m.location.geonameid is None
    assert m.date.basis == "text" and m.casualties[0].claim is None
    assert Place.from_dict({"name": "Idlib"}).precision == "city"
    # a required field missing from an old dict reads as unknown rather than failing
    assert Actor.from_dict({}).name is None
