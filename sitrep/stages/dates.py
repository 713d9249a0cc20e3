"""Stage: date expressions resolved against the publication date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from sitrep import lexicon
from sitrep.resolve.dates import BACKGROUND_DAYS, DAY_BEFORE, DateMatch, find_dates
from sitrep.stages.doc import Doc

# "on Tuesday raised the toll from strikes ... the previous day", "said on Sunday he was seized the previous
# evening": a day before the day the sentence has just named, not before the publication
_DAY_BEFORE = re.compile(rf"(?:{DAY_BEFORE})", re.I)
# "when he reported the next morning", "the following day", "a day later": the day after the one the text
# has just named (not "the day after the attack": that counts from the attack, whatever its day)
_DAY_AFTER = re.compile(r"\b(?:the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)|a\s+day\s+later)\b", re.I)
# "overnight" counts from the day being told, not from the report's: beside a stated day ("On February
# 24, police arrested ... overnight") it is the night of that day, dated by it
_OVERNIGHT = re.compile(r"overnight", re.I)
# "was arrested the same day", "later that day", "in the meantime": the day the text has just named
SAME_DAY = re.compile(r"\b(?:(?:on\s+)?the\s+same\s+(?:day|night|morning|evening|afternoon)|"
                       r"(?:later|earlier)\s+that\s+(?:same\s+)?(?:day|night|morning|evening|afternoon)|"
                       r"(?:on\s+)?that\s+same\s+(?:day|night)|"
                       # "the army meantime thwarted ...", "the army meanwhile announced": at the time just told
                       # (a sentence opening "Meanwhile, ..." turns to other news, of no day)
                       r"(?:in\s+the\s+)?meantime|(?<=\w\s)meanwhile(?!\s*,))\b", re.I)
SAME_DAY_REACH = 3  # sentences back in which the day it refers to may stand
# "This statement was originally published on cpj.org on 31 December 2021.": a statement republished
# later speaks from its own day; its "today" and "on Monday" count from that day, not the reposting
_ORIGINALLY = re.compile(r"\boriginally\s+(?:published|posted|issued|released|appeared)\b(?:[^.\n]|\.(?=\w)){0,80}", re.I)
# "The latest attack comes one week after a suicide bomber blew himself up", "the strikes came a day after
# the ministry said": the act after "after" is that long before the one the sentence opens with
_INTERVAL = r"(a|an|" + lexicon.count_alternation(1, 10) + r"|\d{1,2})\s+(days?|weeks?)\s+after"
_CAME_AFTER = re.compile(r"\b(?:comes?|came|happened|took place|occurred)\s+(?:just\s+|only\s+|barely\s+)?" + _INTERVAL + r"\b", re.I)


_INTERVAL_AT = re.compile(r"\b" + _INTERVAL + r"\b", re.I)


def interval_between(text: str) -> bool:
    """Whether ``text`` holds an interval that turns to an earlier act ("..., a day after rights groups
    said forces killed 80"): what follows it is that act's, not the one told before it."""
    return _INTERVAL_AT.search(text) is not None


def interval_after(text: str) -> bool:
    """Whether a date's words are an interval before the act the sentence opens with ("one week after"):
    they date only what follows them."""
    return re.fullmatch(_INTERVAL, text, re.I) is not None


@lru_cache(maxsize=1)
def telling_before() -> re.Pattern[str]:
    """What ends right before a day that dates a telling: "said on", "told reporters on", "according to"."""
    verbs = "|".join(sorted(lexicon.speech_verbs(), key=len, reverse=True))
    return re.compile(r"\b(?:" + verbs + r")(?:\s+[\w\-]+){0,3}\s+(?:on\s+)?$", re.I)


def find_doc_dates(doc: Doc) -> Doc:
    dates = find_dates(doc.text, doc.article.published)
    first = _ORIGINALLY.search(doc.text)
    written = next((d for d in dates if first is not None and first.start() <= d.start < first.end()
                    and d.precision == "day"), None)
    if written is not None and (not doc.article.published or written.value < doc.article.published):
        # only what counts from the speaker's now moves ("today", "on Monday"); a named month and day
        # ("On October 24") is that day whoever repeats it
        own = {(d.start, d.end): d for d in find_dates(doc.text, written.value) if deictic(d.text)}
        dates = [own.get((d.start, d.end), d) for d in dates]
    for i, d in enumerate(dates):
        if _OVERNIGHT.fullmatch(d.text):  # (before the lead's own day is set aside below)
            sentence = next((s for s in doc.sentences if s.start <= d.start < s.end), None)
            stated = next((e for e in dates if sentence is not None and sentence.start <= e.start < sentence.end
                           and e.precision == "day" and not deictic(e.text)), None)
            if stated is not None:
                dates[i] = replace(d, value=stated.value, historical=stated.historical)
    # the report's own day opening its lead is the publication date, not an event date ("Mon Oct 31
    # 2016 Syrian Army kills ...", "police on Sunday detained ..."); a wire dateline's day further down
    # stays, and the events' time step reads it as the report's day (basis "published")
    head = doc.sentences[0].end if doc.sentences else 0
    dates = [d for d in dates if not (d.value == doc.article.published and d.start < min(head, 60))]
    for i, d in enumerate(dates):
        if not _DAY_BEFORE.fullmatch(d.text):
            continue
        sentence = next((s for s in doc.sentences if s.start <= d.start < s.end), None)
        anchor = next((e for e in reversed(dates[:i]) if sentence is not None and e.start >= sentence.start
                       and e.precision == "day" and not _DAY_BEFORE.fullmatch(e.text)), None)
        if anchor is None and sentence is not None and sentence.index > 0:
            # "The day before, students had marched": the day the sentence before has just named (an
            # act's, not the day it was told)
            floor = doc.sentences[sentence.index - 1].start
            anchor = next((e for e in reversed(dates[:i]) if floor <= e.start < sentence.start and e.precision == "day"
                           and not _DAY_BEFORE.fullmatch(e.text)
                           and not telling_before().search(doc.text[max(floor, e.start - 40):e.start])), None)
        if anchor is not None:
            day = date.fromisoformat(anchor.value) - timedelta(days=1)
            dates[i] = replace(d, value=day.isoformat())
    dates = _day_after(doc, dates)
    dates = _same_day(doc, dates)
    dates = _interval_after(doc, dates)
    doc.dates = dates
    return doc


def deictic(text: str) -> bool:
    """A date phrase that names no month and no number: it counts from the day it was said."""
    words = text.lower()
    return not re.search(r"\d", words) and not any(re.search(r"\b" + re.escape(m.lower()) + r"\b", words)
                                                   for m in lexicon.months() + lexicon.month_abbreviations())


def _day_after(doc: Doc, dates: list[DateMatch]) -> list[DateMatch]:
    """"The next morning", "the following day", "a day later": the day after the last full day named
    before it, in its sentence or the one before (an act's day, not the day it was told), when there is one."""
    added = []
    telling = telling_before()
    for m in _DAY_AFTER.finditer(doc.text):
        if any(d.start < m.end() and m.start() < d.end for d in dates):
            continue
        here = next((s for s in doc.sentences if s.start <= m.start() < s.end), None)
        if here is None:
            continue
        floor = doc.sentences[max(0, here.index - 1)].start
        anchor = next((d for d in reversed(dates) if floor <= d.start < m.start() and d.precision == "day"
                       and not telling.search(doc.text[max(floor, d.start - 40):d.start])), None)
        if anchor is not None:
            day = date.fromisoformat(anchor.value[:10]) + timedelta(days=1)
            added.append(DateMatch(m.start(), m.end(), m.group(0), day.isoformat(), "day", anchor.historical))
    return sorted(dates + added, key=lambda d: d.start) if added else dates


def _same_day(doc: Doc, dates: list[DateMatch]) -> list[DateMatch]:
    """"The same day", "later that day": the last full day named before it, in its sentence or
    the few before, when there is one."""
    added = []
    telling = telling_before()
    for m in SAME_DAY.finditer(doc.text):
        if any(d.start < m.end() and m.start() < d.end for d in dates):
            continue
        here = next((s for s in doc.sentences if s.start <= m.start() < s.end), None)
        if here is None:
            continue
        floor = doc.sentences[max(0, here.index - SAME_DAY_REACH)].start
        # the day of an act, not of its telling ("his sister told HRW on May 29")
        anchor = next((d for d in reversed(dates) if floor <= d.start < m.start() and d.precision == "day"
                       and not telling.search(doc.text[max(floor, d.start - 40):d.start])), None)
        if anchor is not None:
            added.append(DateMatch(m.start(), m.end(), m.group(0), anchor.value, "day", anchor.historical))
    return sorted(dates + added, key=lambda d: d.start) if added else dates


def _interval_after(doc: Doc, dates: list[DateMatch]) -> list[DateMatch]:
    """"X came two days after Y": Y's day is two days before X's, the day the sentence gives X before
    the phrase, or, when it gives none, the publication day (X told as the day's news)."""
    added = []
    numbers = {**lexicon.number_words(), "a": 1, "an": 1}
    for m in _CAME_AFTER.finditer(doc.text):
        if any(d.start < m.end() and m.start() < d.end for d in dates):
            continue
        here = next((s for s in doc.sentences if s.start <= m.start() < s.end), None)
        if here is None:
            continue
        anchor = next((d.value for d in reversed(dates) if here.start <= d.start < m.start() and d.precision == "day"),
                      doc.article.published)
        count = numbers.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else None)
        if not anchor or not count:
            continue
        day = date.fromisoformat(anchor[:10]) - timedelta(days=count * (7 if m.group(2).lower().startswith("week") else 1))
        # the phrase dates what follows "after" only: it starts at the number
        added.append(DateMatch(m.start(1), m.end(), m.group(0)[m.start(1) - m.start():], day.isoformat(), "day",
                               (date.fromisoformat(anchor[:10]) - day).days > BACKGROUND_DAYS))
    return sorted(dates + added, key=lambda d: d.start) if added else dates
