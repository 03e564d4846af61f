"""The progress pages: a canvas's metrics against their targets, the measurements and their history, the report,
and a team's portfolio of missions. Views parse the request, call a service or selector, and render."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from workbench import caching
from workbench.canvases.selectors import canvas_for
from workbench.pdf.engine import RenderError
from workbench.progress import csvfile, overview, portfolio, report, selectors, services, track
from workbench.progress.forms import ActionMarkForm, CsvImportForm, MatchForm, MeasurementForm, SettingsForm
from workbench.progress.models import Measurement
from workbench.sharing.selectors import share_link_for
from workbench.teams.selectors import team_for_member

logger = logging.getLogger(__name__)


def _today():
    return timezone.localdate()


def _metric_choices(document) -> list[tuple[str, str]]:
    return [(m["id"], m.get("name") or m["id"]) for m in document.get("metrics") or [] if m.get("id")]


def _page(request, canvas, *, form=None, import_form=None, settings_form=None, status=200):
    settings = services.settings_for(canvas)
    context = overview.canvas_progress(
        canvas, measurements=selectors.measurements_of(canvas), marks=selectors.marks_of(canvas), settings=settings
    )
    metrics = _metric_choices(canvas.document)
    can_record = request.user.has_perm("progress.record", canvas)
    can_configure = request.user.has_perm("progress.settings", canvas)
    if can_configure and settings.show_on_share_links:
        # Where people holding the canvas's share links read its progress.
        context["shared_progress"] = [
            (link.label, request.build_absolute_uri(reverse("progress:shared", kwargs={"token": link.token})))
            for link in canvas.share_links.filter(revoked_at__isnull=True).order_by("pk")
        ]
    context.update(
        {
            "can_record": can_record,
            "can_configure": can_configure,
            "form": form or MeasurementForm(metrics=metrics, initial={"when": _today().year}),
            "import_form": import_form or CsvImportForm(),
            "settings_form": settings_form
            or SettingsForm(
                initial={
                    "tolerance": settings.tolerance,
                    "show_on_share_links": settings.show_on_share_links,
                    "note": settings.note,
                }
            ),
        }
    )
    return render(request, "progress/progress.html", context, status=status)


@login_required
@require_GET
def progress(request, pk):
    canvas = canvas_for(request.user, pk, perm="progress.view")
    return _page(request, canvas)


@login_required
def record(request, pk):
    canvas = canvas_for(request.user, pk, perm="progress.record")
    if request.method != "POST":
        return redirect(reverse("progress:canvas", kwargs={"pk": canvas.pk}) + "#record")
    form = MeasurementForm(request.POST, metrics=_metric_choices(canvas.document))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_measurement(canvas=canvas, user=request.user, metric=data["metric"], **_recorded(data))
        except services.PeriodTaken as taken:
            form.add_error("when", f"This metric has {taken}; change that value in the list below instead.")
        else:
            messages.success(request, f"Recorded {track.fmt(data['value'])} for {data['when']}.")
            return redirect(reverse("progress:canvas", kwargs={"pk": canvas.pk}) + f"#metric-{data['metric']}")
    return _page(request, canvas, form=form, status=422)


def _recorded(data: dict) -> dict:
    """What the measurement form records, as the services take it."""
    return {name: data[name] for name in ("year", "date", "value", "source", "note")}


def _measurement_for(request, pk, measurement_pk):
    canvas = canvas_for(request.user, pk, perm="progress.record")
    measurement = get_object_or_404(Measurement.objects.live(), canvas=canvas, pk=measurement_pk)
    measurement.canvas = canvas
    return canvas, measurement


@login_required
def measurement_edit(request, pk, measurement_pk):
    canvas, measurement = _measurement_for(request, pk, measurement_pk)
    metrics = _metric_choices(canvas.document) or [(measurement.metric, measurement.metric)]
    if measurement.metric not in dict(metrics):
        metrics.append((measurement.metric, f"{measurement.metric} (no longer on the canvas)"))
    initial = {
        "metric": measurement.metric,
        "when": measurement.when,
        "value": track.typed(measurement.value),
        "source": measurement.source,
        "note": measurement.note,
    }
    form = MeasurementForm(
        request.POST if request.method == "POST" else None, initial=initial, metrics=metrics, fixed_metric=True
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_measurement(measurement=measurement, user=request.user, **_recorded(data))
        except services.PeriodTaken as taken:
            form.add_error("when", f"This metric has {taken}.")
        else:
            messages.success(request, "Measurement changed; the history keeps the earlier value.")
            return redirect(reverse("progress:canvas", kwargs={"pk": canvas.pk}) + f"#metric-{measurement.metric}")
    return render(
        request,
        "progress/measurement_form.html",
        {"canvas": canvas, "team": canvas.team, "form": form, "measurement": measurement},
        status=422 if form.errors else 200,
    )


@login_required
def measurement_delete(request, pk, measurement_pk):
    canvas, measurement = _measurement_for(request, pk, measurement_pk)
    if request.method == "POST":
        services.delete_measurement(measurement=measurement, user=request.user)
        messages.success(request, "Measurement deleted. It stays in the history of this canvas's progress.")
        return redirect(reverse("progress:canvas", kwargs={"pk": canvas.pk}) + f"#metric-{measurement.metric}")
    return render(
        request, "progress/measurement_delete.html", {"canvas": canvas, "team": canvas.team, "measurement": measurement}
    )


@login_required
def csv_import(request, pk):
    canvas = canvas_for(request.user, pk, perm="progress.record")
    if request.method != "POST":
        return redirect(reverse("progress:canvas", kwargs={"pk": canvas.pk}) + "#import")
    form = CsvImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        names = {m["id"]: m.get("name") or "" for m in canvas.document.get("metrics") or [] if m.get("id")}
        try:
            rows = csvfile.read(upload.read(), metrics=names)
        except csvfile.CsvInvalid as invalid:
            for problem in invalid.problems:
                form.add_error("file", str(problem))
            form.add_error("file", "Nothing from this file was stored. Correct the rows named above and try again.")
        else:
            try:
                counts = services.import_rows(canvas=canvas, user=request.user, rows=rows)
            except IntegrityError:
                # Someone recorded a value for one of the file's periods while it was being stored: nothing was.
                form.add_error(
                    "file",
                    "Someone recorded a value for one of these years or dates while the file was being stored, "
                    "so nothing from it was stored. Import it again: that value is then changed to the file's.",
                )
                return _page(request, canvas, import_form=form, status=409)
            messages.success(
                request,
                f"Imported {upload.name}: {counts['added']} new value(s), {counts['changed']} changed, "
                f"{counts['unchanged']} already recorded.",
            )
            return redirect("progress:canvas", pk=canvas.pk)
    return _page(request, canvas, import_form=form, status=422)


@login_required
@require_GET
def csv_export(request, pk):
    canvas = canvas_for(request.user, pk, perm="progress.view")
    names = {m["id"]: (m.get("name") or "", m.get("unit") or "") for m in canvas.document.get("metrics") or []}
    rows = [
        [
            m.metric,
            names.get(m.metric, ("", ""))[0],
            m.when,
            m.value,
            names.get(m.metric, ("", ""))[1],
            m.source,
            m.note,
            m.entered_by.get_username() if m.entered_by else "",
            m.entered_at.isoformat(timespec="seconds"),
        ]
        for m in selectors.measurements_of(canvas)
        if m.deleted_at is None
    ]
    response = HttpResponse(csvfile.write(rows), content_type="text/csv; charset=utf-8")
    filename = f"{report.slugify(canvas.title)[:60] or 'mission'}-measurements.csv"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
@require_GET
def history(request, pk):
    canvas = canvas_for(request.user, pk, perm="progress.view")
    page = Paginator(selectors.changes_of(canvas), 50).get_page(request.GET.get("page"))
    names = {m["id"]: m.get("name") or m["id"] for m in canvas.document.get("metrics") or [] if m.get("id")}
    for change in page.object_list:
        change.metric_name = names.get(
            (change.after or change.before or {}).get("metric"), "a metric no longer on the canvas"
        )
    return render(request, "progress/history.html", {"canvas": canvas, "team": canvas.team, "page": page})


@login_required
def settings_view(request, pk):
    canvas = canvas_for(request.user, pk, perm="progress.settings")
    if request.method != "POST":
        return redirect(reverse("progress:canvas", kwargs={"pk": canvas.pk}) + "#settings")
    form = SettingsForm(request.POST)
    if form.is_valid():
        services.save_settings(canvas=canvas, user=request.user, **form.cleaned_data)
        messages.success(request, "Progress settings saved.")
        return redirect(reverse("progress:canvas", kwargs={"pk": canvas.pk}) + "#settings")
    return _page(request, canvas, settings_form=form, status=422)


@login_required
@require_POST
def action_mark(request, pk):
    canvas = canvas_for(request.user, pk, perm="progress.record")
    form = ActionMarkForm(request.POST)
    actions = {a["key"]: a["text"] for a in overview.action_rows(canvas.document, [])}
    if not form.is_valid() or form.cleaned_data["key"] not in actions:
        messages.error(request, "That action is no longer in the canvas's next 12 months, or the date is not a date.")
        return redirect(reverse("progress:canvas", kwargs={"pk": canvas.pk}) + "#actions")
    data = form.cleaned_data
    services.mark_action(
        canvas=canvas, user=request.user, key=data["key"], text=actions[data["key"]], done=data["done"], on=data["on"]
    )
    messages.success(request, "Action marked.")
    return redirect(reverse("progress:canvas", kwargs={"pk": canvas.pk}) + "#actions")


def _report_response(canvas, context):
    try:
        data = report.report_pdf(canvas, context)
    except RenderError as error:
        logger.warning("Progress report render failed: %s", error)
        return HttpResponse(
            "The progress report could not be made just now. Please try again in a minute.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, report.report_filename(canvas, _today()))
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


@login_required
@require_GET
def report_pdf(request, pk):
    canvas = canvas_for(request.user, pk, perm="progress.view")
    context = overview.canvas_progress(
        canvas,
        measurements=selectors.measurements_of(canvas),
        marks=selectors.marks_of(canvas),
        settings=services.settings_for(canvas),
        id_prefix="pdf",
    )
    return _report_response(canvas, context)


# ---------------------------------------------------------------------------------------------- share links


def _shared_canvas(token):
    """The canvas behind a share link, as it was published: its metrics and title are those of the published
    revision, never a draft's; a canvas not yet published, or whose owner has not ticked progress, answers 404."""
    link = share_link_for(token)
    canvas, published = link.canvas, link.canvas.published_revision
    if published is None:
        raise Http404("This canvas has not been published yet.")
    if not services.settings_for(canvas).show_on_share_links:
        raise Http404("The owner has not chosen to show progress on share links.")
    canvas.document, canvas.title = published.document, published.document.get("title", canvas.title)
    return link, canvas


def _private(response):
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def shared(request, token):
    link, canvas = _shared_canvas(token)
    context = overview.canvas_progress(
        canvas,
        measurements=selectors.measurements_of(canvas),
        marks=selectors.marks_of(canvas),
        settings=services.settings_for(canvas),
    )
    context.update({"link": link, "shared": True})
    return _private(render(request, "progress/progress.html", context))


@require_GET
def shared_report(request, token):
    _, canvas = _shared_canvas(token)
    context = overview.canvas_progress(
        canvas,
        measurements=selectors.measurements_of(canvas),
        marks=selectors.marks_of(canvas),
        settings=services.settings_for(canvas),
        id_prefix="pdf",
    )
    return _private(_report_response(canvas, context))


# ---------------------------------------------------------------------------------------------- the portfolio


@login_required
@require_GET
def team_portfolio(request, slug):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("progress.view", team):
        raise PermissionDenied
    today = _today()
    can_confirm = request.user.has_perm("progress.confirm_match", team)
    params = {key: request.GET.get(key, "") for key in portfolio.PARAMS}
    chosen = portfolio.choices(params)
    # The whole portfolio below the filters is kept until anything it shows changes (README, "Shared cache").
    key = caching.portfolio_key(
        team, selectors.portfolio_stamp(team), today, sorted(params.items()), can_confirm=can_confirm
    )
    body = caching.kept_fragment(
        request,
        key,
        "progress/partials/portfolio_body.html",
        lambda: {
            "team": team,
            **portfolio.build(team, today=today, params=params),
            "can_confirm": can_confirm,
            "confirm_url": reverse("progress:confirm_match", kwargs={"slug": team.slug}),
        },
    )
    return render(request, "progress/portfolio.html", {"team": team, "body": body, **chosen})


@login_required
@require_POST
def confirm_match(request, slug):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("progress.confirm_match", team):
        raise PermissionDenied
    form = MatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That choice could not be read; please choose again.")
    else:
        data = form.cleaned_data
        same = {"same": True, "different": False}.get(data["decision"])
        services.decide_shared_name(team=team, user=request.user, kind=data["kind"], key=data["key"], same=same)
        messages.success(request, "Your choice is saved for the whole team.")
    return redirect(reverse("progress:portfolio", kwargs={"slug": team.slug}) + "#shared")
