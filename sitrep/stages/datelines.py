"""The one dateline finder: where a report says it was filed, and when ("AMMAN, March 12 (Reuters) -").

A news dateline opens a line near the top of the text (under a headline or a photo caption):
a place ("BEIRUT", "CORPUS CHRISTI, Texas", "(Tunis"), a day ("April 26", "March 12, 2019"), or both,
then an agency's credit ("(Reuters)") and a dash or a colon before the story. The segment stage
records each dateline on the Doc once; later stages ask the Doc (``doc.dateline_at``) which part of a
dateline, if any, an offset lies in, instead of matching the dateline again.

A byline that names where the reporter filed from ("By Jane Doe, Kano" on a line of its own at the top,
as Nigerian and Indian papers print it) frames the report as a dateline does: its place is the town.

Flattened web text also runs an agency's stamp into the story ("... in Syria AFP Thursday 16 Jul 2015
At least ..."): such a stamp is a dateline too, found anywhere, with no line of its own (``run_in``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep import lexicon

REACH = 1500  # characters: how far down a dateline may stand (under a headline, a caption, a credit)


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # just past the dash or colon that closes it
    place: tuple[int, int] | None  # "CORPUS CHRISTI, Texas": the town and what qualifies it
    date: tuple[int, int] | None  # "March 12, 2019": the day the report was filed
    parts: tuple[tuple[int, int], ...] = ()  # the place's comma-separated names: "CORPUS CHRISTI", "Texas"
    run_in: bool = False  # a stamp run into flattened text ("AFP Thursday 16 Jul 2015"), not a line's opening
    byline: bool = False  # "By Jane Doe, Kano": the reporter's name, then the town filed from

    def in_place(self, offset: int) -> bool:
        return self.place is not None and self.place[0] <= offset < self.place[1]

    def opens_place_name(self, offset: int) -> bool:
        """Whether ``offset`` starts one of the place's names (the "MAN" of a heading "MISSING MAN:" does not)."""
        return any(start == offset for start, _end in self.parts)

    def in_date(self, offset: int) -> bool:
        return self.date is not None and self.date[0] <= offset < self.date[1]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    months = lexicon.month_words()
    month = r"(?:" + "|".join(months) + r")\.?"
    weekday = r"(?:(?:" + "|".join(d[:3] for d in lexicon.weekdays()) + r")[a-z]*\.?,?\s+)?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    date = weekday + r"(?:" + month + r"\s+" + day + r"|" + day + r"\s+" + month + r")(?:,?\s+\d{4})?"
    not_month = r"(?!(?:" + "|".join([*months, *lexicon.weekdays()]) + r")\b)"
    name = not_month + r"[A-Z][A-Za-z.'\-]*"
    town = name + r"(?:[ ](?:[a-z]{1,3}[ ])?" + name + r"){0,3}"  # "KUWAIT CITY", "Rio de Janeiro"
    qualifier = r",[ \t]*" + not_month + r"[A-Z][\w.'\-]*(?:[ ]" + not_month + r"[A-Z][\w.'\-]*){0,3}"
    return re.compile(
        r"[ \t]*(?P<open>\()?"
        r"(?:(?P<place>" + town + r"(?:" + qualifier + r"){0,2})(?:,[ \t]*|[ \t]+)?)?"
        r"(?P<date>" + date + r")?"
        r"(?P<credit>[ \t]*\([^()\n]{1,30}\))?[ \t]*(?P<close>\)[ \t]*)?"
        r"(?P<sep>--|[-–—:])(?=\s)"
    )


@lru_cache(maxsize=1)
def _stamp() -> re.Pattern[str]:
    months = lexicon.month_words()
    return re.compile(
        r"(?:\b(?:AFP|Reuters|AP|DPA|Xinhua|SANA|Anadolu)\s+)?\b(?P<date>(?:" + "|".join(lexicon.weekdays()) + r")\s+\d{1,2}\s+"
        r"(?:" + "|".join(months) + r")[a-z]*\s+\d{4})\b"
    )


@lru_cache(maxsize=1)
def _byline() -> re.Pattern[str]:
    # "By Jane Doe, Kano", "By Jane Doe and John Roe, Port Harcourt, Rivers State": one to four names
    # per author, then a town (and what qualifies it) closing the line
    person = r"[A-Z][\w.'’\-]*(?:[ ][A-Z][\w.'’\-]*){0,3}"
    name = r"[A-Z][A-Za-z.'’\-]*"
    town = name + r"(?:[ ]" + name + r"){0,3}"
    return re.compile(r"[ \t]*By[ \t]+" + person + r"(?:[ \t]+and[ \t]+" + person + r")?,[ \t]*"
                      r"(?P<place>" + town + r"(?:,[ \t]*" + town + r")?)[ \t]*(?=\n|$)")


def _credit_closes(place: str) -> bool:
    """Whether a byline's words after the comma close with a paper's or a role's word ("Washington Post",
    "Staff Reporter"), the paper of the reporter or its title, not a town and its division."""
    credits = set(lexicon.byline_credit_words()) | set(lexicon.weekday_paper_heads())
    return any(part.split()[-1].lower() in credits for part in place.split(",") if part.split())


def find_datelines(text: str) -> list[Dateline]:
    """Every dateline opening a line in the first ``REACH`` characters of ``text``, and every stamp run
    into the text (sorted by start; a stamp may lie inside a line's dateline)."""
    found = [Dateline(m.start(), m.end(), None, m.span("date"), run_in=True) for m in _stamp().finditer(text)]
    pattern = _pattern()
    line = 0
    while 0 <= line < min(len(text), REACH):
        m = pattern.match(text, line)
        byline = _byline().match(text, line) if m is None else None
        if byline is not None and not _credit_closes(byline.group("place")):
            place = byline.span("place")
            found.append(Dateline(byline.start() + len(byline.group(0)) - len(byline.group(0).lstrip()), byline.end(),
                                  place, None, _parts(text, place), byline=True))
        elif m is not None and _is_dateline(m):
            place = m.span("place") if m.group("place") else None
            date = m.span("date") if m.group("date") else None
            found.append(Dateline(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), place, date,
                                  _parts(text, place)))
        nl = text.find("\n", line)
        line = nl + 1 if nl != -1 else -1
    return sorted(found, key=lambda d: d.start)


def _parts(text: str, place: tuple[int, int] | None) -> tuple[tuple[int, int], ...]:
    if place is None:
        return ()
    out, start = [], place[0]
    for name in text[place[0]:place[1]].split(","):
        lead = len(name) - len(name.lstrip())
        out.append((start + lead, start + len(name)))
        start += len(name) + 1
    return tuple(out)


def _is_dateline(m: re.Match[str]) -> bool:
    place, date, sep = m.group("place"), m.group("date"), m.group("sep")
    if m.group("close") and not m.group("open"):
        return False
    if place is None:
        # "April 26 (UPI) --": a bare day needs a dash (a "March 5:" opens an entry of a timeline)
        return date is not None and sep != ":"
    # "BEIRUT -", "(Nairobi) –", "Hong Kong, June 24 (Reuters) -", "Islamabad:": a town in capitals,
    # in brackets, with a day or a credit, or closed at once by the colon or dash; not a heading
    # "Analysis - what next" (mixed case, spaced off its dash)
    return place.split(",")[0].isupper() or bool(m.group("open")) or date is not None \
        or bool(m.group("credit")) or m.end("place") == m.start("sep")
