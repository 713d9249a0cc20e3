"""Wordings of Syrian-war reports that the stages read wrongly before (session 14 audit on fresh
FA-KES articles), each on sentences written here, with the reading that must stay beside it."""

from __future__ import annotations

from sitrep import extract
from sitrep.resolve.dates import find_dates

DAY = "2016-11-08"


def records(text: str) -> list:
    return [m for m in extract(text, published=DAY) if not m.historical]


def test_a_groups_legal_status_in_brackets_is_no_ban() -> None:
    text = "Kurdish fighters shelled positions of Jabhat Fatah al-Sham (banned in Russia) near Azaz on Monday."
    assert [m.type for m in records(text)] == ["ASSAULT"]
    assert "COERCE" in [m.type for m in records("The group was banned in Russia on Monday.")]


def test_who_backs_a_force_describes_it() -> None:
    found = records("Rebels backed by Turkish tanks seized the town of Dabiq from the jihadists on Sunday.")
    assert found and "SUPPORT" not in [m.type for m in found]
    assert "SUPPORT" in [m.type for m in records("Turkey backed the rebels in Azaz on Sunday.")]


def test_a_report_released_is_no_captive_set_free() -> None:
    text = "A report released by a panel of experts investigating war crimes said on Friday that abuses go on."
    assert not records(text)
    assert [m.type for m in records("Police released two activists in Idlib on Friday.")] == ["CONCEDE"]


def test_a_date_opening_a_street_name_is_no_date() -> None:
    assert find_dates("Two mortar shells landed on April 7th Street in the camp.", DAY) == []
    assert [d.value for d in find_dates("Two mortar shells landed on April 7 in the camp.", DAY)] == ["2016-04-07"]


def test_a_monitor_from_the_country_reports_the_states_act() -> None:
    text = "Syrian human rights monitors said government troops shelled the town of Saraqeb on Monday, killing five people."
    [m] = records(text)
    assert m.claim.modality == "reported"
    [m] = records(text.replace("Syrian human rights monitors", "Syrian army sources"))
    assert m.claim.modality == "claimed"


def killed(text: str) -> list[int | None]:
    return [c.count for m in records(text) for c in m.casualties if c.kind == "killed"]


def test_things_of_a_side_destroyed_are_no_dead() -> None:
    assert killed("Russian jets destroyed 40 militant positions near Palmyra on Monday.") == []
    assert killed("Russian jets destroyed 40 militants near Palmyra on Monday.") == [40]


def test_a_toll_that_rose_after_a_long_description_counts() -> None:
    text = ("The death toll from the rebel rocket fire on the western districts of Aleppo city on Monday "
            "rose to 11 civilians, a police source said.")
    assert killed(text) == [11]


def test_lives_and_martyrs_an_attack_claimed_are_its_dead() -> None:
    assert killed("A car bomb in Homs claimed 7 lives on Monday.") == [7]
    assert killed("Twin blasts hit a checkpoint near Homs on Monday claiming 3 martyrs.") == [3]
    assert killed("The group claimed 3 attacks near Homs on Monday.") == []

