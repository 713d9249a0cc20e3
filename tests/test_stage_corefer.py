"""sitrep.stages.corefer alone: which mentions of one article tell one incident, on mentions built by
hand over texts segmented here (no trigger, role or date rule runs)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.model import Actor, Place, When
from sitrep.stages.corefer import context_clause, merge_mentions

IDLIB = Place("Idlib", admin1="Idlib", country="SY", precision="city")
SARAQIB = Place("Saraqib", admin1="Idlib", country="SY", precision="city")
DARAA = Place("Daraa", admin1="Daraa", country="SY", precision="city")
TUESDAY = When("2024-03-12", "day", "on Tuesday")
POLICE = Actor("Police", "police", None, "Police", "POLICE")
STUDENTS = Actor("Students", "students", None, "two students", "STUDENTS")
PARENTS = Actor("Civilians", "civilians", None, "his parents", "CIVILIANS")
MONDAY = When("2024-03-11", "day", "on Monday")


def test_a_headline_and_the_lead_of_one_bombing_merge(staged, mention) -> None:
    text = ("Car bomb kills six in Idlib market\n\n"
            "A car bomb exploded in a crowded market in Idlib on Tuesday, killing six people, rescuers said.")
    doc = staged(text, upto="segment")
    headline = mention(doc, "Car bomb kills", "ASSAULT", mode="explosives", killed=6, location=IDLIB)
    lead = mention(doc, "exploded", "ASSAULT", mode="explosives", killed=6, location=IDLIB, date=TUESDAY)
    [record] = merge_mentions(doc, [headline, lead])
    assert record.sentences == [0, 1]
    assert record.date == TUESDAY  # the lead's day joins the headline's record


def test_a_headline_joins_the_lead_that_names_the_attack_in_other_words(staged, mention) -> None:
    text = ("Gunmen storm Idlib market\n\n"
            "A suicide bomber blew himself up in a market in Idlib on Tuesday, killing six people.")
    doc = staged(text, upto="segment")
    headline = mention(doc, "Gunmen storm", "ASSAULT", mode="firearms", location=IDLIB)
    lead = mention(doc, "suicide bomber", "ASSAULT", mode="suicide-attack", killed=6, location=IDLIB, date=TUESDAY)
    [record] = merge_mentions(doc, [headline, lead])
    assert record.sentences == [0, 1] and record.killed == 6


def test_a_headline_and_a_lead_with_another_toll_stay_apart(staged, mention) -> None:
    text = ("Car bomb kills six in Idlib market\n\n"
            "Shelling killed two farmers in Daraa on Monday, a monitor said.")
    doc = staged(text, upto="segment")
    headline = mention(doc, "Car bomb kills", "ASSAULT", mode="explosives", killed=6, location=IDLIB)
    lead = mention(doc, "Shelling", "ASSAULT", mode="heavy-weapons", killed=2, location=DARAA, date=MONDAY)
    assert len(merge_mentions(doc, [headline, lead])) == 2


def test_two_bombings_in_two_provinces_do_not_merge(staged, mention) -> None:
    text = ("A car bomb killed six people in Idlib on Tuesday. "
            "A roadside bomb killed six soldiers in Daraa on Tuesday.")
    doc = staged(text, upto="segment")
    first = mention(doc, "A car bomb", "ASSAULT", mode="explosives", killed=6, location=IDLIB, date=TUESDAY)
    second = mention(doc, "A roadside bomb", "ASSAULT", mode="explosives", killed=6, location=DARAA, date=TUESDAY)
    records = merge_mentions(doc, [first, second])
    assert [r.location.name for r in records] == ["Idlib", "Daraa"]


def test_a_detail_of_the_same_bombing_in_the_next_sentence_merges(staged, mention) -> None:
    text = ("A car bomb killed six people in Saraqib on Tuesday. "
            "The explosion also wounded a dozen shoppers, rescuers said.")
    doc = staged(text, upto="segment")
    first = mention(doc, "A car bomb", "ASSAULT", mode="explosives", killed=6, location=SARAQIB, date=TUESDAY)
    detail = mention(doc, "The explosion", "ASSAULT", mode="explosives")
    [record] = merge_mentions(doc, [first, detail])
    assert record.sentences == [0, 1] and record.location == SARAQIB


def test_bombings_on_two_days_do_not_merge(staged, mention) -> None:
    text = ("A car bomb killed six people in Saraqib on Tuesday. "
            "A car bomb killed six people in Saraqib on Sunday.")
    doc = staged(text, upto="segment")
    first = mention(doc, "Tuesday", "ASSAULT", mode="explosives", killed=6, location=SARAQIB, date=TUESDAY)
    second = mention(doc, "Sunday", "ASSAULT", mode="explosives", killed=6, location=SARAQIB,
                     date=When("2024-03-10", "day", "on Sunday"))
    assert len(merge_mentions(doc, [first, second])) == 2


def test_one_nights_attack_told_on_two_days_merges(staged, mention) -> None:
    text = ("Jets struck Saraqib late on Monday night, killing six people. "
            "The strikes on Saraqib on Tuesday destroyed a bakery, rescuers said.")
    doc = staged(text, upto="segment")
    night = mention(doc, "Jets", "ASSAULT", mode="aerial", killed=6, location=SARAQIB, date=MONDAY)
    morning = mention(doc, "The strikes", "ASSAULT", mode="aerial", location=SARAQIB, date=TUESDAY)
    [record] = merge_mentions(doc, [night, morning])
    assert record.sentences == [0, 1]


def test_bombings_on_consecutive_days_with_their_own_tolls_do_not_merge(staged, mention) -> None:
    text = ("A car bomb killed six people in Saraqib on Tuesday. "
            "A car bomb killed three people in Saraqib on Monday.")
    doc = staged(text, upto="segment")
    first = mention(doc, "six people", "ASSAULT", mode="explosives", killed=6, location=SARAQIB, date=TUESDAY)
    second = mention(doc, "three people", "ASSAULT", mode="explosives", killed=3, location=SARAQIB, date=MONDAY)
    assert len(merge_mentions(doc, [first, second])) == 2


def test_one_nights_bombing_told_on_two_days_with_one_toll_merges(staged, mention) -> None:
    text = ("A car bomb killed six people in Saraqib late on Monday night. "
            "The car bomb that killed six people in Saraqib on Tuesday was the third this month.")
    doc = staged(text, upto="segment")
    first = mention(doc, "six people", "ASSAULT", mode="explosives", killed=6, location=SARAQIB, date=MONDAY)
    second = mention(doc, "third", "ASSAULT", mode="explosives", killed=6, location=SARAQIB, date=TUESDAY)
    assert len(merge_mentions(doc, [first, second])) == 1


def test_a_sentence_turning_to_another_incident_does_not_merge(staged, mention) -> None:
    text = ("A car bomb killed six people in Saraqib on Tuesday. "
            "Meanwhile, a bomb exploded near a school in Saraqib.")
    doc = staged(text, upto="segment")
    first = mention(doc, "A car bomb", "ASSAULT", mode="explosives", killed=6, location=SARAQIB, date=TUESDAY)
    other = mention(doc, "Meanwhile", "ASSAULT", mode="explosives", location=SARAQIB)
    assert len(merge_mentions(doc, [first, other])) == 2


def test_the_attack_named_again_paragraphs_later_joins_it(staged, mention) -> None:
    text = ("Gunmen attacked a checkpoint in Saraqib on Tuesday, killing four soldiers.\n\n"
            "The town has been calm for months.\n\n"
            "Residents fled after the harvest.\n\n"
            "Prices of bread have risen this year.\n\n"
            "No group has claimed the attack on the checkpoint, which killed four soldiers.")
    doc = staged(text, upto="segment")
    first = mention(doc, "Gunmen attacked", "ASSAULT", mode="firearms", killed=4, location=SARAQIB, date=TUESDAY)
    again = mention(doc, "No group", "ASSAULT", mode="firearms", killed=4)
    [record] = merge_mentions(doc, [first, again])
    assert record.sentences[0] == 0 and 4 in record.sentences


def test_an_arrest_and_an_attack_never_merge(staged, mention) -> None:
    text = "Gunmen attacked a checkpoint in Saraqib on Tuesday. Police arrested two men in Saraqib on Tuesday."
    doc = staged(text, upto="segment")
    attack = mention(doc, "Gunmen", "ASSAULT", mode="firearms", location=SARAQIB, date=TUESDAY)
    arrest = mention(doc, "Police", "COERCE", mode="arrest", location=SARAQIB, date=TUESDAY)
    assert [r.type for r in merge_mentions(doc, [attack, arrest])] == ["ASSAULT", "COERCE"]


_RAID_STORY = ("Police freed 300 boys from a house in Saraqib in a raid on Tuesday.\n\n"
               "Many of the boys had scars on their backs.\n\n"
               "Parents gathered outside the camp.\n\n"
               "Some had paid fees to the men running the house.\n\n"
               "Police {} the site after a relative was denied access.")


def test_the_raid_named_again_by_its_word_and_doer_joins_it(staged, mention) -> None:
    doc = staged(_RAID_STORY.format("raided"), upto="segment")
    first = mention(doc, "raid", "COERCE", mode="arrest", location=SARAQIB, date=TUESDAY, actor1=POLICE)
    again = mention(doc, "raided", "COERCE", mode="arrest", actor1=POLICE)
    [record] = merge_mentions(doc, [first, again])
    assert record.sentences == [0, 4]


def test_an_arrest_of_other_people_by_the_same_police_stays_apart(staged, mention) -> None:
    doc = staged(_RAID_STORY.format("arrested his parents at").replace("in a raid", "and arrested two students"),
                 upto="segment")
    first = mention(doc, "arrested", "COERCE", mode="arrest", location=SARAQIB, date=TUESDAY, actor1=POLICE,
                    actor2=STUDENTS)
    other = mention(doc, "parents", "COERCE", mode="arrest", actor1=POLICE, actor2=PARENTS)
    other.trigger = "arrested"
    assert len(merge_mentions(doc, [first, other])) == 2


_MARKET = "A car bomb tore through a market in Idlib on Tuesday, killing nine people. {}"


def test_victims_added_with_no_act_of_their_own_join_the_incident(staged, mention) -> None:
    doc = staged(_MARKET.format("Another 14 people were wounded, the civil defence said."), upto="triggers")
    bombing = mention(doc, "tore", "ASSAULT", mode="explosives", killed=9, location=IDLIB, date=TUESDAY)
    added = mention(doc, "wounded", "ASSAULT")
    [record] = merge_mentions(doc, [bombing, added])
    assert record.sentences == [0, 1]
    assert record.date == TUESDAY


def test_victims_another_strike_hit_elsewhere_stay_apart(staged, mention) -> None:
    doc = staged(_MARKET.format("Another five civilians were killed in two other districts."), upto="triggers")
    bombing = mention(doc, "tore", "ASSAULT", mode="explosives", killed=9, location=IDLIB, date=TUESDAY)
    other = mention(doc, "killed", "ASSAULT", killed=5)
    assert len(merge_mentions(doc, [bombing, other])) == 2


def test_victims_added_by_an_attack_of_their_own_stay_apart(staged, mention) -> None:
    doc = staged(_MARKET.format("Another four people were killed when a mortar shell hit Saraqib."), upto="triggers")
    bombing = mention(doc, "tore", "ASSAULT", mode="explosives", killed=9, location=IDLIB, date=TUESDAY)
    other = mention(doc, "killed", "ASSAULT", killed=4)
    assert len(merge_mentions(doc, [bombing, other])) == 2


def test_a_toll_updated_on_a_later_day_stays_the_incidents(staged, mention) -> None:
    doc = staged(_MARKET.format("On Wednesday the death toll rose to 12, hospital officials said."), upto="triggers")
    bombing = mention(doc, "tore", "ASSAULT", mode="explosives", killed=9, location=IDLIB, date=TUESDAY)
    update = mention(doc, "toll", "ASSAULT", killed=12, date=When("2024-03-13", "day", "On Wednesday"))
    [record] = merge_mentions(doc, [bombing, update])
    assert record.sentences == [0, 1]
    assert record.date == TUESDAY  # the day of the count is not the day of the bombing


def test_a_second_attack_with_its_own_toll_stays_apart(staged, mention) -> None:
    doc = staged(_MARKET.format("On Wednesday a roadside bomb in Daraa raised the week's toll to 20."), upto="triggers")
    bombing = mention(doc, "tore", "ASSAULT", mode="explosives", killed=9, location=IDLIB, date=TUESDAY)
    other = mention(doc, "roadside", "ASSAULT", mode="explosives", location=DARAA,
                    date=When("2024-03-13", "day", "On Wednesday"))
    assert len(merge_mentions(doc, [bombing, other])) == 2


_STRIKE = "Warplanes struck a market in Idlib on Tuesday, killing nine people, a monitor said. {}"


@pytest.mark.parametrize("follow_up", [
    "The monitor also said that 14 fighters were killed in the fighting.",
    "The group also listed 40 wounded, including six children.",
    "Meanwhile the Idlib media office said dozens of people had been killed.",  # (a place in the source's name)
])
def test_a_sources_toll_with_no_act_of_its_own_joins_the_incident(staged, mention, follow_up) -> None:
    doc = staged(_STRIKE.format(follow_up), upto="triggers")
    strike = mention(doc, "struck", "ASSAULT", mode="aerial", killed=9, location=IDLIB, date=TUESDAY)
    word = next(w for w in ("killed", "wounded") if w in follow_up)
    toll = mention(doc, word, "ASSAULT", mode="firearms" if "fighting" in follow_up else None, killed=14,
                   date=When("2024-03-13", "day", "", basis="published"))
    toll.claim = replace(toll.claim, modality="reported")
    [record] = merge_mentions(doc, [strike, toll])
    assert record.sentences == [0, 1]
    assert (record.mode, record.date) == ("aerial", TUESDAY)  # the fighting named again is no kind of attack


@pytest.mark.parametrize("follow_up", [
    "The minister said 30 soldiers were killed in retaliation.",
    "The monitor also said 14 fighters were killed in Daraa.",
    "The monitor said 300 people had been killed there over the past month.",
])
def test_a_sources_toll_of_a_response_a_place_or_a_span_stays_apart(staged, mention, follow_up) -> None:
    doc = staged(_STRIKE.format(follow_up), upto="triggers")
    strike = mention(doc, "struck", "ASSAULT", mode="aerial", killed=9, location=IDLIB, date=TUESDAY)
    toll = mention(doc, "killed", "ASSAULT", mode="firearms", killed=30,
                   location=DARAA if "Daraa" in follow_up else None, date=When("2024-03-13", "day", "", basis="published"))
    assert len(merge_mentions(doc, [strike, toll])) == 2


YEMEN = Place("Yemen", country="YE", precision="country")
MOKHA = Place("Mokha", admin1="Taiz", country="YE", precision="city")
JIZAN = Place("Jizan", admin1="Jizan", country="SA", precision="city")


@pytest.mark.parametrize(("town", "records"), [(MOKHA, 1), (JIZAN, 2)])
def test_a_battle_going_on_for_days_told_by_its_country_and_its_town_is_one(staged, mention, town, records) -> None:
    doc = staged("Militants attacked army posts in Yemen on Saturday, killing 12 soldiers, officials said. "
                 f"The assault on the town of {town.name} began on Friday and was continuing on Saturday.", upto="triggers")
    saturday, friday = When("2024-03-16", "day", "on Saturday"), When("2024-03-15", "day", "on Friday")
    first = mention(doc, "attacked", "ASSAULT", killed=12, location=YEMEN, date=saturday)
    assault = mention(doc, "assault", "ASSAULT", location=town, date=friday)
    assert len(merge_mentions(doc, [first, assault])) == records


_BLOGGER_STORY = ("Rights groups condemned the arrest of blogger Amara Diallo in Idlib last month.\n\n"
                  "The ministry did not answer questions.\n\n"
                  "Several of his colleagues have left the country.\n\n"
                  "{} was arrested on March 4 at his home in Idlib, his lawyer said.")
LAST_MONTH = When("2024-03", "month", "last month")
MARCH_4 = When("2024-03-04", "day", "on March 4")


def test_an_arrest_told_by_its_month_and_again_by_its_day_of_the_person_named_again_merges(staged, mention) -> None:
    doc = staged(_BLOGGER_STORY.format("Diallo"), upto="segment")
    blogger = Actor("Amara Diallo", "journalists", None, "blogger Amara Diallo", "JOURNALISTS")
    first = mention(doc, "condemned", "COERCE", mode="arrest", location=IDLIB, date=LAST_MONTH, actor2=blogger)
    again = mention(doc, "lawyer", "COERCE", mode="arrest", location=IDLIB, date=MARCH_4,
                    actor2=Actor("Diallo", "journalists", None, "Diallo", "JOURNALISTS"))
    [record] = merge_mentions(doc, [first, again])
    assert record.sentences == [0, 3]


def test_an_arrest_on_a_day_of_that_month_of_someone_unnamed_before_stays_apart(staged, mention) -> None:
    doc = staged(_BLOGGER_STORY.format("A second blogger"), upto="segment")
    blogger = Actor("Amara Diallo", "journalists", None, "blogger Amara Diallo", "JOURNALISTS")
    first = mention(doc, "condemned", "COERCE", mode="arrest", location=IDLIB, date=LAST_MONTH, actor2=blogger)
    other = mention(doc, "lawyer", "COERCE", mode="arrest", location=IDLIB, date=MARCH_4,
                    actor2=Actor("Journalists", "journalists", None, "a second blogger", "JOURNALISTS"))
    assert len(merge_mentions(doc, [first, other])) == 2


_SALVO = "Mortar shells fell on a school in Saraqib on Tuesday, killing two pupils. {}"


def test_other_shells_told_next_are_a_further_strike_in_the_same_town(staged, mention) -> None:
    doc = staged(_SALVO.format("The governor said other shells struck the eastern quarters, damaging a bakery."), upto="triggers")
    first = mention(doc, "fell", "ASSAULT", mode="heavy-weapons", killed=2, location=SARAQIB, date=TUESDAY)
    other = mention(doc, "struck", "ASSAULT", mode="heavy-weapons")
    records = merge_mentions(doc, [first, other])
    assert len(records) == 2
    assert records[1].location == SARAQIB  # where the first ones fell, for want of a place of its own


@pytest.mark.parametrize(("after", "word", "kwargs", "records"), [
    # "the other shells" of the salvo named again
    ("The other shells struck the yard of the school.", "struck", {"mode": "heavy-weapons"}, 1),
    # other victims hurt by a strike of their own
    ("Four other people were wounded when a rocket landed near the bus station.", "landed", {"mode": "heavy-weapons"}, 2),
    # others counted beside the dead of one blast
    ("Two teachers were killed and 12 other people were wounded in the blast.", "blast", {"killed": 2}, 1),
    # a report turning to other developments tells another strike
    ("In other developments in the province, army artillery shelled militant bases in the hills.", "shelled",
     {"mode": "heavy-weapons"}, 2),
])
def test_what_follows_a_salvo_joins_it_or_is_a_strike_of_its_own(staged, mention, after, word, kwargs, records) -> None:
    doc = staged(_SALVO.format(after), upto="triggers")
    first = mention(doc, "fell", "ASSAULT", mode="heavy-weapons", killed=2, location=SARAQIB, date=TUESDAY)
    second = mention(doc, word, "ASSAULT", **kwargs)
    assert len(merge_mentions(doc, [first, second])) == records


def test_demands_of_two_states_stay_two_statements(staged, mention) -> None:
    doc = staged("Washington urged both sides to halt the bombardment of the city. "
                 "Moscow demanded an urgent session of the Security Council on the bombardment.", upto="triggers")
    us = Actor("Government of United States", "government", "US", "Washington", "USA_GOV")
    ru = Actor("Government of Russia", "government", "RU", "Moscow", "RUS_GOV")
    first = mention(doc, "urged", "REQUEST", actor1=us)
    second = mention(doc, "demanded", "REQUEST", actor1=ru)
    assert len(merge_mentions(doc, [first, second])) == 2
    again = mention(doc, "demanded", "REQUEST", actor1=us)  # the same state asking again: one demand
    assert len(merge_mentions(doc, [mention(doc, "urged", "REQUEST", actor1=us), again])) == 1


_CAMPAIGN_STORY = ("Warplanes struck a bakery in Saraqib on Tuesday, killing eight people.\n\n"
                   "Rescuers pulled survivors from the rubble.\n\n"
                   "The bakery had fed the town for years.\n\n"
                   "Aid groups said fuel was running short.\n\n"
                   "Residents of the south of the province also reported {} against their villages.")
AERIAL = dict(mode="aerial")


@pytest.mark.parametrize(("said", "records"), [("a heavy air campaign", 2), ("the air campaign", 1)])
def test_a_far_unplaced_air_campaign_introduced_as_new_stays_apart(staged, mention, said, records) -> None:
    doc = staged(_CAMPAIGN_STORY.format(said), upto="segment")
    strike = mention(doc, "struck", "ASSAULT", location=SARAQIB, date=TUESDAY, killed=8, **AERIAL)
    strike.trigger = "Warplanes"
    campaign = mention(doc, "campaign", "ASSAULT", **AERIAL)
    campaign.trigger = "air campaign"
    assert len(merge_mentions(doc, [strike, campaign])) == records


def test_an_act_an_attack_comes_amid_is_another_incident(staged, mention) -> None:
    text = ("A car bomb killed six people in Saraqib on Tuesday. "
            "The bombing came as government troops shelled Daraa, killing two fighters.")
    doc = staged(text, upto="parse")
    assert text.index("came as") < context_clause(doc, doc.sentences[1]) <= text.index("government")
    first = mention(doc, "A car bomb", "ASSAULT", mode="explosives", killed=6, location=SARAQIB, date=TUESDAY)
    other = mention(doc, "shelled", "ASSAULT", mode="heavy-weapons", killed=2, location=DARAA)
    assert len(merge_mentions(doc, [first, other])) == 2


def test_an_ongoing_campaign_an_attack_comes_amid_is_no_act_of_its_own(staged) -> None:
    # the present tense tells a campaign going on, not an act; and without "comes as" no cue at all
    doc = staged("A car bomb killed six people in Saraqib on Tuesday. "
                 "The bombing comes as government troops are advancing in other provinces. "
                 "Government troops shelled the town as the bombing came.", upto="parse")
    assert context_clause(doc, doc.sentences[1]) is None
    assert context_clause(doc, doc.sentences[2]) is None


SATURDAY = When("2024-03-16", "day", "on Saturday")
FRIDAY = When("2024-03-15", "day", "on Friday")


def test_the_blast_named_again_with_the_day_before_in_a_place_within_is_the_same_blast(staged, mention) -> None:
    text = ("A bomb ripped through a bus convoy outside Idlib on Saturday, killing 40 people. "
            "The blast hit buses in the Saraqib area that had been waiting there since Friday.")
    doc = staged(text, upto="segment")
    lead = mention(doc, "A bomb", "ASSAULT", mode="explosives", killed=40, location=IDLIB, date=SATURDAY)
    again = mention(doc, "The blast", "ASSAULT", mode="explosives", location=SARAQIB, date=FRIDAY)
    [record] = merge_mentions(doc, [lead, again])
    assert record.sentences == [0, 1] and record.date == SATURDAY


def test_a_new_strike_told_after_said_that_on_the_day_before_stays_apart(staged, mention) -> None:
    text = ("Airstrikes pounded Idlib on Saturday, a monitor said. "
            "Activists said that three airstrikes hit a market in Saraqib on Friday.")
    doc = staged(text, upto="segment")
    lead = mention(doc, "Airstrikes pounded", "ASSAULT", mode="aerial", location=IDLIB, date=SATURDAY)
    other = mention(doc, "three airstrikes", "ASSAULT", mode="aerial", location=SARAQIB, date=FRIDAY)
    assert len(merge_mentions(doc, [lead, other])) == 2


def test_an_attack_named_again_on_its_own_day_joins_that_one_not_the_next_days(staged, mention) -> None:
    text = ("Airstrikes killed 12 people in Idlib on Friday. "
            "Shelling killed two farmers in Saraqib on Saturday. "
            "Turkey condemned the massacre in Idlib on Friday.")
    doc = staged(text, upto="segment")
    friday = mention(doc, "Airstrikes killed", "ASSAULT", mode="aerial", killed=12, location=IDLIB, date=FRIDAY)
    saturday = mention(doc, "Shelling killed", "ASSAULT", mode="heavy-weapons", killed=2, location=SARAQIB, date=SATURDAY)
    again = mention(doc, "the massacre", "ASSAULT", location=IDLIB, date=FRIDAY)
    records = merge_mentions(doc, [friday, saturday, again])
    assert [r.sentences for r in records] == [[0, 2], [1]]


def test_the_victims_named_again_with_no_act_of_their_own_join_the_incident(staged, mention) -> None:
    doc = staged(_MARKET.format("A reporter saw some of the wounded being treated at a clinic where the dead "
                                "were also being brought."), upto="triggers")
    bombing = mention(doc, "tore", "ASSAULT", mode="explosives", killed=9, location=IDLIB, date=TUESDAY)
    again = mention(doc, "wounded", "ASSAULT")
    [record] = merge_mentions(doc, [bombing, again])
    assert record.sentences == [0, 1] and record.killed == 9


def test_the_dead_of_a_strike_elsewhere_stay_apart(staged, mention) -> None:
    doc = staged(_MARKET.format("Meanwhile rescuers pulled the dead from the rubble of a bakery in Saraqib."),
                 upto="triggers")
    bombing = mention(doc, "tore", "ASSAULT", mode="explosives", killed=9, location=IDLIB, date=TUESDAY)
    other = mention(doc, "dead", "ASSAULT", location=SARAQIB)
    assert len(merge_mentions(doc, [bombing, other])) == 2


def test_the_bombardment_named_again_paragraphs_later_joins_the_shelling(staged, mention) -> None:
    text = ("Government artillery shelled Saraqib on Tuesday.\n\n"
            "The town has been calm for months.\n\n"
            "Residents fled after the harvest.\n\n"
            "Prices of bread have risen this year.\n\n"
            "The bombardment killed three children and destroyed a bakery.")
    doc = staged(text, upto="segment")
    first = mention(doc, "shelled", "ASSAULT", mode="heavy-weapons", location=SARAQIB, date=TUESDAY)
    again = mention(doc, "killed", "ASSAULT", killed=3)
    [record] = merge_mentions(doc, [first, again])
    assert record.sentences == [0, 4] and record.killed == 3


def test_two_arrests_one_sentence_keeps_apart_stay_two(staged, mention) -> None:
    # selection keeps two acts of one kind in one sentence only when it tells them at two places; the
    # province both towns are in does not make them one arrest
    doc = staged("Police detained six teachers in Idlib, while in Saraqib twenty nurses were arrested.", upto="claims")
    first = mention(doc, "detained", "COERCE", location=IDLIB, actor1=POLICE)
    second = mention(doc, "arrested", "COERCE", location=SARAQIB)
    assert len(merge_mentions(doc, [first, second])) == 2


HAMA = Place("Hama", admin1="Hama", country="SY", precision="city")


def test_two_figures_of_one_telling_both_join_a_headline_without_a_toll(staged, mention) -> None:
    from sitrep.model import Casualty

    text = ("Army kills rebel commander near Hama\n\n"
            "The army killed a rebel commander as well as four of his bodyguards near Hama on Monday.")
    doc = staged(text, upto="segment")
    headline = mention(doc, "kills", "ASSAULT", location=HAMA)
    lead = mention(doc, "killed", "ASSAULT", killed=1, location=HAMA, date=MONDAY)
    lead.casualties.append(Casualty("killed", 4))
    [record] = merge_mentions(doc, [headline, lead])
    assert record.killed == 5


COUNCIL = Actor("Opposition Council", "party", None, "The Opposition Council", "COUNCIL")
UNSC = Actor("UN Security Council", "international organisation", None, "the UN Security Council", "UNSC")
REGIME = Actor("Government", "government", None, "the regime", "GOV")
RIGHTS = Actor("Rights Watch", "NGO", None, "Rights Watch", "RIGHTS")


def _censure_then_call(staged, mention, text: str, censure_word: str, call_word: str, caller: Actor) -> list:
    doc = staged(text, upto="claims")
    censure = mention(doc, censure_word, "ACCUSE", actor1=COUNCIL, actor2=REGIME)
    call = mention(doc, call_word, "REQUEST", actor1=caller, actor2=UNSC)
    return merge_mentions(doc, [censure, call])


def test_a_call_after_a_condemnation_of_acts_by_the_same_speaker_is_one_demand(staged, mention) -> None:
    text = ("The Opposition Council condemned the killings committed by the regime in the valley. The council "
            "said the villages were still cut off. The Opposition Council called upon the UN Security Council "
            "to send monitors.")
    [record] = _censure_then_call(staged, mention, text, "condemned", "called", COUNCIL)
    assert (record.type, record.actor1, record.actor2) == ("REQUEST", COUNCIL, UNSC)
    assert record.evidence.text.startswith("The Opposition Council condemned")  # the statement where it is first told


def test_a_call_by_the_bare_name_of_the_condemning_speaker_is_one_demand(staged, mention) -> None:
    text = ("Council member Lina Haddad condemned the killings committed by the regime in the valley. "
            "Haddad called upon the UN Security Council to send monitors.")
    caller = Actor(None, "unknown", None, "Haddad", None)
    [record] = _censure_then_call(staged, mention, text, "condemned", "called", caller)
    assert (record.type, record.actor1, record.actor2) == ("REQUEST", COUNCIL, UNSC)


def test_a_call_after_a_censure_of_a_party_or_by_another_speaker_stays_apart(staged, mention) -> None:
    # an accusation aimed at a party (not at acts) and the call that follows are two events
    text = ("The Opposition Council accused the regime of lying about the valley. The Opposition Council "
            "called upon the UN Security Council to send monitors.")
    assert [r.type for r in _censure_then_call(staged, mention, text, "accused", "called", COUNCIL)] == ["ACCUSE", "REQUEST"]
    # someone else's call
    text = ("The Opposition Council condemned the killings committed by the regime in the valley. Rights Watch "
            "called upon the UN Security Council to send monitors.")
    assert [r.type for r in _censure_then_call(staged, mention, text, "condemned", "called", RIGHTS)] == ["ACCUSE", "REQUEST"]
    # a call told far from the censure
    text = ("The Opposition Council condemned the killings committed by the regime in the valley. The roads were "
            "closed. The wells were dry. The schools were shut. The Opposition Council called upon the UN Security "
            "Council to send monitors.")
    assert [r.type for r in _censure_then_call(staged, mention, text, "condemned", "called", COUNCIL)] == ["ACCUSE", "REQUEST"]


def test_a_call_told_on_another_day_than_the_condemnation_stays_apart(staged, mention) -> None:
    text = ("The Opposition Council on Monday condemned the killings committed by the regime in the valley. On "
            "Tuesday the Opposition Council called upon the UN Security Council to send monitors.")
    doc = staged(text, upto="claims")
    censure = mention(doc, "condemned", "ACCUSE", actor1=COUNCIL, actor2=REGIME, date=MONDAY)
    call = mention(doc, "called", "REQUEST", actor1=COUNCIL, actor2=UNSC, date=TUESDAY)
    assert [r.type for r in merge_mentions(doc, [censure, call])] == ["ACCUSE", "REQUEST"]


@pytest.mark.parametrize(("follow_up", "modality"), [
    ("Their driver was also abducted, a rights group said.", "asserted"),  # the source tells what it adds
    ("It was also reported by a rights group that the gunmen abducted the workers.", "reported"),
])
def test_a_source_of_what_a_later_sentence_adds_does_not_report_the_incident(staged, mention, follow_up,
                                                                              modality) -> None:
    from sitrep.model import Claim, Evidence

    doc = staged("Gunmen kidnapped five aid workers in Idlib on Tuesday. " + follow_up, upto="triggers")
    lead = mention(doc, "kidnapped", "ASSAULT", mode="targeted", location=IDLIB, date=TUESDAY)
    cue = "a rights group said" if "said" in follow_up else "also reported by a rights group"
    at = doc.text.index(cue)
    later = mention(doc, "abducted", "ASSAULT", mode="targeted", location=IDLIB)
    later.claim = Claim(by="a rights group", source=None, modality="reported", evidence=Evidence(cue, at, at + len(cue)))
    [record] = merge_mentions(doc, [lead, later])
    assert record.claim.modality == modality


def test_a_statement_told_in_the_lead_and_dated_in_the_next_sentence_is_one(staged, mention) -> None:
    doc = staged("The Opposition Council has condemned the ministry for jailing reporters.\n\n"
                 "Speaking in Idlib on Tuesday, the council's head deplored the ministry's silence.", upto="segment")
    council = Actor("Opposition Council", "opposition", "SY", "The Opposition Council", "OPPOSITION_COUNCIL")
    lead = mention(doc, "condemned", "ACCUSE", actor1=council)
    dated = mention(doc, "deplored", "ACCUSE", actor1=council, date=replace(TUESDAY, basis="text"))
    assert len(merge_mentions(doc, [lead, dated])) == 1


@pytest.mark.parametrize(("tally", "killed"), [
    # a figure told as what a span of days added up to is not the toll of the act told before it
    ("At least 90 civilians have been killed in the city since the rebel assault began last week, the monitor said.", None),
    # the same figure told as this fighting's dead is its toll
    ("At least 90 civilians have been killed in the clashes, the monitor said.", 90),
])
def test_a_tally_over_a_span_is_not_the_toll_of_the_act_told_before_it(tally, killed) -> None:
    import sitrep

    text = ("The United Nations called for a ceasefire in Syria on Sunday. Government forces pushed back rebel "
            "fighters in southern Aleppo on Sunday after fierce clashes near the military academy. " + tally)
    [clash] = [m for m in sitrep.extract(text, published="2017-03-13", title="Fierce clashes in Aleppo")
               if m.type == "ASSAULT"]
    assert clash.killed == killed


@pytest.mark.parametrize(("text", "span"), [
    ("killed 40 people in the past four days", True),
    ("Since Sunday, 40 people have been killed", True),
    ("killed 40 people so far", True),
    # "since" measuring a record, not the span the figure adds up
    ("killing all four crew in the deadliest loss for the air force since the war began", False),
    ("killed 40 people in the first such attack since 2015", False),
])
def test_a_span_told_with_a_figure(text, span) -> None:
    from sitrep.stages.corefer import _tally_span

    assert _tally_span(text) == span


def test_a_telling_of_the_victims_gives_the_record_no_doer(staged, mention) -> None:
    text = ("A car bomb exploded in a market in Idlib on Tuesday, killing six people. "
            "Firefighters worked through the night to carry the dead from the rubble.")
    doc = staged(text, upto="segment")
    blast = mention(doc, "exploded", "ASSAULT", mode="explosives", killed=6, location=IDLIB, date=TUESDAY)
    rescuers = Actor("Firefighters", "civilians", None, "Firefighters", "CIVILIANS")
    victims = mention(doc, "dead", "ASSAULT", actor1=rescuers)
    [record] = merge_mentions(doc, [blast, victims])
    assert record.sentences == [0, 1]
    assert record.actor1 is None  # who carries the dead did not kill them
