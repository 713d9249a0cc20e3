"""Who did it (actor1): rules read on hand-written sentences through the whole pipeline."""

from __future__ import annotations

import sitrep


def records(text: str, title: str | None = None) -> list:
    return [m for m in sitrep.extract(text, published="2016-06-01", title=title) if not m.historical]


def test_a_kurdish_arab_alliance_in_syria_is_the_syrian_democratic_forces():
    found = records("Thousands of fighters from a US-backed Kurdish-Arab alliance launched an attack on the town of "
                    "Tabqa on Monday.")
    attack = [m for m in found if m.type == "ASSAULT"]
    assert attack and attack[0].actor1 is not None
    assert attack[0].actor1.name == "Syrian Democratic Forces"


def test_a_named_persons_family_is_that_family_not_civilians():
    found = records("Jane Roe, 45, was arrested in Nairobi on Monday. Jane Roe's family demanded her release on Tuesday.")
    demand = [m for m in found if m.type == "REQUEST"]
    assert demand and demand[0].actor1 is not None
    assert demand[0].actor1.name == "Roe family"


def test_the_family_of_a_named_person_is_that_family():
    found = records("The family of John Doe, 30, called on the authorities in Lagos on Monday to release him.")
    demand = [m for m in found if m.type == "REQUEST"]
    assert demand and demand[0].actor1 is not None
    assert demand[0].actor1.name == "Doe family"
