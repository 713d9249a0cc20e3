"""What a fused event's reports say about it beyond their extracted mentions: the agent a gas
attack used, a side blamed for the act, a claim that the attack failed.

Extraction records one mention per event sentence; a counter-claim ("Russia said the gas leaked
from a rebel depot"), a photo caption naming the gas, or a state broadcaster's "the truck was
detonated before reaching its target" is often no event of its own. Fusion reads the reports'
own sentences for these, keeping only sentences about the incident: none naming another year,
none told as background ("in the past", "previously"). The vocabulary is reviewed data
(``data/fusion.yaml``, ``accounts``). Article text is only searched, never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


@dataclass(frozen=True)
class Told:
    """One sentence of a report that tells something about the incident."""

    article: str
    value: str  # the agent class, the side blamed, or "failed"
    quote: str


@lru_cache(maxsize=1)
def settings() -> dict:
    from sitrep.resolve.datafiles import load_yaml

    data = dict(load_yaml("fusion.yaml")["accounts"])
    data["agent_terms"] = tuple(sorted(((term.lower(), cls) for cls, terms in data["agents"].items() for term in terms),
                                       key=lambda x: -len(x[0])))
    return data


@lru_cache(maxsize=256)
def incident_sentences(text: str, year: int | None) -> tuple[str, ...]:
    """The sentences of ``text`` that may tell the incident of ``year``: not naming another year,
    not told as background. Kept for the agent, blame and failure readings of one report."""
    cues = settings()["background_cues"]
    out = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if len(sentence) < 12:
            continue
        years = {int(y) for y in _YEAR.findall(sentence)}
        if year is not None and years - {year}:
            continue
        lowered = sentence.lower()
        if any(cue in lowered for cue in cues):
            continue
        out.append(sentence)
    return tuple(out)


def _has_term(lowered: str, term: str) -> int:
    """The offset of ``term`` as whole words in ``lowered``, or -1."""
    match = re.search(r"(?<![a-z])" + re.escape(term) + r"(?![a-z])", lowered)
    return match.start() if match else -1


def agents(article: str, text: str, year: int | None) -> list[Told]:
    """The classes of agent (nerve, choking, blister) the report says the attack used; a sentence
    that defines an agent ("Sarin is a nerve agent") tells nothing of the incident."""
    found: list[Told] = []
    for sentence in incident_sentences(text, year):
        lowered = sentence.lower()
        seen: set[str] = set()
        if re.match(r"\W*([a-z-]+\s+){1,3}(is|are)\s+(an?|not)\b", lowered):
            continue  # a definition ("Sarin is an organophosphorus compound and a nerve agent")
        for term, cls in settings()["agent_terms"]:
            at = _has_term(lowered, term)
            if at < 0 or cls in seen:
                continue
            seen.add(cls)
            found.append(Told(article, cls, sentence))
    return found


def blames(article: str, text: str, year: int | None) -> list[Told]:
    """Sides a report says did the act or caused it ("blamed it on rebels", "a rebel provocation",
    "a 'terrorist' stockpile"): the actor after a blaming verb, or just before a word that places
    the cause with it. ``value`` is the side's name (the actor dictionary's root)."""
    from sitrep.fuse.events import ARMED_KINDS, _side
    from sitrep.resolve.actors import actor_dictionary

    data = settings()
    dictionary = actor_dictionary()
    found: list[Told] = []
    for sentence in incident_sentences(text, year):
        lowered = sentence.lower()
        matches = [m for m in dictionary.match(sentence) if m.actor.kind in ARMED_KINDS
                   and not re.match(r"[\s-]*(held|controlled|run)\b", lowered[m.end:])]
        if not matches:
            continue
        sides: list[str] = []
        for verb in re.finditer(r"\bblam(?:e|ed|es|ing)\b", lowered):
            after = [m for m in matches if verb.end() <= m.start <= verb.end() + 60]
            # "blamed it on rebels", "blamed the attack on the regime": the one after "on";
            # else the one right after the verb ("blaming 'terrorist groups'", "blamed rival IS")
            on = [m for m in after if re.search(r"\bon\s+(the\s+)?$", lowered[verb.end():m.start])]
            next_ = [m for m in after if _plain_gap(sentence[verb.end():m.start])]
            pick = (on or next_)[:1]
            sides += [_side({"id": m.actor.id, "name": m.actor.name}) for m in pick]
        for cue in data["cause_words"]:
            for hit in re.finditer(r"(?<![a-z])" + re.escape(cue) + r"(?![a-z])", lowered):
                before = [m for m in matches if m.end <= hit.start() and
                          len(lowered[m.end:hit.start()].split()) <= data["cause_gap_words"]]
                sides += [_side({"id": m.actor.id, "name": m.actor.name}) for m in before[-1:]]
        for side in dict.fromkeys(sides):
            found.append(Told(article, side, sentence))
    return found


def _plain_gap(text: str) -> bool:
    """Whether the words between a verb and an actor are at most three lowercase ones ("the",
    "rival self-proclaimed"): a capitalised word there is a name of its own ("US blames Damascus
    The White House ...")."""
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) <= 3 and all(w.islower() for w in words)


def failures(article: str, text: str, year: int | None) -> list[Told]:
    """Sentences saying the attack failed to reach its target ("detonated before reaching its
    target"): a denial of what it did, when other reports give its dead."""
    cues = settings()["failed_cues"]
    return [Told(article, "failed", s) for s in incident_sentences(text, year)
            if any(cue in s.lower() for cue in cues)]
