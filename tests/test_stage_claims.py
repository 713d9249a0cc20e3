"""sitrep.stages.claims alone, on sentences written here: who a sentence says tells its content."""

from __future__ import annotations

import pytest


def _claims(staged, text: str) -> list[tuple[str | None, str]]:  # noqa: ANN001
    doc = staged(text, upto="claims")
    return [(a.claim.by, a.claim.modality) for a in doc.attributions]


@pytest.mark.parametrize(("text", "speaker"), [
    ("But police said five protesters were detained near the port.", "police"),
    ("And the interior ministry said two soldiers were wounded.", "the interior ministry"),
    ("Yet local officials said the convoy was never attacked.", "local officials"),
])
def test_an_opening_conjunction_is_not_part_of_the_speaker(staged, text: str, speaker: str) -> None:
    assert _claims(staged, text) == [(speaker, "reported")]


def test_a_pronoun_after_an_opening_conjunction_and_day_speaks_for_the_source_before(staged) -> None:
    text = ("The lawyer Jane Roe said the hearing was due on Monday. "
            "But on Sunday she confirmed that the hearing had been postponed.")
    found = _claims(staged, text)
    assert len(found) == 2 and found[1][0] == found[0][0] and "Jane Roe" in (found[1][0] or "")
