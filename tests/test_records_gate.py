"""Quality gates on the record-level gold and on HRDsAttack (development): pinned minimums.

Pinned a little under what main reached when they were set (see README, "Measuring"), so that a
real regression fails CI and noise does not. Raise them as extraction improves. In CI a missing
``../shared`` fails these tests instead of skipping them (tests/conftest.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.evaluate.hrds import evaluate_hrds
from sitrep.evaluate.records import evaluate_records

# Session 8 (salience refitted on its candidates): P 0.713 R 0.681 F1 0.697, fully right 0.183 (54); fields
# type 0.935, acled 0.863, actor1 0.707, actor2 0.577, place 0.821, date 0.861, killed 0.920, claim 0.821 (201
# matched); HRDs country 0.66, perpetrator 0.45, violations 0.568, year 0.37. Floors sit a little under the
# figures (a record or two of slack). ACLED fell 0.880 -> 0.863 and place 0.830 -> 0.821 over the session's
# merges and the refit (193 -> 201 matched); their floors (0.85, 0.81) leave the same slack as the others.
# Session 9 (four branches merged, salience weights kept): P 0.755 R 0.712 F1 0.733, fully right 0.237 (70);
# type 0.938, acled 0.888, actor1 0.714, actor2 0.619, place 0.862, date 0.867, killed 0.929, claim 0.843 (210
# matched); HRDs country 0.66, perpetrator 0.49, violations 0.582, year 0.37.
# Session 10 (six branches merged): P 0.766 R 0.722 F1 0.744, fully right 0.264 (78); type 0.939, acled
# 0.883, actor1 0.728, actor2 0.643, place 0.859, date 0.887, killed 0.925, claim 0.855 (213 matched); HRDs
# country 0.70, perpetrator 0.52, violations 0.607, year 0.43.
# Session 11 (hrds branch, the mapping only): HRDs country 0.73, perpetrator 0.64, violations 0.650, year 0.45,
# month 0.49 (records unchanged).
# Session 11 (ten branches merged): P 0.825 R 0.753 F1 0.787, fully right 0.298 (88); type 0.941, acled
# 0.893, actor1 0.761, actor2 0.680, place 0.860, date 0.892, killed 0.928, claim 0.883 (222 matched); HRDs
# country 0.74, perpetrator 0.62, violations 0.639, year 0.45.
# Session 12 (hrds branch, the mapping and headline parses; records unchanged): HRDs country 0.74, perpetrator
# 0.62, violations 0.650, year 0.45, month 0.49, day 0.67 (the always-None baseline's 0.67: tied, no longer below).
# Session 12 (fourteen branches merged): P 0.864 R 0.776 F1 0.818, fully right 0.336 (99); type 0.948, acled
# 0.921, actor1 0.777, actor2 0.721, place 0.847, date 0.895, killed 0.930, claim 0.882 (229 matched); HRDs
# country 0.75, perpetrator 0.64, violations 0.650, year 0.46. Place fell 0.860 -> 0.847 (194 of 229 right,
# was 191 of 222: the newly matched events bring wrong places), below the 0.85: its floor is 0.84.
# Session 13 (eleven branches merged): P 0.869 R 0.786 F1 0.826, fully right 0.373 (110); type 0.948, acled
# 0.929, actor1 0.797, actor2 0.746, place 0.866, date 0.897, killed 0.944, claim 0.879 (232 matched); HRDs
# country 0.75, perpetrator 0.64, violations 0.657, year 0.47 (T5 0.46: now beaten, by one article).
# Session 14 (hrds branch, the mapping only; records unchanged): HRDs violations 0.668 (train 0.704), perpetrator
# 0.65 (paper counting 0.63 against T5's 0.62), country 0.75, year 0.48, month 0.50, day 0.68.
# Session 14 (thirteen branches merged): P 0.869 R 0.786 F1 0.826, fully right 0.393 (116); type 0.948, acled
# 0.929, actor1 0.823, actor2 0.772, place 0.875, date 0.901, killed 0.948, claim 0.884 (232 matched); HRDs
# country 0.74, perpetrator 0.65, violations 0.671, year 0.48. Floors raised to about two records under.
# Session 15 (seven branches merged): P 0.866 R 0.790 F1 0.826, fully right 0.393 (116); type 0.944, acled
# 0.929, actor1 0.824, actor2 0.772, place 0.875, date 0.901, killed 0.949, claim 0.884 (233 matched); HRDs
# country 0.75, perpetrator 0.65, violations 0.671, year 0.48. Recall's floor raised to 0.78.
# Session 16 (eleven branches): P 0.867 R 0.797 F1 0.830, fully right 0.400 (118); type 0.945, acled 0.929,
# actor1 0.821, actor2 0.770, place 0.872, date 0.902, killed 0.957, claim 0.881 (235 matched); HRDs country
# 0.75, perpetrator 0.65, violations 0.665, year 0.49. Recall, F1, fully right and killed floors raised.
# Session 17 (eleven branches, two rounds): P 0.867 R 0.797 F1 0.830, fully right 0.407 (120); type 0.945, acled
# 0.929, actor1 0.830, actor2 0.779, place 0.877, date 0.902, killed 0.957, claim 0.881 (235 matched); HRDs
# violations 0.688 (the mapping only). Fully right, actor1, actor2, place and violations floors raised.
# Session 18 (nine branches, two rounds): P 0.868 R 0.800 F1 0.833, fully right 0.417 (123); type 0.945, acled
# 0.929, actor1 0.831, actor2 0.784, place 0.890, date 0.907, killed 0.958, claim 0.886 (236 matched); HRDs
# violations 0.712 (the mapping only). Recall, F1, fully right, actor2, place, date and violations floors raised.
# Sessions 19-20 (fourteen branches, three rounds): P 0.868 R 0.800 F1 0.833, fully right 0.441 (130); type 0.945,
# acled 0.942, actor1 0.835, actor2 0.788, place 0.894, date 0.911, killed 0.958, claim 0.903 (236 matched); HRDs
# violations 0.717 (country 0.76, perpetrator 0.65). Fully right, acled, actor1, actor2, claim, violations raised.
RECORDS_MINIMUMS = {"precision": 0.855, "recall": 0.79, "f1": 0.825, "fully_right": 0.43}
FIELD_MINIMUMS = {"type": 0.935, "acled": 0.93, "actor1": 0.825, "actor2": 0.78, "place": 0.88, "date": 0.895,
                  "killed": 0.945, "claim": 0.89}
HRDS_MINIMUMS = {"country": 0.73, "perpetrator_type": 0.62, "violations_f1": 0.705, "year": 0.46}


@pytest.fixture(scope="module")
def records(shared):
    return evaluate_records(shared / "records").as_dict()


@pytest.fixture(scope="module")
def hrds(shared):
    return evaluate_hrds(shared / "hrds" / "hrds_dev.json")


def test_every_gold_document_scored_without_failures(records):
    assert (records["docs"], records["gold_events"]) == (112, 295)
    assert records["failures"] == []
    assert records["unlocated_quotes"] == 0  # every gold quote is found in its document


@pytest.mark.parametrize("measure", sorted(RECORDS_MINIMUMS))
def test_records_minimum(records, measure):
    assert records[measure] >= RECORDS_MINIMUMS[measure], (
        f"records {measure} fell to {records[measure]:.4f} (< {RECORDS_MINIMUMS[measure]})")


@pytest.mark.parametrize("field", sorted(FIELD_MINIMUMS))
def test_records_field_minimum(records, field):
    accuracy = records["fields"][field]["accuracy"]
    assert accuracy >= FIELD_MINIMUMS[field], f"{field} fell to {accuracy:.4f} (< {FIELD_MINIMUMS[field]})"


def test_hrds_every_article_scored(hrds):
    assert hrds["n"] == 100 and hrds["failures"] == []
    assert hrds["baseline_from"] == "hrds_train.json"


@pytest.mark.parametrize("measure", sorted(HRDS_MINIMUMS))
def test_hrds_minimum(hrds, measure):
    assert hrds[measure] >= HRDS_MINIMUMS[measure], f"hrds {measure} fell to {hrds[measure]:.4f}"


def test_hrds_beats_the_majority_baseline_where_it_already_does(hrds):
    # Day passed its baseline (0.67: no day anywhere) in session 12, by one article (0.68).
    for measure in ("country", "perpetrator_type", "violations_f1", "year", "month", "day"):
        assert hrds[measure] > hrds["baseline"][measure], measure


def test_missing_shared_data_fails_in_ci_and_skips_elsewhere(tmp_path):
    root = Path(__file__).resolve().parents[1]
    # without the plugins this test does not use (schemathesis alone costs 3 s of CPU at start-up)
    selection = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:schemathesis",
                 "-p", "no:hypothesispytest", "-p", "no:playwright",
                 "tests/test_records_gate.py::test_every_gold_document_scored_without_failures"]
    env = dict(os.environ, SITREP_SHARED_DATA=str(tmp_path / "nowhere"))
    env.pop("CI", None)
    skipped = subprocess.run(selection, cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert skipped.returncode == 0 and "1 skipped" in skipped.stdout, skipped.stdout
    failed = subprocess.run(selection, cwd=root, env=dict(env, CI="true"), capture_output=True, text=True,
                            timeout=120)
    assert failed.returncode != 0 and "not beside the project" in failed.stdout, failed.stdout
