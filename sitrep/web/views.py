"""What the pages show, shaped from the library's records: no SQL and no HTML here.

The templates escape every string these return; nothing here marks text as safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from sitrep.fuse.events import range_text
from sitrep.render import actor_text
from sitrep.store.base import Store

# Article fields whose evidence the article page highlights, with the words shown for them.
FIELD_NAMES = {
    "actor1": "actor 1", "actor2": "actor 2", "location": "place", "date": "date", "claim": "source",
    "killed": "killed", "injured": "injured", "abducted": "abducted",
}
# ACLED's six event types (its codebook), offered by the filter form
ACLED_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"]
LOADED_CATEGORIES = ["name_calling", "loaded_language", "slogans", "appeal_to_fear", "flag_waving", "doubt"]


@cache
def event_types() -> list[str]:
    """The PLOVER types sitrep can code (from the reviewed trigger lexicon), for the filter form."""
    from sitrep.stages.triggers import NOT_EVENT, trigger_entries

    return sorted({entry["type"] for entry in trigger_entries()} - {NOT_EVENT})


# -- framing --------------------------------------------------------------------------------

def read_framing_cached(conf: Any, store: Store) -> Any:
    """The store's framing, computed once per number of stored articles (it reads every article)."""
    from sitrep.frame.labels import read_framing

    n = store.count("articles")
    with conf.framing_lock:
        cached = conf.framing_cache.get("framing")
        if cached is None or cached[0] != n:
            cached = (n, read_framing(store))
            conf.framing_cache["framing"] = cached
        return cached[1]


def framing_rows(conf: Any, store: Store, actor: str | None = None, outlet: str | None = None) -> dict[str, Any]:
    """Outlet x actor labels with counts and a quote each, and loaded language per 1,000 words."""
    framing = read_framing_cached(conf, store)
    rows = []
    for (name, source), labels in sorted(framing.labels.items()):
        if actor and actor.lower() not in name.lower():
            continue
        if outlet and outlet.lower() != source.lower():
            continue
        rows.append({"actor": name, "outlet": source, "labels": [
            {"label": label, "count": n, "quote": framing.examples.get((name, source, label))}
            for label, n in labels.most_common()]})
    language = []
    for source, counts in sorted(framing.language.items()):
        if outlet and outlet.lower() != source.lower():
            continue
        per = 1000 / max(1, counts["_words"])
        language.append({"outlet": source, "articles": counts["_articles"], "words": counts["_words"],
                         "per_1000_words": {c: round(counts[c] * per, 2) for c in LOADED_CATEGORIES}})
    return {"labels": rows, "loaded_language": language, "categories": LOADED_CATEGORIES}


def framing_matrix(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The label rows pivoted: one row per actor, one column per outlet, labels in the cells."""
    outlets = sorted({r["outlet"] for r in rows})
    actors = sorted({r["actor"] for r in rows})
    cells = {(r["actor"], r["outlet"]): r["labels"] for r in rows}
    return {"outlets": outlets, "rows": [{"actor": a, "cells": [cells.get((a, o), []) for o in outlets]}
                                         for a in actors]}


# -- article: evidence spans ------------------------------------------------------------------

def _evidence_of(record: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    """(field, evidence) for every value of a mention record that carries its words."""
    for key in ("actor1", "actor2", "location", "date", "claim"):
        value = record.get(key) or {}
        if value.get("evidence"):
            yield key, value["evidence"]
    for casualty in record.get("casualties") or []:
        if casualty.get("evidence"):
            yield casualty.get("kind") or "casualties", casualty["evidence"]


def highlighted(text: str, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article text cut into segments: plain, inside a record's sentence, or a field's words.

    Each segment is ``{"text", "kind": None | "sentence" | "field", "labels": [...]}``; spans
    may overlap (a field inside its sentence), so the text is cut at every span boundary.
    """
    spans: list[tuple[int, int, str, str]] = []  # start, end, kind, label
    for i, record in enumerate(mentions, start=1):
        sentence = record.get("evidence") or {}
        if sentence.get("field", "text") == "text":
            spans.append((sentence.get("start", 0), sentence.get("end", 0), "sentence", f"record {i}: {record.get('type')}"))
        for key, evidence in _evidence_of(record):
            if evidence.get("field", "text") == "text":
                spans.append((evidence.get("start", 0), evidence.get("end", 0), "field",
                              f"record {i}: {FIELD_NAMES.get(key, key)}"))
    n = len(text)
    spans = [(max(0, min(s, n)), max(0, min(e, n)), k, label) for s, e, k, label in spans
             if isinstance(s, int) and isinstance(e, int)]
    spans = [s for s in spans if s[0] < s[1]]
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    segments: list[dict[str, Any]] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s[0] <= lo and hi <= s[1]]
        fields = [label for _, _, kind, label in covering if kind == "field"]
        kind = "field" if fields else ("sentence" if covering else None)
        labels = fields or [label for _, _, _, label in covering]
        if segments and segments[-1]["kind"] == kind and segments[-1]["labels"] == labels:
            segments[-1]["text"] += text[lo:hi]
        else:
            segments.append({"text": text[lo:hi], "kind": kind, "labels": labels})
    return segments


def mention_fields(record: dict[str, Any]) -> list[dict[str, Any]]:
    """A mention record as rows of (field, value, quote) for a reader."""
    rows = [{"field": "type", "value": _type_text(record), "quote": (record.get("evidence") or {}).get("text")}]
    for key in ("actor1", "actor2"):
        actor = record.get(key)
        if actor:
            rows.append({"field": FIELD_NAMES[key], "value": actor_text(actor),
                         "quote": (actor.get("evidence") or {}).get("text")})
    place = record.get("location")
    if place:
        where = ", ".join(v for v in (place.get("name"), place.get("admin1"), place.get("country")) if v)
        rows.append({"field": "place", "value": f"{where} ({place.get('precision')})",
                     "quote": (place.get("evidence") or {}).get("text")})
    when = record.get("date")
    if when:
        basis = " (the report's date)" if when.get("basis") == "published" else ""
        rows.append({"field": "date", "value": f"{when.get('value')}{basis}", "quote": (when.get("evidence") or {}).get("text")})
    for c in record.get("casualties") or []:
        count = c.get("count") if c.get("count") is not None else "some"
        approx = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "at_most": "at most "}.get(
            c.get("approx"), "")
        part = "of which " if c.get("subset") else ""
        rows.append({"field": c.get("kind"), "value": f"{part}{approx}{count} {c.get('category')}",
                     "quote": (c.get("evidence") or {}).get("text")})
    claim = record.get("claim") or {}
    rows.append({"field": "source", "value": f"{claim.get('source') or claim.get('by') or 'the outlet'} "
                                               f"({claim.get('modality')})",
                 "quote": (claim.get("evidence") or {}).get("text")})
    return rows


# -- event: sources side by side --------------------------------------------------------------

def _type_text(record: dict[str, Any]) -> str:
    acled = record.get("acled") or {}
    sub = acled.get("sub_event_type")
    return f"{record.get('type')}" + (f" · {sub}" if sub else "") + (f" ({record.get('mode')})" if record.get("mode") else "")


def _casualty_cell(record: dict[str, Any], kind: str) -> tuple[str, str | None]:
    parts, quotes = [], []
    for c in record.get("casualties") or []:
        if c.get("kind") != kind or c.get("subset"):
            continue
        parts.append(f"{c['count'] if c.get('count') is not None else 'some'} {c.get('category')}")
        if (c.get("evidence") or {}).get("text"):
            quotes.append(c["evidence"]["text"])
    return ", ".join(parts), " … ".join(quotes) or None


def _contradicted_fields(event: dict[str, Any], outlet: str | None) -> dict[str, str]:
    """Field -> the contradiction's summary, for the fields where ``outlet`` takes a side."""
    out: dict[str, str] = {}
    for c in event.get("contradictions") or []:
        named = any(o == outlet or o.startswith(f"{outlet}:") for outlets in c["sides"].values() for o in outlets)
        if not named:
            continue
        kind, summary = c["kind"], c["summary"]
        if kind in ("casualties", "toll_update"):
            field = "injured" if summary.startswith("injured") else "killed"
        else:
            field = {"perpetrator": "actor1", "type": "type", "denial": "source"}.get(kind, kind)
        out[field] = summary
    return out


SOURCE_ROWS = [("type", "type"), ("actor1", "actor 1 (their words)"), ("actor2", "actor 2 (their words)"),
               ("place", "place"), ("date", "date"), ("killed", "killed"), ("injured", "injured"),
               ("source", "who says so"), ("sentence", "the sentence")]


def source_columns(event: dict[str, Any]) -> list[dict[str, Any]]:
    """One column per source: its outlet and article, and each field's value, quote and whether
    the sources disagree on it."""
    columns = []
    for source in event.get("sources") or []:
        r = source["record"]
        place, when, claim = r.get("location") or {}, r.get("date") or {}, r.get("claim") or {}
        killed, killed_q = _casualty_cell(r, "killed")
        injured, injured_q = _casualty_cell(r, "injured")
        cells = {
            "type": (_type_text(r), None),
            "actor1": (actor_text(r.get("actor1")), ((r.get("actor1") or {}).get("evidence") or {}).get("text")),
            "actor2": (actor_text(r.get("actor2")), ((r.get("actor2") or {}).get("evidence") or {}).get("text")),
            "place": (", ".join(v for v in (place.get("name"), place.get("admin1")) if v),
                      (place.get("evidence") or {}).get("text")),
            "date": (when.get("value") or "", (when.get("evidence") or {}).get("text")),
            "killed": (killed, killed_q),
            "injured": (injured, injured_q),
            "source": (f"{claim.get('source') or claim.get('by') or 'the outlet'} ({claim.get('modality')})",
                       (claim.get("evidence") or {}).get("text")),
            "sentence": ("", (r.get("evidence") or {}).get("text")),
        }
        disputed = _contradicted_fields(event, source.get("outlet"))
        columns.append({
            "outlet": source.get("outlet") or "(unknown outlet)", "published": source.get("published"),
            "title": source.get("title"), "article_id": (r.get("article") or {}).get("id"),
            "cells": {k: {"value": v, "quote": q, "disputed": disputed.get(k)} for k, (v, q) in cells.items()},
        })
    return columns


def event_headline(event: dict[str, Any]) -> str:
    place = (event.get("place") or {}).get("name")
    return " · ".join(v for v in (event.get("type"), event.get("date"), place) if v)


def killed_text(event: dict[str, Any]) -> str:
    return range_text(event.get("killed"))


# -- timeline ----------------------------------------------------------------------------------

def timeline_chart(counts: list[dict[str, Any]], width: int = 900, height: int = 160,
                   most_bars: int = 180) -> dict[str, Any]:
    """Stacked bars of events per date and type, laid out for an SVG (coordinates only); by
    month instead of by day when there would be more than ``most_bars`` days."""
    unit = "day"
    if len({r["date"] for r in counts if r["date"]}) > most_bars:
        unit = "month"
        monthly: dict[tuple[str, str], int] = {}
        for r in counts:
            key = (r["date"][:7], r["type"])
            monthly[key] = monthly.get(key, 0) + r["n"]
        counts = [{"date": d, "type": t, "n": n} for (d, t), n in monthly.items()]
    dates = sorted({r["date"] for r in counts if r["date"]})
    types = sorted({r["type"] for r in counts})
    by = {(r["date"], r["type"]): r["n"] for r in counts}
    totals = {d: sum(by.get((d, t), 0) for t in types) for d in dates}
    top = max(totals.values(), default=0)
    bars = []
    if dates and top:
        step = width / len(dates)
        bar_w = max(1.0, step * 0.8)
        for i, d in enumerate(dates):
            y = height
            for t in types:
                n = by.get((d, t), 0)
                if not n:
                    continue
                h = n / top * (height - 10)
                y -= h
                bars.append({"x": round(i * step, 2), "y": round(y, 2), "w": round(bar_w, 2), "h": round(h, 2),
                             "date": d, "type": t, "n": n, "colour": types.index(t) % 10})
    return {"unit": unit, "width": width, "height": height, "bars": bars, "types": [(t, i % 10) for i, t in enumerate(types)],
            "dates": dates, "totals": totals, "top": top,
            "undated": sum(r["n"] for r in counts if not r["date"])}
