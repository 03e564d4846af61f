"""Every rule, one canvas that triggers it and one that does not (the complete canvas meets them all)."""

from __future__ import annotations

import datetime
import tomllib

import pytest

from tests.checker.canvases import complete_canvas
from workbench.checker import REGISTRY, check, shapes


def without(document: dict, *keys) -> dict:
    for key in keys:
        document.pop(key, None)
    return document


def edit(**changes):
    def apply(document):
        document.update(changes)
        return document

    return apply


def edit_item(section, position, **changes):
    def apply(document):
        document[section][position].update(changes)
        return document

    return apply


def statement(text, deadline_year=2030):
    return edit(statement=text, deadline_year=deadline_year)


# rule id -> a change to the complete canvas that should make that rule report something
TRIGGERS = {
    "statement-missing": statement(""),
    "statement-outcome": statement("By 2030, promote healthy eating and support community food projects."),
    "statement-ambition": statement("By 2030, improve school meals in Northfield."),
    "statement-focus": statement(
        "By 2030, no child goes hungry. Every school serves breakfast. Shops on estates sell fresh food."
    ),
    "statement-hedged": statement("By 2030, we aim to make sure no child in Northfield goes hungry where possible."),
    "statement-quantity": statement("By 2030, reduce hunger among children in Northfield."),
    "metrics-missing": edit(metrics=[]),
    "metric-unit": edit_item("metrics", 0, unit=""),
    "metric-baseline": edit_item("metrics", 0, baseline={"value": None, "year": None}),
    "metric-target": edit_item("metrics", 0, direction=""),
    "metric-source": edit_item("metrics", 1, source=""),
    "metric-direction": edit_item("metrics", 0, direction="increase"),
    "metric-outcome": lambda d: (
        [m.update(name=f"Cooking workshops held in area {m['id']}") for m in d["metrics"]] and d
    ),
    "levers-reach-outcome": lambda d: (
        [m.update(name="Breakfast clubs opened", unit="clubs") for m in d["metrics"]] and d
    ),
    "levers-one-owner": lambda d: [lever.update(owner="Council food team") for lever in d["levers"]] and d,
    "metric-kind-matches": edit_item("metrics", 0, name="Community street events held", unit="events"),
    "mission-metric": edit_item("metrics", 0, measures=["area-1"]),
    "deadline-missing": statement("No child in Northfield goes to bed hungry in the coming years.", None),
    "statement-deadline": statement("No child in Northfield goes to bed hungry.", 2030),
    "deadline-mismatch": statement("By 2032, no child in Northfield goes to bed hungry.", 2030),
    "deadline-year-missing": statement("By 2030, no child in Northfield goes to bed hungry.", None),
    "metric-after-deadline": edit_item("metrics", 0, target={"value": 0, "year": 2035}),
    "interim-milestones": lambda d: (
        d["metrics"][1].update(target={"value": 45, "year": 2030}),
        d["layers"][2].update(title="Free breakfast in every primary school"),
        d,
    )[-1],
    "statement-business-as-usual": statement("The council will continue to support food banks.", 2030),
    "statement-continuity": statement("By 2030, build on existing work so that no child goes hungry."),
    "statement-council-centred": statement("The council will run more breakfast clubs.", 2030),
    "levers-not-only-existing": lambda d: [lever.update(status="existing") for lever in d["levers"]] and d,
    "beyond-science": lambda d: [lever.update(type="research_and_innovation") for lever in d["levers"]] and d,
    "portfolio-not-single-project": lambda d: d.update(opportunity_areas=d["opportunity_areas"][:1]) or d,
    "actors-missing": edit(stakeholders=[]),
    "actors-several-sectors": lambda d: [a.update(sector="public_sector") for a in d["stakeholders"]] and d,
    "actors-citizens": lambda d: d.update(stakeholders=[a for a in d["stakeholders"] if a["id"] != "actor-3"]) or d,
    "actor-sector": edit_item("stakeholders", 0, sector=""),
    "levers-missing": edit(levers=[]),
    "levers-supply-and-demand": lambda d: [lever.update(side="supply") for lever in d["levers"]] and d,
    "levers-several-types": lambda d: [lever.update(type="funding") for lever in d["levers"]] and d,
    "lever-details": edit_item("levers", 0, side=""),
    "root-causes-missing": lambda d: (
        d.update(root_causes=[]) or [a.update(root_causes=[]) for a in d["opportunity_areas"]] and d
    ),
    "opportunity-areas-missing": lambda d: d.update(opportunity_areas=[]) or d,
    "area-addresses-cause": edit_item("opportunity_areas", 0, root_causes=[]),
    "cause-addressed": edit_item("opportunity_areas", 1, root_causes=["rc-1"]),
    "cause-evidence": edit_item("root_causes", 0, evidence={"figure": "", "source": ""}),
    "lever-serves-area": edit_item("levers", 0, opportunity_areas=[]),
    "lever-owner": edit_item("levers", 1, owner=""),
    "area-has-lever": edit_item("levers", 2, opportunity_areas=["area-1"]),
    "metric-measures-something": edit_item("metrics", 1, measures=[]),
    "links-resolve": edit_item("levers", 0, opportunity_areas=["area-99"]),
    "layers-mapped": edit(layers=[]),
    "governance-monitoring": edit(governance={**complete_canvas()["governance"], "monitoring": ""}),
    "governance-working-together": edit(governance={**complete_canvas()["governance"], "working_together": "Yes."}),
    "governance-learning": edit(governance={**complete_canvas()["governance"], "learning_together": ""}),
    "governance-data": edit(governance={**complete_canvas()["governance"], "ict_and_data": ""}),
    "governance-financing": edit(governance={**complete_canvas()["governance"], "financing": ""}),
    "governance-conflicts": edit(governance={**complete_canvas()["governance"], "conflicts_of_interest": ""}),
    "governance-evaluation": edit(governance={**complete_canvas()["governance"], "evaluation": ""}),
    "budget-stated": edit(budget={"amount": None, "currency": "", "period": ""}),
    "plain-words-govuk": edit(system={"description": "Partners collaborate to leverage robust local food networks."}),
    "plain-words-lga": edit(system={"description": "A holistic approach brings a step change for families."}),
    "long-sentence": edit(
        system={
            "description": "Low pay and high rent and the lack of shops on the estates and the cost of travel to "
            "the big supermarkets on the ring road all push families towards cheap food that fills them up."
        }
    ),
    "readability": lambda d: (
        d.update(
            story={
                key: "Institutional fragmentation, compounded by intergenerational socioeconomic disadvantage and "
                "infrastructural deficiencies, systematically undermines nutritional sufficiency, necessitating "
                "comprehensive, multidisciplinary, cross-organisational interventions."
                for key in d["story"]
            }
        )
        or d
    ),
    "acronyms-spelt-out": edit(system={"description": "The VCS runs most of the food clubs."}),
    "story-told": edit(story={"why_now": "", "who_is_affected": "Children.", "what_will_change": ""}),
    "near-term-missing": edit(near_term=""),
    "long-term-missing": edit(long_term=""),
    "near-term-dated": edit(near_term="Open breakfast clubs and run holiday meals on the estates."),
    "waiver-valid": edit(waivers=[{"rule": "no-such-rule", "reason": "We were told to."}]),
    # Reads what the caller knows besides the document: no value recorded for any metric since its baseline.
    "metric-measured": lambda d: d,
}
# What a rule's trigger passes to check() besides the document.
CHECK_ARGS = {"metric-measured": {"measured": {}, "today": datetime.date(2200, 1, 1)}}


def test_every_rule_has_a_trigger():
    assert set(TRIGGERS) == {rule.id for rule in REGISTRY}


def test_the_complete_canvas_meets_every_rule():
    report = check(complete_canvas())
    assert report.findings == []
    assert report.readiness == 100
    assert report.level == "ready for review"


@pytest.mark.parametrize("rule_id", sorted(TRIGGERS))
def test_rule_reports_what_it_looks_for(rule_id):
    document = TRIGGERS[rule_id](complete_canvas())
    report = check(document, **CHECK_ARGS.get(rule_id, {}))
    hits = [f for f in report.findings if f.rule == rule_id]
    assert hits, f"{rule_id} found nothing; findings: {[f.rule for f in report.findings]}"
    rule = REGISTRY.get(rule_id)
    for finding in hits:
        assert finding.severity == rule.severity
        assert finding.criterion == rule.criterion
        assert finding.message and finding.suggestion
        assert finding.source.file.endswith(".txt") and finding.source.at
    if rule.criterion:
        assert report.criteria[rule.criterion]["score"] < 100


@pytest.mark.parametrize("rule_id", sorted(TRIGGERS))
def test_rule_is_quiet_on_the_complete_canvas(rule_id):
    assert [f for f in check(complete_canvas()).findings if f.rule == rule_id] == []


def test_findings_point_at_the_item_and_field():
    report = check(edit_item("levers", 1, owner="")(complete_canvas()))
    (finding,) = [f for f in report.findings if f.rule == "lever-owner"]
    assert (finding.section, finding.item, finding.field) == ("levers", "lever-2", "levers[1].owner")
    assert report.findings_for("levers") == [finding]


def test_canvas_vocabulary_is_not_flagged_in_its_own_section():
    document = complete_canvas()
    document["metrics"][0]["name"] = "Children in hungry homes, against the 2024 baseline"
    document["levers"][0]["title"] = "Leverage the school meals budget"
    assert [f for f in check(document).findings if f.rule.startswith("plain-words")] == []
    document["system"]["description"] = "We measure against a baseline."
    hits = [f for f in check(document).findings if f.rule == "plain-words-lga"]
    assert [(f.section, f.message) for f in hits] == [("system", "'baseline' may not mean much to residents.")]


def test_word_forms_are_matched_and_a_plain_alternative_is_offered():
    document = complete_canvas(system={"description": "Schools collaborated, and now they are collaborating."})
    hits = [f for f in check(document).findings if f.rule == "plain-words-govuk"]
    assert len(hits) == 1
    assert hits[0].suggestion == "Try 'work with'."


def test_impact_as_a_noun_is_fine_but_not_as_a_verb():
    noun = complete_canvas(system={"description": "Hunger has a lasting impact on learning."})
    verb = complete_canvas(system={"description": "Hunger impacted learning for years."})
    assert not [f for f in check(noun).findings if f.rule == "plain-words-govuk"]
    assert [f.message for f in check(verb).findings if f.rule == "plain-words-govuk"] == [
        "'impacted' may not mean much to residents."
    ]


def test_an_acronym_spelt_out_anywhere_on_the_canvas_is_fine():
    document = complete_canvas(system={"description": "The voluntary and community sector (VCS) runs food clubs."})
    document["near_term"] = "By March, the VCS opens ten breakfast clubs."
    assert not [f for f in check(document).findings if f.rule == "acronyms-spelt-out"]
    common = complete_canvas(system={"description": "The NHS and GP surgeries refer families."})
    assert not [f for f in check(common).findings if f.rule == "acronyms-spelt-out"]


def test_statement_deadline_year_counts_when_the_field_is_empty():
    report = check(statement("By 2030, no child in Northfield goes to bed hungry.", None)(complete_canvas()))
    rules = {f.rule for f in report.findings}
    assert "deadline-missing" not in rules
    assert "deadline-year-missing" in rules


def test_the_rules_table_names_only_fields_the_canvas_has():
    for row in tomllib.loads(shapes.TABLE.read_text(encoding="utf-8"))["each_item"]:
        shapes._check_fields(row)  # every row of the shipped table passes
    misspelt = {"id": "lever-ownr", "items": "levers", "lacks": "blank:ownr"}
    with pytest.raises(ValueError, match=r"levers\[0\]\.ownr"):
        shapes._check_fields(misspelt)
