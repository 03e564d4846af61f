"""After a save, Download PDF gives the new revision's one-pager: straight from storage once the worker has rendered
it, or through "Preparing your one-pager", which follows the render and starts the download itself."""

import io

import pytest
from pypdf import PdfReader

from tests.factories import make_team, make_user
from tests.pdf.documents import typical_document
from workbench.canvases import services as canvas_services
from workbench.pdf import services
from workbench.pdf.models import OnePager

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queued_renders(settings, tmp_path):
    """Saves queue their one-pager in the database queue, as in production; the test plays the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.PDF_RENDER_AHEAD = True
    settings.STORAGES = {
        **settings.STORAGES,
        "one_pagers": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


def _worker_runs_what_is_waiting() -> int:
    from tests.pdf.test_tasks import _run_waiting_tasks

    return _run_waiting_tasks()


def _text(path) -> str:
    reader = PdfReader(io.BytesIO(open(path, "rb").read()))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def _save_statement(page, canvas, statement: str):
    page.goto(f"/canvases/{canvas.pk}/edit/")
    page.fill("#id_statement", statement)
    with page.expect_navigation():
        page.click("button[value=view]")


def test_after_a_save_download_pdf_gives_the_new_statement(page, sign_in, queued_renders):
    officer = make_user("officer")
    team = make_team("Northfield housing team", owner=officer)
    canvas = canvas_services.create_canvas(team=team, user=officer, document=typical_document())
    sign_in(officer)

    # The usual case: the worker renders the one-pager right after the save, before anyone downloads it.
    _save_statement(page, canvas, "By 2031, every Northfield home is warm and dry.")
    assert _worker_runs_what_is_waiting() >= 1
    ready = OnePager.objects.get(canvas=canvas, revision__number=2)
    assert ready.status == "ready"
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    assert download.value.suggested_filename.endswith("-r2-a4.pdf")
    assert "By 2031, every Northfield home is warm and dry." in _text(download.value.path())
    assert OnePager.objects.get(pk=ready.pk).attempts == 1, "the download came from storage, not a new render"

    # Asked for before the worker got to it: the page says where the render is and downloads it when ready.
    _save_statement(page, canvas, "By 2030, every Northfield home is warm and dry.")
    page.get_by_role("link", name="Download PDF").click()
    page.wait_for_selector("#one-pager-status")
    assert "Queued" in page.inner_text("#one-pager-status")
    with page.expect_download(timeout=60000) as download:
        services.render(OnePager.objects.get(canvas=canvas, revision__number=3).pk)  # the worker's turn
    assert download.value.suggested_filename.endswith("-r3-a4.pdf")
    assert "By 2030, every Northfield home is warm and dry." in _text(download.value.path())
    assert "Ready" in page.inner_text("#one-pager-status")
