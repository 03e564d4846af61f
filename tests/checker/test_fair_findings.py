"""Findings real missions used to get unfairly, each beside a case where the rule must still speak up.

A 2030 target with a 2050 horizon is not a deadline mismatch; an acronym spelt out in an actor's name is
spelt out; units and names everybody knows are not jargon; and words real missions need are not flagged.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.checker.canvases import complete_canvas
from workbench.checker import check, read_statement
from workbench.checker.language import (
    KNOWN_ACRONYMS_FILE,
    MISSION_WORDS_FILE,
    WORDS_FILE,
    acronyms,
    find_terms,
    known_acronyms,
    terms,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CORPUS = Path(__file__).with_name("data") / "mission_statements.json"

CITIES = "Deliver 100 climate-neutral and smart cities by 2030, so that every European city can follow suit by 2050."
CITIES_PUBLISHED = (
    "Deliver 100 climate-neutral and smart cities by 2030, and ensure that these cities act as experimentation "
    "and innovation hubs to enable all European cities to follow suit by 2050."
)


def messages(document: dict, *rules: str) -> list[str]:
    return [f.message for f in check(document).findings if f.rule in rules]


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


# --- the main deadline and a later horizon ---------------------------------------------------------------------


@pytest.mark.parametrize("statement", [CITIES, CITIES_PUBLISHED])
def test_the_main_deadline_is_the_one_the_headline_target_carries(statement):
    reading = read_statement(statement)
    assert reading.deadline_year == 2030
    assert [d.year for d in reading.horizons] == [2050]


@pytest.mark.parametrize(
    ("statement", "main"),
    [
        # marker words that lead on from the headline target
        ("Cut emissions by 68% by 2030 on the way to net zero by 2050.", 2030),
        ("Halve child poverty by 2030, and then end it by 2040.", 2030),
        ("Make every home warm by 2030 as a first step towards a fossil-free city by 2045.", 2030),
        # two targets side by side: the mission runs to the later one; an interim figure is a milestone
        ("Halve the use of new raw materials by 2030 and become a fully circular city by 2050.", 2050),
        ("With an interim cut of 50% by 2025, reach net zero by 2030.", 2030),
        ("Establish the first net-zero industrial cluster by 2040 and at least one low-carbon cluster by 2030.", 2040),
        ("By 2030, no child in Northfield goes to bed hungry.", 2030),
    ],
)
def test_a_horizon_is_told_from_a_second_target(statement, main):
    assert read_statement(statement).deadline_year == main


def test_a_deadline_year_that_matches_the_target_or_the_horizon_is_not_a_mismatch():
    assert messages(complete_canvas(CITIES), "deadline-mismatch") == []
    assert messages(complete_canvas(CITIES_PUBLISHED), "deadline-mismatch") == []
    at_the_horizon = complete_canvas(CITIES)
    at_the_horizon["deadline_year"] = 2050
    assert messages(at_the_horizon, "deadline-mismatch") == []


def test_a_deadline_year_the_statement_never_gives_is_still_a_mismatch():
    other_year = complete_canvas(CITIES)
    other_year["deadline_year"] = 2040
    assert messages(other_year, "deadline-mismatch") == ["The statement says by 2030, but the deadline year is 2040."]
    plain = complete_canvas("By 2032, no child in Northfield goes to bed hungry.")
    assert messages(plain, "deadline-mismatch") == ["The statement says By 2032, but the deadline year is 2030."]


def test_an_empty_deadline_year_is_suggested_from_the_headline_target_not_the_horizon():
    document = complete_canvas(CITIES)
    document["deadline_year"] = None
    (finding,) = [f for f in check(document).findings if f.rule == "deadline-year-missing"]
    assert finding.suggestion == "Set the deadline year to 2030."


def test_a_metric_for_the_statement_horizon_is_not_after_the_deadline_but_another_late_year_is():
    horizon = complete_canvas(CITIES)
    horizon["metrics"][0]["target"] = {"value": 0, "year": 2050}
    assert messages(horizon, "metric-after-deadline") == []
    late = complete_canvas(CITIES)
    late["metrics"][0]["target"] = {"value": 0, "year": 2045}
    assert len(messages(late, "metric-after-deadline")) == 1


def test_every_real_statement_still_has_its_deadline_years():
    for row in json.loads(CORPUS.read_text(encoding="utf-8")):
        if row["deadline"] is not None:
            assert int(row["deadline"]) in read_statement(row["statement"]).deadline_years, row["id"]


# --- acronyms spelt out anywhere on the canvas ---------------------------------------------------------------------


def with_actor(name: str, description: str) -> dict:
    document = complete_canvas(system={"description": description})
    document["stakeholders"].append({"id": "actor-9", "name": name, "sector": "public_sector", "role": "Runs it."})
    return document


@pytest.mark.parametrize(
    "name",
    [
        "National Energy System Operator (NESO)",
        "NESO (National Energy System Operator)",
        "National Energy System Operator ('NESO')",
        "National Energy System Operator (the NESO)",
    ],
)
def test_an_acronym_spelt_out_in_an_actor_name_counts_everywhere(name):
    document = with_actor(name, "NESO plans how the grid grows, street by street.")
    assert messages(document, "acronyms-spelt-out") == []


def test_an_acronym_spelt_out_in_a_lever_owner_or_a_metric_source_counts():
    owner = complete_canvas(system={"description": "The DSO connects each new heat pump."})
    owner["levers"][0]["owner"] = "UK Power Networks, the distribution system operator (DSO)"
    assert messages(owner, "acronyms-spelt-out") == []
    source = complete_canvas(system={"description": "ONS figures show the gap."})
    source["metrics"][0]["source"] = "ONS (Office for National Statistics)"
    assert messages(source, "acronyms-spelt-out") == []


def test_an_acronym_never_spelt_out_is_still_reported_wherever_it_is_used():
    document = with_actor("National Energy System Operator", "NESO plans how the grid grows, street by street.")
    assert messages(document, "acronyms-spelt-out") == ["'NESO' is not spelt out anywhere on the canvas."]
    # brackets that hold a figure or another name do not spell it out
    figure = complete_canvas(system={"description": "The HPV (2 doses) programme reaches every school."})
    assert messages(figure, "acronyms-spelt-out") == ["'HPV' is not spelt out anywhere on the canvas."]


# --- units and names everybody knows --------------------------------------------------------------------------------


def test_units_measures_and_well_known_names_are_not_unexplained_acronyms():
    document = complete_canvas(
        system={
            "description": "Wind farms add 5 GW and 800 MW of power, 40 KM of new cable and 20 kWh per home. "
            "GHG emissions and NO2 fall while GDP grows, as the OECD, the WHO and the UN advise. "
            "HIV and AIDS deaths end."
        }
    )
    assert messages(document, "acronyms-spelt-out") == []


def test_an_unknown_acronym_beside_the_known_ones_is_still_reported():
    document = complete_canvas(system={"description": "GHG falls by 5 GW of wind while DESNZ pays for it."})
    assert messages(document, "acronyms-spelt-out") == ["'DESNZ' is not spelt out anywhere on the canvas."]


def test_every_known_acronym_says_what_kind_it_is_and_why_it_is_there():
    entries = rows(KNOWN_ACRONYMS_FILE)
    assert len({row["acronym"] for row in entries}) == len(entries)
    for row in entries:
        assert row["kind"] in {"unit", "measure", "name", "everyday"}, row
        assert len(row["why"].split()) >= 2, row
        assert row["acronym"] in known_acronyms()
        if row["kind"] == "unit":
            assert row["acronym"].upper() in known_acronyms()
    # A short form only there because somebody used it, without being known, is not on the list.
    assert not {"HPV", "VCS", "FSP", "DESNZ", "NESO", "EUR"} & known_acronyms()


def test_a_known_acronym_in_capitals_is_left_alone_by_the_acronym_reader():
    text = "The town cut its GHG by a third and its GDP grew, with 5 GW of wind on the hills."
    assert acronyms(text) == []
    assert acronyms(text + " The LEP paid.") == ["LEP"]


# --- words real missions need ----------------------------------------------------------------------------------------


def plain_word_messages(text: str) -> list[str]:
    return messages(complete_canvas(system={"description": text}), "plain-words-govuk", "plain-words-lga")


def test_ordinary_mission_vocabulary_is_not_jargon():
    text = (
        "Partners commit money and make a public pledge. Together we deploy 500 heat pumps and report progress "
        "each year. Local initiatives grow bottom-up, and community engagement shapes the plan."
    )
    assert plain_word_messages(text) == []


@pytest.mark.parametrize("row", rows(MISSION_WORDS_FILE), ids=lambda row: row["term"])
def test_each_word_real_missions_need_is_kept_out_of_the_list_with_a_reason(row):
    assert row["list"] in ("govuk", "lga")
    assert len(row["why"].split()) >= 8, "say why real missions need the word"
    assert row["term"] not in {entry.term for entry in terms()}
    listed = {line.split("\t")[0] for line in WORDS_FILE.read_text(encoding="utf-8").splitlines()}
    assert row["term"] not in listed
    # the example sentence uses the word, in some form, and nothing in it is flagged
    assert row["term"].split()[0][:5] in row["example"].lower()
    assert find_terms(row["example"], "system", "system.description") == ()


def test_the_word_lists_still_flag_real_jargon_beside_mission_vocabulary():
    text = "Partners commit to leverage robust, holistic synergies going forward."
    assert plain_word_messages(text) == [
        "'leverage' may not mean much to residents.",
        "'robust' may not mean much to residents.",
        "'going forward' may not mean much to residents.",
        "'holistic' may not mean much to residents.",
        "'synergies' may not mean much to residents.",
    ]
    # a word that only looks like a kept-out one keeps its own entry
    assert plain_word_messages("The board initiated a review.") == ["'initiated' may not mean much to residents."]


@pytest.mark.parametrize("slug", ["camden-food", "health-holland", "genomics-health-futures", "vision-zero-cancer"])
def test_the_worked_examples_are_not_told_their_mission_vocabulary_is_jargon(slug):
    document = json.loads((SEEDS / f"{slug}.json").read_text(encoding="utf-8"))
    needed = {row["term"] for row in rows(MISSION_WORDS_FILE)}
    flagged = {
        f.message.split("'")[1].lower()
        for f in check(document).findings
        if f.rule in ("plain-words-govuk", "plain-words-lga")
    }
    assert not {word for word in flagged if any(word.startswith(term[:5]) for term in needed)}, flagged


def test_published_statements_are_not_told_engagement_is_jargon():
    (pride,) = [r for r in json.loads(CORPUS.read_text(encoding="utf-8")) if r["id"] == "lu-pride"]
    assert messages(complete_canvas(pride["statement"]), "plain-words-lga") == []


def test_a_bracket_that_names_a_source_does_not_spell_an_acronym_out():
    cited = complete_canvas(system={"description": "The grid needs 2,000 (NESO) new links; NESO (2024) says so."})
    cited["root_causes"][0]["evidence"]["source"] = "Future energy scenarios (NESO, 2024)"
    assert messages(cited, "acronyms-spelt-out") == ["'NESO' is not spelt out anywhere on the canvas."]
