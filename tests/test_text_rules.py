"""Stage-level rules on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.ingest.boilerplate import strip_boilerplate
from sitrep.ingest.metadata import find_dateline, outlet_from_text
from sitrep.model import Article
from sitrep.pipeline import default_pipeline
from sitrep.resolve.dates import find_dates
from sitrep.stages.casualties import parse_number


def run(text: str, published: str | None = "2024-03-14", title: str | None = None):
    return default_pipeline().run(Article(text=text, published=published, title=title))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Wed 05 Apr 2017 Strike hits town", "2017-04-05"),
        ("23 February 2015 The brigade announced", "2015-02-23"),
        ("Posted on April 4 2017 by a reporter", "2017-04-04"),
        ("24.08.2013 Syrian state media said", "2013-08-24"),
        ("15-09-2013 Militants attack", "2013-09-15"),
        ("Last updated at Apr 232017 An attack", "2017-04-23"),
        ("Statement of the League (NL), 14 July 2020,", "2020-07-14"),
        ("No date in this headline at all", None),
    ],
)
def test_datelines(text, expected):
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    "phrase,value,precision",
    [
        ("today", "2020-02-28", "day"),
        ("on Tuesday", "2020-02-25", "day"),
        ("on Friday", "2020-02-28", "day"),  # the article's own weekday is today
        ("yesterday", "2020-02-27", "day"),
        ("the day before", "2020-02-27", "day"),
        ("two days ago", "2020-02-26", "day"),
        ("the day before yesterday", "2020-02-26", "day"),
        ("on 5 March", "2019-03-05", "day"),  # a 5 March after publication is last year's
        ("on February 3", "2020-02-03", "day"),
        ("on October 9 of last year", "2019-10-09", "day"),
        ("on 14 July 2018", "2018-07-14", "day"),
        ("in January", "2020-01", "month"),
        ("in March 2016", "2016-03", "month"),
        ("in 2017", "2017", "year"),
    ],
)
def test_relative_dates(phrase, value, precision):
    found = find_dates(f"It happened {phrase}.", "2020-02-28")
    assert found and found[0].value == value and found[0].precision == precision


def test_year_range_is_historical():
    found = find_dates("In the wars of 1994-96 many died.", "2020-07-14")
    assert found[0].historical and found[0].precision == "year"


@pytest.mark.parametrize("word,count,approx", [
    ("12", (12), "exact"), ("twenty-five", 25, "exact"), ("dozens", None, "unknown"),
    ("several", None, "unknown"), ("1,200", 1200, "exact"),
])
def test_numbers(word, count, approx):
    assert parse_number(word) == (count, approx)


def test_casualties_total_and_parts():
    doc = run("At least 14 civilians, including four children, were killed and 23 others were injured "
              "in the strike on Tuesday, the monitor said.")
    m = doc.mentions[0]
    killed = [c for c in m.casualties if c.kind == "killed"]
    assert {(c.count, c.category, c.subset) for c in killed} == {(14, "civilians", False), (4, "children", True)}
    assert m.killed == 14  # the four children are part of the 14, not added to them
    assert m.total("injured") == 23
    assert killed[0].approx == "at_least"


def test_coordinated_figures():
    doc = run("US air strikes killed 50 militants and eight civilians near Raqqa on Monday.")
    cats = {(c.count, c.category) for c in doc.mentions[0].casualties}
    assert cats == {(50, "fighters"), (8, "civilians")}


def test_a_figure_keeps_its_own_giver_beside_the_reports_toll():
    """Two sources' figures in one report are two positions: each keeps who gives it."""
    doc = run("A bomb hit a bus convoy near Aleppo on Saturday killing at least 100 and wounding hundreds more. "
              "The Syrian Observatory for Human Rights counted 24 dead and dozens more wounded.")
    figures = {(c.kind, c.count, c.claim.source if c.claim else None) for c in doc.mentions[0].casualties}
    assert ("killed", 100, None) in figures  # the report's own voice
    # kept, not dropped as a restatement: another source's count of the same dead, beside the record's toll
    others = {(c.kind, c.count, c.claim.source if c.claim else None) for c in doc.mentions[0].other_tolls}
    assert others == {("killed", 24, "Syrian Observatory for Human Rights")} and doc.mentions[0].killed == 100
    assert ("injured", None, "Syrian Observatory for Human Rights") in figures  # "and dozens more": the same giver
    doc = run("The Observatory said 17 people were killed in the blast, while the health ministry put the toll at 15.")
    givers = {c.count: (c.claim.source or c.claim.by) for c in doc.mentions[0].casualties if c.claim}
    assert givers[17] == "Syrian Observatory for Human Rights" and givers[15] == "the health ministry"
    doc = run("Air strikes killed 12 people in Idlib on Monday.")
    assert all(c.claim is None for c in doc.mentions[0].casualties)  # no giver: the outlet's own figure


def test_another_sources_count_of_the_same_dead_is_not_a_further_toll():
    """The lead's toll is the record's; a second source's count of the same dead is its position."""
    doc = run("A truck bomb killed at least 30 people at a checkpoint near Azaz on Sunday. "
              "Local rescuers gave a toll of 30 dead, while the Syrian Observatory for Human Rights said 36 people were killed.")
    [m] = [m for m in doc.mentions if m.type == "ASSAULT"]
    assert m.killed == 30
    assert [(c.count, c.claim.source) for c in m.other_tolls if c.claim] == [(36, "Syrian Observatory for Human Rights")]
    # another source counting other victims adds to the toll: civilians beside the fighters
    doc = run("Air strikes killed 50 militants near the town of Saraqib on Sunday. "
              "The Syrian Observatory for Human Rights said eight civilians were killed in the raids.")
    [m] = [m for m in doc.mentions if m.type == "ASSAULT"]
    assert m.killed == 58 and not m.other_tolls


def test_roles_mode_place_claim_and_evidence():
    text = ("Regime warplanes bombed a market in the town of Ariha in Idlib province on Tuesday, "
            "killing nine civilians, according to the civil defence.")
    m = run(text).mentions[0]
    assert (m.type, m.mode) == ("ASSAULT", "aerial")
    assert m.acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    assert m.actor1.name == "Syrian Arab Army" and m.actor1.label == "Regime warplanes"
    assert m.location.name.startswith("Ari") and m.location.admin1 == "Idlib" and m.location.country == "SY"
    assert m.date.value == "2024-03-12"
    assert m.claim.modality == "reported" and m.claim.by == "the civil defence"
    for span in (m.evidence, m.actor1.evidence, m.location.evidence, m.date.evidence):
        assert text[span.start:span.end] == span.text


def test_a_group_claiming_its_attack_is_the_claim_over_a_report_of_its_toll():
    text = ("JNIM fighters bombed an army convoy near the town of Kidal on Monday. According to the army, two soldiers "
            "were wounded. According to local media, Jama'at Nusrat al-Islam wal-Muslimin – an alliance of jihadist "
            "groups active across the Sahel – has claimed responsibility for the attack.")
    (m,) = [r for r in run(text).mentions if r.type == "ASSAULT"]
    assert m.actor1 is not None and m.actor1.id == "JNIM"
    assert (m.claim.modality, m.claim.source) == ("claimed", m.actor1.name)


@pytest.mark.parametrize("text, by", [
    # the name of the source is closed by no comma (flattened text)
    ("According to the London-based Syrian Observatory for Human Rights there were four air strikes on the town of Saraqib.",
     "the London-based Syrian Observatory for Human Rights"),
    # the agency quotes someone: the one quoted is the source
    ("The state news agency quoted a police source as saying that two rockets hit a school in Homs.",
     "a police source"),
    # a headline run into the lead before the speaker
    ("Nine Dead in Weekend of Shelling on Villages Near Daraa Over the Last Two Days Local activists said that "
     "shells hit the village of Nawa on Sunday.", "Local activists"),
])
def test_sources_in_unpunctuated_and_quoting_sentences(text, by):
    doc = run(text)
    assert [(a.claim.by, a.claim.modality) for a in doc.attributions] == [(by, "reported")]


def test_passive_agent_and_victims():
    m = run("Three soldiers were killed by a roadside bomb planted by Islamic State militants near Palmyra.").mentions[0]
    assert m.mode == "explosives"
    assert m.actor1.name == "Islamic State (ISIS)"
    assert m.casualties[0].category == "military"


def test_denial_and_dispute():
    doc = run("The ministry said 30 rebels were killed in the raid. The claim has been denied by the rebels.")
    assert any(a.claim.modality in ("disputed", "denied") for a in doc.attributions)


def test_generic_label_refined_by_specific_group():
    text = ("Today, liberation forces attacked an army post near Saraqib. "
            "The Free Valley Brigade claimed responsibility for the attack.")
    m = [m for m in run(text).mentions if m.type == "ASSAULT"][0]
    assert m.actor1.label == "liberation forces"


def test_unknown_group_keeps_its_words():
    m = run("Fighters of the Desert Hawks Brigade ambushed a convoy near Deir ez-Zor, killing four soldiers.").mentions[0]
    assert m.actor1 is not None and m.actor1.name is None and "Desert Hawks Brigade" in m.actor1.label


def test_protest_and_agreement_types():
    doc = run("Hundreds of protesters blocked the M4 highway near Saraqib on Wednesday. "
              "Russia and Turkey agreed on Monday to resume joint patrols.")
    types = {m.type for m in doc.mentions}
    assert {"PROTEST", "AGREE"} <= types
    protest = next(m for m in doc.mentions if m.type == "PROTEST")
    assert protest.location.admin1 == "Idlib"


def test_weapon_without_act_is_no_event():
    doc = run("Two warships equipped with cruise missiles sailed past the coast.")
    assert not [m for m in doc.mentions if m.type == "ASSAULT"]


def test_dateline_in_capitals_is_not_actor_or_place():
    doc = run("AMMAN, March 12 (Meridian) - At least five people were killed in shelling on Homs.",
              published="2024-03-12")
    m = doc.mentions[0]
    assert m.actor1 is None or m.actor1.country != "JO"
    assert m.location.name == "Homs"


def test_boilerplate_keeps_long_paragraph_and_drops_sentence():
    long = " ".join(["Shelling hit the northern districts again on Monday, residents said."] * 20)
    text = long + " Subscribe to our newsletter for daily updates. " + long
    clean, removed = strip_boilerplate(text)
    assert "newsletter" not in clean and clean.count("Shelling") == 40
    assert removed[0][0] == "newsletter"


def test_statement_voice_is_not_boilerplate():
    text = ("We call on the workers of the world to launch a campaign of solidarity.\n\n"
            "We reiterate our support for the struggle.")
    clean, removed = strip_boilerplate(text)
    assert removed == [] and clean == text


def test_news_paragraph_with_two_cue_words_is_not_an_appeal():
    news = ("The company - once state-owned and now one of the country's largest corporations - was fined "
            "$83,000. Its former chief executive was sentenced to four months in prison, along with the head "
            "of human resources.")
    appeal = "Our writers rely on funding from readers like you, not from corporations."
    clean, removed = strip_boilerplate(news + "\n\n" + appeal)
    assert clean == news and removed == [("appeal", appeal)]


def test_outlet_signature():
    assert outlet_from_text("Body.\n\nSecretariat of the NWL") == "NWL"
    assert outlet_from_text("x", ["Get the latest news from Harbour Voices."]) == "Harbour Voices"


def test_every_state_is_an_actor_and_speech_acts_have_their_speaker():
    m = run("Yemen has rejected a U.S. request to question the detainees, a security official said.").mentions[0]
    assert m.type == "REJECT" and m.actor1.name == "Government of Yemen" and m.actor1.country == "YE"
    m = run("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.").mentions[0]
    assert m.type == "AGREE" and m.actor1.country == "HU"


def test_unknown_speaker_is_reported_with_its_words():
    # no dictionary knows him: the person by his name, the title his kind, the words kept, no canonical id
    m = run("President Marlow has threatened further action against the rebels.").mentions[0]
    assert m.type == "THREATEN" and m.actor1.label == "President Marlow"
    assert (m.actor1.name, m.actor1.kind, m.actor1.id) == ("Marlow", "head of state", None)


def test_war_toll_is_background_not_an_event():
    doc = run("Syrias war has killed more than 320000 people since it began in 2011. "
              "Air strikes killed 12 civilians in Aleppo on Monday.", published="2016-06-30")
    current = [m for m in doc.mentions if m.type == "ASSAULT" and not m.historical]
    assert [m.killed for m in current] == [12]


def test_long_text_without_punctuation_is_cut_into_sentences():
    words = ("the army shelled the town of Ariha killing four civilians a monitor said and rebels "
             "fired rockets on Aleppo").split()
    text = " ".join(words[i % len(words)] for i in range(20000))
    doc = run(text, published="2016-01-01")
    assert max(s.end - s.start for s in doc.sentences) <= 600
    assert any(m.type == "ASSAULT" for m in doc.mentions)


def test_earlier_event_does_not_set_the_mode_and_each_figure_keeps_its_verb():
    m = run("Just days after a deadly chemical attack a woman was killed and 25 others on a bus were wounded "
            "in a town south of Homs when a bomb exploded.", published="2017-04-08").mentions[0]
    assert m.mode == "explosives"
    assert m.killed == 1 and m.total("injured") == 25


@pytest.mark.parametrize("text,expected", [
    ("14 August 2016 Civilian killed, 3 injured in attacks on Aleppo.", set()),
    ("03-07-2015 Five Civilians Killed in Rocket Attacks in Aleppo.", {5}),
    ("Published September 21 2016 Five medics were killed in an air strike on a clinic in Aleppo.", {5}),
    ("Last updated at Jul 152015 BEIRUT Thirteen civilians were killed in air raids on Aleppo.", {13}),
    ("In 2015 militants were killed in Aleppo by an air strike.", {None}),
])
def test_dates_are_not_figures(text, expected):
    doc = run(text, published=None)
    assert {c.casualty.count for c in doc.casualties if c.casualty.kind == "killed"} == expected


def test_lead_figure_stands_unless_it_was_only_a_word():
    doc = run("Air strikes killed 13 civilians in the village of Taduf on Wednesday, the monitor said. "
              "The strikes came after regime warplanes killed at least 57 civilians in the town over the weekend.")
    assert doc.mentions[0].casualties[0].count == 13
    doc = run("A gas attack killed dozens of civilians in a rebel-held town on Tuesday. "
              "The attack killed 58 civilians, the monitor said.")
    assert doc.mentions[0].casualties[0].count == 58


def test_photo_caption_run_into_the_story_is_removed():
    text = ("Last updated at Jul 152015 A fighter runs past ruined buildings in the city of Hasakeh on Monday "
            "(AFP photo) BEIRUT Thirteen civilians were killed in air raids on Aleppo province, a monitor said.")
    clean, removed = strip_boilerplate(text)
    assert "Hasakeh" not in clean and clean.startswith("Last updated at Jul 152015 BEIRUT Thirteen")
    assert removed == [("caption", "A fighter runs past ruined buildings in the city of Hasakeh on Monday (AFP photo)")]


def test_group_named_as_dead_in_a_headline_is_not_the_killer():
    doc = run("A Nusra Front commander was killed in an air strike in Latakia on Wednesday.", published=None)
    assert doc.mentions[0].actor1 is None and doc.mentions[0].actor2.id == "NUSRA"
    doc = run("Nusra Front militants killed 20 civilians in Latakia", published=None)
    assert doc.mentions[0].actor1.id == "NUSRA"


def test_statement_day_does_not_date_the_attack_and_its_author_is_no_attacker():
    doc = run("Turkey's foreign ministry on Wednesday condemned the air strike on a market in Ariha in which "
              "12 civilians were killed the day before.", published="2024-03-13",
              title="Turkey condemns deadly strike on Idlib market")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert m.date.value == "2024-03-12"
    assert m.actor1 is None or m.actor1.country != "TR"


def test_capital_standing_for_its_government_and_speaker_places_are_not_event_places():
    doc = run("Moscow defended its Damascus ally. George Sabra said in Turkey the attack had killed 1300 "
              "people in Syria.", published="2013-08-21")
    names = {p.place.name for p in doc.places}
    assert "Damascus" not in names and not any("abb" in n for n in names)
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert m.location is None or m.location.country == "SY"


@pytest.mark.parametrize("spelling,name", [("Kfar Zeita", "Kafr Zayt"), ("Efrin", "Afr"), ("Tel Abyad", "Tal")])
def test_transliteration_variants(spelling, name):
    from sitrep.resolve.gazetteer import gazetteer

    found = gazetteer().lookup(spelling)
    assert found and found[0].country == "SY" and name in found[0].name


def test_main_verb_decides_the_type_and_an_unknown_subject_is_kept():
    doc = run("The Parliament of Freedonia on Tuesday rejected a call for foreign peacekeepers to be deployed.")
    best = max(doc.mentions, key=lambda m: m.confidence)
    assert best.type == "REJECT"
    assert best.actor1 is not None and "Freedonia" in best.actor1.label
    doc = run("Village elders have demanded the withdrawal of the militia from the valley.")
    best = max(doc.mentions, key=lambda m: m.confidence)
    assert best.type == "REQUEST" and best.actor1.label == "Village elders"


@pytest.mark.parametrize("sentence,expected", [
    ("Freedonia will send food aid to the refugees next month, its foreign minister said.", "AGREE"),
    # an intent to withdraw or release is an AGREE-ment (CAMEO2PLOVER 035x), not yet the concession
    ("The defence minister said the army would withdraw its troops from the border town.", "AGREE"),
    ("The militia said it will release the twelve aid workers on Friday.", "AGREE"),
    ("The envoy said the government must release the detained journalists.", "REQUEST"),
    ("The union said it will withdraw its members from the talks unless the government raises wages.", "THREATEN"),
    ("Amnesty International accused the militia of torturing prisoners.", "ACCUSE"),
    # modes from the PLOVER manual's tables
    ("Hundreds of protesters blocked roads in the capital on Sunday.", "PROTEST"),
    ("Prisoners rioted on Monday at the jail, setting fire to mattresses.", "PROTEST"),
    ("Hackers defaced nearly 3,000 government web sites over the weekend.", "COERCE"),
    # PLOVER vocabulary: lawsuits, formal complaints, defiance, pressure, aid halted, truces
    ("A farmers' cooperative is suing the national oil company over a pipeline spill, its lawyer said.", "ACCUSE"),
    ("Ruritania lodged an official protest with Freedonia over the border incident.", "ACCUSE"),
    ("The foreign ministry summoned the Freedonian ambassador on Monday over the remarks.", "ACCUSE"),
    ("The opposition newspaper defied a ban by the interior ministry and went to print.", "REJECT"),
    ("The two delegations failed to reach an agreement on water sharing after a week of talks.", "REJECT"),
    ("Ruritania has halted economic aid to the junta, the finance ministry said.", "SANCTION"),
    ("The rebel movement declared a unilateral ceasefire in the north on Friday.", "RETREAT"),
    ("The army lifted the blockade of the port city on Thursday.", "RETREAT"),
    ("The governor lifted the night curfew in the provincial capital on Monday.", "CONCEDE"),
    ("The government cancelled restrictions on opposition newspapers.", "CONCEDE"),
    ("The mayor said he will extend the curfew in the old city by a week.", "THREATEN"),
    ("The minister said the rebels must hand over their heavy weapons by the end of the month.", "REQUEST"),
    ("The envoy said both sides must agree to a new constitution before elections are held.", "REQUEST"),
    ("Ruritania apologized to Freedonia for the incursion of its patrol boat.", "SUPPORT"),
    ("Soldiers remained on high alert along the frontier on Sunday.", "MOBILIZE"),
    ("The two militias agreed to a truce after three days of heavy fighting in the market district.", "AGREE"),
])
def test_non_violent_types_and_modality(sentence, expected):
    best = max(run(sentence).mentions, key=lambda m: m.confidence)
    assert best.type == expected
    assert best.actor1 is None or " said" not in (best.actor1.label or "")


@pytest.mark.parametrize("sentence", [
    "The prosecutor said the victims must have known their attackers.",  # inference, not a demand
    "The president said he will provide new information on the case next week.",  # words, not aid
])
def test_modal_words_that_are_no_act(sentence):
    assert all(m.type not in ("REQUEST", "AGREE", "AID") for m in run(sentence).mentions)


def test_agents_and_patients():
    # a passive subject is the patient; "brokered by" names a mediator, not the attacker
    m = next(m for m in run("Over 60 foreign fighters from Tunisia were killed in an airstrike near Mayadin on Friday.").mentions
             if m.type == "ASSAULT")
    assert m.actor1 is None or m.actor1.country != "TN"
    m = next(m for m in run("Fighter jets pounded rebel-held districts of Aleppo overnight, days after a truce "
                            "brokered by the US and Russia collapsed.").mentions if m.type == "ASSAULT")
    assert m.actor1 is None or m.actor1.country != "US"
    # in a battle, the side the dead fought is the killer
    m = next(m for m in run("More than 50 rebels were killed in fighting in Hasakeh province as ISIS overran a town "
                            "on the border, a monitor said.").mentions if m.type == "ASSAULT")
    assert m.actor1 is not None and m.actor1.id == "ISIS"


def test_capital_in_a_dateline_is_not_a_government():
    doc = run("Beirut London- Warplanes dropped toxic gas on the town of Khan Sheikhoun on Tuesday.")
    assert not any(a.actor.country == "GB" for a in doc.actors)


@pytest.mark.parametrize("text,expected", [
    ("The video shows the murder of two activists in Raqqa by the group.", {("killed", 2)}),
    ("Daesh kidnapped 900 Executed 18 People in Aleppo.", {("abducted", 900), ("killed", 18)}),
    ("8 Killed 25 Injured by Rocket Attacks on Aleppo City.", {("killed", 8), ("injured", 25)}),
])
def test_figure_forms(text, expected):
    doc = run(text, published=None)
    assert {(c.casualty.kind, c.casualty.count) for c in doc.casualties} == expected


def test_people_quarters_and_words_are_not_places_abroad():
    doc = run("U.N. Secretary-General Ban Ki-moon urged Syria to allow inspectors into Ghouta. Rockets hit the "
              "al-Zahraa neighbourhood of Aleppo and the town of Mansoura in rural Aleppo, the Irish envoy said "
              "during the holy month of Ramadan.", published="2016-06-10")
    countries = {p.place.country for p in doc.places if p.place.precision != "country"}
    assert countries <= {"SY"}, [(p.text, p.place.name, p.place.country) for p in doc.places]


def test_agency_credited_caption_goes_but_a_credited_lead_stays():
    text = ("Jet strikes hit the cities killing more than 40 people. A man carries a child at the scene of an air "
            "strike on the city of Idlib on September 10 2016. (AFP) At least 45 people were killed in Aleppo.")
    clean, removed = strip_boilerplate(text)
    assert "Idlib" not in clean and removed[0][0] == "caption"
    lead = "A missile killed at least 18 civilians on Tuesday in Aleppo, a monitoring group said. (reuters) More text."
    clean, _ = strip_boilerplate(lead)
    assert clean.startswith("A missile killed at least 18 civilians")


def test_a_place_in_another_clause_yields_to_the_events_own():
    doc = run("Air strikes killed ten civilians in Hasakah province on Saturday as Kurdish fighters advanced "
              "towards Raqqa, the monitor said.", published="2016-06-11")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert m.location.admin1 == "Al-Hasakah"


def test_trigger_lexicon_is_well_formed():
    from sitrep.resolve.datafiles import load_yaml

    entries = load_yaml("triggers.yaml")
    phrases = [p for e in entries for p in e["phrases"]]
    assert {"condemned", "inquiry into", "resigned", "mediation"} <= set(phrases)
    assert all(p == p.strip() and p for p in phrases)


def test_optional_spacy_pipeline_adds_unknown_organisations():
    from sitrep.pipeline import get_pipeline

    # "Trust" is no head the rules read as a body's name; spaCy's recogniser reads the name
    text = "The Karama Relief Trust condemned the air strike that killed nine civilians in Ariha on Tuesday."
    rules = get_pipeline("rules").run(Article(text=text, published="2024-03-14"))
    spacy_doc = get_pipeline("spacy").run(Article(text=text, published="2024-03-14"))
    assert get_pipeline("spacy").version.endswith("+spacy")
    assert not any("Karama" in a.text for a in rules.actors)
    # the condemnation is a reaction to the strike (an attribute of it), so the strike is the record;
    # the trust the dictionary lacks is still found as an actor with its words
    assert any(a.text == "Karama Relief Trust" and a.actor.id == "UNKNOWN_ORG" for a in spacy_doc.actors)
    assert [m.type for m in spacy_doc.mentions] == ["ASSAULT"]
    assert all(m.location.name == "Ariha" for m in spacy_doc.mentions if m.location)
    # a body named by its shape ("... Foundation") is found by the rules alone
    named = get_pipeline("rules").run(Article(text=text.replace("Trust", "Foundation"), published="2024-03-14"))
    assert any(a.text == "Karama Relief Foundation" and a.actor.kind == "NGO" for a in named.actors)
    with pytest.raises(ValueError):
        get_pipeline("bogus")


def test_subject_after_an_opening_phrase():
    doc = run("In an interview this weekend, President Abdelaziz Bouteflika said he is prepared to lift the ban.")
    best = max(doc.mentions, key=lambda m: m.confidence)
    assert best.actor1.label == "President Abdelaziz Bouteflika"
    assert not run("But he warned that the army would respond.").mentions


def test_claimant_words_without_adverbs():
    doc = run("Rebels said regime aircraft dropped gas on the town. The army again denied using chemical weapons.")
    assert ("The army", "denied") in {(a.claim.by, a.claim.modality) for a in doc.attributions}


def test_a_group_holding_a_town_is_not_the_speaker():
    doc = run("Many people choked, the monitor said citing doctors in the rebel-held town.")
    assert all(a.claim.source != "Syrian armed opposition" for a in doc.attributions)


def test_an_event_over_days_is_dated_by_its_first_day():
    doc = run("Monitors said that on Monday and Tuesday at least nine civilians died in shelling of Ariha.",
              published="2024-03-14")
    assert doc.mentions[0].date.value == "2024-03-11"
    doc = run("Monitors said that on Tuesday at least nine civilians died in shelling of Ariha.", published="2024-03-14")
    assert doc.mentions[0].date.value == "2024-03-12"


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Friday marked day 16 of crippling strikes over the pension plan.", "PROTEST"),
        ("Thousands of workers joined a general strike in the capital on Monday.", "PROTEST"),
        ("A US strike killed 12 fighters near Raqqa on Monday.", "ASSAULT"),
    ],
)
def test_labour_strike_is_a_protest(text, etype):
    assert [m.type for m in run(text).mentions] == [etype]


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Government troops advanced into the eastern districts of the town on Monday.", "ASSAULT"),
        ("Rebel units continued their advances in the western parts of the town on Monday.", "ASSAULT"),
        ("The militants have been mobilizing their fighters in the village since Monday.", "MOBILIZE"),
        ("On Friday, Canada announced it was pulling all but essential personnel from its embassy.", "RETREAT"),
    ],
)
def test_advances_mobilizing_and_pulling_out(text, etype):
    assert [m.type for m in run(text).mentions] == [etype]


@pytest.mark.parametrize(
    "text,etype",
    [
        # attacks named as what is stopped or scaled back: a de-escalation, not an attack
        ("The air force suspended its air strikes on the northern districts on Sunday, the defence ministry said.", "RETREAT"),
        ("Government forces sharply reduced their air raids on the besieged quarter this week.", "RETREAT"),
        ("The army paused its shelling of the old town on Monday to let civilians leave.", "RETREAT"),
        ("Russia announced a three-day humanitarian pause in the city on Friday.", "RETREAT"),
        # the attacks themselves, or an attack that halted an advance, stay attacks
        ("Government jets carried out air strikes on the northern districts on Sunday, killing nine people.", "ASSAULT"),
        ("The opposition suspended the talks after air strikes killed nine people in the northern districts.", "ASSAULT"),
    ],
)
def test_halting_attacks_is_a_de_escalation(text, etype):
    types = [m.type for m in run(text).mentions]
    assert etype in types
    if etype == "ASSAULT":
        assert "RETREAT" not in types


@pytest.mark.parametrize(
    "text,etype",
    [
        ("The journalists' union expressed its outrage at the press law the parliament passed on Monday.", "ACCUSE"),
        ("Police launched a manhunt for the gunmen who abducted the village chief on Sunday.", "MOBILIZE"),
        ("The envoy said he had received full assurances from the militia commanders that the convoy would pass.", "AGREE"),
        ("Lawyers for the detained editor are requesting his release on bail, the union said.", "REQUEST"),
    ],
)
def test_outrage_manhunts_assurances_and_requests(text, etype):
    assert etype in [m.type for m in run(text).mentions]


def test_a_denial_of_the_reports_is_the_incidents_attribute():
    text = ("Jets struck a market in Ariha on Monday, killing 12 civilians, activists said. "
            "The Russian defence ministry denied the reports on Tuesday.")
    [m] = run(text).mentions
    assert m.type == "ASSAULT" and [d.modality for d in m.denials] == ["denied"]
    text = ("Jets struck a market in Ariha on Monday, killing 12 civilians, activists said. "
            "His lawyers on Tuesday rejected the minister's accusations against him.")
    assert [m.type for m in run(text).mentions] == ["ASSAULT", "REJECT"]


def test_a_participle_naming_people_is_no_act():
    assert run("Efforts to reach the freed engineer proved abortive on Saturday.").mentions == []
    assert [m.type for m in run("The arrested activists were freed on Monday.").mentions] == ["CONCEDE"]


def test_a_further_incident_is_its_own_record():
    text = ("Regime airstrikes killed 12 civilians in Ariha on Monday, activists said. "
            "Activists said the strikes hit a market. "
            "Regime aircraft also bombed a medicine factory in the town of Sarmin.")
    records = [m for m in run(text).mentions if m.type == "ASSAULT"]
    assert len(records) == 2
    assert 2 not in records[0].sentences and records[1].sentences == [2]


def test_a_further_incident_takes_the_day_the_sentence_after_it_states():
    # published on a Thursday: Tuesday is 2024-03-12, Monday night 2024-03-11
    text = ("Shells containing toxic gas hit the old quarter of Dara on Tuesday, a health official said. "
            "Officials said militants had also shelled the town of Nawa with chlorine. "
            "A nurse in Nawa said she treated nine patients on Monday night.")
    records = [m for m in run(text).mentions if m.type == "ASSAULT" and not m.historical]
    further = next(m for m in records if 1 in m.sentences)
    assert further.date is not None and further.date.value == "2024-03-11"
    # no day after it: the day of the incident it adds to
    text = text.rsplit(". ", 1)[0] + ". The town's hospital was full."
    records = [m for m in run(text).mentions if m.type == "ASSAULT" and not m.historical]
    further = next(m for m in records if 1 in m.sentences)
    assert further.date is not None and further.date.value == "2024-03-12"


@pytest.mark.parametrize(
    "second",
    [
        "Two more civilians were killed in regime airstrikes on the town of Sarmin.",
        "Meanwhile a rocket hit a hospital in Sarmin, killing two, as doctors treated victims of the attack.",
        "Earlier today the source said that rebels fired rocket shells at Sarmin killing 2 people.",
    ],
)
def test_more_dead_elsewhere_or_a_turn_is_a_further_incident(second):
    text = "Regime airstrikes killed 12 civilians in the town of Ariha on Monday, activists said. " + second
    records = [m for m in run(text).mentions if m.type == "ASSAULT"]
    assert [r.sentences for r in records] == [[0], [1]]


def test_another_toll_of_the_named_offensive_is_the_same_incident():
    text = ("The army killed 33 militants near Ibtaa on Sunday, a military spokesman said. "
            "The spokesman added that another 15 militants were captured during the failed rebel group offensive.")
    assert len([m for m in run(text).mentions if m.type == "ASSAULT"]) == 1


def test_a_nights_attack_told_on_the_next_day_is_one_record():
    text = ("Regime jets bombed Ariha on April 7, a monitor said. "
            "The jets bombed Ariha on the night of April 6, killing five civilians.")
    [m] = run(text, published="2017-04-08").mentions
    assert m.date.value == "2017-04-07" and m.sentences == [0, 1]
    text = ("Regime jets bombed Ariha on April 7, killing five civilians. "
            "Regime jets bombed Ariha on April 5, killing two civilians.")
    assert len(run(text, published="2017-04-08").mentions) == 2


def test_the_blasts_any_attack_sets_off_are_that_attack():
    text = ("Rockets struck government-held districts of Homs on Thursday, killing 40 people.\n\n"
            "Residents said the blasts shook the district and destroyed three buildings in Homs.")
    assert len([m for m in run(text).mentions if m.type == "ASSAULT"]) == 1


def test_ground_captured_is_territory_not_an_abduction():
    [m] = run("ISIS captured several army positions near Hama on Monday and killed nine troops.").mentions
    assert m.mode != "abduct" and m.acled["sub_event_type"] != "Abduction/forced disappearance"
    [m] = run("Gunmen captured three aid workers near Hama on Monday.").mentions
    assert m.mode == "abduct"


@pytest.mark.parametrize("line", ["In this photo taken December 14, 2020, police arrested a man during a march in Abuja.",
                                  "READ: Police in Abuja arrested a man at a march and killed three, witnesses say",
                                  "In this June 2, 2021 photo, police arrested a man during a march in Abuja.",
                                  "More: Police in Abuja arrested a man at a march and killed three",
                                  "Related \u2013 Police in Abuja arrested a man at a march and killed three"])
def test_a_photo_caption_or_a_link_line_is_no_event(line):
    text = "Police arrested 14 protesters in Lagos on Thursday.\n\n" + line
    mentions = run(text).mentions
    assert mentions and all(m.sentences == [0] for m in mentions)


def test_a_claim_about_the_incident_is_not_a_further_incident():
    text = ("Rebels bombed a patrol near Ariha on Monday, killing two soldiers. "
            "The group also claimed that three more soldiers were injured in the bombing.")
    assert len([m for m in run(text).mentions if m.type == "ASSAULT"]) == 1


def test_passive_arrest_with_a_stated_patient_is_recorded():
    [m] = run("On Wednesday, a columnist for the paper was arrested under the security law.").mentions
    assert m.type == "COERCE" and m.actor1 is None and m.actor2.kind == "journalists"


def test_a_verb_after_its_subject_is_not_a_modifier():
    [m] = run("Police arrested rights activist Osman Kavala on Monday.").mentions
    assert m.actor1.name == "Police" and m.actor1.label == "Police"
    assert m.actor2.name == "Osman Kavala" and m.actor2.kind == "human rights defenders"
    [m] = run("The arrested activists were freed on Monday.").mentions
    assert m.actor2.label == "The arrested activists"


def test_an_arrest_with_no_agent_is_the_states_authorities_inferred():
    # no police named in the story: the state's authorities, not its police (test_stage_defaults has both)
    [m] = run("NAIROBI - Three journalists were arrested in Nairobi, Kenya on Wednesday.").mentions
    assert m.type == "COERCE" and m.actor1.kind == "government" and m.actor1.country == "KE"
    assert m.actor1.basis == "inferred" and m.actor1.label is None
    [m] = run("A Kenyan court sentenced two journalists to three years in Nairobi on Wednesday.").mentions
    assert m.actor1.basis == "text"


def test_a_weekday_after_the_publication_day_is_the_next_day():
    [m] = run("Hong Kong police on Thursday arrested five trade union members.", published="2021-07-21").mentions
    assert m.date.value == "2021-07-22"
    [m] = run("Police last Thursday arrested five trade union members.", published="2021-07-21").mentions
    assert m.date.value == "2021-07-15"


def test_the_opening_dateline_dates_the_report_not_the_act():
    doc = run("03-08-2016 Chemical attack kills five in Aleppo. At least five people were killed in a chemical "
              "attack on Tuesday in Aleppo, state media said.", published=None)
    attack = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert attack.date.value == "2016-08-02" and attack.date.basis == "text"


def test_people_named_by_what_they_are_are_tried_not_trying():
    [m] = run("Chinese journalist Zhang Jialong went on trial Wednesday in Beijing for using Twitter.").mentions
    assert m.type == "COERCE" and m.actor2.name == "Zhang Jialong" and m.actor2.kind == "journalists"
    assert m.actor1.country == "CN" and m.actor1.kind == "government" and m.actor1.basis == "inferred"


@pytest.mark.parametrize(
    "text,modality,by",
    [
        ("Police arrested two students in Tehran on Monday, without citing any evidence.", "asserted", None),
        ("Later two more people were reported killed in a rocket attack on Aleppo.", "reported", None),
        ("Gunmen killed 12 people in Kabul on Monday, and the group has not claimed it.", "asserted", None),
        ("The Observatory said 12 civilians were killed in air strikes on Ariha.", "reported", "The Observatory"),
    ],
)
def test_who_says_so_is_a_speaker_not_a_fragment(text, modality, by):
    m = next(x for x in run(text).mentions if x.type in ("ASSAULT", "COERCE"))
    assert (m.claim.modality, m.claim.by) == (modality, by)


@pytest.mark.parametrize(
    "text,figures",
    [
        ("The military destroyed over 60 terrorists near Palmyra on Monday.", [("killed", 60)]),
        ("The army destroyed 12 vehicles near Palmyra on Monday.", []),
        ("On Monday a worker was murdered in Manila.", [("killed", 1)]),
        ("Gunmen abducted 27 students during an attack that left one student shot to death.",
         [("abducted", 27), ("killed", 1)]),
    ],
)
def test_killings_told_in_other_words(text, figures):
    [m] = run(text).mentions
    assert [(c.kind, c.count) for c in m.casualties] == figures


def test_generic_terrorists_are_the_one_group_the_sentence_names():
    [m] = run("The Syrian army killed 33 terrorists from Jabhat Fateh al-Sham in an ambush near Ibtaa in Daraa "
              "on Sunday.").mentions
    assert m.actor2.name != "Syrian armed opposition" and "Fateh" in m.actor2.name
    # two groups named: the text does not say which one the generic word means
    [m] = run("The Syrian army killed 33 terrorists near Ibtaa in Daraa on Sunday, in clashes that also involved "
              "ISIS and Jabhat Fateh al-Sham.").mentions
    assert m.actor2.name == "Syrian armed opposition"


def test_a_protest_and_its_policing_in_one_sentence_are_two_events():
    doc = run("Police in Lagos on Thursday arrested 14 protesters who marched against the rise in fuel prices.")
    assert sorted(m.type for m in doc.mentions) == ["COERCE", "PROTEST"]


def test_a_running_total_is_not_an_event():
    doc = run("Cross-border fire from Syria has claimed 21 lives in the border town of Kilis this year.")
    assert all(m.historical for m in doc.mentions)


@pytest.mark.parametrize("text,outlet,etype,modality", [
    # a police body telling its own arrest claims it (PROTOCOL: the acting party or an organ of it)
    ("Lagos police said on Monday that they had arrested three men in Ikeja.", None, "COERCE", "claimed"),
    # an act that is itself speech is the outlet's fact, not the speaker's claim
    ("The foreign ministry on Friday rejected comments by the British prime minister on the trial.",
     None, "REJECT", "asserted"),
    # a court refusing bail is not denying a report
    ("On Thursday a court in Hong Kong denied bail to four editors held on sedition charges.", None, "COERCE", "asserted"),
    # the outlet naming itself is its own voice
    ("Government forces killed 12 fighters near Jobar on Sunday, Al-Alam News Network reports.",
     "alalam", "ASSAULT", "asserted"),
    # the trailing source of a state act, named by what it is
    ("Police arrested three men in Ikeja on Monday, a police spokesman said.", None, "COERCE", "claimed"),
])
def test_claim_modality_follows_who_speaks(text, outlet, etype, modality):
    doc = default_pipeline().run(Article(text=text, published="2024-03-14", outlet=outlet))
    m = next(m for m in doc.mentions if m.type == etype)
    assert m.claim.modality == modality


@pytest.mark.parametrize("text,etype,modality", [
    # the hedge between a speaker and the verb: that he spoke is told by unnamed others
    ("The envoy reportedly told the Iranian foreign minister in a call on Saturday that the talks must resume.",
     "REQUEST", "reported"),
    # the hedge names the charge, not the telling of the arrest
    ("Police in Kano have arrested a 30-year-old man for allegedly kidnapping a trader in the city.", "COERCE", "asserted"),
    # a hedge inside a relative clause qualifies that clause's act
    ("The union on Monday demanded a ban on hiring abroad after the death of a maid who was allegedly beaten "
     "by her employer.", "REQUEST", "asserted"),
])
def test_a_hedge_holds_for_the_act_it_qualifies(text, etype, modality):
    m = next(m for m in run(text).mentions if m.type == etype)
    assert m.claim.modality == modality


def test_a_named_speaker_with_an_apposition_speaks_and_the_clause_after_is_what_is_said():
    doc = run("Jane Doe, senior advisor to the UN humanitarian coordinator for Yemen, confirmed that five aid "
              "workers were kidnapped in Abyan Province.", published="2024-03-15")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert (m.claim.modality, m.claim.by) == ("reported", "Jane Doe")
    assert m.location is not None and m.location.name == "Abyan"
    # "..., confirmed that five ... were kidnapped in Abyan": a clause, not a speaker after the verb
    doc = run("The agency's regional director, speaking by phone, confirmed that five aid workers were kidnapped "
              "in Abyan Province.", published="2024-03-15")
    assert not any(a.claim.by and a.claim.by.startswith("that") for a in doc.attributions)
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert m.location is not None and m.location.name == "Abyan"


@pytest.mark.parametrize("text,sub_event", [
    # a battle fought with air power and artillery is the battle (PROTOCOL: one battle = armed clash)
    ("Fighting raged overnight with air strikes and artillery fire along the southern front, a correspondent said.",
     "Armed clash"),
    ("Clashes went on into Sunday with heavy shelling of the eastern districts of the town.", "Armed clash"),
    # "the coalition fighting the Islamic State": who the striker is, not a battle
    ("Air strikes by the coalition fighting the Islamic State killed 12 civilians near Raqqa on Monday.",
     "Air/drone strike"),
    ("Air strikes hit a market in Ariha on Friday, killing 12 civilians.", "Air/drone strike"),
])
def test_a_battle_with_its_weapons_is_an_armed_clash(text, sub_event):
    m = next(m for m in run(text).mentions if m.type == "ASSAULT")
    assert m.acled["sub_event_type"] == sub_event


@pytest.mark.parametrize("later,modality", [
    # an unnamed eyewitness adding a detail to an incident the outlet told as fact
    ("Witnesses said the blast took place near a fuel depot and destroyed several cars.", "asserted"),
    ("Local sources told the agency that the blast took place near a fuel depot and destroyed several cars.", "asserted"),
    # a named monitor telling it makes the incident its report
    ("The Observatory said the blast took place near a fuel depot and destroyed several cars.", "reported"),
])
def test_a_local_voice_on_a_detail_leaves_the_incident_asserted(later, modality):
    doc = run("A car bomb killed nine people at a checkpoint near Azaz on Monday. " + later)
    [m] = [m for m in doc.mentions if m.type == "ASSAULT"]
    assert m.sentences == [0, 1] and m.claim.modality == modality


@pytest.mark.parametrize("text,modality", [
    # the speaker tells an act as its own: "it had executed"
    ("Iran said on Saturday it had executed four men convicted of spying for a foreign power.", "claimed"),
    # "they had been killed": what happened to others, told by the monitor
    ("The Observatory said on Saturday they had been killed in air strikes on Ariha.", "reported"),
])
def test_a_speaker_telling_its_own_act_claims_it(text, modality):
    m = next(m for m in run(text).mentions if m.type == "ASSAULT")
    assert m.claim.modality == modality


def test_an_attack_claimed_by_a_group_is_its_claim():
    doc = run("A car bomb claimed by the Islamic State group killed at least 20 people in Qamishli on Tuesday, "
              "Kurdish officials said.")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert m.claim.modality == "claimed" and m.claim.source == m.actor1.name


def test_a_participle_is_not_a_speaker():
    doc = run("Staff have demanded that the university stop teaching a police force accused of torture.")
    assert not any(a.claim.by and "police" in a.claim.by for a in doc.attributions)


def test_the_previous_day_counts_back_from_the_day_the_sentence_names():
    doc = run("A monitoring group on Tuesday raised the toll from air strikes on a market in Atareb the previous day to 61.",
              published="2017-11-13")
    assert any(d.text == "the previous day" and d.value == "2017-11-13" for d in doc.dates)  # Tuesday 14th - 1


def test_an_event_over_days_is_dated_by_its_start():
    doc = run("Clashes between the army and rebels erupted on Saturday night near Tabqa and continued until Sunday morning.",
              published="2017-04-10")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert m.date.value == "2017-04-08"


def test_a_following_sentence_dates_the_incident():
    doc = run("Syrian forces killed 35 militants in an ambush in Eastern Ghouta. "
              "The operation was carried out on Sunday night as the militants tried to enter Jobar.", published="2015-07-07")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert (m.date.value, m.date.basis) == ("2015-07-05", "text")


def test_a_demand_in_a_modal_is_a_request_whatever_adverb_stands_between():
    doc = run("Moroccan authorities should unconditionally release a journalist jailed over a tweet, Human Rights Watch said today.")
    assert "REQUEST" in {m.type for m in doc.mentions}


def test_as_recently_as_a_year_is_that_year():
    doc = run("As recently as 2014, the authorities executed a man convicted of helping the group.", published="2020-06-06")
    assert any(d.value == "2014" and d.historical for d in doc.dates)


def test_who_condemns_an_arrest_did_not_make_it():
    doc = run("Amnesty International on Thursday condemned the arrest of three journalists in Minsk.")
    # the sentence tells the condemnation (an accusation by Amnesty); an arrest, if recorded, is not Amnesty's
    assert any(m.type == "ACCUSE" and m.actor1 is not None and m.actor1.name == "Amnesty International" for m in doc.mentions)
    assert all(m.actor1 is None or m.actor1.name != "Amnesty International" for m in doc.mentions if m.type == "COERCE")


def test_two_acts_joined_by_and_are_two_events():
    doc = run("Amnesty International accused the Iranian authorities of playing cruel games with the prisoner, "
              "and called on the British government to secure her release.")
    assert {"ACCUSE", "REQUEST"} <= {m.type for m in doc.mentions}


def test_a_charge_joined_to_an_arrest_is_its_attribute():
    # the accusation that comes with the arrest is the coercion's attribute, not a second event
    doc = run("The journalist, who was detained by masked police officers in Harare on Tuesday and later accused "
              "of inciting violence, is being held without access to a lawyer.")
    assert "COERCE" in {m.type for m in doc.mentions} and "ACCUSE" not in {m.type for m in doc.mentions}


def test_an_order_to_appear_for_questioning_is_a_summons():
    doc = run("The intelligence service has ordered a well-known columnist to appear for questioning over an article.")
    assert [m.type for m in doc.mentions] == ["COERCE"]
    assert doc.mentions[0].actor1 is not None and "intelligence" in doc.mentions[0].actor1.label.lower()
    # asking is no binding order: the request stands
    doc = run("The opposition party asked its members to appear for questioning at the party office.")
    assert "COERCE" not in {m.type for m in doc.mentions}


def test_a_participle_after_a_noun_says_who_the_person_is():
    doc = run("On Monday, the family of a teacher jailed for ten years in 2019 said she had gone on hunger strike "
              "in protest at her treatment.")
    assert [m.type for m in doc.mentions] == ["PROTEST"]
    # the protest and its policing, each told by its own verb, stay two events
    doc = run("Police arrested 14 students who marched through the capital on Monday.")
    assert {"COERCE", "PROTEST"} <= {m.type for m in doc.mentions}


def test_an_announced_release_is_the_act_and_its_people_s_time_span_is_not_its_own():
    doc = run("The public prosecutor on Sunday announced the release of 40 students arrested since the start of "
              "the protests.")
    assert [(m.type, m.historical) for m in doc.mentions] == [("CONCEDE", False)]
    # the span of time in the act's own clause still makes a total; a five-figure toll stays a war's total
    doc = run("Police have arrested 300 people since the start of the protests.")
    assert all(m.historical for m in doc.mentions)
    doc = run("An estimated 30,000 people were killed in the siege which followed the uprising, rights groups say.")
    assert all(m.historical for m in doc.mentions if m.type == "ASSAULT")
    # a release that is only talked about is no act
    doc = run("The release of the aid worker was being negotiated by tribal elders.")
    assert "CONCEDE" not in {m.type for m in doc.mentions}


def test_blame_with_nothing_of_what_for_after_an_attack_is_its_attribute():
    text = ("Air strikes hit a crowded bus station in the town of Maarat on Sunday, killing 14 people, rescuers said. "
            "The main opposition bloc accused Moscow, the government's closest ally.")
    assert "ACCUSE" not in {m.type for m in run(text).mentions}
    # an accusation that says what for is an act of its own; with no incident before, a bare one stands too
    text2 = text.replace("accused Moscow, the government's closest ally.", "accused Moscow of lying to the Security Council.")
    assert "ACCUSE" in {m.type for m in run(text2).mentions}
    assert "ACCUSE" in {m.type for m in run("The main opposition bloc accused Moscow, the government's closest ally.").mentions}


def test_a_while_clause_with_its_own_subject_is_a_second_act():
    doc = run("The army sent reinforcements to the northern border on Monday, while the prime minister held talks "
              "with the opposition leader.")
    assert {"MOBILIZE", "CONSULT"} <= {m.type for m in doc.mentions}
    doc = run("Iran moved warships into the Gulf on Sunday, whereas Qatar's emir telephoned the Saudi king.")
    assert {"MOBILIZE", "CONSULT"} <= {m.type for m in doc.mentions}
    # "while visiting": no subject of its own, the same actor's circumstance, not a second act
    doc = run("The foreign minister met with his Qatari counterpart while visiting Doha on Monday.")
    assert [m.type for m in doc.mentions].count("CONSULT") <= 1


def test_who_called_a_meeting_holds_it():
    doc = run("An emergency meeting called by France was held in New York.")
    consult = [m for m in doc.mentions if m.type == "CONSULT"]
    assert consult and consult[0].actor1 is not None and consult[0].actor1.country == "FR"


def test_a_background_cue_in_a_conceded_clause_does_not_make_the_act_history():
    doc = run("The ministers held talks with the Iraqi delegation in Ankara, despite several members having "
              "previously voiced doubts over the plan.")
    assert any(m.type == "CONSULT" and not m.historical for m in doc.mentions)
    doc = run("The ministers had previously held talks with the Iraqi delegation in Ankara.")
    assert all(m.historical for m in doc.mentions if m.type == "CONSULT")


def test_an_act_noun_naming_a_kind_of_thing_is_no_act():
    doc = run("The labour minister said the deployment ban on domestic workers bound for the Gulf stays in place.")
    assert not any(m.type == "MOBILIZE" for m in doc.mentions)
    doc = run("The army announced the deployment of troops to the border on Monday.")
    assert any(m.type == "MOBILIZE" for m in doc.mentions)
    doc = run("The two leaders held peace talks in Geneva on Monday.")
    assert any(m.type == "CONSULT" for m in doc.mentions)


def test_one_toll_told_with_two_words_for_the_weapon_is_one_attack():
    doc = run("A chemical attack killed five people in Aleppo on Tuesday. Residents said the shells that hit the "
              "district released a yellow gas. The health director said five people died and eight others had "
              "breathing problems after the shelling of the district in Aleppo on Tuesday.")
    assaults = [m for m in doc.mentions if m.type == "ASSAULT" and not m.historical]
    assert len(assaults) == 1


def test_the_crime_a_person_is_charged_with_is_history_unless_dated_as_news():
    doc = run("Police on Tuesday detained a former guard accused of taking part in the killing of 30 prisoners "
              "during the war in the 1990s.", published="2021-05-12")
    killing = [m for m in doc.mentions if m.type == "ASSAULT"]
    assert killing and all(m.historical for m in killing)
    assert any(m.type == "COERCE" and not m.historical for m in doc.mentions)
    doc = run("Two men have been charged with kidnapping a shopkeeper in the town on Sunday evening.",
              published="2021-05-12")
    assert not any(m.type == "ASSAULT" and m.historical for m in doc.mentions)


def test_the_same_day_is_the_act_day_named_before_not_the_day_of_its_telling():
    doc = run("Police arrested a student in Tehran on April 10, 2020, his sister told reporters on May 29. "
              "His friend, also 20, was arrested the same day, the family said.", published="2020-06-06")
    same = next(d for d in doc.dates if d.text == "the same day")
    assert same.value == "2020-04-10"
    arrests = [m for m in doc.mentions if m.type == "COERCE"]
    assert len(arrests) == 1 and arrests[0].sentences == [0, 1]  # "also 20" is an age, not a further arrest


def test_an_act_told_on_a_day_joins_its_own_earlier_day_and_takes_it():
    doc = run("Yemeni authorities said on Monday that four aid workers were kidnapped by gunmen in Hadramout. "
              "\"Gunmen kidnapped four foreign employees of the charity on March 5 in Hadramout,\" an official told reporters.",
              published="2022-03-08")
    kidnaps = [m for m in doc.mentions if m.type == "ASSAULT"]
    assert len(kidnaps) == 1 and kidnaps[0].date.value == "2022-03-05"


def test_a_wire_dateline_dates_the_report_not_the_act():
    doc = run("ADEN, Yemen, March 7 (Xinhua) -- Gunmen kidnapped four aid workers in Hadramout, officials said.",
              published="2022-03-08")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert m.date.basis == "published"


def test_in_cooperation_with_tells_how_an_act_was_done_not_an_act():
    doc = run("Army units in cooperation with local militias surrounded the fighters and killed 12 of them near Hama on Monday.")
    assert {m.type for m in doc.mentions} == {"ASSAULT"}


def test_people_named_by_what_was_done_to_them_before_are_not_that_act_again():
    doc = run("Two of 17 abducted members of the aid group have been freed in the capital, the group said on Sunday.")
    assert [m.type for m in doc.mentions] == ["CONCEDE"]


def test_reporters_covering_the_protest_and_also_arrested_belong_to_one_arrest():
    doc = run("Police in Lagos on Thursday arrested 14 protesters who marched against fuel prices. "
              "Four journalists, who were covering the protest, were also arrested and taken to a police station.")
    assert [m.type for m in doc.mentions if m.type in ("PROTEST", "COERCE")].count("COERCE") == 1
    assert sum(m.type == "PROTEST" for m in doc.mentions) == 1


@pytest.mark.parametrize("text", [
    "So far, eight former employees have been arrested.",
    "More than 35,000 people have been detained, and thousands have been beaten.",
])
def test_running_totals_are_not_events(text):
    doc = run(text)
    assert all(m.historical for m in doc.mentions)


@pytest.mark.parametrize("text", [
    "The national body for the prevention of torture said its doctors visited the prisoner on Wednesday.",
    "The union said it was shocked by the emerging pattern of abductions of activists.",
    "Two activists remained on trial before a special court for their posts.",
])
def test_a_practice_or_a_state_that_goes_on_is_no_violent_event(text):
    doc = run(text)
    assert not [m for m in doc.mentions if m.type in ("ASSAULT", "COERCE") and not m.historical]


def test_a_source_named_far_from_the_telling_speaks_to_a_detail_not_the_incident():
    filler = " ".join(f"The union has {n} members in the city." for n in ("ten", "twelve", "fifteen", "twenty", "thirty"))
    doc = run("Police on Thursday arrested five union members in the city. " + filler +
              " The five who were arrested are members of the speech therapists' union, according to local media.")
    m = next(m for m in doc.mentions if m.type == "COERCE")
    assert m.claim.modality == "asserted"
    doc = run("Police on Thursday arrested five union members in the city. "
              "The five were arrested at their homes, according to local media.")
    m = next(m for m in doc.mentions if m.type == "COERCE")
    assert m.claim.modality == "reported"


def test_an_attack_told_again_past_a_detail_of_another_kind_joins_the_first_telling():
    doc = run("Gunmen kidnapped four aid workers in Hadramout on Saturday, officials said on Monday. "
              "The gunmen set up an ambush on the road to Marib, a source said. "
              "The four kidnapped were identified as two doctors and two nurses. "
              "Last month, five UN staff members were kidnapped in Abyan.", published="2022-03-08")
    kidnaps = [m for m in doc.mentions if m.type == "ASSAULT" and m.mode == "abduct"]
    assert [k.sentences for k in kidnaps] == [[0, 2], [3]]


def test_a_timeline_printed_twice_is_history_both_times():
    doc = run("Rebels shelled a market in Hama on Tuesday, killing four people. "
              "Timeline: August 21 2013 Washington accuses the regime of killing more than 1400 people with chemical weapons near Damascus. "
              "Washington accuses the regime of killing more than 1400 people with chemical weapons near Damascus.",
              published="2017-04-05")
    chemical = [m for m in doc.mentions if m.killed == 1400]
    assert chemical and all(m.historical for m in chemical)


def test_the_headline_names_the_kind_of_attack_the_lead_calls_an_explosion():
    doc = run("An explosion at a mosque in Ariha on Friday killed at least 25 fighters, a monitor said.",
              title="Suicide bomb attack on mosque kills 25 fighters")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert (m.mode, m.acled["sub_event_type"]) == ("suicide-attack", "Suicide bomb")


def test_explosive_rounds_are_shelling():
    doc = run("Militants fired explosive rounds at a residential neighbourhood of the city on Monday, injuring one person.")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert m.acled["sub_event_type"] == "Shelling/artillery/missile attack"


def test_another_spot_of_one_attack_is_not_another_incident():
    doc = run("At least 30 children were killed in the double bombing at a school in Homs today, the monitor said. "
              "\"He planted a bomb at one location at the school and then blew himself up at another spot nearby,\" the director said.")
    attacks = [m for m in doc.mentions if m.type == "ASSAULT" and not m.historical]
    assert len(attacks) == 1 and attacks[0].mode == "suicide-attack"


def test_an_act_named_with_its_own_past_year_is_history():
    doc = run("Investigators on Thursday questioned soldiers over the 2014 abduction of 43 students.", published="2020-07-09")
    abductions = [m for m in doc.mentions if m.type == "ASSAULT"]
    assert abductions and all(m.historical for m in abductions)


def test_an_attack_one_source_reports_and_another_denies_is_disputed():
    doc = run("Air strikes killed 23 people in Idlib on Tuesday, the Observatory said. "
              "The Russian defence ministry denied the reports.")
    m = next(m for m in doc.mentions if m.type == "ASSAULT")
    assert m.denials and m.claim.modality == "disputed"
    doc = run("Air strikes killed 23 people in Idlib on Tuesday, the Observatory said.")
    assert next(m for m in doc.mentions if m.type == "ASSAULT").claim.modality == "reported"


@pytest.mark.parametrize("text", [
    "The minister has backed off criticizing the neighbouring state.",
    "Officials hit out at the report on Monday.",
    "Food prices shot up in March.",
])
def test_idioms_holding_a_trigger_word_are_no_event(text):
    assert run(text).mentions == []


def test_an_arrest_named_again_as_the_subject_of_what_it_shows_is_no_new_arrest():
    doc = run("Police in Lagos on Thursday arrested 14 activists who had gathered near the governor's office. "
              "The unjust arrest today again reveals the despotic character of the government.")
    assert sum(m.type == "COERCE" and not m.historical for m in doc.mentions) == 1


def test_a_second_attack_told_with_its_own_toll_stays_its_own():
    doc = run("Gunmen abducted a trader on a highway near Kaduna on Monday. "
              "The bombing of a market in Maiduguri killed nine people on Tuesday.")
    assert sum(m.type == "ASSAULT" and not m.historical for m in doc.mentions) == 2


@pytest.mark.parametrize("subject,kept", [
    ("Some lawmakers have", False), ("Many residents have", False), ("Others", False),
    ("The opposition party has", True), ("Several senators have", True),
])
def test_a_demand_by_an_unnamed_part_of_a_crowd_is_no_event(subject, kept):
    doc = run(f"{subject} called on the government to close the camps.")
    assert any(m.type == "REQUEST" for m in doc.mentions) is kept


@pytest.mark.parametrize("sentence,coercion", [
    ("Prosecutors issued an arrest warrant for the former minister on Monday.", False),
    ("He was held in a detention centre near the border on Monday.", True),
    ("Police arrested the former minister on Monday.", True),
])
def test_an_arrest_noun_naming_another_thing_is_no_arrest(sentence, coercion):
    assert any(m.type == "COERCE" for m in run(sentence).mentions) is coercion


@pytest.mark.parametrize("sentence,kept", [
    ("The Green Party has opposed the agreement from the very beginning.", False),
    ("The Green Party has rejected the agreement all along.", False),
    ("The Green Party has rejected the agreement.", True),
])
def test_a_standing_position_is_no_act_of_the_day(sentence, kept):
    assert any(m.type == "REJECT" for m in run(sentence).mentions) is kept


@pytest.mark.parametrize("sentence", [
    "More than 25000 civilians have reportedly been killed by the militias.",
    "The army has achieved major victories in its battle against the rebels over the past months.",
])
def test_a_running_total_or_a_campaign_over_months_is_history(sentence):
    assert all(m.historical for m in run(sentence).mentions if m.type == "ASSAULT")
    assert any(m.type == "ASSAULT" for m in run(sentence).mentions)


@pytest.mark.parametrize("sentence,probe", [
    ("The army said on Monday it had opened an investigation into whether its shelling of the village killed civilians.", False),
    ("The ministry said on Monday it had opened an investigation into the accounts of the charity.", True),
])
def test_a_probe_into_an_attack_is_no_event_of_its_own(sentence, probe):
    assert any(m.type == "ACCUSE" for m in run(sentence).mentions) is probe


@pytest.mark.parametrize("sentence,meeting", [
    ("Foreign Minister Ali Rahimi postponed a meeting with his Iraqi counterpart on Monday.", False),
    ("President Adams disconnected a phone call with the reporter on Monday.", False),
    ("Foreign Minister Ali Rahimi held a meeting with his Iraqi counterpart on Monday.", True),
])
def test_a_cancelled_meeting_is_no_meeting(sentence, meeting):
    assert any(m.type == "CONSULT" for m in run(sentence).mentions) is meeting


@pytest.mark.parametrize("sentence,demand", [
    ("Lawyers for the editor requested an adjournment of the trial on Tuesday.", False),
    ("The jailed monks have petitioned the Supreme Court over their detention.", False),
    ("The families appealed to the regional human rights tribunal on Monday.", False),
    ("Lawyers for the editor demanded his release on Tuesday.", True),
    ("The opposition appealed to the government on Monday to free the jailed monks.", True),
])
def test_a_step_of_a_court_case_is_no_demand(sentence, demand):
    assert any(m.type == "REQUEST" for m in run(sentence).mentions) is demand


@pytest.mark.parametrize("idiom", ["heart attack", "panic attack"])
def test_a_medical_attack_is_no_attack(idiom):
    assert [m for m in run(f"The activist suffered a {idiom} in his cell on Sunday.").mentions if m.type == "ASSAULT"] == []


def test_a_state_word_before_a_title_and_name_is_that_person():
    best = max(run("Israeli Prime Minister Anton Weiss rejected the offer of talks on Monday.").mentions,
               key=lambda m: m.confidence)
    assert best.type == "REJECT" and best.actor1 is not None
    assert best.actor1.label == "Israeli Prime Minister Anton Weiss" and best.actor1.country == "IL"


def test_an_act_that_has_also_been_reported_is_the_same_incident():
    doc = run("Militants executed 18 civilians in Aleppo on Friday, a monitor said. "
              "It has also been reported that the militants executed 18 civilians who had tried to flee.")
    executions = [m for m in doc.mentions if m.type == "ASSAULT" and not m.historical]
    assert len(executions) == 1


@pytest.mark.parametrize(
    "text,etype",
    [
        # a trial, a siege's cut supply lines, a trial put off, forces sent, a demand, an accord suspended
        ("The blogger is being tried by a state security court for his posts, his lawyer said on Tuesday.", "COERCE"),
        ("Army units severed the rebels' supply lines into the old city on Sunday, the army said.", "COERCE"),
        ("Militia fighters cut off the army's own main access road south of the city on Sunday.", "COERCE"),
        ("Bread ran out in the old city after the last supply route was cut off by army units on Sunday.", "COERCE"),
        ("The journalist's trial was postponed on Monday, her lawyer said.", "CONCEDE"),
        ("The rebel command dispatched fighters to the front line near the town on Monday.", "MOBILIZE"),
        ("The rebels sent reinforcement to the front near the town on Monday.", "MOBILIZE"),
        ("The UN envoy said on Monday: \"We urge both sides to return to the ceasefire.\"", "REQUEST"),
        ("The Interior Ministry on Monday suspended its security agreement with Turkey.", "SANCTION"),
    ],
)
def test_trials_cut_supplies_postponements_dispatches_and_suspended_accords(text, etype):
    assert etype in [m.type for m in run(text).mentions]


@pytest.mark.parametrize(
    "text",
    [
        "The two men tried to cross the border on Monday.",  # an attempt, not a trial
        "In a campaign driven by the urge to punish them, reporters were watched.",  # a wish, not a demand
    ],
)
def test_attempts_and_urges_are_no_legal_act_or_demand(text):
    types = [m.type for m in run(text).mentions]
    assert "COERCE" not in types and "REQUEST" not in types


def test_a_meeting_about_an_attack_is_its_own_event_but_a_condemnation_is_not():
    types = [m.type for m in run("Erdogan and Putin discussed the gas attack on Khan Sheikhoun by telephone on Wednesday.").mentions]
    assert sorted(types) == ["ASSAULT", "CONSULT"]
    types = [m.type for m in run("The minister condemned the chemical attack on the town on Wednesday.").mentions]
    assert types == ["ASSAULT"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("On Wednesday the public prosecutor said it would prosecute 12 officials for fraud.", True),
        ("The prosecutor said on Wednesday it could prosecute the officials if new evidence emerged.", False),
        ("The judge asked on Wednesday whether the office would prosecute the officers.", False),
    ],
)
def test_a_prosecution_announced_is_the_legal_act(text, expected):
    assert ("COERCE" in [m.type for m in run(text).mentions]) is expected


@pytest.mark.parametrize(
    "text,etype",
    [
        ("The newspaper closed on Thursday after authorities froze the company's funds.", "COERCE"),
        ("Police said on Monday they also froze 160,000 dollars in assets linked to the group.", "COERCE"),
        ("The United States froze the assets of the central bank on Monday.", "SANCTION"),
    ],
)
def test_assets_frozen_by_law_enforcers_are_coercion_by_a_state_a_sanction(text, etype):
    assert [m.type for m in run(text).mentions] == [etype]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("On Monday Russia decided to suspend its memorandum of understanding on flight safety with Turkey.", ["SANCTION"]),
        ("On Monday the government decided not to suspend its agreement with Turkey.", []),
    ],
)
def test_a_decision_taken_is_the_act(text, expected):
    assert [m.type for m in run(text).mentions] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # protests named in a clause describing a place or a thing: a setting, not a protest told
        ("The detained boys come from the southern province, where most of the protests are taking place.", []),
        ("The ruling ends a long saga that has spurred protests across the country.", []),
        # a protest told in a relative clause in the past is one
        ("The town, where hundreds of protesters gathered on Friday, was quiet on Monday.", ["PROTEST"]),
    ],
)
def test_protests_in_a_clause_describing_a_setting_are_no_event(text, expected):
    assert [m.type for m in run(text).mentions if m.type == "PROTEST"] == expected


def test_an_attack_that_names_the_place_of_the_act_is_not_its_kind():
    text = ("Warplanes carried out air strikes around the town, the site of a deadly chemical attack in the spring, "
            "killing nine civilians on Sunday, a monitor said.")
    m = next(m for m in run(text).mentions if m.type == "ASSAULT")
    assert (m.mode, m.acled["sub_event_type"]) == ("aerial", "Air/drone strike")


def test_a_speaker_with_an_abbreviated_title_is_one_speaker():
    doc = run("Police raided a church shelter in the city on Monday, and the regional police director Gen. Ramon "
              "Castillo said the officers arrested six men there.")
    said = [a.claim for a in doc.attributions]
    assert [c.by for c in said] == ["the regional police director Gen. Ramon Castillo"]
    arrest = next(m for m in doc.mentions if m.type == "COERCE")
    assert arrest.claim.modality == "claimed"  # the police tell their own arrest


def test_fighters_captured_in_the_fight_that_killed_their_comrades_are_a_battle():
    m = next(m for m in run("The army killed 33 Nusra Front militants and captured 10 others in clashes near the town "
                            "on Sunday.").mentions if m.type == "ASSAULT")
    assert m.acled["sub_event_type"] == "Armed clash"
    m = next(m for m in run("Gunmen captured 10 villagers near the town on Sunday and killed two of them.").mentions
             if m.type == "ASSAULT")
    assert m.acled["sub_event_type"] == "Abduction/forced disappearance"


def test_a_source_foreseeing_the_toll_does_not_report_the_act():
    lead = "Three farmers were killed in air strikes on the village of Kafr Nabl on Monday morning. "
    doc = run(lead + "The civil defence said that the death toll from the air strikes is likely to rise as many are still under the rubble.")
    [m] = [m for m in doc.mentions if m.type == "ASSAULT"]
    assert m.claim.modality == "asserted"
    doc = run(lead + "The civil defence said that the air strikes hit homes near the mosque.")
    [m] = [m for m in doc.mentions if m.type == "ASSAULT"]
    assert (m.claim.modality, m.claim.by) == ("reported", "The civil defence")  # the speaker's whole noun phrase


def test_the_source_named_again_is_the_source_named_before():
    # "the source added": the definite source is the one named before (a military source claims the army's act)
    text = ("A military source said on Sunday that army units destroyed a rebel headquarters in the town of Kafr Nabl "
            "in Idlib. In Homs, the source added that an army unit killed 12 gunmen in an ambush near the village of "
            "Talbiseh in the northern countryside.")
    later = [m for m in run(text).mentions if "Talbiseh" in m.evidence.text or "source added" in m.evidence.text]
    assert later and all((m.claim.by, m.claim.modality) == ("A military source", "claimed") for m in later)


@pytest.mark.parametrize("outlet, modality", [("sana", "claimed"), ("ahram", "asserted")])
def test_state_news_agency_telling_its_army_act_is_a_claim(outlet, modality):
    # PROTOCOL: state media are an organ of the acting party; another outlet telling it asserts it
    text = ("Army units destroyed a rebel headquarters in the town of Kafr Nabl in Idlib countryside on Sunday, "
            "killing 12 gunmen.")
    doc = default_pipeline().run(Article(text=text, published="2016-10-30", outlet=outlet))
    (m,) = [r for r in doc.mentions if r.type == "ASSAULT"]
    assert m.actor1 is not None and m.actor1.country == "SY"
    assert m.claim.modality == modality


def test_headlines_after_a_related_links_header_are_not_events():
    # a flattened page runs its links to other stories into the story's last sentence
    text = ("Gunmen killed four farmers near the village of Tal Hamis on Monday, residents said. "
            "Source AFP Related News Car bomb kills nine soldiers in Homs Air raid kills 30 in Idlib monitor")
    mentions = [m for m in run(text).mentions if m.type == "ASSAULT"]
    assert mentions and all("Related" not in m.evidence.text for m in mentions)
    assert all(c.count != 9 and c.count != 30 for m in mentions for c in m.casualties)


def test_a_related_headline_before_an_inline_dateline_is_not_an_event():
    # a flattened page runs a photo credit and another story's headline into the text before its dateline
    text = ("Two farmers were killed when militants shelled the village of Tal Hamis on Monday, local media reported. "
            "AFP Jane Doe Army Kills Forty Militants in Raids Near Homs BEIRUT (Sputnik) The militants fired "
            "mortar shells at the village market, a local source said.")
    mentions = [m for m in run(text).mentions if m.type == "ASSAULT" and not m.historical]
    assert len(mentions) == 1
    assert all(c.count != 40 for m in mentions for c in m.casualties)


def test_a_reported_sentence_before_an_inline_dateline_is_kept():
    # only a headline-cased run before the dateline is another story's: a plain sentence stays the story's
    text = ("Militants shelled the village of Tal Hamis on Monday and killed two farmers the army said "
            "BEIRUT (Sputnik) Residents fled the village.")
    mentions = [m for m in run(text).mentions if m.type == "ASSAULT" and not m.historical]
    assert any(c.count == 2 for m in mentions for c in m.casualties)


def test_a_toll_with_a_two_part_aside_keeps_its_head_figure():
    # "N civilians including a woman and two children were killed": N is the toll, the aside its parts
    doc = run("Five villagers including a man and three children were killed when shells hit the market in Tal Rifaat.")
    killed = [(c.casualty.count, c.casualty.subset) for c in doc.casualties if c.casualty.kind == "killed"]
    assert (5, False) in killed and not any(n == 3 and not sub for n, sub in killed)


def test_a_headline_summing_two_provinces_gives_way_to_the_lead_figure_of_its_place():
    title = "9 civilians killed in terrorist shelling on Hama and Damascus"
    text = (f"12 May 2016 {title}. Five civilians were killed when shells fired by gunmen hit the town of Mhardeh "
            "in Hama countryside on Thursday. Meanwhile four civilians were killed when gunmen shelled the Jobar "
            "neighbourhood of Damascus.")
    records = [m for m in run(text, published=None, title=title).mentions if m.type == "ASSAULT"]
    first = next(m for m in records if 0 in m.sentences)
    assert first.killed == 5


def test_a_figure_many_times_the_incidents_from_another_source_is_not_its_toll():
    # a later sentence's count of a war, a month or an earlier attack, given by another source
    text = ("Regime warplanes bombed a bakery in the town of Kafr Zita in Hama province killing three women and a "
            "child. Last month nearly 900 Syrian civilians were killed the Syrian Network for Human Rights said "
            "including 120 children.")
    (m,) = [r for r in run(text).mentions if r.type == "ASSAULT" and 0 in r.sentences]
    assert 900 not in [c.count for c in m.casualties if c.kind == "killed"]


@pytest.mark.parametrize("line", ["Police in Kano released the names of the two men on Monday.",
                                  "A video of his speech was released by the group on Monday.",
                                  "A court in Kano granted the journalist a $5,000 bond on Monday.",
                                  "The ministry pressed ahead with its plan to close the newspaper.",
                                  "Four men faced charges on Monday over a plot to kidnap the mayor of Kano.",
                                  "The president fired the police chief on Monday.",
                                  "The newspaper's editor was fired by the board on Monday."])
def test_a_word_that_only_looks_like_an_act_makes_no_record(line):
    # a publication released, a court's bond granted, carrying on, a signature, a scheme, a job holder
    # dismissed (no shot fired): none is the act
    text = "Police arrested 14 protesters in Lagos on Thursday.\n\n" + line
    records = [m for m in run(text).mentions if not m.historical]
    assert records and all(m.sentences == [0] for m in records), [(m.type, m.trigger) for m in records]


def test_a_statement_signed_by_its_author_is_no_agreement():
    doc = run("In a statement signed by its spokesman, the army said troops had arrested a man in Kano.")
    assert not [t for t in doc.triggers if t.type == "AGREE"]
    assert [t for t in run("The two parties signed a ceasefire in Doha on Monday.").triggers if t.type == "AGREE"]


def test_captives_released_are_still_a_release():
    records = run("Gunmen freed two aid workers in Kano on Monday. The kidnappers also released a driver.").mentions
    assert any(m.type == "CONCEDE" for m in records)


@pytest.mark.parametrize("line", ["Soldiers have detained more than 2,900 people since the March 1 coup, a monitor said.",
                                  "Thousands of members of the sect have since been detained in camps, the group said."])
def test_a_count_run_up_since_a_turning_point_is_a_total(line):
    text = "Police arrested 14 protesters in Lagos on Thursday.\n\n" + line
    told = [m for m in run(text).mentions if 1 in m.sentences]
    assert told and all(m.historical for m in told)


def test_a_dateline_after_a_caption_dates_the_report_not_the_act():
    text = ("A photo of the newspaper's front page.\n\n"
            "LAGOS, March 14 — Police raided the office of a weekly newspaper yesterday and detained two of its "
            "reporters, the paper said.")
    [m] = [r for r in run(text).mentions if r.type == "COERCE"]
    assert m.date is not None and m.date.value == "2024-03-13"


def test_a_span_of_time_in_the_grounds_of_an_arrest_is_the_crimes():
    [m] = run("A man was arrested this morning over allegations of crimes during the civil war between 1990 and 1995.").mentions
    assert not m.historical and m.date is not None and m.date.value == "2024-03-14"


def test_a_month_of_a_trial_to_come_dates_nothing():
    text = "He was remanded in custody to appear for trial at the crown court in October."
    assert not [d for d in find_dates(text, "2024-03-14") if d.precision == "month"]
    assert [d.value for d in find_dates("The editor was arrested in October.", "2024-03-14")] == ["2023-10"]


def test_a_sentence_being_served_is_no_act():
    text = "A former minister is serving a 20-year sentence after being found guilty of fraud by a court in Lagos."
    assert not [m for m in run(text).mentions if not m.historical]


@pytest.mark.parametrize("line", ["A man found guilty in the kidnapping of a reporter has dropped his appeal.",
                                  "Two men charged in the killing of a reporter appeared in court in Kano on Monday."])
def test_the_crime_a_court_hears_in_is_no_current_attack(line):
    assert not [m for m in run(line).mentions if m.type == "ASSAULT" and not m.historical]


def test_an_arrest_in_a_raid_stays_an_arrest():
    assert [m for m in run("Police arrested three men in a raid on a house in Kano on Monday.").mentions if m.type == "COERCE"]


def test_a_hanging_by_the_state_is_an_execution_and_a_suicide_is_not():
    [m] = run("The authorities hanged a man in Shiraz prison on Saturday.").mentions
    assert m.type == "ASSAULT" and m.mode == "targeted"
    assert not run("The prisoner hanged himself in his cell on Monday.").mentions


def test_a_visa_ban_is_a_sanction():
    assert [m.type for m in run("Canada imposed a visa ban on four officials of the ruling party on Monday.").mentions] == ["SANCTION"]


@pytest.mark.parametrize("text,by", [("The state hanged a man on Saturday, the judiciary said.", "the judiciary"),
                                     ("Police raided the office of a weekly on Sunday, the outlet said.", "the outlet"),
                                     ("A man was hanged in Shiraz on Saturday, Daily Online reported.", "Daily Online")])
def test_a_court_or_an_outlet_is_a_source(text, by):
    [m] = run(text).mentions
    assert m.claim.modality in ("reported", "claimed") and m.claim.by == by


def test_a_first_toll_summing_the_articles_attacks_gives_way_to_the_attacks_own():
    # the first figure is the sum of the separate attacks told after it: each record keeps its own toll
    doc = run("Nine people were killed in rebel shelling of Homs and Hama on Monday. Rebels fired mortar rounds "
              "at the old market in Homs, killing five people, a police source said. Later, rockets hit a bus "
              "station in Hama, killing four people.")
    attacks = sorted(m.killed for m in doc.mentions if m.type == "ASSAULT" and not m.historical)
    assert attacks == [4, 5]


def test_a_toll_that_is_not_the_sum_of_the_others_stands():
    # nine is not five plus the other attack's three: the first figure is no roll-up, it stays
    doc = run("Nine people were killed in rebel shelling of Homs and Hama on Monday. Rebels fired mortar rounds "
              "at the old market in Homs, killing five people, a police source said. Later, rockets hit a bus "
              "station in Hama, killing three people.")
    attacks = sorted(m.killed for m in doc.mentions if m.type == "ASSAULT" and not m.historical)
    assert 9 in attacks
    # a part the total includes is no attack of its own
    doc = run("Five civilians including three children were killed by regime bombs in Douma on Thursday. "
              "Separately, two children were killed by shelling in Aleppo on Thursday.")
    assert sorted(m.killed for m in doc.mentions if m.type == "ASSAULT" and not m.historical) == [2, 5]


def test_fakes_counts_the_whole_toll_a_headline_sums():
    # FA-KES codes an article's total: the roll-up stands there, while the record keeps its attack's own
    from sitrep.evaluate.fakes import predict
    article = Article(text="Nine civilians were killed in rebel shelling of Homs and Hama on Monday. Rebels fired mortar "
                           "rounds at the old market in Homs, killing five civilians, a police source said. Later, "
                           "rockets hit a bus station in Hama, killing four civilians.", published="2024-03-14")
    prediction = predict(article, default_pipeline())
    assert prediction.civilians == 9
    assert prediction.mention.killed in (4, 5)


def test_the_act_an_attack_comes_as_is_its_own_record() -> None:
    doc = run("A suicide bomber killed nine soldiers at a checkpoint in Saraqib on Tuesday, rescuers said. "
              "The bombing comes as the army captured the nearby town of Kafr Nabl from rebels on Monday.")
    told = [m for m in doc.mentions if m.type == "ASSAULT"]
    assert len(told) == 2
    assert any("captured" in m.evidence.text and m.mode != "suicide-attack" for m in told)


def test_an_aid_convoy_arriving_is_a_delivery_of_aid_whoever_sent_it() -> None:
    doc = run("A car bomb killed four people in Saraqib on Tuesday, rescuers said. "
              "An aid convoy carrying flour and medicine entered the besieged town of Madaya on Wednesday, the Red Crescent said.")
    assert [m.type for m in doc.mentions if "convoy" in m.evidence.text] == ["AID"]


def test_an_aid_convoy_yet_to_reach_a_town_is_no_delivery() -> None:
    doc = run("A car bomb killed four people in Saraqib on Tuesday, rescuers said. "
              "An aid convoy has not yet reached the besieged town of Madaya, the Red Crescent said.")
    assert not [m for m in doc.mentions if m.type == "AID"]


@pytest.mark.parametrize("text,sub_event", [
    # an aircraft word as the subject of a bare act verb: a strike from the air, whoever's aircraft
    ("Later on Monday the air force also hit insurgent depots west of the dam.", "Air/drone strike"),
    ("Helicopters attacked positions of the insurgents near the river on Friday.", "Air/drone strike"),
    # an adverb of sequence between the aircraft and its act
    ("A government fighter jet meanwhile hit insurgent depots west of the dam on Friday.", "Air/drone strike"),
    # an aircraft word that is no subject of the act leaves the kind of act alone
    ("Gunmen angry with the air force attacked a police post near the river on Friday.", "Armed clash"),
])
def test_aircraft_subject_makes_the_act_an_air_strike(text, sub_event):
    m = next(m for m in run(text).mentions if m.type == "ASSAULT")
    assert m.acled["sub_event_type"] == sub_event


@pytest.mark.parametrize("teaser", ["ALSO READ| Man arrested in Ruritania for fraud",
                                    "Also read: Border guards detain two smugglers",
                                    "Read also - Storm closes the harbour"])
def test_teaser_link_to_another_story_is_boilerplate(teaser):
    body = "Police arrested three protesters in the capital on Monday, witnesses said."
    clean, removed = strip_boilerplate(body + "\n\n" + teaser + "\n\n" + body)
    assert teaser not in clean and clean.count("Police arrested") == 2
    assert removed and removed[0][0] == "related"


def test_a_sentence_that_reads_also_is_not_a_teaser():
    text = "Officials also read the statement aloud: the curfew was lifted on Monday."
    assert strip_boilerplate(text) == (text, [])


def test_a_headline_total_summed_again_below_gives_way_to_the_lead_figure():
    # the headline's figure told again in the body as the day's sum is not the lead's incident's toll
    title = "31 Killed in Homs as Jets Bomb a Crowded Bakery"
    text = (f"Monday 14 March 2016 {title}. Government jets on Monday bombed a crowded bakery in the "
            "town of Talbiseh killing 12 civilians. Many more were wounded. In all 31 civilians were killed in "
            "airstrikes on Homs province on Monday including 7 in Rastan and 4 in Houla.")
    records = [m for m in run(text, published=None, title=title).mentions if m.type == "ASSAULT"]
    bakery = next(m for m in records if "bakery" in m.evidence.text)
    assert bakery.killed == 12


def test_shots_fired_at_a_job_holder_are_still_an_attack():
    records = run("Gunmen fired at the police chief in Kano on Monday.").mentions
    assert [m for m in records if m.type == "ASSAULT"]


@pytest.mark.parametrize("text,body", [
    # the story opens again on an article, a count, a quantifier, or a capitalised word a verb follows
    ("Ten people died in Hama on Monday a monitor said. Tags Syria Hama airstrike Jaish al-Fatah "
     "At least 10 civilians were killed in air raids on Monday.", "At least 10 civilians"),
    ("Strikes hit Idlib. Tags Idlib Syria refugee camp Russia Five women were killed in the camp.", "Five women"),
    ("Strikes hit Idlib. Tags Syria Idlib gas attack Observatory Assad Warplanes carried out a raid on Idlib.",
     "Warplanes carried out"),
    ("Strikes hit Idlib. Tags Syria Idlib Russia Airstrikes on a rebel-held village killed ten.", "Airstrikes on a"),
])
def test_a_keyword_list_run_into_the_story_is_no_sentence(text, body):
    doc = default_pipeline().run(Article(text=text, published="2017-04-04"))
    assert all("Tags" not in s.text for s in doc.sentences), [s.text for s in doc.sentences]
    assert any(s.text.startswith(body) for s in doc.sentences), [s.text for s in doc.sentences]
    # nothing of the list names an actor of a record
    assert all(m.actor1 is None or m.actor1.label not in ("Assad", "Russia", "Jaish al-Fatah") for m in doc.mentions)


def test_words_reading_as_a_clause_leave_the_list_uncut():
    from sitrep.ingest.boilerplate import tag_runs
    text = "Tags Syria Intense regime bombardment on the town of Douma killed ten people on Monday."
    assert tag_runs(text, 0, len(text)) == []
    closing = "The strike killed ten. Tags Daesh Syria Homs Community standards"
    assert tag_runs(closing, 0, len(closing)) == [(closing.index("Tags"), len(closing))]
