"""Find toponyms in text: spaCy's GPE/LOC/FAC entities plus gazetteer matching, longest match first.

A candidate is a run of capitalised tokens (with "of", "de", "la" ... inside) whose folded form is a
name in the world index. Gazetteer-only matches pass cheap filters: not a common English word, not
part of a person's or organisation's name, not an acronym unless the index knows it as a place name.
Demonyms ("Turkish", "Canadians") are returned apart, with kind "demonym": they name a country's
people, not a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep import lexicon
from sitrep.geo.gazetteer import GeoIndex
from sitrep.resolve.gazetteer import fold as _fold

# the same few thousand capitalised words recur across articles: fold each once
fold = lru_cache(maxsize=1 << 18)(_fold)

MAX_TOKENS = 6
_TOKEN = re.compile(r"[^\W_](?:[\w]|[.'’\-](?=\w))*\.?")
_CONNECTORS = {"of", "de", "la", "le", "del", "du", "des", "the", "and", "upon", "on", "al", "el", "da", "do",
               "dos", "das", "y", "sur", "am", "an", "der", "di", "van", "von", "en", "es", "ez", "ash", "ad", "as"}
# Capitalised words that open sentences or name things, never places however GeoNames spells a village.
_NEVER = {
    *lexicon.calendar_words(),
    "president", "minister", "governor", "mayor", "senator", "sen", "rep", "gov", "mr", "mrs", "ms", "dr",
    "st", "mt", "god", "lord", "christmas", "easter", "ramadan", "eid", "covid", "ebola", "zika", "sars",
    "mers", "aids", "hiv", "h1n1", "h5n1", "bird", "swine", "flu", "police", "army", "court", "university",
    "college", "school", "hospital", "department", "ministry", "council", "agency", "center", "centre",
    "news", "press", "times", "post", "daily", "herald", "journal", "tribune", "reuters", "afp", "ap", "cnn",
    "bbc", "nbc", "cbs", "abc", "fox", "twitter", "facebook", "google", "internet", "web", "online", "tv",
    "republican", "republicans", "democrat", "democrats", "democratic", "party", "congress", "parliament",
    "senate", "house", "government", "state", "federal", "national", "international", "world", "global",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new", "old",
    "north-western", "north-eastern", "south-western", "south-eastern", "northwestern", "northeastern",
    "southwestern", "southeastern", "northwest", "northeast", "southwest", "southeast", "downtown", "greater",
    "great", "little", "upper", "lower", "big", "mount", "lake", "river", "bay", "island", "islands",
    "county", "city", "town", "village", "province", "region", "district", "street", "road", "avenue",
    "area", "zone", "sector", "local", "community",
    "health", "medical", "disease", "virus", "fever", "outbreak", "bank", "union", "association",
    "service", "services", "office", "committee", "commission", "foundation", "institute", "society",
    "company", "group", "club", "team", "league", "cup", "games", "olympic", "olympics", "award",
    "photo", "video", "image", "getty", "images", "file", "update", "breaking", "live", "report",
    "i", "we", "you", "he", "she", "it", "they", "but", "and", "or", "if", "so", "as", "at", "by", "in",
    "on", "of", "to", "for", "with", "from", "after", "before", "during", "while", "when", "where",
    "some", "many", "most", "all", "no", "not", "yes", *lexicon.count_words(1, 3), "this", "that", "these",
    "those", "there", "here", "his", "her", "their", "our", "its", "who", "what", "why", "how", "then",
    "however", "also", "meanwhile", "according", "more", "less", "about", "over", "under", "between",
    "man", "men", "woman", "women", "people", "children", "family", "friends", "officials",
    "princess", "prince", "secretary", "officer", "justice", "commissioner", "act", "corporation",
    "federation", "liberal", "royal", "care", "drug", "human", "energy", "air", "day", "church", "battle",
    "farms", "seven", "garden", "christian", "commonwealth", *(a.lower() for a in lexicon.month_abbreviations()), "ive", "im", "id", "youre", "weve", "theyre", "hes", "shes", "dont",
    "cant", "wont", "isnt", "thats", "lets", "peace", "freedom", "unity", "chief", "general", "sergeant", "captain", "judge", "king", "queen", "saint", "san", "santa", "fort", "port",
    # "the Capital", "the Federal Capital": a capital city named by its role, whose own name the text gives
    "capital", "republic", "constitution", "confederation", "branch",
}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str  # "ner" (spaCy entity), "gazetteer", "demonym"
    label: str | None = None  # spaCy's label


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def ner_model():  # noqa: ANN201
    import spacy

    from sitrep.stages.ner import MODEL

    nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    nlp.max_length = 1_000_000
    return nlp


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _capital(word: str) -> bool:
    # "d'Ivoire", "l'Aquila": an elided article before a capitalised name
    return word[:1].isupper() or (word[1:2] in ("'", "’") and word[:1] in "dl" and word[2:3].isupper())


def gazetteer_mentions(text: str, index: GeoIndex) -> list[Mention]:
    """Runs of capitalised tokens whose folded form is an indexed name, longest first, left to right."""
    toks = _tokens(text)
    lowered = _lower_words(text)
    stop = _stop_words()
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        s, e = toks[i]
        word = text[s:e]
        if not _capital(word):
            i += 1
            continue
        best = None
        j = i
        # extend over single spaces or hyphens, through lowercase connectors
        while j < len(toks) and j - i < MAX_TOKENS:
            if j > i and text[toks[j - 1][1]:toks[j][0]] not in (" ", "-"):
                break
            w = text[toks[j][0]:toks[j][1]]
            if not _capital(w) and w.lower() not in _CONNECTORS:
                # "Charles de Gaulle airport", "the Gaza strip": a name whose last word is written small
                small_end = toks[j][1] - (1 if w.endswith(".") else 0)  # "... airport." ends a sentence
                if j > i and w.lower().rstrip(".") in _SMALL_LAST_WORDS and fold(text[s:small_end]) in index.names:
                    best = (j, small_end)
                break
            if _capital(w):
                end = toks[j][1]
                if text[end - 2:end] in ("'s", "’s"):
                    end -= 2  # "Russia's", "Canada’s": the place without its possessive
                phrase = text[s:end]
                # "Ky." and "U.S." keep their dot; "Ohio." at a sentence's end does not
                dotted = phrase.endswith(".") and phrase.rsplit(" ", 1)[-1] not in _dotted_aliases()
                for cand in (phrase[:-1],) if dotted else (phrase,):
                    if fold(cand) in index.names:
                        best = (j, s + len(cand))
                        break
            j += 1
        if best is None:
            i += 1
            continue
        j, end = best
        phrase = text[s:end]
        if _plausible(phrase, lowered, stop, index) and not _part_of_name(text, s, end, index) \
                and not (_PRIZE_AFTER.match(text, end) and not _broad(phrase, index)):
            out.append(Mention(s, end, phrase, "gazetteer"))
        i = j + 1
    out += _hyphen_parts(text, toks, out, index)
    out.sort(key=lambda m: m.start)
    people = _people(text)
    return [m for m in out if m.text.rstrip(".") not in people or _broad(m.text, index)]


# "pro-", "anti-" before a name make a stance of it ("pro-Moscow", "anti-Beijing"), no place
_STANCE_PREFIXES = {"pro", "anti"}
# a part of a hyphenated word is believed only when it names a well-known place
MIN_HYPHEN_PART_POPULATION = 100_000


def _hyphen_parts(text: str, toks: list[tuple[int, int]], found: list[Mention], index: GeoIndex) -> list[Mention]:
    """Places inside hyphenated words: "Russia-Turkey ties", "Canada-wide", "Denver-based", "made-in-China"."""
    taken = [(m.start, m.end) for m in found]
    out = []
    for s, e in toks:
        if "-" not in text[s:e] or any(a < e and s < b for a, b in taken):
            continue
        offset = s
        parts = text[s:e].split("-")
        for n, part in enumerate(parts):
            if n and parts[n - 1].lower() in _STANCE_PREFIXES:
                pass  # "pro-Beijing gangsters", "anti-China protests": a stance towards a state, not where
            elif part[:1].isupper() and (len(part) >= 3 or _known_short(part, index)) and part.lower() not in _NEVER:
                senses = index.lookup(part)
                if any(x.kind in ("country", "admin1", "continent", "region", "water")
                       or x.population >= MIN_HYPHEN_PART_POPULATION for x in senses):
                    out.append(Mention(offset, offset + len(part), part, "gazetteer"))
            offset += len(part) + 1
    return out


_NAME_RUN = re.compile(r"[A-Z][\w'’-]+")
# "the Booker prize", "a Pulitzer-winning reporter", "the Sakharov award": a prize named after a person or
# a place, whatever town the name spells
_PRIZE_AFTER = re.compile(r"(?:'s|’s)?[\s-]+(?:prizes?|awards?|laureates?|medals?|winning|winner|longlist(?:ed)?|"
                          r"shortlist(?:ed)?|nominated|nominee)\b", re.I)
# the last word of an indexed name that texts often write small
_SMALL_LAST_WORDS = {"airport", "airbase", "strip", "valley", "river", "lake", "island", "islands", "bay"}
# words after a name that make the run a place ("Laurel County", "Bas Congo Province")
_PLACE_WORDS = {"county", "province", "state", "city", "town", "village", "district", "region", "river", "lake",
                "valley", "island", "islands", "mountains", "parish", "governorate", "territory", "bay", "sea", "lga"}
_TITLES = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|President|Secretary|Minister|Senator|"
                     r"Governor|Mayor|Judge|Officer|Chief|Director|spokes(?:man|woman|person)|Coach|Sir|Dame|Lord)\.?\s+"
                     r"(?:[A-Z][\w'’-]+\s+)?([A-Z][\w'’-]+)")
# "Walsh said" names a person; "a resident of Tyler said" does not (the preposition makes it a place)
_SAID = re.compile(r"(?<!\bof )(?<!\bin )(?<!\bfrom )(?<!\bat )(?<!\bnear )"
                   r"\b([A-Z][\w'’-]+)\s+(?:" + lexicon.speech_alternation("speaker_before") + r")\b")
# words after a place's name that make the run an institution of that place, whose name still names
# the place ("Metcalfe County Sheriff's Office", "Manitoba Premier", "Toronto Police", "Ontario Provincial Highway")
_INSTITUTION_WORDS = {
    "police", "fire", "sheriff", "sheriff's", "court", "superior", "district", "circuit", "jail", "coroner",
    "coroner's", "premier", "mayor", "council", "health", "public", "regional", "provincial", "municipal",
    "state", "county", "city", "school", "schools", "unified", "board", "department", "airport", "hospital",
    "liquor", "rescue", "ems", "transit", "highway", "zoo", "museum", "library", "prison", "port", "harbour",
    "harbor", "station", "metro", "legislature", "assembly", "government", "primary", "industries", "emergency",
    "medical", "animal", "water", "sanitation", "detention", "correctional", "parks", "park", "area",
}


def _people(text: str) -> frozenset[str]:
    """Surnames the text uses for people: after a title ("Mr. Dunn") or before "said" ("Walsh said")."""
    names = {m.group(1) for m in _TITLES.finditer(text)}
    names |= {m.group(1) for m in _SAID.finditer(text)}
    return frozenset(n for n in names if n.lower() not in _NEVER)


def _broad(phrase: str, index: GeoIndex) -> bool:
    return any(e.kind in ("country", "admin1", "continent") for e in index.lookup(phrase.rstrip(".")))


def _part_of_name(text: str, start: int, end: int, index: GeoIndex) -> bool:
    """A town name inside a longer run of capitalised words is part of a name ("David Steele")."""
    if any(e.kind in ("country", "continent") for e in index.lookup(text[start:end].rstrip("."))):
        return False  # "Syria Civil Defence", "Canada Post": still the country
    # on the same line only: a name ending one line ("... Nasser Mustafa") and a dateline opening the
    # next ("KUWAIT CITY, Jan 12:") are not one name
    before = re.search(r"([A-Z][\w'’-]+)[ \t]\Z", text[max(0, start - 30):start])
    after = _NAME_RUN.match(text[end + 1:end + 31]) if text[end:end + 1] == " " else None
    if after and after.group(0).lower() in _PLACE_WORDS | _INSTITUTION_WORDS:
        return False
    if before and before.group(1).isupper() and len(before.group(1)) >= 2:
        before = None  # "CBC Toronto", "CTV Winnipeg": a broadcaster's desk in the place
    if _broad(text[start:end], index):
        # "Queensland Health", "Texas Gov. Abbott" keep the division; "Vladimir Kara-Murza" does not;
        # a longer run is an institution named after the place ("Maharashtra Pollution Control Board")
        word = after.group(0) if after else ""
        if word and _NAME_RUN.match(text[end + 1 + len(word) + 1:end + 1 + len(word) + 31]) \
                and text[end + 1 + len(word):end + 2 + len(word)] == " ":
            return False
        return bool(word) and fold(word) not in _NEVER and word.lower() not in _stop_words() \
            and fold(word) not in index.names
    if before and before.group(1).lower() not in _NEVER and before.group(1).lower() not in _stop_words():
        return True
    if any(e.population >= 100_000 for e in index.lookup(text[start:end].rstrip("."))):
        return False  # "Toronto Star", "Edmonton Oilers": a city's name still names the city
    return bool(after) and after.group(0).lower() not in _stop_words() and fold(after.group(0)) not in _NEVER


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\b[a-z][a-z]+\b", text))


def _plausible(phrase: str, lowered: frozenset[str], stop: frozenset[str], index: GeoIndex) -> bool:
    words = phrase.split()
    key = fold(phrase)
    if phrase + "." in _dotted_aliases():
        return False  # "Mass protests", "Miss World": an abbreviation ("Mass.", "Miss.") is one only with its dot
    if _known_short(phrase, index):
        return True
    if len(words) == 1:
        low = key.replace(" ", "")
        if low in _NEVER or low in stop or phrase.lower() in lowered:
            return False
        if len(phrase) <= 3 and phrase.isupper() and not _known_short(phrase, index):
            return False
    elif all(fold(w) in _NEVER or fold(w) in stop for w in words):
        return False
    return True


def _known_short(phrase: str, index: GeoIndex) -> bool:
    """An acronym is a place only as a listed abbreviation of a country or division ("UK", "DRC", "NSW")."""
    return fold(phrase) in _abbreviations()


@lru_cache(maxsize=1)
def _dotted_aliases() -> frozenset[str]:
    """Abbreviations spelt with a final dot ("Ky.", "U.S.", "B.C."), as the text writes them."""
    from sitrep.resolve.datafiles import load_yaml

    extra = load_yaml("geo_names.yaml")
    words = [a for row in extra.get("countries", []) + extra.get("admin1", []) for a in row["aliases"]]
    return frozenset(w.rsplit(" ", 1)[-1] for w in words if w.endswith("."))


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from sitrep.resolve.datafiles import load_yaml

    extra = load_yaml("geo_names.yaml")
    words = [a for row in extra.get("countries", []) + extra.get("admin1", []) for a in row["aliases"]]
    words += [a for row in extra.get("places", []) for a in row.get("aliases", [])]
    return frozenset(fold(w) for w in words if len(fold(w).replace(" ", "")) <= 4)


def demonym_mentions(text: str, index: GeoIndex) -> list[Mention]:
    out = []
    for m in re.finditer(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b", text):
        word = m.group(0)
        if fold(word) in index.demonyms:
            out.append(Mention(m.start(), m.end(), word, "demonym"))
        elif " " in word:
            first = word.split()[0]
            if fold(first) in index.demonyms:
                out.append(Mention(m.start(), m.start() + len(first), first, "demonym"))
    return out


def ner_mentions(text: str) -> tuple[list[Mention], list[tuple[int, int, str]]]:
    """spaCy's place entities, and the spans of its PERSON/ORG/NORP entities (not places)."""
    doc = ner_model()(text)
    places, others = [], []
    for ent in doc.ents:
        s, e = ent.start_char, ent.end_char
        if ent.label_ in ("GPE", "LOC", "FAC"):
            phrase = text[s:e]
            if phrase.lower().startswith("the "):
                s += 4
            for tail in ("'s", "’s"):
                if text[s:e].endswith(tail):
                    e -= len(tail)
            if e > s:
                places.append(Mention(s, e, text[s:e], "ner", ent.label_))
        elif ent.label_ in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"):
            others.append((s, e, ent.label_))
    return places, others


def recognise(text: str, index: GeoIndex, use_ner: bool = True) -> list[Mention]:
    """Toponym and demonym mentions, non-overlapping, longest first, sorted by offset."""
    gaz = gazetteer_mentions(text, index)
    blocked: list[tuple[int, int, str]] = []
    ner: list[Mention] = []
    if use_ner:
        ner, blocked = ner_mentions(text)
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or b <= s for a, b in taken)

    ner_spans = {(m.start, m.end) for m in ner}
    # the longer of overlapping mentions wins; a spaCy entity wins a tie
    pool = sorted(ner + gaz, key=lambda m: (-(m.end - m.start), m.source != "ner", m.start))
    for m in pool:
        if not free(m.start, m.end):
            continue
        if m.source == "gazetteer" and (m.start, m.end) not in ner_spans and _inside_name(m, blocked, index):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    for m in demonym_mentions(text, index):
        if free(m.start, m.end):
            chosen.append(m)
            taken.append((m.start, m.end))
    chosen.sort(key=lambda m: m.start)
    return chosen


def _inside_name(m: Mention, blocked: list[tuple[int, int, str]], index: GeoIndex) -> bool:
    """Part of a person's or organisation's name ("Vladimir Kara-Murza", "Law of Armed Conflict")."""
    for s, e, label in blocked:
        if s < m.end and m.start < e:
            if (s, e) == (m.start, m.end) and label in ("ORG", "NORP"):
                # spaCy often calls a country an ORG ("Turkey said"); believe the country
                return not any(x.kind in ("country", "admin1", "continent") for x in index.lookup(m.text))
            return True
    return False
