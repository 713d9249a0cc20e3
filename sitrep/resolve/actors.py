"""Actor dictionary: aliases -> canonical actors, matched with Aho-Corasick in one pass."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from sitrep.model import Actor
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
    classes: tuple[str, ...] = ()  # generic classes this actor stands for in its country ("military")


# Entries that stand for an actor no dictionary lists (named only by the text's words): never an id.
UNLISTED_IDS = frozenset({"UNKNOWN_GROUP", "UNKNOWN_ACTOR", "UNKNOWN_ORG", "NAMED_BODY"})


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
        self._spelled: dict[str, set[str]] = {}  # actor id -> its names and aliases, lower case
        for r in records:
            self._spelled[r["id"]] = {str(a).lower() for a in [r["name"], re.sub(r"\s*\(.*\)$", "", r["name"]),
                                                                *(r.get("aliases") or ()), *(r.get("exact_aliases") or ())]}
            entry = ActorEntry(r["id"], r["name"], r["kind"], r.get("country"), r.get("parent"),
                               bool(r.get("generic")), tuple(r.get("classes") or ()))
            self.actors[entry.id] = entry
            for alias in r.get("aliases", []):
                self._add(str(alias), entry.id, False)
            for alias in r.get("exact_aliases", []) or []:
                self._add(str(alias), entry.id, False, exact=True)
            for dem in r.get("demonyms", []) or []:
                self._add(str(dem), entry.id, True)
        self._folded.make_automaton()
        self._exact.make_automaton()
        # romanised Arabic names by their consonants: "Jeish al-Fath" is "Jaish al-Fatah"
        skeletons: dict[str, set[str]] = {}
        for r in records:
            for alias in r.get("aliases", []) or []:
                key = _skeleton(str(alias))
                if key is not None:
                    skeletons.setdefault(key, set()).add(r["id"])
        self._skeletons = {k: next(iter(ids)) for k, ids in skeletons.items() if len(ids) == 1}
        self._names: dict[str, ActorEntry] = {}
        for entry in self.actors.values():
            self._names.setdefault(entry.name, entry)
        for r in records:  # records stored before a rename still carry the former name
            for former in r.get("formerly") or ():
                self._names.setdefault(str(former), self.actors[r["id"]])
        # (generic class, country) -> the reviewed actor standing for it; filled lazily with
        # class actors made for other states ("police", "KE" -> Kenyan police)
        self.class_index: dict[tuple[str, str], ActorEntry] = {}
        for entry in self.actors.values():
            if entry.kind == "government" and entry.country and not entry.parent:
                self.class_index.setdefault(("government", entry.country), entry)
        for entry in self.actors.values():
            for key in entry.classes:
                if entry.country:
                    self.class_index[(key, entry.country)] = entry

    def _add(self, alias: str, actor_id: str, demonym: bool, exact: bool = False) -> None:
        # Acronyms (all capitals, short) are matched case-sensitively: "IS" is not "is"; so is a short
        # alias with a capital after a small letter ("LeT" is not "let"; "US-led" stays folded).
        letters = [c for c in alias if c.isalpha()]
        case_sensitive = exact or (bool(letters) and len(alias) <= 6 and (
            all(c.isupper() for c in letters) or re.search(r"[a-z][A-Z]", alias) is not None))
        automaton, key = (self._exact, alias) if case_sensitive else (self._folded, alias.lower())
        existing = automaton.get(key, None)
        if existing is not None and not existing[1] and demonym:
            return  # a full alias outranks a demonym with the same spelling
        automaton.add_word(key, (actor_id, demonym, len(key)))

    def _spells(self, actor_id: str, name: str) -> bool:
        """Whether ``name`` (lower case) is, or holds, one of the actor's names ("Sudan's Rapid Support Forces")."""
        words = set(_WORD.findall(name.replace("’", "'"))) - _SMALL_WORDS
        return any(a == name or (len(a) > 6 and (a in name or name in a))
                   or len(words & set(_WORD.findall(a.replace("’", "'")))) >= 2 for a in self._spelled.get(actor_id, ()))

    def get(self, actor_id: str | None) -> ActorEntry | None:
        """The entry of an id; a generic class's id ("BANDITS", "POLICE_KE") is made on demand, since
        class entries join the dictionary only when first met and a record may outlive the dictionary
        that first met it (a reloaded dictionary, another process)."""
        if not actor_id:
            return None
        entry = self.actors.get(actor_id)
        if entry is None and actor_id.upper() == actor_id:
            entry = _class_by_id(actor_id)
        return entry

    def by_name(self, name: str | None) -> ActorEntry | None:
        """The actor with this canonical name (records carry names, e.g. a casualty's party)."""
        return self._names.get(name) if name else None

    def root(self, actor_id: str) -> ActorEntry:
        """The top of an actor's parent chain (a ministry -> its state's government)."""
        if actor_id not in self.actors:
            enter_class(actor_id)
        entry = self.actors[actor_id]
        seen = {entry.id}
        while entry.parent and entry.parent in self.actors and entry.parent not in seen:
            entry = self.actors[entry.parent]
            seen.add(entry.id)
        return entry

    def military_of(self, actor_id: str) -> ActorEntry | None:
        """The state military belonging to the same state as ``actor_id``."""
        root = self.root(actor_id)
        for entry in list(self.actors.values()):
            if entry.kind == "state military" and entry.parent == root.id:
                return entry
        if root.kind == "government" and root.country and self.class_index.get(("government", root.country)) is root:
            return class_entry("military", root.country)  # a state without a reviewed army: "Kenyan military"
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
                if end + 1 < len(text) and _is_word_char(text[end + 1]) and not self._lost_apostrophe(
                        text, start, end, actor_id, demonym):
                    continue
                words = text[start:end + 1]
                if automaton is self._folded and words.isupper() and len(words) > 3 and \
                        re.match(r"\s*[,(\-–]", text[end + 1:end + 4]):
                    continue  # "AMMAN, March 12": a dateline in capitals, not the actor
                found.append((start, end + 1, actor_id, demonym))
        found += self._romanised(text)
        # "Reporters Without Borders (RSF)": an acronym the text spells out as another body's is that body's here
        spelled_out = _spelled_out(text)
        found = [f for f in found if text[f[0]:f[1]] not in spelled_out
                 or self._spells(f[2], spelled_out[text[f[0]:f[1]]])]
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


    def _lost_apostrophe(self, text: str, start: int, end: int, actor_id: str, demonym: bool) -> bool:
        """"ISILs positions", "Hezbollahs fighters": a name's possessive whose apostrophe the source
        dropped (FA-KES strips them all). Only a proper name (capitalised in the text, not a demonym or
        a generic class: "Rebels" is a plural, not a lost possessive) followed by a lone "s"."""
        return (text[end + 1] == "s" and (end + 2 >= len(text) or not _is_word_char(text[end + 2]))
                and not demonym and text[start].isupper() and not self.actors[actor_id].generic)

    def _romanised(self, text: str) -> list[tuple[int, int, str, bool]]:
        """Runs of capitalised words joined by an Arabic article whose consonants spell a listed
        name another way ("Jeish al-Fath", "Jabhet an-Nusra")."""
        found = []
        for run in _ARTICLE_RUN.finditer(text):
            words = list(re.finditer(r"[^\s\-]+", run.group()))
            if not any(w.group().lower() in _articles() for w in words):
                continue  # no article, no romanised name (and a run of a thousand capitalised words costs nothing)
            for i, first in enumerate(words):
                for last in words[i + 1:i + 1 + _LONGEST_NAME][::-1]:  # longest first, a name's words at most
                    if not (first.group()[:1].isupper() and last.group()[:1].isupper()):
                        continue
                    start, end = run.start() + first.start(), run.start() + last.end()
                    actor_id = self._skeletons.get(_skeleton(text[start:end]) or "")
                    if actor_id is not None:
                        found.append((start, end, actor_id, False))
        return found


@lru_cache(maxsize=1)
def _articles() -> frozenset[str]:
    from sitrep import lexicon  # the lexicon reads its files through this package

    return frozenset(lexicon.arabic_articles())


_LONGEST_NAME = 6  # words after a romanised name's first
_ARTICLE_RUN = re.compile(r"\b[A-Z][\w'’]*(?:[\s\-]+(?:[A-Z][\w'’]*|[a-z]{2,3}(?=-)))*[\s\-]+[A-Z][\w'’]*")


def _skeleton(name: str) -> str | None:
    """A romanised Arabic name's consonants, word by word, without its articles ("Jaish al-Fatah" and
    "Jeish al-Fath": "jsh fth"); None for a name with no article or too short to tell apart."""
    parts = [p for p in re.split(r"[\s\-]+", name.lower()) if p]
    content = [p for p in parts if p not in _articles()]
    if len(content) < 2 or len(content) == len(parts) or parts[-1] in _articles():
        return None
    consonants = [re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]|[aeiouy]", "", w)) for w in content]
    if not all(consonants) or sum(map(len, consonants)) < 5:
        return None
    return " ".join(consonants)
# "Reporters Without Borders (RSF)", "the Rapid Support Forces (RSF)": a name and the acronym it defines
_DEFINED = re.compile(r"\b([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|the|on|in|to|without|de|des|du|la|le|et|pour|sans)){1,7})"
                      r"\s+\(([A-Z]{2,6})\)")
_LEADING_ARTICLE = re.compile(r"^(?:The|the)\s+")
_WORD = re.compile(r"[\w']+")
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "to", "without", "de", "des", "du", "la", "le", "et"})


def _spelled_out(text: str) -> dict[str, str]:
    """Acronym -> the name the text gives it (lower case), for each acronym it defines once only."""
    out: dict[str, set[str]] = {}
    for m in _DEFINED.finditer(text):
        out.setdefault(m.group(2), set()).add(_LEADING_ARTICLE.sub("", m.group(1)).lower())
    return {acronym: next(iter(names)) for acronym, names in out.items() if len(names) == 1}


def _country_actors(reviewed: list[dict]) -> list[dict]:
    """Every state as an actor: its government under its name, its demonym as a qualifier.

    Reviewed entries win: a country whose government is in ``actors.yaml`` adds nothing here.
    "Hungarian officials", "the Libyan government": the demonym qualifies a noun, so it is
    matched like other demonyms; the name alone ("Libya has offered ...") names the state.
    Names are matched as written (capitalised): "chad" or "turkey" in lower case are other words.
    """
    from sitrep.lexicon import countries

    covered = {r.get("country") for r in reviewed if r["kind"] == "government"}
    table = {c.iso2: c for c in countries()}
    # a reviewed state without demonyms of its own gets them on its government ("French minister")
    with_demonyms = {r.get("country") for r in reviewed if r.get("demonyms")}
    for r in reviewed:
        if r["kind"] == "government" and not r.get("parent") and r.get("country") not in with_demonyms:
            c = table.get(r["country"])
            r["demonyms"] = list(c.demonyms) if c else []
            with_demonyms.add(r.get("country"))
    out = []
    for c in countries():
        if c.iso2 in covered:
            continue
        names = [n for n in c.names if n[:1].isupper() and len(n) > 2]
        out.append({
            "id": f"STATE_{c.iso2}", "name": f"Government of {c.name}", "kind": "government",
            "country": c.iso2, "classes": ["government"],
            "exact_aliases": names + [f"{n} government" for n in names] + [f"government of {n}" for n in names]
            + [f"Government of {n}" for n in names],
            "demonyms": list(c.demonyms),
        })
    return out


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    reviewed = [dict(r) for r in load_yaml("actors.yaml")]
    return ActorDictionary(reviewed + _country_actors(reviewed))


# --- generic actor classes ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _leading_pattern() -> re.Pattern:
    return _leading()


@dataclass(frozen=True)
class ActorClass:
    key: str
    kind: str
    name: str
    named: str | None
    state: bool
    heads: tuple[str, ...]
    weak: frozenset[str]


@lru_cache(maxsize=1)
def actor_classes() -> dict[str, ActorClass]:
    out = {}
    for r in load_yaml("actor_classes.yaml"):
        out[r["class"]] = ActorClass(r["class"], r["kind"], r["name"], r.get("named"), bool(r.get("state")),
                                     tuple(r["heads"]), frozenset(h.lower() for h in r.get("weak") or ()))
    return out


@lru_cache(maxsize=1)
def _heads() -> ahocorasick.Automaton:
    """Every class head, lower-cased, in one automaton."""
    automaton = ahocorasick.Automaton()
    seen: set[str] = set()
    for cls in actor_classes().values():
        for h in cls.heads:
            if h.lower() not in seen:
                seen.add(h.lower())
                automaton.add_word(h.lower(), (len(h), cls.key))
    automaton.make_automaton()
    return automaton


def find_heads(text: str) -> list[tuple[int, int, str]]:
    """(start, end, class) of every generic actor head in ``text`` (leftmost, then longest)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: keep offsets exact
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found = []
    for last, (length, key) in _heads().iter(lowered):
        start, end = last - length + 1, last + 1
        if (start > 0 and (_is_word_char(text[start - 1]) or text[start - 1] == "-")) or \
                (end < len(text) and (_is_word_char(text[end]) or text[end] == "-")):
            continue
        found.append((start, -length, end, key))
    found.sort()
    out, reach = [], -1
    for start, _neg, end, key in found:
        if start < reach:
            continue
        out.append((start, end, key))
        reach = end
    return out


def enter_class(actor_id: str) -> None:
    """Enter a generic class actor ("MILITARY_LB", "GOVERNMENT") in this process's dictionary, as
    extraction does when it first meets one: a process that extracted nothing (the driver of worker
    processes or of a Dask cluster) or a freshly loaded dictionary must know it as one that did."""
    classes = actor_classes()
    whole = actor_id.lower().replace("_", " ")
    key, _, country = actor_id.rpartition("_")
    key = key.lower().replace("_", " ")
    if whole in classes:
        class_entry(whole, None)
    elif len(country) == 2 and key in classes:
        class_entry(key, country)


def class_entry(key: str, country: str | None) -> ActorEntry:
    """The canonical actor of a generic class in a country ("police", "KE" -> Kenyan police).

    A reviewed actor standing for the class in that country wins ("military", "SY" -> the
    Syrian Arab Army); the state's government is the parent of its police and army.
    """
    from sitrep.lexicon import country as country_record

    dictionary = actor_dictionary()
    cls = actor_classes()[key]
    if key == "civilians":  # one id: the events stage treats civilians as victims by that id
        base = dictionary.get("CIVILIANS")
        return ActorEntry("CIVILIANS", base.name if base else "Civilians", "civilians", country, None, True)
    if country:
        cached = dictionary.class_index.get((key, country))
        if cached is not None:
            return cached
    record = country_record(country) if country else None
    if record is None:
        entry = dictionary.actors.get(key.upper().replace(" ", "_"))
        if entry is None:
            entry = ActorEntry(key.upper().replace(" ", "_"), cls.name, cls.kind, None, None, True)
            dictionary.actors[entry.id] = entry
        return entry
    government = dictionary.class_index.get(("government", record.iso2))
    if key == "government" and government is not None:
        return government
    if cls.named and record.demonym and "{demonym}" in cls.named:
        name = cls.named.format(demonym=record.demonym)
    elif cls.named and "{country}" in cls.named:
        name = cls.named.format(country=record.name)
    else:
        name = cls.name  # "Protesters", "Unidentified gunmen": the country is in its own field
    entry = ActorEntry(f"{key.upper().replace(' ', '_')}_{record.iso2}", name, cls.kind, record.iso2,
                       government.id if (cls.state and government) else None, not cls.state)
    dictionary.actors[entry.id] = entry
    dictionary.class_index[(key, record.iso2)] = entry
    return entry


def _class_by_id(actor_id: str) -> ActorEntry | None:
    """The class entry an id names ("BANDITS" -> bandits anywhere, "POLICE_KE" -> Kenyan police), or None."""
    classes = actor_classes()
    key = actor_id.lower().replace("_", " ")
    if key in classes and key != "civilians":
        return class_entry(key, None)
    head, _, country = actor_id.rpartition("_")
    key = head.lower().replace("_", " ")
    if len(country) == 2 and key in classes and key != "civilians":
        entry = class_entry(key, country)
        return entry if entry.id == actor_id else None
    return None


def is_class_entry(entry: ActorEntry) -> bool:
    """Whether ``entry`` is a state's class actor made by ``class_entry`` ("Ugandan police"), not a
    reviewed actor of the dictionary ("Nigeria Police Force")."""
    if not entry.country or not entry.id.endswith("_" + entry.country):
        return False
    return entry.id[:-len(entry.country) - 1].lower().replace("_", " ") in actor_classes()


# Words that start no actor phrase and are dropped from its front: articles, quantities, numbers.
def _leading() -> re.Pattern:
    from sitrep.lexicon import approximate_quantities, number_words

    words = ["the", "a", "an", "more", "than", "at", "least", "about", "around", "nearly", "over", "up", "to", "of",
             "other", "both", "all", "most", "its", "their", "his", "her", "our", "these", "those", "this", "that",
             # "members of the public" is the class itself (civilians), not members of a body
             r"members?(?!\s+of\s+the\s+public\b)", "groups?", "number"]
    words += [re.escape(w) for q in approximate_quantities() for w in q.split()]
    words += [re.escape(w) for w in number_words()]
    return re.compile(r"^(?:(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + r"|\d[\d,.]*)\s+)+", re.I)


# "the Syrian city of Hasakah", "the Kenyan capital": a country word inside a place phrase names no actor
_PLACE_NOUN = re.compile(
    r"^\s*(?:[\w\-]+\s+){0,1}?(?:city|cities|town|towns|village|villages|capital|province|region|border|borders|territory|"
    r"territories|coast|coastline|port|district|countryside|desert|island|islands|soil|airspace|waters|sea|ocean|"
    r"mountains|north|south|east|west|north-east|north-west|south-east|south-west|heartland|"
    r"governorate|state of|frontier|enclave|camp|neighbourhood|neighborhood|highway|road|river|lake|valley)\b", re.I)
# An outlet's or a monitor's name is not the state it is named after
_OUTLET = re.compile(
    r"\b(?:Post|Times|Herald|Tribune|Journal|Gazette|Telegraph|Guardian|Daily|Weekly|News|Newspaper|Agency|Press|"
    r"TV|Television|Radio|Broadcasting|Observer|Monitor|Observatory|Chronicle|Express|Mirror|Review|Magazine|"
    r"Dispatch|Insider|Today)\b")
# "Russian-backed", "anti-Syrian", "pro-Turkish": a country that backs or is opposed, not the actor's own
_NOT_OWN = re.compile(r"(?:^|[\s(])(?:pro|anti|non)-$")
_NOT_OWN_AFTER = re.compile(r"^-?(?:backed|led|based|trained|funded|allied|supported|sponsored|aligned|armed)\b", re.I)
_CLAUSE_END = re.compile(r"\s*(?:,|;|\(|\bwho\b|\bwhich\b|\bthat\b|\bwhose\b|\bwhen\b|\bafter\b|\bbefore\b|"
                         r"\bwhile\b|\bas\b|\bbut\b|\bsaid\b|\bsays\b|\bwere\b|\bwas\b|\bhave\b|\bhas\b|\bhad\b)", re.I)
_GROUP_SHAPE = re.compile(
    r"^(?:[A-Z0-9][\w'’\-]*\s+){1,5}(?:Brigades?|Battalions?|Front|Movement|Division|Legion|Corps|Regiment|Militias?|"
    r"Gathering|Army|Forces|Guards?|Group|Organi[sz]ation|Liberation|Resistance)$")


@lru_cache(maxsize=8192)
def phrase_country(words: str, context: str | None = None) -> tuple[str | None, int]:
    """The state a phrase names as its actor's own (a demonym, a name, a capital), and where.

    With the story's ``context`` country, a state's name that is also one of that country's own
    first-level divisions is the division ("a delegation ... in Niger" in a Nigerian story is in
    Niger State), not another state."""
    from sitrep.geo.gazetteer import is_division_name
    from sitrep.lexicon import find_countries

    for m in find_countries(words):
        if _NOT_OWN.search(words[max(0, m.start - 5):m.start]) or _NOT_OWN_AFTER.match(words[m.end:m.end + 12]):
            continue
        if context and m.how == "name" and m.iso2 != context and is_division_name(context, words[m.start:m.end]):
            continue
        return m.iso2, m.start
    return None, -1


@lru_cache(maxsize=8192)
def resolve_entry(words: str, context_country: str | None = None, state_act: bool = False) -> ActorEntry | None:
    """The canonical actor a whole noun phrase names, or None (see :func:`resolve_actor_phrase`).

    ``state_act``: the phrase is the agent of an act only a state does (an arrest, a sentence, a
    release), so a bare office ("the court", "the prosecutor", "500 officers") is the context
    country's, as a reader takes it."""
    from sitrep.lexicon import find_countries

    text = (words or "").strip()
    if not text or len(text) > 300 or not any(c.isalpha() for c in text):
        return None
    core = _leading_pattern().sub("", text).strip()
    if not core or re.search(r"\b(?:of|the|a|an|and|or|in|on|to|by|with|for|from)$", core, re.I):
        return None  # "The campaign of": a fragment, not a phrase
    # the head region: the phrase up to a relative clause or a verb ("protesters who were ...")
    cut = _CLAUSE_END.search(core)
    region = core[:cut.start()] if cut and cut.start() > 0 else core
    for m in find_countries(region):
        if _PLACE_NOUN.match(region[m.end:]) and not find_heads(region[:m.start]):
            return None  # "the Syrian city of Hasakah"
    if _OUTLET.search(region) and region[:1].isupper():
        outlet = _outlet_entry(region)
        if outlet is not None:
            return outlet
    dictionary = actor_dictionary()
    named = [m for m in dictionary.match(region) if not m.demonym and not m.actor.generic]
    named = [m for m in named if not _NOT_OWN_AFTER.match(region[m.end:m.end + 12])
             and not _NOT_OWN.search(region[max(0, m.start - 5):m.start])]
    heads = [h for h in find_heads(region) if not any(m.start <= h[0] < m.end for m in named)]
    named = [m for m in named if not (heads and _country_only(m))]
    if named:
        return named[0].actor
    if heads:
        start, end, key = heads[-1]
        # "hundreds of protesters", "members of the police": the head after "of" is the actor's
        country, _ = phrase_country(region, context_country)
        head = region[start:end].lower()
        cls = actor_classes()[key]
        if head in cls.weak and country is None and not (state_act and cls.state and context_country):
            return None  # "forces", "the court": names no actor without its state
        entry = class_entry(key, country or context_country)
        if entry.kind in ("state military", "police") and _former().search(region[:end]):
            return class_entry("civilians", country or context_country)  # "a retired army general"
        if key == "judiciary":
            own = re.sub(r"^(?:(?:the|a|an|its|their|his|her)\s+)", "", region.strip(), flags=re.I)
            named = _judicial_name(own, head, entry.country)
            if named is not None:
                return ActorEntry(entry.id, named, entry.kind, entry.country, entry.parent, False, entry.classes)
        return entry
    generic = [m for m in dictionary.match(region) if not m.demonym]
    if generic:
        return generic[0].actor
    if _GROUP_SHAPE.match(region):
        return ActorEntry("UNKNOWN_GROUP", region, "armed group", phrase_country(region)[0], None, False)
    return None


# "the judiciary", "Tunisia's judicial system": the state's courts as a whole, named "{demonym} judiciary"
_WHOLE_JUDICIARY = frozenset({"judiciary", "judicial system", "justice system", "judicial authorities", "courts"})
# a court said with no more than its state ("an Iranian court", "the court"): which court, the words do not say
_COURT_HEADS = frozenset({"court", "tribunal"})
_STATE_POSSESSIVE = re.compile(r"^(.+?)['’]s?\s+")


def _judicial_name(own: str, head: str, country: str | None) -> str | None:
    """A court, judge or prosecutor by the text's own words, with the state as its demonym: "a
    Paris criminal court", "Egypt's public prosecution" -> "Egyptian public prosecution", "the
    prosecutor" (in Morocco) -> "Moroccan prosecutor"; the courts as a whole -> None (the class
    name, "Moroccan judiciary")."""
    from sitrep.lexicon import country as country_record
    from sitrep.lexicon import find_countries

    if head in _WHOLE_JUDICIARY or len(own) > 60 or not own.lower().endswith(head):
        return None
    record = country_record(country)
    demonym = record.demonym if record is not None else None
    possessive = _STATE_POSSESSIVE.match(own)
    if possessive and demonym:
        state = find_countries(possessive.group(1))
        if len(state) == 1 and state[0].start == 0 and state[0].end == len(possessive.group(1)) \
                and state[0].iso2 == country:
            return f"{demonym} {own[possessive.end():]}"  # "France's national finance prosecutor"
    if head in _COURT_HEADS:
        state = find_countries(own[:len(own) - len(head)].strip())
        if own.lower() == head or len(state) == 1 and state[0].how == "demonym" \
                and own[:len(own) - len(head)].strip() == own[state[0].start:state[0].end]:
            return None  # "an Iranian court": the state's judiciary, the court not named
    if own.lower() == head:
        return f"{demonym} {head}" if demonym else None  # "the prosecutor": the state's, as a reader takes it
    return own[:1].upper() + own[1:]


@lru_cache(maxsize=1)
def _former() -> re.Pattern:
    """ "retired", "former", "ex-" before a state's force or rank: its bearer is a private person."""
    from sitrep.lexicon import former_markers

    words = "|".join(re.escape(w) for w in sorted(former_markers(), key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?i:{words})(?:-|\s+)(?:[A-Za-z]+\s+){{0,2}}[A-Za-z]+$")


def private_bearer(text: str) -> bool:
    """``text`` ends in a state's force or rank said with "retired", "former" or "ex-" before it
    ("a retired army", "a Serb ex-police"): the state no longer acts through the person."""
    return bool(_former().search(text))


def private_person(entry: ActorEntry, text: str, context: str | None = None) -> ActorEntry:
    """A generic state force or police ``entry`` whose words ``text`` end on, said with "retired",
    "former" or "ex-" before them, as the private person meant (civilians of its country, else of
    ``context``); any other entry as it is."""
    if entry.generic and entry.kind in ("state military", "police") and private_bearer(text):
        return class_entry("civilians", entry.country or context)
    return entry


def _country_only(m: ActorMatch) -> bool:
    """A state named as a modifier or a place ("Nigeria Police Force", "police in Nigeria",
    "students in Tehran"): the head noun names the actor, the state only its country."""
    from sitrep.lexicon import capital_lookup, name_lookup

    words = m.text.lower().removeprefix("the ")
    return m.actor.kind == "government" and (words in name_lookup() or words in capital_lookup())


@lru_cache(maxsize=1)
def _outlets() -> dict[str, dict]:
    out = {}
    for r in load_yaml("outlets.yaml"):
        for n in [r["name"], r.get("short") or "", *(r.get("aliases") or [])]:
            if n:
                out[n.lower()] = r
    return out


def _outlet_entry(region: str) -> ActorEntry | None:
    """"the Washington Post", "Syrian Observatory": an outlet or monitor, never the state."""
    dictionary = actor_dictionary()
    named = [m for m in dictionary.match(region) if not m.demonym and m.actor.kind in ("media", "monitor")]
    if named:
        return named[0].actor
    known = _outlets().get(region.lower().removeprefix("the ").strip())
    if known is not None:
        return ActorEntry("OUTLET", known["name"], "media", known.get("country"), None, False)
    m = re.search(r"((?:[A-Z][\w'’.\-]*\s+){0,4}[A-Z][\w'’.\-]*)\s*$", region)
    if m and _OUTLET.search(m.group(1)):
        kind = "monitor" if re.search(r"\b(?:Observatory|Monitor)\b", m.group(1)) else "media"
        return ActorEntry("OUTLET", m.group(1), kind, None, None, False)
    return None


def resolve_actor_phrase(words: str, context_country: str | None = None) -> Actor | None:
    """The canonical actor a whole noun phrase from a text names, or None when it names none.

    Named groups and bodies come from the reviewed dictionary; common nouns ("police", "the
    protesters", "unidentified gunmen") from the generic classes, with the state named inside the
    phrase ("Kenyan police", "police in Nigeria") or else ``context_country``. A country word in
    a place phrase ("the Syrian city of Hasakah"), an outlet's name ("Washington Post") and a
    fragment ("Instead", "The campaign of") name no actor.
    """
    entry = resolve_entry(words, context_country)
    if entry is None:
        return None
    unknown = entry.id in ("UNKNOWN_GROUP", "OUTLET")
    return Actor(name=entry.name or None, kind=entry.kind, country=entry.country, label=words.strip(),
                 id=None if unknown else entry.id)


_LABEL_LEAD = re.compile(r"^(?:(?:the|a|an|this|that|these|those|its|their|his|her)\s+)+", re.I)
_LABEL_WORD = re.compile(r"[\w'’.\-]+")
# "Precisely for this reason", "Incidentally, ...": a sentence adverb opens a clause, never a name
_SENTENCE_ADVERB = re.compile(r"^[A-Z][a-z]{3,}(?:al|[^lr])ly$")  # not "Kelly", "Beverly"
# "Is Terrorism Pure", "Has the war ended": a headline's or a question's auxiliary
_HEAD_END = re.compile(r"\s+(?:of|for|in|on|at|from|with|against|by|to)\s+", re.I)
_CLAUSE_TAIL = frozenset({"of", "in", "on", "at", "to", "for", "from", "with", "by", "under", "the", "a", "an", "and", "or"})
_AUXILIARY_OPENING = frozenset({"is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "will", "can"})


@lru_cache(maxsize=1)
def _act_words() -> tuple[frozenset[str], frozenset[str]]:
    """Single words that name an act ("attack", "abduction", "bombing"), and the trigger lexicon's
    participles of one ("killed", "detained"): the act nouns of the trigger lexicon and its
    nominalisations, never its weapons ("airstrikes", "warplanes" stand for their users)."""
    from sitrep.lexicon import act_heads
    from sitrep.stages.triggers import trigger_entries

    words = {p.lower() for e in trigger_entries() for p in e.get("phrases") or () if " " not in p}
    nouns = {w for w in words if re.search(r"(?:tion|tions|ing|ings|ment)$", w)} | set(act_heads())
    return frozenset(nouns), frozenset(w for w in words if w.endswith("ed"))


def actor_label(words: str) -> bool:
    """``words`` can be an actor's label: a noun phrase whose head can name a person, group, body or
    state. A span of time ("The prior two nights", "Sept. 30"), a text ("A military report"), a place
    feature ("al-Asharah Bridge"), an act ("Car Bomb Attack", "Civilians Killed"), a possessor
    ("Crowley's"), a bare country name, a clause opened by a sentence adverb ("Precisely for this
    reason") or a headline's auxiliary ("Is Terrorism Pure") names no actor."""
    from sitrep.lexicon import find_countries, month_words, non_actor_heads, weekdays

    text = _LABEL_LEAD.sub("", (words or "").strip() + " ").strip(" ,;:")  # "His": a determiner alone
    found = _LABEL_WORD.findall(text)
    if not found:
        return False
    if re.search(r"['’]s?$", found[-1]) or not any(c.isalpha() for c in found[-1]):
        return False  # "Crowley's", "Sept. 30": the owner of what follows, a date
    # the head comes before a prepositional phrase: "Central Bureau of Investigation", "members of the public"
    own = _LABEL_WORD.findall(_HEAD_END.split(text, maxsplit=1)[0]) or found
    first, head = found[0].strip(".,"), own[-1].strip(".,")
    low = head.lower()
    months = {m.lower().rstrip(".") for m in month_words()}
    dated = len(own) > 1 and own[-2].isdigit()  # "16 August"; "May", "Jan" alone may be names
    if low in non_actor_heads() or low in {d.lower() for d in weekdays()} or (low in months and dated):
        return False
    nouns, participles = _act_words()
    if low in nouns or (low in participles and head[:1].isupper()):
        return False  # "Car Bomb Attack", "Daniel Pearl Abduction", "Civilians Killed"
    if _SENTENCE_ADVERB.match(first) or first.lower() in _AUXILIARY_OPENING and len(found) > 1:
        return False
    if len(found) > 1 and (found[-1].lower() in _CLAUSE_TAIL or any(w.lower() in _AUXILIARY_OPENING for w in found[1:])):
        return False  # "Some leaders in the town were under house", "The members took four days of": a clause cut short
    countries = find_countries(text)
    return not (len(countries) == 1 and countries[0].how in ("name", "capital")
                and countries[0].start == 0 and countries[0].end == len(text))
