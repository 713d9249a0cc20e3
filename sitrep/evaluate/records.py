"""Record-level scoring: every record sitrep emits against hand-coded gold events.

Implements the "Scoring" and "Fields" sections of the gold's ``PROTOCOL.md`` (see
``../shared/data/records``). In short: a record matches a gold event when its evidence overlaps one
of the event's evidence quotes and the types agree (exactly or by family); each gold event is matched
once, further records on it are duplicates. Precision counts every record not marked historical;
recall counts gold events. Fields are scored over matched pairs.

Where the protocol leaves a choice open, this module decides as follows (chosen to agree with the
reference scorer ``../shared/tools/score_records.py`` so that figures can be compared):

* A quote is found by exact search in the title and the text (every occurrence, since FA-KES texts
  repeat the headline), else by a search that ignores case, runs of whitespace and the style of quote
  marks. A record's spans are its own evidence plus that of its casualties, its claim and its
  denials; actor, place and date evidence is left out, because those often come from the headline or
  the dateline and would tie unrelated records to the headline's event.
* Overlap is counted in characters of the record's own evidence inside any occurrence of the
  event's quotes (the record's own sentence says which event it is about; its casualty or claim
  evidence links it only when its own evidence touches no quote). When offsets drift, text
  similarity stands in: the record's evidence and a quote share at least 60% of the shorter one in
  common blocks of six characters or more, including a run of three words.
* Assignment is greedy, strongest evidence first: own evidence overlapping a quote, then similarity
  only, then only casualty/claim evidence overlapping; within a tier the larger overlap, then the
  exact type before a type of the same family.

Only dictionaries go in (``EventMention.to_dict()``), so the scoring can be tested on hand-written
records without running the pipeline.
"""

from __future__ import annotations

import difflib
import json
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sitrep.evaluate.parallel import fork_map
from sitrep.resolve.datafiles import load_yaml

FIELDS = ("type", "acled", "actor1", "actor2", "place", "date", "killed", "claim")
FAMILIES = {"ASSAULT": "violent", "COERCE": "violent", "PROTEST": "protest"}
PLACE_KM = 25.0
SIMILAR_SHARE = 0.6
SIMILAR_BLOCK = 6
SIMILAR_MIN_LEN = 15
DATE_LENGTH = {"year": 4, "month": 7, "day": 10}
ASSUMED_DATE = {"published", "assumed"}

# Tiers of a (record, event) candidate, strongest first.
TIER_OWN, TIER_SIMILAR, TIER_ATTRIBUTE = 2, 1, 0


class RecordsInputError(ValueError):
    """The documents or gold given to the scorer cannot be read."""


# ---------------------------------------------------------------------------------------------------
# Text helpers


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "`": "'",
                         "\u00b4": "'"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(value: Any) -> str:
    """Lower-case ASCII words: 'Arīḩā' -> 'ariha', "Hay'at Tahrir al-Sham" -> 'hayat tahrir al sham'."""
    if not value:
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2018\u2019`\u02bf\u02be\u00b4]", "", text)
    return _NON_ALNUM.sub(" ", text).strip()


def _contains_words(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def _loose_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` lower-cased, quote marks unified, whitespace runs as one space; and each char's origin."""
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        if c.isspace():
            if chars and chars[-1] == " ":
                continue
            c = " "
        chars.append(c.translate(_QUOTES).lower())
        origin.append(i)
    return "".join(chars), origin


def _loose(text: str) -> str:
    return _loose_with_map(text)[0].strip()


def _strip_span(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def _word_runs(text: str) -> set[tuple[str, ...]]:
    words = fold(text).split()
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def similar(a: str, b: str) -> int:
    """Characters the two texts share in blocks of >= 6 when that is >= 60% of the shorter, else 0.

    The two must also share a run of three words: scattered common words and endings ("students",
    "in solitary") are not the same sentence.
    """
    a, b = _loose(a), _loose(b)
    shorter = min(len(a), len(b))
    if shorter < SIMILAR_MIN_LEN or not _word_runs(a) & _word_runs(b):
        return 0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # quick_ratio bounds the matched characters from above: skip hopeless pairs cheaply.
    if matcher.quick_ratio() * (len(a) + len(b)) / 2 < SIMILAR_SHARE * shorter:
        return 0
    shared = sum(block.size for block in matcher.get_matching_blocks() if block.size >= SIMILAR_BLOCK)
    return shared if shared >= SIMILAR_SHARE * shorter else 0


# ---------------------------------------------------------------------------------------------------
# Quotes and record spans


Span = tuple[str, int, int]  # field ("text" | "title"), start, end


@dataclass
class Quote:
    text: str
    spans: list[Span]  # every place it occurs; empty when it could not be found


def locate(quote: str, sources: dict[str, str]) -> list[Span]:
    """Every occurrence of ``quote`` in the title and text; loosely matched when no exact one."""
    quote = quote.strip()
    if not quote:
        return []
    found: list[Span] = []
    for name, source in sources.items():
        at = source.find(quote)
        while at >= 0:
            found.append((name, at, at + len(quote)))
            at = source.find(quote, at + 1)
    if found:
        return found
    needle = _loose(quote)
    for name, source in sources.items():
        loose, origin = _loose_with_map(source)
        at = loose.find(needle)
        while at >= 0:
            start, end = origin[at], origin[at + len(needle) - 1] + 1
            found.append((name, *_strip_span(source, start, end)))
            at = loose.find(needle, at + 1)
    return found


def _quotes(texts: Iterable[Any], sources: dict[str, str]) -> list[Quote]:
    return [Quote(t, locate(t, sources)) for t in texts if isinstance(t, str) and t.strip()]


def _span_of(evidence: Any, sources: dict[str, str]) -> Span | None:
    if not isinstance(evidence, dict):
        return None
    name = evidence.get("field") or "text"
    start, end = evidence.get("start"), evidence.get("end")
    source = sources.get(name)
    if source is None or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
        return None
    start, end = _strip_span(source, start, min(end, len(source)))
    return (name, start, end) if start < end else None


@dataclass
class Record:
    """One emitted record as the scorer sees it."""

    index: int
    type: str
    historical: bool
    own: list[Span]  # the record's own evidence
    attributes: list[Span]  # evidence of its casualties, claim and denials
    evidence_text: str
    data: dict[str, Any]


def as_record(index: int, data: dict[str, Any], sources: dict[str, str]) -> Record:
    own = [s for s in [_span_of(data.get("evidence"), sources)] if s]
    attribute_evidence = []
    for casualty in data.get("casualties") or []:
        attribute_evidence.append(casualty.get("evidence"))
        attribute_evidence.append((casualty.get("claim") or {}).get("evidence"))
    attribute_evidence.append((data.get("claim") or {}).get("evidence"))
    attribute_evidence += [d.get("evidence") for d in data.get("denials") or [] if isinstance(d, dict)]
    attributes = [s for s in (_span_of(e, sources) for e in attribute_evidence) if s]
    evidence = data.get("evidence") or {}
    text = evidence.get("text") if isinstance(evidence, dict) else ""
    if own and not text:
        name, start, end = own[0]
        text = sources[name][start:end]
    return Record(index, str(data.get("type") or ""), bool(data.get("historical")), own, attributes,
                  text or "", data)


def _merge(spans: Iterable[Span]) -> dict[str, list[tuple[int, int]]]:
    by_field: dict[str, list[tuple[int, int]]] = {}
    for name, start, end in sorted(spans):
        runs = by_field.setdefault(name, [])
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], end))
        else:
            runs.append((start, end))
    return by_field


def covered(spans: Iterable[Span], quotes: list[Quote]) -> int:
    """Characters of ``spans`` that lie inside an occurrence of any quote (each counted once)."""
    mine = _merge(spans)
    theirs = _merge(s for q in quotes for s in q.spans)
    total = 0
    for name, runs in mine.items():
        for start, end in runs:
            for q_start, q_end in theirs.get(name, []):
                total += max(0, min(end, q_end) - max(start, q_start))
    return total


def overlap(record: Record, quotes: list[Quote]) -> tuple[int, int]:
    """(tier, size) of the best evidence link between a record and a set of quotes; (-1, 0) if none."""
    own = covered(record.own, quotes)
    if own:
        return TIER_OWN, own
    if record.evidence_text:
        best = max((similar(record.evidence_text, q.text) for q in quotes), default=0)
        if best:
            return TIER_SIMILAR, best
    attribute = covered(record.attributes, quotes)
    if attribute:
        return TIER_ATTRIBUTE, attribute
    return -1, 0


def family(event_type: str) -> str:
    return FAMILIES.get(event_type, "verbal")


def compatible(a: str, b: str) -> bool:
    return a == b or family(a) == family(b)


# ---------------------------------------------------------------------------------------------------
# Fields


@cache
def _scoring_vocabulary() -> dict[str, Any]:
    return load_yaml("record_scoring.yaml")


def _state_form(words: list[str]) -> bool:
    """'government of nigeria', 'police forces of uganda', 'cross river state government': the state's
    own body however the state is spelled (at most six words, so a sentence is not a name)."""
    if len(words) > 6:
        return False
    vocabulary = _scoring_vocabulary()
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) > 1 and words[-1] == "government":
        return True
    if "of" not in words[1:3]:
        return False
    front = " ".join(words[:words.index("of", 1)])
    return front in {fold(b) for b in vocabulary["state_bodies_of"]} and len(words) > words.index("of", 1) + 1


def is_generic(name: Any) -> bool:
    """A gold actor name that names a class ('Protesters', 'Kenyan police', 'Government of Nigeria').

    Decided by the words' shape only, as the reference scorer does: a class head after at most two
    words ('Kaduna State Police', 'Apple Daily journalists'), a state's body after as many words as
    ``state_heads`` allows ('Russian military', but not 'Syrian Arab Army'), or a name that starts by
    saying nobody knows who ('Unidentified suicide bomber').
    """
    folded = fold(name)
    if not folded:
        return False
    vocabulary = _scoring_vocabulary()
    words = folded.split()
    if folded in {fold(n) for n in vocabulary["generic_names"]} or words[0] in vocabulary["unknown_words"]:
        return True
    if _state_form(words):
        return True
    heads = {fold(h) for h in vocabulary["generic_heads"]}
    state_heads = {fold(h): n for h, n in vocabulary["state_heads"].items()}
    for size in (1, 2, 3):
        head, before = " ".join(words[-size:]), len(words) - size
        if before < 1:
            break
        if head in heads and before <= 2 or before <= state_heads.get(head, 0):
            return True
    return False


def _kind_group(kind: Any) -> str:
    folded = str(kind or "").strip().lower()
    return _scoring_vocabulary()["kind_groups"].get(folded, folded) or "unknown"


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == {} or value == []


def _actor_names(actor: dict[str, Any]) -> list[str]:
    names = [fold(actor.get("name"))]
    if not names[0]:
        names = [fold(actor.get("label"))]
    return [n for n in names if n]


def actor_right(gold: Any, record: Any) -> bool:
    if _empty(gold) or not fold(gold.get("name")) and not gold.get("kind"):
        return _empty(record) or not (record.get("name") or record.get("label"))
    if _empty(record):
        return False
    gold_name = fold(gold.get("name"))
    names_agree = any(n == gold_name or _contains_words(n, gold_name) or _contains_words(gold_name, n)
                      for n in _actor_names(record)) if gold_name else False
    if gold_name and not is_generic(gold.get("name")):
        return names_agree
    # a generic or unnamed gold actor: by kind, and never a police of another state
    kinds_agree = _kind_group(gold.get("kind")) == _kind_group(record.get("kind"))
    g_country = str(gold.get("country") or "").strip().upper()
    r_country = str(record.get("country") or "").strip().upper()
    countries_agree = not g_country or not r_country or g_country == r_country
    return (names_agree or kinds_agree) and countries_agree


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def gold_place_level(gold: dict[str, Any]) -> str:
    """'point' (a town or finer), 'admin1' or 'country': how precisely the gold places the event, as the
    reference scorer reads it: "Idlib province" is the admin-1 area itself, "northern Aleppo countryside"
    or "Raqqa province (western)" a part of it the gold pins by its point."""
    stated = str(gold.get("precision") or "").lower()
    if stated in {"admin1", "region", "province", "governorate", "state"}:
        return "admin1"
    if stated == "country":
        return stated
    has_point = _number(gold.get("lat")) is not None and _number(gold.get("lon")) is not None
    admin_words = set(_scoring_vocabulary()["admin_words"])
    words = fold(gold.get("name")).split()
    admin1 = fold(gold.get("admin1"))
    if admin1 and (not words or (words[-1] in admin_words
                                 and " ".join(w for w in words if w not in admin_words) == admin1)):
        return "admin1"
    if not has_point:  # the gold could pin it no finer than its admin-1 area (or its country)
        return "admin1" if admin1 else "country" if gold.get("country") else "point"
    return "point"


def place_right(gold: Any, record: Any) -> bool:
    if _empty(gold):
        return _empty(record)
    if _empty(record):
        return False
    g_lat, g_lon = _number(gold.get("lat")), _number(gold.get("lon"))
    r_lat, r_lon = _number(record.get("lat")), _number(record.get("lon"))
    if None not in (g_lat, g_lon, r_lat, r_lon) and distance_km(g_lat, g_lon, r_lat, r_lon) <= PLACE_KM:
        return True
    gold_name = fold(gold.get("name"))
    if gold_name and gold_name in {fold(record.get("name")), fold(record.get("text"))}:
        return True
    level = gold_place_level(gold)
    g_country, r_country = gold.get("country"), record.get("country")
    if level == "admin1":
        if g_country and r_country and g_country != r_country:
            return False
        names = {fold(record.get("admin1"))}
        if record.get("precision") == "admin1":
            names.add(fold(record.get("name")))
        return fold(gold.get("admin1")) in names
    if level == "country":
        return (bool(g_country) and g_country == r_country
                and record.get("precision") in {"country", "region"})
    return False


def date_right(gold: Any, record: Any) -> bool:
    value = (gold or {}).get("value")
    if not value:
        return _empty(record) or not record.get("value") or record.get("basis") in ASSUMED_DATE
    if _empty(record) or not record.get("value"):
        return False
    length = DATE_LENGTH.get(str(gold.get("precision") or ""), len(str(value)))
    got = str(record["value"])
    return len(got) >= length and got[:length] == str(value)[:length]


def killed_figures(record: dict[str, Any]) -> list[int]:
    return [c["count"] for c in record.get("casualties") or []
            if c.get("kind") == "killed" and not c.get("subset") and isinstance(c.get("count"), int)]


def killed_right(gold: Any, record: dict[str, Any]) -> bool:
    figures = killed_figures(record)
    if gold is None:
        return not figures
    return bool(figures) and gold in {max(figures), sum(figures)}


def claim_right(gold: Any, record: dict[str, Any]) -> bool:
    wanted = (gold or {}).get("modality") or "asserted"
    got = (record.get("claim") or {}).get("modality") or "asserted"
    if got == wanted:
        return True
    # A toll attributed to a monitor is the record's report even when the act itself is asserted.
    return wanted == "reported" and any((c.get("claim") or {}).get("modality") == "reported"
                                        for c in record.get("casualties") or [])


def acled_right(gold: Any, record: dict[str, Any]) -> bool:
    got = (record.get("acled") or {}).get("sub_event_type")
    return " ".join(str(gold).lower().split()) == " ".join(str(got or "").lower().split())


def score_fields(gold: dict[str, Any], record: dict[str, Any]) -> dict[str, bool]:
    """Each field of a matched pair that the gold event states: right or wrong."""
    result: dict[str, bool] = {}
    if "type" in gold:
        result["type"] = gold["type"] == record.get("type")
    if gold.get("acled"):  # null: no ACLED sub-event fits, nothing to score
        result["acled"] = acled_right(gold["acled"], record)
    for role in ("actor1", "actor2"):
        if role in gold:
            result[role] = actor_right(gold[role], record.get(role))
    if "place" in gold:
        result["place"] = place_right(gold["place"], record.get("location"))
    if "date" in gold:
        result["date"] = date_right(gold["date"], record.get("date"))
    if "killed" in gold:
        result["killed"] = killed_right(gold["killed"], record)
    if "claim" in gold:
        result["claim"] = claim_right(gold["claim"], record)
    return result


def describe_field(name: str, gold: dict[str, Any], record: dict[str, Any]) -> str:
    """'gold X, got Y' for a wrong field, for --verbose."""
    def actor(a: Any) -> str:
        return "null" if _empty(a) else f"{a.get('name') or a.get('label')} ({a.get('kind')}, {a.get('country')})"

    if name in ("actor1", "actor2"):
        return f"gold {actor(gold.get(name))}, got {actor(record.get(name))}"
    if name == "place":
        g, r = gold.get("place") or {}, record.get("location") or {}
        return f"gold {g.get('name')} ({g.get('lat')}, {g.get('lon')}), got {r.get('name')} ({r.get('lat')}, {r.get('lon')})"
    if name == "date":
        g, r = gold.get("date") or {}, record.get("date") or {}
        return f"gold {g.get('value')}, got {r.get('value')} ({r.get('basis')})"
    if name == "killed":
        return f"gold {gold.get('killed')}, got {killed_figures(record)}"
    if name == "claim":
        return f"gold {(gold.get('claim') or {}).get('modality') or 'asserted'}, got {(record.get('claim') or {}).get('modality')}"
    if name == "acled":
        return f"gold {gold.get('acled')}, got {(record.get('acled') or {}).get('sub_event_type')}"
    return f"gold {gold.get(name)}, got {record.get(name)}"


# ---------------------------------------------------------------------------------------------------
# One document


@dataclass
class DocScore:
    doc_id: str
    corpus: str
    gold_events: int
    emitted: int
    historical: int = 0
    historical_on_event: int = 0
    pairs: list[tuple[dict, dict, dict[str, bool], int]] = field(default_factory=list)  # gold, record, fields, tier
    false: list[tuple[str, dict]] = field(default_factory=list)  # (class, record)
    missed: list[dict] = field(default_factory=list)
    unlocated_quotes: int = 0

    @property
    def records(self) -> int:
        return self.emitted - self.historical


def corpus_of(doc: dict[str, Any]) -> str:
    """'fakes', 'hrds', 'seed' ...: the doc_id's prefix, else the document's source."""
    doc_id = str(doc.get("doc_id") or "")
    if "-" in doc_id:
        return doc_id.split("-", 1)[0]
    return str(doc.get("source") or "other")


def score_document(doc: dict[str, Any], gold: dict[str, Any], records: list[dict[str, Any]]) -> DocScore:
    """Match one document's records to its gold events and score the matched pairs."""
    sources = {"title": doc.get("title") or "", "text": doc.get("text") or ""}
    events = [e for e in gold.get("events") or [] if isinstance(e, dict)]
    event_quotes = [_quotes(e.get("evidence") or [], sources) for e in events]
    background = _quotes(gold.get("background") or [], sources)
    result = DocScore(str(doc.get("doc_id")), corpus_of(doc), len(events), len(records))
    result.unlocated_quotes = sum(not q.spans for qs in event_quotes + [background] for q in qs)

    recs = [as_record(i, r, sources) for i, r in enumerate(records)]
    live = []
    for rec in recs:
        if rec.historical:
            result.historical += 1
            result.historical_on_event += any(overlap(rec, qs)[0] >= 0 for qs in event_quotes)
        else:
            live.append(rec)

    links = {(rec.index, e): overlap(rec, qs) for rec in live for e, qs in enumerate(event_quotes)}
    candidates = []
    for (r_index, e), (tier, size) in links.items():
        rec_type, gold_type = recs[r_index].type, str(events[e].get("type"))
        if tier >= 0 and compatible(rec_type, gold_type):
            # strongest link first; ties go to the earlier record and the earlier event
            candidates.append((tier, size, rec_type == gold_type, -r_index, -e, r_index, e))
    candidates.sort(reverse=True)
    record_used: dict[int, int] = {}
    event_used: set[int] = set()
    for tier, *_, r_index, e in candidates:
        if r_index in record_used or e in event_used:
            continue
        record_used[r_index] = e
        event_used.add(e)
        result.pairs.append((events[e], recs[r_index].data, score_fields(events[e], recs[r_index].data), tier))
    result.pairs.sort(key=lambda p: events.index(p[0]))

    for rec in live:
        if rec.index in record_used:
            continue
        touched = [e for e in range(len(events)) if links[(rec.index, e)][0] >= 0]
        if any(compatible(rec.type, str(events[e].get("type"))) for e in touched):
            kind = "duplicate"
        elif touched:
            kind = "wrong_type"
        elif background and overlap(rec, background)[0] >= 0:
            kind = "background_reported"
        else:
            kind = "spurious"
        result.false.append((kind, rec.data))
    result.missed = [e for i, e in enumerate(events) if i not in event_used]
    return result


# ---------------------------------------------------------------------------------------------------
# Totals


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _prf(matched: int, records: int, events: int) -> dict[str, float]:
    precision, recall = (matched / records if records else 0.0), (matched / events if events else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def summarise(docs: list[DocScore]) -> dict[str, Any]:
    """The protocol's figures over a set of scored documents."""
    gold_events = sum(d.gold_events for d in docs)
    records = sum(d.records for d in docs)
    matched = sum(len(d.pairs) for d in docs)
    false = Counter(kind for d in docs for kind, _ in d.false)
    out: dict[str, Any] = {"docs": len(docs), "gold_events": gold_events, "records": records,
                           "matched": matched, **_prf(matched, records, gold_events)}
    for kind in ("duplicate", "background_reported", "wrong_type", "spurious"):
        out[kind + "s" if kind == "duplicate" else kind] = false[kind]
    fields: dict[str, dict[str, Any]] = {}
    fully = 0
    for d in docs:
        for _, _, scored, _ in d.pairs:
            fully += all(scored.values())
            for name, right in scored.items():
                cell = fields.setdefault(name, {"right": 0, "n": 0})
                cell["right"] += right
                cell["n"] += 1
    out["fields"] = {name: {**fields[name], "accuracy": _ratio(fields[name]["right"], fields[name]["n"])}
                     for name in FIELDS if name in fields}
    out["fully_right_n"] = fully
    out["fully_right"] = _ratio(fully, gold_events)
    out["fully_right_of_matched"] = _ratio(fully, matched)
    out["historical"] = sum(d.historical for d in docs)
    out["historical_on_event"] = sum(d.historical_on_event for d in docs)
    out["records_per_doc"] = _ratio(records, len(docs))
    out["emitted_per_doc"] = _ratio(sum(d.emitted for d in docs), len(docs))
    out["unlocated_quotes"] = sum(d.unlocated_quotes for d in docs)
    out["matched_via_attribute_evidence"] = sum(t == TIER_ATTRIBUTE for d in docs for *_, t in d.pairs)
    return out


@dataclass
class RecordScores:
    docs: list[DocScore]
    failures: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        result = summarise(self.docs)
        by_corpus: dict[str, list[DocScore]] = {}
        for d in self.docs:
            by_corpus.setdefault(d.corpus, []).append(d)
        result["per_corpus"] = {
            name: {k: v for k, v in summarise(group).items()
                   if k in {"docs", "gold_events", "records", "matched", "precision", "recall", "f1",
                            "duplicates", "background_reported", "fully_right", "records_per_doc"}}
            for name, group in sorted(by_corpus.items())}
        result["failures"] = self.failures
        return result

    def errors(self) -> list[dict[str, Any]]:
        """Every false record, missed event and wrong field of a matched pair (for --verbose)."""
        rows: list[dict[str, Any]] = []
        for d in self.docs:
            for kind, rec in d.false:
                rows.append({"doc_id": d.doc_id, "what": kind, "type": rec.get("type"),
                             "evidence": (rec.get("evidence") or {}).get("text") or ""})
            for event in d.missed:
                rows.append({"doc_id": d.doc_id, "what": "missed", "type": event.get("type"),
                             "event": event.get("id"), "evidence": (event.get("evidence") or [""])[0]})
            for event, rec, scored, _ in d.pairs:
                for name, right in scored.items():
                    if not right:
                        rows.append({"doc_id": d.doc_id, "what": f"wrong {name}", "event": event.get("id"),
                                     "type": event.get("type"), "detail": describe_field(name, event, rec)})
        return rows


def score(docs: list[dict[str, Any]], gold: dict[str, dict[str, Any]],
          records: dict[str, list[dict[str, Any]]], failures: list[dict[str, str]] | None = None) -> RecordScores:
    """Score ``records`` (doc_id -> record dicts) on every document that has gold."""
    scored = [score_document(doc, gold[doc["doc_id"]], records.get(doc["doc_id"], []))
              for doc in docs if doc.get("doc_id") in gold]
    return RecordScores(scored, failures or [])


# ---------------------------------------------------------------------------------------------------
# Files and extraction


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecordsInputError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict) or not row.get("doc_id"):
                raise RecordsInputError(f"{path}:{number}: an object with a doc_id was expected")
            rows.append(row)
    return rows


def find_files(path: Path, split: str = "dev") -> tuple[Path, list[Path]]:
    """The documents file and its gold files: ``PATH`` is the records folder or a ``<split>_docs.jsonl``."""
    if path.is_dir():
        docs = path / f"{split}_docs.jsonl"
    else:
        docs = path
        split = path.name.removesuffix(".jsonl").removesuffix("_docs")
    if not docs.is_file():
        raise RecordsInputError(f"no documents file {docs}")
    gold = sorted(docs.parent.glob(f"gold_{split}_*.jsonl")) + sorted(docs.parent.glob(f"{split}_gold.jsonl"))
    if not gold:
        raise RecordsInputError(f"no gold beside {docs} (gold_{split}_*.jsonl)")
    return docs, gold


def load_gold(paths: list[Path]) -> dict[str, dict[str, Any]]:
    """doc_id -> gold object; a later object for the same doc_id replaces an earlier one."""
    gold: dict[str, dict[str, Any]] = {}
    for path in paths:
        for row in read_jsonl(path):
            gold[row["doc_id"]] = row
    return gold


def _extract_one(doc: dict[str, Any]) -> tuple[str, list[dict[str, Any]] | None, str | None]:
    from sitrep.pipeline import extract

    try:
        mentions = extract(doc.get("text") or "", published=doc.get("published"), title=doc.get("title"),
                           outlet=doc.get("outlet"))
    except Exception as exc:  # noqa: BLE001 - one document's failure is a failures row, the run goes on
        return doc["doc_id"], None, f"{type(exc).__name__}: {exc}"
    return doc["doc_id"], [m.to_dict() for m in mentions], None


def extract_all(docs: list[dict[str, Any]], workers: int | None = None,
                progress: Callable[[], None] | None = None,
                ) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, str]]]:
    """Run ``sitrep.extract`` on each document (only its title, text, outlet and published)."""
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    records: dict[str, list[dict[str, Any]]] = {}
    failures: list[dict[str, str]] = []

    def keep(result: tuple[str, list[dict[str, Any]] | None, str | None]) -> None:
        doc_id, found, error = result
        if error is not None:
            failures.append({"input": doc_id, "stage": "extract", "reason": error})
        records[doc_id] = found or []
        if progress:
            progress()

    inputs = [{k: d.get(k) for k in ("doc_id", "title", "text", "outlet", "published")} for d in docs]
    # the pipeline loaded once before forking costs more than the extraction itself on this corpus
    for _doc, result in fork_map(_extract_one, inputs, workers, size=lambda d: len(d.get("text") or ""),
                                 warm_up=lambda: _extract_one({"doc_id": "warm-up", "text": "Troops shelled the town on Monday."})):
        keep(result)
    return records, failures


def evaluate_records(path: str | Path, split: str = "dev", workers: int | None = None,
                     progress: Callable[[], None] | None = None) -> RecordScores:
    """Extract every gold document under ``path`` and score the records against the gold."""
    docs_path, gold_paths = find_files(Path(path), split)
    gold = load_gold(gold_paths)
    docs = [d for d in read_jsonl(docs_path) if d["doc_id"] in gold]
    records, failures = extract_all(docs, workers=workers, progress=progress)
    return score(docs, gold, records, failures)
