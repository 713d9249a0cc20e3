"""Event roles: who did what to whom in one sentence (actor1 the agent, actor2 the side acted on).

The parse-based labeller (`parse_roles`, `argument_actor`) and the sentence patterns it is checked
against (`roles`, `other_roles`, `leading_name`, passive subjects, "repelled", "on the orders of").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from sitrep import lexicon
from sitrep.model import Actor, Evidence
from sitrep.resolve.actors import (
    UNLISTED_IDS,
    ActorEntry,
    ActorMatch,
    actor_label,
    find_heads,
    private_person,
    resolve_entry,
)
from sitrep.stages.actors import PRONOUN_SEX, antecedent, body_antecedent
from sitrep.stages.claims import RESPONSIBILITY, claimant_of, person_owner
from sitrep.stages.doc import Doc, Sentence, Trigger
from sitrep.stages.event_place import SPEAKER_PLACE as _SPEAKER_PLACE
from sitrep.stages.parse import (
    UNDERGONE_NOUNS,
    arguments,
    head_of,
    is_passive,
    phrase_span,
    predicate,
    span_tokens,
    subtree_span,
    token_at,
)

_NOT_PERPETRATOR = {"monitor", "media", "civil defence", "international organisation", "party", "NGO"}
# "rebel-held", "al-Qaeda-affiliated al-Nusra Front", "Iran-backed militias": the group qualifies another
_HELD = re.compile(r"^\s*-?\s*(?:held|controlled|besieged|run|led|affiliated|linked|backed|allied|aligned|sponsored|inspired)\b", re.I)
# "hitting a family of five": a household struck by the attack
_HIT_FAMILY = re.compile(r"\b(?:hit|hitting|struck|striking)\s+(?:a|the|one|an\s+entire)\s+family\s+of\s+(?:[\w\-]+\s+)?$", re.I)
FIGHTING_KINDS = {"state military", "armed group", "terrorist group", "rebels", "militia", "police", "coalition", "unknown"}


def has_subject(token) -> bool:  # noqa: ANN001 - a spaCy token
    """A passive act with a stated patient ("They were arrested on Wednesday"): someone was acted on.
    A second passive verb shares the first one's ("She was detained in May and has been sentenced")."""
    p = predicate(token)
    verbs = [p, p.head] if p.dep_ == "conj" and p.tag_ == "VBN" and p.head.tag_ == "VBN" else [p]
    return any(c.dep_ == "nsubjpass" for v in verbs for c in v.children)


_AGENT_POS = {"PRON", "NOUN", "PROPN"}
# "when he visited the school", "who arrested him": a clause setting the scene, not the act told
_SUBORDINATE = {"advcl", "relcl", "acl", "pcomp", "csubj"}


def has_agent(token, speech: bool = False) -> bool:  # noqa: ANN001 - a spaCy token
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


def committed(token) -> bool:  # noqa: ANN001 - a spaCy token
    """A nominal act that is the object of a verb of committing it, with a stated subject ("thousands
    of troops are launching an attack", "the rebels carried out raids"): someone did it."""
    if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "obj"):
        return False
    verb = token.head
    return verb.pos_ == "VERB" and verb.lower_ in _PERPETRATING and not is_passive(verb) and has_agent(verb)


def told_of_someone(token) -> bool:  # noqa: ANN001 - a spaCy token
    """A nominal act done to a particular person or group it names ("the detention of activist Jane Roe",
    "Roe's arrest", "the killing of two farmers"): a specific act told, though its doer goes unnamed."""
    if token is None or token.pos_ != "NOUN" or token.lower_ not in UNDERGONE_NOUNS:
        return False
    _agent, patient = arguments(token)
    # whom "of" or the possessor names (not a target read from "on"/"against")
    if patient is None or patient.pos_ == "PRON" or patient.head.i != token.i and patient.head.lower_ != "of" \
            or patient.head.i == token.i and patient.dep_ not in ("poss", "appos"):
        return False
    definite = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    named = patient.pos_ == "PROPN" or any(c.dep_ in ("compound", "appos", "nummod") and c.pos_ in ("PROPN", "NUM")
                                           or c.dep_ == "appos" for c in patient.children)
    return definite and named


def as_actor(m: ActorMatch) -> Actor:
    entry = m.actor
    return Actor(
        name=entry.name or None, kind=entry.kind, country=entry.country, label=m.text,
        id=entry.parent if entry.id == "PERSON" else None if entry.id in UNLISTED_IDS else entry.id,
        evidence=Evidence(m.text, m.start, m.end),
    )


def _eligible(m: ActorMatch, claim_spans: list[tuple[int, int]], text: str,
              victim_spans: list[tuple[int, int]], etype: str = "ASSAULT") -> bool:
    if etype == "ASSAULT" and m.actor.kind in _NOT_PERPETRATOR:
        return False
    if any(s <= m.start < e for s, e in claim_spans):
        return False
    if _SPEAKER_PLACE.search(text[max(0, m.start - 40):m.start]):
        return False  # "said in Turkey": where the speaker was, not who acted
    if m.actor.kind in _PRESS_KINDS and _PRESS_AUDIENCE.search(text[max(0, m.start - 40):m.start]):
        return False  # "the minister told reporters that ...": the press spoken to, not a party to the act
    if _GLOSS_OPEN.search(text[max(0, m.start - 60):m.start]) and _GLOSS_CLOSE.match(text, m.end, m.end + 50):
        return False  # "Al-Nusra Front (al-Qaeda's Syrian branch)": the bracketed gloss describes the name before it
    if IN_PLACE.search(text[max(0, m.start - 30):m.start]) and country_name(m.text):
        return False  # "from the house in Kaduna in northern Nigeria", "gathered in Moscow": a place, not the state
    if _FROM_ORIGIN.search(text[max(0, m.start - 80):m.start]) and country_name(m.text):
        return False  # "fighters from Tunisia and Egypt": where people come from, not the state acting
    if _FORUM_BEFORE.search(text[max(0, m.start - 12):m.start]) and (
            _COURT.search(m.text) or _COURT.match(text, m.end, m.end + 30)):
        return False  # "filed a suit at the ECOWAS Court": where a case is brought, not a party to the act
    return not _HELD.match(text[m.end:m.end + 14])


# "told reporters", "speaking to foreign journalists", "told a news agency": the press a speaker addresses
_PRESS_AUDIENCE = re.compile(r"\b(?:" + lexicon.speech_alternation("addressing_press") + r")\s+(?:the\s+|a\s+|an\s+)?"
                             r"(?:group\s+of\s+)?(?:[\w\-]+\s+)?$", re.I)
_PRESS_KINDS = frozenset({"journalists", "media"})
# a name, then a bracket opening on the gloss ("Al-Nusra Front (al-Qaeda's Syrian branch)", "Jaysh al-Izza (an
# FSA faction)"); the bracket closes soon after
_GLOSS_OPEN = re.compile(r"[A-Z][\w\-'’]*\s*\(\s*(?:the\s+|an?\s+)?$")
_GLOSS_CLOSE = re.compile(r"[^()]{0,45}\)")
_FORUM_BEFORE = re.compile(r"\b(?:at|before)\s+(?:the\s+)?$", re.I)
_COURT = re.compile(r"(?:\s+(?:[A-Z][\w\-]*\s+){0,2})?(?:Court|Tribunal)\b")
_FROM_ORIGIN = re.compile(r"\b(?:fighters|mercenaries|militants|jihadists|nationals|citizens|people|workers|migrants|refugees|"
                          r"volunteers|recruits|men|women|children|students|tourists|families)\s+from\s+(?:the\s+)?"
                          r"(?:[\w\-]+(?:\s+|,\s*)){0,6}$", re.I)
IN_PLACE = re.compile(r"\b(?:in|at|near|across|throughout|inside|outside|into|for)\s+(?:the\s+)?(?:(?:north|south|east|west|"
                       r"central|northern|southern|eastern|western|north-?western|north-?eastern|south-?western|"
                       r"south-?eastern|northwest|northeast|southwest|southeast)\s+)?$", re.I)


def country_name(words: str) -> bool:
    """The words are a state's bare name or its capital ("Nigeria", "the United States", "Moscow"),
    not a body or a demonym."""
    words = re.sub(r"^the\s+", "", words.strip(), flags=re.I)
    found = lexicon.find_countries(words)
    return len(found) == 1 and found[0].how in ("name", "capital") and found[0].start == 0 and found[0].end == len(words)


def roles(doc: Doc, sentence: Sentence, trigger: Trigger, etype: str,
           claim_spans: list[tuple[int, int]]) -> tuple[ActorMatch | None, ActorMatch | None]:
    text = doc.text
    victim_spans = [(c.casualty.evidence.start, c.casualty.evidence.end) for c in doc.in_sentence(doc.casualties, sentence) if c.casualty.evidence]
    responsibility = RESPONSIBILITY.search(sentence.text)
    if responsibility:
        # "X claimed responsibility": the claimant is the perpetrator
        cue = sentence.start + responsibility.start()
        according = [(a.start, a.end) for a in doc.in_sentence(doc.attributions, sentence) if a.cue == "according to"]
        claimant = claimant_of([a for a in doc.in_sentence(doc.actors, sentence)
                                if a.end <= cue and not a.demonym and a.actor.kind not in _NOT_PERPETRATOR
                                and not any(s <= a.start < e for s, e in according)])
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
            if demander is not None and (source is None or party_of(demander) != party_of(source)):
                return demander, source
        if etype in ("COERCE", "PROTEST") and target is not None and any(s <= target.start < e for s, e in claim_spans):
            target = None  # "Police detained him on Sunday, his lawyer said": who tells of the arrest is not its target
        return source, target
    # "opposition fighters", "Turkish troops": a demonym before a force names the side that fights
    actors = [promote(text, a) for a in doc.in_sentence(doc.actors, sentence) if _eligible(a, claim_spans, text, victim_spans, etype)]
    if not actors:
        return None, None
    in_victims = [a for a in actors if any(s <= a.start < e for s, e in victim_spans) or _named_dead(text, a)
                  or _passive_subject(text, a, trigger) or _UNDER_ACT.fullmatch(text, a.end, trigger.start)]
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
                    and not SPEECH_BETWEEN.search(gap) and not _PREPOSITION.search(gap) \
                    and not (trigger.mode == "abduct" and _rescuer(gap, 0, len(gap))):  # "Turkey condemns deadly strike", "police freed three hostages"
                actor1 = a
    # "X died in custody": X is who it befell; "(they) were abducted by the same group": the agent
    # is the one after "by", named or not, never one before the act
    if actor1 is None and not _DYING.match(trigger.text) and not _BY_FOLLOWS.match(text, t1):
        acts = [t for t in doc.in_sentence(doc.triggers, sentence) if t.type == "ASSAULT"]
        before = [a for a in actors if a.end <= t0 and not a.demonym and a.actor.id != "CIVILIANS"
                  and not _object_position(text, sentence.start, a)
                  and not _object_of_act(text, a, acts)
                  and not _object_of_other_verb(doc, sentence, a, trigger)
                  and not SPEECH_BETWEEN.search(text[a.end:t0])
                  # "Police rescued two engineers abducted last week": who frees the captives did not take them
                  and not (trigger.mode == "abduct" and _rescuer(text, a.end, t0))
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
                           and not SPEECH_BETWEEN.search(text[a.end:t.start])
                           # "an alliance including Al-Qaeda's affiliate attacked": a part is not the side
                           and not PART_OR_TARGET.search(text[max(sentence.start, a.start - 30):a.start])), None)
            if actor1 is not None:
                break
    after = [a for a in actors if a.start >= t1 and a is not actor1 and not a.demonym
             and not _DESCRIBES.match(text, a.end)]
    for a in after:
        lead = text[max(t1, a.start - 25):a.start].lower()
        if re.search(r"\b(?:on|against|targeting|target|at|positions of|between|hit|struck)\s+(?:the\s+)?(?:[\w\-']+\s+){0,2}$", lead) \
                or _HIT_FAMILY.search(text, max(t1, a.start - 40), a.start) \
                or _FOUGHT_WITH.search(text[max(sentence.start, a.start - 40):a.start]) or etype != "ASSAULT":
            actor2 = a
            break
    side = next((a for a in ([actor2] if actor2 is not None else []) + after if _between_side(text, a.start, t1)),
                None) if actor1 is None else None
    if side is not None:
        # "mutual shelling between regime forces and ISIS", "clashes between fighters from the YPG on the
        # one hand and fighters from ISIS on the other": the two sides, in the order named
        other = next((a for a in after if a.start >= side.end and a.actor.id != side.actor.id and not _DESCRIBES.match(text, a.end)
                      and (_other_side(text[side.end:a.start]) or _listed_side(text, side.end, a))), None)
        if other is not None:
            actor1, actor2 = side, other
            # "58 people including women and children were killed in shelling between A and B": dead told
            # as civilians are its target; "forty people" killed in it may be either side's
            civilians = next((v for v in in_victims if v.actor.id == "CIVILIANS" and _told_as_civilians(text[v.start:t0])), None)
            if civilians is not None and etype == "ASSAULT":
                actor2 = civilians
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
    # "a car bombing blamed on Daesh", "an attack claimed by the Islamic State", "which Washington blames on Y"
    blamed = re.search(r"\b(?:blame[ds]? on|claimed by|attributed to|carried out by)\s+(?:the\s+)?", sentence.text)
    if blamed:
        at = sentence.start + blamed.end()
        named = next((a for a in doc.in_sentence(doc.actors, sentence) if a.start == at or 0 <= a.start - at <= 4), None)
        if named is not None and named.actor.kind not in _NOT_PERPETRATOR:
            actor1 = named
            cue = sentence.start + blamed.start()
            if actor2 is not None and blamed.group().startswith("blame") and actor2.end <= cue \
                    and not text[actor2.end:cue].strip():
                actor2 = None  # "the attack, which Washington blames on Damascus": who blames is no party to it
    # "DAESH said that it killed 50 fighters": the claimant claims the act
    self_claim = re.search(r"\b(?:" + lexicon.speech_alternation("own_act_told") + r")\s+(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:killed|shot|executed|attacked|bombed|destroyed)\b", sentence.text)
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
    if actor1 is not None and actor2 is not None and party_of(actor1) == party_of(actor2):
        actor2 = None
    return actor1, actor2


_SIDES_AND = re.compile(r"(?:\s*\([^()]{1,15}\))?\s*,?\s*(?:on\s+the\s+one\s+hand\s*,?\s*)?(?:and|against)\s+(?:the\s+)?")


# "al-Qaeda's Syrian branch, the Nusra Front": a group named by whose offshoot it is; the name after it is the side
_DESCRIBED = re.compile(r"(?:(?:an?|its|their)\s+)?(?:[\w\-'’]+\s+){0,3}(?:affiliate|branch|offshoot|wing)\s*,?\s*(?:the\s+)?$", re.I)
_SIDE_OPENS = re.compile(r"\b(?:between|pitted|pitting|pits)\s+(?:the\s+)?(?:(?:an?\s+)?(?:[\w\-'’]+\s+){0,3}"
                         r"(?:affiliate|branch|offshoot|wing)\s*,?\s*(?:the\s+)?)?$", re.I)
_DESCRIBES = re.compile(r"(?:'s|’s|s)?\s+(?:[\w\-]+\s+){0,2}(?:affiliate|branch|offshoot|wing)\b", re.I)


def _between_side(text: str, start: int, floor: int) -> bool:
    """The actor at ``start`` is the first side after "between" ("between the army", "between
    fighters from the YPG")."""
    before = text[max(floor, start - 60):start]
    units = _AGENT_HEADS.search(before)
    # "the clashes pitted the Nusra Front against ISIS": the side named first after "pitted"
    # "between al-Qaeda's former affiliate, the Islamic State": the named group after its description
    return bool(_SIDE_OPENS.search(before[:units.start()] if units else before))


def _other_side(gap: str) -> bool:
    """``gap`` joins the first side of a "between" to the second: "and", "(YPG) on the one hand and
    fighters from"."""
    joined = _SIDES_AND.match(gap)
    return joined is not None and (joined.end() == len(gap) or bool(_AGENT_HEADS.match(gap, joined.end()))
                                   or bool(_DESCRIBED.fullmatch(gap, joined.end())))


_LIST_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")
_LIST_GOES_ON = re.compile(r"(?:\s*,\s*[^,.;:()]{1,50}?)*,?\s+and\s+", re.I)


def _listed_side(text: str, end: int, actor: ActorMatch) -> bool:
    """"between Hamas, Islamic Jihad and Fatah": the second of three or more sides, named after a
    comma in a list that an "and" closes."""
    return bool(_LIST_COMMA.fullmatch(text, end, actor.start)) and bool(_LIST_GOES_ON.match(text, actor.end, actor.end + 120))


def _told_as_civilians(words: str) -> bool:
    """The words name civilians by a word of their own ("civilians", "women and children"), not "people"."""
    unspecified = set(lexicon.unspecified_people())
    return any(key == "civilians" and words[s:e].lower() not in unspecified for s, e, key in find_heads(words))


# "in a battle with Daesh", "clashes with the army": the side fought is the other party
_FOUGHT_WITH = re.compile(r"\b(?:battles?|battled|clash(?:es|ed)?|fighting|fights?|fought|confrontations?|skirmish(?:es|ed)?|"
                          r"exchanged fire|gunfights?|firefights?)\s+with\s+(?:the\s+)?$", re.I)
_DYING = re.compile(r"(?:died|dies|die|dying|perished|succumbed)\b", re.I)
_TOLL_VERB = re.compile(r"(?:kill|wound|injur|martyr|slay|slain|dead|die|hurt)\w*$", re.I)

# "must/should/has to ... release": a duty put on someone, a demand (or a trigger that starts with the modal)
# (adverbs, and an "and" between two, do not count: "should be immediately and unconditionally released")
_ADVERBS = r"(?:\w+ly\s+(?:(?:and|or)\s+)?)*"
MUST_BEFORE = re.compile(r"\b(?:must|should|has to|have to|ought to)\s+" + _ADVERBS
                         + r"(?:(?!\w+ly\b|and\b|or\b)\w+\s+" + _ADVERBS + r"){0,3}$", re.I)
_DEMANDED = re.compile(MUST_BEFORE.pattern + r"|^(?:must|should|ought)\s", re.I)
# "should be immediately and unconditionally released": the duty put in the passive, right before its verb
MUST_BE_BEFORE = re.compile(r"\b(?:must|should|has to|have to|ought to)\s+be\s+" + _ADVERBS + r"$", re.I)


def _demander(doc: Doc, sentence: Sentence) -> ActorMatch | None:
    """The listed actor whose words a demand is: this sentence's speaker, else the last one quoted in
    the three sentences before (a rights group's release goes on in its own voice)."""
    for s in (doc.sentences[i] for i in range(sentence.index, max(-1, sentence.index - 4), -1)):
        said = [a for a in doc.in_sentence(doc.attributions, s) if a.cue != "according to" and a.claim.modality != "denied"]
        for attribution in reversed(said):
            named = [a for a in doc.in_sentence(doc.actors, s) if attribution.start <= a.start < attribution.end
                     and not a.demonym and a.actor.id not in UNLISTED_IDS and not a.actor.generic]
            if named and named[0].start == attribution.start:  # "..., A, B and HRW have said": the list's first
                named = _speakers_before(doc, s, named[0].start, _LIST_GAP) + named
            named = named or _speakers_before(doc, s, attribution.start) or _speaker_body(doc, s, attribution.end)
            if named:
                return named[0]
        if said:
            return None  # the nearest voice is one we cannot name
    return None


# what may stand between a speaker named after the demand and the speech verb ("..., HRW has said")
_AUX_BEFORE_CUE = re.compile(r"[\s,]*(?:(?:has|have|had|also|jointly)\s+)*$", re.I)
# between the speakers of a list ("Amnesty International, Human Rights Watch and the Carter Foundation"),
# with any body the dictionary does not know in between ("..., Mwatana for Human Rights, ...")
_CAPITALISED_NAME = r"(?:the\s+)?[A-Z][\w\-'’]*(?:\s+(?:for|of|on|and|[A-Z][\w\-'’]*))*?"
_LIST_SEPARATOR = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_LIST_GAP = re.compile(rf"{_LIST_SEPARATOR}(?:{_CAPITALISED_NAME}{_LIST_SEPARATOR})*(?:the\s+)?")


# "said Jane Roe, deputy Asia director at Human Rights Watch": the speaker's post, then the body she speaks for
_POST_AT = re.compile(r"\s*,\s*(?:[\w\-'’&.]+\s+){0,8}?(?:at|of|for|with|from)\s+(?:the\s+)?")


def _speaker_body(doc: Doc, sentence: Sentence, said_end: int) -> list[ActorMatch]:
    """The listed body a speaker no list knows works for, told in the apposition after her name
    ("said Jane Roe, deputy director at Human Rights Watch"): whose words a demand in her voice is."""
    body = next((a for a in doc.in_sentence(doc.actors, sentence) if a.start >= said_end), None)
    if body is None or body.demonym or body.actor.generic or body.actor.id in UNLISTED_IDS \
            or not _POST_AT.fullmatch(doc.text, said_end, body.start):
        return []
    return [body]


def _speakers_before(doc: Doc, sentence: Sentence, cue: int, gap: re.Pattern = _AUX_BEFORE_CUE) -> list[ActorMatch]:
    """The named bodies just before a speech verb, one or a list ("..., Amnesty International, HRW and
    the Carter Foundation have said"): the speakers of a demand told before them, the first named first."""
    named = [a for a in doc.in_sentence(doc.actors, sentence) if a.end <= cue and not a.demonym and not a.actor.generic]
    out: list[ActorMatch] = []
    edge = cue
    for a in reversed(named):
        if not gap.fullmatch(doc.text, a.end, edge):
            break
        out.insert(0, a)
        edge, gap = a.start, _LIST_GAP
    # a body the dictionary does not list may stand in the list, but the demand is a listed one's
    return [a for a in out if a.actor.id not in UNLISTED_IDS]


SPEECH_BETWEEN = re.compile(
    r"\b(?:condemn\w*|denounc\w*|confirm(?:ed|s)|criticis\w*|criticiz\w*|blam\w*|accus\w*|"
    + lexicon.speech_alternation("speech_between_parties") + r")\b", re.I)


def speaker_head(text: str, end: int) -> str:
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
                "militia", "militias", "jihadists", "guards", "court", "judge", "prosecutor", "prosecutors", "regime", "hackers",
                "mutineers", "putschists", "pirates", "settlers", "smugglers", "traffickers"}
_NOT_PARTY_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "GPE", "LOC", "FAC"}
_FORCE_HEADS = {"jets", "warplanes", "planes", "aircraft", "aircrafts", "forces", "troops", "soldiers", "army", "military",
                "police", "artillery", "navy", "drones", "drone", "helicopters", "helicopter", "strikes", "airstrikes",
                "raids", "bombers", "gunboats", "warships", "units", "authorities", "government", "officials",
                "tanks", "missiles", "rockets", "shelling", "bombardment", "guards", "militias", "militia"}
# month and weekday names (the reviewed lexicon) are no one's name
_DATE_WORDS = frozenset(w.lower() for w in (*lexicon.months(), *lexicon.month_abbreviations(), *lexicon.weekdays()))
_UNKNOWN_PARTY = ActorEntry("UNKNOWN_ACTOR", "", "unknown", None, None, False)


def argument_actor(doc: Doc, sentence: Sentence, head, claim_spans: list[tuple[int, int]],  # noqa: ANN001
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
    state = found
    if found.actor.id == "UNKNOWN_ACTOR":  # "Nigerian businessman Jane Roe": the demonym in the phrase
        state = next((a for a in doc.actors if a.demonym and found.start <= a.start and a.end < start), found)
    between = doc.text[state.end:start].split()
    if state.start < start and state.actor.kind in _OFFICE_KINDS and state.actor.country and between \
            and all(w.islower() for w in between) and not any(w in lexicon.person_titles() for w in between):
        # "Hong Kong media tycoon Jimmy Lai", "Nigerian businessman Jane Roe": a state's word, a common
        # noun for an occupation in lower case (an office is capitalised or a listed title) and a
        # name: a private person of that state, not its government
        return ActorMatch(state.start, end, doc.text[state.start:end],
                          ActorEntry("PERSON", doc.text[start:end], "civilians", state.actor.country, None, False),
                          demonym=False)
    entry = found.actor
    if not (found.start < start and entry.kind in _OFFICE_KINDS):
        return found
    person = ActorEntry("PERSON", doc.text[start:end], entry.kind, entry.country, entry.id, False)
    return ActorMatch(found.start, max(found.end, end), doc.text[found.start:max(found.end, end)], person, demonym=False)


def party_of(m: ActorMatch) -> tuple[str, str]:
    """Who an actor match is: its dictionary entry, and for a person or a body no list knows (one
    entry for all: "the Kenya Union of Journalists", "the Uganda Law Society") the name too."""
    return m.actor.id, m.actor.name if m.actor.id == "PERSON" or m.actor.id == "NAMED_BODY" else ""


_OFFICE_KINDS = {"government", "ministry", "head of state", "police", "state military", "international organisation"}


def _state_in_a_name(inside: list[ActorMatch], entry) -> bool:  # noqa: ANN001 - an ActorEntry
    """"the decision of the Nigeria Labour Congress": the state the phrase reads as is only the first
    word of a body's name inside it (a union, a society, a party), not the state itself."""
    if entry.kind != "government" or not entry.country:
        return False
    return any(not a.demonym and not a.actor.generic and a.actor.kind not in _OFFICE_KINDS
               and any(c.iso2 == entry.country for c in lexicon.find_countries(a.text)) for a in inside)


def _in_clause_under(doc: Doc, sentence: Sentence, head, a: ActorMatch) -> bool:  # noqa: ANN001 - a spaCy token
    """The actor's words hang from ``head`` through a verb (a gerund, a relative clause): "rebels of
    using gas against the troops", "the men who attacked the police"."""
    token = token_at(doc, sentence.index, a.start)
    if token is None:
        return False
    for anc in token.ancestors:
        if anc.i == head.i:
            return False
        if anc.pos_ in ("VERB", "AUX"):
            return True
    return False


def _branch_of(text: str, pick: ActorMatch, named: list[ActorMatch]) -> ActorMatch | None:
    """"Rights Watch Ruritania has condemned ...": a country's name right after a body's name is the
    name of the body's branch in that country (the parse makes the country the phrase's head), so the
    body, not the country's government, is the actor."""
    if pick.actor.kind != "government" or not country_name(pick.text):
        return None
    return next((a for a in named if a.end <= pick.start and not text[a.end:pick.start].strip()
                 and a.actor.kind not in _OFFICE_KINDS and a.actor.id != "PERSON"), None)


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
    if any(a.start <= at < a.end and not a.demonym for a in inside):
        # "accused rebels of using gas against government troops": the head word names the party; one
        # named in a clause the phrase goes on with is another act's party, not this one's
        inside = [a for a in inside if a.start <= at < a.end or not _in_clause_under(doc, sentence, head, a)]
    # "foreign fighters from Tunisia and Egypt": where they come from, not who they are
    inside = [a for a in inside if not (a.start > at and _FROM_ORIGIN.search(doc.text[max(0, a.start - 80):a.start])
                                        and country_name(a.text))]
    if inside and not any(a.start <= at < a.end for a in inside) and head.lower_ not in _FORCE_HEADS:
        # the head word is outside every name in the phrase: "a Paris criminal court", "police in
        # Lagos" - the whole phrase decides (a state named in it is only the body's country)
        words = doc.text[start:end].strip()
        entry = resolve_entry(words, doc.extra.get("actor_country"), state_act)
        if entry is not None and entry.id not in {a.actor.id for a in inside} and not _state_in_a_name(inside, entry):
            return ActorMatch(start, start + len(words), words, entry, demonym=False)
    if inside:
        # a named group over a generic word for it ("Jihadists from ISIL"), then the nearest
        named = [a for a in inside if not a.demonym and not a.actor.generic] or \
                [a for a in inside if not a.demonym] or inside
        # the one the head word lies in, else the first named ("Hungarian and Romanian officials")
        pick = next((a for a in named if a.start <= at < a.end), None) or min(named, key=lambda a: a.start)
        branch = _branch_of(doc.text, pick, named)
        if branch is not None:
            pick = branch
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
    if head.dep_ == "compound" and trigger_at(doc, sentence.start + head.head.idx, ("ASSAULT",)) is not None:
        return None  # "Car Bomb Attack", "Truck Bombing": an unknown word modifying the act's noun is no doer
    if (head.pos_ == "PROPN" and head.text[:1].isupper() and head.lower_ not in _DATE_WORDS) or head.lower_ in _HUMAN_HEADS:
        words = doc.text[start:end].strip()
        if words.lower().startswith(("the ", "a ", "an ")):
            cut = words.index(" ") + 1
            start, words = start + cut, words[cut:]
        if " " in words and words.split()[0].lower() in _DATE_WORDS:
            # "said Thursday Davis was arrested": the day the parse ran into the name is not the name
            cut = words.index(" ") + 1
            start, words = start + cut, words[cut:]
        if 2 <= len(words) <= 80 and actor_label(words):  # not "Months later", "A military report"
            return ActorMatch(start, start + len(words), words, _UNKNOWN_PARTY)
    return None


def parse_roles(doc: Doc, sentence: Sentence, token,  # noqa: ANN001 - a spaCy token or None
                 claim_spans: list[tuple[int, int]], state_act: bool = False,
                 committed_by: bool = False) -> tuple[ActorMatch | None, ActorMatch | None]:
    """Agent and patient of the trigger word's act from the dependency parse (None where it says nothing);
    ``committed_by``: a nominal act's agent may be the subject of the verb that commits it."""
    if token is None:
        return None, None
    agent, patient = arguments(token)
    committer = None  # the subject of the verb committing a nominal act ("he began a hunger strike")
    if committed_by and agent is None and token.pos_ in ("NOUN", "PROPN"):
        # "she began a hunger strike", "the union staged a walkout": the act named as the object of a
        # verb of committing it is done by that verb's subject (an attack's side is read by the
        # sentence's patterns, which know a force's unit: "troops from an alliance launched an attack")
        act = token.head if token.dep_ == "compound" else token
        doer = act.head
        if act.dep_ in ("dobj", "obj") and doer.pos_ == "VERB" and doer.lower_ in _PERPETRATING and not is_passive(doer):
            agent = next((c for c in doer.children if c.dep_ == "nsubj"), None)
            committer = agent
    verb = token.head if token.lower_ in _DEMAND_MODALS else predicate(token)
    if agent is not None and any(c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS for c in verb.children):
        # "The authorities should release them": who is told to act is the demand's target
        agent, patient = None, agent
    if agent is not None and agent.head.lower_ != "by" and _undergoes(token):
        # "40 people were dead", "the mother died": the subject of dying is the dead, never the agent
        agent, patient = None, patient or agent
    actor1 = argument_actor(doc, sentence, agent, claim_spans, state_act)
    actor2 = argument_actor(doc, sentence, patient, claim_spans)
    if actor1 is None and committer is not None and committer.pos_ == "PRON" and committer.lower_ in ("he", "she"):
        # "On May 2 he began a hunger strike": the one person named before acts, not an unnamed class
        # (a verb's own pronoun subject, "he offered concessions", was tried: its antecedent is too
        # often another person named in between)
        actor1 = antecedent(doc, sentence.start + agent.idx, agent.lower_,
                            (actor2.start, actor2.end) if actor2 is not None else None)
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
                trigger_at(doc, sentence.start + verb.idx, ("ASSAULT", "COERCE")) is not None
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
    actors = [promote(doc.text, a) for a in actors]
    # the trigger's own clause: "..., while Putin and Erdogan have spoken on the phone"
    clause = sentence.start
    for b in _CLAUSE.finditer(doc.text, sentence.start, t0):
        clause = b.end()
    # "Jane Roe's defence committee rejected ...": the person owns the subject, and is not it
    owners = [a for a in actors if person_owner(doc.text, a)]
    before = [a for a in actors if clause <= a.start and a.end <= t0 and not a.demonym and a not in owners] or \
             [a for a in actors if a.end <= t0 and not a.demonym and a not in owners]
    reaction = None
    if etype in ("COERCE", "PROTEST"):
        # "Amnesty condemned the arrest of three journalists": who reacts did not arrest
        before = [a for a in before if not _REACTION_BETWEEN.search(doc.text[a.end:t0])]
        reaction = _REACTION_BETWEEN.search(doc.text, clause, t0)
    # "X, who was arrested in 2017, was sentenced", "X and his daughter were the latest victims of a
    # kidnapping": one said to undergo the act is its target, not its source
    undergoing = [a for a in before if etype in ("COERCE", "ASSAULT") and _UNDERGOING.search(doc.text[a.end:t0][:160])]
    before = [a for a in before if a not in undergoing]
    if not before and holder is None and reaction is None:  # nor is an unlisted critic
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
    after = [a for a in actors if a.start >= t1 and not a.demonym and (actor1 is None or party_of(a) != party_of(actor1))
             and (a.actor.id != "CIVILIANS" or etype in ("AID", "COERCE", "PROTEST"))]
    # "ready to go to war with Russia", "sanctions against Iran": the marked object is the target
    marked = [a for a in after if re.search(r"\b(?:with|against|on|to|toward|towards|from)\s+(?:the\s+)?$",
                                           doc.text[max(t1, a.start - 20):a.start])]
    if undergoing and (actor1 is None or actor1 not in undergoing):
        return actor1, undergoing[0]
    # "the detention of three journalists by the police": a coercive act's agent follows "by"
    agent = next((a for a in after if etype == "COERCE" and _BY_AGENT.fullmatch(doc.text, t1, a.start)), None) \
        if actor1 is None else None
    if agent is not None:
        rest = [a for a in after if a is not agent and party_of(a) != party_of(agent)]
        return agent, (rest[0] if rest else None)
    # "accused rebels of using gas against the troops", "urged Russia to halt strikes on rebels": the
    # party right after the verb is its object, before any marked further on
    direct = [a for a in after if _DIRECT_OBJECT.fullmatch(doc.text, t1, a.start)]
    return actor1, ((direct or marked or after)[0] if after else None)


_DIRECT_OBJECT = re.compile(r"\s+(?:the\s+)?")


_RESCUE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.rescue_verbs()) + r")\b", re.I)


def _rescuer(text: str, start: int, end: int) -> bool:
    """A verb of freeing captives stands between an actor and an abduction ("Police rescued two
    engineers abducted"), not as its means ("saved the city by shelling")."""
    return bool(_RESCUE.search(text, start, end)) and not re.search(r"\bby\s*$", text[start:end])


# the act's own phrase: "arrested by", "the detention of three journalists by"
_BY_AGENT = re.compile(r"\s+(?:of\s+[^,;()]{1,50}?\s+)?by\s+(?:the\s+)?(?:[\w\-'’]+\s+){0,2}", re.I)
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


def promote(text: str, a: ActorMatch) -> ActorMatch:
    if a.demonym and _INSTITUTION.match(text[a.end:a.end + 60]):
        return ActorMatch(a.start, a.end, a.text, a.actor, demonym=False)
    return a


# "Lukashenko personally authorised ...": an adverb may stand between the subject and its verb
_LEADING = re.compile(r"^((?:the\s+)?(?:[A-Z][\w.'’\-]*\s+){1,6}?)(?:[a-z]+ly\s+)?(?:has|have|had|was|were|is|are|will|on|said|\w+ed\b)", re.M)
_UNKNOWN_ACTOR = ActorEntry("UNKNOWN_ACTOR", "", "unknown", None, None, False)

_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|been|being|will|would|again|also|flatly|firmly|formally|officially|today|"
    r"yesterday|then|on\s+(?:" + lexicon.weekday_alternation() + r")|\w+ly))+\s*$", re.I)

# "But he ...", "Speaking to reporters ...", "The draft resolution ...": no named subject
_NOT_SUBJECT = re.compile(r"^(?:But|And|Or|So|Yet|Also|However|Meanwhile|Speaking|Asked|According|Having|Being|In|On|At|After|"
                          r"Before|During|While|When|If|The draft|This|That|These|Those|It|He|She|They|We|I|"
                          # a fronted phrase opened by a preposition ("Following the girl's death, ...")
                          r"Following|Despite|Amid|Amidst|Since|Upon|Until|Without|Within|Among|Against|Under|Over|Through|"
                          r"Throughout|From|For)\b"
                          r"|\b(?:he|she|it|they|we|i|you)$", re.I)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb with its own tense: "authorised", "orders", "order"
_REGARDING = frozenset(lexicon.regarding_verbs())


def _leading_name(doc: Doc, sentence: Sentence, t0: int) -> ActorMatch | None:
    """"President Bush has threatened ...", "Ibo traditional elders have demanded ...": an actor
    we do not know, reported with its words (the subject the sentence opens with)."""
    m = _LEADING.match(sentence.text)
    if not m or sentence.start + m.end(1) > t0:
        # the whole short stretch before the trigger, less its auxiliaries and adverbs, and less the
        # dateline a lead opens with ("TAIPEI (Taiwan News) — A protest rally led by ...")
        dateline = doc.dateline_at(sentence.start)
        begin = dateline.end if dateline is not None and dateline.end < t0 else sentence.start
        head = _SUBJECT_TAIL.sub("", doc.text[begin:t0]).rstrip()
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
        head = re.split(r"\s+(?:" + lexicon.speech_alternation("after_subject") + r")\b", head)[0]  # "The union said it will ..."
        head = head.rstrip()
        # "According to state media, Lukashenko personally authorised the forced (landing)": past the
        # opening phrase, who made the act his verb's object is named before that verb (not who spoke
        # of it: "criticised the detention")
        verb = next((t for t in span_tokens(doc, sentence.index, begin + offset + 1, begin + offset + len(head))
                     if t.tag_ in _FINITE_TAGS), None)
        act = token_at(doc, sentence.index, t0)
        if offset and verb is not None and act is not None and act.dep_ == "dobj" and act.head.i == verb.i \
                and verb.lower_ not in _REGARDING:
            head = _SUBJECT_TAIL.sub("", doc.text[begin + offset:sentence.start + verb.idx]).rstrip()
        elif verb is not None and verb.tag_ in ("VBZ", "VBD") and verb.text[:1].isupper():
            # "US Extends Sanctions on ...", "Police Arrest ...": a headline's verb in capitals ends its subject
            head = doc.text[begin + offset:sentence.start + verb.idx].rstrip()
            known = next((a for a in doc.actors if a.start == begin + offset and a.end == begin + offset + len(head)
                          and not a.demonym), None)
            if known is not None:
                return known
        if not head[:1].isupper() or not 1 <= len(head.split()) <= 8 or re.search(r"[;:\"“(]|\b(?:that|who|which)\b", head) \
                or _NOT_SUBJECT.search(head) or head.lower() in ("the", "a", "an") or re.search(r"\s(?:a|an)\s|\s(?:a|an|the)$", head):
            return None  # "The comments from Stoltenberg followed an (emergency meeting)": a clause, no subject
        start = begin + offset
        act = token_at(doc, sentence.index, t0)
        if act is not None and act.pos_ in ("NOUN", "PROPN") and not doc.text[start + len(head):t0].strip() \
                and trigger_at(doc, t0, ("ASSAULT",)) is not None:
            return None  # "Car Bomb Attack", "Twin Suicide Blasts": the words before an attack's noun modify it
        words = span_tokens(doc, sentence.index, start, start + len(head))
        if words and all(t.pos_ == "ADJ" for t in words) and trigger_at(doc, t0, ("ASSAULT", "PROTEST", "COERCE")) is not None:
            return None  # "Violent protests broke out", "Mass protests swept": an adjective names nobody
        lead = head_of(words)
        if lead is not None and (lead.dep_ == "mark" or lead.pos_ == "SCONJ"):
            return None  # "As (protests continued)": a word linking clauses, no subject
        return _named_earlier(doc, ActorMatch(start, start + len(head), doc.text[start:start + len(head)], _UNKNOWN_ACTOR))
    words = m.group(1).strip()
    if len(words) < 3 or words.lower() in {"the", "it", "they", "he", "she", "we"}:
        return None
    start = sentence.start + m.start(1)
    return _named_earlier(doc, ActorMatch(start, start + len(words), words, _UNKNOWN_ACTOR))


def _named_earlier(doc: Doc, m: ActorMatch) -> ActorMatch:
    """"The group has issued an appeal": a subject that only refers back is the body named before."""
    body = body_antecedent(doc, m.start, m.text)
    return m if body is None else ActorMatch(m.start, m.end, m.text, body.actor, demonym=False)


def trigger_at(doc: Doc, offset: int, types: tuple[str, ...] | None = None) -> Trigger | None:
    """A trigger word (of one of ``types``) covering character ``offset`` of the document, if any."""
    return next((t for t in doc.triggers if t.start <= offset < t.end and (types is None or t.type in types)), None)


COUNT_BEFORE = re.compile(r"(?:\d[\d,]*|\b(?:" + lexicon.count_alternation(2, 10) + r"|" + lexicon.approximate_alternation("large_counts") + r"))\s+(?:[\w\-]+\s+)?$", re.I)
_DIED_AFTER = re.compile(
    r"^\s*(?:(?:top\s+|senior\s+)?(?:commanders?|leaders?|chief|emir|fighters?|members?|militants?|officials?|"
    r"officers?|soldiers?|troops)\s+)?(?:(?:were|are|was|is|has been|have been)\s+)?(?:killed|dead|died|wounded|injured|executed|slain)\b", re.I)

# "60 mercenaries from ... were killed in an airstrike": the subject of a passive is its patient
_PASSIVE_BETWEEN = re.compile(r"\b(?:were|was|been|being)\s+(?:\w+\s+)?(?:killed|wounded|injured|hit|targeted|struck|"
                              r"attacked|bombed|shelled|executed|massacred|slain|kidnapped|abducted)\b(?!\s+by\b)"
                              r"|\bvictims?\s+of\b", re.I)


# "X has been under attack", "troops came under fire": the one under an act undergoes it
_UNDER_ACT = re.compile(r"\s+(?:(?:has|have|had|is|are|was|were|been|being|came|come|comes|coming|remains?|remained|"
                        r"also|again|now|still|repeatedly|increasingly)\s+){0,3}under\s+(?:(?:heavy|renewed|sustained|"
                        r"constant|intense|direct)\s+)?", re.I)


_BY_FOLLOWS = re.compile(r"\s+(?:\w+ly\s+)?by\s+(?!(?:\d|mistake|accident|surprise|chance|night|day|noon|hand|means|way|"
                         r"air|land|sea|phone|telephone|email|the\s+end|the\s+time|far)\b)", re.I)


def _passive_subject(text: str, actor: ActorMatch, trigger: Trigger) -> bool:
    gap = text[actor.end:trigger.start] if actor.end <= trigger.start else ""
    return 0 < len(gap) <= 100 and not re.search(r"\b(?:which|who|whom|that|where|when|after|as)\b|[,;]", gap) \
        and bool(_PASSIVE_BETWEEN.search(gap))


_ACTIVE_OBJECT = re.compile(r"^\s+(?:\d|a\b|an\b|the\b|at\s+least|more\s+than|" + lexicon.approximate_alternation("large_counts") + r"|(?:" + lexicon.count_alternation(2, 10) + r")\b)", re.I)


def _named_dead(text: str, actor: ActorMatch) -> bool:
    """'Al-Nusra Front Commander Killed in Lattakia': the actor named as dead, not the killer
    ('ISIS militants killed 20 civilians' is the active voice and does not count)."""
    m = _DIED_AFTER.match(text[actor.end:actor.end + 60]) or _DIED_WITH_OTHERS.match(text[actor.end:actor.end + 60])
    return bool(m) and not _ACTIVE_OBJECT.match(text[actor.end + m.end():actor.end + m.end() + 20])


def headline_victim(text: str, actor: ActorMatch) -> bool:
    """A headline's actor preceded by a count or followed by 'killed' is among the dead."""
    return bool(COUNT_BEFORE.search(text[max(0, actor.start - 25):actor.start]) or _DIED_AFTER.match(text[actor.end:actor.end + 20])
                or _DIED_WITH_OTHERS.match(text, actor.end, actor.end + 60))


# "Senior Nusra Leader in Homs, 8 More Killed": a headline's named dead, where, and those who died with him
_DIED_WITH_OTHERS = re.compile(r"\s+(?:commanders?|leaders?|chief|emir|officials?|officers?)\s+(?:in\s+[\w\-]+\s*,?\s+)?"
                               r"(?:and\s+)?\d+\s+(?:more|others)\s+(?:(?:were|are)\s+)?(?:killed|dead|wounded|injured)\b", re.I)


def governing_act(doc: Doc, sentence: Sentence, trigger: Trigger, group: list[Trigger]) -> Trigger:
    """"security forces attacked the lawyer, beating him": a participle that goes on telling the act
    of another trigger word has that verb's agent and target; its own subject is not in its clause."""
    token = token_at(doc, sentence.index, trigger.start)
    if token is not None and token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        # "Turkish artillery shelled Kurdish positions", "army helicopters struck rebel bases": the weapon
        # is the subject of the act told by the verb, which has the agent and the target
        head = token.head
        return next((t for t in group if t is not trigger and t.start - sentence.start <= head.idx < t.end - sentence.start),
                    trigger)
    if token is None or token.tag_ != "VBG" or token.dep_ not in ("advcl", "acl", "xcomp", "conj"):
        return trigger
    head = token.head
    return next((t for t in group if t is not trigger and t.start - sentence.start <= head.idx < t.end - sentence.start
                 and head.pos_ == "VERB"), trigger)


# "an alliance including Al-Qaeda's Syrian affiliate": a part of a larger side; "held by the YPG": its target
PART_OR_TARGET = re.compile(r"\b(?:including|among them|such as|as well as|held by|controlled by|against|targeting|"
                             r"on|at|with|between|positions of)\s+(?:the\s+)?(?:[\w\-'’]+\s+){0,2}$", re.I)


# A surname told alone after the full name ("Jane Okafor of the X Command said ... Okafor later accused"),
# with or without an honorific ("Ms Okafor")
_SURNAME = re.compile(r"[A-Z][a-z][\w'’\-]+")
_SUBJECT_PRONOUNS = {p: PRONOUN_SEX[p] for p in ("he", "she")}  # as the subject of a statement


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(w for words in lexicon.gendered_words().values() for w in words)


def _parsed(doc: Doc, index: int):  # noqa: ANN202 - a spaCy Doc or None
    return doc.extra.get("parses", {}).get(index)


def _listed_spans(doc: Doc) -> tuple[list[int], list[int]]:
    """The stretches of text a listed body, office or place covers (not a demonym, not a bare person),
    merged and sorted, so that a name's words are looked up by position (bisect), not against every
    actor and place of a long text."""
    key = (len(doc.actors), len(doc.places))
    cached = doc.extra.get("_listed_spans")
    if cached is not None and cached[0] == key:
        return cached[1]
    spans = sorted([(a.start, a.end) for a in doc.actors
                    if not a.demonym and a.actor.id not in ("PERSON", "UNKNOWN_ACTOR")]
                   + [(p.start, p.end) for p in doc.places])
    starts: list[int] = []
    ends: list[int] = []
    for start, end in spans:
        if starts and start < ends[-1]:
            ends[-1] = max(ends[-1], end)  # overlapping: one stretch
        else:
            starts.append(start)
            ends.append(end)
    doc.extra["_listed_spans"] = (key, (starts, ends))
    return starts, ends


def _person_name(doc: Doc, sentence: Sentence, token) -> tuple[int, int] | None:  # noqa: ANN001 - a spaCy token
    """The span of the person's name a proper noun heads with given names before it ("Hussein
    Albuseis"), less the words of a listed body or place the parse ran into it ("Coalition"), or None."""
    names = [token]
    for t in reversed(list(token.lefts)):
        if t.i == names[0].i - 1 and t.dep_ == "compound" and t.pos_ == "PROPN" and t.text[:1].isupper():
            names.insert(0, t)

    starts, ends = _listed_spans(doc)

    def listed(t) -> bool:  # noqa: ANN001
        start, end = sentence.start + t.idx, sentence.start + t.idx + len(t.text)
        i = bisect_left(starts, end) - 1  # the last listed span opening before the word ends
        return i >= 0 and ends[i] > start

    while names and listed(names[0]):
        names = names[1:]
    if len(names) < 2 or any(listed(t) for t in names) \
            or names[0].lower_.rstrip(".") in _honorifics() or names[0].lower_ in lexicon.person_titles():
        return None
    return sentence.start + names[0].idx, sentence.start + names[-1].idx + len(names[-1].text)


class _FullNames:
    """Where a surname heads a full person's name in a document, in text order: ``starts`` (for
    bisect), and for each prefix of them the first such mention and how many different full names
    (counted up to two) it holds."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.first: list[tuple[Sentence, object]] = []
        self.distinct: list[int] = []


def _word_runs(doc: Doc) -> dict[str, list[int]]:
    """Where each maximal run of word characters and hyphens starts, by its text (built once per document)."""
    runs = doc.extra.get("_word_runs")
    if runs is None:
        runs = {}
        for hit in re.finditer(r"[\w\-]+", doc.text):
            runs.setdefault(hit.group(), []).append(hit.start())
        doc.extra["_word_runs"] = runs
    return runs


def _full_names(doc: Doc, surname: str) -> _FullNames:
    """The full names ``surname`` heads in ``doc`` (each parsed sentence read once per surname)."""
    cache = doc.extra.setdefault("_full_names", {})
    if surname in cache:
        return cache[surname]
    if re.fullmatch(r"[\w\-]+", surname):
        at_list = _word_runs(doc).get(surname, [])
    else:  # an apostrophe inside ("O'Brien"): the plain search
        at_list = [h.start() for h in re.finditer(rf"(?<![\w\-]){re.escape(surname)}(?![\w\-])", doc.text)]
    ends = [s.end for s in doc.sentences]
    found = _FullNames()
    first = None
    given: set[str] = set()
    for at in at_list:
        k = bisect_right(ends, at)  # the sentence holding the word, if any
        if k >= len(doc.sentences):
            break
        sentence = doc.sentences[k]
        if not (sentence.start <= at and at + len(surname) <= sentence.end) or _parsed(doc, sentence.index) is None:
            continue
        token = token_at(doc, sentence.index, at)
        span = _person_name(doc, sentence, token) if token is not None and token.text == surname else None
        if span is None:
            continue
        if len(given) < 2:
            given.add(doc.text[span[0]:span[1]])
        if first is None:
            first = (sentence, token)
        found.starts.append(at)
        found.first.append(first)
        found.distinct.append(len(given))
    cache[surname] = found
    return found


def person_named_before(doc: Doc, m: ActorMatch | None) -> ActorMatch | None:
    """"Albuseis pointed out ...", "Ms Okafor said": a surname alone stands for the one person named in
    full with it before ("Member of the Syrian Coalition Hussein Albuseis"), as that mention reads
    (the person's body and country). Two people of that surname, or a full name no parse read, leave
    the word as it is."""
    if m is None or m.actor.id != "UNKNOWN_ACTOR":
        return m
    words = m.text.split()
    if len(words) == 2 and words[0].lower().rstrip(".") in _honorifics():
        words = words[1:]
    if len(words) != 1 or not _SURNAME.fullmatch(words[0]):
        return m
    hits = _full_names(doc, words[0])
    i = bisect_left(hits.starts, m.start)  # the full names told before the surname
    if i == 0 or hits.distinct[i - 1] != 1:
        return m
    first = hits.first[i - 1]
    found = argument_actor(doc, first[0], first[1], [])
    if found is None or found.actor.id == "UNKNOWN_ACTOR":
        return m  # the full mention tells no more than the name: the surname is the label
    return ActorMatch(found.start, found.end, found.text, found.actor, demonym=False)


def _subject_of(token):  # noqa: ANN001, ANN202 - a spaCy token
    """The active subject of the verb ``token`` heads, or of the verb it is coordinated with."""
    verbs = [token, token.head] if token.dep_ == "conj" else [token]
    return next((c for v in verbs for c in v.children if c.dep_ == "nsubj"), None)


def speaker_before(doc: Doc, sentence: Sentence, token, reach: int = 2) -> ActorMatch | None:  # noqa: ANN001
    """"Member of the X Coalition Jane Roe condemned the raids. She called on ...": a "he" or "she"
    subject of a statement, in the sentence right after one whose subject is one named person, in the
    same paragraph, is that person (as the earlier sentence names her: her body, her country). A
    subject of the other sex ("Mr Roe" for "she"), two people, or a body as that subject decide
    nothing; nor does a pronoun a sentence further on (a quote or another person may lie between)."""
    if token is None or token.pos_ != "VERB" or predicate(token).i != token.i:
        return None
    subject = _subject_of(token)
    if subject is None or subject.lower_ not in _SUBJECT_PRONOUNS:
        return None
    sex = _SUBJECT_PRONOUNS[subject.lower_]
    if sentence.index == 0:
        return None
    prev = doc.sentences[sentence.index - 1]
    parsed = _parsed(doc, prev.index)
    if prev.paragraph != sentence.paragraph or parsed is None:
        return None
    root = next((t for t in parsed if t.dep_ == "ROOT"), None)
    named = _subject_of(root) if root is not None else None
    if named is None or any(c.dep_ in ("conj", "cc") for c in named.children):
        return None
    if named.pos_ == "PRON":
        if named.lower_ != subject.lower_ or reach <= 1 or root.pos_ != "VERB":
            return None
        return speaker_before(doc, prev, root, reach - 1)  # "He called on ... He added ...": the same person again
    if named.pos_ not in ("PROPN", "NOUN"):
        return None
    s0, s1 = subtree_span(named)
    other = lexicon.gendered_words().get("male" if sex == "female" else "female", frozenset())
    if {w.lower().rstrip(".") for w in re.findall(r"[\w.]+", prev.text[s0:s1])} & other:
        return None
    # the one person the subject names: "Jane Roe", "Member of the X Coalition Jane Roe"
    people = [t for t in named.subtree if t.pos_ == "PROPN" and t.dep_ != "compound" and _person_name(doc, prev, t)]
    if len(people) == 1:
        found = argument_actor(doc, prev, named, [])
        if found is not None and found.actor.id == "UNKNOWN_ACTOR":
            # no body or office around the name: the person, by the surname ("Jane Roe said. She ...": "Roe")
            person = people[0]
            at = prev.start + person.idx
            return ActorMatch(at, at + len(person.text), person.text, found.actor, demonym=False)
        return found
    if people or named.pos_ != "PROPN":
        return None
    # "Roe said ...": a surname alone, of the one person named in full before
    found = argument_actor(doc, prev, named, [])
    again = person_named_before(doc, found)
    return again if again is not found else None
