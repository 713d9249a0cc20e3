"""Stage: event mentions from triggers, with roles, place, date, casualties and claim.

One mention per sentence and event type, assembled here; the steps that follow are one module each:
roles (who did what to whom), realis (what happened), event_time (when), acled (re-typing),
selection (which mentions stand), corefer (merging mentions of one incident), attribution and
defaults (fields read from beyond the sentence).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep import lexicon
from sitrep.ingest.boilerplate import caption_credit_at
from sitrep.model import Actor, Casualty, Claim, EventMention, Evidence, When
from sitrep.resolve.actors import UNLISTED_IDS, ActorMatch, actor_dictionary, actor_label, class_entry
from sitrep.stages.acled import REFRAMED, acled_for, as_aerial, ground_taken, mode_rank
from sitrep.stages.actors import PEOPLE_KINDS, personal
from sitrep.stages.attribution import shelled_inhabitants, struck_force, toll_victims, victim_actor
from sitrep.stages.claims import CHARGE_CUE, QUOTE_CUE, RESPONSIBILITY, counter_accused
from sitrep.stages.corefer import (
    ADDITIVE,
    LOCAL_VOICE,
    RETALIATION,
    context_clause,
    merge_mentions,
    own_share_of_a_sum,
    span_tallies,
)
from sitrep.stages.dates import interval_between
from sitrep.stages.defaults import (
    counted_victims,
    fill_defaults,
    holder_asked,
    named_by_role,
    protest_target,
    unnamed_protesters,
)
from sitrep.stages.doc import Doc, Sentence, Trigger
from sitrep.stages.event_place import clause_place, division_points, doer_places, fill_places
from sitrep.stages.event_time import borrowed_period, dated_lead, dated_part, redated_clause, told_day, when_of
from sitrep.stages.parse import predicate, token_at, trigger_modifier
from sitrep.stages.realis import (
    SPEECH_ACTS,
    claim_modality,
    declared_truces,
    further_charges,
    governing,
    happened,
    modal_type,
    orders_as_summons,
    other_sense,
    own_clause_text,
    repeated_history,
    rulings_as_coercion,
    tells_own_act,
    tells_total,
)
from sitrep.stages.role_labeller import RoleLabeller, in_passive_subject, label_roles
from sitrep.stages.roles import (
    IN_PLACE,
    as_actor,
    committed,
    country_name,
    governing_act,
    has_agent,
    has_subject,
    told_of_someone,
)
from sitrep.stages.selection import (
    contrasted_places,
    drop_named_again,
    fold_denials,
    fold_releases,
    one_per_sentence,
    weigh,
)
from sitrep.stages.triggers import retype

_NEEDS_ACTOR = {"AGREE", "CONSULT", "THREATEN", "ACCUSE", "REJECT", "REQUEST", "SANCTION",
                "SUPPORT", "COOPERATE", "AID", "RETREAT", "MOBILIZE", "COERCE"}
_AIRCRAFT = re.compile(r"\b(?:jets?|warplanes?|planes?|aircraft|aircrafts|helicopters?|air ?force|air forces|aerospace|aerial|aerially|dropped|sorties|coalition)\b", re.I)
# an aircraft word right before the act's verb is its subject ("the air force attacked", "jets also hit")
_AIRCRAFT_SUBJECT = re.compile(r"\b(?:jets?|warplanes?|planes|aircraft|helicopters?|drones?|air ?forces?)"
                               r"(?:\s+(?:also|then|later|again|reportedly|allegedly|meantime|meanwhile|have|has|had|repeatedly))*\s+$", re.I)
_OBJECT_OF = re.compile(r"\b(?:at|on|against|by|from|of|with|to|toward|towards|down)\s+(?:(?:the|a|an|its|their|[\w\-]+)\s+)?$", re.I)


def _aircraft_subject(before: str) -> bool:
    """The words right before an act's verb end with aircraft that are its subject (not "shot at the jets")."""
    hit = _AIRCRAFT_SUBJECT.search(before)
    return hit is not None and not _OBJECT_OF.search(before[:hit.start()])


_EARLIER = re.compile(
    r"\b(?:days|weeks|months|years|hours|a day|a week|a month|a year|shortly|soon)\s+(?:after|since|following)\s+"
    r"(?:a|an|the|last|this|its)?\s*(?:[\w\-'’]+\s+){0,5}$"
    # "agreed to a ceasefire after two days of fierce fighting": the fighting that went before
    r"|\b(?:after|following)\s+(?:[\w\-]+\s+)?(?:days|weeks|months|years|hours)\s+of\s+(?:[\w\-]+\s+){0,2}$"
    # "air strikes around the town, the site of the deadly chemical attack in April": a place, or a time, named
    # by an attack that went before
    r"|\b(?:site|anniversary|aftermath)\s+of\s+(?:a|an|the|last|this|its|their)?\s*(?:[\w\-'’]+\s+){0,4}$", re.I)
_CAPTION = re.compile(r"^\W*(?:in this (?:file )?(?:[\w.,]+ ){0,4}?(?:photo|picture|image)\b|file (?:photo|picture)|photo:|pictured:|"
                      r"(?:also |must )?read(?: more| also)?:|related\s*[:\u2013\u2014]|see also:|more:)", re.I)  # captions, links to other stories
# a flattened page's list of links to other stories, run into the last sentence ("... Source AFP Related
# News Suicide car bomb kills eight ..."): what follows the header is other articles' headlines
_RELATED_LINKS = re.compile(r"\bRelated(?:\s+(?:News|Articles?|Stories|Posts|Content|Coverage))?\s+(?=[A-Z0-9])")
# a dateline inside a flattened page's sentence ("... Over 20 Dead MOSCOW (Sputnik) The army said ..."): the
# page had a related story's headline (often after a photo credit) between the lead and the dateline
_AGENCY = lexicon.alternation(lexicon.wire_agencies())
_INLINE_DATELINE = re.compile(r"(?<=\s)[A-Z][A-Z\-]+(?:\s+[A-Z][A-Z\-]+){0,2}\s+(?:\([A-Z][a-z]+\)\s+)?\((?i:"
                              + _AGENCY + r")\)")
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w\-]*")


def teaser_end(text: str) -> int:
    """Where a related story's headline, run into the sentence before a dateline, ends (0 when none): the
    words before "MOSCOW (Sputnik)" count as a headline when most are capitalised ("Army Kills Dozens of
    Militants in Hama MOSCOW (Sputnik) ..."); a reported sentence before it ("the army said MOSCOW ...") is no
    headline."""
    m = _INLINE_DATELINE.search(text)
    if m is None:
        return 0
    words = _HEADLINE_WORD.findall(text[:m.start()])
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return 0
    return m.start()


# "An aid convoy carrying food entered the besieged town": a delivery of aid told by its arrival, whoever sent it
# (not one that "has yet to reach", nor "no aid convoys have entered")
_AID_ARRIVED = re.compile(r"\s+(?:(?!(?:not|never|yet|failed|unable)\b)[\w\-]+\s+){0,5}?(?:entered|reached|arrived\s+in|arrived\s+at)\b", re.I)
_NO_BEFORE = re.compile(r"\bno\s+(?:[\w\-]+\s+){0,2}$", re.I)
_FUTURE = re.compile(r"\b(?:will|would|could|might|may|if|plan to|plans to|threaten\w*|ready to)\b", re.I)


def _claim_for(doc: Doc, sentence: Sentence, trigger: Trigger | None = None) -> tuple[Claim, list[tuple[int, int]], list[Claim]]:
    # "arrested for allegedly kidnapping": the hedge tells the kidnapping as alleged, not the arrest
    attributions = [a for a in doc.in_sentence(doc.attributions, sentence) if a.cue != CHARGE_CUE
                    or (trigger is not None and 0 <= trigger.start - a.end <= 25)]
    spans = [(a.start, a.end) for a in attributions]
    denials = [a.claim for a in attributions if a.claim.modality == "denied"]
    main = [a for a in attributions if a.claim.modality != "denied"]
    # a party claiming its own act speaks for it over a report of that claim ("according to first
    # reports, the X Brigades have claimed responsibility")
    main.sort(key=lambda a: a.cue != "claimed responsibility")
    if main:
        return main[0].claim, spans, denials
    if denials:
        return denials[0], spans, denials
    outlet = doc.article.outlet
    return Claim(by=outlet, source=outlet, modality="asserted"), spans, []


# "A source told the agency that a woman was killed. Terrorists also shelled the town": a sentence that
# adds to the account just given ("also", "two more", "other shells"), naming no source of its own, is
# still that source's telling ("more than" counts, it adds nothing)
_CARRY_BACK = 2  # sentences: the account goes on over one unattributed sentence at most


def _carried_claim(doc: Doc, sentence: Sentence) -> Claim | None:
    """The third party's report an additive sentence that names no source goes on with, if the nearest
    attributed sentence before it in its paragraph, within reach, is one."""
    if not ADDITIVE.search(sentence.text) or doc.in_sentence(doc.attributions, sentence):
        return None
    for back in reversed(doc.sentences[max(0, sentence.index - _CARRY_BACK):sentence.index]):
        if back.paragraph != sentence.paragraph:
            return None
        said = [a for a in doc.in_sentence(doc.attributions, back) if a.cue != CHARGE_CUE and a.claim.modality != "denied"]
        if said:
            return said[-1].claim if said[-1].claim.modality == "reported" else None
    return None


def _source_after(doc: Doc, m: EventMention) -> Claim | None:
    """"A man was sentenced on Friday to 14 years. The verdict matches the first trial's, the agency
    reported.": the sentence right after an incident's telling, in its paragraph, that names a source
    and tells no act (no trigger) goes on about the incident: its source tells the incident."""
    last = max(m.sentences)
    if last + 1 >= len(doc.sentences):
        return None
    after = doc.sentences[last + 1]
    if after.paragraph != doc.sentences[last].paragraph or doc.in_sentence(doc.triggers, after):
        return None
    if ADDITIVE.search(after.text):
        return None  # "The blast also damaged homes, locals said": the source tells what it adds
    said = [a for a in doc.in_sentence(doc.attributions, after) if a.cue != CHARGE_CUE
            and a.claim.modality in ("reported", "claimed")]
    # the source closes the sentence, after the account it gives ("..., the agency reported Sunday."); a
    # speaker opening it ("The ministry said it would ...") makes a statement of its own; an unnamed
    # witness or local adds a detail
    said = [a for a in said if len(doc.text[after.start:a.start].split()) >= 5
            and len(doc.text[a.end:after.end].split()) <= 3 and not LOCAL_VOICE.search(a.claim.by or "")]
    return said[0].claim if said else None


_CLAUSE_CUT = re.compile(r"\s+(?:has|have|had|was|were|is|are|will|would)\b", re.I)
_COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west|central)(?:ern)?\s+$", re.I)


def _labelled(doc: Doc, sentence: Sentence, m):  # noqa: ANN001, ANN202 - an ActorMatch or None
    """An actor the text names only by its own words (an unknown party, a person) whose words name
    no actor ("Ras al-Ain", "The prior two nights") is no actor: the role is left unknown. A state's
    bare name opening the sentence ("Syria agreed to ...") is the state acting: its government."""
    if m is None:
        return m
    before = doc.text[max(sentence.start, m.start - 30):m.start]
    if country_name(m.text) and (IN_PLACE.search(before) or _COMPASS_BEFORE.search(before)):
        return None  # "arrested in London", "a care home in north London": the place, not the state
    if not (m.actor.id in UNLISTED_IDS or m.actor.id == "PERSON"):
        return m
    if actor_label(m.text) and actor_label(m.actor.name or m.text):
        return m
    cut = _CLAUSE_CUT.search(m.text)
    if cut and m.actor.id != "PERSON" and actor_label(m.text[:cut.start()]):
        # "The Umma party has": the subject before the clause it was cut from
        return ActorMatch(m.start, m.start + cut.start(), m.text[:cut.start()], m.actor, demonym=False)
    found = lexicon.find_countries(m.text.strip())
    if len(found) == 1 and found[0].how == "name" and found[0].end == len(m.text.strip()) \
            and not doc.text[sentence.start:m.start].strip():
        return ActorMatch(m.start, m.end, m.text, class_entry("government", found[0].iso2), demonym=False)
    return None


def build_mentions(doc: Doc, labeller: RoleLabeller = label_roles) -> Doc:
    """The events stage. ``labeller`` says who did what to whom in each sentence (see RoleLabeller);
    a pipeline swaps it with ``functools.partial(build_mentions, labeller=...)``."""
    dictionary = actor_dictionary()
    mentions: list[EventMention] = []
    anchors: dict[int, int] = {}  # id(mention) -> the offset of its trigger
    told: set[int] = set()  # id(mention) of the records dated by the day their act was told
    by_sentence: dict[int, list[Trigger]] = {}
    for sentence in doc.sentences:
        by_sentence[sentence.index] = doc.in_sentence(doc.triggers, sentence)
    for sentence in doc.sentences:
        triggers = by_sentence[sentence.index]
        if not triggers or _CAPTION.match(sentence.text) or caption_credit_at(doc.text, sentence.end):
            continue  # a photo's caption tells what the picture shows, not an event the article reports
        links = _RELATED_LINKS.search(sentence.text)
        if links is not None:
            triggers = [t for t in triggers if t.start < sentence.start + links.start()]
            if not triggers:
                continue
        teaser = teaser_end(sentence.text)
        if teaser:
            # the story goes on after the dateline: the headline's words, tolls and places are another story's
            triggers = [t for t in triggers if t.start >= sentence.start + teaser]
            if not triggers:
                continue
            sentence = replace(sentence, start=sentence.start + teaser, text=sentence.text[teaser:])
        casualties = doc.in_sentence(doc.casualties, sentence)
        # "days after a chemical attack, a woman was killed ...": an earlier event, named for time
        triggers = [t for t in triggers if not _EARLIER.search(doc.text[max(sentence.start, t.start - 70):t.start])] or triggers
        triggers = [t for t in triggers if not other_sense(doc, sentence, t)]
        cue = context_clause(doc, sentence)
        if cue is not None:
            # "The blast comes as the army captured Khaldiyeh": the subject names the incident told before
            # (its record has it already); the act the sentence tells is the one after the cue
            triggers = [t for t in triggers if t.start >= cue] or triggers
        # "Amnesty International", "Solidarity Party": a trigger word inside a name
        triggers = [t for t in triggers if t.type == "ASSAULT" or not (
            t.text[:1].isupper() and _ORG_AFTER.match(doc.text[t.end:t.end + 20]))]
        triggers = declared_truces(doc, sentence, rulings_as_coercion(doc, sentence, orders_as_summons(doc, sentence, triggers)))
        groups: dict[str, list[Trigger]] = {}
        for t in triggers:
            etype = t.type if t.type == "ASSAULT" else modal_type(doc, sentence, t)
            groups.setdefault(etype, []).append(t)
        governor = governing(doc, sentence, triggers)
        parts = [(kind, part, own) for kind, whole in groups.items()
                 for part, own in contrasted_places(doc, sentence, kind, whole)]
        for etype, group, own_places in parts:
            # "Jailed activist X appeared before a court": of words as sure of the act, the one that
            # tells it over the participle that says who someone is
            best = max(group, key=lambda t: (t.weight, not trigger_modifier(doc, sentence.index, t), -mode_rank(t.mode)))
            top = min(mode_rank(t.mode) for t in group)
            # of several instances of the best mode, the one next to the figure is the event
            anchor = casualties[0].start if casualties else sentence.start
            mode_trigger = min((t for t in group if mode_rank(t.mode) == top),
                               key=lambda t: abs(t.start - anchor))
            weight = best.weight
            if etype == "ASSAULT" and any(x.mode and y is not x and 0 <= y.start - x.end <= 3 for x in group for y in group):
                weight = min(0.9, weight + 0.2)  # "fighter jets pounded": a weapon and its act, side by side
            claim, claim_spans, denials = _claim_for(doc, sentence, mode_trigger)
            role_trigger = best if etype != "ASSAULT" else governing_act(doc, sentence, mode_trigger, group)
            found = labeller(doc, sentence, role_trigger, etype, claim_spans)
            actor1, actor2, token, passive, spoken = found.actor1, found.actor2, found.token, found.passive, found.spoken
            actor1, actor2 = _labelled(doc, sentence, actor1), _labelled(doc, sentence, actor2)
            if etype == "ASSAULT" and not casualties and _police_raid(group, actor1):
                etype, best = "COERCE", retype(mode_trigger, "COERCE", "arrest")
                mode_trigger, weight = best, best.weight
            if etype == "ASSAULT" and not casualties and _street_clash(group, actor1, actor2):
                etype, best = "PROTEST", retype(mode_trigger, "PROTEST", "demo")
                mode_trigger, weight = best, best.weight
            passive_patient = etype != "ASSAULT" and passive
            if etype == "ASSAULT":
                # a weapon named without an act ("equipped with cruise missiles") is no event;
                # a weak act ("attack", "killed") needs a figure or a named perpetrator
                acts = [t for t in group if t.weight >= 0.55]
                if not acts and not casualties:
                    continue
                if weight < 0.75 and not casualties and actor1 is None and not (
                        token is not None and not passive and (has_agent(token) or committed(token))) \
                        and not _told_alone(doc, sentence, token, triggers):  # "the killing of activist Jane Roe"
                    continue
            elif etype in _NEEDS_ACTOR and actor1 is None and not (
                    passive_patient and etype in ("COERCE", "CONCEDE", "MOBILIZE", "AID", "THREATEN") and (actor2 is not None or spoken or has_subject(token))) \
                    and not (token is not None and not passive and has_agent(token, speech=_named_speaker_needed(etype, token))) \
                    and not (etype == "COERCE" and _told_alone(doc, sentence, token, triggers)) \
                    and not (etype == "AID" and _AID_ARRIVED.match(doc.text, best.end)
                             and not _NO_BEFORE.search(doc.text[max(sentence.start, best.start - 30):best.start])):
                # (a COERCE told alone: "the detention of activist Jane Roe"; an aid convoy told arriving)
                continue
            elif etype == "AGREE" and weight < 0.6 and not (actor2 and re.search(r"\bbetween\b", sentence.text)):
                continue  # "this agreement": a mention of a deal, not the making of one
            elif weight < 0.6 and etype != "AGREE":
                continue
            if etype == "ASSAULT" and passive and in_passive_subject(doc, sentence, token, actor1):
                # "Over 110 Al-Nusra terrorists were killed", "X, the Nusra commander, was killed": the
                # group named in the subject of a passive act is the side it was done to
                if actor2 is None or actor2.actor.id == "UNKNOWN_ACTOR":
                    actor2 = actor1
                actor1 = None
            place = clause_place(doc, sentence, mode_trigger, claim_spans, etype)
            if own_places and (place is None or all(place.start != p.start for p in own_places)):
                # one of two acts of a kind the sentence tells at two places: the place of its own clause
                place = min(own_places, key=lambda p: abs(p.start - mode_trigger.start))
            when, historical = when_of(doc, sentence, mode_trigger)
            # a span of time in a clause describing a noun ("68 children arrested since March") is not the
            # act's; a five-figure toll is a running total wherever the sentence names its war
            historical = historical or tells_total(own_clause_text(doc, sentence, mode_trigger), casualties, sentence.text) or (
                any((c.casualty.count or 0) >= 10000 for c in casualties) and tells_total(sentence.text, casualties))
            cas: list[Casualty] = []
            if etype == "ASSAULT":
                for c in casualties:
                    if mode_trigger.end <= c.start and interval_between(doc.text[mode_trigger.end:c.start]):
                        continue  # "killing four, a day after forces killed 80 there": the earlier attack's toll
                    item = c.casualty
                    if claim.modality != "asserted" and item.claim is None:  # a figure's own giver stands
                        item.claim = claim
                    cas.append(item)
                if actor1 is not None and RESPONSIBILITY.search(sentence.text):
                    claim = Claim(by=actor1.text, source=actor1.actor.name or None, modality="claimed",
                                  evidence=Evidence(sentence.text, sentence.start, sentence.end))
            if tells_own_act(doc, claim, mode_trigger if etype == "ASSAULT" else best):
                claim = replace(claim, modality="claimed")
            a1 = as_actor(personal(doc, actor1)) if actor1 else None
            a2 = as_actor(personal(doc, actor2, target=True)) if actor2 else None
            if etype == "ASSAULT" and mode_trigger.mode == "explosives" and mode_trigger.text.lower().startswith("bomb") and (
                _AIRCRAFT.search(sentence.text) or (a1 is not None and a1.kind in ("state military", "coalition"))
            ):
                mode_trigger = as_aerial(mode_trigger)  # "regime bombs", "bombs dropped from a helicopter"
            if etype == "ASSAULT" and mode_trigger.mode is None and a1 is not None and a1.label and _AIRCRAFT.search(a1.label):
                mode_trigger = as_aerial(mode_trigger)  # "Syrian Air Force targets ...", "coalition jets hit ..."
            if etype == "ASSAULT" and mode_trigger.mode is None and _aircraft_subject(
                    doc.text[max(sentence.start, mode_trigger.start - 60):mode_trigger.start]):
                mode_trigger = as_aerial(mode_trigger)  # "the air force also hit ...", whoever's it is
            if etype == "ASSAULT" and a1 is None and RETALIATION.search(sentence.text) and claim.source:
                src = dictionary.by_name(claim.source)
                mil = dictionary.military_of(src.id) if src else None
                if mil:
                    a1 = Actor(mil.name, mil.kind, mil.country, None, mil.id, None)
            if etype == "ASSAULT" and a1 is not None and a1.kind == "civilians":
                # "A child killed, 7 people injured in terrorist attacks": civilians are the ones violence
                # befalls, never its author (ACLED codes a violent crowd as rioters)
                a1, a2 = None, a2 or a1
            if a2 is None and etype == "ASSAULT":
                a2 = victim_actor(cas, dictionary)
            if etype == "ASSAULT":
                acled = acled_for(mode_trigger, a1, a2, group, doc.text)
            elif etype != best.type:  # a future or demanded act: see modal_type
                (acled_type, acled_sub), cameo = REFRAMED[etype]
                acled = {"event_type": acled_type, "sub_event_type": acled_sub}
            else:
                acled = {"event_type": best.acled[0], "sub_event_type": best.acled[1]}
            if etype in ("ASSAULT", "COERCE"):
                # "seized the town": ground changes hands
                acled = ground_taken(group, a1, doc.text, (sentence.start, sentence.end)) or acled
            hypothetical = etype == "ASSAULT" and bool(_FUTURE.search(sentence.text[:max(0, mode_trigger.start - sentence.start)])) and not cas
            confidence = weight * (0.55 + 0.1 * bool(a1) + 0.1 * bool(place) + 0.1 * bool(when) + 0.15 * bool(cas))
            if hypothetical:
                confidence *= 0.5
            if governor is not None and etype not in (governor.type, "ASSAULT") and best.start >= governor.end:
                # "rejected a call for peacekeepers to be deployed": what is rejected is the content;
                # the rejection is this sentence's event
                confidence *= 0.7
            mentions.append(EventMention(
                article=doc.article.summary(), type=etype, mode=mode_trigger.mode if etype == "ASSAULT" else best.mode if etype == best.type else None,
                acled=acled, cameo=best.cameo if etype == best.type else REFRAMED[etype][1], actor1=a1, actor2=a2,
                location=place.place if place else None, date=when, casualties=cas, claim=claim,
                evidence=Evidence(sentence.text, sentence.start, sentence.end),
                confidence=round(min(1.0, confidence), 3), trigger=mode_trigger.text if etype == "ASSAULT" else best.text,
                sentences=[sentence.index], historical=historical, denials=denials,
            ))
            anchors[id(mentions[-1])] = (best if etype != "ASSAULT" else mode_trigger).start
            if told_day(doc, sentence, when, mode_trigger):
                told.add(id(mentions[-1]))
    mentions = [m for m in mentions if happened(doc, m, anchors)]
    repeated_history(mentions)
    mentions = one_per_sentence(doc, mentions, anchors)
    mentions = drop_named_again(doc, mentions, anchors)
    mentions = fold_denials(doc, mentions, anchors)
    mentions = further_charges(doc, mentions, anchors)
    doc.mentions = merge_mentions(doc, mentions, told)
    fill_defaults(doc)
    weigh(doc, anchors)
    fold_releases(doc)  # after weighing: only a capture that stands as a record takes its release in
    doer_places(doc)  # after weighing: where the doer stands says where the act was, not that it happened
    redated_clause(doc, anchors)
    dated_part(doc)
    own_share_of_a_sum(doc)
    span_tallies(doc)
    for m in doc.mentions:  # after weighing: a period the text states is still evidence of the act
        if not m.historical and borrowed_period(doc, m):
            m.date = When(doc.article.published, "day", "", None, basis="published")
    for m in doc.mentions:  # after weighing: the place an attack hit tells whom it hit, not that it happened
        if m.type == "ASSAULT" and not m.historical and (m.actor2 is None or m.actor2.kind == "civilians") \
                and (struck := struck_force(doc, m)) is not None:
            m.actor2 = struck
        if not m.historical and (victims := toll_victims(m) or shelled_inhabitants(doc, m)) is not None:
            m.actor2 = victims
    _headline_acts(doc, labeller)
    dated_lead(doc)
    for m in doc.mentions:  # after weighing: parties read from the setting are no evidence the protest happened
        if m.type == "PROTEST" and not m.historical:
            m.actor2 = protest_target(doc, m)
            if m.actor1 is None or m.actor1.kind == "unknown" and not m.actor1.name:  # "Thousands gathered ..."
                m.actor1 = unnamed_protesters(doc, m)
    for m in doc.mentions:  # last: civilians called by what they are ("a woman") are named so
        if m.type in ("ASSAULT", "COERCE"):
            m.actor2 = counted_victims(m.actor2, m.location)
        m.actor1, m.actor2 = named_by_role(m.actor1), named_by_role(m.actor2)
    _responsibility_after(doc)
    for m in doc.mentions:  # after merging and weighing: whose account a sentence goes on with says who tells it
        if m.claim.modality == "asserted" and m.type not in SPEECH_ACTS and not m.historical \
                and (carried := _carried_claim(doc, doc.sentences[min(m.sentences)])) is not None:
            m.claim = carried  # (a statement or demand "also" made is its speaker's own act, no one's report)
            claim_modality(m)
    for m in doc.mentions:  # after merging: a source named right after the telling, in a sentence telling no act
        if m.claim.modality == "asserted" and m.type not in SPEECH_ACTS and not m.historical \
                and (after := _source_after(doc, m)) is not None:
            m.claim = after
            claim_modality(m)
    for m in doc.mentions:  # after merging: the acting party's own words, quoted later, tell the act
        if m.claim.modality == "asserted" and m.type not in SPEECH_ACTS and not m.historical:
            _quoted_own_account(doc, m)
    counter_accused(doc)  # after weighing: a report another source contradicts is still evidence of the act
    division_points(doc)  # last: records are weighed and merged by the village they name, not its division
    return doc


RESPONSIBILITY_REACH = 3  # sentences: a claim of responsibility follows the attack's telling closely
_NOT_CLAIMED = re.compile(r"\b(?:no|not|never|nobody|none)\b|n['’]t\b", re.I)


def _responsibility_after(doc: Doc) -> None:
    """"A car bomb killed 20 people near the shrine. Islamic State claimed responsibility via its news
    agency.": a claim of responsibility told in a sentence of its own, which tells no act, is the last
    attack's told just before; the claimant is its doer by its own claim, when the telling named none."""
    for a in doc.attributions:
        if a.cue != "claimed responsibility" or a.claim.evidence is None:
            continue
        sentence = next((s for s in doc.sentences if s.start <= a.start < s.end), None)
        if sentence is None or _NOT_CLAIMED.search(doc.text[sentence.start:a.end]) \
                or any(sentence.index in m.sentences for m in doc.mentions if not m.historical):
            continue
        before = [m for m in doc.mentions if m.type == "ASSAULT" and not m.historical
                  and 0 < sentence.index - max(m.sentences) <= RESPONSIBILITY_REACH]
        target = max(before, key=lambda m: max(m.sentences), default=None)
        claimant = next((x for x in doc.actors if x.start == a.start and not x.demonym), None)
        if target is None or claimant is None or target.actor1 is not None and target.actor1.kind != "unknown":
            continue
        target.actor1, target.claim = as_actor(claimant), a.claim
        target.sentences.append(sentence.index)


def _quoted_own_account(doc: Doc, m: EventMention) -> None:
    """"A man was arrested this morning. ... A police spokesman said: \"Officers arrested the man at
    7am.\"": an act the outlet tells, then tells again inside a quotation of the acting party (its
    police, its army), is that party's claim; a third party's quotation leaves the outlet's telling."""
    told = doc.sentences[min(m.sentences)]
    quoted = [a for i in sorted(m.sentences) if i != told.index
              for a in doc.in_sentence(doc.attributions, doc.sentences[i]) if a.cue == QUOTE_CUE]
    if not quoted:
        return
    before = m.claim
    m.claim = quoted[0].claim
    claim_modality(m)
    if m.claim.modality != "claimed":
        m.claim = before


def _named_speaker_needed(etype: str, token) -> bool:  # noqa: ANN001 - a spaCy token
    """A statement needs its speaker named ("he warned that the army would respond" with no one named
    is no one's), but a threat made to someone it names as its object ("he threatened the mayor") is an
    act between two parties, whoever "he" is: the speaker is the one the text told of before."""
    return etype in SPEECH_ACTS and not (etype == "THREATEN" and any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in token.children))


def _told_alone(doc: Doc, sentence: Sentence, token, triggers: list[Trigger]) -> bool:  # noqa: ANN001 - a spaCy token
    """A nominal act done to someone it names, told as what happened ("The detention of activist Jane Roe
    has drawn outrage"), not as what another act of the sentence is about ("criticised the detention of
    Jane Roe", "protested against the abduction of"): there the censure or the protest is the event."""
    # the subject or object of its clause: "after news of the arrest of X, protesters gathered" names it for time
    if not told_of_someone(token) or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "ROOT"):
        return False
    verb = predicate(token)
    return not any(t.type not in ("ASSAULT", "COERCE") and (at := token_at(doc, sentence.index, t.start)) is not None
                   and at.i == verb.i for t in triggers)


_RAIDS = frozenset({"raid", "raids"})
_CLASHES = frozenset({"clash", "clashes", "clashed"})
_UNARMED_KINDS = frozenset({"protesters", "workers", "students", "party"})


def _street_clash(group: list[Trigger], actor1, actor2) -> bool:  # noqa: ANN001 - ActorMatch or None
    """"Party workers took to the streets, leading to clashes with police": marchers, strikers or a party's
    members scuffling with the police that hold them back are a protest met by the police (PLOVER PROTEST),
    not an armed clash; a clash with a toll, or between armed sides, stays an attack."""
    acts = [t for t in group if t.weight >= 0.55]
    return actor1 is not None and actor2 is not None and actor1.actor.kind in _UNARMED_KINDS \
        and actor2.actor.kind == "police" and bool(acts) and all(t.text.lower() in _CLASHES for t in acts)


def _police_raid(group: list[Trigger], actor1) -> bool:  # noqa: ANN001 - an ActorMatch or None
    """"Police freed 400 men in a raid on Thursday": a raid by law enforcers that kills or hurts no one
    is a search or an arrest (PLOVER COERCE), as "police raided the house" is; a soldiers' raid, or a
    raid with a toll, stays an attack."""
    acts = [t for t in group if t.weight >= 0.55]
    return actor1 is not None and actor1.actor.kind == "police" and bool(acts) \
        and all(t.text.lower() in _RAIDS for t in acts)


_FAMILY = {"ASSAULT": "violent", "COERCE": "violent", "PROTEST": "protest"}


def _headline_acts(doc: Doc, labeller: RoleLabeller = label_roles) -> None:
    """The headline's own act when no record of the body tells an act of its kind: a headline states
    the article's main event ("Critical reporting lands 3 journalists in jail"), and a body that
    only comments on it, or tells it in words no rule reads as an act, should not lose it."""
    title = doc.extra.get("title")
    if title is None or not title.sentences or title.extra.get("headline_of") is not None:
        return
    title.extra["headline_of"] = doc.article.id or True
    build_mentions(title, labeller)
    told = {_FAMILY.get(m.type, "verbal") for m in doc.mentions if not m.historical}
    heads = []
    for m in title.mentions:
        if m.historical or _FAMILY.get(m.type, "verbal") in told:
            continue
        if m.type == "ACCUSE" and "violent" in told and any(t.type == "ASSAULT" for t in title.triggers):
            continue  # "Coalition Condemns Attack on ...": blame or condemnation of the attack the body tells is its attribute
        for ev in (m.evidence, m.claim.evidence, *(c.evidence for c in m.casualties)):
            if ev is not None:
                ev.field = "title"
        m.sentences = [0]  # told with the lead
        m.actor1 = _holder_in_body(doc, title.text, m.actor1)
        m.actor2 = holder_asked(doc, m) or m.actor2  # "Journalists must be freed": by those the body says hold them
        m.location = None if m.location is not None and m.location.precision == "country" else m.location
        heads.append(m)
    if heads:
        # where the headline's act happened: the article's place as the body tells it
        body, doc.mentions = doc.mentions, heads
        fill_places(doc)
        doc.mentions = heads + body


def _holder_in_body(doc: Doc, headline: str, actor: Actor | None) -> Actor | None:
    """"California Gov Commutes Sentences": a headline names a person by office, and the words its
    capitals run on into are no name the body uses; the person is the one the body gives that title
    ("California Gov. Gavin Newsom"), with the headline's word before the title where it has one,
    when only one person is so named."""
    if actor is None or not actor.label or actor.kind not in PEOPLE_KINDS | {"government", "head of state"}:
        return actor
    titles = {t.rstrip(".") for t in lexicon.person_titles()}
    words = actor.label.split()
    at = next((i for i, w in enumerate(words) if w.lower().rstrip(".") in titles), None)
    name = " ".join(words[at + 1:]) if at is not None else ""
    if not name[:1].isupper() or re.search(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", doc.text):
        return actor
    said = re.compile(rf"(?<![\w\-]){re.escape(words[at].rstrip('.'))}\.?\s", re.I)
    holders = {a.actor.name: a for a in doc.actors if a.actor.id == "PERSON" and said.search(a.text)}
    start = actor.evidence.start if actor.evidence is not None else 0
    before = (headline[:start].split() + words[:at])[-1:]
    if len(holders) > 1 and before and before[0][:1].isupper():
        # "California Gov": the body's governor of California, not of New York
        holders = {n: a for n, a in holders.items() if before[0] in doc.text[max(0, a.start - 40):a.end]}
    if len(holders) != 1:
        return actor
    person = next(iter(holders.values())).actor
    return replace(actor, name=person.name, kind=person.kind, country=person.country or actor.country)


_ORG_AFTER = re.compile(r"^\s+(?:International|Party|Front|Movement|Council|Organi[sz]ation|Committee|Union|Forces|Brigades?|Group|Alliance|Watch)\b")
