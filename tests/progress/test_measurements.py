"""Recording, changing and deleting measurements on the progress page: the chart and status follow, and the
history keeps every earlier state, deleted values included."""

import datetime as dt

from workbench.progress import services
from workbench.progress.models import Measurement, MeasurementChange


def _page(client, canvas):
    return client.get(f"/canvases/{canvas.pk}/progress/").content.decode()


def test_recording_a_value_draws_it_and_judges_the_metric(client_for, canvas):
    client = client_for("editor")
    page = _page(client, canvas)
    assert "No value has been recorded yet." in page
    this_year = dt.date.today().year
    # Metric 1 goes from 20 (2023) to 50 (2030); a value far above the path is ahead.
    response = client.post(
        f"/canvases/{canvas.pk}/progress/record/",
        {"metric": "metric-1", "when": str(this_year), "value": "49,5 %", "source": "Borough survey", "note": ""},
    )
    assert response.status_code == 302
    (m,) = Measurement.objects.filter(canvas=canvas)
    assert (m.metric, m.year, m.value, m.source) == ("metric-1", this_year, 49.5, "Borough survey")
    page = _page(client, canvas)
    assert f"{this_year}: 49.5" in page  # in the chart's description
    assert 'progress-status progress-ahead">Ahead' in page
    assert "Further along than the straight path" in page


def test_a_bad_value_keeps_what_was_typed_and_says_why(client_for, canvas):
    client = client_for("editor")
    response = client.post(
        f"/canvases/{canvas.pk}/progress/record/",
        {"metric": "metric-1", "when": "30/06/2024", "value": "lots", "source": "My careful source", "note": "typed"},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "“30/06/2024” is neither a year" in page and "“lots” is not a number" in page
    assert 'value="My careful source"' in page
    assert not Measurement.objects.exists()


def test_the_same_period_twice_is_refused_with_a_pointer_to_change_it(client_for, canvas, people):
    services.record_measurement(canvas=canvas, user=people["editor"], metric="metric-1", year=2024, date=None, value=30)
    response = client_for("editor").post(
        f"/canvases/{canvas.pk}/progress/record/", {"metric": "metric-1", "when": "2024", "value": "31"}
    )
    assert response.status_code == 422
    assert "a value for 2024 is recorded already" in response.content.decode()


def test_changed_and_deleted_values_stay_in_the_history(client_for, canvas, people):
    m = services.record_measurement(
        canvas=canvas, user=people["editor"], metric="metric-1", year=2024, date=None, value=30, source="Survey"
    )
    client = client_for("owner")
    response = client.post(
        f"/canvases/{canvas.pk}/progress/measurements/{m.pk}/edit/",
        {"when": "2024", "value": "32", "source": "Survey, corrected", "note": "re-weighted"},
    )
    assert response.status_code == 302
    response = client.post(f"/canvases/{canvas.pk}/progress/measurements/{m.pk}/delete/")
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.deleted_at is not None and m.deleted_by == people["owner"]
    actions = list(MeasurementChange.objects.filter(measurement=m).order_by("pk").values_list("action", flat=True))
    assert actions == ["recorded", "changed", "deleted"]
    assert "No value has been recorded yet." in _page(client, canvas)  # off the chart
    history = client_for("viewer").get(f"/canvases/{canvas.pk}/progress/history/").content.decode()
    assert "Deleted" in history and "Changed" in history and "Recorded" in history
    assert "Before: 30 for 2024 (Survey)" in history and "After: 32 for 2024 (Survey, corrected)" in history
    assert "Before: 32 for 2024 (Survey, corrected) – re-weighted" in history


def test_readers_see_no_forms(client_for, canvas):
    for role in ("viewer", "reviewer"):
        page = _page(client_for(role), canvas)
        assert "Record a measurement" not in page and "Import values" not in page
    assert "Record a measurement" in _page(client_for("editor"), canvas)


def test_a_near_term_action_is_marked_done_with_its_date(client_for, canvas):
    client = client_for("editor")
    from workbench.progress.actions import near_term_actions

    (action,) = near_term_actions(canvas.document["near_term"])
    response = client.post(
        f"/canvases/{canvas.pk}/progress/actions/", {"key": action["key"], "done": "on", "on": "2026-09-01"}
    )
    assert response.status_code == 302
    page = _page(client, canvas)
    assert 'text-bg-success">Done</span> Free breakfasts in ten schools this year.' in page
    assert 'Done on <time datetime="2026-09-01">1 September 2026</time>' in page


def test_the_page_runs_the_same_queries_whatever_the_number_of_values(
    client_for, canvas, people, django_assert_num_queries
):
    client = client_for("editor")
    client.get(f"/canvases/{canvas.pk}/progress/")

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/canvases/{canvas.pk}/progress/").status_code == 200
        return len(captured)

    # Person, canvas, roles, settings, measurements, action marks, notifications (the session comes from the cache):
    # whatever the values.
    few = count()
    assert few == 7
    for year in range(2000, 2040):
        for metric in ("metric-1", "metric-2"):
            services.record_measurement(
                canvas=canvas, user=people["editor"], metric=metric, year=year, date=None, value=year - 1990
            )
    with django_assert_num_queries(few):
        assert client.get(f"/canvases/{canvas.pk}/progress/").status_code == 200


def test_outcomes_and_outputs_are_shown_apart_by_the_teams_label(client_for, people):
    from tests.factories import full_document, make_canvas

    document = full_document("Apart")
    document["metrics"][1].update(kind="output", name="Cooking sessions held", unit="sessions")
    canvas = make_canvas(people["team"], people["owner"], document=document)
    page = client_for("viewer").get(f"/canvases/{canvas.pk}/progress/").content.decode()
    outcomes, outputs = page.split('id="outcomes-title"')[1].split('id="outputs-title"')
    outputs = outputs.split('id="record-title"')[0]
    assert "Metric 1" in outcomes and "Cooking sessions held" not in outcomes
    assert "Cooking sessions held" in outputs


def test_the_owner_sets_the_tolerance_and_what_share_links_show(client_for, canvas, people):
    from django.test import Client

    from tests.factories import publish
    from workbench.sharing import services as review

    this_year = dt.date.today().year
    expected = 20 + 30 * (this_year - 2023) / 7  # metric-1's path this year
    services.record_measurement(
        canvas=canvas, user=people["editor"], metric="metric-1", year=this_year, date=None, value=expected - 4
    )
    owner = client_for("owner")
    assert "progress-metric-1" not in _page(owner, canvas)
    assert 'progress-status progress-behind">Behind' in _page(owner, canvas)  # ±3 at 10 %
    link = review.create_share_link(canvas=canvas, user=people["owner"], label="Cabinet")
    stranger = Client()  # holds the link, signed in nowhere
    assert stranger.get(f"/s/{link.token}/progress/").status_code == 404
    response = owner.post(
        f"/canvases/{canvas.pk}/progress/settings/", {"tolerance": "20", "show_on_share_links": "on", "note": ""}
    )
    assert response.status_code == 302
    page = _page(owner, canvas)
    assert 'progress-status progress-on_track">On track' in page  # ±6 at 20 %
    assert f"/s/{link.token}/progress/" in page
    assert stranger.get(f"/s/{link.token}/progress/").status_code == 404  # ticked, but not published yet
    publish(canvas, people)
    shared = stranger.get(f"/s/{link.token}/progress/")
    assert shared.status_code == 200 and shared["Referrer-Policy"] == "no-referrer"
    assert "through a share link: read only" in shared.content.decode()
    assert "Record a measurement" not in shared.content.decode()
    bad = owner.post(f"/canvases/{canvas.pk}/progress/settings/", {"tolerance": "150", "note": "kept"})
    assert bad.status_code == 422 and "less than or equal to 100" in bad.content.decode()


def test_changing_a_value_starts_from_every_digit_recorded(client_for, canvas, people):
    m = services.record_measurement(
        canvas=canvas, user=people["editor"], metric="metric-1", year=2024, date=None, value=12345.678
    )
    client = client_for("editor")
    form = client.get(f"/canvases/{canvas.pk}/progress/measurements/{m.pk}/edit/").content.decode()
    assert 'value="12345.678"' in form
    assert "12,345.678" in _page(client, canvas)
