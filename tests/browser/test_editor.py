"""A council officer drafts a canvas in the browser, from an empty page to the read view."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_team, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_draft_a_canvas_with_linked_items_and_see_it_on_the_read_view(page, sign_in):
    officer = make_user("officer")
    team = make_team("Camden food team", owner=officer)
    sign_in(officer)
    page.goto(f"/teams/{team.slug}/")
    page.click("text=New canvas")
    page.fill("#id_title", "Good food for every child")
    with page.expect_navigation():
        page.click("main button[type=submit]")

    page.fill("#id_statement", "By 2030, every child in the borough eats a healthy meal every day.")
    page.fill("#id_deadline_year", "2030")
    page.get_by_role("button", name="Add a root cause").click()
    # The new row arrives with the cursor in its first field.
    page.wait_for_selector("#id_root_causes-0-title")
    # htmx moves the cursor into the new row once the row has settled.
    expect(page.locator("#id_root_causes-0-title")).to_be_focused()
    page.keyboard.type("Healthy food costs more than junk food")
    with page.expect_navigation():
        page.click("button[value=edit]")
    assert "Saved as revision 2" in page.inner_text(".messages")

    page.get_by_role("button", name="Add an opportunity area").click()
    page.fill("#id_opportunity_areas-0-title", "Affordable fresh food near home")
    page.locator("#rows-opportunity_areas").get_by_label("Healthy food costs more than junk food").check()
    with page.expect_navigation():
        page.click("button[value=edit]")

    page.get_by_role("button", name="Add a lever").click()
    page.fill("#id_levers-0-title", "Healthy school meals through procurement")
    page.select_option("#id_levers-0-type", "procurement")
    page.fill("#id_levers-0-owner", "Council catering")
    page.locator("#rows-levers").get_by_label("Affordable fresh food near home").check()
    page.get_by_role("button", name="Add a metric").click()
    page.fill("#id_metrics-0-name", "Children eating five portions of fruit and vegetables a day")
    page.fill("#id_metrics-0-unit", "%")
    page.fill("#id_metrics-0-baseline_value", "22")
    page.fill("#id_metrics-0-baseline_year", "2023")
    page.fill("#id_metrics-0-target_value", "50")
    page.fill("#id_metrics-0-target_year", "2030")
    page.locator("#rows-metrics").get_by_label("The mission itself").check()
    with page.expect_navigation():
        page.click("button[value=view]")

    view = page.inner_text("main")
    assert "By 2030, every child in the borough eats a healthy meal every day." in view
    assert "Healthy food costs more than junk food" in view
    assert "Addresses: Healthy food costs more than junk food" in view
    assert "Serves: Affordable fresh food near home" in view
    assert "Owner: Council catering" in view
    metric_row = page.inner_text("#section-metrics tbody tr")
    assert "22 (2023)" in metric_row and "50 by 2030" in metric_row
    assert "Revision 4" in view
    assert not page.console_errors


def test_reordering_with_the_keyboard_survives_the_save(page, sign_in):
    from tests.factories import full_document, make_canvas

    officer = make_user("officer2")
    team = make_team("Team", owner=officer)
    canvas = make_canvas(team, officer, full_document(items=3))
    sign_in(officer)
    page.goto(f"/canvases/{canvas.pk}/edit/")
    third = page.locator("#rows-root_causes [data-item-row]").nth(2)
    third.locator("[data-move=up]").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.locator("[data-announce]").inner_text() == "Moved up."
    with page.expect_navigation():
        page.click("button[value=view]")
    titles = page.locator("#section-root_causes li strong").all_inner_texts()
    assert titles == ["Root cause 3", "Root cause 1", "Root cause 2"]
