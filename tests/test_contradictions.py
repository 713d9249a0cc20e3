"""Contradictions a fact-checker can rely on, on hand-built reports (issue 15)."""

from sitrep.evaluate.contradictions import score
from sitrep.frame.labels import actor_labels
from sitrep.fuse.events import Cluster, find_contradictions, fuse, view
from sitrep.model import Article

KHAN = {"name": "Khan Shaykhun", "admin1": "Idlib", "country": "SY", "precision": "city", "lat": 35.44, "lon": 36.65}


def _casualty(kind, count, approx="exact", category="unknown", subset=False, source=None):
    return {"kind": kind, "count": count, "approx": approx, "category": category, "subset": subset,
            "claim": {"source": source} if source else None,
            "evidence": {"text": f"{count} {kind}"}}


def _record(casualties, day="2024-03-12", rtype="ASSAULT", actor=None, modality="asserted", location=KHAN,
            precision="day", evidence="air strikes hit the town"):
    return {"type": rtype, "mode": "aerial", "casualties": casualties, "claim": {"modality": modality},
            "denials": [], "acled": {"event_type": "Explosions/Remote violence"},
            "date": {"value": day, "precision": precision, "basis": "text"},
            "evidence": {"text": evidence}, "location": location, "confidence": 0.8,
            "actor1": actor}


SYR = {"id": "SYR_MIL", "name": "Syrian Arab Army", "label": "regime forces", "kind": "state military"}


def _event(*reports):
    """reports: (article, outlet, published, record)"""
    return Cluster("e", [view(f"{a}:0", a, outlet, published, record) for a, outlet, published, record in reports])


def _kinds(event, **kw):
    return {c.kind: c for c in find_contradictions(event, **kw)}


def test_two_sources_same_day_disagree_with_positions():
    event = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 58, "at_least", source="SOHR")])),
                   ("a2", "Wire B", "2024-03-12", _record([_casualty("killed", 100, "more_than", source="Coalition")])))
    c = _kinds(event)["casualties"]
    assert set(c.sides) == {"58", "100"}
    assert {(p["value"], p["article"], p["outlet"]) for p in c.positions} == \
        {("at least 58", "a1", "Wire A"), ("more than 100", "a2", "Wire B")}
    assert all(p["quote"] for p in c.positions)


def test_rounding_and_lower_bounds_are_not_disagreements():
    event = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 44, "at_least")])),
                   ("a2", "Wire B", "2024-03-12", _record([_casualty("killed", 48, "at_least")])))
    assert "casualties" not in _kinds(event)


def test_a_later_count_is_an_update_unless_two_named_sources_differ():
    unnamed = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 22)])),
                     ("a2", "Wire B", "2024-03-13", _record([_casualty("killed", 70)], day="2024-03-12")))
    kinds = _kinds(unnamed)
    assert "toll_update" in kinds and "casualties" not in kinds
    assert [p["value"] for p in kinds["toll_update"].positions] == ["22", "70"]  # its timeline
    named = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 58, source="SOHR")])),
                   ("a2", "Wire B", "2024-03-14", _record([_casualty("killed", 80, source="Coalition")])))
    assert "casualties" in _kinds(named)
    same_source = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 58, source="SOHR")])),
                         ("a2", "Wire B", "2024-03-12", _record([_casualty("killed", 72, source="SOHR")])))
    assert "casualties" not in _kinds(same_source)


def test_part_and_whole_and_far_apart_figures_are_not_disagreements():
    part = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 9)])),
                  ("a2", "Wire B", "2024-03-12", _record([_casualty("killed", 5, category="civilians")])))
    assert "casualties" not in _kinds(part)
    more_civilians = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 9)])),
                            ("a2", "Wire B", "2024-03-12", _record([_casualty("killed", 15, category="civilians")])))
    assert "casualties" in _kinds(more_civilians)
    far = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 4)])),
                 ("a2", "Wire B", "2024-03-12", _record([_casualty("killed", 48)])))
    assert "casualties" not in _kinds(far)
    children = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 58), _casualty("killed", 11, category="children", subset=True)])),
                      ("a2", "Wire B", "2024-03-12", _record([_casualty("killed", 25, category="children")])))
    c = _kinds(children)["casualties"]
    assert set(c.sides) == {"11", "25"} and "children" in c.summary


def test_a_denial_told_apart_by_the_accused_side_joins_its_incident():
    assault_a = _record([_casualty("killed", 58)], actor=SYR)
    assault_b = _record([_casualty("killed", 58)], actor=SYR)
    reject = _record([], rtype="REJECT", actor=SYR, modality="denied", location=None)
    other = _record([], rtype="REJECT", actor={"id": "TUR_GOV", "name": "Government of Turkey", "kind": "government"},
                    modality="denied", location=None)
    mentions = [view("a1:0", "a1", "Wire A", "2024-03-12", assault_a), view("a1:1", "a1", "Wire A", "2024-03-12", reject),
                view("a2:0", "a2", "Wire B", "2024-03-12", assault_b), view("a2:1", "a2", "Wire B", "2024-03-13", other)]
    fuser = fuse(mentions)
    event = fuser.events[fuser.assignment["a1:0"]]
    assert fuser.assignment["a2:0"] == event.id
    denials = [c for c in event.contradictions if c.kind == "denial"]
    assert len(denials) == 1 and "Government of Syria" in denials[0].summary  # not Turkey's rejection
    assert {p["article"] for p in denials[0].positions if p["side"] != "asserted"} == {"a1"}


def test_a_background_mention_of_the_month_finds_its_incident():
    told = "a suspected sarin gas attack on Khan Shaykhun choked families"
    day = [view("a1:0", "a1", "Wire A", "2024-03-02", _record([_casualty("killed", 58)], day="2024-03-02", evidence=told)),
           view("b1:0", "b1", "Wire B", "2024-03-02", _record([_casualty("killed", 60)], day="2024-03-02", evidence=told))]
    month = view("c1:0", "c1", "Wire C", "2024-03-25", _record([_casualty("killed", 58)], day="2024-03", precision="month",
                                                              evidence="early this month a sarin gas attack on Khan Shaykhun"))
    fuser = fuse([*day, month])
    assert fuser.assignment["c1:0"] == fuser.assignment["a1:0"]


def test_scorer_matches_by_the_positions_articles_and_the_count():
    event = _event(("a1", "Wire A", "2024-03-12", _record([_casualty("killed", 58, source="SOHR")])),
                   ("a2", "Wire B", "2024-03-12", _record([_casualty("killed", 100, source="Coalition")])))
    event.contradictions = find_contradictions(event)
    stored = event.to_event()
    gold = {"incident": "x", "articles": ["u1", "u2"], "not_disagreements": [],
            "disagreements": [{"kind": "casualties", "what": "wounded",
                               "positions": [{"articles": ["u1"]}, {"articles": ["u2"]}]},
                              {"kind": "casualties", "what": "killed",
                               "positions": [{"articles": ["u1"]}, {"articles": ["u2"]}]}]}
    records = {a: [(f"{a}:0", m.record | {"sentences": [0]})] for a, m in (("a1", event.mentions[0]), ("a2", event.mentions[1]))}
    result = score([gold], {"u1": {"a1"}, "u2": {"a2"}}, records, {"a1:0": "e", "a2:0": "e"}, {"e": stored},
                   {"a1": "Wire A", "a2": "Wire B"})
    assert result["reported"] == 1 and result["right"] == 1 and result["surfaced"] == 1  # the "killed" one
    gold["disagreements"].pop()
    result = score([gold], {"u1": {"a1"}, "u2": {"a2"}}, records, {"a1:0": "e", "a2:0": "e"}, {"e": stored},
                   {"a1": "Wire A", "a2": "Wire B"})
    assert result["right"] == 0  # the dead are not the wounded


def _labels(text):
    return [(actor, label) for actor, label, _ in actor_labels(Article(text=text, title=None))]


def test_framing_skips_furniture_modifiers_acts_and_reported_speech():
    assert _labels("Related News Saudi Arabia backs the plan.") == []
    assert [label for _, label in _labels("After recent military defeats in Homs, the army withdrew.")] == ["the army"]
    assert not any(label == "russian airstrikes" for _, label in _labels("The Russian airstrikes destroyed 23 targets."))
    assert _labels("Siege Watch claimed the workers were targeted by a guided missile.") == []
    assert _labels("A journalist who said the army confiscated an arms cache that included gas masks and barrels.") == []
    # a speaker named after its verb, at the end of the sentence, is the outlet's naming of it
    assert ("Syrian Observatory for Human Rights", "observatory director rami abdel rahman") in \
        _labels("Two soldiers were killed said Observatory director Rami Abdel Rahman.")
    assert _labels("Two soldiers were killed said Observatory director Rami Abdel Rahman.")[0][1] != "soldiers"
    assert ("Human Rights Watch", "new york-based human rights watch") in \
        _labels("The New York-based Human Rights Watch has accused the regime.")


def test_what_came_of_an_incident_days_later_joins_it_but_another_attack_does_not():
    told = "a convoy bombing at Rashidin killed evacuees"

    def report(article, day, published, killed, actor=None, text=told):
        casualties = [_casualty("killed", killed)] if killed else []
        return view(f"{article}:{day}", article, f"Wire {article}", published,
                    _record(casualties, day=day, actor=actor, evidence=text))

    incident = [report("a", "2024-03-12", "2024-03-12", 40), report("b", "2024-03-12", "2024-03-12", 42)]
    # report c tells the bombing, then the UN's statement two days later (no dead of its own)
    follow = [report("c", "2024-03-12", "2024-03-14", 43), report("c", "2024-03-14", "2024-03-14", None,
                                                                  text="the UN condemned the convoy bombing at Rashidin of evacuees")]
    fuser = fuse([*incident, *follow])
    assert fuser.assignment["c:2024-03-14"] == fuser.assignment["a:2024-03-12"]
    # report d tells the bombing, then a smaller strike with dead of its own a day later
    other = [report("d", "2024-03-12", "2024-03-13", 41), report("d", "2024-03-13", "2024-03-13", 4,
                                                                 text="another strike hit a clinic near Rashidin where evacuees of the convoy sheltered")]
    fuser = fuse([*incident, *other])
    assert fuser.assignment["d:2024-03-13"] != fuser.assignment["a:2024-03-12"]
    # report e tells the bombing, then the other side's attack two days later
    rebels = {"id": "SYR_OPP", "name": "Syrian armed opposition", "kind": "armed group"}
    side = [report("e", "2024-03-12", "2024-03-14", 40, actor=SYR),
            report("e", "2024-03-14", "2024-03-14", None, actor=rebels, text="rebels fired gas at soldiers guarding the Rashidin convoy evacuees")]
    fuser = fuse([*incident, *side])
    assert fuser.assignment["e:2024-03-14"] != fuser.assignment["a:2024-03-12"]


def test_a_denial_told_apart_stays_when_a_later_batch_rewrites_the_event(store_url):
    from sitrep.fuse.events import fuse_store
    from sitrep.model import Actor, Casualty, Claim, EventMention, Evidence, Place, When
    from sitrep.queries import iter_events
    from sitrep.store.base import open_store

    town = Place("Saraqib", "Idlib", "SY", 35.86, 36.80, precision="city")
    army = Actor("Syrian Arab Army", id="SYR_MIL", label="regime forces")

    def report(i, outlet, published="2024-03-12"):
        return Article(f"Report {i}: air strikes hit the Saraqib vegetable market, killing shoppers.",
                       title=f"Strike on Saraqib market {i}", outlet=outlet, published=published, source=f"t#{i}")

    def mention(a, etype, words, killed=None, modality=None):
        return EventMention(
            article=a.summary(), type=etype, mode="aerial" if etype == "ASSAULT" else None,
            acled={"event_type": "Explosions/Remote violence"}, cameo=None, actor1=army, actor2=None,
            location=town if etype == "ASSAULT" else None, date=When("2024-03-12", "day", "2024-03-12", None, "text"),
            casualties=[Casualty("killed", killed)] if killed else [], claim=Claim(None, modality=modality or "asserted"),
            evidence=Evidence(words, 0, len(words)), confidence=0.7)

    def denials(store):
        return [c for e in iter_events(store) if e.type == "ASSAULT" for c in e.contradictions if c.kind == "denial"]

    with open_store(store_url) as store:
        a, b = report(1, "Wire A"), report(2, "Wire B")
        for x in (a, b):
            store.add_article(x)
        store.set_mentions(a.id, [mention(a, "ASSAULT", "air strikes hit the Saraqib vegetable market", 12),
                                  mention(a, "REJECT", "the army denied striking the market", modality="denied")], "t")
        store.set_mentions(b.id, [mention(b, "ASSAULT", "air strikes hit the Saraqib vegetable market", 12)], "t")
        fuse_store(store)
        assert len(denials(store)) == 1
        c = report(3, "Wire C")
        store.add_article(c)
        store.set_mentions(c.id, [mention(c, "ASSAULT", "air strikes hit the Saraqib vegetable market", 13)], "t")
        fuse_store(store)
        events = [e for e in iter_events(store) if e.type == "ASSAULT"]
        assert len(events) == 1 and len(events[0].outlets) == 3  # the new report joined and rewrote the event
        found = denials(store)
        assert len(found) == 1 and {p["article"] for p in found[0].positions if p["side"] != "asserted"} == {a.id}


def test_loaded_language_in_reported_speech_is_the_speakers_and_terms_are_listed(tmp_path):
    from sitrep.frame.labels import loaded_language, read_framing
    from sitrep.store.base import open_store

    assert [s.quoted for s in loaded_language("The army said terrorists attacked the checkpoint.")] == [True]
    assert [s.quoted for s in loaded_language("Terrorists attacked the checkpoint on Monday.")] == [False]
    with open_store(str(tmp_path / "f.db")) as store:
        store.add_article(Article("Terrorists attacked the checkpoint on Monday. The army said terrorists fled.",
                                  title="Checkpoint attacked", outlet="Levant State News", source="t#1"))
        framing = read_framing(store)
    counts = framing.language["Levant State News"]
    assert counts["name_calling"] == 1 and counts["_quoted"] == 1
    assert framing.terms["Levant State News"][("name_calling", "terrorists")] == 1
