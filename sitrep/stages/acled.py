"""Re-typing: the ACLED event and sub-event type of a mention from its trigger, mode and parties, the
mode ranking, and the modes that are state acts.
"""

from __future__ import annotations

import re

from sitrep import lexicon
from sitrep.model import Actor
from sitrep.stages.doc import Doc, Trigger

_MODE_PRIORITY = ["unconventional", "suicide-attack", "drone", "aerial", "heavy-weapons", "explosives",
                  "targeted", "sexual", "torture", "abduct", "firearms", "beat", None]


def mode_rank(mode: str | None) -> int:
    return _MODE_PRIORITY.index(mode) if mode in _MODE_PRIORITY else len(_MODE_PRIORITY)


REFRAMED = {"AGREE": (("Strategic developments", "Agreement"), "03"), "REQUEST": (("Strategic developments", "Other"), "02"),
             "THREATEN": (("Strategic developments", "Other"), "13"), "CONCEDE": (("Strategic developments", "Other"), "08")}


def as_aerial(trigger: Trigger) -> Trigger:
    """The same trigger read as an air strike: bombs from aircraft, an attacker that is an air force."""
    return Trigger(trigger.start, trigger.end, trigger.text, "ASSAULT", "aerial",
                   ("Explosions/Remote violence", "Air/drone strike"), "19", trigger.weight)


_STATE_FORCES = ("state military", "government", "police")
# "backed by Russian airstrikes", "with the support of coalition air strikes", "under the cover of air raids"
_BACKING_BEFORE = re.compile(r"\b(?:backed|supported|aided|covered|assisted)\s+by\s+(?:[\w\-'’]+\s+){0,3}$"
                             r"|\b(?:support|backing|cover)\s+of\s+(?:[\w\-'’]+\s+){0,3}$", re.I)
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being)\s+$", re.I)
# "the coalition fighting Daesh", "forces fighting the Islamic State": the verb with its foe, not a battle told
_FOE_AFTER = re.compile(r"^\s+(?:the\b|against\b|[A-Z])")


def acled_for(trigger: Trigger, a1: Actor | None, a2: Actor | None, group: list[Trigger], text: str = "") -> dict[str, str]:
    event_type, sub = trigger.acled
    if trigger.mode in ("aerial", "heavy-weapons") and any(
            w in t.text.lower() and not _FOE_AFTER.match(text[t.end:t.end + 12])
            for t in group if t is not trigger for w in ("clash", "fighting", "battle")):
        # "fighting raged into Sunday with air strikes and artillery fire": the battle is the event and
        # the strikes its weapons (PROTOCOL: an offensive and its counter-fire are one armed clash)
        return {"event_type": "Battles", "sub_event_type": "Armed clash"}
    backing = _BACKING_BEFORE.search(text[max(0, trigger.start - 40):trigger.start])
    if trigger.mode in ("aerial", "drone") and backing is not None \
            and not _BE_BEFORE.search(text[max(0, trigger.start - 60):max(0, trigger.start - 40) + backing.start()]):
        # "government forces backed by Russian airstrikes pushed back the rebels": the strikes support a
        # ground fight, which is the event (ACLED codes the battle); not "they are backed by air strikes",
        # who backs a side said of it, no fight told
        return {"event_type": "Battles", "sub_event_type": "Armed clash"}
    if trigger.mode == "abduct" and trigger.text.lower().startswith("captur") and _combatant(a1) and _combatant(a2) \
            and any(t.mode != "abduct" and t.text.lower().startswith(_KILLING) for t in group):
        # "the army killed 33 militants and captured 10": fighters taken prisoner in the fight that killed
        # their comrades; ACLED codes the battle, not an abduction
        return {"event_type": "Battles", "sub_event_type": "Armed clash"}
    if trigger.mode in (None, "firearms"):
        phrases = " ".join(t.text.lower() for t in group)
        if any(w in phrases for w in ("kidnap", "abduct", "hostage")):
            return {"event_type": "Violence against civilians", "sub_event_type": "Abduction/forced disappearance"}
        if any(w in phrases for w in ("recaptured", "retook", "regained", "liberated", "restored")):
            return {"event_type": "Battles", "sub_event_type": "Government regains territory"}
        if any(w in phrases for w in ("seized control", "took control", "overran", "captured the")):
            if a1 is not None and a1.kind in _STATE_FORCES:
                # ACLED: territory taken by a state's forces is the government (re)gaining it
                return {"event_type": "Battles", "sub_event_type": "Government regains territory"}
            return {"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"}
        if trigger.text.lower().split()[-1] in _BATTLE_WORDS:
            # "sparking fighting in which 17 people were killed": a battle, whoever died in it (ACLED codes
            # the civilians caught in a battle as the battle's toll)
            return {"event_type": "Battles", "sub_event_type": "Armed clash"}
        if a2 is not None and (a2.kind == "civilians" or a2.kind in _UNARMED_KINDS and a2.kind != "protesters"):
            # "ISIS killed two activists", "gunmen shot a journalist": people who bear no arms (ACLED codes
            # activists, reporters, workers and students attacked as civilians)
            return {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
        if a1 is not None and a1.kind in _STATE_FORCES and _unarmed(a2) \
                and not any(w in phrases for w in ("clash", "fighting", "battle")):
            # "police shot dead a 19-year-old student": a state's forces killing a person who is no
            # fighter is violence against civilians (ACLED: a clash needs two armed, organised sides)
            return {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
        if a1 is not None and a2 is not None or "clash" in phrases or "fighting" in phrases or "battle" in phrases:
            return {"event_type": "Battles", "sub_event_type": "Armed clash"}
        if a1 is None and _combatant(a2):
            # "dozens of militants were killed in military operations": fighters killed by a side the
            # sentence leaves unnamed fell in a battle; ACLED's "Attack" is violence against civilians
            return {"event_type": "Battles", "sub_event_type": "Armed clash"}
    if trigger.mode == "targeted" and a2 is not None and a2.kind not in ("civilians", None):
        return {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    return {"event_type": event_type, "sub_event_type": sub}


_HEADS = lexicon.alternation(lexicon.territory_heads())
# "seized the town of X", "captured 16 villages", "seized control of", "captured Khaldiyeh District" (not
# "the school's computers", "a village elder": the ground's people or goods)
_GROUND_AFTER = re.compile(r"^\s+(?:back\s+)?(?:[\w\-'’]+\s+){0,3}?(?:" + _HEADS + r")\b(?!['’]|\s+(?:elders?|chiefs?|heads?|"
                           r"leaders?|officials?|residents?|teachers?|students?|pupils?|councils?|councillors?)\b)", re.I)
# "the base after it was seized by fighters": ground named before a passive verb of taking
_GROUND_BEFORE = re.compile(r"\b(?:" + _HEADS + r")\b(?:\s+[\w\-'’]+){0,3}\s+(?:was|were|had been|has been|have been)\s+$", re.I)
_TAKING = frozenset(lexicon.capture_verbs())


_TAKING_WORD = re.compile(r"\b(?:" + lexicon.alternation(lexicon.capture_verbs()) + r")\b", re.I)
# "the town, which rebels seized last year", "after the army retook the village": a taking told as the
# setting of the act, not the act
_SETTING_BEFORE = re.compile(r"\b(?:which|that|who|after|since|before|when|until|following)\b(?:\s+[\w\-'’]+){0,4}\s+$", re.I)


def ground_taken(group: list[Trigger], a1: Actor | None, text: str, span: tuple[int, int] | None = None) -> dict[str, str] | None:
    """ACLED's change of territory when one of the act's triggers is a verb of taking whose object is
    ground ("militants seized an artillery school", "the army captured the district"): a state's forces
    (or a retaking by no named side) regain it, any other side overtakes it. With the sentence's
    ``span``, a verb of taking the trigger lexicon reads as another kind of act (or not at all) counts
    too: "stepped up air strikes and retaken villages" tells ground changing hands, with its weapons."""
    if span is not None:
        seen = {t.start for t in group}
        group = group + [Trigger(w.start(), w.end(), w.group(0), "ASSAULT", None, ("Battles", "Armed clash"), "19", 0.5)
                         for w in _TAKING_WORD.finditer(text, span[0], span[1])
                         if w.start() not in seen and not _SETTING_BEFORE.search(text[max(span[0], w.start() - 40):w.start()])]
    for t in group:
        verb = t.text.split()[0].lower() if t.text.split() else ""
        if verb not in _TAKING:
            continue
        if not (_GROUND_AFTER.match(text[t.end:t.end + 80])
                or (re.match(r"\s+by\b", text[t.end:t.end + 5]) and _GROUND_BEFORE.search(text[max(0, t.start - 60):t.start]))):
            continue
        if (a1 is not None and a1.kind in _STATE_FORCES) or (a1 is None and verb.startswith("re")):
            return {"event_type": "Battles", "sub_event_type": "Government regains territory"}
        return {"event_type": "Battles", "sub_event_type": "Non-state actor overtakes territory"}
    return None


_BATTLE_WORDS = frozenset({"fighting", "clash", "clashes", "battle", "battles", "firefight", "gunbattle", "infighting"})
_COMBATANTS = frozenset({"state military", "armed group", "terrorist group", "rebels", "militia"})
_KILLING = ("kill", "killed", "killing")


def _combatant(actor: Actor | None) -> bool:
    return actor is not None and actor.kind in _COMBATANTS


# the kinds of people who bear no arms as such (an "unknown" side is unarmed only when it is a person
# the dictionary does not class: "Unidentified gunmen" and "Kidnappers" are unknown too, and armed)
_UNARMED_KINDS = frozenset({"civilians", "human rights defenders", "journalists", "workers", "students", "protesters"})


def _unarmed(actor: Actor | None) -> bool:
    return actor is not None and (actor.kind in _UNARMED_KINDS or actor.kind == "unknown" and actor.id in (None, "PERSON"))


# what a headline may say more precisely than the lead: "suicide bomb attack ... kills 25" over the
# lead's "an explosion ... killed at least 25"
_REFINES = {"suicide-attack": {"explosives", None}}


def title_mode(doc: Doc, title: Doc | None) -> None:
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


# COERCE modes of the law: only a state arrests, tries, sentences or restricts (also read by
# sitrep.evaluate.hrds: an arrest with no agent named is a state actor's)
STATE_ACT_MODES = frozenset({"arrest", "legal", "restrict"})
