"""sitrep.stages.role_labeller alone: the default labeller's corrections of the patterns (passives,
speakers of a passive act), on sentences parsed here. (Its swappability: test_role_labeller.py.)"""

from __future__ import annotations

from sitrep.stages.role_labeller import Roles, label_roles


def _label(staged, text: str, word: str, etype: str) -> Roles:
    doc = staged(text, upto="claims")
    sentence = doc.sentences[0]
    trigger = next(t for t in doc.triggers if t.text.startswith(word))
    spans = [(a.start, a.end) for a in doc.in_sentence(doc.attributions, sentence)]
    return label_roles(doc, sentence, trigger, etype, spans)


def _ids(found: Roles) -> tuple[str | None, str | None]:
    return (found.actor1.actor.id if found.actor1 else None, found.actor2.actor.id if found.actor2 else None)


def test_the_subject_of_a_passive_arrest_is_the_one_arrested(staged) -> None:
    found = _label(staged, "Three journalists were arrested by police in the capital.", "arrested", "COERCE")
    assert _ids(found) == ("POLICE", "JOURNALISTS")
    assert found.passive and not found.spoken


def test_an_active_arrest_is_not_passive(staged) -> None:
    found = _label(staged, "Police arrested three journalists in the capital.", "arrested", "COERCE")
    assert _ids(found) == ("POLICE", "JOURNALISTS")
    assert not found.passive and found.token is not None and found.token.lower_ == "arrested"


def test_who_says_a_man_was_arrested_did_not_arrest_him(staged) -> None:
    found = _label(staged, "Police say a man was arrested in the capital.", "arrested", "COERCE")
    assert found.actor1 is None and found.spoken
    assert found.actor2 is not None and found.actor2.text == "man"


def test_the_dead_of_a_passive_killing_are_its_target(staged) -> None:
    found = _label(staged, "Two soldiers were killed by gunmen near the town.", "killed", "ASSAULT")
    assert _ids(found) == ("GUNMEN", "MILITARY") and found.passive


def _label_in(staged, text: str, word: str, etype: str) -> Roles:
    """The roles of the act ``word`` names in whichever sentence of ``text`` holds it."""
    doc = staged(text, upto="claims")
    trigger = next(t for t in doc.triggers if t.text.startswith(word))
    sentence = next(s for s in doc.sentences if s.start <= trigger.start < s.end)
    spans = [(a.start, a.end) for a in doc.in_sentence(doc.attributions, sentence)]
    return label_roles(doc, sentence, trigger, etype, spans)


def test_he_who_began_a_hunger_strike_is_the_person_named_before(staged) -> None:
    found = _label_in(staged, "Rustam Karimov, 34, was detained in May. On March 3 he began a hunger strike "
                              "to protest his arrest, his lawyer said.", "hunger", "PROTEST")
    assert found.actor1 is not None and found.actor1.actor.name == "Rustam Karimov"
    # who tells of the strike is not the one it is aimed at
    assert found.actor2 is None


def test_the_subject_of_staging_a_walkout_is_its_actor(staged) -> None:
    found = _label_in(staged, "On Monday the teachers staged a walkout over unpaid wages.", "walkout", "PROTEST")
    assert found.actor1 is not None and found.actor1.text.lower().endswith("teachers")


def test_the_noun_a_bare_past_participle_describes_is_what_was_done_to(staged) -> None:
    # "the activists arrested in May": a passive relative clause cut short; its noun is the patient
    found = _label(staged, "The court freed the three activists arrested in May.", "arrested", "COERCE")
    assert found.actor2 is not None and found.actor2.actor.id == "HUMAN_RIGHTS_DEFENDERS"
    assert found.actor1 is None or found.actor1.actor.id != "HUMAN_RIGHTS_DEFENDERS"


def test_a_monitor_the_parse_reads_as_the_object_of_an_attack_is_not_its_target(staged, monkeypatch) -> None:
    import sitrep.stages.role_labeller as labeller

    text = "A rocket fired by rebels struck a bakery in Inkhil on Monday, the Syrian Observatory for Human Rights said."
    doc = staged(text, upto="claims")
    monitor = next(a for a in doc.actors if a.actor.kind == "monitor")
    # a misparse (no comma before the source) reads the monitor as what was struck
    monkeypatch.setattr(labeller, "parse_roles", lambda *a, **k: (None, monitor))
    trigger = next(t for t in doc.triggers if t.text.startswith("struck"))
    found = label_roles(doc, doc.sentences[0], trigger, "ASSAULT", [])
    assert found.actor2 is None or found.actor2.actor.kind != "monitor"
