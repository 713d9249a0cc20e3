"""sitrep.stages.attribution alone: a side read from beyond the sentence's parties (the dead counted,
the force whose place was hit, a state fighting through its army), on mentions built by hand."""

from __future__ import annotations

import pytest

from sitrep.model import Actor, Casualty, Place
from sitrep.resolve.actors import actor_dictionary
from sitrep.stages.attribution import armed_forces, struck_force, victim_actor

ALEPPO = Place("Aleppo", admin1="Aleppo", country="SY")
SYRIAN_POLICE = Actor("Syrian police", "police", "SY", "police", "POLICE_SY")


def test_children_counted_among_the_dead_make_civilians_the_target() -> None:
    victim = victim_actor([Casualty("killed", 4, category="children", who="four children")], actor_dictionary())
    assert victim is not None and (victim.id, victim.kind, victim.label) == ("CIVILIANS", "civilians", "four children")


def test_soldiers_of_a_named_army_make_that_army_the_target() -> None:
    dead = Casualty("killed", 4, category="military", party="Syrian Arab Army", who="four soldiers")
    victim = victim_actor([dead], actor_dictionary())
    assert victim is not None and victim.kind == "state military" and victim.country == "SY"


def test_a_toll_of_unknown_people_names_no_target() -> None:
    assert victim_actor([Casualty("killed", 4)], actor_dictionary()) is None


@pytest.mark.parametrize(("text", "kind"), [
    ("Militants attacked a police station in Aleppo.", "police"),
    ("Militants shelled an army base in Aleppo.", "state military"),
    ("Militants shelled residential neighbourhoods of Aleppo.", "civilians"),
])
def test_the_place_an_attack_hit_tells_whom_it_hit(staged, mention, text, kind) -> None:
    doc = staged(text, upto="claims")
    hit = struck_force(doc, mention(doc, "Militants", "ASSAULT", location=ALEPPO))
    assert hit is not None and hit.kind == kind and hit.country == "SY"


def test_a_force_does_not_attack_its_own_station(staged, mention) -> None:
    doc = staged("Militants attacked a police station in Aleppo.", upto="claims")
    assert struck_force(doc, mention(doc, "Militants", "ASSAULT", location=ALEPPO, actor1=SYRIAN_POLICE)) is None


def test_an_attack_with_no_place_of_a_force_names_no_target(staged, mention) -> None:
    doc = staged("Militants attacked a bus on the highway near Aleppo.", upto="claims")
    assert struck_force(doc, mention(doc, "Militants", "ASSAULT", location=ALEPPO)) is None


def test_a_head_of_state_fights_through_the_states_military() -> None:
    assad = actor_dictionary().by_name("Bashar al-Assad")
    assert assad is not None
    fighting = armed_forces(Actor(assad.name, assad.kind, assad.country, "Assad", assad.id))
    assert fighting is not None and fighting.kind == "state military" and fighting.country == "SY"
    assert fighting.label == "Assad"  # the outlet's words stay
    assert armed_forces(SYRIAN_POLICE) == SYRIAN_POLICE  # a force is already one
    assert armed_forces(None) is None
