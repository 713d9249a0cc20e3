"""sitrep.stages.roles alone: the sentence patterns that say who did an act and to whom, and the
parse tests an agent must pass, on sentences parsed here."""

from __future__ import annotations

import pytest

from sitrep.resolve.actors import ActorMatch
from sitrep.stages.parse import arguments, token_at, trigger_modifier
from sitrep.stages.roles import as_actor, committed, has_agent, has_subject, roles, told_of_someone


def _roles(staged, text: str, word: str, etype: str = "ASSAULT"):  # noqa: ANN202
    doc = staged(text, upto="claims")
    sentence = doc.sentences[0]
    trigger = next(t for t in doc.triggers if t.text.startswith(word))
    spans = [(a.start, a.end) for a in doc.in_sentence(doc.attributions, sentence)]
    return roles(doc, sentence, trigger, etype, spans)


def ids(found: tuple[ActorMatch | None, ActorMatch | None]) -> tuple[str | None, str | None]:
    return tuple(a.actor.id if a is not None else None for a in found)  # type: ignore[return-value]


def test_the_subject_of_an_active_attack_is_its_perpetrator(staged) -> None:
    assert ids(_roles(staged, "Rebels shelled army positions near the town.", "shelled"))[0] == "REBELS"


def test_who_arrests_whom(staged) -> None:
    assert ids(_roles(staged, "Police arrested three journalists in the capital.", "arrested", "COERCE")) == ("POLICE", "JOURNALISTS")


def test_the_agent_of_a_passive_killing_is_the_perpetrator_and_the_dead_its_target(staged) -> None:
    assert ids(_roles(staged, "Two soldiers were killed by gunmen near the town.", "killed")) == ("GUNMEN", "MILITARY")


def test_a_group_claiming_responsibility_is_the_perpetrator(staged) -> None:
    found = _roles(staged, "The Islamic State claimed responsibility for the bombing of a police station.", "bombing")
    assert ids(found)[0] == "ISIS"


def test_the_source_of_a_report_is_not_a_party(staged) -> None:
    found = _roles(staged, "According to police, gunmen attacked a bus in the north.", "attacked")
    assert "POLICE" not in ids(found) and ids(found)[0] == "GUNMEN"


def test_people_killed_with_no_one_named_have_no_perpetrator(staged) -> None:
    assert ids(_roles(staged, "Four people were killed in the north.", "killed")) == (None, "CIVILIANS")


@pytest.mark.parametrize(("text", "word", "agent"), [
    ("Rebels shelled army positions near the town.", "shelled", True),
    ("Police arrested three journalists in the capital.", "arrested", True),
    ("Two soldiers were killed near the town.", "killed", False),  # a passive with no "by"
])
def test_an_act_has_an_agent_when_someone_does_it(staged, text, word, agent) -> None:
    doc = staged(text)
    token = token_at(doc, 0, doc.text.index(word))
    assert has_agent(token) is agent


@pytest.mark.parametrize(("text", "word", "done"), [
    ("Unknown men launched an attack on the checkpoint.", "attack", True),  # the nominal act's doer stated
    ("The rebels carried out raids on the villages.", "raids", True),
    ("The attack on the checkpoint was launched at dawn.", "attack", False),  # the act is the subject
    ("Officials discussed the attack on the checkpoint.", "attack", False),  # not a verb of committing
])
def test_a_nominal_act_launched_by_someone_is_committed(staged, text, word, done) -> None:
    doc = staged(text)
    assert committed(token_at(doc, 0, doc.text.index(word))) is done


def test_a_match_becomes_a_record_actor_with_the_outlets_words(staged) -> None:
    doc = staged("Police arrested three journalists in the capital.", upto="actors")
    police = next(a for a in doc.actors if a.actor.id == "POLICE")
    actor = as_actor(police)
    assert (actor.id, actor.kind, actor.label) == ("POLICE", "police", "Police")
    assert actor.evidence is not None and (actor.evidence.start, actor.evidence.end) == (police.start, police.end)


@pytest.mark.parametrize("text", [
    "KINGSTON (Island Post) — A protest rally led by a retired bus driver on Friday to show support for "
    "striking nurses was cut short by police.",
    "KINGSTON (Island Post) — A protest march by retired bus drivers was cut short by police on Friday.",
])
def test_a_lead_s_dateline_is_no_part_of_a_party_s_words(text) -> None:
    from sitrep.model import Article
    from sitrep.pipeline import default_pipeline

    doc = default_pipeline().run(Article(text=text, published="2024-06-13"))
    labels = [a.label for m in doc.mentions for a in (m.actor1, m.actor2) if a is not None and a.label]
    assert doc.mentions and not any("KINGSTON" in label or "Island Post" in label for label in labels)


@pytest.mark.parametrize("text", [
    "Hezbollah has been under attack in southern Lebanon for weeks.",
    "Hezbollah came under heavy fire near the border on Tuesday.",
])
def test_who_is_under_attack_is_its_target_not_its_author(staged, text) -> None:
    found = _roles(staged, text, "attack" if "attack" in text else "fire")
    assert ids(found) == (None, "HEZBOLLAH")


def test_the_second_of_three_sides_in_a_list_is_the_other_party(staged) -> None:
    found = _roles(staged, "Dozens were killed in clashes between Hamas, Islamic Jihad and Fatah in Gaza on Monday.", "clashes")
    assert ids(found) == ("HAMAS", "PIJ")


def test_a_comma_after_the_first_side_without_a_closing_and_joins_no_list(staged) -> None:
    found = _roles(staged, "Clashes broke out between Hamas, a spokesman said on Monday.", "Clashes")
    assert found[0] is None or found[0].actor.id != "HAMAS" or found[1] is None


def test_an_act_whose_agent_follows_by_is_not_done_by_the_subject_before_it(staged) -> None:
    text = "The government agreed to the swap because two French nurses were abducted by the same group."
    found = _roles(staged, text, "abducted")
    assert found[0] is None and found[1] is not None and found[1].text == "French nurses"
    # "by night" tells when, not who: the subject stays the agent
    assert ids(_roles(staged, "Rebels attacked by night, the army said.", "attacked"))[0] == "REBELS"


def test_who_criticises_a_detention_did_not_detain(staged) -> None:
    text = "Human Rights Watch criticised the arrest of three students by the police in Kampala."
    found = _roles(staged, text, "arrest", "COERCE")
    assert found[0] is not None and found[0].actor.kind == "police" and found[1].actor.id == "STUDENTS"
    # no one named by "by": the critic is still no one's arrester
    found = _roles(staged, "The union condemned the arrest of three students on Monday.", "arrest", "COERCE")
    assert found[0] is None


def test_a_by_phrase_of_a_later_clause_is_not_the_agent_of_the_act(staged) -> None:
    text = "The regulator shut down three channels after they aired speeches by opposition leaders."
    found = _roles(staged, text, "shut down", "COERCE")
    assert found[0] is not None and found[0].actor.id != "OPPOSITION"


@pytest.mark.parametrize("text", [
    "Police rescued two engineers abducted in Kaduna last week.",
    "Soldiers freed ten students kidnapped from their school in Zamfara.",
])
def test_who_rescues_captives_did_not_abduct_them(staged, text) -> None:
    found = _roles(staged, text, "abducted" if "abducted" in text else "kidnapped")
    assert found[0] is None or found[0].actor.id not in ("POLICE", "MILITARY")


def test_a_verb_of_saving_as_the_means_of_an_attack_keeps_its_subject(staged) -> None:
    found = _roles(staged, "Troops saved the city by shelling rebel positions.", "shelling")
    assert found[0] is not None and found[0].actor.id == "MILITARY"


@pytest.mark.parametrize(("text", "word", "modifier"), [
    ("Police freed the jailed activist on Monday.", "jailed", True),
    ("Police jailed the activist on Monday.", "jailed", False),
    ("Popular protests spread across the capital on Friday.", "Popular protests", False),
])
def test_a_trigger_before_its_noun_tells_who_someone_is_not_an_act(staged, text, word, modifier) -> None:
    doc = staged(text, upto="parse")
    trigger = next((t for t in doc.triggers if t.text.lower() == word.lower()), None)
    assert trigger is not None, [t.text for t in doc.triggers]
    assert trigger_modifier(doc, 0, trigger) is modifier


@pytest.mark.parametrize(("text", "word", "told"), [
    ("The detention of activist Juma Otieno on Friday has drawn outrage.", "detention", True),
    ("The killing of two farmers near Tumaco shocked the region.", "killing", True),  # a number names them
    ("Juma Otieno's arrest on Friday has drawn outrage.", "arrest", True),  # the possessor was arrested
    ("The killing of civilians must stop.", "killing", False),  # a kind of act, no one named
    ("A wave of arrests swept the capital.", "arrests", False),
    ("Saturday's abduction shocked the town.", "abduction", False),  # a day is when, not whom
])
def test_a_nominal_act_done_to_someone_named_is_told_of_them(staged, text, word, told) -> None:
    doc = staged(text)
    assert told_of_someone(token_at(doc, 0, doc.text.index(word))) is told


def test_the_possessor_of_an_arrest_is_arrested_unless_of_names_whom(staged) -> None:
    doc = staged("Juma Otieno's arrest drew outrage.")
    agent, patient = arguments(token_at(doc, 0, doc.text.index("arrest")))
    assert agent is None and patient is not None and patient.text == "Otieno"
    doc = staged("Ruritania's execution of three men drew outrage.")
    agent, patient = arguments(token_at(doc, 0, doc.text.index("execution")))
    assert agent is not None and agent.text == "Ruritania" and patient is not None and patient.text == "men"


@pytest.mark.parametrize(("text", "word", "patient"), [
    ("The editor was detained in March and has been sentenced to six years.", "sentenced", True),  # shares the first verb's
    ("The court has sentenced nobody yet.", "sentenced", False),  # an active verb: no patient as subject
])
def test_a_second_passive_verb_shares_the_first_ones_patient(staged, text, word, patient) -> None:
    doc = staged(text)
    assert has_subject(token_at(doc, 0, doc.text.index(word))) is patient


@pytest.mark.parametrize("text", [
    "Violent protests broke out in the capital on Sunday.",
    "Mass protests swept the country after the vote.",
])
def test_an_adjective_opening_the_sentence_is_no_actor(text) -> None:
    import sitrep

    labels = [m.actor1.label for m in sitrep.extract(text, published="2024-06-13") if m.actor1 is not None]
    assert not any(label in ("Violent", "Mass") for label in labels)


@pytest.mark.parametrize("text", [
    "Following the court ruling, a prosecutor ordered that the two teachers be detained.",
    "Despite the truce, a prosecutor ordered that the two teachers be detained.",
])
def test_a_fronted_prepositional_phrase_is_no_actor(text) -> None:
    import sitrep

    actors = [m.actor1.label for m in sitrep.extract(text, published="2024-06-13") if m.actor1 is not None]
    assert actors and all(label and "prosecutor" in label for label in actors)


@pytest.mark.parametrize("text", [
    "Airstrikes killed 60 foreign fighters from Tunisia and Egypt near the border on Saturday.",
    "Police arrested three men from Turkey in the port on Monday.",
])
def test_the_country_people_come_from_is_no_party(text) -> None:
    import sitrep

    parties = [a.name for m in sitrep.extract(text, published="2024-06-13") for a in (m.actor1, m.actor2) if a is not None]
    assert not any(name and name.startswith("Government of") or name == "Egyptian military" for name in parties)


def test_who_tells_of_an_arrest_is_not_its_target() -> None:
    import sitrep

    [record] = [m for m in sitrep.extract("Police detained Jane Roe on Sunday, her lawyer said.", published="2024-06-13")]
    assert record.type == "COERCE" and record.actor2 is not None and record.actor2.label == "Jane Roe"


def test_the_first_of_a_list_of_speakers_after_a_demand_makes_it(staged) -> None:
    found = _roles(staged, "Two bloggers held in Kenya must be freed, Amnesty International, the Tamu Legal Aid Trust "
                           "and Human Rights Watch have said.", "must be freed", "REQUEST")
    assert found[0] is not None and found[0].actor.id == "AMNESTY"



def test_a_demand_in_the_voice_of_a_speaker_is_the_body_her_post_names(staged) -> None:
    # the speaker is no listed actor; the apposition after her name says for whom she speaks
    doc = staged("“This is a naked attempt to silence critics,” said Mary Otieno, deputy Africa director at "
                 "Amnesty International. “All of the campaigners should be freed immediately.”", upto="claims")
    sentence = next(s for s in doc.sentences if "freed" in s.text)
    trigger = next(t for t in doc.in_sentence(doc.triggers, sentence) if "freed" in t.text)
    spans = [(a.start, a.end) for a in doc.in_sentence(doc.attributions, sentence)]
    found = roles(doc, sentence, trigger, "REQUEST", spans)
    assert found[0] is not None and found[0].actor.id == "AMNESTY", found[0] and found[0].text


def test_a_body_whose_name_opens_with_a_state_is_that_body_and_another_unlisted_body_is_another_party() -> None:
    import sitrep

    text = ("The National Association of Market Traders has endorsed the decision of the Zambia Labour Congress "
            "to hold a general strike next week.")
    [backing] = [m for m in sitrep.extract(text, published="2024-06-13") if m.type == "SUPPORT"]
    assert backing.actor1 is not None and backing.actor1.name == "National Association of Market Traders"
    # the state is only the first word of the union's name; and one unlisted body is not the other
    assert backing.actor2 is not None and backing.actor2.name == "Zambia Labour Congress", backing.actor2


def test_a_country_after_a_bodys_name_names_its_branch_not_the_government() -> None:
    import sitrep

    text = "Amnesty International Kenya has condemned the government for failing to stop abuses in Kenya."
    [record] = [r for r in sitrep.extract(text, published="2023-05-10") if r.type == "ACCUSE"]
    assert record.actor1 is not None and record.actor1.kind == "NGO"
