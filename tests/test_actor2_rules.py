"""Who actor2 is (the side an act is done to or a call is addressed to): rules on hand-written
sentences, whole pipeline."""

from __future__ import annotations

import sitrep


def records(text: str, title: str | None = None) -> list:
    return [m for m in sitrep.extract(text, published="2021-03-05", title=title) if not m.historical]


def of_type(etype: str, text: str, title: str | None = None) -> list:
    return [m for m in records(text, title=title) if m.type == etype]


def test_a_call_for_release_naming_no_one_is_addressed_to_those_who_hold_them():
    text = ("Police in Accra on Monday arrested five students who had marched against fuel prices. "
            "The Ghana Bar Association has called for the immediate release of the students detained in the capital.")
    calls = of_type("REQUEST", text)
    assert calls
    assert all(m.actor2 is not None and (m.actor2.kind, m.actor2.country) == ("police", "GH") for m in calls), \
        [(m.actor2.name if m.actor2 else None) for m in calls]


def test_a_call_for_release_keeps_the_government_it_names():
    text = ("Police in Accra on Monday arrested five students who had marched against fuel prices. "
            "Amnesty International urged the Nigerian government to free the students.")
    calls = of_type("REQUEST", text)
    assert calls
    assert all(m.actor2 is not None and m.actor2.kind == "government" for m in calls)
