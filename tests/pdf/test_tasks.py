"""One-pagers rendered by the task worker: queued once per burst of saves, served from storage, stopped at their
limits, recovered when their worker dies, pruned when no one can download them."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.pdf.conftest import pdf_text
from tests.pdf.documents import typical_document
from workbench.canvases import services as canvas_services
from workbench.canvases.models import Canvas
from workbench.pdf import render as render_module
from workbench.pdf import services
from workbench.pdf.models import OnePager

pytestmark = pytest.mark.urls("tests.pdf.urls")
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def housing_canvas(people):
    return canvas_services.create_canvas(team=people["team"], user=people["owner"], document=typical_document())


@pytest.fixture
def database_queue(settings):
    """Tasks wait in the database queue, as in production, until the test runs them."""
    settings.TASKS = DATABASE_QUEUE
    settings.PDF_RENDER_AHEAD = True


def _save(canvas, user, statement: str):
    document = typical_document()
    document["statement"] = statement
    canvas.refresh_from_db()
    canvas_services.save_canvas(canvas=canvas, user=user, document=document, base_revision=canvas.revision_number)


def _run_waiting_tasks() -> int:
    """What one worker does with the queue: run every waiting task once, oldest first."""
    from django_tasks_db.management.commands.db_worker import Worker

    ran = 0
    while (task := DBTaskResult.objects.ready().first()) is not None:
        task.claim("test-worker")
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run_task(task)
        ran += 1
    return ran


def test_a_burst_of_saves_queues_one_render_of_the_last_revision_which_is_then_downloaded_from_storage(
    database_queue, client_for, people, housing_canvas, django_capture_on_commit_callbacks, pdf_store, monkeypatch
):
    before = DBTaskResult.objects.count()
    for n in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            _save(housing_canvas, people["editor"], f"By 2032, every Northfield home is warm (draft {n}).")

    assert DBTaskResult.objects.count() == before + 1
    one_pager = OnePager.objects.get(canvas=housing_canvas)
    assert one_pager.status == OnePager.Status.QUEUED and one_pager.revision.number == 11

    assert _run_waiting_tasks() == 1
    one_pager.refresh_from_db()
    assert one_pager.status == OnePager.Status.READY and one_pager.attempts == 1
    assert [path.name for path in pdf_store.rglob("*.pdf")] == [one_pager.file_name.rsplit("/", 1)[1]]

    def no_render(*args, **kwargs):
        raise AssertionError("a ready one-pager was rendered again")

    monkeypatch.setattr(services, "render_one_pager_output", no_render)
    response = client_for("viewer").get(reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "(draft 9)" in pdf_text(response.content) and "Revision 11" in pdf_text(response.content)
    assert response["Content-Disposition"].endswith('-r11-a4.pdf"')


def test_a_save_while_the_last_render_runs_queues_the_new_revision(
    database_queue, people, housing_canvas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _save(housing_canvas, people["editor"], "By 2032, every Northfield home is warm.")
    OnePager.objects.update(status=OnePager.Status.RENDERING, started_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        _save(housing_canvas, people["editor"], "By 2033, every Northfield home is warm.")

    assert sorted(OnePager.objects.values_list("revision__number", "status")) == [(2, "rendering"), (3, "queued")]


def test_a3_is_rendered_ahead_once_someone_has_asked_for_it(
    database_queue, client_for, people, housing_canvas, django_capture_on_commit_callbacks
):
    client_for("viewer").get(reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk}), {"layout": "a3"})
    with django_capture_on_commit_callbacks(execute=True):
        _save(housing_canvas, people["editor"], "By 2032, every Northfield home is warm.")

    assert sorted(OnePager.objects.filter(revision__number=2).values_list("layout", flat=True)) == ["a3", "a4"]


def test_a_not_ready_one_pager_shows_the_preparing_page_which_polls_and_works_without_javascript(
    database_queue, client_for, housing_canvas
):
    url = reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk})
    client = client_for("viewer")

    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 202
    assert "Preparing your one-pager" in html and "Queued" in html
    assert f'hx-get="{url}status/?layout=a4"' in html and 'hx-trigger="every 1s"' in html
    assert f'<a href="{url}?layout=a4">Check again</a>' in html

    OnePager.objects.update(status=OnePager.Status.RENDERING, started_at=timezone.now(), attempts=1)
    status = client.get(url + "status/", {"layout": "a4"}).content.decode()
    assert "Rendering" in status and "<html" not in status and "hx-trigger" in status

    assert _run_waiting_tasks() == 1  # the task finds the row taken and leaves it
    OnePager.objects.update(status=OnePager.Status.QUEUED)
    assert _run_waiting_tasks() == 0
    services.render(OnePager.objects.get().pk)
    ready = client.get(url + "status/", {"layout": "a4"}).content.decode()
    assert "Ready" in ready and f'href="{url}?layout=a4" data-download-start' in ready and "hx-trigger" not in ready
    assert client.get(url)["Content-Type"] == "application/pdf"


def test_a_render_past_its_time_limit_is_recorded_failed_and_the_next_render_still_runs(
    client_for, settings, people, housing_canvas
):
    settings.PDF_RENDER_TIMEOUT = 0.05
    url = reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk})

    page = client_for("viewer").get(url)

    one_pager = OnePager.objects.get(canvas=housing_canvas)
    assert one_pager.status == OnePager.Status.FAILED
    assert one_pager.error.startswith("the PDF took longer than 0.05 seconds to lay out and was stopped")
    assert page.status_code == 202 and "Could not be made" in page.content.decode()
    assert "took longer than 0.05 seconds" in page.content.decode()

    settings.PDF_RENDER_TIMEOUT = 30
    other = canvas_services.create_canvas(team=people["team"], user=people["owner"], document=typical_document())
    assert client_for("viewer").get(reverse("pdf:canvas", kwargs={"pk": other.pk}))["Content-Type"] == "application/pdf"
    # And the failed one, tried again by a person, now renders.
    retried = client_for("viewer").post(reverse("pdf:canvas_retry", kwargs={"pk": housing_canvas.pk}) + "?layout=a4")
    assert retried.status_code == 302
    assert client_for("viewer").get(url)["Content-Type"] == "application/pdf"


def test_a_render_past_its_memory_limit_is_recorded_failed_and_the_next_render_still_runs(
    client_for, settings, people, housing_canvas
):
    settings.PDF_RENDER_MEMORY_MB = 4  # above the warm render process: far too little to lay out a page
    url = reverse("pdf:canvas", kwargs={"pk": housing_canvas.pk})

    page = client_for("viewer").get(url)

    one_pager = OnePager.objects.get(canvas=housing_canvas)
    assert one_pager.status == OnePager.Status.FAILED
    assert "4 MB" in one_pager.error and "memory" in one_pager.error
    assert "memory" in page.content.decode()

    settings.PDF_RENDER_MEMORY_MB = 768
    other = canvas_services.create_canvas(team=people["team"], user=people["owner"], document=typical_document())
    assert client_for("viewer").get(reverse("pdf:canvas", kwargs={"pk": other.pk}))["Content-Type"] == "application/pdf"
    assert render_module.renderer().memory_mb == 768


def test_a_render_whose_worker_died_is_queued_again_then_failed_after_its_last_try(database_queue, housing_canvas):
    one_pager = services.request_canvas(housing_canvas, "a4")
    lost_task = one_pager.task_id
    DBTaskResult.objects.filter(id=lost_task).update(status="RUNNING")
    started = timezone.now() - services.stale_after() - dt.timedelta(seconds=1)
    OnePager.objects.filter(pk=one_pager.pk).update(status=OnePager.Status.RENDERING, started_at=started, attempts=1)

    assert services.recover_interrupted() == {"retried": 1, "failed": 0}
    one_pager.refresh_from_db()
    assert one_pager.status == OnePager.Status.QUEUED and one_pager.task_id != lost_task
    assert DBTaskResult.objects.get(id=lost_task).status == "FAILED"
    assert DBTaskResult.objects.get(id=one_pager.task_id).status == "READY"

    OnePager.objects.filter(pk=one_pager.pk).update(status=OnePager.Status.RENDERING, started_at=started, attempts=3)
    assert services.recover_interrupted() == {"retried": 0, "failed": 1}
    one_pager.refresh_from_db()
    assert one_pager.status == OnePager.Status.FAILED
    assert one_pager.error == "the render was interrupted 3 times (its worker stopped before finishing)"


def test_prune_keeps_current_published_and_approved_revisions_and_deletes_the_rest(
    settings, people, housing_canvas, pdf_store
):
    _save(housing_canvas, people["editor"], "By 2032, every Northfield home is warm.")  # revision 2
    # Approved at revision 2 (the workflow records it on the canvas); edited twice since.
    Canvas.objects.filter(pk=housing_canvas.pk).update(approved_revision=housing_canvas.revisions.get(number=2))
    _save(housing_canvas, people["editor"], "By 2033, every Northfield home is warm.")  # revision 3
    _save(housing_canvas, people["editor"], "By 2034, every Northfield home is warm.")  # revision 4, current
    revisions = {revision.number: revision for revision in housing_canvas.revisions.all()}
    for number in (1, 2, 4):
        one_pager = services._request(
            services.canvas_key(housing_canvas, revisions[number], "a4"),
            canvas=housing_canvas,
            revision=revisions[number],
            layout="a4",
        )
        assert one_pager.status == OnePager.Status.READY
    OnePager.objects.filter(revision=revisions[4]).update(template_digest="0ld-templates")
    assert len(list(pdf_store.rglob("*.pdf"))) == 3

    counts = services.prune()

    assert counts == {"one_pagers": 2, "files": 2, "retried": 0, "failed": 0}
    assert list(OnePager.objects.values_list("revision__number", flat=True)) == [2]
    assert len(list(pdf_store.rglob("*.pdf"))) == 1


def test_housekeeping_runs_every_hour_with_one_run_waiting_at_a_time(db, database_queue):
    from workbench.pdf import tasks

    assert tasks.schedule_maintenance() is True
    assert tasks.schedule_maintenance() is False  # a second worker starting finds the run already waiting
    waiting = DBTaskResult.objects.get(task_path="workbench.pdf.tasks.maintain_one_pagers")
    assert dt.timedelta(minutes=59) < waiting.run_after - timezone.now() <= dt.timedelta(hours=1)

    DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
    assert _run_waiting_tasks() == 1
    following = DBTaskResult.objects.filter(task_path="workbench.pdf.tasks.maintain_one_pagers", status="READY")
    assert following.count() == 1 and following.get().run_after > timezone.now() + dt.timedelta(minutes=59)


def test_a_canvas_that_grew_starts_from_the_layout_its_last_revision_needed(people, monkeypatch):
    from workbench.document import parse
    from workbench.pdf.services import seeds_dir

    document = parse((seeds_dir() / "camden-food.json").read_bytes())  # too long for the roomy layout
    canvas = canvas_services.create_canvas(team=people["team"], user=people["owner"], document=document)
    first = services.request_canvas(canvas, "a4")
    # One page of canvas and the theory-of-change map's own page after it (A4).
    assert first.status == OnePager.Status.READY and first.fit >= 1 and first.pages == 2

    started_from = []
    real = services.render_one_pager_output

    def spy(*args, start_fit=0, **kwargs):
        started_from.append(start_fit)
        return real(*args, start_fit=start_fit, **kwargs)

    monkeypatch.setattr(services, "render_one_pager_output", spy)
    longer = {**document, "statement": document["statement"] + " And nobody goes hungry on the way."}
    canvas_services.save_canvas(canvas=canvas, user=people["owner"], document=longer, base_revision=1)
    canvas.refresh_from_db()
    second = services.request_canvas(canvas, "a4")
    assert started_from == [first.fit] and second.fit == first.fit and second.pages == 2

    shorter = {**document, "statement": "By 2030, everyone eats well."}
    canvas_services.save_canvas(canvas=canvas, user=people["owner"], document=shorter, base_revision=2)
    canvas.refresh_from_db()
    services.request_canvas(canvas, "a4")
    assert started_from[-1] == 0, "a canvas that shrank tries the roomiest layout first again"


def test_prune_deletes_the_files_of_purged_canvases_once_they_are_an_hour_old(people, housing_canvas, pdf_store):
    one_pager = services.request_canvas(housing_canvas, "a4")
    assert (pdf_store / one_pager.file_name).is_file()
    canvas_services.move_to_bin(canvas=housing_canvas, user=people["owner"])
    housing_canvas.refresh_from_db()
    canvas_services.purge_canvas(canvas=housing_canvas)
    assert not OnePager.objects.exists()

    assert services.prune()["files"] == 0, "a file younger than an hour may belong to a render saving its row"
    assert services.prune(now=timezone.now() + dt.timedelta(hours=2))["files"] == 1
    assert list(pdf_store.rglob("*.pdf")) == []
