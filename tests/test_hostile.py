"""Hostile articles through every command: output inert, stored text unchanged, no traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from hostile import ESCAPES, MARKUP, SHOWN_MARKUP, write_corpus
from rich.text import Text

from sitrep import render
from sitrep.store.sqlite import Store

# what must never reach a terminal from data: any escape (plain mode) or any but colour codes
# (forced-terminal mode), C1 controls, BEL, CR, bidi overrides, lone surrogates
_DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# rich's own output on a terminal: colours, and the progress bar's cursor moves and line clears
_SGR = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[\d*[AK]|\r")


def sitrep(*args: str, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True,
                          errors="surrogateescape", cwd=cwd, env={**os.environ, **(env or {})})


def assert_inert(result: subprocess.CompletedProcess, forced_terminal: bool = False) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
        text = _SGR.sub("", stream) if forced_terminal else stream
        bad = _DANGEROUS.findall(text)
        assert not bad, f"dangerous characters reach the terminal: {bad[:5]!r}"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    write_corpus(folder / "in")
    db = str(folder / "h.db")
    result = sitrep("ingest", str(folder / "in"), "--db", db, "--date-column", "published",
                    "--outlet-column", "outlet", "--url-column", "url")
    assert result.returncode == 0, result.stderr
    assert_inert(result)
    return folder, db


def test_corpus_is_read(hostile_db):
    folder, db = hostile_db
    with Store(db) as store:
        rows = store.articles(limit=100)
        failures = store.failures()
    titles = {r["title"] for r in rows}
    # every file but the impossible date became an article: encodings, gzip, nesting, scripts
    assert len(rows) == 11, titles
    assert any(t and t.startswith("Café résumé") for t in titles)  # windows-1252 declared as iso-8859-1
    assert {"UTF-16 report", "UTF-16 report without a mark", "Gzipped page", "Nested page"} <= titles
    assert [f["stage"] for f in failures] == ["published"] and "does not exist" in failures[0]["reason"]
    with Store(db) as store:
        stored = [store.article(r["id"]) for r in rows]
    # stored text is unchanged: the escapes and markup are still there, only display cleans them
    assert any(ESCAPES.replace("\r", "\n") in a["text"] or "\x1b]0;pwned-title\x07" in a["text"] for a in stored)
    assert any(MARKUP in a["text"] for a in stored)
    script = next(a for a in stored if (a["title"] or "").startswith("Script"))
    assert "alert(document.cookie)" not in script["text"] and "injected" not in script["text"]


def _hostile_ids(db: str) -> list[str]:
    """The articles carrying markup, escapes or scripts in their text and metadata."""
    with Store(db) as store:
        rows = store.articles(limit=100)
    return [r["id"] for r in rows if re.match(r"(Markup|Escapes|Script|Row)", r["title"] or "")]


@pytest.mark.parametrize("forced", [False, True], ids=["pipe", "terminal"])
def test_every_command_output_is_inert(hostile_db, forced):
    folder, db = hostile_db
    env = {"FORCE_COLOR": "1", "COLUMNS": "200"} if forced else {"NO_COLOR": "1"}
    ids = _hostile_ids(db)
    runs = [sitrep("articles", "--db", db, env=env), sitrep("failures", "--db", db, env=env),
            sitrep("events", "--db", db, env=env), sitrep("compare", "--db", db, env=env),
            sitrep("extract", str(folder / "in"), env=env)]
    runs += [sitrep("show", ident, "--db", db, env=env) for ident in ids]
    events = [json.loads(line)["id"] for line in sitrep("events", "--db", db, "--json").stdout.splitlines()]
    assert events
    runs += [sitrep("event", ident, "--db", db, env=env) for ident in events[:2]]
    for result in runs:
        assert result.returncode in (0, 1), result.args
        assert_inert(result, forced_terminal=forced)
    shown = "".join(r.stdout for r in runs)
    for literal in SHOWN_MARKUP:  # markup is shown as the words it is, not interpreted
        assert literal in shown
    assert "💀" not in shown  # ":skull:" is not an emoji code here
    assert "\x1b]8;" not in shown  # no hyperlink was made


def _on_terminal(*args: str) -> str:
    """Run sitrep with its stdout on a pseudo-terminal (as a user's screen) and return what it shows."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", *args], stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    proc.stderr.close()
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["csv", "acled", "jsonl"])
def test_export_cleaned_on_a_terminal_unchanged_in_a_file(hostile_db, fmt):
    folder, db = hostile_db
    shown = _on_terminal("export", "--db", db, "--format", fmt)
    assert not _DANGEROUS.findall(shown.replace("\r\n", "\n"))
    assert "pwned-title" in shown or "Evil" in shown  # the hostile words are shown, inert
    written = folder / f"events.{fmt}"
    assert sitrep("export", "--db", db, "--format", fmt, "--output", str(written)).returncode == 0
    assert "\x1b]0;pwned-title" in written.read_text(encoding="utf-8") or fmt == "jsonl"


def test_json_output_is_lossless_and_inert(hostile_db):
    folder, db = hostile_db
    result = sitrep("articles", "--db", db, "--json")
    assert_inert(result)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    with Store(db) as store:
        assert sorted(r["title"] or "" for r in rows) == sorted(r["title"] or "" for r in store.articles(limit=100))
    assert any("\x1b]0;pwned-title" in (r["title"] or "") for r in rows)  # decoded back exactly
    for ident in _hostile_ids(db):
        shown = sitrep("show", ident, "--db", db, "--json")
        assert_inert(shown)
        with Store(db) as store:
            assert json.loads(shown.stdout)["text"] == store.article(ident)["text"]
    extracted = sitrep("extract", str(folder / "in"), "--json")
    assert_inert(extracted)
    assert len(extracted.stdout.splitlines()) >= 10


def test_empty_failures_is_one_line(tmp_path, fixtures):
    db = str(tmp_path / "ok.db")
    assert sitrep("ingest", str(fixtures / "statement.txt"), "--db", db, "--no-extract").returncode == 0
    result = sitrep("failures", "--db", db)
    assert result.returncode == 0 and result.stdout.strip() == f"no failures in {db}"


@pytest.mark.parametrize("value", [MARKUP, ESCAPES, "[/b]", "\ud800 lone", "[link=javascript:alert(1)]x[/link]",
                                   "\x1b]0;t\x07", "a\x9b31mb", "\u202eabc"])
def test_display_layer(value):
    console = render.console(record=True, width=200, force_terminal=True, color_system="truecolor")
    console.print(value)
    console.print(render.join(render.styled("label", "bold red"), value))
    from rich.table import Table

    table = Table("a")
    table.add_row(value)
    console.print(table)
    out = console.export_text(styles=True)
    assert not _DANGEROUS.findall(_SGR.sub("", out))
    assert "[/b]" not in value or "[/b]" in out
    line = render.json_line({"v": value})
    assert not _DANGEROUS.findall(line) and json.loads(line) == {"v": value}
    assert render.safe_text(Text("x").plain) == "x"


def test_hostile_file_names_are_inert(tmp_path):
    """A file's name is untrusted text too: it reaches progress lines, failures and sources."""
    folder = tmp_path / "names"
    folder.mkdir()
    bad = "bad\x1b]0;pwned-title\x07[red]x\u202e.bin"
    good = "ok\x1b[2J[link=file:x]y:skull:.txt"
    (folder / bad).write_bytes(b"garbage\x00\x01\x02" * 10)
    (folder / good).write_text("Shelling killed four civilians in Ariha on Monday, a local monitor said.\n")
    db = str(tmp_path / "n.db")
    runs = [sitrep("ingest", str(folder), "--db", db, "--no-extract"), sitrep("failures", "--db", db),
            sitrep("articles", "--db", db)]
    for forced in ({"FORCE_COLOR": "1", "COLUMNS": "300"},):
        runs += [sitrep("failures", "--db", db, env=forced), sitrep("articles", "--db", db, env=forced)]
    for n, result in enumerate(runs):
        assert result.returncode == 0, result.stderr
        assert_inert(result, forced_terminal=n >= 3)
    assert "bad[red]x.bin" in runs[0].stderr  # shown as written, not styled, its escapes removed
    listed = sitrep("articles", "--db", db, "--json")
    assert json.loads(listed.stdout)["source"] == str(folder / good)  # stored and given back unchanged
    with Store(db) as store:
        assert [f["input"] for f in store.failures()] == [str(folder / bad)]
