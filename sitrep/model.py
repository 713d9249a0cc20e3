"""The records sitrep produces: an Article in, EventMentions out, Events after fusion.

Every field that came from the text carries an Evidence span (character offsets into
``Article.text``) so that a reader can always see the words behind a value.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Collapse whitespace and case so that trivially different copies hash alike."""
    return _WS.sub(" ", text).strip().lower()


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised clean text."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Evidence:
    text: str
    start: int
    end: int
    field: str = "text"  # offsets are into the article's "text", or into its "title"


@dataclass
class Article:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    language: str | None = None
    source: str | None = None  # path, URL or "path#row"
    url: str | None = None
    removed: list[str] = field(default_factory=list)  # boilerplate paragraphs, kept for audit
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)

    def summary(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "outlet": self.outlet, "published": self.published}


@dataclass
class Actor:
    name: str | None  # canonical name from the actor dictionary; None when unknown
    kind: str | None = None
    country: str | None = None
    label: str | None = None  # the outlet's own words
    id: str | None = None  # dictionary key
    evidence: Evidence | None = None
    basis: str = "text"  # "text" | "title": named there; "inferred": by a documented rule


# How finely a place locates an event, for choosing among a record's places (lower is finer).
PRECISION_RANK = {"point": 0, "city": 0, "road": 1, "water": 1, "region": 2, "admin1": 3, "country": 4}


@dataclass
class Place:
    name: str
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = "city"  # point/city/admin1/country/road/water/region
    text: str | None = None
    evidence: Evidence | None = None


@dataclass
class When:
    value: str  # ISO date, truncated to precision (YYYY, YYYY-MM or YYYY-MM-DD)
    precision: str  # day/month/year
    text: str
    evidence: Evidence | None = None
    basis: str = "text"  # "text": stated in the report; "published": assumed from the report's date


@dataclass
class Claim:
    by: str | None  # the words naming the claimant
    source: str | None = None  # canonical actor or outlet
    modality: str = "asserted"  # asserted|reported|claimed|denied|disputed
    evidence: Evidence | None = None


@dataclass
class Casualty:
    kind: str  # killed|injured|abducted
    count: int | None  # None: "soldiers were injured" with no figure
    approx: str = "exact"  # exact|at_least|about|more_than|at_most|unknown
    who: str | None = None
    category: str = "unknown"  # civilians|children|women|military|fighters|unknown
    party: str | None = None
    subset: bool = False  # part of another figure of the same record ("including 4 children")
    claim: Claim | None = None  # who gives this figure, when not the record's claimant
    evidence: Evidence | None = None


@dataclass
class EventMention:
    article: dict[str, Any]
    type: str
    mode: str | None
    acled: dict[str, str]
    cameo: str | None
    actor1: Actor | None
    actor2: Actor | None
    location: Place | None
    date: When | None
    casualties: list[Casualty]
    claim: Claim
    evidence: Evidence
    confidence: float
    trigger: str = ""
    sentences: list[int] = field(default_factory=list)
    historical: bool = False
    denials: list[Claim] = field(default_factory=list)
    salience: float | None = None  # the salience model's probability that this is a recordable event

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def total(self, kind: str) -> int | None:
        """Killed (or injured) in this record: the largest total, parts not added twice."""
        figures = [c.count for c in self.casualties if c.kind == kind and not c.subset and c.count is not None]
        return sum(figures) if figures else None

    @property
    def killed(self) -> int | None:
        return self.total("killed")


@dataclass
class Failure:
    input: str
    stage: str
    reason: str
