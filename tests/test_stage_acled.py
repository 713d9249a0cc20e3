"""sitrep.stages.acled alone: the ACLED type of an attack from its trigger, its kind of attack and its
two sides, on triggers and actors built by hand."""

from __future__ import annotations

import pytest

from sitrep.model import Actor
from sitrep.stages.acled import acled_for, as_aerial, ground_taken, mode_rank
from sitrep.stages.doc import Trigger

CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")


def trigger(text: str, mode: str | None = "firearms", acled: tuple[str, str] = CLASH, start: int = 0) -> Trigger:
    return Trigger(start, start + len(text), text, "ASSAULT", mode, acled, "19", 0.8)


ARMY = Actor("Syrian Arab Army", "state military", "SY", "the army", "SAA")
REBELS = Actor("Free Syrian Army", "rebels", "SY", "rebels", "FSA")
VILLAGERS = Actor("Civilians", "civilians", None, "villagers", "CIVILIANS")


def typed(t: Trigger, a1: Actor | None, a2: Actor | None, group: list[Trigger] | None = None, text: str = "") -> tuple[str, str]:
    out = acled_for(t, a1, a2, group or [t], text)
    return out["event_type"], out["sub_event_type"]


def test_gunfire_between_two_armed_sides_is_an_armed_clash() -> None:
    assert typed(trigger("opened fire"), REBELS, ARMY) == CLASH


def test_gunfire_on_civilians_is_an_attack_on_civilians() -> None:
    assert typed(trigger("opened fire"), REBELS, VILLAGERS) == ATTACK


def test_state_forces_killing_a_person_who_is_no_fighter_is_an_attack_on_civilians() -> None:
    police = Actor("Police", "police", None, "police", "POLICE")
    student = Actor(None, "unknown", None, "19-year-old Ana Ruiz", None)
    assert typed(trigger("killed"), police, student) == ATTACK
    # armed men of no known group are a side that fights; a clash told is a battle whoever is in it
    gunmen = Actor("Unidentified gunmen", "unknown", None, "gunmen", "GUNMEN")
    assert typed(trigger("killed"), police, gunmen) == CLASH
    assert typed(trigger("clashed"), police, student) == CLASH


def test_gunfire_with_only_a_perpetrator_keeps_the_triggers_type() -> None:
    t = trigger("shot", acled=ATTACK)
    assert typed(t, REBELS, None) == ATTACK


def test_a_kidnapping_is_an_abduction_whoever_the_sides() -> None:
    t = trigger("kidnapped", mode=None)
    assert typed(t, REBELS, ARMY) == ("Violence against civilians", "Abduction/forced disappearance")


@pytest.mark.parametrize(("actor", "sub"), [
    (ARMY, "Government regains territory"),  # a state's forces taking ground regain it
    (REBELS, "Non-state actor overtakes territory"),
])
def test_who_took_a_town_decides_the_kind_of_territorial_change(actor, sub) -> None:
    t = trigger("seized control", mode=None, acled=("Battles", "Non-state actor overtakes territory"))
    assert typed(t, actor, None) == ("Battles", sub)


def test_air_strikes_inside_a_battle_are_the_battles_weapons() -> None:
    text = "Fighting raged into Sunday with airstrikes on the town."
    strikes = trigger("airstrikes", "aerial", ("Explosions/Remote violence", "Air/drone strike"), start=text.index("airstrikes"))
    fighting = trigger("Fighting", start=0)
    assert typed(strikes, ARMY, REBELS, [strikes, fighting], text) == CLASH
    assert typed(strikes, ARMY, REBELS, [strikes], text) == ("Explosions/Remote violence", "Air/drone strike")


def test_forces_fighting_a_named_foe_is_no_battle_told() -> None:
    text = "Jets of the coalition fighting the Islamic State bombed the town."
    strikes = trigger("bombed", "aerial", ("Explosions/Remote violence", "Air/drone strike"), start=text.index("bombed"))
    fighting = trigger("fighting", start=text.index("fighting"))
    assert typed(strikes, ARMY, None, [strikes, fighting], text) == ("Explosions/Remote violence", "Air/drone strike")


def test_a_targeted_killing_of_an_armed_man_is_violence_against_him_not_a_battle() -> None:
    t = trigger("assassinated", "targeted", ATTACK)
    assert typed(t, REBELS, ARMY) == ATTACK


def test_a_more_telling_kind_of_attack_ranks_first() -> None:
    assert mode_rank("suicide-attack") < mode_rank("explosives") < mode_rank("firearms") < mode_rank(None)
    assert mode_rank("aerial") < mode_rank("heavy-weapons")
    assert mode_rank("no such mode") == mode_rank(None) + 1


def test_bombs_read_as_dropped_from_the_air_become_an_air_strike() -> None:
    t = trigger("bombs", "explosives", ("Explosions/Remote violence", "Remote explosive/landmine/IED"), start=12)
    air = as_aerial(t)
    assert (air.start, air.end, air.text, air.weight) == (t.start, t.end, t.text, t.weight)
    assert air.mode == "aerial" and air.acled == ("Explosions/Remote violence", "Air/drone strike")


def _taken(sentence: str, verb: str, actor: Actor | None) -> str | None:
    start = sentence.index(verb)
    found = ground_taken([trigger(verb, mode="arrest", start=start)], actor, sentence)
    return found["sub_event_type"] if found else None


@pytest.mark.parametrize(("sentence", "verb", "actor", "sub"), [
    # a verb of taking whose object is ground: a change of territory, by who took it
    ("Militants seized a vocational school near the ring road.", "seized", REBELS, "Non-state actor overtakes territory"),
    ("The army seized back a strategic town north of Hama.", "seized", ARMY, "Government regains territory"),
    ("Kurdish fighters captured 12 villages from the jihadists.", "captured", REBELS, "Non-state actor overtakes territory"),
    ("Troops captured Bustan District after a week of fighting.", "captured", ARMY, "Government regains territory"),
    # the ground named before a passive verb of taking
    ("Tanks stood at the old air base after it was seized by the militants.", "seized", REBELS,
     "Non-state actor overtakes territory"),
    # goods, people, or ground's people and belongings: no change of territory
    ("Police seized rifles and cash in the raid.", "seized", ARMY, None),
    ("Gunmen seized the school's computers.", "seized", REBELS, None),
    ("Gunmen seized a village elder on the road.", "seized", REBELS, None),
    ("Rebels captured several army positions and killed nine troops.", "captured", REBELS, None),
])
def test_taking_ground_is_a_change_of_territory(sentence: str, verb: str, actor: Actor | None, sub: str | None) -> None:
    assert _taken(sentence, verb, actor) == sub


@pytest.mark.parametrize("word", ["fighting", "clashes", "heavy fighting"])
def test_a_battle_stays_a_battle_when_civilians_die_in_it(word: str) -> None:
    # ACLED: civilians caught in a battle are the battle's toll, not the target of an attack
    assert typed(trigger(word), REBELS, VILLAGERS) == CLASH


def test_gunfire_on_civilians_is_still_an_attack_beside_the_battle_rule() -> None:
    assert typed(trigger("shot"), REBELS, VILLAGERS) == ATTACK


def test_fighters_killed_by_an_unnamed_side_fell_in_a_battle() -> None:
    # ACLED's "Attack" is violence against civilians: combatants killed with no attacker named are a clash
    killed = trigger("killed", mode=None, acled=ATTACK)
    assert typed(killed, None, REBELS) == CLASH
    assert typed(killed, None, VILLAGERS) == ATTACK


def _aerial_in(text: str, word: str) -> Trigger:
    return as_aerial(trigger(word, start=text.index(word)))


@pytest.mark.parametrize(("text", "sub"), [
    # strikes backing a ground force: the ground fight is the event
    ("Troops backed by allied airstrikes pushed the insurgents out of the hills.", "Armed clash"),
    ("Militias, with the support of coalition airstrikes, advanced on the town.", "Armed clash"),
    # who backs a side, said of it, and plain strikes: the air strike
    ("The militias are backed by coalition airstrikes in the north.", "Air/drone strike"),
    ("Allied airstrikes hit the insurgents in the hills.", "Air/drone strike"),
])
def test_air_strikes_backing_a_ground_force_are_its_battle(text: str, sub: str) -> None:
    t = _aerial_in(text, "airstrikes")
    assert typed(t, ARMY, REBELS, text=text)[1] == sub


@pytest.mark.parametrize(("text", "sub"), [
    # a verb of taking that is no trigger of the act, in the act's own sentence
    ("The army stepped up air strikes and retook three villages near the dam.", "Government regains territory"),
    # a taking that is only the setting of the act
    ("The army stepped up air strikes on the villages, which rebels seized last year.", None),
])
def test_ground_taken_in_the_acts_sentence_is_a_change_of_territory(text: str, sub: str | None) -> None:
    t = _aerial_in(text, "air strikes")
    found = ground_taken([t], ARMY, text, (0, len(text)))
    assert (found["sub_event_type"] if found else None) == sub


@pytest.mark.parametrize("kind", ["human rights defenders", "journalists", "workers", "students"])
def test_an_armed_group_killing_people_who_bear_no_arms_is_an_attack_on_civilians(kind) -> None:
    victims = Actor(kind.capitalize(), kind, "SY", kind, None)
    assert typed(trigger("killed", mode=None), REBELS, victims) == ATTACK
