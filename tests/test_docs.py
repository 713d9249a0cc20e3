"""Every CLI command is in the README, and the README's commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.cli import app, eval_app

ROOT = Path(__file__).resolve().parents[1]


def _commands(typer_app) -> set[str]:
    return {c.name or c.callback.__name__ for c in typer_app.registered_commands}


def test_every_command_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands(app):
        assert f"sitrep {name}" in readme, f"'sitrep {name}' is not in the README"
    for name in _commands(eval_app):
        assert f"sitrep eval {name}" in readme


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Tests\s+```bash\n(.+?)\n```", readme, re.S).group(1).strip()
    assert block in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
