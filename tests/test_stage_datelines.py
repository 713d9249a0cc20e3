"""The one dateline finder, alone and through the Doc the segment stage fills."""

from __future__ import annotations

import pytest

from sitrep.model import Article
from sitrep.stages.datelines import find_datelines
from sitrep.stages.doc import Doc
from sitrep.stages.segment import segment


def parts(text: str) -> list[tuple[str | None, str | None]]:
    """Each dateline found, as (its place words, its day)."""
    return [(text[slice(*d.place)] if d.place else None, text[slice(*d.date)] if d.date else None)
            for d in find_datelines(text)]


@pytest.mark.parametrize("text, expected", [
    # a wire's: town, day, credit, dash
    ("MOSUL, Oct 4 (Wire Service) - Gunmen stormed a checkpoint overnight.", [("MOSUL", "Oct 4")]),
    # a day and a credit with no town
    ("June 9 (Newswire) -- Two lorries were set alight near the depot.", [(None, "June 9")]),
    # a town alone, in capitals
    ("KANDAHAR — Farmers blocked the highway for a second day.", [("KANDAHAR", None)]),
    # a town and its country (or state), then the day with its year
    ("GAO, Mali, Feb. 2, 2021 (Wire Service) - Soldiers left the camp.", [("GAO, Mali", "Feb. 2, 2021")]),
    ("SAN PEDRO SULA, Honduras — Hundreds marched to the prison.", [("SAN PEDRO SULA, Honduras", None)]),
    # a watchdog's, in brackets
    ("(Dakar, May 3, 2022) – The authorities should free the two editors.", [("Dakar", "May 3, 2022")]),
    # mixed case is a dateline when a credit or day closes it, or the colon follows at once
    ("Port Harcourt, July 1 (Wire Service) - Pipelines burned.", [("Port Harcourt", "July 1")]),
    ("Peshawar: A bomb went off outside a mosque.", [("Peshawar", None)]),
])
def test_a_dateline_is_found_with_its_place_and_its_day(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a byline naming the town the correspondent filed from is a dateline with a place and no day
    ("By Ada Obi, Kano\n\nTraders shut the market for a day.", [("Kano", None)]),
    ("By Ada Obi and Tunde Bello, Port Harcourt, Rivers State\nPipelines burned.", [("Port Harcourt, Rivers State", None)]),
    # a paper's name or a reporter's role after the comma is no town
    ("By Ada Obi, Lagos Times\n\nTraders shut the market.", []),
    ("By Ada Obi, Staff Reporter\n\nTraders shut the market.", []),
    # "by" inside a line is no byline
    ("Hit by a truck, Kano\nTraders shut the market.", []),
])
def test_a_byline_with_a_town_is_a_dateline(text, expected):
    assert parts(text) == expected


def test_a_dateline_under_a_photo_caption_is_found_on_its_own_line():
    text = ("Smoke rises over the old market after the strike. Photo by a staff photographer\n\n"
            "HODEIDAH, Yemen, Aug 21 (Wire Service) - Air strikes hit the port city on Tuesday.")
    (found,) = find_datelines(text)
    assert text[slice(*found.place)] == "HODEIDAH, Yemen" and text[slice(*found.date)] == "Aug 21"
    assert [text[s:e] for s, e in found.parts] == ["HODEIDAH", "Yemen"]
    assert text[found.start:found.end].endswith("-") and found.start == text.index("HODEIDAH")


@pytest.mark.parametrize("text", [
    "BREAKING NEWS\n\nTroops crossed the river at dawn.",  # a heading in capitals with no dash or colon
    "WAR IN THE NORTH\nThe army says it has retaken the bridge.",
    "\"We will not leave our homes,\" the elder said - and the crowd cheered.",  # a quotation
    "Analysis - what the ceasefire means for the valley",  # a heading in mixed case, spaced off its dash
    "March 5: rebels take the airport.",  # a timeline's entry, not a report's day
    "Police said the London-based group had no comment.",
])
def test_what_is_not_a_dateline(text):
    assert find_datelines(text) == []


def test_a_dateline_far_down_the_text_is_not_one():
    text = "Intro line.\n" + "x " * 900 + "\nBAGHDAD - Later text."
    assert find_datelines(text) == []


def test_an_agencys_stamp_run_into_flattened_text_is_a_dateline_and_its_own_unit():
    text = "Shelling resumed in the south Wire AFP Thursday 16 Jul 2015 At least four people died in the town."
    doc = segment(Doc(Article(text=text), text))
    stamp = text.index("Thursday")
    assert doc.in_dateline_date(stamp) and not doc.in_dateline_place(stamp)
    assert [s.text for s in doc.sentences][1] == "AFP Thursday 16 Jul 2015"


def test_the_doc_answers_which_part_of_a_dateline_an_offset_is_in():
    text = "CORPUS CHRISTI, Texas, Jan 8 (Wire Service) - Police arrested a man. ODESSA - not a dateline here."
    doc = segment(Doc(Article(text=text), text))
    assert doc.datelines is not None and len(doc.datelines) == 1
    assert doc.opens_dateline_place(text.index("CORPUS")) and doc.opens_dateline_place(text.index("Texas"))
    assert doc.in_dateline_place(text.index("CHRISTI")) and not doc.opens_dateline_place(text.index("CHRISTI"))
    assert doc.in_dateline_date(text.index("Jan 8")) and not doc.in_dateline_place(text.index("Jan 8"))
    assert not doc.in_dateline_place(text.index("Police")) and not doc.in_dateline_place(text.index("ODESSA"))


def test_a_hand_built_doc_finds_its_datelines_when_asked():
    text = "KHARTOUM - Fighting spread to the east."
    doc = Doc(Article(text=text), text)  # no segment stage run
    assert doc.in_dateline_place(0) and not doc.in_dateline_place(text.index("Fighting"))
