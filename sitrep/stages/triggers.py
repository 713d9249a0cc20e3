"""Stage: event trigger phrases, found with one Aho-Corasick pass over the text."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import ahocorasick

from sitrep import lexicon
from sitrep.resolve.datafiles import load_yaml
from sitrep.spans import Coverage
from sitrep.stages.doc import Doc, Trigger


@lru_cache(maxsize=1)
def trigger_entries() -> tuple[dict, ...]:
    """The reviewed trigger lexicon (data/triggers.yaml), read once per process."""
    return tuple(load_yaml("triggers.yaml"))


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for entry in trigger_entries():
        for phrase in entry["phrases"]:
            key = str(phrase).lower()
            info = (entry["type"], entry.get("mode"), tuple(entry["acled"]), str(entry["cameo"]),
                    float(entry["weight"]), len(key))
            existing = automaton.get(key, None)
            if existing is None or existing[4] < info[4]:
                automaton.add_word(key, info)
    automaton.make_automaton()
    return automaton


NOT_EVENT = "NOT_EVENT"  # triggers.yaml's idioms that only look like triggers ("hit out at")


def _word(c: str) -> bool:
    return c.isalnum()


# "authorities should unconditionally release", "must immediately free", "need to drop the charges": a
# demand put in a modal, whatever adverb stands between (the phrase list holds the bare forms)
_DEMAND = re.compile(
    r"\b(?:should|must|needs? to|ought to)\s+(?:\w+ly\s+)?(?:\w+ly\s+)?(?:and\s+\w+ly\s+)?"
    r"(?:release|free|drop|quash|overturn|revoke|lift|end|halt)\b", re.I)


# "SERAP has dragged the government to the ECOWAS Court", "hauls the minister to court": a lawsuit
# brought against someone (PLOVER ACCUSE; CAMEO 115, bring a lawsuit against), whatever stands
# between the verb and the court
_TO_COURT = re.compile(
    r"\b(?:drag(?:s|ged|ging)?|haul(?:s|ed|ing)?)\b(?=\s+[^.;:!?]{1,120}?\bto\s+(?:the\s+|a\s+)?"
    # words naming the court, not a place by it ("to a truck outside the court")
    r"(?:(?!(?:outside|near|beside|behind|by|at|in|from|opposite|across)\b)[\w.'’\-]+\s+){0,6}(?:courts?|tribunal)\b)", re.I)


# "she is being tried in a terrorism court", "were tried by a military court": a trial (PLOVER COERCE,
# CAMEO 173 arrest, detain or charge with legal action); "tried to flee" is an attempt, not a trial
_TRIED = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(tried)\b(?!\s+to\b)", re.I)


# "appeared before a terrorism court on Thursday", "appears in court today": a hearing of someone's
# case (PLOVER COERCE, legal action), not an appearance in "court documents" or "court records"
_APPEARED = re.compile(r"\b(appear(?:s|ed|ing)?)\s+(?:before|in)\s+(?:an?\s+|the\s+)?(?:[\w\-'’]+\s+){0,2}?"
                       r"(?:courts?|tribunal|judges?|magistrates?)\b(?!\s+(?:documents?|records?|papers|filings?|files?)\b)", re.I)


# "severed all the supply routes", "cut the rebels' supply lines", "cut off the army's own main access road",
# "the supply route was cut off by the army": a siege's act on the other side's supplies (PLOVER COERCE,
# CAMEO 191 impose blockade)
_SUPPLY_CUT = re.compile(r"\b(sever(?:s|ed|ing)?|cut(?:s|ting)?(?:\s+off)?)\s+(?:[\w\-'’]+\s+){0,4}?"
                         r"(?:supply|supplies|logistics|access)\s+(?:routes?|lines?|roads?|corridors?)\b|"
                         r"\b(?:supply|supplies|logistics|access)\s+(?:routes?|lines?|roads?|corridors?)\s+"
                         r"(?:was|were|is|are|has been|have been|had been)\s+(severed|cut(?:\s+off)?)\b", re.I)


# "the trial has been postponed", "postponed her execution": the court step awaited is put off, an easing
# for the accused (PLOVER CONCEDE, CAMEO 08)
_PUT_OFF = re.compile(r"\b(?:trial|execution)s?\b[^.;:!?]{0,60}?\b(postponed|deferred)\b|"
                      r"\b(postpon(?:e|es|ed|ing)|defer(?:s|red|ring)?)\s+(?:\w+\s+){0,2}?(?:trial|execution)s?\b", re.I)


@lru_cache(maxsize=1)
def _judged() -> re.Pattern[str]:
    """"described the decision as indefensible", "branded the verdict as a travesty": calling another's act
    by a condemning name is an accusation (PLOVER ACCUSE, CAMEO 111 criticize or denounce)."""
    verbs = lexicon.alternation(lexicon.judging_verbs())
    judgements = lexicon.alternation(lexicon.condemning_judgements())
    return re.compile(r"\b(" + verbs + r")\s+[^.;:!?]{1,100}?\bas\s+[\"“‘']?(?:(?:\w+ly|both)\s+)?"
                      r"(?:[\w\-]+\s+(?:and|or)\s+)?(?:" + judgements + r")\b", re.I)


@lru_cache(maxsize=1)
def _urged_need() -> re.Pattern[str]:
    """"It is critical that the government maintain pressure": what a speaker declares necessary for
    another to do is a demand (PLOVER REQUEST)."""
    return re.compile(r"\bit\s+(?:is|['’]s)\s+(?:\w+ly\s+)?(" + lexicon.alternation(lexicon.urgency_words()) + r")\s+that\b", re.I)


# "he was open to any form of negotiations", "remains open to talks": a willingness to negotiate offered to
# the other side, a concession (PLOVER CONCEDE)
_OPEN_TO_TALKS = re.compile(r"\b(?:is|was|were|are|am|remains?|remained|be|been|being)\s+(?:\w+ly\s+)?(open(?:ed)?\s+to)\s+"
                            r"(?:[\w\-]+\s+){0,4}?(?:negotiations?|talks|dialogue)\b", re.I)


# "forced a passenger plane to land", "the forced downing of the airliner": an aircraft made to come down
# by a state's order (PLOVER COERCE, CAMEO 17 coerce); "made a forced landing" after a fault is no act
_FORCED_DOWN = re.compile(r"\bforced\s+(downing|landing)\s+of\b|"
                          r"\b(forc(?:ed|es|ing))\s+(?:[\w\-'’]+\s+){1,5}?to\s+(?:land|divert|turn back)\b", re.I)


# "Fifteen victims were brought to Turkey for treatment", "were evacuated to Jordan for medical care": the
# wounded taken in across a border, medical aid (PLOVER AID); "taken to hospital for treatment" is the
# care an attack's victims got, told with the attack
_TREATED_ABROAD = re.compile(r"\b(brought|taken|transferred|evacuated|flown|airlifted)\s+to\s+((?:[A-Z][\w\-'’]*\s+){1,3})"
                             r"for\s+(?:medical\s+)?(?:treatment|care)\b")
_CARE_PLACES = re.compile(r"\b(?:hospitals?|clinics?|centres?|centers?|infirmary|ward)\b", re.I)


# "Campaign intensifies to free the activist", "campaigning for her release": a campaign to free someone
# is a demand made of whoever holds them (PLOVER REQUEST)
_CAMPAIGN_TO_FREE = re.compile(r"\b(campaign(?:s|ed|ing)?)\s+(?:\w+s\s+)?(?:to\s+(?:free|release)\b|for\s+(?:(?:the|his|her|their)\s+)?"
                               r"(?:[\w\-]+['’]s\s+)?(?:release|freedom)\b)", re.I)


@lru_cache(maxsize=1)
def _call_on_day() -> re.Pattern[str]:
    """"He last called on May 21", "she called on Friday": a call made on a day, not a demand."""
    days = sorted({w.lower() for w in (*lexicon.months(), *lexicon.month_abbreviations(), *lexicon.weekdays())},
                  key=len, reverse=True)
    alternatives = "|".join(map(re.escape, days))
    return re.compile(r"^\s+(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:" + alternatives + r")\b", re.I)


@lru_cache(maxsize=1)
def _said_must() -> re.Pattern[str]:
    """"Russia said Sudan must return the helicopter": what a speaker says another must do is a
    demand (PLOVER REQUEST), whatever the verb; "must have", "must be" are inference, not demand, and
    "should" is advice as often as demand."""
    verbs = "|".join(map(re.escape, sorted((v for v in lexicon.speech_verbs() if " " not in v), key=len, reverse=True)))
    return re.compile(r"\b(?:" + verbs + r")\s+(?:that\s+)?[^.;:!?\"“”]{1,80}?\b(must\s+(?:not\s+)?"
                      r"(?:\w+ly\s+)?(?!(?:be|have|been|also)\b)[a-z]+)\b", re.I)


def _call_not_demand(text: str, t: Trigger) -> bool:
    return t.type == "REQUEST" and bool(re.fullmatch(r"call(?:s|ed|ing)? on", t.text, re.I)) \
        and bool(_call_on_day().match(text[t.end:t.end + 30]))


# "executed five search warrants", "served an arrest warrant on him": a police search or arrest, no killing
# "held seven managers against their will", "held two directors captive": people kept by force, a
# hostage-taking (PLOVER ASSAULT, mode abduct) as "taken hostage" is
_HELD_CAPTIVE = re.compile(r"\b(?:h(?:eld|old|olds|olding))\s+(?:[\w\-'’]+\s+){1,4}?"
                           r"(?:against\s+(?:their|his|her)\s+will|captive)\b", re.I)
_WARRANT = re.compile(r"\b(?:execut(?:e|es|ed|ing)|serv(?:e|es|ed|ing))\s+(?:[\w\-'’]+\s+){0,3}?warrants?\b", re.I)
# a court's verdict: "found the officer guilty of", "was found not guilty" (a conviction is legal
# coercion, like "convicted"; an acquittal a release, like "acquitted"); the one found may be told
# with an apposition between commas ("found blogger and critic, Jane Roe, guilty")
_VERDICT = re.compile(r"\b(found)\s+(?:(?!not\b|guilty\b)[\w\-'’.]+,?\s+){0,9}?(not\s+)?guilty\b", re.I)
# a state listing a group as terrorist: a legal ban (PLOVER COERCE, as CAMEO's "ban political parties")
_TERROR_LISTED = re.compile(r"\b(declar(?:e|es|ed|ing)|designat(?:e|es|ed|ing)|proscrib(?:e|es|ed|ing)|blacklist(?:s|ed|ing)?|"
                            r"list(?:s|ed|ing)?)\s+(?:[\w\-'’.]+\s+){0,6}?(?:as\s+)?(?:an?\s+|one\s+of\s+the\s+)?"
                            r"(?:foreign\s+|global\s+|specially\s+designated\s+)?terrorist\s+"
                            r"(?:organi[sz]ations?|groups?|entit(?:y|ies)|movements?)\b", re.I)


@lru_cache(maxsize=1)
def _policy_war() -> re.Pattern[str]:
    """"the War on Terror", "a war on drugs": a policy campaign's name, no fighting."""
    return re.compile(r"\bwars?\s+on\s+(?:" + lexicon.alternation(lexicon.policy_war_targets()) + r")\b", re.I)


def find_triggers(doc: Doc) -> Doc:
    text = doc.text
    lowered = text.lower()
    found = []
    for end, (etype, mode, acled, cameo, weight, length) in _automaton().iter(lowered):
        start = end - length + 1
        if start > 0 and _word(text[start - 1]):
            continue
        if end + 1 < len(text) and _word(text[end + 1]):
            continue
        found.append(Trigger(start, end + 1, text[start:end + 1], etype, mode, acled, cameo, weight))
    for m in _DEMAND.finditer(text):
        found.append(_matched(m, 0, "REQUEST", None))
    for m in _TO_COURT.finditer(text):
        found.append(_matched(m, 0, "ACCUSE", "allege"))
    for m in _said_must().finditer(text):
        found.append(_matched(m, 1, "REQUEST", None))
    for m in _TRIED.finditer(text):
        found.append(_matched(m, 1, "COERCE", "legal"))
    for m in _APPEARED.finditer(text):
        found.append(_matched(m, 1, "COERCE", "legal"))
    for m in _SUPPLY_CUT.finditer(text):
        found.append(_matched(m, 1 if m.group(1) else 2, "COERCE", "restrict"))
    for m in _PUT_OFF.finditer(text):
        found.append(_matched(m, 1 if m.group(1) else 2, "CONCEDE", None))
    for m in _judged().finditer(text):
        found.append(_matched(m, 1, "ACCUSE", "allege"))
    for m in _urged_need().finditer(text):
        found.append(_matched(m, 1, "REQUEST", None))
    concede = _entry("CONCEDE", None)
    for m in _OPEN_TO_TALKS.finditer(text):
        found.append(Trigger(m.start(1), m.end(), m.group(0)[m.start(1) - m.start():], "CONCEDE", None, *concede))
    for m in _FORCED_DOWN.finditer(text):
        found.append(_matched(m, 1 if m.group(1) else 2, "COERCE", "restrict"))
    for m in _TREATED_ABROAD.finditer(text):
        if not _CARE_PLACES.search(m.group(2)):
            found.append(_matched(m, 1, "AID", "humanitarian"))
    for m in _CAMPAIGN_TO_FREE.finditer(text):
        found.append(_matched(m, 1, "REQUEST", None))
    for m in _HELD_CAPTIVE.finditer(text):
        found.append(_matched(m, 0, "ASSAULT", "abduct"))
    for m in _WARRANT.finditer(text):
        found.append(_matched(m, 0, "COERCE", "arrest"))
    for m in _VERDICT.finditer(text):
        found.append(_matched(m, 1, "CONCEDE", "release") if m.group(2) else _matched(m, 1, "COERCE", "legal"))
    for m in _TERROR_LISTED.finditer(text):
        found.append(_matched(m, 1, "COERCE", "restrict"))
    for m in _policy_war().finditer(text):
        found.append(Trigger(m.start(), m.end(), m.group(0), NOT_EVENT, None, (), "", 0.0))
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    taken = Coverage(len(text))
    kept = []
    for t in found:
        if taken.overlaps(t.start, t.end):
            continue
        taken.add(t.start, t.end)
        kept.append(t)
    kept.sort(key=lambda t: t.start)
    kept = [t for i, t in enumerate(kept) if not _grants_act(text, t, kept[i + 1] if i + 1 < len(kept) else None)]
    kept = [t for t in kept if not _confined(text, t) and not _law_named(text, t) and not _status_note(text, t)]
    doc.triggers = [t for t in (_sentencing(text, t) for t in kept if not _call_not_demand(text, t) and not _in_name(doc, t))
                    if t.type != NOT_EVENT]
    return doc


# "a woman on house arrest came forward", "while on house arrest": whom a sentence confines, not an
# arrest made; "placed the leader on house arrest" (a verb of putting before it) is one
_ON_HOUSE = re.compile(r"\bon\s+house\s+$", re.I)
_PUT_BEFORE = re.compile(r"\b(?:plac\w*|put|puts|putting|order\w*|sentenc\w*)\b(?:\s+[\w\-'’]+){0,5}\s+$", re.I)


def _confined(text: str, t: Trigger) -> bool:
    before = text[max(0, t.start - 80):t.start]
    at = _ON_HOUSE.search(before)
    return t.text.lower() == "arrest" and at is not None and not _PUT_BEFORE.search(before[:at.start()] + " ")


# "charged under the Kidnapping Act", "the Prevention of Torture Act 2013": a crime in a law's name
_LAW_AFTER = re.compile(r"^(?:\s+(?:and|of|\(?Prevention\)?|Prohibition|Control|[A-Z][a-z]+))*\s+(?:Act|Law|Ordinance|Decree|Bill)\b")


def _law_named(text: str, t: Trigger) -> bool:
    return t.text[:1].isupper() and bool(_LAW_AFTER.match(text[t.end:t.end + 60]))


# "Daesh (outlawed in Russia)", "Jabhat Fatah al-Sham, banned in Russia,": an outlet's note on a group's
# legal status, not a ban imposed in the story ("the group was banned in Russia in 2003" is one)
_STATUS_AFTER = re.compile(r"^\s+in\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?\s*(?:[),;.]|$)")
_STATUS_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|it|they|who|which)\s+$", re.I)


def _status_note(text: str, t: Trigger) -> bool:
    return t.type == "COERCE" and t.mode == "restrict" and t.text.lower() in ("banned", "outlawed") \
        and bool(_STATUS_AFTER.match(text[t.end:t.end + 40])) and not _STATUS_BEFORE.search(text[max(0, t.start - 20):t.start])


# "granted an amnesty to 200 prisoners", "granted him a pardon": what is granted names the act (an
# amnesty is a concession, PLOVER CONCEDE), not aid given
_GRANTED_THEN = re.compile(r"\s+(?:[\w\-'’]+\s+){0,3}")


def _grants_act(text: str, t: Trigger, nxt: Trigger | None) -> bool:
    return t.type == "AID" and t.text.lower() == "granted" and nxt is not None and nxt.type not in ("AID", "ASSAULT") \
        and bool(_GRANTED_THEN.fullmatch(text, t.end, nxt.start))


def _in_name(doc: Doc, t: Trigger) -> bool:
    """"Amnesty said", "Amnesty's researcher", "the Rapid Support Forces": a trigger word written with
    its capital inside the name of a listed organisation the actor stage found is that name, not the act
    ("granted an amnesty" is the act). Attacks stay: "Russian warplanes" names the weapon and who used it."""
    if t.type == "ASSAULT" or not t.text[:1].isupper():
        return False
    return any(m.start <= t.start and t.end <= m.end and not m.actor.generic and not m.demonym
               for m in doc.in_span(doc.actors, max(0, t.start - 80), t.end))


# "condemned the activist to life in prison", "condemned him to death": a court's sentence, not a
# condemnation in words
_SENTENCE_AFTER = re.compile(r"^[^.;]{0,80}?\bto\s+(?:life|death|\w+\s+years?|\d+\s+years?|prison|jail|hard labou?r)\b",
                             re.I)


# "warned that the authorities were using repressive laws": a warning about what is, an accusation;
# a threat warns of what will be done ("warned that it would retaliate")
# "warned that", "warns the Human Rights Council that": the warning's content, after whom it is told to
# (a preposition first, "warned of attacks that ...", is what is warned of, and its "that" a relative)
_WARNED_WHOM_THAT = re.compile(r"\s*(?:that\b|(?!(?:of|about|against|over|on)\b)(?:[\w\-'’]+\s+){1,4}?that\b)", re.I)
_FUTURE_IN_CLAUSE = re.compile(r"\b(?:will|would|could|may|might|shall|if|unless|otherwise|going to|ready to|"
                               r"prepared to|consequences|retaliat\w*|respond\w*)\b", re.I)


# "crippling strikes", "a strike by doctors", "day 16 of the strike", "workers on strike": a work
# stoppage, which is a protest, not an attack
_LABOUR_BEFORE = re.compile(
    r"\b(?:general|crippling|nationwide|national|indefinite|open-ended|labou?r|workers['’]?|doctors['’]?|nurses['’]?|teachers['’]?|"
    r"union|unions['’]?|transport|rail|\d+-day|day \d+ of|days? of|weeks? of|on)\s+(?:\w+\s+)?$", re.I)
_WORKFORCE = (r"(?:workers|doctors|nurses|teachers|lecturers|unions?|drivers|employees|staff|engineers|"
              r"miners|dockers|civil servants|health workers)")
_LABOUR_AFTER = re.compile(r"^\s+(?:by|of)\s+(?:\w+\s+){0,3}?" + _WORKFORCE + r"\b|^\s+action\b", re.I)
# "Airport staff at Heathrow strike", "engineers at British Gas continue strikes", "the teachers' union extended
# a strike they began last week", "nurses staged a two-day strike": a workforce that strikes
_WORKFORCE_STRIKES = re.compile(r"\b" + _WORKFORCE + r"['’]?(?:\s+at\s+[^.;:!?,]{1,40}?)?\s+"
                                r"(?:(?:continue[sd]?|continuing|begins?|began|beginning|stages?|staged|staging|holds?|held|holding|"
                                r"extend(?:s|ed|ing)?|launch(?:es|ed|ing)?|start(?:s|ed|ing)?|declar(?:e|es|ed|ing)|"
                                r"join(?:s|ed|ing)?|resum(?:e|es|ed|ing))\s+"
                                r"(?:(?:a|an|the|their|its|another|new|fresh)\s+)?(?:[\w\-]+\s+)?)?$", re.I)


# "clashes between police and protesters", "demonstrators clashed with riot police": a protest the police
# met by force (ACLED: protest with intervention), not a battle between two armed sides
_CLASH_WORDS = frozenset({"clash", "clashes", "clashed", "clashing"})
_MARCHING_SIDE = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers|rioters)\b", re.I)
_POLICING_SIDE = re.compile(r"\b(?:police|policemen|officers|riot police|gendarmes|security forces)\b", re.I)
CLASH_REACH = 60  # characters either side of "clashes" where its two sides are named


def _protest_clash(text: str, t: Trigger) -> bool:
    if t.type != "ASSAULT" or t.text.lower() not in _CLASH_WORDS:
        return False
    before = re.split(r"[.;!?]", text[max(0, t.start - CLASH_REACH):t.start])[-1]
    after = re.split(r"[.;!?]", text[t.end:t.end + CLASH_REACH], maxsplit=1)[0]
    around = f"{before} {after}"
    return bool(_MARCHING_SIDE.search(around) and _POLICING_SIDE.search(around))


# "filed an application to hold a rally", "sought permission for a march": a protest asked for, not held
_ASKED_LEAVE_BEFORE = re.compile(r"\b(?:applications?|applied|permission|permits?|approval|authori[sz]ation)\s+(?:[\w\-'’]+\s+){0,3}?"
                                 r"(?:to\s+(?:hold|stage|organi[sz]e)|for)\s+(?:(?:a|an|the|another|their|its)\s+)?(?:[\w\-'’]+\s+){0,2}$", re.I)
# "had surrendered to police", "surrendered himself to the authorities": someone giving himself up to be
# held, an arrest, not a force's surrender
_TO_CUSTODY_AFTER = re.compile(r"^\s+(?:(?:themselves|himself|herself)\s+)?to\s+(?:the\s+)?(?:[\w\-'’]+\s+){0,2}?"
                               r"(?:police|authorities|officers|investigators|prosecutors|court)\b", re.I)
# "demonstrated that it would not fight", "demonstrated their resolve": to show, not to protest (which
# takes no object: "demonstrated in the capital", "demonstrated against the law")
_SHOWN_AFTER = re.compile(r"^\s+(?:that|how|what|why|whether|it|its|his|their|our|a|an|this|such|no)\b", re.I)
# "refused to cross the picket line": workers joining a strike action, not a refusal between parties
_PICKET_AFTER = re.compile(r"^\s+(?:to\s+)?cross\s+(?:[\w\-'’]+\s+){0,2}?picket\s+lines?\b", re.I)


# "refuse workers", "refuse collection": the noun (rubbish), no refusal
_RUBBISH_AFTER = re.compile(r"^\s+(?:workers|collectors?|collections?|trucks?|lorr(?:y|ies)|bins?|dumps?|sacks?|services?)\b", re.I)


def _labour(text: str, t: Trigger) -> bool:
    return t.type == "ASSAULT" and t.text.lower() in ("strike", "strikes") and bool(
        _LABOUR_BEFORE.search(text[max(0, t.start - 40):t.start]) or _LABOUR_AFTER.match(text[t.end:t.end + 60])
        or _WORKFORCE_STRIKES.search(text[max(0, t.start - 80):t.start]))


# "rejected Radi's request for pretrial release", "denied his appeal for bail": custody upheld
_BAIL_REFUSED = re.compile(r"^\s+(?:\S+\s+){0,4}?(?:request|application|appeal|plea|petition)s?\s+for\s+(?:\w+\s+)?"
                           r"(?:release|bail)\b", re.I)


# "captured several army positions", "seized 16 villages": ground taken, not people abducted
_GROUND_AFTER = re.compile(
    r"^\s+(?:[\w\-]+\s+){0,3}?(?:positions?|villages?|towns?|city|cities|areas?|bases?|hills?|hilltops?|checkpoints?|"
    r"districts?|neighbou?rhoods?|territory|airports?|airbases?|roads?|highway|outposts?|posts|region|countryside|"
    r"parts?|strongholds?|crossings?|fronts?|farms|heights)\b", re.I)


# "pressed its offensive", "pressed on with the assault", "pressing ahead": a force keeps fighting; no one is
# asked for anything (a request is "pressed Moscow to", "pressed for talks")
_PUSH_ON_AFTER = re.compile(r"^\s+(?:on|ahead|forward|home)\b|^\s+(?:its|their|his|her|the|an?)\s+(?:[\w\-]+\s+){0,2}?"
                            r"(?:offensives?|assaults?|attacks?|advances?|campaigns?|operations?|push|drive|bombardments?|"
                            r"sieges?|onslaught|gains?)\b", re.I)


# "lifted a night curfew", "eased the state of emergency", "lifted a day-old blockade": a restriction
# named as what is ended; the ending is the act (PLOVER CONCEDE; a military blockade lifted is RETREAT)
_ENDED_BEFORE = re.compile(r"\b(?:lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|relax(?:es|ed|ing)?|shorten(?:s|ed|ing)?|"
                           r"end(?:s|ed|ing)?|revok(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|cancel(?:s|led|ed|ling)?)\s+"
                           r"(?:[\w\-]+\s+){0,5}$", re.I)
_RESTRICTIONS = re.compile(r"(?:curfew|state of (?:emergency|siege)|martial law|blockade|emergency measures|ban)s?$", re.I)


# "reduced air raids", "suspended its air strikes", "a halt on air strikes": an attack named as what
# is stopped or scaled back; the stopping is a military de-escalation (PLOVER RETREAT; CAMEO 0872)
_HALTED_BEFORE = re.compile(r"\b(?:halt(?:s|ed|ing)?|a halt (?:on|to|in)|suspend(?:s|ed|ing)?|suspension of|"
                            r"paus(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|scal(?:e|es|ed|ing) (?:back|down))\s+"
                            # what stands between names the attacks ("its air strikes"), never another thing
                            # ("suspended the talks after air strikes", "reduced to rubble by shelling")
                            r"(?:(?!(?:to|of|after|before|over|amid|following|by|in|on|at|for|despite|because|due|"
                            r"and|or|but|as|with|from|against|into|during|until|since|when|while)\b)[\w\-]+\s+){0,3}$", re.I)
# "destroying their armored vehicles and mortar shells", "seized a cache of rockets": weapons destroyed or taken,
# no attack made with them ("destroyed by rockets", "destroyed the house with mortar shells" are attacks)
_WEAPONS_TAKEN_BEFORE = re.compile(r"\b(?:destroy(?:ed|ing|s)?|seiz(?:ed|ing|es)|captur(?:ed|ing|es)|confiscat(?:ed|ing|es))\s+"
                                   r"(?:(?!(?:by|with|in|from|on|at)\b)[\w\-'’]+\s+){0,5}$", re.I)
_WEAPON_NOUNS = re.compile(r"(?:(?:mortar|artillery|tank)\s+)?(?:shells?|rockets?|launchers?|missiles?|mortars?)$", re.I)


# "decided to suspend its memorandum of understanding", "froze the agreement": an accord between two
# parties named as what one of them suspends
_SUSPENDED_BEFORE = re.compile(r"\b(?:suspend(?:s|ed|ing)?|suspension of|freez(?:e|es|ing)|froze)\s+"
                               r"(?:(?:its|their|the|his|her|a|an|all|bilateral|military|security)\s+){0,3}$", re.I)
_PACTS = re.compile(r"memorandum|agreements?|accords?|deals?", re.I)


# "police froze HK$160,000 in assets", "authorities froze the company's funds": a seizure ordered by the
# state's own law enforcers (PLOVER COERCE, CAMEO 1711 confiscate property); a state's freeze of
# another's assets or aid stays a SANCTION
_ASSETS_AFTER = re.compile(r"^\s+(?:[\w\-'’$,.]+\s+){0,5}?(?:funds|assets|accounts|bank accounts)\b", re.I)
_LAW_ENFORCER = re.compile(r"\b(?:police|authorities|prosecutors?|prosecution|courts?|judges?|regulators?|"
                           r"investigators|security bureau|anti-corruption \w+)\b", re.I)


# "summoned Niger's ambassador", "summoned the US envoy": a diplomatic protest, an official complaint
# (PLOVER ACCUSE; CAMEO 114), not a court's summons
_ENVOY_AFTER = re.compile(r"^\s+(?:[\w\-'’.]+\s+){0,4}?(?:ambassadors?|envoys?|charg[eé] d['’]affaires|diplomats?)\b", re.I)


# "will provide new information on the case", "provided details of": words given, not aid
_WORDS_AFTER = re.compile(r"^\s+(?:[\w\-]+\s+){0,2}?(?:information|details|evidence|updates?|explanations?|answers|"
                          r"clarifications?|figures|data|comments?|testimony|proof|names)\b", re.I)


# "this amounts to psychological torture", "constitutes arbitrary detention": an act named as what the
# speaker calls another's conduct, an accusation (PLOVER ACCUSE), not a new act of violence
_CALLED_BEFORE = re.compile(r"\b(?:amounts?\s+to|amounted\s+to|amounting\s+to|tantamount\s+to|constitutes?|constituted|"
                            r"constituting)\s+(?:an?\s+)?(?:[\w\-]+\s+){0,2}$", re.I)


# "gunmen hijacked a bus", "the hijacking of the airliner": a vehicle seized with those aboard; "jihadists
# hijacked a rebellion" takes over a cause, no one is seized
_HIJACKED_VEHICLE = re.compile(r"^\s+(?:of\s+)?(?:[\w\-'’]+\s+){0,3}?(?:planes?|aircraft|airliners?|jets?|flights?|bus|buses|"
                               r"trucks?|lorr(?:y|ies)|cars?|vehicles?|ships?|vessels?|tankers?|boats?|trains?|ferr(?:y|ies)|"
                               r"helicopters?|convoys?)\b", re.I)


_DONE_RELEASE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.done_release_verbs()) + r")\s+(?:the|his|her|their)\s+$", re.I)


# "hit the firm with financial measures", "hit them with new sanctions": a penalty imposed
_MEASURES_AFTER = re.compile(r"^\s+(?:[\w\-'’.,]+\s+){0,6}?with\s+(?:[\w\-]+\s+){0,3}?(?:sanctions|measures|penalties|"
                             r"tariffs|fines|asset freezes|travel bans|embargoe?s?)\b", re.I)
# "taking another shot at", "took a shot at reforming": an attempt (idiom), not gunfire
_FIGURATIVE_SHOT = re.compile(r"\b(?:another|second|fresh|new|final|last|one more)\s+shot\s+at\b|"
                              r"\b(?:take|takes|took|taken|taking|have|has|had|get|gets|got)\s+(?:a|his|her|its|their)\s+"
                              r"shot\s+at\s+\w+ing\b", re.I)
_LAUNCHED_WHAT = re.compile(r"\s+(?:(?:the|a|an|its|his|her|their|new)\s+)?(?:[\w\-'’]+\s+){0,3}?(?=wars?\s+on\b)|", re.I)
# "the accused", "the first accused", "two accused": the person on trial, no accusation made
_ACCUSED_PERSON = re.compile(r"\b(?:the|an?|first|second|third|fourth|fifth|main|prime|chief|principal|other|"
                             r"fellow|remaining|co|\d+|" + lexicon.count_alternation(2, 10) + r")[\s\-]+$", re.I)
_ACCUSED_OF = re.compile(r"^\s+(?:of|him|her|them|it|the|his|their|its|a|an)\b", re.I)


_LONG_RUNNING = re.compile(r"\b(?:\d+|" + lexicon.count_alternation(2, 20) + r")[\s\-](?:years?|months?|decades?)(?:[\s\-]long|[\s\-]old)?\s+$|"
                           r"\b(?:decades|years|months)[\s\-](?:long|old)\s+$", re.I)


# "the most effective fighting force", "its fighting units", "some 3000 fighting men": a body able to fight, no
# fighting done ("were fighting government forces" is a verb with its object: no determiner before it)
_FIGHTING_BODY = re.compile(r"^\s+(?:forces?|men|units?|capabilit(?:y|ies)|strength|age)\b", re.I)
_BODY_DETERMINER = re.compile(r"(?:\b(?:a|an|the|its|their|his|her|our|most|effective|elite|best|main|\d+|"
                              + lexicon.count_alternation(2, 20) + r")|['’]s)\s+$", re.I)


def _sentencing(text: str, t: Trigger) -> Trigger:
    if t.text.lower() == "release" and re.search(r"\b(?:the|a|an|his|her|their|its|whose)\s+$", text[max(0, t.start - 8):t.start], re.I) \
            and not _DONE_RELEASE.search(text[max(0, t.start - 40):t.start]):
        # "the release of Henry was being negotiated": the noun names no act done ("announced the release
        # of 68 children" tells one)
        return replace(t, type=NOT_EVENT)
    if t.text.lower() == "release" and re.search(r"\b(?:press|news|media)\s+$", text[max(0, t.start - 8):t.start], re.I):
        return replace(t, type=NOT_EVENT)  # "said in a press release": a statement, no one set free
    if t.type == "ASSAULT" and t.text.lower() in ("battle", "war", "fighting", "conflict", "insurgency", "struggle") \
            and _LONG_RUNNING.search(text[max(0, t.start - 30):t.start]):
        return replace(t, type=NOT_EVENT)  # "the 20-year battle against", "the decades-long war": a whole conflict, no one act
    if t.type == "ASSAULT" and t.text.lower() == "fighting" and _FIGHTING_BODY.match(text[t.end:t.end + 20]) \
            and _BODY_DETERMINER.search(text[max(0, t.start - 20):t.start]):
        return replace(t, type=NOT_EVENT)
    if t.type == "REQUEST" and t.text.lower() in ("sought", "seeking", "seeks", "seek") and re.match(r"\s+to\s+[a-z]", text[t.end:t.end + 6]):
        return replace(t, type=NOT_EVENT)  # "sought to allay fears", "seeking to topple": an attempt, no request
    if t.type == "CONCEDE" and re.match(r"(?:lift|eas|relax)", t.text, re.I) \
            and re.match(r"^\s+(?:[\w\-]+\s+){0,4}?blockades?\b", text[t.end:t.end + 60], re.I):
        return _as(t, "RETREAT", "withdraw")  # "lifted the blockade": a military de-escalation (CAMEO 0872)
    if t.type == "AGREE" and _PACTS.fullmatch(t.text) and _SUSPENDED_BEFORE.search(text[max(0, t.start - 50):t.start]):
        return _as(t, "SANCTION", "discontinue")  # "suspended its memorandum with": relations cut back (CAMEO 16)
    if t.type == "SANCTION" and t.text.lower() in ("froze", "freeze") and _ASSETS_AFTER.match(text[t.end:t.end + 60]) \
            and _LAW_ENFORCER.search(re.split(r"[.;!?]", text[max(0, t.start - 80):t.start])[-1]):
        return _as(t, "COERCE", "restrict")  # "authorities froze the company's funds": a measure of law, not a sanction
    if t.type == "AID" and t.text.lower().startswith("provid") and _WORDS_AFTER.match(text[t.end:t.end + 50]):
        return replace(t, type=NOT_EVENT)
    if t.type == "COERCE" and t.text.lower().startswith("summon") and _ENVOY_AFTER.match(text[t.end:t.end + 60]):
        return _as(t, "ACCUSE", "allege")
    if t.type in ("COERCE", "SANCTION") and _RESTRICTIONS.search(t.text) \
            and _ENDED_BEFORE.search(text[max(0, t.start - 50):t.start]):
        return _as(t, "RETREAT", "withdraw") if t.text.lower().endswith("blockade") else _as(t, "CONCEDE", None)
    if t.type == "REQUEST" and t.text.lower() in ("pressed", "presses", "press", "pressing") \
            and _PUSH_ON_AFTER.match(text[t.end:t.end + 60]):
        return replace(t, type=NOT_EVENT)
    if t.type == "ASSAULT" and t.mode == "abduct" and t.text.lower() in ("captured", "seized", "captures", "seizes") \
            and _GROUND_AFTER.match(text[t.end:t.end + 60]):
        return replace(t, mode=None, **_territory())
    if t.type == "ASSAULT" and _WEAPON_NOUNS.fullmatch(t.text) \
            and _WEAPONS_TAKEN_BEFORE.search(text[max(0, t.start - 80):t.start]):
        return replace(t, type=NOT_EVENT)
    if t.type == "ASSAULT" and t.mode in (None, "aerial", "heavy-weapons") \
            and _HALTED_BEFORE.search(text[max(0, t.start - 50):t.start]):
        return _as(t, "RETREAT", "withdraw")
    if t.type == "REJECT" and _BAIL_REFUSED.match(text[t.end:t.end + 80]):
        return _as(t, "COERCE", "legal")
    if t.type in ("ASSAULT", "COERCE") and _CALLED_BEFORE.search(text[max(0, t.start - 50):t.start]):
        return _as(t, "ACCUSE", "allege")
    if t.type == "ASSAULT" and t.text.lower() in ("hijacked", "hijack") and not _HIJACKED_VEHICLE.match(text[t.end:t.end + 60]):
        return replace(t, type=NOT_EVENT)
    if _labour(text, t) or _protest_clash(text, t) \
            or (t.type == "REJECT" and t.text.lower().startswith("refus") and _PICKET_AFTER.match(text[t.end:t.end + 60])):
        return _as(t, "PROTEST", "demo")
    if t.type == "PROTEST" and t.text.lower() == "demonstrated" and _SHOWN_AFTER.match(text[t.end:t.end + 20]):
        return replace(t, type=NOT_EVENT)
    if t.type == "REJECT" and t.text.lower() == "refuse" and _RUBBISH_AFTER.match(text[t.end:t.end + 30]):
        return replace(t, type=NOT_EVENT)
    if t.type == "PROTEST" and _ASKED_LEAVE_BEFORE.search(text[max(0, t.start - 80):t.start]):
        return _as(t, "REQUEST", None)
    if t.type == "RETREAT" and t.text.lower().startswith("surrender") and _TO_CUSTODY_AFTER.match(text[t.end:t.end + 60]):
        return _as(t, "COERCE", "arrest")
    if t.type == "ASSAULT" and t.text.lower() in ("hit", "hits", "hitting") and _MEASURES_AFTER.match(text[t.end:t.end + 120]):
        return _as(t, "SANCTION", "discontinue")  # "hit the bank with sanctions": a penalty, no blow struck
    if t.type == "ASSAULT" and t.text.lower() == "shot" and _FIGURATIVE_SHOT.search(text[max(0, t.start - 40):t.end + 40]):
        return replace(t, type=NOT_EVENT)  # "taking another shot at censoring the press": an attempt
    if t.type == "ASSAULT" and t.text.lower().startswith("launch") \
            and _policy_war().match(text, t.end + len(_LAUNCHED_WHAT.match(text, t.end).group(0))):
        return replace(t, type=NOT_EVENT)  # "launched the War on Terror": a campaign named, no attack
    if t.type == "ACCUSE" and t.text.lower() == "accused" and _ACCUSED_PERSON.search(text[max(0, t.start - 30):t.start]) \
            and not _ACCUSED_OF.match(text[t.end:t.end + 40]):
        return replace(t, type=NOT_EVENT)  # "the accused were released", "the first accused": a person
    if t.type == "ACCUSE" and t.text.lower().startswith("condemn") and _SENTENCE_AFTER.match(text[t.end:t.end + 120]):
        return _as(t, "COERCE", "legal")
    if t.type == "THREATEN" and t.text.lower().startswith("warn"):
        clause = re.split(r"[.;!?]", text[t.end:t.end + 200], maxsplit=1)[0]
        if _WARNED_WHOM_THAT.match(text[t.end:t.end + 60]) or t.text.lower().endswith("that"):
            if not _FUTURE_IN_CLAUSE.search(clause):
                return _as(t, "ACCUSE", "allege")
    return t


def retype(t: Trigger, etype: str, mode: str | None) -> Trigger:
    """The trigger read as another type and mode, with that lexicon entry's ACLED types, CAMEO code and weight."""
    return _as(t, etype, mode)


def _as(t: Trigger, etype: str, mode: str | None) -> Trigger:
    acled, cameo, weight = _entry(etype, mode)
    return replace(t, type=etype, mode=mode, acled=acled, cameo=cameo, weight=weight)


@lru_cache(maxsize=1)
def _territory() -> dict:
    """The lexicon's entry for ground taken ("seized control", "overran"), as trigger fields."""
    entry = next(e for e in trigger_entries()
                 if e["type"] == "ASSAULT" and tuple(e["acled"]) == ("Battles", "Non-state actor overtakes territory"))
    return {"acled": tuple(entry["acled"]), "cameo": str(entry["cameo"]), "weight": float(entry["weight"])}


def _matched(m: re.Match[str], group: int, etype: str, mode: str | None) -> Trigger:
    """A trigger a pattern found: the words of its group, with the triggers.yaml entry of its type and mode."""
    return Trigger(m.start(group), m.end(group), m.group(group), etype, mode, *_entry(etype, mode))


@lru_cache(maxsize=32)
def _entry(etype: str, mode: str | None) -> tuple[tuple[str, ...], str, float]:
    entry = next(e for e in trigger_entries() if e["type"] == etype and e.get("mode") == mode)
    return tuple(entry["acled"]), str(entry["cameo"]), float(entry["weight"])
