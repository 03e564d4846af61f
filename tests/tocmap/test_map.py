"""The theory-of-change map: one box per item, one line per link, gaps as the checker finds them, few crossings,
readable at 30 items a column, and safe SVG that needs nothing from outside."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.checker import check
from workbench.document.model import empty_document
from workbench.document.spec import CANVAS, MISSION
from workbench.tocmap import build_map, editor_href, map_svg
from workbench.tocmap.graph import link_rules
from workbench.tocmap.layout import count_crossings, order_layers
from workbench.tocmap.svg import BOX_W, PAD

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXAMPLES = sorted(path.stem for path in SEEDS.glob("*.json"))
SVG = "{http://www.w3.org/2000/svg}"
FONTS = Path("/usr/share/fonts/truetype/liberation")


def _example(slug: str) -> dict:
    return json.loads((SEEDS / f"{slug}.json").read_text(encoding="utf-8"))


def _document_links(document: dict) -> set[tuple[str, str, str]]:
    """Every link the document holds whose target exists: (holder id, field, target id), read without the map."""
    ids = {section: {item["id"] for item in document[section]} for section in CANVAS.list_keys}
    found = set()
    for section, field in CANVAS.link_fields():
        for item in document[section.key]:
            for target in item[field.key]:
                named = any(target in ids[t] for t in field.links if t != MISSION)
                if named or (target == MISSION and MISSION in field.links):
                    found.add((item["id"], field.key, target))
    return found


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _boxes(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{SVG}a")


def test_the_worked_examples_are_all_here():
    assert len(EXAMPLES) == 5


@pytest.mark.parametrize("slug", EXAMPLES)
def test_one_box_per_item_and_one_line_per_link(slug):
    document = _example(slug)
    tocmap = build_map(document)
    root = _parse(map_svg(tocmap))
    columns = [key for key, _ in tocmap.columns]
    expected_items = {item["id"] for key in columns if key != MISSION for item in document[key]}
    shown = [a.get("data-item") for a in _boxes(root)]
    assert sorted(shown) == sorted([f"{s}:{i['id']}" for s in columns if s != MISSION for i in document[s]] + [MISSION])
    assert {key.split(":", 1)[1] for key in shown if key != MISSION} == expected_items
    links = _document_links(document)
    assert len(links) > 10
    assert {(link.holder.item_id, link.field.key, link.target.item_id or MISSION) for link in tocmap.links} == links
    assert len(root.findall(f"{SVG}g/{SVG}path")) == len(links)


@pytest.mark.parametrize("slug", EXAMPLES)
def test_the_layout_crosses_no_more_than_the_documents_own_order(slug):
    tocmap = build_map(_example(slug))
    assert tocmap.crossings <= tocmap.document_crossings
    # The figures the README quotes: each example is laid out with fewer crossings than its own order.
    assert tocmap.crossings < tocmap.document_crossings
    # The count is the count of the order drawn.
    layers = [[node.key for node in layer] for layer in tocmap.layers]
    segments = [(a.key, b.key) for link in tocmap.links for a, b in zip(link.path, link.path[1:], strict=False)]
    assert count_crossings(layers, segments) == tocmap.crossings


def test_crossings_are_counted_pair_by_pair():
    layers = [["a", "b"], ["c", "d"]]
    assert count_crossings(layers, [("a", "d"), ("b", "c")]) == 1
    assert count_crossings(layers, [("a", "c"), ("b", "d")]) == 0
    assert count_crossings(layers, [("a", "c"), ("a", "d"), ("b", "c")]) == 1
    # Lines sharing an end never cross, however many there are.
    assert count_crossings(layers, [("a", "d"), ("a", "d"), ("b", "d")]) == 0
    ordered, after, before = order_layers(layers, [("a", "d"), ("b", "c")])
    assert (after, before) == (0, 1)
    assert ordered in ([["a", "b"], ["d", "c"]], [["b", "a"], ["c", "d"]])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 7), max_size=4), min_size=1, max_size=8),
    st.lists(st.lists(st.integers(0, 7), max_size=4), min_size=1, max_size=8),
    st.lists(st.lists(st.sampled_from(["area", "mission"]), max_size=2), max_size=8),
    st.lists(st.integers(0, 7), max_size=8),
)
def test_any_canvas_is_laid_out_with_no_more_crossings_than_its_own_order(areas, levers, metrics, metric_areas):
    document = empty_document("Any canvas")
    document["root_causes"] = [{"id": f"rc-{i}", "title": f"Cause {i}"} for i in range(8)]
    document["opportunity_areas"] = [
        {"id": f"area-{i}", "title": f"Area {i}", "root_causes": sorted({f"rc-{c}" for c in causes})}
        for i, causes in enumerate(areas)
    ]
    document["levers"] = [
        {"id": f"lever-{i}", "title": f"Lever {i}", "opportunity_areas": sorted({f"area-{a}" for a in served})}
        for i, served in enumerate(levers)
    ]
    document["metrics"] = [
        {
            "id": f"metric-{i}",
            "name": f"Metric {i}",
            "measures": sorted(
                {MISSION if kind == "mission" else f"area-{metric_areas[i % len(metric_areas)]}" for kind in kinds}
                if metric_areas
                else {MISSION}
            ),
        }
        for i, kinds in enumerate(metrics)
    ]
    tocmap = build_map(document)
    assert tocmap.crossings <= tocmap.document_crossings


def _link_findings(document: dict) -> set[tuple[str, str]]:
    report = check(document)
    rules = {rule.id for rule in link_rules()} | {"mission-metric"}
    every = list(report.findings) + [w.finding for w in report.waived]
    return {(f.rule, f.item or MISSION) for f in every if f.rule in rules}


def _marked(tocmap) -> set[tuple[str, str]]:
    return {(gap.rule, node.item_id or MISSION) for node in tocmap.boxes for gap in node.gaps}


@pytest.mark.parametrize("slug", EXAMPLES)
def test_marked_boxes_are_the_checkers_theory_of_change_findings(slug):
    document = _example(slug)
    assert _marked(build_map(document)) == _link_findings(document)


def test_an_unlinked_item_is_dashed_and_says_what_it_lacks():
    document = _example("camden-food")
    area = document["opportunity_areas"][0]
    area["root_causes"] = []
    for lever in document["levers"]:
        lever["opportunity_areas"] = [a for a in lever["opportunity_areas"] if a != area["id"]]
    for metric in document["metrics"]:
        metric["measures"] = [MISSION]
    document["levers"][0]["opportunity_areas"] = []
    tocmap = build_map(document)
    assert _marked(tocmap) == _link_findings(document)
    labels = {node.item_id: [gap.label for gap in node.gaps] for node in tocmap.gaps}
    assert labels[area["id"]] == ["Addresses no root cause yet", "No lever serves it yet"]
    assert labels[document["levers"][0]["id"]] == ["Serves no opportunity area yet"]
    root = _parse(map_svg(tocmap))
    box = next(a for a in _boxes(root) if a.get("data-item") == f"opportunity_areas:{area['id']}")
    assert box.find(f"{SVG}rect").get("stroke-dasharray")
    texts = [t.text for t in box.findall(f"{SVG}text")]
    assert "Addresses no root cause yet" in texts and "No lever serves it yet" in texts
    assert "is not linked to any root cause" in box.find(f"{SVG}title").text
    linked = next(
        a for a in _boxes(root) if a.get("data-item") == "opportunity_areas:" + document["opportunity_areas"][1]["id"]
    )
    assert linked.find(f"{SVG}rect").get("stroke-dasharray") is None


def test_a_mission_no_metric_measures_is_marked():
    document = _example("camden-food")
    for metric in document["metrics"]:
        metric["measures"] = [m for m in metric["measures"] if m != MISSION] or [document["opportunity_areas"][0]["id"]]
    tocmap = build_map(document)
    mission = next(node for node in tocmap.boxes if node.section == MISSION)
    assert [gap.label for gap in mission.gaps] == ["No metric measures it yet"]
    assert _marked(tocmap) == _link_findings(document)


def test_metrics_say_outcome_or_output_as_the_checker_reads_them():
    document = _example("vision-zero-cancer")
    tocmap = build_map(document)
    readings = {node.item_id: node.reading for node in tocmap.boxes if node.section == "metrics"}
    assert readings == {"metric-1": "outcome", "metric-2": "outcome", "metric-3": "output"}
    root = _parse(map_svg(tocmap))
    partners = next(a for a in _boxes(root) if a.get("data-item") == "metrics:metric-3")
    assert "metric-3 · Output" in [t.text for t in partners.findall(f"{SVG}text")]


def _crowded(count: int = 30) -> dict:
    long = "A very long title of a root cause that says far more than a box has room for, " * 3
    document = empty_document("Crowded")
    document["statement"] = "By 2030 everyone in the borough eats well every day. " * 6
    document["root_causes"] = [{"id": f"rc-{i}", "title": f"{i} {long}"} for i in range(count)]
    document["opportunity_areas"] = [
        {
            "id": f"area-{i}",
            "title": "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW" * (i % 2 + 1),
            "root_causes": [f"rc-{(i * 7) % count}"],
        }
        for i in range(count)
    ]
    document["levers"] = [
        {
            "id": f"lever-{i}",
            "title": f"Lever {i} with an ordinary title",
            "opportunity_areas": [f"area-{(i * 3) % count}"],
        }
        for i in range(count)
    ]
    document["metrics"] = [
        {"id": f"metric-{i}", "name": f"Share of residents {i} who eat well", "measures": [MISSION, f"area-{i}"]}
        for i in range(count)
    ]
    return document


def test_thirty_items_a_column_stay_readable():
    pil = pytest.importorskip("PIL.ImageFont")
    document = _crowded()
    tocmap = build_map(document)
    root = _parse(map_svg(tocmap))
    boxes = _boxes(root)
    assert len(boxes) == 4 * 30 + 1
    regular = pil.truetype(str(FONTS / "LiberationSans-Regular.ttf"), 100) if FONTS.exists() else None
    bold = pil.truetype(str(FONTS / "LiberationSans-Bold.ttf"), 100) if FONTS.exists() else None
    rects = []
    for box in boxes:
        rect = box.find(f"{SVG}rect")
        x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
        rects.append((x, y, w, h))
        for text in box.findall(f"{SVG}text"):
            ty = float(text.get("y"))
            assert y < ty <= y + h, "a line of text sits outside its box"
            if regular is not None:
                font = bold if text.get("font-weight") == "bold" else regular
                size = float(text.get("font-size"))
                assert font.getlength(text.text) * size / 100 <= w - 2 * PAD + 0.5, text.text
    # No two boxes overlap.
    for i, (x1, y1, w1, h1) in enumerate(rects):
        for x2, y2, w2, h2 in rects[i + 1 :]:
            assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
    # A long title is shortened on the box and given whole in its <title>.
    cause = next(a for a in boxes if a.get("data-item") == "root_causes:rc-3")
    lines = [t.text for t in cause.findall(f"{SVG}text")]
    assert lines[-1].endswith("…") and len(lines) == 4  # the id, then three lines of title
    assert document["root_causes"][3]["title"].strip() in cause.find(f"{SVG}title").text
    assert BOX_W < 260  # five columns fit the width of a landscape page


def test_every_user_string_is_escaped():
    nasty = '<script>alert("x")</script> & \'quotes\' "double" ]]>'
    document = _example("camden-food")
    document["title"] = nasty
    document["statement"] = nasty
    document["root_causes"][0]["title"] = nasty
    document["metrics"][0]["name"] = nasty
    svg = map_svg(build_map(document))
    root = _parse(svg)  # well-formed XML whatever the titles hold
    assert "<script" not in svg
    assert not list(root.iter(f"{SVG}script"))
    assert any(nasty in (title.text or "") for title in root.iter(f"{SVG}title"))


def test_ids_that_are_not_ids_cannot_break_out_of_an_attribute():
    document = empty_document("Odd ids")
    document["root_causes"] = [{"id": 'rc-1" onmouseover="alert(1)', "title": "Cause"}]
    svg = map_svg(build_map(document))
    root = _parse(svg)
    for element in root.iter():
        assert not any(name.startswith("on") for name in element.attrib)


ALLOWED_TAGS = {"svg", "title", "desc", "g", "path", "rect", "text", "a"}


@pytest.mark.parametrize("slug", EXAMPLES)
def test_no_external_reference_and_no_style(slug):
    svg = map_svg(build_map(_example(slug)))
    root = _parse(svg)
    for element in root.iter():
        assert element.tag.removeprefix(SVG) in ALLOWED_TAGS
        assert "style" not in element.attrib
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#"), value
            assert "url(" not in value
    assert "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in svg and "data:" not in svg and "file:" not in svg


def test_the_pdf_fetcher_is_never_asked_for_anything(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    from workbench.pdf.fetcher import StaticOnlyFetcher

    fetcher = StaticOnlyFetcher(tmp_path)
    svg = map_svg(build_map(_example("health-holland")))
    html = f"<!doctype html><html><body>{svg}</body></html>"
    pdf = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
    assert pdf.startswith(b"%PDF")
    assert fetcher.requested == []


def test_the_editor_links_each_box_to_its_field():
    tocmap = build_map(_example("camden-food"))
    root = _parse(map_svg(tocmap, href=editor_href))
    hrefs = {a.get("data-item"): a.get("href") for a in _boxes(root)}
    assert hrefs["root_causes:rc-1"] == "#id_root_causes-0-title"
    assert hrefs["metrics:metric-1"] == "#id_metrics-0-name"
    assert hrefs[MISSION] == "#id_statement"


@pytest.mark.parametrize("junk", [None, [], "text", {"root_causes": "x"}, {"metrics": [{"id": 3}, "x", {"id": "m"}]}])
def test_the_map_never_raises(junk):
    svg = map_svg(build_map(junk))
    assert _parse(svg).tag == f"{SVG}svg"


def test_a_document_copy_is_not_changed():
    document = _example("genomics-health-futures")
    before = copy.deepcopy(document)
    build_map(document)
    assert document == before
    assert re.search(r"Theory of change: ", map_svg(build_map(document)))


def test_the_nested_list_says_what_each_item_is_linked_to_both_ways():
    from workbench.tocmap.outline import outline_html

    document = _example("vision-zero-cancer")
    document["root_causes"][0]["title"] = '<img src=x onerror="alert(1)"> & more'
    tocmap = build_map(document)
    html = outline_html(tocmap, href=lambda node, spec: f"#item-{node.item_id}")
    root = ET.fromstring(html)  # well-formed: every title escaped
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more" in html
    # A box's entry opens with a link naming it ("Opportunity area area-1: Title"); its relations name ids only.
    boxes = [li for li in root.iter("li") if li.find("a") is not None and ":" in "".join(li.find("a").itertext())]
    entries = {"".join(li.find("a").itertext()).split(":")[0]: li for li in boxes}
    area = document["opportunity_areas"][0]
    row = entries[f"Opportunity area {area['id']}"]
    relations = {"".join(li.itertext()).split(":")[0]: li for li in row.find("ul").findall("li")}
    assert [a.text for a in relations["Addresses"].findall("a")] == area["root_causes"]
    serving = [lever["id"] for lever in document["levers"] if area["id"] in lever["opportunity_areas"]]
    assert [a.text for a in relations["Served by"].findall("a")] == serving
    assert relations["Addresses"].find("a").get("href") == f"#item-{area['root_causes'][0]}"
    # The unlinked cause says so in words, as the map does.
    assert "No opportunity area addresses it yet" in "".join(entries["Root cause rc-2"].itertext())
    # Every box of the map is an entry of the list.
    assert len(entries) == len(tocmap.boxes)
