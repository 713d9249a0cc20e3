"""In-article coreference: mentions of one incident (the title's "bomb blast", the lead's "a bomb
killed six", a later "the attack") merged into one record with a span per field.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sitrep import lexicon
from sitrep.model import Actor, Casualty, EventMention, When
from sitrep.resolve.actors import actor_dictionary
from sitrep.stages.acled import mode_rank
from sitrep.stages.casualties import is_vague, tolls_agree
from sitrep.stages.dates import SAME_DAY, interval_after
from sitrep.stages.doc import Doc, Sentence
from sitrep.stages.event_place import finer, merged_place, places_compatible
from sitrep.stages.event_time import ANOTHER, report_day_fits, told_fits
from sitrep.stages.parse import token_at
from sitrep.stages.realis import TYPE_RANK
from sitrep.stages.roles import FIGHTING_KINDS

_ANAPHORA = re.compile(
    r"\b(?:the|this|that|today['’]s|yesterday['’]s|\w+day['’]s|the latest)\s+(?:[\w\-]+\s+){0,4}"
    r"(?:attack|attacks|operation|bombing|blast|explosion|strike|strikes|raid|raids|massacre|assault|shelling|ambush|incident|airstrike|airstrikes|"
    r"offensive|onslaught|blasts|explosions|bombings|clashes|clash|bombardment|bombardments)\b",
    re.I,
)
RETALIATION = re.compile(r"\b(?:in retaliation|retaliat\w+|in response)\b", re.I)

# a sentence opening on "Meanwhile", "Elsewhere", "In a separate ..." turns to another incident even
# when it later names the first one ("... as doctors treated victims of the chemical attack")
# "Earlier today ...", "Later in the evening ...": another strike of the same day (a toll that "rose"
# later is the same one's update)
# "More rocket shells later hit ...": a sentence opening on more of the weapons is a further strike
# "In other developments ...", "In a related development ...": the report's turn to another incident
_TURN = re.compile(r"^\W*(?:meanwhile|elsewhere|in a separate|separately|in another|"
                   r"in (?:a |an )?(?:other|related|relevant|further|separate|similar) developments?|"
                   r"more\s+(?:[\w\-]+\s+)?(?:shells|rockets|missiles|mortars|bombs|barrel bombs|airstrikes|air strikes|strikes)\b|"
                   r"earlier (?:today|in the day|this morning|on \w+day)|later (?:in the|that) (?:day|evening|afternoon|night))\b", re.I)
# "other shells hit the neighborhoods of ...": further weapons or strikes, not the ones just told ("the other
# shells" may be those of a salvo already counted)
_OTHER_STRIKES = re.compile(r"(?<!the )\bother\s+(?:[\w\-]+\s+)?(?:shells|rockets|missiles|mortars|bombs|airstrikes|strikes|raids|attacks)\b", re.I)
_UPDATE = re.compile(r"\b(?:toll|rose|risen|climbed|increased|updated)\b", re.I)
# "two more civilians were killed in ...": a count added by a further incident ("more than" is a size)
_MORE = re.compile(r"\b(?:\d+|" + lexicon.count_alternation(2, 10) + r"|" + lexicon.approximate_alternation("more_added") + r")\s+more\s+(?!than\b)"
                   r"(?:\w+\s+){0,2}(?:were|was|have been|had been)\s+(?:killed|wounded|injured|abducted|arrested)\b", re.I)


# "Another 20 people were wounded", "..., the hospital said another five were hurt": a count of further
# victims told with no act, place or day of its own adds to the incident just told, not another one
# ("another five civilians were killed in two other districts" names where: a further strike)
_ADDED_VICTIMS = re.compile(r"\banother\s+(?:\d[\d,]*|" + lexicon.count_alternation(2, 20) + r")\s+(?:[\w\-]+\s+){0,2}?"
                            r"(?:were|was|have been|had been)\s+(?:\w+ly\s+)?(?:wounded|injured|hurt|killed)\b", re.I)
# "3 other persons were injured when ...", opening its clause, counts victims besides those told before it,
# as "another 3" does ("two were killed and 16 other people were injured" counts besides its own dead)
_OTHER_VICTIMS = re.compile(r"(?:(?<![\w,])\d[\d,]{0,8}|\b(?:" + lexicon.count_alternation(2, 20) + r"))\s+other\s+(?:[\w\-]+\s+){0,2}?"
                            r"(?:were|was|have been|had been)\s+(?:\w+ly\s+)?(?:wounded|injured|hurt|killed)\b", re.I)
_TOLD_VICTIMS = re.compile(r"\b(?:killed|dead|died|wounded|injured|hurt)\b", re.I)


def _other_victims(text: str) -> re.Match | None:
    found = _OTHER_VICTIMS.search(text)
    return None if found is None or _TOLD_VICTIMS.search(text[:found.start()]) else found


ADDED_REACH = 3  # sentences: added victims follow the telling of their incident closely
_COUNT_WORD = re.compile(r"(?:(?:death|casualty)\s+)?toll|dead|deaths?|casualties|wounded|injured|hurt", re.I)
_ELSEWHERE_WORDS = re.compile(r"\b(?:other|elsewhere|separate(?:ly)?|similar|meanwhile|also)\b", re.I)


def _added_victims(doc: Doc, sentence: Sentence, m: EventMention) -> bool:
    """Whether a sentence only adds victims to the incident told before it ("Another 20 people were
    wounded, the agency reported"): its "another" counts people, and it names no act of its own (no
    kind of attack, no trigger but the casualty word), no place and no day."""
    found = _ADDED_VICTIMS.search(sentence.text) or _other_victims(sentence.text)
    if m.type != "ASSAULT" or found is None or m.mode is not None \
            or (m.date is not None and m.date.basis == "text") or turns_to_other(sentence.text):
        return False
    rest = sentence.text[:found.start()] + sentence.text[found.end():]
    if _ELSEWHERE_WORDS.search(rest) or ANOTHER.search(rest):
        return False
    if doc.in_sentence(doc.places, sentence):
        return False
    # (a word counting the victims already told, "confirmed the death toll", names no act)
    return not any((sentence.start + found.start() > t.start or t.start >= sentence.start + found.end())
                   and (t.mode is not None or not _COUNT_WORD.fullmatch(t.text))
                   for t in doc.in_sentence(doc.triggers, sentence))


# "saw some of the wounded being treated where some of the dead were also being received": the victims
# of the incident just told, named again by "the"; no act, count, place or day of their own
_VICTIMS_AGAIN = re.compile(r"\bthe\s+(?:dead|wounded|injured|hurt|victims|casualties|bodies)$", re.I)


def _victims_again(doc: Doc, sentence: Sentence, m: EventMention) -> bool:
    """Whether a sentence's only act words are the victims already told named again ("the wounded")."""
    if m.type != "ASSAULT" or m.mode is not None or (m.date is not None and m.date.basis == "text") \
            or any(c.count is not None for c in m.casualties) or turns_to_other(sentence.text) \
            or doc.in_sentence(doc.places, sentence):
        return False
    triggers = doc.in_sentence(doc.triggers, sentence)
    return bool(triggers) and all(_VICTIMS_AGAIN.search(doc.text[max(sentence.start, t.start - 20):t.end]) for t in triggers)


# "The death toll rose to 12 on Monday": a toll updated on a later day; the day dates the count, not the act
_TOLL_UPDATE = re.compile(r"\b(?:the|its|their)\s+(?:[\w\-]+\s+){0,2}?toll\b[^.;]{0,40}?\b(?:rose|risen|climbed|increased|reached|jumped|grew)\b", re.I)


# "The group also listed 55 wounded", "It also said 19 soldiers were killed in the fighting", "Meanwhile the
# medical centre said dozens had been killed": a source's figure, told with no act, place or day of its own,
# is that source's toll of the incident just told (PROTOCOL: toll updates are attributes, not events)
_GIVEN_BY = re.compile(r"\b(?:also|" + lexicon.speech_alternation("toll_giving") + r"|listed|listing)\b", re.I)
_TOLL_ONLY_WORD = re.compile(r"(?:(?:death|casualty)\s+)?toll|dead|deaths?|casualties|wounded|injured|hurt|killed|died|killing", re.I)
_NOT_THE_SAME = re.compile(r"\b(?:other|elsewhere|separate(?:ly)?|similar|another|more|earlier|later|previous(?:ly)?|"
                           r"since|last|past|this (?:week|month|year))\b", re.I)


def _reported_toll(doc: Doc, sentence: Sentence, m: EventMention) -> bool:
    """Whether a sentence only gives a source's count of dead or hurt ("It also said that 19 soldiers were
    killed in the fighting"): its only act words count victims or name the incident again ("the fighting"),
    it is attributed ("said", "also listed"), and it names no place, no day and nothing telling of
    another incident, a response or a span of time."""
    if m.type != "ASSAULT" or (m.date is not None and m.date.basis == "text") or not m.casualties:
        return False
    text = sentence.text
    source = m.claim.evidence if m.claim is not None else None
    if not _GIVEN_BY.search(text) or _NOT_THE_SAME.search(text) or RETALIATION.search(text) or any(
            source is None or not source.start <= p.start < source.end for p in doc.in_sentence(doc.places, sentence)):
        return False  # (a place in the source's name, "the Idlib Media Center said", is not where it happened)
    again = [(sentence.start + a.start(), sentence.start + a.end()) for pattern in (_ANAPHORA, _FIGHTING_AGAIN)
             for a in pattern.finditer(text)]
    return all(_TOLL_ONLY_WORD.fullmatch(t.text) or any(s <= t.start < e for s, e in again)
               for t in doc.in_sentence(doc.triggers, sentence))


_FIGHTING_AGAIN = re.compile(r"\b(?:the|this|that)\s+(?:[\w\-]+\s+){0,2}(?:fighting|battle|battles)\b", re.I)


def _toll_update(doc: Doc, sentence: Sentence, m: EventMention) -> bool:
    """Whether a sentence only updates the toll of the incident told before it ("By Tuesday the death
    toll had climbed to 12"): no kind of attack of its own, nothing telling of another incident."""
    return m.type == "ASSAULT" and m.mode is None and bool(_TOLL_UPDATE.search(sentence.text)) \
        and not _further(sentence.text) and not any(t.mode for t in doc.in_sentence(doc.triggers, sentence))


def turns_to_other(text: str) -> bool:
    """Whether a sentence opens on another incident ("Meanwhile", "Earlier today"); selection asks it
    of a body sentence too."""
    return bool(_TURN.search(text)) and not _UPDATE.search(text)


def _further(text: str) -> bool:
    """Whether a sentence tells a further incident ("also bombed", "another"), not one named
    again ("the attack")."""
    if turns_to_other(text):
        return True
    return bool(ANOTHER.search(text) or _MORE.search(text) or _OTHER_STRIKES.search(text)
                or _other_victims(text)) and not _ANAPHORA.search(text)



def _more_of_them(text: str) -> bool:
    """A further strike or further victims told as more of those just told ("other shells", "3 other
    persons were injured when ..."), in the same setting (unlike "elsewhere", "meanwhile")."""
    return bool(_OTHER_STRIKES.search(text) or _other_victims(text)) and not _ELSEWHERE_TURN.search(text)


_ELSEWHERE_TURN = re.compile(r"\b(?:elsewhere|meanwhile|separately|in a separate)\b", re.I)


def _compatible(a: EventMention, b: EventMention, told: set[int] | None = None) -> bool:
    if a.type != b.type:
        return False
    if a.type not in TYPE_RANK and _other_states(a.actor1, b.actor1):
        return False  # "Russia has also called for ..." after "the US is seeking ...": two states, two statements
    if a.date and b.date and a.date.value[:len(b.date.value)] != b.date.value[:len(a.date.value)] and not _next_day(a, b) \
            and not (told and told_fits(a, b, told)) and not report_day_fits(a, b) and not _one_battle(a, b):
        return False
    if any(x.date is not None and interval_after(x.date.text) and (y.date is None or y.date.value != x.date.value)
           for x, y in ((a, b), (b, a))):
        return False  # "the attack comes a week after a bomber blew himself up": the bombing is an older act
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


def _other_states(a: Actor | None, b: Actor | None) -> bool:
    """Two speakers of two different states (a statement's speaker and another country's)."""
    return a is not None and b is not None and bool(a.country) and bool(b.country) and a.country != b.country


def _means_of_seizure(a: EventMention, b: EventMention) -> bool:
    return a.mode == "abduct" and (b.trigger or "").lower() in _SEIZING_MEANS


def _consequence(m: EventMention) -> bool:
    return (m.trigger or "").lower() in _CONSEQUENCES


# "fierce fighting Sunday ... in a two-day offensive", "fighting lasted all night and into Sunday",
# "massed since Friday": a battle told as lasting over days
_ONGOING = re.compile(r"\b(?:(?:" + lexicon.count_alternation(2, 4) + r"|\d+)[\s-]day|(?:second|third|fourth) day|days[- ]long)\b|"
                      r"\b(?:lasted|continued|continuing|raged|raging|dragged on)\b|\binto (?:its )?(?:\w+day|the (?:night|weekend|second|third))\b", re.I)
BATTLE_DAYS = 3  # how many days apart two tellings of one battle lasting days may date it


def _one_battle(a: EventMention, b: EventMention) -> bool:
    """A battle told as lasting days, dated by its start in one telling ("launched an offensive on
    Friday") and by a later day of it in another ("locked in fierce fighting Sunday in a two-day
    offensive"): no other place (a town of the country or province the other names is not another),
    a few days apart, one of them telling that it went on."""
    if a.type != "ASSAULT" or (a.location and b.location and a.location.name != b.location.name
                               and not (finer(a.location, b.location) or finer(b.location, a.location))) \
            or not (_ONGOING.search(a.evidence.text) or _ONGOING.search(b.evidence.text)):
        return False
    gap = _days_apart(a, b)
    return gap is not None and gap <= BATTLE_DAYS


def _next_day(a: EventMention, b: EventMention) -> bool:
    """One night's attack told on two days ("on Thursday night", the report's "Friday"): the same
    place by name, one day apart, and no tolls that tell two attacks apart (as fusion compares them)."""
    if a.type != "ASSAULT" or not (a.location and b.location and a.location.name == b.location.name):
        return False
    if a.killed and b.killed and not tolls_agree(a.killed, b.killed):
        return False  # "a car bomb killed six on Tuesday ... a car bomb killed three on Monday": two bombings
    return _days_apart(a, b) == 1


def _named_again(text: str) -> bool:
    """Whether a sentence names an attack again by a definite noun ("the blast", "the IS assault"); not
    "that" after a speech verb ("said that three airstrikes hit ..."), which tells a new one."""
    return not turns_to_other(text) and any(a.group(0).split()[0].lower() in ("the", "this") for a in _ANAPHORA.finditer(text))


def _named_again_next_day(prev: EventMention, m: EventMention, told: set[int] | None) -> bool:
    """"The blast hit buses in the Rashidin area ...", "the assault forced the army to pull back late on
    Friday", right after the attack was told on the next or the day before: the attack named again
    ("the blast") with a day one apart, in a place within the first one's or none, is that attack (a
    night's act, or a day the sentence gives to something else in it), unless its toll is another one
    (and the caller makes sure no other attack told in the article fits it as it stands: "condemned the
    massacre ... yesterday" names the attack of that day, not the one told just before)."""
    if m.type != "ASSAULT" or prev.date is None or m.date is None or _days_apart(prev, m) != 1:
        return False
    if prev.killed and m.killed and not tolls_agree(prev.killed, m.killed):
        return False
    la, lb = prev.location, m.location
    if la is not None and lb is not None and la.name != lb.name and not (finer(la, lb) or finer(lb, la)):
        return False
    return _compatible(prev, replace(m, date=prev.date), told)


def _days_apart(a: EventMention, b: EventMention) -> int | None:
    """Days between two dated records' days; None when either is no full day."""
    try:
        return abs((date.fromisoformat(a.date.value) - date.fromisoformat(b.date.value)).days)
    except (TypeError, ValueError):
        return None


def descends(dictionary, actor_id: str, ancestor_id: str) -> bool:  # noqa: ANN001
    """Whether ``actor_id`` belongs to ``ancestor_id`` (Khattab al-Shishani -> armed opposition)."""
    seen = set()
    entry = dictionary.get(actor_id)
    while entry is not None and entry.id not in seen:
        if entry.parent == ancestor_id:
            return True
        seen.add(entry.id)
        entry = dictionary.get(entry.parent)
    return False


def _better_actor(current: Actor | None, new: Actor | None, other: Actor | None = None) -> Actor | None:
    if current is None:
        return new
    if new is None:
        return current
    dictionary = actor_dictionary()
    cur = dictionary.get(current.id)
    nxt = dictionary.get(new.id)
    # a specific group refines a generic label ("liberation forces" -> Khattab al-Shishani Brigades)
    if cur is not None and nxt is not None and cur.generic and not nxt.generic and descends(dictionary, nxt.id, cur.id):
        return Actor(nxt.name, nxt.kind, nxt.country, current.label, nxt.id, current.evidence)
    # "clashes with militants", then "clashes between the YPG and ISIS": the armed group a further
    # telling of the incident names is who the class word meant (never the other side)
    if other is not None and cur is not None and nxt is not None and cur.generic and not nxt.generic \
            and {cur.kind, nxt.kind} <= _GROUP_KINDS and nxt.id != other.id:
        return new
    return current


_GROUP_KINDS = frozenset({"armed group", "rebels", "terrorist group", "militia"})


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
# "The blast comes as the army captured the district", "The strikes came amid fierce clashes", "This comes
# after another blogger was arrested": the short subject names an incident already told, and what the
# sentence tells after "comes as"/"amid"/"after" is another act, the setting the report places it in
_CONTEXT_CUE = re.compile(r"^\W*(?:[\w'’\-]+\s+){0,6}?(?:comes?|came)\s+(?:just\s+|only\s+|barely\s+)?"
                          r"(?:as|amid|amidst|while)\b", re.I)


def context_clause(doc: Doc, sentence: Sentence) -> int | None:
    """Where the act a sentence's "X comes as/amid ..." sets its incident against begins (offset in the
    document), or None when the sentence is not of that kind. A clause in the present ("comes as forces
    are on the offensive in other parts") tells an ongoing campaign, not an act of its own."""
    found = _CONTEXT_CUE.search(sentence.text)
    if found is None:
        return None
    start = sentence.start + found.end()
    parsed = doc.extra.get("parses", {}).get(sentence.index)
    verb = next((t for t in parsed or () if sentence.start + t.idx >= start and t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.tag_ in ("VBP", "VBZ"):
        return None
    return start


def _separate_act(doc: Doc, sentence: Sentence, etype: str) -> bool:
    """"The strikes came in addition to separate raids by the coalition": besides the act named
    again, the sentence tells another of its kind."""
    cue = context_clause(doc, sentence)
    return any(t.type == etype and (_SEPARATE_BEFORE.search(doc.text[max(sentence.start, t.start - 30):t.start])
                                    or (cue is not None and t.start >= cue))
               for t in doc.in_sentence(doc.triggers, sentence))


_VICTIM_NOUNS = frozenset(lexicon.victim_nouns())


def _victims_told(doc: Doc, m: EventMention) -> bool:
    """"Rescuers worked to carry the dead and wounded from the rubble": the telling names an attack's
    victims as a group (its trigger a victim word after "the"), not the act; who carries, treats or
    mourns them is no doer of it."""
    word = (m.trigger or "").lower()
    if word not in _VICTIM_NOUNS:
        return False
    first = re.search(rf"(\w+\s+)?\b{re.escape(word)}\b", doc.sentences[m.sentences[0]].text, re.I)
    return first is not None and (first.group(1) or "").strip().lower() == "the"


def merge_mentions(doc: Doc, mentions: list[EventMention], told: set[int] | None = None) -> list[EventMention]:
    told = told if told is not None else set()
    merged: list[EventMention] = []
    sentence_para = {s.index: s.paragraph for s in doc.sentences}
    for m in mentions:
        sentence = doc.sentences[m.sentences[0]]
        if m.type == "ASSAULT" and m.actor1 is not None and _victims_told(doc, m):
            m.actor1 = None
        added = _added_victims(doc, sentence, m) or _toll_update(doc, sentence, m) or _reported_toll(doc, sentence, m) \
            or _victims_again(doc, sentence, m)
        anaphoric = (bool(_ANAPHORA.search(sentence.text)) and not turns_to_other(sentence.text)) or added
        another = _further(sentence.text) and not added
        if m.type == "ASSAULT" and _separate_act(doc, sentence, m.type):
            another, anaphoric = True, False
        target = None
        for prev in reversed(merged):
            if prev.type != m.type or m.sentences[0] in prev.sentences:
                continue  # (two acts of one kind one sentence tells at two places stay two: contrasted_places)
            if m.date is not None and prev.date is not None and m.date.value == prev.date.value \
                    and SAME_DAY.fullmatch(m.date.text):
                m.historical = prev.historical  # "arrested the same day": as current as the day it names
            if _is_headline(doc, prev.sentences[0]) and len(prev.sentences) == 1 and (
                    _compatible(prev, m, told) or (m.sentences[0] - prev.sentences[0] <= 2 and _headline_fits(prev, m))):
                target = prev  # the headline announces the event the lead tells
                break
            distance = m.sentences[0] - prev.sentences[-1]
            near = distance <= 2 and sentence_para.get(prev.sentences[-1]) == sentence_para.get(m.sentences[0])
            if (RETALIATION.search(sentence.text) or another) and not anaphoric:
                if another and m.location is None and prev.location is not None and _more_of_them(sentence.text):
                    m.location = prev.location  # "other shells hit the neighborhoods of ...": where the first ones fell
                break  # a response, or a further incident, is another event
            if _new_patient(sentence.text, m, prev) and not anaphoric:
                break  # "Five executives were arrested. On Wednesday, a columnist was arrested": another arrest
            if (anaphoric or near or (m.type == "ASSAULT" and distance <= 3)) \
                    and (_compatible(prev, replace(m, date=None if prev.date is not None else m.date, mode=None) if added else m, told)
                         or (not added and near and _named_again(sentence.text) and _named_again_next_day(prev, m, told)
                             and not any(o is not prev and o.type == m.type and _compatible(o, m, told) for o in merged))) \
                    and not (added and distance > ADDED_REACH):
                target = prev
                break
            if added:
                break  # added victims belong to the incident told just before, or to none
            if not anaphoric and not (m.type == "ASSAULT" and distance <= 3):
                break
        if target is None:
            merged.append(m)
            continue
        if added and target.date is not None:
            m.date = None  # the day a toll was updated is not the incident's
        if added:
            m.mode = m.acled = None  # ("killed in the fighting": the fighting named again, not a kind of attack)
        if told_fits(target, m, told) and id(target) in told:
            target.date = m.date  # the act's own day, not the day it was told
            told.discard(id(target))
        if len(target.sentences) == 1:
            _lead_figures_for_its_place(doc, target, m)
        _absorb(target, m, headline=_is_headline(doc, target.sentences[0]))
    return _demands_after_censure(doc, _merge_across(doc, merged, told))


def _lead_killed(m: EventMention) -> Casualty | None:
    return next((c for c in m.casualties if c.kind == "killed" and not c.subset and c.count is not None), None)


def own_share_of_a_sum(doc: Doc) -> None:
    """"Seven people killed in attacks on Aleppo and Damascus", then the attacks one by one ("killing a
    woman", "killing 2 people", "4 people were killed"): a first figure that is the sum of the article's
    other attacks' tolls and of a figure this record's own sentences give is a roll-up of separate
    attacks; the record's own toll is that remaining figure (where the sum comes out exactly). Run after
    weighing (the roll-up is evidence the attacks happened) and after the parts took the whole's day."""
    attacks = [m for m in doc.mentions if m.type == "ASSAULT" and not m.historical]
    for m in attacks:
        total = _lead_killed(m)
        if total is None or total.count < 2:
            continue
        others = [lead.count for o in attacks if o is not m and (lead := _lead_killed(o)) is not None]
        share = total.count - sum(others)
        if not others or share <= 0 or share == total.count:
            continue
        # (a part the total includes, "7 killed including 3 children", is no attack of its own)
        own = next((c for c in m.casualties if c is not total and c.kind == "killed" and not c.subset
                    and c.count == share), None)
        if own is None:
            own = next((cm.casualty for i in m.sentences[1:] for cm in doc.in_sentence(doc.casualties, doc.sentences[i])
                        if cm.casualty.kind == "killed" and not (cm.subset or cm.casualty.subset)
                        and cm.casualty.count == share), None)
        if own is None:
            continue
        rest = [c for c in m.casualties if c is not total and c is not own]
        # the article's whole toll as told, for tasks that code an article's total (FA-KES)
        # (keyed by id() with the mention itself kept, so that a reused id never finds another's toll)
        doc.extra.setdefault("summed_tolls", {})[id(m)] = (m, list(m.casualties))
        m.casualties = [replace(own, subset=False)] + rest


# "at least 112 civilians have been killed since the assault began", "270 killed over the past ten days",
# "in the last three days": a figure told as what a span of days has added up to
_SPAN_TALLY = re.compile(r"\b(?:since|so\s+far|to\s+date|(?:over|in|during|within)\s+(?:the\s+)?(?:past|last)\s+(?:[\w\-]+\s+)?"
                         r"(?:days|weeks|months|years))\b", re.I)
TALLY_REACH = 50  # characters before a figure within which a span told first may open ("Since Sunday, 40 ...")
# "the deadliest attack since 2015", "the first time since the war began": "since" measuring a record, not a span
_RECORD_SINCE = re.compile(r"\b(?:first|only|biggest|largest|deadliest|worst|highest|heaviest|bloodiest|most)\b(?:\s+[\w\-]+){0,12}\s+$", re.I)


def _tally_span(text: str) -> bool:
    return any(not (found.group().lower() == "since" and _RECORD_SINCE.search(text, 0, found.start()))
               for found in _SPAN_TALLY.finditer(text))


def span_tallies(doc: Doc) -> None:
    """A record told by one sentence that took in another's tally over a span of days ("... pushed back the
    rebels." then "At least 112 civilians have been killed in the city since the assault began"): the tally
    adds up the span's incidents, not this act's dead; it is kept aside, as another count, not the
    record's toll. A tally its own sentence tells ("135 killed in the last three days") stays."""
    for m in doc.mentions:
        if m.historical or not m.casualties:
            continue
        own = next((s for s in doc.sentences if s.start <= m.evidence.start < s.end), None) if m.evidence.field == "text" else None
        if own is None or own.index == 0:
            continue  # (the headline's or the lead's act: the story's tally is its toll)
        tallies = []
        for c in m.casualties:
            if c.kind != "killed" or c.evidence is None or own.start <= c.evidence.start < own.end:
                continue
            at = next((s for s in doc.sentences if s.start <= c.evidence.start < s.end), None)
            if at is not None and _tally_span(doc.text[max(at.start, c.evidence.start - TALLY_REACH):at.end]):
                tallies.append(c)
        if tallies:
            m.casualties = [c for c in m.casualties if all(c is not t for t in tallies)]
            m.other_tolls.extend(tallies)
            if _lead_killed(m) is None:
                # the record's own sentence's toll, which the tally told first had kept out ("a strike on
                # the market killed 10" after "135 killed in three days")
                m.casualties[:0] = [cm.casualty for cm in doc.in_sentence(doc.casualties, own)
                                    if cm.casualty.kind == "killed" and not (cm.subset or cm.casualty.subset)
                                    and cm.casualty.count is not None and all(cm.casualty is not c for c in m.casualties)]


def _lead_figures_for_its_place(doc: Doc, headline: EventMention, lead: EventMention) -> None:
    """"10 civilians killed in rocket attacks on Aleppo and Deir Ezzor", then "6 civilians were killed
    ... in Aleppo": a headline naming places in two provinces sums separate attacks; the lead's smaller
    figure for one of them is that attack's toll, and replaces the headline's of its kind."""
    sentence = doc.sentences[headline.sentences[0]]
    title = " ".join((doc.article.title or "").lower().split())
    if not title or title[:40] not in " ".join(sentence.text.lower().split()):
        return  # (a flattened text's first sentence holds the title after its dateline)
    areas = {p.place.admin1 for p in doc.in_sentence(doc.places, sentence) if p.place.admin1}
    two_areas = len(areas) >= 2 and lead.location is not None and lead.location.admin1 in areas
    for kind in ("killed", "injured"):
        told = [c for c in headline.casualties if c.kind == kind and not c.subset and c.count is not None]
        own = [c for c in lead.casualties if c.kind == kind and not c.subset and c.count is not None]
        if told and own and max(c.count for c in own) < min(c.count for c in told) \
                and (two_areas or _summed_below(doc, lead, kind, {c.count for c in told})):
            headline.casualties = [c for c in headline.casualties if c not in told]


def _summed_below(doc: Doc, lead: EventMention, kind: str, counts: set[int]) -> bool:
    """"40 killed in X as troops shell a market", then "the shelling of the market killed 12", then
    "In all 40 people were killed in X on Monday": the headline's figure told again below the lead as
    a sum of its own is the day's total, not the lead's incident (a toll that rose to it is the same)."""
    for sentence in doc.sentences[max(lead.sentences) + 1:]:
        if _UPDATE.search(sentence.text):
            continue
        if any(cm.casualty.kind == kind and cm.casualty.count in counts and not (cm.subset or cm.casualty.subset)
               for cm in doc.in_sentence(doc.casualties, sentence)):
            return True
    return False


def _same_incident(a: EventMention, b: EventMention, told: set[int] | None = None) -> bool:
    """Two records of one article telling the same incident further apart than a paragraph:
    same act, and nothing stated that tells them apart (day, place, kind of attack); a day that dates
    only the telling ("on Sunday a monitor said ...") does not tell it apart from the act's own day."""
    if not _compatible(a, b, told):
        return False
    stated = [x.date for x in (a, b) if x.date is not None and x.date.basis == "text"]
    if len(stated) == 2 and stated[0].value != stated[1].value and not (told and told_fits(a, b, told)) \
            and not _one_battle(a, b) \
            and not (a.type in _UNDATED_NEEDS_TIE and _within(*stated) and _named_in_both(a, b)):
        # (an arrest told "last month" and "on November 4" of the person named again is one arrest)
        return False
    ka, kb = a.killed, b.killed
    if len(stated) == 1 and a.type in _UNDATED_NEEDS_TIE and not _tied(a, b):
        return False

    if ka is not None and kb is not None and ka != kb and not any(c.subset for c in a.casualties + b.casualties) \
            and not _other_source(a, b) and not _ADDED_TOLL.search(b.evidence.text):
        return False  # two tolls: two incidents (a later total names the same one in the nearby merge)
    if (a.location is None) != (b.location is None):
        # one telling places it, the other not: the same kind of attack or the same toll ties them (a kind
        # of attack the later telling introduces as new, "activists reported a heavy air campaign", does not)
        return bool(a.mode and a.mode == b.mode and not _introduced(b)) or (ka is not None and ka == kb)
    if a.location is not None and b.location is not None:
        la, lb = a.location, b.location
        if (la.country and lb.country and la.country != lb.country) or (la.admin1 and lb.admin1 and la.admin1 != lb.admin1):
            return False
        if la.precision not in ("admin1", "country", "region") and lb.precision not in ("admin1", "country", "region") \
                and la.name != lb.name and not (finer(la, lb) or finer(lb, la)):  # "Idlib" may mean its province
            return False
    return True


def _introduced(m: EventMention) -> bool:
    """Whether a telling introduces its act as a new one by an indefinite article ("a heavy air
    campaign", "an airstrike"), not one already told ("the airstrike", "the raids"): an attack named by a
    noun (a verb's "a man charged" introduces the person, not the act)."""
    if m.type != "ASSAULT" or not m.trigger or re.search(r"(?:ed|ing)$", m.trigger, re.I):
        return False
    return bool(re.search(r"\b(?:a|an)\s+(?:[\w\-]+\s+){0,3}?" + re.escape(m.trigger) + r"\b", m.evidence.text, re.I))


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
    if _same_act_word(a, b) and a.actor1 is not None and b.actor1 is not None and a.actor1.id is not None \
            and a.actor1.id == b.actor1.id and (a.actor2 is None or b.actor2 is None):
        # "Police freed 400 men in a raid on Thursday" ... "Police raided the site after ...": the act named
        # by its word and its doer again, done to no one else ("also arrested his parents" is another arrest)
        return True
    return a.killed is not None and a.killed == b.killed


def _named_in_both(a: EventMention, b: EventMention) -> bool:
    """Both tellings name the patient by name ("Nodeep Kaur, who was arrested in Haryana", "Kaur was
    arrested on January 12"): a capitalised word of one's patient in both sentences, not a class
    ("journalists") that different people share."""
    return any(x.actor2 is not None and any(
        len(w) > 3 and w[0].isupper() and all(re.search(rf"\b{re.escape(w)}\b", m.evidence.text) for m in (a, b))
        for w in re.findall(r"[\w'’\-]+", x.actor2.name or "")) for x in (a, b))


def _within(a: When, b: When) -> bool:
    """One stated day lies within the other's coarser span ("last month", "on November 4")."""
    short, long_ = sorted((a.value, b.value), key=len)
    return short != long_ and long_.startswith(short)


def _same_act_word(a: EventMention, b: EventMention) -> bool:
    """Both tellings name the act by one word ("raid", "raided")."""
    x, y = (re.sub(r"(?:s|ed|ing)$", "", (m.trigger or "").lower()) for m in (a, b))
    return bool(x) and x == y


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
            target = next((prev for prev in out if prev.type == m.type and m.sentences[0] not in prev.sentences
                           and _same_incident(prev, m, told)
                           and not _new_patient(doc.sentences[m.sentences[0]].text, m, prev)), None)
        elif m.type == "CONCEDE" and m.mode == "release" and not m.historical:
            # "A court has ordered the release of Ada Obi." ... "Judge Eze ordered Obi freed": one person's
            # release told twice is one release (another person freed is another)
            target = next((prev for prev in out if prev.type == m.type and prev.mode == m.mode and not prev.historical
                           and _named_in_both(prev, m) and _compatible(prev, m, told)), None) \
                or next((prev for prev in out if _same_statement(prev, m)), None)
        elif m.type not in TYPE_RANK and not m.historical:
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
    return a.type == b.type and not a.historical and _same_speaker(a.actor1, b.actor1) \
        and (a.date is None and b.date is None or a.date is not None and b.date is not None
             and a.date.value == b.date.value and a.date.precision == b.date.precision == "day"
             or _lead_then_day(a, b))


def _lead_then_day(a: EventMention, b: EventMention) -> bool:
    """"The union has condemned the ministry. Speaking in Springvale on Monday, its head deplored ...":
    a lead that tells a statement with no day, and the very next sentence telling it with its day
    and setting, are one statement."""
    return a.date is None and b.date is not None and b.date.basis == "text" and b.sentences[0] - a.sentences[-1] == 1


CENSURE_REACH = 2  # sentences: what a speaker goes on to ask follows the censure closely
# nouns of a deed a speaker condemns or points back to ('the crimes', 'this attack')
DEED_NOUNS = frozenset(lexicon.incident_nouns()) | frozenset(lexicon.act_heads())


def _demands_after_censure(doc: Doc, records: list[EventMention]) -> list[EventMention]:
    """A speaker who condemns acts and then, in a sentence of its own, calls on someone to do something
    ("The party condemned the killings in the north. The party called on the UN to send monitors."):
    one statement, whose act is the demand between the speaker and the one called on (PROTOCOL); the
    censure is its ground. An accusation aimed at a party ("accused the governor of lying") stays an
    event of its own beside the call that follows it."""
    out: list[EventMention] = []
    for m in records:
        censure = None
        if m.type == "REQUEST" and not m.historical and m.actor2 is not None:
            at = m.sentences[0]
            censure = next((p for p in reversed(out) if p.type == "ACCUSE" and not p.historical
                            and 0 < at - p.sentences[-1] <= CENSURE_REACH
                            and doc.sentences[p.sentences[-1]].paragraph == doc.sentences[at].paragraph
                            and (_same_speaker(p.actor1, m.actor1) or _surname_of_speaker(doc, p, m.actor1))
                            and not _other_days(p, m) and _censures_deeds(doc, p)), None)
        if censure is None:
            out.append(m)
            continue
        censure.type, censure.mode, censure.cameo, censure.acled = m.type, m.mode, m.cameo, m.acled
        censure.trigger, censure.actor2 = m.trigger, m.actor2
        censure.sentences.extend(i for i in m.sentences if i not in censure.sentences)
        censure.confidence = max(censure.confidence, m.confidence)
    return out


def _other_days(a: EventMention, b: EventMention) -> bool:
    """Two statements each told on a day of its own, and not the same day ("on Monday ... on Tuesday")."""
    return a.date is not None and b.date is not None and a.date.precision == b.date.precision == "day" \
        and a.date.basis == b.date.basis == "text" and a.date.value != b.date.value


def _same_speaker(a: Actor | None, b: Actor | None) -> bool:
    """Two statements by one named actor (or a spokesperson of it and the body)."""
    return a is not None and b is not None and a.kind != "unknown" and bool(a.name) \
        and (a.name == b.name or _speaks_for(a, b) or _speaks_for(b, a))


def _surname_of_speaker(doc: Doc, censure: EventMention, caller: Actor | None) -> bool:
    """A call by a bare name the actors stage could not place ("Haddad called upon ...") that is the last
    word of the person named as the censure's subject ("Party official Lina Haddad condemned ..."): the
    same speaker, for whom the censure's actor stands."""
    if censure.actor1 is None or censure.actor1.kind == "unknown" or caller is None or caller.kind != "unknown" \
            or caller.name or not caller.label or " " in caller.label.strip() or not caller.label[:1].isupper():
        return False
    return any(any(c.dep_ == "nsubj" and any(d.text == caller.label.strip() for d in c.subtree) for c in token.children)
               for token in _censure_tokens(doc, censure))


def _censures_deeds(doc: Doc, m: EventMention) -> bool:
    """The record's verb condemns acts: its object is a deed noun ("condemned the crimes committed by",
    "denounced the attacks"), not a party ("condemned the regime")."""
    return any(token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in DEED_NOUNS for c in token.children)
               for token in _censure_tokens(doc, m))


def _censure_tokens(doc: Doc, m: EventMention):  # noqa: ANN202 - spaCy tokens
    """The parsed tokens of the accusation words in a record's first sentence that are its trigger."""
    sentence = doc.sentences[m.sentences[0]]
    word = (m.trigger or "").lower()
    for t in doc.in_sentence(doc.triggers, sentence):
        if t.type == "ACCUSE" and t.text.lower() == word and (token := token_at(doc, sentence.index, t.start)) is not None:
            yield token


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


OTHER_COUNT_FACTOR = 10


def _other_giver(target: EventMention, c: Casualty) -> bool:
    """Whether figure ``c`` is given by a named source that gives none of ``target``'s figures of
    its kind ("the Observatory counted 24 dead" after the report's own 100): a position of its own."""
    source = (c.claim.source or c.claim.by) if c.claim and c.count is not None else None
    if not source or c.category not in ("unknown", "civilians"):
        return False  # (a second source's count of women, children or fighters stays a later sentence's)
    told = [old for old in target.casualties if old.kind == c.kind and not old.subset and old.count is not None]
    given = {((old.claim.source or old.claim.by) if old.claim else target.claim.source
              if target.claim.modality != "asserted" else None) for old in told}
    # "killed four ... the US estimates that attack killed 1429": a figure many times the incident's is
    # another count (a war's, a month's, an earlier attack's), not a second source's toll of this one
    return source not in given and not any(c.count > OTHER_COUNT_FACTOR * old.count for old in told)


def _same_toll(target: EventMention, c: Casualty, parts: set[tuple[str, int | None]]) -> bool:
    """Whether another source's figure ``c`` counts the dead (or hurt) the record's own figure counts:
    the same victims, or victims either leaves unnamed ("people"), and not a whole of which that
    figure is a part ("15 civilians including three children" after "3 children")."""
    if any(k == c.kind for k, _n in parts):
        return False
    return any(old.kind == c.kind and not old.subset and old.count is not None
               and (old.category == c.category or "unknown" in (old.category, c.category))
               for old in target.casualties)


CLAIM_REACH = 5  # sentences: a source named further on speaks to a detail, not to the incident itself
# "Witnesses said the blast took place near a checkpoint", "local sources told the agency": an unnamed
# eyewitness or local adds a detail to an incident the outlet told as fact; it does not make it reported
# (media and organisations, even unnamed, are sources that report)
LOCAL_VOICE = re.compile(r"\b(?:witness(?:es)?|eyewitness(?:es)?|residents?|locals|local (?:sources?|people|man|woman))\b", re.I)

# "A source told the agency that a woman was killed. Terrorists also shelled the town": a sentence that
# adds to the account just given ("also", "two more", "other shells") ("more than" counts, it adds nothing)
ADDITIVE = re.compile(r"^\W*(?:[\w\-']+\s+){0,4}?(?:" + lexicon.alternation(lexicon.additive_words()) + r")\b(?!\s+than\b)", re.I)


# "Rescuers said the death toll is likely to rise": a source foreseeing the toll does not report the act
_FORECAST = re.compile(r"\b(?:toll|number of (?:the )?(?:dead|victims|casualties))\b[^.;]{0,80}?\b(?:(?:is|are|was|were)\s+(?:likely|expected|feared)\s+to|"
                       r"(?:could|may|might|will|would)(?:\s+\w+ly)?)\s+(?:rise|increase|climb|grow|go up)\b", re.I)


def _adds_to(m: EventMention) -> bool:
    """"Their driver was also abducted, a rights group said": the telling adds to the incident, and its
    source tells what it adds, not the incident ("It was also reported that ...": the report is the
    addition, not the act)."""
    found = ADDITIVE.search(m.evidence.text)
    if found is None:
        return False
    said = m.claim.evidence
    return said is None or not said.start <= m.evidence.start + found.end() <= said.end


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
    if mode_rank(m.mode) < mode_rank(target.mode):
        target.mode, target.acled, target.trigger = m.mode, m.acled, m.trigger
    target.actor1 = _better_actor(target.actor1, m.actor1)
    if target.type == "ASSAULT" and _unspecified(target.actor2) and (side := _side_counted(m)) is not None \
            and (target.actor1 is None or side.id != target.actor1.id):
        # "17 people were killed ... the attack killed 27 pro-government fighters": "people" names no
        # side; the incident's further telling counting a side's dead names the side that was hit
        target.actor2 = side
    target.actor2 = _better_actor(target.actor2, m.actor2, target.actor1)
    target.location = merged_place(target.location, m.location)
    if target.date is None or (target.date.basis == "published" and m.date is not None and m.date.basis == "text"):
        target.date = m.date
    # "82 people including 58 civilians" after a lead's "killed 58 civilians": a total of people not said
    # to be who, holding the lead's figure as its part, leaves the lead's figure standing ("15 civilians
    # including three children" after a headline's "3 children" says who the total were: it leads)
    parts = {(c.kind, c.count) for c in m.casualties if c.subset and c.count is not None
             and any(old.kind == c.kind and old.count == c.count for old in target.casualties)}
    # (the figures of one telling are weighed against the toll told before, not against each other:
    # "killed a commander as well as five of his guards" is six)
    before = list(target.casualties)
    for c in m.casualties:
        if any(_same_figure(c, old) for old in target.casualties):
            continue
        if not c.subset and c.count is not None and c.category == "unknown" and any(k == c.kind and n < c.count for k, n in parts):
            continue
        if not c.subset and any(old.kind == c.kind and not old.subset and old.count is not None
                                and (old.party == c.party or not old.party or not c.party) for old in before):
            if not _other_giver(target, c):
                continue  # the first telling's toll stands (the lead's); later figures are totals or parts
            if _same_toll(target, c, parts):
                target.other_tolls.append(c)  # another source's count of the toll the lead gave
                continue
        vague = next((i for i, old in enumerate(target.casualties) if old.kind == c.kind and not old.subset
                      and old.count is None), None)
        if vague is not None and c.count is not None and not c.subset:
            target.casualties.insert(vague, c)  # "killed dozens" then "killed 58": the figure leads
            continue
        target.casualties.append(c)
    # the incident's source: a later sentence naming who reports it ("..., the Observatory said")
    if target.claim.modality == "asserted" and m.claim.modality in ("reported", "claimed") \
            and m.sentences[0] - told_at <= CLAIM_REACH \
            and not (m.claim.source is None and LOCAL_VOICE.search(m.claim.by or "")) \
            and not _FORECAST.search(m.evidence.text) \
            and not _adds_to(m):
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
        if entry is not None and entry.kind in FIGHTING_KINDS and entry.kind != "unknown":
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
