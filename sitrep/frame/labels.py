"""Framing: how each outlet names each actor, and loaded language per article.

The label table counts, per outlet and canonical actor, the words used for the actor
("liberation forces", "terrorist forces", "rebels"), with example quotes. Loaded-language spans
come from a reviewed lexicon (``data/loaded_language.yaml``) plus a pattern for slogans.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from sitrep import lexicon
from sitrep.model import Article
from sitrep.resolve.datafiles import load_yaml
from sitrep.stages.actors import find_actors
from sitrep.stages.doc import Doc

_SLOGAN = re.compile(r"(?:^|(?<=[.!?\n]))\s*([A-Z“\"][^.!?\n]{3,70}!)")


@dataclass
class LoadedSpan:
    category: str
    text: str
    start: int
    end: int
    quoted: bool = False  # inside quotation marks: the speaker's words, not the outlet's


_QUOTE_PAIRS = re.compile(r'"[^"\n]{1,600}"|“[^”\n]{1,600}”|«[^»\n]{1,600}»')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the passages of ``text`` inside quotation marks: words there are the
    speaker's, not the outlet's own voice."""
    return [(m.start(), m.end()) for m in _QUOTE_PAIRS.finditer(text)]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start < offset < end for start, end in spans)


@lru_cache(maxsize=1)
def _lexicon() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for category, phrases in load_yaml("loaded_language.yaml").items():
        for phrase in phrases:
            automaton.add_word(phrase.lower(), (category, len(phrase)))
    automaton.make_automaton()
    return automaton


def loaded_language(text: str) -> list[LoadedSpan]:
    """Loaded-language spans in ``text``, each with its category."""
    spans: list[LoadedSpan] = []
    lowered = text.lower()
    for end, (category, length) in _lexicon().iter(lowered):
        start = end - length + 1
        if (start > 0 and text[start - 1].isalnum()) or (end + 1 < len(text) and text[end + 1].isalnum()):
            continue
        spans.append(LoadedSpan(category, text[start:end + 1], start, end + 1))
    for m in _SLOGAN.finditer(text):
        words = m.group(1).split()
        if 2 <= len(words) <= 10:
            spans.append(LoadedSpan("slogans", m.group(1).strip(), m.start(1), m.end(1)))
    quotes = quoted_spans(text)
    for span in spans:
        # quoted, or inside reported speech ("the army said terrorists attacked"): the speaker's words
        start = max(0, text.rfind(".", 0, span.start) + 1)
        end = text.find(".", span.end)
        sentence = text[start:end if end != -1 else len(text)]
        span.quoted = _inside(quotes, span.start) or _attributed(sentence, span.start - start, span.end - start)
    spans.sort(key=lambda s: s.start)
    return spans


# Words an outlet puts before a name to frame it: "US-backed separatist SDF militia",
# "so-called Islamic State", "the criminal Assad regime".
_QUALIFIER = re.compile(
    r"(?:\b(?:(?:al[ -]|New |Saudi |United )?[\w.]+-(?:backed|led|held|linked|affiliated|supported|sponsored|funded|allied|controlled|based|aligned))|"
    r"\b(?:so-called|self-proclaimed|separatist|terrorist|extremist|criminal|takfiri|moderate|radical|jihadist|"
    r"heroic|brave|treacherous|occupying|illegitimate|notorious|tyrannical|fascist|puppet|rogue|barbaric|"
    r"brutal|mercenary|foreign-backed|Islamist|militant|armed|rebel)\b)\s+$", re.I)


def _with_qualifiers(text: str, start: int) -> int:
    """Start of the label once the qualifiers just before it are included (at most three)."""
    for _ in range(3):
        m = _QUALIFIER.search(text[max(0, start - 40):start])
        if not m:
            break
        start = start - (len(text[max(0, start - 40):start]) - m.start())
    return start


@lru_cache(maxsize=1)
def _speech() -> re.Pattern:
    from sitrep.lexicon import speech_verbs

    extra = load_yaml("framing.yaml")["speech_cues"]
    return re.compile(r"\b(?:" + "|".join(re.escape(v) for v in [*speech_verbs(), *extra]) + r")\b", re.I)


# What may stand between a speaker and its verb: a comma, an apposition's end, "also", "on Tuesday";
# not a pronoun, which is the speaker itself ("we will wipe out the PKK, he said").
_SPEAKER_GAP = re.compile(r"[\s,)\]]*(?:(?:also|has|have|had|later|earlier|on \w+day)\s+)?", re.I)


_ANONYMOUS = re.compile(r"\s*(?:a |an |the |local |military |security |informed |medical )*sources?\b[^,.]{0,20}\s*$|"
                        r"\s*(?:a |an |the |local |military |security |informed |medical )*sources?\b", re.I)


# Verbs a speaker may follow ("..., said the monitor"); after others the next name is what was
# said, not who said it ("Siege Watch claimed the workers were targeted").
_INVERTED = frozenset(lexicon.speech_verb_set("speaker_after"))


def _attributed(sentence: str, start: int, end: int) -> bool:
    """Whether an actor named at ``start:end`` of ``sentence`` is inside reported speech: the
    sentence reports someone's words ("X said", "according to X") and the actor is not that
    speaker (named just before the verb, or just after "according to")."""
    verbs = [v for v in _speech().finditer(sentence)
             # an unnamed source's words, paraphrased, are worded by the outlet ("local sources said")
             if not _ANONYMOUS.search(sentence[max(0, v.start() - 30):v.start()])
             and not _ANONYMOUS.match(sentence[v.end():v.end() + 30])]
    if not verbs:
        return False
    for v in verbs:
        if v.group(0).lower() == "according to":
            if 0 <= start - v.end() <= 5:
                return False
            continue
        # "two soldiers said Observatory director Abdel Rahman": the speaker follows the verb, so
        # the name before it is what was said (texts without commas read both ways)
        speaker_after = bool(_NAME_AFTER.match(sentence, v.end())) and v.group(0).lower() in _INVERTED
        if 0 <= v.start() - end and _SPEAKER_GAP.fullmatch(sentence[end:v.start()]) and not speaker_after:
            return False  # "the monitor said", "Rami Abdel Rahman told AFP"
        # "..., said Observatory chief Rami Abdel Rahman" ends the sentence; "said the army
        # confiscated an arms cache" goes on with what was said
        tail = len(sentence[end:].split())
        if 0 <= start - v.end() <= 2 and v.group(0).lower() in _INVERTED and tail <= SPEAKER_TAIL_WORDS \
                and len(sentence[:v.start()].split()) >= max(INVERTED_MIN_WORDS, tail + 1):
            return False  # what was said (a clause) comes first, and is longer than what follows the name
    return True


# A name right after a verb: capitalised, not a day or month ("said Tuesday").
_NAME_AFTER = re.compile(r"\s+(?:the |a |an )?(?!(?:" + "|".join((*lexicon.weekdays(), *lexicon.months()))
                         + r"|It|He|She|They|We|On|In)\b)[A-Z]")
SPEAKER_TAIL_WORDS = 6  # words after a speaker named after its verb, to the end of the sentence
INVERTED_MIN_WORDS = 4  # "Eight were killed said ...": the words said before an inverted verb


@lru_cache(maxsize=1)
def _framing_words() -> tuple[re.Pattern, frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    data = load_yaml("framing.yaml")
    return (re.compile("|".join(f"(?:{p})" for p in data["boilerplate_sentence"])),
            frozenset(w.lower() for w in data["modifier_heads"]), tuple(data["modifier_prefixes"]),
            frozenset(w.lower() for w in data["acts"]), frozenset(w.lower() for w in data["bare_adjectives"]))


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _modifier(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` qualifies another noun ("Assad regime forces", "US
    airstrikes", "anti-Assad rebels") rather than naming its actor."""
    _, heads, prefixes, _, _ = _framing_words()
    before = text[max(0, start - 6):start].lower()
    if any(before.endswith(p) for p in prefixes):
        return True
    nxt = _NEXT_WORD.match(text, end)
    if nxt and (nxt.group(1).lower() in heads or nxt.group(1).lower() in _framing_words()[3]):
        return True  # "IS militants", "an Islamic State counteroffensive": the name qualifies the noun
    name = text[start:end]
    if name.lower() in _framing_words()[4] and not _DETERMINED.search(text[max(0, start - 12):start]):
        return True  # "recent military defeats": an adjective
    if name.islower() and _NAME_AFTER.match(text, end):
        return True  # "the paramilitary National Defence Forces": the name that follows is the label
    # "Opposition Forces" inside "National Coalition for Syrian Revolution and Opposition Forces"
    return name[:1].isupper() and bool(_INSIDE_NAME.search(text[max(0, start - 40):start]))


_DETERMINED = re.compile(r"(?:\b(?:the|its|their|his|her)|'?s)\s+$", re.I)
_INSIDE_NAME = re.compile(r"[A-Z][\w-]*\s+(?:and|for|of|&)\s+$")


def _names_an_act(label: str) -> bool:
    """Whether a matched phrase names an act ("Russian airstrikes") rather than its actor."""
    words = label.lower().split()
    return bool(words) and words[-1] in _framing_words()[3]


# Canonical actors that framing cannot compare across outlets: nobody in particular.
_UNNAMED = frozenset({"CIVILIANS"})


def actor_labels(article: Article) -> list[tuple[str, str, str]]:
    """(canonical actor, label as written, quote) for every actor mention of an article."""
    doc = find_actors(Doc(article=article, text=article.text))
    quotes = quoted_spans(article.text)
    outlet = (article.outlet or "").lower()
    furniture = _framing_words()[0]
    out = []
    for m in doc.actors:
        if m.demonym or m.actor.id in _UNNAMED or not m.actor.name or m.actor.name.startswith("Unnamed "):
            continue  # an unnamed actor ("a monitoring group") is no one to compare outlets on
        if _inside(quotes, m.start):
            continue  # a quoted speaker's words label the actor for the speaker, not the outlet
        if m.actor.generic and not m.actor.country or m.actor.kind in _unframed_kinds():
            continue  # "soldiers" of no state, "doctors", "reporters": people, no party to frame
        if _modifier(article.text, m.start, m.end) or _names_an_act(article.text[m.start:m.end]):
            continue  # "Assad regime forces", "Russian airstrikes": not a name for the actor
        if article.text[m.end:m.end + 1] == "-":
            continue  # "Al Qaeda-held", "Russia-backed": part of a word about something else
        if _a_place(article.text, m):
            continue  # "fighters from Libya": a country as a place, not as an actor
        if _another_person(article.text, m):
            continue  # "Hafez al-Assad": the surname of someone else, not the actor's label
        if _INDEFINITE.search(article.text[max(0, m.start - 4):m.start]) and not m.actor.generic:
            continue  # "calls to build an international coalition": not the named actor, some other one
        if _FACILITY_OF.search(article.text[max(0, m.start - 20):m.start]):
            continue  # "the city's Scientific Research Center": a building of the place, not an actor
        name = m.actor.name
        start = _with_qualifiers(article.text, m.start)
        quote_start, quote_end = _sentence_bounds(article.text, start, m.end)
        sentence = article.text[quote_start:quote_end if quote_end != -1 else len(article.text)]
        if furniture.search(sentence):
            continue  # a link list, tag list or video title: the page's furniture, not its reporting
        if _attributed(sentence, start - quote_start, m.end - quote_start) or _FIRST_PERSON.search(sentence):
            continue  # reported speech (or a speaker's "I", "we" without quotation marks) labels the actor for the speaker
        if m.text.islower() and len(m.text) <= 4:
            continue  # "let" is no "LeT": a short name matched in lower case is a common word
        if "." in article.text[start:m.end].rstrip("."):
            continue  # a label across a sentence break (a dateline, a lost full stop) is no phrase
        if _BROKEN_WORD.search(article.text[start:m.end]):
            continue  # "Beirut London- Warplanes": a dateline's dash run into the story, no phrase
        quote = article.text[quote_start:quote_end + 1 if quote_end != -1 else len(article.text)].strip()
        label = _normal_label(article.text[start:m.end])
        if _bare_context_word(label):
            continue  # "the army", "authorities": which army the context says, not the outlet's label
        if m.actor.kind in _STATE_KINDS and _OTHER_SIDE.search(label):
            continue  # "opposition forces" cannot name a state's army: a misread, not a label
        if outlet and label.lower() == outlet:
            continue  # an outlet naming itself (its dateline, "SANA said") frames nobody
        if m.actor.generic and any(o is not m and not o.actor.generic and not o.demonym and o.actor.kind == "armed group"
                                   and quote_start <= o.start < quote_start + len(sentence) for o in doc.actors):
            continue  # "jihadists, notably al-Nusra Front": a common word beside a named group may mean either
        if label.split()[-1] in _relatives():
            continue  # "the Assad family": the actor's relatives, not the actor
        if _QUALIFIER_ONLY.search(label):
            continue  # "qaeda-linked": a qualifier of the name after it, not a name
        if _NUMBER.search(label):
            continue  # "Aleppo SANA One civilian": a headline run into its story, not a name
        out.append((name, label, quote[:300]))
    return out


_INDEFINITE = re.compile(r"\b(?:a|an|another)\s+$", re.I)
_FACILITY_OF = re.compile(r"\b(?:city|town|village|province|district|capital|area)(?:'s|’s|s)\s+$", re.I)
_BROKEN_WORD = re.compile(r"\w-(?:\s|$)")
# Abbreviations whose full stop ends no sentence ("Maj. Gen. Igor Konashenkov said")
# and initials ("U.S.", "U.N.", "Abu M. Ahmad")
_ABBREVIATION = re.compile(r"(?:\b(?:Maj|Gen|Lt|Col|Capt|Sgt|Brig|Adm|Dr|Mr|Mrs|Ms|St|Prof|Rev|Sen|Rep|Gov|Jr|Sr)|(?<![\w.])[A-Z]|\b[A-Z]\.[A-Z])$")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start:end``: from the full stop before it to the one after it (-1 at
    the text's end), passing over abbreviations' full stops."""
    left = text.rfind(".", 0, start)
    while left > 0 and _ABBREVIATION.search(text, max(0, left - 6), left):
        left = text.rfind(".", 0, left)
    right = text.find(".", end)
    while right != -1 and _ABBREVIATION.search(text, max(0, right - 6), right):
        right = text.find(".", right + 1)
    return max(0, left + 1), right


_STATE_KINDS = frozenset({"state military", "government", "police", "ministry"})
_OTHER_SIDE = re.compile(r"\b(?:opposition|rebels?|insurgents?|anti-government|anti-regime)\b", re.I)
_QUALIFIER_ONLY = re.compile(r"-(?:linked|backed|led|held|affiliated|allied|aligned|inspired|controlled|run|based)$")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|us)\b")
_NUMBER = re.compile(r"\b(?:\d+|" + lexicon.count_alternation(1, 10) + r"|dozens?|hundreds?)\b", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:from|in|into|inside|across|over|to|towards|near|with)\s+(?:the\s+)?$", re.I)


_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


def _another_person(text: str, m) -> bool:  # noqa: ANN001 - an actor mention of the actors stage
    """Whether a person's name is matched by its surname inside another person's full name: a
    given name right before it that is neither a title nor the actor's own ("Hafez al-Assad",
    "Maher al-Assad" for Bashar al-Assad)."""
    from sitrep.lexicon import person_titles

    if m.actor.kind not in ("head of state", "person", "politician", "official"):
        return False
    before = _NAME_BEFORE.search(text[max(0, m.start - 20):m.start])
    if not before:
        return False
    word = before.group(1).lower()
    own = {w.lower() for w in re.split(r"[\s-]+", m.actor.name or "")}
    return word not in own and word not in person_titles() and word not in _NOT_GIVEN_NAMES


# Capitalised words before a surname that are no given name (a sentence's first word, a demonym)
_NOT_GIVEN_NAMES = frozenset({"the", *lexicon.demonym_set("not_given_names"), "us", "president",
                              "mr", "when", "as", "but", "and", "after", "while", "if", "that", "regime", "leader",
                              "dictator", "strongman", "embattled", "ousted", "late"})


def _a_place(text: str, m) -> bool:  # noqa: ANN001 - an actor mention of the actors stage
    """Whether a government named by its country ("Libya", "Turkey") is used as a place: right
    after "from", "in", "into" ("fighters from Libya")."""
    if m.actor.kind != "government" or not _PLACE_BEFORE.search(text[max(0, m.start - 16):m.start]):
        return False
    words = text[m.start:m.end].lower().split()
    return not any(w in {"government", "regime", "authorities", "administration"} for w in words)


def _bare_context_word(label: str) -> bool:
    """Whether a label is only a common noun that names an actor through the document's context
    ("the army", "authorities", "soldiers"): ``data/framing.yaml``'s ``context_words``; or names
    "activists", the outlets' informants, who are no human rights defenders by that word alone."""
    words = label.lower().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) in _context_words() or (bool(words) and words[-1] in ("activists", "activist"))


@lru_cache(maxsize=1)
def _relatives() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("framing.yaml")["relatives"])


@lru_cache(maxsize=1)
def _unframed_kinds() -> frozenset[str]:
    return frozenset(load_yaml("framing.yaml")["unframed_kinds"])


@lru_cache(maxsize=1)
def _context_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("framing.yaml")["context_words"])


def _normal_label(text: str) -> str:
    return " ".join(text.split()).strip().lower() if not text.isupper() else text


@dataclass
class Framing:
    """How a store's outlets frame actors, read in one pass over the articles."""

    labels: dict[tuple[str, str], Counter]  # (canonical actor, outlet) -> labels and counts
    examples: dict[tuple[str, str, str], str]  # (actor, outlet, label) -> a quote
    language: dict[str, Counter]  # outlet -> loaded-language spans per category, "_words", "_articles"
    # outlet -> (category, term) -> count, in the outlet's own voice: the terms behind each rate
    terms: dict[str, Counter] = field(default_factory=dict)


def read_framing(store) -> Framing:  # noqa: ANN001
    labels: dict[tuple[str, str], Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str, str], str] = {}
    language: dict[str, Counter] = defaultdict(Counter)
    terms: dict[str, Counter] = defaultdict(Counter)
    for article in store.iter_articles():
        outlet = article.outlet or "?"
        for name, label, quote in actor_labels(article):
            labels[(name, outlet)][label] += 1
            examples.setdefault((name, outlet, label), quote)
        counts = language[outlet]
        counts["_words"] += len(article.text.split())
        counts["_articles"] += 1
        for span in loaded_language(article.text):
            # the outlet's own voice is counted; quoted speech apart, under "_quoted"
            counts["_quoted" if span.quoted else span.category] += 1
            if not span.quoted:
                terms[outlet][(span.category, " ".join(span.text.lower().split()))] += 1
    return Framing(dict(labels), examples, dict(language), dict(terms))


def framing_table(store) -> dict[tuple[str, str], Counter]:  # noqa: ANN001
    """(canonical actor, outlet) -> Counter of labels."""
    return read_framing(store).labels


def label_sample(framing: Framing, n: int, seed: int) -> list[dict[str, str]]:
    """``n`` distinct (actor, outlet, label) entries drawn with ``seed``, each with its example
    quote: the sample a reader judges (issue 15: a label is right when it names that actor in the
    outlet's own voice). E.g. on FA-KES: ``with fused_fakes("../shared/data/fakes_dev.csv") as s:
    label_sample(read_framing(s), 66, 4242)``."""
    import random

    keys = sorted(framing.examples)
    return [{"actor": actor, "outlet": outlet, "label": label, "quote": framing.examples[(actor, outlet, label)]}
            for actor, outlet, label in random.Random(seed).sample(keys, min(n, len(keys)))]
