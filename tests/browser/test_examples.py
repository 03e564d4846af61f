"""A council officer browses the worked examples, starts a canvas from one, and makes it their own."""

import pytest

from tests.factories import make_team, make_user
from workbench.canvases.models import Canvas
from workbench.examples.models import Example
from workbench.examples.services import load_examples

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUR_STATEMENT = "By 2032, every resident of Northfield eats a healthy meal every day."


def test_clone_an_example_from_the_gallery_and_edit_the_copy(page, sign_in, transactional_db):
    load_examples()
    example = Example.objects.get(slug="camden-food")
    original = example.document
    officer = make_user("officer")
    team = make_team("Northfield food team", owner=officer)
    sign_in(officer)

    page.goto("/examples/")
    with page.expect_navigation():
        page.get_by_role("link", name="Camden food mission").click()
    assert "Sources" in page.inner_text("main")
    page.get_by_label("Copy into team").select_option(team.slug)
    with page.expect_navigation():
        page.get_by_role("button", name="Start from this example").click()

    canvas = Canvas.objects.get(team=team)
    assert page.url.endswith(f"/canvases/{canvas.pk}/edit/")
    assert "is now a draft canvas in Northfield food team" in page.inner_text("main")
    assert page.input_value("#id_statement") == original["statement"]

    page.fill("#id_statement", OUR_STATEMENT)
    with page.expect_navigation():
        page.click("button[value=view]")

    assert OUR_STATEMENT in page.inner_text("#mission-title ~ .op-statement")
    canvas.refresh_from_db()
    assert canvas.document["statement"] == OUR_STATEMENT
    assert canvas.revisions.count() == 2
    assert canvas.revisions.get(number=1).summary == "Started from the worked example “Camden food mission”"
    example.refresh_from_db()
    assert example.document == original
    assert page.console_errors == []


def test_the_gallery_reads_without_signing_in(page, transactional_db):
    load_examples()

    page.goto("/examples/")
    assert page.locator(".ex-card").count() == 5
    with page.expect_navigation():
        page.get_by_role("link", name="Vision Zero Cancer").click()

    main = page.inner_text("main")
    assert "What the checker says" in main
    assert "Findings, section by section" in main
    assert "Sign in to start from this example" in main
    assert page.locator(".ex-footnotes > li").count() >= 15
    assert page.console_errors == []
