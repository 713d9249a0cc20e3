"""Stage: event mentions from triggers, with roles, place, date, casualties and claim.

One mention per sentence and event type; then mentions of the same incident in one article
(the title's "bomb blast", the lead's "a bomb killed six", a later "the attack") are merged so
that each incident is one record with a span per field.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sitrep import lexicon
from sitrep.model import Actor, Casualty, Claim, EventMention, Evidence, Place, When
from sitrep.resolve.actors import (
    UNLISTED_IDS,
    ActorEntry,
    ActorMatch,
    actor_dictionary,
    class_entry,
    phrase_country,
    private_person,
    resolve_entry,
)
from sitrep.stages import salience
from sitrep.stages.actors import PEOPLE_KINDS, antecedent, personal
from sitrep.stages.casualties import is_vague
from sitrep.stages.claims import CHARGE_CUE, RESPONSIBILITY, person_owner
from sitrep.stages.dates import SAME_DAY, telling_before
from sitrep.stages.doc import Doc, Sentence, Trigger
from sitrep.stages.event_place import SPEAKER_PLACE as _SPEAKER_PLACE
from sitrep.stages.event_place import clause_place, fill_places, finer, merged_place, places_compatible
from sitrep.stages.parse import (
    arguments,
    charged,
    depth,
    head_of,
    is_passive,
    phrase_span,
    predicate,
    realis,
    span_tokens,
    subtree_span,
    token_at,
)

_MODE_PRIORITY = ["unconventional", "suicide-attack", "drone", "aerial", "heavy-weapons", "explosives",
                  "targeted", "sexual", "torture", "abduct", "firearms", "beat", None]
_NOT_PERPETRATOR = {"monitor", "media", "civil defence", "international organisation", "party", "NGO"}
_NEEDS_ACTOR = {"AGREE", "CONSULT", "THREATEN", "ACCUSE", "REJECT", "REQUEST", "SANCTION",
                "SUPPORT", "COOPERATE", "AID", "RETREAT", "MOBILIZE", "COERCE"}
_ANAPHORA = re.compile(
    r"\b(?:the|this|that|today['’]s|yesterday['’]s|\w+day['’]s|the latest)\s+(?:[\w\-]+\s+){0,4}"
    r"(?:attack|attacks|operation|bombing|blast|explosion|strike|strikes|raid|raids|massacre|assault|shelling|ambush|incident|airstrike|airstrikes|"
    r"offensive|onslaught|blasts|explosions|bombings|clashes)\b",
    re.I,
)
_AIRCRAFT = re.compile(r"\b(?:jets?|warplanes?|planes?|aircraft|aircrafts|helicopters?|air ?force|air forces|aerospace|aerial|aerially|dropped|sorties|coalition)\b", re.I)
_EARLIER = re.compile(
    r"\b(?:days|weeks|months|years|hours|a day|a week|a month|a year|shortly|soon)\s+(?:after|since|following)\s+"
    r"(?:a|an|the|last|this|its)?\s*(?:[\w\-'’]+\s+){0,5}$"
    # "agreed to a ceasefire after two days of fierce fighting": the fighting that went before
    r"|\b(?:after|following)\s+(?:[\w\-]+\s+)?(?:days|weeks|months|years|hours)\s+of\s+(?:[\w\-]+\s+){0,2}$", re.I)
# "also bombed", "another", "elsewhere", "a separate raid": the sentence tells a further incident
_ANOTHER = re.compile(
    r"\b(?:also(?!\s+\d)(?!\s+(?:\w+ly\s+)?(?:(?:was|were|been|be|has been|have been)\s+)?(?:said|says|claimed|claims|reported|reports|stated|noted|added|announced|confirmed|"
    r"killed|injured|wounded|died|hurt|damaged|destroyed|among|arrested|detained|abducted|kidnapped)\b)|another(?!\s+(?:spot|location|place|point|part|side|room|floor|entrance|gate|corner|end)\b)|elsewhere|separate(?:ly)?|similar|a further|"
    r"meanwhile|meantime|in a second)\b", re.I)
_RETALIATION = re.compile(r"\b(?:in retaliation|retaliat\w+|in response)\b", re.I)
_CAPTION = re.compile(r"^\W*(?:in this (?:file )?(?:photo|picture|image)|file (?:photo|picture)|photo:|pictured:|"
                      r"(?:also |must )?read(?: more| also)?:|related:|see also:)", re.I)  # captions, links to other stories
_HELD = re.compile(r"^\s*-?\s*(?:held|controlled|besieged|run|led)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|could|might|may|if|plan to|plans to|threaten\w*|ready to)\b", re.I)


# a sentence opening on "Meanwhile", "Elsewhere", "In a separate ..." turns to another incident even
# when it later names the first one ("... as doctors treated victims of the chemical attack")
# "Earlier today ...", "Later in the evening ...": another strike of the same day (a toll that "rose"
# later is the same one's update)
# "More rocket shells later hit ...": a sentence opening on more of the weapons is a further strike
_TURN = re.compile(r"^\W*(?:meanwhile|elsewhere|in a separate|separately|in another|"
                   r"more\s+(?:[\w\-]+\s+)?(?:shells|rockets|missiles|mortars|bombs|barrel bombs|airstrikes|air strikes|strikes)\b|"
                   r"earlier (?:today|in the day|this morning|on \w+day)|later (?:in the|that) (?:day|evening|afternoon|night))\b", re.I)
_UPDATE = re.compile(r"\b(?:toll|rose|risen|climbed|increased|updated)\b", re.I)
# "two more civilians were killed in ...": a count added by a further incident ("more than" is a size)
_MORE = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens)\s+more\s+(?!than\b)"
                   r"(?:\w+\s+){0,2}(?:were|was|have been|had been)\s+(?:killed|wounded|injured|abducted|arrested)\b", re.I)


def _turns(text: str) -> bool:
    """Whether a sentence opens on another incident ("Meanwhile", "Earlier today")."""
    return bool(_TURN.search(text)) and not _UPDATE.search(text)


def _further(text: str) -> bool:
    """Whether a sentence tells a further incident ("also bombed", "another"), not one named
    again ("the attack")."""
    if _turns(text):
        return True
    return bool(_ANOTHER.search(text) or _MORE.search(text)) and not _ANAPHORA.search(text)


def _has_subject(token) -> bool:  # noqa: ANN001 - a spaCy token
    """A passive act with a stated patient ("They were arrested on Wednesday"): someone was acted on."""
    return any(c.dep_ == "nsubjpass" for c in predicate(token).children)


_AGENT_POS = {"PRON", "NOUN", "PROPN"}
# "when he visited the school", "who arrested him": a clause setting the scene, not the act told
_SUBORDINATE = {"advcl", "relcl", "acl", "pcomp", "csubj"}


def _has_agent(token, speech: bool = False) -> bool:  # noqa: ANN001 - a spaCy token
    """An active act with a stated doer the actor list does not name ("They arrested his parents",
    "the team interrogated him"): someone acted, though who is left to coreference."""
    p = predicate(token)
    if p.i != token.i or token.pos_ != "VERB" or token.dep_ in _SUBORDINATE:
        return False
    # "the governor lamented the attacks and called on ...": a second verb shares the first one's subject
    doers = [p, p.head] if p.dep_ == "conj" else [p]
    # a statement needs its speaker named ("a spokesman denounced"); "he warned" with no one named is no one's
    kinds = _AGENT_POS - {"PRON"} if speech else _AGENT_POS
    return any(c.dep_ == "nsubj" and c.pos_ in kinds for v in doers for c in v.children)


_PERPETRATING = frozenset(lexicon.perpetrating_verbs())


def _committed(token) -> bool:  # noqa: ANN001 - a spaCy token
    """A nominal act that is the object of a verb of committing it, with a stated subject ("thousands
    of troops are launching an attack", "the rebels carried out raids"): someone did it."""
    if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "obj"):
        return False
    verb = token.head
    return verb.pos_ == "VERB" and verb.lower_ in _PERPETRATING and not is_passive(verb) and _has_agent(verb)


def _mode_rank(mode: str | None) -> int:
    return _MODE_PRIORITY.index(mode) if mode in _MODE_PRIORITY else len(_MODE_PRIORITY)


def _actor(m: ActorMatch) -> Actor:
    entry = m.actor
    return Actor(
        name=entry.name or None, kind=entry.kind, country=entry.country, label=m.text,
        id=entry.parent if entry.id == "PERSON" else None if entry.id in UNLISTED_IDS else entry.id,
        evidence=Evidence(m.text, m.start, m.end),
    )


_BACKGROUND = re.compile(
    r"\b(?:in the past|past years|previously|in recent years|years ago|for years|used to|"
    r"since the (?:beginning|start|outbreak)|have said|has long|had long|history)\b", re.I)
# "Syria's war has killed more than 320,000 people since it began": a war's toll, not an event
_WAR_TOLL = re.compile(
    r"\b(?:war|conflict|uprising|revolt|crisis|fighting)\s+(?:has|have|had|which has|that has)\s+(?:so far\s+)?"
    r"(?:killed|left|claimed|cost)\b|\bsince\s+(?:it|the war|the conflict|the uprising|the revolt|the crisis)\s+"
    r"(?:began|started|erupted|broke out)\b|\b(?:killed|died)\s+(?:in|during)\s+(?:the|syria'?s)\s+(?:\w+\s+)?(?:war|conflict)\b",
    re.I)
# Counts over a span of time are aggregates, not an event: "since 2014", "since then", "from March
# 2011 to June 2016", "each day", "throughout the war" (PROTOCOL: cumulative tolls are not events)
_MONTHS_RE = "|".join(sorted({w.lower() for w in lexicon.months()}, key=len, reverse=True))
_AGGREGATE = re.compile(
    r"\bsince\s+(?:then|(?:early|late|mid-?)?\s*(?:19|20)\d\d\b|(?:" + _MONTHS_RE + r")\b(?!\s+\d{1,2}\b)|"
    r"the\s+(?:start|beginning|outbreak)\s+of)"
    r"|\bfrom\s+(?:(?:" + _MONTHS_RE + r")\s+)?(?:19|20)\d\d\s+(?:to|until|through|till)\b"
    r"|\bbetween\s+(?:(?:" + _MONTHS_RE + r")\s+)?(?:19|20)\d\d\s+and\s+(?:(?:" + _MONTHS_RE + r")\s+)?(?:19|20)\d\d\b"
    r"|\b(?:each|every|per)\s+(?:day|week|month|year)\b|\bthroughout\s+the\s+(?:war|conflict|country|year)\b"
    r"|\bso far this year\b|\bthis year alone\b",
    re.I)
# "Cross-border fire has claimed 21 lives this year", "have been killed over the past months": a running total
_RUNNING = re.compile(r"\b(?:this year|in recent (?:weeks|months|years)|over the (?:past|last) (?:\w+ )?(?:weeks|months|years)|"
                      r"so far|thus far|to date|in all|in total|altogether)\b", re.I)
# "More than 35,000 people have been arrested", "170000 people have reportedly been killed" (a text
# that drops the commas; then from ten thousand): a count in the thousands done over time, a total
_THOUSANDS_DONE = re.compile(r"\b(?:\d{1,3}(?:,\d{3})+|\d{5,})\s+(?:[\w\-]+\s+){0,2}(?:have|has)\s+(?:\w+ly\s+)?been\b", re.I)
_HAS_DONE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:claimed|killed|left|cost|wounded|injured|arrested|detained|"
                       r"achieved|won|gained|made|carried out|conducted|launched)\b", re.I)
_TOLL_CONTEXT = re.compile(r"\b(?:war|conflict|uprising|revolt|since|began|erupted|broke out|years|crisis)\b", re.I)


def _eligible(m: ActorMatch, claim_spans: list[tuple[int, int]], text: str,
              victim_spans: list[tuple[int, int]], etype: str = "ASSAULT") -> bool:
    if etype == "ASSAULT" and m.actor.kind in _NOT_PERPETRATOR:
        return False
    if any(s <= m.start < e for s, e in claim_spans):
        return False
    if _SPEAKER_PLACE.search(text[max(0, m.start - 40):m.start]):
        return False  # "said in Turkey": where the speaker was, not who acted
    if _IN_PLACE.search(text[max(0, m.start - 30):m.start]) and _country_name(m.text):
        return False  # "from the house in Kaduna in northern Nigeria", "gathered in Moscow": a place, not the state
    return not _HELD.match(text[m.end:m.end + 14])


_IN_PLACE = re.compile(r"\b(?:in|at|near|across|throughout|inside|outside|into|for)\s+(?:the\s+)?(?:(?:north|south|east|west|"
                       r"central|northern|southern|eastern|western|north-?western|north-?eastern|south-?western|"
                       r"south-?eastern|northwest|northeast|southwest|southeast)\s+)?$", re.I)


def _country_name(words: str) -> bool:
    """The words are a state's bare name or its capital ("Nigeria", "the United States", "Moscow"),
    not a body or a demonym."""
    words = re.sub(r"^the\s+", "", words.strip(), flags=re.I)
    found = lexicon.find_countries(words)
    return len(found) == 1 and found[0].how in ("name", "capital") and found[0].start == 0 and found[0].end == len(words)


def _roles(doc: Doc, sentence: Sentence, trigger: Trigger, etype: str,
           claim_spans: list[tuple[int, int]]) -> tuple[ActorMatch | None, ActorMatch | None]:
    text = doc.text
    victim_spans = [(c.casualty.evidence.start, c.casualty.evidence.end) for c in doc.in_sentence(doc.casualties, sentence) if c.casualty.evidence]
    responsibility = RESPONSIBILITY.search(sentence.text)
    if responsibility:
        # "X claimed responsibility": the claimant is the perpetrator
        cue = sentence.start + responsibility.start()
        according = [(a.start, a.end) for a in doc.in_sentence(doc.attributions, sentence) if a.cue == "according to"]
        claimant = next((a for a in doc.in_sentence(doc.actors, sentence)
                         if a.end <= cue and not a.demonym and a.actor.kind not in _NOT_PERPETRATOR
                         and not any(s <= a.start < e for s, e in according)), None)
        if claimant is not None:
            others = [a for a in doc.in_sentence(doc.actors, sentence) if a.start > claimant.end
                      and a.actor.id != claimant.actor.id and _eligible(a, claim_spans, text, victim_spans)]
            return claimant, (others[0] if others else None)
    if etype != "ASSAULT":
        # a speech act ("Yemen has rejected ...", "X accused Y") is the event: its speaker is the
        # source; only "according to X" names a mere reporter
        reporters = [(a.start, a.end) for a in doc.in_sentence(doc.attributions, sentence) if a.cue == "according to"]
        speakers = [a for a in doc.in_sentence(doc.actors, sentence) if _eligible(a, reporters, text, [], etype)]
        source, target = _other_roles(doc, sentence, trigger, etype, speakers)
        if etype == "REQUEST" and (_DEMANDED.search(text[max(sentence.start, trigger.start - 45):trigger.start])
                                   or _DEMANDED.match(trigger.text + " ")):
            # "The authorities should release them, HRW said": who must act is the target; the
            # demand is the speaker's, or, unsaid, the voice the article last quoted
            demander = _demander(doc, sentence)
            if demander is not None and (source is None or _party(demander) != _party(source)):
                return demander, source
        return source, target
    # "opposition fighters", "Turkish troops": a demonym before a force names the side that fights
    actors = [_promote(text, a) for a in doc.in_sentence(doc.actors, sentence) if _eligible(a, claim_spans, text, victim_spans, etype)]
    if not actors:
        return None, None
    in_victims = [a for a in actors if any(s <= a.start < e for s, e in victim_spans) or _named_dead(text, a)
                  or _passive_subject(text, a, trigger)]
    actors = [a for a in actors if a not in in_victims]
    actor1 = actor2 = None
    t0, t1 = trigger.start, trigger.end
    # "Regime warplanes bombed ...": an actor whose words hold the trigger is the agent
    holder = next((a for a in actors if a.start <= t0 < a.end and a.actor.id != "CIVILIANS"), None)
    if holder is not None:
        actor1 = holder
    # "killed by Syrian airstrikes", "carried out by the coalition", "beaten at the hands of the
    # police": the agent follows "by"
    for a in actors if holder is None else []:
        gap = text[t1:a.start] if a.start >= t1 else text[a.end:t0] if a.end <= t0 else ""
        lead = text[max(t1, a.start - 30):a.start]
        if a.start >= t1 and re.search(r"\b(?:by|at the hands of)\s+(?:the\s+)?(?:[\w\-']+\s+){0,2}$", lead) and \
                not re.search(r"\b(?:statement|statements|report|reports|announcement|account|"
                              r"held|controlled|run|besieged|surrounded|dominated|led|brokered|backed|supported|sponsored|"
                              r"mediated|signed|agreed|announced|reported|confirmed|documented|condemned|denied|"
                              r"investigated|welcomed)\s+by\s", lead):
            actor1 = a
            break
        if a.end <= t0 and re.fullmatch(r"[\s'’s-]*(?:[\w\-]+\s+){0,2}", gap) and a.actor.id != "CIVILIANS" \
                and not _BY_OTHER.search(text[max(sentence.start, a.start - 40):a.start]):
            # "regime barrel bombs", "Russian airstrikes", "US-led coalition strikes"
            if len(gap.split()) <= 2 and (a.demonym or not a.actor.generic or etype == "ASSAULT") \
                    and not _SPEECH_BETWEEN.search(gap) and not _PREPOSITION.search(gap):  # "Turkey condemns deadly strike"
                actor1 = a
    if actor1 is None and not _DYING.match(trigger.text):  # "X died in custody": X is who it befell
        acts = [t for t in doc.in_sentence(doc.triggers, sentence) if t.type == "ASSAULT"]
        before = [a for a in actors if a.end <= t0 and not a.demonym and a.actor.id != "CIVILIANS"
                  and not _object_position(text, sentence.start, a)
                  and not _object_of_act(text, a, acts)
                  and not _object_of_other_verb(doc, sentence, a, trigger)
                  and not _SPEECH_BETWEEN.search(text[a.end:t0])
                  # "A video posted online by activists showed ...": the agent of another participle
                  and not _BY_OTHER.search(text[max(sentence.start, a.start - 40):a.start])]
        if before:
            actor1 = before[-1]
            # an actor far from the trigger across a clause boundary is not its agent, unless
            # it is the sentence's subject: "Units of the army, with ..., destroyed ..., killing"
            if "," in text[actor1.end:t0] and len(text[actor1.end:t0]) > 80:
                first = before[0]
                actor1 = first if first.start - sentence.start <= 40 else None
    if actor1 is None and etype == "ASSAULT":
        # "killed in terrorist attacks", "died in regime shelling": the attacker named before
        # another word for the same act in the sentence
        for t in doc.in_sentence(doc.triggers, sentence):
            if t is trigger or t.type != "ASSAULT" or _TOLL_VERB.match(t.text):
                continue  # "4 Turkish troopers killed": before a verb of the toll stand the dead, not the attacker
            actor1 = next((a for a in actors if a.end <= t.start and a.actor.id != "CIVILIANS"
                           and re.fullmatch(r"[\s'’s-]*(?:[\w\-]+\s+)?", text[a.end:t.start])
                           and not _SPEECH_BETWEEN.search(text[a.end:t.start])
                           # "an alliance including Al-Qaeda's affiliate attacked": a part is not the side
                           and not _PART_OR_TARGET.search(text[max(sentence.start, a.start - 30):a.start])), None)
            if actor1 is not None:
                break
    after = [a for a in actors if a.start >= t1 and a is not actor1 and not a.demonym]
    for a in after:
        lead = text[max(t1, a.start - 25):a.start].lower()
        if re.search(r"\b(?:on|against|targeting|target|at|positions of|between|hit|struck)\s+(?:the\s+)?(?:[\w\-']+\s+){0,2}$", lead) \
                or _FOUGHT_WITH.search(text[max(sentence.start, a.start - 40):a.start]) or etype != "ASSAULT":
            actor2 = a
            break
    if actor1 is None and actor2 is not None and re.search(r"\bbetween\s+(?:the\s+)?$", text[max(t1, actor2.start - 14):actor2.start]):
        # "mutual shelling between regime forces and ISIS": the two sides, in the order named
        other = next((a for a in after if a.start >= actor2.end and a.actor.id != actor2.actor.id
                      and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[actor2.end:a.start])), None)
        if other is not None:
            actor1, actor2 = actor2, other
    if actor2 is not None and etype == "ASSAULT":
        # "clashes between the Syrian and Lebanese forces and militants of X": two demonyms over one
        # head are one side (the first named leads it); the other side follows the next "and"
        shared = re.search(r"\bbetween\s+(?:the\s+)?$", text[max(sentence.start, actor2.start - 60):actor2.start])
        first = next((d for d in doc.in_sentence(doc.actors, sentence) if d.demonym and d.end <= actor2.start
                      and re.fullmatch(r"\s+and\s+", text[d.end:actor2.start])
                      and re.search(r"\bbetween\s+(?:the\s+)?$", text[max(sentence.start, d.start - 14):d.start])), None)
        if shared is None and first is not None:
            other = next((a for a in after if a.start >= actor2.end and a.actor.id not in (actor2.actor.id, first.actor.id)
                          and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[actor2.end:a.start])), None)
            if other is not None:
                actor1, actor2 = ActorMatch(first.start, first.end, first.text, first.actor, demonym=False), other
    if actor2 is None and etype == "ASSAULT":
        before = [a for a in actors if a.end <= t0 and a is not actor1 and not a.demonym]
        victims = [a for a in before if a.actor.id == "CIVILIANS"]
        actor2 = victims[-1] if victims else None
    # "a car bombing blamed on Daesh", "an attack claimed by the Islamic State"
    blamed = re.search(r"\b(?:blamed on|claimed by|attributed to|carried out by)\s+(?:the\s+)?", sentence.text)
    if blamed:
        at = sentence.start + blamed.end()
        named = next((a for a in doc.in_sentence(doc.actors, sentence) if a.start == at or 0 <= a.start - at <= 4), None)
        if named is not None and named.actor.kind not in _NOT_PERPETRATOR:
            actor1 = named
    # "DAESH said that it killed 50 fighters": the claimant claims the act
    self_claim = re.search(r"\b(?:said|says|claimed|announced)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:killed|shot|executed|attacked|bombed|destroyed)\b", sentence.text)
    if self_claim and actor1 is None:
        claimant = [a for a in doc.in_sentence(doc.actors, sentence)
                    if a.end <= sentence.start + self_claim.start() and a.actor.kind not in _NOT_PERPETRATOR and not a.demonym]
        if claimant:
            actor1 = claimant[-1]
    # "70 militants killed in clashes with the Syrian army": the side fought is the killer
    if actor1 is None and in_victims:
        fought = next((a for a in actors if a.start >= t0 and not a.demonym and re.search(
            r"\b(?:clash(?:es|ed)?|fighting|battles?|confrontations?|ambush(?:ed)?)\s+(?:with|against|by)\s+(?:the\s+)?(?:[\w\-']+\s+){0,2}$",
            text[max(sentence.start, a.start - 50):a.start], re.I)), None)
        if fought is not None:
            actor1 = fought
        elif trigger.mode == "firearms":
            # "50 rebels were killed in fighting ... as ISIL overran a town": in a battle the
            # other side named is the killer
            victim_ids = {v.actor.id for v in in_victims}
            other = next((a for a in actors if a not in in_victims and not a.demonym and a.actor.id not in victim_ids
                          and a.actor.id != "CIVILIANS"), None)
            actor1 = other
    if actor2 is None and in_victims:
        actor2 = in_victims[0]
    # "35 IS jihadists were killed in clashes with Kurdish fighters": the dead are not the killers
    if actor1 is not None and in_victims and any(v.actor.id == actor1.actor.id for v in in_victims):
        others = [a for a in actors if a.actor.id != actor1.actor.id and a.actor.id != "CIVILIANS" and not a.demonym]
        after_with = [a for a in others if re.search(r"\bwith\s+(?:the\s+)?(?:[\w\-']+\s+){0,3}$", text[max(sentence.start, a.start - 40):a.start])]
        # "100 ISIL terrorists killed in Kobani": with no other side named, the killer is unknown
        actor1, actor2 = ((after_with or others)[0] if (after_with or others) else None), actor1
    if actor1 is not None and actor2 is not None and _party(actor1) == _party(actor2):
        actor2 = None
    return actor1, actor2


_FIGHTING_KINDS = {"state military", "armed group", "terrorist group", "rebels", "militia", "police", "coalition", "unknown"}


def _first_of_joint(doc: Doc, sentence: Sentence, actor1: ActorMatch | None, actor2: ActorMatch | None) -> ActorMatch | None:
    """"Russian and Syrian regime airstrikes", "Hezbollah and the Syrian army shelled": a joint act
    is coded to the side named first (the other is its ally, not its target)."""
    if actor1 is None:
        return None
    victims = [(c.casualty.evidence.start, c.casualty.evidence.end) for c in doc.in_sentence(doc.casualties, sentence)
               if c.casualty.evidence]
    # a force, or a demonym naming one ("Russian and Syrian regime jets"); leaders named together
    # ("Erdogan and Putin discussed the attack") did not fight it
    partner = next((a for a in doc.in_sentence(doc.actors, sentence) if a.end <= actor1.start
                    and (a.actor.kind in _FIGHTING_KINDS or a.demonym)
                    and a.actor.id not in (actor1.actor.id, "CIVILIANS", "UNKNOWN_ACTOR")
                    and (actor2 is None or a.actor.id != actor2.actor.id)
                    and not any(s <= a.start < e for s, e in victims)
                    and re.fullmatch(r"\s*,?\s*and\s+(?:the\s+)?", doc.text[a.end:actor1.start])), None)
    if partner is None:
        return actor1
    return ActorMatch(partner.start, partner.end, partner.text, partner.actor, demonym=False)


_REGARDING_VERBS = frozenset(lexicon.regarding_verbs())


def _speaks_of_act(sentence: Sentence, token, actor1: ActorMatch | None) -> bool:  # noqa: ANN001 - a spaCy token
    """"Erdogan and Putin discussed Tuesday's attack", "Russia described the attack as aggression": the
    subject of a verb of speaking of, looking into or reacting to the attack its object names is not its
    author (unlike "launched an attack", "staged the attack")."""
    if actor1 is None or token is None:
        return False
    child = token
    for verb in token.ancestors:  # the act told inside the object ("discussed the attack ... that killed four")
        if verb.pos_ == "VERB" and verb.lower_ in _REGARDING_VERBS and child.dep_ in ("dobj", "obj"):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                return False
            start, end = subtree_span(subject)
            return sentence.start + start <= actor1.start < sentence.start + end
        child = verb
    return False


_REPELLING = re.compile(r"\b(?:" + lexicon.alternation(lexicon.repelling_verbs()) + r")\b", re.I)
_FOILING = re.compile(r"\b(?:" + lexicon.alternation(lexicon.foiling_verbs()) + r")\b", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", re.I)
_TARGET_WORDS = re.compile(r"\b(?:on|against|in|near|at|into|towards?|inside|around|outside)\b", re.I)


def _repelled(doc: Doc, sentence: Sentence, trigger: Trigger, actor1: ActorMatch | None, actor2: ActorMatch | None,
              claim_spans: list[tuple[int, int]]) -> tuple[ActorMatch | None, ActorMatch | None]:
    """"Troops repelled the ISIS attack", "Daesh tried to break the front but the SDF repelled the
    attacks", "The attack of terrorists was repelled by the army": in a repelled attack the attacker
    is actor1 and who repelled it actor2 (the protocol's order of actors)."""
    text = doc.text
    foiled = next((m for m in _FOILING.finditer(sentence.text)
                   if sentence.start + m.start() <= trigger.start <= sentence.start + m.end() + 60), None)
    if foiled is not None and actor1 is not None and actor1.end <= sentence.start + foiled.start() and actor2 is None:
        # "the army thwarted an attempt by the Takfiri terrorists to ...": the would-be attacker is the target
        f1 = sentence.start + foiled.end()
        actor2 = next((a for a in doc.in_sentence(doc.actors, sentence) if a.start >= f1 and a.start - f1 <= 60
                       and not a.demonym and a.actor.id != actor1.actor.id
                       and re.fullmatch(r"\s+(?:(?:an?|the)\s+)?(?:[\w\-]+\s+){0,3}by\s+(?:the\s+)?", text[f1:a.start])), None)
        return actor1, actor2
    hit = next((m for m in _REPELLING.finditer(sentence.text)
                if sentence.start + m.start() <= trigger.start <= sentence.start + m.end() + 60), None)
    if hit is None:
        return actor1, actor2
    v0, v1 = sentence.start + hit.start(), sentence.start + hit.end()
    verb = token_at(doc, sentence.index, v0)
    if verb is not None and verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i and verb.head.idx + sentence.start < v0:
        # "killed by the army and allies who repelled a major attack": the act told is the killing
        return actor1, actor2
    cands = [c for c in (actor1, actor2) if c is not None] + [
        _promote(text, a) for a in doc.in_sentence(doc.actors, sentence)
        if a.actor.id not in ("CIVILIANS", "UNKNOWN_ACTOR") and not any(s <= a.start < e for s, e in claim_spans)]
    cands = sorted({(c.start, c.end): c for c in cands if not c.demonym}.values(), key=lambda c: c.start)
    before = [c for c in cands if c.end <= v0]
    after = [c for c in cands if c.start >= v1]
    if _PASSIVE_BEFORE.search(text[sentence.start:v0]):
        # "The attack of terrorists was repelled (by the army)"
        attacker = before[-1] if before else None
        repeller = next((c for c in after if re.search(r"\bby\s+(?:the\s+)?(?:[\w\-']+\s+){0,2}$", text[v1:c.start])), None)
    else:
        repeller = before[-1] if before else None
        # the attack's own author, in the object ("the ISIS attack", "an attack by Nusra"), not its target
        attacker = next((c for c in after if c.start - v1 <= 40 and not _TARGET_WORDS.search(text[v1:c.start])), None)
        if attacker is None and repeller is not None:
            # "Daesh tried to break the front ... but the SDF repelled the attacks": the side named before
            attacker = next((c for c in reversed(before) if c.end <= repeller.start and c.actor.id != repeller.actor.id
                             and re.search(r"\b(?:but|and|before|until|as|while)\b|,", text[c.end:repeller.start])), None)
    if attacker is None and repeller is None:
        return actor1, actor2
    if attacker is not None and repeller is not None and attacker.actor.id == repeller.actor.id:
        return actor1, actor2
    return attacker, repeller


def _in_passive_subject(doc: Doc, sentence: Sentence, token, actor: ActorMatch | None) -> bool:  # noqa: ANN001
    """Whether ``actor`` is named in the subject of the passive verb of ``token`` (not in a by-phrase there)."""
    if actor is None or token is None:
        return False
    subject = next((c for c in predicate(token).children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    start, end = (sentence.start + i for i in subtree_span(subject))
    return start <= actor.start < end and not re.search(r"\bby\s+(?:the\s+)?(?:[\w\-']+\s+){0,3}$",
                                                         doc.text[max(start, actor.start - 30):actor.start])


# "in a battle with Daesh", "clashes with the army": the side fought is the other party
_FOUGHT_WITH = re.compile(r"\b(?:battles?|battled|clash(?:es|ed)?|fighting|fights?|fought|confrontations?|skirmish(?:es|ed)?|"
                          r"exchanged fire|gunfights?|firefights?)\s+with\s+(?:the\s+)?$", re.I)
_DYING = re.compile(r"(?:died|dies|die|dying|perished|succumbed)\b", re.I)
_TOLL_VERB = re.compile(r"(?:kill|wound|injur|martyr|slay|slain|dead|die|hurt)\w*$", re.I)
# "detained on the order of the state government": who ordered the act is its agent
_ORDERED_BY = re.compile(r"\b(?:on|upon|under)\s+(?:the\s+)?(?:direct\s+)?(?:orders?|instructions?|directives?)\s+of\s+|"
                         r"\bat\s+the\s+(?:behest|request|orders?)\s+of\s+", re.I)


def _ordered_by(doc: Doc, sentence: Sentence, trigger: Trigger, actor1: ActorMatch | None,
                actor2: ActorMatch | None) -> ActorMatch | None:
    found = next((f for f in _ORDERED_BY.finditer(doc.text, trigger.end, sentence.end)
                  if f.start() - trigger.end <= 60), None)
    if found is None:
        return actor1
    named = next((a for a in doc.in_sentence(doc.actors, sentence) if 0 <= a.start - found.end() <= 4 and not a.demonym), None)
    if named is None or actor2 is not None and _party(named) == _party(actor2):
        return actor1
    return named


# "must/should/has to ... release": a duty put on someone, a demand (or a trigger that starts with the modal)
_MUST_BEFORE = re.compile(r"\b(?:must|should|has to|have to|ought to)\s+(?:\w+\s+){0,3}$", re.I)
_DEMANDED = re.compile(_MUST_BEFORE.pattern + r"|^(?:must|should|ought)\s", re.I)


def _demander(doc: Doc, sentence: Sentence) -> ActorMatch | None:
    """The listed actor whose words a demand is: this sentence's speaker, else the last one quoted in
    the three sentences before (a rights group's release goes on in its own voice)."""
    for s in (doc.sentences[i] for i in range(sentence.index, max(-1, sentence.index - 4), -1)):
        said = [a for a in doc.in_sentence(doc.attributions, s) if a.cue != "according to" and a.claim.modality != "denied"]
        for attribution in reversed(said):
            named = [a for a in doc.in_sentence(doc.actors, s) if attribution.start <= a.start < attribution.end
                     and not a.demonym and a.actor.id not in UNLISTED_IDS and not a.actor.generic]
            if named:
                return named[0]
        if said:
            return None  # the nearest voice is one we cannot name
    return None


_SPEECH_BETWEEN = re.compile(
    r"\b(?:condemn\w*|denounc\w*|said|says|say|told|called|urged|welcomed|denied|denies|reported|"
    r"confirm(?:ed|s)|stated|added|noted|revealed|disclosed|"
    r"announced|criticis\w*|criticiz\w*|warned|blam\w*|accus\w*|linked|attributed)\b", re.I)


def _speaker_head(text: str, end: int) -> str:
    """The first words after an actor ("on Tuesday said", "say"): where a speech verb that makes
    the actor its speaker stands."""
    words = re.match(r"[\s,]*((?:(?:on|in|late|early|last|this)\s+)?(?:[A-Za-z]+day\s+)?[\w\-']+)", text[end:end + 60])
    return words.group(1) if words else ""


_BY_OTHER = re.compile(r"\b\w+(?:ed|en|wn)\s+(?:\w+ly\s+|online\s+|earlier\s+)?by\s+(?:the\s+)?(?:[\w\-']+\s+){0,2}$", re.I)
_OBJECT_BEFORE = re.compile(r"\b(?:of|on|against|in|targeting|at|into|near|toward|towards|from)\s+(?:the\s+)?$"
                            r"|\b(?:originating from|hailing from|natives of|nationals of|citizens of)\s+(?:[\w\-]+\s+){0,3}$", re.I)
_AGENT_HEADS = re.compile(r"\b(?:units|members|fighters|forces|troops|jets|warplanes|aircraft|planes|soldiers|militants|bomber|gunmen|artillery|helicopters)\s+(?:of|from|belonging to|affiliated with)\s+(?:the\s+)?$", re.I)


def _object_position(text: str, floor: int, actor: ActorMatch) -> bool:
    """'a headquarters of the Nusra Front': an actor inside a prepositional phrase is no subject,
    unless the phrase names the actor's own units ('units of the Syrian army')."""
    before = text[max(floor, actor.start - 40):actor.start]
    return bool(_OBJECT_BEFORE.search(before)) and not _AGENT_HEADS.search(before)


_HUMAN_HEADS = {"police", "policemen", "officers", "troops", "soldiers", "forces", "army", "military", "gunmen",
                "assailants", "attackers", "militants", "fighters", "rebels", "insurgents", "protesters",
                "demonstrators", "students", "workers", "journalists", "activists", "authorities", "government",
                "officials", "agents", "bandits", "kidnappers", "abductors", "men", "mob", "gang", "gangs",
                "militia", "militias", "jihadists", "guards", "court", "judge", "prosecutors", "regime", "hackers",
                "mutineers", "putschists", "pirates", "settlers", "smugglers", "traffickers"}
_NOT_PARTY_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "GPE", "LOC", "FAC"}
_FORCE_HEADS = {"jets", "warplanes", "planes", "aircraft", "aircrafts", "forces", "troops", "soldiers", "army", "military",
                "police", "artillery", "navy", "drones", "drone", "helicopters", "helicopter", "strikes", "airstrikes",
                "raids", "bombers", "gunboats", "warships", "units", "authorities", "government", "officials",
                "tanks", "missiles", "rockets", "shelling", "bombardment", "guards", "militias", "militia"}
# month and weekday names (the reviewed lexicon) are no one's name
_DATE_WORDS = frozenset(w.lower() for w in (*lexicon.months(), *lexicon.month_abbreviations(), *lexicon.weekdays()))
_TIME_WORDS = re.compile(r"^(?:last|next|this|earlier|later|on|in|at|early|late|yesterday|today|tonight|overnight)\b"
                         r"|^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|evening)\b", re.I)
_UNKNOWN_PARTY = ActorEntry("UNKNOWN_ACTOR", "", "unknown", None, None, False)


def _argument_actor(doc: Doc, sentence: Sentence, head, claim_spans: list[tuple[int, int]],  # noqa: ANN001
                    state_act: bool = False) -> ActorMatch | None:
    """The actor a parsed argument names; a person named with a title ("Foreign Minister Walid
    al-Muallem", "U.S. District Judge Charles Kornmann") is that person, of the body the title names."""
    found = _argument_party(doc, sentence, head, claim_spans, state_act)
    if found is None or head is None or head.pos_ != "PROPN" or found.actor.id == "PERSON":
        return found
    names = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i >= head.i - 3] + [head]
    names = [t for t in names if t.text[:1].isupper()]
    if len(names) < 2 or names[-1].i - names[0].i != len(names) - 1:
        return found
    start, end = sentence.start + names[0].idx, sentence.start + head.idx + len(head.text)
    if any(a.start <= start < a.end and not a.demonym for a in doc.actors):
        return found  # the name is a listed actor's ("Human Rights Watch")
    entry = found.actor
    if not (found.start < start and entry.kind in _OFFICE_KINDS):
        return found
    person = ActorEntry("PERSON", doc.text[start:end], entry.kind, entry.country, entry.id, False)
    return ActorMatch(found.start, max(found.end, end), doc.text[found.start:max(found.end, end)], person, demonym=False)


def _party(m: ActorMatch) -> tuple[str, str]:
    """Who an actor match is: its dictionary entry, and for a person (one entry for all) the name too."""
    return m.actor.id, m.actor.name if m.actor.id == "PERSON" else ""


_OFFICE_KINDS = {"government", "ministry", "head of state", "police", "state military", "international organisation"}


def _argument_party(doc: Doc, sentence: Sentence, head, claim_spans: list[tuple[int, int]],  # noqa: ANN001
                    state_act: bool = False) -> ActorMatch | None:
    """The actor a parsed argument names: a dictionary actor inside its phrase, else the phrase
    itself as an actor we do not know (a name, or a group of people: "police", "gunmen")."""
    if head is None:
        return None
    s0, s1 = phrase_span(head)
    start, end = sentence.start + s0, sentence.start + s1
    if any(a <= start < b for a, b in claim_spans):
        return None
    at = sentence.start + head.idx
    # actors inside the phrase, or one the phrase's head word lies in ("the Russian fighter jets")
    inside = [a for a in doc.actors if (start <= a.start and a.end <= end) or a.start <= at < a.end]
    # a demonym names the state only as the argument itself or as its armed units ("Russian jets")
    inside = [a for a in inside if not a.demonym or head.lower_ in _FORCE_HEADS
              or (sentence.start + head.idx <= a.start < sentence.start + head.idx + len(head.text))]
    # "Jane Roe's defence committee", "Roe's lawyer": the person owns what the phrase names, and is not it
    inside = [a for a in inside if not (a.end <= at and person_owner(doc.text, a))]
    if inside and not any(a.start <= at < a.end for a in inside) and head.lower_ not in _FORCE_HEADS:
        # the head word is outside every name in the phrase: "a Paris criminal court", "police in
        # Lagos" - the whole phrase decides (a state named in it is only the body's country)
        words = doc.text[start:end].strip()
        entry = resolve_entry(words, doc.extra.get("actor_country"), state_act)
        if entry is not None and entry.id not in {a.actor.id for a in inside}:
            return ActorMatch(start, start + len(words), words, entry, demonym=False)
    if inside:
        # a named group over a generic word for it ("Jihadists from ISIL"), then the nearest
        named = [a for a in inside if not a.demonym and not a.actor.generic] or \
                [a for a in inside if not a.demonym] or inside
        # the one the head word lies in, else the first named ("Hungarian and Romanian officials")
        pick = next((a for a in named if a.start <= at < a.end), None) or min(named, key=lambda a: a.start)
        first = min(inside, key=lambda a: a.start)
        if first is not pick and re.fullmatch(r"\s*(?:and|,)\s*", doc.text[first.end:pick.start]):
            pick = first  # "Hungarian and Romanian officials": the first of the coordinated parties
        if pick.demonym:
            return ActorMatch(pick.start, pick.end, pick.text, pick.actor, demonym=False)
        if pick.actor.id == "PERSON" and pick.start <= at < pick.end and start < pick.start:
            # "Israeli Prime Minister Ehud Barak": the person, in the words of the whole phrase
            return ActorMatch(start, max(end, pick.end), doc.text[start:max(end, pick.end)], pick.actor)
        return pick
    if head.pos_ == "PRON" or head.lower_ in ("which", "who", "that") or head.ent_type_ in _NOT_PARTY_ENTS:
        return None
    words = doc.text[start:end].strip()
    entry = resolve_entry(words, doc.extra.get("actor_country"), state_act)
    if entry is not None:
        entry = private_person(entry, doc.text[max(0, start - 12):start + len(words)])  # "a Serb ex-policeman"
        return ActorMatch(start, start + len(words), words, entry, demonym=False)
    if (head.pos_ == "PROPN" and head.text[:1].isupper() and head.lower_ not in _DATE_WORDS) or head.lower_ in _HUMAN_HEADS:
        words = doc.text[start:end].strip()
        if words.lower().startswith(("the ", "a ", "an ")):
            cut = words.index(" ") + 1
            start, words = start + cut, words[cut:]
        if " " in words and words.split()[0].lower() in _DATE_WORDS:
            # "said Thursday Davis was arrested": the day the parse ran into the name is not the name
            cut = words.index(" ") + 1
            start, words = start + cut, words[cut:]
        if 2 <= len(words) <= 80:
            return ActorMatch(start, start + len(words), words, _UNKNOWN_PARTY)
    return None


def _parse_roles(doc: Doc, sentence: Sentence, token,  # noqa: ANN001 - a spaCy token or None
                 claim_spans: list[tuple[int, int]], state_act: bool = False) -> tuple[ActorMatch | None, ActorMatch | None]:
    """Agent and patient of the trigger word's act from the dependency parse (None where it says nothing)."""
    if token is None:
        return None, None
    agent, patient = arguments(token)
    verb = token.head if token.lower_ in _DEMAND_MODALS else predicate(token)
    if agent is not None and any(c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS for c in verb.children):
        # "The authorities should release them": who is told to act is the demand's target
        agent, patient = None, agent
    if agent is not None and agent.head.lower_ != "by" and _undergoes(token):
        # "40 people were dead", "the mother died": the subject of dying is the dead, never the agent
        agent, patient = None, patient or agent
    actor1 = _argument_actor(doc, sentence, agent, claim_spans, state_act)
    actor2 = _argument_actor(doc, sentence, patient, claim_spans)
    if actor2 is None and patient is not None and patient.pos_ == "PRON":
        # "after she was summoned", "they sent him a summons": the one person named before
        actor2 = antecedent(doc, sentence.start + patient.idx, patient.lower_,
                            (actor1.start, actor1.end) if actor1 is not None else None)
    return actor1, actor2


_DEMAND_MODALS = {"should", "must", "ought"}
# Words for what happens to someone rather than what someone does: their subject suffers it.
_UNDERGO_WORDS = {"die", "died", "dies", "dying", "dead", "perish", "perished", "succumb", "succumbed", "drowned",
                  "starved", "injured", "wounded", "hurt"}


def _undergoes(token) -> bool:  # noqa: ANN001 - a spaCy token
    p = predicate(token)
    words = {token.lower_, p.lower_} | {c.lower_ for c in p.children if c.dep_ in ("acomp", "attr")}
    return bool(words & _UNDERGO_WORDS) and not any(c.dep_ == "dobj" for c in p.children)


def _object_of_act(text: str, actor: ActorMatch, acts: list[Trigger]) -> bool:
    """'Syrian Air Force targets ISIS', 'destroyed a Daesh command post': the actor an act is
    done to is its target, not its agent."""
    for t in acts:
        if t.end <= actor.start and re.fullmatch(r"\s+(?:the\s+|a\s+|an\s+|several\s+|positions\s+of\s+(?:the\s+)?)?",
                                                  text[t.end:actor.start]):
            return True
    return False


# "activists in raids": a preposition between the words and the act makes them no modifier of it
_PREPOSITION = re.compile(r"\b(?:in|on|at|of|for|with|after|during|from|to|into|against|near)\b", re.I)


def _object_of_other_verb(doc: Doc, sentence: Sentence, actor: ActorMatch, trigger: Trigger) -> bool:
    """"Police arrested the party's leader and several activists in raids on their homes": words in
    the object of another violent or coercive verb of the sentence are done to, not doers of the act
    told after them."""
    token = token_at(doc, sentence.index, actor.start)
    own = token_at(doc, sentence.index, trigger.start)
    if token is None or own is None:
        return False
    for _ in range(8):
        if token.dep_ in ("dobj", "nsubjpass"):
            # the object of a violent or coercive verb is its victim ("accused the regime of a
            # massacre" names the massacre's author)
            verb = token.head
            return verb.pos_ == "VERB" and verb.i != own.i and \
                _trigger_at(doc, sentence.start + verb.idx, ("ASSAULT", "COERCE")) is not None
        if token.dep_ not in ("conj", "appos", "pobj", "prep", "compound", "amod", "poss", "cc") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _other_roles(doc: Doc, sentence: Sentence, trigger: Trigger, etype: str,
                 actors: list[ActorMatch]) -> tuple[ActorMatch | None, ActorMatch | None]:
    """Source and target of a non-violent event: the subject before the trigger, the object after."""
    t0, t1 = trigger.start, trigger.end
    # "Russian warships": an actor whose words hold the trigger is its source
    holder = next((a for a in actors if a.start <= t0 and a.end >= t1), None)
    # "U.S. President Joe Biden": a state's word right before a named actor is that actor's state
    actors = [a for a in actors if not (a.demonym and any(
        b.start >= a.end and not b.demonym and _TITLE_GAP.fullmatch(doc.text, a.end, b.start) for b in actors))]
    # "Hungarian officials", "the Libyan government": a demonym before an institution names it
    actors = [_promote(doc.text, a) for a in actors]
    # the trigger's own clause: "..., while Putin and Erdogan have spoken on the phone"
    clause = sentence.start
    for b in _CLAUSE.finditer(doc.text, sentence.start, t0):
        clause = b.end()
    # "Jane Roe's defence committee rejected ...": the person owns the subject, and is not it
    owners = [a for a in actors if person_owner(doc.text, a)]
    before = [a for a in actors if clause <= a.start and a.end <= t0 and not a.demonym and a not in owners] or \
             [a for a in actors if a.end <= t0 and not a.demonym and a not in owners]
    if etype in ("COERCE", "PROTEST"):
        # "Amnesty condemned the arrest of three journalists": who reacts did not arrest
        before = [a for a in before if not _REACTION_BETWEEN.search(doc.text[a.end:t0])]
    # "X, who was arrested in 2017, was sentenced", "X and his daughter were the latest victims of a
    # kidnapping": one said to undergo the act is its target, not its source
    undergoing = [a for a in before if etype in ("COERCE", "ASSAULT") and _UNDERGOING.search(doc.text[a.end:t0][:160])]
    before = [a for a in before if a not in undergoing]
    if not before and holder is None:
        unknown = _leading_name(doc, sentence, t0)
        if unknown is not None:
            before = [unknown]
    prefix = [a for a in actors if a.end <= t0 and a.demonym and not doc.text[a.end:t0].strip()]
    actor1 = holder or (before[0] if before else (prefix[-1] if prefix else None))
    if etype == "AGREE":
        between = re.search(r"\bbetween\s+(.{3,80}?)\s+and\s+(.{2,60}?)(?:\s+on\b|[,.(]|$)", sentence.text)
        if between:
            s1, s2 = sentence.start + between.start(1), sentence.start + between.start(2)
            a1 = next((a for a in actors if s1 <= a.start < s1 + len(between.group(1))), None)
            a2 = next((a for a in actors if s2 <= a.start < s2 + len(between.group(2))), None)
            if a1 and a2:
                return a1, a2
    after = [a for a in actors if a.start >= t1 and not a.demonym and (actor1 is None or _party(a) != _party(actor1))
             and (a.actor.id != "CIVILIANS" or etype in ("AID", "COERCE", "PROTEST"))]
    # "ready to go to war with Russia", "sanctions against Iran": the marked object is the target
    marked = [a for a in after if re.search(r"\b(?:with|against|on|to|toward|towards|from)\s+(?:the\s+)?$",
                                           doc.text[max(t1, a.start - 20):a.start])]
    if undergoing and (actor1 is None or actor1 not in undergoing):
        return actor1, undergoing[0]
    return actor1, ((marked or after)[0] if after else None)


_SAID_BETWEEN = re.compile(r"\b(?:said|says|say|told|stated|added|announced)\b")
# nothing, or a person's title, between a state's word and a named actor ("French President Jane Roe")
_TITLE_GAP = re.compile(r"\s+(?:(?i:" + lexicon.person_title_alternation() + r")\s+)?")
_UNDERGOING = re.compile(
    r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}?(?:arrested|detained|sentenced|charged|jailed|summoned|"
    r"convicted|tried|kidnapped|abducted|imprisoned|indicted|prosecuted|deported|expelled|fined|questioned|"
    r"interrogated|executed)\b(?!\s+by\b)|\bvictims?\s+of\b", re.I)


_REACTION_BETWEEN = re.compile(r"\b(?:condemn\w*|denounc\w*|criticis\w*|criticiz\w*|welcom\w*|deplor\w*|decr(?:y|ied|ies)|"
                               r"slamm?\w*|blam\w*|accus\w*|protest\w*\s+against|question\w*)\b", re.I)
_CLAUSE = re.compile(r"(?:,\s*(?:while|whereas|but|as|after|and)\b|;|\bwhile\b)")
_INSTITUTION = re.compile(
    r"^(?:\s+and\s+[A-Z][\w\-]+)?\s+(?:(?:senior|top|foreign|defence|defense|interior|security|military|government|state|group)\s+)?"
    r"(?:officials?|government|authorities|leaders?|ministers?|minister|president|prime minister|police|troops|forces|army|"
    r"diplomats?|parliament|delegation|spokesman|spokeswoman|negotiators?|officers?|envoy|ambassador|navy|air force|"
    r"judges?|courts?|prosecutors?|inhabitants|residents|villagers|guerrillas|guerillas|settlers|militants|rebels|"
    r"protesters|students|workers|farmers|soldiers|fighters?|security forces|intelligence|media|newspaper|agency)\b",
    re.I)


def _promote(text: str, a: ActorMatch) -> ActorMatch:
    if a.demonym and _INSTITUTION.match(text[a.end:a.end + 60]):
        return ActorMatch(a.start, a.end, a.text, a.actor, demonym=False)
    return a


_LEADING = re.compile(r"^((?:the\s+)?(?:[A-Z][\w.'’\-]*\s+){1,6}?)(?:has|have|had|was|were|is|are|will|on|said|\w+ed\b)", re.M)
_UNKNOWN_ACTOR = ActorEntry("UNKNOWN_ACTOR", "", "unknown", None, None, False)


_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|will|would|again|also|flatly|firmly|formally|officially|today|"
    r"yesterday|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\w+ly))+\s*$", re.I)


# "But he ...", "Speaking to reporters ...", "The draft resolution ...": no named subject
_NOT_SUBJECT = re.compile(r"^(?:But|And|Or|So|Yet|Also|However|Meanwhile|Speaking|Asked|According|In|On|At|After|"
                          r"Before|During|While|When|If|The draft|This|That|These|Those|It|He|She|They|We|I)\b"
                          r"|\b(?:he|she|it|they|we|i|you)$", re.I)


def _leading_name(doc: Doc, sentence: Sentence, t0: int) -> ActorMatch | None:
    """"President Bush has threatened ...", "Ibo traditional elders have demanded ...": an actor
    we do not know, reported with its words (the subject the sentence opens with)."""
    m = _LEADING.match(sentence.text)
    if not m or sentence.start + m.end(1) > t0:
        # the whole short stretch before the trigger, less its auxiliaries and adverbs
        head = _SUBJECT_TAIL.sub("", doc.text[sentence.start:t0]).rstrip()
        # "The main rebel group, Forces for ... (FDD), insisted": the subject before its apposition
        head = re.sub(r"\s*\([^()]{1,40}\)", lambda m: " " * len(m.group()), head)  # same length
        offset = 0
        if "," in head:
            first, rest = head[:head.index(",")], head[head.index(",") + 1:]
            if _NOT_SUBJECT.search(first) and rest.strip():
                # "In an interview this weekend, President Bouteflika said ...": past the opening phrase
                offset = head.index(",") + 1 + (len(rest) - len(rest.lstrip()))
                head = rest.strip()
                if "," in head:
                    head = head[:head.index(",")]
            else:
                head = first
        head = re.split(r"\s+(?:said|says|told|announced|stated|added|declared)\b", head)[0]  # "The union said it will ..."
        head = head.rstrip()
        if not head[:1].isupper() or not 1 <= len(head.split()) <= 8 or re.search(r"[;:\"“(]|\b(?:that|who|which)\b", head) \
                or _NOT_SUBJECT.search(head) or head.lower() in ("the", "a", "an") or re.search(r"\s(?:a|an)\s|\s(?:a|an|the)$", head):
            return None  # "The comments from Stoltenberg followed an (emergency meeting)": a clause, no subject
        start = sentence.start + offset
        return ActorMatch(start, start + len(head), doc.text[start:start + len(head)], _UNKNOWN_ACTOR)
    words = m.group(1).strip()
    if len(words) < 3 or words.lower() in {"the", "it", "they", "he", "she", "we"}:
        return None
    start = sentence.start + m.start(1)
    return ActorMatch(start, start + len(words), words, _UNKNOWN_ACTOR)


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


_SPEECH_DATE = re.compile(r"^\s*(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:said|says|condemned|denounced|announced|told|warned|accused|denied|called|urged|added|reported|stated|"
                          r"raised|revised|updated|put)\b", re.I)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|condemned|announced|told reporters|warned|stated)\s+$", re.I)


# "media reported Sunday", "said on Monday", "told Human Rights Watch on May 29": a day that dates
# the telling, not the act
_TELLING_BEFORE = telling_before()


def _days_before(value: str, published: str | None) -> int | None:
    """How many days a day (``YYYY-MM-DD``) lies before publication (negative: after); None
    when either is not a full day."""
    if not published or len(value) < 10:
        return None
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(value[:10])).days
    except ValueError:
        return None


def _after_publication(value: str, published: str | None) -> bool:
    """A day later than the day after publication: what is due or planned, not what happened."""
    days = _days_before(value, published)
    return days is not None and days < -1


def _within(value: str, published: str | None, days: int) -> bool:
    """A day no more than ``days`` before publication."""
    before = _days_before(value, published)
    return before is not None and before <= days


_UNTIL = re.compile(r"\b(?:till|until|into|through)\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_DAY_SPAN = re.compile(r"\s*(?:and|to|through|till|until|or|-|–)\s+(?:on\s+)?", re.I)


# a wire dateline, "ADEN, Yemen, March 7 (Xinhua) --", "BEIRUT, Oct 3 (Reuters) -": the day the
# report was filed, not a day the story gives an act
_DATELINE_BEFORE = re.compile(r"^\W*[A-Z][A-Z\-' ]{1,30}(?:,\s*[A-Z][\w\-' ]{1,30}){0,2},?\s*$")
_DATELINE_AFTER = re.compile(r"^,?\s*(?:\d{4}\s*)?(?:\(\s*[\w .&]{1,30}\)\s*)?(?:--|—|–|-)\s")


def _in_dateline(doc: Doc, d) -> bool:  # noqa: ANN001 - a DateMatch
    return d.start < 80 and bool(_DATELINE_BEFORE.match(doc.text[:d.start])) \
        and bool(_DATELINE_AFTER.match(doc.text[d.end:d.end + 40]))


def _background(doc: Doc, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a cue of background ("previously", "in the past") bears on the trigger's act: it
    does unless it sits in another clause that does not hold the act ("followed a meeting ... despite
    members having previously expressed doubts": the doubts are old, not the meeting); a conceded
    clause of its own is told as a contrast."""
    act = token_at(doc, sentence.index, trigger.start)
    for cue in _BACKGROUND.finditer(sentence.text):
        at = token_at(doc, sentence.index, sentence.start + cue.start())
        if act is None or at is None:
            return True
        clause, own = predicate(at), predicate(act)
        if clause.i == own.i or any(a.i == clause.i for a in own.ancestors) or not _concessive(clause):
            return True
    return False


def _concessive(clause) -> bool:  # noqa: ANN001 - a spaCy token
    """Whether a clause is conceded ("despite X having ...", "although X had ..."): told as a contrast."""
    return any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in clause.children) or (
        clause.dep_ == "pcomp" and clause.head.lower_ in _CONCESSIVE) or (
        # the parser hangs "despite" on the verb above and the clause beside it
        clause.dep_ == "advcl" and any(c.lower_ in _CONCESSIVE and c.i < clause.i for c in clause.head.children))


def _when(doc: Doc, sentence: Sentence, trigger: Trigger) -> tuple[When | None, bool]:
    dates = [d for d in doc.in_sentence(doc.dates, sentence)
             if not re.search(r"\(\s*[^()]*$", doc.text[sentence.start:d.start])  # not a citation "(Statement, 15 March)"
             and not _after_publication(d.value, doc.article.published)]  # "decide by this Friday": a deadline
    if not dates:
        return None, _background(doc, sentence, trigger)
    current = [d for d in dates if not d.historical]
    # "the ministry on Wednesday condemned the strike ... the day before": a date bound to a
    # speech verb dates the statement; for a violent event another date in the sentence wins
    if trigger.type == "ASSAULT" and len(current) > 1:
        acts = [d for d in current if not _SPEECH_DATE.search(doc.text[d.end:d.end + 25])
                and not _SPEECH_BEFORE.search(doc.text[max(sentence.start, d.start - 20):d.start])
                and not _in_dateline(doc, d)]
        current = acts or current
    told_only = False
    if trigger.type in ("COERCE", "ASSAULT") and current and len(dates) > len(current):
        # "arrested him on April 10, 2020 ..., his sister told Human Rights Watch on May 29": when every
        # recent date in the sentence dates a telling, the act's own day, a few weeks older, is its date
        told = [d for d in current if _SPEECH_DATE.search(doc.text[d.end:d.end + 25])
                or _TELLING_BEFORE.search(doc.text[max(sentence.start, d.start - 40):d.start])]
        acts = [d for d in dates if d.historical and d.precision == "day" and _within(d.value, doc.article.published, 90)]
        if len(told) == len(current) and acts:
            current, told_only = acts, True
    d = min(current or dates, key=lambda d: abs(d.start - trigger.start))
    # "on Friday and Saturday", "from Monday to Wednesday": an event over days is dated by its first
    first = next((e for e in (current or dates) if e.end <= d.start and e.precision == d.precision
                  and _DAY_SPAN.fullmatch(doc.text, e.end, d.start)), None)
    if first is not None and first.value < d.value:
        d = first
    # "erupted on Saturday night ... and continued till Sunday morning": the end of an event over days
    if _UNTIL.search(doc.text[max(sentence.start, d.start - 14):d.start]):
        start = next((e for e in (current or dates) if e.end <= d.start and e.precision == d.precision and e.value < d.value), None)
        d = start or d
    # the dateline opening the text ("Mon Oct 31 2016 Syrian Army kills ...") dates the report, not
    # the act: the day of the news, assumed like the publication day
    basis = "published" if not doc.text[:d.start].strip() or _in_dateline(doc, d) else "text"
    return When(d.value, d.precision, d.text, Evidence(d.text, d.start, d.end), basis=basis), d.historical and not current and not told_only


_WORDS = re.compile(r"\w+")
REPEAT_MIN_WORDS = 8


def _repeated_history(mentions: list[EventMention]) -> None:
    """A page that prints a block twice (a timeline with and without its dates): a sentence that
    repeats one already told as history is history too."""
    told: list[str] = []
    for m in mentions:
        words = " ".join(_WORDS.findall(m.evidence.text.lower()))
        if m.historical:
            if len(words.split()) >= REPEAT_MIN_WORDS:
                told.append(words)
        elif len(words.split()) >= REPEAT_MIN_WORDS and any(words in t or t in words for t in told):
            m.historical = True


def _told_day(doc: Doc, sentence: Sentence, when: When | None, trigger: Trigger) -> bool:
    """Whether a record's day is the day its act was told ("said on Monday that four workers were
    kidnapped"): the act happened then or in the days before."""
    if when is None or when.evidence is None or when.basis != "text" or when.precision != "day":
        return False
    start, end = when.evidence.start, when.evidence.end
    return trigger.start > end and bool(_SPEECH_DATE.search(doc.text[end:end + 25])
                                        or _TELLING_BEFORE.search(doc.text[max(sentence.start, start - 40):start]))


TOLD_REACH_DAYS = 7  # how long before its telling an act told without its own day may have happened


def _told_fits(a: EventMention, b: EventMention, told: set[int]) -> bool:
    """One record dated by its telling, the other by its own stated day within the days before."""
    if (id(a) in told) == (id(b) in told) or a.date is None or b.date is None:
        return False
    teller, act = (a, b) if id(a) in told else (b, a)
    if act.date.basis != "text" or act.date.precision != "day":
        return False
    gap = _days_before(act.date.value, teller.date.value)
    return gap is not None and 0 <= gap <= TOLD_REACH_DAYS


def build_mentions(doc: Doc) -> Doc:
    dictionary = actor_dictionary()
    mentions: list[EventMention] = []
    anchors: dict[int, int] = {}  # id(mention) -> the offset of its trigger
    told: set[int] = set()  # id(mention) of the records dated by the day their act was told
    by_sentence: dict[int, list[Trigger]] = {}
    for sentence in doc.sentences:
        by_sentence[sentence.index] = doc.in_sentence(doc.triggers, sentence)
    for sentence in doc.sentences:
        triggers = by_sentence[sentence.index]
        if not triggers or _CAPTION.match(sentence.text):
            continue  # a photo's caption tells what the picture shows, not an event the article reports
        casualties = doc.in_sentence(doc.casualties, sentence)
        # "days after a chemical attack, a woman was killed ...": an earlier event, named for time
        triggers = [t for t in triggers if not _EARLIER.search(doc.text[max(sentence.start, t.start - 70):t.start])] or triggers
        # "Amnesty International", "Solidarity Party": a trigger word inside a name
        triggers = [t for t in triggers if t.type == "ASSAULT" or not (
            t.text[:1].isupper() and _ORG_AFTER.match(doc.text[t.end:t.end + 20]))]
        groups: dict[str, list[Trigger]] = {}
        for t in triggers:
            etype = t.type if t.type == "ASSAULT" else _modal_type(doc, sentence, t)
            groups.setdefault(etype, []).append(t)
        governor = _governing(doc, sentence, triggers)
        for etype, group in groups.items():
            best = max(group, key=lambda t: (t.weight, -_mode_rank(t.mode)))
            top = min(_mode_rank(t.mode) for t in group)
            # of several instances of the best mode, the one next to the figure is the event
            anchor = casualties[0].start if casualties else sentence.start
            mode_trigger = min((t for t in group if _mode_rank(t.mode) == top),
                               key=lambda t: abs(t.start - anchor))
            weight = best.weight
            if etype == "ASSAULT" and any(x.mode and y is not x and 0 <= y.start - x.end <= 3 for x in group for y in group):
                weight = min(0.9, weight + 0.2)  # "fighter jets pounded": a weapon and its act, side by side
            claim, claim_spans, denials = _claim_for(doc, sentence, mode_trigger)
            role_trigger = best if etype != "ASSAULT" else _governing_act(doc, sentence, mode_trigger, group)
            actor1, actor2 = _roles(doc, sentence, role_trigger, etype, claim_spans)
            token = token_at(doc, sentence.index, role_trigger.start)
            if etype == "ASSAULT" and " " in role_trigger.text.strip():
                # "jets struck", "gunmen opened fire": the phrase's verb carries the act's arguments
                head = head_of(span_tokens(doc, sentence.index, role_trigger.start, role_trigger.end))
                token = head if head is not None and head.pos_ == "VERB" else token
            parsed1, parsed2 = _parse_roles(doc, sentence, token, claim_spans, etype in ("COERCE", "CONCEDE"))
            # the words opening a sentence are its agent unless the parse names another or they
            # are a time ("Last week, ...")
            if token is not None and actor1 is not None and actor1.actor.id == "UNKNOWN_ACTOR" and (
                    parsed1 is not None or _TIME_WORDS.match(actor1.text)):
                actor1 = None
            passive = token is not None and is_passive(predicate(token))
            # the patient of a passive is never its agent
            if parsed2 is not None and actor1 is not None and actor1.start < parsed2.end and parsed2.start < actor1.end \
                    and passive:
                actor1 = None
            passive_patient = etype != "ASSAULT" and passive
            spoken = False  # a passive act told by a speaker named before it ("Police say X was arrested")
            if passive_patient and actor1 is not None and actor1.end <= role_trigger.start \
                    and (parsed1 is None or parsed1.start != actor1.start):
                # "An Australian woman has been arrested": what precedes a passive verb is done to
                # "Police say a man has been arrested": who says so right after being named speaks of
                # the act; the speaker is not the one it was done to
                spoken = bool(_SPEECH_BETWEEN.search(_speaker_head(doc.text, actor1.end))) or bool(
                    # "PNP chief Gen. Jane Roe said those who were arrested ...": a speaker before the act
                    _SAID_BETWEEN.search(doc.text, actor1.end, role_trigger.start))
                if (actor2 is None or actor2.start >= role_trigger.end) and not spoken:
                    actor2 = None if actor1.actor.id == "UNKNOWN_ACTOR" and parsed2 is None and not \
                        re.match(r"[A-Z]", actor1.text) else actor1
                actor1 = None
            # the parse decides where it names a known actor; an unknown one only fills a gap
            if parsed1 is not None and (parsed1.actor.id != "UNKNOWN_ACTOR" or actor1 is None):
                actor1 = parsed1
            if parsed2 is not None and (parsed2.actor.id != "UNKNOWN_ACTOR" or actor2 is None) and (
                    actor1 is None or _party(parsed2) != _party(actor1) or parsed2.actor.id == "UNKNOWN_ACTOR"):
                actor2 = parsed2
            if actor1 is None and etype in _OWN_ACTS and token is not None:
                # "an emergency meeting requested by the foreign minister": who asked for or called
                # the meeting (the agent of the participle describing it) holds it
                actor1 = _convener(doc, sentence, token, claim_spans)
            if actor1 is not None and actor2 is not None and actor1.start < actor2.end and actor2.start < actor1.end:
                actor2 = None  # one phrase is not both sides: "arrested by authorities" read twice
            if etype in ("COERCE", "ASSAULT"):
                actor1 = _ordered_by(doc, sentence, role_trigger, actor1, actor2)
            if etype == "ASSAULT":
                actor1 = _first_of_joint(doc, sentence, actor1, actor2)
                if _speaks_of_act(sentence, token, actor1):
                    actor1 = None
                actor1, actor2 = _repelled(doc, sentence, role_trigger, actor1, actor2, claim_spans)
            if etype == "ASSAULT":
                # a weapon named without an act ("equipped with cruise missiles") is no event;
                # a weak act ("attack", "killed") needs a figure or a named perpetrator
                acts = [t for t in group if t.weight >= 0.55]
                if not acts and not casualties:
                    continue
                if weight < 0.75 and not casualties and actor1 is None and not (
                        token is not None and not passive and (_has_agent(token) or _committed(token))):
                    continue
            elif etype in _NEEDS_ACTOR and actor1 is None and not (
                    passive_patient and etype in ("COERCE", "CONCEDE") and (actor2 is not None or spoken or _has_subject(token))) \
                    and not (token is not None and not passive and _has_agent(token, speech=etype in _SPEECH_ACTS)):
                continue
            elif etype == "AGREE" and weight < 0.6 and not (actor2 and re.search(r"\bbetween\b", sentence.text)):
                continue  # "this agreement": a mention of a deal, not the making of one
            elif weight < 0.6 and etype != "AGREE":
                continue
            if etype == "ASSAULT" and passive and _in_passive_subject(doc, sentence, token, actor1):
                # "Over 110 Al-Nusra terrorists were killed", "X, the Nusra commander, was killed": the
                # group named in the subject of a passive act is the side it was done to
                if actor2 is None or actor2.actor.id == "UNKNOWN_ACTOR":
                    actor2 = actor1
                actor1 = None
            place = clause_place(doc, sentence, mode_trigger, claim_spans, etype)
            when, historical = _when(doc, sentence, mode_trigger)
            historical = historical or bool(_WAR_TOLL.search(sentence.text)) or bool(_AGGREGATE.search(sentence.text)) \
                or bool(_THOUSANDS_DONE.search(sentence.text)) or bool(
                _RUNNING.search(sentence.text) and _HAS_DONE.search(sentence.text)) or (
                # a five-figure toll next to "war", "conflict" or "since" is the war's running total
                any((c.casualty.count or 0) >= 10000 for c in casualties) and bool(_TOLL_CONTEXT.search(sentence.text)))
            cas: list[Casualty] = []
            if etype == "ASSAULT":
                for c in casualties:
                    item = c.casualty
                    if claim.modality != "asserted" and item.claim is None:  # a figure's own giver stands
                        item.claim = claim
                    cas.append(item)
                if actor1 is not None and RESPONSIBILITY.search(sentence.text):
                    claim = Claim(by=actor1.text, source=actor1.actor.name or None, modality="claimed",
                                  evidence=Evidence(sentence.text, sentence.start, sentence.end))
            if _tells_own_act(doc, claim, mode_trigger if etype == "ASSAULT" else best):
                claim = replace(claim, modality="claimed")
            a1 = _actor(personal(doc, actor1)) if actor1 else None
            a2 = _actor(personal(doc, actor2, target=True)) if actor2 else None
            if etype == "ASSAULT" and mode_trigger.mode == "explosives" and mode_trigger.text.lower().startswith("bomb") and (
                _AIRCRAFT.search(sentence.text) or (a1 is not None and a1.kind in ("state military", "coalition"))
            ):
                mode_trigger = _as_aerial(mode_trigger)  # "regime bombs", "bombs dropped from a helicopter"
            if etype == "ASSAULT" and mode_trigger.mode is None and a1 is not None and a1.label and _AIRCRAFT.search(a1.label):
                mode_trigger = _as_aerial(mode_trigger)  # "Syrian Air Force targets ...", "coalition jets hit ..."
            if etype == "ASSAULT" and a1 is None and _RETALIATION.search(sentence.text) and claim.source:
                src = dictionary.by_name(claim.source)
                mil = dictionary.military_of(src.id) if src else None
                if mil:
                    a1 = Actor(mil.name, mil.kind, mil.country, None, mil.id, None)
            if etype == "ASSAULT" and a1 is not None and a1.kind == "civilians":
                # "A child killed, 7 people injured in terrorist attacks": civilians are the ones violence
                # befalls, never its author (ACLED codes a violent crowd as rioters)
                a1, a2 = None, a2 or a1
            if a2 is None and etype == "ASSAULT":
                a2 = _victim_actor(cas, dictionary)
            if etype == "ASSAULT":
                acled = _acled_for(mode_trigger, a1, a2, group, doc.text)
            elif etype != best.type:  # a future or demanded act: see _modal_type
                (acled_type, acled_sub), cameo = _REFRAMED[etype]
                acled = {"event_type": acled_type, "sub_event_type": acled_sub}
            else:
                acled = {"event_type": best.acled[0], "sub_event_type": best.acled[1]}
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
                acled=acled, cameo=best.cameo if etype == best.type else _REFRAMED[etype][1], actor1=a1, actor2=a2,
                location=place.place if place else None, date=when, casualties=cas, claim=claim,
                evidence=Evidence(sentence.text, sentence.start, sentence.end),
                confidence=round(min(1.0, confidence), 3), trigger=mode_trigger.text if etype == "ASSAULT" else best.text,
                sentences=[sentence.index], historical=historical, denials=denials,
            ))
            anchors[id(mentions[-1])] = (best if etype != "ASSAULT" else mode_trigger).start
            if _told_day(doc, sentence, when, mode_trigger):
                told.add(id(mentions[-1]))
    mentions = [m for m in mentions if _happened(doc, m, anchors)]
    _repeated_history(mentions)
    mentions = _one_per_sentence(doc, mentions, anchors)
    mentions = _drop_named_again(doc, mentions, anchors)
    mentions = _fold_denials(doc, mentions, anchors)
    doc.mentions = merge_mentions(doc, mentions, told)
    _fill_defaults(doc)
    _weigh(doc, anchors)
    for m in doc.mentions:  # after weighing: a period the text states is still evidence of the act
        if not m.historical and _borrowed_period(doc, m):
            m.date = When(doc.article.published, "day", "", None, basis="published")
    for m in doc.mentions:  # after weighing: the place an attack hit tells whom it hit, not that it happened
        if m.type == "ASSAULT" and not m.historical and (m.actor2 is None or m.actor2.kind == "civilians") \
                and (struck := _struck_force(doc, m)) is not None:
            m.actor2 = struck
    _headline_acts(doc)
    for m in doc.mentions:  # after weighing: parties read from the setting are no evidence the protest happened
        if m.type == "PROTEST" and not m.historical:
            m.actor2 = _protest_target(doc, m)
            if m.actor1 is None or m.actor1.kind == "unknown" and not m.actor1.name:  # "Thousands gathered ..."
                m.actor1 = _unnamed_protesters(doc, m)
    return doc


_FAMILY = {"ASSAULT": "violent", "COERCE": "violent", "PROTEST": "protest"}


def _headline_acts(doc: Doc) -> None:
    """The headline's own act when no record of the body tells an act of its kind: a headline states
    the article's main event ("Critical reporting lands 3 journalists in jail"), and a body that
    only comments on it, or tells it in words no rule reads as an act, should not lose it."""
    title = doc.extra.get("title")
    if title is None or not title.sentences or title.extra.get("headline_of") is not None:
        return
    title.extra["headline_of"] = doc.article.id or True
    build_mentions(title)
    told = {_FAMILY.get(m.type, "verbal") for m in doc.mentions if not m.historical}
    heads = []
    for m in title.mentions:
        if m.historical or _FAMILY.get(m.type, "verbal") in told:
            continue
        for ev in (m.evidence, m.claim.evidence, *(c.evidence for c in m.casualties)):
            if ev is not None:
                ev.field = "title"
        m.sentences = [0]  # told with the lead
        m.location = None if m.location is not None and m.location.precision == "country" else m.location
        heads.append(m)
    if heads:
        # where the headline's act happened: the article's place as the body tells it
        body, doc.mentions = doc.mentions, heads
        fill_places(doc)
        doc.mentions = heads + body


SALIENCE_MIN_SENTENCES = 3
FALLBACK_SHARE = 0.75  # how likely, against the bar, an article's likeliest candidate must be to stand alone


def _weigh(doc: Doc, anchors: dict[int, int]) -> None:
    """Keep the candidates the salience model judges to be recordable events (its probability is
    kept on each record as ``salience``). Historical records are kept as such (never scored)."""
    candidates = [(m, salience.features(doc, m, anchors.get(id(m)))) for m in doc.mentions]
    doc.extra["candidates"] = candidates
    # a text of a sentence or two is coded as given (a sentence to code, a headline); the model
    # chooses among the candidates of an article
    if doc.extra.get("keep_all") or len(doc.sentences) < SALIENCE_MIN_SENTENCES:
        return
    cut = salience.threshold()
    kept = []
    for m, feats in candidates:
        p = salience.score(feats)
        m.salience = round(p, 3)
        if m.historical or p >= cut:
            kept.append(m)
    current = [m for m, _f in candidates if not m.historical]
    if current and all(m.historical for m in kept):
        # a report is written about something that happened: its likeliest candidate stands when it
        # is nearly as likely as the bar (FALLBACK_SHARE), rather than an article with no event at all
        best = max(current, key=lambda m: m.salience or 0.0)
        if (best.salience or 0.0) >= cut * FALLBACK_SHARE:
            kept.append(best)
            kept.sort(key=lambda m: m.sentences[0])
    doc.mentions = kept


# A reaction to an incident (condemning, accusing, blaming) is an attribute of it; a demand,
# threat, offer, agreement, meeting or rejection between two actors is an act of its own
# (PROTOCOL conventions), so it keeps its sentence when it governs the violent words.
_OWN_ACTS = {"REQUEST", "THREATEN", "AGREE", "CONSULT", "REJECT", "SUPPORT", "AID", "COOPERATE", "SANCTION",
             "CONCEDE", "RETREAT", "MOBILIZE"}
_TYPE_RANK = {"ASSAULT": 0, "COERCE": 1, "PROTEST": 2}
_CONTRAST_MARKS = frozenset(lexicon.contrast_marks())
_CONCESSIVE = frozenset(lexicon.concessive_marks())
_LIGHT_NOUNS = frozenset(lexicon.light_nouns())
_UNNAMED = frozenset(lexicon.unnamed_quantifiers())
_PROBES = frozenset(lexicon.probe_nouns())
_CANCELLING = frozenset(lexicon.cancelling_verbs())
_PROCEDURAL = frozenset(lexicon.procedural_requests())
_FILING = frozenset(lexicon.filing_verbs())
_COURTS = frozenset(lexicon.court_nouns())
_STANDING = re.compile(r"\b(?:" + lexicon.alternation(lexicon.standing_phrases()) + r")\b", re.I)


def _court_step(token) -> bool:  # noqa: ANN001 - a spaCy token
    """A request that is a step of a court case: a procedural ruling asked for, or a filing to a court."""
    p = predicate(token)
    if any(c.dep_ == "dobj" and c.lower_ in _PROCEDURAL for c in p.children):
        return True  # "the defence requested a postponement of the case"
    if p.lower_ not in _FILING:
        return False
    return any(c.dep_ == "dobj" and c.lower_ in _COURTS
               or c.dep_ == "prep" and c.lower_ in ("to", "before")
               and any(g.dep_ == "pobj" and g.lower_ in _COURTS for g in c.children) for c in p.children)


def _trigger_token(doc: Doc, m: EventMention, anchors: dict[int, int]):  # noqa: ANN202
    at = anchors.get(id(m))
    return None if at is None else token_at(doc, m.sentences[0], at)


# acts that are themselves a statement of intent: a threat or a demand is an event (PROTOCOL)
_INTENT_ACTS = {"THREATEN", "REQUEST", "AGREE", "REJECT", "CONCEDE"}
_RELEASED_THINGS = {"statement", "statements", "report", "reports", "video", "videos", "footage", "list", "figures",
                    "data", "photos", "pictures", "images", "details", "names", "album", "film", "documents",
                    "findings", "results", "funds", "version", "communique", "recording", "audio", "book"}


def _dated_by_year(doc: Doc, token) -> bool:  # noqa: ANN001 - a spaCy token
    """An act noun with a past year of its own before it ("in the 2012 murder of")."""
    published = doc.article.published
    if token.pos_ != "NOUN" or not published:
        return False
    return any(c.i < token.i and re.fullmatch(r"(?:19|20)\d\d", c.text) and int(c.text) < int(published[:4])
               for c in token.children)


_MANNER_ACTS = {"COOPERATE", "SUPPORT", "AID", "AGREE", "CONSULT"}
_PRACTICE_HEADS = {"prevention", "prohibition", "eradication", "elimination", "abolition", "convention", "fight",
                   "campaign", "struggle", "law", "laws", "pattern", "culture", "practice", "policy", "history",
                   "crime", "crimes", "definition"}
_MANNER_PREPS = {"in", "with", "under", "through"}


def _trigger_at(doc: Doc, offset: int, types: tuple[str, ...] | None = None) -> Trigger | None:
    """A trigger word (of one of ``types``) covering character ``offset`` of the document, if any."""
    return next((t for t in doc.triggers if t.start <= offset < t.end and (types is None or t.type in types)), None)


def _happened(doc: Doc, m: EventMention, anchors: dict[int, int]) -> bool:
    """Record only what happened: not negated, hypothetical, planned, wished for or habitual."""
    token = _trigger_token(doc, m, anchors)
    if token is None:
        return True
    if m.type == "CONCEDE" and any(c.dep_ == "dobj" and c.lower_ in _RELEASED_THINGS for c in predicate(token).children):
        return False  # "released a statement": a publication, not a captive set free
    if token.dep_ == "amod" and (token.tag_ == "VBN" or token.lower_.endswith("ed")) and not m.casualties \
            and m.type not in ("REQUEST", "THREATEN", "AGREE", "REJECT"):  # a demand to free "the detained" is one
        return False  # "the freed AVM", "the arrested activists": a participle naming people, not an act
    # (an arrest noun naming a thing, "arrest warrants", unless that thing is where the sentence puts
    # someone: "held in a detention centre")
    if (m.type in _OWN_ACTS or m.type == "COERCE" and not m.casualties and token.head.dep_ != "pobj") \
            and token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.pos_ == "NOUN" \
            and token.head.text[:1].islower() and token.head.lower_ not in _LIGHT_NOUNS \
            and _trigger_at(doc, doc.sentences[m.sentences[0]].start + token.head.idx) is None:
        return False  # "the deployment ban", "a support group": the act's noun names a kind of another thing
    if m.type in ("ASSAULT", "COERCE") and not m.casualties and token.dep_ == "pobj" \
            and token.head.lower_ in ("of", "against") and token.head.head.lower_ in _PRACTICE_HEADS:
        return False  # "the prevention of torture", "a pattern of abductions": the practice, not one act
    if m.type == "COERCE" and predicate(token).lower_ in ("remain", "remains", "remained", "remaining"):
        return False  # "remained on trial", "remains in detention": a state that goes on, not an act
    if m.type in _MANNER_ACTS and ((token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in _MANNER_PREPS)
                                   or (token.dep_ == "prep" and token.lower_ in _MANNER_PREPS)):
        return False  # "forces in cooperation with", "with the support of", "under an agreement": how, not an act
    if m.type not in _TYPE_RANK and any(c.dep_ == "nsubj" and (c.lower_ in _UNNAMED or any(
            d.dep_ in ("det", "amod") and d.lower_ in _UNNAMED for d in c.children)) for c in predicate(token).children):
        return False  # "some activists have called on ...", "others asked for water": no identifiable actor
    if m.type == "CONSULT" and token.pos_ == "NOUN" and (token.dep_ == "dobj" or token.dep_ == "compound"
                                                         and token.head.dep_ == "dobj") \
            and predicate(token).lower_ in _CANCELLING:
        return False  # "cancelled the meeting", "disconnected a phone call": the meeting did not take place
    if m.type == "REQUEST" and _court_step(token):
        return False  # "requested a postponement", "appealed to the European Court": a step of the case
    if m.type == "ACCUSE" and (m.trigger or "x").lower().split()[-1] in _PROBES:
        sentence = doc.sentences[m.sentences[0]]
        if any(t.type in ("ASSAULT", "COERCE") and t.start > anchors[id(m)] for t in doc.in_sentence(doc.triggers, sentence)):
            return False  # "opened an investigation to determine whether its strikes killed civilians": the strikes' attribute
    p = predicate(token)
    if m.type not in _TYPE_RANK and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in p.children):
        start, end = subtree_span(p)
        if _STANDING.search(doc.sentences[m.sentences[0]].text[start:end]):
            return False  # "has opposed the agreement from the very beginning": a standing position, not an act
    if m.type in _INTENT_ACTS:
        return True
    if _dated_by_year(doc, token):
        m.historical = True  # "the 2012 murder", "the 2014 abduction": an act of that year, named again
        return True
    if m.type in ("ASSAULT", "PROTEST") and charged(token) and not (
            m.date is not None and m.date.basis == "text" and m.date.evidence is not None
            and m.date.evidence.start > anchors.get(id(m), 0) and not m.historical):
        # the crime a person is charged with, told as the charge and not dated as recent news, is
        # kept as history ("a Serb ex-policeman accused of taking part in the killing of 51 civilians");
        # a day of its own told after it ("charged with kidnapping a woman on Sunday") makes it news
        m.historical = True
        return True
    mood = realis(token)
    if mood == "actual":
        return True
    # a toll reported in the sentence is an occurrence whatever the wording around it
    return bool(m.casualties) and mood in ("irrealis", "habitual")


_REPORT_NOUNS = {"reports", "report", "allegations", "allegation", "claims", "claim", "accusations", "accusation"}
# "denied the governor's involvement": a part in the incident, denied for its doer
_PART_NOUNS = {"involvement", "role", "responsibility", "complicity"}


def _fold_denials(doc: Doc, mentions: list[EventMention], anchors: dict[int, int]) -> list[EventMention]:
    """"The ministry denied the reports", "the government has denied those allegations" after an
    attack is told: a denial of that incident is its attribute (PROTOCOL), not an event of its own.
    A rejection of someone's words ("rejected the minister's accusations") stays an event."""
    out: list[EventMention] = []
    for m in mentions:
        token = _trigger_token(doc, m, anchors) if m.type == "REJECT" and m.actor1 is not None else None
        if token is not None:
            # the incident or the accusation told last: "has denied the accusation" after "X accused Y"
            target = next((p for p in reversed(out) if p.type in ("ASSAULT", "COERCE", "ACCUSE") and not p.historical), None)
            objects = [c for c in predicate(token).children if c.dep_ == "dobj" and c.lower_ in _REPORT_NOUNS | _PART_NOUNS]
            # "denied the reports", "denied the governor's involvement": what was told of the incident
            if target is not None and objects and any(c.dep_ == "det" and c.lower_ in ("the", "those", "these", "such")
                                                      or c.dep_ == "poss" and objects[0].lower_ in _PART_NOUNS
                                                      for c in objects[0].children):
                target.denials.append(Claim(by=m.actor1.label, source=m.actor1.name, modality="denied",
                                            evidence=m.evidence))
                continue
        out.append(m)
    return out


def _drop_named_again(doc: Doc, mentions: list[EventMention], anchors: dict[int, int]) -> list[EventMention]:
    """"The unjust arrest today reveals ...", "The protest drew thousands": an arrest, protest or
    statement named again with "the" as the subject of what it caused or showed, after a record of
    its kind, is that record's act, not a new one (attacks named again are merged instead)."""
    out: list[EventMention] = []
    for m in mentions:
        token = _trigger_token(doc, m, anchors)
        if m.type != "ASSAULT" and token is not None and not m.casualties and token.dep_ in ("nsubj", "nsubjpass") \
                and _definite(doc, m, anchors) \
                and any(p.type == m.type and not p.historical for p in out):
            continue
        out.append(m)
    return out


def _possessed(doc: Doc, m: EventMention, anchors: dict[int, int]) -> bool:
    """A noun trigger with a possessor ("Keita's detention", "their arrest")."""
    token = _trigger_token(doc, m, anchors)
    return token is not None and token.pos_ == "NOUN" and any(c.dep_ == "poss" for c in token.children)


def _definite(doc: Doc, m: EventMention, anchors: dict[int, int]) -> bool:
    """A noun trigger with "the"/"this"/"that" ("covering the protest"): the act named again."""
    token = _trigger_token(doc, m, anchors)
    return token is not None and token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children)


def _convener(doc: Doc, sentence: Sentence, token, claim_spans: list[tuple[int, int]]) -> ActorMatch | None:  # noqa: ANN001
    """The agent of a participle describing a noun trigger ("a meeting called by X", "talks requested by X")."""
    noun = token.head if token.dep_ == "compound" else token
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            for agent in acl.children:
                if agent.dep_ == "agent":
                    obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return _argument_actor(doc, sentence, obj, claim_spans, True)
    return None


def _contrast_clause(p, governor) -> bool:  # noqa: ANN001 - spaCy tokens
    """Whether predicate ``p`` heads a "while"/"whereas" clause with its own subject, outside ``governor``'s
    clause (wherever the parser hangs it: on that clause or on a speech verb above both)."""
    return (p.dep_ == "advcl" and p.i != governor.i and p.pos_ in ("VERB", "AUX")
            and not any(a.i == p.i for a in governor.ancestors)
            and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in p.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in p.children))


def _one_per_sentence(doc: Doc, mentions: list[EventMention], anchors: dict[int, int]) -> list[EventMention]:
    """One event per sentence: a sentence reports one occurrence; the other trigger words in it
    describe that occurrence ("condemned the strike", "called for an end to the shelling").
    The governing event is the one whose predicate stands highest in the parse; a reaction
    (condemning, accusing) yields to the violence it reacts to when that has a toll."""
    by_sentence: dict[int, list[EventMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentences[0], []).append(m)

    def acted(m: EventMention) -> bool:  # not a participle describing someone ("jailed mother")
        token = _trigger_token(doc, m, anchors)
        return token is not None and token.dep_ != "amod"

    def named_by(m: EventMention) -> bool:  # people named by what was done to them ("17 abducted members")
        token = _trigger_token(doc, m, anchors)
        return token is not None and token.dep_ == "amod" and (token.tag_ == "VBN" or token.lower_.endswith("ed"))

    kept: list[EventMention] = []
    for group in by_sentence.values():
        if len(group) == 1:
            kept.append(group[0])
            continue

        reaction = any(m.type == "ACCUSE" for m in group)

        def height(m: EventMention, reaction: bool = reaction) -> int:
            token = _trigger_token(doc, m, anchors)
            if token is None:
                return 9
            # "the abducted missionaries have been freed": a participle describing a noun is not the act
            # "As word of Keita's detention spread, thousands filled the streets": an act named by whose
            # it was is one told before, below the act the sentence tells (a reaction to it stays its attribute)
            named_again = token.pos_ == "NOUN" and not m.casualties and not reaction \
                and any(c.dep_ == "poss" for c in token.children)
            return depth(predicate(token)) + (token.dep_ == "amod" and token.tag_ == "VBN") + named_again

        tolled = [m for m in group if m.type in _TYPE_RANK and m.casualties and not named_by(m)]
        best = min(group, key=lambda m: (height(m), _TYPE_RANK.get(m.type, 3), -m.confidence))
        if tolled and best.type not in _TYPE_RANK and best.type not in _OWN_ACTS:
            best = tolled[0]
        if best.type == "REQUEST" and (best.trigger or "").lower().startswith("order"):
            # "ordered the arrest of", "ordered the bishop to appear for questioning": the order is the coercion
            best = next((m for m in group if m.type == "COERCE"), best)
        kept.append(best)
        # "police arrested 14 protesters who marched in Lagos": the protest and its policing are
        # two events of one sentence
        pair = {"PROTEST": ("COERCE",), "COERCE": ("PROTEST",)}.get(best.type, ())
        # "As word of Keita's detention spread, thousands filled the streets": an act named by whose it
        # was is one told before, not a second act of this sentence
        partner = next((m for m in group if m.type in pair and acted(m) and not _definite(doc, m, anchors)
                        and not _possessed(doc, m, anchors)), None)
        if partner is not None:
            kept.append(partner)
        # "accused Iran of cruel games, and called on the UK Government to ...": two acts, each its verb
        best_token = _trigger_token(doc, best, anchors)
        joined = next((m for m in group if m is not best and m is not partner and m.type != best.type
                       and m.type in _OWN_ACTS | {"ACCUSE"} and (t := _trigger_token(doc, m, anchors)) is not None
                       and best_token is not None and t.pos_ == "VERB" and t.dep_ == "conj"
                       and t.head.i == predicate(best_token).i), None)
        if joined is None and best_token is not None:
            # "warships headed to the coast, while Putin and Erdogan spoke on the phone": a clause
            # of contrast with a subject of its own tells a second act, done by someone else
            joined = next((m for m in group if m is not best and m is not partner and m.type != best.type
                           and m.type in _OWN_ACTS | {"ACCUSE"} and (t := _trigger_token(doc, m, anchors)) is not None
                           and (_contrast_clause(predicate(t), predicate(best_token))
                                or _contrast_clause(predicate(best_token), predicate(t)))), None)
        if joined is not None:
            kept.append(joined)
        if tolled and best not in tolled and partner not in tolled:
            # "backed Turkey after 33 soldiers were killed by air strikes": an act of its own and
            # the violence with a toll it answers are two events
            kept.append(tolled[0])
    kept.sort(key=lambda m: m.sentences[0])
    return kept


_ORG_AFTER = re.compile(r"^\s+(?:International|Party|Front|Movement|Council|Organi[sz]ation|Committee|Union|Forces|Brigades?|Group|Alliance|Watch)\b")
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|willing to|ready to|prepared to|plans? to|planning to|intends? to|is to|are to|going to|"
    r"expected to|agreed to|offered to|promised to|pledged to|vowed to)\s+(?:\w+\s+){0,3}$", re.I)
_CONDITION = re.compile(r"\bunless\b|\bif\b.{0,60}\b(?:not|fails?|refuses?)\b", re.I)
_REFRAMED = {"AGREE": (("Strategic developments", "Agreement"), "03"), "REQUEST": (("Strategic developments", "Other"), "02"),
             "THREATEN": (("Strategic developments", "Other"), "13"), "CONCEDE": (("Strategic developments", "Other"), "08")}


def _modal_type(doc: Doc, sentence: Sentence, trigger: Trigger) -> str:
    """PLOVER's reading of a non-violent act by its modality: what someone must do is a REQUEST;
    a future act under a condition, or announced coercion, is a THREAT; future cooperation (a
    meeting, aid, support), retreat or release is an AGREE-ment (PLOVER manual, AGREE; CAMEO2PLOVER 03x)."""
    before = doc.text[max(sentence.start, trigger.start - 45):trigger.start]
    if trigger.type in ("REQUEST", "REJECT", "ACCUSE", "THREATEN"):
        return trigger.type
    if _MUST_BEFORE.search(before):
        return "REQUEST"  # "must agree to changes", "must reach an agreement": a demand on another
    if trigger.type == "AGREE":
        return trigger.type
    if _FUTURE_BEFORE.search(before):
        if _CONDITION.search(sentence.text) or (trigger.type == "COERCE" and trigger.mode != "legal"):
            # "will extend the curfew", "would blockade the capital": coercion announced (a
            # prosecution announced is the legal act itself)
            return "THREATEN"
        # an intent to cooperate, give aid, yield, withdraw or release is an AGREE-ment (CAMEO 03x,
        # 035x: "express intent to yield / de-escalate / release")
        if trigger.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"):
            return "AGREE"
    return trigger.type


_VERBAL = re.compile(r"^\w+(?:ed|ew|ould)\b|\b(?:to|that|for|on)$|^(?:will|would|must|cannot|can't|won't)\b", re.I)


def _governing(doc: Doc, sentence: Sentence, triggers: list[Trigger]) -> Trigger | None:
    """The sentence's main verb among its triggers: the first verbal, non-violent trigger with a
    subject before it ("X rejected ...", "X demanded that ..."); triggers after it are its content."""
    for t in sorted(triggers, key=lambda t: t.start):
        if t.type == "ASSAULT" or not _VERBAL.search(t.text):
            continue
        head = doc.text[sentence.start:t.start]
        if head.strip() and len(head.split()) <= 12 and not re.search(r"[,;]\s*$", head):
            return t
        return None
    return None


def _as_aerial(trigger: Trigger) -> Trigger:
    """The same trigger read as an air strike: bombs from aircraft, an attacker that is an air force."""
    return Trigger(trigger.start, trigger.end, trigger.text, "ASSAULT", "aerial",
                   ("Explosions/Remote violence", "Air/drone strike"), "19", trigger.weight)


def _victim_actor(cas: list[Casualty], dictionary) -> Actor | None:  # noqa: ANN001
    for c in cas:
        if c.party:
            entry = dictionary.by_name(c.party)
            if entry:
                return Actor(entry.name, entry.kind, entry.country, c.who, entry.id, c.evidence)
    for c in cas:
        if c.category in ("civilians", "children", "women"):
            return Actor("Civilians", "civilians", None, c.who, "CIVILIANS", c.evidence)
    return None


# "the coalition fighting Daesh", "forces fighting the Islamic State": the verb with its foe, not a battle told
_FOE_AFTER = re.compile(r"^\s+(?:the\b|against\b|[A-Z])")


def _acled_for(trigger: Trigger, a1: Actor | None, a2: Actor | None, group: list[Trigger], text: str = "") -> dict[str, str]:
    event_type, sub = trigger.acled
    if trigger.mode in ("aerial", "heavy-weapons") and any(
            w in t.text.lower() and not _FOE_AFTER.match(text[t.end:t.end + 12])
            for t in group if t is not trigger for w in ("clash", "fighting", "battle")):
        # "fighting raged into Sunday with air strikes and artillery fire": the battle is the event and
        # the strikes its weapons (PROTOCOL: an offensive and its counter-fire are one armed clash)
        return {"event_type": "Battles", "sub_event_type": "Armed clash"}
    if trigger.mode in (None, "firearms"):
        phrases = " ".join(t.text.lower() for t in group)
        if any(w in phrases for w in ("kidnap", "abduct", "hostage")):
            return {"event_type": "Violence against civilians", "sub_event_type": "Abduction/forced disappearance"}
        if any(w in phrases for w in ("recaptured", "retook", "regained", "liberated", "restored")):
            return {"event_type": "Battles", "sub_event_type": "Government regains territory"}
        if any(w in phrases for w in ("seized control", "took control", "overran", "captured the")):
            if a1 is not None and a1.kind in ("state military", "government", "police"):
                # ACLED: territory taken by a state's forces is the government (re)gaining it
                return {"event_type": "Battles", "sub_event_type": "Government regains territory"}
            return {"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"}
        if a2 is not None and a2.kind == "civilians":
            return {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
        if a1 is not None and a2 is not None or "clash" in phrases or "fighting" in phrases or "battle" in phrases:
            return {"event_type": "Battles", "sub_event_type": "Armed clash"}
    if trigger.mode == "targeted" and a2 is not None and a2.kind not in ("civilians", None):
        return {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    return {"event_type": event_type, "sub_event_type": sub}


def _compatible(a: EventMention, b: EventMention, told: set[int] | None = None) -> bool:
    if a.type != b.type:
        return False
    if a.date and b.date and a.date.value[:len(b.date.value)] != b.date.value[:len(a.date.value)] and not _next_day(a, b) \
            and not (told and _told_fits(a, b, told)):
        return False
    if a.location and b.location and not places_compatible(a.location, b.location):
        return False
    same_toll = a.killed is not None and a.killed >= 2 and a.killed == b.killed
    if a.mode and b.mode and a.mode != b.mode and {a.mode, b.mode} != {"explosives", "suicide-attack"} \
            and not same_toll and not _consequence(a) and not _consequence(b) \
            and not _means_of_seizure(a, b):  # "chemical attack kills five" and "shells ... five died": one attack's two words
        return False
    if a.historical != b.historical:
        return False
    return True


# what any attack sets off ("the blasts", "explosions"): a word that names no kind of attack
_CONSEQUENCES = {"blast", "blasts", "explosion", "explosions"}


# "set up an ambush and intercepted the aid workers" after "the aid workers were kidnapped": how the
# abduction was done, not another attack (told after the abduction: a detail told before it has not
# yet been tied to it, and what follows joins the abduction)
_SEIZING_MEANS = frozenset(lexicon.seizing_means())


def _means_of_seizure(a: EventMention, b: EventMention) -> bool:
    return a.mode == "abduct" and (b.trigger or "").lower() in _SEIZING_MEANS


def _consequence(m: EventMention) -> bool:
    return (m.trigger or "").lower() in _CONSEQUENCES


def _next_day(a: EventMention, b: EventMention) -> bool:
    """One night's attack told on two days ("on Thursday night", the report's "Friday"): the same
    place by name, one day apart."""
    if a.type != "ASSAULT" or not (a.location and b.location and a.location.name == b.location.name):
        return False
    try:
        gap = abs((date.fromisoformat(a.date.value) - date.fromisoformat(b.date.value)).days)
    except (TypeError, ValueError):
        return False
    return gap == 1


def _descends(dictionary, actor_id: str, ancestor_id: str) -> bool:  # noqa: ANN001
    """Whether ``actor_id`` belongs to ``ancestor_id`` (Khattab al-Shishani -> armed opposition)."""
    seen = set()
    entry = dictionary.get(actor_id)
    while entry is not None and entry.id not in seen:
        if entry.parent == ancestor_id:
            return True
        seen.add(entry.id)
        entry = dictionary.get(entry.parent)
    return False


def _better_actor(current: Actor | None, new: Actor | None) -> Actor | None:
    if current is None:
        return new
    if new is None:
        return current
    dictionary = actor_dictionary()
    cur = dictionary.get(current.id)
    nxt = dictionary.get(new.id)
    # a specific group refines a generic label ("liberation forces" -> Khattab al-Shishani Brigades)
    if cur is not None and nxt is not None and cur.generic and not nxt.generic and _descends(dictionary, nxt.id, cur.id):
        return Actor(nxt.name, nxt.kind, nxt.country, current.label, nxt.id, current.evidence)
    return current


def _new_patient(text: str, m: EventMention, prev: EventMention) -> bool:
    """An arrest told of someone newly introduced ("a columnist for the paper was arrested"), on a
    day of its own, after an arrest of others told without one: a further arrest, not the first
    one told again (which names its people again: "the columnist", "they")."""
    if m.type != "COERCE" or not m.trigger or m.date is None or m.date.basis != "text" \
            or (prev.date is not None and prev.date.basis == "text"):
        return False
    return bool(re.search(r"(?:^|[,;]\s*|\b(?:and|but)\s+)(?:a|an)\s+(?:[\w\-']+\s+){1,5}(?:was|has been|had been)\s+(?:\w+ly\s+)?"
                          + re.escape(m.trigger) + r"\b", text, re.I))


_SEPARATE_BEFORE = re.compile(r"\bseparate\s+(?:[\w\-]+\s+)?$", re.I)


def _separate_act(doc: Doc, sentence: Sentence, etype: str) -> bool:
    """"The strikes came in addition to separate raids by the coalition": besides the act named
    again, the sentence tells another of its kind."""
    return any(t.type == etype and _SEPARATE_BEFORE.search(doc.text[max(sentence.start, t.start - 30):t.start])
               for t in doc.in_sentence(doc.triggers, sentence))


def merge_mentions(doc: Doc, mentions: list[EventMention], told: set[int] | None = None) -> list[EventMention]:
    told = told if told is not None else set()
    merged: list[EventMention] = []
    sentence_para = {s.index: s.paragraph for s in doc.sentences}
    for m in mentions:
        sentence = doc.sentences[m.sentences[0]]
        anaphoric = bool(_ANAPHORA.search(sentence.text)) and not _turns(sentence.text)
        another = _further(sentence.text)
        if m.type == "ASSAULT" and _separate_act(doc, sentence, m.type):
            another, anaphoric = True, False
        target = None
        for prev in reversed(merged):
            if prev.type != m.type:
                continue
            if m.date is not None and prev.date is not None and m.date.value == prev.date.value \
                    and SAME_DAY.fullmatch(m.date.text):
                m.historical = prev.historical  # "arrested the same day": as current as the day it names
            if _is_headline(doc, prev.sentences[0]) and len(prev.sentences) == 1 and (
                    _compatible(prev, m, told) or (m.sentences[0] - prev.sentences[0] <= 2 and _headline_fits(prev, m))):
                target = prev  # the headline announces the event the lead tells
                break
            distance = m.sentences[0] - prev.sentences[-1]
            near = distance <= 2 and sentence_para.get(prev.sentences[-1]) == sentence_para.get(m.sentences[0])
            if (_RETALIATION.search(sentence.text) or another) and not anaphoric:
                break  # a response, or a further incident, is another event
            if _new_patient(sentence.text, m, prev) and not anaphoric:
                break  # "Five executives were arrested. On Wednesday, a columnist was arrested": another arrest
            if (anaphoric or near or (m.type == "ASSAULT" and distance <= 3)) and _compatible(prev, m, told):
                target = prev
                break
            if not anaphoric and not (m.type == "ASSAULT" and distance <= 3):
                break
        if target is None:
            merged.append(m)
            continue
        if _told_fits(target, m, told) and id(target) in told:
            target.date = m.date  # the act's own day, not the day it was told
            told.discard(id(target))
        _absorb(target, m, headline=_is_headline(doc, target.sentences[0]))
    return _merge_across(doc, merged, told)


def _same_incident(a: EventMention, b: EventMention, told: set[int] | None = None) -> bool:
    """Two records of one article telling the same incident further apart than a paragraph:
    same act, and nothing stated that tells them apart (day, place, kind of attack); a day that dates
    only the telling ("on Sunday a monitor said ...") does not tell it apart from the act's own day."""
    if not _compatible(a, b, told):
        return False
    stated = [x.date for x in (a, b) if x.date is not None and x.date.basis == "text"]
    if len(stated) == 2 and stated[0].value != stated[1].value and not (told and _told_fits(a, b, told)):
        return False
    ka, kb = a.killed, b.killed
    if len(stated) == 1 and a.type in _UNDATED_NEEDS_TIE and not _tied(a, b):
        return False

    if ka is not None and kb is not None and ka != kb and not any(c.subset for c in a.casualties + b.casualties) \
            and not _other_source(a, b) and not _ADDED_TOLL.search(b.evidence.text):
        return False  # two tolls: two incidents (a later total names the same one in the nearby merge)
    if (a.location is None) != (b.location is None):
        # one telling places it, the other not: the same kind of attack or the same toll ties them
        return bool(a.mode and a.mode == b.mode) or (ka is not None and ka == kb)
    if a.location is not None and b.location is not None:
        la, lb = a.location, b.location
        if (la.country and lb.country and la.country != lb.country) or (la.admin1 and lb.admin1 and la.admin1 != lb.admin1):
            return False
        if la.precision not in ("admin1", "country", "region") and lb.precision not in ("admin1", "country", "region") \
                and la.name != lb.name and not (finer(la, lb) or finer(lb, la)):  # "Idlib" may mean its province
            return False
    return True


# "The fighting has also killed 30 soldiers": a toll added to an act already told, not another incident
_ADDED_TOLL = re.compile(r"\balso\s+(?:(?:has|have|had|was|were|been)\s+)*(?:killed|died|left\s+\d+\s+dead)\b", re.I)


# "They had also arrested his parents" paragraphs after "authorities detained two students today": a
# telling far from another that states a day, stating none itself, is the same arrest or protest
# only when something ties them (who it was done to, the place, the toll)
_UNDATED_NEEDS_TIE = {"COERCE", "PROTEST"}
_TIE_REACH = 3  # sentences: closer tellings are the lead and its details


def _tied(a: EventMention, b: EventMention) -> bool:
    if b.sentences[0] - a.sentences[-1] <= _TIE_REACH:
        return True
    if a.actor2 is not None and b.actor2 is not None and a.actor2.id is not None and a.actor2.id == b.actor2.id:
        return True
    # the patient named again ("Pashteen's arrest"): a capitalised word of one's patient in the other's sentence
    for x, y in ((a, b), (b, a)):
        if x.actor2 is not None and any(len(w) > 3 and w[0].isupper() and re.search(rf"\b{re.escape(w)}\b", y.evidence.text)
                                        for w in re.findall(r"[\w'’\-]+", f"{x.actor2.name} {x.actor2.label or ''}")):
            return True
    if a.location is not None and b.location is not None and a.location.name == b.location.name:
        return True
    return a.killed is not None and a.killed == b.killed


def _other_source(a: EventMention, b: EventMention) -> bool:
    """Two figures from two named sources ("the Observatory said 11 ... state media said four"):
    sources disagreeing about one incident, which the same place and kind of attack then tie."""
    ca, cb = a.claim, b.claim
    if ca.modality not in ("reported", "claimed") or cb.modality not in ("reported", "claimed"):
        return False
    if (ca.source or ca.by) == (cb.source or cb.by):
        return False
    return bool(a.location and b.location and a.location.name == b.location.name) or bool(a.mode and a.mode == b.mode)


def _merge_across(doc: Doc, records: list[EventMention], told: set[int] | None = None) -> list[EventMention]:
    """Later mentions of an incident told earlier in the article join it (violence and coercion:
    a statement's later paraphrase is left to the nearby merge)."""
    out: list[EventMention] = []
    for m in records:
        target = None
        if m.type in ("ASSAULT", "COERCE", "PROTEST") and not m.historical and not _further(doc.sentences[m.sentences[0]].text) \
                and not (m.type == "ASSAULT" and _separate_act(doc, doc.sentences[m.sentences[0]], m.type)):
            target = next((prev for prev in out if prev.type == m.type and _same_incident(prev, m, told)
                           and not _new_patient(doc.sentences[m.sentences[0]].text, m, prev)), None)
        elif m.type not in _TYPE_RANK and not m.historical:
            target = next((prev for prev in out if _same_statement(prev, m)), None)
        if target is None:
            out.append(m)
        else:
            _absorb(target, m, headline=_is_headline(doc, target.sentences[0]))
    return out


def _same_statement(a: EventMention, b: EventMention) -> bool:
    """Two records of one article of the same demand, threat, accusation or other statement by the same
    named actor on the same day, or both with no day of their own ("the party has called for their
    release", "the party is demanding a reversal"): one statement told twice, not two."""
    return a.type == b.type and not a.historical and a.actor1 is not None and b.actor1 is not None \
        and a.actor1.kind != "unknown" and bool(a.actor1.name) \
        and (a.actor1.name == b.actor1.name or _speaks_for(a.actor1, b.actor1) or _speaks_for(b.actor1, a.actor1)) \
        and (a.date is None and b.date is None or a.date is not None and b.date is not None
             and a.date.value == b.date.value and a.date.precision == b.date.precision == "day")


_SPOKESPERSON = re.compile(r"(.*?)(?:['’]s)?\s+(?:" + "|".join(re.escape(r) for r in lexicon.speaking_roles()) + r")\b", re.I)


def _speaks_for(speaker: Actor, body: Actor) -> bool:
    """A spokesperson of the body ("China's foreign ministry spokesman X", "the ministry's spokesman X")
    after the body itself ("the foreign ministry rejected ..."): the body's word names it."""
    if body.kind in ("civilians", "unknown") or not speaker.label:
        return False
    said = _SPOKESPERSON.match(speaker.label)
    words = said.group(1).lower().split() if said else []
    return bool(words) and len(words[-1]) > 3 and words[-1] in f"{body.name} {body.label or ''}".lower().split()


def _headline_fits(headline: EventMention, lead: EventMention) -> bool:
    """A headline and the lead right after it: one event unless their tolls or places differ (a
    headline's day is often the dateline's, its kind of attack a looser word)."""
    if headline.historical != lead.historical:
        return False
    kh, kl = headline.killed, lead.killed
    if kh is not None and kl is not None and kh != kl:
        return False
    lh, ll = headline.location, lead.location
    return not (lh and ll and lh.admin1 and ll.admin1 and lh.admin1 != ll.admin1)


def _is_headline(doc: Doc, index: int) -> bool:
    sentence = doc.sentences[index]
    title = (doc.article.title or "").strip().lower()
    if title and (sentence.text.strip().lower().startswith(title[:40]) or title.startswith(sentence.text.strip().lower()[:40])):
        return True
    return sentence.paragraph == 0 and index == 0 and len(sentence.text.split()) <= 20 and not sentence.text.rstrip().endswith(".")


def _other_giver(target: EventMention, c: Casualty) -> bool:
    """Whether figure ``c`` is given by a named source that gives none of ``target``'s figures of
    its kind ("the Observatory counted 24 dead" after the report's own 100): a position of its own."""
    source = (c.claim.source or c.claim.by) if c.claim and c.count is not None else None
    if not source or c.category not in ("unknown", "civilians"):
        return False  # (a second source's count of women, children or fighters stays a later sentence's)
    given = {((old.claim.source or old.claim.by) if old.claim else target.claim.source
              if target.claim.modality != "asserted" else None)
             for old in target.casualties if old.kind == c.kind and not old.subset and old.count is not None}
    return source not in given


def _borrowed_period(doc: Doc, m: EventMention) -> bool:
    """A record whose only date is a period ("last week", "earlier this month") read in another
    sentence it took in, when that period holds the publication day: the act told as the day's news
    is better dated by that day (assumed) than by a vaguer span another sentence gave to its own act."""
    when, published = m.date, doc.article.published
    if when is None or when.basis != "text" or when.precision not in ("month", "year") or when.evidence is None \
            or not published or not published.startswith(when.value):
        return False
    return not (m.evidence.start <= when.evidence.start < m.evidence.end)


CLAIM_REACH = 5  # sentences: a source named further on speaks to a detail, not to the incident itself
# "Witnesses said the blast took place near a checkpoint", "local sources told the agency": an unnamed
# eyewitness or local adds a detail to an incident the outlet told as fact; it does not make it reported
# (media and organisations, even unnamed, are sources that report)
_LOCAL_VOICE = re.compile(r"\b(?:witness(?:es)?|eyewitness(?:es)?|residents?|locals|local (?:sources?|people|man|woman))\b", re.I)


def _absorb(target: EventMention, m: EventMention, headline: bool = False) -> None:
    # where the incident is first told in the body (the headline stands apart, above it)
    told_at = target.sentences[1] if headline and len(target.sentences) > 1 else target.sentences[0]
    if headline and len(target.sentences) == 1:
        # the lead tells more than the headline: its sentence and roles win
        target.evidence = m.evidence
        target.actor1 = _better_actor(m.actor1, target.actor1) if m.actor1 else target.actor1
        target.actor2 = m.actor2 or target.actor2
    elif target.type == "COERCE" and target.actor1 is None and m.actor1 is not None \
            and (target.date is None or target.date.basis != "text") and m.date is not None and m.date.basis == "text":
        # "Journalists X and Y arrested for their reporting", then "On December 26, police arrested X":
        # the telling that states who arrested and on what day is the arrest's evidence (an attack's
        # first telling keeps it: it carries the toll)
        target.evidence = m.evidence
    target.sentences.extend(i for i in m.sentences if i not in target.sentences)
    if _mode_rank(m.mode) < _mode_rank(target.mode):
        target.mode, target.acled, target.trigger = m.mode, m.acled, m.trigger
    target.actor1 = _better_actor(target.actor1, m.actor1)
    if target.type == "ASSAULT" and _unspecified(target.actor2) and (side := _side_counted(m)) is not None \
            and (target.actor1 is None or side.id != target.actor1.id):
        # "17 people were killed ... the attack killed 27 pro-government fighters": "people" names no
        # side; the incident's further telling counting a side's dead names the side that was hit
        target.actor2 = side
    target.actor2 = _better_actor(target.actor2, m.actor2)
    target.location = merged_place(target.location, m.location)
    if target.date is None or (target.date.basis == "published" and m.date is not None and m.date.basis == "text"):
        target.date = m.date
    # "82 people including 58 civilians" after a lead's "killed 58 civilians": a total of people not said
    # to be who, holding the lead's figure as its part, leaves the lead's figure standing ("15 civilians
    # including three children" after a headline's "3 children" says who the total were: it leads)
    parts = {(c.kind, c.count) for c in m.casualties if c.subset and c.count is not None
             and any(old.kind == c.kind and old.count == c.count for old in target.casualties)}
    for c in m.casualties:
        if any(_same_figure(c, old) for old in target.casualties):
            continue
        if not c.subset and c.count is not None and c.category == "unknown" and any(k == c.kind and n < c.count for k, n in parts):
            continue
        if not c.subset and any(old.kind == c.kind and not old.subset and old.count is not None
                                and (old.party == c.party or not old.party or not c.party) for old in target.casualties) \
                and not _other_giver(target, c):
            continue  # the first telling's toll stands (the lead's); later figures are totals or parts
        vague = next((i for i, old in enumerate(target.casualties) if old.kind == c.kind and not old.subset
                      and old.count is None), None)
        if vague is not None and c.count is not None and not c.subset:
            target.casualties.insert(vague, c)  # "killed dozens" then "killed 58": the figure leads
            continue
        target.casualties.append(c)
    # the incident's source: a later sentence naming who reports it ("..., the Observatory said")
    if target.claim.modality == "asserted" and m.claim.modality in ("reported", "claimed") \
            and m.sentences[0] - told_at <= CLAIM_REACH \
            and not (m.claim.source is None and _LOCAL_VOICE.search(m.claim.by or "")):
        target.claim = m.claim
    elif m.claim.modality == "claimed" and target.claim.modality == "reported" and target.actor1 is not None \
            and m.claim.source == target.actor1.name and m.sentences[0] - told_at <= CLAIM_REACH:
        target.claim = m.claim  # the perpetrator's own claim of the act over a report of its outcome
    target.denials.extend(m.denials)
    target.confidence = round(min(1.0, max(target.confidence, m.confidence) + 0.05), 3)


_UNSPECIFIED_PEOPLE = frozenset(lexicon.unspecified_people())


def _side_counted(m: EventMention) -> Actor | None:
    """The armed side whose dead or hurt a telling counts ("27 pro-government fighters")."""
    dictionary = actor_dictionary()
    for c in m.casualties:
        entry = dictionary.by_name(c.party) if c.party and c.count else None
        if entry is not None and entry.kind in _FIGHTING_KINDS and entry.kind != "unknown":
            return Actor(entry.name, entry.kind, entry.country, c.who, entry.id, c.evidence)
    return None


def _unspecified(actor: Actor | None) -> bool:
    """Civilians read only from words that name no side ("people", "others")."""
    return actor is not None and actor.id == "CIVILIANS" and (actor.label or "").lower().strip() in _UNSPECIFIED_PEOPLE


def _same_figure(a: Casualty, b: Casualty) -> bool:
    """The same figure repeated (title and lead): same kind and count, or same kind and who."""
    if a.kind != b.kind:
        return False
    if a.party and b.party and a.party != b.party:
        return False
    if a.count is not None and a.count == b.count:
        return True
    if a.category == b.category and a.category != "unknown" and a.subset == b.subset and a.party == b.party:
        # a later sentence restating the category with another count: the first stated (the
        # lead's) stays, unless it was only a word ("dozens"); a later, larger one is more often
        # a running total than a correction
        if a.count is not None and (b.count is None or is_vague(b)) and not is_vague(a):
            b.count, b.approx, b.who, b.evidence = a.count, a.approx, a.who, a.evidence
        return True
    return False


def _title_actor(doc: Doc) -> Actor | None:
    """The perpetrator a headline names ("Russian airstrikes kill 12", "IS downs chopper")."""
    title = doc.extra.get("title")
    if title is None or not title.sentences:
        return None
    sentence = title.sentences[0]
    for t in title.triggers:
        if t.type != "ASSAULT":
            continue
        a1, _a2 = _roles(title, sentence, t, "ASSAULT", [])
        if a1 is not None and _headline_victim(title.text, a1):
            continue  # "100 ISIL Terrorists Killed in Kobani": the named are the dead
        if a1 is not None and a1.actor.id != "UNKNOWN_GROUP":
            actor = _actor(a1)
            if actor.evidence:
                actor.evidence.field = "title"
            return actor
    return None


def _title_victim(doc: Doc) -> Actor | None:
    """The victims an attack headline counts ("Regime airstrikes kill 61 civilians", "27 Students
    Abducted"): people counted in a headline about an attack are the ones it was done to."""
    title = doc.extra.get("title")
    if title is None or not title.sentences or not any(t.type == "ASSAULT" for t in title.triggers):
        return None
    for a in title.actors:
        if a.actor.kind in PEOPLE_KINDS and a.actor.kind != "unknown" and not a.demonym \
                and _COUNT_BEFORE.search(title.text[max(0, a.start - 25):a.start]):
            actor = _actor(a)
            if actor.evidence:
                actor.evidence.field = "title"
            return actor
    return None


_OPPOSITION_HELD = re.compile(r"\b(?:rebel|opposition|insurgent|militant)[- ](?:held|controlled|run)\b", re.I)


def _inferred_air_power(doc: Doc, m: EventMention) -> Actor | None:
    """Air strikes on opposition-held areas of Syria with no named attacker.

    Only the Syrian and Russian air forces struck opposition-held areas; conflict coders
    (FA-KES, ACLED's "unidentified" practice aside) attribute such strikes to that side. The
    record says the attribution is inferred, so that a reader can tell it from a named one.
    Never applied to chemical attacks, whose attribution is what reports dispute.
    """
    if m.mode != "aerial" or not m.location or m.location.country != "SY":
        return None
    text = " ".join(doc.sentences[i].text for i in m.sentences)
    if not _OPPOSITION_HELD.search(text):
        return None
    entry = actor_dictionary().get("SYR_MIL")
    return Actor(entry.name, entry.kind, entry.country, None, entry.id, None, basis="inferred")


_COUNT_BEFORE = re.compile(r"(?:\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds))\s+(?:[\w\-]+\s+)?$", re.I)
_DIED_AFTER = re.compile(
    r"^\s*(?:(?:top\s+|senior\s+)?(?:commanders?|leaders?|chief|emir|fighters?|members?|militants?|officials?|"
    r"officers?|soldiers?|troops)\s+)?(?:(?:were|are|was|is|has been|have been)\s+)?(?:killed|dead|died|wounded|injured|executed|slain)\b", re.I)


# "60 mercenaries from ... were killed in an airstrike": the subject of a passive is its patient
_PASSIVE_BETWEEN = re.compile(r"\b(?:were|was|been|being)\s+(?:\w+\s+)?(?:killed|wounded|injured|hit|targeted|struck|"
                              r"attacked|bombed|shelled|executed|massacred|slain|kidnapped|abducted)\b(?!\s+by\b)"
                              r"|\bvictims?\s+of\b", re.I)
def _passive_subject(text: str, actor: ActorMatch, trigger: Trigger) -> bool:
    gap = text[actor.end:trigger.start] if actor.end <= trigger.start else ""
    return 0 < len(gap) <= 100 and not re.search(r"\b(?:which|who|whom|that|where|when|after|as)\b|[,;]", gap) \
        and bool(_PASSIVE_BETWEEN.search(gap))


_ACTIVE_OBJECT = re.compile(r"^\s+(?:\d|a\b|an\b|the\b|at\s+least|more\s+than|dozens|scores|hundreds|(?:two|three|four|five|six|seven|eight|nine|ten)\b)", re.I)


def _named_dead(text: str, actor: ActorMatch) -> bool:
    """'Al-Nusra Front Commander Killed in Lattakia': the actor named as dead, not the killer
    ('ISIS militants killed 20 civilians' is the active voice and does not count)."""
    m = _DIED_AFTER.match(text[actor.end:actor.end + 60])
    return bool(m) and not _ACTIVE_OBJECT.match(text[actor.end + m.end():actor.end + m.end() + 20])


def _headline_victim(text: str, actor: ActorMatch) -> bool:
    """A headline's actor preceded by a count or followed by 'killed' is among the dead."""
    return bool(_COUNT_BEFORE.search(text[max(0, actor.start - 25):actor.start]) or _DIED_AFTER.match(text[actor.end:actor.end + 20]))


# "missiles at the Syrian military airfield", "two bombers attacked the police station": the act
# aimed at a place that is a state force's own
_AIMED_AT = r"\b(?:on|at|against|targeting|targeted|targets|attacked|attacks|attacking|struck|strikes|striking|hit|hits|" \
            r"hitting|stormed|storms|storming|shelled|shelling|bombed|bombing|raided|raiding|overran)\s+(?:the\s+|an?\s+)?"


_FORCE_SITES = lexicon.force_sites()
_SITE_MODIFIERS = lexicon.force_site_modifiers()


_FORCE_SITE = re.compile(
    _AIMED_AT + r"(?P<words>(?:(?:[A-Z][\w\-'’]*|" + "|".join(re.escape(w) for w in _SITE_MODIFIERS) + r")\s+){0,3})(?P<site>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+")
               for w in sorted({w for words in _FORCE_SITES.values() for w in words}, key=len, reverse=True)) + r")\b", re.I)


def _site_owner(words: str) -> str | None:
    """The state a place's qualifiers name ("Syria's", "Syrian"), if any."""
    demonyms, names = lexicon.demonym_lookup(), lexicon.name_lookup()
    for w in words.split():
        low = w.lower()
        bare = re.sub(r"['’]?s$", "", low)
        iso = demonyms.get(low) or names.get(low) or names.get(bare)
        if iso:
            return iso
    return None


def _struck_force(doc: Doc, m: EventMention) -> Actor | None:
    """The state force an attack was aimed at when the text names the act's object as that force's own
    place: a strike on an airbase or barracks is on the army, a bombing of a police station on the
    police (ACLED codes the force as the second actor; the dead there are its toll). The place's state
    is the one its words name, else the incident's; a force does not attack its own base. Shells fired
    at residential neighbourhoods, with no one else named as hit, were aimed at civilians."""
    for i in sorted(m.sentences):
        sentence = doc.sentences[i]
        for hit in _FORCE_SITE.finditer(sentence.text):
            if not hit.group("site").islower() and not hit.group("site").istitle():
                continue
            if any(w[:1].islower() and w.lower() not in _SITE_MODIFIERS for w in hit.group("words").split()):
                continue  # the modifier alternation matched case-blind: "on the road airbase" is not a qualifier
            site = re.sub(r"\s+", " ", hit.group("site").lower())
            key = next(k for k, words in _FORCE_SITES.items() if site in words)
            country = _site_owner(hit.group("words")) or (m.location.country if m.location else None)
            if not country:
                continue
            if key == "civilians" and m.actor2 is not None:
                continue  # the people at a market are its victims only when no one else is named
            entry = class_entry(key, country)
            if key != "civilians" and m.actor1 is not None and (m.actor1.id == entry.id or (
                    m.actor1.country == country and m.actor1.kind in ("state military", "police", "government"))):
                return None
            start = sentence.start + hit.start("words")
            return Actor(entry.name, entry.kind, entry.country, doc.text[start:sentence.start + hit.end("site")], entry.id,
                         Evidence(sentence.text, sentence.start, sentence.end))
    return None


def _armed_forces(actor: Actor | None) -> Actor | None:
    """A state, its government or its head named as attacker or target of violence: its military."""
    if actor is None or actor.id is None or actor.kind not in ("government", "head of state", "state"):
        return actor
    dictionary = actor_dictionary()
    military = dictionary.military_of(actor.id)
    if military is None:
        return actor
    return Actor(military.name, military.kind, military.country, actor.label, military.id, actor.evidence, actor.basis)


_INTERVENTION = re.compile(r"\b(?:dispers\w*|tear ?gas|water cannons?|rubber bullets|arrest\w*|detain\w*|batons?|"
                           r"broke up|break up|cracked down|crackdown|charged at|clashed with (?:police|security))\b", re.I)
_LETHAL = re.compile(r"\b(?:live (?:fire|ammunition|rounds)|opened fire|shot dead|killed|killing)\b", re.I)
_PROTESTERS = re.compile(r"\b(?:protest\w*|demonstrat\w*|marchers|rall(?:y|ies))\b", re.I)


# the kinds of doer a protest makes protesters, and the canonical name each then takes (None: its own)
_MARCHERS = {"unknown": None, "civilians": "Protesters"}


_PROTESTING_AFTER = re.compile(r"^\s*,?\s+(?:who\s+(?:were|had\s+been|have\s+been)?\s*)?(?:protest|demonstrat|march|rall(?:y|ied|ying))\w*\b",
                               re.I)


def _protesting(doc: Doc, actor: Actor | None) -> bool:
    """Whether the words naming ``actor`` go on to say they were protesting ("people protesting against")."""
    if actor is None or actor.kind not in _MARCHERS or actor.evidence is None or actor.evidence.field != "text":
        return False
    return bool(_PROTESTING_AFTER.match(doc.text[actor.evidence.end:actor.evidence.end + 40]))


def _protest_policing(doc: Doc, m: EventMention) -> None:
    """ACLED's protest sub-events: a protest the police broke up is 'with intervention'; protesters
    shot or killed by the forces policing them is 'excessive force' (ACLED codebook)."""
    text = " ".join(doc.sentences[i].text for i in m.sentences)
    if m.type == "PROTEST" and m.acled.get("sub_event_type") == "Peaceful protest" and _INTERVENTION.search(text):
        m.acled = {"event_type": "Protests", "sub_event_type": "Protest with intervention"}
    elif m.type == "ASSAULT" and _PROTESTERS.search(text) and _LETHAL.search(text) and m.actor1 is not None \
            and m.actor1.kind in ("police", "state military", "government", "security forces"):
        m.acled = {"event_type": "Violence against civilians", "sub_event_type": "Excessive force against protesters"}


_EMBASSY = re.compile(r"\b(?:outside|at|in front of|near|to|on)\s+(?:the\s+)?([A-Z][\w\-]+)\s+(?:embassy|consulate|mission)\b")
# a grievance the protest voices: "in protest against the fuel price rise", "in defiance of a ban"
_GRIEVANCE = re.compile(r"\b(?:against|in defiance of|to demand|demanding|to denounce|denouncing|to condemn|condemning|"
                        r"calling for|to call for|over the)\b", re.I)


def _record_country(m: EventMention, context: str | None) -> str | None:
    """The country where a record's act happened, else the article's own."""
    return (m.location.country if m.location is not None else None) or context


def _unnamed_protesters(doc: Doc, m: EventMention) -> Actor | None:
    """'thousands gathered in an authorised rally': who protests, unnamed, are protesters of the place
    (ACLED's 'Protesters (country)'). Marked as inferred."""
    country = _record_country(m, doc.extra.get("actor_country"))
    entry = class_entry("protesters", country)
    return Actor(entry.name, entry.kind, entry.country or country, None, entry.id, None, basis="inferred")


_CHEERED = re.compile(r"\b(?:cheer(?:ed|ing)?|applaud(?:ed|ing)?|welcom(?:ed|ing)|hail(?:ed|ing)|celebrat(?:ed|ing))\s+"
                      r"(?:the\s+)?(?:[\w\-']+\s+){0,2}$", re.I)


def _protest_target(doc: Doc, m: EventMention) -> Actor | None:
    """Whom a protest addresses: the state whose embassy it is held at ("outside the Iranian
    embassy"); the police that police a protest are not its target, and a protest voicing a grievance
    with no one else named addresses the government where it is held (inferred)."""
    text = " ".join(doc.sentences[i].text for i in m.sentences)
    embassy = _EMBASSY.search(text)
    iso = lexicon.demonym_lookup().get(embassy.group(1).lower()) if embassy else None
    if iso is not None:
        entry = class_entry("government", iso)
        if entry.country == iso:
            return Actor(entry.name, entry.kind, entry.country, embassy.group(0), entry.id, None, basis="inferred")
    actor2 = m.actor2
    if actor2 is not None and actor2.evidence is not None and actor2.evidence.field == "text" \
            and _CHEERED.search(doc.text, max(0, actor2.evidence.start - 30), actor2.evidence.start):
        return None  # "thousands filled the streets, cheering soldiers": whom a crowd cheers it does not oppose
    if actor2 is not None and actor2.kind not in ("police", "state military") or not _GRIEVANCE.search(text):
        return actor2
    country = _record_country(m, doc.extra.get("actor_country"))
    if not country or m.actor1 is not None and m.actor1.kind in _STATE_KINDS:
        return actor2
    entry = class_entry("government", country)
    if entry.country != country:
        return actor2
    return Actor(entry.name, entry.kind, entry.country, None, entry.id, None, basis="inferred")


# Acts that are themselves speech: "X accused Y", "X rejected the comments", "X said it had asked"
_SPEECH_ACTS = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN", "CONCEDE", "CONSULT"}
# An unnamed state speaker and the kind of state body it speaks for ("the military spokesperson", "police said")
_STATE_SPEAKERS = (
    (re.compile(r"\b(?:police|constabulary)\b", re.I), {"police"}),
    (re.compile(r"\b(?:army|military|armed forces|defen[cs]e)\b", re.I), {"state military"}),
    (re.compile(r"\b(?:ministry|department|treasury|government|officials|authorities)\b", re.I),
     {"government", "ministry", "head of state", "police"}),
)


def _speaker_is_actor(m: EventMention) -> bool:
    """The claim's speaker is the acting party or an organ of it (its army, police, ministry)."""
    claim, actor = m.claim, m.actor1
    if actor is None or claim.modality == "asserted":
        return False
    if claim.evidence is not None and actor.evidence is not None and \
            claim.evidence.start <= actor.evidence.start < claim.evidence.end and \
            actor.evidence.end <= claim.evidence.end and actor.basis != "inferred":
        return True  # the speaker's own words name the actor: "Cebu police announced", "Amnesty accused"
    dictionary = actor_dictionary()
    source = dictionary.by_name(claim.source) if claim.source else None
    if source is not None and actor.id is not None and dictionary.get(actor.id) is not None:
        return dictionary.root(source.id).id == dictionary.root(actor.id).id
    if source is None and claim.by and actor.kind in _STATE_KINDS:
        return any(words.search(claim.by) and actor.kind in kinds for words, kinds in _STATE_SPEAKERS)
    return False


# "Saudi Arabia said Saturday it had executed 81 people", "police said they arrested": the speaker tells
# an act it names as its own ("it", "they" right after the speech verb, then the act; not "they had been")
_OWN_ACT_AFTER = r"^,?\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?!been\b)(?:\w+\s+)?"


def _tells_own_act(doc: Doc, claim: Claim, trigger: Trigger) -> bool:
    if claim.modality != "reported" or claim.source is None or claim.evidence is None or claim.evidence.end > trigger.start:
        return False
    return bool(re.fullmatch(_OWN_ACT_AFTER, doc.text[claim.evidence.end:trigger.start], re.I))


def _claim_modality(m: EventMention) -> None:
    """Who says so, by the protocol's rule: a party telling its own act claims it; an act that is
    itself speech ("accused", "rejected") is told by the outlet as fact; a claim by a third party
    about another's act is reported."""
    own = _speaker_is_actor(m)
    if m.type in _SPEECH_ACTS and own:
        m.claim = replace(m.claim, modality="asserted")
    elif own and m.claim.modality == "reported":
        m.claim = replace(m.claim, modality="claimed")
    elif not own and m.claim.modality == "claimed" and m.actor1 is not None:
        m.claim = replace(m.claim, modality="reported")
    # one source tells the act, another denies it: the document holds both (PROTOCOL "disputed")
    if m.claim.modality in ("reported", "claimed") and any(
            (d.source or d.by) != (m.claim.source or m.claim.by) for d in m.denials):
        m.claim = replace(m.claim, modality="disputed")


# "The operation was carried out on Sunday night", "The attack took place on Monday": a later sentence
# that dates the incident just told without telling a new one
_TOLD_WHEN = re.compile(
    r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}?(?:operation|attack|assault|strike|raid|bombing|blast|explosion|incident|"
    r"ambush|arrest|clashes|fighting|shelling|kidnapping|abduction|offensive|massacre|killing)\s+"
    r"(?:was\s+carried\s+out|were\s+carried\s+out|took\s+place|happened|occurred|began|started|erupted|was\s+launched)\b", re.I)


# "X urged ..." then "X argued in a statement Monday": the day of the statement a demand, accusation,
# rejection or threat was made in
_IN_STATEMENT = re.compile(r"\b(?:said|argued|stated|added|wrote|declared|insisted)\s+in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?"
                           r"(?:statement|letter|communiqu[eé]|post|tweet|video)\b", re.I)
_SPOKEN_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}


def _dated_later(doc: Doc) -> None:
    """A record dated only by its report, or by the day it was told, takes the day a following
    sentence gives the incident ("The clashes erupted on Saturday night")."""
    owned = {i for m in doc.mentions for i in m.sentences}
    for m in doc.mentions:
        told = m.date is not None and m.date.evidence is not None and (
            _TELLING_BEFORE.search(doc.text[max(0, m.date.evidence.start - 30):m.date.evidence.start])
            or _SPEECH_DATE.match(doc.text[m.date.evidence.end:m.date.evidence.end + 25]))
        if m.historical or (m.date is not None and m.date.basis != "published" and not told):
            continue
        for sentence in doc.sentences[min(m.sentences) + 1:max(m.sentences) + 4]:
            statement = m.type in _SPOKEN_TYPES and _IN_STATEMENT.search(sentence.text)
            if (sentence.index in owned and not told and not statement) or not (_TOLD_WHEN.search(sentence.text) or statement):
                continue  # (after a telling's day, "the clashes erupted on ..." dates the act even as a record of its own)
            days = [d for d in doc.in_sentence(doc.dates, sentence) if not d.historical and d.precision == "day"
                    and not _after_publication(d.value, doc.article.published)]
            if days:
                d = days[0]
                m.date = When(d.value, d.precision, d.text, Evidence(d.text, d.start, d.end), basis="text")
            break


_EXECUTION = re.compile(r"(?:summarily\s+|mass\s+)?execut", re.I)


# what a headline may say more precisely than the lead: "suicide bomb attack ... kills 25" over the
# lead's "an explosion ... killed at least 25"
_REFINES = {"suicide-attack": {"explosives", None}}


def _title_mode(doc: Doc, title: Doc | None) -> None:
    """The lead's attack takes the headline's more precise kind of attack."""
    if title is None:
        return
    lead = next((m for m in doc.mentions if m.type == "ASSAULT" and not m.historical), None)
    if lead is None or min(lead.sentences) > 2:
        return
    for t in title.triggers:
        if t.type == "ASSAULT" and t.mode in _REFINES and lead.mode in _REFINES[t.mode]:
            lead.mode, lead.trigger = t.mode, t.text
            lead.acled = {"event_type": t.acled[0], "sub_event_type": t.acled[1]}
            return


ALSO_REACH = 2  # sentences between a further incident ("also bombed") and the one it adds to


def _dated_before(doc: Doc) -> None:
    """A further incident told without a day of its own ("Regime aircraft also bombed a factory")
    after one whose day the text states: an addition to that account, of its day."""
    para = {s.index: s.paragraph for s in doc.sentences}
    current = [m for m in doc.mentions if not m.historical]
    for m in current:
        first = min(m.sentences)
        if m.date is not None or not _ANOTHER.search(doc.sentences[first].text):
            continue
        before = [p for p in current if p is not m and max(p.sentences) < first and first - max(p.sentences) <= ALSO_REACH
                  and para.get(max(p.sentences)) == para.get(first) and p.type == m.type]
        prev = max(before, key=lambda p: max(p.sentences), default=None)
        if prev is not None and prev.date is not None and prev.date.basis == "text" and prev.date.precision == "day":
            m.date = prev.date


_OWN_PEOPLE = re.compile(r"(?:all\s+|some\s+|most\s+)?(?:of\s+)?(?:its|their|his|her|our)\b", re.I)


def _fill_defaults(doc: Doc) -> None:
    """Article-level fallbacks: the article's main place and publication date."""
    _dated_later(doc)
    _dated_before(doc)
    title_actor = _title_actor(doc)
    title_victim = _title_victim(doc)
    title = doc.extra.get("title")
    title_modes = {t.mode for t in title.triggers if t.type == "ASSAULT" and t.mode} if title else set()
    _title_mode(doc, title)
    # the headline tells one incident: the article's first current attack, or one of the kind of attack it names
    lead = next((m for m in doc.mentions if m.type == "ASSAULT" and not m.historical), None)
    for m in doc.mentions:
        if m.type == "ASSAULT" and not m.historical and m.actor2 is None and title_victim is not None \
                and min(m.sentences) <= 4 and (not title_modes or m.mode in title_modes or m.mode is None):
            m.actor2 = title_victim  # the headline counts whom it was done to
        if m.type != "ASSAULT" or m.historical or m.actor1 is not None:
            continue
        victim_id = m.actor2.id if m.actor2 is not None else None
        if title_actor is not None and min(m.sentences) <= 4 and (m is lead or m.mode in title_modes) \
                and (victim_id is None or title_actor.id != victim_id):  # the dead's own side did not kill them
            m.actor1 = title_actor  # the headline names who did it
        elif m.mode in ("aerial", "heavy-weapons") and (inferred := _inferred_air_power(doc, m)) is not None:
            m.actor1 = inferred
            m.confidence = round(m.confidence * 0.8, 3)
    fill_places(doc)
    for m in doc.mentions:
        _protest_policing(doc, m)
        if m.type == "PROTEST" and m.actor1 is not None and m.actor1.kind in _MARCHERS:
            # those who march are, in the march, protesters ("farmers protested", "residents took to the streets")
            m.actor1 = replace(m.actor1, kind="protesters", name=_MARCHERS[m.actor1.kind] or m.actor1.name)
        elif m.type in ("COERCE", "ASSAULT") and _protesting(doc, m.actor2):
            # "arrested nearly 400 people protesting against ...": those acted on while protesting are protesters
            m.actor2 = replace(m.actor2, kind="protesters", name=_MARCHERS[m.actor2.kind] or m.actor2.name)
        elif m.type == "PROTEST" and m.actor1 is None and m.location is not None and m.location.country:
            # "thousands gathered", "a rally was held": a protest is made by protesters, of the place's
            # country (ACLED codes every protest's first actor so)
            m.actor1 = _unnamed_protesters(doc, m)
        if m.type in ("MOBILIZE", "RETREAT") and m.actor2 is not None and _OWN_PEOPLE.match(m.actor2.label or ""):
            m.actor2 = None  # "ISIS mobilized all their forces", "withdrew its troops": one's own forces are no other side
        if m.type == "ASSAULT":
            # a state fights through its forces: "the regime bombed", "the United States struck";
            # it executes through its courts and prisons ("Saudi Arabia executed 81"): its authorities
            if not _EXECUTION.match(m.trigger or ""):
                m.actor1 = _armed_forces(m.actor1)
            m.actor2 = _armed_forces(m.actor2)
            if m.actor1 is not None and m.actor2 is not None and m.actor1.id and m.actor1.id == m.actor2.id \
                    and (m.actor1.label or "").lower() in (m.actor2.label or "").lower():
                m.actor1 = None  # the attacker read from the words naming the dead ("33 Turkish soldiers")
        m.actor1, m.actor2 = _local(m.actor1, m.location), _local(m.actor2, m.location)
        if m.type == "ASSAULT":
            m.actor1 = _named_group(doc, m, m.actor1, m.actor2)
            m.actor2 = _named_group(doc, m, m.actor2, m.actor1)
        if m.type == "COERCE" and m.mode in STATE_ACT_MODES and m.actor1 is not None and m.actor1.kind in PEOPLE_KINDS \
                and m.actor1.kind != "unknown":
            # "journalist Zhang went on trial", "activist Kaur's arrest", "activists imprisoned in Iran
            # face ...": the people named by what they are do not arrest or try; they are the ones
            # arrested or tried (unless the other side is such people too: then those), by the state
            # body the sentence names or else by the state (inferred below)
            state = m.actor2 if m.actor2 is not None and m.actor2.kind in _STATE_KINDS else None
            people = m.actor2 if m.actor2 is not None and m.actor2.kind in PEOPLE_KINDS and m.actor2.kind != "unknown" \
                and _specificity(m.actor2) >= _specificity(m.actor1) else m.actor1
            m.actor1, m.actor2 = state, people
        if m.type == "COERCE" and m.actor1 is None and not m.historical:
            m.actor1 = _state_agent(m, doc.extra.get("actor_country"), doc)
        if m.actor1 is None and not m.historical and (m.type == "ASSAULT" and m.mode == "abduct" or (
                m.type == "CONCEDE" and m.mode == "release" and _KIDNAP.search(m.evidence.text))):
            m.actor1 = _named_abductors(doc) or _unnamed_abductors(m, doc.extra.get("actor_country"))
        _claim_modality(m)
        if m.date is None and doc.article.published and not m.historical:
            m.date = When(doc.article.published, "day", "", None, basis="published")
        elif m.date is not None and m.historical is False and m.date.precision == "year" and doc.article.published:
            if int(m.date.value[:4]) < int(doc.article.published[:4]) - 1:
                m.historical = True


def _governing_act(doc: Doc, sentence: Sentence, trigger: Trigger, group: list[Trigger]) -> Trigger:
    """"security forces attacked the lawyer, beating him": a participle that goes on telling the act
    of another trigger word has that verb's agent and target; its own subject is not in its clause."""
    token = token_at(doc, sentence.index, trigger.start)
    if token is None or token.tag_ != "VBG" or token.dep_ not in ("advcl", "acl", "xcomp", "conj"):
        return trigger
    head = token.head
    return next((t for t in group if t is not trigger and t.start - sentence.start <= head.idx < t.end - sentence.start
                 and head.pos_ == "VERB"), trigger)


_GROUP_KINDS = {"armed group", "terrorist group", "rebels", "militia"}
_TARGET_BEFORE = re.compile(r"\b(?:against|on|at|with|between|and|attacked|attacking|fighting|targeting|held by|from)\s+(?:the\s+)?$", re.I)


def _named_group(doc: Doc, m: EventMention, actor: Actor | None, other: Actor | None) -> Actor | None:
    """"terrorists", "militants" for the one armed group named right by those words in their sentence
    ("terrorists ... Jabhat Fateh al-Sham"): the text says which group it means."""
    if actor is None or actor.id is None or actor.evidence is None:
        return actor
    entry = actor_dictionary().get(actor.id)
    if entry is None or not entry.generic or entry.kind not in _GROUP_KINDS:
        return actor
    at, end = actor.evidence.start, actor.evidence.end
    # the group named right by the words ("terrorists ... Jabhat Fateh Al Sham", "Daesh militants"),
    # not one the sentence names as their target or ally
    named = {a.actor.id: a.actor for a in doc.actors
             if a.actor.id and not a.actor.generic and not a.demonym and a.actor.kind in _GROUP_KINDS
             and a.actor.id not in UNLISTED_IDS and (other is None or a.actor.id != other.id)
             and -60 <= a.start - end <= 60 and abs(a.end - at) <= 120
             and not _TARGET_BEFORE.search(doc.text[max(0, a.start - 25):a.start])
             and doc.text.count(".", min(a.end, at), max(a.start, end)) == 0}
    if not named:
        # none right by the words: "terrorists" then means the one group of their class that the
        # incident's sentences or the two sentences before name, unless that is the other side
        around = _groups_named(doc, m, at, other)
        # one group only (two named are a fight between them), and a member of the class the words name
        # or one the text itself calls so ("the ISIL terrorist group ... killing 19 terrorists")
        named = around if len(around) == 1 and (_descends(actor_dictionary(), next(iter(around)), entry.id)
                                                 or _called_so(doc, m, next(iter(around)), actor.label or "")) else {}
    if len(named) != 1:
        return actor
    group = next(iter(named.values()))
    return Actor(group.name, group.kind, group.country, actor.label, group.id, actor.evidence, basis=actor.basis)


def _called_so(doc: Doc, m: EventMention, group_id: str, label: str) -> bool:
    """The record's own sentences name the group with the generic word ``label`` ends on
    ("the ISIL terrorist group" for "terrorists", "Daesh militants" for "militants")."""
    words = re.findall(r"[a-z]+", label.lower())
    if not words:
        return False
    stem = words[-1].removesuffix("s")
    spans = [(s.start, s.end) for s in doc.sentences if s.index in m.sentences]
    return any(a.actor.id == group_id and any(s0 <= a.start < s1 for s0, s1 in spans)
               and re.search(rf"\b{re.escape(stem)}s?\b", a.text.lower()) for a in doc.actors)


def _groups_named(doc: Doc, m: EventMention, at: int, other: Actor | None) -> dict[str, ActorEntry]:
    """Specific armed groups named around a record: its own sentences and the two before the one
    holding ``at``; not one named as a part of a larger side or as a target."""
    holding = next((s.index for s in doc.sentences if s.start <= at < s.end), min(m.sentences))
    wanted = set(m.sentences) | {holding - 1, holding - 2}
    spans = [(s.start, s.end) for s in doc.sentences if s.index in wanted]
    found = [a for a in doc.actors if any(s0 <= a.start < s1 for s0, s1 in spans)]
    return {a.actor.id: a.actor for a in found
            if a.actor.id and not a.actor.generic and not a.demonym and a.actor.kind in _GROUP_KINDS
            and a.actor.id not in UNLISTED_IDS and (other is None or a.actor.id != other.id)
            and not _PART_OR_TARGET.search(doc.text[max(0, a.start - 30):a.start])}


# "an alliance including Al-Qaeda's Syrian affiliate": a part of a larger side; "held by the YPG": its target
_PART_OR_TARGET = re.compile(r"\b(?:including|among them|such as|as well as|held by|controlled by|against|targeting|"
                             r"on|at|with|between|positions of)\s+(?:the\s+)?(?:[\w\-'’]+\s+){0,2}$", re.I)


# COERCE modes of the law: only a state arrests, tries, sentences or restricts (also read by
# sitrep.evaluate.hrds: an arrest with no agent named is a state actor's)
STATE_ACT_MODES = frozenset({"arrest", "legal", "restrict"})
_STATE_KINDS = {"police", "state military", "government", "ministry", "head of state"}


def _specificity(actor: Actor) -> int:
    """How precisely an actor names people: a named person 2, a class of people 1, "civilians" 0."""
    entry = actor_dictionary().get(actor.id) if actor.id else None
    if entry is None or actor.name != entry.name:
        return 2
    return 0 if actor.kind == "civilians" else 1


def _state_agent(m: EventMention, context: str | None, doc: Doc | None = None) -> Actor | None:
    """An arrest or a sentence with no agent named ("was arrested on Wednesday", "was jailed for
    two years") is the state's doing where it happened: its police for an arrest, raid or seizure,
    its authorities (courts, prosecutors) for a charge, trial or sentence; the court the article
    names ("The ruling from a Paris criminal court") for a sentence. Marked as inferred."""
    country = _record_country(m, context)
    if not country:
        return None
    if doc is not None and m.mode == "legal":
        court = _named_court(doc, country)
        if court is not None:
            return court
    entry = class_entry("government" if m.mode in ("legal", "restrict") else "police", country)
    if entry.country != country:
        return None
    return Actor(entry.name, entry.kind, entry.country, None, entry.id, None, basis="inferred")


_KIDNAP = re.compile(r"\b(?:kidnap\w*|abduct\w*|hostages?|captors?|ransom)\b", re.I)


def _named_abductors(doc: Doc) -> Actor | None:
    """The one group the article names as taking the hostages ("were kidnapped by the 400 Mawozo
    gang"): a kidnapping or a release told elsewhere in it without a taker is that group's."""
    dictionary = actor_dictionary()
    named = {m.actor1.id: m.actor1 for m in doc.mentions
             if m.type == "ASSAULT" and m.mode == "abduct" and m.actor1 is not None and m.actor1.basis == "text"
             and m.actor1.id and m.actor1.kind in _GROUP_KINDS
             and (entry := dictionary.get(m.actor1.id)) is not None and not entry.generic}
    if len(named) != 1:
        return None
    taker = next(iter(named.values()))
    return replace(taker, label=None, evidence=None, basis="inferred")


def _unnamed_abductors(m: EventMention, context: str | None) -> Actor | None:
    """A kidnapping whose takers the text does not name ("were kidnapped on Christmas Eve"), or the
    release of those kidnapped ("were released after being kidnapped"): someone took them; coders
    write unidentified kidnappers of the place. Marked as inferred."""
    country = _record_country(m, context)
    entry = class_entry("kidnappers", country)
    return Actor(entry.name, entry.kind, entry.country, None, entry.id, None, basis="inferred")


# "Maonan District People's Court", "The District Court", "a Paris criminal court": a court by its name
_COURT = re.compile(r"\b(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.\-]*\s+){1,5}(?:Court|Tribunal)\b"
                    r"|\b(?:the|a|an)\s+[A-Z][\w'’\-]*\s+(?:[a-z]+\s+)?(?:court|tribunal)\b")


def _named_court(doc: Doc, country: str) -> Actor | None:
    """The first court of ``country`` the article names, as an inferred agent."""
    for found in _COURT.finditer(doc.text):
        entry = resolve_entry(found.group(), country, state_act=True)
        if entry is not None and entry.country == country and not entry.generic \
                and re.search(r"\b(?:court|tribunal)\b", entry.name or "", re.I):
            return Actor(entry.name, entry.kind, entry.country, found.group(), entry.id,
                         Evidence(found.group(), found.start(), found.end()), basis="inferred")
    return None


# People named by what they are, not by their state: their country is where the event happened,
# unless the words name one ("Kenyan students"); the article's country guess is weaker than the place.


def _local(actor: Actor | None, place: Place | None) -> Actor | None:
    if actor is None or place is None or not place.country or actor.kind not in PEOPLE_KINDS \
            or actor.country == place.country or (actor.label and phrase_country(actor.label)[0] is not None):
        return actor
    ident = actor.id
    if ident and actor.country and ident.endswith("_" + actor.country):
        ident = ident[: -len(actor.country)] + place.country
    return Actor(actor.name, actor.kind, place.country, actor.label, ident, actor.evidence, actor.basis)
