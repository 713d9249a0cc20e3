"""Date expressions in text, resolved against the article's publication date.

Rules, not a general parser: "today", "yesterday", "last night", "on Tuesday", "on 5 March",
"March 5", "October 9 of last year", "14 July 2020", "in March", "in 2019", "1994-96".
Without a publication date, only expressions that carry their own year resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep import lexicon
from sitrep.ingest.metadata import _MONTH_RE, _MONTHS

_WEEKDAYS = [w.lower() for w in lexicon.weekdays()]


@dataclass
class DateMatch:
    start: int
    end: int
    text: str
    value: str  # ISO, truncated to precision
    precision: str  # day/month/year
    historical: bool = False  # a span of years or a date well before publication


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date, year_offset: int = 0, weekday: int | None = None) -> date | None:
    """Most recent such day on or before publication (plus a day of slack for time zones); with a
    weekday named beside it ("Friday, June 18"), the nearest year in which it falls on that day."""
    if year_offset:
        return _safe(published.year + year_offset, month, day)
    if weekday is not None:
        fits = [d for y in (published.year - 1, published.year, published.year + 1)
                if (d := _safe(y, month, day)) is not None and d.weekday() == weekday]
        if fits:
            return min(fits, key=lambda d: abs((d - published).days))
    candidate = _safe(published.year, month, day)
    if candidate and candidate > published + timedelta(days=1):
        candidate = _safe(published.year - 1, month, day)
    return candidate


_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
             "new year's eve": (12, 31), "new year's day": (1, 1)}
_NAMED_DAY_BEFORE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.named_day_words()) + r")\s+$", re.I)
_WEEKDAY_BEFORE = re.compile(r"(" + lexicon.weekday_alternation() + r"),?\s+(?:the\s+)?$", re.I)
# "held them against their will", "of his own free will": the noun "will", which tells of no time ahead
_MODAL_WILL = r"(?<!\bagainst\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\bthe\s)(?<!\bown\s)(?<!\bfree\s)will"
# A weekday told in the future tense names a day ahead: "On Wednesday, a court will begin ...",
# "the court is due to rule on Friday"; a speech verb or an act between ("said on Monday it will",
# "arrested on Monday men who will face trial") dates the telling or the act
_FUTURE_AFTER = re.compile(r"(?:\s+(?:night|morning|evening|afternoon))?,?\s+(?:(?!(?:" + lexicon.speech_alternation("telling_before_future")
                           + r"|that|who|which|whom|where|when|\w+ed)\b)[\w\-’']+\s+){0,8}?"
                           r"(?:" + _MODAL_WILL + r"|shall|is\s+(?:due|set|scheduled|expected)\s+to|are\s+(?:due|set|scheduled|expected)\s+to)\b", re.I)
_FUTURE_BEFORE = re.compile(r"\b(?:" + _MODAL_WILL + r"|shall|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to)\s+(?:[\w\-’']+\s+){0,6}?(?:on\s+)?$", re.I)
# A month without a year after a court date or a plan ahead ("remanded to appear for trial in
# October", "the vote is scheduled for June"): a month to come, the day of no act told
_MONTH_AHEAD = re.compile(r"\b(?:will|shall|due|set\s+for|scheduled|slated|expected\s+to|to\s+(?:appear|stand\s+trial|face\s+trial|"
                          r"be\s+(?:sentenced|tried|heard|held))|trial\s+(?:is|was)\s+(?:set|due))\s+(?:[\w\-’',.]+\s+){0,7}?(?:in\s+|for\s+)?$", re.I)
# A weekday that closes a clause whose verb came before it, told in the past, is that clause's:
# "the rebels attacked the base on Tuesday and the council will vote": the next clause's future is not its own
_CLAUSE_JOIN = re.compile(r"\b(?:and|but|while|whereas)\b", re.I)
_PAST_VERB_BEFORE = re.compile(r"\b\w+ed\b[^.;!?]*$", re.I)


_D = r"(\d{1,2})(?:st|nd|rd|th)?"
_Y = r"((?:19|20)\d{2})"
# a year a month name dates (a day or month of it) may lie in the 19th century ("November 16, 1849"):
# history told in a news article, never a figure
_Y_DATED = r"((?:1[89]|20)\d{2})"
# "the previous evening", "a day earlier": the day before the day the text has just named (or, said of
# the news itself, yesterday)
DAY_BEFORE = r"the day before|the (?:previous|preceding) (?:day|night|evening|morning|afternoon)|a day earlier"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("year_range", re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)?\d{2})\b")),
    ("dmy", re.compile(r"\b" + _D + r"\s+(?:of\s+)?(" + _MONTH_RE + r"),?\s+" + _Y_DATED + r"\b", re.I)),
    ("mdy", re.compile(r"\b(" + _MONTH_RE + r")\s+" + _D + r",?\s+" + _Y_DATED + r"\b", re.I)),
    ("md_rel", re.compile(r"\b(" + _MONTH_RE + r")\s+" + _D + r"\s+(?:of\s+)?(last|next|this)\s+year\b", re.I)),
    ("dm_rel", re.compile(r"\b" + _D + r"\s+(?:of\s+)?(" + _MONTH_RE + r")\s+(?:of\s+)?(last|next|this)\s+year\b", re.I)),
    ("dm", re.compile(r"\b" + _D + r"\s+(?:of\s+)?(" + _MONTH_RE + r")(?![a-z])", re.I)),
    ("md", re.compile(r"\b(" + _MONTH_RE + r")\s+" + _D + r"(?!\d)(?!\s*,?\s*(?:1[89]|20)\d{2})", re.I)),
    ("m_rel", re.compile(r"\b(?:in\s+)?(" + _MONTH_RE + r")\s+(?:of\s+)?(last|this|next)\s+year\b|\b(last|this|next)\s+(" + _MONTH_RE + r")(?![a-z])(?!\s+\d)", re.I)),
    ("weekday_prev", re.compile(r"\b(?:on\s+)?(" + lexicon.weekday_alternation() + r")\s+(?:of\s+)?"
                                 r"(?:last|the\s+previous)\s+week\b", re.I)),
    # the fixed-date holidays, when a day of them is meant: "on Christmas Eve", "his Christmas message"
    ("holiday", re.compile(r"\b(?:on\s+)?(Christmas Eve|Christmas Day|New Year[’']s Eve|New Year[’']s Day)\b|\bon\s+(Christmas)\b(?!\s+(?:season|holidays?|period|week))"
                           r"|\b(Christmas)\s+(?:message|sermon|homily|address|speech|broadcast|night)\b", re.I)),
    ("weekend", re.compile(r"\b(last|this|over the|at the|during the|on the|the previous|the past)\s+weekend\b", re.I)),
    ("period_rel", re.compile(r"\b(last|this|earlier this|late last|early last|past)\s+(week|month|year)\b", re.I)),
    ("my", re.compile(r"\b(?:in|since|during|of|by|until|from)\s+(" + _MONTH_RE + r"),?\s+(?:of\s+)?" + _Y_DATED + r"\b", re.I)),
    ("m", re.compile(r"\b(?:in|since|during|early|late|mid-?|until|from)\s+(" + _MONTH_RE + r")(?![a-z])(?!\s+\d)", re.I)),
    ("y", re.compile(r"\b(?:in|since|during|of|by|until|from|as recently as|as early as|as late as)\s+(?:the\s+year\s+)?" + _Y + r"\b", re.I)),
    # "171 years ago today": an anniversary, the day of a past year, not today
    ("today", re.compile(r"(?<!\bago )\b(today|tonight|this morning|this afternoon|this evening|earlier today)\b", re.I)),
    ("days_ago", re.compile(r"\b(?:(" + lexicon.count_alternation(2, 6) + r"|2|3|4|5|6)\s+days\s+(?:ago|earlier|before)|the day before yesterday)\b", re.I)),
    ("yesterday", re.compile(r"\b(yesterday|last night|overnight|" + DAY_BEFORE + r")\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|late\s+|early\s+|last\s+)?(" + lexicon.weekday_alternation() + r")(?:\s+(?:night|morning|evening|afternoon))?\b"
                            r"(?!,?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?" + _MONTH_RE + r")(?!,?\s+\d)", re.I)),
]


# "April 7th Street", "the 26 July Movement": a date opening a name (the head written with its capital)
_NAME_AFTER = re.compile(r"\s+(?:of\s+)?(?=[A-Z])(?:" + lexicon.alternation(lexicon.dated_name_heads()) + r")\b", re.I)
# "the Sunday Leader editor": a newspaper's name (its capital kept: "on Sunday leaders met" is a day)
_PAPER_AFTER = re.compile(r"\s+(?=[A-Z])(?i:" + lexicon.alternation(lexicon.weekday_paper_heads()) + r")\b")


def find_dates(text: str, published: str | None, offset: int = 0) -> list[DateMatch]:
    """All date expressions in ``text`` resolved against ``published`` (ISO date or None)."""
    pub = date.fromisoformat(published) if published else None
    taken: list[tuple[int, int]] = []
    out: list[DateMatch] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind in ("md", "dm") and _NAME_AFTER.match(text, m.end()):
                taken.append((m.start(), m.end()))
                continue
            if kind == "weekday" and m.group(0)[:1].isupper() and _PAPER_AFTER.match(text, m.end()):
                taken.append((m.start(), m.end()))
                continue
            resolved = _resolve(kind, m, pub, text)
            if resolved is None:
                continue
            value, precision, historical = resolved
            taken.append((m.start(), m.end()))
            out.append(DateMatch(m.start() + offset, m.end() + offset, m.group(0), value, precision, historical))
    out.sort(key=lambda d: d.start)
    return out


# Before the article's own time frame: PROTOCOL-style background is "more than about a month
# before publication"; six weeks leaves room for "last month" and a late report.
BACKGROUND_DAYS = 45


def _old(d: date, pub: date | None) -> bool:
    return pub is not None and (pub - d).days > BACKGROUND_DAYS


def _old_month(y: int, mo: int, pub: date | None) -> bool:
    """A month wholly before the month preceding publication ("in August" published in October)."""
    return pub is not None and (pub.year * 12 + pub.month) - (y * 12 + mo) >= 2


def _resolve(kind: str, m: re.Match[str], pub: date | None, text: str = "") -> tuple[str, str, bool] | None:
    g = m.groups()
    if kind == "year_range":
        start = int(g[0])
        end_text = g[1]
        end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
        if not (start < end <= start + 30):
            return None
        return str(start), "year", True
    if kind == "dmy":
        d = _safe(int(g[2]), _month(g[1]), int(g[0]))
        return (d.isoformat(), "day", _old(d, pub)) if d else None
    if kind == "mdy":
        d = _safe(int(g[2]), _month(g[0]), int(g[1]))
        return (d.isoformat(), "day", _old(d, pub)) if d else None
    if kind in ("md_rel", "dm_rel"):
        if pub is None:
            return None
        month, day = (_month(g[0]), int(g[1])) if kind == "md_rel" else (_month(g[1]), int(g[0]))
        offset = {"last": -1, "next": 1, "this": 0}[g[2].lower()]
        d = _safe(pub.year + offset, month, day)
        return (d.isoformat(), "day", _old(d, pub)) if d else None
    if kind in ("dm", "md"):
        if pub is None:
            return None
        month, day = (_month(g[1]), int(g[0])) if kind == "dm" else (_month(g[0]), int(g[1]))
        named = _WEEKDAY_BEFORE.search(text[max(0, m.start() - 14):m.start()])
        d = _infer_year(month, day, pub, weekday=_WEEKDAYS.index(named.group(1).lower()) if named else None)
        return (d.isoformat(), "day", _old(d, pub)) if d else None
    if kind == "m_rel":
        if pub is None:
            return None
        name, rel = (g[0], g[1]) if g[0] else (g[3], g[2])
        mo = _month(name)
        rel = rel.lower()
        if rel == "last" and g[2]:  # "last August": the most recent August before this month
            y = pub.year if mo < pub.month else pub.year - 1
        else:
            y = pub.year + {"last": -1, "this": 0, "next": 1}[rel]
        return f"{y:04d}-{mo:02d}", "month", _old_month(y, mo, pub)
    if kind == "period_rel":
        if pub is None:
            return None
        rel, unit = g[0].lower(), g[1].lower()
        if unit == "year":
            if rel in ("this", "past"):
                return None  # "this year", "the past year": a span reaching to now, not a date
            return str(pub.year - 1), "year", True
        if unit == "month":
            if rel in ("this", "earlier this", "past"):
                return f"{pub.year:04d}-{pub.month:02d}", "month", False
            y, mo = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
            return f"{y:04d}-{mo:02d}", "month", False
        # "last week": a day we cannot name; the month it fell in
        d = pub - timedelta(days=7 if rel != "this" else 0)
        return f"{d.year:04d}-{d.month:02d}", "month", False
    if kind == "my":
        y, mo = int(g[1]), _month(g[0])
        d = _safe(y, mo, 1)
        return (f"{y:04d}-{mo:02d}", "month", _old_month(y, mo, pub)) if d else None
    if kind == "m":
        if pub is None or _MONTH_AHEAD.search(text[max(0, m.start() - 80):m.start()]):
            return None
        mo = _month(g[0])
        y = pub.year if mo <= pub.month else pub.year - 1
        return f"{y:04d}-{mo:02d}", "month", _old_month(y, mo, pub)
    if kind == "y":
        y = int(g[0])
        return str(y), "year", bool(pub and pub.year - y >= 1)
    if pub is None:
        return None
    if kind == "today":
        return pub.isoformat(), "day", False
    if kind == "yesterday":
        return (pub - timedelta(days=1)).isoformat(), "day", False
    if kind == "days_ago":
        n = 2 if g[0] is None else lexicon.number_words().get(g[0].lower()) or int(g[0])
        return (pub - timedelta(days=n)).isoformat(), "day", False
    if kind == "weekday_prev":
        # "on Friday last week": that day of the week before the publication's week
        target = _WEEKDAYS.index(g[0].lower())
        return (pub - timedelta(days=pub.weekday() + 7 - target)).isoformat(), "day", False
    if kind == "holiday":
        name = (g[0] or g[1] or g[2]).lower().replace("’", "'")
        month, day = _HOLIDAYS.get(name, (12, 25))
        d = _infer_year(month, day, pub)
        return (d.isoformat(), "day", _old(d, pub)) if d else None
    if kind == "weekend":
        # the Saturday of the weekend meant: the last one before publication ("over the weekend" in a
        # Monday report); "last weekend" told at a weekend is the one before that
        back = (pub.weekday() - 5) % 7 or 7
        if g[0].lower() == "last" and pub.weekday() >= 5:
            back += 7
        return (pub - timedelta(days=back)).isoformat(), "day", False
    if kind == "weekday":
        if _NAMED_DAY_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            return None  # "the Easter Sunday bombings", "on Good Friday": a feast's name, not a weekday
        target = _WEEKDAYS.index(g[0].lower())
        back = (pub.weekday() - target) % 7
        last = m.group(0).lower().startswith("last ")
        ahead = None if last else _FUTURE_AFTER.match(text, m.end())
        if ahead and _CLAUSE_JOIN.search(ahead.group(0)) and _PAST_VERB_BEFORE.search(text[max(0, m.start() - 80):m.start()]):
            ahead = None  # "attacked the base on Tuesday and the council will vote": Tuesday is the attack's
        future = not last and (ahead or _FUTURE_BEFORE.search(text[max(0, m.start() - 60):m.start()]))
        if future:
            back = -((target - pub.weekday()) % 7 or 7)  # "will begin on Wednesday": the next one
        elif last and back == 0:
            back = 7
        elif back == 6 and not last and pub.weekday() != 6:
            # "on Thursday" in a report dated Wednesday, "said Sunday" in one dated Saturday: the
            # publication date is a time zone behind the news (a week-old act is told as "last
            # Thursday"); the day after it is meant. A Sunday edition looks back over the week: "on
            # Monday" in a Sunday paper is six days before
            back = -1
        return (pub - timedelta(days=back)).isoformat(), "day", False
    return None
