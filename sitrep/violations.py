"""Violation types of an article's main event, learned: one L2-regularised logistic regression per type.

A human-rights monitor reading a report wants to know which violations it tells of: arbitrary
detention, kidnapping, torture, killing, enforced disappearance, or another harm (threats, charges,
beatings, raids). The classifier reads what sitrep already knows of the article, its records (the
main event's PLOVER type and mode, ACLED sub-event, actor kinds, dead and injured, every event type
and mode the article reports), and the words of its headline and lead. Its weights
(``sitrep/data/hrds_violations.json``) are trained by ``python -m sitrep.evaluate.train_hrds`` on the
HRDsAttack train split only, the regularisation and each type's threshold chosen by 5-fold
cross-validation there.

    >>> from sitrep import extract
    >>> from sitrep.violations import classify_violations
    >>> records = [m.to_dict() for m in extract(article)]
    >>> classify_violations(records, title=article.title, text=article.text)
    {'kidnapping': 0.83, 'other': 0.41, ...}          # probability of each type
    >>> violation_types(records, title=..., text=...)  # the types over their thresholds
    {'kidnapping'}

The shipped weights read the reviewed mapping's evidence (``parts: rules``): on the train split it
is not better than the mapping itself once its thresholds are chosen fairly (nested CV .697 against
.704), so ``sitrep eval hrds`` scores it beside the mapping; what it adds is a probability per type.

Plain Python and numpy (which comes with spaCy): nothing else is needed to train or to predict.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

VIOLENT = ("ASSAULT", "COERCE", "THREATEN", "SANCTION")
WEIGHTS = Path(__file__).parent / "data" / "hrds_violations.json"
UNKNOWN = "unknown"
# the lead: the body's first sentences (paragraph blocks' first ones in practice) tell the main event
LEAD_CHARACTERS = 600
_WORD = re.compile(r"[a-z][a-z'-]{1,30}")


class WeightsError(ValueError):
    """The classifier's weights file cannot be read."""


def _lower(value: Any) -> str:
    return str(value or "").strip().lower()


def _main(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The article's first violent or coercive record, a current one first; else its first record."""
    current = [r for r in records if not r.get("historical")]
    for pool in (current, records):
        violent = [r for r in pool if r.get("type") in VIOLENT]
        if violent or pool:
            return (violent or pool)[0]
    return None


def _tolls(record: dict[str, Any], kind: str) -> bool:
    return any(c.get("kind") == kind and c.get("count") != 0 for c in record.get("casualties") or [])


def record_features(records: list[dict[str, Any]]) -> set[str]:
    """What the article's records say, as named binary features."""
    found: set[str] = set()
    main = _main(records)
    if main is None:
        return {"rec:none"}
    found.add(f"main:type={main.get('type')}")
    found.add(f"main:mode={_lower(main.get('mode'))}")
    found.add(f"main:acled={_lower((main.get('acled') or {}).get('sub_event_type'))}")
    for role in ("actor1", "actor2"):
        actor = main.get(role) or {}
        found.add(f"main:{role}={_lower(actor.get('kind')) or 'none'}")
    if main.get("historical"):
        found.add("main:historical")
    if not any(r.get("type") in VIOLENT for r in records):
        found.add("rec:no_violent")
    for record in records:
        violent = record.get("type") in VIOLENT
        found.add(f"any:type={record.get('type')}")
        if violent:
            found.add(f"any:mode={_lower(record.get('mode'))}")
            found.add(f"any:acled={_lower((record.get('acled') or {}).get('sub_event_type'))}")
            found.add(f"any:actor1={_lower((record.get('actor1') or {}).get('kind')) or 'none'}")
        for kind in ("killed", "injured"):
            if _tolls(record, kind):
                found.add(f"any:{kind}")
    return found


def text_features(title: str | None, text: str | None) -> set[str]:
    """The words of the headline and of the lead (its first LEAD_CHARACTERS), lower case."""
    found = {f"title:{w}" for w in _WORD.findall(_lower(title))}
    lead = _lower(text)[:LEAD_CHARACTERS]
    found |= {f"lead:{w}" for w in _WORD.findall(lead)}
    return found


def rule_features(records: list[dict[str, Any]], title: str | None, sentences: list[str]) -> set[str]:
    """What the reviewed mapping (sitrep.evaluate.hrds, hrds_labels.yaml) says of each type: its
    answer, and the evidence it is made of (a record's type or words, the headline's words, a type
    named again and again), for the classifier to weigh."""
    from sitrep.evaluate import hrds

    found = {f"rule:{name}" for name in hrds.violations(records, sentences)}
    found |= {f"rule_title:{name}" for name in hrds.worded_violations(title)}
    found |= {f"rule_repeated:{name}" for name in hrds.repeated_violations([title, *sentences])}
    for record in records:
        found |= {f"rule_record:{name}" for name in hrds.record_violations(record, sentences)}
    return found


def features(records: list[dict[str, Any]], title: str | None = None, text: str | None = None,
             parts: Iterable[str] = ("records", "text"), sentences: list[str] | None = None) -> set[str]:
    """The named binary features the classifier reads (``parts``: records, text, rules;
    ``sentences``: the text as sitrep segments it, else segmented here when the rules are read)."""
    parts = set(parts)
    if title is None and records:
        title = (records[0].get("article") or {}).get("title")
    found: set[str] = set()
    if "rules" in parts:
        if sentences is None:
            from sitrep.evaluate.hrds import sentence_texts

            sentences = sentence_texts(text or "")
        found |= rule_features(records, title, sentences)
    if "records" in parts:
        found |= record_features(records)
    if "text" in parts:
        found |= text_features(title, text)
    return found


@cache
def load_weights(path: Path = WEIGHTS) -> dict[str, Any]:
    """The shipped model: its features, and per violation type a bias, weights and a threshold."""
    try:
        model = json.loads(Path(path).read_text(encoding="utf-8"))
        model["classes"] and model["vocabulary"]  # noqa: B018 - a missing key is a broken file
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise WeightsError(f"{path}: cannot read the violation classifier ({exc})") from None
    return model


def probabilities(found: set[str], model: dict[str, Any]) -> dict[str, float]:
    """Each violation type's probability for an article's features."""
    index = {name: i for i, name in enumerate(model["vocabulary"])}
    present = [index[f] for f in found if f in index]
    result = {}
    for name, cls in model["classes"].items():
        z = cls["bias"] + sum(cls["weights"][i] for i in present)
        result[name] = 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, z))))
    return result


def classify_violations(records: list[dict[str, Any]], title: str | None = None, text: str | None = None,
                        model: dict[str, Any] | None = None, sentences: list[str] | None = None) -> dict[str, float]:
    """The probability of each violation type for an article's records (as ``extract`` gives them,
    ``to_dict``), headline and text, most probable first (``sentences``: the text as sitrep
    segments it, when the caller has it already)."""
    model = model or load_weights()
    found = probabilities(features(records, title, text, model["parts"], sentences), model)
    return dict(sorted(found.items(), key=lambda kv: -kv[1]))


def violation_types(records: list[dict[str, Any]], title: str | None = None, text: str | None = None,
                    model: dict[str, Any] | None = None, sentences: list[str] | None = None) -> set[str]:
    """The violation types over their thresholds; "unknown" when none is."""
    model = model or load_weights()
    found = classify_violations(records, title, text, model, sentences)
    chosen = {name for name, p in found.items() if p >= model["classes"][name]["threshold"]}
    return chosen or {UNKNOWN}
