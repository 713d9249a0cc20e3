"""sitrep.stages.selection alone: which of an article's mentions stand as records (one per sentence,
a denial folded into the act it denies, an act named again dropped, the salience bar), on mentions
built by hand over texts parsed here."""

from __future__ import annotations

from sitrep.model import Actor, Place, When
from sitrep.stages import salience
from sitrep.stages.selection import (
    SALIENCE_MIN_SENTENCES,
    drop_named_again,
    fold_denials,
    fold_releases,
    one_per_sentence,
    weigh,
)

ARMY = Actor("Military", "state military", None, "The army", "MILITARY")
MINISTRY = Actor("Ministry", "ministry", None, "The ministry", "MINISTRY")
POLICE = Actor("Police", "police", None, "Police", "POLICE")


def test_a_condemnation_yields_to_the_deadly_strike_it_condemns(staged, mention) -> None:
    doc = staged("The ministry condemned the airstrike that killed five civilians.", upto="claims")
    anchors: dict[int, int] = {}
    reaction = mention(doc, "condemned", "ACCUSE", actor1=MINISTRY, anchors=anchors)
    strike = mention(doc, "killed", "ASSAULT", killed=5, category="civilians", anchors=anchors)
    assert one_per_sentence(doc, [reaction, strike], anchors) == [strike]


def test_an_arrest_of_marchers_keeps_the_protest_and_its_policing(staged, mention) -> None:
    doc = staged("Police arrested 14 protesters who marched in Lagos.", upto="claims")
    anchors: dict[int, int] = {}
    arrest = mention(doc, "arrested", "COERCE", actor1=POLICE, anchors=anchors)
    march = mention(doc, "marched", "PROTEST", anchors=anchors)
    kept = one_per_sentence(doc, [arrest, march], anchors)
    assert sorted(m.type for m in kept) == ["COERCE", "PROTEST"]


def test_mentions_of_different_sentences_all_stand(staged, mention) -> None:
    doc = staged("Police arrested two activists on Monday. Police arrested a journalist in another city.", upto="claims")
    anchors: dict[int, int] = {}
    first = mention(doc, "activists", "COERCE", anchors=anchors)
    second = mention(doc, "journalist", "COERCE", anchors=anchors)
    assert one_per_sentence(doc, [second, first], anchors) == [first, second]  # and in the text's order


def test_a_denial_of_the_reports_is_folded_into_the_attack(staged, mention) -> None:
    doc = staged("Gunmen attacked a checkpoint in Saraqib on Tuesday. The army denied the reports.", upto="claims")
    anchors: dict[int, int] = {}
    attack = mention(doc, "attacked", "ASSAULT", anchors=anchors)
    denial = mention(doc, "denied", "REJECT", actor1=ARMY, anchors=anchors)
    assert fold_denials(doc, [attack, denial], anchors) == [attack]
    [folded] = attack.denials
    assert folded.modality == "denied" and folded.source == "Military"


def test_a_rejection_of_someones_words_is_an_event(staged, mention) -> None:
    doc = staged("Gunmen attacked a checkpoint in Saraqib on Tuesday. The army rejected the minister's remarks.",
                 upto="claims")
    anchors: dict[int, int] = {}
    attack = mention(doc, "attacked", "ASSAULT", anchors=anchors)
    rejection = mention(doc, "rejected", "REJECT", actor1=ARMY, anchors=anchors)
    assert fold_denials(doc, [attack, rejection], anchors) == [attack, rejection]
    assert attack.denials == []


UNION = Actor("Teachers Union", "NGO", None, "The teachers union", "TEACHERS_UNION")


def test_a_rejection_of_another_partys_allegations_is_an_event(staged, mention) -> None:
    doc = staged("The teachers union accused the ministry of withholding salaries on Monday. "
                 "The ministry rejected these allegations.", upto="claims")
    anchors: dict[int, int] = {}
    accusation = mention(doc, "accused", "ACCUSE", actor1=UNION, actor2=MINISTRY, anchors=anchors)
    rejection = mention(doc, "rejected", "REJECT", actor1=MINISTRY, anchors=anchors)
    assert fold_denials(doc, [accusation, rejection], anchors) == [accusation, rejection]
    assert accusation.denials == [] and rejection.actor2 == UNION


def test_a_denial_of_another_partys_allegations_is_their_attribute(staged, mention) -> None:
    doc = staged("The teachers union accused the ministry of withholding salaries on Monday. "
                 "The ministry denied these allegations.", upto="claims")
    anchors: dict[int, int] = {}
    accusation = mention(doc, "accused", "ACCUSE", actor1=UNION, actor2=MINISTRY, anchors=anchors)
    denial = mention(doc, "denied", "REJECT", actor1=MINISTRY, anchors=anchors)
    assert fold_denials(doc, [accusation, denial], anchors) == [accusation]
    assert accusation.denials


def test_the_arrest_named_again_as_a_subject_is_no_new_arrest(staged, mention) -> None:
    doc = staged("Police arrested two activists on Monday. The arrest drew wide condemnation.", upto="claims")
    anchors: dict[int, int] = {}
    arrest = mention(doc, "arrested", "COERCE", anchors=anchors)
    again = mention(doc, "arrest", "COERCE", anchors=anchors)
    assert drop_named_again(doc, [arrest, again], anchors) == [arrest]
    assert drop_named_again(doc, [again], anchors) == [again]  # with no arrest told before, it is the arrest


def test_a_text_of_a_sentence_or_two_keeps_every_candidate(staged, mention) -> None:
    doc = staged("A roadside bomb exploded in Saraqib. Officials said nobody was hurt.", upto="claims")
    assert len(doc.sentences) < SALIENCE_MIN_SENTENCES
    anchors: dict[int, int] = {}
    doc.mentions = [mention(doc, "exploded", "ASSAULT", mode="explosives", anchors=anchors)]
    weigh(doc, anchors)
    assert len(doc.mentions) == 1 and doc.mentions[0].salience is None  # not scored
    assert len(doc.extra["candidates"]) == 1


def test_the_salience_bar_keeps_the_likelier_of_an_articles_candidates(staged, mention) -> None:
    text = ("Gunmen attacked a checkpoint in Saraqib on Tuesday, killing four soldiers, a monitor said. "
            "The town lies on the main road to Aleppo. "
            "Many residents fled to camps near the border in 2019. "
            "Officials have long talked about reopening the road.")
    doc = staged(text, upto="claims")
    anchors: dict[int, int] = {}
    attack = mention(doc, "attacked", "ASSAULT", mode="firearms", killed=4, anchors=anchors)
    talk = mention(doc, "talked", "CONSULT", anchors=anchors)
    old = mention(doc, "fled", "RETREAT", historical=True, anchors=anchors)
    doc.mentions = [attack, old, talk]
    weigh(doc, anchors)
    cut = salience.threshold()
    assert attack in doc.mentions and attack.salience is not None and attack.salience >= cut
    assert old in doc.mentions  # history is kept as such, whatever its score
    assert talk.salience is not None and talk.salience < attack.salience
    assert (talk in doc.mentions) is (talk.salience >= cut)


def test_the_arrest_stands_over_the_crime_it_was_made_for(staged, mention) -> None:
    doc = staged("Police arrested a driver on Monday over the kidnapping of a schoolgirl.", upto="claims")
    anchors: dict[int, int] = {}
    arrest = mention(doc, "arrested", "COERCE", actor1=POLICE, anchors=anchors)
    crime = mention(doc, "kidnapping", "ASSAULT", actor1=POLICE, anchors=anchors, historical=True)
    assert one_per_sentence(doc, [arrest, crime], anchors) == [arrest]


def test_a_charge_gives_a_legal_act_not_the_crime_charged() -> None:
    import sitrep

    found = [m for m in sitrep.extract("Police in the capital charged two guards with kidnapping on Tuesday.",
                                       published="2023-05-10") if not m.historical]
    assert [m.type for m in found] == ["COERCE"]


def test_an_act_told_in_a_clause_describing_someone_is_a_side_mention(staged, mention) -> None:
    doc = staged("Police arrested a journalist in Kano on Monday. The editor, who was detained twice last year, "
                 "spoke to reporters. A lawyer jailed in 2019 joined him.", upto="claims")
    anchors: dict[int, int] = {}
    told = mention(doc, "arrested", "COERCE", actor1=POLICE, anchors=anchors)
    relative = mention(doc, "detained", "COERCE", anchors=anchors)
    participle = mention(doc, "jailed", "COERCE", anchors=anchors)
    side = {m.trigger: salience.features(doc, m, anchors[id(m)])["side_clause"] for m in (told, relative, participle)}
    assert side == {"arrested": 0.0, "detained": 1.0, "jailed": 1.0}


_EDITOR = ("Police detained the editor of a weekly paper at his home in the capital on Monday. "
           "The paper had run a series on land seizures. "
           "Its readers are mostly farmers. "
           "Colleagues met on Tuesday to plan a vigil.")


def _editor_case(staged, mention, monkeypatch, title: str | None, coerce_share: float) -> tuple:
    doc = staged(_EDITOR, upto="claims")
    if title is not None:
        doc.extra["title"] = staged(title, upto="claims")
    anchors: dict[int, int] = {}
    arrest = mention(doc, "detained", "COERCE", actor1=POLICE, anchors=anchors)
    meeting = mention(doc, "met", "CONSULT", anchors=anchors)
    doc.mentions = [arrest, meeting]
    # the arrest scores under the bar, the meeting over it
    monkeypatch.setattr(salience, "threshold", lambda model=None: 0.5)
    monkeypatch.setattr(salience, "score", lambda feats, model=None: 0.5 * coerce_share if feats["t_coerce"] else 0.6)
    weigh(doc, anchors)
    return arrest, meeting, doc.mentions


def test_the_lead_act_the_headline_tells_stands_when_nearly_as_likely_as_the_bar(staged, mention, monkeypatch) -> None:
    arrest, meeting, kept = _editor_case(staged, mention, monkeypatch, "Newspaper editor detained in capital", 0.8)
    assert kept == [arrest, meeting]


def test_the_lead_act_stays_dropped_without_a_headline_telling_it(staged, mention, monkeypatch) -> None:
    # no headline; a headline of another kind of act; a participle naming people is no act the headline tells
    for title in (None, "Colleagues plan vigil for editor", "Colleagues of detained editor plan vigil"):
        arrest, meeting, kept = _editor_case(staged, mention, monkeypatch, title, 0.8)
        assert kept == [meeting], title


def test_the_lead_act_far_under_the_bar_stays_dropped(staged, mention, monkeypatch) -> None:
    arrest, meeting, kept = _editor_case(staged, mention, monkeypatch, "Newspaper editor detained in capital", 0.4)
    assert kept == [meeting]


_PARDON = ("The governor pardoned three reporters jailed for defamation on Monday. "
           "The reporters had written about a land deal. "
           "Their paper is based in the capital. "
           "Colleagues met on Tuesday to plan a celebration.")


def _pardon_case(staged, mention, monkeypatch, title: str, kept_before: tuple = ()) -> tuple:
    doc = staged(_PARDON, upto="claims")
    doc.extra["title"] = staged(title, upto="claims")
    anchors: dict[int, int] = {}
    pardon = mention(doc, "pardoned", "CONCEDE", anchors=anchors)
    meeting = mention(doc, "met", "CONSULT", anchors=anchors)
    others = [mention(doc, word, etype, anchors=anchors) for word, etype in kept_before]
    doc.mentions = [pardon, meeting, *others]
    # the pardon scores a little under the bar, the rest over it
    monkeypatch.setattr(salience, "threshold", lambda model=None: 0.5)
    monkeypatch.setattr(salience, "score", lambda feats, model=None: 0.45 if feats["first3"] and feats["t_verbal"]
                        and not others else 0.6)
    weigh(doc, anchors)
    return pardon, doc.mentions


def test_a_release_the_headline_tells_stands_with_the_lead(staged, mention, monkeypatch) -> None:
    # a pardon is a deed done to people: the headline telling one tells the lead's
    pardon, kept = _pardon_case(staged, mention, monkeypatch, "Governor pardons three jailed reporters")
    assert pardon in kept
    # a headline of another kind tells nothing of it
    pardon, kept = _pardon_case(staged, mention, monkeypatch, "Colleagues plan celebration for reporters")
    assert pardon not in kept


def test_a_censure_of_acts_named_as_a_kind_is_the_sentences_event(staged, mention) -> None:
    doc = staged("Ten governments voiced concern on Friday at arbitrary arrests of reporters.", upto="claims")
    anchors: dict[int, int] = {}
    censure = mention(doc, "voiced concern", "ACCUSE", anchors=anchors)
    arrests = mention(doc, "arrests", "COERCE", anchors=anchors)
    assert one_per_sentence(doc, [censure, arrests], anchors) == [censure]


def test_a_censure_of_a_named_act_yields_to_the_act(staged, mention) -> None:
    # the act with its article or its victim's name is the incident; the censure is its attribute
    for text, word in (("Ten governments voiced concern on Friday at the arrest of two reporters.", "arrest"),
                       ("The union blamed the Moyo abduction on hired thugs.", "abduction")):
        doc = staged(text, upto="claims")
        anchors: dict[int, int] = {}
        censure = mention(doc, "voiced concern" if "concern" in text else "blamed", "ACCUSE", anchors=anchors)
        act = mention(doc, word, "ASSAULT" if word == "abduction" else "COERCE", anchors=anchors)
        assert one_per_sentence(doc, [censure, act], anchors) == [act], text


def test_backing_for_a_strike_is_an_act_of_its_own(staged, mention) -> None:
    doc = staged("Jordan supported the strike on the depot.", upto="claims")
    anchors: dict[int, int] = {}
    backing = mention(doc, "supported", "SUPPORT", actor1=MINISTRY, anchors=anchors)
    strike = mention(doc, "strike", "ASSAULT", anchors=anchors)
    assert sorted(m.type for m in one_per_sentence(doc, [backing, strike], anchors)) == ["ASSAULT", "SUPPORT"]


def test_a_release_of_hostages_is_the_release_not_their_capture() -> None:
    from sitrep import extract

    kept = [m for m in extract("The rebels released 12 hostages on Sunday near Kidal.", published="2024-03-14")
            if not m.historical]
    assert [(m.type, m.mode) for m in kept] == [("CONCEDE", "release")]
    taken = extract("Gunmen kidnapped 12 passengers on Sunday near Kaduna.", published="2024-03-14")
    assert [m.type for m in taken] == ["ASSAULT"]  # a capture told stays the capture


def test_the_protest_a_charge_names_is_the_offence_not_a_protest_told() -> None:
    from sitrep import extract

    charged = extract("The two reporters were charged on Tuesday with organising protests against the mayor.",
                      published="2024-03-14")
    assert [m.type for m in charged] == ["COERCE"]
    policed = extract("Police arrested 14 students who marched in Accra on Monday.", published="2024-03-14")
    assert sorted(m.type for m in policed) == ["COERCE", "PROTEST"]  # a march told and its policing: two acts


def test_a_headline_reaction_to_violence_the_body_tells_is_no_record_of_its_own() -> None:
    from sitrep import extract

    told = extract("The coalition said the bombing killed four people in Azaz on Tuesday.",
                   title="Coalition condemns attack on government offices in Azaz", published="2024-03-14")
    assert [m.type for m in told] == ["ASSAULT"]
    alone = extract("The coalition said it would work with the council.",
                    title="Coalition condemns attack on government offices in Azaz", published="2024-03-14")
    assert [(m.type, m.evidence.field) for m in alone] == [("ACCUSE", "title")]  # no body record: the headline's act stands


_RAIDS = ("Gunmen attacked a police post in the river town on Monday. "
          "The post guards a ferry crossing. "
          "Traders crossed there every week. "
          "{body}")


def _raids_case(staged, mention, monkeypatch, body: str, word: str, share: float, places: tuple = (None, None),
                when=None) -> tuple:
    doc = staged(_RAIDS.format(body=body), upto="claims")
    anchors: dict[int, int] = {}
    lead = mention(doc, "attacked", "ASSAULT", location=places[0], anchors=anchors)
    later = mention(doc, word, "ASSAULT", location=places[1], date=when, anchors=anchors)
    doc.mentions = [lead, later]
    # the lead's attack scores over the bar, the body's under it (by ``share`` of the bar)
    monkeypatch.setattr(salience, "threshold", lambda model=None: 0.5)
    monkeypatch.setattr(salience, "score", lambda feats, model=None: 0.6 if feats["first3"] else 0.5 * share)
    weigh(doc, anchors)
    return lead, later, doc.mentions


def test_a_further_attack_told_in_the_body_stands_when_nearly_as_likely_as_the_bar(staged, mention, monkeypatch) -> None:
    for body, word in (("Gunmen also shelled a village near the dam.", "shelled"),
                       ("Meanwhile, rockets hit a school in the north.", "hit"),
                       ("Another raid struck a farm outside the town.", "raid")):
        lead, later, kept = _raids_case(staged, mention, monkeypatch, body, word, 0.8)
        assert kept == [lead, later], body


def test_a_body_attack_with_no_mark_of_a_further_incident_stays_dropped(staged, mention, monkeypatch) -> None:
    for body, word in (("Gunmen shelled a village near the dam.", "shelled"),
                       # "also" says what the attack was, not that there was another
                       ("The shelling was not only cruel but also unlawful, the council said.", "shelling"),
                       # another source's account, which may be of the same attack
                       ("Meanwhile, the monitor said rockets hit a school in the north.", "hit")):
        lead, later, kept = _raids_case(staged, mention, monkeypatch, body, word, 0.8)
        assert kept == [lead], body


def test_a_further_attack_far_under_the_bar_stays_dropped(staged, mention, monkeypatch) -> None:
    lead, later, kept = _raids_case(staged, mention, monkeypatch, "Gunmen also shelled a village near the dam.", "shelled", 0.4)
    assert kept == [lead]


_RIVER_TOWN = Place("Ferrytown", admin1="North", country="XX", precision="city")
_HILL_VILLAGE = Place("Hillside", admin1="North", country="XX", precision="city")


def test_a_body_attack_at_a_town_no_kept_record_names_stands(staged, mention, monkeypatch) -> None:
    body, word = "Gunmen shelled a village near the dam.", "shelled"
    lead, later, kept = _raids_case(staged, mention, monkeypatch, body, word, 0.8, (_RIVER_TOWN, _HILL_VILLAGE))
    assert kept == [lead, later]
    # the town the lead names: the same setting, maybe the same attack told again
    lead, later, kept = _raids_case(staged, mention, monkeypatch, body, word, 0.8, (_RIVER_TOWN, _RIVER_TOWN))
    assert kept == [lead]
    # a town of its own told with a month ("last month"): background, not a further incident of the report
    month = When("2024-02", "month", "last month")
    lead, later, kept = _raids_case(staged, mention, monkeypatch, body, word, 0.8, (_RIVER_TOWN, _HILL_VILLAGE), month)
    assert kept == [lead]


def _demand_case(staged, mention, monkeypatch, body: str, word: str, share: float, actor1=MINISTRY,  # noqa: ANN001
                 etype: str = "REQUEST") -> tuple:
    doc = staged(_RAIDS.format(body=body), upto="claims")
    anchors: dict[int, int] = {}
    lead = mention(doc, "attacked", "ASSAULT", anchors=anchors)
    later = mention(doc, word, etype, actor1=actor1, anchors=anchors)
    doc.mentions = [lead, later]
    # the lead's attack scores over the bar, the demand under it (by ``share`` of the bar)
    monkeypatch.setattr(salience, "threshold", lambda model=None: 0.5)
    monkeypatch.setattr(salience, "score", lambda feats, model=None: 0.6 if feats["first3"] else 0.5 * share)
    weigh(doc, anchors)
    return lead, later, doc.mentions


def test_a_demand_made_of_another_party_stands_when_nearly_as_likely_as_the_bar(staged, mention, monkeypatch) -> None:
    for body, word in (("The ministry called on the governor to free the detained traders.", "called"),
                       ("Rights groups are urging the police to open an inquiry.", "urging"),
                       # a second verb shares the first one's subject
                       ("The ministry condemned the raid and asked the army to guard the crossing.", "asked")):
        lead, later, kept = _demand_case(staged, mention, monkeypatch, body, word, 0.8)
        assert kept == [lead, later], body


def test_a_demand_with_no_party_to_act_or_told_before_the_story_stays_dropped(staged, mention, monkeypatch) -> None:
    for body, word in (("The ministry called for calm.", "called"),  # no one of whom it is asked
                       # a pluperfect: asked before the story's own time
                       ("The ministry had urged the traders to stay home.", "urged"),
                       # a participle with no subject of its own: the appeal is named, not told as made
                       ("Radio stations carried an appeal from the mayor urging traders to stay home.", "urging"),
                       ("Leaflets urging traders to stay home were handed out.", "urging"),
                       ("The mayor spoke on the radio on Monday, urging traders to stay home.", "urging"),
                       # inside someone's quoted words
                       ('"We urge the governor to free them," the ministry said.', "urge")):
        lead, later, kept = _demand_case(staged, mention, monkeypatch, body, word, 0.8)
        assert kept == [lead], body


def test_a_demand_far_under_the_bar_stays_dropped(staged, mention, monkeypatch) -> None:
    body = "The ministry called on the governor to free the detained traders."
    lead, later, kept = _demand_case(staged, mention, monkeypatch, body, "called", 0.4)
    assert kept == [lead]


def test_a_demand_by_no_known_actor_stays_dropped(staged, mention, monkeypatch) -> None:
    body = "The man called on the governor to free the detained traders."
    lead, later, kept = _demand_case(staged, mention, monkeypatch, body, "called", 0.8, actor1=None)
    assert kept == [lead]


def test_a_threat_with_the_act_it_announces_stands_when_nearly_as_likely_as_the_bar(staged, mention, monkeypatch) -> None:
    for body, word in (("The militia threatened to burn the crops unless the farmers paid.", "threatened"),
                       ("The army chief has vowed to crush the rebels within a week.", "vowed")):
        lead, later, kept = _demand_case(staged, mention, monkeypatch, body, word, 0.8, actor1=ARMY, etype="THREATEN")
        assert kept == [lead, later], body


def test_a_threat_with_no_act_announced_or_told_before_the_story_stays_dropped(staged, mention, monkeypatch) -> None:
    for body, word in (("The militia had threatened to burn the crops.", "threatened"),  # a pluperfect
                       ("The threats worried the farmers.", "threats"),  # a noun: no one's act told
                       ("Leaflets threatening to burn the crops were handed out.", "threatening"),
                       ('"We will burn the crops," the militia threatened.', "threatened")):
        lead, later, kept = _demand_case(staged, mention, monkeypatch, body, word, 0.8, actor1=ARMY, etype="THREATEN")
        assert kept == [lead], body


def test_a_movement_of_forces_told_by_its_doer_stands_when_nearly_as_likely_as_the_bar(staged, mention, monkeypatch) -> None:
    for body, word in (("The army dispatched two battalions to the border.", "dispatched"),
                       # a second verb shares the first one's subject
                       ("The troops crossed the river and are advancing toward the dam.", "advancing")):
        lead, later, kept = _demand_case(staged, mention, monkeypatch, body, word, 0.8, actor1=ARMY, etype="MOBILIZE")
        assert kept == [lead, later], body
    for body, word in (("Extra police were deployed in the market.", "deployed"),  # no doer in its clause
                       ("The army had dispatched two battalions to the border.", "dispatched")):  # a pluperfect
        lead, later, kept = _demand_case(staged, mention, monkeypatch, body, word, 0.8, actor1=ARMY, etype="MOBILIZE")
        assert kept == [lead], body


def _kept_all(monkeypatch, text: str) -> list:
    from sitrep import extract
    monkeypatch.setattr(salience, "threshold", lambda model=None: 0.5)
    monkeypatch.setattr(salience, "score", lambda feats, model=None: 0.9)
    return [m for m in extract(text, published="2024-03-14") if not m.historical]


def test_a_condemnation_of_the_deed_told_before_is_its_attribute(monkeypatch) -> None:
    text = ("Warplanes bombed a school in the northern town on Monday, killing nine pupils. The opposition council "
            "condemned this heinous crime against children. Schools in the district were closed.")
    assert "ACCUSE" not in [m.type for m in _kept_all(monkeypatch, text)]
    # an accusation of its own (whom, of what) is no reaction pointing back
    other = ("Warplanes bombed a school in the northern town on Monday, killing nine pupils. The opposition council "
             "accused the ministry of hiding arrests of students. Schools in the district were closed.")
    assert "ACCUSE" in [m.type for m in _kept_all(monkeypatch, other)]
    # deeds described anew, with a demand beside them: the demand is the event
    demand = ("Warplanes bombed a school in the northern town on Monday, killing nine pupils. The opposition council "
              "condemned the crimes committed by the regime and called on the United Nations to act. Schools in the "
              "district were closed.")
    assert "ACCUSE" in [m.type for m in _kept_all(monkeypatch, demand)] or "REQUEST" in [m.type for m in _kept_all(monkeypatch, demand)]


def _release_case(staged, mention, release_day: str, text: str | None = None) -> tuple:
    doc = staged(text or "Police detained the editor in Harare on Saturday. Her lawyer said she was released on Sunday.",
                 upto="claims")
    arrest = mention(doc, "detained", "COERCE", mode="arrest", date=When("2020-03-07", "day", "on Saturday"))
    release = mention(doc, "released", "CONCEDE", mode="release", date=When(release_day, "day", "on Sunday"))
    doc.mentions = [arrest, release]
    fold_releases(doc)
    return doc, arrest, release


def test_a_release_days_after_a_recorded_arrest_ends_that_arrest(staged, mention) -> None:
    doc, arrest, _release = _release_case(staged, mention, "2020-03-08")
    assert doc.mentions == [arrest]


def test_a_release_long_after_the_arrest_stands_as_its_own_event(staged, mention) -> None:
    doc, arrest, release = _release_case(staged, mention, "2020-04-20")
    assert doc.mentions == [arrest, release]


def test_a_release_on_bail_stays_the_courts_act(staged, mention) -> None:
    text = "Police detained the editor in Harare on Saturday. Her lawyer said she was released on bail on Sunday."
    doc, arrest, release = _release_case(staged, mention, "2020-03-08", text)
    assert doc.mentions == [arrest, release]


def test_a_censure_with_a_participle_of_demand_is_the_demand() -> None:
    from sitrep import extract

    asked = extract("The envoy denounced the verdict against the blogger on Monday, urging the court to review it.",
                    published="2024-03-14")
    assert [m.type for m in asked] == ["REQUEST"]
    # a participle of speech adds no demand: the censure stands
    said = extract("The envoy denounced the verdict against the blogger on Monday, saying it was unjust.",
                   published="2024-03-14")
    assert [m.type for m in said] == ["ACCUSE"]
    # a demand in a verb of its own, joined by "and", stays a second act beside the censure
    both = extract("The union condemned the arrest of its leader on Monday and called for his release.",
                   published="2024-03-14")
    assert sorted(m.type for m in both) == ["ACCUSE", "REQUEST"]


def test_two_arrests_at_two_places_in_one_sentence_stand_apart(monkeypatch) -> None:
    # the second arrest sits in a "while" clause with its own subject and its own town: another arrest
    text = ("Police detained six teachers in Kano on Monday, while in Kaduna about twenty nurses were arrested "
            "outside the state assembly. The unions condemned the arrests.")
    arrests = [m for m in _kept_all(monkeypatch, text) if m.type == "COERCE"]
    assert len(arrests) == 2
    assert {m.location.name for m in arrests if m.location} == {"Kano", "Kaduna"}
    # one arrest told with its place and a clause of the same act: still one
    one = ("Police detained six teachers in Kano on Monday while they were marching to the state assembly. "
           "The unions condemned the arrests.")
    assert len([m for m in _kept_all(monkeypatch, one) if m.type == "COERCE"]) == 1


def test_a_condemnation_of_the_deed_told_before_with_the_speakers_own_participle_is_its_attribute(monkeypatch) -> None:
    # "holding X responsible": the parser may hang the speaker's participle on the deed; it describes no new deed
    text = ("Warplanes bombed a school in the northern town on Monday, killing nine pupils. The opposition council "
            "condemned this heinous crime holding the ministry responsible for its silence. Schools "
            "in the district were closed.")
    assert "ACCUSE" not in [m.type for m in _kept_all(monkeypatch, text)]
