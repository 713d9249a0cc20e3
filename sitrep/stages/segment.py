"""Stage: split the text into sentences (with paragraph numbers), by rules."""

from __future__ import annotations

import re

from sitrep.stages.doc import Doc, Sentence

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
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
    for p_index, (p_start, p_end) in enumerate(_split_paragraphs(text)):
        start = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            word = re.search(r"([\w.]+)$", text[start:m.start()])
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            _add(sentences, text, start, m.end(1), p_index)
            start = m.end()
        _add(sentences, text, start, p_end, p_index)
    doc.sentences = sentences
    return doc


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    if trail <= lead:
        return
    s, e = start + lead, start + trail
    sentences.append(Sentence(len(sentences), s, e, paragraph, text[s:e]))
