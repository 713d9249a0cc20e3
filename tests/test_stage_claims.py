"""sitrep.stages.claims alone, on sentences written here: who a sentence says tells its content."""

from __future__ import annotations

import pytest


def _claims(staged, text: str) -> list[tuple[str | None, str]]:  # noqa: ANN001
    doc = staged(text, upto="claims")
    return [(a.claim.by, a.claim.modality) for a in doc.attributions]


@pytest.mark.parametrize(("text", "speaker"), [
    ("But police said five protesters were detained near the port.", "police"),
    ("And the interior ministry said two soldiers were wounded.", "the interior ministry"),
    ("Yet local officials said the convoy was never attacked.", "local officials"),
])
def test_an_opening_conjunction_is_not_part_of_the_speaker(staged, text: str, speaker: str) -> None:
    assert _claims(staged, text) == [(speaker, "reported")]


def test_a_pronoun_after_an_opening_conjunction_and_day_speaks_for_the_source_before(staged) -> None:
    text = ("The lawyer Jane Roe said the hearing was due on Monday. "
            "But on Sunday she confirmed that the hearing had been postponed.")
    found = _claims(staged, text)
    assert len(found) == 2 and found[1][0] == found[0][0] and "Jane Roe" in (found[1][0] or "")


# comma-less text: the speech verb's subject noun phrase starts at its own determiner, not at the
# start of the run of words before it (a preposition keeps an "of/from" phrase inside it)
@pytest.mark.parametrize(("text", "speaker"), [
    ("Jets struck fuel depots near Raqqa during the last two days a security source said.", "a security source"),
    ("Gunmen burned a school in the valley over the weekend the regional office said on Tuesday.", "the regional office"),
    ("Troops shelled a camp near the river on Friday an official from the provincial council said.",
     "an official from the provincial council"),
])
def test_a_commaless_speaker_starts_at_its_own_determiner(staged, text: str, speaker: str) -> None:
    assert _claims(staged, text) == [(speaker, "reported")]


# an inverted speech verb with no comma before it: the noun phrase after the verb speaks
@pytest.mark.parametrize(("text", "speaker"), [
    ("Mortar rounds hit a bakery close to the old naval base said the monitor.", "the monitor"),
    ("Mortar rounds hit a bakery close to the old naval base said the monitor which relies on volunteers.",
     "the monitor"),
    ("Mortar rounds hit a bakery close to the old naval base said the monitor on Friday.", "the monitor"),
])
def test_a_speaker_after_a_bare_speech_verb(staged, text: str, speaker: str) -> None:
    assert _claims(staged, text) == [(speaker, "reported")]


@pytest.mark.parametrize("text", [
    # what follows the verb is a clause (a verb in it) or a list opening one, or a prepositional phrase
    "The ministry said the raid killed four officers near the border.",
    "Ahmed said the army, the police and the militia had all harassed him.",
    "The ministry said in a statement that four officers were killed.",
])
def test_no_speaker_after_the_verb_when_a_clause_or_phrase_follows(staged, text: str) -> None:
    found = _claims(staged, text)
    assert all(by is None or not by.lower().startswith(("the raid", "the army", "in a")) for by, _ in found)


def test_an_inverted_speaker_ends_where_a_new_sentence_lost_its_stop(staged) -> None:
    text = '"We counted twelve graves," said Omar Haddad The villagers had fled by then.'
    assert _claims(staged, text) == [("Omar Haddad", "reported")]


def test_a_name_before_the_verb_speaks_when_no_clause_precedes_it(staged) -> None:
    text = 'Officer Jane Roe said the ministry "knew about the raids on the camp long before".'
    assert all(by != "the ministry" for by, _ in _claims(staged, text))


def test_no_speaker_after_the_verb_when_its_clause_goes_on(staged) -> None:
    text = "The attack on the convoy was condemned and the governor says residents in the district must stay home."
    assert all(by not in ("residents", "the district") for by, _ in _claims(staged, text))


# comma-less text: "said the monitor adding that ...": the participle opens a clause of its own after
# the speaker; a capitalised name after the article speaks too
@pytest.mark.parametrize(("text", "speaker"), [
    ("Mortar rounds hit a bakery close to the old naval base said the monitor adding that two boys died.",
     "the monitor"),
    ("Mortar rounds hit a bakery close to the old naval base said the Committee.", "the Committee"),
])
def test_a_bare_speaker_before_a_participle_or_named(staged, text: str, speaker: str) -> None:
    assert _claims(staged, text) == [(speaker, "reported")]


@pytest.mark.parametrize("text", [
    "Troops stormed the camp held by the militia with reports of many dead on both sides.",
    "Jets bombed the market near the bridge amid claims that the militia had fired first.",
])
def test_a_speech_noun_after_a_preposition_names_no_speaker(staged, text: str) -> None:
    assert _claims(staged, text) == []


def test_an_inverted_speaker_before_where_it_said_so(staged) -> None:
    text = "Mortar rounds hit a bakery close to the old naval base said the monitor in a statement issued on Monday."
    assert _claims(staged, text) == [("the monitor", "reported")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Two aid workers were freed on Monday, the charity said.", "the charity"),
    ("A guard was shot dead at the gate on Monday, the embassy said.", "the embassy"),
])
def test_a_body_speaking_for_itself_is_a_source(staged, text: str, speaker: str) -> None:
    assert _claims(staged, text) == [(speaker, "reported")]


def test_a_speech_noun_after_another_verb_names_no_speaker(staged) -> None:
    text = "The council called a meeting to discuss reports of a gas attack near the capital."
    assert _claims(staged, text) == []


def test_an_ngo_speaks_and_the_armed_group_before_it_does_not_claim(staged) -> None:
    # comma-less text: the speaker is the NGO right before the verb, not the group acting in the clause before
    found = _claims(staged, "Twelve soldiers were killed in fighting in the north as the Islamic State group "
                            "seized a village near the border an NGO said on Monday.")
    assert found == [("an NGO", "reported")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Jets bombed a bakery in the old town on Monday, killing four people; XYZ reported.", "XYZ"),
    ("Jets bombed a bakery in the old town on Monday, killing four people, Reuters reported.", "Reuters"),
    ("Two car bombs went off near the bus station on Sunday, Anadolu reported.", "Anadolu"),
])
def test_a_news_outlet_the_actors_do_not_hold_is_a_source(staged, text: str, speaker: str) -> None:
    assert _claims(staged, text) == [(speaker, "reported")]


def test_the_outlets_own_name_is_not_a_source(staged) -> None:
    own = staged("Shells hit two homes in the east of the city, Al-Alam reported.", upto="claims", outlet="alalam")
    assert own.attributions == []


@pytest.mark.parametrize("text", [
    "Jets bombed a bakery in the old town on Monday, killing four people, the neighbours reported.",
    "The Ministry of Health, which reported the toll, closed two clinics.",
])
def test_no_outlet_speaker_from_a_common_noun_or_a_relative_clause(staged, text: str) -> None:
    assert all(not (a.claim.by or "").isupper() for a in staged(text, upto="claims").attributions)


# an abbreviated rank before a name is a title, not the end of a sentence: the ranked person speaks
@pytest.mark.parametrize(("text", "speaker"), [
    ("\"They forced her into a van,\" Lt. Jane Roe told reporters on Monday.", "Lt. Jane Roe"),
    ("Sgt. Tom Vale said the two suspects were arrested near the harbour.", "Sgt. Tom Vale"),
])
def test_a_rank_abbreviation_before_a_name_does_not_cut_the_speaker(staged, text: str, speaker: str) -> None:
    assert _claims(staged, text) == [(speaker, "reported")]


def test_a_demonym_after_a_possessive_names_a_part_of_the_owner_not_a_state(staged) -> None:
    # "the broadcaster's Syrian service": the broadcaster speaks through its service; Syria does not
    doc = staged("Gunmen kidnapped two aid workers near the border, the broadcaster's Syrian service reported.", upto="claims")
    (a,) = doc.attributions
    assert a.claim.modality == "reported" and "Syria" not in (a.claim.source or "")


@pytest.mark.parametrize("text", [
    "The judiciary denied their pleas on Tuesday and the two men were freed.",
    "Prison authorities denied his request to attend his mother's funeral.",
])
def test_a_refusal_of_what_was_asked_is_no_denial(staged, text: str) -> None:
    assert all(modality != "denied" for _, modality in _claims(staged, text))


@pytest.mark.parametrize("text", [
    "Rebel shelling of the market claimed the lives of four shoppers, the local police said.",
    "The blast claimed 12 lives, local officials said.",
])
def test_an_act_that_claimed_lives_is_no_claim(staged, text: str) -> None:
    found = _claims(staged, text)
    assert found and all(modality == "reported" for _, modality in found)


def test_claimed_is_still_speech_before_a_pronoun_that_lives_somewhere(staged) -> None:
    assert ("The man", "claimed") in _claims(staged, "The man claimed he lives in the next village.")


@pytest.mark.parametrize(("text", "speaker"), [
    ("He stopped eating on Monday to protest his detention, his lawyer, Peter Olsen, said.", "Peter Olsen"),
    ("Two men were held overnight, the union's spokesman, Ali Hassan, told reporters.", "Ali Hassan"),
])
def test_a_role_then_a_name_between_commas_speaks(staged, text: str, speaker: str) -> None:
    assert (speaker, "reported") in _claims(staged, text)


def test_a_claim_noun_before_by_is_no_passive_claim(staged) -> None:
    text = "The union called on its members to ignore the baseless claim by Amnesty International about the vote."
    assert all(modality != "claimed" for _, modality in _claims(staged, text))


def test_the_passive_participle_before_by_still_claims(staged) -> None:
    assert ("Islamic State", "claimed") in _claims(staged, "A car bomb claimed by Islamic State killed six soldiers near Raqqa.")


def _record_claims(text: str) -> list[str]:
    from sitrep.pipeline import extract

    return [m.claim.modality for m in extract(text, published="2024-03-15") if m.type == "ASSAULT"]


def test_a_second_source_accusing_another_party_disputes_the_first() -> None:
    text = ("Government sources said rebels had fired chlorine shells at civilians in the town, but opposition "
            "activists accused the army of carrying out the attack.")
    assert _record_claims(text) == ["disputed"]


def test_a_source_accusing_with_no_contrast_leaves_the_report_alone() -> None:
    text = ("Government sources said rebels had fired chlorine shells at civilians in the town, and opposition "
            "activists accused the army of earlier raids.")
    assert _record_claims(text) == ["reported"]


def _record_claims_by_sentence(text: str) -> list[tuple[str, str, str | None]]:
    from sitrep.pipeline import extract

    return [(m.evidence.text.split()[0], m.claim.modality, m.claim.by) for m in extract(text, published="2024-03-15")
            if m.type == "ASSAULT" and not m.historical]


def test_an_additive_sentence_goes_on_with_the_source_before() -> None:
    text = ("A hospital director told reporters that gunmen shot dead a farmer in Kafr Nabl on Monday. "
            "Militants also shelled the village of Hass with mortars, destroying two shops.")
    found = _record_claims_by_sentence(text)
    assert ("Militants", "reported", "A hospital director") in found


def test_a_sentence_pointing_back_with_such_goes_on_with_the_source_before() -> None:
    text = ("\"The western districts have become a wasteland,\" said Ahmed Nour, head of a local monitoring group. "
            "A week of such shelling killed 19 civilians in the city of Hama.")
    found = _record_claims_by_sentence(text)
    assert any(w == "A" and mod == "reported" for w, mod, _ in found), found


def test_a_plain_sentence_after_a_source_stays_the_outlets() -> None:
    text = ("A hospital director told reporters that gunmen shot dead a farmer in Kafr Nabl on Monday. "
            "Militants shelled the village of Hass with mortars on Tuesday, destroying two shops.")
    found = _record_claims_by_sentence(text)
    assert any(w == "Militants" and mod == "asserted" for w, mod, _ in found)


def test_a_speaker_whose_apposition_opens_on_another_name_speaks(staged) -> None:
    # "Tom Roe, Jane Roe's cousin, posted that ...": the role belongs to the one named first
    found = _claims(staged, "Tom Roe, Jane Roe's brother, tweeted that guards had beaten her in the cell.")
    assert found == [("Tom Roe", "reported")]


def test_a_broadcasters_service_is_a_speaker(staged) -> None:
    found = _claims(staged, "The ruling matches the one given in March, Voice of Freedom's Farsi service reported Monday.")
    assert found == [("Voice of Freedom's Farsi service", "reported")]


def _coerce_claims(text: str) -> list[str]:
    from sitrep.pipeline import extract

    return [m.claim.modality for m in extract(text, published="2024-03-15") if m.type == "COERCE" and not m.historical]


def test_a_following_sentence_closing_on_its_source_tells_the_incident() -> None:
    # no act in the second sentence: it goes on about the sentencing, and its source tells it
    text = ("A court in Lakeside sentenced the blogger John Doe to nine years in prison on Friday. "
            "The ruling repeats the one handed down at his first hearing in May, the Daily Courier newspaper reported Sunday.")
    assert _coerce_claims(text) == ["reported"]


def test_a_following_sentence_opening_on_its_speaker_leaves_the_incident_asserted() -> None:
    text = ("A court in Lakeside sentenced the blogger John Doe to nine years in prison on Friday. "
            "The Daily Courier newspaper reported that the ruling repeats the one handed down at his first hearing in May.")
    assert _coerce_claims(text) == ["asserted"]


def _quoted(staged, text: str) -> list[tuple[str, str | None]]:  # noqa: ANN001
    """(the sentence's first words, its quotation's speaker) for each sentence read as told in a quotation."""
    from sitrep.stages.claims import QUOTE_CUE

    doc = staged(text, upto="claims")
    return [(doc.text[a.start:a.start + 12], a.claim.by) for a in doc.attributions if a.cue == QUOTE_CUE]


@pytest.mark.parametrize(("text", "expected"), [
    # opened by its speaker, running on into the next sentence (straight marks)
    ('The interior ministry said: "The bridge was closed at dawn. Two lorries were stopped at the gate." The rain went on.',
     [("Two lorries ", "The interior ministry")]),
    # a quotation over paragraphs reopens each and closes once (curly marks); a nested single quote
    ("A police spokesman said: “Officers detained two men in Riverside on Monday.\n\n"
     "“They were told the ‘operation’ would go on. Both were released later that day.”\n\nThe market reopened.",
     [("They were to", "A police spokesman"), ("Both were re", "A police spokesman")]),
    # closed by its speaker after it
    ("“Guards beat the prisoners in the yard. They were left without food for days,” the lawyer said.",
     [("Guards beat ", "the lawyer")]),
    # a quotation whose speaker is named nowhere next to it is no one's
    ("The river rose again on Monday.\n\n“Three villages were cut off. The road was closed.”",
     []),
])
def test_a_sentence_inside_a_quotation_is_told_by_its_speaker(staged, text: str, expected: list) -> None:  # noqa: ANN001
    assert _quoted(staged, text) == expected


def test_the_acting_partys_own_quoted_account_claims_the_act() -> None:
    text = ("A man was arrested in Riverside on Monday morning.\n\n"
            "A police spokesman said: “The inquiry is going on.\n\n"
            "“Police arrested a 40-year-old man in Riverside at about 7am on Monday.”")
    assert _coerce_claims(text) == ["claimed"]


def test_a_third_partys_quoted_account_reports_the_act() -> None:
    text = ("A man was arrested in Riverside on Monday morning.\n\n"
            "His lawyer Jane Roe said: “The inquiry is going on.\n\n"
            "“Police arrested my client in Riverside at about 7am on Monday.”")
    assert _coerce_claims(text) == ["reported"]
