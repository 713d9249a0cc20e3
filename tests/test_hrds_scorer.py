"""The HRDsAttack scorer: reading the annotation, mapping records to its labels, the scores."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.evaluate import hrds as H


def sample(html: str, merged: dict, title: str = "Activist arrested", gid: int = 1) -> dict:
    return {"sample": {"Input.GLOBALEVENTID": gid, "Input.title": title, "Input.publish_date": "2021-03-08 23:00:34",
                       "Input.article_interface": html},
            "merged_sample": merged}


MERGED = {"perpetrator_mention": True, "perpetrator_type": "state actor", "violation_types": ["arbitrary detention"],
          "year": "2021.0", "month": "February", "date": "26.0", "city": "None", "region": "Lagos",
          "country": "Nigeria", "victims": []}


def rec(etype: str = "COERCE", mode: str | None = "arrest", kind: str | None = "police", label: str = "police",
        country: str | None = "NG", date: dict | None = None, historical: bool = False, killed: int | None = None,
        acled: str | None = None) -> dict:
    return {"type": etype, "mode": mode, "acled": {"sub_event_type": acled} if acled else {},
            "actor1": {"name": None, "kind": kind, "label": label, "country": country} if kind or label else None,
            "location": {"name": "Lagos", "country": country} if country else None,
            "date": date, "historical": historical,
            "casualties": [{"kind": "killed", "count": killed, "subset": False}] if killed is not None else []}


def test_html_body_becomes_plain_paragraphs_and_markup_is_never_run():
    text = H.html_to_text("<p>Police  arrested <b>two</b> men &amp; a woman.</p> <p><script>alert(1)</script>"
                          "Second\nparagraph.</p>")
    assert text == "Police arrested two men & a woman.\n\nSecond paragraph."


def test_gold_values_are_normalised_as_the_paper_reads_them():
    gold = H.gold_labels(dict(MERGED, violation_types=["unknown", "killing"], month="02", country="USA",
                              perpetrator_type=None, date="unknown", year="2020"))
    assert gold == {"country": "US", "perpetrator_type": None, "violations": {"killing"}, "year": 2020,
                    "month": 2, "day": None}
    assert H.gold_labels(MERGED)["month"] == 2 and H.gold_labels(MERGED)["day"] == 26
    assert H.month_number("Decenmber") == 12 and H.month_number("13") is None
    assert H.country_code("People's Republic of China") == "CN" and H.country_code("None") is None
    assert H.country_code("Africa").startswith("?")  # a continent matches no prediction
    assert H.gold_labels(dict(MERGED, violation_types=[]))["violations"] == {"unknown"}


def test_main_record_is_the_first_current_violent_one_then_what_the_article_recounts():
    talk = rec("REQUEST", None)
    arrest = rec()
    old_killing = rec("ASSAULT", None, historical=True, killed=1)
    assert H.main_record([talk, arrest]) is arrest
    assert H.main_record([talk]) is talk
    assert H.main_record([old_killing]) is old_killing
    assert H.main_record([]) is None


def test_the_perpetrator_comes_from_a_violent_record_never_from_a_protest_or_a_statement():
    march = rec("PROTEST", "demo", kind="protesters", label="protesters")
    talk = rec("REQUEST", None, kind="NGO", label="Amnesty International")
    old_arrest = rec(historical=True)
    assert H.predict([march, talk], "2021-01-01")["perpetrator_type"] is None
    assert H.predict([march, old_arrest], "2021-01-01")["perpetrator_type"] == "state actor"
    assert H.violent_record([march, old_arrest]) is old_arrest


def test_with_no_violent_record_a_protest_or_accusation_against_a_state_organ_names_the_state():
    against_ministry = rec("PROTEST", "demo", kind="workers", label="nurses") | {
        "actor2": {"kind": "ministry", "label": "the Health Ministry"}}
    accusing_police = rec("ACCUSE", None, kind="NGO", label="the union") | {
        "actor2": {"kind": "police", "label": "the police"}}
    asking_police = rec("REQUEST", None, kind="NGO", label="the union") | {
        "actor2": {"kind": "police", "label": "the police"}}
    against_firm = rec("PROTEST", "demo", kind="workers", label="miners") | {
        "actor2": {"kind": "company", "label": "the mine owner"}}
    assert H.article_perpetrator([against_ministry]) == "state actor"
    assert H.article_perpetrator([accusing_police]) == "state actor"
    assert H.article_perpetrator([asking_police]) is None  # a request accuses no one
    assert H.article_perpetrator([against_firm]) is None
    # a violent record, when there is one, decides
    beating = rec("ASSAULT", "beat", kind="unknown", label="gunmen")
    assert H.article_perpetrator([against_ministry, beating]) == "other actors without permissions"


def test_an_act_no_record_names_the_agent_of_is_the_states_when_the_article_accuses_a_state_organ():
    unnamed = rec("ASSAULT", None, kind=None, label="", killed=1)
    accusing = rec("ACCUSE", None, kind="civilians", label="his family") | {
        "actor2": {"kind": "government", "label": "the authorities"}}
    assert H.article_perpetrator([unnamed, accusing]) == "state actor"
    assert H.article_perpetrator([unnamed]) is None
    accusing_gang = accusing | {"actor2": {"kind": "gang", "label": "a gang"}}
    assert H.article_perpetrator([unnamed, accusing_gang]) is None


def test_an_unnamed_or_misread_agent_gives_way_to_the_next_act_that_names_one():
    unnamed = rec("ASSAULT", "targeted", kind=None, label="")
    misread = rec("ASSAULT", "targeted", kind="journalists", label="journalists and lawyers")
    by_soldiers = rec("ASSAULT", "firearms", kind="state military", label="soldiers")
    assert H.article_perpetrator([unnamed, by_soldiers]) == "state actor"
    assert H.article_perpetrator([misread, by_soldiers]) == "state actor"
    assert H.article_perpetrator([misread]) is None
    assert H.perpetrator_type(misread) is None


def test_the_class_most_of_the_articles_violent_acts_name_outweighs_one_misread_agent():
    misread = rec("ASSAULT", "torture", kind="unknown", label="gunmen")
    arrests = [rec(), rec(mode="legal", kind="government", label="a court")]
    assert H.article_perpetrator([misread, *arrests]) == "state actor"
    assert H.article_perpetrator([misread, arrests[0]]) == "other actors without permissions"  # a tie: the main one
    assert H.article_perpetrator([misread, misread, *arrests]) == "other actors without permissions"


def law(sentence: str, mode: str = "arrest", suspect: dict | None = None, title: str = "") -> dict:
    return rec(mode=mode, kind="police", label="police") | {
        "evidence": {"text": sentence}, "actor2": suspect, "article": {"title": title}}


@pytest.mark.parametrize("title, sentence, suspect, expected", [
    ("Two men held over abduction of schoolgirl", "Officers arrested two men on Sunday.",
     {"kind": "civilians", "label": "two men"}, "other non-state actors"),
    ("", "Police detained three people in connection with the murder of a shopkeeper.",
     {"kind": "civilians", "label": "three people"}, "other non-state actors"),
    ("Gang members charged with kidnapping of trader", "They appeared in court.",
     {"kind": "unknown", "label": "gang members"}, "other actors without permissions"),
    ("Two police officers arrested for kidnapping businessman", "The officers were arrested on Friday.",
     {"kind": "police", "label": "two police officers"}, "state actor"),
    # the arrest is the violation: no crime behind it
    ("Journalist arrested for reporting on the protests", "Police arrested the journalist at home.",
     {"kind": "journalists", "label": "the journalist"}, "state actor"),
    ("Activist detained", "Police detained the activist over a social media post.",
     {"kind": "human rights defenders", "label": "the activist"}, "state actor"),
])
def test_an_arrest_for_a_crime_points_to_the_suspect(title, sentence, suspect, expected):
    assert H.article_perpetrator([law(sentence, suspect=suspect, title=title)]) == expected


def test_a_crime_is_read_behind_a_law_act_or_an_attack_the_law_answers():
    attack = rec("ASSAULT", "targeted", kind="unknown", label="gunmen") | {
        "evidence": {"text": "Gunmen were arrested for the murder."}, "article": {"title": ""}}
    assert not H.for_a_crime(attack)  # the gunmen are its agents, not the law's side
    misread = rec("ASSAULT", "targeted", kind="police", label="police") | {
        "evidence": {"text": "Police detained four men over the murder of a radio host."}, "article": {"title": ""}}
    assert H.for_a_crime(misread) and H.article_perpetrator([misread]) == "other non-state actors"
    beating = rec("ASSAULT", "beat", kind="police", label="police") | {
        "evidence": {"text": "Police beat the protesters before they were detained."}, "article": {"title": ""}}
    assert not H.for_a_crime(beating) and H.article_perpetrator([beating]) == "state actor"
    political = law("He was arrested on suspicion of colluding with foreign forces.")
    assert not H.for_a_crime(political)
    assert H.for_a_crime(law("He was convicted of murder in 2019."), None)
    assert not H.for_a_crime(law("He was convicted of sedition in 2019."), None)


@pytest.mark.parametrize("kind, label, expected", [
    ("police", "police", "state actor"),
    ("state military", "troops", "state actor"),
    ("armed group", "Boko Haram", "other actors without permissions"),
    ("unknown", "gunmen", "other actors without permissions"),
    ("unknown", "The police", "state actor"),
    ("civilians", "her employers", "other non-state actors"),
    ("party", "the ruling party", "other non-state actors"),
    ("international organisation", "the African Union", "regional orgs"),
])
def test_perpetrator_type_from_actor_kind_then_label(kind, label, expected):
    assert H.perpetrator_type(rec(kind=kind, label=label)) == expected


def test_no_actor_is_no_perpetrator():
    assert H.perpetrator_type(rec(etype="ASSAULT", mode="abduct", kind=None, label="")) is None
    assert H.perpetrator_type(None) is None


def test_arrest_trial_or_sentence_with_no_named_agent_is_a_states_act():
    assert H.perpetrator_type(rec(kind=None, label="")) == "state actor"
    assert H.perpetrator_type(rec(mode="legal", kind="unknown", label="the men")) == "state actor"
    assert H.perpetrator_type(rec(etype="ASSAULT", mode="abduct", kind="unknown", label="the men")) == "other non-state actors"


def test_violation_types_union_over_records_and_unknown_when_none():
    assert H.violations([rec()]) == {"arbitrary detention", "other"}
    abduction = rec("ASSAULT", "abduct", kind="gunmen", label="gunmen", acled="Abduction/forced disappearance")
    assert H.violations([rec(), abduction, rec("ASSAULT", None, killed=2, historical=True)]) == {
        "arbitrary detention", "kidnapping", "killing", "other"}
    assert "torture" in H.violations([rec("ASSAULT", "torture")])
    assert "killing" in H.violations([rec("ASSAULT", None, killed=None) | {
        "casualties": [{"kind": "killed", "count": None, "subset": False}]}])  # "were killed", no figure
    assert H.violations([rec("REQUEST", None)]) == {"unknown"}
    assert "killing" in H.violations([rec("ASSAULT", "targeted")])  # an execution, a murder: no toll needed
    assert "killing" not in H.violations([rec("ASSAULT", "beat")])


def test_an_article_whose_main_event_is_an_abduction_has_no_other_harm():
    abduction = rec("ASSAULT", "abduct", kind="gunmen", label="gunmen")
    shooting = rec("ASSAULT", "firearms", kind="gunmen", label="gunmen")
    assert H.violations([abduction, shooting]) == {"kidnapping"}
    assert H.violations([abduction, rec("ASSAULT", None, killed=1)]) == {"kidnapping", "killing"}
    # the abduction told after the article's lead act does not decide it
    assert H.violations([shooting, abduction]) == {"kidnapping", "other"}
    # nor is its captivity, or an arrest told around it, a detention; the state's abduction keeps one
    captive = abduction | {"evidence": {"text": "Gunmen abducted the priest and detained him for a week."}}
    assert H.violations([captive, rec()]) == {"kidnapping"}
    by_police = rec("ASSAULT", "abduct", kind="police", label="plain-clothes police") | {
        "evidence": {"text": "Police abducted the lawyer and detained him."}}
    assert H.violations([by_police]) == {"arbitrary detention"}
    assert H.violations([rec(), captive]) == {"arbitrary detention", "kidnapping", "other"}
    # a current act is the main one over an abduction the article recounts
    assert H.violations([abduction | {"historical": True}, rec("THREATEN", "violence")]) == {"kidnapping", "other"}


def test_a_torture_or_an_abduction_told_only_far_down_the_article_is_background():
    torture = rec("ASSAULT", "torture", kind="police", label="police")
    arrest = rec() | {"sentences": [0]}
    assert "torture" in H.violations([arrest, torture | {"sentences": [3]}])
    assert "torture" not in H.violations([arrest, torture | {"sentences": [25]}])
    assert "torture" in H.violations([arrest, torture])  # no sentence index: taken as told in the lead
    abduction = rec("ASSAULT", "abduct", kind="gunmen", label="gunmen")
    assert "kidnapping" not in H.violations([arrest, abduction | {"sentences": [30, 31]}])
    # a killing or a detention is labelled wherever the article tells it
    assert "killing" in H.violations([arrest, rec("ASSAULT", "targeted") | {"sentences": [40]}])
    # unless the headline names it
    titled = torture | {"sentences": [25], "article": {"title": "Activist tortured in custody"}}
    assert "torture" in H.violations([titled, arrest])


def test_an_abduction_by_the_states_own_organs_is_not_a_kidnapping():
    by_soldiers = rec("ASSAULT", "abduct", kind="state military", label="soldiers")
    assert "kidnapping" not in H.violations([by_soldiers])
    assert "kidnapping" not in H.violations([rec("ASSAULT", "abduct", kind="unknown", label="plain-clothes police")])
    assert "kidnapping" in H.violations([rec("ASSAULT", "abduct", kind="unknown", label="unknown men")])
    assert "kidnapping" in H.violations([rec("ASSAULT", "abduct", kind=None, label="")])  # no agent named
    # nor do the words of its own sentence make it one; its other violations still count
    worded = by_soldiers | {"evidence": {"text": "Soldiers abducted the lawyer and tortured him."}}
    assert H.violations([worded]) == {"torture"}
    assert "kidnapping" in H.violations([worded, rec("ASSAULT", "abduct", kind="gunmen", label="gunmen")])


def test_in_an_article_about_a_crime_the_arrests_of_its_suspects_are_no_detention():
    title = "Police arrest two men over kidnapping of a pastor"
    arrest = law("Officers arrested two men on Sunday.", suspect={"kind": "civilians", "label": "two men"},
                 title=title)
    kidnap = rec("ASSAULT", "abduct", kind="gunmen", label="gunmen") | {
        "evidence": {"text": "Gunmen abducted the pastor on his way home."}, "article": {"title": title}}
    assert H.violations([arrest, kidnap]) == {"kidnapping", "other"}
    # the arrest of an activist for what he wrote is the violation itself
    political = law("Police arrested the blogger over a post.", title="Blogger arrested over post on the president")
    assert "arbitrary detention" in H.violations([political])


def test_the_arrest_of_a_suspect_or_an_offender_is_no_arbitrary_detention():
    bandits = law("Vigilantes arrested two suspected bandits with rifles.", suspect={"kind": "unknown",
                                                                                  "label": "two suspected bandits"})
    assert H.held_suspect(bandits) and "arbitrary detention" not in H.violations([bandits])
    robbers = law("The robbers were held at the station.", mode="legal", suspect={"kind": "civilians", "label": "robbers"})
    assert "arbitrary detention" not in H.violations([robbers])
    activist = law("Police arrested the activist at dawn.", suspect={"kind": "human rights defenders",
                                                                      "label": "the activist"})
    assert not H.held_suspect(activist) and "arbitrary detention" in H.violations([activist])
    # a court or the police on the law's side are not the suspects, nor is an attack's victim
    court = law("The criminal court sentenced her.", mode="legal", suspect={"kind": "court", "label": "her"})
    assert not H.held_suspect(court)
    assert not H.held_suspect(rec("ASSAULT", "beat") | {"actor2": {"kind": "unknown", "label": "the suspects"}})
    # an article led by such an arrest is about the crime: its perpetrator is the suspect
    assert H.crime_story([bandits]) and H.article_perpetrator([bandits]) == "other actors without permissions"
    assert H.article_perpetrator([robbers]) == "other non-state actors"
    assert not H.crime_story([activist]) and H.article_perpetrator([activist]) == "state actor"


def test_a_suspect_named_next_to_the_laws_act_in_its_sentence_is_held_as_one():
    # the parse took the victim as the one arrested; the sentence names a suspect next to the arrest
    second = law("Detectives arrested a second suspect in the raid on the farm where a trader was beaten.",
                 suspect={"kind": "civilians", "label": "a trader"})
    assert H.held_suspect(second) and "arbitrary detention" not in H.violations([second])
    passive = law("Four alleged smugglers were detained at the border crossing.", suspect=None)
    assert H.held_suspect(passive)
    # an adjective alone does not make the arrested a suspect, nor a suspect told far from the arrest
    accused = law("The blogger, accused of insulting the governor, was arrested at his home.",
                  suspect={"kind": "journalists", "label": "the blogger"})
    assert not H.held_suspect(accused) and "arbitrary detention" in H.violations([accused])
    far = law("Police arrested the union leader at dawn, days after the mayor had called the strikers criminals.",
              suspect={"kind": "workers", "label": "the union leader"})
    assert not H.held_suspect(far)
    # only the law's act: an attack told next to such a noun is not an arrest of a suspect
    attack = rec("ASSAULT", "beat") | {"evidence": {"text": "Soldiers beat the suspects in the street."},
                                       "actor2": None}
    assert not H.held_suspect(attack)


def test_an_arrest_its_own_sentence_tells_is_for_a_violent_crime_is_no_detention():
    # not the article's main act, but told for a killing: the law's answer to that crime
    arrest = law("A man was later detained over the murder of the pastor's driver.",
                 suspect={"kind": "civilians", "label": "a man"})
    jailed = law("Police arrested the pastor at the church.", suspect={"kind": "civilians", "label": "the pastor"})
    assert not H.crime_story([jailed, arrest])
    assert "arbitrary detention" not in H.record_violations(arrest)
    assert "arbitrary detention" in H.record_violations(jailed)
    assert "arbitrary detention" in H.violations([jailed, arrest])


def test_the_crime_and_suspect_patterns_stay_linear_on_long_runs_of_hyphens():
    # a run of hyphens once had every split between a separator and a word (far worse than quadratic)
    law_pattern, crime = H._crime_patterns()
    line = "arrested over " + "-" * 20000 + "!"
    assert crime.search(line) is None and H._held_pattern().search(line) is None
    assert crime.search("arrested over " + "-" * 20000 + " the killing")  # one word between: still read


def test_a_violation_the_article_names_again_and_again_is_one_it_reports():
    sentences = ["The editor was arrested on Monday.", "Her lawyer said she had been tortured in custody.",
                 "Rights groups condemned the torture of detainees.", "Officials denied that anyone was tortured."]
    arrest = law(sentences[0], suspect={"kind": "journalists", "label": "the editor"}) | {"sentences": [0]}
    assert H.repeated_violations(sentences) == {"torture"}
    # (no "other": the article opens with the arrest, lede_detention_modes)
    assert H.violations([arrest], sentences) == {"arbitrary detention", "torture"}
    # named twice is not enough; a word of another class does not add up with it
    assert H.repeated_violations(sentences[:3]) == set()
    assert H.violations([arrest], sentences[:3]) == {"arbitrary detention"}  # lede arrest: no "other"
    # in an article about a crime the law answers, the repeated arrests are its suspects'
    title = "Three held over murder of radio host"
    crime = ["Police arrested three suspects.", "They were detained in Kano.", "A fourth man was arrested later."]
    held = law(crime[0], suspect={"kind": "civilians", "label": "three suspects"}, title=title) | {"sentences": [0]}
    assert H.crime_story([held]) and "arbitrary detention" in H.repeated_violations([title, *crime])
    assert "arbitrary detention" not in H.violations([held], crime)
    # threats and harassment told again and again are the "other" harm, beside a named violation too,
    # but not in an article whose main event is an abduction
    told = ["The reporter was seized by gunmen on Friday.", "She had received threats for months.",
            "Her colleagues say the harassment grew after her last article.", "Others were threatened too."]
    seized = rec("ASSAULT", "abduct", kind="gunmen", label="gunmen") | {"sentences": [0]}
    jailed = rec("COERCE", "imprison", kind="court", label="a court") | {"sentences": [0]}
    assert H.repeated_violations(told) == {"other"}
    assert H.violations([jailed], told) == {"arbitrary detention", "other"}
    assert H.violations([seized], told) == {"kidnapping"}
    assert H.repeated_violations(told[:3]) == set() and H.violations([seized], told[:3]) == {"kidnapping"}


def test_a_killing_no_record_gives_must_be_named_four_times():
    told = ["The lawyer was murdered in 2015.", "His killing was never solved.",
            "Colleagues recall the murder.", "Another activist was killed last year."]
    assert "killing" not in H.repeated_violations(told[:3])
    assert "killing" in H.repeated_violations(told)
    # the torture words still count from three
    assert "torture" in H.repeated_violations(["He was tortured.", "The torture lasted days.", "Torture is banned."])


def test_a_seizure_raid_or_curfew_of_the_arrest_mode_takes_no_one_into_custody():
    seizure = rec() | {"trigger": "seized", "evidence": {"text": "Officers seized the printing press."}}
    curfew = rec(acled="Arrests") | {"trigger": "imposed a curfew", "evidence": {"text": "The army imposed a curfew."}}
    assert H.record_violations(seizure) == {"other"} and H.record_violations(curfew) == {"other"}
    # the words of its sentence still tell a detention told with it
    raid = rec() | {"trigger": "raided", "evidence": {"text": "Police raided the office and detained two staff."}}
    assert "arbitrary detention" in H.record_violations(raid)
    taken = rec() | {"trigger": "rounded up", "evidence": {"text": "Soldiers rounded up the villagers."}}
    assert "arbitrary detention" in H.record_violations(taken)


def test_an_abduction_is_a_kidnapping_and_no_other_harm_and_sexual_violence_is_no_torture():
    gunmen = rec("ASSAULT", "abduct", kind="gunmen", label="gunmen", acled="Abduction/forced disappearance")
    assert H.violations([gunmen]) == {"kidnapping"}
    assert H.violations([rec("THREATEN", "violence", kind="gunmen", label="gunmen"), gunmen]) == {"kidnapping", "other"}
    assert H.violations([rec("ASSAULT", "sexual", kind="unknown", label="a guard", acled="Sexual violence")]) == {"other"}


def test_with_no_violent_record_words_of_a_harm_of_no_named_class_name_the_other_violation():
    vow = rec("DISAPPROVE", None, kind="government", label="the ministry") | {
        "evidence": {"text": "The ministry vowed to punish the lawyers who defended the students."}}
    assert H.violations([vow]) == {"other"}
    headline = rec("REQUEST", None) | {"evidence": {"text": "The union asked for talks."},
                                        "article": {"title": "Teachers' leaders threatened after strike call"}}
    assert H.violations([headline]) == {"other"}
    # a named violation wins, and beside a violent record the words add nothing
    named = vow | {"evidence": {"text": "Officials vowed to punish those who killed the reporter."}}
    assert H.violations([named]) == {"killing"}
    abduction = rec("ASSAULT", "abduct", kind="gunmen", label="gunmen") | {
        "evidence": {"text": "Gunmen abducted the pastor and threatened his family."}}
    assert H.violations([abduction]) == {"kidnapping"}
    assert H.worded_violations("Police raided the office") == set()
    assert H.worded_violations("Police raided the office", fallback=True) == {"other"}


def test_protesters_students_and_workers_are_read_as_victims_not_perpetrators():
    misread = rec("ASSAULT", None, kind="protesters", label="protesters")
    crackdown = rec("ASSAULT", "beat", kind="police", label="riot police")
    assert H.article_perpetrator([misread, crackdown]) == "state actor"
    assert H.article_perpetrator([rec("ASSAULT", None, kind="students", label="students")]) is None
    # unless their words name attackers: a mob acts without permissions
    assert H.article_perpetrator([rec("ASSAULT", "beat", kind="protesters", label="an angry mob")]) == (
        "other actors without permissions")
    assert H.article_perpetrator([rec("ASSAULT", None, kind="journalists", label="a court reporter")]) is None
    assert H.article_perpetrator([rec("ASSAULT", None, kind="party", label="party thugs")]) == "other non-state actors"


def test_violations_named_in_the_words_of_a_violent_records_sentence_or_the_headline():
    arrest = rec() | {"evidence": {"text": "The lawyer was arrested on Monday and tortured in custody."}}
    assert H.violations([arrest]) == {"arbitrary detention", "torture", "other"}
    vanished = rec("ASSAULT", "abduct") | {"evidence": {"text": "The activist was forcibly disappeared in May."}}
    assert "enforced disappearance" in H.violations([vanished])
    # only a violent or coercive record's sentence counts: a call for an inquiry is no killing
    call = rec("REQUEST", None) | {"evidence": {"text": "They called for an inquiry into the murder."}}
    assert H.violations([call, rec("ASSAULT", "beat")]) == {"other"}
    # with no violent record at all, the words of the others still name the violation
    assert H.violations([call]) == {"killing"}
    assert H.violations([rec("REQUEST", None) | {"evidence": {"text": "They called for calm."}}]) == {"unknown"}
    headline = rec("REQUEST", None) | {"article": {"title": "Union leader shot dead outside his home"}}
    assert H.violations([headline]) == {"killing"}
    assert H.worded_violations("Detention of five journalists") == {"arbitrary detention"}
    # a headline's present tense names the act too
    assert H.worded_violations("Regime tortures reporter") == {"torture"}
    assert H.worded_violations("Gunmen kidnap priest, militia abducts two") == {"kidnapping"}
    # mistreatment and "inhuman or degrading treatment" in custody are torture's class; a degrading
    # remark or a treatment in hospital is not
    assert H.worded_violations("The prisoners were mistreated by the guards") == {"torture"}
    assert H.worded_violations("She described her mistreatment in the cell") == {"torture"}
    assert H.worded_violations("He suffered cruel, inhuman and degrading treatment in jail") == {"torture"}
    assert H.worded_violations("The minister made degrading remarks; he got treatment in hospital") == set()
    # every sentence the record was read from counts when the article's sentences are given
    later = rec() | {"evidence": {"text": "Police arrested the lawyer."}, "sentences": [0, 2]}
    sentences = H.sentence_texts("Police arrested the lawyer. It rained. He was later tortured in custody.")
    assert sentences[2] == "He was later tortured in custody."
    assert "torture" in H.violations([later], sentences) and "torture" not in H.violations([later])
    assert H.violations([later | {"sentences": [0, 9]}], sentences) == {"arbitrary detention"}  # lede arrest: no "other"
    assert H.worded_violations("Police raided the office") == set() and H.worded_violations(None) == set()


def test_prediction_dates_only_as_stated_else_the_publication_year():
    stated = rec(date={"value": "2021-02-26", "precision": "day", "basis": "text", "text": "on 26 February"})
    assert {k: H.predict([stated], "2021-03-08")[k] for k in ("year", "month", "day")} == {
        "year": 2021, "month": 2, "day": 26}
    # a weekday is resolved by us against the publication day: its month, no day
    weekday = rec(date={"value": "2021-03-05", "precision": "day", "basis": "text", "text": "on Friday"})
    assert {k: H.predict([weekday], "2021-03-08")[k] for k in ("year", "month", "day")} == {
        "year": 2021, "month": 3, "day": None}
    assumed = rec(date={"value": "2021-03-08", "precision": "day", "basis": "published"})
    assert {k: H.predict([assumed], "2021-03-08")[k] for k in ("year", "month", "day")} == {
        "year": 2021, "month": None, "day": None}
    assert H.predict([], None)["year"] is None
    # the attack the article recounts, dated, over today's undated news of it
    recounted = rec("ASSAULT", "abduct", historical=True, date={"value": "2016-05", "precision": "month", "basis": "text"})
    assert {k: H.predict([assumed, recounted], "2021-03-08")[k] for k in ("year", "month", "day")} == {
        "year": 2016, "month": 5, "day": None}


def test_the_one_year_a_headline_names_dates_the_story():
    told_today = rec(date={"value": "2021-03-05", "precision": "day", "basis": "text", "text": "on Friday"}) | {
        "article": {"title": "Police hold three over murder of reporter in 2014"}}
    assert {k: H.predict([told_today], "2021-03-08")[k] for k in ("year", "month", "day")} == {
        "year": 2014, "month": None, "day": None}
    same_year = rec(date={"value": "2014-06-02", "precision": "day", "basis": "text", "text": "on 2 June 2014"}) | {
        "article": {"title": "Remembering the 2014 massacre"}}
    assert {k: H.predict([same_year], "2021-03-08")[k] for k in ("year", "month", "day")} == {
        "year": 2014, "month": 6, "day": 2}
    # a year after publication names a report or a plan, and two years name no one story
    assert H.headline_year("Annual Report 2022: the region", "2021-12-20") is None
    assert H.headline_year("From 1998 to 2008: a decade of abductions", "2021-12-20") is None
    assert H.headline_year("Strikes of 1919 remembered", None) == 1919
    assert H.headline_year(None, "2021-12-20") is None


def test_a_day_only_for_an_act_the_lead_tells():
    def told(index: int) -> dict:
        return rec(date={"value": "2021-02-26", "precision": "day", "basis": "text", "text": "on 26 February"}) | {
            "sentences": [index, index + 5]}
    assert H.in_lead(told(0)) and H.in_lead(told(3)) and not H.in_lead(told(4)) and H.in_lead(rec())
    assert {k: H.predict([told(1)], "2021-03-08")[k] for k in ("year", "month", "day")} == {
        "year": 2021, "month": 2, "day": 26}
    # told only further down: its year and month, no day
    assert {k: H.predict([told(12)], "2021-03-08")[k] for k in ("year", "month", "day")} == {
        "year": 2021, "month": 2, "day": None}


def test_the_attack_is_dated_by_a_calendar_date_and_a_recounted_act_first():
    def dated(text: str, value: str, historical: bool = False, etype: str = "COERCE") -> dict:
        return rec(etype, historical=historical, date={"value": value, "precision": "day", "basis": "text", "text": text})

    today = dated("yesterday", "2021-03-07")
    by_calendar = dated("on 2 March", "2021-03-02")
    recounted = dated("on Monday", "2019-05-06", historical=True)
    recounted_by_calendar = dated("on 6 May 2019", "2019-05-06", historical=True)
    assert H.dated_record([today, by_calendar]) is by_calendar
    assert H.dated_record([today, recounted]) is recounted
    assert H.dated_record([today, by_calendar, recounted, recounted_by_calendar]) is recounted_by_calendar
    assert H.dated_record([dated("on 2 March", "2021-03-02", etype="PROTEST")]) is None  # not an attack's date
    assert H.calendar_date(dated("5/3/2021", "2021-03-05")) and H.calendar_date(dated("March 5", "2021-03-05"))
    assert not H.calendar_date(dated("on Thursday morning", "2021-03-04")) and not H.calendar_date(None)


def test_country_from_the_main_record_else_most_records():
    placed = [rec("REQUEST", None, country="GH"), rec("REQUEST", None, country="GH"), rec(country=None)]
    assert H.predict(placed)["country"] == "GH"
    assert H.predict([rec(country="KE"), rec("REQUEST", None, country="GH")])["country"] == "KE"
    assert H.predict([rec(country="HK")])["country"] == "CN"  # the sovereign state
    # a reaction abroad reported first does not outweigh where most of the article happens
    reaction = rec("SANCTION", "discontinue", kind="government", label="Canada", country="CA")
    at_home = [rec(country="BY"), rec("ASSAULT", "beat", country="BY")]
    assert H.predict([reaction, *at_home])["country"] == "BY"
    assert H.predict([rec(country="HK"), rec(country="CN"), rec(country="GB")])["country"] == "CN"


def test_scores_accuracy_and_micro_f1_and_the_majority_baseline():
    golds = [H.gold_labels(MERGED), H.gold_labels(dict(MERGED, violation_types=["killing", "other"], country="Kenya",
                                                       month=None, date=None))]
    perfect = [dict(g) for g in golds]
    scores = H.score(golds, perfect)
    assert scores["country"] == 1.0 and scores["violations_f1"] == 1.0 and scores["month"] == 1.0
    # The paper's counting never credits a gold None.
    assert scores["month_paper_counting"] == 0.5 and scores["day_paper_counting"] == 0.5
    half = [dict(perfect[0]), dict(perfect[1], violations={"killing"}, country="UG")]
    scores = H.score(golds, half)
    assert scores["country"] == 0.5
    assert scores["violations_precision"] == 1.0 and scores["violations_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["violations_f1"] == pytest.approx(0.8, abs=1e-4)
    guess = H.majority(golds)
    assert guess["perpetrator_type"] == "state actor" and len(guess["violations"]) == 1


def test_each_violation_type_is_counted_so_an_over_predicted_one_shows():
    golds = [{"arbitrary detention"}, {"killing", "other"}, {"killing"}]
    predicted = [{"arbitrary detention", "other"}, {"killing", "other"}, {"other"}]
    found = H.per_type(golds, predicted)
    assert found["other"] == {"gold": 1, "predicted": 3, "right": 1, "precision": pytest.approx(1 / 3, abs=1e-4),
                              "recall": 1.0}
    assert found["killing"]["recall"] == 0.5 and found["killing"]["precision"] == 1.0
    assert set(found) == {"arbitrary detention", "killing", "other"}


def test_command_on_a_small_split_with_the_real_pipeline(tmp_path):
    html = ("<p>LAGOS, Feb 26: Police arrested the activist Ada Obi in Lagos on Friday, her lawyer said.</p>"
            "<p>She remains in detention.</p>")
    path = tmp_path / "hrds_dev.json"
    path.write_text(json.dumps([sample(html, MERGED)]), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "hrds", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output.strip().splitlines()[-1])
    assert scores["n"] == 1 and scores["baseline_from"] == "hrds_dev.json"
    assert scores["country"] == 1.0 and scores["year"] == 1.0
    assert "arbitrary detention" in json.dumps(scores["baseline_labels"])
    assert scores["violations_by_type"]["arbitrary detention"]["gold"] == 1
    human = CliRunner().invoke(app, ["eval", "hrds", str(path)])
    assert human.exit_code == 0 and "Violation types" in human.output
    path.write_text('{"not": "a list"}', encoding="utf-8")
    bad = CliRunner().invoke(app, ["eval", "hrds", str(path)])
    assert bad.exit_code == 2 and "list" in bad.output


def test_a_harm_of_no_named_class_recounted_past_the_lead_is_background():
    # "The journalist was arrested on Monday. ... In 2015 police had raided his office." The old raid
    # (an earlier act the article recounts, told far down) gives no "other" harm of its own
    arrest = rec() | {"sentences": [1]}
    old_raid = rec("COERCE", "raid", historical=True) | {"sentences": [9]}
    assert "other" not in H.record_violations(old_raid)
    assert "other" in H.record_violations(old_raid | {"sentences": [2]})  # recounted in the lead: kept
    assert "other" in H.record_violations(old_raid | {"historical": False})  # a current act: kept
    # its named violations are still labelled
    old_killing = rec("ASSAULT", "targeted", historical=True) | {"sentences": [9]}
    assert H.record_violations(old_killing) == {"killing"}
    assert H.violations([rec("REQUEST", None) | {"sentences": [0]}, old_raid]) == {"unknown"}
    assert "other" in H.violations([arrest, old_raid])  # the current arrest still gives one


def test_an_article_that_opens_with_a_detention_is_labelled_by_it_not_by_an_other_harm():
    # "Police arrested the union leader in Lagos on Monday. ... She was charged with unlawful assembly."
    lede_arrest = rec() | {"sentences": [0]}
    charge = rec("COERCE", "legal") | {"sentences": [3]}
    assert H.violations([lede_arrest, charge]) == {"arbitrary detention"}
    # a trial in the lede that reports a detention ("the editor, jailed since May, went on trial") too
    trial = rec("COERCE", "legal") | {"sentences": [0], "evidence": {"text": "The editor, jailed since May, went on trial."}}
    assert H.violations([trial]) == {"arbitrary detention"}
    # told from the second sentence on (after a statement, an appeal), the arrest is one harm of several
    statement = rec("REQUEST", None) | {"sentences": [0]}
    assert H.violations([statement, rec() | {"sentences": [1]}, charge]) == {"arbitrary detention", "other"}
    # an assault in the lede is no detention: its harm stays
    beating = rec("ASSAULT", "beat") | {"sentences": [0]}
    assert H.violations([beating, rec() | {"sentences": [2]}]) == {"arbitrary detention", "other"}
    # a trial that reports no detention keeps its "other" harm; an arrest without sentence indices is unchanged
    assert H.violations([rec("COERCE", "legal") | {"sentences": [0]}]) == {"other"}
    assert H.violations([rec()]) == {"arbitrary detention", "other"}


def test_a_violation_only_planned_or_possible_names_no_act():
    # a plan and a modal possibility govern the word after them: no act was done
    assert H.worded_violations("Prosecutors say the men were planning to kidnap a reporter.") == set()
    assert H.worded_violations("Guards warned that he could be killed if he spoke.") == set()
    assert H.worded_violations("The pair were part of a plot to abduct the mayor.") == set()
    # a warrant carried out is no execution
    assert H.worded_violations("Officers executed two search warrants on Monday.") == set()
    # the act done still counts, in the same sentence too, and so does an attempt on a life
    assert H.worded_violations("He was kidnapped after a plan to kill him failed.") == {"kidnapping"}
    assert H.worded_violations("The attempted assassination of the mayor shocked the town.") == {"killing"}
    assert H.worded_violations("Three prisoners were executed at dawn.") == {"killing"}
    # a conspiracy is the name of a charge, often for acts done: still read
    assert H.worded_violations("He admitted conspiring to torture the hostages.") == {"torture"}
    # repeated mentions do not count a planned act
    told = ["A plot to kidnap the editor was foiled.", "They were plotting to kidnap him for months.",
            "Police said they planned to kidnap two more."]
    assert "kidnapping" not in H.repeated_violations(told)
    assert "kidnapping" in H.repeated_violations([t.replace("to kidnap", "and kidnapped") for t in told])


def test_a_headline_naming_a_killing_or_an_abduction_and_no_detention_gives_no_detention():
    # "Village chief shot dead in night raid" ... "Police later arrested three men in the forest."
    def told(title: str) -> list[dict]:
        killing = rec("ASSAULT", "targeted", kind="unknown", label="gunmen", killed=1) | {
            "sentences": [0], "article": {"title": title}}
        return [killing, rec() | {"sentences": [4]}]
    assert "arbitrary detention" not in H.violations(told("Village chief shot dead in night raid"))
    assert "arbitrary detention" not in H.violations(told("Trader kidnapped on the highway to the capital"))
    assert "killing" in H.violations(told("Village chief shot dead in night raid"))
    # a headline naming the detention as well keeps it
    assert "arbitrary detention" in H.violations(told("Village chief killed, three arrested"))
    # torture is done to prisoners: a headline naming it keeps the detention the body tells
    assert "arbitrary detention" in H.violations(told("Prisoners tortured in the northern jail"))
    # a headline naming none of them changes nothing
    assert "arbitrary detention" in H.violations(told("Night of fear in the village"))
    # a killing only planned names none
    assert "arbitrary detention" in H.violations(told("Men accused of a plot to kill the mayor"))


def test_the_headline_names_the_country_when_the_records_place_none_or_tie():
    # no record at all: the first state the headline names (by name, demonym or capital)
    assert H.predict([], "2021-03-08", [], title="Kenyan teachers strike over unpaid wages")["country"] == "KE"
    assert H.predict([], "2021-03-08", [], title="A strike over unpaid wages")["country"] is None
    # records in two states as often each: the one the headline names wins the tie
    tied = [rec(country="NG"), rec(etype="ASSAULT", mode="beat", country="GH")]
    tied[0]["article"] = {"title": "Ghana: union leaders beaten at rally"}
    assert H.predict(tied, "2021-03-08")["country"] == "GH"
    # the headline does not outweigh where most of the records are placed
    most = [rec(country="NG"), rec(country="NG"), rec(etype="ASSAULT", mode="beat", country="GH")]
    most[0]["article"] = {"title": "Ghana: union leaders beaten at rally"}
    assert H.predict(most, "2021-03-08")["country"] == "NG"
    # a territory the headline names is read as its sovereign state, as the records' places are
    assert H.predict([], "2021-03-08", [], title="Hong Kong police arrest five")["country"] == "CN"
