"""The checker answers while the person types, without moving the cursor or touching their text."""

import pytest
from playwright.sync_api import expect

from tests.factories import full_document, make_canvas, make_team, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_findings_refresh_while_typing_and_focus_stays(page, sign_in):
    officer = make_user("typist")
    team = make_team("Team", owner=officer)
    canvas = make_canvas(team, officer, full_document())
    sign_in(officer)
    page.goto(f"/canvases/{canvas.pk}/edit/")
    panel = page.locator("#findings-identity")
    assert "deadline" not in panel.inner_text().lower()

    statement = page.locator("#id_statement")
    statement.fill("")
    statement.focus()
    with page.expect_response(lambda r: r.url.endswith(f"/canvases/{canvas.pk}/check/")):
        page.keyboard.type("We will explore ways to promote healthier eating")
    expect(panel).to_contain_text("deadline", ignore_case=True, use_inner_text=True)
    # The person keeps typing where they were; nothing they typed was lost.
    assert page.evaluate("document.activeElement.id") == "id_statement"
    page.keyboard.type(" across the borough.")
    assert statement.input_value() == "We will explore ways to promote healthier eating across the borough."
    level = page.inner_text("#scorecard .level")
    assert level in {"Not yet a mission", "Taking shape"}
    assert not page.console_errors
