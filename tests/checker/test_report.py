"""The report, waivers, the level, the radar chart, and the checker's promise never to raise."""

from __future__ import annotations

import json
import re
import socket
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checker.canvases import complete_canvas, generated_canvas
from workbench.checker import CRITERIA, REGISTRY, check, radar_svg, rules
from workbench.checker.language import readability, syllables

SECTIONS = {
    "identity", "layers", "story", "root_causes", "system", "stakeholders",
    "opportunity_areas", "levers", "metrics", "governance", "horizons", "waivers",
}  # fmt: skip


def test_report_has_ten_criteria_scores_and_a_level():
    report = check(complete_canvas(statement="Promote healthy food."))
    assert list(report.criteria) == list(CRITERIA)
    for key, value in report.criteria.items():
        assert 0 <= value["score"] <= 100
        assert value["label"] == CRITERIA[key]
    assert report.level == "not yet a mission"
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["findings"][0]["source"] == {"file": "001_71443529b753c4b8.txt", "at": "00:44:57"}


def test_empty_document_is_not_yet_a_mission():
    report = check({})
    assert report.readiness < 10
    assert report.level == "not yet a mission"
    assert {"statement-missing", "deadline-missing"} <= {f.rule for f in report.findings}
    assert report.findings[0].severity == "error"


def test_an_error_keeps_a_high_score_from_ready_for_review():
    document = complete_canvas()
    document["metrics"][0]["direction"] = "increase"
    report = check(document)
    assert report.readiness >= 75
    assert report.level == "taking shape"


def test_waiver_moves_findings_out_of_the_list_but_counts_the_rule_half_met():
    document = complete_canvas(near_term="")
    before = check(document)
    assert before.criteria["short_and_long_term"]["score"] < 100
    document["waivers"] = [{"rule": "near-term-missing", "reason": "Agreed at the March board.", "by": "ana"}]
    after = check(document)
    assert "near-term-missing" not in {f.rule for f in after.findings}
    assert [(w.finding.rule, w.reason, w.by) for w in after.waived] == [
        ("near-term-missing", "Agreed at the March board.", "ana")
    ]
    full = check(complete_canvas()).criteria["short_and_long_term"]["score"]
    assert before.criteria["short_and_long_term"]["score"] < after.criteria["short_and_long_term"]["score"] < full
    assert after.to_dict()["waived"][0]["waiver"]["reason"] == "Agreed at the March board."
    assert [(s.rule, s.reason, s.by) for s in after.switched_off] == [
        ("near-term-missing", "Agreed at the March board.", "ana")
    ]


def test_error_rules_cannot_be_switched_off():
    document = complete_canvas(statement="")
    document["waivers"] = [{"rule": "statement-missing", "reason": "We will write it later."}]
    report = check(document)
    assert "statement-missing" in {f.rule for f in report.findings}
    assert report.switched_off == []
    assert report.level == "not yet a mission"
    advice = [f for f in report.findings if f.rule == "waiver-valid"]
    assert len(advice) == 1 and "cannot be switched off" in advice[0].message


def test_waiver_of_an_unknown_rule_or_without_reason_is_advice():
    document = complete_canvas(near_term="")
    document["waivers"] = [{"rule": "no-such-rule", "reason": "x"}, {"rule": "near-term-missing", "reason": " "}]
    report = check(document)
    advice = [f for f in report.findings if f.rule == "waiver-valid"]
    assert [f.severity for f in advice] == ["advice", "advice"]
    assert "near-term-missing" in {f.rule for f in report.findings}
    assert report.waived == []


def test_registry_describes_every_rule_for_the_rules_page():
    described = rules()
    assert len(described) == len(REGISTRY) >= 60
    seeds = {"000_f67c9f7830c09c20.txt", "001_71443529b753c4b8.txt", "004_592c2f7421135400.txt"}
    for rule in described:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule["id"])
        assert rule["severity"] in ("error", "warning", "advice")
        assert rule["criterion"] in CRITERIA or rule["id"] == "waiver-valid"
        assert rule["section"] in SECTIONS
        assert rule["title"] and rule["looks_for"] and rule["why"] and rule["how_to_fix"]
        assert rule["source"]["file"] in seeds and re.fullmatch(r"\d\d:\d\d:\d\d", rule["source"]["at"])
    assert {rule["criterion"] for rule in described} - {None} == set(CRITERIA)


def test_every_cited_timestamp_occurs_in_its_seed_file():
    from pathlib import Path

    seeds = Path("/work/shared/seeds")
    if not seeds.is_dir():
        seeds = Path(__file__).resolve().parents[2] / "seeds" / "sources"
    for rule in REGISTRY:
        path = seeds / rule.source.file
        if path.exists():
            assert f'data-t="{rule.source.at}"' in path.read_text(encoding="utf-8"), rule.id


def test_findings_for_filters_by_section():
    report = check(complete_canvas(levers=[], near_term=""))
    assert {f.rule for f in report.findings_for("levers")} >= {"levers-missing"}
    assert all(f.section == "horizons" for f in report.findings_for("horizons"))


def test_check_is_deterministic():
    document = generated_canvas(7, items=30)
    assert check(document).to_dict() == check(json.loads(json.dumps(document))).to_dict()


# --- the checker never raises ------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=60),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30,
)
keys = st.sampled_from(list(complete_canvas()) + ["id", "rule", "reason", "value", "year", "sector", "type"])
item = st.dictionaries(keys, json_values, max_size=8)
document_strategy = st.one_of(
    json_values,
    st.dictionaries(keys, json_values, max_size=20),
    st.fixed_dictionaries(
        {
            "statement": st.text(max_size=400),
            "deadline_year": st.one_of(st.integers(), st.none(), st.text(max_size=5), st.floats()),
            "metrics": st.lists(item, max_size=6),
            "levers": st.lists(item, max_size=6),
            "opportunity_areas": st.lists(item, max_size=6),
            "stakeholders": st.one_of(st.lists(item, max_size=6), json_values),
            "story": st.one_of(st.dictionaries(keys, json_values, max_size=4), json_values),
            "waivers": st.one_of(st.lists(item, max_size=4), json_values),
        }
    ),
)


@settings(max_examples=300, deadline=None)
@given(document_strategy)
def test_check_never_raises_and_scores_stay_in_range(document):
    report = check(document)
    assert report.faults == []
    assert 0 <= report.readiness <= 100
    assert all(0 <= value["score"] <= 100 for value in report.criteria.values())
    assert report.level in ("not yet a mission", "taking shape", "ready for review")
    json.dumps(report.to_dict())


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_any_statement_text_is_read(text):
    report = check(complete_canvas(statement=text))
    assert report.faults == []


def test_huge_and_strange_documents():
    huge = complete_canvas(statement="By 2030, " + "every child eats well " * 5000)
    huge["metrics"] = huge["metrics"] * 3000
    huge["story"]["why_now"] = "Ünïcödé ✓ 😀 \u202e" * 20000
    huge["deadline_year"] = True
    report = check(huge)
    assert report.faults == []
    nested: list = []
    for _ in range(5000):
        nested = [nested]
    assert check({"levers": nested, "metrics": [{"baseline": {"value": float("nan")}}]}).faults == []


def test_readability_works_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network unreachable")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    syllables.cache_clear()
    score = readability("The cat sat on the mat. It was a sunny day and the children played outside.")
    assert score is not None and score.reading_ease > 80 and score.reading_age <= 9
    hard = readability(
        "Institutional fragmentation systematically undermines nutritional sufficiency, necessitating "
        "comprehensive multidisciplinary interventions."
    )
    assert hard.reading_ease < 0 and hard.reading_age > 18
    assert syllables("responsibility") == 6


# --- the radar chart ----------------------------------------------------------------------------


def test_radar_svg_is_self_contained_accessible_and_csp_safe():
    report = check(complete_canvas(statement="Promote <healthy> food & drink."))
    svg = radar_svg(report, size=300)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("role") == "img"
    assert root.find(f"{ns}title").text and "Bold:" in root.find(f"{ns}desc").text
    assert len(root.findall(f"{ns}text")) == 10
    for forbidden in ("style=", "<script", "href", "url(", "javascript:", "@import"):
        assert forbidden not in svg
    assert svg == radar_svg(report.criteria, size=300)  # a report or its criteria mapping; deterministic


def test_radar_svg_escapes_text_and_tolerates_bad_input():
    svg = radar_svg({"bold": {"score": 250}, "measurable": "x"}, size="big", title='<b>"A" & B</b>')
    ET.fromstring(svg)
    assert "&lt;b&gt;" in svg and "<b>" not in svg
    assert "Bold 100" in svg and "Measurable 0" in svg


_WAIVABLE = sorted(rule.id for rule in REGISTRY if rule.severity != "error" and rule.criterion)
_BASES = {
    "complete": complete_canvas,
    "empty": lambda: {"schema": "mission-canvas/1", "title": "Empty"},
    "no statement": lambda: complete_canvas(statement=""),
    "no metrics": lambda: complete_canvas(metrics=[]),
    "output statement": lambda: complete_canvas("By 2027, hold 50 events and publish 3 plans."),
    "contradicting metric": lambda: complete_canvas(
        metrics=[{**complete_canvas()["metrics"][0], "direction": "increase", "target": {"value": 1, "year": 2030}}]
    ),
}


def _fully_met(document, rule_ids):
    """The report of the same canvas if the given rules were met: they find nothing and miss no part."""
    saved = {rule_id: (REGISTRY.get(rule_id).findings, REGISTRY.get(rule_id).needs) for rule_id in rule_ids}
    try:
        for rule_id in rule_ids:
            REGISTRY.get(rule_id).findings = lambda canvas: []
            REGISTRY.get(rule_id).needs = ()
        return check(document)
    finally:
        for rule_id, (findings, needs) in saved.items():
            REGISTRY.get(rule_id).findings = findings
            REGISTRY.get(rule_id).needs = needs


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(sorted(_BASES)), st.lists(st.sampled_from(_WAIVABLE), unique=True, max_size=40))
def test_switching_rules_off_never_scores_above_meeting_them(base, rule_ids):
    document = _BASES[base]()
    waived = {**document, "waivers": [{"rule": r, "reason": "Our board agreed this."} for r in rule_ids]}
    report = check(waived)
    assert {s.rule for s in report.switched_off} == set(rule_ids)
    assert report.readiness <= _fully_met(document, rule_ids).readiness
    if any(f.severity == "error" for f in report.findings):
        assert report.level != "ready for review"


def test_switching_every_rule_off_leaves_an_empty_canvas_not_yet_a_mission():
    document = {"schema": "mission-canvas/1", "title": "Empty", "waivers": []}
    document["waivers"] = [{"rule": rule.id, "reason": "Not for us."} for rule in REGISTRY]
    report = check(document)
    assert report.level == "not yet a mission"
    assert report.readiness < 45
    assert len(report.switched_off) == len([r for r in REGISTRY if r.severity != "error"])
