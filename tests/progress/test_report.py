"""The progress report: one A4 portrait page through the PDF app's locked-down fetcher, every text escaped."""

import io

import pytest
from pypdf import PdfReader

from tests.factories import full_document, make_canvas
from workbench.progress import report, selectors, services
from workbench.progress.overview import canvas_progress


@pytest.fixture(autouse=True)
def pdf_cache_dir(settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path / "pdf-cache"


def test_one_a4_portrait_page_that_loads_only_its_stylesheet(people):
    document = full_document("Warm <b>homes</b> & no cold", items=8)
    document["metrics"][0]["name"] = '<img src="file:///etc/passwd"> Homes below band C'
    canvas = make_canvas(people["team"], people["owner"], document=document)
    for position, metric in enumerate(document["metrics"]):
        for year in (2023, 2024, 2025):
            services.record_measurement(
                canvas=canvas,
                user=people["editor"],
                metric=metric["id"],
                year=year,
                date=None,
                value=20 + position + 3 * (year - 2023),
                source='<a href="http://example.org/x">survey</a>',
            )
    context = canvas_progress(
        canvas,
        measurements=selectors.measurements_of(canvas),
        marks=[],
        settings=services.settings_for(canvas),
        id_prefix="pdf",
    )
    output = report.render_report(context)
    reader = PdfReader(io.BytesIO(output.pdf))
    assert output.pages == 1 and len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert output.refused_urls == []
    assert {url.rsplit("/", 1)[-1] for url in output.requested_urls} == {report.STYLESHEET}
    text = " ".join((reader.pages[0].extract_text() or "").split())
    assert "Warm <b>homes</b> & no cold" in text
    assert '<img src="file:///etc/passwd"> Homes below band C' in text
    assert "Near-term actions" in text and "Free breakfasts in ten schools this year." in text
    assert reader.metadata.title.startswith("Warm <b>homes</b> & no cold – progress report")


def test_download_is_a_pdf_named_after_the_mission(client_for, canvas):
    response = client_for("viewer").get(f"/canvases/{canvas.pk}/progress/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "good-food-for-everyone-progress-" in response["Content-Disposition"]


def test_a_canvas_with_every_metric_list_full_runs_on_and_loses_nothing(people):
    document = full_document("Forty metrics", items=40)
    canvas = make_canvas(people["team"], people["owner"], document=document)
    context = canvas_progress(
        canvas, measurements=[], marks=[], settings=services.settings_for(canvas), id_prefix="pdf"
    )
    output = report.render_report(context)
    reader = PdfReader(io.BytesIO(output.pdf))
    text = " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())
    assert output.pages == len(reader.pages) > 1
    assert f"Page 1 of {output.pages}" in text
    assert all(f"Metric {n} " in text for n in range(1, 41))
