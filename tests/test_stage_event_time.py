"""sitrep.stages.event_time alone: the day of a mention against the day its article was published,
the day an act was told, and background dates, on sentences written here."""

from __future__ import annotations

import pytest

from sitrep.model import When
from sitrep.stages.event_time import TOLD_REACH_DAYS, told_day, told_fits, when_of


def _when(staged, text: str, word: str, published: str):  # noqa: ANN202
    doc = staged(text, published=published)
    sentence = doc.sentences[0]
    trigger = next(t for t in doc.triggers if t.text.startswith(word))
    when, historical = when_of(doc, sentence, trigger)
    return doc, sentence, trigger, when, historical


@pytest.mark.parametrize(("published", "day"), [
    ("2024-03-16", "2024-03-15"),  # a Saturday's report: the day before
    ("2024-03-19", "2024-03-15"),  # a Tuesday's report: the Friday before
])
def test_on_friday_is_the_friday_before_the_published_day(staged, published, day) -> None:
    _doc, _s, _t, when, historical = _when(staged, "Gunmen attacked a checkpoint in Aleppo on Friday.", "attacked", published)
    assert when is not None and (when.value, when.precision, when.basis) == (day, "day", "text")
    assert not historical


def test_on_friday_in_a_fridays_report_is_never_another_week(staged) -> None:
    _doc, _s, _t, when, _h = _when(staged, "Gunmen attacked a checkpoint in Aleppo on Friday.", "attacked", "2024-03-15")
    assert when is None or when.value == "2024-03-15"


def test_an_act_dated_years_before_is_background(staged) -> None:
    _doc, _s, _t, when, historical = _when(staged, "Gunmen attacked a checkpoint in Aleppo in 2012.", "attacked", "2024-03-15")
    assert when is not None and when.value == "2012" and when.precision == "year"
    assert historical


def test_an_undated_act_takes_no_date_and_is_current(staged) -> None:
    _doc, _s, _t, when, historical = _when(staged, "Gunmen attacked a checkpoint in Aleppo.", "attacked", "2024-03-15")
    assert when is None and not historical


def test_an_undated_act_told_as_past_is_background(staged) -> None:
    _doc, _s, _t, when, historical = _when(staged, "Gunmen previously attacked a checkpoint in Aleppo.", "attacked", "2024-03-15")
    assert when is None and historical


def test_a_deadline_after_publication_does_not_date_the_act(staged) -> None:
    text = "The rebels attacked the base and the council will vote on a truce on 30 March 2024."
    doc, _s, _t, when, historical = _when(staged, text, "attacked", "2024-03-15")
    assert [d.value for d in doc.dates] == ["2024-03-30"]  # the date is read, and left to the vote
    assert when is None and not historical


def test_a_statements_day_does_not_date_the_attack_it_speaks_of(staged) -> None:
    text = "The ministry on Wednesday condemned the shelling of the market on Monday."
    _doc, _s, _t, when, _h = _when(staged, text, "shelling", "2024-03-15")
    assert when is not None and when.value == "2024-03-11"


def test_the_day_a_kidnapping_was_told_is_a_told_day(staged) -> None:
    doc, sentence, trigger, when, _h = _when(
        staged, "The ministry said on Monday that four workers were kidnapped in the north.", "kidnapped", "2024-03-15")
    assert when is not None and when.value == "2024-03-11"
    assert told_day(doc, sentence, when, trigger)


def test_the_day_of_the_kidnapping_itself_is_not_a_told_day(staged) -> None:
    doc, sentence, trigger, when, _h = _when(
        staged, "Four workers were kidnapped in the north on Monday, the ministry said.", "kidnapped", "2024-03-15")
    assert when is not None and when.value == "2024-03-11"
    assert not told_day(doc, sentence, when, trigger)


def test_an_act_a_few_days_before_its_telling_fits_it(staged, mention) -> None:
    doc = staged("The ministry said on Friday that workers were kidnapped. The workers were kidnapped on Tuesday.",
                 upto="segment")
    teller = mention(doc, "said", "ASSAULT", date=When("2024-03-15", "day", "on Friday"))
    act = mention(doc, "Tuesday", "ASSAULT", date=When("2024-03-12", "day", "on Tuesday"))
    told = {id(teller)}
    assert told_fits(teller, act, told)
    assert not told_fits(teller, act, set())  # neither dated by its telling: two days
    late = mention(doc, "Tuesday", "ASSAULT", date=When("2024-02-20", "day", "on 20 February"))
    assert not told_fits(teller, late, told)  # further back than TOLD_REACH_DAYS
    assert TOLD_REACH_DAYS < 24


def test_a_bracketed_date_the_preposition_opens_dates_the_act_and_a_citation_does_not(staged) -> None:
    _doc, _s, _t, when, historical = _when(staged, "The teacher was arrested on (March 3, 2015) at a rally in Tunis.",
                                           "arrested", "2024-03-15")
    assert when is not None and when.value == "2015-03-03" and historical
    _doc, _s, _t, when, _h = _when(staged, "Soldiers shelled the village (Monitor report, 2 March 2024).", "shelled",
                                   "2024-03-15")
    assert when is None or when.value != "2024-03-02"


@pytest.mark.parametrize(("text", "word", "historical"), [
    # the year dates what the verdict was for, told in a clause of its own; the verdict is the report's
    ("A Shanghai court has found a blogger guilty of slander for accusing an official of taking bribes in 2015.", "found", False),
    ("Police arrested the singer over songs he recorded in 2018.", "arrested", False),
    ("Police arrested the singer in 2018 over his songs.", "arrested", True),  # the arrest's own year
    ("A court jailed the activist for five years in 2019.", "jailed", True),  # "for five years" is how long
])
def test_a_date_in_the_grounds_of_a_verdict_is_not_the_verdicts(staged, text, word, historical) -> None:
    _doc, _s, _t, _when_, told_historical = _when(staged, text, word, "2021-01-08")
    assert told_historical is historical


def test_a_caption_run_into_the_lead_keeps_its_day_out_of_the_lead(staged) -> None:
    # the caption's day (the day the picture was taken) ends at the credit; the lead's act has its own day
    text = ("Smoke rises over a damaged street in Idlib Syria March 3 2024 (Reuters Photo) Eight people were "
            "killed on Tuesday when jets struck a market in Idlib.")
    doc = staged(text, published="2024-03-06")
    lead = next(s for s in doc.sentences if "Eight people" in s.text)
    assert lead.text.startswith("Eight people") and not any("Smoke" in s.text and "Eight" in s.text for s in doc.sentences)
    trigger = next(t for t in doc.triggers if t.start >= lead.start and t.text.startswith(("killed", "struck")))
    when, _historical = when_of(doc, lead, trigger)
    assert when is not None and when.value == "2024-03-05"


def test_a_credit_with_its_words_the_other_way_round_ends_a_caption(staged) -> None:
    doc = staged("The minister attends a meeting in Sochi Thursday Oct. 27 2016 (Photo AP) Troops shelled the town "
                 "on Friday.", published="2016-10-29")
    assert [s.text for s in doc.sentences][-1] == "Troops shelled the town on Friday."


def test_a_bare_agency_credit_after_a_captions_date_ends_the_caption(staged) -> None:
    # "(AFP)" with no "photo" closes a caption when the caption's date runs right into it
    doc = staged("Fighters stand near a ruined checkpoint outside Hama on May 2 2019 (AFP) Three farmers were killed "
                 "when shells hit their village.", published="2019-05-20")
    assert [s.text for s in doc.sentences][-1] == "Three farmers were killed when shells hit their village."
    lead = doc.sentences[-1]
    trigger = next(t for t in doc.triggers if t.start >= lead.start and t.text.startswith(("killed", "hit", "shells")))
    when, _historical = when_of(doc, lead, trigger)
    assert when is None or when.value != "2019-05-02"


def test_a_credit_after_a_full_stop_still_opens_the_next_sentence(staged) -> None:
    doc = staged("Smoke rises over a damaged street in Idlib. (Reuters Photo) Troops shelled the town on Friday.",
                 published="2024-03-16")
    assert [s.text for s in doc.sentences] == ["Smoke rises over a damaged street in Idlib.",
                                               "(Reuters Photo) Troops shelled the town on Friday."]


@pytest.mark.parametrize(("second", "value", "basis"), [
    # the month is the truce's, told after its own verb: the strike keeps the report's day
    ("At least 12 people were killed in the Idlib market by jets and a truce between the army and rebels "
     "that was brokered by Turkey collapsed last month.", "2024-03-14", "published"),
    # the month told of the killing itself still dates it
    ("At least 12 people were killed in the Idlib market by jets last month.", "2024-02", "text"),
])
def test_a_period_a_merged_sentence_gives_another_act_does_not_date_the_record(second, value, basis) -> None:
    from sitrep.pipeline import extract

    found = extract("Jets pounded a market in eastern Idlib killing 12 people. " + second, published="2024-03-14")
    strike = next(m for m in found if m.type == "ASSAULT")
    assert strike.sentences == [0, 1]
    assert strike.date is not None and (strike.date.value, strike.date.basis) == (value, basis)


def test_a_day_after_the_act_bound_to_a_later_speech_verb_is_a_told_day(staged) -> None:
    doc, sentence, trigger, when, _h = _when(
        staged, "The air strike on the depot killed three guards, a local official told the agency Friday.", "air",
        "2024-03-16")
    assert when is not None and when.value == "2024-03-15"
    assert told_day(doc, sentence, when, trigger)


def test_a_day_after_the_act_with_the_speech_verb_before_the_act_is_not_a_told_day(staged) -> None:
    doc, sentence, trigger, when, _h = _when(
        staged, "The ministry said gunmen kidnapped four workers in the north on Monday.", "kidnapped", "2024-03-15")
    assert when is not None and when.value == "2024-03-11"
    assert not told_day(doc, sentence, when, trigger)
