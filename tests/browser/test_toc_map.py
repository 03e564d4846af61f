"""The theory-of-change map in the editor redraws as the person links items, before they save, without taking
their focus; axe-core finds no serious problem on it; the canvas page shows the same map."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import AXE, axe_page, serious_violations  # noqa: F401 (a fixture)
from tests.factories import PASSWORD, make_canvas, make_team, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _vision_zero():
    return json.loads((SEEDS / "vision-zero-cancer.json").read_text(encoding="utf-8"))


def test_linking_an_area_to_a_cause_draws_the_line_without_saving(page, sign_in):
    officer = make_user("linker")
    team = make_team("Team", owner=officer)
    document = _vision_zero()
    canvas = make_canvas(team, officer, document)
    sign_in(officer)
    page.goto(f"/canvases/{canvas.pk}/edit/")
    lines = page.locator("#toc-map-editor svg g path")
    before = lines.count()
    cause = page.locator('#toc-map-editor a[data-item="root_causes:rc-2"]')
    assert cause.locator("rect").get_attribute("stroke-dasharray")  # nobody addresses rc-2 yet

    # Tick rc-2 among the root causes the first opportunity area addresses.
    box = page.locator('input[name="opportunity_areas-0-root_causes"][value="rc-2"]')
    assert not box.is_checked()
    box.focus()
    with page.expect_response(lambda r: r.url.endswith(f"/canvases/{canvas.pk}/check/")):
        page.keyboard.press("Space")
    expect(lines).to_have_count(before + 1)
    assert lines.count() == before + 1
    assert (
        page.locator('#toc-map-editor a[data-item="root_causes:rc-2"] rect').get_attribute("stroke-dasharray") is None
    )
    # The person is where they were, and nothing was saved.
    assert page.evaluate("document.activeElement.name") == "opportunity_areas-0-root_causes"
    assert page.evaluate("document.activeElement.value") == "rc-2"
    canvas.refresh_from_db()
    assert "rc-2" not in canvas.document["opportunity_areas"][0]["root_causes"]
    # The list under the map follows too, and stays open across the live checker's answers.
    summary = page.locator("#toc-map-editor details summary")
    summary.click()
    area = document["opportunity_areas"][0]["id"]
    box.focus()
    with page.expect_response(lambda r: r.url.endswith(f"/canvases/{canvas.pk}/check/")):
        page.keyboard.press("Space")  # and untick it again
    expect(lines).to_have_count(before)
    assert page.locator("#toc-map-editor details").get_attribute("open") is not None
    entry = page.locator(
        "xpath=//*[@id='toc-map-editor-outline']//li[a[starts-with(normalize-space(.), 'Root cause rc-2:')]]"
    )
    assert "No opportunity area addresses it yet" in entry.inner_text()
    assert area not in entry.inner_text()
    assert not page.console_errors


def test_the_map_has_no_serious_accessibility_violation(axe_page):  # noqa: F811
    page = axe_page
    officer = make_user("reader")
    team = make_team("Team", owner=officer)
    canvas = make_canvas(team, officer, _vision_zero())
    page.goto("/accounts/login/")
    page.fill("#id_username", officer.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    for url, selector in (
        (f"/canvases/{canvas.pk}/", "#theory-of-change"),
        (f"/canvases/{canvas.pk}/edit/", "#edit-toc-map"),
    ):
        page.goto(url)
        page.locator(f"{selector} details summary").click()
        results = page.evaluate("async (selector) => await axe.run(document.querySelector(selector))", selector)
        serious = [v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], (url, serious)
        assert page.locator(f"{selector} svg title").first.text_content().startswith("Theory of change")
    # The whole page as the other accessibility tests check it.
    assert serious_violations(page) == []
    assert AXE.exists()
