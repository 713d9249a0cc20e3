"""The working state that stages add to: an Article plus its annotations, with offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.model import Article, Casualty, Claim, EventMention, Place
from sitrep.resolve.actors import ActorMatch
from sitrep.resolve.dates import DateMatch


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

    def in_sentence(self, items: list, sentence: Sentence) -> list:
        return [x for x in items if sentence.start <= x.start < sentence.end]
