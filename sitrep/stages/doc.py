"""The working state that stages add to: an Article plus its annotations, with offsets."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from sitrep.model import Article, Casualty, Claim, EventMention, Place
from sitrep.resolve.actors import ActorMatch
from sitrep.resolve.dates import DateMatch
from sitrep.stages.datelines import Dateline, find_datelines


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str


@dataclass
class PlaceMatch:
    start: int
    end: int
    text: str
    place: Place
    score: float


@dataclass
class Trigger:
    start: int
    end: int
    text: str
    type: str
    mode: str | None
    acled: tuple[str, str]
    cameo: str
    weight: float


@dataclass
class CasualtyMatch:
    start: int
    end: int
    casualty: Casualty
    subset: bool = False  # "including four children": part of another figure, not added


@dataclass
class Attribution:
    start: int
    end: int
    claim: Claim
    cue: str  # the verb or phrase ("according to", "said", "denied")


@dataclass
class Doc:
    article: Article
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[ActorMatch] = field(default_factory=list)
    places: list[PlaceMatch] = field(default_factory=list)
    dates: list[DateMatch] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    casualties: list[CasualtyMatch] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    countries: dict[str, int] = field(default_factory=dict)  # country context: ISO -> weight
    extra: dict[str, Any] = field(default_factory=dict)
    # where the report says it was filed and when; the segment stage finds them (None: not yet)
    datelines: list[Dateline] | None = None
    _index: dict[int, tuple] = field(default_factory=dict, repr=False)

    def in_sentence(self, items: list, sentence: Sentence) -> list:
        """Items (sorted by start) that begin inside ``sentence``; bisect keeps long texts linear."""
        return self.in_span(items, sentence.start, sentence.end)

    def dateline_at(self, offset: int) -> Dateline | None:
        """The dateline that ``offset`` lies in, if any (a line's own before a stamp run into it)."""
        holding = [d for d in self._datelines() if d.start <= offset < d.end]
        return min(holding, key=lambda d: d.run_in, default=None)

    def in_dateline_place(self, offset: int) -> bool:
        """Whether ``offset`` lies in the place words of a dateline ("CORPUS CHRISTI, Texas")."""
        return any(d.in_place(offset) for d in self._datelines())

    def opens_dateline_place(self, offset: int) -> bool:
        """Whether ``offset`` starts a name of a dateline's place ("CORPUS CHRISTI", "Texas")."""
        return any(d.opens_place_name(offset) for d in self._datelines())

    def in_dateline_date(self, offset: int) -> bool:
        """Whether ``offset`` lies in the day of a dateline ("March 12, 2019"): the day the report was filed."""
        return any(d.in_date(offset) for d in self._datelines())

    def _datelines(self) -> list[Dateline]:
        if self.datelines is None:  # a hand-built document that skipped the segment stage
            self.datelines = find_datelines(self.text)
        return self.datelines

    def in_span(self, items: list, start: int, end: int) -> list:
        starts = self._starts(items)
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end, lo)
        return items[lo:hi]

    def _starts(self, items: list) -> list[int]:
        key = id(items)
        cached = self._index.get(key)
        if cached is None or cached[0] is not items or len(cached[1]) != len(items):
            starts = [x.start for x in items]
            if any(b < a for a, b in zip(starts, starts[1:], strict=False)):
                items.sort(key=lambda x: x.start)
                starts = [x.start for x in items]
            cached = (items, starts)
            self._index[key] = cached
        return cached[1]
