"""Stage: split the text into sentences (with paragraph numbers), by rules."""

from __future__ import annotations

import re

from sitrep import lexicon
from sitrep.ingest.boilerplate import caption_credits, tag_runs, teaser_link
from sitrep.stages.datelines import find_datelines
from sitrep.stages.doc import Doc, Sentence

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs",
    *(a.lower() for a in lexicon.month_abbreviations()), "u.s", "u.n",
    "u.k", "e.g", "i.e", "a.m", "p.m", "inc", "co", "corp", "prof", "sen", "rep", "gov", "brig",
}
_BOUNDARY = re.compile(r"([.!?][\"”’)]*)(\s+)(?=[\"“‘(]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\d+\.\s)|\n(?=[A-Z“\"])")


def _split_paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def segment(doc: Doc) -> Doc:
    text = doc.text
    sentences: list[Sentence] = []
    doc.datelines = find_datelines(text)
    # flattened web text: "... in Syria AFP Thursday 16 Jul 2015 At least ..." -> three units
    stamps = [d for d in doc.datelines if d.run_in]
    for p_index, (p_start, p_end) in enumerate(_split_paragraphs(text)):
        if teaser_link(text[p_start:p_end]):
            continue  # "ALSO READ| <another story's headline>": not this article's text
        # a page's keyword list run into the story ("Tags Syria Idlib airstrike At least 11 ..."): no sentence
        for piece_start, piece_end in _outside(tag_runs(text, p_start, p_end), p_start, p_end):
            start = piece_start
            for d in stamps:
                if not (piece_start <= d.start and d.end <= piece_end):
                    continue
                if d.start > start:
                    _split_plain(sentences, text, start, d.start, p_index)
                _add(sentences, text, d.start, d.end, p_index)
                start = d.end
            _split_plain(sentences, text, start, piece_end, p_index)
    doc.sentences = sentences
    return doc


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``start``..``end`` that no span (in order, not overlapping) covers."""
    out = []
    for s, e in spans:
        out.append((start, s))
        start = e
    out.append((start, end))
    return [(s, e) for s, e in out if e > s]


def _split_plain(sentences: list[Sentence], text: str, start: int, p_end: int, p_index: int) -> None:
    # a photo caption run into the story with no full stop ("... in Aleppo August 1 2016 (Reuters Photo) Ten
    # civilians were killed on Tuesday"): the credit ends the caption, and stands alone, so that the
    # caption's day and words stay out of the lead
    for s, e in caption_credits(text, start, p_end):
        if s < start or re.search(r"[.!?][\"”’]*\s*$", text[start:s]):
            continue  # (after a sentence's end the credit opens the next sentence, as before)
        _split_run(sentences, text, start, s, p_index)
        _add(sentences, text, s, e, p_index)
        start = e
    _split_run(sentences, text, start, p_end, p_index)


def _split_run(sentences: list[Sentence], text: str, start: int, p_end: int, p_index: int) -> None:
    for m in _BOUNDARY.finditer(text, start, p_end):
        word = re.search(r"([\w.]+)$", text[start:m.start()])
        token = word.group(1).lower().rstrip(".") if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        _add(sentences, text, start, m.end(1), p_index)
        start = m.end()
    _add(sentences, text, start, p_end, p_index)


MAX_SENTENCE = 600  # characters; longer runs (text that lost its punctuation) are cut at spaces


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut != -1 else start + MAX_SENTENCE
        _add_one(sentences, text, start, cut, paragraph)
        start = cut
    _add_one(sentences, text, start, end, paragraph)


def _add_one(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    if trail <= lead:
        return
    s, e = start + lead, start + trail
    sentences.append(Sentence(len(sentences), s, e, paragraph, text[s:e]))
