"""Several articles at once (``Pipeline.run_many``, ``extract_batch``) give what each gives alone."""

from __future__ import annotations

import pytest

from sitrep.batch import extract_batch
from sitrep.errors import StageError
from sitrep.model import Article
from sitrep.pipeline import DEFAULT_STAGES, Pipeline, get_pipeline
from sitrep.stages.doc import Doc
from sitrep.stages.parse import parse_ahead, parse_sentences

ARTICLES = [
    ("Militants storm police post near Kandahar",
     "Militants stormed a police post near Kandahar on Sunday, killing four officers, a provincial spokesman said. "
     "The attackers fled before reinforcements arrived."),
    ("Air strike hits market in Saada",
     "An air strike hit a crowded market in Saada on Tuesday, killing nine people, medics said. "
     "Militants stormed a police post near Kandahar on Sunday, killing four officers, a provincial spokesman said."),
    (None, "Protesters marched through central Khartoum on Friday demanding civilian rule. Police fired tear gas."),
    ("Nothing happened", "The committee will meet again next month to discuss the budget."),
]


def _articles() -> list[Article]:
    return [Article(text=text, title=title, published="2024-05-06", id=f"a{i}")
            for i, (title, text) in enumerate(ARTICLES)]


def _dicts(mentions: list) -> list[dict]:
    return [m.to_dict() for m in mentions]


def test_many_articles_give_what_each_gives_alone() -> None:
    pipeline = get_pipeline("rules")
    alone = [_dicts(pipeline.extract_article(a)) for a in _articles()]
    together = [_dicts(result) for result in pipeline.extract_articles(_articles())]
    assert together == alone
    assert any(alone), "the articles tell events"


def test_extract_batch_uses_the_batch_form_and_agrees_with_a_plain_callable() -> None:
    pipeline = get_pipeline("rules")
    batched = extract_batch(pipeline.extract_article, _articles())
    plain = extract_batch(lambda a: pipeline.extract_article(a), _articles())
    assert [_dicts(r.mentions) for r in batched] == [_dicts(r.mentions) for r in plain]
    assert [r.article.id for r in batched] == [a.id for a in _articles()]


def _failing(doc: Doc) -> Doc:
    if "Khartoum" in doc.text:
        raise RuntimeError("boom")
    return doc


def _pipeline_with(stage, after: str = "triggers") -> Pipeline:  # noqa: ANN001
    stages = list(DEFAULT_STAGES)
    at = [name for name, _ in stages].index(after) + 1
    stages.insert(at, ("failing", stage))
    return Pipeline(stages)


def test_a_failing_article_fails_alone_with_its_stage_named() -> None:
    pipeline = _pipeline_with(_failing)
    results = pipeline.extract_articles(_articles())
    assert isinstance(results[2], StageError) and "stage 'failing'" in str(results[2])
    assert isinstance(results[2].__cause__, RuntimeError)
    good = get_pipeline("rules")
    for i in (0, 1, 3):
        assert _dicts(results[i]) == _dicts(good.extract_article(_articles()[i]))
    with pytest.raises(StageError, match="stage 'failing'"):
        pipeline.run(_articles()[2])
    batch = extract_batch(pipeline.extract_article, _articles())
    assert batch[2].mentions is None and batch[2].failure.stage == "failing"
    assert all(r.failure is None for i, r in enumerate(batch) if i != 2)


def test_a_failing_headline_fails_its_article_as_the_title_stage() -> None:
    def on_title(doc: Doc) -> Doc:
        if doc.text.startswith("Air strike hits"):
            raise ValueError("bad headline")
        return doc

    results = _pipeline_with(on_title).extract_articles(_articles())
    assert isinstance(results[1], StageError) and "stage 'title'" in str(results[1])
    assert not any(isinstance(r, StageError) for i, r in enumerate(results) if i != 1)


def test_a_stage_returning_no_doc_is_named() -> None:
    results = _pipeline_with(lambda doc: None, after="events").extract_articles(_articles()[:2])
    assert all(isinstance(r, StageError) and "not Doc" in str(r) for r in results)


def _parsed(doc: Doc) -> dict:
    return {i: [(t.text, t.tag_, t.pos_, t.dep_, t.head.i) for t in p] for i, p in doc.extra["parses"].items()}


def _ready(text: str) -> Doc:
    doc = Doc(article=Article(text=text, published="2024-05-06"), text=text)
    for name, stage in DEFAULT_STAGES:
        if name == "parse":
            return doc
        doc = stage(doc)
    raise AssertionError("no parse stage")


def test_parsing_ahead_gives_each_sentence_the_parse_it_has_alone() -> None:
    texts = [text for _, text in ARTICLES]
    alone = [_parsed(parse_sentences(_ready(text))) for text in texts]
    docs = [_ready(text) for text in texts]
    parse_ahead(docs)
    assert all("parsed_ahead" in doc.extra for doc in docs if doc.triggers)
    together = [_parsed(parse_sentences(doc)) for doc in docs]
    assert together == alone
    assert all("parsed_ahead" not in doc.extra for doc in docs)
    assert any(alone)
