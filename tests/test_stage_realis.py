"""sitrep.stages.realis alone: whether a mention tells an act that happened, background, a plan, a
demand or a total, on sentences written here and run through the stages up to the parse."""

from __future__ import annotations

import pytest

from sitrep import extract
from sitrep.model import Article, Evidence, When
from sitrep.pipeline import default_pipeline
from sitrep.stages.realis import (
    background,
    declared_truces,
    happened,
    modal_type,
    other_sense,
    own_clause_text,
    repeated_history,
    tells_total,
)


def _first_sentence_total(staged, text: str) -> bool:  # noqa: ANN001 - the staging fixture
    """Whether the text's first sentence tells a running total (its own casualties read)."""
    doc = staged(text, upto="casualties")
    sentence = doc.sentences[0]
    return tells_total(sentence.text, doc.in_sentence(doc.casualties, sentence))


@pytest.mark.parametrize(("text", "word", "told"), [
    ("The army attacked the town on Thursday.", "attacked", True),
    ("Police arrested five students in the capital on Thursday.", "arrested", True),
    ("The army plans to attack the town next month.", "attack", False),  # a plan is not an event
    ("The rebels would attack the town if the talks failed.", "attack", False),  # a condition
    ("Police did not arrest anyone at the rally.", "arrest", False),  # negated
    ("The freed activists returned home.", "freed", False),  # a participle naming people
    ("The officer attempted to stab the prisoner on Monday.", "stab", True),  # violence attempted is violence done
    ("The gang plans to kidnap the banker.", "kidnap", False),  # a plan is not
    ("The envoy said the rebels must either leave the district or the shelling will go on.", "shelling", False),  # a choice put
    ("Either the army or the militia shelled the district on Monday.", "shelled", True),  # the act told, its author in doubt
    ("Students demanded the arrest of the officers who beat them.", "arrest", False),  # an act wanted
    ("Relatives marched through the town seeking arrests over the lynching.", "arrests", False),
    ("Police seized the ringleader in a raid on Friday.", "seized", True),
    ("The council's decision in May to destroy the shacks angered traders.", "destroy", False),  # decided, not done
    # a protest said to be planned or scheduled has not been held; one said to have drawn crowds has
    ("The mayor warned against the rallies that are planned for Saturday.", "rallies", False),
    ("Unions called off a general strike scheduled for Monday.", "strike", False),
    ("The rallies that drew crowds on Saturday were peaceful.", "rallies", True),
])

def test_only_an_act_that_happened_is_an_event(staged, mention, text, word, told) -> None:
    doc = staged(text)
    anchors: dict[int, int] = {}
    m = mention(doc, word, anchors=anchors)
    assert happened(doc, m, anchors) is told


@pytest.mark.parametrize(("text", "total"), [
    ("Airstrikes have killed more than 400 civilians in the province since 2011.", True),
    ("The war has killed more than 300,000 people.", True),
    ("Each day, shelling kills civilians in the city.", True),
    ("Over the past two decades, these wars have killed thousands of villagers.", True),  # a running total
    ("An airstrike killed 12 civilians in the province on Thursday.", False),
    ("Medics say more than 300 people were killed in the town in the last month.", True),  # a span, any tense
    ("Troops killed 40 rebels in the province over the past three weeks.", True),
    ("An airstrike killed 12 civilians in the last week of March.", False),  # a week named, not a span
    # a running count over days
    ("Rocket fire on the city has wounded at least 30 residents in recent days.", True),
    ("Officials said 60 people have been killed in four days of shelling on the valley.", True),
    ("Since Tuesday at least 40 villagers have been killed in raids on the district.", True),
    ("Police have detained three reporters in the capital since Monday.", False),  # one arrest, held since
    ("Gunmen shot dead four guards at the depot on Tuesday.", False),
])
def test_a_count_since_a_year_or_over_a_war_is_a_total_not_an_event(staged, text, total) -> None:
    assert _first_sentence_total(staged, text) is total


@pytest.mark.parametrize(("text", "total"), [
    ("The militia has been behind dozens of bombings targeting markets over the past two years.", True),
    ("The militia has claimed a bombing that hit a market on Tuesday.", False),
])
def test_acts_done_over_a_span_told_in_a_clause_of_their_own_are_a_total(staged, text, total) -> None:
    doc = staged(text, upto="parse")
    sentence = doc.sentences[0]
    trigger = next(t for t in doc.in_sentence(doc.triggers, sentence) if t.mode == "explosives")
    assert tells_total(own_clause_text(doc, sentence, trigger), [], sentence.text) is total


@pytest.mark.parametrize(("text", "old"), [
    ("Gunmen previously attacked a checkpoint near the town.", True),
    ("In the past, gunmen attacked checkpoints near the town.", True),
    ("Gunmen attacked a checkpoint near the town on Thursday.", False),
])
def test_a_cue_of_the_past_makes_the_act_background(staged, text, old) -> None:
    doc = staged(text)
    sentence = doc.sentences[0]
    trigger = next(t for t in doc.triggers if t.type == "ASSAULT")
    assert background(doc, sentence, trigger) is old


@pytest.mark.parametrize(("text", "word", "etype"), [
    ("The government must release the detainees.", "release", "REQUEST"),  # what someone must do
    ("The governor will impose a curfew on the city.", "curfew", "THREATEN"),  # coercion announced
    ("Police imposed a curfew on the city.", "curfew", "COERCE"),  # coercion done
    ("The ministers will hold talks in Geneva next week.", "talks", "AGREE"),  # a meeting to come
    ("The army is ready to withdraw from the town.", "withdraw", "AGREE"),  # an intent to withdraw
    ("The ministers held talks in Geneva.", "talks", "CONSULT"),
])
def test_the_mood_of_a_non_violent_act_sets_its_type(staged, text, word, etype) -> None:
    doc = staged(text)
    trigger = next(t for t in doc.triggers if word in t.text)
    assert modal_type(doc, doc.sentences[0], trigger) == etype


@pytest.mark.parametrize(("text", "etype"), [
    ("The two ministers will meet in Geneva next week.", "AGREE"),  # the trigger 'will meet' holds its own modal
    ("The envoys plan to meet in Geneva.", "AGREE"),  # 'plan' before the trigger 'to meet'
    ("The two ministers met in Geneva.", "CONSULT"),
])
def test_a_meeting_to_come_told_with_meet_is_an_agreement(staged, text, etype) -> None:
    doc = staged(text)
    trigger = next(t for t in doc.triggers if "me" in t.text)
    assert modal_type(doc, doc.sentences[0], trigger) == etype


def test_a_long_sentence_told_again_later_is_history_when_the_first_telling_is(staged, mention) -> None:
    told = ("Militants stormed a police station in the northern town and killed three officers there. "
            "Last year, militants stormed a police station in the northern town and killed three officers there.")
    doc = staged(told, upto="segment")
    first = mention(doc, "Militants stormed", historical=True)
    again = mention(doc, "Last year", "ASSAULT")
    repeated_history([first, again])
    assert again.historical


def test_a_new_sentence_after_a_historical_one_stays_current(staged, mention) -> None:
    told = ("Militants stormed a police station in the northern town and killed three officers there. "
            "On Thursday, soldiers shelled a village in the south of the province and wounded two farmers.")
    doc = staged(told, upto="segment")
    first = mention(doc, "Militants stormed", historical=True)
    later = mention(doc, "On Thursday", "ASSAULT")
    repeated_history([first, later])
    assert not later.historical


@pytest.mark.parametrize(("text", "word", "alleged"), [
    ("Police in the capital arrested a driver on Monday over the kidnapping of a schoolgirl.", "kidnapping", True),
    ("The driver was charged with kidnapping and murder on Tuesday.", "kidnapping", True),
    ("The driver was charged with kidnapping and murder on Tuesday.", "murder", True),
    ("Prosecutors charged two guards with kidnapping on Tuesday.", "kidnapping", True),
    ("Two guards were detained in connection with the killing of a lawyer.", "killing", True),
    # the accuser's claim about an act is no charge in law
    ("The army accused the rebels of killing ten farmers on Tuesday.", "killing", False),
    # the act told in words of its own beside the charge happened
    ("Two guards were charged with kidnapping after a nurse escaped their kidnap attempt on Sunday.", "kidnapping", False),
])
def test_the_crime_named_as_grounds_of_an_arrest_or_charge_is_not_told_as_news(staged, mention, text, word, alleged) -> None:
    doc = staged(text)
    anchors: dict[int, int] = {}
    m = mention(doc, word, "ASSAULT", anchors=anchors)
    happened(doc, m, anchors)
    assert m.historical is alleged


@pytest.mark.parametrize(("text", "day", "alleged"), [
    ("The driver was charged with kidnapping on Tuesday.", "on Tuesday", True),  # the day of the charge
    ("A driver was arrested on suspicion of kidnapping a girl on Sunday.", "on Sunday", False),  # the kidnapping's own day
])
def test_a_day_makes_the_charged_crime_news_only_when_it_dates_the_crime(staged, mention, text, day, alleged) -> None:
    doc = staged(text)
    at = doc.text.index(day)
    when = When("2024-03-12", "day", day, Evidence(day, at, at + len(day)), basis="text")
    anchors: dict[int, int] = {}
    m = mention(doc, "kidnapping", "ASSAULT", date=when, anchors=anchors)
    happened(doc, m, anchors)
    assert m.historical is alleged


@pytest.mark.parametrize(("text", "word", "remembered"), [
    ("Friends will gather on Sunday to mark the third anniversary of the blogger being detained by police.", "detained", True),
    ("The march marked the first anniversary of the killing of a student in the capital.", "killing", True),
    ("Police detained the blogger on Sunday as friends marked his birthday.", "detained", False),
])
def test_the_act_an_anniversary_is_of_is_history(staged, mention, text, word, remembered) -> None:
    doc = staged(text)
    anchors: dict[int, int] = {}
    m = mention(doc, word, anchors=anchors)
    assert happened(doc, m, anchors)
    assert m.historical is remembered


@pytest.mark.parametrize(("text", "word", "other"), [
    ("The assault on the teacher was captured on video by a neighbour.", "captured", True),
    ("Hardships of the curfew have been captured in several media reports.", "captured", True),
    ("The fight was captured in part on a phone camera.", "captured", True),
    ("Rebels captured the border town on Monday.", "captured", False),
    ("Writers say they are harassed through the execution of the new press law.", "execution", True),
    ("The soldiers executed the order of the court on Monday.", "executed", True),
    ("Militants carried out the execution of two prisoners on Friday.", "execution", False),
    ("The union has launched a national campaign for the release of the jailed organiser.", "launched", True),
    ("The army launched a military campaign against the rebels on Monday.", "launched", False),
    # would-be bombers among those an act killed or took: no bomb went off
    ("Troops killed 30 insurgents, including the suicide bombers, near the bridge on Friday.", "suicide bombers", True),
    ("Police arrested two suicide bombers at the checkpoint on Friday.", "suicide bombers", True),
    ("A suicide bomber blew himself up at the checkpoint on Friday.", "suicide bomber", False),
])
def test_a_violent_word_in_another_sense_is_no_act(staged, text, word, other) -> None:
    doc = staged(text)
    sentence = doc.sentences[0]
    trigger = next(t for t in doc.triggers if word in t.text)
    assert other_sense(doc, sentence, trigger) is other


@pytest.mark.parametrize(("text", "old"), [
    ("During the Second World War, the authorities imprisoned hundreds of dissidents.", True),
    ("The authorities imprisoned hundreds of dissidents on Tuesday.", False),
])
def test_a_world_war_names_a_past_act(staged, text, old) -> None:
    doc = staged(text)
    sentence = doc.sentences[0]
    trigger = next(t for t in doc.triggers if t.type == "COERCE")
    assert background(doc, sentence, trigger) is old


@pytest.mark.parametrize(("text", "kept"), [
    ("Being kidnapped in a strange city would break most people.", False),
    ("Getting arrested for a poem can end a teacher's career.", False),
    ("Being detained by police on Monday left the reporter shaken.", True),
])
def test_an_act_as_a_kind_of_experience_is_no_event(text, kept) -> None:
    records = [m for m in extract(text, published="2022-01-31") if m.type in ("ASSAULT", "COERCE")]
    assert bool(records) is kept


@pytest.mark.parametrize(("text", "etype", "not_type"), [
    # the verdict is the news; the crime it names is the grounds, and the warrant's count no toll
    ("A court in the capital found two police officers guilty of murder on Monday.", "COERCE", "ASSAULT"),
    ("Officers executed six search warrants in the port city on Tuesday.", "COERCE", "ASSAULT"),
    ("The Treasury hit the militia's financiers with sanctions on Friday.", "SANCTION", "ASSAULT"),
])
def test_a_verdict_a_search_or_a_penalty_is_told_as_such(text, etype, not_type) -> None:
    records = [m for m in extract(text, published="2024-03-14") if not m.historical]
    assert etype in [m.type for m in records]
    assert not_type not in [m.type for m in records]
    assert all(not m.killed for m in records)


@pytest.mark.parametrize(("text", "etype", "mode"), [
    # an authority's binding order of an arrest or a release is that act, done by whoever ordered it
    ("A state prosecutor in Kano ordered that the two pastors be arrested on Monday.", "COERCE", "arrest"),
    ("A magistrate ordered the arrest of three bloggers on Monday.", "COERCE", "arrest"),
    ("The judge ordered the release of the activist on Friday.", "CONCEDE", "release"),
    # the arrest told in a clause about those released is not the order's act
    ("A court in Mombasa on Monday ordered the release of five activists who had been detained in a raid last year.",
     "CONCEDE", "release"),
])
def test_an_order_of_an_arrest_or_a_release_is_that_act(text, etype, mode) -> None:
    records = [m for m in extract(text, published="2024-03-14") if not m.historical]
    assert [(m.type, m.mode) for m in records] == [(etype, mode)]
    assert records[0].trigger == "ordered"


@pytest.mark.parametrize(("text", "absent"), [
    # a text made public is no one set free
    ("The opposition party said in a press release on Sunday that the bombing aimed to divide the country.", "CONCEDE"),
    ("The ministry released a statement on Sunday about the talks with the union.", "CONCEDE"),
])
def test_a_press_release_frees_no_one(text, absent) -> None:
    assert absent not in [m.type for m in extract(text, published="2024-03-14")]


@pytest.mark.parametrize("text", [
    "A convicted kidnapper appealed his sentence on Monday before the high court in Abuja.",
    "The supreme court upheld the conviction of the two editors on Tuesday.",
])
def test_an_appeal_or_a_ruling_on_a_conviction_is_the_judiciarys_coercion(text) -> None:
    records = [m for m in extract(text, published="2024-03-14") if not m.historical]
    assert [(m.type, m.mode) for m in records] == [("COERCE", "legal")]


@pytest.mark.parametrize(("text", "etype"), [
    # the act someone is told to do is the content of a demand, not an act done
    ("The minister told the rebels to release the hostages on Monday.", "REQUEST"),
    ("The president instructed the army to withdraw from the city on Monday.", "REQUEST"),
    # a refusal by a court or a judge is a ruling, the judiciary's coercion
    ("The high court rejected the appeal of the jailed journalist on Monday.", "COERCE"),
    ("A magistrate in Mombasa on Monday rejected the blogger's request for bail.", "COERCE"),
    # a refusal between parties stays a rejection
    ("The government rejected the demands of the union on Monday.", "REJECT"),
])
def test_a_bidden_act_is_a_demand_and_a_courts_refusal_a_ruling(text, etype) -> None:
    records = [m for m in extract(text, published="2024-03-14") if not m.historical]
    assert [m.type for m in records] == [etype]


@pytest.mark.parametrize(("text", "etype"), [
    # a denial made at a hearing is the defendant's answer within the proceeding: the trial is the act told
    ("Two reporters denied on Monday inciting riots on the opening day of their trial in Harare.", "COERCE"),
    # a denial of a report between parties stays a rejection
    ("The ministry denied on Monday the report about the talks with the union.", "REJECT"),
    # a crowd or a force setting upon people is an assault
    ("Twenty workers staging a sit-in were set upon by police on Monday in Ankara.", "ASSAULT"),
])
def test_a_plea_at_trial_is_the_trial_and_being_set_upon_an_assault(text, etype) -> None:
    records = [m for m in extract(text, published="2024-03-14") if not m.historical]
    assert etype in [m.type for m in records]
    assert {m.type for m in records} <= {etype, "PROTEST"}


def test_a_planned_protest_named_is_no_protest() -> None:
    records = extract("He was detained on Monday because he had written about a planned strike by bus drivers.",
                      published="2024-03-14")
    assert [m.type for m in records] == ["COERCE"]
    held = extract("He was detained on Monday because he had written about a strike by bus drivers in Nairobi.",
                   published="2024-03-14")
    assert sorted(m.type for m in held) == ["COERCE", "PROTEST"]  # a strike named without "planned" is told


@pytest.mark.parametrize(("text", "etype"), [
    # a truce one party declares by itself is its own halt of fire, a unilateral step back
    ("The army declared a three-day truce in the northern province on Sunday.", "RETREAT"),
    ("Moscow implemented a humanitarian ceasefire around the old city last week.", "RETREAT"),
    ("A truce declared on Friday by the government collapsed within hours.", "RETREAT"),
    # two parties, or one with another, or no one named: an agreement
    ("The rebels and the army announced a ceasefire on Sunday.", "AGREE"),
    ("The army announced a ceasefire with the rebels on Sunday.", "AGREE"),
    ("A ceasefire came into force on Sunday.", "AGREE"),
])
def test_a_truce_one_party_declares_is_its_own_step_back(text, etype) -> None:
    doc = default_pipeline().run(Article(text=text, published="2024-03-14"))
    found = [t.type for t in declared_truces(doc, doc.sentences[0], doc.triggers) if t.text.lower() in ("truce", "ceasefire")]
    assert found == [etype]


@pytest.mark.parametrize(("text", "total"), [
    # an act done again and again is a string of acts, not one event
    ("The embassy has demanded the blogger's release on several occasions, most recently in May.", True),
    ("Police raided the newsroom on a number of occasions last year.", True),
    ("The embassy demanded the blogger's release on Tuesday.", False),
])
def test_an_act_told_on_several_occasions_is_a_total(staged, text, total) -> None:
    assert _first_sentence_total(staged, text) is total


@pytest.mark.parametrize(("text", "word", "etype", "told"), [
    # one speaker's account of a topic is no meeting; a talk between two parties is
    ("The refugee talked about his fears of being sent back to the camp.", "talked", "CONSULT", False),
    ("The minister talked with the union leaders about the strike on Monday.", "talked", "CONSULT", True),
    ("The two presidents talked about the border dispute on Monday.", "talked", "CONSULT", True),
    # where a speaker is when speaking is no act told
    ("The teacher spoke to reporters from immigration detention in the port city.", "detention", "COERCE", False),
    ("Police placed the teacher in immigration detention on Monday.", "detention", "COERCE", True),
    # the accused's denial of the charges is a plea in the case, no rejection between parties
    ("The editor was arrested on Monday but has denied the charges.", "denied", "REJECT", False),
    ("The ministry denied the union's demands on Monday.", "denied", "REJECT", True),
])
def test_a_talk_a_place_of_speaking_or_a_plea_is_no_event(staged, mention, text, word, etype, told) -> None:
    doc = staged(text)
    anchors: dict[int, int] = {}
    m = mention(doc, word, etype, anchors=anchors)
    assert happened(doc, m, anchors) is told


def test_a_further_count_added_to_a_case_already_told_is_no_new_event() -> None:
    text = ("Police arrested a former soldier in the port city on Monday. A court remanded him in custody on "
            "Tuesday. He is also charged with possessing a stolen rifle.")
    sentences = {m.sentences[0] for m in extract(text, published="2024-03-14") if m.type == "COERCE" and not m.historical}
    assert 2 not in sentences
    alone = extract("He is also charged with possessing a stolen rifle, police said on Tuesday.", published="2024-03-14")
    assert "COERCE" in [m.type for m in alone]  # no case told before it: the charge is the news


@pytest.mark.parametrize(("text", "total"), [
    # a toll over a span of days a week or longer is a running total, like one over weeks
    ("Troops repelled seven attacks on the city in the last 10 days, killing over 200 militants.", True),
    ("Shelling killed 40 villagers in the valley over the past fourteen days.", True),
    # a day or two is the news of the moment
    ("Troops killed 12 militants near the city in the last two days.", False),
])
def test_a_toll_over_a_week_or_more_of_days_is_a_total(staged, text, total) -> None:
    assert _first_sentence_total(staged, text) is total


@pytest.mark.parametrize(("text", "total"), [
    # a perfect tense with a count in the thousands as its object is a running total
    ("Soldiers have killed at least 1,420 people in the crackdown, a monitoring group said.", True),
    # a count up to a stated day is a tally
    ("As of March 3, the army had killed 612 people, the group said.", True),
    ("As of Monday, police had arrested 12 people over the riot.", True),
    # one act, however large, and one act on a day are not
    ("Soldiers killed 14 villagers near the river on Monday.", False),
    ("Police arrested 1,200 people at the rally on Monday.", False),
])
def test_a_count_in_thousands_done_or_one_up_to_a_day_is_a_total(staged, text, total) -> None:
    assert _first_sentence_total(staged, text) is total


def test_a_sanction_held_out_as_an_option_is_a_threat() -> None:
    weighed = extract("The council said on Monday it was weighing new sanctions against the generals.",
                      published="2024-03-14")
    assert [m.type for m in weighed] == ["THREATEN"]
    imposed = extract("The council imposed new sanctions on the generals on Monday.", published="2024-03-14")
    assert [m.type for m in imposed] == ["SANCTION"]


@pytest.mark.parametrize(("text", "etype", "told"), [
    # a participle after a noun names the person by a legal status, whether the parser reads it as a
    # reduced relative or as the main verb with the real one hung on it
    ("The driver accused of ramming the barrier had been drinking at a wedding.", "ACCUSE", False),
    ("A farmer convicted of the arson was freed on appeal by a provincial court.", "COERCE", False),
    ("A sailor found guilty in the theft of the ferry has dropped his appeal.", "COERCE", False),
    # told as the acts themselves, they are news
    ("The prosecutor accused the mayor of taking bribes on Monday.", "ACCUSE", True),
    ("A provincial court convicted the farmer of arson on Monday and has ordered a fine.", "COERCE", True),
    ("The jury found the sailor guilty of theft on Monday.", "COERCE", True),
])
def test_a_legal_status_naming_a_person_is_no_act(text, etype, told) -> None:
    records = [m for m in extract(text, published="2024-03-14") if not m.historical]
    assert (etype in [m.type for m in records]) is told


@pytest.mark.parametrize(("text", "retreat"), [
    ("Robbers forced two clerks to withdraw money from a cash machine on Monday.", False),
    ("The gang made the manager withdraw $5,000 at gunpoint on Monday.", False),
    ("The army began to withdraw its troops from the border town on Monday.", True),
])
def test_money_withdrawn_is_no_retreat(text, retreat) -> None:
    records = [m for m in extract(text, published="2024-03-14") if not m.historical]
    assert ("RETREAT" in [m.type for m in records]) is retreat



@pytest.mark.parametrize(("text", "old"), [
    ("The court heard that he took part in the 2015 hostage-taking of two engineers.", True),
    ("The court heard that he took part in the hostage-taking of two engineers on Monday.", False),
])
def test_a_past_year_before_a_joined_act_noun_makes_it_history(text, old) -> None:
    records = [m for m in extract(text, published="2024-03-14") if m.type == "ASSAULT"]
    assert records
    assert all(m.historical for m in records) is old


@pytest.mark.parametrize(("text", "told"), [
    ("Students demanding lower fees will march to the ministry on Friday.", False),
    ("Students demanding lower fees marched to the ministry on Friday.", True),
])
def test_a_demand_naming_who_will_act_is_no_demand_made(text, told) -> None:
    records = [m for m in extract(text, published="2024-03-14") if not m.historical]
    assert bool(records) is told


@pytest.mark.parametrize(("text", "told"), [
    # "planned" before a compound covers the act's noun inside it too
    ("Teachers back a planned protest rally over unpaid wages.", False),
    ("Teachers held a protest rally over unpaid wages on Monday.", True),
])
def test_a_planned_compound_names_an_act_to_come(text, told) -> None:
    records = [m for m in extract(text, published="2024-03-14") if m.type == "PROTEST" and not m.historical]
    assert bool(records) is told


@pytest.mark.parametrize(("text", "total"), [
    # a toll run up since a named day is a running total
    ("Since May 9 the clashes have cost the lives of 85 people, the group said.", True),
    ("At least 40 fighters have been killed since 3 March in the hills, a monitor said.", True),
    # a campaign kept up since a named day (the perfect progressive) is not one act
    ("Ankara has been shelling the border villages since May 9, officials said.", True),
    # one act on a named day, a plain perfect without "since", and a protest kept up since a recent act are not
    ("Jets struck the old town on May 9, killing 12 people.", False),
    ("Gunmen have been firing on the convoy, a witness said.", False),
    ("The lawyer has been refusing food since his arrest, his wife said.", False),
])
def test_a_toll_or_a_campaign_kept_up_since_a_named_day_is_a_total(staged, text, total) -> None:
    assert _first_sentence_total(staged, text) is total
