"""Progress in the browser: an editor records a value, sees the chart and the status change, and downloads the
progress report."""

import datetime as dt

import pytest

from tests.browser import test_accessibility as accessibility
from tests.factories import full_document, make_canvas, make_team, make_user
from workbench.progress.models import Measurement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
axe_page = accessibility.axe_page  # the same fixture: axe-core added to every page


def test_record_a_value_see_the_chart_and_status_change_and_download_the_report(page, sign_in, tmp_path, settings):
    settings.PDF_CACHE_DIR = tmp_path / "pdf-cache"
    owner, editor = make_user("olu"), make_user("eda")
    team = make_team("Northfield food team", owner=owner, editor=editor)
    document = full_document(items=2)
    this_year = dt.date.today().year
    document["metrics"][0].update(
        baseline={"value": 20, "year": this_year - 2}, target={"value": 50, "year": this_year + 8}
    )
    canvas = make_canvas(team, owner, document)

    sign_in(editor)
    page.goto(f"/canvases/{canvas.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Progress", exact=True).click()
    card = page.locator("#metric-metric-1")
    assert card.locator(".progress-status").inner_text() == "No recent data"
    assert card.locator("svg circle").count() == 0

    # The path asks for 26 this year (20 → 50 over ten years); 27,5 % is within ±3 of it.
    page.locator("#record").get_by_label("Metric").select_option("metric-1")
    page.locator("#record").get_by_label("Year or date").fill(str(this_year))
    page.locator("#record").get_by_label("Value").fill("27,5 %")
    page.locator("#record").get_by_label("Source").fill("Residents survey")
    with page.expect_navigation():
        page.get_by_role("button", name="Record", exact=True).click()
    card = page.locator("#metric-metric-1")
    assert card.locator(".progress-status").inner_text() == "On track"
    assert card.locator("svg circle").count() == 1
    assert f"{this_year}: 27.5" in card.locator("svg desc").text_content()
    assert Measurement.objects.get().value == 27.5

    # A second, later value far above the path: the status changes to ahead.
    page.locator("#record").get_by_label("Metric").select_option("metric-1")
    page.locator("#record").get_by_label("Year or date").fill(f"{this_year}-12-31")
    page.locator("#record").get_by_label("Value").fill("45")
    with page.expect_navigation():
        page.get_by_role("button", name="Record", exact=True).click()
    card = page.locator("#metric-metric-1")
    assert card.locator(".progress-status").inner_text() == "Ahead"
    assert card.locator("svg circle").count() == 2 and card.locator("svg polyline").count() == 1

    with page.expect_download() as download:
        page.get_by_role("link", name="Download progress report (PDF)").click()
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    assert download.value.suggested_filename.endswith(".pdf")
    assert path.read_bytes().startswith(b"%PDF")


def test_progress_pages_and_the_portfolio_have_no_serious_accessibility_violations(axe_page):
    from tests.factories import PASSWORD
    from workbench.progress import services

    officer = make_user("officer")
    team = make_team("Camden food team", owner=officer)
    canvas = make_canvas(team, officer, full_document())
    make_canvas(team, officer, full_document("Warm homes"))
    value = services.record_measurement(canvas=canvas, user=officer, metric="metric-1", year=2025, date=None, value=33)
    page = axe_page
    page.goto("/accounts/login/")
    page.fill("#id_username", officer.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    found = {}
    for name, url in {
        "progress": f"/canvases/{canvas.pk}/progress/",
        "history": f"/canvases/{canvas.pk}/progress/history/",
        "change": f"/canvases/{canvas.pk}/progress/measurements/{value.pk}/edit/",
        "portfolio": f"/teams/{team.slug}/portfolio/",
    }.items():
        page.goto(url)
        found[name] = accessibility.serious_violations(page)
    assert {name: v for name, v in found.items() if v} == {}


def test_on_a_phone_nothing_runs_off_to_the_right(page, sign_in):
    from workbench.progress import services

    officer = make_user("officer")
    team = make_team("Phone team", owner=officer)
    canvases = [make_canvas(team, officer, full_document(title)) for title in ("Good food", "Warm homes")]
    services.record_measurement(
        canvas=canvases[0], user=officer, metric="metric-1", year=2025, date=None, value=33, source="A long source " * 5
    )
    sign_in(officer)
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (f"/canvases/{canvases[0].pk}/progress/", f"/teams/{team.slug}/portfolio/"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
    # The portfolio's rows read as cards: each mission's figures under its title, within the screen.
    link = page.get_by_role("link", name="Warm homes", exact=True).first
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
