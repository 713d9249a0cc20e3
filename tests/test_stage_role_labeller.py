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
