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
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sitrep.model import PRECISION_RANK, Contradiction, Event
from sitrep.resolve.gazetteer import km

THRESHOLD = 0.55
_WORD = re.compile(r"[a-z]{4,}")
_STOP = {"said", "that", "with", "from", "have", "were", "which", "they", "their", "this", "there",
         "been", "after", "also", "while", "into", "than", "more", "other", "would", "about"}


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
    words: set[str]
    basis: str = "text"
    victims: frozenset[str] = frozenset()  # "civilian" and/or "combatant": who the named dead were

    @property
    def type(self) -> str:
        return self.record["type"]


@dataclass
class Cluster:
    """An event while fusion builds it: the mentions joined so far. ``to_event`` gives the record."""

    id: str
    mentions: list[MentionView] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)

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
        return {key for m in self.mentions for key in index_keys(m)}


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


def _disagree(values: list[int], tolerance: float) -> bool:
    """Figures that differ by more than one and by more than ``tolerance`` of the largest."""
    lo, hi = min(values), max(values)
    return hi - lo > 1 and (hi - lo) / hi > tolerance


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
    return abs(gap) <= max(_window(a.precision, a.basis), _window(b.precision, b.basis))


def view(mention_id: str, article_id: str, outlet: str | None, published: str | None, record: dict) -> MentionView:
    day, precision = _day(record)
    text = (record.get("evidence") or {}).get("text", "").lower()
    words = {w for w in _WORD.findall(text) if w not in _STOP}
    basis = (record.get("date") or {}).get("basis", "text")
    return MentionView(mention_id, article_id, outlet, published, record, day, precision, words, basis,
                       _victim_kinds(record))


def _place_score(a: dict | None, b: dict | None) -> float:
    if not a or not b:
        return 0.3
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return 0.0
    if a["name"] == b["name"]:
        return 1.0
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
    x, y = largest_figure(a.record, "killed"), largest_figure(b.record, "killed")
    if not x or not y:
        return 0.0
    ratio = min(x, y) / max(x, y)
    return 1.0 if ratio >= 0.99 else 0.6 if ratio >= 0.6 else 0.2 if ratio >= 0.3 else -0.3


def pair_score(a: MentionView, b: MentionView) -> float:
    """How likely two mentions report one event, in [0, 1]-ish; 0 when they cannot."""
    if a.type != b.type or a.article_id == b.article_id:
        return 0.0
    if a.day is None or b.day is None:
        return 0.0
    if not days_compatible(a, b):
        return 0.0
    gap = abs((a.day - b.day).days)
    place = _place_score(a.record.get("location"), b.record.get("location"))
    if place == 0.0:
        return 0.0
    date_score = 1.0 if gap == 0 else 0.4 if gap == 1 and a.basis == b.basis == "text" else 0.7 if gap == 1 else 0.4
    mode_a, mode_b = a.record.get("mode"), b.record.get("mode")
    mode = 0.15 if mode_a and mode_a == mode_b else 0.0 if not (mode_a and mode_b) or modes_compatible(mode_a, mode_b) \
        else -0.1
    words = len(a.words & b.words) / max(1, min(len(a.words), len(b.words)))
    actors = 0.0
    for role in ("actor1", "actor2"):
        x, y = a.record.get(role) or {}, b.record.get(role) or {}
        if not (x.get("id") and y.get("id")):
            continue
        if x["id"] == y["id"]:
            actors += 0.05
        elif _side(x) != _side(y) and {x.get("basis", "text"), y.get("basis", "text")} == {"text"}:
            # attackers (or targets) named from different sides: one event disputed, or two
            # events; only strong agreement elsewhere fuses them (a dispute is then listed)
            actors -= 0.1
    # the dead named as civilians in one report and as soldiers or fighters in the other
    victims = -0.1 if a.victims and b.victims and not (a.victims & b.victims) else 0.0
    return 0.3 * date_score + 0.35 * place + 0.15 * _figure_score(a, b) + 0.2 * words + mode + actors + victims


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
_COMPATIBLE_MODES = {frozenset(p) for p in (("unconventional", "aerial"), ("unconventional", "heavy-weapons"),
                                            ("unconventional", "explosives"), ("explosives", "suicide-attack"),
                                            ("aerial", "drone"))}


def modes_compatible(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in _COMPATIBLE_MODES


def restates(a: MentionView, b: MentionView) -> bool:
    """Whether two mentions of one report tell the same incident: same type, kind of attack and
    day, and places that agree (the same place, or one is the other's governorate or country)."""
    if a.type != b.type or a.day is None or a.day != b.day:
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


def event_id(first: MentionView) -> str:
    return hashlib.sha1(first.id.encode()).hexdigest()[:12]


REPRESENTATIVES = 4  # a new mention is compared with an event's first few mentions only


CELL = 0.5  # degrees (about 55 km): grid cells let neighbouring governorates' places meet


def _area(m: MentionView) -> tuple[str | None, str | None, tuple[int, int] | None]:
    loc = m.record.get("location") or {}
    if loc.get("precision") == "country":
        return loc.get("country"), None, None
    cell = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        cell = (math.floor(loc["lat"] / CELL), math.floor(loc["lon"] / CELL))
    return loc.get("country"), loc.get("admin1"), cell


def index_keys(m: MentionView) -> list[str]:
    """The blocking keys an event holding ``m`` is filed under.

    Blocks: (type, day, country, admin1) for mentions placed within an admin1 area, grid cells
    of about 55 km (so that Eastern Ghouta, in Rif Dimashq, meets Damascus), and (type, day,
    country) for every mention, which a coarsely placed mention ("in Syria") searches; each
    day of the mention's date window. Keys are strings so that a store can index them.
    """
    if m.day is None:
        return []
    country, admin1, cell = _area(m)
    span = _window(m.precision, m.basis)
    keys = []
    for d in range(-span, span + 1, 1 if span <= 3 else 5):
        day = (m.day + timedelta(days=d)).toordinal()
        keys.append(f"c|{m.type}|{day}|{country}")
        if admin1:
            keys.append(f"a|{m.type}|{day}|{country}|{admin1}")
        if cell:
            keys.append(f"g|{m.type}|{day}|{country}|{cell[0]},{cell[1]}")
        if not (admin1 or cell):
            keys.append(f"u|{m.type}|{day}|{country}")
    return keys


def candidate_keys(m: MentionView) -> list[str]:
    """The blocking keys a new mention searches for candidate events."""
    if m.day is None:
        return []
    country, admin1, cell = _area(m)
    day = m.day.toordinal()
    if not (admin1 or cell):
        return [f"c|{m.type}|{day}|{country}"]
    keys = [f"u|{m.type}|{day}|{country}"]
    if admin1:
        keys.append(f"a|{m.type}|{day}|{country}|{admin1}")
    if cell:
        keys += [f"g|{m.type}|{day}|{country}|{cell[0] + dy},{cell[1] + dx}" for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    return keys


class Fuser:
    """Holds events and block indexes (``index_keys``); add mentions one at a time."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.events: dict[str, Cluster] = {}
        self.blocks: dict[str, set[str]] = defaultdict(set)
        self.assignment: dict[str, str] = {}

    def _index(self, event: Cluster, m: MentionView) -> None:
        for key in index_keys(m):
            self.blocks[key].add(event.id)

    def _candidates(self, m: MentionView) -> set[str]:
        found: set[str] = set()
        for key in candidate_keys(m):
            found |= self.blocks.get(key, set())
        return found

    def place(self, m: MentionView, event_id_: str) -> None:
        """Restore a stored assignment."""
        event = self.events.setdefault(event_id_, Cluster(event_id_))
        event.mentions.append(m)
        self.assignment[m.id] = event_id_
        self._index(event, m)

    def add(self, m: MentionView) -> str:
        best, best_score = None, self.threshold
        if m.day is not None and not m.record.get("historical"):
            for eid in sorted(self._candidates(m)):  # sorted: results must not depend on hash seeds
                event = self.events[eid]
                own = [x for x in event.mentions if x.article_id == m.article_id]
                if own and not all(restates(m, x) for x in own):
                    continue  # the event already holds a different incident from this report
                reps = [x for x in event.mentions if x.article_id != m.article_id][:REPRESENTATIVES]
                if reps:
                    score = sum(sorted((pair_score(m, x) for x in reps), reverse=True)[:2]) / min(2, len(reps))
                else:
                    score = RESTATED  # only this report's own account of the incident so far
                if score > best_score:
                    best, best_score = event, score
        if best is None:
            best = Cluster(event_id(m))
            self.events[best.id] = best
        best.mentions.append(m)
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
            for other_id in sorted(self._neighbours(event)):
                other = self.events.get(other_id)
                if other is None or other_id == eid or len(other.mentions) > len(event.mentions):
                    continue
                if changed is not None and eid not in changed and other_id not in changed:
                    continue
                if _event_score(event, other) > MERGE:
                    if changed is not None:
                        changed.add(eid)
                    for m in other.mentions:
                        event.mentions.append(m)
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


def _event_score(a: Cluster, b: Cluster) -> float:
    """How well two events' first reports match (0 when one report would hold two incidents)."""
    for x in a.mentions:
        for y in b.mentions:
            if x.article_id == y.article_id and not restates(x, y):
                return 0.0
    scores = sorted((pair_score(x, y) for x in a.mentions[:REPRESENTATIVES] for y in b.mentions[:REPRESENTATIVES]
                     if x.article_id != y.article_id), reverse=True)
    return sum(scores[:3]) / 3 if len(scores) >= 3 else 0.0


def _order(m: MentionView) -> tuple:
    """Visit order: by day, then the best-supported reports first (they found events), then
    stable content keys, so that the result does not depend on storage ids."""
    killed = any(c["kind"] == "killed" and c["count"] for c in m.record["casualties"])
    return (m.day or date.max, not killed, -m.record.get("confidence", 0), m.article_id,
            (m.record.get("evidence") or {}).get("start", 0))


def fuse(mentions: list[MentionView], fuser: Fuser | None = None) -> Fuser:
    fuser = fuser or Fuser()
    for m in sorted(mentions, key=_order):
        if m.id not in fuser.assignment:
            fuser.add(m)
    fuser.merge_similar()
    for event in fuser.events.values():
        event.contradictions = find_contradictions(event)
    return fuser


# -- contradictions -----------------------------------------------------------------------------

def find_contradictions(event: Cluster, tolerance: float = 0.1) -> list[Contradiction]:
    if len(event.outlets) < 2:
        return []
    out: list[Contradiction] = []
    for kind in ("killed", "injured"):
        figures = event.figures(kind)
        if figures and _disagree(list(figures.values()), tolerance):
            sides: dict[str, list[str]] = defaultdict(list)
            for outlet, n in sorted(figures.items()):
                sides[str(n)].append(outlet)
            text = " vs ".join(f"{n} ({', '.join(o)})" for n, o in sorted(sides.items(), key=lambda x: int(x[0])))
            if _rising_toll(event, kind, tolerance):
                # later reports give higher tolls and no two reports of one day disagree
                out.append(Contradiction("toll_update", f"{kind} rose over later reports: {text}", dict(sides)))
            else:
                out.append(Contradiction("casualties", f"{kind}: {text}", dict(sides)))
    denials: dict[str, list[str]] = defaultdict(list)
    for m in event.mentions:
        for d in m.record.get("denials", []):
            denials[d.get("source") or d.get("by") or "?"].append(m.outlet or "?")
        if m.record["claim"]["modality"] == "denied":
            who = m.record["claim"].get("source") or m.record["claim"].get("by") or "?"
            denials[who].append(m.outlet or "?")
    if denials:
        asserting = sorted({m.outlet or "?" for m in event.mentions
                            if m.record["claim"]["modality"] in ("asserted", "reported", "claimed")})
        for who, outlets in denials.items():
            out.append(Contradiction("denial", f"denied by {who} (reported by {', '.join(sorted(set(outlets)))})",
                                     {"asserted": asserting, f"denied by {who}": sorted(set(outlets))}))
    perpetrators: dict[str, set[str]] = defaultdict(set)
    # who spoke, met or accused differs between reports without contradicting: only an act of
    # violence or coercion has a perpetrator to disagree about
    for m in event.mentions if event.type in ("ASSAULT", "COERCE") else []:
        if m.record["acled"].get("event_type") == "Battles":
            continue  # two-sided fighting has no perpetrator to disagree about
        a1 = m.record.get("actor1") or {}
        key = a1.get("name") or (f"“{a1['label']}”" if a1.get("label") else None)
        if key:
            perpetrators[_side(a1)].add(f"{m.outlet}: {key}")
    if len(perpetrators) > 1:
        out.append(Contradiction("perpetrator", "different perpetrators named: " + "; ".join(
            f"{side} ({', '.join(sorted(v))})" for side, v in sorted(perpetrators.items())),
            {side: sorted(v) for side, v in perpetrators.items()}))
    modes: dict[str, set[str]] = defaultdict(set)
    for m in event.mentions:
        if m.record.get("mode"):
            modes[m.record["mode"]].add(m.outlet or "?")
    if len(modes) > 1:
        out.append(Contradiction("type", "different kinds of attack: " + "; ".join(
            f"{mode} ({', '.join(sorted(o))})" for mode, o in sorted(modes.items())),
            {mode: sorted(o) for mode, o in modes.items()}))
    return out


def _rising_toll(event: Cluster, kind: str, tolerance: float) -> bool:
    """Whether an event's differing figures are a toll updated over days, not a disagreement."""
    by_day: dict[str, list[int]] = defaultdict(list)
    for m in event.mentions:
        value = largest_figure(m.record, kind)
        if value is not None and m.published:
            by_day[m.published].append(value)
    if len(by_day) < 2:
        return False
    if any(_disagree(values, tolerance) for values in by_day.values()):
        return False  # reports of the same day disagree
    days = sorted(by_day)
    peaks = [max(by_day[d]) for d in days]
    return all(b >= a for a, b in zip(peaks, peaks[1:], strict=False))


def _side(actor: dict) -> str:
    """Group actors that are one side (a ministry and its army) so that only real disagreement shows."""
    from sitrep.resolve.actors import actor_dictionary

    if not actor.get("id"):
        return actor.get("label") or "?"
    dictionary = actor_dictionary()
    if actor["id"] not in dictionary.actors:
        _class_actor(actor["id"])
    try:
        root = dictionary.root(actor["id"])
    except KeyError:
        return actor.get("name") or "?"
    return root.name


def _class_actor(actor_id: str) -> None:
    """Enter a generic class actor ("MILITARY_LB") in this process's dictionary, as extraction
    does when it meets one: fusion in a process that extracted nothing (the driver of worker
    processes or of a Dask cluster) must group the sides as one that extracted everything."""
    from sitrep.resolve.actors import actor_classes, class_entry

    key, _, country = actor_id.rpartition("_")
    key = key.lower().replace("_", " ")
    if len(country) == 2 and key in actor_classes():
        class_entry(key, country)


# -- store integration ----------------------------------------------------------------------------

@dataclass
class FusionReport:
    mentions: int = 0  # newly fused
    events_written: int = 0  # events created or rewritten
    events_deleted: int = 0  # merged into another, or left without mentions
    events_loaded: int = 0  # stored events read as candidates
    seconds: float = 0.0


def _views(rows: list[dict]) -> list[MentionView]:
    return [view(r["id"], r["article_id"], r["outlet"], r["published"], json.loads(r["record"])) for r in rows]


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
        seeds = {k for m in new if not m.record.get("historical") for k in candidate_keys(m)}
        wanted = session.events_for_keys(seeds) | set(batch.dirty_events)
        members = session.members(wanted)
        for eid in sorted(members):
            for m in _views(members[eid]):
                fuser.place(m, eid)
        before = {eid: [m.id for m in e.mentions] for eid, e in fuser.events.items()}
        for m in sorted(new, key=_order):  # as ``fuse`` does, with the merge pass limited below
            if m.id not in fuser.assignment:
                fuser.add(m)
        changed = {eid for eid, e in fuser.events.items()
                   if before.get(eid) != [m.id for m in e.mentions]} | set(batch.dirty_events)
        # the merge pass compares a changed event with its neighbours: load those too
        ring = {k for eid in changed if eid in fuser.events for m in fuser.events[eid].mentions[:REPRESENTATIVES]
                if m.day is not None and not m.record.get("historical") for k in candidate_keys(m)}
        more = session.members(session.events_for_keys(ring) - set(members) - set(fuser.events))
        for eid in sorted(more):
            for m in _views(more[eid]):
                fuser.place(m, eid)
            before[eid] = [m.id for m in fuser.events[eid].mentions]
        fuser.merge_similar(changed)
        touched = [e for eid, e in sorted(fuser.events.items())
                   if before.get(eid) != [m.id for m in e.mentions] or eid in changed]
        for event in touched:
            event.contradictions = find_contradictions(event)
        deleted = (set(before) | set(batch.dirty_events)) - set(fuser.events)
        session.write([(e.to_event(), e.block_keys()) for e in touched], deleted, [m.id for m in new])
        report = FusionReport(len(new), len(touched), len(deleted), len(members) + len(more))
    report.seconds = round(time.perf_counter() - start, 3)
    return report
