"""The record-level scorer itself, on tiny hand-written documents, gold and records.

No pipeline here: records are written as ``EventMention.to_dict()`` would give them, so that each
rule of PROTOCOL.md's "Scoring" can be checked alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.evaluate import records as R

TITLE = "Airstrike kills 12 in Ariha market"
TEXT = (
    "Regime warplanes struck a market in Ariha on Friday, killing 12 civilians, the Observatory said. "
    "Later, police arrested two men in Idlib city. "
    "In 2013 a chemical attack on Ghouta killed hundreds. "
    "Protesters rallied in Binnish on Saturday against the strikes."
)
DOC = {"doc_id": "fakes-1", "title": TITLE, "text": TEXT, "outlet": "AFP", "published": "2016-07-30"}

STRIKE = "Regime warplanes struck a market in Ariha on Friday, killing 12 civilians, the Observatory said."
ARREST = "Later, police arrested two men in Idlib city."
GHOUTA = "In 2013 a chemical attack on Ghouta killed hundreds."
RALLY = "Protesters rallied in Binnish on Saturday against the strikes."


def gold_event(eid: str, etype: str, evidence: list[str], **fields) -> dict:
    event = {"id": eid, "type": etype, "evidence": evidence, "acled": None}
    event.update(fields)
    return event


GOLD = {
    "doc_id": "fakes-1",
    "events": [
        gold_event("e1", "ASSAULT", [TITLE, STRIKE], acled="Air/drone strike",
                   actor1={"name": "Syrian Arab Army", "kind": "state military", "country": "SY"},
                   actor2={"name": "Civilians", "kind": "civilians", "country": "SY"},
                   place={"name": "Ariha", "admin1": "Idlib", "country": "SY", "lat": 35.81, "lon": 36.61},
                   date={"value": "2016-07-29", "precision": "day"}, killed=12,
                   claim={"by": "the Observatory", "modality": "reported"}),
        gold_event("e2", "COERCE", [ARREST]),
        gold_event("e3", "PROTEST", [RALLY]),
    ],
    "background": [GHOUTA],
}


def span(quote: str, field: str = "text", within: str | None = None) -> dict:
    source = within if within is not None else (TITLE if field == "title" else TEXT)
    start = source.index(quote)
    return {"text": quote, "start": start, "end": start + len(quote), "field": field}


def record(etype: str, quote: str, field: str = "text", within: str | None = None, **fields) -> dict:
    rec = {"type": etype, "mode": None, "acled": {}, "actor1": None, "actor2": None, "location": None,
           "date": None, "casualties": [], "claim": {"by": None, "modality": "asserted", "evidence": None},
           "evidence": span(quote, field, within), "historical": False, "denials": []}
    rec.update(fields)
    return rec


def right_strike(**changes) -> dict:
    """A record with every field of gold e1 right."""
    fields = dict(
        acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
        actor1={"name": "Syrian Arab Army", "kind": "state military", "country": "SY", "label": "Regime warplanes"},
        actor2={"name": "Civilians", "kind": "civilians", "country": "SY", "label": "civilians"},
        location={"name": "Ariha", "admin1": "Idlib", "country": "SY", "lat": 35.80, "lon": 36.62,
                  "precision": "city", "text": "Ariha"},
        date={"value": "2016-07-29", "precision": "day", "basis": "text"},
        casualties=[{"kind": "killed", "count": 12, "subset": False, "claim": None, "evidence": None}],
        claim={"by": "the Observatory", "modality": "reported", "evidence": span("the Observatory said")},
    )
    fields.update(changes)
    return record("ASSAULT", STRIKE, **fields)


def run(records: list[dict], gold: dict | None = None, doc: dict | None = None) -> dict:
    gold = gold or GOLD
    doc = doc or DOC
    return R.score([doc], {doc["doc_id"]: gold}, {doc["doc_id"]: records}).as_dict()


# --- matching -------------------------------------------------------------------------------------


def test_one_record_per_event_is_perfect():
    result = run([right_strike(), record("COERCE", ARREST), record("PROTEST", RALLY)])
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)
    assert result["matched"] == 3 and result["records"] == 3


def test_nothing_emitted_scores_zero_without_dividing_by_zero():
    result = run([])
    assert result["precision"] == 0.0 and result["recall"] == 0.0 and result["f1"] == 0.0


def test_headline_and_lead_records_of_one_event_are_one_match_and_one_duplicate():
    result = run([record("ASSAULT", TITLE, "title"), right_strike()])
    assert result["matched"] == 1 and result["duplicates"] == 1
    assert result["precision"] == 0.5 and result["recall"] == pytest.approx(1 / 3, abs=1e-4)


def test_the_record_with_more_evidence_on_the_event_is_the_match():
    short = record("ASSAULT", "Regime warplanes struck a market")
    result = R.score([DOC], {"fakes-1": GOLD}, {"fakes-1": [short, right_strike()]})
    (gold, matched, _, _), = result.docs[0].pairs
    assert matched["evidence"]["text"] == STRIKE  # the longer overlap wins even though it came second
    assert [kind for kind, _ in result.docs[0].false] == ["duplicate"]


def test_background_reported_as_current_is_false_and_marked_historical_is_not_counted():
    reported = run([right_strike(), record("ASSAULT", GHOUTA)])
    assert reported["background_reported"] == 1 and reported["precision"] == 0.5
    marked = run([right_strike(), record("ASSAULT", GHOUTA, historical=True)])
    assert marked["background_reported"] == 0 and marked["precision"] == 1.0
    assert marked["historical"] == 1 and marked["records"] == 1


def test_a_historical_record_on_a_current_event_is_neither_right_nor_wrong():
    result = run([right_strike(historical=True)])
    assert result["matched"] == 0 and result["records"] == 0 and result["historical_on_event"] == 1
    assert result["recall"] == 0.0


def test_type_families_violent_protest_verbal():
    # COERCE and ASSAULT are one family: a match, with the type field wrong.
    result = R.score([DOC], {"fakes-1": GOLD}, {"fakes-1": [record("ASSAULT", ARREST)]})
    (_, _, fields, _), = result.docs[0].pairs
    assert fields["type"] is False
    # PROTEST is its own family: no match, a wrong-type false record.
    crossed = run([record("ASSAULT", RALLY)])
    assert crossed["matched"] == 0 and crossed["wrong_type"] == 1
    # The verbal family: ACCUSE matches a REQUEST gold.
    verbal = {"doc_id": "fakes-1", "events": [gold_event("e1", "REQUEST", [ARREST])], "background": []}
    assert run([record("ACCUSE", ARREST)], verbal)["matched"] == 1
    assert run([record("ASSAULT", ARREST)], verbal)["wrong_type"] == 1


def test_exact_type_is_preferred_to_the_same_family():
    gold = {"doc_id": "fakes-1", "background": [], "events": [
        gold_event("e1", "ASSAULT", [ARREST]), gold_event("e2", "COERCE", [ARREST])]}
    result = R.score([DOC], {"fakes-1": gold}, {"fakes-1": [record("COERCE", ARREST)]})
    (event, _, _, _), = result.docs[0].pairs
    assert event["id"] == "e2"


def test_a_record_touching_no_gold_is_spurious():
    doc = dict(DOC, text=TEXT + " The weather was fine.")
    rec = record("ASSAULT", "The weather was fine.", within=doc["text"])
    result = run([rec], doc=doc)
    assert result["spurious"] == 1 and result["precision"] == 0.0


def test_headline_quote_is_found_in_title_and_where_the_text_repeats_it():
    doc = dict(DOC, text=TITLE + " " + TEXT)
    rec = record("ASSAULT", TITLE, within=doc["text"])  # the text's copy of the headline, not the title
    assert run([rec], doc=doc)["matched"] == 1


def test_quote_with_other_quote_marks_and_spacing_is_still_located():
    text = "The minister said “we will respond”  to the attack on the convoy near Tal Rifaat."
    doc = {"doc_id": "hrds-9", "title": None, "text": text, "published": None}
    gold = {"doc_id": "hrds-9", "background": [], "events": [
        gold_event("e1", "THREATEN", ['The minister said "we will respond" to the attack'])]}
    quote = gold["events"][0]["evidence"][0]
    assert R.locate(quote, {"title": "", "text": text}) == [("text", 0, 50)]
    rec = record("THREATEN", "The minister said", within=text)
    assert run([rec], gold, doc)["matched"] == 1


def test_drifted_offsets_match_by_text_similarity_only_when_sentences_agree():
    drifted = record("COERCE", ARREST)
    drifted["evidence"] = {"text": ARREST, "start": 0, "end": 0, "field": "text"}  # offsets lost
    assert run([drifted])["matched"] == 1
    unrelated = record("COERCE", ARREST)
    unrelated["evidence"] = {"text": "Police in another country held two students.", "start": 0, "end": 0,
                             "field": "text"}
    assert run([unrelated])["matched"] == 0


def test_casualty_evidence_links_only_when_the_record_itself_does_not():
    # A record whose own sentence is the arrest but whose toll quotes the strike is the arrest's record.
    rec = record("ASSAULT", ARREST, casualties=[
        {"kind": "killed", "count": 12, "subset": False, "claim": None, "evidence": span("killing 12 civilians")}])
    result = R.score([DOC], {"fakes-1": GOLD}, {"fakes-1": [rec]})
    (event, _, _, tier), = result.docs[0].pairs
    assert event["id"] == "e2" and tier == R.TIER_OWN
    # With no evidence of its own on any gold quote, the toll's evidence links it (weakest tier).
    doc = dict(DOC, text=TEXT + " Nothing else.")
    lone = record("ASSAULT", "Nothing else.", within=doc["text"], casualties=rec["casualties"])
    result = R.score([doc], {"fakes-1": GOLD}, {"fakes-1": [lone]})
    (event, _, _, tier), = result.docs[0].pairs
    assert event["id"] == "e1" and tier == R.TIER_ATTRIBUTE


# --- fields ---------------------------------------------------------------------------------------


def fields_of(rec: dict, gold_event_: dict | None = None) -> dict[str, bool]:
    gold = GOLD if gold_event_ is None else {"doc_id": "fakes-1", "events": [gold_event_], "background": []}
    result = R.score([DOC], {"fakes-1": gold}, {"fakes-1": [rec]})
    (_, _, fields, _), = result.docs[0].pairs
    return fields


def test_every_field_right_is_fully_right():
    fields = fields_of(right_strike())
    assert all(fields.values()) and set(fields) == set(R.FIELDS)
    result = run([right_strike()])
    assert result["fully_right_n"] == 1 and result["fully_right"] == pytest.approx(1 / 3, abs=1e-4)
    wrong_toll = run([right_strike(casualties=[])])
    assert wrong_toll["fully_right_n"] == 0 and wrong_toll["fields"]["killed"]["accuracy"] == 0.0


def test_acled_compares_case_and_spacing_insensitively_and_is_skipped_when_gold_is_null():
    assert fields_of(right_strike(acled={"sub_event_type": "air/drone  STRIKE"}))["acled"]
    assert not fields_of(right_strike(acled={"sub_event_type": "Shelling/artillery/missile attack"}))["acled"]
    assert "acled" not in fields_of(record("COERCE", ARREST), gold_event("e2", "COERCE", [ARREST], acled=None))


def test_actor_by_canonical_name_or_contained_words():
    assert fields_of(right_strike())["actor1"]
    named = {"name": "Syrian Arab Army units", "kind": "state military", "country": "SY"}
    assert fields_of(right_strike(actor1=named))["actor1"]  # one name contains the other as words
    other = {"name": "Syrian Democratic Forces", "kind": "armed group", "country": "SY"}
    assert not fields_of(right_strike(actor1=other))["actor1"]
    by_label = {"name": None, "kind": None, "country": None, "label": "Syrian Arab Army"}
    assert fields_of(right_strike(actor1=by_label))["actor1"]  # the label stands in for a missing name
    assert not fields_of(right_strike(actor1=None))["actor1"]


def test_generic_gold_actor_by_kind_and_country():
    event = gold_event("e2", "COERCE", [ARREST],
                       actor1={"name": "Kenyan police", "kind": "police", "country": "KE"})
    police = {"name": "Police", "kind": "police", "country": "KE", "label": "police"}
    assert fields_of(record("COERCE", ARREST, actor1=police), event)["actor1"]
    by_kind = {"name": "Security forces", "kind": "police", "country": None, "label": "officers"}
    assert fields_of(record("COERCE", ARREST, actor1=by_kind), event)["actor1"]
    elsewhere = dict(police, country="UG")
    assert not fields_of(record("COERCE", ARREST, actor1=elsewhere), event)["actor1"]
    # The same kind does not make a named gold actor right.
    named = gold_event("e2", "COERCE", [ARREST], actor1={"name": "Al-Shabaab", "kind": "armed group", "country": "SO"})
    group = {"name": "Islamic State", "kind": "armed group", "country": "SO"}
    assert not fields_of(record("COERCE", ARREST, actor1=group), named)["actor1"]


@pytest.mark.parametrize("name, generic", [
    ("Protesters", True), ("Civilians", True), ("Unidentified gunmen", True), ("Kenyan police", True),
    ("Hong Kong protesters", True), ("Islamist rebels", True), ("Russian military", True),
    ("Government of Nigeria", True), ("Iranian authorities", True),
    ("Free Syrian Army", False), ("Syrian Democratic Forces", False), ("Al-Shabaab", False),
    ("Human Rights Watch", False), ("Nasser Mustafa", False), ("Syrian Arab Army", False),
    # by shape alone, as the reference scorer decides: a class head after two words of any kind
    ("Kaduna State Police", True), ("Boko Haram fighters", True), ("Somaliland authorities", True),
    ("Unidentified suicide bomber", True), ("Cross River State Government", True),
    ("Police forces of Uganda", True), ("Syrian children", False),
])
def test_which_gold_names_are_generic(name, generic):
    assert R.is_generic(name) is generic


def test_null_gold_actor_is_right_only_against_no_actor():
    event = gold_event("e2", "COERCE", [ARREST], actor2=None)
    assert fields_of(record("COERCE", ARREST), event)["actor2"]
    someone = {"name": "Civilians", "kind": "civilians", "country": "SY"}
    assert not fields_of(record("COERCE", ARREST, actor2=someone), event)["actor2"]


def test_place_within_25_km_or_same_name():
    near = {"name": "Somewhere", "country": "SY", "lat": 35.90, "lon": 36.70, "precision": "city"}  # ~13 km
    assert fields_of(right_strike(location=near))["place"]
    far = {"name": "Somewhere", "country": "SY", "lat": 36.20, "lon": 37.15, "precision": "city"}  # ~65 km
    assert not fields_of(right_strike(location=far))["place"]
    no_coordinates = {"name": "Arīḩā", "country": "SY", "lat": None, "lon": None, "precision": "city"}
    assert fields_of(right_strike(location=no_coordinates))["place"]  # same name, folded
    assert not fields_of(right_strike(location=None))["place"]


def test_place_admin1_and_country_level_gold():
    province = gold_event("e2", "COERCE", [ARREST],
                          place={"name": "Idlib province", "admin1": "Idlib", "country": "SY", "lat": 35.9, "lon": 36.6})
    town = {"name": "Saraqib", "admin1": "Idlib", "country": "SY", "lat": 35.86, "lon": 36.80, "precision": "city"}
    assert fields_of(record("COERCE", ARREST, location=town), province)["place"]
    other = {"name": "Hama", "admin1": "Hama", "country": "SY", "lat": 35.13, "lon": 36.75, "precision": "city"}
    assert not fields_of(record("COERCE", ARREST, location=other), province)["place"]
    country = gold_event("e2", "COERCE", [ARREST],
                         place={"name": "Iran", "admin1": None, "country": "IR", "lat": None, "lon": None})
    whole = {"name": "Iran", "country": "IR", "lat": 32.0, "lon": 53.0, "precision": "country"}
    assert fields_of(record("COERCE", ARREST, location=whole), country)["place"]
    a_city = {"name": "Tehran", "country": "IR", "lat": 35.69, "lon": 51.39, "precision": "city"}
    assert not fields_of(record("COERCE", ARREST, location=a_city), country)["place"]
    # A point-level gold whose name mentions a province is still a point.
    villages = gold_event("e2", "COERCE", [ARREST], place={
        "name": "two villages east of Salamiyeh, Hama province", "admin1": "Hama", "country": "SY",
        "lat": 35.05, "lon": 37.2})
    assert not fields_of(record("COERCE", ARREST, location=other | {"precision": "admin1"}), villages)["place"]
    # So is a part of a province the gold pins by its point ("the province's western part"), as the
    # reference scorer reads it: the province alone, 40 km away, is not that part.
    west = gold_event("e2", "COERCE", [ARREST], place={
        "name": "Hama province (western)", "admin1": "Hama", "country": "SY", "lat": 35.13, "lon": 36.3})
    assert not fields_of(record("COERCE", ARREST, location=other | {"precision": "admin1"}), west)["place"]


def test_date_at_the_gold_precision():
    assert fields_of(right_strike())["date"]
    assert not fields_of(right_strike(date={"value": "2016-07-30", "precision": "day", "basis": "published"}))["date"]
    month = gold_event("e2", "COERCE", [ARREST], date={"value": "2016-07", "precision": "month"})
    assert fields_of(record("COERCE", ARREST, date={"value": "2016-07-12", "precision": "day"}), month)["date"]
    day = gold_event("e2", "COERCE", [ARREST], date={"value": "2016-07-12", "precision": "day"})
    assert not fields_of(record("COERCE", ARREST, date={"value": "2016-07", "precision": "month"}), day)["date"]
    undated = gold_event("e2", "COERCE", [ARREST], date={"value": None, "precision": None})
    assumed = {"value": "2016-07-30", "precision": "day", "basis": "published"}
    assert fields_of(record("COERCE", ARREST, date=assumed), undated)["date"]
    assert fields_of(record("COERCE", ARREST), undated)["date"]
    stated = dict(assumed, basis="text")
    assert not fields_of(record("COERCE", ARREST, date=stated), undated)["date"]


def test_killed_is_the_largest_or_the_sum_of_non_subset_figures():
    def toll(*counts, subset=()):
        return [{"kind": "killed", "count": c, "subset": i in subset, "claim": None, "evidence": None}
                for i, c in enumerate(counts)]

    assert fields_of(right_strike(casualties=toll(12, 4, subset=(1,))))["killed"]
    assert fields_of(right_strike(casualties=toll(7, 5)))["killed"]  # 7 + 5
    assert not fields_of(right_strike(casualties=toll(10)))["killed"]
    assert not fields_of(right_strike(casualties=toll(12, 12, subset=(0, 1))))["killed"]  # parts only
    none = gold_event("e2", "COERCE", [ARREST], killed=None)
    assert fields_of(record("COERCE", ARREST), none)["killed"]
    assert not fields_of(record("COERCE", ARREST, casualties=toll(2)), none)["killed"]


def test_claim_modality_and_a_reported_toll():
    assert fields_of(right_strike())["claim"]
    asserted = right_strike(claim={"by": None, "modality": "asserted", "evidence": None})
    assert not fields_of(asserted)["claim"]
    reported_toll = right_strike(
        claim={"by": None, "modality": "asserted", "evidence": None},
        casualties=[{"kind": "killed", "count": 12, "subset": False, "evidence": None,
                     "claim": {"by": "the Observatory", "modality": "reported"}}])
    assert fields_of(reported_toll)["claim"]
    null_claim = gold_event("e2", "COERCE", [ARREST], claim=None)  # null gold claim reads as asserted
    assert fields_of(record("COERCE", ARREST), null_claim)["claim"]


# --- totals, files, command -----------------------------------------------------------------------


def test_per_corpus_figures_split_by_doc_id_prefix():
    other = dict(DOC, doc_id="hrds-2")
    result = R.score([DOC, other], {"fakes-1": GOLD, "hrds-2": dict(GOLD, doc_id="hrds-2")},
                     {"fakes-1": [right_strike()], "hrds-2": []}).as_dict()
    assert result["per_corpus"]["fakes"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["per_corpus"]["hrds"]["recall"] == 0.0
    assert result["gold_events"] == 6 and result["records_per_doc"] == 0.5


def test_verbose_rows_name_false_records_missed_events_and_wrong_fields():
    result = R.score([DOC], {"fakes-1": GOLD},
                     {"fakes-1": [right_strike(casualties=[]), record("ASSAULT", GHOUTA)]})
    rows = result.errors()
    whats = sorted(r["what"] for r in rows)
    assert whats == ["background_reported", "missed", "missed", "wrong killed"]
    assert any("gold 12, got []" in (r.get("detail") or "") for r in rows)


def write_corpus(folder: Path, docs: list[dict], gold: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dev_docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    (folder / "gold_dev_a.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")


def test_files_a_later_gold_object_wins_and_bad_lines_are_one_clear_error(tmp_path):
    write_corpus(tmp_path, [DOC], [dict(GOLD, events=[]), GOLD])
    docs, gold_files = R.find_files(tmp_path)
    assert docs.name == "dev_docs.jsonl" and [p.name for p in gold_files] == ["gold_dev_a.jsonl"]
    assert len(R.load_gold(gold_files)["fakes-1"]["events"]) == 3
    assert R.find_files(docs)[1] == gold_files  # the docs file itself also finds its gold
    (tmp_path / "gold_dev_b.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(R.RecordsInputError, match="gold_dev_b.jsonl:1"):
        R.load_gold(R.find_files(tmp_path)[1])
    with pytest.raises(R.RecordsInputError, match="no documents file"):
        R.find_files(tmp_path / "missing_docs.jsonl")


def test_command_scores_a_tiny_corpus_with_the_real_pipeline(tmp_path):
    text = ("Government warplanes struck a market in Saraqib in Idlib province on Tuesday, killing nine "
            "civilians, the Syrian Observatory for Human Rights said.")
    doc = {"doc_id": "fakes-7", "title": None, "text": text, "outlet": None, "published": "2023-06-07"}
    gold = {"doc_id": "fakes-7", "background": [], "events": [gold_event("e1", "ASSAULT", [text], killed=9)]}
    write_corpus(tmp_path, [doc], [gold])
    result = CliRunner().invoke(app, ["eval", "records", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output.strip().splitlines()[-1])
    assert scores["docs"] == 1 and scores["gold_events"] == 1
    assert scores["recall"] == 1.0 and scores["fields"]["killed"]["accuracy"] == 1.0
    missing = CliRunner().invoke(app, ["eval", "records", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2


def test_verbose_output_never_passes_terminal_codes_or_markup_through(tmp_path):
    text = "Unknown men \x1b[2J[bold red]held[/bold red] a meeting about the harvest in the village hall."
    doc = {"doc_id": "hrds-8", "title": None, "text": text, "outlet": None, "published": "2023-06-07"}
    # a gold event of another type family: the record is listed as false and the event as missed,
    # both with the article's words
    gold = {"doc_id": "hrds-8", "background": [], "events": [gold_event("e1", "ASSAULT", [text])]}
    write_corpus(tmp_path, [doc], [gold])
    result = CliRunner().invoke(app, ["eval", "records", str(tmp_path), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert "[bold red]held[/bold red]" in result.output  # shown as written, not interpreted
