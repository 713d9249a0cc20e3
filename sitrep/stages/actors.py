"""Stage: actor mentions from the actor dictionary, plus unknown groups by their shape."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from sitrep.lexicon import (
    addressing_verbs,
    alternation,
    body_heads,
    capital_lookup,
    demonym_lookup,
    division_names,
    find_countries,
    former_markers,
    gendered_words,
    group_roles,
    led_bodies,
    majority_markers,
    months,
    name_lookup,
    outlet_nouns,
    person_title_alternation,
    person_titles,
    role_modifiers,
    speech_verbs,
    weekdays,
)
from sitrep.resolve.actors import (
    UNLISTED_IDS,
    ActorEntry,
    ActorMatch,
    actor_classes,
    actor_dictionary,
    actor_label,
    class_entry,
    find_heads,
    is_class_entry,
    phrase_country,
    private_person,
    resolve_entry,
)
from sitrep.spans import Coverage
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


@lru_cache(maxsize=1)
def _addressed_capital() -> tuple[re.Pattern, re.Pattern]:
    def words(forms: tuple[str, ...]) -> str:
        return "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    before = re.compile(rf"\b(?:{words(addressing_verbs())})\s+$", re.I)
    after = re.compile(rf"^\s+(?:(?:has|had|have|also|again|on\s+\w+day)\s+)*(?:{words(speech_verbs())}|rejected|condemned|"
                       rf"urged|called|demanded|responded|retaliated|vowed|threatened|insisted|dismissed)\b")
    return before, after


def _capital_governments(doc: Doc, matches: list[ActorMatch]) -> list[ActorMatch]:
    """A capital that speaks or is addressed ("Beijing said", "called on Beijing to release them")
    stands for its state's government, as news writes a government by its seat."""
    before, after = _addressed_capital()
    taken = [(m.start, m.end) for m in matches]
    out = list(matches)
    for c in doc.extra["country_mentions"]:
        if c.how != "capital" or any(s < c.end and c.start < e for s, e in taken):
            continue
        if not (before.search(doc.text[max(0, c.start - 25):c.start]) or after.match(doc.text[c.end:c.end + 40])):
            continue
        if doc.in_dateline_place(c.start) or _COMPOUND_AFTER.match(doc.text, c.end):
            continue
        entry = class_entry("government", c.iso2)
        if entry.country == c.iso2:
            out.append(ActorMatch(c.start, c.end, doc.text[c.start:c.end], entry))
    return out


_TOPIC_LABEL = re.compile(r"\s*:\s")


def _line_start(text: str, at: int) -> bool:
    """Nothing but blanks before ``at`` on its line (a headline's or a heading's first words)."""
    return text[text.rfind("\n", 0, at) + 1:at].strip() == ""


_COMPOUND_AFTER = re.compile(r"-[a-z]")  # "London-based", "Damascus-backed": the town qualifies a word


def _capitals() -> dict[str, str]:
    return capital_lookup()


# Words that qualify a generic head inside its phrase ("masked gunmen", "riot police",
# "pro-democracy protesters"); the phrase is extended left over them.
_MODIFIERS = frozenset("""
armed masked unknown unidentified suspected alleged riot anti-riot local federal state plainclothes plain-clothes
heavily young female male peaceful opposition islamist separatist university student school medical health rights
human trade union government military police security secret special elite national regional provincial municipal
traffic border prison army foreign fellow angry striking protesting jihadist rebel militant tribal ethnic
christian muslim hindu shiite sunni kurdish arab indigenous rural farm factory garment mine oil striking detained
jailed imprisoned arrested off-duty uniformed undercover masked-men hooded unnamed other
criminal district supreme high appeals appellate trial revolutionary constitutional administrative civil lower juvenile
circuit county city sharia islamic magistrates
""".split())
# modifiers that are also the past tense of a verb: a modifier only when no subject stands before them
_PARTICIPLES = frozenset({"detained", "jailed", "imprisoned", "arrested", "striking", "protesting"})
_NOT_NAME = frozenset("""
The A An On In At By For From With And But Or As After Before During When While Since Until He She They It We I
Yesterday Today Tonight Meanwhile However According Also Some Many Several Both All Most Other Its Their His Her Our
This That These Those Then Later Earlier Last Next Local Police Security Staff Without Against Of Beyond
""".split()) | frozenset(months()) | frozenset(weekdays())
_ORG_WORDS = re.compile(r"\b(?:Commission|Committee|Association|Union|Network|Council|Foundation|Watch|Federation|"
                        r"Centre|Center|Institute|Party|Movement|Society|Coalition|Alliance|Project|Forum|Trust|"
                        r"University|College|School|Academy|Hospital|Court|Bar|Club|Fund|Office)\b")
# "police station", "military base", "government spokesman": the head qualifies another noun
_QUALIFIES = frozenset("""
station stations base bases chief chiefs spokesman spokeswoman spokesperson official headquarters operation operations
vehicle vehicles checkpoint checkpoints post posts custody brutality violence raid raids camp camps barracks convoy
commander commanders source sources statement statements crackdown offensive academy hospital school college
account accounts coup rule plane planes jet jets aircraft helicopter helicopters tribunal equipment positions position
targets target sites site facility facilities installations leadership command intelligence uniform uniforms
budget policy policies decision decisions order orders report reports data figures van vans truck trucks car cars
station's cell cells detention court courts spending ban crisis bill law laws programme program leader leaders
failures failure response minister ministers ministry record records building buildings office offices
massacre massacres deaths death casualties casualty toll tolls areas area homes home houses house neighbourhood
neighbourhoods neighborhood neighborhoods infrastructure population populations targets objects quarter quarters
district districts movement movements protection rights council councils union unions association party parties
""".split())
_RIGHT_COUNTRY = re.compile(r"^\s+(?:in|of|from)\s+(?:the\s+)?")


def _context_country(counts: dict[str, float]) -> str | None:
    """The state an article is about: the one its names, demonyms and capitals (and the
    headline's, twice) point to most, when clearly ahead of the next."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, weight = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if weight >= 2 and weight >= 1.5 * second else None


def _country_counts(doc: Doc, mentions: list, matches: list[ActorMatch]) -> dict[str, float]:
    counts: dict[str, float] = {}
    for m in mentions:
        counts[m.iso2] = counts.get(m.iso2, 0) + 1
    for m in find_countries(doc.article.title or "") if doc.article.title != doc.text else ():
        counts[m.iso2] = counts.get(m.iso2, 0) + 2
    for m in matches:
        if m.actor.country and not m.demonym and not m.actor.generic:
            counts[m.actor.country] = counts.get(m.actor.country, 0) + 0.5
    return counts


_LAST_TOKEN = re.compile(r"([\w'’.\-]+)\s*$")
_POSSESSIVE = re.compile(r"['’]s$")
_PRO_ANTI = re.compile(r"(?:pro|anti|non)-[\w\-]+")
_NAME_OR_DASH = re.compile(r"\s+[A-Z]|-")
_THE_BEFORE = re.compile(r"(?<![\w\-])[Tt]he\s$")


def _token_before(text: str, at: int) -> tuple[int, str]:
    m = _LAST_TOKEN.search(text[max(0, at - 60):at])
    if not m or "\n" in text[at - (len(m.group(0))):at]:
        return at, ""
    return at - len(m.group(0)), m.group(1)


def _phrase_span(text: str, hs: int, he: int, countries_at: dict[int, tuple[int, str]]) -> tuple[int, int]:
    """The whole noun phrase around a generic head: its modifiers before it ("masked gunmen",
    "Kenyan riot police", "Egypt's security forces") and a state after it ("police in Nigeria")."""
    start = hs
    for _ in range(5):
        s, word = _token_before(text, start)
        if not word:
            break
        bare = _POSSESSIVE.sub("", word)
        if s in countries_at:
            start = s
            continue
        low = bare.lower()
        if low in _PARTICIPLES:
            _, prior = _token_before(text, s)
            if prior and (find_heads(prior) or (prior[:1].isupper() and prior not in _NOT_NAME)):
                break  # "Police arrested rights activist ...": a verb after its subject, not a modifier
        if low in _MODIFIERS or _PRO_ANTI.fullmatch(low) or (
                bare[:1].isupper() and bare not in _NOT_NAME and bare.isalpha() and text[max(0, s - 2):s].strip() not in (".", "!", "?")
                and not word.endswith(("'s", "’s"))) or find_heads(bare):
            start = s
            continue
        break
    the = _THE_BEFORE.search(text[max(0, start - 5):start])
    if the:
        start -= len(the.group())  # "The army": the whole noun phrase, as claimants are written
    end = he
    right = _RIGHT_COUNTRY.match(text[he:he + 20])
    if right:
        at = he + right.end()
        # a state after the head is named, not qualified: "police in Nigeria", not "fighters
        # from the Syrian branch" nor "warplanes of the US-led coalition"
        after, how = countries_at.get(at, (0, ""))
        if how in ("name", "capital") and not _NAME_OR_DASH.match(text[after:after + 2]):
            end = after
    return start, end


_NEXT_WORD = re.compile(r"\s+([a-z][\w'’\-]*)")
_OUTLET_BEFORE = re.compile(r"\b(?:[A-Z]{2,6}|Reuters|Agence France-Presse|Associated Press)\s+$")
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w'’.\-]*\s+){1,5}$")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_BODY_NEXT = re.compile(r"\s+(?:Force|Service|Command|Department)\b")


def _generic_phrases(doc: Doc, matches: list[ActorMatch], context: str | None,
                     mentioned: dict[str, float]) -> list[ActorMatch]:
    """Actors named by a common noun with its modifiers ("Kenyan police", "unidentified gunmen",
    "hundreds of protesters"), resolved with the state in the phrase or the article's."""
    text = doc.text
    countries_at = {m.start: (m.end, m.how) for m in doc.extra["country_mentions"]}
    # the dictionary's matches, by start, for overlap queries in logarithmic time
    ordered = sorted(matches, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    removed: set[int] = set()
    added: list[ActorMatch] = []
    longest = max((m.end - m.start for m in ordered), default=0)

    def overlapping(s: int, e: int) -> list[ActorMatch]:
        lo = bisect_left(starts, s - longest)
        hi = bisect_left(starts, e)
        return [m for m in ordered[lo:hi] if m.end > s and id(m) not in removed]

    floor = len(text) + 1  # heads are read right to left; a phrase taken covers [floor, ...)
    for hs, he, key in reversed(find_heads(text)):
        if hs >= floor:
            continue
        nxt = _NEXT_WORD.match(text, he, min(len(text), he + 30))
        if nxt and nxt.group(1) in _QUALIFIES:
            continue  # "police station": a place or an attribute, not the actor
        head = text[hs:he]
        if key == "journalists" and _OUTLET_BEFORE.search(text[max(0, hs - 30):hs]):
            continue  # "AFP correspondent": the outlet's own reporter, a source
        if head[:1].isupper() and hs > 0 and text[hs - 2:hs - 1] not in ".!?\n" and not _title_case(text, hs):
            seq = _CAPITALISED_BEFORE.search(text[max(0, hs - 80):hs])
            name = (seq.group(0) if seq else "") + head
            if seq and (_ORG_WORDS.search(name + text[he:he + 30].split(".")[0][:30]) or not find_countries(name)):
                continue  # "Committee to Protect Journalists", "Philippine National Police" is kept
            if _CAPITAL_NEXT.match(text, he, min(len(text), he + 3)) and not _BODY_NEXT.match(text, he, min(len(text), he + 14)):
                continue  # "Government Science College": part of a name
        around = overlapping(hs, he)
        if any(not m.demonym and not m.actor.generic and m.start <= hs < m.end for m in around):
            continue  # "Boko Haram insurgents", "Syrian army": the dictionary's actor
        start, reach = _phrase_span(text, hs, he, countries_at)
        start = min(start, hs)
        # "police in Nigeria": the state after the head gives the country; the span stays on the
        # noun group so that the place after it is still read as a place
        end = he
        entry = resolve_entry(text[start:reach], context)
        floor = start  # "terrorist forces": a head inside a phrase that names nobody is a modifier
        if entry is None:
            continue
        inside = overlapping(start, end)
        keep = [m for m in inside if not (m.demonym or m.actor.generic or _is_country_word(m))]
        if keep:
            # a named actor inside the phrase ("Hamas gunmen"): it names the actor, with the phrase as label
            first = keep[0]
            if first.start >= start and first.end <= end and len(keep) == 1:
                removed.update(id(m) for m in inside)
                added.append(ActorMatch(start, end, text[start:end], first.actor))
            continue
        reading = next((m for m in inside if m.start <= hs < m.end and m.actor.country
                        and (m.actor.generic or m.demonym)), None)
        own = phrase_country(text[start:reach])[0]
        if reading is not None and entry.id != "CIVILIANS" and own is None and mentioned.get(reading.actor.country):
            continue  # "rebels", "the government", "terrorist forces" in a text that names Syria: the dictionary's reading
        # the state in "police in Nigeria" is the police's country here, not a second actor
        inside += [m for m in overlapping(he, reach) if he <= m.start and m.end <= reach and _is_country_word(m)]
        removed.update(id(m) for m in inside)
        added.append(ActorMatch(start, end, text[start:end], entry))
    out = [m for m in ordered if id(m) not in removed] + added
    out.sort(key=lambda m: m.start)
    return out


_OUTLET_AFTER = re.compile(
    r"^\s+(?:Post|Times|Herald|Tribune|Journal|Gazette|Telegraph|Daily|News|Press|Examiner|Chronicle|Observer|"
    r"Free Press|Standard|Star|Today)\b")
_STATE_PLACE = re.compile(r"^\s+(?:State|Province|Region|County|Governorate|Oblast|Department)\b", re.I)


def _title_case(text: str, at: int) -> bool:
    """A headline in title case ("Leaves 20 Syrian Civilians Dead"): capitals say nothing of names."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start:line_end if line_end >= 0 else len(text)][:300]
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", line) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_MEMBERS_OF = re.compile(r"\s+(?:from|of|belonging to|affiliated (?:with|to))\s+(?:the\s+)?(?:so-called\s+)?$")


def _members_of(text: str, matches: list[ActorMatch]) -> list[ActorMatch]:
    """"terrorists from Jaish al-Islam", "militants of the so-called Jaish al-Fateh": the generic
    word names the members of the group after it, which is the actor (with the whole phrase as label)."""
    out: list[ActorMatch] = []
    skip = -1
    for i, m in enumerate(matches):
        if i == skip:
            continue
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt is not None and m.actor.generic and not m.demonym and not nxt.actor.generic and not nxt.demonym \
                and not _is_country_word(nxt) and _MEMBERS_OF.fullmatch(text, m.end, nxt.start):
            out.append(ActorMatch(m.start, nxt.end, text[m.start:nxt.end], nxt.actor))
            skip = i + 1
            continue
        out.append(m)
    return out


_CIVIL_MEMBERS = re.compile(r"\s+of\s+(?:[\w\-]+\s+){0,3}?(?:groups|organi[sz]ations|NGOs|parties|unions|associations|"
                            r"activists|campaigners|societies|movements|lawyers|journalists|students|workers)\b", re.I)


def _not_an_actor(text: str, m: ActorMatch) -> bool:
    """A state's name or demonym that names no actor: an outlet ("Washington Post", "Jordan
    Times"), a place phrase ("the Syrian city of Hasakah", "Niger State")."""
    from sitrep.resolve.actors import _PLACE_NOUN

    after = text[m.end:m.end + 40]
    if m.actor.kind in ("government", "state military") and (m.demonym or _is_country_word(m) or m.text in ("Washington",)):
        if _OUTLET_AFTER.match(after) or _STATE_PLACE.match(after):
            return True
        if m.demonym and _PLACE_NOUN.match(after) and not re.match(r"^\s+(?:forces|troops|army|military)\b", after):
            return True
    if m.text.islower() and not m.actor.generic and _CIVIL_MEMBERS.match(after):
        return True  # "a coalition of civil society groups": a body of its members, not the named one
    if m.demonym and m.text[:1].isupper() and m.text.isalpha() and m.text.lower() not in demonym_lookup() \
            and find_heads(m.text) and re.match(r"\s+[A-Z]", after) and not _title_case(text, m.start):
        return True  # "Government Science College": a word of a name
    return False


# actors that a text names only as the ones a demand or an appeal is addressed to ("the international
# community"): what they are said to do or undergo is no act of theirs the text tells
_ADDRESSED_ONLY = frozenset({"INTL_COMMUNITY"})


@lru_cache(maxsize=1)
def _addressed_before() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(addressing_verbs())})\s+(?:the\s+)?$", re.I)


def _unaddressed(text: str, m: ActorMatch) -> bool:
    """An addressee-only actor not in the place of the one addressed ("called upon the international
    community to act" names it; "responses by the international community" does not)."""
    return m.actor.id in _ADDRESSED_ONLY and not _addressed_before().search(text[max(0, m.start - 40):m.start])


def _is_country_word(m: ActorMatch) -> bool:
    """A state named only as the actor's country ("Nigeria Police Force", "police in Kenya")."""
    from sitrep.lexicon import name_lookup

    words = m.text.lower().removeprefix("the ")
    return m.actor.kind == "government" and (words in name_lookup() or words in capital_lookup())


_CLASS_WORDS = re.compile(r"^(?:the\s+|[Tt]he\s+)?[A-Za-z][a-z\-]*(?:\s+[a-z][a-z\-]*)*$")


def _class_reading(m: ActorMatch, context: str | None) -> ActorMatch:
    """A state's actor named by common nouns only ("the regime", "government forces") in an article
    about another state that never names this one: the words name the class in the article's state."""
    entry = m.actor
    if m.demonym or entry.generic or not entry.classes or not entry.country or not _CLASS_WORDS.match(m.text) \
            or find_countries(m.text) or context is None or context == entry.country:
        return m  # with no state of its own the article may still be about this one (its towns named)
    return ActorMatch(m.start, m.end, m.text, class_entry(entry.classes[0], context))


def _of_class(entry: ActorEntry, key: str) -> bool:
    """Whether ``entry`` is the canonical actor of the generic class ``key`` (in any country)."""
    base = key.upper().replace(" ", "_")
    return entry.generic and (entry.id == base or entry.id.startswith(base + "_"))


def _named_armed_class(merged: list[ActorMatch]) -> list[ActorMatch]:
    """"Gunmen abducted 27 students ... the bandits who chose to abandon their criminal ways": an
    article that calls the armed men by the class of armed group they belong to (bandits) means them
    when it says only "gunmen" or "kidnappers" (a word for what they did, with no side of its own)."""
    if not any(_of_class(m.actor, "bandits") for m in merged):
        return merged
    return [ActorMatch(m.start, m.end, m.text, class_entry("bandits", m.actor.country), demonym=m.demonym)
            if _of_class(m.actor, "gunmen") or _of_class(m.actor, "kidnappers") else m for m in merged]


# the classes of people a "most of them" can name; a plain "civilians" there says nothing more
_MAJORITY_CLASSES = frozenset({"protesters", "students", "journalists", "workers", "human rights defenders"})


@lru_cache(maxsize=1)
def _majority_after() -> re.Pattern:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(majority_markers(), key=len, reverse=True))
    # "people, a vast majority of them protesters", "people, mostly students", "people, most of whom were workers"
    return re.compile(rf",?\s+(?:(?:an?|the)\s+)?(?:(?:vast|great|overwhelming)\s+)?(?:{words})\s+(?:(?:were|are)\s+)?"
                      r"((?:[\w\-]+\s+){0,2}?[\w\-]+(?:\s+[\w\-]+){0,2})", re.I)


def _mostly_of_class(text: str, merged: list[ActorMatch]) -> list[ActorMatch]:
    """"The deaths of 250 people, most of them protesters", "40 people, mostly students": people
    counted as civilians whom the next words call, nearly all, by one class are that class."""
    out = []
    for m in merged:
        found = _majority_after().match(text, m.end, min(len(text), m.end + 80)) \
            if m.actor.id == "CIVILIANS" and not m.demonym else None
        heads = find_heads(found.group(1)) if found else []
        key = heads[0][2] if heads else None
        if key in actor_classes() and actor_classes()[key].kind in _MAJORITY_CLASSES:
            m = ActorMatch(m.start, m.end, m.text, class_entry(key, m.actor.country))
        out.append(m)
    return out


def _private(text: str, m: ActorMatch, context: str | None) -> ActorMatch:
    """A state's force or rank named with "retired", "former" or "ex-" before it ("a retired army
    general", "a Serb ex-policeman") is a private person: the state no longer acts through them."""
    entry = private_person(m.actor, text[max(0, m.start - 60):m.end], context)
    return m if entry is m.actor else ActorMatch(m.start, m.end, m.text, entry)


def _kin_of_listed(text: str, m: ActorMatch) -> bool:
    """A listed person's surname ("al-Assad") right after another given name ("Rifaat al-Assad"): a
    relative or namesake, not the listed person (whose title, or own given name, may stand there)."""
    entry = m.actor
    name = (entry.name or "").split()
    if entry.kind not in ("head of state", "government") or entry.parent is None or len(name) < 2 \
            or m.text.split()[-1:] != name[-1:] or len(m.text.split()) >= len(name):
        return False
    _, word = _token_before(text, m.start)
    bare = word.strip(".,")
    return bool(bare) and bare[:1].isupper() and bare.isalpha() and bare not in _NOT_NAME and bare != name[0] \
        and bare.lower() not in person_titles() and bare.lower() not in demonym_lookup() and not find_countries(bare) \
        and text[max(0, m.start - len(word) - 3):m.start - len(word)].strip() not in (".", "!", "?")


def find_actors(doc: Doc) -> Doc:
    dictionary = actor_dictionary()
    matches = _derived(doc, dictionary.match(doc.text))
    merged: list[ActorMatch] = []
    capitals = _capitals()
    for m in matches:
        if m.text.lower() in capitals and (doc.in_dateline_place(m.start) or _COMPOUND_AFTER.match(doc.text, m.end)):
            continue  # "Beirut London- Warplanes ...", "the London-based monitor": a city, not its government
        if _TOPIC_LABEL.match(doc.text, m.end) and _line_start(doc.text, m.start) and _is_country_word(m):
            continue  # "Yemen: Journalists must be freed": a headline's label for the story's country, not a speaker
        prev = merged[-1] if merged else None
        # "ISIS terrorists", "Nusra Front militants": the specific actor keeps the generic label
        if (
            prev is not None and m.actor.generic and not prev.actor.generic and not prev.demonym
            and doc.text[prev.end:m.start].strip() == "" and not _is_country_word(prev)
        ):
            merged[-1] = ActorMatch(prev.start, m.end, doc.text[prev.start:m.end], prev.actor)
            continue
        # "Syrian rebels" with a generic label after a demonym: the label names the actor
        if prev is not None and prev.demonym and m.actor.generic and doc.text[prev.end:m.start].strip() == "":
            merged[-1] = ActorMatch(prev.start, m.end, doc.text[prev.start:m.end], m.actor)
            continue
        merged.append(m)
    merged = _members_of(doc.text, merged)
    divisions = division_names(doc.text)  # "Niger State ... the governor of Niger": the state, not the country
    merged = [m for m in merged if not (_is_country_word(m) and m.text.removeprefix("the ") in divisions)]
    merged = [m for m in merged if not _not_an_actor(doc.text, m) and not _unaddressed(doc.text, m)]
    doc.extra["country_mentions"] = find_countries(doc.text)
    mentioned = _country_counts(doc, doc.extra["country_mentions"], merged)
    if not mentioned and doc.extra.get("body_text"):
        # a headline that names no state ("Regime airstrikes kill 61 in Atareb") is about its story's
        for c in find_countries(doc.extra["body_text"]):
            mentioned[c.iso2] = mentioned.get(c.iso2, 0) + 1
    context = _context_country(mentioned)
    # "Rifaat al-Assad": another person of the listed leader's family (still a sign of the article's state)
    merged = [m for m in merged if not _kin_of_listed(doc.text, m)]
    # "government", "regime", "militant" qualify Syria's actors only in an article that names Syria
    demonyms = demonym_lookup()
    merged = [m for m in merged if not (m.demonym and m.actor.country and m.text.lower() not in demonyms
                                        and (m.actor.country != context if context else not mentioned.get(m.actor.country)))]
    doc.extra["actor_country"] = context
    named = {c.iso2 for c in doc.extra["country_mentions"]} | {c.iso2 for c in find_countries(doc.article.title or "")}
    merged = _generic_phrases(doc, merged, context, mentioned)
    merged = _named_bodies(doc, merged, context)
    merged = _named_police(merged)
    merged = _abbreviated(doc.text, merged)
    merged = _named_outlets(doc.text, merged, context)
    merged = _short_forms(doc.text, merged)
    merged = [m if m.actor.country in named else _class_reading(m, context) for m in merged]
    merged = _named_armed_class(merged)
    merged = _mostly_of_class(doc.text, merged)
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
    merged = _persons(doc, merged, context)
    merged = _aged_mentions(doc.text, merged)
    merged = _families(doc.text, merged)
    merged = [_private(doc.text, m, context) for m in merged]
    merged = _capital_governments(doc, merged)
    merged.sort(key=lambda m: m.start)
    doc.actors = merged
    countries: dict[str, int] = {}
    for m in merged:
        if m.actor.country:
            countries[m.actor.country] = countries.get(m.actor.country, 0) + 1
    doc.countries = countries
    return doc


# A person's name: two to four capitalised words, with the particles names carry ("Walid al-Muallem",
# "Silvestre Bello III"), or one capitalised word after a title ("Governor Bello").
_NAME_WORD = r"(?:[A-Z][a-z][\w'’\-]*|(?:al|el|bin|ibn|abu|de|da|van|von)[\s\-][A-Z][\w'’\-]*|[A-Z]\.|III|II|IV|Jr\.?)"
_NAME = rf"[A-Z][a-z][\w'’\-]*(?:\s+{_NAME_WORD}){{0,3}}"
_NAME_AFTER = re.compile(rf"(?:\s+and\s+[a-z]+)?(?:,\s+|\s+)({_NAME})(?=\s*[,.;:)]|\s*$|\s+[a-z])")
_NAME_BEFORE = re.compile(rf"({_NAME}),\s+(?:\d{{1,3}},\s+)?(?:a|an|the)\s+$")
# people named by what they are, not by a state or group they act for
PEOPLE_KINDS = frozenset({"civilians", "human rights defenders", "journalists", "workers", "students", "unknown", "protesters"})
_PERSON_ENTRY = "PERSON"


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    return re.compile(rf"(?:^|\s)({person_title_alternation()})\s+({_NAME})$", re.I)


@lru_cache(maxsize=1)
def _member_pattern() -> re.Pattern:
    roles = "|".join(re.escape(r) for r in sorted(group_roles(), key=len, reverse=True))
    acting = "|".join(re.escape(r) for r in role_modifiers())  # "acting president Jane Doe": still the member
    return re.compile(rf"(?:\s*\([A-Z][\w\-]{{1,9}}\))?(?:['’]s)?\s+(?:(?:{acting})\s+)?(?:{roles})(?:,\s+|\s+)({_NAME})"
                      rf"(?=\s*[,.;:)]|\s*$|\s+[a-z])")


@lru_cache(maxsize=1)
def _titled_after() -> re.Pattern:
    return re.compile(rf"\s+((?i:{person_title_alternation()}))\s+({_NAME})(?=\s*[,.;:)]|\s*$|\s+[a-z])")


def _is_name(doc: Doc, words: str, start: int, end: int, own: ActorMatch, persons: bool = False) -> bool:
    """``words`` at [start, end) name a person: no word is a month, a weekday, a country or a common
    capitalised word, and no place or other actor is read there."""
    parts = [w.strip(".,") for w in re.split(r"[\s\-]+", words)]
    if any(w in _NOT_NAME or w.lower() in demonym_lookup() for w in parts) or find_countries(words):
        return False
    if not actor_label(words):
        return False  # "Umm Qasr Port", "Car Bomb Attack": a place or an act in capitals
    if len(parts) == 1 and (parts[0].lower() in person_titles() or parts[0].lower() + "." in person_titles()):
        return False  # "PNP chief Gen.": a title cut from its name
    if any(p.start < end and start < p.end for p in doc.places):
        return False
    return not any(a is not own and a.start < end and start < a.end
                   and not (persons and a.actor.id == _PERSON_ENTRY) for a in doc.actors)


def personal(doc: Doc, m: ActorMatch, target: bool = False) -> ActorMatch:
    """The person an actor phrase names, as that person: "Governor Bello" is Bello, of the government;
    "a young woman, Dua Mangi" and "rights activist Osman Kavala" are those persons, of the phrase's
    class. Analysts read names; the class stays the person's kind and country. As the ``target`` of an
    act, a group followed by a member's role and name ("the union's leader Jane Doe was arrested") is
    that member: the act was done to the person; a speaker so named still speaks for the group."""
    entry = m.actor
    if entry.id == _PERSON_ENTRY:
        if target and entry.parent is None and entry.kind in actor_classes():
            # the person an act is done to is counted with their class, as ACLED codes a named
            # victim ("Civilians (Iran)"): the class is the person's parent actor
            return ActorMatch(m.start, m.end, m.text, _person(class_entry(entry.kind, entry.country), entry.name, entry.kind))
        return m
    text = doc.text
    if target and not entry.generic:
        member = _member_pattern().match(text, m.end, min(len(text), m.end + 80))
        if member and _is_name(doc, member.group(1), member.start(1), member.end(1), m, persons=True):
            end = member.end(1)
            return ActorMatch(m.start, end, text[m.start:end], _person(entry, member.group(1), entry.kind))
    # "Israeli President Moshe Katsav", "Pakistan Prime Minister Nawaz Sharif": a state's word before a
    # title and a name names that person, of the state
    bare = m.text.lower().removeprefix("the ")
    state_word = bare in demonym_lookup() or bare in name_lookup()
    after = _titled_after().match(text, m.end, min(len(text), m.end + 80)) if state_word else None
    if after and _is_name(doc, after.group(2), after.start(2), after.end(2), m, persons=True):
        kind = person_titles().get(after.group(1).lower()) or entry.kind
        return ActorMatch(m.start, after.end(2), text[m.start:after.end(2)], _person(entry, after.group(2), kind))
    titled = _title_pattern().search(m.text)
    if titled and entry.kind in PEOPLE_KINDS | {"government", "ministry", "head of state", "police", "state military"}:
        name = titled.group(2)
        start = m.start + titled.start(2)
        if _is_name(doc, name, start, start + len(name), m):
            kind = person_titles().get(titled.group(1).lower()) or entry.kind
            return ActorMatch(m.start, m.end, m.text, _person(entry, name, kind))
    if entry.kind not in PEOPLE_KINDS or not (entry.generic or entry.id in ("UNKNOWN_ACTOR", "CIVILIANS")):
        return m
    if entry.id == "UNKNOWN_ACTOR" and re.fullmatch(_NAME, m.text) and " " in m.text \
            and _is_name(doc, m.text, m.start, m.end, m):
        return ActorMatch(m.start, m.end, m.text, _person(entry, m.text, entry.kind))  # "Niu Tengyu"
    after = _NAME_AFTER.match(text, m.end, min(len(text), m.end + 80))
    if after and _is_name(doc, after.group(1), after.start(1), after.end(1), m):
        end = after.end(1)
        return ActorMatch(m.start, end, text[m.start:end], _person(entry, after.group(1), entry.kind))
    before = _NAME_BEFORE.search(text, max(0, m.start - 80), m.start)
    if before and _is_name(doc, before.group(1), before.start(1), before.end(1), m):
        start = before.start(1)
        return ActorMatch(start, m.end, text[start:m.end], _person(entry, before.group(1), entry.kind))
    named = _named_next(doc, m)
    if named is not None:
        kind = named.actor.kind if named.actor.kind != "civilians" else entry.kind
        return ActorMatch(m.start, m.end, m.text, _person(entry, named.actor.name, kind))
    return m


_INDEFINITE = re.compile(r"(?:^|[\s(])(?:a|an|A|An)\s+(?:[\w'’]+(?:\s+|-)){0,3}$")
_NAMED_REACH = 700  # the paragraph or two after a lead


def _named_next(doc: Doc, m: ActorMatch) -> ActorMatch | None:
    """The person an indefinite description names: "police detained a Serb ex-policeman ... Jane Roe,
    50, is accused of ..." - the lead describes one person, and the first person the text then
    introduces by name (a full name never mentioned before the description) is that person."""
    before = doc.text[max(0, m.start - 50):m.start]
    if not (_INDEFINITE.search(before) or re.match(r"(?:a|an)\s", m.text, re.I)):
        return None
    words = m.text.lower().split()
    if any(" ".join(words[-n:]) in body_heads() for n in (1, 2)):
        return None  # "a Lagos court", "a district tribunal": a body, not a person the text goes on to name
    # a person named before the description ("President Xi ... a Chinese man ... President Xi's daughter") is not who it describes
    known = {a.actor.name for a in doc.actors if a.actor.id == _PERSON_ENTRY and a.start < m.start}
    later = [a for a in doc.actors if a.actor.id == _PERSON_ENTRY and m.end < a.start <= m.end + _NAMED_REACH
             and a.actor.name not in known]
    if not later:
        return None
    first = min(later, key=lambda a: a.start)
    title = first.text.split()[0].lower()
    # "a house church pastor ... pastor Jane Roe, the founder of ...": the description's own noun as the title
    same_title = title in person_titles() and title in re.findall(r"[\w'’\-]+", m.text.lower())
    if " " not in first.text or not (same_title or _UNTITLED_INTRODUCTION.match(doc.text, first.end)):
        return None  # a title ("spokesman Jane Roe") introduces someone else: who tells of the act
    if _PAIR_AFTER.match(doc.text, first.end):
        return None  # "Jane Roe, 51, and John Doe, 43,": two people introduced, one description cannot say which
    return first


_PAIR_AFTER = re.compile(r",\s+[^,]{1,40},?\s+and\s+(?:\d{1,3}-year-old\s+)?[A-Z]")


# "Jane Roe, 50,", "Jane Roe, who ...", "Jane Roe, of Leeds,": a person introduced by what they are, not by an office
_UNTITLED_INTRODUCTION = re.compile(r",\s+(?:\d{1,3},|who\s|one of\s|of\s+[A-Z])")


def _person(entry: ActorEntry, name: str, kind: str) -> ActorEntry:
    parent = None if entry.id in UNLISTED_IDS else entry.id
    return ActorEntry(_PERSON_ENTRY, name, kind, entry.country, parent, False)


_CAP = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’\-]*)"  # "U.S.", "Quezon": never a word's full stop
_GAP = r"[^\S\n]+"  # a space within one line: a name does not run over a line break
# "on Friday", "on March 3" after a body's head is when it acted, never part of its name ("Commission on Human
# Rights" is; "An Anti-Terrorism Court on Friday convicted" is not)
_CALENDAR = "|".join(sorted({*months(), *weekdays()}, key=len, reverse=True))
_BODY_OF = rf"(?:{_GAP}(?:of|for|on){_GAP}(?!(?:{_CALENDAR})\b)(?:the{_GAP})?{_CAP}(?:{_GAP}(?:and{_GAP})?{_CAP}){{0,3}})?"
_BODY_TAIL = rf"(?:{_GAP}(?:Command|Force|Service|Department|Office|Division|Unit|Headquarters)\b)?"
_ADJECTIVE = re.compile(r"(?:an|ean|ish|ese|ic|i)$")  # the shape of a state's or bloc's adjective ("European")
_MEDIA_WORDS = re.compile(r"\b(?:News|Media|Press|TV|Television|Radio|Broadcasting)\b")
_ABBREVIATION = re.compile(r"\s+\(([A-Z][A-Za-z\-]{1,9})\)")


@lru_cache(maxsize=1)
def _body_pattern() -> re.Pattern:
    heads = "|".join(sorted((re.escape(h.title()) for h in body_heads()), key=len, reverse=True))
    return re.compile(rf"\b((?:{_CAP}{_GAP}){{1,5}}(?:{heads})\b{_BODY_TAIL}{_BODY_OF})")


# bodies made of the people named after "of" ("Association of Secretaries", "Union of Journalists")
_MEMBERSHIPS = frozenset({"association", "federation", "union", "syndicate", "society", "guild", "league"})
_STATE_OWNER = re.compile(r"(.+?)['’]s")


def _named_bodies(doc: Doc, matches: list[ActorMatch], context: str | None) -> list[ActorMatch]:
    """Organisations named by their proper name ("the Socialist Party of Nigeria (SPN)", "Central
    Bureau of Investigation"), listed or not: one actor under its own name, with the state named in
    it as its country, and its abbreviation in brackets read as the same actor later on."""
    text = doc.text
    heads = body_heads()
    added: list[ActorMatch] = []
    for found in _body_pattern().finditer(text):
        start, end = found.span(1)
        words = found.group(1).split()
        while words and (words[0] in _NOT_NAME or words[0].lower() in ("the", "a", "an")):
            start += len(words[0]) + 1
            words = words[1:]
        # "Ruritania's Supreme Court": the state before the body owns it and is no word of its name
        # (the body's own words are the name; the state is its country)
        owner = _STATE_OWNER.fullmatch(words[0]) if words else None
        owned = find_countries(owner.group(1)) if owner else []
        own_from = start  # where the body's own name begins
        if len(owned) == 1 and owned[0].how == "name" and owned[0].end == len(owner.group(1)):
            own_from += len(words[0]) + 1
            words = words[1:]
        head = next((w for w in reversed(words) if w.lower() in heads), None)
        if head is None or len(words) < 2 or words[0].lower() in heads or _title_case(text, start):
            continue
        inside = [m for m in matches if m.start < end and start < m.end]
        if any(not (m.demonym or m.actor.generic or _is_country_word(m) or is_class_entry(m.actor)) for m in inside):
            continue  # the dictionary knows it ("Human Rights Watch", "United Nations Security Council")
        before_head = words[:words.index(head)]
        # "Uganda Police Force", "Maldives Police Service": a head of two words names the body's kind
        pair = " ".join(words[-2:]).lower() if len(words) >= 3 else ""
        paired = " " in pair and pair in heads
        # "Filipino Association of Secretaries": a demonym before a body of the members it names is its name's
        of_members = head.lower() in _MEMBERSHIPS and re.search(rf"\b{re.escape(head)}{_GAP}of{_GAP}", text[start:end]) is not None
        if len(before_head) == 1 and (before_head[0].lower() in demonym_lookup() or _ADJECTIVE.search(before_head[0])) \
                and not of_members and not paired:
            continue  # "European Union", "Russian Federation", "Arab League": a state or bloc, not a body we name
        name = text[own_from:end]
        country = phrase_country(text[start:end])[0] or context
        kind = "media" if _MEDIA_WORDS.search(name) else heads[pair if paired else head.lower()]
        # a class already read in it ("Aleppo Police Command" is Syria's police): that actor, by this name
        reading = next((m.actor for m in inside if (m.actor.generic or is_class_entry(m.actor)) and not m.demonym and not _is_country_word(m)
                        and m.actor.kind == kind), None)
        if reading is not None:
            entry = ActorEntry(reading.id, name, reading.kind, reading.country, reading.parent, reading.generic, reading.classes)
        else:
            entry = ActorEntry("NAMED_BODY", name, kind, country, None, False)
        body = ActorMatch(start, end, text[start:end], entry)
        abbreviation = _ABBREVIATION.match(text, end, min(len(text), end + 14))
        matches = [m for m in matches if not (m.start < end and start < m.end)]
        added.append(body)
        if abbreviation:
            short = abbreviation.group(1)
            for again in re.compile(rf"(?<![\w\-]){re.escape(short)}(?![\w\-])").finditer(text, abbreviation.end()):
                at = again.start()
                if not any(m.start < at + len(short) and at < m.end for m in matches + added):
                    added.append(ActorMatch(at, at + len(short), short, entry))
    if not added:
        return matches
    return sorted(matches + added, key=lambda m: m.start)


# "the Commission", "The Union": a capitalised head noun after "the", naming no further word
_SHORT_FORM = re.compile(rf"(?<![\w\-])[Tt]he{_GAP}([A-Z][a-z]+)(?![\w\-])(?!{_GAP}{_CAP})")
# "Union of Journalists": the words of a body's name after its head
_NAME_TAIL = re.compile(r"\s+(?:of|for|on)\s.*$")


def _short_forms(text: str, matches: list[ActorMatch]) -> list[ActorMatch]:
    """A body named again by its head noun ("the Westland Press Freedom Commission said ... The
    Commission urged ...") is that body, when exactly one body named before ends with that head; two
    ("the Appeals Court", "the Supreme Court") leave "the Court" unread. The body just named wins
    over the dictionary's reading of the bare words ("the Coalition" after "the Freedomland
    Coalition" is not the coalition of states the words alone would be)."""
    by_start = sorted(range(len(matches)), key=lambda k: matches[k].start)
    starts = [matches[k].start for k in by_start]
    longest = max((m.end - m.start for m in matches), default=0)
    # the bodies named so far, by their head noun (a short form itself names no head: "The Commission")
    named = sorted(((m.end, head, m.actor) for m in matches if (head := _head_of(m)) is not None),
                   key=lambda n: n[0])
    bodies: dict[str, set] = {}
    seen = 0
    removed: set[int] = set()
    added: list[ActorMatch] = []
    for found in _SHORT_FORM.finditer(text):
        start, end = found.span()
        lo, hi = bisect_left(starts, start - longest), bisect_left(starts, end)
        inside = [k for k in by_start[lo:hi] if start < matches[k].end]
        if any(matches[k].start < start or matches[k].end > end or matches[k].actor.generic for k in inside):
            continue  # the words are part of a longer name, or a class ("the Army" is the state's army)
        while seen < len(named) and named[seen][0] <= start:
            bodies.setdefault(named[seen][1], set()).add(named[seen][2])
            seen += 1
        heads = bodies.get(found.group(1), set())
        if len(heads) == 1:
            removed.update(inside)
            added.append(ActorMatch(start, end, text[start:end], next(iter(heads))))
    if not added:
        return matches
    return sorted([m for k, m in enumerate(matches) if k not in removed] + added, key=lambda m: m.start)


def _head_of(m: ActorMatch) -> str | None:
    """The head noun of a body's proper name ("Commission" of "Northland Rights Commission" and of
    "Commission on Missing Persons"), or None for what is not a named body (a class, a state, a person)."""
    if m.demonym or m.actor.generic or m.actor.id == _PERSON_ENTRY or _is_country_word(m):
        return None
    words = _NAME_TAIL.sub("", m.text).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return words[-1] if len(words) >= 2 else None


def _named_police(matches: list[ActorMatch]) -> list[ActorMatch]:
    """A story that names one police body of a state by its own name ("the Springfield Police
    Department", "the Lakeside State Police Command") means that body by its plain "police" and
    "officers" in that state: the words keep the text's, the actor is the named body."""
    dictionary = actor_dictionary()
    bodies: dict[str | None, dict[str, ActorEntry]] = {}  # country -> the police bodies named in it
    for m in matches:
        e = m.actor
        listed = dictionary.get(e.id)
        if e.kind == "police" and not e.generic and not m.demonym \
                and (e.id == "NAMED_BODY" or is_class_entry(e) and listed is not None and e.name != listed.name):
            bodies.setdefault(e.country, {})[e.name] = e
    named = {country: next(iter(found.values())) for country, found in bodies.items() if len(found) == 1}
    if not named:
        return matches
    out = []
    for m in matches:
        body = named.get(m.actor.country)
        if body is not None and not m.demonym and m.actor == class_entry("police", body.country):
            m = ActorMatch(m.start, m.end, m.text, body)
        out.append(m)
    return out


def _abbreviated(text: str, matches: list[ActorMatch]) -> list[ActorMatch]:
    """An abbreviation in brackets after a named actor ("Amnesty International Nigeria (AIN)") is that
    actor wherever the text uses it later, as a reader takes it."""
    added: list[ActorMatch] = []
    for m in matches:
        if m.demonym or m.actor.generic or m.actor.id == "NAMED_BODY":
            continue  # a body we named ourselves has its abbreviation read already
        # the dictionary's name may stop short of the words before the bracket ("... Nigeria (AIN)")
        bracket = re.compile(r"(?:[^\S\n]+[A-Z][\w\-]*){0,2}" + _ABBREVIATION.pattern).match(text, m.end, min(len(text), m.end + 40))
        if not bracket:
            continue
        short = bracket.group(1)
        for again in re.finditer(rf"(?<![\w\-]){re.escape(short)}(?![\w\-])", text[bracket.end():]):
            at = bracket.end() + again.start()
            if not any(x.start < at + len(short) and at < x.end for x in matches + added):
                added.append(ActorMatch(at, at + len(short), short, m.actor))
    return sorted(matches + added, key=lambda x: x.start) if added else matches


@lru_cache(maxsize=1)
def _outlet_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    nouns = alternation(outlet_nouns())  # as written, in lower case: "Apple Daily" is no "daily" of Apple
    # "the Apple Daily newspaper"; "the website tut.by", "the newspaper Nasha Niva": named after it
    named = re.compile(rf"((?:{_CAP}{_GAP}){{0,3}}{_CAP}){_GAP}(?:{nouns})(?![\w\-])"
                       rf"|(?<![\w\-])[Tt]he{_GAP}(?:{nouns}){_GAP}((?:{_CAP}{_GAP}){{0,3}}{_CAP}|[a-z0-9\-]+\.[a-z]{{2,3}})(?![\w\-.])")
    the = re.compile(rf"(?<![\w\-])[Tt]he{_GAP}(?:{nouns})(?![\w\-])(?!{_GAP}[A-Z])")
    staff = re.compile(r"\s+(?:for|at|of|with)\s+$")
    return named, the, staff


def _named_outlets(text: str, matches: list[ActorMatch], context: str | None) -> list[ActorMatch]:
    """A news outlet named with what it is ("Hong Kong's Apple Daily newspaper") is an actor under
    its name, wherever the text names it; "the newspaper", "the paper" after it is that outlet (its
    headquarters raided, the paper shut), and so is its journalist ("a columnist for the paper")."""
    named, the, staff = _outlet_patterns()
    taken = Coverage(len(text))
    for m in matches:
        taken.add(m.start, m.end)
    outlets: dict[str, ActorEntry] = {}
    for found in named.finditer(text):
        group = 1 if found.group(1) else 2
        words = re.split(r"(?<=['’]s)\s+", found.group(group))[-1].split()  # "Hong Kong's Apple Daily": the outlet's own words
        while words and (words[0] in _NOT_NAME or words[0].lower() in ("the", "a", "an")):
            words = words[1:]
        name = " ".join(words)
        if not words or any(w.lower() in demonym_lookup() for w in words) or find_countries(name) \
                or len(name) < 3 or _title_case(text, found.start()):
            continue
        start = found.end(group) - len(name)
        if taken.overlaps(start, found.end(group)):
            continue  # the dictionary knows it, or it is part of another actor's words
        outlets.setdefault(name, ActorEntry("OUTLET", name, "media", phrase_country(found.group(group))[0] or context, None, False))
    if not outlets:
        return matches
    added: list[ActorMatch] = []
    for name, entry in outlets.items():
        for again in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text):
            if not taken.overlaps(*again.span()):
                taken.add(*again.span())
                added.append(ActorMatch(again.start(), again.end(), name, entry))
    for again in the.finditer(text):
        last = max((a for a in added if a.end <= again.start()), key=lambda a: a.start, default=None)
        if last is None or taken.overlaps(*again.span()):
            continue
        taken.add(*again.span())
        added.append(ActorMatch(again.start(), again.end(), again.group(), last.actor))
    out = []
    for m in sorted(matches + added, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev is not None and m.actor.id == "OUTLET" and prev.actor.generic and prev.actor.kind == "journalists" \
                and staff.match(text[prev.end:m.start]):
            out[-1] = ActorMatch(prev.start, m.end, text[prev.start:m.end], m.actor)  # "a columnist for the paper"
            continue
        out.append(m)
    return out


# A person introduced by a title, an age or an apposition ("labor leader Jane Roe", "Jane Roe, 33,",
# "Jane Roe, who ..."); the text then names them by surname ("Roe", "Mrs Roe"): each mention is that person.
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
_COURTESY = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$")


@lru_cache(maxsize=1)
def _introduced() -> re.Pattern:
    titles = sorted(person_titles(), key=len, reverse=True)
    alternatives = "|".join(re.escape(t) for t in titles)
    # a title, matched in any case ("Labor leader", "labor leader"), before a capitalised name; an age
    # after the name ("Jane Roe, 33,"); what they are to someone ("Jane Roe, one of ...", "Jane Roe,
    # who ...", "Jane Roe, uncle of ...", "Jane Roe's family"); where they are from ("Jane Roe, of
    # Leeds,"). A full name found only from a later "Mrs Roe", or an age before the name
    # ("a 56-year-old Jane Roe") was tried and measured: it made the events stage read false records.
    kin = "uncle|aunt|son|daughter|wife|husband|brother|sister|father|mother|cousin|nephew|niece|widow"
    return re.compile(rf"(?<![\w\-])(?i:{alternatives})\s+({_NAME})|({_NAME})(?=,\s+\d{{1,3}},)"
                      rf"|({_NAME})(?=,\s+(?:one of|who|(?:{kin})\s+of)\s|,\s+of\s+[A-Z])"
                      # whose kin or family the text speaks of ("Jane Roe's family", "Jane Roe's husband")
                      rf"|({_NAME})(?=['’]s\s+(?:family|relatives|lawyers?|{kin})\b)"
                      # "an asylum seeker named Elizabeth": the text gives the person's name, a given name alone too
                      rf"|(?<=\s)(?:a|an)\s+(?:[\w\-]+\s+){{0,3}}named\s+({_NAME})(?![\w\-])")


# offices held by one person at a time, whose title alone ("the judge") then names that person
_OFFICES = frozenset({"head of state", "government"})
# "former minister", "ex-President", "the retired judge": the office is no longer held
_FORMER_BEFORE = re.compile(rf"(?<![\w\-])(?i:{'|'.join(former_markers())})\b[\s\-]*(?:[\w'’]+\s+){{0,3}}$")


# the classes a named person is counted among ("detained two students ... arrested Jane Roe, 20,")
_MEMBER_CLASSES = frozenset({"students", "journalists", "workers", "human rights defenders"})


def _class_before(text: str, matches: list[ActorMatch], at: int, reach: int = 320) -> str | None:
    """The class of the people named just before ``at``: after "detained two students", the untitled
    "Jane Roe, 20," is one of those students. The nearest people's class within ``reach`` characters
    (a paragraph may lie between) speaks; a plain "civilians" or "people" there leaves the person a civilian."""
    start = max(0, at - reach)
    for m in sorted((m for m in matches if start <= m.start and m.end <= at), key=lambda m: -m.start):
        if m.actor.generic and m.actor.kind in PEOPLE_KINDS:
            return m.actor.kind if m.actor.kind in _MEMBER_CLASSES else None
    return None


# the noun before "named" says a person is named: a word for a doer or a person ("seeker", "activist",
# "migrant", "resident"), or a class of people ("woman", "girl") or a title
_PERSON_NOUN = re.compile(r"(?:er|or|ist|ant|ent|man|woman|girl|boy|child|son|daughter|wife|husband|mother|father)\s+named\s")


def _plain_name(words: str, alone: bool = False) -> bool:
    """Words that can be a person's full name (``alone``: a given name the text calls the person by)."""
    parts = [w.strip(".,") for w in re.split(r"[\s\-]+", words)]
    return len(words.split()) >= (1 if alone else 2) and not any(
        w in _NOT_NAME or w.lower() in demonym_lookup() or w.lower() in person_titles() for w in parts
    ) and not find_countries(words) and not _ORG_WORDS.search(words) and not find_heads(words)


def _persons(doc: Doc, matches: list[ActorMatch], context: str | None) -> list[ActorMatch]:
    """Persons the text introduces by a title, an age or an apposition, at each mention of their full
    name or surname: an actor under their own name (kind from the title, else civilians)."""
    text = doc.text
    taken = Coverage(len(text))
    for m in matches:
        taken.add(m.start, m.end)
    # where a name would start right after an actor's words
    ends = {m.end + len(gap) for m in matches for gap in re.findall(r"^\s+", text[m.end:m.end + 3])}
    people: dict[str, tuple[str, str]] = {}  # surname -> (full name, kind)
    ranks: set[str] = set()
    titled: dict[str, set[str]] = {}  # a title -> the surnames of those the text gives it
    for found in _introduced().finditer(text):
        name = found.group(1) or found.group(2) or found.group(3) or found.group(4) or found.group(5)
        if not name or not _plain_name(name, alone=bool(found.group(5))) or _title_case(text, found.start()):
            continue
        if found.group(5) and not _PERSON_NOUN.search(text, found.start(), found.start(5)):
            continue  # "a town named Garissa": the thing named is no person
        title = text[found.start():found.start(1)].strip().lower() if found.group(1) else ""
        kind = person_titles().get(title) or _class_before(text, matches, found.start()) or "civilians"
        if title and _FORMER_BEFORE.search(text, max(0, found.start() - 40), found.start()):
            kind = _class_before(text, matches, found.start()) or "civilians"  # "former minister Jane Roe": a private person now
        surname = next(w for w in reversed(name.split()) if w.rstrip(".") not in _SUFFIXES)
        if kind == "state military":
            ranks.add(surname)  # an officer acts through the force: the events stage names the force
            continue
        if len(surname) >= 3 and (surname not in people or people[surname][1] == "civilians" and title):
            people[surname] = (people[surname][0] if surname in people else name, kind)
            if title and (kind in _OFFICES or person_titles().get(title) not in _OFFICES):
                titled.setdefault(title, set()).add(surname)  # not a former office's holder
    for surname in ranks:
        people.pop(surname, None)
    if not people:
        return matches
    # "the judge" names the holder of an office held by one person at a time; "the bishop", "the
    # lawyer" name the one person the text gives that title, when it gives it to no other
    holders = {title: surnames for title, surnames in titled.items()
               if len(surnames) == 1 or person_titles().get(title) in _OFFICES}
    added: list[ActorMatch] = []
    absorbed: set[int] = set()
    for surname, (name, kind) in people.items():
        first = name.split()[0]
        for again in re.finditer(rf"(?<![\w\-]){re.escape(surname)}(?![\w\-])", text):
            start, end = again.span()
            at = name.rfind(surname)
            before = text[max(0, start - at):start]
            if at >= 0 and text[max(0, start - at):start - at + len(name)] == name:
                start, end = start - at, start - at + len(name)  # the full name
            elif before.rstrip().split()[-1:] and before.rstrip().split()[-1][:1].isupper() \
                    and before.rstrip().split()[-1] != first and not _COURTESY.search(before) \
                    and before.rstrip().split()[-1].lower() not in person_titles():
                continue  # "Hafez Smith": another person of that surname
            courtesy = _COURTESY.search(text[max(0, start - 6):start])
            if courtesy:
                start -= len(courtesy.group())
            if taken.overlaps(start, end) or start in ends:
                continue  # right after an actor's words ("rights activist Osman Kavala"): that actor's person
            if _led_body().match(text, end):
                continue  # "the Buhari government", "Keita's government": the body the person heads
            country, parent = context, None
            titled = _title_before().search(text, max(0, start - 40), start)
            if titled and not courtesy and not taken.overlaps(titled.start(1), start):
                start = titled.start(1)  # "President Omar Roe": the person in the words that name the office
                # "Egyptian President Omar Roe": the state's word before the office is the person's state
                state = next((m for m in matches if (m.demonym or _is_country_word(m)) and m.actor.country
                              and m.end <= start and not text[m.end:start].strip()), None)
                if state is not None:  # the person acts for that state, as personal() reads it
                    start, country = state.start, state.actor.country
                    parent = None if state.actor.id in UNLISTED_IDS else state.actor.id
                    absorbed.add(id(state))
            taken.add(start, end)
            added.append(ActorMatch(start, end, text[start:end],
                                    ActorEntry(_PERSON_ENTRY, name, kind, country, parent, False)))
    for title, surnames in holders.items():
        # "the judge", "the governor": the person the text gave that office last before these words;
        # "the interior minister" the one it called "Minister of the Interior"
        written = _OFFICE_OF.fullmatch(title)
        words = re.escape(title) + (rf"|{re.escape(written.group(1))}\s+minister" if written else "")
        for again in re.finditer(rf"(?<![\w\-])[Tt]he\s+(?:{words})(?![\w\-])(?![^\S\n]+(?:of\b|[A-Z]))", text):
            start, end = again.span()
            last = max((a for a in added if a.start < start and a.actor.name in {people[s][0] for s in surnames if s in people}),
                       key=lambda a: a.start, default=None)
            if last is None or taken.overlaps(start, end):
                continue
            taken.add(start, end)
            added.append(ActorMatch(start, end, text[start:end], last.actor))
    return [m for m in matches if id(m) not in absorbed] + added


_OFFICE_OF = re.compile(r"minister\s+of\s+(?:the\s+)?([a-z]+)")


# "The 63-year-old, who ...", "the 41-year-old was charged": a person named before, called by age
_AGED = re.compile(r"(?<![\w\-])[Tt]he[^\S\n]+\d{1,3}-year-old(?=,|[^\S\n]+(?:was|is|has|had|who|will|would|remains|remained)\b)")


def _aged_mentions(text: str, matches: list[ActorMatch]) -> list[ActorMatch]:
    """"The 63-year-old" standing alone is the person the text named last before it (within the
    reach of a pronoun), as a reader takes it; with no person named there it names no one."""
    added = []
    for found in _AGED.finditer(text):
        start, end = found.span()
        if any(m.start < end and start < m.end for m in matches):
            continue
        last = max((m for m in matches if m.actor.id == _PERSON_ENTRY and m.end <= start
                    and start - m.end <= _ANTECEDENT_REACH), key=lambda m: m.start, default=None)
        if last is not None:
            added.append(ActorMatch(start, end, found.group(), last.actor))
    return sorted(matches + added, key=lambda m: m.start) if added else matches


_FAMILY = re.compile(r"(?:[Tt]he\s+)?(?:family|relatives|family members)")
_FAMILY_OF = re.compile(r"[^\S\n]+of[^\S\n]+")


def _families(text: str, matches: list[ActorMatch]) -> list[ActorMatch]:
    """"Jane Roe's family", "the family of Jane Roe": the relatives of a person the text names act as
    one party, named as coders name a family (the surname and "family", like "Assad family"); they
    are neither that person nor anonymous civilians. The person stays named in their own words."""
    persons = [m for m in matches if m.actor.id == _PERSON_ENTRY]
    if not persons:
        return matches
    out: list[ActorMatch] = []
    for m in matches:
        owner = None
        if m.actor.id == "CIVILIANS" and _FAMILY.fullmatch(m.text):
            of = _FAMILY_OF.match(text, m.end)
            owner = next((p for p in persons if p.end <= m.start and re.fullmatch(r"['’]s?[^\S\n]+", text[p.end:m.start])
                          or of is not None and p.start == of.end()), None)
            if owner is None and of is None and m.text.lower().startswith("the "):
                # "The family has demanded ...": the family of the private person the story is about
                # (named most often before it)
                before = [p for p in persons if p.end <= m.start and p.actor.kind in PEOPLE_KINDS]
                counts = {p.actor.name: sum(q.actor.name == p.actor.name for q in before) for p in before}
                owner = max(before, key=lambda p: (counts[p.actor.name], p.start), default=None)
        if owner is None:
            out.append(m)
            continue
        surname = next((w for w in reversed(owner.actor.name.split()) if w.rstrip(".") not in _SUFFIXES), owner.actor.name)
        entry = ActorEntry("NAMED_BODY", f"{surname} family", m.actor.kind, owner.actor.country or m.actor.country, None, False)
        out.append(ActorMatch(m.start, m.end, m.text, entry))
    return out


@lru_cache(maxsize=1)
def _title_before() -> re.Pattern:
    return re.compile(rf"(?<![\w\-])((?i:{person_title_alternation()}))[^\S\n]+$")


@lru_cache(maxsize=1)
def _led_body() -> re.Pattern:
    bodies = "|".join(re.escape(b) for b in led_bodies())
    return re.compile(rf"(?:['’]s|/[\w\-]+)?\s+(?:{bodies})\b", re.I)


# the sex a singular pronoun says its person is
PRONOUN_SEX = {"he": "male", "him": "male", "she": "female", "her": "female"}
_ANTECEDENT_REACH = 600  # the sentence and the one or two before it
_COLLECTIVE = re.compile(r"\b(?:family|families|couple|people|group|crowd|relatives)\b", re.I)


def antecedent(doc: Doc, at: int, pronoun: str, exclude: tuple[int, int] | None = None) -> ActorMatch | None:
    """The person a singular pronoun at ``at`` stands for: the person named last before it ("Jane Roe,
    33, ... after she was summoned" is Jane Roe). The nearest one person before it decides: a person
    of the other sex ("Mr Roe", "the man" for "she"), a possessor right before the act ("the
    minister's accusations against him") or the act's agent at ``exclude`` are passed over; a class
    ("a woman") nearest leaves it unresolved; a group ("the family") is passed over."""
    if pronoun.lower() in ("they", "them"):
        return _plural_antecedent(doc, at, exclude)
    sex = PRONOUN_SEX.get(pronoun.lower())
    if sex is None:
        return None
    other = gendered_words().get("male" if sex == "female" else "female", frozenset())
    text = doc.text
    for a in _named_before(doc, at, exclude):
        if a.actor.kind not in PEOPLE_KINDS:
            continue
        if re.match(r"['’]s?\s", text[a.end:a.end + 3]) and len(text[a.end:at].split()) <= 5:
            continue  # "the minister's accusations against him": the pronoun within the possessor's own phrase
        words = {w.lower().rstrip(".") for w in re.findall(r"[\w.]+", text[max(0, a.start - 6):a.end])}
        if words & other:
            continue
        if a.actor.id != _PERSON_ENTRY:
            if _COLLECTIVE.search(a.text):
                continue  # "Jane Roe's family ... after she was summoned": a group is not "she"
            return None
        return ActorMatch(a.start, a.end, text[a.start:a.end], a.actor)
    return None


# "the group", "the organisation": a definite description of a body named before
_BODY_ANAPHOR = re.compile(r"(?:[Tt]he|[Tt]his)\s+(?:group|organi[sz]ation|association|union|coalition|movement|rights group)")
_BODY_KINDS = frozenset({"NGO", "party", "armed group", "terrorist group", "rebels", "militia", "monitor",
                         "international organisation"})


def body_antecedent(doc: Doc, at: int, words: str) -> ActorMatch | None:
    """The body "the group" at ``at`` stands for: the organisation named last before it within reach
    ("the Filipino Association of ..., a group of agency secretaries, held a Mass. The group has issued
    an appeal"); states, persons and classes of people named in between are not groups."""
    if not _BODY_ANAPHOR.fullmatch(words):
        return None
    return next((a for a in _named_before(doc, at, None)
                 if a.actor.kind in _BODY_KINDS and not a.actor.generic and a.actor.id != _PERSON_ENTRY), None)


def _named_before(doc: Doc, at: int, exclude: tuple[int, int] | None) -> Iterator[ActorMatch]:
    """The actors named (not as demonyms) within reach before ``at``, nearest first, but the one at
    ``exclude`` (the act's agent)."""
    for a in sorted(doc.actors, key=lambda a: -a.start):
        if a.end > at or a.end < at - _ANTECEDENT_REACH or a.demonym:
            continue
        if exclude is not None and a.start < exclude[1] and exclude[0] < a.end:
            continue
        yield a


def _plural_antecedent(doc: Doc, at: int, exclude: tuple[int, int] | None) -> ActorMatch | None:
    """The people "they" stands for: the class of people named last before it, in the plural ("four
    journalists were detained ... They were charged"); one person named there is passed over."""
    for a in _named_before(doc, at, exclude):
        if a.actor.id == _PERSON_ENTRY:
            continue
        if not (a.actor.generic and a.actor.kind in PEOPLE_KINDS and a.actor.kind != "unknown"):
            return None  # another party named last: "they" may be it
        last = a.text.split()[-1].lower()
        if last.endswith("s") or last == "people":
            return a
        return None
    return None
