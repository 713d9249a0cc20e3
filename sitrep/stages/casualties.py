"""Stage: casualty figures ("at least 12 civilians were killed", "killing four children").

Each figure gets its kind (killed/injured), count and approximation, the words naming who,
a category, and the party (a canonical actor) when an actor is named in those words. Parts of a
figure ("including four children", "six civilians were among 22 people killed") are marked as
subsets so that totals are never double-counted.
"""

from __future__ import annotations

import re

from sitrep import lexicon
from sitrep.model import Casualty, Claim, Evidence
from sitrep.stages.doc import CasualtyMatch, Doc

_UNITS = {"a": 1, "an": 1, **{w: lexicon.number_words()[w] for w in lexicon.count_words(1, 19)}}
_TENS = {w: lexicon.number_words()[w] for w in lexicon.count_words(20, 90) if lexicon.number_words()[w] % 10 == 0}
# Vague quantities: "a dozen" is about twelve; the rest name no figure (approx "unknown").
_VAGUE = {
    # "dozens", "scores", "hundreds": a rough size the text gives no number for; no count is invented
    "a dozen": (12, "about"), "dozens": (None, "unknown"), "scores": (None, "unknown"),
    "hundreds of thousands": (None, "unknown"), "hundreds": (None, "unknown"),
    "thousands": (None, "unknown"), "tens": (None, "unknown"),
    # not numbers at all: the figure is reported as unknown
    "several": (None, "unknown"), "a few": (None, "unknown"), "a number of": (None, "unknown"),
}
_APPROX = {
    "at least": "at_least", "no fewer than": "at_least", "not less than": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "nearly": "about", "almost": "about", "about": "about", "around": "about", "some": "about",
    "approximately": "about", "roughly": "about", "an estimated": "about", "up to": "at_most",
    "a record": "exact", "a confirmed": "exact", "a total of": "exact", "a reported": "exact",
    "a further": "exact", "as many as": "at_most", "less than": "at_most", "fewer than": "at_most", "at most": "at_most",
}
_NUM_WORD = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(lexicon.count_words(1, 9)) + r"))?|"
    + "|".join(sorted((k for k in _VAGUE), key=len, reverse=True)) + "|"
    + "|".join(k for k in _UNITS if k not in ("a", "an")) + r"|a|an)"
)
_APPROX_RE = r"(?:(" + "|".join(sorted(_APPROX, key=len, reverse=True)) + r")\s+)?"
# "killed 25-year-old Sami", "a 10-month-old baby": an age, not a count
_AGE = r"(?!\d)(?!-?\s*(?:years?|months?|weeks?|days?)[-\s]old\b)"
NUM = _APPROX_RE + r"(" + _NUM_WORD + r")" + _AGE + r"(?:\s+(?:more|other|additional|further)(?=\s))?(?:\s+of\s+(?:its|their|the|his|our)(?=\s))?"

_PERSON_NOUNS = (
    r"people|persons|person|civilians|civilian|children|child|kids|babies|infants|women|woman|men|man|"
    r"boys|boy|girls|girl|soldiers|soldier|troops|servicemen|serviceman|fighters|fighter|militants|"
    r"militant|terrorists|terrorist|rebels|rebel|insurgents|insurgent|jihadists|jihadist|members|"
    r"member|gunmen|gunman|policemen|policeman|police officers|officers|officer|personnel|residents|"
    r"villagers|citizens|citizen|workers|students|worshippers|passengers|relatives|journalists|journalist|"
    r"activists|activist|doctors|nurses|paramedics|medics|mercenaries|recruits|guards|elements|"
    r"militiamen|gunmen|commanders|commander|leaders|leader|Syrians|Kurds|Chechens|Iraqis|Turks|"
    r"Russians|others|family members|victims|individuals|staff|detainees|prisoners|hostages|"
    r"protesters|demonstrators|shoppers|patients|pilots|pilot|Alawites|Shiites|Sunnis|Christians|"
    r"Yazidis|Druze|refugees|evacuees|volunteers|rescuers|servicemembers|army personnel|worker|student|"
    r"teacher|teachers|farmer|farmers|driver|drivers|trader|traders|resident|villager|pilgrims|pilgrim|"
    r"priest|priests|lawyer|lawyers|businessman|herdsman|herdsmen|bodyguards|bodyguard|aides|escorts|entourage"
)
# (the words for the dead never run over a verb of harm: "two cluster bombs killing three civilians")
_WHO = (r"((?:(?!(?:among|including|were|was|are|is|and|in|on|by|at|of|from|after|when|as|with|killed|wounded|injured|more|than|least|over|that|which|who|left|leaving|"
        r"killing|wounding|injuring)\b|\d)"
        r"[\w'’\-./]+\s+){0,4}?(?:" + _PERSON_NOUNS + r")"
        # "a rebel commander", "a militant leader": a person noun naming what kind of the next one
        r"(?:\s+(?:" + _PERSON_NOUNS + r")(?![\w\-]))?"
        # "members of the Syrian Democratic Forces", "fighters of the Nusra Front"
        # (a headline's capitals are not a name: "Leaders of Ahrar Al-Sham Killed in ...")
        r"(?:\s+of\s+(?:the\s+)?(?:(?!(?:Killed|Dead|Died|Injured|Wounded|Hurt|Martyred|In|At|On|As|After|Near|By|And)\b)"
        r"(?-i:[A-Z])[\w'’\-]*(?:\s(?=(?-i:[A-Z])))?){1,5}"
        # "members of the terrorist group", "fighters of the armed factions"
        r"|\s+of\s+(?:the|an?|their|its)\s+(?:[\w\-]+\s+){0,2}?(?:group|groups|organi[sz]ation|militia|militias|army|"
        r"forces|movement|front|faction|factions|brigade|brigades|regime|opposition)\b)?)")
# "At least 17 people, most members of opposition groups, were killed": an aside before the verb
_ASIDE = (r"(?:,?\s+(?:among them|including|among whom|most of them|mostly|most|many|some|all)\s+(?:[\w\-]+\s+){0,3}?"
          r"(?:" + _PERSON_NOUNS + r")(?:\s+and\s+(?:[\w\-]+\s+){0,2}?(?:" + _PERSON_NOUNS + r"))?"  # "a woman and two children"
          r"(?:\s+of\s+(?:[\w\-]+\s+){0,3}?[\w\-]+)?,?"
          # "110 fighters, most of them non-Syrians, were killed": who most were, in words of any kind
          r"|,?\s+(?:most|many|all|some)\s+of\s+them\s+[\w\-]+(?:\s+[\w\-]+){0,3}?,?)?")
_PASSIVE = (
    r"(killed|dead|died|injured|wounded|hurt|martyred|lost their lives|perished|slain|"
    r"executed|massacred|were killed|were injured|were wounded|were martyred|were executed|"
    r"beheaded|decapitated|lynched|hanged|"
    r"kidnapped|abducted|suffocated|shot dead|shot to death|murdered|stabbed to death|beaten to death|"
    r"burned to death|burnt to death|hacked to death|gunned down|"
    # "two soldiers later succumbed to their wounds": a death from wounds had before
    r"succumbed to (?:their|his|her|the)\s+(?:wounds|injuries))"
)
_BE = r"(?:\s+(?:were|was|have|has|had|been|are|is|being|reportedly|all|also|later|allegedly|reported|said|to|be|have been|had been|were\s+reportedly))*"
_ACTIVE = (
    r"(killing|killed|kill|kills|left|leaving|claimed the lives of|claiming the lives of|claims the lives of|"
    r"claimed lives of|claiming lives of|claims lives of|"
    r"claimed the life of|claiming the life of|claims the life of|took the life of|taking the life of|"
    r"wounding|injuring|injured|injures|wounded|wounds|executed|executing|executes|massacred|"
    r"beheaded|beheading|beheads|decapitated|decapitating|decapitates|lynched|hanged|"
    r"took the lives of|taking the lives of|kidnapped|abducted|slaughtered|shot dead|"
    r"eliminated|eliminating|neutralized|neutralised)"
)

# ("were summarily executed", "were brutally killed": a manner adverb before the verb)
_RE_PASSIVE = re.compile(r"(?<![\w.,])" + NUM + r"(?:\s+" + _WHO + r")?" + _ASIDE + _BE + r"(?:\s+(?!only\b)[a-z]+ly)?\s+" + _PASSIVE + r"\b", re.I)
_RE_ACTIVE = re.compile(r"\b" + _ACTIVE + r"\s+(?:all\s+|only\s+|another\s+)?" + NUM + r"(?:\s+(?:of\s+)?" + _WHO + r")?(?:\s+(dead|injured|wounded|hurt|killed|shot dead|shot to death))?\b", re.I)
# "police killed 25-year-old Sami Bashir", "shot dead a 17-year-old": one person, named by age
_AGED = r"(?:\d{1,3}|" + "|".join(list(_TENS) + list(_UNITS)[2:]) + r")(?:-\w+)?[-\s](?:years?|months?)[-\s]old"
_AGED_WHO = r"((?!(?:with|in|on|at|by|and|after|when|as|from|was|were|has|had)\b)[\w'’\-]+(?:\s+(?!(?:with|in|on|at|by|and|after|when|as|from|was|were|has|had)\b)[\w'’\-]+){0,2})"
_RE_AGED = re.compile(r"\b" + _ACTIVE + r"\s+(?:an?\s+)?" + _AGED + r"(?:\s+" + _AGED_WHO + r")?", re.I)
# "A 30-year-old man was killed"
_RE_AGED_PASSIVE = re.compile(r"(?<![\w.,])(?:an?\s+)" + _AGED + r"(?:\s+" + _AGED_WHO + r")?\s+(?:was|has been|had been)\s+(?:\w+\s+)?" + _PASSIVE + r"\b", re.I)
# "destroyed over 60 terrorists": a killing in military communiques, counted only for persons
# ("destroyed 23 terrorist targets", "destroyed 14 militant vehicles": the person word names whose things)
_RE_DESTROYED = re.compile(r"\b(destroyed|destroying)\s+" + NUM + r"\s+(" + _PERSON_NOUNS + r")\b(?![\-'’])"
                           r"(?!\s+(?:targets?|positions?|sites?|hideouts?|vehicles?|tanks?|depots?|bases?|camps?|posts?|"
                           r"gatherings?|headquarters|strongholds?|fortifications?|tunnels?|cars?|trucks?|weapons?|"
                           r"facilities|facility|dens?|convoys?|launchers?|cannons?|ammunition|arms)\b)", re.I)
# "claiming 4 martyrs", "the blast claimed 12 lives": a toll told by what the attack took
# "an attack ... leaving 5 martyrs": the dead it left (not "left 5 victims", who may be the wounded)
_RE_CLAIMED_LIVES = re.compile(r"\b(claimed|claiming|claims|left|leaving)\s+" + NUM + r"\s+(martyrs|lives|victims)\b", re.I)
_RE_NOUN = re.compile(r"\b(?:murder|murders|killing|killings|execution|executions|beheading|beheadings|deaths|massacre)\s+of\s+"
                      + NUM + r"\s+" + _WHO, re.I)
# "executed five search warrants": what was executed is no person (the lexicon's executed instruments)
_INSTRUMENT_AFTER = re.compile(r"\s+(?:[\w\-]+\s+){0,2}?(?:" + lexicon.alternation(lexicon.executed_instruments()) + r")\b", re.I)
_OBJECT_AFTER = re.compile(r"^\s+(?:\d[\d,]*|" + lexicon.count_alternation(2, 10) + r"|" + lexicon.approximate_alternation("large_counts") + r")\s+"
                           r"(?!(?:others?\s+)?(?:injured|wounded|hurt|dead|killed|missing)\b)", re.I)
# "the death toll from the rocket attacks on Salah Eddin neighborhood in Aleppo city rose to 8": the
# toll's figure after a long description of what it counts (the figure's span starts at the verb: the
# description names who attacked, not who died)
_ROSE_TO = r"(?:rose|risen|climbed|jumped|increased)\s+to\s+" + NUM + r"\b"
_RE_TOLL_ROSE = re.compile(r"\b(?:death toll|toll|number of (?:the )?dead)\b(?:\s+[\w\-'’]+){0,15}?\s+(?:has\s+)?" + _ROSE_TO, re.I)
_RE_ROSE_TO = re.compile(_ROSE_TO, re.I)
_RE_TOLL = re.compile(r"\b(death toll|toll|number of (?:the )?dead|number of victims)\b(?:\s+\w+){0,5}?\s+(?:to|at|reached|hits?|of|is|was|stands at|rose to)\s+" + NUM + r"\b", re.I)
# "raised the death toll from airstrikes on a market ... the previous day to 61"
_RE_TOLL_RAISED = re.compile(r"\b(?:raised|revised|pushed|brought|updated)\s+(?:the|its|their)\s+(death toll|toll|casualty toll)\b"
                             r"[^.;:]{0,140}?\bto\s+" + NUM + r"\b", re.I)
_RE_SUBSET = re.compile(r"\b(including|among them|among whom|of whom|among those killed were|mostly|most of them)\s+" + NUM + r"(?:\s+" + _WHO + r")?", re.I)
_RE_UNCOUNTED = re.compile(
    r"\b((?:[A-Z][\w'’\-]+\s+){0,3}(?:soldiers|troops|servicemen|civilians|fighters|militants|"
    r"personnel|policemen|children|women|people))\s+(?:were|was|have been|had been)\s+(?:also\s+)?"
    r"(injured|wounded|killed|hurt)\b",
)
_RE_AND = re.compile(r"^\s*,?\s*(?:and|as well as|plus)\s+" + NUM + r"\s+" + _WHO + r"\b(?!\s+(?:were|was|have|had|are)\b)", re.I)
_OWN_VERB = re.compile(r"^(?:\s+[\w\-]+){0,5}?\s+(?:were|was|are|is|got|get)\s+(?:also\s+|reportedly\s+)?(killed|injured|wounded|hurt)\b", re.I)
# "14 of the dead were opposition fighters": a part of a toll told elsewhere
# ("15 of the wounded were in critical condition": a part of the wounded, told elsewhere)
_RE_OF_DEAD = re.compile(r"(?<![\w.,])" + NUM + r"\s+of\s+(?:the|those)\s+(dead|killed|victims|casualties|bodies|wounded|injured)\b", re.I)
_RE_AMONG = re.compile(r"(?<![\w.,])" + NUM + r"\s+" + _WHO + r"\s+(?:were|was)\s+among\b", re.I)

_CATEGORIES = [
    ("children", r"\b(children|child|kids|babies|infants|boys|boy|girls|girl|minors|schoolchildren)\b"),
    ("women", r"\b(women|woman|mothers|wives)\b"),
    ("military", r"\b(soldiers?|troops|servicem[ae]n|army|military|officers?|personnel|policem[ae]n|police|guards|pilots?|conscripts|recruits|army personnel|security forces)\b"),
    ("fighters", r"\b(fighters?|militants?|terrorists?|rebels?|insurgents?|jihadists?|gunm[ae]n|mercenaries|militiam[ae]n|elements|commanders?|members|leaders?|mujahideen|combatants)\b"),
    ("civilians", r"\b(civilians?|residents|villagers|citizens|workers|students|worshippers|passengers|journalists?|activists?|doctors|nurses|paramedics|medics|shoppers|patients|refugees|evacuees|family members|relatives|detainees|prisoners|hostages|protesters|demonstrators|volunteers|rescuers|staff)\b"),
]
_VERBS_INJURED = ("injur", "wound", "hurt")


def tolls_agree(x: int, y: int) -> bool:
    """Two tolls of the dead close enough to count one incident's dead (sources and updates differ
    by a few): the smaller at least four fifths of the larger. In-article merging and fusion across
    articles both ask it."""
    return min(x, y) / max(x, y) >= 0.8


def parse_number(word: str) -> tuple[int | None, str] | None:
    """'12' -> (12, exact); 'twenty-five' -> (25, exact); 'dozens' -> (None, unknown)."""
    w = word.lower().replace(",", "").strip()
    if w.isdigit():
        return int(w), "exact"
    if w in _VAGUE:
        return _VAGUE[w]
    if w in _UNITS:
        return _UNITS[w], "exact"
    parts = re.split(r"[- ]", w)
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0), "exact"
    return None


_VAGUE_WORD = re.compile(r"\b(?:" + "|".join(k for k in _VAGUE if k[0] != "a") + r")\b", re.I)


def is_vague(c: Casualty) -> bool:
    """A figure given as a word for a quantity ("dozens", "scores"), not a number."""
    return bool(c.evidence and _VAGUE_WORD.search(c.evidence.text))


def categorise(who: str | None) -> str:
    if not who:
        return "unknown"
    for category, pattern in _CATEGORIES:
        if re.search(pattern, who, re.I):
            return category
    return "unknown"


def _kind(verb: str) -> str:
    v = verb.lower()
    if v.startswith("succumb"):
        return "killed"  # "succumbed to his wounds": the wounds name what he died of
    if any(v.startswith(p) or f" {p}" in v for p in _VERBS_INJURED):
        return "injured"
    if v.startswith(("kidnap", "abduct")):
        return "abducted"
    return "killed"


def _make(doc: Doc, m: re.Match[str], approx_word: str | None, num_word: str, who: str | None,
          who_span: tuple[int, int] | None, verb: str, offset: int, subset: bool = False) -> CasualtyMatch | None:
    parsed = parse_number(num_word)
    if parsed is None:
        return None
    count, approx = parsed
    if approx_word:
        approx = _APPROX[approx_word.lower()]
        if num_word.lower() == "a dozen" and approx_word.lower() not in ("about", "around", "some", "approximately", "roughly"):
            # "almost a dozen", "more than a dozen": a size short of or past twelve, not a count
            count, approx = None, "unknown"
    if num_word.lower() in ("a", "an") and (not who or who.lower().split()[-1].endswith("s")):
        return None  # "a" counts only for a singular noun: "a child", not "a number"
    if count is not None and 1900 <= count <= 2100 and not who:
        return None  # a year, not a figure
    party = _party(doc, who_span[0] + offset, who_span[1] + offset) if who_span else None
    start, end = m.start() + offset, m.end() + offset
    casualty = Casualty(
        kind=_kind(verb), count=count, approx=approx, who=who, category=categorise(who),
        party=party, subset=subset, evidence=Evidence(doc.text[start:end], start, end),
    )
    return CasualtyMatch(start, end, casualty, subset)


_MONTH = r"(?:" + "|".join(m[:3].lower() for m in lexicon.months()) + r")[a-z]*\.?"
# Dates whose numbers must not be read as figures: "14 August 2016", "September 21, 2016",
# "03-07-2015", "2016/07/03", "in 2015".
_DATES = re.compile(
    r"\b(?:\d{1,2}\s+" + _MONTH + r",?\s+(?:19|20)\d\d|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|" + _MONTH + r"\s+\d{1,2}(?:19|20)\d\d|"
    + _MONTH + r",?\s+(?:19|20)\d\d|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2})\b"
    r"|\b(?:in|since|until|till|during|before|after|early|late|mid)\s+((?:19|20)\d\d)\b", re.I)


def mask_dates(text: str) -> str:
    """The text with its dates blanked (same length, so offsets hold)."""
    def blank(m: re.Match[str]) -> str:
        if m.group(1):  # "in 2015": only the year
            return m.group()[:m.start(1) - m.start()] + " " * len(m.group(1))
        return " " * len(m.group())
    return _DATES.sub(blank, text)


# A second figure with a fate of its own that is no casualty: "... and eight others were treated"
_HARMED = re.compile(r"\s+(?:suffering|with\s+(?:\w+\s+)?(?:injuries|wounds|burns)|in\s+(?:a\s+)?(?:critical|serious)\s+condition|"
                     r"in\s+hospital|hospitali[sz]ed)\b", re.I)
_OTHER_FATE = re.compile(r"^\s+(?:were\s+|was\s+|had\s+|have\s+)?(?:experienc|suffer|treat|rescu|evacuat|arrest|detain|"
                         r"flee|fled|escap|surviv|hospitali[sz]|taken|brought|displac|remain)\w*", re.I)
_COUNTED_BEFORE = re.compile(r"(\d|\b(?:" + "|".join(_UNITS) + r"|" + lexicon.approximate_alternation("counted_before") + r"))\s*$", re.I)


_QUALIFIES = re.compile(r"\s*-\s*(?:affiliated|linked|backed|allied|aligned|sponsored|inspired)\b", re.I)


def _party(doc: Doc, start: int, end: int) -> str | None:
    """The canonical actor named inside the words for the dead ("three Russian soldiers")."""
    # "a commander of the al-Qaeda-affiliated Nusra Front": the group that qualifies another is not the party
    return next((a.actor.name for a in doc.in_span(doc.actors, start, end) if a.actor.id != "CIVILIANS"
                 and not _QUALIFIES.match(doc.text, a.end)), None)


def _overlaps(found: list[CasualtyMatch], start: int, end: int) -> bool:
    return any(c.start < end and start < c.end for c in found)


class _Shifted:
    """A regex match seen from the sentence start (for a match made on a tail of it)."""

    def __init__(self, m: re.Match[str], shift: int):
        self._m, self._shift = m, shift

    def start(self) -> int:
        return self._m.start() + self._shift

    def end(self) -> int:
        return self._m.end() + self._shift


# Who gives a figure, told right before it in its own clause: "the Observatory counted 24 dead",
# "the ministry put the toll at 15", "Y gave a lower toll of eight", "X said 17 were killed".
# Two sources' figures in one report ("X said 17 were killed, while Y put the toll at 15") are
# then two positions, not one toll and its restatement.
_GIVER = re.compile(
    r"\b(" + lexicon.speech_alternation("toll_giving") + r"|told\s+[\w\-]+)\s+"
    r"(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?:own|lower|higher|new|final|initial|overall|different|preliminary|"
    r"latest|updated|total|death|casualty)\s+){0,3}"
    r"(?:(?:toll|figure|count|number|tally)(?:\s+of\s+(?:the\s+)?dead)?\s+(?:at|of|to|as)\s+)?(?:that\s+)?$", re.I)
# where the giver's clause opens: the sentence start or a clause boundary before the verb
_CLAUSE_OPEN = re.compile(r"(?:[,;:]|\b(?:while|whereas|but|and|although|though|as|which|who|when)\b)\s*", re.I)
# a giver the actor dictionary does not know: a body or role that counts the dead
_SPEAKER = re.compile(r"\b(?:ministry|monitor|observatory|officials?|sources?|activists?|medics|doctors|hospital|"
                      r"health|civil defen[cs]e|rescuers|authorities|agency|media|television|governor)\b", re.I)
_JOINED = re.compile(r"\s*,?\s*(?:and|as well as|with)\s+", re.I)
_HELD = re.compile(r"^[-\s](?:held|controlled|run|besieged|backed|led|based)\b", re.I)


def _giver(doc: Doc, sentence_text: str, offset: int, figure_start: int) -> Claim | None:
    """The named source whose verb governs the figure at ``figure_start`` (sentence-relative)."""
    head = sentence_text[max(0, figure_start - 90):figure_start]
    verb = _GIVER.search(head)
    if verb is None:
        return None
    before = sentence_text[:figure_start - len(head) + verb.start()]
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(before)]
    start = opens[-1] if opens else 0
    if len(before[start:].split()) > 14:
        return None
    s, e = start + offset, len(before.rstrip()) + offset
    named = [a for a in doc.in_span(doc.actors, s, e)
             if a.actor.name and not a.demonym and not _HELD.match(doc.text[a.end:a.end + 12])]
    by = doc.text[s:e].strip()
    if not named and not _SPEAKER.search(by):
        return None  # "the blast killed": no one who counts
    by = re.sub(r"^(?:also|then|later)\s+", "", by, flags=re.I)
    return Claim(by=by, source=named[-1].actor.name if named else None, modality="reported",
                 evidence=Evidence(doc.text[s:verb.end() + figure_start - len(head) + offset],
                                   s, verb.end() + figure_start - len(head) + offset))


def find_casualties(doc: Doc) -> Doc:
    found: list[CasualtyMatch] = []
    for sentence in doc.sentences:
        text, offset = mask_dates(sentence.text), sentence.start
        local: list[CasualtyMatch] = []
        subset_spans: list[tuple[int, int]] = []
        for m in _RE_SUBSET.finditer(text):
            who = m.group(4)
            c = _make(doc, m, m.group(2), m.group(3), who, m.span(4) if who else None, "killed", offset, subset=True)
            if c:
                local.append(c)
                subset_spans.append(m.span(3))
        for m in _RE_OF_DEAD.finditer(text):
            c = _make(doc, m, m.group(1), m.group(2), None, None, m.group(3), offset, subset=True)
            if c:
                local.append(c)
                subset_spans.append(m.span(2))
        for m in _RE_AMONG.finditer(text):
            c = _make(doc, m, m.group(1), m.group(2), m.group(3), m.span(3), "killed", offset, subset=True)
            if c:
                local.append(c)
                subset_spans.append(m.span(2))
        for m in _RE_PASSIVE.finditer(text):
            if any(s <= m.start(2) < e for s, e in subset_spans):
                continue
            if not m.group(3) and _OBJECT_AFTER.match(text[m.end():m.end() + 24]):
                continue  # "Daesh kidnapped 900 Executed 18 People": a headline's active verb
            who = m.group(3)
            c = _make(doc, m, m.group(1), m.group(2), who, m.span(3) if who else None, m.group(4), offset)
            if c:
                local.append(c)
        last_who: tuple[str, tuple[int, int]] | None = None
        for m in _RE_ACTIVE.finditer(text):
            if _overlaps(local, m.start() + offset, m.end() + offset):
                continue
            who = m.group(4)
            verb = m.group(1)
            if not who and verb.lower().startswith("execut") and _INSTRUMENT_AFTER.match(text, m.end()):
                continue  # "executed five search warrants": things carried out, no one killed
            if m.group(5):
                verb = m.group(5)
            elif verb.lower() in ("left", "leaving"):
                # "left 50 people suffering respiratory problems": the harmed, not the dead; "left
                # 200 families homeless" names no casualty
                if not _HARMED.match(text, m.end()):
                    continue
                verb = "injured"
            span = m.span(4) if who else None
            if who:
                last_who = (who, m.span(4))
            elif last_who:
                who, span = last_who  # "killing six people and injuring 32"
            c = _make(doc, m, m.group(2), m.group(3), who, span, verb, offset)
            if c:
                local.append(c)
        for m, verb, who_group in [*((m, m.group(1), 2) for m in _RE_AGED.finditer(text)),
                                   *((m, m.group(2), 1) for m in _RE_AGED_PASSIVE.finditer(text))]:
            if not _overlaps(local, m.start() + offset, m.end() + offset):
                who = m.group(who_group)
                c = _make(doc, m, None, "one", who, m.span(who_group) if who else None, verb, offset)
                if c:
                    local.append(c)
        for m in _RE_CLAIMED_LIVES.finditer(text):
            if m.group(1).lower() in ("left", "leaving") and m.group(4).lower() != "martyrs":
                continue
            if not _overlaps(local, m.start() + offset, m.end() + offset):
                who = m.group(4) if m.group(4).lower() != "lives" else None
                c = _make(doc, m, m.group(2), m.group(3), who, m.span(4) if who else None, "killed", offset)
                if c:
                    local.append(c)
        for m in _RE_DESTROYED.finditer(text):
            if not _overlaps(local, m.start() + offset, m.end() + offset):
                c = _make(doc, m, m.group(2), m.group(3), m.group(4), m.span(4), "killed", offset)
                if c:
                    local.append(c)
        # "killed 50 militants and eight civilians": a coordinated second figure
        for c in list(local):
            if c.subset:
                continue
            tail = text[c.end - offset:]
            m = _RE_AND.match(tail)
            if m:
                shifted = _Shifted(m, c.end - offset)
                # "... and 25 others on a bus were wounded": the second figure's own verb decides
                own = _OWN_VERB.match(tail[m.end():m.end() + 60])
                if own is None and _OTHER_FATE.match(tail[m.end():m.end() + 60]):
                    continue  # "five people died and eight others experienced breathing difficulties"
                kind_verb = own.group(1) if own else c.casualty.kind
                extra = _make(doc, shifted, m.group(1), m.group(2), m.group(3),
                              (m.span(3)[0] + c.end - offset, m.span(3)[1] + c.end - offset),
                              kind_verb, offset)
                if extra and not _overlaps(local, extra.start, extra.end):
                    local.append(extra)
        for m in _RE_NOUN.finditer(text):  # "the murder of two activists"
            if _overlaps(local, m.start() + offset, m.end() + offset):
                continue
            if re.search(r"\b(?:after|following|since|before)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}$", text[max(0, m.start() - 40):m.start()]):
                continue  # "a day after the reported execution of a pilot": an earlier event, named for time
            c = _make(doc, m, m.group(1), m.group(2), m.group(3), m.span(3), "killed", offset)
            if c:
                local.append(c)
        for m in _RE_TOLL_ROSE.finditer(text):
            figure = _RE_ROSE_TO.search(text, m.start(), m.end())
            if figure is not None and not _overlaps(local, m.start() + offset, m.end() + offset):
                c = _make(doc, figure, figure.group(1), figure.group(2), None, None, "killed", offset)
                if c:
                    local.append(c)
        for m in [*_RE_TOLL.finditer(text), *_RE_TOLL_RAISED.finditer(text)]:
            if _overlaps(local, m.start() + offset, m.end() + offset):
                continue
            c = _make(doc, m, m.group(2), m.group(3), None, None, "killed", offset)
            if c:
                local.append(c)
        for m in _RE_UNCOUNTED.finditer(text):
            if _overlaps(local, m.start() + offset, m.end() + offset):
                continue
            if _COUNTED_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
                continue
            start, end = m.start() + offset, m.end() + offset
            who = m.group(1)
            party = _party(doc, start, start + len(who))
            local.append(CasualtyMatch(start, end, Casualty(
                kind=_kind(m.group(2)), count=None, approx="unknown", who=who,
                category=categorise(who), party=party, evidence=Evidence(doc.text[start:end], start, end))))
        # a part told inside a figure ("4 persons, among them two children, were wounded") shares its fate
        for part in local:
            whole = next((c for c in local if not c.subset and c.start <= part.start < c.end), None) if part.subset else None
            if whole is not None:
                part.casualty.kind = whole.casualty.kind
        local.sort(key=lambda c: c.start)
        previous: CasualtyMatch | None = None
        for c in local:
            if c.subset:
                continue
            c.casualty.claim = _giver(doc, text, offset, c.start - offset)
            if c.casualty.claim is None and previous is not None and previous.casualty.claim is not None \
                    and _JOINED.fullmatch(text[previous.end - offset:c.start - offset]):
                c.casualty.claim = previous.casualty.claim  # "counted 24 dead and dozens more wounded"
            previous = c
        found.extend(local)
    doc.casualties = found
    return doc
