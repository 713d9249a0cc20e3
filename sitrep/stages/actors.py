"""Stage: actor mentions from the actor dictionary, plus unknown groups by their shape."""

from __future__ import annotations

import re

from sitrep.resolve.actors import ActorEntry, ActorMatch, actor_dictionary
from sitrep.stages.doc import Doc

# "the Sawaiq al-Rahman Brigade", "Liwa al-Quds": a group we do not know, named by its shape.
_UNKNOWN_GROUP = re.compile(
    r"\b((?:[A-Z][\w'’\-]+\s+){1,4}(?:Brigades?|Battalions?|Front|Movement|Division|Legion|Corps|"
    r"Regiment|Militias?|Units|Gathering|Union|Army|Forces|Guards?|Falcons|Lions|Knights))\b"
)
_UNKNOWN = ActorEntry("UNKNOWN_GROUP", "", "armed group", None, None, False)
_NOT_GROUP_START = {"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "In", "On", "At", "By"}


def find_actors(doc: Doc) -> Doc:
    dictionary = actor_dictionary()
    matches = dictionary.match(doc.text)
    merged: list[ActorMatch] = []
    for m in matches:
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
