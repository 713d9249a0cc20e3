"""Realis: whether a mention tells an act that happened, or background, a plan, a demand, a court step,
a denial, or an aggregate of many acts; and the modality of its claim.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from sitrep import lexicon
from sitrep.model import Claim, EventMention
from sitrep.resolve.actors import actor_dictionary
from sitrep.stages.doc import CasualtyMatch, Doc, Sentence, Trigger
from sitrep.stages.parse import CHARGE_HEADS, CLAIM_HEADS, MODALS, charged, predicate, realis, subtree_span, token_at
from sitrep.stages.roles import MUST_BEFORE, trigger_at
from sitrep.stages.triggers import retype

_BACKGROUND = re.compile(
    r"\b(?:in the past|past years|previously|in recent years|years ago|for years|used to|"
    r"since the (?:beginning|start|outbreak)|have said|has long|had long|history|"
    # "during the Second World War": a war of the last century names the act's time
    r"(?:first|second)\s+(?:and\s+(?:the\s+)?second\s+)?world\s+wars?|world\s+war\s+(?:i|ii|one|two))\b", re.I)

# "Syria's war has killed more than 320,000 people since it began": a war's toll, not an event
_WAR_TOLL = re.compile(
    r"\b(?:war|conflict|uprising|revolt|crisis|fighting)\s+(?:has|have|had|which has|that has)\s+(?:so far\s+)?"
    r"(?:killed|left|claimed|cost)\b|\bsince\s+(?:it|the war|the conflict|the uprising|the revolt|the crisis)\s+"
    r"(?:began|started|erupted|broke out)\b|\b(?:killed|died)\s+(?:in|during)\s+(?:the|syria'?s)\s+(?:\w+\s+)?(?:war|conflict)\b",
    re.I)
# Counts over a span of time are aggregates, not an event: "since 2014", "since then", "from March
# 2011 to June 2016", "each day", "throughout the war" (PROTOCOL: cumulative tolls are not events)
_MONTHS_RE = "|".join(sorted({w.lower() for w in lexicon.months()}, key=len, reverse=True))
_AGGREGATE = re.compile(
    r"\bsince\s+(?:then|(?:early|late|mid-?)?\s*(?:19|20)\d\d\b|(?:" + _MONTHS_RE + r")\b(?!\s+\d{1,2}\b)|"
    r"the\s+(?:start|beginning|outbreak)\s+of)"
    r"|\bfrom\s+(?:(?:" + _MONTHS_RE + r")\s+)?(?:19|20)\d\d\s+(?:to|until|through|till)\b"
    r"|\bbetween\s+(?:(?:" + _MONTHS_RE + r")\s+)?(?:19|20)\d\d\s+and\s+(?:(?:" + _MONTHS_RE + r")\s+)?(?:19|20)\d\d\b"
    r"|\b(?:each|every|per)\s+(?:day|week|month|year)\b|\bthroughout\s+the\s+(?:war|conflict|country|year)\b"
    r"|\bso far this year\b|\bthis year alone\b"
    # "has called for his release on several occasions": an act done again and again is a string of acts
    r"|\bon\s+(?:several|many|numerous|multiple|repeated|countless|various|a\s+number\s+of)\s+occasions\b",
    re.I)
# "Cross-border fire has claimed 21 lives this year", "have been killed over the past months": a running total
_RUNNING = re.compile(r"\b(?:this year|in recent (?:weeks|months|years|decades)|over the (?:past|last) (?:\w+ )?(?:weeks|months|years|decades)|"
                      r"so far|thus far|to date|in all|in total|altogether)\b", re.I)
# a toll run up over days: "has wounded 22 people in recent days", "have been killed in three days of
# shelling", "have been killed since Saturday" (but "have detained three journalists since Monday" is
# one arrest and the holding since: only the dead and the hurt are counted up)
_RUNNING_DAYS = re.compile(r"\b(?:in recent days|in (?:\d+|" + lexicon.count_alternation(2, 20) + r") days of|since (?:"
                           + lexicon.weekday_alternation() + r"))\b", re.I)
_HAS_HARMED = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:killed|wounded|injured|claimed|left)\b", re.I)
# a toll run up since a named day: "the clashes have cost the lives of 85 people since May 9", "since 3
# March, 40 fighters have been killed" (the dead and the hurt counted up, as with "since Saturday")
_SINCE_DAY = re.compile(r"\bsince\s+(?:(?:" + _MONTHS_RE + r")\s+\d{1,2}\b|\d{1,2}\s+(?:" + _MONTHS_RE + r")\b)", re.I)
_HAS_COST = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|claimed|left|cost)\b"
                       r"|\b(?:has|have)\s+(?:\w+ly\s+)?been\s+(?:killed|wounded|injured)\b", re.I)
# "Ankara has been shelling the border villages since May 9": the perfect progressive with a named day
# tells a campaign kept up since, not one act ("has been refusing food since his arrest" is left alone:
# a protest kept up since a recent act may be the news itself)
_KEPT_UP = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?been\s+(?!being\b)\w+ing\b", re.I)
# "more than 450 people were killed there in the last month", "over the past three years": a count or a
# string of acts over a span of weeks or more ending now is a running total in any tense ("in the last
# week of March" names a week, not a span)
_SPAN_TOTAL = re.compile(r"\b(?:in|over|during|within|throughout)\s+the\s+(?:past|last|previous)\s+(?:(?:few|several|\d+|"
                         + lexicon.count_alternation(2, 12) + r")\s+)?(?:weeks?|months?|years?|decades?)\b(?!\s+of\b)"
                         # "in the last 10 days": a span of days a week or longer is one too
                         r"|\b(?:in|over|during|within|throughout)\s+the\s+(?:past|last|previous)\s+(?:[7-9]|[1-9]\d+|"
                         + lexicon.count_alternation(7, 30) + r")\s+days\b", re.I)
# "More than 35,000 people have been arrested", "170000 people have reportedly been killed" (a text
# that drops the commas; then from ten thousand): a count in the thousands done over time, a total
_THOUSANDS_DONE = re.compile(r"\b(?:\d{1,3}(?:,\d{3})+|\d{5,})\s+(?:[\w\-]+\s+){0,2}(?:have|has)\s+(?:\w+ly\s+)?been\b", re.I)
# "have killed at least 1,303 people", "had detained more than 2,000": the perfect tense with a count in
# the thousands as its object is a running total, however the sentence goes on
_DONE_THOUSANDS = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:killed|arrested|detained|abducted|disappeared|jailed)\s+"
                             r"(?:(?:at least|more than|over|nearly|almost|some|about|around|close to)\s+)?"
                             r"(?:\d{1,3}(?:,\d{3})+|\d{4,})\b", re.I)
# "as of August 4, the army had killed 946 people", "as of Monday, 40 had been detained": a count up to a
# day is a running tally
_AS_OF = re.compile(r"\bas of\s+(?:(?:" + _MONTHS_RE + r")\s+\d{1,2}\b|\d{1,2}\s+(?:" + _MONTHS_RE + r")\b|"
                    r"(?:this|last)\s+\w+|today|now|(?:" + lexicon.weekday_alternation() + r"))", re.I)
_COUNTED_DONE = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?(?:killed|arrested|detained|abducted|jailed|wounded|injured)"
                           r"\s+(?:(?:at least|more than|over|nearly|almost|some|about|around)\s+)?\d", re.I)
_HAS_DONE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:claimed|killed|left|cost|wounded|injured|arrested|detained|behind|"
                       r"achieved|won|gained|made|carried out|conducted|launched)\b", re.I)
# "have detained more than 2,900 people since the Feb. 1 coup": a count run up since a turning point
_SINCE_TURN = re.compile(r"\bsince\s+(?:the|last\s+(?:\w+'s|\w+’s))\s+(?:[\w\-.]+\s+){0,2}?"
                         r"(?:coup|invasion|takeover|revolution|uprising|elections?|crackdown|protests|unrest|war|conflict)\b", re.I)
# "Millions of adherents have since been detained": a mass count run up since a time told before
_MASS_SINCE = re.compile(r"\b(?:thousands|millions)\s+(?:of\s+)?(?:[\w\-]+\s+){0,4}(?:have|has)\s+since\s+been\b", re.I)
_TOLL_CONTEXT = re.compile(r"\b(?:war|conflict|uprising|revolt|since|began|erupted|broke out|years|crisis)\b", re.I)


def tells_total(text: str, casualties: list[CasualtyMatch], whole: str | None = None) -> bool:
    """Whether a sentence tells a total over time (a war's toll, a running count, an aggregate
    "since 2014") rather than one event: its mentions are background. ``text`` is the act's own
    clause; ``whole``, its sentence: "have been behind many attacks targeting ... over the past three
    years" tells acts done (its own clause) over a span (the clause describing them)."""
    if whole is not None and _SPAN_TOTAL.search(whole) and _HAS_DONE.search(text):
        return True
    return bool(_WAR_TOLL.search(text)) or bool(_AGGREGATE.search(text)) or bool(_MASS_SINCE.search(text)) \
        or bool(_SINCE_TURN.search(text) and _HAS_DONE.search(text)) \
        or bool(_THOUSANDS_DONE.search(text)) or bool(_DONE_THOUSANDS.search(text)) \
        or bool(_AS_OF.search(text) and _COUNTED_DONE.search(text)) or bool(
        _SPAN_TOTAL.search(text) and (_HAS_DONE.search(text) or any(c.casualty.count for c in casualties))) or bool(
        _RUNNING.search(text) and _HAS_DONE.search(text)) or bool(
        _RUNNING_DAYS.search(text) and _HAS_HARMED.search(text)) or bool(
        _SINCE_DAY.search(text) and (_HAS_COST.search(text) or _KEPT_UP.search(text))) or (
        # a five-figure toll next to "war", "conflict" or "since" is the war's running total
        any((c.casualty.count or 0) >= 10000 for c in casualties) and bool(_TOLL_CONTEXT.search(text)))


def own_clause_text(doc: Doc, sentence: Sentence, trigger: Trigger) -> str:
    """The sentence's text without the clauses that describe a noun ("68 children arrested since the
    beginning of the protests", "who have been held since 2019") where the trigger's act is not told:
    a span of time there belongs to those people, not to the act."""
    act = token_at(doc, sentence.index, trigger.start)
    text = sentence.text
    if act is None:
        return text
    for token in act.doc:
        if token.dep_ in ("acl", "relcl") and token.i != act.i and not any(a.i == token.i for a in act.ancestors):
            start, end = subtree_span(token)
            text = text[:start] + " " * (end - start) + text[end:]
    if act.lower_ in CHARGE_HEADS:
        # "arrested this morning over crimes committed between 1989 and 2003": the span is the crime's
        for grounds in [c for c in act.children if c.dep_ == "prep" and c.lower_ in _GROUNDS_PREPS]:
            start, end = subtree_span(grounds)
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def background(doc: Doc, sentence: Sentence, trigger: Trigger) -> bool:
    """Whether a cue of background ("previously", "in the past") bears on the trigger's act: it
    does unless it sits in another clause that does not hold the act ("followed a meeting ... despite
    members having previously expressed doubts": the doubts are old, not the meeting); a conceded
    clause of its own is told as a contrast."""
    act = token_at(doc, sentence.index, trigger.start)
    for cue in _BACKGROUND.finditer(sentence.text):
        at = token_at(doc, sentence.index, sentence.start + cue.start())
        if act is None or at is None:
            return True
        clause, own = predicate(at), predicate(act)
        if clause.i == own.i or any(a.i == clause.i for a in own.ancestors) or not _concessive(clause):
            return True
    return False


def _concessive(clause) -> bool:  # noqa: ANN001 - a spaCy token
    """Whether a clause is conceded ("despite X having ...", "although X had ..."): told as a contrast."""
    return any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in clause.children) or (
        clause.dep_ == "pcomp" and clause.head.lower_ in _CONCESSIVE) or (
        # the parser hangs "despite" on the verb above and the clause beside it
        clause.dep_ == "advcl" and any(c.lower_ in _CONCESSIVE and c.i < clause.i for c in clause.head.children))


_WORDS = re.compile(r"\w+")
REPEAT_MIN_WORDS = 8


def repeated_history(mentions: list[EventMention]) -> None:
    """A page that prints a block twice (a timeline with and without its dates): a sentence that
    repeats one already told as history is history too."""
    told: list[str] = []
    for m in mentions:
        words = " ".join(_WORDS.findall(m.evidence.text.lower()))
        if m.historical:
            if len(words.split()) >= REPEAT_MIN_WORDS:
                told.append(words)
        elif len(words.split()) >= REPEAT_MIN_WORDS and any(words in t or t in words for t in told):
            m.historical = True


# A reaction to an incident (condemning, accusing, blaming) is an attribute of it; a demand,
# threat, offer, agreement, meeting or rejection between two actors is an act of its own
# (PROTOCOL conventions), so it keeps its sentence when it governs the violent words.
OWN_ACTS = {"REQUEST", "THREATEN", "AGREE", "CONSULT", "REJECT", "SUPPORT", "AID", "COOPERATE", "SANCTION",
             "CONCEDE", "RETREAT", "MOBILIZE"}
TYPE_RANK = {"ASSAULT": 0, "COERCE": 1, "PROTEST": 2}
_CONCESSIVE = frozenset(lexicon.concessive_marks())
_LIGHT_NOUNS = frozenset(lexicon.light_nouns())
_UNNAMED = frozenset(lexicon.unnamed_quantifiers())
_PROBES = frozenset(lexicon.probe_nouns())
_CANCELLING = frozenset(lexicon.cancelling_verbs())
_TALKING = frozenset(lexicon.talking_verbs())
_ATTEMPTED = {"attempted", "tried"}
_ALTERNATIVE = re.compile(r"\beither\b[^.;:!?]*\bor\s+(?:[\w\-'’]+\s+){0,3}$", re.I)
_DEMANDING = frozenset(lexicon.demanding_verbs())
_PROCEDURAL = frozenset(lexicon.procedural_requests())
_FILING = frozenset(lexicon.filing_verbs())
_ORDERS = frozenset(lexicon.order_verbs())
_COURTS = frozenset(lexicon.court_nouns())
_STANDING = re.compile(r"\b(?:" + lexicon.alternation(lexicon.standing_phrases()) + r")\b", re.I)


def _court_step(token) -> bool:  # noqa: ANN001 - a spaCy token
    """A request that is a step of a court case: a procedural ruling asked for, or a filing to a court."""
    p = predicate(token)
    if any(c.dep_ == "dobj" and c.lower_ in _PROCEDURAL for c in p.children):
        return True  # "the defence requested a postponement of the case"
    if p.lower_ not in _FILING:
        return False
    return any(c.dep_ == "dobj" and c.lower_ in _COURTS
               or c.dep_ == "prep" and c.lower_ in ("to", "before")
               and any(g.dep_ == "pobj" and g.lower_ in _COURTS for g in c.children) for c in p.children)


_CHARGE_NOUNS = {"charge", "charges", "count", "counts"}
_ONE_SPEAKER_TAGS = {"NN", "NNP"}


def _talk_about(token) -> bool:  # noqa: ANN001 - a spaCy token
    """"He talked about his nightmares", "she spoke of the raid": a verb of talking with a topic ("about",
    "of") and no one talked with (no "with", "to" or object), said of one speaker (a meeting needs two: "the
    two leaders talked about trade", "X and Y talked about" are talks)."""
    if token.pos_ != "VERB" or token.lower_ not in _TALKING:
        return False
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if not preps & {"about", "of"} or preps & {"with", "to"} or any(c.dep_ in ("dobj", "dative") for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and subjects[0].tag_ in _ONE_SPEAKER_TAGS | {"PRP"} \
        and subjects[0].lower_ not in ("they", "we") and not any(c.dep_ == "conj" for c in subjects[0].children)


_FURTHER_COUNT_MARKS = {"also", "additionally", "further"}


def further_charges(doc: Doc, mentions: list[EventMention], anchors: dict[int, int]) -> list[EventMention]:
    """"X is also charged with possessing ...", "he was additionally charged with": another count added to a
    prosecution the article has already told (an arrest, a charge) is that case's attribute, not a new event."""
    out: list[EventMention] = []
    for m in mentions:
        token = trigger_token(doc, m, anchors) if m.type == "COERCE" and not m.historical else None
        if token is not None and token.lower_ in ("charged", "indicted") \
                and any(c.dep_ == "advmod" and c.lower_ in _FURTHER_COUNT_MARKS for c in token.children) \
                and any(p.type == "COERCE" and not p.historical and p.sentences[0] < m.sentences[0] for p in out):
            continue
        out.append(m)
    return out


def trigger_token(doc: Doc, m: EventMention, anchors: dict[int, int]):  # noqa: ANN202
    at = anchors.get(id(m))
    return None if at is None else token_at(doc, m.sentences[0], at)


# acts that are themselves a statement of intent: a threat or a demand is an event (PROTOCOL)
_INTENT_ACTS = {"THREATEN", "REQUEST", "AGREE", "REJECT", "CONCEDE"}
_RELEASED_THINGS = {"statement", "statements", "report", "reports", "video", "videos", "footage", "list", "figures",
                    "data", "photos", "pictures", "images", "details", "names", "album", "film", "documents",
                    "findings", "results", "funds", "version", "communique", "recording", "audio", "book",
                    "name", "identity", "photo", "picture", "image", "document", "letter", "transcript", "clip",
                    "information", "song", "record", "records", "recordings", "clips", "letters"}

_TERMS = {"sentence", "sentences", "term", "terms"}
_GROUNDS_PREPS = {"over", "for", "on", "with", "of"}
_DUE = frozenset(lexicon.act_to_come_after())
_SCHEMES = {"plot", "plots", "conspiracy", "conspiracies", "scheme", "schemes"}
_LEGAL_GRANTS = {"bail", "bond", "parole", "pardon", "clemency", "amnesty", "probation", "furlough", "appeal"}
_ROLES_DISMISSED = frozenset(lexicon.dismissed_roles())
_CALENDAR = frozenset(w.lower() for w in (*lexicon.weekdays(), *lexicon.months()))


def _dated_by_year(doc: Doc, token) -> bool:  # noqa: ANN001 - a spaCy token
    """An act noun with a past year of its own before it ("in the 2012 murder of"; "the 2008
    hostage-taking", where the year hangs on the noun the act's word is hyphened to, one word with
    it: "the 2012 murder case" is a case of that year, the murder merely its subject)."""
    published = doc.article.published
    if token.pos_ != "NOUN" or not published:
        return False
    hyphened = token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i == token.i + 2 \
        and token.nbor(1).tag_ == "HYPH"
    heads = [token, token.head] if hyphened else [token]
    return any(c.i < token.i and re.fullmatch(r"(?:19|20)\d\d", c.text) and int(c.text) < int(published[:4])
               for h in heads for c in h.children)


_REMEMBRANCE = frozenset(lexicon.remembrance_nouns())
_RECORDING_MEDIA = frozenset(lexicon.recording_media())
_INSTRUMENTS = frozenset(lexicon.executed_instruments())
_UNDERTAKINGS = frozenset(lexicon.launched_undertakings())
_WAR_MODIFIERS = frozenset(lexicon.war_modifiers())


def _remembered(token) -> bool:  # noqa: ANN001 - a spaCy token
    """An act named as what an anniversary or a commemoration is of ("vigils to mark the second
    anniversary of his being detained", "the commemoration of the massacre"): history, told for the date."""
    t = token
    for _ in range(8):
        h = t.head
        if h.i == t.i:
            return False
        if h.dep_ == "prep" and h.lower_ == "of" and h.head.lower_ in _REMEMBRANCE:
            return True
        t = h
    return False


def _recorded(token) -> bool:  # noqa: ANN001 - a spaCy token
    """"captured on video", "captured in media reports": caught on a recording, not a capture."""
    if not token.lower_.startswith("captur"):  # (the parser here gives no lemmas)
        return False
    # "captured in portions on a viral video": the medium may hang on a phrase below the first
    return any(c.dep_ == "prep" and c.lower_ in ("on", "in", "by") and any(
        g.dep_ == "pobj" and g.lower_ in _RECORDING_MEDIA for g in c.subtree) for c in token.children)


def _carried_out(token) -> bool:  # noqa: ANN001 - a spaCy token
    """"the execution of the Act", "executed the plan": a law, plan or order carried out, not a killing."""
    if not token.lower_.startswith("execut"):
        return False
    return any(c.dep_ == "dobj" and c.lower_ in _INSTRUMENTS or c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.lower_ in _INSTRUMENTS for g in c.children) for c in token.children)


def _launched_undertaking(token) -> bool:  # noqa: ANN001 - a spaCy token
    """"launched a joint campaign in support of", "launched his hunger strike": no attack launched."""
    if not token.lower_.startswith("launch"):
        return False
    for c in token.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        words = [g.lower_ for g in c.children if g.dep_ in ("amod", "compound")]
        if any(w in _WAR_MODIFIERS for w in words):
            return False
        if c.lower_ in _UNDERTAKINGS or any(f"{w} {c.lower_}" in _UNDERTAKINGS for w in words):
            return True
    return False


def _dismissed(token) -> bool:  # noqa: ANN001 - a spaCy token
    """"fired the army chief", "the editor was fired": a job holder let go, no shot fired ("fired shots",
    "fired at the crowd" and "rockets were fired" name what was shot or whom it was shot at)."""
    if not token.lower_.startswith("fire") or token.pos_ != "VERB":
        return False
    kids = list(token.children)
    if any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon", "toward", "towards")
           and not any(g.dep_ == "pobj" and (g.lower_ in _CALENDAR or g.like_num) for g in c.children) for c in kids):
        return False  # (but "fired the chief on Sunday" is a day)
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _ROLES_DISMISSED for c in kids)


def other_sense(doc: Doc, sentence: Sentence, trigger: Trigger) -> bool:
    """A violent word in another sense ("captured on video", "the execution of the Act"): no act of its
    own, so it neither makes a record nor stands for the sentence's other acts."""
    if trigger.type != "ASSAULT":
        return False
    if trigger.mode == "suicide-attack" and _BOMBER.search(trigger.text) \
            and _BOMBERS_AS_TOLL.search(doc.text[max(sentence.start, trigger.start - 60):trigger.start]):
        return True  # "killed 75 militants including the suicide bombers": the dead were to bomb, none blew up
    token = token_at(doc, sentence.index, trigger.start)
    return token is not None and (_recorded(token) or _carried_out(token) or _launched_undertaking(token) or _dismissed(token))


_BOMBER = re.compile(r"\bbombers?$", re.I)
# the would-be bombers named among those an act killed or took ("killed 40 fighters, among them suicide
# bombers", "arrested two suicide bombers")
_BOMBERS_AS_TOLL = re.compile(r"\b(?:(?:including|among\s+them|among\s+whom|such\s+as)\s+|"
                              r"(?:killed|eliminated|neutrali[sz]ed|arrested|captured|detained|intercepted)\s+(?:[\w\-]+\s+){0,2})"
                              r"(?:the\s+|a\s+|two\s+|several\s+|\d+\s+)?(?:would-be\s+)?$", re.I)
_MANNER_ACTS = {"COOPERATE", "SUPPORT", "AID", "AGREE", "CONSULT"}
_PRACTICE_HEADS = {"prevention", "prohibition", "eradication", "elimination", "abolition", "convention", "fight",
                   "campaign", "struggle", "law", "laws", "pattern", "culture", "practice", "policy", "history",
                   "crime", "crimes", "definition"}
_MANNER_PREPS = {"in", "with", "under", "through"}


_STATUS = frozenset(lexicon.status_participles())
_SUMS = frozenset(lexicon.withdrawn_sums())
_STATUS_CLAIMS = _STATUS & CLAIM_HEADS  # (the accuser's words; a verdict so named gives way already)


def _status_participle(token) -> bool:  # noqa: ANN001 - a spaCy token
    """A participle after a noun that names the person by a legal status ("a man convicted of the
    bombing was freed", "the woman accused of taking the child had been living with him", "a man
    found guilty in the kidnapping has dropped his appeal"): a reduced relative clause saying who he
    is, not an act the sentence tells. Parsed as such (acl), a verdict already gives way to the
    sentence's own verb, an accusation would stand as one; the parser often reads it instead as the
    main verb and hangs the real one on it without a subject of its own (convicted ROOT, was freed
    conj): a participle with a subject, no auxiliary and
    no object, beside a finite verb with no subject and no "and" before it ("the court convicted him
    and has ..." has its object and its "and"). Also as the content of "police said" closing the
    sentence (ccomp)."""
    if token.lower_ not in _STATUS or token.lower_ == "found" and not any(c.lower_ == "guilty" for c in token.children):
        return False
    if token.dep_ == "acl":
        return token.tag_ == "VBN" and token.lower_ in _STATUS_CLAIMS and token.head.pos_ in ("NOUN", "PROPN")
    kids = list(token.children)
    if token.dep_ not in ("ROOT", "ccomp") or any(c.dep_ in ("aux", "auxpass", "dobj") for c in kids) \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        return False
    return any(c.dep_ in ("conj", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > token.i
               and not any(k.dep_ == "cc" and k.i < c.i for k in kids)
               and any(g.dep_ in ("aux", "auxpass") for g in c.children)
               and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children) for c in kids)


_NEGATED_PHRASE = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.I)


def happened(doc: Doc, m: EventMention, anchors: dict[int, int]) -> bool:
    """Record only what happened: not negated, hypothetical, planned, wished for or habitual."""
    token = trigger_token(doc, m, anchors)
    if token is None:
        return True
    sentence = doc.sentences[m.sentences[0]]
    if not m.casualties and token.pos_ == "NOUN" and _ALTERNATIVE.search(doc.text[sentence.start:anchors.get(id(m), sentence.start)]):
        # "either accept the terms or the bombing will continue": an act named as one branch of a choice put
        # is not told as done ("either the army or the militia shelled it" tells the shelling)
        return False
    if m.type == "CONCEDE" and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _RELEASED_THINGS
                                   for c in predicate(token).children):
        return False  # "released a statement", "a video was released": a publication, not a captive set free
    if m.type in ("ASSAULT", "COERCE") and not m.casualties and token.dep_ == "compound" and token.head.lower_ in _SCHEMES:
        return False  # "the kidnap plot", "a bomb plot": an act schemed, not done
    if m.type == "AID" and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _LEGAL_GRANTS for c in predicate(token).children):
        return False  # "was granted a $10,000 bond": a court's term for the accused, no aid given
    if m.type == "CONCEDE" and token.dep_ == "acl" and token.head.lower_ in _RELEASED_THINGS:
        return False  # "a report released by UN experts": the same publication, told as a participle
    if m.type == "ACCUSE" and token.dep_ == "acl" and token.tag_ == "VBG" and token.lower_.startswith("investigat"):
        return False  # "a group of UN experts investigating war crimes said": who the speakers are, not a probe opened
    if m.type == "SUPPORT" and token.dep_ == "acl" and token.tag_ == "VBN":
        return False  # "the army backed by allied militia captured ...": who backs them describes them (PROTOCOL)
    if token.dep_ == "amod" and (token.tag_ == "VBN" or token.lower_.endswith("ed")) and not m.casualties \
            and m.type not in ("REQUEST", "THREATEN", "AGREE", "REJECT"):  # a demand to free "the detained" is one
        return False  # "the freed AVM", "the arrested activists": a participle naming people, not an act
    if _status_participle(token) and not m.casualties and not m.historical:
        # "the woman accused of driving off with the child": who she is, not an accusation or a verdict
        # told (one already dated as history stays as told: it names the sentence's old acts)
        return False
    if m.type not in TYPE_RANK and token.dep_ == "acl" and token.tag_ == "VBG" \
            and any(c.dep_ == "aux" and c.lower_ in MODALS for c in predicate(token.head).children):
        return False  # "supporters demanding his release will rally on Sunday": who will rally, no demand made
    if m.type == "RETREAT" and any(c.dep_ in ("dobj", "nsubjpass") and (c.lower_ in _SUMS or any(g.tag_ == "$" for g in c.children))
                                   for c in predicate(token).children):
        return False  # "forced to withdraw money at gunpoint": a sum taken out, no forces pulled back
    # (an arrest noun naming a thing, "arrest warrants", unless that thing is where the sentence puts
    # someone: "held in a detention centre")
    if (m.type in OWN_ACTS or m.type == "COERCE" and not m.casualties and token.head.dep_ != "pobj") \
            and token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.pos_ == "NOUN" \
            and token.head.text[:1].islower() and token.head.lower_ not in _LIGHT_NOUNS \
            and trigger_at(doc, doc.sentences[m.sentences[0]].start + token.head.idx) is None:
        return False  # "the deployment ban", "a support group": the act's noun names a kind of another thing
    if m.type in ("ASSAULT", "COERCE") and not m.casualties and token.dep_ == "pobj" \
            and token.head.lower_ in ("of", "against") and token.head.head.lower_ in _PRACTICE_HEADS:
        return False  # "the prevention of torture", "a pattern of abductions": the practice, not one act
    if token.dep_ in ("csubj", "csubjpass") and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("being", "getting")
                                                    for c in token.children) \
            and any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.head.children):
        return False  # "Being kidnapped abroad would demoralize anyone": the act as a kind of experience
    if m.type == "THREATEN" and charged(token):
        return False  # "found guilty of threatening public security": the offence named, no threat made
    if m.type == "COERCE" and predicate(token).lower_ in ("remain", "remains", "remained", "remaining"):
        return False  # "remained on trial", "remains in detention": a state that goes on, not an act
    if m.type == "COERCE" and any(a.lower_ in ("serve", "serves", "serving", "served") and any(c.dep_ == "dobj" and c.lower_ in _TERMS for c in a.children)
                                  for a in (token, *token.ancestors)):
        return False  # "is serving a 50-year sentence after being found guilty": a term being served, not an act
    if m.type in _MANNER_ACTS and ((token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in _MANNER_PREPS)
                                   or (token.dep_ == "prep" and token.lower_ in _MANNER_PREPS)):
        return False  # "forces in cooperation with", "with the support of", "under an agreement": how, not an act
    if m.type not in TYPE_RANK and any(c.dep_ == "nsubj" and (c.lower_ in _UNNAMED or any(
            d.dep_ in ("det", "amod") and d.lower_ in _UNNAMED for d in c.children)) for c in predicate(token).children):
        return False  # "some activists have called on ...", "others asked for water": no identifiable actor
    if m.type == "CONSULT" and token.pos_ == "NOUN" and (token.dep_ == "dobj" or token.dep_ == "compound"
                                                         and token.head.dep_ == "dobj") \
            and predicate(token).lower_ in _CANCELLING:
        return False  # "cancelled the meeting", "disconnected a phone call": the meeting did not take place
    if m.type == "REJECT" and any(c.dep_ == "dobj" and c.lower_ in _CHARGE_NOUNS for c in predicate(token).children):
        return False  # "was arrested but has denied the charges": the accused's plea, a step of the case, not an act
    if m.type == "CONSULT" and _talk_about(token):
        return False  # "she talked about her ordeal": one person's account of a topic, no meeting of two parties
    if m.type in ("ASSAULT", "COERCE") and token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "from" \
            and token.head.head.lower_ in _TALKING:
        return False  # "spoke to a reporter from immigration detention": where the speaker is, not an act told
    if m.type == "REQUEST" and _court_step(token):
        return False  # "requested a postponement", "appealed to the European Court": a step of the case
    if m.type == "ACCUSE" and (m.trigger or "x").lower().split()[-1] in _PROBES:
        sentence = doc.sentences[m.sentences[0]]
        if any(t.type in ("ASSAULT", "COERCE") and t.start > anchors[id(m)] for t in doc.in_sentence(doc.triggers, sentence)):
            return False  # "opened an investigation to determine whether its strikes killed civilians": the strikes' attribute
    p = predicate(token)
    if m.type in ("ASSAULT", "COERCE") and not m.casualties and token.dep_ == "dobj" and p.i != token.i \
            and p.lower_ in _DEMANDING:
        return False  # "demanded the arrest of the killers", "seeking arrests": an act wanted, not done
    if m.type not in TYPE_RANK and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in p.children):
        start, end = subtree_span(p)
        if _STANDING.search(doc.sentences[m.sentences[0]].text[start:end]):
            return False  # "has opposed the agreement from the very beginning": a standing position, not an act
    if m.type == "PROTEST" and not m.casualties and p.dep_ == "relcl" and p.i != token.i \
            and (p.tag_ in ("VBG", "VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("has", "have", "is", "are") for c in p.children)) \
            and trigger_at(doc, doc.sentences[m.sentences[0]].start + p.head.idx) is None:
        # "Upper Egypt, where the bulk of the protests are taking place", "a saga that has spurred protests":
        # protests named in a clause describing a place or a thing, a setting, not a protest told
        return False
    if m.type in TYPE_RANK and not m.casualties and token.pos_ == "NOUN" and any(
            c.dep_ in ("acl", "relcl") and c.lower_ in _DUE for c in token.children):
        return False  # "protests that are planned for later in the day", "a strike scheduled for Monday": not yet held
    if m.type in _INTENT_ACTS:
        return True
    if m.type in TYPE_RANK and _remembered(token):
        m.historical = True  # "to mark the anniversary of his arrest": the act remembered is history
        return True
    if _dated_by_year(doc, token):
        m.historical = True  # "the 2012 murder", "the 2014 abduction": an act of that year, named again
        return True
    if m.type in ("ASSAULT", "PROTEST") and charged(token) and not (
            m.date is not None and m.date.basis == "text" and m.date.evidence is not None
            and m.date.evidence.start > anchors.get(id(m), 0) and not m.historical
            and _in_phrase(doc, m, token, m.date.evidence.start)) and not _told_beside(doc, m, token):
        # the crime a person is charged with, told as the charge and not dated as recent news, is
        # kept as history ("a Serb ex-policeman accused of taking part in the killing of 51 civilians");
        # a day of its own told after it ("charged with kidnapping a woman on Sunday") makes it news,
        # not the day of the charge ("was charged with kidnapping on Tuesday")
        m.historical = True
        return True
    mood = realis(token)
    if mood == "actual":
        return True
    if m.type == "REJECT" and mood in ("negated", "modal") and _NEGATED_PHRASE.search(m.trigger or ""):
        return True  # "will not accept the terms", "won't bow to demands": the negation is the refusal itself
    if m.type not in TYPE_RANK and mood == "irrealis" and p.head.lower_ in ("decided", "decides") \
            and not any(c.dep_ == "neg" for c in p.head.children):
        return True  # "Russia decided to suspend its memorandum": a state's decision announced is its act
    if m.type == "ASSAULT" and mood == "irrealis" and p.head.lower_ in _ATTEMPTED and p.head.tag_ in ("VBD", "VBN"):
        return True  # "attempted to sexually assault her", "tried to storm the base": violence attempted is violence done
    if m.type == "COERCE" and m.mode == "legal" and mood == "modal" and _announced(doc, m, p):
        return True  # "the judiciary would prosecute 19 politicians": a prosecution announced is the legal act
    # a toll reported in the sentence is an occurrence whatever the wording around it
    return bool(m.casualties) and mood in ("irrealis", "habitual")


def _in_phrase(doc: Doc, m: EventMention, token, at: int) -> bool:  # noqa: ANN001 - a spaCy token
    """Whether offset ``at`` lies in what ``token`` governs (the act's own words, not its governor's)."""
    start, end = subtree_span(token)
    offset = doc.sentences[m.sentences[0]].start
    return offset + start <= at < offset + end


def _told_beside(doc: Doc, m: EventMention, token) -> bool:  # noqa: ANN001 - a spaCy token
    """"Charged with kidnapping after a woman escaped their kidnap attempt": the act told in words of
    its own beside the charge, not as what someone is charged with, is told as having happened (a noun
    naming a thing of the act, "kidnap attempt", "shooting victims", tells it too)."""
    for t in doc.in_sentence(doc.triggers, doc.sentences[m.sentences[0]]):
        if t.type != m.type or t.weight < 0.55:
            continue  # (a weapon's name is no act told)
        other = token_at(doc, m.sentences[0], t.start)
        if other is not None and other.i != token.i and not charged(other) \
                and (other.dep_ == "compound" or realis(other) == "actual"):
            return True
    return False


def _announced(doc: Doc, m: EventMention, p) -> bool:  # noqa: ANN001 - the trigger's predicate, a spaCy token
    """A legal act told in the future of its announcement ("will prosecute", "would stand trial"), not
    a possibility ("could face trial"), a condition ("if extradited") or a question ("whether it will")."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in p.children) \
        and not any(c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in p.children) \
        and not re.search(r"\b(?:if|unless|could|might)\b", doc.sentences[m.sentences[0]].text, re.I)


_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|willing to|ready to|prepared to|plans? to|planning to|intends? to|is to|are to|going to|"
    r"expected to|agreed to|offered to|promised to|pledged to|vowed to)\s+(?:\w+\s+){0,3}$", re.I)
_OWN_MODAL = re.compile(r"^(?:will|would|shall|to)\s+", re.I)
# "told the rebels to release", "asked the army to withdraw": the act bidden, what someone must do
_BIDDEN_BEFORE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.bidding_verbs()) + r")\s+(?:[\w\-'’.]+\s+){1,5}?to\s+(?:\w+ly\s+)?$",
                            re.I)
_CONDITION = re.compile(r"\bunless\b|\bif\b.{0,60}\b(?:not|fails?|refuses?)\b", re.I)


@cache
def _weighed() -> re.Pattern[str]:
    """A measure held out as an option, right before its noun ("the possibility of further economic")."""
    return re.compile(r"\b(?:" + lexicon.alternation(lexicon.measure_weighed()) + r")\s+(?:of\s+)?(?:[\w\-]+\s+){0,3}$", re.I)


def modal_type(doc: Doc, sentence: Sentence, trigger: Trigger) -> str:
    """PLOVER's reading of a non-violent act by its modality: what someone must do is a REQUEST;
    a future act under a condition, or announced coercion, is a THREAT; future cooperation (a
    meeting, aid, support), retreat or release is an AGREE-ment (PLOVER manual, AGREE; CAMEO2PLOVER 03x)."""
    own = _OWN_MODAL.match(trigger.text)  # a phrase holding its own modal ("will meet", "to meet") is read with it
    end = trigger.start + (own.end() if own else 0)
    before = doc.text[max(sentence.start, end - 45):end]
    if trigger.type in ("REQUEST", "REJECT", "ACCUSE", "THREATEN"):
        return trigger.type
    if MUST_BEFORE.search(before) or _BIDDEN_BEFORE.search(doc.text[max(sentence.start, end - 70):end]):
        return "REQUEST"  # "must agree to changes", "must reach an agreement": a demand on another
    if trigger.type == "AGREE":
        return trigger.type
    if trigger.type == "SANCTION" and _weighed().search(before):
        return "THREATEN"  # "hinted at the possibility of further sanctions": a sanction held out, not imposed
    if _FUTURE_BEFORE.search(before):
        if _CONDITION.search(sentence.text) or (trigger.type == "COERCE" and trigger.mode != "legal"):
            # "will extend the curfew", "would blockade the capital": coercion announced (a
            # prosecution announced is the legal act itself)
            return "THREATEN"
        # an intent to cooperate, give aid, yield, withdraw or release is an AGREE-ment (CAMEO 03x,
        # 035x: "express intent to yield / de-escalate / release")
        if trigger.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"):
            return "AGREE"
    return trigger.type


def orders_as_summons(doc: Doc, sentence: Sentence, triggers: list[Trigger]) -> list[Trigger]:
    """"ordered the bishop to appear for questioning", "ordered him to stand trial": a binding order whose
    content is a legal coercion is that coercion, done by whoever gave the order (the order is the summons)."""
    out, absorbed = [], set()
    for t in triggers:
        token = token_at(doc, sentence.index, t.start) if t.type == "REQUEST" and t.text.lower() in _ORDERS else None
        if token is not None:
            for c in triggers:
                inner = token_at(doc, sentence.index, c.start) if c.type == "COERCE" and c.mode == "legal" else None
                summons = inner is not None and predicate(inner).dep_ == "xcomp" and predicate(inner).head.i == token.i
                # "ordered the arrest of", "ordered that they be detained", "ordered the release of": an
                # authority's binding order of an arrest or a release is that act, done by whoever ordered it
                inner = token_at(doc, sentence.index, c.start) if not summons and (
                    c.type == "COERCE" and c.mode == "arrest" or c.type == "CONCEDE" and c.mode == "release") else None
                ordered = inner is not None and inner.i != token.i and (
                    inner.head.i == token.i and inner.dep_ in ("dobj", "xcomp", "ccomp")
                    or predicate(inner).head.i == token.i and predicate(inner).dep_ in ("xcomp", "ccomp"))
                if summons or ordered:
                    t = Trigger(t.start, t.end, t.text, c.type, c.mode, c.acled, c.cameo, c.weight)
                    if ordered:
                        absorbed.add(c.start)  # the ordered act is told by the order
                    break
        out.append(t)
    return [t for t in out if t.start not in absorbed]


_BENCH = _COURTS | frozenset(lexicon.judge_nouns())
_HEARINGS = frozenset(lexicon.hearing_nouns())


def _own_hearing(w) -> bool:  # noqa: ANN001 - a spaCy token
    """"at their trial", "during the hearing", "on the opening day of his trial": the speaker's own
    proceeding, not a trial spoken about ("rejected comments on the trial")."""
    return any(c.dep_ == "poss" for c in w.children) or w.head.lower_ in ("at", "during")


def rulings_as_coercion(doc: Doc, sentence: Sentence, triggers: list[Trigger]) -> list[Trigger]:
    """"the court rejected his appeal", "a judge refused the request for bail": a refusal by a court or a
    judge is a ruling, the judiciary's coercion (PLOVER COERCE), not a rejection between parties; "denied
    the charges on the opening day of their trial": a plea at a hearing is the defendant's answer within
    the proceeding, and the proceeding the act told."""
    out = []
    for t in triggers:
        token = token_at(doc, sentence.index, t.start) if t.type == "REJECT" else None
        if token is not None and (any(c.dep_ == "nsubj" and c.lower_ in _BENCH for c in token.children) or any(
                w.lower_ in _HEARINGS and w.dep_ == "pobj" and _own_hearing(w) for w in token.subtree)):
            t = retype(t, "COERCE", "legal")
        out.append(t)
    return out


_TRUCES = frozenset(lexicon.truce_nouns())
_DECLARING = frozenset(lexicon.declaring_verbs())


def declared_truces(doc: Doc, sentence: Sentence, triggers: list[Trigger]) -> list[Trigger]:
    """"the army declared a three-day truce", "a truce declared last week by the regime": a truce one party
    declares by itself is its own halt of fire (PLOVER RETREAT, as a unilateral ceasefire), not an
    agreement; a truce declared by two parties ("Russia and Turkey announced a ceasefire"), or with or
    between others, stays one, as does a truce no one is said to have declared."""
    out = []
    for t in triggers:
        token = token_at(doc, sentence.index, t.start) if t.type == "AGREE" and t.text.lower() in _TRUCES else None
        if token is not None and _declarer(token) is not None:
            t = retype(t, "RETREAT", "withdraw")
        out.append(t)
    return out


def _declarer(truce):  # noqa: ANN001, ANN202 - spaCy tokens
    """The one party said to declare ``truce``: the subject of the verb it is the object of, or the agent of
    the participle or passive verb that tells it ("declared by the regime")."""
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in truce.children):
        return None
    doer = None
    verb = truce.head
    if truce.dep_ in ("dobj", "nsubjpass") and verb.lower_ in _DECLARING:
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None) if truce.dep_ == "dobj" else None
    if doer is None:
        verb = truce if truce.dep_ == "nsubjpass" else next(
            (c for c in truce.children if c.dep_ == "acl" and c.lower_ in _DECLARING), None)
        verb = truce.head if truce.dep_ == "nsubjpass" and truce.head.lower_ in _DECLARING else verb
        if verb is None or verb.i == truce.i:
            return None
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if doer is None or doer.pos_ == "PRON" and doer.lower_ in ("they", "we", "both") \
            or any(c.dep_ == "conj" for c in doer.children) \
            or any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in verb.children):
        return None
    return doer


_VERBAL = re.compile(r"^\w+(?:ed|ew|ould)\b|\b(?:to|that|for|on)$|^(?:will|would|must|cannot|can't|won't)\b", re.I)


def governing(doc: Doc, sentence: Sentence, triggers: list[Trigger]) -> Trigger | None:
    """The sentence's main verb among its triggers: the first verbal, non-violent trigger with a
    subject before it ("X rejected ...", "X demanded that ..."); triggers after it are its content."""
    for t in sorted(triggers, key=lambda t: t.start):
        if t.type == "ASSAULT" or not _VERBAL.search(t.text):
            continue
        head = doc.text[sentence.start:t.start]
        if head.strip() and len(head.split()) <= 12 and not re.search(r"[,;]\s*$", head):
            return t
        return None
    return None


# Acts that are themselves speech: "X accused Y", "X rejected the comments", "X said it had asked"
SPEECH_ACTS = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN", "CONCEDE", "CONSULT"}
# An unnamed state speaker and the kind of state body it speaks for ("the military spokesperson", "police said")
_STATE_SPEAKERS = (
    (re.compile(r"\b(?:police|constabulary|the force)\b", re.I), {"police"}),  # "a spokesman for the force"
    (re.compile(r"\b(?:army|military|armed forces|defen[cs]e)\b", re.I), {"state military"}),
    (re.compile(r"\b(?:ministry|department|treasury|government|officials|authorities)\b", re.I),
     {"government", "ministry", "head of state", "police"}),
)


def _outlet_organ(outlet: str | None):  # noqa: ANN202
    """The actor an outlet is an organ of ("sana": the Syrian state's news agency), else None: the
    outlet's short or full name read by the actor dictionary as a non-demonym media actor."""
    from sitrep.resolve.actors import _outlets

    known = _outlets().get((outlet or "").lower())
    if known is None:
        return None
    for name in (known.get("short"), known.get("name")):
        organ = next((a.actor for a in actor_dictionary().match(name or "") if not a.demonym and a.actor.kind == "media"), None)
        if organ is not None:
            return organ
    return None


def _speaker_is_actor(m: EventMention) -> bool:
    """The claim's speaker is the acting party or an organ of it (its army, police, ministry, state media)."""
    claim, actor = m.claim, m.actor1
    if actor is None:
        return False
    if claim.modality == "asserted":
        # the outlet tells, unattributed, an act of the state it is the news agency of (PROTOCOL: state
        # media are an organ of the acting party)
        outlet = (m.article or {}).get("outlet")
        organ = _outlet_organ(outlet) if outlet and claim.source == outlet else None
        dictionary = actor_dictionary()
        return organ is not None and organ.parent is not None and actor.id is not None and \
            dictionary.get(actor.id) is not None and dictionary.root(actor.id).id == dictionary.root(organ.id).id
    if claim.evidence is not None and actor.evidence is not None and \
            claim.evidence.start <= actor.evidence.start < claim.evidence.end and \
            actor.evidence.end <= claim.evidence.end and actor.basis != "inferred":
        return True  # the speaker's own words name the actor: "Cebu police announced", "Amnesty accused"
    dictionary = actor_dictionary()
    source = dictionary.by_name(claim.source) if claim.source else None
    if source is not None and actor.id is not None and dictionary.get(actor.id) is not None:
        return dictionary.root(source.id).id == dictionary.root(actor.id).id
    if source is None and claim.by and actor.kind in STATE_KINDS:
        return any(words.search(claim.by) and actor.kind in kinds for words, kinds in _STATE_SPEAKERS)
    return False


# "Saudi Arabia said Saturday it had executed 81 people", "police said they arrested": the speaker tells
# an act it names as its own ("it", "they" right after the speech verb, then the act; not "they had been")
_OWN_ACT_AFTER = r"^,?\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?!been\b)(?:\w+\s+)?"


def tells_own_act(doc: Doc, claim: Claim, trigger: Trigger) -> bool:
    if claim.modality != "reported" or claim.source is None or claim.evidence is None or claim.evidence.end > trigger.start:
        return False
    return bool(re.fullmatch(_OWN_ACT_AFTER, doc.text[claim.evidence.end:trigger.start], re.I))


def claim_modality(m: EventMention) -> None:
    """Who says so, by the protocol's rule: a party telling its own act claims it; an act that is
    itself speech ("accused", "rejected") is told by the outlet as fact; a claim by a third party
    about another's act is reported."""
    own = _speaker_is_actor(m)
    if m.type in SPEECH_ACTS and own:
        m.claim = replace(m.claim, modality="asserted")
    elif own and m.claim.modality in ("reported", "asserted"):
        m.claim = replace(m.claim, modality="claimed")
    elif not own and m.claim.modality == "claimed" and m.actor1 is not None:
        m.claim = replace(m.claim, modality="reported")
    # one source tells the act, another denies it: the document holds both (PROTOCOL "disputed")
    if m.claim.modality in ("reported", "claimed") and any(
            (d.source or d.by) != (m.claim.source or m.claim.by) for d in m.denials):
        m.claim = replace(m.claim, modality="disputed")


STATE_KINDS = {"police", "state military", "government", "ministry", "head of state"}
