"""The command line, run as a user runs it (a real process, real files)."""

from __future__ import annotations

import json
import subprocess
import sys


def sitrep(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_version():
    result = sitrep("--version")
    assert result.returncode == 0 and result.stdout.startswith("sitrep ")


def test_ingest_articles_show(fixtures, tmp_path):
    db = str(tmp_path / "cli.db")
    result = sitrep("ingest", str(fixtures / "statement.txt"), str(fixtures / "market_strike.html"), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "2 articles added" in result.stdout
    rows = [json.loads(line) for line in sitrep("articles", "--db", db, "--json").stdout.splitlines()]
    assert len(rows) == 2
    hits = [json.loads(line) for line in sitrep("articles", "Saraqib", "--db", db, "--json").stdout.splitlines()]
    assert len(hits) == 1
    shown = json.loads(sitrep("show", hits[0]["id"][:8], "--db", db, "--json").stdout)
    assert shown["mentions"] and shown["mentions"][0]["location"]["name"] == "Saraqib"


def test_bad_input_one_line_no_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = sitrep("ingest", str(empty), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 1  # nothing at all was ingested
    assert "Traceback" not in result.stderr
    assert "empty file" in result.stderr and len(result.stderr.strip().splitlines()) <= 2


def test_missing_db_is_a_clear_error(tmp_path):
    result = sitrep("articles", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2 and "no database" in result.stderr and "Traceback" not in result.stderr


def test_extract_json(fixtures):
    result = sitrep("extract", str(fixtures / "market_strike.html"), "--json")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and records[0]["type"] == "ASSAULT"
    assert records[0]["article"]["title"].startswith("Strike on market")


def test_demo(tmp_path):
    result = sitrep("demo", "--db", "demo.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "20 reports from 7 outlets" in result.stdout


def test_bench_runs(fixtures):
    result = sitrep("bench", str(fixtures / "reports.csv"), "--text-column", "body", "--title-column", "headline",
                    "--outlet-column", "site", "--spacy-sample", "2", "--fusion", "200", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["articles"] == 2 and figures["articles_per_s"] > 0 and figures["fusion_mentions"] == 200


def test_stdin_input(tmp_path):
    text = "Mortar shells hit a school in Homs on Monday, killing four pupils, state media said."
    result = subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", "-", "--json"], input=text,
                            capture_output=True, text=True)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and records[0]["location"]["name"] == "Homs"
    assert records[0]["casualties"][0]["count"] == 4
