"""The outcome/output reader: each word-list entry does what its row says, and the rules read it."""

from __future__ import annotations

import pytest

from tests.checker.canvases import complete_canvas
from workbench.checker import check
from workbench.checker.outcomes import OUTPUT, lexicon, read, read_metric, tokens


@pytest.mark.parametrize("entry", lexicon(), ids=lambda e: f"{e.word_class}:{e.lemma}")
def test_each_entry_reads_its_example_as_its_row_intends(entry):
    recognised = [t for t in tokens(entry.example) if entry.word_class in t.classes]
    assert recognised, f"{entry.lemma!r} is not recognised as {entry.word_class} in {entry.example!r}"
    reading = read(entry.example)
    if entry.intent == "output":
        assert reading.kind == OUTPUT, reading
    else:
        assert reading.names_outcome, reading


@pytest.mark.parametrize(
    "text",
    [
        "By 2027, we will deliver 50 employer events, publish 3 skills plans and give 1,200 young people a careers "
        "session",
        "Hold 100 webinars for cities by 2030",
        "By 2030, the council will install 400 air quality monitors and run 20 clean air workshops",
        "Train 2,000 community health champions by 2030",
        "By 2028, refurbish six libraries and open five warm spaces",
    ],
)
def test_dated_outputs_read_as_outputs_however_precise(text):
    assert read(text).kind == OUTPUT


@pytest.mark.parametrize(
    "text",
    [
        "By 2030, everyone eats well every day with nutritious, affordable, sustainable food.",
        "100 climate-neutral and smart cities by 2030",
        "Support at least 150 European regions and communities to become climate resilient by 2030.",
        "Halve serious violent crime within a decade.",
        "By 2040, everyone in the Netherlands lives at least five more years in good health.",
        "End new HIV transmissions in England by 2030.",
        "Deliver 100 climate-neutral and smart cities by 2030.",
    ],
)
def test_real_missions_name_an_outcome(text):
    assert read(text).names_outcome


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        ("Community street events held", "events", "output"),
        ("Residents reached by the healthy eating campaign", "people", "output"),
        ("Adults who smoke", "% of adults", "outcome"),
        ("Households in fuel poverty", "households", "outcome"),
        ("Take-up", "workshops", "output"),
        ("Take-up", "%", "unclear"),
    ],
)
def test_a_metric_is_read_by_its_own_name_and_unit(name, unit, expected):
    assert read_metric(name, unit) == expected


def test_an_output_statement_is_not_yet_a_mission_however_full_the_canvas():
    statement = "By 2027, we will deliver 50 employer events, publish 3 skills plans and give 1,200 young people a " + (
        "careers session."
    )
    report = check(complete_canvas(statement))
    rules = {f.rule for f in report.findings}
    assert {"statement-outcome", "statement-quantity", "statement-business-as-usual"} <= rules
    assert report.level == "not yet a mission"
    assert report.readiness < 45
    assert check(complete_canvas()).level == "ready for review"


def test_a_metric_labelled_an_outcome_that_counts_events_is_reported_and_does_not_count():
    document = complete_canvas()
    for metric in document["metrics"]:
        metric.update(name="Community street events held", unit="events", kind="mission_outcome")
    report = check(document)
    mismatched = [f for f in report.findings if f.rule == "metric-kind-matches"]
    assert len(mismatched) == len(document["metrics"])
    assert "labelled a mission outcome" in mismatched[0].message
    assert "metric-outcome" in {f.rule for f in report.findings}
    assert report.level != "ready for review"


def _actors(document, role):
    for actor in document["stakeholders"]:
        actor["role"] = role
    return document


def test_consulted_actors_are_not_partners():
    partnered = check(complete_canvas())
    consulted = check(_actors(complete_canvas(), "Consulted on traffic orders and invited to community events."))
    assert "actors-several-sectors" not in {f.rule for f in partnered.findings}
    finding = next(f for f in consulted.findings if f.rule == "actors-several-sectors")
    assert "only consulted" in finding.message
    assert "actors-citizens" in {f.rule for f in consulted.findings}
    assert consulted.criteria["cross_sector"]["score"] < partnered.criteria["cross_sector"]["score"]


def test_an_actor_that_owns_a_lever_is_a_partner_whatever_its_role_says():
    document = _actors(complete_canvas(), "Kept informed.")
    for actor, lever in zip(document["stakeholders"], document["levers"], strict=False):
        lever["owner"] = actor["name"]
    owners = {lever["owner"] for lever in document["levers"]}
    report = check(document)
    sectors_owning = {a["sector"] for a in document["stakeholders"] if a["name"] in owners}
    if len(sectors_owning) >= 3:
        assert "actors-several-sectors" not in {f.rule for f in report.findings}
    assert "levers-one-owner" not in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    ("owners", "fires"),
    [
        (["Northfield Council economy team", "Northfield Council planning", "Economy team"], True),
        (["Public health team", "Planning department", "Transport team"], True),
        (["Northbrook Council, Economy and Skills Team"] * 3, True),
        (["Northfield Council", "NHS Northfield trust", "Northfield Chamber of Commerce"], False),
        (["Council and NHS trust", "Council food team", "Council buying team"], False),
    ],
)
def test_levers_all_owned_by_one_organisation_are_reported(owners, fires):
    document = complete_canvas()
    document["levers"] = [
        {**document["levers"][i % len(document["levers"])], "id": f"lever-{i + 1}", "owner": owner}
        for i, owner in enumerate(owners)
    ]
    assert ("levers-one-owner" in {f.rule for f in check(document).findings}) is fires
