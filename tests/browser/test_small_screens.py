"""On a phone (390 px wide) every action of the history page is on screen, not hidden to the right."""

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
