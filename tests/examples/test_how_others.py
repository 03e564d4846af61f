"""The editor's "How others wrote this" panels: every worked example's text for each section it fills, with its
source as a person reads it, and the example closest to the draft suggested first with a reason."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import full_document, make_canvas
from workbench.document.model import empty_document
from workbench.document.spec import CANVAS
from workbench.examples.panels import closest, section_entries, section_panel, worked_examples
from workbench.examples.similar import rank, words

EDITOR_SECTIONS = [section.key for section in CANVAS.sections]


def _draft(statement: str, *, why_now: str = "", causes: tuple[str, ...] = ()) -> dict:
    document = empty_document("A draft")
    document["statement"] = statement
    document["story"]["why_now"] = why_now
    document["root_causes"] = [{"id": f"rc-{i}", "title": title} for i, title in enumerate(causes, start=1)]
    return document


def test_five_worked_examples_are_read_from_their_seed_files():
    examples = worked_examples()
    assert len(examples) == 5
    assert {"camden-food", "vision-zero-cancer", "national-decade-against-cancer"} <= set(examples)


@pytest.mark.parametrize("section", EDITOR_SECTIONS)
def test_the_panel_shows_every_example_that_fills_the_section(section):
    examples = worked_examples()
    panel = section_panel(closest(_draft("")), section)
    filling = [slug for slug, document in examples.items() if section_entries(document, section)]
    assert sorted(row["slug"] for row in panel["filled"]) == sorted(filling)
    assert len(panel["filled"]) + len(panel["empty"]) == 5
    for row in panel["filled"]:
        document = examples[row["slug"]]
        if CANVAS.section(section).kind == "list":
            assert len(row["entries"]) == len(document[section])


def test_the_five_examples_fill_the_main_sections():
    for section in ("identity", "story", "root_causes", "opportunity_areas", "levers", "metrics"):
        panel = section_panel(closest(_draft("")), section)
        assert len(panel["filled"]) == 5, section


def test_a_draft_about_food_in_a_borough_is_closest_to_camden():
    draft = _draft(
        "By 2032 every child in the borough eats a healthy meal every day.",
        why_now="Many families in the borough cannot afford fresh food.",
        causes=("Takeaways outnumber grocers near schools", "Healthy food costs more"),
    )
    best = closest(draft)[0]
    assert best.key == "camden-food"
    assert "food" in best.shared
    assert best.reason.startswith("Also about ") and "food" in best.reason


def test_a_draft_about_cancer_deaths_is_closest_to_vision_zero_or_the_german_decade():
    draft = _draft(
        "By 2035 halve the number of people in the region who die of cancer.",
        causes=("Cancer is found too late", "Few people take part in screening"),
    )
    best = closest(draft)[0]
    assert best.key in ("vision-zero-cancer", "national-decade-against-cancer")
    assert "cancer" in best.shared


def test_a_draft_with_no_words_in_common_gets_no_suggestion():
    ranked = closest(_draft("Zebra quartz xylophone."))
    assert ranked[0].score == 0
    assert section_panel(ranked, "identity")["suggestion"] is None


def test_small_words_and_plurals_do_not_decide():
    assert words("The deaths of the cities, and their councils") == ["death", "city", "council"]
    examples = {"a": _draft("Fewer cancer deaths"), "b": _draft("the of and with")}
    assert rank(_draft("Cancer deaths"), examples)[0].key == "a"


def test_the_editor_shows_a_collapsed_panel_in_every_section_with_sources_by_title(client_for, people):
    canvas = make_canvas(people["team"], people["owner"], full_document())
    response = client_for("editor").get(reverse("canvases:edit", args=[canvas.pk]))
    html = response.content.decode()
    for section in EDITOR_SECTIONS:
        assert f'<details class="how-others mt-3" id="how-others-{section}">' in html
    assert '<details class="how-others mt-3" id="how-others-identity" open' not in html
    # The food draft of the factories is closest to Camden's food mission, and the panel says why.
    assert "Closest to your draft: Camden" in html
    assert "Local and international case studies on health missions" in html
    assert "https://www.youtube.com/watch?v=2kY82Y_uE54&amp;t=" in html
    assert not re.search(r"\d{3}_[0-9a-f]{16}", html)


def test_a_panel_is_rendered_once_for_every_draft_whose_examples_rank_alike(client_for, people):
    from tests.canvases.test_editing import editor_post
    from workbench.examples.templatetags.example_tags import _panel

    _panel.cache_clear()
    food = make_canvas(people["team"], people["owner"], full_document(items=1))
    cancer = make_canvas(people["team"], people["owner"], _draft("By 2035 no one in the region dies of cancer."))
    client = client_for("editor")

    def refused_save(canvas, document, statement):  # a refused save shows the editor again, never a kept copy
        data = editor_post(document, 1, statement=statement, deadline_year="2030s")
        response = client.post(reverse("canvases:edit", args=[canvas.pk]), data)
        assert response.status_code == 422
        rendered = [template.name for template in response.templates].count("examples/partials/how_others.html")
        return rendered, response.content.decode()

    first, _ = refused_save(food, full_document(items=1), full_document()["statement"])
    again, html = refused_save(food, full_document(items=1), full_document()["statement"])
    other, other_html = refused_save(cancer, _draft(""), "By 2035 no one in the region dies of cancer.")

    assert first == len(EDITOR_SECTIONS)  # one panel a section
    assert again == 0
    assert "Closest to your draft: Camden" in html
    assert other == len(EDITOR_SECTIONS)  # ranked otherwise: rendered for this ranking
    assert "Closest to your draft: Camden" not in other_html and "Closest to your draft:" in other_html


def test_a_changed_template_is_shown_by_the_running_development_server():
    from pathlib import Path

    from django.utils.autoreload import file_changed

    from workbench.examples.templatetags.example_tags import _panel

    _panel("identity", tuple(closest(_draft("Food"))))
    assert _panel.cache_info().currsize > 0

    file_changed.send(sender=None, file_path=Path("templates/examples/partials/how_others.html").resolve())

    assert _panel.cache_info().currsize == 0
