"""On a phone (390 px wide) every action of the history page is on screen, not hidden to the right, and the
editor opens on its first field."""

import pytest

from tests.factories import full_document, make_canvas, make_team, make_user
from workbench.canvases import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_history_restore_buttons_are_within_a_phone_screen(page, sign_in):
    officer = make_user("officer")
    team = make_team("Phone team", owner=officer)
    canvas = make_canvas(team, officer, full_document())
    for n in range(2):
        canvas.refresh_from_db()
        services.save_canvas(
            canvas=canvas,
            user=officer,
            document={**canvas.document, "near_term": f"Plan {n}"},
            base_revision=canvas.revision_number,
        )
    sign_in(officer)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/canvases/{canvas.pk}/history/")
    buttons = page.get_by_role("link", name="Restore")
    assert buttons.count() == 2
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_editor_opens_on_its_first_field_and_folds_the_section_list_away(page, sign_in):
    officer = make_user("officer")
    canvas = make_canvas(make_team("Phone team", owner=officer), officer, full_document())
    sign_in(officer)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/canvases/{canvas.pk}/edit/")
    title = page.locator("#id_title")
    box = title.bounding_box()
    assert box["y"] + box["height"] < 844 - 100, box  # above the save bar, no scrolling
    assert not page.locator("#scorecard").is_visible()
    page.get_by_role("button", name="Sections and the checker's score").click()
    page.locator("#scorecard").wait_for(state="visible")
    page.get_by_role("link", name="Success metrics").click()
    assert page.evaluate("location.hash") == "#edit-metrics"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_on_a_wide_screen_the_section_list_and_scorecard_stay_beside_the_forms(page, sign_in):
    officer = make_user("officer")
    canvas = make_canvas(make_team("Desk team", owner=officer), officer, full_document())
    sign_in(officer)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/canvases/{canvas.pk}/edit/")
    assert page.locator("#scorecard").is_visible()
    assert not page.get_by_role("button", name="Sections and the checker's score").is_visible()
