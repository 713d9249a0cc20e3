"""Contradictions a fact-checker can rely on, on hand-built reports (issue 15)."""

from typer.testing import CliRunner

from sitrep.cli import app
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
    assert [label for _, label in _labels("After recent military defeats in Homs, the Syrian army withdrew.")] == \
        ["syrian army"]
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


# -- what the reports' own sentences say (sitrep/fuse/accounts.py) ---------------------------------

GAS = {"id": "SYR_MIL", "name": "Syrian Arab Army", "kind": "state military", "basis": "text"}


def _gas_event():
    """Three reports of one gas attack, each naming the Syrian army as the attacker."""
    record = _record([_casualty("killed", 58, "at_least")], day="2017-04-04", actor=GAS)
    return _event(("a1", "Wire A", "2017-04-04", record), ("a2", "Wire B", "2017-04-04", record),
                  ("a3", "Wire C", "2017-04-05", record))


def test_reports_naming_agents_of_different_classes_disagree_about_the_weapon():
    texts = {"a1": "The United States has said the deaths were caused by sarin nerve gas dropped by aircraft. "
                   "Chlorine and mustard gas are believed to have been used in the past in Syria.",
             "a2": "A man gets treatment at a hospital after the chlorine gas attack in Idlib. "
                   "A UN inquiry blamed the regime for chlorine attacks in 2014 and 2015.",
             "a3": "Sarin is an organophosphorus compound and a nerve agent."}
    c = [c for c in find_contradictions(_gas_event(), texts=texts) if c.kind == "type"]
    assert len(c) == 1 and set(c[0].sides) == {"nerve", "choking"}
    assert {(p["side"], p["article"]) for p in c[0].positions} == {("nerve", "a1"), ("choking", "a2")}
    # background (another year, "in the past") and a definition name no agent of this attack
    only_background = dict(texts, a2="Chlorine attacks were reported in 2014.")
    assert not [c for c in find_contradictions(_gas_event(), texts=only_background) if c.kind == "type"]
    # a report naming both agents is no side of the disagreement
    both = dict(texts, a2="Warplanes targeted the town with gases believed to be sarin and chlorine.")
    assert not [c for c in find_contradictions(_gas_event(), texts=both) if c.kind == "type"]


def test_a_side_blamed_that_cannot_be_the_attacker_is_a_perpetrator_disagreement():
    texts = {"a1": "Russia has said it believes poison gas had leaked from a rebel chemical weapons depot struck by bombs.",
             "a2": "The army denied any involvement, issuing a statement blaming \"terrorist groups\" for the attack.",
             "a3": "Syria's opposition blamed President Bashar Assad's forces for the attack."}
    c = [c for c in find_contradictions(_gas_event(), texts=texts) if c.kind == "perpetrator"]
    assert len(c) == 1 and set(c[0].sides) == {"Government of Syria", "Syrian armed opposition"}
    blamed = {p["article"] for p in c[0].positions if p["side"] == "Syrian armed opposition"}
    assert blamed == {"a1", "a2"}  # the opposition blaming the army backs the reports instead
    # who blames is not who is blamed; a rebel-held town names no culprit
    none = {"a1": "Rebels blamed the regime for the attack on the rebel-held town.",
            "a2": "US blames Damascus The White House condemned the attack.", "a3": ""}
    assert not [c for c in find_contradictions(_gas_event(), texts=none) if c.kind == "perpetrator"]


def test_an_attack_said_to_fail_before_reaching_its_target_denies_its_dead():
    texts = {"a1": "Syrian television said the army had foiled an attempt to detonate an explosive-laden truck and "
                   "that it was detonated before reaching its target.", "a2": "", "a3": ""}
    c = [c for c in find_contradictions(_gas_event(), texts=texts) if c.kind == "denial"]
    assert len(c) == 1 and {p["article"] for p in c[0].positions if p["side"] != "asserted"} == {"a1"}
    assert not [c for c in find_contradictions(_gas_event(), texts={"a1": "The army foiled the attack."})
                if c.kind == "denial"]


def test_a_background_mention_reads_no_text_of_its_report():
    """A report joined to an event only by a timeline's earlier attack tells another incident in
    its other sentences: its text is not read for this event."""
    record = _record([_casualty("killed", 58, "at_least")], day="2017-04-04", actor=GAS)
    background = dict(record, historical=True)
    event = _event(("a1", "Wire A", "2017-04-04", record), ("a2", "Wire B", "2017-04-04", background))
    texts = {"a1": "The deaths were caused by sarin nerve gas.", "a2": "After the chlorine gas attack in Idlib."}
    assert not [c for c in find_contradictions(event, texts=texts) if c.kind == "type"]


def test_a_later_report_recalling_the_incident_gives_no_figure():
    """A report of another attack days later that recalls this one ("in early October bombers
    killed 15") takes no position on its toll; a report of the same days does."""
    own = _record([_casualty("killed", 17, "at_least", source="SOHR")], day="2017-10-02")
    recalled = _record([_casualty("killed", 15, source="Ministry")], day="2017-10-02")
    later_lead = _record([_casualty("killed", 9)], day="2017-10-11", evidence="bombers hit a market")
    event = Cluster("e", [view("a1:0", "a1", "Wire A", "2017-10-02", own),
                          view("a2:1", "a2", "Wire B", "2017-10-11", recalled)])
    siblings = {"a1": [event.mentions[0]], "a2": [view("a2:0", "a2", "Wire B", "2017-10-11", later_lead), event.mentions[1]]}
    assert "casualties" not in _kinds(event, siblings=siblings)
    # the same report on the incident's next day is a position, even with its lead elsewhere
    event = Cluster("e", [view("a1:0", "a1", "Wire A", "2017-10-02", own),
                          view("a2:1", "a2", "Wire B", "2017-10-03", recalled)])
    siblings["a2"] = [view("a2:0", "a2", "Wire B", "2017-10-03", later_lead), event.mentions[1]]
    assert "casualties" in _kinds(event, siblings=siblings)


def test_sizes_without_numbers_disagree_only_when_they_cannot_overlap():
    def vague(word, source):
        return dict(_casualty("injured", None, "unknown", source=source), evidence={"text": f"{word} more wounded"})

    own_voice = dict(_record([vague("hundreds", None), vague("dozens", "SOHR")]),
                     claim={"by": "Wire A", "source": "Wire A", "modality": "asserted"})
    event = _event(("a1", "Wire A", "2024-03-12", own_voice),
                   ("a2", "Wire B", "2024-03-12", _record([_casualty("injured", 40)])))
    c = _kinds(event)["casualties"]
    assert set(c.sides) == {"dozens", "hundreds"}  # never against the number 40
    assert {p["value"] for p in c.positions} == {"dozens", "hundreds"}
    event = _event(("a1", "Wire A", "2024-03-12", _record([vague("dozens", None)])),
                   ("a2", "Wire B", "2024-03-12", _record([vague("scores", "SOHR")])))
    assert "casualties" not in _kinds(event)


def test_scorer_sets_a_childrens_figure_only_against_a_childrens_disagreement():
    from sitrep.model import Contradiction

    children = Contradiction("casualties", "killed (children): 9 (A) vs 11 (B)", {"9": ["A"], "11": ["B"]})
    everyone = Contradiction("casualties", "killed: 58 (A) vs 100 (B)", {"58": ["A"], "100": ["B"]})
    from sitrep.evaluate.contradictions import _same_count

    assert _same_count(children, {"kind": "casualties", "what": "children killed"})
    assert not _same_count(children, {"kind": "casualties", "what": "killed (all victims)"})
    assert not _same_count(everyone, {"kind": "casualties", "what": "children killed"})
    assert _same_count(everyone, {"kind": "casualties", "what": "killed"})


def test_framing_skips_context_words_places_first_person_and_page_furniture():
    assert all(label != "the army" for _, label in
               _labels("Army sources said the US pounded bridges to prevent the army and its allies advancing."))
    assert all(label not in ("the army", "authorities", "soldiers")
               for _, label in _labels("Tensions rose between the authorities and the army; soldiers left."))
    assert not [x for x in _labels("Many terrorists died, including Abdel Bwarbubia from Libya.") if x[0] == "Government of Libya"]
    assert _labels("I call on the Security Council members to change their course.") == []
    assert _labels("(Writing by David Cutler London Editorial Reference Unit) Our Standards.") == []
    assert _labels("As usual when it ends they will let the bombardment loose.") == []
    assert not [x for x in _labels("Idlib is held by an alliance including former Al Qaeda affiliate Fateh al-Sham.")
                if x[1] == "al qaeda"]
    assert not [x for x in _labels("Aleppo is largely controlled by Al Qaeda-held factions.") if x[1] == "al qaeda"]
    # an outlet's own naming is kept
    assert ("Government of Syria", "the regime") in _labels("The regime is fighting to push rebels out of Damascus.")


def test_framing_skips_captions_beliefs_relatives_and_other_peoples_surnames():
    assert _labels("REUTERS/Jason Reed Russian Foreign Minister Sergei Lavrov arrives for talks.") == []
    assert _labels("AFP Photo Hussein Malla Daesh terrorists are seen in the desert.") == []
    # a belief told for others is theirs
    assert not [x for x in _labels("Some rebels believed its fighters would help topple Assad.") if x[1] == "assad"]
    assert not _labels("The group is believed to be supported by the Israeli regime.")
    # the actor's relatives, or another person of the same surname, are not the actor
    assert not [x for x in _labels("Protests followed 40 years of rule by the Assad family.") if x[0] == "Bashar al-Assad"]
    assert not [x for x in _labels("In 1982 the Brotherhood sought to unseat President Hafez al-Assad.")
                if x[0] == "Bashar al-Assad"]
    # the outlet's own naming of the man himself is kept
    assert ("Bashar al-Assad", "president assad") in _labels("Rebels vowed to fight on against President Assad.")
    # a speaker named after an abbreviation's full stop still makes the sentence reported speech
    assert not [x for x in _labels("Russian jets killed ten ISIS commanders, ministry spokesman Maj. Gen. Igor "
                                   "Konashenkov said.") if x[1] == "isis"]
    assert not [x for x in _labels("The general reiterated that the so-called armed opposition groups hold the sites.")
                if x[0] == "Syrian armed opposition"]
    # an indefinite "an international coalition", a place's building, a dateline's dash: no actor's label
    assert not [x for x in _labels("It renewed its calls to build an international coalition against the regime.")
                if "coalition" in x[1]]
    assert not [x for x in _labels("Rebels captured the citys Scientific Research Center.") if "research" in x[1]]
    assert not [x for x in _labels("Massacre Defies the World Beirut London- Warplanes released gas.") if "london" in x[1]]


def test_contradictions_gate(shared, fakes_fused_db, tmp_path):
    """Issue 15 on the reader's gold (contradictions/dev.json, held-out twin scored the same way):
    P 0.947 R 0.810 at this commit (targets 0.85 / 0.80); the floors catch a fall."""
    from conftest import copy_db

    from sitrep.evaluate.contradictions import evaluate_contradictions

    # the session's FA-KES store, ingested and fused as evaluate_contradictions does
    result = evaluate_contradictions(str(shared / "contradictions" / "dev.json"),
                                     db=copy_db(fakes_fused_db, tmp_path / "fused.db"))
    assert (result["incidents"], result["gold_disagreements"]) == (11, 21)
    assert result["precision"] >= 0.85, result["contradictions"]
    assert result["recall"] >= 0.75, result["missed"]


def test_label_sample_is_reproducible_and_distinct():
    from collections import Counter

    from sitrep.frame.labels import Framing, label_sample

    examples = {(f"A{i}", "Wire", f"label {i}"): f"quote {i}" for i in range(30)}
    framing = Framing({}, examples, {})
    first, again = label_sample(framing, 10, 7), label_sample(framing, 10, 7)
    assert first == again and len({(x["actor"], x["label"]) for x in first}) == 10
    assert label_sample(framing, 10, 8) != first
    assert Counter(x["quote"] for x in label_sample(framing, 100, 1)).most_common(1)[0][1] == 1


def test_a_round_floor_is_an_order_of_magnitude_not_a_count():
    # "over 200 wounded" and 260: the floor gives a size, which 260 fits; a precise floor does not
    # ("at least 58" vs 100), nor a round floor against a figure more than twice it
    def pair(low, approx, high):
        return _event(("a1", "Wire A", "2024-03-12", _record([_casualty("injured", low, approx)])),
                      ("a2", "Wire B", "2024-03-12", _record([_casualty("injured", high)])))

    assert "casualties" not in _kinds(pair(200, "more_than", 260))
    assert "casualties" not in _kinds(pair(1000, "at_least", 1400))
    assert "casualties" in _kinds(pair(200, "exact", 260))  # a count, not a floor
    assert "casualties" in _kinds(pair(230, "more_than", 300))  # a precise floor
    assert "casualties" in _kinds(pair(200, "more_than", 450))
    assert "casualties" in _kinds(pair(20, "more_than", 35))  # tens: too small to be only a size


def test_eval_contradictions_given_a_folder_says_so_in_one_line(tmp_path):
    result = CliRunner().invoke(app, ["eval", "contradictions", str(tmp_path)])
    assert result.exit_code != 0
    assert "not a file" in result.output and "Traceback" not in result.output
