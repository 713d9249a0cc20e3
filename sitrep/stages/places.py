"""Stage: place names -> gazetteer entries, ranked by country context, population, proximity."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from sitrep import lexicon
from sitrep.model import Evidence, Place
from sitrep.resolve.gazetteer import REGION, Entry, gazetteer, km
from sitrep.resolve.gazetteer import fold as _fold
from sitrep.spans import Coverage
from sitrep.stages.doc import Doc, PlaceMatch

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][\w'’‘\u00C0-\u024F]*(?:-[\w'’‘\u00C0-\u024F]+)*")
_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "de", "bin", "ibn", "abu", "bani", "um", "umm", "tal", "tel", "tell", "ras", "deir", "jisr", "khan", "kafr", "ain", "bab"}
_HEADS = {"deir", "ras", "tel", "tell", "tal", "khan", "jisr", "kafr", "ain", "bab", "abu", "umm", "jabal", "wadi"}
# "al-Rashideen Mosque", "Bab al-Hawa Crossing": a facility named after a place is not that place
# (nor is a Zone, capitalised: "the Green Zone" is no town called Green; "the Kano zone" of a force is Kano)
_FACILITY_AFTER = re.compile(r"^\s+(?:Mosque|Hospital|School|Street|Square|University|Bridge|Church|Shrine|Stadium|Roundabout|Market|Bakery|Prison|Camp|(?-i:Zone))\b", re.I)
_LOCATIVE = re.compile(r"\b(?:in|into|near|at|from|to|outside|inside|across|around|towards|toward|on|of|around|northern|southern|eastern|western|central|north|south|east|west|countryside|province|town|city|village|district|neighbourhood|neighborhood|suburb|outskirts)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,3}$")
_SPEAKS_AFTER = re.compile(r"^\s+(?:" + lexicon.speech_alternation("place_speaks") + r")\b")
# "its Damascus ally", "the Ankara government": a capital standing for its government
# (not "the Awe Local Government Area": a division, named after its seat town)
# (the words on the name's own line: a paragraph's last word is no doer of the next paragraph's verb,
# "... talks opened in Moscow\n\nOfficials said")
_METONYM_AFTER = re.compile(r"^(?:'s|’s)?[^\S\n]+(?:[A-Za-z]+[^\S\n]+)?(?:ally|allies|government(?!\s+area\b)|regime|authorities|leadership|officials|rulers|"
                            r"embassy|embassies|consulate|mission)\b", re.I)
# "Beijing passed", "Moscow has denied", "Tehran said": a capital as the doer of a state's act or word
_GOVERNS_AFTER = re.compile(r"^[^\S\n]+(?:(?:has|have|had|is|was|will|would|could|did|does)\b|(?:"
                            + lexicon.speech_alternation("place_speaks") + r")\b|[a-z]+ed\b)")
# "the University of San Carlos", "the Bank of Baghdad": a body named after a place, wherever it stands
_FACILITY_BEFORE = re.compile(r"\b(?:University|College|Academy|Institute|School|Hospital|Bank|Museum|Church|Cathedral|"
                              r"Archdiocese|Diocese|Bishop|Archbishop|Mayor|Governor|Duke|Earl|Prince|Princess)\s+of\s+(?:the\s+)?$")
# "al-Sham" (the Levant) is GeoNames' alternate name for Damascus, but in the news it is the end of a
# group's name: Ahrar al-Sham, Hayat Tahrir al-Sham, Jabhat Fateh al-Sham
_LEVANT = re.compile(r"(?:(?:al|el|ash|as)[\s\-])?sham", re.I)
# ("a Paris criminal court", "the Istanbul appeals court": a court's kind between its town and "court")
LOCAL_BODY_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:State\s+|City\s+|County\s+|Province\s+|Provincial\s+|Municipal\s+)?"
                               r"(?:(?:criminal|civil|appeals?|district|regional|military|revolutionary|juvenile|magistrates?)\s+(?=courts?\b))?"
                               r"(?:police|court|courts|government|governor|command|prosecutors?|authorities|council|"
                               r"high court|magistrates?|judge|sheriff)\b", re.I)
# given names that open the rest of a person's name in a run of capitalised words
_GIVEN_NAME = re.compile(r"\b(?:Abdul|Abdel|Abd|Abdulrahman|Abdullah|Abdallah|Muhammad|Mohammed|Mohammad|Mohamed|Ahmed|Ahmad|"
                         r"Hassan|Hussein|Omar|Khalid|Ibrahim|Mustafa|Mahmoud|Youssef|Yusuf)\b")
# "Thomson Reuters", "Jordan Times", "al-Mayadeen TV": a company, paper or channel named after a person or a place
_ORG_AFTER = re.compile(r"^\s+(?:Reuters|News|Times|Post|Press|Agency|Trust|Foundation|Corporation|Company|Holdings|"
                        r"Airlines|Airways|Television|Radio|TV|Channel)\b")
# "Niu's mother", "Lai's lawyer": a person's name that spells a place
_KIN_AFTER = re.compile(r"^(?:'s|’s)\s+(?:mother|father|wife|husband|son|daughter|brother|sister|family|lawyer|lawyers|"
                        r"attorney|parents|children|relatives|friend|friends|uncle|aunt|cousin|widow|sons|daughters)\b")
# "Giza Governorate", "Kano State": the word after a short name says it is a division, not a person
_DIVISION_AFTER = re.compile(r"^\s+(?:Governorate|Province|State|County|Prefecture|Region|Oblast|Department|District)\b")
_ADMIN_AFTER = re.compile(r"^\s*(?:province|governorate|countryside|region|area)\b", re.I)
_ADMIN_BEFORE = re.compile(r"\b(?:province|governorate|countryside|region)\s+of\s+(?:the\s+)?$", re.I)
# Capitalised words that are never places here, however GeoNames spells its villages.
_STOP = {
    "the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "to", "by", "for", "with", "as",
    *lexicon.calendar_words(), "president", "minister", "army", "state", "security", "council",
    "government", "ministry", "forces", "force", "group", "front", "people", "police", "news",
    "agency", "media", "today", "yesterday", "reuters", "afp", "ap", "sana", "tass", "get", "short",
    "url", "topic", "tags", "posted", "published", "updated", "last", "victims", "earlier", "later",
    "some", "many", "several", "most", "all", "according", "more", "after", "before", "since",
    "during", "while", "when", "where", "also", "however", "meanwhile", "local", "activists",
    *lexicon.demonym_set("never_places"), "kurdish", "islamic", "arab",
    "national", "democratic", "free", "observatory", "human", "rights", "defence", "defense",
    "foreign", "general", "chief", "director", "spokesman", "official", "officials", "source",
    "sources", "rebels", "regime", "civil", "war", "revolution", "statement", "international",
    "united", "nations", "coalition", "new", "old", "main", "image", "he", "she", "it", "they",
    "we", "this", "that", "these", "those", "there", "his", "her", "their", "our", "its", "who",
    "what", "why", "how", *lexicon.count_words(2, 10),
    "moscow's", "kremlin", "nato", "un", "us", "eu", "uk", "isis", "isil", "daesh", "nusra",
    "hezbollah", "white", "helmets", "red", "crescent", "cross", "liberation", "patrol", "joint",
    "mount", "prime", "martyrdom", "operation", "defend", "defeat", "freedom", "don't",
    "no", "yes", "support", "bureau", "violence", "erupts", "kills", "killed", "dead", "attack",
    *(a.lower() for a in lexicon.month_abbreviations()), "god",
    "bashar", "allah", "imam", "sheikh", "emir", "king", "prince", "queen", "pope", "saint",
    "center", "centre", "headquarters", "command", "office", "directorate", "staff", "division",
    # given names and words that GeoNames also spells as villages far away
    "ali", "islam", "muhammad", "mohammed", "mohammad", "ahmed", "ahmad", "hassan", "hussein", "omar",
    "umar", "khalid", "abdullah", "ibrahim", "mustafa", "salman", "abu", "bin", "ban", "earnest",
    "from", "ramadan", "eid", "ive", "im", "hes", "shes", "theyre", "weve", "youre", "shields",
    # a compass word alone ("the Middle East and North Africa"): part of an area's name, no town
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
}
# a landform word alone ("the Tigris River"): part of a feature's name, whatever town GeoNames also calls
# so (only alone: "Cross River", "Red Sea" are places)
_LANDFORMS = {"river", "lake", "valley", "bay", "gulf", "sea", "island", "desert", "plain"}
# "the Zahraa neighbourhood", "the district of al-Qusour": a quarter of a town we may not know
_DISTRICT_BEFORE = re.compile(r"\b(?:neighbo(?:u)?rhoods?|district|quarter|area)\s+of\s+(?:the\s+)?$", re.I)
_DISTRICT_AFTER = re.compile(r"^\s+(?:neighbo(?:u)?rhoods?|district|quarter)\b", re.I)
# "al-Qusour and al-Joura neighborhoods": the first of a list of quarters the plural word closes
_DISTRICTS_AFTER = re.compile(r"^(?:,?\s+(?:and\s+)?(?:[a-z]{1,3}[\-\s])?[A-Z][\w'’\-]*){1,3}\s+(?:neighbo(?:u)?rhoods|districts|quarters)\b")
# "Hadar town", "Safiyeh village": a settlement the text names
_SETTLEMENT_AFTER = re.compile(r"^\s+(?:town|village|hamlet)\b", re.I)
# how far before an unlisted village the place that gives its division may be named
_VILLAGE_REACH = 250
_LOCAL_BEFORE = re.compile(r"\b(?:town|village|city|hamlet|suburb|neighbo(?:u)?rhood|district)\s+of\s+(?:the\s+)?$", re.I)


def _names_country(text: str, country: str) -> bool:
    return any(_COUNTRY_DEMONYMS.get(w.lower()) == country for w in re.findall(r"[A-Za-z]+", text))



# "Secretary-General Ban Ki-moon", "spokesman Josh Earnest": names after a title are people
_TITLED = re.compile(
    r"\b(?:President|Minister|Secretary[- ]General|[Ss]pokes(?:man|woman|person)|General|Gen\.|Colonel|Col\.|"
    r"Lieutenant|Sheikh|King|Prince|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|leader|chief|envoy|[Aa]mbassador|Senator|Secretary|"
    r"[Cc]ommander|[Dd]irector|[Cc]orrespondent|[Rr]eporter|analyst|researcher)\s+((?:[A-Z][\w'’\-.]+\s?){1,3})")
# A far-away namesake must be a big city to be believed.
_FAR_MIN_POPULATION = 1_000_000
# a town of a country the article never names is believed from this many people (a well-known city)
_UNNAMED_TOWN_MIN_POPULATION = 100_000
_COUNTRY_DEMONYMS = {
    "syria": "SY", "syrian": "SY", "syrias": "SY", "iraq": "IQ", "iraqi": "IQ", "turkey": "TR",
    "turkish": "TR", "lebanon": "LB", "lebanese": "LB", "jordan": "JO", "jordanian": "JO",
    "israel": "IL", "israeli": "IL", "iran": "IR", "iranian": "IR", "yemen": "YE", "libya": "LY",
    "russia": "RU", "russian": "RU", "ukraine": "UA", "afghanistan": "AF", "egypt": "EG",
}


def _candidates(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised tokens (with Arabic particles inside), as (start, end) spans."""
    spans: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and run[-1].group(0).lower() in _PARTICLES and not run[-1].group(0)[0].isupper():
            run.pop()
        if run:
            spans.append((run[0].start(), run[-1].end()))
        run.clear()

    prev_end = -1
    for tok in _TOKEN.finditer(text):
        word = tok.group(0)
        gap = text[prev_end:tok.start()] if prev_end >= 0 else " "
        contiguous = prev_end >= 0 and gap in (" ", "-")
        lower_head = word.split("-")[0].lower()
        capital = word[0].isupper() or (lower_head in _PARTICLES and "-" in word and word.split("-")[-1][:1].isupper())
        # "Deir ezzor", "Ras al-ain": a place head whose second word lost its capital
        after_head = bool(run) and contiguous and run[-1].group(0).lower() in _HEADS
        if capital or after_head or (run and contiguous and lower_head in _PARTICLES):
            if run and not contiguous:
                close()
            run.append(tok)
        else:
            close()
        prev_end = tok.end()
    close()
    return spans


def _sub_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every sub-run of up to five tokens, longest first."""
    toks = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
    out = []
    for size in range(min(5, len(toks)), 0, -1):
        for i in range(len(toks) - size + 1):
            out.append((toks[i][0], toks[i + size - 1][1]))
    return out


def _country_context(doc: Doc) -> dict[str, float]:
    weights: dict[str, float] = {cc: float(n) for cc, n in doc.countries.items()}
    for word in re.findall(r"[A-Za-z]+", doc.text[:20000]):
        cc = _COUNTRY_DEMONYMS.get(word.lower())
        if cc:
            weights[cc] = weights.get(cc, 0.0) + 1.0
    return weights


def _unambiguous(doc: Doc, context: dict[str, float]) -> dict[str, float]:
    """The country context without the countries known only by a name that is also a division of
    another country ("Niger" in a story about Niger State, Nigeria): the geoparser weighs that name
    against the article's other places itself."""
    from sitrep.geo.gazetteer import geo_index

    index = geo_index()
    mentions: dict[str, list] = {}
    for m in doc.extra.get("country_mentions", ()):
        mentions.setdefault(m.iso2, []).append(m)
    out = dict(context)
    for iso, found in mentions.items():
        if all(m.how == "name" and any(e.kind == "admin1" and e.country != iso
                                       for e in index.lookup(doc.text[m.start:m.end])) for m in found):
            out.pop(iso, None)
    return out


def _score(entry: Entry, context: dict[str, float], admin_hint: bool, locative: bool) -> float:
    total = sum(context.values()) or 1.0
    score = 4.0 * context.get(entry.country, 0.0) / total
    if entry.country in context:
        score += 1.5
    score += math.log10(entry.population + 10) / 3.0
    if entry.supplement:
        score += 0.6
    if entry.precision == "admin1":
        score += 3.0 if admin_hint else -0.5
    if entry.precision == "country":
        score += 0.5 if locative else -0.5
    if entry.country not in REGION and entry.population < 100000:
        score -= 1.0
    return score


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    from sitrep.resolve.datafiles import load_csv

    return frozenset(d.lower() for row in load_csv("demonyms.csv") for d in row["demonyms"].split("|"))


def find_places(doc: Doc) -> Doc:
    gaz = gazetteer()
    text = doc.text
    context = _country_context(doc)
    # a body's proper name may hold its town ("Quezon City Regional Trial Court"): still a place
    actor_spans = [(a.start, a.end) for a in doc.actors if not a.demonym and a.actor.id != "NAMED_BODY"]
    actor_cover = Coverage(len(text))
    for a_start, a_end in actor_spans:
        actor_cover.add(a_start, a_end)
    actor_exact = set(actor_spans)
    from sitrep.geo import geoparse

    toponyms = geoparse(text[:50_000], context={"countries": _unambiguous(doc, context)}, ner=False)
    if _world_article(context, toponyms):
        doc.places = _world_places(doc, toponyms, actor_cover, actor_exact, context)
        doc.extra["world_places"] = True
        return doc
    sentence_starts = {s.start for s in doc.sentences}
    found: list[PlaceMatch] = []
    taken = Coverage(len(text))
    for m in _TITLED.finditer(text):
        taken.add(m.start(1), m.end(1))
    persons = doc.extra.get("persons", ())  # from the optional NER stage
    for c_start, c_end in _candidates(text):
        speaker = bool(_SPEAKS_AFTER.match(text[c_end:c_end + 12])) and " " in text[c_start:c_end]
        given = _GIVEN_NAME.search(text, c_start, c_end)
        for s, e in _sub_spans(text, c_start, c_end):
            if speaker and e == c_end and s > c_start:
                continue  # "George Sabra said": a surname, not the village it spells
            if given is not None and s >= given.end():
                continue  # "Abu Abdul Rahman al-Madani": the rest of a person's name after a given name
            if taken.overlaps(s, e):
                continue
            if any(ps <= s and e <= pe and (s, e) != (ps, pe) for ps, pe in persons):
                continue  # "George Sabra": part of a person's name (the NER stage may read a whole
                # town name such as "Khan Sheikhoun" as a person, so only parts are refused)
            name = text[s:e]
            words = name.split()
            if len(name) <= 4 and name.isupper() and not any(c.isdigit() for c in name):
                continue  # "NGO", "CNN", "PKK": acronyms, not GeoNames alternate names
            if name.isupper() and len(name) > 3 and re.match(r"\s*[,(\-–]", text[e:e + 3]):
                continue  # "BEIRUT, March 19 (Meridian)": where the report was filed
            if all(w.lower() in _STOP for w in words):
                continue  # "The Center": common words, whatever village GeoNames spells so
            if len(words) > 1 and ((words[-1].lower() in _PARTICLES and words[-1].islower())
                                   or ((s, e) != (c_start, c_end) and words[0].lower() in _PARTICLES and words[0].islower())):
                continue  # "Bab al", "al Salama" of "Bab al Salama": a name cut in its middle
            if _LEVANT.fullmatch(name):
                continue
            if name.lower() in _demonym_words():
                continue  # "Irish", "Kazakh": people, not places
            if len(words) == 1 and (name.lower() in _STOP or name.lower() in _PARTICLES or name.lower() in _HEADS
                                    or name.lower() in _LANDFORMS
                                    or (len(name) < 3 and not any(c.isdigit() for c in name))):
                continue
            before = text[max(0, s - 60):s]
            locative = bool(_LOCATIVE.search(before))
            inside_actor = actor_cover.overlaps(s, e)
            # "in Moscow" is a place even though "Moscow" can name the government; "the
            # regime of Bashar al-Assad" is no place however it is preceded
            single_token_actor = (s, e) in actor_exact and " " not in text[s:e]
            if inside_actor and not (locative and single_token_actor):
                continue
            if len(words) > 1 and words[-1] in ("TV", "Television", "Radio"):
                continue  # "al-Mayadeen TV": a channel named after a town
            if _FACILITY_AFTER.match(text[e:e + 14]) or _METONYM_AFTER.match(text[e:e + 30]) \
                    or (len(words) == 1 and (_KIN_AFTER.match(text[e:e + 16]) or _ORG_AFTER.match(text[e:e + 16]))):
                if len(words) > 1 and _FACILITY_AFTER.match(text[e:e + 14]):
                    taken.add(s, e)  # "Sayeda Zeinab shrine": no part of the facility's name is a place either
                continue
            entries = gaz.lookup(name, fuzzy=len(words) <= 3 and len(name) >= 6)
            if entries and not any(x.country in context for x in entries) and \
                    max(x.population for x in entries) < 100000:
                # "Hasake", "Kasab": a misspelling at home beats an exact namesake abroad
                entries = gaz.fuzzy(name, set(context)) or entries
            if not entries and context and len(name) >= 6 and (s, e) == (c_start, c_end) and (
                    _LOCAL_BEFORE.search(before) or _SETTLEMENT_AFTER.match(text[e:e + 30])
                    or re.match(r"\s+city\b", text[e:e + 10])):
                # "al-Sqeilbiyeh city": a town of the story's countries spelled another way
                entries = gaz.by_skeleton(name, set(context))
            if not entries:
                continue
            after = text[e:e + 30]
            admin_hint = bool(_ADMIN_AFTER.match(after) or _ADMIN_BEFORE.search(before))
            if s in sentence_starts or (s > 0 and text[s - 1] in "\n"):
                # sentence-initial capitals are weak evidence: keep only well-known places
                entries = [x for x in entries if x.country in context or x.precision in ("admin1", "country") or x.population >= 100000]
                if not entries:
                    continue
            score, best = max(((_score(x, context, admin_hint, locative), x) for x in entries), key=lambda sx: sx[0])
            named_feature = best.supplement and best.precision in ("road", "water", "region")
            far = best.country not in REGION and bool(context)
            # a minor country of the article: under a quarter of its country mentions
            minor = context.get(best.country, 0.0) < 0.25 * sum(context.values()) if context else False
            if minor and best.precision != "country" and not best.supplement and (
                    _DISTRICT_BEFORE.search(before) or _DISTRICT_AFTER.match(after) or _DISTRICTS_AFTER.match(text[e:e + 80])):
                continue  # a quarter named like a village abroad: unknown rather than wrong
            unnamed_abroad = bool(context) and best.country not in context and best.population < _UNNAMED_TOWN_MIN_POPULATION
            if minor and best.precision == "city" and _LOCAL_BEFORE.search(before) and not unnamed_abroad \
                    and best.population < _FAR_MIN_POPULATION and not _names_country(text[e:e + 60], best.country):
                continue  # "the town of Mansoura in rural Aleppo" is not Al Mansurah, Egypt
            if context and best.country not in context and best.precision == "city" and not best.supplement \
                    and best.population < _UNNAMED_TOWN_MIN_POPULATION:
                # "Hadar village in rural Quneitra", "Safiyeh village on the Hasaka-Qamishli road" in a story
                # set in Syria: a village the gazetteer lacks, not a small namesake in a country the story
                # never names (neither by name nor by its people)
                if (s, e) == (c_start, c_end) and (_LOCAL_BEFORE.search(before) or _SETTLEMENT_AFTER.match(after)):
                    # the text calls the whole name a town or village (not a part: "Busr al-Harir town"):
                    # one of the story's own country, in the division of the last place of that country
                    # named just before it ("Quneitra ... Hadar town")
                    # (a story may name a Russian strike or a Britain-based monitor more often than the
                    # towns' country: the place named just before it tells the country first)
                    near = [p for p in found if p.place.country in context and p.place.admin1
                            and p.place.precision != "country" and p.end <= s and s - p.end <= _VILLAGE_REACH]
                    home = near[-1].place.country if near else max(context, key=lambda cc: context[cc])
                    found.append(PlaceMatch(s, e, name, Place(
                        name=name, admin1=near[-1].place.admin1 if near else None, country=home, precision="point",
                        text=name, evidence=Evidence(name, s, e)), score))
                    taken.add(s, e)
                continue
            if best.country not in context and best.precision != "country" and not named_feature and (
                    not locative or (far and best.population < _FAR_MIN_POPULATION)):
                # a place outside the article's countries needs "in"/"near" before it, and a
                # namesake outside the conflict region must also be a big city
                continue
            if doc.article.outlet and name.lower() in doc.article.outlet.lower():
                continue  # "(Meridian)": the outlet's own name
            found.append(PlaceMatch(s, e, name, _to_place(best, name, s, e, gaz), score))
            taken.add(s, e)
    found.sort(key=lambda p: p.start)
    _nudge_by_proximity(found, gaz, text)
    _quarters_of_towns(found, text)
    _add_world_places(doc, found, taken, actor_cover, context, toponyms)
    doc.places = _unlisted_villages(text, found)
    return doc


# Countries whose towns and villages the conflict gazetteer and its rules were tuned on: an article
# mainly about one of them is read with them; any other article with the world geoparser alone.
CONFLICT_CORE = frozenset({"SY", "IQ"})


def _world_article(context: dict[str, float], toponyms: list) -> bool:
    """An article with little of the core countries in it: their towns are under a quarter of its
    towns and divisions, and their actors under 30% of its actors (a Syria story may name the
    US-led coalition more often than Syria, but its towns are Syrian)."""
    local = [t.country for t in toponyms if t.country and not t.demonym and t.lat is not None
             and t.precision in ("city", "admin1", "admin2", "point")]
    if local and sum(cc in CONFLICT_CORE for cc in local) >= 0.25 * len(local):
        return False
    total = sum(context.values())
    if not total:
        return bool(local)  # a headline naming no country: read as before unless it names a town abroad
    return sum(w for cc, w in context.items() if cc in CONFLICT_CORE) < 0.3 * total


# a month or a weekday after a town is when, not a surname: "abducted in Port-au-Prince December 24"
_WHEN_WORDS = "|".join((*lexicon.month_words(), *lexicon.weekdays()))
# a capitalised word just before a one-word town, on the same line: "Jimmy Lai", "Ali Younesi"
_NAME_BEFORE = re.compile(r"\b(?:named|called|nicknamed|known as) $|\b(?!(?:In|At|On|From|The|And|Of|To|For|By|Near|Outside|Inside|North|South|East|West|Northern|Southern|Eastern|Western|Central|Greater|New|Old|Upper|Lower|" + _WHEN_WORDS + r")\b)[A-Z][a-z]+ $")
_NAME_AFTER = re.compile(r" (?!(?:" + _WHEN_WORDS + r")\b)(?!(?:City|State|Province|County|District|Region|Island|Islands|Valley|Bay|River|Street|Road|"
                         r"Governorate|Prefecture|Oblast|Department|Municipality|Parish|Territory|Village|Town|Local|"
                         r"University|College|Airport|Police|Government|Council|Court|Prison|Hospital|Square)\b)[A-Z][a-z]+\b(?! [A-Z])")
_WORLD_PRECISION = {"admin2": "region", "continent": None}
# a capitalised word and the name right after it on the same line: a given name and a surname when the
# text never writes the first small
_GIVEN_PAIR = re.compile(r"\b(?!(?:In|At|On|From|The|And|Of|To|For|By|Near|Outside|Inside|Greater|New|Old|Upper|Lower|North|South|"
                         r"East|West|Northern|Southern|Eastern|Western|Central)\b)([A-Z][a-z]+) (?=([A-Z][\w'’-]*)\b)")
# a town this big keeps its name though a person in the text bears it
MIN_SURNAME_TOWN_POPULATION = 100_000


def _world_places(doc: Doc, toponyms: list, actor_cover: Coverage, actor_exact: set[tuple[int, int]],
                  context: dict[str, float]) -> list[PlaceMatch]:
    """Places of an article about the wider world, from the world geoparser's toponyms (sitrep.geo)."""
    text = doc.text
    titled = Coverage(len(text))
    for m in _TITLED.finditer(text):
        titled.add(m.start(1), m.end(1))
    persons = doc.extra.get("persons", ())
    found: list[PlaceMatch] = []
    # the countries the article names (or whose people it names), besides the actors' countries
    named = set(context) | {t.country for t in toponyms if t.country and (t.demonym or t.precision == "country")}
    from spacy.lang.en.stop_words import STOP_WORDS

    from sitrep.geo.gazetteer import geo_index

    # words the text writes small, and English function words ("If Li was ..." opens a sentence)
    lowered = frozenset(re.findall(r"\b[a-z]+\b", text)) | STOP_WORDS
    # words the text writes right after a given name ("a fourth Londoner, Aine Davis"), in one pass
    after_given = {m.group(2) for m in _GIVEN_PAIR.finditer(text, 0, 50_000) if m.group(1).lower() not in lowered}

    def surname(name: str, t) -> bool:  # noqa: ANN001 - a sitrep.geo Toponym
        """Whether the text writes this one-word town elsewhere as a person's surname, after a given name
        ("Aine Davis" ... "Davis was imprisoned"): every bare mention is that person. A given name is a
        capitalised word the text never writes in lower case ("Attack Kagara" is a headline's words); a
        name a well-known city bears is not given up ("Emma Austin" is no reason to doubt "Austin, Texas")."""
        return name in after_given and max((e.population for e in geo_index().lookup(name)), default=0) \
            < MIN_SURNAME_TOWN_POPULATION

    for t in toponyms:
        if t.demonym or t.lat is None or t.country is None:
            continue
        precision = _WORLD_PRECISION.get(t.precision or "", t.precision)
        if precision is None:
            continue
        name = text[t.start:t.end]
        words = name.split()
        if titled.overlaps(t.start, t.end) or any(ps <= t.start and t.end <= pe and (t.start, t.end) != (ps, pe)
                                                    for ps, pe in persons):
            continue  # "President Ali Bongo", "Jimmy Lai": people
        if all(w.lower().strip(".") in _STOP for w in words):
            continue
        if len(words) == 1 and len(name) <= 4 and not name.isupper() and not (t.name or "").lower().startswith(name.lower()) \
                and not _DIVISION_AFTER.match(text[t.end:t.end + 16]):
            continue  # "Kim", "Tse", "Ben": a short alternate name of a far place, far more often a person's name
        before = text[max(0, t.start - 60):t.start]
        locative = bool(_LOCATIVE.search(before))
        single_token_actor = (t.start, t.end) in actor_exact and " " not in name
        # "students from Sharif University in Tehran": a long actor phrase may hold where they are
        in_phrase = bool(re.search(r"\b(?:in|near|at|outside)\s+$", text[max(0, t.start - 10):t.start]))
        # "the Cross River State government", "an Istanbul court", "Lagos police": a local authority named
        # by its town or state acts there
        local_body = precision != "country" and bool(LOCAL_BODY_AFTER.match(text[t.end:t.end + 40]))
        if actor_cover.overlaps(t.start, t.end) and not ((locative and single_token_actor) or in_phrase or local_body):
            continue  # "the Hong Kong police", "the Lagos State Government": part of an actor's name
        if local_body and t.country not in named and not doc.opens_dateline_place(t.start) \
                and re.match(r"\s+[A-Z]", text[t.end:t.end + 3]):
            # "the Met Police", "the Supreme Court": a body's proper name that spells a town of a country never
            # named ("a Lyon criminal court" is a court of that town)
            continue
        if t.country not in named and not locative and not doc.opens_dateline_place(t.start):
            continue  # "Branch", "Samba": a place of a country the article never names, with no "in" before it
        if t.country not in named and named and precision in ("city", "point") and t.fcode != "PPLC" \
                and _fold(name) != _fold(t.name) and not doc.opens_dateline_place(t.start) \
                and _population(t) < _FOREIGN_TOWN_MIN_POPULATION:
            # "the Ibara prison" in a story set in Nigeria is not Ibarra, Ecuador: a town of a country the
            # document never names, known by one of its other names only, is a namesake
            continue
        if t.country not in named and name.isupper() and len(words) == 1 and not doc.opens_dateline_place(t.start):
            continue  # "POGO", "NAACP": an acronym in the body that spells a town of a country never named
        if precision == "city" and len(words) == 1 and (_NAME_BEFORE.search(text[max(0, t.start - 30):t.start])
                                                        or _NAME_AFTER.match(text[t.end:t.end + 30])
                                                        or surname(name, t)):
            continue  # "Jimmy Lai", "Samba Widhyastuti": a name that spells a town
        if _FACILITY_AFTER.match(text[t.end:t.end + 14]) or _METONYM_AFTER.match(text[t.end:t.end + 30]) \
                or _FACILITY_BEFORE.search(text[max(0, t.start - 30):t.start]):
            continue
        if len(words) == 1 and _KIN_AFTER.match(text[t.end:t.end + 16]):
            continue
        if t.fcode == "PPLC" and not locative and not doc.opens_dateline_place(t.start) \
                and _GOVERNS_AFTER.match(text[t.end:t.end + 30]):
            continue  # "Beijing passed a law", "Moscow has denied it": a capital standing for its government
        if _ORG_AFTER.match(text[t.end:t.end + 16]) and not doc.opens_dateline_place(t.start):
            continue  # "a New York Times op-ed", "the Jordan Times": a paper or firm named after a place
        place = Place(name=t.name or name, admin1=t.admin1, country=t.country, lat=t.lat, lon=t.lon,
                      geonameid=t.geonameid, precision=precision, text=name,
                      evidence=Evidence(name, t.start, t.end))
        found.append(PlaceMatch(t.start, t.end, name, place, 1.0))
    return _unlisted_villages(text, found)


# a town of a country a document never names (while it names others), read under another of its names,
# is believed from this many people
_FOREIGN_TOWN_MIN_POPULATION = 1_000_000


def _population(t) -> int:  # noqa: ANN001 - a sitrep.geo Toponym
    """The people of the GeoNames place a toponym was resolved to (0 when unknown)."""
    from sitrep.geo.gazetteer import geo_index

    return max((e.population for e in geo_index().lookup(t.text) if e.geonameid == t.geonameid), default=0)


# "in Al-Blida village in Giza Governorate", "the village of Kogelo in Siaya County", "the town of
# al-Qasr in Homs province", "from Dorvale city in Kern State": a settlement the text names and places
# in a division, whatever the gazetteer spells so (often a namesake abroad, or no entry at all)
_VILLAGE = re.compile(r"\b(?:(?:village|hamlet|town|city) of ((?:[a-z]{2}-|[A-Z][\w'’]*-)?[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2})"
                      r"|((?:[a-z]{2}-|[A-Z][\w'’]*-)?[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2}) (?:village|hamlet|town|city))"
                      r",? in (?:the )?(?=[A-Z])")


def _unlisted_villages(text: str, found: list[PlaceMatch]) -> list[PlaceMatch]:
    """Keep a named village the gazetteer lacks (or knows only abroad) as a place of the division
    the text puts it in: its name and division, with no point rather than a guessed one."""
    for m in _VILLAGE.finditer(text):
        start, end = m.span(1) if m.group(1) else m.span(2)
        division = next((p for p in found if p.start == m.end()
                         and p.place.precision in ("admin1", "region") and p.place.country), None)
        if division is None or any(p.start < end and start < p.end and p.place.country == division.place.country
                                   and (p.place.lat is not None or p.place.admin1) for p in found):
            continue  # no division named, or the gazetteer has the village in that country (or a division for it)
        name = text[start:end]
        if name.split()[0].lower() in _STOP:
            continue
        admin1 = division.place.name if division.place.precision == "admin1" else division.place.admin1
        place = Place(name=name, admin1=admin1, country=division.place.country, precision="point", text=name,
                      evidence=Evidence(name, start, end))
        found = [p for p in found if not (p.start < end and start < p.end)]
        found.append(PlaceMatch(start, end, name, place, 1.0))
    found.sort(key=lambda p: p.start)
    return found


def _add_world_places(doc: Doc, found: list[PlaceMatch], taken: Coverage, actor_cover: Coverage,
                      context: dict[str, float], toponyms: list) -> None:
    """Places anywhere on Earth from the world geoparser where the conflict gazetteer found nothing:
    a division or town of a country the article names, or one after "in"/"near"; countries get points."""
    from sitrep.geo.gazetteer import geo_index

    index = geo_index()
    for p in found:  # the conflict gazetteer knows few countries' points: take the world index's
        if p.place.precision == "country" and p.place.lat is None and p.place.country:
            entry = index.country(p.place.country)
            if entry is not None:
                p.place.lat, p.place.lon = round(entry.lat, 5), round(entry.lon, 5)
    if context and max(context, key=context.get) in REGION:
        return  # an article about the conflict region: its own gazetteer and rules are tuned for it
    added = []
    for t in toponyms:
        if t.demonym or t.lat is None or t.precision not in ("city", "admin1", "admin2"):
            continue
        if taken.overlaps(t.start, t.end) or actor_cover.overlaps(t.start, t.end):
            continue
        locative = bool(_LOCATIVE.search(doc.text[max(0, t.start - 60):t.start]))
        if t.country not in context and not locative:
            continue
        if t.country in REGION and t.precision == "city":
            continue  # the conflict gazetteer's own rules are tuned for these countries' towns
        place = Place(name=t.name or t.text, admin1=t.admin1, country=t.country, lat=t.lat, lon=t.lon,
                      geonameid=t.geonameid, precision="region" if t.precision == "admin2" else t.precision, text=t.text,
                      evidence=Evidence(t.text, t.start, t.end))
        added.append(PlaceMatch(t.start, t.end, t.text, place, 1.0))
        taken.add(t.start, t.end)
    if added:
        found.extend(added)
        found.sort(key=lambda p: p.start)


# "the neighbourhood of al-Mazraa", "al-Hamidiyeh neighborhood": a quarter of a town (not "district",
# which is also a division of a province)
# ("the old neighbourhoods of Izraa town" are the town's own)
# ("Howayqa neighborhood of Deir Ezzor": the named quarter is before, the town after)
_QUARTER_BEFORE = re.compile(r"\b[a-z][a-z\-]*\s+(?:[Nn]eighbo(?:u)?rhood|[Qq]uarter)\s+of\s+(?:the\s+)?$")
_QUARTER_AFTER = re.compile(r"^\s+(?:neighbo(?:u)?rhood|quarter)\b", re.I)
_QUARTER_OF = re.compile(r"\s+(?:neighbo(?:u)?rhood|quarter)\s+(?:in|of)\s+(?:the\s+)?(?:city\s+of\s+)?", re.I)
# a quarter lies within this distance of its town's point
QUARTER_KM = 25.0


def _quarters_of_towns(found: list[PlaceMatch], text: str) -> None:
    """A name the text calls a neighbourhood is a quarter of a town: the one named just after it ("Salah
    Eddin neighborhood in Aleppo city"), else the last one named before it ("in Damascus city ... the
    neighbourhood of al-Mazraa"). A village of that name the gazetteer offers far from every town the
    text names is not it: the quarter is placed as its town (the quarter's words kept as the text)."""
    def quarter(p: PlaceMatch) -> bool:
        return bool(_QUARTER_AFTER.match(text[p.end:p.end + 16]) or _QUARTER_BEFORE.search(text[max(0, p.start - 30):p.start]))

    towns = [p for p in found if p.place.precision == "city" and p.place.lat is not None]
    for i, p in enumerate(found):
        if p.place.precision not in ("city", "point") or p.place.lat is None or not quarter(p):
            continue
        if any(o.place.name != p.place.name and km((o.place.lat, o.place.lon), (p.place.lat, p.place.lon)) <= QUARTER_KM
               for o in towns):
            continue  # the gazetteer's entry lies in a town the text names: keep it
        if any(o.place.name == p.place.name and not quarter(o) for o in towns):
            continue  # "the New Aleppo neighborhood" in a story naming Aleppo: a quarter of that town
        after = next((o for o in towns if o.start > p.end and o.place.name != p.place.name and _QUARTER_OF.fullmatch(text[p.end:o.start])), None)
        before = [o for o in towns if o.end <= p.start and o.place.name != p.place.name]
        town = after or (before[-1] if before else None)
        if town is None:
            continue
        # the town itself, as far as the gazetteer goes: its name, point and division, the quarter's words
        found[i] = PlaceMatch(p.start, p.end, p.text,
                              replace(town.place, text=p.text, evidence=Evidence(p.text, p.start, p.end)), p.score)


def _to_place(entry: Entry, text: str, start: int, end: int, gaz) -> Place:  # noqa: ANN001
    return Place(
        name=entry.name,
        admin1=gaz.admin1_name(entry.country, entry.admin1) if entry.precision != "country" else None,
        country=entry.country,
        lat=round(entry.lat, 5) if entry.precision != "country" or entry.lat else None,
        lon=round(entry.lon, 5) if entry.precision != "country" or entry.lon else None,
        geonameid=entry.geonameid,
        precision=entry.precision,
        text=text,
        evidence=Evidence(text, start, end),
    )


def _nudge_by_proximity(found: list[PlaceMatch], gaz, text: str) -> None:  # noqa: ANN001
    """Re-resolve ambiguous names towards the article's other places (within 300 km)."""
    # distinct anchor points, the first few dozen: enough to say where an article is
    anchors = list(dict.fromkeys((round(p.place.lat, 2), round(p.place.lon, 2)) for p in found
                                 if p.place.precision in ("city", "point") and p.place.lat is not None))[:40]
    if len(anchors) < 2:
        return
    for p in found:
        if p.place.precision not in ("city", "point"):
            continue
        entries = [e for e in gaz.lookup(p.text, fuzzy=False) if e.precision in ("city", "point")]
        if len(entries) < 2:
            continue
        def near(e: Entry) -> int:
            return sum(1 for a in anchors if km(a, (e.lat, e.lon)) < 300)
        best = max(entries, key=lambda e: (near(e), e.population))
        current = next((e for e in entries if e.name == p.place.name), None)
        if current is not None and near(best) > near(current):
            p.place = _to_place(best, p.text, p.start, p.end, gaz)
