"""Choose, for each toponym found, the gazetteer entry it denotes (or abstain).

Evidence, from the strongest:
1. a qualifier in the text: "Paris, Texas", "Athens, Ga.", "Idlib province", "Laurel County";
2. the document's context: countries and first-level divisions it names (weighted by how often),
   its dateline, the outlet's country given by the caller;
3. prominence: a country or continent before a town of the same name, then population;
4. distance to the other places resolved in the document;
and one sense per name per document. A name whose best sense is a hamlet with nothing in the
document pointing to its country is left unresolved rather than guessed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from sitrep.geo.gazetteer import GeoEntry, GeoIndex
from sitrep.geo.recognise import Mention, fold  # fold: cached
from sitrep.resolve.datafiles import load_yaml
from sitrep.resolve.gazetteer import _ARTICLES, km
from sitrep.stages.datelines import find_datelines

_ADMIN_AFTER = re.compile(r"^\s+(?:province|governorate|state|prefecture|oblast|department|territory)\b", re.I)
_ADMIN_BEFORE = re.compile(r"\b(?:state|province|region|prefecture|governorate|oblast|department|territory)\s+of\s+(?:the\s+)?$", re.I)
_QUALIFIER = re.compile(r"^,\s*|^\s*\(\s*")
# "the villages of Bumbacari and Dudescu", "the community of O'Leary", "in the town of Qatraneh" (each name
# taken whole, atomically: a long run of capitalised words is read in linear time)
_SETTLEMENT_BEFORE = re.compile(r"\b(?:villages?|towns?|cit(?:y|ies)|township|hamlets?|communit(?:y|ies)|settlements?|"
                                r"municipalit(?:y|ies))\s+of\s+(?>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*,?\s+(?:and\s+)?)*$")
# "the Awe Local Government Area", "Mariga LGA", "Jangwa village": a name the text itself calls a settlement
# or a local government area (named after its seat town)
_SETTLEMENT_AFTER = re.compile(r"\s+(?:[Ll]ocal\s+[Gg]overnment(?:\s+[Aa]rea|\s+[Cc]ouncil)?|LGA|LGC|[Vv]illage|[Tt]own(?:ship)?)\b")
# "the Jewish community of England", "the business community of Lagos State": a community of a country or
# a division is its people, not a settlement of that name
_PEOPLE_OF = re.compile(r"communit(?:y|ies)\b", re.I)
# (a people's, faith's or trade's word before it: "the Jewish community", "the business community";
# "the farming communities of ..." are still villages)
_PEOPLE_KIND = re.compile(r"\b(?:(?!The\b|A\b|An\b)[A-Z][a-z]+|business|diplomatic|international|expatriate|immigrant|"
                          r"migrant|diaspora|refugee|humanitarian|intelligence|academic|legal|LGBTQ?\+?)\s+$")
# how far back a settlement word is looked for: "the communities of San Juan, Choropampa, and Magdalena"
_LIST_REACH = 100
_POSTAL = re.compile(r"^,\s*([A-Z]{2})\b")
# a hamlet of fewer people than this, in a country the document does not name, is not believed
MIN_UNSUPPORTED_POPULATION = 1000
# a document naming this many divisions of one country goes through them: another name that is one
# of its divisions is that division
LISTED_DIVISIONS = 3
_LIST_GAP = re.compile(r"\s*(?:,|;|,?\s+and|,?\s+or)\s*")
# the capital of a country the document names by name wins this much over the capital's namesakes:
# "Washington" in a story about the U.S. Senate is the capital, not the state
CAPITAL_OF_NAMED = 2.0
# a country's capital is better known than its population says (under its own name)
CAPITAL_BONUS = 1.8
# a division's name followed by another division names a town of it only when the town is this big
MIN_QUALIFIED_POPULATION = 10_000


@dataclass
class Context:
    """What is known of a document before reading it: the outlet's country (ISO), other hints."""

    country: str | None = None
    countries: dict[str, float] | None = None


def prior(e: GeoEntry) -> float:
    """How likely a bare name means this entry, before any context."""
    if e.kind in ("continent", "country"):
        return 9.5
    if e.kind in ("region", "water"):
        return 7.0
    if e.kind == "admin1":
        return 5.0 + math.log10(e.population + 1) / 8
    if e.kind == "admin2":
        return 4.5
    if e.fcode == "AIRP":
        return 6.0  # one of the world's busiest airports: as well known as a city of millions
    score = 0.9 * math.log10(e.population + 1)
    if e.fcode == "PPLC":
        score += CAPITAL_BONUS
    if e.supplement:
        score += 0.5
    return score


def prior_as(e: GeoEntry, key: str) -> float:
    """The prior of ``e`` for a name (folded) the text gives: a capital's fame goes with its own name
    ("Delhi" is Delhi before it is another spelling of Dili, Timor-Leste's capital)."""
    return prior(e) - (CAPITAL_BONUS if e.fcode == "PPLC" and fold(e.name) != key else 0.0)


def _area_of_adjective(phrase: str, index: GeoIndex) -> list[GeoEntry]:
    """A continent's or region's adjective given as a toponym ("European", "Asian"): the area. Only for
    spans a caller gives; the recogniser keeps such words out, as it keeps demonyms apart."""
    area = {fold(k): v for k, v in (load_yaml("geo_names.yaml").get("area_adjectives") or {}).items()}.get(fold(phrase))
    if area is None:
        return []
    return [e for e in index.lookup(area) if e.kind in ("continent", "region", "admin1")]


def _postal_codes() -> dict[str, str]:
    extra = load_yaml("geo_names.yaml")
    return {code: country for country, codes in extra.get("postal", {}).items() for code in codes}


def resolve(text: str, mentions: list[Mention], index: GeoIndex,
            context: Context | None = None) -> list[tuple[Mention, GeoEntry | None]]:
    context = context or Context()
    cands: list[list[GeoEntry]] = []
    spelled: set[int] = set()  # mentions found only by their transliteration key
    for m in mentions:
        iso = index.demonyms.get(fold(m.text))
        if iso:  # "Spanish", "Canadian": the country, whatever town shares the word
            country = index.country(iso)
            cands.append([country] if country else [])
        else:
            found = [e for e in _lookup(m.text, index) if not _code_in_lower_case(m.text, e)]
            coded = index.coded_only(m.text) if found else []
            if coded:
                found = [e for e in found if e not in coded]
            if found and m.source != "gazetteer" and _only_spelled(m.text, index):
                spelled.add(len(cands))
            if not found and m.source != "gazetteer":
                found = _area_of_adjective(m.text, index)
            cands.append(found)
    postal = _postal_codes()

    # qualifiers: "Paris, Texas", "Athens, Ga.", "Gainesville, FL"; "Idlib province"
    constraint: dict[int, tuple[str, str | None]] = {}
    for i, m in enumerate(mentions):
        after = text[m.end:m.end + 40]
        if _ADMIN_BEFORE.search(text[max(0, m.start - 30):m.start]) and any(c.kind == "admin1" for c in cands[i]):
            # "the state of Victoria": the division, and so wherever the name recurs in the document
            cands[i] = [c for c in cands[i] if c.kind == "admin1"]
            constraint[i] = (cands[i][0].country or "", None)
            continue
        window = text[max(0, m.start - _LIST_REACH):m.start]
        settlement = _SETTLEMENT_BEFORE.search(window)
        if settlement and any(c.kind == "city" for c in cands[i]) and not (
                _PEOPLE_OF.match(settlement.group(0)) and _PEOPLE_KIND.search(window[:settlement.start()])
                and any(c.kind in ("country", "admin1") for c in cands[i])):
            # "the communities of San Juan and Magdalena": settlements, whatever division shares the name
            cands[i] = [c for c in cands[i] if c.kind == "city"]
        if not _QUALIFIER.match(after):
            if _ADMIN_AFTER.match(after) and any(c.kind == "admin1" for c in cands[i]):
                cands[i] = [c for c in cands[i] if c.kind == "admin1"]
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = text[m.end:nxt.start] if nxt else ""
        if nxt and nxt.source != "demonym" and re.fullmatch(r",\s*|\s*\(\s*", gap):
            outer = [c for c in cands[i + 1] if c.kind in ("country", "admin1")]
            if outer:
                inner = [c for c in cands[i] if c.kind not in ("country", "continent") and any(
                    c.country == o.country and (o.kind == "country" or c.admin1 == o.admin1) for o in outer)]
                if any(c.kind in ("country", "continent") for c in cands[i]):
                    inner = []  # "Iraq, Iran": two countries, not a town of Iran called Iraq
                # a division of the qualifier's own country: the two may be a list ("PARIS, Mo." is no list:
                # Paris's division is France's)
                listable = any(c.kind == "admin1" and any(c.country == o.country for o in outer) for c in cands[i])
                if inner and listable and all(c.kind == "city" and c.population < MIN_QUALIFIED_POPULATION for c in inner):
                    inner = []  # "Georgia, Oklahoma, Pennsylvania": a list of states, not a hamlet in one
                if inner and listable and _list_goes_on(text, mentions, cands, i + 1):
                    inner = []  # "in Washington, Pennsylvania and California": the list goes on past the second
                if inner:
                    cands[i] = inner
                    constraint[i] = (inner[0].country or "", None)
                    # the qualifier is the division or country that holds the town ("Atlanta, Georgia")
                    held = [o for o in outer if any(c.country == o.country and (o.kind == "country"
                                                                                 or c.admin1 == o.admin1) for c in inner)]
                    if held and i + 1 not in constraint:
                        cands[i + 1] = held
                        constraint[i + 1] = (held[0].country or "", None)
                    continue
                named = [o for o in outer if o.kind == "admin1"]
                if len(named) == 1 and gap.startswith(",") and not _list_goes_on(text, mentions, cands, i + 1) \
                        and all(c.kind in ("city", "admin2") and c.population < MIN_QUALIFIED_POPULATION for c in cands[i]):
                    # "Holliday, Mo.": a town the gazetteer does not hold in the division its qualifier names
                    # lies in that division; a namesake elsewhere is further off than the division's point
                    cands[i] = named
                    constraint[i] = (named[0].country or "", None)
                    continue
        pm = _POSTAL.match(after)
        if pm and pm.group(1) in postal:
            inner = [c for c in cands[i] if c.country == postal[pm.group(1)] and c.admin1 == pm.group(1)]
            if inner:
                cands[i] = inner

    # of two towns in the division a qualifier names, the one the text calls by its own name, not the one it is
    # another name of ("Philippi, West Virginia" is Philippi, not a bigger town nearby GeoNames also calls so)
    for i in constraint:
        key = fold(mentions[i].text)
        if any(c.kind == "city" and fold(c.name) == key for c in cands[i]):
            cands[i] = [c for c in cands[i] if c.kind != "city" or fold(c.name) == key]

    # the document's countries and divisions, from what each name most plausibly means alone
    weights: Counter[str] = Counter()
    divisions: Counter[tuple[str, str]] = Counter()
    if context.country:
        weights[context.country] += 1.0
    for cc, w in (context.countries or {}).items():
        weights[cc] += w
    seen_towns: set[str] = set()
    named_countries: set[str] = set()  # countries the document names by name ("France")
    # names a country bears ("Mexico" is not Mexico City, however often Mexico is named)
    countries_own = {fold(m.text) for m, options in zip(mentions, cands, strict=True)
                     if any(c.kind == "country" for c in options)}
    guessed: dict[str, str] = {}  # an ambiguous name -> the country its likeliest sense voted for
    datelines = find_datelines(text)
    for i, m in enumerate(mentions):
        if not cands[i] or i in spelled:
            continue
        key = fold(m.text)
        top = max(cands[i], key=lambda e, key=key: prior_as(e, key))
        if top.country is None:
            continue
        # "Georgia" is a country and a state of another: it tells little about the document's country
        split = len({c.country for c in cands[i] if c.kind in ("country", "admin1")}) > 1
        if m.source == "demonym":
            weights[top.country] += 0.5
        elif split:
            if fold(m.text) not in seen_towns:
                seen_towns.add(fold(m.text))
                weights[top.country] += 0.3
                guessed[fold(m.text)] = top.country
        elif top.kind in ("country", "admin1") or len(cands[i]) == 1:
            weights[top.country] += 1.0
            if top.kind == "country" and m.source != "demonym":
                named_countries.add(top.country)
            if top.kind == "admin1":
                divisions[(top.country, top.admin1 or "")] += 1
        elif fold(m.text) not in seen_towns:  # an ambiguous town counts once, however often it is named
            seen_towns.add(fold(m.text))
            weights[top.country] += 0.3
            guessed[fold(m.text)] = top.country
        if any(d.opens_place_name(m.start) for d in datelines):
            weights[top.country] += 2.0  # "ANKARA, Turkey —": where the report was filed
    total = sum(weights.values()) or 1.0
    # an ambiguous name's own guess weighs nothing against a country the document names outright
    # ("a London rally ... thanked Canada": London's guess, England, does not make London English)
    guessed = {fold(m.text): guessed[fold(m.text)] for m, options in zip(mentions, cands, strict=True)
               if fold(m.text) in guessed and any(c.country in named_countries and c.country != guessed[fold(m.text)]
                                                  for c in options)}
    # divisions the document's unambiguous towns lie in ("Seattle" and "Spokane" beside "Washington"):
    # the division of that name is meant, not a town called so elsewhere
    town_divisions: Counter[tuple[str, str]] = Counter()
    for options in cands:
        held = {(c.country, c.admin1) for c in options if c.kind == "city"}
        if len(held) == 1 and len(options) == 1:
            cc, code = next(iter(held))
            town_divisions[(cc or "", code or "")] += 1

    # a name in a list of a country's divisions ("Utah, Washington, Pennsylvania"), where the
    # document names at least LISTED_DIVISIONS of them
    states_named: Counter[str] = Counter(cc for cc, _ in divisions)
    listed: set[tuple[str | None, str | None]] = set()
    for i, m in enumerate(mentions):
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(mentions)]
        for c in cands[i]:
            if c.kind != "admin1" or states_named[c.country or ""] < LISTED_DIVISIONS:
                continue
            for j in neighbours:
                a, b = (mentions[j], m) if j < i else (m, mentions[j])
                if _LIST_GAP.fullmatch(text[a.end:b.start]) and any(
                        o.kind == "admin1" and o.country == c.country for o in cands[j]):
                    listed.add((c.country, c.admin1))

    def score(e: GeoEntry, name: str | None = None, own_guess: bool = False) -> float:
        s = prior(e) if name is None else prior_as(e, name)
        weight = weights[e.country or ""] - (0.3 if not own_guess and guessed.get(name or "") == e.country else 0.0)
        if e.country and weight > 1e-9:
            s += 1.5 + 4.0 * weight / total
        if e.kind not in ("admin1", "country") and e.country and divisions[(e.country, e.admin1 or "")]:
            s += 2.0
        if e.fcode == "PPLC" and e.country in named_countries and name is not None and name not in countries_own:
            s += CAPITAL_OF_NAMED
        if e.kind == "admin1" and e.country and weights[e.country] >= 2:
            s += 1.5  # "Georgia" in a story set in the United States is the state
        if e.kind == "admin1" and town_divisions[(e.country or "", e.admin1 or "")]:
            s += 2.0
        if e.kind == "admin1" and (e.country, e.admin1) in listed:
            s += 2.0  # "Wisconsin, Michigan, Oregon ... Washington": one more division of the list
        return s

    # one sense per name: names without a qualifier share the best sense over the document
    chosen: dict[str, GeoEntry | None] = {}
    for i in sorted(constraint):
        if cands[i]:
            name = fold(mentions[i].text)
            chosen.setdefault(name, max(cands[i], key=lambda e, name=name: score(e, name)))
    out: list[tuple[Mention, GeoEntry | None]] = []
    dropped: dict[str, GeoEntry] = {}  # folded name -> the hamlet it was not believed to be
    for i, m in enumerate(mentions):
        if not cands[i]:
            out.append((m, None))
            continue
        key = fold(m.text)
        if i not in constraint and key in chosen:
            out.append((m, chosen[key]))
            continue
        options = cands[i]
        if i not in constraint and not _QUALIFIER.match(text[m.end:m.end + 3]) and any(
                c.kind in ("continent", "water") for c in options):
            # "the Pacific side", "the Atlantic flyway": an ocean or continent, not a small town of its name
            # in the document's country (a qualifier still picks the town: "Atlantic, Iowa")
            options = [c for c in options if c.kind != "city" or c.population >= MIN_QUALIFIED_POPULATION]
        best = max(options, key=lambda e: score(e, key))
        # a hamlet is believed when a qualifier names its country or division ("Weiswampach,
        # Luxembourg"), when the document names its division, or when the text calls it a village
        supported = i in constraint or (best.kind == "city" and divisions[(best.country or "", best.admin1 or "")]) \
            or ((_SETTLEMENT_BEFORE.search(text[max(0, m.start - _LIST_REACH):m.start]) is not None
                 or _SETTLEMENT_AFTER.match(text, m.end) is not None) and weights[best.country or ""] >= 1)
        if m.source == "gazetteer" and best.kind == "city" and not supported and (
                best.population < MIN_UNSUPPORTED_POPULATION
                or best.population < 10 * MIN_UNSUPPORTED_POPULATION and weights[best.country or ""] < 1):
            dropped.setdefault(key, best)
            best = None  # a small namesake that nothing else in the document supports
        if i in spelled and best is not None and best.kind != "country" and weights[best.country or ""] < 1:
            best = None  # another spelling of a place in a country the document does not name
        if i not in constraint or key not in chosen:
            chosen[key] = best  # "Santa Ana, California" once: every later "Santa Ana" is that town
        out.append((m, best))
    # a hamlet dropped before the document named its division under a name a country shares
    # ("Kagara" first, "Niger" read as Niger State later) is that division's town after all
    kept = {key: town for key, town in dropped.items() if chosen.get(key) is None and _division_chosen(town, chosen)}
    if kept:
        out = [(m, kept.get(fold(m.text), e) if e is None and m.source == "gazetteer" else e) for m, e in out]
    out = _nudge(out, cands, lambda e, name: score(e, name, own_guess=True), set(constraint))
    return _inside_possessor(text, out, cands, score)


# "Giza's Haram district", "Cairo's Abbasiya neighbourhood": the place named in the possessive holds the
# name right after it
_POSSESSIVE_GAP = re.compile(r"(?:['’]s?)?[ \t]+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
# how far a place may lie from the town or district that holds it
HELD_KM = {"city": 50.0, "admin2": 100.0, "region": 300.0, "point": 50.0}


def _holds(outer: GeoEntry, inner: GeoEntry) -> bool:
    if outer.kind == "country":
        return inner.country == outer.country
    if outer.kind == "admin1":
        return inner.country == outer.country and inner.admin1 == outer.admin1
    reach = HELD_KM.get(outer.kind)
    return reach is not None and km((outer.lat, outer.lon), (inner.lat, inner.lon)) <= reach


def _inside_possessor(text: str, resolved: list[tuple[Mention, GeoEntry | None]], cands: list[list[GeoEntry]],
                      score) -> list:  # noqa: ANN001
    """A name right after a place in the possessive lies in that place: its sense there, else (a district
    or landmark the gazetteer lacks, a small namesake far away) the holding place itself, unless that is a
    country."""
    out = list(resolved)
    for i in range(1, len(out)):
        (prev, outer), (m, e) = out[i - 1], out[i]
        gap = text[prev.end:m.start]
        if outer is None or outer.kind == "continent" or not gap or not (
                _POSSESSIVE_END.search(prev.text) and _POSSESSIVE_GAP.fullmatch(" " + gap.lstrip())
                or gap[:1] in "'’" and _POSSESSIVE_GAP.fullmatch(gap)):
            continue
        if e is not None and (e is outer or _holds(outer, e) or _holds(e, outer)):
            continue  # already inside it, or the larger place ("Toronto's Ontario health-card holders")
        inside = [c for c in cands[i] if c is not outer and _holds(outer, c)]
        if inside:
            out[i] = (m, max(inside, key=lambda c: score(c, fold(m.text))))
        elif outer.kind != "country" and (e is None or e.kind in ("city", "admin2", "point", "road")
                                          and e.population < MIN_PART_POPULATION):
            out[i] = (m, outer)  # a well-known place is not given up for the possessor ("Prate's Paris office")
    return out


def _list_goes_on(text: str, mentions: list[Mention], cands: list[list[GeoEntry]], j: int) -> bool:
    """Whether the division named at ``j`` is followed, in a list, by another division of its country."""
    if j + 1 >= len(mentions) or not _LIST_GAP.fullmatch(text[mentions[j].end:mentions[j + 1].start]):
        return False
    held = {c.country for c in cands[j] if c.kind == "admin1"}
    return any(c.kind == "admin1" and c.country in held for c in cands[j + 1])


def _division_chosen(town: GeoEntry, chosen: dict[str, GeoEntry | None]) -> bool:
    """Whether an earlier name of the document was read as the town's division, even one whose name a
    country shares ("Niger" read as Niger State: "Kagara" is its town)."""
    return any(c is not None and c.kind == "admin1" and c.country == town.country and c.admin1 == town.admin1
               for c in chosen.values())


def _code_in_lower_case(phrase: str, e: GeoEntry) -> bool:
    """A country's three-letter code written as a word ("Ben" for BEN, Benin; "Niu" for NIU, Niue):
    a code names the country only in capitals."""
    word = phrase.strip(".")
    return e.kind == "country" and len(word) <= 3 and not word.isupper() and fold(word) != fold(e.name)


def _lookup(phrase: str, index: GeoIndex, spelling: bool = True) -> list[GeoEntry]:
    found = index.lookup(phrase)
    if not found and _COUNTY_SHORT.search(phrase):  # "Plymouth Co." is Plymouth County
        found = index.lookup(_COUNTY_SHORT.sub(" County", phrase))
    if not found and phrase.endswith("."):
        found = index.lookup(phrase[:-1])
    if not found and phrase[-2:] in ("'s", "’s"):
        found = index.lookup(phrase[:-2])
    if not found and phrase.lower().startswith("the "):
        found = index.lookup(phrase[4:])
    if not found and _SAINT.match(phrase):  # "St. Marc", "St Albans": the gazetteer writes Saint
        rest = _SAINT.sub("", phrase)
        found = index.lookup("Saint " + rest) or index.lookup("Saint-" + rest)
    if not found and " " in phrase.strip():
        # a name the gazetteer writes as one word ("Dogu Beyazit" for Doğubeyazıt)
        found = index.lookup(phrase.replace(" ", "")) if phrase[:1].isupper() else []
    if not found and " " in phrase.strip():
        found = _lookup_part(phrase, index)
    if not found and spelling:
        found = _by_spelling(phrase, index)
    return found


# a spelling matched only by its transliteration key ("Menoufia" for Al Minufiyah, "Mauritious") names
# only a country, a first-level division or a town of this many people
MIN_SPELLING_POPULATION = 100_000
# English spellings of one Arabic, Persian or Turkic name differ in these letters: one key for each
_SPELLING = ((re.compile(r"ou|o"), "u"), (re.compile(r"[ey]"), "i"), (re.compile(r"q"), "k"), (re.compile(r"(.)\1+"), r"\1"),
             (re.compile(r"h$"), ""))


def spelling_key(key: str) -> str:
    """One key for the transliterations of a folded name, without its Arabic article and spaces:
    'menoufia' and 'al minufiyah' -> 'minufia'; 'mauritious' and 'mauritius' -> 'mauritius'."""
    out = "".join(w for w in key.split() if w not in _ARTICLES)
    for pattern, letter in _SPELLING:
        out = pattern.sub(letter, out)
    return out


_SPELLING_KEYS: dict[int, dict[str, tuple[int, ...]]] = {}  # id(index) -> spelling key -> entry ids


def _spelling_keys(index: GeoIndex) -> dict[str, tuple[int, ...]]:
    if id(index) not in _SPELLING_KEYS:
        out: dict[str, set[int]] = {}
        for key, ids in index.names.items():
            big = [i for i in ids if index.entries[i].kind in ("country", "admin1") or
                   index.entries[i].kind == "city" and index.entries[i].population >= MIN_SPELLING_POPULATION]
            if big:
                out.setdefault(spelling_key(key), set()).update(big)
        _SPELLING_KEYS.clear()  # one index per process; a rebuilt one replaces it
        _SPELLING_KEYS[id(index)] = {k: tuple(v) for k, v in out.items() if len(k) >= 4}
    return _SPELLING_KEYS[id(index)]


def _only_spelled(phrase: str, index: GeoIndex) -> bool:
    """Whether only the transliteration key finds ``phrase`` (no spelling of the index, nor a part of it)."""
    return not _lookup(phrase, index, spelling=False)  # (its first try is the index's own spelling)


def _by_spelling(phrase: str, index: GeoIndex) -> list[GeoEntry]:
    """A name no spelling of the index matches, read by its transliteration key: for spans a caller
    gives (the recogniser proposes only names the index spells)."""
    if not phrase[:1].isupper():
        return []
    return [index.entries[i] for i in _spelling_keys(index).get(spelling_key(fold(phrase)), ())]


_SAINT = re.compile(r"^St\.?\s+(?=[A-Z])")
_COUNTY_SHORT = re.compile(r"\s+Co\.?$", re.I)
# words around a place's name in a longer span ("Southern California", "Greater Toronto Area", "Karak district")
_AROUND = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
           "lower", "greater", "downtown", "inner", "outer", "metro", "metropolitan", "northeast", "northwest",
           "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "area", "district",
           "province", "region", "county", "state", "city", "town", "village", "municipality", "prefecture",
           "valley", "bay", "plateau", "coast", "peninsula", "highlands", "lowlands", "basin", "delta", "hills",
           "airport", "international"}
# words that name the place's own unit ("Karak district", "Laurel County", "Greater Toronto Area")
_UNIT_WORDS = {"area", "district", "province", "region", "county", "state", "city", "town", "village", "municipality",
               "prefecture", "downtown", "metro", "metropolitan", "inner", "outer", "greater", "airport",
               "international"}
# landform and compass words that some division is also called ("Bay" in Somalia, "Plateau" in Nigeria and
# Burkina Faso, "Midlands" in Zimbabwe): in a longer span they are not the place inside it
_GENERIC_PARTS = _AROUND | {"midlands", "south", "north", "east", "west", "central", "island", "islands", "lake",
                            "river", "mountains", "gulf", "sea", "strait", "desert", "plain", "plains"}
# a span that names a building or body of a place ("Vancouver Art Gallery") falls back to the place only
# when the place is well known
MIN_PART_POPULATION = 100_000


def _lookup_part(phrase: str, index: GeoIndex) -> list[GeoEntry]:
    """A span no name of the index spells: the place inside it (spans given by a caller or an NER model)."""
    words = phrase.split()
    inner = [w for w in words]
    while inner and inner[0].lower() in _AROUND:
        inner = inner[1:]
    while inner and inner[-1].lower() in _AROUND:
        inner = inner[:-1]
    if inner and len(inner) < len(words) and " ".join(inner).lower() not in _GENERIC_PARTS:
        found = index.lookup(" ".join(inner))
        stripped = {w.lower() for w in words} - {w.lower() for w in inner}
        if stripped - _UNIT_WORDS and all(e.kind == "city" and e.population < MIN_PART_POPULATION for e in found):
            # "West Kasai", "Fraser Valley": a compass or landform word makes an area of its own, around
            # a place the reader knows, not around whichever small town anywhere is so called
            found = []
        if found:
            return found
    for part in (re.split(r"[\s-]", phrase)[0], words[-1]):
        if part.lower() in _GENERIC_PARTS:
            continue
        found = [e for e in index.lookup(part) if e.kind in ("country", "admin1", "continent", "region", "water")
                 or e.population >= MIN_PART_POPULATION]
        if found and part[:1].isupper():
            return found
    return []


def _nudge(resolved: list[tuple[Mention, GeoEntry | None]], cands: list[list[GeoEntry]], score,  # noqa: ANN001
           qualified: set[int]) -> list:
    """Re-pick towns towards the document's other places: a namesake within 250 km of them wins a close call.
    A town its qualifier placed ("Columbia, Missouri") is not re-picked: the text said which one."""
    # each place resolved counts once, however many names or mentions led to it; two places at one
    # point (a county and the town at its middle) are two anchors
    anchors = list({id(e): e for _, e in resolved if e is not None and e.kind in ("city", "admin2")}.values())[:40]
    if len(anchors) < 2:
        return resolved
    memo: dict[tuple[int, int], int] = {}

    def near(c: GeoEntry, own: GeoEntry) -> int:
        """How many other places of the document lie within 250 km of ``c`` (not ``own``, the mention's pick)."""
        if (id(c), id(own)) not in memo:
            memo[(id(c), id(own))] = sum(1 for a in anchors if a is not c and a is not own
                                         and km((a.lat, a.lon), (c.lat, c.lon)) < 250)
        return memo[(id(c), id(own))]

    out = []
    for i, ((m, e), options) in enumerate(zip(resolved, cands, strict=True)):
        towns = [c for c in options if c.kind in ("city", "admin2")]
        if e is None or e.kind not in ("city", "admin2") or len(towns) < 2 or i in qualified:
            out.append((m, e))
            continue
        key = fold(m.text)
        floor = score(e, key) - 2.5
        better = [c for c in towns if near(c, e) > near(e, e) and score(c, key) > floor]
        out.append((m, max(better, key=lambda c, e=e: (near(c, e), score(c, key))) if better else e))
    return out
