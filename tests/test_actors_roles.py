"""Which mention becomes actor1 and actor2: role rules on hand-written sentences, whole pipeline."""

from __future__ import annotations

import pytest

import sitrep


def records(text: str, title: str | None = None) -> list:
    return [m for m in sitrep.extract(text, published="2021-03-05", title=title) if not m.historical]


def of_type(etype: str, text: str, title: str | None = None) -> list:
    return [m for m in records(text, title=title) if m.type == etype]


def roles(record) -> tuple[str | None, str | None]:  # noqa: ANN001
    return (record.actor1.name if record.actor1 else None, record.actor2.name if record.actor2 else None)


def test_the_dead_are_never_the_agent():
    found = records("Shelling hit the market in Idlib on Monday. Local sources said more than 30 people were dead.")
    assert found
    for m in found:
        assert m.actor1 is None or m.actor1.kind != "civilians", roles(m)


def test_people_who_died_in_an_attack_did_not_carry_it_out():
    found = records("They were among 27 people who died in the bombing in the Bab Amr neighbourhood of Homs on Sunday, "
                    "a monitor said.")
    assert found
    assert all(m.actor1 is None or m.actor1.kind != "civilians" for m in found)


def test_a_demand_is_the_speakers_and_its_subject_the_target():
    text = ("Belarusian authorities have detained three journalists in Minsk for two weeks, Human Rights Watch said today. "
            "The authorities should release the three journalists immediately.")
    demand = of_type("REQUEST", text)
    assert demand
    assert roles(demand[0])[0] == "Human Rights Watch"
    assert demand[0].actor2 is not None and demand[0].actor2.kind == "government"


def test_a_demand_in_a_quoted_sentence_is_the_speakers():
    text = "Egyptian authorities should release the three lawyers immediately, Amnesty International said on Friday."
    demand = of_type("REQUEST", text)
    assert demand and roles(demand[0])[0] == "Amnesty International"


def test_a_passive_demand_with_coordinated_adverbs_is_the_quoted_speakers():
    # "should be immediately and unconditionally released": adverbs and the "and" between them leave
    # the modal a demand (not a release), spoken by whoever the quotation is attributed to
    text = ("Police in Minsk detained the blogger Ivan Petrov on Monday. \u201cHe should be promptly and "
            "unconditionally released,\u201d Amnesty International said on Tuesday.")
    demand = of_type("REQUEST", text)
    assert demand and roles(demand[0])[0] == "Amnesty International"
    assert not of_type("CONCEDE", text)


def test_a_modal_before_two_coordinated_verbs_is_not_read_across_the_and():
    from sitrep.stages.roles import MUST_BEFORE
    assert MUST_BEFORE.search("should be quickly and quietly ")
    assert not MUST_BEFORE.search("should uphold free speech and ")


def test_terrorists_are_the_group_named_just_before():
    text = ("A man was killed by sniper fire of Jabhat al-Nusra terrorists in the village of Kafr Nabudah on Tuesday. "
            "A source told SANA that another man was injured by a terrorists sniper shot in the same village.")
    later = [m for m in records(text) if 1 in m.sentences]
    assert later and later[0].actor1 is not None and later[0].actor1.name == "Al-Nusra Front"


@pytest.mark.parametrize("text", [
    # two groups named: a fight between them, the generic word stays generic
    "The clashes pitted the Nusra Front against the Islamic State in Deir ez-Zor on Monday. "
    "Rebel infighting killed 40 fighters there on Tuesday.",
    # a part of a larger alliance is not the alliance
    "A new alliance including the Nusra Front attacked Aleppo on Monday. Rebel shelling killed nine people there on Tuesday.",
])
def test_terrorists_stay_generic_when_the_group_is_not_clear(text):
    later = [m for m in records(text) if m.sentences == [1]]
    assert later and (later[0].actor1 is None or later[0].actor1.name != "Al-Nusra Front")


def test_a_sentence_with_no_agent_takes_the_court_the_article_names():
    text = ("The ruling from a Lyon criminal court ended a trial that lasted four months. "
            "The former mayor, Jean Dupont, was sentenced to two years in prison on Friday.")
    sentenced = of_type("COERCE", text)
    assert sentenced and sentenced[0].actor1 is not None
    assert "court" in sentenced[0].actor1.name.lower() and sentenced[0].actor1.basis == "inferred"


def test_victims_of_a_kidnapping_are_its_target():
    text = "Pastor Jean Louis and his son were the latest victims of a kidnapping in Port-au-Prince, Haiti on Sunday."
    taken = of_type("ASSAULT", text)
    assert taken
    assert taken[0].actor1 is None or "Louis" not in (taken[0].actor1.name or "")
    assert taken[0].actor2 is not None and taken[0].actor2.kind != "state military"


def test_unnamed_kidnappers_are_inferred_with_the_place():
    text = "Two aid workers were kidnapped in Port-au-Prince, Haiti on Sunday, their organisation said."
    taken = [m for m in records(text) if m.type == "ASSAULT" and m.mode == "abduct"]
    assert taken and taken[0].actor1 is not None
    assert taken[0].actor1.kind == "unknown" and taken[0].actor1.basis == "inferred"
    assert taken[0].actor1.country == "HT"


def test_a_state_named_as_the_place_is_not_the_agent():
    text = "Police freed 300 boys from a house in Kaduna in northern Nigeria in a raid on Thursday."
    freed = records(text)
    assert freed and all(m.actor1 is None or m.actor1.kind != "state military" for m in freed)
    assert any(m.actor1 is not None and m.actor1.kind == "police" for m in freed)


def test_who_confirmed_a_kidnapping_did_not_carry_it_out():
    text = ("Peter Hall, the UN coordinator for Yemen, confirmed that five UN staff members were kidnapped in Abyan "
            "Province on Friday.")
    taken = of_type("ASSAULT", text)
    assert taken
    assert taken[0].actor1 is None or taken[0].actor1.kind not in ("state military", "government", "head of state")


def test_the_release_of_the_kidnapped_is_by_their_kidnappers():
    text = "A pastor and his daughter were released on Monday after being kidnapped in Port-au-Prince, Haiti last week."
    freed = of_type("CONCEDE", text)
    assert freed and freed[0].actor1 is not None and freed[0].actor1.basis == "inferred"
    assert freed[0].actor1.kind == "unknown"


def test_an_attack_headline_counts_its_victims():
    title = "Warplanes kill 14 civilians in market town"
    text = "Air raids hit the market of Saraqeb in Idlib province on Monday, a monitor said."
    hit = of_type("ASSAULT", text, title)
    assert hit and hit[0].actor2 is not None and hit[0].actor2.kind == "civilians"


def test_a_headline_without_counted_people_names_no_victim():
    title = "Warplanes strike market town"
    text = "Air raids hit the market of Saraqeb in Idlib province on Monday, a monitor said."
    hit = of_type("ASSAULT", text, title)
    assert hit and (hit[0].actor2 is None or hit[0].actor2.kind != "civilians")


def test_schoolgirls_kidnapped_are_students():
    text = "Gunmen kidnapped eight school girls and their teacher in Zamfara state, Nigeria on Tuesday."
    taken = of_type("ASSAULT", text)
    assert taken and taken[0].actor2 is not None and taken[0].actor2.kind == "students"


def test_people_protesting_are_protesters():
    text = "Police in Cairo arrested 120 people protesting against price rises on Friday."
    held = of_type("COERCE", text)
    assert held and held[0].actor2 is not None and held[0].actor2.kind == "protesters"


def test_the_side_fought_in_a_battle_is_the_other_party():
    text = "Rebel fighters fought a fierce battle with the Islamic State near Azaz on Monday."
    fought = of_type("ASSAULT", text)
    assert fought and fought[0].actor2 is not None and fought[0].actor2.name.startswith("Islamic State")


def test_the_attacker_named_before_another_word_for_the_act():
    text = "A man was killed and 7 people were injured in terrorist attacks in Aleppo on Thursday."
    hit = of_type("ASSAULT", text)
    assert hit and hit[0].actor1 is not None and hit[0].actor1.kind == "armed group"
    assert hit[0].actor2 is not None and hit[0].actor2.kind == "civilians"


def test_a_demonym_before_fighter_names_the_side():
    text = "An opposition fighter fires his rifle in a battle with Daesh near Azaz, Syria on Monday."
    fought = of_type("ASSAULT", text)
    assert fought and fought[0].actor1 is not None and fought[0].actor1.kind == "armed group"
    assert fought[0].actor2 is not None and fought[0].actor2.name.startswith("Islamic State")


def test_a_capital_addressed_stands_for_its_government():
    text = "The European Union called on Beijing to release the detained journalists on Monday."
    demand = of_type("REQUEST", text)
    assert demand and demand[0].actor2 is not None
    assert demand[0].actor2.kind == "government" and demand[0].actor2.country == "CN"


def test_a_capital_where_people_gather_is_a_place_not_the_government():
    text = "Hundreds of protesters gathered in Moscow on Monday to demand the release of the activist."
    rally = of_type("PROTEST", text)
    assert rally and (rally[0].actor2 is None or rally[0].actor2.kind != "government")


def test_a_release_is_by_the_group_the_article_names_as_kidnappers():
    text = ("Boko Haram fighters kidnapped 20 farmers near Maiduguri, Nigeria on Monday. "
            "Five of the farmers who were kidnapped were released on Friday, the police said.")
    freed = of_type("CONCEDE", text)
    assert freed and freed[0].actor1 is not None
    assert freed[0].actor1.name == "Boko Haram" and freed[0].actor1.basis == "inferred"


def test_the_side_clashed_with_is_the_other_party():
    text = "Kurdish fighters clashed with militants from the Islamic State near Hasakah, Syria on Friday."
    fought = of_type("ASSAULT", text)
    assert fought and fought[0].actor2 is not None and fought[0].actor2.name.startswith("Islamic State")


def test_a_protest_at_an_embassy_addresses_that_state():
    text = "Relatives of the jailed reporter staged a protest outside the Iranian embassy in London on Monday."
    rally = of_type("PROTEST", text)
    assert rally and rally[0].actor2 is not None
    assert rally[0].actor2.kind == "government" and rally[0].actor2.country == "IR"


def test_the_police_policing_a_protest_are_not_its_target():
    text = "Hundreds of students held a rally in defiance of a ban imposed by the police in Ankara on Sunday."
    rally = of_type("PROTEST", text)
    assert rally and rally[0].actor2 is not None
    assert rally[0].actor2.kind == "government" and rally[0].actor2.country == "TR"


def test_unnamed_people_rallying_are_protesters_of_the_place():
    text = "Thousands gathered in central Istanbul on Sunday in a rally to mark Labour Day."
    rally = of_type("PROTEST", text)
    assert rally and rally[0].actor1 is not None
    # "Thousands" are the text's words for them; that they are protesters, of Turkey, is read from the rally
    assert (rally[0].actor1.kind, rally[0].actor1.country) == ("protesters", "TR")


def test_shelling_between_two_sides_names_both_in_order():
    text = ("Forty people were killed in an exchange of shelling between government forces and the Islamic State "
            "in Deir ez-Zor, Syria on Wednesday.")
    hit = of_type("ASSAULT", text)
    assert hit and hit[0].actor1 is not None and hit[0].actor2 is not None
    assert hit[0].actor1.kind == "state military" and hit[0].actor2.name.startswith("Islamic State")


def test_who_ordered_an_arrest_is_its_agent():
    text = "The editor, Musa Bello, was arrested and detained on the orders of the Kano State government in Nigeria on Friday."
    held = of_type("COERCE", text)
    assert held and held[0].actor1 is not None and held[0].actor1.kind == "government"
    assert held[0].actor1.basis == "text"


def test_a_named_member_of_a_group_is_the_target_not_the_group():
    found = records("Police in Quetta arrested Awami Youth Front leader Karim Jatoi on Monday.")
    coerce = [m for m in found if m.type == "COERCE"]
    assert coerce
    assert coerce[0].actor2 is not None and coerce[0].actor2.name == "Karim Jatoi", roles(coerce[0])


def test_a_group_leader_speaking_still_speaks_for_the_group():
    found = records("Hamas leader Ismail Haniyeh condemned Israel on Monday.")
    assert found
    assert found[0].actor1 is not None and found[0].actor1.name == "Hamas", roles(found[0])


def test_who_says_a_passive_act_happened_is_not_the_one_it_was_done_to():
    for text in ("Police say a man wanted for robbing a bank in Denver has been arrested in Utah.",
                 "Police on Tuesday said a man wanted for robbing a bank in Denver had been arrested in Utah."):
        coerce = of_type("COERCE", text)
        assert coerce, text
        assert coerce[0].actor2 is None or coerce[0].actor2.kind != "police", roles(coerce[0])


def test_a_weekday_before_a_name_is_not_part_of_the_name():
    found = of_type("COERCE", "A spokesman said Thursday Johnson was arrested in Utah.")
    assert found
    assert found[0].actor2 is None or not (found[0].actor2.name or "").startswith("Thursday"), roles(found[0])


def all_records(text: str) -> list:
    return sitrep.extract(text, published="2021-03-05")


def test_a_named_person_is_one_of_the_class_counted_just_before():
    found = all_records("Police in Minsk detained three journalists from an independent paper last week, a union said. "
                        "Officers arrested Pavel Sidorenko, 31, outside his home on Tuesday.")
    named = [m for m in found if m.actor2 and m.actor2.name == "Pavel Sidorenko"]
    assert named, [roles(m) for m in found]
    assert all(m.actor2.kind == "journalists" for m in named)


def test_a_named_person_after_plain_people_stays_a_civilian():
    found = all_records("Police in Minsk detained three people outside an independent paper last week, a union said. "
                        "Officers arrested Pavel Sidorenko, 31, outside his home on Tuesday.")
    named = [m for m in found if m.actor2 and m.actor2.name == "Pavel Sidorenko"]
    assert named, [roles(m) for m in found]
    assert all(m.actor2.kind == "civilians" for m in named)


@pytest.mark.parametrize("text", [
    "Gunmen kidnapped a retired army general, Tunde Bakare, in Enugu on Friday.",
    "Gunmen kidnapped a former police commissioner, Tunde Bakare, in Enugu on Friday.",
    "Police in Sarajevo on Tuesday detained a Serb ex-policeman accused of taking part in killings in 1992.",
])
def test_a_retired_or_former_officer_is_a_private_person(text):
    found = all_records(text)
    assert found and all(m.actor2 is not None and m.actor2.kind == "civilians" for m in found), \
        [roles(m) for m in found]


def test_a_serving_officer_stays_with_the_state():
    found = all_records("Gunmen kidnapped an army general, Tunde Bakare, in Enugu on Friday.")
    assert found and all(m.actor2 is not None and m.actor2.kind == "state military" for m in found), \
        [roles(m) for m in found]


def test_former_members_joining_a_force_leave_the_force_a_force():
    found = all_records("The former rebels joined the army in 2015; the army shelled Kidal on Friday.")
    assert found and all(m.actor1 is not None and m.actor1.kind == "state military" for m in found), \
        [roles(m) for m in found]


def test_a_participle_going_on_with_the_act_takes_its_verbs_roles():
    # "..., beating him": the participle's own subject is not in its clause
    (m,) = records("Members of the security forces attacked prominent rights lawyer Sami Haddad, head of the Cairo "
                   "Centre for Legal Aid, beating him badly and covering him in paint.")
    assert m.mode == "beat"
    assert m.actor1 is not None and m.actor1.name == "Security forces"
    assert m.actor2 is not None and m.actor2.name == "Sami Haddad"


def test_at_the_hands_of_names_the_agent():
    (m,) = records("The teacher was beaten at the hands of police officers in Leon on Monday.")
    assert m.actor1 is not None and m.actor1.name == "Police"


def test_people_in_the_object_of_an_arrest_do_not_carry_out_the_raid():
    found = records("Police in Ruritania arrested the leader of the main opposition party and several other "
                    "politicians and activists in raids on their houses on Friday.")
    assert found and all(m.actor1 is not None and m.actor1.name == "Police" for m in found)


def test_the_accused_of_a_massacre_remains_its_author():
    found = records('The French president accused the Syrian regime of responsibility for a "massacre" in Idlib on Tuesday.')
    assert [(m.type, m.actor1.name if m.actor1 else None) for m in found] == [("ASSAULT", "Syrian Arab Army")]


def test_terrorists_are_the_group_the_sentence_calls_so():
    # the sentence calls the group "terrorist" itself: its "terrorists" are that group, however far apart
    text = ("Government jets pounded a stronghold of the Daesh terrorist group in the eastern town of Mayadin "
            "on Sunday, reportedly killing at least 12 terrorists, a monitor said.")
    found = of_type("ASSAULT", text)
    assert found and found[0].actor2 is not None and found[0].actor2.name == "Islamic State (ISIS)", found


def test_who_died_is_not_the_attacker():
    found = records("A jailed opposition activist, Ivan Petrov, died in custody on Monday.")
    assert all(m.actor1 is None or m.actor1.kind != "human rights defenders" for m in found), [roles(m) for m in found]


def test_the_headline_attacker_is_not_lent_to_another_incident():
    # the headline names who struck the market; the car bomb told after it is another act, its author unnamed
    found = of_type("ASSAULT", "Regime warplanes struck a market in Ariha on Friday, killing 12 civilians. "
                    "A car bomb wounded at least 20 people in a government-held district of Homs on Friday, state media said.",
                    title="Syria regime raids kill 12 in Idlib market")
    bomb = [m for m in found if "car bomb" in m.evidence.text]
    market = [m for m in found if "Ariha" in m.evidence.text]
    assert bomb and market
    assert market[0].actor1 is not None and market[0].actor1.kind == "state military"
    assert bomb[0].actor1 is None, roles(bomb[0])


@pytest.mark.parametrize(("text", "first"), [
    ("Russian and Syrian regime airstrikes killed 58 civilians in eastern Syria on Monday.", "RU"),
    ("Syrian and Russian jets bombed the town of Ariha on Monday, killing nine people.", "SY"),
    # a government named first fights by its forces
    ("Monitors said the shelling by the Assad regime and Russian forces on Homs last week shows "
     "deliberate attacks against residents.", "SY"),
    ("The Syrian government and Russian jets bombed the town of Ariha on Monday, killing ten civilians.", "SY"),
])
def test_a_joint_attack_is_coded_to_the_side_named_first(text, first):
    found = of_type("ASSAULT", text)
    assert found
    assert found[0].actor1 is not None and found[0].actor1.country == first, roles(found[0])
    assert found[0].actor2 is None or found[0].actor2.kind == "civilians", roles(found[0])


@pytest.mark.parametrize("text", [
    "Turkey's foreign minister and his Russian counterpart discussed the attack on a checkpoint in Hama that killed four soldiers.",
    "The Kremlin described the bombing of a hospital in Idlib that killed five medics as a provocation.",
])
def test_who_speaks_of_an_attack_did_not_carry_it_out(text):
    found = of_type("ASSAULT", text)
    assert found
    assert all(m.actor1 is None for m in found), [roles(m) for m in found]


def test_who_launched_an_attack_carried_it_out():
    found = of_type("ASSAULT", "Rebels launched an attack on army positions in Hama on Monday that killed four soldiers.")
    assert found and found[0].actor1 is not None and found[0].actor1.kind == "rebels", roles(found[0])


@pytest.mark.parametrize(("text", "attacker", "repeller"), [
    ("The army repelled an attack by Jabhat al-Nusra on a checkpoint near Hama on Monday.", "armed group", "state military"),
    ("Rebels tried to storm the airbase overnight, but government troops fended off the assault, the army said on Tuesday.",
     "armed group", "state military"),
])
def test_the_attacker_of_a_repelled_attack_is_actor1(text, attacker, repeller):
    found = of_type("ASSAULT", text)
    assert found
    m = found[0]
    assert m.actor1 is not None and m.actor1.kind in (attacker, "rebels"), roles(m)
    assert m.actor2 is not None and m.actor2.kind == repeller, roles(m)
    assert m.actor1.name != m.actor2.name


def test_the_author_of_a_repulsed_offensive_is_actor1():
    found = of_type("ASSAULT", "Kurdish fighters repulsed an Islamic State offensive on Kobani on Monday.")
    assert found
    assert found[0].actor1 is not None and found[0].actor1.name.startswith("Islamic State"), roles(found[0])
    assert found[0].actor2 is not None and not found[0].actor2.name.startswith("Islamic State"), roles(found[0])


def test_a_foiled_attempt_is_the_foilers_act_against_the_would_be_attackers():
    found = of_type("ASSAULT", "The army thwarted an attack by Jabhat al-Nusra on a checkpoint in Aleppo province on Monday.")
    assert found
    m = found[0]
    assert m.actor1 is not None and m.actor1.kind == "state military", roles(m)
    assert m.actor2 is not None and m.actor2.name == "Al-Nusra Front", roles(m)


def test_the_agent_of_another_participle_is_not_the_attacker():
    # "by activists" tells who posted the video, not who fired
    found = of_type("ASSAULT", "A video posted online by activists showed regime shelling of the Waer district of Homs on Monday.")
    assert all(m.actor1 is None or m.actor1.kind != "human rights defenders" for m in found), [roles(m) for m in found]


def test_the_force_whose_positions_were_struck_is_the_target():
    # "jets struck": the verb of the trigger phrase carries the act's object, the positions' owner
    found = of_type("ASSAULT", "Turkish jets struck YPG positions near Afrin on Monday, killing three civilians.")
    assert found
    assert found[0].actor1 is not None and found[0].actor1.country == "TR", roles(found[0])
    assert found[0].actor2 is not None and "YPG" in found[0].actor2.name, roles(found[0])


def test_the_group_named_in_a_passive_subject_is_the_side_hit():
    found = of_type("ASSAULT", "Abu Omar, the Al-Nusra Front commander in Idlib, was killed in Jabal al-Zawiya on Monday.")
    assert found
    assert found[0].actor1 is None or found[0].actor1.name != "Al-Nusra Front", roles(found[0])
    assert found[0].actor2 is not None, roles(found[0])


@pytest.mark.parametrize("text", [
    # a headline-style lead: "A child killed" is the dead, not a child who killed
    "A child killed, 7 people injured in terrorist attacks in Aleppo on Thursday.",
    # a crowd that kills is not coded as civilians (ACLED: rioters), and never as the civilian side
    "Villagers killed two soldiers in an attack on a checkpoint near Hama on Monday.",
])
def test_civilians_are_never_the_authors_of_violence(text):
    found = of_type("ASSAULT", text)
    assert found
    for m in found:
        assert m.actor1 is None or m.actor1.kind != "civilians", roles(m)
        assert m.actor2 is not None, roles(m)


def test_two_demonyms_over_one_head_are_one_side_of_a_clash():
    found = of_type("ASSAULT", "Heavy fighting broke out between the Turkish and Syrian rebel forces and the YPG near Afrin on Monday.")
    assert found
    assert found[0].actor1 is not None and found[0].actor1.country == "TR", roles(found[0])
    assert found[0].actor2 is not None and "YPG" in found[0].actor2.name, roles(found[0])


def test_a_named_office_holder_is_the_actor_in_the_words_of_the_office():
    found = records("Ghanaian President Amara Diallo rejected the opposition's proposal on Monday.")
    rejections = [m for m in found if m.type == "REJECT"]
    assert rejections and rejections[0].actor1.name == "Amara Diallo"
    assert rejections[0].actor1.label == "Ghanaian President Amara Diallo"


def test_the_owner_of_the_speakers_is_not_the_speaker():
    text = ("Police arrested labor leader Tomas Birk, 50, on Monday. "
            "Birk's defence committee on Wednesday rejected the prosecutor's accusations against him as false.")
    rejections = of_type("REJECT", text)
    assert rejections and rejections[0].actor1 is not None and rejections[0].actor1.name != "Tomas Birk"


def test_two_persons_are_two_parties():
    text = ("Labor leader Tomas Birk, 50, was arrested in December. Judge Jana Novak heard his case in May. "
            "On Monday Novak dismissed the criminal case against Birk.")
    acts = [m for m in records(text) if m.actor1 is not None and m.actor1.name == "Jana Novak"]
    assert acts and acts[0].actor2 is not None and acts[0].actor2.name == "Tomas Birk"
    # a court dismissing a case acts; it does not deny a report
    assert acts[0].claim.modality != "denied"


def test_a_denial_of_an_accusation_is_its_attribute():
    text = ("On Monday the interior minister accused the two students of ties to an armed group. "
            "Their family has denied the accusation and said the police are using it as an excuse.")
    assert of_type("ACCUSE", text)
    assert not of_type("REJECT", text)


def test_a_denial_of_someones_part_in_an_incident_is_its_attribute():
    text = ("Gunmen abducted two journalists in Calabar on Monday, police said. "
            "The governor's spokesman denied the governor's involvement.")
    assert not of_type("REJECT", text)


def test_a_states_word_before_a_named_leader_is_the_leaders_state_not_a_party():
    text = "Ghana's foreign ministry on Friday rejected comments by French President Emmanuel Macron about the vote."
    rejections = of_type("REJECT", text)
    assert rejections and rejections[0].actor2 is not None and rejections[0].actor2.name == "Emmanuel Macron"


def test_a_speaker_before_a_passive_act_is_not_its_target():
    text = ("During the operation on Monday morning, PNP chief Gen. Tomas Birk said those who were arrested were "
            "six students whom he accused of recruiting minors.")
    arrests = [m for m in records(text) if m.type == "COERCE"]
    assert arrests and arrests[0].actor2 is not None
    assert arrests[0].actor2.kind == "students" and arrests[0].actor2.name != "Gen"


def test_an_attack_on_a_forces_base_is_on_that_force_whoever_died_there():
    text = ("Israeli missiles struck Iraq's Balad airbase near Tikrit on Tuesday, killing three children "
            "who lived nearby, local officials said.")
    attacks = of_type("ASSAULT", text)
    assert attacks and attacks[0].actor2 is not None
    assert (attacks[0].actor2.kind, attacks[0].actor2.country) == ("state military", "IQ"), roles(attacks[0])


def test_a_bombing_of_a_police_station_is_on_the_police_of_the_place():
    text = ("At least 12 people were killed on Sunday when two suicide bombers attacked the police station "
            "in the town of Baqubah in Iraq, officials said.")
    attacks = of_type("ASSAULT", text)
    assert attacks and attacks[0].actor2 is not None
    assert (attacks[0].actor2.kind, attacks[0].actor2.country) == ("police", "IQ"), roles(attacks[0])


def test_a_blast_near_a_base_or_a_base_that_hit_others_is_not_an_attack_on_it():
    near = of_type("ASSAULT", "A car bomb killed nine civilians in a market near the army base in Kirkuk, Iraq on Monday.")
    assert near and near[0].actor2 is not None and near[0].actor2.kind == "civilians", roles(near[0])
    own = of_type("ASSAULT", "The Iraqi army shelled the village from its airbase near Mosul on Monday, killing six civilians.")
    assert own and (own[0].actor2 is None or own[0].actor2.kind == "civilians"), roles(own[0])


def test_shells_fired_at_homes_with_no_one_named_as_hit_were_aimed_at_civilians():
    text = ("Militants fired mortar shells at residential neighbourhoods of Kirkuk, Iraq on Monday, wounding 14, "
            "the provincial health directorate said.")
    attacks = of_type("ASSAULT", text)
    assert attacks and attacks[0].actor2 is not None and attacks[0].actor2.kind == "civilians", roles(attacks[0])


def test_people_killed_are_the_side_a_further_telling_counts():
    text = ("Jihadists killed more than 40 people in an attack on two villages in Hama province, Syria on Thursday, "
            "a monitor said. The monitor said the attack killed 9 civilians and 31 pro-government fighters.")
    attacks = of_type("ASSAULT", text)
    assert len(attacks) == 1 and attacks[0].actor2 is not None, [roles(m) for m in attacks]
    assert attacks[0].actor2.kind == "state military", roles(attacks[0])
    only_civilians = of_type("ASSAULT", "Jihadists killed more than 40 people in an attack on two villages in Hama "
                             "province, Syria on Thursday, a monitor said. The monitor said the attack killed "
                             "31 civilians including 9 children.")
    assert only_civilians and only_civilians[0].actor2 is not None and only_civilians[0].actor2.kind == "civilians"


def test_whom_a_crowd_cheers_is_not_whom_it_protests_against():
    text = ("As word of the president's arrest spread in Bamako, Mali on Tuesday, thousands of people filled the "
            "streets, cheering soldiers as they drove through the city.")
    rallies = of_type("PROTEST", text)
    assert rallies and rallies[0].actor2 is None, roles(rallies[0])


def test_a_sides_own_forces_mobilized_are_no_other_side():
    text = "Islamic State fighters have been mobilizing all their forces in the village of Qabasin near al-Bab, Syria this morning."
    moves = of_type("MOBILIZE", text)
    assert moves and moves[0].actor1 is not None and moves[0].actor2 is None, roles(moves[0])


@pytest.mark.parametrize("second", [
    "Police did not contact Haddad again until Monday, when they sent him a new summons.",
    "On Monday police issued him a summons to appear before a judge.",
])
def test_an_act_handed_to_someone_is_done_to_them(second):
    # "sent him a summons": the indirect object of the verb that gives the act is its target
    found = of_type("COERCE", "Karim Haddad, 41, an editor in Rabat, has been questioned twice this year. " + second)
    summons = [m for m in found if 1 in m.sentences]
    assert summons and summons[0].actor2 is not None and summons[0].actor2.name == "Karim Haddad", \
        [roles(m) for m in found]


def test_the_named_subject_of_a_passive_act_is_its_target_not_an_office_named_after():
    text = ("48-year-old Marcus Delane Whitfield of Ridgeland was arrested on Monday at the prison, "
            "where he was a lieutenant and a police officer.")
    found = of_type("COERCE", text)
    assert found and found[0].actor2 is not None, [roles(m) for m in found]
    assert "Whitfield" in (found[0].actor2.label or found[0].actor2.name or ""), found[0].actor2
    assert found[0].actor2.kind == "police"  # what the sentence says he was
    other = of_type("COERCE", "48-year-old Marcus Delane Whitfield of Ridgeland was arrested on Monday after a fight with "
                              "a police officer at the prison.")
    assert other and other[0].actor2 is not None and "Whitfield" in (other[0].actor2.label or other[0].actor2.name or "")
    assert other[0].actor2.kind != "police"


def test_a_description_names_the_first_person_introduced_after_it_not_one_named_before():
    text = ("A technician leaked photos of the family of President Omar Haddad. "
            "A Moroccan man charged with leaking photos of President Omar Haddad's wife was sentenced to ten years in prison. "
            "Karim Idrissi, 20, a website technician, was sentenced on Friday behind closed doors.")
    found = [m for m in of_type("COERCE", text) if 1 in m.sentences]
    assert found and found[0].actor2 is not None and found[0].actor2.name == "Karim Idrissi", [roles(m) for m in found]


@pytest.mark.parametrize("text,etype", [
    ("Having been moved to house arrest in March, when hundreds of prisoners were freed, Sara Delaney was returned "
     "to court in Tehran on Tuesday.", "COERCE"),
    ("Arrested at the airport on Monday, Karim Haddad was charged with fraud.", "COERCE"),
])
def test_an_opening_passive_participle_is_done_to_the_sentences_subject(text, etype):
    found = of_type(etype, text)
    assert found and found[0].actor2 is not None, [roles(m) for m in found]
    name = found[0].actor2.label or found[0].actor2.name or ""
    assert "Delaney" in name or "Haddad" in name, roles(found[0])


def test_an_opening_active_participle_is_done_by_the_sentences_subject():
    from sitrep.stages.parse import _nlp, arguments

    sentence = _nlp()("Having detained the men, police took them to a barracks.")
    agent, patient = arguments(sentence[1])
    assert agent is not None and agent.text == "police" and patient is not None and patient.text == "men"


def test_civilians_killed_in_fighting_between_two_sides_are_its_target():
    text = ("Medics in Raqqa said that 31 people including women and children were killed in mutual shelling "
            "between regime forces and ISIS militants on the city on Tuesday.")
    found = of_type("ASSAULT", text)
    assert found and found[0].actor2 is not None and found[0].actor2.kind == "civilians", [roles(m) for m in found]
    assert found[0].actor1 is not None and found[0].actor1.kind != "civilians"
    # with no dead told, the two sides stay the two parties
    fight = of_type("ASSAULT", "Fierce clashes broke out between regime forces and ISIS militants in Raqqa on Tuesday.")
    assert fight and fight[0].actor2 is not None and fight[0].actor2.name == "Islamic State (ISIS)", [roles(m) for m in fight]


_AFTER = " He has not been seen since. His family asked for news. The police did not answer."


@pytest.mark.parametrize(("text", "etype"), [
    # an act named by a noun, with whom it was done to and no doer, is still the act the sentence reports
    ("The detention of activist Juma Otieno on Friday has drawn outrage.", "COERCE"),
    ("The killing of land activist Rosa Mena in Cauca on Sunday has shocked her community.", "ASSAULT"),
    # a threat told in the passive, its author unnamed, was still made
    ("Five reporters in Jaffna have been threatened with death.", "THREATEN"),
    # a place surrounded and cut off by force
    ("Armed police on Tuesday laid siege to the offices of a news site in Kano.", "COERCE"),
])
def test_an_act_told_of_whom_it_befell_is_a_candidate(text, etype) -> None:
    assert of_type(etype, text + _AFTER)


def test_an_act_named_only_as_what_a_censure_is_about_stays_the_censures() -> None:
    found = records("The rights chief on Thursday criticised the detention of publisher Jimmy Roe." + _AFTER)
    assert [m.type for m in found if m.sentences[0] == 0] == ["ACCUSE"]


def test_a_headline_condemning_the_attack_the_body_tells_adds_no_record() -> None:
    title = "Party Condemns Attack on Council Headquarters in Northern Town"
    text = ("A car bomb killed five guards at the council headquarters in the town of Azaz on Tuesday, "
            "the monitor said. The party condemned the bombing in a statement.")
    records = [m for m in sitrep.extract(text, published="2021-03-05", title=title) if not m.historical]
    assert [m.type for m in records] == ["ASSAULT"]


def test_a_headline_verb_in_capitals_ends_its_subject() -> None:
    records = [m for m in sitrep.extract("The measures target six officials.", published="2021-03-05",
                                         title="US Extends Sanctions on Syrian Officials") if not m.historical]
    assert [(m.type, m.actor1.name if m.actor1 else None) for m in records] == [("SANCTION", "Government of United States")]


def test_a_sentence_closed_by_a_photo_credit_is_a_caption_and_no_record() -> None:
    text = ("Jets struck the market of the town on Monday, killing five people. Men look for survivors after "
            "an airstrike on a clinic in a nearby village on February 20 2021. (Reuters) The wounded were taken to hospitals.")
    records = [m for m in sitrep.extract(text, published="2021-03-05") if not m.historical]
    assert len(records) == 1 and records[0].date is not None and records[0].date.value == "2021-03-01"
    assert "clinic" not in records[0].evidence.text


def test_people_at_a_protest_are_protesters():
    text = "Nine other people at Sunday's rally in Lyon were also arrested and charged with public disorder, police said."
    held = of_type("COERCE", text)
    assert held and held[0].actor2 is not None and held[0].actor2.kind == "protesters"


def test_plain_police_in_a_story_naming_one_police_body_are_that_body():
    text = ("The Riverton Police Department said on Monday that it had opened an inquiry into a shooting at a bar. "
            "On Tuesday police arrested two local journalists in Riverton, Ohio, for filming the scene.")
    held = of_type("COERCE", text)
    assert held and held[0].actor1 is not None and held[0].actor1.name == "Riverton Police Department", roles(held[0])
    assert held[0].actor1.kind == "police"


def test_the_minister_named_by_the_office_written_out():
    text = ("Jane Roe was arrested last week on the orders of Ruritanian Minister of the Interior Karl Brandt, "
            "her lawyer said. On Tuesday her lawyers rejected the interior minister's accusations against her as false.")
    rejected = of_type("REJECT", text)
    assert rejected and rejected[0].actor2 is not None and rejected[0].actor2.name == "Karl Brandt", \
        [roles(m) for m in rejected]


@pytest.mark.parametrize("text", [
    "Hezbollah said rebels attacked a village near Aleppo on Monday.",
    "According to Hezbollah, two fighters were killed by rebels near Aleppo on Monday.",
])
def test_the_group_telling_of_an_attack_is_not_whom_the_class_word_means(text):
    # the named group is the source of the report; "rebels" are someone else
    attack = of_type("ASSAULT", text)
    assert attack
    assert all(m.actor1 is None or m.actor1.name != "Hezbollah" for m in attack), [roles(m) for m in attack]


def test_a_group_claiming_an_attack_is_still_its_doer():
    attack = of_type("ASSAULT", "Militants of Jaish al-Islam shelled the town on Monday, killing three civilians.")
    assert attack and attack[0].actor1 and attack[0].actor1.name == "Jaish al-Islam", [roles(m) for m in attack]


def test_a_group_telling_of_its_own_fighters_is_their_group():
    attack = of_type("ASSAULT", "Hezbollah said its militants shelled a village near Aleppo on Monday.")
    assert attack and attack[0].actor1 and attack[0].actor1.name == "Hezbollah", [roles(m) for m in attack]
