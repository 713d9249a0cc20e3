"""The casualties stage alone, on sentences written for these tests: which figure a sentence
gives, of what kind, and which numbers are no figure at all."""

from __future__ import annotations

import pytest

from sitrep.model import Article
from sitrep.stages.actors import find_actors
from sitrep.stages.casualties import find_casualties
from sitrep.stages.doc import Doc
from sitrep.stages.segment import segment


def figures(text: str) -> list[tuple[str, int | None, bool]]:
    """(kind, count, subset) of each figure the stage finds, in text order."""
    doc = Doc(article=Article(text=text, published="2024-03-14"), text=text)
    doc = find_casualties(find_actors(segment(doc)))
    return [(c.casualty.kind, c.casualty.count, c.subset) for c in sorted(doc.casualties, key=lambda c: c.start)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # an age is not a count; the person it names is one
        ("Witnesses said police killed 31-year-old Karim Haddad with live ammunition near the bridge.",
         [("killed", 1, False)]),
        ("Militiamen shot dead a 16-year-old shepherd outside the village.", [("killed", 1, False)]),
        ("A 45-year-old trader was killed when the shell hit the market.", [("killed", 1, False)]),
        ("Kidnappers released a two-year-old child on Sunday.", []),
    ],
)
def test_ages_are_not_counts(text, expected):
    assert figures(text) == expected


def test_left_needs_a_fate():
    # the harmed without a fate named are no figure; suffering is harm, not death
    assert figures("The storm left 300 families without shelter.") == []
    assert figures("The gas attack left about 40 people suffering breathing problems.") == [("injured", 40, False)]
    assert figures("The raid left 9 people dead and 14 wounded.")[0] == ("killed", 9, False)
    assert figures("An ambush that left one driver shot dead was blamed on bandits.") == [("killed", 1, False)]


def test_an_aside_between_the_figure_and_its_verb():
    assert figures("At least 23 men, most members of a local militia, were killed in the ambush.") == [("killed", 23, False)]
    assert figures("Nine fighters of the armed group were killed near the dam.") == [("killed", 9, False)]


def test_a_raised_toll_and_the_parts_of_a_toll():
    assert figures("Medics on Friday raised the death toll from the collapse of the stadium stand the day before to 37.") \
        == [("killed", 37, False)]
    assert figures("A truck bomb killed 30 people. The hospital said 12 of the dead were children.") \
        == [("killed", 30, False), ("killed", 12, True)]


def test_second_figure_keeps_its_own_verb():
    assert figures("A policeman was killed and four other people got injured by the blast.") \
        == [("killed", 1, False), ("injured", 4, False)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Almost a dozen villagers were killed in the raid.", [("killed", None, False)]),
        ("More than a dozen villagers were killed in the raid.", [("killed", None, False)]),
        ("A dozen villagers were killed in the raid.", [("killed", 12, False)]),
        ("Nearly 12 villagers were killed in the raid.", [("killed", 12, False)]),
    ],
)
def test_a_dozen_qualified_is_no_count(text, expected):
    assert figures(text) == expected


def test_a_life_claimed_or_taken_is_a_killing():
    assert figures("Shells fell on the market, claiming the life of a woman and injuring 19 people.") \
        == [("killed", 1, False), ("injured", 19, False)]
    assert figures("A sniper took the life of a young farmer near the checkpoint.") == [("killed", 1, False)]
    assert figures("The fire claims the lives of 12 people every winter in the camps.")[0] == ("killed", 12, False)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Over 40 gunmen, most of them foreigners, were killed in the raid on the camp.", [("killed", 40, False)]),
        ("Eleven villagers many of them from one family were wounded when the shell hit.", [("injured", 11, False)]),
    ],
)
def test_an_aside_saying_who_most_of_them_were(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "count"), [
    ("Militants beheaded seven captured soldiers near the dam.", 7),
    ("The group decapitated another four men in the square.", 4),
    ("Three prisoners were hanged at dawn.", 3),
    ("The kingdom executes 12 men in one day", 12),
    ("Gunmen shot another two guards at the gate, killing another two.", 2),
])
def test_an_execution_by_any_means_counts_its_dead(text, count) -> None:
    assert (("killed", count) in [(kind, n) for kind, n, _ in figures(text)]), figures(text)


def test_the_words_for_the_dead_stop_at_a_verb_of_harm():
    # "including two rockets" names things; the dead are counted by the verb after them
    assert figures("Jets fired six missiles including two incendiary rockets killing four farmers near the dam.") \
        == [("killed", 2, True), ("killed", 4, False)]
    assert figures("The drone fired three missiles including one guided missile wounding seven guards.")[-1] == ("injured", 7, False)


def test_a_part_told_inside_a_figure_shares_its_fate():
    assert figures("Nine people, among them three women, were wounded by the blast.") \
        == [("injured", 9, False), ("injured", 3, True)]
    assert figures("Eleven villagers including two boys were killed in the raid.") \
        == [("killed", 11, False), ("killed", 2, True)]


def test_some_of_the_wounded_are_a_part_of_the_wounded():
    # "12 of the wounded" counts no new casualty: a part of a figure told before, and of the wounded
    assert figures("The car bomb killed six people and wounded 30, and 12 of the wounded were in a critical condition.") \
        == [("killed", 6, False), ("injured", 30, False), ("injured", 12, True)]


def test_one_citizen_is_a_figure_as_citizens_are():
    # the singular of a person word names one person harmed, as "a resident", "a civilian" do
    assert figures("A citizen was wounded when a rocket fell on the northern suburb.") == [("injured", 1, False)]
    assert figures("Two citizens were wounded when a rocket fell on the northern suburb.") == [("injured", 2, False)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # what an attack took: the lives it claimed (with or without the article), the martyrs it left
        ("A shell on the bakery has claimed lives of seven residents.", [("killed", 7, False)]),
        ("The car bomb went off outside the mosque leaving 9 martyrs.", [("killed", 9, False)]),
        # victims it left may be the hurt: no death toll from "left ... victims"
        ("The car bomb went off outside the mosque leaving 9 victims in hospital.", [("injured", 9, False)]),
    ],
)
def test_tolls_told_by_what_the_attack_took(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "a rebel commander": two person nouns name one person, and the figure joined after it is added
        ("The army killed a rebel commander as well as four of his bodyguards near the village.",
         [("killed", 1, False), ("killed", 4, False)]),
        ("Troops killed a militant leader and three of his aides in the raid.",
         [("killed", 1, False), ("killed", 3, False)]),
    ],
)
def test_a_person_named_by_two_nouns_and_the_people_joined_to_him(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a manner adverb between the auxiliary and the verb of death
        ("More than 20 prisoners were summarily executed by the gunmen.", [("killed", 20, False)]),
        ("Six villagers were brutally killed in the night raid.", [("killed", 6, False)]),
    ],
)
def test_a_manner_adverb_before_the_verb_of_death(text, expected):
    assert figures(text) == expected


def test_compound_number_words_ending_in_one_to_nine():
    # "twenty-one" is one number, not "one" after a stray word
    assert figures("Twenty-one people were killed when the bomb went off.") == [("killed", 21, False)]
    assert figures("The shelling killed thirty-five civilians.") == [("killed", 35, False)]
    assert figures("Gunmen killed forty-nine villagers overnight.") == [("killed", 49, False)]


def test_succumbed_to_wounds_is_a_death():
    # the wounds name what they died of: a death, not an injury
    assert figures("Three soldiers later succumbed to their wounds in hospital.") == [("killed", 3, False)]
    assert figures("A bomb wounded four people; two later succumbed to their injuries.") \
        == [("injured", 4, False), ("killed", 2, False)]
