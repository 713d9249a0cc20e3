"""sitrep.stages.triggers alone: which trigger words a text gives, on sentences written here and run
through the stages up to the triggers."""

from __future__ import annotations

import pytest

import sitrep


def _types(staged, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.type) for t in staged(text, upto="triggers").triggers]


@pytest.mark.parametrize("text", [
    "Amnesty said the lawyer had been held without charge since March.",
    "Amnesty's researcher in the region said the men were beaten in custody.",
    "A report by Amnesty found that the camp had no clean water.",
])
def test_the_ngo_named_amnesty_is_no_amnesty_granted(staged, text) -> None:
    assert ("Amnesty", "CONCEDE") not in _types(staged, text)


def test_an_amnesty_granted_is_a_concession(staged) -> None:
    text = "The president granted an amnesty to 200 prisoners on Monday."
    found = _types(staged, text)
    assert ("amnesty", "CONCEDE") in found
    assert ("granted", "AID") not in found  # what is granted is the act, not aid given
    [record] = [m for m in sitrep.extract(text, published="2023-05-10") if not m.historical]
    assert record.type == "CONCEDE"
    assert record.actor2 is None or record.actor2.name != "Amnesty International"


def test_a_capitalised_word_inside_a_listed_groups_name_is_the_name(staged) -> None:
    found = _types(staged, "Fighters of the Rapid Support Forces entered the town on Monday.")
    assert ("Support", "SUPPORT") not in found


def test_aid_granted_stays_aid(staged) -> None:
    assert ("granted", "AID") in _types(staged, "The agency granted food aid to the displaced families.")


@pytest.mark.parametrize(("text", "word", "etype"), [
    # calling another's decision by a condemning name is an accusation
    ("The minister described the new charges against the reporter as \"unjustified and cruel\".", "described", "ACCUSE"),
    ("Her lawyer characterised the ruling as a travesty of justice.", "characterised", "ACCUSE"),
    # what a speaker declares necessary for another to do is a demand
    ("\"It is essential that the authorities free the students at once,\" the group said.", "essential", "REQUEST"),
    # a willingness to negotiate offered to the other side
    ("The governor said he remained open to talks with the armed groups.", "open to talks", "CONCEDE"),
    # an aircraft made to come down by a state's order
    ("Air force jets forced the passenger plane to land in the capital.", "forced", "COERCE"),
    ("Officials ordered the forced landing of the airliner on Sunday.", "landing", "COERCE"),
    # the wounded taken in across a border
    ("Twenty wounded fighters were taken to Jordan for treatment.", "taken", "AID"),
    # a campaign to free someone is a demand
    ("Students are campaigning for the blogger's release.", "campaigning", "REQUEST"),
    ("The senator was outraged by the regulator's decision.", "was outraged", "ACCUSE"),
    ("The lawyers said the detention was a breach of the constitution.", "a breach of", "ACCUSE"),
    ("Gunmen hijacked a bus on the highway.", "hijacked", "ASSAULT"),
    ("Officials called the diversion of the flight a hijacking.", "hijacking", "ASSAULT"),
    ("The guard was charged with sexual assault on Monday.", "sexual assault", "ASSAULT"),
    ("The army is advancing towards the provincial capital.", "advancing towards", "MOBILIZE"),
    # a hearing of someone's case; a named party's censure of what was done
    ("The detained blogger appeared before a military court on Monday.", "appeared", "COERCE"),
    ("The two students appear in court today on charges of sedition.", "appear", "COERCE"),
    ("Several governments voiced concern at the mistreatment of jailed reporters.", "voiced concern", "ACCUSE"),
    # the seizure of ground told in the perfect, as "took over" is in the past
    ("Militants have taken over two hilltop villages near the dam.", "taken over", "ASSAULT"),
    # a demand addressed to someone in the older wording
    ("The mayor called upon the governor to reopen the bridge.", "called upon", "REQUEST"),
])
def test_new_act_expressions(staged, text, word, etype) -> None:
    assert (word, etype) in _types(staged, text)


@pytest.mark.parametrize(("text", "word", "etype"), [
    ("She described the village as quiet and friendly.", "described", "ACCUSE"),  # no condemnation
    ("The pilot made a forced landing after an engine failure.", "landing", "COERCE"),  # a fault, no order
    ("The injured were taken to Al-Rahma hospital for treatment.", "taken", "AID"),  # an attack's victims cared for
    ("It is essential reading for students.", "essential", "REQUEST"),  # no demand made
    ("Jihadists had hijacked the separatist rebellion.", "hijacked", "ASSAULT"),  # a cause taken over, no one seized
    ("His name appeared in court documents filed last year.", "appeared", "COERCE"),  # a name in papers, no hearing
    ("The minister appeared in a television interview on Monday.", "appeared", "COERCE"),  # no court
])
def test_look_alikes_of_the_new_act_expressions(staged, text, word, etype) -> None:
    assert (word, etype) not in _types(staged, text)


@pytest.mark.parametrize("text", [
    "The lawyer said his client's isolation amounts to torture.",
    "Activists said the measures constitute arbitrary detention.",
])
def test_an_act_named_as_what_conduct_amounts_to_is_an_accusation(staged, text) -> None:
    found = _types(staged, text)
    assert not [w for w, t in found if t in ("ASSAULT", "COERCE")]
    assert any(t == "ACCUSE" for _w, t in found)


@pytest.mark.parametrize(("text", "arrest"), [
    ("A third man on house arrest has accused a parole officer of extortion.", False),
    ("She wrote the letter while on house arrest in her sister's flat.", False),
    ("The judge placed the opposition leader on house arrest on Monday.", True),
    ("The court sentenced the activist to two years on house arrest.", True),
])
def test_someone_on_house_arrest_is_no_arrest_made(staged, text, arrest) -> None:
    assert (("arrest", "COERCE") in _types(staged, text)) is arrest


def test_a_crime_in_a_laws_name_is_no_act(staged) -> None:
    found = _types(staged, "The five men were charged under Section 4 of the Kidnapping Act on Friday.")
    assert ("Kidnapping", "ASSAULT") not in found
    assert ("kidnapping", "ASSAULT") in _types(staged, "The kidnapping of the two traders shocked the town.")


@pytest.mark.parametrize("text", [
    "A court in Samarkand on Monday found the imam guilty of threatening public order.",
    "The editor was convicted of threatening a judge, his lawyer said on Tuesday.",
])
def test_a_threat_named_as_the_offence_is_no_threat_made(text) -> None:
    assert "THREATEN" not in [m.type for m in sitrep.extract(text, published="2022-02-01")]


def test_a_threat_made_stays() -> None:
    text = "The gang leader threatened on Monday to kill the hostages."
    assert "THREATEN" in [m.type for m in sitrep.extract(text, published="2022-02-01")]


def test_counts_of_a_crime_are_the_charges_not_the_act() -> None:
    text = "The guard faces three counts of kidnapping and two counts of robbery, prosecutors said on Monday."
    assert not [m for m in sitrep.extract(text, published="2022-02-01") if m.type == "ASSAULT" and not m.historical]


@pytest.mark.parametrize(("text", "word", "etype"), [
    # a warrant carried out is a police search or arrest, not a killing
    ("Detectives executed four search warrants across the district on Friday.", "executed four search warrants", "COERCE"),
    ("Agents served an arrest warrant on the mayor at dawn.", "served an arrest warrant", "COERCE"),
    # mob violence
    ("An angry crowd tried to lynch the bus driver.", "lynch", "ASSAULT"),
    ("The lynching of a shepherd was filmed by onlookers.", "lynching", "ASSAULT"),
    # court verdicts: a conviction is legal coercion, an acquittal a release (as "convicted", "acquitted")
    ("A military tribunal found the colonel guilty of fraud.", "found", "COERCE"),
    ("The three students were found not guilty of rioting.", "found", "CONCEDE"),
    # a state listing a group as terrorist bans it (PLOVER COERCE, CAMEO 172 "ban political parties")
    ("The interior ministry designated the youth movement as a terrorist organisation.", "designated", "COERCE"),
    ("Parliament declared the rebel alliance a terrorist group on Sunday.", "declared", "COERCE"),
    # a penalty imposed, no blow struck
    ("The Treasury hit two shipping firms with new financial sanctions.", "hit", "SANCTION"),
])
def test_a_phrase_of_law_or_mob_gets_its_own_type(staged, text, word, etype) -> None:
    found = _types(staged, text)
    assert (word, etype) in found
    assert not any(t == "ASSAULT" for w, t in found if w != word)  # no killing, shot or blow besides


def test_the_count_of_warrants_executed_is_no_toll(staged) -> None:
    doc = staged("Detectives executed four search warrants across the district on Friday.", upto="casualties")
    assert not [c for c in doc.casualties if c.casualty.kind == "killed"]
    assert staged("Militants executed four hostages on Friday.", upto="casualties").casualties  # people still counted


@pytest.mark.parametrize(("text", "word"), [
    # "accused" as the person on trial
    ("A court in Lahore convicts the second accused in the bombing case.", "accused"),
    ("The accused were taken back to prison after the hearing.", "accused"),
    ("Lawyers for the two accused asked for bail.", "accused"),
    # figures of speech
    ("The censor board is taking another shot at banning the film.", "shot"),
    ("Regulators took a shot at reforming the tax code.", "shot"),
    ("The general launched a new War on Terror after the election.", "launched"),
    ("The mayor's war on drugs has filled the jails.", "war"),
])
def test_a_word_of_violence_or_accusation_used_otherwise_is_no_event(staged, text, word) -> None:
    assert word not in [w for w, _ in _types(staged, text)]


@pytest.mark.parametrize(("text", "word", "etype"), [
    ("The opposition accused the police of torture.", "accused", "ACCUSE"),
    ("A gunman fired a shot at the governor's car.", "shot", "ASSAULT"),
    ("Rebels launched an attack on the garrison.", "attack", "ASSAULT"),
    ("The army hit the village with artillery.", "hit", "ASSAULT"),
])
def test_the_plain_senses_stay(staged, text, word, etype) -> None:
    assert (word, etype) in _types(staged, text)


def test_a_hearing_stands_over_the_participle_that_says_who_was_jailed() -> None:
    found = [m for m in sitrep.extract("Jailed activist Hana Malik appeared before a security court on Thursday, her "
                                       "brother said.", published="2022-03-12") if not m.historical]
    assert [(m.type, m.trigger) for m in found] == [("COERCE", "appeared")]


@pytest.mark.parametrize(("text", "word", "etype"), [
    # a workforce that strikes stops work (a protest)
    ("Bus drivers at the city depot continue strikes over unpaid wages.", "strikes", "PROTEST"),
    ("Hospital staff at two clinics in the north strike on Monday.", "strike", "PROTEST"),
    # the workforce's verb and the strike's own words between them
    ("The nurses union extended a strike it began in May.", "strike", "PROTEST"),
    ("Dock workers launched a fresh strike on Monday.", "strike", "PROTEST"),
    # an armed force's strikes stay attacks, with a workforce named after them
    ("Government jets continued strikes on the district.", "strikes", "ASSAULT"),
    ("Artillery strikes hit workers at the brick factory.", "strikes", "ASSAULT"),
    ("Rescue workers began digging after the strike on the market.", "strike", "ASSAULT"),
])
def test_a_strike_by_a_workforce_is_a_stoppage(staged, text, word, etype) -> None:
    assert (word, etype) in _types(staged, text)


@pytest.mark.parametrize(("text", "word", "etype"), [
    # protesters and the police who meet them: a protest with intervention
    ("Students and riot police clashed outside the parliament on Friday.", "clashed", "ASSAULT"),  # no marchers named
    ("Hundreds of marchers clashed with riot police near the stadium.", "clashed", "PROTEST"),
    ("There were fresh clashes between demonstrators and security forces in the port city.", "clashes", "PROTEST"),
    # two armed sides, or marchers and a rival crowd, stay a clash
    ("Rebels clashed with government forces near the border town.", "clashed", "ASSAULT"),
    ("Protesters clashed with supporters of the ruling party in the square.", "clashed", "ASSAULT"),
])
def test_a_clash_of_protesters_and_police_is_a_protest(staged, text, word, etype) -> None:
    assert (word, etype) in _types(staged, text)


def test_a_clash_between_police_and_protesters_is_a_protest_with_intervention() -> None:
    [record] = sitrep.extract("Clashes between police and protesters erupted in the capital on Friday.", published="2022-03-12")
    assert (record.type, record.acled["sub_event_type"]) == ("PROTEST", "Protest with intervention")


@pytest.mark.parametrize(("text", "word", "etype"), [
    # a protest asked leave for is a request
    ("The alliance applied for permission to stage a rally in the old town.", "rally", "REQUEST"),
    ("The alliance staged a rally in the old town.", "rally", "PROTEST"),
    # giving oneself up to the police is an arrest; a force's surrender stays a retreat
    ("Two suspects surrendered to police in the port city.", "surrendered", "COERCE"),
    ("The garrison surrendered after a week-long siege.", "surrendered", "RETREAT"),
    # bin workers refusing to cross a picket line join the strike; "refuse" the noun refuses nothing
    ("Drivers refused to cross the picket line outside the depot.", "refused to", "PROTEST"),
    ("Refuse collectors at the depot voted to accept the pay offer.", "Refuse", None),
    # "demonstrated" with an object or a clause is to show; with none it is a protest
    ("The council vote demonstrated that the mayor had lost his majority.", "demonstrated", None),
    ("The new party demonstrated its strength in the rural districts.", "demonstrated", None),
    ("Hundreds of nurses demonstrated outside the ministry on Tuesday.", "demonstrated", "PROTEST"),
])
def test_who_protests_and_who_is_held_by_the_words_around_them(staged, text, word, etype) -> None:
    found = dict(_types(staged, text))
    assert found.get(word) == etype if etype else found.get(word) in (None, "NOT_EVENT")


def test_a_press_release_frees_no_one(staged) -> None:
    found = _types(staged, "The party said in a press release on Monday that the vote was rigged.")
    assert ("release", "CONCEDE") not in found
    assert ("released", "CONCEDE") in _types(staged, "The army released 20 prisoners, the ministry said in a news release.")


def test_seeking_to_do_is_an_attempt_not_a_request(staged) -> None:
    assert ("sought", "REQUEST") not in _types(staged, "The new cabinet sought to calm the fears of its neighbours.")
    assert ("sought", "REQUEST") in _types(staged, "The lawyers sought the release of the two journalists.")


@pytest.mark.parametrize(("text", "word"), [
    ("The cabinet is full of veterans of the 20-year battle against the coalition.", "battle"),
    ("Both sides are tired of the decades-long war over the valley.", "war"),
])
def test_a_long_running_war_is_no_act(staged, text, word) -> None:
    assert (word, "ASSAULT") not in _types(staged, text)


@pytest.mark.parametrize(("text", "fought"), [
    ("Analysts call the militia the best fighting force in the north.", False),
    ("The commander said his brigade had 400 fighting men left.", False),
    ("The tribe's fighting units were disbanded last year.", False),
    ("Tribal fighters were fighting army units along the river on Friday.", True),  # a verb and its object
])
def test_a_body_able_to_fight_is_no_fighting(staged, text, fought) -> None:
    assert (("fighting", "ASSAULT") in _types(staged, text)) is fought


def test_a_verdict_on_a_person_told_with_an_apposition_is_a_conviction(staged) -> None:
    # the one found guilty is named in an apposition between commas, its words more than six
    found = _types(staged, "A district court on Monday found the poet and former teacher, Ali Vohidov, guilty of insulting "
                           "the president.")
    assert ("found", "COERCE") in found


@pytest.mark.parametrize(("text", "word", "etype"), [
    # a person set free is a release, not ground retaken
    ("The reporter regained freedom on Tuesday after paying the fine.", "regained freedom", "CONCEDE"),
    # held by the police, searched by them: arrests and searches, not attacks
    ("Eleven strikers were taken into custody at the depot.", "taken into custody", "COERCE"),
    ("Officers searched the homes of three union organisers on Friday.", "searched the homes of", "COERCE"),
    ("The ministry carried out raids and detentions against charities overnight.", "raids and detentions", "COERCE"),
])
def test_release_custody_and_search_expressions(staged, text, word, etype) -> None:
    assert (word, etype) in _types(staged, text)


def test_troops_that_regained_a_town_still_retook_ground(staged) -> None:
    assert ("regained", "ASSAULT") in _types(staged, "Government troops regained the hilltop town on Sunday.")


@pytest.mark.parametrize(("text", "word"), [
    ("Strikers held three executives against their will for ten hours at the plant.", "held three executives against their will"),
    ("Gunmen held two aid workers captive in a forest for a week.", "held two aid workers captive"),
])
def test_people_held_by_force_are_a_hostage_taking(staged, text, word) -> None:
    assert (word, "ASSAULT") in _types(staged, text)


def test_a_suspect_held_in_custody_is_no_hostage_taking(staged) -> None:
    found = _types(staged, "The suspect was held in custody overnight at the station.")
    assert not any(t == "ASSAULT" for _w, t in found)


@pytest.mark.parametrize("text, word", [
    ("Four farmers who blocked the highway were taken into custody on Sunday.", "taken into custody"),
    ("Officers searched the homes of three reporters in the port city on Friday.", "searched the homes of"),
    ("Detectives searched the offices of a small charity and took away its computers.", "searched the offices of"),
])
def test_custody_and_a_search_of_premises_are_coercion(staged, text, word) -> None:
    # a transfer into custody is an arrest, a police search of a home or office a raid: state coercion
    assert (word, "COERCE") in _types(staged, text)


@pytest.mark.parametrize("text, word", [
    ("Rights group slams police over deaths in custody", "slams"),
    ("The union has slammed the ministry for the arrests.", "slammed"),
    ("The bishop criticises the governor for the closures.", "criticises"),
    ("The lawyers' body lambasted the court's ruling.", "lambasted"),
])
def test_other_forms_of_censure_verbs_are_accusations(staged, text, word) -> None:
    assert (word, "ACCUSE") in _types(staged, text)


def test_a_shell_slamming_into_a_district_is_no_censure(staged) -> None:
    assert not any(t == "ACCUSE" for _w, t in _types(staged, "Two rockets slammed into the old market on Monday."))


@pytest.mark.parametrize("text", ["The army pressed its offensive near the town of Sukhna on Monday.",
                                  "Government forces pressed on with their assault on the village on Monday.",
                                  "The rebels pressed ahead with the attack on the airbase on Monday."])
def test_a_force_pressing_on_with_its_offensive_asks_for_nothing(staged, text) -> None:
    assert ("pressed", "REQUEST") not in _types(staged, text)


def test_pressing_a_state_to_act_is_still_a_request(staged) -> None:
    assert ("pressed", "REQUEST") in _types(staged, "The United States pressed Russia on Monday to halt the bombing.")
