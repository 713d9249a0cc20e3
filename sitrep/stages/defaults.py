"""Defaults: what a record's fields are when its sentences do not say them (a state agent of an
arrest, protesters and the target of a protest, abductors, the date a statement was made).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from sitrep import lexicon
from sitrep.model import Actor, EventMention, Evidence, Place, When
from sitrep.resolve.actors import (
    UNLISTED_IDS,
    ActorMatch,
    actor_classes,
    actor_dictionary,
    class_entry,
    find_heads,
    phrase_country,
    resolve_entry,
)
from sitrep.resolve.datafiles import load_yaml
from sitrep.stages.acled import STATE_ACT_MODES, title_mode
from sitrep.stages.actors import PEOPLE_KINDS
from sitrep.stages.attribution import (
    GROUP_KINDS,
    armed_forces,
    inferred_air_power,
    named_group,
    title_actor_of,
    title_victim_of,
    unattributed_bombing,
)
from sitrep.stages.doc import Doc
from sitrep.stages.event_place import fill_places
from sitrep.stages.event_time import dated_before, dated_later
from sitrep.stages.realis import STATE_KINDS, claim_modality
from sitrep.stages.roles import COUNT_BEFORE, MUST_BE_BEFORE, as_actor

_INTERVENTION = re.compile(r"\b(?:dispers\w*|tear ?gas|water cannons?|rubber bullets|arrest\w*|detain\w*|batons?|"
                           r"broke up|break up|cracked down|crackdown|charged at|clashed with (?:police|security)|"
                           r"clash\w*\s+(?:between|with)\s+(?:the\s+)?(?:riot\s+)?(?:police|security)|"
                           # "was cut short by police", "facing horrific state violence": the police stopped or hit it
                           r"(?:cut short|stopped|halted|interrupted|blocked|surrounded)\s+by\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?(?:police|security forces|officers|troops)|"
                           r"(?:state|police) violence)\b", re.I)
# "protesters seeking arrests in the case", "demanding the arrest of the officers": the act the protest
# asks for, not one done to it
_ASKED_BEFORE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.demanding_verbs()) + r")\s+(?:the\s+|an?\s+|immediate\s+|swift\s+)*$", re.I)


def _intervened(text: str) -> bool:
    """Whether ``text`` tells the police stopping or hitting a protest (not a protest asking for arrests)."""
    return any(not _ASKED_BEFORE.search(text, max(0, w.start() - 40), w.start()) for w in _INTERVENTION.finditer(text))


_LETHAL = re.compile(r"\b(?:live (?:fire|ammunition|rounds)|opened fire|shot dead|killed|killing)\b", re.I)
_PROTESTERS = re.compile(r"\b(?:protest\w*|demonstrat\w*|marchers|rall(?:y|ies))\b", re.I)

# the kinds of doer a protest makes protesters, and the canonical name each then takes (None: its own)
_MARCHERS = {"unknown": None, "civilians": "Protesters"}



def _class_named(actor: Actor) -> bool:
    """An actor named by its class ("Civilians", or no name at all), not as a person or a body
    ("Jane Roe", "Roe family"): marching makes a class protesters, and leaves a name its own."""
    entry = actor_dictionary().get(actor.id) if actor.id else None
    return not actor.name or entry is not None and entry.generic and actor.name == entry.name


_PROTESTING_AFTER = re.compile(r"^\s*,?\s+(?:who\s+(?:were|had\s+been|have\s+been)?\s*)?(?:protest|demonstrat|march|rall(?:y|ied|ying))\w*\b"
                               # "people at Tuesday's protest", "those at the rally": present at a gathering of protest
                               r"|^\s+(?:at|during)\s+(?:the\s+|a\s+|[\w\-]+['’]s\s+)?(?:[\w\-]+\s+)?(?:"
                               + lexicon.alternation(lexicon.protest_gatherings()) + r")\b", re.I)


def _protesting(doc: Doc, actor: Actor | None) -> bool:
    """Whether the words naming ``actor`` go on to say they were protesting ("people protesting against")."""
    if actor is None or actor.kind not in _MARCHERS or actor.evidence is None or actor.evidence.field != "text":
        return False
    return bool(_PROTESTING_AFTER.match(doc.text[actor.evidence.end:actor.evidence.end + 40]))


def _protest_policing(doc: Doc, m: EventMention) -> None:
    """ACLED's protest sub-events: a protest the police broke up is 'with intervention'; protesters
    shot or killed by the forces policing them is 'excessive force' (ACLED codebook)."""
    text = " ".join(doc.sentences[i].text for i in m.sentences)
    # "Security forces fired live rounds at demonstrators. Police killed a 25-year-old man in X.": the
    # sentence before tells the protests the killing was part of
    before = doc.sentences[min(m.sentences) - 1].text if min(m.sentences) > 0 else ""
    if m.type == "PROTEST" and m.acled.get("sub_event_type") == "Peaceful protest" and _intervened(text):
        m.acled = {"event_type": "Protests", "sub_event_type": "Protest with intervention"}
    elif m.type == "ASSAULT" and _LETHAL.search(text) and m.actor1 is not None \
            and m.actor1.kind in ("police", "state military", "government", "security forces") \
            and (_PROTESTERS.search(text) or m.acled.get("event_type") == "Violence against civilians" and _PROTESTERS.search(before)):
        m.acled = {"event_type": "Violence against civilians", "sub_event_type": "Excessive force against protesters"}


_EMBASSY = re.compile(r"\b(?:outside|at|in front of|near|to|on)\s+(?:the\s+)?([A-Z][\w\-]+)\s+(?:embassy|consulate|mission)\b")
# a grievance the protest voices: "in protest against the fuel price rise", "in defiance of a ban"
_GRIEVANCE = re.compile(r"\b(?:against|in defiance of|to demand|demanding|to denounce|denouncing|to condemn|condemning|"
                        r"calling for|to call for|over the)\b", re.I)


def _record_country(m: EventMention, context: str | None) -> str | None:
    """The country where a record's act happened, else the article's own."""
    return (m.location.country if m.location is not None else None) or context


def unnamed_protesters(doc: Doc, m: EventMention) -> Actor | None:
    """'thousands gathered in an authorised rally': who protests, unnamed, are protesters of the place
    (ACLED's 'Protesters (country)'). Marked as inferred."""
    country = _record_country(m, doc.extra.get("actor_country"))
    entry = class_entry("protesters", country)
    return Actor(entry.name, entry.kind, entry.country or country, None, entry.id, None, basis="inferred")


_CHEERED = re.compile(r"\b(?:cheer(?:ed|ing)?|applaud(?:ed|ing)?|welcom(?:ed|ing)|hail(?:ed|ing)|celebrat(?:ed|ing))\s+"
                      r"(?:the\s+)?(?:[\w\-']+\s+){0,2}$", re.I)


def protest_target(doc: Doc, m: EventMention) -> Actor | None:
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
    if not country or m.actor1 is not None and m.actor1.kind in STATE_KINDS:
        return actor2
    entry = class_entry("government", country)
    if entry.country != country:
        return actor2
    return Actor(entry.name, entry.kind, entry.country, None, entry.id, None, basis="inferred")


_ORGANISED_BY = re.compile(r"\b(?:" + lexicon.alternation(lexicon.organising_verbs()) + r")\s+by\s+(?:the\s+)?$", re.I)
_ORGANISER_KINDS = frozenset({"party", "NGO", "workers", "human rights defenders", "students", "armed group", "rebels"})


def _organiser(doc: Doc, m: EventMention) -> Actor | None:
    """The named body a protest's own sentences, or one next to them, say organised or led it
    ("The protest was organised by the Socialist Party of Nigeria"; "a rally led by the union")."""
    wanted = {i + step for i in m.sentences for step in (-1, 0, 1)}
    spans = [(s.start, s.end) for s in doc.sentences if s.index in wanted]
    found = [a for a in doc.actors if any(s0 <= a.start < s1 for s0, s1 in spans)
             and not a.demonym and not a.actor.generic and a.actor.kind in _ORGANISER_KINDS
             and _ORGANISED_BY.search(doc.text[max(0, a.start - 40):a.start])]
    if len({a.actor.name for a in found}) != 1:
        return None
    a = found[0]
    e = a.actor
    return Actor(e.name, e.kind, e.country, a.text, None if e.id in UNLISTED_IDS else e.id,
                 Evidence(a.text, a.start, a.end), basis="text")


_EXECUTION = re.compile(r"(?:summarily\s+|mass\s+)?execut", re.I)

_OWN_PEOPLE = re.compile(r"(?:all\s+|some\s+|most\s+)?(?:of\s+)?(?:its|their|his|her|our)\b", re.I)


def fill_defaults(doc: Doc) -> None:
    """Article-level fallbacks: the article's main place and publication date."""
    dated_later(doc)
    dated_before(doc)
    title_actor = title_actor_of(doc)
    title_victim = title_victim_of(doc)
    title = doc.extra.get("title")
    title_modes = {t.mode for t in title.triggers if t.type == "ASSAULT" and t.mode} if title else set()
    title_mode(doc, title)
    # "Saudi Arabia executes 81": the headline's state executes through its courts and prisons, even
    # where the record's own word for the act has become another one of its sentences'
    title_executes = title is not None and any(t.type == "ASSAULT" and _EXECUTION.match(t.text) for t in title.triggers)
    # the headline tells one incident: the article's first current attack, or one of the kind of attack it names
    lead = next((m for m in doc.mentions if m.type == "ASSAULT" and not m.historical), None)
    for m in doc.mentions:
        if m.type == "ASSAULT" and not m.historical and m.actor2 is None and title_victim is not None \
                and min(m.sentences) <= 4 and (not title_modes or m.mode in title_modes or m.mode is None):
            m.actor2 = title_victim  # the headline counts whom it was done to
        if m.type != "ASSAULT" or m.historical or m.actor1 is not None:
            continue
        victim_id = m.actor2.id if m.actor2 is not None else None
        if m.mode == "abduct" and (holders := _holders_after(doc, m)) is not None:
            m.actor1 = holders  # the passage names who holds them: not the headline's takers of others
        elif title_actor is not None and min(m.sentences) <= 4 and (m is lead or m.mode in title_modes) \
                and (victim_id is None or title_actor.id != victim_id):  # the dead's own side did not kill them
            m.actor1 = title_actor  # the headline names who did it
        elif m.mode in ("aerial", "heavy-weapons") and (inferred := inferred_air_power(doc, m)) is not None:
            m.actor1 = inferred
            m.confidence = round(m.confidence * 0.8, 3)
    fill_places(doc)
    for m in doc.mentions:
        _protest_policing(doc, m)
        if m.type == "PROTEST" and m.actor1 is not None and m.actor1.kind in _MARCHERS:
            # those who march are, in the march, protesters ("farmers protested", "residents took to the streets")
            m.actor1 = replace(m.actor1, kind="protesters", name=_MARCHERS[m.actor1.kind] if _class_named(m.actor1) else m.actor1.name)
        if m.type == "PROTEST" and (m.actor1 is None or m.actor1.name in (None, "Protesters")) \
                and (organiser := _organiser(doc, m)) is not None:
            m.actor1 = organiser  # "the protest was organised by the Socialist Party": the party protested
            if m.actor2 is not None and m.actor2.name == organiser.name:
                m.actor2 = None  # read from the same words: a protest is not against those who called it
        elif m.type in ("COERCE", "ASSAULT") and _protesting(doc, m.actor2):
            # "arrested nearly 400 people protesting against ...": those acted on while protesting are protesters
            m.actor2 = replace(m.actor2, kind="protesters", name=_MARCHERS[m.actor2.kind] or m.actor2.name)
        elif m.type == "PROTEST" and m.actor1 is None and m.location is not None and m.location.country:
            # "thousands gathered", "a rally was held": a protest is made by protesters, of the place's
            # country (ACLED codes every protest's first actor so)
            m.actor1 = unnamed_protesters(doc, m)
        if m.type in ("MOBILIZE", "RETREAT") and m.actor2 is not None and _OWN_PEOPLE.match(m.actor2.label or ""):
            m.actor2 = None  # "ISIS mobilized all their forces", "withdrew its troops": one's own forces are no other side
        if m.type == "MOBILIZE" and m.actor2 is None and (hunted := _hunted(doc, m)) is not None:
            m.actor2 = hunted
        if m.type == "RETREAT" and _let_go(doc, m.actor2):
            m.actor2 = None  # "a pause to allow civilians and rebels to leave": whom it lets go is no other side
        if m.type == "ASSAULT":
            # a state fights through its forces: "the regime bombed", "the United States struck";
            # it executes through its courts and prisons ("Saudi Arabia executed 81"): its authorities
            if not (_EXECUTION.match(m.trigger or "") or m.actor1 is title_actor and title_executes):
                m.actor1 = armed_forces(m.actor1)
            m.actor2 = armed_forces(m.actor2)
            if m.actor1 is not None and m.actor2 is not None and m.actor1.id and m.actor1.id == m.actor2.id \
                    and (m.actor1.label or "").lower() in (m.actor2.label or "").lower():
                m.actor1 = None  # the attacker read from the words naming the dead ("33 Turkish soldiers")
        m.actor1, m.actor2 = _local(m.actor1, m.location), _local(m.actor2, m.location)
        if m.type == "ASSAULT":
            m.actor1 = named_group(doc, m, m.actor1, m.actor2)
            m.actor2 = named_group(doc, m, m.actor2, m.actor1)
            m.actor1 = unattributed_bombing(m)
        if m.type == "COERCE" and m.mode in STATE_ACT_MODES and m.actor1 is not None and m.actor1.kind in PEOPLE_KINDS \
                and m.actor1.kind != "unknown":
            # "journalist Zhang went on trial", "activist Kaur's arrest", "activists imprisoned in Iran
            # face ...": the people named by what they are do not arrest or try; they are the ones
            # arrested or tried (unless the other side is such people too: then those), by the state
            # body the sentence names or else by the state (inferred below)
            state = m.actor2 if m.actor2 is not None and m.actor2.kind in STATE_KINDS else None
            people = m.actor2 if m.actor2 is not None and m.actor2.kind in PEOPLE_KINDS and m.actor2.kind != "unknown" \
                and _specificity(m.actor2) >= _specificity(m.actor1) else m.actor1
            m.actor1, m.actor2 = state, people
        if m.type == "COERCE" and m.actor1 is None and not m.historical:
            m.actor1 = _state_agent(m, doc.extra.get("actor_country"), doc)
        if m.actor1 is None and not m.historical and (m.type == "ASSAULT" and m.mode == "abduct" or (
                m.type == "CONCEDE" and m.mode == "release" and _KIDNAP.search(m.evidence.text))):
            m.actor1 = _holders_after(doc, m) or _named_abductors(doc) or _takers_by(doc) \
                or _unnamed_abductors(m, doc.extra.get("actor_country"))
        organ = _announcing_organ(doc, m)
        if organ is not None:
            m.actor1 = organ
        claim_modality(m)
        if (holder := holder_asked(doc, m)) is not None:
            m.actor2 = holder
        if m.date is None and doc.article.published and not m.historical:
            m.date = When(doc.article.published, "day", "", None, basis="published")
        elif m.date is not None and m.historical is False and m.date.precision == "year" and doc.article.published:
            if int(m.date.value[:4]) < int(doc.article.published[:4]) - 1:
                m.historical = True


_RELEASE_WORDS = re.compile(r"\b(?:" + lexicon.alternation(lexicon.release_words()) + r")\b", re.I)


def holder_asked(doc: Doc, m: EventMention) -> Actor | None:
    """"The bar association called for the release of the students", "X must be freed": a call for
    held people's release that names no one to free them (no target, or only the held people) is
    addressed to those who hold them: the state body the article says arrested, charged or jailed
    them (the one that holds the same people first). None where the article names no such body."""
    said = _RELEASE_WORDS.search(m.evidence.text) if m.type == "REQUEST" else None
    target = m.actor2
    # "He is a prisoner of conscience and should be released": the held people told before a release
    # put in the passive are those to be freed, not those who must free them
    passive = said is not None and MUST_BE_BEFORE.search(m.evidence.text, 0, said.start()) is not None
    if said is None or target is not None and (target.kind not in PEOPLE_KINDS or target.kind == "unknown"
                                               or target.evidence is None or target.evidence.field != m.evidence.field
                                               or target.evidence.start < m.evidence.start + said.start() and not passive):
        return None
    holds = [c for c in doc.mentions if c.type == "COERCE" and c.actor1 is not None and c.actor1.kind in STATE_KINDS]
    same = [c for c in holds if target is not None and c.actor2 is not None and c.actor2.id == target.id
            and c.actor2.name == target.name]
    holder = next(iter(same + holds), None)
    return replace(holder.actor1, basis="inferred") if holder is not None else None


def _hunted(doc: Doc, m: EventMention) -> Actor | None:
    """"A manhunt by the police for six traders kidnapped by armed bandits": forces sent with no side
    named go after whom the same sentence says carried out an attack."""
    if m.evidence.field != "text" or not m.sentences:
        return None
    sentence = doc.sentences[m.sentences[0]]
    for t in doc.in_sentence(doc.triggers, sentence):
        by = re.match(r"\s+by\s+(?:the\s+)?", doc.text[t.end:t.end + 12]) if t.type == "ASSAULT" else None
        author = next((a for a in doc.in_sentence(doc.actors, sentence) if by is not None and a.start == t.end + by.end()
                       and not a.demonym and a.actor.kind not in STATE_KINDS), None)
        if author is not None and (m.actor1 is None or author.actor.id != m.actor1.id):
            return replace(as_actor(author), basis="inferred")
    return None


_LET_GO = re.compile(r"\b(?:" + lexicon.alternation(lexicon.letting_verbs()) + r")\s+(?:[\w\-'’]+\s+){0,4}$", re.I)


def _let_go(doc: Doc, actor: Actor | None) -> bool:
    """The words naming ``actor`` are whom a verb of letting lets go or act ("to allow civilians and
    surrendering rebels to leave")."""
    if actor is None or actor.evidence is None:
        return False
    title = doc.extra.get("title")
    text = doc.text if actor.evidence.field == "text" else title.text if title is not None else ""
    return bool(_LET_GO.search(text[max(0, actor.evidence.start - 60):actor.evidence.start]))


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
    # a charge, trial or sentence is the courts' and prosecutors' act: the state's judiciary
    body = "judiciary" if m.mode == "legal" else "government" if m.mode == "restrict" else "police"
    if body == "police" and doc is not None and not any(
            a.actor.kind == "police" and a.actor.country in (None, country) and _near(a, m) for a in doc.actors):
        # an arrest where the story does not name that state's police around it ("UN staff were detained
        # in Addis Ababa"): the state's authorities, as coders write it; the police only where the text
        # has them at hand, not an arrest by police told paragraphs before
        body = "government"
    entry = class_entry(body, country)
    if body == "police" and doc is not None:
        # the one police body the text names at hand ("the Springfield Police Department") made the arrest
        forces = class_entry("security forces", country)
        named = {a.actor.name: a.actor for a in doc.actors if a.actor.kind == "police" and a.actor.country == country
                 and a.actor != forces and _near(a, m)}
        if len(named) == 1:
            entry = next(iter(named.values()))
    if entry.country != country:
        return None
    return Actor(entry.name, entry.kind, entry.country, None, None if entry.id in UNLISTED_IDS else entry.id, None,
                 basis="inferred")


# how far from an arrest told without its agent the police the text names still read as the arrester
_POLICE_REACH = 400


def _near(a: ActorMatch, m: EventMention) -> bool:
    ev = m.evidence
    if ev is None or ev.field != "text":
        return True
    return ev.start - _POLICE_REACH <= a.start <= ev.end + _POLICE_REACH


_KIDNAP = re.compile(r"\b(?:kidnap\w*|abduct\w*|hostages?|captors?|ransom)\b", re.I)


def _announcing_organ(doc: Doc, m: EventMention) -> Actor | None:
    """"The United States has sanctioned ..., the U.S. Treasury Department said": a state's measure
    (not an attack) that one of its own ministries announces is that ministry's act: it took it."""
    said = m.claim.evidence if m.claim is not None else None
    if m.type in ("ASSAULT", "PROTEST") or m.actor1 is None or m.actor1.kind != "government" or said is None \
            or said.field != "text":
        return None
    organ = next((a for a in doc.actors if a.start < said.end and said.start < a.end and a.actor.kind == "ministry"
                  and a.actor.country == m.actor1.country), None)
    if organ is None:
        return None
    e = organ.actor
    return Actor(e.name, e.kind, e.country, organ.text, None if e.id in UNLISTED_IDS else e.id,
                 Evidence(organ.text, organ.start, organ.end), basis="text")


def _named_abductors(doc: Doc) -> Actor | None:
    """The one group the article names as taking the hostages ("were kidnapped by the 400 Mawozo
    gang", "bandits abducted 40 pupils"): a kidnapping or a release told elsewhere in it without a
    taker is that group's. A class counts when it is an armed group's ("bandits", "gangs"); "militants"
    or "gunmen" say too little of who they are."""
    dictionary = actor_dictionary()
    named = {m.actor1.id: m.actor1 for m in doc.mentions
             if m.type == "ASSAULT" and m.mode == "abduct" and m.actor1 is not None and m.actor1.basis == "text"
             and m.actor1.id and m.actor1.kind in GROUP_KINDS
             and (entry := dictionary.get(m.actor1.id)) is not None
             and (not entry.generic or entry.kind == "armed group")}
    if len(named) != 1:
        return None
    taker = next(iter(named.values()))
    return replace(taker, label=None, evidence=None, basis="inferred")


# "The staff are still held by unknown gunmen": who holds the hostages took them
_HELD_BY = re.compile(r"\b(?:held|kept)(?:\s+(?:hostage|captive|prisoner))?\s+by\s+(?:the\s+)?", re.I)


def _holders_after(doc: Doc, m: EventMention) -> Actor | None:
    """The takers a kidnapping's own telling or the sentence right after it names as holding the
    hostages ("five staff were kidnapped in Abyan. They are still held by unknown gunmen"): those
    took them, whatever group the article names for another kidnapping."""
    last = max(m.sentences)
    for i in sorted(set(m.sentences) | {last + 1}):
        if i >= len(doc.sentences):
            continue
        sentence = doc.sentences[i]
        for found in _HELD_BY.finditer(sentence.text):
            at = sentence.start + found.end()
            holder = next((a for a in doc.in_sentence(doc.actors, sentence) if at - 8 <= a.start <= at and not a.demonym
                           and a.actor.kind in GROUP_KINDS | {"unknown"}), None)
            if holder is not None:
                e = holder.actor
                return Actor(e.name or None, e.kind, e.country or _record_country(m, doc.extra.get("actor_country")),
                             holder.text, None if e.id in UNLISTED_IDS else e.id,
                             Evidence(holder.text, holder.start, holder.end), basis="text")
    return None


_TAKEN_BY = re.compile(r"\b(?:kidnapp|abduct|seiz)(?:ed|ing)\s+by\s+(?:the\s+|suspected\s+|armed\s+)*", re.I)


def _takers_by(doc: Doc) -> Actor | None:
    """"kidnapped by armed bandits", "abducted by the gang": the one kind of taker the article names
    after "by" took the hostages another sentence tells of without a taker."""
    takers = {}
    for found in _TAKEN_BY.finditer(doc.text):
        at = next((a for a in doc.actors if found.end() - 8 <= a.start <= found.end() and not a.demonym
                   and a.actor.kind in GROUP_KINDS | {"unknown"}), None)
        if at is not None:
            takers[(at.actor.id, at.actor.name)] = at.actor
    if len(takers) != 1:
        return None
    entry = next(iter(takers.values()))
    return Actor(entry.name or None, entry.kind, entry.country, None,
                 None if entry.id in UNLISTED_IDS else entry.id, None, basis="inferred")


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
                and re.search(r"\b(?:court|tribunal|judiciary)\b", entry.name or "", re.I):
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


@cache
def _civilians_as_such() -> frozenset[str]:
    entry = next(r for r in load_yaml("actor_classes.yaml") if r["class"] == "civilians")
    return frozenset(w.lower() for w in entry.get("as_such") or ())


_COUNTED_PEOPLE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.counted_people()) + r")\b", re.I)


def counted_victims(actor: Actor | None, place: Place | None) -> Actor | None:
    """A target of no known kind counted as men ("crucified two men", "executed a further 19 men from the
    tribe"): civilians of the place, as coders record victims named by number and sex only."""
    if actor is None or actor.kind != "unknown" or actor.name or not actor.label or place is None or not place.country:
        return actor
    head = _COUNTED_PEOPLE.search(actor.label)
    if head is None or not COUNT_BEFORE.search(actor.label[:head.start()]):
        return actor
    entry = class_entry("civilians", place.country)
    return Actor(entry.name, entry.kind, entry.country, actor.label, entry.id, actor.evidence, actor.basis)


def named_by_role(actor: Actor | None) -> Actor | None:
    """Civilians the text calls by what they are ("a woman was abducted", "arrested his parents",
    "the missionaries were kidnapped") are named so, as coders name them ("Woman", "Parents"); kind
    and country stay civilians of the place. Only "civilians", "people", "residents" and the like
    leave the class name."""
    civilians = actor_classes()["civilians"]
    if actor is None or actor.kind != civilians.kind or actor.name != civilians.name or not actor.label:
        return actor
    heads = [(s, e) for s, e, key in find_heads(actor.label) if key == "civilians"]
    if not heads:
        return actor
    word = actor.label[heads[-1][0]:heads[-1][1]]
    if word.lower() in _civilians_as_such():
        return actor
    return replace(actor, name=word[:1].upper() + word[1:].lower())

