"""Date rules alone, on phrases written for these tests, resolved against a publication day."""

from __future__ import annotations

import pytest

from sitrep.model import Article
from sitrep.pipeline import default_pipeline
from sitrep.resolve.dates import find_dates


def resolved(text: str, published: str) -> list[tuple[str, str]]:
    return [(d.value, d.precision) for d in find_dates(text, published)]


@pytest.mark.parametrize(
    "text,published,value",
    [
        # 2024-03-15 is a Friday, 2024-03-18 a Monday, 2024-03-16 a Saturday
        ("The pupils were taken from their dormitory last weekend.", "2024-03-15", "2024-03-09"),
        ("Fighting over the weekend displaced hundreds.", "2024-03-18", "2024-03-16"),
        ("Fighting over the weekend displaced hundreds.", "2024-03-15", "2024-03-09"),
        ("The pupils were taken from their dormitory last weekend.", "2024-03-16", "2024-03-02"),
    ],
)
def test_weekend_is_its_saturday(text, published, value):
    assert resolved(text, published) == [(value, "day")]


def test_a_weekday_in_the_future_tense_looks_ahead():
    # published on Monday 2024-03-18
    assert resolved("On Thursday, the appeals court will hear the case.", "2024-03-18") == [("2024-03-21", "day")]
    assert resolved("The tribunal is due to rule on Friday.", "2024-03-18") == [("2024-03-22", "day")]
    # the telling or the act between: the day is past
    assert resolved("The minister said on Thursday that talks will resume.", "2024-03-18") == [("2024-03-14", "day")]
    assert resolved("Police on Thursday detained six men who will face trial.", "2024-03-18") == [("2024-03-14", "day")]


def test_the_noun_will_is_no_future_tense():
    # published on Monday 2024-03-18: "against their will" is the noun, so the weekday is past
    assert resolved("Strikers kept four directors against their will for a night on Thursday.", "2024-03-18") \
        == [("2024-03-14", "day")]
    assert resolved("On Thursday the guards held the teacher against her will.", "2024-03-18") == [("2024-03-14", "day")]
    # the modal still looks ahead
    assert resolved("The board will meet on Thursday.", "2024-03-18") == [("2024-03-21", "day")]


@pytest.mark.parametrize("text,value", [
    # published on Friday 2024-03-15: the weekday is dated by its own clause's verb, not by the
    # future of the clause joined after it
    ("Gunmen raided the village on Tuesday and the governor will visit it next week.", "2024-03-12"),
    ("Troops shelled the hills on Tuesday, but the army will not enter the valley.", "2024-03-12"),
    # a weekday that opens its clause takes the future after it, a coordinated subject included
    ("On Tuesday the envoys and the mediators will sign the accord.", "2024-03-19"),
    ("The envoys on Tuesday will sign the accord.", "2024-03-19"),
])
def test_a_weekday_takes_the_tense_of_its_own_clause(text, value):
    assert resolved(text, "2024-03-15") == [(value, "day")]


def test_an_act_on_a_weekday_keeps_its_day_beside_a_future_clause():
    text = "Gunmen attacked a checkpoint on Tuesday and the governor will visit the town next month."
    doc = default_pipeline().run(Article(text=text, published="2024-03-15"))
    raid = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert raid.date is not None and (raid.date.value, raid.date.basis) == ("2024-03-12", "text")


def test_the_day_after_publication_only_on_weekdays():
    # a Wednesday report's "on Thursday" is the news a time zone ahead; a Sunday paper's "on Monday"
    # is the Monday before
    assert resolved("Gunmen stormed the depot on Thursday.", "2024-03-13") == [("2024-03-14", "day")]
    assert resolved("Gunmen stormed the depot on Monday.", "2024-03-17") == [("2024-03-11", "day")]
    # a Saturday report's "said Sunday" is the news a day ahead, not the Sunday six days before
    assert resolved("The monitor said Sunday that gunmen stormed the depot.", "2024-03-16") == [("2024-03-17", "day")]


def test_the_day_an_act_was_told_gives_way_to_the_day_it_happened():
    # published on Monday 2024-03-18: the report came on Sunday, the fighting began on Saturday
    text = ("Border guards killed seven smugglers near the river crossing, state radio reported Sunday. "
            "The clashes erupted on Saturday night and went on till Sunday morning, the radio said.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-18"))
    first = min(doc.mentions, key=lambda m: m.sentences[0])
    assert first.date is not None and first.date.value == "2024-03-16"


def test_the_day_of_an_arrest_not_the_day_it_was_told():
    # published 2024-04-02: the arrest eight weeks before is the act; the day the family spoke is the telling
    text = ("Security agents arrested the blogger at a checkpoint on February 6, 2024, "
            "and took him to an unknown place, his brother told Amnesty International on March 30.")
    doc = default_pipeline().run(Article(text=text, published="2024-04-02"))
    arrest = next(m for m in doc.mentions if m.type == "COERCE")
    assert not arrest.historical and arrest.date is not None and arrest.date.value == "2024-02-06"


def test_fixed_holidays_when_a_day_of_them_is_meant():
    assert resolved("The priest was abducted on Christmas Eve.", "2024-01-09") == [("2023-12-24", "day")]
    assert resolved("In his Christmas sermon the bishop accused the army of abuses.", "2024-01-09") == [("2023-12-25", "day")]
    assert resolved("Three shops were torched on New Year's Day.", "2024-01-09") == [("2024-01-01", "day")]
    assert resolved("Her family hopes to have her home for Christmas.", "2024-03-09") == []


def test_a_demand_dated_by_the_statement_that_follows():
    # published on Thursday 2024-03-14
    text = ("The farmers' union has urged the governor to withdraw the eviction order. "
            "Its chairman argued in a statement Monday that the order breaks the law.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-14"))
    demand = next(m for m in doc.mentions if m.type == "REQUEST")
    assert demand.date is not None and demand.date.value == "2024-03-11"


@pytest.mark.parametrize(
    "when,published,value,basis",
    [
        # the later sentence's vague span holds the publication day: the lead's act, the day's news,
        # takes that day (assumed)
        ("last week", "2024-03-20", "2024-03-20", "published"),
        ("earlier this month", "2024-03-20", "2024-03-20", "published"),
        # a span that does not hold the publication day still says something the day would not
        ("last week", "2024-03-04", "2024-02", "text"),
    ],
)
def test_a_vague_span_from_another_sentence_does_not_date_the_lead(when, published, value, basis):
    text = ("Gunmen killed nine traders at a village market in Kaduna state. "
            f"The killings came after gunmen abducted six farmers in the area {when}. "
            "Police said patrols had been stepped up.")
    doc = default_pipeline().run(Article(text=text, published=published))
    lead = min(doc.mentions, key=lambda m: m.sentences[0])
    assert lead.date is not None and (lead.date.value, lead.date.basis) == (value, basis)


@pytest.mark.parametrize("meantime", [
    "The army in the meantime repelled an attack on a checkpoint in the eastern district.",
    # another kind of act than the one whose day was told
    "The police meanwhile arrested four smugglers in the eastern district.",
])
def test_in_the_meantime_is_the_day_just_told(meantime):
    # published on Wednesday 2024-03-20; "on Monday" is 2024-03-18
    text = ("Rebels shelled two army posts near the border town on Monday, a military source said. "
            f"{meantime} "
            "Residents said the roads remained closed.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-20"))
    second = next(m for m in doc.mentions if m.sentences[0] == 1)
    assert second.date is not None and (second.date.value, second.date.basis) == ("2024-03-18", "text")
    # with no day told before it, it dates nothing: the act is the day's news
    doc = default_pipeline().run(Article(text=text.replace(" on Monday", ""), published="2024-03-20"))
    second = next(m for m in doc.mentions if m.sentences[0] == 1)
    assert second.date is not None and second.date.basis == "published"


def test_a_sentence_opening_meanwhile_turns_to_other_news_of_no_day():
    # published on Wednesday 2024-03-20
    text = ("Rebels shelled two army posts near the border town on Monday, a military source said. "
            "Meanwhile, police arrested four smugglers in the eastern district.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-20"))
    second = next(m for m in doc.mentions if m.sentences[0] == 1)
    assert second.date is not None and second.date.basis == "published"


@pytest.mark.parametrize("link,value,basis", [
    ("also", "2024-03-19", "text"),  # "also shelled": an addition to Tuesday's account, of its day
    ("later", "2024-03-20", "published"),  # no word adding it to the account: the day's news
])
def test_a_further_incident_takes_the_day_of_the_one_it_adds_to(link, value, basis):
    # published on Wednesday 2024-03-20; "on Tuesday" is 2024-03-19
    text = ("Warplanes bombed a crowded market in the river town on Tuesday, killing 12 people, medics said. "
            f"Artillery {link} shelled a bakery in a nearby village, killing three. "
            "Residents said the roads remained closed.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-20"))
    second = next(m for m in doc.mentions if m.sentences[0] == 1)
    assert second.date is not None and (second.date.value, second.date.basis) == (value, basis)


def test_a_republished_statement_counts_today_from_its_own_day():
    body = ("Two reporters have been held in the capital for weeks.\n\nThe press union today called on the "
            "authorities to release the reporters, who were arrested on February 20.")
    note = "This statement was originally published on example.org on 28 February 2024.\n\n"
    values = {d.text: d.value for d in default_pipeline().run(Article(text=note + body, published="2024-03-14")).dates}
    assert values["today"] == "2024-02-28" and values["February 20"] == "2024-02-20"
    # without the note, today is the day of publication
    values = {d.text: d.value for d in default_pipeline().run(Article(text=body, published="2024-03-14")).dates}
    assert values["today"] == "2024-03-14"


@pytest.mark.parametrize("interval,value", [("one week", "2024-03-13"), ("two days", "2024-03-18"), ("a day", "2024-03-19")])
def test_an_act_an_interval_before_the_one_the_sentence_opens_with(interval, value):
    # published on Wednesday 2024-03-20: the ambush is the day's news; the sentence dates the older bombing
    text = ("Gunmen ambushed an army convoy on the highway north of the city. "
            f"The attack comes {interval} after a suicide bomber blew himself up at a police post in a nearby "
            "district, killing nine officers.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-20"))
    bombing = next(m for m in doc.mentions if m.sentences == [1])
    assert bombing.date is not None and (bombing.date.value, bombing.date.basis) == (value, "text")
    ambush = next(m for m in doc.mentions if m.sentences[0] == 0)
    assert ambush.date is not None and ambush.date.value == "2024-03-20"


def test_a_wire_dateline_under_a_photo_caption_dates_the_report_not_the_act():
    text = ("The court building in the provincial capital. Photo by a staff photographer | License Photo\n\n"
            "April 26 (UPI) -- A man charged with leaking officials' phone numbers was sentenced to 14 years in prison.\n\n"
            "He was sentenced Friday behind closed doors at a district court.")
    doc = default_pipeline().run(Article(text=text, published="2021-04-26"))
    sentencing = [m for m in doc.mentions if m.type == "COERCE"]
    assert len(sentencing) == 1 and sentencing[0].date.value == "2021-04-23"
    # a day in the body that is the publication day still dates what it is next to
    body = ("Students have protested in the capital for weeks over the new fees.\n\n"
            "Police arrested six of them on April 26 (a Monday) -- the day the exams began.")
    assert [d.text for d in default_pipeline().run(Article(text=body, published="2021-04-26")).dates] == ["April 26", "Monday"]


@pytest.mark.parametrize(("text", "days"), [
    ("A lawyer was held after the Easter Sunday bombings of the churches.", []),
    ("Marchers remembered Bloody Sunday in the old town.", []),
    ("The lawyer was held on Sunday.", [("2024-03-10", "day")]),  # 2024-03-15 is a Friday
])
def test_a_feast_or_a_remembered_day_is_no_weekday(text, days):
    assert resolved(text, "2024-03-15") == days


@pytest.mark.parametrize(("text", "value"), [
    ("On this day, December 3, 1868, a court in Kazan sentenced the poet Ivan Orlov to hard labour.", "1868-12-03"),
    ("The newspaper was first shut down on 9 May 1897, when its editor was jailed.", "1897-05-09"),
    ("The governor banned the society in April 1872.", "1872-04"),
])
def test_a_date_in_the_nineteenth_century_is_history(text, value):
    dates = find_dates(text, "2021-06-01")
    assert [d.value for d in dates] == [value] and dates[0].historical
    mention = default_pipeline().run(Article(text=text, published="2021-06-01")).mentions[0]
    assert mention.historical


def test_years_ago_today_is_an_anniversary_not_today():
    text = ("Police detained two reporters in Kazan on Sunday. "
            "Fifty years ago today, on November 16, 1970, a court in Kazan sentenced the poet Ivan Orlov to hard labour.")
    assert [d.value for d in find_dates(text, "2020-11-17")] == ["2020-11-15", "1970-11-16"]
    records = default_pipeline().run(Article(text=text, published="2020-11-17")).mentions
    assert [(m.historical, m.date.value) for m in records] == [(False, "2020-11-15"), (True, "1970-11-16")]


@pytest.mark.parametrize("published", ["2024-02-24", "2024-02-26"])
def test_overnight_beside_a_stated_day_is_that_day(published):
    # "overnight" counts from the day being told, not from the report's own day
    text = "On February 24, riot police detained fourteen students overnight at the campus gate."
    doc = default_pipeline().run(Article(text=text, published=published))
    arrest = next(m for m in doc.mentions if m.type == "COERCE")
    assert arrest.date is not None and arrest.date.value == "2024-02-24"


def test_overnight_alone_is_the_night_before_the_report():
    assert resolved("Militants shelled the outpost overnight.", "2024-02-26") == [("2024-02-25", "day")]


def test_a_tally_opened_by_a_period_does_not_date_the_incident_before_it():
    # published on Monday 2024-03-18: the incident has no day of its own; the tally's month is not its day
    text = ("Bandits shot dead five herders near a watering point, the district chief said. "
            "Last month, raids across the province left more than 40 people dead.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-18"))
    lead = min(doc.mentions, key=lambda m: m.sentences[0])
    assert lead.date is not None and (lead.date.value, lead.date.basis) == ("2024-03-18", "published")


def test_a_past_weekday_is_never_a_week_ahead_nor_after_the_next_day():
    # published on Wednesday 2024-03-13: a past act's weekday is within the six days before, or the
    # next day (the report's date a time zone behind: see test_the_day_after_publication_only_on_weekdays)
    for day, value in [("Tuesday", "2024-03-12"), ("Wednesday", "2024-03-13"), ("Monday", "2024-03-11"),
                       ("Friday", "2024-03-08"), ("Thursday", "2024-03-14")]:
        assert resolved(f"The court sentenced the editor to four years on {day}.", "2024-03-13") == [(value, "day")]


def test_the_day_before_opening_a_sentence_counts_from_the_day_just_told():
    # published on Monday 2024-02-26: "the day before" is the eve of the day the sentence before named
    text = ("On February 22, soldiers detained nine traders at the border post. "
            "The day before, militiamen had looted the market in the same town.")
    doc = default_pipeline().run(Article(text=text, published="2024-02-26"))
    day_before = next(d for d in doc.dates if d.text == "The day before")
    assert day_before.value == "2024-02-21"
    # a day that dates a telling is no anchor: the report's eve stands
    told = ("Soldiers detained nine traders at the border post, the army said on February 22. "
            "The day before, militiamen had looted the market in the same town.")
    doc = default_pipeline().run(Article(text=told, published="2024-02-26"))
    assert next(d for d in doc.dates if d.text == "The day before").value == "2024-02-25"


def test_the_next_morning_counts_from_the_day_just_told():
    text = ("Police summoned the blogger on February 20. When he reported at the station the next morning, "
            "officers detained him.")
    doc = default_pipeline().run(Article(text=text, published="2024-02-26"))
    assert next(d for d in doc.dates if d.text == "the next morning").value == "2024-02-21"
    arrest = next(m for m in doc.mentions if m.type == "COERCE" and m.trigger == "detained")
    assert arrest.date is not None and arrest.date.value == "2024-02-21"
    # with no day named before it, the phrase dates nothing (not the day after publication)
    doc = default_pipeline().run(Article(text="The next day, officers detained the blogger.", published="2024-02-26"))
    assert not [d for d in doc.dates if d.text == "The next day"]


def test_a_part_of_a_dated_toll_takes_its_day():
    # 2024-03-18 is a Monday: the breakdown of Saturday's toll (no day of its own) is Saturday's, not Monday's
    text = ("At least 40 people were killed in air strikes and shelling on Saturday in the city of Homs. "
            "Twelve civilians died in shelling on the southern district, the monitor said.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-18"))
    part = next(m for m in doc.mentions if min(m.sentences) == 1 and m.killed == 12)
    assert part.date is not None and (part.date.value, part.date.basis) == ("2024-03-16", "text")


def test_a_larger_toll_after_a_dated_one_is_not_its_part():
    text = ("Three people were killed in shelling on Saturday in the city of Homs. "
            "Fifty people died in air strikes on the northern suburbs, the monitor said.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-18"))
    other = next(m for m in doc.mentions if min(m.sentences) == 1 and m.killed == 50)
    assert other.date is not None and other.date.basis == "published"


def test_a_day_in_a_relative_clause_dates_that_clause_not_the_act():
    # published Wednesday 2024-03-20: Friday is 2024-03-15 (the kidnapping), Tuesday 2024-03-19 (the release, told)
    text = "Gunmen have freed all 30 pupils who were kidnapped from a boarding school on Friday, officials said on Tuesday."
    doc = default_pipeline().run(Article(text=text, published="2024-03-20"))
    freed = next(m for m in doc.mentions if m.type == "CONCEDE")
    assert freed.date is not None and freed.date.value == "2024-03-19"


def test_who_breaks_a_toll_down_gave_it():
    text = ("At least 40 people were killed in air strikes and shelling on Saturday in the city of Homs. "
            "Twelve civilians died in shelling on the southern district, the Syrian Observatory for Human Rights said.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-18"))
    whole = next(m for m in doc.mentions if min(m.sentences) == 0)
    assert whole.claim.modality == "reported" and "Observatory" in (whole.claim.by or "")


@pytest.mark.parametrize("text,found", [
    ("The editor of the Sunday Herald was shot dead outside his home.", []),
    ("Police said the Sunday Mirror reporter had been released.", []),
    ("Protesters marched on Sunday. Leaders of the union joined them.", [("2024-03-10", "day")]),
    ("On Sunday leaders of the union joined the march.", [("2024-03-10", "day")]),
])
def test_a_weekday_opening_a_newspapers_name_is_no_date(text, found):
    assert resolved(text, "2024-03-15") == found


def test_a_further_incident_is_no_part_of_the_toll_before():
    text = ("At least 40 people were killed in air strikes on Saturday in the city of Homs. "
            "In another incident five people died in shelling on a school in Hama, the Syrian Observatory for Human Rights said.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-18"))
    whole = next(m for m in doc.mentions if min(m.sentences) == 0)
    assert whole.claim.modality == "asserted"


def test_a_sentence_opening_meanwhile_is_not_an_addition_to_the_account_before():
    # published Wednesday 2024-03-20: "on Tuesday" is 2024-03-19
    text = ("Warplanes bombed a crowded market in the river town on Tuesday, killing 12 people, medics said. "
            "Meanwhile rockets also hit a bakery in the capital, wounding three.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-20"))
    second = next(m for m in doc.mentions if m.sentences[0] == 1)
    assert second.date is not None and (second.date.value, second.date.basis) == ("2024-03-20", "published")


def test_a_sentence_opening_elsewhere_turns_to_other_news_of_no_day():
    # published Wednesday 2024-03-20: "on Tuesday" is the market's day; the sentence opening "Elsewhere"
    # tells an act at another place without a day of its own: the day's news (assumed), not Tuesday's
    text = ("Warplanes bombed a crowded market in the river town on Tuesday, killing 12 people, medics said. "
            "Elsewhere in the north, rockets hit a bakery in the capital, wounding three.")
    doc = default_pipeline().run(Article(text=text, published="2024-03-20"))
    second = next(m for m in doc.mentions if m.sentences[0] == 1)
    assert second.date is not None and (second.date.value, second.date.basis) == ("2024-03-20", "published")


def test_the_previous_evening_is_the_day_before_the_day_just_named():
    # 2024-03-10 is a Sunday: "the previous evening" is Saturday's, not the day before publication
    doc = default_pipeline().run(Article(
        text="On Sunday, the rights commission said a doctor had been abducted the previous evening after "
             "treating wounded protesters.", published="2024-03-12"))
    dates = [m.date.value for m in doc.mentions if m.type == "ASSAULT" and m.date is not None]
    assert dates == ["2024-03-09"]
    assert resolved("A doctor was abducted the preceding night.", "2024-03-12") == [("2024-03-11", "day")]
