"""Stage: event trigger phrases, found with one Aho-Corasick pass over the text."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import ahocorasick

from sitrep.resolve.datafiles import load_yaml
from sitrep.spans import Coverage
from sitrep.stages.doc import Doc, Trigger


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for entry in load_yaml("triggers.yaml"):
        for phrase in entry["phrases"]:
            key = str(phrase).lower()
            info = (entry["type"], entry.get("mode"), tuple(entry["acled"]), str(entry["cameo"]),
                    float(entry["weight"]), len(key))
            existing = automaton.get(key, None)
            if existing is None or existing[4] < info[4]:
                automaton.add_word(key, info)
    automaton.make_automaton()
    return automaton


def _word(c: str) -> bool:
    return c.isalnum()


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
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    taken = Coverage(len(text))
    kept = []
    for t in found:
        if taken.overlaps(t.start, t.end):
            continue
        taken.add(t.start, t.end)
        kept.append(t)
    kept.sort(key=lambda t: t.start)
    doc.triggers = [_sentencing(text, t) for t in kept]
    return doc


# "condemned the activist to life in prison", "condemned him to death": a court's sentence, not a
# condemnation in words
_SENTENCE_AFTER = re.compile(r"^[^.;]{0,80}?\bto\s+(?:life|death|\w+\s+years?|\d+\s+years?|prison|jail|hard labou?r)\b",
                             re.I)


def _sentencing(text: str, t: Trigger) -> Trigger:
    if t.type == "ACCUSE" and t.text.lower().startswith("condemn") and _SENTENCE_AFTER.match(text[t.end:t.end + 120]):
        legal = _legal()
        return replace(t, type="COERCE", mode="legal", acled=legal[0], cameo=legal[1], weight=legal[2])
    return t


@lru_cache(maxsize=1)
def _legal() -> tuple[tuple[str, ...], str, float]:
    entry = next(e for e in load_yaml("triggers.yaml") if e["type"] == "COERCE" and e.get("mode") == "legal")
    return tuple(entry["acled"]), str(entry["cameo"]), float(entry["weight"])
