"""Contradiction score: do the disagreements fusion lists match those a careful reader found?

Gold (``contradictions/dev.json``, rules in its ``PROTOCOL.md``): per incident, the FA-KES articles
that report it, the real disagreements between sources (each position with its value, articles
and outlets) and the differences that are not disagreements. Scored on the gold incidents only:
the contradictions of the fused events that hold those articles' main incidents are the reported
ones (a toll that rose over later reports is listed by fusion as an update, not as a
disagreement, and is not reported). A reported contradiction is right when it is of the same
kind as a gold disagreement of its incident and sets at least two of that disagreement's
positions against each other (its sides, by the articles of its positions — or, for a
contradiction without positions, every article of each side's outlets in the event — meet two
different positions) and, for figures, counts the same thing (the dead or the wounded, as the
gold's ``what`` says, children's or women's figures only with such a gold figure); each reported contradiction surfaces one gold disagreement, one not yet
surfaced when it fits several. Otherwise it is wrong, and counted under the kind of the
not-disagreement it matches, if any. Precision = right / reported; recall = gold disagreements
surfaced / gold disagreements.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.evaluate.fakes import read_rows
from sitrep.evaluate.fusion import _main_mention, fused_fakes
from sitrep.queries import iter_events

# fusion's contradiction kinds -> the protocol's disagreement kinds ("toll_update" is not one)
KINDS = {"casualties": "casualties", "denial": "denial", "perpetrator": "perpetrator", "type": "weapon",
         "victims": "victims", "place": "place", "date": "date"}


def default_fakes(gold: str) -> str:
    """The FA-KES file the gold was read from: ``fakes_dev.csv`` next to the gold's folder."""
    return str(Path(gold).resolve().parent.parent / "fakes_dev.csv")


def evaluate_contradictions(gold: str, fakes: str | None = None, db: str | None = None) -> dict:
    """Ingest the FA-KES file, fuse, and score the fused events' contradictions on ``gold``."""
    with open(gold, encoding="utf-8") as fh:
        incidents = json.load(fh)["incidents"]
    fakes = fakes or default_fakes(gold)
    rows = read_rows(fakes)
    with fused_fakes(fakes, db) as store:
        unit_articles: dict[str, set[str]] = defaultdict(set)
        for article_id, source in store.article_sources():
            unit_articles[rows[int(source.rsplit("#", 1)[1]) - 1]["unit_id"]].add(article_id)
        records: dict[str, list[tuple[str, dict]]] = defaultdict(list)
        for mention_id, article_id, mention in store.mentions_with_ids():
            records[article_id].append((mention_id, mention.to_dict()))
        event_of = store.event_assignments()
        events = {e.id: e for e in iter_events(store)}
        outlet_of = {a: (store.article(a) or {}).get("outlet") for a in records}
    return score(incidents, unit_articles, records, event_of, events, outlet_of)


def score(incidents: list[dict], unit_articles: dict[str, set[str]], records: dict, event_of: dict[str, str],
          events: dict, outlet_of: dict[str, str | None]) -> dict:
    """The scoring step of ``evaluate_contradictions`` on an already fused store's contents."""
    unit_of = {a: u for u, articles in unit_articles.items() for a in articles}
    reported = right = 0
    surfaced = 0
    total = sum(len(i["disagreements"]) for i in incidents)
    wrong_as: Counter[str] = Counter()
    listing: list[dict] = []
    missed: list[dict] = []
    for incident in incidents:
        units = set(incident["articles"])
        event_ids = set()
        for unit in units:
            for article in unit_articles.get(unit, ()):
                main = _main_mention(records.get(article, []))
                if main and main in event_of:
                    event_ids.add(event_of[main])
        found = [False] * len(incident["disagreements"])
        for eid in sorted(event_ids):
            event = events.get(eid)
            if event is None:
                continue
            # the units behind each outlet of the event
            units_by_outlet: dict[str, set[str]] = defaultdict(set)
            for mention_id in event.mentions:
                article = mention_id.split(":", 1)[0]
                if article in unit_of:
                    units_by_outlet[outlet_of.get(article) or "?"].add(unit_of[article])
            for c in event.contradictions:
                kind = KINDS.get(c.kind)
                if kind is None:
                    continue
                reported += 1
                sides = _sides(c, units_by_outlet, unit_of)
                # one-to-one: a contradiction that fits several gold disagreements surfaces one
                # not yet surfaced, if any
                hits = [n for n, gold in enumerate(incident["disagreements"])
                        if gold["kind"] == kind and _same_count(c, gold)
                        and _opposes(sides, [set(p["articles"]) for p in gold["positions"]])]
                hit = next((n for n in hits if not found[n]), hits[0] if hits else None)
                if hit is not None:
                    right += 1
                    found[hit] = True
                else:
                    as_kind = next((nd["kind"] for nd in incident.get("not_disagreements", [])
                                    if sum(1 for s in sides if s & set(nd.get("articles", []))) >= 2), "unmatched")
                    wrong_as[as_kind] += 1
                listing.append({"incident": incident["incident"], "event": eid, "kind": c.kind,
                                "summary": c.summary, "right": hit is not None})
        surfaced += sum(found)
        missed += [{"incident": incident["incident"], "kind": gold["kind"], "what": gold.get("what", "")}
                   for gold, hit in zip(incident["disagreements"], found, strict=True) if not hit]
    precision = right / reported if reported else 0.0
    recall = surfaced / total if total else 0.0
    return {"incidents": len(incidents), "gold_disagreements": total, "reported": reported, "right": right,
            "surfaced": surfaced, "precision": round(precision, 4), "recall": round(recall, 4),
            "wrong_as": dict(wrong_as), "contradictions": listing, "missed": missed}


def _same_count(c, gold: dict) -> bool:  # noqa: ANN001
    """For figures: whether the reported and the gold disagreement count the same thing, the dead
    or the wounded (the gold says which in its ``what``; fusion's summary opens with it)."""
    if gold["kind"] != "casualties":
        return True
    what = gold.get("what", "").lower()
    wounded = any(w in what for w in ("wound", "injur"))
    # a figure of children (or women) is another count than all the dead: "killed (children)"
    # surfaces only a gold disagreement about children, and only it does
    group = next((g for g in ("children", "women") if g in what), None)
    return c.summary.startswith("injured") == wounded and (f"({group})" in c.summary if group
                                                            else not any(f"({g})" in c.summary for g in ("children", "women")))


def _sides(c, units_by_outlet: dict[str, set[str]], unit_of: dict[str, str]) -> list[set[str]]:  # noqa: ANN001
    """The units behind each side of contradiction ``c``: by the articles of its positions when
    it lists them (each position names its article), else by the outlets of each side."""
    if c.positions:
        by_value: dict[str, set[str]] = defaultdict(set)
        for p in c.positions:
            if p.get("article") in unit_of:
                by_value[p.get("side", p["value"])].add(unit_of[p["article"]])
        return [by_value.get(value, set()) for value in c.sides]
    return [set().union(*(units_by_outlet.get(o, set()) for o in outlets)) if outlets else set()
            for outlets in c.sides.values()]


def _opposes(sides: list[set[str]], positions: list[set[str]]) -> bool:
    """Whether two different sides meet two different positions (by the articles behind them)."""
    for i, side in enumerate(sides):
        for j, other in enumerate(sides):
            if i == j:
                continue
            for p, pos in enumerate(positions):
                for q, other_pos in enumerate(positions):
                    if p != q and side & pos and other & other_pos:
                        return True
    return False
