"""Attribution: the actor of a record read from beyond its own sentence: the headline's actor and
victim, the force whose site an attack hit, a group named nearby, and the Syria-only policy that
an air strike on an opposition-held place was the government's air force.
"""

from __future__ import annotations

import re

from sitrep import lexicon
from sitrep.model import Actor, Casualty, EventMention, Evidence
from sitrep.resolve.actors import UNLISTED_IDS, ActorEntry, actor_dictionary, class_entry
from sitrep.stages.actors import PEOPLE_KINDS
from sitrep.stages.corefer import descends
from sitrep.stages.doc import ActorMatch, Doc
from sitrep.stages.roles import COUNT_BEFORE, PART_OR_TARGET, as_actor, headline_victim, roles


def victim_actor(cas: list[Casualty], dictionary) -> Actor | None:  # noqa: ANN001
    for c in cas:
        if c.party:
            entry = dictionary.by_name(c.party)
            if entry:
                return Actor(entry.name, entry.kind, entry.country, c.who, entry.id, c.evidence)
    for c in cas:
        if c.category in ("civilians", "children", "women"):
            return Actor("Civilians", "civilians", None, c.who, "CIVILIANS", c.evidence)
    return None


def title_actor_of(doc: Doc) -> Actor | None:
    """The perpetrator a headline names ("Russian airstrikes kill 12", "IS downs chopper")."""
    title = doc.extra.get("title")
    if title is None or not title.sentences:
        return None
    sentence = title.sentences[0]
    for t in title.triggers:
        if t.type != "ASSAULT":
            continue
        a1, _a2 = roles(title, sentence, t, "ASSAULT", [])
        if a1 is not None and headline_victim(title.text, a1):
            continue  # "100 ISIL Terrorists Killed in Kobani": the named are the dead
        if a1 is not None and a1.actor.id != "UNKNOWN_GROUP":
            actor = as_actor(a1)
            if actor.evidence:
                actor.evidence.field = "title"
            return actor
    return None


def title_victim_of(doc: Doc) -> Actor | None:
    """The victims an attack headline counts ("Regime airstrikes kill 61 civilians", "27 Students
    Abducted"): people counted in a headline about an attack are the ones it was done to."""
    title = doc.extra.get("title")
    if title is None or not title.sentences or not any(t.type == "ASSAULT" for t in title.triggers):
        return None
    for a in title.actors:
        if a.actor.kind in PEOPLE_KINDS and a.actor.kind != "unknown" and not a.demonym \
                and COUNT_BEFORE.search(title.text[max(0, a.start - 25):a.start]):
            actor = as_actor(a)
            if actor.evidence:
                actor.evidence.field = "title"
            return actor
    return None


_OPPOSITION_HELD = re.compile(r"\b(?:rebel|opposition|insurgent|militant)[- ](?:held|controlled|run)\b", re.I)


def inferred_air_power(doc: Doc, m: EventMention) -> Actor | None:
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
    entry = actor_dictionary().get("SYR_RUS_AIR")
    return Actor(entry.name, entry.kind, entry.country, None, entry.id, None, basis="inferred")


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


def struck_force(doc: Doc, m: EventMention) -> Actor | None:
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


# attacks from afar or by a bomb, whose dead are the people where they fell, not the side that fought them
_REMOTE_MODES = frozenset({"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack"})


def toll_victims(m: EventMention) -> Actor | None:
    """The dead of a strike, shelling or bombing told only by a number ("a bomb blast hit the convoy,
    killing at least 100"; "leaving 50 martyrs"), with no one named as hit and no fighter or soldier
    among them, are civilians of the place, as ACLED codes victims the report does not name."""
    if m.type != "ASSAULT" or m.mode not in _REMOTE_MODES or m.actor2 is not None or not m.killed \
            or m.location is None or not m.location.country:
        return None
    if any(c.category not in ("civilians", "children", "women", "unknown") for c in m.casualties):
        return None
    entry = class_entry("civilians", m.location.country)
    return Actor(entry.name, entry.kind, entry.country, None, entry.id, None, basis="inferred")


_SHELLED_PLACE = re.compile(
    _AIMED_AT + r"(?:(?!(?:in|of|near|from|with|by|and|or|to|after|before|outside|inside|as|while)\b)[\w\-'’]+\s+){0,3}(?:"
    + lexicon.alternation(lexicon.shelled_places()) + r")\b", re.I)


def shelled_inhabitants(doc: Doc, m: EventMention) -> Actor | None:
    """Fire from afar aimed at where people live ("regime forces shelled the towns of A and B", "air
    strikes hit the village"), with no one named as hit and no fighter among its dead, was aimed at the
    place's civilians, as conflict coders record it; a ground assault on a town is on those holding it."""
    if m.type != "ASSAULT" or m.mode not in _REMOTE_MODES or m.actor2 is not None \
            or m.location is None or not m.location.country:
        return None
    if any(c.category not in ("civilians", "children", "women", "unknown") for c in m.casualties):
        return None
    if not any(_SHELLED_PLACE.search(doc.sentences[i].text) for i in m.sentences):
        return None
    entry = class_entry("civilians", m.location.country)
    return Actor(entry.name, entry.kind, entry.country, None, entry.id, None, basis="inferred")


def armed_forces(actor: Actor | None) -> Actor | None:
    """A state, its government or its head named as attacker or target of violence: its military."""
    if actor is None or actor.id is None or actor.kind not in ("government", "head of state", "state"):
        return actor
    dictionary = actor_dictionary()
    military = dictionary.military_of(actor.id)
    if military is None:
        return actor
    return Actor(military.name, military.kind, military.country, actor.label, military.id, actor.evidence, actor.basis)


# "a terrorist car bomb", "two terrorists blew themselves up": the word a state's media gives every
# armed opponent names no side in a bombing, which any of several groups stage (unlike the shelling
# from the front line across from a town, which the opposition holding that line fires)
_BARE_TERRORISTS = re.compile(r"(?:the\s+)?(?:armed\s+)?terrorists?(?:\s+(?:groups?|organi[sz]ations?|gangs?))?", re.I)
_BOMBING_MODES = frozenset({"explosives", "suicide-attack"})


def unattributed_bombing(m: EventMention) -> Actor | None:
    """A bombing's attacker named only "terrorists" (a class, not a group): nobody named, or, for a
    suicide attack, the suicide bombers themselves (of no known group)."""
    actor = m.actor1
    if m.mode not in _BOMBING_MODES or actor is None or not actor.label \
            or not _BARE_TERRORISTS.fullmatch(actor.label.strip()):
        return actor
    entry = actor_dictionary().get(actor.id) if actor.id else None
    if entry is None or not entry.generic or entry.kind not in GROUP_KINDS:
        return actor
    if m.mode != "suicide-attack":
        return None
    bombers = class_entry("suicide bombers", actor.country)
    return Actor(bombers.name, bombers.kind, bombers.country, actor.label, bombers.id, actor.evidence, actor.basis)


GROUP_KINDS = {"armed group", "terrorist group", "rebels", "militia"}
_TARGET_BEFORE = re.compile(r"\b(?:against|on|at|with|between|and|attacked|attacking|fighting|targeting|held by|from)\s+(?:the\s+)?$", re.I)


def named_group(doc: Doc, m: EventMention, actor: Actor | None, other: Actor | None) -> Actor | None:
    """"terrorists", "militants" for the one armed group named right by those words in their sentence
    ("terrorists ... Jabhat Fateh al-Sham"): the text says which group it means."""
    if actor is None or actor.id is None or actor.evidence is None:
        return actor
    entry = actor_dictionary().get(actor.id)
    if entry is None or not entry.generic or entry.kind not in GROUP_KINDS:
        return actor
    at, end = actor.evidence.start, actor.evidence.end
    # the group named right by the words ("terrorists ... Jabhat Fateh Al Sham", "Daesh militants"),
    # not one the sentence names as their target or ally
    named = {a.actor.id: a.actor for a in doc.actors
             if a.actor.id and not a.actor.generic and not a.demonym and a.actor.kind in GROUP_KINDS
             and a.actor.id not in UNLISTED_IDS and (other is None or a.actor.id != other.id)
             and -60 <= a.start - end <= 60 and abs(a.end - at) <= 120
             and not _TARGET_BEFORE.search(doc.text[max(0, a.start - 25):a.start])
             and not (_reporting(doc, a) and not _OWN_BEFORE.search(doc.text[max(0, at - 8):at]))
             and doc.text.count(".", min(a.end, at), max(a.start, end)) == 0}
    if not named:
        # none right by the words: "terrorists" then means the one group of their class that the
        # incident's sentences or the two sentences before name, unless that is the other side
        around = _groups_named(doc, m, at, other)
        # one group only (two named are a fight between them), and a member of the class the words name
        # or one the text itself calls so ("the ISIL terrorist group ... killing 19 terrorists")
        # ("the militants crucified two men" after "Islamic State beheaded two men": the definite
        # words take up the group just named, whatever class the words alone would read as)
        named = around if len(around) == 1 and (descends(actor_dictionary(), next(iter(around)), entry.id)
                                                 or _called_so(doc, m, next(iter(around)), actor.label or "")
                                                 or _definite(doc, actor)) else {}
    if len(named) != 1:
        return actor
    group = next(iter(named.values()))
    return Actor(group.name, group.kind, group.country, actor.label, group.id, actor.evidence, basis=actor.basis)


# "IS said its militants destroyed ...": the speaker's own men are the speaker
_OWN_BEFORE = re.compile(r"\b(?:its|their)\s+$", re.I)
# the cues whose speaker is the doer of the act, not someone telling of it
_DOER_CUES = frozenset({"claimed responsibility", "claimed by"})


def _reporting(doc: Doc, a: ActorMatch) -> bool:
    """A group named as the one telling of the act ("The Hawks Brigade said militants shelled the
    town", "according to the Hawks Brigade, militants ..."): a source, not whom the class word means."""
    return any(t.start <= a.start < t.end and t.cue not in _DOER_CUES for t in doc.attributions)


_DEFINITE_HEADS = re.compile(r"(?:militants|insurgents|jihadists|extremists|terrorists)$", re.I)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _definite(doc: Doc, actor: Actor) -> bool:
    """"the militants", "the insurgents": a group's class word with the definite article (which
    takes up a group already named), not a bare plural ("militants attacked")."""
    label = (actor.label or "").strip()
    if not _DEFINITE_HEADS.search(label) or actor.evidence is None:
        return False
    if label.lower().startswith("the "):
        return True
    return bool(_THE_BEFORE.search(doc.text[max(0, actor.evidence.start - 5):actor.evidence.start]))


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
            if a.actor.id and not a.actor.generic and not a.demonym and a.actor.kind in GROUP_KINDS
            and a.actor.id not in UNLISTED_IDS and (other is None or a.actor.id != other.id)
            and not PART_OR_TARGET.search(doc.text[max(0, a.start - 30):a.start])}
