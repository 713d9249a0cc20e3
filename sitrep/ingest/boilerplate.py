"""Paragraph-level boilerplate removal for plain text (and HTML after extraction).

Explainable rules from ``data/boilerplate.yaml``: every removed paragraph gets the name of the
rule that removed it. Three passes:

1. strong rules: a paragraph matching one is boilerplate (shop adverts, donation appeals,
   newsletter sign-ups, captions, share counters, related-link headers, legal lines);
2. weak cues: a short paragraph with two or more weak cues is boilerplate;
3. edges: a short paragraph lying between two boilerplate paragraphs in the last third of a
   document is boilerplate too (appeals come in runs; a lone sentence inside one is part of it).

Link lists (runs of short title-like lines without a full stop) at the end are removed as
"related".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep import lexicon
from sitrep.resolve.datafiles import load_yaml

_PARA_SPLIT = re.compile(r"\n\s*\n")


@dataclass
class Paragraph:
    text: str
    start: int
    end: int
    rule: str | None = None


@lru_cache(maxsize=1)
def _rules() -> tuple[list[tuple[str, re.Pattern[str]]], list[re.Pattern[str]]]:
    data = load_yaml("boilerplate.yaml")
    strong = [
        (name, re.compile(pattern, re.IGNORECASE | re.MULTILINE))
        for name, patterns in data["strong"].items()
        for pattern in patterns
    ]
    weak = [re.compile(p, re.IGNORECASE) for p in data["weak"]]
    return strong, weak


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs separated by blank lines; a text without blank lines is split on lines."""
    paras: list[Paragraph] = []
    separator = _PARA_SPLIT if _PARA_SPLIT.search(text) else re.compile(r"\n")
    pos = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            paras.append(Paragraph(chunk.strip(), pos + lead, pos + lead + len(chunk.strip())))
        if match:
            pos = match.end()
    return paras


def _classify(text: str) -> str | None:
    strong, weak = _rules()
    for name, pattern in strong:
        if pattern.search(text):
            return name
    words = len(text.split())
    cues = sum(1 for p in weak if p.search(text))
    if words <= 80 and cues >= 2 and _SPEAKS_TO_READER.search(text):
        return "appeal"
    return None


def teaser_link(text: str) -> bool:
    """One line pointing the reader to another story ("Related: ...", "ALSO READ| Man held in ...").

    Such a line is the headline of a different article: its words are no sentence of this one."""
    line = text.strip()
    return ("\n" not in line and len(line) <= 200
            and any(p.search(line) for name, p in _rules()[0] if name == "related"))


_TAGS = re.compile(r"(?:^|(?<=\s))Tags\s+(?=[A-Za-z])")
_TAG_WORDS = 30  # a keyword list is short: past this many words with no sentence opening, it is left alone
_ARTICLES = frozenset({"The", "A", "An"})
# a word right after a capitalised one that shows a clause has begun ("Warplanes carried out")
_CLAUSE_VERB = re.compile(r"[a-z]+ed|hit|hits|kill|kills")
# small words that join a clause, not a keyword list ("Airstrikes on a village", "troops and gunmen")
_JOINING = frozenset({"a", "an", "the", "and", "of", "on", "in", "at", "to", "by", "from", "with", "for",
                      "were", "was", "is", "are", "has", "have", "had"})


def _named(word: str) -> bool:
    """A capitalised word, or a name written with its article ("al-Nusra")."""
    return word[:1].isupper() or word.startswith(("al-", "el-"))


def tag_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A page's keyword list run into the story with no full stop ("... a monitor said. Tags Syria Idlib
    gas attack Assad Warplanes carried out a suspected ..."): spans from "Tags" to where the story's
    next sentence opens (an article, a count, a time word, a capitalised word a verb or a clause's small
    word follows), or to the paragraph's end when the short list closes it. Its words are no sentence of
    the story. Where the words read as a clause before any such opening, the list's end is unsure and
    nothing is cut."""
    runs: list[tuple[int, int]] = []
    openers = frozenset(lexicon.sentence_openers())
    counts = {w for w in lexicon.number_words() if w.isalpha()}
    for m in _TAGS.finditer(text, start, end):
        words = [(w.start(), w.group().strip("\"“‘(.,;")) for w in re.finditer(r"\S+", text[m.end():end])]
        words = words[:_TAG_WORDS + 2]
        body = None
        for i, (_at, word) in enumerate(words[:_TAG_WORDS]):
            after = [w for _a, w in words[i + 1:i + 3]] + ["", ""]
            if word in _JOINING and i > 0 and not _named(words[i - 1][1]):
                break  # a clause already ("regime bombardment on rebel-held ..."): the list's end is unsure
            if not word[:1].isupper():
                continue
            lowered_next = after[0][:1].islower() or after[0][:1].isdigit()
            if word in _ARTICLES or (lowered_next and (word.lower() in openers or word.lower() in counts)) \
                    or _CLAUSE_VERB.fullmatch(after[0]) or (after[0][:1].islower() and after[1] in _JOINING):
                body = i
                break
        else:
            if len(words) <= _TAG_WORDS:
                runs.append((m.start(), end))  # the list closes the paragraph
            continue
        if body is not None:
            runs.append((m.start(), m.end() + words[body][0]))
    return runs


# an appeal speaks as the outlet or to its reader ("we rely on", "your support"); a news paragraph
# whose words happen to be cues ("one of France's largest corporations ... head of human resources")
# does not
_SPEAKS_TO_READER = re.compile(r"\b(?:we|our|us|you|your)\b", re.IGNORECASE)


_SENTENCE_CLOSE = re.compile(r"[.!?:\"”»)\u3002\uff01\uff1f\u061f\u0964]\s*$")  # also 。！？ ؟ ।


def _is_link_line(text: str) -> bool:
    words = text.split()
    # scripts written without spaces make one "word" of a sentence: its length says more
    return (0 < len(words) <= 14 and len(text) <= 120 and not _SENTENCE_CLOSE.search(text)
            and "\n" not in text)


def _is_short(p: Paragraph) -> bool:
    return len(p.text.split()) <= 60


def find_boilerplate(text: str) -> list[Paragraph]:
    """All paragraphs of ``text`` with ``rule`` set on those judged boilerplate."""
    paras = split_paragraphs(text)
    for p in paras:
        p.rule = _classify(p.text)
    n = len(paras)
    if n == 0:
        return paras
    # trailing edge: fill gaps between boilerplate paragraphs in the last third
    tail_start = (2 * n) // 3
    marked = [i for i in range(tail_start, n) if paras[i].rule]
    if marked:
        for i in range(marked[0], n):
            if not paras[i].rule and _is_short(paras[i]) and any(j > i for j in marked):
                paras[i].rule = "edge"
    # trailing link lists: 3+ title-like lines at the end
    run, body_before = 0, False
    for p in reversed(paras):
        if p.rule or _is_link_line(p.text):
            run += 1 if not p.rule else 0
            continue
        body_before = True
        break
    # a run reaching the top is the page itself (headings and lines without full stops), not a list
    if run >= 3 and body_before:
        for p in reversed(paras):
            if p.rule:
                continue
            if _is_link_line(p.text):
                p.rule = "related"
            else:
                break
    return paras


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")
LONG_PARAGRAPH = 120  # words; a longer block is article text with boilerplate sentences inside


def _strip_sentences(paragraph: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove boilerplate sentences from a long paragraph (flattened web text)."""
    strong, _weak = _rules()
    kept, removed = [], []
    for sentence in _SENTENCE_END.split(paragraph):
        rule = next((name for name, pattern in strong if pattern.search(sentence)), None)
        if rule and len(sentence.split()) <= 60:
            removed.append((rule, sentence))
        else:
            kept.append(sentence)
    return " ".join(kept), removed


@lru_cache(maxsize=1)
def _caption_credits() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in load_yaml("boilerplate.yaml").get("caption_credit", [])]


def caption_credit_at(text: str, pos: int) -> bool:
    """Whether a photo credit ("(Reuters)", "(AFP photo)") opens ``text`` at ``pos``, after a sentence:
    the sentence it follows is the photo's caption."""
    skip = pos + len(text[pos:pos + 8]) - len(text[pos:pos + 8].lstrip())
    return any(p.match(text, pos) or p.match(text, skip) for p in _caption_credits())


def caption_credits(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The photo credits between ``start`` and ``end`` that a new sentence follows ("... Syria August 1
    2016 (Reuters Photo) Ten civilians were killed"): each closes a caption run into the story."""
    found = []
    for pattern in _caption_credits():
        for m in pattern.finditer(text, start, end):
            if re.match(r"\s+[\"“]?[A-Z0-9]", text[m.end():m.end() + 3]):
                s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                found.append((s, m.end()))
    return sorted(set(found))


_REPORTED = re.compile(r"\b(?:" + lexicon.speech_alternation("reported_cue") + r")\b", re.I)
CAPTION_WORDS = 80  # a longer run before a photo credit is not one caption


def strip_captions(paragraph: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove photo captions run into the text: from the preceding sentence end or dateline
    to the credit that closes them ("(AFP photo)")."""
    from sitrep.ingest.metadata import dateline_end

    removed: list[tuple[str, str]] = []
    for pattern in _caption_credits():
        while (m := pattern.search(paragraph)) is not None:
            head = paragraph[:m.start()]
            ends = [e.end() for e in _SENTENCE_END.finditer(head)]
            start = max([0, *ends, dateline_end(head)])
            if len(head[start:].split()) > CAPTION_WORDS or _REPORTED.search(head[start:]):
                start = m.start()  # too long for a caption, or a reported sentence: drop the credit only
            removed.append(("caption", paragraph[start:m.end()].strip()))
            before, after = paragraph[:start].rstrip(), paragraph[m.end():].lstrip()
            paragraph = f"{before} {after}" if before and after else before or after
    return paragraph, removed


def strip_boilerplate(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Clean text (kept paragraphs joined by blank lines) and the removed (rule, paragraph)."""
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    for p in find_boilerplate(text):
        if p.rule and len(p.text.split()) > LONG_PARAGRAPH:
            clean, dropped = _strip_sentences(p.text)
            kept.append(clean)
            removed.extend(dropped)
        elif p.rule:
            removed.append((p.rule, p.text))
        else:
            kept.append(p.text)
    out: list[str] = []
    for paragraph in kept:
        clean, captions = strip_captions(paragraph)
        removed.extend(captions)
        if clean.strip():
            out.append(clean)
    return "\n\n".join(out), removed
