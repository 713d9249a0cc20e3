"""The stored pipeline version follows the code and data extraction reads, and nothing else."""

import shutil
from pathlib import Path

import pytest

import sitrep
from sitrep.pipeline import EXTRACTION_SOURCES, PIPELINE_VERSION, extraction_digest, get_pipeline

PACKAGE = Path(sitrep.__file__).resolve().parent


@pytest.fixture
def package_copy(tmp_path):
    """The files extraction reads, copied under a temporary root."""
    for source in EXTRACTION_SOURCES:
        src = PACKAGE / source
        if src.is_dir():
            shutil.copytree(src, tmp_path / source, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (tmp_path / source).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, tmp_path / source)
    return tmp_path


def test_version_names_the_design_and_the_digest_of_the_installed_files():
    version = get_pipeline("rules").version
    assert version == f"{PIPELINE_VERSION}.{extraction_digest(PACKAGE)}"
    assert get_pipeline("spacy").version == version + "+spacy"


def test_a_changed_word_list_changes_the_version(package_copy):
    before = extraction_digest(package_copy)
    assert extraction_digest(package_copy) == before
    triggers = package_copy / "data" / "triggers.yaml"
    triggers.write_text(triggers.read_text(encoding="utf-8") + "\n# a reviewer's note\n", encoding="utf-8")
    assert extraction_digest(package_copy) != before


def test_a_changed_rule_changes_the_version(package_copy):
    before = extraction_digest(package_copy)
    (package_copy / "stages" / "new_rule.py").write_text("RULE = 1\n", encoding="utf-8")
    assert extraction_digest(package_copy) != before


def test_line_endings_and_bytecode_do_not_change_the_version(package_copy):
    before = extraction_digest(package_copy)
    lexicon = package_copy / "data" / "lexicon.yaml"
    lexicon.write_bytes(lexicon.read_bytes().replace(b"\n", b"\r\n"))
    cache = package_copy / "stages" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "events.cpython-311.pyc").write_bytes(b"\x00compiled")
    assert extraction_digest(package_copy) == before


def test_files_extraction_does_not_read_leave_the_version_alone(package_copy):
    before = extraction_digest(package_copy)
    (package_copy / "data" / "framing.yaml").write_text("loaded: []\n", encoding="utf-8")
    assert extraction_digest(package_copy) == before


def test_a_missing_source_is_named(package_copy):
    (package_copy / "data" / "salience.json").unlink()
    with pytest.raises(FileNotFoundError, match="salience.json"):
        extraction_digest(package_copy)
