"""The attribute table sets what spaCy's attribute ruler sets, token for token."""

from __future__ import annotations

import spacy

from sitrep.stages.attribute_table import AttributeTable, use_attribute_table
from sitrep.stages.parse import MODEL, _nlp

SENTENCES = [
    "Gunmen opened fire on a bus carrying pilgrims near the border on Thursday, killing at least seven.",
    "It is not clear who was behind the attack, but police said they had arrested two suspects.",
    "There were reports that the army had shelled the village; residents ain't going back, one said.",
    "I saw them and they saw me. That is what we do, and those were the days.",
    "Let's see whether he gets it done; he got it wrong before and he's gonna try again.",
    "Protesters  marched\n\nthrough the capital demanding the release of detained journalists.",
    "Whose rockets hit the depot remains disputed: both sides deny firing.",
]


def _attributes(doc) -> list[tuple]:  # noqa: ANN001
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.morph.key) for t in doc]


def test_the_table_sets_what_the_ruler_sets() -> None:
    plain = spacy.load(MODEL, exclude=["lemmatizer", "ner"])
    assert use_attribute_table(_nlp())
    assert _nlp().pipe_names == plain.pipe_names
    expected = [_attributes(d) for d in plain.pipe(SENTENCES)]
    assert [_attributes(d) for d in _nlp().pipe(SENTENCES)] == expected
    assert any(t[2] == "AUX" for doc in expected for t in doc)  # exceptions by dependency were exercised


def test_the_table_applies_later_patterns_over_earlier_ones() -> None:
    nlp = spacy.load(MODEL, exclude=["lemmatizer", "ner", "attribute_ruler"])
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": "attack", "TAG": "NN"}]], {"POS": "VERB", "LEMMA": "strike"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": {"IN": ["attack", "blast"]}}]], {"POS": "PROPN"}, index=1)
    ruler.add([[{"DEP": {"NOT_IN": ["det", ""]}, "LOWER": {"REGEX": "^bl"}}]], {"MORPH": "Number=Sing"})
    text = "The attack and the blast shook the town."
    expected = _attributes(nlp(text))
    table = AttributeTable(ruler)
    with nlp.select_pipes(disable=["attribute_ruler"]):
        doc = nlp(text)
    assert _attributes(table(doc)) == expected
    assert expected[1][2] == "PROPN" and expected[1][5] == "strike"


def test_a_pattern_it_does_not_read_keeps_the_ruler() -> None:
    nlp = spacy.load(MODEL, exclude=["lemmatizer", "ner", "attribute_ruler"])
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"}]], {"POS": "X"})
    assert not use_attribute_table(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler
