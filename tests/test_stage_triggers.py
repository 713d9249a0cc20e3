"""sitrep.stages.triggers alone: which trigger words a text gives, on sentences written here and run
through the stages up to the triggers."""

from __future__ import annotations

import pytest

import sitrep


def _types(staged, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.type) for t in staged(text, upto="triggers").triggers]


@pytest.mark.parametrize("text", [
    "Amnesty said the lawyer had been held without charge since March.",
    "Amnesty's researcher in the region said the men were beaten in custody.",
    "A report by Amnesty found that the camp had no clean water.",
])
def test_the_ngo_named_amnesty_is_no_amnesty_granted(staged, text) -> None:
    assert ("Amnesty", "CONCEDE") not in _types(staged, text)


def test_an_amnesty_granted_is_a_concession(staged) -> None:
    text = "The president granted an amnesty to 200 prisoners on Monday."
    found = _types(staged, text)
    assert ("amnesty", "CONCEDE") in found
    assert ("granted", "AID") not in found  # what is granted is the act, not aid given
    [record] = [m for m in sitrep.extract(text, published="2023-05-10") if not m.historical]
    assert record.type == "CONCEDE"
    assert record.actor2 is None or record.actor2.name != "Amnesty International"


def test_a_capitalised_word_inside_a_listed_groups_name_is_the_name(staged) -> None:
    found = _types(staged, "Fighters of the Rapid Support Forces entered the town on Monday.")
    assert ("Support", "SUPPORT") not in found


def test_aid_granted_stays_aid(staged) -> None:
    assert ("granted", "AID") in _types(staged, "The agency granted food aid to the displaced families.")


@pytest.mark.parametrize(("text", "arrest"), [
    ("A third man on house arrest has accused a parole officer of extortion.", False),
    ("She wrote the letter while on house arrest in her sister's flat.", False),
    ("The judge placed the opposition leader on house arrest on Monday.", True),
    ("The court sentenced the activist to two years on house arrest.", True),
])
def test_someone_on_house_arrest_is_no_arrest_made(staged, text, arrest) -> None:
    assert (("arrest", "COERCE") in _types(staged, text)) is arrest


def test_a_crime_in_a_laws_name_is_no_act(staged) -> None:
    found = _types(staged, "The five men were charged under Section 4 of the Kidnapping Act on Friday.")
    assert ("Kidnapping", "ASSAULT") not in found
    assert ("kidnapping", "ASSAULT") in _types(staged, "The kidnapping of the two traders shocked the town.")


@pytest.mark.parametrize("text", [
    "A court in Samarkand on Monday found the imam guilty of threatening public order.",
    "The editor was convicted of threatening a judge, his lawyer said on Tuesday.",
])
def test_a_threat_named_as_the_offence_is_no_threat_made(text) -> None:
    assert "THREATEN" not in [m.type for m in sitrep.extract(text, published="2022-02-01")]


def test_a_threat_made_stays() -> None:
    text = "The gang leader threatened on Monday to kill the hostages."
    assert "THREATEN" in [m.type for m in sitrep.extract(text, published="2022-02-01")]


def test_counts_of_a_crime_are_the_charges_not_the_act() -> None:
    text = "The guard faces three counts of kidnapping and two counts of robbery, prosecutors said on Monday."
    assert not [m for m in sitrep.extract(text, published="2022-02-01") if m.type == "ASSAULT" and not m.historical]
