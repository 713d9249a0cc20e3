"""sitrep.stages.defaults alone: article-level fallbacks for what a mention's sentence leaves unsaid
(the day, the state behind an arrest, the protesters), on mentions built by hand over texts run up to
the claims stage."""

from __future__ import annotations

from sitrep.model import When
from sitrep.stages.defaults import fill_defaults


def _filled(staged, mention, text: str, word: str, etype: str, **fields):  # noqa: ANN202
    doc = staged(text, upto="claims", published="2024-03-15")
    m = mention(doc, word, etype, **fields)
    doc.mentions = [m]
    fill_defaults(doc)
    return m


def test_an_undated_current_act_takes_the_published_day_marked_as_assumed(staged, mention) -> None:
    m = _filled(staged, mention, "Gunmen attacked a bus in the north.", "attacked", "ASSAULT", mode="firearms")
    assert m.date == When("2024-03-15", "day", "", None, basis="published")


def test_an_undated_historical_act_takes_no_day(staged, mention) -> None:
    m = _filled(staged, mention, "Gunmen attacked a bus in the north.", "attacked", "ASSAULT", mode="firearms",
                historical=True)
    assert m.date is None


def test_an_old_year_makes_the_act_history(staged, mention) -> None:
    m = _filled(staged, mention, "Gunmen attacked a bus in the north.", "attacked", "ASSAULT", mode="firearms",
                date=When("2019", "year", "in 2019"))
    assert m.historical


def test_an_arrest_with_no_one_named_is_the_police_of_the_place_where_the_story_names_them(staged, mention) -> None:
    m = _filled(staged, mention, "Three journalists were arrested in Tehran on Monday. Police have raided newspapers "
                "in the city for weeks.", "arrested", "COERCE", mode="arrest")
    assert m.location is not None and m.location.name == "Tehran"
    assert m.actor1 is not None and (m.actor1.kind, m.actor1.country, m.actor1.basis) == ("police", "IR", "inferred")


def test_an_arrest_with_no_one_named_and_no_police_in_the_story_is_the_states_authorities(staged, mention) -> None:
    m = _filled(staged, mention, "Three journalists were arrested in Tehran on Monday.", "arrested", "COERCE",
                mode="arrest")
    assert m.actor1 is not None and (m.actor1.kind, m.actor1.country, m.actor1.basis) == ("government", "IR", "inferred")


def test_a_crowd_that_protests_is_protesters_of_the_country(staged, mention) -> None:
    m = _filled(staged, mention, "Thousands protested in Tunis against the new law.", "protested", "PROTEST")
    assert m.actor1 is not None and (m.actor1.kind, m.actor1.country, m.actor1.basis) == ("protesters", "TN", "inferred")


def test_an_unnamed_attacker_is_not_invented(staged, mention) -> None:
    m = _filled(staged, mention, "Gunmen attacked a bus in the north.", "attacked", "ASSAULT", mode="firearms")
    assert m.actor1 is None


def _protest_as_coded(staged, mention, text: str) -> str:  # noqa: ANN202
    doc = staged(text, upto="claims", published="2024-03-15")
    m = mention(doc, "rally", "PROTEST")
    m.acled = {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
    doc.mentions = [m]
    fill_defaults(doc)
    return m.acled["sub_event_type"]


def test_a_protest_the_police_stopped_is_one_with_intervention(staged, mention) -> None:
    stopped = ("The teachers' rally outside the ministry was cut short by riot police before noon.",
               "The teachers held a rally outside the ministry, facing state violence for a third week.")
    for text in stopped:
        assert _protest_as_coded(staged, mention, text) == "Protest with intervention", text
    calm = "The teachers held a rally outside the ministry and went home before noon."
    assert _protest_as_coded(staged, mention, calm) == "Peaceful protest"


def test_a_protest_asking_for_arrests_is_not_one_the_police_stopped(staged, mention) -> None:
    for text in ("The teachers held a rally outside the ministry seeking arrests in the case.",
                 "The teachers held a rally outside the ministry demanding the arrest of the guards."):
        assert _protest_as_coded(staged, mention, text) == "Peaceful protest", text


def test_a_killing_by_police_told_after_the_protests_it_was_part_of_is_excessive_force(staged, mention) -> None:
    from sitrep.model import Actor

    police = Actor("Police", "police", None, "police", "POLICE")
    text = ("Riot police fired tear gas at the marchers in Lakeview on Friday. "
            "Police killed a 24-year-old man with live ammunition in the village of Redford.")
    doc = staged(text, upto="claims", published="2024-03-15")
    m = mention(doc, "killed", "ASSAULT", mode="firearms", actor1=police)
    m.acled = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    doc.mentions = [m]
    fill_defaults(doc)
    assert m.acled["sub_event_type"] == "Excessive force against protesters"
    # no protest told just before: an attack on a civilian
    doc = staged("The market opened in Lakeview on Friday. " + text.split(". ")[1], upto="claims", published="2024-03-15")
    m = mention(doc, "killed", "ASSAULT", mode="firearms", actor1=police)
    m.acled = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    doc.mentions = [m]
    fill_defaults(doc)
    assert m.acled["sub_event_type"] == "Attack"


def test_a_sentence_with_no_court_named_is_the_judiciary_of_the_place(staged, mention) -> None:
    m = _filled(staged, mention, "Two bloggers were sentenced to three years in prison in Tehran on Monday.",
                "sentenced", "COERCE", mode="legal")
    assert m.actor1 is not None and (m.actor1.name, m.actor1.kind, m.actor1.country, m.actor1.basis) == (
        "Iranian judiciary", "government", "IR", "inferred")


def test_an_arrest_with_no_one_named_far_from_the_police_the_story_names_is_the_states_authorities(
        staged, mention) -> None:
    filler = ("The editor said the paper would keep printing its weekly edition, and readers in the capital "
              "queued at kiosks to buy copies of the latest issue before it sold out. ") * 4
    m = _filled(staged, mention, "Police raided a newspaper in Tehran on Monday. " + filler
                + "A cartoonist was arrested at his home on Friday.", "arrested", "COERCE", mode="arrest")
    assert m.actor1 is not None and (m.actor1.kind, m.actor1.country, m.actor1.basis) == ("government", "IR", "inferred")


def test_a_release_told_without_its_takers_is_the_armed_group_class_the_article_names_kidnapping() -> None:
    import sitrep

    text = ("Bandits abducted 40 pupils from a boarding school in Zamfara State on Friday, police said. "
            "The state governor said security forces were searching the forests near the school. "
            "On Sunday, 12 traders who had been abducted from a market in the state last month were released.")
    [release] = [m for m in sitrep.extract(text, published="2024-06-13") if m.type == "CONCEDE"]
    assert release.actor1 is not None and (release.actor1.name, release.actor1.kind) == ("Bandits", "armed group")
