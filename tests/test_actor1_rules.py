"""Who did it (actor1): rules of session 17, each on sentences written for the test."""

from __future__ import annotations

from sitrep.model import Article
from sitrep.pipeline import default_pipeline


def run(text: str, published: str | None = "2024-03-14", title: str | None = None):
    return default_pipeline().run(Article(text=text, published=published, title=title))


def _assault(doc):
    return next(m for m in doc.mentions if m.type == "ASSAULT" and not m.historical)


def test_unnamed_air_strike_on_an_opposition_held_town_is_either_air_force():
    doc = run("Warplanes struck a bakery in an opposition-held town in Idlib province in Syria on Tuesday, "
              "killing nine civilians, a monitor said.")
    m = _assault(doc)
    assert m.actor1 is not None and m.actor1.id == "SYR_RUS_AIR" and m.actor1.basis == "inferred"


def test_a_named_air_force_is_kept_on_an_opposition_held_town():
    doc = run("Russian warplanes struck a bakery in an opposition-held town in Idlib province in Syria on Tuesday, "
              "killing nine civilians, a monitor said.")
    assert _assault(doc).actor1.id == "RUS_MIL"


def test_a_headline_naming_no_state_reads_regime_by_its_story():
    doc = run("Air raids hit the market of Kafr Nabl in Syria on Monday, killing 14 people, a monitor said.",
              title="Regime air raids kill 14 in opposition-held Kafr Nabl")
    m = _assault(doc)
    assert m.actor1 is not None and m.actor1.id == "SYR_MIL" and m.actor1.basis != "inferred"
    # with no state named anywhere, "regime" still names no one
    doc = run("Air raids hit the market of Kafr Nabl on Monday, killing 14 people, a monitor said.",
              title="Regime air raids kill 14 in Kafr Nabl")
    assert _assault(doc).actor1 is None or _assault(doc).actor1.id != "SYR_MIL"


def test_a_protest_organised_by_a_named_party_is_that_party_s():
    doc = run("Police in Lagos on Monday arrested 20 protesters who marched against the fuel price rise. "
              "The march was organised by the Socialist Party of Nigeria, its leaders said.")
    m = next(m for m in doc.mentions if m.type == "PROTEST")
    assert m.actor1 is not None and m.actor1.name == "Socialist Party of Nigeria"
    assert m.actor2 is None or m.actor2.name != m.actor1.name
    # a protest the text gives to no one stays the protesters'
    doc = run("Police in Lagos on Monday arrested 20 protesters who marched against the fuel price rise. "
              "The Socialist Party of Nigeria condemned the arrests.")
    m = next(m for m in doc.mentions if m.type == "PROTEST")
    assert m.actor1 is None or m.actor1.name != "Socialist Party of Nigeria"


def test_the_militants_take_up_the_group_just_named():
    doc = run("Islamic State fighters seized two villages near Deir al-Zor in Syria on Sunday, the monitor said. "
              "In the town of Mayadin the militants executed four men on Monday for smoking, residents said.")
    m = next(m for m in doc.mentions if m.type == "ASSAULT" and "Mayadin" in m.evidence.text)
    assert m.actor1 is not None and m.actor1.id == "ISIS"
    # a bare plural with no article names no group of its own
    doc = run("Islamic State fighters seized two villages near Deir al-Zor in Syria on Sunday, the monitor said. "
              "In the town of Mayadin militants executed four men on Monday for smoking, residents said.")
    m = next(m for m in doc.mentions if m.type == "ASSAULT" and "Mayadin" in m.evidence.text)
    assert m.actor1 is None or m.actor1.id != "ISIS" or m.actor1.label != "militants"
