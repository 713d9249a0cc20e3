"""One real event, one record: tellings of one incident in one article that must join (and the
tellings that must stay apart). Sentences written for these tests."""

from __future__ import annotations

from sitrep.model import Article
from sitrep.pipeline import default_pipeline


def run(text: str, published: str | None = "2024-03-18", title: str | None = None):
    return default_pipeline().run(Article(text=text, published=published, title=title))


def _current(doc, kind: str):
    return [m for m in doc.mentions if m.type == kind and not m.historical]


_FILLER = ("The town lies on the main road north of the provincial capital.\n\n"
           "Aid groups have warned for months that its hospitals are short of fuel.\n\n"
           "Schools in the area have been closed since the winter.\n\n")


def test_a_toll_told_again_on_the_day_a_monitor_gave_it_is_the_same_strike():
    doc = run("Warplanes struck the town of Saraqeb in Idlib province on Saturday, killing 31 civilians, rescuers said.\n\n"
              + _FILLER
              + "On Sunday a monitor said at least 45 people including 31 civilians were killed in the air strikes on the town.")
    strikes = _current(doc, "ASSAULT")
    assert len(strikes) == 1
    assert strikes[0].date.value == "2024-03-16"  # the strike's own day, not the day the monitor spoke
    # the later total holds the lead's 31 civilians as its part: the lead's figure stays the record's
    assert strikes[0].killed == 31


def test_a_strike_on_another_day_told_later_stays_its_own():
    doc = run("Warplanes struck the town of Saraqeb in Idlib province on Saturday, killing 31 civilians, rescuers said.\n\n"
              + _FILLER
              + "Warplanes struck the town of Saraqeb again on Tuesday, killing nine people, a monitor said.",
              published="2024-03-20")
    assert len(_current(doc, "ASSAULT")) == 2


def test_a_total_that_says_who_its_dead_were_still_leads_over_a_headline_part():
    doc = run("At least 15 civilians including three children were killed in air strikes on Saraqeb on Saturday, "
              "a monitor said.", title="15 civilians 3 children killed in Saraqeb strikes")
    strikes = _current(doc, "ASSAULT")
    assert len(strikes) == 1 and strikes[0].killed == 15


_GAP = "Relations between the two countries have been tense for a year.\n\nAid programmes were cut last spring.\n\n"


def test_a_spokesman_telling_the_body_s_rejection_again_is_the_same_statement():
    doc = run("The Kenyan foreign ministry on Friday rejected comments by the British prime minister that the "
              "election was rigged.\n\n" + _GAP
              + "The ministry's spokesman Peter Otieno dismissed the criticism at a news conference in Nairobi on Friday.",
              published="2024-03-16")
    rejections = _current(doc, "REJECT")
    assert len(rejections) == 1 and rejections[0].sentences == [0, 3]
    assert rejections[0].actor1.kind == "ministry"  # the body, whose spokesman spoke


def test_a_spokesman_of_another_body_rejecting_on_the_day_is_another_statement():
    doc = run("The Kenyan foreign ministry on Friday rejected comments by the British prime minister that the "
              "election was rigged.\n\n" + _GAP
              + "The opposition party's spokesman Peter Otieno dismissed the election results at a news conference "
              "in Nairobi on Friday.",
              published="2024-03-16")
    assert len(_current(doc, "REJECT")) == 2


def test_the_ambush_an_abduction_was_done_by_is_that_abduction():
    doc = run("Officials said on Monday that two engineers of a water charity were kidnapped by gunmen in Marib province "
              "on Saturday. The gunmen set up an ambush and intercepted the engineers as they drove toward the city, "
              "an official said.", published="2024-03-18")
    attacks = _current(doc, "ASSAULT")
    assert len(attacks) == 1 and attacks[0].mode == "abduct"


def test_an_ambush_on_another_day_after_an_abduction_is_its_own_attack():
    doc = run("Officials said on Monday that two engineers of a water charity were kidnapped by gunmen in Marib province "
              "on Saturday. On Sunday, gunmen ambushed an army patrol near the city, killing three soldiers.",
              published="2024-03-18")
    assert len(_current(doc, "ASSAULT")) == 2


_BATTLE = ("Rebels and army troops fought fierce battles on Sunday on the western edge of Aleppo, where 20 civilians "
           "have been killed, a monitor said.\n\n" + _FILLER)


def test_a_toll_the_fighting_has_also_taken_is_added_to_that_fighting():
    doc = run(_BATTLE + "The fighting on Sunday in Aleppo has also killed 30 soldiers, the monitor said.")
    assert len(_current(doc, "ASSAULT")) == 1


def test_another_toll_told_without_also_stays_apart():
    doc = run(_BATTLE + "Fighting on Sunday in Aleppo killed 30 soldiers, the monitor said.")
    assert len(_current(doc, "ASSAULT")) == 2


def test_a_wire_dateline_after_a_photo_caption_dates_the_report_not_the_sentence():
    # the dateline opens the body's first paragraph under a caption: its day is the day the report
    # was filed, so the sentencing told next "on Wednesday" is the same sentencing, on its own day
    doc = run("A blogger has been sentenced for insulting the army (shown). Photo by a court press office\n\n"
              "March 18 (Wire) -- A blogger accused of insulting the army was sentenced to eight years in "
              "prison by a court in the capital. Tomas Varga, 31, was sentenced on Wednesday by the district "
              "court after a closed hearing.\n\n"
              "His lawyer said he would appeal the verdict.")
    sentencings = _current(doc, "COERCE")
    assert len(sentencings) == 1
    assert sentencings[0].date.value == "2024-03-13"


def test_a_dateline_day_does_not_join_an_act_told_weeks_before():
    doc = run("A blogger sits in the dock in an undated picture. Photo by a court press office\n\n"
              "March 18 (Wire) -- A blogger accused of insulting the army was sentenced to eight years in "
              "prison by a court in the capital. He had first been sentenced on February 2 by the district "
              "court after a closed hearing.\n\n"
              "His lawyer said he would appeal the verdict.")
    assert len([m for m in doc.mentions if m.type == "COERCE"]) == 2


def test_a_battle_told_on_its_first_day_and_on_a_later_day_of_it_is_one_battle():
    doc = run("Government troops and insurgents were locked in heavy fighting on Sunday on the southern edge of "
              "Marwa, where 20 soldiers have died in a three-day insurgent offensive.\n\n"
              "The insurgents launched the offensive on Friday to cut the road to the port.\n\n"
              "The army said it had sent reinforcements to the front.",
              published="2024-03-17")
    battles = _current(doc, "ASSAULT")
    assert len(battles) == 1


def test_two_clashes_two_days_apart_with_nothing_saying_the_fighting_went_on_stay_two():
    doc = run("Government troops and insurgents clashed on Sunday on the southern edge of Marwa, killing 20 soldiers.\n\n"
              + _FILLER
              + "Insurgents had clashed with soldiers in Marwa on Friday.\n\n"
              "The army said it had sent reinforcements to the front.",
              published="2024-03-18")
    assert len(_current(doc, "ASSAULT")) == 2


def test_a_today_inside_a_quoted_statement_does_not_tell_the_protest_apart():
    # the statement was issued the day before the report: its "today" is the speaker's day, which the
    # report does not give, so it does not make the march told with its own day a second protest
    doc = run("Police in Kano on Sunday arrested 20 nurses who marched to the health ministry over unpaid wages.\n\n"
              "Four reporters covering the march were also detained.\n\n"
              "The nurses' union called for the release of its members.\n\n"
              "The union's leader Mara Voss said in a statement sent to reporters on Sunday that the arrests were unlawful.\n\n"
              'She said, "The Kano Nurses Union strongly condemns the arrest of our members. Our members were on a '
              'peaceful protest today in Kano to demand their wages."',
              published="2024-03-18")
    protests = _current(doc, "PROTEST")
    assert len(protests) == 1
    assert protests[0].date.value == "2024-03-17"


def test_a_today_outside_quotation_marks_still_dates_the_act():
    doc = run("Police in Kano on Sunday arrested 20 nurses who marched to the health ministry over unpaid wages.\n\n"
              "Four reporters covering the march were also detained.\n\n"
              "The nurses' union called for the release of its members.\n\n"
              "The union's leader Mara Voss said in a statement sent to reporters on Sunday that the arrests were unlawful.\n\n"
              "Hundreds of teachers were on a peaceful protest today in Kano to demand their wages.",
              published="2024-03-18")
    assert len(_current(doc, "PROTEST")) == 2
