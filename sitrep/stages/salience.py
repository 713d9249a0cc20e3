"""Which candidate records report a real, specific, current event: a small logistic model.

The events stage proposes candidates from trigger words; many are not events a careful coder
records (a noun used generically — "allegations of torture", "a spate of kidnappings" —, an
opinion in a quote, a charge read out in court, a reaction told deep in a feature). Each
candidate is described by general features of its sentence, its parse and its fields (never
words of a particular article), and a logistic model weighs them. The weights live in
``sitrep/data/salience.json``, fitted by ``python -m sitrep.evaluate.train_salience`` on the
record-level development gold, with the documents split into folds so that the reported figure
is measured on documents the weights never saw.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Any

from sitrep.model import EventMention
from sitrep.resolve.datafiles import data_path
from sitrep.stages.doc import Doc
from sitrep.stages.parse import depth, predicate, realis, token_at

_VIOLENT = {"ASSAULT", "COERCE"}
_GENERIC_HEADS = re.compile(
    r"\b(?:allegations?|accusations?|charges?|charged|convicted|cases?|reports?|claims?|risk|threat|fears?|"
    r"culture|campaign|history|wave|spate|series|kind|type|forms?|acts?|crimes?|practices?|use|policy|"
    r"accused|suspicion|guilty|sentenced|trial)\s+(?:of|for|with)\s+(?:\w+\s+){0,2}$", re.I)
_QUOTES = "\"“”«»"
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been|\w+ed|\w+en)\b", re.I)
_SINCE = re.compile(r"\b(?:since|for years|for months|in recent (?:years|months)|over the (?:past|last))\b", re.I)

FEATURES = [
    "bias", "t_assault", "t_coerce", "t_protest", "t_verbal",
    "headline", "first3", "sent_pos", "para_pos", "n_sentences",
    "verb_trigger", "noun_trigger", "depth0", "depth_log", "past", "present", "perfect", "passive",
    "noun_det", "noun_plural", "generic_of", "in_quote", "quote_sentence",
    "casualties", "count", "actor1", "actor1_named", "actor2", "place_fine", "date_text", "date_day",
    "reported", "asserted", "since", "sentence_len", "mood_actual", "confidence",
    "v_request", "v_accuse", "v_consult", "v_concede", "v_threaten", "v_reject", "v_agree", "v_mobilize",
    "legal", "actor2_named", "denials", "title_words", "side_clause",
]
_VERBAL_FEATURES = {"REQUEST": "v_request", "ACCUSE": "v_accuse", "CONSULT": "v_consult", "CONCEDE": "v_concede",
                    "THREATEN": "v_threaten", "REJECT": "v_reject", "AGREE": "v_agree", "SUPPORT": "v_agree",
                    "COOPERATE": "v_agree", "AID": "v_agree", "MOBILIZE": "v_mobilize", "RETREAT": "v_concede"}


def _in_quote(text: str, start: int, at: int) -> bool:
    """Whether ``at`` lies inside a quotation opened after ``start``."""
    seg = text[start:at]
    return (seg.count('"') % 2 == 1) or seg.count("“") > seg.count("”")


def features(doc: Doc, m: EventMention, trigger_at: int | None) -> dict[str, float]:
    first = m.sentences[0]
    sentence = doc.sentences[first]
    n = max(1, len(doc.sentences))
    f: dict[str, float] = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    f["t_assault"] = float(m.type == "ASSAULT")
    f["t_coerce"] = float(m.type == "COERCE")
    f["t_protest"] = float(m.type == "PROTEST")
    f["t_verbal"] = float(m.type not in ("ASSAULT", "COERCE", "PROTEST"))
    f["headline"] = float(first == 0)
    f["first3"] = float(first <= 2)
    f["sent_pos"] = first / n
    f["para_pos"] = min(sentence.paragraph, 20) / 20
    f["n_sentences"] = math.log1p(len(m.sentences))
    f["sentence_len"] = min(len(sentence.text), 600) / 600
    text = doc.text
    token = token_at(doc, first, trigger_at) if trigger_at is not None else None
    if token is not None:
        p = predicate(token)
        f["verb_trigger"] = float(token.pos_ in ("VERB", "AUX"))
        f["noun_trigger"] = float(token.pos_ in ("NOUN", "PROPN"))
        d = depth(p)
        f["depth0"] = float(d == 0)
        f["depth_log"] = math.log1p(d)
        f["past"] = float(p.tag_ in ("VBD", "VBN"))
        f["present"] = float(p.tag_ in ("VBZ", "VBP", "VBG"))
        f["passive"] = float(any(c.dep_ in ("auxpass", "nsubjpass") for c in p.children))
        if token.pos_ == "NOUN":
            f["noun_det"] = float(any(c.dep_ in ("det", "poss", "nummod") for c in token.children))
            f["noun_plural"] = float(token.tag_ == "NNS")
        f["mood_actual"] = float(realis(token) == "actual")
        # "a blogger who was arrested in 2019", "the students detained last month": an act told in a clause
        # that says who someone is, a side mention rather than what the sentence reports
        f["side_clause"] = float("relcl" in (p.dep_, token.dep_) or "acl" in (p.dep_, token.dep_))
        start = sentence.start
        f["in_quote"] = float(_in_quote(text, start, trigger_at))
    f["quote_sentence"] = float(sentence.text.lstrip()[:1] in _QUOTES)
    if trigger_at is not None:
        f["generic_of"] = float(bool(_GENERIC_HEADS.search(text[max(sentence.start, trigger_at - 40):trigger_at])))
    f["perfect"] = float(bool(_PERFECT.search(sentence.text)))
    f["since"] = float(bool(_SINCE.search(sentence.text)))
    f["casualties"] = float(bool(m.casualties))
    f["count"] = float(any(c.count for c in m.casualties))
    f["actor1"] = float(m.actor1 is not None)
    f["actor1_named"] = float(m.actor1 is not None and m.actor1.id is not None)
    f["actor2"] = float(m.actor2 is not None)
    f["place_fine"] = float(m.location is not None and m.location.precision not in ("country", "region"))
    f["date_text"] = float(m.date is not None and m.date.basis == "text")
    f["date_day"] = float(m.date is not None and m.date.basis == "text" and m.date.precision == "day")
    f["reported"] = float(m.claim.modality == "reported")
    f["asserted"] = float(m.claim.modality == "asserted")
    f["confidence"] = m.confidence
    if m.type in _VERBAL_FEATURES:
        f[_VERBAL_FEATURES[m.type]] = 1.0
    f["legal"] = float(m.mode == "legal")
    f["actor2_named"] = float(m.actor2 is not None and m.actor2.id is not None)
    f["denials"] = float(bool(m.denials))
    # the act is the article's subject: its trigger word recurs in the headline
    title = (doc.article.title or "").lower()
    f["title_words"] = float(bool(m.trigger) and m.trigger.lower()[:5] in title)
    return f


@lru_cache(maxsize=1)
def _model() -> dict[str, Any] | None:
    path = data_path("salience.json")
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def score(feats: dict[str, float], model: dict[str, Any] | None = None) -> float:
    """Probability that the candidate is a recordable event (1.0 with no model)."""
    model = model or _model()
    if model is None:
        return 1.0
    z = sum(w * feats.get(name, 0.0) for name, w in model["weights"].items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def threshold(model: dict[str, Any] | None = None) -> float:
    model = model or _model()
    return 0.0 if model is None else float(model["threshold"])
