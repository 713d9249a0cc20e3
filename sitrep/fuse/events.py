"""Fusion: event mentions from different articles that report the same real-world event.

Greedy and incremental. Mentions are visited in date order; each joins the best-matching
existing event (same type, dates within a window that respects precision, places near each other
or one inside the other's area, similar casualty figures and wording) when the score clears a
threshold and the event holds no other mention of the same article; otherwise it founds a new
event. Candidates come from block indexes by type, day and area (country, admin1), so the work is
near-linear. Assignments are stored, so newly ingested articles join existing events and
re-running changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from sitrep.heap import without_cycle_collection
from sitrep.model import PRECISION_RANK, Contradiction, Event
from sitrep.resolve.gazetteer import km
from sitrep.stages.casualties import tolls_agree

THRESHOLD = 0.55
_WORD = re.compile(r"[a-z]{4,}")


@dataclass
class MentionView:
    """What fusion needs of a stored mention."""

    id: str
    article_id: str
    outlet: str | None
    published: str | None
    record: dict[str, Any]
    day: date | None
    precision: str | None
    words: frozenset[str]  # distinctive words of the title and evidence (``distinctive_words``)
    basis: str = "text"
    victims: frozenset[str] = frozenset()  # "civilian" and/or "combatant": who the named dead were
    update: bool = False  # the report says its toll was counted again ("death toll rises to")
    killed: int | None = None  # the largest toll of the dead (``_toll``)
    type: str = ""
    keys: tuple[list[tuple], list[tuple]] | None = None  # (index, candidate) blocking keys, once computed
    place_key: tuple | None = None  # the location's fields (``_place_score`` is cached on them)
    mode: str | None = None
    coarse: bool = False  # placed only by an area (``_coarse``)
    window: int = 0  # days either side its day may be off (``_window``)
    has_actor: bool = False  # names an actor with an id (``pair_features`` compares them)
    area: tuple | None = None  # (country, admin1, grid cell) once computed (``_area``)

    def __post_init__(self) -> None:
        self.type = self.record["type"]
        self.window = _window(self.precision, self.basis)
        self.has_actor = any((self.record.get(role) or {}).get("id") for role in ("actor1", "actor2"))
        self.mode = self.record.get("mode")
        loc = self.record.get("location")
        if loc:
            self.place_key = (loc["name"], loc.get("admin1"), loc.get("country"), loc.get("lat"), loc.get("lon"),
                              loc.get("precision"))
            self.coarse = loc.get("precision") in ("admin1", "region") or \
                (loc.get("precision") != "country" and _names_its_admin1(loc))


@dataclass
class Cluster:
    """An event while fusion builds it: the mentions joined so far. ``to_event`` gives the record."""

    id: str
    mentions: list[MentionView] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    by_article: dict[str, list[MentionView]] = field(default_factory=dict)
    words: set[str] = field(default_factory=set)  # the distinctive words of its first reports

    def append(self, m: MentionView) -> None:
        self.mentions.append(m)
        self.by_article.setdefault(m.article_id, []).append(m)
        if len(self.mentions) <= REPRESENTATIVES:
            self.words |= m.words

    @property
    def outlets(self) -> set[str]:
        return {m.outlet or "?" for m in self.mentions}

    @property
    def type(self) -> str:
        return Counter(m.type for m in self.mentions).most_common(1)[0][0]

    @property
    def date(self) -> str | None:
        days = [m.record["date"]["value"] for m in self.mentions if m.record.get("date")
                and m.record["date"]["precision"] == "day" and m.record["date"].get("basis") == "text"]
        days = days or [m.record["date"]["value"] for m in self.mentions if m.record.get("date")]
        return Counter(days).most_common(1)[0][0] if days else None

    @property
    def place(self) -> str | None:
        place = self.location
        return place["name"] if place else None

    @property
    def location(self) -> dict | None:
        places = [m.record["location"] for m in self.mentions if m.record.get("location")]
        if not places:
            return None
        # "in Syria" locates nothing: a named town, area or governorate wins when there is one
        places = [p for p in places if p["precision"] != "country"] or places
        votes = Counter(p["name"] for p in places)
        return min(places, key=lambda p: (-votes[p["name"]], PRECISION_RANK.get(p["precision"], 5)))

    def actor(self, role: str) -> dict | None:
        actors = [m.record[role] for m in self.mentions if m.record.get(role)]
        named = [a for a in actors if a.get("name")]
        if not (named or actors):
            return None
        votes = Counter(a.get("name") for a in named)
        return max(named, key=lambda a: votes[a["name"]]) if named else actors[0]

    def figures(self, kind: str = "killed") -> dict[str, int]:
        """Each outlet's largest figure for ``kind`` (its own parts not added twice)."""
        out: dict[str, int] = {}
        for m in self.mentions:
            value = largest_figure(m.record, kind)
            if value is not None:
                outlet = m.outlet or "?"
                out[outlet] = max(out.get(outlet, 0), value)
        return out

    def killed_range_text(self) -> str:
        return range_text(_range(self.figures("killed")))

    @property
    def earliest(self) -> str | None:
        dates = [m.published for m in self.mentions if m.published]
        return min(dates) if dates else None

    def summary(self) -> dict[str, Any]:
        loc = self.location
        return {
            "id": self.id, "type": self.type, "date": self.date, "place": loc,
            "actor1": self.actor("actor1"), "actor2": self.actor("actor2"),
            "outlets": sorted(self.outlets), "earliest_report": self.earliest,
            "killed": _range(self.figures("killed")), "injured": _range(self.figures("injured")),
            "mentions": [m.id for m in self.mentions],
            "contradictions": [c.to_dict() for c in self.contradictions],
        }

    def to_event(self) -> Event:
        return Event.from_dict(self.summary())

    def block_keys(self) -> set[str]:
        """The blocking keys under which this event is found (see ``index_keys``)."""
        return {key_text(key) for m in self.mentions for key in index_keys(m)}


def _range(figures: dict[str, int]) -> dict | None:
    if not figures:
        return None
    return {"min": min(figures.values()), "max": max(figures.values()), "by_outlet": figures}


def range_text(figures: dict | None) -> str:
    """'11', or '11–24' when sources differ; '' without figures (takes a summary's range)."""
    if not figures:
        return ""
    lo, hi = figures["min"], figures["max"]
    return str(lo) if lo == hi else f"{lo}–{hi}"


def largest_figure(record: dict, kind: str) -> int | None:
    """A mention's largest figure of ``kind``; parts of a figure ("including 4 children") aside."""
    values = [c["count"] for c in record["casualties"]
              if c["kind"] == kind and not c["subset"] and c["count"] is not None]
    return max(values) if values else None


def _day(record: dict) -> tuple[date | None, str | None]:
    when = record.get("date")
    if not when:
        return None, None
    value, precision = when["value"], when["precision"]
    try:
        if precision == "day":
            return date.fromisoformat(value), "day"
        if precision == "month":
            return date.fromisoformat(value + "-15"), "month"
        return date(int(value[:4]), 7, 1), "year"
    except ValueError:
        return None, None


# Days either side: a day the text states ("on Tuesday") is precise; a day assumed from the
# report's publication may lag the event.
DAY_WINDOW = {"text": 1, "published": 2}


def _window(precision: str | None, basis: str = "text") -> int:
    if precision == "day":
        return DAY_WINDOW.get(basis, 2)
    return {"month": 20, "year": 200}.get(precision or "", 0)


def days_compatible(a: MentionView, b: MentionView) -> bool:
    """Whether two mentions' days can be one event's. A day taken from a report's publication
    bounds the event from above: it happened that day or in the few days before, never after."""
    gap = (a.day - b.day).days  # type: ignore[operator]
    for x, y, signed in ((a, b, gap), (b, a, -gap)):
        if x.precision == "day" and x.basis == "published" and signed < 0 and y.precision == "day" \
                and y.basis == "text":
            return False  # x's report came out before y's stated day
    return abs(gap) <= max(a.window, b.window)


def view(mention_id: str, article_id: str, outlet: str | None, published: str | None, record: dict,
         lead: str = "") -> MentionView:
    """``lead``: the opening of the report (what a reader judges an incident by), when known."""
    day, precision = _day(record)
    text = (record.get("evidence") or {}).get("text", "") + " " + lead
    title = (record.get("article") or {}).get("title") or ""
    basis = (record.get("date") or {}).get("basis", "text")
    return MentionView(mention_id, article_id, outlet, published, record, day, precision,
                       distinctive_words(f"{title} {text}"), basis, _victim_kinds(record),
                       _is_update(f"{title} {text}"), _toll(record))


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    from sitrep.resolve.datafiles import load_csv, load_yaml

    data = load_yaml("fusion.yaml")
    # governorates' names ("Aleppo", "Idlib") are shared by most reports from an area: the place
    # score weighs places, the words weigh what else the reports share
    areas = {w for row in load_csv("admin1.csv") for name in [row["name"], *row["aliases"].split("|")]
             for w in _WORD.findall(name.lower())}
    return frozenset(data["common_words"]) | frozenset(_stem(w) for w in areas) | frozenset(areas), \
        tuple(data["update_cues"])


def distinctive_words(text: str) -> frozenset[str]:
    """The words of ``text`` that may set one incident apart: not the vocabulary every report
    shares (``data/fusion.yaml``); crude stems so that "Idlib's"/"Idlib", "buses"/"bus" meet."""
    common = _vocabulary()[0]
    return frozenset(w for w in (_stem(w) for w in _WORD.findall(text.lower()) if w not in common) if w not in common)


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _toll(record: dict) -> int | None:
    """The largest count of the dead that is a toll: children or women killed are part of one."""
    values = [c["count"] for c in record["casualties"] if c["kind"] == "killed" and not c["subset"]
              and c["count"] is not None and c.get("category") not in ("children", "women")]
    return max(values) if values else None


def _is_update(text: str) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in _vocabulary()[1])


_PLACE_FIELDS = ("name", "admin1", "country", "lat", "lon", "precision")


@lru_cache(maxsize=262144)
def _place_key_score(a: tuple | None, b: tuple | None) -> float:
    """``_place_score`` of two places given as ``MentionView.place_key`` (the same places recur)."""
    return _place_score(dict(zip(_PLACE_FIELDS, a, strict=True)) if a else None,
                        dict(zip(_PLACE_FIELDS, b, strict=True)) if b else None)


def _place_score(a: dict | None, b: dict | None) -> float:
    if not a or not b:
        return 0.3
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return 0.0
    if a["name"] == b["name"]:
        # "Aleppo" and "Aleppo": the city or its governorate, millions of people; a town is one place
        return 0.6 if a["precision"] not in ("country", "admin1", "region") and _names_its_admin1(a) else 1.0
    coarse = {"country", "admin1", "region"}
    if a["precision"] == "country" or b["precision"] == "country":
        return 0.45  # "in Syria" contains every Syrian town
    # "Idlib", "Aleppo": a place named like its governorate may mean the governorate
    area_named = _names_its_admin1(a) or _names_its_admin1(b)
    if (a["precision"] in coarse or b["precision"] in coarse) and a.get("admin1") and a.get("admin1") == b.get("admin1"):
        return 0.7  # "Idlib province" contains Khan Shaykhun
    if area_named and a.get("admin1") and a.get("admin1") == b.get("admin1"):
        # "Aleppo" may mean the city or its governorate: the city's own quarters fit better
        near = a.get("lat") is not None and b.get("lat") is not None and \
            km((a["lat"], a["lon"]), (b["lat"], b["lon"])) <= 30
        return 0.7 if near else 0.5
    if a.get("lat") is not None and b.get("lat") is not None and a["precision"] not in ("country", "admin1") \
            and b["precision"] not in ("country", "admin1"):
        d = km((a["lat"], a["lon"]), (b["lat"], b["lon"]))
        if d <= 15:
            return 0.9
        if d <= 50:
            return 0.6
    if a.get("admin1") and a.get("admin1") == b.get("admin1"):
        return 0.6 if "admin1" in (a["precision"], b["precision"]) else 0.35
    return 0.05


def _names_its_admin1(place: dict) -> bool:
    return bool(place.get("admin1")) and _same_last_word(place["name"], place["admin1"])


@lru_cache(maxsize=65536)
def _same_last_word(name: str, admin1: str) -> bool:
    from sitrep.resolve.gazetteer import fold

    return (fold(name).split() or [""])[-1] == (fold(admin1).split() or [""])[-1]


def _figure_score(a: MentionView, b: MentionView) -> float:
    """Agreeing tolls support one incident; very different ones count against it, unless the
    larger comes later or says it was counted again (a toll that grows as bodies are found)."""
    x, y = a.killed, b.killed
    if not x or not y:
        return 0.0
    if tolls_agree(x, y):
        return 1.0
    ratio = min(x, y) / max(x, y)
    larger, smaller = (a, b) if x > y else (b, a)
    later = larger.update or (larger.day is not None and smaller.day is not None and larger.day > smaller.day) \
        or (larger.published or "") > (smaller.published or "~")
    if later:
        return 0.3
    return 0.4 if ratio >= 0.5 else 0.0 if ratio >= 0.25 else -0.4


# Shared distinctive words (``distinctive_words``) at which the wording alone says "same report".
WORDS_FULL = 6


# Weights of ``pair_features``: what tells one incident from another.
WEIGHTS = {"date": 0.3, "place": 0.2, "figures": 0.2, "words": 0.35, "mode": 0.5, "actors": 0.5, "victims": 0.5}


_FEATURES = tuple(WEIGHTS)  # the order ``_pair_terms`` gives them in
_W_DATE, _W_PLACE, _W_FIGURES, _W_WORDS, _W_MODE, _W_ACTORS, _W_VICTIMS = (WEIGHTS[k] for k in _FEATURES)


def pair_score(a: MentionView, b: MentionView) -> float:
    """How likely two mentions report one event, in [0, 1]-ish; 0 when they cannot."""
    # the weighted sum written out, in ``WEIGHTS`` order (fusion scores hundreds of thousands of
    # pairs: no dictionary per pair)
    t = _pair_terms(a, b)
    if t is None:
        return 0.0
    return 0 + _W_DATE * t[0] + _W_PLACE * t[1] + _W_FIGURES * t[2] + _W_WORDS * t[3] + _W_MODE * t[4] \
        + _W_ACTORS * t[5] + _W_VICTIMS * t[6]


def pair_features(a: MentionView, b: MentionView) -> dict[str, float] | None:
    """The evidence two mentions give for one event; None when they cannot be one."""
    terms = _pair_terms(a, b)
    return dict(zip(_FEATURES, terms, strict=True)) if terms is not None else None


def _pair_terms(a: MentionView, b: MentionView) -> tuple[float, ...] | None:
    if a.type != b.type or a.article_id == b.article_id:
        return None
    if a.day is not None and b.day is not None:
        gap = abs((a.day - b.day).days)
        if gap > FOLLOW_UP_DAYS and gap > a.window and gap > b.window:
            return None  # (before the words are compared: most pairs end here)
    shared = len(a.words & b.words)
    if a.outlet and a.outlet == b.outlet:
        shared //= 2  # one outlet's reports share its own formulas ("a source at the police command told")
    if a.day is None or b.day is None:
        # an undated report (no date in the text, none published) joins by its words alone
        if shared < WORDS_FULL // 2 or a.record.get("historical") or b.record.get("historical"):
            return None
        gap = FOLLOW_UP_DAYS
    else:
        # (``days_compatible``, its test of one basis against the other needed only when they differ)
        compatible = gap <= max(a.window, b.window) if a.basis == b.basis else days_compatible(a, b)
        if not compatible and not (gap <= FOLLOW_UP_DAYS and follows_up(a, b, shared)):
            return None
    place = _place_key_score(a.place_key, b.place_key)
    if place == 0.0:
        return None
    mode_a, mode_b = a.mode, b.mode
    mode = 0.1 if mode_a and mode_a == mode_b else 0.0 if not (mode_a and mode_b) or modes_compatible(mode_a, mode_b) \
        else -0.25
    actors = 0.0
    for role, other in (("actor1", "actor2"), ("actor2", "actor1")) if a.has_actor and b.has_actor else ():
        x, y = a.record.get(role) or {}, b.record.get(role) or {}
        if not (x.get("id") and y.get("id")):
            continue
        if x["id"] == y["id"]:
            actors += 0.05
        elif _side(x) != _side(y) and {x.get("basis", "text"), y.get("basis", "text")} == {"text"} \
                and not _swapped(x, b.record.get(other) or {}) \
                and not (role == "actor2" and _tables()[2] & {_side(x), _side(y)}):
            # (the civilians hit and the armed side targeted are both the targets of one attack)
            # attackers (or targets) named from different sides: one event disputed, or two
            # events; only strong agreement elsewhere fuses them (a dispute is then listed)
            actors -= 0.15
    return (
        # date: a day assumed from a report's publication may lag the event by one; two days both
        # reports state in their text and a day apart disagree (an outlet's daily reports of one
        # city tell a new incident each day), weaker evidence
        1.0 if gap == 0 else (0.6 if "published" in (a.basis, b.basis) else 0.45) if gap == 1 else 0.3,
        place,
        _figure_score(a, b),
        min(1.0, shared / WORDS_FULL),  # words
        mode,
        actors,
        # victims: the dead named as civilians in one report and as soldiers or fighters in the other
        -0.1 if a.victims and b.victims and not (a.victims & b.victims) else 0.0,
    )


FOLLOW_UP_DAYS = 3


def _swapped(x: dict, y: dict) -> bool:
    """Whether actor ``x`` of one report holds the other role in the other report (``y``): the
    two sides of one battle, each told as the attacker by the side's own media."""
    return bool(x.get("id") and y.get("id")) and _side(x) == _side(y)


def follows_up(a: MentionView, b: MentionView, shared: int) -> bool:
    """Whether the later of two reports days apart may tell the earlier one's incident again:
    told in the same words, and either saying its toll was counted again or giving the same toll."""
    later, earlier = (a, b) if (a.day or date.min) >= (b.day or date.min) else (b, a)
    if shared < WORDS_FULL // 2:
        return False
    if later.update:
        return True
    return bool(later.killed and earlier.killed and tolls_agree(later.killed, earlier.killed))


def _victim_kinds(record: dict) -> frozenset[str]:
    """'civilian' and/or 'combatant' for the named dead of a record (children and women are civilians)."""
    kinds = set()
    for c in record["casualties"]:
        if c["kind"] == "killed" and c.get("category") in ("civilians", "children", "women"):
            kinds.add("civilian")
        elif c["kind"] == "killed" and c.get("category") in ("military", "fighters"):
            kinds.add("combatant")
    return frozenset(kinds)


# A report that tells one incident in several places ("an air strike on Khan Shaykhun ...",
# later "the attack on the town") yields several mentions; they join one event at this score.
RESTATED = 0.8
RESTATED_KM = 25


# Kinds of attack one event may be told as: gas delivered by aircraft or rockets, a suicide
# bombing as an explosion, a drone strike as an air strike.
@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[frozenset[str]], dict[str, int], frozenset[str]]:
    """The reviewed compatibility tables of ``data/fusion.yaml``: modes, allied sides, non-perpetrators."""
    from sitrep.resolve.datafiles import load_yaml

    data = load_yaml("fusion.yaml")
    allies = {side: n for n, group in enumerate(data["allied_sides"]) for side in group}
    return frozenset(frozenset(p) for p in data["compatible_modes"]), allies, frozenset(data["not_perpetrators"])


def modes_compatible(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in _tables()[0]


def sides_compatible(a: str, b: str) -> bool:
    """Whether two sides can both be true of one act's perpetrators: the same side, or allies."""
    allies = _tables()[1]
    return a == b or (a in allies and allies.get(a) == allies.get(b))


def restates(a: MentionView, b: MentionView) -> bool:
    """Whether two mentions of one report tell the same incident: same type, kind of attack and
    day, and places that agree (the same place, or one is the other's governorate or country)."""
    if a.type != b.type:
        return False
    if a.day is None or b.day is None:
        return a.day is None and b.day is None and not a.record.get("historical") and not b.record.get("historical")
    # a day assumed from the report's date may be the day after the one the text states
    if a.day != b.day and not ("published" in (a.basis, b.basis) and abs((a.day - b.day).days) <= 1):
        return False
    if a.record.get("mode") and b.record.get("mode") and not modes_compatible(a.record["mode"], b.record["mode"]):
        return False
    x, y = a.record.get("location"), b.record.get("location")
    if not x or not y or x["name"] == y["name"]:
        return True
    if x.get("country") != y.get("country"):
        return False
    if "country" in (x["precision"], y["precision"]):
        return True
    if x.get("lat") is not None and y.get("lat") is not None and "admin1" not in (x["precision"], y["precision"]) \
            and km((x["lat"], x["lon"]), (y["lat"], y["lon"])) <= RESTATED_KM:
        return True  # "Zamalka" and "Damascus", "Eastern Ghouta" and "Douma": one area told twice
    coarse = x["precision"] in ("admin1", "region") or y["precision"] in ("admin1", "region") \
        or _names_its_admin1(x) or _names_its_admin1(y)
    return coarse and x.get("admin1") is not None and x.get("admin1") == y.get("admin1")


def develops(a: MentionView, b: MentionView, toll: int | None = None) -> bool:
    """Whether ``a``, told by the same report as ``b`` a day to a few days after it, may be what
    came of ``b``'s incident (a statement, a count of the victims): the same kind of event and
    attack, in the same place, not the other side's act, and no dead of its own unless its toll
    is the incident's (``b``'s, else the event's ``toll``) counted again."""
    if a.type != b.type or a.day is None or b.day is None or a.precision != "day" or b.precision != "day":
        return False
    if not 1 <= (a.day - b.day).days <= FOLLOW_UP_DAYS:
        return False
    if a.mode and b.mode and not modes_compatible(a.mode, b.mode):
        return False
    known = b.killed or toll  # the incident's toll: as ``b`` gives it, else as its event does
    if a.killed and not (known and (a.update or min(a.killed, known) / max(a.killed, known) >= 0.8)):
        return False  # dead of its own, days later: another attack, unless the toll counted again
    x, y = a.record.get("actor1") or {}, b.record.get("actor1") or {}
    if x.get("id") and y.get("id") and {x.get("basis", "text"), y.get("basis", "text")} == {"text"} \
            and not sides_compatible(_side(x), _side(y)):
        return False  # the other side's attack days later ("rebels used gas on soldiers")
    return _place_key_score(a.place_key, b.place_key) >= 0.6


def event_id(first: MentionView) -> str:
    return hashlib.sha1(first.id.encode()).hexdigest()[:12]


REPRESENTATIVES = 4  # a new mention is compared with an event's first few mentions only
UNDATED_BLOCK_MAX = 200


CELL = 0.25  # degrees (about 28 km): grid cells let neighbouring governorates' places meet


def _area(m: MentionView) -> tuple[str | None, str | None, tuple[int, int] | None]:
    if m.area is None:
        m.area = _find_area(m)
    return m.area  # type: ignore[return-value]


def _find_area(m: MentionView) -> tuple[str | None, str | None, tuple[int, int] | None]:
    loc = m.record.get("location") or {}
    if loc.get("precision") == "country":
        return loc.get("country"), None, None
    cell = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        cell = (math.floor(loc["lat"] / CELL), math.floor(loc["lon"] / CELL))
    return loc.get("country"), loc.get("admin1"), cell


def _coarse(m: MentionView) -> bool:
    """Whether a mention is placed only by an area: a governorate, a region, or a city named like
    its governorate ("Aleppo"), which may mean either."""
    return m.coarse


def _index_days(m: MentionView) -> range:
    span, day = m.window, m.day.toordinal()  # type: ignore[union-attr]
    return range(day - span, day + span + 1, 1 if span <= 3 else 5)


def _spot(m: MentionView, admin1: str | None, cell: tuple[int, int] | None) -> str:
    """Where a follow-up is looked for: the mention's cell, else its governorate, else its country."""
    if cell and not _coarse(m):
        return f"{cell[0]},{cell[1]}"
    return admin1 or ""


def index_keys(m: MentionView) -> list[tuple]:
    """The blocking keys an event holding ``m`` is filed under.

    Blocks: (type, day, country) for every mention, which a mention placed only by its country
    ("in Syria") searches; (type, day, country, admin1) for mentions within an admin1 area, which
    a coarsely placed one ("Idlib province") searches; grid cells of about 28 km for finely placed
    mentions (so that Eastern Ghouta, in Rif Dimashq, meets Damascus); "k" keys for coarsely placed
    mentions and "u" keys for country-only ones, which finely placed mentions search; each day of
    the mention's date window. "f" keys (type, week, country, spot) find the incident a follow-up
    report tells a few days later. ``key_text`` gives the strings a store indexes.
    """
    if m.day is None:
        return []
    country, admin1, cell = _area(m)
    coarse, kind = _coarse(m), m.type
    fine = cell if cell and (m.record.get("location") or {}).get("precision") not in ("admin1", "region") else None
    nowhere = not (admin1 or cell)
    keys: list[tuple] = []
    add = keys.append
    for day in _index_days(m):
        add(("c", kind, day, country))
        if admin1:
            add(("a", kind, day, country, admin1))
            if coarse:
                add(("k", kind, day, country, admin1))
        if fine:
            add(("g", kind, day, country, fine[0], fine[1]))
        if nowhere:
            add(("u", kind, day, country))
    if m.precision == "day":
        keys.append(("f", m.type, m.day.toordinal() // 7, country, _spot(m, admin1, cell)))
    return keys


def candidate_keys(m: MentionView) -> list[tuple]:
    """The blocking keys a new mention searches for candidate events (on its own day; the weeks
    of the few days before and after it for follow-ups)."""
    if m.day is None:
        return []
    if m.precision == "month":
        # "early April", "earlier this month": the day-precise events of its month, in its area
        return [key for d in range(-_window(m.precision), _window(m.precision) + 1)
                for key in _day_candidate_keys(m, m.day.toordinal() + d, follow_up=d == 0)]
    return _day_candidate_keys(m, m.day.toordinal())


def _day_candidate_keys(m: MentionView, day: int, follow_up: bool = True) -> list[tuple]:
    country, admin1, cell = _area(m)
    spot = _spot(m, admin1, cell)
    keys: list[tuple] = [("f", m.type, week, country, spot)
                         for week in sorted({(day - FOLLOW_UP_DAYS) // 7, (day + FOLLOW_UP_DAYS) // 7})] \
        if follow_up else []
    if not (admin1 or cell):
        return keys + [("c", m.type, day, country)]
    keys.append(("u", m.type, day, country))
    if admin1 and (_coarse(m) or not cell):
        keys.append(("a", m.type, day, country, admin1))
        if not cell or (m.record.get("location") or {}).get("precision") in ("admin1", "region"):
            return keys
        # a city named like its governorate ("Damascus") also meets the towns around it
        # ("Zamalka", in Rif Dimashq) through the grid
    if admin1:
        keys.append(("k", m.type, day, country, admin1))
    return keys + [("g", m.type, day, country, cell[0] + dy, cell[1] + dx)  # type: ignore[index]
                   for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


def key_text(key: tuple) -> str:
    """A blocking key as a store indexes it."""
    return "|".join(str(part) for part in key)


class Fuser:
    """Holds events and block indexes (``index_keys``); add mentions one at a time."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.events: dict[str, Cluster] = {}
        self.blocks: dict[tuple, set[str]] = defaultdict(set)
        self.assignment: dict[str, str] = {}
        self.words: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, word) -> events (in memory only)

    @staticmethod
    def _keys(m: MentionView) -> tuple[list[tuple], list[tuple]]:
        if m.keys is None:
            m.keys = (index_keys(m), candidate_keys(m))
        return m.keys

    def _index(self, event: Cluster, m: MentionView) -> None:
        blocks = self.blocks
        for key in self._keys(m)[0]:
            blocks[key].add(event.id)
        if len(event.mentions) <= REPRESENTATIVES:
            words, kind = self.words, m.type
            for w in m.words:
                words[(kind, w)].add(event.id)

    def _undated_candidates(self, m: MentionView, enough: int = WORDS_FULL // 2) -> set[str]:
        """Events of the same type sharing ``enough`` distinctive words with a mention: an undated
        one has no day to block on, so it meets the events held in memory (this batch's)."""
        if len(m.words) < enough:
            return set()
        hits: Counter[str] = Counter()
        words, kind = self.words, m.type
        for w in m.words:
            events = words.get((kind, w))
            if events and len(events) <= UNDATED_BLOCK_MAX:  # a word that many events share sets none apart
                hits.update(events)
        return {eid for eid, n in hits.items() if n >= enough}

    def _candidates(self, m: MentionView) -> set[str]:
        get = self.blocks.get
        hits = [hit for hit in map(get, self._keys(m)[1]) if hit]
        return set().union(*hits) if hits else set()

    def place(self, m: MentionView, event_id_: str) -> None:
        """Restore a stored assignment."""
        event = self.events.setdefault(event_id_, Cluster(event_id_))
        event.append(m)
        self.assignment[m.id] = event_id_
        self._index(event, m)

    def add(self, m: MentionView) -> str:
        best, best_score = None, self.threshold
        if not m.record.get("historical"):
            candidates = self._candidates(m) | self._undated_candidates(m, WORDS_FULL) if m.day is not None \
                else self._undated_candidates(m)  # (a report in the same words, misplaced by one of them)
            near, day, events = m.window, m.day, self.events
            for eid in sorted(candidates):  # sorted: results must not depend on hash seeds
                event = events[eid]
                first = event.mentions[0]
                if day is not None and first.day is not None and abs((day - first.day).days) > \
                        max(near, first.window) and len(m.words & event.words) < WORDS_FULL // 2:
                    continue  # days apart: only a follow-up in the same words may join (``follows_up``)
                own = event.by_article.get(m.article_id)
                later = False
                if own:
                    toll = max((x.killed for x in event.mentions[:REPRESENTATIVES] if x.killed), default=None)
                    later = all(develops(m, x, toll) for x in own)
                    if not later and not all(restates(m, x) for x in own):
                        continue  # the event already holds a different incident from this report
                    reps = [x for x in event.mentions[:REPRESENTATIVES + len(own)]
                            if x.article_id != m.article_id][:REPRESENTATIVES]
                else:
                    reps = event.mentions[:REPRESENTATIVES]
                if reps:
                    score = _top_two_mean([pair_score(m, x) for x in reps])
                else:
                    score = RESTATED  # only this report's own account of the incident so far
                if later:
                    # the report told the incident, then what came of it days later (a toll, a
                    # reaction): its own sentences tie the two
                    score = max(score, fusion_settings()["develops_score"])
                if score > best_score:
                    best, best_score = event, score
        if best is None:
            best = Cluster(event_id(m))
            self.events[best.id] = best
        best.append(m)
        self.assignment[m.id] = best.id
        self._index(best, m)
        return best.id

    def merge_similar(self, changed: set[str] | None = None) -> int:
        """Merge events that turned out to be one: greedy assignment can found two events for
        one incident before the reports that join them arrive. Stricter than joining (MERGE);
        the larger event absorbs the smaller; a second call finds nothing more.

        With ``changed`` (the ids of events that gained mentions since the last pass), only
        pairs with a changed event are scored: two unchanged events were already compared by
        that pass. An event that absorbs another is added to ``changed``."""
        merged = 0
        for eid in sorted(self.events, key=lambda e: (-len(self.events[e].mentions), e)):
            event = self.events.get(eid)
            if event is None:
                continue
            if len(event.mentions) < 2:
                break  # the rest are single reports: two of them give too few pairs to merge on
            for other_id in sorted(self._neighbours(event)):
                other = self.events.get(other_id)
                if other is None or other_id == eid or len(other.mentions) > len(event.mentions):
                    continue
                if _report_pairs(event, other) < 2:
                    continue
                if changed is not None and eid not in changed and other_id not in changed:
                    continue
                if _event_score(event, other) > MERGE:
                    if changed is not None:
                        changed.add(eid)
                    for m in other.mentions:
                        event.append(m)
                        self.assignment[m.id] = eid
                        self._index(event, m)
                    del self.events[other_id]
                    merged += 1
        return merged

    def _neighbours(self, event: Cluster) -> set[str]:
        found: set[str] = set()
        for m in event.mentions[:REPRESENTATIVES]:
            if m.day is not None and not m.record.get("historical"):
                found |= self._candidates(m)
        return found


MERGE = 0.7


def _top_two_mean(scores: list[float]) -> float:
    """The mean of the two best scores (of the one, when there is one)."""
    if len(scores) == 1:
        return scores[0]
    first = second = -math.inf
    for x in scores:
        if x > first:
            first, second = x, first
        elif x > second:
            second = x
    return (first + second) / 2


def _report_pairs(a: Cluster, b: Cluster) -> int:
    """How many pairs of distinct reports two events' first mentions give: one report telling its
    incident in three sentences is one report, not three (``_event_score`` needs two pairs)."""
    reports_a = {m.article_id for m in a.mentions[:REPRESENTATIVES]}
    reports_b = {m.article_id for m in b.mentions[:REPRESENTATIVES]}
    return sum(1 for x in reports_a for y in reports_b if x != y)


def _event_score(a: Cluster, b: Cluster) -> float:
    """How well two events' first reports match (0 when one report would hold two incidents)."""
    if _report_pairs(a, b) < 2:
        return 0.0  # fewer than two pairs of reports to compare
    reps_a, reps_b = a.mentions[:REPRESENTATIVES], b.mentions[:REPRESENTATIVES]
    if not any(_days_within_reach(x, y) for x in reps_a for y in reps_b):
        return 0.0  # every pair of first reports days apart: ``pair_score`` would give each 0
    for x in a.mentions:
        for y in b.mentions:
            if x.article_id == y.article_id and not restates(x, y):
                return 0.0
    # each pair of reports counts once, by its best-matching mentions: the several sentences of
    # one report telling one incident are not several reports agreeing
    best: dict[tuple[str, str], float] = {}
    for x in reps_a:
        for y in reps_b:
            if x.article_id != y.article_id:
                pair = (x.article_id, y.article_id)
                score = pair_score(x, y)
                if score > best.get(pair, -math.inf):
                    best[pair] = score
    scores = sorted(best.values(), reverse=True)[:3]
    return sum(scores) / len(scores) if len(scores) >= 2 else 0.0


def _days_within_reach(a: MentionView, b: MentionView) -> bool:
    """``_pair_terms``' first test of two days: not further apart than a follow-up or either's window."""
    if a.day is None or b.day is None:
        return True
    gap = abs((a.day - b.day).days)
    return gap <= FOLLOW_UP_DAYS or gap <= a.window or gap <= b.window


def _order(m: MentionView) -> tuple:
    """Visit order: by day, then the best-supported reports first (they found events), then
    stable content keys, so that the result does not depend on storage ids."""
    killed = any(c["kind"] == "killed" and c["count"] for c in m.record["casualties"])
    return (m.day or date.max, not killed, -m.record.get("confidence", 0), m.article_id,
            (m.record.get("evidence") or {}).get("start", 0))


def siblings_of(mentions: Iterable[MentionView]) -> dict[str, list[MentionView]]:
    """Each report's mentions, by article id: where contradiction finding reads a report's other
    mentions (a denial told apart, an incident recalled in passing)."""
    out: dict[str, list[MentionView]] = defaultdict(list)
    for m in mentions:
        out[m.article_id].append(m)
    return out


def fuse(mentions: list[MentionView], fuser: Fuser | None = None, texts: dict[str, str] | None = None) -> Fuser:
    """``texts``: the reports' text by article id, read for contradictions (``account_contradictions``)."""
    fuser = fuser or Fuser()
    with without_cycle_collection():
        for m in sorted(mentions, key=_order):
            if m.id not in fuser.assignment:
                fuser.add(m)
        fuser.merge_similar()
        siblings = siblings_of(mentions)
        for event in fuser.events.values():
            # one report's event has nobody to disagree with (``find_contradictions``)
            event.contradictions = find_contradictions(event, siblings=siblings, texts=texts) \
                if len(event.mentions) > 1 else []
    return fuser


# -- contradictions -----------------------------------------------------------------------------

def find_contradictions(event: Cluster, tolerance: float | None = None,
                        siblings: dict[str, list[MentionView]] | None = None,
                        texts: dict[str, str] | None = None) -> list[Contradiction]:
    """The disagreements between an event's reports. ``siblings``: the other mentions of the
    event's reports (by article id), where a denial of the incident may have been told apart;
    ``texts``: the reports' text (by article id), read for what no mention tells (``accounts``)."""
    if len(event.outlets) < 2:
        return []
    out = _mention_contradictions(event, tolerance, siblings)
    if texts:
        out.extend(account_contradictions(event, texts, out, siblings))
    return out


def _mention_contradictions(event: Cluster, tolerance: float | None,
                            siblings: dict[str, list[MentionView]] | None) -> list[Contradiction]:
    out: list[Contradiction] = []
    recalled = _recalled_in(event, siblings) if siblings else set()
    for kind in ("killed", "injured"):
        out.extend(figure_contradictions(event, kind, tolerance, recalled=recalled))
    out.extend(denial_contradictions(event, siblings or {}))
    perpetrators: dict[str, set[str]] = defaultdict(set)
    named_in: dict[str, set[str]] = defaultdict(set)
    # who spoke, met or accused differs between reports without contradicting: only an act of
    # violence or coercion has a perpetrator to disagree about
    for m in event.mentions if event.type in ("ASSAULT", "COERCE") else []:
        if m.record["acled"].get("event_type") == "Battles":
            continue  # two-sided fighting has no perpetrator to disagree about
        a1 = m.record.get("actor1") or {}
        if not a1.get("name") or a1.get("basis", "text") != "text":
            continue  # an unnamed or inferred agent is nobody's claim
        if a1.get("kind") and a1["kind"] not in ARMED_KINDS:
            continue  # a ministry, monitor, outlet or crowd is not who carried out an attack
        side = _side(a1)
        if side in _tables()[2]:
            continue
        perpetrators[side].add(f"{m.outlet}: {a1['name']}")
        named_in[side].add(m.article_id)
    # a side named by one report only is as likely a misread as a claim: a fact-checker needs
    # each side told by two reports before two perpetrators are set against each other
    perpetrators = {s: v for s, v in perpetrators.items()
                    if len(named_in[s]) >= contradiction_settings()["perpetrator_reports"]}
    # a disagreement needs two sides that cannot both be true (allies acting together can)
    opposed = {s for s in perpetrators if any(not sides_compatible(s, t) for t in perpetrators)}
    if opposed:
        out.append(Contradiction("perpetrator", "different perpetrators named: " + "; ".join(
            f"{side} ({', '.join(sorted(v))})" for side, v in sorted(perpetrators.items()) if side in opposed),
            {side: sorted(v) for side, v in perpetrators.items() if side in opposed}))
    modes: dict[str, set[str]] = defaultdict(set)
    for m in event.mentions:
        if m.record.get("mode"):
            modes[m.record["mode"]].add(m.outlet or "?")
    # only means that cannot describe one act disagree (the reviewed table in data/fusion.yaml)
    clashing = {a for a in modes if any(not modes_compatible(a, b) for b in modes)}
    if clashing:
        out.append(Contradiction("type", "different kinds of attack: " + "; ".join(
            f"{mode} ({', '.join(sorted(o))})" for mode, o in sorted(modes.items()) if mode in clashing),
            {mode: sorted(o) for mode, o in modes.items() if mode in clashing}))
    return out


def _event_year(event: Cluster) -> int | None:
    when = event.date
    return int(when[:4]) if when and when[:4].isdigit() else None


def _ordinal(m: MentionView) -> int:
    tail = m.id.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def tells_its_incident(event: Cluster, article: str, siblings: dict[str, list[MentionView]] | None) -> bool:
    """Whether ``article``'s own incident is this event: the event holds the report's first
    current (not background) mention of the event's type. A report whose mention here is a
    background one (a timeline's earlier attack) tells another incident in its other sentences."""
    mine = [m for m in event.mentions if m.article_id == article and not m.record.get("historical")]
    if not mine:
        return False
    told = [m for m in (siblings or {}).get(article, ()) if m.type == event.type and not m.record.get("historical")]
    if not told:
        return True
    return min(told, key=_ordinal).id in {m.id for m in mine}


def account_contradictions(event: Cluster, texts: dict[str, str], found: list[Contradiction],
                           siblings: dict[str, list[MentionView]] | None = None) -> list[Contradiction]:
    """Disagreements told in the reports' own sentences (``sitrep.fuse.accounts``): agents of
    different classes (sarin vs chlorine), a side blamed for the act that cannot be the side the
    reports name as the attacker, and a claim that the attack failed against reports of its dead.
    Only reports whose own incident this event is are read (``tells_its_incident``)."""
    from sitrep.fuse import accounts

    if event.type not in ("ASSAULT", "COERCE"):
        return []
    year = _event_year(event)
    outlet_of = {m.article_id: m.outlet or "?" for m in event.mentions}
    articles = sorted(a for a in outlet_of if a in texts and tells_its_incident(event, a, siblings))
    out: list[Contradiction] = []

    # the agent: reports naming agents of one class only, set against each other
    by_article: dict[str, list] = {}
    for a in articles:
        told = accounts.agents(a, texts[a], year)
        if len({t.value for t in told}) == 1:
            by_article[a] = told
    classes = {t[0].value for t in by_article.values()}
    if len(classes) >= 2:
        sides: dict[str, set[str]] = defaultdict(set)
        positions = []
        for a, told in sorted(by_article.items()):
            sides[told[0].value].add(outlet_of[a])
            positions += [{"side": t.value, "value": t.value, "outlet": outlet_of[a], "article": a, "quote": t.quote}
                          for t in told]
        out.append(Contradiction("type", "different agents named: " + "; ".join(
            f"{cls} ({', '.join(sorted(o))})" for cls, o in sorted(sides.items())),
            {cls: sorted(o) for cls, o in sorted(sides.items())}, positions))

    # the perpetrator: a side blamed that cannot be (an ally of) the side the reports name
    attackers = {s for s in _attackers(event, armed=True) if s not in _tables()[2]}
    if attackers and event.type == "ASSAULT":
        counter: dict[str, list] = defaultdict(list)
        backing: list[dict] = []
        for a in articles:
            for t in accounts.blames(a, texts[a], year):
                if t.value in _tables()[2]:
                    continue
                if any(sides_compatible(t.value, x) for x in attackers):
                    backing.append({"value": t.value, "article": a, "quote": t.quote})
                else:
                    counter[t.value].append(t)
        named = {side for c in found if c.kind == "perpetrator" for side in c.sides}
        for side, told in sorted(counter.items()):
            if side in named:
                continue  # already set against the attacker by the reports' own mentions
            attacker = sorted(attackers)[0]
            positions = [{"side": attacker, "value": attacker, "outlet": m.outlet or "?", "article": m.article_id,
                          "quote": _quote(m)} for m in event.mentions
                         if (m.record.get("actor1") or {}).get("id") and m.record["actor1"].get("basis", "text") == "text"
                         and _side(m.record["actor1"]) in attackers]
            positions += [{"side": attacker, "value": b["value"], "outlet": outlet_of[b["article"]],
                           "article": b["article"], "quote": b["quote"]} for b in backing]
            positions += [{"side": side, "value": side, "outlet": outlet_of[t.article], "article": t.article,
                           "quote": t.quote} for t in told]
            sides_out = {attacker: sorted({p["outlet"] for p in positions if p["side"] == attacker}),
                         side: sorted({outlet_of[t.article] for t in told})}
            out.append(Contradiction("perpetrator", f"different perpetrators named: {attacker} "
                                     f"({', '.join(sides_out[attacker])}); {side}, blamed by "
                                     f"{', '.join(sides_out[side])}", sides_out, positions))

    # the result: "detonated before reaching its target" against reports of the attack's dead
    failed = [t for a in articles for t in accounts.failures(a, texts[a], year)]
    if failed and event.type == "ASSAULT":
        dead = [m for m in event.mentions if m.killed and _quote(m) and not any(t.quote in _quote(m) or _quote(m) in t.quote
                                                                               for t in failed)]
        if dead:
            label = "denied: the attack failed to reach its target"
            positions = [{"side": "asserted", "value": "asserted", "outlet": m.outlet or "?", "article": m.article_id,
                          "quote": _quote(m)} for m in dead]
            positions += [{"side": label, "value": label, "outlet": outlet_of[t.article], "article": t.article,
                           "quote": t.quote} for t in failed]
            outlets = sorted({outlet_of[t.article] for t in failed})
            out.append(Contradiction("denial", f"{label} (reported by {', '.join(outlets)})",
                                     {"asserted": sorted({m.outlet or "?" for m in dead}), label: outlets}, positions))
    return out


# Who a figure counts. Children, women and combatants are groups of their own (a figure of
# children is compared with children's only); civilians are part of all the dead ("58 people"),
# so the two are compared as a part and its whole (``figures_disagree``).
VICTIM_GROUPS = {"unknown": "all", "civilians": "civilians", "children": "children", "women": "women",
                 "military": "combatants", "fighters": "combatants"}
FAMILIES = {"civilians": "all"}  # groups told together in one disagreement
APPROX_TEXT = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "at_most": "at most "}


@dataclass
class Figure:
    """One figure as one report gives it: a position in a casualty disagreement."""

    value: int
    approx: str
    group: str
    outlet: str
    article: str
    source: str | None  # who the report says gives the figure, when it says
    day: str  # the report's publication day (or the incident day it states)
    update: bool  # the report says its toll was counted again
    quote: str
    vague: str = ""  # a size with no number ("dozens", "hundreds"): ``value`` is its least

    @property
    def text(self) -> str:
        return self.vague or APPROX_TEXT.get(self.approx, "") + str(self.value)

    @property
    def side(self) -> str:
        return self.vague or str(self.value)

    def position(self) -> dict[str, Any]:
        return {"side": self.side, "value": self.text, "outlet": self.outlet, "article": self.article,
                "quote": self.quote,
                "group": self.group, "source": self.source, "day": self.day}


def event_figures(event: Cluster, kind: str, recalled: set[str] | frozenset[str] = frozenset()) -> list[Figure]:
    """Every figure of ``kind`` the event's reports give, one per report, group and value.

    A part of a toll ("including 4 children") is not a toll of all the dead; a figure of
    children or women is kept (it is compared with the other reports' children or women).
    ``recalled``: the reports that recall the event in passing (``_recalled_in``) give no figure:
    "in early October bombers killed 15" in a report of a later attack is not a position taken on
    this incident's toll."""
    out: dict[tuple, Figure] = {}
    for m in event.mentions:
        if m.article_id in recalled:
            continue
        claim = m.record.get("claim") or {}
        # who gives the figure: the named source, else the words naming it ("a police source")
        # when the report attributes it; the outlet's own voice is no source
        claim_source = claim.get("source") or (claim.get("by") if claim.get("modality") in ("reported", "claimed")
                                               and claim.get("by") != m.outlet else None)
        # when the figure was given: the report's day (a toll counted again comes out later)
        day = (m.published or "")[:10] or (m.record.get("date") or {}).get("value") or ""
        for c in [*m.record["casualties"], *m.record.get("other_tolls", [])]:
            if c["kind"] != kind:
                continue
            vague = "" if c["count"] else _vague_size((c.get("evidence") or {}).get("text") or "")
            if not c["count"] and not vague:
                continue
            group = VICTIM_GROUPS.get(c.get("category") or "unknown", "all")
            if c["subset"] and group in ("all", "combatants"):
                continue
            own = c.get("claim") or {}
            source = own.get("source") or own.get("by") or claim_source  # the figure's own giver first
            value = c["count"] or VAGUE_SIZES[vague][0]
            key = (m.article_id, group, value, vague)
            if key not in out:
                quote = (c.get("evidence") or {}).get("text") or ""
                out[key] = Figure(value, c.get("approx") or "exact", group, m.outlet or "?", m.article_id,
                                  source, day, m.update, quote, vague)
    return sorted(out.values(), key=lambda f: (f.group, f.value, f.outlet, f.article))


def _recalled_in(event: Cluster, siblings: dict[str, list[MentionView]]) -> set[str]:
    """The reports that recall the event in passing: their own incident is another event and
    they came out more than ``FOLLOW_UP_DAYS`` after this one's day (a report of the same days
    whose lead fusion put elsewhere still tells this incident)."""
    when = event.date
    try:
        day = date.fromisoformat(when) if when and len(when) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return set()
    out = set()
    first: dict[str, MentionView] = {}
    for m in event.mentions:
        first.setdefault(m.article_id, m)
    for article, mine in first.items():
        published = (mine.published or "")[:10]
        try:
            late = bool(published) and (date.fromisoformat(published) - day).days > FOLLOW_UP_DAYS
        except ValueError:
            late = False
        if late and not tells_its_incident(event, article, siblings):
            out.add(article)
    return out


# Sizes told without a number, as the least and most they can mean. Two of them disagree only
# when they cannot overlap ("hundreds wounded" vs "dozens wounded"); a size is never set against
# a number (which of "dozens" a count of 30 or 120 falls in is a reader's call).
VAGUE_SIZES = {"dozens": (24, 199), "scores": (40, 199), "hundreds": (200, 1999), "thousands": (2000, 10**9)}
_VAGUE_SIZE = re.compile(r"\b(" + "|".join(VAGUE_SIZES) + r")\b", re.I)


def _vague_size(text: str) -> str:
    m = _VAGUE_SIZE.search(text)
    return m.group(1).lower() if m and not re.search(r"\bof\s+thousands\b", text, re.I) else ""


@lru_cache(maxsize=1)
def contradiction_settings() -> dict[str, float]:
    """The reviewed thresholds of ``data/fusion.yaml``'s ``contradictions`` section."""
    from sitrep.resolve.datafiles import load_yaml

    return dict(load_yaml("fusion.yaml")["contradictions"])


@lru_cache(maxsize=1)
def fusion_settings() -> dict[str, float]:
    """The reviewed scores of ``data/fusion.yaml``'s ``fusion`` section."""
    from sitrep.resolve.datafiles import load_yaml

    return dict(load_yaml("fusion.yaml")["fusion"])


def figures_disagree(a: Figure, b: Figure, tolerance: float | None = None) -> bool:
    """Two figures of one group that cannot both be the count at one time: beyond rounding
    (more than one apart and more than ``tolerance`` of the larger; a lower bound, "at least
    44", may sit further from a count) but not so far apart that one is more likely another
    incident's or a whole's figure (``far_apart``)."""
    if FAMILIES.get(a.group, a.group) != FAMILIES.get(b.group, b.group):
        return False
    if a.vague or b.vague:
        if not (a.vague and b.vague) or a.group != b.group:
            return False
        lo, hi = (a, b) if VAGUE_SIZES[a.vague][0] <= VAGUE_SIZES[b.vague][0] else (b, a)
        return VAGUE_SIZES[lo.vague][1] < VAGUE_SIZES[hi.vague][0]
    settings = contradiction_settings()
    tolerance = settings["figure_tolerance"] if tolerance is None else tolerance
    lo, hi = (a, b) if a.value <= b.value else (b, a)
    if a.group != b.group and hi.group == "all":
        return False  # 5 civilians among 9 dead: a part within its whole
    floor = lo.approx in ("at_least", "more_than")
    if floor and _round(lo.value, settings["round_floor"]) and hi.value < 2 * lo.value:
        return False  # "over 100" and 140: a round floor is an order of magnitude, which 140 fits
    room = tolerance * settings["lower_bound_room"] if floor else tolerance
    return hi.value - lo.value > 1 and (hi.value - lo.value) / hi.value > room \
        and hi.value < lo.value * settings["far_apart"]


def _round(value: int, least: float) -> bool:
    """Whether ``value`` is at least ``least`` and has one significant digit (100, 2000)."""
    return value >= least and len(str(value).rstrip("0")) == 1


def is_update(a: Figure, b: Figure) -> bool:
    """Whether two differing figures are one toll counted again rather than a disagreement: one
    source's own figures; the larger says it was counted again, or comes from a later report and
    the two are not given by two different named sources; within one report, figures not given
    by two different named sources."""
    lo, hi = (a, b) if a.value <= b.value else (b, a)
    if a.source and b.source and a.source == b.source:
        return True  # one source's own count, raised
    named_apart = bool(a.source and b.source)  # two different, named sources
    if a.article == b.article:
        return not named_apart
    # a later, larger count is the toll counted again, unless the two figures come from two
    # different named sources (the opposition's 80 is not the monitor's 58 counted again)
    return hi.update or (bool(hi.day) and bool(lo.day) and hi.day > lo.day and not named_apart)


def figure_contradictions(event: Cluster, kind: str, tolerance: float | None = None,
                          recalled: set[str] | frozenset[str] = frozenset()) -> list[Contradiction]:
    """Casualty disagreements of one kind: per victim group, the figures of comparable times that
    cannot both be true; a toll that grows over later reports is listed as an update instead."""
    out: list[Contradiction] = []
    figures = event_figures(event, kind, recalled)
    for group in sorted({FAMILIES.get(f.group, f.group) for f in figures}):
        mine = [f for f in figures if FAMILIES.get(f.group, f.group) == group]
        clashing: set[int] = set()
        rising: set[int] = set()
        for i, a in enumerate(mine):
            for j in range(i + 1, len(mine)):
                b = mine[j]
                if a.outlet == b.outlet and a.article != b.article and not (a.source and b.source and a.source != b.source):
                    if figures_disagree(a, b, tolerance):
                        rising |= {i, j}  # one outlet's own reports: its later count
                    continue
                if not figures_disagree(a, b, tolerance):
                    continue
                (rising if is_update(a, b) else clashing).update((i, j))
        label = kind if group == "all" else f"{kind} ({group})"
        for kind_out, chosen in (("casualties", clashing), ("toll_update", rising - clashing)):
            if kind_out == "toll_update" and (clashing or not rising):
                continue
            if kind_out == "casualties" and not clashing:
                continue
            picked = [mine[i] for i in sorted(chosen)]
            if kind_out == "toll_update":
                picked = sorted(picked, key=lambda f: (f.day, f.value))
            sides: dict[str, list[str]] = defaultdict(list)
            size = {f.side: f.value for f in picked}
            for f in picked:
                if f.outlet not in sides[f.side]:
                    sides[f.side].append(f.outlet)
            if len(sides) < 2:
                continue
            text = " vs ".join(f"{n} ({', '.join(sorted(o))})" for n, o in sorted(sides.items(), key=lambda x: size[x[0]]))
            if kind_out == "toll_update":
                text = " → ".join(f"{f.text} ({f.outlet}, {f.day or '?'})" for f in picked)
                summary = f"{label} rose over later reports: {text}"
            else:
                summary = f"{label}: {text}"
            out.append(Contradiction(kind_out, summary, {k: sorted(v) for k, v in sides.items()},
                                     [f.position() for f in picked]))
    return out


def _quote(m: MentionView) -> str:
    return (m.record.get("evidence") or {}).get("text") or ""


def linked_denials(event: Cluster, siblings: dict[str, list[MentionView]]) -> list[MentionView]:
    """Denials a report of the event tells as a statement of their own ("The army denied using
    chemical weapons"): a rejection in the same report, told on the incident's day or in the week
    after, placed nowhere else, by the side the reports name as the attacker (or its ally)."""
    if event.type not in ("ASSAULT", "COERCE"):
        return []
    days = [m.day for m in event.mentions if m.day is not None and m.precision == "day"]
    first = min(days) if days else None
    attackers = _attackers(event)
    inside = {m.id for m in event.mentions}
    found = []
    for article in sorted(event.by_article):
        for s in siblings.get(article, ()):
            if s.id in inside or (s.type != "REJECT" and s.record["claim"].get("modality") != "denied"):
                continue
            if s.day is not None and first is not None and not 0 <= (s.day - first).days <= DENIAL_DAYS:
                continue
            loc = s.record.get("location")
            if loc and event.mentions[0].place_key and _place_key_score(s.place_key, event.mentions[0].place_key) < 0.35:
                continue  # a rejection about another place
            who = s.record.get("actor1") or {}
            if not who.get("id") or not any(sides_compatible(_side(who), a) for a in attackers):
                continue  # only the side accused of the act can deny it
            found.append(s)
    return found


DENIAL_DAYS = 7


def _attackers(event: Cluster, armed: bool = False) -> set[str]:
    """The sides the event's reports name as the attacker (by two reports, when any side is);
    ``armed``: only actors of a kind that carries out attacks."""
    named: dict[str, set[str]] = defaultdict(set)
    for m in event.mentions:
        if (m.record.get("actor1") or {}).get("id") and m.record["actor1"].get("basis", "text") == "text":
            if armed and m.record["actor1"].get("kind") and m.record["actor1"]["kind"] not in ARMED_KINDS:
                continue
            named[_side(m.record["actor1"])].add(m.article_id)
    enough = {side for side, articles in named.items() if len(articles) >= contradiction_settings()["perpetrator_reports"]}
    return enough or set(named)


def _may_deny(name: str | None, attackers: set[str]) -> bool:
    """Whether the actor named ``name`` (a canonical name) is on a side named as the attacker (or
    an ally of it): one party's denial of another's act is no denial. Unknown names are kept."""
    from sitrep.resolve.actors import actor_dictionary

    entry = actor_dictionary().by_name(name)
    if entry is None or not attackers:
        return True
    side = _side({"id": entry.id, "name": entry.name})
    return any(sides_compatible(side, a) for a in attackers)


def denial_contradictions(event: Cluster, siblings: dict[str, list[MentionView]]) -> list[Contradiction]:
    """A party denies what the other reports assert: the act, its responsibility, or its result."""
    denials: dict[str, list[MentionView]] = defaultdict(list)
    attackers = _attackers(event)
    for m in event.mentions:
        for d in m.record.get("denials", []):
            if _may_deny(d.get("source"), attackers):
                denials[d.get("source") or d.get("by") or "?"].append(m)
        if m.record["claim"]["modality"] == "denied" and _may_deny(m.record["claim"].get("source"), attackers):
            denials[m.record["claim"].get("source") or m.record["claim"].get("by") or "?"].append(m)
    for s in linked_denials(event, siblings):
        who = s.record["claim"].get("source") or (s.record.get("actor1") or {}).get("name") or "?"
        denials[_side(s.record["actor1"]) if s.record.get("actor1") else who].append(s)
    if not denials:
        return []
    asserting = [m for m in event.mentions if m.record["claim"]["modality"] in ("asserted", "reported", "claimed")]
    out = []
    for who, told in sorted(denials.items()):
        label = f"denied by {who}"
        positions = [{"side": "asserted", "value": "asserted", "outlet": m.outlet or "?", "article": m.article_id,
                      "quote": _quote(m)} for m in asserting]
        positions += [{"side": label, "value": label, "outlet": m.outlet or "?", "article": m.article_id,
                       "quote": _quote(m)} for m in told]
        outlets = sorted({m.outlet or "?" for m in told})
        out.append(Contradiction("denial", f"{label} (reported by {', '.join(outlets)})",
                                 {"asserted": sorted({m.outlet or "?" for m in asserting}), label: outlets},
                                 positions))
    return out


# Kinds of actor (data/actors.yaml) that can carry out an attack.
ARMED_KINDS = frozenset({"state military", "armed group", "coalition", "government", "head of state", "police"})


def _side(actor: dict) -> str:
    """Group actors that are one side (a ministry and its army) so that only real disagreement shows."""
    from sitrep.resolve.actors import actor_dictionary

    if not actor.get("id"):
        return actor.get("label") or "?"
    dictionary = actor_dictionary()
    try:
        root = dictionary.root(actor["id"])
    except KeyError:
        return actor.get("name") or "?"
    return root.name


# -- store integration ----------------------------------------------------------------------------

@dataclass
class FusionReport:
    mentions: int = 0  # newly fused
    events_written: int = 0  # events created or rewritten
    events_deleted: int = 0  # merged into another, or left without mentions
    events_loaded: int = 0  # stored events read as candidates
    seconds: float = 0.0


def _views(rows: list[dict]) -> list[MentionView]:
    return [view(r["id"], r["article_id"], r["outlet"], r["published"], json.loads(r["record"]), r.get("lead") or "")
            for r in rows]


def _reads_texts(event: Cluster) -> bool:
    """Whether contradictions read the event's report texts: an attack told by two outlets."""
    return event.type in ("ASSAULT", "COERCE") and len(event.outlets) >= 2


def _texts(store, article_ids: set[str]) -> dict[str, str]:  # noqa: ANN001 - a sitrep.store.base.Store
    """Title and text of each article (``find_contradictions`` reads them)."""
    out: dict[str, str] = {}
    ids = sorted(article_ids)
    if hasattr(store, "_all"):  # the SQL stores: one query per chunk, the text only
        from sitrep.store.common import chunks

        for part in chunks(ids):
            marks = ",".join("?" * len(part))
            for row in store._all(f"SELECT id, title, text FROM articles WHERE id IN ({marks})", part):
                out[row["id"]] = f"{row['title'] or ''}.\n{row['text'] or ''}"
        return out
    for a in ids:
        row = store.article(a)
        if row and row.get("id") == a:
            out[a] = f"{row.get('title') or ''}.\n{row.get('text') or ''}"
    return out


def fuse_store(store) -> FusionReport:  # noqa: ANN001 - a sitrep.store.base.Store
    """Fuse the mentions not yet in an event into the stored events, in one transaction.

    New mentions fetch their candidate events through the stored blocking keys; those events
    (and their neighbours, which the merge pass compares them with) are loaded, the new
    mentions join or found events as in ``fuse``, and only the events that changed are
    rewritten. Killed midway, nothing is written; running it again finishes the job.
    """
    start = time.perf_counter()
    report = FusionReport()
    with store.fusion() as session:
        batch = session.batch()
        new = _views(batch.mentions)
        if not new and not batch.dirty_events:
            return report
        fuser = Fuser()
        seeds = {key_text(k) for m in new if not m.record.get("historical") for k in candidate_keys(m)}
        wanted = session.events_for_keys(seeds) | set(batch.dirty_events)
        members = session.members(wanted)
        for eid in sorted(members):
            for m in _views(members[eid]):
                fuser.place(m, eid)
        before = {eid: [m.id for m in e.mentions] for eid, e in fuser.events.items()}
        with without_cycle_collection():
            for m in sorted(new, key=_order):  # as ``fuse`` does, with the merge pass limited below
                if m.id not in fuser.assignment:
                    fuser.add(m)
        changed = {eid for eid, e in fuser.events.items()
                   if before.get(eid) != [m.id for m in e.mentions]} | set(batch.dirty_events)
        # the merge pass compares a changed event with its neighbours: load those too
        ring = {k for eid in changed if eid in fuser.events for m in fuser.events[eid].mentions[:REPRESENTATIVES]
                if m.day is not None and not m.record.get("historical") for k in map(key_text, candidate_keys(m))}
        more = session.members(session.events_for_keys(ring) - set(members) - set(fuser.events))
        for eid in sorted(more):
            for m in _views(more[eid]):
                fuser.place(m, eid)
            before[eid] = [m.id for m in fuser.events[eid].mentions]
        fuser.merge_similar(changed)
        touched = [e for eid, e in sorted(fuser.events.items())
                   if before.get(eid) != [m.id for m in e.mentions] or eid in changed]
        # the other mentions of the touched events' reports, where a denial may be told apart
        siblings = siblings_of(new)
        missing = {a for e in touched for a in e.by_article} - set(siblings)
        for row in session.article_mentions(sorted(missing)) if missing else ():
            siblings[row["article_id"]].extend(_views([row]))
        texts = _texts(store, {a for e in touched if _reads_texts(e) for a in e.by_article})
        for event in touched:
            event.contradictions = find_contradictions(event, siblings=siblings, texts=texts)
        deleted = (set(before) | set(batch.dirty_events)) - set(fuser.events)
        session.write([(e.to_event(), e.block_keys()) for e in touched], deleted, [m.id for m in new])
        report = FusionReport(len(new), len(touched), len(deleted), len(members) + len(more))
    report.seconds = round(time.perf_counter() - start, 3)
    return report
