"""Quality gates on FA-KES (development half): fail when scores drop below pinned minimums.

Pinned a little under the scores measured when they were set, so that noise in unrelated
changes does not fail CI while a real regression does. Raise them as the pipeline improves.
"""

from __future__ import annotations

import pytest
from conftest import copy_db

from sitrep.evaluate.fakes import evaluate
from sitrep.evaluate.fusion import evaluate_fusion

# children: 0.871 -> 0.869 when mentions of one place (a town and its province's namesake city, two
# places a few km apart) began to merge: two articles' child tolls moved with their merged sentences.
# location 0.921 -> 0.919 and perpetrator 0.800 -> 0.795 in session 6 (one and two of 381 rows), when a
# further incident told in the same article ("in another air strike") became a record of its own and a
# generic "terrorists" the one armed group named beside it: the main incident of those articles is now
# another record. The record-level gold (careful reading, every event) rose in the same change.
MINIMUMS = {
    "location": 0.91, "cause": 0.88, "perpetrator": 0.80, "civilians": 0.78,
    "noncivilians": 0.87, "children": 0.86, "women": 0.94, "date": 0.69,
}
# Pairing by FA-KES's report-dated keys; fell from 0.446 when records became one per incident
# (see the README). The judged same-incident pairs are the fairer gold (issue: fusion >= 0.85).
# Fusion now follows the judged pairs: on the keys F1 0.344, recall 0.55 (was 0.567) after merging main eeac0a1;
# F1 0.315, recall 0.533 in session 5, when follow-ups joined their incidents and the judged recall rose to 0.82.
# F1 0.341, recall 0.617 in session 20.
FUSION_MINIMUMS = {"f1": 0.33, "recall": 0.58}
# On the judged pairs (fusion_dev_pairs.json): P 0.870 R 0.820 in session 5 (was P 0.877 R 0.762); P 0.883
# R 0.926 in session 9, when headlines became records and more of an article's tellings joined one record.
# P 0.859 R 0.951 in session 19, below the floor (CI failed); P 0.893 R 0.959 in session 20, when the merge pass
# counted pairs of distinct reports and an outlet's daily reports of one city a day apart stayed apart.
JUDGED_MINIMUMS = {"precision": 0.88, "recall": 0.93}


@pytest.fixture(scope="module")
def scores(shared):
    # two forked processes: the same predictions as one (each article is read alone), in half the time
    return evaluate(str(shared / "fakes_dev.csv"), workers=2).as_dict()


def test_every_row_scored(scores):
    assert scores["n"] == 381


@pytest.mark.parametrize("field", sorted(MINIMUMS))
def test_minimum(scores, field):
    assert scores[field] >= MINIMUMS[field], f"{field} fell to {scores[field]:.3f} (< {MINIMUMS[field]})"


def test_fusion_gate(shared, fakes_fused_db, tmp_path):
    # the session's FA-KES store, ingested and fused as evaluate_fusion does (its ingest finds
    # every article already extracted, its fusion nothing left to fuse)
    result = evaluate_fusion(str(shared / "fakes_dev.csv"), db=copy_db(fakes_fused_db, tmp_path / "fused.db"))
    assert result["gold_pairs"] == 60
    for key, minimum in FUSION_MINIMUMS.items():
        assert result[key] >= minimum, f"fusion {key} fell to {result[key]} (< {minimum})"
    judged = result["judged"]
    assert (judged["judged_same"], judged["judged_different"], judged["unclear"]) == (122, 415, 28)
    for key, minimum in JUDGED_MINIMUMS.items():
        assert judged[key] >= minimum, f"fusion on judged pairs: {key} fell to {judged[key]} (< {minimum})"


def test_plover_gate(shared):
    from sitrep.evaluate.plover import evaluate_plover

    result = evaluate_plover(str(shared / "plover" / "PLOVER_GSR_CAMEO.json"))
    assert result["n"] == 322
    # session 9: type 0.761, source 0.709 (issue 8's targets 0.75 / 0.70)
    assert result["type_accuracy"] >= 0.75, result["type_accuracy"]
    assert result["source_accuracy_when_type_right"] >= 0.70, result["source_accuracy_when_type_right"]
    assert result["per_type"]["ASSAULT"]["correct"] >= 20
