"""Stage helper: where each event happened.

The events stage asks three things of this module: the place a mention's own sentence gives
(`clause_place`), how two mentions' places combine when they are merged into one record
(`merged_place`), and the article-level fallback for records whose sentences name no place
(`fill_places`, from `focus_place`). Geocoding itself lives in `sitrep.stages.places`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sitrep import lexicon
from sitrep.model import PRECISION_RANK, EventMention, Evidence, Place
from sitrep.resolve.gazetteer import km
from sitrep.stages.claims import _SPEAKER as _SPEAKER_WORD
from sitrep.stages.doc import Doc, PlaceMatch, Sentence, Trigger
from sitrep.stages.places import LOCAL_BODY_AFTER

_OTHER_CLAUSE = re.compile(r"\b(?:as|while|whereas|meanwhile|days after|hours after|a day after)\s+(?!well\b|part\b|a result\b)", re.I)
# "said in Turkey", "speaking in Brussels": where the speaker was, not where the event was
SPEAKER_PLACE = re.compile(
    r"\b(?:" + lexicon.speech_alternation("speaking_at", without=("told",)) + r"|told(?:\s+(?!of\b|that\b|to\b)\w+){0,2}?)\s+(?:on\s+\w+\s+)?(?:in|from|at)\s+(?:the\s+)?$", re.I)

# Acts done by speaking: where they happened is stated ("told a news conference in Geneva") or unknown;
# the article's main place is where the fighting was, not where a minister spoke.
STATEMENTS = {"ACCUSE", "AGREE", "CONSULT", "REJECT", "REQUEST", "SANCTION", "SUPPORT", "THREATEN", "COOPERATE"}
_LOCATED_AT = re.compile(r"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$", re.I)
# where a statement was made: "told a news conference in Geneva", "said in Moscow", "at talks in Astana"
_SAID_AT = re.compile(r"\b(?:" + lexicon.speech_alternation("speaking_at") + r"|conference|meeting|talks|summit|visit|"
                      r"statement|interview|briefing)\b[^.;]{0,30}?\b(?:in|at|from)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$", re.I)
# "visiting Daraya", "on a visit to Kagara", "toured the town of Sarmin": where a speaker went
_VISIT_TO = re.compile(r"\b(?:visit(?:ed|ing|s)?|tour(?:ed|ing|s)?|(?:visit|trip|tour)\s+to)\s+(?:the\s+)?"
                       r"(?:(?:town|city|village|camp|site|province|region)\s+of\s+)?$", re.I)
# "when he visited the school", "during a visit to the scene": the site of the story's own incident
_VISIT_SCENE = re.compile(r"\b(?:visit(?:ed|ing|s)?|tour(?:ed|ing|s)?|(?:visit|trip|tour)\s+to)\s+the\s+"
                          r"(?:scene|site|school|village|town|camp|hospital|market|area)\b", re.I)
# "(banned in Russia)", "(designated in the US)": an aside in brackets says nothing of where the act was
_ASIDE = re.compile(r"\([^()]{0,35}$")
# "Catherine Wen of Kenya", "Johnny Lee Bryant Jr. of Hilton Head": where a person comes from (not
# "the Old City of Aleppo", "the Province of Idlib")
_ORIGIN_BEFORE = re.compile(r"\b(?!(?:City|Town|Province|Governorate|County|State|District|Region|Republic|Kingdom|"
                            r"Emirate|Municipality|Village|Port|Gulf|Bay|Island|Islands|Isle|Strait|Sea|Lake|River|"
                            r"Mount|Valley|Plain|Desert|Coast|Ministry|Department|Council|Court)\b)"
                            r"(?:[A-Z][a-z]+|Jr\.|Sr\.)\s+(?:of|from)\s+$")
# "arresting Jane Roe from Kano", "abducted Ali Musa from Gusau": the person the act's verb took, and the
# place it took them from (not where they come from, as in "Jane Roe of Kano")
_TAKEN_FROM = re.compile(r"\s+(?:[A-Z][\w'’\-]+\s+){1,3}from\s+")
# "four wounded were taken to hospitals in Hatay province": where the victims were treated, not where
# they were hurt (not "shelled a hospital in Idlib": the hospital hit is the act's place)
_TREATED_IN = re.compile(r"\b(?:brought|taken|rushed|transferred|evacuated|admitted|airlifted)\s+(?:to|in|at|into)\s+"
                         r"(?:(?:a|the|two|several|local)\s+)?(?:[\w\-]+\s+)?(?:hospitals?|clinics?|infirmar(?:y|ies))\s+"
                         r"(?:in|at|near)\s+(?:the\s+)?(?:[\w\-'’]+\s+){0,2}$", re.I)
# "their Ohio-based church", "a group operating in Iraq and Syria": where a body is based or works, not
# where the act was
_BASED_AFTER = re.compile(r"^-based\b", re.I)
_BASED_BEFORE = re.compile(r"\b(?:based|headquartered|operating|active)\s+in\s+(?:the\s+)?$", re.I)
# "a town on the border with Iraq", "a village bordering Lebanon": the country over the border, not where
# the act was (the place lies on this side of it)
_BORDER_WITH = re.compile(r"\b(?:borders?\s+with|frontier\s+with|bordering)\s+(?:the\s+)?$", re.I)
# the act's verb and then where: "arrested in Illinois", "shelled near the town of"
_ATTACHED = re.compile(r"^\w*\s+(?:\w+\s+){0,2}?(?:in|near|at|outside|inside|on)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$")
# "in northwestern Bosnia", "near the border": a place the sentence puts the act in
_IN_BEFORE = re.compile(r"\b(?:in|near|at|outside|inside|across|around|into|throughout)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}$", re.I)
_COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+$", re.I)
_RELATIVE_BEFORE = re.compile(r"\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|"
                              r"km\s+(?:from|of)|kilometres\s+(?:from|of)|miles\s+(?:from|of)|outskirts\s+of)\s+(?:the\s+)?$", re.I)
_PAST_AFTER = re.compile(r"^\s+(?:last|earlier this|in previous|in past)\s+(?:year|month|years|months|summer|winter|spring|autumn)\b", re.I)
# in the act's own sentence "detained at the airport last month" dates this act: only a place of a
# year or a season ago ("used the same weapons in Aleppo last year") is another, older one
_OLDER_AFTER = re.compile(r"^\s+(?:last|earlier this|in previous|in past)\s+(?:year|years|months|summer|winter|spring|autumn)\b", re.I)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|at|on|outside|of|into|inside|around|from|town|city|village|district|neighbourhood|province)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}$")


# "protests continued across Egypt", "throughout the state": the act spread over the whole area
_SPREAD_BEFORE = re.compile(r"\b(?:across|throughout|all over|nationwide in)\s+(?:the\s+)?$", re.I)
# "raids in north and east Syria", "in northern and central Iraq": two parts of the area named together
# are no one front in it, so the act is spread over the area as with "across"
_COMPASS = r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
_PARTS_BEFORE = re.compile(rf"\b{_COMPASS}(?:\s*,\s*{_COMPASS})*,?\s+(?:and|or)\s+{_COMPASS}\s+$", re.I)
_SPREAD = re.compile(rf"(?:across|throughout|all over|nationwide in)\s|{_COMPASS}(?:\s*,\s*{_COMPASS})*,?\s+(?:and|or)\s", re.I)


def clause_place(doc: Doc, sentence: Sentence, trigger: Trigger,
                 claim_spans: list[tuple[int, int]], etype: str) -> PlaceMatch | None:
    """The place the mention's own sentence gives for the act, or None."""
    if etype in STATEMENTS and doc.extra.get("world_places"):
        own = doc.in_sentence(doc.places, sentence)
        starts = dateline_starts(doc)
        filed = [p for p in own if p.start in starts]
        if filed and all(p.start <= filed[-1].start for p in own):
            # "(Tunis, December 28, 2019) – Moroccan authorities should release ..., Human Rights Watch
            # said": a statement in the dateline's own sentence that names no other place after it was
            # made where the report was filed (a photo caption's "Omar Radi in Casablanca" run into
            # that sentence before the dateline is not where)
            return filed[0]
    place = _pick_place(doc, sentence, trigger, claim_spans, keep_dateline=etype in STATEMENTS)
    words = doc.text[max(sentence.start, place.start - 40):place.start] if place is not None else ""
    found = _SPREAD_BEFORE.search(words) or _PARTS_BEFORE.search(words)
    if place is not None and place.place.precision in ("country", "admin1", "region") and found:
        # the area is the place: a town another sentence names is one of many, not where it all was
        spread = words[found.start():]
        place = PlaceMatch(place.start, place.end, place.text,
                           replace(place.place, text=spread + (place.place.text or place.text)), place.score)
    if place is not None and etype in STATEMENTS and not _LOCATED_AT.search(
            doc.text[max(sentence.start, place.start - 25):place.start]):
        place = None  # "called on Russia", "accused Damascus": the addressee, not where it was said
    if place is not None and etype in STATEMENTS and not doc.extra.get("world_places") \
            and not _SAID_AT.search(doc.text[max(sentence.start, place.start - 60):place.start]):
        # in the conflict region a statement's place is what it is about ("condemned the crimes in
        # Idlib", "called for a truce in Aleppo"), said in a capital or a base elsewhere
        place = None
    if place is None and etype in STATEMENTS:
        # "Assad, visiting Daraya, pledged victory": a statement made on a visit was made where the visit was
        place = next((p for p in doc.in_sentence(doc.places, sentence) if p.place.precision != "country"
                      and _VISIT_TO.search(doc.text[max(sentence.start, p.start - 30):p.start])
                      and not any(s <= p.start < e for s, e in claim_spans)), None)
    return place


def _pick_place(doc: Doc, sentence: Sentence, trigger: Trigger,
                claim_spans: list[tuple[int, int]], keep_dateline: bool = True) -> PlaceMatch | None:
    # a place inside "according to the ministry in Moscow" locates the claimant, not the event
    # nor does "said in Turkey" or "speaking in Brussels": that is where the speaker was
    datelines = frozenset() if keep_dateline else dateline_starts(doc)
    candidates = [p for p in doc.in_sentence(doc.places, sentence)
                  if not any(s <= p.start < e and not _speaker_after(doc, p, s, e) for s, e in claim_spans)
                  and not _ASIDE.search(doc.text[max(sentence.start, p.start - 40):p.start])
                  and not (_ORIGIN_BEFORE.search(doc.text[max(sentence.start, p.start - 40):p.start])
                           and not _TAKEN_FROM.fullmatch(doc.text, trigger.end, p.start))
                  and not SPEAKER_PLACE.search(doc.text[max(sentence.start, p.start - 40):p.start])
                  and not _BASED_AFTER.match(doc.text[p.end:p.end + 8])
                  and not _BASED_BEFORE.search(doc.text[max(sentence.start, p.start - 30):p.start])
                  and not _TREATED_IN.search(doc.text[max(sentence.start, p.start - 80):p.start])
                  and not _OLDER_AFTER.match(doc.text[p.end:p.end + 30])
                  and not (p.place.precision == "country"
                           and _BORDER_WITH.search(doc.text[max(sentence.start, p.start - 30):p.start]))]
    if datelines and any(p.start not in datelines and _IN_BEFORE.search(
            doc.text[max(sentence.start, p.start - 40):p.start]) for p in candidates):
        # "SARAJEVO (Reuters) - Bosnian police detained ... in northwestern Bosnia": the dateline is
        # where the report was filed; it stands for the act only when the sentence names no other place
        candidates = [p for p in candidates if p.start not in datelines]
    places = [p for p in candidates if p.place.precision != "country"]
    if not places:
        return candidates[0] if candidates else None
    area = _area_of_list(places)
    if area is not None:
        return area

    counts: dict[str | None, int] = {}
    for p in doc.places:
        counts[p.place.country] = counts.get(p.place.country, 0) + 1
    home = max(counts, key=lambda cc: counts[cc])

    def other(p: PlaceMatch) -> bool:
        # "killed 43 people on Saturday as fighters advanced towards Raqqa": another clause's place
        return p.start > trigger.end and bool(_OTHER_CLAUSE.search(doc.text[trigger.end:p.start]))

    def key(p: PlaceMatch) -> tuple:
        before = doc.text[max(sentence.start, p.start - 40):p.start].lower()
        locative = bool(_LOCATIVE_BEFORE.search(before))
        other_clause = other(p)
        # "a market in Idlib province's Maaret al-Numan", "activists in rural Idlib said ... the town
        # of Sarmin": the province, or its namesake city, names the area; the town is where it was
        # (a finer place of another clause does not make this one broad)
        broad = any(finer(o.place, p.place) for o in places if o is not p and (other_clause or not other(o)))
        # "Marjah" read as a town of another country, beside the article's own towns
        foreign = p.place.country != home and any(o.place.country == home for o in places)
        # "a fugitive wanted for killing an agent in Minneapolis has been arrested in Illinois": the place
        # the act's own words lead to
        attached = p.start > trigger.end and bool(_ATTACHED.match(doc.text[trigger.end:p.start]))
        return (other_clause, foreign, broad, not attached, 0 if locative else 1,
                PRECISION_RANK.get(p.place.precision, 5), abs(p.start - trigger.start))

    return min(places, key=key)




def _speaker_after(doc: Doc, p: PlaceMatch, start: int, end: int) -> bool:
    """Whether the speaker of a claim span ``start``-``end`` holding ``p`` is named after the place, the
    place put where the act was: comma-less text "killed eight civilians in the city of Tabqa west of
    Raqqa local media reported" (not "the ministry in Moscow said", "the Idlib Media Center said")."""
    return bool(_LOCATIVE_BEFORE.search(doc.text[max(start, p.start - 40):p.start])
                and _SPEAKER_WORD.search(doc.text[p.end:end]))


# a sentence listing this many towns of one province tells of the province, not of one of them
LIST_TOWNS = 3


def _area_of_list(places: list[PlaceMatch]) -> PlaceMatch | None:
    """"airstrikes on the towns of Kafr Takharim, Kafranbil, Khan al-Subul and Saraqeb in rural Idlib":
    the province (or the city it is named after) the sentence names beside them."""
    towns = [p for p in places if p.place.precision in ("city", "point") and not _is_seat(p.place)]
    admin1 = {p.place.admin1 for p in towns}
    if len({p.place.name for p in towns}) < LIST_TOWNS or len(admin1) != 1 or None in admin1:
        return None
    return next((p for p in places if p.place.admin1 in admin1
                 and (p.place.precision == "admin1" or _is_seat(p.place))), None)


def _fold(name: str | None) -> str:
    return re.sub(r"[^a-z]", "", (name or "").lower().replace("al-", "").replace("ar-", ""))


def _is_seat(p: Place) -> bool:
    """A city named like its province ("Idlib", "Aleppo", "Hama"): the name often means the province."""
    return p.precision == "city" and bool(p.admin1) and _fold(p.name)[:4] == _fold(p.admin1)[:4]


def finer(a: Place, b: Place) -> bool:
    """Whether `a` locates the event more finely than `b`: a point beats the city it is in, and a
    town of a province beats the province's namesake city ("Maaret al-Numan" over "Idlib")."""
    if a.country != b.country or _within_province(b, a):
        return False
    order = {"point": 0, "city": 1, "road": 1, "water": 1, "region": 2, "admin1": 3, "country": 4}
    if a.precision == "point" and b.precision == "city" and _fold(a.name) != _fold(b.name) and not (
            None not in (a.lat, a.lon, b.lat, b.lon) and km((a.lat, a.lon), (b.lat, b.lon)) <= NEAR_KM):
        return _within_province(a, b)  # a village away from a town (or of unknown point) is another place, not in it
    if order.get(a.precision, 5) < order.get(b.precision, 5) and (b.admin1 is None or a.admin1 == b.admin1):
        return True
    return _within_province(a, b)


def _within_province(a: Place, b: Place) -> bool:
    """`a` is a town or named area ("Maaret al-Numan", "Jabal al-Turkman") of the province whose
    namesake city `b` is ("Idlib", "Latakia"): the name `b` likely stands for the province."""
    return (a.precision in ("city", "point", "region") and _is_seat(b) and not _is_seat(a) and a.admin1 == b.admin1
            and _fold(a.name) != _fold(b.name))


# two places this close may be one incident's, whatever divisions they fall in (a suburb of a capital
# lies in the governorate around it): the radius within which the record gold accepts a place
NEAR_KM = 25.0


def places_compatible(la: Place, lb: Place) -> bool:
    """Whether two mentions' places allow them to be one incident: the same place or area, one
    holding the other, or two places a few kilometres apart."""
    if la.name == lb.name:
        return True
    if la.admin1 and la.admin1 == lb.admin1 and not _two_settlements(la, lb):
        return True
    if None not in (la.lat, la.lon, lb.lat, lb.lon) and la.precision not in ("country", "admin1") \
            and lb.precision not in ("country", "admin1") and km((la.lat, la.lon), (lb.lat, lb.lon)) <= NEAR_KM:
        return True
    nested = la.precision in ("admin1", "country", "region") or lb.precision in ("admin1", "country", "region")
    other_admin = bool(la.admin1 and lb.admin1 and la.admin1 != lb.admin1)  # Eastern Ghouta is not in Aleppo
    return nested and la.country == lb.country and not other_admin


def _two_settlements(a: Place, b: Place) -> bool:
    """A village the gazetteer lacks (the text's name and division, no point) and another town or
    village of its province by another name, neither in the other: two places, not one."""
    return (a.lat is None or b.lat is None) and a.precision in ("city", "point") and b.precision in ("city", "point") \
        and _fold(a.name) != _fold(b.name) and not (finer(a, b) or finer(b, a))


def merged_place(current: Place | None, new: Place | None) -> Place | None:
    """The place of a record when another mention of the same incident is merged into it."""
    if current is not None and _SPREAD.match(current.text or ""):
        return current  # "across Egypt": the whole area, not the one town another sentence names
    if current is None or (new is not None and finer(new, current)):
        return new or current
    return current


def _datelines(doc: Doc) -> list[PlaceMatch]:
    """The dateline's places: its town and the division or country qualifying it ("CORPUS CHRISTI, Texas —")
    (kept on the document once found)."""
    found = doc.extra.get("dateline_places")
    if found is None:
        found = doc.extra["dateline_places"] = _find_datelines(doc)
    return found


def _find_datelines(doc: Doc) -> list[PlaceMatch]:
    # a dateline whose first words are no town the place stage knows is a heading ("MISSING MAN: ...")
    # (a byline's place is the whole name closing it: "By Jane Doe, Washington Post" names a paper, not Washington)
    towns = {p.start for p in doc.places}
    return [p for p in doc.places if doc.opens_dateline_place(p.start)
            and (found := doc.dateline_at(p.start)) is not None and found.parts[0][0] in towns
            and (not found.byline or p.end == found.parts[0][1])]


def _byline_starts(doc: Doc) -> frozenset[int]:
    """Where the places of a byline ("By Jane Doe, Kano") start."""
    return frozenset(p.start for p in _datelines(doc) if (found := doc.dateline_at(p.start)) is not None and found.byline)


def dateline_starts(doc: Doc) -> frozenset[int]:
    """Where the dateline's place words start."""
    return frozenset(p.start for p in _datelines(doc))


def dateline_place(doc: Doc) -> Place | None:
    """The place of the article's dateline, when it has one the place stage kept."""
    found = _datelines(doc)
    return found[0].place if found else None


# "The blast took place in al-Mashi", "the attacks had occurred in the city of Manbij", "the strikes hit the
# village of Kafr Nabl": a sentence that places an incident already told, by a definite word for it
_PLACED_AGAIN = re.compile(
    r"\b(?:the|this|that|these|those|both)\s+(?:[\w\-]+\s+){0,2}?(?:attacks?|blasts?|explosions?|(?:air\s?)?strikes?|airstrikes?|"
    r"raids?|bombings?|shelling|assaults?|ambush(?:es)?|incidents?|killings?|kidnappings?|abductions?|clashes|fighting)\s+"
    r"(?:had\s+|has\s+|have\s+|reportedly\s+)?(?:(?:took\s+place|occurred|happened|was\s+carried\s+out|were\s+carried\s+out)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:in|at|near|inside|outside)\s|(?:hit|struck|targeted)\s)", re.I)
# sentences after an incident's last telling within which such a sentence still speaks of it
PLACED_AGAIN_REACH = 2


def place_told_again(doc: Doc) -> None:
    """A current violent record takes the place a later sentence gives it by a definite reference
    ("... killed 10 in a village in northern Syria. The blast took place in al-Mashi, near Manbij"),
    when that place is finer than the record's own and compatible with it."""
    violent = [m for m in doc.mentions if m.type in ("ASSAULT", "COERCE") and not m.historical and m.sentences]
    for sentence in doc.sentences:
        found = _PLACED_AGAIN.search(sentence.text)
        if found is None:
            continue
        after = sentence.start + found.end()
        told = [m for m in violent if min(m.sentences) < sentence.index
                and sentence.index - max(i for i in m.sentences if i <= sentence.index) <= PLACED_AGAIN_REACH]
        if not told:
            continue
        # the incident told last before it, and the first place named after the words (in the
        # incident's country: a village the gazetteer knows only abroad is not it)
        m = max(told, key=lambda m: max(i for i in m.sentences if i <= sentence.index))
        country = m.location.country if m.location is not None else None
        new = next((p.place for p in doc.in_sentence(doc.places, sentence) if p.start >= after - 1
                    and p.place.precision != "country" and country in (None, p.place.country)), None)
        if new is None:
            continue
        if m.location is None or (m.location.precision == "country" and m.location.country == new.country) \
                or (places_compatible(m.location, new) and finer(new, m.location)):
            m.location = new


@lru_cache(maxsize=1)
def _site_of() -> re.Pattern:
    """"... not far from Khan Sheikhoun, the site of Tuesday's alleged attack": the place named just
    before is where the story's incident happened (not "the site of a deadly attack in April": that
    one is another, earlier incident)."""
    days = lexicon.weekday_alternation()
    months = lexicon.alternation(lexicon.month_words())
    return re.compile(
        rf"^,?\s+(?:which\s+was\s+)?the\s+(?:site|scene)\s+of\s+(?:the|this|today'?s|yesterday'?s|(?:{days})(?:'|’)?s)\s+"
        r"(?:[\w\-]+\s+){0,3}?(?:attacks?|(?:air\s?)?strikes?|airstrikes?|bombings?|blasts?|explosions?|massacre|"
        rf"shelling|raids?|ambush)\b(?!\s+(?:in|on|of|last)\s+(?:{months}|{days}|\d|last|early|late)\b)", re.I)


def place_of_the_site(doc: Doc) -> None:
    """The story's first current violent record takes the place an apposition calls the incident's
    site, when that place is finer than its own and compatible with it."""
    pattern = _site_of()
    violent = [m for m in doc.mentions if m.type in ("ASSAULT", "COERCE") and not m.historical and m.sentences]
    if not violent:
        return
    for p in doc.places:
        if p.place.precision not in ("city", "point") or not pattern.match(doc.text[p.end:p.end + 160]):
            continue
        m = min(violent, key=lambda m: min(m.sentences))
        if m.location is None or (m.location.precision in ("country", "admin1", "region")
                                  and m.location.country == p.place.country and places_compatible(m.location, p.place)) \
                or (places_compatible(m.location, p.place) and finer(p.place, m.location)):
            m.location = p.place
        return


# "shelling on the nearby town of Salamiyeh": "nearby" is said from where the story's incident was
_NEARBY_TOWN = re.compile(r"\b(?:the\s+)?nearby\s+(?:town|village|city)\s+of\s+$", re.I)


def place_of_the_nearby_town(doc: Doc) -> None:
    """The story's first current violent record, placed no finer than a province, takes the town the
    text calls "the nearby town of ...", when it lies in that province (or country): the incident
    was near it, which a province's centre is not."""
    violent = [m for m in doc.mentions if m.type in ("ASSAULT", "COERCE") and not m.historical and m.sentences]
    if not violent:
        return
    m = min(violent, key=lambda m: min(m.sentences))
    loc = m.location
    if loc is None or loc.precision not in ("country", "admin1", "region") or _SPREAD.match(loc.text or ""):
        return
    for p in doc.places:
        if p.place.precision not in ("city", "point") or p.place.lat is None \
                or not _NEARBY_TOWN.search(doc.text[max(0, p.start - 30):p.start]):
            continue
        if p.place.country == loc.country and (loc.precision == "country" or p.place.admin1 == loc.admin1):
            m.location = p.place
        return


def fill_places(doc: Doc) -> None:
    """Records whose sentences name no place take the article's main place; statements take the
    dateline's place (where the report, and so the statement, was made), or stay without one."""
    place_told_again(doc)
    place_of_the_site(doc)
    place_of_the_nearby_town(doc)
    dateline = filed = dateline_place(doc)
    # world news: an act whose sentences name no place is placed in the article's country (a town
    # named elsewhere in the article is often not where this act was); the conflict region's
    # articles are about one front, and their focus town is the better guess
    world = bool(doc.extra.get("world_places"))
    country = main_country(doc) if world else None
    if world and dateline is not None and country is not None and dateline.country != country.country:
        # "(Beirut) – Iranian authorities have detained ...": a watchdog's regional office, not the story's place
        dateline = None
    # (a byline's town is where the correspondent is based, often the state's capital, not the story's
    # place: it does not count towards the focus)
    focus = focus_place(doc, skip=(dateline_starts(doc) if world and dateline is None else frozenset()) | _byline_starts(doc))
    for m in doc.mentions:
        if m.location is not None or m.historical:
            continue
        if m.type in STATEMENTS:
            if _addressed_to_a_place(doc, m):
                continue  # "called on Beijing to release ...": said elsewhere, by whoever called
            visited = _visit_told_before(doc, m)
            if visited is not None:
                m.location = visited  # "Assad's visit to Daraya was his first trip in a year. Assad pledged victory"
                continue
            # in the conflict region a statement comes from a capital or a base far from the fighting;
            # a watchdog's own statement in its report was made where the report was filed, even abroad
            # ("(Beirut) – Iranian authorities have detained ... The authorities should release them")
            watchdog = m.actor1 is not None and m.actor1.kind in _WATCHDOGS
            if watchdog and _credited(doc):
                # "HAVANA (Reuters) - ... Amnesty International said": an agency filed the report, and the
                # watchdog it quotes spoke from wherever it is, not from the agency's town
                m.location = _statement_place(m, None, focus if world else None)
                continue
            m.location = _statement_place(m, filed if watchdog else dateline, focus if world else None)
            if m.location is None and m.evidence is not None and _VISIT_SCENE.search(m.evidence.text):
                m.location = _scene(doc) or focus  # "When he visited the school, the governor said ..."
        else:
            m.location = _town_told_before(doc, m) or (country if world and country is not None else focus)
    if not world and focus is not None:
        for m in doc.mentions:
            # "killed in eastern Syria" in a story about one front: the front's place says more
            if m.location is not None and m.location.precision == "country" and not m.historical \
                    and m.type not in STATEMENTS and m.location.country == focus.country \
                    and not _SPREAD.match(m.location.text or ""):
                m.location = focus
    for m in doc.mentions:
        abroad = _embassy_state(m)
        if abroad is not None and m.location is not None and m.location.country == abroad and not m.historical:
            # "a protest outside the Iranian embassy": an embassy stands abroad, so the act was not in Iran
            # but where the story's other places are
            m.location = focus_place(doc, skip=frozenset(p.start for p in doc.places if p.place.country == abroad))
    if world:
        _country_acts_in_the_town(doc, country, _only_towns(doc))


VISIT_REACH = 3  # sentences before a statement in which its speaker's visit may be told


def _visit_told_before(doc: Doc, m: EventMention) -> Place | None:
    """Where the speaker of a statement whose sentence names no place was visiting, when one of the few
    sentences just before it, in its paragraph, tells that speaker's visit ("Assad's visit to Daraya is his
    first trip outside the capital in a year. Assad pledged victory"): the statement was made there."""
    ev = m.actor1.evidence if m.actor1 is not None else None
    names = re.findall(r"[A-Z][\w\-]{2,}", ev.text) if ev is not None and ev.field == "text" else []
    if not names or not m.sentences:
        return None
    speaker = re.compile(r"\b" + re.escape(names[-1]))  # the surname ("Assad's", "Assads")
    first = min(m.sentences)
    paragraph = doc.sentences[first].paragraph
    for sentence in reversed(doc.sentences[max(0, first - VISIT_REACH):first]):
        if sentence.paragraph != paragraph:
            break
        if not speaker.search(sentence.text):
            continue
        place = next((p.place for p in doc.in_sentence(doc.places, sentence) if p.place.precision != "country"
                      and _VISIT_TO.search(doc.text[max(sentence.start, p.start - 30):p.start])), None)
        if place is not None:
            return place
    return None


def _country_acts_in_the_town(doc: Doc, country: Place | None, towns: dict[str, Place]) -> None:
    for m in doc.mentions:
        # "kidnapped in Haiti" in an article whose one Haitian town is Port-au-Prince: the act was there
        # (only in the story's own country: "two were charged in Britain" in a story set in Greece stays so)
        if m.location is not None and m.location.precision == "country" and not m.historical \
                and m.type not in STATEMENTS and m.location.country in towns \
                and (country is None or m.location.country == country.country) \
                and not _part_of_country(doc, m.location):
            m.location = towns[m.location.country]


# "Terrorists also targeted the town with mortar shells": the town the text has just named
_THE_TOWN = re.compile(r"\b[Tt]he\s+(?:town|village|hamlet)\b(?!\s+(?:of|council|hall|centre|center)\b)(?!\s+[A-Z])")
# how far before the act's telling that town may be named
TOWN_TOLD_REACH = 300


def _town_told_before(doc: Doc, m: EventMention) -> Place | None:
    """The town or village named last before an act told of "the town" (its sentence names no place)."""
    ev = m.evidence
    if ev is None or ev.field != "text" or not _THE_TOWN.search(ev.text):
        return None
    towns = [p for p in doc.places if p.end <= ev.start and ev.start - p.end <= TOWN_TOLD_REACH
             and p.place.precision in ("city", "point")]
    return towns[-1].place if towns else None


def _scene(doc: Doc) -> Place | None:
    """Where the story's first current attack or arrest happened, when the text places it finer than a country."""
    return next((m.location for m in doc.mentions if m.type in ("ASSAULT", "COERCE") and not m.historical
                 and m.location is not None and m.location.precision != "country"), None)


def doer_places(doc: Doc) -> None:
    """Where the doer puts an act placed no finer than a country (run once the records' doers are
    known): a state's act at "its embassy" abroad is in the host country's capital ("Canada said it
    was pulling staff from its embassy" in a story set in Haiti); in world news, an act whose doer
    is a local body named by its town ("the ruling from a Paris criminal court", "Lagos police
    arrested ...") was done there."""
    for m in doc.mentions:
        host = _host_capital(m)
        if host is not None and not m.historical:
            m.location = host
    if not doc.extra.get("world_places"):
        return
    for m in doc.mentions:
        national = _filed_country_named(doc, m)
        if national is not None:
            m.location = national
    # a country-level act in a story whose towns of that country are all one spot (a suburb and its city)
    # was there, as with one town (after weighing, like the doer's seat below)
    _country_acts_in_the_town(doc, main_country(doc), _only_towns(doc, one_spot=True))
    for m in doc.mentions:
        seat = _seat_of(doc, m.actor1)
        if seat is not None and not m.historical and m.type not in STATEMENTS and (
                m.location is None or (m.location.precision == "country" and m.location.country == seat.country)):
            m.location = seat


def _filed_country_named(doc: Doc, m: EventMention) -> Place | None:
    """The country, for an act placed at the dateline's town whose sentence names that country by its
    name: "RIYADH — Saudi Arabia said it had executed 81 people" tells of a national act, and the
    filing town is only where the report was written (a statement keeps the dateline: it was made there)."""
    loc = m.location
    ev = loc.evidence if loc is not None else None
    if m.historical or m.type in STATEMENTS or ev is None or ev.field != "text" or not loc.country:
        return None
    datelines = dateline_starts(doc)
    sentence = next((s for s in doc.sentences if s.start <= ev.start < s.end), None)
    if ev.start not in datelines or sentence is None:
        return None
    # (not the country's name as part of another name, "U.S. Marshals Service", "(Taiwan News)")
    named = any(c.iso2 == loc.country and c.how == "name" and sentence.start <= c.start < sentence.end
                and c.start not in datelines and not _NAME_GOES_ON.match(doc.text[c.end:c.end + 3])
                and not _ASIDE.search(doc.text[max(sentence.start, c.start - 40):c.start])
                for c in doc.extra.get("country_mentions", ()))
    if not named:
        return None
    country = main_country(doc)
    return country if country is not None and country.country == loc.country else _named_country(doc, loc.country)


# the next word goes on with a name: "U.S. Marshals", "Taiwan News"
_NAME_GOES_ON = re.compile(r"[\s\-]+[A-Z0-9]|\)")


def _seat_of(doc: Doc, actor) -> Place | None:  # noqa: ANN001 - an Actor or None
    """The town a local body is named by ("a Paris criminal court": Paris), when its words hold one."""
    ev = actor.evidence if actor is not None else None
    if ev is None or ev.field != "text":
        return None
    return next((p.place for p in doc.in_span(doc.places, ev.start, ev.end)
                 if p.place.precision == "city" and LOCAL_BODY_AFTER.match(doc.text[p.end:p.end + 40])), None)


_OWN_EMBASSY = re.compile(r"\b(?:its|their|the country's|the country’s)\s+(?:embassy|embassies)\b(?!\s+(?:in|to|at)\b)", re.I)


def _host_capital(m: EventMention) -> Place | None:
    """The capital of the country a foreign state's act at "its embassy" is placed in, when the act is
    placed no finer than that country."""
    loc, actor = m.location, m.actor1
    text = m.evidence.text if m.evidence is not None else ""
    if loc is None or loc.precision != "country" or actor is None or not actor.country \
            or actor.country == loc.country or not _OWN_EMBASSY.search(text):
        return None
    capital = _capitals().get(loc.country or "")
    if capital is None:
        return None
    return Place(name=capital.name, country=capital.country, lat=round(capital.lat, 5), lon=round(capital.lon, 5),
                 geonameid=capital.geonameid, precision="city", text=loc.text, evidence=loc.evidence)


@lru_cache(maxsize=1)
def _capitals() -> dict:
    """ISO country code -> the world index's entry for its capital."""
    from sitrep.geo.gazetteer import geo_index

    return {e.country: e for e in geo_index().entries if e.fcode == "PPLC" and e.country}


_EMBASSY = re.compile(r"\s+(?:outside|at|in front of|near|before|on)\s+(?:the\s+)?([A-Z][a-z]+)\s+(?:embassy|consulate)\b")


def _embassy_state(m: EventMention) -> str | None:
    """The state whose embassy the act's own words put it at ("staging a protest outside the Iranian
    embassy": IR), or None."""
    text = m.evidence.text if m.evidence is not None else ""
    if not m.trigger:
        return None
    for found in re.finditer(re.escape(m.trigger) + r"\w*" + _EMBASSY.pattern, text):
        state = lexicon.demonym_lookup().get(found.group(1).lower())
        if state:
            return state
    return None


# "the Chinese embassy in Kigali", "its consulate in Erbil": where a foreign state's mission stands
_MISSION_IN = re.compile(r"\b(?:embassy|embassies|consulate|consulates|high commission)\s+(?:in|at)\s+(?:the\s+)?$", re.I)


def _part_of_country(doc: Doc, place: Place) -> bool:
    """"in northern Greece": the text names a part of the country, not a town of it ("across Egypt": all of it)."""
    ev = place.evidence
    if ev is None or ev.field != "text":
        return False
    before = doc.text[max(0, ev.start - 20):ev.start]
    return bool(_COMPASS_BEFORE.search(before) or _SPREAD_BEFORE.search(before))


def _only_towns(doc: Doc, one_spot: bool = False) -> dict[str, Place]:
    """Country -> its one town named in the article (outside the dateline), for countries with exactly one."""
    datelines = dateline_starts(doc)
    # sentences that tell only of the past ("she was arrested at Tehran's airport in 2016"): their towns
    # were where older acts were
    past = {i for m in doc.mentions if m.historical for i in m.sentences} \
        - {i for m in doc.mentions if not m.historical for i in m.sentences}
    past_spans = [(doc.sentences[i].start, doc.sentences[i].end) for i in past if i < len(doc.sentences)]
    seen: dict[str, dict[str, Place]] = {}
    for p in doc.places:
        before = doc.text[max(0, p.start - 30):p.start]
        if _RELATIVE_BEFORE.search(before) or _BASED_BEFORE.search(before) or _MISSION_IN.search(before):
            # "Titanyen, north of Port-au-Prince", "their union, based in Mombasa", "the Chinese embassy
            # in Kigali": not where acts were
            continue
        if any(s <= p.start < e for s, e in past_spans):
            continue
        if p.place.country and p.place.precision in ("city", "point") and p.start not in datelines:
            seen.setdefault(p.place.country, {}).setdefault(p.place.name, p.place)
    # (``one_spot``: "Southport, Gold Coast", a suburb and its city a few kilometres apart, are one place,
    # the first named)
    found = {cc: list(names.values()) for cc, names in seen.items()}
    return {cc: towns[0] for cc, towns in found.items()
            if len(towns) == 1 or one_spot and all(_same_spot(towns[0], other) for other in towns)}


def _same_spot(a: Place, b: Place) -> bool:
    """Whether two towns are one place for the record: the same, or both located within NEAR_KM."""
    return a is b or (None not in (a.lat, a.lon, b.lat, b.lon) and km((a.lat, a.lon), (b.lat, b.lon)) <= NEAR_KM)


def main_country(doc: Doc) -> Place | None:
    """The country the article is about, as a country-level place: the one its places lie in and its
    names, demonyms and actors point to ("Hong Kong police", "Saudi Arabia said"). None when the
    text never names that country as a place (local news names its town, not its country)."""
    counts: dict[str, float] = {cc: float(w) for cc, w in doc.countries.items()}
    for p in doc.places:
        if p.place.country:
            counts[p.place.country] = counts.get(p.place.country, 0.0) + 1.0
    if not counts:
        return None
    best = max(counts, key=lambda cc: counts[cc])
    found = next((p.place for p in doc.places if p.place.country == best and p.place.precision == "country"), None)
    if found is None and not any(p.place.country == best and p.start not in dateline_starts(doc) for p in doc.places):
        # "Saudi Arabia's ruler", "Saudi Arabia said it had executed": the text names the country by its name,
        # only never as a place (but as the doer or a possessor), and names no town of it beyond the dateline;
        # it is still where the story is (local news naming its towns is about them, not its country)
        return _named_country(doc, best)
    return found


def _named_country(doc: Doc, iso: str) -> Place | None:
    """The country ``iso`` as a country-level place at the first mention of it by name, or None."""
    from sitrep.geo.gazetteer import geo_index

    named = next((c for c in doc.extra.get("country_mentions", ()) if c.iso2 == iso and c.how == "name"), None)
    entry = geo_index().country(iso) if named is not None else None
    if entry is None:
        return None
    words = doc.text[named.start:named.end]
    return Place(name=entry.name, country=iso, lat=round(entry.lat, 5), lon=round(entry.lon, 5),
                 geonameid=entry.geonameid, precision="country", text=words,
                 evidence=Evidence(words, named.start, named.end))


# speakers whose statements are made far from the story: watchdogs, agencies, leaders
_FAR_SPEAKERS = frozenset({"monitor", "NGO", "international organisation", "government", "head of state", "ministry", "media"})
_WATCHDOGS = frozenset({"monitor", "NGO"})
_APPEAL = re.compile(r"\b(?:call(?:s|ed|ing)? on|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)? to)\b", re.I)


_ADDRESSEE = re.compile(r"\s+(?:the\s+)?$")


def _addressed_to_a_place(doc: Doc, m: EventMention) -> bool:
    """An appeal to a state or a town's government by its place name ("called on Israel to", "urged Beijing
    to"): the speaker addressed that place from elsewhere, which the sentence does not say."""
    ev = m.evidence
    if ev is None or ev.field != "text":
        return False
    for appeal in _APPEAL.finditer(doc.text, ev.start, ev.end):
        if any(appeal.end() < p.start <= appeal.end() + 5 and _ADDRESSEE.fullmatch(doc.text[appeal.end():p.start])
               for p in doc.places):
            return True
    return False


# a news agency's or outlet's credit after the dateline's place: "HAVANA (Reuters) -", "TAIPEI (Taiwan News) —"
_CREDIT = re.compile(r"^\s*\([A-Z][\w.&' ]{1,40}\)\s*[-–—]")


def _credited(doc: Doc) -> bool:
    """Whether the dateline's place is followed by an agency's credit (the report is that agency's)."""
    found = _datelines(doc)
    return bool(found) and bool(_CREDIT.match(doc.text[found[-1].end:found[-1].end + 50]))


def _statement_place(m: EventMention, dateline: Place | None, focus: Place | None) -> Place | None:
    """A statement whose sentence names no place was made where the report was filed, or, by an
    actor of the article's own country, where the article is; a foreign party's is left unplaced."""
    country = m.actor1.country if m.actor1 is not None else None
    appealing = bool(_APPEAL.search(m.evidence.text if m.evidence else ""))
    far = m.actor1 is not None and m.actor1.kind in _FAR_SPEAKERS
    if dateline is not None and country in (None, dateline.country) and not (far and appealing):
        return dateline  # (a leader's or a watchdog's call on a government was made wherever they were)
    if focus is not None and country is not None and country == focus.country:
        return focus
    if focus is not None and country is None and m.actor1 is not None and not far and not appealing:
        # a local body of no known state (staff, a party, a defence committee) speaks where the story
        # is; a watchdog's or a leader's appeal to a government ("called on Egypt to") comes from afar
        return focus
    return None


def focus_place(doc: Doc, skip: frozenset[int] = frozenset()) -> Place | None:
    """The place the article is about: its first sub-national place, weighted by repetition
    (``skip``: the starts of places not to count, such as a foreign dateline)."""
    counts: dict[str, float] = {}
    first: dict[str, PlaceMatch] = {}
    named: dict[str, dict[str, list[PlaceMatch]]] = {}  # key -> place name -> its mentions
    title = doc.extra.get("title")
    for p in (title.places if title else []):
        if p.place.precision != "country":
            key = p.place.admin1 or p.place.name
            counts[key] = counts.get(key, 0.0) + 3.0
    for p in doc.places:
        if p.place.precision == "country" or _PAST_AFTER.match(doc.text[p.end:p.end + 30]) or p.start in skip:
            continue  # "used the same weapons in Aleppo last year": not where this happened
        key = p.place.admin1 or p.place.name
        counts[key] = counts.get(key, 0.0) + 1.0 + (2.0 if not first else 0.0)  # the lead's place counts more
        first.setdefault(key, p)
        named.setdefault(key, {}).setdefault(p.place.name or "", []).append(p)
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    if best in first:
        # "the Sool region" once, then "police in Las Anod" four times: the town the story keeps naming
        # (a tie goes to a town over its division, "Sool authorities" as often as "in Las Anod"; else
        # to the first named)
        lead = named[best][first[best].place.name or ""]
        mentions = min(named[best].values(), key=lambda ms: (-len(ms), PRECISION_RANK.get(ms[0].place.precision, 5), ms is not lead))
        if len(mentions) == len(lead) and PRECISION_RANK.get(mentions[0].place.precision, 5) >= PRECISION_RANK.get(lead[0].place.precision, 5):
            mentions = lead
        return mentions[0].place
    place = next(p.place for p in title.places if (p.place.admin1 or p.place.name) == best)
    if place.evidence:
        place.evidence.field = "title"
    return place


def division_points(doc: Doc) -> None:
    """A record placed at a village the gazetteer lacks ("shells hit the village of Kafr Dawud in Hama
    countryside": its name and division, no point) takes its division's point, marked with the
    division's precision: where the text lets the act be mapped, as finely as it can be told (run last:
    the records are chosen and merged by the village they name)."""
    for m in doc.mentions:
        loc = m.location
        if loc is None or loc.lat is not None or loc.precision not in ("city", "point") or not loc.admin1:
            continue
        division = _division_point(doc, loc.country, loc.admin1)
        if division is not None:
            m.location = replace(loc, lat=division[0], lon=division[1], precision="admin1")


def _division_point(doc: Doc, country: str | None, admin1: str) -> tuple[float, float] | None:
    """The point of the first-level division ``admin1`` of ``country``: from the text's own mention of
    it, else from the gazetteers."""
    found = next((p.place for p in doc.places if p.place.precision == "admin1" and p.place.country == country
                  and admin1 in (p.place.name, p.place.admin1) and p.place.lat is not None), None)
    if found is not None:
        return found.lat, found.lon
    from sitrep.geo.gazetteer import geo_index
    from sitrep.resolve.gazetteer import gazetteer

    entry = next((e for e in gazetteer().lookup(admin1) if e.precision == "admin1" and e.country == country), None) \
        or next((e for e in geo_index().lookup(admin1) if e.fcode == "ADM1" and e.country == country), None)
    return (round(entry.lat, 5), round(entry.lon, 5)) if entry is not None else None
