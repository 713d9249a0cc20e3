"""Fusion as a blocked reduce: the greedy fusion of ``sitrep.fuse.events`` run block by block, on
worker processes or a Dask cluster, with the result merged back on the driver.

A block owns the mentions of a few months (``SPAN``). Fusion compares a mention only with events
of days within its date window (every blocking key holds a day), so a block is fused with
``CONTEXT_DAYS`` of the mentions before and after it: an incident told on 31 March and on 1 April
is fused alike in the blocks on both sides. Each block reports only the mentions it owns; an
event spanning a block boundary is the union of what the blocks on both sides give its
mentions, and keeps the id of the mention that founded it (``event_id``), which both blocks
compute the same. Mentions whose date window reaches further than the context (a year's
precision) are context for every block their window touches. Undated mentions, which fusion
meets by their words only, join on the driver after the merge, as ``fuse`` adds them after
every dated one; contradictions are found on the driver too, with every report's other mentions
at hand.

Blocks are not cut by country by default: a dated mention also meets events sharing many of its
distinctive words, wherever they are placed, and on FA-KES reports placed in two countries (or
one unplaced) do join that way. Which words are too common to count depends on the whole
corpus's events so far (``_BlockFuser``): the driver works that out from the blocks' events and
runs again the blocks that used such a word.

The result is the single-process result unless a chain of joins reaches further back than the
context (a year-dated report that is not background is such a hub); ``tests/test_fuse_blocked.py``
checks it on FA-KES and on synthetic mentions. The README's "At scale" section gives the rates.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.fuse.events import (
    REPRESENTATIVES,
    UNDATED_BLOCK_MAX,
    WORDS_FULL,
    Cluster,
    Fuser,
    FusionReport,
    MentionView,
    _area,
    _order,
    _reads_texts,
    _texts,
    _views,
    candidate_keys,
    event_id,
    find_contradictions,
    key_text,
    siblings_of,
)
from sitrep.heap import without_cycle_collection

# Days before and after its own months a block is fused with: fusion's windows (a day either
# side, three for a follow-up, a week's blocking keys) and the first reports of events founded
# just before the block starts.
CONTEXT_DAYS = 31
# Months a block owns: each is fused with a month of context either side, so a block of three
# months does 5/3 of its own work (one month: 3 times), and a corpus of three years still gives
# twelve blocks to share out.
SPAN = 3
ROUNDS = 3


@dataclass
class Block:
    """Months (of one country, with ``by_country``) to fuse: their own mentions and the context."""

    country: str | None
    month: int  # its first month: year * 12 + month - 1
    mentions: list[MentionView]  # owned and context, each once
    owned: frozenset[str]
    positions: dict[str, int] = field(default_factory=dict)  # each mention's place in the whole visit order
    common: dict[tuple[str, str], int] = field(default_factory=dict)  # (type, word) -> last position it is used

    @property
    def label(self) -> str:
        return f"{self.country or '*'} {self.month // 12}-{self.month % 12 + 1:02d}"

    def __getstate__(self) -> dict[str, Any]:
        # a block travels to a worker as its mentions' fields only: what fusion caches on a view
        # (blocking keys, area) is recomputed there, and would multiply the bytes sent
        state = dict(self.__dict__)
        state["mentions"] = [(m.id, m.article_id, m.outlet, m.published, m.record, m.day, m.precision, m.words,
                              m.basis, m.victims, m.update, m.killed) for m in self.mentions]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["mentions"] = [MentionView(*fields) for fields in state["mentions"]]
        self.__dict__.update(state)


@dataclass
class BlockResult:
    owned: dict[str, str]  # owned mention -> its event
    orders: dict[str, list[str]]  # those events' mentions, in the order the block holds them
    firsts: list[list[str]]  # the first mentions of each event an owned mention founded, before merging
    word_joins: list[tuple[int, tuple[tuple[str, str], ...]]]  # joins made through words alone (position, words)


class _BlockFuser(Fuser):
    """A Fuser that knows which words the whole corpus's fusion has stopped using.

    Fusion meets a mention with events sharing many of its distinctive words, unless a word is
    shared by more than UNDATED_BLOCK_MAX events so far; "so far" counts every block's events,
    so the driver tells each block from which visit position on a word is that common. A block
    sees fewer events than the whole, so it may use a word the whole no longer uses: each join
    made through words alone is recorded with the words it used, and the driver runs the block
    again when one of them turns out too common by then (``_stale``)."""

    def __init__(self, positions: dict[str, int], common: dict[tuple[str, str], int]):
        super().__init__()
        self.positions, self.common = positions, common
        self.word_joins: list[tuple[int, tuple[tuple[str, str], ...]]] = []
        self._hits: dict[str, list[tuple[str, str]]] = {}
        self._found: set[str] = set()

    def _candidates(self, m: MentionView) -> set[str]:
        found = super()._candidates(m)
        self._found = found
        return found

    def _undated_candidates(self, m: MentionView, enough: int = WORDS_FULL // 2) -> set[str]:
        self._hits = {}
        if len(m.words) < enough:
            return set()
        hits: dict[str, list[tuple[str, str]]] = defaultdict(list)
        words, kind, common = self.words, m.type, self.common
        at = self.positions.get(m.id, -1)
        for w in m.words:
            events = words.get((kind, w))
            if events and len(events) <= UNDATED_BLOCK_MAX and at <= common.get((kind, w), at):
                for eid in events:
                    hits[eid].append((kind, w))
        self._hits = {eid: used for eid, used in hits.items() if len(used) >= enough}
        return set(self._hits)

    def add(self, m: MentionView) -> str:
        self._hits, self._found = {}, set()
        eid = super().add(m)
        if eid in self._hits and eid not in self._found:
            self.word_joins.append((self.positions.get(m.id, -1), tuple(self._hits[eid])))
        return eid


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _first_day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)


def plan(mentions: Iterable[MentionView], span: int = SPAN, context_days: int = CONTEXT_DAYS,
         by_country: bool = False) -> tuple[list[Block], list[MentionView]]:
    """The blocks to fuse (in time order) and the undated mentions left for the driver.

    A block owns the mentions of ``span`` months and is fused with those of ``context_days``
    either side; a mention whose date window reaches further (a month's or a year's precision)
    is context for every block its window touches. ``by_country``: one block per country too
    (see the module's note: reports placed in two countries do meet by their words)."""
    months: dict[tuple[str, int], list[MentionView]] = defaultdict(list)
    wide: dict[str, list[MentionView]] = defaultdict(list)
    undated: list[MentionView] = []
    for m in mentions:
        if m.day is None:
            undated.append(m)
            continue
        country = (_area(m)[0] or "") if by_country else ""
        months[(country, _month(m.day))].append(m)
        if m.window > context_days:
            wide[country].append(m)
    homes = sorted({(country, month - month % span) for country, month in months}, key=lambda k: (k[1], k[0]))
    blocks = []
    for country, first in homes:
        start, end = _first_day(first), _first_day(first + span)
        low, high = start.toordinal() - context_days, end.toordinal() + context_days
        owned = [m for k in range(first, first + span) for m in months.get((country, k), ())]
        context = [m for k in range(_month(date.fromordinal(low)), _month(date.fromordinal(high)) + 1)
                   if not first <= k < first + span for m in months.get((country, k), ())
                   if low <= m.day.toordinal() < high]  # type: ignore[union-attr]
        ids = {m.id for m in owned} | {m.id for m in context}
        context += [m for m in wide.get(country, ()) if m.id not in ids
                    and m.day.toordinal() - m.window < high and m.day.toordinal() + m.window >= low]  # type: ignore[union-attr]
        blocks.append(Block(country or None, first, owned + context, frozenset(m.id for m in owned)))
    return blocks, undated


def fuse_block(block: Block) -> BlockResult:
    """Fuse one block as ``fuse`` fuses everything (in visit order, then the merge pass).

    Returns the event of each owned mention, the mention order of those events as the block
    built them (an event's first mentions are its representatives), and the first mentions of
    the events the block's own mentions founded (the driver counts their words)."""
    fuser = _BlockFuser(block.positions, block.common)
    at = block.positions
    # the whole corpus's visit order (``_order``), as the driver numbered it
    visit = sorted(block.mentions, key=lambda m: at[m.id]) if at else sorted(block.mentions, key=_order)
    with without_cycle_collection():  # and the results made before the collector walks the heap again
        for m in visit:
            if m.id not in fuser.assignment:
                fuser.add(m)
        firsts = [[m.id for m in e.mentions[:REPRESENTATIVES]] for e in fuser.events.values()
                  if e.mentions[0].id in block.owned]
        fuser.merge_similar()
        owned = {mid: eid for mid, eid in fuser.assignment.items() if mid in block.owned}
        orders = {eid: [m.id for m in fuser.events[eid].mentions] for eid in set(owned.values())}
        return BlockResult(owned, orders, firsts, fuser.word_joins)


def _run(blocks: list[Block], executor: Any) -> Iterable[BlockResult]:
    if executor is None or len(blocks) < 2:  # one block is run here (``map_ordered`` would too)
        return map(fuse_block, blocks)
    from sitrep.batch import map_ordered

    items: Iterable[Any] = blocks
    client = getattr(executor, "client", None)
    if client is not None:
        # Dask: a block is megabytes of mentions; sent to a worker as data of its own, not
        # inside the task graph through the scheduler
        items = (client.scatter(block, direct=True) for block in blocks)
    return map_ordered(executor, fuse_block, items, window=2 * getattr(executor, "workers", 1))


def common_words(results: list[BlockResult], by_id: dict[str, MentionView],
                 positions: dict[str, int]) -> dict[tuple[str, str], int]:
    """For each (type, word) that more than UNDATED_BLOCK_MAX events come to share: the last
    visit position at which fusion still uses it (as the single-process Fuser's word index
    grows: an event is filed under the words of its first mentions as they join)."""
    filed: dict[tuple[str, str], list[int]] = defaultdict(list)
    for result in results:
        for first in result.firsts:
            seen: set[tuple[str, str]] = set()
            for mid in first:
                m = by_id[mid]
                for w in m.words:
                    if (m.type, w) not in seen:
                        seen.add((m.type, w))
                        filed[(m.type, w)].append(positions[mid])
    return {key: sorted(at)[UNDATED_BLOCK_MAX] for key, at in filed.items() if len(at) > UNDATED_BLOCK_MAX}


def _stale(result: BlockResult, common: dict[tuple[str, str], int]) -> bool:
    """Whether a block joined a mention to an event through a word the whole corpus no longer
    used at that mention's turn (the block is run again, knowing it)."""
    return any(at > common.get(key, at) for at, used in result.word_joins for key in used)


def fuse_blocked(mentions: list[MentionView], executor: Any = None, texts: dict[str, str] | None = None,
                 timings: dict[str, float] | None = None, contradictions: bool = True, span: int = SPAN,
                 context_days: int = CONTEXT_DAYS, by_country: bool = False) -> Fuser:
    """Fuse ``mentions`` block by block on ``executor`` (a ``sitrep.batch`` executor; None: in this
    process) and merge the blocks' results: the events ``fuse`` gives (see the module's note).

    A first round finds which words become too common to meet events by; the blocks that
    joined through such a word run again knowing them, until none does (at most ``ROUNDS``). ``texts`` as for ``fuse``; ``timings`` (if given) receives the seconds of each
    phase; ``contradictions=False`` leaves them to the caller (a store reads the texts they need)."""
    clock = time.perf_counter()
    by_id = {m.id: m for m in mentions}
    blocks, undated = plan(mentions, span, context_days, by_country)
    positions = {m.id: i for i, m in enumerate(sorted((m for m in mentions if m.day is not None), key=_order))}
    owner_of: dict[str, int] = {}
    for i, block in enumerate(blocks):
        block.positions = {m.id: positions[m.id] for m in block.mentions}
        for mid in block.owned:
            owner_of[mid] = i
    planned = time.perf_counter()
    # first round: every block, no word known to be too common; then again only the blocks
    # whose joins through words used a word the whole corpus had stopped using by then
    results: list[BlockResult | None] = [None] * len(blocks)
    todo = list(range(len(blocks)))
    rounds = reruns = 0
    while todo and rounds < ROUNDS:
        rounds += 1
        reruns += len(todo) if rounds > 1 else 0
        for i, result in zip(todo, _run([blocks[i] for i in todo], executor), strict=True):
            results[i] = result
        common = common_words(results, by_id, positions)  # type: ignore[arg-type]
        todo = [i for i, r in enumerate(results) if _stale(r, common)]  # type: ignore[arg-type]
        for i in todo:
            words = {(m.type, w) for m in blocks[i].mentions for w in m.words}
            blocks[i].common = {key: at for key, at in common.items() if key in words}
    reduced = time.perf_counter()
    assignment: dict[str, str] = {}
    for result in results:
        assignment.update(result.owned)  # type: ignore[union-attr]
    with without_cycle_collection():
        fuser = merge_back(by_id, assignment, [r.orders for r in results], owner_of,  # type: ignore[union-attr]
                           index=bool(undated))
    if undated:
        # as ``fuse`` adds them: after every dated mention, then the merge pass over what they changed
        before = {eid: len(e.mentions) for eid, e in fuser.events.items()}
        with without_cycle_collection():
            for m in sorted(undated, key=_order):
                fuser.add(m)
            changed = {eid for eid, e in fuser.events.items() if before.get(eid) != len(e.mentions)}
            fuser.merge_similar(changed)
    if contradictions:
        siblings = siblings_of(mentions)
        for event in fuser.events.values():
            event.contradictions = find_contradictions(event, siblings=siblings, texts=texts) \
                if len(event.mentions) > 1 else []
    if timings is not None:
        timings.update(plan=round(planned - clock, 3), blocks=round(reduced - planned, 3),
                       merge=round(time.perf_counter() - reduced, 3), block_count=len(blocks), rounds=rounds,
                       reruns=reruns, converged=not todo)
    return fuser


def merge_back(by_id: dict[str, MentionView], assignment: dict[str, str], orders: list[dict[str, list[str]]],
               owner_of: dict[str, int], index: bool = True) -> Fuser:
    """One Fuser holding the blocks' events: each mention in the event its owning block gave it;
    an event's mentions in the order of the block that owns its founding mention, then those
    only other blocks saw, in block order. ``index``: file them in the block indexes too (for
    undated mentions to join)."""
    members: dict[str, set[str]] = defaultdict(set)
    for mid, eid in assignment.items():
        members[eid].add(mid)
    founders = {event_id(by_id[mid]): mid for mid in assignment}
    seen_in: dict[str, list[int]] = defaultdict(list)
    for i, order in enumerate(orders):
        for eid in order:
            seen_in[eid].append(i)
    fuser = Fuser()
    for eid in sorted(members):
        founder = founders.get(eid)
        first = owner_of.get(founder) if founder else None
        sequence = ([orders[first].get(eid, [])] if first is not None else []) + [orders[i][eid] for i in seen_in[eid]]
        placed: set[str] = set()
        event = fuser.events[eid] = Cluster(eid)
        for order in sequence:
            for mid in order:
                if mid in members[eid] and mid not in placed:
                    placed.add(mid)
                    m = by_id[mid]
                    if index:
                        fuser.place(m, eid)
                    else:  # nothing joins later: the events without the block indexes
                        event.append(m)
                        fuser.assignment[mid] = eid
    return fuser


def fuse_store_blocked(store, executor: Any = None) -> FusionReport:  # noqa: ANN001 - a sitrep.store.base.Store
    """``fuse_store`` as a blocked reduce, for a store whose unfused mentions meet no stored event
    (a first fusion of a bulk load). Otherwise the incremental ``fuse_store`` runs: it touches
    only the new mentions' neighbourhood, which a blocked pass would not beat."""
    from sitrep.fuse.events import fuse_store

    start = time.perf_counter()
    with store.fusion() as session:
        batch = session.batch()
        new = _views(batch.mentions)
        if not new and not batch.dirty_events:
            return FusionReport()
        seeds = {key_text(k) for m in new if not m.record.get("historical") for k in candidate_keys(m)}
        if batch.dirty_events or session.events_for_keys(seeds):
            incremental = True
        else:
            incremental = False
            fuser = fuse_blocked(new, executor, contradictions=False)
            # as ``fuse_store`` finds them: with the texts of the reports of attacks told twice
            texts = _texts(store, {a for e in fuser.events.values() if _reads_texts(e) for a in e.by_article})
            siblings = siblings_of(new)
            for event in fuser.events.values():
                event.contradictions = find_contradictions(event, siblings=siblings, texts=texts)
            events = [(e.to_event(), e.block_keys()) for _, e in sorted(fuser.events.items())]
            session.write(events, set(), [m.id for m in new])
            report = FusionReport(len(new), len(events), 0, 0)
    if incremental:
        return fuse_store(store)
    report.seconds = round(time.perf_counter() - start, 3)
    return report


__all__ = ["REPRESENTATIVES", "Block", "Cluster", "fuse_block", "fuse_blocked", "fuse_store_blocked", "plan"]
