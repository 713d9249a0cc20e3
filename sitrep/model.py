"""The records sitrep produces: an Article in, EventMentions out, Events after fusion.

Every field that came from the text carries an Evidence span (character offsets into
``Article.text``) so that a reader can always see the words behind a value.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Self

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Collapse whitespace and case so that trivially different copies hash alike."""
    return _WS.sub(" ", text).strip().lower()


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised clean text."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:16]


class Record:
    """A record that round-trips through plain dicts (JSON): ``to_dict`` and ``from_dict``.

    ``from_dict`` is driven by the dataclass fields, so a field added later with a default
    still loads dicts stored before it existed; keys it does not know are ignored.
    """

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        return _builder(cls)(data)


def _plain(value: Any) -> Any:
    """Records as dicts, lists and dicts copied (what ``dataclasses.asdict`` gives, faster)."""
    if isinstance(value, Record):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _converter(hint: Any) -> Any:
    """A function reading a JSON value as ``hint``: nested records built, lists and optionals
    followed; None for values taken as they are."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _converter(options[0]) if len(options) == 1 else None
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        inner = _converter(item)
        return (lambda v: [inner(x) for x in v]) if inner else None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        build = _builder(hint)
        return lambda v: build(v) if isinstance(v, dict) else v
    return None


@cache
def _builder(cls: type) -> Any:
    """``dict -> cls``, planned once per record type from its fields and their types."""
    hints = typing.get_type_hints(cls)
    plan = []
    required = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        plan.append((f.name, _converter(hints[f.name])))
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)

    def build(data: dict[str, Any]) -> Any:
        kwargs = {name: None for name in required}  # a required field missing from an old dict: unknown
        for name, convert in plan:
            if name in data:
                value = data[name]
                kwargs[name] = convert(value) if convert is not None and value is not None else value
        return cls(**kwargs)

    return build


@dataclass
class Evidence(Record):
    text: str
    start: int
    end: int
    field: str = "text"  # offsets are into the article's "text", or into its "title"


@dataclass
class Article(Record):
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
class Actor(Record):
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
class Place(Record):
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
class When(Record):
    value: str  # ISO date, truncated to precision (YYYY, YYYY-MM or YYYY-MM-DD)
    precision: str  # day/month/year
    text: str
    evidence: Evidence | None = None
    basis: str = "text"  # "text": stated in the report; "published": assumed from the report's date


@dataclass
class Claim(Record):
    by: str | None  # the words naming the claimant
    source: str | None = None  # canonical actor or outlet
    modality: str = "asserted"  # asserted|reported|claimed|denied|disputed
    evidence: Evidence | None = None


@dataclass
class Casualty(Record):
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
class EventMention(Record):
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
    # another named source's count of the record's own toll ("state media gave 44 dead; the Observatory
    # 48"): a position on the incident kept for its disagreements, not a further figure of the record
    other_tolls: list[Casualty] = field(default_factory=list)

    def total(self, kind: str) -> int | None:
        """Killed (or injured) in this record: the largest total, parts not added twice."""
        figures = [c.count for c in self.casualties if c.kind == kind and not c.subset and c.count is not None]
        return sum(figures) if figures else None

    @property
    def killed(self) -> int | None:
        return self.total("killed")


@dataclass
class Failure(Record):
    input: str
    stage: str
    reason: str


@dataclass
class FigureRange(Record):
    """The spread of one kind of figure across the outlets reporting an event."""

    min: int
    max: int
    by_outlet: dict[str, int] = field(default_factory=dict)


@dataclass
class Contradiction(Record):
    kind: str  # casualties | toll_update | denial | perpetrator | type
    summary: str
    sides: dict[str, list[str]]  # the value -> the outlets that give it
    # each position behind the sides: {"value", "outlet", "article", "quote"} (a quote may be "")
    positions: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Event(Record):
    """A fused event: one real-world incident as told by every report that mentions it.

    ``mentions`` are mention ids (``article id:ordinal``) in the order fusion joined them.
    """

    id: str
    type: str
    date: str | None = None
    place: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    outlets: list[str] = field(default_factory=list)
    earliest_report: str | None = None
    killed: FigureRange | None = None
    injured: FigureRange | None = None
    mentions: list[str] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
