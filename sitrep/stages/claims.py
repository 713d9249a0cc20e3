"""Stage: who says so. Attribution cues per sentence -> Claim(by, source, modality).

"According to the defence ministry in Moscow, ..." -> by "the defence ministry in Moscow",
source "Russian Ministry of Defence", reported. "X claimed ..." -> claimed; "X denied ..." ->
denied; a report followed by "albeit this has been denied" -> disputed. A pronoun subject ("It
also claimed") takes the previous sentence's claimant. No cue -> the outlet asserts it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from sitrep import lexicon
from sitrep.model import Claim, Evidence
from sitrep.resolve.actors import ActorMatch
from sitrep.stages.actors import PEOPLE_KINDS
from sitrep.stages.doc import Attribution, Doc, Sentence
from sitrep.stages.parse import span_tokens

_SAY = r"(?:" + lexicon.speech_alternation("statement") + r")"
_CLAIM = r"(?:" + lexicon.speech_alternation("claim") + r")"
_BARE_INVERTING = frozenset(lexicon.speech_verb_set("speaker_after_bare"))
_DENY = r"(?:" + lexicon.speech_alternation("denial") + r")"
_DISPUTE = re.compile(
    r"\b(?:(?:albeit|although|but|though)\s+(?:this|that|it|these|the claim)\s+(?:has|have|was|were)\s+been\s+(?:denied|disputed|rejected)|"
    r"(?:has|have)\s+been\s+(?:denied|disputed)\s+by|could not be (?:independently )?(?:verified|confirmed)|"
    r"unverified|disputed by)\b",
    re.I,
)
_COUNTER_VERBS = frozenset(lexicon.speech_verb_set("counter_accusation"))
_CONTRAST = re.compile(r"\b(?:but|while|whereas)\b", re.I)
_ACCORDING_WORDS = r"\b(?:according to|citing|quoting|as reported by|reported by)\s+"
_ACCORDING = re.compile(_ACCORDING_WORDS + r"((?:[^,.;:]{2,80}?))(?=,|\.|;|:| that | on | in a statement|$)", re.I)
# "the agency quoted a police source as saying": the one quoted is the source, not the one quoting
_QUOTED_AS = re.compile(r"\b(?:quoted|quoting|quotes|cited|citing|cites)\s+([^,.;:]{2,80}?)\s+as\s+(?:saying|telling)\b", re.I)
# the cue alone, for text that has lost its punctuation ("According to the Observatory there were ...")
_ACCORDING_CUE = re.compile(_ACCORDING_WORDS, re.I)
_CLAUSE_START = re.compile(r"\s+(?:there|at least|more than|some|it|they|he|she|\d|[a-z]+\s+(?:were|was|had|have|has|is|are)\b)")
# "claimed responsibility", or "claims the double suicide bomb attack that ...": the act named as the
# object of the claim, not the start of a clause ("claimed the attack was staged", "claimed the strikes hit"):
# X claims its own act (also read by the events stage for the perpetrator)
RESPONSIBILITY = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:responsibility\b|(?:the|both|its|their|this|these)\s+"
                            r"(?:[\w\-]+\s+){0,4}?(?:" + lexicon.alternation(lexicon.claimable_acts())
                            + r")(?![\w\-])(?!\s+(?:was|were|is|are|had|has|have|hit|killed|left|targeted|struck|caused|"
                            r"came|did|would|will|could|may|might)\b))", re.I)
_SUBJ_VERB = re.compile(
    r"((?:[A-Z\"“][^,.;:\"”]{0,70}?|(?:a|an|the|local|military|security|medical|opposition|government|officials?|activists?|rebels?|field|"
    r"police|authorities|prosecutors?|investigators|witness(?:es)?|residents|sources?|officers?|doctors|medics|rescuers|"
    r"his|her|their)\b[^,.;:\"”]{0,60}?))\s+"
    r"(?:has\s+|have\s+|had\s+|also\s+|later\s+|on\s+\w+day\s+)*(" + _SAY + "|" + _CLAIM + "|" + _DENY + r")\b",
)
# ', said the ministry', '," said Ahmed': the speaker after the verb is a name or a definite noun phrase
# (case matters: "confirmed that five staff were kidnapped" has a clause there, not a speaker)
_VERB_SUBJ = re.compile(r"[,\"”]\s*((?i:" + _SAY + r"))\s+((?:[Tt]he\s+)?[A-Z][^,.;:\"”]{2,70})")
# "... a military airport said the Observatory.": with no comma before the verb, a speaker after it
# is a noun phrase that runs to the end of the clause (else it is the object or what was said; "said
# the ministry, the police and ... had": a list opening the clause said, not a speaker)
_INVERTED_WORDS = r"(?:on|in|late|early|earlier|today|yesterday|citing|quoting|adding|which|who|whose|that)"
_INVERTED_BARE = re.compile(r"\s+((?:[Tt]he\s+|an?\s+|A\s+|An\s+)?[A-Za-z][^,.;:\"”]{1,70}?)"
                            r"(?=\s*(?:[.;!?]|$)|,\s*(?:which|who|whose|adding|citing|quoting)\b|\s+" + _INVERTED_WORDS + r"\b)")
# "said the Coalition in a press release published on Wednesday": where the speaker said it, no clause
_TOLD_IN = re.compile(r"\s+(?:in|on)\s+(?:a|an|its|his|her|their)\s+(?:[\w\-]+\s+)?(?:statement|release|interview|"
                      r"report|briefing|message|letter|video|tweet|post)\b", re.I)
_INVERTED_TAIL = re.compile(r"\s+" + _INVERTED_WORDS + r"\b.*$", re.I | re.S)
# a determiner inside a run of words before a speech verb: a noun phrase starts there ("... during
# the past week a military source said") unless a preposition puts it inside the one before ("an
# official from the forces")
_DETERMINER = re.compile(r"(?<=\s)(?:[Tt]he|an?|An?)\s")
_PREP_BEFORE = re.compile(r"\b(?:of|from|for|in|at|on|to|with|by|near|inside|outside|into|about|over|under|across|"
                          r"around|against|among|between|within|behind|toward|towards)\s+$", re.I)
# a sentence whose full stop was lost inside an inverted speaker ("said Ahmed Nour The displaced ...")
_NEW_SENTENCE = re.compile(r"\s(?:The|A|An)\s+[a-z]")
_PRONOUN = re.compile(r"^\s*(?:it|they|he|she|the ministry|the group|the source|the statement|the monitor)\b", re.I)
# "the source added", "later the same source said": the source named before speaks again
_SAME_SOURCE = re.compile(r"^(?:\w+\s+){0,2}?(?:the|this)\s+(?:same\s+)?source$", re.I)
_PASSIVE_REPORT = re.compile(r"\b(?:was|were|is|are|has|have)\s+(?:also\s+)?(?:been\s+)?(?:" + lexicon.speech_alternation("passive_report") + r")\b(?!\s+by)", re.I)
_WITHOUT_BEFORE = re.compile(r"\b(?:without|not|never)\s+$", re.I)
_NOT_SPEAKING = re.compile(r"\s(?:was|were|is|are|been|being|be|not|never)$", re.I)
# "with reports of heavy casualties", "amid claims that": after a preposition or a determiner the
# speech word is a noun, and the words before it are no speaker
_NOUN_USE = re.compile(r"\s(?:with|amid|despite|after|following|of|about|over|against|from|the|these|those|such|its|their|"
                       r"to\s+[a-z]+)$", re.I)  # "a meeting to discuss reports of ...": the object of another verb
_LOWER_START = {"which", "who", "that", "and", "but", "while", "as", "when"}


def _modality(verb: str) -> str:
    v = verb.lower()
    if re.fullmatch(_DENY, v):
        return "denied"
    if re.fullmatch(_CLAIM, v):
        return "claimed"
    return "reported"


_OWNER_AFTER = re.compile(r"['’]s?\s")


def person_owner(text: str, a: ActorMatch) -> bool:
    """A person named as the owner of what follows ("Jane Roe's lawyers", "Roe's defence committee"):
    the person is not what the phrase names."""
    return a.actor.id == "PERSON" and _OWNER_AFTER.match(text, a.end) is not None
_HELD_AFTER = re.compile(r"^[-\s](?:held|controlled|run|besieged)\b", re.I)


# "Syrian human rights groups", "the Syrian opposing UK-based observatory": the demonym says where a
# monitor or witness is from, not that the state speaks
_CIVIL_SPEAKER = re.compile(r"\b(?:observatory|monitors?|monitoring|activists?|rights|residents|witness(?:es)?|doctors?|medics|"
                            r"rescuers|opposition|NGOs?|organi[sz]ations?|watchdogs?|journalists?|civil defen[cs]e)\b", re.I)


_OWNED_BEFORE = re.compile(r"['’]s?\s+$")


def _source_for(doc: Doc, start: int, end: int) -> str | None:
    # "doctors in the rebel-held town": the rebels hold the town, they do not speak
    inside = [a for a in doc.in_span(doc.actors, start, end) if not _HELD_AFTER.match(doc.text[a.end:a.end + 12])
              # "Jane Roe's lawyers said": the person owns the speakers, and does not speak
              and not (person_owner(doc.text, a) and a.end < end)
              and not (a.demonym and _CIVIL_SPEAKER.search(doc.text, a.end, end))
              # "the broadcaster's Arabic service": the demonym says which part of the owner speaks
              and not (a.demonym and _OWNED_BEFORE.search(doc.text, max(start, a.start - 3), a.start))]
    for actor in inside:
        if not actor.actor.generic and actor.actor.name:
            return actor.actor.name
    for actor in inside:
        return actor.actor.name or None
    return None


_TRAILING_ADVERB = re.compile(r"(?:\s+(?:again|also|later|repeatedly|strongly|flatly|firmly|categorically|"
                              r"quickly|immediately|previously|earlier|itself|themselves|has|have|had))+\s*$", re.I)


# a sentence's opening conjunction and a day before the speaker ("But on Sunday he confirmed", "And police said")
_OPENING = re.compile(r"(?:(?:But|And|Yet|So|Still|However),?\s+)?(?:(?:on|late|early)\s+(?i:" + lexicon.weekday_alternation()
                      + r")\s+|(?:Later|Earlier)\s+)?")


def _trim_subject(text: str) -> tuple[str, int]:
    """The noun phrase right before a speech verb: drop a leading clause ("... when a source")."""
    cut = 0
    for m in re.finditer(r"\b(?:that|after|when|while|as|and|but|because|which|who|where)\s+", text):
        cut = m.end()
    if cut == 0:
        cut = _OPENING.match(text).end()
    sub = _TRAILING_ADVERB.sub("", text[cut:]).strip()  # "The army again denied": the army
    return sub, text.find(sub, cut) if sub else 0


# Who can be a source when the actor dictionary does not know them: a role or body that speaks
_SPEAKER = re.compile(
    r"\b(?:sources?|officials?|activists?|witness(?:es)?|monitors?|ministry|spokes(?:man|woman|person)|statement|media|"
    r"television|agency|group|groups|residents|army|command|observatory|minister|president|reports?|doctors?|medics|"
    r"director|leaders|police|office|prosecutors?|authorities|department|investigators|officers?|rescuers|"
    r"organi[sz]ation|NGOs?|watchdog|commission|family|relatives|lawyers?|attorneys?|sister|brother|mother|father|wife|husband|"
    # the judiciary or a news outlet ("the judiciary said", "the outlet said", "Mizan Online reported")
    r"judiciary|website|outlet|newspaper|broadcaster|channel|radio|online|"
    # a body that speaks for itself ("the charity said", "the embassy said", "the union said")
    r"charity|charities|embassy|union|committee|council|coalition|campaigners?|hospital|"
    # a broadcaster's or a state's branch ("the broadcaster's Persian service reported", "the security service said")
    r"service)\b", re.I)
# titles a person speaking for a body holds ("senior advisor to the UN coordinator", "the union's chairperson")
_ROLE = re.compile(r"\b(?:advis[eo]rs?|coordinator|chair(?:man|woman|person)?|secretary|chief|head|commissioner|"
                   r"governor|commander|representative|envoy|ambassador|superintendent|inspector|researcher)\b", re.I)
# a name, then its apposition between commas, then the speech verb; the apposition may open on the
# name of the one the speaker is related to ("Jane Roe, John Roe's sister, said")
_OWNER_NAME = r"[A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+){0,2}['’]s\s+"
_NAMED_IN_APPOSITION = re.compile(
    r"\b([A-Z][\w.\-'’]+(?:\s+[A-Z][\w.\-'’]+){1,3}),\s+((?:an?\s+|the\s+|" + _OWNER_NAME + r")?[a-z][^,;:\"”()]{3,100}?),\s+"
    r"(" + _SAY + "|" + _CLAIM + "|" + _DENY + r")\b")
# the role first, then the name between commas, then the verb ("..., his lawyer, Jane Roe, said.")
_ROLE_THEN_NAME = re.compile(
    r"\b((?:his|her|their|its|the|an?)\s+(?:[\w\-’']+\s+){0,3}?([\w\-]+)),\s+([A-Z][\w.\-'’]+(?:\s+[A-Z][\w.\-'’]+){1,3}),\s+"
    r"(" + _SAY + "|" + _CLAIM + "|" + _DENY + r")\b")
_NOT_A_NAME = {"in", "on", "at", "last", "this", "earlier", "later", "meanwhile", "however", "the", "since", "after"}
_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|local|opposition|government|security|military|medical|rebel|state)\s+$", re.I)
_TOOK_LIVES = re.compile(r"^\s+(?!(?:he|she|it|they|we|who|that|his|her|their)\b)(?:[\w,\-]+\s+){0,3}lives\b"
                         r"(?!\s+(?:in|at|with|near|on|abroad|there|here)\b)", re.I)
# "a police force accused of torture", "an alleged gas attack", "denied bail": the verb's participle or
# another sense, not somebody speaking
_NOT_SPEECH_AFTER = {
    "accused": re.compile(r"^\s+of\b"), "alleged": re.compile(r"^\s+(?!that\b|to\b)[a-z]"),
    "purported": re.compile(r"^\s+(?!that\b|to\b)[a-z]"),
    "denied": re.compile(r"^\s+(?:\w+\s+)?(?:bail|access|entry|visas?|permission|permits?|passage|treatment|care|food|water|"
                         r"medical|parole|asylum|a fair trial|the right|rights|his right|their right|her right|"
                         # "the court denied their pleas": a refusal of what was asked, not a denial of a report
                         r"pleas?|requests?|applications?|petitions?|motions?|appeals?|the appeal)\b", re.I),
    # "the shelling claimed the lives of two people": the act took lives, nobody claims anything
    # ("claimed he lives abroad" is speech: no pronoun before "lives", nor a place after it)
    "claimed": _TOOK_LIVES,
    "claims": _TOOK_LIVES,
    "rejected": re.compile(r"^\s+(?:\w+\s+)?(?:bail|asylum|parole|visas?|appeals?|the appeal)\b", re.I),
    # "the judge dismissed the criminal case": a court's act on a case, not a denial of a report
    "dismissed": re.compile(r"^\s+(?:\w+\s+){0,2}(?:case|cases|charges?|complaints?|petitions?|appeals?|lawsuits?|suits?|indictments?)\b", re.I),
}
# "has reportedly deployed", "allegedly tortured": attributed to unnamed others
_REPORTEDLY = re.compile(r"\b(?:reportedly|allegedly|purportedly|is said to|are said to|was said to|were said to)\b", re.I)
# "arrested for allegedly kidnapping", "a worker who was allegedly tortured": the hedge qualifies the
# charge or an earlier act told in a clause of its own, not the telling of the sentence's main act
_CHARGE_BEFORE = re.compile(r"(?:\b(?:for|of|over|on suspicion of)\s+|\b(?:who|which|that)\s+(?:\w+\s+){0,2})$", re.I)
CHARGE_CUE = "charge hedge"
# "Kerry reportedly told": the hedge sits between the subject and its verb, the subject is not the source
_HEDGE_END = re.compile(r"\s(?:reportedly|allegedly|purportedly)$", re.I)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


# "..., FNA reported": a news agency's acronym speaking
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _is_outlet(subject: str, outlet: str | None) -> bool:
    """"Al-Alam News Network reports" in Al-Alam's own article: the outlet's own voice, not a source."""
    key, own = _letters(subject), _letters(outlet or "")
    return len(own) >= 3 and len(key) >= 3 and (key.startswith(own) or own.startswith(key))


def _inverted_speaker(doc: Doc, sentence: Sentence, text: str, verb: int, at: int) -> tuple[int, int] | None:
    """The speaker right after a bare speech verb (at ``verb``, ending at ``at``: "... said the
    Observatory."): what comes before the verb is a clause (what was said, a verb in it), and after it a
    noun phrase up to the clause's end that ends on a speaker word or a named actor ("Blinken said the
    United States "remains ..."": a name, then what was said); (start, end) in doc offsets."""
    m = _INVERTED_BARE.match(text, at)
    if m is None:
        return None
    said = max(text.rfind(",", 0, verb), 0) + sentence.start, verb + sentence.start
    if not (any(t.pos_ in ("VERB", "AUX") for t in span_tokens(doc, sentence.index, *said))
            or doc.in_span(doc.triggers, *said)):
        return None
    phrase = m.group(1)
    lost = _NEW_SENTENCE.search(phrase)
    phrase = _INVERTED_TAIL.sub("", phrase[:lost.start()] if lost else phrase).rstrip()
    words = phrase.split()
    if not words or len(words) > 8 or words[0].lower() in ("that", "it", "they", "he", "she", "this") \
            or _PREP_BEFORE.fullmatch(words[0] + " "):  # "said in a statement", "said of the victim"
        return None
    s = m.start(1) + sentence.start
    e = s + len(phrase)
    # a clause, not a noun phrase: "said the attack killed five people" (a verb in the parse, or an
    # event's trigger or toll when the sentence is not parsed)
    # up to the clause's end, past words like "in" or "on Sunday" ("says persons in courthouses must
    # wear masks": a clause), but not into a relative clause ("said the Observatory, which takes ...")
    rest = text[m.end(1):]
    relative = re.match(r"\s*,?\s*(?:which|who|whose|that|adding|citing|quoting)\b", rest) \
        or _TOLD_IN.match(rest)  # "said X adding that ...", "said X in a press release published on .."
    close = re.search(r"[.;!?]|$", rest)
    tokens = span_tokens(doc, sentence.index, s, e if relative else m.end(1) + sentence.start + close.start())
    if any(t.pos_ in ("VERB", "AUX") for t in tokens) or any(
            s <= x.start < e for x in doc.in_span(doc.triggers, s, e) + doc.in_span(doc.casualties, s, e)):
        return None
    last = words[-1]
    # "said the Coalition in a press release": a name (a capitalised head after the article) speaks too
    if not (_SPEAKER.fullmatch(last) or _ROLE.fullmatch(last) or (len(words) > 1 and last[:1].isupper())
            or any(a.end == e and not a.demonym for a in doc.in_span(doc.actors, s, e))):
        return None
    return s, e


def _speaker_phrase(doc: Doc, subject: str, start: int) -> int:
    """Where the speech verb's subject noun phrase starts in a comma-less run ``subject`` (doc offset
    ``start``): at its last determiner that opens no prepositional phrase, when the phrase from there
    names a speaker; else at 0."""
    for d in reversed(list(_DETERMINER.finditer(subject))):
        if _PREP_BEFORE.search(subject[:d.start()]):
            continue  # "an official from the forces": the phrase goes on to the left
        tail = subject[d.start():]
        if _SPEAKER.search(tail) or _ROLE.search(tail) or doc.in_span(doc.actors, start + d.start(), start + len(subject)):
            return d.start()
        break
    return 0


def find_claims(doc: Doc) -> Doc:
    previous: Claim | None = None
    out: list[Attribution] = []
    for sentence in doc.sentences:
        found = [a for a in _sentence_claims(doc, sentence, previous) if not _is_outlet(a.claim.by or "", doc.article.outlet)]
        if found:
            previous = found[-1].claim
        out.extend(found)
    out.extend(_quoted_sentences(doc, out))
    out.sort(key=lambda a: a.start)
    doc.attributions = out
    return doc


_OPENING_MARKS = "\"“"
_CLOSING_MARKS = "\"”"
QUOTE_CUE = "quote"  # an Attribution of a sentence told inside someone's quotation


def quotations(doc: Doc) -> list[list[tuple[int, int]]]:
    """The document's double-quoted passages, each a list of (start, end) spans from an opening mark to
    its closing one: a mark never closed runs to the end of its paragraph, and when the next paragraph
    opens with a mark the same quotation goes on there (a quotation over several paragraphs reopens
    each and closes once). Single marks are left alone: they nest inside ('"the so-called 'terrorists'
    were ..."') or are apostrophes."""
    passages: list[list[tuple[int, int]]] = []
    carried = False  # the last paragraph ended inside an open quotation
    for paragraph in _paragraphs(doc):
        start, end = paragraph
        opened: int | None = None
        first = True
        for i in range(start, end):
            ch = doc.text[i]
            if ch.isspace():
                continue
            if opened is None and ch in _OPENING_MARKS:
                opened = i
                if not (first and carried) or not passages:
                    passages.append([])
            elif opened is not None and ch in _CLOSING_MARKS:
                passages[-1].append((opened, i + 1))
                opened = None
            first = False
        carried = opened is not None
        if opened is not None:
            passages[-1].append((opened, end))
    return passages


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    for s in doc.sentences:
        a, b = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(a, s.start), max(b, s.end))
    return [spans[k] for k in sorted(spans)]


# what may stand between a speaker and the quotation it opens ('He said, "', 'the spokesman said: "')
# or closes ('," the spokesman said')
_QUOTE_GAP = re.compile(r"[\s,:\u2013\u2014-]")


def _gap_edge(text: str, at: int, step: int) -> int:
    """How far from ``at`` (backwards for ``step`` -1, forwards for 1) the characters that may stand
    between a speaker and a quotation run."""
    i = at
    while 0 <= i + min(step, 0) < len(text) and _QUOTE_GAP.fullmatch(text[i + min(step, 0)]):
        i += step
    return i


def _quote_speaker(doc: Doc, passage: list[tuple[int, int]], said: list[Attribution],
                   ends: dict[int, list[int]], starts: dict[int, list[int]]) -> Attribution | None:
    """Who speaks a quotation: the speaker whose verb opens it ('A police spokesman said: "...'), else
    the one named right after it closes ('"...," the spokesman said').  Neither: no one known.
    (``ends`` and ``starts``: the positions of ``said`` by where each ends and starts.)"""
    opened, closed = passage[0][0], passage[-1][1]
    before = [k for at in range(_gap_edge(doc.text, opened, -1), opened + 1) for k in ends.get(at, ())]
    if before:
        return said[max(before)]
    if doc.text[closed - 1] not in _CLOSING_MARKS:
        return None
    after = [k for at in range(closed, _gap_edge(doc.text, closed, 1) + 1) for k in starts.get(at, ())]
    return said[min(after)] if after else None


def _quoted_sentences(doc: Doc, said: list[Attribution]) -> list[Attribution]:
    """"He said: \"The police arrested two men. They were taken to the station.\"": a sentence told
    wholly inside a quotation, naming no source of its own, is the quotation's speaker's telling (who
    then claims an act of its own side, or reports another's)."""
    sentences = doc.sentences
    first_chars = [s.start for s in sentences]
    last_chars = [s.end for s in sentences]
    told = set()
    for a in said:
        k = bisect_right(first_chars, a.start) - 1
        if k >= 0 and a.start < sentences[k].end:
            told.add(sentences[k].index)
    ends: dict[int, list[int]] = {}
    starts: dict[int, list[int]] = {}
    for k, a in enumerate(said):
        ends.setdefault(a.end, []).append(k)
        starts.setdefault(a.start, []).append(k)
    out: list[Attribution] = []
    for passage in quotations(doc):
        speaker = _quote_speaker(doc, passage, said, ends, starts)
        if speaker is None:
            continue
        inside: set[int] = set()
        for s, e in passage:  # the sentences ending within the span (and starting in it)
            for k in range(bisect_right(last_chars, s), bisect_right(last_chars, e + 1)):
                words = re.search(r"\w", sentences[k].text)
                if words is not None and sentences[k].start + words.start() > s:
                    inside.add(k)
        for k in sorted(inside):
            sentence = sentences[k]
            if sentence.index not in told:
                at = sentence.start + re.search(r"\w", sentence.text).start()
                out.append(Attribution(at, at, speaker.claim, QUOTE_CUE))
    return out


def claimant_of(candidates: list[ActorMatch]) -> ActorMatch | None:
    """Who claims responsibility among the actors named before "claimed responsibility", in text order: the
    group named ("the terrorist group DAESH claimed ..."), not a generic word before its name, nor the people
    the attack befell, told before the claim ("killed 20 people, and DAESH claimed ...")."""
    return next((a for a in candidates if not a.actor.generic), None) \
        or next((a for a in candidates if a.actor.kind not in PEOPLE_KINDS), None) or next(iter(candidates), None)


def counter_accused(doc: Doc) -> None:
    """"Government sources said rebels used the gas, but activists accused the army of the attack": a
    second source blaming another party in the same sentence contradicts the first, and a record told
    by the first is disputed. (Run on the records once the salience model has weighed them: what it
    learnt from a report is not told apart from a disputed one.)"""
    for m in doc.mentions:
        told = m.claim.evidence
        if m.claim.modality != "reported" or told is None:
            continue
        sentence = next((s for s in doc.sentences if s.start <= told.start < s.end), None)
        if sentence is None:
            continue
        if any(told.end <= b.start < sentence.end and b.claim.by != m.claim.by and b.cue.lower() in _COUNTER_VERBS
               and _CONTRAST.search(doc.text, told.end, b.start) for b in doc.attributions):
            m.claim = replace(m.claim, modality="disputed")


def _news_outlet(subject: str) -> bool:
    """A news outlet the dictionary of actors does not hold ("Reuters reported", "FNA reported")."""
    from sitrep.resolve.actors import _outlets

    name = subject.strip()
    return bool(_ACRONYM.fullmatch(name)) or name.lower().removeprefix("the ") in _outlets()


def _claimed_by(doc: Doc, sentence: Sentence, after: int) -> list[Attribution]:
    """"A bomb blast claimed by the X group": the agent of the passive claims the act as its own."""
    agent = next((a for a in doc.in_span(doc.actors, after, min(sentence.end, after + 60)) if not a.demonym
                  and len(doc.text[after:a.start].split()) <= 3), None)
    if agent is None:
        return []
    claim = Claim(by=doc.text[agent.start:agent.end], source=agent.actor.name or None, modality="claimed",
                  evidence=Evidence(doc.text[after:agent.end].strip(), after, agent.end))
    return [Attribution(after, agent.end, claim, "claimed by")]


@lru_cache(maxsize=1)
def _title_stop() -> re.Pattern[str]:
    """The full stop of an abbreviated title before a name ("Gen. Debold Sinas", "Dr. Ahmed Nour")."""
    titles = [t[:-1] for t in lexicon.person_titles() if t.endswith(".")]
    return re.compile(r"\b(?:" + lexicon.alternation(titles) + r")(\.)(?=\s+[A-Z])", re.I)


def _without_title_stops(text: str) -> str:
    """``text`` with those full stops blanked (same length): "PNP chief Gen. Debold Sinas said" is one speaker."""
    return _title_stop().sub(lambda m: m.group(0)[:-1] + " ", text)


def _sentence_claims(doc: Doc, sentence: Sentence, previous: Claim | None) -> list[Attribution]:
    text, off = _without_title_stops(sentence.text), sentence.start
    found: list[Attribution] = []
    for m in _QUOTED_AS.finditer(text):
        s, e = m.start(1) + off, m.end(1) + off
        claim = Claim(by=doc.text[s:e], source=_source_for(doc, s, e), modality="reported",
                      evidence=Evidence(doc.text[m.start() + off:m.end() + off], m.start() + off, m.end() + off))
        found.append(Attribution(m.start() + off, m.end() + off, claim, "quoted"))
    for m in _ACCORDING_CUE.finditer(text):
        if any(a.start <= m.start() + off < a.end for a in found):
            continue
        if _WITHOUT_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "accused them, without citing any evidence": no source at all
        s = m.end() + off
        closed = _ACCORDING.match(text, m.start())
        e = m.start(0) + off + len(closed.group(0).rstrip()) if closed else None
        # the source's name ends with the first actor named right after the cue when no punctuation
        # closes it, or when a clause follows it ("according to the Observatory there were ...")
        named = next((a for a in doc.in_span(doc.actors, s, s + 60)
                      if not a.demonym and a.end <= sentence.end and len(doc.text[s:a.start].split()) <= 3), None)
        if named is not None and (e is None or (named.end < e and _CLAUSE_START.match(doc.text[named.end:e]))):
            e = named.end
        if e is None:
            continue
        claim = Claim(by=doc.text[s:e], source=_source_for(doc, s, e), modality="reported",
                      evidence=Evidence(doc.text[m.start() + off:e], m.start() + off, e))
        found.append(Attribution(m.start() + off, e, claim, "according to"))
    for m in RESPONSIBILITY.finditer(text):
        # "the X Brigades – a unit of ... – have claimed responsibility": the group named first before
        # the cue claims its own act, whatever apposition stands between (not a reporter named by
        # "according to")
        cue = m.start() + off
        reporters = [(a.start, a.end) for a in found if a.cue == "according to"]
        claimant = claimant_of([a for a in doc.in_span(doc.actors, sentence.start, cue) if not a.demonym
                                and not any(s <= a.start < e for s, e in reporters)])
        if claimant is None:
            continue
        claim = Claim(by=doc.text[claimant.start:claimant.end], source=claimant.actor.name or None, modality="claimed",
                      evidence=Evidence(doc.text[claimant.start:m.end() + off], claimant.start, m.end() + off))
        found.append(Attribution(claimant.start, m.end() + off, claim, "claimed responsibility"))
    for m in _NAMED_IN_APPOSITION.finditer(text):
        # "Russell Geekie, senior advisor to the UN coordinator for Yemen, confirmed that ...": the
        # named person speaks; the apposition says for whom (the source)
        if not (_SPEAKER.search(m.group(2)) or _ROLE.search(m.group(2))) or m.group(1).split()[0].lower() in _NOT_A_NAME:
            continue
        s, e = m.start(1) + off, m.end(2) + off
        if re.match(_OWNER_NAME, m.group(2)):
            e = m.end(1) + off  # "John Roe's sister": the one named owns the role, and does not speak
        claim = Claim(by=doc.text[s:m.end(1) + off], source=_source_for(doc, s, e), modality=_modality(m.group(3)),
                      evidence=Evidence(doc.text[s:m.end() + off], s, m.end() + off))
        found.append(Attribution(s, m.end() + off, claim, m.group(3)))
    for m in _ROLE_THEN_NAME.finditer(text):
        # "his lawyer, Jane Roe, said": the named person speaks, in the role the words before give
        if not (_SPEAKER.fullmatch(m.group(2)) or _ROLE.fullmatch(m.group(2))) or any(
                a.start <= m.start() + off < a.end for a in found):
            continue
        s, e = m.start(1) + off, m.end(3) + off
        claim = Claim(by=doc.text[m.start(3) + off:e], source=_source_for(doc, m.start(3) + off, e), modality=_modality(m.group(4)),
                      evidence=Evidence(doc.text[s:m.end() + off], s, m.end() + off))
        found.append(Attribution(s, m.end() + off, claim, m.group(4)))
    for m in _SUBJ_VERB.finditer(text):
        if any(a.start <= m.start(2) + off < a.end for a in found if a.cue == m.group(2)):
            continue
        raw = m.group(1)
        if m.group(2).lower() in _BARE_INVERTING and m.end() < len(text) and text[m.end()] == " " \
                and not re.search(r"[,\"”]\s*$", text[max(0, m.start(2) - 3):m.start(2)]):
            inverted = _inverted_speaker(doc, sentence, text, m.start(2), m.end())
            if inverted is not None:
                # "... a military airport said the Observatory": the one after the verb speaks
                s, e = inverted
                claim = Claim(by=doc.text[s:e], source=_source_for(doc, s, e), modality="reported",
                              evidence=Evidence(doc.text[m.start(2) + off:e], m.start(2) + off, e))
                found.append(Attribution(m.start(2) + off, e, claim, m.group(2)))
                continue
        subject, shift = _trim_subject(raw)
        if not subject or subject.split()[0].lower() in _LOWER_START:
            continue
        if _NOT_SPEAKING.search(subject) or _NOUN_USE.search(" " + raw):
            # "two more people were reported killed": said by someone unnamed, not by the subject;
            # "the group has not claimed it": no claim
            continue
        cut = _speaker_phrase(doc, subject, m.start(1) + shift + off)
        if cut:
            # comma-less text: "Deir Ezzor during the past week a military source said"
            shift += cut
            subject = subject[cut:]
        if len(subject.split()) > 10:
            # a headline run into the lead ("... in Last Three Days Activists in Idlib province said"):
            # the speaker's phrase starts at its speaker word
            speaker = _SPEAKER.search(subject, max(0, len(subject) - 60))
            if speaker is None:
                continue
            begin = _MODIFIER_BEFORE.search(subject[:speaker.start()])
            cut = begin.start() if begin else speaker.start()
            shift += cut
            subject = subject[cut:]
        verb = m.group(2)
        if any(a.cue in ("quoted", "claimed responsibility") and a.start <= m.start(2) + off < a.end for a in found):
            continue  # "SANA quoted a source as saying": the source speaks; "X has claimed responsibility"
        after = _NOT_SPEECH_AFTER.get(verb.lower())
        if after is not None and after.match(text[m.end():m.end() + 40]):
            continue
        if re.match(r"\s+by\b", text[m.end():m.end() + 5]):
            # "a blast claimed by the group" is a passive; "the baseless claim by the union" (no
            # participle) names a claim, made by the one after "by", that the sentence's act rejects
            if _modality(verb) == "claimed" and verb.lower().endswith("ed"):
                found.extend(_claimed_by(doc, sentence, m.end() + off))
            continue  # "has been denied by other sources": passive, handled as a dispute
        hedge = _HEDGE_END.search(subject)
        if hedge:
            # "Kerry reportedly told": Kerry speaks, but that he did is told by unnamed others
            hs, he = m.start(1) + shift + off + hedge.start() + 1, m.start(1) + shift + off + hedge.end()
            claim = Claim(by=None, source=None, modality="reported", evidence=Evidence(doc.text[hs:he], hs, he))
            found.append(Attribution(m.start(1) + shift + off, m.end() + off, claim, verb))
            continue
        s = m.start(1) + shift + off
        e = s + len(subject)
        # flattened text has lost its commas: "... a jihadist-held town a monitoring group said";
        # the claimant is the last named actor right before the verb
        near = [a for a in doc.in_span(doc.actors, s, e) if a.end <= e and not a.demonym
                and len(doc.text[a.end:e].split()) <= 3]
        # (not inside a short phrase its determiner opens: "the regional office" is one speaker; but "a
        # charge Tohti denied": a name after a common noun starts the speaker)
        opened = cut > 0 or (re.match(r"(?:[Tt]he|an?|An?)\s", subject) is not None and len(subject.split()) <= 4
                             and bool(near) and doc.text[near[-1].start].islower())
        if near and near[-1].start > s and not opened:
            s = near[-1].start
            subject = doc.text[s:e]
        if previous is not None and (_PRONOUN.match(subject) and subject.split()[0].lower() in ("it", "they", "he", "she")
                                     or _SAME_SOURCE.search(subject) and previous.by):
            claim = Claim(by=previous.by, source=previous.source, modality=_modality(verb),
                          evidence=Evidence(doc.text[s:m.end() + off], s, m.end() + off))
        else:
            source = _source_for(doc, s, e)
            if source is None and not (_SPEAKER.search(subject) or _news_outlet(subject)):
                continue
            claim = Claim(by=doc.text[s:e], source=source, modality=_modality(verb),
                          evidence=Evidence(doc.text[s:m.end() + off], s, m.end() + off))
        found.append(Attribution(s, m.end() + off, claim, verb))
    for m in _VERB_SUBJ.finditer(text):
        subject = m.group(2).strip()
        lost = _NEW_SENTENCE.search(subject)
        if lost:
            subject = subject[:lost.start()].strip()  # "said Ahmed Nour The displaced people had ..."
        s, e = m.start(2) + off, m.start(2) + off + len(subject)
        if any(a.start <= s < a.end for a in found):
            continue
        claim = Claim(by=doc.text[s:e], source=_source_for(doc, s, e), modality="reported",
                      evidence=Evidence(doc.text[m.start() + off:e], m.start() + off, e))
        found.append(Attribution(m.start() + off, e, claim, m.group(1)))
    if not found:
        hedge = _REPORTEDLY.search(text) or _PASSIVE_REPORT.search(text)
        if hedge:
            s, e = hedge.start() + off, hedge.end() + off
            # "arrested for allegedly kidnapping": the hedge holds for the charged act only (CHARGE_CUE)
            cue = CHARGE_CUE if _CHARGE_BEFORE.search(text[max(0, hedge.start() - 40):hedge.start()]) else "reportedly"
            found.append(Attribution(s, e, Claim(by=None, source=None, modality="reported",
                                                 evidence=Evidence(doc.text[s:e], s, e)), cue))
    dispute = _DISPUTE.search(text)
    if dispute:
        s, e = dispute.start() + off, dispute.end() + off
        for a in found:
            if a.start < s and a.claim.modality in ("reported", "claimed"):
                a.claim.modality = "disputed"
        if not found:
            found.append(Attribution(s, e, Claim(by=None, source=None, modality="disputed",
                                                 evidence=Evidence(doc.text[s:e], s, e)), "disputed"))
    found.sort(key=lambda a: a.start)
    return found

