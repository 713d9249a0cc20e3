"""The learned violation-type classifier (sitrep.violations) and its trainer."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sitrep import extract
from sitrep.evaluate import train_hrds as T
from sitrep.violations import WeightsError, classify_violations, features, load_weights, violation_types


def classified(title: str, text: str) -> tuple[dict[str, float], set[str]]:
    records = [m.to_dict() for m in extract(text, published="2022-05-10", title=title)]
    return classify_violations(records, title, text), violation_types(records, title, text)


def test_shipped_weights_load_and_cover_every_type():
    model = load_weights()
    assert set(model["classes"]) == set(T.CLASSES)
    for cls in model["classes"].values():
        assert len(cls["weights"]) == len(model["vocabulary"])
        assert 0 < cls["threshold"] < 1
    assert model["trained_on"] == 300 and set(model["parts"]) <= {"records", "text", "rules"}


def test_a_kidnapping_report_gets_the_kidnapping_type():
    probs, types = classified("Gunmen abduct rights lawyer in Kaduna",
                              "Armed men kidnapped a human rights lawyer from his home in Kaduna on Sunday night, "
                              "his family said. The kidnappers have demanded a ransom.")
    assert "kidnapping" in types and "arbitrary detention" not in types
    assert probs["kidnapping"] > probs["arbitrary detention"]


def test_an_arrest_and_a_killing_get_their_types():
    _, arrest = classified("Police arrest journalist over critical reports",
                           "Police arrested a journalist at his office in Harare on Monday and detained him "
                           "without charge, his lawyer said.")
    assert "arbitrary detention" in arrest and "killing" not in arrest
    probs, killing = classified("Land rights activist shot dead",
                                "Unidentified gunmen shot dead a land rights activist outside her home on Friday, "
                                "police said. She had received death threats.")
    assert "killing" in killing and probs["killing"] > probs["kidnapping"]


def test_a_broken_weights_file_is_named(tmp_path):
    broken = tmp_path / "w.json"
    broken.write_text("{\"classes\": ", encoding="utf-8")
    with pytest.raises(WeightsError, match="w.json"):
        load_weights(broken)


def synthetic() -> tuple[list[dict], dict[str, list[dict]]]:
    """Thirty articles of three kinds: arrests (detention), abductions (kidnapping), shootings (killing)."""
    kinds = [("COERCE", "arrest", "police", ["arbitrary detention"]), ("ASSAULT", "abduct", "gunmen", ["kidnapping"]),
             ("ASSAULT", "shoot", "armed group", ["killing"])]
    articles, records = [], {}
    for i in range(30):
        etype, mode, kind, labels = kinds[i % 3]
        doc_id = f"s{i}"
        articles.append({"doc_id": doc_id, "title": f"Report {i}", "text": "", "gold": {"violations": labels}})
        records[doc_id] = [{"type": etype, "mode": mode, "actor1": {"kind": kind, "label": kind}, "casualties": []}]
    return articles, records


def test_training_is_deterministic_and_learns_the_obvious():
    articles, records = synthetic()
    first = T.train(articles, records, ("records",))
    second = T.train(articles, records, ("records",))
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    arrest = [{"type": "COERCE", "mode": "arrest", "actor1": {"kind": "police"}, "casualties": []}]
    abduction = [{"type": "ASSAULT", "mode": "abduct", "actor1": {"kind": "gunmen"}, "casualties": []}]
    assert violation_types(arrest, "", "", model=first) == {"arbitrary detention"}
    assert violation_types(abduction, "", "", model=first) == {"kidnapping"}


def test_logistic_fit_separates_and_is_regularised():
    x = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    y = np.array([1.0, 1.0, 0.0, 0.0])
    _, weak = T.fit_logistic(x, y, 10.0)
    _, strong = T.fit_logistic(x, y, 0.1)
    assert weak[0] > weak[1] and strong[0] > strong[1]
    assert abs(strong[0] - strong[1]) > abs(weak[0] - weak[1])  # a lighter penalty, larger weights


def test_features_read_records_and_words():
    record = {"type": "ASSAULT", "mode": "torture", "actor1": {"kind": "police"}, "historical": False,
              "casualties": [{"kind": "killed", "count": 2}]}
    found = features([record], "Detainees tortured", "Two men died in custody.", ("records", "text"))
    assert {"main:type=ASSAULT", "main:mode=torture", "main:actor1=police", "any:killed", "title:tortured",
            "lead:custody"} <= found
    assert features([], None, None, ("records",)) == {"rec:none"}
