"""The role labeller: a swappable step of the events stage with a declared contract
(`RoleLabeller`). The default, `label_roles`, reads the sentence's patterns (`roles.roles`) and
its parse (`roles.parse_roles`) and settles between them; the corrections for orders, joint
attacks, speech about an act and repelled attacks are here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sitrep import lexicon
from sitrep.resolve.actors import ActorEntry, ActorMatch
from sitrep.stages.doc import Doc, Sentence, Trigger
from sitrep.stages.parse import (
    head_of,
    is_passive,
    opening_passive,
    predicate,
    reduced_relative,
    span_tokens,
    subtree_span,
    token_at,
)
from sitrep.stages.realis import OWN_ACTS, SPEECH_ACTS
from sitrep.stages.roles import (
    FIGHTING_KINDS,
    SPEECH_BETWEEN,
    argument_actor,
    parse_roles,
    party_of,
    person_named_before,
    promote,
    roles,
    speaker_before,
    speaker_head,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def _first_of_joint(doc: Doc, sentence: Sentence, actor1: ActorMatch | None, actor2: ActorMatch | None) -> ActorMatch | None:
    """"Russian and Syrian regime airstrikes", "Hezbollah and the Syrian army shelled": a joint act
    is coded to the side named first (the other is its ally, not its target)."""
    if actor1 is None:
        return None
    victims = [(c.casualty.evidence.start, c.casualty.evidence.end) for c in doc.in_sentence(doc.casualties, sentence)
               if c.casualty.evidence]
    # a force, a government ("the Assad regime and Russian forces": it fights by its forces) or a
    # demonym naming one ("Russian and Syrian regime jets"); leaders named together ("Erdogan and
    # Putin discussed the attack") did not fight it
    partner = next((a for a in doc.in_sentence(doc.actors, sentence) if a.end <= actor1.start
                    and (a.actor.kind in FIGHTING_KINDS or a.actor.kind == "government" or a.demonym)
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
        promote(text, a) for a in doc.in_sentence(doc.actors, sentence)
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


def in_passive_subject(doc: Doc, sentence: Sentence, token, actor: ActorMatch | None) -> bool:  # noqa: ANN001
    """Whether ``actor`` is named in the subject of the passive verb of ``token`` (not in a by-phrase there)."""
    if actor is None or token is None:
        return False
    subject = next((c for c in predicate(token).children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    start, end = (sentence.start + i for i in subtree_span(subject))
    return start <= actor.start < end and not re.search(r"\bby\s+(?:the\s+)?(?:[\w\-']+\s+){0,3}$",
                                                         doc.text[max(start, actor.start - 30):actor.start])


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
    if named is None or actor2 is not None and party_of(named) == party_of(actor2):
        return actor1
    return named


_TIME_WORDS = re.compile(r"^(?:last|next|this|earlier|later|on|in|at|early|late|yesterday|today|tonight|overnight)\b"
                         r"|^(?:" + lexicon.weekday_alternation() + r"|morning|evening)\b", re.I)

_SAID_BETWEEN = re.compile(r"\b(?:" + lexicon.speech_alternation("said_between") + r")\b")


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
                        return argument_actor(doc, sentence, obj, claim_spans, True)
    return None


@dataclass
class Roles:
    """Who did what to whom in one sentence, as a role labeller finds it.

    ``actor1`` is the agent (who did it), ``actor2`` the side it was done to; either may be None.
    ``token`` is the parse token of the act (None where the parse has none), ``passive`` whether
    that act is told in the passive, ``spoken`` whether a passive act is told by a speaker named
    before it ("Police say a man was arrested"). The events stage reads all five: it drops a
    mention that needs an agent and has none, and turns the subject of a passive attack into its
    target.
    """

    actor1: ActorMatch | None
    actor2: ActorMatch | None
    token: Token | None = None
    passive: bool = False
    spoken: bool = False


class RoleLabeller(Protocol):
    """The contract of the events stage's role labeller.

    Reads ``doc`` (its text, parse, actors, places and attributions from the stages before the
    events stage), the ``sentence`` being read, the ``trigger`` of the act whose roles are wanted,
    the event type ``etype`` the stage gives it (a trigger's type, or a re-typed "demanded" or
    "planned" act), and ``claim_spans``, the character spans of the sentence's attributions
    ("according to police"), whose speakers are not the act's parties. Returns ``Roles``. It must
    not change ``doc``. The default is ``label_roles``.
    """

    def __call__(self, doc: Doc, sentence: Sentence, trigger: Trigger, etype: str,
                 claim_spans: list[tuple[int, int]]) -> Roles: ...


def label_roles(doc: Doc, sentence: Sentence, trigger: Trigger, etype: str,
                claim_spans: list[tuple[int, int]]) -> Roles:
    """The default role labeller: the sentence's patterns, then its parse, which decides where it
    names a known actor; then the corrections for passives, speakers, conveners, orders, joint
    attacks, speech about an act and repelled attacks."""
    actor1, actor2 = roles(doc, sentence, trigger, etype, claim_spans)
    token = token_at(doc, sentence.index, trigger.start)
    if etype == "ASSAULT" and " " in trigger.text.strip():
        # "jets struck", "gunmen opened fire": the phrase's verb carries the act's arguments
        head = head_of(span_tokens(doc, sentence.index, trigger.start, trigger.end))
        token = head if head is not None and head.pos_ == "VERB" else token
    parsed1, parsed2 = parse_roles(doc, sentence, token, claim_spans, etype in ("COERCE", "CONCEDE"),
                                  committed_by=etype != "ASSAULT")
    # the words opening a sentence are its agent unless the parse names another or they
    # are a time ("Last week, ...")
    if token is not None and actor1 is not None and actor1.actor.id == "UNKNOWN_ACTOR" and (
            parsed1 is not None or _TIME_WORDS.match(actor1.text)):
        actor1 = None
    passive = token is not None and is_passive(predicate(token))
    # the patient of a passive is never its agent, nor the noun a bare participle describes ("the 25
    # people released")
    if parsed2 is not None and actor1 is not None and actor1.start < parsed2.end and parsed2.start < actor1.end \
            and (passive or reduced_relative(predicate(token))):
        actor1 = None
    passive_patient = etype != "ASSAULT" and passive
    spoken = False  # a passive act told by a speaker named before it ("Police say X was arrested")
    if passive_patient and actor1 is not None and actor1.end <= trigger.start \
            and (parsed1 is None or parsed1.start != actor1.start):
        # "An Australian woman has been arrested": what precedes a passive verb is done to
        # "Police say a man has been arrested": who says so right after being named speaks of
        # the act; the speaker is not the one it was done to
        spoken = bool(SPEECH_BETWEEN.search(speaker_head(doc.text, actor1.end))) or bool(
            # "PNP chief Gen. Jane Roe said those who were arrested ...": a speaker before the act
            _SAID_BETWEEN.search(doc.text, actor1.end, trigger.start))
        if (actor2 is None or actor2.start >= trigger.end) and not spoken:
            actor2 = None if actor1.actor.id == "UNKNOWN_ACTOR" and parsed2 is None and not \
                re.match(r"[A-Z]", actor1.text) else actor1
        actor1 = None
    # the parse decides where it names a known actor; an unknown one only fills a gap
    if parsed1 is not None and (parsed1.actor.id != "UNKNOWN_ACTOR" or actor1 is None):
        actor1 = parsed1
    if parsed2 is not None and passive and actor2 is not None and actor2.start >= trigger.end \
            and not (actor2.start < parsed2.end and parsed2.start < actor2.end) and _named_passive_subject(token) and (parsed2.end <= trigger.start or opening_passive(predicate(token))):
        # "Jane Roe, 56, was arrested ... where she was a police officer": the subject it was done to,
        # of the class the sentence says the person is
        role = actor2 if _OWN_ROLE.search(doc.text, parsed2.end, actor2.start) else None
        actor2 = None
        if role is not None and parsed2.actor.id == "UNKNOWN_ACTOR":
            parsed2 = ActorMatch(parsed2.start, parsed2.end, parsed2.text,
                                 ActorEntry("PERSON", parsed2.text, role.actor.kind, role.actor.country, None, False))
    described = parsed2 and next((a for a in reversed(doc.in_sentence(doc.actors, sentence))
                                  if _described(doc.text, a, parsed2)), None)
    if described is not None and (actor1 is None or party_of(described) != party_of(actor1)):
        parsed2 = described  # the parse read the description of the party named right before it
    if parsed2 is not None and etype == "ASSAULT" and parsed2.actor.kind == "monitor":
        # "a shell struck a school in Deraa the Observatory said": a monitor the parse reads into the
        # object tells of the violence; it is not whom the violence befell
        parsed2 = None
    if parsed2 is not None and (parsed2.actor.id != "UNKNOWN_ACTOR" or actor2 is None) and (
            actor1 is None or party_of(parsed2) != party_of(actor1) or parsed2.actor.id == "UNKNOWN_ACTOR"):
        actor2 = parsed2
    if actor1 is None and etype in OWN_ACTS and token is not None:
        # "an emergency meeting requested by the foreign minister": who asked for or called
        # the meeting (the agent of the participle describing it) holds it
        actor1 = _convener(doc, sentence, token, claim_spans)
    # "Okafor later accused ...": a surname alone is the person named in full before; "She called on
    # ...": a statement's "she" right after a sentence whose subject is one named person is that person
    actor1, actor2 = person_named_before(doc, actor1), person_named_before(doc, actor2)
    if actor1 is None and etype in SPEECH_ACTS and not passive:
        actor1 = speaker_before(doc, sentence, token)
    if actor1 is not None and actor2 is not None and actor1.start < actor2.end and actor2.start < actor1.end:
        actor2 = None  # one phrase is not both sides: "arrested by authorities" read twice
    if etype in ("COERCE", "ASSAULT"):
        actor1 = _ordered_by(doc, sentence, trigger, actor1, actor2)
    if etype == "ASSAULT":
        actor1 = _first_of_joint(doc, sentence, actor1, actor2)
        if _speaks_of_act(sentence, token, actor1):
            actor1 = None
        actor1, actor2 = _repelled(doc, sentence, trigger, actor1, actor2, claim_spans)
        actor1, actor2 = _taken_from(doc, sentence, trigger, actor1, actor2)
    return Roles(actor1, actor2, token, passive, spoken)


_TAKEN_FROM = re.compile(r"\b(?:" + lexicon.alternation(lexicon.capture_verbs()) + r")\s+(?:[\w\-'’]+\s+){0,8}?from\s+"
                         r"(?:the\s+)?(?:(?:control|hands)\s+of\s+(?:the\s+)?)?", re.I)


def _taken_from(doc: Doc, sentence: Sentence, trigger: Trigger, actor1: ActorMatch | None,
                actor2: ActorMatch | None) -> tuple[ActorMatch | None, ActorMatch | None]:
    """"The forces captured 16 villages from Daesh", "an attack to recapture the town from the rebels":
    whom the ground is taken from is the side attacked, never the attacker."""
    taken = next((f for f in _TAKEN_FROM.finditer(doc.text, trigger.start, sentence.end) if f.start() - trigger.end <= 40), None)
    side = next((a for a in doc.in_sentence(doc.actors, sentence) if taken is not None and 0 <= a.start - taken.end() <= 2),
                None)
    if side is None:
        return actor1, actor2
    side = promote(doc.text, side)
    if actor1 is not None and party_of(actor1) == party_of(side):
        actor1 = None
    return actor1, side


# "the SDF (SDF), a coalition of ", "the Popular Front, an alliance of ": an indefinite phrase right after
# a name, up to the class named in it
_DESCRIPTION = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:an?|one)\s+[^,;:.()]{0,80}$", re.I)


def _described(text: str, named: ActorMatch, other: ActorMatch) -> bool:
    """"troops deployed alongside the Syrian Democratic Forces, a coalition of Kurdish, Arab and Turkmen
    fighters": the indefinite phrase right after a named party says what that party is (who makes it
    up), so a class named inside it is the same party described, not a second one."""
    if named.demonym or named.actor.generic or named.actor.id in ("UNKNOWN_ACTOR", "CIVILIANS") \
            or named.end > other.start or party_of(named) == party_of(other):
        return False
    return _DESCRIPTION.fullmatch(text[named.end:other.start]) is not None


# "where he was a lieutenant and a police officer": what the sentence says the person is
_OWN_ROLE = re.compile(r"\b(?:he|she)\s+(?:was|is|had been|has been|served as|worked as)\b[^.;]{0,80}$")


def _named_passive_subject(token: Token) -> bool:
    """The passive predicate of the act has a subject headed by a proper name: the one it was done to
    ("Having been moved to house arrest, Jane Roe was ...": the sentence's subject, for an opening participle)."""
    p = predicate(token)
    subjects = list(p.children) + (list(p.head.children) if opening_passive(p) else [])
    return any(c.dep_ in ("nsubjpass", "nsubj") and c.pos_ == "PROPN" and (c.dep_ == "nsubjpass" or c.head is not p)
               for c in subjects)
