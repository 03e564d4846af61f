"""axe-core (vendored from the npm registry, tests/browser/vendor) finds no serious or critical
accessibility problem on the main pages, checked in Chromium with the production CSP on."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import full_document, make_canvas, make_team, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).with_name("vendor") / "axe.min.js"


def serious_violations(page):
    results = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def axe_page(browser, live_server):
    # The script is added through the browser's devtools channel, which the page's CSP does not govern.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def test_main_pages_have_no_serious_accessibility_violations(axe_page):
    from django.core.management import call_command

    from tests.factories import PASSWORD

    call_command("load_examples", verbosity=0)
    officer = make_user("officer")
    team = make_team("Camden food team", owner=officer)
    canvas = make_canvas(team, officer, full_document())
    from workbench.comments import services as comments

    thread = comments.add_comment(
        canvas=canvas, user=officer, body="Is the target realistic?", section="metrics", item_id="metric-1"
    )
    comments.reply(thread=thread, user=officer, body="Yes: it follows the borough plan.")
    page = axe_page
    pages = {"sign-in": "/accounts/login/", "gallery": "/examples/", "example": "/examples/camden-food/"}
    found = {}
    for name, url in pages.items():
        page.goto(url)
        found[name] = serious_violations(page)

    page.goto("/accounts/login/")
    page.fill("#id_username", officer.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    signed_in = {
        "teams": "/",
        "dashboard": f"/teams/{team.slug}/",
        "members": f"/teams/{team.slug}/members/",
        "canvas page": f"/canvases/{canvas.pk}/",
        "editor": f"/canvases/{canvas.pk}/edit/",
        "history": f"/canvases/{canvas.pk}/history/",
        "comments": f"/canvases/{canvas.pk}/comments/",
        "timeline": f"/canvases/{canvas.pk}/timeline/",
        "activity": f"/teams/{team.slug}/activity/",
        "notifications": "/notifications/",
        "checker rules": "/checker/",
    }
    for name, url in signed_in.items():
        page.goto(url)
        found[name] = serious_violations(page)
    assert {name: v for name, v in found.items() if v} == {}


def test_the_editor_can_be_used_with_the_keyboard_alone(page, sign_in):
    """Tab from the top of the editor through the first section to the statement, type, and save with Enter."""
    officer = make_user("keyboard")
    team = make_team("Team", owner=officer)
    canvas = make_canvas(team, officer, full_document())
    sign_in(officer)
    page.goto(f"/canvases/{canvas.pk}/edit/")
    page.focus("#id_title")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_statement"
    page.keyboard.press("Control+A")
    page.keyboard.type("By 2030, every child in the borough eats a healthy lunch.")
    # Tab on to the add-row button of the layers section and press it: a new row, with the cursor in it.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Add a layer":
            break
    else:
        raise AssertionError("the Add a layer button is not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#id_layers-2-title")
    # htmx moves the cursor into the new row once the row has settled.
    expect(page.locator("#id_layers-2-title")).to_be_focused()
    page.keyboard.type("School food pilot")
    # The save buttons are reachable too: Shift+Tab back is long, so submit the form with Enter in a field.
    page.focus("#id_place")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    errors = page.locator(".invalid-feedback, .alert-danger").all_inner_texts()
    assert not errors, errors
    canvas.refresh_from_db()
    assert canvas.document["statement"] == "By 2030, every child in the borough eats a healthy lunch."
    assert canvas.document["layers"][-1]["title"] == "School food pilot"
