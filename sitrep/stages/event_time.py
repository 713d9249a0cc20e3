"""Event time: the date of a mention (its own day, the day it was told, the article's day) and
whether a date places it in the past as background.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep import lexicon
from sitrep.model import EventMention, Evidence, When
from sitrep.resolve.dates import DateMatch
from sitrep.stages.dates import deictic, interval_after, telling_before
from sitrep.stages.doc import Doc, Sentence, Trigger
from sitrep.stages.parse import predicate, token_at
from sitrep.stages.realis import background

# "also bombed", "another", "elsewhere", "a separate raid": the sentence tells a further incident
ANOTHER = re.compile(
    r"\b(?:also(?!\s+\d)(?!\s+(?:\w+ly\s+)?(?:(?:was|were|been|be|has been|have been)\s+)?(?:" + lexicon.speech_alternation("report_after_also") + r"|"
    r"killed|injured|wounded|died|hurt|damaged|destroyed|among|arrested|detained|abducted|kidnapped)\b)|another(?!\s+(?:spot|location|place|point|part|side|room|floor|entrance|gate|corner|end)\b)|elsewhere|separate(?:ly)?|similar|a further|"
    r"meanwhile|meantime|in a second)\b", re.I)

_SPEECH_DATE = re.compile(r"^\s*(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:"
                          + lexicon.speech_alternation("statement_before_date") + r")\b", re.I)
_SPEECH_BEFORE = re.compile(r"\b(?:" + lexicon.speech_alternation("speech_right_before_date") + r")\s+$", re.I)

# "media reported Sunday", "said on Monday", "told Human Rights Watch on May 29": a day that dates
# the telling, not the act
_TELLING_BEFORE = telling_before()


def stated(d: DateMatch, basis: str = "text") -> When:
    """The record's date from a day the text states (with its words as evidence)."""
    return When(d.value, d.precision, d.text, Evidence(d.text, d.start, d.end), basis=basis)


def _days_before(value: str, published: str | None) -> int | None:
    """How many days a day (``YYYY-MM-DD``) lies before publication (negative: after); None
    when either is not a full day."""
    if not published or len(value) < 10:
        return None
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(value[:10])).days
    except ValueError:
        return None


def _after_publication(value: str, published: str | None) -> bool:
    """A day later than the day after publication: what is due or planned, not what happened."""
    days = _days_before(value, published)
    return days is not None and days < -1


def _within(value: str, published: str | None, days: int) -> bool:
    """A day no more than ``days`` before publication."""
    before = _days_before(value, published)
    return before is not None and before <= days


_UNTIL = re.compile(r"\b(?:till|until|into|through)\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_DAY_SPAN = re.compile(r"\s*(?:and|to|through|till|until|or|-|–)\s+(?:on\s+)?", re.I)

def _quoted_now(doc: Doc, d) -> bool:  # noqa: ANN001 - a DateMatch
    """"He said, \"... were on a peaceful protest today\"": a "today" or "on Monday" inside a quotation
    counts from the day the words were said, which the report does not give: assumed, like the
    report's own day, not a day the text states for the act."""
    if not deictic(d.text):
        return False
    seg = doc.text[doc.text.rfind("\n", 0, d.start) + 1:d.start]
    return seg.count('"') % 2 == 1 or seg.count("“") > seg.count("”")


_GROUNDS = {"for", "over"}


def _in_grounds(doc: Doc, sentence: Sentence, trigger: Trigger, at: int) -> bool:
    """"found a journalist guilty of defamation for accusing a colleague of assaulting her in 2009", "arrested
    over posts he wrote in 2019": a date in a clause inside the grounds of an arrest or a verdict dates what
    it was for, which came before; not the legal act."""
    if trigger.type != "COERCE":
        return False
    act, token = token_at(doc, sentence.index, trigger.start), token_at(doc, sentence.index, at)
    if act is None or token is None:
        return False
    heads = {act.i, predicate(act).i}
    clause = grounds = False  # the date is in a clause of its own ("for accusing ...", "songs he recorded ...")
    for _ in range(12):
        if token.i in heads:
            return grounds
        if token.head.i == token.i:
            return False
        clause = clause or token.pos_ == "VERB"
        grounds = grounds or clause and token.dep_ == "prep" and token.lower_ in _GROUNDS and not any(
            c.dep_ == "pobj" and c.lower_ in lexicon.time_heads() for c in token.children)  # "jailed for five years"
        token = token.head
    return False


_RELATIVES = frozenset({"who", "whom", "which", "that"})
_PERSONAL_RELATIVES = frozenset({"who", "whom"})  # a clause about a person, never about an incident


def _in_other_clause(doc: Doc, sentence: Sentence, act_at: int, at: int, pronouns: frozenset[str] = _RELATIVES) -> bool:
    """"Gunmen freed the girls who were kidnapped on Friday, officials said on Tuesday", "protested against
    the infighting that began Friday": a day inside a relative clause describing a noun dates that
    clause's act, not the sentence's; unless the clause is the act's own ("the girls who were kidnapped
    on Friday" for the kidnapping) or describes the act's noun ("the attack which took place on Friday")."""
    act, token = token_at(doc, sentence.index, act_at), token_at(doc, sentence.index, at)
    if act is None or token is None:
        return False
    heads = {act.i, predicate(act).i}
    if act.dep_ in ("amod", "compound"):
        heads.add(act.head.i)  # "fierce fighting that erupted on Thursday": the act's own noun
    for _ in range(12):
        if token.i in heads:
            return False
        if token.dep_ in ("relcl", "acl"):
            # only a clause its relative pronoun opens: a bare participle's attachment is too often misread
            # (a bare participle inside one is the relative clause's: "who is among the activists arrested in
            # 2020" is read on up to "who is")
            if any(c.lower_ in pronouns for c in token.children):
                return token.head.i not in heads and not any(t.i == act.i for t in token.subtree)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _other_acts_period(doc: Doc, sentence: Sentence, act: Trigger, at: int) -> bool:
    """"Jets killed 26 people ... a ceasefire that was mediated by Washington collapsed last month": a period
    told after a verb of another kind of act, which stands between it and the act, dates that act (a clause
    describing the act's own noun, "a ceasefire that was mediated by ...", is the act's own)."""
    head = token_at(doc, sentence.index, act.start)
    for other in doc.in_sentence(doc.triggers, sentence):
        if other.type != act.type and act.end <= other.start and other.end <= at:
            token = token_at(doc, sentence.index, other.start)
            if token is not None and token.pos_ == "VERB" and (
                    head is None or token.head.i != head.i and token.i != predicate(head).i):
                return True
    return False


def when_of(doc: Doc, sentence: Sentence, trigger: Trigger) -> tuple[When | None, bool]:
    dates = [d for d in doc.in_sentence(doc.dates, sentence)
             # not a citation "(Statement, 15 March)"; a bracket the clause's preposition opens is no
             # citation: "was arrested on (July 27, 2012)"
             if not re.search(r"(?<!\bon )(?<!\bin )\(\s*[^()]*$", doc.text[sentence.start:d.start])
             and not _after_publication(d.value, doc.article.published)  # "decide by this Friday": a deadline
             # "the latest attack comes one week after a bomber blew himself up": the week dates the bombing only
             and not (interval_after(d.text) and trigger.start < d.start)
             and not _in_grounds(doc, sentence, trigger, d.start)]
    # "ordered the release of a labour leader who was arrested in December 2020": a past date in a relative
    # clause describing a person dates that clause's act, and makes the sentence's own act no history
    dates = [d for d in dates if not (d.historical and _in_other_clause(doc, sentence, trigger.start, d.start,
                                                                         _PERSONAL_RELATIVES))]
    if not dates:
        return None, background(doc, sentence, trigger)
    current = [d for d in dates if not d.historical]
    # "CAIRO, Nov 25 — forces raided the office yesterday": the dateline dates the report, the
    # sentence's own day the act (whatever the act; a dateline after a caption is still one)
    current = [d for d in current if not doc.in_dateline_date(d.start)] or current
    # "the ministry on Wednesday condemned the strike ... the day before": a date bound to a
    # speech verb dates the statement; for a violent event another date in the sentence wins
    if trigger.type == "ASSAULT" and len(current) > 1:
        acts = [d for d in current if not _SPEECH_DATE.search(doc.text[d.end:d.end + 25])
                and not _SPEECH_BEFORE.search(doc.text[max(sentence.start, d.start - 20):d.start])
                and not doc.in_dateline_date(d.start)]
        current = acts or current
    told_only = False
    if trigger.type in ("COERCE", "ASSAULT") and current and len(dates) > len(current):
        # "arrested him on April 10, 2020 ..., his sister told Human Rights Watch on May 29": when every
        # recent date in the sentence dates a telling, the act's own day, a few weeks older, is its date
        told = [d for d in current if _SPEECH_DATE.search(doc.text[d.end:d.end + 25])
                or _TELLING_BEFORE.search(doc.text[max(sentence.start, d.start - 40):d.start])]
        acts = [d for d in dates if d.historical and d.precision == "day" and _within(d.value, doc.article.published, 90)]
        if len(told) == len(current) and acts:
            current, told_only = acts, True
    d = min(current or dates, key=lambda d: abs(d.start - trigger.start))
    # "on Friday and Saturday", "from Monday to Wednesday": an event over days is dated by its first
    first = next((e for e in (current or dates) if e.end <= d.start and e.precision == d.precision
                  and _DAY_SPAN.fullmatch(doc.text, e.end, d.start)), None)
    if first is not None and first.value < d.value:
        d = first
    # "erupted on Saturday night ... and continued till Sunday morning": the end of an event over days
    if _UNTIL.search(doc.text[max(sentence.start, d.start - 14):d.start]):
        start = next((e for e in (current or dates) if e.end <= d.start and e.precision == d.precision and e.value < d.value), None)
        d = start or d
    # the dateline opening the text ("Mon Oct 31 2016 Syrian Army kills ...") dates the report, not
    # the act: the day of the news, assumed like the publication day
    basis = "published" if not doc.text[:d.start].strip() or doc.in_dateline_date(d.start) or _quoted_now(doc, d) else "text"
    return stated(d, basis), d.historical and not current and not told_only


def told_day(doc: Doc, sentence: Sentence, when: When | None, trigger: Trigger) -> bool:
    """Whether a record's day is the day its act was told ("said on Monday that four workers were
    kidnapped"): the act happened then or in the days before."""
    if when is None or when.evidence is None or when.basis != "text" or when.precision != "day":
        return False
    start, end = when.evidence.start, when.evidence.end
    window = max(sentence.start, start - 40)
    telling = _TELLING_BEFORE.search(doc.text[window:start])
    if trigger.start > end:
        return bool(_SPEECH_DATE.search(doc.text[end:end + 25]) or telling)
    # "... killed four children, a source told the agency Friday": a day after the act, bound to a
    # speech verb that itself comes after the act, dates the telling too
    return telling is not None and window + telling.start() >= trigger.end


TOLD_REACH_DAYS = 7  # how long before its telling an act told without its own day may have happened


def told_fits(a: EventMention, b: EventMention, told: set[int]) -> bool:
    """One record dated by its telling, the other by its own stated day within the days before."""
    if (id(a) in told) == (id(b) in told) or a.date is None or b.date is None:
        return False
    teller, act = (a, b) if id(a) in told else (b, a)
    if act.date.basis != "text" or act.date.precision != "day":
        return False
    gap = _days_before(act.date.value, teller.date.value)
    return gap is not None and 0 <= gap <= TOLD_REACH_DAYS


def report_day_fits(a: EventMention, b: EventMention) -> bool:
    """One record dated only by its report (a dateline's day), the other by its own stated day within
    the days before: the report's day does not tell the act apart ("April 26 (UPI) -- ... was
    sentenced", then "was sentenced Friday")."""
    for teller, act in ((a, b), (b, a)):
        if teller.date is None or act.date is None or teller.date.basis != "published" \
                or act.date.basis != "text" or act.date.precision != "day":
            continue
        gap = _days_before(act.date.value, teller.date.value)
        if gap is not None and 0 <= gap <= TOLD_REACH_DAYS:
            return True
    return False


def borrowed_period(doc: Doc, m: EventMention) -> bool:
    """A record whose only date is a period ("last week", "earlier this month") read in another
    sentence it took in, when that period holds the publication day: the act told as the day's news
    is better dated by that day (assumed) than by a vaguer span another sentence gave to its own act;
    so is one whose period opens the sentence it took in ("Last month, attacks killed 60"): a tally's span,
    and one whose period that sentence gives to another kind of act (see ``_other_acts_period``)."""
    when, published = m.date, doc.article.published
    if when is None or when.basis != "text" or when.precision not in ("month", "year") or when.evidence is None \
            or not published or m.evidence.start <= when.evidence.start < m.evidence.end:
        return False
    if published.startswith(when.value):
        return True
    # "Last month, attacks in the state killed more than 60 people": a period that opens the sentence
    # frames a tally of that span, not the day of the incident told before it
    sentence = next((s for s in doc.sentences if s.start <= when.evidence.start < s.end), None)
    if sentence is None:
        return False
    # "..., killing 26. ... At least 26 people killed in Aleppo ... a ceasefire that was mediated by Moscow
    # collapsed last month": a period that sentence gives another act (after its verb) is not this one's
    acts = [t for t in doc.in_sentence(doc.triggers, sentence) if t.type == m.type and t.end <= when.evidence.start]
    if acts and _other_acts_period(doc, sentence, acts[-1], when.evidence.start):
        return True
    return _PERIOD_OPENS.fullmatch(doc.text, sentence.start, when.evidence.start) is not None


_PERIOD_OPENS = re.compile(r"\W*(?:(?:and|but|so)\s+)?(?:in|during|over|since|earlier|so\s+far)?\s*", re.I)


# "The operation was carried out on Sunday night", "The attack took place on Monday": a later sentence
# that dates the incident just told without telling a new one
_TOLD_WHEN = re.compile(
    r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}?(?:operation|attack|assault|strike|raid|bombing|blast|explosion|incident|"
    r"ambush|arrest|clashes|fighting|shelling|kidnapping|abduction|offensive|massacre|killing)\s+"
    r"(?:was\s+carried\s+out|were\s+carried\s+out|took\s+place|happened|occurred|began|started|erupted|was\s+launched)\b", re.I)

# "X urged ..." then "X argued in a statement Monday": the day of the statement a demand, accusation,
# rejection or threat was made in
_IN_STATEMENT = re.compile(r"\b(?:" + lexicon.speech_alternation("said_in_statement") + r")\s+in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?"
                           r"(?:statement|letter|communiqu[eé]|post|tweet|video)\b", re.I)
_SPOKEN_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}


def dated_later(doc: Doc) -> None:
    """A record dated only by its report, or by the day it was told, takes the day a following
    sentence gives the incident ("The clashes erupted on Saturday night")."""
    owned = {i for m in doc.mentions for i in m.sentences}
    for m in doc.mentions:
        told = m.date is not None and m.date.evidence is not None and (
            _TELLING_BEFORE.search(doc.text[max(0, m.date.evidence.start - 30):m.date.evidence.start])
            or _SPEECH_DATE.match(doc.text[m.date.evidence.end:m.date.evidence.end + 25]))
        if m.historical or (m.date is not None and m.date.basis != "published" and not told):
            continue
        for sentence in doc.sentences[min(m.sentences) + 1:max(m.sentences) + 4]:
            statement = m.type in _SPOKEN_TYPES and _IN_STATEMENT.search(sentence.text)
            if (sentence.index in owned and not told and not statement) or not (_TOLD_WHEN.search(sentence.text) or statement):
                continue  # (after a telling's day, "the clashes erupted on ..." dates the act even as a record of its own)
            days = [d for d in doc.in_sentence(doc.dates, sentence) if not d.historical and d.precision == "day"
                    and not _after_publication(d.value, doc.article.published)]
            if days:
                d = days[0]
                m.date = stated(d)
            break


ALSO_REACH = 2  # sentences between a further incident ("also bombed") and the one it adds to
# "Meanwhile a number of citizens were injured ...", "Elsewhere in the province, troops were advancing ...":
# a sentence opening so turns to other news of the day, not an addition to the account before it (a
# further strike "elsewhere" told inside a sentence still is one)
_TURN = re.compile(r"\W*(?:meanwhile|meantime|in\s+the\s+meantime|elsewhere)\b", re.I)


def dated_before(doc: Doc) -> None:
    """A further incident told without a day of its own ("Regime aircraft also bombed a factory")
    after one whose day the text states: an addition to that account, of its day."""
    para = {s.index: s.paragraph for s in doc.sentences}
    current = [m for m in doc.mentions if not m.historical]
    for m in current:
        first = min(m.sentences)
        if m.date is not None or not ANOTHER.search(doc.sentences[first].text) or _TURN.match(doc.sentences[first].text):
            continue
        before = [p for p in current if p is not m and max(p.sentences) < first and first - max(p.sentences) <= ALSO_REACH
                  and para.get(max(p.sentences)) == para.get(first) and p.type == m.type]
        prev = max(before, key=lambda p: max(p.sentences), default=None)
        if prev is not None and prev.date is not None and prev.date.basis == "text" and prev.date.precision == "day":
            m.date = _next_day(doc, m, para) or prev.date


def _next_day(doc: Doc, m: EventMention, para: dict[int, int]) -> When | None:
    """The one current day the sentence right after a further incident states, when that sentence goes
    on with it and tells no act of its own ("Rebels also used gas in Saraqib. A doctor there said he
    treated 16 cases on Monday night"): the further incident's own day, not the one before's."""
    after = max(m.sentences) + 1
    if after >= len(doc.sentences) or para.get(after) != para.get(max(m.sentences)) \
            or any(after in o.sentences for o in doc.mentions):
        return None
    days = [d for d in doc.in_sentence(doc.dates, doc.sentences[after]) if not d.historical and d.precision == "day"
            and not _after_publication(d.value, doc.article.published) and not doc.in_dateline_date(d.start)]
    if len(days) != 1:
        return None
    d = days[0]
    return stated(d)


PART_REACH = 3  # sentences between a toll and the part of it a later sentence tells
# "Another 27 people were killed": more of the toll, where "another incident" is a further one
_MORE_DEAD = re.compile(r"another\s+(?:\d|(?:" + lexicon.count_alternation(2, 20) + r")\b)", re.I)
_MOVED_ON = re.compile(r"\b(?:" + lexicon.alternation(lexicon.moved_on_words()) + r")\b", re.I)


def _whole_of(doc: Doc, m: EventMention, current: list[EventMention], para: dict[int, int]) -> EventMention | None:
    """The larger toll of violence a few sentences before in the same paragraph that the toll of ``m``
    (told in a sentence that does not move on to another time or place) is a part of."""
    first, part = min(m.sentences), m.killed
    text = doc.sentences[first].text
    if not part or _MOVED_ON.search(text) or any(not _MORE_DEAD.match(text, a.start()) for a in ANOTHER.finditer(text)):
        return None  # ("Artillery later shelled a nearby village", "In another incident": not a part)
    wholes = [p for p in current if p is not m and max(p.sentences) < first <= max(p.sentences) + PART_REACH
              and para.get(max(p.sentences)) == para.get(first) and (p.killed or 0) > part]
    return max(wholes, key=lambda p: max(p.sentences), default=None)


def dated_part(doc: Doc) -> None:
    """A part of a toll told without a day of its own ("At least 51 civilians were killed on Saturday
    in Aleppo ... Nine died in rebel shelling on the west, the Observatory said"): a breakdown of the
    incident just dated, of its day, not the report's. Only a smaller toll of violence after a larger
    one with a stated day (see ``_whole_of``); run after weighing, so that the day it takes says nothing
    about whether the act happened. The whole told as fact takes the source that gives its parts."""
    para = {s.index: s.paragraph for s in doc.sentences}
    current = [m for m in doc.mentions if not m.historical and m.type in ("ASSAULT", "COERCE")]
    for m in current:
        whole = _whole_of(doc, m, current, para)
        if whole is None:
            continue
        if m.date is not None and m.date.basis == "published" and whole.date is not None \
                and whole.date.basis == "text" and whole.date.precision == "day":
            m.date = whole.date
        # "... 51 civilians were killed on Saturday. ... Nine died in rebel shelling, the Observatory said":
        # who breaks a toll down gave it
        if whole.claim.modality == "asserted" and m.claim.modality == "reported" and m.claim.source:
            whole.claim = m.claim


LEAD_REACH = 3  # body sentences a headline sums up: the lead, and a subhead or dateline line before it


def dated_lead(doc: Doc) -> None:
    """A record told only in the headline ("Man charged with threatening lawyers"), dated only by the
    publication day, takes the day the lead states for the news ("... was arraigned Friday on a
    harassment charge"): the headline sums up the lead. Only a current day in the week before
    publication, not a dateline's; run after weighing, so that the day says nothing about whether the
    act happened."""
    published = doc.article.published
    if not published:
        return
    days = [d for s in doc.sentences[:LEAD_REACH] for d in doc.in_sentence(doc.dates, s)
            if not d.historical and d.precision == "day" and not doc.in_dateline_date(d.start)
            and _within(d.value, published, TOLD_REACH_DAYS) and not _after_publication(d.value, published)]
    if not days:
        return
    d = days[0]
    for m in doc.mentions:
        if not m.historical and m.evidence.field == "title" and m.date is not None and m.date.basis == "published":
            m.date = stated(d)


def redated_clause(doc: Doc, anchors: dict[int, int]) -> None:
    """A record dated by a day inside a relative clause describing a noun (see ``_in_other_clause``) takes
    the sentence's other day. Run after weighing and merging: the day says nothing about whether the act
    happened, nor which accounts are one."""
    for m in doc.mentions:
        when, at = m.date, anchors.get(id(m))
        if m.historical or at is None or when is None or when.basis != "text" or when.evidence is None \
                or when.evidence.field != "text":
            continue
        sentence = next((s for s in doc.sentences if s.start <= at < s.end), None)
        if sentence is None or not sentence.start <= when.evidence.start < sentence.end \
                or not _in_other_clause(doc, sentence, at, when.evidence.start):
            continue
        others = [d for d in doc.in_sentence(doc.dates, sentence) if not d.historical and d.start != when.evidence.start
                  and not _after_publication(d.value, doc.article.published) and not doc.in_dateline_date(d.start)
                  and not _in_other_clause(doc, sentence, at, d.start)]
        if others:  # (none: the clause's day is kept, the parse too unsure to drop the only day)
            d = min(others, key=lambda d: abs(d.start - at))
            m.date = stated(d)
