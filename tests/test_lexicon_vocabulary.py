"""The reviewed vocabulary is in one place: lexicon.yaml, read once through sitrep.lexicon, with
named subsets of the speech verbs that the modules build their patterns from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep import lexicon

SITREP = Path(lexicon.__file__).resolve().parent.parent
SOURCES = {p: p.read_text(encoding="utf-8") for p in SITREP.rglob("*.py") if "lexicon" not in p.parts}


def test_every_named_speech_verb_set_is_used():
    names = lexicon.speech_verb_set_names()
    assert names
    for name in names:
        assert lexicon.speech_verb_set(name), name
        users = [p for p, text in SOURCES.items() if re.search(r"speech_(?:alternation|verb_set)\(\s*[\"']" + name + r"[\"']", text)]
        assert users, f"speech verb set {name!r} is listed in lexicon.yaml but no module reads it"


def test_every_approximate_set_is_used_and_approximate():
    quantities = set(lexicon.approximate_quantities())
    for name in lexicon.approximate_set_names():
        words = lexicon.approximate_alternation(name).split("|")
        assert words and set(words) <= quantities, name
        users = [p for p, text in SOURCES.items() if re.search(r"approximate_alternation\(\s*[\"']" + name + r"[\"']", text)]
        assert users, f"approximate set {name!r} is listed in lexicon.yaml but no module reads it"
    with pytest.raises(KeyError):
        lexicon.approximate_alternation("no such set")


def test_every_demonym_set_is_used_and_demonyms():
    demonyms = lexicon.demonym_lookup()
    for name in lexicon.demonym_set_names():
        words = lexicon.demonym_set(name)
        assert words and all(w in demonyms for w in words), name
        users = [p for p, text in SOURCES.items() if re.search(r"demonym_set\(\s*[\"']" + name + r"[\"']", text)]
        assert users, f"demonym set {name!r} is listed in lexicon.yaml but no module reads it"


def test_every_speech_verb_set_a_module_asks_for_is_listed():
    listed = set(lexicon.speech_verb_set_names())
    for path, text in SOURCES.items():
        for name in re.findall(r"speech_(?:alternation|verb_set)\(\s*[\"'](\w+)[\"']", text):
            assert name in listed, f"{path.name} asks for unlisted speech verb set {name!r}"
    with pytest.raises(KeyError):
        lexicon.speech_verb_set("no such set")


def test_speech_alternation_keeps_the_listed_order_and_leaves_out():
    words = lexicon.speech_verb_set("claim")
    assert words.index("claimed") < words.index("claimed responsibility")
    alternation = lexicon.speech_alternation("speaking_at", without=("told",))
    assert re.fullmatch(r"(?:" + alternation + r")", "said")
    assert not re.fullmatch(r"(?:" + alternation + r")", "told")
    assert re.fullmatch(r"(?:" + lexicon.speech_alternation("statement") + r")", "pointed out")


def test_lexicon_words_are_read_once(monkeypatch):
    reads = []
    real = lexicon.load_yaml

    def counting(name):
        reads.append(name)
        return real(name)

    monkeypatch.setattr(lexicon, "load_yaml", counting)
    lexicon._general.cache_clear()
    try:
        for _ in range(2):
            lexicon.months(), lexicon.month_abbreviations(), lexicon.weekdays(), lexicon.number_words()
            lexicon.speech_verbs(), lexicon.speech_verb_set_names(), lexicon.speech_verb_set("statement")
            lexicon.speech_alternation("denial"), lexicon.weekday_alternation(), lexicon.regarding_verbs()
        assert reads == ["lexicon.yaml"]
    finally:
        lexicon._general.cache_clear()


def test_no_module_but_the_lexicon_reads_lexicon_yaml():
    readers = [p.name for p, text in SOURCES.items() if re.search(r"load_yaml\(\s*[\"']lexicon\.yaml", text)]
    assert readers == []


# a run of month names, weekdays, number words or the commonest speech verbs, spelled as an alternation
_SPELLED = re.compile(r"(?i)\b(?:january\|february|february\|march|monday\|tuesday|said\|says|says\|said|said\|told"
                      r"|two\|three|three\|four|jan\|feb|mon\|tue)\b"
                      r"|[\"'](?:january|jan|monday|two)[\"'][:,]\s*(?:\d+,\s*)?[\"'](?:february|feb|tuesday|three)[\"']")


def test_months_weekdays_number_words_and_speech_verbs_are_not_spelled_in_modules():
    spelled = [p.relative_to(SITREP).as_posix() for p, text in SOURCES.items() if _SPELLED.search(text)]
    assert spelled == []


def test_month_words_and_numbers():
    words = lexicon.month_words()
    assert {"September", "Sept", "Sep", "May"} <= set(words)
    assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)
    numbers = lexicon.month_numbers()
    assert numbers["sept"] == numbers["sep"] == numbers["september"] == 9
    assert numbers["may"] == 5 and numbers["jan"] == 1 and len(set(numbers.values())) == 12
    assert "monday" in lexicon.calendar_words() and "march" in lexicon.calendar_words()
    assert lexicon.weekday_alternation().split("|")[0] == "monday"


def test_count_words():
    assert lexicon.count_words(2, 4) == ("two", "three", "four")
    assert lexicon.count_alternation(9, 11) == "nine|ten|eleven"
    assert "ninety" in lexicon.count_words(20, 90) and "hundred" not in lexicon.count_words(20, 90)
