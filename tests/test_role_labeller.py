"""The events stage's role labeller is swappable: a labeller passed to build_mentions decides the
roles of every mention, and the default is label_roles."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from sitrep.model import Article
from sitrep.pipeline import DEFAULT_STAGES, Pipeline
from sitrep.stages.doc import Doc, Sentence, Trigger
from sitrep.stages.events import build_mentions
from sitrep.stages.role_labeller import RoleLabeller, Roles, label_roles

TEXT = "Security forces arrested a prominent opposition activist in the capital on Monday, his lawyer said."


def _run(labeller: RoleLabeller | None = None) -> list:
    stages = list(DEFAULT_STAGES)
    if labeller is not None:
        stages[-1] = ("events", partial(build_mentions, labeller=labeller))
    doc = Pipeline(stages=stages).run(Article(text=TEXT, published="2024-03-05", outlet="Example News"))
    return [m for m in doc.mentions if m.type == "COERCE"]


def test_default_labeller_names_the_arresting_force() -> None:
    assert build_mentions.__defaults__ == (label_roles,)
    [arrest] = _run()
    assert arrest.actor1 is not None and arrest.actor1.kind in ("state military", "police")


def test_a_custom_labeller_decides_the_roles() -> None:
    seen: list[tuple[str, str]] = []

    def no_parties(doc: Doc, sentence: Sentence, trigger: Trigger, etype: str,
                   claim_spans: list[tuple[int, int]]) -> Roles:
        seen.append((trigger.text, etype))
        return replace(label_roles(doc, sentence, trigger, etype, claim_spans), actor1=None, actor2=None)

    [arrest] = _run(no_parties)
    assert ("arrested", "COERCE") in seen
    assert arrest.actor1 is None and arrest.actor2 is None
