"""Where each event happened (sitrep.stages.event_place) and the places stage's world-news mode,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.model import Article, Place
from sitrep.pipeline import default_pipeline
from sitrep.stages.event_place import finer, places_compatible


def run(text: str, title: str | None = None, published: str = "2024-03-14"):
    return default_pipeline().run(Article(text=text, published=published, title=title))


def located(doc, kind: str):
    return [m.location for m in doc.mentions if m.type == kind and not m.historical]


def town(name: str, admin1: str, lat: float, lon: float, country: str = "SY") -> Place:
    return Place(name=name, admin1=admin1, country=country, lat=lat, lon=lon, precision="city")


def test_town_beats_its_provinces_namesake_city():
    idlib = town("Idlib", "Idlib", 35.93, 36.63)
    maarat = town("Maarat al-Numan", "Idlib", 35.64, 36.68)
    hama = town("Hama", "Hama", 35.13, 36.75)
    assert finer(maarat, idlib) and not finer(idlib, maarat)
    assert not finer(hama, idlib)  # another province's city is not inside Idlib


def test_places_compatible_by_distance_and_province():
    damascus = town("Damascus", "Damascus", 33.51, 36.29)
    suburb = Place(name="Sayyida Zeinab", admin1="Rif Dimashq", country="SY", lat=33.44, lon=36.34, precision="point")
    aleppo_region = Place(name="Aleppo", admin1="Aleppo", country="SY", lat=36.2, lon=37.2, precision="admin1")
    ghouta = Place(name="Eastern Ghouta", admin1="Rif Dimashq", country="SY", lat=33.55, lon=36.42, precision="region")
    assert places_compatible(damascus, suburb)  # a few km apart, across a provincial border
    assert not places_compatible(ghouta, aleppo_region)  # two provinces: two incidents
    assert places_compatible(ghouta, suburb)


def test_clause_place_prefers_the_town_in_the_province():
    doc = run("Government warplanes bombed a bakery in Idlib province's Saraqeb on Sunday, killing nine civilians, "
              "activists said.")
    places = located(doc, "ASSAULT")
    assert places and places[0].name.lower().startswith("saraq")


def test_world_news_places_from_the_world_geoparser():
    doc = run("Police arrested 14 protesters who marched in Lagos on Thursday against the rise in fuel prices, "
              "a rights group said.")
    assert any(p.place.country == "NG" for p in doc.places)
    assert doc.extra.get("world_places")
    places = located(doc, "COERCE")
    assert places and places[0].country == "NG"


@pytest.mark.parametrize("text,word", [
    ("Students at the University of Ghana protested in Accra on Monday after Jimmy Lai was named.", "Lai"),
    ("Police in Nairobi arrested a teacher named Elizabeth on Monday, Kenyan media said.", "Elizabeth"),
    ("Police in Nairobi detained Samba Widhyastuti and two others on Monday, Kenyan media said.", "Samba"),
    ("Police in Nairobi detained a poet on Monday, her sister wrote in a New York Times essay.", "New York"),
    ("Police detained a poet on Monday in the Republic of Kenya, near Nairobi.", "Republic"),
])
def test_world_news_names_are_not_places(text, word):
    doc = run(text)
    assert not [p for p in doc.places if p.text == word]


def test_a_capital_standing_for_its_government_is_no_place():
    doc = run("Police in Hong Kong arrested 53 activists on Wednesday, the largest arrests since Beijing passed "
              "a security law in China last year.")
    assert [(p.text, p.place.country) for p in doc.places] == [("Hong Kong", "HK"), ("China", "CN")]
    # "in Moscow" is still the place
    doc = run("Police in Moscow arrested 20 students on Monday, a rights group said.")
    assert [p.place.country for p in doc.places] == ["RU"]


def test_a_capital_closing_a_paragraph_stands_for_no_government():
    # the next paragraph's first words are not the capital's: "... in Tehran\n\nOfficials said" keeps Tehran
    doc = run("Hundreds of students rallied outside the university in Tehran\n\nOfficials said 30 were detained.")
    assert [p.place.name for p in doc.places] == ["Tehran"]
    # on one line the capital still stands for its government
    doc = run("Police in Kenya arrested 12 students after the Tehran authorities protested.")
    assert "Tehran" not in [p.place.name for p in doc.places]


def test_dateline_places_a_statement():
    doc = run("NAIROBI, March 12 (Reuters) - Kenya's opposition leader demanded the release of "
              "the detained students on Tuesday.\n\nPolice had detained 20 students in Kisumu on Monday.")
    requests = located(doc, "REQUEST")
    assert requests and requests[0] is not None and requests[0].name == "Nairobi"


def test_a_byline_town_places_a_statement_but_is_not_the_focus():
    # "By NAME, Town" frames the report as a dateline does: a statement without a place was made there
    doc = run("By Ada Obi, Nairobi\n\nKenya's opposition leader demanded the release of the detained students "
              "on Tuesday.\n\nPolice had detained 20 students in Kisumu on Monday.")
    requests = located(doc, "REQUEST")
    assert requests and requests[0] is not None and requests[0].name == "Nairobi"
    # the correspondent's base does not make an act the text places elsewhere happen there
    doc = run("By Ada Obi, Minna\n\nBandits attacked a boarding school in Niger State. The gunmen kidnapped "
              "five pupils and a teacher last weekend.")
    assert all(p is None or p.name != "Minna" for p in located(doc, "ASSAULT"))


def test_a_statement_is_placed_where_its_speaker_was_visiting_just_before():
    text = ("Shelling hit two villages near Hama on Friday, killing six people. President Bashar al-Assad made a rare "
            "trip on Friday. Assad's visit to Daraya was his first outside the capital in a year. Assad pledged "
            "victory over the rebels.")
    doc = run(text, published="2013-08-02")
    statements = [m for m in doc.mentions if m.type not in ("ASSAULT",) and m.actor1 is not None
                  and m.actor1.id == "SYR_ASSAD"]
    assert statements and all(m.location is not None and "Daraya" in (m.location.text or "") for m in statements)


def test_world_act_without_a_place_takes_the_country():
    # the town named later is the union's seat, not where the arrest was
    doc = run("Police arrested three journalists on Monday, a Kenyan press union said.\n\nThe journalists had "
              "covered protests in Kenya over taxes. Their union, based in Mombasa, called for their release.")
    arrests = located(doc, "COERCE")
    assert arrests and arrests[0] is not None
    assert arrests[0].country == "KE" and arrests[0].precision == "country"


def test_syria_article_keeps_the_conflict_gazetteer():
    doc = run("US-led coalition air strikes killed 12 civilians in Raqqa on Tuesday, the Observatory said. "
              "The coalition said it struck Islamic State positions near Raqqa.")
    assert not doc.extra.get("world_places")
    places = located(doc, "ASSAULT")
    assert places and places[0].country == "SY"


@pytest.mark.parametrize("statement", [
    "The Syrian National Coalition called on the United Nations to stop the bombing of civilians in Idlib.",
    "Turkey demanded an immediate ceasefire in Idlib.",
])
def test_conflict_statement_is_not_placed_at_its_topic(statement):
    doc = run("Syrian government warplanes struck Saraqeb on Monday, killing seven civilians.\n\n" + statement)
    assert not doc.extra.get("world_places")
    requests = [m for m in doc.mentions if m.type == "REQUEST"]
    assert requests and all(m.location is None for m in requests)


def test_conflict_statement_keeps_where_it_was_said():
    doc = run("Syrian government warplanes struck Saraqeb on Monday, killing seven civilians.\n\n"
              "The foreign minister told a news conference in Moscow that Russia demanded an end to Turkish "
              "support for the rebels.")
    requests = [m for m in doc.mentions if m.type == "REQUEST"]
    assert requests and requests[0].location is not None and requests[0].location.name == "Moscow"


# --- issue 8: the place field's error classes, each on a hand-written document ---

def test_dateline_gives_way_to_the_place_the_act_is_put_in():
    doc = run("SARAJEVO (Reuters) - Bosnian police on Tuesday detained a former policeman in northwestern Bosnia "
              "over the killing of civilians, the state prosecutor's office said.")
    arrests = [m.location for m in doc.mentions if not m.historical]
    assert arrests and arrests[0] is not None and arrests[0].country == "BA"
    assert arrests[0].name != "Sarajevo"


def test_dateline_qualifier_is_part_of_the_dateline():
    doc = run("CORPUS CHRISTI, Texas — Police arrested a man on Monday after a shooting at a bar, officers said.")
    arrests = [m.location for m in doc.mentions if not m.historical]
    assert arrests and arrests[0] is not None and arrests[0].name == "Corpus Christi"


def test_a_country_level_act_takes_the_countrys_one_town():
    doc = run("Unidentified men abducted the doctors' union leader in Zimbabwe on Saturday, the union said.\n\n"
              "The union said its members in Harare would stop work until he was found.")
    abductions = located(doc, "ASSAULT")
    assert abductions and abductions[0] is not None and abductions[0].name == "Harare"


def test_a_landmark_town_is_not_the_countrys_one_town():
    doc = run("The mission centre in Titanyen, north of Port-au-Prince, was closed on Monday.\n\n"
              "Gunmen kidnapped two missionaries in Haiti on Sunday, their church said.")
    abductions = located(doc, "ASSAULT")
    assert abductions and abductions[0] is not None and abductions[0].precision == "country"


@pytest.mark.parametrize("text,not_country", [
    ("Gunmen kidnapped Chris Gustolf of Germany and Aida Hamed of Kenya on March 5, Yemeni officials said. "
     "Kidnappings of foreigners are frequent in Yemen.", "DE"),
    ("Two kidnapped missionaries were freed in Haiti on Sunday, their Ohio-based church said.", "US"),
])
def test_origins_and_seats_are_not_where_the_act_was(text, not_country):
    places = [p for m in run(text).mentions if m.type in ("ASSAULT", "CONCEDE") for p in [m.location] if p]
    assert places and all(p.country != not_country for p in places)


def test_a_local_authority_named_by_its_town_acts_there():
    doc = run("An Istanbul court on Monday sentenced the activist Osman Kavala to life in prison, "
              "a ruling that stunned Turkish civil society.")
    assert any(p.place.name == "Istanbul" for p in doc.places)


def test_a_list_of_towns_tells_of_their_province():
    doc = run("Two children were killed in airstrikes on Tuesday in the towns of Kafr Takharim, Kafranbel, "
              "Khan Shaykhun and Saraqeb in rural Idlib, Syrian activists said.")
    places = located(doc, "ASSAULT")
    assert places and places[0] is not None and places[0].admin1 == "Idlib"
    assert places[0].name not in ("Kafr Takhārīm", "Saraqib")


def test_a_named_area_of_a_province_beats_the_provinces_namesake_city():
    latakia = town("Latakia", "Latakia", 35.52, 35.79)
    jabal = Place(name="Jabal al-Turkman", admin1="Latakia", country="SY", lat=35.85, lon=36.1, precision="region")
    assert finer(jabal, latakia) and not finer(latakia, jabal)


@pytest.mark.parametrize("text,word", [
    ("Jabhat Fateh al-Sham fighters attacked army posts near Daraa on Sunday, state media said.", "al-Sham"),
    ("A car bomb exploded near a checkpoint close to the Bab al Salama crossing on Thursday.", "Bab al"),
    ("Abu Abdul Rahman al-Madani was killed in Jabal al-Torkman on Wednesday, Syrian media said.", "al-Madani"),
])
def test_parts_of_names_are_not_places(text, word):
    assert not [p for p in run(text).places if p.text == word]


def test_a_country_known_only_by_a_division_name_does_not_steer_the_geoparser():
    doc = run("Gunmen abducted 27 students from a school in Nigeria on Wednesday.\n\nPresident Buhari met the "
              "governor in Abuja and sent security chiefs to Niger to coordinate the rescue.")
    niger = [p.place for p in doc.places if p.text == "Niger"]
    assert niger and all(p.country == "NG" and p.precision == "admin1" for p in niger)


def test_focus_is_the_town_the_story_keeps_naming():
    from sitrep.stages.event_place import focus_place

    text = ("Officials in the Sool region of Somalia criticised reporters on Monday. Police in Las Anod arrested "
            "a reporter on Tuesday. Police in Las Anod later arrested two more. A court in Las Anod refused bail.")
    focus = focus_place(run(text))
    assert focus is not None and focus.precision == "city" and focus.admin1 == "Sool"
    # named as often as its division ("Sool authorities", "the Sool governor"), the town is the more
    # precise place; named less often, the division stands
    text = "Officials in the Sool region criticised reporters. Police in Las Anod arrested a reporter."
    assert focus_place(run(text)).precision == "city"
    text = ("Officials in the Sool region criticised reporters. Police in Las Anod arrested a reporter. "
            "Elders in the Sool region protested.")
    assert focus_place(run(text)).precision == "admin1"


def test_an_act_of_last_month_keeps_its_place():
    doc = run("An Australian woman was charged with kidnapping after she was detained by French police at "
              "Charles de Gaulle airport last month.")
    places = [p for p in located(doc, "COERCE") + located(doc, "ASSAULT") if p is not None]
    assert places and all(p.name == "Paris Charles de Gaulle Airport" for p in places)


def test_a_village_the_gazetteer_lacks_keeps_its_name_and_division():
    # GeoNames knows Blida in Algeria, not the Egyptian village: the text's name and division, no guessed point
    doc = run("Egypt's security forces arrested 400 protesters on Friday.\n\nA rights group reported that police "
              "killed a 25-year-old man with live ammunition in Al-Blida village in Giza Governorate.")
    village = [p.place for p in doc.places if p.text == "Al-Blida"]
    assert village and village[0].country == "EG" and village[0].lat is None and village[0].precision == "point"
    assert [p for p in doc.places if p.text == "Giza" and p.place.precision == "admin1"]
    killings = located(doc, "ASSAULT")
    assert killings and killings[0] is not None and killings[0].name == "Al-Blida"


def test_a_record_at_an_unlisted_village_takes_its_divisions_point():
    # the record keeps the village's name; its point is the governorate's, and its precision says so
    doc = run("Egypt's security forces arrested 400 protesters on Friday.\n\nA rights group reported that police "
              "killed a 25-year-old man with live ammunition in Al-Blida village in Giza Governorate.")
    giza = next(p.place for p in doc.places if p.text == "Giza" and p.place.precision == "admin1")
    killing = located(doc, "ASSAULT")[0]
    assert killing.name == "Al-Blida" and killing.precision == "admin1"
    assert (killing.lat, killing.lon) == (giza.lat, giza.lon)
    # the village itself, as the places stage read it, still has no point of its own
    assert all(p.place.lat is None for p in doc.places if p.text == "Al-Blida")


def test_a_town_the_gazetteer_lacks_keeps_its_name_and_division():
    # "X city in Y State", "the town of al-X in Y province": a settlement the text places in its division
    doc = run("Gunmen kidnapped three engineers on Monday in Nigeria's Kano State, police said. The gunmen "
              "ambushed the engineers as they were travelling from Dorvaleni city in Kano State toward Kaduna.")
    town_ = [p.place for p in doc.places if p.text == "Dorvaleni"]
    assert town_ and town_[0].country == "NG" and town_[0].admin1 and "Kano" in town_[0].admin1
    doc = run("Syrian government warplanes struck the town of al-Zarqeeniyah in Homs province on Tuesday, killing "
              "six civilians, the Syrian Observatory for Human Rights said.")
    town_ = [p.place for p in doc.places if p.text == "al-Zarqeeniyah"]
    assert town_ and town_[0].country == "SY" and town_[0].admin1 == "Homs"
    strikes = located(doc, "ASSAULT")
    assert strikes and strikes[0].name == "al-Zarqeeniyah" and strikes[0].precision == "admin1"


def test_an_act_across_a_country_keeps_the_country():
    doc = run("Protests against President Abdel Fattah Al-Sisi have continued across Egypt for more than a week "
              "after a whistleblower called for Egyptians to unite against the regime.\n\nMost of the "
              "demonstrations are taking place in the villages because of the heavy security presence in Cairo.")
    protests = located(doc, "PROTEST")
    assert protests and protests[0] is not None and protests[0].precision == "country" and protests[0].country == "EG"


def test_a_statement_in_the_datelines_sentence_was_made_there():
    # the caption's town runs into the dateline's sentence: it is not where the statement was made
    doc = run("Image: Journalist Omar Radi in Casablanca, Morocco, 2018. Photo Agency\n\n(Tunis, December 28, "
              "2019) – Moroccan authorities should unconditionally release a journalist jailed for a tweet, "
              "Human Rights Watch said today.\n\nPolice in Casablanca arrested him on December 26.")
    requests = located(doc, "REQUEST")
    assert requests and requests[0] is not None and requests[0].name == "Tunis"


def test_a_neighbourhood_is_a_quarter_of_the_town_named_before_it():
    # GeoNames has an al-Hamra village far from Damascus: the neighbourhood is a quarter of the city
    doc = run("Shells fell on Damascus again on Monday. Terrorists fired mortar shells at the al-Hamra "
              "neighbourhood, injuring three people, a police source said.")
    places = located(doc, "ASSAULT")
    assert places and places[0].text == "al-Hamra"
    assert abs(places[0].lat - 33.51) < 0.2 and abs(places[0].lon - 36.29) < 0.2
    assert places[0].admin1 == "Damascus"


def test_more_shells_later_are_a_further_strike():
    doc = run("Terrorists fired rocket shells at residential areas in Aleppo city on Sunday, killing two women, "
              "a police source said. More rocket shells later hit the al-Hamra neighbourhood, killing one person.")
    assert len([m for m in doc.mentions if m.type == "ASSAULT" and not m.historical]) == 2


def test_a_neighbourhood_takes_the_town_named_after_it():
    doc = run("Shells fell on Damascus on Monday. On Tuesday terrorists fired rocket shells at the al-Hamra "
              "neighbourhood in Aleppo city, injuring four people, a police source said.")
    aleppo = [p for p in doc.places if p.text == "al-Hamra"]
    assert aleppo and abs(aleppo[0].place.lat - 36.2) < 0.2 and aleppo[0].place.admin1 == "Aleppo"


def test_an_appeal_to_a_state_is_not_placed_where_the_report_was_filed():
    doc = run("NAIROBI (Reuters) - Police in Nairobi arrested five activists on Monday.\n"
              "On Tuesday the opposition called on Uganda to free two Kenyan journalists.")
    assert located(doc, "REQUEST") == [None]


def test_a_watchdogs_own_statement_is_placed_at_its_foreign_dateline():
    doc = run("(Nairobi) – Ugandan authorities have detained three journalists in Kampala since Monday, Human Rights "
              "Watch said today.\n\nThe authorities should release the three journalists immediately and drop the "
              "charges against them, Human Rights Watch said. Journalists in Uganda have faced arrests for years.")
    assert [p.name for p in located(doc, "COERCE")] == ["Kampala"]  # the act is where it happened
    assert [p.name for p in located(doc, "REQUEST")] == ["Nairobi"]  # the watchdog's demand where it filed


_EMBASSY_STORY = ("Activists staged a protest outside the Egyptian embassy in solidarity with the detained writer on "
                  "Monday.\n\nSupporters gathered in London. The writer was summoned to a court in Egypt last week on "
                  "new charges.\n\nHe was first arrested at Cairo airport in 2015, a year after his articles appeared.")


def test_a_town_named_only_in_the_past_is_not_the_countrys_one_town():
    doc = run(_EMBASSY_STORY)
    assert [p.name for p in located(doc, "COERCE")] == ["Egypt"]  # Cairo is where the 2015 arrest was


def test_an_embassy_stands_abroad():
    doc = run(_EMBASSY_STORY)
    assert [p.name for p in located(doc, "PROTEST")] == ["London"]
    doc = run("Activists staged a protest outside the Egyptian embassy on Monday, demanding the release of a detained "
              "writer.\n\nThe writer, a critic of the government in Egypt, has been held since January. Supporters in "
              "London and Paris signed a petition.")
    assert all(p is None or p.country != "EG" for p in located(doc, "PROTEST"))


def test_the_town_after_a_named_quarter_is_not_a_quarter():
    doc = run("Fighting went on in Aleppo on Sunday. On Monday the army killed a commander in the Harabesh "
              "neighbourhood of Deir Ezzor.")
    town = [p for p in doc.places if p.text == "Deir Ezzor"]
    assert town and town[0].place.admin1 != "Aleppo"


def test_a_later_sentence_placing_the_incident_gives_the_finer_place():
    doc = run("At least seven people were killed when a car bomb exploded in a village in northern Syria on "
              "Sunday, a monitor said. The explosion took place in the countryside around the city of Manbij, "
              "local sources added.")
    assert [p.name for p in located(doc, "ASSAULT")] == ["Manbij"]
    doc = run("Warplanes killed nine civilians in Aleppo province on Tuesday, the monitor said. Activists said "
              "that the strikes had occurred in the town of Manbij.")
    assert [p.name for p in located(doc, "ASSAULT")] == ["Manbij"]


def test_a_place_told_of_something_else_is_not_the_incidents():
    # no definite word for the incident before the place: the village is the road's, not the attack's
    doc = run("At least seven people were killed when a car bomb exploded in a village in Idlib province on "
              "Sunday, a monitor said. A road to Manbij was closed for repairs.")
    assert [p.name for p in located(doc, "ASSAULT")] != ["Manbij"]


def test_a_local_court_tries_in_its_town():
    # the sentence of the sentencing names no place; the court that passed it is named by its town
    # (another town of the country named in the story: the court's town is not its only one)
    doc = run("The ruling from a Lyon criminal court caps a years-long saga in France. The former mayor "
              "was sentenced to two years in prison and fined 50,000 euros. He owns a villa in Marseille.")
    assert [p.name for p in located(doc, "COERCE")] == ["Lyon"]


def test_a_states_embassy_abroad_stands_in_the_host_capital():
    story = ("Gangs have blocked fuel deliveries across Kenya for a week, officials said. On Monday, Germany "
             "announced it was withdrawing all but essential staff from its embassy.")
    doc = run(story)
    assert [p.name for p in located(doc, "RETREAT")] == ["Nairobi"]
    # the embassy is named in a town: that town, not the capital
    doc = run(story.replace("from its embassy.", "from its embassy in Mombasa."))
    assert [p.name for p in located(doc, "RETREAT")] != ["Nairobi"]


@pytest.mark.parametrize("text,town", [
    ("Bandits abducted 12 farmers in the Bukkuyum Local Government Area of Zamfara State on Sunday, police said.",
     "Bukkuyum"),
    ("The Zamfara State Police Command said gunmen abducted a trader on Sunday in the Faskari Local Government "
     "Area of the state.", "Faskari"),
    ("Gunmen killed four villagers in Zurmi LGA of the state on Sunday, a Nigerian police spokesman said.", "Zurmi"),
])
def test_a_local_government_area_is_its_seat_town(text, town):
    # a hamlet GeoNames counts no people for, which the text itself calls a local government area: the
    # area is named after its seat town ("Local Government" here is no government standing for the town)
    doc = run(text)
    acts = located(doc, "ASSAULT")
    assert acts and acts[0] is not None and acts[0].name == town and acts[0].country == "NG"


def test_a_country_named_only_as_doer_or_possessor_is_still_the_storys_place():
    # the text never says "in Egypt", and its one town is where an older act was abroad: the arrest,
    # placed nowhere by its sentence, was in the country the story is about
    doc = run("Egypt's president has faced growing criticism from Egyptian rights groups this year over Egypt's "
              "treatment of its critics.\n\nA blogger who criticised him was arrested on Monday and will be tried "
              "before a terrorism court, her lawyer said. Another critic, a poet, was detained at a hotel in Paris "
              "in 2019.")
    arrests = [m.location for m in doc.mentions if m.type == "COERCE" and not m.historical]
    assert arrests and arrests[0] is not None
    assert (arrests[0].country, arrests[0].precision) == ("EG", "country")


def test_a_namesake_abroad_by_another_spelling_is_no_place():
    # GeoNames lists "Ibara" as another name of Ibarra, Ecuador; a story set in Nigeria never names Ecuador
    doc = run("Nigerian police arrested a student journalist on Friday, his lawyer said. He was later taken from "
              "the Ibara Maximum Security Custodial Centre to a court in Abeokuta, Ogun State, and charged with "
              "incitement.")
    assert not [p for p in doc.places if p.place.country == "EC"]
    assert all(m.location is not None and m.location.country == "NG" for m in doc.mentions if m.type == "COERCE")


def test_a_statement_made_on_a_visit_is_placed_where_the_visit_was():
    # a named place visited
    doc = run("Gunmen killed three teachers at a school in Mandera on Monday, police said.\n\nThe interior minister, "
              "on a visit to Garissa on Tuesday, rejected calls to close the border.")
    said = [m.location for m in doc.mentions if m.type not in ("ASSAULT", "COERCE") and not m.historical]
    assert said and said[0] is not None and said[0].name == "Garissa"
    # "the school": the site of the story's own attack
    doc = run("Bandits abducted 20 pupils from a boarding school in Zaria, Kaduna State, on Monday, police said.\n\n"
              "When he visited the school on Tuesday, the state governor rejected any ransom demands.")
    rejections = located(doc, "REJECT")
    assert rejections and rejections[0] is not None and rejections[0].name == "Zaria"


def test_a_town_in_a_body_of_a_country_never_named_is_no_place():
    # "Met" is a town in India; "Supreme" one in Louisiana: neither country is named
    doc = run("Officers from the Met Police detained a climate activist in Leeds on Friday, a spokesman said.")
    assert [p.place.country for p in doc.places] == ["GB"]
    doc = run("A journalist in Lahore was charged with sedition on Monday and will appear before the Supreme Court "
              "in Pakistan next week.")
    assert "US" not in {p.place.country for p in doc.places}


def test_a_town_the_text_writes_as_a_surname_is_that_person_everywhere():
    doc = run("Kenyan police said the activist Mary Holyoke was arrested in Nairobi last year. On Friday a court "
              "released Holyoke on bail, her lawyer said.")
    assert "US" not in {p.place.country for p in doc.places}
    # a word the text writes small ("attack") opens no person's name: the town stays a place
    doc = run("Kenyan police said an attack on a bus killed four people. Gunmen Attack Garissa, read a headline; "
              "the attack in Garissa was the third this month.")
    assert "Garissa" in {p.place.name for p in doc.places}
    # a reporter named Emma Austin does not make a person of a well-known city
    doc = run("Police in Austin, Texas, arrested 30 protesters on Friday. Reporting by Emma Austin.")
    assert "Austin" in {p.place.name for p in doc.places}


def test_a_compass_word_alone_is_no_town_in_conflict_news():
    doc = run("A researcher for the Middle East and North Africa said an airstrike on a market in Idlib, Syria, "
              "killed 12 civilians, the Syrian Observatory said.")
    assert {p.place.country for p in doc.places} == {"SY"}


def test_a_village_of_the_story_is_not_a_namesake_in_a_country_never_named():
    # "Hadar" is also a village in Iraq, "Safiyeh" near a Jordanian town: the story names Syria alone
    doc = run("Rebels fired rockets at government positions in Quneitra province in Syria on Monday, the Syrian "
              "state news agency said. A girl was wounded by a sniper in Hadar village, a Quneitra police source said.")
    assert "IQ" not in {p.place.country for p in doc.places}
    hadar = [p.place for p in doc.places if p.text == "Hadar"]
    assert hadar and (hadar[0].country, hadar[0].admin1) == ("SY", "Quneitra")
    doc = run("A suicide bomber blew himself up near a wedding hall in Hasaka in Syria, killing five. A second bomb "
              "went off in Safiyeh village on the road to Qamishli, the Syrian Observatory said.")
    assert "JO" not in {p.place.country for p in doc.places}


def test_weapons_destroyed_or_seized_are_no_attack():
    doc = run("Kurdish fighters repelled an attack near Manbij in Syria on Sunday, destroying the militants' armored "
              "vehicles and mortar shells, the sources said.")
    assert not [m for m in doc.mentions if m.trigger and "mortar" in m.trigger]
    doc = run("Rebels fired mortar shells at a market in Aleppo, Syria, on Sunday, killing two people.")
    assert [m for m in doc.mentions if m.trigger and "mortar" in m.trigger]


def test_a_foreign_embassy_is_not_the_countrys_one_town():
    doc = run("A Belgian farmer has been jailed for ten years for whipping two of his workers on a farm in Uganda.\n\n"
              "The court heard that the workers had been accused of stealing tools.\n\n"
              "The Belgian embassy in Kampala said it had followed the trial.")
    jailings = located(doc, "COERCE")
    assert jailings and jailings[0] is not None and jailings[0].precision == "country" and jailings[0].country == "UG"


@pytest.mark.parametrize("told", ["told our correspondent in", "told reporters in", "told AFP on Friday in"])
def test_the_town_a_spokesman_spoke_in_is_not_where_the_arrests_were(told):
    doc = run("Gunmen kidnapped three farmers in Bokkos Local Government Area of Plateau State on Tuesday.\n\n"
              f"The police spokesman {told} Jos on Thursday that two suspects had been arrested by the police.")
    arrests = [m.location for m in doc.mentions if m.type == "COERCE"]
    assert arrests and all(p is None or p.name != "Jos" for p in arrests)


def test_a_place_told_of_is_still_the_acts():
    from sitrep.stages.event_place import SPEAKER_PLACE

    assert not SPEAKER_PLACE.search("residents told of arrests in ")
    assert SPEAKER_PLACE.search("the spokesman told reporters in ")


def test_a_channel_named_after_a_town_is_no_place():
    for text in ("Syrian rebels shelled Homs on Sunday. The Lebanon-based al-Mayadeen TV said that rounds of shelling "
                 "by militants on two residential neighborhoods left 11 people dead.",
                 "Rebel shells hit two districts of Homs in Syria on Sunday, killing four people, al-Mayadeen TV said."):
        doc = run(text)
        assert not [p for p in doc.places if p.text.startswith("al-Mayadeen")]
        assert [p.name for p in located(doc, "ASSAULT")] == ["Homs"]


def test_a_quarter_named_after_the_storys_town_is_in_that_town():
    # "New Aleppo" is no entry of the gazetteer: its "Aleppo" is the city the story names, not a
    # quarter of the other town named before it
    doc = run("Rebels shelled the Syrian city of Aleppo on Sunday, killing six people, al-Mayadeen TV said. "
              "The rockets hit the New Aleppo neighborhood, destroying two houses, Syrian state media said.")
    quarter = [p for p in doc.places if p.start > doc.text.index("New Aleppo")]
    assert quarter and quarter[0].place.name == "Aleppo"


def test_a_place_before_the_speaker_in_comma_less_text_is_where_the_act_was():
    # flattened text lost the comma before "local media reported": the town is the strike's, not the media's
    doc = run("A drone strike of the coalition has claimed the lives of five civilians in the Syrian town of Saraqeb "
              "east of Idlib local media reported Monday. Government troops have besieged Idlib for months, and the "
              "army says Idlib will fall.")
    assert [p.name for p in located(doc, "ASSAULT")][:1] == ["Saraqib"]
    # the claimant's own place stays the claimant's
    doc = run("An airstrike killed six civilians in Saraqeb on Sunday according to officials of the ministry in Damascus.")
    assert [p.name for p in located(doc, "ASSAULT")][:1] == ["Saraqib"]


def test_a_list_of_quarters_closed_by_the_plural_word_is_no_namesake_abroad():
    # "al-Khalil" alone is Hebron to the gazetteer; first in a list of "neighborhoods" it is a quarter
    text = ("Rebel shells fell on al-Khalil, Akrama and al-Midan neighborhoods in the city on Monday, killing three "
            "civilians, the governor of Homs told Syrian state media.")
    doc = run(text)
    assert not [p for p in doc.places if p.place.country == "PS"]
    assert [p.name for p in located(doc, "ASSAULT")] == ["Homs"]


def test_no_part_of_a_facilitys_name_is_a_place():
    # "Sayeda" alone is an old name of Sidon: in "Sayeda Zeinab shrine" it is part of the shrine's name
    doc = run("A car bomb exploded near Sayeda Zeinab shrine south of Damascus on Sunday, killing six people, "
              "Syrian state media said.")
    assert not [p for p in doc.places if p.place.country == "LB"]
    assert [p.name for p in located(doc, "ASSAULT")] == ["Damascus"]


def test_a_town_known_only_abroad_is_a_town_of_the_place_named_before_it():
    # Russian strikes do not make al-Husainiyah (known to the gazetteer in Egypt and Jordan) a Russian town
    doc = run("Jets of the coalition struck the town of al-Bukamal in Deir al-Zor province in eastern Syria, killing 13 "
              "civilians, the Syrian Observatory for Human Rights said. The monitoring group said Russian airstrikes "
              "also killed seven civilians in the town of al-Husainiyah further north along the Euphrates river.")
    village = [p.place for p in doc.places if p.text == "al-Husainiyah"]
    assert village and village[0].country == "SY" and village[0].admin1 == "Deir ez-Zor"
    # two towns of one province: two attacks, not one
    assert sorted(p.name for p in located(doc, "ASSAULT")) == ["Abu Kamal", "al-Husainiyah"]


def test_a_definite_strike_placed_again_by_what_it_hit():
    doc = run("Air strikes on Sunday killed 34 civilians in a village held by Islamic State in Deir az-Zour province, "
              "Syria, an activist group said. The strikes hit the village of al-Shaqra on the eastern bank of the "
              "Euphrates River.")
    assert [p.name for p in located(doc, "ASSAULT")] == ["al-Shaqra"]


def test_the_town_is_the_town_just_named():
    doc = run("Rebels shelled Aleppo city on Monday, killing two civilians, state media said. In Hama province, a woman "
              "was killed by a sniper in Mhardeh town, a police source told SANA. Gunmen also targeted the town with "
              "mortar shells, damaging houses.")
    assert [p.name for p in located(doc, "ASSAULT")] == ["Aleppo", "Maharda", "Maharda"]


def test_a_town_spelled_another_way_is_found_by_its_consonants():
    from sitrep.resolve.gazetteer import compact, fold, skeleton

    assert skeleton(compact(fold("al-Sqeilbiyeh"))) == skeleton(compact(fold("As Suqaylibiyah")))
    doc = run("Militants fired mortar shells on al-Sqeilbiyeh city in Hama province on Monday, killing one civilian, "
              "Syrian state media said.")
    assert [(p.place.name, p.place.country) for p in doc.places if p.text == "al-Sqeilbiyeh"] == [("As Suqaylibīyah", "SY")]
    # a short skeleton is no evidence: unknown rather than guessed
    assert not gazetteer_by_skeleton("Rahiba")


def gazetteer_by_skeleton(name: str):
    from sitrep.resolve.gazetteer import gazetteer

    return gazetteer().by_skeleton(name, {"SY"})


def test_a_word_in_small_letters_is_no_airport_code():
    # GeoNames lists towns' airport codes among their names ("SAT", "AID", "DAM"): a word written in
    # small letters is not one, whatever article it opens or body it names
    doc = run("Sat Mar 7 Islamic State fighters shelled Assyrian villages near Tal Tamr in Hasakah province, "
              "killing 9 people, the Syrian charity Aid Now said.")
    places = [p.place for p in doc.places]
    assert places and all(p.country == "SY" for p in places)
    from sitrep.resolve.gazetteer import gazetteer
    assert not gazetteer().lookup("Aid", fuzzy=False) and not gazetteer().lookup("Sat", fuzzy=False)
    assert any(e.country == "IQ" for e in gazetteer().lookup("Kut", fuzzy=False))  # a name, not a code


def test_the_site_of_the_attack_places_the_incident():
    text = ("Dozens of people were killed in northern Hama province on Monday in a suspected gas attack, "
            "a monitor said. Earlier strikes were reported in an area near Kafr Zita, the site of Monday's "
            "alleged attack, activists said.")
    places = located(run(text), "ASSAULT")
    assert places and places[0].name != "Hama" and places[0].precision == "city"
    # "the site of a deadly attack in April": another, earlier incident's site
    text = ("Dozens of people were killed in northern Hama province on Monday in air strikes, a monitor said. "
            "The strikes were reported around Kafr Zita, the site of the regime's chemical attack in April.")
    places = located(run(text), "ASSAULT")
    assert places and places[0].precision == "admin1"


def test_parts_of_a_country_named_together_are_no_one_front():
    # "in north and east Iraq": two parts of the country at once, so the act is spread over it; a
    # province another sentence names is not where it all was
    text = ("Government forces shelled the town of Tal Afar in Nineveh province on Monday, killing four civilians, "
            "a monitor said. Separate coalition raids hit Islamic State positions in north and east Iraq on Monday. "
            "Officials said the raids also destroyed a bridge in Nineveh province.")
    places = located(run(text), "ASSAULT")
    spread = [p for p in places if p.precision == "country"]
    assert spread and spread[0].country == "IQ" and spread[0].text.startswith("north and east")
    # one compass word is one front: "killed in eastern Syria" still takes the story's own town
    doc = run("Air strikes killed 20 civilians in eastern Syria on Monday, a monitor said. The strikes hit the "
              "town of Mayadin in Deir ez-Zor province, the monitor said.")
    assert all(p.precision != "country" for p in located(doc, "ASSAULT"))


def test_the_nearby_town_places_an_incident_told_by_its_province():
    text = ("Militants killed 30 people in an attack on two villages in Hama province on Friday, a monitor said. "
            "The army said troops repelled the attack and killed nine militants. State TV said two people were "
            "wounded in militant shelling on the nearby town of {}.")
    places = located(run(text.format("Salamiyeh")), "ASSAULT")
    assert len(places) == 2 and places[0].precision == "city" and places[0].admin1 == "Hama"
    # a town of another province is not near this incident
    places = located(run(text.format("Saraqeb")), "ASSAULT")
    assert places and places[0].precision == "admin1" and places[0].admin1 == "Hama"


def test_an_article_run_into_a_later_word_of_a_name_is_the_article():
    from sitrep.resolve.gazetteer import gazetteer

    # "Maaret Alnouman" is "Maaret al-Nouman" (only when the name is not found as written)
    assert [e.country for e in gazetteer().lookup("Maaret Alnouman")][:1] == ["SY"]
    doc = run("Warplanes struck the main street in the town of Maaret Alnouman on Monday, killing six people, "
              "a monitor said.")
    places = located(doc, "ASSAULT")
    assert places and places[0].precision == "city" and places[0].admin1 == "Idlib"


@pytest.mark.parametrize("text, where", [
    # the sentence names the whole country the report was filed in: a national act, not the filing town's
    ("CAIRO (Reuters) - Egypt said on Sunday it had hanged seven men convicted of an attack on a church.", "country"),
    # the country's name only inside another name ("U.S. Marshals Service") leaves the dateline standing
    ("FARGO, N.D. — U.S. Marshals Service officers arrested two men on Monday after a robbery.", "Fargo"),
])
def test_a_sentence_naming_the_filing_country_is_not_placed_at_the_dateline(text, where):
    doc = run(text)
    acts = [m.location for m in doc.mentions if not m.historical]
    assert acts and acts[0] is not None
    assert (acts[0].precision if where == "country" else acts[0].name) == where


def test_a_watchdog_quoted_by_an_agency_did_not_speak_at_the_agencys_dateline():
    doc = run("NAIROBI (Reuters) - Police arrested five activists in Kisumu on Monday.\n\n"
              "“The five should be released at once,” Amnesty International said on Tuesday.")
    requests = [m for m in doc.mentions if m.type == "REQUEST" and not m.historical]
    assert requests and all(m.location is None or m.location.name != "Nairobi" for m in requests)


def test_a_suburb_and_its_city_are_the_countrys_one_town():
    # Southport lies in Gold Coast, a few kilometres from its centre: one place, so the country-level act takes it
    doc = run("Immigration officers detained eleven refugees in Australia on Friday, their lawyers said.\n\n"
              "They are held at a hotel in Southport, Gold Coast. Supporters rallied outside the hotel in "
              "Gold Coast on Sunday.")
    held = located(doc, "COERCE")
    assert held and held[0] is not None and held[0].name == "Southport"


def test_a_hospital_the_wounded_were_taken_to_is_not_where_they_were_hurt():
    doc = run("Regime tanks shelled villages in Idlib province on Monday, killing three people.\n\n"
              "Six wounded were taken to hospitals in Turkey's Hatay province for treatment.")
    places = [p for p in located(doc, "ASSAULT") if p is not None]
    assert places and all(p.country != "TR" for p in places)


def test_a_hospital_that_was_hit_is_where_the_attack_was():
    doc = run("Warplanes bombed a hospital in Idlib on Monday, killing three people, a monitor said.")
    places = located(doc, "ASSAULT")
    assert places and places[0] is not None and places[0].admin1 == "Idlib"


def test_where_a_group_operates_is_not_where_its_fighters_were_killed():
    doc = run("At least 12 fighters of a militant group operating in Iraq were killed in clashes with Kurdish forces "
              "in northeastern Syria on Friday, a monitor said.")
    places = [p for p in located(doc, "ASSAULT") if p is not None]
    assert places and all(p.country == "SY" for p in places)


def test_a_zone_or_a_landform_word_is_no_town_of_its_name():
    # "Green" and "River" alone spell towns elsewhere; inside "the Green Zone" and "the Tigris River" they are not
    doc = run("Crowds gathered at a bridge which leads to the Green Zone across the Tigris River, where US diplomats "
              "work, during protests in the Iraqi capital on Saturday.\n\nBAGHDAD - Protesters in Iraq shut roads on "
              "Sunday, and security forces fired tear gas at them in Baghdad, Iraqi medics said. The United States "
              "urged calm.")
    assert not [p for p in doc.places if p.text in ("Green", "River")]
    places = located(doc, "PROTEST")
    assert places and all(p.country == "IQ" for p in places)


def test_the_person_an_arrest_took_from_a_town_was_arrested_there():
    # "arresting Jane Roe from Kano": where the arrest took her from, not her origin ("Jane Roe of Kano")
    doc = run("Police in Delhi said on Monday they succeeded in arresting Ravi Kumar from Agra in Uttar Pradesh "
              "after a ten-year search.")
    places = located(doc, "COERCE")
    assert places and places[0].name == "Agra"


@pytest.mark.parametrize("border", ["on the border with Iraq", "bordering Iraq"])
def test_the_country_over_a_border_is_not_where_it_happened(border):
    doc = run(f"Militants beheaded six captured soldiers in a town {border} on Sunday, the Observatory said.")
    places = located(doc, "ASSAULT")
    assert places and all(p is None or p.country != "IQ" for p in places)
