"""Two people edit one canvas at once in two browsers: different fields merge, the same field asks them to choose."""

import os

import pytest

from tests.factories import PASSWORD, full_document, make_canvas, make_team, make_user
from workbench.canvases.models import Canvas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to keep pictures of the pages, to look at them as a person would


def _second_person(browser, live_server, user):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    other = context.new_page()
    other.set_default_timeout(15000)
    other.goto("/accounts/login/")
    other.fill("#id_username", user.username)
    other.fill("#id_password", PASSWORD)
    with other.expect_navigation():
        other.click("main button[type=submit]")
    return context, other


def _save(page):
    with page.expect_navigation():
        page.click("button[value=edit]")


def _side_text(page, side):
    """The whole text of one side of a conflict, as it reads with the struck-out words set aside."""
    return page.eval_on_selector(
        f"pre[data-side={side}]",
        "pre => { const c = pre.cloneNode(true); c.querySelectorAll('del').forEach(d => d.remove()); "
        "return c.textContent; }",
    )


def test_two_people_edit_the_same_section_and_then_the_same_field(browser, live_server, page, sign_in):
    alex = make_user("alex", first_name="Alex")
    sam = make_user("sam", first_name="Sam")
    team = make_team("Camden food team", owner=alex, editor=sam)
    canvas = make_canvas(team, alex, full_document())
    edit = f"/canvases/{canvas.pk}/edit/"
    sign_in(alex)
    context, other = _second_person(browser, live_server, sam)
    try:
        # Both open the editor at revision 1 and change different fields of the Mission section.
        page.goto(edit)
        other.goto(edit)
        page.fill("#id_place", "Camden")
        other.fill("#id_population", "Every child in Camden")
        _save(page)
        assert "Saved as revision 2" in page.inner_text(".messages")
        _save(other)
        messages = other.inner_text(".messages")
        assert "Saved as revision 3" in messages
        assert "Alex's change to Place or scope was kept" in messages
        assert other.input_value("#id_place") == "Camden"
        assert other.input_value("#id_population") == "Every child in Camden"
        document = Canvas.objects.get(pk=canvas.pk).document
        assert (document["place"], document["population"]) == ("Camden", "Every child in Camden")

        # Now both change the statement from revision 3.
        page.goto(edit)
        alex_words = "By 2030, every child in Camden eats a hot meal at school."
        sam_words = "By 2030, no child in Camden goes hungry on a school day."
        page.fill("#id_statement", alex_words)
        other.fill("#id_statement", sam_words)
        _save(page)
        _save(other)
        assert "changed the same field" in other.inner_text("h1")
        rows = other.locator("fieldset.conflict-row")
        assert rows.count() == 1 and "Mission statement" in rows.inner_text()
        assert other.locator("ins").count() > 0 and other.locator("del").count() > 0
        assert _side_text(other, "mine") == sam_words and _side_text(other, "theirs") == alex_words
        assert other.locator("input[type=radio]:checked").count() == 0
        if SHOTS:
            other.screenshot(path=os.path.join(SHOTS, "conflict.png"), full_page=True)

        # Saving without a choice is refused beside the field; both texts are still there.
        with other.expect_navigation():
            other.click("button[value=save]")
        assert "Choose which version to keep." in other.inner_text("fieldset.conflict-row")
        assert _side_text(other, "mine") == sam_words and _side_text(other, "theirs") == alex_words
        assert Canvas.objects.get(pk=canvas.pk).revision_number == 4
        if SHOTS:
            other.screenshot(path=os.path.join(SHOTS, "conflict-refused.png"), full_page=True)

        other.get_by_label("Keep your version").check()
        with other.expect_navigation():
            other.click("button[value=save]")
        assert "Saved as revision 5" in other.inner_text(".messages")
        assert Canvas.objects.get(pk=canvas.pk).document["statement"] == sam_words

        # The history's compare page marks the words that changed between Alex's and Sam's statements.
        page.goto(f"/canvases/{canvas.pk}/compare/?a=4&b=5")
        deleted, inserted = (" ".join(page.locator(f"table {tag}").all_inner_texts()) for tag in ("del", "ins"))
        assert "hot meal at" in deleted and "every" in deleted and "hungry" not in deleted
        assert "goes hungry" in inserted and "Camden" not in inserted
        if SHOTS:
            page.screenshot(path=os.path.join(SHOTS, "compare.png"), full_page=True)
    finally:
        context.close()
