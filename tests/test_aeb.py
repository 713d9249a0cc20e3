"""Real-world HTML: all 181 Article Extraction Benchmark pages through sitrep's own ingestion."""

from __future__ import annotations

import pytest

from sitrep.evaluate.aeb import evaluate_aeb, outlet_right, site_label, token_f1


@pytest.fixture(scope="module")
def aeb(shared):
    return evaluate_aeb(shared / "html")


def test_aeb_floors(aeb):
    result = aeb.as_dict()
    assert result["pages"] == 181
    assert result["tracebacks"] == 0, [m.get("traceback") for m in aeb.misses if "traceback" in m]
    assert result["stored"] >= 179
    assert result["text_f1"] >= 0.95
    assert result["outlet"] >= 0.93  # 170 of 181 or more
    assert result["published"] >= 0.95


def test_outlet_judge():
    assert site_label("https://www.telegraph.co.uk/x") == "telegraph"
    assert site_label("https://hosted.ap.org/x") == "ap"
    assert outlet_right("The Wall Street Journal", "https://www.wsj.com/a")
    assert outlet_right("New York Post", "https://nypost.com/a")
    assert outlet_right("The Guardian", "https://www.theguardian.com/a")
    assert not outlet_right("With Post", "https://nypost.com/a")  # the wrong outlet stays wrong
    assert not outlet_right("AP", "https://www.smithsonianmag.com/a")
    assert not outlet_right(None, "https://www.bbc.com/a")


def test_token_f1():
    assert token_f1("a b c", "a b c") == 1.0
    assert token_f1("", "a") == 0.0
    assert 0.0 < token_f1("a b", "a c") < 1.0
